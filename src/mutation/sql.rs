//! Mutants of SQL, in a `.sql` file or inside a JavaScript string:
//! `AND`↔`OR`, dropped WHERE/ON/HAVING conditions, comparisons, `ASC`↔`DESC`,
//! `LIMIT`/`OFFSET` ±1, `DISTINCT`, `GROUP BY` columns, `NOT`, `LEFT JOIN`,
//! grouping parentheses, and whole statements of a script.

use std::ops::Range;

use super::{Edit, snippet};
use crate::sqltext::{self, Token};

/// One token with where it ends; string literals are never edited, so
/// theirs is only their first byte.
struct Tok<'a> {
    range: Range<usize>,
    token: Token<'a>,
}

impl Tok<'_> {
    fn word(&self) -> Option<String> {
        match &self.token {
            Token::Word(w) => Some(w.to_ascii_uppercase()),
            _ => None,
        }
    }

    fn is_word(&self, word: &str) -> bool {
        matches!(&self.token, Token::Word(w) if w.eq_ignore_ascii_case(word))
    }

    fn symbol(&self) -> &str {
        match &self.token {
            Token::Symbol(s) => s,
            Token::Semicolon => ";",
            _ => "",
        }
    }
}

/// Words that start a statement, or a clause that ends a condition list.
const STATEMENTS: &[&str] = &[
    "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "CREATE", "REPLACE", "ALTER", "DROP",
];
const CLAUSE_ENDS: &[&str] = &[
    "GROUP",
    "ORDER",
    "LIMIT",
    "OFFSET",
    "HAVING",
    "WINDOW",
    "RETURNING",
    "UNION",
    "EXCEPT",
    "INTERSECT",
    "WHERE",
    "JOIN",
    "LEFT",
    "INNER",
    "CROSS",
    "RIGHT",
    "FULL",
    "NATURAL",
    "SET",
    "FROM",
    "VALUES",
    "DO",
    "ON",
    "SELECT",
];
/// Words after which `(` groups a condition rather than calling a function.
const GROUPING: &[&str] = &[
    "WHERE", "AND", "OR", "NOT", "ON", "HAVING", "WHEN", "THEN", "ELSE",
];

/// Whether a string holds SQL worth mutating.
pub(super) fn looks_like_sql(text: &str) -> bool {
    let toks = sqltext::tokens(text);
    let first = toks.first().and_then(|(_, t)| match t {
        Token::Word(w) => Some(w.to_ascii_uppercase()),
        _ => None,
    });
    first.is_some_and(|w| STATEMENTS.contains(&w.as_str()))
        || toks.iter().any(|(_, t)| {
            matches!(t, Token::Word(w) if ["WHERE", "AND", "OR", "ORDER", "LIMIT", "JOIN", "GROUP"].contains(w))
        })
}

/// The mutants of `sql`; `script` also removes each of several statements.
pub(super) fn edits(sql: &str, script: bool) -> Vec<Edit> {
    let toks: Vec<Tok> = sqltext::tokens(sql)
        .into_iter()
        .map(|(start, token)| {
            let len = match &token {
                Token::Word(s) | Token::Number(s) | Token::Placeholder(s) | Token::Symbol(s) => {
                    s.len()
                }
                Token::Str(_) | Token::Semicolon => 1,
            };
            Tok {
                range: start..start + len,
                token,
            }
        })
        .collect();
    let text = Sql { sql, toks };
    let mut out = Vec::new();
    text.words(&mut out);
    text.comparisons(&mut out);
    text.parentheses(&mut out);
    if script {
        let statements = sqltext::statements(sql);
        if statements.len() > 1 {
            for (start, statement) in statements {
                let shown = snippet(statement);
                out.push(Edit::new(
                    start..start + statement.len(),
                    "",
                    format!("removed the statement `{shown}`"),
                ));
            }
        }
    }
    out
}

struct Sql<'a> {
    sql: &'a str,
    toks: Vec<Tok<'a>>,
}

