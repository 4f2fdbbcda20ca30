//! Turns the tests an author wrote (`spec.rs`) into the typed tests the
//! grader runs (`model.rs`): every path, selector, capture and span of time
//! parsed once, every mutually exclusive form checked, and every mistake
//! reported at the line of the field that holds it, with the test's name.

use serde_json::Value;
use toml::Spanned;

use super::model::{
    Advance, Body, BodyRule, Capture, CaptureSource, Check, DatabaseCheck, HeaderRule, HtmlRule,
    JsonCheck, Rows, Step, Test, placeholders,
};
use super::{JsonPath, Language, Problem, spec};
use crate::sandbox::METHODS;

/// Where problems go: the file, its text (to turn offsets into lines) and
/// the list every problem of the course ends up in.
pub struct Lowering<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub problems: &'a mut Vec<Problem>,
}

impl Lowering<'_> {
    fn at(&mut self, offset: usize, message: String) {
        self.problems
            .push(Problem::at(self.path, self.text, offset, message));
    }

    fn line(&self, offset: usize) -> usize {
        crate::sqltext::line_of(self.text, offset) as usize
    }

    /// Every test, typed; a test with a problem is still returned (the
    /// problem stops the exercise loading), so every problem is found.
    pub fn tests(&mut self, raw: Vec<Spanned<spec::Test>>, language: Language) -> Vec<Test> {
        let mut names = std::collections::BTreeSet::new();
        let mut out = Vec::with_capacity(raw.len());
        for test in raw {
            let start = test.span().start;
            let test = test.into_inner();
            let name = test.name.trim().to_string();
            if name.is_empty() {
                self.at(
                    start,
                    "this test's name is empty; say what it proves".into(),
                );
            } else if !names.insert(name.clone()) {
                self.at(
                    start,
                    format!("two tests are named {name:?}; names must be unique"),
                );
            }
            out.push(self.test(test, start, language));
        }
        out
    }

    fn test(&mut self, test: spec::Test, start: usize, language: Language) -> Test {
        let name = test.name.clone();
        let mut lowered = TestLowering {
            outer: self,
            name: &name,
        };
        lowered.language_rules(&test, start, language);
        let clue = lowered.clue(&test);
        let steps = lowered.steps(test.steps);
        let rows = test.rows.map(|rows| {
            let offset = rows.span().start;
            lowered.sql_rows(rows.into_inner(), offset)
        });
        let database = test
            .database
            .into_iter()
            .map(|check| lowered.database(check))
            .collect();
        let services = super::services::lower(test.services, &mut |offset, message| {
            lowered.at(offset, message);
        });
        let calls = lowered.calls(test.calls);
        Test {
            name,
            hidden: test.hidden,
            clue,
            security: test.security,
            detect_injection: test.detect_injection,
            setup: test.setup,
            prepared: None,
            steps,
            rows,
            database,
            services,
            calls,
            line: self.line(start),
        }
    }
}

/// One test being lowered: its problems say which test they are in.
struct TestLowering<'a, 'b> {
    outer: &'a mut Lowering<'b>,
    name: &'a str,
}

impl TestLowering<'_, '_> {
    fn at(&mut self, offset: usize, message: impl std::fmt::Display) {
        let message = format!("test {:?}: {message}", self.name);
        self.outer.at(offset, message);
    }

    /// A clue belongs to a hidden test: a visible one shows its requests.
    fn clue(&mut self, test: &spec::Test) -> Option<String> {
        let clue = test.clue.as_ref()?;
        if !test.hidden {
            self.at(
                clue.span().start,
                "`clue` is for hidden tests (a visible test already shows its requests); remove it or add `hidden = true`",
            );
        } else if clue.get_ref().trim().is_empty() || clue.get_ref().contains('\n') {
            self.at(clue.span().start, "a clue is one line of text");
        }
        Some(clue.get_ref().trim().to_string())
    }

    fn language_rules(&mut self, test: &spec::Test, start: usize, language: Language) {
        match language {
            Language::Js if test.steps.is_empty() => self.at(
                start,
                "no steps: add a [[tests.steps]] with the request to send",
            ),
            Language::Sql if !test.steps.is_empty() => self.at(
                start,
                "it has steps, but an SQL exercise runs the learner's query, not requests; remove them",
            ),
            _ => {}
        }
        if language == Language::Sql && test.detect_injection {
            self.at(start, "detect_injection is for JavaScript exercises");
        }
        if let Some(rows) = &test.rows
            && language == Language::Js
        {
            self.at(
                rows.span().start,
                "`rows` is for SQL exercises; a JavaScript test checks the database with [[tests.database]]",
            );
        }
    }

