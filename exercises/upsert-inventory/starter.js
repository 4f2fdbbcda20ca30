const FIELDS = "sku, quantity, created_at, updated_at";

// Given: read one item.
app.get("/inventory/:sku", (req, res) => {
  const item = db.prepare(`SELECT ${FIELDS} FROM inventory WHERE sku = ?`).get(req.params.sku);
  if (!item) return res.status(404).json({ error: "there is no such sku" });
  res.json(item);
});

// PUT /inventory/:sku with {"quantity": N}: create the item or set its quantity.
app.put("/inventory/:sku", (req, res) => {
  // TODO: 400 unless quantity is a whole number from 0 to 1000000.
  // TODO: ONE statement: INSERT ... ON CONFLICT (sku) DO UPDATE SET ... RETURNING ...
  // TODO: 201 when the row was created, 200 when it was updated (look at updated_at).
  res.status(501).json({ error: "not written yet" });
});
