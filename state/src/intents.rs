//! Call intents on disk: the install's audience id (`DIR/audience`) and the
//! intents received (`DIR/intents.json`), so an intent that arrived by push
//! before the phone went offline still works after a restart. Nothing read
//! here is trusted: every stored intent is verified again before use.

use crate::atomic::write_atomically;
use crate::bounded::{read_bounded, ReadError};
use crate::store::StateDir;
use callguard_core::intent::{is_audience_id, new_audience_id};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::PathBuf;

/// 64 intents per issuer of 4 KiB each, for a handful of issuers.
const MAX_INTENTS_FILE_BYTES: u64 = 1 << 20;

#[derive(Serialize, Deserialize)]
struct IntentsFile {
    format: u32,
    intents: Vec<String>,
}

impl StateDir {
    fn audience_path(&self) -> PathBuf {
        self.root().join("audience")
    }

    fn intents_path(&self) -> PathBuf {
        self.root().join("intents.json")
    }

    /// This install's audience id, made once and kept. A damaged file is
    /// replaced by a new id (the app must register it again), never trusted.
    pub fn audience(&self) -> io::Result<String> {
        match read_bounded(&self.audience_path(), 64) {
            Ok(bytes) => {
                if let Ok(text) = std::str::from_utf8(&bytes) {
                    if is_audience_id(text.trim()) {
                        return Ok(text.trim().to_string());
                    }
                }
                log::warn!("audience file damaged: a new audience id is made");
            }
            Err(ReadError::NotFound) => {}
            Err(e) => log::warn!("audience file unreadable ({e}): a new audience id is made"),
        }
        let id = new_audience_id().map_err(io::Error::other)?;
        write_atomically(&self.audience_path(), id.as_bytes())?;
        Ok(id)
    }

    /// This install's audience id if one was made, for readers: never
    /// writes (a damaged or missing file is `None`).
    pub fn existing_audience(&self) -> Option<String> {
        let bytes = read_bounded(&self.audience_path(), 64).ok()?;
        let text = std::str::from_utf8(&bytes).ok()?.trim();
        is_audience_id(text).then(|| text.to_string())
    }

    /// The intents stored, as received (unverified). A damaged file reads as none.
    pub fn load_intents(&self) -> Vec<String> {
        match read_bounded(&self.intents_path(), MAX_INTENTS_FILE_BYTES) {
            Ok(bytes) => match serde_json::from_slice::<IntentsFile>(&bytes) {
                Ok(file) if file.format == 1 => file.intents,
                _ => {
                    log::warn!("intents file damaged: ignored");
                    Vec::new()
                }
            },
            Err(ReadError::NotFound) => Vec::new(),
            Err(e) => {
                log::warn!("intents file unreadable: {e}");
                Vec::new()
            }
        }
    }

    /// Replaces the stored intents (atomically).
    pub fn save_intents(&self, intents: &[&str]) -> io::Result<()> {
        let file = IntentsFile {
            format: 1,
            intents: intents.iter().map(|s| s.to_string()).collect(),
        };
        let bytes = serde_json::to_vec(&file).map_err(io::Error::other)?;
        write_atomically(&self.intents_path(), &bytes)
    }
}
