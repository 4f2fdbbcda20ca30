//! Checking an exercise as `backlab check` does: its reference solution
//! must pass, its starter and known-bad mutants must fail, and every mutant
//! generated from the solution must be caught. The command line prints the
//! result; the server shows it on the exercise's page after an edit under
//! `--content`.

pub mod mutation;

use crate::catalog::{Exercise, Language, Problem};
use crate::grader::{GradeOptions, Report, Status, grade};
use crate::sandbox::Sandbox;

/// Everything checking one exercise found.
#[derive(Debug, Clone, PartialEq)]
pub struct ExerciseCheck {
    /// The one-line summary: tests, starter, mutants, mutation score.
    pub summary: String,
    /// Problems that fail the check, each with file and line.
    pub problems: Vec<Problem>,
    /// With `draft`: the surviving generated mutants, listed but not failing.
    pub notes: Vec<String>,
    pub mutants: Tally,
}

/// Generated mutants: caught, counted (caught and survivors) and declared
/// equivalent.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Tally {
    pub caught: usize,
    pub counted: usize,
    pub equivalent: usize,
}

impl ExerciseCheck {
    pub fn passed(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Runs every check of one exercise. With `draft`, surviving generated
/// mutants are listed in `notes` instead of counted as problems.
pub fn check_exercise(sandbox: &Sandbox, exercise: &Exercise, draft: bool) -> ExerciseCheck {
    let mut found = verify(sandbox, exercise);
    // Against a failing solution every mutant would be "caught".
    let score = if found.solution_passes {
        mutation::score(sandbox, exercise)
    } else {
        mutation::Score::default()
    };
    found.problems.extend(score.problems.iter().cloned());
    let mut notes = Vec::new();
    for survivor in &score.survivors {
        if draft {
            notes.push(format!(
                "a mutant survives ({}:{}): {}",
                mutation::solution_path(exercise),
                survivor.line,
                survivor.change
            ));
        } else {
            found
                .problems
                .push(mutation::survivor_problem(exercise, survivor));
        }
    }
    ExerciseCheck {
        summary: summary(exercise, &found, &score),
        problems: found.problems,
        notes,
        mutants: Tally {
            caught: score.caught,
            counted: score.counted(),
            equivalent: score.equivalent,
        },
    }
}

fn summary(exercise: &Exercise, found: &Verified, score: &mutation::Score) -> String {
    if exercise.language == Language::Tests {
        let caught = if found.solution_passes {
            "all"
        } else {
            "not all"
        };
        // The starter's first line is the correct app; the rest are bugs.
        let by_starter = found.starter_passed.saturating_sub(1);
        return format!(
            "{}: {} broken app(s), {caught} caught by solution.toml; the starter catches {by_starter}",
            exercise.id, found.mutants
        );
    }
    let mutants = match found.mutants {
        0 => String::new(),
        n => format!(", {n} mutant(s) checked"),
    };
    let equivalent = match score.equivalent {
        0 => String::new(),
        n => format!(", {n} declared equivalent"),
    };
    let mutation = if found.solution_passes {
        format!(
            "{} of {} generated mutants caught{equivalent}",
            score.caught,
            score.counted()
        )
    } else {
        "mutation testing waits until the reference solution passes".to_string()
    };
    format!(
        "{}: {} test(s); the starter passes {} of them{mutants}; {mutation}",
        exercise.id, found.tests, found.starter_passed,
    )
}

/// What running one exercise's files showed.
pub struct Verified {
    pub solution_passes: bool,
    pub tests: usize,
    pub starter_passed: usize,
    pub mutants: usize,
    pub problems: Vec<Problem>,
}

pub fn verify(sandbox: &Sandbox, exercise: &Exercise) -> Verified {
    // Each file is graded under its path in the course, so messages and
    // problems name the file the author knows.
    let run = |code: &str, file: &str| {
        let path = format!("{}{file}", exercise.dir);
        let options = GradeOptions {
            reveal_hidden: true,
            file: path.clone(),
            stop_at_first_failure: false,
            conceal_passed_hidden: false,
        };
        (grade(sandbox, exercise, code, &options), path)
    };
    let ext = exercise.language.extension();
    let mut problems = Vec::new();
    let (solution, path) = run(&exercise.solution, &format!("solution.{ext}"));
    let toml = format!("{}exercise.toml", exercise.dir);
    for (test, report) in exercise.tests.iter().zip(&solution.tests) {
        if report.status != Status::Pass {
            let why = report.message.as_deref().unwrap_or("it did not pass");
            problems.push(Problem::new(
                &toml,
                Some(test.line as u32),
                format!(
                    "test {:?}: the reference solution ({path}) fails it: {why}. Either this test expects the wrong thing or the solution is wrong",
                    test.name
                ),
            ));
        }
    }
    if exercise.language == Language::Tests {
        // The reference tests' report has one line for the correct app and
        // one per broken app: each must pass.
        problems.extend(failing_lines(&solution, &path));
    }
    let (starter, path) = run(&exercise.starter, &format!("starter.{ext}"));
    if starter.status == Status::Pass {
        problems.push(Problem::new(
            &path,
            None,
            "the starter passes every test: the tests do not check the task yet",
        ));
    }
    let known_bad = match exercise.language {
        // Its mutants are broken apps, graded through solution.toml above.
        Language::Tests => &[][..],
        _ => &exercise.mutants[..],
    };
    for mutant in known_bad {
        let (report, path) = run(&mutant.code, &mutant.file);
        if let Some(why) = does_not_load(&report) {
            problems.push(Problem::new(
                &path,
                None,
                format!(
                    "this mutant does not load, so it tests nothing ({why}): a mutant is a \
                     working program with one deliberate bug"
                ),
            ));
        } else if report.status == Status::Pass {
            problems.push(Problem::new(
                &path,
                None,
                "this known-bad solution passes every test: add a test that catches it",
            ));
        }
    }
    Verified {
        solution_passes: solution.status == Status::Pass,
        tests: solution.total,
        starter_passed: starter.passed,
        mutants: exercise.mutants.len(),
        problems,
    }
}

/// Why a graded program never ran as a program: a syntax error or an
/// exception while its file loaded (JavaScript), or SQL that SQLite
/// refuses before running it. The grader says so in the report.
pub fn does_not_load(report: &Report) -> Option<String> {
    report.not_loaded.as_ref().map(|view| view.message.clone())
}

/// Each line of a tests exercise's report that the reference tests do not
/// pass, as a problem with solution.toml.
fn failing_lines(report: &Report, path: &str) -> Vec<Problem> {
    if let Some(view) = &report.not_loaded {
        return vec![Problem::new(
            path,
            None,
            format!("the reference tests do not load: {}", view.message),
        )];
    }
    report
        .tests
        .iter()
        .filter(|t| t.status != Status::Pass)
        .map(|t| {
            let why = t.message.as_deref().unwrap_or("it did not pass");
            Problem::new(path, None, format!("{}: {why}", t.name))
        })
        .collect()
}
