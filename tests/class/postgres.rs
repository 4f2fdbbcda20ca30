//! A throwaway PostgreSQL server for the tests: initdb in a temporary
//! folder (as `nobody` when the tests run as root, which PostgreSQL
//! refuses), listening on 127.0.0.1 only, trusting local connections,
//! stopped when dropped. Debian's `postgresql` package provides it
//! (`./dev test` installs it).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Postgres {
    dir: tempfile::TempDir,
    bin: PathBuf,
    pub url: String,
}

/// The newest installed PostgreSQL's programs.
fn bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|p| p.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `program args…` as the user that owns the data (nobody, when root).
fn run(bin: &Path, program: &str, args: &[&str]) -> Result<(), String> {
    let path = bin.join(program);
    let mut command = if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "nobody", "--"]).arg(&path);
        c
    } else {
        Command::new(&path)
    };
    let output = command
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", path.display()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{program} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_or(54329, |a| a.port())
}

impl Postgres {
    /// Starts a server, or says why it cannot.
    pub fn start() -> Result<Self, String> {
        let bin =
            bin_dir().ok_or("PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb)")?;
        let dir = tempfile::Builder::new()
            .prefix("backlab-pg")
            .tempdir_in("/tmp")
            .map_err(|e| e.to_string())?;
        if is_root() {
            let status = Command::new("chown")
                .args(["-R", "nobody"])
                .arg(dir.path())
                .status()
                .map_err(|e| e.to_string())?;
            if !status.success() {
                return Err("cannot give the data folder to nobody".into());
            }
        }
        let data = dir.path().join("data");
        let data = data
            .to_str()
            .ok_or("the temporary folder's name is not UTF-8")?;
        let socket_dir = dir.path().to_str().unwrap_or("/tmp");
        run(
            &bin,
            "initdb",
            &[
                "-D",
                data,
                "-U",
                "backlab",
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
        )?;
        let port = free_port();
        let options = format!(
            "-p {port} -k {socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100"
        );
        let log = format!("{socket_dir}/log");
        run(
            &bin,
            "pg_ctl",
            &[
                "-D", data, "-o", &options, "-l", &log, "-w", "-t", "30", "start",
            ],
        )?;
        Ok(Self {
            dir,
            bin,
            url: format!("postgres://backlab@127.0.0.1:{port}/postgres"),
        })
    }

    /// A new empty database on this server; its address.
    pub fn database(&self, name: &str) -> String {
        let mut client = postgres::Client::connect(&self.url, postgres::NoTls)
            .expect("the test server accepts connections");
        for statement in [
            format!("DROP DATABASE IF EXISTS {name}"),
            format!("CREATE DATABASE {name}"),
        ] {
            client
                .batch_execute(&statement)
                .expect("a database can be created");
        }
        self.url.replace("/postgres", &format!("/{name}"))
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        if let Some(data) = data.to_str() {
            let _ = run(
                &self.bin,
                "pg_ctl",
                &["-D", data, "-m", "immediate", "stop"],
            );
        }
    }
}

/// A server for one test, or None (with the reason printed) when
/// PostgreSQL cannot start on this machine.
pub fn start_or_skip() -> Option<Postgres> {
    match Postgres::start() {
        Ok(server) => Some(server),
        Err(why) => {
            eprintln!("SKIPPED: the PostgreSQL tests need a server, and none could start: {why}");
            None
        }
    }
}
