//! Everything about an `exercise.toml` that can be checked without running
//! code: hints, links, limits and declared mutants (`lower.rs` checks the
//! tests as it types them).

use super::exercise::ExerciseFile;
use super::{Language, Problem, is_slug};
use crate::sandbox::Limits;

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
    let env = parsed.env.as_ref();
    for name in env.iter().flat_map(|env| env.get_ref().keys()) {
        if !is_env_name(name.get_ref()) {
            at(
                name.span().start,
                format!(
                    "[env] names are capital letters, digits and _, starting with a letter (PUBLIC_HOST), not {:?}",
                    name.get_ref()
                ),
            );
        }
    }
    if let Some(service) = parsed.services.first()
        && parsed.language == Language::Sql
    {
        at(
            service.span().start,
            "[[services]] are for JavaScript exercises: SQL cannot call fetch".into(),
        );
    }
    if let Some(env) = env
        && parsed.language == Language::Sql
    {
        at(
            env.span().start,
            "[env] is for JavaScript exercises: SQL cannot read process.env".into(),
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
    if parsed.tests.is_empty() && parsed.language != Language::Tests {
        at(
            text.len(),
            "an exercise needs at least one [[tests]]".into(),
        );
    }
}

/// `PUBLIC_HOST`, `API_KEY_2`: what configuration names look like.
fn is_env_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
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
