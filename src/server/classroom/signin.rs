//! Signing in, signing out, and joining the class with a one-time link.
//! The forms a visitor without a session posts are protected by a
//! double-submit token (a cookie and a field that must match) besides the
//! same-origin check every write gets.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use minijinja::context;
use serde::Deserialize;

use super::{Peer, class, see_other};
use crate::class::Role;
use crate::class::accounts::{JoinError, MIN_PASSWORD, SESSION_SECONDS, SignInError, random_token};
use crate::server::AppState;
use crate::server::blocking;
use crate::server::error::{AppError, AppResult};
use crate::server::me::{MemberForm, SESSION_COOKIE, cookie, same_secret, set_cookie};

/// The double-submit cookie of the sign-in and join forms.
const FORM_COOKIE: &str = "backlab_form";

#[derive(Deserialize, Default)]
pub struct Next {
    #[serde(default)]
    next: String,
}

/// Only addresses on this server: no open redirect to another site.
fn safe_next(next: &str) -> &str {
    // Browsers drop tabs and newlines from addresses, so `/\t/evil` would
    // become `//evil`: only printable ASCII is kept.
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && next.bytes().all(|b| b.is_ascii_graphic());
    if local { next } else { "/" }
}

/// The form token from the cookie, or a new one (and its cookie).
fn form_token(headers: &HeaderMap, secure: bool) -> (String, Option<String>) {
    match cookie(headers, FORM_COOKIE).filter(|t| t.len() == 32) {
        Some(token) => (token, None),
        None => new_form_token(secure),
    }
}

/// A new form token and the cookie that carries it.
fn new_form_token(secure: bool) -> (String, Option<String>) {
    let token = random_token(16);
    let set = set_cookie(FORM_COOKIE, &token, 3600, secure);
    (token, Some(set))
}

fn form_matches(headers: &HeaderMap, field: &str) -> bool {
    cookie(headers, FORM_COOKIE).is_some_and(|c| same_secret(&c, field))
}

fn with_cookie(mut response: Response, set: Option<String>) -> Response {
    if let Some(value) = set.and_then(|s| s.parse().ok()) {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, value);
    }
    response
}

pub async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<Next>,
) -> AppResult<Response> {
    let class = class(&state)?;
    let (csrf, set) = form_token(&headers, class.secure_cookies());
    let next = safe_next(&query.next);
    let body = page_with(
        &state,
        StatusCode::OK,
        "signin.jinja",
        context! { csrf, next },
    );
    Ok(with_cookie(body, set))
}

fn page_with(state: &AppState, status: StatusCode, name: &str, ctx: minijinja::Value) -> Response {
    super::page(state, None, status, name, ctx)
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    #[serde(default)]
    next: String,
    csrf: String,
}

pub async fn sign_in(
    State(state): State<AppState>,
    Peer(address): Peer,
    headers: HeaderMap,
    axum::Form(form): axum::Form<SignInForm>,
) -> AppResult<Response> {
    let class = class(&state)?;
    let next = safe_next(&form.next).to_string();
    let again = |status, csrf: &str, problem: &str| {
        let ctx = context! { csrf, next, email => form.email, problem };
        page_with(&state, status, "signin.jinja", ctx)
    };
    if !form_matches(&headers, &form.csrf) {
        let (csrf, set) = new_form_token(class.secure_cookies());
        let problem = "This form was out of date; it has been renewed, so sign in again.";
        return Ok(with_cookie(
            again(StatusCode::FORBIDDEN, &csrf, problem),
            set,
        ));
    }
    let previous = cookie(&headers, SESSION_COOKIE);
    let store = class.store.clone();
    let (email, password) = (form.email.clone(), form.password.clone());
    let signed = tokio::task::spawn_blocking(move || {
        store.sign_in(&email, &password, &address, previous.as_deref())
    })
    .await?;
    match signed {
        Ok(new) => {
            let secure = class.secure_cookies();
            let to = if new.session.member.role == Role::Instructor && next == "/" {
                "/instructor".to_string()
            } else {
                next.clone()
            };
            Ok(see_other(
                &to,
                &[
                    set_cookie(SESSION_COOKIE, &new.token, SESSION_SECONDS, secure),
                    set_cookie(FORM_COOKIE, "", 0, secure),
                ],
            ))
        }
        Err(SignInError::Wrong) => Ok(again(
            StatusCode::UNAUTHORIZED,
            &form.csrf,
            &SignInError::Wrong.to_string(),
        )),
        Err(e @ SignInError::TooMany { .. }) => Ok(again(
            StatusCode::TOO_MANY_REQUESTS,
            &form.csrf,
            &e.to_string(),
        )),
        Err(SignInError::Db(e)) => Err(AppError::internal(e)),
    }
}

