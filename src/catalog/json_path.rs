//! Paths into a JSON value as authors write them and reports show them:
//! `user.name`, `items[0].id`, `[2]`. One syntax for tests, captures and
//! the differences a report prints.

use std::fmt;

use serde_json::Value;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A parsed path; the empty path is the whole value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JsonPath(pub Vec<Segment>);

impl JsonPath {
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "{text:?} is not a JSON path; write keys with dots and indexes in brackets, like `items[0].title`"
            )
        };
        let mut segments = Vec::new();
        for part in text.split('.') {
            let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
            if key.contains(']') {
                return Err(bad());
            }
            if !key.is_empty() {
                segments.push(Segment::Key(key.to_string()));
            } else if rest.is_empty() && !text.is_empty() {
                return Err(bad());
            }
            while let Some(inner) = rest.strip_prefix('[') {
                let close = inner.find(']').ok_or_else(bad)?;
                let index = inner[..close].trim().parse().map_err(|_| bad())?;
                segments.push(Segment::Index(index));
                rest = &inner[close + 1..];
            }
            if !rest.is_empty() {
                return Err(bad());
            }
        }
        Ok(Self(segments))
    }

    /// The value at this path, if there is one.
    pub fn get<'a>(&self, value: &'a Value) -> Option<&'a Value> {
        self.0.iter().try_fold(value, |v, segment| match segment {
            Segment::Key(key) => v.get(key),
            Segment::Index(i) => v.get(i),
        })
    }

    pub fn key(&self, key: &str) -> Self {
        let mut path = self.clone();
        path.0.push(Segment::Key(key.to_string()));
        path
    }

    pub fn index(&self, index: usize) -> Self {
        let mut path = self.clone();
        path.0.push(Segment::Index(index));
        path
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("the body");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn paths_parse_and_print_the_same() {
        for text in ["user.name", "items[0].id", "[2]", "a[1][2].b"] {
            assert_eq!(JsonPath::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn bad_paths_are_refused() {
        for text in ["a..b", "a[x]", "a[1", "a]"] {
            assert!(JsonPath::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn values_are_found() {
        let value = json!({"items": [{"id": 7}], "user": {"name": "Ada"}});
        let at = |p: &str| JsonPath::parse(p).unwrap().get(&value).cloned();
        assert_eq!(at("items[0].id"), Some(json!(7)));
        assert_eq!(at("user.name"), Some(json!("Ada")));
        assert_eq!(at("user.age"), None);
        assert_eq!(at("items[3]"), None);
    }
}
