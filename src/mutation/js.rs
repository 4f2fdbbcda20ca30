//! Mutants of a JavaScript solution: boundaries and comparisons, `&&`/`||`,
//! negations, numbers and status codes, removed statements, conditions,
//! `return`s and `await`s, and the SQL inside its strings.

use super::lexer::{self, Kind, Token};
use super::{Edit, snippet, sql};

const SWAPS: &[(&str, &str)] = &[
    ("<", "<="),
    ("<=", "<"),
    (">", ">="),
    (">=", ">"),
    ("===", "!=="),
    ("!==", "==="),
    ("==", "!="),
    ("!=", "=="),
    ("&&", "||"),
    ("||", "&&"),
];

/// Words that start a statement which is not a plain expression.
const NOT_EXPRESSIONS: &[&str] = &[
    "const", "let", "var", "if", "for", "while", "do", "return", "function", "class", "throw",
    "try", "switch", "else", "break", "continue", "case", "default", "import", "export", "async",
    "catch", "finally",
];

pub(super) fn edits(src: &str) -> Vec<Edit> {
    let code = Code {
        src,
        tokens: lexer::tokens(src),
    };
    let mut out = Vec::new();
    for i in 0..code.tokens.len() {
        match code.tokens[i].kind {
            Kind::Punct => code.operator(i, &mut out),
            Kind::Number => code.number(i, &mut out),
            Kind::Word => code.word(i, &mut out),
            Kind::Str => code.sql_in_string(i, &mut out),
            Kind::Regex => {}
        }
    }
    code.statements(&mut out);
    out
}

struct Code<'a> {
    src: &'a str,
    tokens: Vec<Token>,
}

