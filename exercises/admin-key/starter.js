// Protect every route under /admin: the X-Api-Key header must be "staff-only-42".
app.get("/menu", (req, res) => {
  res.json({ items: ["teapot", "mug"] });
});

app.get("/admin/sales", (req, res) => {
  const sales = db.prepare("SELECT count(*) AS orders, sum(amount) AS total_cents FROM orders").get();
  res.json(sales);
});
