//! The store on a real file: drafts, submissions, progress, reopening, and
//! a file from a newer Backlab refused.

use super::*;
use crate::grader::{REPORT_VERSION, Report, Status, TestReport};

fn report(status: Status) -> Report {
    Report {
        version: REPORT_VERSION,
        exercise: "hello-route".into(),
        status,
        message: "m".into(),
        passed: usize::from(status == Status::Pass) * 4,
        total: 4,
        not_loaded: None,
        tests: Vec::new(),
    }
}

fn test_report(name: &str, status: Status) -> TestReport {
    TestReport {
        name: name.into(),
        status,
        hidden: true,
        security: false,
        clue: None,
        message: None,
        steps: Vec::new(),
        query: None,
        database: Vec::new(),
        calls: Vec::new(),
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
            .unwrap()
            .id;
        store
            .record_submission("hello-route", "good", &report(Status::Pass), true)
            .unwrap();
        store.mark_read("routes").unwrap();
        store.mark_read("routes").unwrap();
        assert_eq!(
            store
                .record_submission("other", "x", &report(Status::Fail), true)
                .unwrap()
                .number,
            1,
            "numbers count per exercise"
        );
        failed
    };
    let store = Store::open(&path).unwrap();
    let list = store.submissions("hello-route").unwrap();
    assert_eq!(
        list.iter()
            .map(|s| (s.number, s.status.as_str()))
            .collect::<Vec<_>>(),
        vec![(2, "pass"), (1, "fail")]
    );
    let failed = store.submission(first).unwrap().unwrap();
    assert_eq!(failed.summary.number, 1);
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
        "the progress file was written by a newer Backlab (schema 99, this one knows 2); update Backlab"
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

#[test]
fn hidden_test_failures_are_counted_per_exercise_and_test() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("progress.db")).unwrap();
    let mut failing = report(Status::Fail);
    failing.tests = vec![test_report("Hidden test 3", Status::Fail)];
    let mut passing = report(Status::Pass);
    passing.tests = vec![test_report("Hidden test 3", Status::Pass)];
    store.record_submission("a", "x", &failing, true).unwrap();
    store.record_submission("a", "y", &passing, true).unwrap();
    store.record_submission("a", "z", &failing, true).unwrap();
    store.record_submission("b", "z", &failing, true).unwrap();
    assert_eq!(store.failures_of("a", "Hidden test 3").unwrap(), 2);
    assert_eq!(store.failures_of("a", "Hidden test 4").unwrap(), 0);
    assert_eq!(store.failures_of("b", "Hidden test 3").unwrap(), 1);
}

#[test]
fn the_solution_may_be_seen_after_a_pass_or_a_reveal() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("progress.db")).unwrap();
    assert!(!store.may_see_solution("a").unwrap());
    store
        .record_submission("a", "x", &report(Status::Pass), true)
        .unwrap();
    assert!(store.may_see_solution("a").unwrap());
    assert!(!store.may_see_solution("b").unwrap());
    store.reveal_solution("b").unwrap();
    store.reveal_solution("b").unwrap();
    assert!(store.may_see_solution("b").unwrap());
}
