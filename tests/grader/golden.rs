//! Snapshots of whole reports: the JSON report for a pass, a fail, a
//! timeout, a syntax error and an SQL error, kept as insta snapshots in
//! `snapshots/`. Timings are zeroed. After a deliberate change to the
//! report, run `cargo insta review` (or `INSTA_UPDATE=always`) and review
//! the diff.

use serde_json::Value;

use crate::util::{exercise, grade_code};

const TESTS: &str = r#"
[limits]
timeout_ms = 250

[[tests]]
name = "GET /todos lists the todos"
[[tests.steps]]
path = "/todos"
expect.status = 200
expect.json = [{ id = 1, title = "Buy milk" }, { id = 2, title = "Write tests" }]

[[tests]]
name = "POST /todos adds one"
[[tests.steps]]
method = "POST"
path = "/todos"
json = { title = "Walk the dog" }
expect.status = 201
capture = { id = "json:id" }
[[tests.database]]
query = "SELECT id, title FROM todos WHERE title = 'Walk the dog'"
rows = [[3, "Walk the dog"]]
"#;

const PASS: &str = r#"
app.get("/todos", (req, res) => {
  res.json(db.prepare("SELECT id, title FROM todos ORDER BY id").all());
});
app.post("/todos", (req, res) => {
  const result = db.prepare("INSERT INTO todos (title) VALUES (?)").run(req.body.title);
  res.status(201).json({ id: result.lastInsertRowid });
});
"#;

fn check(name: &str, code: &str) {
    let report = grade_code(&exercise(TESTS), code);
    let mut actual = serde_json::to_value(&report).expect("a report serializes");
    zero_durations(&mut actual);
    insta::assert_json_snapshot!(name, actual);
}

fn zero_durations(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "duration_us" {
                    *v = Value::from(0);
                } else {
                    zero_durations(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(zero_durations),
        _ => {}
    }
}

#[test]
fn golden_pass() {
    check("pass", PASS);
}

#[test]
fn golden_fail() {
    check(
        "fail",
        &PASS
            .replace("ORDER BY id", "ORDER BY title DESC")
            .replace("res.status(201).", "res."),
    );
}

#[test]
fn golden_timeout() {
    check(
        "timeout",
        &PASS.replace("res.json(db", "while (true) {}\n  res.json(db"),
    );
}

#[test]
fn golden_syntax_error() {
    check(
        "syntax-error",
        &PASS.replace(
            "(req, res) => {\n  res.json",
            "(req, res) => {\n  res.json(",
        ),
    );
}

#[test]
fn golden_sql_error() {
    check(
        "sql-error",
        &PASS.replace("SELECT id, title FROM todos", "SELECT id, title FROM todo"),
    );
}
