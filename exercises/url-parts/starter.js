// GET /links/check?url=<an encoded link> answers the link's parts as JSON (see the README):
//   scheme, host, port (80 or 443 when none is written), path, query (an object), fragment, target.
// Anything that is not a well-formed http or https link is a 400 with {"error": "..."}.
// There is no URL class here: take the text apart with regular expressions.
app.get("/links/check", (req, res) => {
  const url = req.query.url;
  // TODO: refuse a missing or repeated url, then split it into its parts.
  res.json({ url });
});
