// A farm shop's API, described in the README as curl commands and their answers.
// Read each command for its method, path, query string, headers and body, and each
// answer for its status, headers and body; then make your handlers give exactly that.

// curl -i 'http://localhost:3000/products?max_price=400'
app.get("/products", (req, res) => {
  // TODO: every product (id, name, price_cents), cheapest first, equal prices by name;
  //       only those costing at most ?max_price= when it is given (400 if it is not a whole number).
  res.status(501).json({ error: "not written yet" });
});

// curl -i -d 'product_id=5&quantity=3&name=Ada+Lovelace' http://localhost:3000/orders
app.post("/orders", (req, res) => {
  // TODO: -d sends a form, so req.body.product_id, .quantity and .name are all text.
  //       Check them, store the order, then answer 201 with a Location header,
  //       the pickup_name cookie and the order as JSON.
  res.status(501).json({ error: "not written yet" });
});

// curl -i http://localhost:3000/orders/2
app.get("/orders/:id", (req, res) => {
  // TODO: the order as JSON (id, product, quantity, name, total_cents), or 404.
  res.status(501).json({ error: "not written yet" });
});

// curl -i -X DELETE http://localhost:3000/orders/2
app.delete("/orders/:id", (req, res) => {
  // TODO: delete the order and answer 204 with no body, or 404.
  res.status(501).json({ error: "not written yet" });
});
