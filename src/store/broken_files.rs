//! A progress file that cannot be used, each way it happens on a real
//! machine: Backlab refuses to start with one sentence naming the file and
//! the remedy, or (for an empty file) starts and says so.

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;
use std::process::Command;

use super::*;

/// A store with a few pages of drafts in it, closed and checkpointed.
fn filled(dir: &Path) -> PathBuf {
    let path = dir.join("progress.db");
    let store = Store::open(&path).unwrap();
    for i in 0..200 {
        store
            .save_draft(&format!("exercise-{i}"), &"x".repeat(500))
            .unwrap();
    }
    drop(store);
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    path
}

fn refusal(path: &Path) -> String {
    match Store::open(path) {
        Ok(_) => panic!("{} was accepted", path.display()),
        Err(error) => error.to_string(),
    }
}

#[test]
fn a_file_with_overwritten_pages_is_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = filled(dir.path());
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.seek(SeekFrom::Start(4096 * 2)).unwrap();
    file.write_all(&[0xA5; 4096 * 3]).unwrap();
    drop(file);
    let message = refusal(&path);
    assert!(
        message.starts_with(&format!(
            "the progress file {} is damaged (",
            path.display()
        )),
        "{message}"
    );
    assert!(message.contains("move it aside"), "{message}");
}

#[test]
fn a_truncated_file_is_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = filled(dir.path());
    let length = std::fs::metadata(&path).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(length / 2)
        .unwrap();
    let message = refusal(&path);
    assert!(message.contains("is damaged ("), "{message}");
    assert!(message.contains("--data-dir"), "{message}");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.db");
    std::fs::write(&path, "these are my notes, not a database\n".repeat(100)).unwrap();
    let message = refusal(&path);
    assert!(
        message.contains("is damaged (file is not a database)"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap().len(),
        3500,
        "the file is left as it was"
    );
}

#[test]
fn a_file_locked_by_another_program_is_refused_as_locked() {
    let dir = tempfile::tempdir().unwrap();
    let path = filled(dir.path());
    let mut other = Connection::open(&path).unwrap();
    let held = other
        .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)
        .unwrap();
    held.execute("DELETE FROM drafts WHERE exercise = 'exercise-1'", [])
        .unwrap();
    let message = refusal(&path);
    assert_eq!(
        message,
        format!(
            "the progress file {} is locked by another program (another Backlab using the same \
             data folder?): stop that program, or start Backlab with --data-dir and another folder",
            path.display()
        )
    );
    held.rollback().unwrap();
    Store::open(&path).expect("opens once the lock is gone");
}

#[test]
fn an_empty_file_starts_a_new_store_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.db");
    std::fs::write(&path, "").unwrap();
    let store = Store::open(&path).unwrap();
    let notice = store.notice().expect("a notice");
    assert!(notice.contains("was empty (0 bytes)"), "{notice}");
    store.save_draft("hello-route", "x").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.notice(), None);
    assert!(store.draft("hello-route").unwrap().is_some());
}

#[test]
fn a_data_folder_that_cannot_be_created_is_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let message = refusal(&blocker.join("data/progress.db"));
    assert!(
        message.starts_with(&format!(
            "cannot create the data folder {} (",
            blocker.join("data").display()
        )),
        "{message}"
    );
    assert_eq!(message.matches("data folder").count(), 1, "{message}");
}

/// Makes `path` unwritable even for root (`chattr +i`) and undoes it on drop.
struct Immutable<'a>(&'a Path);

impl<'a> Immutable<'a> {
    fn set(path: &'a Path) -> Option<Self> {
        let mut permissions = std::fs::metadata(path).ok()?.permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(path, permissions).ok()?;
        let writable = |p: &Path| {
            if p.is_dir() {
                std::fs::write(p.join("probe"), "").is_ok()
            } else {
                std::fs::OpenOptions::new().append(true).open(p).is_ok()
            }
        };
        if !writable(path) {
            return Some(Self(path));
        }
        let status = Command::new("chattr").arg("+i").arg(path).status().ok()?;
        (status.success() && !writable(path)).then_some(Self(path))
    }
}

impl Drop for Immutable<'_> {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(self.0).status();
        if let Ok(metadata) = std::fs::metadata(self.0) {
            let mut permissions = metadata.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            let _ = std::fs::set_permissions(self.0, permissions);
        }
    }
}

#[test]
fn a_read_only_file_is_refused_as_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = filled(dir.path());
    let Some(_guard) = Immutable::set(&path) else {
        eprintln!("skipped: this file system cannot make a file read-only for this user");
        return;
    };
    let message = refusal(&path);
    assert!(
        message.starts_with(&format!(
            "the progress file {} is read-only",
            path.display()
        )),
        "{message}"
    );
}

#[test]
fn a_read_only_data_folder_is_refused_in_one_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let path = filled(&{
        std::fs::create_dir(&data).unwrap();
        data.clone()
    });
    let Some(_guard) = Immutable::set(&data) else {
        eprintln!("skipped: this file system cannot make a folder read-only for this user");
        return;
    };
    let message = refusal(&path);
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        message.contains("read-only"),
        "the message says what is wrong: {message}"
    );
    assert!(!message.contains(". "), "one sentence: {message}");
}
