//! A small SQL lexer: enough to split a script into statements (so a failing
//! seed names its line) and to find the literals in a statement (so the
//! grader can tell a value spliced into SQL text from a bound parameter).

/// One token of SQL text, with comments and whitespace left out.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    /// A `'quoted'` string literal, its doubled quotes undone.
    Str(String),
    /// A keyword or name, `"quoted"` and `[bracketed]` names included.
    Word(&'a str),
    Number(&'a str),
    /// `?`, `?1`, `:name`, `@name` or `$name`.
    Placeholder(&'a str),
    /// An operator or punctuation, e.g. `=`, `<>`, `(`.
    Symbol(&'a str),
    Semicolon,
}

/// The tokens of `sql`, each with the byte offset where it starts.
pub fn tokens(sql: &str) -> Vec<(usize, Token<'_>)> {
    let bytes = sql.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let c = bytes[i];
        i = match c {
            b if b.is_ascii_whitespace() => i + 1,
            b'-' if bytes.get(i + 1) == Some(&b'-') => until(bytes, i, b"\n"),
            b'/' if bytes.get(i + 1) == Some(&b'*') => until(bytes, i + 2, b"*/"),
            b'\'' => {
                let end = quoted_end(bytes, i, b'\'');
                let closed = end > i + 1 && bytes[end - 1] == b'\'';
                let inner = &sql[i + 1..if closed { end - 1 } else { end }];
                out.push((start, Token::Str(inner.replace("''", "'"))));
                end
            }
            b'"' | b'`' | b'[' => {
                let close = if c == b'[' { b']' } else { c };
                let end = quoted_end(bytes, i, close);
                out.push((start, Token::Word(&sql[start..end])));
                end
            }
            b';' => {
                out.push((start, Token::Semicolon));
                i + 1
            }
            b'?' | b':' | b'@' | b'$' => {
                let end = word_end(bytes, i + 1);
                out.push((start, Token::Placeholder(&sql[start..end])));
                end
            }
            b if b.is_ascii_digit() || (b == b'.' && next_is_digit(bytes, i)) => {
                let end = number_end(bytes, i);
                out.push((start, Token::Number(&sql[start..end])));
                end
            }
            b if is_word_byte(b) => {
                let end = word_end(bytes, i);
                out.push((start, Token::Word(&sql[start..end])));
                end
            }
            _ => {
                let end = symbol_end(sql, i);
                out.push((start, Token::Symbol(&sql[start..end])));
                end
            }
        };
    }
    out
}

/// The statements of a script: for each, the byte offset of its first token
/// and its text up to and including its `;`.
pub fn statements(sql: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut first = None;
    for (offset, token) in tokens(sql) {
        let start = *first.get_or_insert(offset);
        if token == Token::Semicolon {
            out.push((start, &sql[start..=offset]));
            first = None;
        }
    }
    if let Some(start) = first {
        out.push((start, &sql[start..]));
    }
    out
}

/// The statement on one line, its runs of whitespace made single spaces.
pub fn one_line(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> u32 {
    let before = &text.as_bytes()[..offset.min(text.len())];
    u32::try_from(before.iter().filter(|&&b| b == b'\n').count() + 1).unwrap_or(u32::MAX)
}

fn until(bytes: &[u8], from: usize, end: &[u8]) -> usize {
    bytes[from..]
        .windows(end.len())
        .position(|w| w == end)
        .map_or(bytes.len(), |p| from + p + end.len())
}

/// The end of a quoted run starting at `start`, where a doubled quote stands
/// for itself.
fn quoted_end(bytes: &[u8], start: usize, close: u8) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        if bytes[i] == close {
            if close != b']' && bytes.get(i + 1) == Some(&close) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        i += 1;
    }
    bytes.len()
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn word_end(bytes: &[u8], from: usize) -> usize {
    from + bytes[from..]
        .iter()
        .take_while(|&&b| is_word_byte(b))
        .count()
}

fn next_is_digit(bytes: &[u8], i: usize) -> bool {
    bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
}

fn number_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        let exponent_sign = (b == b'+' || b == b'-') && matches!(bytes[i - 1], b'e' | b'E');
        if !(b.is_ascii_alphanumeric() || b == b'.' || exponent_sign) {
            break;
        }
        i += 1;
    }
    i
}

fn symbol_end(sql: &str, i: usize) -> usize {
    const TWO: [&str; 7] = ["<>", "<=", ">=", "==", "!=", "||", "->"];
    if sql.get(i..i + 2).is_some_and(|s| TWO.contains(&s)) {
        return i + 2;
    }
    i + sql[i..].chars().next().map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_numbers_and_placeholders_are_told_apart() {
        let sql = "SELECT * FROM users WHERE name = 'O''Brien' AND id = 42 AND x = ? -- 'no'";
        let tokens: Vec<Token> = tokens(sql).into_iter().map(|(_, t)| t).collect();
        assert!(tokens.contains(&Token::Str("O'Brien".into())));
        assert!(tokens.contains(&Token::Number("42")));
        assert!(tokens.contains(&Token::Placeholder("?")));
        assert!(
            !tokens.contains(&Token::Str("no".into())),
            "comments are skipped"
        );
    }

    #[test]
    fn scripts_split_on_semicolons_outside_quotes_and_comments() {
        let script =
            "CREATE TABLE t (a TEXT);\n-- a; comment\nINSERT INTO t VALUES ('x;y');\nSELECT 1";
        let parts: Vec<(u32, &str)> = statements(script)
            .into_iter()
            .map(|(offset, text)| (line_of(script, offset), text))
            .collect();
        assert_eq!(
            parts,
            vec![
                (1, "CREATE TABLE t (a TEXT);"),
                (3, "INSERT INTO t VALUES ('x;y');"),
                (4, "SELECT 1"),
            ]
        );
    }

    #[test]
    fn unterminated_quotes_end_at_the_end_of_text() {
        assert_eq!(tokens("'abc"), vec![(0, Token::Str("abc".into()))]);
    }
}
