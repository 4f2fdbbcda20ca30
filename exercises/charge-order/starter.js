// POST /orders/:id/pay: charge the order through https://api.pay.example/v1/charges (see the README), then mark it paid.
app.post("/orders/:id/pay", async (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
