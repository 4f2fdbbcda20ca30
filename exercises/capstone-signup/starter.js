// POST /signup {email, password}: validate, hash the password, 409 for a taken email.
app.post("/signup", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
