//! Loading a course from files in memory: a good one, and each kind of
//! malformed file with the exact error, file and line.

use super::*;

const TOML: &str = r#"format_version = 1
title = "Say hello"
track = "servers"
lesson = "routes"
difficulty = "beginner"
language = "js"
hints = ["Use app.get", "Send JSON with res.json"]

[[tests]]
name = "GET /hello greets"

[[tests.steps]]
path = "/hello"
expect.status = 200
capture.greeting = "json:message"

[[tests.steps]]
method = "POST"
path = "/echo"
json = { said = "{{greeting}}" }
"#;

const LESSON: &str = "+++\ntitle = \"Routes\"\ntrack = \"servers\"\norder = 1\nsummary = \"A route answers one path.\"\nexercises = [\"hello\"]\n+++\n\n# Routes\n";

fn course<'a>(replace: &[(&'a str, &'a str)]) -> Files {
    let mut files: BTreeMap<&str, &str> = [
        ("lessons/servers/01-routes.md", LESSON),
        ("exercises/hello/exercise.toml", TOML),
        ("exercises/hello/README.md", "# Say hello\n"),
        ("exercises/hello/starter.js", "// write your route here\n"),
        (
            "exercises/hello/solution.js",
            "app.get('/hello', (req, res) => res.json({ message: 'hi' }));\n",
        ),
        ("exercises/hello/schema.sql", "CREATE TABLE t (x);\n"),
    ]
    .into_iter()
    .collect();
    for (path, text) in replace {
        if text.is_empty() {
            files.remove(path);
        } else {
            files.insert(path, text);
        }
    }
    Files::from_texts(files)
}

