//! A small JavaScript lexer: enough to find operators, literals and
//! statements in a reference solution without mistaking the inside of a
//! string, comment, template or regular expression for code.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    /// A quoted string or a template literal.
    Str,
    Regex,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub range: Range<usize>,
}

const PUNCTS: &[&str] = &[
    ">>>=", "===", "!==", "**=", "...", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=",
    "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    "**", "<<", ">>", "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "%", "=",
];

/// Words after which a `/` starts a regular expression, not a division.
const BEFORE_REGEX: &[&str] = &[
    "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw",
    "yield", "await",
];

/// The tokens of `src`, comments and whitespace left out.
pub fn tokens(src: &str) -> Vec<Token> {
    let bytes = src.as_bytes();
    let mut out: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let kind;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        } else if src[i..].starts_with("//") {
            i = src[i..].find('\n').map_or(bytes.len(), |p| i + p);
            continue;
        } else if src[i..].starts_with("/*") {
            i = src[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |p| i + 2 + p + 2);
            continue;
        } else if c == b'"' || c == b'\'' {
            i = string_end(bytes, i);
            kind = Kind::Str;
        } else if c == b'`' {
            i = template_end(bytes, i);
            kind = Kind::Str;
        } else if c.is_ascii_digit()
            || (c == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            i += bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'.' || **b == b'_')
                .count();
            kind = Kind::Number;
        } else if is_word_byte(c) {
            i += bytes[i..].iter().take_while(|b| is_word_byte(**b)).count();
            kind = Kind::Word;
        } else if c == b'/' && regex_allowed(src, out.last()) {
            i = regex_end(bytes, i);
            kind = Kind::Regex;
        } else {
            let len = PUNCTS
                .iter()
                .find(|p| src[i..].starts_with(*p))
                .map_or_else(
                    || src[i..].chars().next().map_or(1, char::len_utf8),
                    |p| p.len(),
                );
            i += len;
            kind = Kind::Punct;
        }
        out.push(Token {
            kind,
            range: start..i,
        });
    }
    out
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

fn regex_allowed(src: &str, previous: Option<&Token>) -> bool {
    match previous {
        None => true,
        Some(t) => match t.kind {
            Kind::Punct => !matches!(&src[t.range.clone()], ")" | "]" | "}"),
            Kind::Word => BEFORE_REGEX.contains(&&src[t.range.clone()]),
            _ => false,
        },
    }
}

fn string_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' => return i,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of a template literal, its `${…}` holes (and any strings or
/// templates inside them) skipped whole.
fn template_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => return i + 1,
            b'$' if bytes.get(i + 1) == Some(&b'{') => i = hole_end(bytes, i + 2),
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of a `${…}` hole whose inside starts at `from`.
fn hole_end(bytes: &[u8], from: usize) -> usize {
    let mut depth = 0usize;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => i = string_end(bytes, i),
            b'`' => i = template_end(bytes, i),
            b'{' => {
                depth += 1;
                i += 1;
            }
            b'}' if depth == 0 => return i + 1,
            b'}' => {
                depth -= 1;
                i += 1;
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The holes of a template literal's text (`text` from its opening
/// backtick), as ranges within `text`.
pub fn template_holes(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut holes = Vec::new();
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'$' if bytes.get(i + 1) == Some(&b'{') => {
                let end = hole_end(bytes, i + 2);
                holes.push(i..end);
                i = end;
            }
            _ => i += 1,
        }
    }
    holes
}

fn regex_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    let mut in_class = false;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' => return i,
            b'[' => {
                in_class = true;
                i += 1;
            }
            b']' => {
                in_class = false;
                i += 1;
            }
            b'/' if !in_class => {
                i += 1;
                return i + bytes[i..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<&str> {
        tokens(src).into_iter().map(|t| &src[t.range]).collect()
    }

    #[test]
    fn strings_comments_templates_and_regexes_are_single_tokens() {
        let src = "const a = 'x < y'; // a < b\nconst r = /a\\/b[/]/g.test(`${n > 1} <`) / 2;";
        assert_eq!(
            texts(src),
            [
                "const",
                "a",
                "=",
                "'x < y'",
                ";",
                "const",
                "r",
                "=",
                "/a\\/b[/]/g",
                ".",
                "test",
                "(",
                "`${n > 1} <`",
                ")",
                "/",
                "2",
                ";"
            ]
        );
    }

    #[test]
    fn longest_operators_win() {
        assert_eq!(
            texts("a!==b&&c>=1"),
            ["a", "!==", "b", "&&", "c", ">=", "1"]
        );
    }

    #[test]
    fn template_holes_are_found_with_nested_braces() {
        let text = "`SELECT ${cols.map((c) => `${c}`).join()} FROM t WHERE a = ${ {a: 1}.a }`";
        let holes = template_holes(text);
        assert_eq!(holes.len(), 2);
        assert!(text[holes[0].clone()].starts_with("${cols"));
        assert_eq!(&text[holes[1].clone()], "${ {a: 1}.a }");
    }
}
