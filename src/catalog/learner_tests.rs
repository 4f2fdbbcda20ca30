//! A tests exercise: the learner's `tests.toml`, read exactly as an
//! author's `[[tests]]` are, so every mistake is named by its line.

use serde::Deserialize;
use toml::Spanned;

use super::lower::Lowering;
use super::model::Test;
use super::{Exercise, Language, Problem, spec};

/// The most tests one file may hold: each runs on the correct app and on
/// every broken one, so the count bounds how long grading takes.
const MAX_TESTS: usize = 40;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LearnerFile {
    #[serde(default)]
    tests: Vec<Spanned<spec::Test>>,
}

/// The tests in `text` (the learner's file, named `file` in problems),
/// ready to grade an app on the exercise's database.
pub fn learner_tests(
    exercise: &Exercise,
    text: &str,
    file: &str,
) -> Result<Vec<Test>, Vec<Problem>> {
    let parsed: LearnerFile =
        toml::from_str(text).map_err(|e| vec![Problem::toml(file, text, 1, &e)])?;
    if parsed.tests.is_empty() {
        return Err(vec![Problem::new(
            file,
            None,
            "there is no test yet: write a [[tests]] table with a name, then a [[tests.steps]] with the request and what to expect",
        )]);
    }
    if parsed.tests.len() > MAX_TESTS {
        return Err(vec![Problem::new(
            file,
            None,
            format!(
                "{} tests is more than the {MAX_TESTS} a file may hold",
                parsed.tests.len()
            ),
        )]);
    }
    let mut problems = Vec::new();
    let mut tests = Lowering {
        path: file,
        text,
        problems: &mut problems,
    }
    .tests(parsed.tests, Language::Js);
    super::exercise::prepare_setups(&exercise.template, &mut tests, file, &mut problems);
    if problems.is_empty() {
        Ok(tests)
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}
