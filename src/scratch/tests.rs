use std::time::{Duration, Instant};

use super::*;

fn todos() -> Scratch {
    Template::build(
        "CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE, done INTEGER NOT NULL DEFAULT 0);",
        "INSERT INTO todos (title) VALUES ('milk'), ('bread');",
        ("schema.sql", "seed.sql"),
    )
    .unwrap()
    .fresh(256)
    .unwrap()
}

fn none() -> Params {
    Params::Positional(vec![])
}

fn sql_message(result: Result<impl std::fmt::Debug, SqlFailure>) -> String {
    match result {
        Err(SqlFailure::Sql { message, .. }) => message,
        other => panic!("expected an SQL error, got {other:?}"),
    }
}

#[test]
fn fresh_copies_do_not_share_changes() {
    let template = Template::build(
        "CREATE TABLE t (x);",
        "INSERT INTO t VALUES (1);",
        ("s", "d"),
    )
    .unwrap();
    let first = template.fresh(256).unwrap();
    first.exec("INSERT INTO t VALUES (2)").unwrap();
    let second = template.fresh(256).unwrap();
    let rows = second
        .query("SELECT count(*) AS n FROM t", &none(), 10, false)
        .unwrap();
    assert_eq!(rows.rows, vec![vec![SqlValue::Integer(1)]]);
}

#[test]
fn template_errors_name_the_file_and_line() {
    let err = Template::build(
        "CREATE TABLE t (x);",
        "INSERT INTO t VALUES (1);\n-- two\nINSERT INTO nope\n  VALUES (1);",
        ("schema.sql", "seed.sql"),
    )
    .err()
    .unwrap();
    assert_eq!(err.to_string(), "seed.sql:3: no such table: nope");
}

#[test]
fn triggers_with_semicolons_inside_build() {
    let schema = "CREATE TABLE t (x);\nCREATE TABLE log (x);\nCREATE TRIGGER keep AFTER INSERT ON t BEGIN\n  INSERT INTO log VALUES (new.x);\nEND;";
    let template = Template::build(
        schema,
        "INSERT INTO t VALUES (7);",
        ("schema.sql", "seed.sql"),
    )
    .expect("the trigger is one statement");
    let db = template.fresh(100).unwrap();
    let rows = db
        .query("SELECT x FROM log", &Params::Positional(vec![]), 10, false)
        .unwrap();
    assert_eq!(rows.rows, vec![vec![SqlValue::Integer(7)]]);
}

#[test]
fn an_unfinished_statement_is_named() {
    let err = Template::build(
        "CREATE TABLE t (x);\n\nCREATE TRIGGER k AFTER INSERT ON t BEGIN SELECT 1;",
        "",
        ("schema.sql", "seed.sql"),
    )
    .err()
    .unwrap();
    assert_eq!(
        err.to_string(),
        "schema.sql:3: this statement is not finished (a missing END or closing quote?)"
    );
}

#[test]
fn positional_and_named_parameters_bind() {
    let db = todos();
    let by_position = db
        .query(
            "SELECT title FROM todos WHERE id = ?",
            &Params::Positional(vec![SqlValue::Integer(2)]),
            10,
            false,
        )
        .unwrap();
    assert_eq!(by_position.rows, vec![vec![SqlValue::Text("bread".into())]]);
    let named = Params::Named(vec![("title".into(), SqlValue::Text("eggs".into()))]);
    let changes = db
        .run("INSERT INTO todos (title) VALUES (@title)", &named)
        .unwrap();
    assert_eq!(
        changes,
        Changes {
            changes: 1,
            last_insert_rowid: 3
        }
    );
}

#[test]
fn wrong_parameter_count_is_explained() {
    let message =
        sql_message(todos().query("SELECT * FROM todos WHERE id = ?", &none(), 10, false));
    assert_eq!(
        message,
        "this statement has 1 placeholder(s) but was given 0 value(s)"
    );
}

#[test]
fn constraint_errors_keep_their_code() {
    let db = todos();
    let err = db
        .run("INSERT INTO todos (title) VALUES ('milk')", &none())
        .unwrap_err();
    assert_eq!(
        err,
        SqlFailure::Sql {
            message: "UNIQUE constraint failed: todos.title".into(),
            code: "SQLITE_CONSTRAINT_UNIQUE".into()
        }
    );
}

#[test]
fn attach_is_refused() {
    let message = sql_message(todos().exec("ATTACH DATABASE '/tmp/backlab-attach.db' AS other"));
    assert_eq!(
        message,
        "ATTACH is not allowed here: each exercise works on its own single database"
    );
}

#[test]
fn vacuum_into_cannot_write_a_file() {
    let path = std::env::temp_dir().join(format!("backlab-vacuum-{}.db", std::process::id()));
    let result = todos().exec(&format!("VACUUM INTO '{}'", path.display()));
    assert!(result.is_err(), "VACUUM INTO ran");
    assert!(!path.exists(), "VACUUM INTO wrote {}", path.display());
}

#[test]
fn load_extension_is_refused() {
    let message =
        sql_message(todos().query("SELECT load_extension('/tmp/evil.so')", &none(), 10, false));
    assert_eq!(
        message,
        "load_extension() is not allowed here: the sandbox cannot load code into SQLite"
    );
}

#[test]
fn writable_schema_is_refused() {
    let message = sql_message(todos().exec("PRAGMA writable_schema = ON"));
    assert!(
        message.starts_with("PRAGMA writable_schema is not allowed here"),
        "{message}"
    );
}

#[test]
fn schema_pragmas_are_allowed() {
    let rows = todos()
        .query("PRAGMA table_info(todos)", &none(), 10, false)
        .unwrap();
    assert_eq!(rows.rows.len(), 3);
}

#[test]
fn too_many_rows_stops_the_query() {
    let sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n";
    assert_eq!(
        todos().query(sql, &none(), 50, false),
        Err(SqlFailure::TooManyRows { limit: 50 })
    );
}

#[test]
fn first_only_reads_one_row_past_the_cap() {
    let sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n";
    let rows = todos().query(sql, &none(), 5, true).unwrap();
    assert_eq!(rows.rows, vec![vec![SqlValue::Integer(1)]]);
}

#[test]
fn a_runaway_query_is_interrupted_at_the_deadline() {
    let db = todos();
    db.set_deadline(Some(Instant::now() + Duration::from_millis(50)));
    let sql =
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";
    assert_eq!(
        db.query(sql, &none(), 10, false),
        Err(SqlFailure::Interrupted)
    );
}

#[test]
fn the_database_cannot_grow_past_its_page_cap() {
    let db = todos();
    db.exec("CREATE TABLE blobs (b BLOB)").unwrap();
    let err = db
        .exec("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000) INSERT INTO blobs SELECT randomblob(8192) FROM n")
        .unwrap_err();
    assert_eq!(
        err,
        SqlFailure::Sql {
            message:
                "database or disk is full: this exercise's database has reached its size limit"
                    .into(),
            code: "SQLITE_FULL".into()
        }
    );
}

#[test]
fn an_open_transaction_is_rolled_back() {
    let db = todos();
    db.exec("BEGIN; DELETE FROM todos;").unwrap();
    assert!(db.end_open_transaction());
    let rows = db
        .query("SELECT count(*) FROM todos", &none(), 10, false)
        .unwrap();
    assert_eq!(rows.rows, vec![vec![SqlValue::Integer(2)]]);
}
