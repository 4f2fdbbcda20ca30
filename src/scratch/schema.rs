//! The shape of a database for the learner's schema tab: each table with its
//! columns and the tables it points at. Read from SQLite itself, so it is
//! exactly what the learner's code will meet.

use rusqlite::Connection;
use serde::Serialize;

/// One table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableSchema {
    pub name: String,
    pub columns: Vec<ColumnSchema>,
    /// The `CREATE TABLE` statement as the author wrote it.
    pub sql: String,
}

/// One column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnSchema {
    pub name: String,
    /// The declared type, e.g. `INTEGER`; empty when none was given.
    #[serde(rename = "type")]
    pub declared: String,
    pub not_null: bool,
    pub primary_key: bool,
    /// `table.column` when the column is a foreign key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub references: Option<String>,
}

/// Every user table, in name order.
pub fn read(conn: &Connection) -> rusqlite::Result<Vec<TableSchema>> {
    let mut statement = conn.prepare(
        "SELECT name, sql FROM sqlite_schema \
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let tables: Vec<(String, String)> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    tables
        .into_iter()
        .map(|(name, sql)| {
            Ok(TableSchema {
                columns: columns(conn, &name)?,
                name,
                sql,
            })
        })
        .collect()
}

fn columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<ColumnSchema>> {
    let mut keys = conn.prepare(
        "SELECT \"from\", \"table\", coalesce(\"to\", '') FROM pragma_foreign_key_list(?1)",
    )?;
    let foreign: Vec<(String, String)> = keys
        .query_map([table], |r| {
            let to: String = r.get(2)?;
            let target: String = r.get(1)?;
            let shown = if to.is_empty() {
                target
            } else {
                format!("{target}.{to}")
            };
            Ok((r.get(0)?, shown))
        })?
        .collect::<Result<_, _>>()?;
    let mut info = conn.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1)")?;
    info.query_map([table], |r| {
        let name: String = r.get(0)?;
        let references = foreign
            .iter()
            .find(|(from, _)| *from == name)
            .map(|(_, to)| to.clone());
        Ok(ColumnSchema {
            declared: r.get(1)?,
            not_null: r.get::<_, i64>(2)? != 0,
            primary_key: r.get::<_, i64>(3)? != 0,
            references,
            name,
        })
    })?
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_columns_keys_and_references() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
             CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users(id), body);",
        )
        .unwrap();
        let tables = read(&conn).unwrap();
        assert_eq!(
            tables.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
            ["notes", "users"]
        );
        let notes = &tables[0];
        assert_eq!(notes.columns[1].references.as_deref(), Some("users.id"));
        assert_eq!(notes.columns[2].declared, "");
        let users = &tables[1];
        assert!(users.columns[0].primary_key);
        assert!(users.columns[1].not_null);
        assert_eq!(users.columns[1].declared, "TEXT");
        assert!(users.sql.starts_with("CREATE TABLE users"));
    }
}
