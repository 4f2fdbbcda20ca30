
  // --------------------------------------------------------------- response
  const STATUS_TEXT = {
    100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints", 200: "OK", 201: "Created", 202: "Accepted",
    203: "Non-Authoritative Information", 204: "No Content", 205: "Reset Content", 206: "Partial Content",
    207: "Multi-Status", 208: "Already Reported", 226: "IM Used",
    300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
    307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized",
    402: "Payment Required", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
    406: "Not Acceptable", 408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required",
    412: "Precondition Failed", 413: "Payload Too Large", 414: "URI Too Long", 415: "Unsupported Media Type",
    416: "Range Not Satisfiable", 417: "Expectation Failed", 418: "I'm a Teapot", 422: "Unprocessable Entity",
    421: "Misdirected Request", 423: "Locked", 424: "Failed Dependency", 425: "Too Early", 426: "Upgrade Required", 428: "Precondition Required",
    429: "Too Many Requests", 431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates",
    507: "Insufficient Storage", 508: "Loop Detected", 509: "Bandwidth Limit Exceeded", 510: "Not Extended",
    511: "Network Authentication Required",
  };

  // The types learners name most, as the mime-types package knows them.
  const TYPES = {
    html: "text/html", htm: "text/html", txt: "text/plain", text: "text/plain", json: "application/json",
    js: "text/javascript", mjs: "text/javascript", css: "text/css", csv: "text/csv", xml: "application/xml",
    md: "text/markdown", svg: "image/svg+xml", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg",
    gif: "image/gif", webp: "image/webp", ico: "image/vnd.microsoft.icon", pdf: "application/pdf",
    zip: "application/zip", bin: "application/octet-stream", form: "application/x-www-form-urlencoded",
    urlencoded: "application/x-www-form-urlencoded", multipart: "multipart/*",
  };
  function lookupType(name) {
    const key = String(name).toLowerCase().replace(/^.*[./]/, "");
    return TYPES[key] || false;
  }
  // mime-types' contentType(): a full type from an extension, with a
  // charset for text and JSON.
  function contentType(value) {
    let type = String(value);
    if (!type.includes("/")) type = lookupType(type);
    if (!type) return false;
    if (!/;\s*charset=/i.test(type)) {
      const media = mediaType(type);
      if (media.startsWith("text/") || media === "application/json" || media === "application/javascript") type += "; charset=utf-8";
    }
    return type;
  }
  const setCharset = (type, charset) => {
    const [media, ...params] = type.split(";").map((s) => s.trim());
    const rest = params.filter((p) => !/^charset=/i.test(p));
    return [media, ...rest, "charset=" + charset].join("; ");
  };

  // A pure function of a string, remembered. The framework meets the same
  // few header names and types in every request; JavaScript in the sandbox
  // is slow enough that a lookup beats even one RegExp test, and the common
  // values are worked out once, when the start-up snapshot is made.
  const remembered = (fn) => {
    const seen = new Map();
    return (text) => {
      let value = seen.get(text);
      if (value === undefined) {
        value = fn(text);
        if (seen.size < 512) seen.set(text, value);
      }
      return value;
    };
  };
  const knownContentType = remembered(contentType);
  const utf8Charset = remembered((type) => setCharset(type, "utf-8"));
  const lowerName = remembered((name) => name.toLowerCase());
  const validName = remembered((name) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name));
  // Values are many; only short ones are worth remembering.
  const freeOfControls = (value) => !/[\x00-\x08\x0a-\x1f\x7f]/.test(value);
  const validShortValue = remembered(freeOfControls);
  const validValue = (value) => (value.length <= 64 ? validShortValue(value) : freeOfControls(value));
  for (const type of ["html", "json", "txt", "text", "text/html", "text/plain", "application/json", "bin"]) {
    const full = knownContentType(type);
    validShortValue(full);
    utf8Charset(full);
  }
  for (const value of ["Express", "nosniff", "default-src 'none'", "no-store", "text/html; charset=utf-8"]) validShortValue(value);
  for (const name of ["Content-Type", "ETag", "Location", "Set-Cookie", "Cache-Control", "Content-Disposition",
    "Vary", "Link", "Allow", "X-Powered-By", "Content-Length", "WWW-Authenticate", "Retry-After", "Last-Modified"]) {
    lowerName(name);
    validName(name);
  }

  function utf8Length(text) {
    if (!/[^\x00-\x7f]/.test(text)) return text.length;
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c < 0xdc00) { bytes += 4; i++; }
      else bytes += 3;
    }
    return bytes;
  }

  // Not a global: only the framework makes these, so `describe` can trust them.
  class ResponseTooLarge extends Error {
    constructor(size) {
      super("the response body would be " + size + " bytes, over the limit of " + limits.responseBytes);
      this.name = "ResponseTooLarge";
      this.size = size;
    }
  }
  const tooLarge = (size) => new ResponseTooLarge(size);

  // The cookie package's serialize, as res.cookie() calls it.
  function cookieHeader(name, value, o) {
    if (!/^[\u0021-\u007e]+$/.test(name) || /[=;,\s]/.test(name)) throw new TypeError("argument name is invalid: " + JSON.stringify(name));
    let text = name + "=" + encodeURIComponent(value);
    if (o.maxAge !== undefined && o.maxAge !== null) {
      if (!isFinite(o.maxAge)) throw new TypeError("option maxAge is invalid");
      text += "; Max-Age=" + Math.floor(o.maxAge);
    }
    const safe = /^[\u0020-\u003A\u003C-\u007E]*$/;
    if (o.domain) {
      if (!safe.test(o.domain)) throw new TypeError("option domain is invalid");
      text += "; Domain=" + o.domain;
    }
    if (o.path) {
      if (!safe.test(o.path)) throw new TypeError("option path is invalid");
      text += "; Path=" + o.path;
    }
    if (o.expires) {
      if (!(o.expires instanceof Date) || isNaN(o.expires)) throw new TypeError("option expires is invalid");
      text += "; Expires=" + o.expires.toUTCString();
    }
    if (o.httpOnly) text += "; HttpOnly";
    if (o.secure) text += "; Secure";
    if (o.partitioned) text += "; Partitioned";
    if (o.priority) text += "; Priority=" + String(o.priority).charAt(0).toUpperCase() + String(o.priority).slice(1).toLowerCase();
    if (o.sameSite) {
      const s = o.sameSite === true ? "strict" : String(o.sameSite).toLowerCase();
      if (!["strict", "lax", "none"].includes(s)) throw new TypeError("option sameSite is invalid");
      text += "; SameSite=" + s.charAt(0).toUpperCase() + s.slice(1);
    }
    return text;
  }

  // The etag package's weak ETag of a body, as res.send() sets it.
  // A lone surrogate becomes U+FFFD, as in the UTF-8 bytes Node hashes.
  // (Most bodies are plain ASCII, which `send` knows already.)
  const etagOf = (body, ascii) => host.etag(ascii || !/[\ud800-\udfff]/.test(body) ? body
    : body.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));

  // The fresh package: does the client's cached copy still match?
  function isFresh(req, res) {
    if (!res) return false;
    const method = req.method;
    const status = res.statusCode;
    if ((method !== "GET" && method !== "HEAD") || !((status >= 200 && status < 300) || status === 304)) return false;
    const noneMatch = req.headers["if-none-match"];
    const modifiedSince = req.headers["if-modified-since"];
    if (!noneMatch && !modifiedSince) return false;
    if (/(?:^|,)\s*?no-cache\s*?(?:,|$)/.test(req.headers["cache-control"] || "")) return false;
    if (noneMatch && noneMatch !== "*") {
      const etag = res.get("ETag");
      if (!etag) return false;
      const strip = (t) => t.trim().replace(/^W\//, "");
      if (!String(noneMatch).split(",").some((t) => strip(t) === strip(etag))) return false;
    }
    if (modifiedSince) {
      const last = res.get("Last-Modified");
      if (!last || !(Date.parse(last) <= Date.parse(modifiedSince))) return false;
    }
    return true;
  }

  const ENCODE_URL = /(?:[^\x21\x23-\x3B\x3D\x3F-\x5F\x61-\x7A\x7C\x7E]|%(?:[^0-9A-Fa-f]|[0-9A-Fa-f][^0-9A-Fa-f]|$))+/g;
  const encodeUrl = (url) => String(url).replace(ENCODE_URL, (m) => { try { return encodeURI(m); } catch (_) { return m; } });
  const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  const checkHeader = (name, value) => {
    if (!validName(name)) throw new TypeError("Header name must be a valid HTTP token [\"" + name + "\"]");
    if (!validValue(value)) throw new TypeError("Invalid character in header content [\"" + name + "\"]");
  };
  const chunkText = (chunk) => (chunk instanceof Uint8Array ? utf8Decode(chunk) : String(chunk));
  const valuesOf = (value) => (Array.isArray(value) ? value.map(String) : [String(value)]);
  const sandboxHasNoFiles = (what, instead) => () => {
    throw new Error(what + " needs " + instead);
  };

  /**
   * Express 5's res (Node's ServerResponse). As with IncomingMessage, its
   * methods live on the prototype. What it will send is in a private
   * `#state` that only the framework reads (through `stateOf`, which the
   * learner's code cannot reach), so every change passes the methods' checks.
   */
  let stateOf;
  class ServerResponse {
    // `headers`: [name, value, lowercased name] in the order they are sent;
    // `counts`: how many values each lowercased name has.
    // `measured`: the last text `send` measured, with its UTF-8 length.
    #state = {
      status: 200, headers: [], chunks: [], size: 0, finished: false, headSent: false, sentStatus: 0,
      counts: new Map(), measured: null, measuredBytes: 0,
    };
    constructor(req, app) {
      this.locals = Object.create(null);
      this.app = app;
      this.req = req;
      this.statusMessage = undefined;
    }
    static { stateOf = (res) => res.#state; }
    #drop(lower) {
      const state = this.#state;
      if (!state.counts.get(lower)) return;
      state.headers = state.headers.filter((entry) => entry[2] !== lower);
      state.counts.delete(lower);
    }
    // What getHeader returns, by lowercased name.
    #read(lower) {
      const state = this.#state;
      const count = state.counts.get(lower);
      if (!count) return undefined;
      const headers = state.headers;
      if (count === 1 && lower !== "set-cookie") {
        for (let i = 0; i < headers.length; i++) if (headers[i][2] === lower) return headers[i][1];
      }
      const values = [];
      for (let i = 0; i < headers.length; i++) if (headers[i][2] === lower) values.push(headers[i][1]);
      return values;
    }
    #push(name, lower, values) {
      const state = this.#state;
      for (let i = 0; i < values.length; i++) state.headers.push([name, values[i], lower]);
      state.counts.set(lower, (state.counts.get(lower) || 0) + values.length);
    }
    // Sets a header the framework made (a known name, a value that needs no
    // check), unless the app replaced res.set or res.setHeader: then through
    // them, as Express would.
    #put(name, lower, value) {
      if (this.set !== protoSet || this.setHeader !== protoSetHeader) return this.set(name, value);
      this.#drop(lower);
      this.#push(name, lower, [value]);
    }
    #ensureOpen() {
      if (this.#state.finished || this.#state.headSent) {
        throw new Error("Cannot set headers after they are sent to the client (this response was already sent: is a `return` missing after an earlier res.send() or res.json()?)");
      }
    }
    #append(text) {
      // A string has at least as many UTF-8 bytes as characters, so a long
      // one is refused before it is measured. (`send` measured its body
      // already.)
      const state = this.#state;
      const least = state.size + text.length;
      const bytes = text === state.measured ? state.measuredBytes : utf8Length(text);
      const size = least > limits.responseBytes ? least : state.size + bytes;
      if (size > limits.responseBytes) throw tooLarge(size);
      state.size = size;
      state.chunks.push(text);
    }
    get headersSent() { return this.#state.finished || this.#state.headSent; }
    get finished() { return this.#state.finished; }
    get writableEnded() { return this.#state.finished; }
    get statusCode() { return this.#state.status; }
    // Node takes any number here and checks it when the head is sent.
    set statusCode(code) { this.#state.status = Number(code) | 0; }
    status(code) {
      if (!isInteger(code)) throw new TypeError("Invalid status code: " + JSON.stringify(code) + ". Status code must be an integer.");
      if (code < 100 || code > 999) throw new RangeError("Invalid status code: " + JSON.stringify(code) + ". Status code must be greater than 99 and less than 1000.");
      this.#state.status = code;
      return this;
    }
    setHeader(name, value) {
      this.#ensureOpen();
      const key = String(name);
      const lower = lowerName(key);
      const values = valuesOf(value);
      this.#drop(lower);
      for (let i = 0; i < values.length; i++) checkHeader(key, values[i]);
      this.#push(key, lower, values);
      return this;
    }
    getHeader(name) { return this.#read(lowerName(String(name))); }
    getHeaders() {
      const out = Object.create(null);
      const headers = this.#state.headers;
      for (let i = 0; i < headers.length; i++) out[headers[i][2]] = this.#read(headers[i][2]);
      return out;
    }
    getHeaderNames() { return Object.keys(this.getHeaders()); }
    hasHeader(name) { return Boolean(this.#state.counts.get(lowerName(String(name)))); }
    removeHeader(name) {
      this.#ensureOpen();
      this.#drop(lowerName(String(name)));
    }
    writeHead(code, message, headers) {
      this.status(code);
      const h = typeof message === "object" ? message : headers;
      if (h) for (const k of Object.keys(h)) this.setHeader(k, h[k]);
      return this;
    }
    set(field, value) {
      if (field !== null && typeof field === "object") {
        for (const k of Object.keys(field)) this.set(k, field[k]);
        return this;
      }
      let v = Array.isArray(value) ? value.map(String) : String(value);
      const name = String(field);
      if (lowerName(name) === "content-type") {
        if (Array.isArray(v)) throw new TypeError("Content-Type cannot be set to an Array");
        v = knownContentType(v);
      }
      return this.setHeader(name, v);
    }
    header(field, value) { return this.set(field, value); }
    get(field) { return this.getHeader(field); }
    append(field, value) {
      const key = String(field);
      const lower = lowerName(key);
      if (!this.#state.counts.get(lower) || lower === "content-type") return this.set(key, value);
      // Adds to what is there without copying it all again.
      this.#ensureOpen();
      const values = valuesOf(value);
      for (let i = 0; i < values.length; i++) checkHeader(key, values[i]);
      this.#push(key, lower, values);
      return this;
    }
    type(type) {
      const t = String(type);
      return this.set("Content-Type", t.includes("/") ? t : knownContentType(t) || "application/octet-stream");
    }
    contentType(type) { return this.type(type); }
    location(url) { return this.set("Location", encodeUrl(url)); }
    links(links) {
      const link = Object.keys(links).map((rel) => "<" + links[rel] + ">; rel=\"" + rel + "\"").join(", ");
      const prev = this.get("Link");
      return this.set("Link", prev ? prev + ", " + link : link);
    }
    vary(field) {
      const prev = String(this.get("Vary") || "");
      if (prev === "*") return this;
      const have = prev.split(",").map((s) => s.trim()).filter(Boolean);
      for (const f of String(field).split(",").map((s) => s.trim()).filter(Boolean)) {
        if (f === "*") { have.length = 0; have.push("*"); break; }
        if (!have.some((h) => h.toLowerCase() === f.toLowerCase())) have.push(f);
      }
      return this.set("Vary", have.join(", "));
    }
    attachment(filename) {
      if (!filename) return this.set("Content-Disposition", "attachment");
      const name = String(filename).replace(/^.*[\\/]/, "");
      this.type(name);
      // As the content-disposition package writes it: a quoted ASCII
      // fallback, and the real name encoded when it is not plain ASCII.
      const ascii = name.replace(/[^\x20-\x7e]/g, "?");
      const quoted = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(ascii) ? ascii : "\"" + ascii.replace(/["\\]/g, "\\$&") + "\"";
      const extended = ascii === name ? "" : "; filename*=UTF-8''" + encodeURIComponent(name).replace(/['()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
      return this.set("Content-Disposition", "attachment; filename=" + quoted + extended);
    }
    cookie(name, value, options) {
      const o = Object.assign({}, options);
      if (o.signed) throw new Error("cookieParser(\"secret\") required for signed cookies (Backlab does not sign cookies: store a random session id instead)");
      const text = value !== null && typeof value === "object" ? "j:" + JSON.stringify(value) : value === null ? "j:null" : String(value);
      if (o.maxAge !== undefined && o.maxAge !== null) {
        const maxAge = o.maxAge - 0;
        if (!isNaN(maxAge)) {
          o.expires = new Date(Date.now() + maxAge);
          o.maxAge = Math.floor(maxAge / 1000);
        }
      }
      if (o.path === undefined || o.path === null) o.path = "/";
      return this.append("Set-Cookie", cookieHeader(String(name), text, o));
    }
    clearCookie(name, options) {
      const o = Object.assign({ path: "/" }, options, { expires: new Date(1) });
      delete o.maxAge;
      return this.cookie(name, "", o);
    }
    write(chunk) {
      const state = this.#state;
      if (state.finished) throw new Error("write after end: this response was already sent");
      // The first write sends the status and headers.
      if (!state.headSent) { state.headSent = true; state.sentStatus = state.status; }
      this.#append(chunkText(chunk));
      return true;
    }
    end(chunk) {
      const state = this.#state;
      if (state.finished) {
        if (chunk === undefined || chunk === null || chunk === "") return this;
        throw new Error("write after end: this response was already sent");
      }
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") this.#append(chunkText(chunk));
      state.finished = true;
      return this;
    }

    send(body) {
      this.#ensureOpen();
      const state = this.#state;
      let chunk = body;
      switch (typeof chunk) {
        case "string":
          if (!state.counts.get("content-type")) this.#put("Content-Type", "content-type", "text/html; charset=utf-8");
          break;
        case "boolean":
        case "number":
        case "object":
          if (chunk === null) chunk = "";
          else if (chunk instanceof Uint8Array) {
            if (!state.counts.get("content-type")) this.#put("Content-Type", "content-type", "application/octet-stream");
            chunk = utf8Decode(chunk);
          } else return this.json(chunk);
          break;
      }
      if (typeof chunk === "string" && !(body instanceof Uint8Array)) {
        const type = this.#read("content-type");
        if (typeof type === "string") {
          const withCharset = utf8Charset(type);
          // Unchanged, it stays where it is (as Node keeps a header that is
          // set again); otherwise through res.set, as Express does.
          if (withCharset !== type || !type.includes("/")) this.set("Content-Type", withCharset);
        }
      }
      const bytes = typeof chunk === "string" ? utf8Length(chunk) : undefined;
      if (chunk !== undefined && this.app.get("etag") && !state.counts.get("etag")) {
        this.#put("ETag", "etag", etagOf(chunk, bytes === chunk.length));
      }
      if (this.req.fresh) state.status = 304;
      if (state.status === 204 || state.status === 304) {
        this.removeHeader("Content-Type");
        chunk = "";
      }
      if (state.status === 205) chunk = "";
      if (this.req.method === "HEAD") return this.end();
      if (bytes !== undefined) {
        state.measured = chunk;
        state.measuredBytes = bytes;
      }
      return this.end(chunk);
    }
    json(value) {
      const text = JSON.stringify(value, this.app.get("json replacer"), this.app.get("json spaces"));
      if (!this.#state.counts.get("content-type")) this.#put("Content-Type", "content-type", "application/json; charset=utf-8");
      return this.send(text);
    }
    jsonp(value) { return this.json(value); }
    sendStatus(code) {
      const body = STATUS_TEXT[code] || String(code);
      this.status(code);
      this.type("txt");
      return this.send(body);
    }
    format(handlers) {
      const req = this.req;
      const keys = Object.keys(handlers).filter((k) => k !== "default");
      const key = keys.length > 0 ? req.accepts(keys) : false;
      this.vary("Accept");
      if (key) {
        this.set("Content-Type", key.includes("/") ? key : lookupType(key) || key);
        handlers[key](req, this, req.next);
      } else if (handlers.default) {
        handlers.default(req, this, req.next);
      } else {
        const error = new HttpError(406, "Not Acceptable");
        error.types = keys.map((k) => (k.includes("/") ? k : lookupType(k)));
        req.next(error);
      }
      return this;
    }
    redirect(a, b) {
      const [code, url] = b === undefined ? [302, a] : [a, b];
      const address = this.location(url).get("Location");
      const text = STATUS_TEXT[code] || String(code);
      let body = "";
      this.format({
        text() { body = text + ". Redirecting to " + address; },
        html() {
          body = "<!DOCTYPE html><head><title>" + text + "</title></head><body><p>" + text + ". Redirecting to " + escapeHtml(address) + "</p></body>";
        },
        default() { body = ""; },
      });
      this.status(code);
      return this.req.method === "HEAD" ? this.end() : this.end(body);
    }
  }
  const protoSet = ServerResponse.prototype.set;
  const protoSetHeader = ServerResponse.prototype.setHeader;
  Object.assign(ServerResponse.prototype, {
    render: sandboxHasNoFiles("res.render()", "template files, which the sandbox does not have: build the HTML in a string (and escape what users typed)"),
    sendFile: sandboxHasNoFiles("res.sendFile()", "files, which the sandbox does not have: send the content with res.send()"),
    download: sandboxHasNoFiles("res.download()", "files, which the sandbox does not have: use res.attachment(name).send(content)"),
  });
