//! Export of a consent as an HL7 FHIR R4 `Consent` resource.
//!
//! The resource carries no real patient identifier: the patient is referenced only by the local
//! pseudonymous id of the record. Its parts:
//!
//! - `status`: `active`, or `draft` while the record is incomplete, or `inactive` once expired;
//! - `scope`: `patient-privacy` (consentscope); `category`: LOINC 59284-0 (Patient Consent);
//! - `policyRule`: `hipaa-auth` (consentpolicycodes);
//! - `dateTime`: the signature date; `performer`: who signed (patient or representative, with
//!   the representative's authority); `organization`: the discloser; `sourceReference`: where
//!   the signed original is kept;
//! - `provision`: `permit` for the consent period (signature date to expiration date), the
//!   recipient as actor (role IRCP, information recipient), the purpose, and the data: a contained
//!   `DocumentReference` standing for the final text, identified by its SHA-256.
//!
//! The resource validates with the `fhir.resources` Python package (`R4B.consent.Consent`, R4B's
//! Consent has R4's shape): see `tests/fhir/validate.py`.

use serde_json::{json, Value};

use super::date::IsoDate;
use super::record::{ConsentRecord, SignedBy};

/// The URI system of the pseudonymous patient ids (local to this tool, not a real identifier).
pub const PSEUDONYM_SYSTEM: &str = "urn:storysafe:pseudonym";
/// The URI system of the text hash identifiers.
pub const TEXT_HASH_SYSTEM: &str = "urn:storysafe:text-sha256";
/// The URI system of the channel codes (the [`super::Channel`] codes).
pub const CHANNEL_SYSTEM: &str = "urn:storysafe:channel";

/// Keeps only the non-empty members of an object, so that no blank strings reach the resource
/// (FHIR forbids empty strings).
fn compact(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, compact(v)))
                .filter(|(_, v)| match v {
                    Value::Null => false,
                    Value::String(s) => !s.trim().is_empty(),
                    Value::Array(a) => !a.is_empty(),
                    Value::Object(o) => !o.is_empty(),
                    _ => true,
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(compact).collect()),
        other => other,
    }
}

