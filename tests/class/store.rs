//! The class store's behaviour, the same scenarios on SQLite and on a real
//! PostgreSQL: accounts, sessions and their limits, each learner's data
//! kept apart, the dashboard, assignments and the gradebook.

use backlab::class::accounts::{JoinError, SignInError};
use backlab::class::{ClassLearner, ClassStore, Reveal, Role};
use backlab::grader::{Report, Status, TestReport};
use backlab::store::LearnerData;
use std::sync::Arc;

use crate::{builtin, postgres};

const PASSWORD: &str = "correct horse battery";

/// A report with `passed` of the named tests passing.
pub fn report(exercise: &str, tests: &[(&str, bool)]) -> Report {
    let passed = tests.iter().filter(|(_, ok)| *ok).count();
    let status = if passed == tests.len() {
        Status::Pass
    } else {
        Status::Fail
    };
    Report {
        version: 1,
        exercise: exercise.into(),
        status,
        message: String::new(),
        passed,
        total: tests.len(),
        not_loaded: None,
        tests: tests
            .iter()
            .map(|(name, ok)| TestReport {
                name: (*name).into(),
                status: if *ok { Status::Pass } else { Status::Fail },
                hidden: false,
                security: false,
                clue: None,
                message: None,
                steps: Vec::new(),
                query: None,
                database: Vec::new(),
                calls: Vec::new(),
            })
            .collect(),
    }
}

/// A joined learner of `store`.
pub fn learner(store: &Arc<ClassStore>, name: &str, email: &str) -> ClassLearner {
    let invite = store.invite(name, email, Role::Learner).unwrap();
    let joined = store
        .join(invite.code.as_deref().unwrap(), PASSWORD, PASSWORD)
        .unwrap();
    ClassLearner {
        store: store.clone(),
        user: joined.session.member.id,
    }
}

fn accounts(store: &Arc<ClassStore>) {
    let invite = store
        .invite("Ada", " Ada@Example.org ", Role::Learner)
        .unwrap();
    assert_eq!(invite.member.email, "ada@example.org");
    let code = invite.code.unwrap();
    assert!(matches!(
        store.join(&code, "short", "short"),
        Err(JoinError::ShortPassword)
    ));
    assert!(matches!(
        store.join(&code, PASSWORD, "other words here"),
        Err(JoinError::Mismatch)
    ));
    let joined = store.join(&code, PASSWORD, PASSWORD).unwrap();
    let joined_id = joined.session.member.id;
    assert!(matches!(
        store.join(&code, PASSWORD, PASSWORD),
        Err(JoinError::UnknownCode)
    ));
    // Someone who joined keeps their account when invited again.
    assert_eq!(
        store
            .invite("Ada", "ada@example.org", Role::Learner)
            .unwrap()
            .code,
        None
    );

    let first = joined.token;
    assert_eq!(store.session(&first).unwrap().unwrap().member.name, "Ada");
    assert!(matches!(
        store.sign_in("ada@example.org", "wrong password!", "10.0.0.1", None),
        Err(SignInError::Wrong)
    ));
    assert!(matches!(
        store.sign_in("nobody@example.org", PASSWORD, "10.0.0.1", None),
        Err(SignInError::Wrong)
    ));
    // Signing in again ends the session the browser had.
    let second = store
        .sign_in("ADA@example.org", PASSWORD, "10.0.0.1", Some(&first))
        .unwrap();
    assert!(store.session(&first).unwrap().is_none());
    assert!(store.session(&second.token).unwrap().is_some());
    store.sign_out(&second.token).unwrap();
    assert!(store.session(&second.token).unwrap().is_none());

    // A reset link for someone who joined: the old password works until
    // it is used, then the new one does and older sessions end.
    let kept = store
        .sign_in("ada@example.org", PASSWORD, "10.0.0.1", None)
        .unwrap();
    let reset = store.reissue(joined_id).unwrap().unwrap().code.unwrap();
    assert!(
        store
            .sign_in("ada@example.org", PASSWORD, "10.0.0.1", None)
            .is_ok()
    );
    store
        .join(&reset, "a brand new passphrase", "a brand new passphrase")
        .unwrap();
    assert!(store.session(&kept.token).unwrap().is_none());
    assert!(matches!(
        store.sign_in("ada@example.org", PASSWORD, "10.0.0.1", None),
        Err(SignInError::Wrong)
    ));
    store
        .sign_in(
            "ada@example.org",
            "a brand new passphrase",
            "10.0.0.1",
            None,
        )
        .unwrap();
    assert!(store.reissue(9999).unwrap().is_none());

    // Five failures lock the account, even for the right password.
    for _ in 0..5 {
        let _ = store.sign_in("ada@example.org", "not the password", "10.0.0.2", None);
    }
    assert!(matches!(
        store.sign_in("ada@example.org", "a brand new passphrase", "10.0.0.3", None),
        Err(SignInError::TooMany { minutes }) if minutes >= 1
    ));
}

