//! The scratch SQLite database of one run: a template built once from an
//! exercise's `schema.sql` and `seed.sql`, a cheap fresh copy for every test,
//! and the guards that keep learner SQL inside that one database.

mod guards;
pub mod schema;
mod value;

use std::sync::Arc;
use std::time::Instant;

use rusqlite::{Connection, ErrorCode, MAIN_DB, Statement};

use crate::sqltext;
use guards::Guards;
pub use value::SqlValue;

/// A failure building the template database from the author's files.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TemplateError {
    /// `line` is where the failing statement starts.
    #[error("{file}:{line}: {message}")]
    Sql {
        file: String,
        line: u32,
        message: String,
    },
}

/// The database every test starts from, serialized once.
#[derive(Clone)]
pub struct Template {
    image: Arc<Vec<u8>>,
}

impl Template {
    /// Runs `schema` then `seed` on an empty database. `names` are the file
    /// names used in error messages, e.g. `("schema.sql", "seed.sql")`.
    pub fn build(schema: &str, seed: &str, names: (&str, &str)) -> Result<Self, TemplateError> {
        let internal = |e: rusqlite::Error| TemplateError::Sql {
            file: names.0.to_string(),
            line: 1,
            message: e.to_string(),
        };
        let conn = Connection::open_in_memory().map_err(internal)?;
        run_script(&conn, schema, names.0)?;
        run_script(&conn, seed, names.1)?;
        let image = conn.serialize(MAIN_DB).map_err(internal)?;
        Ok(Self {
            image: Arc::new(image.to_vec()),
        })
    }

    /// An empty database.
    pub fn empty() -> Self {
        Self::build("", "", ("schema.sql", "seed.sql")).expect("an empty database always builds")
    }

    /// The tables and columns of the template, for the learner's schema tab.
    pub fn schema(&self) -> rusqlite::Result<Vec<schema::TableSchema>> {
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_read_exact(MAIN_DB, &self.image[..], self.image.len(), true)?;
        schema::read(&conn)
    }

    /// A fresh, guarded copy of the template.
    pub fn fresh(&self, max_pages: u32) -> rusqlite::Result<Scratch> {
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_read_exact(MAIN_DB, &self.image[..], self.image.len(), false)?;
        let guards = Guards::install(&conn, max_pages)?;
        Ok(Scratch { conn, guards })
    }
}

/// Runs an author's script statement by statement, so an error names the
/// line where the failing statement starts. A piece that SQLite finds
/// incomplete (a trigger body has `;` inside) waits for the next one.
pub fn run_script(conn: &Connection, script: &str, file: &str) -> Result<(), TemplateError> {
    let mut pending: Option<usize> = None;
    for (offset, text) in sqltext::statements(script) {
        let start = *pending.get_or_insert(offset);
        let end = offset + text.len();
        match conn.execute_batch(&script[start..end]) {
            Ok(()) => pending = None,
            Err(e) if e.to_string().contains("incomplete input") => {}
            Err(e) => {
                return Err(TemplateError::Sql {
                    file: file.to_string(),
                    line: sqltext::line_of(script, start),
                    message: friendly_message(&e),
                });
            }
        }
    }
    match pending {
        Some(start) => Err(TemplateError::Sql {
            file: file.to_string(),
            line: sqltext::line_of(script, start),
            message: "this statement is not finished (a missing END or closing quote?)".into(),
        }),
        None => Ok(()),
    }
}

/// Why a statement did not give a result.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlFailure {
    /// SQLite refused or failed the statement; the message is for a learner.
    Sql { message: String, code: String },
    /// The statement returned more rows than the limit allows.
    TooManyRows { limit: u32 },
    /// The statement was still running when the run's time was up.
    Interrupted,
}

/// Rows returned by a query, capped by `limit`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<SqlValue>>,
}

/// What a statement that changes data reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Changes {
    pub changes: u64,
    pub last_insert_rowid: i64,
}

/// Parameters for one statement.
#[derive(Debug, Clone, PartialEq)]
pub enum Params {
    Positional(Vec<SqlValue>),
    /// Names without their `:`, `@` or `$` prefix.
    Named(Vec<(String, SqlValue)>),
}

/// One run's database: a connection with its guards.
pub struct Scratch {
    conn: Connection,
    guards: Guards,
}

impl Scratch {
    /// From now until `deadline`, statements run; after it they are stopped.
    pub fn set_deadline(&self, deadline: Option<Instant>) {
        self.guards.set_deadline(deadline);
    }

    /// Runs a statement that returns rows, keeping at most `limit` of them
    /// (or only the first with `first_only`).
    pub fn query(
        &self,
        sql: &str,
        params: &Params,
        limit: u32,
        first_only: bool,
    ) -> Result<Rows, SqlFailure> {
        let mut stmt = self.prepare(sql)?;
        if stmt.column_count() == 0 {
            return Err(SqlFailure::Sql {
                message:
                    "this statement does not return rows; use .run() instead of .get() or .all()"
                        .into(),
                code: "BACKLAB_NOT_A_QUERY".into(),
            });
        }
        bind(&mut stmt, params).map_err(|e| self.failure(e))?;
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let mut raw = stmt.raw_query();
        let mut rows = Vec::new();
        while let Some(row) = raw.next().map_err(|e| self.failure(e))? {
            if rows.len() == limit as usize {
                return Err(SqlFailure::TooManyRows { limit });
            }
            rows.push(
                (0..columns.len())
                    .map(|i| SqlValue::from_ref(row.get_ref_unwrap(i)))
                    .collect(),
            );
            if first_only {
                break;
            }
        }
        Ok(Rows { columns, rows })
    }

