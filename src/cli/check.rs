//! `backlab check [DIR]`: everything an author can get wrong in a course,
//! reported at once with file and line, then every exercise run for real:
//! the reference solution must pass, the starter and every mutant must fail,
//! and every generated mutant of the solution must be caught by a test.

mod mutation;

use std::path::Path;

use anyhow::{Context as _, bail};

use super::CheckArgs;
use crate::catalog::{Catalog, Exercise, Files, Problem};
use crate::grader::{GradeOptions, Report, Status, grade};
use crate::sandbox::verdict::Phase;
use crate::sandbox::{Sandbox, Verdict};

pub fn check(args: &CheckArgs, data_dir: &Path) -> anyhow::Result<u8> {
    let dir = &args.dir;
    let files = Files::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    if files.paths().next().is_none() && files.unreadable.is_empty() {
        bail!(
            "{} has no lessons/ or exercises/ folder; is it a course? (`backlab new <slug>` starts one)",
            dir.display()
        );
    }
    let (catalog, mut problems) = Catalog::load_all(&files);
    for problem in &problems {
        outln!("✗ {problem}");
    }
    for exercise in unreachable(&catalog) {
        outln!(
            "! {}exercise.toml: no lesson leads to this exercise, so learners reach it only by its address; set lesson = \"…\" here and list {:?} in that lesson's exercises",
            exercise.dir,
            exercise.id.0
        );
    }
    let sandbox = super::sandbox(data_dir)?;
    let mut totals = (0, 0, 0);
    for exercise in &catalog.exercises {
        let mut found = verify(&sandbox, exercise);
        // Against a failing solution every mutant would be "caught".
        let score = if found.solution_passes {
            mutation::score(&sandbox, exercise)
        } else {
            mutation::Score::default()
        };
        totals = (
            totals.0 + score.caught,
            totals.1 + score.counted(),
            totals.2 + score.equivalent,
        );
        found.problems.extend(score.problems.iter().cloned());
        if !args.draft {
            let survivors = score.survivors.iter();
            found
                .problems
                .extend(survivors.map(|m| mutation::survivor_problem(exercise, m)));
        }
        print_exercise(exercise, &found, &score, args.draft);
        problems.extend(found.problems);
    }
    outln!(
        "\nmutation testing: {} of {} generated mutants caught ({} declared equivalent)",
        totals.0,
        totals.1,
        totals.2
    );
    outln!(
        "{} lesson(s), {} exercise(s): {}",
        catalog.lessons.len(),
        catalog.exercises.len(),
        match problems.len() {
            0 => "no problems".to_string(),
            1 => "1 problem".to_string(),
            n => format!("{n} problems"),
        }
    );
    Ok(if problems.is_empty() { 0 } else { 1 })
}

/// Exercises that no lesson lists: a warning, since a course being written
/// (and `backlab new`) starts that way.
fn unreachable(catalog: &Catalog) -> impl Iterator<Item = &Exercise> {
    catalog
        .exercises
        .iter()
        .filter(|e| !catalog.lessons.iter().any(|l| l.exercises.contains(&e.id)))
}

/// What running one exercise's files showed.
struct Verified {
    solution_passes: bool,
    tests: usize,
    starter_passed: usize,
    mutants: usize,
    problems: Vec<Problem>,
}

fn verify(sandbox: &Sandbox, exercise: &Exercise) -> Verified {
    // Each file is graded under its path in the course, so messages and
    // problems name the file the author knows.
    let run = |code: &str, file: &str| {
        let path = format!("{}{file}", exercise.dir);
        let options = GradeOptions {
            reveal_hidden: true,
            file: path.clone(),
            stop_at_first_failure: false,
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
    let (starter, path) = run(&exercise.starter, &format!("starter.{ext}"));
    if starter.status == Status::Pass {
        problems.push(Problem::new(
            &path,
            None,
            "the starter passes every test: the tests do not check the task yet",
        ));
    }
    for mutant in &exercise.mutants {
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
/// exception while its file loaded (JavaScript), or SQL that does not parse.
pub(super) fn does_not_load(report: &Report) -> Option<String> {
    report.tests.iter().find_map(|test| {
        let steps = test.steps.iter().map(|s| &s.verdict);
        let query = test.query.iter().map(|q| &q.verdict);
        steps.chain(query).find_map(|view| {
            let broken = match &view.verdict {
                Verdict::SyntaxError { .. } => true,
                Verdict::Exception { phase, .. } => *phase == Phase::Loading,
                Verdict::SqlError { message, .. } => {
                    test.query.is_some()
                        && (message.contains("syntax error")
                            || message.contains("incomplete input"))
                }
                _ => false,
            };
            broken.then(|| view.message.clone())
        })
    })
}

fn print_exercise(exercise: &Exercise, found: &Verified, score: &mutation::Score, draft: bool) {
    let mark = if found.problems.is_empty() {
        "✓"
    } else {
        "✗"
    };
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
    outln!(
        "{mark} {}: {} test(s); the starter passes {} of them{mutants}; {mutation}",
        exercise.id,
        found.tests,
        found.starter_passed,
    );
    for problem in &found.problems {
        outln!("    ✗ {problem}");
    }
    if draft {
        for survivor in &score.survivors {
            outln!(
                "    ! a mutant survives ({}:{}): {}",
                mutation::solution_path(exercise),
                survivor.line,
                survivor.change
            );
        }
    }
}
