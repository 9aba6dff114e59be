//! How the SDK reads display names: each spelling's words and the rule
//! that makes a claim. A developer's tool for the name rules.
//!
//! `cargo run -q -p callguard-core --example name_reading -- "Сбер поддержка" "Мама"`
//! (`SKETCH=1` shows each spelling's letters.)

use callguard_core::screen::names;

fn main() {
    for name in std::env::args().skip(1) {
        let reading = names::read(&name);
        println!("{name:?}");
        for (i, spelling) in reading.spellings.iter().enumerate() {
            println!("  spelling {i}: {} words", spelling.words());
            if std::env::var_os("SKETCH").is_some() {
                println!("    {}", spelling.sketch());
            }
        }
        match names::explain(&reading, []) {
            Some(rule) => println!("  claims ({rule})"),
            None => println!("  no claim"),
        }
    }
}
