// Accepts any Origin that starts with the front end's: https://shop.example.evil.test is anyone's to register.
// The one front end that may read this API, with the shopper's cookies:
// an exact origin (scheme, host and port), from configuration.
const FRONTEND_ORIGIN = process.env.FRONTEND_ORIGIN;
if (!FRONTEND_ORIGIN) throw new Error("configuration: FRONTEND_ORIGIN is not set; refusing to start");

// Before every route, and so before any login check.
app.use((req, res, next) => {
  res.vary("Origin"); // the answer depends on Origin, for everyone
  const fromFrontEnd = (req.get("Origin") ?? "").startsWith(FRONTEND_ORIGIN);
  if (fromFrontEnd) {
    res.set("Access-Control-Allow-Origin", req.get("Origin"));
    res.set("Access-Control-Allow-Credentials", "true");
  }
  if (req.method !== "OPTIONS") return next();

  // A preflight: it carries no cookies and must never reach a route.
  if (!fromFrontEnd) {
    return res.status(403).json({ error: "this origin may not call the API" });
  }
  res.set("Access-Control-Allow-Methods", "GET, PUT, DELETE");
  res.set("Access-Control-Allow-Headers", "Content-Type, X-CSRF-Token");
  res.set("Access-Control-Max-Age", "7200");
  res.status(204).end();
});

// The routes are written for you. They need the shopper's session cookie,
// and PUT and DELETE also the session's CSRF token in X-CSRF-Token.
function currentSession(req) {
  const id = req.cookies.session;
  if (typeof id !== "string") return undefined;
  return db.prepare("SELECT user_id, csrf_token FROM sessions WHERE id = ?").get(id);
}

function requireLogin(req, res, next) {
  const session = currentSession(req);
  if (!session) return res.status(401).json({ error: "log in first" });
  if (req.method !== "GET" && req.get("X-CSRF-Token") !== session.csrf_token) {
    return res.status(403).json({ error: "missing or wrong X-CSRF-Token" });
  }
  res.locals.userId = session.user_id;
  next();
}

app.get("/api/basket", requireLogin, (req, res) => {
  const items = db
    .prepare("SELECT sku, quantity FROM basket_items WHERE user_id = ? ORDER BY sku")
    .all(res.locals.userId);
  res.json({ items });
});

app.put("/api/basket/items/:sku", requireLogin, (req, res) => {
  const { quantity } = req.body;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 99) {
    return res.status(400).json({ error: "quantity must be a whole number from 1 to 99" });
  }
  db.prepare(
    `INSERT INTO basket_items (user_id, sku, quantity) VALUES (?, ?, ?)
     ON CONFLICT (user_id, sku) DO UPDATE SET quantity = excluded.quantity`,
  ).run(res.locals.userId, req.params.sku, quantity);
  res.json({ sku: req.params.sku, quantity });
});

app.delete("/api/basket/items/:sku", requireLogin, (req, res) => {
  const { changes } = db
    .prepare("DELETE FROM basket_items WHERE user_id = ? AND sku = ?")
    .run(res.locals.userId, req.params.sku);
  if (changes === 0) return res.status(404).json({ error: "that item is not in your basket" });
  res.status(204).end();
});
