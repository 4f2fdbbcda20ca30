//! The course map in the README: every track with its lessons and their
//! exercises, written from the catalog so the README cannot drift from the
//! course (a test compares them).

use super::{Catalog, Lesson, Track};

/// Markdown: a heading per track, a numbered list of its lessons, each with
/// its exercises. Tracks without lessons are left out.
pub fn course_map(catalog: &Catalog) -> String {
    let mut out = String::new();
    for track in Track::ALL {
        // The catalog keeps its lessons in course order.
        let lessons: Vec<&Lesson> = catalog
            .lessons
            .iter()
            .filter(|l| l.track == track)
            .collect();
        if lessons.is_empty() {
            continue;
        }
        out.push_str(&format!("**{}**\n\n", track.title()));
        for (n, lesson) in lessons.iter().enumerate() {
            let exercises: Vec<&str> = lesson
                .exercises
                .iter()
                .filter_map(|id| catalog.exercise(&id.0))
                .map(|e| e.title.as_str())
                .collect();
            out.push_str(&format!("{}. {}", n + 1, lesson.title));
            if !exercises.is_empty() {
                out.push_str(&format!(" — *{}*", exercises.join("; ")));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    let exercises = catalog.exercises.len();
    out.push_str(&format!(
        "{} lessons and {exercises} exercises in all.\n",
        catalog.lessons.len()
    ));
    out
}
