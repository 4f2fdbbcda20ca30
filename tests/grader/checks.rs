//! Every kind of check, each shown passing and failing with its message.

use backlab::grader::Status;

use crate::util::{exercise, failures, grade_code, only, passes};

const LIST: &str = r#"
app.get("/todos", (req, res) => {
  res.set("X-Count", "2");
  res.json(db.prepare("SELECT id, title, done FROM todos ORDER BY id").all());
});
"#;

fn step(expect: &str) -> String {
    format!("[[tests]]\nname = \"list\"\n[[tests.steps]]\npath = \"/todos\"\n{expect}\n")
}

#[test]
fn status_passes_and_fails() {
    assert!(passes(&grade_code(
        &exercise(&step("expect.status = 200")),
        LIST
    )));
    let report = grade_code(&exercise(&step("expect.status = 201")), LIST);
    assert_eq!(failures(&report), vec!["status: expected 201, got 200"]);
    assert_eq!(report.status, Status::Fail);
}

#[test]
fn headers_equal_contain_and_are_absent() {
    let ok = step(
        "expect.headers = { x-count = \"2\", content-type = { contains = \"json\" }, set-cookie = { present = false } }",
    );
    assert!(passes(&grade_code(&exercise(&ok), LIST)));
    let bad = step(
        "expect.headers = { x-count = \"3\", content-type = { not_contains = \"json\" }, x-missing = { present = true } }",
    );
    assert_eq!(
        failures(&grade_code(&exercise(&bad), LIST)),
        vec![
            "header content-type does not contain: \"application/json; charset=utf-8\" contains \"json\"",
            "header x-count: expected \"3\", got \"2\"",
            "header x-missing: the response has no x-missing header",
        ]
    );
}

#[test]
fn body_equals_contains_and_not_contains() {
    let body = r#"[{"id":1,"title":"Buy milk","done":0},{"id":2,"title":"Write tests","done":0}]"#;
    let ok = step(&format!(
        "expect.body = '{body}'\nexpect.body_contains = [\"Buy milk\"]\nexpect.body_not_contains = [\"<script>\"]"
    ));
    assert!(passes(&grade_code(&exercise(&ok), LIST)));
    let bad = step(
        "expect.body = 'nothing'\nexpect.body_contains = [\"Eggs\"]\nexpect.body_not_contains = [\"milk\"]",
    );
    let found = failures(&grade_code(&exercise(&bad), LIST));
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found[0].starts_with("body: expected \"nothing\", got \"[{"),
        "{found:?}"
    );
    assert_eq!(
        found[1],
        "body contains: the body does not contain \"Eggs\""
    );
    assert!(
        found[2].starts_with("body does not contain: the body contains \"milk\": …"),
        "{found:?}"
    );
}

#[test]
fn json_equals_names_the_path_that_differs() {
    let ok = step(
        "expect.json = [{ id = 1, title = \"Buy milk\", done = 0 }, { id = 2, title = \"Write tests\", done = 0 }]",
    );
    assert!(passes(&grade_code(&exercise(&ok), LIST)));
    let bad = step(
        "expect.json = [{ id = 1, title = \"Buy eggs\", done = 0 }, { id = 2, title = \"Write tests\" }]",
    );
    assert_eq!(
        failures(&grade_code(&exercise(&bad), LIST)),
        vec![
            "JSON body: [0].title: expected \"Buy eggs\", got \"Buy milk\"",
            "JSON body: [1].done should not be there (it is 0)",
        ]
    );
}

#[test]
fn json_contains_is_a_subset() {
    let ok = step("expect.json_contains = [{ title = \"Write tests\" }]");
    assert!(passes(&grade_code(&exercise(&ok), LIST)));
    let bad = step("expect.json_contains = [{ title = \"Walk the dog\" }]");
    assert_eq!(
        failures(&grade_code(&exercise(&bad), LIST)),
        vec!["JSON body contains: the body has no item like {\"title\":\"Walk the dog\"}"]
    );
}

#[test]
fn json_path_and_types() {
    let ok = step(
        "expect.json_path = { \"[1].title\" = \"Write tests\" }\nexpect.json_types = { \"[0].id\" = \"number\" }",
    );
    assert!(passes(&grade_code(&exercise(&ok), LIST)));
    let bad = step(
        "expect.json_path = { \"[1].title\" = \"Nope\", \"[5].id\" = 1 }\nexpect.json_types = { \"[0].id\" = \"string\" }",
    );
    assert_eq!(
        failures(&grade_code(&exercise(&bad), LIST)),
        vec![
            "JSON at [1].title: [1].title: expected \"Nope\", got \"Write tests\"",
            "JSON at [5].id: [5].id is missing",
            "type of [0].id: [0].id is a number, expected a string",
        ]
    );
}

#[test]
fn a_body_that_is_not_json_fails_the_json_checks_plainly() {
    let report = grade_code(
        &exercise(&step("expect.json = []")),
        "app.get('/todos', (req, res) => res.send('hello'));",
    );
    assert_eq!(
        failures(&report),
        vec!["the body is JSON: the body is not JSON: send it with res.json(...)"]
    );
}

