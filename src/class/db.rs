//! One class store, two engines: a SQLite file (a class on one laptop) or
//! PostgreSQL (several stateless servers behind a load balancer). The
//! store's SQL is written once, with `$1` placeholders, in the dialect both
//! understand; this module runs it on either, one transaction at a time.

use std::sync::{Condvar, Mutex};
use std::time::Duration;

use rusqlite::Connection;

/// A parameter or a column value. Parameters are never NULL: PostgreSQL
/// would need to know its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Self::Text(v.to_string())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Self::Text(v)
    }
}

/// A result row; columns by position.
#[derive(Debug, Clone)]
pub struct Row(Vec<Value>);

impl Row {
    pub fn int(&self, i: usize) -> i64 {
        self.opt_int(i).unwrap_or(0)
    }

    pub fn opt_int(&self, i: usize) -> Option<i64> {
        match self.0.get(i) {
            Some(Value::Int(v)) => Some(*v),
            Some(Value::Text(t)) => t.parse().ok(),
            _ => None,
        }
    }

    pub fn text(&self, i: usize) -> String {
        self.opt_text(i).unwrap_or_default()
    }

    pub fn opt_text(&self, i: usize) -> Option<String> {
        match self.0.get(i) {
            Some(Value::Text(t)) => Some(t.clone()),
            Some(Value::Int(v)) => Some(v.to_string()),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("the class database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("the class database (PostgreSQL): {0}")]
    Postgres(#[from] postgres::Error),
    #[error("the class database: {0}")]
    Other(String),
}

/// One transaction's statements.
pub trait Tx {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError>;
    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError>;
    /// Several statements with no parameters (the schema).
    fn batch(&mut self, sql: &str) -> Result<(), DbError>;

    /// The first row, if any.
    fn one(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>, DbError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }
}

/// Which engine, for the schema's few differences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

pub enum Db {
    Sqlite(Mutex<Connection>),
    Postgres(Pool),
}

impl Db {
    /// `postgres://…` or `postgresql://…` is a PostgreSQL server; anything
    /// else is the path of a SQLite file.
    pub fn open(spec: &str) -> Result<Self, DbError> {
        if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
            let config: postgres::Config = spec.parse()?;
            let pool = Pool::new(config);
            // Connect now, so a wrong address is reported at start-up.
            let client = pool.get()?;
            pool.put(client);
            return Ok(Self::Postgres(pool));
        }
        let path = std::path::Path::new(spec);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                DbError::Other(format!("cannot create the folder {}: {e}", dir.display()))
            })?;
        }
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Self::Sqlite(Mutex::new(conn)))
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Self::Sqlite(_) => Dialect::Sqlite,
            Self::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs `f` in one transaction: committed when it returns `Ok`, rolled
    /// back otherwise.
    pub fn tx<T>(&self, f: impl FnOnce(&mut dyn Tx) -> Result<T, DbError>) -> Result<T, DbError> {
        match self {
            Self::Sqlite(conn) => {
                let mut conn = conn.lock().unwrap_or_else(|p| p.into_inner());
                let tx =
                    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                let value = f(&mut SqliteTx(&tx))?;
                tx.commit()?;
                Ok(value)
            }
            Self::Postgres(pool) => {
                let mut client = pool.get()?;
                let result = (|| {
                    let mut tx = client.transaction()?;
                    let value = f(&mut PgTx(&mut tx))?;
                    tx.commit()?;
                    Ok(value)
                })();
                pool.put(client);
                result
            }
        }
    }
}

struct SqliteTx<'a>(&'a rusqlite::Transaction<'a>);

/// `$1` as SQLite spells it, `?1`.
fn sqlite_sql(sql: &str) -> String {
    sql.replace('$', "?")
}

fn sqlite_params(params: &[Value]) -> Vec<rusqlite::types::Value> {
    params
        .iter()
        .map(|v| match v {
            Value::Null => rusqlite::types::Value::Null,
            Value::Int(i) => rusqlite::types::Value::Integer(*i),
            Value::Text(t) => rusqlite::types::Value::Text(t.clone()),
        })
        .collect()
}

impl Tx for SqliteTx<'_> {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let mut stmt = self.0.prepare_cached(&sqlite_sql(sql))?;
        let columns = stmt.column_count();
        let rows = stmt.query_map(rusqlite::params_from_iter(sqlite_params(params)), |row| {
            (0..columns)
                .map(|i| {
                    Ok(match row.get_ref(i)? {
                        rusqlite::types::ValueRef::Integer(v) => Value::Int(v),
                        rusqlite::types::ValueRef::Text(t) => {
                            Value::Text(String::from_utf8_lossy(t).into_owned())
                        }
                        rusqlite::types::ValueRef::Real(r) => Value::Int(r as i64),
                        _ => Value::Null,
                    })
                })
                .collect::<rusqlite::Result<Vec<_>>>()
                .map(Row)
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        let mut stmt = self.0.prepare_cached(&sqlite_sql(sql))?;
        Ok(stmt.execute(rusqlite::params_from_iter(sqlite_params(params)))? as u64)
    }

    fn batch(&mut self, sql: &str) -> Result<(), DbError> {
        Ok(self.0.execute_batch(sql)?)
    }
}

