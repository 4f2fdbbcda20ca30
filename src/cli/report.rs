//! A grading report as a person reads it in a terminal: ✓ or ✗ per test,
//! and for the first failing step its request, response status, the
//! differences, and the SQL and logs it ran.

use std::fmt::Write as _;

use crate::grader::{CheckReport, QueryReport, Report, Status, StepReport, TestReport};

pub fn render(report: &Report, title: &str) -> String {
    let mut out = format!("{} — {title}\n\n", report.exercise);
    for test in &report.tests {
        render_test(&mut out, test);
    }
    let mark = match report.status {
        Status::Pass => "✓",
        _ => "✗",
    };
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    let _ = writeln!(out, "{mark} {}", report.message);
    out
}

fn render_test(out: &mut String, test: &TestReport) {
    let mark = match test.status {
        Status::Pass => "✓",
        Status::Fail => "✗",
        Status::Error => "!",
    };
    let tag = if test.security { "  [security]" } else { "" };
    let _ = writeln!(out, "{mark} {}{tag}", test.name);
    if test.status == Status::Pass {
        return;
    }
    if test.hidden && test.steps.is_empty() && test.query.is_none() {
        let _ = writeln!(out, "    {}", test.message.as_deref().unwrap_or_default());
        if let Some(clue) = &test.clue {
            let _ = writeln!(out, "    Clue: {clue}");
        }
        out.push('\n');
        return;
    }
    let mut explained = false;
    for (i, step) in test.steps.iter().enumerate() {
        let last = i + 1 == test.steps.len();
        explained |= render_step(out, step, last);
    }
    if let Some(query) = &test.query {
        explained |= render_query(out, query);
    }
    explained |= render_checks(out, &test.database);
    explained |= render_checks(out, &test.calls);
    // A failed check explains itself; otherwise the verdict says what happened.
    if let Some(message) = test.message.as_deref().filter(|_| !explained) {
        let _ = writeln!(out, "    {message}");
    }
    out.push('\n');
}

/// Whether it showed a failed check.
fn render_step(out: &mut String, step: &StepReport, last: bool) -> bool {
    let status = step
        .response
        .as_ref()
        .map_or("no response".to_string(), |r| r.status.to_string());
    let _ = writeln!(
        out,
        "    {} {} → {status}",
        step.request.method, step.request.url
    );
    if !last {
        return false;
    }
    let explained = render_checks(out, &step.checks);
    let mut trace = String::new();
    super::run::render_trace(&mut trace, &step.trace);
    for line in trace.lines().filter(|l| !l.is_empty()) {
        let _ = writeln!(out, "      {line}");
    }
    explained
}

fn render_query(out: &mut String, query: &QueryReport) -> bool {
    let _ = writeln!(out, "    your query returned {} row(s)", query.row_count);
    render_checks(out, &query.checks)
}

/// Prints the failed checks; whether there was one.
fn render_checks(out: &mut String, checks: &[CheckReport]) -> bool {
    let mut any = false;
    for check in checks.iter().filter(|c| !c.passed) {
        any = true;
        let _ = writeln!(out, "    ✗ {}", check.check);
        for line in &check.diff {
            let _ = writeln!(out, "        {line}");
        }
    }
    any
}
