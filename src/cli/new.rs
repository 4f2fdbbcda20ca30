//! `backlab new <id>` writes a small, complete exercise folder, and
//! `backlab new lesson <id>` a lesson, to start from; both pass
//! `backlab check` as they are, so an author changes one thing at a time
//! and checks again.

use std::path::Path;

use anyhow::{Context as _, bail};

use super::NewArgs;
use crate::catalog::{Catalog, Files, Track, is_slug};

const JS: [(&str, &str); 6] = [
    ("exercise.toml", include_str!("new/js/exercise.toml")),
    ("README.md", include_str!("new/js/README.md")),
    ("starter.js", include_str!("new/js/starter.js")),
    ("solution.js", include_str!("new/js/solution.js")),
    ("schema.sql", include_str!("new/js/schema.sql")),
    ("seed.sql", include_str!("new/js/seed.sql")),
];

const SQL: [(&str, &str); 6] = [
    ("exercise.toml", include_str!("new/sql/exercise.toml")),
    ("README.md", include_str!("new/sql/README.md")),
    ("starter.sql", include_str!("new/sql/starter.sql")),
    ("solution.sql", include_str!("new/sql/solution.sql")),
    ("schema.sql", include_str!("new/sql/schema.sql")),
    ("seed.sql", include_str!("new/sql/seed.sql")),
];

const LESSON: &str = include_str!("new/lesson/lesson.md");

/// What `new` was asked to write.
enum Kind {
    Exercise,
    Lesson,
}

pub fn new(args: &NewArgs) -> anyhow::Result<u8> {
    let (kind, slug) = match args.words.as_slice() {
        [slug] => (Kind::Exercise, slug),
        [kind, slug] if kind == "exercise" => (Kind::Exercise, slug),
        [kind, slug] if kind == "lesson" => (Kind::Lesson, slug),
        [kind, _] => {
            bail!("`backlab new {kind} …`: write `new lesson <id>` or `new <id>` (an exercise)")
        }
        _ => bail!("give the new exercise's id: backlab new <id>"),
    };
    if !is_slug(slug) {
        bail!("{slug:?} is not a good id: use lowercase words joined by dashes, like list-notes");
    }
    let Some(track) = Track::from_slug(&args.track) else {
        bail!(
            "{:?} is not a track; the tracks are {}",
            args.track,
            Track::ALL.map(Track::slug).join(", ")
        );
    };
    let title = match &args.title {
        Some(title) if !title.trim().is_empty() => title.trim().to_string(),
        _ => title_of(slug),
    };
    match kind {
        Kind::Exercise => exercise(args, slug, track, &title),
        Kind::Lesson => lesson(args, slug, track, &title),
    }
}

