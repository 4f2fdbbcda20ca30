//! Mutation testing: small deliberate bugs made in a reference solution (a
//! `<` turned into `<=`, a WHERE condition dropped, a `return` removed), so
//! `backlab check` can show which ones an exercise's tests do not catch.

mod js;
mod lexer;
mod sql;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::catalog::Language;
use crate::sqltext::{line_of, one_line};

/// One change to a source file.
#[derive(Debug, Clone)]
struct Edit {
    range: Range<usize>,
    with: String,
    /// What a reader sees, e.g. "`<` → `<=`".
    change: String,
}

impl Edit {
    fn new(range: Range<usize>, with: impl Into<String>, change: impl Into<String>) -> Self {
        Edit {
            range,
            with: with.into(),
            change: change.into(),
        }
    }

    /// The whole number `n` at `range` made one more, then one less; the
    /// change reads `` `{before}{n}` → `{before}{n±1}` ``.
    fn plus_minus(range: &Range<usize>, n: i64, before: &str) -> [Self; 2] {
        [n + 1, n - 1].map(|to| {
            Self::new(
                range.clone(),
                to.to_string(),
                format!("`{before}{n}` → `{before}{to}`"),
            )
        })
    }

    /// The edit moved by `by` bytes, for SQL found inside a JavaScript string.
    fn shifted(self, by: usize) -> Self {
        Edit {
            range: self.range.start + by..self.range.end + by,
            ..self
        }
    }
}

/// A generated mutant: the whole program with one change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mutation {
    /// The 1-based line of the change in the original file.
    pub line: u32,
    /// What changed, e.g. "`<` → `<=`".
    pub change: String,
    pub code: String,
}

/// Every mutant of `source`, each different from it and from the others,
/// leaving alone the lines it shares with `given` (the starter): code the
/// learner is handed is not what the exercise's tests are there to check.
pub fn mutations(language: Language, source: &str, given: &str) -> Vec<Mutation> {
    let edits = match language {
        Language::Js => js::edits(source),
        Language::Sql => sql::edits(source, true),
        // The learner's tests are graded against the exercise's broken apps.
        Language::Tests => return Vec::new(),
    };
    let given = given_lines(source, given);
    let is_given = |edit: &Edit| {
        let first = line_of(source, edit.range.start) as usize;
        let last = line_of(source, edit.range.end) as usize;
        (first..=last).all(|line| given.get(line - 1).copied().unwrap_or(false))
    };
    let mut seen = HashSet::new();
    let mut all: Vec<Mutation> = edits
        .into_iter()
        .filter(|edit| !is_given(edit))
        .filter_map(|edit| {
            let code = apply(source, &edit);
            (code != source && seen.insert(code.clone())).then(|| Mutation {
                line: line_of(source, edit.range.start),
                change: edit.change,
                code,
            })
        })
        .collect();
    number_repeats(&mut all);
    all
}

/// The same change twice on one line (two `0`s made `1`) gets "(1st on the
/// line)", "(2nd on the line)", so each can be named on its own.
fn number_repeats(all: &mut [Mutation]) {
    let mut counts: HashMap<(u32, String), usize> = HashMap::new();
    for m in all.iter() {
        *counts.entry((m.line, m.change.clone())).or_default() += 1;
    }
    let mut seen: HashMap<(u32, String), usize> = HashMap::new();
    for m in all.iter_mut() {
        let key = (m.line, m.change.clone());
        if counts[&key] > 1 {
            let n = seen.entry(key).or_default();
            *n += 1;
            let suffix = match *n {
                1 => "st",
                2 => "nd",
                3 => "rd",
                _ => "th",
            };
            m.change = format!("{} ({}{suffix} on the line)", m.change, *n);
        }
    }
}

/// For each line of `source`, whether `given` has it too: the lines of a
/// longest common subsequence of the two files' lines, blank lines aside.
fn given_lines(source: &str, given: &str) -> Vec<bool> {
    let a: Vec<&str> = source.lines().map(str::trim).collect();
    let b: Vec<&str> = given.lines().map(str::trim).collect();
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = vec![false; a.len()];
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out[i] = !a[i].is_empty();
            (i, j) = (i + 1, j + 1);
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// `source` with the edit made; the newlines of removed text are kept so
/// that every later line keeps its number in messages.
fn apply(source: &str, edit: &Edit) -> String {
    let removed = source[edit.range.clone()].matches('\n').count();
    let added = edit.with.matches('\n').count();
    let mut out = String::with_capacity(source.len() + edit.with.len());
    out.push_str(&source[..edit.range.start]);
    out.push_str(&edit.with);
    out.push_str(&"\n".repeat(removed.saturating_sub(added)));
    out.push_str(&source[edit.range.end..]);
    out
}

/// A piece of code as a change shows it: one line, at most 40 characters.
fn snippet(text: &str) -> String {
    let flat = one_line(text);
    if flat.chars().count() <= 40 {
        flat
    } else {
        format!("{}…", flat.chars().take(39).collect::<String>())
    }
}

#[cfg(test)]
mod tests;
