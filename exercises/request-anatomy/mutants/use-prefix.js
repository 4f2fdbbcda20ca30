// Catches other methods with app.use, which matches every path under /inspect too: /inspect/more becomes a 405 instead of a 404.
const ALLOWED = "GET, HEAD";

// The first value of a query parameter: a repeated name gives an array.
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

// Registered after the GET route, so it sees every other method on /inspect.
app.use("/inspect", (req, res) => {
  res.set("Allow", ALLOWED);
  res.status(405).json({ error: `${req.method} is not allowed on /inspect; use ${ALLOWED}` });
});
