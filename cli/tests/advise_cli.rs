//! `callguard advise` over the shared timelines (tests/vectors/in-call.json)
//! as JSON lines, the same advice the core, the Guard and the bindings give;
//! a history kept in --state across runs (each run is a new process); the
//! bank's signed policy from its list; every refusal with its code.

use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn vectors(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/vectors")
        .join(rel)
}

/// Runs `callguard advise ARGS` with `lines` on stdin: exit code and answers.
fn advise(args: &[&str], lines: &[Value]) -> (i32, Vec<Value>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .arg("advise")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = String::new();
    for line in lines {
        input.push_str(&line.to_string());
        input.push('\n');
    }
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let answers = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (out.status.code().unwrap(), answers)
}

fn rfc3339(unix: i64) -> String {
    callguard_core::Timestamp(unix).to_rfc3339()
}

#[test]
fn every_shared_timeline_as_json_lines_with_restarts_as_new_runs() {
    let doc: Value =
        serde_json::from_slice(&std::fs::read(vectors("in-call.json")).unwrap()).unwrap();
    let start = callguard_core::Timestamp::parse_rfc3339(doc["start"].as_str().unwrap())
        .unwrap()
        .0;
    for case in doc["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let policy = dir.path().join("policy.json");
        let mut args = vec![
            "--state".to_string(),
            dir.path().join("state").display().to_string(),
        ];
        if let Some(p) = case.get("policy") {
            std::fs::write(&policy, p.to_string()).unwrap();
            args.extend(["--policy".into(), policy.display().to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // A restart splits the timeline: the next part is another process.
        let mut parts: Vec<Vec<(Value, Option<Value>)>> = vec![Vec::new()];
        for step in case["steps"].as_array().unwrap() {
            let at = rfc3339(start + step["at"].as_i64().unwrap());
            if step.get("restart").is_some() {
                parts.push(Vec::new());
            } else if let Some(e) = step.get("event") {
                parts
                    .last_mut()
                    .unwrap()
                    .push((json!({"at": at, "event": e}), None));
            } else {
                let line = json!({"at": at, "advise": step["advise"]});
                parts
                    .last_mut()
                    .unwrap()
                    .push((line, Some(step["expect"].clone())));
            }
        }
        for part in parts {
            let (lines, expected): (Vec<Value>, Vec<Option<Value>>) = part.into_iter().unzip();
            let (code, answers) = advise(&args, &lines);
            assert_eq!(code, 0, "{name}: {answers:?}");
            let expected: Vec<Value> = expected.into_iter().flatten().collect();
            assert_eq!(answers.len(), expected.len(), "{name}");
            for (got, want) in answers.iter().zip(&expected) {
                assert_eq!(got["level"], want["level"], "{name}: {got}");
                assert_eq!(got["reasons"], want["reasons"], "{name}: {got}");
                let until = want["hold_until"].as_i64().map(|s| rfc3339(start + s));
                assert_eq!(
                    got["hold_until"].as_str(),
                    until.as_deref(),
                    "{name}: {got}"
                );
                assert_eq!(
                    got["title"].is_string(),
                    want["reasons"] != json!([]),
                    "{name}"
                );
                if let Some(starts) = want["body_starts"].as_str() {
                    assert!(
                        got["body"].as_str().unwrap().starts_with(starts),
                        "{name}: {got}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_banks_signed_policy_applies_from_its_list() {
    let lines = [
        json!({"at": "2026-12-01T10:00:00Z", "event": {"active": {"call": "u"}}}),
        json!({"at": "2026-12-01T10:01:00Z", "advise": "transfer"}),
    ];
    let (code, answers) = advise(&[], &lines);
    assert_eq!((code, &answers[0]["level"]), (0, &json!("confirm")));
    let trust = vectors("trust/example-bank.json");
    let list = vectors("lists/action-policy-v21.jws");
    let (code, answers) = advise(&["--trust", s(&trust), "--list", s(&list)], &lines);
    assert_eq!(code, 0);
    assert_eq!(answers[0]["level"], "hold");
    assert_eq!(answers[0]["hold_until"], "2026-12-01T10:16:00Z");
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_refused_line_is_answered_with_its_code_and_the_batch_goes_on() {
    let lines = [
        json!({"at": "2026-12-01T10:00:00Z", "event": {"screened": {"call": "x", "verdict": "scary", "reason": "announced"}}}),
        json!({"at": "yesterday", "advise": "transfer"}),
        json!({"at": "2026-12-01T10:00:00Z", "advise": "teleport"}),
        json!({"at": "2026-12-01T10:00:00Z", "event": {"active": {"call": "x"}}, "advise": "transfer"}),
        json!({"at": "2026-12-01T10:00:00Z", "event": {"screened": {"call": "wa-1", "verdict": "impersonation", "reason": "claims_authority"}}}),
        json!({"at": "2026-12-01T10:00:30Z", "advise": "transfer"}),
    ];
    let (code, answers) = advise(&["--lang", "kk"], &lines);
    assert_eq!(code, 1);
    assert_eq!(answers.len(), 5);
    for (i, answer) in answers[..4].iter().enumerate() {
        assert_eq!(answer["error"], "malformed", "{answer}");
        assert_eq!(answer["line"], i + 1);
        assert!(!answer["detail"].as_str().unwrap().contains("scary"));
    }
    assert_eq!(answers[4]["level"], "hold");
    assert!(answers[4]["body"].as_str().unwrap().contains("30"));
}

#[test]
fn a_policy_out_of_bounds_is_refused_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("p.json");
    std::fs::write(
        &policy,
        r#"{"rules":[{"reason":"on_call_unknown","actions":["transfer"],"level":"hold","hold_minutes":100000}]}"#,
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(["advise", "--policy", s(&policy)])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("malformed") && err.contains("action_policy.rules[0].hold_minutes"),
        "{err}"
    );
}

#[test]
fn a_banks_own_words_for_the_advice() {
    let dir = tempfile::tempdir().unwrap();
    let ftl = dir.path().join("ru.ftl");
    std::fs::write(
        &ftl,
        "advice-on-call-unknown =\n    .title = Вы сейчас говорите по телефону?\n    .body = Пример Банк никогда не ведёт вас по приложению во время звонка.\n",
    )
    .unwrap();
    let lines = [
        json!({"at": "2026-12-01T10:00:00Z", "event": {"active": {"call": "u"}}}),
        json!({"at": "2026-12-01T10:01:00Z", "advise": "new_payee"}),
    ];
    let (code, answers) = advise(&["--lang", "ru", "--copy", s(&ftl)], &lines);
    assert_eq!(code, 0);
    assert_eq!(
        answers[0]["body"],
        "Пример Банк никогда не ведёт вас по приложению во время звонка."
    );
    // The hold's words keep the minutes: an override without them is refused.
    std::fs::write(&ftl, "advice-hold = Подождите.\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_callguard"))
        .args(["advise", "--lang", "ru", "--copy", s(&ftl)])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("copy_missing_argument"));
}
