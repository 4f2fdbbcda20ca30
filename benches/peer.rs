//! Backlab against its peer, in one run on one machine: a warm Express 5 +
//! better-sqlite3 server (node, `peer/server.mjs`) answering the same
//! handler on the same data over a kept-alive loopback connection, beside
//! Backlab's fresh sandbox per request, in-process and through the Run
//! endpoint over the same kind of connection. Target: a fresh request
//! in-process ≤ 1.0x the warm Express request.
//!
//! Needs node and the npm packages of tests/differential (`./dev bench`
//! installs them). Run with `./dev bench` or `cargo bench --bench peer`.

#[path = "support/owned_todos.rs"]
mod owned_todos;
#[path = "support/measure.rs"]
mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};

use backlab::catalog::{Catalog, Files};
use backlab::sandbox::{HttpRequest, Program, RunOptions, Sandbox, Verdict};
use backlab::scratch::Template;
use backlab::server::{AllowedHosts, AppState, app, serve};
use backlab::store::Store;
use owned_todos::{SCHEMA, SEED};
use support::{header, measure, ms};

/// The handler both answer with: a query parameter checked, one query, JSON.
const HANDLER: &str = r#"
app.get("/todos", (req, res) => {
  const owner = req.query.owner;
  if (!owner) return res.status(400).json({ error: "owner is required" });
  const rows = db.prepare("SELECT id, title, done FROM todos WHERE owner = ? ORDER BY id").all(owner);
  res.json({ todos: rows.map((t) => ({ ...t, done: t.done === 1 })) });
});
"#;

fn main() {
    header();
    let express = express_request();
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-cache");
    let sandbox = Sandbox::new(Some(&cache)).expect("sandbox");
    let template = Template::build(SCHEMA, SEED, ("schema.sql", "seed.sql")).expect("template");
    let program = Program {
        code: HANDLER,
        filename: "app.js",
    };
    let request = HttpRequest::new("GET", "/todos?owner=ada");
    let options = RunOptions::default();
    let fresh = measure(
        "Backlab: a fresh sandbox per request, in-process",
        1000,
        || {
            let (outcome, _) = sandbox.run(program, &request, template.fresh(), &options);
            assert_eq!(outcome.verdict, Verdict::Ok);
        },
    );
    let over_http = run_endpoint(sandbox);
    println!(
        "\nBacklab in-process: {:.2}x the warm Express request (target ≤ 1.0x)",
        ms(fresh) / ms(express)
    );
    println!(
        "Backlab's Run endpoint over loopback HTTP: {:.2}x the warm Express request",
        ms(over_http) / ms(express)
    );
}

/// The median of GET /todos?owner=ada on a warm Express server.
fn express_request() -> std::time::Duration {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/peer/server.mjs");
    let args = serde_json::json!([SCHEMA, SEED, HANDLER]).to_string();
    let mut node = Command::new("node")
        .arg(&script)
        .arg(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node starts (is Node installed? ./dev bench installs the packages)");
    let mut line = String::new();
    BufReader::new(node.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the peer prints its port");
    let port: u16 = line.trim().parse().expect("a port");
    let mut connection = Connection::open(port);
    let median = measure(
        "warm Express 5 + better-sqlite3, kept-alive loopback HTTP",
        2000,
        || {
            let body = connection.send("GET", "/todos?owner=ada", "");
            assert!(body.contains("Buy milk"), "{body}");
        },
    );
    drop(node.stdin.take());
    let _ = node.wait();
    median
}

/// The median of the same request through Backlab's Run endpoint: a
/// learner's Run, over a kept-alive loopback connection.
fn run_endpoint(sandbox: Sandbox) -> std::time::Duration {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let data = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&data.path().join("progress.db")).expect("store");
    let state = AppState::new(catalog(), sandbox, store);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(("127.0.0.1", 0)))
        .expect("bind");
    let port = listener.local_addr().expect("address").port();
    runtime.spawn(serve(listener, app(state, AllowedHosts::local(port, None))));
    let body = serde_json::json!({
        "code": HANDLER,
        "request": { "method": "GET", "path": "/todos?owner=ada" }
    })
    .to_string();
    let mut connection = Connection::open(port);
    measure(
        "Backlab: the Run endpoint, kept-alive loopback HTTP",
        1000,
        || {
            let answer = connection.send("POST", "/api/exercises/peer/run", &body);
            assert!(answer.contains("Buy milk"), "{answer}");
        },
    )
}

/// A one-exercise course holding the handler's database.
fn catalog() -> Catalog {
    let toml = "format_version = 1\ntitle = \"Peer\"\ntrack = \"servers\"\ndifficulty = \"beginner\"\nlanguage = \"js\"\nhints = [\"h\"]\n[[tests]]\nname = \"lists\"\n[[tests.steps]]\npath = \"/todos?owner=ada\"\nexpect.status = 200\n";
    let files = Files::from_texts([
        ("exercises/peer/exercise.toml", toml),
        ("exercises/peer/README.md", "# Peer\n"),
        ("exercises/peer/starter.js", "// start\n"),
        ("exercises/peer/solution.js", HANDLER),
        ("exercises/peer/schema.sql", SCHEMA),
        ("exercises/peer/seed.sql", SEED),
    ]);
    Catalog::load(&files).expect("the peer course loads")
}

/// One kept-alive HTTP/1.1 connection.
struct Connection {
    stream: BufReader<TcpStream>,
    port: u16,
}

impl Connection {
    fn open(port: u16) -> Self {
        let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream.set_nodelay(true).expect("nodelay");
        Self {
            stream: BufReader::new(stream),
            port,
        }
    }

    /// Sends one request and reads its whole response; returns the body.
    fn send(&mut self, method: &str, path: &str, body: &str) -> String {
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.port,
            body.len()
        );
        self.stream
            .get_mut()
            .write_all(request.as_bytes())
            .expect("send");
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.stream.read_line(&mut line).expect("a header line");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().expect("a length");
            }
        }
        let mut body = vec![0; length];
        self.stream.read_exact(&mut body).expect("the body");
        String::from_utf8_lossy(&body).into_owned()
    }
}
