//! Protections for a server that runs on the learner's own machine (or a
//! class's server at its public address): only requests addressed to this
//! server by name (no DNS rebinding), and writes only from its own pages
//! (no CSRF from other sites).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::AppError;

/// The `host:port` names this server answers to, and the origins
/// (`scheme://host[:port]`) its pages have.
#[derive(Debug, Clone)]
pub struct AllowedHosts {
    names: Vec<String>,
    origins: Vec<String>,
    /// The address to show people.
    url: String,
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
        let origins = names.iter().map(|n| format!("http://{n}")).collect();
        let url = format!("http://{}/", names[0]);
        Self {
            names,
            origins,
            url,
        }
    }

    /// A class server: its public address (`https://class.example.org`,
    /// perhaps behind a proxy), and the local names on `port` for the
    /// machine it runs on.
    pub fn public(public_url: &str, port: u16) -> Result<Self, String> {
        let problem = || {
            format!(
                "{public_url:?} is not a public address; write it as http://HOST[:PORT] or https://HOST[:PORT]"
            )
        };
        let (scheme, rest) = public_url.split_once("://").ok_or_else(problem)?;
        let host = rest.trim_end_matches('/');
        // Browsers leave a scheme's own port out of Host and Origin.
        let default_port = if scheme == "https" { ":443" } else { ":80" };
        let host = host.strip_suffix(default_port).unwrap_or(host);
        let valid_host = !host.is_empty()
            && !host.contains(['/', '?', '#', '@', ' '])
            && matches!(scheme, "http" | "https");
        if !valid_host {
            return Err(problem());
        }
        let mut allowed = Self::local(port, None);
        let origin = format!("{scheme}://{host}").to_ascii_lowercase();
        allowed.names.insert(0, host.to_ascii_lowercase());
        if !host.contains(']') && !host.contains(':') {
            allowed.names.push(format!("{host}{default_port}"));
        }
        allowed.origins.insert(0, origin.clone());
        allowed.url = format!("{origin}/");
        Ok(allowed)
    }

    fn allows_host(&self, host: &str) -> bool {
        self.names.iter().any(|n| n.eq_ignore_ascii_case(host))
    }

    fn allows_origin(&self, origin: &str) -> bool {
        self.origins.iter().any(|o| o.eq_ignore_ascii_case(origin))
    }

    /// The address to show people, e.g. `http://127.0.0.1:4000/`.
    pub fn url(&self) -> &str {
        &self.url
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
                "this Backlab answers only at {} (the request was for {host:?})",
                allowed.url()
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

pub(super) fn is_write(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Browsers send `Origin` (or at least `Sec-Fetch-Site`) with every write;
/// a request with neither is not from a browser page, so it cannot be a
/// cross-site forgery.
fn same_origin(headers: &HeaderMap, allowed: &AllowedHosts) -> bool {
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if let Some(origin) = headers.get(header::ORIGIN) {
        // Under `Referrer-Policy: no-referrer` a browser's form post says
        // `Origin: null`; then only its own word that the page was ours counts.
        if origin == "null" {
            return site == Some("same-origin");
        }
        return origin.to_str().is_ok_and(|o| allowed.allows_origin(o));
    }
    match site {
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

    #[test]
    fn a_null_origin_counts_only_with_a_same_origin_fetch_site() {
        let allowed = AllowedHosts::local(4000, None);
        let headers = |site: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::ORIGIN, "null".parse().unwrap());
            h.insert("sec-fetch-site", site.parse().unwrap());
            h
        };
        assert!(same_origin(&headers("same-origin"), &allowed));
        assert!(!same_origin(&headers("cross-site"), &allowed));
        assert!(!same_origin(&headers("same-site"), &allowed));
    }

    #[test]
    fn a_class_answers_at_its_public_address() {
        let allowed = AllowedHosts::public("https://Class.Example.org/", 4000).unwrap();
        assert_eq!(allowed.url(), "https://class.example.org/");
        assert!(allowed.allows_host("class.example.org"));
        assert!(allowed.allows_host("class.example.org:443"));
        assert!(allowed.allows_host("127.0.0.1:4000"));
        assert!(!allowed.allows_host("evil.example"));
        assert!(allowed.allows_origin("https://class.example.org"));
        assert!(!allowed.allows_origin("http://class.example.org"));
        let explicit = AllowedHosts::public("https://class.example.org:443", 4000).unwrap();
        assert!(explicit.allows_origin("https://class.example.org"));
        assert!(explicit.allows_host("class.example.org"));
        assert!(AllowedHosts::public("class.example.org", 4000).is_err());
        assert!(AllowedHosts::public("ftp://x", 4000).is_err());
        assert!(AllowedHosts::public("http://a/b", 4000).is_err());
    }
}