#[test]
fn database_checks_compare_rows_and_counts() {
    let tests = r#"
[[tests]]
name = "add"
[[tests.steps]]
method = "POST"
path = "/todos"
json = { title = "Walk the dog" }
expect.status = 201
[[tests.database]]
query = "SELECT title, done FROM todos"
rows = [["Walk the dog", false], ["Buy milk", 0], ["Write tests", 0]]
[[tests.database]]
query = "SELECT * FROM todos WHERE done"
count = 0
"#;
    let add = r#"app.post("/todos", (req, res) => {
  db.prepare("INSERT INTO todos (title) VALUES (?)").run(req.body.title);
  res.status(201).json({});
});"#;
    assert!(passes(&grade_code(&exercise(tests), add)));
    let wrong = add.replace("(req.body.title)", "(req.body.title.toUpperCase())");
    let report = grade_code(&exercise(tests), &wrong);
    assert_eq!(
        failures(&report),
        vec![
            "database: SELECT title, done FROM todos: missing row [\"Walk the dog\",0]",
            "database: SELECT title, done FROM todos: unexpected row [\"WALK THE DOG\",0]",
        ]
    );
    assert_eq!(
        only(&report).message.as_deref(),
        Some("database: SELECT title, done FROM todos: missing row [\"Walk the dog\",0]")
    );
}

const PAGE: &str = r#"
app.get("/todos", (req, res) => {
  const items = db.prepare("SELECT title FROM todos ORDER BY id").all();
  res.send("<ul class=todos>" + items.map((t) => "<li data-done='no'>" + t.title + "</li>").join("") + "</ul>");
});
"#;

#[test]
fn html_rules_read_the_parsed_page() {
    let pass = step(
        r#"expect.html = [
  { select = "ul.todos > li", count = 2 },
  { select = "li", text = "Write tests", attrs = { data-done = "no" } },
  { select = "script", count = 0 },
]"#,
    );
    assert!(passes(&grade_code(&exercise(&pass), PAGE)));
    let fail = step(r#"expect.html = [{ select = "li", attrs = { data-done = "yes" } }]"#);
    let report = grade_code(&exercise(&fail), PAGE);
    assert_eq!(
        failures(&report),
        vec![
            "HTML li: expected data-done=\"yes\", found data-done=\"no\"",
            "HTML li: (none of the 2 matching elements has it all)"
        ]
    );
}

#[test]
fn an_html_selector_that_does_not_parse_is_refused_at_load() {
    let problems = crate::util::problems(&step(r#"expect.html = [{ select = "li[" }]"#));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("exercises/fixture/exercise.toml:11: test \"list\": expect.html:")
            && problems[0].contains("\"li[\" is not a CSS selector"),
        "{problems:?}"
    );
}

#[test]
fn json_length_counts_the_entries_of_an_array() {
    let pass = step("expect.json_length = { \"\" = 2 }");
    assert!(passes(&grade_code(&exercise(&pass), LIST)));
    let fail = step("expect.json_length = { \"\" = 3, \"[0]\" = 3, \"[0].title\" = 1 }");
    assert_eq!(
        failures(&grade_code(&exercise(&fail), LIST)),
        vec![
            "length of the body: the body has 2 entries, expected 3",
            "length of [0].title: [0].title is a string, not an array",
        ],
        "[0] is an object with three keys, so it passes"
    );
}

#[test]
fn json_checks_on_a_body_that_is_not_json_say_so_once() {
    let tests = step(
        "expect.json = []\nexpect.json_length = { \"\" = 0 }\nexpect.json_types = { \"[0]\" = \"object\" }",
    );
    let report = grade_code(
        &exercise(&tests),
        "app.get('/todos', (req, res) => res.send('<ul></ul>'));",
    );
    assert_eq!(
        failures(&report),
        vec!["the body is JSON: the body is not JSON: send it with res.json(...)"]
    );
}

#[test]
fn a_capture_that_does_not_parse_is_named_at_its_own_line() {
    let problems = crate::util::problems(&step(
        "expect.status = 200\ncapture.id = \"json:[0]..id\"\ncapture.who = \"xml:name\"",
    ));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(
        problems[0].starts_with("exercises/fixture/exercise.toml:12: test \"list\": capture.id:")
            && problems[0].contains("is not a JSON path"),
        "{problems:?}"
    );
    assert!(
        problems[1].starts_with(
            "exercises/fixture/exercise.toml:13: test \"list\": capture.who: cannot capture"
        ),
        "{problems:?}"
    );
}

const ONE_BY_ONE: &str = r#"
app.get("/todos", (req, res) => {
  const ids = db.prepare("SELECT id FROM todos ORDER BY id").all();
  for (let i = 0; i < 20; i++) console.log("flooding the trace ".repeat(100));
  res.json(ids.map(({ id }) => db.prepare("SELECT id, title FROM todos WHERE id = ?").get(id)));
});
"#;

#[test]
fn a_statement_budget_counts_every_statement_and_names_the_repeated_one() {
    let budget = exercise(&step("expect.max_statements = 2"));
    assert!(passes(&grade_code(&budget, LIST)));
    assert_eq!(
        failures(&grade_code(&budget, ONE_BY_ONE)),
        vec![
            "SQL statements: 3 SQL statements ran; at most 2 may",
            "SQL statements: this one ran 2 times: SELECT id, title FROM todos WHERE id = ? (one query per row is the N+1 problem: fetch the rows together with a JOIN or IN (...))"
        ]
    );
    let strict = exercise(&step("expect.max_statements = 0"));
    assert_eq!(grade_code(&strict, LIST).status, Status::Fail);
}

#[test]
fn a_negative_statement_budget_is_a_problem_at_load() {
    let problems = crate::util::problems(&step("expect.max_statements = -1"));
    assert_eq!(
        problems,
        vec![
            "exercises/fixture/exercise.toml:11: test \"list\": expect.max_statements = -1 must be a whole number, 0 or more"
        ]
    );
}
