//! The checks on one response, in the order a learner fixes them: status,
//! headers, body text, then JSON. Each gives expected, actual and a diff.

use serde_json::{Value, json};

use super::diff;
use super::report::CheckReport;
use crate::catalog::JsonPath;
use crate::catalog::model::{BodyRule, Check, HeaderRule, JsonCheck, JsonType};
use crate::sandbox::HttpResponse;

/// Every check of a step, on `response`, in their order. The body is
/// parsed as JSON (or HTML) once, if a check needs it; when it is not
/// JSON, one report says so in place of every JSON check.
pub fn response(checks: &[Check], response: &HttpResponse) -> Vec<CheckReport> {
    let mut out = Vec::new();
    let mut json: Option<Option<Value>> = None;
    let mut page: Option<scraper::Html> = None;
    for check in checks {
        let report = match check {
            Check::Status(status) => {
                let diff = if *status == response.status {
                    Vec::new()
                } else {
                    vec![format!("expected {status}, got {}", response.status)]
                };
                CheckReport::new("status", *status, response.status, diff)
            }
            Check::Header(name, rule) => header(name, rule, response.header(name)),
            Check::Body(rule) => body(rule, &response.body),
            Check::Html(rule) => {
                let page =
                    page.get_or_insert_with(|| scraper::Html::parse_document(&response.body));
                super::html::check(rule, page)
            }
            Check::Json(check) => {
                let first = json.is_none();
                match json.get_or_insert_with(|| serde_json::from_str(&response.body).ok()) {
                    Some(body) => json_check(check, body),
                    None if first => CheckReport::new(
                        "the body is JSON",
                        "a JSON body",
                        response.body.as_str(),
                        vec!["the body is not JSON: send it with res.json(...)".into()],
                    ),
                    None => continue,
                }
            }
        };
        out.push(report);
    }
    out
}

fn header(name: &str, rule: &HeaderRule, actual: Option<&str>) -> CheckReport {
    let name = name.to_lowercase();
    let shown = actual.map_or(Value::Null, |v| json!(v));
    let missing = || vec![format!("the response has no {name} header")];
    match rule {
        HeaderRule::Equals(expected) => {
            let diff = match actual {
                None => missing(),
                Some(v) => diff::text(expected, v),
            };
            CheckReport::new(format!("header {name}"), expected.as_str(), shown, diff)
        }
        HeaderRule::Contains(part) => {
            let diff = match actual {
                None => missing(),
                Some(v) if v.contains(part.as_str()) => Vec::new(),
                Some(v) => vec![format!("{v:?} does not contain {part:?}")],
            };
            CheckReport::new(
                format!("header {name} contains"),
                part.as_str(),
                shown,
                diff,
            )
        }
        HeaderRule::NotContains(part) => {
            let diff = match actual {
                Some(v) if v.contains(part.as_str()) => {
                    vec![format!("{v:?} contains {part:?}")]
                }
                _ => Vec::new(),
            };
            CheckReport::new(
                format!("header {name} does not contain"),
                part.as_str(),
                shown,
                diff,
            )
        }
        HeaderRule::Present(present) => {
            let diff = match (present, actual) {
                (true, None) => missing(),
                (false, Some(v)) => vec![format!(
                    "the response has a {name} header ({v:?}); it should not"
                )],
                _ => Vec::new(),
            };
            let expected = if *present { "present" } else { "absent" };
            CheckReport::new(format!("header {name}"), expected, shown, diff)
        }
        HeaderRule::OneOf(values) => {
            let diff = match actual {
                None => missing(),
                Some(v) if values.iter().any(|want| want == v) => Vec::new(),
                Some(v) => vec![format!("{v:?} is none of {}", quoted(values))],
            };
            CheckReport::new(
                format!("header {name} is one of"),
                json!(values),
                shown,
                diff,
            )
        }
    }
}

/// `"a", "b" or "c"`.
pub fn quoted(values: &[String]) -> String {
    let list: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
    match list.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => list.join(""),
    }
}

