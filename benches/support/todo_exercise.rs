//! A ten-test exercise on a todo API, the kind a real exercise has, shared
//! by the grader and server benchmarks.

// Each benchmark uses only part of this file.
#![allow(dead_code)]

use backlab::catalog::{Catalog, Exercise, Files};

const SCHEMA: &str = "CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0);";
const SEED: &str =
    "INSERT INTO todos (title, done) VALUES ('Buy milk', 0), ('Write tests', 1), ('Call mum', 0);";

pub const SOLUTION: &str = r#"
app.get("/todos", (req, res) => {
  const done = req.query.done;
  const rows = done === undefined
    ? db.prepare("SELECT id, title, done FROM todos ORDER BY id").all()
    : db.prepare("SELECT id, title, done FROM todos WHERE done = ? ORDER BY id").all(Number(done));
  res.json(rows);
});
app.get("/todos/:id", (req, res) => {
  const todo = db.prepare("SELECT id, title, done FROM todos WHERE id = ?").get(req.params.id);
  if (!todo) return res.status(404).json({ error: "not found" });
  res.json(todo);
});
app.post("/todos", (req, res) => {
  if (typeof req.body.title !== "string") return res.status(400).json({ error: "title is required" });
  const { lastInsertRowid } = db.prepare("INSERT INTO todos (title) VALUES (?)").run(req.body.title);
  res.status(201).json({ id: lastInsertRowid, title: req.body.title, done: 0 });
});
"#;

/// Ten tests of the kinds a real exercise has: reads, writes with a
/// database check, a capture, a 404, a 400, and the injection detector.
fn tests() -> String {
    let mut toml = String::new();
    for i in 1..=3 {
        toml += &format!(
            "[[tests]]\nname = \"GET /todos/{i}\"\ndetect_injection = true\n[[tests.steps]]\npath = \"/todos/{i}\"\nexpect.status = 200\nexpect.json_types = {{ title = \"string\" }}\n\n"
        );
    }
    toml += "[[tests]]\nname = \"list\"\n[[tests.steps]]\npath = \"/todos\"\nexpect.json_path = { \"[0].title\" = \"Buy milk\" }\n\n";
    toml += "[[tests]]\nname = \"list done\"\n[[tests.steps]]\npath = \"/todos\"\nquery = { done = 1 }\nexpect.json = [{ id = 2, title = \"Write tests\", done = 1 }]\n\n";
    toml += "[[tests]]\nname = \"missing\"\n[[tests.steps]]\npath = \"/todos/99\"\nexpect.status = 404\n\n";
    toml += "[[tests]]\nname = \"no title\"\n[[tests.steps]]\nmethod = \"POST\"\npath = \"/todos\"\njson = {}\nexpect.status = 400\n\n";
    for title in ["Walk the dog", "Read a book"] {
        toml += &format!(
            "[[tests]]\nname = \"add {title}\"\ndetect_injection = true\n[[tests.steps]]\nmethod = \"POST\"\npath = \"/todos\"\njson = {{ title = \"{title}\" }}\nexpect.status = 201\n[[tests.database]]\nquery = \"SELECT count(*) FROM todos\"\nrows = [[4]]\n\n"
        );
    }
    toml += "[[tests]]\nname = \"add then read\"\n[[tests.steps]]\nmethod = \"POST\"\npath = \"/todos\"\njson = { title = \"Tea\" }\ncapture = { id = \"json:id\" }\n[[tests.steps]]\npath = \"/todos/{{id}}\"\nexpect.json_path = { title = \"Tea\" }\n";
    toml
}

pub fn catalog() -> Catalog {
    let toml = format!(
        "format_version = 1\ntitle = \"Bench\"\ntrack = \"apis\"\ndifficulty = \"beginner\"\nlanguage = \"js\"\nhints = [\"h\"]\n\n{}",
        tests()
    );
    let files = Files::from_texts([
        ("exercises/bench/exercise.toml", toml.as_str()),
        ("exercises/bench/README.md", "# Bench\n"),
        ("exercises/bench/starter.js", "// starter\n"),
        ("exercises/bench/solution.js", SOLUTION),
        ("exercises/bench/schema.sql", SCHEMA),
        ("exercises/bench/seed.sql", SEED),
    ]);
    Catalog::load(&files).unwrap_or_else(|p| panic!("{p:?}"))
}

pub fn exercise() -> Exercise {
    catalog()
        .exercises
        .into_iter()
        .next()
        .expect("one exercise")
}
