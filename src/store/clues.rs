//! Clues for hidden tests: an author's one-line nudge, shown from the
//! second submission that fails the same hidden test, wherever the learner
//! submits from (the browser or `backlab watch`).

use super::{Store, StoreError};
use crate::catalog::Exercise;
use crate::grader::{Report, Status};

impl Store {
    /// Gives each failing hidden test of `report` its clue when an earlier
    /// submission to the exercise failed it too.
    pub fn add_clues(&self, exercise: &Exercise, report: &mut Report) -> Result<(), StoreError> {
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