    fn steps(&mut self, raw: Vec<Spanned<spec::Step>>) -> Vec<Step> {
        let mut captured: Vec<String> = Vec::new();
        let mut out = Vec::with_capacity(raw.len());
        for step in raw {
            let start = step.span().start;
            let step = self.step(step.into_inner(), start);
            for name in references(&step) {
                if !captured.contains(&name) {
                    self.at(
                        start,
                        format!("{{{{{name}}}}} is used before any earlier step captures `{name}`"),
                    );
                }
            }
            captured.extend(step.captures.iter().map(|c| c.name.clone()));
            out.push(step);
        }
        out
    }

    fn step(&mut self, mut step: spec::Step, start: usize) -> Step {
        let method = match step.method {
            None => "GET".to_string(),
            Some(method) => {
                let upper = method.get_ref().to_ascii_uppercase();
                if !METHODS.contains(&upper.as_str()) {
                    self.at(
                        method.span().start,
                        format!(
                            "method = {:?} is not one of {}",
                            method.get_ref(),
                            METHODS.join(", ")
                        ),
                    );
                }
                upper
            }
        };
        let path = step.path.get_ref().clone();
        if !path.starts_with('/') && !path.starts_with("{{") {
            self.at(
                step.path.span().start,
                format!("path = {path:?} must start with / (or be a captured {{{{value}}}})"),
            );
        }
        let multipart = step.multipart.map(|parts| self.parts(parts));
        let body = self.body(step.json, step.form, step.body, start);
        let body = match (multipart, body) {
            (None, body) => body,
            (Some(parts), Body::None) => Body::Multipart(parts),
            (Some(_), body) => {
                self.at(
                    start,
                    "a step sends one body: json, form, body or multipart, not several",
                );
                body
            }
        };
        let max_statements = step.expect.max_statements.take().and_then(|max| {
            u32::try_from(*max.get_ref())
                .map_err(|_| {
                    self.at(
                        max.span().start,
                        format!(
                            "expect.max_statements = {} must be a whole number, 0 or more",
                            max.get_ref()
                        ),
                    )
                })
                .ok()
        });
        let checks = self.checks(step.expect);
        let captures = self.captures(step.capture);
        let advance = step.advance.and_then(|text| {
            Advance::parse(text.get_ref())
                .map_err(|message| self.at(text.span().start, message))
                .ok()
        });
        let ip = step.ip.and_then(|text| {
            text.get_ref()
                .parse::<std::net::IpAddr>()
                .map_err(|_| {
                    self.at(
                        text.span().start,
                        format!(
                            "ip = {:?} is not an IP address (203.0.113.7, or 2001:db8::1)",
                            text.get_ref()
                        ),
                    )
                })
                .ok()
        });
        Step {
            method,
            path,
            query: pairs(step.query),
            headers: step.headers.into_iter().collect(),
            body,
            checks,
            captures,
            advance,
            ip,
            max_statements,
            line: self.outer.line(start),
        }
    }

    /// `multipart = [...]`: each part a field or a file, never both.
    fn parts(&mut self, raw: Vec<Spanned<spec::Part>>) -> Vec<super::model::Part> {
        let mut out = Vec::new();
        for part in raw {
            let offset = part.span().start;
            let spec::Part {
                name,
                value,
                filename,
                content_type,
                content,
            } = part.into_inner();
            let (file, text) = match (value, filename, content, content_type) {
                (Some(value), None, None, None) => (None, value),
                (None, Some(filename), Some(content), media) => {
                    let media = media.unwrap_or_else(|| "text/plain".into());
                    (Some((filename, media)), content)
                }
                _ => {
                    self.at(
                        offset,
                        format!(
                            "multipart part {name:?}: a field is {{ name, value }}, a file is {{ name, filename, type, content }}"
                        ),
                    );
                    continue;
                }
            };
            out.push(super::model::Part { name, file, text });
        }
        out
    }

    fn body(
        &mut self,
        json: Option<Value>,
        form: Option<std::collections::BTreeMap<String, spec::Scalar>>,
        text: Option<String>,
        start: usize,
    ) -> Body {
        let several = [json.is_some(), form.is_some(), text.is_some()]
            .iter()
            .filter(|b| **b)
            .count()
            > 1;
        if several {
            self.at(
                start,
                "a step sends one body: json, form or body, not several",
            );
        }
        // With several, the first is kept so its {{names}} are still checked.
        match (json, form, text) {
            (Some(json), _, _) => Body::Json(json),
            (None, Some(form), _) => Body::Form(pairs(form)),
            (None, None, Some(text)) => Body::Text(text),
            (None, None, None) => Body::None,
        }
    }

