//! The HTML pages, rendered with minijinja from `web/templates` (built into
//! the binary).

mod views;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use minijinja::{AutoEscape, Environment, Value, context};

use super::AppState;
use super::error::{AppError, AppResult};
use super::markdown;
use super::me::Me;
use crate::catalog::Track;
use crate::store::Progress;

const TEMPLATES: [(&str, &str); 18] = [
    ("base.jinja", include_str!("../../web/templates/base.jinja")),
    (
        "progress.jinja",
        include_str!("../../web/templates/progress.jinja"),
    ),
    ("home.jinja", include_str!("../../web/templates/home.jinja")),
    (
        "track.jinja",
        include_str!("../../web/templates/track.jinja"),
    ),
    (
        "lesson.jinja",
        include_str!("../../web/templates/lesson.jinja"),
    ),
    (
        "exercise.jinja",
        include_str!("../../web/templates/exercise.jinja"),
    ),
    (
        "search.jinja",
        include_str!("../../web/templates/search.jinja"),
    ),
    (
        "glossary.jinja",
        include_str!("../../web/templates/glossary.jinja"),
    ),
    (
        "not_found.jinja",
        include_str!("../../web/templates/not_found.jinja"),
    ),
    (
        "signin.jinja",
        include_str!("../../web/templates/signin.jinja"),
    ),
    ("join.jinja", include_str!("../../web/templates/join.jinja")),
    (
        "assignments.jinja",
        include_str!("../../web/templates/assignments.jinja"),
    ),
    (
        "history.jinja",
        include_str!("../../web/templates/history.jinja"),
    ),
    (
        "instructor.jinja",
        include_str!("../../web/templates/instructor.jinja"),
    ),
    (
        "instructor_message.jinja",
        include_str!("../../web/templates/instructor_message.jinja"),
    ),
    (
        "instructor_invites.jinja",
        include_str!("../../web/templates/instructor_invites.jinja"),
    ),
    (
        "instructor_learner.jinja",
        include_str!("../../web/templates/instructor_learner.jinja"),
    ),
    (
        "instructor_submission.jinja",
        include_str!("../../web/templates/instructor_submission.jinja"),
    ),
];

pub struct Pages {
    env: Environment<'static>,
}

impl Pages {
    pub fn new() -> Self {
        let mut env = Environment::new();
        // Our templates end in `.jinja`, which minijinja does not escape by
        // default: every template escapes HTML, and the trusted fragments
        // (rendered Markdown) say `|safe` where they are used.
        env.set_auto_escape_callback(|_| AutoEscape::Html);
        env.set_formatter(format_value);
        env.add_filter("utc", |seconds: i64| {
            crate::class::assignments::utc(seconds)
        });
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .unwrap_or_else(|e| panic!("web/templates/{name} does not compile: {e}"));
        }
        let assets: std::collections::BTreeMap<_, _> = super::assets::urls().into_iter().collect();
        env.add_global("assets", Value::from_serialize(assets));
        Self { env }
    }

    /// Renders `name`; every page also sees the course folder's problems
    /// and who is viewing it (in class mode).
    pub fn render(
        &self,
        state: &AppState,
        me: Option<&Me>,
        name: &str,
        page: Value,
    ) -> AppResult<Html<String>> {
        let problems = state.course.problems();
        let viewer = me.map_or(Value::UNDEFINED, Me::viewer);
        self.env
            .get_template(name)
            .and_then(|t| t.render(context! { problems => problems.as_slice(), viewer, ..page }))
            .map(Html)
            .map_err(AppError::internal)
    }
}

