//! The lists in force, one per issuer, readable without locks.
//!
//! Screening threads take a snapshot (an `Arc` load, no lock); a load
//! builds a new snapshot and swaps it in. A slow load can never stall a
//! call being screened.

use crate::accept::VerifiedList;
use crate::list::ContactList;
use arc_swap::ArcSwap;
use std::sync::{Arc, Mutex};

pub type Snapshot = Arc<Vec<Arc<ContactList>>>;

#[derive(Default)]
pub struct Registry {
    current: ArcSwap<Vec<Arc<ContactList>>>,
    /// Serialises writers only; readers never touch it.
    writer: Mutex<()>,
}

impl Registry {
    pub fn new() -> Registry {
        Registry::default()
    }

    /// The lists in force right now, ordered by issuer id.
    pub fn snapshot(&self) -> Snapshot {
        self.current.load_full()
    }

    /// Puts `list` in force for its issuer, replacing the previous one.
    pub fn activate(&self, list: &VerifiedList) {
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let mut next: Vec<Arc<ContactList>> = self
            .current
            .load()
            .iter()
            .filter(|l| l.issuer.id != list.list().issuer.id)
            .cloned()
            .collect();
        next.push(list.list().clone());
        next.sort_by(|a, b| a.issuer.id.cmp(&b.issuer.id));
        self.current.store(Arc::new(next));
    }

    /// Takes `issuer`'s list out of force (its trust changed and it no
    /// longer verifies).
    pub fn deactivate(&self, issuer: &str) {
        let _guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let next: Vec<Arc<ContactList>> = self
            .current
            .load()
            .iter()
            .filter(|l| l.issuer.id != issuer)
            .cloned()
            .collect();
        self.current.store(Arc::new(next));
    }

    /// The list in force for `issuer`.
    pub fn get(&self, issuer: &str) -> Option<Arc<ContactList>> {
        self.current
            .load()
            .iter()
            .find(|l| l.issuer.id == issuer)
            .cloned()
    }
}
