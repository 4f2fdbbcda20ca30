use std::time::Duration;

use super::*;

fn template() -> Template {
    Template::build(
        "CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL UNIQUE, done INTEGER NOT NULL DEFAULT 0);",
        "INSERT INTO todos (title) VALUES ('milk'), ('bread');",
        ("schema.sql", "seed.sql"),
    )
    .unwrap()
}

fn snapshot(db: &Scratch) -> Snapshot {
    db.snapshot(Duration::from_secs(2)).unwrap()
}

fn first_value(db: &Scratch, sql: &str) -> SqlValue {
    let found = snapshot(db).query(sql, Caps::CHECK).unwrap();
    found.rows[0][0].clone()
}

#[test]
fn fresh_copies_do_not_share_changes() {
    let template = Template::build(
        "CREATE TABLE t (x);",
        "INSERT INTO t VALUES (1);",
        ("s", "d"),
    )
    .unwrap();
    let first = template.fresh_with("INSERT INTO t VALUES (2)").unwrap();
    assert_eq!(
        first_value(&first, "SELECT count(*) FROM t"),
        SqlValue::Integer(2)
    );
    let second = template.fresh();
    assert_eq!(
        first_value(&second, "SELECT count(*) FROM t"),
        SqlValue::Integer(1)
    );
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
fn an_error_inside_a_long_statement_names_the_line_of_the_error() {
    let err = Template::build(
        "CREATE TABLE t (\n  x INTEGER,\n  y TEXT\n);",
        "INSERT INTO t (x, y)\nVALUES\n  (1, 'a'),\n  (2, nope);",
        ("schema.sql", "seed.sql"),
    )
    .err()
    .unwrap();
    assert_eq!(err.to_string(), "seed.sql:4: no such column: nope");
    let err = Template::build(
        "CREATE TABLE t (\n  x INTEGER,\n  y TEXT NOT NOT NULL\n);",
        "",
        ("schema.sql", "seed.sql"),
    )
    .err()
    .unwrap();
    assert_eq!(err.to_string(), "schema.sql:3: near \"NOT\": syntax error");
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
    let db = template.fresh();
    assert_eq!(first_value(&db, "SELECT x FROM log"), SqlValue::Integer(7));
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
fn the_template_knows_its_tables() {
    assert_eq!(template().tables(), ["todos".to_string()]);
}

#[test]
fn a_failing_setup_is_reported() {
    let err = template()
        .fresh_with("INSERT INTO nope VALUES (1)")
        .err()
        .unwrap();
    assert_eq!(err, "no such table: nope");
}

#[test]
fn a_snapshot_cannot_be_written() {
    let db = template().fresh();
    let err = snapshot(&db)
        .query("DELETE FROM todos RETURNING id", Caps::CHECK)
        .unwrap_err();
    assert!(
        matches!(&err, CheckError::Sql(m) if m.contains("readonly")),
        "{err:?}"
    );
}

#[test]
fn a_snapshot_query_is_cut_at_its_caps() {
    let db = template().fresh();
    let sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n";
    let found = snapshot(&db)
        .query(
            sql,
            Caps {
                rows: 5,
                bytes: 1 << 20,
            },
        )
        .unwrap();
    assert_eq!(found.rows.len(), 5);
    assert!(found.cut);
    let wide = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT zeroblob(4096) FROM n";
    let found = snapshot(&db)
        .query(
            wide,
            Caps {
                rows: 1000,
                bytes: 64 << 10,
            },
        )
        .unwrap();
    assert!(
        found.cut && found.rows.len() < 10,
        "{} rows",
        found.rows.len()
    );
}

#[test]
fn a_runaway_check_is_stopped_at_its_deadline() {
    let db = template().fresh();
    let snapshot = db.snapshot(Duration::from_millis(50)).unwrap();
    let sql =
        "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";
    assert_eq!(
        snapshot.query(sql, Caps::CHECK),
        Err(CheckError::TimedOut(Duration::from_millis(50)))
    );
}

#[test]
fn a_table_replaced_by_a_view_is_found() {
    let db = template()
        .fresh_with("ALTER TABLE todos RENAME TO old_todos; CREATE VIEW todos AS SELECT * FROM old_todos WHERE 0;")
        .unwrap();
    let replaced = snapshot(&db)
        .replaced_tables(&["todos".to_string()])
        .unwrap();
    assert_eq!(replaced, vec![("todos".to_string(), "view".to_string())]);
    let rebuilt = template()
        .fresh_with("CREATE TABLE t2 (id INTEGER PRIMARY KEY, title TEXT); DROP TABLE todos; ALTER TABLE t2 RENAME TO todos;")
        .unwrap();
    assert!(
        snapshot(&rebuilt)
            .replaced_tables(&["todos".to_string()])
            .unwrap()
            .is_empty()
    );
}
