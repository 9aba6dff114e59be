//! The in-call history on disk (`DIR/session.json`), so that a call the
//! screening service reported still counts after the app's process died.
//!
//! Nothing here is trusted for more than advice: a damaged, foreign or
//! oversized file reads as an empty history (`Session::from_bytes`), and
//! its contents never reach a log.

use crate::atomic::write_atomically;
use crate::bounded::{read_bounded, ReadError};
use crate::store::StateDir;
use callguard_core::session::Session;
use std::io;
use std::path::PathBuf;

/// 32 calls of a few hundred bytes each fit many times over.
const MAX_SESSION_FILE_BYTES: u64 = 64 * 1024;

impl StateDir {
    fn session_path(&self) -> PathBuf {
        self.root().join("session.json")
    }

    /// The history saved, or an empty one. Never writes.
    pub fn load_session(&self) -> Session {
        match read_bounded(&self.session_path(), MAX_SESSION_FILE_BYTES) {
            Ok(bytes) => Session::from_bytes(&bytes),
            Err(ReadError::NotFound) => Session::default(),
            Err(e) => {
                log::warn!("call history unreadable ({e}): read as empty");
                Session::default()
            }
        }
    }

    /// Replaces the saved history (atomically).
    pub fn save_session(&self, session: &Session) -> io::Result<()> {
        write_atomically(&self.session_path(), &session.to_bytes())
    }
}
