//! The program inside Backlab's sandbox: a QuickJS runtime that loads the
//! framework (the prelude, sent by the host), then the learner's file, then
//! answers one request. It is deliberately thin: everything a learner touches
//! (`app`, `req`, `res`, `db.prepare`, …) is JavaScript in the prelude, so the
//! framework can change without rebuilding this guest.

use rquickjs::{
    Array, BigInt, Context, Ctx, Function, Module, Object, Runtime, TypedArray, Value,
    context::EvalOptions, module::WriteOptions, prelude::Coerced,
};

wit_bindgen::generate!({ world: "handler", path: "wit" });

use backlab::sandbox::types::Limits;
use backlab::sandbox::{console, crypto, db};

struct Sandbox;

impl Guest for Sandbox {
    fn compile_prelude(source: String) -> Result<Vec<u8>, JsError> {
        let runtime = Runtime::new().map_err(|e| internal(&e))?;
        let context = Context::full(&runtime).map_err(|e| internal(&e))?;
        context.with(|ctx| {
            let module = Module::declare(ctx.clone(), PRELUDE_NAME, source).map_err(|e| caught(&ctx, e))?;
            let options = WriteOptions { strip_source: true, ..WriteOptions::default() };
            module.write(options).map_err(|e| caught(&ctx, e))
        })
    }

    fn handle(program: Program, request: Request) -> Result<Response, JsError> {
        let runtime = Runtime::new().map_err(|e| internal(&e))?;
        apply_limits(&runtime, &program.limits);
        let context = Context::full(&runtime).map_err(|e| internal(&e))?;
        let result = context.with(|ctx| run(&ctx, &program, request));
        // The host throws this whole instance away after one request, so
        // tearing down the JavaScript heap object by object is wasted work.
        std::mem::forget(context);
        std::mem::forget(runtime);
        result
    }
}

export!(Sandbox);

/// QuickJS cannot measure its own stack under WASI, so there is no stack
/// limit here: deep recursion ends at the host's wasm stack limit.
fn apply_limits(runtime: &Runtime, limits: &Limits) {
    runtime.set_memory_limit(usize::try_from(limits.memory_bytes).unwrap_or(usize::MAX));
}

fn run(ctx: &Ctx<'_>, program: &Program, request: Request) -> Result<Response, JsError> {
    let globals = ctx.globals();
    let host = host_object(ctx).map_err(|e| caught(ctx, e))?;
    globals.set("__host", host).map_err(|e| caught(ctx, e))?;
    let limits = limits_object(ctx, &program.limits).map_err(|e| caught(ctx, e))?;
    globals.set("__limits", limits).map_err(|e| caught(ctx, e))?;
    load_prelude(ctx, &program.prelude)?;
    eval(ctx, &program.code, &program.filename)?;
    let dispatch: Function = globals
        .get("__backlab_dispatch")
        .map_err(|e| caught(ctx, e))?;
    let req = request_object(ctx, request).map_err(|e| caught(ctx, e))?;
    let outcome: Object = dispatch.call((req,)).map_err(|e| caught(ctx, e))?;
    while ctx.execute_pending_job() {}
    let finish: Function = outcome.get("finish").map_err(|e| caught(ctx, e))?;
    let response: Object = finish.call(()).map_err(|e| caught(ctx, e))?;
    response_from(ctx, &response)
}

/// The prelude's name in stack traces.
const PRELUDE_NAME: &str = "backlab:prelude";

fn load_prelude(ctx: &Ctx<'_>, bytecode: &[u8]) -> Result<(), JsError> {
    // SAFETY: QuickJS trusts bytecode it reads. This bytecode was written by
    // `compile_prelude` of this same guest binary, on the host's behalf,
    // from the host's own prelude; learner code never reaches this path.
    let module = unsafe { Module::load(ctx.clone(), bytecode) }.map_err(|e| caught(ctx, e))?;
    let (_, promise) = module.eval().map_err(|e| caught(ctx, e))?;
    while ctx.execute_pending_job() {}
    promise.finish::<()>().map_err(|e| caught(ctx, e))
}

fn eval(ctx: &Ctx<'_>, source: &str, filename: &str) -> Result<(), JsError> {
    let mut options = EvalOptions::default();
    options.global = true;
    options.strict = false;
    options.filename = Some(filename.to_string());
    ctx.eval_with_options::<(), _>(source, options)
        .map_err(|e| caught(ctx, e))
}

