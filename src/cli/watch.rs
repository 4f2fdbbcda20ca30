//! `backlab watch <exercise> [file]`: for learners who prefer their own
//! editor. The file (by default a fresh copy of the starter, written for
//! them) is graded again on every save, with the terminal report; each
//! grade is recorded in the same progress store the browser reads, so a
//! pass in the terminal is a pass on the course page too.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context as _;

use super::WatchArgs;
use crate::catalog::Exercise;
use crate::grader::{GradeOptions, Status, grade};
use crate::store::{LearnerData, Store};

/// How often the file is looked at.
const POLL: Duration = Duration::from_millis(250);

pub fn watch(args: &WatchArgs, data_dir: &Path) -> anyhow::Result<u8> {
    let catalog = super::load_course(args.content.as_deref())?;
    let exercise = super::grade::find(&catalog, &args.exercise)?;
    let file = args.file.clone().unwrap_or_else(|| {
        PathBuf::from(format!("{}.{}", exercise.id, exercise.language.extension()))
    });
    super::grade::check_language(&file, exercise)?;
    let wrote_starter = write_starter_if_missing(&file, exercise)?;
    let store = Store::open(&data_dir.join("progress.db"))?;
    let sandbox = super::sandbox(data_dir)?;
    let mut last: Option<String> = None;
    loop {
        let code = match std::fs::read_to_string(&file) {
            Ok(code) => code,
            // An editor may replace the file by renaming: it is briefly gone.
            Err(_) if last.is_some() => {
                std::thread::sleep(POLL);
                continue;
            }
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", file.display())),
        };
        if last.as_deref() != Some(code.as_str()) {
            let passed = grade_once(&store, &sandbox, exercise, &file, &code)?;
            if wrote_starter && last.is_none() {
                outln!(
                    "(Backlab wrote the starter code to {} for you: open it in your editor.)",
                    file.display()
                );
            }
            if args.once {
                return Ok(if passed { 0 } else { 1 });
            }
            outln!(
                "\nWatching {}: save it to grade it again. Ctrl+C stops.",
                file.display()
            );
            last = Some(code);
        }
        std::thread::sleep(POLL);
    }
}

/// Grades `code`, records it, and prints the report on a clear screen.
fn grade_once(
    store: &Store,
    sandbox: &crate::sandbox::Sandbox,
    exercise: &Exercise,
    file: &Path,
    code: &str,
) -> anyhow::Result<bool> {
    let options = GradeOptions {
        file: super::run::file_name(file),
        ..GradeOptions::default()
    };
    let mut report = grade(sandbox, exercise, code, &options);
    store.add_clues(exercise, &mut report)?;
    // The browser's draft is the learner's own: the file is not put over it.
    let recorded = store.record_submission(&exercise.id.0, code, &report, false)?;
    if std::io::stdout().is_terminal() {
        out!("\x1b[2J\x1b[H");
    }
    out!("{}", super::report::render(&report, &exercise.title));
    let passed = report.status == Status::Pass;
    let progress = if passed {
        "recorded as passed: the course page in your browser shows it too"
    } else {
        "recorded in your submissions"
    };
    outln!("Submission #{}, {progress}.", recorded.number);
    Ok(passed)
}

/// Writes the exercise's starter to `file` when there is no such file;
/// returns whether it did.
fn write_starter_if_missing(file: &Path, exercise: &Exercise) -> anyhow::Result<bool> {
    if file.exists() {
        return Ok(false);
    }
    std::fs::write(file, &exercise.starter)
        .with_context(|| format!("cannot write the starter code to {}", file.display()))?;
    Ok(true)
}
