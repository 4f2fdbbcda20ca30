//! The sandbox: learner JavaScript runs in a wasmtime component (QuickJS
//! and SQLite inside) against a scratch database, one fresh store and
//! instance per request, held to the limits in `limits.rs`: everything the
//! code causes is under one deadline and one memory limit. Its answer comes
//! back with the trace of what it did and a verdict in a beginner's words.

mod bindings;
mod bytecode;
pub mod clock;
mod engine;
mod host;
mod judge;
pub mod limits;
mod preinit;
pub mod trace;
pub mod verdict;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use wasmtime::component::{HasSelf, Linker};
use wasmtime::{Engine, Store};

use bindings::backlab::sandbox::types;
use bindings::{Handler, HandlerPre};
pub use clock::Mode;
use clock::Randomness;
pub use engine::EngineError;
use engine::TICK;
use host::HostState;
pub use limits::Limits;
pub use trace::ServiceCall;
use trace::Trace;
pub use verdict::Verdict;

use crate::scratch::{Scratch, SqlValue};

/// The framework every program runs on: `app`, `req`, `res`, `db`, `console`, `crypto`.
const PRELUDE: &str = concat!(
    include_str!("sandbox/prelude/base.js"),
    include_str!("sandbox/prelude/db.js"),
    include_str!("sandbox/prelude/fetch.js"),
    include_str!("sandbox/prelude/request.js"),
    include_str!("sandbox/prelude/response.js"),
    include_str!("sandbox/prelude/multer.js"),
    include_str!("sandbox/prelude/router.js"),
    include_str!("sandbox/prelude/dispatch.js"),
);

/// The HTTP methods a request to the learner's app may have.
pub const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// An HTTP request as the learner's app receives it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HttpRequest {
    pub method: String,
    /// Path and query string, e.g. `/todos?done=1`.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// The client's address (`req.ip`); none: the loopback address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote_address: Option<String>,
}

/// The address a request comes from when nobody says otherwise.
pub const LOOPBACK: &str = "127.0.0.1";

impl HttpRequest {
    /// A request without headers or body, from the loopback address.
    pub fn new(method: &str, url: &str) -> Self {
        Self {
            method: method.to_string(),
            url: url.to_string(),
            headers: Vec::new(),
            body: String::new(),
            remote_address: None,
        }
    }

    /// The same request with a JSON body.
    pub fn json(mut self, body: &serde_json::Value) -> Self {
        self.headers
            .push(("Content-Type".into(), "application/json".into()));
        self.body = body.to_string();
        self
    }

    /// The same request with one more header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

/// The app's answer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The learner's file.
#[derive(Debug, Clone, Copy)]
pub struct Program<'a> {
    pub code: &'a str,
    /// The name used in error messages and stack traces, e.g. `app.js`.
    pub filename: &'a str,
}

/// How one run is held.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub limits: Limits,
    pub mode: Mode,
    /// The configuration the app reads as `process.env`.
    pub env: Vec<(String, String)>,
    /// The services `fetch` reaches, as the guest reads them (JSON; see
    /// `catalog::Service::guest_json`); empty: none.
    pub services: String,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            limits: Limits::default(),
            mode: Mode::Live,
            env: Vec::new(),
            services: String::new(),
        }
    }
}

/// What one run gave.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub verdict: Verdict,
    /// The app's answer, when it gave one (a handler that threw still
    /// answers 500).
    pub response: Option<HttpResponse>,
    pub trace: Trace,
    pub duration: Duration,
}

/// What one statement of plain SQL gave.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatementRows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<SqlValue>>,
    /// For statements that return no rows: how many they changed.
    pub changes: Option<u64>,
}

impl StatementRows {
    /// The rows as JSON values, as reports show and compare them.
    pub fn json_rows(&self) -> Vec<Vec<serde_json::Value>> {
        self.rows
            .iter()
            .map(|row| row.iter().map(SqlValue::to_json).collect())
            .collect()
    }
}

impl From<types::Statement> for StatementRows {
    fn from(statement: types::Statement) -> Self {
        Self {
            columns: statement.columns,
            rows: statement
                .rows
                .into_iter()
                .map(|row| row.into_iter().map(host::from_guest).collect())
                .collect(),
            changes: statement.changes,
        }
    }
}