/// Turns a pending JavaScript exception (or an engine error) into a `JsError`.
fn caught(ctx: &Ctx<'_>, error: rquickjs::Error) -> JsError {
    if !error.is_exception() {
        return internal(&error);
    }
    let thrown = ctx.catch();
    match thrown.as_object() {
        Some(object) => js_error(object),
        None => JsError {
            name: "Error".into(),
            message: thrown
                .get::<Coerced<String>>()
                .map(|s| s.0)
                .unwrap_or_else(|_| "a value that is not an Error was thrown".into()),
            stack: String::new(),
        },
    }
}

/// An Error object (or the `{name, message, stack}` the prelude reports).
fn js_error(object: &Object<'_>) -> JsError {
    JsError {
        name: string_prop(object, "name").unwrap_or_else(|| "Error".into()),
        message: string_prop(object, "message").unwrap_or_default(),
        stack: string_prop(object, "stack").unwrap_or_default(),
    }
}

fn string_prop(object: &Object<'_>, key: &str) -> Option<String> {
    object.get::<_, Option<Coerced<String>>>(key).ok().flatten().map(|s| s.0)
}

fn internal(error: &rquickjs::Error) -> JsError {
    JsError {
        name: "InternalError".into(),
        message: error.to_string(),
        stack: String::new(),
    }
}

fn limits_object<'js>(ctx: &Ctx<'js>, limits: &Limits) -> rquickjs::Result<Object<'js>> {
    let object = Object::new(ctx.clone())?;
    object.set("responseBytes", limits.response_bytes)?;
    Ok(object)
}

fn request_object<'js>(ctx: &Ctx<'js>, request: Request) -> rquickjs::Result<Object<'js>> {
    let object = Object::new(ctx.clone())?;
    object.set("method", request.method)?;
    object.set("url", request.url)?;
    let headers = Array::new(ctx.clone())?;
    for (i, (name, value)) in request.headers.into_iter().enumerate() {
        headers.set(i, vec![name, value])?;
    }
    object.set("headers", headers)?;
    object.set("body", request.body)?;
    Ok(object)
}

fn response_from(ctx: &Ctx<'_>, response: &Object<'_>) -> Result<Response, JsError> {
    let read = || -> rquickjs::Result<Response> {
        let pairs: Vec<Vec<Coerced<String>>> = response.get("headers")?;
        let headers = pairs
            .into_iter()
            .filter_map(|mut pair| {
                let value = pair.pop()?.0;
                let name = pair.pop()?.0;
                Some((name, value))
            })
            .collect();
        let error: Option<Object> = response.get("error")?;
        Ok(Response {
            status: response.get("status")?,
            headers,
            body: response.get::<_, Coerced<String>>("body")?.0,
            error: error.as_ref().map(js_error),
        })
    };
    read().map_err(|e| caught(ctx, e))
}

/// The functions the prelude uses to reach the host. The prelude captures
/// them and deletes the global, so the learner's code never sees them.
fn host_object<'js>(ctx: &Ctx<'js>) -> rquickjs::Result<Object<'js>> {
    let host = Object::new(ctx.clone())?;
    host.set("query", Function::new(ctx.clone(), host_query)?)?;
    host.set("run", Function::new(ctx.clone(), host_run)?)?;
    host.set("exec", Function::new(ctx.clone(), host_exec)?)?;
    host.set("log", Function::new(ctx.clone(), host_log)?)?;
    host.set(
        "hashPassword",
        Function::new(ctx.clone(), |password: String| {
            crypto::hash_password(&password)
        })?,
    )?;
    host.set(
        "verifyPassword",
        Function::new(ctx.clone(), |password: String, hash: String| {
            crypto::verify_password(&password, &hash)
        })?,
    )?;
    host.set(
        "randomBytes",
        Function::new(ctx.clone(), crypto::random_bytes)?,
    )?;
    Ok(host)
}

fn host_log(level: String, message: String) {
    let level = match level.as_str() {
        "info" => console::Level::Info,
        "warn" => console::Level::Warn,
        "error" => console::Level::Error,
        _ => console::Level::Log,
    };
    console::write(level, &message);
}

fn host_query<'js>(
    ctx: Ctx<'js>,
    sql: String,
    params: Value<'js>,
    first_only: bool,
) -> rquickjs::Result<Object<'js>> {
    let params = to_params(&params)?;
    match db::query(&sql, &params, first_only) {
        Ok(rows) => rows_object(&ctx, rows),
        Err(error) => error_object(&ctx, error),
    }
}

