//! "Run": one request (or one SQL statement) tried by hand, with no checks.
//! It takes the grader's path so what a learner tries is what gets graded,
//! and shows the database as the code left it.

use serde::Serialize;
use serde_json::Value;

use super::report::QueryReport;
use super::sql;
use crate::catalog::{Exercise, Language};
use crate::sandbox::trace::{ROWS_SHOWN, Trace};
use crate::sandbox::verdict::VerdictView;
use crate::sandbox::{HttpRequest, HttpResponse, Mode, Program, RunOptions, Sandbox};
use crate::scratch::{Caps, Scratch, Snapshot, SqlValue};

/// What a tried request (or statement) did.
#[derive(Debug, Clone, Serialize)]
pub struct Tryout {
    pub verdict: VerdictView,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<HttpResponse>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Trace>,
    /// SQL exercises: the statement's rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<QueryReport>,
    /// Every table afterwards.
    pub tables: Vec<Table>,
    pub duration_ms: f64,
}

/// A table of the database after the run: its first rows and how many there are.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    pub row_count: usize,
}

/// Runs `code` on a fresh copy of the exercise's database: a JavaScript
/// exercise answers `request`, an SQL exercise runs the statement. In a
/// tests exercise the request goes to the app under test, so the learner
/// can explore what it does before writing tests for it.
pub fn try_code(
    sandbox: &Sandbox,
    exercise: &Exercise,
    code: &str,
    request: &HttpRequest,
) -> Result<Tryout, String> {
    let started = std::time::Instant::now();
    let db = exercise.template.fresh();
    let (mut tryout, db) = match exercise.language {
        Language::Js | Language::Tests => {
            let (code, filename) = match (&exercise.language, &exercise.app) {
                (Language::Tests, Some(app)) => (app.as_str(), "app.js"),
                _ => (code, exercise.learner_file()),
            };
            let options = RunOptions {
                limits: exercise.limits,
                mode: Mode::Live,
                env: exercise.env.clone(),
                services: crate::catalog::services::guest_json(&[], &exercise.services),
            };
            let program = Program { code, filename };
            let (outcome, db) = sandbox.run(program, request, db, &options);
            let tryout = Tryout {
                verdict: VerdictView::from(&outcome.verdict),
                response: outcome.response,
                trace: Some(outcome.trace),
                query: None,
                tables: Vec::new(),
                duration_ms: 0.0,
            };
            (tryout, db)
        }
        Language::Sql => {
            let limits = &exercise.limits;
            let (result, db) = sql::run_statement(sandbox, db, code, limits, Mode::Live);
            let query = sql::query_report(code, result, None);
            let tryout = Tryout {
                verdict: query.verdict.clone(),
                response: None,
                trace: None,
                query: Some(query),
                tables: Vec::new(),
                duration_ms: 0.0,
            };
            (tryout, db)
        }
    };
    tryout.tables = tables(&db);
    tryout.duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    Ok(tryout)
}

/// Every user table with its columns and first rows, read from a host
/// copy under the checks' deadline and caps (an empty list if it cannot be
/// read in time).
pub fn tables(db: &Scratch) -> Vec<Table> {
    let Ok(snapshot) = db.snapshot(sql::CHECK_TIMEOUT) else {
        return Vec::new();
    };
    let names = snapshot.table_names().unwrap_or_default();
    names
        .into_iter()
        .filter_map(|name| table(&snapshot, name))
        .collect()
}

fn table(db: &Snapshot, name: String) -> Option<Table> {
    let quoted = format!("\"{}\"", name.replace('"', "\"\""));
    let count = db
        .query(&format!("SELECT count(*) FROM {quoted}"), Caps::CHECK)
        .ok()?;
    let row_count = match count.rows.first().and_then(|r| r.first()) {
        Some(SqlValue::Integer(n)) => usize::try_from(*n).unwrap_or(0),
        _ => 0,
    };
    let caps = Caps {
        rows: ROWS_SHOWN,
        bytes: 256 << 10,
    };
    let found = db
        .query(&format!("SELECT * FROM {quoted} LIMIT {ROWS_SHOWN}"), caps)
        .ok()?;
    Some(Table {
        name,
        columns: found.columns,
        rows: found
            .rows
            .iter()
            .map(|r| r.iter().map(|v| v.preview().to_json()).collect())
            .collect(),
        row_count,
    })
}
