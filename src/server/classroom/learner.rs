//! A learner's own class pages: their assignments with due dates and
//! where they stand, and every submission they made.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;

use super::{class, page, titles};
use crate::class::ClassLearner;
use crate::server::AppState;
use crate::server::blocking;
use crate::server::error::{AppError, AppResult};
use crate::server::me::Me;

fn user(me: &Me) -> AppResult<i64> {
    me.user_id()
        .ok_or_else(|| AppError::not_found("Backlab is not serving a class"))
}

pub async fn assignments(State(state): State<AppState>, me: Me) -> AppResult<Response> {
    let class = class(&state)?;
    let user = user(&me)?;
    let store = class.store.clone();
    let (assignments, cells) = blocking(move || {
        let cells: Vec<_> = store
            .cells()?
            .into_iter()
            .filter(|c| c.user == user)
            .collect();
        Ok((store.assignments()?, cells))
    })
    .await?;
    let titles = titles(&state);
    let assignments: Vec<_> = assignments
        .into_iter()
        .map(|a| {
            let exercises: Vec<_> = a
                .exercises
                .iter()
                .map(|slug| {
                    let cell = cells.iter().find(|c| &c.exercise == slug);
                    let passed_at = cell.and_then(|c| c.passed_at);
                    context! {
                        slug,
                        title => titles.get(slug).cloned().unwrap_or_else(|| slug.clone()),
                        attempts => cell.map_or(0, |c| c.attempts),
                        passed => passed_at.is_some(),
                        late => passed_at.is_some_and(|t| t > a.due_at),
                    }
                })
                .collect();
            context! { title => a.title, due_at => a.due_at, past_due => a.past_due, exercises }
        })
        .collect();
    Ok(page(
        &state,
        Some(&me),
        StatusCode::OK,
        "assignments.jinja",
        context! { assignments },
    ))
}

pub async fn history(State(state): State<AppState>, me: Me) -> AppResult<Response> {
    let class = class(&state)?;
    let learner = ClassLearner {
        store: class.store.clone(),
        user: user(&me)?,
    };
    let history = blocking(move || learner.history()).await?;
    let titles = titles(&state);
    let history: Vec<_> = history
        .into_iter()
        .map(|(exercise, summary)| {
            let title = titles
                .get(&exercise)
                .cloned()
                .unwrap_or_else(|| exercise.clone());
            context! { exercise, title, summary }
        })
        .collect();
    Ok(page(
        &state,
        Some(&me),
        StatusCode::OK,
        "history.jinja",
        context! { history },
    ))
}
