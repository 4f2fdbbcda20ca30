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
