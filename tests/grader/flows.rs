//! Tests of more than one step: captured values and cookies carried between
//! requests; the injection detector; SQL exercises; hidden tests.

use backlab::grader::Status;

use crate::util::{exercise, exercise_in, failures, grade_code, only, passes, problems};

const TODOS: &str = r#"
app.post("/todos", (req, res) => {
  const { lastInsertRowid } = db.prepare("INSERT INTO todos (title) VALUES (?)").run(req.body.title);
  res.status(201).set("Location", "/todos/" + lastInsertRowid).json({ id: lastInsertRowid });
});
app.get("/todos/:id", (req, res) => {
  const todo = db.prepare("SELECT id, title FROM todos WHERE id = ?").get(req.params.id);
  if (!todo) return res.status(404).json({ error: "not found" });
  res.json(todo);
});
"#;

#[test]
fn a_captured_id_reaches_the_next_request() {
    let tests = r#"
[[tests]]
name = "create then read"
[[tests.steps]]
method = "POST"
path = "/todos"
json = { title = "Walk the dog" }
expect.status = 201
capture = { id = "json:id", where = "header:Location" }
[[tests.steps]]
path = "/todos/{{id}}"
expect.json = { id = 3, title = "Walk the dog" }
[[tests.steps]]
path = "{{where}}"
expect.json_path = { id = "{{id}}" }
"#;
    let report = grade_code(&exercise(tests), TODOS);
    let test = only(&report);
    assert_eq!(test.steps[1].request.url, "/todos/3");
    assert_eq!(test.steps[0].captured["id"], serde_json::json!(3));
    assert!(passes(&report), "{report:#?}");
}

#[test]
fn a_missing_capture_fails_with_its_name() {
    let tests = r#"
[[tests]]
name = "capture"
[[tests.steps]]
method = "POST"
path = "/todos"
json = { title = "x" }
capture = { token = "json:token" }
[[tests.steps]]
path = "/todos/{{token}}"
"#;
    let report = grade_code(&exercise(tests), TODOS);
    assert_eq!(
        only(&report).message.as_deref(),
        Some("could not capture `token`: the JSON body has nothing at token")
    );
    assert_eq!(
        only(&report).steps.len(),
        1,
        "the test stops at the failed step"
    );
}

const SESSIONS: &str = r#"
app.post("/login", (req, res) => {
  res.cookie("sid", "s3cret", { httpOnly: true });
  res.json({ ok: true });
});
app.get("/me", (req, res) => {
  if (req.cookies.sid !== "s3cret") return res.status(401).json({ error: "log in first" });
  res.json({ user: "alice" });
});
app.post("/logout", (req, res) => {
  res.clearCookie("sid");
  res.json({ ok: true });
});
"#;

#[test]
fn cookies_carry_over_and_can_be_forged_or_cleared() {
    let tests = r#"
[[tests]]
name = "session"
[[tests.steps]]
path = "/me"
expect.status = 401
[[tests.steps]]
method = "POST"
path = "/login"
expect.headers = { set-cookie = { contains = "HttpOnly" } }
[[tests.steps]]
path = "/me"
expect.json = { user = "alice" }
[[tests.steps]]
path = "/me"
headers = { Cookie = "sid=forged" }
expect.status = 401
[[tests.steps]]
method = "POST"
path = "/logout"
[[tests.steps]]
path = "/me"
expect.status = 401
"#;
    let report = grade_code(&exercise(tests), SESSIONS);
    assert!(passes(&report), "{report:#?}");
    let steps = &only(&report).steps;
    assert_eq!(
        steps[2].request.headers,
        vec![("Cookie".to_string(), "sid=s3cret".to_string())]
    );
    assert!(
        steps[5].request.headers.is_empty(),
        "the cleared cookie is not sent"
    );
}

const INJECTION_TEST: &str = r#"
[[tests]]
name = "lookup"
detect_injection = true
[[tests.steps]]
path = "/users"
query = { name = "alice" }
expect.status = 200
"#;

