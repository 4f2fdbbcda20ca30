//! Programs built at random from a grammar of nasty pieces (endless loops,
//! memory hoards, deep recursion, runaway SQL, TEMP floods, header floods,
//! forbidden pragmas, hostile hashes), in any order and combination: the
//! process survives, a verdict comes back soon after the deadline, host
//! memory stays bounded, and the next program runs normally.

use std::time::Duration;

use backlab::sandbox::Verdict;
use proptest::prelude::*;

use crate::util::{get, next_run_works, quick, run_with};

/// Pieces of JavaScript a handler body is made of.
const JS: &[&str] = &[
    "for (;;) {}",
    "const a = []; for (;;) a.push('x'.repeat(1 << 16));",
    "const f = (n) => f(n + 1) + 1; f(0);",
    "let s = 'x'; for (let i = 0; i < 40; i++) s += s;",
    "for (let i = 0; i < 100000; i++) res.append('X-' + i, 'v');",
    "res.set('X-Big', 'y'.repeat(1 << 20));",
    "res.write('z'.repeat(2 << 20));",
    "console.log('w'.repeat(1 << 20));",
    "JSON.parse('['.repeat(100000));",
    "crypto.verifyPassword('pw', '$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0$' + 'A'.repeat(43));",
    "crypto.verifyPassword('pw', '$argon2id$v=19$m=8,t=4000000000,p=1$c2FsdHNhbHRzYWx0$' + 'A'.repeat(43));",
    "throw new Error('boom');",
    "Promise.reject(new Error('later'));",
];

/// Pieces of SQL, each run with `db.exec`.
const SQL: &[&str] = &[
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n",
    "SELECT instr(printf('%.*c', 8000000, 'a'), printf('%.*c', 20000, 'a') || 'b')",
    "CREATE TEMP TABLE t (b); WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000) INSERT INTO t SELECT randomblob(8192) FROM n",
    "CREATE TABLE big (b); WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000) INSERT INTO big SELECT randomblob(8192) FROM n",
    "ATTACH DATABASE '/tmp/backlab-nasty.db' AS other",
    "PRAGMA writable_schema = ON",
    "PRAGMA foreign_keys = OFF",
    "SELECT load_extension('/tmp/evil.so')",
    "CREATE TEMP VIEW todos AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n",
    "ALTER TABLE todos RENAME TO gone; CREATE VIEW todos AS SELECT * FROM gone",
    "SELECT zeroblob(8000000), zeroblob(8000000), zeroblob(8000000), zeroblob(8000000), zeroblob(8000000), zeroblob(8000000), zeroblob(8000000), zeroblob(8000000), zeroblob(8000000), zeroblob(8000000)",
    "BEGIN; DELETE FROM todos",
    "VACUUM INTO '/tmp/backlab-nasty-copy.db'",
];

#[derive(Debug, Clone)]
enum Piece {
    Js(usize),
    Sql(usize),
    Query(usize),
}

impl Piece {
    fn code(&self) -> String {
        match self {
            Self::Js(i) => JS[*i].to_string(),
            Self::Sql(i) => format!("try {{ db.exec({:?}); }} catch (e) {{}}", SQL[*i]),
            Self::Query(i) => format!("db.prepare({:?}).all();", SQL[*i]),
        }
    }
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        (0..JS.len()).prop_map(Piece::Js),
        (0..SQL.len()).prop_map(Piece::Sql),
        (0..SQL.len()).prop_map(Piece::Query),
    ]
}

/// Resident memory of this test process, in bytes.
fn resident_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_mix_of_nasty_pieces_ends_in_a_verdict(pieces in prop::collection::vec(piece(), 1..4), top in any::<bool>()) {
        let body: Vec<String> = pieces.iter().map(Piece::code).collect();
        let body = body.join("\n");
        let code = if top {
            format!("{body}\napp.get('/', (req, res) => res.end('done'));")
        } else {
            format!("app.get('/', (req, res) => {{\n{body}\nres.end('done');\n}});")
        };
        let options = quick();
        let outcome = run_with(&code, get("/"), &options);
        prop_assert!(
            outcome.duration < options.limits.timeout + Duration::from_secs(3),
            "took {:?}", outcome.duration
        );
        prop_assert!(!matches!(outcome.verdict, Verdict::Crash { .. }), "{:?}", outcome.verdict);
        prop_assert!(serde_json::to_string(&outcome.trace).unwrap().len() < 2 << 20);
        prop_assert!(resident_bytes() < 3 << 30, "resident: {} MiB", resident_bytes() >> 20);
        next_run_works();
    }
}
