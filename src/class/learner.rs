//! One learner's data inside the class store: the same questions the
//! personal progress file answers, always limited to this learner's rows.

use std::sync::Arc;

use super::ClassStore;
use super::accounts::now;
use super::db::{Row, Tx, Value};
use crate::catalog::Exercise;
use crate::grader::{Report, Status};
use crate::store::{Draft, LearnerData, Progress, StoreError, Submission, SubmissionSummary};

/// A learner of the class (an instructor is one too, on the learner pages).
#[derive(Clone)]
pub struct ClassLearner {
    pub store: Arc<ClassStore>,
    pub user: i64,
}

const SUMMARY: &str = "id, ROW_NUMBER() OVER (ORDER BY id), status, passed, total, submitted_at";

pub(super) fn summary(row: &Row) -> SubmissionSummary {
    SubmissionSummary {
        id: row.int(0),
        number: row.int(1),
        status: row.text(2),
        passed: row.int(3),
        total: row.int(4),
        submitted_at: row.int(5),
    }
}

fn upsert_draft(
    tx: &mut dyn Tx,
    user: i64,
    exercise: &str,
    code: &str,
    at: i64,
) -> Result<(), crate::class::DbError> {
    tx.execute(
        "INSERT INTO drafts (user_id, exercise, code, saved_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, exercise) DO UPDATE SET code = excluded.code, saved_at = excluded.saved_at",
        &[user.into(), exercise.into(), code.into(), at.into()],
    )
    .map(drop)
}

impl ClassLearner {
    fn list(&self, sql: &str, extra: &[Value]) -> Result<Vec<String>, StoreError> {
        let mut params = vec![Value::Int(self.user)];
        params.extend_from_slice(extra);
        Ok(self
            .store
            .db
            .tx(|tx| tx.query(sql, &params))?
            .iter()
            .map(|r| r.text(0))
            .collect())
    }
}

impl LearnerData for ClassLearner {
    fn draft(&self, exercise: &str) -> Result<Option<Draft>, StoreError> {
        Ok(self.store.db.tx(|tx| {
            Ok(tx
                .one(
                    "SELECT code, saved_at FROM drafts WHERE user_id = $1 AND exercise = $2",
                    &[self.user.into(), exercise.into()],
                )?
                .map(|r| Draft {
                    code: r.text(0),
                    saved_at: r.int(1),
                }))
        })?)
    }

    fn save_draft(&self, exercise: &str, code: &str) -> Result<Draft, StoreError> {
        let at = now();
        self.store
            .db
            .tx(|tx| upsert_draft(tx, self.user, exercise, code, at))?;
        Ok(Draft {
            code: code.to_string(),
            saved_at: at,
        })
    }

    fn delete_draft(&self, exercise: &str) -> Result<(), StoreError> {
        Ok(self.store.db.tx(|tx| {
            tx.execute(
                "DELETE FROM drafts WHERE user_id = $1 AND exercise = $2",
                &[self.user.into(), exercise.into()],
            )
            .map(drop)
        })?)
    }

