//! Every refusal code the docs promise, triggered through the CLI (issue
//! 23, item 4). The codes are read from the docs' own tables — list-format
//! §5, call-intents §3, feed-format §6, the README's sync codes — so a code
//! added to a table without a way to see it fails here. Each code maps to
//! a trigger: a `callguard` run whose JSON must carry exactly that code, or,
//! for the few the CLI cannot reach (a delta's base, a slow network), the
//! test below the CLI that triggers it, which must exist and name the code.

mod support;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel)
}

fn vector(rel: &str) -> String {
    repo("tests/vectors")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Runs the CLI; the code it reports in its JSON (`error` or `code`).
fn code_of(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(args)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
        panic!(
            "{args:?}: no JSON on stdout\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let code = json["error"]
        .as_str()
        .or(json["code"].as_str())
        .unwrap_or("")
        .to_string();
    let expected_exit = if code.is_empty() || code == "usage" {
        None
    } else {
        Some(1)
    };
    if expected_exit.is_some() {
        assert_eq!(out.status.code(), expected_exit, "{args:?}: {json}");
    }
    code
}

/// The codes in backticks of the table cells in `column` (0-based; -1:
/// the last) of the section of `doc` that starts with `heading`.
fn table_codes(doc: &str, heading: &str, column: isize) -> BTreeSet<String> {
    let text = std::fs::read_to_string(repo(doc)).unwrap();
    let start = text
        .find(heading)
        .unwrap_or_else(|| panic!("{doc}: {heading}"));
    let section = &text[start + heading.len()..];
    let end = section.find("\n#").unwrap_or(section.len());
    let mut codes = BTreeSet::new();
    // The section's first table only.
    let table = section[..end]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'));
    for line in table {
        let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
        let i = if column < 0 {
            cells.len() as isize + column
        } else {
            column
        };
        let Some(cell) = cells.get(i as usize) else {
            continue;
        };
        for (n, piece) in cell.split('`').enumerate() {
            let is_code = n % 2 == 1
                && !piece.is_empty()
                && piece.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
            if is_code {
                codes.insert(piece.to_string());
            }
        }
    }
    assert!(!codes.is_empty(), "{doc}: no codes under {heading}");
    codes
}

/// A code produced below the CLI: `file` must hold `fn test` and the code.
fn below(file: &str, test: &str, code: &str) {
    let text = std::fs::read_to_string(repo(file)).unwrap();
    assert!(
        text.contains(&format!("fn {test}(")),
        "{file}: no fn {test}"
    );
    assert!(
        text.contains(code) || text.contains(&to_camel(code)),
        "{file} never names {code}"
    );
}

fn to_camel(code: &str) -> String {
    code.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

// ---- lists (list-format.md §5) -----------------------------------------

#[test]
fn every_list_code() {
    let documented = table_codes("docs/list-format.md", "## 5. Rejection codes", 0);
    let cases: Value =
        serde_json::from_str(&std::fs::read_to_string(vector("lists.json")).unwrap()).unwrap();
    let mut seen = BTreeSet::new();
    for case in cases["cases"].as_array().unwrap() {
        let expect = case["expect"].as_str().unwrap();
        if expect == "ok" || seen.contains(expect) || !case["max_bytes"].is_null() {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let state = s(&dir.path().join("state"));
        let trust = vector(case["trust"].as_str().unwrap());
        let now = case["now"].as_str().unwrap();
        if let Some(prior) = case["prior"].as_str() {
            let prior = cases["cases"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["name"] == prior)
                .unwrap();
            let code = code_of(&[
                "verify",
                "--json",
                "--trust",
                &trust,
                "--state",
                &state,
                "--now",
                now,
                &vector(prior["list"].as_str().unwrap()),
            ]);
            assert_eq!(code, "", "the prior list verifies");
        }
        let mut args = vec!["verify", "--json", "--trust", &trust, "--now", now];
        if case["prior"].is_string() {
            args.extend(["--state", &state]);
        }
        let list = vector(case["list"].as_str().unwrap());
        args.push(&list);
        assert_eq!(code_of(&args), expect, "{}", case["name"]);
        seen.insert(expect.to_string());
    }
    // too_large: a list over the 8 MiB cap (a sparse file, never read).
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.jws");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let args = [
        "verify",
        "--json",
        "--trust",
        &vector("trust/example-bank.json"),
        &s(&huge),
    ];
    assert_eq!(code_of(&args), "too_large");
    seen.insert("too_large".into());
    let missing: Vec<_> = documented.difference(&seen).collect();
    assert!(
        missing.is_empty(),
        "list codes never triggered: {missing:?}"
    );
}

// ---- call intents (call-intents.md §3) ---------------------------------

const AUDIENCE: &str = "callguard-test-audience";
const NOW: &str = "2026-12-01T00:05:00Z";

fn verify_intent(list: &str, intent: &Path, extra: &[&str]) -> String {
    let mut args = vec![
        "verify",
        "--json",
        "--trust",
        &vector_owned("trust/example-bank.json"),
        "--with-list",
        list,
        "--now",
        NOW,
    ];
    let intent = s(intent);
    let owned: Vec<String> = extra.iter().map(|e| e.to_string()).collect();
    args.extend(owned.iter().map(String::as_str));
    if !extra.contains(&"--state") {
        args.extend(["--audience", AUDIENCE]);
    }
    args.push(&intent);
    code_of(&args)
}

fn vector_owned(rel: &str) -> &'static str {
    Box::leak(vector(rel).into_boxed_str())
}

/// A compact JWS with this header and these claims, signed by `key` (a
/// private JWK file) or with a junk signature.
fn compact(header: Value, claims: Value, key: Option<&str>) -> String {
    use callguard_core::jwk::SigningKey;
    let b64 = |v: &Value| {
        use base64_url::encode;
        encode(v.to_string().as_bytes())
    };
    let input = format!("{}.{}", b64(&header), b64(&claims));
    let sig = match key {
        Some(path) => {
            let jwk = std::fs::read(path).unwrap();
            let key =
                SigningKey::from_jwk(&callguard_core::jwk::Jwk::from_json(&jwk).unwrap()).unwrap();
            base64_url::encode(&key.sign(input.as_bytes()).unwrap())
        }
        None => "AAAA".into(),
    };
    format!("{input}.{sig}")
}

mod base64_url {
    pub fn encode(bytes: &[u8]) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut out = String::new();
        for chunk in bytes.chunks(3) {
            let n = chunk.iter().fold(0u32, |n, b| n << 8 | *b as u32) << (8 * (3 - chunk.len()));
            for i in 0..=chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            }
        }
        out
    }
}

