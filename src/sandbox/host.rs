//! The host side of the guest's imports: the scratch database, the console,
//! crypto. Every call is checked against the run's limits and recorded in
//! the trace; a call over a hard limit stops the run with a verdict.

use std::time::Instant;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use wasmtime::component::ResourceTable;
use wasmtime::{ResourceLimiter, StoreLimits};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use super::bindings::backlab::sandbox::{console, crypto, db, types};
use super::clock::Randomness;
use super::limits::Limits;
use super::trace::{CryptoCall, Event, LogLine, ROWS_SHOWN, SqlCall, Trace};
use super::verdict::{self, Verdict};
use crate::scratch::{self, Scratch, SqlFailure, SqlValue};

/// Everything a run's store holds.
pub struct HostState {
    pub wasi: WasiCtx,
    pub table: ResourceTable,
    pub memory: MemoryLimiter,
    pub scratch: Scratch,
    pub trace: Trace,
    pub limits: Limits,
    pub deadline: Instant,
    pub random: Randomness,
    /// Why the host stopped the run, when it did.
    pub stop: Option<Verdict>,
    statements: u32,
    log_bytes: usize,
}

impl HostState {
    pub fn new(
        wasi: WasiCtx,
        scratch: Scratch,
        limits: Limits,
        deadline: Instant,
        random: Randomness,
    ) -> Self {
        Self {
            wasi,
            table: ResourceTable::new(),
            memory: MemoryLimiter::new(limits.guest_memory_bytes()),
            scratch,
            trace: Trace::default(),
            limits,
            deadline,
            random,
            stop: None,
            statements: 0,
            log_bytes: 0,
        }
    }

    /// Stops the run: the verdict is kept and the guest traps.
    fn halt(&mut self, verdict: Verdict) -> wasmtime::Error {
        let message = verdict.message();
        self.stop = Some(verdict);
        wasmtime::format_err!("{message}")
    }

    /// Host calls cannot be interrupted by the epoch, so each one checks the
    /// run's deadline before it starts.
    fn check_time(&mut self) -> wasmtime::Result<()> {
        if Instant::now() >= self.deadline {
            let verdict = verdict::timeout(&self.limits);
            return Err(self.halt(verdict));
        }
        Ok(())
    }

    fn count_statement(&mut self) -> wasmtime::Result<()> {
        self.check_time()?;
        self.statements += 1;
        if self.statements > self.limits.sql_statements {
            let limit = self.limits.sql_statements;
            return Err(self.halt(Verdict::TooManyStatements { limit }));
        }
        Ok(())
    }

    /// Records a finished statement in the trace and hands its result to
    /// the guest; failures that are limits rather than SQL mistakes stop the
    /// run instead.
    fn finish<T>(
        &mut self,
        mut call: SqlCall,
        result: Result<T, SqlFailure>,
    ) -> wasmtime::Result<Result<T, db::SqlError>> {
        let stop = match result {
            Ok(value) => {
                self.trace.events.push(Event::Sql(Box::new(call)));
                return Ok(Ok(value));
            }
            Err(SqlFailure::Sql { message, code }) => {
                call.error = Some(message.clone());
                call.error_code = Some(code.clone());
                self.trace.events.push(Event::Sql(Box::new(call)));
                return Ok(Err(db::SqlError { message, code }));
            }
            Err(SqlFailure::TooManyRows { limit }) => {
                call.error = Some(format!("more than {limit} rows"));
                Verdict::TooManyRows {
                    limit,
                    sql: call.sql.clone(),
                }
            }
            Err(SqlFailure::Interrupted) => {
                call.error = Some("stopped: it ran past the time limit".into());
                Verdict::QueryTimeout {
                    sql: call.sql.clone(),
                }
            }
        };
        self.trace.events.push(Event::Sql(Box::new(call)));
        Err(self.halt(stop))
    }
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// Caps the guest's linear memory and remembers when it said no, so that a
/// crash after a refused allocation is reported as "out of memory".
pub struct MemoryLimiter {
    limits: StoreLimits,
    max: usize,
    pub refused: bool,
}

impl MemoryLimiter {
    fn new(max: usize) -> Self {
        let limits = wasmtime::StoreLimitsBuilder::new()
            .memory_size(max)
            .instances(32)
            .tables(32)
            .memories(8)
            .build();
        Self {
            limits,
            max,
            refused: false,
        }
    }
}

impl ResourceLimiter for MemoryLimiter {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        if desired > self.max {
            self.refused = true;
            return Ok(false);
        }
        self.limits.memory_growing(current, desired, maximum)
    }

    fn table_growing(
        &mut self,
        current: usize,
        desired: usize,
        maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        self.limits.table_growing(current, desired, maximum)
    }

    fn instances(&self) -> usize {
        self.limits.instances()
    }

    fn tables(&self) -> usize {
        self.limits.tables()
    }

    fn memories(&self) -> usize {
        self.limits.memories()
    }
}

impl types::Host for HostState {}

impl db::Host for HostState {
    fn query(
        &mut self,
        sql: String,
        params: db::Params,
        first_only: bool,
    ) -> wasmtime::Result<Result<db::Rows, db::SqlError>> {
        self.count_statement()?;
        let params = from_guest(params);
        let started = Instant::now();
        let result = self
            .scratch
            .query(&sql, &params, self.limits.rows_per_result, first_only);
        let mut call = sql_call("query", sql, &params, started);
        if let Ok(rows) = &result {
            call.row_count = rows.rows.len();
            call.columns = rows.columns.clone();
            call.rows = rows.rows.iter().take(ROWS_SHOWN).cloned().collect();
        }
        let result = result.map(|rows| db::Rows {
            columns: rows.columns,
            rows: rows
                .rows
                .into_iter()
                .map(|r| r.into_iter().map(to_guest).collect())
                .collect(),
        });
        self.finish(call, result)
    }

