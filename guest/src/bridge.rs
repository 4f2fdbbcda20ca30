//! The functions the prelude reaches through `__host`: the database, the
//! console and crypto. Each statement and each hash is told to the host's
//! trace before and after it runs, so the host can count, time and stop it.

use std::cell::{Cell, RefCell};

use rquickjs::{
    Array, Ctx, Exception, Function, Object, TypedArray, Value, object::Property,
    prelude::Coerced,
};

use crate::backlab::sandbox::crypto;
use crate::backlab::sandbox::trace::{self, StatementEnd, StatementKind};
use crate::backlab::sandbox::types::{Limits, SqlError, Value as SqlValue};
use crate::database::{self, Database, Params, QueryError, Rows};
use crate::digest;
use crate::password::{self, VerifyError};
use crate::preview;

/// The database of the request being answered: the host's image until the
/// first statement needs it, so a request that never touches the database
/// does not pay for opening it.
pub enum Scratch {
    Image { image: Vec<u8>, max_pages: u32 },
    Open(Database),
}

impl Scratch {
    /// Opens the host's image; the host made it, so failing here is a bug
    /// and stops the run (the host keeps the image it sent).
    pub fn open(image: Vec<u8>, max_pages: u32) -> Database {
        Database::open(image, max_pages)
            .unwrap_or_else(|e| panic!("the scratch database could not be opened: {e}"))
    }
}

thread_local! {
    /// The database of the request being answered.
    pub static DATABASE: RefCell<Option<Scratch>> = const { RefCell::new(None) };
    /// The limits of the request being answered.
    pub static LIMITS: Cell<Option<Limits>> = const { Cell::new(None) };
    /// The configuration the app reads as `process.env`.
    pub static ENV: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// The services `fetch` reaches, as JSON.
    pub static SERVICES: RefCell<String> = const { RefCell::new(String::new()) };
}

fn limits() -> Limits {
    LIMITS
        .get()
        .expect("limits are set before any JavaScript runs")
}

fn with_db<T>(f: impl FnOnce(&Database) -> T) -> T {
    // Opened on first use. Only then is it borrowed mutably: a statement's
    // callback into JavaScript may reach the database again, inside the
    // shared borrow below, and by then it is open.
    let unopened = DATABASE.with_borrow(|db| matches!(db, Some(Scratch::Image { .. })));
    if unopened {
        DATABASE.with_borrow_mut(|db| {
            if let Some(Scratch::Image { image, max_pages }) = db.take() {
                *db = Some(Scratch::Open(Scratch::open(image, max_pages)));
            }
        });
    }
    DATABASE.with_borrow(|db| match db {
        Some(Scratch::Open(db)) => f(db),
        _ => unreachable!("the database is there while JavaScript runs"),
    })
}

/// The object the prelude captures as `host` and then hides.
pub fn host_object<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Object<'js>> {
    let host = Object::new(ctx.clone())?;
    host.set("query", Function::new(ctx.clone(), query)?)?;
    host.set("run", Function::new(ctx.clone(), run)?)?;
    host.set("exec", Function::new(ctx.clone(), exec)?)?;
    host.set("prepare", Function::new(ctx.clone(), prepare)?)?;
    host.set(
        "inTransaction",
        Function::new(ctx.clone(), || with_db(Database::in_transaction))?,
    )?;
    host.set("etag", Function::new(ctx.clone(), |body: String| crate::etag::weak(&body))?)?;
    host.set("log", Function::new(ctx.clone(), log)?)?;
    host.set("hashPassword", Function::new(ctx.clone(), hash_password)?)?;
    host.set(
        "verifyPassword",
        Function::new(ctx.clone(), verify_password)?,
    )?;
    host.set(
        "sha256",
        Function::new(ctx.clone(), |text: String| digest::sha256(text.as_bytes()))?,
    )?;
    host.set(
        "hmacSha256",
        Function::new(ctx.clone(), |key: String, text: String| {
            digest::hmac_sha256(key.as_bytes(), text.as_bytes())
        })?,
    )?;
    host.set(
        "timingSafeEqual",
        Function::new(ctx.clone(), |a: String, b: String| {
            digest::timing_safe_equal(a.as_bytes(), b.as_bytes())
        })?,
    )?;
    host.set("env", Function::new(ctx.clone(), env)?)?;
    host.set(
        "services",
        Function::new(ctx.clone(), || SERVICES.with_borrow(Clone::clone))?,
    )?;
    host.set("called", Function::new(ctx.clone(), called)?)?;
    host.set(
        "randomBytes",
        Function::new(ctx.clone(), |len: u32| crypto::random_bytes(len.min(1024)))?,
    )?;
    Ok(host)
}

