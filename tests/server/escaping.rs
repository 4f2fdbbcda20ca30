//! Every page escapes what it shows: a hostile address, a hostile course
//! title, summary or exercise name never becomes markup.

use axum::http::StatusCode;

use crate::pages::html;

const MARKUP: &str =
    "<h2>fake</h2><meta http-equiv=\"refresh\" content=\"0;url=http://evil.example\">";

/// No tag from `MARKUP` made it through, and its escaped form did.
fn assert_escaped(uri: &str, page: &str) {
    for tag in ["<h2>fake", "<meta http-equiv"] {
        assert!(!page.contains(tag), "{uri} lets {tag:?} through:\n{page}");
    }
    assert!(
        page.contains("&lt;"),
        "{uri} shows no escaped markup:\n{page}"
    );
}

#[tokio::test]
async fn a_hostile_address_is_shown_escaped_on_every_not_found_page() {
    let (app, _dir) = crate::fresh();
    let encoded = "%3Ch2%3Efake%3C%2Fh2%3E%3Cmeta%20http-equiv%3D%22refresh%22%3E";
    for uri in [
        format!("/exercises/{encoded}"),
        format!("/lessons/{encoded}"),
        format!("/tracks/{encoded}"),
        format!("/exercises/{encoded}?q=%3Cform%3E%3Cb%3E"),
        format!("/no/{encoded}?next=%3Cb%3E"),
    ] {
        let (status, _, page) = html(&app, &uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        for tag in ["<h2>fake", "<meta http-equiv", "<form><b>", "<b>"] {
            assert!(!page.contains(tag), "{uri} lets {tag:?} through:\n{page}");
        }
    }
    let (_, _, page) = html(&app, &format!("/lessons/{encoded}")).await;
    assert!(
        page.contains("“&lt;h2&gt;fake&lt;/h2&gt;&lt;meta http-equiv=&quot;refresh&quot;&gt;”"),
        "{page}"
    );
}

#[tokio::test]
async fn hostile_titles_and_summaries_in_a_course_are_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("course");
    let lessons = content.join("lessons/servers");
    std::fs::create_dir_all(&lessons).unwrap();
    let title = MARKUP.replace('"', "\\\"");
    std::fs::write(
        lessons.join("01-first.md"),
        format!(
            "+++\ntitle = \"First {title}\"\ntrack = \"servers\"\norder = 1\n\
             summary = \"Sum {title}\"\nexercises = [\"hostile\"]\n+++\nHello.\n"
        ),
    )
    .unwrap();
    let exercise = content.join("exercises/hostile");
    std::fs::create_dir_all(&exercise).unwrap();
    let builtin = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises/hello-route");
    for file in ["README.md", "solution.js", "starter.js"] {
        std::fs::copy(builtin.join(file), exercise.join(file)).unwrap();
    }
    let toml = std::fs::read_to_string(builtin.join("exercise.toml"))
        .unwrap()
        .replace("title = \"Say hello\"", &format!("title = \"Hi {title}\""))
        .replace("lesson = \"routes\"", "lesson = \"first\"")
        .replace(
            "name = \"GET /hello answers with a JSON greeting\"",
            &format!("name = \"Test {title}\""),
        );
    std::fs::write(exercise.join("exercise.toml"), toml).unwrap();
    let files = backlab::catalog::Files::read_dir(&content).unwrap();
    let catalog = backlab::catalog::Catalog::load(&files).expect("the hostile course loads");
    let app = crate::router(crate::state_on(catalog, dir.path()));
    for uri in [
        "/",
        "/tracks/servers",
        "/lessons/first",
        "/exercises/hostile",
    ] {
        let (status, _, page) = html(&app, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}: {page}");
        assert_escaped(uri, &page);
    }
}
