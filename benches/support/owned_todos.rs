//! The todos of several owners that the sandbox and peer benchmarks query:
//! one schema and seed, so their figures are for the same data.

pub const SCHEMA: &str = "CREATE TABLE todos (id INTEGER PRIMARY KEY, title TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0, owner TEXT);";
pub const SEED: &str = "INSERT INTO todos (title, done, owner) VALUES ('Buy milk', 0, 'ada'), ('Write tests', 1, 'ada'), ('Call mum', 0, 'bob');";
