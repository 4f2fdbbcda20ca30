//! The cookies of one test: what the app sets with `Set-Cookie` is sent back
//! on the next step, as a browser would, so login flows can be tested. A
//! cookie expires on grading's clock, so a step with `advance = "31m"` no
//! longer sends a cookie set with `Max-Age=1800`.

use cookie::Cookie;

use crate::sandbox::HttpResponse;

/// One stored cookie; `expires_ms` on grading's clock (ms since 1970).
#[derive(Debug, Clone, PartialEq)]
struct Stored {
    name: String,
    value: String,
    expires_ms: Option<i128>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CookieJar {
    cookies: Vec<Stored>,
}

impl CookieJar {
    /// Takes every `Set-Cookie` of a response received at `now_ms`: sets,
    /// replaces or deletes. A header that does not parse is ignored, as a
    /// browser ignores it.
    pub fn store(&mut self, response: &HttpResponse, now_ms: u64) {
        for (name, value) in &response.headers {
            if name.eq_ignore_ascii_case("set-cookie")
                && let Ok(cookie) = Cookie::parse(value.as_str())
            {
                self.set(&cookie, i128::from(now_ms));
            }
        }
    }

    fn set(&mut self, cookie: &Cookie, now_ms: i128) {
        // Max-Age wins over Expires (RFC 6265, 5.3).
        let expires_ms = match (cookie.max_age(), cookie.expires_datetime()) {
            (Some(age), _) => Some(now_ms + i128::from(age.whole_milliseconds().max(0) as i64)),
            (None, Some(at)) => Some(at.unix_timestamp_nanos() / 1_000_000),
            (None, None) => None,
        };
        self.cookies.retain(|c| c.name != cookie.name());
        if expires_ms.is_none_or(|at| at > now_ms) {
            self.cookies.push(Stored {
                name: cookie.name().to_string(),
                value: cookie.value().to_string(),
                expires_ms,
            });
        }
    }

    /// The cookies still alive at `now_ms`.
    fn alive(&self, now_ms: u64) -> impl Iterator<Item = &Stored> {
        let now = i128::from(now_ms);
        self.cookies
            .iter()
            .filter(move |c| c.expires_ms.is_none_or(|at| at > now))
    }

    /// The `Cookie` header to send at `now_ms`, if any cookie is alive.
    pub fn header(&self, now_ms: u64) -> Option<String> {
        let pairs: Vec<String> = self
            .alive(now_ms)
            .map(|c| format!("{}={}", c.name, c.value))
            .collect();
        (!pairs.is_empty()).then(|| pairs.join("; "))
    }

    /// A cookie's value, alive or not (a capture reads what was just set).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.cookies
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.value.as_str())
    }

    /// The cookies alive at `now_ms`, as name and value.
    pub fn iter(&self, now_ms: u64) -> impl Iterator<Item = (&str, &str)> {
        self.alive(now_ms)
            .map(|c| (c.name.as_str(), c.value.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sandbox::clock::FIXED_START_MS;

    const NOW: u64 = FIXED_START_MS;

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
        jar.store(&response(&["sid=abc; Path=/; HttpOnly", "theme=dark"]), NOW);
        jar.store(&response(&["sid=xyz; Path=/"]), NOW);
        assert_eq!(jar.header(NOW).as_deref(), Some("theme=dark; sid=xyz"));
    }

    #[test]
    fn expired_cookies_are_deleted() {
        let mut jar = CookieJar::default();
        jar.store(&response(&["sid=abc", "theme=dark"]), NOW);
        jar.store(
            &response(&[
                "sid=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
                "theme=dark; Max-Age=0",
            ]),
            NOW,
        );
        assert_eq!(jar.header(NOW), None);
    }

    #[test]
    fn cookies_expire_on_the_grading_clock() {
        let mut jar = CookieJar::default();
        jar.store(
            &response(&[
                "sid=abc; Max-Age=1800",
                "until=x; Expires=Thu, 01 Jan 2026 10:00:00 GMT",
                "forever=y",
            ]),
            NOW,
        );
        assert_eq!(
            jar.header(NOW + 29 * 60_000).as_deref(),
            Some("sid=abc; until=x; forever=y")
        );
        assert_eq!(
            jar.header(NOW + 31 * 60_000).as_deref(),
            Some("until=x; forever=y")
        );
        assert_eq!(jar.header(NOW + 61 * 60_000).as_deref(), Some("forever=y"));
    }

    #[test]
    fn a_header_that_does_not_parse_is_ignored() {
        let mut jar = CookieJar::default();
        jar.store(&response(&["no equals sign", "ok=1"]), NOW);
        assert_eq!(jar.header(NOW).as_deref(), Some("ok=1"));
    }
}
