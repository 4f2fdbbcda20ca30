//! The grader: runs an exercise's tests against a submission and writes a
//! report a beginner can act on. Each test gets a fresh copy of the
//! exercise's database and a fresh sandbox for every step; time and
//! randomness are fixed, so the same code always gets the same report.

mod calls;
mod checks;
mod cookies;
pub mod diff;
pub mod html;
pub mod injection;
mod parallel;
mod report;
mod request;
mod sql;
mod testing;
mod tryout;

use std::collections::BTreeMap;

pub use report::{
    CheckReport, QueryReport, REPORT_VERSION, Report, Status, StepReport, TestReport,
};
pub use tryout::{Table, Tryout, tables, try_code};

use crate::catalog::model::{Step, Test};
use crate::catalog::services::guest_json;
use crate::catalog::{Exercise, Language};
use crate::sandbox::clock::FIXED_START_MS;
use crate::sandbox::verdict::{Phase, VerdictView};
use crate::sandbox::{HttpResponse, Mode, Program, RunOptions, Sandbox, ServiceCall, Verdict};
use crate::scratch::Scratch;
use cookies::CookieJar;
use request::Captures;

/// How a submission is graded.
#[derive(Debug, Clone, Default)]
pub struct GradeOptions {
    /// Show hidden tests in full even when they fail (for authors).
    pub reveal_hidden: bool,
    /// Show only the name and outcome of hidden tests that pass too (a
    /// class: no learner sees what a hidden test sends).
    pub conceal_passed_hidden: bool,
    /// The name of the learner's file in messages; the exercise's default
    /// (`app.js`, `query.sql`) when empty.
    pub file: String,
    /// Stop at the first test that does not pass (mutation testing only
    /// needs to know whether one fails).
    pub stop_at_first_failure: bool,
}

/// The first request of each visible test, as the learner's "try a
/// request" starting points. A first step never needs a captured value:
/// the catalog refuses a `{{name}}` that no earlier step captured.
pub fn sample_requests(exercise: &Exercise) -> Vec<(String, crate::sandbox::HttpRequest)> {
    exercise
        .tests
        .iter()
        .filter(|t| !t.hidden)
        .filter_map(|t| {
            let step = t.steps.first()?;
            let (request, _) = request::build(
                step,
                &Captures::new(),
                &CookieJar::default(),
                FIXED_START_MS,
            );
            Some((t.name.clone(), request))
        })
        .collect()
}

/// Grades `code` against every test of `exercise`.
pub fn grade(sandbox: &Sandbox, exercise: &Exercise, code: &str, options: &GradeOptions) -> Report {
    if exercise.language == Language::Tests {
        return testing::grade_tests(sandbox, exercise, code, options);
    }
    let file = if options.file.is_empty() {
        exercise.learner_file()
    } else {
        &options.file
    };
    if exercise.language == Language::Js {
        // Once per submission: every step then loads the same bytecode.
        sandbox.compile(Program {
            code,
            filename: file,
        });
    }
    let grader = Grader {
        sandbox,
        exercise,
        code,
        file,
    };
    // Mutation testing stops at the first failure (and runs mutants side by
    // side already); a submission runs its tests side by side.
    let reports: Box<dyn Iterator<Item = TestReport>> = if options.stop_at_first_failure {
        Box::new(exercise.tests.iter().map(|test| grader.test(test)))
    } else {
        Box::new(parallel::map_each(&exercise.tests, |test| grader.test(test)).into_iter())
    };
    let mut tests = Vec::with_capacity(exercise.tests.len());
    for ((i, test), report) in exercise.tests.iter().enumerate().zip(reports) {
        if i == 0
            && let Some(verdict) = not_loaded(&report)
        {
            return Report::not_loaded(&exercise.id.0, exercise.tests.len(), verdict);
        }
        let failed = report.status != Status::Pass;
        let conceal = failed || options.conceal_passed_hidden;
        tests.push(if test.hidden && conceal && !options.reveal_hidden {
            redact(report, i + 1)
        } else {
            report
        });
        if failed && options.stop_at_first_failure {
            break;
        }
    }
    Report::summarize(&exercise.id.0, tests)
}

struct Grader<'a> {
    sandbox: &'a Sandbox,
    exercise: &'a Exercise,
    code: &'a str,
    file: &'a str,
}