fn problems(replace: &[(&str, &str)]) -> Vec<String> {
    match Catalog::load(&course(replace)) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_good_course_loads_with_its_links() {
    let catalog = Catalog::load(&course(&[]))
        .map_err(|p| format!("{p:?}"))
        .unwrap();
    let lesson = catalog.lesson("routes").unwrap();
    assert_eq!(lesson.exercises, vec![ExerciseId("hello".into())]);
    assert_eq!(lesson.body, "# Routes\n");
    let exercise = catalog.exercise("hello").unwrap();
    assert_eq!(exercise.tests[0].steps.len(), 2);
    assert_eq!(exercise.hints.len(), 2);
    assert_eq!(exercise.limits, Limits::default());
}

#[test]
fn a_toml_syntax_error_names_file_and_line() {
    let bad = TOML.replace("difficulty = \"beginner\"", "difficulty = beginner");
    assert_eq!(
        problems(&[("exercises/hello/exercise.toml", &bad)]),
        vec![
            "exercises/hello/exercise.toml:5: string values must be quoted, expected literal string"
        ]
    );
}

#[test]
fn an_unknown_field_names_file_and_line() {
    let bad = TOML.replace("expect.status = 200", "expect.stauts = 200");
    let found = problems(&[("exercises/hello/exercise.toml", &bad)]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(
            "exercises/hello/exercise.toml:14: unknown field `stauts`, expected one of `status`"
        ),
        "{found:?}"
    );
}

#[test]
fn a_newer_format_is_refused_before_its_fields() {
    let bad = TOML.replace(
        "format_version = 1",
        "format_version = 2\nshiny_new_field = true",
    );
    assert_eq!(
        problems(&[("exercises/hello/exercise.toml", &bad)]),
        vec![
            "exercises/hello/exercise.toml:1: format_version = 2 is newer than this Backlab understands (it reads format 1); update Backlab to use this exercise"
        ]
    );
}

#[test]
fn a_missing_format_version_says_what_to_add() {
    let bad = TOML.replace("format_version = 1\n", "");
    assert_eq!(
        problems(&[("exercises/hello/exercise.toml", &bad)]),
        vec![
            "exercises/hello/exercise.toml:1: `format_version` is missing; add `format_version = 1` at the top"
        ]
    );
}

#[test]
fn an_unknown_track_lists_the_tracks() {
    let bad = TOML.replace("track = \"servers\"", "track = \"frontend\"");
    let found = problems(&[("exercises/hello/exercise.toml", &bad)]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("exercises/hello/exercise.toml:3: unknown variant `frontend`, expected one of `foundations`, `servers`, `databases`, `apis`, `security`"), "{found:?}");
}

#[test]
fn empty_hints_and_bad_steps_are_all_reported() {
    let bad = TOML
        .replace("\"Use app.get\"", "\"  \"")
        .replace("path = \"/echo\"", "path = \"echo\"\nbody = \"x\"")
        .replace("{{greeting}}", "{{nothing}}");
    assert_eq!(
        problems(&[("exercises/hello/exercise.toml", &bad)]),
        vec![
            "exercises/hello/exercise.toml:7: hint 1 is empty",
            "exercises/hello/exercise.toml:17: test \"GET /hello greets\": a step sends one body: json, form or body, not several",
            "exercises/hello/exercise.toml:17: test \"GET /hello greets\": {{nothing}} is used before any earlier step captures `nothing`",
            "exercises/hello/exercise.toml:19: test \"GET /hello greets\": path = \"echo\" must start with / (or be a captured {{value}})",
        ]
    );
}

#[test]
fn missing_and_stray_files_are_named() {
    assert_eq!(
        problems(&[
            ("exercises/hello/solution.js", ""),
            ("exercises/hello/notes.txt", "todo")
        ]),
        vec![
            "exercises/hello/: solution.js is missing",
            "exercises/hello/notes.txt: Backlab does not use this file; an exercise folder holds exercise.toml, README.md, why.md, starter.js, solution.js, schema.sql, seed.sql and mutants/*.js",
        ]
    );
}

#[test]
fn a_failing_seed_names_its_line() {
    assert_eq!(
        problems(&[(
            "exercises/hello/seed.sql",
            "INSERT INTO t VALUES (1);\nINSERT INTO nope VALUES (2);\n"
        )]),
        vec!["exercises/hello/seed.sql:2: no such table: nope"]
    );
}

#[test]
fn lesson_front_matter_errors_name_the_line() {
    let no_block = "# Routes\n";
    let unclosed = "+++\ntitle = \"Routes\"\n";
    let bad_field = LESSON.replace("summary", "sumary");
    let wrong_order = LESSON.replace("order = 1", "order = 2");
    let lesson = "lessons/servers/01-routes.md";
    assert_eq!(
        problems(&[
            (lesson, no_block),
            (
                "exercises/hello/exercise.toml",
                &TOML.replace("lesson = \"routes\"\n", "")
            )
        ]),
        vec![
            "lessons/servers/01-routes.md:1: a lesson starts with front matter: a line `+++`, TOML with title, track, order, summary and exercises, then another `+++`",
        ]
    );
    assert_eq!(
        problems(&[
            (lesson, unclosed),
            (
                "exercises/hello/exercise.toml",
                &TOML.replace("lesson = \"routes\"\n", "")
            )
        ]),
        vec![
            "lessons/servers/01-routes.md:1: the front matter opened on line 1 is never closed: add a line `+++` after it",
        ]
    );
    let found = problems(&[(lesson, &bad_field)]);
    assert!(
        found[0].starts_with("lessons/servers/01-routes.md:5: unknown field `sumary`"),
        "{found:?}"
    );
    assert_eq!(
        problems(&[(lesson, &wrong_order)])[0],
        "lessons/servers/01-routes.md:4: order = 2 but the file name starts with 01; make them agree"
    );
}

#[test]
fn broken_links_are_reported_both_ways() {
    let other_lesson = LESSON.replace("[\"hello\"]", "[\"hello\", \"ghost\"]");
    assert_eq!(
        problems(&[("lessons/servers/01-routes.md", &other_lesson)]),
        vec![
            "lessons/servers/01-routes.md:6: exercise \"ghost\" does not exist (no exercises/ghost/ loaded)"
        ]
    );
    let unlisted = LESSON.replace("[\"hello\"]", "[]");
    assert_eq!(
        problems(&[("lessons/servers/01-routes.md", &unlisted)]),
        vec![
            "exercises/hello/exercise.toml: lesson \"routes\" does not list this exercise; add \"hello\" to the exercises in lessons/servers/01-routes.md"
        ]
    );
}

#[test]
fn badly_named_lessons_and_folders_are_refused() {
    let found = problems(&[
        ("lessons/frontend/01-css.md", LESSON),
        ("lessons/servers/1-x.md", LESSON),
    ]);
    assert_eq!(
        found,
        vec![
            "lessons/frontend/01-css.md: lessons/frontend/ is not a track; the tracks are foundations, servers, databases, apis, security, capstone",
            "lessons/servers/1-x.md: a lesson file is named NN-slug.md: two digits, a dash, then lowercase words joined by dashes (01-what-is-a-server.md)",
        ]
    );
}

#[test]
fn untagged_values_say_what_they_expect() {
    let bad = TOML.replace("expect.status = 200", "expect.headers = { x-count = 5 }");
    assert_eq!(
        problems(&[("exercises/hello/exercise.toml", &bad)]),
        vec![
            "exercises/hello/exercise.toml:14: a header's exact value as text, or a table with contains, not_contains or present"
        ]
    );
}

#[test]
fn a_lesson_linking_an_exercise_without_a_lesson_says_what_to_add() {
    let toml = TOML.replace("lesson = \"routes\"\n", "");
    assert_eq!(
        problems(&[("exercises/hello/exercise.toml", &toml)]),
        vec![
            "lessons/servers/01-routes.md:6: exercise \"hello\" names no lesson; add lesson = \"routes\" to its exercise.toml"
        ]
    );
}

#[test]
fn common_toml_slips_are_said_in_words() {
    let exercise = |toml: &str| {
        let files = Files::from_texts([
            ("exercises/slip/exercise.toml", toml),
            ("exercises/slip/README.md", "# Slip\n"),
            ("exercises/slip/starter.js", "// s\n"),
            ("exercises/slip/solution.js", "// s\n"),
        ]);
        let (_, problems) = Catalog::load_all(&files);
        problems.iter().map(ToString::to_string).collect::<Vec<_>>()
    };
    let head = "format_version = 1\ntitle = \"Slip\"\ntrack = \"servers\"\ndifficulty = \"beginner\"\nlanguage = \"js\"\n";
    let null = format!(
        "{head}hints = [\"h\"]\n[[tests]]\nname = \"t\"\n[[tests.database]]\nquery = \"SELECT NULL\"\nrows = [[null]]\n"
    );
    assert_eq!(
        exercise(&null),
        [
            "exercises/slip/exercise.toml:11: TOML has no null: write {} for a NULL in `rows` (an SQL NULL), or leave the key out"
        ]
    );
    let below = format!("{head}[limits]\ntimeout_ms = 2000\nhints = [\"h\"]\n");
    let problems = exercise(&below);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("exercises/slip/exercise.toml:8: `hints` is read as part of [limits], the table above it"),
        "{problems:?}"
    );
    let text_status = format!(
        "{head}hints = [\"h\"]\n[[tests]]\nname = \"t\"\n[[tests.steps]]\npath = \"/\"\nexpect.status = \"ok\"\n"
    );
    let problems = exercise(&text_status);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains("invalid type: string \"ok\", expected a whole number"),
        "{problems:?}"
    );
}