/// The engine and the pre-linked guest; cheap to share between threads.
#[derive(Clone)]
pub struct Sandbox {
    engine: Engine,
    pre: HandlerPre<HostState>,
    /// `PRELUDE` compiled to QuickJS bytecode by the guest, once; empty
    /// when the guest is pre-initialised with the prelude already loaded.
    prelude: Arc<[u8]>,
    /// Learners' files compiled once (see `compile`).
    compiled: bytecode::Compiled,
}

impl Sandbox {
    /// Sets up the engine and loads the guest, pre-initialised with the
    /// framework loaded, from `cache_dir` when it was made there before.
    pub fn new(cache_dir: Option<&Path>) -> Result<Self, EngineError> {
        Self::build(cache_dir, true)
    }

    /// The same with the plain guest, which loads the framework's bytecode
    /// on every request (what Backlab falls back to when the guest cannot
    /// be pre-initialised; benchmarks compare the two).
    pub fn without_snapshot(cache_dir: Option<&Path>) -> Result<Self, EngineError> {
        Self::build(cache_dir, false)
    }

    fn build(cache_dir: Option<&Path>, snapshot: bool) -> Result<Self, EngineError> {
        let engine = engine::engine()?;
        engine::start_ticker(&engine)?;
        let link = |e: wasmtime::Error| EngineError::Engine(e.to_string());
        let mut linker = Linker::<HostState>::new(&engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker).map_err(link)?;
        Handler::add_to_linker::<_, HasSelf<_>>(&mut linker, |state| state).map_err(link)?;
        // The pre-initialised guest when it can be made; the plain one,
        // which loads the prelude's bytecode on every request, otherwise.
        let prepared = snapshot
            .then(|| preinit::prepared_guest(&engine, &linker, cache_dir))
            .and_then(|made| {
                made.map_err(|why| {
                    eprintln!(
                        "backlab: could not build the sandbox's start-up snapshot, so each request will load the framework itself and run slower; everything else works as usual ({why})"
                    );
                })
                .ok()
            });
        let (component, prepared) = match prepared {
            Some(component) => (component, true),
            None => (engine::guest(&engine, cache_dir)?, false),
        };
        let pre = linker.instantiate_pre(&component).map_err(link)?;
        let pre = HandlerPre::new(pre).map_err(link)?;
        let prelude = match prepared {
            true => Arc::from([]),
            false => prelude_bytecode(&engine, &pre, cache_dir)?,
        };
        Ok(Self {
            engine,
            pre,
            prelude,
            compiled: bytecode::Compiled::default(),
        })
    }

    /// Compiles the learner's file to bytecode once, in an instance of its
    /// own that runs none of it, and keeps it: every later run of the same
    /// file loads it instead of parsing the file (the grader calls this once
    /// per submission). A file that does not parse is left to its runs,
    /// which report the error as usual.
    pub fn compile(&self, program: Program<'_>) {
        let key = bytecode::key(program.code, program.filename);
        if self.compiled.get(&key).is_some() {
            return;
        }
        let limits = Limits::default();
        let mut store = new_store(&self.engine, limits, Mode::Live);
        let Ok(handler) = self.pre.instantiate(&mut store) else {
            return;
        };
        if let Ok(Ok(bytecode)) = handler.call_compile(&mut store, program.code, program.filename) {
            self.compiled.insert(key, bytecode.into());
        }
    }

    /// Whether this file's bytecode is kept (by `compile`, or by an
    /// earlier run that parsed it).
    pub fn is_compiled(&self, program: Program<'_>) -> bool {
        let key = bytecode::key(program.code, program.filename);
        self.compiled.get(&key).is_some()
    }

    /// Whether requests start with the framework already loaded (the
    /// guest was pre-initialised).
    pub fn is_prepared(&self) -> bool {
        self.prelude.is_empty()
    }

