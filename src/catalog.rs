//! The course: tracks, lessons (Markdown with TOML front matter) and
//! exercises (a folder each), loaded from a folder or from the copy built
//! into the binary, typed and checked. Every problem names its file and
//! line; `load` gathers them all so an author sees every one at once.

mod exercise;
mod files;
pub mod glossary;
pub mod json_path;
mod learner_tests;
mod lesson;
mod links;
mod lower;
mod map;
pub mod model;
mod problem;
pub mod services;
mod spec;
mod validate;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

pub use files::{Files, ROOTS};
pub use glossary::Term;
pub use json_path::JsonPath;
pub use learner_tests::learner_tests;
pub use map::course_map;
pub use model::Test;
pub use problem::Problem;

use crate::sandbox::Limits;
use crate::scratch::Template;

/// The newest `exercise.toml` format this Backlab reads.
pub const FORMAT_VERSION: u32 = 1;

/// Foundations (how the web, JSON and async code work), the four pillars in
/// the order a beginner takes them, then the capstone that builds one small
/// back end from all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Track {
    Foundations,
    Servers,
    Databases,
    Apis,
    Security,
    Capstone,
}

impl Track {
    pub const ALL: [Track; 6] = [
        Self::Foundations,
        Self::Servers,
        Self::Databases,
        Self::Apis,
        Self::Security,
        Self::Capstone,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Self::Foundations => "foundations",
            Self::Servers => "servers",
            Self::Databases => "databases",
            Self::Apis => "apis",
            Self::Security => "security",
            Self::Capstone => "capstone",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Self::Foundations => "Foundations: the web, JSON and async code",
            Self::Servers => "Servers and HTTP",
            Self::Databases => "Databases and SQL",
            Self::Apis => "APIs: REST, JSON and validation",
            Self::Security => "Security",
            Self::Capstone => "Capstone: a notes service, start to finish",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }

    fn slugs() -> String {
        Self::ALL.map(Self::slug).join(", ")
    }
}

/// A lesson's id: its file name without `NN-` and `.md`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct LessonId(pub String);

/// An exercise's id: its folder name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ExerciseId(pub String);

impl fmt::Display for LessonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for ExerciseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Beginner,
    Intermediate,
    Advanced,
}

/// What the learner writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Express-style handlers in JavaScript, run in the sandbox.
    Js,
    /// One SQL statement, run on the scratch database.
    Sql,
    /// Tests (`[[tests]]` in TOML) that the learner writes for an app the
    /// exercise gives: graded by passing on the correct app (`app.js`) and
    /// failing on each broken one (`mutants/*.js`).
    Tests,
}

