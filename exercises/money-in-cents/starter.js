// Amounts travel as decimal strings ("12.34") and are stored as whole cents (1234). See the README.
// POST /prices          {"amount": "12.34", "currency": "EUR"} → 201 {"id", "amount": "12.34", "currency"}
// GET  /prices/total?currency=EUR → {"currency", "total": "…", "count"}
// GET  /prices/:id      → {"id", "amount", "currency"}, or 404
app.post("/prices", (req, res) => {
  const { amount, currency } = req.body;
  // TODO: refuse anything that is not a string like "12.34" (at most 1000000.00) with 400,
  // turn it into cents without parseFloat, store it, and answer 201.
  res.status(501).json({ error: "not written yet" });
});

// TODO: GET /prices/total (before /prices/:id) and GET /prices/:id.
