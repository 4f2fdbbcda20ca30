//! The scratch database, inside the sandbox: an in-memory SQLite opened from
//! the image the host sends, with the guards that keep learner SQL inside it
//! (no ATTACH, no extensions, a size cap, a short list of pragmas). Because
//! SQLite runs here, every statement (parsing, planning, running) is under
//! the run's deadline and memory limit, and its `now` is the sandbox clock.

use std::cell::{Cell, RefCell};
use std::sync::{Arc, Mutex, PoisonError};

use rusqlite::config::DbConfig;
use rusqlite::hooks::{AuthAction, AuthContext, Authorization};
use rusqlite::limits::Limit;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{CachedStatement, Connection, ErrorCode, MAIN_DB, Statement};

use crate::backlab::sandbox::types::{SqlCode, SqlError, Value};
use crate::entropy;

/// Pragmas a learner may use: they only read the schema, or set the
/// schema's own version number.
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
    // What better-sqlite3's README sets at start-up: harmless on a database
    // that lives in memory for one request.
    "journal_mode",
    "synchronous",
    "busy_timeout",
    "cache_size",
    "temp_store",
    "optimize",
    "page_count",
    "page_size",
    // Read-only; FTS5 asks for it whenever its index is written.
    "data_version",
];

/// The longest value a statement may make or store.
const VALUE_BYTES: i32 = 8 << 20;

/// Parameters for one statement.
pub enum Params {
    Positional(Vec<Value>),
    Named(Vec<(String, Value)>),
}

/// Rows a query gave.
pub struct Rows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// Why a query gave no rows.
pub enum QueryError {
    Sql(SqlError),
    TooManyRows(u32),
}

impl From<SqlError> for QueryError {
    fn from(error: SqlError) -> Self {
        Self::Sql(error)
    }
}

/// One run's database with its guards.
pub struct Database {
    conn: Connection,
    /// Why the authorizer refused the last statement, if it did.
    denial: Denial,
    /// `data_version` when the database was opened.
    version: u32,
}

impl Database {
    /// Opens a connection with every guard on, an empty main database and
    /// the TEMP database capped at `temp_pages`, kept for the next `open`.
    /// Runs before the host snapshots this instance, so a request starts
    /// with SQLite initialised and the connection configured.
    pub fn open_ahead(temp_pages: u32) -> rusqlite::Result<()> {
        let (conn, denial) = guarded()?;
        trusted(|| conn.execute_batch(&format!("PRAGMA temp.max_page_count = {temp_pages};")))?;
        TEMP_PAGES.set(temp_pages);
        PREPARED.with(|p| *p.borrow_mut() = Some((conn, denial)));
        Ok(())
    }

    /// Opens `image` (a serialized main database) with every guard on;
    /// `max_pages` caps both the main and the TEMP database.
    pub fn open(image: Vec<u8>, max_pages: u32) -> rusqlite::Result<Self> {
        let prepared = PREPARED.with(|p| p.borrow_mut().take());
        let (mut conn, denial) = match prepared {
            Some(pair) => pair,
            None => guarded()?,
        };
        // SQLite seeds its generator on first use, which may have been
        // before the snapshot: each request seeds it again from its own
        // random source.
        entropy::reseed();
        let conn = trusted(|| {
            // Replaces the main database; the connection's settings stay.
            conn.deserialize_read_exact(MAIN_DB, &image[..], image.len(), false)?;
            drop(image);
            // The TEMP database stays as `open_ahead` capped it, unless this
            // run's cap differs (each statement here is parsed per request).
            let temp = match TEMP_PAGES.get() == max_pages {
                true => String::new(),
                false => format!(" PRAGMA temp.max_page_count = {max_pages};"),
            };
            conn.execute_batch(&format!("PRAGMA max_page_count = {max_pages};{temp}"))?;
            Ok(conn)
        })?;
        let opened = Self {
            conn,
            denial,
            version: 0,
        };
        Ok(Self {
            version: opened.data_version(),
            ..opened
        })
    }

    /// The main database's change counter: it moves with every commit that
    /// wrote to it (rows, schema, `user_version` alike).
    fn data_version(&self) -> u32 {
        let mut version: u32 = 0;
        // SAFETY: the handle is open for `self`'s lifetime, and
        // SQLITE_FCNTL_DATA_VERSION writes one unsigned int to the pointer.
        unsafe {
            rusqlite::ffi::sqlite3_file_control(
                self.conn.handle(),
                c"main".as_ptr(),
                rusqlite::ffi::SQLITE_FCNTL_DATA_VERSION,
                (&raw mut version).cast(),
            );
        }
        version
    }

