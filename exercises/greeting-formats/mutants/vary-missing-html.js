// WRONG: Vary: Accept is only sent on the JSON and text answers, not on the HTML one
app.get("/greeting", (req, res) => {
  const a = req.get("Accept") || "";
  if (a.includes("text/html")) return res.type("html").send("<p>Hello!</p>");
  res.set("Vary", "Accept");
  if (a.includes("text/plain")) return res.type("text").send("Hello!");
  res.json({ greeting: "Hello!" });
});
