//! The course being served. The built-in course never changes; an
//! instructor's `--content` folder is watched and reloaded when its files
//! change, so an edit shows on the next page load. A change that breaks the
//! course keeps the last good one serving and shows the problems instead.
//! An exercise whose files changed is checked again as `backlab check`
//! would, on a thread of its own, and the result shows on its page.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use serde::Serialize;

use crate::authoring::check_exercise;
use crate::catalog::{Catalog, Files};
use crate::sandbox::Sandbox;

/// How often a `--content` folder is looked at.
pub const WATCH_INTERVAL: Duration = Duration::from_millis(500);

/// The catalog in use and, for a watched folder, its latest problems and
/// the author's checks of the exercises edited since it started.
pub struct Course {
    current: RwLock<Current>,
    checks: RwLock<BTreeMap<String, AuthorCheck>>,
}

/// `backlab check` of one exercise, run again after an edit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum AuthorCheck {
    /// The edit was seen; the check is running.
    Running,
    Done {
        passed: bool,
        summary: String,
        problems: Vec<String>,
    },
}

#[derive(Clone)]
struct Current {
    catalog: Arc<Catalog>,
    /// Problems found by the last reload; empty when it succeeded.
    problems: Arc<Vec<String>>,
}

impl Course {
    pub fn new(catalog: Catalog) -> Self {
        Self {
            current: RwLock::new(Current {
                catalog: Arc::new(catalog),
                problems: Arc::default(),
            }),
            checks: RwLock::default(),
        }
    }

    /// The author's check of exercise `slug`, if it was edited while served.
    pub fn author_check(&self, slug: &str) -> Option<AuthorCheck> {
        self.checks
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(slug)
            .cloned()
    }

    fn set_check(&self, slug: &str, check: Option<AuthorCheck>) {
        let mut checks = self.checks.write().unwrap_or_else(PoisonError::into_inner);
        match check {
            Some(check) => checks.insert(slug.to_string(), check),
            None => checks.remove(slug),
        };
    }

    fn current(&self) -> Current {
        self.current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The catalog now; a request keeps the one it started with.
    pub fn catalog(&self) -> Arc<Catalog> {
        self.current().catalog
    }

    /// Problems found by the last reload; empty when it succeeded.
    pub fn problems(&self) -> Arc<Vec<String>> {
        self.current().problems
    }

    /// Reads `dir` again: a good course replaces the current one, a broken
    /// one only records its problems. Returns what happened, for the log.
    pub fn reload(&self, dir: &Path) -> Reloaded {
        self.reload_files(dir, Files::read_dir(dir).as_ref())
    }

    /// The same with the folder's files already read (or why they could not be).
    fn reload_files(&self, dir: &Path, files: Result<&Files, &std::io::Error>) -> Reloaded {
        let loaded = files
            .map_err(|e| vec![format!("cannot read the course in {}: {e}", dir.display())])
            .and_then(|files| {
                Catalog::load(files)
                    .map_err(|problems| problems.iter().map(ToString::to_string).collect())
            });
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        match loaded {
            Ok(catalog) => {
                *current = Current {
                    catalog: Arc::new(catalog),
                    problems: Arc::default(),
                };
                Reloaded::Replaced
            }
            Err(found) => {
                current.problems = Arc::new(found.clone());
                Reloaded::Kept(found)
            }
        }
    }
}

/// The outcome of a reload.
#[derive(Debug, PartialEq)]
pub enum Reloaded {
    Replaced,
    /// The folder has problems; the previous course is still served.
    Kept(Vec<String>),
}

/// Watches `dir` on a thread of its own for the life of the server (file
/// system calls stay off the async runtime), reloading `course` after a
/// change; `report` hears each reload's outcome and each exercise checked
/// again after its files changed (`sandbox` runs those checks).
pub fn watch(
    course: Arc<Course>,
    dir: PathBuf,
    sandbox: Sandbox,
    report: impl Fn(&Reloaded) + Send + 'static,
) {
    let checker = start_checker(course.clone(), sandbox);
    std::thread::spawn(move || {
        let mut seen = Files::fingerprint(&dir);
        let mut hashes =
            Files::read_dir(&dir).map_or_else(|_| BTreeMap::new(), |f| exercise_hashes(&f));
        loop {
            std::thread::sleep(WATCH_INTERVAL);
            let now = Files::fingerprint(&dir);
            if now == seen {
                continue;
            }
            seen = now;
            // The folder is read once; the reload and the hashes share it.
            let files = Files::read_dir(&dir);
            let outcome = course.reload_files(&dir, files.as_ref());
            if let (Reloaded::Replaced, Ok(files)) = (&outcome, &files) {
                let fresh = exercise_hashes(files);
                for slug in changed(&hashes, &fresh) {
                    match course.catalog().exercise(&slug) {
                        Some(_) => {
                            course.set_check(&slug, Some(AuthorCheck::Running));
                            let _ = checker.send(slug);
                        }
                        None => course.set_check(&slug, None),
                    }
                }
                hashes = fresh;
            }
            report(&outcome);
        }
    });
}

/// The thread that checks edited exercises one at a time, in the order
/// they were edited, and records each result.
fn start_checker(course: Arc<Course>, sandbox: Sandbox) -> mpsc::Sender<String> {
    let (send, receive) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        for slug in receive {
            let catalog = course.catalog();
            let Some(exercise) = catalog.exercise(&slug) else {
                course.set_check(&slug, None);
                continue;
            };
            let checked = check_exercise(&sandbox, exercise, false);
            let mark = if checked.passed() { "✓" } else { "✗" };
            say(&format!(
                "Checked after your edit: {mark} {}",
                checked.summary
            ));
            for problem in &checked.problems {
                say(&format!("    ✗ {problem}"));
            }
            course.set_check(
                &slug,
                Some(AuthorCheck::Done {
                    passed: checked.passed(),
                    summary: checked.summary,
                    problems: checked.problems.iter().map(ToString::to_string).collect(),
                }),
            );
        }
    });
    send
}

