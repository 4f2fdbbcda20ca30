//! The dashboard's live updates: a server-sent event whenever the class's
//! newest submission changes. It asks the store, not this process, so a
//! submission graded by another server of the class shows up too.

use std::convert::Infallible;
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;

use super::class;
use crate::server::AppState;
use crate::server::error::AppResult;
use crate::server::me::Instructor;

/// How often the store is asked.
const POLL: Duration = Duration::from_secs(2);
/// A stream ends after this and the browser reconnects, so a stopping
/// server is never held open by a dashboard.
const STREAM_LIFETIME: Duration = Duration::from_secs(300);

pub async fn events(
    State(state): State<AppState>,
    Instructor(_me): Instructor,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let store = class(&state)?.store.clone();
    let started = Instant::now();
    let stream = futures_util::stream::unfold(None, move |last: Option<i64>| {
        let store = store.clone();
        async move {
            loop {
                if started.elapsed() > STREAM_LIFETIME {
                    return None;
                }
                let asked = store.clone();
                let latest = tokio::task::spawn_blocking(move || asked.latest_submission())
                    .await
                    .ok()?
                    .ok()?;
                if last != Some(latest) {
                    let event = Event::default()
                        .event("submission")
                        .data(latest.to_string());
                    return Some((Ok(event), Some(latest)));
                }
                tokio::time::sleep(POLL).await;
            }
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}
