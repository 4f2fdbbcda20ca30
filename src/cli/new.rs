//! `backlab new <slug>`: writes a small, complete exercise folder to start
//! from; it passes `backlab check` as it is, so an author changes one thing
//! at a time and checks again.

use std::path::Path;

use anyhow::{Context as _, bail};

use super::NewArgs;
use crate::catalog::{Track, is_slug};

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

pub fn new(args: &NewArgs) -> anyhow::Result<u8> {
    if !is_slug(&args.slug) {
        bail!(
            "{:?} is not a good id: use lowercase words joined by dashes, like list-notes",
            args.slug
        );
    }
    let Some(track) = Track::from_slug(&args.track) else {
        bail!(
            "{:?} is not a track; the tracks are servers, databases, apis, security, capstone",
            args.track
        );
    };
    let files = match args.language.as_str() {
        "js" => JS,
        "sql" => SQL,
        other => bail!("{other:?} is not a language Backlab grades; use js or sql"),
    };
    let dir = args.content.join("exercises").join(&args.slug);
    if dir.exists() {
        bail!(
            "{} already exists; pick another id or remove it first",
            dir.display()
        );
    }
    write(&dir, &files, track)?;
    outln!("Created {}:", dir.display());
    for (name, _) in files {
        outln!("  {name}");
    }
    outln!(
        "\nIt passes as it is. Change the README, the solution and the tests, then run:\n  backlab check {}",
        args.content.display()
    );
    Ok(0)
}

fn write(dir: &Path, files: &[(&str, &str)], track: Track) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (name, text) in files {
        let text = text.replace("\"TRACK\"", &format!("\"{}\"", track.slug()));
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
