//! The course's glossary, `lessons/glossary.toml`: one entry per term a
//! beginner meets (idempotent, ETag, CSRF, …). The glossary page lists
//! them, search finds them, and lessons link each term's first mention.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::{Problem, is_slug};

/// Where the glossary lives in a course folder.
pub const PATH: &str = "lessons/glossary.toml";

/// One term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    /// The anchor on the glossary page: `/glossary#<id>`.
    pub id: String,
    pub term: String,
    /// Other spellings that link here too (`idempotency`).
    pub also: Vec<String>,
    /// The id of the lesson that teaches it.
    pub lesson: Option<String>,
    /// Markdown.
    pub definition: String,
    /// The line of its `[[terms]]` header, for problems found later.
    #[serde(skip)]
    pub line: u32,
}

impl Term {
    /// Every spelling that links to the term, the term itself first.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str()).chain(self.also.iter().map(String::as_str))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    terms: Vec<Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    term: String,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    lesson: Option<String>,
    definition: String,
}

/// Parses the glossary; every problem names its line. Lesson ids are
/// checked by the caller, once every lesson is known.
pub fn load(text: &str) -> Result<Vec<Term>, Vec<Problem>> {
    let file: File = toml::from_str(text).map_err(|e| vec![Problem::toml(PATH, text, 1, &e)])?;
    let mut problems = Vec::new();
    let mut terms: Vec<Term> = Vec::new();
    for entry in file.terms {
        let line = crate::sqltext::line_of(text, entry.span().start);
        let entry = entry.into_inner();
        let mut problem = |message: String| problems.push(Problem::new(PATH, Some(line), message));
        if !is_slug(&entry.id) {
            problem(format!(
                "the id {:?} must be lowercase words joined by dashes (it is the term's address, /glossary#{})",
                entry.id,
                entry.id.to_lowercase().replace(' ', "-")
            ));
        }
        if let Some(other) = terms.iter().find(|t| t.id == entry.id) {
            problem(format!(
                "the id {:?} is also used on line {}",
                entry.id, other.line
            ));
        }
        if entry.term.trim().is_empty() || entry.definition.trim().is_empty() {
            problem("a term needs a `term` and a `definition`".into());
        }
        terms.push(Term {
            id: entry.id,
            term: entry.term.trim().to_string(),
            also: entry.also.iter().map(|a| a.trim().to_string()).collect(),
            lesson: entry.lesson,
            definition: entry.definition.trim().to_string(),
            line,
        });
    }
    terms.sort_by_key(|t| t.term.to_lowercase());
    if problems.is_empty() {
        Ok(terms)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_load_sorted_with_their_spellings() {
        let text = "[[terms]]\nid = \"xss\"\nterm = \"XSS\"\ndefinition = \"Script from someone else.\"\n\n\
                    [[terms]]\nid = \"etag\"\nterm = \"ETag\"\nalso = [\"entity tag\"]\nlesson = \"caching\"\ndefinition = \"A version label.\"\n";
        let terms = load(text).unwrap();
        assert_eq!(terms[0].id, "etag");
        assert_eq!(terms[0].line, 6);
        assert_eq!(
            terms[0].spellings().collect::<Vec<_>>(),
            ["ETag", "entity tag"]
        );
        assert_eq!(terms[1].term, "XSS");
    }

    #[test]
    fn a_bad_or_repeated_id_is_named_at_its_line() {
        let text = "[[terms]]\nid = \"etag\"\nterm = \"ETag\"\ndefinition = \"x\"\n\n\
                    [[terms]]\nid = \"etag\"\nterm = \"Entity tag\"\ndefinition = \"y\"\n\n\
                    [[terms]]\nid = \"Big Word\"\nterm = \"Big\"\ndefinition = \"z\"\n";
        let problems: Vec<String> = load(text)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0]
                .starts_with("lessons/glossary.toml:6: the id \"etag\" is also used on line 1"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("lessons/glossary.toml:11: the id \"Big Word\""),
            "{problems:?}"
        );
    }
}
