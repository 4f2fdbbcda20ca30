//! The guards on a scratch connection: what learner SQL may not do (attach
//! files, load extensions, rewrite the schema table, set most pragmas), how
//! big the database may grow, and when a runaway statement is stopped.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use rusqlite::Connection;
use rusqlite::config::DbConfig;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::limits::Limit;

/// Pragmas a learner may use: they only read the schema or switch on checks.
const ALLOWED_PRAGMAS: &[&str] = &[
    "table_info",
    "table_xinfo",
    "table_list",
    "index_list",
    "index_info",
    "index_xinfo",
    "foreign_key_list",
    "foreign_key_check",
    "foreign_keys",
    "integrity_check",
    "quick_check",
    "user_version",
];

#[derive(Default)]
struct State {
    deadline: Mutex<Option<Instant>>,
    denial: Mutex<Option<String>>,
}

/// Handle on the guards installed on one connection.
pub struct Guards {
    state: Arc<State>,
}

impl Guards {
    /// Installs every guard. `max_pages` caps the database size (4 KiB pages).
    pub fn install(conn: &Connection, max_pages: u32) -> rusqlite::Result<Self> {
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
        conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
        conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, 8 << 20)?;
        conn.set_limit(Limit::SQLITE_LIMIT_SQL_LENGTH, 1 << 20)?;
        conn.pragma_update(None, "max_page_count", max_pages)?;
        conn.pragma_update(None, "foreign_keys", true)?;
        let state = Arc::new(State::default());
        let progress = Arc::clone(&state);
        conn.progress_handler(1000, Some(move || progress.expired()));
        let auth = Arc::clone(&state);
        conn.authorizer(Some(move |ctx: AuthContext<'_>| auth.authorize(&ctx)));
        Ok(Self { state })
    }

    /// Statements still running at `deadline` are interrupted.
    pub fn set_deadline(&self, deadline: Option<Instant>) {
        *lock(&self.state.deadline) = deadline;
    }

    pub(super) fn clear_denial(&self) {
        lock(&self.state.denial).take();
    }

    /// The reason the last statement was refused, if a guard refused it.
    pub(super) fn take_denial(&self) -> Option<String> {
        lock(&self.state.denial).take()
    }
}

impl State {
    fn expired(&self) -> bool {
        lock(&self.deadline).is_some_and(|d| Instant::now() >= d)
    }

    fn authorize(&self, ctx: &AuthContext<'_>) -> Authorization {
        match denial(&ctx.action) {
            Some(reason) => {
                *lock(&self.denial) = Some(reason);
                Authorization::Deny
            }
            None => Authorization::Allow,
        }
    }
}

fn denial(action: &AuthAction<'_>) -> Option<String> {
    match action {
        AuthAction::Attach { .. } => Some(
            "ATTACH is not allowed here: each exercise works on its own single database".into(),
        ),
        AuthAction::Detach { .. } => Some("DETACH is not allowed here".into()),
        AuthAction::Pragma { pragma_name, .. } => {
            let name = pragma_name.to_ascii_lowercase();
            (!ALLOWED_PRAGMAS.contains(&name.as_str())).then(|| {
                format!(
                    "PRAGMA {name} is not allowed here; the allowed pragmas are {}",
                    ALLOWED_PRAGMAS.join(", ")
                )
            })
        }
        AuthAction::Function { function_name } => {
            let name = function_name.to_ascii_lowercase();
            (name == "load_extension" || name == "fts3_tokenizer").then(|| {
                format!("{name}() is not allowed here: the sandbox cannot load code into SQLite")
            })
        }
        _ => None,
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
