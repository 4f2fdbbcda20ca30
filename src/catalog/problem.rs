//! A problem with a course file, named by file and line, the way authors
//! (and `backlab check`) see every load error.

use std::fmt;

use crate::sqltext::line_of;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The path in the course, e.g. `exercises/hello/exercise.toml`.
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

impl Problem {
    pub fn new(file: &str, line: Option<u32>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    /// A problem at a byte offset of the file's text.
    pub fn at(file: &str, text: &str, offset: usize, message: impl Into<String>) -> Self {
        Self::new(file, Some(line_of(text, offset)), message)
    }

    /// A TOML error, at its line; `first_line` is where the TOML starts in
    /// the file (front matter starts on line 2).
    pub fn toml(file: &str, text: &str, first_line: u32, error: &toml::de::Error) -> Self {
        let line = error.span().map_or(1, |span| line_of(text, span.start));
        let raw = plain_types(error.message().trim_end()).replace('\n', " ");
        let message = slip(text, line, &raw).unwrap_or(raw);
        Self::new(file, Some(line + first_line - 1), message)
    }
}

/// serde's Rust type names ("expected i64") in the words a beginner and an
/// instructor use ("expected a whole number").
fn plain_types(message: &str) -> String {
    const NAMES: [(&str, &str); 9] = [
        ("expected i64", "expected a whole number"),
        ("expected u64", "expected a whole number, 0 or more"),
        ("expected u32", "expected a whole number, 0 or more"),
        ("expected u16", "expected a whole number, 0 or more"),
        ("expected usize", "expected a whole number, 0 or more"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected a list in [brackets]"),
        ("expected a map", "expected a table in {braces}"),
        ("expected a boolean", "expected true or false"),
    ];
    let mut out = message.to_string();
    for (rust, words) in NAMES {
        out = out.replace(rust, words);
    }
    out
}

/// The TOML mistakes authors make most, said in words: `null` (TOML has
/// none), and a key written below a `[table]` header, which makes it part
/// of that table.
fn slip(text: &str, line: u32, raw: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let here = lines.get(line as usize - 1)?;
    let outside_strings: String = here.split('"').step_by(2).collect();
    if outside_strings
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|w| w == "null")
    {
        return Some(
            "TOML has no null: write {} for a NULL in `rows` (an SQL NULL), or leave the key out"
                .into(),
        );
    }
    let key = raw.strip_prefix("unknown field `")?.split('`').next()?;
    let header = lines[..line as usize - 1]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| l.starts_with('['))?;
    (!header.starts_with("[[")).then(|| {
        format!(
            "`{key}` is read as part of {header}, the table above it: in TOML every key after a [table] header belongs to that table. Move `{key}` above {header}"
        )
    })
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
