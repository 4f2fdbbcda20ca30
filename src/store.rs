//! The learner's own data: drafts autosaved as they type, submissions with
//! their reports, lessons read and exercises passed. One SQLite file in the
//! data dir, in WAL mode, every write one transaction, so a killed process
//! loses nothing that was acknowledged. Calls block: the server makes them
//! off the async runtime.

mod health;
mod learner;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

pub use health::Unusable;
pub use learner::LearnerData;

/// Each entry moves the schema one version on; `user_version` says how far
/// a file has come. Never edit an entry once released: add one.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE drafts (
        exercise TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        saved_at INTEGER NOT NULL
    );
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        exercise TEXT NOT NULL,
        code TEXT NOT NULL,
        status TEXT NOT NULL,
        passed INTEGER NOT NULL,
        total INTEGER NOT NULL,
        report TEXT NOT NULL,
        submitted_at INTEGER NOT NULL
    );
    CREATE INDEX submissions_by_exercise ON submissions (exercise, id);
    CREATE TABLE lessons_read (
        lesson TEXT PRIMARY KEY,
        read_at INTEGER NOT NULL
    );
    CREATE TABLE exercises_passed (
        exercise TEXT PRIMARY KEY,
        passed_at INTEGER NOT NULL
    );",
    "CREATE TABLE solutions_revealed (
        exercise TEXT PRIMARY KEY,
        revealed_at INTEGER NOT NULL
    );",
];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file cannot be used: read-only, locked, damaged, ….
    #[error("{0}")]
    Unusable(Unusable),
    #[error(
        "cannot create the data folder {dir} ({reason}): start Backlab with --data-dir and a folder you can write to"
    )]
    DataDir { dir: String, reason: String },
    #[error(
        "the progress file was written by a newer Backlab (schema {found}, this one knows {known}); update Backlab"
    )]
    TooNew { found: i64, known: i64 },
    #[error("the progress database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("{0}")]
    Class(#[from] crate::class::DbError),
}

/// A saved draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub code: String,
    /// Unix seconds.
    pub saved_at: i64,
}

/// A submission without its code and report, for lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SubmissionSummary {
    pub id: i64,
    /// 1 for the first submission to this exercise, 2 for the next, ….
    pub number: i64,
    pub status: String,
    pub passed: i64,
    pub total: i64,
    pub submitted_at: i64,
}

/// A submission in full; `report` is the grader's JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Submission {
    pub summary: SubmissionSummary,
    pub exercise: String,
    pub code: String,
    pub report: serde_json::Value,
}

/// What a learner has done, for progress bars and "continue here".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    pub lessons_read: Vec<String>,
    pub exercises_passed: Vec<String>,
}

/// How long a write waits for another program's lock at run time.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The learner's store; one connection, shared behind a lock.
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
    notice: Option<String>,
}

