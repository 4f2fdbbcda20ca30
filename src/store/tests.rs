//! The store on a real file: drafts, submissions, progress, reopening, and
//! a file from a newer Backlab refused.

use super::*;
use crate::grader::{REPORT_VERSION, Report, Status};

fn report(status: Status) -> Report {
    Report {
        version: REPORT_VERSION,
        exercise: "hello-route".into(),
        status,
        message: "m".into(),
        passed: usize::from(status == Status::Pass) * 4,
        total: 4,
        tests: Vec::new(),
    }
}

#[test]
fn drafts_are_saved_replaced_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("progress.db")).unwrap();
    assert_eq!(store.draft("hello-route").unwrap(), None);
    store.save_draft("hello-route", "one").unwrap();
    store.save_draft("hello-route", "two").unwrap();
    assert_eq!(store.draft("hello-route").unwrap().unwrap().code, "two");
    store.delete_draft("hello-route").unwrap();
    assert_eq!(store.draft("hello-route").unwrap(), None);
}

#[test]
fn submissions_and_progress_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/progress.db");
    let first = {
        let store = Store::open(&path).unwrap();
        let failed = store
            .record_submission("hello-route", "bad", &report(Status::Fail), true)
            .unwrap();
        store
            .record_submission("hello-route", "good", &report(Status::Pass), true)
            .unwrap();
        store.mark_read("routes").unwrap();
        store.mark_read("routes").unwrap();
        failed
    };
    let store = Store::open(&path).unwrap();
    let list = store.submissions("hello-route").unwrap();
    assert_eq!(
        list.iter().map(|s| s.status.as_str()).collect::<Vec<_>>(),
        vec!["pass", "fail"]
    );
    let failed = store.submission(first).unwrap().unwrap();
    assert_eq!(
        (failed.code.as_str(), failed.report["status"].as_str()),
        ("bad", Some("fail"))
    );
    assert_eq!(
        store.progress().unwrap(),
        Progress {
            lessons_read: vec!["routes".into()],
            exercises_passed: vec!["hello-route".into()]
        }
    );
}

#[test]
fn a_file_from_a_newer_backlab_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.db");
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let error = Store::open(&path).err().unwrap();
    assert_eq!(
        error.to_string(),
        "the progress file was written by a newer Backlab (schema 99, this one knows 1); update Backlab"
    );
}

#[test]
fn the_file_is_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.db");
    drop(Store::open(&path).unwrap());
    let mode: String = Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "journal_mode", |row| row.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}
