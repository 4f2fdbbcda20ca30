// POST /transfers { from, to, amount }: move whole cents between two accounts
// of the same owner, within the source account's daily limit (see the README).
app.post("/transfers", (req, res) => {
  const { from, to, amount } = req.body;
  // TODO: 400 for bad account ids or a bad amount.
  // TODO: in ONE transaction: 404 / 403 checks, then a conditional UPDATE that takes
  //       the money only if the balance and today's limit allow it (check .changes),
  //       then add it to the target and record the transfer with its time.
  res.status(501).json({ code: "not_written", error: "not written yet" });
});
