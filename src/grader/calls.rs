//! Checks on the calls the app made to other services during a test: how
//! many went to a URL, and what each carried ("the payment provider was
//! called once, with an Idempotency-Key").

use serde_json::{Value, json};

use super::diff;
use super::report::CheckReport;
use crate::catalog::model::HeaderRule;
use crate::catalog::services::CallCheck;
use crate::sandbox::ServiceCall;

/// One report for `check` against every call the test's steps made.
pub fn check(check: &CallCheck, calls: &[&ServiceCall]) -> CheckReport {
    let target = match &check.method {
        Some(method) => format!("{method} {}", check.url),
        None => check.url.clone(),
    };
    let matching: Vec<&ServiceCall> = calls
        .iter()
        .copied()
        .filter(|c| check.matches(&c.method, &c.url))
        .collect();
    let made: Vec<String> = calls
        .iter()
        .map(|c| format!("{} {}", c.method, c.url))
        .collect();
    let mut diff = Vec::new();
    match check.count {
        Some(n) if matching.len() != n as usize => diff.push(format!(
            "expected {n} call{} to {target}, the app made {}",
            plural(n as usize),
            matching.len()
        )),
        None if matching.is_empty() => diff.push(format!("the app made no call to {target}")),
        _ => {}
    }
    for (i, call) in matching.iter().enumerate() {
        let which = if matching.len() == 1 {
            "the call".to_string()
        } else {
            format!("call {}", i + 1)
        };
        for (name, rule) in &check.headers {
            if let Some(problem) = header_problem(name, rule, call.header(name)) {
                diff.push(format!("{which}: {problem}"));
            }
        }
        if let Some(expected) = &check.json_contains {
            match serde_json::from_str::<Value>(&call.body) {
                Ok(body) => diff.extend(
                    diff::json(expected, &body, true)
                        .into_iter()
                        .map(|line| format!("{which}'s body: {line}")),
                ),
                Err(_) => diff.push(format!("{which}: its body is not JSON: {:?}", call.body)),
            }
        }
    }
    let expected = json!({
        "count": check.count,
        "headers": check.headers.iter().map(|(n, r)| format!("{n}: {}", describe(r))).collect::<Vec<_>>(),
        "json_contains": check.json_contains,
    });
    CheckReport::new(format!("calls to {target}"), expected, json!(made), diff)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn describe(rule: &HeaderRule) -> String {
    match rule {
        HeaderRule::Equals(v) => format!("{v:?}"),
        HeaderRule::Contains(v) => format!("contains {v:?}"),
        HeaderRule::NotContains(v) => format!("does not contain {v:?}"),
        HeaderRule::Present(true) => "present".into(),
        HeaderRule::Present(false) => "absent".into(),
        HeaderRule::OneOf(values) => format!("one of {}", super::checks::quoted(values)),
    }
}

/// What is wrong with a request header, if anything.
fn header_problem(name: &str, rule: &HeaderRule, actual: Option<&str>) -> Option<String> {
    match (rule, actual) {
        (HeaderRule::Present(true), None) => Some(format!("it has no {name} header")),
        (HeaderRule::Present(false), Some(v)) => Some(format!("it has a {name} header ({v:?})")),
        (HeaderRule::Equals(want), Some(v)) if v != want => {
            Some(format!("{name} is {v:?}, expected {want:?}"))
        }
        (HeaderRule::Contains(part), Some(v)) if !v.contains(part.as_str()) => {
            Some(format!("{name} is {v:?}, which does not contain {part:?}"))
        }
        (HeaderRule::NotContains(part), Some(v)) if v.contains(part.as_str()) => {
            Some(format!("{name} is {v:?}, which contains {part:?}"))
        }
        (HeaderRule::OneOf(values), Some(v)) if !values.iter().any(|want| want == v) => {
            Some(format!(
                "{name} is {v:?}, expected {}",
                super::checks::quoted(values)
            ))
        }
        (HeaderRule::Equals(_) | HeaderRule::Contains(_) | HeaderRule::OneOf(_), None) => {
            Some(format!("it has no {name} header"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> ServiceCall {
        ServiceCall {
            method: method.into(),
            url: url.into(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: body.into(),
            status: 200,
        }
    }

    fn charges(count: Option<u32>) -> CallCheck {
        CallCheck {
            url: "https://pay.example/v1/charges".into(),
            method: Some("POST".into()),
            count,
            json_contains: Some(json!({ "amount": 500 })),
            headers: vec![("idempotency-key".into(), HeaderRule::Present(true))],
        }
    }

    #[test]
    fn a_call_with_what_it_must_carry_passes() {
        let made = call(
            "POST",
            "https://pay.example/v1/charges",
            &[("idempotency-key", "order-7")],
            r#"{"amount":500,"currency":"eur"}"#,
        );
        let report = check(&charges(Some(1)), &[&made]);
        assert!(report.passed, "{:?}", report.diff);
    }

    #[test]
    fn each_shortfall_is_said_in_words() {
        let bare = call(
            "POST",
            "https://pay.example/v1/charges",
            &[],
            r#"{"amount":400}"#,
        );
        let other = call("GET", "https://pay.example/v1/balance", &[], "");
        let report = check(&charges(Some(1)), &[&bare, &other]);
        assert_eq!(
            report.diff,
            [
                "the call: it has no idempotency-key header",
                "the call's body: amount: expected 500, got 400",
            ]
        );
        let twice = check(&charges(Some(1)), &[&bare, &bare]);
        assert_eq!(
            twice.diff[0],
            "expected 1 call to POST https://pay.example/v1/charges, the app made 2"
        );
        let none = check(&charges(None), &[&other]);
        assert_eq!(
            none.diff,
            ["the app made no call to POST https://pay.example/v1/charges"]
        );
    }
}
