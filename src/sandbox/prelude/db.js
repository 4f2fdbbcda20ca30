
  // --------------------------------------------------------------------- db
  class SqliteError extends Error {
    constructor(message, code, sql) {
      super(message);
      this.code = code;
      // Backlab's reports name the statement; better-sqlite3's errors have
      // no such own property, so it stays out of sight.
      Object.defineProperty(this, "sql", { value: sql, enumerable: false, writable: true, configurable: true });
    }
  }
  Object.defineProperty(SqliteError.prototype, "name", { value: "SqliteError", writable: true, configurable: true });
  define("SqliteError", SqliteError);

  const isPlainObject = (v) => v !== null && typeof v === "object" && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

  // better-sqlite3 binds numbers (always as REAL), strings, BigInts,
  // bytes and null, and refuses everything else.
  function bindable(value, where) {
    if (value === undefined || value === null) return null;
    const type = typeof value;
    if (type === "bigint" && asIntN(64, value) !== value) {
      throw new RangeError(where + " is " + value + "n, which does not fit in SQLite's 64-bit integers");
    }
    if (type === "number" || type === "string" || type === "bigint") return value;
    if (value instanceof Uint8Array) return value;
    const what = type === "boolean" ? "a boolean (" + value + "); store 1 or 0 instead"
      : value instanceof Date ? "a Date; store date.toISOString() or date.getTime() instead"
      : Array.isArray(value) ? "an array; store JSON.stringify(value) instead"
      : type === "object" ? "an object; store JSON.stringify(value) instead"
      : "a " + type;
    throw hinted(new TypeError("SQLite3 can only bind numbers, strings, bigints, buffers, and null"), where + " is " + what);
  }

  // What the host binds: an array for `?` placeholders, or an object for
  // named ones (`@name`, `:name`, `$name`), given as one plain object.
  function bindArgs(args) {
    const objects = args.filter(isPlainObject);
    if (objects.length > 1) throw new TypeError("You cannot specify named parameters in two different objects");
    if (objects.length === 1) {
      if (args.length > 1) throw new TypeError("Give either named parameters in one object or positional ones, not both (Backlab does not mix them)");
      // better-sqlite3 reads only the names the SQL uses, so a value that
      // cannot be bound matters only if its name is used: it is left out,
      // and its error thrown if SQLite then misses it.
      const named = {};
      const refused = {};
      for (const key of Object.keys(objects[0])) {
        try { named[key] = bindable(objects[0][key], "the named parameter " + key); } catch (e) { refused[key] = e; }
      }
      return { values: named, refused };
    }
    const list = [].concat(...args.map((a) => (Array.isArray(a) ? a : [a])));
    return { values: list.map((v, i) => bindable(v, "parameter " + (i + 1))), refused: {} };
  }

  // better-sqlite3's own error, with Backlab's advice beside it: `describe`
  // adds the hint to the report, the message stays what Node would say.
  function hinted(error, hint) {
    Object.defineProperty(error, "hint", { value: hint, enumerable: false, configurable: true });
    return error;
  }

  function checked(result, sql, refused) {
    if (!result.error) return result;
    // better-sqlite3 throws a RangeError for parameters that do not fit.
    const missing = /^Missing named parameter "(.*)"/.exec(result.error.message);
    if (missing && refused && refused[missing[1]]) throw refused[missing[1]];
    if (result.error.code === "SQLITE_RANGE") {
      const [message, hint] = result.error.message.split(" (");
      throw hinted(new RangeError(message), hint ? hint.replace(/\)$/, "") : undefined);
    }
    throw new SqliteError(result.error.message, result.error.code, sql);
  }

  function* rowsOf(rows) { yield* rows; }

  class Statement {
    constructor(source) {
      if (typeof source !== "string") throw hinted(new TypeError("Expected first argument to be a string"), "db.prepare(sql) needs the SQL as a string");
      const info = checked(host.prepare(source), source);
      Object.defineProperty(this, "source", { value: source, enumerable: true });
      Object.defineProperty(this, "reader", { value: info.reader, enumerable: true });
      this._pluck = false;
      this._raw = false;
    }
    pluck(on = true) { this._pluck = Boolean(on); if (on) this._raw = false; return this; }
    raw(on = true) { this._raw = Boolean(on); if (on) this._pluck = false; return this; }
    _read(args, first) {
      if (!this.reader) throw new TypeError("This statement does not return data. Use run() instead");
      const { values, refused } = bindArgs(args);
      const arrays = this._pluck || this._raw;
      const { rows } = checked(host.query(this.source, values, first, arrays), this.source, refused);
      return this._pluck ? rows.map((r) => r[0]) : rows;
    }
    get(...args) { return this._read(args, true)[0]; }
    all(...args) { return this._read(args, false); }
    iterate(...args) { return rowsOf(this._read(args, false)); }
    run(...args) {
      const { values, refused } = bindArgs(args);
      return checked(host.run(this.source, values), this.source, refused);
    }
  }

  let depth = 0;
  function transactionOf(fn, begin) {
    return function (...args) {
      const name = "backlab_tx_" + depth;
      // A transaction begun by hand (db.exec("BEGIN")) nests like any other.
      const outer = depth === 0 && !host.inTransaction();
      db.exec(outer ? begin : "SAVEPOINT " + name);
      depth++;
      let result;
      try {
        result = fn.apply(this, args);
        if (result && typeof result.then === "function") {
          throw hinted(new TypeError("Transaction function cannot return a promise"), "db.transaction() runs its function at once: leave out async and await inside it");
        }
      } catch (error) {
        depth--;
        // SQLite may have rolled back already (after some errors); the
        // error that caused it is the one worth showing.
        try { db.exec(outer ? "ROLLBACK" : "ROLLBACK TO " + name + "; RELEASE " + name); } catch (_) { /* already over */ }
        throw error;
      }
      depth--;
      db.exec(outer ? "COMMIT" : "RELEASE " + name);
      return result;
    };
  }

  const db = {
    prepare: (sql) => new Statement(sql),
    exec(sql) {
      if (typeof sql !== "string") throw new TypeError("db.exec(sql) needs the SQL as a string");
      checked(host.exec(sql), sql);
      return db;
    },
    pragma(source, options) {
      if (typeof source !== "string") throw new TypeError("db.pragma(source) needs the pragma as a string, like \"table_info(users)\"");
      const stmt = new Statement("PRAGMA " + source);
      const rows = stmt.reader ? stmt.all() : (stmt.run(), []);
      if (options && options.simple) {
        const first = rows[0];
        return first === undefined ? undefined : first[Object.keys(first)[0]];
      }
      return rows;
    },
    transaction(fn) {
      if (typeof fn !== "function") throw new TypeError("db.transaction(fn) needs a function");
      const tx = transactionOf(fn, "BEGIN");
      tx.deferred = tx;
      tx.immediate = transactionOf(fn, "BEGIN IMMEDIATE");
      tx.exclusive = transactionOf(fn, "BEGIN EXCLUSIVE");
      return tx;
    },
    get inTransaction() { return host.inTransaction(); },
    get open() { return true; },
    get memory() { return false; },
    get readonly() { return false; },
    get name() { return "backlab.db"; },
    close() { return db; },
    function() { throw new Error("db.function() is not available in Backlab's sandbox: write the logic in JavaScript around your query"); },
    loadExtension() { throw new Error("db.loadExtension() is not allowed: the sandbox cannot load code into SQLite"); },
  };
  define("db", db);
