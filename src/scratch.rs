//! The scratch SQLite database of one test, as the host holds it: a
//! template built once from an exercise's `schema.sql` and `seed.sql`, the
//! image a test carries from step to step (the guest opens it, runs the
//! learner's SQL inside the sandbox, and hands it back), and read-only
//! snapshots of it on which the grader runs its checks under a deadline and
//! caps of its own.

pub mod schema;
mod snapshot;
mod value;

use std::sync::Arc;
use std::time::{Duration, Instant};

use rusqlite::{Connection, MAIN_DB};

use crate::sqltext;
pub use snapshot::{Caps, CheckError, QueryRows, Snapshot};
pub use value::SqlValue;

/// How long an author's SQL (a test's `setup`) may run on a copy.
pub const SETUP_TIMEOUT: Duration = Duration::from_secs(5);

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

/// The database every test starts from, serialized once, with the names of
/// its tables (a test fails if the learner's code turns one into a view).
#[derive(Clone)]
pub struct Template {
    image: Arc<Vec<u8>>,
    tables: Arc<Vec<String>>,
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
        let tables = table_names(&conn).map_err(internal)?;
        let image = conn.serialize(MAIN_DB).map_err(internal)?;
        Ok(Self {
            image: Arc::new(image.to_vec()),
            tables: Arc::new(tables),
        })
    }

    /// The tables and columns of the template, for the learner's schema tab.
    pub fn schema(&self) -> rusqlite::Result<Vec<schema::TableSchema>> {
        let conn = open_image(&self.image, true)?;
        schema::read(&conn)
    }

    /// The names of the template's tables.
    pub fn tables(&self) -> &[String] {
        &self.tables
    }

    /// A fresh copy of the template (shared, not copied: a run that
    /// changes the database hands back an image of its own).
    pub fn fresh(&self) -> Scratch {
        Scratch {
            image: Arc::clone(&self.image),
        }
    }

    /// A fresh copy with an author's `setup` SQL run on it (on the host,
    /// before any learner code, under `SETUP_TIMEOUT`).
    pub fn fresh_with(&self, setup: &str) -> Result<Scratch, String> {
        let conn = open_image(&self.image, false).map_err(|e| e.to_string())?;
        let deadline = Instant::now() + SETUP_TIMEOUT;
        conn.progress_handler(1000, Some(move || Instant::now() >= deadline));
        conn.execute_batch(setup).map_err(|e| e.to_string())?;
        let image = conn.serialize(MAIN_DB).map_err(|e| e.to_string())?;
        Ok(Scratch {
            image: Arc::new(image.to_vec()),
        })
    }
}

/// One test's database between steps: the main database's image, never
/// changed in place, so copies share it.
#[derive(Clone)]
pub struct Scratch {
    image: Arc<Vec<u8>>,
}

impl std::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Scratch({} bytes)", self.image.len())
    }
}

impl Scratch {
    /// The database as the guest handed it back.
    pub fn from_image(image: Vec<u8>) -> Self {
        Self {
            image: Arc::new(image),
        }
    }

    /// The serialized main database.
    pub fn image(&self) -> &[u8] {
        &self.image
    }

    /// A read-only copy on the host for checks, stopped at `timeout`.
    pub fn snapshot(&self, timeout: Duration) -> Result<Snapshot, CheckError> {
        Snapshot::open(&self.image, timeout, false)
    }

    /// A writable copy on the host for trying an author's statements.
    pub fn trial(&self, timeout: Duration) -> Result<Snapshot, CheckError> {
        Snapshot::open(&self.image, timeout, true)
    }
}

/// Opens an image on a host connection of its own.
fn open_image(image: &[u8], read_only: bool) -> rusqlite::Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    conn.deserialize_read_exact(MAIN_DB, image, image.len(), read_only)?;
    Ok(conn)
}

fn table_names(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect()
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
                // SQLite points at the token it stopped on, when it knows it.
                let at = match &e {
                    rusqlite::Error::SqlInputError { offset, .. } if *offset >= 0 => {
                        start + *offset as usize
                    }
                    _ => start,
                };
                return Err(TemplateError::Sql {
                    file: file.to_string(),
                    line: sqltext::line_of(script, at.min(script.len())),
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

fn friendly_message(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests;
