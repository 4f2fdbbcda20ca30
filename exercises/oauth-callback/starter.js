const PROVIDER = "lantern";
const PROVIDER_URL = "https://id.lantern.example";
const FLOW_COOKIE = { httpOnly: true, secure: true, sameSite: "lax", path: "/auth", maxAge: 10 * 60 * 1000 };

// Given: the query string of a URL, from an object of fields.
function toQuery(fields) {
  return Object.entries(fields)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join("&");
}

// Given: starts a login. It keeps a random state and a PKCE verifier in two
// short-lived cookies, and sends the browser to Lantern ID.
app.get("/auth/login", (req, res) => {
  const state = crypto.randomToken(16);
  const verifier = crypto.randomToken(32);
  res.cookie("oauth_state", state, FLOW_COOKIE);
  res.cookie("oauth_verifier", verifier, FLOW_COOKIE);
  const query = toQuery({
    response_type: "code",
    client_id: process.env.OAUTH_CLIENT_ID,
    redirect_uri: process.env.OAUTH_REDIRECT_URI,
    scope: "openid email profile",
    state,
    code_challenge: crypto.createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  });
  res.redirect(303, `${PROVIDER_URL}/authorize?${query}`);
});

// Given: who is logged in, from the sid cookie.
app.get("/me", (req, res) => {
  const token = req.cookies.sid;
  const user =
    typeof token === "string"
      ? db
          .prepare(
            "SELECT u.name, u.email FROM sessions AS s JOIN users AS u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > datetime('now')",
          )
          .get(crypto.sha256(token))
      : undefined;
  if (!user) return res.status(401).json({ error: "log in first" });
  res.json(user);
});

// TODO: GET /auth/callback?code=...&state=... (the README says every step).
// 1. Refuse (400) a state that is missing, empty or not equal to the oauth_state cookie,
//    and a missing code or oauth_verifier cookie, before calling anyone.
// 2. POST the code to ${PROVIDER_URL}/oauth/token, with your secret and the verifier.
// 3. GET ${PROVIDER_URL}/userinfo with the access token.
// 4. Find the user by (PROVIDER, sub); link or create only with a verified email.
// 5. Create a session, set the sid cookie, and redirect 303 to /.
app.get("/auth/callback", async (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
