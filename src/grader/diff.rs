//! Readable differences: JSON by path (what is missing, extra, or not equal),
//! text line by line, so a learner sees at once what to change.

use serde_json::Value;
use similar::{ChangeTag, TextDiff};

use crate::catalog::JsonPath;

/// Lines of difference shown at most.
const MAX_LINES: usize = 30;

/// Whether two JSON values are equal, numbers compared by value (1 == 1.0).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The differences between `expected` and `actual`; empty when they match.
/// With `subset`, `actual` may have more keys, and each expected array item
/// needs only to match some item of the actual array.
pub fn json(expected: &Value, actual: &Value, subset: bool) -> Vec<String> {
    let mut out = Vec::new();
    walk(&JsonPath::default(), expected, actual, subset, &mut out);
    cap(out)
}

fn walk(path: &JsonPath, expected: &Value, actual: &Value, subset: bool, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                match a.get(key) {
                    Some(found) => walk(&path.key(key), value, found, subset, out),
                    None => out.push(format!(
                        "{} is missing (expected {})",
                        path.key(key),
                        short(value)
                    )),
                }
            }
            if !subset {
                for (key, value) in a.iter().filter(|(k, _)| !e.contains_key(*k)) {
                    out.push(format!(
                        "{} should not be there (it is {})",
                        path.key(key),
                        short(value)
                    ));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if subset => {
            for item in e {
                if !a
                    .iter()
                    .any(|candidate| json(item, candidate, true).is_empty())
                {
                    out.push(format!("{path} has no item like {}", short(item)));
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!(
                    "{path} has {} item(s), expected {}",
                    a.len(),
                    e.len()
                ));
            }
            for (i, (x, y)) in e.iter().zip(a).enumerate() {
                walk(&path.index(i), x, y, subset, out);
            }
        }
        _ if same(expected, actual) => {}
        _ => out.push(format!(
            "{path}: expected {}, got {}",
            short(expected),
            short(actual)
        )),
    }
}

/// A value in one short line.
pub fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text,
    }
}

/// The difference between two texts: one line when both are one line,
/// else the changed lines marked `-` (expected) and `+` (actual).
pub fn text(expected: &str, actual: &str) -> Vec<String> {
    if expected == actual {
        return Vec::new();
    }
    if !expected.contains('\n') && !actual.contains('\n') {
        return vec![format!(
            "expected {}, got {}",
            quote(expected),
            quote(actual)
        )];
    }
    let diff = TextDiff::from_lines(expected, actual);
    let lines = diff
        .iter_all_changes()
        .filter(|c| c.tag() != ChangeTag::Equal)
        .map(|change| {
            let sign = if change.tag() == ChangeTag::Delete {
                "-"
            } else {
                "+"
            };
            format!("{sign} {}", change.value().trim_end_matches('\n'))
        })
        .collect();
    cap(lines)
}

fn quote(text: &str) -> String {
    short(&Value::String(text.to_string()))
}

fn cap(mut lines: Vec<String>) -> Vec<String> {
    if lines.len() > MAX_LINES {
        let more = lines.len() - MAX_LINES;
        lines.truncate(MAX_LINES);
        lines.push(format!("… and {more} more"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn equal_json_has_no_difference() {
        assert!(json(&json!({"a": [1, 2.0]}), &json!({"a": [1.0, 2]}), false).is_empty());
    }

    #[test]
    fn json_differences_name_their_path() {
        let expected = json!({"user": {"name": "Ada", "age": 36}, "tags": ["a", "b"]});
        let actual = json!({"user": {"name": "ada", "admin": true}, "tags": ["a"]});
        assert_eq!(
            json(&expected, &actual, false),
            vec![
                "user.name: expected \"Ada\", got \"ada\"",
                "user.age is missing (expected 36)",
                "user.admin should not be there (it is true)",
                "tags has 1 item(s), expected 2",
            ]
        );
    }

    #[test]
    fn subset_ignores_extra_keys_and_finds_items_anywhere() {
        let actual =
            json!({"id": 3, "items": [{"id": 1, "title": "milk"}, {"id": 2, "title": "eggs"}]});
        assert!(json(&json!({"items": [{"title": "eggs"}]}), &actual, true).is_empty());
        assert_eq!(
            json(&json!({"items": [{"title": "tea"}]}), &actual, true),
            vec!["items has no item like {\"title\":\"tea\"}"]
        );
    }

    #[test]
    fn a_type_change_at_the_root_is_one_line() {
        assert_eq!(
            json(&json!([1]), &json!({"error": "x"}), false),
            vec!["the body: expected [1], got {\"error\":\"x\"}"]
        );
    }

    #[test]
    fn text_differences_mark_lines() {
        assert_eq!(
            text("hello", "hullo"),
            vec!["expected \"hello\", got \"hullo\""]
        );
        assert_eq!(text("a\nb\nc\n", "a\nB\nc\n"), vec!["- b", "+ B"]);
    }
}
