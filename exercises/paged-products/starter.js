// GET /products?limit=&offset=&category=&max_price= → {items, total, limit, offset}.
app.get("/products", (req, res) => {
  res.json(db.prepare("SELECT * FROM products").all());
});
