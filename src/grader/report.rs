//! The report of one submission: a versioned, serializable struct that the
//! terminal and the browser both render, and that snapshot tests pin down.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::sandbox::trace::Trace;
use crate::sandbox::verdict::VerdictView;
use crate::sandbox::{HttpRequest, HttpResponse};

/// Bumped whenever a field changes meaning or goes away.
pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    /// The code could not be judged: it did not load, it crashed, or the
    /// test itself is broken.
    Error,
}

impl Status {
    /// The name the report's JSON uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    pub exercise: String,
    pub status: Status,
    /// One line for the learner: what passed, and the first thing to fix.
    pub message: String,
    pub passed: usize,
    pub total: usize,
    /// Set when the learner's file did not load (a syntax error, an
    /// exception at load, SQL that does not parse): no test ran, and
    /// `tests` is empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_loaded: Option<VerdictView>,
    pub tests: Vec<TestReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TestReport {
    pub name: String,
    pub status: Status,
    pub hidden: bool,
    pub security: bool,
    /// A hidden test's clue, once it has failed twice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clue: Option<String>,
    /// Why it did not pass.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepReport>,
    /// SQL exercises: the learner's statement and what it returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<QueryReport>,
    /// Checks on the database after the steps.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub database: Vec<CheckReport>,
    /// Checks on the calls the app made to other services.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<CheckReport>,
}

/// One request of a test and what came of it.
#[derive(Debug, Clone, Serialize)]
pub struct StepReport {
    pub request: HttpRequest,
    pub response: Option<HttpResponse>,
    pub verdict: VerdictView,
    pub checks: Vec<CheckReport>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub captured: BTreeMap<String, serde_json::Value>,
    pub trace: Trace,
}

/// The learner's SQL statement in an SQL exercise.
#[derive(Debug, Clone, Serialize)]
pub struct QueryReport {
    pub sql: String,
    pub verdict: VerdictView,
    pub columns: Vec<String>,
    /// The first rows (at most 20); `row_count` is exact.
    pub rows: Vec<Vec<serde_json::Value>>,
    pub row_count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<u64>,
    pub checks: Vec<CheckReport>,
}

/// One comparison: what was expected, what happened, and how they differ.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// What is checked, e.g. `status`, `JSON at user.name`.
    pub check: String,
    pub passed: bool,
    pub expected: serde_json::Value,
    pub actual: serde_json::Value,
    /// A readable difference, line by line, when it failed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<String>,
}

impl CheckReport {
    pub fn new(
        check: impl Into<String>,
        expected: impl Into<serde_json::Value>,
        actual: impl Into<serde_json::Value>,
        diff: Vec<String>,
    ) -> Self {
        Self {
            check: check.into(),
            passed: diff.is_empty(),
            expected: expected.into(),
            actual: actual.into(),
            diff,
        }
    }

    /// The first line a learner reads about a failed check.
    pub fn summary(&self) -> String {
        match self.diff.first() {
            Some(first) => format!("{}: {first}", self.check),
            None => self.check.clone(),
        }
    }
}

impl Report {
    /// A summary of the tests, and the message of the first that failed.
    pub fn summarize(exercise: &str, tests: Vec<TestReport>) -> Self {
        let total = tests.len();
        let passed = tests.iter().filter(|t| t.status == Status::Pass).count();
        let first = tests.iter().find(|t| t.status != Status::Pass);
        let status = match first {
            None => Status::Pass,
            Some(_) if tests.iter().any(|t| t.status == Status::Error) => Status::Error,
            Some(_) => Status::Fail,
        };
        let broken = tests.iter().find(|t| t.status == Status::Error);
        let message = match (first, broken) {
            (None, _) => format!("All {total} tests passed."),
            (_, Some(t)) => t.message.clone().unwrap_or_default(),
            (Some(t), None) => format!(
                "{passed} of {total} tests passed. {}: {}",
                t.name,
                t.message.as_deref().unwrap_or("it did not pass")
            ),
        };
        Self {
            version: REPORT_VERSION,
            exercise: exercise.to_string(),
            status,
            message,
            passed,
            total,
            not_loaded: None,
            tests,
        }
    }

    /// The report of a file that did not load (or a query SQLite refused):
    /// one problem, no test run.
    pub fn not_loaded(exercise: &str, total: usize, verdict: VerdictView) -> Self {
        let what = match verdict.verdict {
            crate::sandbox::Verdict::SqlError { .. } => "Your query could not run",
            _ => "Your file did not load",
        };
        let message = format!(
            "{what}, so none of the {total} tests ran. {}",
            verdict.message
        );
        Self {
            version: REPORT_VERSION,
            exercise: exercise.to_string(),
            status: Status::Error,
            message,
            passed: 0,
            total,
            not_loaded: Some(verdict),
            tests: Vec::new(),
        }
    }
}