impl Code<'_> {
    fn text(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.src[t.range.clone()])
    }

    fn operator(&self, i: usize, out: &mut Vec<Edit>) {
        let range = self.tokens[i].range.clone();
        let text = self.text(i);
        if let Some((from, to)) = SWAPS.iter().find(|(from, _)| *from == text) {
            out.push(Edit::new(range, *to, format!("`{from}` → `{to}`")));
        } else if text == "!" {
            let next = self.text(i + 1);
            out.push(Edit::new(range, "", format!("`!{next}` → `{next}`")));
        }
    }

    fn number(&self, i: usize, out: &mut Vec<Edit>) {
        let Ok(n) = self.text(i).parse::<i64>() else {
            return;
        };
        let range = self.tokens[i].range.clone();
        if self.is_status(i, n) {
            let to = near_miss_status(n);
            out.push(Edit::new(
                range,
                to.to_string(),
                format!("status {n} → {to}"),
            ));
            return;
        }
        out.extend(Edit::plus_minus(&range, n, ""));
    }

    /// Whether the number at `i` is an HTTP status: `res.status(404)`,
    /// `sendStatus(…)`, `redirect(301, …)`, `statusCode = …`, `{ status: … }`.
    fn is_status(&self, i: usize, n: i64) -> bool {
        if !(100..=599).contains(&n) || i < 2 {
            return false;
        }
        let (before, name) = (self.text(i - 1), self.text(i - 2));
        match before {
            "(" => ["status", "sendStatus", "redirect"].contains(&name),
            "=" | ":" => ["status", "statusCode"].contains(&name),
            _ => false,
        }
    }

    fn word(&self, i: usize, out: &mut Vec<Edit>) {
        let range = self.tokens[i].range.clone();
        match self.text(i) {
            "true" => out.push(Edit::new(range, "false", "`true` → `false`")),
            "false" => out.push(Edit::new(range, "true", "`false` → `true`")),
            "await" if i + 1 < self.tokens.len() => {
                let to = self.tokens[i + 1].range.start;
                out.push(Edit::new(range.start..to, "", "removed `await`"));
            }
            "return" if self.is_guarded(i) && !matches!(self.text(i + 1), ";" | "}" | "") => {
                let to = self.tokens[i + 1].range.start;
                out.push(Edit::new(
                    range.start..to,
                    "",
                    "removed `return` after a check",
                ));
            }
            "if" if self.text(i + 1) == "(" => self.condition(i + 1, out),
            _ => {}
        }
    }

    /// `if (cond)` → `if (true)` and `if (false)`.
    fn condition(&self, open: usize, out: &mut Vec<Edit>) {
        let Some(close) = self.matching(open) else {
            return;
        };
        if close == open + 1 {
            return;
        }
        let inner = self.tokens[open + 1].range.start..self.tokens[close - 1].range.end;
        let shown = snippet(&self.src[inner.clone()]);
        for to in ["true", "false"] {
            out.push(Edit::new(
                inner.clone(),
                to,
                format!("`if ({shown})` → `if ({to})`"),
            ));
        }
    }

    /// Whether the `return` at `i` is the body of an `if` (or `else`), with
    /// or without braces: removing it lets the code run on past the check.
    fn is_guarded(&self, i: usize) -> bool {
        let mut j = i;
        if self.text(j.wrapping_sub(1)) == "{" {
            j -= 1;
        }
        match self.text(j.wrapping_sub(1)) {
            "else" => true,
            ")" => self
                .opening(j - 1)
                .is_some_and(|open| self.text(open.wrapping_sub(1)) == "if"),
            _ => false,
        }
    }

    /// The index of the bracket closing the one at `open`.
    fn matching(&self, open: usize) -> Option<usize> {
        self.partner(open..self.tokens.len(), ["(", "[", "{"], [")", "]", "}"])
    }

    /// The index of the bracket opening the one at `close`.
    fn opening(&self, close: usize) -> Option<usize> {
        self.partner((0..=close).rev(), [")", "]", "}"], ["(", "[", "{"])
    }

    /// Walks `indexes` from a bracket counting depth, and returns where it
    /// comes back to zero: `into` brackets go one deeper, `out_of` one out.
    fn partner(
        &self,
        indexes: impl Iterator<Item = usize>,
        into: [&str; 3],
        out_of: [&str; 3],
    ) -> Option<usize> {
        let mut depth = 0usize;
        for j in indexes {
            let text = self.text(j);
            if into.contains(&text) {
                depth += 1;
            } else if out_of.contains(&text) {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j);
                }
            }
        }
        None
    }

    /// Every expression statement (`res.set(…);`, `count += 1;`,
    /// `app.use(auth);`) removed in turn.
    fn statements(&self, out: &mut Vec<Edit>) {
        for i in 0..self.tokens.len() {
            let starts = i == 0 || matches!(self.text(i - 1), ";" | "{" | "}");
            let word =
                self.tokens[i].kind == Kind::Word && !NOT_EXPRESSIONS.contains(&self.text(i));
            // `{ a: 1 }` and `{ a, b }` are objects, not blocks.
            let key = matches!(self.text(i + 1), ":" | "," | "}");
            if !(starts && word) || key {
                continue;
            }
            if let Some(end) = self.statement_end(i) {
                let range = self.tokens[i].range.start..self.tokens[end].range.end;
                let shown = snippet(&self.src[range.clone()]);
                out.push(Edit::new(range, "", format!("removed `{shown}`")));
            }
        }
    }

    /// The last token of the statement starting at `i`: its `;`, or the
    /// token before a closing brace or a line that starts a new statement.
    fn statement_end(&self, i: usize) -> Option<usize> {
        let mut depth = 0usize;
        for j in i..self.tokens.len() {
            match self.text(j) {
                "(" | "[" | "{" => depth += 1,
                ")" | "]" | "}" if depth == 0 => return (j > i).then(|| j - 1),
                ")" | "]" | "}" => depth -= 1,
                ";" if depth == 0 => return Some(j),
                _ => {}
            }
            if depth == 0 && self.ends_line(j) {
                return Some(j);
            }
        }
        None
    }

    /// Whether a statement without a `;` ends after token `j`: the next
    /// token is on a new line and cannot continue this one.
    fn ends_line(&self, j: usize) -> bool {
        let Some(next) = self.tokens.get(j + 1) else {
            return true;
        };
        let gap = &self.src[self.tokens[j].range.end..next.range.start];
        let continues_after = self.tokens[j].kind == Kind::Punct
            && !matches!(self.text(j), ")" | "]" | "}" | "++" | "--");
        gap.contains('\n') && !continues_after && next.kind != Kind::Punct
    }

    /// The SQL in a string literal: mutated the way a `.sql` file is.
    fn sql_in_string(&self, i: usize, out: &mut Vec<Edit>) {
        let range = self.tokens[i].range.clone();
        let text = &self.src[range.clone()];
        if text.len() < 2 {
            return;
        }
        let holes = if text.starts_with('`') {
            lexer::template_holes(text)
        } else {
            Vec::new()
        };
        // A hole stands as one `?` placeholder, so the SQL around it parses.
        let mut masked = text.as_bytes().to_vec();
        for hole in &holes {
            masked[hole.clone()].fill(b' ');
            masked[hole.start] = b'?';
        }
        let masked = String::from_utf8_lossy(&masked[1..masked.len() - 1]).into_owned();
        if !sql::looks_like_sql(&masked) {
            return;
        }
        let inside = |e: &Edit| {
            holes.iter().all(|h| {
                let h = h.start - 1..h.end - 1;
                e.range.end <= h.start
                    || e.range.start >= h.end
                    || (e.range.start <= h.start && e.range.end >= h.end)
            })
        };
        out.extend(
            sql::edits(&masked, false)
                .into_iter()
                .filter(inside)
                .map(|e| e.shifted(range.start + 1)),
        );
    }
}

/// A status close to `n` that a test checking the status must tell apart.
fn near_miss_status(n: i64) -> i64 {
    match n {
        200 => 201,
        201 | 204 => 200,
        301 => 302,
        302 | 307 => 303,
        303 => 302,
        308 => 301,
        400 => 422,
        401 => 403,
        403 => 401,
        404 | 409 | 413 | 415 | 422 => 400,
        410 => 404,
        429 => 403,
        500 => 400,
        n if n % 100 == 0 => n + 1,
        n => n - 1,
    }
}
