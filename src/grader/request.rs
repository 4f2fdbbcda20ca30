//! Turns a step of a test into the HTTP request the app receives: captured
//! values put in place of `{{name}}`, the query string and body encoded,
//! cookies from earlier steps attached. Also lists the values it sent, for
//! the injection detector, and takes captures from the response.

use std::collections::BTreeMap;

use serde_json::Value;

use super::cookies::CookieJar;
use super::injection::RequestValue;
use crate::catalog::JsonPath;
use crate::catalog::spec::{CaptureSource, Expect, HtmlRule, Step, fill_placeholders};
use crate::sandbox::{HttpRequest, HttpResponse};

pub type Captures = BTreeMap<String, Value>;

/// The request for `step`, and the values it carries.
pub fn build(
    step: &Step,
    captures: &Captures,
    jar: &CookieJar,
) -> (HttpRequest, Vec<RequestValue>) {
    let fill = |text: &str| substitute(text, captures);
    let mut values = Vec::new();
    let path = fill(&step.path);
    for segment in path
        .split('/')
        .filter(|s| s.bytes().any(|b| b.is_ascii_digit()))
    {
        values.push(value(format!("the path segment `{segment}`"), segment));
    }
    let mut url = path;
    let query: Vec<(String, String)> = step
        .query
        .iter()
        .map(|(k, v)| (k.clone(), fill(&v.to_string())))
        .collect();
    for (k, v) in &query {
        values.push(value(format!("the query parameter `{k}`"), v));
    }
    if !query.is_empty() {
        url = format!("{url}?{}", encode_pairs(&query));
    }
    let mut request = HttpRequest::new(&step.method, &url);
    for (name, v) in &step.headers {
        request = request.header(name, &fill(v));
    }
    body(step, captures, &mut request, &mut values);
    let explicit_cookie = step
        .headers
        .keys()
        .any(|k| k.eq_ignore_ascii_case("cookie"));
    if !explicit_cookie && let Some(cookie) = jar.header() {
        request = request.header("Cookie", &cookie);
    }
    for (name, v) in jar.iter() {
        values.push(value(format!("the cookie `{name}`"), v));
    }
    (request, values)
}

fn value(origin: String, value: &str) -> RequestValue {
    RequestValue {
        origin,
        value: value.to_string(),
    }
}

fn body(
    step: &Step,
    captures: &Captures,
    request: &mut HttpRequest,
    values: &mut Vec<RequestValue>,
) {
    let (text, content_type) = if let Some(json) = &step.json {
        let json = substitute_json(json, captures);
        json_leaves(&JsonPath::default(), &json, values);
        (json.to_string(), "application/json")
    } else if let Some(form) = &step.form {
        let pairs: Vec<(String, String)> = form
            .iter()
            .map(|(k, v)| (k.clone(), substitute(&v.to_string(), captures)))
            .collect();
        for (k, v) in &pairs {
            values.push(value(format!("the form field `{k}`"), v));
        }
        (encode_pairs(&pairs), "application/x-www-form-urlencoded")
    } else if let Some(raw) = &step.body {
        (substitute(raw, captures), "text/plain")
    } else {
        return;
    };
    request.body = text;
    let has_type = request
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("content-type"));
    if !has_type {
        request
            .headers
            .push(("Content-Type".into(), content_type.into()));
    }
}

fn json_leaves(path: &JsonPath, json: &Value, values: &mut Vec<RequestValue>) {
    match json {
        Value::String(s) => values.push(value(format!("the JSON field `{path}`"), s)),
        Value::Number(n) => values.push(value(format!("the JSON field `{path}`"), &n.to_string())),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| json_leaves(&path.index(i), v, values)),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| json_leaves(&path.key(k), v, values)),
        _ => {}
    }
}