    /// Whether the main database changed since it was opened.
    pub fn changed(&self) -> bool {
        self.data_version() != self.version
    }

    /// Runs a statement that returns rows, keeping at most `limit`
    /// (or only the first with `first_only`).
    pub fn query(
        &self,
        sql: &str,
        params: &Params,
        limit: u32,
        first_only: bool,
    ) -> Result<Rows, QueryError> {
        let mut stmt = self.prepare(sql)?;
        if stmt.column_count() == 0 {
            return Err(QueryError::Sql(SqlError {
                message:
                    "this statement does not return rows; use .run() instead of .get() or .all()"
                        .into(),
                code: SqlCode::NotAQuery,
            }));
        }
        bind(&mut stmt, params).map_err(|e| self.failure(e))?;
        let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
        let mut raw = stmt.raw_query();
        let mut rows = Vec::new();
        while let Some(row) = raw.next().map_err(|e| self.failure(e))? {
            if rows.len() == limit as usize {
                return Err(QueryError::TooManyRows(limit));
            }
            rows.push(
                (0..columns.len())
                    .map(|i| value_of(row.get_ref_unwrap(i)))
                    .collect(),
            );
            if first_only {
                break;
            }
        }
        Ok(Rows { columns, rows })
    }

    /// Whether `sql` returns rows (a query) rather than changing data;
    /// compiling it is how `db.prepare()` finds mistakes, as better-sqlite3's does.
    pub fn returns_rows(&self, sql: &str) -> Result<bool, SqlError> {
        Ok(self.prepare(sql)?.column_count() > 0)
    }

    /// Runs a statement that changes the database: the rows it changed (0
    /// for a statement that changes none, as better-sqlite3 counts) and the
    /// last inserted rowid.
    pub fn run(&self, sql: &str, params: &Params) -> Result<(u64, i64), SqlError> {
        let mut stmt = self.prepare(sql)?;
        bind(&mut stmt, params).map_err(|e| self.failure(e))?;
        let before = self.conn.total_changes();
        match stmt.raw_execute() {
            Ok(_) | Err(rusqlite::Error::ExecuteReturnedResults) => {}
            Err(e) => return Err(self.failure(e)),
        }
        let changes = if self.conn.total_changes() == before {
            0
        } else {
            self.conn.changes()
        };
        Ok((changes, self.conn.last_insert_rowid()))
    }

    /// Runs one or more statements without parameters.
    pub fn exec(&self, sql: &str) -> Result<(), SqlError> {
        self.take_denial();
        self.conn.execute_batch(sql).map_err(|e| self.failure(e))
    }

    /// Whether a transaction is open (`db.inTransaction`).
    pub fn in_transaction(&self) -> bool {
        !self.conn.is_autocommit()
    }

    /// Rolls back a transaction the code left open; says whether there was one.
    pub fn end_open_transaction(&self) -> bool {
        !self.conn.is_autocommit() && self.conn.execute_batch("ROLLBACK").is_ok()
    }

    /// The main database as an image (TEMP objects are not part of it).
    pub fn image(&self) -> Vec<u8> {
        self.conn
            .serialize(MAIN_DB)
            .map(|data| data.to_vec())
            .unwrap_or_default()
    }

    fn take_denial(&self) -> Option<String> {
        self.denial
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    /// A compiled statement, from the cache when the same SQL ran before
    /// (a learner's `db.prepare()` compiles it once, its `.run()` reuses it).
    fn prepare(&self, sql: &str) -> Result<CachedStatement<'_>, SqlError> {
        self.take_denial();
        self.conn.prepare_cached(sql).map_err(|e| self.failure(e))
    }

    fn failure(&self, error: rusqlite::Error) -> SqlError {
        if let Some(reason) = self.take_denial() {
            return SqlError {
                message: reason,
                code: SqlCode::Auth,
            };
        }
        // This SQLite has no extension loading at all (WASI has no dlopen),
        // so the authorizer never sees the function: it is unknown.
        let message = friendly_message(&error);
        if message.eq_ignore_ascii_case("no such function: load_extension") {
            let message =
                "load_extension() is not allowed here: the sandbox cannot load code into SQLite";
            return SqlError {
                message: message.into(),
                code: SqlCode::Auth,
            };
        }
        SqlError {
            message,
            code: code_of(&error),
        }
    }
}

