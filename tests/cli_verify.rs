//! `storysafe verify` and `storysafe fhir` on the example package and on tampered copies.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;
use storysafe::consent::{text_hash, SharePackage};

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/package.example.json");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn storysafe(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_storysafe")).args(args).output().expect("run storysafe");
    Run {
        code: out.status.code().expect("exit code"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn example() -> Value {
    serde_json::from_str(&std::fs::read_to_string(EXAMPLE).unwrap()).unwrap()
}

/// Writes `content` to a fresh file under the target's temporary directory.
fn write_tmp(name: &str, content: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, content).unwrap();
    path
}

/// Re-seals an edited package (as a tool would), so that only the consent binding or the
/// content can fail.
fn resealed(v: &Value) -> String {
    let mut p: SharePackage = serde_json::from_value(v.clone()).unwrap();
    p.seal();
    p.to_json()
}

fn verify(path: &std::path::Path, extra: &[&str]) -> Run {
    let mut args = vec!["verify", path.to_str().unwrap(), "--today", "2026-11-30"];
    args.extend_from_slice(extra);
    storysafe(&args)
}

#[test]
fn example_verifies() {
    let r = storysafe(&["verify", EXAMPLE]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("Verdict: VERIFIED"), "{}", r.stdout);
}

#[test]
fn one_changed_character_of_text_fails_on_the_hash() {
    let mut v = example();
    let text = v["text"].as_str().unwrap();
    let i = text.find("listen").unwrap();
    let changed = format!("{}L{}", &text[..i], &text[i + 1..]);
    assert_eq!(changed.chars().count(), text.chars().count());
    v["text"] = changed.into();
    let path = write_tmp("one-char.json", &serde_json::to_string_pretty(&v).unwrap());
    let r = verify(&path, &[]);
    assert_ne!(r.code, 0);
    assert!(r.stdout.contains("text hash does not match"), "{}", r.stdout);
    assert!(r.stdout.contains("NOT VERIFIED"), "{}", r.stdout);
}

#[test]
fn changed_consent_field_fails_on_the_digest() {
    let rows: &[(&str, &[&str], Value)] = &[
        ("purpose", &["consent", "purpose"], "To sell a product.".into()),
        ("expiry", &["consent", "expiration", "date"], "2040-12-31".into()),
        ("platform", &["consent", "recipient", "platform"], "Elsewhere".into()),
        ("created_at", &["created_at"], "2026-11-29T09:00:00Z".into()),
    ];
    for (what, path, value) in rows {
        let mut v = example();
        let mut at = &mut v;
        for key in *path {
            at = &mut at[*key];
        }
        *at = value.clone();
        let file = write_tmp(&format!("field-{what}.json"), &v.to_string());
        let r = verify(&file, &[]);
        assert_ne!(r.code, 0, "{what}");
        assert!(r.stdout.contains("package digest does not match"), "{what}: {}", r.stdout);
        assert!(r.stdout.contains("text hash matches"), "{what}: the text itself is intact");
    }
}

#[test]
fn expired_consent_fails() {
    // Checked after the expiration date.
    let r = storysafe(&["verify", EXAMPLE, "--today", "2032-01-01"]);
    assert_ne!(r.code, 0);
    assert!(r.stdout.contains("Consent expired on 2031-12-31"), "{}", r.stdout);
    // A package sealed with an already-expired consent.
    let mut v = example();
    v["consent"]["expiration"]["date"] = "2026-11-25".into();
    let path = write_tmp("expired.json", &resealed(&v));
    let r = verify(&path, &[]);
    assert_ne!(r.code, 0);
    assert!(r.stdout.contains("package digest matches"), "{}", r.stdout);
    assert!(r.stdout.contains("expired on 2026-11-25"), "{}", r.stdout);
}

#[test]
fn incomplete_consent_fails() {
    let mut v = example();
    v["consent"]["statements"]["care_not_conditioned"] = false.into();
    let path = write_tmp("incomplete.json", &resealed(&v));
    let r = verify(&path, &[]);
    assert_ne!(r.code, 0);
    assert!(r.stdout.contains("statements.care_not_conditioned"), "{}", r.stdout);
}

#[test]
fn channel_not_consented_fails() {
    let ok = storysafe(&["verify", EXAMPLE, "--today", "2026-11-30", "--channel", "op_ed"]);
    assert_eq!(ok.code, 0, "{}", ok.stdout);
    let r = storysafe(&["verify", EXAMPLE, "--today", "2026-11-30", "--channel", "social_media"]);
    assert_ne!(r.code, 0);
    assert!(r.stdout.contains("recipient.channel"), "{}", r.stdout);
}

#[test]
fn residual_identifier_fails_but_logged_replacement_does_not() {
    let mut v = example();
    let text = format!("{}\nCall me on 617-555-0142 or write to storyteller@example.org.\n", v["text"].as_str().unwrap());
    v["consent"]["story"]["text_sha256"] = text_hash(&text).into();
    v["text"] = text.into();
    let path = write_tmp("residual.json", &resealed(&v));
    let r = verify(&path, &[]);
    assert_ne!(r.code, 0);
    assert!(r.stdout.contains("PHONE \"617-555-0142\""), "{}", r.stdout);
    assert!(r.stdout.contains("EMAIL \"storyteller@example.org\""), "{}", r.stdout);
    assert!(r.stdout.contains("residual identifiers"), "{}", r.stdout);
    // The example's shifted date is found by the engine but accounted for by the log.
    let ok = storysafe(&["verify", EXAMPLE, "--today", "2026-11-30", "--json"]);
    let verdict: Value = serde_json::from_str(&ok.stdout).unwrap();
    assert_eq!(verdict["passed"], true);
    assert_eq!(verdict["residual"].as_array().unwrap().len(), 0);
    assert!(verdict["accounted_for"].as_u64().unwrap() >= 1, "{verdict}");
}

#[test]
fn unreadable_input_exits_2_and_usage_errors_64() {
    let path = write_tmp("not-a-package.json", "{\"hello\": 1}");
    let r = storysafe(&["verify", path.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a Storysafe package"), "{}", r.stderr);
    let r = storysafe(&["verify", "/nonexistent/package.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot read"), "{}", r.stderr);
    for args in [&["verify"][..], &["verify", EXAMPLE, "--today", "31/12/2030"], &["verify", EXAMPLE, "--channel", "tv"], &["fhir", EXAMPLE, "--json"]] {
        assert_eq!(storysafe(args).code, 64, "{args:?}");
    }
}

#[test]
fn fhir_prints_a_consent() {
    let r = storysafe(&["fhir", EXAMPLE, "--today", "2026-11-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let c: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(c["resourceType"], "Consent");
    assert_eq!(c["status"], "active");
    assert_eq!(c["category"][0]["coding"][0]["code"], "59284-0");
    assert_eq!(c["policyRule"]["coding"][0]["code"], "hipaa-auth");
    assert_eq!(c["provision"]["period"]["end"], "2031-12-31");
    assert_eq!(c["contained"][0]["identifier"][0]["value"], example()["consent"]["story"]["text_sha256"]);
    let expired = storysafe(&["fhir", EXAMPLE, "--today", "2032-01-01"]);
    let c: Value = serde_json::from_str(&expired.stdout).unwrap();
    assert_eq!(c["status"], "inactive");
}
