//! `backlab new` writes an exercise that passes `backlab check` as it is.

use crate::{backlab_in, stderr, stdout};

#[test]
fn new_exercises_pass_check() {
    let dir = tempfile::tempdir().unwrap();
    let created = backlab_in(dir.path(), &["new", "list-notes", "--track", "databases"]);
    assert_eq!(created.status.code(), Some(0), "{}", stderr(&created));
    let sql = backlab_in(dir.path(), &["new", "newest-notes", "--language", "sql"]);
    assert_eq!(sql.status.code(), Some(0), "{}", stderr(&sql));
    let toml =
        std::fs::read_to_string(dir.path().join("exercises/list-notes/exercise.toml")).unwrap();
    assert!(toml.contains("track = \"databases\""), "{toml}");
    let check = backlab_in(dir.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert!(
        stdout(&check).ends_with("0 lesson(s), 2 exercise(s): no problems\n"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn new_refuses_a_bad_id_or_an_existing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let bad = backlab_in(dir.path(), &["new", "Bad Name"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("is not a good id"),
        "{}",
        stderr(&bad)
    );
    backlab_in(dir.path(), &["new", "twice"]);
    let again = backlab_in(dir.path(), &["new", "twice"]);
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn new_lesson_and_an_exercise_linked_to_it_pass_check_together() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = backlab_in(
        dir.path(),
        &["new", "lesson", "reading-rows", "--track", "databases"],
    );
    assert_eq!(lesson.status.code(), Some(0), "{}", stderr(&lesson));
    let text =
        std::fs::read_to_string(dir.path().join("lessons/databases/01-reading-rows.md")).unwrap();
    assert!(
        text.contains("title = \"Reading rows\"\ntrack = \"databases\"\norder = 1"),
        "{text}"
    );
    let second = backlab_in(
        dir.path(),
        &["new", "lesson", "joins", "--track", "databases"],
    );
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(dir.path().join("lessons/databases/02-joins.md").exists());

    let linked = backlab_in(
        dir.path(),
        &[
            "new",
            "list-notes",
            "--track",
            "databases",
            "--lesson",
            "reading-rows",
            "--title",
            "All the notes",
        ],
    );
    assert_eq!(linked.status.code(), Some(0), "{}", stderr(&linked));
    let toml =
        std::fs::read_to_string(dir.path().join("exercises/list-notes/exercise.toml")).unwrap();
    assert!(toml.contains("title = \"All the notes\""), "{toml}");
    assert!(toml.contains("\nlesson = \"reading-rows\""), "{toml}");
    let text =
        std::fs::read_to_string(dir.path().join("lessons/databases/01-reading-rows.md")).unwrap();
    assert!(text.contains("exercises = [\"list-notes\"]"), "{text}");

    let check = backlab_in(dir.path(), &["check"]);
    let out = stdout(&check);
    assert_eq!(check.status.code(), Some(0), "{out}");
    assert!(!out.contains("no lesson leads"), "{out}");
    assert!(
        out.ends_with("2 lesson(s), 1 exercise(s): no problems\n"),
        "{out}"
    );

    let missing = backlab_in(dir.path(), &["new", "other", "--lesson", "nope"]);
    assert!(
        stderr(&missing).contains("there is no lesson \"nope\""),
        "{}",
        stderr(&missing)
    );
    assert!(!dir.path().join("exercises/other").exists());
}
