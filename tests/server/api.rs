//! The JSON API: run, submit, drafts, progress, submissions, and its errors.

use axum::http::StatusCode;
use serde_json::json;

use crate::{fresh, request, send};

const HELLO: &str = "app.get('/hello', (req, res) => res.json({ message: `Hello, ${req.query.name || 'world'}!` }));";

#[tokio::test]
async fn run_answers_with_response_trace_and_tables() {
    let (app, _dir) = fresh();
    let body = json!({ "code": HELLO, "request": { "method": "GET", "path": "/hello?name=Ada" } });
    let (status, run) = send(
        &app,
        request("POST", "/api/exercises/hello-route/run", Some(body)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{run}");
    assert_eq!(run["verdict"]["kind"], "ok");
    assert_eq!(run["response"]["body"], r#"{"message":"Hello, Ada!"}"#);
    assert_eq!(run["tables"], json!([]));
}

#[tokio::test]
async fn run_shows_sql_and_the_tables_after() {
    let (app, _dir) = fresh();
    let code = "app.post('/login', (req, res) => { const u = db.prepare('SELECT username FROM users WHERE username = ?').get(req.body.username); res.json(u || {}); });";
    let body = json!({ "code": code, "request": { "method": "POST", "path": "/login", "headers": [["Content-Type", "application/json"]], "body": "{\"username\":\"bob\"}" } });
    let (status, run) = send(
        &app,
        request("POST", "/api/exercises/login-injection/run", Some(body)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{run}");
    assert_eq!(
        run["trace"]["events"][0]["sql"],
        "SELECT username FROM users WHERE username = ?"
    );
    assert_eq!(run["tables"][0]["name"], "users");
    assert_eq!(run["tables"][0]["row_count"], 2);
}

#[tokio::test]
async fn run_takes_sql_for_sql_exercises() {
    let (app, _dir) = fresh();
    let body =
        json!({ "code": "SELECT title FROM books WHERE price_cents < 1000 ORDER BY price_cents" });
    let (status, run) = send(
        &app,
        request("POST", "/api/exercises/select-basics/run", Some(body)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{run}");
    assert_eq!(run["query"]["rows"], json!([["Small Gods"], ["Dune"]]));
}

#[tokio::test]
async fn submit_records_the_report_and_progress() {
    let (app, _dir) = fresh();
    let (status, wrong) = send(
        &app,
        request(
            "POST",
            "/api/exercises/hello-route/submit",
            Some(json!({ "code": "// nothing" })),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(wrong["report"]["status"], "fail");
    let (_, right) = send(
        &app,
        request(
            "POST",
            "/api/exercises/hello-route/submit",
            Some(json!({ "code": HELLO })),
        ),
    )
    .await;
    assert_eq!(right["report"]["status"], "pass", "{right}");
    let (_, progress) = send(&app, request("GET", "/api/progress", None)).await;
    assert_eq!(progress["exercises_passed"], json!(["hello-route"]));
    let (_, list) = send(
        &app,
        request("GET", "/api/exercises/hello-route/submissions", None),
    )
    .await;
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    let id = right["id"].as_i64().unwrap();
    let (_, one) = send(
        &app,
        request("GET", &format!("/api/submissions/{id}"), None),
    )
    .await;
    assert_eq!(one["code"], HELLO);
    let (_, draft) = send(
        &app,
        request("GET", "/api/exercises/hello-route/draft", None),
    )
    .await;
    assert_eq!(draft["code"], HELLO, "a submission saves the draft too");
}

#[tokio::test]
async fn a_submission_from_a_page_that_could_not_read_the_draft_leaves_it_alone() {
    let (app, _dir) = fresh();
    let draft = "/api/exercises/hello-route/draft";
    let mine = json!({ "code": "// my real work" });
    send(&app, request("PUT", draft, Some(mine))).await;
    let (status, submitted) = send(
        &app,
        request(
            "POST",
            "/api/exercises/hello-route/submit",
            Some(json!({ "code": HELLO, "save_as_draft": false })),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{submitted}");
    assert_eq!(submitted["report"]["status"], "pass");
    let (_, kept) = send(&app, request("GET", draft, None)).await;
    assert_eq!(kept["code"], "// my real work");
}

#[tokio::test]
async fn drafts_start_from_the_starter_and_reset_to_it() {
    let (app, _dir) = fresh();
    let (_, draft) = send(
        &app,
        request("GET", "/api/exercises/hello-route/draft", None),
    )
    .await;
    assert!(draft["code"].as_str().unwrap().contains("res.send(\"hi\")"));
    assert!(draft.get("saved_at").is_none());
    let (status, saved) = send(
        &app,
        request(
            "PUT",
            "/api/exercises/hello-route/draft",
            Some(json!({ "code": "// mine" })),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(saved["saved_at"].is_i64());
    let (_, draft) = send(
        &app,
        request("GET", "/api/exercises/hello-route/draft", None),
    )
    .await;
    assert_eq!(draft["code"], "// mine");
    let (_, reset) = send(
        &app,
        request("DELETE", "/api/exercises/hello-route/draft", None),
    )
    .await;
    assert!(reset["code"].as_str().unwrap().contains("res.send(\"hi\")"));
}

#[tokio::test]
async fn lessons_are_marked_read() {
    let (app, _dir) = fresh();
    let (status, _) = send(&app, request("POST", "/api/lessons/routes/read", None)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, progress) = send(&app, request("GET", "/api/progress", None)).await;
    assert_eq!(progress["lessons_read"], json!(["routes"]));
}

#[tokio::test]
async fn bad_input_gets_a_clear_json_error() {
    let (app, _dir) = fresh();
    let cases = [
        (
            request(
                "POST",
                "/api/exercises/nope/run",
                Some(json!({ "code": "" })),
            ),
            StatusCode::NOT_FOUND,
            "there is no exercise \"nope\"",
        ),
        (
            request("POST", "/api/lessons/nope/read", None),
            StatusCode::NOT_FOUND,
            "there is no lesson \"nope\"",
        ),
        (
            request("GET", "/api/submissions/abc", None),
            StatusCode::BAD_REQUEST,
            "\"abc\" is not a submission number",
        ),
        (
            request("GET", "/api/submissions/99", None),
            StatusCode::NOT_FOUND,
            "there is no submission 99",
        ),
        (
            request("GET", "/api/nothing", None),
            StatusCode::NOT_FOUND,
            "there is no such API route",
        ),
        (
            request(
                "POST",
                "/api/exercises/hello-route/run",
                Some(json!({ "code": "", "request": { "method": "BREW", "path": "/" } })),
            ),
            StatusCode::BAD_REQUEST,
            "\"BREW\" is not an HTTP method Backlab sends; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS",
        ),
        (
            request(
                "POST",
                "/api/exercises/hello-route/run",
                Some(json!({ "code": "", "request": { "path": "hello" } })),
            ),
            StatusCode::BAD_REQUEST,
            "the path \"hello\" must start with /",
        ),
    ];
    for (req, expected_status, expected) in cases {
        let (status, body) = send(&app, req).await;
        assert_eq!(
            (status, body["error"].as_str()),
            (expected_status, Some(expected))
        );
    }
    let (status, body) = send(
        &app,
        request(
            "PUT",
            "/api/exercises/hello-route/draft",
            Some(json!({ "kode": "x" })),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("unknown field `kode`"),
        "{body}"
    );
}
