//! The command line: every command and its options (clap).

use crate::cmd;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "callguard",
    version,
    about = "Sign, verify and screen against a bank's official contact list"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Feeds of reported numbers (docs/feed-format.md): build blobs and deltas.
    Feed {
        #[command(subcommand)]
        command: FeedCommand,
    },
    /// Generate a signing key (private JWK, mode 0600); prints the public JWK.
    Keygen {
        #[arg(long, value_parser = ["EdDSA", "ES256"])]
        alg: String,
        #[arg(long)]
        kid: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Print a trust file for the given public (or private) JWKs.
    Trust {
        #[arg(long)]
        issuer: String,
        #[arg(long, default_value_t = 1)]
        threshold: usize,
        #[arg(required = true)]
        keys: Vec<PathBuf>,
    },
    /// Check a list payload against every rule, then sign it (general JSON JWS).
    Sign {
        #[arg(long = "key", required = true)]
        keys: Vec<PathBuf>,
        #[arg(long = "in")]
        input: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Verify a signed list as a phone would. Exit 0 accepted, 1 rejected.
    Verify {
        #[arg(long)]
        trust: PathBuf,
        /// State directory: enforces and records rollback protection. With
        /// --with-list, the phone's: the list is loaded into it and an accepted
        /// intent stored (replay and the cap hold across runs; `screen --state`
        /// uses it), under that install's audience id.
        #[arg(long)]
        state: Option<PathBuf>,
        /// Pretend it is this RFC 3339 time.
        #[arg(long)]
        now: Option<String>,
        #[arg(long)]
        json: bool,
        /// For a call intent: the issuer's signed list that delegates its key.
        #[arg(long = "with-list")]
        with_list: Option<PathBuf>,
        /// For a call intent: the audience id of the install it must be for. Required
        /// without --state (never taken from the intent itself).
        #[arg(long)]
        audience: Option<String>,
        /// A signed list, or a call intent (with --with-list).
        list: PathBuf,
    },
    /// Show a signed list's or call intent's headers and payload, UNVERIFIED.
    Inspect { list: PathBuf },
    /// Normalize caller strings to E.164 (one per line from stdin when none are given).
    ///
    /// Exit 0; 1 if a stdin line was not UTF-8 or over 4 KiB (answered `invalid`, the batch goes on).
    Normalize {
        /// The phone's home region (ISO 3166), e.g. RU.
        #[arg(long)]
        region: String,
        numbers: Vec<String>,
    },
    /// Screen a call against verified lists, as a phone would.
    Screen(ScreenArgs),
    /// Sign a call intent with a delegated intent key (prints the compact JWS): "we are calling you now".
    Intent(IntentArgs),
    /// Check an address book (a vCard export, 2.1/3.0/4.0) as the SDK's contact audit does:
    /// saved numbers the bank never calls from, contacts named as the bank that are not its.
    /// Nothing is changed. Exit 0.
    Contacts {
        /// Trust file; repeat with --list, one pair per bank (or with --state).
        #[arg(long = "trust", required = true)]
        trusts: Vec<PathBuf>,
        #[arg(long = "list")]
        lists: Vec<PathBuf>,
        #[arg(long)]
        state: Option<PathBuf>,
        #[arg(long)]
        region: String,
        #[arg(long, default_value = "en")]
        lang: String,
        #[arg(long)]
        json: bool,
        /// The address book, as a phone exports it (.vcf).
        vcf: PathBuf,
    },
    /// Print the iOS Call Directory entries (NUMBER<TAB>LABEL, ascending), as the extension hands them to iOS.
    Directory(DirectoryArgs),
    /// Download, verify and store the list at URL, as a phone does. Exit 0 updated or not modified, 1 rejected or failed.
    Sync {
        #[command(flatten)]
        args: SyncArgs,
    },
    /// Serve a directory over HTTP(S) with ETag, gzip (text) and byte ranges, for testers.
    Serve {
        #[arg(long)]
        dir: PathBuf,
        #[arg(long, default_value = "127.0.0.1:8443")]
        addr: String,
        #[arg(long)]
        tls_cert: Option<PathBuf>,
        #[arg(long)]
        tls_key: Option<PathBuf>,
    },
    /// In-call protection over a recorded timeline (JSON lines: events and
    /// `advise` steps, docs/in-call-protection.md): the advice, one JSON line
    /// per `advise`. Exit 0; 1 if a line was refused (answered with its code).
    Advise {
        /// A bank's `action_policy` (JSON object, unsigned) to try; else the lists'.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Trust file; repeat with --list, one pair per bank: their signed policies apply.
        #[arg(long = "trust")]
        trusts: Vec<PathBuf>,
        #[arg(long = "list")]
        lists: Vec<PathBuf>,
        /// A state directory to keep the call history in across runs (as a phone's).
        #[arg(long)]
        state: Option<PathBuf>,
        #[arg(long, default_value = "en")]
        lang: String,
        /// A bank's override of the --lang messages (Fluent, docs/copy.md).
        #[arg(long)]
        copy: Option<PathBuf>,
        /// The timeline (JSON lines); stdin when absent.
        timeline: Option<PathBuf>,
    },
    /// The whole product in one run: a demo list, scripted calls, the warnings.
    Demo {
        /// en, ru, uk or kk (any BCP 47 tag: ru-RU, KK; others fall back to English).
        #[arg(long, default_value = "en")]
        lang: String,
        /// A bank's override of the --lang messages (Fluent, docs/copy.md).
        #[arg(long)]
        copy: Option<PathBuf>,
        #[arg(long, default_value = "RU")]
        region: String,
    },
}

/// What `sync` and `feed sync` take.
#[derive(clap::Args)]
pub struct SyncArgs {
    #[arg(long)]
    url: String,
    #[arg(long)]
    trust: PathBuf,
    #[arg(long)]
    state: PathBuf,
    /// Extra trusted CA certificate (PEM); repeatable.
    #[arg(long = "ca-cert")]
    ca_certs: Vec<PathBuf>,
    /// Allow http://127.0.0.1 / localhost (testing only).
    #[arg(long)]
    allow_http_localhost: bool,
    #[arg(long)]
    now: Option<String>,
    #[arg(long)]
    pub json: bool,
}

impl SyncArgs {
    pub fn as_args(&self) -> cmd::sync::Args<'_> {
        cmd::sync::Args {
            url: &self.url,
            trust: &self.trust,
            state: &self.state,
            ca_certs: &self.ca_certs,
            allow_http_localhost: self.allow_http_localhost,
            now: self.now.as_deref(),
            json: self.json,
        }
    }
}

