//! SQL in grading: the checks an author writes on the database after the
//! steps, and the learner's own statement in an SQL exercise, compared row
//! by row with the reference solution's on the same data.

use std::time::Instant;

use serde_json::Value;

use super::diff;
use super::report::{CheckReport, QueryReport};
use crate::catalog::spec::DatabaseCheck;
use crate::sandbox::Limits;
use crate::sandbox::trace::ROWS_SHOWN;
use crate::sandbox::verdict::{Verdict, VerdictView};
use crate::scratch::{Params, Rows, Scratch, SqlFailure, SqlValue};
use crate::sqltext::{self, one_line};

/// Runs an author's check on the database as the learner's code left it.
pub fn database_check(db: &Scratch, check: &DatabaseCheck) -> CheckReport {
    let name = format!("database: {}", one_line(&check.query));
    let rows = match author_query(db, &check.query) {
        Ok((_, rows)) => rows,
        Err(message) => {
            return CheckReport::new(
                name,
                "the check's query to run",
                Value::Null,
                vec![format!("the check's own query failed: {message}")],
            );
        }
    };
    let actual: Vec<Value> = rows.iter().map(|r| Value::Array(r.clone())).collect();
    if let Some(count) = check.count {
        let diff = if rows.len() as u64 == count {
            Vec::new()
        } else {
            vec![format!("expected {count} row(s), got {}", rows.len())]
        };
        return CheckReport::new(format!("{name} (row count)"), count, rows.len(), diff);
    }
    let expected: Vec<Vec<Value>> = check
        .rows
        .iter()
        .flatten()
        .map(|row| row.iter().map(toml_to_sql_json).collect())
        .collect();
    let diff = compare_rows(&expected, &rows, check.ordered);
    let expected: Vec<Value> = expected.into_iter().map(Value::Array).collect();
    CheckReport::new(name, expected, actual, diff)
}

/// Runs Backlab's or the author's own query (no guards, no row cap),
/// giving the column names and the rows as JSON.
pub fn author_query(db: &Scratch, sql: &str) -> Result<(Vec<String>, Vec<Vec<Value>>), String> {
    let mut stmt = db.connection().prepare(sql).map_err(|e| e.to_string())?;
    let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
    let width = columns.len();
    let rows = stmt
        .query_map([], |row| {
            (0..width)
                .map(|i| row.get_ref(i).map(|v| SqlValue::from_ref(v).to_json()))
                .collect()
        })
        .map_err(|e| e.to_string())?;
    let rows = rows.collect::<Result<_, _>>().map_err(|e| e.to_string())?;
    Ok((columns, rows))
}

/// A TOML value as the JSON of the SQL value it stands for: `{}` is NULL,
/// booleans are 0 and 1 as SQLite stores them.
fn toml_to_sql_json(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => (*i).into(),
        toml::Value::Float(f) => {
            serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number)
        }
        toml::Value::Boolean(b) => i64::from(*b).into(),
        _ => Value::Null,
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

/// What one SQL statement gave.
#[derive(Default)]
pub struct Statement {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    pub changes: Option<u64>,
}

/// Runs one statement of learner (or reference) SQL under the exercise's
/// limits, with the guards of the scratch database.
pub fn run_statement(db: &Scratch, sql: &str, limits: &Limits) -> Result<Statement, Verdict> {
    let count = sqltext::statements(sql).len();
    let sql_error = |message: String| Verdict::SqlError {
        message,
        sql: Some(sql.to_string()),
        location: None,
    };
    if count == 0 {
        return Err(sql_error(
            "there is no statement to run yet: write a query".into(),
        ));
    }
    if count > 1 {
        return Err(sql_error(format!(
            "write one statement; this has {count} (end it at the first `;`)"
        )));
    }
    db.set_deadline(Some(Instant::now() + limits.timeout));
    let params = Params::Positional(Vec::new());
    let result = match db.query(sql, &params, limits.rows_per_result, false) {
        Err(SqlFailure::Sql { code, .. }) if code == "BACKLAB_NOT_A_QUERY" => {
            db.run(sql, &params).map(|c| Statement {
                columns: Vec::new(),
                rows: Vec::new(),
                changes: Some(c.changes),
            })
        }
        other => other.map(statement),
    };
    db.set_deadline(None);
    result.map_err(|failure| match failure {
        SqlFailure::Sql { message, .. } => sql_error(message),
        SqlFailure::TooManyRows { limit } => Verdict::TooManyRows {
            limit,
            sql: sql.to_string(),
        },
        SqlFailure::Interrupted => Verdict::QueryTimeout {
            sql: sql.to_string(),
        },
    })
}

fn statement(rows: Rows) -> Statement {
    Statement {
        columns: rows.columns,
        rows: rows
            .rows
            .iter()
            .map(|r| r.iter().map(SqlValue::to_json).collect())
            .collect(),
        changes: None,
    }
}

/// The report of the learner's statement; with a reference (its rows, and
/// whether order matters) the rows are compared with it.
pub fn query_report(
    sql: &str,
    result: Result<Statement, Verdict>,
    reference: Option<(&Statement, bool)>,
) -> QueryReport {
    let (verdict, statement) = match result {
        Ok(statement) => (Verdict::Ok, statement),
        Err(verdict) => (verdict, Statement::default()),
    };
    let mut checks = Vec::new();
    if let (Verdict::Ok, Some((reference, ordered))) = (&verdict, reference) {
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
            as_json(&reference.rows),
            as_json(&statement.rows),
            compare_rows(&reference.rows, &statement.rows, ordered),
        ));
    }
    QueryReport {
        sql: sql.to_string(),
        verdict: VerdictView::from(&verdict),
        columns: statement.columns,
        row_count: statement.rows.len(),
        rows: statement.rows.into_iter().take(ROWS_SHOWN).collect(),
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

    #[test]
    fn toml_values_stand_for_sql_values() {
        let value: toml::Value = toml::from_str::<toml::Table>("a = {}\nb = true")
            .unwrap()
            .into();
        assert_eq!(toml_to_sql_json(&value["a"]), Value::Null);
        assert_eq!(toml_to_sql_json(&value["b"]), json!(1));
    }
}