/// `process.env` as an object of strings.
fn env(ctx: Ctx<'_>) -> rquickjs::Result<Object<'_>> {
    let object = Object::new(ctx.clone())?;
    ENV.with_borrow(|pairs| {
        pairs
            .iter()
            .try_for_each(|(name, value)| object.set(name.as_str(), value.as_str()))
    })?;
    Ok(object)
}

/// Tells the host's trace of a `fetch` to a service.
fn called(method: String, url: String, headers: Vec<Vec<String>>, body: String, status: u16) {
    let headers = headers
        .into_iter()
        .filter_map(|pair| match <[String; 2]>::try_from(pair) {
            Ok([name, value]) => Some((name, preview::cut(&value, preview::SQL_BYTES))),
            Err(_) => None,
        })
        .collect();
    trace::called(&trace::ServiceCall {
        method,
        url: preview::cut(&url, preview::SQL_BYTES),
        headers,
        body: preview::cut(&body, preview::SQL_BYTES),
        status,
    });
}

fn log(level: String, message: String) {
    let level = match level.as_str() {
        "info" => trace::Level::Info,
        "warn" => trace::Level::Warn,
        "error" => trace::Level::Error,
        _ => trace::Level::Log,
    };
    trace::log(level, &message);
}

fn started(kind: StatementKind, sql: &str, params: &Params) {
    let params = match params {
        Params::Positional(values) => {
            trace::Params::Positional(values.iter().map(preview::value).collect())
        }
        Params::Named(pairs) => trace::Params::Named(
            pairs
                .iter()
                .map(|(k, v)| (k.clone(), preview::value(v)))
                .collect(),
        ),
    };
    let sql = preview::cut(sql, preview::SQL_BYTES);
    trace::statement_started(&trace::Statement { kind, sql, params });
}

/// Runs a query; its rows come as objects, or as arrays (`raw()`,
/// `pluck()`, where two columns may share a name).
fn query<'js>(
    ctx: Ctx<'js>,
    sql: String,
    params: Value<'js>,
    first_only: bool,
    arrays: bool,
) -> rquickjs::Result<Object<'js>> {
    let params = to_params(&params)?;
    started(StatementKind::Query, &sql, &params);
    let limit = limits().rows_per_result;
    match with_db(|db| db.query(&sql, &params, limit, first_only)) {
        Ok(rows) => {
            trace::statement_finished(&StatementEnd::Rows(rows_preview(&rows)));
            rows_object(&ctx, rows, arrays)
        }
        Err(QueryError::Sql(error)) => failed(&ctx, error),
        Err(QueryError::TooManyRows(limit)) => {
            // The host stops the run here; this line is not reached.
            trace::statement_finished(&StatementEnd::TooManyRows(limit));
            Err(Exception::throw_internal(&ctx, "too many rows"))
        }
    }
}

fn rows_preview(rows: &Rows) -> trace::Rows {
    trace::Rows {
        columns: rows.columns.clone(),
        first: rows
            .rows
            .iter()
            .take(preview::ROWS_SHOWN)
            .map(|row| row.iter().map(preview::value).collect())
            .collect(),
        count: u32::try_from(rows.rows.len()).unwrap_or(u32::MAX),
    }
}

