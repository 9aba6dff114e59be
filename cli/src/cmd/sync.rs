//! `callguard sync`: what a phone does to keep its list current, from the
//! command line. Exit 0 updated or not modified, 1 rejected or failed (the
//! previous list, if any, stays), 2 usage. The result is one line on
//! stdout (one JSON document with `--json`).

use crate::io::{now, read, read_trust_bytes, UsageError};
use crate::Outcome;
use callguard_state::{Guard, StateDir};
use callguard_sync::{FeedVia, SyncConfig, SyncError, SyncStatus, Syncer};
use serde_json::json;
use std::path::{Path, PathBuf};

pub struct Args<'a> {
    pub url: &'a str,
    pub trust: &'a Path,
    pub state: &'a Path,
    pub ca_certs: &'a [PathBuf],
    pub allow_http_localhost: bool,
    pub now: Option<&'a str>,
    pub json: bool,
}

/// The Guard and Syncer a sync runs with: the state directory checked
/// first, the trust added.
fn setup(args: &Args<'_>) -> Result<(Guard, Syncer, String), UsageError> {
    let mut config = SyncConfig {
        allow_http_localhost: args.allow_http_localhost,
        ..SyncConfig::default()
    };
    for path in args.ca_certs {
        config.extra_ca_pem.push(
            String::from_utf8(read(path)?)
                .map_err(|_| UsageError::new(format!("{} is not PEM text", path.display())))?,
        );
    }
    // Guard::open carries on without an unusable directory (a phone must
    // still screen); here it is the operator's to fix, before any download.
    StateDir::open(args.state)
        .map_err(|e| UsageError::new(format!("state directory {}: {e}", args.state.display())))?;
    let guard = Guard::open(Some(args.state), config.max_bytes);
    let issuer = guard
        .add_trust(&read_trust_bytes(args.trust)?)
        .map_err(|e| UsageError::new(format!("{}: {e}", args.trust.display())))?;
    let syncer = Syncer::new(config).map_err(|e| UsageError::new(e.to_string()))?;
    Ok((guard, syncer, issuer))
}

pub fn run(args: Args<'_>) -> Result<Outcome, UsageError> {
    let now = now(args.now)?;
    let (guard, syncer, issuer) = setup(&args)?;
    let result = syncer.sync(&guard, args.url, now);
    // The version of this issuer's list in force now (after the sync).
    let in_force = guard
        .snapshot()
        .iter()
        .find(|l| l.issuer.id == issuer)
        .map(|l| l.version);
    let (status, error, detail) = match &result {
        Ok(o) => (
            match o.status {
                SyncStatus::Updated => "updated",
                SyncStatus::NotModified => "not_modified",
            },
            None,
            format!(
                "version {} of {} in force, expires {}",
                o.list.version,
                o.list.issuer.id,
                o.list.expires_at.to_rfc3339()
            ),
        ),
        Err(e) => (
            if matches!(e, SyncError::List(_)) {
                "rejected"
            } else {
                "failed"
            },
            Some(e.code()),
            e.to_string(),
        ),
    };
    if args.json {
        println!(
            "{}",
            json!({"status": status, "version": in_force, "error": error, "detail": detail})
        );
    } else if result.is_ok() {
        println!("{status}: {detail}");
    } else {
        match in_force {
            Some(version) => println!(
                "{status}: {detail} (the previous list, version {version}, stays in force)"
            ),
            None => println!("{status}: {detail} (no list of {issuer} is in force yet)"),
        }
    }
    Ok(if result.is_ok() {
        Outcome::Accepted
    } else {
        Outcome::Rejected
    })
}

/// `callguard feed sync`: the manifest at `url`, then what it names.
pub fn run_feed(args: Args<'_>) -> Result<Outcome, UsageError> {
    let now = now(args.now)?;
    let (guard, syncer, issuer) = setup(&args)?;
    let result = syncer.sync_feed(&guard, args.url, now);
    let in_force = guard.feeds().get(&issuer).map(|h| h.version());
    let (status, via, downloaded, error, detail) = match &result {
        Ok(o) => (
            match o.status {
                SyncStatus::Updated => "updated",
                SyncStatus::NotModified => "not_modified",
            },
            o.via.map(|v| match v {
                FeedVia::Full => "full",
                FeedVia::Delta => "delta",
            }),
            o.downloaded_bytes,
            None,
            format!(
                "feed version {} of {} in force ({} bytes downloaded{})",
                o.version,
                o.issuer,
                o.downloaded_bytes,
                match o.via {
                    Some(FeedVia::Full) => ", full blob",
                    Some(FeedVia::Delta) => ", delta",
                    None => "",
                }
            ),
        ),
        Err(e) => (
            if matches!(e, SyncError::List(_) | SyncError::Feed(_)) {
                "rejected"
            } else {
                "failed"
            },
            None,
            0,
            Some(e.code()),
            e.to_string(),
        ),
    };
    if args.json {
        println!(
            "{}",
            json!({"status": status, "version": in_force, "via": via,
                   "downloaded_bytes": downloaded, "error": error, "detail": detail})
        );
    } else if result.is_ok() {
        println!("{status}: {detail}");
    } else {
        match in_force {
            Some(version) => println!(
                "{status}: {detail} (the previous feed, version {version}, stays in force)"
            ),
            None => println!("{status}: {detail} (no feed of {issuer} is in force yet)"),
        }
    }
    Ok(if result.is_ok() {
        Outcome::Accepted
    } else {
        Outcome::Rejected
    })
}
