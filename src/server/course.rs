//! The course being served. The built-in course never changes; an
//! instructor's `--content` folder is watched and reloaded when its files
//! change, so an edit shows on the next page load. A change that breaks the
//! course keeps the last good one serving and shows the problems instead.

use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use crate::catalog::{Catalog, Files};

/// How often a `--content` folder is looked at.
pub const WATCH_INTERVAL: Duration = Duration::from_millis(500);

/// The catalog in use and, for a watched folder, its latest problems.
pub struct Course {
    current: RwLock<Current>,
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
        }
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
        let loaded = Catalog::load_dir(dir);
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
/// change; `report` hears each reload's outcome.
pub fn watch(course: Arc<Course>, dir: PathBuf, report: impl Fn(&Reloaded) + Send + 'static) {
    std::thread::spawn(move || {
        let mut seen = Files::fingerprint(&dir);
        loop {
            std::thread::sleep(WATCH_INTERVAL);
            let now = Files::fingerprint(&dir);
            if now != seen {
                seen = now;
                report(&course.reload(&dir));
            }
        }
    });
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
