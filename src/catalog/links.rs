//! Links inside lessons: one that points at a page of the course must lead
//! to a page that exists, or a learner following it meets a 404. Links to
//! other sites are left alone (Backlab works offline and cannot try them).

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Parser, Tag};

use super::{Problem, Track};

/// What a course's pages are, for resolving links.
pub struct Pages<'a> {
    pub lessons: BTreeSet<&'a str>,
    pub exercises: BTreeSet<&'a str>,
}

/// Reports each link in `body` (which starts on `first_line` of `file`)
/// that leads to no page of the course.
pub fn check(
    file: &str,
    body: &str,
    first_line: u32,
    pages: &Pages<'_>,
    problems: &mut Vec<Problem>,
) {
    for (event, range) in Parser::new(body).into_offset_iter() {
        let Event::Start(Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let Some(path) = site_path(&dest_url) else {
            continue;
        };
        if !pages.has(&path) {
            let line = crate::sqltext::line_of(body, range.start) + first_line - 1;
            problems.push(Problem::new(
                file,
                Some(line),
                format!(
                    "the link to {dest_url} leads to no page of this course (lessons are \
                     /lessons/<id>, exercises /exercises/<id>, tracks /tracks/<track>)"
                ),
            ));
        }
    }
}

impl Pages<'_> {
    fn has(&self, path: &str) -> bool {
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        match segments.as_slice() {
            [""] => true,
            ["lessons", id] => self.lessons.contains(id),
            ["exercises", id] => self.exercises.contains(id),
            ["tracks", slug] => Track::from_slug(slug).is_some(),
            _ => false,
        }
    }
}

/// The course path a link leads to, resolved from a lesson's own address
/// (`/lessons/<id>`); `None` for other sites, mail and in-page anchors.
fn site_path(dest: &str) -> Option<String> {
    let dest = dest.split(['#', '?']).next().unwrap_or("");
    if dest.is_empty() || dest.starts_with("//") || dest.contains(':') {
        return None;
    }
    let mut segments: Vec<&str> = if dest.starts_with('/') {
        Vec::new()
    } else {
        vec!["lessons"]
    };
    for part in dest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            part => segments.push(part),
        }
    }
    Some(format!("/{}", segments.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(body: &str) -> Vec<String> {
        let pages = Pages {
            lessons: ["routes", "select"].into(),
            exercises: ["hello-route"].into(),
        };
        let mut found = Vec::new();
        check("lessons/servers/01-routes.md", body, 10, &pages, &mut found);
        found.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn links_to_pages_that_exist_are_fine() {
        let body = "See [SELECT](/lessons/select), [try it](/exercises/hello-route), \
                    [the track](/tracks/databases), [home](/), [next](select#top), \
                    [up](../exercises/hello-route), [MDN](https://developer.mozilla.org/), \
                    [mail](mailto:a@b.c) and [here](#anchor).";
        assert_eq!(problems(body), Vec::<String>::new());
    }

    #[test]
    fn links_to_missing_pages_are_reported_at_their_line() {
        let body = "Intro.\n\nSee [SELECT](/lessons/selects)\nand [it](/exercises/nope), \
                    [bad track](/tracks/cooking), [rel](joins).";
        assert_eq!(
            problems(body),
            [
                "lessons/servers/01-routes.md:12: the link to /lessons/selects leads to no page of this course (lessons are /lessons/<id>, exercises /exercises/<id>, tracks /tracks/<track>)",
                "lessons/servers/01-routes.md:13: the link to /exercises/nope leads to no page of this course (lessons are /lessons/<id>, exercises /exercises/<id>, tracks /tracks/<track>)",
                "lessons/servers/01-routes.md:13: the link to /tracks/cooking leads to no page of this course (lessons are /lessons/<id>, exercises /exercises/<id>, tracks /tracks/<track>)",
                "lessons/servers/01-routes.md:13: the link to joins leads to no page of this course (lessons are /lessons/<id>, exercises /exercises/<id>, tracks /tracks/<track>)",
            ]
        );
    }
}
