//! What the templates see: plain structs built from the catalog and the
//! learner's progress, so the templates hold no logic beyond loops.

use serde::Serialize;

use crate::catalog::{Catalog, Difficulty, Exercise, Language, Lesson, Track};
use crate::sandbox::HttpRequest;
use crate::scratch::schema::TableSchema;
use crate::server::markdown;
use crate::store::Progress;

#[derive(Serialize)]
pub struct TrackView {
    pub slug: &'static str,
    pub title: &'static str,
    pub blurb: &'static str,
    pub lessons: Vec<LessonView>,
    pub done: usize,
    pub total: usize,
    pub percent: usize,
}

#[derive(Serialize)]
pub struct LessonView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub read: bool,
    pub exercises: Vec<ExerciseView>,
}

#[derive(Serialize)]
pub struct ExerciseView {
    pub slug: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub passed: bool,
}

/// A link to the next thing to do.
#[derive(Serialize)]
pub struct Link {
    pub href: String,
    pub title: String,
}

pub fn track(catalog: &Catalog, track: Track, progress: &Progress) -> TrackView {
    // The catalog keeps its lessons in course order.
    let lessons: Vec<LessonView> = catalog
        .lessons
        .iter()
        .filter(|l| l.track == track)
        .map(|l| lesson(catalog, l, progress))
        .collect();
    let total: usize = lessons.iter().map(|l| 1 + l.exercises.len()).sum();
    let done: usize = lessons
        .iter()
        .map(|l| usize::from(l.read) + l.exercises.iter().filter(|e| e.passed).count())
        .sum();
    TrackView {
        slug: track.slug(),
        title: track.title(),
        blurb: blurb(track),
        percent: (done * 100).checked_div(total).unwrap_or(0),
        lessons,
        done,
        total,
    }
}

fn blurb(track: Track) -> &'static str {
    match track {
        Track::Servers => {
            "What a server does, how HTTP requests and responses work, and how to answer them."
        }
        Track::Databases => {
            "Keeping data in tables, asking for it with SQL, and keeping it correct."
        }
        Track::Apis => {
            "Designing endpoints other programs can rely on: resources, JSON, validation and errors."
        }
        Track::Security => {
            "Passwords, sessions, access control and the attacks every back end must survive."
        }
        Track::Capstone => {
            "One small back end built step by step: accounts, sessions, notes, search and sharing."
        }
    }
}

pub fn lesson(catalog: &Catalog, lesson: &Lesson, progress: &Progress) -> LessonView {
    LessonView {
        id: lesson.id.0.clone(),
        title: lesson.title.clone(),
        summary: lesson.summary.clone(),
        read: progress.lessons_read.contains(&lesson.id.0),
        exercises: lesson
            .exercises
            .iter()
            .filter_map(|id| catalog.exercise(&id.0))
            .map(|e| exercise(e, progress))
            .collect(),
    }
}

pub fn exercise(exercise: &Exercise, progress: &Progress) -> ExerciseView {
    ExerciseView {
        slug: exercise.id.0.clone(),
        title: exercise.title.clone(),
        difficulty: exercise.difficulty,
        passed: progress.exercises_passed.contains(&exercise.id.0),
    }
}

/// The first lesson not yet read or exercise not yet passed, in course order.
pub fn next_step(catalog: &Catalog, progress: &Progress) -> Option<Link> {
    for l in &catalog.lessons {
        if !progress.lessons_read.contains(&l.id.0) {
            return Some(Link {
                href: format!("/lessons/{}", l.id.0),
                title: l.title.clone(),
            });
        }
        let open = l
            .exercises
            .iter()
            .find(|e| !progress.exercises_passed.contains(&e.0));
        if let Some(e) = open.and_then(|e| catalog.exercise(&e.0)) {
            return Some(Link {
                href: format!("/exercises/{}", e.id.0),
                title: e.title.clone(),
            });
        }
    }
    None
}

/// The lessons before and after `id` in course order.
pub fn neighbours(catalog: &Catalog, id: &str) -> (Option<Link>, Option<Link>) {
    let order = &catalog.lessons;
    let link = |l: &Lesson| Link {
        href: format!("/lessons/{}", l.id.0),
        title: l.title.clone(),
    };
    let Some(at) = order.iter().position(|l| l.id.0 == id) else {
        return (None, None);
    };
    let previous = at.checked_sub(1).map(|i| link(&order[i]));
    let next = order.get(at + 1).map(link);
    (previous, next)
}

/// Everything the exercise page and its script need.
#[derive(Serialize)]
pub struct ExercisePage {
    pub slug: String,
    pub title: String,
    pub track: &'static str,
    pub track_title: &'static str,
    pub lesson: Option<Link>,
    pub difficulty: Difficulty,
    pub language: Language,
    pub file: &'static str,
    /// Shown when the saved draft cannot be read.
    pub starter: String,
    pub instructions: String,
    /// Rendered Markdown, revealed one at a time by the script.
    pub hints: Vec<String>,
    pub tests: Vec<String>,
    pub hidden_tests: usize,
    pub schema: Vec<TableSchema>,
    pub samples: Vec<Sample>,
    pub methods: &'static [&'static str],
    pub passed: bool,
}

/// A request from a visible test, to start "try a request" from.
#[derive(Serialize)]
pub struct Sample {
    pub name: String,
    pub request: HttpRequest,
}

pub fn exercise_page(catalog: &Catalog, e: &Exercise, progress: &Progress) -> ExercisePage {
    let lesson = e
        .lesson
        .as_ref()
        .and_then(|id| catalog.lesson(&id.0))
        .map(|l| Link {
            href: format!("/lessons/{}", l.id.0),
            title: l.title.clone(),
        });
    ExercisePage {
        slug: e.id.0.clone(),
        title: e.title.clone(),
        track: e.track.slug(),
        track_title: e.track.title(),
        lesson,
        difficulty: e.difficulty,
        language: e.language,
        file: e.learner_file(),
        starter: e.starter.clone(),
        instructions: markdown::render(&e.readme),
        hints: e.hints.iter().map(|h| markdown::render(h)).collect(),
        tests: e
            .tests
            .iter()
            .filter(|t| !t.hidden)
            .map(|t| t.name.clone())
            .collect(),
        hidden_tests: e.tests.iter().filter(|t| t.hidden).count(),
        schema: e.template.schema().unwrap_or_default(),
        samples: crate::grader::sample_requests(e)
            .into_iter()
            .map(|(name, request)| Sample { name, request })
            .collect(),
        methods: &crate::sandbox::METHODS,
        passed: progress.exercises_passed.contains(&e.id.0),
    }
}