impl Grader<'_> {
    fn test(&self, test: &Test) -> TestReport {
        let mut report = TestReport {
            name: test.name.clone(),
            status: Status::Pass,
            hidden: test.hidden,
            security: test.security,
            clue: None,
            message: None,
            steps: Vec::new(),
            query: None,
            database: Vec::new(),
            calls: Vec::new(),
        };
        let db = self.fresh(test);
        let (db, problem) = match self.exercise.language {
            Language::Js | Language::Tests => self.steps(test, db, &mut report.steps),
            Language::Sql => self.query(test, db, &mut report.query),
        };
        if let Some((status, message)) = problem {
            return fail(report, status, message);
        }
        if let Err(message) = self.database_checks(test, &db, &mut report.database) {
            return fail(report, Status::Fail, message);
        }
        let made: Vec<&ServiceCall> = report.steps.iter().flat_map(|s| &s.trace.calls).collect();
        report.calls = test.calls.iter().map(|c| calls::check(c, &made)).collect();
        let failed = report
            .database
            .iter()
            .chain(&report.calls)
            .find(|c| !c.passed);
        match failed {
            Some(check) => {
                let message = check.summary();
                fail(report, Status::Fail, message)
            }
            None => report,
        }
    }

    /// A fresh database for one test: the template, or the copy with the
    /// test's setup SQL run on it, made when the exercise loaded (an
    /// exercise whose setup fails does not load).
    fn fresh(&self, test: &Test) -> Scratch {
        test.prepared
            .clone()
            .unwrap_or_else(|| self.exercise.template.fresh())
    }

    /// The test's checks on the database the steps left, read from a host
    /// copy that holds only the main database. A template table that is no
    /// longer a table fails the test before any check reads it.
    fn database_checks(
        &self,
        test: &Test,
        db: &Scratch,
        out: &mut Vec<CheckReport>,
    ) -> Result<(), String> {
        if test.database.is_empty() {
            return Ok(());
        }
        let snapshot = db
            .snapshot(sql::CHECK_TIMEOUT)
            .map_err(|e| format!("the database your code left could not be read: {e}"))?;
        let replaced = snapshot
            .replaced_tables(self.exercise.template.tables())
            .map_err(|e| format!("the database your code left could not be read: {e}"))?;
        if let Some((name, kind)) = replaced.first() {
            return Err(format!(
                "the table `{name}` of the exercise's database is now a {kind}: your code dropped or renamed the table and put something else under its name, so the checks cannot trust what it shows"
            ));
        }
        let mut trial = None;
        for check in &test.database {
            let make_trial = || db.trial(sql::CHECK_TIMEOUT);
            out.push(sql::database_check(
                &snapshot, &mut trial, make_trial, check,
            ));
        }
        Ok(())
    }

    /// Runs the steps in order until one fails; returns the database and
    /// why the test stopped, if it did.
    fn steps(
        &self,
        test: &Test,
        mut db: Scratch,
        out: &mut Vec<StepReport>,
    ) -> (Scratch, Option<(Status, String)>) {
        let program = Program {
            code: self.code,
            filename: self.file,
        };
        let mut jar = CookieJar::default();
        let mut captures = Captures::new();
        let mut clock = FIXED_START_MS;
        let services = guest_json(&test.services, &self.exercise.services);
        for (n, step) in test.steps.iter().enumerate() {
            // The clock moves forward only where a step says `advance`.
            clock += step.advance.map_or(0, |d| d.as_millis());
            // Each step gets its own seed: two logins in one test must not
            // get the same token, and the report stays the same every time.
            let options = RunOptions {
                limits: self.exercise.limits,
                mode: Mode::Replayable {
                    seed: n as u64 + 1,
                    start_ms: clock,
                },
                env: self.exercise.env.clone(),
                services: services.clone(),
            };
            let (http, values) = request::build(step, &captures, &jar, clock);
            let (outcome, back) = self.sandbox.run(program, &http, db, &options);
            db = back;
            let mut report = StepReport {
                request: http,
                response: outcome.response.clone(),
                verdict: VerdictView::from(&outcome.verdict),
                checks: Vec::new(),
                captured: BTreeMap::new(),
                trace: outcome.trace,
            };
            let problem = match (&outcome.verdict, &outcome.response) {
                (verdict, Some(response)) if response_is_judged(verdict, response, step) => {
                    jar.store(response, clock);
                    let answer = Answer {
                        step,
                        response,
                        values: &values,
                        jar: &jar,
                    };
                    answer.judge(test, &mut captures, &mut report)
                }
                (verdict, _) => Some((status_of(verdict), verdict.message())),
            };
            out.push(report);
            if problem.is_some() {
                return (db, problem);
            }
        }
        (db, None)
    }

    /// An SQL exercise: the learner's statement on `db` (fresh for this
    /// test), compared with the rows the test states or, when it states
    /// none, with the reference solution's on its own copy of the same data.
    fn query(
        &self,
        test: &Test,
        db: Scratch,
        out: &mut Option<QueryReport>,
    ) -> (Scratch, Option<(Status, String)>) {
        let limits = &self.exercise.limits;
        let expected = match &test.rows {
            Some(rows) => rows.clone(),
            None => {
                let solution = &self.exercise.solution;
                match sql::run_statement(self.sandbox, db.clone(), solution, limits, GRADING).0 {
                    Ok(statement) => statement.json_rows(),
                    Err(verdict) => {
                        let message =
                            format!("the reference solution failed: {}", verdict.message());
                        return (db, Some((Status::Error, message)));
                    }
                }
            }
        };
        let (result, db) = sql::run_statement(self.sandbox, db, self.code, limits, GRADING);
        let report = sql::query_report(self.code, result, Some((&expected, self.exercise.ordered)));
        let problem = if !report.verdict.verdict.is_ok() {
            Some((Status::Fail, report.verdict.message.clone()))
        } else {
            report
                .checks
                .iter()
                .find(|c| !c.passed)
                .map(|c| (Status::Fail, c.summary()))
        };
        *out = Some(report);
        (db, problem)
    }
}