#[test]
fn a_parameterized_query_passes_the_injection_detector() {
    let code = r#"app.get("/users", (req, res) => res.json(db.prepare("SELECT ? AS name").get(req.query.name)));"#;
    assert!(passes(&grade_code(&exercise(INJECTION_TEST), code)));
}

#[test]
fn a_concatenated_query_fails_even_with_a_harmless_value() {
    let code = r#"app.get("/users", (req, res) => res.json(db.prepare("SELECT '" + req.query.name + "' AS name").get()));"#;
    let report = grade_code(&exercise(INJECTION_TEST), code);
    assert_eq!(
        failures(&report),
        vec![
            "request values reach SQL as parameters: the query parameter `name` (\"alice\") was written into the SQL text instead of being passed as a parameter: SELECT 'alice' AS name",
            "request values reach SQL as parameters: put a placeholder where the value goes and pass the value separately: db.prepare(\"… WHERE name = ?\").get(value)",
        ]
    );
}

#[test]
fn a_number_spliced_into_a_comparison_is_caught() {
    let tests = "[[tests]]\nname = \"one\"\ndetect_injection = true\n[[tests.steps]]\npath = \"/todos/2\"\n";
    let code = r#"app.get("/todos/:id", (req, res) => res.json(db.prepare("SELECT * FROM todos WHERE id = " + req.params.id + " LIMIT 1").get()));"#;
    let found = failures(&grade_code(&exercise(tests), code));
    assert!(
        found[0].contains("the path segment `2` (\"2\") was written into the SQL text"),
        "{found:?}"
    );
}

#[test]
fn sql_exercises_compare_rows_with_the_reference() {
    let tests = "ordered = true\n[[tests]]\nname = \"titles\"\n[[tests]]\nname = \"with setup\"\nsetup = \"INSERT INTO todos (title) VALUES ('Aardvark');\"\n";
    let solution = "SELECT title FROM todos ORDER BY title";
    let exercise = exercise_in("sql", tests, solution);
    assert!(passes(&grade_code(
        &exercise,
        "select title from todos order by 1;"
    )));
    let report = grade_code(&exercise, "SELECT title FROM todos");
    assert_eq!(
        report.passed, 1,
        "the first test's rows happen to be in order"
    );
    assert_eq!(
        report.tests[1].message.as_deref(),
        Some("rows, in order: row 1: expected [\"Aardvark\"], got [\"Buy milk\"]")
    );
    // A statement SQLite refuses before running it is one problem, not
    // one per test.
    let broken = grade_code(&exercise, "SELECT title FROM missing_table");
    assert!(broken.tests.is_empty(), "{broken:#?}");
    assert_eq!(
        broken.not_loaded.as_ref().map(|v| v.message.as_str()),
        Some("SQL error in `SELECT title FROM missing_table`: no such table: missing_table.")
    );
    assert!(
        broken
            .message
            .starts_with("Your query could not run, so none of the 2 tests ran."),
        "{}",
        broken.message
    );
    let two = grade_code(&exercise, "SELECT 1; SELECT 2;");
    assert!(
        two.not_loaded
            .as_ref()
            .unwrap()
            .message
            .contains("write one statement; this has 2"),
        "{two:#?}"
    );
}

/// A test may state the rows the query must give: then the learner is
/// compared with them, and a reference solution that gives other rows
/// fails like any submission (so `check` catches a broken answer key).
#[test]
fn sql_tests_can_state_their_rows() {
    let tests = "ordered = true\n[[tests]]\nname = \"titles\"\nrows = [[\"Buy milk\"], [\"Write tests\"]]\n[[tests]]\nname = \"none\"\nsetup = \"DELETE FROM todos\"\nrows = []\n";
    let wrong_key = "SELECT title FROM todos ORDER BY title DESC";
    let exercise = exercise_in("sql", tests, wrong_key);
    assert!(passes(&grade_code(
        &exercise,
        "SELECT title FROM todos ORDER BY id"
    )));
    let report = grade_code(&exercise, wrong_key);
    assert_eq!(
        report.tests[0].message.as_deref(),
        Some("rows, in order: row 1: expected [\"Buy milk\"], got [\"Write tests\"]")
    );
    assert_eq!(report.tests[1].status, Status::Pass);
}

