//! What happened in a run, said in a beginner's words: each verdict names
//! what went wrong and where (file, line, column, statement), and suggests
//! the usual cause.

use std::time::Duration;

use serde::Serialize;

use super::limits::{Limits, human_bytes};

/// A place in the learner's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub file: String,
    pub line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            Some(column) => write!(f, "{} line {}, column {}", self.file, self.line, column),
            None => write!(f, "{} line {}", self.file, self.line),
        }
    }
}

/// When an error happened: while the file was loading, or in a handler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Loading,
    Handling,
}

/// The outcome of one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Verdict {
    /// The app answered (whatever the status).
    Ok,
    SyntaxError {
        /// The parser's own words; `VerdictView::message` says it all.
        #[serde(rename = "detail")]
        message: String,
        location: Option<Location>,
    },
    /// An uncaught exception: while loading, or in a handler (answered 500).
    Exception {
        name: String,
        #[serde(rename = "detail")]
        message: String,
        location: Option<Location>,
        phase: Phase,
    },
    SqlError {
        #[serde(rename = "detail")]
        message: String,
        sql: Option<String>,
        location: Option<Location>,
    },
    DatabaseFull {
        limit_bytes: u64,
        location: Option<Location>,
    },
    NoResponse {
        #[serde(rename = "detail")]
        message: String,
    },
    Timeout {
        limit_ms: u64,
    },
    QueryTimeout {
        sql: String,
    },
    OutOfMemory {
        limit_bytes: u64,
    },
    StackOverflow {
        location: Option<Location>,
    },
    ResponseTooLarge {
        limit_bytes: u64,
    },
    TooManyStatements {
        limit: u32,
    },
    TooManyHeaders {
        limit: u32,
        count: u32,
    },
    HeadersTooLarge {
        limit_bytes: u64,
        bytes: u64,
    },
    TooManyRows {
        limit: u32,
        sql: String,
    },
    /// The sandbox itself failed; not the learner's fault.
    Crash {
        detail: String,
    },
}

impl Verdict {
    pub fn is_ok(&self) -> bool {
        matches!(self, Self::Ok)
    }

    /// One or two sentences for the learner.
    pub fn message(&self) -> String {
        match self {
            Self::Ok => "Your app answered the request.".into(),
            Self::SyntaxError { message, location } => {
                format!(
                    "Syntax error{}: {message}. {}",
                    at(location),
                    syntax_hint(message)
                )
            }
            Self::Exception {
                name,
                message,
                location,
                phase,
            } => match phase {
                Phase::Loading => format!(
                    "Your file threw {name}: {message}{} while loading, before any request was handled.",
                    at(location)
                ),
                Phase::Handling => format!(
                    "Your handler threw {name}: {message}{}. The server answered 500 Internal Server Error.",
                    at(location)
                ),
            },
            Self::SqlError {
                message,
                sql,
                location,
            } => {
                let statement = sql
                    .as_deref()
                    .map(|s| format!(" in `{}`", one_line(s)))
                    .unwrap_or_default();
                format!("SQL error{statement}{}: {message}.", at(location))
            }
            Self::DatabaseFull {
                limit_bytes,
                location,
            } => format!(
                "The database is full{}: this exercise allows {}. Is a loop inserting rows without end?",
                at(location),
                human_bytes(*limit_bytes)
            ),
            Self::NoResponse { message } => format!("Your app did not answer: {message}."),
            Self::Timeout { limit_ms } => format!(
                "Your handler ran longer than {} — is there a loop that never ends?",
                human_duration(*limit_ms)
            ),
            Self::QueryTimeout { sql } => format!(
                "A query ran too long and was stopped: `{}` — is a recursive query missing the condition that ends it?",
                one_line(sql)
            ),
            Self::OutOfMemory { limit_bytes } => format!(
                "Your code used more than {} of memory — is an array or a string growing without end?",
                human_bytes(*limit_bytes)
            ),
            Self::StackOverflow { location } => format!(
                "A function called itself too many times (stack overflow){} — does your recursion have a case where it stops?",
                at(location)
            ),
            Self::ResponseTooLarge { limit_bytes } => format!(
                "The response was larger than {}, the most one answer may be. Send less, or page through it.",
                human_bytes(*limit_bytes)
            ),
            Self::TooManyStatements { limit } => format!(
                "Your handler ran more than {limit} SQL statements for one request — is a query inside a loop that never ends?"
            ),
            Self::TooManyHeaders { limit, count } => format!(
                "The response had {count} headers; one answer may have at most {limit}. Is res.set() or res.append() inside a loop?"
            ),
            Self::HeadersTooLarge { limit_bytes, bytes } => format!(
                "The response's headers came to {}, over the {} one answer may have. Is a header value growing without end?",
                human_bytes(*bytes),
                human_bytes(*limit_bytes)
            ),
            Self::TooManyRows { limit, sql } => format!(
                "A query returned more than {limit} rows: `{}` — add a WHERE or a LIMIT.",
                one_line(sql)
            ),
            Self::Crash { detail } => {
                format!("The sandbox failed: {detail}. This is a bug in Backlab, not in your code.")
            }
        }
    }
}

