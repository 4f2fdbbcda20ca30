app.get("/greeting", (req, res) => {
  const accept = req.get("Accept") || "";
  res.set("Vary", "Accept");
  if (accept.includes("text/html")) {
    return res.type("text/html").send("<p>Hello!</p>");
  }
  if (accept.includes("text/plain")) {
    return res.type("text/plain").send("Hello!");
  }
  res.json({ greeting: "Hello!" });
});
