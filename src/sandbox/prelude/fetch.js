
  // ------------------------------------------------------------------ fetch
  // The sandbox has no network. `fetch` reaches only the services the
  // exercise declares: each is a base URL with canned answers, tried in
  // order (an answer with `times` is used that many times, then skipped).
  // Every call is told to the host's trace, so tests can check it. A slow
  // answer arrives on the timer clock, so a timeout raced against it with
  // setTimeout is decided the same way every run.
  const MAX_FETCHES = 100;
  let services = null;
  let fetches = 0;
  const used = new Map();
  const declared = () => (services === null ? (services = JSON.parse(host.services() || "[]")) : services);

  const headerPairs = (init) => {
    if (init === undefined || init === null) return [];
    if (init instanceof Headers) return Array.from(init.entries());
    const pairs = Array.isArray(init) ? init : Object.keys(init).map((k) => [k, init[k]]);
    return pairs.map((pair) => {
      if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError("fetch: headers are an object, or a list of [name, value] pairs");
      return [String(pair[0]).toLowerCase(), String(pair[1])];
    });
  };

  class Headers {
    constructor(init) {
      this._map = new Map();
      for (const [name, value] of headerPairs(init)) this.append(name, value);
    }
    append(name, value) {
      const key = String(name).toLowerCase();
      this._map.set(key, this._map.has(key) ? this._map.get(key) + ", " + value : String(value));
    }
    set(name, value) { this._map.set(String(name).toLowerCase(), String(value)); }
    get(name) { const v = this._map.get(String(name).toLowerCase()); return v === undefined ? null : v; }
    has(name) { return this._map.has(String(name).toLowerCase()); }
    delete(name) { this._map.delete(String(name).toLowerCase()); }
    entries() { return this._map.entries(); }
    keys() { return this._map.keys(); }
    values() { return this._map.values(); }
    forEach(fn, self) { this._map.forEach((v, k) => fn.call(self, v, k, this)); }
    [Symbol.iterator]() { return this._map.entries(); }
  }
  define("Headers", Headers);

  class Response {
    constructor(body, init = {}) {
      this.status = init.status === undefined ? 200 : init.status;
      this.statusText = init.statusText || "";
      this.ok = this.status >= 200 && this.status < 300;
      this.headers = new Headers(init.headers);
      this.url = init.url || "";
      this.redirected = false;
      this.type = "basic";
      this._body = body === undefined || body === null ? "" : String(body);
      this.bodyUsed = false;
    }
    _read() {
      if (this.bodyUsed) return Promise.reject(new TypeError("the response body was already read: call res.json() or res.text() once"));
      this.bodyUsed = true;
      return Promise.resolve(this._body);
    }
    text() { return this._read(); }
    json() {
      return this._read().then((text) => {
        try {
          return JSON.parse(text);
        } catch (e) {
          throw new SyntaxError("the service's answer is not JSON (" + e.message + "): " + text.slice(0, 80));
        }
      });
    }
  }
  define("Response", Response);

  // The declared answer for `method` and `path` on `service`, marking it
  // used; null when it has none left.
  const answerFor = (serviceIndex, service, method, path) => {
    const answers = service.answers || [];
    for (let i = 0; i < answers.length; i++) {
      const a = answers[i];
      if ((a.method || "GET") !== method || !pathMatches(a.path, path)) continue;
      const key = serviceIndex + "/" + i;
      const count = used.get(key) || 0;
      if (a.times !== undefined && a.times !== null && count >= a.times) continue;
      used.set(key, count + 1);
      return a;
    }
    return null;
  };
  const notFound = (method, path) => ({ status: 404, headers: { "content-type": "application/json" }, body: JSON.stringify({ error: "no such endpoint: " + method + " " + path }) });
  // `/v1/charges/*` matches one segment where the star is.
  const pathMatches = (pattern, path) => {
    const want = String(pattern).split("/");
    const got = path.split("/");
    return want.length === got.length && want.every((part, i) => part === "*" ? got[i] !== "" : part === got[i]);
  };

  define("fetch", function fetch(input, init = {}) {
    const url = String(input && typeof input === "object" && "url" in input ? input.url : input);
    const method = String(init.method || "GET").toUpperCase();
    if (init.body !== undefined && init.body !== null && typeof init.body !== "string") {
      return Promise.reject(new TypeError("fetch: send the body as a string, e.g. body: JSON.stringify(data), with a Content-Type header"));
    }
    const body = init.body === undefined || init.body === null ? "" : init.body;
    let headers;
    try {
      headers = headerPairs(init.headers);
    } catch (e) {
      return Promise.reject(e);
    }
    if (!/^https?:\/\/[^/?#]+/i.test(url)) {
      return Promise.reject(new TypeError("fetch needs a whole URL such as https://api.example.com/v1/items, not " + JSON.stringify(url)));
    }
    if (++fetches > MAX_FETCHES) {
      return Promise.reject(new Error("more than " + MAX_FETCHES + " fetch calls in one request: is a loop calling a service again and again?"));
    }
    const list = declared();
    const under = (s) => url === s.url || url.startsWith(s.url + "/") || url.startsWith(s.url + "?");
    if (!list.some(under)) {
      host.called(method, url, headers, body, 0);
      const names = list.map((s) => s.url).join(", ");
      return Promise.reject(new TypeError("fetch failed: " + url + " is not a service this exercise provides; Backlab's sandbox has no network" + (names ? " (it can reach " + names + ")" : "")));
    }
    // A test's services come first, then the exercise's: the first answer
    // left for this method and path wins.
    let answer = null;
    let path = "/";
    for (let i = 0; i < list.length && answer === null; i++) {
      if (!under(list[i])) continue;
      path = url.slice(list[i].url.length).split(/[?#]/)[0] || "/";
      answer = answerFor(i, list[i], method, path);
    }
    if (answer === null) answer = notFound(method, path);
    const status = answer.status || 200;
    host.called(method, url, headers, body, status);
    const response = new Response(method === "HEAD" ? "" : answer.body, { status, headers: answer.headers, url });
    const delay = Number(answer.delay_ms) || 0;
    return new Promise((resolve) => {
      if (delay > 0) addTimer(resolve, delay, [response], false);
      else resolve(response);
    });
  });
