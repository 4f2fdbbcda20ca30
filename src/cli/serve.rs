//! `backlab` / `backlab serve`: the course in the browser, on 127.0.0.1.

use std::path::Path;

use anyhow::Context as _;

use super::ServeArgs;
use crate::server::{AllowedHosts, AppState, app, serve as run_server};
use crate::store::Store;

pub fn serve(args: &ServeArgs, data_dir: &Path) -> anyhow::Result<u8> {
    let catalog = super::load_course(args.content.as_deref())?;
    let sandbox = super::sandbox(data_dir)?;
    let store = Store::open(&data_dir.join("progress.db"))?;
    let state = AppState::new(catalog, sandbox, store);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
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
        say(&format!(
            "Backlab is serving the course at http://{}/  (Ctrl+C stops it)",
            allowed.first()
        ));
        say(&format!(
            "Your progress is kept in {}",
            data_dir.join("progress.db").display()
        ));
        run_server(listener, app(state, allowed)).await?;
        say("Backlab stopped.");
        Ok(0)
    })
}

/// Prints a line; a closed terminal must not stop the server.
fn say(line: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}
