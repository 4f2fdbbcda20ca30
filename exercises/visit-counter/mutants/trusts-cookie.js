// Trusts whatever number the cookie holds.
app.get("/visits", (req, res) => {
  const before = Number(req.cookies.visits);
  const visits = (parseInt(req.cookies.visits) || 0) + 1;
  res.cookie("visits", String(visits), { httpOnly: true, path: "/" });
  res.json({ visits });
});
