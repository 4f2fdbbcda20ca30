//! The JavaScript side of one request: a fresh QuickJS runtime, the prelude,
//! the learner's file (parsed first, so a syntax error is told apart from
//! an error thrown while it runs), then the dispatch. Every way it can fail
//! is sorted here into a typed `Failure`.

use std::cell::{Cell, RefCell};
use std::ffi::CString;

use rquickjs::{
    Context, Ctx, Function, Module, Object, Runtime, Value, prelude::Coerced, qjs,
};

use crate::backlab::sandbox::types::{
    Failure, JsError, Limits, Program, Request, Response, SqlFailure,
};
use crate::bridge;
use crate::database;

/// The prelude's name in stack traces.
pub const PRELUDE_NAME: &str = "backlab:prelude";

thread_local! {
    /// The runtime `prepare` made, with the framework loaded; taken by the
    /// one request this instance answers.
    static PREPARED: RefCell<Option<(Runtime, Context)>> = const { RefCell::new(None) };
    /// The learner's file as bytecode, when this request parsed it.
    static WRITTEN: Cell<Option<Vec<u8>>> = const { Cell::new(None) };
}

/// The bytecode of the file this request parsed from source, if it did.
pub fn take_written() -> Option<Vec<u8>> {
    WRITTEN.take()
}

/// A runtime and context with the host bridge in place.
fn runtime() -> Result<(Runtime, Context), JsError> {
    let runtime = Runtime::new().map_err(|e| internal(&e))?;
    let context = Context::full(&runtime).map_err(|e| internal(&e))?;
    context.with(|ctx| {
        let host = bridge::host_object(&ctx)?;
        ctx.globals().set("__host", host)
    })
    .map_err(|e| internal(&e))?;
    Ok((runtime, context))
}

/// QuickJS makes most built-in objects and methods on their first use; a
/// request would make them again from the snapshot each time. Looking up
/// each property (without calling getters) makes them here, once.
const WARM_UP: &str = r#"(() => {
  const names = ["Object", "Function", "Array", "Number", "String", "Boolean", "Symbol",
    "Math", "JSON", "Reflect", "Promise", "Map", "Set", "WeakMap", "WeakSet", "Date",
    "RegExp", "Error", "TypeError", "RangeError", "SyntaxError", "ArrayBuffer",
    "Uint8Array", "DataView", "BigInt", "Proxy"];
  const touch = (value) => {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return;
    for (const key of Reflect.ownKeys(value)) Object.getOwnPropertyDescriptor(value, key);
  };
  for (const name of names) {
    const value = Object.getOwnPropertyDescriptor(globalThis, name)?.value;
    touch(value);
    if (typeof value === "function") touch(value.prototype);
  }
  for (const key of Reflect.ownKeys(globalThis)) Object.getOwnPropertyDescriptor(globalThis, key);
})();"#;

/// Loads the framework from its bytecode into a runtime kept for the next
/// request. Runs before the host snapshots this instance, so it must not
/// depend on anything a request brings.
pub fn prepare(prelude: &[u8]) -> Result<(), JsError> {
    let (runtime, context) = runtime()?;
    context.with(|ctx| -> Result<(), JsError> {
        // SAFETY: QuickJS trusts bytecode it reads. The host made this with
        // `compile-prelude` of this same guest binary from its own prelude,
        // just before the snapshot; learner code never reaches this path.
        let module = unsafe { Module::load(ctx.clone(), prelude) }
            .map_err(|e| caught_raw(&ctx, e))?;
        let (_, promise) = module.eval().map_err(|e| caught_raw(&ctx, e))?;
        while ctx.execute_pending_job() {}
        promise.finish::<()>().map_err(|e| caught_raw(&ctx, e))?;
        ctx.eval::<(), _>(WARM_UP).map_err(|e| caught_raw(&ctx, e))
    })?;
    PREPARED.with(|p| *p.borrow_mut() = Some((runtime, context)));
    Ok(())
}

