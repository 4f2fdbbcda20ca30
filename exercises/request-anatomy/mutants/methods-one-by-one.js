// Refuses POST, PUT, PATCH and DELETE one by one: OPTIONS slips through to Express's own answer instead of the 405.
const ALLOWED = "GET, HEAD";

function first(value) {
  return Array.isArray(value) ? value[0] : value;
}

app.get("/inspect", (req, res) => {
  res.set("Inspected-By", "backlab");
  res.json({
    method: req.method,
    path: req.path,
    q: first(req.query.q) ?? null,
    user_agent: req.get("User-Agent") ?? null,
    accept: req.get("Accept") ?? null,
  });
});

function refuse(req, res) {
  res.set("Allow", ALLOWED);
  res.status(405).json({ error: `${req.method} is not allowed on /inspect; use ${ALLOWED}` });
}

app.post("/inspect", refuse);
app.put("/inspect", refuse);
app.patch("/inspect", refuse);
app.delete("/inspect", refuse);
