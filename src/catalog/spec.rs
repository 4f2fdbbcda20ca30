//! The tests of an exercise as an author writes them in `exercise.toml`:
//! steps (a request and what its response must be), captures, cookies, and
//! checks on the database afterwards. Every field is documented in
//! `docs/authoring.md`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One test: steps that share a database and cookies, then database checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Test {
    /// What the test proves, in the learner's words: "GET /todos lists every todo".
    pub name: String,
    /// Shown only as a count until it passes.
    #[serde(default)]
    pub hidden: bool,
    /// An attack test (injection, XSS, another user's data, a forged session).
    #[serde(default)]
    pub security: bool,
    /// Fail when a request value is spliced into SQL text instead of bound
    /// as a parameter, even if no attack landed.
    #[serde(default)]
    pub detect_injection: bool,
    /// SQL run on the fresh database before the steps (extra rows for this test).
    #[serde(default)]
    pub setup: Option<String>,
    /// The requests, in order (JavaScript exercises).
    #[serde(default)]
    pub steps: Vec<Spanned<Step>>,
    /// Checks on the database after the steps.
    #[serde(default)]
    pub database: Vec<Spanned<DatabaseCheck>>,
}

/// One request and what its response must be.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    #[serde(default = "get")]
    pub method: String,
    /// Starts with `/`; `{{name}}` is replaced by a captured value.
    pub path: String,
    #[serde(default)]
    pub query: BTreeMap<String, Scalar>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// A JSON body (sent with `Content-Type: application/json`).
    #[serde(default)]
    pub json: Option<serde_json::Value>,
    /// A form body (sent as `application/x-www-form-urlencoded`).
    #[serde(default)]
    pub form: Option<BTreeMap<String, Scalar>>,
    /// A raw body, sent as it is.
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub expect: Expect,
    /// Values taken from the response for later steps: name → `json:PATH`,
    /// `header:NAME`, `cookie:NAME` or `body`.
    #[serde(default)]
    pub capture: BTreeMap<String, String>,
    /// Moves grading's clock forward before this step (`"31m"`, `"2h"`,
    /// `"1d"`, `"1h30m"`); later steps of the test stay moved.
    #[serde(default)]
    pub advance: Option<Advance>,
}

/// A span of time a step moves the clock by, read from text like `"1h30m"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Advance(u64);

impl Advance {
    pub fn as_millis(self) -> u64 {
        self.0
    }

    /// Numbers each followed by a unit: `ms`, `s`, `m`, `h` or `d`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "advance = {text:?} is not a span of time; write numbers with units, \
                 like \"90s\", \"31m\", \"2h\", \"1d\" or \"1h30m\""
            )
        };
        let mut total: u64 = 0;
        let mut rest = text.trim();
        if rest.is_empty() {
            return Err(bad());
        }
        while !rest.is_empty() {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let number: u64 = rest[..digits].parse().map_err(|_| bad())?;
            rest = &rest[digits..];
            let unit_len = rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                    .len();
            let unit = match &rest[..unit_len] {
                "ms" => 1,
                "s" => 1_000,
                "m" => 60_000,
                "h" => 3_600_000,
                "d" => 86_400_000,
                _ => return Err(bad()),
            };
            rest = &rest[unit_len..];
            total = number
                .checked_mul(unit)
                .and_then(|ms| total.checked_add(ms))
                .filter(|ms| *ms <= 3_650 * 86_400_000)
                .ok_or_else(|| format!("advance = {text:?} is more than ten years"))?;
        }
        Ok(Self(total))
    }
}

impl<'de> Deserialize<'de> for Advance {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

fn get() -> String {
    "GET".into()
}

/// What a response must be; every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub status: Option<u16>,
    /// Header name → its exact value, or `{ contains = "…" }`,
    /// `{ not_contains = "…" }`, `{ present = false }`.
    #[serde(default)]
    pub headers: BTreeMap<String, HeaderRule>,
    /// The whole body, exactly.
    pub body: Option<String>,
    #[serde(default)]
    pub body_contains: Vec<String>,
    #[serde(default)]
    pub body_not_contains: Vec<String>,
    /// The body parsed as JSON equals this.
    pub json: Option<serde_json::Value>,
    /// The body parsed as JSON has at least these keys and values.
    pub json_contains: Option<serde_json::Value>,
    /// Path (`user.name`, `items[0].id`) → the value there.
    #[serde(default)]
    pub json_path: BTreeMap<String, serde_json::Value>,
    /// Path → the type of the value there.
    #[serde(default)]
    pub json_types: BTreeMap<String, JsonType>,
    /// Rules on the page parsed as HTML, each picking elements with a CSS
    /// selector.
    #[serde(default)]
    pub html: Vec<HtmlRule>,
}

/// `{ select = "input[name=csrf_token]", attrs = { type = "hidden" } }`:
/// elements the selector picks, and what one of them (or how many) must be.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct HtmlRule {
    /// A CSS selector: `input[name=csrf_token]`, `ul.comments > li`.
    pub select: String,
    /// Exactly this many elements match (0: none may).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// A matching element's text, its spaces collapsed, is exactly this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A matching element's text contains this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_contains: Option<String>,
    /// A matching element has these attributes with these values.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
}