/// The FHIR R4 `Consent` resource for `record`, with its status as of `today`.
pub fn fhir_consent(record: &ConsentRecord, today: IsoDate) -> Value {
    let complete = !record.validate().iter().any(|p| p.is_error());
    let status = if !complete {
        "draft"
    } else if record.is_expired(today) {
        "inactive"
    } else {
        "active"
    };
    let signed = IsoDate::parse(&record.signature.date).ok().map(|d| d.to_string());
    let end = record.expiration_date().map(|d| d.to_string());
    let id = record.patient_pseudonym.trim();
    let patient = json!({
        "identifier": { "system": PSEUDONYM_SYSTEM, "value": id },
        "display": format!("Patient {id} (pseudonymous)"),
    });
    let performer = match record.signature.signed_by {
        Some(SignedBy::PersonalRepresentative) => json!({
            "display": format!(
                "{} (personal representative: {})",
                record.signature.representative_name.trim(),
                record.signature.representative_authority.trim()
            ),
        }),
        _ => patient.clone(),
    };
    let channel = record.recipient.channel;
    let recipient_display = {
        let mut parts = Vec::new();
        if let Some(c) = channel {
            parts.push(c.label().to_string());
        }
        for s in [&record.recipient.platform, &record.recipient.name] {
            if !s.trim().is_empty() {
                parts.push(s.trim().to_string());
            }
        }
        parts.join(": ")
    };
    let mut expiry_note = Vec::new();
    if !record.expiration.event.trim().is_empty() {
        expiry_note.push(format!("Expires on the event: {}", record.expiration.event.trim()));
    }
    let method = record.obtained.method.map(|m| m.code()).unwrap_or("");
    let resource = json!({
        "resourceType": "Consent",
        "id": format!("consent-{}", &record.story.text_sha256.get(..16).unwrap_or("unbound")),
        "contained": [{
            "resourceType": "DocumentReference",
            "id": "story",
            "status": "current",
            "identifier": [{ "system": TEXT_HASH_SYSTEM, "value": record.story.text_sha256 }],
            "description": record.story.description.trim(),
            "content": [{
                "attachment": {
                    "contentType": "text/plain; charset=utf-8",
                    "title": "Final de-identified story text (SHA-256 in identifier)",
                },
            }],
        }],
        "status": status,
        "scope": {
            "coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/consentscope",
                "code": "patient-privacy",
                "display": "Privacy Consent",
            }],
        },
        "category": [{
            "coding": [{ "system": "http://loinc.org", "code": "59284-0", "display": "Patient Consent" }],
        }],
        "patient": patient,
        "dateTime": signed,
        "performer": [performer],
        "organization": [{ "display": record.discloser.trim() }],
        "sourceReference": {
            "display": format!(
                "Signed original ({}) kept at: {}; obtained by {}{}",
                if method.is_empty() { "method not recorded" } else { method },
                record.obtained.original_location.trim(),
                record.obtained.by.trim(),
                if record.obtained.witness.trim().is_empty() {
                    String::new()
                } else {
                    format!(", witnessed by {}", record.obtained.witness.trim())
                },
            ),
        },
        "policyRule": {
            "coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/consentpolicycodes",
                "code": "hipaa-auth",
                "display": "HIPAA Authorization",
            }],
            "text": expiry_note.join("; "),
        },
        "provision": {
            "type": "permit",
            "period": { "start": signed, "end": end },
            "actor": [{
                "role": {
                    "coding": [{
                        "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                        "code": "IRCP",
                        "display": "information recipient",
                    }],
                },
                "reference": { "display": recipient_display },
            }],
            "action": [{
                "coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/consentaction",
                    "code": "disclose",
                    "display": "Disclose",
                }],
            }],
            "purpose": [{
                "system": CHANNEL_SYSTEM,
                "code": channel.map(|c| c.code()).unwrap_or(""),
                "display": record.purpose.trim(),
            }],
            "data": [{ "meaning": "instance", "reference": { "reference": "#story" } }],
        },
    });
    compact(resource)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::record::tests::complete;

    fn day(s: &str) -> IsoDate {
        IsoDate::parse(s).unwrap()
    }

    #[test]
    fn core_elements_are_where_fhir_expects_them() {
        let r = complete("text");
        let c = fhir_consent(&r, day("2026-11-30"));
        assert_eq!(c["resourceType"], "Consent");
        assert_eq!(c["status"], "active");
        assert_eq!(c["scope"]["coding"][0]["code"], "patient-privacy");
        assert_eq!(c["category"][0]["coding"][0]["code"], "59284-0");
        assert_eq!(c["category"][0]["coding"][0]["system"], "http://loinc.org");
        assert_eq!(c["policyRule"]["coding"][0]["code"], "hipaa-auth");
        assert_eq!(c["provision"]["type"], "permit");
        assert_eq!(c["provision"]["period"]["start"], "2026-11-02");
        assert_eq!(c["provision"]["period"]["end"], "2031-12-31");
        assert_eq!(c["provision"]["purpose"][0]["code"], "op_ed");
        assert_eq!(c["provision"]["data"][0]["reference"]["reference"], "#story");
        assert_eq!(c["contained"][0]["identifier"][0]["value"], r.story.text_sha256);
        assert_eq!(c["patient"]["identifier"]["value"], "P-0c4f1a9e");
        assert!(c["provision"]["actor"][0]["reference"]["display"].as_str().unwrap().contains("regional newspaper"));
    }

    #[test]
    fn status_table() {
        // edit, today, status
        type Edit = fn(&mut ConsentRecord);
        let rows: &[(Edit, &str, &str)] = &[
            (|_| {}, "2026-11-30", "active"),
            (|_| {}, "2032-01-01", "inactive"),
            (|r| r.purpose.clear(), "2026-11-30", "draft"),
        ];
        for (edit, today, want) in rows {
            let mut r = complete("t");
            edit(&mut r);
            assert_eq!(fhir_consent(&r, day(today))["status"], *want, "{today}");
        }
    }

    #[test]
    fn no_empty_strings_and_representative_shown() {
        let mut r = complete("t");
        r.signature.signed_by = Some(SignedBy::PersonalRepresentative);
        r.signature.representative_name = "The patient's mother".into();
        r.signature.representative_authority = "Parent of a minor".into();
        r.expiration.event = String::new();
        let c = fhir_consent(&r, day("2026-11-30"));
        let s = c.to_string();
        assert!(!s.contains("\"\""), "an empty string reached the resource: {s}");
        assert!(!s.contains("\"text\""), "the empty policy note should be dropped: {s}");
        assert!(c["performer"][0]["display"].as_str().unwrap().contains("Parent of a minor"));
    }
}
