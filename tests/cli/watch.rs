//! `backlab watch`: the starter written when the file is missing, a grade
//! on every save, and the passes recorded where the browser reads them.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use backlab::store::Store;

const RIGHT: &str = "app.get(\"/hello\", (req, res) => {\n  const name = req.query.name || \"world\";\n  res.json({ message: `Hello, ${name}!` });\n});\n";

/// Lines of the child's output as they come.
fn lines(stdout: std::process::ChildStdout) -> mpsc::Receiver<String> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

/// Everything up to and including the first line that contains `marker`.
fn until(lines: &mpsc::Receiver<String>, marker: &str) -> String {
    let mut seen = String::new();
    loop {
        match lines.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => {
                seen.push_str(&line);
                seen.push('\n');
                if line.contains(marker) {
                    return seen;
                }
            }
            Err(_) => panic!("no line with {marker:?} came; the output so far:\n{seen}"),
        }
    }
}

#[test]
fn watch_writes_the_starter_grades_each_save_and_records_the_pass() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut child = Command::new(env!("CARGO_BIN_EXE_backlab"))
        .args(["watch", "hello-route", "--data-dir"])
        .arg(&data)
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let out = lines(child.stdout.take().unwrap());
    let first = until(&out, "Watching hello-route.js");
    let file = dir.path().join("hello-route.js");
    assert!(first.contains("✗"), "{first}");
    assert!(
        first.contains("Submission #1, recorded in your submissions."),
        "{first}"
    );
    assert!(
        first.contains("wrote the starter code to hello-route.js"),
        "{first}"
    );
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("res.send(\"hi\")")
    );

    std::fs::write(&file, RIGHT).unwrap();
    let second = until(&out, "Watching hello-route.js");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(second.contains("✓ All 4 tests passed."), "{second}");
    assert!(
        second.contains("Submission #2, recorded as passed"),
        "{second}"
    );

    let store = Store::open(&data.join("progress.db")).unwrap();
    assert_eq!(
        store.progress().unwrap().exercises_passed,
        vec!["hello-route"]
    );
    assert_eq!(
        store.draft("hello-route").unwrap(),
        None,
        "the browser's draft is left alone"
    );
}

#[test]
fn watch_once_grades_a_named_file_and_exits_with_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mine.js"), RIGHT).unwrap();
    let run = |file: &str| {
        Command::new(env!("CARGO_BIN_EXE_backlab"))
            .args(["watch", "hello-route", file, "--once", "--data-dir"])
            .arg(dir.path().join("data"))
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let passed = run("mine.js");
    assert_eq!(
        passed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&passed.stdout)
    );
    let wrong = run("query.sql");
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr)
            .contains("is a .sql file, but hello-route takes JavaScript"),
        "{}",
        String::from_utf8_lossy(&wrong.stderr)
    );
    assert!(
        !Path::new(&dir.path().join("query.sql")).exists(),
        "nothing is written for a refused file"
    );
}
