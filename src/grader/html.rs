//! `expect.html`: checks on the page as a browser would parse it, so a test
//! asks for an element and its attributes, never for one spelling of the
//! markup (`name='x'` and `name="x"` are the same HTML).

use scraper::{ElementRef, Html, Selector};
use serde_json::json;

use super::CheckReport;
use crate::catalog::model::HtmlRule;

/// The selector of a rule, or why it is not one (checked when the exercise
/// loads).
pub fn selector(text: &str) -> Result<Selector, String> {
    Selector::parse(text).map_err(|e| format!("{text:?} is not a CSS selector: {e}"))
}

/// One rule on the parsed page.
pub fn check(rule: &HtmlRule, page: &Html) -> CheckReport {
    let found: Vec<ElementRef> = page.select(&rule.selector).collect();
    let shown: Vec<String> = found.iter().take(3).map(|e| outer(e)).collect();
    let diff = problems(rule, &found);
    CheckReport::new(format!("HTML {}", rule.select), expected(rule), shown, diff)
}

/// The rule as the report shows it: what the author wrote.
fn expected(rule: &HtmlRule) -> serde_json::Value {
    let mut out = json!({ "select": rule.select });
    if let Some(count) = rule.count {
        out["count"] = json!(count);
    }
    if let Some(text) = &rule.text {
        out["text"] = json!(text);
    }
    if let Some(text) = &rule.text_contains {
        out["text_contains"] = json!(text);
    }
    if !rule.attrs.is_empty() {
        let attrs: serde_json::Map<String, serde_json::Value> = rule
            .attrs
            .iter()
            .map(|(k, v)| (k.clone(), json!(v)))
            .collect();
        out["attrs"] = serde_json::Value::Object(attrs);
    }
    out
}

fn problems(rule: &HtmlRule, found: &[ElementRef]) -> Vec<String> {
    if let Some(count) = rule.count
        && found.len() != count
    {
        return vec![format!(
            "expected {count} element(s) matching `{}`, found {}",
            rule.select,
            found.len()
        )];
    }
    if found.is_empty() {
        if rule.count == Some(0) {
            return Vec::new();
        }
        return vec![format!("no element of the page matches `{}`", rule.select)];
    }
    if found.iter().any(|e| satisfies(rule, e)) {
        return Vec::new();
    }
    let first = found[0];
    let mut out = Vec::new();
    if let Some(text) = &rule.text {
        out.push(format!(
            "expected the text {text:?}, found {:?}",
            text_of(&first)
        ));
    }
    if let Some(part) = &rule.text_contains {
        out.push(format!(
            "expected text containing {part:?}, found {:?}",
            text_of(&first)
        ));
    }
    for (attr, value) in &rule.attrs {
        match first.value().attr(attr) {
            Some(actual) if actual == value => {}
            Some(actual) => out.push(format!(
                "expected {attr}={value:?}, found {attr}={actual:?}"
            )),
            None => out.push(format!("expected {attr}={value:?}, but it has no {attr}")),
        }
    }
    if found.len() > 1 {
        out.push(format!(
            "(none of the {} matching elements has it all)",
            found.len()
        ));
    }
    out
}

fn satisfies(rule: &HtmlRule, element: &ElementRef) -> bool {
    let text = text_of(element);
    rule.text.as_ref().is_none_or(|t| &text == t)
        && rule
            .text_contains
            .as_ref()
            .is_none_or(|t| text.contains(t.as_str()))
        && rule
            .attrs
            .iter()
            .all(|(attr, value)| element.value().attr(attr) == Some(value.as_str()))
}

/// The text inside an element, its runs of spaces made single spaces.
fn text_of(element: &ElementRef) -> String {
    let text: String = element.text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An element as HTML, cut to a readable length.
fn outer(element: &ElementRef) -> String {
    let html = element.html();
    if html.chars().count() > 200 {
        format!("{}…", html.chars().take(199).collect::<String>())
    } else {
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(select: &str) -> HtmlRule {
        HtmlRule {
            select: select.into(),
            selector: selector(select).unwrap(),
            count: None,
            text: None,
            text_contains: None,
            attrs: Vec::new(),
        }
    }

    fn run(rule: HtmlRule, body: &str) -> Vec<String> {
        check(&rule, &Html::parse_document(body)).diff
    }

    const FORM: &str = "<form><input type=hidden name='csrf_token' value=abc><input name=q></form><ul><li>One</li><li> Two  words </li></ul>";

    #[test]
    fn attributes_match_whatever_the_quoting() {
        let rule = HtmlRule {
            attrs: vec![
                ("type".into(), "hidden".into()),
                ("value".into(), "abc".into()),
            ],
            ..rule("input[name=csrf_token]")
        };
        assert_eq!(run(rule, FORM), Vec::<String>::new());
    }

    #[test]
    fn a_wrong_attribute_says_what_was_found() {
        let rule = HtmlRule {
            attrs: vec![("type".into(), "hidden".into())],
            ..rule("input[name=q]")
        };
        assert_eq!(
            run(rule, FORM),
            ["expected type=\"hidden\", but it has no type"]
        );
    }

    #[test]
    fn counts_and_text_use_the_parsed_page() {
        let count = HtmlRule {
            count: Some(2),
            ..rule("ul > li")
        };
        assert_eq!(run(count, FORM), Vec::<String>::new());
        let text = HtmlRule {
            text: Some("Two words".into()),
            ..rule("li")
        };
        assert_eq!(run(text, FORM), Vec::<String>::new());
        let none = HtmlRule {
            count: Some(0),
            ..rule("script")
        };
        assert_eq!(
            run(none, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
            Vec::<String>::new()
        );
        let injected = HtmlRule {
            count: Some(0),
            ..rule("script")
        };
        assert_eq!(
            run(injected, "<p><script>alert(1)</script></p>"),
            ["expected 0 element(s) matching `script`, found 1"]
        );
    }

    #[test]
    fn a_bad_selector_is_refused() {
        assert!(selector("input[").is_err());
    }
}
