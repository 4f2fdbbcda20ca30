//! The cookies of one test: what the app sets with `Set-Cookie` is sent back
//! on the next step, as a browser would, so login flows can be tested.

use crate::sandbox::HttpResponse;

/// Grading runs on a fixed clock that starts in 2026; a cookie that
/// expires before it is gone.
const CLOCK_YEAR: u32 = 2026;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CookieJar {
    cookies: Vec<(String, String)>,
}

impl CookieJar {
    /// Takes every `Set-Cookie` of a response: sets, replaces or deletes.
    pub fn store(&mut self, response: &HttpResponse) {
        for (name, value) in &response.headers {
            if name.eq_ignore_ascii_case("set-cookie") {
                self.set(value);
            }
        }
    }

    fn set(&mut self, header: &str) {
        let mut parts = header.split(';');
        let Some((name, value)) = parts.next().and_then(|p| p.split_once('=')) else {
            return;
        };
        let (name, value) = (name.trim().to_string(), value.trim().to_string());
        let expired = parts.any(|attribute| is_expiry_in_the_past(attribute.trim()));
        self.cookies.retain(|(n, _)| *n != name);
        if !expired {
            self.cookies.push((name, value));
        }
    }

    /// The `Cookie` header to send, if there is any cookie.
    pub fn header(&self) -> Option<String> {
        (!self.cookies.is_empty()).then(|| {
            self.cookies
                .iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.cookies
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.cookies.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

fn is_expiry_in_the_past(attribute: &str) -> bool {
    let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
    if key.eq_ignore_ascii_case("max-age") {
        return value.trim().parse::<i64>().is_ok_and(|age| age <= 0);
    }
    if key.eq_ignore_ascii_case("expires") {
        // An HTTP date: `Thu, 01 Jan 1970 00:00:00 GMT`; the year is enough.
        return value
            .split_whitespace()
            .find_map(|word| word.parse::<u32>().ok().filter(|n| *n > 1000))
            .is_some_and(|year| year < CLOCK_YEAR);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(cookies: &[&str]) -> HttpResponse {
        HttpResponse {
            status: 200,
            headers: cookies
                .iter()
                .map(|c| ("Set-Cookie".into(), c.to_string()))
                .collect(),
            body: String::new(),
        }
    }

    #[test]
    fn cookies_are_set_replaced_and_sent_back() {
        let mut jar = CookieJar::default();
        jar.store(&response(&["sid=abc; Path=/; HttpOnly", "theme=dark"]));
        jar.store(&response(&["sid=xyz; Path=/"]));
        assert_eq!(jar.header().as_deref(), Some("theme=dark; sid=xyz"));
    }

    #[test]
    fn expired_cookies_are_deleted() {
        let mut jar = CookieJar::default();
        jar.store(&response(&["sid=abc", "theme=dark"]));
        jar.store(&response(&[
            "sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
            "theme=dark; Max-Age=0",
        ]));
        assert_eq!(jar.header(), None);
    }
}
