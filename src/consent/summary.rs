//! The consent summary printed for signature: every element of the record in plain words, with
//! the SHA-256 of the final text, so that the signed paper names the exact text consented to.
//!
//! The view renders the [`Section`]s (with a print stylesheet); [`to_text`] gives the same content
//! as plain text. Statements and attestations show as `[x]` when affirmed and `[ ]` when not, so a
//! printed summary never hides a missing element.

use super::record::{ConsentRecord, SignedBy};

/// One titled block of the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading.
    pub title: &'static str,
    /// Label and value pairs, in order.
    pub rows: Vec<(String, String)>,
}

fn tick(b: bool) -> String {
    if b { "[x]" } else { "[ ]" }.to_string()
}

fn or_missing(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        "(not given)".into()
    } else {
        s.into()
    }
}

/// The summary of `record`, in the order of the signed form.
pub fn sections(record: &ConsentRecord) -> Vec<Section> {
    let r = record;
    let channel = match r.recipient.channel {
        None => "(not chosen)".to_string(),
        Some(c) => {
            let mut s = c.label().to_string();
            for extra in [&r.recipient.platform, &r.recipient.name] {
                if !extra.trim().is_empty() {
                    s.push_str(" - ");
                    s.push_str(extra.trim());
                }
            }
            s
        }
    };
    let expires = match (r.expiration.date.trim(), r.expiration.event.trim()) {
        ("", "") => "(not given)".to_string(),
        (d, "") => format!("on {d}"),
        ("", e) => format!("on this event: {e}"),
        (d, e) => format!("on {d} or on this event, whichever comes first: {e}"),
    };
    let signer = match r.signature.signed_by {
        None => "(not chosen)".to_string(),
        Some(SignedBy::Patient) => "The patient".to_string(),
        Some(SignedBy::PersonalRepresentative) => format!(
            "Personal representative: {} (authority: {})",
            or_missing(&r.signature.representative_name),
            or_missing(&r.signature.representative_authority)
        ),
    };
    let a = &r.attestations;
    let mut attest = vec![
        (tick(a.seen_final_text), "I have seen the final text described above.".to_string()),
        (tick(a.anonymity_not_guaranteed), "I understand that complete anonymity cannot be guaranteed.".to_string()),
        (tick(a.may_be_recognized), "I understand that someone close to me (or to the patient) may recognize the story.".to_string()),
        (tick(a.online_worldwide), "I understand that the text may appear online and be read anywhere in the world.".to_string()),
        (tick(a.may_withdraw_until_publication), "I know I may withdraw my consent until publication, but not after.".to_string()),
    ];
    if a.patient_deceased {
        attest.push((tick(a.next_of_kin_consented), "The patient has died; as next of kin I consent.".to_string()));
    }
    let s = &r.statements;
    vec![
        Section {
            title: "The information",
            rows: vec![
                ("Description".into(), or_missing(&r.story.description)),
                ("SHA-256 of the final text".into(), or_missing(&r.story.text_sha256)),
                ("Patient (pseudonymous id)".into(), or_missing(&r.patient_pseudonym)),
            ],
        },
        Section {
            title: "The disclosure",
            rows: vec![
                ("Disclosed by".into(), or_missing(&r.discloser)),
                ("Disclosed to".into(), channel),
                ("Purpose".into(), or_missing(&r.purpose)),
                ("This authorization expires".into(), expires),
            ],
        },
        Section {
            title: "Your rights",
            rows: vec![
                (tick(s.right_to_revoke), format!("You may revoke this authorization in writing. How: {}", or_missing(&s.revoke_how))),
                (tick(s.care_not_conditioned), "Your care does not depend on whether you sign.".into()),
                (
                    tick(s.redisclosure),
                    "Once published, the story may be shared again by others and is no longer protected by privacy law.".into(),
                ),
            ],
        },
        Section { title: "Your understanding", rows: attest },
        Section {
            title: "Signature",
            rows: vec![
                ("Signed by".into(), signer),
                ("Date".into(), or_missing(&r.signature.date)),
                ("Consent obtained".into(), r.obtained.method.map_or("(not chosen)".into(), |m| m.code().replace('_', " "))),
                ("Obtained by".into(), or_missing(&r.obtained.by)),
                ("Witness".into(), if r.obtained.witness.trim().is_empty() { "-".into() } else { r.obtained.witness.trim().into() }),
                ("Signed original kept at".into(), or_missing(&r.obtained.original_location)),
            ],
        },
    ]
}

/// The summary as plain text: a heading per section, one `label: value` line per row.
pub fn to_text(record: &ConsentRecord) -> String {
    let mut out = String::from("CONSENT TO SHARE A PATIENT STORY\n");
    for s in sections(record) {
        out.push('\n');
        out.push_str(s.title);
        out.push('\n');
        for (label, value) in s.rows {
            out.push_str("  ");
            out.push_str(&label);
            out.push_str(if label.starts_with('[') { " " } else { ": " });
            out.push_str(&value);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::record::tests::complete;

    #[test]
    fn summary_prints_the_hash_and_every_element() {
        let r = complete("final text");
        let text = to_text(&r);
        for want in [
            r.story.text_sha256.as_str(),
            "P-0c4f1a9e",
            "Opinion piece (op-ed) - A regional newspaper",
            "expires: on 2031-12-31",
            "[x] You may revoke this authorization in writing. How: Write to the clinic's privacy officer.",
            "[x] Your care does not depend",
            "[x] I have seen the final text",
            "Signed by: The patient",
            "Consent obtained: written",
        ] {
            assert!(text.contains(want), "missing {want:?} in\n{text}");
        }
        assert!(!text.contains("(not given)"), "{text}");
    }

    #[test]
    fn missing_elements_show_unticked_or_not_given() {
        let mut r = complete("t");
        r.statements.care_not_conditioned = false;
        r.purpose.clear();
        r.attestations.patient_deceased = true;
        r.expiration.event = "Publication".into();
        let text = to_text(&r);
        assert!(text.contains("[ ] Your care does not depend"), "{text}");
        assert!(text.contains("Purpose: (not given)"), "{text}");
        assert!(text.contains("[ ] The patient has died"), "{text}");
        assert!(text.contains("whichever comes first: Publication"), "{text}");
    }
}
