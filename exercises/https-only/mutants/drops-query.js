// Redirects, but loses the query string, and serves the route anyway for HTTP.
app.use((req, res, next) => {
  res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  if (req.get("X-Forwarded-Proto") === "http") {
    res.redirect(301, `https://${req.get("Host")}${req.path}`);
  }
  next();
});
app.post("/login", (req, res) => {
  res.cookie("sid", crypto.randomToken(), { httpOnly: true, secure: true, sameSite: "lax", path: "/" });
  res.json({ ok: true });
});
app.get("/cart", (req, res) => {
  res.json({ items: [] });
});
