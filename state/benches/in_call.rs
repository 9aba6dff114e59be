//! The cost of in-call protection through the Guard, as the app pays it:
//! `report_call_event` (with a state directory: the writer lock, the saved
//! history read and merged, an atomic fsync'd write) and `advise_action`
//! (the saved history read and merged, the policy of the lists, the
//! advice), each with a full history of 32 calls; and without a directory.
//!   cargo bench -p callguard-state --bench in_call

use callguard_core::screen::{Reason, Verdict};
use callguard_core::session::{CallEvent, SensitiveAction};
use callguard_core::{Channel, Timestamp};
use callguard_state::Guard;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

const NOW: Timestamp = Timestamp(1_796_119_200);

fn filled(guard: &Guard) {
    for i in 0..31 {
        guard
            .report_call_event(
                CallEvent::Active {
                    call: format!("old-{i}"),
                },
                Timestamp(NOW.0 - 3_600 + i),
            )
            .unwrap();
    }
    guard
        .report_call_event(
            CallEvent::Screened {
                call: "wa-1".into(),
                verdict: Verdict::Impersonation,
                reason: Reason::ClaimsAuthority,
                channel: Some(Channel::Whatsapp),
            },
            NOW,
        )
        .unwrap();
}

fn in_call(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let on_disk = Guard::open(Some(dir.path()), 1 << 20);
    filled(&on_disk);
    let in_memory = Guard::new(None, 1 << 20);
    filled(&in_memory);
    for (name, guard) in [("state_dir", &on_disk), ("memory", &in_memory)] {
        c.bench_function(&format!("in_call/{name}/advise_action"), |b| {
            b.iter(|| guard.advise_action(black_box(SensitiveAction::Transfer), NOW))
        });
        c.bench_function(&format!("in_call/{name}/report_call_event"), |b| {
            b.iter(|| {
                guard
                    .report_call_event(
                        CallEvent::Answered {
                            call: black_box("wa-1".into()),
                        },
                        NOW,
                    )
                    .unwrap()
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = in_call
}
criterion_main!(benches);
