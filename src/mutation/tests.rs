//! What the generated mutants of small programs are, change by change.

use super::*;

fn changes(language: Language, source: &str) -> Vec<(u32, String)> {
    mutations(language, source, "")
        .into_iter()
        .map(|m| (m.line, m.change))
        .collect()
}

fn code_with(language: Language, source: &str, change: &str) -> String {
    mutations(language, source, "")
        .into_iter()
        .find(|m| m.change == change)
        .unwrap_or_else(|| panic!("no mutant {change:?} in {:#?}", changes(language, source)))
        .code
}

#[test]
fn js_boundaries_logic_and_negations() {
    let src = "if (a.length > 20 && !ok) {\n  return res.status(400).json({});\n}\n";
    let found = changes(Language::Js, src);
    for change in [
        "`>` → `>=`",
        "`&&` → `||`",
        "`!ok` → `ok`",
        "`20` → `21`",
        "`20` → `19`",
        "status 400 → 422",
        "removed `return` after a check",
        "`if (a.length > 20 && !ok)` → `if (false)`",
        "`if (a.length > 20 && !ok)` → `if (true)`",
    ] {
        assert!(
            found.iter().any(|(_, c)| c == change),
            "{change} missing from {found:#?}"
        );
    }
    assert!(
        found
            .iter()
            .all(|(line, c)| *line == 1 || c.contains("return") || c.starts_with("status"))
    );
}

#[test]
fn removed_statements_keep_later_lines_in_place() {
    let src =
        "app.get(\"/\", (req, res) => {\n  res.set(\"A\",\n    \"b\");\n  res.send(\"x\");\n});\n";
    let code = code_with(Language::Js, src, "removed `res.set(\"A\", \"b\");`");
    assert_eq!(
        code,
        "app.get(\"/\", (req, res) => {\n  \n\n  res.send(\"x\");\n});\n"
    );
    // Object literals are not blocks: their keys are not statements.
    let src = "res.json({ a: 1, b });";
    assert!(
        changes(Language::Js, src)
            .iter()
            .all(|(_, c)| !c.contains("removed `a"))
    );
}

#[test]
fn a_final_return_is_left_alone_but_await_is_removed() {
    let src =
        "app.get('/', async (req, res) => {\n  const r = await load();\n  return res.json(r);\n});";
    let found = changes(Language::Js, src);
    assert!(
        !found.iter().any(|(_, c)| c.contains("return")),
        "{found:#?}"
    );
    let code = code_with(Language::Js, src, "removed `await`");
    assert!(code.contains("const r = load();"));
}

#[test]
fn sql_in_strings_is_mutated_in_place() {
    let src = "db.prepare(\"SELECT * FROM t WHERE owner = ? AND done = 0 ORDER BY id\").all(u);";
    let code = code_with(Language::Js, src, "removed the WHERE condition `owner = ?`");
    assert!(
        code.contains("\"SELECT * FROM t WHERE done = 0 ORDER BY id\""),
        "{code}"
    );
    let code = code_with(Language::Js, src, "`ORDER BY id` → `ORDER BY id DESC`");
    assert!(code.contains("ORDER BY id DESC\""), "{code}");
    let found = changes(Language::Js, src);
    assert!(found.iter().any(|(_, c)| c == "`AND` → `OR`"));
    assert!(found.iter().any(|(_, c)| c.starts_with("`=` → `<>`")));
}

#[test]
fn template_holes_are_never_cut_in_half() {
    let src = "db.prepare(`SELECT * FROM t WHERE a = ${x} AND b < ${y + 1}`).all();";
    for m in mutations(Language::Js, src, "") {
        assert_eq!(
            m.code.matches("${").count(),
            m.code.matches('}').count(),
            "{}",
            m.code
        );
    }
    let code = code_with(Language::Js, src, "removed the WHERE condition `a = ?`");
    assert!(code.contains("WHERE b < ${y + 1}`"), "{code}");
}

#[test]
fn sql_precedence_grouping_and_limits() {
    let src = "SELECT city, name, COUNT(*) FROM c LEFT JOIN o ON o.cid = c.id\n\
               WHERE (a = 1 OR b = 2) AND c.x IS NULL AND d BETWEEN 1 AND 5\n\
               GROUP BY city, c.id ORDER BY city DESC LIMIT 10 OFFSET 5;";
    let found = changes(Language::Sql, src);
    for change in [
        "removed the parentheses of `(a = 1 OR b = 2)`",
        "`LEFT JOIN` → `JOIN`",
        "`IS NULL` → `IS NOT NULL`",
        "removed the WHERE condition `c.x IS NULL`",
        "removed the WHERE condition `d BETWEEN 1 AND 5`",
        "removed `city` from GROUP BY",
        "removed `c.id` from GROUP BY",
        "`DESC` → `ASC`",
        "`LIMIT 10` → `LIMIT 11`",
        "`OFFSET 5` → `OFFSET 4`",
        "removed `ON o.cid = c.id`",
    ] {
        assert!(
            found.iter().any(|(_, c)| c == change),
            "{change} missing from {found:#?}"
        );
    }
    // BETWEEN's AND is not a condition separator.
    let and_or = found.iter().filter(|(_, c)| c.starts_with("`AND` → `OR`"));
    assert_eq!(and_or.count(), 2);
}

#[test]
fn update_assignments_are_not_comparisons() {
    let src = "UPDATE t SET a = 1, b = 2 WHERE id = ?";
    let found = changes(Language::Sql, src);
    assert_eq!(
        found.iter().filter(|(_, c)| c == "`=` → `<>`").count(),
        1,
        "{found:#?}"
    );
    let code = code_with(Language::Sql, src, "removed `WHERE id = ?`");
    assert_eq!(code, "UPDATE t SET a = 1, b = 2 ");
}

#[test]
fn every_mutant_differs_from_the_source_and_the_others() {
    let src = "SELECT * FROM t WHERE a = 1;\nSELECT 2;";
    let all = mutations(Language::Sql, src, "");
    assert!(
        all.iter()
            .any(|m| m.change.starts_with("removed the statement"))
    );
    let mut codes: Vec<&str> = all.iter().map(|m| m.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), all.len());
    assert!(all.iter().all(|m| m.code != src));
}

#[test]
fn lines_the_starter_already_has_are_not_mutated() {
    let starter = "app.get(\"/a\", (req, res) => res.status(200).send(\"a\"));\n// TODO: /b\n";
    let solution = "app.get(\"/a\", (req, res) => res.status(200).send(\"a\"));\napp.get(\"/b\", (req, res) => res.status(404).end());\n";
    let all = mutations(Language::Js, solution, starter);
    assert!(!all.is_empty());
    assert!(all.iter().all(|m| m.line == 2), "{all:#?}");
}

#[test]
fn the_same_change_twice_on_a_line_is_numbered() {
    let src = "const page = count(req.query.offset, 0, 0);";
    let found = changes(Language::Js, src);
    assert!(
        found
            .iter()
            .any(|(_, c)| c == "`0` → `1` (1st on the line)"),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(_, c)| c == "`0` → `1` (2nd on the line)"),
        "{found:#?}"
    );
}
