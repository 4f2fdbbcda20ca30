//! Class mode's data: the people of one class, their sessions, and each
//! learner's drafts, submissions and progress, plus assignments and the
//! settings an instructor chooses. One store for the whole class, in a
//! SQLite file or in PostgreSQL (see `db`), so every server of a class
//! sees the same class.

pub mod accounts;
pub mod assignments;
pub mod dashboard;
pub mod db;
pub mod gradebook;
mod learner;
pub mod roster;
mod schema;

pub use accounts::{Invite, Member, NewSession, Role, Session};
pub use db::{Db, DbError};
pub use learner::ClassLearner;

/// When learners may see an exercise's reference solution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reveal {
    /// Never (the instructor may change it later).
    Never,
    /// Once every assignment that holds the exercise is past its due date.
    AfterDue,
    /// As soon as the learner passes it, or gives up on it.
    AfterPass,
}

impl Reveal {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Never => "never",
            Self::AfterDue => "after-due",
            Self::AfterPass => "after-pass",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Never, Self::AfterDue, Self::AfterPass]
            .into_iter()
            .find(|r| r.as_str() == text)
    }
}

pub struct ClassStore {
    db: Db,
}

impl ClassStore {
    /// Opens the store at `spec` (a file path, or a `postgres://` address)
    /// and brings its schema up to date.
    pub fn open(spec: &str) -> Result<Self, DbError> {
        let db = Db::open(spec)?;
        let dialect = db.dialect();
        db.tx(|tx| schema::migrate(tx, dialect))?;
        Ok(Self { db })
    }

    /// Whether this store is PostgreSQL (several servers may share it).
    pub fn is_shared(&self) -> bool {
        self.db.dialect() == db::Dialect::Postgres
    }

    pub fn reveal(&self) -> Result<Reveal, DbError> {
        let value = self.db.tx(|tx| {
            Ok(tx
                .one("SELECT value FROM settings WHERE name = 'reveal'", &[])?
                .map(|r| r.text(0)))
        })?;
        Ok(value
            .as_deref()
            .and_then(Reveal::parse)
            .unwrap_or(Reveal::AfterDue))
    }

    pub fn set_reveal(&self, reveal: Reveal) -> Result<(), DbError> {
        self.db.tx(|tx| {
            tx.execute(
                "INSERT INTO settings (name, value) VALUES ('reveal', $1)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                &[reveal.as_str().into()],
            )
            .map(drop)
        })
    }

    /// The newest submission's id across the class: the dashboard's
    /// "something happened" signal, which works across servers.
    pub fn latest_submission(&self) -> Result<i64, DbError> {
        self.db.tx(|tx| {
            Ok(tx
                .one("SELECT max(id) FROM submissions", &[])?
                .map_or(0, |r| r.int(0)))
        })
    }
}
