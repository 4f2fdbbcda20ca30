// Read the flags here, once, before the routes: every variable of
// process.env whose name starts with FEATURE_ is one. Turn each value into
// a percentage from 0 to 100, and throw (naming the variable) for any
// spelling the README does not allow.
const flags = [
  // { feature: "new_checkout", percent: 25 },
];

// TODO: a user's bucket, 0 to 99, from the first 8 hex digits of crypto.sha256(userId).
function bucket(userId) {
  return 0;
}

// GET /features?user=<id>: { user, features: { <name>: true or false, ... } }.
app.get("/features", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