/// A step the app answered, with what the test needs to judge it.
struct Answer<'a> {
    step: &'a Step,
    response: &'a HttpResponse,
    values: &'a [injection::RequestValue],
    jar: &'a CookieJar,
}

impl Answer<'_> {
    /// Runs the step's checks (and the injection detector) into `report`,
    /// then takes its captures; returns why the test stops, if it does.
    fn judge(
        &self,
        test: &Test,
        captures: &mut Captures,
        report: &mut StepReport,
    ) -> Option<(Status, String)> {
        let expected = request::fill_checks(&self.step.checks, captures);
        report.checks = checks::response(&expected, self.response);
        if let Some(max) = self.step.max_statements {
            report
                .checks
                .push(checks::statement_budget(max, &report.trace));
        }
        if test.detect_injection {
            report
                .checks
                .push(injection::check(self.values, &report.trace));
        }
        if let Some(check) = report.checks.iter().find(|c| !c.passed) {
            return Some((Status::Fail, check.summary()));
        }
        match request::capture(self.step, self.response, self.jar) {
            Ok(found) => {
                captures.extend(found.clone());
                report.captured = found;
                None
            }
            Err(message) => Some((Status::Fail, message)),
        }
    }
}

/// Whether a step's response is judged on its own: always when the code
/// ran cleanly, and, when the step expects a `500`, also after an uncaught
/// exception or SQL error, which Express answers with a 500 too (a test can
/// make a write fail half-way and check that the transaction rolled back).
fn response_is_judged(verdict: &Verdict, response: &HttpResponse, step: &Step) -> bool {
    match verdict {
        Verdict::Ok => true,
        Verdict::Exception {
            phase: Phase::Handling,
            ..
        }
        | Verdict::SqlError { .. } => step.expected_status() == Some(500) && response.status == 500,
        _ => false,
    }
}

/// The clock and randomness of a plain-SQL statement in grading.
const GRADING: Mode = Mode::replayable(1);

/// Verdicts that mean the code could not be judged at all.
fn status_of(verdict: &Verdict) -> Status {
    match verdict {
        Verdict::SyntaxError { .. } | Verdict::Crash { .. } => Status::Error,
        Verdict::Exception {
            phase: Phase::Loading,
            ..
        } => Status::Error,
        _ => Status::Fail,
    }
}

fn fail(mut report: TestReport, status: Status, message: String) -> TestReport {
    report.status = status;
    report.message = Some(message);
    report
}

/// The verdict of a file that did not load, from its first test: a syntax
/// error or an exception at load time (JavaScript), or a statement SQLite
/// cannot parse. Neither depends on the test, so no other test could run.
fn not_loaded(report: &TestReport) -> Option<VerdictView> {
    let verdict = match (report.steps.first(), &report.query) {
        (Some(step), _) => &step.verdict,
        (None, Some(query)) => &query.verdict,
        (None, None) => return None,
    };
    let failed_to_load = match &verdict.verdict {
        Verdict::SyntaxError { .. } => true,
        Verdict::Exception { phase, .. } => *phase == Phase::Loading,
        Verdict::SqlError { message, .. } => report.query.is_some() && sql::is_parse_error(message),
        _ => false,
    };
    failed_to_load.then(|| verdict.clone())
}

/// A hidden test that did not pass (or, in a class, any hidden test) shows
/// only that it exists and how it went.
fn redact(report: TestReport, number: usize) -> TestReport {
    let message = if report.status == Status::Pass {
        None
    } else if report.security {
        Some("A hidden security test did not pass: think about what an attacker could send.")
    } else {
        Some("A hidden test did not pass: think about the cases the visible tests do not show.")
    };
    TestReport {
        name: format!("Hidden test {number}"),
        status: report.status,
        hidden: true,
        security: report.security,
        clue: None,
        message: message.map(String::from),
        steps: Vec::new(),
        query: None,
        database: Vec::new(),
        calls: Vec::new(),
    }
}
