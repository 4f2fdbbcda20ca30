//! Sessions in a class: CSRF tokens on every write, rotation and cookie
//! flags at sign-in, no open redirect, and sign-in rate limits.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use backlab::class::{Reveal, Role};

use super::harness::*;

#[tokio::test]
async fn every_write_needs_the_sessions_csrf_token() {
    let class = class();
    let mut learner = Browser::member(&class, "Lee", "lee@example.org", Role::Learner);
    let body = serde_json::json!({"code": "// mine"});
    let good = learner.csrf.clone();
    for token in ["", "0000", &"a".repeat(good.len())] {
        learner.csrf = token.to_string();
        let answer = learner
            .api(
                &class.app,
                "PUT",
                "/api/exercises/hello-route/draft",
                body.clone(),
            )
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "token {token:?}");
    }
    learner.csrf = good;
    let answer = learner
        .api(&class.app, "PUT", "/api/exercises/hello-route/draft", body)
        .await;
    assert_eq!(answer.status, StatusCode::OK);

    let mut teacher = Browser::member(&class, "Tess", "tess@example.org", Role::Instructor);
    let no_token = teacher
        .post_form(&class.app, "/instructor/settings", &[("reveal", "never")])
        .await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    let wrong = teacher
        .post_form(
            &class.app,
            "/instructor/settings",
            &[("reveal", "never"), ("csrf", "nope")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(class.store.reveal().unwrap(), Reveal::AfterDue);
    let csrf = teacher.csrf.clone();
    let right = teacher
        .post_form(
            &class.app,
            "/instructor/settings",
            &[("reveal", "never"), ("csrf", &csrf)],
        )
        .await;
    assert_eq!(right.status, StatusCode::SEE_OTHER);
    assert_eq!(class.store.reveal().unwrap(), Reveal::Never);

    // A form from another site is refused before anything else.
    let mut forged = teacher.clone();
    let request = Request::post("/instructor/settings")
        .header(header::ORIGIN, "http://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    let body = format!("reveal=after-pass&csrf={csrf}");
    assert_eq!(
        forged
            .send(&class.app, request, Body::from(body))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

async fn sign_in(browser: &mut Browser, app: &Router, email: &str, password: &str) -> Answer {
    let page = browser.get(app, "/signin?next=/assignments").await;
    let csrf = form_csrf(&page.body);
    post_sign_in(browser, app, (email, password), &csrf, "/assignments").await
}

/// Posts the sign-in form with this form token and `next` address.
async fn post_sign_in(
    browser: &mut Browser,
    app: &Router,
    (email, password): (&str, &str),
    csrf: &str,
    next: &str,
) -> Answer {
    let fields = [
        ("email", email),
        ("password", password),
        ("next", next),
        ("csrf", csrf),
    ];
    browser.post_form(app, "/signin", &fields).await
}

#[tokio::test]
async fn signing_in_rotates_the_session_and_sets_a_safe_cookie() {
    let class = class();
    let old = Browser::member(&class, "Lee", "lee@example.org", Role::Learner);
    let old_token = old.cookies[0].1.clone();
    let mut browser = old.clone();
    let answer = sign_in(&mut browser, &class.app, "lee@example.org", PASSWORD).await;
    assert_eq!(answer.status, StatusCode::SEE_OTHER);
    assert_eq!(answer.headers[header::LOCATION], "/assignments");
    let set = answer
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("backlab_session="))
        .unwrap();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax"),
        "{set}"
    );
    let new_token = browser
        .cookies
        .iter()
        .find(|(n, _)| n == "backlab_session")
        .unwrap()
        .1
        .clone();
    assert_ne!(new_token, old_token);
    assert!(
        class.store.session(&old_token).unwrap().is_none(),
        "the old session ended"
    );
    let mut stale = old;
    assert_eq!(
        stale.get(&class.app, "/api/progress").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        browser.get(&class.app, "/assignments").await.status,
        StatusCode::OK
    );

    // No open redirect: `next` stays on this server.
    let mut other = Browser::default();
    let page = other.get(&class.app, "/signin").await;
    let csrf = form_csrf(&page.body);
    let lee = ("lee@example.org", PASSWORD);
    let answer = post_sign_in(&mut other, &class.app, lee, &csrf, "//evil.example/").await;
    assert_eq!(answer.headers[header::LOCATION], "/");
}

#[tokio::test]
async fn sign_in_needs_its_form_token_and_is_rate_limited() {
    let class = class();
    Browser::member(&class, "Lee", "lee@example.org", Role::Learner);
    let mut browser = Browser::default();
    let lee = ("lee@example.org", PASSWORD);
    let forged = post_sign_in(&mut browser, &class.app, lee, "made-up", "/").await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    // The refusal renews the form, so the next try works without a reload.
    let renewed = form_csrf(&forged.body);
    let retried = post_sign_in(&mut browser, &class.app, lee, &renewed, "/").await;
    assert_eq!(retried.status, StatusCode::SEE_OTHER);
    let mut browser = Browser::default();
    for _ in 0..5 {
        let wrong = sign_in(
            &mut browser,
            &class.app,
            "lee@example.org",
            "not my password",
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
        assert!(wrong.body.contains("do not match"));
    }
    let blocked = sign_in(&mut browser, &class.app, "lee@example.org", PASSWORD).await;
    assert_eq!(blocked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        blocked.body.contains("too many failed sign-ins"),
        "{}",
        blocked.body
    );
}