#[test]
fn a_failing_setup_is_named_at_its_test_when_the_exercise_loads() {
    let bad = TOML.replace(
        "name = \"GET /hello greets\"",
        "name = \"GET /hello greets\"\nsetup = \"INSERT INTO nope VALUES (1)\"",
    );
    assert_eq!(
        problems(&[("exercises/hello/exercise.toml", &bad)]),
        vec![
            "exercises/hello/exercise.toml:9: test \"GET /hello greets\": its setup SQL fails: no such table: nope"
        ]
    );
}

#[test]
fn configuration_and_client_addresses_load_and_bad_ones_name_their_line() {
    let with = |env: &str, ip: &str| {
        TOML.replace(
            "hints = [\"Use app.get\", \"Send JSON with res.json\"]\n",
            &format!("hints = [\"Use app.get\", \"Send JSON with res.json\"]\n\n[env]\n{env}\n"),
        )
        .replace("path = \"/hello\"\n", &format!("path = \"/hello\"\n{ip}\n"))
    };
    let good = with("PUBLIC_HOST = \"shop.example\"", "ip = \"203.0.113.7\"");
    let catalog = Catalog::load(&course(&[("exercises/hello/exercise.toml", &good)]))
        .unwrap_or_else(|p| panic!("{p:?}"));
    let exercise = &catalog.exercises[0];
    assert_eq!(
        exercise.env,
        [("PUBLIC_HOST".into(), "shop.example".into())]
    );
    assert_eq!(
        exercise.tests[0].steps[0].ip,
        Some("203.0.113.7".parse().unwrap())
    );
    let bad = with("public_host = \"shop.example\"", "ip = \"localhost\"");
    assert_eq!(
        problems(&[("exercises/hello/exercise.toml", &bad)]),
        [
            "exercises/hello/exercise.toml:10: [env] names are capital letters, digits and _, starting with a letter (PUBLIC_HOST), not \"public_host\"",
            "exercises/hello/exercise.toml:17: test \"GET /hello greets\": ip = \"localhost\" is not an IP address (203.0.113.7, or 2001:db8::1)",
        ]
    );
}
