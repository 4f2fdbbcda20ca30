//! `backlab serve` as a real process: what it acknowledged survives SIGKILL,
//! and a `--content` folder is followed as it is edited.

use std::path::Path;
use std::process::Child;

use crate::server::http;

/// Starts the server on a free port; returns it and its port.
fn start(data: &Path) -> (Child, u16) {
    start_with(data, &[])
}

fn start_with(data: &Path, extra: &[&std::ffi::OsStr]) -> (Child, u16) {
    let server = crate::server::start(data, extra);
    (server.child, server.port)
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

const LESSON: &str = "+++\ntitle = \"First steps\"\ntrack = \"servers\"\norder = 1\nsummary = \"One idea.\"\n+++\nHello.\n";

/// Asks for `path` until `done` holds for its body, for at most 20 seconds
/// (the folder is looked at twice a second).
fn poll(port: u16, path: &str, done: impl Fn(&str) -> bool) -> String {
    let mut body = String::new();
    for _ in 0..200 {
        body = http(port, "GET", path, "").1;
        if done(&body) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    body
}

#[test]
fn a_content_folder_is_followed_as_it_is_edited() {
    let data = tempfile::tempdir().unwrap();
    let content = tempfile::tempdir().unwrap();
    let lessons = content.path().join("lessons/servers");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::write(lessons.join("01-first.md"), LESSON).unwrap();
    let (mut server, port) = start_with(
        data.path(),
        &["--content".as_ref(), content.path().as_os_str()],
    );
    assert!(http(port, "GET", "/", "").1.contains("First steps"));

    std::fs::write(
        lessons.join("01-first.md"),
        LESSON.replace("First steps", "Second look"),
    )
    .unwrap();
    let page = poll(port, "/", |b| b.contains("Second look"));
    assert!(
        page.contains("Second look"),
        "the edit never showed: {page}"
    );

    std::fs::write(lessons.join("02-broken.md"), "no front matter").unwrap();
    let page = poll(port, "/", |b| b.contains("The course folder has problems"));
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(page.contains("02-broken.md"), "{page}");
    assert!(
        page.contains("Second look"),
        "the last good course is still served"
    );
}

/// An exercise edited under `--content` is checked again, as `backlab
/// check` would, and the result shows on its page: here an edit that makes
/// the reference solution fail one of the tests.
#[test]
fn an_edited_exercise_is_checked_again_and_its_page_says_how_it_went() {
    let data = tempfile::tempdir().unwrap();
    let content = tempfile::tempdir().unwrap();
    let made = crate::backlab_in(content.path(), &["new", "list-notes"]);
    assert_eq!(made.status.code(), Some(0), "{}", crate::stderr(&made));
    let (mut server, port) = start_with(
        data.path(),
        &["--content".as_ref(), content.path().as_os_str()],
    );
    let page = http(port, "GET", "/exercises/list-notes", "").1;
    assert!(!page.contains("author-check"), "nothing edited yet: {page}");

    let toml_path = content.path().join("exercises/list-notes/exercise.toml");
    let toml = std::fs::read_to_string(&toml_path).unwrap();
    std::fs::write(
        &toml_path,
        toml.replace("expect.status = 200", "expect.status = 201"),
    )
    .unwrap();
    let page = poll(port, "/exercises/list-notes", |b| {
        b.contains("Your edit has problems")
    });
    assert!(
        page.contains("the reference solution (exercises/list-notes/solution.js) fails it: status: expected 201, got 200"),
        "{page}"
    );

    std::fs::write(&toml_path, toml).unwrap();
    let page = poll(port, "/exercises/list-notes", |b| {
        b.contains("Your edit checks clean")
    });
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(page.contains("list-notes: 2 test(s)"), "{page}");
}
