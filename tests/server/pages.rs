//! The pages: the home page (with a golden snapshot) and static files.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::{fresh, request, send};

async fn html(app: &axum::Router, uri: &str) -> (StatusCode, String, String) {
    let response = app
        .clone()
        .oneshot(request("GET", uri, None))
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        content_type,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[tokio::test]
async fn the_home_page_lists_tracks_lessons_and_progress() {
    let (app, _dir) = fresh();
    let (status, content_type, page) = html(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "text/html; charset=utf-8");
    let golden = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/home.html");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&golden, &page).unwrap();
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("tests/golden/home.html; run with BLESS=1 to write it");
    assert!(
        expected == page,
        "the home page changed; run with BLESS=1 and review the diff:\n{page}"
    );

    send(&app, request("POST", "/api/lessons/routes/read", None)).await;
    let hello = "app.get('/hello', (req, res) => res.json({ message: `Hello, ${req.query.name || 'world'}!` }));";
    send(
        &app,
        request(
            "POST",
            "/api/exercises/hello-route/submit",
            Some(serde_json::json!({ "code": hello })),
        ),
    )
    .await;
    let (_, _, page) = html(&app, "/").await;
    assert!(
        page.contains("<p class=\"count\">2 of 2 done</p>"),
        "{page}"
    );
    assert!(page.contains("aria-valuenow=\"2\""), "{page}");
}

#[tokio::test]
async fn static_files_are_served_by_name_only() {
    let (app, _dir) = fresh();
    let (status, content_type, css) = html(&app, "/static/style.css").await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "text/css; charset=utf-8")
    );
    assert!(css.contains("prefers-color-scheme: dark"));
    for uri in [
        "/static/..%2FCargo.toml",
        "/static/%2E%2E%2Fsrc%2Fmain.rs",
        "/static/missing.css",
    ] {
        let req = Request::builder()
            .uri(uri)
            .header("Host", "localhost:4000")
            .body(Body::empty())
            .unwrap();
        let (status, _) = send(&app, req).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
    }
}
