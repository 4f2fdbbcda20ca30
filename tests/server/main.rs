//! The router, called with `oneshot` (no socket), on the built-in course, the
//! real sandbox and a store in a temporary folder.

mod api;
mod escaping;
mod learning;
mod pages;
mod promises;
mod safety;

use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use backlab::catalog::{Catalog, Files};
use backlab::sandbox::Sandbox;
use backlab::server::{AllowedHosts, AppState, app};
use backlab::store::Store;
use http_body_util::BodyExt;
use tower::ServiceExt;

pub fn sandbox() -> Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX
        .get_or_init(|| {
            let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("backlab-cache");
            Sandbox::new(Some(&cache)).expect("the sandbox starts")
        })
        .clone()
}

/// The state of an app on `catalog`, with an empty store in `dir`.
pub fn state_on(catalog: Catalog, dir: &std::path::Path) -> AppState {
    let store = Store::open(&dir.join("progress.db")).unwrap();
    AppState::new(catalog, sandbox(), store)
}

/// The router for `state`, answering at 127.0.0.1:4000.
pub fn router(state: AppState) -> Router {
    app(state, AllowedHosts::local(4000, None))
}

pub fn builtin() -> Catalog {
    Catalog::load(&Files::builtin()).expect("the course loads")
}

/// A fresh app with its own empty store; keep the folder alive with it.
pub fn fresh() -> (Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let app = router(state_on(builtin(), dir.path()));
    (app, dir)
}

/// A request as Backlab's own page sends it.
pub fn request(method: &str, uri: &str, json: Option<serde_json::Value>) -> Request<Body> {
    let builder = Request::builder()
        .method(method)
        .uri(uri)
        .header("Host", "127.0.0.1:4000")
        .header("Origin", "http://127.0.0.1:4000");
    match json {
        Some(json) => builder
            .header("Content-Type", "application/json")
            .body(Body::from(json.to_string()))
            .unwrap(),
        None => builder.body(Body::empty()).unwrap(),
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> (StatusCode, serde_json::Value) {
    let response: Response<Body> = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let json = if bytes.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(&bytes).into()))
    };
    (status, json)
}
