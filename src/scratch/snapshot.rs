//! A read-only copy, on the host, of the database a learner's code left
//! behind: the grader's checks and Run's table view read it. It holds only
//! the main database (TEMP objects stayed in the guest), it is stopped at
//! its own deadline, and every query is capped in rows and bytes, so a
//! planted view or a flood of rows can neither hang nor swell the host.

use std::time::{Duration, Instant};

use rusqlite::Connection;
use rusqlite::ErrorCode;
use rusqlite::config::DbConfig;

use super::SqlValue;

/// How much of a query's result the host keeps.
#[derive(Debug, Clone, Copy)]
pub struct Caps {
    pub rows: usize,
    pub bytes: usize,
}

impl Caps {
    /// What a check may read: more than any exercise's answer needs.
    pub const CHECK: Self = Self {
        rows: 1000,
        bytes: 1 << 20,
    };
}

/// Why a check could not read the database.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CheckError {
    #[error("it was stopped after {} ms", .0.as_millis())]
    TimedOut(Duration),
    #[error("{0}")]
    Sql(String),
}

/// Rows a query gave, up to the caps.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QueryRows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<SqlValue>>,
    /// The query had more rows (or bytes) than the caps let through.
    pub cut: bool,
}

/// A read-only host copy of a test's database.
pub struct Snapshot {
    conn: Connection,
    timeout: Duration,
}

impl Snapshot {
    /// Opens `image`; every statement on it stops `timeout` from now. Only
    /// a `writable` copy takes `try_statement`.
    pub fn open(image: &[u8], timeout: Duration, writable: bool) -> Result<Self, CheckError> {
        let sql = |e: rusqlite::Error| CheckError::Sql(e.to_string());
        let conn = super::open_image(image, !writable).map_err(sql)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)
            .map_err(sql)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)
            .map_err(sql)?;
        conn.pragma_update(None, "query_only", !writable)
            .map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql)?;
        let deadline = Instant::now() + timeout;
        conn.progress_handler(1000, Some(move || Instant::now() >= deadline));
        Ok(Self { conn, timeout })
    }

    /// Runs an author's (or Backlab's) query, keeping what fits in `caps`.
    pub fn query(&self, sql: &str, caps: Caps) -> Result<QueryRows, CheckError> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.error(e))?;
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let mut raw = stmt.raw_query();
        let mut out = QueryRows {
            columns,
            ..QueryRows::default()
        };
        let mut bytes = 0;
        while let Some(row) = raw.next().map_err(|e| self.error(e))? {
            let values: Vec<SqlValue> = (0..out.columns.len())
                .map(|i| SqlValue::from_ref(row.get_ref_unwrap(i)))
                .collect();
            bytes += values.iter().map(SqlValue::size).sum::<usize>();
            if out.rows.len() == caps.rows || bytes > caps.bytes {
                out.cut = true;
                break;
            }
            out.rows.push(values);
        }
        Ok(out)
    }

    /// Tables of the template (`names`) that are now views: the learner's
    /// code dropped one and put a view under its name, which a check would
    /// read as if it were the table. Each comes with what it is now.
    pub fn replaced_tables(&self, names: &[String]) -> Result<Vec<(String, String)>, CheckError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT type FROM sqlite_schema WHERE name = ?1 COLLATE NOCASE AND type = 'view'",
            )
            .map_err(|e| self.error(e))?;
        let mut out = Vec::new();
        for name in names {
            let kind: Option<String> =
                stmt.query_row([name], |r| r.get(0))
                    .map(Some)
                    .or_else(|e| match e {
                        rusqlite::Error::QueryReturnedNoRows => Ok(None),
                        e => Err(self.error(e)),
                    })?;
            if let Some(kind) = kind {
                out.push((name.clone(), kind));
            }
        }
        Ok(out)
    }

    /// Tries an author's statement and undoes it: `Ok(None)` when the
    /// database accepted it, `Ok(Some(message))` when a constraint refused it.
    pub fn try_statement(&self, sql: &str) -> Result<Option<String>, CheckError> {
        self.conn
            .execute_batch("SAVEPOINT backlab_try")
            .map_err(|e| self.error(e))?;
        let result = self.conn.execute_batch(sql);
        self.conn
            .execute_batch("ROLLBACK TO backlab_try; RELEASE backlab_try")
            .map_err(|e| self.error(e))?;
        match result {
            Ok(()) => Ok(None),
            Err(rusqlite::Error::SqliteFailure(e, message))
                if e.code == ErrorCode::ConstraintViolation =>
            {
                Ok(Some(message.unwrap_or_else(|| e.to_string())))
            }
            Err(e) => Err(self.error(e)),
        }
    }

    /// The user tables, by name, under this snapshot's deadline.
    pub fn table_names(&self) -> Result<Vec<String>, CheckError> {
        super::table_names(&self.conn).map_err(|e| self.error(e))
    }

    fn error(&self, error: rusqlite::Error) -> CheckError {
        match &error {
            rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::OperationInterrupted => {
                CheckError::TimedOut(self.timeout)
            }
            _ => CheckError::Sql(error.to_string()),
        }
    }
}
