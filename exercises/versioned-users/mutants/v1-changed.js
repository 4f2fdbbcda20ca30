// "Upgrades" v1 in place: every installed app that reads name breaks.
for (const version of ["v1", "v2"]) {
  app.get(`/${version}/users/:id`, (req, res) => {
    const user = db.prepare("SELECT * FROM users WHERE id = ?").get(Number(req.params.id));
    if (!user) return res.status(404).json({ error: "no such user" });
    if (version === "v1") res.set({ Deprecation: "@1767225600", Sunset: "Wed, 01 Jul 2026 00:00:00 GMT" });
    res.json({ id: user.id, first_name: user.first_name, last_name: user.last_name, email: user.email });
  });
}
