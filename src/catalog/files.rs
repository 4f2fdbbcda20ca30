//! The text files of a course, read from a folder or from the copy built
//! into the binary, so the catalog loads the same way from both (and tests
//! can hand it files that never touch the disk).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The folders a course is made of; nothing else in a course folder is read.
pub const ROOTS: [&str; 2] = ["lessons", "exercises"];

/// Relative path (with `/`) → text.
#[derive(Debug, Clone, Default)]
pub struct Files {
    texts: BTreeMap<String, String>,
    /// Files that are not UTF-8 text.
    pub unreadable: Vec<String>,
}

/// Every file under `dir`'s course folders, in name order. Hidden files
/// (an editor's `.swp`, a `.DS_Store`) are not part of a course.
fn course_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for root in ROOTS {
        let path = dir.join(root);
        if path.is_dir() {
            walk(&path, &mut found)?;
        }
    }
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    entries.retain(|e| !e.file_name().to_string_lossy().starts_with('.'));
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_type()?.is_dir() {
            walk(&entry.path(), found)?;
        } else {
            found.push(entry.path());
        }
    }
    Ok(())
}

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/course.rs"));
}

impl Files {
    /// The course built into the binary.
    pub fn builtin() -> Self {
        let mut files = Self::default();
        for (path, bytes) in builtin::FILES {
            files.add(path, bytes.to_vec());
        }
        files
    }

    /// The course in `dir` (its `lessons/` and `exercises/` folders).
    pub fn read_dir(dir: &Path) -> std::io::Result<Self> {
        let mut files = Self::default();
        for path in course_paths(dir)? {
            let relative = path.strip_prefix(dir).unwrap_or(&path);
            let name = relative.to_string_lossy().replace('\\', "/");
            files.add(&name, std::fs::read(&path)?);
        }
        Ok(files)
    }

    /// Each course file in `dir` with its size and modification time: any
    /// edit, or a file added or removed, changes it. Cheap enough to take
    /// twice a second to notice an instructor's edits.
    pub fn fingerprint(dir: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
        course_paths(dir)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|path| {
                let meta = std::fs::metadata(&path).ok()?;
                Some((path, meta.len(), meta.modified().ok()))
            })
            .collect()
    }

    /// Files given in memory, for tests.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut files = Self::default();
        for (path, text) in texts {
            files.texts.insert(path.to_string(), text.to_string());
        }
        files
    }

    fn add(&mut self, path: &str, bytes: Vec<u8>) {
        match String::from_utf8(bytes) {
            Ok(text) => {
                self.texts.insert(path.to_string(), text);
            }
            Err(_) => self.unreadable.push(path.to_string()),
        }
    }

    pub fn get(&self, path: &str) -> Option<&str> {
        self.texts.get(path).map(String::as_str)
    }

    /// Every path, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }

    /// The paths under a folder (`exercises/hello/`), sorted.
    pub fn under<'a>(&'a self, folder: &'a str) -> impl Iterator<Item = &'a str> {
        self.texts
            .range(folder.to_string()..)
            .map(|(k, _)| k.as_str())
            .take_while(move |k| k.starts_with(folder))
    }

    /// A hash of every file under `folder`, names and texts: a version of
    /// an exercise that any edit changes.
    pub fn hash_under(&self, folder: &str) -> [u8; 32] {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        for path in self.under(folder) {
            hasher.update(path.as_bytes());
            hasher.update([0]);
            hasher.update(self.get(path).unwrap_or_default().as_bytes());
            hasher.update([0]);
        }
        hasher.finalize().into()
    }
}
