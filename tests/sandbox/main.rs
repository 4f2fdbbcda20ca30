//! Integration tests of the real sandbox: the real guest in wasmtime, a real
//! scratch SQLite database, the real prelude.

mod api;
mod boundary;
mod config;
mod database;
mod hostile;
mod isolation;
mod nasty;
mod services;
mod util;
