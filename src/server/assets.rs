//! The static files built into the binary (the stylesheet, and the script
//! bundle esbuild made from `web/editor`), served by name only so no path
//! reaches the disk. Pages link them with a content hash in the address,
//! so a browser may keep them for a year and still never runs a stale one.

use std::sync::LazyLock;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::error::AppError;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const ASSETS: [Asset; 2] = [
    Asset {
        name: "style.css",
        content_type: "text/css; charset=utf-8",
        body: include_str!("../../web/static/style.css"),
    },
    Asset {
        name: "backlab.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_str!(concat!(env!("OUT_DIR"), "/backlab.js")),
    },
];

/// The first 16 hex digits of each asset's SHA-256, in `ASSETS` order.
static VERSIONS: LazyLock<Vec<String>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|asset| {
            let digest = Sha256::digest(asset.body.as_bytes());
            digest[..8].iter().map(|b| format!("{b:02x}")).collect()
        })
        .collect()
});

/// `/static/<name>?v=<hash>` for each asset, keyed by name, for the templates.
pub fn urls() -> Vec<(&'static str, String)> {
    ASSETS
        .iter()
        .zip(VERSIONS.iter())
        .map(|(asset, version)| (asset.name, format!("/static/{}?v={version}", asset.name)))
        .collect()
}

#[derive(Deserialize)]
pub struct Version {
    v: Option<String>,
}

/// `/static/<name>`: kept for a year when asked for by its current hash,
/// otherwise revalidated on every use.
pub async fn asset(
    Path(name): Path<String>,
    version: Result<Query<Version>, QueryRejection>,
) -> Response {
    // A query that does not parse is simply not the current version.
    let version = version.map_or(None, |Query(v)| v.v);
    let Some(index) = ASSETS.iter().position(|a| a.name == name) else {
        return AppError::not_found(format!("there is no file {name:?}")).into_response();
    };
    let asset = &ASSETS[index];
    let cache = if version.as_deref() == Some(VERSIONS[index].as_str()) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    (
        [
            (header::CONTENT_TYPE, asset.content_type),
            (header::CACHE_CONTROL, cache),
        ],
        asset.body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_has_a_hashed_url() {
        let urls = urls();
        assert_eq!(urls.len(), ASSETS.len());
        for (name, url) in urls {
            let version = url.rsplit_once("?v=").unwrap().1;
            assert!(url.starts_with(&format!("/static/{name}?v=")), "{url}");
            assert_eq!(version.len(), 16, "{url}");
            assert!(version.chars().all(|c| c.is_ascii_hexdigit()), "{url}");
        }
    }
}