/// minijinja's own formatter, except that text is escaped as pulldown-cmark
/// escapes it (`& < > " '`), leaving `/` alone so addresses stay readable.
fn format_value(
    out: &mut minijinja::Output,
    state: &minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(text) if state.auto_escape() == AutoEscape::Html && !value.is_safe() => {
            pulldown_cmark_escape::escape_html(pulldown_cmark_escape::FmtWriter(out), text)
                .map_err(|_| minijinja::Error::from(minijinja::ErrorKind::WriteFailure))
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

impl Default for Pages {
    fn default() -> Self {
        Self::new()
    }
}

/// A page, or the response that replaces it (a 404 page, an error).
type PageResult = Result<Html<String>, Response>;

/// The learner's progress; when the store cannot be read the page is still
/// shown, without progress and with the store's problem at the top.
pub async fn progress(me: &Me) -> (Progress, Option<String>) {
    let data = me.data.clone();
    match super::blocking(move || data.progress()).await {
        Ok(progress) => (progress, None),
        Err(error) => (Progress::default(), Some(error.message)),
    }
}

/// The 404 page for a `kind` ("track", "lesson", "exercise") that does not exist.
fn missing(state: &AppState, kind: &str, name: &str) -> Response {
    not_found(state, &format!("There is no {kind} called “{name}”."))
}

/// The home page: where to continue, then every track with its progress.
pub async fn home(State(state): State<AppState>, me: Me) -> PageResult {
    let (progress, store_problem) = progress(&me).await;
    let catalog = state.course.catalog();
    let tracks: Vec<_> = Track::ALL
        .iter()
        .map(|t| views::track(&catalog, *t, &progress))
        .collect();
    let next = views::next_step(&catalog, &progress);
    let started = !progress.lessons_read.is_empty() || !progress.exercises_passed.is_empty();
    Ok(state.pages.render(
        &state,
        Some(&me),
        "home.jinja",
        context! { tracks, next, started, store_problem },
    )?)
}

/// One track: its lessons in order, each with its exercises.
pub async fn track(State(state): State<AppState>, me: Me, Path(slug): Path<String>) -> PageResult {
    let Some(track) = Track::from_slug(&slug) else {
        return Err(missing(&state, "track", &slug));
    };
    let (progress, store_problem) = progress(&me).await;
    let track = views::track(&state.course.catalog(), track, &progress);
    Ok(state.pages.render(
        &state,
        Some(&me),
        "track.jinja",
        context! { track, store_problem },
    )?)
}

/// One lesson, its exercises, and the lessons either side.
pub async fn lesson(State(state): State<AppState>, me: Me, Path(id): Path<String>) -> PageResult {
    let catalog = state.course.catalog();
    let Some(found) = catalog.lesson(&id) else {
        return Err(missing(&state, "lesson", &id));
    };
    let (progress, store_problem) = progress(&me).await;
    let (previous, next) = views::neighbours(&catalog, &id);
    let page = context! {
        lesson => views::lesson(&catalog, found, &progress),
        track => found.track.slug(),
        track_title => found.track.title(),
        body => markdown::render_with_glossary(&found.body, &catalog.glossary),
        previous,
        next,
        store_problem,
    };
    Ok(state
        .pages
        .render(&state, Some(&me), "lesson.jinja", page)?)
}

/// One exercise: instructions, editor, try a request, submit.
pub async fn exercise(
    State(state): State<AppState>,
    me: Me,
    Path(slug): Path<String>,
) -> PageResult {
    let catalog = state.course.catalog();
    let Some(found) = catalog.exercise(&slug) else {
        return Err(missing(&state, "exercise", &slug));
    };
    // Opening a lesson's exercise means its lesson was read.
    if let Some(lesson) = found.lesson.as_ref().map(|l| l.0.clone()) {
        let data = me.data.clone();
        // A store that cannot be written shows its problem below.
        let _ = super::blocking(move || data.mark_read(&lesson)).await;
    }
    let (progress, store_problem) = progress(&me).await;
    let exercise = views::exercise_page(&catalog, found, &progress);
    // In a class, what the course's own check found is for instructors.
    let author_check = (me.session.is_none() || me.is_instructor())
        .then(|| state.course.author_check(&slug))
        .flatten();
    Ok(state.pages.render(
        &state,
        Some(&me),
        "exercise.jinja",
        context! { exercise, store_problem, author_check },
    )?)
}

#[derive(serde::Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

/// Search over lessons, exercises and the glossary.
pub async fn search(
    State(state): State<AppState>,
    me: Me,
    axum::extract::Query(query): axum::extract::Query<SearchQuery>,
) -> PageResult {
    let q: String = query.q.trim().chars().take(200).collect();
    let hits = super::search::search(&state.course.catalog(), &q);
    Ok(state
        .pages
        .render(&state, Some(&me), "search.jinja", context! { q, hits })?)
}

/// Every glossary term with its definition and the lesson that teaches it.
pub async fn glossary(State(state): State<AppState>, me: Me) -> PageResult {
    let catalog = state.course.catalog();
    let terms: Vec<_> = catalog
        .glossary
        .iter()
        .map(|t| {
            let lesson = t
                .lesson
                .as_deref()
                .and_then(|id| catalog.lesson(id))
                .map(|l| views::Link {
                    href: format!("/lessons/{}", l.id.0),
                    title: l.title.clone(),
                });
            context! {
                id => t.id,
                term => t.term,
                also => t.also,
                definition => markdown::render(&t.definition),
                lesson,
            }
        })
        .collect();
    Ok(state
        .pages
        .render(&state, Some(&me), "glossary.jinja", context! { terms })?)
}

/// Any other address: a page that says so and leads home.
pub async fn fallback(State(state): State<AppState>) -> Response {
    not_found(&state, "There is no page at this address.")
}

fn not_found(state: &AppState, message: &str) -> Response {
    match state
        .pages
        .render(state, None, "not_found.jinja", context! { message })
    {
        Ok(page) => (StatusCode::NOT_FOUND, page).into_response(),
        Err(e) => e.into_response(),
    }
}
