//! Sandbox figures, as medians (these machines are shared and noisy):
//! one fresh request (and how much of it an empty handler costs: the
//! prelude's load and set-up), ten requests on one database, loading the cached
//! compiled guest, and a cold start of `backlab run`.
//!
//! Run with `cargo bench --bench sandbox` (or `./dev bench`).

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/measure.rs"]
mod support;

use support::{header, measure, ms};

use backlab::sandbox::{HttpRequest, Program, RunOptions, Sandbox, Verdict};
use backlab::scratch::Template;

const SCHEMA: &str = "CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0, owner TEXT);";
const SEED: &str = "INSERT INTO todos (title, done, owner) VALUES ('Buy milk', 0, 'ada'), ('Write tests', 1, 'ada'), ('Call mum', 0, 'bob');";

/// A realistic 20-line handler file with one query per request.
const HANDLER: &str = r#"
const PAGE = 20;

function page(query) {
  const n = Number.parseInt(query.page ?? "1", 10);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

app.get("/todos", (req, res) => {
  const owner = req.query.owner;
  if (!owner) {
    return res.status(400).json({ error: "owner is required" });
  }
  const offset = (page(req.query) - 1) * PAGE;
  const rows = db
    .prepare("SELECT id, title, done FROM todos WHERE owner = ? ORDER BY id LIMIT ? OFFSET ?")
    .all(owner, PAGE, offset);
  res.set("Cache-Control", "no-store");
  res.json({ page: page(req.query), todos: rows.map((t) => ({ ...t, done: t.done === 1 })) });
});
"#;

fn main() {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-cache");
    let sandbox = Sandbox::new(Some(&cache)).expect("sandbox");
    let template = Template::build(SCHEMA, SEED, ("schema.sql", "seed.sql")).expect("template");
    let program = Program {
        code: HANDLER,
        filename: "app.js",
    };
    let request = HttpRequest::new("GET", "/todos?owner=ada");
    let options = RunOptions::default();
    header();

    let fresh = measure(
        "one fresh request (copy db, instance, context, handler, 1 query)",
        400,
        || {
            let scratch = template.fresh();
            let (outcome, _) = sandbox.run(program, &request, scratch, &options);
            assert_eq!(outcome.verdict, Verdict::Ok);
        },
    );
    let empty = Program {
        code: r#"app.get("/todos", (req, res) => res.end());"#,
        filename: "app.js",
    };
    measure(
        "  of which: the framework (a fresh request, empty handler)",
        400,
        || {
            let (outcome, _) = sandbox.run(empty, &request, template.fresh(), &options);
            assert_eq!(outcome.verdict, Verdict::Ok);
        },
    );
    measure("  of which: a fresh copy of the database", 2000, || {
        template.fresh();
    });
    let ten = measure("ten requests on one database", 60, || {
        let mut scratch = template.fresh();
        for _ in 0..10 {
            let (outcome, back) = sandbox.run(program, &request, scratch, &options);
            assert_eq!(outcome.verdict, Verdict::Ok);
            scratch = back;
        }
    });
    measure(
        "load the cached compiled guest (engine + deserialize + link)",
        40,
        || {
            Sandbox::new(Some(&cache)).expect("sandbox");
        },
    );
    let dir = scratch_files();
    measure(
        "cold start of `backlab run` (whole process, cached guest)",
        20,
        || {
            let status = Command::new(env!("CARGO_BIN_EXE_backlab"))
                .args([
                    "run",
                    "app.js",
                    "--schema",
                    "schema.sql",
                    "--seed",
                    "seed.sql",
                    "GET",
                    "/todos?owner=ada",
                ])
                .arg("--data-dir")
                .arg(cache.parent().unwrap_or(&cache))
                .current_dir(&dir)
                .stdout(std::process::Stdio::null())
                .status()
                .expect("backlab runs");
            assert!(status.success());
        },
    );
    println!(
        "\nper request when ten share a database: {:.3} ms ({:.2}x a fresh request); target for a fresh request: 0.400 ms ({:.2}x)",
        ms(ten) / 10.0,
        ms(ten) / 10.0 / ms(fresh),
        ms(fresh) / 0.4
    );
}

/// Runs `f` a few times to warm up, then `n` times; prints and returns the median.
fn scratch_files() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-run");
    std::fs::create_dir_all(&dir).expect("bench dir");
    std::fs::write(dir.join("app.js"), HANDLER).expect("write");
    std::fs::write(dir.join("schema.sql"), SCHEMA).expect("write");
    std::fs::write(dir.join("seed.sql"), SEED).expect("write");
    dir
}
