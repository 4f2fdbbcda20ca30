//! Everything about an `exercise.toml` that can be checked without running
//! code: hints, links, limits, and each test's steps, captures and checks.

use super::exercise::ExerciseFile;
use super::spec::{CaptureSource, DatabaseCheck, HeaderRule, Step, Test, placeholders};
use super::{JsonPath, Language, Problem, is_slug};
use crate::sandbox::{Limits, METHODS};

/// Everything about `exercise.toml` that can be checked without running code.
pub fn exercise(path: &str, text: &str, parsed: &ExerciseFile, problems: &mut Vec<Problem>) {
    let mut at =
        |offset: usize, message: String| problems.push(Problem::at(path, text, offset, message));
    if parsed.title.trim().is_empty() {
        at(0, "the title is empty".into());
    }
    if parsed.hints.get_ref().is_empty() {
        at(
            parsed.hints.span().start,
            "give at least one hint: what would you tell a learner who is stuck?".into(),
        );
    }
    for (i, hint) in parsed.hints.get_ref().iter().enumerate() {
        if hint.get_ref().trim().is_empty() {
            at(hint.span().start, format!("hint {} is empty", i + 1));
        }
    }
    if let Some(lesson) = &parsed.lesson
        && !is_slug(lesson.get_ref())
    {
        at(
            lesson.span().start,
            format!(
                "lesson = {:?} is not a lesson id (the file name without NN- and .md)",
                lesson.get_ref()
            ),
        );
    }
    if let Some(limits) = &parsed.limits
        && let Err(message) = check_limits(limits.get_ref())
    {
        at(limits.span().start, message);
    }
    if let Some(ordered) = &parsed.ordered
        && parsed.language != Language::Sql
    {
        at(
            ordered.span().start,
            "`ordered` is for SQL exercises; JavaScript tests check order in their JSON".into(),
        );
    }
    for entry in &parsed.equivalent_mutants {
        let e = entry.get_ref();
        if e.reason.trim().is_empty() || e.change.trim().is_empty() || e.line == 0 {
            at(
                entry.span().start,
                "an equivalent mutant needs the line and change `backlab check` printed, and a reason: why can no test tell it from the solution?".into(),
            );
        }
    }
    if parsed.tests.is_empty() {
        at(
            text.len(),
            "an exercise needs at least one [[tests]]".into(),
        );
    }
    let mut names = std::collections::BTreeSet::new();
    for test in &parsed.tests {
        let start = test.span().start;
        let name = test.get_ref().name.trim();
        if name.is_empty() {
            at(
                start,
                "this test's name is empty; say what it proves".into(),
            );
        } else if !names.insert(name.to_string()) {
            at(
                start,
                format!("two tests are named {name:?}; names must be unique"),
            );
        }
        for message in test_problems(test.get_ref(), parsed.language) {
            at(start, message);
        }
        let mut captured = Vec::new();
        for step in &test.get_ref().steps {
            let mut found = reference_problems(step.get_ref(), &mut captured);
            found.extend(step_problems(step.get_ref()));
            for message in found {
                at(step.span().start, message);
            }
        }
        for check in &test.get_ref().database {
            if let Err(message) = check_database(check.get_ref()) {
                at(check.span().start, message);
            }
        }
    }
}

fn check_limits(limits: &Limits) -> Result<(), String> {
    if limits.timeout.as_millis() == 0 || limits.timeout.as_millis() > 10_000 {
        return Err("limits.timeout_ms must be from 1 to 10000".into());
    }
    if limits.guest_memory_bytes() > Limits::MAX_GUEST_MEMORY {
        return Err(format!(
            "limits.memory_bytes may be at most {}",
            Limits::MAX_GUEST_MEMORY - Limits::GUEST_OVERHEAD
        ));
    }
    Ok(())
}

fn test_problems(test: &Test, language: Language) -> Vec<String> {
    let mut out = Vec::new();
    match language {
        Language::Js if test.steps.is_empty() => out.push(format!(
            "test {:?} has no steps: add a [[tests.steps]] with the request to send",
            test.name
        )),
        Language::Sql if !test.steps.is_empty() => out.push(format!(
            "test {:?} has steps, but an SQL exercise runs the learner's query, not requests; remove them",
            test.name
        )),
        _ => {}
    }
    if language == Language::Sql && test.detect_injection {
        out.push("detect_injection is for JavaScript exercises".into());
    }
    out
}

