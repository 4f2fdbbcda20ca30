//! SQL in grading: the checks an author writes on the database after the
//! steps (on a read-only host copy, under their own deadline and caps), and
//! the learner's own statement in an SQL exercise (inside the sandbox),
//! compared row by row with the reference solution's on the same data.

use std::time::Duration;

use serde_json::Value;

use super::diff;
use super::report::{CheckReport, QueryReport};
use crate::catalog::model::{DatabaseCheck, Rows};
use crate::sandbox::limits::human_bytes;
use crate::sandbox::trace::ROWS_SHOWN;
use crate::sandbox::verdict::{Verdict, VerdictView};
use crate::sandbox::{Limits, Mode, Sandbox, StatementRows};
use crate::scratch::{Caps, CheckError, Scratch, Snapshot, SqlValue};
use crate::sqltext::{self, one_line};

/// How long the checks of one test may read the database, in all.
pub const CHECK_TIMEOUT: Duration = Duration::from_secs(2);

/// Runs an author's check on the database as the learner's code left it:
/// reading rows from a read-only copy (`snapshot`), or trying a statement
/// on a writable one (`trial`, made the first time a check needs it).
pub fn database_check(
    snapshot: &Snapshot,
    trial: &mut Option<Result<Snapshot, CheckError>>,
    make_trial: impl FnOnce() -> Result<Snapshot, CheckError>,
    check: &DatabaseCheck,
) -> CheckReport {
    match &check.expect {
        Rows::Accepts(accepts) => {
            let trial = trial.get_or_insert_with(make_trial);
            constraint_check(trial.as_ref().map_err(Clone::clone), &check.query, *accepts)
        }
        Rows::Count(count) => read_check(snapshot, &check.query, Read::Count(*count)),
        Rows::Exactly { rows, ordered } => {
            read_check(snapshot, &check.query, Read::Rows(rows, *ordered))
        }
    }
}

/// What a check that reads rows expects.
enum Read<'a> {
    Count(u64),
    Rows(&'a [Vec<Value>], bool),
}

fn read_check(db: &Snapshot, query: &str, read: Read) -> CheckReport {
    let name = format!("database: {}", one_line(query));
    let found = match db.query(query, Caps::CHECK) {
        Ok(found) => found,
        Err(error) => {
            return CheckReport::new(
                name,
                "the check's query to run",
                Value::Null,
                vec![check_failure(&error)],
            );
        }
    };
    let rows: Vec<Vec<Value>> = found
        .rows
        .iter()
        .map(|r| r.iter().map(SqlValue::to_json).collect())
        .collect();
    let actual: Vec<Value> = rows.iter().map(|r| Value::Array(r.clone())).collect();
    if found.cut {
        let diff = vec![format!(
            "the check's query returned more than {} rows (or {}); only that much is read, so it cannot be compared. Did your code store far more rows than the exercise needs?",
            Caps::CHECK.rows,
            human_bytes(Caps::CHECK.bytes as u64)
        )];
        return CheckReport::new(name, "a result small enough to compare", actual, diff);
    }
    match read {
        Read::Count(count) => {
            let diff = if rows.len() as u64 == count {
                Vec::new()
            } else {
                vec![format!("expected {count} row(s), got {}", rows.len())]
            };
            CheckReport::new(format!("{name} (row count)"), count, rows.len(), diff)
        }
        Read::Rows(expected, ordered) => {
            let diff = compare_rows(expected, &rows, ordered);
            let expected: Vec<Value> = expected.iter().cloned().map(Value::Array).collect();
            CheckReport::new(name, expected, actual, diff)
        }
    }
}

/// Tries an author's statement on a writable copy: the database must refuse
/// it with a constraint (`accepts = false`) or take it (`accepts = true`).
fn constraint_check(db: Result<&Snapshot, CheckError>, query: &str, accepts: bool) -> CheckReport {
    let verb = if accepts { "accepts" } else { "refuses" };
    let name = format!("database {verb}: {}", one_line(query));
    let expected = if accepts {
        "the statement runs"
    } else {
        "a constraint refuses the statement"
    };
    let outcome = db.and_then(|db| db.try_statement(query));
    let (actual, diff) = match (outcome, accepts) {
        (Ok(None), true) => ("it ran".to_string(), Vec::new()),
        (Ok(Some(why)), false) => (format!("refused: {why}"), Vec::new()),
        (Ok(None), false) => (
            "it ran".to_string(),
            vec!["the database accepted a row it must refuse: which constraint is missing from the table?".to_string()],
        ),
        (Ok(Some(why)), true) => (
            format!("refused: {why}"),
            vec![format!("the database refused a row it must accept ({why}): is a constraint stricter than the rule?")],
        ),
        (Err(error), _) => ("an error".to_string(), vec![check_failure(&error)]),
    };
    CheckReport::new(name, expected, actual, diff)
}

/// Why a check's own query gave nothing, and whose problem that likely is.
fn check_failure(error: &CheckError) -> String {
    match error {
        CheckError::TimedOut(after) => format!(
            "the check's query was stopped after {} ms: a problem in exercise.toml, unless your code stored far more rows than the exercise needs",
            after.as_millis()
        ),
        CheckError::Sql(message) => format!("the check's own query failed: {message}"),
    }
}

