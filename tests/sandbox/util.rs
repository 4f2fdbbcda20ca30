//! Shared helpers: one sandbox for the whole test binary (its compiled guest
//! cached under the target dir) and a todo-list database.

use std::sync::OnceLock;
use std::time::Duration;

use backlab::sandbox::{HttpRequest, Outcome, Program, RunOptions, Sandbox, Verdict};
use backlab::scratch::{Caps, Scratch, SqlValue, Template};

pub const SCHEMA: &str = "
CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0);
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL);
CREATE TABLE blobs (data BLOB);
";
pub const SEED: &str =
    "INSERT INTO todos (title, done) VALUES ('Buy milk', 0), ('Write tests', 1);";

pub fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("backlab-cache");
        Sandbox::new(Some(&cache)).expect("the sandbox starts")
    })
}

pub fn todos() -> Scratch {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    TEMPLATE
        .get_or_init(|| {
            Template::build(SCHEMA, SEED, ("schema.sql", "seed.sql")).expect("the schema builds")
        })
        .fresh()
}

/// Runs `code` on a fresh todo database with default limits.
pub fn run(code: &str, request: HttpRequest) -> Outcome {
    run_with(code, request, &RunOptions::default())
}

pub fn run_with(code: &str, request: HttpRequest, options: &RunOptions) -> Outcome {
    let program = Program {
        code,
        filename: "app.js",
    };
    sandbox().run(program, &request, todos(), options).0
}

/// Options with a short time limit, so tests that hit it stay quick.
pub fn quick() -> RunOptions {
    let mut options = RunOptions::default();
    options.limits.timeout = Duration::from_millis(300);
    options
}

pub fn get(path: &str) -> HttpRequest {
    HttpRequest::new("GET", path)
}

/// The response of a run that must have answered without error.
pub fn answered(outcome: &Outcome) -> (u16, &str) {
    assert_eq!(
        outcome.verdict,
        Verdict::Ok,
        "{}",
        outcome.verdict.message()
    );
    let response = outcome.response.as_ref().expect("a response");
    (response.status, response.body.as_str())
}

pub fn json(outcome: &Outcome) -> serde_json::Value {
    let (_, body) = answered(outcome);
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

/// After something hostile, an ordinary request still works.
pub fn next_run_works() {
    let outcome = run(
        r#"app.get("/", (req, res) => res.json(db.prepare("SELECT count(*) AS n FROM todos").get()));"#,
        get("/"),
    );
    assert_eq!(json(&outcome), serde_json::json!({ "n": 2 }));
}

/// The first column of the first row of `sql`, read from a host copy of `db`.
pub fn count(db: &Scratch, sql: &str) -> i64 {
    let snapshot = db
        .snapshot(Duration::from_secs(2))
        .expect("the image opens");
    let found = snapshot.query(sql, Caps::CHECK).expect("the query runs");
    match found.rows.first().and_then(|r| r.first()) {
        Some(SqlValue::Integer(n)) => *n,
        other => panic!("{sql} gave {other:?}"),
    }
}
