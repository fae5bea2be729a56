//! "Save work": everything needed to reproduce the exact final text later, encrypted with a
//! passphrase.
//!
//! Consent can take days, and the consented text must not change in between: pseudonym numbers,
//! surrogates and the date shift all depend on the per-story secret, so the secret is saved with
//! the original text, the scan that was reviewed, the decisions, the manual redactions, the
//! allow and deny lists in effect and the operators. Opening the file restores the same state
//! and checks that it reproduces the same final text (its SHA-256 is saved too).
//!
//! File layout (all integers little-endian):
//!
//! | bytes | content |
//! |---|---|
//! | 6 | magic `SSWORK` |
//! | 1 | format version, currently 1 |
//! | 4 | PBKDF2 iteration count |
//! | 16 | salt |
//! | 12 | AES-GCM nonce |
//! | 16 | passphrase check |
//! | rest | AES-256-GCM ciphertext and tag of the JSON [`Work`], the 55 header bytes as associated data |
//!
//! PBKDF2-HMAC-SHA256 of the passphrase with the salt ([`DEFAULT_ITERATIONS`] rounds) gives a
//! 32-byte master secret; the AES key is SHA-256("storysafe work key" || master) and the
//! passphrase check the first 16 bytes of SHA-256("storysafe passphrase check" || master). The check
//! lets a wrong passphrase be told apart from a damaged file (it reveals nothing an attacker could
//! not learn by trying to decrypt). The salt and the nonce are supplied by the caller (the
//! browser's `crypto.getRandomValues`), so this code stays pure and testable; they must be fresh
//! random bytes for every save.

use std::collections::BTreeMap;
use std::fmt;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::review::{Decision, DenyWord, Manual};
use crate::engine::operators::Operator;
use crate::engine::Category;

const MAGIC: &[u8; 6] = b"SSWORK";
const FORMAT: u8 = 1;
const HEADER_LEN: usize = 6 + 1 + 4 + 16 + 12 + 16;
/// PBKDF2 rounds used when saving (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).
pub const DEFAULT_ITERATIONS: u32 = 600_000;
/// Files claiming more rounds than this are refused as damaged (it would freeze the page).
const MAX_ITERATIONS: u32 = 20_000_000;

/// One span of the reviewed scan, as saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedSpan {
    /// Start byte offset into the saved text.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Category the engine gave.
    pub category: Category,
    /// Engine score.
    pub score: f32,
    /// The recognizer's name.
    pub recognizer: String,
    /// Why it was flagged.
    pub reason: String,
}

/// The content of a work file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Work {
    /// Version of this structure (1).
    pub version: u32,
    /// The original story.
    pub text: String,
    /// The engine's spans of the reviewed scan (so that a newer engine cannot change the text).
    pub spans: Vec<SavedSpan>,
    /// The user's decisions.
    pub decisions: Vec<Decision>,
    /// Manual redactions.
    pub manual: Vec<Manual>,
    /// Operators chosen per category.
    pub operators: BTreeMap<Category, Operator>,
    /// The per-story secret.
    pub secret: [u8; 32],
    /// Allow list in effect.
    pub allow: Vec<String>,
    /// Deny list in effect.
    pub deny: Vec<DenyWord>,
    /// SHA-256 (hex) of the final text, checked when the file is opened.
    pub final_hash: String,
}

/// Why a work file could not be opened. The message is meant for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkFileError {
    kind: Kind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    NotWorkFile,
    NewerFormat(u8),
    WrongPassphrase,
    Damaged,
    Unreadable(String),
    Mismatch,
}

impl WorkFileError {
    fn new(kind: Kind) -> WorkFileError {
        WorkFileError { kind }
    }

    /// True when the passphrase was wrong (the file itself looks intact).
    pub fn is_wrong_passphrase(&self) -> bool {
        self.kind == Kind::WrongPassphrase
    }

    /// True when the file is damaged or was altered.
    pub fn is_damaged(&self) -> bool {
        matches!(self.kind, Kind::Damaged | Kind::Unreadable(_) | Kind::Mismatch)
    }
}