impl Language {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Js => "js",
            Self::Sql => "sql",
            Self::Tests => "toml",
        }
    }

    /// The extension of `mutants/*`: a tests exercise's mutants are broken
    /// apps, in JavaScript.
    pub fn mutant_extension(self) -> &'static str {
        match self {
            Self::Tests => "js",
            other => other.extension(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Lesson {
    pub id: LessonId,
    pub track: Track,
    pub order: u32,
    pub title: String,
    pub summary: String,
    /// The exercises this lesson leads to, in order.
    pub exercises: Vec<ExerciseId>,
    /// The Markdown after the front matter.
    pub body: String,
    pub file: String,
}

/// A known-bad solution that the tests must catch.
#[derive(Debug, Clone)]
pub struct Mutant {
    /// `mutants/plaintext-passwords.js`
    pub file: String,
    pub code: String,
}

/// A generated mutant the author declared equivalent to the solution:
/// `backlab check` does not ask a test to catch it.
#[derive(Debug, Clone)]
pub struct EquivalentMutant {
    /// The line of the solution the change is on.
    pub line: u32,
    /// The change as `backlab check` describes it.
    pub change: String,
    /// Why no test can tell it from the solution.
    pub reason: String,
    /// Where the declaration is in exercise.toml.
    pub toml_line: u32,
}

#[derive(Clone)]
pub struct Exercise {
    pub id: ExerciseId,
    /// `exercises/<slug>/`
    pub dir: String,
    /// A hash of the folder's files (hex): which version of the exercise
    /// a submission was graded against.
    pub content_hash: String,
    pub title: String,
    pub track: Track,
    pub lesson: Option<LessonId>,
    pub difficulty: Difficulty,
    pub language: Language,
    pub hints: Vec<String>,
    pub limits: Limits,
    /// SQL exercises: whether the order of the rows matters.
    pub ordered: bool,
    /// `[env]`: configuration the app reads as `process.env`, by name.
    pub env: Vec<(String, String)>,
    /// `[[services]]`: what `fetch` reaches, in every test and in Run.
    pub services: Vec<services::Service>,
    pub tests: Vec<Test>,
    /// The instructions, Markdown.
    pub readme: String,
    /// `why.md`: why the reference solution works, shown after a pass.
    pub why: Option<String>,
    pub starter: String,
    pub solution: String,
    pub mutants: Vec<Mutant>,
    pub equivalent_mutants: Vec<EquivalentMutant>,
    /// A tests exercise: `app.js`, the correct app the learner's tests
    /// must pass on.
    pub app: Option<String>,
    /// `schema.sql` + `seed.sql`, built once.
    pub template: Template,
}

impl Exercise {
    /// The file name the learner's code has in messages: `app.js` or `query.sql`.
    pub fn learner_file(&self) -> &'static str {
        match self.language {
            Language::Js => "app.js",
            Language::Sql => "query.sql",
            Language::Tests => "tests.toml",
        }
    }
}

/// A whole course, lessons in track order.
#[derive(Clone, Default)]
pub struct Catalog {
    pub lessons: Vec<Lesson>,
    pub exercises: Vec<Exercise>,
    /// `lessons/glossary.toml`, sorted by term; empty when there is none.
    pub glossary: Vec<Term>,
}

impl Catalog {
    /// Loads the course in the folder `dir`; any problem refuses it, and
    /// each comes back as one line that names its file (and line).
    pub fn load_dir(dir: &std::path::Path) -> Result<Self, Vec<String>> {
        let files = Files::read_dir(dir)
            .map_err(|e| vec![format!("cannot read the course in {}: {e}", dir.display())])?;
        Self::load(&files).map_err(|problems| problems.iter().map(ToString::to_string).collect())
    }

    /// Loads a course; any problem refuses it.
    pub fn load(files: &Files) -> Result<Self, Vec<Problem>> {
        let (catalog, problems) = Self::load_all(files);
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(problems)
        }
    }

    /// Loads what it can and lists every problem, for `backlab check`.
    pub fn load_all(files: &Files) -> (Self, Vec<Problem>) {
        let mut problems: Vec<Problem> = files
            .unreadable
            .iter()
            .map(|f| Problem::new(f, None, "this file is not UTF-8 text"))
            .collect();
        let mut lessons = Vec::new();
        let mut exercise_dirs = BTreeSet::new();
        let mut glossary = Vec::new();
        for path in files.paths() {
            if path == glossary::PATH {
                match glossary::load(files.get(path).unwrap_or_default()) {
                    Ok(terms) => glossary = terms,
                    Err(found) => problems.extend(found),
                }
            } else if path.starts_with("lessons/") {
                match lesson::load(path, files.get(path).unwrap_or_default()) {
                    Ok(loaded) => lessons.push(loaded),
                    Err(problem) => problems.push(problem),
                }
            } else if let Some(rest) = path.strip_prefix("exercises/") {
                match rest.split_once('/') {
                    Some((slug, _)) => {
                        exercise_dirs.insert(slug.to_string());
                    }
                    None => problems.push(Problem::new(
                        path,
                        None,
                        "exercises/ holds one folder per exercise, not files",
                    )),
                }
            }
        }
        let mut exercises = Vec::new();
        let mut broken = BTreeSet::new();
        for slug in exercise_dirs {
            match exercise::load(files, &slug, &format!("exercises/{slug}/")) {
                Ok((exercise, strays)) => {
                    exercises.push(exercise);
                    problems.extend(strays);
                }
                Err(found) => {
                    problems.extend(found);
                    broken.insert(ExerciseId(slug));
                }
            }
        }
        let lessons = link(lessons, &exercises, &broken, &mut problems);
        check_glossary_lessons(&glossary, &lessons, &mut problems);
        (
            Self {
                lessons,
                exercises,
                glossary,
            },
            problems,
        )
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id.0 == id)
    }

    pub fn lesson(&self, id: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.id.0 == id)
    }
}