fn host_run<'js>(ctx: Ctx<'js>, sql: String, params: Value<'js>) -> rquickjs::Result<Object<'js>> {
    let params = to_params(&params)?;
    match db::run(&sql, &params) {
        Ok(changes) => {
            let object = Object::new(ctx.clone())?;
            object.set("changes", changes.changes as f64)?;
            object.set("lastInsertRowid", integer(&ctx, changes.last_insert_rowid)?)?;
            Ok(object)
        }
        Err(error) => error_object(&ctx, error),
    }
}

fn host_exec(ctx: Ctx<'_>, sql: String) -> rquickjs::Result<Object<'_>> {
    match db::exec(&sql) {
        Ok(()) => Object::new(ctx),
        Err(error) => error_object(&ctx, error),
    }
}

fn error_object<'js>(ctx: &Ctx<'js>, error: db::SqlError) -> rquickjs::Result<Object<'js>> {
    let inner = Object::new(ctx.clone())?;
    inner.set("message", error.message)?;
    inner.set("code", error.code)?;
    let object = Object::new(ctx.clone())?;
    object.set("error", inner)?;
    Ok(object)
}

fn rows_object<'js>(ctx: &Ctx<'js>, rows: db::Rows) -> rquickjs::Result<Object<'js>> {
    let list = Array::new(ctx.clone())?;
    for (i, row) in rows.rows.into_iter().enumerate() {
        let object = Object::new(ctx.clone())?;
        for (column, value) in rows.columns.iter().zip(row) {
            object.set(column.as_str(), to_js(ctx, value)?)?;
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
fn to_params(value: &Value<'_>) -> rquickjs::Result<db::Params> {
    if let Some(array) = value.as_array() {
        let values = array
            .iter::<Value>()
            .map(|v| v.and_then(|v| to_sql(&v)))
            .collect::<rquickjs::Result<Vec<_>>>()?;
        return Ok(db::Params::Positional(values));
    }
    let mut named = Vec::new();
    if let Some(object) = value.as_object() {
        for entry in object.props::<String, Value>() {
            let (name, value) = entry?;
            named.push((name, to_sql(&value)?));
        }
    }
    Ok(db::Params::Named(named))
}

fn to_sql(value: &Value<'_>) -> rquickjs::Result<db::Value> {
    if value.is_null() || value.is_undefined() {
        return Ok(db::Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(db::Value::Integer(i64::from(b)));
    }
    if let Some(i) = value.as_int() {
        return Ok(db::Value::Integer(i64::from(i)));
    }
    if let Some(f) = value.as_float() {
        let whole = f.is_finite() && f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0;
        return Ok(if whole { db::Value::Integer(f as i64) } else { db::Value::Real(f) });
    }
    if let Some(big) = value.as_big_int() {
        return Ok(db::Value::Integer(big.clone().to_i64()?));
    }
    if let Ok(bytes) = TypedArray::<u8>::from_value(value.clone()) {
        let blob = (0..bytes.len())
            .map(|i| bytes.get::<_, u8>(i as u32))
            .collect::<rquickjs::Result<Vec<u8>>>()?;
        return Ok(db::Value::Blob(blob));
    }
    Ok(db::Value::Text(value.get::<Coerced<String>>()?.0))
}

fn to_js<'js>(ctx: &Ctx<'js>, value: db::Value) -> rquickjs::Result<Value<'js>> {
    Ok(match value {
        db::Value::Null => Value::new_null(ctx.clone()),
        db::Value::Integer(i) => integer(ctx, i)?,
        db::Value::Real(f) => Value::new_float(ctx.clone(), f),
        db::Value::Text(s) => rquickjs::String::from_str(ctx.clone(), &s)?.into_value(),
        db::Value::Blob(b) => TypedArray::<u8>::new(ctx.clone(), b)?.into_value(),
    })
}

/// SQLite integers become JavaScript numbers while they are exact, BigInts
/// beyond that.
fn integer<'js>(ctx: &Ctx<'js>, i: i64) -> rquickjs::Result<Value<'js>> {
    const SAFE: i64 = 9_007_199_254_740_991;
    if let Ok(small) = i32::try_from(i) {
        Ok(Value::new_int(ctx.clone(), small))
    } else if (-SAFE..=SAFE).contains(&i) {
        Ok(Value::new_float(ctx.clone(), i as f64))
    } else {
        Ok(BigInt::from_i64(ctx.clone(), i)?.into_value())
    }
}
