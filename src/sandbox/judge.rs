//! Turns the raw result of a run (a trap, a JavaScript error, a response)
//! into a verdict, using what the host saw along the way.

use wasmtime::Trap;

use super::HttpResponse;
use super::bindings::backlab::sandbox::types::{JsError, Response};
use super::host::HostState;
use super::trace::SqlCall;
use super::verdict::{self, Phase, Verdict, locate};

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
        // Names the prelude gives to the errors it raises for its own limits.
        "ResponseTooLarge" => Verdict::ResponseTooLarge {
            limit_bytes: u64::from(state.limits.response_bytes),
        },
        "NoResponse" => Verdict::NoResponse { message },
        "SqliteError" => match failed_statement(state, &message) {
            Some(call) if call.error_code.as_deref() == Some("SQLITE_FULL") => {
                Verdict::DatabaseFull {
                    limit_bytes: state.limits.database_bytes(),
                    location,
                }
            }
            call => Verdict::SqlError {
                sql: call.map(|c| c.sql.clone()),
                message,
                location,
            },
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
fn failed_statement<'a>(state: &'a HostState, message: &str) -> Option<&'a SqlCall> {
    state
        .trace
        .sql()
        .rev()
        .find(|c| c.error.as_deref() == Some(message))
}
