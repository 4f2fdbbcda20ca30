// The HSTS middleware is registered after POST /login, so the login answer has no Strict-Transport-Security.
const HSTS = "max-age=31536000; includeSubDomains";
const PUBLIC_HOST = process.env.PUBLIC_HOST;

app.post("/login", (req, res) => {
  if (req.get("X-Forwarded-Proto") === "http") return res.status(403).json({ error: "use HTTPS" });
  res.cookie("sid", crypto.randomToken(), { httpOnly: true, secure: true, sameSite: "lax", path: "/" });
  res.json({ ok: true });
});

app.use((req, res, next) => {
  if (req.get("X-Forwarded-Proto") === "http") {
    if (req.method === "GET" || req.method === "HEAD") {
      return res.redirect(308, `https://${PUBLIC_HOST}${req.originalUrl}`);
    }
    return res.status(403).json({ error: "use HTTPS" });
  }
  res.set("Strict-Transport-Security", HSTS);
  next();
});

app.get("/cart", (req, res) => {
  res.json({ items: [] });
});