/// Differences between two lists of rows; unordered lists are compared as
/// multisets.
pub fn compare_rows(expected: &[Vec<Value>], actual: &[Vec<Value>], ordered: bool) -> Vec<String> {
    let show = |row: &[Value]| diff::short(&Value::Array(row.to_vec()));
    let same_row = |a: &[Value], b: &[Value]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| diff::same(x, y))
    };
    let mut out = Vec::new();
    if ordered {
        for (i, (e, a)) in expected.iter().zip(actual).enumerate() {
            if !same_row(e, a) {
                out.push(format!(
                    "row {}: expected {}, got {}",
                    i + 1,
                    show(e),
                    show(a)
                ));
            }
        }
        if expected.len() != actual.len() {
            out.push(format!(
                "expected {} row(s), got {}",
                expected.len(),
                actual.len()
            ));
        }
        return out;
    }
    let mut left: Vec<&Vec<Value>> = actual.iter().collect();
    for row in expected {
        match left.iter().position(|a| same_row(row, a)) {
            Some(i) => {
                left.remove(i);
            }
            None => out.push(format!("missing row {}", show(row))),
        }
    }
    out.extend(
        left.iter()
            .map(|row| format!("unexpected row {}", show(row))),
    );
    out
}

/// What a statement that ran did, in words.
fn statement_ran(statement: &StatementRows, rows: usize) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match statement.changes {
        Some(changed) if statement.columns.is_empty() => {
            let changed = changed as usize;
            format!(
                "Your statement ran and changed {changed} row{}.",
                plural(changed)
            )
        }
        _ => format!(
            "Your statement ran and returned {rows} row{}.",
            plural(rows)
        ),
    }
}

/// Whether SQLite refused the statement before running it (it does not
/// parse, or names a table or column the schema lacks), or there is not
/// exactly one statement: the same on every test's data, so no test ran.
pub fn is_parse_error(message: &str) -> bool {
    const BEFORE_RUNNING: [&str; 7] = [
        "syntax error",
        "incomplete input",
        "unrecognized token",
        "no such table",
        "no such column",
        "there is no statement to run",
        "write one statement",
    ];
    BEFORE_RUNNING.iter().any(|m| message.contains(m))
}

/// Runs one statement of learner (or reference) SQL inside the sandbox,
/// under the exercise's limits; the database comes back as it left it.
pub fn run_statement(
    sandbox: &Sandbox,
    db: Scratch,
    sql: &str,
    limits: &Limits,
    mode: Mode,
) -> (Result<StatementRows, Verdict>, Scratch) {
    let count = sqltext::statements(sql).len();
    let sql_error = |message: String| Verdict::SqlError {
        message,
        sql: Some(sql.to_string()),
        location: None,
    };
    if count == 0 {
        let message = "there is no statement to run yet: write a query".into();
        return (Err(sql_error(message)), db);
    }
    if count > 1 {
        let message = format!("write one statement; this has {count} (end it at the first `;`)");
        return (Err(sql_error(message)), db);
    }
    sandbox.run_sql(sql, db, limits, mode)
}

/// The report of the learner's statement; with a reference (its rows, and
/// whether order matters) the rows are compared with it.
pub fn query_report(
    sql: &str,
    result: Result<StatementRows, Verdict>,
    expected: Option<(&[Vec<Value>], bool)>,
) -> QueryReport {
    let (verdict, statement) = match result {
        Ok(statement) => (Verdict::Ok, statement),
        Err(verdict) => (verdict, StatementRows::default()),
    };
    let rows = statement.json_rows();
    let mut checks = Vec::new();
    if let (Verdict::Ok, Some((expected, ordered))) = (&verdict, expected) {
        let what = if ordered {
            "rows, in order"
        } else {
            "rows (any order)"
        };
        let as_json = |rows: &[Vec<Value>]| -> Vec<Value> {
            rows.iter().cloned().map(Value::Array).collect()
        };
        checks.push(CheckReport::new(
            what,
            as_json(expected),
            as_json(&rows),
            compare_rows(expected, &rows, ordered),
        ));
    }
    let mut verdict_view = VerdictView::from(&verdict);
    if verdict.is_ok() {
        verdict_view.message = statement_ran(&statement, rows.len());
    }
    QueryReport {
        sql: sql.to_string(),
        verdict: verdict_view,
        columns: statement.columns,
        row_count: rows.len(),
        rows: rows.into_iter().take(ROWS_SHOWN).collect(),
        changes: statement.changes,
        checks,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn unordered_rows_compare_as_a_multiset() {
        let a = vec![vec![json!(1)], vec![json!(2)]];
        let b = vec![vec![json!(2)], vec![json!(1)]];
        assert!(compare_rows(&a, &b, false).is_empty());
        assert_eq!(
            compare_rows(&a, &b, true),
            vec![
                "row 1: expected [1], got [2]",
                "row 2: expected [2], got [1]"
            ]
        );
        assert_eq!(
            compare_rows(&a, &[vec![json!(1)], vec![json!(3)]], false),
            vec!["missing row [2]", "unexpected row [3]"]
        );
    }
}
