// Redirects GET but refuses HEAD, which is just as safe to repeat.
const HSTS = "max-age=31536000; includeSubDomains";
const PUBLIC_HOST = process.env.PUBLIC_HOST;

app.use((req, res, next) => {
  if (req.get("X-Forwarded-Proto") === "http") {
    if (req.method === "GET") {
      return res.redirect(308, `https://${PUBLIC_HOST}${req.originalUrl}`);
    }
    return res.status(403).json({ error: `this site only takes ${req.method} over HTTPS: https://${PUBLIC_HOST}` });
  }
  res.set("Strict-Transport-Security", HSTS);
  next();
});

app.post("/login", (req, res) => {
  res.cookie("sid", crypto.randomToken(), { httpOnly: true, secure: true, sameSite: "lax", path: "/" });
  res.json({ ok: true });
});

app.get("/cart", (req, res) => {
  res.json({ items: [] });
});
