// GET and POST /inspect describe the request: method, path, query, agent (and body for POST).
app.get("/inspect", (req, res) => {
  res.json({ method: "GET" });
});
