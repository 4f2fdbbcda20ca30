//! One statement of learner SQL, for plain-SQL exercises: its rows or its
//! changes, held to the row limit and to the size of a response.

use crate::backlab::sandbox::types::{Limits, Statement, StatementFailure, Value};
use crate::database::{Database, Params, QueryError};

/// Runs `sql` (one statement, checked by the host) on `db`.
pub fn run(db: &Database, sql: &str, limits: &Limits) -> Result<Statement, StatementFailure> {
    let none = Params::Positional(Vec::new());
    if !db.returns_rows(sql).map_err(StatementFailure::SqlError)? {
        let (changes, _) = db.run(sql, &none).map_err(StatementFailure::SqlError)?;
        return Ok(Statement {
            columns: Vec::new(),
            rows: Vec::new(),
            changes: Some(changes),
        });
    }
    let rows = db
        .query(sql, &none, limits.rows_per_result, false)
        .map_err(|e| match e {
            QueryError::Sql(error) => StatementFailure::SqlError(error),
            QueryError::TooManyRows(limit) => StatementFailure::TooManyRows(limit),
        })?;
    let bytes: u64 = rows.rows.iter().flatten().map(size).sum();
    if bytes > u64::from(limits.response_bytes) {
        return Err(StatementFailure::TooLarge(bytes));
    }
    Ok(Statement {
        columns: rows.columns,
        rows: rows.rows,
        changes: None,
    })
}

fn size(value: &Value) -> u64 {
    match value {
        Value::Text(t) => t.len() as u64,
        Value::Blob(b) => b.len() as u64,
        _ => 8,
    }
}
