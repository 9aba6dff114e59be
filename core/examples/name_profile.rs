//! Reads one name many times, for a profiler: `perf record` on
//! `cargo run --release -p callguard-core --example name_profile -- NAME`.
use callguard_core::screen::names;
fn main() {
    let name = std::env::args().nth(1).unwrap_or_else(|| {
        "Анна Сергеевна Иванова (соседка, 3 этаж) 🌸 дача Подмосковье 2024".to_string()
    });
    let mut claims = 0;
    for _ in 0..std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000)
    {
        let read = names::read(std::hint::black_box(&name));
        claims += usize::from(names::claims_authority(&read, []));
    }
    println!("{claims}");
}