/// Answers `request` with `program`: the response (none when the file could
/// not be loaded) and the failure, if any.
pub fn answer(program: &Program, request: Request) -> (Option<Response>, Option<Failure>) {
    // A prepared runtime has the framework loaded; otherwise the request
    // brings it as bytecode.
    let prepared = PREPARED.with(|p| p.borrow_mut().take());
    let loaded = prepared.is_some();
    let (runtime, context) = match prepared.map_or_else(runtime, Ok) {
        Ok(pair) => pair,
        Err(e) => return (None, Some(Failure::Exception(e))),
    };
    // QuickJS cannot measure its own stack under WASI, so there is no stack
    // limit here: deep recursion ends at the host's wasm stack limit.
    runtime.set_memory_limit(usize::try_from(program.limits.memory_bytes).unwrap_or(usize::MAX));
    let result = context.with(|ctx| match load_and_dispatch(&ctx, program, request, loaded) {
        Ok(response) => response_from(&ctx, &response, &program.limits),
        Err(failure) => (None, Some(failure)),
    });
    // The host throws this whole instance away after one request, so
    // tearing down the JavaScript heap object by object is wasted work.
    std::mem::forget(context);
    std::mem::forget(runtime);
    result
}

fn load_and_dispatch<'js>(
    ctx: &Ctx<'js>,
    program: &Program,
    request: Request,
    loaded: bool,
) -> Result<Object<'js>, Failure> {
    let globals = ctx.globals();
    if !loaded {
        load_prelude(ctx, &program.prelude)?;
    }
    let compiled = match program.compiled.is_empty() {
        true => {
            let compiled = compile(ctx, &program.code, &program.filename)?;
            // Written before any of the file runs, so the host can keep it
            // for the next run of the same file.
            WRITTEN.set(write_bytecode(ctx, &compiled));
            compiled
        }
        false => read_bytecode(ctx, &program.compiled)?,
    };
    evaluate(ctx, compiled)?;
    let dispatch: Function = globals
        .get("__backlab_dispatch")
        .map_err(|e| caught(ctx, e))?;
    let limits = || -> rquickjs::Result<Object<'js>> {
        let limits = Object::new(ctx.clone())?;
        limits.set("responseBytes", program.limits.response_bytes)?;
        Ok(limits)
    };
    let limits = limits().map_err(|e| caught(ctx, e))?;
    let req = request_object(ctx, request).map_err(|e| caught(ctx, e))?;
    let outcome: Object = dispatch.call((req, limits)).map_err(|e| caught(ctx, e))?;
    while ctx.execute_pending_job() {}
    // Timers fire once the handler is idle, the one due first each time.
    let tick: Function = outcome.get("tick").map_err(|e| caught(ctx, e))?;
    while tick.call::<_, bool>(()).map_err(|e| caught(ctx, e))? {
        while ctx.execute_pending_job() {}
    }
    let finish: Function = outcome.get("finish").map_err(|e| caught(ctx, e))?;
    finish.call(()).map_err(|e| caught(ctx, e))
}

fn load_prelude(ctx: &Ctx<'_>, bytecode: &[u8]) -> Result<(), Failure> {
    // SAFETY: QuickJS trusts bytecode it reads. This bytecode was written by
    // `compile_prelude` of this same guest binary, on the host's behalf,
    // from the host's own prelude (the host keeps it in its data directory
    // under a name carrying the guest's and the prelude's hashes, as it
    // keeps the compiled guest); learner code never reaches this path.
    let module = unsafe { Module::load(ctx.clone(), bytecode) }.map_err(|e| caught(ctx, e))?;
    let (_, promise) = module.eval().map_err(|e| caught(ctx, e))?;
    while ctx.execute_pending_job() {}
    promise.finish::<()>().map_err(|e| caught(ctx, e))
}

/// Parses the learner's file as a (sloppy-mode) script without running it.
fn compile<'js>(ctx: &Ctx<'js>, code: &str, filename: &str) -> Result<Value<'js>, Failure> {
    let mut source = Vec::with_capacity(code.len() + 1);
    source.extend_from_slice(code.as_bytes());
    source.push(0);
    let name = CString::new(filename.replace('\0', "")).unwrap_or_default();
    let flags = (qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32;
    // SAFETY: `source` ends with the NUL QuickJS requires after `len` bytes,
    // and both buffers outlive the call; the returned value is owned.
    let value = unsafe {
        let raw = qjs::JS_Eval(
            ctx.as_raw().as_ptr(),
            source.as_ptr().cast(),
            code.len() as _,
            name.as_ptr(),
            flags,
        );
        Value::from_raw(ctx.clone(), raw)
    };
    if !value.is_exception() {
        return Ok(value);
    }
    let thrown = ctx.catch();
    match classify(ctx, thrown) {
        Failure::Exception(error) if error.name == "SyntaxError" => {
            Err(Failure::SyntaxError(error))
        }
        other => Err(other),
    }
}

