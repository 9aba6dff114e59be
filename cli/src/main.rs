//! `callguard`: the publisher's and tester's tool. Exit codes: 0 success
//! (accepted, updated), 1 rejected (or a batch with unreadable lines),
//! 2 usage error.

mod cmd;
mod copy;
mod feeds;
mod io;
mod lists;
mod render;
mod vcard;

use clap::{Parser, Subcommand};
use io::UsageError;
use std::path::PathBuf;
use std::process::ExitCode;

/// What a command concluded (usage errors travel as `UsageError`).
pub enum Outcome {
    Accepted,
    Rejected,
}

#[derive(Parser)]
#[command(
    name = "callguard",
    version,
    about = "Sign, verify and screen against a bank's official contact list"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
    Screen {
        /// Trust file; repeat with --list, one pair per bank (or with --state).
        #[arg(long = "trust", required = true)]
        trusts: Vec<PathBuf>,
        #[arg(long = "list")]
        lists: Vec<PathBuf>,
        /// Screen against the lists stored in this state directory instead.
        #[arg(long)]
        state: Option<PathBuf>,
        #[arg(long)]
        region: String,
        #[arg(long, default_value = "phone", value_parser = ["phone", "sms", "whatsapp", "telegram", "viber", "signal", "other"])]
        channel: String,
        /// The caller's display name (messenger profile, caller ID name).
        #[arg(long)]
        name: Option<String>,
        /// The caller's number is saved in the phone's contacts (the SDK's
        /// Call.savedContact): --name is then the customer's own label and raises
        /// no name claim, unless the contact audit flags it.
        #[arg(long)]
        saved_contact: bool,
        #[arg(long, default_value = "not_verified", value_parser = ["passed", "failed", "not_verified"])]
        attestation: String,
        #[arg(long, default_value = "incoming", value_parser = ["incoming", "outgoing"])]
        direction: String,
        /// en, ru, uk or kk (any BCP 47 tag: ru-RU, KK; others fall back to English).
        #[arg(long, default_value = "en")]
        lang: String,
        /// A bank's override of the --lang messages (Fluent, docs/copy.md).
        #[arg(long)]
        copy: Option<PathBuf>,
        #[arg(long)]
        now: Option<String>,
        #[arg(long)]
        json: bool,
        /// A call intent the bank sent this phone (repeatable); verified like the SDK does.
        #[arg(long = "intent")]
        intents: Vec<PathBuf>,
        /// This phone's audience id, for --intent: required without --state (whose
        /// install's id is used, unless this names another); never taken from the
        /// intent itself.
        #[arg(long)]
        audience: Option<String>,
        /// A signed feed manifest (repeatable, with --feed-blob): reported numbers.
        #[arg(long = "feed")]
        feeds: Vec<PathBuf>,
        /// The full blob the --feed manifest names (checked by length and SHA-256).
        #[arg(long = "feed-blob")]
        feed_blobs: Vec<PathBuf>,
        /// Screen one number per line from stdin; prints JSON lines. A line that is not
        /// UTF-8 (or over 4 KiB) gets {"line":N,"error":…} and exit code 1; the batch goes on.
        #[arg(long)]
        stdin: bool,
        number: Option<String>,
    },
    /// Sign a call intent with a delegated intent key (prints the compact JWS): "we are calling you now".
    Intent {
        /// The intent key (private JWK) that the bank's list delegates in `intent_keys`.
        #[arg(long)]
        key: PathBuf,
        #[arg(long)]
        issuer: String,
        /// The intent id (`jti`); random when omitted.
        #[arg(long)]
        id: Option<String>,
        /// The number the call will come from (E.164, e.g. +74950000001).
        #[arg(long)]
        from: String,
        #[arg(long, default_value = "phone", value_parser = ["phone", "sms", "whatsapp", "telegram", "viber", "signal", "other"])]
        channel: String,
        /// The customer's install (its audience id, from the app's intent_audience()).
        #[arg(long)]
        audience: String,
        #[arg(long = "agent-en")]
        agent_en: Option<String>,
        #[arg(long = "agent-ru")]
        agent_ru: Option<String>,
        #[arg(long = "department-en")]
        department_en: Option<String>,
        #[arg(long = "department-ru")]
        department_ru: Option<String>,
        #[arg(long = "purpose-en")]
        purpose_en: Option<String>,
        #[arg(long = "purpose-ru")]
        purpose_ru: Option<String>,
        /// How long from now the call may come: 90s, 10m … at most 30m.
        #[arg(long, default_value = "10m")]
        ttl: String,
        #[arg(long)]
        now: Option<String>,
    },
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
    Directory {
        #[arg(long = "trust", required = true)]
        trusts: Vec<PathBuf>,
        #[arg(long = "list")]
        lists: Vec<PathBuf>,
        #[arg(long)]
        state: Option<PathBuf>,
        #[arg(long, default_value = "en", value_parser = ["en", "ru"])]
        lang: String,
        /// Prefixes expanding to more numbers than this are skipped (reported on stderr).
        #[arg(long, default_value_t = 100_000)]
        max_prefix_expansion: u64,
        /// A signed feed manifest (repeatable, with --feed-blob): its numbers get "⚠ Reported" labels.
        #[arg(long = "feed")]
        feeds: Vec<PathBuf>,
        /// The full blob the --feed manifest names.
        #[arg(long = "feed-blob")]
        feed_blobs: Vec<PathBuf>,
        #[arg(long)]
        now: Option<String>,
    },
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

