//! The learner's files compiled once: QuickJS bytecode made by the guest's
//! `compile` (in an instance that runs none of the code), or written by the
//! first run that parsed the file (before any of it ran), kept by the
//! SHA-256 of the file and its name, so every step and test of a submission,
//! and every later Run of the same code, loads it instead of parsing the
//! file again.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};

use sha2::{Digest, Sha256};

/// Files kept at most; the oldest go first.
const ENTRIES: usize = 256;
/// Bytes of bytecode kept at most.
const BYTES: usize = 32 << 20;

/// A file's key: the SHA-256 of its name and its text.
pub type Key = [u8; 32];

/// A bounded map from a file's hash to its bytecode; cheap to share.
#[derive(Clone, Default)]
pub struct Compiled {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Default)]
struct Inner {
    entries: HashMap<Key, Arc<[u8]>>,
    order: VecDeque<Key>,
    bytes: usize,
}

/// The key of a file: its name and its text.
pub fn key(code: &str, filename: &str) -> Key {
    let mut hasher = Sha256::new();
    hasher.update(filename.as_bytes());
    hasher.update([0]);
    hasher.update(code.as_bytes());
    hasher.finalize().into()
}

impl Compiled {
    /// The bytecode kept under this key, if any.
    pub fn get(&self, key: &Key) -> Option<Arc<[u8]>> {
        self.lock().entries.get(key).cloned()
    }

    pub fn insert(&self, key: Key, bytecode: Arc<[u8]>) {
        let mut inner = self.lock();
        if bytecode.len() > BYTES || inner.entries.contains_key(&key) {
            return;
        }
        while inner.entries.len() >= ENTRIES || inner.bytes + bytecode.len() > BYTES {
            let Some(oldest) = inner.order.pop_front() else {
                break;
            };
            if let Some(gone) = inner.entries.remove(&oldest) {
                inner.bytes -= gone.len();
            }
        }
        inner.bytes += bytecode.len();
        inner.order.push_back(key);
        inner.entries.insert(key, bytecode);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_files_go_first() {
        let compiled = Compiled::default();
        for i in 0..ENTRIES + 2 {
            compiled.insert(key(&i.to_string(), "app.js"), Arc::from(vec![1u8; 4]));
        }
        assert!(compiled.get(&key("0", "app.js")).is_none());
        assert!(compiled.get(&key("1", "app.js")).is_none());
        assert!(compiled.get(&key("2", "app.js")).is_some());
        assert_ne!(key("a", "app.js"), key("a", "other.js"));
    }
}
