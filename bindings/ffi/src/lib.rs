//! CallGuard's uniffi layer. "The bridging layer is not API": only types,
//! errors and conversions live here; every decision is `callguard-core`'s.
//! Kotlin package `io.callguard`, Swift module `CallGuard` (uniffi.toml).

uniffi::setup_scaffolding!();

mod calls;
mod contacts;
mod directory;
mod error;
mod feeds;
mod guard;
mod logging;
mod sync;
mod types;

pub use calls::{ActionAdvice, AdviceLevel, AdviceReason, CallEvent, SensitiveAction};
pub use contacts::{ContactFinding, ContactFindingKind, SavedContact};
pub use directory::{
    BlockingReader, DirectoryChanges, DirectoryEntry, DirectoryOptions, DirectoryReader,
    FeedDirectoryMode, SkippedPrefix,
};
pub use error::CallGuardError;
pub use feeds::{FeedDownload, FeedInfo, FeedPlan, FeedSyncOutcome, FeedVia};
pub use guard::CallGuard;
pub use logging::{set_logger, LogLevel, Logger};
pub use sync::{
    HttpHeader, HttpRequest, HttpResponse, HttpTransport, SyncConfig, SyncOutcome, SyncStatus,
    TransportError,
};
pub use types::{
    Attestation, Call, Channel, Direction, GuardConfig, ListInfo, Reason, Risk, Screening,
    ScreeningCode, Verdict,
};
