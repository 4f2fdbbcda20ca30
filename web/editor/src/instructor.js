// The instructor's dashboard, live: on every new submission (a server-sent
// event) the page's #live part is fetched again and swapped in. The server
// renders and escapes it, so learners' names and code never become markup.

export function instructorPage() {
  const live = document.getElementById("live");
  const status = document.getElementById("live-status");
  if (!live || !window.EventSource) return;
  let shown = null;
  let refreshing = false;

  async function refresh() {
    if (refreshing) return;
    refreshing = true;
    try {
      const response = await fetch("/instructor", { headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById("live");
      if (fresh) live.replaceChildren(...fresh.childNodes);
      status.textContent = `Live · updated ${new Date().toLocaleTimeString()}`;
    } catch (error) {
      status.textContent = `Could not update (${error.message}); retrying on the next submission.`;
    } finally {
      refreshing = false;
    }
  }

  const events = new EventSource("/instructor/events");
  events.addEventListener("submission", (event) => {
    if (shown !== null && shown !== event.data) refresh();
    shown = event.data;
    status.textContent = "Live";
  });
  events.addEventListener("error", () => {
    status.textContent = "Reconnecting…";
  });
}
