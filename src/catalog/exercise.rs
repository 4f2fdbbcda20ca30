//! Exercises: `exercises/<slug>/` with `exercise.toml`, `README.md`, the
//! starter and solution, `schema.sql`, `seed.sql` and `mutants/`. Loading
//! checks everything that can be checked without running code, and says
//! every problem with its file and line.

use serde::Deserialize;
use toml::Spanned;

use super::spec;
use super::{
    Difficulty, EquivalentMutant, Exercise, ExerciseId, FORMAT_VERSION, Files, Language, LessonId,
    Mutant, Problem, Track, is_slug,
};
use crate::sandbox::Limits;
use crate::scratch::Template;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExerciseFile {
    #[allow(dead_code)]
    pub(super) format_version: u32,
    pub(super) title: String,
    pub(super) track: Track,
    #[serde(default)]
    pub(super) lesson: Option<Spanned<String>>,
    pub(super) difficulty: Difficulty,
    pub(super) language: Language,
    pub(super) hints: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub(super) limits: Option<Spanned<Limits>>,
    #[serde(default)]
    pub(super) ordered: Option<Spanned<bool>>,
    #[serde(default)]
    pub(super) services: Vec<Spanned<spec::Service>>,
    /// `[env]`: configuration the app reads as `process.env`.
    #[serde(default)]
    pub(super) env: Option<Spanned<std::collections::BTreeMap<Spanned<String>, String>>>,
    #[serde(default)]
    pub(super) tests: Vec<Spanned<spec::Test>>,
    #[serde(default)]
    pub(super) equivalent_mutants: Vec<Spanned<EquivalentEntry>>,
}

/// `[[equivalent_mutants]]`: a generated mutant that behaves exactly like
/// the solution, so no test can catch it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EquivalentEntry {
    pub(super) line: u32,
    pub(super) change: String,
    pub(super) reason: String,
}

/// Only the version, read first so a newer format is refused before its
/// unknown fields are.
#[derive(Deserialize)]
struct Version {
    format_version: Option<Spanned<i64>>,
}

/// Loads `exercises/<slug>/`; `dir` ends with `/`. Stray files do not stop
/// it loading: they come back beside the exercise.
pub fn load(
    files: &Files,
    slug: &str,
    dir: &str,
) -> Result<(Exercise, Vec<Problem>), Vec<Problem>> {
    let toml_path = format!("{dir}exercise.toml");
    let Some(text) = files.get(&toml_path) else {
        return Err(vec![Problem::new(
            dir,
            None,
            "an exercise folder needs an exercise.toml (`backlab new <slug>` writes one to start from)",
        )]);
    };
    let mut parsed = parse(&toml_path, text).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    if !is_slug(slug) {
        problems.push(Problem::new(
            dir,
            None,
            "an exercise folder is named with lowercase words joined by dashes (sql-injection-login)",
        ));
    }
    super::validate::exercise(&toml_path, text, &parsed, &mut problems);
    let raw_tests = std::mem::take(&mut parsed.tests);
    if let Some(first) = raw_tests.first()
        && parsed.language == Language::Tests
    {
        problems.push(Problem::at(
            &toml_path,
            text,
            first.span().start,
            "a tests exercise has no [[tests]] of its own: the learner writes them, and solution.toml holds yours",
        ));
    }
    let services = super::services::lower(
        std::mem::take(&mut parsed.services),
        &mut |offset, message| {
            problems.push(Problem::at(&toml_path, text, offset, message));
        },
    );
    let tests = super::lower::Lowering {
        path: &toml_path,
        text,
        problems: &mut problems,
    }
    .tests(raw_tests, parsed.language);
    let sources = sources(files, dir, parsed.language, &mut problems);
    let strays = stray_files(files, dir, parsed.language);
    let template = template(files, dir).map_err(|p| {
        problems.push(p);
    });
    let mut tests = tests;
    if let Ok(template) = &template {
        prepare_setups(template, &mut tests, &toml_path, &mut problems);
    }
    match (sources, template) {
        (Some(sources), Ok(template)) if problems.is_empty() => Ok((
            Exercise {
                services,
                content_hash: files
                    .hash_under(dir)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect(),
                ..build(slug, dir, text, parsed, tests, sources, template)
            },
            strays,
        )),
        _ => {
            problems.extend(strays);
            // Each file's problems in the order of its lines.
            problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
            Err(problems)
        }
    }
}

fn parse(path: &str, text: &str) -> Result<ExerciseFile, Problem> {
    let version: Version = toml::from_str(text).map_err(|e| Problem::toml(path, text, 1, &e))?;
    match version.format_version {
        None => Err(Problem::new(
            path,
            Some(1),
            format!(
                "`format_version` is missing; add `format_version = {FORMAT_VERSION}` at the top"
            ),
        )),
        Some(v) if *v.get_ref() > i64::from(FORMAT_VERSION) => Err(Problem::at(
            path,
            text,
            v.span().start,
            format!(
                "format_version = {} is newer than this Backlab understands (it reads format {FORMAT_VERSION}); update Backlab to use this exercise",
                v.get_ref()
            ),
        )),
        Some(v) if *v.get_ref() < 1 => Err(Problem::at(
            path,
            text,
            v.span().start,
            format!("format_version must be {FORMAT_VERSION}"),
        )),
        Some(_) => toml::from_str(text).map_err(|e| Problem::toml(path, text, 1, &e)),
    }
}

struct Sources {
    readme: String,
    why: Option<String>,
    starter: String,
    solution: String,
    mutants: Vec<Mutant>,
    app: Option<String>,
}

