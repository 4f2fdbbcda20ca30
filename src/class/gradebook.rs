//! The gradebook: for every assignment, every learner and exercise, whether
//! they passed, on time or late, in how many attempts, and which version of
//! the exercise graded it. Exported as CSV (for a spreadsheet) and JSON.

use serde::Serialize;

use super::ClassStore;
use super::accounts::Role;
use super::assignments::utc;
use super::db::DbError;

#[derive(Debug, Clone, Serialize)]
pub struct Line {
    pub assignment: String,
    pub due: String,
    pub learner: String,
    pub email: String,
    pub exercise: String,
    /// `passed`, `passed late`, `not passed` or `not attempted`.
    pub status: &'static str,
    pub attempts: i64,
    /// Tests passed in the best submission, of `total`.
    pub best: i64,
    pub total: i64,
    pub first_passed: Option<String>,
    pub last_submitted: Option<String>,
    /// The content hash of the exercise that graded the submission that
    /// counts (the first pass, or else the latest try).
    pub exercise_version: Option<String>,
    /// Whether that is the exercise as it is now.
    pub current_version: Option<bool>,
}

impl ClassStore {
    /// `current` gives an exercise's content hash as the course has it now.
    pub fn gradebook(
        &self,
        current: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Vec<Line>, DbError> {
        let members = self.members()?;
        let cells = self.cells()?;
        let mut lines = Vec::new();
        for assignment in self.assignments()? {
            for learner in members.iter().filter(|m| m.role == Role::Learner) {
                for exercise in &assignment.exercises {
                    let cell = cells
                        .iter()
                        .find(|c| c.user == learner.id && &c.exercise == exercise);
                    let counted = cell
                        .map(|c| self.counted_version(c.user, exercise))
                        .transpose()?
                        .flatten();
                    let status = match cell {
                        None => "not attempted",
                        Some(c) => match c.passed_at {
                            Some(at) if at <= assignment.due_at => "passed",
                            Some(_) => "passed late",
                            None => "not passed",
                        },
                    };
                    lines.push(Line {
                        assignment: assignment.title.clone(),
                        due: assignment.due_utc.clone(),
                        learner: learner.name.clone(),
                        email: learner.email.clone(),
                        exercise: exercise.clone(),
                        status,
                        attempts: cell.map_or(0, |c| c.attempts),
                        best: cell.map_or(0, |c| c.best),
                        total: cell.map_or(0, |c| c.total),
                        first_passed: cell.and_then(|c| c.passed_at).map(utc),
                        last_submitted: cell.map(|c| utc(c.last_at)),
                        current_version: counted
                            .as_ref()
                            .map(|v| current(exercise).as_ref() == Some(v)),
                        exercise_version: counted,
                    });
                }
            }
        }
        Ok(lines)
    }

    /// The exercise hash of the submission that counts.
    fn counted_version(&self, user: i64, exercise: &str) -> Result<Option<String>, DbError> {
        self.db.tx(|tx| {
            Ok(tx
                .one(
                    "SELECT exercise_hash FROM submissions WHERE user_id = $1 AND exercise = $2
                     ORDER BY CASE WHEN status = 'pass' THEN 0 ELSE 1 END,
                              CASE WHEN status = 'pass' THEN id ELSE -id END
                     LIMIT 1",
                    &[user.into(), exercise.into()],
                )?
                .map(|r| r.text(0)))
        })
    }
}

/// The gradebook as CSV, a header row first. Cells that a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@`) are quoted with a `'`.
pub fn csv(lines: &[Line]) -> String {
    let mut out = String::from(
        "assignment,due,learner,email,exercise,status,attempts,best,total,first_passed,last_submitted,exercise_version,current_version\n",
    );
    for l in lines {
        let fields = [
            l.assignment.clone(),
            l.due.clone(),
            l.learner.clone(),
            l.email.clone(),
            l.exercise.clone(),
            l.status.to_string(),
            l.attempts.to_string(),
            l.best.to_string(),
            l.total.to_string(),
            l.first_passed.clone().unwrap_or_default(),
            l.last_submitted.clone().unwrap_or_default(),
            l.exercise_version.clone().unwrap_or_default(),
            l.current_version
                .map(|c| if c { "yes" } else { "no" })
                .unwrap_or_default()
                .to_string(),
        ];
        let cells: Vec<String> = fields.iter().map(|f| cell(f)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("Ada"), "Ada");
        assert_eq!(cell("Lovelace, Ada"), "\"Lovelace, Ada\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
