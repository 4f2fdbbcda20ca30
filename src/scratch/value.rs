//! One SQLite value as Backlab moves it around: bound as a parameter, read
//! from a row, shown in a trace as JSON.

use rusqlite::ToSql;
use rusqlite::types::{ToSqlOutput, ValueRef};
use serde::{Serialize, Serializer};

/// A value SQLite can store.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl SqlValue {
    pub fn from_ref(value: ValueRef<'_>) -> Self {
        match value {
            ValueRef::Null => Self::Null,
            ValueRef::Integer(i) => Self::Integer(i),
            ValueRef::Real(f) => Self::Real(f),
            ValueRef::Text(t) => Self::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Self::Blob(b.to_vec()),
        }
    }

    /// The value as a table view shows it: long text and blobs cut short.
    pub fn preview(&self) -> Self {
        const TEXT: usize = 256;
        const BLOB: usize = 64;
        match self {
            Self::Text(t) if t.len() > TEXT => {
                let mut end = TEXT;
                while !t.is_char_boundary(end) {
                    end -= 1;
                }
                Self::Text(format!("{}… ({} bytes in all)", &t[..end], t.len()))
            }
            Self::Blob(b) if b.len() > BLOB => Self::Blob(b[..BLOB].to_vec()),
            other => other.clone(),
        }
    }

    /// About how many bytes the value takes.
    pub fn size(&self) -> usize {
        match self {
            Self::Text(t) => t.len() + 2,
            Self::Blob(b) => 2 * b.len() + 12,
            _ => 8,
        }
    }

    /// The value as JSON: blobs become `{"blob": "<hex>"}`.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Self::Null => serde_json::Value::Null,
            Self::Integer(i) => (*i).into(),
            Self::Real(f) => {
                serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, Into::into)
            }
            Self::Text(t) => t.clone().into(),
            Self::Blob(b) => serde_json::json!({ "blob": hex(b) }),
        }
    }
}

impl ToSql for SqlValue {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Self::Null => ValueRef::Null,
            Self::Integer(i) => ValueRef::Integer(*i),
            Self::Real(f) => ValueRef::Real(*f),
            Self::Text(t) => ValueRef::Text(t.as_bytes()),
            Self::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

impl Serialize for SqlValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(serializer)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_become_json() {
        assert_eq!(SqlValue::Integer(3).to_json(), serde_json::json!(3));
        assert_eq!(SqlValue::Text("a".into()).to_json(), serde_json::json!("a"));
        assert_eq!(
            SqlValue::Blob(vec![1, 255]).to_json(),
            serde_json::json!({"blob": "01ff"})
        );
        assert_eq!(SqlValue::Real(f64::NAN).to_json(), serde_json::Value::Null);
    }
}
