//! Hostile programs: each ends with its exact verdict inside its limits, and
//! the next run works.

use backlab::sandbox::{HttpRequest, Verdict};
use serde_json::json;

use crate::util::{get, json, next_run_works, quick, run, run_with};

/// The verdict for going past the default 64 MiB of JavaScript memory.
const OUT_OF_MEMORY: Verdict = Verdict::OutOfMemory {
    limit_bytes: 64 << 20,
};

fn verdict_of(code: &str) -> Verdict {
    verdict_within(code, &quick())
}

/// Memory runs out after a few hundred milliseconds of allocating in a debug
/// build, so these tests get more time than `quick()`: their verdict must
/// not depend on how busy the machine is.
fn out_of_memory_verdict(code: &str) -> Verdict {
    let mut options = quick();
    options.limits.timeout = std::time::Duration::from_secs(10);
    verdict_within(code, &options)
}

fn verdict_within(code: &str, options: &backlab::sandbox::RunOptions) -> Verdict {
    let outcome = run_with(code, get("/"), options);
    assert!(
        outcome.duration.as_secs() < 10,
        "took {:?}",
        outcome.duration
    );
    outcome.verdict
}

#[test]
fn an_endless_loop_at_the_top_level_times_out() {
    assert_eq!(
        verdict_of("while (true) {}"),
        Verdict::Timeout { limit_ms: 300 }
    );
    next_run_works();
}

