
  // ---------------------------------------------------------------- dispatch
  // What the guest reports of a thrown value; `kind` sorts the failure.
  function describe(error) {
    if (error instanceof ResponseTooLarge) return { kind: "too-large", name: error.name, message: error.message, stack: "", size: error.size };
    if (error instanceof SqliteError) {
      return { kind: "sql", name: error.name, message: error.message, stack: error.stack || "", sql: String(error.sql), code: String(error.code) };
    }
    if (error instanceof Error) {
      const message = String(error.message) + (error.hint ? " (" + error.hint + ")" : "");
      return { kind: "exception", name: String(error.name), message, stack: String(error.stack || "") };
    }
    return { kind: "exception", name: "Error", message: "a value that is not an Error was thrown: " + inspect(error, 1), stack: "" };
  }

  const statusOf = (value) => (typeof value === "number" && value >= 400 && value < 600 ? value : undefined);

  function dispatch(raw, given) {
    // This request's limits (the framework may have been loaded before it).
    Object.assign(limits, given);
    beginRequest();
    const req = new IncomingMessage(raw, app);
    const res = new ServerResponse(req, app);
    req.res = res;
    const state = stateOf(res);
    let failure = null;

    // finalhandler, as Express 5 runs it in production: an HTML page with
    // only the status text (Backlab shows the error itself in the logs).
    function finalHandler(error) {
      if (state.finished || state.headSent) {
        // Express can only cut such a response short; Backlab ends it as
        // it is and reports the error.
        if (error) failure = failure || describe(error);
        if (!state.finished) res.end();
        return;
      }
      let status = 404;
      let message = "Cannot " + req.method + " " + encodeUrl(req.originalUrl.split("?")[0]);
      let headers = null;
      if (error) {
        const own = error && typeof error === "object" ? statusOf(error.status) || statusOf(error.statusCode) : undefined;
        status = own || (state.status >= 400 && state.status < 600 ? state.status : 500);
        if (own && error.headers && typeof error.headers === "object") headers = error.headers;
        message = STATUS_TEXT[status] || String(status);
        if (status >= 500) failure = describe(error);
        else host.log("warn", "Express answered " + status + " " + message + " because of: " + (error instanceof Error ? error.message : inspect(error, 1)));
      }
      const body = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n<body>\n<pre>" +
        escapeHtml(message).replace(/\n/g, "<br>").replace(/ {2}/g, " &nbsp;") + "</pre>\n</body>\n</html>\n";
      state.status = status;
      for (const name of ["Content-Encoding", "Content-Language", "Content-Range"]) res.removeHeader(name);
      if (headers) for (const k of Object.keys(headers)) res.setHeader(k, headers[k]);
      res.setHeader("Content-Security-Policy", "default-src 'none'");
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(req.method === "HEAD" ? undefined : body);
    }

    if (app.enabled("x-powered-by")) res.setHeader("X-Powered-By", "Express");
    // A body express.json() would refuse goes to the error handlers, as
    // it would from that middleware at the front of the app.
    let bodyError;
    try {
      req.body = parseBody(req.headers["content-type"] || "", raw.body);
    } catch (e) {
      bodyError = e;
    }
    req.next = finalHandler;
    handle(app.router, req, res, finalHandler, bodyError);
    // Timers still waiting once the answer is sent are dropped, as when a
    // server stops; an error in a timer before that answers 500.
    const timerFailed = (error) => {
      if (!state.finished && !state.headSent) finalHandler(error);
      else failure = failure || describe(error);
    };
    return {
      tick: () => !state.finished && tick(timerFailed),
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
        // Node sends no body with these, whatever the code wrote.
        const status = state.sentStatus || state.status;
        const bodyless = req.method === "HEAD" || status === 204 || status === 304;
        return { status, headers: state.headers, body: bodyless ? "" : state.chunks.join(""), error: failure };
      },
    };
  }

  Object.defineProperty(globalThis, "__backlab_dispatch", { value: dispatch, writable: false, configurable: false });
  Object.defineProperty(globalThis, "__backlab_describe", { value: describe, writable: false, configurable: false });
})(globalThis.__host, { responseBytes: 0 });
