//! Protections for a server that runs on the learner's own machine: only
//! requests addressed to this server by name (no DNS rebinding), and writes
//! only from its own pages (no CSRF from other sites).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::AppError;

/// The `host:port` names this server answers to.
#[derive(Debug, Clone)]
pub struct AllowedHosts {
    names: Vec<String>,
}

impl AllowedHosts {
    /// 127.0.0.1, localhost and [::1] on `port`, plus any extra name it was bound to.
    pub fn local(port: u16, extra: Option<&str>) -> Self {
        let mut names: Vec<String> = ["127.0.0.1", "localhost", "[::1]"]
            .iter()
            .map(|h| format!("{h}:{port}"))
            .collect();
        if let Some(extra) = extra {
            names.push(format!("{extra}:{port}"));
        }
        if port == 80 {
            names.extend(["127.0.0.1", "localhost", "[::1]"].map(String::from));
        }
        Self { names }
    }

    fn allows_host(&self, host: &str) -> bool {
        self.names.iter().any(|n| n.eq_ignore_ascii_case(host))
    }

    fn allows_origin(&self, origin: &str) -> bool {
        origin
            .strip_prefix("http://")
            .is_some_and(|host| self.allows_host(host))
    }

    /// The address to show people.
    pub fn first(&self) -> &str {
        &self.names[0]
    }
}

pub async fn check(
    State(allowed): State<AllowedHosts>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let headers = request.headers();
    if headers.get_all(header::HOST).iter().nth(1).is_some() {
        return AppError::bad_request(
            "the request names its Host twice; send exactly one Host header",
        )
        .into_response();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !allowed.allows_host(host) {
        return AppError::new(
            StatusCode::MISDIRECTED_REQUEST,
            format!(
                "this Backlab answers only at http://{}/ (the request was for {host:?})",
                allowed.first()
            ),
        )
        .into_response();
    }
    if is_write(request.method()) && !same_origin(headers, &allowed) {
        return AppError::new(
            StatusCode::FORBIDDEN,
            "this change must come from Backlab's own pages (cross-site request refused)",
        )
        .into_response();
    }
    next.run(request).await
}

fn is_write(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Browsers send `Origin` (or at least `Sec-Fetch-Site`) with every write;
/// a request with neither is not from a browser page, so it cannot be a
/// cross-site forgery.
fn same_origin(headers: &HeaderMap, allowed: &AllowedHosts) -> bool {
    if let Some(origin) = headers.get(header::ORIGIN) {
        return origin.to_str().is_ok_and(|o| allowed.allows_origin(o));
    }
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => site == "same-origin" || site == "none",
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_names_on_our_port_are_allowed() {
        let allowed = AllowedHosts::local(4000, None);
        assert!(allowed.allows_host("127.0.0.1:4000"));
        assert!(allowed.allows_host("LOCALHOST:4000"));
        assert!(!allowed.allows_host("evil.example:4000"));
        assert!(!allowed.allows_host("127.0.0.1:4001"));
        assert!(allowed.allows_origin("http://localhost:4000"));
        assert!(!allowed.allows_origin("http://evil.example"));
    }
}
