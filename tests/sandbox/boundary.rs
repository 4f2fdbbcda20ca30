//! One boundary: work a program causes outside its JavaScript (SQL it runs,
//! passwords it hashes, headers and traces it makes) stays under the run's
//! deadline and memory limit. Each hostile program ends with its exact
//! verdict, soon after its deadline, and the next run works.

use std::time::Duration;

use backlab::sandbox::trace::Event;
use backlab::sandbox::{Mode, Outcome, RunOptions, Verdict};
use serde_json::json;

use crate::util::{answered, get, json, next_run_works, quick, run, run_with};

/// Runs `code` with the quick limits and checks it ended within its
/// deadline plus a margin for a busy machine.
fn bounded(code: &str) -> Outcome {
    let options = quick();
    let outcome = run_with(code, get("/"), &options);
    let bound = options.limits.timeout + Duration::from_secs(3);
    assert!(outcome.duration < bound, "took {:?}", outcome.duration);
    outcome
}

/// A handler that answers with `expr` as JSON, or with the error it threw.
fn handler(body: &str) -> String {
    format!(
        r#"app.get("/", (req, res) => {{ try {{ res.json({body}); }} catch (e) {{ res.status(500).json({{ name: e.name, message: e.message, code: e.code }}); }} }});"#
    )
}