/// Each glossary term's `lesson` must be a lesson of the course.
fn check_glossary_lessons(glossary: &[Term], lessons: &[Lesson], problems: &mut Vec<Problem>) {
    for term in glossary {
        let Some(id) = &term.lesson else { continue };
        if !lessons.iter().any(|l| &l.id.0 == id) {
            problems.push(Problem::new(
                glossary::PATH,
                Some(term.line),
                format!("term {:?}: there is no lesson {id:?}", term.term),
            ));
        }
    }
}

/// Checks the links between lessons and exercises both ways and unique
/// lesson ids; returns the lessons sorted by track and order.
/// Exercises in `broken` failed to load; their problems are already said.
fn link(
    loaded: Vec<lesson::Loaded>,
    exercises: &[Exercise],
    broken: &BTreeSet<ExerciseId>,
    problems: &mut Vec<Problem>,
) -> Vec<Lesson> {
    let pages = links::Pages {
        lessons: loaded.iter().map(|l| l.lesson.id.0.as_str()).collect(),
        exercises: exercises
            .iter()
            .map(|e| &e.id)
            .chain(broken)
            .map(|id| id.0.as_str())
            .collect(),
    };
    for item in &loaded {
        let lesson = &item.lesson;
        links::check(&lesson.file, &lesson.body, item.body_line, &pages, problems);
    }
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut order_seen: BTreeMap<(Track, u32), String> = BTreeMap::new();
    let mut lessons = Vec::new();
    for mut item in loaded {
        let lesson = &mut item.lesson;
        if let Some(other) = seen.insert(lesson.id.0.clone(), lesson.file.clone()) {
            problems.push(Problem::new(
                &lesson.file,
                None,
                format!("lesson id {:?} is also used by {other}", lesson.id.0),
            ));
        }
        if let Some(other) = order_seen.insert((lesson.track, lesson.order), lesson.file.clone()) {
            problems.push(Problem::new(
                &lesson.file,
                None,
                format!("order {} is also used by {other}", lesson.order),
            ));
        }
        link_exercises(lesson, item.links, exercises, broken, problems);
        lessons.push(item.lesson);
    }
    for exercise in exercises {
        let Some(id) = &exercise.lesson else { continue };
        let path = format!("{}exercise.toml", exercise.dir);
        match lessons.iter().find(|l| &l.id == id) {
            None => problems.push(Problem::new(
                &path,
                None,
                format!("lesson = {:?} does not exist in lessons/", id.0),
            )),
            Some(l) if !l.exercises.contains(&exercise.id) => problems.push(Problem::new(
                &path,
                None,
                format!(
                    "lesson {:?} does not list this exercise; add {:?} to the exercises in {}",
                    id.0, exercise.id.0, l.file
                ),
            )),
            Some(_) => {}
        }
    }
    lessons.sort_by_key(|l| (l.track, l.order));
    lessons
}

/// Keeps the exercises a lesson links to that exist and name it back;
/// reports the others at the line that names them.
fn link_exercises(
    lesson: &mut Lesson,
    links: Vec<(ExerciseId, u32)>,
    exercises: &[Exercise],
    broken: &BTreeSet<ExerciseId>,
    problems: &mut Vec<Problem>,
) {
    for (id, line) in links {
        let message = match exercises.iter().find(|e| e.id == id) {
            None if broken.contains(&id) => continue,
            None => format!(
                "exercise {:?} does not exist (no exercises/{}/ loaded)",
                id.0, id.0
            ),
            Some(e) => match &e.lesson {
                Some(named) if *named == lesson.id => {
                    lesson.exercises.push(id);
                    continue;
                }
                Some(named) => format!(
                    "exercise {:?} names lesson = {:?}, not this lesson; set its lesson = {:?}",
                    id.0, named.0, lesson.id.0
                ),
                None => format!(
                    "exercise {:?} names no lesson; add lesson = {:?} to its exercise.toml",
                    id.0, lesson.id.0
                ),
            },
        };
        problems.push(Problem::new(&lesson.file, Some(line), message));
    }
}

/// Lowercase words of letters and digits joined by single dashes.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests;
