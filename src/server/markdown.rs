//! Lesson and exercise text, from Markdown to HTML. Raw HTML in the source is
//! shown as text rather than run: a lesson about XSS must be able to write
//! `<script>` and have the reader see it. Code blocks keep their language as
//! a `language-…` class, which the page script highlights. A leading `# Title`
//! is dropped: the page already shows the title from the front matter.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::catalog::Term;

/// The HTML for `source`.
pub fn render(source: &str) -> String {
    render_with_glossary(source, &[])
}

/// The HTML for `source`, with the first mention of each glossary term
/// linked to its definition.
pub fn render_with_glossary(source: &str, terms: &[Term]) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut parser = Parser::new_ext(source, options).peekable();
    if let Some(Event::Start(Tag::Heading {
        level: HeadingLevel::H1,
        ..
    })) = parser.peek()
    {
        for event in parser.by_ref() {
            if matches!(event, Event::End(TagEnd::Heading(_))) {
                break;
            }
        }
    }
    let events = parser.map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(source.len() * 3 / 2);
    if terms.is_empty() {
        html::push_html(&mut out, events);
    } else {
        let linked = super::glossary_links::link_terms(events, terms);
        html::push_html(&mut out, linked.into_iter());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn code_blocks_keep_their_language() {
        let html = render("Try it:\n\n```js\napp.get(\"/\", h);\n```\n");
        assert!(
            html.contains("<pre><code class=\"language-js\">app.get(\"/\", h);\n</code></pre>"),
            "{html}"
        );
    }

    #[test]
    fn raw_html_is_shown_not_run() {
        let html =
            render("A name like <script>alert(1)</script> must be escaped.\n\n<div onclick=x>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("&lt;div onclick=x&gt;"), "{html}");
    }

    #[test]
    fn a_leading_title_is_dropped_but_later_ones_stay() {
        let html = render("# Say hello\n\nWrite a route.\n\n# Later\n");
        assert_eq!(html, "<p>Write a route.</p>\n<h1>Later</h1>\n");
    }

    #[test]
    fn tables_and_inline_code() {
        let html = render("| code | meaning |\n|---|---|\n| `404` | not found |\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<code>404</code>"), "{html}");
    }
}
