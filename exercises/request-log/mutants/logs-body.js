// Logs the request body with the path, password and all.
app.use((req, res, next) => {
  db.prepare("INSERT INTO request_log (method, path, client) VALUES (?, ?, ?)").run(
    req.method,
    `${req.path} ${JSON.stringify(req.body ?? {})}`,
    req.get("X-Client") ?? null,
  );
  next();
});

app.get("/status", (req, res) => {
  res.json({ up: true });
});

app.post("/login", (req, res) => {
  res.status(401).json({ error: "wrong username or password" });
});
