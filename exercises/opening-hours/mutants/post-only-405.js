// Only POST gets the 405; PUT and DELETE on /open fall through to a 404.
app.get("/open", (req, res) => {
  const text = req.query.hour;
  const hour = Number(text);
  if (text === undefined || text === "" || !Number.isInteger(hour) || hour < 0 || hour > 23) {
    return res.status(400).json({ error: "hour must be a whole number from 0 to 23, like ?hour=10" });
  }
  res.json({ open: hour >= 9 && hour < 17 });
});

app.post("/open", (req, res) => {
  res.status(405).set("Allow", "GET").json({ error: "use GET /open?hour=10" });
});
