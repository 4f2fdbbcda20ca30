//! A submission's tests run side by side on the machine's cores: each test
//! has its own database and its own sandboxes, so they share nothing, and a
//! learner waits for one core's share of the tests instead of all of them.
//! The threads are kept for the life of the process: starting and ending
//! threads for every submission cost page faults, page-table updates across
//! cores and a fresh signal stack for Wasmtime each time.

use std::sync::OnceLock;

use rayon::prelude::*;

/// Threads the grading pool has at most (the server runs one grade per
/// core at once, and they share this pool).
const MOST: usize = 4;

/// Stack of each pool thread: the sandbox wants at least 2 MiB of stack on
/// the thread it runs on.
const STACK_BYTES: usize = 4 << 20;

/// `f` of every item, in the items' order, computed on the grading pool. A
/// panic in `f` is raised again here, as if it had run on this thread.
/// Without a pool (one core, or no thread could start) the items are
/// computed here, one after another.
pub fn map_each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    match pool() {
        Some(pool) if items.len() > 1 => pool.install(|| items.par_iter().map(f).collect()),
        _ => items.iter().map(f).collect(),
    }
}

/// The process's grading threads, made on first use.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = cores.min(MOST);
        if threads < 2 {
            return None;
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .stack_size(STACK_BYTES)
            .thread_name(|i| format!("backlab-grade-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[test]
    fn every_item_once_in_order() {
        let items: Vec<u32> = (0..50).collect();
        let calls = AtomicUsize::new(0);
        let out = map_each(&items, |n| {
            calls.fetch_add(1, Ordering::Relaxed);
            n * 2
        });
        assert_eq!(out, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        assert_eq!(calls.load(Ordering::Relaxed), 50);
        assert!(map_each(&[] as &[u32], |n| *n).is_empty());
    }

    #[test]
    #[should_panic(expected = "item 7")]
    fn a_panic_reaches_the_caller() {
        let items: Vec<u32> = (0..20).collect();
        map_each(&items, |n| assert_ne!(*n, 7, "item 7"));
    }

    #[test]
    fn the_threads_are_kept_between_calls() {
        let items: Vec<u32> = (0..40).collect();
        let threads = || {
            map_each(&items, |_| {
                std::thread::sleep(std::time::Duration::from_millis(1));
                let me = std::thread::current();
                (me.id(), me.name().unwrap_or_default().to_string())
            })
        };
        let (first, second) = (threads(), threads());
        let ids: HashSet<_> = first.iter().chain(&second).map(|(id, _)| *id).collect();
        match pool() {
            Some(pool) => {
                assert!(ids.len() <= pool.current_num_threads(), "{ids:?}");
                assert!(
                    first
                        .iter()
                        .chain(&second)
                        .all(|(_, name)| name.starts_with("backlab-grade-"))
                );
            }
            None => assert_eq!(ids, HashSet::from([std::thread::current().id()])),
        }
    }
}
