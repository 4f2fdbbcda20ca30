//! Search over the course: lessons, exercises and glossary terms, ranked
//! by where the words appear (a title counts more than the body), each
//! result with a snippet around its first match.

use serde::Serialize;

use crate::catalog::Catalog;

/// Results shown at most.
const LIMIT: usize = 30;
/// Characters of context either side of a snippet's match.
const CONTEXT: usize = 80;

#[derive(Debug, Serialize)]
pub struct Hit {
    /// "Lesson", "Exercise" or "Glossary".
    pub kind: &'static str,
    pub title: String,
    pub href: String,
    pub snippet: Snippet,
    #[serde(skip)]
    score: usize,
}

/// A piece of text with the match marked: `before`, `matched`, `after`.
#[derive(Debug, Default, Serialize)]
pub struct Snippet {
    pub before: String,
    pub matched: String,
    pub after: String,
}

/// Everything that holds every word of `query`, best first.
pub fn search(catalog: &Catalog, query: &str) -> Vec<Hit> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty())
        .take(8)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let lessons = catalog.lessons.iter().map(|l| Doc {
        kind: "Lesson",
        title: &l.title,
        href: format!("/lessons/{}", l.id.0),
        summary: &l.summary,
        body: &l.body,
    });
    let exercises = catalog.exercises.iter().map(|e| Doc {
        kind: "Exercise",
        title: &e.title,
        href: format!("/exercises/{}", e.id.0),
        summary: "",
        body: &e.readme,
    });
    let terms = catalog.glossary.iter().map(|t| Doc {
        kind: "Glossary",
        title: &t.term,
        href: format!("/glossary#{}", t.id),
        summary: "",
        body: &t.definition,
    });
    let mut hits: Vec<Hit> = lessons
        .chain(exercises)
        .chain(terms)
        .filter_map(|doc| doc.hit(&words))
        .collect();
    hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.title.cmp(&b.title)));
    hits.truncate(LIMIT);
    hits
}

struct Doc<'a> {
    kind: &'static str,
    title: &'a str,
    href: String,
    summary: &'a str,
    body: &'a str,
}

impl Doc<'_> {
    fn hit(self, words: &[String]) -> Option<Hit> {
        let title = self.title.to_lowercase();
        let summary = self.summary.to_lowercase();
        let body = plain(self.body);
        let lower_body = body.to_lowercase();
        let mut score = 0;
        for word in words {
            let in_title = title.matches(word.as_str()).count();
            let in_summary = summary.matches(word.as_str()).count();
            let in_body = lower_body.matches(word.as_str()).count();
            if in_title + in_summary + in_body == 0 {
                return None;
            }
            score += 20 * in_title + 5 * in_summary + in_body.min(10);
        }
        let text = if self.summary.is_empty() {
            body.as_str()
        } else {
            self.summary
        };
        let snippet = snippet(text, &words[0])
            .or_else(|| snippet(&body, &words[0]))
            .unwrap_or_else(|| Snippet {
                before: cut(text, 2 * CONTEXT),
                ..Snippet::default()
            });
        Some(Hit {
            kind: self.kind,
            title: self.title.to_string(),
            href: self.href,
            snippet,
            score,
        })
    }
}

/// Markdown as plain text for snippets: no markup characters, one line.
fn plain(markdown: &str) -> String {
    let text: String = markdown
        .lines()
        .filter(|l| !l.trim_start().starts_with("```"))
        .map(|l| l.trim_start_matches(['#', '>', ' ']))
        .collect::<Vec<_>>()
        .join(" ");
    text.replace(['`', '*'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text around the first mention of `word`, when it has one.
fn snippet(text: &str, word: &str) -> Option<Snippet> {
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths outside ASCII; use the match
    // only when the offsets still line up.
    let start = lower.find(word).filter(|_| lower.len() == text.len())?;
    let end = start + word.len();
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let mut from = start.saturating_sub(CONTEXT);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + CONTEXT).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let ellipsis = |yes: bool| if yes { "…" } else { "" };
    Some(Snippet {
        before: format!("{}{}", ellipsis(from > 0), &text[from..start]),
        matched: text[start..end].to_string(),
        after: format!("{}{}", &text[end..to], ellipsis(to < text.len())),
    })
}

fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Files;

    #[test]
    fn every_word_must_match_and_titles_rank_first() {
        let catalog = Catalog::load(&Files::builtin()).unwrap();
        let hits = search(&catalog, "SQL injection");
        assert!(!hits.is_empty());
        assert!(
            hits[0].title.to_lowercase().contains("injection"),
            "{:?}",
            hits[0]
        );
        assert!(
            hits.iter()
                .all(|h| h.kind != "Lesson" || !h.href.is_empty())
        );
        assert!(search(&catalog, "injection zzzqqq").is_empty());
        assert!(search(&catalog, "   ").is_empty());
    }

    #[test]
    fn a_snippet_marks_the_match_with_context() {
        let s = snippet("Sessions keep a user signed in between requests.", "signed").unwrap();
        assert_eq!(
            (s.before.as_str(), s.matched.as_str()),
            ("Sessions keep a user ", "signed")
        );
        assert_eq!(s.after, " in between requests.");
        assert!(snippet("Crème brûlée", "brûlée").is_some());
        assert!(snippet("nothing here", "absent").is_none());
    }
}
