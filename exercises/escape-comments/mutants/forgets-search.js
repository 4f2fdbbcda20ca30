// Escapes the guestbook but echoes the search term raw.
function escapeHtml(text) {
  return String(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}
app.use((req, res, next) => {
  res.set("Content-Security-Policy", "script-src 'self'");
  next();
});
app.get("/guestbook", (req, res) => {
  const comments = db.prepare("SELECT author, body FROM comments ORDER BY id").all();
  res.send(`<h1>Guestbook</h1><ul>${comments.map((c) => `<li><strong>${escapeHtml(c.author)}</strong>: ${escapeHtml(c.body)}</li>`).join("")}</ul>`);
});
app.get("/search", (req, res) => {
  res.send(`<p>No comments found for ${req.query.q}.</p>`);
});
