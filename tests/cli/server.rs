//! The real server as a process, for the tests that need one: started on a
//! free port, its output lines kept, spoken to over a plain socket.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

pub struct Server {
    pub child: Child,
    pub port: u16,
    /// What it printed after its first line, one line at a time.
    pub lines: Receiver<String>,
}

/// Starts `backlab --port 0 --data-dir DATA EXTRA…` and waits for its address.
pub fn start(data: &Path, extra: &[&std::ffi::OsStr]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backlab"))
        .args(["--port", "0", "--data-dir"])
        .arg(data)
        .args(extra)
        .stdout(Stdio::piped())
        .spawn()
        .expect("backlab starts");
    let (send, lines) = channel();
    let out = BufReader::new(child.stdout.take().unwrap());
    // Keep reading what it prints, so its output never blocks or breaks.
    std::thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            let _ = send.send(line);
        }
    });
    let first = lines.recv_timeout(Duration::from_secs(60)).unwrap();
    let port = first
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {first:?}"));
    Server { child, port, lines }
}

/// One HTTP/1.1 request with a JSON body; returns the status and the body.
pub fn http(port: u16, method: &str, path: &str, json: &str) -> (u16, String) {
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
