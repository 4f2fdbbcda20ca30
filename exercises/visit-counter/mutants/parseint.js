// parseInt trusts "2.5" (→ 3) and "7abc" (→ 8) instead of starting again from 1.
app.get("/visits", (req, res) => {
  let n = parseInt(req.cookies.visits, 10);
  if (isNaN(n) || n < 1) n = 0;
  const visits = n + 1;
  res.cookie("visits", String(visits), { httpOnly: true, path: "/" });
  res.json({ visits });
});