/// The Markdown and code files, and a problem for every missing or stray one.
fn sources(
    files: &Files,
    dir: &str,
    language: Language,
    problems: &mut Vec<Problem>,
) -> Option<Sources> {
    let ext = language.extension();
    let mut required = |name: &str| {
        let path = format!("{dir}{name}");
        match files.get(&path) {
            Some(text) if !text.trim().is_empty() => Some(text.to_string()),
            Some(_) => {
                problems.push(Problem::new(&path, None, "this file is empty"));
                None
            }
            None => {
                problems.push(Problem::new(dir, None, format!("{name} is missing")));
                None
            }
        }
    };
    let readme = required("README.md");
    let why = files
        .get(&format!("{dir}why.md"))
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty());
    let starter = required(&format!("starter.{ext}"));
    let solution = required(&format!("solution.{ext}"));
    let app = (language == Language::Tests).then(|| required("app.js"));
    let mutant_ext = language.mutant_extension();
    let mutants = files
        .under(dir)
        .filter(|path| is_mutant(&path[dir.len()..], mutant_ext))
        .map(|path| Mutant {
            file: path[dir.len()..].to_string(),
            code: files.get(path).unwrap_or_default().to_string(),
        })
        .collect();
    Some(Sources {
        readme: readme?,
        why,
        starter: starter?,
        solution: solution?,
        mutants,
        app: match app {
            Some(app) => Some(app?),
            None => None,
        },
    })
}

fn is_mutant(name: &str, ext: &str) -> bool {
    name.strip_prefix("mutants/")
        .is_some_and(|file| file.ends_with(&format!(".{ext}")) && !file.contains('/'))
}

/// Files in the folder that Backlab does not use.
fn stray_files(files: &Files, dir: &str, language: Language) -> Vec<Problem> {
    let ext = language.extension();
    let mutant_ext = language.mutant_extension();
    let known = |name: &str| {
        [
            "exercise.toml",
            "README.md",
            "why.md",
            "schema.sql",
            "seed.sql",
        ]
        .contains(&name)
            || name == format!("starter.{ext}")
            || name == format!("solution.{ext}")
            || (language == Language::Tests && name == "app.js")
            || is_mutant(name, mutant_ext)
    };
    files
        .under(dir)
        .filter(|path| !known(&path[dir.len()..]))
        .map(|path| Problem::new(
            path,
            None,
            format!(
                "Backlab does not use this file; an exercise folder holds exercise.toml, README.md, why.md, starter.{ext}, solution.{ext}, {}schema.sql, seed.sql and mutants/*.{mutant_ext}",
                if language == Language::Tests { "app.js, " } else { "" }
            ),
        ))
        .collect()
}

/// Runs each test's `setup` on the template once, at load: a setup that
/// fails is the author's mistake, named at its test, and grading starts
/// every run of the test from the prepared copy.
pub(super) fn prepare_setups(
    template: &Template,
    tests: &mut [super::model::Test],
    toml_path: &str,
    problems: &mut Vec<Problem>,
) {
    for test in tests {
        let Some(setup) = &test.setup else { continue };
        match template.fresh_with(setup) {
            Ok(prepared) => test.prepared = Some(prepared),
            Err(message) => problems.push(Problem::new(
                toml_path,
                Some(test.line as u32),
                format!("test {:?}: its setup SQL fails: {message}", test.name),
            )),
        }
    }
}

fn template(files: &Files, dir: &str) -> Result<Template, Problem> {
    let schema_path = format!("{dir}schema.sql");
    let seed_path = format!("{dir}seed.sql");
    let schema = files.get(&schema_path).unwrap_or_default();
    let seed = files.get(&seed_path).unwrap_or_default();
    Template::build(schema, seed, (&schema_path, &seed_path)).map_err(|e| match e {
        crate::scratch::TemplateError::Sql {
            file,
            line,
            message,
        } => Problem::new(&file, Some(line), message),
    })
}

fn build(
    slug: &str,
    dir: &str,
    toml: &str,
    parsed: ExerciseFile,
    tests: Vec<super::model::Test>,
    sources: Sources,
    template: Template,
) -> Exercise {
    Exercise {
        id: ExerciseId(slug.to_string()),
        dir: dir.to_string(),
        content_hash: String::new(),
        title: parsed.title,
        track: parsed.track,
        lesson: parsed.lesson.map(|l| LessonId(l.into_inner())),
        difficulty: parsed.difficulty,
        language: parsed.language,
        hints: parsed
            .hints
            .into_inner()
            .into_iter()
            .map(Spanned::into_inner)
            .collect(),
        limits: parsed.limits.map(Spanned::into_inner).unwrap_or_default(),
        ordered: parsed.ordered.is_some_and(Spanned::into_inner),
        env: parsed
            .env
            .map(Spanned::into_inner)
            .unwrap_or_default()
            .into_iter()
            .map(|(name, value)| (name.into_inner(), value))
            .collect(),
        services: Vec::new(),
        tests,
        equivalent_mutants: parsed
            .equivalent_mutants
            .into_iter()
            .map(|entry| {
                let toml_line = crate::sqltext::line_of(toml, entry.span().start);
                let entry = entry.into_inner();
                EquivalentMutant {
                    line: entry.line,
                    change: entry.change,
                    reason: entry.reason,
                    toml_line,
                }
            })
            .collect(),
        readme: sources.readme,
        why: sources.why,
        starter: sources.starter,
        solution: sources.solution,
        mutants: sources.mutants,
        app: sources.app,
        template,
    }
}
