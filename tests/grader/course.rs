//! The course built into the binary: it loads without a problem, matches
//! the files in the repository, and every exercise's reference solution
//! passes while its starter and every mutant fail.

use backlab::catalog::{Catalog, Files, Language};
use backlab::grader::Status;

use crate::util::grade_code;

fn builtin() -> Catalog {
    Catalog::load(&Files::builtin()).unwrap_or_else(|problems| {
        let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("the built-in course has problems:\n{}", list.join("\n"))
    })
}

#[test]
fn the_builtin_course_is_the_repository_course() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let on_disk = Files::read_dir(root).unwrap();
    let builtin = Files::builtin();
    assert_eq!(
        on_disk.paths().collect::<Vec<_>>(),
        builtin.paths().collect::<Vec<_>>()
    );
    for path in on_disk.paths() {
        assert_eq!(
            on_disk.get(path),
            builtin.get(path),
            "{path} differs: rebuild"
        );
    }
}

#[test]
fn every_track_has_a_lesson_and_every_lesson_an_exercise() {
    let catalog = builtin();
    assert!(catalog.exercises.len() >= 3);
    for lesson in &catalog.lessons {
        assert!(
            !lesson.exercises.is_empty(),
            "{} leads to no exercise",
            lesson.file
        );
    }
}

#[test]
fn every_reference_solution_passes() {
    for exercise in &builtin().exercises {
        let report = grade_code(exercise, &exercise.solution);
        assert_eq!(
            report.status,
            Status::Pass,
            "{}: {}",
            exercise.id,
            report.message
        );
    }
}

#[test]
fn every_starter_and_mutant_fails() {
    for exercise in &builtin().exercises {
        let report = grade_code(exercise, &exercise.starter);
        assert_ne!(
            report.status,
            Status::Pass,
            "{}: the starter passes",
            exercise.id
        );
        if exercise.language == Language::Tests {
            // Its mutants are the broken apps the reference tests catch.
            continue;
        }
        for mutant in &exercise.mutants {
            let report = grade_code(exercise, &mutant.code);
            assert_ne!(
                report.status,
                Status::Pass,
                "{}{} passes",
                exercise.dir,
                mutant.file
            );
        }
    }
}

const GUIDE_SOLUTION: &str = r#"
app.post("/todos", (req, res) => {
  const { title } = req.body;
  if (typeof title !== "string") return res.status(400).json({ error: "title is required" });
  const { lastInsertRowid } = db.prepare("INSERT INTO todos (title) VALUES (?)").run(title);
  res.status(201).json({ id: lastInsertRowid, title, done: false });
});
app.get("/todos/:id", (req, res) => {
  const todo = db.prepare("SELECT id, title, done FROM todos WHERE id = ?").get(req.params.id);
  if (!todo) return res.status(404).json({ error: "not found" });
  res.json({ ...todo, done: todo.done === 1 });
});
"#;

#[test]
fn the_authoring_guide_example_works() {
    let guide = include_str!("../../docs/authoring.md");
    let start = guide
        .find("```toml\n")
        .expect("the guide has a TOML example")
        + 8;
    let end = start + guide[start..].find("```").expect("the example ends");
    let toml = guide[start..end].replace("lesson = \"post-requests\"\n", "");
    let files = Files::from_texts([
        ("exercises/add-todo/exercise.toml", toml.as_str()),
        ("exercises/add-todo/README.md", "# Add a todo\n"),
        ("exercises/add-todo/starter.js", "// starter\n"),
        ("exercises/add-todo/solution.js", GUIDE_SOLUTION),
        ("exercises/add-todo/schema.sql", crate::util::SCHEMA),
        ("exercises/add-todo/seed.sql", crate::util::SEED),
    ]);
    let catalog =
        Catalog::load(&files).unwrap_or_else(|p| panic!("the guide's example loads: {p:?}"));
    let exercise = &catalog.exercises[0];
    let report = grade_code(exercise, GUIDE_SOLUTION);
    assert_eq!(report.status, Status::Pass, "{report:#?}");
    let spliced = GUIDE_SOLUTION.replace(
        "db.prepare(\"INSERT INTO todos (title) VALUES (?)\").run(title)",
        "db.prepare(\"INSERT INTO todos (title) VALUES ('\" + title + \"')\").run()",
    );
    assert_ne!(grade_code(exercise, &spliced).status, Status::Pass);
}

