//! Other services an exercise declares (a payment provider, an email API):
//! the canned answers the sandbox's `fetch` gives, and the checks a test
//! makes on the calls the app sent them. The guest matches calls itself, so
//! the answers travel to it as JSON.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;
use toml::Spanned;

use super::model::HeaderRule;
use super::spec;
use crate::sandbox::METHODS;

/// A service `fetch` can reach: everything under its base URL.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Service {
    /// `https://api.pay.example`, without a trailing slash.
    pub url: String,
    pub answers: Vec<Answer>,
}

/// What a service answers to one method and path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub method: String,
    /// `/v1/charges`; a `*` segment matches any one segment.
    pub path: String,
    pub status: u16,
    pub headers: BTreeMap<String, String>,
    pub body: String,
    /// Used this many times, then skipped (so a later answer applies).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub times: Option<u32>,
    /// The answer arrives this late on the request's timer clock.
    pub delay_ms: u32,
}

/// The calls to one URL a test expects.
#[derive(Debug, Clone)]
pub struct CallCheck {
    /// The whole URL, query string left out of the comparison when it has none.
    pub url: String,
    /// Any method when none is given.
    pub method: Option<String>,
    /// Exactly this many calls; at least one when none is given.
    pub count: Option<u32>,
    /// Every matching call's body, read as JSON, contains this.
    pub json_contains: Option<Value>,
    /// Every matching call's request headers (names in lower case).
    pub headers: Vec<(String, HeaderRule)>,
}

impl CallCheck {
    /// Whether a call to `method` `url` is one this check counts.
    pub fn matches(&self, method: &str, url: &str) -> bool {
        let url_matches = url == self.url
            || (!self.url.contains('?') && url.split('?').next() == Some(self.url.as_str()));
        url_matches && self.method.as_deref().is_none_or(|m| m == method)
    }
}

/// The answers the guest reads: a test's services first, then the
/// exercise's; empty when there are none.
pub fn guest_json(test: &[Service], exercise: &[Service]) -> String {
    if test.is_empty() && exercise.is_empty() {
        return String::new();
    }
    let all: Vec<&Service> = test.iter().chain(exercise).collect();
    serde_json::to_string(&all).expect("services are plain data")
}

/// Types `[[services]]`, saying each mistake at its offset.
pub fn lower(raw: Vec<Spanned<spec::Service>>, at: &mut dyn FnMut(usize, String)) -> Vec<Service> {
    raw.into_iter()
        .map(|service| {
            let service = service.into_inner();
            let url = service.url.get_ref().trim_end_matches('/').to_string();
            if !is_base_url(&url) {
                at(
                    service.url.span().start,
                    format!(
                        "services url = {:?} must be a base URL such as https://api.pay.example (no query string)",
                        service.url.get_ref()
                    ),
                );
            }
            let answers = service
                .answers
                .into_iter()
                .filter_map(|answer| lower_answer(answer, at))
                .collect();
            Service { url, answers }
        })
        .collect()
}

fn is_base_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(['?', '#', ' ']))
}

fn lower_answer(
    answer: Spanned<spec::Answer>,
    at: &mut dyn FnMut(usize, String),
) -> Option<Answer> {
    let start = answer.span().start;
    let answer = answer.into_inner();
    let method = method(answer.method.as_ref(), at).unwrap_or_else(|| "GET".into());
    let path = answer.path.get_ref().clone();
    if !path.starts_with('/') || path.contains(['?', '#']) {
        at(
            answer.path.span().start,
            format!("answers path = {path:?} must start with / and hold no query string"),
        );
    }
    let status = match answer.status {
        None => 200,
        Some(status) => match u16::try_from(*status.get_ref()) {
            Ok(code @ 100..=599) => code,
            _ => {
                at(
                    status.span().start,
                    format!(
                        "answers status = {} is not an HTTP status (100 to 599)",
                        status.get_ref()
                    ),
                );
                return None;
            }
        },
    };
    let mut headers: BTreeMap<String, String> = answer
        .headers
        .into_iter()
        .map(|(name, value)| (name.to_ascii_lowercase(), value))
        .collect();
    let body = match (answer.json, answer.body) {
        (Some(_), Some(_)) => {
            at(start, "an answer gives json or body, not both".into());
            return None;
        }
        (Some(json), None) => {
            headers
                .entry("content-type".into())
                .or_insert_with(|| "application/json".into());
            json.to_string()
        }
        (None, body) => body.unwrap_or_default(),
    };
    Some(Answer {
        method,
        path,
        status,
        headers,
        body,
        times: answer.times,
        delay_ms: answer.delay_ms.unwrap_or(0),
    })
}

