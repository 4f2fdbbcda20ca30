//! Timing for the benchmarks: warm up, take samples, print the median and
//! the 90th percentile (these machines are shared and noisy).

// Each benchmark uses only part of this file.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// The table header the rows of `measure` line up under.
pub fn header() {
    println!("{:<62} {:>10} {:>10} {:>6}", "figure", "median", "p90", "n");
}

/// Runs `f` `n` times after a tenth as many warm-up runs; prints and
/// returns the median.
pub fn measure(name: &str, n: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..n.div_ceil(10) {
        f();
    }
    let mut samples: Vec<Duration> = (0..n)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort();
    let median = samples[n / 2];
    let p90 = samples[n * 9 / 10];
    println!(
        "{name:<62} {:>7.3} ms {:>7.3} ms {n:>6}",
        ms(median),
        ms(p90)
    );
    median
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The `q` quantile (0.5 for the median) of samples sorted ascending;
/// zero when there are none.
pub fn quantile(sorted: &[Duration], q: f64) -> Duration {
    let n = sorted.len();
    sorted
        .get(((n as f64 * q) as usize).min(n.saturating_sub(1)))
        .copied()
        .unwrap_or_default()
}
