// GET /orders?status=&from=&to=&min_total=&sort= (see the README).
//
// TODO 1: check every parameter and collect ALL the problems in one errors object,
//         keyed by the parameter's name (unknown parameters too). 400 { error, errors } if any.
// TODO 2: build the WHERE clause from pieces you write ("status IN (?, ?)", "created_at >= ?", ...)
//         and put the values in a params array, in the same order.
// TODO 3: ORDER BY an allow-listed column, ASC or DESC, then id.
app.get("/orders", (req, res) => {
  res.json(db.prepare("SELECT id, customer, status, total_cents, created_at FROM orders").all());
});