impl fmt::Display for WorkFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            Kind::NotWorkFile => f.write_str("This is not a Storysafe work file."),
            Kind::NewerFormat(v) => write!(
                f,
                "This work file was saved by a newer version of Storysafe (format {v}); update Storysafe to open it."
            ),
            Kind::WrongPassphrase => f.write_str("Wrong passphrase. Check it and try again (passphrases are case-sensitive)."),
            Kind::Damaged => f.write_str(
                "The work file is damaged or was altered: it cannot be decrypted. Open another copy of it.",
            ),
            Kind::Unreadable(e) => write!(f, "The work file is damaged: its content cannot be read ({e})."),
            Kind::Mismatch => f.write_str(
                "The work file does not reproduce the text it was saved with; it may have been altered. Open another copy of it.",
            ),
        }
    }
}

impl std::error::Error for WorkFileError {}

fn derive(passphrase: &str, salt: &[u8], iterations: u32) -> ([u8; 32], [u8; 16]) {
    // One PBKDF2 block (32 bytes), then two labelled hashes of it: asking PBKDF2 for 48 bytes
    // would run it twice, doubling the wait for the user but not the work of an attacker.
    let mut master = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(passphrase.as_bytes(), salt, iterations, &mut master);
    let label = |l: &[u8]| Sha256::new().chain_update(l).chain_update(master).finalize();
    let mut key = [0u8; 32];
    let mut check = [0u8; 16];
    key.copy_from_slice(&label(b"storysafe work key"));
    check.copy_from_slice(&label(b"storysafe passphrase check")[..16]);
    (key, check)
}

/// Rounds used by [`seal`]: the default, except in this crate's own unit tests, which run
/// unoptimized and would take seconds per derivation (the default itself is tested once).
const SEAL_ITERATIONS: u32 = if cfg!(test) { 2_000 } else { DEFAULT_ITERATIONS };

/// Encrypts `work` with `passphrase` ([`DEFAULT_ITERATIONS`] rounds), using fresh random `salt`
/// and `nonce` from the caller.
pub fn seal(work: &Work, passphrase: &str, salt: [u8; 16], nonce: [u8; 12]) -> Vec<u8> {
    seal_with_iterations(work, passphrase, salt, nonce, SEAL_ITERATIONS)
}

/// [`seal`] with a chosen PBKDF2 round count (tests use fewer rounds to stay fast).
pub fn seal_with_iterations(work: &Work, passphrase: &str, salt: [u8; 16], nonce: [u8; 12], iterations: u32) -> Vec<u8> {
    let (key, check) = derive(passphrase, &salt, iterations);
    let mut out = Vec::with_capacity(HEADER_LEN + 256);
    out.extend_from_slice(MAGIC);
    out.push(FORMAT);
    out.extend_from_slice(&iterations.to_le_bytes());
    out.extend_from_slice(&salt);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&check);
    let json = serde_json::to_vec(work).expect("a Work always serializes");
    let cipher = Aes256Gcm::new_from_slice(&key).expect("32-byte key");
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: &json, aad: &out })
        .expect("AES-GCM encryption cannot fail for this size");
    out.extend_from_slice(&sealed);
    out
}

/// Decrypts a work file. Errors say whether the file is not a work file, the passphrase is
/// wrong, or the file is damaged.
pub fn open(bytes: &[u8], passphrase: &str) -> Result<Work, WorkFileError> {
    if bytes.len() < MAGIC.len() + 1 || &bytes[..6] != MAGIC {
        return Err(WorkFileError::new(Kind::NotWorkFile));
    }
    if bytes[6] > FORMAT {
        return Err(WorkFileError::new(Kind::NewerFormat(bytes[6])));
    }
    if bytes[6] != FORMAT || bytes.len() < HEADER_LEN + 16 {
        return Err(WorkFileError::new(Kind::Damaged));
    }
    let (header, sealed) = bytes.split_at(HEADER_LEN);
    let iterations = u32::from_le_bytes(header[7..11].try_into().expect("4 bytes"));
    if iterations == 0 || iterations > MAX_ITERATIONS {
        return Err(WorkFileError::new(Kind::Damaged));
    }
    let salt = &header[11..27];
    let nonce = &header[27..39];
    let (key, check) = derive(passphrase, salt, iterations);
    if check[..] != header[39..55] {
        return Err(WorkFileError::new(Kind::WrongPassphrase));
    }
    let cipher = Aes256Gcm::new_from_slice(&key).expect("32-byte key");
    let json = cipher
        .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad: header })
        .map_err(|_| WorkFileError::new(Kind::Damaged))?;
    let work: Work = serde_json::from_slice(&json).map_err(|e| WorkFileError::new(Kind::Unreadable(e.to_string())))?;
    Ok(work)
}

