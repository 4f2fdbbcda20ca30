//! Backlab: learn back-end development by doing it. The library holds the
//! parts; `main.rs` is a thin command line over them.

pub mod authoring;
pub mod catalog;
pub mod class;
pub mod cli;
pub mod grader;
pub mod mutation;
pub mod sandbox;
pub mod scratch;
pub mod server;
pub mod sqltext;
pub mod store;
