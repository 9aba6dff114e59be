//! The contact audit across the FFI: types and a conversion; every decision
//! is `callguard_core::contacts`'.

use crate::guard::CallGuard;
use callguard_core::contacts::{audit, Contact, FindingKind};

/// One address-book entry as the app read it (name and numbers as saved).
#[derive(Debug, Clone, uniffi::Record)]
pub struct SavedContact {
    pub name: String,
    pub numbers: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ContactFindingKind {
    /// A saved number the bank never calls from: offer `suggested_name`.
    SavedInboundOnly,
    /// Named as the bank or its service, with none of its numbers: offer to
    /// delete or rename.
    ClaimsBankNotListed,
}

#[derive(Debug, Clone, uniffi::Record)]
pub struct ContactFinding {
    /// Position of the contact in what was passed.
    pub index: u32,
    /// The number as saved.
    pub number: String,
    pub kind: ContactFindingKind,
    pub issuer: String,
    pub suggested_name: Option<String>,
    pub title: String,
    pub message: String,
}

#[uniffi::export]
impl CallGuard {
    /// Checks the customer's address book against the lists in force:
    /// saved numbers the bank never calls from, and contacts named as the
    /// bank or its service that are not the bank's. Reads only what is
    /// passed: nothing is stored or sent, nothing is changed. Bounded work
    /// (10 000 contacts × 5 numbers: docs/screening.md, "Saved contacts").
    pub fn audit_contacts(&self, contacts: Vec<SavedContact>) -> Vec<ContactFinding> {
        let borrowed: Vec<Contact<'_>> = contacts
            .iter()
            .map(|c| Contact {
                name: &c.name,
                numbers: c.numbers.iter().map(String::as_str).collect(),
            })
            .collect();
        let lists = self.guard.snapshot();
        audit(&borrowed, &lists, self.home, self.lang)
            .into_iter()
            .map(|f| ContactFinding {
                index: f.index as u32,
                number: f.number,
                kind: match f.kind {
                    FindingKind::SavedInboundOnly => ContactFindingKind::SavedInboundOnly,
                    FindingKind::ClaimsBankNotListed => ContactFindingKind::ClaimsBankNotListed,
                },
                issuer: f.issuer,
                suggested_name: f.suggested_name,
                title: f.title,
                message: f.message,
            })
            .collect()
    }
}
