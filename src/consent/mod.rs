//! The consent record bound to the exact final text, its validation and its FHIR export.

use sha2::{Digest, Sha256};

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
