//! Hostile feed bytes on stable, in every `cargo test`: the fuzz target's
//! harness (fuzz/harness/feed_blob.rs, shared) over random bytes, over
//! random bodies behind a consistent header, and over every kind of damage
//! to valid blobs and deltas from the builder — flipped bytes, truncation,
//! extension, patched counts, lengths, block sizes, index offsets and keys,
//! non-canonical and over-long varints (10+ continuation bytes) with the
//! layout fixed up so that only the varint is wrong.
//!
//! What is asserted, beyond "no panic" (see the harness for the rest):
//! - damage that is malformed by the spec is refused by `open`/`validate`;
//!   any other damage that `validate` accepts is a different, canonical
//!   blob (another entry set, another SHA-256), which `check_blob` refuses
//!   against the manifest's hash;
//! - a delta is canonical too: any damaged delta is refused against the
//!   manifest's hash, and a delta never applies to another base, even one
//!   whose hash it was rewritten to name.

#[path = "../../fuzz/harness/feed_blob.rs"]
mod harness;

use callguard_core::feed::blob::{HEADER_LEN, INDEX_ENTRY_LEN, MAX_NUMBER, MIN_NUMBER};
use callguard_core::feed::delta::DELTA_HEADER_LEN;
use callguard_core::feed::{check_blob, diff, Category, FeedBlob, FeedBuilder, FeedManifest};
use callguard_core::list::{hex, sha256};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::ops::Range;

fn build(entries: &BTreeMap<u64, Category>, prefixes: &[(u64, Category)], k: u32) -> Vec<u8> {
    let mut b = FeedBuilder::new(k).unwrap();
    for (&n, &c) in entries {
        b.push(n, c).unwrap();
    }
    for &(p, c) in prefixes {
        b.push_prefix(p, c).unwrap();
    }
    b.finish().unwrap()
}

fn category() -> impl Strategy<Value = Category> {
    prop_oneof![Just(Category::Fraud), Just(Category::Spam)]
}

/// Numbers clustered in a few ranges (as real feeds are) plus strays.
fn number() -> impl Strategy<Value = u64> {
    prop_oneof![
        (0u64..3000).prop_map(|i| 79_161_230_000 + i),
        (0u64..3000).prop_map(|i| 74_950_000_000 + i * 7),
        MIN_NUMBER..=MAX_NUMBER,
    ]
}

fn entries_map() -> impl Strategy<Value = BTreeMap<u64, Category>> {
    prop::collection::btree_map(number(), category(), 0..200)
}

