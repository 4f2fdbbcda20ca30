//! Turns the raw result of a run (a trap, a JavaScript error, a response)
//! into a verdict, using what the host saw along the way.

use wasmtime::Trap;

use super::HttpResponse;
use super::bindings::backlab::sandbox::types::{JsError, Response};
use super::host::HostState;
use super::verdict::{self, Phase, Verdict, locate};

/// Bytes in one SQLite page of a scratch database.
const PAGE_BYTES: u64 = 4096;

pub fn judge(
    result: wasmtime::Result<Result<Response, JsError>>,
    state: &HostState,
    file: &str,
) -> (Verdict, Option<HttpResponse>) {
    match result {
        Err(error) => (
            state.stop.clone().unwrap_or_else(|| trapped(&error, state)),
            None,
        ),
        Ok(Err(error)) => (javascript(&error, Phase::Loading, state, file), None),
        Ok(Ok(response)) => answered(response, state, file),
    }
}

fn answered(response: Response, state: &HostState, file: &str) -> (Verdict, Option<HttpResponse>) {
    let limit = state.limits.response_bytes;
    if response.body.len() > limit as usize {
        return (
            Verdict::ResponseTooLarge {
                limit_bytes: u64::from(limit),
            },
            None,
        );
    }
    let verdict = match &response.error {
        Some(error) => javascript(error, Phase::Handling, state, file),
        None => Verdict::Ok,
    };
    let response = HttpResponse {
        status: response.status,
        headers: response.headers,
        body: response.body,
    };
    (verdict, Some(response))
}

fn trapped(error: &wasmtime::Error, state: &HostState) -> Verdict {
    match error.downcast_ref::<Trap>() {
        Some(Trap::Interrupt) => verdict::timeout(&state.limits),
        Some(Trap::StackOverflow) => Verdict::StackOverflow { location: None },
        _ if state.memory.refused => out_of_memory(state),
        _ => Verdict::Crash {
            detail: format!("{error:#}"),
        },
    }
}

fn out_of_memory(state: &HostState) -> Verdict {
    Verdict::OutOfMemory {
        limit_bytes: state.limits.memory_bytes,
    }
}

fn javascript(error: &JsError, phase: Phase, state: &HostState, file: &str) -> Verdict {
    let location = locate(&error.stack, file);
    let message = error.message.clone();
    match error.name.as_str() {
        _ if is_out_of_memory(error) || (state.memory.refused && error.name == "InternalError") => {
            out_of_memory(state)
        }
        _ if is_stack_overflow(error) => Verdict::StackOverflow { location },
        "SyntaxError" if phase == Phase::Loading && !error.stack.contains("(native)") => {
            Verdict::SyntaxError { message, location }
        }
        "ResponseTooLarge" => Verdict::ResponseTooLarge {
            limit_bytes: u64::from(state.limits.response_bytes),
        },
        "NoResponse" => Verdict::NoResponse { message },
        "SqliteError" if message.starts_with("database or disk is full") => Verdict::DatabaseFull {
            limit_bytes: u64::from(state.limits.database_pages) * PAGE_BYTES,
            location,
        },
        "SqliteError" => Verdict::SqlError {
            sql: last_failed_sql(state, &message),
            message,
            location,
        },
        _ => Verdict::Exception {
            name: error.name.clone(),
            message,
            location,
            phase,
        },
    }
}

fn is_out_of_memory(error: &JsError) -> bool {
    error.message.contains("out of memory") || error.message.contains("Allocation failed")
}

fn is_stack_overflow(error: &JsError) -> bool {
    error.message.contains("stack overflow")
        || error.message.contains("Maximum call stack size exceeded")
}

/// The statement behind an SQL error: the last one in the trace that failed
/// with this message.
fn last_failed_sql(state: &HostState, message: &str) -> Option<String> {
    let calls: Vec<_> = state.trace.sql().collect();
    calls
        .iter()
        .rev()
        .find(|c| c.error.as_deref() == Some(message))
        .map(|c| c.sql.clone())
}
