//! When a learner may see an exercise's reference solution. On a personal
//! machine: after passing, or when they give up. In a class the instructor
//! decides (never, after the due date, after passing), and instructors
//! always may.

use axum::http::StatusCode;

use crate::class::Reveal;
use crate::server::error::{AppError, AppResult};
use crate::server::me::{Learners, Me};
use crate::server::{AppState, blocking};

/// What the class allows for one exercise.
enum Rule {
    /// After a pass or a give-up.
    Earned,
    Closed(&'static str),
    /// Assigned and not yet past every due date: closed until `due`.
    NotDue(String),
    Open,
}

async fn rule(state: &AppState, me: &Me, slug: &str) -> AppResult<Rule> {
    let Learners::Class(class) = &state.learners else {
        return Ok(Rule::Earned);
    };
    if me.is_instructor() {
        return Ok(Rule::Open);
    }
    let store = class.store.clone();
    let slug = slug.to_string();
    let (reveal, dues) = blocking(move || {
        let dues: Vec<_> = store
            .assignments()?
            .into_iter()
            .filter(|a| a.exercises.contains(&slug))
            .collect();
        Ok((store.reveal()?, dues))
    })
    .await?;
    Ok(match reveal {
        Reveal::Never => {
            Rule::Closed("your instructor keeps the reference solutions closed for now")
        }
        Reveal::AfterDue if dues.is_empty() => Rule::Earned,
        Reveal::AfterDue => match dues.iter().filter(|a| !a.past_due).max_by_key(|a| a.due_at) {
            Some(last) => Rule::NotDue(last.due_utc.clone()),
            None => Rule::Open,
        },
        Reveal::AfterPass => Rule::Earned,
    })
}

fn closed(message: String) -> AppError {
    AppError::new(StatusCode::FORBIDDEN, message)
}

fn not_due(due: &str) -> AppError {
    closed(format!(
        "the reference solution of this assigned exercise opens after its due date ({due})"
    ))
}

/// Refuses unless `me` may read the solution of `slug` now.
pub async fn may_see_solution(state: &AppState, me: Me, slug: String) -> AppResult<()> {
    match rule(state, &me, &slug).await? {
        Rule::Open => Ok(()),
        Rule::Closed(why) => Err(closed(why.to_string())),
        Rule::NotDue(due) => Err(not_due(&due)),
        Rule::Earned => {
            if blocking(move || me.data.may_see_solution(&slug)).await? {
                Ok(())
            } else {
                Err(closed(
                    "the reference solution opens once you pass the exercise, or when you choose to see it"
                        .to_string(),
                ))
            }
        }
    }
}

/// Refuses a give-up where the class does not allow one.
pub async fn may_give_up(state: &AppState, me: &Me, slug: &str) -> AppResult<()> {
    match rule(state, me, slug).await? {
        Rule::Open | Rule::Earned => Ok(()),
        Rule::Closed(why) => Err(closed(why.to_string())),
        Rule::NotDue(due) => Err(not_due(&due)),
    }
}
