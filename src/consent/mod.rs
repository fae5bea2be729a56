//! The consent record bound to the exact final text, the share package, its verification by a
//! committee, and the FHIR export.
//!
//! The flow, all pure (no clock, no I/O: "today" and timestamps are parameters):
//!
//! 1. the clinician fills a [`ConsentRecord`] ([`record`]): HIPAA authorization core elements and
//!    required statements, journal attestations, how consent was obtained.
//!    [`ConsentRecord::validate`] lists every missing or invalid element as a [`Problem`] naming
//!    its field;
//! 2. the record is bound to the final text by its SHA-256 ([`text_hash`],
//!    [`ConsentRecord::bind_to`]); editing the text afterwards makes the consent stale
//!    ([`ConsentRecord::is_bound_to`] turns false);
//! 3. the text, the record and the anonymisation log are sealed in a [`SharePackage`]
//!    ([`package`]) whose digest covers every member;
//! 4. a committee [verifies](verify_json) the package: integrity, consent validity on the day
//!    for the channel, and a re-scan of the text for residual identifiers; then records its
//!    decision ([`review`]);
//! 5. the consent can be exported as an HL7 FHIR R4 `Consent` ([`fhir`]), and printed for
//!    signature with the text's hash on it ([`summary`]).
//!
//! ```
//! use storysafe::consent::{ConsentRecord, IsoDate, SharePackage, VerifyOptions, verify_json};
//!
//! let text = "[PATIENT-1] asked me to tell this story.".to_string();
//! let mut consent = ConsentRecord::default();
//! consent.bind_to(&text);
//! let package = SharePackage::new(text, consent, vec![], "2026-11-30T10:00:00Z".into());
//! let verdict = verify_json(&package.to_json(), &VerifyOptions::on(IsoDate::parse("2026-11-30").unwrap())).unwrap();
//! assert!(verdict.integrity_ok());
//! assert!(!verdict.consent_ok(), "an empty consent record is not valid");
//! ```

pub mod date;
pub mod fhir;
pub mod package;
pub mod record;
pub mod review;
pub mod summary;

use sha2::{Digest, Sha256};

pub use date::IsoDate;
pub use fhir::fhir_consent;
pub use package::{parse_package, verify, verify_json, Finding, LogEntry, PackageError, SharePackage, Verdict, VerifyOptions};
pub use record::{Channel, ConsentRecord, Problem, Severity};

/// The lowercase hex SHA-256 of `text` as UTF-8: the binding between a consent and a text.
pub fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn hash_of_known_text() {
        assert_eq!(
            super::text_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