/// With `--json`, stdout is always one JSON document: a usage error
/// (exit 2) too, in the shape of the command's own answers (`error` is the
/// code, `detail` the message's first line). The message also goes to
/// stderr, for whoever reads the terminal.
#[derive(Clone, Copy)]
enum JsonShape {
    Verify,
    Sync,
    Plain,
}

impl JsonShape {
    /// `None` when the command was not asked for JSON.
    fn of(command: &Command) -> Option<JsonShape> {
        match command {
            Command::Verify { json: true, .. } => Some(JsonShape::Verify),
            Command::Sync { args }
            | Command::Feed {
                command: FeedCommand::Sync { args },
            } if args.json => Some(JsonShape::Sync),
            Command::Screen { json: true, .. } | Command::Contacts { json: true, .. } => {
                Some(JsonShape::Plain)
            }
            _ => None,
        }
    }

    /// `code`: a documented refusal code, or `usage`.
    fn error(self, code: &str, message: &str) -> serde_json::Value {
        let detail = message.lines().next().unwrap_or("").trim();
        let detail = detail.strip_prefix("error: ").unwrap_or(detail);
        match self {
            JsonShape::Verify => {
                serde_json::json!({"valid": false, "error": code, "detail": detail})
            }
            JsonShape::Sync => serde_json::json!({
                "status": "failed", "version": null, "error": code, "detail": detail
            }),
            JsonShape::Plain => serde_json::json!({"error": code, "detail": detail}),
        }
    }
}

/// What `sync` and `feed sync` take.
#[derive(clap::Args)]
struct SyncArgs {
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
    json: bool,
}

