
  // ----------------------------------------------------------------- routing
  const METHODS = ["get", "post", "put", "patch", "delete", "options", "head"];
  // A request's method in lower case (looked up: toLowerCase costs more).
  const LOWER_METHODS = Object.assign(Object.create(null), { GET: "get", POST: "post", PUT: "put", PATCH: "patch", DELETE: "delete", OPTIONS: "options", HEAD: "head" });
  const lowerMethod = (method) => LOWER_METHODS[method] || method.toLowerCase();
  // The methods app, router and route each have a function for, and the
  // name a handler error gives each (made once, not per registration).
  const ROUTE_METHODS = METHODS.concat(["all"]);
  const ROUTE_CALL = Object.create(null);
  for (const method of ROUTE_METHODS) ROUTE_CALL[method] = "Route." + method + "()";

  // One character of a route path, escaped for a RegExp. (A `/` needs no
  // escape in a RegExp's source; leaving it bare lets compilePath see a
  // trailing slash at a glance.)
  const REGEX_SPECIAL = ".+*?^${}()|[]\\";
  const escapeRegex = (c) => (c !== "" && REGEX_SPECIAL.includes(c) ? "\\" + c : c);

  // The parts of a route path, one match each: (1) a run of plain
  // characters, (2) one a RegExp treats specially, (3) an escaped one,
  // (4, 5) a parameter, `:name` or `*name`, (6) a brace or a reserved
  // character. Paths are compiled for every request, and one match per
  // part costs far less than a step per character.
  const PATH_PART = /([^\\:*{}()[\]?+!.^$|]+)|([.^$|])|\\([\s\S]?)|([:*])([$_\p{ID_Start}][$\u200c\u200d\p{ID_Continue}]*)?|([\s\S])/gu;

  function pathError(c, at, path) {
    if (c === ":" || c === "*") {
      const hint = c === "*" ? " (Express 5 names every wildcard: write \"/*splat\", or \"/{*splat}\" to match the bare path too)" : "";
      return new TypeError("Missing parameter name at index " + (at + 1) + " in " + JSON.stringify(path) + hint);
    }
    if (c === "}") return new TypeError("Unexpected } at index " + at + " in " + JSON.stringify(path));
    const hint = c === "?" ? " (Express 5 writes an optional parameter as \"{/:name}\", not \"/:name?\")" : " (escape it with \\\\ to match it literally)";
    return new TypeError("Unexpected " + c + " at index " + at + " in " + JSON.stringify(path) + hint);
  }

  // Express 5's route paths (path-to-regexp 8): `:name`, `*name` (any
  // number of segments, given as an array), `{…}` for optional parts.
  function pathSource(path) {
    let out = "";
    const keys = [];
    let depth = 0;
    PATH_PART.lastIndex = 0;
    let m;
    while ((m = PATH_PART.exec(path)) !== null) {
      if (m[1] !== undefined) out += m[1];
      else if (m[2] !== undefined) out += "\\" + m[2];
      else if (m[3] !== undefined) out += escapeRegex(m[3]);
      else if (m[4] !== undefined) {
        if (m[5] === undefined) throw pathError(m[4], m.index, path);
        const splat = m[4] === "*";
        keys.push({ name: m[5], splat });
        out += splat ? "([\\s\\S]+)" : "([^\\/]+)";
      } else if (m[6] === "{") {
        depth++;
        out += "(?:";
      } else if (m[6] === "}" && depth > 0) {
        depth--;
        out += ")?";
      } else {
        throw pathError(m[6], m.index, path);
      }
    }
    if (depth > 0) throw new TypeError("Unterminated { in " + JSON.stringify(path));
    return { source: out, keys };
  }

  function decodeParam(value) {
    if (!value.includes("%")) return value;
    try { return decodeURIComponent(value); } catch (_) {
      throw new HttpError(400, "Failed to decode param '" + value + "'");
    }
  }

  // A string path's matcher. An app names the same path for several
  // methods (GET and POST /todos), so each is made once.
  const compiledPaths = new Map();
  function compileString(path, end) {
    const key = (end ? "$" : "^") + path;
    let match = compiledPaths.get(key);
    if (match === undefined) {
      match = SIMPLE_PATH.test(path) ? segmentMatcher(path, end) : regexMatcher(path, end);
      compiledPaths.set(key, match);
    }
    return match;
  }

  function regexMatcher(path, end) {
    const { source, keys } = pathSource(path);
    const trimmed = source.endsWith("/") ? source.slice(0, -1) : source;
    const re = new RegExp("^" + trimmed + (end ? "(?:\\/)?$" : trimmed === "" ? "" : "(?=\\/|$)"), "i");
    return (p) => {
      const m = re.exec(p);
      if (m === null) return null;
      const params = {};
      for (let i = 0; i < keys.length; i++) {
        const v = m[i + 1];
        if (v !== undefined) params[keys[i].name] = keys[i].splat ? v.split("/").map(decodeParam) : decodeParam(v);
      }
      return { path: m[0], params };
    };
  }

  // Most paths are plain segments and `:name` parameters ("/todos/:id").
  // Those are matched segment by segment, as their RegExp would match
  // (letters in any case, one optional trailing slash), with no RegExp to
  // build or run: in this interpreter either costs more than the whole
  // comparison.
  const SIMPLE_PATH = /^(?:\/(?::[A-Za-z_$][\w$]*|[\w.~-]+))*\/?$/;
  function segmentMatcher(path, end) {
    const names = pathSegments(path);
    const lower = pathSegments(path.toLowerCase());
    const count = names.length;
    return (p) => {
      if (count === 0 && !end) return { path: "", params: {} };
      const have = requestSegments(p);
      if (have === null || (end ? have.length !== count : have.length < count)) return null;
      for (let i = 0; i < count; i++) {
        const want = lower[i];
        if (want[0] === ":") {
          if (have[i] === "") return null;
        } else if (have[i] !== want && !sameLetters(have[i], want)) {
          return null;
        }
      }
      const params = {};
      let length = 0;
      for (let i = 0; i < count; i++) {
        length += 1 + have[i].length;
        if (names[i][0] === ":") params[names[i].slice(1)] = decodeParam(have[i]);
      }
      return { path: end ? p : p.slice(0, length), params };
    };
  }
  // "/todos/:id/" → ["todos", ":id"]: no leading part, no trailing slash.
  function pathSegments(path) {
    const parts = path.split("/");
    parts.shift();
    if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
    return parts;
  }
  // The request's path in segments, kept for the next layer that asks;
  // null when it does not start with a slash (no simple path matches it).
  let segmentsOf = null;
  let segments = null;
  function requestSegments(p) {
    if (p !== segmentsOf) {
      segmentsOf = p;
      segments = p === "" ? [] : p[0] === "/" ? pathSegments(p) : null;
    }
    return segments;
  }
  // A RegExp's case-insensitive match of ASCII letters: the Kelvin sign
  // lowercases to "k" but does not match it.
  const sameLetters = (have, want) => have.length === want.length && have.toLowerCase() === want && !have.includes("\u212A");

  // A matcher for one path: (pathname) → { path: the matched part, params } or null.
  function compilePath(path, end) {
    if (Array.isArray(path)) {
      const all = path.map((p) => compilePath(p, end));
      return (p) => { for (const m of all) { const found = m(p); if (found) return found; } return null; };
    }
    if (path instanceof RegExp) {
      return (p) => {
        const m = path.exec(p);
        if (!m) return null;
        const params = {};
        if (m.groups) Object.assign(params, m.groups);
        else m.slice(1).forEach((v, i) => { if (v !== undefined) params[i] = decodeParam(v); });
        return { path: m[0], params };
      };
    }
    if (typeof path !== "string") throw new TypeError("a route path must be a string (like \"/todos/:id\"), a RegExp or an array of them");
    return compileString(path, end);
  }

  class Layer {
    // A layer inside a route has no path of its own (`path` null): the
    // route matched it already.
    constructor(path, end, handle, route) {
      this.match = path === null ? null : compilePath(path, end);
      this.handle = handle;
      this.route = route;
    }
    handleRequest(req, res, next) {
      if (this.handle.length > 3) return next();
      call(() => this.handle(req, res, next), next);
    }
    handleError(error, req, res, next) {
      if (this.handle.length !== 4) return next(error);
      call(() => this.handle(error, req, res, next), next);
    }
  }

  // Express 5 sends a thrown error, and a rejected promise, to next(err).
  function call(fn, next) {
    try {
      const out = fn();
      if (out && typeof out.then === "function") out.then(undefined, (e) => next(e || new Error("Rejected promise")));
    } catch (e) {
      next(e);
    }
  }

  const allFunctions = (list) => {
    for (let i = 0; i < list.length; i++) if (typeof list[i] !== "function") return false;
    return true;
  };
  const handlerList = (what, handlers) => {
    // Nested arrays are rare: most calls pass functions only.
    const list = allFunctions(handlers) ? handlers : handlers.flat(Infinity);
    if (list.length === 0) throw new TypeError(what + " requires a callback function");
    for (let i = 0; i < list.length; i++) {
      const h = list[i];
      if (typeof h !== "function") throw new TypeError(what + " requires a callback function but got a " + Object.prototype.toString.call(h));
    }
    return list;
  };

  class Route {
    constructor(path) {
      this.path = path;
      this.stack = [];
      this.methods = Object.create(null);
    }
    handles(method) {
      if (this.methods._all) return true;
      const m = lowerMethod(method);
      return Boolean(this.methods[m] || (m === "head" && this.methods.get));
    }
    allowed() {
      const list = Object.keys(this.methods).filter((m) => m !== "_all");
      if (this.methods.get && !this.methods.head) list.push("head");
      return list.map((m) => m.toUpperCase());
    }
    dispatch(req, res, done) {
      let idx = 0;
      let method = lowerMethod(req.method);
      if (method === "head" && !this.methods.head) method = "get";
      req.route = this;
      const stack = this.stack;
      let sync = 0;
      const next = (err) => {
        if (++sync > 100) {
          sync = 0;
          return Promise.resolve().then(() => next(err));
        }
        if (err === "route") return done();
        if (err === "router") return done(err);
        while (idx < stack.length) {
          const layer = stack[idx++];
          if (layer.method && layer.method !== method) continue;
          req.next = next;
          return err ? layer.handleError(err, req, res, next) : layer.handleRequest(req, res, next);
        }
        done(err);
      };
      next();
    }
  }
  // route.get(...handlers), and what app.get and router.get add through it.
  // They pass the handlers on as one array: every call of the learner's
  // top-level runs on each request, and a spread and a rest parameter per
  // hop cost more than the rest of a route's registration.
  function addHandlers(route, method, handlers) {
    const list = handlerList(ROUTE_CALL[method], handlers);
    for (let i = 0; i < list.length; i++) {
      const layer = new Layer(null, false, list[i]);
      layer.method = method === "all" ? undefined : method;
      route.methods[method === "all" ? "_all" : method] = true;
      route.stack.push(layer);
    }
    return route;
  }
  for (const method of ROUTE_METHODS) {
    Route.prototype[method] = function (...handlers) { return addHandlers(this, method, handlers); };
  }

  function createRouter(options) {
    const stack = [];
    const router = function (req, res, next) { handle(router, req, res, next); };
    router.stack = stack;
    router.mergeParams = Boolean(options && options.mergeParams);
    router.params = Object.create(null);
    router.route = (path) => {
      const route = new Route(path);
      stack.push(new Layer(path, true, (req, res, next) => route.dispatch(req, res, next), route));
      return route;
    };
    router.use = (...args) => {
      let path = "/";
      if (typeof args[0] === "string" || args[0] instanceof RegExp || (Array.isArray(args[0]) && args[0].length && typeof args[0][0] !== "function")) path = args.shift();
      for (const h of handlerList("app.use()", args)) {
        if (typeof h.set === "function" && h.router) h.mountpath = path;
        stack.push(new Layer(path, false, h));
      }
      return router;
    };
    for (const method of ROUTE_METHODS) {
      router[method] = (path, ...handlers) => { addHandlers(router.route(path), method, handlers); return router; };
    }
    router.param = (name, fn) => {
      if (typeof fn !== "function") throw new TypeError("invalid param() call for " + name + ", got " + fn);
      (router.params[name] = router.params[name] || []).push(fn);
      router.hasParams = true;
      return router;
    };
    return router;
  }

  /** Express 5's Router.handle: layers in order, mount paths stripped. */
  function handle(router, req, res, out, error) {
    let idx = 0;
    let removed = "";
    let slashAdded = false;
    const parentUrl = req.baseUrl || "";
    const parentParams = req.params;
    const options = [];
    const stack = router.stack;
    const seen = Object.create(null);
    const done = (err) => {
      req.baseUrl = parentUrl;
      req.params = parentParams;
      if (!err && req.method === "OPTIONS" && options.length > 0) {
        const body = [...new Set(options)].sort().join(", ");
        res.setHeader("Allow", body);
        res.setHeader("Content-Type", "text/plain");
        res.setHeader("X-Content-Type-Options", "nosniff");
        return res.end(body);
      }
      out(err);
    };
    let sync = 0;
    const next = (err) => {
      // As Express's router does: after 100 layers in one go, the next one
      // starts afresh from the job queue instead of a deeper stack.
      if (++sync > 100) {
        sync = 0;
        return Promise.resolve().then(() => next(err));
      }
      const layerError = err === "route" ? null : err;
      if (slashAdded) { req.url = req.url.slice(1); slashAdded = false; }
      if (removed) { req.baseUrl = parentUrl; req.url = removed + req.url; removed = ""; }
      if (layerError === "router") return done(null);
      const q = req.url.indexOf("?");
      const path = q < 0 ? req.url : req.url.slice(0, q);
      while (idx < stack.length) {
        const layer = stack[idx++];
        let found;
        try { found = layer.match(path); } catch (e) { return next(e); }
        if (!found) continue;
        const route = layer.route;
        if (route) {
          if (layerError) continue;
          const has = route.handles(req.method);
          if (!has && req.method === "OPTIONS") options.push(...route.allowed());
          if (!has && req.method !== "HEAD") continue;
          req.params = router.mergeParams ? Object.assign({}, parentParams, found.params) : found.params;
          req.next = next;
          return runParams(router, req, res, seen, (e) => (e ? next(e) : layer.handleRequest(req, res, next)));
        }
        req.params = router.mergeParams ? Object.assign({}, parentParams, found.params) : found.params;
        const layerPath = found.path;
        if (layerPath.length && layerPath !== "/") {
          const c = path[layerPath.length];
          if (c && c !== "/") return next(layerError);
          removed = layerPath.replace(/\/$/, "");
          req.url = req.url.slice(removed.length);
          if (!req.url.startsWith("/")) { req.url = "/" + req.url; slashAdded = true; }
          req.baseUrl = parentUrl + removed;
        }
        req.next = next;
        return layerError ? layer.handleError(layerError, req, res, next) : layer.handleRequest(req, res, next);
      }
      done(layerError);
    };
    next(error);
  }

  // app.param(name, fn): each callback once per request and value, before
  // the first route that has the parameter.
  function runParams(router, req, res, seen, done) {
    if (!router.hasParams) return done();
    const names = Object.keys(req.params).filter((n) => router.params[n]);
    let i = 0;
    const nextName = (err) => {
      if (err) return done(err);
      if (i >= names.length) return done();
      const name = names[i++];
      const value = req.params[name];
      if (seen[name] && seen[name].value === value) return nextName(seen[name].error);
      seen[name] = { value };
      const fns = router.params[name];
      let k = 0;
      const nextFn = (e) => {
        if (e) { seen[name].error = e; return nextName(e); }
        if (k >= fns.length) return nextName();
        const fn = fns[k++];
        call(() => fn(req, res, nextFn, value, name), nextFn);
      };
      nextFn();
    };
    nextName();
  }

  // ------------------------------------------------------------ express()
  const SETTINGS = {
    "x-powered-by": true, etag: "weak", env: "production", "trust proxy": false,
    "query parser": "simple", "subdomain offset": 2, "json spaces": undefined, "json replacer": undefined,
  };

  function createApplication() {
    const router = createRouter();
    const settings = Object.assign({}, SETTINGS);
    const app = function (req, res, next) { handle(router, req, res, next); };
    app.router = router;
    app.locals = Object.create(null);
    app.settings = settings;
    app.mountpath = "/";
    app.set = function (name, value) {
      if (arguments.length === 1) return settings[name];
      settings[name] = value;
      return app;
    };
    app.enable = (name) => app.set(name, true);
    app.disable = (name) => app.set(name, false);
    app.enabled = (name) => Boolean(settings[name]);
    app.disabled = (name) => !settings[name];
    app.route = (path) => router.route(path);
    app.use = (...args) => { router.use(...args); return app; };
    for (const method of ROUTE_METHODS) {
      app[method] = function (path, ...handlers) {
        // app.get(name) reads a setting (no handler: one argument).
        if (method === "get" && handlers.length === 0 && typeof path === "string") return settings[path];
        addHandlers(router.route(path), method, handlers);
        return app;
      };
    }
    app.del = app.delete;
    app.param = (name, fn) => { router.param(name, fn); return app; };
    app.engine = app.render = () => { throw new Error("templates need files, which the sandbox does not have: build the HTML in a string (and escape what users typed)"); };
    app.listen = (...args) => {
      const callback = args.find((a) => typeof a === "function");
      if (callback) callback();
      return { close: (cb) => { if (typeof cb === "function") cb(); }, address: () => ({ port: 3000, address: "127.0.0.1", family: "IPv4" }) };
    };
    return app;
  }

  const app = createApplication();
  define("app", app);

  // `express()` the first time gives the app Backlab serves; later calls
  // make sub-apps to mount with app.use().
  let expressCalled = false;
  // Backlab parses JSON and form bodies for every request, so these
  // middlewares have nothing left to do.
  const passThrough = () => (req, res, next) => next();
  const express = function () {
    if (!expressCalled) { expressCalled = true; return app; }
    return createApplication();
  };
  express.Router = (options) => createRouter(options);
  // express.json({ type }): JSON under another media type too, such as
  // application/merge-patch+json (application/json is parsed already).
  express.json = (options) => (req, res, next) => {
    const type = options && options.type;
    if (!type || req.body !== undefined || !req.rawBody || !req.is(type)) return next();
    try {
      req.body = parseJson(req.rawBody, options.strict !== false);
    } catch (error) {
      return next(error);
    }
    next();
  };
  express.urlencoded = passThrough;
  // express.text(): text bodies (text/plain by default) as a string.
  express.text = (options) => (req, res, next) => {
    const type = (options && options.type) || "text/plain";
    if (req.body === undefined && req.rawBody && req.is(type)) req.body = req.rawBody;
    next();
  };
  express.raw = passThrough;
  // The sandbox has no files, so a static folder never holds the file asked for.
  express.static = passThrough;
  define("express", express);

  function Database() { return db; }
  Database.SqliteError = SqliteError;
  define("require", (name) => {
    const id = String(name).replace(/^node:/, "");
    if (id === "express") return express;
    if (id === "better-sqlite3") return Database;
    if (id === "crypto") return globalThis.crypto;
    if (id === "multer") return multer;
    throw new Error("require(" + JSON.stringify(name) + ") is not available in Backlab's sandbox: your code is one file, with `app`, `express`, `db`, `console`, `crypto` and timers ready to use (and require(\"multer\") for uploads); there are no files, network or other packages");
  });
  define("module", { exports: {} });
  define("exports", globalThis.module.exports);
