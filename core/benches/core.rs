//! Criterion benchmarks for the hot paths. `scripts/bench.sh` runs them and
//! prints the figures next to their budgets.
//!
//! - screen: one call against a 10 000-contact list (budget: median ≤ 2 µs)
//! - normalize: one caller string (budget: ≤ 1 µs)
//! - verify_and_load: a 10 000-contact list from bytes (budget: ≤ 5 ms)

use callguard_core::accept::verify_signed_list;
use callguard_core::normalize::{normalize, Region};
use callguard_core::screen::{screen, Attestation, Call, CallDirection, Context, Lang};
use callguard_core::testing::{synthetic_list, synthetic_number};
use callguard_core::{Channel, Timestamp};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let (jws, trust) = synthetic_list(10_000);
    let list = verify_signed_list(&jws, &trust, 64 << 20)
        .unwrap()
        .list()
        .clone();
    let lists = vec![list];
    let ctx = Context {
        home: Region::from_iso("RU"),
        lang: Lang::En,
        now: Timestamp(1_800_000_000),
    };
    let listed = synthetic_number(4321);
    let call = |number| Call {
        number,
        channel: Channel::Phone,
        display_name: None,
        attestation: Attestation::NotVerified,
        direction: CallDirection::Incoming,
    };
    c.bench_function("screen/listed_number_10k", |b| {
        b.iter(|| screen(black_box(&lists), black_box(&call(&listed)), &ctx))
    });
    c.bench_function("screen/unlisted_number_10k", |b| {
        b.iter(|| {
            screen(
                black_box(&lists),
                black_box(&call("+7 916 123-45-67")),
                &ctx,
            )
        })
    });
    let messenger = Call {
        number: "",
        channel: Channel::Whatsapp,
        display_name: Some("Служба безопасности Пример Банка"),
        attestation: Attestation::NotVerified,
        direction: CallDirection::Incoming,
    };
    c.bench_function("screen/messenger_name_10k", |b| {
        b.iter(|| screen(black_box(&lists), black_box(&messenger), &ctx))
    });
    // A friend: every name rule runs to the end and finds nothing.
    let friend = Call {
        display_name: Some("Анна Иванова 🌸 (соседка)"),
        ..messenger
    };
    c.bench_function("screen/messenger_friend_10k", |b| {
        b.iter(|| screen(black_box(&lists), black_box(&friend), &ctx))
    });
    let samples = [
        "8 (800) 555-35-35",
        "+7 495 500-55-50",
        "8 10 44 20 7946 0958",
        "tel:+7-495-500-55-50",
        "\u{202a}+7 916 123\u{2011}45\u{2011}67\u{202c}",
    ];
    c.bench_function("normalize/mixed_formats", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % samples.len();
            normalize(black_box(samples[i]), ctx.home.unwrap())
        })
    });
    let mut group = c.benchmark_group("verify_and_load");
    group.sample_size(20);
    group.bench_function("10k_contacts", |b| {
        b.iter(|| verify_signed_list(black_box(&jws), &trust, 64 << 20).unwrap())
    });
    group.finish();
}

criterion_group!(core_benches, benches, name_benches);
criterion_main!(core_benches);

fn name_benches(c: &mut Criterion) {
    use callguard_core::screen::names;
    let name = "Анна Иванова 🌸 (соседка)";
    c.bench_function("names/fold_friend", |b| {
        b.iter(|| names::fold(black_box(name)))
    });
    let folded = names::fold(name);
    c.bench_function("names/authority_friend", |b| {
        b.iter(|| names::claims_authority(black_box(&folded), []))
    });
    c.bench_function("names/number_in_friend", |b| {
        b.iter(|| names::number_in_name(black_box(name)))
    });
}
