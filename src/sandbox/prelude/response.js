
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
  // (Most bodies have no surrogates at all: one quick scan says so.)
  const etagOf = (body) => host.etag(!/[\ud800-\udfff]/.test(body) ? body
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

  function makeResponse(req, app) {
    const state = { status: 200, headers: [], chunks: [], size: 0, finished: false };
    // How many times each header (lowercased) is set, so setting a new one
    // does not search the whole list.
    const counts = new Map();
    const drop = (name) => {
      const key = name.toLowerCase();
      if (!counts.get(key)) return;
      state.headers = state.headers.filter(([n]) => n.toLowerCase() !== key);
      counts.delete(key);
    };
    const ensureOpen = () => {
      if (state.finished || state.headSent) {
        throw new Error("Cannot set headers after they are sent to the client (this response was already sent: is a `return` missing after an earlier res.send() or res.json()?)");
      }
    };
    const checkHeader = (name, value) => {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new TypeError("Header name must be a valid HTTP token [\"" + name + "\"]");
      if (/[\x00-\x08\x0a-\x1f\x7f]/.test(value)) throw new TypeError("Invalid character in header content [\"" + name + "\"]");
    };
    const append = (text) => {
      // A string has at least as many UTF-8 bytes as characters, so a long
      // one is refused before it is measured.
      const least = state.size + text.length;
      const size = least > limits.responseBytes ? least : state.size + utf8Length(text);
      if (size > limits.responseBytes) throw tooLarge(size);
      state.size = size;
      state.chunks.push(text);
    };
    const chunkText = (chunk) => (chunk instanceof Uint8Array ? utf8Decode(chunk) : String(chunk));
    const res = {
      locals: Object.create(null),
      app,
      req,
      get headersSent() { return state.finished || Boolean(state.headSent); },
      get finished() { return state.finished; },
      get writableEnded() { return state.finished; },
      get statusCode() { return state.status; },
      // Node takes any number here and checks it when the head is sent.
      set statusCode(code) { state.status = Number(code) | 0; },
      statusMessage: undefined,
      status(code) {
        if (!isInteger(code)) throw new TypeError("Invalid status code: " + JSON.stringify(code) + ". Status code must be an integer.");
        if (code < 100 || code > 999) throw new RangeError("Invalid status code: " + JSON.stringify(code) + ". Status code must be greater than 99 and less than 1000.");
        state.status = code;
        return res;
      },
      setHeader(name, value) {
        ensureOpen();
        const key = String(name);
        drop(key);
        const values = (Array.isArray(value) ? value : [value]).map(String);
        for (const v of values) checkHeader(key, v);
        for (const v of values) state.headers.push([key, v]);
        counts.set(key.toLowerCase(), values.length);
        return res;
      },
      getHeader(name) {
        if (!counts.get(String(name).toLowerCase())) return undefined;
        const values = state.headers.filter(([n]) => n.toLowerCase() === String(name).toLowerCase()).map(([, v]) => v);
        return values.length === 0 ? undefined : values.length === 1 && String(name).toLowerCase() !== "set-cookie" ? values[0] : values;
      },
      getHeaders() {
        const out = Object.create(null);
        for (const [n] of state.headers) out[n.toLowerCase()] = res.getHeader(n);
        return out;
      },
      getHeaderNames() { return Object.keys(res.getHeaders()); },
      hasHeader(name) { return Boolean(counts.get(String(name).toLowerCase())); },
      removeHeader(name) {
        ensureOpen();
        drop(String(name));
      },
      writeHead(code, message, headers) {
        res.status(code);
        const h = typeof message === "object" ? message : headers;
        if (h) for (const k of Object.keys(h)) res.setHeader(k, h[k]);
        return res;
      },
      set(field, value) {
        if (field !== null && typeof field === "object") {
          for (const k of Object.keys(field)) res.set(k, field[k]);
          return res;
        }
        let v = Array.isArray(value) ? value.map(String) : String(value);
        if (String(field).toLowerCase() === "content-type") {
          if (Array.isArray(v)) throw new TypeError("Content-Type cannot be set to an Array");
          v = contentType(v);
        }
        return res.setHeader(String(field), v);
      },
      get(field) { return res.getHeader(field); },
      append(field, value) {
        const key = String(field);
        if (!counts.get(key.toLowerCase()) || key.toLowerCase() === "content-type") return res.set(key, value);
        // Adds to what is there without copying it all again.
        ensureOpen();
        const values = (Array.isArray(value) ? value : [value]).map(String);
        for (const v of values) checkHeader(key, v);
        for (const v of values) state.headers.push([key, v]);
        counts.set(key.toLowerCase(), counts.get(key.toLowerCase()) + values.length);
        return res;
      },
      type(type) {
        const t = String(type);
        return res.set("Content-Type", t.includes("/") ? t : contentType(t) || "application/octet-stream");
      },
      location(url) { return res.set("Location", encodeUrl(url)); },
      links(links) {
        const link = Object.keys(links).map((rel) => "<" + links[rel] + ">; rel=\"" + rel + "\"").join(", ");
        const prev = res.get("Link");
        return res.set("Link", prev ? prev + ", " + link : link);
      },
      vary(field) {
        const prev = String(res.get("Vary") || "");
        if (prev === "*") return res;
        const have = prev.split(",").map((s) => s.trim()).filter(Boolean);
        for (const f of String(field).split(",").map((s) => s.trim()).filter(Boolean)) {
          if (f === "*") { have.length = 0; have.push("*"); break; }
          if (!have.some((h) => h.toLowerCase() === f.toLowerCase())) have.push(f);
        }
        return res.set("Vary", have.join(", "));
      },
      attachment(filename) {
        if (!filename) return res.set("Content-Disposition", "attachment");
        const name = String(filename).replace(/^.*[\\/]/, "");
        res.type(name);
        // As the content-disposition package writes it: a quoted ASCII
        // fallback, and the real name encoded when it is not plain ASCII.
        const ascii = name.replace(/[^\x20-\x7e]/g, "?");
        const quoted = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(ascii) ? ascii : "\"" + ascii.replace(/["\\]/g, "\\$&") + "\"";
        const extended = ascii === name ? "" : "; filename*=UTF-8''" + encodeURIComponent(name).replace(/['()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
        return res.set("Content-Disposition", "attachment; filename=" + quoted + extended);
      },
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
        return res.append("Set-Cookie", cookieHeader(String(name), text, o));
      },
      clearCookie(name, options) {
        const o = Object.assign({ path: "/" }, options, { expires: new Date(1) });
        delete o.maxAge;
        return res.cookie(name, "", o);
      },
      write(chunk) {
        if (state.finished) throw new Error("write after end: this response was already sent");
        // The first write sends the status and headers.
        if (!state.headSent) { state.headSent = true; state.sentStatus = state.status; }
        append(chunkText(chunk));
        return true;
      },
      end(chunk) {
        if (state.finished) {
          if (chunk === undefined || chunk === null || chunk === "") return res;
          throw new Error("write after end: this response was already sent");
        }
        if (chunk !== undefined && chunk !== null && typeof chunk !== "function") append(chunkText(chunk));
        state.finished = true;
        return res;
      },
      send(body) {
        ensureOpen();
        let chunk = body;
        switch (typeof chunk) {
          case "string":
            if (!res.get("Content-Type")) res.type("html");
            break;
          case "boolean":
          case "number":
          case "object":
            if (chunk === null) chunk = "";
            else if (chunk instanceof Uint8Array) { if (!res.get("Content-Type")) res.type("bin"); chunk = utf8Decode(chunk); }
            else return res.json(chunk);
            break;
        }
        if (typeof chunk === "string" && !(body instanceof Uint8Array)) {
          const type = res.get("Content-Type");
          if (typeof type === "string") res.set("Content-Type", setCharset(type, "utf-8"));
        }
        if (chunk !== undefined && app.get("etag") && !res.get("ETag")) res.set("ETag", etagOf(chunk));
        if (req.fresh) state.status = 304;
        if (state.status === 204 || state.status === 304) {
          res.removeHeader("Content-Type");
          chunk = "";
        }
        if (state.status === 205) chunk = "";
        return req.method === "HEAD" ? res.end() : res.end(chunk);
      },
      json(value) {
        const spaces = app.get("json spaces");
        const text = JSON.stringify(value, app.get("json replacer"), spaces);
        if (!res.get("Content-Type")) res.set("Content-Type", "application/json");
        return res.send(text);
      },
      jsonp(value) { return res.json(value); },
      sendStatus(code) {
        const body = STATUS_TEXT[code] || String(code);
        res.status(code);
        res.type("txt");
        return res.send(body);
      },
      format(handlers) {
        const keys = Object.keys(handlers).filter((k) => k !== "default");
        const key = keys.length > 0 ? req.accepts(keys) : false;
        res.vary("Accept");
        if (key) {
          res.set("Content-Type", key.includes("/") ? key : lookupType(key) || key);
          handlers[key](req, res, req.next);
        } else if (handlers.default) {
          handlers.default(req, res, req.next);
        } else {
          const error = new HttpError(406, "Not Acceptable");
          error.types = keys.map((k) => (k.includes("/") ? k : lookupType(k)));
          req.next(error);
        }
        return res;
      },
      redirect(a, b) {
        const [code, url] = b === undefined ? [302, a] : [a, b];
        const address = res.location(url).get("Location");
        const text = STATUS_TEXT[code] || String(code);
        let body = "";
        res.format({
          text() { body = text + ". Redirecting to " + address; },
          html() {
            body = "<!DOCTYPE html><head><title>" + text + "</title></head><body><p>" + text + ". Redirecting to " + escapeHtml(address) + "</p></body>";
          },
          default() { body = ""; },
        });
        res.status(code);
        return req.method === "HEAD" ? res.end() : res.end(body);
      },
      render() { throw new Error("res.render() needs template files, which the sandbox does not have: build the HTML in a string (and escape what users typed)"); },
      sendFile() { throw new Error("res.sendFile() needs files, which the sandbox does not have: send the content with res.send()"); },
      download() { throw new Error("res.download() needs files, which the sandbox does not have: use res.attachment(name).send(content)"); },
    };
    res.header = res.set;
    res.contentType = res.type;
    req.res = res;
    return { res, state };
  }
