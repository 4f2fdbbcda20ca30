// TODO 1, before every route: a middleware that sets the README's security
// headers on every answer, and no X-Powered-By header.
// TODO 2: Cache-Control: no-store on /account and every page under it.

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

// TODO 3, after every route: your own 404 ({"error": "not found"}) and your
// own error handler (500, {"error": "internal error"}).