#[test]
fn rows_on_a_javascript_test_are_refused() {
    let found = problems("[[tests]]\nname = \"t\"\nrows = [[1]]\n[[tests.steps]]\npath = \"/\"\n");
    assert!(
        found.iter().any(|p| p.starts_with(
            "exercises/fixture/exercise.toml:9: test \"t\": `rows` is for SQL exercises"
        )),
        "{found:?}"
    );
}

#[test]
fn hidden_tests_show_only_that_they_failed() {
    let tests = "[[tests]]\nname = \"secret case\"\nhidden = true\n[[tests.steps]]\npath = \"/x\"\nexpect.status = 200\n";
    let exercise = exercise(tests);
    let options = backlab::grader::GradeOptions::default();
    let report = backlab::grader::grade(crate::util::sandbox(), &exercise, "", &options);
    let test = only(&report);
    assert_eq!(test.name, "Hidden test 1");
    assert!(test.steps.is_empty());
    assert_eq!(test.status, Status::Fail);
    let shown = backlab::grader::grade(
        crate::util::sandbox(),
        &exercise,
        "app.get('/x', (q, s) => s.send('ok'));",
        &options,
    );
    assert_eq!(
        only(&shown).name,
        "secret case",
        "a passing hidden test is shown"
    );
}

/// A login that hands out a token valid for 30 minutes, recording its expiry
/// with SQLite's clock; `/me` checks it with JavaScript's.
const EXPIRING: &str = r#"
db.exec("CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, expires_at TEXT NOT NULL)");
app.post("/login", (req, res) => {
  db.prepare("INSERT INTO tokens VALUES ('t1', datetime('now', '+30 minutes'))").run();
  res.json({ token: "t1" });
});
app.get("/me", (req, res) => {
  const row = db.prepare("SELECT expires_at FROM tokens WHERE token = ?").get(req.query.token);
  const expires = Date.parse(row.expires_at.replace(" ", "T") + "Z");
  if (Date.now() >= expires) return res.status(401).json({ error: "expired", now: new Date().toISOString() });
  res.json({ ok: true, now: new Date().toISOString() });
});
"#;