fn prefixes() -> impl Strategy<Value = Vec<(u64, Category)>> {
    prop::collection::btree_map(
        prop_oneof![
            Just(7916u64),
            Just(79161u64),
            Just(7_495_111u64),
            1000u64..99_999_999_999_999
        ],
        category(),
        0..4,
    )
    .prop_map(|m| m.into_iter().collect())
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

fn put_u64(b: &mut [u8], at: usize, v: u64) {
    b[at..at + 8].copy_from_slice(&v.to_le_bytes());
}

fn edit_u64(b: &mut [u8], at: usize, f: impl FnOnce(u64) -> u64) {
    let v = f(u64_at(b, at));
    put_u64(b, at, v);
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

fn put_u32(b: &mut [u8], at: usize, v: u32) {
    b[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

fn edit_u32(b: &mut [u8], at: usize, f: impl FnOnce(u32) -> u32) {
    let v = f(u32_at(b, at));
    put_u32(b, at, v);
}

fn leb128(mut v: u64) -> Vec<u8> {
    let mut out = Vec::new();
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
    out
}

fn leb128_value(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .enumerate()
        .fold(0, |v, (i, b)| v | (u64::from(b & 0x7f) << (7 * i)))
}

/// The varints of a section: each one's byte range (a valid section).
fn varint_ranges(bytes: &[u8], section: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = section.start;
    while at < section.end {
        let len = bytes[at..].iter().position(|b| b & 0x80 == 0).unwrap() + 1;
        out.push(at..at + len);
        at += len;
    }
    out
}

/// Where a valid full blob keeps what (docs/feed-format.md §3).
struct BlobLayout {
    blocks: usize,
    data_at: usize,
}

impl BlobLayout {
    fn of(b: &[u8]) -> BlobLayout {
        let k = u64::from(u32_at(b, 8));
        let blocks = u64_at(b, 16).div_ceil(k) as usize;
        let data_at = HEADER_LEN + blocks * INDEX_ENTRY_LEN + u64_at(b, 24) as usize * 8;
        BlobLayout { blocks, data_at }
    }

    fn offset_at(&self, block: usize) -> usize {
        HEADER_LEN + block * INDEX_ENTRY_LEN + 8
    }

    /// Every data varint with the block it belongs to.
    fn varints(&self, b: &[u8]) -> Vec<(usize, Range<usize>)> {
        (0..self.blocks)
            .flat_map(|block| {
                let start = self.data_at + u32_at(b, self.offset_at(block)) as usize;
                let end = if block + 1 < self.blocks {
                    self.data_at + u32_at(b, self.offset_at(block + 1)) as usize
                } else {
                    b.len()
                };
                varint_ranges(b, start..end)
                    .into_iter()
                    .map(move |r| (block, r))
            })
            .collect()
    }

    /// Replaces the varint at `range` (in `block`) by `with`, moving data
    /// length and later block offsets so that the layout still adds up.
    fn splice(&self, b: &mut Vec<u8>, block: usize, range: Range<usize>, with: &[u8]) {
        let grow = with.len() as i64 - range.len() as i64;
        b.splice(range, with.iter().copied());
        edit_u64(b, 32, |v| v.wrapping_add_signed(grow));
        for later in block + 1..self.blocks {
            let at = self.offset_at(later);
            edit_u32(b, at, |v| v.wrapping_add_signed(grow as i32));
        }
    }
}

/// A position in whatever is damaged (a byte, a block, a varint).
#[derive(Debug, Clone, Copy)]
struct Pick(usize);

fn pick() -> impl Strategy<Value = Pick> {
    any::<usize>().prop_map(Pick)
}

impl Pick {
    fn of(self, len: usize) -> usize {
        self.0 % len
    }
}

/// Damage to one varint that the spec forbids, whatever its value.
#[derive(Debug, Clone, Copy)]
enum BadVarint {
    /// The same value with a redundant `0x80 … 0x00` tail: not canonical.
    Overlong,
    /// 10 + `extra` continuation bytes, then `0x01`: longer than any u64.
    Endless(u8),
    /// Nine full groups, then `0x02`: a 65th bit.
    Overflow,
    /// Category code 2 or 3: reserved.
    Reserved,
    /// A difference of 0: the same number twice.
    Repeat,
}

fn bad_varint() -> impl Strategy<Value = BadVarint> {
    prop_oneof![
        Just(BadVarint::Overlong),
        (0u8..6).prop_map(BadVarint::Endless),
        Just(BadVarint::Overflow),
        Just(BadVarint::Reserved),
        Just(BadVarint::Repeat),
    ]
}

impl BadVarint {
    /// `categories`: whether the low two bits are a category (blob data,
    /// added) or part of the difference (removed).
    fn encode(self, old: &[u8], categories: bool) -> Option<Vec<u8>> {
        let value = leb128_value(old);
        Some(match self {
            BadVarint::Overlong => {
                let mut v = old.to_vec();
                *v.last_mut().unwrap() |= 0x80;
                v.push(0);
                v
            }
            BadVarint::Endless(extra) => {
                let mut v = vec![0x80 | (value as u8 & 0x7f); 10 + usize::from(extra)];
                v.push(1);
                v
            }
            BadVarint::Overflow => {
                let mut v = vec![0xff; 9];
                v.push(0x02);
                v
            }
            BadVarint::Reserved if categories => leb128(value | 2),
            BadVarint::Repeat if categories => leb128(value & 3),
            BadVarint::Repeat => leb128(0),
            BadVarint::Reserved => return None,
        })
    }
}

/// Damage to a full blob; `true` from `malformed` when the spec forbids the
/// result whatever the blob was.
#[derive(Debug, Clone)]
enum BlobDamage {
    Flip(Pick, u8),
    Truncate(Pick),
    Extend(Vec<u8>),
    /// Bytes 16, 24 or 32 (entry count, prefix count, data length) + delta.
    Count(usize, i64),
    BlockSize(u32),
    /// A block's data offset moved.
    Offset(Pick, i64),
    /// A block's first key replaced.
    Key(Pick, u64),
    /// A block's first key given a reserved category.
    KeyReserved(Pick),
    /// A later block's first number not above the one before it.
    KeyBackwards(Pick),
    Varint(Pick, BadVarint),
}

fn blob_damage() -> impl Strategy<Value = BlobDamage> {
    prop_oneof![
        (pick(), 1u8..=255).prop_map(|(i, x)| BlobDamage::Flip(i, x)),
        pick().prop_map(BlobDamage::Truncate),
        prop::collection::vec(any::<u8>(), 1..20).prop_map(BlobDamage::Extend),
        (
            prop_oneof![Just(16usize), Just(24), Just(32)],
            prop_oneof![-3i64..=3, Just(i64::MIN), Just(1 << 40)]
        )
            .prop_map(|(f, d)| BlobDamage::Count(f, d)),
        prop_oneof![0u32..=4, 60u32..=68, Just(4096), Just(4097), Just(u32::MAX)]
            .prop_map(BlobDamage::BlockSize),
        (pick(), prop_oneof![-2i64..=2, Just(1 << 31)]).prop_map(|(i, d)| BlobDamage::Offset(i, d)),
        (pick(), any::<u64>()).prop_map(|(i, k)| BlobDamage::Key(i, k)),
        pick().prop_map(BlobDamage::KeyReserved),
        pick().prop_map(BlobDamage::KeyBackwards),
        (pick(), bad_varint()).prop_map(|(i, v)| BlobDamage::Varint(i, v)),
    ]
}

impl BlobDamage {
    /// Damages `b` (a valid blob) in place; `None` when the damage does
    /// not apply to it (no blocks, no varints) or leaves it unchanged.
    fn apply(&self, b: &mut Vec<u8>) -> Option<bool> {
        let layout = BlobLayout::of(b);
        let before = b.clone();
        let malformed = match self {
            BlobDamage::Flip(i, x) => {
                let at = i.of(b.len());
                b[at] ^= x;
                false
            }
            BlobDamage::Truncate(i) => {
                b.truncate(i.of(b.len()));
                true
            }
            BlobDamage::Extend(more) => {
                b.extend_from_slice(more);
                true
            }
            BlobDamage::Count(field, d) => {
                edit_u64(b, *field, |v| v.wrapping_add_signed(*d));
                true
            }
            BlobDamage::BlockSize(k) => {
                put_u32(b, 8, *k);
                // Another block size can describe the same entries.
                false
            }
            BlobDamage::Offset(i, d) => {
                if layout.blocks == 0 {
                    return None;
                }
                let at = layout.offset_at(i.of(layout.blocks));
                edit_u32(b, at, |v| v.wrapping_add(*d as u32));
                true
            }
            BlobDamage::Key(i, key) => {
                if layout.blocks == 0 {
                    return None;
                }
                let at = HEADER_LEN + i.of(layout.blocks) * INDEX_ENTRY_LEN;
                put_u64(b, at, *key);
                false
            }
            BlobDamage::KeyReserved(i) => {
                if layout.blocks == 0 {
                    return None;
                }
                let at = HEADER_LEN + i.of(layout.blocks) * INDEX_ENTRY_LEN;
                edit_u64(b, at, |v| v | 2);
                true
            }
            BlobDamage::KeyBackwards(i) => {
                if layout.blocks < 2 {
                    return None;
                }
                let block = 1 + i.of(layout.blocks - 1);
                let earlier = u64_at(b, HEADER_LEN + (block - 1) * INDEX_ENTRY_LEN);
                put_u64(b, HEADER_LEN + block * INDEX_ENTRY_LEN, earlier);
                true
            }
            BlobDamage::Varint(i, bad) => {
                let varints = layout.varints(b);
                if varints.is_empty() {
                    return None;
                }
                let (block, range) = varints[i.of(varints.len())].clone();
                let with = bad.encode(&b[range.clone()], true)?;
                layout.splice(b, block, range, &with);
                true
            }
        };
        (*b != before).then_some(malformed)
    }
}

/// Damage to a delta (docs/feed-format.md §4). Every damaged delta must be
/// refused: a delta is canonical, so another one cannot give the same blob.
#[derive(Debug, Clone)]
enum DeltaDamage {
    Flip(Pick, u8),
    Truncate(Pick),
    Extend(Vec<u8>),
    /// Bytes 16-55 (added/removed/prefix count, added/removed length) + delta.
    Field(Pick, i64),
    BlockSize(u32),
    Varint(Pick, BadVarint),
}

fn delta_damage() -> impl Strategy<Value = DeltaDamage> {
    prop_oneof![
        (pick(), 1u8..=255).prop_map(|(i, x)| DeltaDamage::Flip(i, x)),
        pick().prop_map(DeltaDamage::Truncate),
        prop::collection::vec(any::<u8>(), 1..20).prop_map(DeltaDamage::Extend),
        (
            pick(),
            prop_oneof![-3i64..=3, Just(i64::MIN), Just(1 << 40)]
        )
            .prop_map(|(i, d)| DeltaDamage::Field(i, d)),
        prop_oneof![0u32..=4, 60u32..=68, Just(4097)].prop_map(DeltaDamage::BlockSize),
        (pick(), bad_varint()).prop_map(|(i, v)| DeltaDamage::Varint(i, v)),
    ]
}

impl DeltaDamage {
    fn apply(&self, d: &mut Vec<u8>) -> Option<()> {
        let before = d.clone();
        match self {
            DeltaDamage::Flip(i, x) => {
                let at = i.of(d.len());
                d[at] ^= x;
            }
            DeltaDamage::Truncate(i) => d.truncate(i.of(d.len())),
            DeltaDamage::Extend(more) => d.extend_from_slice(more),
            DeltaDamage::Field(i, delta) => {
                let at = 16 + 8 * i.of(5);
                edit_u64(d, at, |v| v.wrapping_add_signed(*delta));
            }
            DeltaDamage::BlockSize(k) => put_u32(d, 8, *k),
            DeltaDamage::Varint(i, bad) => {
                let added_at = DELTA_HEADER_LEN + u64_at(d, 32) as usize * 8;
                let removed_at = added_at + u64_at(d, 40) as usize;
                let mut all: Vec<(bool, Range<usize>)> = varint_ranges(d, added_at..removed_at)
                    .into_iter()
                    .map(|r| (true, r))
                    .collect();
                all.extend(
                    varint_ranges(d, removed_at..d.len())
                        .into_iter()
                        .map(|r| (false, r)),
                );
                if all.is_empty() {
                    return None;
                }
                let (added, range) = all[i.of(all.len())].clone();
                let with = bad.encode(&d[range.clone()], added)?;
                let grow = with.len() as i64 - range.len() as i64;
                d.splice(range, with);
                let len_at = if added { 40 } else { 48 };
                edit_u64(d, len_at, |v| v.wrapping_add_signed(grow));
            }
        }
        (*d != before).then_some(())
    }
}

/// What fills the data section of a random body.
#[derive(Debug, Clone, Copy)]
enum Data {
    Random,
    /// `u64::MAX` as a varint, again and again.
    Largest,
    /// `0x80` throughout.
    Endless,
}

impl Data {
    fn varint_len(self) -> usize {
        match self {
            Data::Largest => 10,
            _ => 1,
        }
    }
}

/// A manifest naming `blob` as its full blob, as a phone holds it.
fn manifest_for(blob: &[u8]) -> FeedManifest {
    let payload = format!(
        r#"{{"type":"callguard.feed-manifest","schema":1,"issuer":"test-bank","version":2,"issued_at":"2026-01-01T00:00:00Z","expires_at":"2099-01-01T00:00:00Z","blobs":[{{"name":"f.cgfeed","kind":"full","sha256":"{}","length":{}}}]}}"#,
        hex(&sha256(blob)),
        blob.len()
    );
    FeedManifest::parse(payload.as_bytes()).unwrap()
}

/// One damaged blob through the harness and the download check.
fn check_damaged_blob(good: &[u8], damage: &BlobDamage, manifest: &FeedManifest) {
    let mut bytes = good.to_vec();
    let Some(malformed) = damage.apply(&mut bytes) else {
        return;
    };
    let verdict = harness::blob(&bytes, &harness::probes(&bytes));
    if malformed {
        assert!(verdict.is_err(), "accepted after {damage:?}");
    }
    // Nothing but the named bytes is ever activated.
    let code = check_blob(manifest, 0, &bytes).unwrap_err().code();
    assert!(
        ["length_mismatch", "hash_mismatch"].contains(&code),
        "{code}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1200)) {
        harness::run(&bytes);
    }

    /// Random sections behind a header whose sizes add up, so `open`
    /// succeeds and the lookups and `validate` read garbage in place:
    /// random data, the largest varints (sums that overflow 64 bits), or
    /// continuation bytes without end.
    #[test]
    fn random_bodies_behind_a_consistent_header(
        k in 1u32..9,
        n in 0u64..150,
        p in 0u64..4,
        spare in 0usize..64,
        seed in prop::collection::vec(any::<u8>(), 64),
        ascending_keys in any::<bool>(),
        data in prop_oneof![Just(Data::Random), Just(Data::Largest), Just(Data::Endless)],
        probes in prop::collection::vec(number(), 0..8),
    ) {
        let blocks = n.div_ceil(u64::from(k));
        let width = data.varint_len();
        let data_len = (n - blocks) as usize * width + spare;
        let mut b = Vec::new();
        b.extend_from_slice(b"CGFD");
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&k.to_le_bytes());
        b.extend_from_slice(&[0; 4]);
        for v in [n, p, data_len as u64] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&[0; 24]);
        let mut filler = seed.iter().cycle().enumerate().map(|(i, &s)| s.wrapping_mul(i as u8 | 1));
        let mut key = 79_000_000_000u64 << 2;
        for block in 0..blocks {
            key = if ascending_keys {
                key + (u64::from(filler.next().unwrap()) << 6) + 4
            } else {
                u64::from_le_bytes(std::array::from_fn(|_| filler.next().unwrap()))
            };
            b.extend_from_slice(&key.to_le_bytes());
            // Offsets where the block would begin if every varint were
            // `width` bytes long, or anywhere in the data.
            let offset = if ascending_keys {
                block as usize * (k as usize - 1) * width
            } else {
                usize::from(filler.next().unwrap()) % (data_len + 1)
            };
            b.extend_from_slice(&(offset as u32).to_le_bytes());
        }
        for i in 0..p {
            b.extend_from_slice(&((7_000 + i * 111) << 2 | u64::from(filler.next().unwrap() & 3)).to_le_bytes());
        }
        let largest = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
        b.extend((0..data_len).map(|i| match data {
            Data::Random => filler.next().unwrap(),
            Data::Largest => largest[i % largest.len()],
            Data::Endless => 0x80,
        }));
        let mut all = harness::probes(&b);
        all.extend(probes);
        let _ = harness::blob(&b, &all);
        harness::run(&b);
    }

    #[test]
    fn damaged_blobs_are_refused_or_are_another_canonical_blob(
        map in entries_map(),
        prefixes in prefixes(),
        k in prop_oneof![1u32..6, 60u32..70],
        damages in prop::collection::vec(blob_damage(), 1..6),
    ) {
        let good = build(&map, &prefixes, k);
        harness::blob(&good, &harness::probes(&good)).unwrap();
        let manifest = manifest_for(&good);
        for damage in &damages {
            check_damaged_blob(&good, damage, &manifest);
        }
        // One after the other, while the layout can still be read.
        let mut bytes = good.clone();
        for damage in &damages {
            if FeedBlob::open(&bytes).and_then(|b| b.validate()).is_err() {
                break;
            }
            let _ = damage.apply(&mut bytes);
        }
        let _ = harness::blob(&bytes, &harness::probes(&bytes));
        harness::run(&bytes);
    }

    #[test]
    fn damaged_deltas_and_wrong_bases_never_apply(
        old in entries_map(),
        new in entries_map(),
        overlap in 0usize..200,
        prefixes in prefixes(),
        k in prop_oneof![1u32..6, 60u32..70],
        damages in prop::collection::vec(delta_damage(), 1..6),
        base_damage in blob_damage(),
    ) {
        // New = part of old (some re-categorized) + its own: a real delta.
        let mut new = new;
        for (i, (&n, &c)) in old.iter().enumerate().take(overlap) {
            let c = if i % 5 == 0 { other(c) } else { c };
            new.insert(n, c);
        }
        let a = build(&old, &[(7916, Category::Spam)], k);
        let b = build(&new, &prefixes, k);
        let good = diff(&a, &b).unwrap();
        let want = sha256(&b);
        prop_assert_eq!(harness::delta_onto(&a, &good, &want, Some(&b)).unwrap(), b.clone());
        for damage in &damages {
            let mut d = good.clone();
            if damage.apply(&mut d).is_none() {
                continue;
            }
            let refused = harness::delta_onto(&a, &d, &want, Some(&b));
            prop_assert!(refused.is_err(), "applied after {:?}", damage);
        }
        // The right delta on a damaged base: refused before anything else.
        let mut base = a.clone();
        if base_damage.apply(&mut base).is_some() {
            let e = harness::delta_onto(&base, &good, &want, Some(&b)).unwrap_err();
            prop_assert_eq!(e.code(), "delta_base_mismatch");
        }
        // Another valid base, also when the delta is rewritten to name it.
        if b != a {
            let e = harness::delta_onto(&b, &good, &want, Some(&b)).unwrap_err();
            prop_assert_eq!(e.code(), "delta_base_mismatch");
            let mut renamed = good.clone();
            renamed[64..96].copy_from_slice(&sha256(&b));
            // Only a base with the same entries can give the same blob
            // (the harness checks that an `Ok` is exactly it).
            let r = harness::delta_onto(&b, &renamed, &want, Some(&b));
            prop_assert!(r.is_err() || old == new);
        }
    }
}

fn other(c: Category) -> Category {
    match c {
        Category::Fraud => Category::Spam,
        Category::Spam => Category::Fraud,
    }
}

/// A blob with short and long blocks, both categories, big gaps, prefixes.
fn sample_blob(k: u32) -> Vec<u8> {
    let map: BTreeMap<u64, Category> = (0..40u64)
        .map(|i| {
            let n = 79_161_230_000 + i * i * i * 7919;
            (
                n,
                if i % 3 == 0 {
                    Category::Spam
                } else {
                    Category::Fraud
                },
            )
        })
        .chain([(MIN_NUMBER, Category::Fraud), (MAX_NUMBER, Category::Spam)])
        .collect();
    build(
        &map,
        &[(7916, Category::Fraud), (791612, Category::Spam)],
        k,
    )
}

/// Every single byte of a blob, flipped three ways: refused, or another
/// canonical blob; never activated against the original's manifest.
#[test]
fn every_byte_of_a_blob_flipped() {
    for k in [1, 3, 64] {
        let good = sample_blob(k);
        let manifest = manifest_for(&good);
        for at in 0..good.len() {
            for x in [0x01, 0x80, 0xff] {
                let damage = BlobDamage::Flip(Pick(at), x);
                check_damaged_blob(&good, &damage, &manifest);
            }
        }
    }
}

/// Every varint of a blob, made over-long in every way, with the layout
/// fixed up: `open` passes, `validate` must refuse.
#[test]
fn every_varint_of_a_blob_made_invalid() {
    for k in [2, 7, 64] {
        let good = sample_blob(k);
        let layout = BlobLayout::of(&good);
        let varints = layout.varints(&good);
        assert!(varints.len() > 20);
        let manifest = manifest_for(&good);
        for bad in [
            BadVarint::Overlong,
            BadVarint::Endless(0),
            BadVarint::Endless(5),
            BadVarint::Overflow,
            BadVarint::Reserved,
            BadVarint::Repeat,
        ] {
            for (block, range) in &varints {
                let mut bytes = good.clone();
                let with = bad.encode(&bytes[range.clone()], true).unwrap();
                layout.splice(&mut bytes, *block, range.clone(), &with);
                let _ = FeedBlob::open(&bytes)
                    .unwrap_or_else(|e| panic!("{bad:?}: the layout no longer adds up: {e}"));
                let e = harness::blob(&bytes, &harness::probes(&bytes)).unwrap_err();
                assert_eq!(e.code(), "malformed_blob");
                assert!(check_blob(&manifest, 0, &bytes).is_err());
            }
        }
    }
}

/// Every byte of a delta flipped, every truncation: never applied.
#[test]
fn every_byte_of_a_delta_flipped_or_cut() {
    let a = sample_blob(4);
    let old: BTreeMap<u64, Category> = FeedBlob::open(&a)
        .unwrap()
        .entries()
        .map(|e| e.map(|e| (e.number, e.category)).unwrap())
        .collect();
    let mut new: BTreeMap<u64, Category> = old
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 4 != 1)
        .map(|(i, (&n, &c))| (n, if i % 7 == 0 { other(c) } else { c }))
        .collect();
    new.extend((0..10u64).map(|i| (74_950_000_000 + i * 999, Category::Spam)));
    let b = build(&new, &[(7495, Category::Fraud)], 4);
    let delta = diff(&a, &b).unwrap();
    let want = sha256(&b);
    harness::delta_onto(&a, &delta, &want, Some(&b)).unwrap();
    for at in 0..delta.len() {
        for x in [0x01, 0x80, 0xff] {
            let mut d = delta.clone();
            d[at] ^= x;
            assert!(
                harness::delta_onto(&a, &d, &want, Some(&b)).is_err(),
                "byte {at} ^ {x:#x} applied"
            );
        }
        assert!(harness::delta_onto(&a, &delta[..at], &want, Some(&b)).is_err());
    }
}
