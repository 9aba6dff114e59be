use callguard_core::screen::names;
#[test]
fn probe() {
    for n in [
        "c l i m b i n g",
        "climbing",
        "M i k o l a",
        "S h c h e r b a k  c l i m b i n g",
        "S h c h e r b a k",
        "KοʜCьEpж",
    ] {
        let r = names::read(n);
        println!(
            "{n:?}: {} spellings: {:?}",
            r.spellings.len(),
            names::explain(&r, [])
        );
    }
}
