//! The course being served. The built-in course never changes; an
//! instructor's `--content` folder is watched and reloaded when its files
//! change, so an edit shows on the next page load. A change that breaks the
//! course keeps the last good one serving and shows the problems instead.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use crate::catalog::{Catalog, Files};

/// How often a `--content` folder is looked at.
pub const WATCH_INTERVAL: Duration = Duration::from_millis(500);

/// The catalog in use and, for a watched folder, its latest problems.
pub struct Course {
    catalog: RwLock<Arc<Catalog>>,
    problems: RwLock<Vec<String>>,
}

impl Course {
    pub fn new(catalog: Catalog) -> Self {
        Self {
            catalog: RwLock::new(Arc::new(catalog)),
            problems: RwLock::new(Vec::new()),
        }
    }

    /// The catalog now; a request keeps the one it started with.
    pub fn catalog(&self) -> Arc<Catalog> {
        self.catalog
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Problems found by the last reload; empty when it succeeded.
    pub fn problems(&self) -> Vec<String> {
        self.problems
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Reads `dir` again: a good course replaces the current one, a broken
    /// one only records its problems. Returns what happened, for the log.
    pub fn reload(&self, dir: &Path) -> Reloaded {
        let loaded = Files::read_dir(dir)
            .map_err(|e| vec![format!("cannot read {}: {e}", dir.display())])
            .and_then(|files| {
                Catalog::load(&files)
                    .map_err(|problems| problems.iter().map(ToString::to_string).collect())
            });
        let mut problems = self
            .problems
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match loaded {
            Ok(catalog) => {
                *self
                    .catalog
                    .write()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(catalog);
                problems.clear();
                Reloaded::Replaced
            }
            Err(found) => {
                *problems = found.clone();
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

/// Watches `dir` for the life of the server, reloading `course` after a
/// change; `report` hears each reload's outcome.
pub async fn watch(course: Arc<Course>, dir: PathBuf, report: impl Fn(&Reloaded) + Send + 'static) {
    let mut seen = fingerprint(&dir);
    loop {
        tokio::time::sleep(WATCH_INTERVAL).await;
        let now = fingerprint(&dir);
        if now == seen {
            continue;
        }
        seen = now;
        let (course, dir) = (course.clone(), dir.clone());
        if let Ok(outcome) = tokio::task::spawn_blocking(move || course.reload(&dir)).await {
            report(&outcome);
        }
    }
}

/// Every file under `dir` with its size and modification time: a change to
/// any of them, or a file added or removed, changes the fingerprint.
pub fn fingerprint(dir: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                pending.push(entry.path());
            } else {
                found.push((entry.path(), meta.len(), meta.modified().ok()));
            }
        }
    }
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_changes_when_a_file_changes_or_appears() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let first = fingerprint(dir.path());
        std::fs::write(dir.path().join("lessons/a.md"), "one").unwrap();
        let second = fingerprint(dir.path());
        assert_ne!(first, second);
        std::fs::write(dir.path().join("lessons/a.md"), "three").unwrap();
        assert_ne!(second, fingerprint(dir.path()));
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
        assert_eq!(course.problems(), problems);
        std::fs::remove_file(dir.path().join("lessons/servers/01-x.md")).unwrap();
        assert_eq!(course.reload(dir.path()), Reloaded::Replaced);
        assert!(course.catalog().lessons.is_empty());
        assert!(course.problems().is_empty());
    }
}
