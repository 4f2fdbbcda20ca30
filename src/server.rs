//! The web server learners use: every route in one function, the pages,
//! the JSON API under `/api`, and the protections a server on a personal machine needs
//! (its own Host name only, same-origin writes, body limits, timeouts, a
//! fair queue for sandbox jobs, security headers, compression).

mod api;
mod assets;
mod classroom;
pub mod course;
mod error;
mod glossary_links;
mod guard;
mod jobs;
mod listen;
mod markdown;
pub mod me;
mod pages;
mod search;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::StatusCode;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use course::Course;
pub use error::AppError;
pub use guard::AllowedHosts;
pub use jobs::Jobs;
pub use listen::{Listening, Stopped, listen};
pub use me::{ClassState, Learners};

use crate::catalog::{Catalog, Exercise};
use crate::sandbox::Sandbox;
use crate::store::Store;

/// The largest request body: code and a hand-built request fit easily.
pub const BODY_LIMIT: usize = 256 << 10;
/// How long any request but a sandbox job may take.
const REQUEST_DEADLINE: Duration = Duration::from_secs(60);

/// What every handler can reach; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub course: Arc<Course>,
    pub sandbox: Sandbox,
    pub learners: Learners,
    pub jobs: Jobs,
    pages: Arc<pages::Pages>,
}

impl AppState {
    pub fn new(catalog: Catalog, sandbox: Sandbox, store: Store) -> Self {
        Self::with_course(Arc::new(Course::new(catalog)), sandbox, store)
    }

    /// For a course that may be reloaded while the server runs.
    pub fn with_course(course: Arc<Course>, sandbox: Sandbox, store: Store) -> Self {
        Self::serving(course, sandbox, Learners::Solo(Arc::new(store)))
    }

    /// A class: every member signs in, and their data is in `class`.
    pub fn class(course: Arc<Course>, sandbox: Sandbox, class: ClassState) -> Self {
        Self::serving(course, sandbox, Learners::Class(Arc::new(class)))
    }

    fn serving(course: Arc<Course>, sandbox: Sandbox, learners: Learners) -> Self {
        Self {
            course,
            sandbox,
            learners,
            jobs: Jobs::per_core(),
            pages: Arc::new(pages::Pages::new()),
        }
    }

    /// The same, with other job slots (tests use one slot and a short wait).
    pub fn with_jobs(self, jobs: Jobs) -> Self {
        Self { jobs, ..self }
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
    let is_class = matches!(state.learners, Learners::Class(_));
    let deadline = axum::middleware::from_fn(deadline);
    // Sandbox jobs have no deadline here: the sandbox bounds them, and a
    // started job must be answered with its result (see `jobs`).
    let jobs = Router::new()
        .route("/exercises/{slug}/run", post(api::run))
        .route("/exercises/{slug}/submit", post(api::submit));
    let api = Router::new()
        .route(
            "/exercises/{slug}/draft",
            get(api::get_draft)
                .put(api::put_draft)
                .delete(api::delete_draft),
        )
        .route("/exercises/{slug}/submissions", get(api::submissions))
        .route("/submissions/{id}", get(api::submission))
        .route("/exercises/{slug}/solution", get(api::solution))
        .route(
            "/exercises/{slug}/solution/reveal",
            post(api::reveal_solution),
        )
        .route("/progress", get(api::progress))
        .route("/lessons/{id}/read", post(api::mark_read))
        .route_layer(deadline.clone())
        .merge(jobs)
        .fallback(|| async { AppError::not_found("there is no such API route") });
    let mut router = Router::new()
        .route("/", get(pages::home))
        .route("/tracks/{slug}", get(pages::track))
        .route("/lessons/{id}", get(pages::lesson))
        .route("/exercises/{slug}", get(pages::exercise))
        .route("/search", get(pages::search))
        .route("/glossary", get(pages::glossary))
        .route("/static/{name}", get(assets::asset))
        .merge(if is_class {
            classroom::routes()
        } else {
            Router::new()
        })
        .route_layer(deadline)
        .merge(if is_class {
            classroom::live_routes()
        } else {
            Router::new()
        })
        .nest("/api", api)
        .fallback(pages::fallback)
        .with_state(state)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(allowed, guard::check));
    // Outside the guard, so its own refusals carry them too.
    for (name, value) in SECURITY_HEADERS {
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            name,
            HeaderValue::from_static(value),
        ));
    }
    if is_class {
        // A class's pages are one person's: no shared or back-button copies
        // (the static files say how long they keep).
        router = router.layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-store"),
        ));
    }
    router.layer(CompressionLayer::new())
}

/// Answers in words when a request (other than a sandbox job) takes too long.
async fn deadline(request: Request, next: Next) -> Response {
    match tokio::time::timeout(REQUEST_DEADLINE, next.run(request)).await {
        Ok(response) => response,
        Err(_) => AppError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "Backlab took more than {} s to answer this request; try again",
                REQUEST_DEADLINE.as_secs()
            ),
        )
        .into_response(),
    }
}

/// Serves `app` on `listener` until Ctrl+C or SIGTERM, letting requests in
/// flight finish for a while (a second signal stops at once).
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> Stopped {
    listen(
        listener,
        app,
        Listening::default(),
        stop_signal(),
        stop_signal(),
    )
    .await
}

/// Completes on Ctrl+C or SIGTERM.
pub async fn stop_signal() {
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