thread_local! {
    /// The connection `open_ahead` made, taken by the one request this
    /// instance answers.
    static PREPARED: RefCell<Option<(Connection, Denial)>> = const { RefCell::new(None) };
    /// Set while Backlab itself runs statements the guards would refuse
    /// (opening the image, setting the size cap).
    static TRUSTED: Cell<bool> = const { Cell::new(false) };
    /// The TEMP database's cap, in pages, as `open_ahead` set it (0: none).
    static TEMP_PAGES: Cell<u32> = const { Cell::new(0) };
}

/// Why the authorizer refused the last statement, shared with it.
type Denial = Arc<Mutex<Option<String>>>;

/// Runs `f` with the guards off: only for Backlab's own statements.
fn trusted<T>(f: impl FnOnce() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    TRUSTED.set(true);
    let result = f();
    TRUSTED.set(false);
    result
}

/// An in-memory connection with every guard on.
fn guarded() -> rusqlite::Result<(Connection, Denial)> {
    entropy::install();
    let conn = Connection::open_in_memory()?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    // As better-sqlite3 builds SQLite: "Ada" is a column name, never a string.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DQS_DML, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DQS_DDL, false)?;
    conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
    conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, VALUE_BYTES)?;
    conn.set_limit(Limit::SQLITE_LIMIT_SQL_LENGTH, 1 << 20)?;
    // Foreign keys are on from the build (SQLITE_DEFAULT_FOREIGN_KEYS).
    let denial = Denial::default();
    let reason = Arc::clone(&denial);
    conn.authorizer(Some(move |ctx: AuthContext<'_>| {
        if TRUSTED.get() {
            return Authorization::Allow;
        }
        match denial_of(&ctx.action) {
            Some(why) => {
                *reason.lock().unwrap_or_else(PoisonError::into_inner) = Some(why);
                Authorization::Deny
            }
            None => Authorization::Allow,
        }
    }));
    Ok((conn, denial))
}

/// Why the authorizer refuses an action, if it does.
fn denial_of(action: &AuthAction<'_>) -> Option<String> {
    match action {
        AuthAction::Attach { .. } => Some(
            "ATTACH is not allowed here: each exercise works on its own single database".into(),
        ),
        AuthAction::Detach { .. } => Some("DETACH is not allowed here".into()),
        AuthAction::Pragma {
            pragma_name,
            pragma_value,
        } => pragma_denial(pragma_name, *pragma_value),
        AuthAction::Function { function_name } => {
            let name = function_name.to_ascii_lowercase();
            (name == "fts3_tokenizer").then(|| {
                format!("{name}() is not allowed here: the sandbox cannot load code into SQLite")
            })
        }
        _ => None,
    }
}

fn pragma_denial(name: &str, value: Option<&str>) -> Option<String> {
    let name = name.to_ascii_lowercase();
    if !ALLOWED_PRAGMAS.contains(&name.as_str()) {
        return Some(format!(
            "PRAGMA {name} is not allowed here; the allowed pragmas are {}",
            ALLOWED_PRAGMAS.join(", ")
        ));
    }
    let on = |v: &str| {
        matches!(
            v.trim().to_ascii_lowercase().as_str(),
            "1" | "on" | "true" | "yes"
        )
    };
    match value {
        Some(v) if name == "foreign_keys" && !on(v) => Some(
            "PRAGMA foreign_keys stays ON here: switching foreign key checks off would let rows point at nothing".into(),
        ),
        _ => None,
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
                stmt.raw_bind_parameter(i + 1, Bound(value))?;
            }
        }
        Params::Named(values) => {
            for i in 1..=expected {
                // A `?` has no name: named values leave it unbound, as in
                // better-sqlite3 ("Too few parameter values").
                let Some(name) = stmt.parameter_name(i).map(str::to_string) else {
                    return Err(rusqlite::Error::InvalidParameterCount(0, expected));
                };
                let key = name.trim_start_matches([':', '@', '$']);
                let value = values.iter().find(|(k, _)| k == key).map(|(_, v)| v);
                let value =
                    value.ok_or_else(|| rusqlite::Error::InvalidParameterName(name.clone()))?;
                stmt.raw_bind_parameter(i, Bound(value))?;
            }
        }
    }
    Ok(())
}

/// A WIT value bound as an SQL parameter.
struct Bound<'a>(&'a Value);