#[derive(Deserialize)]
pub struct Nothing {}

pub async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    MemberForm(_me, Nothing {}): MemberForm<Nothing>,
) -> AppResult<Response> {
    let class = class(&state)?;
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        let store = class.store.clone();
        blocking(move || Ok(store.sign_out(&token)?)).await?;
    }
    let gone = set_cookie(SESSION_COOKIE, "", 0, class.secure_cookies());
    Ok(see_other("/signin", &[gone]))
}

pub async fn join_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> AppResult<Response> {
    let class = class(&state)?;
    let store = class.store.clone();
    let lookup = code.clone();
    let invited = blocking(move || Ok(store.invited(&lookup)?)).await?;
    let Some(member) = invited else {
        return Ok(page_with(
            &state,
            StatusCode::NOT_FOUND,
            "join.jinja",
            context! { invalid => true },
        ));
    };
    let (csrf, set) = form_token(&headers, class.secure_cookies());
    let ctx = context! { member, code, csrf, min_password => MIN_PASSWORD };
    Ok(with_cookie(
        page_with(&state, StatusCode::OK, "join.jinja", ctx),
        set,
    ))
}

#[derive(Deserialize)]
pub struct JoinForm {
    password: String,
    again: String,
    csrf: String,
}

pub async fn join(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    axum::Form(form): axum::Form<JoinForm>,
) -> AppResult<Response> {
    let class = class(&state)?;
    if !form_matches(&headers, &form.csrf) {
        return Err(AppError::new(
            StatusCode::FORBIDDEN,
            "this form was out of date; open your join link again",
        ));
    }
    let store = class.store.clone();
    let lookup = code.clone();
    let joined =
        tokio::task::spawn_blocking(move || store.join(&lookup, &form.password, &form.again))
            .await?;
    match joined {
        Ok(new) => {
            let secure = class.secure_cookies();
            let to = if new.session.member.role == Role::Instructor {
                "/instructor"
            } else {
                "/"
            };
            Ok(see_other(
                to,
                &[
                    set_cookie(SESSION_COOKIE, &new.token, SESSION_SECONDS, secure),
                    set_cookie(FORM_COOKIE, "", 0, secure),
                ],
            ))
        }
        Err(JoinError::UnknownCode) => Ok(page_with(
            &state,
            StatusCode::NOT_FOUND,
            "join.jinja",
            context! { invalid => true },
        )),
        Err(JoinError::Db(e)) => Err(AppError::internal(e)),
        Err(problem) => {
            let store = class.store.clone();
            let lookup = code.clone();
            let member = blocking(move || Ok(store.invited(&lookup)?)).await?;
            let ctx = context! {
                member, code, csrf => form.csrf, min_password => MIN_PASSWORD,
                problem => problem.to_string(),
            };
            Ok(page_with(
                &state,
                StatusCode::BAD_REQUEST,
                "join.jinja",
                ctx,
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_addresses_are_followed_after_sign_in() {
        assert_eq!(safe_next("/lessons/routes?x=1"), "/lessons/routes?x=1");
        for hostile in [
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil",
            "https://evil.example",
            "",
        ] {
            assert_eq!(safe_next(hostile), "/", "{hostile:?}");
        }
    }
}
