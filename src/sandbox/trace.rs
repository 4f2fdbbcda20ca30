//! The trace of one run: every statement in order (SQL with its parameters
//! and rows, console output, crypto), the learner's "network tab" for the
//! back end. The guest tells the host of each as it happens, with long
//! values already cut short; the host keeps at most `TRACE_BYTES` of it.

use serde::Serialize;

use crate::scratch::SqlValue;

/// Rows of a query kept in the trace; the count is always exact.
pub const ROWS_SHOWN: usize = 20;

/// Bytes of events one run's trace keeps (about); later events are counted
/// in `events_dropped`.
pub const TRACE_BYTES: usize = 1 << 20;

/// One host call.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    /// Boxed: a statement's record is much larger than the other events.
    Sql(Box<SqlCall>),
    Log(LogLine),
    Crypto(CryptoCall),
    /// A `fetch` to another service.
    Call(ServiceCall),
}

/// One SQL statement the learner's code ran.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SqlCall {
    /// `query`, `run` or `exec`.
    pub call: &'static str,
    pub sql: String,
    pub params: serde_json::Value,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
    /// The first rows returned (at most `ROWS_SHOWN`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Vec<SqlValue>>,
    pub row_count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_insert_rowid: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// SQLite's error code name when it failed, e.g. `SQLITE_FULL`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    pub duration_us: u64,
}

impl Event {
    /// About how many bytes the event takes in a report.
    fn size(&self) -> usize {
        match self {
            Self::Sql(call) => {
                let rows: usize = call.rows.iter().flatten().map(SqlValue::size).sum();
                64 + call.sql.len() + json_size(&call.params) + rows
            }
            Self::Log(line) => 32 + line.message.len(),
            Self::Crypto(_) => 48,
            Self::Call(call) => call.size(),
        }
    }
}

/// About how many bytes `value` takes as JSON, without writing it out.
fn json_size(value: &serde_json::Value) -> usize {
    use serde_json::Value;
    match value {
        Value::String(s) => s.len() + 2,
        Value::Array(items) => 2 + items.iter().map(json_size).sum::<usize>(),
        Value::Object(map) => {
            2 + map
                .iter()
                .map(|(k, v)| k.len() + 4 + json_size(v))
                .sum::<usize>()
        }
        _ => 8,
    }
}

/// One line of console output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogLine {
    pub level: &'static str,
    pub message: String,
}

/// A call to `crypto.*`; secrets are not recorded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CryptoCall {
    pub call: &'static str,
    pub duration_us: u64,
}

/// A `fetch` the learner's code made to a declared service (values cut
/// short by the guest).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceCall {
    pub method: String,
    pub url: String,
    /// Request headers, names in lower case.
    pub headers: Vec<(String, String)>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub body: String,
    /// The answer's status; 0 when no declared service answers the URL.
    pub status: u16,
}

impl ServiceCall {
    fn size(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(n, v)| n.len() + v.len() + 8)
            .sum();
        48 + self.url.len() + self.body.len() + headers
    }

    /// The first request header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Everything the run did, in order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Trace {
    pub events: Vec<Event>,
    /// Console lines dropped after the log limit was reached.
    pub logs_dropped: u64,
    /// Events dropped after the trace reached `TRACE_BYTES`.
    pub events_dropped: u64,
    #[serde(skip)]
    bytes: usize,
    /// Set when the learner's code left a transaction open and the host
    /// rolled it back.
    pub rolled_back_open_transaction: bool,
    /// Every `fetch` to a service, kept apart from `events` so that a
    /// flood of console output cannot push them out of the grader's sight
    /// (the guest stops at 100 per request).
    #[serde(skip)]
    pub calls: Vec<ServiceCall>,
    /// Every SQL statement run, counted even when the trace was full (an
    /// N+1 budget cannot be dodged by flooding the console).
    #[serde(skip)]
    pub statements: u64,
}

impl Trace {
    /// Adds `event` while the trace is under its budget.
    pub fn push(&mut self, event: Event) {
        if matches!(event, Event::Sql(_)) {
            self.statements += 1;
        }
        let size = event.size();
        if self.bytes + size > TRACE_BYTES {
            self.events_dropped += 1;
            return;
        }
        self.bytes += size;
        self.events.push(event);
    }

    /// The SQL statements, in order.
    pub fn sql(&self) -> impl DoubleEndedIterator<Item = &SqlCall> {
        self.events.iter().filter_map(|e| match e {
            Event::Sql(call) => Some(call.as_ref()),
            _ => None,
        })
    }

    /// The console lines, in order.
    pub fn logs(&self) -> impl Iterator<Item = &LogLine> {
        self.events.iter().filter_map(|e| match e {
            Event::Log(line) => Some(line),
            _ => None,
        })
    }
}
