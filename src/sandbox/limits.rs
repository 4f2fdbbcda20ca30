//! Every limit a run is held to, with its default in one place, so the
//! sandbox, the exercises (which may override some) and the docs agree.

use std::time::Duration;

use serde::Deserialize;

/// The limits of one run. An exercise may override any of them.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Wall-clock time for one request, loading the learner's file included.
    #[serde(with = "millis", rename = "timeout_ms")]
    pub timeout: Duration,
    /// Bytes of JavaScript heap.
    pub memory_bytes: u64,
    /// Bytes of console output kept; the rest is counted and dropped.
    pub log_bytes: u32,
    /// Bytes of response body.
    pub response_bytes: u32,
    /// Response headers one answer may have.
    pub response_headers: u32,
    /// Bytes of response headers in all (names and values).
    pub response_header_bytes: u32,
    /// SQL statements one request may run.
    pub sql_statements: u32,
    /// Rows one query may return.
    pub rows_per_result: u32,
    /// Pages (4 KiB each) the scratch database may grow to.
    pub database_pages: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(1),
            memory_bytes: 64 << 20,
            log_bytes: 64 << 10,
            response_bytes: 1 << 20,
            response_headers: 100,
            response_header_bytes: 64 << 10,
            sql_statements: 500,
            rows_per_result: 1000,
            database_pages: 2560,
        }
    }
}

impl Limits {
    /// Linear memory the host lets the guest grow to: the one memory limit
    /// of a run. It holds the JavaScript heap (`memory_bytes`), and beside
    /// it the interpreter, its stack, the request, the scratch database
    /// with its TEMP tables and copies of its image, and argon2's 19 MiB.
    pub fn guest_memory_bytes(&self) -> usize {
        let heap = usize::try_from(self.memory_bytes).unwrap_or(usize::MAX);
        heap.saturating_add(Self::GUEST_OVERHEAD)
    }

    /// Bytes the scratch database may grow to (its pages are 4 KiB).
    pub fn database_bytes(&self) -> u64 {
        u64::from(self.database_pages) * 4096
    }

    /// Upper bound for `guest_memory_bytes` over any exercise: the size of
    /// each slot in the engine's memory pool.
    pub const MAX_GUEST_MEMORY: usize = 512 << 20;

    /// Guest memory beyond the JavaScript heap (see `guest_memory_bytes`).
    pub const GUEST_OVERHEAD: usize = 64 << 20;
}

mod millis {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        u64::deserialize(d).map(Duration::from_millis)
    }
}

/// Describes a byte count the way a learner reads it: "64 KiB", "1 MiB".
pub fn human_bytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b.is_multiple_of(1 << 20) => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b.is_multiple_of(1 << 10) => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_keep_other_defaults() {
        let limits: Limits = serde_json::from_str(r#"{"timeout_ms": 250}"#).unwrap();
        assert_eq!(limits.timeout, Duration::from_millis(250));
        assert_eq!(limits.memory_bytes, Limits::default().memory_bytes);
    }

    #[test]
    fn unknown_limit_is_refused() {
        let err = serde_json::from_str::<Limits>(r#"{"timeout": 1}"#).unwrap_err();
        assert!(err.to_string().contains("unknown field `timeout`"), "{err}");
    }

    #[test]
    fn bytes_read_like_a_person_writes_them() {
        assert_eq!(human_bytes(64 << 10), "64 KiB");
        assert_eq!(human_bytes(1 << 20), "1 MiB");
        assert_eq!(human_bytes(1000), "1000 bytes");
    }
}
