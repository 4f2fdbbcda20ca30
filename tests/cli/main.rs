//! The `backlab` binary itself, run as a user runs it, on fixture folders.

mod check;
mod grade;
mod lifecycle;
mod new;
mod run;
mod serve;
mod server;
mod watch;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `backlab ARGS` in `dir` with a data dir under the target dir.
pub fn backlab_in(dir: &Path, args: &[&str]) -> Output {
    let data = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-data");
    Command::new(env!("CARGO_BIN_EXE_backlab"))
        .args(args)
        .arg("--data-dir")
        .arg(data)
        .current_dir(dir)
        .output()
        .expect("backlab starts")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
