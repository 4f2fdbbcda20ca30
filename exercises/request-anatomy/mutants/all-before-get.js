// Puts the 405 route first and lets only GET through: HEAD, which HTTP treats as a GET without the body, is refused too.
const ALLOWED = "GET, HEAD";

function first(value) {
  return Array.isArray(value) ? value[0] : value;
}

app.all("/inspect", (req, res, next) => {
  if (req.method === "GET") return next();
  res.set("Allow", ALLOWED);
  res.status(405).json({ error: `${req.method} is not allowed on /inspect; use ${ALLOWED}` });
});

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
