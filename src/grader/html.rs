//! `expect.html`: checks on the page as a browser would parse it, so a test
//! asks for an element and its attributes, never for one spelling of the
//! markup (`name='x'` and `name="x"` are the same HTML).

use scraper::{ElementRef, Html, Selector};
use serde_json::json;

use super::CheckReport;
use crate::catalog::spec::HtmlRule;

/// The selector of a rule, or why it is not one (checked when the exercise
/// loads).
pub fn selector(text: &str) -> Result<Selector, String> {
    Selector::parse(text).map_err(|e| format!("{text:?} is not a CSS selector: {e}"))
}

/// One report per rule, on the body parsed as an HTML document.
pub fn checks(rules: &[HtmlRule], body: &str, out: &mut Vec<CheckReport>) {
    let page = Html::parse_document(body);
    for rule in rules {
        out.push(check(rule, &page));
    }
}

fn check(rule: &HtmlRule, page: &Html) -> CheckReport {
    let name = format!("HTML {}", rule.select);
    let expected = json!(rule);
    let Ok(selector) = selector(&rule.select) else {
        return CheckReport::new(
            name,
            expected,
            "",
            vec!["the selector does not parse".into()],
        );
    };
    let found: Vec<ElementRef> = page.select(&selector).collect();
    let shown: Vec<String> = found.iter().take(3).map(|e| outer(e)).collect();
    let diff = problems(rule, &found);
    CheckReport::new(name, expected, shown, diff)
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

    fn run(rule: HtmlRule, body: &str) -> Vec<String> {
        let mut out = Vec::new();
        checks(&[rule], body, &mut out);
        out.remove(0).diff
    }

    const FORM: &str = "<form><input type=hidden name='csrf_token' value=abc><input name=q></form><ul><li>One</li><li> Two  words </li></ul>";

    #[test]
    fn attributes_match_whatever_the_quoting() {
        let rule = HtmlRule {
            select: "input[name=csrf_token]".into(),
            attrs: [
                ("type".into(), "hidden".into()),
                ("value".into(), "abc".into()),
            ]
            .into(),
            ..HtmlRule::default()
        };
        assert_eq!(run(rule, FORM), Vec::<String>::new());
    }

    #[test]
    fn a_wrong_attribute_says_what_was_found() {
        let rule = HtmlRule {
            select: "input[name=q]".into(),
            attrs: [("type".into(), "hidden".into())].into(),
            ..HtmlRule::default()
        };
        assert_eq!(
            run(rule, FORM),
            ["expected type=\"hidden\", but it has no type"]
        );
    }

    #[test]
    fn counts_and_text_use_the_parsed_page() {
        let count = HtmlRule {
            select: "ul > li".into(),
            count: Some(2),
            ..HtmlRule::default()
        };
        assert_eq!(run(count, FORM), Vec::<String>::new());
        let text = HtmlRule {
            select: "li".into(),
            text: Some("Two words".into()),
            ..HtmlRule::default()
        };
        assert_eq!(run(text, FORM), Vec::<String>::new());
        let none = HtmlRule {
            select: "script".into(),
            count: Some(0),
            ..HtmlRule::default()
        };
        assert_eq!(
            run(none, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
            Vec::<String>::new()
        );
        let injected = HtmlRule {
            select: "script".into(),
            count: Some(0),
            ..HtmlRule::default()
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
