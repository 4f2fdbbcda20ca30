//! A submission's tests run side by side on the machine's cores: each test
//! has its own database and its own sandboxes, so they share nothing, and a
//! learner waits for one core's share of the tests instead of all of them.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Threads one grade uses at most (the server runs one grade per core at
/// once; more would only crowd them).
const MOST: usize = 4;

/// `f` of every item, in the items' order, computed by up to `MOST` threads
/// (the calling one included) taking the next item as each finishes. A
/// panic in `f` is raised again here, as if it had run on this thread.
pub fn map_each<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = cores.min(MOST).min(items.len());
    let taken = AtomicUsize::new(0);
    let run = || {
        let mut done = Vec::new();
        loop {
            let i = taken.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut slots: Vec<Option<R>> = items.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        // The sandbox wants at least 2 MiB of stack on the thread it runs on.
        let helpers: Vec<_> = (1..workers)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .stack_size(4 << 20)
                    .spawn_scoped(scope, run)
                    .ok()
            })
            .collect();
        let mut all = run();
        for helper in helpers {
            match helper.join() {
                Ok(done) => all.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for (i, result) in all {
            slots[i] = Some(result);
        }
    });
    slots
        .into_iter()
        .map(|r| r.expect("every item was taken by one thread"))
        .collect()
}

#[cfg(test)]
mod tests {
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
}
