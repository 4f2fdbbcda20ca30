
  // ----------------------------------------------------------------- routing
  const METHODS = ["get", "post", "put", "patch", "delete", "options", "head"];

  // One character of a route path, escaped for a RegExp (a lookup, not a
  // replace: paths are compiled for every request).
  const REGEX_SPECIAL = ".+*?^${}()|[]\\/";
  const escapeRegex = (c) => (c !== "" && REGEX_SPECIAL.includes(c) ? "\\" + c : c);

  // Express 5's route paths (path-to-regexp 8): `:name`, `*name` (any
  // number of segments, given as an array), `{…}` for optional parts.
  function pathSource(path) {
    let out = "";
    const keys = [];
    let depth = 0;
    for (let i = 0; i < path.length; i++) {
      const c = path[i];
      if (c === "\\") { out += escapeRegex(path[++i] || ""); continue; }
      if (c === ":" || c === "*") {
        const name = /^[$_\p{ID_Start}][$\u200c\u200d\p{ID_Continue}]*/u.exec(path.slice(i + 1));
        if (!name) {
          const hint = c === "*" ? " (Express 5 names every wildcard: write \"/*splat\", or \"/{*splat}\" to match the bare path too)" : "";
          throw new TypeError("Missing parameter name at index " + (i + 1) + " in " + JSON.stringify(path) + hint);
        }
        keys.push({ name: name[0], splat: c === "*" });
        out += c === "*" ? "([\\s\\S]+)" : "([^\\/]+)";
        i += name[0].length;
        continue;
      }
      if (c === "{") { depth++; out += "(?:"; continue; }
      if (c === "}") {
        if (depth === 0) throw new TypeError("Unexpected } at index " + i + " in " + JSON.stringify(path));
        depth--; out += ")?"; continue;
      }
      if ("()[]?+!".includes(c)) {
        const hint = c === "?" ? " (Express 5 writes an optional parameter as \"{/:name}\", not \"/:name?\")" : " (escape it with \\\\ to match it literally)";
        throw new TypeError("Unexpected " + c + " at index " + i + " in " + JSON.stringify(path) + hint);
      }
      out += escapeRegex(c);
    }
    if (depth > 0) throw new TypeError("Unterminated { in " + JSON.stringify(path));
    return { source: out, keys };
  }

  function decodeParam(value) {
    try { return decodeURIComponent(value); } catch (_) {
      throw new HttpError(400, "Failed to decode param '" + value + "'");
    }
  }

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
    const { source, keys } = pathSource(path);
    const trimmed = source.replace(/\\\/$/, "");
    const re = new RegExp("^" + trimmed + (end ? "(?:\\/)?$" : trimmed === "" ? "" : "(?=\\/|$)"), "i");
    return (p) => {
      const m = re.exec(p);
      if (!m) return null;
      const params = {};
      keys.forEach((key, i) => {
        const v = m[i + 1];
        if (v !== undefined) params[key.name] = key.splat ? v.split("/").map(decodeParam) : decodeParam(v);
      });
      return { path: m[0], params };
    };
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

  const handlerList = (what, handlers) => {
    const list = handlers.flat(Infinity);
    if (list.length === 0) throw new TypeError(what + " requires a callback function");
    for (const h of list) {
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
      const m = method.toLowerCase();
      return Boolean(this.methods[m] || (m === "head" && this.methods.get));
    }
    allowed() {
      const list = Object.keys(this.methods).filter((m) => m !== "_all");
      if (this.methods.get && !this.methods.head) list.push("head");
      return list.map((m) => m.toUpperCase());
    }
    dispatch(req, res, done) {
      let idx = 0;
      let method = req.method.toLowerCase();
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
  for (const method of METHODS.concat(["all"])) {
    Route.prototype[method] = function (...handlers) {
      for (const h of handlerList("Route." + method + "()", handlers)) {
        const layer = new Layer(null, false, h);
        layer.method = method === "all" ? undefined : method;
        this.methods[method === "all" ? "_all" : method] = true;
        this.stack.push(layer);
      }
      return this;
    };
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
    for (const method of METHODS.concat(["all"])) {
      router[method] = (path, ...handlers) => { router.route(path)[method](...handlers); return router; };
    }
    router.param = (name, fn) => {
      if (typeof fn !== "function") throw new TypeError("invalid param() call for " + name + ", got " + fn);
      (router.params[name] = router.params[name] || []).push(fn);
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
    for (const method of METHODS.concat(["all"])) {
      app[method] = function (path, ...handlers) {
        if (method === "get" && arguments.length === 1 && typeof path === "string") return settings[path];
        router[method](path, ...handlers);
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
