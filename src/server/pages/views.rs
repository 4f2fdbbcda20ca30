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
        Track::Foundations => {
            "How a request crosses the internet, what an API is, JSON in depth, and JavaScript that waits."
        }
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
    course_order(catalog)
        .into_iter()
        .find(|step| !step.done(progress))
        .map(|step| step.link(catalog))
}

/// After exercise `slug` is passed: the next thing not done after it in
/// course order, else the first not done before it.
pub fn next_after(catalog: &Catalog, slug: &str, progress: &Progress) -> Option<Link> {
    let order = course_order(catalog);
    let at = order
        .iter()
        .position(|s| matches!(s, Step::Exercise(id) if *id == slug))
        .unwrap_or(0);
    let (before, after) = order.split_at(at);
    after
        .iter()
        .skip(1)
        .chain(before)
        .find(|step| !step.done(progress))
        .map(|step| step.link(catalog))
}

/// A lesson or an exercise, in the order the course takes them.
enum Step<'a> {
    Lesson(&'a Lesson),
    Exercise(&'a str),
}

impl Step<'_> {
    fn done(&self, progress: &Progress) -> bool {
        match self {
            Self::Lesson(l) => progress.lessons_read.contains(&l.id.0),
            Self::Exercise(id) => progress.exercises_passed.iter().any(|p| p == id),
        }
    }

    fn link(&self, catalog: &Catalog) -> Link {
        match self {
            Self::Lesson(l) => Link {
                href: format!("/lessons/{}", l.id.0),
                title: l.title.clone(),
            },
            Self::Exercise(id) => Link {
                href: format!("/exercises/{id}"),
                title: catalog
                    .exercise(id)
                    .map_or_else(|| id.to_string(), |e| e.title.clone()),
            },
        }
    }
}

/// Each lesson, then its exercises (those that loaded), lesson by lesson.
fn course_order(catalog: &Catalog) -> Vec<Step<'_>> {
    let mut order = Vec::new();
    for lesson in &catalog.lessons {
        order.push(Step::Lesson(lesson));
        for id in &lesson.exercises {
            if catalog.exercise(&id.0).is_some() {
                order.push(Step::Exercise(&id.0));
            }
        }
    }
    order
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
    /// Visible and hidden.
    pub test_count: usize,
    pub schema: Vec<TableSchema>,
    pub samples: Vec<Sample>,
    pub methods: &'static [&'static str],
    pub passed: bool,
    /// Where to go after passing.
    pub next: Option<Link>,
    /// Whether `why.md` exists, so the after-pass panel can say so.
    pub has_why: bool,
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
        test_count: e.tests.len(),
        schema: e.template.schema().unwrap_or_default(),
        samples: crate::grader::sample_requests(e)
            .into_iter()
            .map(|(name, request)| Sample { name, request })
            .collect(),
        methods: &crate::sandbox::METHODS,
        passed: progress.exercises_passed.contains(&e.id.0),
        next: next_after(catalog, &e.id.0, progress),
        has_why: e.why.is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Files;

    fn progress(read: &[&str], passed: &[&str]) -> Progress {
        Progress {
            lessons_read: read.iter().map(|s| s.to_string()).collect(),
            exercises_passed: passed.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn after_a_pass_the_next_step_is_the_next_thing_not_done() {
        let catalog = Catalog::load(&Files::builtin()).unwrap();
        let next = |read: &[&str], passed: &[&str]| {
            next_after(&catalog, "hello-route", &progress(read, passed)).map(|l| l.href)
        };
        assert_eq!(next(&[], &[]).as_deref(), Some("/exercises/echo-request"));
        let routes = catalog.lessons.iter().position(|l| l.id.0 == "routes");
        let after_routes = format!("/lessons/{}", catalog.lessons[routes.unwrap() + 1].id);
        assert_eq!(
            next(&["routes"], &["echo-request"]),
            Some(after_routes),
            "then the next lesson"
        );
        // Everything after it done: back to the first thing left before it.
        let all_read: Vec<&str> = catalog.lessons.iter().map(|l| l.id.0.as_str()).collect();
        let all_but_first: Vec<&str> = catalog
            .exercises
            .iter()
            .map(|e| e.id.0.as_str())
            .filter(|id| *id != "hello-route")
            .collect();
        let all_but_routes: Vec<&str> = all_read
            .iter()
            .copied()
            .filter(|id| *id != "routes")
            .collect();
        assert_eq!(
            next(&all_but_routes, &all_but_first).as_deref(),
            Some("/lessons/routes")
        );
        assert_eq!(next(&all_read, &all_but_first), None, "nothing left");
    }
}