fn claims(overrides: Value) -> Value {
    let mut c = serde_json::json!({
        "type": "callguard.call-intent", "iss": "example-bank", "jti": "c-1", "aud": AUDIENCE,
        "from": "+74950000001", "channel": "phone", "agent": {"en": "Anna"},
        "department": {"en": "cards"}, "purpose": {"en": "your card"},
        "iat": 1796083200, "nbf": 1796083200, "exp": 1796083800
    });
    for (k, v) in overrides.as_object().unwrap() {
        c[k] = v.clone();
    }
    c
}

fn header(alg: &str) -> Value {
    serde_json::json!({"alg": alg, "kid": "intent-a", "typ": "callguard-intent+jwt"})
}

#[test]
fn every_intent_code() {
    let documented = table_codes("docs/call-intents.md", "## 3. What the phone checks", -1);
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let list = vector("lists/intents-v20.jws");
    let key = vector("keys/intent-a.jwk");
    let mut seen = BTreeSet::new();
    let mut expect = |code: &str, got: String| {
        assert_eq!(got, code);
        seen.insert(code.to_string());
    };
    // The shared vectors first.
    let cases: Value =
        serde_json::from_str(&std::fs::read_to_string(vector("intents.json")).unwrap()).unwrap();
    let state = dir.path().join("state");
    for case in cases["cases"].as_array().unwrap() {
        let code = case["expect"].as_str().unwrap();
        if code == "ok" || code == "replayed" {
            continue;
        }
        let got = verify_intent(
            &list,
            Path::new(&vector(case["intent"].as_str().unwrap())),
            &[],
        );
        expect(code, got);
    }
    let signed = |c: Value| compact(header("EdDSA"), c, Some(&key));
    expect(
        "too_large",
        verify_intent(&list, &file("big", &"x".repeat(5000)), &[]),
    );
    expect(
        "malformed",
        verify_intent(&list, &file("junk", "not.a.jws"), &[]),
    );
    let typ = serde_json::json!({"alg": "EdDSA", "kid": "intent-a", "typ": "JWT"});
    expect(
        "wrong_type",
        verify_intent(
            &list,
            &file(
                "typ",
                &compact(typ, claims(serde_json::json!({})), Some(&key)),
            ),
            &[],
        ),
    );
    expect(
        "unsupported_alg",
        verify_intent(
            &list,
            &file(
                "none",
                &compact(header("none"), claims(serde_json::json!({})), None),
            ),
            &[],
        ),
    );
    expect(
        "no_current_list",
        verify_intent(
            &list,
            &file(
                "other",
                &signed(claims(serde_json::json!({"iss": "other-bank"}))),
            ),
            &[],
        ),
    );
    expect(
        "not_yet_valid",
        verify_intent(
            &list,
            &file(
                "early",
                &signed(claims(
                    serde_json::json!({"nbf": 1796084000, "exp": 1796084600}),
                )),
            ),
            &[],
        ),
    );
    // key_expired: a list (signed with the list vectors' key) delegating
    // intent-a until a minute after midnight.
    let mut jwk: Value = serde_json::from_slice(&std::fs::read(&key).unwrap()).unwrap();
    jwk.as_object_mut().unwrap().remove("d");
    jwk["expires_at"] = "2026-12-01T00:01:00Z".into();
    let payload = serde_json::json!({
        "type": "callguard.contact-list", "schema": 1,
        "issuer": {"id": "example-bank", "name": {"en": "Example Bank"}},
        "version": 21, "issued_at": "2026-11-30T00:00:00Z", "expires_at": "2099-01-01T00:00:00Z",
        "intent_keys": [jwk],
        "contacts": [{"number": "+74950000001", "direction": "outbound", "label": {"en": "Cards"}}]
    });
    let short = dir.path().join("short-keys.jws");
    let payload_path = file("short-keys.json", &payload.to_string());
    let out = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args([
            "sign",
            "--key",
            &vector("keys/ed-a.jwk"),
            "--in",
            &s(&payload_path),
            "--out",
            &s(&short),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    expect(
        "key_expired",
        verify_intent(
            &s(&short),
            &file("late", &signed(claims(serde_json::json!({})))),
            &[],
        ),
    );
    // replayed and too_many: a state directory, as the phone keeps intents.
    let state_arg = s(&state);
    let audience = {
        // The state's install makes its audience id at its first intent.
        let _ = verify_intent(
            &list,
            &file("warmup", "not.a.jws"),
            &["--state", &state_arg],
        );
        std::fs::read_to_string(state.join("audience"))
            .unwrap()
            .trim()
            .to_string()
    };
    let mine = |jti: &str, purpose: &str| {
        signed(claims(
            serde_json::json!({"aud": audience, "jti": jti, "purpose": {"en": purpose}}),
        ))
    };
    assert_eq!(
        verify_intent(
            &list,
            &file("a1", &mine("r-1", "your card")),
            &["--state", &state_arg]
        ),
        ""
    );
    expect(
        "replayed",
        verify_intent(
            &list,
            &file("a2", &mine("r-1", "a prize")),
            &["--state", &state_arg],
        ),
    );
    for i in 2..=64 {
        let got = verify_intent(
            &list,
            &file("flood", &mine(&format!("r-{i}"), "your card")),
            &["--state", &state_arg],
        );
        assert_eq!(got, "", "intent {i} of 64");
    }
    expect(
        "too_many",
        verify_intent(
            &list,
            &file("flood", &mine("r-65", "your card")),
            &["--state", &state_arg],
        ),
    );
    let missing: Vec<_> = documented.difference(&seen).collect();
    assert!(
        missing.is_empty(),
        "intent codes never triggered: {missing:?}"
    );
}

// ---- feeds (feed-format.md §6) and invalid_input -----------------------

#[test]
fn every_feed_code() {
    let text = std::fs::read_to_string(repo("docs/feed-format.md")).unwrap();
    let documented: BTreeSet<String> = table_codes("docs/feed-format.md", "## 6. Refusal codes", 0)
        .into_iter()
        .collect();
    assert!(text.contains("`invalid_input`"));
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut seen = BTreeSet::new();
    // A real feed: built, signed with the list vectors' key.
    std::fs::write(
        d.join("numbers.txt"),
        "+79161234567 fraud\n+79991234567 spam\n",
    )
    .unwrap();
    let cg = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_callguard"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    cg(&[
        "feed",
        "build",
        "--in",
        &s(&d.join("numbers.txt")),
        "--out",
        &s(&d.join("v1")),
        "--issuer",
        "example-bank",
        "--version",
        "1",
    ]);
    cg(&[
        "sign",
        "--key",
        &vector("keys/ed-a.jwk"),
        "--in",
        &s(&d.join("v1/feed-manifest.json")),
        "--out",
        &s(&d.join("m1.jws")),
    ]);
    let blob = std::fs::read(d.join("v1/feed-1.cgfeed")).unwrap();
    let screen = |manifest: &Path, blob: &Path| {
        code_of(&[
            "screen",
            "--json",
            "--trust",
            &vector("trust/example-bank.json"),
            "--list",
            &vector("lists/valid-eddsa-general.jws"),
            "--feed",
            &s(manifest),
            "--feed-blob",
            &s(blob),
            "--region",
            "RU",
            "--now",
            "2026-12-01T00:00:00Z",
            "+79161234567",
        ])
    };
    let m1 = d.join("m1.jws");
    assert_eq!(screen(&m1, &d.join("v1/feed-1.cgfeed")), "");
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(d.join(name), bytes).unwrap();
        d.join(name)
    };
    let mut longer = blob.clone();
    longer.push(0);
    // Longer or shorter than the manifest's length: one rule.
    assert_eq!(screen(&m1, &write("longer", &longer)), "length_mismatch");
    assert_eq!(
        screen(&m1, &write("shorter", &blob[..blob.len() - 1])),
        "length_mismatch"
    );
    seen.insert("length_mismatch".into());
    let mut flipped = blob.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    assert_eq!(screen(&m1, &write("flipped", &flipped)), "hash_mismatch");
    seen.insert("hash_mismatch".into());
    // A manifest signed over a blob that breaks the format.
    let garbage = vec![0x5a; 200];
    let mut manifest: Value =
        serde_json::from_slice(&std::fs::read(d.join("v1/feed-manifest.json")).unwrap()).unwrap();
    let sha = callguard_core::list::hex(&callguard_core::list::sha256(&garbage));
    manifest["blobs"][0]["sha256"] = sha.into();
    manifest["blobs"][0]["length"] = garbage.len().into();
    let bad = write("bad-manifest.json", manifest.to_string().as_bytes());
    cg(&[
        "sign",
        "--key",
        &vector("keys/ed-a.jwk"),
        "--in",
        &s(&bad),
        "--out",
        &s(&d.join("bad.jws")),
    ]);
    assert_eq!(
        screen(&d.join("bad.jws"), &write("garbage", &garbage)),
        "malformed_blob"
    );
    seen.insert("malformed_blob".into());
    // A blob length over the client's cap refuses the manifest.
    manifest["blobs"][0]["length"] = (1u64 << 40).into();
    let huge = write("huge-manifest.json", manifest.to_string().as_bytes());
    cg(&[
        "sign",
        "--key",
        &vector("keys/ed-a.jwk"),
        "--in",
        &s(&huge),
        "--out",
        &s(&d.join("huge.jws")),
    ]);
    assert_eq!(
        screen(&d.join("huge.jws"), &write("small", &garbage)),
        "too_large"
    );
    seen.insert("too_large".into());
    // Below the CLI: deltas and renewals are the SDK's (Guard / FFI).
    below(
        "bindings/ffi/tests/feed_vectors.rs",
        "the_delta_gives_the_same_feed_as_the_full_blob",
        "delta_base_mismatch",
    );
    below(
        "core/tests/feed_attacks.rs",
        "attack_delta_that_produces_the_wrong_hash",
        "delta_mismatch",
    );
    below(
        "state/tests/guard_feeds.rs",
        "a_manifest_for_another_blob_is_no_renewal",
        "blob_not_held",
    );
    seen.extend(["delta_base_mismatch", "delta_mismatch", "blob_not_held"].map(String::from));
    // invalid_input: feed build's own.
    // (feed build has no --json: the code is on stderr, exit 1.)
    std::fs::write(d.join("bad.txt"), "+7916 fraud\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args([
            "feed",
            "build",
            "--in",
            &s(&d.join("bad.txt")),
            "--out",
            &s(&d.join("x")),
            "--issuer",
            "example-bank",
            "--version",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("(invalid_input)"));
    let missing: Vec<_> = documented.difference(&seen).collect();
    assert!(
        missing.is_empty(),
        "feed codes never triggered: {missing:?}"
    );
}