/// "top-scores" → "Top scores".
fn title_of(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn exercise(args: &NewArgs, slug: &str, track: Track, title: &str) -> anyhow::Result<u8> {
    let files = match args.language.as_str() {
        "js" => JS,
        "sql" => SQL,
        other => bail!("{other:?} is not a language Backlab grades; use js or sql"),
    };
    let dir = args.content.join("exercises").join(slug);
    if dir.exists() {
        bail!(
            "{} already exists; pick another id or remove it first",
            dir.display()
        );
    }
    let lesson_file = match &args.lesson {
        Some(lesson) => Some(lesson_path(&args.content, lesson)?),
        None => None,
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, text) in files {
        let text = fill_exercise(name, text, track, title, args.lesson.as_deref());
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    outln!("Created {}:", dir.display());
    for (name, _) in files {
        outln!("  {name}");
    }
    if let Some(file) = lesson_file {
        add_to_lesson(&file, slug)?;
        outln!("and listed it in {}", file.display());
    }
    outln!(
        "\nIt passes as it is. Change the README, the solution and the tests, then run:\n  backlab check {}",
        args.content.display()
    );
    Ok(0)
}

/// A template file with this exercise's track, title and lesson put in.
fn fill_exercise(
    name: &str,
    text: &str,
    track: Track,
    title: &str,
    lesson: Option<&str>,
) -> String {
    let text = text.replace("\"TRACK\"", &format!("\"{}\"", track.slug()));
    match name {
        "exercise.toml" => {
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            for line in &mut lines {
                if line.starts_with("title = ") {
                    *line = format!("title = {}", toml_string(title));
                } else if line.starts_with("# lesson = ")
                    && let Some(lesson) = lesson
                {
                    *line = format!("lesson = {}", toml_string(lesson));
                }
            }
            lines.join("\n") + "\n"
        }
        "README.md" => match text.split_once('\n') {
            Some((heading, rest)) if heading.starts_with("# ") => format!("# {title}\n{rest}"),
            _ => text,
        },
        _ => text,
    }
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// The file of lesson `id` in the course at `content`.
fn lesson_path(content: &Path, id: &str) -> anyhow::Result<std::path::PathBuf> {
    let catalog = course(content)?;
    match catalog.lessons.iter().find(|l| l.id.0 == id) {
        Some(lesson) => Ok(content.join(&lesson.file)),
        None => bail!(
            "there is no lesson {id:?} in {}; `backlab new lesson {id}` starts one",
            content.display()
        ),
    }
}

/// The course at `content` as far as it loads (a course being written may
/// have problems; `new` only needs its lessons).
fn course(content: &Path) -> anyhow::Result<Catalog> {
    let files =
        Files::read_dir(content).with_context(|| format!("cannot read {}", content.display()))?;
    Ok(Catalog::load_all(&files).0)
}

/// Adds `slug` to the `exercises = [...]` line of a lesson's front matter.
fn add_to_lesson(file: &Path, slug: &str) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let updated = with_exercise(&text, slug).with_context(|| {
        format!(
            "could not add {slug:?} to the exercises of {} (its `exercises = [...]` is not on one line of the front matter): add it by hand",
            file.display()
        )
    })?;
    std::fs::write(file, updated).with_context(|| format!("cannot write {}", file.display()))
}

/// The lesson text with `slug` added to its one-line `exercises` list.
fn with_exercise(text: &str, slug: &str) -> Option<String> {
    let mut out = Vec::new();
    let mut done = false;
    let mut fences = 0;
    for line in text.lines() {
        if line.trim() == "+++" {
            fences += 1;
        }
        if fences == 1 && !done && line.trim_start().starts_with("exercises") {
            let (_, list) = line.split_once('=')?;
            let table: toml::Table = toml::from_str(&format!("x = {list}")).ok()?;
            let mut ids: Vec<String> = table
                .get("x")?
                .as_array()?
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect::<Option<_>>()?;
            ids.push(slug.to_string());
            let quoted: Vec<String> = ids.iter().map(|id| toml_string(id)).collect();
            out.push(format!("exercises = [{}]", quoted.join(", ")));
            done = true;
        } else {
            out.push(line.to_string());
        }
    }
    done.then(|| out.join("\n") + "\n")
}

fn lesson(args: &NewArgs, slug: &str, track: Track, title: &str) -> anyhow::Result<u8> {
    let catalog = course(&args.content)?;
    if catalog.lessons.iter().any(|l| l.id.0 == slug) {
        bail!("there is already a lesson {slug:?}; pick another id");
    }
    let order = catalog
        .lessons
        .iter()
        .filter(|l| l.track == track)
        .map(|l| l.order)
        .max()
        .unwrap_or(0)
        + 1;
    let dir = args.content.join("lessons").join(track.slug());
    let path = dir.join(format!("{order:02}-{slug}.md"));
    let text = LESSON
        .replace(
            "title = \"TITLE\"",
            &format!("title = {}", toml_string(title)),
        )
        .replace("# TITLE", &format!("# {title}"))
        .replace("\"TRACK\"", &format!("\"{}\"", track.slug()))
        .replace("order = ORDER", &format!("order = {order}"))
        .replace("--lesson LESSON", &format!("--lesson {slug}"));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    outln!("Created {}", path.display());
    outln!(
        "\nIt is lesson {order} of the {} track. Write it, then add an exercise that practises it:\n  backlab new <id> --track {} --lesson {slug}\n  backlab check {}",
        track.slug(),
        track.slug(),
        args.content.display()
    );
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_made_from_ids() {
        assert_eq!(title_of("top-scores"), "Top scores");
        assert_eq!(title_of("sql-injection-login"), "Sql injection login");
    }

    #[test]
    fn an_exercise_is_added_to_a_lessons_list() {
        let lesson = "+++\ntitle = \"T\"\nexercises = [\"a\"]\n+++\n\nexercises = [] in the text\n";
        assert_eq!(
            with_exercise(lesson, "b").unwrap(),
            "+++\ntitle = \"T\"\nexercises = [\"a\", \"b\"]\n+++\n\nexercises = [] in the text\n"
        );
        let empty = "+++\nexercises = []\n+++\n";
        assert_eq!(
            with_exercise(empty, "b").unwrap(),
            "+++\nexercises = [\"b\"]\n+++\n"
        );
        assert_eq!(
            with_exercise("+++\nexercises = [\n  \"a\",\n]\n+++\n", "b"),
            None
        );
    }
}
