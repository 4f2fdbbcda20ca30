//! Who may reach what in a class: nothing without a session, no
//! instructor route for learners, no learner's data for another learner,
//! solutions as the instructor chose, and only the public address.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use backlab::class::{Reveal, Role};
use tower::ServiceExt;

use super::harness::*;

#[tokio::test]
async fn without_a_session_pages_lead_to_sign_in_and_the_api_refuses() {
    let class = class();
    let mut visitor = Browser::default();
    let home = visitor.get(&class.app, "/lessons/what-is-a-server").await;
    assert_eq!(home.status, StatusCode::SEE_OTHER);
    assert_eq!(
        home.headers[header::LOCATION],
        "/signin?next=%2Flessons%2Fwhat-is-a-server"
    );
    for uri in [
        "/api/progress",
        "/api/exercises/hello-route/draft",
        "/api/submissions/1",
    ] {
        assert_eq!(
            visitor.get(&class.app, uri).await.status,
            StatusCode::UNAUTHORIZED,
            "{uri}"
        );
    }
    let run = visitor
        .api(
            &class.app,
            "POST",
            "/api/exercises/hello-route/run",
            serde_json::json!({"code": "x"}),
        )
        .await;
    assert_eq!(run.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        visitor.get(&class.app, "/instructor").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        visitor.get(&class.app, "/signin").await.status,
        StatusCode::OK
    );
    assert_eq!(
        visitor.get(&class.app, "/static/style.css").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn learners_cannot_reach_instructor_routes() {
    let class = class();
    let mut learner = Browser::member(&class, "Lee", "lee@example.org", Role::Learner);
    for uri in [
        "/instructor",
        "/instructor/events",
        "/instructor/learners/1",
        "/instructor/submissions/1",
        "/instructor/gradebook.csv",
        "/instructor/gradebook.json",
    ] {
        assert_eq!(
            learner.get(&class.app, uri).await.status,
            StatusCode::FORBIDDEN,
            "{uri}"
        );
    }
    let csrf = learner.csrf.clone();
    for (uri, fields) in [
        (
            "/instructor/roster",
            vec![("roster", "Mallory,m@example.org")],
        ),
        (
            "/instructor/assignments",
            vec![
                ("title", "x"),
                ("due", "2030-01-01T00:00"),
                ("exercise", "hello-route"),
            ],
        ),
        ("/instructor/assignments/1/remove", vec![]),
        ("/instructor/settings", vec![("reveal", "after-pass")]),
        ("/instructor/members/1/invite", vec![]),
    ] {
        let mut fields = fields;
        fields.push(("csrf", &csrf));
        let answer = learner.post_form(&class.app, uri, &fields).await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{uri}");
    }
    assert!(class.store.assignments().unwrap().is_empty());
    assert_eq!(class.store.reveal().unwrap(), Reveal::AfterDue);
    assert_eq!(class.store.members().unwrap().len(), 1);
}

#[tokio::test]
async fn a_learner_cannot_reach_another_learners_anything() {
    let class = class();
    let mut a = Browser::member(&class, "Ann", "ann@example.org", Role::Learner);
    let mut b = Browser::member(&class, "Ben", "ben@example.org", Role::Learner);
    let draft = "// Ben's secret draft";
    let put = b
        .api(
            &class.app,
            "PUT",
            "/api/exercises/hello-route/draft",
            serde_json::json!({"code": draft}),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let submitted = b
        .api(
            &class.app,
            "POST",
            "/api/exercises/hello-route/submit",
            serde_json::json!({"code": hello_solution()}),
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK, "{}", submitted.body);
    let id = submitted.json()["id"].as_i64().unwrap();

    let theirs = a.get(&class.app, &format!("/api/submissions/{id}")).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let list = a
        .get(&class.app, "/api/exercises/hello-route/submissions")
        .await;
    assert_eq!(list.json(), serde_json::json!([]));
    let own_draft = a.get(&class.app, "/api/exercises/hello-route/draft").await;
    assert!(
        !own_draft.body.contains("secret") && !own_draft.body.contains("res.json"),
        "{}",
        own_draft.body
    );
    let progress = a.get(&class.app, "/api/progress").await;
    assert_eq!(progress.json()["exercises_passed"], serde_json::json!([]));
    let history = a.get(&class.app, "/history").await;
    assert!(history.body.contains("Nothing submitted yet"));
    let solution = a
        .get(&class.app, "/api/exercises/hello-route/solution")
        .await;
    assert_eq!(
        solution.status,
        StatusCode::FORBIDDEN,
        "Ben's pass opens nothing for Ann"
    );

    // Ben sees his own.
    assert_eq!(
        b.get(&class.app, &format!("/api/submissions/{id}"))
            .await
            .status,
        StatusCode::OK
    );
    assert!(b.get(&class.app, "/history").await.body.contains("passed"));
}

#[tokio::test]
async fn solutions_follow_the_instructors_choice() {
    let class = class();
    let mut learner = Browser::member(&class, "Lee", "lee@example.org", Role::Learner);
    let mut teacher = Browser::member(&class, "Tess", "tess@example.org", Role::Instructor);
    let now = backlab::class::accounts::now();
    class
        .store
        .add_assignment("Soon", now + 3600, &["hello-route".into()])
        .unwrap();
    let give_up = serde_json::json!({"give_up": true});
    let refused = learner
        .api(
            &class.app,
            "POST",
            "/api/exercises/hello-route/solution/reveal",
            give_up.clone(),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(
        refused.body.contains("after its due date"),
        "{}",
        refused.body
    );
    submit_hello(&mut learner, &class.app, &hello_solution()).await;
    assert_eq!(
        solution_status(&mut learner, &class.app).await,
        StatusCode::FORBIDDEN,
        "a pass does not open an assignment before its due date"
    );
    assert_eq!(
        solution_status(&mut teacher, &class.app).await,
        StatusCode::OK
    );
    class.store.set_reveal(Reveal::AfterPass).unwrap();
    assert_eq!(
        solution_status(&mut learner, &class.app).await,
        StatusCode::OK
    );
    class.store.set_reveal(Reveal::Never).unwrap();
    assert_eq!(
        solution_status(&mut learner, &class.app).await,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_class_answers_only_at_its_public_address() {
    let class = class();
    let mut learner = Browser::member(&class, "Lee", "lee@example.org", Role::Learner);
    let request = Request::get("/").header(header::HOST, "evil.example");
    let response = class
        .app
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::MISDIRECTED_REQUEST);
    let home = learner.get(&class.app, "/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert_eq!(home.headers[header::CACHE_CONTROL], "no-store");
    let style = learner.get(&class.app, "/static/style.css").await;
    assert_ne!(style.headers[header::CACHE_CONTROL], "no-store");
}
