//! Sandbox figures, as medians (these machines are shared and noisy):
//! one fresh request (and how much of it an empty handler costs), the same
//! without the pre-initialised snapshot, ten requests on one database,
//! loading the cached compiled guest, and a cold start of `backlab run`.
//!
//! Run with `cargo bench --bench sandbox` (or `./dev bench`).

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/owned_todos.rs"]
mod owned_todos;
#[path = "support/measure.rs"]
mod support;

use owned_todos::{SCHEMA, SEED};
use support::{header, measure, ms};

use backlab::sandbox::{HttpRequest, Program, RunOptions, Sandbox, Verdict};
use backlab::scratch::Template;

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
    // The same two figures on the plain guest, which loads the framework's
    // bytecode on every request: what the snapshot saves, in one run.
    let plain = Sandbox::without_snapshot(Some(&cache)).expect("sandbox");
    let plain_fresh = measure("  without the snapshot: one fresh request", 400, || {
        let (outcome, _) = plain.run(program, &request, template.fresh(), &options);
        assert_eq!(outcome.verdict, Verdict::Ok);
    });
    measure(
        "  without the snapshot: the framework (empty handler)",
        400,
        || {
            let (outcome, _) = plain.run(empty, &request, template.fresh(), &options);
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
    let (start_up, rss) = serve_start_up(cache.parent().unwrap_or(&cache));
    println!(
        "{:<62} {:>7.3} ms (target ≤ 300 ms: {:.2}x)",
        "start-up of `backlab serve` to its first page (cached guest)",
        ms(start_up),
        ms(start_up) / 300.0
    );
    println!(
        "{:<62} {:>7.1} MB (target ≤ 40 MB: {:.2}x)",
        "resident memory of the server, idle after its first page",
        rss,
        rss / 40.0
    );
    println!(
        "\nthe snapshot: a fresh request takes {:.2}x the time it takes without it",
        ms(fresh) / ms(plain_fresh)
    );
    println!(
        "per request when ten share a database: {:.3} ms ({:.2}x a fresh request); target for a fresh request: 0.400 ms ({:.2}x)",
        ms(ten) / 10.0,
        ms(ten) / 10.0 / ms(fresh),
        ms(fresh) / 0.4
    );
}

/// Starts `backlab serve` (cached guest) until its home page answers, five
/// times: the median time to the first page, and the resident memory of
/// the last one once idle, in MB.
fn serve_start_up(data: &Path) -> (std::time::Duration, f64) {
    let mut times = Vec::new();
    let mut rss = 0.0;
    for _ in 0..5 {
        let port = std::net::TcpListener::bind(("127.0.0.1", 0))
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let started = std::time::Instant::now();
        let mut server = Command::new(env!("CARGO_BIN_EXE_backlab"))
            .args(["serve", "--port", &port.to_string(), "--data-dir"])
            .arg(data)
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("backlab serves");
        while !home_page_answers(port) {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        times.push(started.elapsed());
        std::thread::sleep(std::time::Duration::from_millis(300));
        rss = resident_mb(server.id());
        let _ = server.kill();
        let _ = server.wait();
    }
    times.sort();
    (times[times.len() / 2], rss)
}

fn home_page_answers(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let request = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    let mut answer = String::new();
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_to_string(&mut answer).is_ok()
        && answer.starts_with("HTTP/1.1 200")
}

/// VmRSS of a process, from /proc, in MB.
fn resident_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn scratch_files() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-run");
    std::fs::create_dir_all(&dir).expect("bench dir");
    std::fs::write(dir.join("app.js"), HANDLER).expect("write");
    std::fs::write(dir.join("schema.sql"), SCHEMA).expect("write");
    std::fs::write(dir.join("seed.sql"), SEED).expect("write");
    dir
}
