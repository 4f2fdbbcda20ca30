// POST /token: trade an email and password for a 15-minute HS256 JWT (see the README).
const SECRET = process.env.JWT_SECRET;
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

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

app.post("/token", (req, res) => {
  const { email, password } = req.body;
  // TODO: 400 unless email and password are both non-empty strings.
  // TODO: find the user by email and check the password with crypto.verifyPassword;
  //       401 with exactly { error: "wrong email or password" } when either is wrong.
  // TODO: claims { sub, iat, exp, aud } in that order, times in seconds, exp 900 s after iat.
  // TODO: token = base64url(header JSON) + "." + base64url(claims JSON) + "." + signature,
  //       where the signature is crypto.createHmac("sha256", SECRET).update(first two parts)
  //       .digest("base64url"). Answer { access_token, token_type: "Bearer", expires_in: 900 }.
  res.status(501).json({ error: "not written yet" });
});