impl rusqlite::ToSql for Bound<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self.0 {
            Value::Null => ValueRef::Null,
            Value::Integer(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(t) => ValueRef::Text(t.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

pub fn value_of(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(f) => Value::Real(f),
        ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

fn friendly_message(error: &rusqlite::Error) -> String {
    match error {
        rusqlite::Error::InvalidParameterCount(given, expected) => format!(
            "Too {} parameter values were provided (this statement has {expected} placeholder(s) but was given {given} value(s))",
            if given < expected { "few" } else { "many" }
        ),
        rusqlite::Error::InvalidParameterName(name) => format!(
            "Missing named parameter \"{}\" (the statement uses {name}, but no value with that name was given)",
            name.trim_start_matches([':', '@', '$'])
        ),
        rusqlite::Error::MultipleStatement => {
            "The supplied SQL string contains more than one statement (db.prepare() takes one; put each in its own db.prepare(), or use db.exec() for a fixed script)".into()
        }
        rusqlite::Error::SqliteFailure(e, _) if e.code == ErrorCode::DiskFull => {
            "database or disk is full: this exercise's database has reached its size limit".into()
        }
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    }
}

fn code_of(error: &rusqlite::Error) -> SqlCode {
    use rusqlite::ffi;
    let extended = match error {
        rusqlite::Error::SqliteFailure(e, _) => e.extended_code,
        rusqlite::Error::SqlInputError { error, .. } => error.extended_code,
        rusqlite::Error::InvalidParameterCount(..)
        | rusqlite::Error::InvalidParameterName(_)
        | rusqlite::Error::MultipleStatement => {
            return SqlCode::Range;
        }
        _ => return SqlCode::Error,
    };
    match extended {
        ffi::SQLITE_CONSTRAINT_UNIQUE => SqlCode::ConstraintUnique,
        ffi::SQLITE_CONSTRAINT_PRIMARYKEY => SqlCode::ConstraintPrimaryKey,
        ffi::SQLITE_CONSTRAINT_NOTNULL => SqlCode::ConstraintNotNull,
        ffi::SQLITE_CONSTRAINT_FOREIGNKEY => SqlCode::ConstraintForeignKey,
        ffi::SQLITE_CONSTRAINT_CHECK => SqlCode::ConstraintCheck,
        c if c & 0xff == ffi::SQLITE_CONSTRAINT => SqlCode::Constraint,
        c if c & 0xff == ffi::SQLITE_FULL => SqlCode::Full,
        c if c & 0xff == ffi::SQLITE_AUTH => SqlCode::Auth,
        c if c & 0xff == ffi::SQLITE_READONLY => SqlCode::Readonly,
        c if c & 0xff == ffi::SQLITE_TOOBIG => SqlCode::TooBig,
        c if c & 0xff == ffi::SQLITE_MISMATCH => SqlCode::Mismatch,
        c if c & 0xff == ffi::SQLITE_RANGE => SqlCode::Range,
        _ => SqlCode::Error,
    }
}

/// The name better-sqlite3 gives a code in `err.code`.
pub fn code_name(code: SqlCode) -> &'static str {
    match code {
        SqlCode::ConstraintUnique => "SQLITE_CONSTRAINT_UNIQUE",
        SqlCode::ConstraintPrimaryKey => "SQLITE_CONSTRAINT_PRIMARYKEY",
        SqlCode::ConstraintNotNull => "SQLITE_CONSTRAINT_NOTNULL",
        SqlCode::ConstraintForeignKey => "SQLITE_CONSTRAINT_FOREIGNKEY",
        SqlCode::ConstraintCheck => "SQLITE_CONSTRAINT_CHECK",
        SqlCode::Constraint => "SQLITE_CONSTRAINT",
        SqlCode::Full => "SQLITE_FULL",
        SqlCode::Auth => "SQLITE_AUTH",
        SqlCode::Readonly => "SQLITE_READONLY",
        SqlCode::TooBig => "SQLITE_TOOBIG",
        SqlCode::Mismatch => "SQLITE_MISMATCH",
        SqlCode::Range => "SQLITE_RANGE",
        SqlCode::NotAQuery => "SQLITE_MISUSE",
        SqlCode::Error => "SQLITE_ERROR",
    }
}

/// The code a learner's error object names, back as the enum.
pub fn code_from_name(name: &str) -> SqlCode {
    const ALL: [SqlCode; 14] = [
        SqlCode::ConstraintUnique,
        SqlCode::ConstraintPrimaryKey,
        SqlCode::ConstraintNotNull,
        SqlCode::ConstraintForeignKey,
        SqlCode::ConstraintCheck,
        SqlCode::Constraint,
        SqlCode::Full,
        SqlCode::Auth,
        SqlCode::Readonly,
        SqlCode::TooBig,
        SqlCode::Mismatch,
        SqlCode::Range,
        SqlCode::NotAQuery,
        SqlCode::Error,
    ];
    ALL.into_iter()
        .find(|c| code_name(*c) == name)
        .unwrap_or(SqlCode::Error)
}