#[test]
fn an_endless_loop_in_a_handler_times_out() {
    let verdict = verdict_of(r#"app.get("/", (req, res) => { for (;;) {} });"#);
    assert_eq!(verdict, Verdict::Timeout { limit_ms: 300 });
    assert_eq!(
        verdict.message(),
        "Your handler ran longer than 300 ms — is there a loop that never ends?"
    );
    next_run_works();
}

#[test]
fn a_memory_bomb_runs_out_of_memory() {
    let code = r#"app.get("/", (req, res) => { const hoard = []; while (true) hoard.push(new Array(100000).fill(7)); });"#;
    assert_eq!(out_of_memory_verdict(code), OUT_OF_MEMORY);
    next_run_works();
}

#[test]
fn a_string_hoard_runs_out_of_memory() {
    let code = r#"const parts = []; while (true) parts.push("x".repeat(1000000) + parts.length);"#;
    assert_eq!(out_of_memory_verdict(code), OUT_OF_MEMORY);
    next_run_works();
}

#[test]
fn a_doubling_string_stops_at_the_engine_limit() {
    let verdict = verdict_of(r#"let s = "x"; while (true) s += s;"#);
    assert!(
        matches!(&verdict, Verdict::Exception { name, message, .. } if name == "InternalError" && message == "string too long"),
        "{verdict:?}"
    );
    next_run_works();
}

fn assert_stack_overflow(code: &str) {
    let verdict = verdict_of(code);
    assert!(
        matches!(verdict, Verdict::StackOverflow { .. }),
        "{verdict:?}"
    );
    next_run_works();
}

#[test]
fn unbounded_recursion_is_a_stack_overflow() {
    assert_stack_overflow(
        "function down(n) {\n  return down(n + 1) + 1;\n}\napp.get(\"/\", (req, res) => res.json(down(0)));",
    );
}

#[test]
fn recursion_with_large_frames_is_a_stack_overflow() {
    // 150 locals per call: the guest's data stack runs out before the
    // host's wasm stack does.
    let names: Vec<String> = (0..150).map(|i| format!("v{i}")).collect();
    let code = format!(
        "function down(n) {{\n  let {};\n  return down(n + 1) + {};\n}}\napp.get(\"/\", (req, res) => res.json(down(0)));",
        names
            .iter()
            .map(|v| format!("{v} = n"))
            .collect::<Vec<_>>()
            .join(", "),
        names.join(" + ")
    );
    assert_stack_overflow(&code);
}

#[test]
fn ordinary_recursion_a_thousand_calls_deep_still_works() {
    let code = "function depth(n) {\n  return n === 0 ? 0 : depth(n - 1) + 1;\n}\napp.get(\"/\", (req, res) => res.json(depth(1000)));";
    let verdict = verdict_of(code);
    assert_eq!(verdict, Verdict::Ok);
}

#[test]
fn a_100_mb_response_is_refused() {
    let code = r#"app.get("/", (req, res) => res.send("x".repeat(100 * 1024 * 1024)));"#;
    assert_eq!(out_of_memory_verdict(code), OUT_OF_MEMORY);
    next_run_works();
}

#[test]
fn a_response_written_in_chunks_past_the_limit_is_too_large() {
    let code = r#"app.get("/", (req, res) => { const mb = "x".repeat(1024 * 1024); for (let i = 0; i < 100; i++) res.write(mb); res.end(); });"#;
    assert_eq!(
        verdict_of(code),
        Verdict::ResponseTooLarge {
            limit_bytes: 1 << 20
        }
    );
    next_run_works();
}

#[test]
fn a_body_smuggled_past_the_frameworks_own_checks_is_still_too_large() {
    // Learner code can replace what the framework uses to join and measure
    // the body; the limit is held below it, not in JavaScript.
    let code = r#"const big = "x".repeat(2 * 1024 * 1024);
Array.prototype.join = function () { return big; };
app.get("/", (req, res) => { res.write("a"); res.end(); });"#;
    assert_eq!(
        verdict_of(code),
        Verdict::ResponseTooLarge {
            limit_bytes: 1 << 20
        }
    );
    next_run_works();
}

#[test]
fn a_console_flood_keeps_only_the_log_limit() {
    let code = r#"app.get("/", (req, res) => { for (let i = 0; i < 20000; i++) console.log("line " + i + " " + "x".repeat(40)); res.send("done"); });"#;
    // The default 1 s: 20,000 host calls must not race a short test limit.
    let outcome = run(code, get("/"));
    assert_eq!(outcome.verdict, Verdict::Ok);
    let kept: usize = outcome.trace.logs().map(|l| l.message.len()).sum();
    assert!(kept <= 64 << 10, "kept {kept} bytes");
    assert_eq!(
        outcome.trace.logs().count() as u64 + outcome.trace.logs_dropped,
        20000
    );
    next_run_works();
}

fn sql_error(code: &str) -> String {
    match verdict_of(code) {
        Verdict::SqlError { message, .. } => message,
        other => panic!("expected an SQL error, got {other:?}"),
    }
}

#[test]
fn attach_database_is_refused() {
    let message = sql_error(r#"db.exec("ATTACH DATABASE '/tmp/backlab-evil.db' AS evil");"#);
    assert_eq!(
        message,
        "ATTACH is not allowed here: each exercise works on its own single database"
    );
    assert!(!std::path::Path::new("/tmp/backlab-evil.db").exists());
    next_run_works();
}

#[test]
fn load_extension_is_refused() {
    let message = sql_error(
        r#"app.get("/", (req, res) => res.json(db.prepare("SELECT load_extension('/usr/lib/evil.so')").get()));"#,
    );
    assert_eq!(
        message,
        "load_extension() is not allowed here: the sandbox cannot load code into SQLite"
    );
    let shouted = sql_error(
        r#"app.get("/", (req, res) => res.json(db.prepare("SELECT LOAD_EXTENSION('/usr/lib/evil.so')").get()));"#,
    );
    assert_eq!(shouted, message, "in capitals too");
    next_run_works();
}

#[test]
fn writable_schema_is_refused() {
    let message =
        sql_error(r#"db.exec("PRAGMA writable_schema = 1; UPDATE sqlite_master SET sql = 'x'");"#);
    assert!(
        message.starts_with("PRAGMA writable_schema is not allowed here"),
        "{message}"
    );
    next_run_works();
}

#[test]
fn an_endless_recursive_cte_is_stopped() {
    let sql =
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";
    let code = format!(r#"app.get("/", (req, res) => res.json(db.prepare("{sql}").get()));"#);
    assert_eq!(verdict_of(&code), Verdict::QueryTimeout { sql: sql.into() });
    next_run_works();
}

#[test]
fn inserting_until_the_database_is_full_stops_there() {
    let code = r#"app.get("/", (req, res) => { const add = db.prepare("INSERT INTO blobs VALUES (randomblob(1000000))"); while (true) add.run(); });"#;
    match verdict_of(code) {
        Verdict::DatabaseFull { limit_bytes, .. } => assert_eq!(limit_bytes, 10 << 20),
        other => panic!("expected a full database, got {other:?}"),
    }
    next_run_works();
}

#[test]
fn a_query_in_an_endless_loop_hits_the_statement_limit() {
    let code = r#"app.get("/", (req, res) => { while (true) db.prepare("SELECT 1").get(); });"#;
    assert_eq!(verdict_of(code), Verdict::TooManyStatements { limit: 500 });
    next_run_works();
}

#[test]
fn a_huge_result_hits_the_row_limit() {
    let sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n";
    let code = format!(r#"app.get("/", (req, res) => res.json(db.prepare("{sql}").all()));"#);
    assert_eq!(
        verdict_of(&code),
        Verdict::TooManyRows {
            limit: 1000,
            sql: sql.into()
        }
    );
    next_run_works();
}

#[test]
fn node_and_quickjs_escape_hatches_do_not_exist() {
    let code = r#"app.get("/", (req, res) => res.json([typeof fetch, typeof std, typeof os, typeof XMLHttpRequest, typeof WebAssembly, process.env]));"#;
    let outcome = run(code, get("/"));
    // `fetch` exists, but reaches only the services an exercise declares:
    // without any it has no network (tests/sandbox/services.rs).
    assert_eq!(
        json(&outcome),
        json!([
            "function",
            "undefined",
            "undefined",
            "undefined",
            "undefined",
            {}
        ])
    );
    // `require` gives Express's packages and nothing else; `process` has an
    // empty environment and nothing more. Each says what there is instead.
    for (code, what) in [
        (
            r#"const fs = require("fs");"#,
            r#"require("fs") is not available"#,
        ),
        ("process.exit(1);", "process.exit is not available"),
        (r#"Buffer.from("x");"#, "Buffer is not available"),
    ] {
        let reach = run(code, HttpRequest::new("GET", "/"));
        match reach.verdict {
            Verdict::Exception { name, message, .. } => {
                assert_eq!(name, "Error");
                assert!(message.starts_with(what), "{message}");
                assert!(message.contains("sandbox"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
