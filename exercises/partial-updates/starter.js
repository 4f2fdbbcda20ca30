// PATCH /contacts/:id with JSON Merge Patch rules (see the README):
//   a missing key leaves its field alone, null clears phone or notes,
//   a value replaces the field once it passes its field's check.
//
// TODO 1: 415 unless the body is application/json or application/merge-patch+json
//         (req.is(...)). A merge-patch body is text in req.rawBody: JSON.parse it, 400 if it fails.
// TODO 2: 400 unless the patch is a JSON object.
// TODO 3: check every key; collect the problems in one object, keyed by the key as sent.
//         Answer 400 with { error, fields } if there are any.
// TODO 4: one UPDATE, built from SQL pieces you wrote, values bound with ?.
//         404 when there is no such contact; 200 with id, name, email, phone, notes.
app.patch("/contacts/:id", (req, res) => {
  res.status(501).json({ error: "not written yet" });
});
