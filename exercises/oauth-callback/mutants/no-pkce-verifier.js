// Leaves the PKCE verifier out of the exchange, so a stolen code is enough on its own.
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

const SESSION_COOKIE = { httpOnly: true, secure: true, sameSite: "lax", path: "/" };
const SESSION_MS = 7 * 24 * 60 * 60 * 1000;

class LoginError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function filled(value) {
  return typeof value === "string" && value !== "";
}

// Server to server: the code, our secret and the PKCE verifier, for an access token.
async function exchangeCode(code, verifier) {
  const answer = await fetch(`${PROVIDER_URL}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      grant_type: "authorization_code",
      code,
      redirect_uri: process.env.OAUTH_REDIRECT_URI,
      client_id: process.env.OAUTH_CLIENT_ID,
      client_secret: process.env.OAUTH_CLIENT_SECRET,
    }),
  });
  if (answer.status === 400) throw new LoginError(401, "the login code was refused; please log in again");
  if (answer.status !== 200) throw new LoginError(502, "Lantern ID could not complete the login; try again later");
  const tokens = await answer.json();
  return tokens.access_token;
}

async function fetchProfile(accessToken) {
  const answer = await fetch(`${PROVIDER_URL}/userinfo`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  if (answer.status !== 200) throw new LoginError(502, "Lantern ID did not say who you are; try again later");
  return answer.json();
}

// The provider account is known by (provider, sub). Only a verified email
// may link it to an existing user, or give a new user that address.
const findOrCreateUser = db.transaction((profile) => {
  const known = db
    .prepare("SELECT user_id FROM identities WHERE provider = ? AND subject = ?")
    .get(PROVIDER, profile.sub);
  if (known) return known.user_id;
  if (profile.email_verified !== true) {
    throw new LoginError(403, "verify your email address at Lantern ID first");
  }
  const existing = db.prepare("SELECT id FROM users WHERE email = ?").get(profile.email);
  const userId = existing
    ? existing.id
    : db.prepare("INSERT INTO users (name, email) VALUES (?, ?)").run(profile.name, profile.email).lastInsertRowid;
  db.prepare("INSERT INTO identities (provider, subject, user_id) VALUES (?, ?, ?)").run(PROVIDER, profile.sub, userId);
  return userId;
});

app.get("/auth/callback", async (req, res) => {
  const { code, state } = req.query;
  const expected = req.cookies.oauth_state;
  const verifier = req.cookies.oauth_verifier;
  if (!filled(state) || !filled(expected) || !crypto.timingSafeEqual(state, expected)) {
    return res.status(400).json({ error: "this login was not started here; please start again" });
  }
  if (!filled(code) || !filled(verifier)) {
    return res.status(400).json({ error: "this login is incomplete; please start again" });
  }
  try {
    const accessToken = await exchangeCode(code, verifier);
    const profile = await fetchProfile(accessToken);
    const userId = findOrCreateUser(profile);
    const token = crypto.randomToken();
    db.prepare("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, datetime('now', '+7 days'))").run(
      crypto.sha256(token),
      userId,
    );
    res.cookie("sid", token, { ...SESSION_COOKIE, maxAge: SESSION_MS });
    res.redirect(303, "/");
  } catch (error) {
    if (!(error instanceof LoginError)) throw error;
    res.status(error.status).json({ error: error.message });
  }
});