fn open_class(store: &Arc<ClassStore>) {
    let first = store.open_class("teacher@example.org").unwrap().unwrap();
    assert_eq!(first.member.role, Role::Instructor);
    let again = store.open_class("teacher@example.org").unwrap().unwrap();
    assert!(
        store
            .invited(first.code.as_deref().unwrap())
            .unwrap()
            .is_none(),
        "a newer link replaces it"
    );
    store
        .join(again.code.as_deref().unwrap(), PASSWORD, PASSWORD)
        .unwrap();
    assert!(store.open_class("teacher@example.org").unwrap().is_none());
    assert_eq!(store.reveal().unwrap(), Reveal::AfterDue);
    store.set_reveal(Reveal::Never).unwrap();
    assert_eq!(store.reveal().unwrap(), Reveal::Never);
}

fn learners_apart(store: &Arc<ClassStore>) {
    let catalog = builtin();
    let exercise = catalog.exercise("hello-route").unwrap();
    let a = learner(store, "A", "a@example.org");
    let b = learner(store, "B", "b@example.org");
    a.save_draft("hello-route", "// a's draft").unwrap();
    let failing = report("hello-route", &[("answers", false)]);
    let recorded = b
        .record_submission(exercise, "// b's code", &failing, true)
        .unwrap();
    assert_eq!(recorded.number, 1);
    assert_eq!(
        a.draft("hello-route").unwrap().unwrap().code,
        "// a's draft"
    );
    assert_eq!(b.draft("hello-route").unwrap().unwrap().code, "// b's code");
    assert!(
        a.submission(recorded.id).unwrap().is_none(),
        "A cannot read B's submission"
    );
    assert!(b.submission(recorded.id).unwrap().is_some());
    assert!(a.submissions("hello-route").unwrap().is_empty());
    assert_eq!(b.failures_of("hello-route", "answers").unwrap(), 1);
    assert_eq!(a.failures_of("hello-route", "answers").unwrap(), 0);
    let passing = report("hello-route", &[("answers", true)]);
    b.record_submission(exercise, "// b fixed", &passing, true)
        .unwrap();
    assert_eq!(b.progress().unwrap().exercises_passed, ["hello-route"]);
    assert!(a.progress().unwrap().exercises_passed.is_empty());
    assert!(b.may_see_solution("hello-route").unwrap());
    assert!(!a.may_see_solution("hello-route").unwrap());
    a.reveal_solution("hello-route").unwrap();
    assert!(a.may_see_solution("hello-route").unwrap());
    assert_eq!(b.history().unwrap().len(), 2);
    assert!(a.history().unwrap().is_empty());
}

fn dashboard(store: &Arc<ClassStore>) {
    let catalog = builtin();
    let exercise = catalog.exercise("hello-route").unwrap();
    let stuck = learner(store, "Stuck <b>", "stuck@example.org");
    let fine = learner(store, "Fine", "fine@example.org");
    for _ in 0..3 {
        let r = report("hello-route", &[("answers", false), ("says hello", false)]);
        stuck
            .record_submission(exercise, "// no", &r, true)
            .unwrap();
    }
    let r = report("hello-route", &[("answers", true), ("says hello", true)]);
    fine.record_submission(exercise, "// yes", &r, true)
        .unwrap();
    let order: Vec<String> = catalog.exercises.iter().map(|e| e.id.0.clone()).collect();
    let overview = store.overview(&order).unwrap();
    assert_eq!(overview.columns, ["hello-route"]);
    assert_eq!(overview.stuck.len(), 1);
    assert_eq!(overview.stuck[0].learner.name, "Stuck <b>");
    assert_eq!(overview.stuck[0].failures, 3);
    let top = &overview.failing[0];
    assert_eq!(
        (top.exercise.as_str(), top.failures, top.learners),
        ("hello-route", 3, 1)
    );
    let row = overview
        .rows
        .iter()
        .find(|r| r.learner.name == "Fine")
        .unwrap();
    assert!(row.cells[0].as_ref().unwrap().passed);
    assert_eq!(
        store.latest_submission().unwrap(),
        overview.latest_submission
    );
}