    fn captures(
        &mut self,
        raw: std::collections::BTreeMap<String, Spanned<String>>,
    ) -> Vec<Capture> {
        let mut out = Vec::new();
        for (name, source) in raw {
            match CaptureSource::parse(source.get_ref()) {
                Ok(source) => out.push(Capture { name, source }),
                Err(message) => self.at(source.span().start, format!("capture.{name}: {message}")),
            }
        }
        out
    }

    /// The checks of `expect`, in the order a learner fixes them: status,
    /// headers, body text, HTML, then JSON.
    fn checks(&mut self, expect: spec::Expect) -> Vec<Check> {
        let mut out = Vec::new();
        if let Some(status) = expect.status {
            match u16::try_from(*status.get_ref()) {
                Ok(code @ 100..=599) => out.push(Check::Status(code)),
                _ => self.at(
                    status.span().start,
                    format!(
                        "expect.status = {} is not an HTTP status (100 to 599)",
                        status.get_ref()
                    ),
                ),
            }
        }
        for (name, rule) in expect.headers {
            let offset = rule.span().start;
            match header_rule(&format!("expect.headers.{name}"), rule.into_inner()) {
                Ok(rule) => out.push(Check::Header(name.to_ascii_lowercase(), rule)),
                Err(message) => self.at(offset, message),
            }
        }
        let body = |rule: fn(String) -> BodyRule| move |text| Check::Body(rule(text));
        out.extend(expect.body.map(body(BodyRule::Equals)));
        out.extend(
            expect
                .body_contains
                .into_iter()
                .map(body(BodyRule::Contains)),
        );
        let not_contains = expect.body_not_contains.into_iter();
        out.extend(not_contains.map(body(BodyRule::NotContains)));
        for rule in expect.html {
            let offset = rule.span().start;
            if let Some(rule) = self.html_rule(rule.into_inner(), offset) {
                out.push(Check::Html(rule));
            }
        }
        out.extend(expect.json.map(|v| Check::Json(JsonCheck::Equals(v))));
        out.extend(
            expect
                .json_contains
                .map(|v| Check::Json(JsonCheck::Contains(v))),
        );
        self.json_checks(expect.json_path, &mut out, |path, v| {
            Some(JsonCheck::At(path, v))
        });
        self.json_checks(expect.json_types, &mut out, |path, t| {
            Some(JsonCheck::Type(path, t))
        });
        self.json_checks(expect.json_length, &mut out, |path, n| {
            Some(JsonCheck::Length(path, usize::try_from(n).ok()?))
        });
        out
    }

    /// `json_path`, `json_types` and `json_length`: a path each, parsed
    /// here, with its value made into a check by `make` (`None`: a value
    /// that cannot be one, said at its line).
    fn json_checks<T>(
        &mut self,
        raw: std::collections::BTreeMap<String, Spanned<T>>,
        out: &mut Vec<Check>,
        make: impl Fn(JsonPath, T) -> Option<JsonCheck>,
    ) {
        for (path, value) in raw {
            let offset = value.span().start;
            match JsonPath::parse(&path) {
                Ok(parsed) => match make(parsed, value.into_inner()) {
                    Some(check) => out.push(Check::Json(check)),
                    None => self.at(
                        offset,
                        format!("json_length.{path:?} must be a whole number, 0 or more"),
                    ),
                },
                Err(message) => self.at(offset, message),
            }
        }
    }

    fn calls(&mut self, raw: Vec<Spanned<spec::CallCheck>>) -> Vec<super::services::CallCheck> {
        let problems = std::cell::RefCell::new(Vec::new());
        let checks = super::services::lower_calls(
            raw,
            &mut |offset, message| problems.borrow_mut().push((offset, message)),
            |name, rule, offset| {
                header_rule(&format!("calls headers.{name}"), rule)
                    .map_err(|message| problems.borrow_mut().push((offset, message)))
                    .ok()
            },
        );
        for (offset, message) in problems.into_inner() {
            self.at(offset, message);
        }
        checks
    }

    fn html_rule(&mut self, rule: spec::HtmlRule, offset: usize) -> Option<HtmlRule> {
        let selector = crate::grader::html::selector(&rule.select)
            .map_err(|message| self.at(offset, format!("expect.html: {message}")))
            .ok()?;
        Some(HtmlRule {
            select: rule.select,
            selector,
            count: rule.count,
            text: rule.text,
            text_contains: rule.text_contains,
            attrs: rule.attrs.into_iter().collect(),
        })
    }