/// The learner's file parsed and written as bytecode, in a runtime of its
/// own; nothing of it runs.
pub fn compile_to_bytecode(code: &str, filename: &str) -> Result<Vec<u8>, JsError> {
    let (runtime, context) = runtime()?;
    let written = context.with(|ctx| {
        let compiled = compile(&ctx, code, filename).map_err(|failure| match failure {
            Failure::SyntaxError(error) | Failure::Exception(error) => error,
            _ => JsError {
                name: "Error".into(),
                message: "the file could not be compiled ahead of its run".into(),
                stack: String::new(),
            },
        })?;
        write_bytecode(&ctx, &compiled).ok_or_else(|| internal(&rquickjs::Error::Unknown))
    });
    std::mem::forget(context);
    std::mem::forget(runtime);
    written
}

/// A compiled file as bytecode (none if QuickJS could not write it).
fn write_bytecode<'js>(ctx: &Ctx<'js>, compiled: &Value<'js>) -> Option<Vec<u8>> {
    let mut size = 0;
    // SAFETY: `compiled` is a live function value of this context; the
    // buffer QuickJS returns is `size` bytes, copied, then freed with the
    // context's allocator as QuickJS requires.
    unsafe {
        let raw = qjs::JS_WriteObject(
            ctx.as_raw().as_ptr(),
            &mut size,
            compiled.as_raw(),
            qjs::JS_WRITE_OBJ_BYTECODE as i32,
        );
        if raw.is_null() {
            return None;
        }
        let bytes = std::slice::from_raw_parts(raw, size as usize).to_vec();
        qjs::js_free(ctx.as_raw().as_ptr(), raw.cast());
        Some(bytes)
    }
}

/// The learner's file from the bytecode `compile_to_bytecode` wrote.
fn read_bytecode<'js>(ctx: &Ctx<'js>, bytecode: &[u8]) -> Result<Value<'js>, Failure> {
    // SAFETY: QuickJS trusts bytecode it reads. This bytecode was written by
    // this same guest binary from the learner's source (`compile_to_bytecode`,
    // or `write_bytecode` right after a run parsed it, before any of it ran),
    // and the host hands it back unchanged (keyed by the SHA-256 of the
    // source); learner code never produces bytecode itself.
    let value = unsafe {
        let raw = qjs::JS_ReadObject(
            ctx.as_raw().as_ptr(),
            bytecode.as_ptr(),
            bytecode.len() as _,
            qjs::JS_READ_OBJ_BYTECODE as i32,
        );
        Value::from_raw(ctx.clone(), raw)
    };
    match value.is_exception() {
        false => Ok(value),
        true => Err(classify(ctx, ctx.catch())),
    }
}

/// Runs the parsed file's top level.
fn evaluate<'js>(ctx: &Ctx<'js>, compiled: Value<'js>) -> Result<(), Failure> {
    let raw = compiled.as_raw();
    // SAFETY: JS_EvalFunction takes ownership of its argument, so the
    // reference `compiled` held is handed over and not released again.
    let result = unsafe {
        std::mem::forget(compiled);
        let raw = qjs::JS_EvalFunction(ctx.as_raw().as_ptr(), raw);
        Value::from_raw(ctx.clone(), raw)
    };
    if result.is_exception() {
        return Err(classify(ctx, ctx.catch()));
    }
    while ctx.execute_pending_job() {}
    Ok(())
}

/// Turns a pending exception (or an engine error) into a failure.
pub fn caught(ctx: &Ctx<'_>, error: rquickjs::Error) -> Failure {
    if error.is_exception() {
        classify(ctx, ctx.catch())
    } else if matches!(error, rquickjs::Error::Allocation) {
        Failure::OutOfMemory
    } else {
        Failure::Exception(internal(&error))
    }
}

/// The same, for the prelude's compilation, which has no prelude to ask.
pub fn caught_raw(ctx: &Ctx<'_>, error: rquickjs::Error) -> JsError {
    if !error.is_exception() {
        return internal(&error);
    }
    let thrown = ctx.catch();
    thrown.as_object().map(js_error).unwrap_or_else(|| JsError {
        name: "Error".into(),
        message: text(&thrown),
        stack: String::new(),
    })
}