    /// Runs a statement that changes the database.
    pub fn run(&self, sql: &str, params: &Params) -> Result<Changes, SqlFailure> {
        let mut stmt = self.prepare(sql)?;
        bind(&mut stmt, params).map_err(|e| self.failure(e))?;
        let changes = stmt.raw_execute().or_else(|e| match e {
            rusqlite::Error::ExecuteReturnedResults => Ok(0),
            e => Err(self.failure(e)),
        })?;
        Ok(Changes {
            changes: changes as u64,
            last_insert_rowid: self.conn.last_insert_rowid(),
        })
    }

    /// Runs one or more statements without parameters.
    pub fn exec(&self, sql: &str) -> Result<(), SqlFailure> {
        self.conn.execute_batch(sql).map_err(|e| self.failure(e))
    }

    /// Rolls back a transaction the learner's code left open, so the next
    /// request starts clean. Returns whether there was one.
    pub fn end_open_transaction(&self) -> bool {
        if self.conn.is_autocommit() {
            return false;
        }
        self.conn.execute_batch("ROLLBACK").is_ok()
    }

    /// The raw connection, for checks by the grader (outside any guard's deadline).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn prepare(&self, sql: &str) -> Result<Statement<'_>, SqlFailure> {
        self.guards.clear_denial();
        self.conn.prepare(sql).map_err(|e| self.failure(e))
    }

    fn failure(&self, error: rusqlite::Error) -> SqlFailure {
        if let Some(reason) = self.guards.take_denial() {
            return SqlFailure::Sql {
                message: reason,
                code: "SQLITE_AUTH".into(),
            };
        }
        if let rusqlite::Error::SqliteFailure(e, _) = &error
            && e.code == ErrorCode::OperationInterrupted
        {
            return SqlFailure::Interrupted;
        }
        SqlFailure::Sql {
            message: friendly_message(&error),
            code: error_code(&error),
        }
    }
}

fn bind(stmt: &mut Statement<'_>, params: &Params) -> rusqlite::Result<()> {
    let expected = stmt.parameter_count();
    match params {
        Params::Positional(values) => {
            if values.len() != expected {
                return Err(rusqlite::Error::InvalidParameterCount(
                    values.len(),
                    expected,
                ));
            }
            for (i, value) in values.iter().enumerate() {
                stmt.raw_bind_parameter(i + 1, value)?;
            }
        }
        Params::Named(values) => {
            for i in 1..=expected {
                let name = stmt.parameter_name(i).unwrap_or("?").to_string();
                let key = name.trim_start_matches([':', '@', '$']);
                let value = values.iter().find(|(k, _)| k == key).map(|(_, v)| v);
                let value =
                    value.ok_or_else(|| rusqlite::Error::InvalidParameterName(name.clone()))?;
                stmt.raw_bind_parameter(i, value)?;
            }
        }
    }
    Ok(())
}

fn friendly_message(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::InvalidParameterCount(given, expected) => {
            format!("this statement has {expected} placeholder(s) but was given {given} value(s)")
        }
        rusqlite::Error::InvalidParameterName(name) => {
            format!("the statement uses {name}, but no value with that name was given")
        }
        rusqlite::Error::MultipleStatement => {
            "prepare() takes one statement; use db.exec() to run several".into()
        }
        rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::DiskFull => {
            "database or disk is full: this exercise's database has reached its size limit".into()
        }
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    }
}

fn error_code(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::SqliteFailure(e, _) => extended_code_name(e.extended_code),
        rusqlite::Error::SqlInputError { error, .. } => extended_code_name(error.extended_code),
        rusqlite::Error::InvalidParameterCount(..) | rusqlite::Error::InvalidParameterName(_) => {
            "SQLITE_RANGE".into()
        }
        _ => "SQLITE_ERROR".into(),
    }
}

fn extended_code_name(code: i32) -> String {
    use rusqlite::ffi;
    let name = match code {
        ffi::SQLITE_CONSTRAINT_UNIQUE => "SQLITE_CONSTRAINT_UNIQUE",
        ffi::SQLITE_CONSTRAINT_PRIMARYKEY => "SQLITE_CONSTRAINT_PRIMARYKEY",
        ffi::SQLITE_CONSTRAINT_NOTNULL => "SQLITE_CONSTRAINT_NOTNULL",
        ffi::SQLITE_CONSTRAINT_FOREIGNKEY => "SQLITE_CONSTRAINT_FOREIGNKEY",
        ffi::SQLITE_CONSTRAINT_CHECK => "SQLITE_CONSTRAINT_CHECK",
        c if c & 0xff == ffi::SQLITE_CONSTRAINT => "SQLITE_CONSTRAINT",
        c if c & 0xff == ffi::SQLITE_FULL => "SQLITE_FULL",
        c if c & 0xff == ffi::SQLITE_AUTH => "SQLITE_AUTH",
        c if c & 0xff == ffi::SQLITE_READONLY => "SQLITE_READONLY",
        c if c & 0xff == ffi::SQLITE_TOOBIG => "SQLITE_TOOBIG",
        c if c & 0xff == ffi::SQLITE_MISMATCH => "SQLITE_MISMATCH",
        _ => "SQLITE_ERROR",
    };
    name.to_string()
}

#[cfg(test)]
mod tests;