#[test]
fn a_hash_that_asks_for_100_gib_is_refused_without_touching_the_host() {
    let hash = r#""$argon2id$v=19$m=104857600,t=1,p=1$c2FsdHNhbHRzYWx0$" + "A".repeat(43)"#;
    let outcome = bounded(&handler(&format!(r#"crypto.verifyPassword("pw", {hash})"#)));
    assert_eq!(
        json(&outcome),
        json!({
            "name": "RangeError",
            "message": "crypto.verifyPassword: this hash asks argon2 for 102400 MiB of memory, more than the sandbox's 64 MiB; hashes made by crypto.hashPassword use 19 MiB",
        })
    );
    next_run_works();
}

#[test]
fn a_hash_that_asks_for_endless_passes_stops_at_the_deadline() {
    let hash = r#""$argon2id$v=19$m=8,t=4000000000,p=1$c2FsdHNhbHRzYWx0$" + "A".repeat(43)"#;
    let outcome = bounded(&handler(&format!(r#"crypto.verifyPassword("pw", {hash})"#)));
    assert_eq!(outcome.verdict, Verdict::Timeout { limit_ms: 300 });
    next_run_works();
}

#[test]
fn one_instr_over_megabytes_stops_at_the_deadline() {
    let sql = "SELECT instr(printf('%.*c', 8000000, 'a'), printf('%.*c', 20000, 'a') || 'b') AS at";
    let code = format!(r#"app.get("/", (req, res) => res.json(db.prepare("{sql}").get()));"#);
    // One call of instr() is one step of SQLite's program: only the
    // sandbox's deadline can stop it.
    let outcome = bounded(&code);
    assert_eq!(outcome.verdict, Verdict::QueryTimeout { sql: sql.into() });
    let last = outcome.trace.sql().last().expect("the statement is traced");
    assert_eq!(
        last.error.as_deref(),
        Some("stopped: it ran past the time limit")
    );
    next_run_works();
}

/// The verdict of filling a TEMP table with `rows` blobs of 8 KiB when the
/// database may have `pages` pages.
fn temp_hoard_verdict(rows: u32, pages: u32) -> Verdict {
    let code = format!(
        r#"app.get("/", (req, res) => {{
  db.exec("CREATE TEMP TABLE hoard (b BLOB)");
  db.exec("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {rows}) INSERT INTO hoard SELECT randomblob(8192) FROM n");
  res.end();
}});"#
    );
    let mut options = quick();
    options.limits.timeout = Duration::from_secs(5);
    options.limits.database_pages = pages;
    run_with(&code, get("/"), &options).verdict
}

#[test]
fn temp_tables_count_against_the_database_size() {
    assert_full_at(temp_hoard_verdict(5000, 2560), 2560);
    next_run_works();
}

#[test]
fn a_smaller_database_cap_holds_for_temp_tables_too() {
    // The usual TEMP cap is set once, before the snapshot; a run with
    // other limits sets its own. 500 blobs fit under the usual cap.
    assert_full_at(temp_hoard_verdict(500, 256), 256);
    next_run_works();
}

/// The run ended because the database reached its cap of `pages` pages.
fn assert_full_at(verdict: Verdict, pages: u64) {
    assert!(
        matches!(verdict, Verdict::DatabaseFull { limit_bytes, .. } if limit_bytes == pages * 4096),
        "{verdict:?}"
    );
}

#[test]
fn a_query_of_huge_rows_runs_out_of_guest_memory_not_host_memory() {
    let code = r#"app.get("/", (req, res) => res.json(db.prepare("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 999) SELECT zeroblob(8000000) AS b FROM n").all().length));"#;
    let mut options = quick();
    options.limits.timeout = Duration::from_secs(10);
    let verdict = run_with(code, get("/"), &options).verdict;
    assert_eq!(
        verdict,
        Verdict::OutOfMemory {
            limit_bytes: 64 << 20
        }
    );
    next_run_works();
}

#[test]
fn too_many_headers_are_refused() {
    let code = r#"app.get("/", (req, res) => { for (let i = 0; i < 150000; i++) res.append("X-" + i, "v"); res.end(); });"#;
    let mut options = quick();
    options.limits.timeout = Duration::from_secs(5);
    let outcome = run_with(code, get("/"), &options);
    assert_eq!(
        outcome.verdict,
        Verdict::TooManyHeaders {
            limit: 100,
            // and Express's X-Powered-By
            count: 150_001
        }
    );
    assert_eq!(outcome.response, None);
    next_run_works();
}

#[test]
fn a_huge_header_is_refused() {
    let code = r#"app.get("/", (req, res) => res.set("X-Big", "a".repeat(100000)).end());"#;
    let verdict = run(code, get("/")).verdict;
    assert_eq!(
        verdict,
        Verdict::HeadersTooLarge {
            limit_bytes: 64 << 10,
            // X-Big and its value, and Express's X-Powered-By (4 bytes of
            // framing each).
            bytes: 100_009 + 12 + 7 + 4
        }
    );
    next_run_works();
}

#[test]
fn the_trace_keeps_previews_not_copies() {
    let code = r#"app.get("/", (req, res) => {
  let n = 0;
  for (let i = 0; i < 400; i++) n += db.prepare("SELECT printf('%.*c', 1000000, 'x') AS big").get().big.length;
  res.json(n);
});"#;
    let mut options = quick();
    options.limits.timeout = Duration::from_secs(10);
    let outcome = run_with(code, get("/"), &options);
    assert_eq!(json(&outcome), json!(400_000_000));
    let size = serde_json::to_string(&outcome.trace).unwrap().len();
    assert!(size < 2 << 20, "the trace is {size} bytes");
    let first = outcome.trace.sql().next().unwrap();
    let shown = first.rows[0][0].to_json();
    assert!(
        shown
            .as_str()
            .unwrap()
            .ends_with("… (1000000 bytes in all)"),
        "{shown}"
    );
    next_run_works();
}

#[test]
fn a_trace_past_its_budget_counts_what_it_dropped() {
    let code = r#"app.get("/", (req, res) => { for (let i = 0; i < 450; i++) db.prepare("SELECT ? AS v").get("y".repeat(5000) + i); res.end(); });"#;
    let mut options = quick();
    options.limits.timeout = Duration::from_secs(10);
    let outcome = run_with(code, get("/"), &options);
    assert_eq!(outcome.verdict, Verdict::Ok);
    let kept = outcome
        .trace
        .events
        .iter()
        .filter(|e| matches!(e, Event::Sql(_)))
        .count();
    assert_eq!(kept as u64 + outcome.trace.events_dropped, 450);
}

#[test]
fn sqlite_reads_the_sandbox_clock() {
    let code = r#"app.get("/", (req, res) => res.json({ sql: db.prepare("SELECT datetime('now') AS t").get().t, js: new Date().toISOString() }));"#;
    let options = RunOptions {
        mode: Mode::replayable(1),
        ..RunOptions::default()
    };
    let body = json(&run_with(code, get("/"), &options));
    assert_eq!(body["sql"], json!("2026-01-01 09:00:00"));
    assert!(
        body["js"]
            .as_str()
            .unwrap()
            .starts_with("2026-01-01T09:00:00"),
        "{body}"
    );
}

#[test]
fn foreign_keys_stay_on() {
    let outcome = run(
        &handler(r#"db.exec("PRAGMA foreign_keys = OFF")"#),
        get("/"),
    );
    assert_eq!(
        json(&outcome)["message"],
        json!(
            "PRAGMA foreign_keys stays ON here: switching foreign key checks off would let rows point at nothing"
        )
    );
    let read = run(
        &handler(r#"db.prepare("PRAGMA foreign_keys").get()"#),
        get("/"),
    );
    assert_eq!(json(&read), json!({ "foreign_keys": 1 }));
}

#[test]
fn a_bigint_past_64_bits_is_refused() {
    let outcome = run(
        &handler(r#"db.prepare("SELECT ? AS v").get(2n ** 64n)"#),
        get("/"),
    );
    assert_eq!(
        json(&outcome),
        json!({ "name": "RangeError", "message": "parameter 1 is 18446744073709551616n, which does not fit in SQLite's 64-bit integers" })
    );
}

#[test]
fn changes_count_only_what_the_statement_changed() {
    let code = handler(
        r#"[db.prepare("INSERT INTO todos (title) VALUES ('x')").run().changes, db.prepare("CREATE TABLE t (x)").run().changes, db.prepare("UPDATE todos SET done = 1 WHERE 0").run().changes]"#,
    );
    assert_eq!(json(&run(&code, get("/"))), json!([1, 0, 0]));
}

#[test]
fn a_column_named_proto_is_kept() {
    let code = handler(r#"db.prepare("SELECT 1 AS __proto__, 2 AS b").get()"#);
    assert_eq!(
        json(&run(&code, get("/"))),
        json!({ "__proto__": 1, "b": 2 })
    );
}

#[test]
fn a_lone_surrogate_is_sent_as_a_replacement_character() {
    let code = r#"app.get("/", (req, res) => res.set("X-S", "a\uD800b").send("x\uDC00y"));"#;
    let outcome = run(code, get("/"));
    assert_eq!(answered(&outcome), (200, "x\u{FFFD}y"));
    assert_eq!(outcome.response.unwrap().header("X-S"), Some("a\u{FFFD}b"));
}

#[test]
fn a_replaced_is_integer_cannot_smuggle_a_bad_status() {
    let code =
        r#"Number.isInteger = () => true; app.get("/", (req, res) => res.status(NaN).end());"#;
    // Express 5 throws a TypeError for a status that is not a whole number.
    let outcome = run(code, get("/"));
    assert_eq!(outcome.response.map(|r| r.status), Some(500));
    assert!(
        matches!(&outcome.verdict, Verdict::Exception { name, .. } if name == "TypeError"),
        "{:?}",
        outcome.verdict
    );
}

#[test]
fn a_syntax_error_is_told_apart_from_a_thrown_syntax_error() {
    let parse = run("app.get('/', (req, res) => {", get("/")).verdict;
    assert!(matches!(parse, Verdict::SyntaxError { .. }), "{parse:?}");
    let thrown = run("JSON.parse('{');", get("/")).verdict;
    assert!(
        matches!(thrown, Verdict::Exception { ref name, .. } if name == "SyntaxError"),
        "{thrown:?}"
    );
}
