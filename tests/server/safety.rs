//! The protections: foreign Host names, cross-site writes, oversized and
//! non-JSON bodies.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::json;
use tower::ServiceExt;

use crate::{fresh, request, send};

#[tokio::test]
async fn a_foreign_host_is_refused() {
    let (app, _dir) = fresh();
    let mut req = request("GET", "/api/progress", None);
    req.headers_mut()
        .insert("Host", "attacker.example:4000".parse().unwrap());
    let (status, body) = send(&app, req).await;
    assert_eq!(status, StatusCode::MISDIRECTED_REQUEST);
    assert_eq!(
        body["error"],
        "this Backlab answers only at http://127.0.0.1:4000/ (the request was for \"attacker.example:4000\")"
    );
}

#[tokio::test]
async fn a_cross_origin_write_is_refused_and_a_plain_client_is_not() {
    let (app, _dir) = fresh();
    let mut req = request(
        "PUT",
        "/api/exercises/hello-route/draft",
        Some(json!({ "code": "x" })),
    );
    req.headers_mut()
        .insert("Origin", "http://attacker.example".parse().unwrap());
    let (status, body) = send(&app, req).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        body["error"],
        "this change must come from Backlab's own pages (cross-site request refused)"
    );

    let mut req = request(
        "PUT",
        "/api/exercises/hello-route/draft",
        Some(json!({ "code": "x" })),
    );
    req.headers_mut().remove("Origin");
    req.headers_mut()
        .insert("Sec-Fetch-Site", "cross-site".parse().unwrap());
    assert_eq!(send(&app, req).await.0, StatusCode::FORBIDDEN);

    let mut curl = request(
        "PUT",
        "/api/exercises/hello-route/draft",
        Some(json!({ "code": "x" })),
    );
    curl.headers_mut().remove("Origin");
    assert_eq!(
        send(&app, curl).await.0,
        StatusCode::OK,
        "curl sends no Origin and cannot be forged by a page"
    );
}

#[tokio::test]
async fn an_oversized_body_is_refused() {
    let (app, _dir) = fresh();
    let code = "x".repeat(300 << 10);
    let (status, body) = send(
        &app,
        request(
            "PUT",
            "/api/exercises/hello-route/draft",
            Some(json!({ "code": code })),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        body["error"],
        "the request is too large (the limit is 256 KiB)"
    );
}

#[tokio::test]
async fn a_body_that_is_not_json_is_refused() {
    let (app, _dir) = fresh();
    let req = Request::builder()
        .method("PUT")
        .uri("/api/exercises/hello-route/draft")
        .header("Host", "localhost:4000")
        .header("Content-Type", "text/plain")
        .body(Body::from("code=x"))
        .unwrap();
    let (status, body) = send(&app, req).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        body["error"],
        "send JSON, with Content-Type: application/json"
    );
    let broken = Request::builder()
        .method("PUT")
        .uri("/api/exercises/hello-route/draft")
        .header("Host", "localhost:4000")
        .header("Content-Type", "application/json")
        .body(Body::from("{not json"))
        .unwrap();
    assert_eq!(send(&app, broken).await.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn pages_run_only_backlabs_script_and_cannot_be_framed() {
    let (app, _dir) = fresh();
    for uri in ["/", "/exercises/hello-route", "/api/progress", "/nope"] {
        let response = app
            .clone()
            .oneshot(request("GET", uri, None))
            .await
            .unwrap();
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self';"), "{uri}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{uri}: {csp}");
        assert_eq!(headers["x-frame-options"], "DENY", "{uri}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{uri}");
    }
}
