//! The tests of an exercise as the grader runs them: parsed once when the
//! exercise loads, with one variant per form an author can write, so the
//! grader never meets a combination the loader would have refused and
//! never parses a path, selector or capture again. `lower.rs` builds these
//! from the TOML shapes in `spec.rs`.

use serde_json::Value;

use super::JsonPath;

/// One test: steps that share a database and cookies, then database checks.
#[derive(Debug, Clone)]
pub struct Test {
    /// What the test proves, in the learner's words.
    pub name: String,
    /// Shown only as a count until it passes.
    pub hidden: bool,
    /// For a hidden test: a one-line nudge shown after it failed twice.
    pub clue: Option<String>,
    /// An attack test (injection, XSS, another user's data, a forged session).
    pub security: bool,
    /// Fail when a request value is spliced into SQL text.
    pub detect_injection: bool,
    /// SQL run on the fresh database before the steps.
    pub setup: Option<String>,
    /// The exercise's database with `setup` run on it, made once at load.
    pub prepared: Option<crate::scratch::Scratch>,
    /// The requests, in order (JavaScript exercises; empty for SQL ones).
    pub steps: Vec<Step>,
    /// For SQL exercises: the rows the query must give, when the author
    /// wrote them down instead of leaving the reference solution to say.
    pub rows: Option<Vec<Vec<Value>>>,
    /// Checks on the database after the steps.
    pub database: Vec<DatabaseCheck>,
    /// Answers of other services for this test, before the exercise's.
    pub services: Vec<super::services::Service>,
    /// Checks on the calls the app made to services.
    pub calls: Vec<super::services::CallCheck>,
    /// The line of its `[[tests]]` header in exercise.toml.
    pub line: usize,
}

/// One request and what its response must be.
#[derive(Debug, Clone)]
pub struct Step {
    pub method: String,
    /// Starts with `/` (or a `{{captured}}` value).
    pub path: String,
    /// Query string pairs, in the order written.
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    /// Every check on the response, in the order a learner fixes them.
    pub checks: Vec<Check>,
    pub captures: Vec<Capture>,
    /// How far the clock moves before this step.
    pub advance: Option<Advance>,
    /// The client's address (`req.ip`); none: the loopback address.
    pub ip: Option<std::net::IpAddr>,
    /// The most SQL statements the step may run (`expect.max_statements`).
    pub max_statements: Option<u32>,
    /// The line of its `[[tests.steps]]` header in exercise.toml.
    pub line: usize,
}

impl Step {
    /// A GET of `path` that checks nothing (for tests of the grader).
    #[cfg(test)]
    pub fn get(path: &str) -> Self {
        Self {
            method: "GET".into(),
            path: path.into(),
            query: Vec::new(),
            headers: Vec::new(),
            body: Body::None,
            checks: Vec::new(),
            captures: Vec::new(),
            advance: None,
            ip: None,
            max_statements: None,
            line: 1,
        }
    }

    /// The status the step expects, if it names one.
    pub fn expected_status(&self) -> Option<u16> {
        self.checks.iter().find_map(|c| match c {
            Check::Status(status) => Some(*status),
            _ => None,
        })
    }
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

/// What a step sends as its body; at most one form.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    None,
    /// Sent with `Content-Type: application/json`.
    Json(Value),
    /// Sent as `application/x-www-form-urlencoded`.
    Form(Vec<(String, String)>),
    /// Sent as it is, as `text/plain` unless a header says otherwise.
    Text(String),
    /// Sent as `multipart/form-data`.
    Multipart(Vec<Part>),
}

/// A field (`file` is `None`) or a file of a multipart body.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub name: String,
    /// The file's name and media type.
    pub file: Option<(String, String)>,
    /// The field's value, or the file's content.
    pub text: String,
}

/// One check on a response.
#[derive(Debug, Clone)]
pub enum Check {
    Status(u16),
    /// The header's name in lowercase and what it must be.
    Header(String, HeaderRule),
    Body(BodyRule),
    Html(HtmlRule),
    Json(JsonCheck),
}

/// A check on the body as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyRule {
    /// The whole body, exactly.
    Equals(String),
    Contains(String),
    NotContains(String),
}

/// A check on the body parsed as JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonCheck {
    /// The body equals this.
    Equals(Value),
    /// The body has at least these keys and values.
    Contains(Value),
    /// The value at a path equals this.
    At(JsonPath, Value),
    /// The value at a path has this type.
    Type(JsonPath, JsonType),
    /// The array (or object) at a path has this many entries.
    Length(JsonPath, usize),
}

impl Check {
    /// The check with `{{name}}` replaced by captured values; `text` fills
    /// text, `json` fills JSON.
    pub fn filled(&self, text: &impl Fn(&str) -> String, json: &impl Fn(&Value) -> Value) -> Self {
        match self {
            Self::Body(BodyRule::Equals(t)) => Self::Body(BodyRule::Equals(text(t))),
            Self::Body(BodyRule::Contains(t)) => Self::Body(BodyRule::Contains(text(t))),
            Self::Body(BodyRule::NotContains(t)) => Self::Body(BodyRule::NotContains(text(t))),
            Self::Html(rule) => Self::Html(HtmlRule {
                text: rule.text.as_deref().map(text),
                text_contains: rule.text_contains.as_deref().map(text),
                attrs: rule
                    .attrs
                    .iter()
                    .map(|(k, v)| (k.clone(), text(v)))
                    .collect(),
                ..rule.clone()
            }),
            Self::Json(JsonCheck::Equals(v)) => Self::Json(JsonCheck::Equals(json(v))),
            Self::Json(JsonCheck::Contains(v)) => Self::Json(JsonCheck::Contains(json(v))),
            Self::Json(JsonCheck::At(path, v)) => Self::Json(JsonCheck::At(path.clone(), json(v))),
            Self::Header(name, rule) => Self::Header(name.clone(), rule.filled(text)),
            other => other.clone(),
        }
    }

