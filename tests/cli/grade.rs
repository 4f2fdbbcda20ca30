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
