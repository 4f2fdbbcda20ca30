//! Short copies of SQL values and statements for the trace, so that what
//! the host keeps of a run stays small whatever the program stores.

use crate::backlab::sandbox::types::Value;

/// Bytes of a text value the trace keeps.
const TEXT_BYTES: usize = 256;
/// Bytes of a blob the trace keeps.
const BLOB_BYTES: usize = 64;
/// Bytes of a statement's text the trace keeps.
pub const SQL_BYTES: usize = 64 << 10;
/// Rows of a query the trace keeps; the count is always exact.
pub const ROWS_SHOWN: usize = 20;

/// `value`, with long text and blobs cut short (text says how long it was).
pub fn value(value: &Value) -> Value {
    match value {
        Value::Text(t) if t.len() > TEXT_BYTES => Value::Text(cut(t, TEXT_BYTES)),
        Value::Blob(b) if b.len() > BLOB_BYTES => Value::Blob(b[..BLOB_BYTES].to_vec()),
        other => other.clone(),
    }
}

/// `text` cut at `max` bytes (on a character boundary), saying so.
pub fn cut(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes in all)", &text[..end], text.len())
}
