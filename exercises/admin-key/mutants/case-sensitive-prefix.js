// WRONG: checks req.path.startsWith("/admin") case-sensitively, but routes match paths case-insensitively: GET /ADMIN/sales gets through without the key.
app.use((req, res, next) => {
  if (req.path.startsWith("/admin") && req.get("X-Api-Key") !== "staff-only-42") {
    return res.status(401).json({ error: "no" });
  }
  next();
});
app.get("/menu", (req, res) => { res.json({ items: ["teapot", "mug"] }); });
app.get("/admin/sales", (req, res) => {
  res.json(db.prepare("SELECT count(*) AS orders, sum(amount) AS total_cents FROM orders").get());
});
