// GET /orders?customer=ID: that customer's orders, newest first, each with
// its items and its total_cents (see the README).
//
// The tests allow at most 2 SQL statements per request, however many orders
// the customer has: a query per order (the N+1 problem) will not pass.
app.get("/orders", (req, res) => {
  // TODO: 400 when there is no ?customer=, 404 when no such customer exists.
  // TODO: the customer's orders, newest first.
  // TODO: the items of ALL those orders in one query (WHERE order_id IN (?, ?, ...)),
  //       then put each item into its order and add it to the order's total.
  res.status(501).json({ error: "not written yet" });
});
