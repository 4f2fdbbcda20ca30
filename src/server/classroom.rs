//! Class mode's own pages: signing in and joining, the learner's
//! assignments and history, and the instructor's dashboard, roster,
//! assignments, settings and gradebook. Mounted only when Backlab serves a
//! class (`backlab class`).

mod instructor;
mod learner;
mod live;
pub mod policy;
mod signin;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use minijinja::Value;

use super::AppState;
use super::error::AppError;
use super::me::{ClassState, Learners, Me};

/// The class routes that answer quickly (under the request deadline).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/signin", get(signin::page).post(signin::sign_in))
        .route("/signout", post(signin::sign_out))
        .route("/join/{code}", get(signin::join_page).post(signin::join))
        .route("/assignments", get(learner::assignments))
        .route("/history", get(learner::history))
        .route("/instructor", get(instructor::dashboard))
        .route("/instructor/roster", post(instructor::import_roster))
        .route(
            "/instructor/members/{id}/invite",
            post(instructor::reinvite),
        )
        .route("/instructor/assignments", post(instructor::add_assignment))
        .route(
            "/instructor/assignments/{id}/remove",
            post(instructor::remove_assignment),
        )
        .route("/instructor/settings", post(instructor::settings))
        .route("/instructor/learners/{id}", get(instructor::learner))
        .route("/instructor/submissions/{id}", get(instructor::submission))
        .route("/instructor/gradebook.csv", get(instructor::gradebook_csv))
        .route(
            "/instructor/gradebook.json",
            get(instructor::gradebook_json),
        )
}

/// Routes that stay open (the dashboard's event stream).
pub fn live_routes() -> Router<AppState> {
    Router::new().route("/instructor/events", get(live::events))
}

/// The class behind a class route.
fn class(state: &AppState) -> Result<Arc<ClassState>, AppError> {
    match &state.learners {
        Learners::Class(class) => Ok(class.clone()),
        Learners::Solo(_) => Err(AppError::not_found("Backlab is not serving a class")),
    }
}

/// A page of class mode, with `status`.
fn page(
    state: &AppState,
    me: Option<&Me>,
    status: StatusCode,
    name: &str,
    context: Value,
) -> Response {
    match state.pages.render(state, me, name, context) {
        Ok(Html(body)) => (status, Html(body)).into_response(),
        Err(error) => error.into_response(),
    }
}

/// A 303 to `to`, setting `cookies`.
fn see_other(to: &str, cookies: &[String]) -> Response {
    let mut response =
        (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response();
    for cookie in cookies {
        if let Ok(value) = cookie.parse() {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// The client's address, for counting failed sign-ins.
pub struct Peer(pub String);

impl FromRequestParts<AppState> for Peer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let trusted = matches!(&state.learners, Learners::Class(c) if c.trust_forwarded);
        let forwarded = trusted
            .then(|| parts.headers.get("x-forwarded-for"))
            .flatten()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty());
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip().to_string());
        Ok(Self(forwarded.or(peer).unwrap_or_else(|| "unknown".into())))
    }
}

/// A number from the address, or a 404.
fn id(text: &str, what: &str) -> Result<i64, AppError> {
    text.parse()
        .map_err(|_| AppError::not_found(format!("there is no {what} {text:?}")))
}

/// Course exercise titles, for showing slugs as people read them.
fn titles(state: &AppState) -> std::collections::BTreeMap<String, String> {
    state
        .course
        .catalog()
        .exercises
        .iter()
        .map(|e| (e.id.0.clone(), e.title.clone()))
        .collect()
}
