//! `backlab grade <exercise> <file>`: the grader from the terminal, with a
//! report for people or `--json` for tools. Exit 0 on pass, 1 otherwise.

use std::path::Path;

use std::path::PathBuf;

use anyhow::bail;

use super::GradeArgs;
use crate::grader::{GradeOptions, Status, grade as run_grade};

pub fn grade(args: &GradeArgs, data_dir: &Path) -> anyhow::Result<u8> {
    let content = args.content.clone().or_else(course_here);
    let catalog = super::load_course(content.as_deref())?;
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
    let wanted = exercise.language.extension();
    let given = args.file.extension().and_then(|e| e.to_str()).unwrap_or("");
    if matches!(given, "js" | "sql" | "mjs" | "cjs") && !given.ends_with(wanted) {
        bail!(
            "{} is a .{given} file, but {} takes {}: give it a .{wanted} file",
            args.file.display(),
            exercise.id,
            match exercise.language {
                crate::catalog::Language::Js => "JavaScript (a handler file)",
                crate::catalog::Language::Sql => "SQL (one query)",
            }
        );
    }
    let code = super::run::read(&args.file)?;
    let sandbox = super::sandbox(data_dir)?;
    let options = GradeOptions {
        reveal_hidden: args.reveal_hidden,
        file: super::run::file_name(&args.file),
    };
    let report = run_grade(&sandbox, exercise, &code, &options);
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        out!("{}", super::report::render(&report, &exercise.title));
    }
    Ok(if report.status == Status::Pass { 0 } else { 1 })
}

/// The folder `grade` runs in, when it is a course (it holds `lessons/` or
/// `exercises/`): an author grading in their course folder means that course.
fn course_here() -> Option<PathBuf> {
    let here = std::env::current_dir().ok()?;
    let is_course = here.join("exercises").is_dir() || here.join("lessons").is_dir();
    is_course.then_some(here)
}
