//! `backlab grade <exercise> <file>`: the grader from the terminal, with a
//! report for people or `--json` for tools. Exit 0 on pass, 1 otherwise.

use std::path::{Path, PathBuf};

use anyhow::bail;

use super::GradeArgs;
use crate::catalog::{Exercise, Language, ROOTS};
use crate::grader::{GradeOptions, Status, grade as run_grade};

pub fn grade(args: &GradeArgs, data_dir: &Path) -> anyhow::Result<u8> {
    let here = args.content.is_none().then(course_here).flatten();
    // A course taken from the folder you are in is named in errors, so its
    // problems or missing exercises are not mistaken for the built-in one's.
    let note = |error: anyhow::Error| match &here {
        Some(dir) => error.context(format!(
            "using the course in {} (the folder you are in; --content picks another)",
            dir.display()
        )),
        None => error,
    };
    let catalog = super::load_course(args.content.as_deref().or(here.as_deref())).map_err(note)?;
    let exercise = find(&catalog, &args.exercise).map_err(note)?;
    check_language(&args.file, exercise)?;
    let code = super::run::read(&args.file)?;
    let sandbox = super::sandbox(data_dir)?;
    let options = GradeOptions {
        reveal_hidden: args.reveal_hidden,
        file: super::run::file_name(&args.file),
        stop_at_first_failure: false,
        conceal_passed_hidden: false,
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
    let is_course = ROOTS.iter().any(|root| here.join(root).is_dir());
    is_course.then_some(here)
}

/// The exercise `id` in `catalog`, or an error that suggests close names.
pub(super) fn find<'a>(
    catalog: &'a crate::catalog::Catalog,
    id: &str,
) -> anyhow::Result<&'a Exercise> {
    if let Some(exercise) = catalog.exercise(id) {
        return Ok(exercise);
    }
    let known: Vec<&str> = catalog.exercises.iter().map(|e| e.id.0.as_str()).collect();
    let close = similar::get_close_matches(id, &known, 3, 0.6);
    let hint = if close.is_empty() {
        format!(
            "the course has {} exercises; an exercise's name ends the address of its page, as hello-route does in /exercises/hello-route",
            known.len()
        )
    } else {
        format!("did you mean {}?", close.join(" or "))
    };
    bail!("there is no exercise {id:?}; {hint}")
}

/// Refuses a `.js` file for an SQL exercise and a `.sql` file for a
/// JavaScript one; other names are read as the exercise's language.
pub(super) fn check_language(file: &Path, exercise: &Exercise) -> anyhow::Result<()> {
    let given = file.extension().and_then(|e| e.to_str()).unwrap_or("");
    let language = match given {
        "js" | "mjs" | "cjs" => Language::Js,
        "sql" => Language::Sql,
        "toml" => Language::Tests,
        _ => return Ok(()),
    };
    if language == exercise.language {
        return Ok(());
    }
    let takes = match exercise.language {
        Language::Js => "JavaScript (a handler file)",
        Language::Sql => "SQL (one query)",
        Language::Tests => "tests (a TOML file of [[tests]])",
    };
    bail!(
        "{} is a .{given} file, but {} takes {takes}: give it a .{} file",
        file.display(),
        exercise.id,
        exercise.language.extension()
    )
}
