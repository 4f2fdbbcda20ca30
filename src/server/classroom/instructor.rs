//! The instructor's side of a class: the dashboard (who passed what, who
//! is stuck, which tests fail most), the roster and join links,
//! assignments, when solutions open, any learner's work, and the gradebook.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use minijinja::context;
use serde::Deserialize;

use super::{class, id, page, see_other, titles};
use crate::class::assignments::parse_utc;
use crate::class::gradebook::{Line, csv};
use crate::class::{ClassLearner, Reveal, Role, roster};
use crate::server::AppState;
use crate::server::blocking;
use crate::server::error::{AppError, AppResult};
use crate::server::me::{Instructor, InstructorForm, Me};

/// The dashboard; its `#live` part is fetched again on every new submission.
pub async fn dashboard(
    State(state): State<AppState>,
    Instructor(me): Instructor,
) -> AppResult<Response> {
    let class = class(&state)?;
    let catalog = state.course.catalog();
    let order: Vec<String> = catalog.exercises.iter().map(|e| e.id.0.clone()).collect();
    let store = class.store.clone();
    let (overview, members, assignments, reveal) = blocking(move || {
        Ok((
            store.overview(&order)?,
            store.members()?,
            store.assignments()?,
            store.reveal()?,
        ))
    })
    .await?;
    let exercises: Vec<_> = catalog
        .exercises
        .iter()
        .map(|e| context! { id => e.id.0, title => e.title })
        .collect();
    let ctx = context! {
        overview, members, assignments, exercises,
        reveal => reveal.as_str(),
        titles => titles(&state),
        public_url => class.public_url,
    };
    Ok(page(
        &state,
        Some(&me),
        StatusCode::OK,
        "instructor.jinja",
        ctx,
    ))
}

/// A message page with a way back to the dashboard.
fn message(
    state: &AppState,
    me: &Me,
    status: StatusCode,
    title: &str,
    problems: Vec<String>,
) -> Response {
    let ctx = context! { title, messages => problems };
    page(state, Some(me), status, "instructor_message.jinja", ctx)
}

#[derive(Deserialize)]
pub struct RosterForm {
    roster: String,
}

/// Adds everyone in a pasted CSV roster and shows their join links once.
pub async fn import_roster(
    State(state): State<AppState>,
    InstructorForm(me, form): InstructorForm<RosterForm>,
) -> AppResult<Response> {
    let class = class(&state)?;
    let entries = match roster::parse("roster.csv", &form.roster) {
        Ok(entries) if entries.is_empty() => {
            let problem =
                "the roster is empty: paste one `name,email` line per learner".to_string();
            return Ok(message(
                &state,
                &me,
                StatusCode::BAD_REQUEST,
                "Nobody was added",
                vec![problem],
            ));
        }
        Ok(entries) => entries,
        Err(problems) => {
            return Ok(message(
                &state,
                &me,
                StatusCode::BAD_REQUEST,
                "Nobody was added",
                problems,
            ));
        }
    };
    let store = class.store.clone();
    let invites = blocking(move || {
        entries
            .iter()
            .map(|e| Ok(store.invite(&e.name, &e.email, Role::Learner)?))
            .collect()
    })
    .await?;
    Ok(invites_page(&state, &me, &class.public_url, invites))
}

fn invites_page(
    state: &AppState,
    me: &Me,
    public_url: &str,
    invites: Vec<crate::class::Invite>,
) -> Response {
    let links: Vec<_> = invites
        .into_iter()
        .map(|i| {
            let link = i.code.as_ref().map(|c| format!("{public_url}/join/{c}"));
            context! { member => i.member, link }
        })
        .collect();
    page(
        state,
        Some(me),
        StatusCode::OK,
        "instructor_invites.jinja",
        context! { links },
    )
}

#[derive(Deserialize)]
pub struct Nothing {}

/// A new join link for a member (a lost link, a forgotten password); any
/// older link stops working.
pub async fn reinvite(
    State(state): State<AppState>,
    Path(member): Path<String>,
    InstructorForm(me, Nothing {}): InstructorForm<Nothing>,
) -> AppResult<Response> {
    let class = class(&state)?;
    let member = id(&member, "member")?;
    let store = class.store.clone();
    let invite = blocking(move || Ok(store.reissue(member)?))
        .await?
        .ok_or_else(|| AppError::not_found(format!("there is no member {member}")))?;
    Ok(invites_page(&state, &me, &class.public_url, vec![invite]))
}

