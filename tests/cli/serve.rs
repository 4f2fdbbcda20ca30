//! `backlab serve` as a real process: what it acknowledged survives SIGKILL.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Starts the server on a free port; returns it and its port.
fn start(data: &Path) -> (Child, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backlab"))
        .args(["--port", "0", "--data-dir"])
        .arg(data)
        .stdout(Stdio::piped())
        .spawn()
        .expect("backlab starts");
    let mut line = String::new();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    out.read_line(&mut line).unwrap();
    // Keep reading what it prints, so its output never blocks or breaks.
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    (child, port)
}

/// One HTTP/1.1 request; returns the status and the body.
fn http(port: u16, method: &str, path: &str, json: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{json}",
        json.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn a_saved_draft_and_a_submission_survive_sigkill() {
    let data = tempfile::tempdir().unwrap();
    let (mut server, port) = start(data.path());
    let (status, _) = http(
        port,
        "PUT",
        "/api/exercises/select-basics/draft",
        r#"{"code":"SELECT 1"}"#,
    );
    assert_eq!(status, 200);
    let (status, body) = http(
        port,
        "POST",
        "/api/exercises/hello-route/submit",
        r#"{"code":"// my try"}"#,
    );
    assert_eq!(status, 200, "{body}");
    server.kill().unwrap(); // SIGKILL: no shutdown code runs
    server.wait().unwrap();

    let (mut server, port) = start(data.path());
    let (_, draft) = http(port, "GET", "/api/exercises/select-basics/draft", "");
    let (_, submissions) = http(port, "GET", "/api/exercises/hello-route/submissions", "");
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(draft.contains(r#""code":"SELECT 1""#), "{draft}");
    assert!(submissions.contains(r#""status":"fail""#), "{submissions}");
}
