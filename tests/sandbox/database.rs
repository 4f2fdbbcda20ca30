//! The better-sqlite3-style `db`: statements, parameters, transactions,
//! errors, and the trace of what ran.

use backlab::sandbox::{HttpRequest, Program, RunOptions, Verdict};
use serde_json::json;

use crate::util::{answered, count, get, json, run, sandbox, todos};

#[test]
fn get_all_and_run_return_what_better_sqlite3_does() {
    let code = r#"
app.get("/", (req, res) => {
  const one = db.prepare("SELECT id, title FROM todos WHERE id = ?").get(1);
  const none = db.prepare("SELECT id FROM todos WHERE id = ?").get(99);
  const all = db.prepare("SELECT title FROM todos ORDER BY id").all();
  const info = db.prepare("UPDATE todos SET done = 1").run();
  res.json({ one, none: none === undefined, all, info });
});"#;
    assert_eq!(
        json(&run(code, get("/"))),
        json!({
            "one": { "id": 1, "title": "Buy milk" },
            "none": true,
            "all": [{ "title": "Buy milk" }, { "title": "Write tests" }],
            "info": { "changes": 2, "lastInsertRowid": 0 }
        })
    );
}

#[test]
fn named_and_array_parameters_bind() {
    let code = r#"
app.get("/", (req, res) => {
  db.prepare("INSERT INTO todos (title, done) VALUES (@title, @done)").run({ title: "named", done: 1 });
  const rows = db.prepare("SELECT title, done FROM todos WHERE id IN (?, ?)").all([1, 3]);
  res.json(rows);
});"#;
    assert_eq!(
        json(&run(code, get("/"))),
        json!([{ "title": "Buy milk", "done": 0 }, { "title": "named", "done": 1 }])
    );
}

