//! What the learner pages and the API need of "this learner's data",
//! whoever keeps it: the personal progress file, or a class store where
//! the learner is one of many.

use super::{Draft, Progress, StoreError, Submission, SubmissionSummary};
use crate::catalog::Exercise;
use crate::grader::{Report, Status};

pub trait LearnerData: Send + Sync {
    fn draft(&self, exercise: &str) -> Result<Option<Draft>, StoreError>;
    fn save_draft(&self, exercise: &str, code: &str) -> Result<Draft, StoreError>;
    /// Forgets the draft (reset to starter).
    fn delete_draft(&self, exercise: &str) -> Result<(), StoreError>;
    /// Records a graded submission, keeps its code as the draft unless
    /// `save_as_draft` is false, and marks the exercise passed when it
    /// passed, all in one transaction.
    fn record_submission(
        &self,
        exercise: &Exercise,
        code: &str,
        report: &Report,
        save_as_draft: bool,
    ) -> Result<SubmissionSummary, StoreError>;
    /// The submissions to an exercise, newest first.
    fn submissions(&self, exercise: &str) -> Result<Vec<SubmissionSummary>, StoreError>;
    /// One of this learner's submissions.
    fn submission(&self, id: i64) -> Result<Option<Submission>, StoreError>;
    /// How many earlier submissions to `exercise` failed the test `test`.
    fn failures_of(&self, exercise: &str, test: &str) -> Result<i64, StoreError>;
    fn reveal_solution(&self, exercise: &str) -> Result<(), StoreError>;
    /// Whether the learner passed the exercise or asked to see its solution.
    fn may_see_solution(&self, exercise: &str) -> Result<bool, StoreError>;
    fn mark_read(&self, lesson: &str) -> Result<(), StoreError>;
    fn progress(&self) -> Result<Progress, StoreError>;

    /// Gives each failing hidden test of `report` its clue when an earlier
    /// submission to the exercise failed it too: an author's one-line
    /// nudge, shown from the second failure on.
    fn add_clues(&self, exercise: &Exercise, report: &mut Report) -> Result<(), StoreError> {
        for (test, spec) in report.tests.iter_mut().zip(&exercise.tests) {
            let Some(clue) = spec.clue.as_ref().filter(|_| test.hidden) else {
                continue;
            };
            if test.status != Status::Pass && self.failures_of(&exercise.id.0, &test.name)? >= 1 {
                test.clue = Some(clue.clone());
            }
        }
        Ok(())
    }
}
