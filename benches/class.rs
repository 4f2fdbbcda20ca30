//! A class under load: 200 simulated learners sign in, save a draft every
//! 2–4 s and submit every ~30 s (alternating a failing and a passing
//! solution), while an instructor reloads the dashboard every 5 s. Run
//! against one server on SQLite, then against two servers sharing one
//! PostgreSQL, with each learner's requests alternating between the two
//! (as a load balancer would send them). Prints p50/p99 of sign-ins,
//! saves, submissions and dashboard loads, and the errors (0 expected).
//!
//! The two "servers" run in this one process, each with its own state and
//! connection pool, sharing only the database; on a 2-core machine they
//! also share the cores. `BACKLAB_LOAD_SECONDS` sets how long each run
//! lasts (default 60). Run with `cargo bench --bench class` (or `./dev bench`).

#[path = "../tests/class/postgres.rs"]
mod postgres;
#[path = "support/measure.rs"]
mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use backlab::catalog::{Catalog, Files};
use backlab::class::{ClassStore, Role};
use backlab::sandbox::Sandbox;
use backlab::server::{AllowedHosts, AppState, ClassState, Course, app, serve};
use support::{ms, quantile};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const LEARNERS: usize = 200;
const PASSWORD: &str = "a long class passphrase";

fn main() {
    let seconds = std::env::var("BACKLAB_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let catalog = Catalog::load(&Files::builtin()).expect("the course loads");
    let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-cache");
    let sandbox = Sandbox::new(Some(&cache)).expect("sandbox");
    let duration = Duration::from_secs(seconds);

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("class.db");
    let store = Arc::new(ClassStore::open(path.to_str().unwrap()).expect("store"));
    println!("{LEARNERS} learners for {seconds} s; one server, SQLite");
    runtime.block_on(run(&catalog, &sandbox, vec![store], duration));

    match postgres::start_or_skip() {
        Some(server) => {
            let url = server.database("load");
            let stores = (0..2)
                .map(|_| Arc::new(ClassStore::open(&url).expect("store")))
                .collect();
            println!("\n{LEARNERS} learners for {seconds} s; two servers, one PostgreSQL");
            runtime.block_on(run(&catalog, &sandbox, stores, duration));
        }
        None => println!("\nPostgreSQL could not start: its figures are not measured"),
    }
}

/// Serves one app per store, fills the class, and runs the learners.
async fn run(
    catalog: &Catalog,
    sandbox: &Sandbox,
    stores: Vec<Arc<ClassStore>>,
    duration: Duration,
) {
    let mut ports = Vec::new();
    for store in &stores {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("bind");
        let port = listener.local_addr().expect("address").port();
        let public = format!("http://127.0.0.1:{port}");
        let state = ClassState {
            store: store.clone(),
            public_url: public.clone(),
            trust_forwarded: false,
        };
        let course = Arc::new(Course::new(catalog.clone()));
        let state = AppState::class(course, sandbox.clone(), state);
        let allowed = AllowedHosts::public(&public, port).expect("address");
        tokio::spawn(serve(listener, app(state, allowed)));
        ports.push(port);
    }
    let store = stores[0].clone();
    let emails = tokio::task::spawn_blocking(move || enrol(&store))
        .await
        .expect("enrol");
    let exercise = catalog.exercise("hello-route").expect("hello-route");
    let codes = Arc::new([exercise.starter.clone(), exercise.solution.clone()]);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for (i, email) in emails.into_iter().enumerate() {
        let (ports, codes) = (ports.clone(), codes.clone());
        tasks.push(tokio::spawn(async move {
            learner(i, &email, &ports, &codes, started, duration).await
        }));
    }
    let teacher = tokio::spawn(instructor(ports.clone(), started, duration));
    let mut all = Samples::default();
    for task in tasks {
        all.merge(task.await.expect("learner"));
    }
    all.merge(teacher.await.expect("instructor"));
    all.print();
}

/// The instructor and the learners, joined; the learners' emails.
fn enrol(store: &ClassStore) -> Vec<String> {
    let teacher = store
        .invite("Teacher", "teacher@example.org", Role::Instructor)
        .unwrap();
    store
        .join(teacher.code.as_deref().unwrap(), PASSWORD, PASSWORD)
        .unwrap();
    (0..LEARNERS)
        .map(|i| {
            let email = format!("learner{i}@example.org");
            let invite = store
                .invite(&format!("Learner {i}"), &email, Role::Learner)
                .unwrap();
            store
                .join(invite.code.as_deref().unwrap(), PASSWORD, PASSWORD)
                .unwrap();
            email
        })
        .collect()
}

#[derive(Default)]
struct Samples {
    sign_ins: Vec<Duration>,
    saves: Vec<Duration>,
    submits: Vec<Duration>,
    dashboards: Vec<Duration>,
    errors: Vec<String>,
}

impl Samples {
    fn merge(&mut self, other: Samples) {
        self.sign_ins.extend(other.sign_ins);
        self.saves.extend(other.saves);
        self.submits.extend(other.submits);
        self.dashboards.extend(other.dashboards);
        self.errors.extend(other.errors);
    }

    fn print(mut self) {
        println!("{:<40} {:>10} {:>10} {:>7}", "figure", "p50", "p99", "n");
        for (name, samples) in [
            ("sign in (argon2id)", &mut self.sign_ins),
            ("save a draft", &mut self.saves),
            ("submit (grade hello-route, record)", &mut self.submits),
            ("instructor dashboard", &mut self.dashboards),
        ] {
            samples.sort();
            let n = samples.len();
            let at = |q| quantile(samples, q);
            println!(
                "{name:<40} {:>7.2} ms {:>7.2} ms {n:>7}",
                ms(at(0.5)),
                ms(at(0.99))
            );
        }
        println!("errors: {}", self.errors.len());
        for error in self.errors.iter().take(5) {
            println!("  {error}");
        }
    }
}

/// A tiny deterministic random source, so each run makes the same load.
struct Jitter(u64);

impl Jitter {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

async fn learner(
    i: usize,
    email: &str,
    ports: &[u16],
    codes: &[String; 2],
    started: Instant,
    duration: Duration,
) -> Samples {
    let mut samples = Samples::default();
    let mut jitter = Jitter(0x9E37_79B9_7F4A_7C15 ^ ((i as u64 + 1) * 0x1000_0001));
    tokio::time::sleep(Duration::from_millis(jitter.next(5000))).await;
    let port = |n: usize| ports[n % ports.len()];
    let mut browser = Browser::default();
    let Some(csrf) = sign_in(&mut browser, port(i), email, &mut samples).await else {
        return samples;
    };
    let mut next_submit = Instant::now() + Duration::from_millis(20_000 + jitter.next(20_000));
    let mut round = i;
    while started.elapsed() < duration {
        tokio::time::sleep(Duration::from_millis(2000 + jitter.next(2000))).await;
        round += 1;
        let code = &codes[round % 2];
        let body = serde_json::json!({ "code": format!("{code}\n// {round}") }).to_string();
        let save = browser
            .send(
                port(round),
                "PUT",
                "/api/exercises/hello-route/draft",
                "application/json",
                &body,
                Some(&csrf),
            )
            .await;
        record(save, 200, &mut samples.saves, &mut samples.errors);
        if Instant::now() >= next_submit {
            let body = serde_json::json!({ "code": code }).to_string();
            let submit = browser
                .send(
                    port(round + 1),
                    "POST",
                    "/api/exercises/hello-route/submit",
                    "application/json",
                    &body,
                    Some(&csrf),
                )
                .await;
            record(submit, 200, &mut samples.submits, &mut samples.errors);
            next_submit = Instant::now() + Duration::from_millis(25_000 + jitter.next(10_000));
        }
    }
    samples
}

async fn instructor(ports: Vec<u16>, started: Instant, duration: Duration) -> Samples {
    let mut samples = Samples::default();
    let mut browser = Browser::default();
    if sign_in(&mut browser, ports[0], "teacher@example.org", &mut samples)
        .await
        .is_none()
    {
        return samples;
    }
    let mut round = 0;
    while started.elapsed() < duration {
        tokio::time::sleep(Duration::from_secs(5)).await;
        round += 1;
        let page = browser
            .send(
                ports[round % ports.len()],
                "GET",
                "/instructor",
                "",
                "",
                None,
            )
            .await;
        record(page, 200, &mut samples.dashboards, &mut samples.errors);
    }
    samples
}

/// Signs in through the form; the session's CSRF token.
async fn sign_in(
    browser: &mut Browser,
    port: u16,
    email: &str,
    samples: &mut Samples,
) -> Option<String> {
    let form = browser
        .send(port, "GET", "/signin", "", "", None)
        .await
        .ok()?
        .2;
    let token = between(&form, "name=\"csrf\" value=\"", "\"")?;
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("email", email), ("password", PASSWORD), ("csrf", &token)])
        .finish();
    let answer = browser
        .send(
            port,
            "POST",
            "/signin",
            "application/x-www-form-urlencoded",
            &body,
            None,
        )
        .await;
    record(answer, 303, &mut samples.sign_ins, &mut samples.errors)?;
    let home = browser
        .send(port, "GET", "/assignments", "", "", None)
        .await
        .ok()?
        .2;
    between(&home, "name=\"csrf-token\" content=\"", "\"")
}

