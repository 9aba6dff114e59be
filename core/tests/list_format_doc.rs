//! docs/list-format.md cannot drift from the code: every code in its
//! rejection tables is one the verifier returns (and every such code is
//! documented), and each recipe block is the file the interop test runs.

use callguard_core::error::CODES;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn doc() -> String {
    std::fs::read_to_string(root().join("docs/list-format.md")).unwrap()
}

/// The text of a `## ` section, from its heading to the next one.
fn section<'a>(doc: &'a str, heading: &str) -> &'a str {
    let start = doc.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    let rest = &doc[start + heading.len()..];
    &rest[..rest.find("\n## ").unwrap_or(rest.len())]
}

/// Each markdown table of `text`: its header cells and its rows' cells.
fn tables(text: &str) -> Vec<(Vec<String>, Vec<Vec<String>>)> {
    let cells = |line: &str| -> Vec<String> {
        let inner = line.trim().trim_start_matches('|').trim_end_matches('|');
        inner.split(" | ").map(|c| c.trim().to_string()).collect()
    };
    let mut out: Vec<(Vec<String>, Vec<Vec<String>>)> = Vec::new();
    let mut in_table = false;
    for line in text.lines() {
        if !line.starts_with('|') {
            in_table = false;
            continue;
        }
        if !in_table {
            out.push((cells(line), Vec::new()));
            in_table = true;
        } else if !line.starts_with("| ---") {
            out.last_mut().unwrap().1.push(cells(line));
        }
    }
    out
}

#[test]
fn every_documented_code_is_a_real_code_and_every_code_is_documented() {
    let doc = doc();
    let tables = tables(section(&doc, "## 5. Rejection codes"));
    assert_eq!(tables.len(), 2, "the code table and the cause table");
    for (header, rows) in &tables {
        let column = header
            .iter()
            .position(|h| h == "code")
            .expect("a code column");
        let mut seen: Vec<&str> = Vec::new();
        for row in rows {
            let cell = &row[column];
            let code = cell
                .strip_prefix('`')
                .and_then(|c| c.strip_suffix('`'))
                .unwrap_or_else(|| panic!("not one `code`: {row:?}"));
            assert!(
                CODES.contains(&code),
                "{code:?} is not in error::CODES ({row:?})"
            );
            seen.push(code);
        }
        for code in CODES {
            assert!(seen.contains(&code), "{code} is missing from a §5 table");
        }
        assert!(rows.len() >= CODES.len());
    }
}

#[test]
fn the_acceptance_order_uses_only_real_codes() {
    let doc = doc();
    let tables = tables(section(&doc, "## 4. Acceptance, in order"));
    let (header, rows) = &tables[0];
    let column = header.iter().position(|h| h == "code").unwrap();
    for row in rows {
        let code = row[column].trim_matches('`');
        assert!(CODES.contains(&code), "{row:?}");
    }
}

#[test]
fn recipe_blocks_are_the_files_the_tests_run() {
    let doc = doc();
    let mut included = Vec::new();
    for (at, _) in doc.match_indices("<!-- include: ") {
        let rest = &doc[at + "<!-- include: ".len()..];
        let path = &rest[..rest.find(" -->").unwrap()];
        let block = rest[rest.find("\n```").unwrap() + 4..]
            .split_once('\n')
            .unwrap()
            .1;
        let body = &block[..block.find("\n```\n").expect("a closed code block")];
        let file = std::fs::read_to_string(root().join(path)).unwrap();
        assert!(
            body == file.trim_end_matches('\n'),
            "docs/list-format.md quotes {path} out of date: paste the file into the block again"
        );
        included.push(path.to_string());
    }
    for needed in [
        "tests/interop/jose_python/recipe.py",
        "tests/interop/jose_node/recipe.mjs",
    ] {
        assert!(included.iter().any(|p| p == needed), "{needed} not quoted");
    }
}
