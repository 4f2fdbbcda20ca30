app.get("/visits", (req, res) => {
  const before = Number(req.cookies.visits);
  const trusted = Number.isInteger(before) && before >= 1;
  const visits = trusted ? before + 1 : 1;
  res.cookie("visits", String(visits), { httpOnly: true, path: "/" });
  res.json({ visits });
});