/// Each `{{name}}` must be captured by an earlier step of the same test.
fn reference_problems<'a>(step: &'a Step, captured: &mut Vec<&'a str>) -> Vec<String> {
    let out = step_references(step)
        .into_iter()
        .filter(|name| !captured.contains(name))
        .map(|name| format!("{{{{{name}}}}} is used before any earlier step captures `{name}`"))
        .collect();
    captured.extend(step.capture.keys().map(String::as_str));
    out
}

/// The `{{names}}` a step's request refers to.
fn step_references(step: &Step) -> Vec<&str> {
    let mut texts: Vec<&str> = vec![&step.path];
    texts.extend(step.headers.values().map(String::as_str));
    texts.extend(step.body.as_deref());
    let mut names: Vec<&str> = texts.into_iter().flat_map(placeholders).collect();
    for value in step
        .query
        .values()
        .chain(step.form.iter().flat_map(|f| f.values()))
    {
        if let super::spec::Scalar::Text(text) = value {
            names.extend(placeholders(text));
        }
    }
    let expect = &step.expect;
    for text in expect
        .body
        .iter()
        .chain(&expect.body_contains)
        .chain(&expect.body_not_contains)
    {
        names.extend(placeholders(text));
    }
    for rule in &expect.html {
        let texts = rule.text.iter().chain(&rule.text_contains);
        for text in texts.chain(rule.attrs.values()) {
            names.extend(placeholders(text));
        }
    }
    let json = step
        .json
        .iter()
        .chain(&expect.json)
        .chain(&expect.json_contains);
    for value in json.chain(expect.json_path.values()) {
        json_strings(value, &mut |s| names.extend(placeholders(s)));
    }
    names
}

fn json_strings<'a>(value: &'a serde_json::Value, f: &mut impl FnMut(&'a str)) {
    match value {
        serde_json::Value::String(s) => f(s),
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, f)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, f)),
        _ => {}
    }
}

fn step_problems(step: &Step) -> Vec<String> {
    let mut out = Vec::new();
    if !METHODS.contains(&step.method.as_str()) {
        out.push(format!(
            "method = {:?} is not one of {}",
            step.method,
            METHODS.join(", ")
        ));
    }
    if !step.path.starts_with('/') && !step.path.starts_with("{{") {
        out.push(format!(
            "path = {:?} must start with / (or be a captured {{{{value}}}})",
            step.path
        ));
    }
    let bodies = [
        step.json.is_some(),
        step.form.is_some(),
        step.body.is_some(),
    ];
    if bodies.iter().filter(|b| **b).count() > 1 {
        out.push("a step sends one body: json, form or body, not several".into());
    }
    for (name, source) in &step.capture {
        if let Err(message) = CaptureSource::parse(source) {
            out.push(format!("capture.{name}: {message}"));
        }
    }
    for path in step
        .expect
        .json_path
        .keys()
        .chain(step.expect.json_types.keys())
    {
        if let Err(message) = JsonPath::parse(path) {
            out.push(message);
        }
    }
    for rule in &step.expect.html {
        if let Err(message) = crate::grader::html::selector(&rule.select) {
            out.push(format!("expect.html: {message}"));
        }
    }
    for (name, rule) in &step.expect.headers {
        if let HeaderRule::Rule(rule) = rule {
            let set = [
                rule.contains.is_some(),
                rule.not_contains.is_some(),
                rule.present.is_some(),
            ];
            if set.iter().filter(|b| **b).count() != 1 {
                out.push(format!(
                    "expect.headers.{name}: give its value, or one of contains, not_contains, present"
                ));
            }
        }
    }
    out
}

fn check_database(check: &DatabaseCheck) -> Result<(), String> {
    if check.accepts.is_some() {
        return match (&check.rows, check.count, check.ordered) {
            (None, None, false) => Ok(()),
            _ => Err("a database check with `accepts` tries a statement instead of reading rows: remove rows, count and ordered".into()),
        };
    }
    match (&check.rows, check.count) {
        (Some(_), Some(_)) => Err("a database check gives rows or count, not both".into()),
        (None, None) => {
            Err("a database check needs rows = [[…]], count = N or accepts = true/false".into())
        }
        (Some(rows), None) => rows
            .iter()
            .flatten()
            .all(super::is_sql_value)
            .then_some(())
            .ok_or_else(|| {
                "rows hold plain values (text, numbers, true/false, or {} for NULL)".into()
            }),
        (None, Some(_)) if check.ordered => Err("`ordered` goes with rows, not count".into()),
        (None, Some(_)) => Ok(()),
    }
}