    /// Answers one request with the learner's program on `scratch`, in a
    /// fresh store and instance; the database lives in the guest for the
    /// request and comes back with the outcome (unchanged when the run was
    /// stopped), so several requests can share it. The guest runs on the
    /// calling thread's stack and may use 1 MiB of it: call this from a
    /// thread with at least 2 MiB (Rust's default for spawned threads and
    /// tokio's blocking pool).
    pub fn run(
        &self,
        program: Program<'_>,
        request: &HttpRequest,
        scratch: Scratch,
        options: &RunOptions,
    ) -> (Outcome, Scratch) {
        let started = Instant::now();
        let limits = &options.limits;
        let mut store = new_store(&self.engine, *limits, options.mode);
        let key = bytecode::key(program.code, program.filename);
        let result = self.call(&mut store, program, &key, request, &scratch, options);
        let mut state = store.into_data();
        let (verdict, response, scratch) = match result {
            Ok(mut outcome) => {
                if let Some(bytecode) = outcome.compiled.take() {
                    self.compiled.insert(key, bytecode.into());
                }
                state.trace.rolled_back_open_transaction = outcome.rolled_back;
                let changed = outcome.database.take();
                let (verdict, response) = judge::answered(outcome, &state, program.filename);
                (
                    verdict,
                    response,
                    changed.map_or(scratch, Scratch::from_image),
                )
            }
            Err(trap) => (judge::trapped(&trap, &mut state), None, scratch),
        };
        let outcome = Outcome {
            verdict,
            response,
            trace: state.trace,
            duration: started.elapsed(),
        };
        (outcome, scratch)
    }

    fn call(
        &self,
        store: &mut Store<HostState>,
        program: Program<'_>,
        key: &bytecode::Key,
        request: &HttpRequest,
        scratch: &Scratch,
        options: &RunOptions,
    ) -> wasmtime::Result<types::Outcome> {
        let handler = self.pre.instantiate(&mut *store)?;
        let compiled = self.compiled.get(key);
        let env: Vec<(&str, &str)> = options
            .env
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let program = types::Program {
            prelude: &self.prelude,
            code: program.code,
            compiled: compiled.as_deref().unwrap_or_default(),
            filename: program.filename,
            limits: guest_limits(&options.limits),
            env: &env,
            services: &options.services,
        };
        let headers: Vec<(&str, &str)> = request
            .headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        let request = types::Request {
            method: &request.method,
            url: &request.url,
            headers: &headers,
            body: &request.body,
            remote_address: request.remote_address.as_deref().unwrap_or(LOOPBACK),
        };
        handler.call_handle(&mut *store, program, request, scratch.image())
    }

    /// Runs one statement of learner SQL on `scratch` inside the sandbox
    /// (plain-SQL exercises), under the same deadline, memory limit and
    /// clock (`mode`) as a request. The database comes back changed if the
    /// statement changed it.
    pub fn run_sql(
        &self,
        sql: &str,
        scratch: Scratch,
        limits: &Limits,
        mode: Mode,
    ) -> (Result<StatementRows, Verdict>, Scratch) {
        let mut store = new_store(&self.engine, *limits, mode);
        let result = self.pre.instantiate(&mut store).and_then(|handler| {
            handler.call_run_sql(&mut store, sql, scratch.image(), guest_limits(limits))
        });
        let mut state = store.into_data();
        match result {
            Ok(outcome) => {
                let result = outcome
                    .answer
                    .map(StatementRows::from)
                    .map_err(|failure| statement_verdict(failure, sql, limits));
                let scratch = outcome.database.map_or(scratch, Scratch::from_image);
                (result, scratch)
            }
            Err(trap) => {
                let verdict = match judge::trapped(&trap, &mut state) {
                    Verdict::Timeout { .. } => Verdict::QueryTimeout {
                        sql: sql.to_string(),
                    },
                    other => other,
                };
                (Err(verdict), scratch)
            }
        }
    }
}

/// Why a plain-SQL statement gave no rows, as a verdict.
fn statement_verdict(failure: types::StatementFailure, sql: &str, limits: &Limits) -> Verdict {
    match failure {
        types::StatementFailure::SqlError(error) => {
            judge::sql_error(error.code, error.message, Some(sql.into()), None, limits)
        }
        types::StatementFailure::TooManyRows(limit) => Verdict::TooManyRows {
            limit,
            sql: sql.to_string(),
        },
        types::StatementFailure::TooLarge(_) => Verdict::ResponseTooLarge {
            limit_bytes: u64::from(limits.response_bytes),
        },
    }
}

