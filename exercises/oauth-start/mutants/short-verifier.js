// Makes an 8-byte verifier: 16 characters, below the 43 that PKCE requires.
const AUTHORIZE_URL = "https://id.lantern.example/authorize";

// Given: a stand-in for the callback (the exercise "Log in with Lantern ID:
// the callback" writes the real one). It only answers with the login cookies
// the browser sent back ({} when none came), so you can see them arrive.
app.get("/auth/callback", (req, res) => {
  const { oauth_state, oauth_verifier } = req.cookies;
  res.json({ oauth_state, oauth_verifier });
});

// Both cookies: out of reach of scripts, HTTPS only, sent on the provider's
// redirect back to us (Lax, not Strict), only under /auth, for ten minutes.
const LOGIN_COOKIE = { httpOnly: true, secure: true, sameSite: "lax", path: "/auth", maxAge: 600 * 1000 };

// PKCE S256: the SHA-256 of the verifier, in base64url without padding.
const challengeFor = (verifier) => crypto.createHash("sha256").update(verifier).digest("base64url");

app.get("/auth/login", (req, res) => {
  const state = crypto.randomToken(16);
  const verifier = crypto.randomToken(8);
  res.cookie("oauth_state", state, LOGIN_COOKIE);
  res.cookie("oauth_verifier", verifier, LOGIN_COOKIE);

  // Only configuration and our own values go into the URL; nothing from the request.
  const params = [
    ["response_type", "code"],
    ["client_id", process.env.OAUTH_CLIENT_ID],
    ["redirect_uri", process.env.OAUTH_REDIRECT_URI],
    ["scope", "openid email profile"],
    ["state", state],
    ["code_challenge", challengeFor(verifier)],
    ["code_challenge_method", "S256"],
  ];
  const query = params.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join("&");
  res.redirect(303, `${AUTHORIZE_URL}?${query}`);
});