#[test]
fn objects_are_refused_as_parameters_with_advice() {
    // better-sqlite3's words, with Backlab's advice beside them.
    let code = r#"app.get("/", (req, res) => res.json(db.prepare("SELECT ?").get([{ a: 1 }])));"#;
    let outcome = run(code, get("/"));
    match outcome.verdict {
        Verdict::Exception { name, message, .. } => {
            assert_eq!(name, "TypeError");
            assert_eq!(
                message,
                "SQLite3 can only bind numbers, strings, bigints, buffers, and null (parameter 1 is an object; store JSON.stringify(value) instead)"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn exec_runs_several_statements() {
    let code = r#"
app.get("/", (req, res) => {
  db.exec("CREATE TABLE tags (name TEXT); INSERT INTO tags VALUES ('a'); INSERT INTO tags VALUES ('b');");
  res.json(db.prepare("SELECT count(*) AS n FROM tags").get());
});"#;
    assert_eq!(json(&run(code, get("/"))), json!({ "n": 2 }));
}

#[test]
fn a_transaction_rolls_back_when_it_throws() {
    let code = r#"
const clear = db.transaction((keep) => {
  db.prepare("DELETE FROM todos").run();
  if (!keep) throw new Error("changed my mind");
});
app.get("/", (req, res) => {
  try { clear(false); } catch (e) { console.log(e.message); }
  res.json(db.prepare("SELECT count(*) AS n FROM todos").get());
});"#;
    let outcome = run(code, get("/"));
    assert_eq!(json(&outcome), json!({ "n": 2 }));
    let sql: Vec<&str> = outcome.trace.sql().map(|c| c.sql.as_str()).collect();
    assert_eq!(
        sql,
        vec![
            "BEGIN",
            "DELETE FROM todos",
            "ROLLBACK",
            "SELECT count(*) AS n FROM todos"
        ]
    );
}

#[test]
fn nested_transactions_use_savepoints() {
    let code = r#"
const inner = db.transaction(() => { db.prepare("INSERT INTO todos (title) VALUES ('inner')").run(); throw new Error("inner fails"); });
const outer = db.transaction(() => {
  db.prepare("INSERT INTO todos (title) VALUES ('outer')").run();
  try { inner(); } catch (_) {}
});
app.get("/", (req, res) => { outer(); res.json(db.prepare("SELECT title FROM todos WHERE id > 2").all()); });"#;
    assert_eq!(json(&run(code, get("/"))), json!([{ "title": "outer" }]));
}

#[test]
fn sql_errors_name_the_statement_and_line() {
    let code = "app.get(\"/\", (req, res) => {\n  res.json(db.prepare(\"SELECT * FROM todo\").all());\n});";
    let outcome = run(code, get("/"));
    match &outcome.verdict {
        Verdict::SqlError {
            message,
            sql,
            location,
        } => {
            assert_eq!(message, "no such table: todo");
            assert_eq!(sql.as_deref(), Some("SELECT * FROM todo"));
            assert_eq!(location.as_ref().map(|l| l.line), Some(2));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        outcome.verdict.message(),
        "SQL error in `SELECT * FROM todo` at app.js line 2, column 15: no such table: todo."
    );
}

#[test]
fn constraint_errors_reach_javascript_with_their_code() {
    let code = r#"
app.post("/users", (req, res) => {
  try {
    db.prepare("INSERT INTO users (email, password_hash) VALUES (?, ?)").run("a@b.c", "x");
    db.prepare("INSERT INTO users (email, password_hash) VALUES (?, ?)").run("a@b.c", "y");
  } catch (e) {
    return res.status(409).json({ name: e.name, code: e.code, message: e.message });
  }
  res.sendStatus(201);
});"#;
    let outcome = run(code, HttpRequest::new("POST", "/users"));
    assert_eq!(
        json(&outcome),
        json!({ "name": "SqliteError", "code": "SQLITE_CONSTRAINT_UNIQUE", "message": "UNIQUE constraint failed: users.email" })
    );
}

#[test]
fn the_trace_records_sql_with_params_rows_and_changes() {
    let code = r#"
app.get("/", (req, res) => {
  db.prepare("UPDATE todos SET done = ? WHERE id = ?").run(1, 1);
  res.json(db.prepare("SELECT id FROM todos WHERE done = ?").all(1));
});"#;
    let outcome = run(code, get("/"));
    answered(&outcome);
    let calls: Vec<_> = outcome.trace.sql().collect();
    // better-sqlite3 binds JavaScript numbers as REAL.
    assert_eq!(calls[0].params, json!([1.0, 1.0]));
    assert_eq!(calls[0].changes, Some(1));
    assert_eq!(calls[1].columns, vec!["id"]);
    assert_eq!(calls[1].row_count, 2);
    assert_eq!(
        serde_json::to_value(&calls[1].rows).unwrap(),
        json!([[1], [2]])
    );
}

#[test]
fn requests_can_share_one_database() {
    let code = r#"
app.post("/todos", (req, res) => res.status(201).json(db.prepare("INSERT INTO todos (title) VALUES (?)").run(req.body.title)));
app.get("/count", (req, res) => res.json(db.prepare("SELECT count(*) AS n FROM todos").get().n));"#;
    let program = Program {
        code,
        filename: "app.js",
    };
    let options = RunOptions::default();
    let mut scratch = todos();
    for i in 0..3 {
        let request = HttpRequest::new("POST", "/todos").json(&json!({ "title": format!("t{i}") }));
        let (outcome, back) = sandbox().run(program, &request, scratch, &options);
        assert_eq!(answered(&outcome).0, 201);
        scratch = back;
    }
    let (outcome, _) = sandbox().run(program, &get("/count"), scratch, &options);
    assert_eq!(answered(&outcome), (200, "5"));
}

#[test]
fn an_open_transaction_is_rolled_back_after_the_request() {
    let code =
        r#"app.get("/", (req, res) => { db.exec("BEGIN; DELETE FROM todos;"); res.end(); });"#;
    let program = Program {
        code,
        filename: "app.js",
    };
    let (outcome, scratch) = sandbox().run(program, &get("/"), todos(), &RunOptions::default());
    assert!(outcome.trace.rolled_back_open_transaction);
    let rows = count(&scratch, "SELECT count(*) FROM todos");
    assert_eq!(rows, 2);
}

#[test]
fn the_database_opens_on_first_use_and_comes_back_as_it_was_when_unused() {
    let code = r#"
app.get("/plain", (req, res) => res.send("no SQL here"));
app.get("/late", (req, res) => {
  const before = db.inTransaction;
  res.json({ before, n: db.prepare("SELECT count(*) AS n FROM todos").get().n });
});"#;
    let program = Program {
        code,
        filename: "app.js",
    };
    let options = RunOptions::default();
    let scratch = todos();
    let image = scratch.image().to_vec();
    let (outcome, back) = sandbox().run(program, &get("/plain"), scratch, &options);
    assert_eq!(answered(&outcome), (200, "no SQL here"));
    assert_eq!(back.image(), &image[..]);
    let (outcome, _) = sandbox().run(program, &get("/late"), back, &options);
    assert_eq!(json(&outcome), json!({ "before": false, "n": 2 }));
    assert_eq!(outcome.trace.sql().count(), 1);
}
