// Signs with plain base64 (+, / and = padding) instead of base64url: the token breaks in headers and URLs, and no JWT library accepts it.
const SECRET = process.env.JWT_SECRET;
const AUDIENCE = "helpdesk-api";
const LIFETIME_SECONDS = 15 * 60;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const REFUSED = { error: "wrong email or password" };

// Given: text → base64url (its UTF-8 bytes, 6 bits per character, no "=" padding).
function toBase64url(text) {
  const bytes = (encodeURIComponent(text).match(/%..|./g) ?? []).map((c) =>
    c.length === 3 ? parseInt(c.slice(1), 16) : c.charCodeAt(0),
  );
  let out = "", value = 0, bits = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET[(value >> bits) & 63];
    }
  }
  if (bits > 0) out += ALPHABET[(value << (6 - bits)) & 63];
  return out;
}

// header.payload.signature, the signature an HMAC-SHA256 of the first two parts.
function signToken(claims) {
  const header = toBase64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = toBase64url(JSON.stringify(claims));
  const signature = crypto.createHmac("sha256", SECRET).update(`${header}.${payload}`).digest("base64");
  return `${header}.${payload}.${signature}`;
}

const isFilledText = (value) => typeof value === "string" && value !== "";

app.post("/token", (req, res) => {
  const { email, password } = req.body;
  if (!isFilledText(email) || !isFilledText(password)) {
    return res.status(400).json({ error: "send your email and password, both as non-empty text" });
  }
  const user = db.prepare("SELECT id, password_hash FROM users WHERE email = ?").get(email);
  // One answer for an unknown email and a wrong password.
  if (!user || !crypto.verifyPassword(password, user.password_hash)) {
    return res.status(401).json(REFUSED);
  }
  const now = Math.floor(Date.now() / 1000); // JWT times are seconds, Date.now() is milliseconds
  const token = signToken({ sub: String(user.id), iat: now, exp: now + LIFETIME_SECONDS, aud: AUDIENCE });
  res.json({ access_token: token, token_type: "Bearer", expires_in: LIFETIME_SECONDS });
});
