//! Differential tests: every program in tests/differential/cases/*.toml runs
//! in real Express 5 + better-sqlite3 (Node, tests/differential/express.mjs)
//! and in Backlab's sandbox, with the same requests on the same database;
//! status, headers, body and the database afterwards must agree, except in
//! cases marked `deliberate`, which must still differ (so a stale mark shows).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use backlab::sandbox::verdict::Phase;
use backlab::sandbox::{HttpRequest, Program, RunOptions, Sandbox, Verdict};
use backlab::scratch::{Caps, Scratch, SqlValue, Template};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize, Serialize, Clone)]
struct Case {
    name: String,
    #[serde(default)]
    schema: String,
    program: String,
    requests: Vec<Request>,
    #[serde(default, skip_serializing)]
    deliberate: Option<String>,
}

#[derive(Deserialize, Serialize, Clone)]
struct Request {
    method: String,
    path: String,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    #[serde(default)]
    body: String,
}

/// Each table's rows, every value as SQLite's `quote()` writes it.
type Dump = BTreeMap<String, Vec<Vec<String>>>;

/// What one side made of a case, in the form express.mjs prints.
#[derive(Deserialize, Debug, PartialEq)]
struct Outcome {
    error: Option<String>,
    responses: Vec<Response>,
    #[serde(default)]
    db: Dump,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Response {
    status: u16,
    headers: BTreeMap<String, Value>,
    body: String,
}

fn here() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/differential")
}

fn cases() -> Vec<Case> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(here().join("cases"))
        .expect("tests/differential/cases")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).expect("a case file");
            let file: File =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            file.case
        })
        .collect()
}

/// Every case run in Express, by name.
fn express(cases: &[Case]) -> BTreeMap<String, Outcome> {
    let dir = here();
    assert!(
        dir.join("node_modules/better-sqlite3").exists()
            && dir.join("node_modules/express").exists(),
        "the differential tests need express and better-sqlite3: `./dev test` installs them \
         (or: cd tests/differential && npm_config_nodedir=/usr npm ci)"
    );
    let bundle = Path::new(env!("CARGO_TARGET_TMPDIR")).join("differential-bundle.json");
    std::fs::write(&bundle, serde_json::to_vec(cases).expect("cases as JSON")).expect("the bundle");
    let output = Command::new("node")
        .arg(dir.join("express.mjs"))
        .arg(&bundle)
        .output()
        .expect("node runs (Node.js 20 is needed for the differential tests)");
    assert!(
        output.status.success(),
        "express.mjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results: Vec<Value> =
        serde_json::from_slice(&output.stdout).expect("express.mjs prints JSON");
    results
        .into_iter()
        .map(|r| {
            let name = r["name"].as_str().expect("a name").to_string();
            (name, serde_json::from_value(r).expect("an outcome"))
        })
        .collect()
}

fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("backlab-cache");
        Sandbox::new(Some(&cache)).expect("the sandbox starts")
    })
}

/// One case in Backlab: the requests in order on one database, then the
/// database as `quote()` shows each value.
fn backlab(case: &Case) -> Outcome {
    let template = match Template::build(&case.schema, "", ("schema.sql", "seed.sql")) {
        Ok(t) => t,
        Err(e) => {
            return Outcome {
                error: Some(format!("schema: {e:?}")),
                responses: Vec::new(),
                db: BTreeMap::new(),
            };
        }
    };
    let program = Program {
        code: &case.program,
        filename: "app.js",
    };
    let mut db = template.fresh();
    let mut responses = Vec::new();
    for request in &case.requests {
        let (outcome, back) = sandbox().run(program, &http(request), db, &RunOptions::default());
        db = back;
        if loading_failed(&outcome.verdict) {
            return Outcome {
                error: Some(outcome.verdict.message()),
                responses: Vec::new(),
                db: BTreeMap::new(),
            };
        }
        responses.push(match outcome.response {
            Some(r) => Response {
                status: r.status,
                headers: headers(&r.headers),
                body: r.body,
            },
            None => Response {
                status: 0,
                headers: BTreeMap::new(),
                body: outcome.verdict.message(),
            },
        });
    }
    Outcome {
        error: None,
        responses,
        db: dump(&db),
    }
}

fn loading_failed(verdict: &Verdict) -> bool {
    matches!(
        verdict,
        Verdict::SyntaxError { .. }
            | Verdict::Exception {
                phase: Phase::Loading,
                ..
            }
    )
}

/// The request as Node's client sends it (and a real server passes it on):
/// with a Host header, and a Content-Length when it has a body.
fn http(request: &Request) -> HttpRequest {
    let mut http = HttpRequest::new(&request.method, &request.path);
    let has = |name: &str| request.headers.keys().any(|k| k.eq_ignore_ascii_case(name));
    if !has("host") {
        http = http.header("Host", "localhost");
    }
    for (name, value) in &request.headers {
        http = http.header(name, value);
    }
    // Node's client, like browsers, sends `Content-Length: 0` on a bodyless
    // POST, PUT or PATCH.
    let sends_length = ["POST", "PUT", "PATCH"].contains(&request.method.to_uppercase().as_str());
    if (sends_length || !request.body.is_empty()) && !has("content-length") {
        http = http.header("Content-Length", &request.body.len().to_string());
    }
    http.body.clone_from(&request.body);
    http
}

