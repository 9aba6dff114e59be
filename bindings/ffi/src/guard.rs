//! `CallGuard`, the object apps hold. Each method converts, calls the
//! Guard or the core, and converts back.

use crate::error::CallGuardError;
use crate::types::{Call, GuardConfig, ListInfo, Screening};
use callguard_core::normalize::{
    format_e164, normalize, normalize_international, Normalized, Region,
};
use callguard_core::screen::{self, Context, Lang};
use callguard_core::{Timestamp, DEFAULT_MAX_LIST_BYTES};
use callguard_state::Guard;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// Screens calls against the banks' signed contact lists. Thread-safe:
/// `screen` never waits for a `load_list` running on another thread.
#[derive(uniffi::Object)]
pub struct CallGuard {
    guard: Guard,
    home: Option<Region>,
    lang: Lang,
}

#[uniffi::export]
impl CallGuard {
    #[uniffi::constructor]
    pub fn new(config: GuardConfig) -> Arc<Self> {
        let home = Region::from_iso(&config.home_region);
        if home.is_none() {
            log::warn!(
                "home_region is not a known ISO 3166 region: only numbers with '+' will match"
            );
        }
        let guard = Guard::open(
            config.state_dir.as_deref().map(Path::new),
            config.max_list_bytes.unwrap_or(DEFAULT_MAX_LIST_BYTES),
        );
        Arc::new(CallGuard {
            guard,
            home,
            lang: Lang::from_tag(&config.language),
        })
    }

    /// Pins an issuer's trust file (JSON). Returns the issuer id. With a
    /// state directory, that issuer's stored list is re-verified and in force at once.
    pub fn add_trust(&self, trust_json: String) -> Result<String, CallGuardError> {
        Ok(self.guard.add_trust(trust_json.as_bytes())?)
    }

    /// Verifies a signed list (JWS bytes), stores it atomically, puts it in force.
    pub fn load_list(&self, jws: Vec<u8>) -> Result<ListInfo, CallGuardError> {
        self.load_list_at(jws, now())
    }

    /// `load_list` with the caller's clock (Unix seconds), e.g. a trusted network time.
    pub fn load_list_at(
        &self,
        jws: Vec<u8>,
        now_unix_seconds: i64,
    ) -> Result<ListInfo, CallGuardError> {
        let list = self.guard.load_list(&jws, Timestamp(now_unix_seconds))?;
        Ok(ListInfo::from(list.as_ref()))
    }

    /// The lists in force, one per issuer, expired ones included.
    pub fn lists(&self) -> Vec<ListInfo> {
        self.guard
            .snapshot()
            .iter()
            .map(|l| ListInfo::from(l.as_ref()))
            .collect()
    }

    /// The verdict for one call. Never fails: if screening itself broke, the
    /// answer is a cautious `Unverifiable` with reason `internal_error`.
    pub fn screen(&self, call: Call) -> Screening {
        self.screen_at(call, now())
    }

    /// `screen` with the caller's clock (Unix seconds).
    pub fn screen_at(&self, call: Call, now_unix_seconds: i64) -> Screening {
        let core_call = call.as_core();
        let ctx = Context {
            home: self.home,
            lang: self.lang,
            now: Timestamp(now_unix_seconds),
        };
        let lists = self.guard.snapshot();
        catch_unwind(AssertUnwindSafe(|| {
            screen::screen(&lists, &core_call, &ctx)
        }))
        .unwrap_or_else(|_| {
            log::error!("screening failed internally; answered with a cautious fallback");
            screen::fallback(&core_call, self.lang)
        })
        .into()
    }

    /// E.164 ("+7…") or a short code for the home region; `None` if not a number.
    pub fn normalize(&self, number: String) -> Option<String> {
        let normalized = match self.home {
            Some(home) => normalize(&number, home),
            None => normalize_international(&number),
        };
        match normalized {
            Normalized::E164(n) => Some(format_e164(n)),
            Normalized::ShortCode(code) => Some(code),
            Normalized::Invalid => None,
        }
    }
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
