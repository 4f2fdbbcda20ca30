
  // ---------------------------------------------------------------- request
  function decodeComponent(text) {
    try { return decodeURIComponent(text); } catch (_) { return decodeLenient(text); }
  }

  // Node's querystring.unescape for malformed text: each %XX is a byte, and
  // bytes that are not UTF-8 become U+FFFD.
  function decodeLenient(text) {
    const bytes = [];
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const hex = chars.slice(i + 1, i + 3).join("");
      if (ch === "%" && /^[0-9a-fA-F]{2}$/.test(hex)) { bytes.push(parseInt(hex, 16)); i += 2; continue; }
      const cp = ch.codePointAt(0);
      if (cp < 0x80) { bytes.push(cp); continue; }
      // A lone surrogate has no UTF-8 form: it becomes U+FFFD's bytes.
      const encoded = cp >= 0xd800 && cp <= 0xdfff ? "\uFFFD" : ch;
      for (const b of unescape(encodeURIComponent(encoded))) bytes.push(b.charCodeAt(0));
    }
    return utf8Decode(bytes);
  }

  function utf8Decode(bytes) {
    let out = "";
    for (let i = 0; i < bytes.length;) {
      const b = bytes[i];
      const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
      let cp = need === 0 ? b : need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
      let ok = need >= 0;
      for (let k = 1; ok && k <= need; k++) {
        const c = bytes[i + k];
        if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
        else cp = (cp << 6) | (c & 0x3f);
      }
      if (!ok) { out += "\ufffd"; i += 1; continue; }
      out += String.fromCodePoint(cp);
      i += need + 1;
    }
    return out;
  }

  // Node's querystring.parse, which Express 5's default ("simple") query
  // parser uses: `+` is a space, repeated keys make arrays, `a[b]` stays a
  // plain key.
  function parseQuery(text, proto) {
    const out = proto ? {} : Object.create(null);
    for (const part of text.split("&")) {
      if (!part) continue;
      const eq = part.indexOf("=");
      const key = decodeComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, " "));
      const value = eq < 0 ? "" : decodeComponent(part.slice(eq + 1).replace(/\+/g, " "));
      if (!hasOwn(out, key)) out[key] = value;
      else if (Array.isArray(out[key])) out[key].push(value);
      else out[key] = [out[key], value];
    }
    return out;
  }

  // The cookie package's parse, then cookie-parser's JSON cookies (`j:…`).
  function parseCookies(header) {
    const out = Object.create(null);
    if (!header) return out;
    for (const part of header.split(";")) {
      const eq = part.indexOf("=");
      if (eq < 0) continue;
      const name = part.slice(0, eq).trim();
      let value = part.slice(eq + 1).trim();
      if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (!name || name === "__proto__" || hasOwn(out, name)) continue;
      if (value.includes("%")) {
        try { value = decodeURIComponent(value); } catch (_) { /* kept as sent */ }
      }
      if (value.startsWith("j:")) {
        try {
          const parsed = JSON.parse(value.slice(2));
          if (parsed) value = parsed;
        } catch (_) { /* not JSON: kept as text */ }
      }
      out[name] = value;
    }
    return out;
  }

  class HttpError extends Error {
    constructor(status, message, type) {
      super(message);
      this.name = "HttpError";
      this.status = status;
      this.statusCode = status;
      this.expose = status < 500;
      if (type) this.type = type;
    }
  }

  // body-parser's error for a body that is not JSON: a SyntaxError with
  // status 400 and type "entity.parse.failed".
  function parseFailure(message, body) {
    const error = new SyntaxError(message);
    Object.assign(error, { status: 400, statusCode: 400, expose: true, type: "entity.parse.failed", body });
    return error;
  }

  const mediaType = (value) => String(value || "").split(";")[0].trim().toLowerCase();

  // express.json()'s parse: with `strict`, only an object or an array.
  function parseJson(raw, strict) {
    const first = raw.trimStart().charAt(0);
    if (strict && first !== "{" && first !== "[") {
      throw parseFailure("The JSON body must be an object or an array (express.json() is strict), not " + JSON.stringify(raw.slice(0, 20)), raw);
    }
    try { return JSON.parse(raw); } catch (e) {
      throw parseFailure("The request body is not valid JSON: " + e.message, raw);
    }
  }

  // What express.json() and express.urlencoded() would make of the body;
  // Backlab parses it for every request (see docs/javascript.md).
  function parseBody(type, raw) {
    if (raw === "") return {};
    const media = mediaType(type);
    if (media === "application/json" || media === "application/x-www-form-urlencoded") {
      const charset = (/;\s*charset=([^;]+)/i.exec(type) || [])[1];
      const ok = media === "application/json" ? /^utf-(8|16le|16)$/i : /^utf-8$/i;
      if (charset && !ok.test(charset.trim().replace(/"/g, ""))) {
        const error = new HttpError(415, "unsupported charset \"" + charset.trim().toUpperCase() + "\"", "charset.unsupported");
        error.charset = charset.trim().toLowerCase();
        throw error;
      }
    }
    if (media === "application/json") return parseJson(raw, true);
    if (media === "application/x-www-form-urlencoded") return parseQuery(raw, true);
    // No parser of Express's takes other types: the text is in req.rawBody.
    return undefined;
  }

  // Accept-style header → [{ value, q, i }], best first.
  function preferences(header) {
    return String(header).split(",").map((part, i) => {
      const [value, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { value: value.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1, i };
    }).filter((p) => p.value && p.q > 0).sort((a, b) => b.q - a.q || a.i - b.i);
  }

  function mediaMatches(pattern, type) {
    const [pt, ps] = pattern.split("/");
    const [tt, ts] = type.split("/");
    // `application/*+json` (as type-is reads it): any subtype with that suffix.
    const suffix = ps && ps.startsWith("*+") && ts ? ts.endsWith(ps.slice(1)) : false;
    return (pt === "*" || pt === tt) && (ps === "*" || ps === ts || suffix);
  }

  /**
   * req.accepts() and its kin: the offer the header's best-ranked
   * preference (by q, then by position) picks first; with no offers, the
   * header's preferences; with no header, the first offer.
   */
  function negotiate(header, offers, matches, everything) {
    if (offers.length === 0) return header ? preferences(header).map((p) => p.value) : [everything];
    if (!header) return offers[0];
    for (const pref of preferences(header)) {
      const hit = offers.find((offer) => matches(pref.value, String(offer)));
      if (hit !== undefined) return hit;
    }
    return false;
  }
  const typeMatches = (pattern, offer) => {
    const type = offer.includes("/") ? offer.toLowerCase() : lookupType(offer);
    return Boolean(type) && mediaMatches(pattern, type);
  };
  const tokenMatches = (pattern, offer) => pattern === "*" || pattern === offer.toLowerCase();
  const languageMatches = (pattern, offer) => tokenMatches(pattern, offer) || offer.toLowerCase().split("-")[0] === pattern;

  const forwarded = (headers, name) => String(headers[name] || "").split(",")[0].trim();

  /**
   * Express 5's req (an IncomingMessage, as Node names it). Its accessors
   * and methods live on the prototype, made once in the start-up snapshot,
   * so a request allocates a handful of objects, not a closure per method.
   */
  class IncomingMessage {
    #hasBody;
    // `raw.headers` comes as Node makes req.headers: lowercased names,
    // repeated headers joined (the guest does that before the prelude runs).
    constructor(raw, app) {
      const headers = raw.headers;
      this.method = raw.method;
      this.url = raw.url;
      this.originalUrl = raw.url;
      this.baseUrl = "";
      this.headers = headers;
      this.cookies = parseCookies(headers.cookie);
      this.signedCookies = {};
      this.params = {};
      this.body = {};
      this.rawBody = raw.body;
      this.socket = { remoteAddress: raw.remoteAddress };
      this.app = app;
      this.#hasBody = Boolean(raw.body || headers["content-length"] || headers["transfer-encoding"]);
    }
    #trusted() { return Boolean(this.app.get("trust proxy")); }
    get path() { const q = this.url.indexOf("?"); return q < 0 ? this.url : this.url.slice(0, q); }
    // A getter, as in Express 5: parsed again at every read.
    get query() {
      const q = this.url.indexOf("?");
      return parseQuery(q < 0 ? "" : this.url.slice(q + 1));
    }
    get protocol() { return this.#trusted() && this.headers["x-forwarded-proto"] ? forwarded(this.headers, "x-forwarded-proto") : "http"; }
    get secure() { return this.protocol === "https"; }
    get ip() { return this.#trusted() && this.headers["x-forwarded-for"] ? forwarded(this.headers, "x-forwarded-for") : this.socket.remoteAddress; }
    get ips() { return this.#trusted() && this.headers["x-forwarded-for"] ? this.headers["x-forwarded-for"].split(",").map((s) => s.trim()) : []; }
    get hostname() {
      const host = (this.#trusted() && this.headers["x-forwarded-host"]) ? forwarded(this.headers, "x-forwarded-host") : this.headers.host;
      return host ? String(host).replace(/:\d+$/, "") : undefined;
    }
    get host() { return this.headers.host; }
    get subdomains() {
      const h = this.hostname || "";
      return /^[\d.]+$/.test(h) ? [] : h.split(".").reverse().slice(this.app.get("subdomain offset"));
    }
    get xhr() { return String(this.headers["x-requested-with"] || "").toLowerCase() === "xmlhttprequest"; }
    get fresh() { return isFresh(this, this.res); }
    get stale() { return !this.fresh; }
    get(name) {
      if (typeof name !== "string") throw new TypeError("req.get(name) needs the header's name as a string");
      const key = name.toLowerCase();
      if (key === "referer" || key === "referrer") return this.headers.referer || this.headers.referrer;
      return this.headers[key];
    }
    header(name) { return this.get(name); }
    accepts(...types) { return negotiate(this.headers.accept, types.flat(), typeMatches, "*/*"); }
    acceptsCharsets(...c) { return negotiate(this.headers["accept-charset"], c.flat(), tokenMatches, "*"); }
    acceptsEncodings(...e) { return negotiate(this.headers["accept-encoding"], e.flat(), tokenMatches, "*"); }
    acceptsLanguages(...l) { return negotiate(this.headers["accept-language"], l.flat(), languageMatches, "*"); }
    is(...types) {
      const type = this.headers["content-type"];
      if (!this.#hasBody) return null;
      if (!type) return false;
      const media = mediaType(type);
      const offers = types.flat();
      if (offers.length === 0) return media;
      for (const offer of offers) {
        const want = offer.startsWith("+") ? "*/*" + offer : offer.includes("/") ? offer.toLowerCase() : lookupType(offer);
        if (!want) continue;
        if (want.includes("+") && want.startsWith("*/*+")) { if (media.endsWith(want.slice(3))) return offer; continue; }
        if (mediaMatches(want, media)) return offer.startsWith("+") || offer.includes("*") ? media : offer;
      }
      return false;
    }
    range() { return undefined; }
  }
