//! What the server promises whatever the request or the state of its data:
//! security headers on every answer (the guard's too), one Host only,
//! compressed and cacheable assets, a busy answer in words that records
//! nothing, and a 503 that says what is wrong with the progress file while
//! the pages keep working.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use rusqlite::Connection;
use serde_json::json;
use tower::ServiceExt;

use crate::{request, send};

/// An app on the built-in course with the given job slots, and its store file.
fn app_with(jobs: backlab::server::Jobs) -> (axum::Router, tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let state = crate::state_on(crate::builtin(), dir.path());
    let backlab::server::Learners::Solo(store) = &state.learners else {
        unreachable!("state_on serves one learner")
    };
    store.set_busy_timeout(Duration::from_millis(200)).unwrap();
    let app = crate::router(state.with_jobs(jobs));
    let path = dir.path().join("progress.db");
    (app, dir, path)
}

async fn raw(app: &axum::Router, request: Request<Body>) -> axum::http::Response<Body> {
    app.clone().oneshot(request).await.unwrap()
}

#[tokio::test]
async fn the_guards_own_refusals_carry_the_security_headers() {
    let (app, _dir) = crate::fresh();
    let mut foreign = request("GET", "/", None);
    foreign
        .headers_mut()
        .insert(header::HOST, "evil.example:4000".parse().unwrap());
    let mut cross_site = request(
        "PUT",
        "/api/exercises/hello-route/draft",
        Some(json!({"code": ""})),
    );
    cross_site
        .headers_mut()
        .insert(header::ORIGIN, "http://evil.example".parse().unwrap());
    for (req, status) in [
        (foreign, StatusCode::MISDIRECTED_REQUEST),
        (cross_site, StatusCode::FORBIDDEN),
        (request("GET", "/no/such/page", None), StatusCode::NOT_FOUND),
    ] {
        let response = raw(&app, req).await;
        assert_eq!(response.status(), status);
        let headers = response.headers();
        assert!(
            headers[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'"),
            "{status}"
        );
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
        assert_eq!(headers[header::REFERRER_POLICY], "no-referrer");
    }
}

#[tokio::test]
async fn two_host_headers_are_refused() {
    let (app, _dir) = crate::fresh();
    for second in ["evil.example:4000", "127.0.0.1:4000"] {
        let mut req = request("GET", "/api/progress", None);
        req.headers_mut()
            .append(header::HOST, second.parse().unwrap());
        let (status, body) = send(&app, req).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{second}");
        assert_eq!(
            body["error"],
            "the request names its Host twice; send exactly one Host header"
        );
    }
}

#[tokio::test]
async fn pages_and_assets_are_compressed_and_the_hashed_bundle_is_cached() {
    let (app, _dir) = crate::fresh();
    let mut req = request("GET", "/", None);
    req.headers_mut()
        .insert(header::ACCEPT_ENCODING, "gzip".parse().unwrap());
    let response = raw(&app, req).await;
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
    let (_, _, page) = crate::pages::html(&app, "/").await;
    let script = page
        .split("<script src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page links its script");
    assert!(script.starts_with("/static/backlab.js?v="), "{script}");

    let mut req = request("GET", script, None);
    req.headers_mut()
        .insert(header::ACCEPT_ENCODING, "gzip".parse().unwrap());
    let response = raw(&app, req).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    let gzipped = response.into_body().collect().await.unwrap().to_bytes();
    let (_, _, plain) = crate::pages::html(&app, "/static/backlab.js").await;
    assert!(
        gzipped.len() * 2 < plain.len(),
        "{} bytes gzipped of {}",
        gzipped.len(),
        plain.len()
    );
    for stale in [
        "/static/backlab.js",
        "/static/backlab.js?v=0123456789abcdef",
    ] {
        let response = raw(&app, request("GET", stale, None)).await;
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            "no-cache",
            "{stale}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_that_cannot_start_in_time_is_answered_in_words_and_not_recorded() {
    let (app, _dir, _path) = app_with(backlab::server::Jobs::new(1, Duration::from_millis(300)));
    let endless = json!({
        "code": "while (true) {}\n",
        "request": { "method": "GET", "path": "/hello" }
    });
    let busy_app = app.clone();
    let hog = tokio::spawn(async move {
        send(
            &busy_app,
            request("POST", "/api/exercises/hello-route/run", Some(endless)),
        )
        .await
    });
    tokio::time::sleep(Duration::from_millis(100)).await;
    let (status, body) = send(
        &app,
        request(
            "POST",
            "/api/exercises/hello-route/submit",
            Some(json!({ "code": "const app = express();" })),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("your code was not run or graded. Try again in a moment."),
        "{body}"
    );
    let (status, run) = hog.await.unwrap();
    assert_eq!(
        status,
        StatusCode::OK,
        "the first job still gets its answer: {run}"
    );
    let (_, submissions) = send(
        &app,
        request("GET", "/api/exercises/hello-route/submissions", None),
    )
    .await;
    assert_eq!(
        submissions,
        json!([]),
        "nothing was recorded for the refused submission"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_progress_file_is_a_503_that_says_so() {
    let (app, _dir, path) = app_with(backlab::server::Jobs::per_core());
    let mut other = Connection::open(&path).unwrap();
    let held = other
        .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)
        .unwrap();
    held.execute("INSERT INTO lessons_read VALUES ('x', 0)", [])
        .unwrap();
    let save = || {
        request(
            "PUT",
            "/api/exercises/hello-route/draft",
            Some(json!({ "code": "mine" })),
        )
    };
    let (status, body) = send(&app, save()).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    let message = body["error"].as_str().unwrap();
    assert!(
        message.starts_with(&format!(
            "The progress file {} is locked by another program",
            path.display()
        )),
        "{message}"
    );
    held.rollback().unwrap();
    assert_eq!(
        send(&app, save()).await.0,
        StatusCode::OK,
        "saves again once the lock is gone"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_progress_file_damaged_while_serving_leaves_the_pages_and_editor_working() {
    let (app, _dir, path) = app_with(backlab::server::Jobs::per_core());
    let other = Connection::open(&path).unwrap();
    other
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    // Every page but the first overwritten, behind Backlab's back; then a
    // change to the first page, so Backlab's cache is known to be stale.
    let length = std::fs::metadata(&path).unwrap().len() as usize;
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[4096..length].fill(0xA5);
    std::fs::write(&path, bytes).unwrap();
    other.pragma_update(None, "user_version", 1).unwrap();

    let (status, _, page) = crate::pages::html(&app, "/exercises/hello-route").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("id=\"editor\""), "the editor is on the page");
    assert!(page.contains("Your progress could not be read"), "{page}");
    assert!(page.contains("is damaged ("), "{page}");
    assert!(
        page.contains("\"starter\":"),
        "the page carries the starter for the editor"
    );
    let (status, body) = send(
        &app,
        request("GET", "/api/exercises/hello-route/draft", None),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("move it aside"),
        "{body}"
    );
}
