//! The learner's page beyond a submission: the reference solution only
//! after a pass or a confirmed request, clues for hidden tests from their
//! second failure, submissions numbered per exercise, search that escapes
//! what it is given, the glossary, and an exercise marking its lesson read.

use axum::http::StatusCode;
use serde_json::json;

use crate::pages::html;
use crate::{fresh, request, send};

const RIGHT: &str = "app.get('/hello', (req, res) => res.json({ message: `Hello, ${req.query.name || 'world'}!` }));";

#[tokio::test]
async fn the_solution_opens_after_a_pass_or_a_confirmed_request_only() {
    let (app, _dir) = fresh();
    let get = |slug: &str| request("GET", &format!("/api/exercises/{slug}/solution"), None);
    let (status, body) = send(&app, get("hello-route")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let submit = json!({ "code": RIGHT });
    let (_, submitted) = send(
        &app,
        request("POST", "/api/exercises/hello-route/submit", Some(submit)),
    )
    .await;
    assert_eq!(submitted["report"]["status"], "pass");
    let (status, solution) = send(&app, get("hello-route")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        solution["code"]
            .as_str()
            .unwrap()
            .contains("req.query.name")
    );
    assert!(
        solution["why_html"].as_str().unwrap().contains("<p>"),
        "{solution}"
    );

    let reveal = |body| {
        request(
            "POST",
            "/api/exercises/select-basics/solution/reveal",
            Some(body),
        )
    };
    let (status, _) = send(&app, reveal(json!({ "give_up": false }))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        send(&app, get("select-basics")).await.0,
        StatusCode::FORBIDDEN
    );
    let (status, solution) = send(&app, reveal(json!({ "give_up": true }))).await;
    assert_eq!(
        (status, solution["language"].as_str()),
        (StatusCode::OK, Some("sql"))
    );
    assert_eq!(
        send(&app, get("select-basics")).await.0,
        StatusCode::OK,
        "remembered"
    );
    assert_eq!(
        send(&app, get("no-such-exercise")).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_hidden_test_shows_its_clue_from_the_second_failure_and_numbers_count_per_exercise() {
    let (app, _dir) = fresh();
    // Greets "world" only: the hidden test with a two-word name fails.
    let code = "app.get('/hello', (req, res) => res.json({ message: `Hello, ${(req.query.name || 'world').split(' ')[0]}!` }));";
    let submit = || {
        request(
            "POST",
            "/api/exercises/hello-route/submit",
            Some(json!({ "code": code })),
        )
    };
    let hidden = |report: &serde_json::Value| {
        report["tests"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["hidden"] == true && t["status"] != "pass")
            .cloned()
            .expect("a failing hidden test")
    };
    let (_, first) = send(&app, submit()).await;
    assert_eq!(first["number"], 1);
    assert_eq!(hidden(&first["report"]).get("clue"), None);
    let (_, second) = send(&app, submit()).await;
    assert_eq!(second["number"], 2);
    assert_eq!(
        hidden(&second["report"])["clue"],
        "Try a name with more than one word in it."
    );
    let other = request(
        "POST",
        "/api/exercises/echo-request/submit",
        Some(json!({ "code": code })),
    );
    assert_eq!(send(&app, other).await.1["number"], 1);
    let (_, list) = send(
        &app,
        request("GET", "/api/exercises/hello-route/submissions", None),
    )
    .await;
    assert_eq!(list[0]["number"], 2);
}

#[tokio::test]
async fn search_finds_course_pages_and_escapes_the_query() {
    let (app, _dir) = fresh();
    let (status, _, page) = html(&app, "/search?q=injection").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("href=\"/exercises/login-injection\""),
        "{page}"
    );
    assert!(page.contains("<mark>"), "{page}");
    let (status, _, page) = html(&app, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(page.contains("&lt;script&gt;alert(1)"), "{page}");
    // A broken percent sign is searched for as it is, not a failure.
    assert_eq!(html(&app, "/search?q=%ZZ").await.0, StatusCode::OK);
    let (status, _, page) = html(&app, "/search").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !page.contains("search-results\">\n  <li"),
        "no results without a query"
    );
}

#[tokio::test]
async fn the_glossary_lists_terms_and_lessons_link_to_them() {
    let (app, _dir) = fresh();
    let (status, _, page) = html(&app, "/glossary").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.matches("<dt>").count() >= 30, "{page}");
    let (_, _, lesson) = html(&app, "/lessons/idempotency").await;
    assert!(lesson.contains("href=\"/glossary#"), "{lesson}");
}

#[tokio::test]
async fn opening_an_exercise_marks_its_lesson_read() {
    let (app, _dir) = fresh();
    let (_, progress) = send(&app, request("GET", "/api/progress", None)).await;
    assert_eq!(progress["lessons_read"], json!([]));
    assert_eq!(
        html(&app, "/exercises/echo-request").await.0,
        StatusCode::OK
    );
    let (_, progress) = send(&app, request("GET", "/api/progress", None)).await;
    assert_eq!(progress["lessons_read"], json!(["routes"]));
}
