// Treats the second of exp as still valid: exp < now instead of exp <= now.
const SECRET = process.env.JWT_SECRET;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// base64url → text. Throws on a character outside the alphabet or bytes that are not UTF-8.
function fromBase64url(text) {
  let escaped = "", value = 0, bits = 0;
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index === -1) throw new Error("not base64url");
    value = ((value << 6) | index) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      escaped += "%" + ((value >> bits) & 255).toString(16).padStart(2, "0");
    }
  }
  return decodeURIComponent(escaped);
}

const sign = (data) => crypto.createHmac("sha256", SECRET).update(data).digest("base64url");

// The claims of a genuine, unexpired HS256 token, or undefined.
function verify(token) {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const [head, body, signature] = parts;
  let header, claims;
  try {
    header = JSON.parse(fromBase64url(head));
    claims = JSON.parse(fromBase64url(body));
  } catch {
    return undefined; // not base64url JSON
  }
  if (header?.alg !== "HS256") return undefined; // the server chooses the algorithm, not the token
  if (!crypto.timingSafeEqual(signature, sign(`${head}.${body}`))) return undefined;
  const now = Math.floor(Date.now() / 1000); // JWT times are in seconds
  if (typeof claims?.exp !== "number" || claims.exp < now) return undefined;
  return claims;
}

// 401, with the header that tells the client which credentials to send.
function unauthorized(res, challenge) {
  res.set("WWW-Authenticate", challenge);
  return res.status(401).json({ error: "send a valid token: Authorization: Bearer <token>" });
}

app.get("/me", (req, res) => {
  const match = /^Bearer (\S+)$/.exec(req.get("Authorization") ?? "");
  if (!match) return unauthorized(res, "Bearer");
  const claims = verify(match[1]);
  if (!claims) return unauthorized(res, 'Bearer error="invalid_token"');
  const user = db.prepare("SELECT id, username, email FROM users WHERE id = ?").get(String(claims.sub));
  if (!user) return res.status(404).json({ error: "the user of this token no longer exists" });
  res.json(user);
});
