//! Sandbox work (runs and submissions) in first-come, first-served order:
//! as many jobs at once as the machine has cores, so each runs at full
//! speed and none overtakes another; the rest queue, and a request that
//! cannot start in time is told so before anything of it has run.
//!
//! A started job is never abandoned: its slot is held by the job itself, not
//! by the request waiting for it, and nothing times the request out while it
//! runs (the sandbox's own deadlines bound it). So the store never records a
//! submission whose client was told it failed.

use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use tokio::sync::Semaphore;

use super::error::AppError;

/// How long a job may wait for a slot before the request is refused.
const QUEUE_WAIT: Duration = Duration::from_secs(30);

#[derive(Clone)]
pub struct Jobs {
    slots: Arc<Semaphore>,
    queue_wait: Duration,
}

impl Jobs {
    /// One slot per core, at most 16.
    pub fn per_core() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Self::new(cores.min(16), QUEUE_WAIT)
    }

    pub fn new(slots: usize, queue_wait: Duration) -> Self {
        Self {
            slots: Arc::new(Semaphore::new(slots.max(1))),
            queue_wait,
        }
    }

    /// Runs `job` on the blocking pool once a slot is free, in arrival order.
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, AppError> {
        let permit = tokio::time::timeout(self.queue_wait, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| busy(self.queue_wait))?
            .map_err(AppError::internal)?;
        tokio::task::spawn_blocking(move || {
            let _slot = permit;
            job()
        })
        .await?
    }
}

fn busy(waited: Duration) -> AppError {
    AppError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        format!(
            "Backlab is busy running other code and could not start yours within {} s; \
             your code was not run or graded. Try again in a moment.",
            waited.as_secs_f64()
        ),
    )
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn jobs_never_exceed_their_slots() {
        let jobs = Jobs::new(2, Duration::from_secs(30));
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let (jobs, running, most) = (jobs.clone(), running.clone(), most.clone());
                tokio::spawn(async move {
                    jobs.run(move || {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(20));
                        running.fetch_sub(1, Ordering::SeqCst);
                        Ok(())
                    })
                    .await
                })
            })
            .collect();
        for handle in handles {
            handle.await.unwrap().unwrap();
        }
        assert_eq!(most.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn waiting_jobs_start_in_the_order_they_arrived() {
        let jobs = Jobs::new(1, Duration::from_secs(30));
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let holder = jobs.clone();
        let first = tokio::spawn(async move {
            holder
                .run(move || {
                    hold.recv().ok();
                    Ok(())
                })
                .await
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        // Eight more queue up, one after the other, while the slot is held.
        let order = Arc::new(std::sync::Mutex::new(Vec::new()));
        let mut waiting = Vec::new();
        for i in 0..8 {
            let (jobs, order) = (jobs.clone(), order.clone());
            waiting.push(tokio::spawn(async move {
                jobs.run(move || {
                    order.lock().unwrap().push(i);
                    Ok(())
                })
                .await
            }));
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(
            order.lock().unwrap().is_empty(),
            "none started while the slot was held"
        );
        release.send(()).unwrap();
        first.await.unwrap().unwrap();
        for handle in waiting {
            handle.await.unwrap().unwrap();
        }
        assert_eq!(*order.lock().unwrap(), (0..8).collect::<Vec<_>>());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_job_that_cannot_start_in_time_is_refused_without_running() {
        let jobs = Jobs::new(1, Duration::from_millis(50));
        let blocker = jobs.clone();
        let long = tokio::spawn(async move {
            blocker
                .run(|| {
                    std::thread::sleep(Duration::from_millis(400));
                    Ok(())
                })
                .await
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        let ran = Arc::new(AtomicUsize::new(0));
        let counted = ran.clone();
        let error = jobs
            .run(move || {
                counted.fetch_add(1, Ordering::SeqCst);
                Ok(())
            })
            .await
            .unwrap_err();
        assert_eq!(error.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            error.message.contains("was not run or graded"),
            "{}",
            error.message
        );
        long.await.unwrap().unwrap();
        assert_eq!(ran.load(Ordering::SeqCst), 0);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_started_job_keeps_its_slot_when_its_request_is_dropped() {
        let jobs = Jobs::new(1, Duration::from_secs(5));
        let finished = Arc::new(AtomicUsize::new(0));
        let done = finished.clone();
        let first = jobs.clone();
        let request = tokio::spawn(async move {
            first
                .run(move || {
                    std::thread::sleep(Duration::from_millis(200));
                    done.fetch_add(1, Ordering::SeqCst);
                    Ok(())
                })
                .await
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        request.abort();
        let seen = finished.clone();
        jobs.run(move || Ok(seen.load(Ordering::SeqCst)))
            .await
            .map(|n| assert_eq!(n, 1, "the second job started before the first ended"))
            .unwrap();
    }
}