fn run<'js>(ctx: Ctx<'js>, sql: String, params: Value<'js>) -> rquickjs::Result<Object<'js>> {
    let params = to_params(&params)?;
    started(StatementKind::Run, &sql, &params);
    match with_db(|db| db.run(&sql, &params)) {
        Ok((changes, last_insert_rowid)) => {
            trace::statement_finished(&StatementEnd::Changes(trace::Changes {
                changes,
                last_insert_rowid,
            }));
            let object = Object::new(ctx.clone())?;
            object.set("changes", changes as f64)?;
            object.set("lastInsertRowid", integer(&ctx, last_insert_rowid)?)?;
            Ok(object)
        }
        Err(error) => failed(&ctx, error),
    }
}

/// `db.prepare()`: compiles the statement now, as better-sqlite3 does, so
/// a mistake in the SQL is thrown where the statement is written; says
/// whether it returns data.
/// Only a statement that does not compile is traced here; one that does is
/// traced when it runs.
fn prepare(ctx: Ctx<'_>, sql: String) -> rquickjs::Result<Object<'_>> {
    match with_db(|db| db.returns_rows(&sql)) {
        Ok(reader) => {
            let object = Object::new(ctx)?;
            object.set("reader", reader)?;
            Ok(object)
        }
        Err(error) => {
            started(StatementKind::Query, &sql, &Params::Positional(Vec::new()));
            failed(&ctx, error)
        }
    }
}

fn exec(ctx: Ctx<'_>, sql: String) -> rquickjs::Result<Object<'_>> {
    started(StatementKind::Exec, &sql, &Params::Positional(Vec::new()));
    match with_db(|db| db.exec(&sql)) {
        Ok(()) => {
            trace::statement_finished(&StatementEnd::Done);
            Object::new(ctx)
        }
        Err(error) => failed(&ctx, error),
    }
}

/// An SQL error as the prelude expects it: `{error: {message, code}}`.
fn failed<'js>(ctx: &Ctx<'js>, error: SqlError) -> rquickjs::Result<Object<'js>> {
    trace::statement_finished(&StatementEnd::Failed(error.clone()));
    let inner = Object::new(ctx.clone())?;
    inner.set("message", error.message)?;
    inner.set("code", database::code_name(error.code))?;
    let object = Object::new(ctx.clone())?;
    object.set("error", inner)?;
    Ok(object)
}

fn hash_password(ctx: Ctx<'_>, password: String) -> rquickjs::Result<String> {
    trace::crypto_started(trace::CryptoCall::HashPassword);
    let hash = password::hash(&password).map_err(|e| Exception::throw_internal(&ctx, &e))?;
    trace::crypto_finished();
    Ok(hash)
}

fn verify_password(ctx: Ctx<'_>, password: String, hash: String) -> rquickjs::Result<bool> {
    trace::crypto_started(trace::CryptoCall::VerifyPassword);
    let result = password::verify(&password, &hash, limits().memory_bytes);
    trace::crypto_finished();
    match result {
        Ok(ok) => Ok(ok),
        Err(VerifyError::NotAHash) => {
            trace::log(
                trace::Level::Warn,
                "crypto.verifyPassword: the stored value is not a password hash (was the password saved in plain text instead of with crypto.hashPassword?)",
            );
            Ok(false)
        }
        Err(VerifyError::TooCostly {
            memory_kib,
            limit_kib,
        }) => Err(Exception::throw_range(
            &ctx,
            &format!(
                "crypto.verifyPassword: this hash asks argon2 for {} MiB of memory, more than the sandbox's {} MiB; hashes made by crypto.hashPassword use 19 MiB",
                memory_kib / 1024,
                limit_kib / 1024
            ),
        )),
    }
}

