//! One error type for every route: a status and a plain-language message as
//! JSON, `{"error": "..."}`. Internal failures are logged once and shown
//! without their details.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub message: String,
}

impl AppError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, what)
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// A failure of Backlab itself; the detail goes to the log only.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        eprintln!("backlab: internal error: {detail}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Backlab hit an internal error; the details are in its terminal output",
        )
    }
}

/// A progress file that cannot be used is a 503 that says why and what to
/// do; any other store failure is Backlab's own.
impl From<crate::store::StoreError> for AppError {
    fn from(error: crate::store::StoreError) -> Self {
        match error {
            crate::store::StoreError::Unusable(unusable) => {
                let sentence = unusable.to_string();
                let mut chars = sentence.chars();
                let first = chars.next().map(|c| c.to_uppercase().to_string());
                Self::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    format!("{}{}.", first.unwrap_or_default(), chars.as_str()),
                )
            }
            other => Self::internal(other),
        }
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(error: tokio::task::JoinError) -> Self {
        Self::internal(error)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(serde_json::json!({ "error": self.message })),
        )
            .into_response()
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// Lets a page handler, whose errors are whole responses (a 404 page), use `?`
/// on API-style errors too.
impl From<AppError> for Response {
    fn from(error: AppError) -> Self {
        error.into_response()
    }
}