/// `title`, `due` (UTC, `2026-12-10T17:00`) and one `exercise` per exercise.
pub async fn add_assignment(
    State(state): State<AppState>,
    InstructorForm(me, fields): InstructorForm<Vec<(String, String)>>,
) -> AppResult<Response> {
    let class = class(&state)?;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.trim())
    };
    let title = field("title").to_string();
    let due = field("due");
    let exercises: Vec<String> = fields
        .iter()
        .filter(|(n, _)| n == "exercise")
        .map(|(_, v)| v.clone())
        .collect();
    let catalog = state.course.catalog();
    let mut problems = Vec::new();
    if title.is_empty() || title.chars().count() > 200 {
        problems.push("give the assignment a title (at most 200 characters)".to_string());
    }
    let due_at = parse_utc(due);
    if due_at.is_none() {
        problems.push(format!(
            "{due:?} is not a date and time; write it as 2026-12-10T17:00 (UTC)"
        ));
    }
    if exercises.is_empty() {
        problems.push("choose at least one exercise".to_string());
    }
    for slug in &exercises {
        if catalog.exercise(slug).is_none() {
            problems.push(format!("this course has no exercise {slug:?}"));
        }
    }
    let (false, Some(due_at)) = (!problems.is_empty(), due_at) else {
        return Ok(message(
            &state,
            &me,
            StatusCode::BAD_REQUEST,
            "The assignment was not added",
            problems,
        ));
    };
    let store = class.store.clone();
    blocking(move || Ok(store.add_assignment(&title, due_at, &exercises)?)).await?;
    Ok(see_other("/instructor#assignments", &[]))
}

pub async fn remove_assignment(
    State(state): State<AppState>,
    Path(assignment): Path<String>,
    InstructorForm(_me, Nothing {}): InstructorForm<Nothing>,
) -> AppResult<Response> {
    let class = class(&state)?;
    let assignment = id(&assignment, "assignment")?;
    let store = class.store.clone();
    blocking(move || Ok(store.remove_assignment(assignment)?)).await?;
    Ok(see_other("/instructor#assignments", &[]))
}

#[derive(Deserialize)]
pub struct SettingsForm {
    reveal: String,
}

pub async fn settings(
    State(state): State<AppState>,
    InstructorForm(_me, form): InstructorForm<SettingsForm>,
) -> AppResult<Response> {
    let class = class(&state)?;
    let reveal = Reveal::parse(&form.reveal).ok_or_else(|| {
        AppError::bad_request(format!(
            "{:?} is not a choice: use never, after-due or after-pass",
            form.reveal
        ))
    })?;
    let store = class.store.clone();
    blocking(move || Ok(store.set_reveal(reveal)?)).await?;
    Ok(see_other("/instructor#settings", &[]))
}

/// One learner: their exercises, what they are typing now, every submission.
pub async fn learner(
    State(state): State<AppState>,
    Instructor(me): Instructor,
    Path(user): Path<String>,
) -> AppResult<Response> {
    let class = class(&state)?;
    let user = id(&user, "learner")?;
    let store = class.store.clone();
    let found = blocking(move || {
        let Some(member) = store.member(user)? else {
            return Ok(None);
        };
        let cells: Vec<_> = store
            .cells()?
            .into_iter()
            .filter(|c| c.user == user)
            .collect();
        let drafts = store.drafts_of(user)?;
        let history = ClassLearner { store, user }.history()?;
        Ok(Some((member, cells, drafts, history)))
    })
    .await?;
    let Some((member, cells, drafts, history)) = found else {
        return Err(AppError::not_found(format!("there is no learner {user}")));
    };
    let drafts: Vec<_> = drafts
        .into_iter()
        .map(|(exercise, code, saved_at)| context! { exercise, code, saved_at })
        .collect();
    let history: Vec<_> = history
        .into_iter()
        .map(|(exercise, summary)| context! { exercise, summary })
        .collect();
    let ctx = context! { member, cells, drafts, history, titles => titles(&state) };
    Ok(page(
        &state,
        Some(&me),
        StatusCode::OK,
        "instructor_learner.jinja",
        ctx,
    ))
}

/// Any learner's submission: the code and its report.
pub async fn submission(
    State(state): State<AppState>,
    Instructor(me): Instructor,
    Path(number): Path<String>,
) -> AppResult<Response> {
    let class = class(&state)?;
    let number = id(&number, "submission")?;
    let store = class.store.clone();
    let found = blocking(move || {
        Ok(match store.any_submission(number)? {
            Some((user, submission)) => Some((store.member(user)?, submission)),
            None => None,
        })
    })
    .await?;
    let Some((member, submission)) = found else {
        return Err(AppError::not_found(format!(
            "there is no submission {number}"
        )));
    };
    let title = titles(&state).get(&submission.exercise).cloned();
    let ctx = context! { member, submission, title };
    Ok(page(
        &state,
        Some(&me),
        StatusCode::OK,
        "instructor_submission.jinja",
        ctx,
    ))
}

async fn gradebook(state: &AppState) -> AppResult<Vec<Line>> {
    let class = class(state)?;
    let catalog = state.course.catalog();
    blocking(move || {
        let current = |slug: &str| catalog.exercise(slug).map(|e| e.content_hash.clone());
        Ok(class.store.gradebook(&current)?)
    })
    .await
}

pub async fn gradebook_csv(
    State(state): State<AppState>,
    Instructor(_me): Instructor,
) -> AppResult<Response> {
    let lines = gradebook(&state).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"gradebook.csv\"",
            ),
        ],
        csv(&lines),
    )
        .into_response())
}

pub async fn gradebook_json(
    State(state): State<AppState>,
    Instructor(_me): Instructor,
) -> AppResult<Json<Vec<Line>>> {
    Ok(Json(gradebook(&state).await?))
}
