//! Lesson and exercise text, from Markdown to HTML. Raw HTML in the source is
//! shown as text rather than run: a lesson about XSS must be able to write
//! `<script>` and have the reader see it. Code blocks keep their language as
//! a `language-…` class, which the page script highlights.

use pulldown_cmark::{Event, Options, Parser, html};

/// The HTML for `source`.
pub fn render(source: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(source, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn code_blocks_keep_their_language() {
        let html = render("Try it:\n\n```js\napp.get(\"/\", h);\n```\n");
        assert!(
            html.contains("<pre><code class=\"language-js\">app.get(&quot;/&quot;, h);\n</code></pre>"),
            "{html}"
        );
    }

    #[test]
    fn raw_html_is_shown_not_run() {
        let html = render("A name like <script>alert(1)</script> must be escaped.\n\n<div onclick=x>\n");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(html.contains("&lt;div onclick=x&gt;"), "{html}");
    }

    #[test]
    fn tables_and_inline_code() {
        let html = render("| code | meaning |\n|---|---|\n| `404` | not found |\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<code>404</code>"), "{html}");
    }
}