    /// The texts of the check that may hold `{{name}}`.
    pub fn texts(&self) -> Vec<&str> {
        let mut out = Vec::new();
        match self {
            Self::Body(BodyRule::Equals(t) | BodyRule::Contains(t) | BodyRule::NotContains(t)) => {
                out.push(t.as_str())
            }
            Self::Html(rule) => {
                out.extend(rule.text.as_deref());
                out.extend(rule.text_contains.as_deref());
                out.extend(rule.attrs.iter().map(|(_, v)| v.as_str()));
            }
            Self::Json(JsonCheck::Equals(v) | JsonCheck::Contains(v) | JsonCheck::At(_, v)) => {
                json_strings(v, &mut out)
            }
            Self::Header(_, rule) => out.extend(rule.texts()),
            _ => {}
        }
        out
    }
}

impl HeaderRule {
    /// The rule with `{{name}}` replaced by captured values.
    fn filled(&self, text: &impl Fn(&str) -> String) -> Self {
        match self {
            Self::Equals(t) => Self::Equals(text(t)),
            Self::Contains(t) => Self::Contains(text(t)),
            Self::NotContains(t) => Self::NotContains(text(t)),
            Self::OneOf(values) => Self::OneOf(values.iter().map(|v| text(v)).collect()),
            Self::Present(p) => Self::Present(*p),
        }
    }

    fn texts(&self) -> Vec<&str> {
        match self {
            Self::Equals(t) | Self::Contains(t) | Self::NotContains(t) => vec![t.as_str()],
            Self::OneOf(values) => values.iter().map(String::as_str).collect(),
            Self::Present(_) => Vec::new(),
        }
    }
}

/// Every string inside a JSON value.
pub fn json_strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| json_strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| json_strings(v, out)),
        _ => {}
    }
}

/// What a response header must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderRule {
    Equals(String),
    Contains(String),
    NotContains(String),
    /// `true`: the header is there; `false`: it is not.
    Present(bool),
    /// Equals one of these, exactly.
    OneOf(Vec<String>),
}

/// Elements a CSS selector picks, and what one of them (or how many) must be.
#[derive(Debug, Clone)]
pub struct HtmlRule {
    /// The selector as the author wrote it.
    pub select: String,
    pub selector: scraper::Selector,
    /// Exactly this many elements match (0: none may).
    pub count: Option<usize>,
    /// A matching element's text, its spaces collapsed, is exactly this.
    pub text: Option<String>,
    /// A matching element's text contains this.
    pub text_contains: Option<String>,
    /// A matching element has these attributes with these values.
    pub attrs: Vec<(String, String)>,
}

/// A JSON type, for values a test cannot know in advance (a token, a new id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
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
    pub fn of(value: &Value) -> Self {
        match value {
            Value::String(_) => Self::String,
            Value::Number(_) => Self::Number,
            Value::Bool(_) => Self::Boolean,
            Value::Array(_) => Self::Array,
            Value::Object(_) => Self::Object,
            Value::Null => Self::Null,
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

/// A value taken from a response for later steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Capture {
    pub name: String,
    pub source: CaptureSource,
}

/// Where a captured value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptureSource {
    Json(JsonPath),
    Header(String),
    Cookie(String),
    Body,
}

impl CaptureSource {
    pub fn parse(text: &str) -> Result<Self, String> {
        let (kind, arg) = text.split_once(':').unwrap_or((text, ""));
        let arg = arg.trim();
        match (kind.trim(), arg.is_empty()) {
            ("json", false) => JsonPath::parse(arg).map(Self::Json),
            ("header", false) => Ok(Self::Header(arg.to_string())),
            ("cookie", false) => Ok(Self::Cookie(arg.to_string())),
            ("body", true) => Ok(Self::Body),
            _ => Err(format!(
                "cannot capture from {text:?}: write `json:PATH`, `header:NAME`, `cookie:NAME` or `body`"
            )),
        }
    }
}

/// A query on the database after the steps, and what it must give.
#[derive(Debug, Clone)]
pub struct DatabaseCheck {
    pub query: String,
    pub expect: Rows,
    /// The line of its `[[tests.database]]` header in exercise.toml.
    pub line: usize,
}

/// What a database check expects; exactly one form.
#[derive(Debug, Clone, PartialEq)]
pub enum Rows {
    /// These rows (column values as JSON, NULL as null), in this order
    /// when `ordered`.
    Exactly {
        rows: Vec<Vec<Value>>,
        ordered: bool,
    },
    /// This many rows, whatever they hold.
    Count(u64),
    /// `query` is a statement tried on a copy: the database must take it
    /// (`true`) or refuse it with a constraint (`false`).
    Accepts(bool),
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
    fn capture_sources_parse_their_paths_once() {
        assert_eq!(
            CaptureSource::parse("json:user.id"),
            Ok(CaptureSource::Json(JsonPath::parse("user.id").unwrap()))
        );
        assert_eq!(
            CaptureSource::parse("header: Location"),
            Ok(CaptureSource::Header("Location".into()))
        );
        assert_eq!(CaptureSource::parse("body"), Ok(CaptureSource::Body));
        assert!(CaptureSource::parse("json").is_err());
        assert!(CaptureSource::parse("xml:a").is_err());
        assert!(
            CaptureSource::parse("json:a..b")
                .unwrap_err()
                .contains("not a JSON path")
        );
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
