//! Links a lesson's terms to the glossary: the first mention of each term
//! in the prose (not in code, headings or an existing link) becomes a link
//! to `/glossary#<id>`, so a beginner is one click from a definition.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use crate::catalog::Term;

/// `events` with the first prose mention of each term linked.
pub fn link_terms<'a>(events: impl Iterator<Item = Event<'a>>, terms: &[Term]) -> Vec<Event<'a>> {
    let mut linked = vec![false; terms.len()];
    // Inside code, a heading or a link no term is linked.
    let mut shielded = 0usize;
    let mut out = Vec::new();
    for event in events {
        match &event {
            Event::Start(
                Tag::Heading { .. } | Tag::Link { .. } | Tag::CodeBlock(_) | Tag::Image { .. },
            ) => {
                shielded += 1;
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Link | TagEnd::CodeBlock | TagEnd::Image) => {
                shielded = shielded.saturating_sub(1);
            }
            Event::Text(text) if shielded == 0 => {
                split_text(text, terms, &mut linked, &mut out);
                continue;
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

/// Pushes `text` as text and links, linking each term not linked yet.
fn split_text<'a>(text: &str, terms: &[Term], linked: &mut [bool], out: &mut Vec<Event<'a>>) {
    let mut rest = text;
    while let Some((start, len, index)) = first_mention(rest, terms, linked) {
        linked[index] = true;
        if start > 0 {
            out.push(Event::Text(CowStr::from(rest[..start].to_string())));
        }
        let term = &terms[index];
        out.push(Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: CowStr::from(format!("/glossary#{}", term.id)),
            title: CowStr::from(format!("Glossary: {}", term.term)),
            id: CowStr::Borrowed(""),
        }));
        out.push(Event::Text(CowStr::from(
            rest[start..start + len].to_string(),
        )));
        out.push(Event::End(TagEnd::Link));
        rest = &rest[start + len..];
    }
    if !rest.is_empty() {
        out.push(Event::Text(CowStr::from(rest.to_string())));
    }
}

/// The earliest whole-word mention of a term not linked yet (the longest
/// spelling when two start together): its byte offset, length and term.
fn first_mention(text: &str, terms: &[Term], linked: &[bool]) -> Option<(usize, usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut best: Option<(usize, usize, usize)> = None;
    for (index, term) in terms.iter().enumerate().filter(|(i, _)| !linked[*i]) {
        for spelling in term.spellings() {
            let needle = spelling.to_ascii_lowercase();
            let Some(start) = find_word(&lower, &needle) else {
                continue;
            };
            let better = match best {
                None => true,
                Some((at, len, _)) => start < at || (start == at && needle.len() > len),
            };
            if better {
                best = Some((start, needle.len(), index));
            }
        }
    }
    best
}

/// The first place `needle` stands as whole words in `haystack`.
fn find_word(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut from = 0;
    while let Some(found) = haystack[from..].find(needle) {
        let start = from + found;
        let end = start + needle.len();
        let before = haystack[..start].chars().next_back();
        let after = haystack[end..].chars().next();
        if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
            return Some(start);
        }
        from = start + haystack[start..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::markdown::render_with_glossary;

    fn term(id: &str, term: &str, also: &[&str]) -> Term {
        Term {
            id: id.into(),
            term: term.into(),
            also: also.iter().map(|s| s.to_string()).collect(),
            lesson: None,
            definition: "d".into(),
            line: 1,
        }
    }

    #[test]
    fn the_first_prose_mention_of_each_term_is_linked() {
        let terms = [
            term("etag", "ETag", &["entity tag"]),
            term("idempotent", "Idempotent", &["idempotency"]),
        ];
        let html = render_with_glossary(
            "## ETag\n\nAn `ETag` in code is not linked. An etag is a label; another ETag is not linked again.\n\nIdempotency keys, [idempotent](/x).\n",
            &terms,
        );
        assert!(html.contains("<h2>ETag</h2>"), "{html}");
        assert!(html.contains("<code>ETag</code>"), "{html}");
        assert!(
            html.contains("An <a href=\"/glossary#etag\" title=\"Glossary: ETag\">etag</a> is a label; another ETag"),
            "{html}"
        );
        assert!(html.contains("<a href=\"/glossary#idempotent\" title=\"Glossary: Idempotent\">Idempotency</a> keys"), "{html}");
    }

    #[test]
    fn only_whole_words_match() {
        assert_eq!(find_word("hashes and hash", "hash"), Some(11));
        assert_eq!(find_word("rehash", "hash"), None);
        assert_eq!(find_word("a salt.", "salt"), Some(2));
    }
}
