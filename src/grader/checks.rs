//! The checks on one response, in the order a learner fixes them: status,
//! headers, body text, then JSON. Each gives expected, actual and a diff.

use serde_json::{Value, json};

use super::diff;
use super::report::CheckReport;
use crate::catalog::JsonPath;
use crate::catalog::spec::{Expect, HeaderRule, JsonType};
use crate::sandbox::HttpResponse;

/// Every check `expect` asks for, on `response`.
pub fn response(expect: &Expect, response: &HttpResponse) -> Vec<CheckReport> {
    let mut out = Vec::new();
    if let Some(status) = expect.status {
        let diff = if status == response.status {
            Vec::new()
        } else {
            vec![format!("expected {status}, got {}", response.status)]
        };
        out.push(CheckReport::new("status", status, response.status, diff));
    }
    for (name, rule) in &expect.headers {
        out.push(header(name, rule, response.header(name)));
    }
    body(expect, &response.body, &mut out);
    if !expect.html.is_empty() {
        super::html::checks(&expect.html, &response.body, &mut out);
    }
    if needs_json(expect) {
        match serde_json::from_str::<Value>(&response.body) {
            Ok(body) => json_checks(expect, &body, &mut out),
            Err(_) => out.push(CheckReport::new(
                "the body is JSON",
                "a JSON body",
                response.body.as_str(),
                vec!["the body is not JSON: send it with res.json(...)".into()],
            )),
        }
    }
    out
}

fn needs_json(expect: &Expect) -> bool {
    expect.json.is_some()
        || expect.json_contains.is_some()
        || !expect.json_path.is_empty()
        || !expect.json_types.is_empty()
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
        HeaderRule::Rule(rule) => {
            if let Some(part) = &rule.contains {
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
            } else if let Some(part) = &rule.not_contains {
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
            } else {
                let present = rule.present.unwrap_or(true);
                let diff = match (present, actual) {
                    (true, None) => missing(),
                    (false, Some(v)) => vec![format!(
                        "the response has a {name} header ({v:?}); it should not"
                    )],
                    _ => Vec::new(),
                };
                let expected = if present { "present" } else { "absent" };
                CheckReport::new(format!("header {name}"), expected, shown, diff)
            }
        }
    }
}

fn body(expect: &Expect, body: &str, out: &mut Vec<CheckReport>) {
    if let Some(expected) = &expect.body {
        out.push(CheckReport::new(
            "body",
            expected.as_str(),
            body,
            diff::text(expected, body),
        ));
    }
    for part in &expect.body_contains {
        let diff = if body.contains(part.as_str()) {
            Vec::new()
        } else {
            vec![format!("the body does not contain {part:?}")]
        };
        out.push(CheckReport::new("body contains", part.as_str(), body, diff));
    }
    for part in &expect.body_not_contains {
        let diff = match body.find(part.as_str()) {
            None => Vec::new(),
            Some(at) => vec![format!(
                "the body contains {part:?}: …{}…",
                around(body, at, part.len())
            )],
        };
        out.push(CheckReport::new(
            "body does not contain",
            part.as_str(),
            body,
            diff,
        ));
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

fn json_checks(expect: &Expect, body: &Value, out: &mut Vec<CheckReport>) {
    if let Some(expected) = &expect.json {
        out.push(CheckReport::new(
            "JSON body",
            expected.clone(),
            body.clone(),
            diff::json(expected, body, false),
        ));
    }
    if let Some(expected) = &expect.json_contains {
        out.push(CheckReport::new(
            "JSON body contains",
            expected.clone(),
            body.clone(),
            diff::json(expected, body, true),
        ));
    }
    for (path, expected) in &expect.json_path {
        let Ok(parsed) = JsonPath::parse(path) else {
            continue;
        };
        let actual = parsed.get(body);
        let diff = match actual {
            None => vec![format!("{parsed} is missing")],
            Some(actual) => diff::json(expected, actual, false)
                .into_iter()
                .map(|line| line.replacen("the body", path, 1))
                .collect(),
        };
        out.push(CheckReport::new(
            format!("JSON at {path}"),
            expected.clone(),
            actual.cloned().unwrap_or(Value::Null),
            diff,
        ));
    }
    for (path, expected) in &expect.json_types {
        let Ok(parsed) = JsonPath::parse(path) else {
            continue;
        };
        let actual = parsed.get(body).map(JsonType::of);
        let diff = match actual {
            None => vec![format!("{parsed} is missing")],
            Some(t) if t == *expected => Vec::new(),
            Some(t) => vec![format!(
                "{parsed} is a {}, expected a {}",
                t.name(),
                expected.name()
            )],
        };
        out.push(CheckReport::new(
            format!("type of {path}"),
            expected.name(),
            actual.map_or("missing", JsonType::name),
            diff,
        ));
    }
}
