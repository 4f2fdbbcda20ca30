//! `backlab run` as the real binary, on the fixture in `tests/fixtures/todos`.

use std::process::Output;

use crate::{fixture, stdout};

fn backlab(args: &[&str]) -> Output {
    crate::backlab_in(&fixture("todos"), args)
}

/// `backlab run app.js` on the fixture's schema and seed, then `args`.
fn run_todos(args: &[&str]) -> Output {
    let mut all = vec![
        "run",
        "app.js",
        "--schema",
        "schema.sql",
        "--seed",
        "seed.sql",
    ];
    all.extend_from_slice(args);
    backlab(&all)
}

#[test]
fn run_prints_response_sql_logs_and_verdict() {
    let output = run_todos(&["GET", "/todos"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.starts_with("HTTP 200 OK"), "{text}");
    assert!(
        text.contains("content-type: application/json; charset=utf-8"),
        "{text}"
    );
    assert!(text.contains("\"title\": \"Write tests\""), "{text}");
    assert!(
        text.contains("SQL 1  SELECT id, title, done FROM todos ORDER BY id\n      → 2 row(s)"),
        "{text}"
    );
    assert!(text.contains("[log] listing 2 todos"), "{text}");
    assert!(
        text.ends_with("✓ Your app answered the request.\n"),
        "{text}"
    );
}

#[test]
fn run_posts_json_and_reports_as_json() {
    let output = run_todos(&[
        "POST",
        "/todos",
        "-d",
        r#"{"title":" Call mum "}"#,
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(report["verdict"]["kind"], "ok");
    assert_eq!(report["response"]["status"], 201);
    assert_eq!(
        report["response"]["body"],
        r#"{"id":3,"title":"Call mum","done":0}"#
    );
    assert_eq!(
        report["trace"]["events"][0]["params"],
        serde_json::json!(["Call mum"])
    );
}

#[test]
fn a_broken_handler_exits_1_with_its_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.js");
    std::fs::write(&file, "app.get(\"/\", (req, res) => {\n  res.json(;\n});\n").unwrap();
    let output = backlab(&["run", file.to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("✗ Syntax error at broken.js line 2"),
        "{text}"
    );
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    let output = backlab(&["run", "app.js", "GET", "/", "-H", "no colon here"]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("the header \"no colon here\" needs a colon"),
        "{err}"
    );
    let missing = backlab(&["run", "nope.js"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read nope.js"));
}

#[test]
fn schema_errors_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.sql"), "CREATE TABLE t (x;").unwrap();
    let schema = dir.path().join("bad.sql");
    let output = backlab(&["run", "app.js", "--schema", schema.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.starts_with("backlab: bad.sql:1: "), "{err}");
}

#[test]
fn a_reader_that_stops_early_ends_run_quietly() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("big.js"),
        "app.get('/', (req, res) => {\n  for (let i = 0; i < 5000; i++) console.log('line ' + i);\n  res.send('x'.repeat(200000));\n});\n",
    )
    .unwrap();
    let data = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-data");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_backlab"))
        .args(["run", "big.js", "--data-dir"])
        .arg(data)
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head -1`: read one line, then close the pipe.
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("HTTP 200 OK"), "{first}");
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}
