// Log every request into request_log (method, path, client) before it goes on.
app.get("/status", (req, res) => {
  res.json({ up: true });
});

app.post("/login", (req, res) => {
  res.status(401).json({ error: "wrong username or password" });
});
