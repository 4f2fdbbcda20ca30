//! Tests exercises: the learner's tests graded on the correct app and on
//! each broken copy, and what the report says when they are wrong.

use backlab::catalog::{Catalog, Exercise, Files};
use backlab::grader::{Status, try_code};
use backlab::sandbox::HttpRequest;

use crate::util::{SCHEMA, SEED, grade_code, sandbox};

const APP: &str = r#"
app.get("/todos/:id", (req, res) => {
  const todo = db.prepare("SELECT id, title FROM todos WHERE id = ?").get(req.params.id);
  if (!todo) return res.status(404).json({ error: "not found" });
  res.json(todo);
});
"#;

const WRONG_STATUS: &str = r#"// an unknown todo is answered with 200
app.get("/todos/:id", (req, res) => {
  const todo = db.prepare("SELECT id, title FROM todos WHERE id = ?").get(req.params.id);
  res.json(todo ?? null);
});
"#;

const WRONG_TITLE: &str = r#"// every title comes back in capitals
app.get("/todos/:id", (req, res) => {
  const todo = db.prepare("SELECT id, upper(title) AS title FROM todos WHERE id = ?").get(req.params.id);
  if (!todo) return res.status(404).json({ error: "not found" });
  res.json(todo);
});
"#;

const BOTH: &str = r#"
[[tests]]
name = "An unknown todo is a 404"
[[tests.steps]]
path = "/todos/9"
expect.status = 404

[[tests]]
name = "A todo comes back as stored"
[[tests.steps]]
path = "/todos/1"
expect.json = { id = 1, title = "Buy milk" }
"#;

fn tests_exercise(extra: &[(&str, &str)]) -> Result<Exercise, Vec<String>> {
    let mut texts = vec![
        (
            "exercises/fixture/exercise.toml",
            "format_version = 1\ntitle = \"Fixture\"\ntrack = \"apis\"\ndifficulty = \"beginner\"\nlanguage = \"tests\"\nhints = [\"a hint\"]\n",
        ),
        ("exercises/fixture/README.md", "# Fixture\n"),
        ("exercises/fixture/starter.toml", "# your tests\n"),
        ("exercises/fixture/solution.toml", BOTH),
        ("exercises/fixture/app.js", APP),
        ("exercises/fixture/mutants/wrong-status.js", WRONG_STATUS),
        ("exercises/fixture/mutants/wrong-title.js", WRONG_TITLE),
        ("exercises/fixture/schema.sql", SCHEMA),
        ("exercises/fixture/seed.sql", SEED),
    ];
    texts.retain(|(path, _)| !extra.iter().any(|(p, _)| p == path));
    texts.extend_from_slice(extra);
    let (catalog, problems) = Catalog::load_all(&Files::from_texts(texts));
    if !problems.is_empty() {
        return Err(problems.iter().map(ToString::to_string).collect());
    }
    Ok(catalog.exercises.into_iter().next().expect("one exercise"))
}

fn lines(report: &backlab::grader::Report) -> Vec<(String, Status)> {
    report
        .tests
        .iter()
        .map(|t| (t.name.clone(), t.status))
        .collect()
}

#[test]
fn tests_that_pass_on_the_app_and_catch_every_bug_pass() {
    let exercise = tests_exercise(&[]).unwrap();
    let report = grade_code(&exercise, BOTH);
    assert_eq!(report.status, Status::Pass, "{report:#?}");
    assert_eq!(
        lines(&report),
        vec![
            (
                "Your tests pass on the correct app".to_string(),
                Status::Pass
            ),
            (
                "Catches the bug: an unknown todo is answered with 200".into(),
                Status::Pass
            ),
            (
                "Catches the bug: every title comes back in capitals".into(),
                Status::Pass
            ),
        ]
    );
}