struct PgTx<'a, 'b>(&'a mut postgres::Transaction<'b>);

fn pg_params(params: &[Value]) -> Result<Vec<Box<dyn postgres::types::ToSql + Sync>>, DbError> {
    params
        .iter()
        .map(
            |v| -> Result<Box<dyn postgres::types::ToSql + Sync>, DbError> {
                match v {
                    Value::Int(i) => Ok(Box::new(*i)),
                    Value::Text(t) => Ok(Box::new(t.clone())),
                    Value::Null => Err(DbError::Other(
                        "a NULL parameter has no type in PostgreSQL".into(),
                    )),
                }
            },
        )
        .collect()
}

fn pg_row(row: &postgres::Row) -> Result<Row, DbError> {
    use postgres::types::Type;
    let mut values = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let ty = column.type_();
        let value = if *ty == Type::INT8 {
            row.try_get::<_, Option<i64>>(i)?.map(Value::Int)
        } else if *ty == Type::INT4 {
            row.try_get::<_, Option<i32>>(i)?
                .map(|v| Value::Int(v.into()))
        } else if *ty == Type::INT2 {
            row.try_get::<_, Option<i16>>(i)?
                .map(|v| Value::Int(v.into()))
        } else if *ty == Type::BOOL {
            row.try_get::<_, Option<bool>>(i)?
                .map(|v| Value::Int(v.into()))
        } else {
            row.try_get::<_, Option<String>>(i)?.map(Value::Text)
        };
        values.push(value.unwrap_or(Value::Null));
    }
    Ok(Row(values))
}

impl Tx for PgTx<'_, '_> {
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>, DbError> {
        let owned = pg_params(params)?;
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            owned.iter().map(|b| b.as_ref()).collect();
        self.0.query(sql, &refs)?.iter().map(pg_row).collect()
    }

    fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64, DbError> {
        let owned = pg_params(params)?;
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
            owned.iter().map(|b| b.as_ref()).collect();
        Ok(self.0.execute(sql, &refs)?)
    }

    fn batch(&mut self, sql: &str) -> Result<(), DbError> {
        Ok(self.0.batch_execute(sql)?)
    }
}

/// Connections to PostgreSQL, reused; at most `MAX_CONNECTIONS` open.
pub struct Pool {
    config: postgres::Config,
    state: Mutex<PoolState>,
    freed: Condvar,
}

struct PoolState {
    idle: Vec<postgres::Client>,
    open: usize,
}

/// Per server: PostgreSQL allows 100 connections by default, and a class
/// may be served by several servers.
const MAX_CONNECTIONS: usize = 16;

impl Pool {
    fn new(config: postgres::Config) -> Self {
        Self {
            config,
            state: Mutex::new(PoolState {
                idle: Vec::new(),
                open: 0,
            }),
            freed: Condvar::new(),
        }
    }

    fn get(&self) -> Result<postgres::Client, DbError> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            if let Some(client) = state.idle.pop() {
                if !client.is_closed() {
                    return Ok(client);
                }
                state.open -= 1;
                continue;
            }
            if state.open < MAX_CONNECTIONS {
                state.open += 1;
                drop(state);
                return self.config.connect(postgres::NoTls).map_err(|e| {
                    let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
                    state.open -= 1;
                    self.freed.notify_one();
                    e.into()
                });
            }
            state = self.freed.wait(state).unwrap_or_else(|p| p.into_inner());
        }
    }

    fn put(&self, client: postgres::Client) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if client.is_closed() {
            state.open -= 1;
        } else {
            state.idle.push(client);
        }
        self.freed.notify_one();
    }
}

/// A `postgres::Client` runs a small runtime of its own and may not be
/// dropped on an async worker (the last handle to a store may go away on
/// one, as when a server stops): the idle connections close on a thread
/// of their own.
impl Drop for Pool {
    fn drop(&mut self) {
        let state = self.state.get_mut().unwrap_or_else(|p| p.into_inner());
        let idle = std::mem::take(&mut state.idle);
        if !idle.is_empty() {
            let _ = std::thread::spawn(move || drop(idle)).join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_spelled_for_sqlite() {
        assert_eq!(
            sqlite_sql("SELECT $1, $2 WHERE a = $1"),
            "SELECT ?1, ?2 WHERE a = ?1"
        );
    }

    #[test]
    fn a_failed_transaction_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(dir.path().join("c.db").to_str().unwrap()).unwrap();
        db.tx(|tx| tx.batch("CREATE TABLE t (v TEXT)")).unwrap();
        let failed: Result<(), DbError> = db.tx(|tx| {
            tx.execute("INSERT INTO t (v) VALUES ($1)", &["a".into()])?;
            Err(DbError::Other("stop".into()))
        });
        assert!(failed.is_err());
        let rows = db.tx(|tx| tx.query("SELECT count(*) FROM t", &[])).unwrap();
        assert_eq!(rows[0].int(0), 0);
    }
}