/// The README's course map is the one the catalog writes; `BLESS=1`
/// rewrites it in place.
#[test]
fn the_readme_course_map_matches_the_course() {
    const START: &str =
        "<!-- course map: written from the catalog by `BLESS=1 cargo test --test grader` -->\n";
    const END: &str = "<!-- end of course map -->";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (before, rest) = readme
        .split_once(START)
        .expect("README.md has the course map's start marker");
    let (current, after) = rest
        .split_once(END)
        .expect("README.md has the course map's end marker");
    let map = backlab::catalog::course_map(&builtin());
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, format!("{before}{START}{map}{END}{after}")).unwrap();
        return;
    }
    assert!(
        current == map,
        "the README's course map is out of date; run BLESS=1 cargo test --test grader:\n{map}"
    );
}

/// What every exercise of the built-in course must have: enough tests and
/// hints, and for anything with attack tests, a mutant that must fail.
#[test]
fn every_exercise_meets_the_course_standard() {
    let course = builtin();
    assert!(
        course.lessons.len() >= 60,
        "{} lessons",
        course.lessons.len()
    );
    assert!(
        course.exercises.len() >= 100,
        "{} exercises",
        course.exercises.len()
    );
    assert!(
        course.glossary.len() >= 60,
        "{} glossary terms",
        course.glossary.len()
    );
    for exercise in &course.exercises {
        let id = &exercise.id.0;
        if exercise.language == Language::Tests {
            assert!(
                exercise.mutants.len() >= 3,
                "{id}: a tests exercise needs at least 3 broken apps"
            );
        } else {
            assert!(exercise.tests.len() >= 3, "{id}: fewer than 3 tests");
        }
        assert!(exercise.hints.len() >= 2, "{id}: fewer than 2 hints");
        let why = exercise.why.as_deref().unwrap_or_default();
        let words = why.split_whitespace().count();
        assert!(
            (60..=260).contains(&words),
            "{id}: why.md has {words} words; every exercise explains its solution in 90-200"
        );
        for test in exercise.tests.iter().filter(|t| t.hidden) {
            assert!(
                test.clue.is_some(),
                "{id}: the hidden test {:?} has no clue",
                test.name
            );
        }
        // A tests exercise's attack tests are the ones its reference tests
        // hold: the learner is taught to write them.
        let reference = match exercise.language {
            Language::Tests => {
                backlab::catalog::learner_tests(exercise, &exercise.solution, "solution.toml")
                    .unwrap_or_else(|p| panic!("{id}: solution.toml does not load: {p:?}"))
            }
            _ => exercise.tests.clone(),
        };
        let attacks = reference.iter().filter(|t| t.security).count();
        if exercise.track == backlab::catalog::Track::Security {
            assert!(
                attacks > 0,
                "{id}: a security exercise without attack tests"
            );
        }
        if attacks > 0 {
            assert!(
                !exercise.mutants.is_empty(),
                "{id}: attack tests but no mutant that must fail them"
            );
        }
    }
}

/// Correct solutions written from each README alone, in styles unlike the
/// reference (tests/fixtures/alternatives/<exercise>/): a test that fails
/// one of them asks for more than the README says.
#[test]
fn every_alternative_solution_passes_and_every_exercise_has_two() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/alternatives");
    let mut failures = Vec::new();
    for exercise in &builtin().exercises {
        let dir = root.join(&exercise.id.0);
        let files: Vec<_> = std::fs::read_dir(&dir)
            .map(|entries| entries.map(|e| e.expect("an entry").path()).collect())
            .unwrap_or_default();
        assert!(
            files.len() >= 2,
            "{} has {} alternative solution(s) in {}; write at least two",
            exercise.id,
            files.len(),
            dir.display()
        );
        for file in files {
            let code = std::fs::read_to_string(&file).expect("an alternative");
            let report = grade_code(exercise, &code);
            if report.status != Status::Pass {
                failures.push(format!("{}: {}", file.display(), report.message));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "alternative solutions that fail:\n{}",
        failures.join("\n")
    );
}