/// Sorts a thrown value: QuickJS's own limits first, then what the
/// prelude's `describe` says it is.
fn classify<'js>(ctx: &Ctx<'js>, thrown: Value<'js>) -> Failure {
    // Asked first: describing an error thrown for lack of memory could fail
    // for the same reason.
    if let Some(failure) = thrown.as_object().and_then(|o| engine_limit(js_error(o))) {
        return failure;
    }
    let describe: rquickjs::Result<Function> = ctx.globals().get("__backlab_describe");
    let description = describe.and_then(|f| f.call::<_, Object>((thrown.clone(),)));
    match description {
        Ok(object) => described(&object),
        Err(rquickjs::Error::Allocation) => Failure::OutOfMemory,
        Err(_) => {
            let _ = ctx.catch();
            Failure::Exception(JsError {
                name: "Error".into(),
                message: text(&thrown),
                stack: String::new(),
            })
        }
    }
}

/// A failure from the prelude's `{kind, name, message, stack, …}`.
fn described(object: &Object<'_>) -> Failure {
    let error = js_error(object);
    if let Some(failure) = engine_limit(error.clone()) {
        return failure;
    }
    match string_prop(object, "kind").as_deref() {
        Some("sql") => Failure::SqlError(SqlFailure {
            sql: string_prop(object, "sql").unwrap_or_default(),
            code: database::code_from_name(&string_prop(object, "code").unwrap_or_default()),
            error,
        }),
        Some("too-large") => {
            Failure::ResponseTooLarge(object.get::<_, f64>("size").unwrap_or(0.0) as u64)
        }
        Some("no-response") => Failure::NoResponse(error.message),
        _ => Failure::Exception(error),
    }
}

/// The errors QuickJS itself throws at its limits: out of memory, or a
/// stack too deep.
fn engine_limit(error: JsError) -> Option<Failure> {
    if error.name == "InternalError" && error.message.contains("out of memory") {
        Some(Failure::OutOfMemory)
    } else if error.message.contains("stack overflow")
        || error.message.contains("Maximum call stack")
    {
        Some(Failure::StackOverflow(error))
    } else {
        None
    }
}

fn js_error(object: &Object<'_>) -> JsError {
    JsError {
        name: string_prop(object, "name").unwrap_or_else(|| "Error".into()),
        message: string_prop(object, "message").unwrap_or_default(),
        stack: string_prop(object, "stack").unwrap_or_default(),
    }
}

fn string_prop(object: &Object<'_>, key: &str) -> Option<String> {
    object
        .get::<_, Option<Coerced<String>>>(key)
        .ok()
        .flatten()
        .map(|s| s.0)
}

fn text(value: &Value<'_>) -> String {
    value
        .get::<Coerced<String>>()
        .map(|s| s.0)
        .unwrap_or_else(|_| "a value that is not an Error was thrown".into())
}

/// A value as text, with each lone surrogate (which UTF-8 cannot carry)
/// sent as U+FFFD, as Node does.
fn well_formed<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> rquickjs::Result<String> {
    let text: rquickjs::String = match value.as_string() {
        Some(text) => text.clone(),
        None => value.get::<Coerced<rquickjs::String>>()?.0,
    };
    let mut len = 0;
    // SAFETY: QuickJS gives a buffer of `len` bytes that lives until it is
    // freed below; it is copied before that.
    let bytes = unsafe {
        let raw = qjs::JS_ToCStringLen(ctx.as_raw().as_ptr(), &mut len, text.as_raw());
        if raw.is_null() {
            return Err(rquickjs::Error::Allocation);
        }
        let bytes = std::slice::from_raw_parts(raw.cast::<u8>(), len).to_vec();
        qjs::JS_FreeCString(ctx.as_raw().as_ptr(), raw);
        bytes
    };
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => replace_surrogates(e.into_bytes()),
    })
}

