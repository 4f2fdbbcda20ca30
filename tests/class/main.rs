//! Class mode: the store on SQLite and on a real PostgreSQL, and the
//! router's permission rules, CSRF, sessions and escaping.

mod access;
mod harness;
mod instructor;
mod postgres;
mod sessions;
mod store;

use backlab::catalog::{Catalog, Files};

pub fn builtin() -> Catalog {
    Catalog::load(&Files::builtin()).expect("the course loads")
}
