//! The shared feed vectors (tests/vectors/feeds/expected.json) through the
//! FFI, the scenario Kotlin and Swift run too: install version 1 from its
//! full blob, screen; version 2 from the delta, screen; the refusals leave
//! the feed in force; `sync_feed` through an app's transport; and a feed
//! stored in a state directory is in force again after a restart.

use callguard_ffi::{
    Attestation, Call, CallGuard, CallGuardError, Channel, Direction, FeedInfo, FeedVia,
    GuardConfig, HttpHeader, HttpRequest, HttpResponse, HttpTransport, Reason, Risk, SyncStatus,
    TransportError, Verdict,
};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

fn bytes(rel: &str) -> Vec<u8> {
    std::fs::read(vectors().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn expected() -> Value {
    serde_json::from_slice(&bytes("feeds/expected.json")).unwrap()
}

fn now(doc: &Value) -> i64 {
    doc["now"].as_i64().unwrap()
}

fn version(doc: &Value, v: u64) -> &Value {
    doc["versions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["version"] == v)
        .unwrap()
}

/// A guard with the list vector in force (and no feed yet).
fn guard(doc: &Value, state_dir: Option<String>) -> Arc<CallGuard> {
    let guard = CallGuard::new(GuardConfig {
        home_region: doc["home_region"].as_str().unwrap().into(),
        language: doc["lang"].as_str().unwrap().into(),
        state_dir,
        max_list_bytes: None,
        intent_audience: None,
    });
    let trust = String::from_utf8(bytes(doc["trust"].as_str().unwrap())).unwrap();
    guard.add_trust(trust).unwrap();
    guard
        .load_list_at(bytes(doc["list"].as_str().unwrap()), now(doc))
        .unwrap();
    guard
}

fn call(number: &str, direction: &str) -> Call {
    Call {
        number: number.into(),
        channel: Channel::Phone,
        display_name: None,
        attestation: Attestation::NotVerified,
        direction: match direction {
            "outgoing" => Direction::Outgoing,
            _ => Direction::Incoming,
        },
        saved_contact: false,
    }
}

fn verdict(name: &str) -> Verdict {
    match name {
        "official" => Verdict::Official,
        "reported" => Verdict::Reported,
        "unknown" => Verdict::Unknown,
        other => panic!("verdict {other} not used by the feed vectors"),
    }
}

fn risk(name: &str) -> Risk {
    match name {
        "safe" => Risk::Safe,
        "neutral" => Risk::Neutral,
        "caution" => Risk::Caution,
        "danger" => Risk::Danger,
        other => panic!("risk {other}"),
    }
}

fn reason(name: &str) -> Reason {
    match name {
        "reported_fraud" => Reason::ReportedFraud,
        "reported_spam" => Reason::ReportedSpam,
        "listed_outbound" => Reason::ListedOutbound,
        "not_listed" => Reason::NotListed,
        other => panic!("reason {other} not used by the feed vectors"),
    }
}

/// `screen` and `screen_many` give every call of `v` its expected answer.
fn assert_calls(guard: &CallGuard, doc: &Value, v: &Value) {
    let calls = v["calls"].as_array().unwrap();
    assert!(calls.len() >= 5, "the vector lost calls");
    let batch: Vec<Call> = calls
        .iter()
        .map(|c| {
            call(
                c["number"].as_str().unwrap(),
                c["direction"].as_str().unwrap(),
            )
        })
        .collect();
    let many = guard.screen_many_at(batch.clone(), now(doc));
    for ((c, one), code) in calls.iter().zip(batch).zip(many) {
        let name = format!("v{} {}", v["version"], c["name"].as_str().unwrap());
        let s = guard.screen_at(one, now(doc));
        assert_eq!(s.verdict, verdict(c["verdict"].as_str().unwrap()), "{name}");
        assert_eq!(s.risk, risk(c["risk"].as_str().unwrap()), "{name}");
        assert_eq!(s.reason, c["reason"].as_str().unwrap(), "{name}");
        assert_eq!(s.issuer.as_deref(), c["issuer"].as_str(), "{name}");
        assert_eq!(
            (code.verdict, code.risk, code.reason),
            (s.verdict, s.risk, reason(c["reason"].as_str().unwrap())),
            "{name}: screen_many"
        );
    }
}

fn assert_info(info: &FeedInfo, doc: &Value, v: &Value) {
    assert_eq!(info.issuer, doc["issuer"].as_str().unwrap());
    assert_eq!(info.version, v["version"].as_u64().unwrap());
    assert_eq!(info.issued_at, v["issued_at"].as_i64().unwrap());
    assert_eq!(info.expires_at, v["expires_at"].as_i64().unwrap());
    assert_eq!(info.numbers, v["numbers"].as_u64().unwrap());
    assert_eq!(info.prefixes, v["prefixes"].as_u64().unwrap());
    assert_eq!(info.sha256, v["sha256"].as_str().unwrap());
    assert!(!info.expired);
}

fn feed_code(e: CallGuardError) -> String {
    match e {
        CallGuardError::InvalidFeed { code, .. } => code,
        other => panic!("expected InvalidFeed, got {other}"),
    }
}

fn refusal<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["refusals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap()
}

/// Installs `r` (manifest with its blob or delta); the refusal code.
fn refused(guard: &CallGuard, doc: &Value, r: &Value) -> String {
    let manifest = bytes(r["manifest"].as_str().unwrap());
    let result = match (r["blob"].as_str(), r["delta"].as_str()) {
        (Some(blob), None) => guard.install_feed_at(manifest, bytes(blob), now(doc)),
        (None, Some(delta)) => guard.install_feed_delta_at(manifest, bytes(delta), now(doc)),
        _ => panic!("a refusal names a blob or a delta"),
    };
    feed_code(result.expect_err(r["name"].as_str().unwrap()))
}

#[test]
fn the_vectors_install_screen_and_refuse_as_expected() {
    let doc = expected();
    let (v1, v2) = (version(&doc, 1), version(&doc, 2));
    let guard = guard(&doc, None);
    let at = now(&doc);
    assert!(guard.feeds_at(at).is_empty());

    // A blob that is not the one the manifest names never comes into force.
    let m1 = bytes(v1["manifest"].as_str().unwrap());
    let mut tampered = bytes(v1["blob"].as_str().unwrap());
    tampered[40] ^= 1; // a reserved header byte
    let code = feed_code(guard.install_feed_at(m1.clone(), tampered, at).unwrap_err());
    assert_eq!(code, "hash_mismatch");
    assert!(guard.feeds_at(at).is_empty());

    let info = guard
        .install_feed_at(m1, bytes(v1["blob"].as_str().unwrap()), at)
        .unwrap();
    assert_info(&info, &doc, v1);
    assert_eq!(guard.feeds_at(at), vec![info]);
    assert_calls(&guard, &doc, v1);

    let r = refusal(&doc, "tampered-blob");
    assert_eq!(r["after"], 1);
    assert_eq!(refused(&guard, &doc, r), r["code"].as_str().unwrap());
    assert_eq!(guard.feeds_at(at)[0].version, 1, "v1 stays in force");
    assert_calls(&guard, &doc, v1);

    let info = guard
        .install_feed_delta_at(
            bytes(v2["manifest"].as_str().unwrap()),
            bytes(v2["delta"].as_str().unwrap()),
            at,
        )
        .unwrap();
    assert_info(&info, &doc, v2);
    assert_calls(&guard, &doc, v2);

    for name in ["delta-on-the-wrong-base", "rolled-back"] {
        let r = refusal(&doc, name);
        assert_eq!(r["after"], 2);
        assert_eq!(
            refused(&guard, &doc, r),
            r["code"].as_str().unwrap(),
            "{name}"
        );
        assert_eq!(
            guard.feeds_at(at)[0].version,
            2,
            "{name}: v2 stays in force"
        );
    }
    assert_calls(&guard, &doc, v2);

    // Past its expiry the feed is still held (and still warns), marked expired.
    let later = v2["expires_at"].as_i64().unwrap() + 1;
    assert!(guard.feeds_at(later)[0].expired);
    let s = guard.screen_at(call("+79161234567", "incoming"), later);
    assert_eq!(s.verdict, Verdict::Reported);
}

#[test]
fn the_delta_gives_the_same_feed_as_the_full_blob() {
    let doc = expected();
    let (v1, v2) = (version(&doc, 1), version(&doc, 2));
    let at = now(&doc);
    let full = guard(&doc, None);
    let info = full
        .install_feed_at(
            bytes(v2["manifest"].as_str().unwrap()),
            bytes(v2["blob"].as_str().unwrap()),
            at,
        )
        .unwrap();
    assert_info(&info, &doc, v2);
    assert_calls(&full, &doc, v2);
    // Without version 1 held there is nothing to apply the delta to.
    let fresh = guard(&doc, None);
    let code = fresh
        .install_feed_delta_at(
            bytes(v2["manifest"].as_str().unwrap()),
            bytes(v2["delta"].as_str().unwrap()),
            at,
        )
        .unwrap_err();
    assert_eq!(feed_code(code), "delta_base_mismatch");
    assert!(fresh.feeds_at(at).is_empty());
    // The plan for a fresh phone is the full blob, after v1 the delta.
    let plan = fresh
        .feed_plan_at(bytes(v2["manifest"].as_str().unwrap()), at)
        .unwrap();
    let download = plan.download.unwrap();
    assert_eq!(
        (download.via, download.name.as_str()),
        (FeedVia::Full, "feed-2.cgfeed")
    );
    assert_eq!(download.sha256, v2["sha256"].as_str().unwrap());
    fresh
        .install_feed_at(
            bytes(v1["manifest"].as_str().unwrap()),
            bytes(v1["blob"].as_str().unwrap()),
            at,
        )
        .unwrap();
    let plan = fresh
        .feed_plan_at(bytes(v2["manifest"].as_str().unwrap()), at)
        .unwrap();
    let download = plan.download.unwrap();
    assert_eq!(download.via, FeedVia::Delta);
    assert_eq!(
        download.length,
        bytes(v2["delta"].as_str().unwrap()).len() as u64
    );
    assert_eq!(plan.full.name, "feed-2.cgfeed");
    // Once v2 is in force there is nothing to download.
    full.install_feed_at(
        bytes(v2["manifest"].as_str().unwrap()),
        bytes(v2["blob"].as_str().unwrap()),
        at,
    )
    .unwrap();
    let plan = full
        .feed_plan_at(bytes(v2["manifest"].as_str().unwrap()), at)
        .unwrap();
    assert_eq!(plan.download, None);
    let rollback = full.feed_plan_at(bytes("feeds/rollback-1.jws"), at);
    assert_eq!(feed_or_list_code(rollback.unwrap_err()), "rollback");
}

fn feed_or_list_code(e: CallGuardError) -> String {
    match e {
        CallGuardError::InvalidFeed { code, .. } | CallGuardError::InvalidList { code, .. } => code,
        other => panic!("expected a refusal, got {other}"),
    }
}

#[test]
fn a_stored_feed_is_in_force_again_after_a_restart() {
    let doc = expected();
    let v1 = version(&doc, 1);
    let dir = tempfile::tempdir().unwrap();
    let state = Some(dir.path().to_str().unwrap().to_string());
    let first = guard(&doc, state.clone());
    first
        .install_feed_at(
            bytes(v1["manifest"].as_str().unwrap()),
            bytes(v1["blob"].as_str().unwrap()),
            now(&doc),
        )
        .unwrap();
    drop(first);
    let again = guard(&doc, state);
    let feeds = again.feeds_at(now(&doc));
    assert_eq!(feeds.len(), 1);
    assert_info(&feeds[0], &doc, v1);
    assert_calls(&again, &doc, v1);
}

/// A static host in memory, as an app's own transport: files by URL, an
/// ETag per file, `If-None-Match` → 304.
struct Host {
    files: Mutex<HashMap<String, Vec<u8>>>,
    fetched: Mutex<Vec<String>>,
}

impl HttpTransport for Host {
    fn get(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.fetched.lock().unwrap().push(request.url.clone());
        let body = self.files.lock().unwrap().get(&request.url).cloned();
        let Some(body) = body else {
            return Ok(HttpResponse {
                status: 404,
                headers: Vec::new(),
                body: Vec::new(),
                final_url: request.url,
            });
        };
        let etag = format!(
            "\"{}-{}\"",
            body.len(),
            body.iter().map(|b| *b as u64).sum::<u64>()
        );
        let matches = request
            .headers
            .iter()
            .any(|h| h.name.eq_ignore_ascii_case("if-none-match") && h.value == etag);
        Ok(HttpResponse {
            status: if matches { 304 } else { 200 },
            headers: vec![HttpHeader {
                name: "ETag".into(),
                value: etag,
            }],
            body: if matches { Vec::new() } else { body },
            final_url: request.url,
        })
    }
}

#[test]
fn sync_feed_downloads_the_full_blob_then_the_delta() {
    let doc = expected();
    let (v1, v2) = (version(&doc, 1), version(&doc, 2));
    let at = now(&doc);
    let base = "https://bank.example/feed/";
    let url = format!("{base}manifest.jws");
    let host = Arc::new(Host {
        files: Mutex::new(HashMap::new()),
        fetched: Mutex::new(Vec::new()),
    });
    let put = |name: &str, rel: &str| {
        host.files
            .lock()
            .unwrap()
            .insert(format!("{base}{name}"), bytes(rel));
    };
    put("manifest.jws", v1["manifest"].as_str().unwrap());
    put("feed-1.cgfeed", v1["blob"].as_str().unwrap());
    put("feed-2.cgfeed", v2["blob"].as_str().unwrap());
    put("feed-1-2.cgdelta", v2["delta"].as_str().unwrap());
    let guard = guard(&doc, None);
    guard.set_http_transport(host.clone());

    let first = guard.sync_feed_at(url.clone(), at).unwrap();
    assert_eq!(first.status, SyncStatus::Updated);
    assert_eq!((first.issuer.as_str(), first.version), ("example-bank", 1));
    assert_eq!(first.via, Some(FeedVia::Full));
    let sizes =
        bytes(v1["manifest"].as_str().unwrap()).len() + bytes(v1["blob"].as_str().unwrap()).len();
    assert_eq!(first.downloaded_bytes, sizes as u64);
    assert_calls(&guard, &doc, v1);

    let same = guard.sync_feed_at(url.clone(), at).unwrap();
    assert_eq!(
        (same.status, same.via, same.version),
        (SyncStatus::NotModified, None, 1)
    );

    put("manifest.jws", v2["manifest"].as_str().unwrap());
    host.fetched.lock().unwrap().clear();
    let second = guard.sync_feed_at(url.clone(), at).unwrap();
    assert_eq!((second.status, second.version), (SyncStatus::Updated, 2));
    assert_eq!(second.via, Some(FeedVia::Delta));
    assert_eq!(
        *host.fetched.lock().unwrap(),
        vec![url.clone(), format!("{base}feed-1-2.cgdelta")],
        "the delta only, not the full blob"
    );
    assert_calls(&guard, &doc, v2);

    // A rolled-back manifest from the server changes nothing.
    put("manifest.jws", "feeds/rollback-1.jws");
    let e = guard.sync_feed_at(url, at).unwrap_err();
    assert_eq!(feed_or_list_code(e), "rollback");
    assert_eq!(guard.feeds_at(at)[0].version, 2);
}
