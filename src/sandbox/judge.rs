//! Turns the raw result of a run (a trap, or the guest's typed outcome)
//! into a verdict, using what the host saw along the way.

use wasmtime::Trap;

use super::HttpResponse;
use super::bindings::backlab::sandbox::types::{Failure, JsError, Outcome, SqlCode};
use super::host::HostState;
use super::limits::Limits;
use super::verdict::{self, Location, Phase, Verdict, locate};

/// The verdict and the response of a run the guest finished.
pub fn answered(
    outcome: Outcome,
    state: &HostState,
    file: &str,
) -> (Verdict, Option<HttpResponse>) {
    let phase = if outcome.response.is_some() {
        Phase::Handling
    } else {
        Phase::Loading
    };
    let verdict = match outcome.failure {
        Some(failure) => from_failure(failure, phase, state, file),
        // QuickJS may answer a failed allocation with a value the code can
        // catch and lose; the host's own count of refused memory decides.
        None if state.memory.refused => return (out_of_memory(state), None),
        None => Verdict::Ok,
    };
    let Some(r) = outcome.response else {
        return (verdict, None);
    };
    // The guest holds these limits; the host does not take its word for it.
    let limits = &state.limits;
    let header_bytes: usize = r.headers.iter().map(|(n, v)| n.len() + v.len() + 4).sum();
    if r.body.len() > limits.response_bytes as usize
        || r.headers.len() > limits.response_headers as usize
        || header_bytes > limits.response_header_bytes as usize
    {
        let verdict = Verdict::Crash {
            detail: "the response got past the sandbox's own size checks".into(),
        };
        return (verdict, None);
    }
    let response = Some(HttpResponse {
        status: r.status,
        headers: r.headers,
        body: r.body,
    });
    (verdict, response)
}

/// The verdict of a run the guest did not finish.
pub fn trapped(error: &wasmtime::Error, state: &mut HostState) -> Verdict {
    if let Some(verdict) = state.stop.take() {
        return verdict;
    }
    let interrupted = matches!(error.downcast_ref::<Trap>(), Some(Trap::Interrupt));
    // A statement still running is shown in the trace either way; only the
    // deadline makes it the verdict.
    let why = if interrupted {
        "it ran past the time limit"
    } else {
        "the run ended while it was running"
    };
    if let Some(sql) = state.stopped_statement(why)
        && interrupted
    {
        return Verdict::QueryTimeout { sql };
    }
    match error.downcast_ref::<Trap>() {
        Some(Trap::Interrupt) => verdict::timeout(&state.limits),
        Some(Trap::StackOverflow) => Verdict::StackOverflow { location: None },
        _ if state.memory.refused => out_of_memory(state),
        // The guest's data stack (QuickJS's frames for each call) sits at the
        // bottom of its memory: recursion that runs past it reaches below
        // address 0, which wasm reports as an access out of bounds.
        Some(Trap::MemoryOutOfBounds) => Verdict::StackOverflow { location: None },
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

fn from_failure(failure: Failure, phase: Phase, state: &HostState, file: &str) -> Verdict {
    let limits = &state.limits;
    match failure {
        Failure::SyntaxError(error) => Verdict::SyntaxError {
            location: locate(&error.stack, file),
            message: error.message,
        },
        Failure::Exception(error) if state.memory.refused && error.name == "InternalError" => {
            out_of_memory(state)
        }
        Failure::Exception(error) => exception(error, phase, file),
        Failure::SqlError(failure) => sql_error(
            failure.code,
            failure.error.message,
            Some(failure.sql).filter(|s| !s.is_empty()),
            locate(&failure.error.stack, file),
            limits,
        ),
        Failure::OutOfMemory => out_of_memory(state),
        Failure::StackOverflow(error) => Verdict::StackOverflow {
            location: locate(&error.stack, file),
        },
        Failure::ResponseTooLarge(_) => Verdict::ResponseTooLarge {
            limit_bytes: u64::from(limits.response_bytes),
        },
        Failure::TooManyHeaders(count) => Verdict::TooManyHeaders {
            limit: limits.response_headers,
            count,
        },
        Failure::HeadersTooLarge(bytes) => Verdict::HeadersTooLarge {
            limit_bytes: u64::from(limits.response_header_bytes),
            bytes: u64::from(bytes),
        },
        Failure::NoResponse(message) => Verdict::NoResponse { message },
    }
}

/// An SQL error that reached the learner: a full database has its own
/// verdict, every other error names its statement.
pub fn sql_error(
    code: SqlCode,
    message: String,
    sql: Option<String>,
    location: Option<Location>,
    limits: &Limits,
) -> Verdict {
    match code {
        SqlCode::Full => Verdict::DatabaseFull {
            limit_bytes: limits.database_bytes(),
            location,
        },
        _ => Verdict::SqlError {
            message,
            sql,
            location,
        },
    }
}

fn exception(error: JsError, phase: Phase, file: &str) -> Verdict {
    Verdict::Exception {
        location: locate(&error.stack, file),
        name: error.name,
        message: error.message,
        phase,
    }
}