impl Sql<'_> {
    fn word_at(&self, i: usize) -> Option<String> {
        self.toks.get(i).and_then(Tok::word)
    }

    /// The text from token `a` to token `b`, both included.
    fn span(&self, a: usize, b: usize) -> Range<usize> {
        self.toks[a].range.start..self.toks[b].range.end
    }

    /// `a` up to the start of the token after it (its trailing space too).
    fn with_space(&self, i: usize) -> Range<usize> {
        let end = self
            .toks
            .get(i + 1)
            .map_or(self.sql.len(), |t| t.range.start);
        self.toks[i].range.start..end
    }

    fn words(&self, out: &mut Vec<Edit>) {
        let mut in_between = false;
        for (i, tok) in self.toks.iter().enumerate() {
            let Some(word) = tok.word() else {
                continue;
            };
            let range = tok.range.clone();
            let next = self.word_at(i + 1).unwrap_or_default();
            match word.as_str() {
                "BETWEEN" => in_between = true,
                "AND" if in_between => in_between = false,
                "AND" => out.push(Edit::new(range, "OR", "`AND` → `OR`")),
                "OR" => out.push(Edit::new(range, "AND", "`OR` → `AND`")),
                "ASC" => out.push(Edit::new(range, "DESC", "`ASC` → `DESC`")),
                "DESC" => out.push(Edit::new(range, "ASC", "`DESC` → `ASC`")),
                "DISTINCT" => out.push(Edit::new(self.with_space(i), "", "removed `DISTINCT`")),
                "NOT" if self.word_at(i.wrapping_sub(1)).as_deref() == Some("IS") => {
                    out.push(Edit::new(self.with_space(i), "", "`IS NOT` → `IS`"));
                }
                "NOT" if next != "NULL" => {
                    out.push(Edit::new(
                        self.with_space(i),
                        "",
                        format!("`NOT {next}` → `{next}`"),
                    ));
                }
                "NOT" => out.push(Edit::new(
                    self.with_space(i),
                    "",
                    "removed a `NOT NULL` rule",
                )),
                "IS" if next == "NULL" => {
                    out.push(Edit::new(range, "IS NOT", "`IS NULL` → `IS NOT NULL`"))
                }
                "LEFT" => {
                    let to = if next == "OUTER" { i + 2 } else { i + 1 };
                    let end = self.toks.get(to).map_or(self.sql.len(), |t| t.range.start);
                    out.push(Edit::new(range.start..end, "", "`LEFT JOIN` → `JOIN`"));
                }
                "LIMIT" | "OFFSET" => self.plus_minus(i + 1, &word, out),
                "ON" if ["CONFLICT", "DELETE", "UPDATE"].contains(&next.as_str()) => {}
                "WHERE" | "HAVING" | "ON" => self.drop_conditions(i, &word, out),
                "ORDER" if next == "BY" => self.order_terms(i + 2, out),
                "GROUP" if next == "BY" => self.drop_group_terms(i + 2, out),
                _ => {}
            }
        }
    }

    /// The number at `i`, one more and one less.
    fn plus_minus(&self, i: usize, after: &str, out: &mut Vec<Edit>) {
        let Some(Tok {
            range,
            token: Token::Number(n),
        }) = self.toks.get(i)
        else {
            return;
        };
        let Ok(n) = n.parse::<i64>() else {
            return;
        };
        out.extend(Edit::plus_minus(range, n, &format!("{after} ")));
    }

    /// `=`↔`<>`, `<`↔`<=`, `>`↔`>=`, and numbers compared against ±1;
    /// never the `=` of `SET a = …` or of a `PRAGMA`.
    fn comparisons(&self, out: &mut Vec<Edit>) {
        let mut in_set = false;
        let mut pragma = false;
        for (i, tok) in self.toks.iter().enumerate() {
            match tok.word().as_deref() {
                Some("SET") => in_set = true,
                Some("WHERE" | "FROM" | "RETURNING") => in_set = false,
                Some("PRAGMA") => pragma = true,
                _ => {}
            }
            if tok.symbol() == ";" {
                (in_set, pragma) = (false, false);
            }
            let to = match tok.symbol() {
                "=" | "==" if in_set || pragma => continue,
                "=" | "==" => "<>",
                "<>" | "!=" => "=",
                "<" => "<=",
                "<=" => "<",
                ">" => ">=",
                ">=" => ">",
                _ => continue,
            };
            let from = tok.symbol();
            out.push(Edit::new(
                tok.range.clone(),
                to,
                format!("`{from}` → `{to}`"),
            ));
            if from != "=" {
                self.plus_minus(i + 1, from, out);
            }
        }
    }

    /// `WHERE a AND b`: each condition dropped in turn, or the whole clause
    /// when it has only one.
    fn drop_conditions(&self, keyword: usize, word: &str, out: &mut Vec<Edit>) {
        let terms = self.terms(keyword + 1, Separator::AndOr);
        match terms.as_slice() {
            [] => {}
            [only] => {
                let range = self.span(keyword, only.end - 1);
                let shown = snippet(&self.sql[range.clone()]);
                out.push(Edit::new(range, "", format!("removed `{shown}`")));
            }
            _ => {
                for k in 0..terms.len() {
                    let (range, shown) = self.without_term(&terms, k);
                    let change = format!("removed the {word} condition `{shown}`");
                    out.push(Edit::new(range, "", change));
                }
            }
        }
    }

    /// `ORDER BY a, b`: a term without a direction gets `DESC`.
    fn order_terms(&self, from: usize, out: &mut Vec<Edit>) {
        for term in self.terms(from, Separator::Comma) {
            let last = &self.toks[term.end - 1];
            if last.is_word("ASC") || last.is_word("DESC") {
                continue;
            }
            let shown = snippet(&self.sql[self.span(term.start, term.end - 1)]);
            let at = last.range.end;
            out.push(Edit::new(
                at..at,
                " DESC",
                format!("`ORDER BY {shown}` → `ORDER BY {shown} DESC`"),
            ));
        }
    }

    /// `GROUP BY a, b`: each column dropped in turn.
    fn drop_group_terms(&self, from: usize, out: &mut Vec<Edit>) {
        let terms = self.terms(from, Separator::Comma);
        if terms.len() < 2 {
            return;
        }
        for k in 0..terms.len() {
            let (range, shown) = self.without_term(&terms, k);
            out.push(Edit::new(
                range,
                "",
                format!("removed `{shown}` from GROUP BY"),
            ));
        }
    }

    /// The text to remove to drop term `k` of a list of two or more, with
    /// its separator (the one after it for the first, before it otherwise),
    /// and the term as a change shows it.
    fn without_term(&self, terms: &[Range<usize>], k: usize) -> (Range<usize>, String) {
        let term = &terms[k];
        let shown = snippet(&self.sql[self.span(term.start, term.end - 1)]);
        let range = if k == 0 {
            self.toks[term.start].range.start..self.toks[terms[1].start].range.start
        } else {
            self.toks[terms[k - 1].end - 1].range.end..self.toks[term.end - 1].range.end
        };
        (range, shown)
    }

    /// The terms of a list starting at token `from`, as token index ranges,
    /// up to the clause's end at its own depth.
    fn terms(&self, from: usize, separator: Separator) -> Vec<Range<usize>> {
        let mut terms = Vec::new();
        let mut start = from;
        let mut depth = 0usize;
        let mut in_between = false;
        let mut i = from;
        while i < self.toks.len() {
            let tok = &self.toks[i];
            let word = tok.word().unwrap_or_default();
            match tok.symbol() {
                "(" => depth += 1,
                ")" if depth == 0 => break,
                ")" => depth -= 1,
                ";" => break,
                "," if depth == 0 && separator == Separator::Comma => {
                    terms.push(start..i);
                    start = i + 1;
                }
                _ => {}
            }
            if depth == 0 {
                if word == "BETWEEN" {
                    in_between = true;
                } else if word == "AND" && in_between {
                    in_between = false;
                } else if separator == Separator::AndOr && (word == "AND" || word == "OR") {
                    terms.push(start..i);
                    start = i + 1;
                } else if CLAUSE_ENDS.contains(&word.as_str()) && i > from {
                    break;
                }
            }
            i += 1;
        }
        terms.push(start..i);
        terms.retain(|t| !t.is_empty());
        terms
    }

    /// `(a OR b)` after WHERE/AND/…: the parentheses removed, so the
    /// precedence of AND over OR shows.
    fn parentheses(&self, out: &mut Vec<Edit>) {
        for (i, tok) in self.toks.iter().enumerate() {
            if tok.symbol() != "(" {
                continue;
            }
            let before = self.toks.get(i.wrapping_sub(1));
            let grouping = before.is_none_or(|b| {
                b.word().is_some_and(|w| GROUPING.contains(&w.as_str()))
                    || matches!(b.symbol(), "=" | "(" | ",")
            });
            if !grouping {
                continue;
            }
            let terms = self.terms(i + 1, Separator::AndOr);
            let Some(close) = terms.last().map(|t| t.end) else {
                continue;
            };
            if terms.len() < 2 || self.toks.get(close).is_none_or(|t| t.symbol() != ")") {
                continue;
            }
            let shown = snippet(&self.sql[self.span(i, close)]);
            let inner = self.toks[i + 1].range.start..self.toks[close - 1].range.end;
            out.push(Edit::new(
                tok.range.start..self.toks[close].range.end,
                self.sql[inner].to_string(),
                format!("removed the parentheses of `{shown}`"),
            ));
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Separator {
    AndOr,
    Comma,
}
