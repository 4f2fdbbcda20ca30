//! `backlab` / `backlab serve`: the course in the browser, on 127.0.0.1.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context as _;

use super::ServeArgs;
use crate::server::course::{self, Reloaded, say};
use crate::server::{AllowedHosts, AppState, Course, Listening, Stopped, app, listen, stop_signal};
use crate::store::Store;

pub fn serve(args: &ServeArgs, data_dir: &Path) -> anyhow::Result<u8> {
    let catalog = super::load_course(args.content.as_deref())?;
    // The progress file first: a broken one stops Backlab before anything is built.
    let store = Store::open(&data_dir.join("progress.db"))?;
    if let Some(notice) = store.notice() {
        say(notice);
    }
    let sandbox = super::sandbox(data_dir)?;
    let course = Arc::new(Course::new(catalog));
    let state = AppState::with_course(course.clone(), sandbox.clone(), store);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let served = runtime.block_on(async {
        let address = ("127.0.0.1", args.port);
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .with_context(|| {
                format!(
                    "cannot listen on 127.0.0.1:{} (is another Backlab running? try --port)",
                    args.port
                )
            })?;
        let port = listener.local_addr()?.port();
        let allowed = AllowedHosts::local(port, None);
        let url = allowed.url().to_string();
        say(&format!(
            "Backlab is serving the course at {url}  (Ctrl+C stops it)"
        ));
        say(&format!(
            "Your progress is kept in {}",
            data_dir.join("progress.db").display()
        ));
        if args.open {
            open_browser(&url);
        }
        run(
            listener,
            app(state, allowed),
            course,
            args.content.as_deref(),
            sandbox,
        )
        .await;
        anyhow::Ok(0)
    });
    // Work still running (a grading) is not waited for: the store commits
    // each write whole, so stopping in the middle loses nothing acknowledged.
    runtime.shutdown_background();
    served
}

/// Follows the course folder `content` (if any) and serves `router` on
/// `listener` until Ctrl+C or SIGTERM, saying how the stop went.
pub(super) async fn run(
    listener: tokio::net::TcpListener,
    router: axum::Router,
    course: Arc<Course>,
    content: Option<&Path>,
    sandbox: crate::sandbox::Sandbox,
) {
    if let Some(dir) = content {
        say(&format!(
            "Watching {} for changes; pages follow your edits, and an edited exercise is checked again.",
            dir.display()
        ));
        course::watch(course, dir.to_path_buf(), sandbox, report_reload);
    }
    let stop = async {
        stop_signal().await;
        say("Stopping: finishing what is still running (press Ctrl+C again to stop at once)…");
    };
    let options = Listening::default();
    match listen(listener, router, options, stop, stop_signal()).await {
        Stopped::Drained => say("Backlab stopped."),
        Stopped::Abandoned => say(
            "Backlab stopped before what was still running had finished; \
                 everything it had confirmed as saved is kept.",
        ),
    }
}

fn report_reload(outcome: &Reloaded) {
    match outcome {
        Reloaded::Replaced => say("The course folder changed: reloaded."),
        Reloaded::Kept(problems) => {
            say("The course folder changed but has problems; still serving the last good version:");
            for problem in problems {
                say(&format!("  {problem}"));
            }
        }
    }
}

/// Asks the desktop to open `url`; says what to do by hand when it cannot.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let started = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match started {
        // Reaped on its own thread so no zombie is left behind.
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
        }
        Err(_) => say(&format!(
            "Could not start {opener} to open your browser; open {url} yourself."
        )),
    }
}
