// Backlab's learner-facing framework: an Express-style `app`, a
// better-sqlite3-style `db`, `console` and `crypto`. It runs inside the
// sandbox before the learner's file, on a fresh JavaScript context for every
// request. Its only way out is `__host`, which it captures and hides.
"use strict";
(function (host, limits) {
  delete globalThis.__host;
  delete globalThis.__limits;

  const define = (name, value) =>
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
  // Built-ins the framework's own checks rely on, taken before the
  // learner's file can replace them.
  const isInteger = Number.isInteger;
  const asIntN = BigInt.asIntN;

  // ---------------------------------------------------------------- console
  function inspect(value, depth) {
    if (typeof value === "string") return depth === 0 ? value : JSON.stringify(value);
    if (typeof value === "bigint") return value + "n";
    if (typeof value === "function") return "[Function " + (value.name || "anonymous") + "]";
    if (typeof value === "symbol" || value === undefined || value === null) return String(value);
    if (typeof value !== "object") return String(value);
    if (value instanceof Error) return value.stack ? value.name + ": " + value.message + "\n" + value.stack : String(value);
    if (depth > 3) return Array.isArray(value) ? "[Array]" : "[Object]";
    if (Array.isArray(value)) return "[ " + value.map((v) => inspect(v, depth + 1)).join(", ") + " ]";
    const entries = Object.keys(value).map((k) => k + ": " + inspect(value[k], depth + 1));
    return entries.length ? "{ " + entries.join(", ") + " }" : "{}";
  }
  const format = (args) => args.map((a) => inspect(a, 0)).join(" ");
  define("console", {
    log: (...args) => host.log("log", format(args)),
    info: (...args) => host.log("info", format(args)),
    debug: (...args) => host.log("log", format(args)),
    warn: (...args) => host.log("warn", format(args)),
    error: (...args) => host.log("error", format(args)),
  });

  // ----------------------------------------------------------------- crypto
  const hex = (bytes) => bytes.map((b) => (b < 16 ? "0" : "") + b.toString(16)).join("");
  define("crypto", {
    hashPassword(password) {
      if (typeof password !== "string") throw new TypeError("crypto.hashPassword(password) needs the password as a string");
      return host.hashPassword(password);
    },
    verifyPassword(password, hash) {
      if (typeof password !== "string" || typeof hash !== "string") {
        throw new TypeError("crypto.verifyPassword(password, hash) needs two strings");
      }
      return host.verifyPassword(password, hash);
    },
    randomToken(bytes = 32) {
      if (!isInteger(bytes) || bytes < 1 || bytes > 1024) throw new RangeError("crypto.randomToken(bytes) takes a whole number from 1 to 1024");
      return hex(host.randomBytes(bytes));
    },
    randomUUID() {
      const b = host.randomBytes(16);
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const h = hex(b);
      return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    },
  });

  // --------------------------------------------------------------------- db
  class SqliteError extends Error {
    constructor(message, code, sql) {
      super(message);
      this.name = "SqliteError";
      this.code = code;
      this.sql = sql;
    }
  }
  define("SqliteError", SqliteError);

  const isPlainObject = (v) => v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

  function bindable(value, where) {
    if (value === undefined || value === null) return null;
    const type = typeof value;
    if (type === "bigint" && asIntN(64, value) !== value) {
      throw new RangeError(where + " is " + value + "n, which does not fit in SQLite's 64-bit integers");
    }
    if (type === "number" || type === "string" || type === "bigint" || type === "boolean") return value;
    if (value instanceof Date) return value.toISOString();
    if (value instanceof Uint8Array) return value;
    throw new TypeError(
      where + " is " + (Array.isArray(value) ? "an array" : "an object") +
      "; SQLite stores numbers, strings, null and bytes. Use JSON.stringify(value) to store it as text.");
  }

  function bindArgs(args) {
    if (args.length === 1 && isPlainObject(args[0])) {
      const named = {};
      for (const key of Object.keys(args[0])) named[key] = bindable(args[0][key], "the parameter " + key);
      return named;
    }
    const list = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    return list.map((v, i) => bindable(v, "parameter " + (i + 1)));
  }

  function checked(result, sql) {
    if (result.error) throw new SqliteError(result.error.message, result.error.code, sql);
    return result;
  }

  class Statement {
    constructor(source) {
      if (typeof source !== "string") throw new TypeError("db.prepare(sql) needs the SQL as a string");
      this.source = source;
    }
    get(...args) { return checked(host.query(this.source, bindArgs(args), true), this.source).rows[0]; }
    all(...args) { return checked(host.query(this.source, bindArgs(args), false), this.source).rows; }
    iterate(...args) { return this.all(...args)[Symbol.iterator](); }
    run(...args) { return checked(host.run(this.source, bindArgs(args)), this.source); }
  }

  let depth = 0;
  const db = {
    prepare: (sql) => new Statement(sql),
    exec(sql) {
      if (typeof sql !== "string") throw new TypeError("db.exec(sql) needs the SQL as a string");
      checked(host.exec(sql), sql);
      return db;
    },
    transaction(fn) {
      if (typeof fn !== "function") throw new TypeError("db.transaction(fn) needs a function");
      return function (...args) {
        const name = "backlab_tx_" + depth;
        db.exec(depth === 0 ? "BEGIN" : "SAVEPOINT " + name);
        depth++;
        try {
          const result = fn.apply(this, args);
          depth--;
          db.exec(depth === 0 ? "COMMIT" : "RELEASE " + name);
          return result;
        } catch (error) {
          depth--;
          db.exec(depth === 0 ? "ROLLBACK" : "ROLLBACK TO " + name + "; RELEASE " + name);
          throw error;
        }
      };
    },
  };
  define("db", db);

  // ---------------------------------------------------------------- request
  function decode(text) {
    try { return decodeURIComponent(text.replace(/\+/g, " ")); } catch (_) { return text; }
  }

  function parseQuery(text) {
    const out = {};
    for (const part of text.split("&")) {
      if (!part) continue;
      const eq = part.indexOf("=");
      const key = decode(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? "" : decode(part.slice(eq + 1));
      if (!Object.prototype.hasOwnProperty.call(out, key)) out[key] = value;
      else if (Array.isArray(out[key])) out[key].push(value);
      else out[key] = [out[key], value];
    }
    return out;
  }

  function parseCookies(header) {
    const out = {};
    for (const part of (header || "").split(";")) {
      const eq = part.indexOf("=");
      if (eq < 0) continue;
      const name = part.slice(0, eq).trim();
      let value = part.slice(eq + 1).trim();
      if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      if (name && !(name in out)) out[name] = decode(value);
    }
    return out;
  }

  class HttpError extends Error {
    constructor(status, message) {
      super(message);
      this.name = "HttpError";
      this.status = status;
    }
  }

  function parseBody(type, raw) {
    if (raw === "") return {};
    if (type.includes("application/json") || type.includes("+json")) {
      try { return JSON.parse(raw); } catch (e) {
        throw new HttpError(400, "The request body is not valid JSON: " + e.message);
      }
    }
    if (type.includes("application/x-www-form-urlencoded")) return parseQuery(raw);
    return raw;
  }

  function makeRequest(raw) {
    const headers = {};
    for (const [name, value] of raw.headers) {
      const key = name.toLowerCase();
      headers[key] = key in headers ? headers[key] + ", " + value : value;
    }
    const q = raw.url.indexOf("?");
    const path = q < 0 ? raw.url : raw.url.slice(0, q);
    const req = {
      method: raw.method.toUpperCase(),
      url: raw.url,
      originalUrl: raw.url,
      path,
      query: parseQuery(q < 0 ? "" : raw.url.slice(q + 1)),
      headers,
      cookies: parseCookies(headers.cookie),
      params: {},
      body: {},
      rawBody: raw.body,
      ip: "127.0.0.1",
      protocol: "http",
      hostname: (headers.host || "localhost").replace(/:\d+$/, ""),
      get(name) { return headers[String(name).toLowerCase()]; },
    };
    req.header = req.get;
    return req;
  }

  // --------------------------------------------------------------- response
  const STATUS_TEXT = {
    200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently", 302: "Found",
    303: "See Other", 304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect",
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 409: "Conflict", 410: "Gone", 413: "Payload Too Large",
    415: "Unsupported Media Type", 422: "Unprocessable Entity", 429: "Too Many Requests",
    500: "Internal Server Error", 501: "Not Implemented", 503: "Service Unavailable",
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

  function cookieHeader(name, value, options) {
    let text = encodeURIComponent(name) + "=" + encodeURIComponent(value);
    const o = options || {};
    if (o.maxAge !== undefined) {
      text += "; Max-Age=" + Math.floor(o.maxAge / 1000);
      text += "; Expires=" + new Date(Date.now() + o.maxAge).toUTCString();
    } else if (o.expires instanceof Date) {
      text += "; Expires=" + o.expires.toUTCString();
    }
    text += "; Path=" + (o.path || "/");
    if (o.domain) text += "; Domain=" + o.domain;
    if (o.httpOnly) text += "; HttpOnly";
    if (o.secure) text += "; Secure";
    if (o.sameSite) {
      const s = o.sameSite === true ? "Strict" : String(o.sameSite);
      text += "; SameSite=" + s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
    }
    return text;
  }

  function makeResponse() {
    const state = { status: 200, headers: [], chunks: [], size: 0, finished: false };
    const find = (name) => state.headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    const ensureOpen = () => {
      if (state.finished) throw new Error("Cannot set headers after they are sent to the client (this response was already sent)");
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
    const res = {
      locals: {},
      get headersSent() { return state.finished; },
      get finished() { return state.finished; },
      get statusCode() { return state.status; },
      set statusCode(code) { res.status(code); },
      status(code) {
        ensureOpen();
        if (!isInteger(code) || code < 100 || code > 599) throw new RangeError("res.status(code) takes a whole number from 100 to 599, not " + JSON.stringify(code));
        state.status = code;
        return res;
      },
      set(name, value) {
        ensureOpen();
        if (isPlainObject(name)) { for (const k of Object.keys(name)) res.set(k, name[k]); return res; }
        const i = find(String(name));
        if (i >= 0) state.headers.splice(i, 1);
        state.headers.push([String(name), String(value)]);
        return res;
      },
      append(name, value) { ensureOpen(); state.headers.push([String(name), String(value)]); return res; },
      get(name) { const i = find(String(name)); return i >= 0 ? state.headers[i][1] : undefined; },
      type(value) {
        const types = { json: "application/json", html: "text/html; charset=utf-8", text: "text/plain; charset=utf-8" };
        return res.set("Content-Type", types[value] || value);
      },
      cookie(name, value, options) {
        const text = typeof value === "string" ? value : JSON.stringify(value);
        return res.append("Set-Cookie", cookieHeader(name, text, options));
      },
      clearCookie(name, options) {
        return res.append("Set-Cookie", cookieHeader(name, "", Object.assign({}, options, { maxAge: undefined, expires: new Date(0) })));
      },
      write(chunk) {
        ensureOpen();
        append(String(chunk));
        return true;
      },
      end(chunk) {
        ensureOpen();
        if (chunk !== undefined && chunk !== null) append(String(chunk));
        state.finished = true;
        return res;
      },
      send(body) {
        ensureOpen();
        if (body !== null && typeof body === "object" && !(body instanceof Uint8Array)) return res.json(body);
        if (res.get("Content-Type") === undefined) res.set("Content-Type", "text/html; charset=utf-8");
        return res.end(body === undefined || body === null ? "" : String(body));
      },
      json(value) {
        ensureOpen();
        if (res.get("Content-Type") === undefined) res.set("Content-Type", "application/json; charset=utf-8");
        const text = JSON.stringify(value);
        return res.end(text === undefined ? "" : text);
      },
      sendStatus(code) {
        res.status(code);
        res.set("Content-Type", "text/plain; charset=utf-8");
        return res.end(STATUS_TEXT[code] || String(code));
      },
      redirect(a, b) {
        const [code, url] = b === undefined ? [302, a] : [a, b];
        res.status(code).set("Location", String(url));
        return res.end("");
      },
    };
    res.header = res.set;
    return { res, state };
  }

  // ----------------------------------------------------------------- routing
  const layers = [];

  function compile(path, prefix) {
    if (path instanceof RegExp) return (p) => { const m = path.exec(p); return m ? { params: Object.assign({}, m.slice(1)) } : null; };
    if (typeof path !== "string" || !path.startsWith("/")) throw new TypeError("a route path must be a string starting with /, like \"/todos/:id\"");
    const keys = [];
    const body = path.replace(/\/+$/, "").replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "(.*)")
      .replace(/\/:(\w+)(\?)?/g, (_, key, optional) => {
        keys.push(key);
        return optional ? "(?:/([^/]+))?" : "/([^/]+)";
      });
    const re = new RegExp("^" + body + (prefix ? "(?=/|$)" : "/?$"), "i");
    return (p) => {
      const m = re.exec(p);
      if (!m) return null;
      const params = {};
      keys.forEach((key, i) => { if (m[i + 1] !== undefined) params[key] = decode(m[i + 1]); });
      return { params };
    };
  }

  function addRoute(method, path, handlers) {
    if (handlers.length === 0) throw new TypeError("app." + method.toLowerCase() + "(path, handler) needs a handler function");
    const match = compile(path, false);
    for (const handler of handlers.flat()) {
      if (typeof handler !== "function") throw new TypeError("app." + method.toLowerCase() + "(\"" + path + "\", …) was given a " + typeof handler + " where a handler function goes");
      layers.push({ method, match, handler });
    }
    return app;
  }

  const app = {
    get: (path, ...h) => addRoute("GET", path, h),
    post: (path, ...h) => addRoute("POST", path, h),
    put: (path, ...h) => addRoute("PUT", path, h),
    patch: (path, ...h) => addRoute("PATCH", path, h),
    delete: (path, ...h) => addRoute("DELETE", path, h),
    all: (path, ...h) => addRoute("*", path, h),
    use(...args) {
      const path = typeof args[0] === "string" ? args.shift() : "/";
      const match = path === "/" ? () => ({ params: {} }) : compile(path, true);
      for (const handler of args.flat()) {
        if (typeof handler !== "function") throw new TypeError("app.use() was given a " + typeof handler + " where a middleware function goes");
        layers.push({ method: "*", match, handler });
      }
      return app;
    },
    listen(port, callback) {
      if (typeof port === "function") port();
      else if (typeof callback === "function") callback();
      return app;
    },
  };
  define("app", app);

  // ---------------------------------------------------------------- dispatch
  function errorStatus(error) {
    const s = error && (error.status || error.statusCode);
    return Number.isInteger(s) && s >= 400 && s <= 599 ? s : 500;
  }

  // What the guest reports of a thrown value; `kind` sorts the failure.
  function describe(error) {
    if (error instanceof ResponseTooLarge) return { kind: "too-large", name: error.name, message: error.message, stack: "", size: error.size };
    if (error instanceof SqliteError) {
      return { kind: "sql", name: error.name, message: error.message, stack: error.stack || "", sql: String(error.sql), code: String(error.code) };
    }
    if (error instanceof Error) return { kind: "exception", name: String(error.name), message: String(error.message), stack: String(error.stack || "") };
    return { kind: "exception", name: "Error", message: "a value that is not an Error was thrown: " + inspect(error, 1), stack: "" };
  }

  function dispatch(raw) {
    const req = makeRequest(raw);
    const { res, state } = makeResponse();
    let failure = null;
    let index = 0;

    function finalHandler(error) {
      if (state.finished) { if (error) failure = failure || describe(error); return; }
      if (!error) {
        res.status(404).set("Content-Type", "text/plain; charset=utf-8").end("Cannot " + req.method + " " + req.path);
        return;
      }
      const status = errorStatus(error);
      if (status >= 500) failure = describe(error);
      state.headers = [];
      state.chunks = [];
      state.size = 0;
      const message = status >= 500 ? STATUS_TEXT[status] || "Server Error" : error.message;
      res.status(status).set("Content-Type", "text/plain; charset=utf-8").end(message);
    }

    function next(error) {
      if (error === "route") error = undefined;
      while (index < layers.length) {
        const layer = layers[index++];
        if (layer.method !== "*" && layer.method !== req.method && !(layer.method === "GET" && req.method === "HEAD")) continue;
        const found = layer.match(req.path);
        if (!found) continue;
        const takesError = layer.handler.length === 4;
        if (Boolean(error) !== takesError) continue;
        req.params = found.params;
        try {
          const out = takesError ? layer.handler(error, req, res, next) : layer.handler(req, res, next);
          if (out && typeof out.then === "function") out.then(undefined, (e) => next(e || new Error("a promise was rejected without a reason")));
        } catch (e) {
          next(e);
        }
        return;
      }
      finalHandler(error);
    }

    try {
      req.body = parseBody(req.headers["content-type"] || "", raw.body);
      next();
    } catch (e) {
      next(e);
    }

    return {
      finish() {
        if (!state.finished && !failure) {
          failure = {
            kind: "no-response",
            name: "NoResponse",
            message: "the handler for " + req.method + " " + req.path + " finished without sending a response; call res.send(), res.json() or res.end()",
            stack: "",
          };
          state.status = 500;
        }
        return { status: state.status, headers: state.headers, body: state.chunks.join(""), error: failure };
      },
    };
  }

  Object.defineProperty(globalThis, "__backlab_dispatch", { value: dispatch, writable: false, configurable: false });
  Object.defineProperty(globalThis, "__backlab_describe", { value: describe, writable: false, configurable: false });
})(globalThis.__host, globalThis.__limits);
