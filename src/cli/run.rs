//! `backlab run`: one request against a handler file, from the terminal, so
//! the sandbox is usable before (and without) the browser.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;

use super::RunArgs;
use crate::sandbox::trace::{Event, Trace};
use crate::sandbox::verdict::VerdictView;
use crate::sandbox::{HttpRequest, HttpResponse, Mode, Outcome, Program, RunOptions};
use crate::scratch::Template;

/// Runs the command; exit code 0 when the app answered, 1 when the verdict
/// is an error.
pub fn run(args: &RunArgs, data_dir: &Path) -> anyhow::Result<u8> {
    let code = read(&args.file)?;
    let (schema, schema_name) = read_optional(args.schema.as_deref())?;
    let (seed, seed_name) = read_optional(args.seed.as_deref())?;
    let template = Template::build(&schema, &seed, (&schema_name, &seed_name))?;
    let request = request(args)?;
    let options = options(args)?;
    let sandbox = super::sandbox(data_dir)?;
    let scratch = template.fresh();
    let filename = file_name(&args.file);
    let program = Program {
        code: &code,
        filename: &filename,
    };
    let (outcome, _) = sandbox.run(program, &request, scratch, &options);
    if args.json {
        let report = json(&request, &outcome);
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        out!("{}", render(&outcome));
    }
    Ok(if outcome.verdict.is_ok() { 0 } else { 1 })
}

fn options(args: &RunArgs) -> anyhow::Result<RunOptions> {
    let mut options = RunOptions::default();
    for pair in &args.env {
        let (name, value) = pair.split_once('=').with_context(|| {
            format!("--env {pair:?} needs NAME=VALUE, like --env PUBLIC_HOST=shop.example")
        })?;
        options.env.push((name.to_string(), value.to_string()));
    }
    if args.replayable {
        options.mode = Mode::replayable(1);
    }
    if let Some(ms) = args.timeout_ms {
        options.limits.timeout = Duration::from_millis(ms);
    }
    Ok(options)
}

pub(super) fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// The file's text and its name for error messages; nothing when not given.
fn read_optional(path: Option<&Path>) -> anyhow::Result<(String, String)> {
    match path {
        Some(path) => Ok((read(path)?, file_name(path))),
        None => Ok((String::new(), String::new())),
    }
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

fn request(args: &RunArgs) -> anyhow::Result<HttpRequest> {
    let mut request = HttpRequest::new(&args.method.to_uppercase(), &args.path);
    request.remote_address = args.ip.map(|ip| ip.to_string());
    for header in &args.headers {
        let (name, value) = header.split_once(':').with_context(|| {
            format!("the header {header:?} needs a colon, like \"Accept: application/json\"")
        })?;
        request = request.header(name.trim(), value.trim());
    }
    if let Some(body) = &args.body {
        request.body = match body.strip_prefix('@') {
            Some(file) => read(Path::new(file))?,
            None => body.clone(),
        };
        let has_type = request
            .headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-type"));
        if !has_type {
            let content_type = guess_type(&request.body);
            request = request.header("Content-Type", content_type);
        }
    }
    Ok(request)
}

fn guess_type(body: &str) -> &'static str {
    if serde_json::from_str::<serde_json::Value>(body).is_ok() {
        "application/json"
    } else if body.contains('=') && !body.contains(char::is_whitespace) {
        "application/x-www-form-urlencoded"
    } else {
        "text/plain"
    }
}

fn json(request: &HttpRequest, outcome: &Outcome) -> serde_json::Value {
    serde_json::json!({
        "request": request,
        "verdict": VerdictView::from(&outcome.verdict),
        "response": outcome.response,
        "trace": outcome.trace,
        "duration_ms": outcome.duration.as_secs_f64() * 1000.0,
    })
}

/// The outcome as a person reads it in a terminal.
pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    match &outcome.response {
        Some(response) => render_response(&mut out, response, outcome.duration),
        None => {
            let _ = writeln!(out, "No response ({:.1} ms)\n", ms(outcome.duration));
        }
    }
    render_trace(&mut out, &outcome.trace);
    let mark = if outcome.verdict.is_ok() {
        "✓"
    } else {
        "✗"
    };
    let _ = writeln!(out, "{mark} {}", outcome.verdict.message());
    out
}

fn render_response(out: &mut String, response: &HttpResponse, duration: Duration) {
    let _ = writeln!(
        out,
        "HTTP {} {}  ({:.1} ms)",
        response.status,
        reason(response.status),
        ms(duration)
    );
    for (name, value) in &response.headers {
        let _ = writeln!(out, "{}: {value}", name.to_lowercase());
    }
    let body = serde_json::from_str::<serde_json::Value>(&response.body)
        .ok()
        .filter(|_| {
            response
                .header("content-type")
                .is_some_and(|t| t.contains("json"))
        })
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_else(|| response.body.clone());
    let _ = writeln!(out, "\n{body}\n");
}

pub(super) fn render_trace(out: &mut String, trace: &Trace) {
    let mut sql = 0;
    for event in &trace.events {
        match event {
            Event::Sql(call) => {
                sql += 1;
                let result = match (&call.error, call.changes) {
                    (Some(error), _) => format!("error: {error}"),
                    (None, Some(changes)) => format!("{changes} row(s) changed"),
                    (None, None) if call.call == "exec" => "done".into(),
                    (None, None) => format!("{} row(s)", call.row_count),
                };
                let params = if call.params.as_array().is_some_and(Vec::is_empty) {
                    String::new()
                } else {
                    format!("  {}", call.params)
                };
                let _ = writeln!(
                    out,
                    "SQL {sql}  {}{params}\n      → {result}  ({:.2} ms)",
                    call.sql.trim(),
                    call.duration_us as f64 / 1000.0
                );
            }
            Event::Log(line) => {
                let _ = writeln!(out, "[{}] {}", line.level, line.message);
            }
            Event::Crypto(call) => {
                let _ = writeln!(
                    out,
                    "crypto.{}  ({:.1} ms)",
                    call.call,
                    call.duration_us as f64 / 1000.0
                );
            }
            Event::Call(call) => {
                let answer = match call.status {
                    0 => "no such service".to_string(),
                    status => status.to_string(),
                };
                let _ = writeln!(out, "fetch {} {}\n      → {answer}", call.method, call.url);
            }
        }
    }
    if trace.logs_dropped > 0 {
        let _ = writeln!(
            out,
            "… {} more console line(s) dropped: the log limit was reached",
            trace.logs_dropped
        );
    }
    if trace.rolled_back_open_transaction {
        let _ = writeln!(out, "! a transaction was left open; it was rolled back");
    }
    if !trace.events.is_empty() || trace.logs_dropped > 0 {
        out.push('\n');
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn reason(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_types_are_guessed() {
        assert_eq!(guess_type(r#"{"a":1}"#), "application/json");
        assert_eq!(guess_type("a=1&b=2"), "application/x-www-form-urlencoded");
        assert_eq!(guess_type("hello there"), "text/plain");
    }
}
