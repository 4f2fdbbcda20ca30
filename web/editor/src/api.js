// Talking to Backlab's JSON API. Every error the server sends is
// `{ "error": "..." }`; it becomes an Error with that message.

// In a class, every change carries the session's CSRF token, which the
// page holds in <meta name="csrf-token">.
function headers(method, body) {
  const headers = body === undefined ? {} : { "Content-Type": "application/json" };
  const token = document.querySelector('meta[name="csrf-token"]');
  if (token && method !== "GET") headers["X-CSRF-Token"] = token.content;
  return headers;
}

export async function api(method, path, body, options = {}) {
  let response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: headers(method, body),
      body: body === undefined ? undefined : JSON.stringify(body),
      keepalive: options.keepalive === true,
      signal: options.signal,
    });
  } catch (error) {
    if (error.name === "AbortError") throw error;
    throw new Error("Backlab is not answering. Is it still running in your terminal?");
  }
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new Error(data && data.error ? data.error : `Backlab answered ${response.status}.`);
  }
  return data;
}
