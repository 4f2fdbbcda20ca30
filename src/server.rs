//! The web server learners use: every route in one function, the pages,
//! the JSON API under `/api`, and the protections a server on a personal machine needs
//! (its own Host name only, same-origin writes, body limits, timeouts, a cap
//! on sandbox jobs, graceful shutdown).

mod api;
pub mod course;
mod error;
mod guard;
mod markdown;
mod pages;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::http::{HeaderName, HeaderValue, header};
use axum::routing::{get, post};
use tokio::sync::Semaphore;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub use course::Course;
pub use error::AppError;
pub use guard::AllowedHosts;

use crate::catalog::{Catalog, Exercise};
use crate::sandbox::Sandbox;
use crate::store::Store;

/// The largest request body: code and a hand-built request fit easily.
pub const BODY_LIMIT: usize = 256 << 10;
/// Sandbox jobs (runs, submissions) at once; more wait their turn.
pub const JOBS: usize = 16;

/// What every handler can reach; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub course: Arc<Course>,
    pub sandbox: Sandbox,
    pub store: Arc<Store>,
    pub jobs: Arc<Semaphore>,
    pages: Arc<pages::Pages>,
}

impl AppState {
    pub fn new(catalog: Catalog, sandbox: Sandbox, store: Store) -> Self {
        Self::with_course(Arc::new(Course::new(catalog)), sandbox, store)
    }

    /// For a course that may be reloaded while the server runs.
    pub fn with_course(course: Arc<Course>, sandbox: Sandbox, store: Store) -> Self {
        Self {
            course,
            sandbox,
            store: Arc::new(store),
            jobs: Arc::new(Semaphore::new(JOBS)),
            pages: Arc::new(pages::Pages::new()),
        }
    }

    /// The exercise `slug` in the current catalog.
    fn exercise(&self, slug: &str) -> Result<Found, AppError> {
        let catalog = self.course.catalog();
        let index = catalog
            .exercises
            .iter()
            .position(|e| e.id.0 == slug)
            .ok_or_else(|| AppError::not_found(format!("there is no exercise {slug:?}")))?;
        Ok(Found { catalog, index })
    }
}

/// An exercise, holding on to the catalog it came from (a reload may
/// replace the course while a submission is graded).
pub struct Found {
    catalog: Arc<Catalog>,
    index: usize,
}

impl std::ops::Deref for Found {
    type Target = Exercise;

    fn deref(&self) -> &Exercise {
        &self.catalog.exercises[self.index]
    }
}

/// What every response carries: the pages run only Backlab's own script,
/// cannot be framed by another site (clickjacking), and are never sniffed
/// into another content type. Styles may be inline: the editor injects its own.
const SECURITY_HEADERS: [(HeaderName, &str); 4] = [
    (
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; \
         base-uri 'none'; form-action 'self'",
    ),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (header::REFERRER_POLICY, "no-referrer"),
];

/// Runs store work on the blocking pool, off the async runtime.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, crate::store::StoreError> + Send + 'static,
) -> Result<T, AppError> {
    Ok(tokio::task::spawn_blocking(f).await??)
}

/// Every route, and the layers around them.
pub fn app(state: AppState, allowed: AllowedHosts) -> Router {
    let api = Router::new()
        .route("/exercises/{slug}/run", post(api::run))
        .route("/exercises/{slug}/submit", post(api::submit))
        .route(
            "/exercises/{slug}/draft",
            get(api::get_draft)
                .put(api::put_draft)
                .delete(api::delete_draft),
        )
        .route("/exercises/{slug}/submissions", get(api::submissions))
        .route("/submissions/{id}", get(api::submission))
        .route("/progress", get(api::progress))
        .route("/lessons/{id}/read", post(api::mark_read))
        .fallback(|| async { AppError::not_found("there is no such API route") });
    let mut router = Router::new()
        .route("/", get(pages::home))
        .route("/tracks/{slug}", get(pages::track))
        .route("/lessons/{id}", get(pages::lesson))
        .route("/exercises/{slug}", get(pages::exercise))
        .route("/static/{name}", get(pages::asset))
        .nest("/api", api)
        .fallback(pages::fallback)
        .with_state(state);
    for (name, value) in SECURITY_HEADERS {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    router
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(60),
        ))
        .layer(axum::middleware::from_fn_with_state(allowed, guard::check))
}

/// Serves `app` on `listener` until Ctrl+C or SIGTERM, letting requests in
/// flight finish.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
