// Sends the unexpected error's message to the client.
class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function findOrder(id) {
  const order = db.prepare("SELECT * FROM orders WHERE id = ?").get(Number(id));
  if (!order) throw new ApiError(404, "not_found", `There is no order ${id}.`);
  return order;
}

app.get("/orders/:id", (req, res) => {
  res.json(findOrder(req.params.id));
});

app.post("/orders/:id/cancel", (req, res) => {
  const order = findOrder(req.params.id);
  if (order.status === "paid") {
    throw new ApiError(409, "conflict", "A paid order cannot be cancelled.");
  }
  db.prepare("UPDATE orders SET status = 'cancelled' WHERE id = ?").run(order.id);
  res.json({ ...order, status: "cancelled" });
});

app.get("/orders/:id/explode", (req, res) => {
  throw new Error("database password is hunter2");
});

app.use((err, req, res, next) => {
  if (err instanceof ApiError) {
    return res.status(err.status).json({ error: { code: err.code, message: err.message } });
  }
  console.error(err);
  res.status(500).json({ error: { code: "internal", message: err.message } });
});

app.use((req, res) => {
  res.status(404).json({ error: { code: "no_route", message: `There is no ${req.method} ${req.path}.` } });
});
