//! Every lesson's runnable examples run: each ```js block that builds an
//! app loads in the sandbox, against the database of the lesson's first
//! exercise, exactly as the Run panel would load it.

use backlab::catalog::{Catalog, Files, Language, Lesson};
use backlab::grader::try_code;
use backlab::sandbox::HttpRequest;
use backlab::sandbox::verdict::Verdict;

use crate::util::sandbox;

/// The ```js blocks of a Markdown body that mention `app.`, with the line
/// each starts on (1-based, in the body).
fn app_blocks(body: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (index, line) in body.lines().enumerate() {
        let fence = line.trim_start().starts_with("```");
        match current.take() {
            None if fence && line.trim() == "```js" => current = Some((index + 2, String::new())),
            None => {}
            Some((start, code)) if fence && code.contains("app.") => blocks.push((start, code)),
            Some(_) if fence => {}
            Some((start, mut code)) => {
                code.push_str(line);
                code.push('\n');
                current = Some((start, code));
            }
        }
    }
    blocks
}

/// Why a lesson's block did not load, or `None` when it did.
fn load_problem(catalog: &Catalog, lesson: &Lesson, code: &str) -> Option<String> {
    let first = lesson.exercises.first()?;
    let exercise = catalog.exercises.iter().find(|e| &e.id == first)?;
    let mut exercise = exercise.clone();
    exercise.language = Language::Js;
    let probe = HttpRequest::new("GET", "/__lesson_probe");
    match try_code(sandbox(), &exercise, code, &probe) {
        Err(message) => Some(message),
        Ok(tryout) if matches!(tryout.verdict.verdict, Verdict::Ok) => None,
        Ok(tryout) => Some(tryout.verdict.message),
    }
}

#[test]
fn app_blocks_are_found_with_their_lines() {
    let body = "Intro\n```js\nconst a = 1;\napp.get(\"/\", f);\n```\n```js\nlet b;\n```\n";
    assert_eq!(
        app_blocks(body),
        vec![(3, "const a = 1;\napp.get(\"/\", f);\n".to_string())]
    );
}

#[test]
fn every_lesson_example_loads_in_the_sandbox() {
    let catalog = Catalog::load(&Files::builtin()).expect("the built-in course loads");
    let mut failures = Vec::new();
    for lesson in &catalog.lessons {
        let blocks = app_blocks(&lesson.body);
        if blocks.is_empty() {
            failures.push(format!(
                "{}: no runnable example (a ```js block that builds an app)",
                lesson.file
            ));
        }
        for (line, code) in blocks {
            if let Some(problem) = load_problem(&catalog, lesson, &code) {
                failures.push(format!(
                    "{} (the block from body line {line}): {problem}",
                    lesson.file
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "lesson examples that do not load:\n{}",
        failures.join("\n")
    );
}
