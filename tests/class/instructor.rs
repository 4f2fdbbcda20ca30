//! The instructor's pages: a roster imported and joined, assignments and
//! the gradebook, and names and code escaped on the dashboard.

use axum::http::{StatusCode, header};
use backlab::class::Role;

use super::harness::*;

#[tokio::test]
async fn the_dashboard_escapes_names_and_code() {
    let class = class();
    let mut teacher = Browser::member(&class, "Tess", "tess@example.org", Role::Instructor);
    let name = "<script>alert('name')</script>";
    let mut learner = Browser::member(&class, name, "x@example.org", Role::Learner);
    let code = "// </code><img src=x onerror=alert(1)>";
    for _ in 0..3 {
        let answer = learner
            .api(
                &class.app,
                "POST",
                "/api/exercises/hello-route/submit",
                serde_json::json!({"code": code}),
            )
            .await;
        assert_eq!(answer.status, StatusCode::OK);
    }
    let dashboard = teacher.get(&class.app, "/instructor").await;
    assert_eq!(dashboard.status, StatusCode::OK);
    assert!(!dashboard.body.contains(name));
    assert!(
        dashboard
            .body
            .contains("&lt;script&gt;alert(&#39;name&#39;)&lt;&#x2F;script&gt;")
            || dashboard.body.contains("&lt;script&gt;")
    );
    assert!(
        dashboard.body.contains("Who looks stuck")
            && dashboard.body.contains("3 failed submissions")
    );
    let user = class
        .store
        .members()
        .unwrap()
        .into_iter()
        .find(|m| m.name == name)
        .unwrap()
        .id;
    let page = teacher
        .get(&class.app, &format!("/instructor/learners/{user}"))
        .await;
    assert!(!page.body.contains("<img src=x"));
    assert!(page.body.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let latest = class.store.latest_submission().unwrap();
    let page = teacher
        .get(&class.app, &format!("/instructor/submissions/{latest}"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("<img src=x") && !page.body.contains(name));
}

#[tokio::test]
async fn an_instructor_imports_a_roster_and_a_learner_joins() {
    let class = class();
    let mut teacher = Browser::member(&class, "Tess", "tess@example.org", Role::Instructor);
    let csrf = teacher.csrf.clone();
    let bad = teacher
        .post_form(
            &class.app,
            "/instructor/roster",
            &[("roster", "name,email\nAda,not-an-email"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.body
            .contains("roster.csv:2: &quot;not-an-email&quot; does not look like an email address"),
        "{}",
        bad.body
    );
    let imported = teacher
        .post_form(
            &class.app,
            "/instructor/roster",
            &[
                ("roster", "name,email\nAda Lovelace,ada@example.org"),
                ("csrf", &csrf),
            ],
        )
        .await;
    assert_eq!(imported.status, StatusCode::OK);
    let at = imported
        .body
        .find("http://127.0.0.1:4000/join/")
        .expect("a join link")
        + ORIGIN.len();
    let path: String = imported.body[at..]
        .chars()
        .take_while(|c| *c != '<')
        .collect();

    let mut ada = Browser::default();
    let page = ada.get(&class.app, &path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Ada Lovelace"));
    let csrf = form_csrf(&page.body);
    let short = ada
        .post_form(
            &class.app,
            &path,
            &[("password", "short"), ("again", "short"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(short.status, StatusCode::BAD_REQUEST);
    let joined = ada
        .post_form(
            &class.app,
            &path,
            &[("password", PASSWORD), ("again", PASSWORD), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(joined.status, StatusCode::SEE_OTHER);
    let home = ada.get(&class.app, "/").await;
    assert_eq!(home.status, StatusCode::OK);
    ada.csrf = meta_csrf(&home.body);
    assert_eq!(
        ada.get(&class.app, &path).await.status,
        StatusCode::NOT_FOUND,
        "a join link works once"
    );

    let assigned = teacher
        .post_form(
            &class.app,
            "/instructor/assignments",
            &[
                ("title", "Week 1"),
                ("due", "2020-01-01T09:00"),
                ("exercise", "hello-route"),
                ("csrf", &csrf_of(&teacher)),
            ],
        )
        .await;
    assert_eq!(assigned.status, StatusCode::SEE_OTHER, "{}", assigned.body);
    let answer = ada
        .api(
            &class.app,
            "POST",
            "/api/exercises/hello-route/submit",
            serde_json::json!({"code": hello_solution()}),
        )
        .await;
    assert_eq!(answer.json()["report"]["status"], "pass", "{}", answer.body);
    let assignments = ada.get(&class.app, "/assignments").await;
    assert!(assignments.body.contains("Week 1") && assignments.body.contains("passed late"));
    let csv = teacher.get(&class.app, "/instructor/gradebook.csv").await;
    assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(
        csv.body.contains("Ada Lovelace") && csv.body.contains("passed late"),
        "{}",
        csv.body
    );

    // A forgotten password: the instructor makes a reset link, and using
    // it signs Ada out of her other sessions.
    let ada_id = class
        .store
        .members()
        .unwrap()
        .into_iter()
        .find(|m| m.name == "Ada Lovelace")
        .unwrap()
        .id;
    let reset = teacher
        .post_form(
            &class.app,
            &format!("/instructor/members/{ada_id}/invite"),
            &[("csrf", &csrf_of(&teacher))],
        )
        .await;
    assert_eq!(reset.status, StatusCode::OK);
    let at = reset.body.find("/join/").expect("a reset link");
    let path: String = reset.body[at..].chars().take_while(|c| *c != '<').collect();
    let mut elsewhere = Browser::default();
    let page = elsewhere.get(&class.app, &path).await;
    let csrf = form_csrf(&page.body);
    let new_password = "another long passphrase";
    let joined = elsewhere
        .post_form(
            &class.app,
            &path,
            &[
                ("password", new_password),
                ("again", new_password),
                ("csrf", &csrf),
            ],
        )
        .await;
    assert_eq!(joined.status, StatusCode::SEE_OTHER);
    assert_eq!(
        ada.get(&class.app, "/api/progress").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        elsewhere.get(&class.app, "/api/progress").await.status,
        StatusCode::OK
    );
}

fn csrf_of(browser: &Browser) -> String {
    browser.csrf.clone()
}
