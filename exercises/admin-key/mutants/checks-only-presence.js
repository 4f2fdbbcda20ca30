// Any key at all lets you in.
app.use("/admin", (req, res, next) => {
  if (!req.get("X-Api-Key")) {
    return res.status(401).json({ error: "the admin pages need an X-Api-Key header" });
  }
  next();
});

app.get("/menu", (req, res) => {
  res.json({ items: ["teapot", "mug"] });
});

app.get("/admin/sales", (req, res) => {
  const sales = db.prepare("SELECT count(*) AS orders, sum(amount) AS total_cents FROM orders").get();
  res.json(sales);
});
