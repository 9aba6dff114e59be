//! What the contact audit costs: 10 000 contacts of 5 numbers each (the
//! documented bound of docs/screening.md), against the shared list vector,
//! median of 7 runs. Run: cargo run --release -p callguard-core --example contact_audit_figures

use callguard_core::accept::verify_signed_list;
use callguard_core::contacts::{audit, Contact};
use callguard_core::normalize::Region;
use callguard_core::screen::Lang;
use callguard_core::{Trust, DEFAULT_MAX_LIST_BYTES};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let read = |p: &str| std::fs::read(dir.join(p)).unwrap();
    let trust = Trust::from_json(&read("trust/example-bank.json")).unwrap();
    let list = verify_signed_list(
        &read("lists/valid-eddsa-general.jws"),
        &trust,
        DEFAULT_MAX_LIST_BYTES,
    )
    .unwrap();
    let lists = [list.list().clone()];
    let names = [
        "Анна Петрова",
        "Мама Пример Банк работа",
        "Служба безопасности Пример Банка",
        "Pizza 🍕",
        "Иван (Example Bank)",
        "Такси",
        "Полиция",
        "Пример Банк",
    ];
    let numbers: Vec<Vec<String>> = (0..10_000)
        .map(|i| {
            (0..5)
                .map(|j| {
                    format!(
                        "+7 9{:02} {:03}-{:02}-{:02}",
                        10 + j * 7,
                        i % 1000,
                        i % 97,
                        (i * j) % 89
                    )
                })
                .collect()
        })
        .collect();
    let contacts: Vec<Contact<'_>> = numbers
        .iter()
        .enumerate()
        .map(|(i, ns)| Contact {
            name: names[i % names.len()],
            numbers: ns.iter().map(String::as_str).collect(),
        })
        .collect();
    let mut times = Vec::new();
    let mut found = 0;
    for _ in 0..7 {
        let t = Instant::now();
        found = audit(&contacts, &lists, Region::from_iso("RU"), Lang::En).len();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "contact audit: 10 000 contacts x 5 numbers: median {:.1} ms (min {:.1}, max {:.1}), {found} findings",
        times[3], times[0], times[6]
    );
}
