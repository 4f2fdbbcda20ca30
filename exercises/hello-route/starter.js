// Answer GET /hello with {"message": "Hello, world!"}
// and GET /hello?name=Ada with {"message": "Hello, Ada!"}.
app.get("/hello", (req, res) => {
  res.send("hi");
});