fn rows_object<'js>(ctx: &Ctx<'js>, rows: Rows, arrays: bool) -> rquickjs::Result<Object<'js>> {
    let list = Array::new(ctx.clone())?;
    for (i, row) in rows.rows.into_iter().enumerate() {
        if arrays {
            let array = Array::new(ctx.clone())?;
            for (k, value) in row.into_iter().enumerate() {
                array.set(k, to_js(ctx, value)?)?;
            }
            list.set(i, array)?;
            continue;
        }
        let object = Object::new(ctx.clone())?;
        for (column, value) in rows.columns.iter().zip(row) {
            let value = to_js(ctx, value)?;
            if column == "__proto__" {
                // A plain `set` would change the row's prototype instead.
                object.prop(
                    column.as_str(),
                    Property::from(value).writable().enumerable().configurable(),
                )?;
            } else {
                object.set(column.as_str(), value)?;
            }
        }
        list.set(i, object)?;
    }
    let object = Object::new(ctx.clone())?;
    object.set("columns", rows.columns)?;
    object.set("rows", list)?;
    Ok(object)
}

/// Parameters arrive already checked by the prelude: an array (positional)
/// or a plain object (named).
fn to_params(value: &Value<'_>) -> rquickjs::Result<Params> {
    if let Some(array) = value.as_array() {
        let values = array
            .iter::<Value>()
            .map(|v| v.and_then(|v| to_sql(&v)))
            .collect::<rquickjs::Result<Vec<_>>>()?;
        return Ok(Params::Positional(values));
    }
    let mut named = Vec::new();
    if let Some(object) = value.as_object() {
        for entry in object.props::<String, Value>() {
            let (name, value) = entry?;
            named.push((name, to_sql(&value)?));
        }
    }
    Ok(Params::Named(named))
}

fn to_sql(value: &Value<'_>) -> rquickjs::Result<SqlValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(SqlValue::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(SqlValue::Integer(i64::from(b)));
    }
    // better-sqlite3 binds every JavaScript number as a REAL; an INTEGER
    // column still stores a whole one as an integer.
    if let Some(i) = value.as_int() {
        return Ok(SqlValue::Real(f64::from(i)));
    }
    if let Some(f) = value.as_float() {
        return Ok(SqlValue::Real(f));
    }
    if let Some(big) = value.as_big_int() {
        return Ok(SqlValue::Integer(big.clone().to_i64()?));
    }
    if let Ok(bytes) = TypedArray::<u8>::from_value(value.clone()) {
        // SAFETY: the bytes are copied at once, before any JavaScript runs;
        // a detached array has none.
        let blob = bytes.as_raw().map(|raw| unsafe { raw.as_ref() }.to_vec());
        return Ok(SqlValue::Blob(blob.unwrap_or_default()));
    }
    Ok(SqlValue::Text(value.get::<Coerced<String>>()?.0))
}

pub fn to_js<'js>(ctx: &Ctx<'js>, value: SqlValue) -> rquickjs::Result<Value<'js>> {
    Ok(match value {
        SqlValue::Null => Value::new_null(ctx.clone()),
        SqlValue::Integer(i) => integer(ctx, i)?,
        SqlValue::Real(f) => Value::new_float(ctx.clone(), f),
        SqlValue::Text(s) => rquickjs::String::from_str(ctx.clone(), &s)?.into_value(),
        SqlValue::Blob(b) => TypedArray::<u8>::new(ctx.clone(), b)?.into_value(),
    })
}

/// SQLite integers become JavaScript numbers, as better-sqlite3 gives them
/// (without `safeIntegers`): exact up to 2^53, rounded beyond.
fn integer<'js>(ctx: &Ctx<'js>, i: i64) -> rquickjs::Result<Value<'js>> {
    Ok(match i32::try_from(i) {
        Ok(small) => Value::new_int(ctx.clone(), small),
        Err(_) => Value::new_float(ctx.clone(), i as f64),
    })
}
