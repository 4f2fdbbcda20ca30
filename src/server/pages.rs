//! The HTML pages, rendered with minijinja from `web/templates` (built into
//! the binary), and the static files beside them. The environment is built
//! once, when the server starts.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use minijinja::Environment;
use serde::Serialize;

use super::AppState;
use super::error::{AppError, AppResult};
use crate::catalog::Track;
use crate::store::Progress;

const TEMPLATES: [(&str, &str); 2] = [
    ("base.jinja", include_str!("../../web/templates/base.jinja")),
    ("home.jinja", include_str!("../../web/templates/home.jinja")),
];

/// Static files by name; anything else is a 404, so no path reaches the disk.
const STATIC: [(&str, &str, &str); 1] = [(
    "style.css",
    "text/css; charset=utf-8",
    include_str!("../../web/static/style.css"),
)];

pub struct Pages {
    env: Environment<'static>,
}

impl Pages {
    pub fn new() -> Self {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .unwrap_or_else(|e| panic!("web/templates/{name} does not compile: {e}"));
        }
        Self { env }
    }

    fn render(&self, name: &str, context: impl Serialize) -> AppResult<Html<String>> {
        self.env
            .get_template(name)
            .and_then(|t| t.render(context))
            .map(Html)
            .map_err(AppError::internal)
    }
}

impl Default for Pages {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Serialize)]
struct TrackView {
    slug: &'static str,
    title: &'static str,
    lessons: Vec<LessonView>,
    done: usize,
    total: usize,
    percent: usize,
}

#[derive(Serialize)]
struct LessonView {
    title: String,
    summary: String,
    read: bool,
    exercises: Vec<ExerciseView>,
}

#[derive(Serialize)]
struct ExerciseView {
    title: String,
    difficulty: crate::catalog::Difficulty,
    passed: bool,
}

/// The home page: every track with its lessons, exercises and progress.
pub async fn home(State(state): State<AppState>) -> AppResult<Html<String>> {
    let store = state.store.clone();
    let progress = tokio::task::spawn_blocking(move || store.progress()).await??;
    let tracks: Vec<TrackView> = Track::ALL
        .iter()
        .map(|t| track(&state, *t, &progress))
        .collect();
    state
        .pages
        .render("home.jinja", minijinja::context! { tracks })
}

fn track(state: &AppState, track: Track, progress: &Progress) -> TrackView {
    let lessons: Vec<LessonView> = state
        .catalog
        .lessons
        .iter()
        .filter(|l| l.track == track)
        .map(|lesson| LessonView {
            title: lesson.title.clone(),
            summary: lesson.summary.clone(),
            read: progress.lessons_read.contains(&lesson.id.0),
            exercises: lesson
                .exercises
                .iter()
                .filter_map(|id| state.catalog.exercise(&id.0))
                .map(|e| ExerciseView {
                    title: e.title.clone(),
                    difficulty: e.difficulty,
                    passed: progress.exercises_passed.contains(&e.id.0),
                })
                .collect(),
        })
        .collect();
    let total: usize = lessons.iter().map(|l| 1 + l.exercises.len()).sum();
    let done: usize = lessons
        .iter()
        .map(|l| usize::from(l.read) + l.exercises.iter().filter(|e| e.passed).count())
        .sum();
    TrackView {
        slug: track.slug(),
        title: track.title(),
        percent: (done * 100).checked_div(total).unwrap_or(0),
        lessons,
        done,
        total,
    }
}

/// `/static/<name>` from the files built into the binary.
pub async fn asset(Path(name): Path<String>) -> Response {
    match STATIC.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, body)) => {
            ([(header::CONTENT_TYPE, *content_type)], *body).into_response()
        }
        None => AppError::not_found(format!("there is no file {name:?}")).into_response(),
    }
}
