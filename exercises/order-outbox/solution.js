const place = db.transaction((customer, item, quantity) => {
  const { lastInsertRowid: id } = db
    .prepare("INSERT INTO orders (customer, item, quantity) VALUES (?, ?, ?)")
    .run(customer, item, quantity);
  db.prepare("INSERT INTO outbox (kind, recipient, payload) VALUES ('email', ?, ?)").run(
    customer,
    JSON.stringify({ template: "order_confirmation", order_id: id }),
  );
  return id;
});

app.post("/orders", (req, res) => {
  const { customer, item, quantity } = req.body;
  if (typeof customer !== "string" || !customer.includes("@")) {
    return res.status(400).json({ error: "customer must be an email address" });
  }
  let id;
  try {
    id = place(customer, item, quantity);
  } catch (error) {
    return res.status(400).json({ error: `the order could not be placed: ${error.message}` });
  }
  res.status(201).json({ id, customer, item, quantity });
});
