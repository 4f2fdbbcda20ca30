const shapes = {
  v1: (user) => ({ id: user.id, name: `${user.first_name} ${user.last_name}`, email: user.email }),
  v2: (user) => ({
    id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    email: user.email,
  }),
};

function userRoute(shape) {
  return (req, res) => {
    const user = db.prepare("SELECT * FROM users WHERE id = ?").get(Number(req.params.id));
    if (!user) return res.status(404).json({ error: `there is no user ${req.params.id}` });
    res.json(shape(user));
  };
}

app.use("/v1", (req, res, next) => {
  res.set("Deprecation", "@1767225600");
  res.set("Sunset", "Wed, 01 Jul 2026 00:00:00 GMT");
  next();
});
app.get("/v1/users/:id", userRoute(shapes.v1));
app.get("/v2/users/:id", userRoute(shapes.v2));
