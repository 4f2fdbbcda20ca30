//! Lessons: `lessons/<track>/NN-slug.md`, Markdown with a `+++` block of
//! TOML front matter (title, track, order, summary, exercises).

use serde::Deserialize;
use toml::Spanned;

use super::{ExerciseId, Lesson, LessonId, Problem, Track, is_slug};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    track: Spanned<Track>,
    order: Spanned<u32>,
    summary: String,
    #[serde(default)]
    exercises: Vec<Spanned<String>>,
}

/// A lesson file whose front matter parsed; links are checked later, when
/// every exercise is known.
pub struct Loaded {
    pub lesson: Lesson,
    /// Each linked exercise with the line that names it.
    pub links: Vec<(ExerciseId, u32)>,
    /// The line of the file the Markdown body starts on.
    pub body_line: u32,
}

/// Loads `path` (`lessons/<track>/NN-slug.md`).
pub fn load(path: &str, text: &str) -> Result<Loaded, Problem> {
    let (folder, file) = names(path)?;
    let (number, slug) = split_name(path, file)?;
    let (front, body, first_line) = split_front_matter(path, text)?;
    let parsed: FrontMatter =
        toml::from_str(front).map_err(|e| Problem::toml(path, front, first_line, &e))?;
    let line = |offset: usize| crate::sqltext::line_of(front, offset) + first_line - 1;
    if parsed.track.get_ref().slug() != folder {
        return Err(Problem::new(
            path,
            Some(line(parsed.track.span().start)),
            format!(
                "track = \"{}\" but the file is in lessons/{folder}/; move it or fix the track",
                parsed.track.get_ref().slug()
            ),
        ));
    }
    if *parsed.order.get_ref() != number {
        return Err(Problem::new(
            path,
            Some(line(parsed.order.span().start)),
            format!(
                "order = {} but the file name starts with {number:02}; make them agree",
                parsed.order.get_ref()
            ),
        ));
    }
    let links = parsed
        .exercises
        .iter()
        .map(|e| (ExerciseId(e.get_ref().clone()), line(e.span().start)))
        .collect();
    let lesson = Lesson {
        id: LessonId(slug.to_string()),
        track: *parsed.track.get_ref(),
        order: number,
        title: parsed.title,
        summary: parsed.summary,
        exercises: Vec::new(),
        body: body.to_string(),
        file: path.to_string(),
    };
    let body_line = crate::sqltext::line_of(text, text.len() - body.len());
    Ok(Loaded {
        lesson,
        links,
        body_line,
    })
}

/// The track folder and the file name.
fn names(path: &str) -> Result<(&str, &str), Problem> {
    let parts: Vec<&str> = path.split('/').collect();
    match parts.as_slice() {
        ["lessons", folder, file] if Track::from_slug(folder).is_some() => Ok((folder, file)),
        ["lessons", folder, _] => Err(Problem::new(
            path,
            None,
            format!(
                "lessons/{folder}/ is not a track; the tracks are {}",
                Track::slugs()
            ),
        )),
        _ => Err(Problem::new(
            path,
            None,
            "a lesson belongs in lessons/<track>/NN-slug.md",
        )),
    }
}

/// `03-status-codes.md` → (3, "status-codes").
fn split_name<'a>(path: &str, file: &'a str) -> Result<(u32, &'a str), Problem> {
    let bad = || {
        Problem::new(
            path,
            None,
            "a lesson file is named NN-slug.md: two digits, a dash, then lowercase words joined by dashes (01-what-is-a-server.md)",
        )
    };
    let stem = file.strip_suffix(".md").ok_or_else(bad)?;
    let (number, slug) = stem.split_once('-').ok_or_else(bad)?;
    if number.len() != 2 || !is_slug(slug) {
        return Err(bad());
    }
    Ok((number.parse().map_err(|_| bad())?, slug))
}

/// Splits `+++\nTOML\n+++\nbody` into the TOML, the body and the line the
/// TOML starts on.
fn split_front_matter<'a>(path: &str, text: &'a str) -> Result<(&'a str, &'a str, u32), Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        return Err(Problem::new(
            path,
            Some(1),
            "a lesson starts with front matter: a line `+++`, TOML with title, track, order, summary and exercises, then another `+++`",
        ));
    };
    let close = rest
        .match_indices("+++")
        .find(|(i, _)| *i == 0 || rest.as_bytes()[i - 1] == b'\n')
        .map(|(i, _)| i)
        .ok_or_else(|| {
            Problem::new(
                path,
                Some(1),
                "the front matter opened on line 1 is never closed: add a line `+++` after it",
            )
        })?;
    let body = rest[close + 3..].trim_start_matches(['\r', '\n']);
    Ok((&rest[..close], body, 2))
}
