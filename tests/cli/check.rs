//! `backlab check` on the repository's course (clean) and on a fixture
//! course with one problem of each kind.

use crate::{backlab_in, fixture, repository, stderr, stdout};

#[test]
fn the_repository_course_checks_clean() {
    let output = backlab_in(repository(), &["check"]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}{}", stderr(&output));
    assert!(text.contains("✓ login-injection: 7 test(s)"), "{text}");
    assert!(text.ends_with(": no problems\n"), "{text}");
}

#[test]
fn every_problem_is_reported_at_once_with_file_and_line() {
    let output = backlab_in(&fixture("course-bad"), &["check", "."]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "\
✗ exercises/broken-toml/exercise.toml:3: string values must be quoted, expected literal string
✗ exercises/weak-tests/notes.txt: Backlab does not use this file; an exercise folder holds exercise.toml, README.md, why.md, starter.js, solution.js, schema.sql, seed.sql and mutants/*.js
✗ lessons/servers/01-intro.md:11: the link to /lessons/routing leads to no page of this course (lessons are /lessons/<id>, exercises /exercises/<id>, tracks /tracks/<track>)
✗ lessons/servers/01-intro.md:6: exercise \"ghost\" does not exist (no exercises/ghost/ loaded)
! exercises/weak-tests/exercise.toml: no lesson leads to this exercise, so learners reach it only by its address; set lesson = \"…\" here and list \"weak-tests\" in that lesson's exercises
! exercises/wrong-solution/exercise.toml: no lesson leads to this exercise, so learners reach it only by its address; set lesson = \"…\" here and list \"wrong-solution\" in that lesson's exercises
✗ weak-tests: 1 test(s); the starter passes 1 of them, 1 mutant(s) checked; 0 of 2 generated mutants caught
    ✗ exercises/weak-tests/starter.js: the starter passes every test: the tests do not check the task yet
    ✗ exercises/weak-tests/mutants/anything-goes.js: this known-bad solution passes every test: add a test that catches it
    ✗ exercises/weak-tests/solution.js:1: a mutant survives: with `true` → `false` every test still passes. Add a test that tells them apart, or, if no request can, declare it in exercise.toml: [[equivalent_mutants]] line = 1, change = \"`true` → `false`\", reason = \"why\"
    ✗ exercises/weak-tests/solution.js:1: a mutant survives: with removed `app.get(\"/ping\", (req, res) => res.json…` every test still passes. Add a test that tells them apart, or, if no request can, declare it in exercise.toml: [[equivalent_mutants]] line = 1, change = \"removed `app.get(\\\"/ping\\\", (req, res) => res.json…`\", reason = \"why\"
✗ wrong-solution: 1 test(s); the starter passes 0 of them, 1 mutant(s) checked; mutation testing waits until the reference solution passes
    ✗ exercises/wrong-solution/exercise.toml:8: test \"DELETE /things/1 answers 204\": the reference solution (exercises/wrong-solution/solution.js) fails it: status: expected 204, got 200. Either this test expects the wrong thing or the solution is wrong
    ✗ exercises/wrong-solution/mutants/broken-syntax.js: this mutant does not load, so it tests nothing (Syntax error at exercises/wrong-solution/mutants/broken-syntax.js line 2, column 23: unexpected token in expression: ';'. Something opened before the `;` was not closed: count the `(`, `{` and `[` before it.): a mutant is a working program with one deliberate bug

mutation testing: 0 of 2 generated mutants caught (0 declared equivalent)
1 lesson(s), 2 exercise(s): 10 problems
"
    );
}

#[test]
fn a_folder_that_is_not_a_course_is_a_clear_error() {
    let output = backlab_in(&fixture("todos"), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("has no lessons/ or exercises/ folder; is it a course?"),
        "{}",
        stderr(&output)
    );
}