/// The error for a work file whose content does not reproduce its saved final text.
pub(crate) fn mismatch() -> WorkFileError {
    WorkFileError::new(Kind::Mismatch)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Work {
        Work {
            version: 1,
            text: "Zoë Ng, 3/14/2024".into(),
            spans: vec![SavedSpan { start: 0, end: 7, category: Category::Name, score: 0.9, recognizer: "test".into(), reason: "a name".into() }],
            decisions: vec![],
            manual: vec![],
            operators: [(Category::Name, Operator::Pseudonym), (Category::Date, Operator::DateShift)].into_iter().collect(),
            secret: [3; 32],
            allow: vec!["hope".into()],
            deny: vec![],
            final_hash: "x".into(),
        }
    }

    const SALT: [u8; 16] = [1; 16];
    const NONCE: [u8; 12] = [2; 12];

    #[test]
    fn roundtrip_with_default_rounds() {
        let w = sample();
        let bytes = seal_with_iterations(&w, "correct horse", SALT, NONCE, DEFAULT_ITERATIONS);
        assert_eq!(&bytes[..6], b"SSWORK");
        assert_eq!(bytes[7..11], DEFAULT_ITERATIONS.to_le_bytes());
        const { assert!(DEFAULT_ITERATIONS >= 200_000) };
        assert!(!bytes.windows(3).any(|x| x == b"Ng,"), "the story is not in clear text");
        assert_eq!(open(&bytes, "correct horse"), Ok(w));
    }

    #[test]
    fn errors_table() {
        let good = seal_with_iterations(&sample(), "pw", SALT, NONCE, 1_000);
        let flip = |i: usize| {
            let mut b = good.clone();
            b[i] ^= 0x01;
            b
        };
        let last = good.len() - 1;
        // bytes, passphrase, wrong passphrase?, damaged?, message contains
        let rows: Vec<(Vec<u8>, &str, bool, bool, &str)> = vec![
            (good.clone(), "PW", true, false, "Wrong passphrase"),
            (good.clone(), "", true, false, "Wrong passphrase"),
            (flip(HEADER_LEN + 3), "pw", false, true, "damaged"),
            (flip(last), "pw", false, true, "damaged"),
            (flip(30), "pw", false, true, "damaged"), // the nonce is authenticated
            (good[..good.len() - 5].to_vec(), "pw", false, true, "damaged"),
            (good[..20].to_vec(), "pw", false, true, "damaged"),
            (b"hello world".to_vec(), "pw", false, false, "not a Storysafe work file"),
            (Vec::new(), "pw", false, false, "not a Storysafe work file"),
            ({ let mut b = good.clone(); b[6] = 9; b }, "pw", false, false, "newer version"),
            ({ let mut b = good.clone(); b[7..11].copy_from_slice(&u32::MAX.to_le_bytes()); b }, "pw", false, true, "damaged"),
        ];
        for (i, (bytes, pw, wrong, damaged, msg)) in rows.into_iter().enumerate() {
            let e = open(&bytes, pw).expect_err("must fail");
            assert_eq!(e.is_wrong_passphrase(), wrong, "row {i}: {e}");
            assert_eq!(e.is_damaged(), damaged, "row {i}: {e}");
            assert!(e.to_string().contains(msg), "row {i}: {e}");
        }
        assert_eq!(open(&good, "pw"), Ok(sample()));
    }
}
