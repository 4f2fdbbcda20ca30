//! The real server's life: a client that sends half its headers is cut off,
//! a stop signal ends the process in bounded time (a second one at once),
//! and an unusable progress file stops it before it starts, in one sentence.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use crate::server::http;

/// Starts the server on a free port; returns it, its port and its output lines.
fn start(data: &Path) -> (Child, u16, Receiver<String>) {
    let server = crate::server::start(data, &[]);
    (server.child, server.port, server.lines)
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .unwrap();
    assert!(status.success());
}

/// Waits for the process to end; how long it took.
fn exit_within(child: &mut Child, limit: Duration) -> Duration {
    let start = Instant::now();
    while start.elapsed() < limit {
        if child.try_wait().unwrap().is_some() {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    panic!("still running after {limit:?}");
}

/// A server with a client stalled in the middle of its headers, just sent
/// SIGINT; the stalled connection is returned so it stays open.
fn interrupted_with_a_stalled_client(data: &Path) -> (Child, Receiver<String>, TcpStream) {
    let (server, port, lines) = start(data);
    let stalled = half_request(port);
    std::thread::sleep(Duration::from_millis(200));
    signal(&server, "INT");
    (server, lines, stalled)
}

/// A connection that has sent only part of a request's headers.
fn half_request(port: u16) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: "
    )
    .unwrap();
    stream
}

#[test]
fn a_client_that_sends_half_its_headers_is_cut_off_and_others_are_served() {
    let data = tempfile::tempdir().unwrap();
    let (mut server, port, _lines) = start(data.path());
    let slow: Vec<TcpStream> = (0..40).map(|_| half_request(port)).collect();
    assert_eq!(
        http(port, "GET", "/", "").0,
        200,
        "served while 40 clients stall"
    );
    let started = Instant::now();
    for mut stream in slow {
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        // Whatever the server sends (a 408, or nothing), then the close.
        let mut buffer = [0u8; 256];
        loop {
            match stream.read(&mut buffer) {
                Ok(0) => break,
                Ok(_) => continue,
                Err(e) => {
                    assert!(
                        !matches!(
                            e.kind(),
                            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                        ),
                        "never cut off"
                    );
                    break;
                }
            }
        }
    }
    let waited = started.elapsed();
    assert!(
        waited < Duration::from_secs(25),
        "the stalled connections were closed after {waited:?}"
    );
    let _ = server.kill();
    let _ = server.wait();
}

#[test]
fn a_stop_signal_ends_the_server_in_bounded_time_even_with_a_stalled_client() {
    let data = tempfile::tempdir().unwrap();
    let (mut server, lines, _stalled) = interrupted_with_a_stalled_client(data.path());
    exit_within(&mut server, Duration::from_secs(30));
    let said: Vec<String> = lines.try_iter().collect();
    assert!(said.iter().any(|l| l.starts_with("Stopping:")), "{said:?}");
    assert!(said.iter().any(|l| l == "Backlab stopped."), "{said:?}");
}

#[test]
fn a_request_in_flight_when_the_stop_signal_comes_gets_its_answer() {
    let data = tempfile::tempdir().unwrap();
    let (mut server, port, lines) = start(data.path());
    let body = r#"{"code":"while (true) {}","request":{"method":"GET","path":"/hello"}}"#;
    let answer =
        std::thread::spawn(move || http(port, "POST", "/api/exercises/hello-route/run", body));
    // The endless loop runs until the sandbox's deadline; stop meanwhile.
    std::thread::sleep(Duration::from_millis(150));
    signal(&server, "INT");
    let (status, response) = answer.join().unwrap();
    assert_eq!(status, 200, "{response}");
    assert!(response.contains("\"kind\":\"timeout\""), "{response}");
    exit_within(&mut server, Duration::from_secs(30));
    let said: Vec<String> = lines.try_iter().collect();
    assert!(said.iter().any(|l| l == "Backlab stopped."), "{said:?}");
}

#[test]
fn a_second_signal_stops_the_server_at_once() {
    let data = tempfile::tempdir().unwrap();
    let (mut server, _lines, _stalled) = interrupted_with_a_stalled_client(data.path());
    std::thread::sleep(Duration::from_millis(300));
    signal(&server, "TERM");
    let took = exit_within(&mut server, Duration::from_secs(30));
    // Bounded by the signal, not by the 10 s header deadline.
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

#[test]
fn an_unusable_progress_file_stops_the_server_before_it_starts() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("progress.db");
    std::fs::write(&path, "not a database at all\n".repeat(300)).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_backlab"))
        .args(["--port", "0", "--data-dir"])
        .arg(data.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr.trim_end(),
        format!(
            "backlab: the progress file {} is damaged (file is not a database): move it aside \
             (sqlite3's .recover may rescue its contents) and start Backlab again for a new one, \
             or start Backlab with --data-dir and another folder",
            path.display()
        )
    );
    assert!(
        String::from_utf8(output.stdout).unwrap().is_empty(),
        "nothing served"
    );
}
