//! The one wasmtime `Engine` of the process, the compiled guest (cached on
//! disk so start-up does not pay for Cranelift), and the epoch ticker that
//! lets a run's deadline interrupt the guest.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Duration;

use wasmtime::component::Component;
use wasmtime::{Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig};

use super::limits::Limits;

/// The guest component, built from `guest/` by build.rs.
pub(super) const GUEST_WASM: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/backlab_guest.wasm"));

/// How often the epoch advances; deadlines are whole ticks.
pub const TICK: Duration = Duration::from_millis(5);

/// Bytes of each memory slot kept mapped between runs.
const KEEP_RESIDENT: usize = 3 << 20;

/// Runs that may be alive at once; the pool reserves this many slots.
const POOL_SLOTS: u32 = 64;

/// Errors preparing the engine or the guest.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error("could not set up the WebAssembly engine: {0}")]
    Engine(String),
    #[error("could not compile the sandbox guest: {0}")]
    Compile(String),
}

/// Builds the engine: component model, epoch interruption, and a pooling
/// allocator (falling back to on-demand allocation where the machine cannot
/// reserve the pool's address space).
pub fn engine() -> Result<Engine, EngineError> {
    let mut config = base_config();
    config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool()));
    match Engine::new(&config) {
        Ok(engine) => Ok(engine),
        Err(_) => Engine::new(&base_config()).map_err(|e| EngineError::Engine(e.to_string())),
    }
}

fn base_config() -> Config {
    let mut config = Config::new();
    config.wasm_component_model(true);
    config.epoch_interruption(true);
    // Wasm runs on the calling thread's stack; 1 MiB leaves room on the 2 MiB
    // stacks of test threads and of tokio's blocking pool.
    config.max_wasm_stack(1 << 20);
    // `BACKLAB_PERFMAP=1` names the guest's functions for `perf report`
    // (in /tmp/perf-<pid>.map): how the speed figures were profiled.
    if std::env::var_os("BACKLAB_PERFMAP").is_some() {
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    config
}

fn pool() -> PoolingAllocationConfig {
    let mut pool = PoolingAllocationConfig::default();
    pool.total_component_instances(POOL_SLOTS);
    pool.total_core_instances(POOL_SLOTS * 8);
    pool.total_memories(POOL_SLOTS * 2);
    pool.total_tables(POOL_SLOTS * 8);
    pool.max_memory_size(Limits::MAX_GUEST_MEMORY);
    // Keep each slot's pages mapped and copy the snapshot back over them on
    // reuse: cheaper than giving them back to the kernel and faulting them
    // in again. The snapshot's memory is 1.25 MiB (the guest's 512 KiB data
    // stack, then a 0.8 MB image); 3 MiB keeps all of it resident, with room
    // for what a request adds.
    pool.linear_memory_keep_resident(KEEP_RESIDENT);
    // Not `pagemap_scan` (reset only the pages a run wrote). Wasmtime reads
    // at most 32 runs of written pages and gives the rest back to the
    // kernel; with the 2.3 MiB snapshot of before, a request wrote more runs
    // than that (QuickJS updates the reference count of every shared object
    // it touches), so it paid page faults and a 10-test grade took 7.4-9.0
    // ms against 4.6-4.9 ms. With the 0.8 MB image it measures as a wash.
    pool.pagemap_scan(wasmtime::Enabled::No);
    pool.table_keep_resident(64 << 10);
    pool
}

/// Loads the compiled guest from `cache_dir` when a copy made by an engine
/// with the same settings is there; otherwise compiles and stores it.
pub fn guest(engine: &Engine, cache_dir: Option<&Path>) -> Result<Component, EngineError> {
    let Some(dir) = cache_dir else {
        return compile(engine);
    };
    let path = cache_path(engine, dir);
    if let Some(component) = load_cached(engine, &path) {
        return Ok(component);
    }
    let component = compile(engine)?;
    store_cached(&component, &path);
    Ok(component)
}

fn compile(engine: &Engine) -> Result<Component, EngineError> {
    Component::new(engine, GUEST_WASM).map_err(|e| EngineError::Compile(e.to_string()))
}

/// `<dir>/guest-<hash of the guest>-<engine settings>.cwasm`
fn cache_path(engine: &Engine, dir: &Path) -> PathBuf {
    dir.join(format!(
        "guest-{GUEST_HASH}-{}.cwasm",
        settings_hash(engine)
    ))
}

/// A hash of the engine settings that compiled code depends on, in hex:
/// a cached compiled guest is only read back by a compatible engine.
pub(super) fn settings_hash(engine: &Engine) -> String {
    let mut settings = std::collections::hash_map::DefaultHasher::new();
    engine.precompile_compatibility_hash().hash(&mut settings);
    format!("{:016x}", settings.finish())
}

/// The first 12 bytes of the guest's SHA-256, in hex (from build.rs).
pub const GUEST_HASH: &str = env!("BACKLAB_GUEST_HASH");

#[allow(unsafe_code)]
pub(super) fn load_cached(engine: &Engine, path: &Path) -> Option<Component> {
    if !path.is_file() {
        return None;
    }
    // SAFETY: wasmtime requires that deserialized bytes come from
    // `Component::serialize` of a compatible engine. This file is written
    // only by `store_cached` below (for the plain or the pre-initialised
    // guest), in Backlab's own data directory, and its
    // name carries the hash of the guest and of the engine settings; wasmtime
    // also checks the header and refuses an incompatible file.
    unsafe { Component::deserialize_file(engine, path) }.ok()
}

pub(super) fn store_cached(component: &Component, path: &Path) {
    if let Ok(bytes) = component.serialize() {
        write_atomically(path, &bytes);
    }
}

/// Writes a cache file, or nothing if it cannot: through a temporary file
/// and a rename, so a reader never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) {
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let temp = path.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&temp, bytes).is_ok() && std::fs::rename(&temp, path).is_err() {
        let _ = std::fs::remove_file(&temp);
    }
}

/// Starts the thread that advances this engine's epoch every tick; it ends
/// when the engine is dropped.
pub fn start_ticker(engine: &Engine) -> Result<(), EngineError> {
    let weak = engine.weak();
    std::thread::Builder::new()
        .name("backlab-epoch".into())
        .spawn(move || {
            while let Some(engine) = weak.upgrade() {
                engine.increment_epoch();
                drop(engine);
                std::thread::sleep(TICK);
            }
        })
        .map(|_| ())
        .map_err(|e| EngineError::Engine(format!("could not start the timer thread: {e}")))
}
