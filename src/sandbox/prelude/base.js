// Backlab's learner-facing framework: Express 5 (`app`, `express`,
// `express.Router()`), a better-sqlite3-style `db`, `console`, `crypto` and
// timers. It runs inside the sandbox before the learner's file, on a fresh
// JavaScript context for every request. Its only way out is `__host`, which
// it captures and hides. The files of src/sandbox/prelude/ are joined in
// order into one module: base, db, fetch, request, response, multer, router,
// dispatch.
"use strict";
(function (host, limits) {
  delete globalThis.__host;

  const define = (name, value) =>
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
  // Built-ins the framework's own checks rely on, taken before the
  // learner's file can replace them.
  const isInteger = Number.isInteger;
  const asIntN = BigInt.asIntN;
  const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  // ---------------------------------------------------------------- console
  function inspect(value, depth) {
    if (typeof value === "string") return depth === 0 ? value : JSON.stringify(value);
    if (typeof value === "bigint") return value + "n";
    if (typeof value === "function") return "[Function " + (value.name || "anonymous") + "]";
    if (typeof value === "symbol" || value === undefined || value === null) return String(value);
    if (typeof value !== "object") return String(value);
    if (value instanceof Error) return value.stack ? value.name + ": " + value.message + "\n" + value.stack : String(value);
    if (value instanceof Date) return isNaN(value) ? "Invalid Date" : value.toISOString();
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
  const textOf = (what, value) => {
    if (typeof value !== "string") throw new TypeError(what + " must be a string");
    return value;
  };
  const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const base64 = (bytes) => {
    let out = "";
    for (let i = 0; i < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | ((bytes[i + 1] || 0) << 8) | (bytes[i + 2] || 0);
      out += BASE64[n >> 18] + BASE64[(n >> 12) & 63];
      out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : "=";
      out += i + 2 < bytes.length ? BASE64[n & 63] : "=";
    }
    return out;
  };
  const encodings = {
    hex,
    base64,
    base64url: (bytes) => base64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""),
  };
  // Node's createHash/createHmac for SHA-256, on text: update() as often as
  // needed, then digest("hex" | "base64" | "base64url").
  const digester = (name, algorithm, compute) => {
    if (String(algorithm).toLowerCase() !== "sha256") {
      throw new Error("crypto." + name + "(" + JSON.stringify(algorithm) + ") is not available in Backlab's sandbox: only \"sha256\" is");
    }
    let text = "";
    let done = false;
    const digest = {
      update(part) {
        if (done) throw new Error("crypto." + name + ": update() after digest()");
        text += textOf("crypto." + name + "(...).update(text)", part);
        return digest;
      },
      digest(encoding) {
        if (done) throw new Error("crypto." + name + ": digest() called twice");
        done = true;
        const bytes = compute(text);
        if (encoding === undefined) return Uint8Array.from(bytes);
        if (!hasOwn(encodings, encoding)) throw new Error("digest(" + JSON.stringify(encoding) + "): use \"hex\", \"base64\" or \"base64url\"");
        return encodings[encoding](bytes);
      },
    };
    return digest;
  };
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
    sha256(text) {
      return hex(host.sha256(textOf("crypto.sha256(text)", text)));
    },
    hmacSha256(key, text) {
      return hex(host.hmacSha256(textOf("crypto.hmacSha256(key, text): the key", key), textOf("crypto.hmacSha256(key, text): the text", text)));
    },
    timingSafeEqual(a, b) {
      return host.timingSafeEqual(textOf("crypto.timingSafeEqual(a, b): a", a), textOf("crypto.timingSafeEqual(a, b): b", b));
    },
    createHash(algorithm) {
      return digester("createHash", algorithm, (text) => host.sha256(text));
    },
    createHmac(algorithm, key) {
      key = textOf("crypto.createHmac(algorithm, key): the key", key);
      return digester("createHmac", algorithm, (text) => host.hmacSha256(key, text));
    },
    randomUUID() {
      const b = host.randomBytes(16);
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      const h = hex(b);
      return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    },
  });

  // Math.random draws on the host's random source, as crypto does (seeded
  // while grading): the framework is loaded once, ahead of every request,
  // so QuickJS's own generator would give every request the same numbers.
  // xoshiro128**, seeded with 16 bytes on first use; 53 bits per number.
  let xo = null;
  const rotl = (x, k) => (x << k) | (x >>> (32 - k));
  const next32 = () => {
    if (xo === null) {
      const b = host.randomBytes(16);
      xo = new Uint32Array(4);
      for (let i = 0; i < 4; i++) xo[i] = b[4 * i] | (b[4 * i + 1] << 8) | (b[4 * i + 2] << 16) | (b[4 * i + 3] << 24);
      if ((xo[0] | xo[1] | xo[2] | xo[3]) === 0) xo[0] = 1;
    }
    const result = Math.imul(rotl(Math.imul(xo[1], 5), 7), 9) >>> 0;
    const t = xo[1] << 9;
    xo[2] ^= xo[0]; xo[3] ^= xo[1]; xo[1] ^= xo[2]; xo[0] ^= xo[3];
    xo[2] ^= t; xo[3] = rotl(xo[3], 11);
    return result;
  };
  Object.defineProperty(Math, "random", {
    value: function random() {
      return ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
    },
    writable: true,
    configurable: true,
  });

  // ----------------------------------------------------------------- timers
  // Nothing really waits in the sandbox: once the handler is idle, timers
  // fire in the order they are due, so grading stays the same every time.
  // A binary heap ordered by due time, then by when the timer was set.
  const timers = [];
  const cancelled = new Set();
  let timerSeq = 0;
  let timerNow = 0;
  const before = (a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq);
  function heapPush(timer) {
    timers.push(timer);
    for (let i = timers.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!before(timers[i], timers[p])) break;
      [timers[i], timers[p]] = [timers[p], timers[i]];
      i = p;
    }
  }
  function heapPop() {
    const top = timers[0];
    const last = timers.pop();
    if (timers.length > 0) {
      timers[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < timers.length && before(timers[l], timers[m])) m = l;
        if (r < timers.length && before(timers[r], timers[m])) m = r;
        if (m === i) break;
        [timers[i], timers[m]] = [timers[m], timers[i]];
        i = m;
      }
    }
    return top;
  }
  // What Node's timers give back: an object that also works as a number.
  class Timeout {
    constructor(id) { this.id = id; }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
    refresh() { return this; }
    [Symbol.toPrimitive]() { return this.id; }
  }
  function addTimer(fn, ms, args, repeat) {
    if (typeof fn !== "function") throw new TypeError("a timer needs a function to call");
    const delay = Math.max(0, Number(ms) || 0);
    const id = ++timerSeq;
    heapPush({ id, seq: id, due: timerNow + delay, delay, fn, args, repeat });
    return new Timeout(id);
  }
  const clearTimer = (handle) => {
    const id = handle && typeof handle === "object" ? handle.id : Number(handle);
    if (id) cancelled.add(id);
  };
  define("setTimeout", (fn, ms, ...args) => addTimer(fn, ms, args, false));
  define("setInterval", (fn, ms, ...args) => addTimer(fn, Math.max(1, Number(ms) || 1), args, true));
  define("setImmediate", (fn, ...args) => addTimer(fn, -1, args, false));
  define("clearTimeout", clearTimer);
  define("clearInterval", clearTimer);
  define("clearImmediate", clearTimer);

  // Waiting for a timer moves the clock, though nothing really waits: the
  // callback of setTimeout(fn, 1000) sees Date.now() a second later, as it
  // would in Node, so code that measures or stamps time after a wait works.
  const RealDate = Date;
  const realNow = RealDate.now;
  const shiftedNow = () => realNow() + timerNow;
  define("Date", new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget);
    },
    apply() {
      return new RealDate(shiftedNow()).toString();
    },
    get(target, key, receiver) {
      return key === "now" ? shiftedNow : Reflect.get(target, key, receiver);
    },
  }));
  // performance.now() counts from the start of the request (the framework
  // may have been loaded long before it), moved by timers like Date.
  let requestStart = 0;
  let requestStartWall = 0;
  const realPerformanceNow =
    typeof performance === "object" && typeof performance.now === "function"
      ? performance.now.bind(performance)
      : realNow;
  define("performance", {
    now: () => realPerformanceNow() - requestStart + timerNow,
    get timeOrigin() { return requestStartWall; },
  });
  /** Marks the start of the request, for performance.now(). */
  function beginRequest() {
    requestStart = realPerformanceNow();
    requestStartWall = realNow();
  }

  /** Runs the timer due first; false when none is left. */
  function tick(onError) {
    while (timers.length > 0 && cancelled.has(timers[0].id)) heapPop();
    if (timers.length === 0) return false;
    const timer = heapPop();
    timerNow = Math.max(timerNow, timer.due);
    if (timer.repeat) heapPush(Object.assign({}, timer, { due: timerNow + timer.delay, seq: ++timerSeq }));
    try { timer.fn(...timer.args); } catch (e) { onError(e); }
    return true;
  }

  // ------------------------------------------------ what the sandbox lacks
  const missing = (what, instead) => {
    throw new Error(what + " is not available in Backlab's sandbox: " + instead);
  };
  // The exercise's configuration, read once per request.
  let env = null;
  define("process", new Proxy({}, {
    get(_, key) {
      if (key === "env") return env === null ? (env = host.env()) : env;
      if (typeof key === "symbol") return undefined;
      return missing("process." + String(key), "there is no operating system process here; your code gets `app`, `db`, `console`, `crypto` and timers");
    },
  }));
  define("Buffer", new Proxy(function Buffer() {}, {
    get(_, key) {
      if (typeof key === "symbol" || key === "prototype") return undefined;
      return missing("Buffer", "use strings, or Uint8Array for bytes");
    },
    apply: () => missing("Buffer", "use strings, or Uint8Array for bytes"),
    construct: () => missing("Buffer", "use strings, or Uint8Array for bytes"),
  }));
