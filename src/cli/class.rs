//! `backlab class`: Backlab as one class's server. Everyone signs in; the
//! store is a SQLite file, or PostgreSQL so several servers share one class.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;

use super::ClassArgs;
use crate::class::ClassStore;
use crate::server::course::say;
use crate::server::{AllowedHosts, AppState, ClassState, Course, app};

pub fn class(args: &ClassArgs, data_dir: &Path) -> anyhow::Result<u8> {
    let catalog = super::load_course(args.content.as_deref())?;
    let listen: SocketAddr = args.listen.parse().with_context(|| {
        format!(
            "{:?} is not an address to listen on; write it as IP:PORT, e.g. 0.0.0.0:4000",
            args.listen
        )
    })?;
    let database = match &args.database {
        Some(spec) => spec.clone(),
        None => {
            std::fs::create_dir_all(data_dir)
                .with_context(|| format!("cannot create {}", data_dir.display()))?;
            data_dir.join("class.db").display().to_string()
        }
    };
    let store = Arc::new(
        ClassStore::open(&database)
            .with_context(|| format!("cannot open the class store {}", redact(&database)))?,
    );
    let opening = store.open_class(&args.instructor)?;
    let sandbox = super::sandbox(data_dir)?;
    let course = Arc::new(Course::new(catalog));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let served = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen} (is something else using it?)"))?;
        let bound = listener.local_addr()?;
        let public_url = public_url(args, bound)?;
        let allowed =
            AllowedHosts::public(&public_url, bound.port()).map_err(anyhow::Error::msg)?;
        let class = ClassState {
            store: store.clone(),
            public_url: allowed.url().trim_end_matches('/').to_string(),
            trust_forwarded: args.behind_proxy,
        };
        let state = AppState::class(course.clone(), sandbox.clone(), class);
        say(&format!(
            "Backlab is serving your class at {}  (listening on {bound}; Ctrl+C stops it)",
            allowed.url()
        ));
        say(&format!("The class is stored in {}", redact(&database)));
        match opening.and_then(|invite| invite.code) {
            Some(code) => say(&format!(
                "No instructor has joined yet. Open this link to set your password and start: {}join/{code}\n\
                 (It works once; a restart before you use it prints a new one.)",
                allowed.url()
            )),
            None => say(&format!("Instructors sign in at {}signin", allowed.url())),
        }
        super::serve::run(listener, app(state, allowed), course, args.content.as_deref(), sandbox)
            .await;
        anyhow::Ok(0)
    });
    runtime.shutdown_background();
    served
}

/// The address learners use: `--public-url`, or the address it listens
/// on when that is a specific one.
fn public_url(args: &ClassArgs, listen: SocketAddr) -> anyhow::Result<String> {
    if let Some(url) = &args.public_url {
        return Ok(url.clone());
    }
    if listen.ip().is_unspecified() {
        anyhow::bail!(
            "listening on {listen} reaches every network this machine is on: say where learners \
             reach it with --public-url, e.g. --public-url http://192.168.1.20:{}",
            listen.port()
        );
    }
    Ok(format!("http://{listen}"))
}

/// A database address without its password, for printing.
fn redact(spec: &str) -> String {
    match (spec.split_once("://"), spec.rfind('@')) {
        (Some((scheme, rest)), Some(at)) if spec.starts_with("postgres") => {
            let credentials = &rest[..at - scheme.len() - 3];
            let user = credentials.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{}", &spec[at + 1..])
        }
        _ => spec.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_not_printed() {
        assert_eq!(
            redact("postgres://backlab:s3cret@db.local/class"),
            "postgres://backlab:***@db.local/class"
        );
        assert_eq!(redact("/tmp/class.db"), "/tmp/class.db");
    }
}
