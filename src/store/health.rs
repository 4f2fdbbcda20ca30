//! What can be wrong with the progress file, in words a learner can act
//! on: each problem is one sentence naming the file and the remedy, shown
//! when Backlab refuses to start and in the 503 a request gets at run time.

use std::fmt;
use std::path::Path;

use rusqlite::{ErrorCode, ffi};

/// A reason the progress file cannot be used; `Display` is the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unusable {
    path: String,
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    ReadOnly,
    /// Moved or deleted while Backlab had it open.
    Moved,
    Locked,
    /// With what SQLite (or `quick_check`) said.
    Damaged(String),
    CannotOpen,
    DiskFull,
    /// Another input/output failure, with its description.
    Io(String),
}

const ELSEWHERE: &str = "or start Backlab with --data-dir and another folder";

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = &self.path;
        match &self.kind {
            Kind::ReadOnly => write!(
                f,
                "the progress file {path} is read-only, so Backlab cannot save your work: \
                 make it (and its folder) writable, {ELSEWHERE}"
            ),
            Kind::Moved => write!(
                f,
                "the progress file {path} was moved or deleted while Backlab was running: \
                 put it back and restart Backlab (otherwise it starts a new, empty file \
                 there), {ELSEWHERE}"
            ),
            Kind::Locked => write!(
                f,
                "the progress file {path} is locked by another program (another Backlab \
                 using the same data folder?): stop that program, {ELSEWHERE}"
            ),
            Kind::Damaged(detail) => write!(
                f,
                "the progress file {path} is damaged ({detail}): move it aside (sqlite3's \
                 .recover may rescue its contents) and start Backlab again for a new one, \
                 {ELSEWHERE}"
            ),
            Kind::CannotOpen => write!(
                f,
                "the progress file {path} cannot be opened or created (is its folder \
                 read-only?): make the folder writable, {ELSEWHERE}"
            ),
            Kind::DiskFull => write!(
                f,
                "the disk holding the progress file {path} is full: free some space and try again"
            ),
            Kind::Io(detail) => write!(
                f,
                "the progress file {path} could not be read or written ({detail}): check the \
                 disk, {ELSEWHERE}"
            ),
        }
    }
}

/// The problem behind a SQLite error, when it is one with the file rather
/// than a mistake in Backlab's own SQL.
pub fn diagnose(path: &Path, error: &rusqlite::Error) -> Option<Unusable> {
    let rusqlite::Error::SqliteFailure(failure, message) = error else {
        return None;
    };
    let detail = || message.clone().unwrap_or_else(|| failure.to_string());
    let kind = match failure.code {
        ErrorCode::ReadOnly if failure.extended_code == ffi::SQLITE_READONLY_DBMOVED => Kind::Moved,
        ErrorCode::ReadOnly => Kind::ReadOnly,
        // SQLITE_LOCKED is a conflict inside one connection: Backlab's own bug.
        ErrorCode::DatabaseBusy => Kind::Locked,
        ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => Kind::Damaged(detail()),
        ErrorCode::CannotOpen | ErrorCode::PermissionDenied => Kind::CannotOpen,
        ErrorCode::DiskFull => Kind::DiskFull,
        ErrorCode::SystemIoFailure => Kind::Io(detail()),
        _ => return None,
    };
    Some(Unusable {
        path: path.display().to_string(),
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(code: i32) -> rusqlite::Error {
        rusqlite::Error::SqliteFailure(ffi::Error::new(code), None)
    }

    #[test]
    fn each_file_problem_is_one_sentence_with_the_file_and_a_remedy() {
        let path = Path::new("/data/progress.db");
        for (code, words) in [
            (ffi::SQLITE_READONLY, "is read-only"),
            (ffi::SQLITE_BUSY, "is locked by another program"),
            (ffi::SQLITE_READONLY_DBMOVED, "was moved or deleted"),
            (ffi::SQLITE_CORRUPT, "is damaged"),
            (ffi::SQLITE_NOTADB, "is damaged"),
            (ffi::SQLITE_CANTOPEN, "cannot be opened or created"),
            (ffi::SQLITE_FULL, "is full"),
            (ffi::SQLITE_IOERR, "could not be read or written"),
        ] {
            let sentence = diagnose(path, &failure(code)).unwrap().to_string();
            assert!(sentence.contains("/data/progress.db"), "{sentence}");
            assert!(sentence.contains(words), "{sentence}");
            assert!(sentence.contains(": "), "no remedy: {sentence}");
            assert!(!sentence.contains(". "), "one sentence: {sentence}");
        }
    }

    #[test]
    fn a_mistake_in_our_own_sql_is_not_a_file_problem() {
        let path = Path::new("p.db");
        assert_eq!(diagnose(path, &failure(ffi::SQLITE_CONSTRAINT)), None);
        assert_eq!(diagnose(path, &failure(ffi::SQLITE_LOCKED)), None);
        assert_eq!(diagnose(path, &rusqlite::Error::QueryReturnedNoRows), None);
    }
}
