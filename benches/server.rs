//! Submitting through the HTTP API: a real socket, the real server loop and
//! router, the grader and the store, for a ten-test exercise. Median, p99
//! and their ratio for one submitter alone, then for 50 submitting at once
//! (targets: ≤ 10 ms alone; with 50 back to back, p99 ≤ 1.5 × median, since
//! jobs are served first come, first served; no errors).
//!
//! "50 at once" is measured two ways. Back to back, each submitter sends its
//! next submission the moment the last one returns: 50 always in flight, so
//! two cores must queue them and latency grows with the queue. Paced, each
//! of 50 learners pauses 0.5–1.5 s between submissions (a class pressing
//! Submit about once a second each, far busier than real learners): this is
//! the load a class puts on one machine.
//!
//! Run with `cargo bench --bench server` (or `./dev bench`).

#[path = "support/measure.rs"]
mod support;
#[path = "support/todo_exercise.rs"]
mod todo_exercise;

use std::path::Path;
use std::time::{Duration, Instant};

use backlab::sandbox::Sandbox;
use backlab::server::{AllowedHosts, AppState, app, serve};
use backlab::store::Store;
use support::{ms, quantile};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const ALONE: usize = 200;
const SUBMITTERS: usize = 50;
const EACH: usize = 10;

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let data = tempfile::tempdir().expect("temp dir");
        let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-cache");
        let sandbox = Sandbox::new(Some(&cache)).expect("sandbox");
        let store = Store::open(&data.path().join("progress.db")).expect("store");
        let state = AppState::new(todo_exercise::catalog(), sandbox, store);
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .expect("bind");
        let port = listener.local_addr().expect("address").port();
        tokio::spawn(serve(listener, app(state, AllowedHosts::local(port, None))));

        let body = serde_json::json!({ "code": todo_exercise::SOLUTION }).to_string();
        for _ in 0..20 {
            submit(port, &body).await.expect("warm-up");
        }
        println!(
            "{:<62} {:>10} {:>10} {:>9} {:>6} {:>7}",
            "figure", "median", "p99", "p99/med", "n", "errors"
        );
        let mut alone = Vec::new();
        let mut errors = 0;
        for _ in 0..ALONE {
            match submit(port, &body).await {
                Ok(d) => alone.push(d),
                Err(_) => errors += 1,
            }
        }
        report("submit a 10-test exercise over HTTP, alone", alone, errors);

        let (all, errors) = class(port, &body, None).await;
        report(
            &format!("the same, {SUBMITTERS} submitters back to back"),
            all,
            errors,
        );
        let (all, errors) = class(port, &body, Some(Duration::from_millis(500))).await;
        report(
            &format!("the same, {SUBMITTERS} learners pausing 0.5-1.5 s"),
            all,
            errors,
        );
    });
}

/// `SUBMITTERS` tasks submitting `EACH` times; with `pause`, each waits
/// between `pause` and three times `pause` (spread evenly) between
/// submissions, starting at a spread-out moment too.
async fn class(port: u16, body: &str, pause: Option<Duration>) -> (Vec<Duration>, usize) {
    let tasks: Vec<_> = (0..SUBMITTERS)
        .map(|learner| {
            let body = body.to_string();
            tokio::spawn(async move {
                let mut times = Vec::new();
                let mut errors = 0;
                for round in 0..EACH {
                    if let Some(pause) = pause {
                        let spread = ((learner * 37 + round * 101) % 100) as u32;
                        tokio::time::sleep(pause + pause * 2 * spread / 100).await;
                    }
                    match submit(port, &body).await {
                        Ok(d) => times.push(d),
                        Err(_) => errors += 1,
                    }
                }
                (times, errors)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (times, e) = task.await.expect("task");
        all.extend(times);
        errors += e;
    }
    (all, errors)
}

fn report(name: &str, mut samples: Vec<Duration>, errors: usize) {
    samples.sort();
    let n = samples.len();
    let (median, p99) = (quantile(&samples, 0.5), quantile(&samples, 0.99));
    println!(
        "{name:<62} {:>7.3} ms {:>7.3} ms {:>8.2}x {n:>6} {errors:>7}",
        ms(median),
        ms(p99),
        p99.as_secs_f64() / median.as_secs_f64().max(f64::EPSILON)
    );
}

/// One submission; its latency when it came back 200 with a passing report.
async fn submit(port: u16, body: &str) -> Result<Duration, String> {
    let started = Instant::now();
    let mut stream = TcpStream::connect(("127.0.0.1", port))
        .await
        .map_err(|e| e.to_string())?;
    let request = format!(
        "POST /api/exercises/bench/submit HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .await
        .map_err(|e| e.to_string())?;
    let elapsed = started.elapsed();
    let text = String::from_utf8_lossy(&response);
    if text.starts_with("HTTP/1.1 200") && text.contains(r#""status":"pass""#) {
        Ok(elapsed)
    } else {
        Err(text.lines().next().unwrap_or_default().to_string())
    }
}
