//! One sandbox for the test binary, and exercises built from TOML in memory.

use std::sync::OnceLock;

use backlab::catalog::{Catalog, Exercise, Files};
use backlab::grader::{GradeOptions, Report, Status, TestReport, grade};
use backlab::sandbox::Sandbox;

pub fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("backlab-cache");
        Sandbox::new(Some(&cache)).expect("the sandbox starts")
    })
}

pub const SCHEMA: &str = "CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0);";
pub const SEED: &str = "INSERT INTO todos (title) VALUES ('Buy milk'), ('Write tests');";

/// A JavaScript exercise named `fixture` with these `[[tests]]`.
pub fn exercise(tests: &str) -> Exercise {
    exercise_in("js", tests, "")
}

/// An exercise of `language` with these tests and this reference solution.
pub fn exercise_in(language: &str, tests: &str, solution: &str) -> Exercise {
    let catalog = Catalog::load(&files(language, tests, solution))
        .unwrap_or_else(|p| panic!("the fixture loads: {p:?}"));
    catalog.exercises.into_iter().next().expect("one exercise")
}

/// What loading a JavaScript exercise with these `[[tests]]` reports, each
/// as `file:line: message`. Its `[[tests]]` start on line 7 of exercise.toml.
pub fn problems(tests: &str) -> Vec<String> {
    let (_, problems) = Catalog::load_all(&files("js", tests, ""));
    problems.iter().map(ToString::to_string).collect()
}

fn files(language: &str, tests: &str, solution: &str) -> Files {
    let header = format!(
        "format_version = 1\ntitle = \"Fixture\"\ntrack = \"servers\"\ndifficulty = \"beginner\"\nlanguage = \"{language}\"\nhints = [\"a hint\"]\n{tests}"
    );
    let ext = if language == "sql" { "sql" } else { "js" };
    let solution = if solution.is_empty() {
        "// the tests here grade other code\n"
    } else {
        solution
    };
    let starter = format!("starter.{ext}");
    let solution_name = format!("solution.{ext}");
    let starter_path = format!("exercises/fixture/{starter}");
    let solution_path = format!("exercises/fixture/{solution_name}");
    Files::from_texts([
        ("exercises/fixture/exercise.toml", header.as_str()),
        ("exercises/fixture/README.md", "# Fixture\n"),
        (starter_path.as_str(), "// starter\n"),
        (solution_path.as_str(), solution),
        ("exercises/fixture/schema.sql", SCHEMA),
        ("exercises/fixture/seed.sql", SEED),
    ])
}

pub fn grade_code(exercise: &Exercise, code: &str) -> Report {
    let options = GradeOptions {
        reveal_hidden: true,
        ..GradeOptions::default()
    };
    grade(sandbox(), exercise, code, &options)
}

/// The only test of a report, which must exist.
pub fn only(report: &Report) -> &TestReport {
    assert_eq!(report.tests.len(), 1, "{report:#?}");
    &report.tests[0]
}

/// The diff lines of every failed check of the only test.
pub fn failures(report: &Report) -> Vec<String> {
    let test = only(report);
    let mut lines = Vec::new();
    let checks = test
        .steps
        .iter()
        .flat_map(|s| &s.checks)
        .chain(&test.database)
        .chain(test.query.iter().flat_map(|q| &q.checks));
    for check in checks.filter(|c| !c.passed) {
        for line in &check.diff {
            lines.push(format!("{}: {line}", check.check));
        }
    }
    lines
}

pub fn passes(report: &Report) -> bool {
    report.status == Status::Pass
}