// ---- copy overrides (docs/copy.md "What the SDK checks") -----------------

#[test]
fn every_copy_code() {
    let documented = table_codes("docs/copy.md", "### What the SDK checks", 0);
    let dir = tempfile::tempdir().unwrap();
    // `screen` of a WhatsApp "security service" with `ftl` as --copy: its JSON.
    let screened = |lang: &str, ftl: &str| -> Value {
        let path = dir.path().join("bank.ftl");
        std::fs::write(&path, ftl).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_callguard"))
            .args([
                "screen",
                "--trust",
                &vector("trust/example-bank.json"),
                "--list",
                &vector("lists/valid-eddsa-general.jws"),
                "--region",
                "RU",
                "--channel",
                "whatsapp",
                "--name",
                "Служба безопасности Пример Банка",
                "--now",
                "2026-12-01T00:00:00Z",
                "--json",
                "--lang",
                lang,
                "--copy",
                &s(&path),
                "",
            ])
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        let refused = json["error"].is_string();
        assert_eq!(
            out.status.code(),
            Some(if refused { 1 } else { 0 }),
            "{json}"
        );
        json
    };
    let screen = |lang: &str, ftl: &str| {
        screened(lang, ftl)["error"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    let mut seen = BTreeSet::new();
    // The shared vectors' refusals (Kotlin and Swift run the same).
    let cases: Value =
        serde_json::from_str(&std::fs::read_to_string(vector("copy.json")).unwrap()).unwrap();
    for case in cases["cases"].as_array().unwrap() {
        let (Some(code), Some(ftl)) = (case["expect"]["code"].as_str(), case["ftl"].as_str())
        else {
            continue;
        };
        assert_eq!(
            screen(case["lang"].as_str().unwrap(), ftl),
            code,
            "{}",
            case["name"]
        );
        seen.insert(code.to_string());
    }
    let more = [
        ("copy_too_large", format!("# {}\n", "x".repeat(300 * 1024))),
        ("copy_syntax", "screen-unknown = {\n".to_string()),
        ("copy_duplicate", "screen-unknown =\n  .title = A\n  .body = B\nscreen-unknown =\n  .title = A\n  .body = B\n".to_string()),
        ("copy_attributes", "screen-unknown = A\n".to_string()),
        ("copy_extra_argument", "screen-unknown =\n  .title = { $number }\n  .body = B\n".to_string()),
        ("copy_reference", "screen-unknown =\n  .title = { -bank }\n  .body = B\n".to_string()),
        ("copy_empty", "screen-unknown =\n  .title = { \"\" }\n  .body = B\n".to_string()),
        ("copy_escape", "screen-unknown =\n  .title = {\"\\u202E\"}\n  .body = B\n".to_string()),
        ("copy_too_complex", format!("screen-unknown =\n  .title = {}x{}\n  .body = B\n", "{ ".repeat(9), " }".repeat(9))),
    ];
    for (code, ftl) in more {
        assert_eq!(screen("ru", &ftl), code);
        seen.insert(code.to_string());
    }
    assert_eq!(seen, documented, "docs/copy.md codes vs. triggered");
    // Accepted: the bank's words on the screen, the facts kept.
    let json = screened(
        "ru",
        "screen-impersonation-bank =\n  .title = Это не { $bank }!\n  .body = Кто-то выдаёт себя за { $bank }.\n",
    );
    assert_eq!(json["title"], "Это не Пример Банк!");
    assert_eq!(json["verdict"], "impersonation");
}

// ---- sync (README "Sync error codes") ----------------------------------

#[test]
fn every_sync_code() {
    let documented = table_codes("README.md", "### Sync error codes", 0);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut seen = BTreeSet::new();
    let sync = |url: &str, extra: &[&str]| {
        let state = s(&d.join("state"));
        let mut args = vec![
            "sync",
            "--json",
            "--url",
            url,
            "--trust",
            vector_owned("trust/example-bank.json"),
            "--state",
            &state,
            "--now",
            "2026-12-01T00:00:00Z",
        ];
        args.extend_from_slice(extra);
        code_of(&args)
    };
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("https://{}/list.jws", free.local_addr().unwrap());
    drop(free);
    let mut expect = |code: &str, got: String| {
        assert_eq!(got, code);
        seen.insert(code.to_string());
    };
    expect("connection_refused", sync(&closed, &[]));
    expect("insecure_url", sync(&closed.replace("https", "http"), &[]));
    let public = d.join("public");
    std::fs::create_dir_all(&public).unwrap();
    std::fs::copy(
        vector("lists/valid-eddsa-general.jws"),
        public.join("list.jws"),
    )
    .unwrap();
    let pki = d.join("pki");
    std::fs::create_dir_all(&pki).unwrap();
    support::write_test_pki(&pki);
    let ca = s(&pki.join("ca.pem"));
    let (_tls, addr) = support::start_serve(&public, Some(&pki));
    expect(
        "tls_untrusted",
        sync(&format!("https://{addr}/list.jws"), &[]),
    );
    let port = addr.rsplit(':').next().unwrap();
    expect(
        "tls_wrong_host",
        sync(
            &format!("https://localhost:{port}/list.jws"),
            &["--ca-cert", &ca],
        ),
    );
    expect(
        "http_status",
        sync(&format!("https://{addr}/missing.jws"), &["--ca-cert", &ca]),
    );
    let (_plain, plain_addr) = support::start_serve(&public, None);
    expect(
        "tls_protocol",
        sync(
            &format!("https://{plain_addr}/list.jws"),
            &["--ca-cert", &ca],
        ),
    );
    // Below the CLI, in the sync crate's network tests (real servers there).
    below(
        "sync/tests/network_errors.rs",
        "a_name_that_does_not_resolve_is_dns",
        "dns",
    );
    below(
        "sync/tests/network_errors.rs",
        "a_server_that_never_answers_the_handshake_times_out",
        "timeout",
    );
    below(
        "sync/tests/hostile_servers.rs",
        "redirect_to_http_is_refused",
        "insecure_redirect",
    );
    below(
        "sync/tests/hostile_servers.rs",
        "endless_body_stops_at_the_cap",
        "too_large",
    );
    below(
        "sync/tests/hostile_servers.rs",
        "content_length_larger_than_the_body",
        "network",
    );
    seen.extend(
        [
            "dns",
            "timeout",
            "insecure_redirect",
            "too_large",
            "network",
        ]
        .map(String::from),
    );
    let missing: Vec<_> = documented.difference(&seen).collect();
    assert!(
        missing.is_empty(),
        "sync codes never triggered: {missing:?}"
    );
}
