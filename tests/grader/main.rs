//! The grader on the real sandbox: every check kind, captures and cookies,
//! the injection detector, SQL exercises, report snapshots, and the built-in
//! course (every reference solution passes, every starter and mutant fails).

mod boundary;
mod checks;
mod course;
mod flows;
mod golden;
mod lessons;
mod services;
mod testing;
mod util;