impl Store {
    /// Opens (or creates) the store at `path`, brings its schema up to
    /// date, and checks that it can be read (`quick_check`) and written
    /// (a real commit); a file that cannot be used is refused with a
    /// sentence that says why and what to do.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::DataDir {
                dir: dir.display().to_string(),
                reason: e.to_string(),
            })?;
        }
        let notice = std::fs::metadata(path)
            .is_ok_and(|m| m.is_file() && m.len() == 0)
            .then(|| {
                format!(
                    "The progress file {} was empty (0 bytes), so Backlab starts a new one \
                     there; if it once held your progress, that was lost before Backlab started.",
                    path.display()
                )
            });
        let fail = |e: rusqlite::Error| file_error(path, e);
        let mut conn = Connection::open(path).map_err(fail)?;
        // A lock held by another program is reported soon at start-up.
        conn.busy_timeout(Duration::from_secs(1)).map_err(fail)?;
        check_readable(&conn).map_err(fail)?;
        // WAL with synchronous=NORMAL: a commit survives the process being
        // killed at any moment (only a power cut can undo the last ones).
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(fail)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(fail)?;
        migrate(&mut conn).map_err(|e| match e {
            StoreError::Sql(e) => file_error(path, e),
            other => other,
        })?;
        probe_write(&mut conn).map_err(fail)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        Ok(Self {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
            notice,
        })
    }

    /// Something the learner should know about the file as opened.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// How long a write waits for another program's lock (5 s by default).
    pub fn set_busy_timeout(&self, timeout: Duration) -> Result<(), StoreError> {
        self.with(|c| c.busy_timeout(timeout))
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let mut conn = self
            .conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut conn).map_err(|e| file_error(&self.path, e))
    }

    pub fn save_draft(&self, exercise: &str, code: &str) -> Result<Draft, StoreError> {
        let saved_at = now();
        self.with(|c| upsert_draft(c, exercise, code, saved_at))?;
        Ok(Draft {
            code: code.to_string(),
            saved_at,
        })
    }

    pub fn draft(&self, exercise: &str) -> Result<Option<Draft>, StoreError> {
        self.with(|c| {
            c.query_row(
                "SELECT code, saved_at FROM drafts WHERE exercise = ?1",
                [exercise],
                |row| {
                    Ok(Draft {
                        code: row.get(0)?,
                        saved_at: row.get(1)?,
                    })
                },
            )
            .optional()
        })
    }

    /// Forgets the draft (reset to starter).
    pub fn delete_draft(&self, exercise: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute("DELETE FROM drafts WHERE exercise = ?1", [exercise])
                .map(drop)
        })
    }

    /// Records a graded submission, keeps its code as the draft (unless
    /// `save_as_draft` is false: the page could not read the draft, so it
    /// must not be replaced), and marks the exercise passed when it passed,
    /// all in one transaction. Returns its summary, numbered per exercise.
    pub fn record_submission(
        &self,
        exercise: &str,
        code: &str,
        report: &crate::grader::Report,
        save_as_draft: bool,
    ) -> Result<SubmissionSummary, StoreError> {
        let json = serde_json::to_string(report).unwrap_or_else(|_| "{}".into());
        let status = report.status.as_str();
        let at = now();
        let passed = report.status == crate::grader::Status::Pass;
        self.with(|c| {
            let tx = c.transaction()?;
            tx.execute(
                "INSERT INTO submissions (exercise, code, status, passed, total, report, submitted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![exercise, code, status, report.passed as i64, report.total as i64, json, at],
            )?;
            let id = tx.last_insert_rowid();
            let number: i64 = tx.query_row(
                "SELECT count(*) FROM submissions WHERE exercise = ?1",
                [exercise],
                |row| row.get(0),
            )?;
            if save_as_draft {
                upsert_draft(&tx, exercise, code, at)?;
            }
            if passed {
                tx.execute(
                    "INSERT OR IGNORE INTO exercises_passed (exercise, passed_at) VALUES (?1, ?2)",
                    params![exercise, at],
                )?;
            }
            tx.commit()?;
            Ok(SubmissionSummary {
                id,
                number,
                status: status.to_string(),
                passed: report.passed as i64,
                total: report.total as i64,
                submitted_at: at,
            })
        })
    }

    /// The submissions to an exercise, newest first.
    pub fn submissions(&self, exercise: &str) -> Result<Vec<SubmissionSummary>, StoreError> {
        self.with(|c| {
            let mut stmt = c.prepare(
                "SELECT id, ROW_NUMBER() OVER (ORDER BY id), status, passed, total, submitted_at
                 FROM submissions WHERE exercise = ?1 ORDER BY id DESC",
            )?;
            stmt.query_map([exercise], summary)?.collect()
        })
    }

    pub fn submission(&self, id: i64) -> Result<Option<Submission>, StoreError> {
        self.with(|c| {
            c.query_row(
                "SELECT id,
                        (SELECT count(*) FROM submissions AS earlier
                         WHERE earlier.exercise = s.exercise AND earlier.id <= s.id),
                        status, passed, total, submitted_at, exercise, code, report
                 FROM submissions AS s WHERE id = ?1",
                [id],
                |row| {
                    let report: String = row.get(8)?;
                    Ok(Submission {
                        summary: summary(row)?,
                        exercise: row.get(6)?,
                        code: row.get(7)?,
                        report: serde_json::from_str(&report).unwrap_or(serde_json::Value::Null),
                    })
                },
            )
            .optional()
        })
    }

    /// How many earlier submissions to `exercise` failed the test named
    /// `test` (a hidden test's name in its report: "Hidden test 3").
    pub fn failures_of(&self, exercise: &str, test: &str) -> Result<i64, StoreError> {
        self.with(|c| {
            c.query_row(
                "SELECT count(*) FROM submissions AS s, json_each(s.report, '$.tests') AS t
                 WHERE s.exercise = ?1 AND json_valid(s.report)
                   AND json_extract(t.value, '$.name') = ?2
                   AND json_extract(t.value, '$.status') != 'pass'",
                params![exercise, test],
                |row| row.get(0),
            )
        })
    }

    /// Records that the learner chose to see the reference solution
    /// before passing.
    pub fn reveal_solution(&self, exercise: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "INSERT OR IGNORE INTO solutions_revealed (exercise, revealed_at) VALUES (?1, ?2)",
                params![exercise, now()],
            )
            .map(drop)
        })
    }

    /// Whether the learner may see the reference solution: they passed,
    /// or asked to see it.
    pub fn may_see_solution(&self, exercise: &str) -> Result<bool, StoreError> {
        self.with(|c| {
            c.query_row(
                "SELECT EXISTS (SELECT 1 FROM exercises_passed WHERE exercise = ?1)
                     OR EXISTS (SELECT 1 FROM solutions_revealed WHERE exercise = ?1)",
                [exercise],
                |row| row.get(0),
            )
        })
    }

    pub fn mark_read(&self, lesson: &str) -> Result<(), StoreError> {
        self.with(|c| {
            c.execute(
                "INSERT OR IGNORE INTO lessons_read (lesson, read_at) VALUES (?1, ?2)",
                params![lesson, now()],
            )
            .map(drop)
        })
    }

    pub fn progress(&self) -> Result<Progress, StoreError> {
        self.with(|c| {
            let list = |sql: &str| -> rusqlite::Result<Vec<String>> {
                c.prepare(sql)?.query_map([], |row| row.get(0))?.collect()
            };
            Ok(Progress {
                lessons_read: list("SELECT lesson FROM lessons_read ORDER BY read_at, lesson")?,
                exercises_passed: list(
                    "SELECT exercise FROM exercises_passed ORDER BY passed_at, exercise",
                )?,
            })
        })
    }
}

