//! `backlab grade <exercise> <file>`: the grader from the terminal, with a
//! report for people or `--json` for tools. Exit 0 on pass, 1 otherwise.

use std::path::Path;

use anyhow::bail;

use super::GradeArgs;
use crate::grader::{GradeOptions, Status, grade as run_grade};

pub fn grade(args: &GradeArgs, data_dir: &Path) -> anyhow::Result<u8> {
    let catalog = super::load_course(args.content.as_deref())?;
    let Some(exercise) = catalog.exercise(&args.exercise) else {
        let known: Vec<&str> = catalog.exercises.iter().map(|e| e.id.0.as_str()).collect();
        let close = similar::get_close_matches(args.exercise.as_str(), &known, 3, 0.6);
        let hint = if close.is_empty() {
            format!(
                "the course has {} exercises; an exercise's name ends the address of its page, as hello-route does in /exercises/hello-route",
                known.len()
            )
        } else {
            format!("did you mean {}?", close.join(" or "))
        };
        bail!("there is no exercise {:?}; {hint}", args.exercise);
    };
    let code = super::run::read(&args.file)?;
    let sandbox = super::sandbox(data_dir)?;
    let options = GradeOptions {
        reveal_hidden: args.reveal_hidden,
        file: super::run::file_name(&args.file),
    };
    let report = run_grade(&sandbox, exercise, &code, &options);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", super::report::render(&report, &exercise.title));
    }
    Ok(if report.status == Status::Pass { 0 } else { 1 })
}