/// What a JavaScript syntax error usually means, in plain words.
fn syntax_hint(message: &str) -> &'static str {
    let lower = message.to_lowercase().replace("in expression: ", "");
    let hints: [(&str, &'static str); 8] = [
        (
            "unexpected end of string",
            "A string is missing its closing quote.",
        ),
        (
            "unexpected end of input",
            "The file ends too early: a closing `}`, `)` or `]` is probably missing.",
        ),
        (
            "unexpected token ''",
            "The file ends too early: a closing `}`, `)` or `]` is probably missing.",
        ),
        (
            "redefinition",
            "This name is already declared with let or const in the same block: give it another name, or drop the second `let`.",
        ),
        (
            "unexpected token ';'",
            "Something opened before the `;` was not closed: count the `(`, `{` and `[` before it.",
        ),
        (
            "unexpected token ')'",
            "There is one `)` too many, or something is missing before it.",
        ),
        (
            "unexpected token '}'",
            "There is one `}` too many, or a `)` or `]` inside it was never closed.",
        ),
        (
            "unexpected identifier",
            "A comma, an operator or a `;` is probably missing just before this word.",
        ),
    ];
    hints
        .iter()
        .find(|(pattern, _)| lower.contains(pattern))
        .map_or(
            "Look just before this point: a bracket, comma or quote is usually missing or extra.",
            |(_, hint)| hint,
        )
}

/// The verdict with its message, as reports show it. A verdict's own
/// text (the parser's, SQLite's) is its `detail`, so the JSON has one
/// `message`: this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerdictView {
    #[serde(flatten)]
    pub verdict: Verdict,
    pub message: String,
}

impl From<&Verdict> for VerdictView {
    fn from(verdict: &Verdict) -> Self {
        Self {
            verdict: verdict.clone(),
            message: verdict.message(),
        }
    }
}

fn at(location: &Option<Location>) -> String {
    location
        .as_ref()
        .map(|l| format!(" at {l}"))
        .unwrap_or_default()
}

fn one_line(sql: &str) -> String {
    let flat = crate::sqltext::one_line(sql);
    match flat.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat,
    }
}

fn human_duration(ms: u64) -> String {
    if ms.is_multiple_of(1000) {
        format!("{} s", ms / 1000)
    } else {
        format!("{ms} ms")
    }
}

/// The first place in `file` that a JavaScript stack trace mentions, e.g.
/// `    at handler (app.js:4:11)` gives line 4, column 11.
pub fn locate(stack: &str, file: &str) -> Option<Location> {
    let needle = format!("{file}:");
    stack.lines().find_map(|line| {
        let start = line.find(&needle)? + needle.len();
        let mut numbers = line[start..].split(|c: char| !c.is_ascii_digit());
        let line_no = numbers.next()?.parse().ok()?;
        let column = numbers.next().and_then(|n| n.parse().ok());
        Some(Location {
            file: file.to_string(),
            line: line_no,
            column,
        })
    })
}

/// The limit a timeout verdict reports.
pub fn timeout(limits: &Limits) -> Verdict {
    Verdict::Timeout {
        limit_ms: duration_ms(limits.timeout),
    }
}

fn duration_ms(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_reads_line_and_column() {
        let stack = "    at fail (backlab:prelude:10:3)\n    at handler (app.js:4:11)\n";
        assert_eq!(
            locate(stack, "app.js"),
            Some(Location {
                file: "app.js".into(),
                line: 4,
                column: Some(11)
            })
        );
    }

    #[test]
    fn locate_accepts_a_line_without_column() {
        assert_eq!(
            locate("    at app.js:7\n", "app.js").map(|l| l.line),
            Some(7)
        );
        assert_eq!(locate("    at other.js:7\n", "app.js"), None);
    }

    #[test]
    fn timeout_reads_like_the_brief() {
        let message = timeout(&Limits::default()).message();
        assert_eq!(
            message,
            "Your handler ran longer than 1 s — is there a loop that never ends?"
        );
    }

    #[test]
    fn long_sql_is_shortened_to_one_line() {
        let sql = format!("SELECT\n  {}", "x, ".repeat(100));
        let shown = one_line(&sql);
        assert!(
            shown.starts_with("SELECT x, x,") && shown.ends_with('…'),
            "{shown}"
        );
    }
}
