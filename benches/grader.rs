//! Grading figures, as medians: a ten-test exercise graded in-process (the
//! issue's target is at most 10 ms), and the cost per test.
//!
//! Run with `cargo bench --bench grader` (or `./dev bench`).

#[path = "support/measure.rs"]
mod support;
#[path = "support/todo_exercise.rs"]
mod todo_exercise;

use std::path::Path;

use backlab::catalog::{Catalog, Files};
use backlab::grader::{GradeOptions, Status, grade};
use backlab::sandbox::Sandbox;
use support::{header, measure, ms};
use todo_exercise::{SOLUTION, exercise};

fn main() {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-cache");
    let sandbox = Sandbox::new(Some(&cache)).expect("sandbox");
    let exercise = exercise();
    assert_eq!(exercise.tests.len(), 10);
    let options = GradeOptions::default();
    let check = grade(&sandbox, &exercise, SOLUTION, &options);
    assert_eq!(check.status, Status::Pass, "{}", check.message);
    header();
    let median = measure(
        "grade a 10-test exercise (11 requests), in-process",
        200,
        || {
            let report = grade(&sandbox, &exercise, SOLUTION, &options);
            assert_eq!(report.status, Status::Pass);
        },
    );
    println!("per test: {:.3} ms (median / 10)", ms(median) / 10.0);
    measure(
        "load the built-in course (parse + build every database)",
        200,
        || {
            Catalog::load(&Files::builtin()).expect("the course loads");
        },
    );
}