/// An HTTP method in upper case; `None` when not given or not one.
fn method(raw: Option<&Spanned<String>>, at: &mut dyn FnMut(usize, String)) -> Option<String> {
    let raw = raw?;
    let upper = raw.get_ref().to_ascii_uppercase();
    if METHODS.contains(&upper.as_str()) {
        Some(upper)
    } else {
        at(
            raw.span().start,
            format!(
                "method = {:?} is not one of {}",
                raw.get_ref(),
                METHODS.join(", ")
            ),
        );
        None
    }
}

/// Types `[[tests.calls]]`; `header_rule` types each header rule as
/// `expect.headers` does.
pub fn lower_calls(
    raw: Vec<Spanned<spec::CallCheck>>,
    at: &mut dyn FnMut(usize, String),
    mut header_rule: impl FnMut(&str, spec::HeaderRule, usize) -> Option<HeaderRule>,
) -> Vec<CallCheck> {
    raw.into_iter()
        .map(|check| {
            let check = check.into_inner();
            let url = check.url.get_ref().clone();
            if !url.starts_with("http://") && !url.starts_with("https://") {
                at(
                    check.url.span().start,
                    format!("calls url = {url:?} must be a whole URL, such as https://api.pay.example/v1/charges"),
                );
            }
            let headers = check
                .headers
                .into_iter()
                .filter_map(|(name, rule)| {
                    let offset = rule.span().start;
                    header_rule(&name, rule.into_inner(), offset)
                        .map(|rule| (name.to_ascii_lowercase(), rule))
                })
                .collect();
            CallCheck {
                url,
                method: method(check.method.as_ref(), at),
                count: check.count,
                json_contains: check.json_contains,
                headers,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str, method: Option<&str>) -> CallCheck {
        CallCheck {
            url: url.into(),
            method: method.map(Into::into),
            count: None,
            json_contains: None,
            headers: Vec::new(),
        }
    }

    #[test]
    fn a_check_counts_calls_to_its_url_with_any_query_unless_it_names_one() {
        let plain = check("https://pay.example/v1/charges", Some("POST"));
        assert!(plain.matches("POST", "https://pay.example/v1/charges"));
        assert!(plain.matches("POST", "https://pay.example/v1/charges?expand=1"));
        assert!(!plain.matches("GET", "https://pay.example/v1/charges"));
        assert!(!plain.matches("POST", "https://pay.example/v1/charges/ch_1"));
        let query = check("https://pay.example/v1/charges?expand=1", None);
        assert!(query.matches("GET", "https://pay.example/v1/charges?expand=1"));
        assert!(!query.matches("GET", "https://pay.example/v1/charges"));
    }

    #[test]
    fn base_urls_have_a_scheme_and_a_host_and_nothing_after_the_path() {
        assert!(is_base_url("https://api.pay.example"));
        assert!(is_base_url("http://mail.example/v3"));
        assert!(!is_base_url("api.pay.example"));
        assert!(!is_base_url("https://"));
        assert!(!is_base_url("https://pay.example/v1?x=1"));
    }

    #[test]
    fn the_guest_reads_a_tests_answers_before_the_exercises() {
        let service = |url: &str| Service {
            url: url.into(),
            answers: Vec::new(),
        };
        assert_eq!(guest_json(&[], &[]), "");
        let json = guest_json(
            &[service("https://a.example")],
            &[service("https://b.example")],
        );
        assert_eq!(
            json,
            r#"[{"url":"https://a.example","answers":[]},{"url":"https://b.example","answers":[]}]"#
        );
    }
}
