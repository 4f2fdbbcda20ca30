// WRONG: the search page escapes only < and >, so q = `" onmouseover=...` or `'` or `&` goes into the HTML raw
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
app.use((req, res, next) => { res.set("Content-Security-Policy", "script-src 'self'"); next(); });
app.get("/guestbook", (req, res) => {
  const items = db.prepare("SELECT author, body FROM comments ORDER BY id").all().map((c) => `<li><strong>${esc(c.author)}</strong>: ${esc(c.body)}</li>`);
  res.send(`<h1>Guestbook</h1><ul>${items.join("")}</ul>`);
});
app.get("/search", (req, res) => {
  const q = String(req.query.q).replace(/</g, "&lt;").replace(/>/g, "&gt;");
  res.send(`<p>No comments found for ${q}.</p>`);
});