/// A check on the body as text.
fn body(rule: &BodyRule, body: &str) -> CheckReport {
    match rule {
        BodyRule::Equals(expected) => {
            CheckReport::new("body", expected.as_str(), body, diff::text(expected, body))
        }
        BodyRule::Contains(part) => {
            let diff = if body.contains(part.as_str()) {
                Vec::new()
            } else {
                vec![format!("the body does not contain {part:?}")]
            };
            CheckReport::new("body contains", part.as_str(), body, diff)
        }
        BodyRule::NotContains(part) => {
            let diff = match body.find(part.as_str()) {
                None => Vec::new(),
                Some(at) => vec![format!(
                    "the body contains {part:?}: …{}…",
                    around(body, at, part.len())
                )],
            };
            CheckReport::new("body does not contain", part.as_str(), body, diff)
        }
    }
}

/// The text around a match, for a message.
fn around(text: &str, at: usize, len: usize) -> &str {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(i, _)| i);
    let end = text[at + len..]
        .char_indices()
        .nth(30)
        .map_or(text.len(), |(i, _)| at + len + i);
    &text[start..end]
}

/// A check on the body parsed as JSON.
fn json_check(check: &JsonCheck, body: &Value) -> CheckReport {
    match check {
        JsonCheck::Equals(expected) => CheckReport::new(
            "JSON body",
            expected.clone(),
            body.clone(),
            diff::json(expected, body, false),
        ),
        JsonCheck::Contains(expected) => CheckReport::new(
            "JSON body contains",
            expected.clone(),
            body.clone(),
            diff::json(expected, body, true),
        ),
        JsonCheck::At(path, expected) => {
            let actual = path.get(body);
            let diff = match actual {
                None => vec![format!("{path} is missing")],
                Some(actual) => diff::json(expected, actual, false)
                    .into_iter()
                    .map(|line| line.replacen("the body", &path.to_string(), 1))
                    .collect(),
            };
            CheckReport::new(
                format!("JSON at {path}"),
                expected.clone(),
                actual.cloned().unwrap_or(Value::Null),
                diff,
            )
        }
        JsonCheck::Type(path, expected) => {
            let actual = path.get(body).map(JsonType::of);
            let diff = match actual {
                None => vec![format!("{path} is missing")],
                Some(t) if t == *expected => Vec::new(),
                Some(t) => vec![format!(
                    "{path} is a {}, expected a {}",
                    t.name(),
                    expected.name()
                )],
            };
            CheckReport::new(
                format!("type of {path}"),
                expected.name(),
                actual.map_or("missing", JsonType::name),
                diff,
            )
        }
        JsonCheck::Length(path, expected) => length(path, *expected, body),
    }
}

/// `json_length`: how many entries an array (or keys an object) has.
fn length(path: &JsonPath, expected: usize, body: &Value) -> CheckReport {
    let at = if path.0.is_empty() {
        "the body".to_string()
    } else {
        path.to_string()
    };
    let actual = match path.get(body) {
        Some(Value::Array(items)) => Ok(items.len()),
        Some(Value::Object(map)) => Ok(map.len()),
        Some(other) => Err(format!(
            "{at} is a {}, not an array",
            JsonType::of(other).name()
        )),
        None => Err(format!("{at} is missing")),
    };
    let diff = match &actual {
        Ok(n) if *n == expected => Vec::new(),
        Ok(n) => vec![format!("{at} has {n} entries, expected {expected}")],
        Err(why) => vec![why.clone()],
    };
    CheckReport::new(
        format!("length of {at}"),
        expected,
        actual.map_or(Value::Null, Value::from),
        diff,
    )
}

/// `expect.max_statements`: the step ran at most `max` SQL statements. The
/// diff names the statement that ran most often, which is where an N+1
/// loop shows itself.
pub fn statement_budget(max: u32, trace: &crate::sandbox::trace::Trace) -> CheckReport {
    let ran = trace.statements;
    let mut diff = Vec::new();
    if ran > u64::from(max) {
        diff.push(format!("{ran} SQL statements ran; at most {max} may"));
        if let Some((sql, times)) = most_repeated(trace) {
            diff.push(format!(
                "this one ran {times} times: {sql} (one query per row is the N+1 problem: fetch the rows together with a JOIN or IN (...))"
            ));
        }
    }
    CheckReport::new("SQL statements", format!("at most {max}"), json!(ran), diff)
}

/// The statement text that ran most often, when one ran more than once.
fn most_repeated(trace: &crate::sandbox::trace::Trace) -> Option<(String, usize)> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for call in trace.sql() {
        *counts.entry(call.sql.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 1)
        .map(|(sql, n)| (sql.to_string(), n))
}