/// Prints a line; a closed terminal must not stop the server.
pub fn say(line: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// A hash of each exercise folder's files, by slug.
fn exercise_hashes(files: &Files) -> BTreeMap<String, [u8; 32]> {
    let slugs: std::collections::BTreeSet<&str> = files
        .paths()
        .filter_map(|path| path.strip_prefix("exercises/")?.split_once('/'))
        .map(|(slug, _)| slug)
        .collect();
    slugs
        .into_iter()
        .map(|slug| {
            let hash = files.hash_under(&format!("exercises/{slug}/"));
            (slug.to_string(), hash)
        })
        .collect()
}

/// The exercises added, changed or removed between two sets of hashes.
fn changed(before: &BTreeMap<String, [u8; 32]>, after: &BTreeMap<String, [u8; 32]>) -> Vec<String> {
    let mut out: Vec<String> = after
        .iter()
        .filter(|(slug, hash)| before.get(*slug) != Some(hash))
        .map(|(slug, _)| slug.clone())
        .collect();
    out.extend(
        before
            .keys()
            .filter(|slug| !after.contains_key(*slug))
            .cloned(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_changes_when_a_course_file_changes_or_appears() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let first = Files::fingerprint(dir.path());
        std::fs::write(dir.path().join("lessons/a.md"), "one").unwrap();
        let second = Files::fingerprint(dir.path());
        assert_ne!(first, second);
        std::fs::write(dir.path().join("lessons/a.md"), "three").unwrap();
        assert_ne!(second, Files::fingerprint(dir.path()));
    }

    #[test]
    fn hidden_files_and_other_folders_are_not_watched() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let before = Files::fingerprint(dir.path());
        std::fs::write(dir.path().join("lessons/.01-a.md.swp"), "vim").unwrap();
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".git/index"), "git").unwrap();
        assert_eq!(before, Files::fingerprint(dir.path()));
    }

    #[test]
    fn only_the_exercises_whose_files_changed_are_named() {
        let dir = tempfile::tempdir().unwrap();
        for slug in ["a", "b", "c"] {
            std::fs::create_dir_all(dir.path().join(format!("exercises/{slug}"))).unwrap();
            std::fs::write(dir.path().join(format!("exercises/{slug}/README.md")), slug).unwrap();
        }
        let before = exercise_hashes(&Files::read_dir(dir.path()).unwrap());
        std::fs::write(dir.path().join("exercises/b/README.md"), "edited").unwrap();
        std::fs::remove_dir_all(dir.path().join("exercises/c")).unwrap();
        std::fs::create_dir_all(dir.path().join("exercises/d")).unwrap();
        std::fs::write(dir.path().join("exercises/d/README.md"), "new").unwrap();
        let after = exercise_hashes(&Files::read_dir(dir.path()).unwrap());
        assert_eq!(changed(&before, &after), vec!["b", "d", "c"]);
    }

    #[test]
    fn a_broken_folder_keeps_the_last_good_course() {
        let dir = tempfile::tempdir().unwrap();
        let course = Course::new(Catalog::load(&Files::builtin()).unwrap());
        let before = course.catalog().lessons.len();
        std::fs::create_dir_all(dir.path().join("lessons/servers")).unwrap();
        std::fs::write(
            dir.path().join("lessons/servers/01-x.md"),
            "no front matter",
        )
        .unwrap();
        let Reloaded::Kept(problems) = course.reload(dir.path()) else {
            panic!("a broken course replaced the good one");
        };
        assert!(problems[0].contains("01-x.md"), "{problems:?}");
        assert_eq!(course.catalog().lessons.len(), before);
        assert_eq!(*course.problems(), problems);
        std::fs::remove_file(dir.path().join("lessons/servers/01-x.md")).unwrap();
        assert_eq!(course.reload(dir.path()), Reloaded::Replaced);
        assert!(course.catalog().lessons.is_empty());
        assert!(course.problems().is_empty());
    }
}
