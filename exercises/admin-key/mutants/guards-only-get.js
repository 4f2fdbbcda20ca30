// Guards only GET requests under /admin: POST, DELETE and the other methods reach admin routes without the key.
app.get("/admin{/*rest}", (req, res, next) => {
  if (req.get("X-Api-Key") !== "staff-only-42") return res.status(401).json({ error: "the admin pages need a valid X-Api-Key header" });
  next();
});

app.get("/menu", (req, res) => {
  res.json({ items: ["teapot", "mug"] });
});

app.get("/admin/sales", (req, res) => {
  const sales = db.prepare("SELECT count(*) AS orders, sum(amount) AS total_cents FROM orders").get();
  res.json(sales);
});

app.post("/admin/refunds", (req, res) => {
  res.json({ refunded: true });
});
