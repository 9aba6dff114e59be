//! Differential test against Python phonenumbers (see tests/normalize/gen_corpus.py).
//!
//! Corpus path: $CALLGUARD_NORMALIZE_CORPUS, else target/normalize_corpus.tsv (as scripts/test-all.sh writes it) in the
//! crate root.  A missing corpus FAILS the test rather than skipping it: a
//! skipped differential test looks green in CI while checking nothing.

use callguard_core::normalize::{format_e164, normalize, Normalized, Region};
use std::collections::BTreeMap;

const MUST_BE_EXACT: [&str; 4] = ["RU", "KZ", "BY", "UA"];
const MIN_OVERALL: f64 = 99.5;

#[test]
fn agreement_with_libphonenumber() {
    let path = std::env::var("CALLGUARD_NORMALIZE_CORPUS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../target/normalize_corpus.tsv"
        )
        .to_string()
    });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("cannot read corpus {path}: {e}; run `python3 tests/normalize/gen_corpus.py target/normalize_corpus.tsv` or set CALLGUARD_NORMALIZE_CORPUS")
    });

    // home region -> (agree, total)
    let mut per_region: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut mismatches = Vec::new();
    for (lineno, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty()) {
        let mut cols = line.split('\t');
        let (Some(home), Some(input), Some(expected), None) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            panic!("{path}:{}: malformed row {line:?}", lineno + 1);
        };
        let region = Region::from_iso(home).unwrap_or_else(|| panic!("unknown region {home}"));
        let got = normalize(input, region);
        let ok = matches!(&got, Normalized::E164(n) if format_e164(*n) == expected);
        let e = per_region.entry(home).or_default();
        e.1 += 1;
        if ok {
            e.0 += 1;
        } else {
            mismatches.push(format!(
                "{home}\t{input:?}\texpected {expected}\tgot {got:?}"
            ));
        }
    }

    let (agree, total) = per_region
        .values()
        .fold((0, 0), |a, v| (a.0 + v.0, a.1 + v.1));
    assert!(total > 0, "empty corpus {path}");
    let pct = |a: usize, t: usize| 100.0 * a as f64 / t.max(1) as f64;
    let exact: Vec<String> = MUST_BE_EXACT
        .iter()
        .map(|r| {
            let (a, t) = per_region.get(r).copied().unwrap_or((0, 0));
            format!("{r} {a}/{t}")
        })
        .collect();
    println!(
        "normalize agreement: {agree}/{total} = {:.3}% overall; RU/KZ/BY/UA: {}",
        pct(agree, total),
        exact.join(", ")
    );
    for (r, (a, t)) in &per_region {
        if a != t {
            println!("  {r}: {a}/{t} = {:.2}%", pct(*a, *t));
        }
    }
    for m in mismatches.iter().take(20) {
        println!("  mismatch: {m}");
    }

    for r in MUST_BE_EXACT {
        let (a, t) = per_region.get(r).copied().unwrap_or((0, 0));
        assert!(t > 0, "corpus has no rows for {r}");
        assert_eq!(a, t, "{r} must agree 100%");
    }
    assert!(
        pct(agree, total) >= MIN_OVERALL,
        "overall agreement below {MIN_OVERALL}%"
    );
}