/// QuickJS writes a lone surrogate as the three bytes `ED A0..BF 80..BF`;
/// each becomes U+FFFD.
fn replace_surrogates(bytes: Vec<u8>) -> String {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0xED && i + 2 < bytes.len() && bytes[i + 1] >= 0xA0 {
            out.extend_from_slice("\u{FFFD}".as_bytes());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn internal(error: &rquickjs::Error) -> JsError {
    JsError {
        name: "InternalError".into(),
        message: error.to_string(),
        stack: String::new(),
    }
}

fn request_object<'js>(ctx: &Ctx<'js>, request: Request) -> rquickjs::Result<Object<'js>> {
    let object = Object::new(ctx.clone())?;
    object.set("method", request.method.to_uppercase())?;
    object.set("url", request.url)?;
    object.set("headers", headers_object(ctx, request.headers)?)?;
    object.set("body", request.body)?;
    object.set("remoteAddress", request.remote_address)?;
    Ok(object)
}

/// One request header as Node's `req.headers` holds it.
enum Header {
    Text(String),
    /// `set-cookie`, the one header Node keeps as a list.
    List(Vec<String>),
}

/// Node's `req.headers`: lowercased names in the order they first came; a
/// repeated header joined with ", " (`cookie` with "; "), `set-cookie` as
/// a list. Made here rather than in the prelude, where it would cost a
/// request far more.
fn headers_object<'js>(
    ctx: &Ctx<'js>,
    list: Vec<(String, String)>,
) -> rquickjs::Result<Object<'js>> {
    let mut merged: Vec<(String, Header)> = Vec::with_capacity(list.len());
    for (name, value) in list {
        let name = name.to_lowercase();
        match merged.iter_mut().find(|(n, _)| *n == name) {
            Some((_, Header::List(values))) => values.push(value),
            Some((_, Header::Text(text))) => {
                text.push_str(if name == "cookie" { "; " } else { ", " });
                text.push_str(&value);
            }
            None if name == "set-cookie" => merged.push((name, Header::List(vec![value]))),
            None => merged.push((name, Header::Text(value))),
        }
    }
    let headers = Object::new(ctx.clone())?;
    for (name, header) in merged {
        match header {
            Header::Text(text) => headers.set(name, text)?,
            Header::List(values) => headers.set(name, values)?,
        }
    }
    Ok(headers)
}

/// Reads the prelude's `{status, headers, body, error}`, holding it to the
/// header limits (the prelude already holds the body to its own).
fn response_from<'js>(
    ctx: &Ctx<'js>,
    response: &Object<'js>,
    limits: &Limits,
) -> (Option<Response>, Option<Failure>) {
    let read = || -> rquickjs::Result<(Response, Option<Failure>)> {
        // Each entry starts with the name and the value (the prelude keeps
        // the lowercased name after them).
        let entries: Vec<Vec<Value>> = response.get("headers")?;
        let mut headers = Vec::with_capacity(entries.len());
        for entry in entries {
            if let [name, value, ..] = &entry[..] {
                headers.push((well_formed(ctx, name)?, well_formed(ctx, value)?));
            }
        }
        let error: Option<Object> = response.get("error")?;
        let status: f64 = response.get("status")?;
        let mut failure = error.as_ref().map(described);
        // The prelude refuses such codes; this holds even if it was fooled.
        let status = if (100.0..=599.0).contains(&status) && status.fract() == 0.0 {
            status as u16
        } else {
            failure.get_or_insert(Failure::Exception(JsError {
                name: "RangeError".into(),
                message: format!(
                    "the response status {status} is not a whole number from 100 to 599"
                ),
                stack: String::new(),
            }));
            500
        };
        let body = well_formed(ctx, &response.get("body")?)?;
        let response = Response {
            status,
            headers,
            body,
        };
        Ok((response, failure))
    };
    match read() {
        Ok((response, failure)) => {
            let bytes: usize = response
                .headers
                .iter()
                .map(|(n, v)| n.len() + v.len() + 4)
                .sum();
            // The prelude keeps the body small too, but learner code can
            // reach into it; this is the check that holds.
            if response.body.len() > limits.response_bytes as usize {
                let size = response.body.len() as u64;
                return (None, Some(Failure::ResponseTooLarge(size)));
            }
            if response.headers.len() > limits.response_headers as usize {
                let count = u32::try_from(response.headers.len()).unwrap_or(u32::MAX);
                return (None, Some(Failure::TooManyHeaders(count)));
            }
            if bytes > limits.response_header_bytes as usize {
                return (
                    None,
                    Some(Failure::HeadersTooLarge(
                        u32::try_from(bytes).unwrap_or(u32::MAX),
                    )),
                );
            }
            (Some(response), failure)
        }
        Err(e) => (None, Some(caught(ctx, e))),
    }
}
