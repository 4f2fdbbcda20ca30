//! The injection detector: a request value that shows up inside the text of
//! an SQL statement was spliced in, not bound as a parameter. The trace
//! shows every statement with its text, so this is caught even when the
//! value was harmless and no attack landed.

use super::report::CheckReport;
use crate::sandbox::trace::Trace;
use crate::sqltext::{Token, one_line, tokens};

/// A value the test sent, and where in the request it was.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestValue {
    /// e.g. "the JSON field `username`"
    pub origin: String,
    pub value: String,
}

const CHECK: &str = "request values reach SQL as parameters";

/// Fails when any value appears spliced into any statement of the trace.
pub fn check(values: &[RequestValue], trace: &Trace) -> CheckReport {
    let statements: Vec<&str> = trace.sql().map(|call| call.sql.as_str()).collect();
    for sql in &statements {
        let tokens = tokens(sql);
        if let Some(found) = values.iter().find(|v| spliced_in(&v.value, sql, &tokens)) {
            let diff = vec![
                format!(
                    "{} ({:?}) was written into the SQL text instead of being passed as a parameter: {}",
                    found.origin,
                    found.value,
                    one_line(sql)
                ),
                "put a placeholder where the value goes and pass the value separately: db.prepare(\"… WHERE name = ?\").get(value)".into(),
            ];
            return CheckReport::new(
                CHECK,
                "every request value bound with a placeholder",
                *sql,
                diff,
            );
        }
    }
    let actual = format!(
        "{} statement(s), none with a request value in its text",
        statements.len()
    );
    CheckReport::new(
        CHECK,
        "every request value bound with a placeholder",
        actual,
        Vec::new(),
    )
}

/// Whether `value` was spliced into `sql`: it is (part of) a string literal,
/// a number compared against, or an attack payload copied in verbatim.
pub fn spliced(value: &str, sql: &str) -> bool {
    spliced_in(value, sql, &tokens(sql))
}

/// `spliced`, with the statement already split into tokens (once for all
/// the values checked against it).
fn spliced_in(value: &str, sql: &str, tokens: &[(usize, Token<'_>)]) -> bool {
    let value = value.trim();
    if value.is_empty() {
        return false;
    }
    let payload = ['\'', '"', ';'].iter().any(|c| value.contains(*c)) || value.contains("--");
    if payload && sql.contains(value) {
        return true;
    }
    let numeric = value.parse::<f64>().is_ok();
    tokens
        .iter()
        .enumerate()
        .any(|(i, (_, token))| match token {
            Token::Str(literal) => {
                literal == value || (value.chars().count() >= 3 && literal.contains(value))
            }
            Token::Number(number) if numeric && *number == value => used_as_value(tokens, i),
            _ => false,
        })
}

/// Whether the number at `i` stands where a value goes: compared, computed
/// with, in a list or `VALUES`, inside any parentheses; not a `LIMIT` or
/// `OFFSET` the code wrote itself.
fn used_as_value(tokens: &[(usize, Token<'_>)], i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        j -= 1;
        match tokens[j].1 {
            Token::Symbol("(") => continue,
            Token::Symbol(op) => {
                return matches!(
                    op,
                    "=" | "=="
                        | "!="
                        | "<>"
                        | "<"
                        | ">"
                        | "<="
                        | ">="
                        | "+"
                        | "-"
                        | "*"
                        | "/"
                        | "%"
                        | ","
                );
            }
            Token::Word(word) => {
                let word = word.to_ascii_uppercase();
                return matches!(
                    word.as_str(),
                    "IN" | "BETWEEN" | "AND" | "OR" | "NOT" | "VALUES" | "IS" | "LIKE"
                );
            }
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bound_parameter_is_not_spliced() {
        assert!(!spliced("alice", "SELECT * FROM users WHERE name = ?"));
        assert!(!spliced("1", "SELECT * FROM todos LIMIT 1"));
    }

    #[test]
    fn harmless_values_in_literals_are_caught() {
        assert!(spliced("alice", "SELECT * FROM users WHERE name = 'alice'"));
        assert!(spliced(
            "milk",
            "INSERT INTO todos (title) VALUES ('buy milk')"
        ));
        assert!(spliced("42", "SELECT * FROM todos WHERE id = 42"));
    }

    #[test]
    fn a_landed_payload_is_caught() {
        let payload = "' OR '1'='1";
        assert!(spliced(
            payload,
            &format!("SELECT * FROM users WHERE name = '{payload}'")
        ));
    }

    #[test]
    fn numbers_are_found_wherever_a_value_goes() {
        assert!(spliced("1500", "SELECT * FROM p WHERE price <= (1500)"));
        assert!(spliced("7", "SELECT * FROM p WHERE id IN (3, 7)"));
        assert!(spliced("7", "INSERT INTO t (a, b) VALUES ('x', 7)"));
        assert!(spliced("7", "INSERT INTO t (a) VALUES (7)"));
        assert!(spliced("2", "SELECT price * 2 FROM p"));
        assert!(!spliced("20", "SELECT * FROM p LIMIT 20"));
        assert!(!spliced("20", "SELECT * FROM p LIMIT ? OFFSET 20"));
    }

    #[test]
    fn short_values_need_a_whole_literal() {
        assert!(!spliced("a", "SELECT * FROM t WHERE kind = 'abc'"));
        assert!(spliced("a", "SELECT * FROM t WHERE kind = 'a'"));
    }
}