#[test]
fn a_bug_no_test_notices_is_a_failed_line() {
    let exercise = tests_exercise(&[]).unwrap();
    let only_status =
        "[[tests]]\nname = \"404\"\n[[tests.steps]]\npath = \"/todos/9\"\nexpect.status = 404\n";
    let report = grade_code(&exercise, only_status);
    assert_eq!(report.status, Status::Fail);
    assert_eq!(report.passed, 2);
    let missed = &report.tests[2];
    assert_eq!(missed.status, Status::Fail);
    assert!(
        missed
            .message
            .as_deref()
            .unwrap()
            .contains("every one of your tests passes on this broken app"),
        "{missed:#?}"
    );
}

#[test]
fn a_test_that_fails_on_the_correct_app_shows_its_steps_and_no_bug_counts() {
    let exercise = tests_exercise(&[]).unwrap();
    let wrong = "[[tests]]\nname = \"Too strict\"\n[[tests.steps]]\npath = \"/todos/1\"\nexpect.json = { id = 1, title = \"Buy milk!\" }\n";
    let report = grade_code(&exercise, wrong);
    let first = &report.tests[0];
    assert_eq!(first.status, Status::Fail);
    assert!(
        first
            .message
            .as_deref()
            .unwrap()
            .contains("\"Too strict\" fails on the correct app")
    );
    assert_eq!(
        first.steps.len(),
        1,
        "the failing test's request and answer are shown"
    );
    assert!(
        report.tests[1..].iter().all(|t| t.status == Status::Fail
            && t.message.as_deref().unwrap().starts_with("not tried yet"))
    );
}

#[test]
fn a_file_that_does_not_parse_is_named_by_its_line() {
    let exercise = tests_exercise(&[]).unwrap();
    let report = grade_code(
        &exercise,
        "[[tests]]\nname = \"x\"\n[[tests.steps]]\npath = \"/\"\nexpect.status = \"ok\"\n",
    );
    assert_eq!(report.status, Status::Error);
    let view = report.not_loaded.expect("the file did not load");
    assert!(
        view.message
            .starts_with("Your tests file has a mistake at line 5: invalid type"),
        "{}",
        view.message
    );
    let empty = grade_code(&exercise, "# nothing yet\n");
    assert!(
        empty
            .not_loaded
            .unwrap()
            .message
            .contains("there is no test yet")
    );
}

#[test]
fn a_tests_exercise_has_no_tests_of_its_own_and_needs_its_app() {
    let with_tests = tests_exercise(&[(
        "exercises/fixture/exercise.toml",
        "format_version = 1\ntitle = \"F\"\ntrack = \"apis\"\ndifficulty = \"beginner\"\nlanguage = \"tests\"\nhints = [\"h\"]\n[[tests]]\nname = \"t\"\n[[tests.steps]]\npath = \"/\"\n",
    )])
    .err()
    .unwrap();
    assert!(
        with_tests
            .iter()
            .any(|p| p.contains("exercise.toml:7") && p.contains("has no [[tests]] of its own")),
        "{with_tests:?}"
    );
    let files = Files::from_texts([
        (
            "exercises/fixture/exercise.toml",
            "format_version = 1\ntitle = \"F\"\ntrack = \"apis\"\ndifficulty = \"beginner\"\nlanguage = \"tests\"\nhints = [\"h\"]\n",
        ),
        ("exercises/fixture/README.md", "# F\n"),
        ("exercises/fixture/starter.toml", "# t\n"),
        ("exercises/fixture/solution.toml", BOTH),
    ]);
    let (_, problems) = Catalog::load_all(&files);
    let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems.iter().any(|p| p.contains("app.js is missing")),
        "{problems:?}"
    );
}

#[test]
fn run_in_a_tests_exercise_asks_the_correct_app() {
    let exercise = tests_exercise(&[]).unwrap();
    let tryout = try_code(
        sandbox(),
        &exercise,
        "# the learner's tests\n",
        &HttpRequest::new("GET", "/todos/1"),
    )
    .unwrap();
    let response = tryout.response.expect("the app answered");
    assert_eq!(response.status, 200);
    assert_eq!(response.body, r#"{"id":1,"title":"Buy milk"}"#);
}
