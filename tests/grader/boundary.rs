//! The grader cannot be hung or lied to: its checks read a host copy of the
//! main database only (no TEMP objects), under their own deadline and caps,
//! and a template table turned into something else fails the test.

use std::time::{Duration, Instant};

use backlab::grader::Status;

use crate::util::{exercise, exercise_in, failures, grade_code, only, passes};

/// One step that marks every todo done, then a check that they all are.
const MARK_DONE: &str = r#"
[[tests]]
name = "Every todo is marked done"
[[tests.steps]]
method = "POST"
path = "/done"
expect.status = 204
[[tests.database]]
query = "SELECT count(*) FROM todos WHERE done = 0"
rows = [[0]]
"#;

fn timed(code: &str) -> (backlab::grader::Report, Duration) {
    let started = Instant::now();
    let report = grade_code(&exercise(MARK_DONE), code);
    (report, started.elapsed())
}

#[test]
fn honest_code_passes() {
    let code = r#"app.post("/done", (req, res) => { db.prepare("UPDATE todos SET done = 1").run(); res.sendStatus(204); });"#;
    assert!(passes(&timed(code).0));
}

#[test]
fn a_temp_view_cannot_hang_or_fool_the_checks() {
    // The view would never end, and would hide the real table from an
    // unqualified name; the checks never see TEMP objects.
    let code = r#"app.post("/done", (req, res) => {
  db.exec("CREATE TEMP VIEW todos AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x AS id, 'x' AS title, 1 AS done FROM n");
  res.sendStatus(204);
});"#;
    let (report, took) = timed(code);
    assert!(took < Duration::from_secs(10), "took {took:?}");
    assert_eq!(report.status, Status::Fail);
    assert_eq!(
        failures(&report),
        [
            "database: SELECT count(*) FROM todos WHERE done = 0: missing row [0]",
            "database: SELECT count(*) FROM todos WHERE done = 0: unexpected row [2]"
        ]
    );
}

#[test]
fn a_trigger_named_like_a_table_is_not_taken_for_a_replaced_table() {
    // Triggers have names of their own; only a view can stand in for a table.
    let code = r#"db.exec("CREATE TRIGGER todos AFTER UPDATE ON todos BEGIN SELECT 1; END");
app.post("/done", (req, res) => { db.prepare("UPDATE todos SET done = 1").run(); res.sendStatus(204); });"#;
    assert!(passes(&timed(code).0));
}

#[test]
fn a_table_swapped_for_a_view_fails_the_test() {
    let code = r#"app.post("/done", (req, res) => {
  db.exec("ALTER TABLE todos RENAME TO kept; CREATE VIEW todos AS SELECT id, title, 1 AS done FROM kept");
  res.sendStatus(204);
});"#;
    let report = timed(code).0;
    let test = only(&report);
    assert_eq!(test.status, Status::Fail);
    assert_eq!(
        test.message.as_deref(),
        Some(
            "the table `todos` of the exercise's database is now a view: your code dropped or renamed the table and put something else under its name, so the checks cannot trust what it shows"
        )
    );
}

#[test]
fn a_check_that_runs_too_long_is_stopped_and_explained() {
    let tests = r#"
[[tests]]
name = "A slow check"
[[tests.steps]]
path = "/"
expect.status = 200
[[tests.database]]
query = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"
rows = [[1]]
"#;
    let started = Instant::now();
    let report = grade_code(
        &exercise(tests),
        r#"app.get("/", (req, res) => res.end());"#,
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(
        failures(&report),
        [
            "database: WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n: the check's query was stopped after 2000 ms: a problem in exercise.toml, unless your code stored far more rows than the exercise needs"
        ]
    );
}

#[test]
fn an_sql_answer_runs_inside_the_sandbox_deadline() {
    let tests = r#"
[[tests]]
name = "All todos"
"#;
    let ex = exercise_in("sql", tests, "SELECT title FROM todos ORDER BY id");
    let slow =
        "SELECT instr(printf('%.*c', 8000000, 'a'), printf('%.*c', 20000, 'a') || 'b') AS at";
    let started = Instant::now();
    let report = grade_code(&ex, slow);
    assert!(started.elapsed() < Duration::from_secs(10));
    let test = only(&report);
    assert_eq!(test.status, Status::Fail);
    assert!(
        test.message
            .as_deref()
            .unwrap()
            .starts_with("A query ran too long and was stopped"),
        "{:?}",
        test.message
    );
    assert!(passes(&grade_code(
        &ex,
        "SELECT title FROM todos ORDER BY id"
    )));
}

#[test]
fn a_tried_sql_statement_reads_the_real_clock_and_a_graded_one_the_fixed_clock() {
    let ex = exercise_in(
        "sql",
        "[[tests]]\nname = \"Now\"\n",
        "SELECT datetime('now')",
    );
    let request = backlab::sandbox::HttpRequest::new("GET", "/");
    let now = "SELECT datetime('now') AS now";
    let tried = backlab::grader::try_code(crate::util::sandbox(), &ex, now, &request).unwrap();
    let shown = &tried.query.expect("an SQL exercise shows its rows").rows[0][0];
    assert_ne!(shown, &serde_json::json!("2026-01-01 09:00:00"));
    let graded = grade_code(&ex, now);
    let rows = &only(&graded).query.as_ref().unwrap().rows;
    assert_eq!(rows[0][0], serde_json::json!("2026-01-01 09:00:00"));
}
