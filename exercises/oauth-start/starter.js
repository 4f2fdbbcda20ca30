// GET /auth/login: start a "Log in with Lantern ID" (see the README).
const AUTHORIZE_URL = "https://id.lantern.example/authorize";

// Given: a stand-in for the callback (the exercise "Log in with Lantern ID:
// the callback" writes the real one). It only answers with the login cookies
// the browser sent back ({} when none came), so you can see them arrive.
app.get("/auth/callback", (req, res) => {
  const { oauth_state, oauth_verifier } = req.cookies;
  res.json({ oauth_state, oauth_verifier });
});

app.get("/auth/login", (req, res) => {
  // TODO: state = crypto.randomToken(16), then verifier = crypto.randomToken(32).
  // TODO: cookies oauth_state and oauth_verifier: httpOnly, secure, sameSite "lax",
  //       path "/auth", maxAge of 10 minutes (in milliseconds).
  // TODO: code_challenge = base64url SHA-256 of the verifier.
  // TODO: redirect 303 to AUTHORIZE_URL with the seven parameters, in the README's
  //       order, each value through encodeURIComponent; client_id and redirect_uri
  //       from process.env, never from the request.
  res.status(501).json({ error: "not written yet" });
});
