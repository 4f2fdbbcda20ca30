//! `backlab check [DIR]`: everything an author can get wrong in a course,
//! reported at once with file and line, then every exercise run for real:
//! the reference solution must pass, the starter and every mutant must fail,
//! and every generated mutant of the solution must be caught by a test.

use std::path::Path;

use anyhow::{Context as _, bail};

use super::CheckArgs;
use crate::authoring::{Tally, check_exercise};
use crate::catalog::{Catalog, Exercise, Files};

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
    let mut totals = Tally::default();
    for exercise in &catalog.exercises {
        let checked = check_exercise(&sandbox, exercise, args.draft);
        totals.caught += checked.mutants.caught;
        totals.counted += checked.mutants.counted;
        totals.equivalent += checked.mutants.equivalent;
        let mark = if checked.passed() { "✓" } else { "✗" };
        outln!("{mark} {}", checked.summary);
        for problem in &checked.problems {
            outln!("    ✗ {problem}");
        }
        for note in &checked.notes {
            outln!("    ! {note}");
        }
        problems.extend(checked.problems);
    }
    outln!(
        "\nmutation testing: {} of {} generated mutants caught ({} declared equivalent)",
        totals.caught,
        totals.counted,
        totals.equivalent
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
