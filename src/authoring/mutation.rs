//! Mutation testing in `backlab check`: every generated mutant of an
//! exercise's reference solution graded (in parallel, stopping at the first
//! failing test); a mutant no test catches is a gap in the tests, unless the
//! author declared it equivalent with a reason.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::catalog::{EquivalentMutant, Exercise, Problem};
use crate::grader::{GradeOptions, Status, grade};
use crate::mutation::{Mutation, mutations};
use crate::sandbox::Sandbox;

/// What grading one mutant showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Caught,
    Survived,
    /// It does not load (a syntax error the change made): it tests nothing.
    Invalid,
}

/// The mutation results of one exercise.
#[derive(Default)]
pub struct Score {
    pub caught: usize,
    pub equivalent: usize,
    /// Survivors nobody declared equivalent.
    pub survivors: Vec<Mutation>,
    pub problems: Vec<Problem>,
}

impl Score {
    /// Mutants that count: the ones that load and are not declared equivalent.
    pub fn counted(&self) -> usize {
        self.caught + self.survivors.len()
    }
}

/// `exercises/<slug>/solution.js` (or `.sql`), as messages name it.
pub fn solution_path(exercise: &Exercise) -> String {
    format!("{}solution.{}", exercise.dir, exercise.language.extension())
}

/// Generates and grades the mutants of `exercise`'s solution.
pub fn score(sandbox: &Sandbox, exercise: &Exercise) -> Score {
    let solution_path = solution_path(exercise);
    let all = mutations(exercise.language, &exercise.solution, &exercise.starter);
    let fates = grade_all(sandbox, exercise, &all, &solution_path);
    let mut score = Score::default();
    let mut used = vec![false; exercise.equivalent_mutants.len()];
    for (mutation, fate) in all.into_iter().zip(fates) {
        let declared = exercise
            .equivalent_mutants
            .iter()
            .position(|e| e.line == mutation.line && e.change == mutation.change);
        if let Some(i) = declared {
            used[i] = true;
        }
        // A declared mutant the parallel run caught is graded once more on
        // its own: a busy machine can stop a run at its deadline, which is
        // not a test telling it apart.
        let fate = match (fate, declared) {
            (Fate::Caught, Some(_))
                if passes_alone(sandbox, exercise, &mutation, &solution_path) =>
            {
                Fate::Survived
            }
            (fate, _) => fate,
        };
        match (fate, declared) {
            (Fate::Invalid, _) => {}
            (Fate::Survived, Some(_)) => score.equivalent += 1,
            (Fate::Caught, Some(i)) => score.problems.push(declared_problem(
                exercise,
                &exercise.equivalent_mutants[i],
                "a test catches this mutant, so it is not equivalent: remove the declaration",
            )),
            (Fate::Caught, None) => score.caught += 1,
            (Fate::Survived, None) => score.survivors.push(mutation),
        }
    }
    for (entry, _) in exercise
        .equivalent_mutants
        .iter()
        .zip(used)
        .filter(|(_, u)| !u)
    {
        let message = format!(
            "there is no mutant {:?} on line {} of {solution_path} (was the solution edited?): \
             update or remove this declaration",
            entry.change, entry.line
        );
        score
            .problems
            .push(declared_problem(exercise, entry, &message));
    }
    score
}

/// The problem an undeclared survivor is for a finished course.
pub fn survivor_problem(exercise: &Exercise, mutation: &Mutation) -> Problem {
    Problem::new(
        &solution_path(exercise),
        Some(mutation.line),
        format!(
            "a mutant survives: with {} every test still passes. Add a test that tells them apart, \
             or, if no request can, declare it in exercise.toml: [[equivalent_mutants]] line = {}, \
             change = {:?}, reason = \"why\"",
            mutation.change, mutation.line, mutation.change
        ),
    )
}

fn declared_problem(exercise: &Exercise, entry: &EquivalentMutant, message: &str) -> Problem {
    Problem::new(
        &format!("{}exercise.toml", exercise.dir),
        Some(entry.toml_line),
        message,
    )
}

/// Whether `mutation` passes every test when graded by itself.
fn passes_alone(sandbox: &Sandbox, exercise: &Exercise, mutation: &Mutation, file: &str) -> bool {
    grade(sandbox, exercise, &mutation.code, &mutant_options(file)).status == Status::Pass
}

/// How a mutant is graded: every test, hidden ones too, stopping at the first failure.
fn mutant_options(file: &str) -> GradeOptions {
    GradeOptions {
        reveal_hidden: true,
        file: file.to_string(),
        stop_at_first_failure: true,
        conceal_passed_hidden: false,
    }
}

/// Grades every mutant, on as many threads as there are cores.
fn grade_all(sandbox: &Sandbox, exercise: &Exercise, all: &[Mutation], file: &str) -> Vec<Fate> {
    let options = mutant_options(file);
    let next = AtomicUsize::new(0);
    let fates = Mutex::new(vec![Fate::Caught; all.len()]);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().min(8));
    std::thread::scope(|scope| {
        for _ in 0..workers.min(all.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(mutation) = all.get(i) else {
                        break;
                    };
                    let report = grade(sandbox, exercise, &mutation.code, &options);
                    let fate = if super::does_not_load(&report).is_some() {
                        Fate::Invalid
                    } else if report.status == Status::Pass {
                        Fate::Survived
                    } else {
                        Fate::Caught
                    };
                    fates.lock().unwrap_or_else(|e| e.into_inner())[i] = fate;
                }
            });
        }
    });
    fates.into_inner().unwrap_or_else(|e| e.into_inner())
}