fn gradebook(store: &Arc<ClassStore>) {
    let catalog = builtin();
    let exercise = catalog.exercise("hello-route").unwrap();
    let now = backlab::class::accounts::now();
    let past = store
        .add_assignment("Week 1", now - 3600, &["hello-route".into()])
        .unwrap();
    store
        .add_assignment("Week 2", now + 3600, &["hello-route".into()])
        .unwrap();
    let late = learner(store, "Late", "late@example.org");
    learner(store, "Absent", "absent@example.org");
    let r = report("hello-route", &[("answers", true)]);
    late.record_submission(exercise, "// late", &r, true)
        .unwrap();
    let current = |slug: &str| catalog.exercise(slug).map(|e| e.content_hash.clone());
    let lines = store.gradebook(&current).unwrap();
    let find = |assignment: &str, who: &str| {
        lines
            .iter()
            .find(|l| l.assignment == assignment && l.learner == who)
            .unwrap_or_else(|| panic!("no line for {who} in {assignment}"))
    };
    assert_eq!(find("Week 1", "Late").status, "passed late");
    assert_eq!(find("Week 2", "Late").status, "passed");
    assert_eq!(find("Week 2", "Absent").status, "not attempted");
    assert_eq!(find("Week 2", "Late").current_version, Some(true));
    let changed = |_: &str| Some("another version".to_string());
    let lines = store.gradebook(&changed).unwrap();
    assert!(lines.iter().any(|l| l.current_version == Some(false)));
    assert!(store.remove_assignment(past).unwrap());
    assert_eq!(store.assignments().unwrap().len(), 1);
}

fn scenarios(open: &dyn Fn(&str) -> Arc<ClassStore>) {
    accounts(&open("accounts"));
    open_class(&open("opening"));
    learners_apart(&open("apart"));
    dashboard(&open("dashboard"));
    gradebook(&open("gradebook"));
}

#[test]
fn the_class_store_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    scenarios(&|name| {
        let path = dir.path().join(format!("{name}.db"));
        Arc::new(ClassStore::open(path.to_str().unwrap()).unwrap())
    });
}

#[test]
fn the_class_store_on_postgres() {
    let Some(server) = postgres::start_or_skip() else {
        return;
    };
    scenarios(&|name| Arc::new(ClassStore::open(&server.database(name)).unwrap()));
}

#[test]
fn two_servers_share_one_postgres_class() {
    let Some(server) = postgres::start_or_skip() else {
        return;
    };
    let url = server.database("shared");
    // Both migrate at once: the schema lock makes that safe.
    let (one, two) = std::thread::scope(|s| {
        let a = s.spawn(|| ClassStore::open(&url).unwrap());
        let b = s.spawn(|| ClassStore::open(&url).unwrap());
        (Arc::new(a.join().unwrap()), Arc::new(b.join().unwrap()))
    });
    assert!(one.is_shared());
    let invite = one.invite("Ada", "ada@example.org", Role::Learner).unwrap();
    let joined = two
        .join(invite.code.as_deref().unwrap(), PASSWORD, PASSWORD)
        .unwrap();
    assert_eq!(
        one.session(&joined.token).unwrap().unwrap().member.name,
        "Ada"
    );
    let on_two = ClassLearner {
        store: two.clone(),
        user: joined.session.member.id,
    };
    on_two
        .save_draft("hello-route", "// typed on server two")
        .unwrap();
    let on_one = ClassLearner {
        store: one.clone(),
        user: joined.session.member.id,
    };
    assert_eq!(
        on_one.draft("hello-route").unwrap().unwrap().code,
        "// typed on server two"
    );
}
