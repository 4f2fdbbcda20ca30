//! Pre-initialisation: the guest with the framework already evaluated in
//! its memory, so a request neither reads nor runs the prelude. On first
//! start the guest is instrumented (wasmtime-wizer), instantiated, asked to
//! `prepare` the prelude, and snapshotted into a new component; that
//! component is compiled and cached beside the plain one, under the hashes
//! of the guest, the prelude and the engine's settings.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use wasmtime::component::{Component, Instance, Linker, WasmList};
use wasmtime::{Engine, Store};
use wasmtime_wizer::{ComponentInstanceState, Wizer};

use super::bindings::HandlerPre;
use super::host::HostState;
use super::{Limits, Mode, compile_prelude, engine, new_store, prelude_hash};

/// The guest's export that loads the prelude, called once before the snapshot.
const PREPARE: &str = "prepare";

/// The pre-initialised guest, from `cache_dir` when it was made there
/// before; otherwise made now (and kept there). An error says why the
/// guest could not be pre-initialised; the caller can still run the plain
/// guest.
pub fn prepared_guest(
    engine: &Engine,
    linker: &Linker<HostState>,
    cache_dir: Option<&Path>,
) -> Result<Component, String> {
    let path = cache_dir.map(|dir| cache_path(engine, dir));
    if let Some(component) = path.as_deref().and_then(|p| engine::load_cached(engine, p)) {
        return Ok(component);
    }
    let wasm = snapshot(engine, linker)?;
    let component =
        Component::new(engine, &wasm).map_err(|e| format!("the snapshot does not compile: {e}"))?;
    if let Some(path) = &path {
        engine::store_cached(&component, path);
    }
    Ok(component)
}

/// `<dir>/prepared-<guest>-<prelude>-<engine settings>.cwasm`
fn cache_path(engine: &Engine, dir: &Path) -> PathBuf {
    dir.join(format!(
        "prepared-{}-{}-{}.cwasm",
        engine::GUEST_HASH,
        prelude_hash(),
        engine::settings_hash(engine)
    ))
}

/// Instruments the guest, runs `prepare` on an instance of it, and returns
/// the snapshot as a component's bytes.
fn snapshot(engine: &Engine, linker: &Linker<HostState>) -> Result<Vec<u8>, String> {
    let mut wizer = Wizer::new();
    wizer.init_func(PREPARE);
    // Dropping it breaks this component: the core export goes but the
    // component's lift of it stays. Kept, it is an export nobody calls.
    wizer.keep_init_func(true);
    let (context, instrumented) = wizer
        .instrument_component(engine::GUEST_WASM)
        .map_err(|e| format!("the guest could not be instrumented: {e}"))?;
    let component = Component::new(engine, &instrumented)
        .map_err(|e| format!("the instrumented guest does not compile: {e}"))?;
    let limits = Limits {
        timeout: Duration::from_secs(60),
        ..Limits::default()
    };
    // The prelude goes in as bytecode, made by another instance: a source
    // text would leave its copies (and every function's own text) in the
    // memory image each request is reset to.
    let pre = linker
        .instantiate_pre(&component)
        .and_then(HandlerPre::new)
        .map_err(|e| format!("the instrumented guest does not link: {e}"))?;
    let bytecode = compile_prelude(engine, &pre).map_err(|e| e.to_string())?;
    let mut store = new_store(engine, limits, Mode::Live);
    let instance = pre
        .instance_pre()
        .instantiate(&mut store)
        .map_err(|e| format!("the instrumented guest does not start: {e}"))?;
    let prepare = instance
        .get_typed_func::<(&[u8], u32), (Result<(), String>,)>(&mut store, PREPARE)
        .map_err(|e| format!("the guest has no `{PREPARE}`: {e}"))?;
    let temp_pages = Limits::default().database_pages;
    match prepare.call(&mut store, (&bytecode[..], temp_pages)) {
        Ok((Ok(()),)) => {}
        Ok((Err(error),)) => return Err(format!("`{PREPARE}` failed: {error}")),
        Err(trap) => return Err(format!("`{PREPARE}` trapped: {trap}")),
    }
    let mut access = Access {
        store: &mut store,
        instance,
        failed: None,
    };
    let wasm = block_on(wizer.snapshot_component(&context, &mut access))
        .map_err(|e| format!("the snapshot failed: {e}"))?;
    match access.failed {
        Some(why) => Err(format!("the snapshot could not read the instance: {why}")),
        None => Ok(wasm),
    }
}

/// What wizer reads the prepared instance's state through: the accessor
/// functions its instrumentation exported, called on our own store.
struct Access<'a> {
    store: &'a mut Store<HostState>,
    instance: Instance,
    /// The first accessor that could not be called (wizer's trait has no
    /// way to return an error, so it is kept here and checked after).
    failed: Option<String>,
}

impl Access<'_> {
    fn call<R: wasmtime::component::Lift + 'static, O: Default>(
        &mut self,
        instance: &str,
        func: &str,
        use_result: impl FnOnce(&mut Store<HostState>, R) -> O,
    ) -> O {
        let store = &mut *self.store;
        let found = self
            .instance
            .get_export_index(&mut *store, None, instance)
            .and_then(|outer| {
                self.instance
                    .get_export_index(&mut *store, Some(&outer), func)
            })
            .ok_or_else(|| format!("no export {instance}#{func}"))
            .and_then(|index| {
                self.instance
                    .get_typed_func::<(), (R,)>(&mut *store, index)
                    .map_err(|e| e.to_string())
            })
            .and_then(|typed| typed.call(&mut *store, ()).map_err(|e| e.to_string()));
        match found {
            Ok((result,)) => use_result(store, result),
            Err(why) => {
                self.failed.get_or_insert(why);
                O::default()
            }
        }
    }
}

impl ComponentInstanceState for Access<'_> {
    async fn call_func_ret_list_u8(
        &mut self,
        instance: &str,
        func: &str,
        contents: impl FnOnce(&[u8]) + Send,
    ) {
        self.call(instance, func, |store, list: WasmList<u8>| {
            contents(list.as_le_slice(&*store));
        })
    }

    async fn call_func_ret_s32(&mut self, instance: &str, func: &str) -> i32 {
        self.call(instance, func, |_, value: i32| value)
    }

    async fn call_func_ret_s64(&mut self, instance: &str, func: &str) -> i64 {
        self.call(instance, func, |_, value: i64| value)
    }

    async fn call_func_ret_f32(&mut self, instance: &str, func: &str) -> u32 {
        self.call(instance, func, |_, value: f32| value.to_bits())
    }

    async fn call_func_ret_f64(&mut self, instance: &str, func: &str) -> u64 {
        self.call(instance, func, |_, value: f64| value.to_bits())
    }
}

/// Runs a future that never waits on anything (every call above is
/// synchronous) to its end on this thread.
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
        std::thread::yield_now();
    }
}
