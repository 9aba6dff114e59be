//! What several core test files share: the shared vectors' lists, verified.

use callguard_core::accept::verify_signed_list;
use callguard_core::{ContactList, Trust, DEFAULT_MAX_LIST_BYTES};
use std::path::PathBuf;
use std::sync::Arc;

/// `tests/vectors/<list>`, verified against `tests/vectors/<trust>`.
pub fn vector_list(list: &str, trust: &str) -> Arc<ContactList> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let read = |p: &str| std::fs::read(dir.join(p)).unwrap();
    let trust = Trust::from_json(&read(trust)).unwrap();
    verify_signed_list(&read(list), &trust, DEFAULT_MAX_LIST_BYTES)
        .unwrap()
        .list()
        .clone()
}
