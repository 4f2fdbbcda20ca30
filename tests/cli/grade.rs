//! `backlab grade` on the built-in course: ✓/✗ per test with differences,
//! `--json` for the report, exit 0 on pass and 1 otherwise.

use crate::{backlab_in, repository, stderr, stdout};

const HELLO: &str = "exercises/hello-route";

#[test]
fn a_passing_file_exits_zero() {
    let output = backlab_in(
        repository(),
        &["grade", "hello-route", &format!("{HELLO}/solution.js")],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("✓ GET /hello answers with a JSON greeting"),
        "{text}"
    );
    assert!(text.ends_with("✓ All 4 tests passed.\n"), "{text}");
}

#[test]
fn a_failing_file_shows_expected_against_actual() {
    let output = backlab_in(
        repository(),
        &["grade", "hello-route", &format!("{HELLO}/starter.js")],
    );
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("✗ GET /hello answers with a JSON greeting\n    GET /hello → 200\n    ✗ header content-type contains\n"), "{text}");
    assert!(
        text.contains("✗ Hidden test 3\n    A hidden test did not pass"),
        "{text}"
    );
}

#[test]
fn json_gives_the_versioned_report() {
    let output = backlab_in(
        repository(),
        &[
            "grade",
            "hello-route",
            &format!("{HELLO}/starter.js"),
            "--json",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["version"], 1);
    assert_eq!(report["status"], "fail");
    assert_eq!(report["tests"][0]["steps"][0]["response"]["body"], "hi");
}

#[test]
fn an_unknown_exercise_suggests_the_closest_names() {
    let output = backlab_in(repository(), &["grade", "hello-rout", "x.js"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("there is no exercise \"hello-rout\"; did you mean hello-route?"),
        "{}",
        stderr(&output)
    );
    let output = backlab_in(repository(), &["grade", "zzz", "x.js"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("there is no exercise \"zzz\"; the course has "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn grade_in_a_course_folder_grades_against_that_course() {
    let course = tempfile::tempdir().unwrap();
    let exercise = course.path().join("exercises/my-hello");
    std::fs::create_dir_all(&exercise).unwrap();
    let builtin = repository().join(HELLO);
    for file in ["README.md", "solution.js", "starter.js"] {
        std::fs::copy(builtin.join(file), exercise.join(file)).unwrap();
    }
    let toml = std::fs::read_to_string(builtin.join("exercise.toml"))
        .unwrap()
        .replace("lesson = \"routes\"\n", "");
    std::fs::write(exercise.join("exercise.toml"), toml).unwrap();
    let output = backlab_in(
        course.path(),
        &["grade", "my-hello", "exercises/my-hello/solution.js"],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    // The built-in course has no such exercise: without the folder, it is unknown.
    let elsewhere = backlab_in(
        &std::env::temp_dir(),
        &[
            "grade",
            "my-hello",
            &exercise.join("solution.js").display().to_string(),
        ],
    );
    assert_eq!(elsewhere.status.code(), Some(2));
    assert!(stderr(&elsewhere).contains("there is no exercise \"my-hello\""));
}

#[test]
fn a_file_in_the_wrong_language_is_refused_before_grading() {
    let dir = tempfile::tempdir().unwrap();
    let query = dir.path().join("answer.sql");
    std::fs::write(&query, "SELECT 1;").unwrap();
    let output = backlab_in(
        repository(),
        &["grade", "hello-route", &query.display().to_string()],
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim_end(),
        format!(
            "backlab: {} is a .sql file, but hello-route takes JavaScript (a handler file): give it a .js file",
            query.display()
        )
    );
    let script = dir.path().join("app.js");
    std::fs::write(&script, "app.get('/', () => {});").unwrap();
    let output = backlab_in(
        repository(),
        &["grade", "select-basics", &script.display().to_string()],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("but select-basics takes SQL (one query): give it a .sql file"),
        "{}",
        stderr(&output)
    );
}
