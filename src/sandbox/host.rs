//! The host side of the guest's imports: the trace the guest tells as it
//! works (each statement before and after it runs, each hash, console
//! output) and the seeded random source. The work itself happens in the
//! guest; here each call is checked against the run's deadline and limits,
//! recorded, and may stop the run with a verdict.

use std::time::Instant;

use wasmtime::component::ResourceTable;
use wasmtime::{ResourceLimiter, StoreLimits};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

use super::bindings::backlab::sandbox::{crypto, trace, types};
use super::clock::Randomness;
use super::limits::Limits;
use super::trace::{CryptoCall, Event, LogLine, ServiceCall, SqlCall, Trace};

/// Calls to services one run keeps; the guest stops at this many too.
const MAX_CALLS: usize = 100;
use super::verdict::{self, Verdict};
use crate::scratch::SqlValue;

/// Work the guest said it started and has not yet said it finished.
enum Pending {
    Statement(Box<SqlCall>, Instant),
    Crypto(&'static str, Instant),
}

/// Everything a run's store holds.
pub struct HostState {
    pub wasi: WasiCtx,
    pub table: ResourceTable,
    pub memory: MemoryLimiter,
    pub trace: Trace,
    pub limits: Limits,
    pub deadline: Instant,
    pub random: Randomness,
    /// Why the host stopped the run, when it did.
    pub stop: Option<Verdict>,
    /// What the guest was doing when it last called.
    pending: Option<Pending>,
    statements: u32,
    log_bytes: usize,
}

impl HostState {
    pub fn new(wasi: WasiCtx, limits: Limits, deadline: Instant, random: Randomness) -> Self {
        Self {
            wasi,
            table: ResourceTable::new(),
            memory: MemoryLimiter::new(limits.guest_memory_bytes()),
            trace: Trace::default(),
            limits,
            deadline,
            random,
            stop: None,
            pending: None,
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

    /// The epoch stops the guest at its deadline; host calls check it too,
    /// so none starts late.
    fn check_time(&mut self) -> wasmtime::Result<()> {
        if Instant::now() >= self.deadline {
            let verdict = verdict::timeout(&self.limits);
            return Err(self.halt(verdict));
        }
        Ok(())
    }

    /// The statement the guest was running when the run stopped, if any;
    /// it goes into the trace marked as stopped, for `why`.
    pub fn stopped_statement(&mut self, why: &str) -> Option<String> {
        let Some(Pending::Statement(mut call, started)) = self.pending.take() else {
            return None;
        };
        call.duration_us = micros(started);
        call.error = Some(format!("stopped: {why}"));
        let sql = call.sql.clone();
        self.trace.push(Event::Sql(call));
        Some(sql)
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

impl trace::Host for HostState {
    fn statement_started(&mut self, statement: trace::Statement) -> wasmtime::Result<()> {
        self.check_time()?;
        self.statements += 1;
        if self.statements > self.limits.sql_statements {
            let limit = self.limits.sql_statements;
            return Err(self.halt(Verdict::TooManyStatements { limit }));
        }
        let call = SqlCall {
            call: match statement.kind {
                trace::StatementKind::Query => "query",
                trace::StatementKind::Run => "run",
                trace::StatementKind::Exec => "exec",
            },
            sql: statement.sql,
            params: params_json(statement.params),
            columns: Vec::new(),
            rows: Vec::new(),
            row_count: 0,
            changes: None,
            last_insert_rowid: None,
            error: None,
            error_code: None,
            duration_us: 0,
        };
        self.pending = Some(Pending::Statement(Box::new(call), Instant::now()));
        Ok(())
    }

    fn statement_finished(&mut self, end: trace::StatementEnd) -> wasmtime::Result<()> {
        let Some(Pending::Statement(mut call, started)) = self.pending.take() else {
            return Err(self.halt(Verdict::Crash {
                detail:
                    "the sandbox reported the end of an SQL statement it never reported starting"
                        .into(),
            }));
        };
        call.duration_us = micros(started);
        let mut stop = None;
        match end {
            trace::StatementEnd::Rows(rows) => {
                call.row_count = rows.count as usize;
                call.columns = rows.columns;
                call.rows = rows
                    .first
                    .into_iter()
                    .map(|row| row.into_iter().map(from_guest).collect())
                    .collect();
            }
            trace::StatementEnd::Changes(changes) => {
                call.changes = Some(changes.changes);
                call.last_insert_rowid = Some(changes.last_insert_rowid);
            }
            trace::StatementEnd::Done => {}
            trace::StatementEnd::Failed(error) => {
                call.error_code = Some(code_name(error.code).into());
                call.error = Some(error.message);
            }
            trace::StatementEnd::TooManyRows(limit) => {
                call.error = Some(format!("more than {limit} rows"));
                stop = Some(Verdict::TooManyRows {
                    limit,
                    sql: call.sql.clone(),
                });
            }
        }
        self.trace.push(Event::Sql(call));
        match stop {
            Some(verdict) => Err(self.halt(verdict)),
            None => Ok(()),
        }
    }

    fn crypto_started(&mut self, call: trace::CryptoCall) -> wasmtime::Result<()> {
        self.check_time()?;
        let name = match call {
            trace::CryptoCall::HashPassword => "hashPassword",
            trace::CryptoCall::VerifyPassword => "verifyPassword",
        };
        self.pending = Some(Pending::Crypto(name, Instant::now()));
        Ok(())
    }

    fn crypto_finished(&mut self) -> wasmtime::Result<()> {
        if let Some(Pending::Crypto(call, started)) = self.pending.take() {
            let duration_us = micros(started);
            self.trace
                .push(Event::Crypto(CryptoCall { call, duration_us }));
        }
        Ok(())
    }

    fn called(&mut self, call: trace::ServiceCall) -> wasmtime::Result<()> {
        self.check_time()?;
        if self.trace.calls.len() >= MAX_CALLS {
            return Ok(());
        }
        let call = ServiceCall {
            method: call.method,
            url: call.url,
            headers: call.headers,
            body: call.body,
            status: call.status,
        };
        self.trace.calls.push(call.clone());
        self.trace.push(Event::Call(call));
        Ok(())
    }

    fn log(&mut self, level: trace::Level, message: String) -> wasmtime::Result<()> {
        self.check_time()?;
        if self.log_bytes + message.len() > self.limits.log_bytes as usize {
            self.log_bytes = self.limits.log_bytes as usize;
            self.trace.logs_dropped += 1;
            return Ok(());
        }
        self.log_bytes += message.len();
        let level = match level {
            trace::Level::Log => "log",
            trace::Level::Info => "info",
            trace::Level::Warn => "warn",
            trace::Level::Error => "error",
        };
        self.trace.push(Event::Log(LogLine { level, message }));
        Ok(())
    }
}

impl crypto::Host for HostState {
    fn random_bytes(&mut self, len: u32) -> wasmtime::Result<Vec<u8>> {
        let mut bytes = vec![0u8; len.min(1024) as usize];
        self.random.fill(&mut bytes);
        Ok(bytes)
    }
}

/// The name a trace shows for an SQL failure, as better-sqlite3 has it.
pub fn code_name(code: types::SqlCode) -> &'static str {
    use types::SqlCode as C;
    match code {
        C::ConstraintUnique => "SQLITE_CONSTRAINT_UNIQUE",
        C::ConstraintPrimaryKey => "SQLITE_CONSTRAINT_PRIMARYKEY",
        C::ConstraintNotNull => "SQLITE_CONSTRAINT_NOTNULL",
        C::ConstraintForeignKey => "SQLITE_CONSTRAINT_FOREIGNKEY",
        C::ConstraintCheck => "SQLITE_CONSTRAINT_CHECK",
        C::Constraint => "SQLITE_CONSTRAINT",
        C::Full => "SQLITE_FULL",
        C::Auth => "SQLITE_AUTH",
        C::Readonly => "SQLITE_READONLY",
        C::TooBig => "SQLITE_TOOBIG",
        C::Mismatch => "SQLITE_MISMATCH",
        C::Range => "SQLITE_RANGE",
        C::NotAQuery => "SQLITE_MISUSE",
        C::Error => "SQLITE_ERROR",
    }
}

fn micros(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX)
}

fn params_json(params: trace::Params) -> serde_json::Value {
    match params {
        trace::Params::Positional(values) => values
            .into_iter()
            .map(|v| from_guest(v).to_json())
            .collect(),
        trace::Params::Named(pairs) => pairs
            .into_iter()
            .map(|(k, v)| (k, from_guest(v).to_json()))
            .collect(),
    }
}

pub fn from_guest(value: types::Value) -> SqlValue {
    match value {
        types::Value::Null => SqlValue::Null,
        types::Value::Integer(i) => SqlValue::Integer(i),
        types::Value::Real(f) => SqlValue::Real(f),
        types::Value::Text(t) => SqlValue::Text(t),
        types::Value::Blob(b) => SqlValue::Blob(b),
    }
}