impl SyncArgs {
    fn as_args(&self) -> cmd::sync::Args<'_> {
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
enum FeedCommand {
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

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and --version are answers, not errors.
            if e.use_stderr() && std::env::args().any(|a| a == "--json") {
                println!("{}", JsonShape::Plain.error("usage", &e.to_string()));
            }
            e.exit();
        }
    };
    let json = JsonShape::of(&cli.command);
    let result = match cli.command {
        Command::Feed { command } => match command {
            FeedCommand::Build {
                input,
                out,
                issuer,
                version,
                valid_days,
                block_size,
                previous,
            } => cmd::feed::build(cmd::feed::BuildArgs {
                input: &input,
                out: &out,
                issuer: &issuer,
                version,
                valid_days,
                block_size,
                previous: &previous,
            })
            .map(|_| Outcome::Accepted),
            FeedCommand::Diff { from, to, out } => {
                cmd::feed::diff_cmd(&from, &to, &out).map(|_| Outcome::Accepted)
            }
            FeedCommand::Sync { args } => cmd::sync::run_feed(args.as_args()),
        },
        Command::Keygen { alg, kid, out } => {
            cmd::keygen::run(&alg, &kid, &out).map(|_| Outcome::Accepted)
        }
        Command::Trust {
            issuer,
            threshold,
            keys,
        } => cmd::trust::run(&issuer, threshold, &keys).map(|_| Outcome::Accepted),
        Command::Sign { keys, input, out } => {
            cmd::sign::run(&keys, &input, &out).map(|_| Outcome::Accepted)
        }
        Command::Verify {
            trust,
            with_list: Some(with_list),
            audience,
            state,
            now,
            json,
            list,
        } => cmd::intent::verify(cmd::intent::VerifyArgs {
            trust: &trust,
            list: &with_list,
            audience: audience.as_deref(),
            state: state.as_deref(),
            now: now.as_deref(),
            json,
            intent: &list,
        }),
        Command::Verify {
            trust,
            state,
            now,
            json,
            list,
            ..
        } => cmd::verify::run(&trust, state.as_deref(), now.as_deref(), json, &list),
        Command::Inspect { list } => cmd::inspect::run(&list),
        Command::Normalize { region, numbers } => cmd::normalize::run(&region, &numbers),
        Command::Screen {
            trusts,
            lists,
            state,
            region,
            channel,
            name,
            saved_contact,
            attestation,
            direction,
            lang,
            copy,
            now,
            json,
            intents,
            audience,
            feeds,
            feed_blobs,
            stdin,
            number,
        } => lists::load(&trusts, &lists, state.as_ref(), !feeds.is_empty()).and_then(|loaded| {
            let loaded_feeds = feeds::load(&trusts, &feeds, &feed_blobs, state.as_ref())?;
            cmd::screen::run(
                &loaded,
                cmd::screen::Args {
                    feeds: &loaded_feeds.feeds()?,
                    intents: &intents,
                    audience: audience.as_deref(),
                    state: state.as_deref(),
                    region: &region,
                    channel: &channel,
                    name: name.as_deref(),
                    saved_contact,
                    attestation: &attestation,
                    direction: &direction,
                    lang: &lang,
                    copy: copy.as_deref(),
                    now: now.as_deref(),
                    json,
                    stdin,
                    number: number.as_deref(),
                },
            )
        }),
        Command::Intent {
            key,
            issuer,
            id,
            from,
            channel,
            audience,
            agent_en,
            agent_ru,
            department_en,
            department_ru,
            purpose_en,
            purpose_ru,
            ttl,
            now,
        } => cmd::intent::make(cmd::intent::Args {
            key: &key,
            issuer: &issuer,
            id: id.as_deref(),
            from: &from,
            channel: &channel,
            audience: &audience,
            agent: [agent_en.as_deref(), agent_ru.as_deref()],
            department: [department_en.as_deref(), department_ru.as_deref()],
            purpose: [purpose_en.as_deref(), purpose_ru.as_deref()],
            ttl: &ttl,
            now: now.as_deref(),
        })
        .map(|_| Outcome::Accepted),
        Command::Contacts {
            trusts,
            lists,
            state,
            region,
            lang,
            json,
            vcf,
        } => lists::load(&trusts, &lists, state.as_ref(), false)
            .and_then(|loaded| cmd::contacts::run(&loaded, &region, &lang, json, &vcf)),
        Command::Directory {
            trusts,
            lists,
            state,
            lang,
            max_prefix_expansion,
            feeds,
            feed_blobs,
            now,
        } => lists::load(&trusts, &lists, state.as_ref(), !feeds.is_empty())
            .and_then(|loaded| {
                let loaded_feeds = feeds::load(&trusts, &feeds, &feed_blobs, state.as_ref())?;
                cmd::directory::run(
                    &loaded,
                    &loaded_feeds.feeds()?,
                    &lang,
                    max_prefix_expansion,
                    now.as_deref(),
                )
            })
            .map(|_| Outcome::Accepted),
        Command::Sync { args } => cmd::sync::run(args.as_args()),
        Command::Serve {
            dir,
            addr,
            tls_cert,
            tls_key,
        } => cmd::serve::run(&dir, &addr, tls_cert.as_deref(), tls_key.as_deref())
            .map(|_| Outcome::Accepted),
        Command::Demo { lang, copy, region } => {
            cmd::demo::run(&lang, copy.as_deref(), &region).map(|_| Outcome::Accepted)
        }
    };
    match result {
        Ok(Outcome::Accepted) => ExitCode::SUCCESS,
        Ok(Outcome::Rejected) => ExitCode::from(1),
        Err(UsageError { message, code }) => {
            if let Some(shape) = json {
                println!("{}", shape.error(code.unwrap_or("usage"), &message));
            }
            match code {
                Some(code) if !message.contains(&format!("({code})")) => {
                    eprintln!("callguard: refused ({code}): {message}")
                }
                _ => eprintln!("callguard: {message}"),
            }
            // A refused document (a documented code) is a rejection, exit 1;
            // anything else is the operator's to fix, exit 2.
            ExitCode::from(if code.is_some() { 1 } else { 2 })
        }
    }
}