fn between(text: &str, start: &str, end: &str) -> Option<String> {
    let at = text.find(start)? + start.len();
    Some(text[at..].split(end).next()?.to_string())
}

type Answer = Result<(u16, Duration, String), String>;

/// Keeps the latency of an answer with status `expected`; counts the rest.
fn record(
    answer: Answer,
    expected: u16,
    into: &mut Vec<Duration>,
    errors: &mut Vec<String>,
) -> Option<()> {
    match answer {
        Ok((status, took, _)) if status == expected => {
            into.push(took);
            Some(())
        }
        Ok((status, _, body)) => {
            errors.push(format!(
                "{status}: {}",
                body.chars().take(200).collect::<String>()
            ));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

/// A cookie jar and one request per connection.
#[derive(Default)]
struct Browser {
    cookies: Vec<(String, String)>,
}

impl Browser {
    async fn send(
        &mut self,
        port: u16,
        method: &str,
        path: &str,
        content_type: &str,
        body: &str,
        csrf: Option<&str>,
    ) -> Answer {
        let started = Instant::now();
        let mut stream = TcpStream::connect(("127.0.0.1", port))
            .await
            .map_err(|e| e.to_string())?;
        let cookies: Vec<String> = self
            .cookies
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
            body.len()
        );
        if !content_type.is_empty() {
            head.push_str(&format!("Content-Type: {content_type}\r\n"));
        }
        if !cookies.is_empty() {
            head.push_str(&format!("Cookie: {}\r\n", cookies.join("; ")));
        }
        if let Some(csrf) = csrf {
            head.push_str(&format!("X-CSRF-Token: {csrf}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(body);
        stream
            .write_all(head.as_bytes())
            .await
            .map_err(|e| e.to_string())?;
        let mut response = Vec::new();
        stream
            .read_to_end(&mut response)
            .await
            .map_err(|e| e.to_string())?;
        let took = started.elapsed();
        let text = String::from_utf8_lossy(&response).into_owned();
        let (headers, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = headers
            .get(9..12)
            .and_then(|s| s.parse().ok())
            .ok_or("no status line")?;
        for line in headers.lines() {
            let Some(value) = line
                .strip_prefix("set-cookie: ")
                .or_else(|| line.strip_prefix("Set-Cookie: "))
            else {
                continue;
            };
            let pair = value.split(';').next().unwrap_or("");
            if let Some((name, value)) = pair.split_once('=') {
                self.cookies.retain(|(n, _)| n != name);
                if !value.is_empty() {
                    self.cookies.push((name.into(), value.into()));
                }
            }
        }
        Ok((status, took, rest.to_string()))
    }
}