    fn record_submission(
        &self,
        exercise: &Exercise,
        code: &str,
        report: &Report,
        save_as_draft: bool,
    ) -> Result<SubmissionSummary, StoreError> {
        let json = serde_json::to_string(report).unwrap_or_else(|_| "{}".into());
        let status = report.status.as_str();
        let at = now();
        let slug = exercise.id.0.as_str();
        let user = self.user;
        Ok(self.store.db.tx(|tx| {
            let id = tx
                .one(
                    "INSERT INTO submissions
                         (user_id, exercise, exercise_hash, code, status, passed, total, report, submitted_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                    &[
                        user.into(),
                        slug.into(),
                        exercise.content_hash.as_str().into(),
                        code.into(),
                        status.into(),
                        (report.passed as i64).into(),
                        (report.total as i64).into(),
                        json.into(),
                        at.into(),
                    ],
                )?
                .map_or(0, |r| r.int(0));
            for test in report.tests.iter().filter(|t| t.status != Status::Pass) {
                tx.execute(
                    "INSERT INTO failed_tests (submission_id, user_id, exercise, test)
                     VALUES ($1, $2, $3, $4)",
                    &[id.into(), user.into(), slug.into(), test.name.as_str().into()],
                )?;
            }
            let number = tx
                .one(
                    "SELECT count(*) FROM submissions WHERE user_id = $1 AND exercise = $2",
                    &[user.into(), slug.into()],
                )?
                .map_or(0, |r| r.int(0));
            if save_as_draft {
                upsert_draft(tx, user, slug, code, at)?;
            }
            if report.status == Status::Pass {
                tx.execute(
                    "INSERT INTO exercises_passed (user_id, exercise, passed_at) VALUES ($1, $2, $3)
                     ON CONFLICT (user_id, exercise) DO NOTHING",
                    &[user.into(), slug.into(), at.into()],
                )?;
            }
            Ok(SubmissionSummary {
                id,
                number,
                status: status.to_string(),
                passed: report.passed as i64,
                total: report.total as i64,
                submitted_at: at,
            })
        })?)
    }

    fn submissions(&self, exercise: &str) -> Result<Vec<SubmissionSummary>, StoreError> {
        Ok(self.store.db.tx(|tx| {
            Ok(tx
                .query(
                    &format!(
                        "SELECT {SUMMARY} FROM submissions
                         WHERE user_id = $1 AND exercise = $2 ORDER BY id DESC"
                    ),
                    &[self.user.into(), exercise.into()],
                )?
                .iter()
                .map(summary)
                .collect())
        })?)
    }

    fn submission(&self, id: i64) -> Result<Option<Submission>, StoreError> {
        Ok(self.store.submission_of(self.user, id)?)
    }

    fn failures_of(&self, exercise: &str, test: &str) -> Result<i64, StoreError> {
        Ok(self.store.db.tx(|tx| {
            Ok(tx
                .one(
                    "SELECT count(*) FROM failed_tests
                     WHERE user_id = $1 AND exercise = $2 AND test = $3",
                    &[self.user.into(), exercise.into(), test.into()],
                )?
                .map_or(0, |r| r.int(0)))
        })?)
    }

    fn reveal_solution(&self, exercise: &str) -> Result<(), StoreError> {
        Ok(self.store.db.tx(|tx| {
            tx.execute(
                "INSERT INTO solutions_revealed (user_id, exercise, revealed_at) VALUES ($1, $2, $3)
                 ON CONFLICT (user_id, exercise) DO NOTHING",
                &[self.user.into(), exercise.into(), now().into()],
            )
            .map(drop)
        })?)
    }

    fn may_see_solution(&self, exercise: &str) -> Result<bool, StoreError> {
        Ok(self.store.db.tx(|tx| {
            Ok(tx
                .one(
                    "SELECT count(*) FROM exercises_passed WHERE user_id = $1 AND exercise = $2",
                    &[self.user.into(), exercise.into()],
                )?
                .map_or(0, |r| r.int(0))
                + tx.one(
                    "SELECT count(*) FROM solutions_revealed WHERE user_id = $1 AND exercise = $2",
                    &[self.user.into(), exercise.into()],
                )?
                .map_or(0, |r| r.int(0))
                > 0)
        })?)
    }

    fn mark_read(&self, lesson: &str) -> Result<(), StoreError> {
        Ok(self.store.db.tx(|tx| {
            tx.execute(
                "INSERT INTO lessons_read (user_id, lesson, read_at) VALUES ($1, $2, $3)
                 ON CONFLICT (user_id, lesson) DO NOTHING",
                &[self.user.into(), lesson.into(), now().into()],
            )
            .map(drop)
        })?)
    }

    fn progress(&self) -> Result<Progress, StoreError> {
        Ok(Progress {
            lessons_read: self.list(
                "SELECT lesson FROM lessons_read WHERE user_id = $1 ORDER BY read_at, lesson",
                &[],
            )?,
            exercises_passed: self.list(
                "SELECT exercise FROM exercises_passed WHERE user_id = $1 ORDER BY passed_at, exercise",
                &[],
            )?,
        })
    }
}

impl ClassStore {
    /// Learner `user`'s submission `id` (None when it is someone else's).
    pub fn submission_of(
        &self,
        user: i64,
        id: i64,
    ) -> Result<Option<Submission>, crate::class::DbError> {
        self.db.tx(|tx| {
            Ok(tx
                .one(
                    "SELECT id,
                            (SELECT count(*) FROM submissions AS earlier
                             WHERE earlier.user_id = s.user_id AND earlier.exercise = s.exercise
                               AND earlier.id <= s.id),
                            status, passed, total, submitted_at, exercise, code, report
                     FROM submissions AS s WHERE id = $1 AND user_id = $2",
                    &[id.into(), user.into()],
                )?
                .map(|row| Submission {
                    summary: summary(&row),
                    exercise: row.text(6),
                    code: row.text(7),
                    report: serde_json::from_str(&row.text(8)).unwrap_or(serde_json::Value::Null),
                }))
        })
    }
}
