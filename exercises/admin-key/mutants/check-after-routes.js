// The check is written after the routes, so it never runs before them.
app.get("/menu", (req, res) => {
  res.json({ items: ["teapot", "mug"] });
});

app.get("/admin/sales", (req, res) => {
  const sales = db.prepare("SELECT count(*) AS orders, sum(amount) AS total_cents FROM orders").get();
  res.json(sales);
});

app.use("/admin", (req, res, next) => {
  if (req.get("X-Api-Key") !== "staff-only-42") {
    return res.status(401).json({ error: "the admin pages need a valid X-Api-Key header" });
  }
  next();
});
