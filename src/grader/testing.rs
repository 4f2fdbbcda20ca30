//! Grading a tests exercise: the learner writes the tests. Good tests pass
//! on the correct app (`app.js`) and fail on every broken one
//! (`mutants/*.js`), so the report has one line for the correct app and
//! one per bug, caught or missed.

use super::report::{Report, Status, TestReport};
use super::{GradeOptions, grade};
use crate::catalog::model::Test;
use crate::catalog::{Exercise, Language, Mutant, Problem, learner_tests};
use crate::sandbox::Sandbox;
use crate::sandbox::verdict::{Location, Verdict, VerdictView};

/// The name of the correct app in messages.
const APP_FILE: &str = "app.js";

pub fn grade_tests(
    sandbox: &Sandbox,
    exercise: &Exercise,
    text: &str,
    options: &GradeOptions,
) -> Report {
    let file = if options.file.is_empty() {
        exercise.learner_file()
    } else {
        &options.file
    };
    let total = 1 + exercise.mutants.len();
    let tests = match learner_tests(exercise, text, file) {
        Ok(tests) => tests,
        Err(problems) => return Report::not_loaded(&exercise.id.0, total, did_not_load(&problems)),
    };
    let apps = AppExercise::new(exercise, tests);
    let correct = apps.run(
        sandbox,
        exercise.app.as_deref().unwrap_or_default(),
        APP_FILE,
        false,
    );
    let passes = correct.status == Status::Pass;
    let mut reports = vec![on_the_correct_app(correct)];
    for bug in &exercise.mutants {
        reports.push(if passes {
            let report = apps.run(sandbox, &bug.code, &bug.file, true);
            on_a_broken_app(bug, &report)
        } else {
            criterion(
                bug_name(bug),
                Status::Fail,
                Some("not tried yet: first your tests must pass on the correct app".into()),
            )
        });
    }
    Report::summarize(&exercise.id.0, reports)
}

/// The exercise with the learner's tests in place of the author's, graded
/// as a JavaScript exercise.
struct AppExercise(Exercise);

impl AppExercise {
    fn new(exercise: &Exercise, tests: Vec<Test>) -> Self {
        let mut app = exercise.clone();
        app.language = Language::Js;
        app.tests = tests;
        Self(app)
    }

    fn run(&self, sandbox: &Sandbox, code: &str, file: &str, stop_early: bool) -> Report {
        let options = GradeOptions {
            reveal_hidden: true,
            file: format!("{}{file}", self.0.dir),
            stop_at_first_failure: stop_early,
            conceal_passed_hidden: false,
        };
        grade(sandbox, &self.0, code, &options)
    }
}

/// The first line of the report: every one of the learner's tests passes
/// on the correct app. When one does not, its steps show why.
fn on_the_correct_app(report: Report) -> TestReport {
    const NAME: &str = "Your tests pass on the correct app";
    if let Some(verdict) = report.not_loaded {
        let message = format!("the correct app did not load: {}", verdict.message);
        return criterion(NAME.into(), Status::Error, Some(message));
    }
    match report.tests.into_iter().find(|t| t.status != Status::Pass) {
        None => criterion(NAME.into(), Status::Pass, None),
        Some(failed) => {
            let why = failed.message.as_deref().unwrap_or("it did not pass");
            let message = format!(
                "your test {:?} fails on the correct app: {why}. A test that fails on a correct app expects something the README does not promise",
                failed.name
            );
            TestReport {
                steps: failed.steps,
                database: failed.database,
                calls: failed.calls,
                ..criterion(NAME.into(), Status::Fail, Some(message))
            }
        }
    }
}

/// One bug: caught when at least one of the learner's tests fails on it.
fn on_a_broken_app(bug: &Mutant, report: &Report) -> TestReport {
    if let Some(verdict) = &report.not_loaded {
        let message = format!(
            "this broken app does not load ({}): the exercise is broken",
            verdict.message
        );
        return criterion(bug_name(bug), Status::Error, Some(message));
    }
    match report.tests.iter().find(|t| t.status != Status::Pass) {
        Some(_) => criterion(bug_name(bug), Status::Pass, None),
        None => criterion(
            bug_name(bug),
            Status::Fail,
            Some("every one of your tests passes on this broken app: add a test whose request shows the difference".into()),
        ),
    }
}

/// "Catches the bug: <the first comment line of the broken app>".
fn bug_name(bug: &Mutant) -> String {
    let described = bug
        .code
        .lines()
        .next()
        .and_then(|line| line.trim().strip_prefix("//"))
        .map(str::trim)
        .filter(|text| !text.is_empty());
    match described {
        Some(text) => format!("Catches the bug: {text}"),
        None => format!("Catches the bug in {}", bug.file),
    }
}

fn criterion(name: String, status: Status, message: Option<String>) -> TestReport {
    TestReport {
        name,
        status,
        hidden: false,
        security: false,
        clue: None,
        message,
        steps: Vec::new(),
        query: None,
        database: Vec::new(),
        calls: Vec::new(),
    }
}

/// The learner's file did not parse: its first problem, at its line, as
/// the editor marks a syntax error.
fn did_not_load(problems: &[Problem]) -> VerdictView {
    let first = &problems[0];
    let more = match problems.len() {
        1 => String::new(),
        n => format!(" ({} more after it)", n - 1),
    };
    let place = first
        .line
        .map_or(String::new(), |line| format!(" at line {line}"));
    let message = format!(
        "Your tests file has a mistake{place}: {}{more}.",
        first.message
    );
    let verdict = Verdict::SyntaxError {
        message: format!("{}{more}", first.message),
        location: first.line.map(|line| Location {
            file: first.file.clone(),
            line,
            column: None,
        }),
    };
    // Not `VerdictView::from`: its advice is about JavaScript's brackets.
    VerdictView { verdict, message }
}
