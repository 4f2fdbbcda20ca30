//! Assignments: a titled set of exercises with a due date. A submission
//! after the due date still counts, marked late.

use serde::Serialize;

use super::ClassStore;
use super::accounts::now;
use super::db::DbError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assignment {
    pub id: i64,
    pub title: String,
    /// Unix seconds.
    pub due_at: i64,
    /// `due_at` as UTC, `2026-12-10T17:00:00Z`.
    pub due_utc: String,
    pub exercises: Vec<String>,
    pub past_due: bool,
}

impl ClassStore {
    pub fn add_assignment(
        &self,
        title: &str,
        due_at: i64,
        exercises: &[String],
    ) -> Result<i64, DbError> {
        self.db.tx(|tx| {
            let id = tx
                .one(
                    "INSERT INTO assignments (title, due_at, created_at) VALUES ($1, $2, $3)
                     RETURNING id",
                    &[title.into(), due_at.into(), now().into()],
                )?
                .map_or(0, |r| r.int(0));
            for (position, exercise) in exercises.iter().enumerate() {
                tx.execute(
                    "INSERT INTO assignment_exercises (assignment_id, exercise, position)
                     VALUES ($1, $2, $3) ON CONFLICT (assignment_id, exercise) DO NOTHING",
                    &[
                        id.into(),
                        exercise.as_str().into(),
                        (position as i64).into(),
                    ],
                )?;
            }
            Ok(id)
        })
    }

    pub fn remove_assignment(&self, id: i64) -> Result<bool, DbError> {
        self.db.tx(|tx| {
            tx.execute(
                "DELETE FROM assignment_exercises WHERE assignment_id = $1",
                &[id.into()],
            )?;
            Ok(tx.execute("DELETE FROM assignments WHERE id = $1", &[id.into()])? > 0)
        })
    }

    /// Every assignment, soonest due first.
    pub fn assignments(&self) -> Result<Vec<Assignment>, DbError> {
        let (heads, items) = self.db.tx(|tx| {
            let heads = tx.query(
                "SELECT id, title, due_at FROM assignments ORDER BY due_at, id",
                &[],
            )?;
            let items = tx.query(
                "SELECT assignment_id, exercise FROM assignment_exercises
                 ORDER BY assignment_id, position",
                &[],
            )?;
            Ok((heads, items))
        })?;
        let at = now();
        Ok(heads
            .iter()
            .map(|h| {
                let id = h.int(0);
                let due_at = h.int(2);
                Assignment {
                    id,
                    title: h.text(1),
                    due_at,
                    due_utc: utc(due_at),
                    exercises: items
                        .iter()
                        .filter(|i| i.int(0) == id)
                        .map(|i| i.text(1))
                        .collect(),
                    past_due: due_at < at,
                }
            })
            .collect())
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Unix seconds as an ISO 8601 UTC time.
pub fn utc(seconds: i64) -> String {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    let rest = seconds.rem_euclid(86_400);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Reads `2026-12-10T17:00` (a form's date and time, taken as UTC) or the
/// same with seconds and a `Z`.
pub fn parse_utc(text: &str) -> Option<i64> {
    let text = text.trim().trim_end_matches('Z');
    let (date, time) = text.split_once('T').unwrap_or((text, "00:00"));
    let mut d = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.splitn(3, ':').map(|p| p.parse::<i64>().ok());
    let (hour, minute) = (t.next()??, t.next()??);
    let second = match t.next() {
        None => 0,
        Some(second) => second?,
    };
    let valid = (1970..=9999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (0..24).contains(&hour)
        && (0..60).contains(&minute)
        && (0..60).contains(&second);
    let days = days_from_civil(year, month, day);
    // 2026-02-31 is refused: it does not come back as itself.
    (valid && civil_from_days(days) == (year, month, day))
        .then(|| days * 86_400 + hour * 3600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_and_print_as_utc() {
        assert_eq!(utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(parse_utc("2026-12-10T17:00"), Some(1_796_922_000));
        assert_eq!(parse_utc("2026-12-10T17:00:xx"), None);
        assert_eq!(parse_utc("99999999999-01-01T00:00"), None);
        assert_eq!(utc(1_796_922_000), "2026-12-10T17:00:00Z");
        assert_eq!(
            parse_utc("2024-02-29T23:59:59Z").map(utc).as_deref(),
            Some("2024-02-29T23:59:59Z")
        );
        assert_eq!(parse_utc("2026-02-31T10:00"), None);
        assert_eq!(parse_utc("tomorrow"), None);
        assert_eq!(parse_utc("2026-12-10T24:00"), None);
    }
}