/// Headers as Node's client reads them: lowercased, repeats joined with
/// ", " (set-cookie kept as a list), transport headers left out.
fn headers(list: &[(String, String)]) -> BTreeMap<String, Value> {
    const SKIP: [&str; 5] = [
        "date",
        "connection",
        "keep-alive",
        "transfer-encoding",
        "content-length",
    ];
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, value) in list {
        let name = name.to_ascii_lowercase();
        if !SKIP.contains(&name.as_str()) {
            out.entry(name).or_default().push(value.clone());
        }
    }
    out.into_iter()
        .map(|(name, values)| {
            let value = if name == "set-cookie" {
                Value::from(values)
            } else {
                Value::from(values.join(", "))
            };
            (name, value)
        })
        .collect()
}

fn dump(db: &Scratch) -> Dump {
    let snapshot = db.snapshot(Duration::from_secs(5)).expect("a snapshot");
    let caps = Caps {
        rows: 10_000,
        bytes: 1 << 24,
    };
    let mut out = BTreeMap::new();
    for table in snapshot.table_names().expect("table names") {
        let quoted = table.replace('"', "\"\"");
        let columns = snapshot
            .query(
                &format!(
                    "SELECT name FROM pragma_table_info('{}')",
                    table.replace('\'', "''")
                ),
                caps,
            )
            .expect("columns");
        let list: Vec<String> = columns
            .rows
            .iter()
            .map(|r| match &r[0] {
                SqlValue::Text(c) => format!("quote(\"{}\")", c.replace('"', "\"\"")),
                other => panic!("a column name, not {other:?}"),
            })
            .collect();
        let rows = snapshot
            .query(
                &format!(
                    "SELECT {} FROM \"{quoted}\" ORDER BY rowid",
                    list.join(", ")
                ),
                caps,
            )
            .expect("rows");
        let rows = rows
            .rows
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|v| match v {
                        SqlValue::Text(t) => t,
                        other => format!("{other:?}"),
                    })
                    .collect()
            })
            .collect();
        out.insert(table, rows);
    }
    out
}

#[test]
fn backlab_answers_as_express_5_and_better_sqlite3_do() {
    let cases = cases();
    let expected = express(&cases);
    let mut differences = Vec::new();
    let mut stale = Vec::new();
    for case in &cases {
        let theirs = expected
            .get(&case.name)
            .unwrap_or_else(|| panic!("no Express result for {}", case.name));
        let ours = backlab(case);
        let same = normalized(&ours) == normalized(theirs);
        match (&case.deliberate, same) {
            (None, false) => differences.push(describe(case, theirs, &ours)),
            (Some(_), true) => stale.push(case.name.clone()),
            _ => {}
        }
    }
    let agree = cases.len() - differences.len() - stale.len();
    eprintln!("differential: {agree} of {} cases as expected", cases.len());
    assert!(
        differences.is_empty() && stale.is_empty(),
        "{} case(s) differ from Express:\n\n{}\n{} case(s) marked deliberate now agree (remove the mark): {stale:?}",
        differences.len(),
        differences.join("\n"),
        stale.len()
    );
}

/// An error message is compared by its presence only: QuickJS and V8 word
/// theirs differently.
fn normalized(outcome: &Outcome) -> (bool, &Vec<Response>, &Dump) {
    (outcome.error.is_some(), &outcome.responses, &outcome.db)
}

fn describe(case: &Case, theirs: &Outcome, ours: &Outcome) -> String {
    let mut text = format!("── {}\n", case.name);
    if theirs.error.is_some() != ours.error.is_some() {
        text += &format!(
            "   load error: express {:?}, backlab {:?}\n",
            theirs.error, ours.error
        );
    }
    for (i, (t, o)) in theirs.responses.iter().zip(&ours.responses).enumerate() {
        let request = &case.requests[i];
        if t != o {
            text += &format!("   {} {}\n", request.method, request.path);
            if t.status != o.status {
                text += &format!("     status: express {}, backlab {}\n", t.status, o.status);
            }
            if t.headers != o.headers {
                text += &format!(
                    "     headers: express {:?}\n              backlab {:?}\n",
                    t.headers, o.headers
                );
            }
            if t.body != o.body {
                text += &format!(
                    "     body: express {:?}\n           backlab {:?}\n",
                    t.body, o.body
                );
            }
        }
    }
    if theirs.responses.len() != ours.responses.len() {
        text += &format!(
            "   responses: express {}, backlab {}\n",
            theirs.responses.len(),
            ours.responses.len()
        );
    }
    if theirs.db != ours.db {
        text += &format!(
            "   database: express {:?}\n             backlab {:?}\n",
            theirs.db, ours.db
        );
    }
    text
}