#[derive(Subcommand)]
pub enum FeedCommand {
    /// Build the full blob, deltas and manifest payload from one entry per line
    /// ("+79161234567 fraud", "+7916555* spam"); sign the payload with `callguard sign`.
    Build {
        #[arg(long = "in")]
        input: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        issuer: String,
        #[arg(long)]
        version: u64,
        /// The manifest expires this many days from now.
        #[arg(long, default_value_t = 7)]
        valid_days: u32,
        #[arg(long, default_value_t = callguard_core::feed::DEFAULT_BLOCK_SIZE)]
        block_size: u32,
        /// VERSION=PATH of an earlier full blob: also write the delta from it (repeatable).
        #[arg(long)]
        previous: Vec<String>,
    },
    /// Download, verify and store the feed whose manifest is at URL, as a phone does:
    /// the manifest first (conditional), then the delta or the full blob it names.
    /// Exit 0 updated or not modified, 1 rejected or failed (the previous feed stays).
    Sync {
        #[command(flatten)]
        args: SyncArgs,
    },
    /// Write the delta that turns one full blob into another.
    Diff {
        #[arg(long)]
        from: PathBuf,
        #[arg(long)]
        to: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(clap::Args)]
pub struct ScreenArgs {
    /// Trust file; repeat with --list, one pair per bank (or with --state).
    #[arg(long = "trust", required = true)]
    pub trusts: Vec<PathBuf>,
    #[arg(long = "list")]
    pub lists: Vec<PathBuf>,
    /// Screen against the lists stored in this state directory instead.
    #[arg(long)]
    pub state: Option<PathBuf>,
    #[arg(long)]
    pub region: String,
    #[arg(long, default_value = "phone", value_parser = ["phone", "sms", "whatsapp", "telegram", "viber", "signal", "other"])]
    pub channel: String,
    /// The caller's display name (messenger profile, caller ID name).
    #[arg(long)]
    pub name: Option<String>,
    /// The caller's number is saved in the phone's contacts (the SDK's
    /// Call.savedContact): --name is then the customer's own label and raises
    /// no name claim, unless the contact audit flags it.
    #[arg(long)]
    pub saved_contact: bool,
    #[arg(long, default_value = "not_verified", value_parser = ["passed", "failed", "not_verified"])]
    pub attestation: String,
    #[arg(long, default_value = "incoming", value_parser = ["incoming", "outgoing"])]
    pub direction: String,
    /// en, ru, uk or kk (any BCP 47 tag: ru-RU, KK; others fall back to English).
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// A bank's override of the --lang messages (Fluent, docs/copy.md).
    #[arg(long)]
    pub copy: Option<PathBuf>,
    #[arg(long)]
    pub now: Option<String>,
    #[arg(long)]
    pub json: bool,
    /// A call intent the bank sent this phone (repeatable); verified like the SDK does.
    #[arg(long = "intent")]
    pub intents: Vec<PathBuf>,
    /// This phone's audience id, for --intent: required without --state (whose
    /// install's id is used, unless this names another); never taken from the
    /// intent itself.
    #[arg(long)]
    pub audience: Option<String>,
    /// A signed feed manifest (repeatable, with --feed-blob): reported numbers.
    #[arg(long = "feed")]
    pub feeds: Vec<PathBuf>,
    /// The full blob the --feed manifest names (checked by length and SHA-256).
    #[arg(long = "feed-blob")]
    pub feed_blobs: Vec<PathBuf>,
    /// Screen one number per line from stdin; prints JSON lines. A line that is not
    /// UTF-8 (or over 4 KiB) gets {"line":N,"error":…} and exit code 1; the batch goes on.
    #[arg(long)]
    pub stdin: bool,
    pub number: Option<String>,
}

#[derive(clap::Args)]
pub struct IntentArgs {
    /// The intent key (private JWK) that the bank's list delegates in `intent_keys`.
    #[arg(long)]
    pub key: PathBuf,
    #[arg(long)]
    pub issuer: String,
    /// The intent id (`jti`); random when omitted.
    #[arg(long)]
    pub id: Option<String>,
    /// The number the call will come from (E.164, e.g. +74950000001).
    #[arg(long)]
    pub from: String,
    #[arg(long, default_value = "phone", value_parser = ["phone", "sms", "whatsapp", "telegram", "viber", "signal", "other"])]
    pub channel: String,
    /// The customer's install (its audience id, from the app's intent_audience()).
    #[arg(long)]
    pub audience: String,
    #[arg(long = "agent-en")]
    pub agent_en: Option<String>,
    #[arg(long = "agent-ru")]
    pub agent_ru: Option<String>,
    #[arg(long = "department-en")]
    pub department_en: Option<String>,
    #[arg(long = "department-ru")]
    pub department_ru: Option<String>,
    #[arg(long = "purpose-en")]
    pub purpose_en: Option<String>,
    #[arg(long = "purpose-ru")]
    pub purpose_ru: Option<String>,
    /// How long from now the call may come: 90s, 10m … at most 30m.
    #[arg(long, default_value = "10m")]
    pub ttl: String,
    #[arg(long)]
    pub now: Option<String>,
}

#[derive(clap::Args)]
pub struct DirectoryArgs {
    #[arg(long = "trust", required = true)]
    pub trusts: Vec<PathBuf>,
    #[arg(long = "list")]
    pub lists: Vec<PathBuf>,
    #[arg(long)]
    pub state: Option<PathBuf>,
    #[arg(long, default_value = "en", value_parser = ["en", "ru"])]
    pub lang: String,
    /// Prefixes expanding to more numbers than this are skipped (reported on stderr).
    #[arg(long, default_value_t = 100_000)]
    pub max_prefix_expansion: u64,
    /// A signed feed manifest (repeatable, with --feed-blob): its numbers get "⚠ Reported" labels.
    #[arg(long = "feed")]
    pub feeds: Vec<PathBuf>,
    /// The full blob the --feed manifest names.
    #[arg(long = "feed-blob")]
    pub feed_blobs: Vec<PathBuf>,
    #[arg(long)]
    pub now: Option<String>,
}
