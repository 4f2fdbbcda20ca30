//! What the class router tests share: a class on the built-in course, the
//! real sandbox and a SQLite class store, called with `oneshot` (no
//! socket), and a browser with a cookie jar.

use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use backlab::class::{ClassStore, Role};
use backlab::sandbox::Sandbox;
use backlab::server::{AllowedHosts, AppState, ClassState, Course, app};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub const HOST: &str = "127.0.0.1:4000";
pub const ORIGIN: &str = "http://127.0.0.1:4000";
pub const PASSWORD: &str = "correct horse battery";

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

pub fn hello_solution() -> String {
    crate::builtin()
        .exercise("hello-route")
        .unwrap()
        .solution
        .clone()
}

/// Submits `code` to hello-route through the API.
pub async fn submit_hello(browser: &mut Browser, app: &Router, code: &str) -> Answer {
    let body = serde_json::json!({ "code": code });
    browser
        .api(app, "POST", "/api/exercises/hello-route/submit", body)
        .await
}

/// The status of asking for hello-route's solution.
pub async fn solution_status(browser: &mut Browser, app: &Router) -> StatusCode {
    browser
        .get(app, "/api/exercises/hello-route/solution")
        .await
        .status
}
