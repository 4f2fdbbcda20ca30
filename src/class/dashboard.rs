//! What the instructor's dashboard shows: every learner against every
//! exercise in play, who looks stuck, and which tests fail most across the
//! class. Computed from the submissions, so it is the same on every server.

use std::collections::BTreeMap;

use serde::Serialize;

use super::accounts::{Member, Role, now};
use super::db::DbError;
use super::{ClassLearner, ClassStore};
use crate::store::Submission;

/// Failed submissions without a pass that make a learner "stuck"…
pub const STUCK_FAILURES: i64 = 3;
/// …or this long between their first try and their latest, still failing.
pub const STUCK_SECONDS: i64 = 20 * 60;

/// One learner's work on one exercise.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub user: i64,
    pub exercise: String,
    pub attempts: i64,
    pub passed: bool,
    /// Tests passed in their best submission, of `total`.
    pub best: i64,
    pub total: i64,
    pub first_at: i64,
    pub last_at: i64,
    /// Their first passing submission, if any.
    pub passed_at: Option<i64>,
    /// The newest submission's id.
    pub latest: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Stuck {
    pub learner: Member,
    pub exercise: String,
    pub failures: i64,
    pub minutes: i64,
    pub last_at: i64,
    pub latest: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct FailingTest {
    pub exercise: String,
    pub test: String,
    pub failures: i64,
    pub learners: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct LearnerRow {
    pub learner: Member,
    pub last_activity: Option<i64>,
    pub passed: usize,
    /// One per column; None where they have not submitted.
    pub cells: Vec<Option<Cell>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub columns: Vec<String>,
    pub rows: Vec<LearnerRow>,
    pub stuck: Vec<Stuck>,
    /// Per exercise, its three most failed tests.
    pub failing: Vec<FailingTest>,
    pub latest_submission: i64,
}

impl ClassStore {
    /// Every (learner, exercise) with at least one submission.
    pub fn cells(&self) -> Result<Vec<Cell>, DbError> {
        let rows = self.db.tx(|tx| {
            tx.query(
                "SELECT user_id, exercise, count(*),
                        max(CASE WHEN status = 'pass' THEN 1 ELSE 0 END),
                        max(passed), max(total), min(submitted_at), max(submitted_at),
                        min(CASE WHEN status = 'pass' THEN submitted_at END), max(id)
                 FROM submissions GROUP BY user_id, exercise ORDER BY user_id, exercise",
                &[],
            )
        })?;
        Ok(rows
            .iter()
            .map(|r| Cell {
                user: r.int(0),
                exercise: r.text(1),
                attempts: r.int(2),
                passed: r.int(3) == 1,
                best: r.int(4),
                total: r.int(5),
                first_at: r.int(6),
                last_at: r.int(7),
                passed_at: r.opt_int(8),
                latest: r.int(9),
            })
            .collect())
    }

    /// The tests that failed most, across the class, per exercise.
    pub fn failing_tests(&self) -> Result<Vec<FailingTest>, DbError> {
        let rows = self.db.tx(|tx| {
            tx.query(
                "SELECT exercise, test, count(*), count(DISTINCT user_id) FROM failed_tests
                 GROUP BY exercise, test ORDER BY exercise, count(*) DESC, test",
                &[],
            )
        })?;
        let mut kept: BTreeMap<String, usize> = BTreeMap::new();
        Ok(rows
            .iter()
            .filter(|r| {
                let seen = kept.entry(r.text(0)).or_default();
                *seen += 1;
                *seen <= 3
            })
            .map(|r| FailingTest {
                exercise: r.text(0),
                test: r.text(1),
                failures: r.int(2),
                learners: r.int(3),
            })
            .collect())
    }

    /// When each member last saved or submitted anything.
    fn last_activity(&self) -> Result<BTreeMap<i64, i64>, DbError> {
        let rows = self.db.tx(|tx| {
            tx.query(
                "SELECT user_id, max(at) FROM (
                     SELECT user_id, saved_at AS at FROM drafts
                     UNION ALL SELECT user_id, submitted_at AS at FROM submissions
                 ) AS activity GROUP BY user_id",
                &[],
            )
        })?;
        Ok(rows.iter().map(|r| (r.int(0), r.int(1))).collect())
    }

    /// The dashboard: `order` is the course's exercise order; the columns
    /// are the assigned exercises, then any other that someone submitted.
    pub fn overview(&self, order: &[String]) -> Result<Overview, DbError> {
        let members = self.members()?;
        let cells = self.cells()?;
        let activity = self.last_activity()?;
        let mut columns: Vec<String> = Vec::new();
        for assignment in self.assignments()? {
            for exercise in assignment.exercises {
                if !columns.contains(&exercise) {
                    columns.push(exercise);
                }
            }
        }
        for slug in order {
            if !columns.contains(slug) && cells.iter().any(|c| &c.exercise == slug) {
                columns.push(slug.clone());
            }
        }
        let at = now();
        let learners: Vec<&Member> = members.iter().filter(|m| m.role == Role::Learner).collect();
        let rows = learners
            .iter()
            .map(|m| {
                let mine: Vec<&Cell> = cells.iter().filter(|c| c.user == m.id).collect();
                LearnerRow {
                    learner: (*m).clone(),
                    last_activity: activity.get(&m.id).copied(),
                    passed: mine.iter().filter(|c| c.passed).count(),
                    cells: columns
                        .iter()
                        .map(|slug| {
                            mine.iter()
                                .find(|c| &c.exercise == slug)
                                .map(|c| (*c).clone())
                        })
                        .collect(),
                }
            })
            .collect();
        let mut stuck: Vec<Stuck> = cells
            .iter()
            .filter(|c| {
                !c.passed
                    && (c.attempts >= STUCK_FAILURES || c.last_at - c.first_at >= STUCK_SECONDS)
            })
            .filter_map(|c| {
                let learner = learners.iter().find(|m| m.id == c.user)?;
                Some(Stuck {
                    learner: (*learner).clone(),
                    exercise: c.exercise.clone(),
                    failures: c.attempts,
                    minutes: (at - c.first_at).max(0) / 60,
                    last_at: c.last_at,
                    latest: c.latest,
                })
            })
            .collect();
        stuck.sort_by_key(|s| std::cmp::Reverse(s.last_at));
        Ok(Overview {
            columns,
            rows,
            stuck,
            failing: self.failing_tests()?,
            latest_submission: self.latest_submission()?,
        })
    }

    /// Any submission, for the instructor.
    pub fn any_submission(&self, id: i64) -> Result<Option<(i64, Submission)>, DbError> {
        let owner = self.db.tx(|tx| {
            Ok(tx
                .one(
                    "SELECT user_id FROM submissions WHERE id = $1",
                    &[id.into()],
                )?
                .map(|r| r.int(0)))
        })?;
        let Some(user) = owner else {
            return Ok(None);
        };
        Ok(self.submission_of(user, id)?.map(|s| (user, s)))
    }

    /// A learner's drafts, newest first: what they are typing now.
    pub fn drafts_of(&self, user: i64) -> Result<Vec<(String, String, i64)>, DbError> {
        let rows = self.db.tx(|tx| {
            tx.query(
                "SELECT exercise, code, saved_at FROM drafts WHERE user_id = $1 ORDER BY saved_at DESC",
                &[user.into()],
            )
        })?;
        Ok(rows
            .iter()
            .map(|r| (r.text(0), r.text(1), r.int(2)))
            .collect())
    }
}

impl ClassLearner {
    /// This learner's every submission, newest first, with its exercise.
    pub fn history(
        &self,
    ) -> Result<Vec<(String, crate::store::SubmissionSummary)>, crate::store::StoreError> {
        let rows = self.store.db.tx(|tx| {
            tx.query(
                "SELECT id, ROW_NUMBER() OVER (PARTITION BY exercise ORDER BY id), status, passed,
                        total, submitted_at, exercise
                 FROM submissions WHERE user_id = $1 ORDER BY id DESC",
                &[self.user.into()],
            )
        })?;
        Ok(rows
            .iter()
            .map(|r| (r.text(6), super::learner::summary(r)))
            .collect())
    }
}
