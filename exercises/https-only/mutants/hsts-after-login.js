// WRONG: the HSTS middleware is registered after POST /login, so the login answer (and any route above it) has no Strict-Transport-Security
app.use((req, res, next) => {
  if (req.get("X-Forwarded-Proto") === "http") return res.redirect(301, "https://" + req.get("Host") + req.originalUrl);
  next();
});
app.post("/login", (req, res) => {
  res.cookie("sid", crypto.randomToken(), { httpOnly: true, secure: true, sameSite: "lax", path: "/" });
  res.json({ ok: true });
});
app.use((req, res, next) => { res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains"); next(); });
app.get("/cart", (req, res) => { res.json({ items: [] }); });
