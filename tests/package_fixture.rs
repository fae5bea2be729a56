//! The example share package `tests/fixtures/package.example.json` and how it is made.
//!
//! The story lives in `tests/fixtures/story.example.txt`, a synthetic, already-redacted text in
//! which each replacement is marked `⟦CATEGORY|operator|final text⟧`; the markers are stripped and
//! become the anonymisation log. The consent is synthetic too.
//!
//! `cargo test --test package_fixture` checks the committed package against this source;
//! `STORYSAFE_BLESS=1 cargo test --test package_fixture` rewrites it.

use storysafe::consent::record::{Attestations, Expiration, Method, Obtained, Recipient, Signature, SignedBy, Statements, Story};
use storysafe::consent::{Channel, ConsentRecord, IsoDate, LogEntry, SharePackage, VerifyOptions};
use storysafe::engine::Category;

const SOURCE: &str = include_str!("fixtures/story.example.txt");
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/package.example.json");

/// Strips the `⟦CATEGORY|operator|text⟧` markers: the final text and the log.
fn unmark(source: &str) -> (String, Vec<LogEntry>) {
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find('⟦') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('⟧').expect("unclosed marker") + open;
        let inner = &rest[open + '⟦'.len_utf8()..close];
        let mut parts = inner.splitn(3, '|');
        let (cat, op, shown) = (parts.next().unwrap(), parts.next().expect("operator"), parts.next().expect("text"));
        let category = Category::parse(cat).unwrap_or_else(|| panic!("unknown category {cat}"));
        ranges.push((category, op, text.len(), text.len() + shown.len()));
        text.push_str(shown);
        rest = &rest[close + '⟧'.len_utf8()..];
    }
    text.push_str(rest);
    let log = LogEntry::from_byte_ranges(&text, ranges.iter().map(|&(c, o, a, b)| (c, o, a, b)));
    (text, log)
}

fn consent(text: &str) -> ConsentRecord {
    let mut c = ConsentRecord {
        patient_pseudonym: "P-5e0b7c2d".into(),
        story: Story {
            description: "A first-person account by the treating doctor of the patient's visit to the emergency department, \
                          with every name, place and date removed or replaced."
                .into(),
            text_sha256: String::new(),
        },
        discloser: "The treating emergency physician, as author".into(),
        recipient: Recipient { channel: Some(Channel::OpEd), platform: String::new(), name: "The opinion section of a national newspaper".into() },
        purpose: "To encourage students and doctors to take time to listen to patients.".into(),
        expiration: Expiration { date: "2031-12-31".into(), event: String::new() },
        signature: Signature { date: "2026-11-20".into(), signed_by: Some(SignedBy::Patient), ..Default::default() },
        statements: Statements {
            right_to_revoke: true,
            revoke_how: "By writing to the hospital's privacy officer; revocation does not affect what was already published.".into(),
            care_not_conditioned: true,
            redisclosure: true,
        },
        attestations: Attestations {
            seen_final_text: true,
            anonymity_not_guaranteed: true,
            may_be_recognized: true,
            online_worldwide: true,
            may_withdraw_until_publication: true,
            patient_deceased: false,
            next_of_kin_consented: false,
        },
        obtained: Obtained {
            method: Some(Method::Written),
            by: "The author".into(),
            witness: String::new(),
            original_location: "The department's consent folder (paper original)".into(),
            attachment: None,
        },
    };
    c.bind_to(text);
    c
}

fn build() -> SharePackage {
    let (text, log) = unmark(SOURCE);
    let consent = consent(&text);
    SharePackage::new(text, consent, log, "2026-11-30T09:00:00Z".into())
}

#[test]
fn markers_become_the_log() {
    let (text, log) = unmark("a ⟦NAME|tag|[NAME]⟧ é ⟦DATE|date_shift|March 3⟧.");
    assert_eq!(text, "a [NAME] é March 3.");
    let chars: Vec<char> = text.chars().collect();
    let shown: Vec<String> = log.iter().map(|e| chars[e.start..e.end].iter().collect()).collect();
    assert_eq!(shown, ["[NAME]", "March 3"]);
    assert_eq!(log[1].operator, "date_shift");
}

#[test]
fn example_package_is_current_and_verifies() {
    let fresh = build();
    if std::env::var_os("STORYSAFE_BLESS").is_some() {
        std::fs::write(FIXTURE, fresh.to_json()).expect("write fixture");
    }
    let json = std::fs::read_to_string(FIXTURE).expect("read fixture (STORYSAFE_BLESS=1 to create it)");
    let (committed, _) = storysafe::consent::parse_package(&json).expect("fixture parses");
    // Everything but the tool version (which names the commit that made it) must match the source.
    assert_eq!(committed.text, fresh.text, "the story changed: STORYSAFE_BLESS=1 to regenerate");
    assert_eq!(committed.consent, fresh.consent);
    assert_eq!(committed.anonymisation_log, fresh.anonymisation_log);
    assert_eq!(committed.created_at, fresh.created_at);
    let words = committed.text.split_whitespace().count();
    assert!((250..=600).contains(&words), "a few hundred words, got {words}");
    assert!(committed.consent.expiration_date().unwrap() >= IsoDate::parse("2030-01-01").unwrap());

    let today = IsoDate::parse("2026-11-30").unwrap();
    let verdict = storysafe::consent::verify_json(&json, &VerifyOptions::on(today)).unwrap();
    assert!(verdict.passed(), "{}", verdict.report());
    // Still valid on the last day, expired the day after.
    let last = storysafe::consent::verify_json(&json, &VerifyOptions::on(IsoDate::parse("2031-12-31").unwrap())).unwrap();
    assert!(last.consent_ok(), "{}", last.report());
    let after = storysafe::consent::verify_json(&json, &VerifyOptions::on(IsoDate::parse("2032-01-01").unwrap())).unwrap();
    assert!(!after.consent_ok());
}
