//! The pages: every kind of page (with insta snapshots) and static files.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::{fresh, request, send};

pub async fn html(app: &axum::Router, uri: &str) -> (StatusCode, String, String) {
    let response = app
        .clone()
        .oneshot(request("GET", uri, None))
        .await
        .unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        content_type,
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

/// `page` with each asset's content hash (`?v=` and 16 hex digits) as
/// `?v={hash}`, so a change to the stylesheet or bundle leaves it alone.
fn without_asset_hashes(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("?v=") {
        let (head, tail) = rest.split_at(at + 3);
        out.push_str(head);
        let hash = tail
            .get(..16)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match hash {
            Some(hash) => {
                out.push_str("{hash}");
                rest = &tail[hash.len()..];
            }
            None => rest = tail,
        }
    }
    out + rest
}

/// Compares `page` with its insta snapshot in `snapshots/` (review a
/// deliberate change with `cargo insta review`).
fn golden(name: &str, page: &str) {
    insta::assert_snapshot!(name, without_asset_hashes(page));
}

#[tokio::test]
async fn every_page_matches_its_snapshot() {
    let (app, _dir) = fresh();
    for (uri, name) in [
        ("/", "home"),
        ("/tracks/security", "track"),
        ("/lessons/routes", "lesson"),
        ("/exercises/login-injection", "exercise"),
        ("/exercises/select-basics", "exercise-sql"),
    ] {
        let (status, content_type, page) = html(&app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(content_type, "text/html; charset=utf-8", "{uri}");
        golden(name, &page);
    }
}

#[tokio::test]
async fn the_home_page_shows_progress_and_where_to_continue() {
    let (app, _dir) = fresh();
    let catalog = backlab::catalog::Catalog::load(&backlab::catalog::Files::builtin()).unwrap();
    let first = &catalog.lessons[0];
    let exercise =
        |id: &backlab::catalog::ExerciseId| catalog.exercises.iter().find(|e| &e.id == id).unwrap();
    let (one, two) = (exercise(&first.exercises[0]), first.exercises.get(1));
    let (_, _, page) = html(&app, "/").await;
    let start = format!(
        "<a class=\"button primary\" href=\"/lessons/{}\">Start: ",
        first.id
    );
    assert!(page.contains(&start), "{page}");

    let read = format!("/api/lessons/{}/read", first.id);
    send(&app, request("POST", &read, None)).await;
    let (_, _, page) = html(&app, "/").await;
    let next = format!("href=\"/exercises/{}\">Continue: {}</a>", one.id, one.title);
    assert!(page.contains(&next), "{page}");

    let submit = format!("/api/exercises/{}/submit", one.id);
    let body = serde_json::json!({ "code": one.solution });
    send(&app, request("POST", &submit, Some(body))).await;
    let (_, _, page) = html(&app, "/").await;
    let in_track = catalog
        .lessons
        .iter()
        .filter(|l| l.track == first.track)
        .map(|l| 1 + l.exercises.len())
        .sum::<usize>();
    assert!(
        page.contains(&format!("<p class=\"count\">2 of {in_track} done</p>")),
        "{page}"
    );
    assert!(page.contains("aria-valuenow=\"2\""), "{page}");
    let after = match two {
        Some(id) => format!(
            "href=\"/exercises/{id}\">Continue: {}</a>",
            exercise(id).title
        ),
        None => format!("href=\"/lessons/{}\">Continue: ", catalog.lessons[1].id),
    };
    assert!(page.contains(&after), "{page}");
}

/// Every link to a page of this site found in `page`: `href`s inside
/// tags, not the text of a code example that shows one.
fn links(page: &str) -> Vec<String> {
    let parts: Vec<&str> = page.split("href=\"").collect();
    parts
        .windows(2)
        .filter(|pair| pair[0].rfind('<') > pair[0].rfind('>'))
        .filter_map(|pair| pair[1].split('"').next())
        .filter(|href| href.starts_with('/') && !href.starts_with("/static/"))
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn every_lesson_and_exercise_is_reachable_from_the_home_page() {
    let (app, _dir) = fresh();
    let catalog = backlab::catalog::Catalog::load(&backlab::catalog::Files::builtin()).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    let mut queue = vec!["/".to_string()];
    while let Some(uri) = queue.pop() {
        if !seen.insert(uri.clone()) {
            continue;
        }
        let (status, _, page) = html(&app, &uri).await;
        assert_eq!(status, StatusCode::OK, "a broken link to {uri}");
        queue.extend(links(&page));
    }
    for lesson in &catalog.lessons {
        let uri = format!("/lessons/{}", lesson.id.0);
        assert!(
            seen.contains(&uri),
            "{uri} cannot be reached from the home page"
        );
    }
    for exercise in &catalog.exercises {
        let uri = format!("/exercises/{}", exercise.id.0);
        assert!(
            seen.contains(&uri),
            "{uri} cannot be reached from the home page"
        );
    }
}

#[tokio::test]
async fn unknown_pages_are_a_404_page_that_leads_home() {
    let (app, _dir) = fresh();
    for (uri, message) in [
        ("/tracks/cooking", "There is no track called “cooking”."),
        ("/lessons/nope", "There is no lesson called “nope”."),
        ("/exercises/nope", "There is no exercise called “nope”."),
        ("/no/such/page", "There is no page at this address."),
    ] {
        let (status, content_type, page) = html(&app, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(content_type, "text/html; charset=utf-8");
        assert!(page.contains(message), "{uri}: {page}");
        assert!(page.contains("href=\"/\">Back to your course</a>"), "{uri}");
    }
}

#[tokio::test]
async fn a_lesson_renders_markdown_and_links_its_neighbours() {
    let (app, _dir) = fresh();
    let (_, _, page) = html(&app, "/lessons/select").await;
    assert!(page.contains("<code class=\"language-sql\">"), "{page}");
    assert!(page.contains("rel=\"prev\""), "{page}");
    assert!(page.contains("rel=\"next\""), "{page}");
    assert!(
        page.contains("data-lesson=\"select\">Mark as read</button>"),
        "{page}"
    );
    send(&app, request("POST", "/api/lessons/select/read", None)).await;
    let (_, _, page) = html(&app, "/lessons/select").await;
    assert!(page.contains(">✓ Read</button>"), "{page}");
}

#[tokio::test]
async fn a_course_folder_reloads_and_a_broken_edit_shows_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("course");
    std::fs::create_dir_all(content.join("lessons/servers")).unwrap();
    let lesson =
        "+++\ntitle = \"First\"\ntrack = \"servers\"\norder = 1\nsummary = \"One.\"\n+++\nHello.\n";
    std::fs::write(content.join("lessons/servers/01-first.md"), lesson).unwrap();
    let files = backlab::catalog::Files::read_dir(&content).unwrap();
    let course = std::sync::Arc::new(backlab::server::Course::new(
        backlab::catalog::Catalog::load(&files).unwrap(),
    ));
    let store = backlab::store::Store::open(&dir.path().join("progress.db")).unwrap();
    let state = backlab::server::AppState::with_course(course.clone(), crate::sandbox(), store);
    let app = crate::router(state);

    std::fs::write(
        content.join("lessons/servers/02-second.md"),
        lesson
            .replace("First", "Second")
            .replace("order = 1", "order = 2"),
    )
    .unwrap();
    course.reload(&content);
    let (status, _, page) = html(&app, "/lessons/second").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<h1>Second</h1>"), "{page}");

    std::fs::write(
        content.join("lessons/servers/03-third.md"),
        "no front matter",
    )
    .unwrap();
    course.reload(&content);
    let (status, _, page) = html(&app, "/lessons/second").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the last good course is still served"
    );
    assert!(page.contains("The course folder has problems"), "{page}");
    assert!(page.contains("03-third.md"), "{page}");
}

#[tokio::test]
async fn static_files_are_served_by_name_only() {
    let (app, _dir) = fresh();
    let (status, content_type, css) = html(&app, "/static/style.css").await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "text/css; charset=utf-8")
    );
    assert!(css.contains("prefers-color-scheme: dark"));
    let (status, content_type, js) = html(&app, "/static/backlab.js").await;
    assert_eq!(
        (status, content_type.as_str()),
        (StatusCode::OK, "text/javascript; charset=utf-8")
    );
    assert!(
        js.contains("Mod-Enter"),
        "the bundle holds the editor's shortcuts"
    );
    for uri in [
        "/static/..%2FCargo.toml",
        "/static/%2E%2E%2Fsrc%2Fmain.rs",
        "/static/missing.css",
    ] {
        let req = Request::builder()
            .uri(uri)
            .header("Host", "localhost:4000")
            .body(Body::empty())
            .unwrap();
        let (status, _) = send(&app, req).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
    }
}
