//! Nothing leaks from one run into the next: each request gets a fresh store,
//! instance and JavaScript context.

use serde_json::json;

use crate::util::{get, json, next_run_works, run};

#[test]
fn a_global_set_in_one_run_is_gone_in_the_next() {
    let code = r#"globalThis.visits = (globalThis.visits || 0) + 1; app.get("/", (req, res) => res.json(visits));"#;
    assert_eq!(json(&run(code, get("/"))), json!(1));
    assert_eq!(json(&run(code, get("/"))), json!(1));
}

#[test]
fn monkey_patching_affects_nothing_after() {
    let hostile = r#"
Object.prototype.hacked = "yes";
Array.prototype.map = () => "broken";
JSON.stringify = () => "broken";
app.get = () => { throw new Error("no routes for you"); };
globalThis.db = null;"#;
    let outcome = run(hostile, get("/"));
    assert_eq!(outcome.response.map(|r| r.status), Some(404));
    let check = r#"app.get("/", (req, res) => res.json({ hacked: ({}).hacked === undefined, map: [1].map((x) => x + 1), db: typeof db.prepare }));"#;
    assert_eq!(
        json(&run(check, get("/"))),
        json!({ "hacked": true, "map": [2], "db": "function" })
    );
    next_run_works();
}

#[test]
fn database_changes_stay_in_their_own_copy() {
    run(
        r#"app.get("/", (req, res) => { db.exec("DELETE FROM todos; DROP TABLE users;"); res.end(); });"#,
        get("/"),
    );
    next_run_works();
}

#[test]
fn the_host_bridge_is_hidden_from_learners() {
    let code = r#"app.get("/", (req, res) => res.json([typeof __host, typeof __limits, typeof globalThis.__backlab_dispatch]));"#;
    assert_eq!(
        json(&run(code, get("/"))),
        json!(["undefined", "undefined", "function"])
    );
}

/// Without the snapshot, the compiled prelude is kept beside the compiled
/// guest; a damaged copy is compiled again, never handed to QuickJS.
#[test]
fn a_damaged_prelude_cache_is_compiled_again() {
    let dir = tempfile::tempdir().unwrap();
    let plain = backlab::sandbox::Sandbox::without_snapshot(Some(dir.path())).unwrap();
    assert!(!plain.is_prepared());
    let cached: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "qjsbc"))
        .collect();
    assert_eq!(cached.len(), 1, "{cached:?}");
    let mut bytes = std::fs::read(&cached[0]).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&cached[0], &bytes).unwrap();
    let sandbox = backlab::sandbox::Sandbox::without_snapshot(Some(dir.path())).unwrap();
    let code = backlab::sandbox::Program {
        code: r#"app.get("/", (req, res) => res.json({ ok: true }));"#,
        filename: "app.js",
    };
    let (outcome, _) = sandbox.run(
        code,
        &get("/"),
        crate::util::todos(),
        &backlab::sandbox::RunOptions::default(),
    );
    assert_eq!(json(&outcome), json!({ "ok": true }));
    assert_ne!(
        std::fs::read(&cached[0]).unwrap(),
        bytes,
        "the damaged copy was replaced"
    );
}

/// The sandbox starts pre-initialised (the framework already loaded in the
/// snapshot), keeps the snapshot beside the compiled guest, and a second
/// start reads it back instead of making it again.
#[test]
fn the_sandbox_is_pre_initialised_and_keeps_its_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let first = backlab::sandbox::Sandbox::new(Some(dir.path())).expect("the sandbox starts");
    assert!(first.is_prepared());
    let snapshots = || -> Vec<_> {
        std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("prepared-")
            })
            .collect()
    };
    let made = snapshots();
    assert_eq!(made.len(), 1, "{made:?}");
    let modified = std::fs::metadata(&made[0]).unwrap().modified().unwrap();
    let second = backlab::sandbox::Sandbox::new(Some(dir.path())).expect("the sandbox starts");
    assert!(second.is_prepared());
    assert_eq!(
        std::fs::metadata(&made[0]).unwrap().modified().unwrap(),
        modified
    );
    // Two requests on instances of the snapshot share nothing.
    let code = backlab::sandbox::Program {
        code: r#"globalThis.count = (globalThis.count || 0) + 1;
app.get("/", (req, res) => res.json({ count, r: Math.random(), sql: db.prepare("SELECT hex(randomblob(8)) AS r").get().r }));"#,
        filename: "app.js",
    };
    let run = || {
        let (outcome, _) = second.run(
            code,
            &get("/"),
            crate::util::todos(),
            &backlab::sandbox::RunOptions::default(),
        );
        json(&outcome)
    };
    let (one, two) = (run(), run());
    assert_eq!(one["count"], 1);
    assert_eq!(two["count"], 1);
    assert_ne!(
        one["r"], two["r"],
        "each request draws its own random numbers"
    );
    assert_ne!(
        one["sql"], two["sql"],
        "and SQLite's random source is not frozen in the snapshot"
    );
}

/// A file compiled once runs from its bytecode with the same answers and
/// the same line numbers in errors; a file that does not parse is left to
/// its run, which reports the syntax error as usual.
#[test]
fn a_compiled_file_answers_and_fails_as_its_source_does() {
    let sandbox = crate::util::sandbox();
    let code = "app.get(\"/\", (req, res) => res.json({ ok: true }));\napp.get(\"/boom\", (req, res) => {\n  throw new Error(\"boom\");\n});\n";
    let program = backlab::sandbox::Program {
        code,
        filename: "compiled.js",
    };
    let run = |path: &str| {
        sandbox
            .run(
                program,
                &get(path),
                crate::util::todos(),
                &backlab::sandbox::RunOptions::default(),
            )
            .0
    };
    let before = run("/boom");
    // The run that parsed it kept its bytecode for the next run.
    assert!(sandbox.is_compiled(program));
    sandbox.compile(program);
    assert_eq!(json(&run("/")), json!({ "ok": true }));
    let after = run("/boom");
    assert_eq!(after.verdict, before.verdict);
    assert!(
        after.verdict.message().contains("compiled.js line 3"),
        "{}",
        after.verdict.message()
    );

    let broken = backlab::sandbox::Program {
        code: "app.get(\"/\", (req, res) => {\n",
        filename: "broken.js",
    };
    sandbox.compile(broken);
    let (outcome, _) = sandbox.run(
        broken,
        &get("/"),
        crate::util::todos(),
        &backlab::sandbox::RunOptions::default(),
    );
    assert!(
        matches!(
            outcome.verdict,
            backlab::sandbox::Verdict::SyntaxError { .. }
        ),
        "{:?}",
        outcome.verdict
    );
    assert!(!sandbox.is_compiled(broken));
}