impl LearnerData for Store {
    fn draft(&self, exercise: &str) -> Result<Option<Draft>, StoreError> {
        Store::draft(self, exercise)
    }

    fn save_draft(&self, exercise: &str, code: &str) -> Result<Draft, StoreError> {
        Store::save_draft(self, exercise, code)
    }

    fn delete_draft(&self, exercise: &str) -> Result<(), StoreError> {
        Store::delete_draft(self, exercise)
    }

    fn record_submission(
        &self,
        exercise: &crate::catalog::Exercise,
        code: &str,
        report: &crate::grader::Report,
        save_as_draft: bool,
    ) -> Result<SubmissionSummary, StoreError> {
        Store::record_submission(self, &exercise.id.0, code, report, save_as_draft)
    }

    fn submissions(&self, exercise: &str) -> Result<Vec<SubmissionSummary>, StoreError> {
        Store::submissions(self, exercise)
    }

    fn submission(&self, id: i64) -> Result<Option<Submission>, StoreError> {
        Store::submission(self, id)
    }

    fn failures_of(&self, exercise: &str, test: &str) -> Result<i64, StoreError> {
        Store::failures_of(self, exercise, test)
    }

    fn reveal_solution(&self, exercise: &str) -> Result<(), StoreError> {
        Store::reveal_solution(self, exercise)
    }

    fn may_see_solution(&self, exercise: &str) -> Result<bool, StoreError> {
        Store::may_see_solution(self, exercise)
    }

    fn mark_read(&self, lesson: &str) -> Result<(), StoreError> {
        Store::mark_read(self, lesson)
    }

    fn progress(&self) -> Result<Progress, StoreError> {
        Store::progress(self)
    }
}

fn upsert_draft(conn: &Connection, exercise: &str, code: &str, at: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO drafts (exercise, code, saved_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (exercise) DO UPDATE SET code = excluded.code, saved_at = excluded.saved_at",
        params![exercise, code, at],
    )
    .map(drop)
}

fn summary(row: &rusqlite::Row<'_>) -> rusqlite::Result<SubmissionSummary> {
    Ok(SubmissionSummary {
        id: row.get(0)?,
        number: row.get(1)?,
        status: row.get(2)?,
        passed: row.get(3)?,
        total: row.get(4)?,
        submitted_at: row.get(5)?,
    })
}

/// Runs the migrations the file has not had yet, each in a transaction.
fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let known = MIGRATIONS.len() as i64;
    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if found > known {
        return Err(StoreError::TooNew { found, known });
    }
    for (version, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// A SQLite error as the file's problem when it is one.
fn file_error(path: &Path, error: rusqlite::Error) -> StoreError {
    match health::diagnose(path, &error) {
        Some(unusable) => StoreError::Unusable(unusable),
        None => StoreError::Sql(error),
    }
}

/// Reads every page's header (`quick_check`): a damaged or truncated file
/// is found now, not when a learner's save fails.
fn check_readable(conn: &Connection) -> rusqlite::Result<()> {
    let verdict: String = conn.query_row("PRAGMA quick_check(1)", [], |row| row.get(0))?;
    if verdict == "ok" {
        return Ok(());
    }
    // SQLite's own report (pages and cells) goes to the terminal; the
    // learner is told in words that the file is damaged.
    eprintln!("backlab: quick_check of the progress file: {verdict}");
    Err(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
        None,
    ))
}

/// Commits a write that changes nothing, so a read-only file or folder and
/// a lock held elsewhere are found at start-up.
fn probe_write(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
    tx.pragma_update(None, "user_version", version)?;
    tx.commit()
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod broken_files;
