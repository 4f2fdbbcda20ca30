// GET /inspect answers JSON describing the request it received (see the README):
//   method, path (without the query string), q, user_agent, accept; missing ones are null.
// It also sets the response header  Inspected-By: backlab
// Every other method on /inspect answers 405 with the header  Allow: GET, HEAD
app.get("/inspect", (req, res) => {
  // TODO: read the method, the path, the query value q and the two headers from req.
  res.json({ method: req.method });
});

// TODO: answer every other method on /inspect with 405 and an Allow header.
