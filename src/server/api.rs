//! The JSON API under `/api`: run code, submit it, save drafts, record
//! progress. Sandbox and database work runs off the async runtime; the
//! number of sandbox jobs at once is capped.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::error::{AppError, AppResult};
use super::me::Me;
use super::{AppState, blocking};
use crate::grader::{self, GradeOptions, Report, Tryout};
use crate::sandbox::{HttpRequest, METHODS};
use crate::store::{Draft, Progress, Submission, SubmissionSummary};

/// How long a client may take to send a body.
const BODY_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// `Json<T>` whose rejections are JSON errors too.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let read = tokio::time::timeout(BODY_WAIT, Json::<T>::from_request(request, state));
        match read.await {
            Ok(Ok(Json(value))) => Ok(Self(value)),
            Ok(Err(rejection)) => Err(rejected(&rejection)),
            Err(_) => Err(AppError::new(
                StatusCode::REQUEST_TIMEOUT,
                format!(
                    "the request body did not arrive within {} s",
                    BODY_WAIT.as_secs()
                ),
            )),
        }
    }
}

fn rejected(rejection: &JsonRejection) -> AppError {
    let status = rejection.status();
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => {
            "the request is too large (the limit is 256 KiB)".to_string()
        }
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            "send JSON, with Content-Type: application/json".to_string()
        }
        _ => rejection.body_text(),
    };
    AppError::new(status, message)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeBody {
    code: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitBody {
    code: String,
    /// False when the page could not read the saved draft: the submitted
    /// code must not replace a draft the learner has not seen.
    #[serde(default = "yes")]
    save_as_draft: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunBody {
    code: String,
    #[serde(default)]
    request: RunRequest,
}

/// The request a learner builds by hand.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RunRequest {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: String,
    /// The client's address the app sees as `req.ip`.
    ip: Option<String>,
}

impl Default for RunRequest {
    fn default() -> Self {
        Self {
            method: "GET".into(),
            path: "/".into(),
            headers: Vec::new(),
            body: String::new(),
            ip: None,
        }
    }
}

impl RunRequest {
    fn into_http(self) -> AppResult<HttpRequest> {
        let method = self.method.to_uppercase();
        if !METHODS.contains(&method.as_str()) {
            return Err(AppError::bad_request(format!(
                "{:?} is not an HTTP method Backlab sends; use one of {}",
                self.method,
                METHODS.join(", ")
            )));
        }
        if !self.path.starts_with('/') {
            return Err(AppError::bad_request(format!(
                "the path {:?} must start with /",
                self.path
            )));
        }
        let remote_address = match self.ip {
            None => None,
            Some(ip) => Some(
                ip.parse::<std::net::IpAddr>()
                    .map_err(|_| {
                        AppError::bad_request(format!(
                            "{ip:?} is not an IP address; try 203.0.113.7"
                        ))
                    })?
                    .to_string(),
            ),
        };
        Ok(HttpRequest {
            method,
            url: self.path,
            headers: self.headers,
            body: self.body,
            remote_address,
        })
    }
}

pub async fn run(
    State(state): State<AppState>,
    _me: Me,
    Path(slug): Path<String>,
    ApiJson(body): ApiJson<RunBody>,
) -> AppResult<Json<Tryout>> {
    let request = body.request.into_http()?;
    let tryout = sandbox_job(state, slug, move |state, exercise| {
        grader::try_code(&state.sandbox, exercise, &body.code, &request).map_err(AppError::internal)
    })
    .await?;
    Ok(Json(tryout))
}

#[derive(Serialize)]
pub struct Submitted {
    id: i64,
    /// Counted per exercise: the learner's first try is #1.
    number: i64,
    report: Report,
}

pub async fn submit(
    State(state): State<AppState>,
    me: Me,
    Path(slug): Path<String>,
    ApiJson(body): ApiJson<SubmitBody>,
) -> AppResult<Json<Submitted>> {
    let options = GradeOptions {
        conceal_passed_hidden: me.session.is_some(),
        ..GradeOptions::default()
    };
    let submitted = sandbox_job(state, slug, move |state, exercise| {
        let mut report = grader::grade(&state.sandbox, exercise, &body.code, &options);
        me.data.add_clues(exercise, &mut report)?;
        let recorded =
            me.data
                .record_submission(exercise, &body.code, &report, body.save_as_draft)?;
        Ok(Submitted {
            id: recorded.id,
            number: recorded.number,
            report,
        })
    })
    .await?;
    Ok(Json(submitted))
}

/// The reference solution and why it works, for a learner who passed or
/// asked to see it.
#[derive(Serialize)]
pub struct SolutionView {
    code: String,
    file: &'static str,
    language: crate::catalog::Language,
    /// `why.md`, rendered; absent when the exercise has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    why_html: Option<String>,
}

impl SolutionView {
    fn of(exercise: &crate::catalog::Exercise) -> Self {
        Self {
            code: exercise.solution.clone(),
            file: exercise.learner_file(),
            language: exercise.language,
            why_html: exercise.why.as_deref().map(super::markdown::render),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevealBody {
    /// The learner confirmed they want the answer before passing.
    give_up: bool,
}

/// The solution, once the exercise is passed or the learner chose to see it.
pub async fn solution(
    State(state): State<AppState>,
    me: Me,
    Path(slug): Path<String>,
) -> AppResult<Json<SolutionView>> {
    let exercise = state.exercise(&slug)?;
    super::classroom::policy::may_see_solution(&state, me, slug).await?;
    Ok(Json(SolutionView::of(&exercise)))
}

/// Shows the solution before a pass, when the learner confirms it.
pub async fn reveal_solution(
    State(state): State<AppState>,
    me: Me,
    Path(slug): Path<String>,
    ApiJson(body): ApiJson<RevealBody>,
) -> AppResult<Json<SolutionView>> {
    let exercise = state.exercise(&slug)?;
    if !body.give_up {
        return Err(AppError::bad_request(
            "send {\"give_up\": true} to see the solution before passing",
        ));
    }
    super::classroom::policy::may_give_up(&state, &me, &slug).await?;
    blocking(move || me.data.reveal_solution(&slug)).await?;
    Ok(Json(SolutionView::of(&exercise)))
}

#[derive(Serialize)]
pub struct DraftView {
    code: String,
    /// When it was saved; absent for the starter.
    #[serde(skip_serializing_if = "Option::is_none")]
    saved_at: Option<i64>,
}

impl From<Draft> for DraftView {
    fn from(Draft { code, saved_at }: Draft) -> Self {
        Self {
            code,
            saved_at: Some(saved_at),
        }
    }
}

impl DraftView {
    fn starter(code: String) -> Self {
        Self {
            code,
            saved_at: None,
        }
    }
}

pub async fn get_draft(
    State(state): State<AppState>,
    me: Me,
    Path(slug): Path<String>,
) -> AppResult<Json<DraftView>> {
    let starter = state.exercise(&slug)?.starter.clone();
    let draft = blocking(move || me.data.draft(&slug)).await?;
    Ok(Json(draft.map_or_else(
        || DraftView::starter(starter),
        DraftView::from,
    )))
}

pub async fn put_draft(
    State(state): State<AppState>,
    me: Me,
    Path(slug): Path<String>,
    ApiJson(body): ApiJson<CodeBody>,
) -> AppResult<Json<DraftView>> {
    state.exercise(&slug)?;
    let draft = blocking(move || me.data.save_draft(&slug, &body.code)).await?;
    Ok(Json(draft.into()))
}

/// Back to the starter.
pub async fn delete_draft(
    State(state): State<AppState>,
    me: Me,
    Path(slug): Path<String>,
) -> AppResult<Json<DraftView>> {
    let starter = state.exercise(&slug)?.starter.clone();
    blocking(move || me.data.delete_draft(&slug)).await?;
    Ok(Json(DraftView::starter(starter)))
}

pub async fn progress(me: Me) -> AppResult<Json<Progress>> {
    Ok(Json(blocking(move || me.data.progress()).await?))
}

pub async fn mark_read(
    State(state): State<AppState>,
    me: Me,
    Path(lesson): Path<String>,
) -> AppResult<StatusCode> {
    if state.course.catalog().lesson(&lesson).is_none() {
        return Err(AppError::not_found(format!(
            "there is no lesson {lesson:?}"
        )));
    }
    blocking(move || me.data.mark_read(&lesson)).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn submissions(
    State(state): State<AppState>,
    me: Me,
    Path(slug): Path<String>,
) -> AppResult<Json<Vec<SubmissionSummary>>> {
    state.exercise(&slug)?;
    Ok(Json(blocking(move || me.data.submissions(&slug)).await?))
}

pub async fn submission(me: Me, Path(id): Path<String>) -> AppResult<Json<Submission>> {
    let id: i64 = id
        .parse()
        .map_err(|_| AppError::bad_request(format!("{id:?} is not a submission number")))?;
    blocking(move || me.data.submission(id))
        .await?
        .map(Json)
        .ok_or_else(|| AppError::not_found(format!("there is no submission {id}")))
}

/// Runs sandbox work for one exercise when a job slot is free.
async fn sandbox_job<T: Send + 'static>(
    state: AppState,
    slug: String,
    f: impl FnOnce(&AppState, &crate::catalog::Exercise) -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    let exercise = state.exercise(&slug)?;
    let jobs = state.jobs.clone();
    jobs.run(move || f(&state, &exercise)).await
}
