//! The tests of an exercise exactly as an author writes them in
//! `exercise.toml`, with the spans `lower.rs` needs to name the line of a
//! mistake. Nothing outside the catalog sees these shapes: the grader runs
//! the typed tests of `model.rs`. Every field is documented in
//! `docs/authoring.md`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::model::JsonType;

/// One test: steps that share a database and cookies, then database checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Test {
    pub name: String,
    #[serde(default)]
    pub hidden: bool,
    /// For a hidden test: one line shown after it has failed twice.
    #[serde(default)]
    pub clue: Option<Spanned<String>>,
    #[serde(default)]
    pub security: bool,
    #[serde(default)]
    pub detect_injection: bool,
    #[serde(default)]
    pub setup: Option<String>,
    #[serde(default)]
    pub steps: Vec<Spanned<Step>>,
    /// SQL exercises: the rows the learner's query must give.
    #[serde(default)]
    pub rows: Option<Spanned<Vec<Vec<toml::Value>>>>,
    #[serde(default)]
    pub database: Vec<Spanned<DatabaseCheck>>,
    /// Answers of other services for this test, tried before the
    /// exercise's own.
    #[serde(default)]
    pub services: Vec<Spanned<Service>>,
    /// Checks on the calls the app made to services during the test.
    #[serde(default)]
    pub calls: Vec<Spanned<CallCheck>>,
}

/// One request and what its response must be.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    #[serde(default)]
    pub method: Option<Spanned<String>>,
    pub path: Spanned<String>,
    #[serde(default)]
    pub query: BTreeMap<String, Scalar>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    pub json: Option<serde_json::Value>,
    #[serde(default)]
    pub form: Option<BTreeMap<String, Scalar>>,
    #[serde(default)]
    pub body: Option<String>,
    /// A `multipart/form-data` body: fields and (text) files.
    #[serde(default)]
    pub multipart: Option<Vec<Spanned<Part>>>,
    #[serde(default)]
    pub expect: Expect,
    /// name → `json:PATH`, `header:NAME`, `cookie:NAME` or `body`.
    #[serde(default)]
    pub capture: BTreeMap<String, Spanned<String>>,
    /// `"31m"`, `"2h"`, `"1d"`, `"1h30m"`.
    #[serde(default)]
    pub advance: Option<Spanned<String>>,
    /// The client's address for this request (`req.ip`).
    #[serde(default)]
    pub ip: Option<Spanned<String>>,
}

/// One part of a multipart body: `{ name, value }` for a field, or
/// `{ name, filename, type?, content }` for a file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub name: String,
    pub value: Option<String>,
    pub filename: Option<String>,
    #[serde(rename = "type")]
    pub content_type: Option<String>,
    pub content: Option<String>,
}

/// What a response must be; every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub status: Option<Spanned<i64>>,
    #[serde(default)]
    pub headers: BTreeMap<String, Spanned<HeaderRule>>,
    pub body: Option<String>,
    #[serde(default)]
    pub body_contains: Vec<String>,
    #[serde(default)]
    pub body_not_contains: Vec<String>,
    pub json: Option<serde_json::Value>,
    pub json_contains: Option<serde_json::Value>,
    #[serde(default)]
    pub json_path: BTreeMap<String, Spanned<serde_json::Value>>,
    #[serde(default)]
    pub json_types: BTreeMap<String, Spanned<JsonType>>,
    #[serde(default)]
    pub json_length: BTreeMap<String, Spanned<i64>>,
    #[serde(default)]
    pub html: Vec<Spanned<HtmlRule>>,
    /// The most SQL statements the step may run (an N+1 budget).
    pub max_statements: Option<Spanned<i64>>,
}

/// `{ select = "input[name=csrf_token]", attrs = { type = "hidden" } }`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HtmlRule {
    pub select: String,
    #[serde(default)]
    pub count: Option<usize>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub text_contains: Option<String>,
    #[serde(default)]
    pub attrs: BTreeMap<String, String>,
}

/// A header's exact value, or a table with one rule.
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
    /// The header equals one of these (`Allow: GET` or `Allow: GET, HEAD`).
    pub one_of: Option<Vec<String>>,
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

/// A query on the database after the steps, and what it must give.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseCheck {
    pub query: String,
    /// Each row an array of column values (`{}` stands for NULL).
    pub rows: Option<Vec<Vec<toml::Value>>>,
    #[serde(default)]
    pub ordered: bool,
    pub count: Option<u64>,
    pub accepts: Option<bool>,
}

/// `[[services]]`: another service `fetch` can reach, by its base URL.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub url: Spanned<String>,
    #[serde(default)]
    pub answers: Vec<Spanned<Answer>>,
}

/// `[[services.answers]]`: what the service answers to one method and path.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    #[serde(default)]
    pub method: Option<Spanned<String>>,
    pub path: Spanned<String>,
    #[serde(default)]
    pub status: Option<Spanned<i64>>,
    #[serde(default)]
    pub json: Option<serde_json::Value>,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    #[serde(default)]
    pub times: Option<u32>,
    #[serde(default)]
    pub delay_ms: Option<u32>,
}

/// `[[tests.calls]]`: the calls to one URL the app must have made.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallCheck {
    pub url: Spanned<String>,
    #[serde(default)]
    pub method: Option<Spanned<String>>,
    #[serde(default)]
    pub count: Option<u32>,
    #[serde(default)]
    pub json_contains: Option<serde_json::Value>,
    #[serde(default)]
    pub headers: BTreeMap<String, Spanned<HeaderRule>>,
}
