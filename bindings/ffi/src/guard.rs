//! `CallGuard`, the object apps hold. Each method converts, calls the
//! Guard or the core, and converts back.

use crate::directory::{
    BlockingReader, DirectoryChanges, DirectoryOptions, DirectoryReader, FeedDirectoryMode, Stream,
};
use crate::error::CallGuardError;
use crate::sync::{ForeignTransport, HttpTransport, SyncConfig, SyncOutcome};
use crate::types::{Call, GuardConfig, IntentInfo, ListInfo, Screening, ScreeningCode};
use callguard_core::copy::Catalogue;
use callguard_core::directory::{blocking_entries, Directory};
use callguard_core::feed::directory::{
    feed_version_key, is_feed_version_key, FeedBlocking, FeedDirectory, FeedDirectoryDiff,
};
use callguard_core::normalize::{
    format_e164, normalize, normalize_international, Normalized, Region,
};
use callguard_core::screen::decide::{decide_with_feeds, feeds_can_change};
use callguard_core::screen::{self, Context, Lang};
use callguard_core::{Timestamp, DEFAULT_MAX_LIST_BYTES};
use callguard_state::{FeedSet, Guard, HeldFeed};
use callguard_sync::Syncer;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::{Arc, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

/// Screens calls against the banks' signed contact lists. Thread-safe:
/// `screen` never waits for a `load_list` running on another thread.
#[derive(uniffi::Object)]
pub struct CallGuard {
    pub(crate) guard: Guard,
    pub(crate) home: Option<Region>,
    pub(crate) lang: Lang,
    /// The SDK's catalogue with the bank's overrides (`use_copy`), if any.
    copy: RwLock<Option<Arc<Catalogue>>>,
    sync: RwLock<SyncSetup>,
}

/// How `sync` fetches: its config and, if the app set one, its transport.
/// The Syncer is built once and kept (it remembers validators and failures
/// when there is no state directory); changing either rebuilds it.
#[derive(Default)]
struct SyncSetup {
    config: SyncConfig,
    transport: Option<Arc<dyn HttpTransport>>,
    built: Option<Arc<Syncer>>,
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
        let mut guard = Guard::open(
            config.state_dir.as_deref().map(Path::new),
            config.max_list_bytes.unwrap_or(DEFAULT_MAX_LIST_BYTES),
        );
        if let Some(audience) = config.intent_audience {
            if !guard.set_intent_audience(&audience) {
                log::error!(
                    "intent_audience is not 1-128 of A-Z a-z 0-9 . _ : -: a random one is used"
                );
            }
        }
        Arc::new(CallGuard {
            guard,
            home,
            lang: Lang::from_tag(&config.language),
            copy: RwLock::new(None),
            sync: RwLock::new(SyncSetup::default()),
        })
    }

    /// Puts the bank's own words in place of some of the SDK's, for
    /// `language` (`en`, `ru`, `uk`, `kk`): a Fluent file of screening
    /// messages (docs/copy.md). Checked first and refused whole
    /// (`InvalidCopy`, with the code and the message id), leaving the copy
    /// in use as it was. Overrides add up; a later one of the same message wins.
    pub fn use_copy(&self, language: String, ftl: String) -> Result<(), CallGuardError> {
        let lang = Lang::spoken(&language).ok_or_else(|| CallGuardError::InvalidCopy {
            code: "copy_language".into(),
            detail: "copy_language: the SDK speaks en, ru, uk and kk".into(),
        })?;
        let mut copy = self.copy.write().unwrap_or_else(|e| e.into_inner());
        let base = copy.as_deref().unwrap_or(callguard_core::copy::sdk());
        *copy = Some(Arc::new(base.with_override(lang, &ftl)?));
        Ok(())
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

    /// This install's audience id for call intents: register it with the
    /// bank's backend, which puts it in every intent meant for this phone.
    pub fn intent_audience(&self) -> String {
        self.guard.intent_audience().to_string()
    }

    /// Verifies a call intent (compact JWS bytes, e.g. from a push), stores
    /// it and puts it in force: a call it announces is then `Expected`.
    pub fn receive_intent(&self, jws: Vec<u8>) -> Result<IntentInfo, CallGuardError> {
        self.receive_intent_at(jws, now())
    }

    /// `receive_intent` with the caller's clock (Unix seconds).
    pub fn receive_intent_at(
        &self,
        jws: Vec<u8>,
        now_unix_seconds: i64,
    ) -> Result<IntentInfo, CallGuardError> {
        let intent = self
            .guard
            .receive_intent(&jws, Timestamp(now_unix_seconds))?;
        Ok(IntentInfo::new(&intent, self.lang))
    }

    /// The announced calls valid now ("talking to you now: Anna, card department…").
    pub fn active_intents(&self) -> Vec<IntentInfo> {
        self.active_intents_at(now())
    }

    /// `active_intents` with the caller's clock (Unix seconds).
    pub fn active_intents_at(&self, now_unix_seconds: i64) -> Vec<IntentInfo> {
        self.guard
            .active_intents(Timestamp(now_unix_seconds))
            .iter()
            .map(|i| IntentInfo::new(i, self.lang))
            .collect()
    }

    /// Picks up lists another process stored in the same state directory
    /// (a background sync, the Call Directory extension): each is verified
    /// again and put in force if newer than the one in force. Call it when
    /// the app comes to the foreground. Returns the lists picked up.
    pub fn reload(&self) -> Result<Vec<ListInfo>, CallGuardError> {
        Ok(self
            .guard
            .reload()?
            .iter()
            .map(|l| ListInfo::from(l.as_ref()))
            .collect())
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
        let intents = self.guard.intents();
        let overridden = self.copy_in_use();
        let copy = overridden.as_deref().unwrap_or(callguard_core::copy::sdk());
        let with = |feeds: &FeedSet| {
            catch_unwind(AssertUnwindSafe(|| {
                screen::screen_with_copy(&lists, &intents, &feeds.feeds(), &core_call, &ctx, copy)
            }))
            .unwrap_or_else(|_| {
                log::error!("screening failed internally; answered with a cautious fallback");
                screen::fallback_with_copy(&core_call, self.lang, copy)
            })
        };
        // Right after a cold start a stored feed may still be being hashed
        // again: a verdict no feed can change is answered at once, any
        // other waits for the feeds (docs/platforms.md, "Cold start").
        let (so_far, complete) = self.guard.feeds_so_far();
        let screening = with(&so_far);
        if complete || !feeds_can_change(screening.verdict) {
            return screening.into();
        }
        with(&self.guard.feeds()).into()
    }

    /// Verdicts for many calls at once, item `i` for `calls[i]`: a call log,
    /// a contact picker. Same decisions as `screen`, but codes only and one
    /// trip across the FFI for the whole batch; from Kotlin each trip costs
    /// tens of microseconds of JNA work, so thousands of `screen` calls
    /// would cost that many times over (README, "What a call costs").
    pub fn screen_many(&self, calls: Vec<Call>) -> Vec<ScreeningCode> {
        self.screen_many_at(calls, now())
    }

    /// `screen_many` with the caller's clock (Unix seconds).
    pub fn screen_many_at(&self, calls: Vec<Call>, now_unix_seconds: i64) -> Vec<ScreeningCode> {
        let now = Timestamp(now_unix_seconds);
        // One snapshot for the batch: every answer is against the same lists
        // and feeds.
        let lists = self.guard.snapshot();
        let intents = self.guard.intents();
        let feed_set = self.guard.feeds();
        // Opened once (header checks); if that broke, every call of the batch
        // gets the cautious fallback rather than an answer missing the feeds.
        let feeds = catch_unwind(AssertUnwindSafe(|| feed_set.feeds())).ok();
        calls
            .iter()
            .map(|call| {
                let core_call = call.as_core();
                // Per call: one call that trips a bug must not cost the others their answer.
                let feeds = feeds.as_deref();
                catch_unwind(AssertUnwindSafe(|| {
                    feeds.map(|feeds| {
                        let d =
                            decide_with_feeds(&lists, &intents, feeds, &core_call, self.home, now);
                        ScreeningCode::new(d.verdict, d.risk, d.reason)
                    })
                }))
                .ok()
                .flatten()
                .unwrap_or_else(|| {
                    log::error!("screening failed internally; answered with a cautious fallback");
                    let s = screen::fallback(&core_call, self.lang);
                    ScreeningCode::new(s.verdict, s.risk, s.reason)
                })
            })
            .collect()
    }

    /// Downloads the list at `url` (https), verifies it and, if newer, stores
    /// it and puts it in force. Blocking: call it off the main thread (the
    /// Kotlin `syncList` and Swift `sync(url:) async` wrappers do). Every
    /// failure leaves the previous list in force.
    pub fn sync(&self, url: String) -> Result<SyncOutcome, CallGuardError> {
        self.sync_at(url, now())
    }

    /// `sync` with the caller's clock (Unix seconds).
    pub fn sync_at(
        &self,
        url: String,
        now_unix_seconds: i64,
    ) -> Result<SyncOutcome, CallGuardError> {
        let outcome = self
            .syncer()?
            .sync(&self.guard, &url, Timestamp(now_unix_seconds))?;
        Ok(SyncOutcome {
            status: outcome.status.into(),
            list: ListInfo::from(outcome.list.as_ref()),
        })
    }

    /// When a platform scheduler should sync next (Unix seconds): from the
    /// list's age and expiry and the backoff after failures.
    pub fn next_sync_at(&self) -> i64 {
        self.next_sync_at_from(now())
    }

    /// `next_sync_at` with the caller's clock.
    pub fn next_sync_at_from(&self, now_unix_seconds: i64) -> i64 {
        match self.syncer() {
            Ok(syncer) => {
                syncer
                    .next_sync_at(&self.guard, Timestamp(now_unix_seconds))
                    .0
            }
            Err(_) => now_unix_seconds,
        }
    }

    /// Time-outs, retries, extra CA certificates.
    pub fn set_sync_config(&self, config: SyncConfig) {
        let mut setup = self.sync.write().unwrap_or_else(|p| p.into_inner());
        setup.config = config;
        setup.built = None;
    }

    /// Fetch through the app's own HTTP stack instead of the built-in one.
    pub fn set_http_transport(&self, transport: Arc<dyn HttpTransport>) {
        let mut setup = self.sync.write().unwrap_or_else(|p| p.into_inner());
        setup.transport = Some(transport);
        setup.built = None;
    }

    /// Call Directory entries from every list in force merged with the
    /// feeds' reported numbers (`options.feeds`), ascending, unique.
    pub fn directory(&self, options: DirectoryOptions) -> Arc<DirectoryReader> {
        self.directory_at(options, now())
    }

    /// `directory` with the caller's clock (Unix seconds).
    pub fn directory_at(
        &self,
        options: DirectoryOptions,
        now_unix_seconds: i64,
    ) -> Arc<DirectoryReader> {
        let directory = Directory::new(
            &self.guard.snapshot(),
            options.to_core(self.lang),
            Timestamp(now_unix_seconds),
        );
        Arc::new(DirectoryReader::full(
            directory,
            self.feeds_held(),
            options.feed_mode(),
            options.lang(self.lang),
            options.chunk_size,
        ))
    }

    /// The Call Directory's blocking entries: the customer's own block
    /// list (`numbers`, as typed: normalized, what is not a number dropped)
    /// and, with `options.feeds` = `Block`, every feed's fraud numbers except
    /// official ones; one ascending sequence, streamed.
    pub fn blocking_directory(
        &self,
        options: DirectoryOptions,
        numbers: Vec<String>,
    ) -> Arc<BlockingReader> {
        self.blocking_directory_at(options, numbers, now())
    }

    /// `blocking_directory` with the caller's clock (Unix seconds).
    pub fn blocking_directory_at(
        &self,
        options: DirectoryOptions,
        numbers: Vec<String>,
        now_unix_seconds: i64,
    ) -> Arc<BlockingReader> {
        let official = Directory::new(
            &self.guard.snapshot(),
            options.to_core(self.lang),
            Timestamp(now_unix_seconds),
        );
        let stream = FeedBlocking::new(
            official,
            options.feed_mode(),
            blocking_entries(&numbers, self.home),
        );
        Arc::new(BlockingReader::new(
            stream,
            self.feeds_held(),
            options.chunk_size,
        ))
    }

    /// Versions per issuer that a full `directory` load applies now (with
    /// the default options: feeds labelled); store them with the extension
    /// to ask for `directory_changes` next time. Lists under the issuer id,
    /// feeds under "feed:<issuer>".
    pub fn directory_versions(&self) -> HashMap<String, u64> {
        self.directory_versions_for(FeedDirectoryMode::Label)
    }

    /// `directory_versions` for a load with `options.feeds` = `mode`:
    /// feeds under "feed:<issuer>" (Label), "feed-block:<issuer>" (Block)
    /// or not at all (Off), so a change of mode is a full reload.
    pub fn directory_versions_for(&self, mode: FeedDirectoryMode) -> HashMap<String, u64> {
        let mut versions: HashMap<String, u64> = self
            .guard
            .snapshot()
            .iter()
            .map(|l| (l.issuer.id.clone(), l.version))
            .collect();
        for held in self.guard.feeds().iter() {
            if let Some(key) = feed_version_key(mode.into(), held.issuer()) {
                versions.insert(key, held.version());
            }
        }
        versions
    }

    /// Removals and additions from the versions applied before to the
    /// lists and feeds in force, or `None` when only a full reload is right
    /// (an issuer or feed added or gone, a list expired, a version that is
    /// neither the one in force nor the one before it, another feed mode).
    pub fn directory_changes(
        &self,
        applied_versions: HashMap<String, u64>,
        options: DirectoryOptions,
    ) -> Option<Arc<DirectoryChanges>> {
        self.directory_changes_at(applied_versions, options, now())
    }

    /// `directory_changes` with the caller's clock (Unix seconds).
    pub fn directory_changes_at(
        &self,
        applied_versions: HashMap<String, u64>,
        options: DirectoryOptions,
        now_unix_seconds: i64,
    ) -> Option<Arc<DirectoryChanges>> {
        let now = Timestamp(now_unix_seconds);
        let mode = options.feed_mode();
        let (applied_feeds, applied_lists): (HashMap<String, u64>, HashMap<String, u64>) =
            applied_versions
                .into_iter()
                .partition(|(key, _)| is_feed_version_key(key));
        let current = self.guard.snapshot();
        let old = self.guard.lists_at_versions(&applied_lists, now)?;
        let new_feeds = self.feeds_held();
        let old_feeds = self
            .guard
            .feeds_at_versions(&new_feeds, &applied_feeds, mode)?;
        let core = options.to_core(self.lang);
        let lang = options.lang(self.lang);
        let merged = |lists: &[Arc<callguard_core::ContactList>]| {
            FeedDirectory::new(Directory::new(lists, core, now), mode, lang)
        };
        let removals = FeedDirectoryDiff::removals(merged(&old), merged(&current));
        let additions = FeedDirectoryDiff::additions(merged(&old), merged(&current));
        let reader = |diff, additions| {
            Arc::new(DirectoryReader::new(
                Stream::Diff {
                    diff: Box::new(diff),
                    old: old_feeds.clone(),
                    new: new_feeds.clone(),
                    additions,
                },
                options.chunk_size,
                Vec::new(),
            ))
        };
        Some(Arc::new(DirectoryChanges {
            removals: reader(removals, false),
            additions: reader(additions, true),
        }))
    }

    /// The customer's own block list as Call Directory blocking entries:
    /// normalized, ascending, unique; what is not a number is dropped.
    pub fn blocking_entries(&self, numbers: Vec<String>) -> Vec<i64> {
        blocking_entries(&numbers, self.home)
            .into_iter()
            .map(|n| n as i64)
            .collect()
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

impl CallGuard {
    /// The feeds in force (each holds its blob: a reader keeps them).
    fn feeds_held(&self) -> Vec<HeldFeed> {
        self.guard.feeds().iter().cloned().collect()
    }

    pub(crate) fn syncer(&self) -> Result<Arc<Syncer>, CallGuardError> {
        let mut setup = self.sync.write().unwrap_or_else(|p| p.into_inner());
        if let Some(built) = &setup.built {
            return Ok(built.clone());
        }
        let config = setup.config.to_core(self.guard.max_list_bytes());
        let syncer = Arc::new(match setup.transport.clone() {
            Some(inner) => {
                Syncer::with_transport(config.clone(), Arc::new(ForeignTransport { inner, config }))
            }
            None => Syncer::new(config)?,
        });
        setup.built = Some(syncer.clone());
        Ok(syncer)
    }
}

impl CallGuard {
    /// The bank's overridden catalogue, if `use_copy` set one.
    pub(crate) fn copy_in_use(&self) -> Option<Arc<Catalogue>> {
        self.copy.read().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

pub(crate) fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod directory_tests;
