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
        let message = error.message().trim_end().replace('\n', " ");
        Self::new(file, Some(line + first_line - 1), message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
