//! The clocks and random sources a run sees: the real ones when a learner
//! tries a request, fixed and seeded ones while grading so that a report
//! can be replayed exactly.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use wasmtime_wasi::{HostMonotonicClock, HostWallClock, WasiCtx, WasiCtxBuilder};

/// How a run gets its time and randomness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Real time and real randomness.
    Live,
    /// A clock that starts at `start_ms` (since the Unix epoch) and
    /// advances 1 ms per reading, and random sources seeded with `seed`.
    Replayable { seed: u64, start_ms: u64 },
}

impl Mode {
    /// Grading's clock, starting at 2026-01-01T09:00:00Z.
    pub const fn replayable(seed: u64) -> Self {
        Self::Replayable {
            seed,
            start_ms: FIXED_START_MS,
        }
    }
}

/// 2026-01-01T09:00:00Z in milliseconds since the Unix epoch.
pub const FIXED_START_MS: u64 = 1_767_258_000_000;

/// A wall clock that advances one millisecond each time it is read.
struct SteppingWall(AtomicU64);

impl HostWallClock for SteppingWall {
    fn resolution(&self) -> Duration {
        Duration::from_millis(1)
    }

    fn now(&self) -> Duration {
        Duration::from_millis(self.0.fetch_add(1, Ordering::Relaxed))
    }
}

/// A monotonic clock that advances one millisecond each time it is read.
struct SteppingMonotonic(AtomicU64);

impl HostMonotonicClock for SteppingMonotonic {
    fn resolution(&self) -> u64 {
        1_000_000
    }

    fn now(&self) -> u64 {
        self.0.fetch_add(1_000_000, Ordering::Relaxed)
    }
}

/// WASI with nothing granted: no files, sockets, environment or arguments;
/// stdin is empty and stdout/stderr go nowhere. Only time and randomness
/// differ by mode.
pub fn wasi(mode: Mode) -> WasiCtx {
    let mut builder = WasiCtxBuilder::new();
    if let Mode::Replayable { seed, start_ms } = mode {
        builder
            .wall_clock(SteppingWall(AtomicU64::new(start_ms)))
            .monotonic_clock(SteppingMonotonic(AtomicU64::new(0)))
            .secure_random(StdRng::seed_from_u64(seed ^ 0x5eed_0001))
            .insecure_random(StdRng::seed_from_u64(seed ^ 0x5eed_0002))
            .insecure_random_seed(u128::from(seed));
    }
    builder.build()
}

/// The host's own random source (salts, tokens): the thread's generator
/// when live, so a request that never asks for randomness pays nothing.
pub enum Randomness {
    Live,
    Seeded(Box<StdRng>),
}

impl Randomness {
    pub fn new(mode: Mode) -> Self {
        match mode {
            Mode::Live => Self::Live,
            Mode::Replayable { seed, .. } => Self::Seeded(Box::new(StdRng::seed_from_u64(seed))),
        }
    }

    pub fn fill(&mut self, bytes: &mut [u8]) {
        match self {
            Self::Live => rand::rng().fill_bytes(bytes),
            Self::Seeded(rng) => rng.fill_bytes(bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_clock_steps() {
        let clock = SteppingWall(AtomicU64::new(FIXED_START_MS));
        let first = clock.now();
        assert_eq!(clock.now() - first, Duration::from_millis(1));
    }
}