/// The limits the guest holds itself.
fn guest_limits(limits: &Limits) -> types::Limits {
    types::Limits {
        memory_bytes: limits.memory_bytes,
        response_bytes: limits.response_bytes,
        response_headers: limits.response_headers,
        response_header_bytes: limits.response_header_bytes,
        rows_per_result: limits.rows_per_result,
        database_pages: limits.database_pages,
    }
}

/// A store for one run: the host state, its memory limiter, and a deadline
/// (`limits.timeout` from now) for everything the guest does.
fn new_store(engine: &Engine, limits: Limits, mode: Mode) -> Store<HostState> {
    let timeout = limits.timeout;
    let deadline = Instant::now() + timeout;
    let state = HostState::new(clock::wasi(mode), limits, deadline, Randomness::new(mode));
    let mut store = Store::new(engine, state);
    store.limiter(|state| &mut state.memory);
    store.set_epoch_deadline(ticks(timeout));
    store.epoch_deadline_trap();
    store
}

/// The first 12 bytes of the prelude's SHA-256, in hex: part of the name of
/// every cached file made from it.
fn prelude_hash() -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(PRELUDE.as_bytes())
        .iter()
        .take(12)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Has the guest compile the prelude to bytecode, in a store of its own.
/// The prelude as QuickJS bytecode: read from `cache_dir` when this guest
/// compiled this prelude there before, else compiled now and kept there
/// (compiling it costs each start of Backlab several milliseconds).
fn prelude_bytecode(
    engine: &Engine,
    pre: &HandlerPre<HostState>,
    cache_dir: Option<&Path>,
) -> Result<Arc<[u8]>, EngineError> {
    use sha2::{Digest, Sha256};
    let path = cache_dir.map(|dir| {
        dir.join(format!(
            "prelude-{}-{}.qjsbc",
            engine::GUEST_HASH,
            prelude_hash()
        ))
    });
    // The file ends with the SHA-256 of the bytecode before it: QuickJS
    // trusts what it reads, so a damaged file is compiled again instead.
    let intact = |file: Vec<u8>| {
        let (bytecode, sum) = file.split_at(file.len().checked_sub(32)?);
        (Sha256::digest(bytecode).as_slice() == sum).then(|| Arc::from(bytecode))
    };
    if let Some(bytecode) = path
        .as_ref()
        .and_then(|p| std::fs::read(p).ok())
        .and_then(intact)
    {
        return Ok(bytecode);
    }
    let bytecode = compile_prelude(engine, pre)?;
    if let Some(path) = &path {
        let mut file = bytecode.to_vec();
        file.extend_from_slice(&Sha256::digest(&bytecode));
        engine::write_atomically(path, &file);
    }
    Ok(bytecode)
}

/// `PRELUDE` as QuickJS bytecode, written by a fresh instance of `pre`.
fn compile_prelude(engine: &Engine, pre: &HandlerPre<HostState>) -> Result<Arc<[u8]>, EngineError> {
    let fail = |e: String| EngineError::Compile(format!("the prelude: {e}"));
    let limits = Limits {
        timeout: Duration::from_secs(30),
        ..Limits::default()
    };
    let mut store = new_store(engine, limits, Mode::Live);
    let handler = pre
        .instantiate(&mut store)
        .map_err(|e| fail(e.to_string()))?;
    match handler.call_compile_prelude(&mut store, PRELUDE) {
        Ok(Ok(bytecode)) => Ok(bytecode.into()),
        Ok(Err(error)) => Err(fail(format!(
            "{}: {}\n{}",
            error.name, error.message, error.stack
        ))),
        Err(trap) => Err(fail(trap.to_string())),
    }
}

/// Epoch ticks for a timeout, rounded up, plus one for the tick in progress.
fn ticks(timeout: Duration) -> u64 {
    let tick = TICK.as_micros().max(1);
    u64::try_from(timeout.as_micros().div_ceil(tick))
        .unwrap_or(u64::MAX)
        .saturating_add(1)
}
