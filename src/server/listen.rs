//! The server loop: HTTP/1.1 connections with a deadline for their
//! headers (which is also how long an idle keep-alive connection stays),
//! a cap on open connections, and a shutdown that ends in bounded time.
//! `axum::serve` sets none of these, and a client that sends half its
//! headers would hold a connection (and a file descriptor) forever.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt as _;

/// How the loop treats connections; `Default` is what `backlab` uses.
#[derive(Debug, Clone)]
pub struct Listening {
    /// A request's headers must arrive within this; an idle connection
    /// is closed after it too.
    pub header_timeout: Duration,
    /// Connections open at once; more wait to be accepted.
    pub max_connections: usize,
    /// How long requests in flight may take to finish after a stop signal.
    pub grace: Duration,
}

impl Default for Listening {
    fn default() -> Self {
        Self {
            header_timeout: Duration::from_secs(10),
            // Well under the 256 open files macOS allows a process by default.
            max_connections: 128,
            grace: Duration::from_secs(10),
        }
    }
}

/// How a stop came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// Every request in flight finished.
    Drained,
    /// Some were still running when the grace period ended or a second
    /// signal came; the caller should exit without waiting for them.
    Abandoned,
}

/// Serves `app` on `listener` until `stop` completes, then lets requests in
/// flight finish for up to `grace`, or until `stop_now` completes.
pub async fn listen(
    listener: TcpListener,
    app: Router,
    options: Listening,
    stop: impl Future<Output = ()>,
    stop_now: impl Future<Output = ()>,
) -> Stopped {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(options.header_timeout);
    let slots = Arc::new(Semaphore::new(options.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        // A connection is accepted only when it can be served: beyond the
        // cap, clients wait in the kernel's queue instead of being reset.
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            () = &mut stop => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, or a connection reset while
                    // queued: wait a moment rather than spin.
                    eprintln!("backlab: could not accept a connection: {error}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let _ = stream.set_nodelay(true);
        // The peer's address goes with every request (sign-in limits count per address).
        let service = TowerToHyperService::new(app.clone().map_request(
            move |request: hyper::Request<Incoming>| {
                let mut request = request.map(Body::new);
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            },
        ));
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => Stopped::Drained,
        () = tokio::time::sleep(options.grace) => Stopped::Abandoned,
        () = stop_now => Stopped::Abandoned,
    }
}
