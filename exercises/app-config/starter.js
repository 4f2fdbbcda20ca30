// Configuration comes from process.env (see the README's table). Read it
// here, once, before the routes: check every value and turn each into the
// type it stands for. Remember that every value arrives as a string.
const config = {
  // publicUrl: ...,
  // signingKey: ...,
  // maxMembers: ...,     a number
  // trialDays: ...,      a number
  // requireApproval: ..., a boolean
};

// GET /config: exactly the public settings, for the front end.
app.get("/config", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});

// POST /signups: check the email, refuse when the club is full, store the
// member, and answer 201 with id, email, status, trial_ends and confirm_url.
app.post("/signups", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