/// `{{name}}` replaced by the captured value (text as it is, other JSON as JSON).
pub fn substitute(text: &str, captures: &Captures) -> String {
    fill_placeholders(text, |name| {
        captures.get(name).map(|captured| match captured {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    })
}

/// In JSON bodies a string that is exactly `{{name}}` becomes the captured
/// value itself, so a captured number stays a number.
fn substitute_json(json: &Value, captures: &Captures) -> Value {
    match json {
        Value::String(s) => {
            let name = s
                .strip_prefix("{{")
                .and_then(|r| r.strip_suffix("}}"))
                .map(str::trim);
            match name.and_then(|n| captures.get(n)) {
                Some(captured) => captured.clone(),
                None => Value::String(substitute(s, captures)),
            }
        }
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| substitute_json(v, captures)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), substitute_json(v, captures)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// The step's expectations with captured values put in, so a test can
/// expect the id it captured earlier.
pub fn fill_expect(expect: &Expect, captures: &Captures) -> Expect {
    if captures.is_empty() {
        return expect.clone();
    }
    let text = |t: &String| substitute(t, captures);
    let json = |v: &Value| substitute_json(v, captures);
    Expect {
        status: expect.status,
        headers: expect.headers.clone(),
        body: expect.body.as_ref().map(text),
        body_contains: expect.body_contains.iter().map(text).collect(),
        body_not_contains: expect.body_not_contains.iter().map(text).collect(),
        json: expect.json.as_ref().map(json),
        json_contains: expect.json_contains.as_ref().map(json),
        json_path: expect
            .json_path
            .iter()
            .map(|(k, v)| (k.clone(), json(v)))
            .collect(),
        json_types: expect.json_types.clone(),
        html: expect
            .html
            .iter()
            .map(|rule| HtmlRule {
                text: rule.text.as_ref().map(text),
                text_contains: rule.text_contains.as_ref().map(text),
                attrs: rule
                    .attrs
                    .iter()
                    .map(|(k, v)| (k.clone(), text(v)))
                    .collect(),
                ..rule.clone()
            })
            .collect(),
    }
}

/// Takes each capture from the response; an error names the one missing.
pub fn capture(step: &Step, response: &HttpResponse, jar: &CookieJar) -> Result<Captures, String> {
    let mut out = Captures::new();
    for (name, source) in &step.capture {
        let source = CaptureSource::parse(source)?;
        let found = match &source {
            CaptureSource::Json(path) => serde_json::from_str::<Value>(&response.body)
                .ok()
                .and_then(|body| JsonPath::parse(path).ok()?.get(&body).cloned()),
            CaptureSource::Header(header) => {
                response.header(header).map(|v| Value::String(v.into()))
            }
            CaptureSource::Cookie(cookie) => jar.get(cookie).map(|v| Value::String(v.into())),
            CaptureSource::Body => Some(Value::String(response.body.clone())),
        };
        let found = found.ok_or_else(|| match source {
            CaptureSource::Json(path) => {
                format!("could not capture `{name}`: the JSON body has nothing at {path}")
            }
            CaptureSource::Header(h) => {
                format!("could not capture `{name}`: the response has no {h} header")
            }
            CaptureSource::Cookie(c) => {
                format!("could not capture `{name}`: no cookie named {c} was set")
            }
            CaptureSource::Body => format!("could not capture `{name}` from the body"),
        })?;
        out.insert(name.clone(), found);
    }
    Ok(out)
}

/// `a=1&b=two%20words`
fn encode_pairs(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn captures_fill_text_and_keep_json_types() {
        let captures: Captures = [
            ("id".to_string(), json!(7)),
            ("token".to_string(), json!("t0k")),
        ]
        .into();
        assert_eq!(
            substitute("/todos/{{id}}?t={{ token }}", &captures),
            "/todos/7?t=t0k"
        );
        assert_eq!(
            substitute_json(&json!({"id": "{{id}}", "note": "id {{id}}"}), &captures),
            json!({"id": 7, "note": "id 7"})
        );
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode_pairs(&[("q".into(), "a b&c".into())]), "q=a%20b%26c");
    }

    #[test]
    fn the_jar_is_sent_unless_the_step_sets_its_own_cookie() {
        let mut jar = CookieJar::default();
        jar.store(&HttpResponse {
            status: 200,
            headers: vec![("Set-Cookie".into(), "sid=abc".into())],
            body: String::new(),
        });
        let step: Step = toml::from_str("path = \"/me\"").unwrap();
        let (request, values) = build(&step, &Captures::new(), &jar);
        assert_eq!(
            request.headers,
            vec![("Cookie".to_string(), "sid=abc".to_string())]
        );
        assert_eq!(values[0].origin, "the cookie `sid`");
        let forged: Step =
            toml::from_str("path = \"/me\"\nheaders = { Cookie = \"sid=forged\" }").unwrap();
        let (request, _) = build(&forged, &Captures::new(), &jar);
        assert_eq!(
            request.headers,
            vec![("Cookie".to_string(), "sid=forged".to_string())]
        );
    }
}
