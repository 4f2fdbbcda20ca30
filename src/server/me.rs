//! Who is asking. On a personal machine that is always the one learner and
//! their progress file; in class mode it is whoever the session cookie
//! names, and nothing is served without one. Writes in class mode carry the
//! session's CSRF token: API calls in a header, forms in a field.

use std::sync::Arc;

use axum::extract::{FromRequest, FromRequestParts, OriginalUri, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;

use super::AppState;
use super::error::AppError;
use crate::class::{ClassLearner, ClassStore, Role, Session};
use crate::store::{LearnerData, Store};

/// The session cookie of class mode.
pub const SESSION_COOKIE: &str = "backlab_session";
/// The header the pages' script sends the CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Whose data the learner pages show.
#[derive(Clone)]
pub enum Learners {
    /// One learner: the personal progress file.
    Solo(Arc<Store>),
    /// A class: every member signs in.
    Class(Arc<ClassState>),
}

/// What class mode keeps besides the store.
pub struct ClassState {
    pub store: Arc<ClassStore>,
    /// Where learners reach the class, e.g. `https://class.example.org`
    /// (join links start with it); cookies say `Secure` when it is https.
    pub public_url: String,
    /// Behind a reverse proxy: the client's address is the last entry of
    /// `X-Forwarded-For` (sign-in limits count per address).
    pub trust_forwarded: bool,
}

impl ClassState {
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// The person behind a request, and their data.
#[derive(Clone)]
pub struct Me {
    pub data: Arc<dyn LearnerData>,
    /// None on a personal machine.
    pub session: Option<Session>,
}

impl Me {
    pub fn is_instructor(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.member.role == Role::Instructor)
    }

    pub fn user_id(&self) -> Option<i64> {
        self.session.as_ref().map(|s| s.member.id)
    }

    /// What the page templates show of the viewer (none when solo).
    pub fn viewer(&self) -> minijinja::Value {
        match &self.session {
            None => minijinja::Value::UNDEFINED,
            Some(s) => minijinja::context! {
                name => s.member.name,
                email => s.member.email,
                instructor => s.member.role == Role::Instructor,
                csrf => s.csrf,
            },
        }
    }

    /// Finds the session of `parts`; `csrf` is the token the write carried.
    async fn resolve(
        parts: &Parts,
        state: &AppState,
        csrf: Option<String>,
    ) -> Result<Self, Response> {
        let class = match &state.learners {
            Learners::Solo(store) => {
                return Ok(Self {
                    data: store.clone(),
                    session: None,
                });
            }
            Learners::Class(class) => class.clone(),
        };
        let token = cookie(&parts.headers, SESSION_COOKIE);
        let store = class.store.clone();
        let session = match token {
            None => None,
            Some(token) => super::blocking(move || Ok(store.session(&token)?))
                .await
                .map_err(IntoResponse::into_response)?,
        };
        let Some(session) = session else {
            return Err(signed_out(parts));
        };
        if super::guard::is_write(&parts.method)
            && !csrf.is_some_and(|c| same_secret(&c, &session.csrf))
        {
            return Err(AppError::new(
                StatusCode::FORBIDDEN,
                "this change did not carry the page's security token (CSRF); reload the page and try again",
            )
            .into_response());
        }
        Ok(Self {
            data: Arc::new(ClassLearner {
                store: class.store.clone(),
                user: session.member.id,
            }),
            session: Some(session),
        })
    }
}

impl FromRequestParts<AppState> for Me {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let csrf = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        Self::resolve(parts, state, csrf).await
    }
}

/// A class instructor; anyone else is refused.
pub struct Instructor(pub Me);

impl FromRequestParts<AppState> for Instructor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let me = Me::from_request_parts(parts, state).await?;
        instructor(me).map_err(IntoResponse::into_response)
    }
}

fn instructor(me: Me) -> Result<Instructor, AppError> {
    if me.is_instructor() {
        Ok(Instructor(me))
    } else {
        Err(AppError::new(
            StatusCode::FORBIDDEN,
            "only the class's instructors may open this page",
        ))
    }
}

/// A form posted by a signed-in member, its `csrf` field checked against
/// the session. The only way class pages read a form.
pub struct MemberForm<T>(pub Me, pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for MemberForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let (parts, body) = request.into_parts();
        let bytes = axum::body::to_bytes(body, super::BODY_LIMIT)
            .await
            .map_err(|_| AppError::bad_request("the form is too large").into_response())?;
        let csrf = form_urlencoded::parse(&bytes)
            .find(|(name, _)| name == "csrf")
            .map(|(_, value)| value.into_owned());
        let me = Me::resolve(&parts, state, csrf).await?;
        let form = serde_urlencoded::from_bytes(&bytes).map_err(|e| {
            AppError::bad_request(format!("the form could not be read: {e}")).into_response()
        })?;
        Ok(Self(me, form))
    }
}

/// An instructor's form.
pub struct InstructorForm<T>(pub Me, pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for InstructorForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let MemberForm(me, form) = MemberForm::<T>::from_request(request, state).await?;
        let Instructor(me) = instructor(me).map_err(IntoResponse::into_response)?;
        Ok(Self(me, form))
    }
}

/// No session: pages lead to the sign-in page and back, the rest is a 401.
fn signed_out(parts: &Parts) -> Response {
    // Inside `/api` the router sees the path without its prefix.
    let uri = parts
        .extensions
        .get::<OriginalUri>()
        .map_or(&parts.uri, |OriginalUri(uri)| uri);
    let path = uri.path();
    if parts.method == Method::GET && !path.starts_with("/api/") && path != "/instructor/events" {
        let next = uri.path_and_query().map_or("/", |p| p.as_str()).to_string();
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("next", &next)
            .finish();
        return Redirect::to(&format!("/signin?{query}")).into_response();
    }
    AppError::new(
        StatusCode::UNAUTHORIZED,
        "sign in first: this Backlab serves a class, and your session has ended or is missing",
    )
    .into_response()
}

/// Compares secrets without stopping at the first difference.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |d, (x, y)| d | (x ^ y)) == 0
}

/// The value of cookie `name` in the request's Cookie headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.trim_matches('"').to_string())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, on every path; `Secure`
/// when served over https. `max_age` 0 deletes it.
pub fn set_cookie(name: &str, value: &str, max_age: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            "a=1; backlab_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(cookie(&headers, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&headers, "missing"), None);
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }

    #[test]
    fn cookies_are_http_only_and_same_site() {
        let c = set_cookie("s", "v", 60, true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.ends_with("Secure"));
        assert!(!set_cookie("s", "v", 60, false).contains("Secure"));
    }
}