    fn run(
        &mut self,
        sql: String,
        params: db::Params,
    ) -> wasmtime::Result<Result<db::Changes, db::SqlError>> {
        self.count_statement()?;
        let params = from_guest(params);
        let started = Instant::now();
        let result = self.scratch.run(&sql, &params);
        let mut call = sql_call("run", sql, &params, started);
        if let Ok(changes) = &result {
            call.changes = Some(changes.changes);
            call.last_insert_rowid = Some(changes.last_insert_rowid);
        }
        let result = result.map(|c| db::Changes {
            changes: c.changes,
            last_insert_rowid: c.last_insert_rowid,
        });
        self.finish(call, result)
    }

    fn exec(&mut self, sql: String) -> wasmtime::Result<Result<(), db::SqlError>> {
        self.count_statement()?;
        let started = Instant::now();
        let result = self.scratch.exec(&sql);
        let no_params = scratch::Params::Positional(Vec::new());
        let call = sql_call("exec", sql, &no_params, started);
        self.finish(call, result)
    }
}

impl console::Host for HostState {
    fn write(&mut self, level: console::Level, message: String) -> wasmtime::Result<()> {
        self.check_time()?;
        if self.log_bytes + message.len() > self.limits.log_bytes as usize {
            self.log_bytes = self.limits.log_bytes as usize;
            self.trace.logs_dropped += 1;
            return Ok(());
        }
        self.log_bytes += message.len();
        let level = match level {
            console::Level::Log => "log",
            console::Level::Info => "info",
            console::Level::Warn => "warn",
            console::Level::Error => "error",
        };
        self.trace
            .events
            .push(Event::Log(LogLine { level, message }));
        Ok(())
    }
}

impl crypto::Host for HostState {
    fn hash_password(&mut self, password: String) -> wasmtime::Result<String> {
        self.check_time()?;
        let started = Instant::now();
        let mut salt = [0u8; 16];
        self.random.fill(&mut salt);
        let salt = SaltString::encode_b64(&salt).map_err(|e| wasmtime::format_err!("salt: {e}"))?;
        let hash = Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map_err(|e| wasmtime::format_err!("argon2: {e}"))?
            .to_string();
        self.record_crypto("hashPassword", started);
        Ok(hash)
    }

    fn verify_password(&mut self, password: String, hash: String) -> wasmtime::Result<bool> {
        self.check_time()?;
        let started = Instant::now();
        let ok = match PasswordHash::new(&hash) {
            Ok(parsed) => Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => {
                let note = "crypto.verifyPassword: the stored value is not a password hash (was the password saved in plain text instead of with crypto.hashPassword?)";
                self.trace.events.push(Event::Log(LogLine {
                    level: "warn",
                    message: note.into(),
                }));
                false
            }
        };
        self.record_crypto("verifyPassword", started);
        Ok(ok)
    }

    fn random_bytes(&mut self, len: u32) -> wasmtime::Result<Vec<u8>> {
        let mut bytes = vec![0u8; len.min(1024) as usize];
        self.random.fill(&mut bytes);
        Ok(bytes)
    }
}

impl HostState {
    fn record_crypto(&mut self, call: &'static str, started: Instant) {
        let duration_us = micros(started);
        self.trace
            .events
            .push(Event::Crypto(CryptoCall { call, duration_us }));
    }
}

fn sql_call(
    call: &'static str,
    sql: String,
    params: &scratch::Params,
    started: Instant,
) -> SqlCall {
    SqlCall {
        call,
        sql,
        params: params_json(params),
        columns: Vec::new(),
        rows: Vec::new(),
        row_count: 0,
        changes: None,
        last_insert_rowid: None,
        error: None,
        error_code: None,
        duration_us: micros(started),
    }
}

fn micros(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX)
}

fn params_json(params: &scratch::Params) -> serde_json::Value {
    match params {
        scratch::Params::Positional(values) => values.iter().map(SqlValue::to_json).collect(),
        scratch::Params::Named(pairs) => pairs
            .iter()
            .map(|(k, v)| (k.clone(), v.to_json()))
            .collect(),
    }
}

fn from_guest(params: db::Params) -> scratch::Params {
    match params {
        db::Params::Positional(values) => {
            scratch::Params::Positional(values.into_iter().map(from_value).collect())
        }
        db::Params::Named(pairs) => {
            scratch::Params::Named(pairs.into_iter().map(|(k, v)| (k, from_value(v))).collect())
        }
    }
}

fn from_value(value: db::Value) -> SqlValue {
    match value {
        db::Value::Null => SqlValue::Null,
        db::Value::Integer(i) => SqlValue::Integer(i),
        db::Value::Real(f) => SqlValue::Real(f),
        db::Value::Text(t) => SqlValue::Text(t),
        db::Value::Blob(b) => SqlValue::Blob(b),
    }
}

fn to_guest(value: SqlValue) -> db::Value {
    match value {
        SqlValue::Null => db::Value::Null,
        SqlValue::Integer(i) => db::Value::Integer(i),
        SqlValue::Real(f) => db::Value::Real(f),
        SqlValue::Text(t) => db::Value::Text(t),
        SqlValue::Blob(b) => db::Value::Blob(b),
    }
}
