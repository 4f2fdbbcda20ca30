//! Class mode through the real router (`oneshot`, no socket), on the
//! built-in course, the real sandbox and a SQLite class store: who may
//! reach what, CSRF on every write, sessions, sign-in limits, escaping.

use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use backlab::class::{ClassStore, Reveal, Role};
use backlab::sandbox::Sandbox;
use backlab::server::{AllowedHosts, AppState, ClassState, Course, app};
use http_body_util::BodyExt;
use tower::ServiceExt;

const HOST: &str = "127.0.0.1:4000";
const ORIGIN: &str = "http://127.0.0.1:4000";
const PASSWORD: &str = "correct horse battery";

fn sandbox() -> Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX
        .get_or_init(|| {
            let cache = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("backlab-cache");
            Sandbox::new(Some(&cache)).expect("the sandbox starts")
        })
        .clone()
}

pub struct Class {
    pub app: Router,
    pub store: Arc<ClassStore>,
    _dir: tempfile::TempDir,
}

pub fn class() -> Class {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("class.db");
    let store = Arc::new(ClassStore::open(path.to_str().unwrap()).unwrap());
    let state = ClassState {
        store: store.clone(),
        public_url: ORIGIN.into(),
        trust_forwarded: false,
    };
    let course = Arc::new(Course::new(crate::builtin()));
    let state = AppState::class(course, sandbox(), state);
    let allowed = AllowedHosts::public(ORIGIN, 4000).unwrap();
    Class {
        app: app(state, allowed),
        store,
        _dir: dir,
    }
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// A browser: a cookie jar, and the CSRF token of its session.
#[derive(Default, Clone)]
pub struct Browser {
    pub cookies: Vec<(String, String)>,
    pub csrf: String,
}

impl Browser {
    /// Signed in as a new member of `class`.
    pub fn member(class: &Class, name: &str, email: &str, role: Role) -> Self {
        let invite = class.store.invite(name, email, role).unwrap();
        let new = class
            .store
            .join(invite.code.as_deref().unwrap(), PASSWORD, PASSWORD)
            .unwrap();
        Self {
            cookies: vec![("backlab_session".into(), new.token)],
            csrf: new.session.csrf,
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn send(
        &mut self,
        app: &Router,
        request: axum::http::request::Builder,
        body: Body,
    ) -> Answer {
        let mut request = request.header(header::HOST, HOST);
        if !self.cookies.is_empty() {
            request = request.header(header::COOKIE, self.cookie_header());
        }
        let response = app
            .clone()
            .oneshot(request.body(body).unwrap())
            .await
            .unwrap();
        for set in response.headers().get_all(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            let (pair, _) = set.split_once(';').unwrap_or((set, ""));
            let (name, value) = pair.split_once('=').unwrap();
            self.cookies.retain(|(n, _)| n != name);
            if !set.contains("Max-Age=0") {
                self.cookies.push((name.into(), value.into()));
            }
        }
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Answer {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into(),
        }
    }

    pub async fn get(&mut self, app: &Router, uri: &str) -> Answer {
        self.send(app, Request::get(uri), Body::empty()).await
    }

    /// An API call as the page's script makes it (with the CSRF header).
    pub async fn api(
        &mut self,
        app: &Router,
        method: &str,
        uri: &str,
        json: serde_json::Value,
    ) -> Answer {
        let csrf = self.csrf.clone();
        let request = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::ORIGIN, ORIGIN)
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-csrf-token", csrf);
        self.send(app, request, Body::from(json.to_string())).await
    }

    /// A form post; `fields` should carry `csrf` when the form has it.
    pub async fn post_form(&mut self, app: &Router, uri: &str, fields: &[(&str, &str)]) -> Answer {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let request = Request::post(uri)
            .header(header::ORIGIN, ORIGIN)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        self.send(app, request, Body::from(body)).await
    }
}

/// The value of `<input name="csrf" value="…">` in a page.
pub fn form_csrf(page: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let at = page.find(marker).expect("the page has a csrf field") + marker.len();
    page[at..].split('"').next().unwrap().to_string()
}

/// The session's token as the page's script reads it.
pub fn meta_csrf(page: &str) -> String {
    let marker = "name=\"csrf-token\" content=\"";
    let at = page.find(marker).expect("the page has the token") + marker.len();
    page[at..].split('"').next().unwrap().to_string()
}

fn hello_solution() -> String {
    crate::builtin()
        .exercise("hello-route")
        .unwrap()
        .solution
        .clone()
}

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
    browser
        .post_form(
            app,
            "/signin",
            &[
                ("email", email),
                ("password", password),
                ("next", "/assignments"),
                ("csrf", &csrf),
            ],
        )
        .await
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
    let answer = other
        .post_form(
            &class.app,
            "/signin",
            &[
                ("email", "lee@example.org"),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
                ("csrf", &csrf),
            ],
        )
        .await;
    assert_eq!(answer.headers[header::LOCATION], "/");
}

#[tokio::test]
async fn sign_in_needs_its_form_token_and_is_rate_limited() {
    let class = class();
    Browser::member(&class, "Lee", "lee@example.org", Role::Learner);
    let mut browser = Browser::default();
    let forged = browser
        .post_form(
            &class.app,
            "/signin",
            &[
                ("email", "lee@example.org"),
                ("password", PASSWORD),
                ("csrf", "made-up"),
            ],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
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
}

fn csrf_of(browser: &Browser) -> String {
    browser.csrf.clone()
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
    learner
        .api(
            &class.app,
            "POST",
            "/api/exercises/hello-route/submit",
            serde_json::json!({"code": hello_solution()}),
        )
        .await;
    let still = learner
        .get(&class.app, "/api/exercises/hello-route/solution")
        .await;
    assert_eq!(
        still.status,
        StatusCode::FORBIDDEN,
        "a pass does not open an assignment before its due date"
    );
    assert_eq!(
        teacher
            .get(&class.app, "/api/exercises/hello-route/solution")
            .await
            .status,
        StatusCode::OK
    );
    class.store.set_reveal(Reveal::AfterPass).unwrap();
    assert_eq!(
        learner
            .get(&class.app, "/api/exercises/hello-route/solution")
            .await
            .status,
        StatusCode::OK
    );
    class.store.set_reveal(Reveal::Never).unwrap();
    assert_eq!(
        learner
            .get(&class.app, "/api/exercises/hello-route/solution")
            .await
            .status,
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
    assert_eq!(learner.get(&class.app, "/").await.status, StatusCode::OK);
}