    /// Rows as TOML gives them (`rows` of an SQL test, or of a database
    /// check) as the JSON of the SQL values they stand for.
    fn sql_rows(&mut self, rows: Vec<Vec<toml::Value>>, offset: usize) -> Vec<Vec<Value>> {
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            match row.iter().map(sql_value).collect::<Option<Vec<_>>>() {
                Some(row) => out.push(row),
                None => {
                    self.at(
                        offset,
                        "rows hold plain values (text, numbers, true/false, or {} for NULL)",
                    );
                    break;
                }
            }
        }
        out
    }

    fn database(&mut self, check: Spanned<spec::DatabaseCheck>) -> DatabaseCheck {
        let offset = check.span().start;
        let check = check.into_inner();
        let expect = match (check.rows, check.count, check.accepts, check.ordered) {
            (None, None, Some(accepts), false) => Rows::Accepts(accepts),
            (_, _, Some(_), _) => {
                self.at(offset, "a database check with `accepts` tries a statement instead of reading rows: remove rows, count and ordered");
                Rows::Count(0)
            }
            (Some(_), Some(_), None, _) => {
                self.at(offset, "a database check gives rows or count, not both");
                Rows::Count(0)
            }
            (None, None, None, _) => {
                self.at(
                    offset,
                    "a database check needs rows = [[…]], count = N or accepts = true/false",
                );
                Rows::Count(0)
            }
            (Some(rows), None, None, ordered) => Rows::Exactly {
                rows: self.sql_rows(rows, offset),
                ordered,
            },
            (None, Some(_), None, true) => {
                self.at(offset, "`ordered` goes with rows, not count");
                Rows::Count(0)
            }
            (None, Some(count), None, false) => Rows::Count(count),
        };
        DatabaseCheck {
            query: check.query,
            expect,
            line: self.outer.line(offset),
        }
    }
}

/// Query or form pairs, with numbers and booleans written as text.
/// A header rule as written (`"value"` or one of `contains`,
/// `not_contains`, `present`), typed; `what` names it in the message.
fn header_rule(what: &str, rule: spec::HeaderRule) -> Result<HeaderRule, String> {
    let rule = match rule {
        spec::HeaderRule::Equals(value) => return Ok(HeaderRule::Equals(value)),
        spec::HeaderRule::Rule(rule) => rule,
    };
    match (rule.contains, rule.not_contains, rule.present, rule.one_of) {
        (Some(part), None, None, None) => Ok(HeaderRule::Contains(part)),
        (None, Some(part), None, None) => Ok(HeaderRule::NotContains(part)),
        (None, None, Some(present), None) => Ok(HeaderRule::Present(present)),
        (None, None, None, Some(values)) if !values.is_empty() => Ok(HeaderRule::OneOf(values)),
        (None, None, None, Some(_)) => Err(format!("{what}: one_of needs at least one value")),
        _ => Err(format!(
            "{what}: give its value, or one of contains, not_contains, present, one_of"
        )),
    }
}

fn pairs(raw: std::collections::BTreeMap<String, spec::Scalar>) -> Vec<(String, String)> {
    raw.into_iter().map(|(k, v)| (k, v.to_string())).collect()
}

/// A TOML value as the JSON of the SQL value it stands for (`{}` is NULL,
/// true/false are 1/0); `None` for a value no SQL column holds.
pub fn sql_value(value: &toml::Value) -> Option<Value> {
    Some(match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => (*i).into(),
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number)
        }
        toml::Value::Boolean(b) => i64::from(*b).into(),
        toml::Value::Table(t) if t.is_empty() => Value::Null,
        _ => return None,
    })
}

/// The `{{names}}` a step refers to: in its request and in what it expects.
pub fn references(step: &Step) -> Vec<String> {
    let mut texts: Vec<&str> = vec![&step.path];
    texts.extend(step.headers.iter().map(|(_, v)| v.as_str()));
    texts.extend(step.query.iter().map(|(_, v)| v.as_str()));
    match &step.body {
        Body::None => {}
        Body::Json(json) => super::model::json_strings(json, &mut texts),
        Body::Form(pairs) => texts.extend(pairs.iter().map(|(_, v)| v.as_str())),
        Body::Text(text) => texts.push(text),
        Body::Multipart(parts) => texts.extend(parts.iter().map(|p| p.text.as_str())),
    }
    for check in &step.checks {
        texts.extend(check.texts());
    }
    texts
        .into_iter()
        .flat_map(placeholders)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_values_stand_for_sql_values() {
        let value: toml::Value = toml::from_str::<toml::Table>("a = {}\nb = true\nc = [1]")
            .unwrap()
            .into();
        assert_eq!(sql_value(&value["a"]), Some(Value::Null));
        assert_eq!(sql_value(&value["b"]), Some(Value::from(1)));
        assert_eq!(sql_value(&value["c"]), None);
    }
}
