//! Turns a step of a test into the HTTP request the app receives: captured
//! values put in place of `{{name}}`, the query string and body encoded,
//! cookies from earlier steps attached. Also lists the values it sent, for
//! the injection detector, and takes captures from the response.

use std::collections::BTreeMap;

use serde_json::Value;

use super::cookies::CookieJar;
use super::injection::RequestValue;
use crate::catalog::JsonPath;
use crate::catalog::model::{Body, CaptureSource, Check, Step, fill_placeholders};
use crate::sandbox::{HttpRequest, HttpResponse};

pub type Captures = BTreeMap<String, Value>;

/// The request for `step`, and the values it carries.
pub fn build(
    step: &Step,
    captures: &Captures,
    jar: &CookieJar,
    now_ms: u64,
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
        .map(|(k, v)| (k.clone(), fill(v)))
        .collect();
    for (k, v) in &query {
        values.push(value(format!("the query parameter `{k}`"), v));
    }
    if !query.is_empty() {
        url = format!("{url}?{}", encode_pairs(&query));
    }
    let mut request = HttpRequest::new(&step.method, &url);
    request.remote_address = step.ip.map(|ip| ip.to_string());
    for (name, v) in &step.headers {
        request = request.header(name, &fill(v));
    }
    body(step, captures, &mut request, &mut values);
    let explicit_cookie = step
        .headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("cookie"));
    if !explicit_cookie && let Some(cookie) = jar.header(now_ms) {
        request = request.header("Cookie", &cookie);
    }
    for (name, v) in jar.iter(now_ms) {
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
    let (text, content_type) = match &step.body {
        Body::None => return,
        Body::Json(json) => {
            let json = substitute_json(json, captures);
            json_leaves(&JsonPath::default(), &json, values);
            (json.to_string(), "application/json")
        }
        Body::Form(form) => {
            let pairs: Vec<(String, String)> = form
                .iter()
                .map(|(k, v)| (k.clone(), substitute(v, captures)))
                .collect();
            for (k, v) in &pairs {
                values.push(value(format!("the form field `{k}`"), v));
            }
            (encode_pairs(&pairs), "application/x-www-form-urlencoded")
        }
        Body::Text(raw) => (substitute(raw, captures), "text/plain"),
        Body::Multipart(parts) => {
            for part in parts.iter().filter(|p| p.file.is_none()) {
                values.push(value(format!("the form field `{}`", part.name), &part.text));
            }
            (multipart(parts, captures), MULTIPART_TYPE)
        }
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

/// The boundary of every multipart body a test sends.
const BOUNDARY: &str = "backlab-part-7f3a9c";
const MULTIPART_TYPE: &str = "multipart/form-data; boundary=backlab-part-7f3a9c";

/// A `multipart/form-data` body, as a browser's form would send it.
fn multipart(parts: &[crate::catalog::model::Part], captures: &Captures) -> String {
    let mut out = String::new();
    for part in parts {
        out.push_str(&format!("--{BOUNDARY}\r\n"));
        let name = part.name.replace('"', "%22");
        match &part.file {
            None => out.push_str(&format!(
                "Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"
            )),
            Some((filename, media)) => out.push_str(&format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{}\"\r\nContent-Type: {media}\r\n\r\n",
                filename.replace('"', "%22")
            )),
        }
        out.push_str(&substitute(&part.text, captures));
        out.push_str("\r\n");
    }
    out.push_str(&format!("--{BOUNDARY}--\r\n"));
    out
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

/// The step's checks with captured values put in, so a test can expect
/// the id it captured earlier.
pub fn fill_checks(checks: &[Check], captures: &Captures) -> Vec<Check> {
    if captures.is_empty() {
        return checks.to_vec();
    }
    let text = |t: &str| substitute(t, captures);
    let json = |v: &Value| substitute_json(v, captures);
    checks.iter().map(|c| c.filled(&text, &json)).collect()
}

/// Takes each capture from the response; an error names the one missing.
pub fn capture(step: &Step, response: &HttpResponse, jar: &CookieJar) -> Result<Captures, String> {
    let mut out = Captures::new();
    for capture in &step.captures {
        let name = &capture.name;
        let found = match &capture.source {
            CaptureSource::Json(path) => serde_json::from_str::<Value>(&response.body)
                .ok()
                .and_then(|body| path.get(&body).cloned()),
            CaptureSource::Header(header) => {
                response.header(header).map(|v| Value::String(v.into()))
            }
            CaptureSource::Cookie(cookie) => jar.get(cookie).map(|v| Value::String(v.into())),
            CaptureSource::Body => Some(Value::String(response.body.clone())),
        };
        let found = found.ok_or_else(|| match &capture.source {
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

/// `a=1&b=two+words`, as a browser encodes a form.
fn encode_pairs(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
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
        assert_eq!(
            encode_pairs(&[("q".into(), "a b&c=é".into())]),
            "q=a+b%26c%3D%C3%A9"
        );
    }

    #[test]
    fn the_jar_is_sent_unless_the_step_sets_its_own_cookie() {
        let mut jar = CookieJar::default();
        let response = HttpResponse {
            status: 200,
            headers: vec![("Set-Cookie".into(), "sid=abc".into())],
            body: String::new(),
        };
        jar.store(&response, 0);
        let mut step = Step::get("/me");
        let (request, values) = build(&step, &Captures::new(), &jar, 0);
        assert_eq!(
            request.headers,
            vec![("Cookie".to_string(), "sid=abc".to_string())]
        );
        assert_eq!(values[0].origin, "the cookie `sid`");
        step.headers = vec![("Cookie".into(), "sid=forged".into())];
        let (request, _) = build(&step, &Captures::new(), &jar, 0);
        assert_eq!(
            request.headers,
            vec![("Cookie".to_string(), "sid=forged".to_string())]
        );
    }
}
