function describe(req, res) {
  const answer = {
    method: req.method,
    path: req.path,
    query: req.query,
    agent: req.get("User-Agent") ?? "unknown",
  };
  if (req.method === "POST") answer.body = req.body;
  res.json(answer);
}

app.get("/inspect", describe);
app.post("/inspect", describe);
