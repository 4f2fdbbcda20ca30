
  // ------------------------------------------------------------------ multer
  // require("multer"): the upload middleware most Express apps use, with
  // memory storage (the sandbox has no disk). It reads a multipart/form-data
  // body into req.body (the text fields) and req.file / req.files. Requests
  // carry text here, so a file's bytes are its UTF-8 text; file.buffer is a
  // Uint8Array whose toString() gives the text back, as a Buffer's does.
  class MulterError extends Error {
    constructor(code, field) {
      super(MULTER_MESSAGES[code] || code);
      this.name = "MulterError";
      this.code = code;
      if (field) this.field = field;
    }
  }
  const MULTER_MESSAGES = {
    LIMIT_PART_COUNT: "Too many parts",
    LIMIT_FILE_SIZE: "File too large",
    LIMIT_FILE_COUNT: "Too many files",
    LIMIT_FIELD_KEY: "Field name too long",
    LIMIT_FIELD_VALUE: "Field value too long",
    LIMIT_FIELD_COUNT: "Too many fields",
    LIMIT_UNEXPECTED_FILE: "Unexpected field",
    MISSING_FIELD_NAME: "Field name missing",
  };

  // A request's text is valid UTF-8 (it came from the host as a string), so
  // the encodeURIComponent idiom request.js uses gives its bytes.
  const utf8 = (text) => Array.from(unescape(encodeURIComponent(text)), (c) => c.charCodeAt(0));

  class FileBuffer extends Uint8Array {
    toString(encoding) {
      if (encoding === "base64") return base64(Array.from(this));
      if (encoding === "hex") return hex(Array.from(this));
      return this._text;
    }
  }

  // The parts of a multipart body: [{ name, filename?, type, text }].
  const multipartParts = (raw, contentType) => {
    const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType || "");
    if (!m) throw new HttpError(400, "Multipart: Boundary not found");
    const delimiter = "--" + (m[1] || m[2]);
    const chunks = raw.split(delimiter);
    if (chunks.length < 2 || !/^--/.test(chunks[chunks.length - 1])) throw new HttpError(400, "Unexpected end of form");
    const parts = [];
    for (const chunk of chunks.slice(1, -1)) {
      const body = chunk.replace(/^\r?\n/, "").replace(/\r?\n$/, "");
      const split = body.search(/\r?\n\r?\n/);
      if (split < 0) throw new HttpError(400, "Malformed part header");
      const head = body.slice(0, split);
      const text = body.slice(split).replace(/^\r?\n\r?\n/, "");
      const disposition = /content-disposition:\s*form-data([^\r\n]*)/i.exec(head);
      if (!disposition) throw new HttpError(400, "Malformed part header");
      const param = (key) => {
        const p = new RegExp(";\\s*" + key + "=(?:\"([^\"]*)\"|([^;\\s]*))", "i").exec(disposition[1]);
        return p ? (p[1] !== undefined ? p[1] : p[2]) : undefined;
      };
      const type = /content-type:\s*([^\r\n]+)/i.exec(head);
      parts.push({ name: param("name"), filename: param("filename"), type: type ? type[1].trim() : "text/plain", text });
    }
    return parts;
  };

  function multer(options) {
    const opts = options || {};
    const limits = opts.limits || {};
    const max = (key) => (typeof limits[key] === "number" ? limits[key] : Infinity);
    const middleware = (accepts) => (req, res, next) => {
      if (!req.is("multipart")) return next();
      let parts;
      try {
        parts = multipartParts(req.rawBody || "", req.get("content-type"));
      } catch (error) {
        return next(error);
      }
      const body = {};
      const files = [];
      const counts = new Map();
      const fail = (code, field) => next(new MulterError(code, field));
      if (parts.length > max("parts")) return fail("LIMIT_PART_COUNT");
      for (const part of parts) {
        if (part.name === undefined) return fail("MISSING_FIELD_NAME");
        if (part.filename === undefined) {
          if (Object.keys(body).length >= max("fields")) return fail("LIMIT_FIELD_COUNT");
          if (utf8(part.text).length > max("fieldSize")) return fail("LIMIT_FIELD_VALUE", part.name);
          const had = body[part.name];
          body[part.name] = had === undefined ? part.text : [].concat(had, part.text);
          continue;
        }
        // As multer (through busboy) does: a file input left empty sends a
        // part with filename="", which is skipped, and a name keeps only
        // what follows its last / or \.
        if (part.filename === "") continue;
        part.filename = part.filename.replace(/^.*[\\/]/, "");
        const count = (counts.get(part.name) || 0) + 1;
        counts.set(part.name, count);
        if (!accepts(part.name, count)) return fail("LIMIT_UNEXPECTED_FILE", part.name);
        if (files.length + 1 > max("files")) return fail("LIMIT_FILE_COUNT");
        const bytes = utf8(part.text);
        if (bytes.length > max("fileSize")) return fail("LIMIT_FILE_SIZE", part.name);
        const buffer = FileBuffer.from(bytes);
        buffer._text = part.text;
        const file = { fieldname: part.name, originalname: part.filename, encoding: "7bit", mimetype: part.type, size: bytes.length, buffer };
        if (typeof opts.fileFilter === "function") {
          let verdict;
          opts.fileFilter(req, file, (error, keep) => { verdict = { error, keep }; });
          if (verdict === undefined) throw new Error("multer's fileFilter must call its callback right away in Backlab's sandbox");
          if (verdict.error) return next(verdict.error);
          if (!verdict.keep) continue;
        }
        files.push(file);
      }
      req.body = body;
      return accepts.place(req, files);
    };
    const single = (name) => {
      const accepts = (field, count) => field === name && count === 1;
      accepts.place = (req, files) => { req.file = files[0]; };
      return accepts;
    };
    const many = (check, grouped) => {
      const accepts = check;
      accepts.place = (req, files) => {
        if (!grouped) { req.files = files; return; }
        req.files = {};
        for (const f of files) (req.files[f.fieldname] = req.files[f.fieldname] || []).push(f);
      };
      return accepts;
    };
    const run = (accepts) => {
      const handler = middleware(accepts);
      return (req, res, next) => {
        let nextCalled = false;
        const done = (error) => { nextCalled = true; next(error); };
        handler(req, res, done);
        if (!nextCalled) next();
      };
    };
    return {
      single: (name) => run(single(name)),
      array: (name, maxCount) => run(many((field, count) => field === name && count <= (maxCount === undefined ? Infinity : maxCount), false)),
      fields: (list) => {
        const maxOf = new Map(list.map((f) => [f.name, f.maxCount === undefined ? Infinity : f.maxCount]));
        return run(many((field, count) => maxOf.has(field) && count <= maxOf.get(field), true));
      },
      none: () => run(many(() => false, false)),
      any: () => run(many(() => true, false)),
    };
  }
  multer.memoryStorage = () => ({ memory: true });
  multer.diskStorage = () => {
    throw new Error("multer.diskStorage is not available in Backlab's sandbox: there is no disk; use multer() or multer.memoryStorage() and keep what you need in the database");
  };
  multer.MulterError = MulterError;
