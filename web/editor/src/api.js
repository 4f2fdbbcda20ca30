// Talking to Backlab's JSON API. Every error the server sends is
// `{ "error": "..." }`; it becomes an Error with that message.

export async function api(method, path, body, options = {}) {
  let response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
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