/// What a response header must be.
#[derive(Debug, Clone, Deserialize)]
#[serde(
    untagged,
    expecting = "a header's exact value as text, or a table with contains, not_contains or present"
)]
pub enum HeaderRule {
    Equals(String),
    Rule(HeaderMatch),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderMatch {
    pub contains: Option<String>,
    pub not_contains: Option<String>,
    pub present: Option<bool>,
}

/// A JSON type, for values a test cannot know in advance (a token, a new id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JsonType {
    String,
    Number,
    Boolean,
    Array,
    Object,
    Null,
}

impl JsonType {
    pub fn of(value: &serde_json::Value) -> Self {
        use serde_json::Value as V;
        match value {
            V::String(_) => Self::String,
            V::Number(_) => Self::Number,
            V::Bool(_) => Self::Boolean,
            V::Array(_) => Self::Array,
            V::Object(_) => Self::Object,
            V::Null => Self::Null,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Number => "number",
            Self::Boolean => "boolean",
            Self::Array => "array",
            Self::Object => "object",
            Self::Null => "null",
        }
    }
}

/// A query or form value: TOML lets authors write `page = 2` as well as `q = "milk"`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged, expecting = "text, a number or true/false")]
pub enum Scalar {
    Text(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
}

impl std::fmt::Display for Scalar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Text(s) => f.write_str(s),
            Self::Integer(n) => write!(f, "{n}"),
            Self::Float(n) => write!(f, "{n}"),
            Self::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// A query on the database after the steps, and the rows it must return.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseCheck {
    pub query: String,
    /// The rows, each an array of column values (`{}` stands for NULL).
    pub rows: Option<Vec<Vec<toml::Value>>>,
    /// Whether the order of `rows` matters.
    #[serde(default)]
    pub ordered: bool,
    /// How many rows, when their values do not matter.
    pub count: Option<u64>,
    /// Instead of rows: `query` is a statement tried on a copy, and the
    /// database must refuse it with a constraint (`false`) or accept it
    /// (`true`). Constraints are checked by what they do, not their text.
    pub accepts: Option<bool>,
}

/// Where a captured value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptureSource {
    Json(String),
    Header(String),
    Cookie(String),
    Body,
}

impl CaptureSource {
    pub fn parse(text: &str) -> Result<Self, String> {
        let (kind, arg) = text.split_once(':').unwrap_or((text, ""));
        let arg = arg.trim();
        match (kind.trim(), arg.is_empty()) {
            ("json", false) => Ok(Self::Json(arg.to_string())),
            ("header", false) => Ok(Self::Header(arg.to_string())),
            ("cookie", false) => Ok(Self::Cookie(arg.to_string())),
            ("body", true) => Ok(Self::Body),
            _ => Err(format!(
                "cannot capture from {text:?}: write `json:PATH`, `header:NAME`, `cookie:NAME` or `body`"
            )),
        }
    }
}

/// The names a text refers to as `{{name}}`.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    fill_placeholders(text, |name| {
        names.push(name);
        None
    });
    names
}

/// `text` with each `{{name}}` (spaces inside allowed) replaced by
/// `value(name)`; a name without a value stays as it was written.
pub fn fill_placeholders<'a>(
    text: &'a str,
    mut value: impl FnMut(&'a str) -> Option<String>,
) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            break;
        };
        let end = start + 2 + len + 2;
        out.push_str(&rest[..start]);
        match value(rest[start + 2..end - 2].trim()) {
            Some(filled) => out.push_str(&filled),
            None => out.push_str(&rest[start..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_time_parse_with_units() {
        let ms = |text| Advance::parse(text).map(Advance::as_millis);
        assert_eq!(ms("31m"), Ok(31 * 60_000));
        assert_eq!(ms("1h30m"), Ok(90 * 60_000));
        assert_eq!(ms("2d"), Ok(2 * 86_400_000));
        assert_eq!(ms("90s"), Ok(90_000));
        assert_eq!(ms("250ms"), Ok(250));
        for bad in ["", "31", "m", "31 minutes", "-5m", "1.5h", "3w"] {
            assert!(
                ms(bad).unwrap_err().contains("is not a span of time"),
                "{bad}"
            );
        }
        assert!(ms("99999d").unwrap_err().contains("more than ten years"));
    }

    #[test]
    fn capture_sources_parse() {
        assert_eq!(
            CaptureSource::parse("json:user.id"),
            Ok(CaptureSource::Json("user.id".into()))
        );
        assert_eq!(
            CaptureSource::parse("header: Location"),
            Ok(CaptureSource::Header("Location".into()))
        );
        assert_eq!(CaptureSource::parse("body"), Ok(CaptureSource::Body));
        assert!(CaptureSource::parse("json").is_err());
        assert!(CaptureSource::parse("xml:a").is_err());
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(
            placeholders("/todos/{{id}}/tags/{{ tag }}"),
            vec!["id", "tag"]
        );
        assert!(placeholders("/todos/{id}").is_empty());
    }
}