#[test]
fn a_step_can_move_the_clock_forward_for_itself_and_later_steps() {
    let tests = r#"
[[tests]]
name = "a token expires after 30 minutes"
[[tests.steps]]
method = "POST"
path = "/login"
capture = { token = "json:token" }
[[tests.steps]]
path = "/me?token={{token}}"
advance = "29m"
expect.status = 200
[[tests.steps]]
path = "/me?token={{token}}"
advance = "1m30s"
expect.status = 401
[[tests.steps]]
path = "/me?token={{token}}"
expect.status = 401
"#;
    let report = grade_code(&exercise(tests), EXPIRING);
    assert!(passes(&report), "{report:#?}");
    let now = |step: usize| {
        let body = &only(&report).steps[step].response.as_ref().unwrap().body;
        serde_json::from_str::<serde_json::Value>(body).unwrap()["now"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(now(1).starts_with("2026-01-01T09:29:00"), "{}", now(1));
    assert!(now(2).starts_with("2026-01-01T09:30:30"), "{}", now(2));
    assert!(
        now(3).starts_with("2026-01-01T09:30:30"),
        "later steps stay moved: {}",
        now(3)
    );
}

const SESSION_COOKIE: &str = r#"
app.post("/login", (req, res) => {
  res.cookie("sid", "s1", { maxAge: 30 * 60 * 1000, httpOnly: true });
  res.json({ ok: true });
});
app.get("/me", (req, res) => {
  if (req.cookies.sid !== "s1") return res.status(401).json({ error: "sign in" });
  res.json({ user: "ada" });
});
"#;

/// A cookie set with Max-Age expires on grading's clock: after `advance`
/// past its age, the next step no longer sends it, as a browser would not.
#[test]
fn cookies_expire_when_a_step_moves_the_clock_past_their_age() {
    let tests = r#"
[[tests]]
name = "a session cookie lasts thirty minutes"
[[tests.steps]]
method = "POST"
path = "/login"
expect.status = 200
[[tests.steps]]
path = "/me"
advance = "29m"
expect.status = 200
[[tests.steps]]
path = "/me"
advance = "2m"
expect.status = 401
"#;
    let report = grade_code(&exercise(tests), SESSION_COOKIE);
    assert!(passes(&report), "{report:#?}");
    let sent = |step: usize| {
        only(&report).steps[step]
            .request
            .headers
            .iter()
            .any(|(name, _)| name == "Cookie")
    };
    assert!(sent(1), "the cookie is sent within its age");
    assert!(!sent(2), "an expired cookie is not sent");
}

#[test]
fn an_advance_that_is_not_a_span_of_time_is_refused_at_load_with_its_line() {
    let text = problems(
        "[[tests]]\nname = \"t\"\n[[tests.steps]]\npath = \"/\"\nadvance = \"31 minutes\"\n",
    );
    assert!(
        text.iter()
            .any(|p| p.starts_with("exercises/fixture/exercise.toml:11:")
                && p.contains("advance = \"31 minutes\" is not a span of time")),
        "{text:?}"
    );
}

const TWO_WRITES: &str = r#"
const addBoth = db.transaction((title) => {
  db.prepare("INSERT INTO todos (title) VALUES (?)").run(title);
  db.prepare("INSERT INTO todos (title) VALUES (?)").run(title + " (copy)");
});
app.post("/both", (req, res) => {
  addBoth(req.body.title);
  res.status(201).json({ ok: true });
});
"#;

/// A test can break the second write on purpose and check that the first
/// was rolled back: a step that expects 500 accepts the uncaught error.
const ROLLBACK_TEST: &str = r#"
[[tests]]
name = "a failed second write leaves nothing behind"
setup = "CREATE TRIGGER no_copies BEFORE INSERT ON todos WHEN NEW.title LIKE '% (copy)' BEGIN SELECT RAISE(ABORT, 'copies are broken'); END;"
[[tests.steps]]
method = "POST"
path = "/both"
json = { title = "Milk" }
expect.status = 500
[[tests.database]]
query = "SELECT COUNT(*) FROM todos WHERE title = 'Milk'"
rows = [[0]]
"#;

#[test]
fn an_uncaught_error_is_a_500_a_step_can_expect() {
    let ex = exercise(ROLLBACK_TEST);
    assert!(
        passes(&grade_code(&ex, TWO_WRITES)),
        "the transaction rolls back"
    );
    let without = TWO_WRITES.replace("db.transaction(", "(");
    let report = grade_code(&ex, &without);
    assert_eq!(report.status, Status::Fail, "{report:#?}");
    assert!(
        failures(&report)
            .iter()
            .any(|f| f.contains("unexpected row [1]")),
        "{:?}",
        failures(&report)
    );
}

#[test]
fn an_uncaught_error_still_fails_a_step_that_expects_success() {
    let tests = ROLLBACK_TEST.replace("expect.status = 500", "expect.status = 201");
    let report = grade_code(&exercise(&tests), TWO_WRITES);
    assert_eq!(report.status, Status::Fail);
    let message = only(&report).message.clone().unwrap_or_default();
    assert!(message.contains("copies are broken"), "{message}");
}

#[test]
fn a_captured_value_fills_a_header_check() {
    let tests = r#"
[[tests]]
name = "the redirect names the new todo"
[[tests.steps]]
method = "POST"
path = "/todos"
json = { title = "Walk the dog" }
capture = { id = "json:id" }
[[tests.steps]]
path = "/go/{{id}}"
expect.status = 303
expect.headers = { location = "/todos/{{id}}" }
"#;
    let app = format!(
        "{TODOS}\napp.get(\"/go/:id\", (req, res) => res.redirect(303, \"/todos/\" + req.params.id));\n"
    );
    assert!(passes(&grade_code(&exercise(tests), &app)));
    let wrong = app.replace("\"/todos/\" + req.params.id", "\"/todos/1\"");
    assert_eq!(
        failures(&grade_code(&exercise(tests), &wrong)),
        vec!["header location: expected \"/todos/3\", got \"/todos/1\""]
    );
}

const UPLOADS: &str = r#"
const multer = require("multer");
const upload = multer({ limits: { fileSize: 20 } });
app.post("/notes", upload.single("note"), (req, res) => {
  if (!req.file) return res.status(400).json({ error: "no file" });
  const { originalname, mimetype, size, buffer } = req.file;
  res.status(201).json({ title: req.body.title, originalname, mimetype, size, text: buffer.toString() });
});
app.use((err, req, res, next) => {
  res.status(err.code === "LIMIT_FILE_SIZE" ? 413 : 400).json({ error: err.message, code: err.code });
});
"#;

#[test]
fn a_multipart_step_uploads_files_that_multer_reads() {
    let tests = r#"
[[tests]]
name = "uploads"
[[tests.steps]]
method = "POST"
path = "/notes"
multipart = [{ name = "title", value = "Shopping" }, { name = "note", filename = "list.txt", content = "milk\neggs" }]
expect.status = 201
expect.json = { title = "Shopping", originalname = "list.txt", mimetype = "text/plain", size = 9, text = "milk\neggs" }
[[tests.steps]]
method = "POST"
path = "/notes"
multipart = [{ name = "note", filename = "big.csv", type = "text/csv", content = "twenty-one characters" }]
expect.status = 413
expect.json = { error = "File too large", code = "LIMIT_FILE_SIZE" }
[[tests.steps]]
method = "POST"
path = "/notes"
multipart = [{ name = "other", filename = "x.txt", content = "x" }]
expect.status = 400
expect.json_path = { code = "LIMIT_UNEXPECTED_FILE" }
[[tests.steps]]
method = "POST"
path = "/notes"
json = { title = "not a form" }
expect.status = 400
expect.json = { error = "no file" }
"#;
    let report = grade_code(&exercise(tests), UPLOADS);
    assert!(passes(&report), "{report:#?}");
    let sent = &only(&report).steps[0].request;
    assert!(sent.body.starts_with("--backlab-part-7f3a9c\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nShopping\r\n"), "{}", sent.body);
}

#[test]
fn a_multipart_part_is_a_field_or_a_file() {
    let found = problems(
        "[[tests]]\nname = \"t\"\n[[tests.steps]]\nmethod = \"POST\"\npath = \"/\"\nmultipart = [{ name = \"a\", value = \"1\", filename = \"a.txt\" }]\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .contains("a field is { name, value }, a file is { name, filename, type, content }"),
        "{found:?}"
    );
}

#[test]
fn multer_keeps_only_the_file_name_and_skips_an_empty_file_input() {
    let tests = r#"
[[tests]]
name = "names"
[[tests.steps]]
method = "POST"
path = "/notes"
multipart = [{ name = "note", filename = "../../etc/passwd", content = "root" }]
expect.json_path = { originalname = "passwd" }
[[tests.steps]]
method = "POST"
path = "/notes"
multipart = [{ name = "title", value = "none chosen" }, { name = "note", filename = "", content = "" }]
expect.status = 400
expect.json = { error = "no file" }
"#;
    let report = grade_code(&exercise(tests), UPLOADS);
    assert!(passes(&report), "{report:#?}");
}
