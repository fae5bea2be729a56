//! The share package: the final text, its consent, the anonymisation log, sealed by a digest.
//!
//! A package is one JSON object (its format is documented by `schema/package.schema.json`):
//!
//! | member | content |
//! |---|---|
//! | `format`, `format_version` | `"storysafe-package"`, `1` |
//! | `tool_version` | [`crate::version()`] of the tool that made it |
//! | `created_at` | RFC 3339 timestamp, e.g. `2026-11-30T10:00:00Z` |
//! | `text` | the final (redacted) text |
//! | `consent` | the [`ConsentRecord`], bound to `text` by `consent.story.text_sha256` |
//! | `anonymisation_log` | one [`LogEntry`] per replacement: category, operator, and its position in the final text in Unicode code points (never the original text) |
//! | `digest` | SHA-256 over the whole canonical content, see [`package_digest`] |
//!
//! Two seals protect it. The **text hash** in the consent binds the consent to the exact text: an
//! edit to the text shows as "the text hash does not match". The **package digest** covers every
//! other member too, so a change to the consent, the log or the dates is detected as well.
//!
//! [`verify_json`] is what the committee runs: integrity, consent validity on a given day for a
//! given channel, and a re-scan of the text with the current engine. Spans found by the engine
//! that overlap a logged replacement or a bracketed tag (`[NAME]`, `[PATIENT-1]`) are the
//! anonymisation itself; anything else it finds is a **residual** identifier, and the optional
//! categories (age, year, state, occupation) are listed as quasi-identifier warnings.

use std::fmt::Write as _;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::date::{parse_timestamp, IsoDate};
use super::record::{Channel, ConsentRecord, Problem};
use super::text_hash;
use crate::engine::{default_engine, offsets, Category, Engine};

/// The value of the `format` member.
pub const FORMAT: &str = "storysafe-package";
/// The value of the `format_version` member this code writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// One replacement made in the final text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// What kind of identifier was replaced.
    pub category: Category,
    /// The operator that produced the replacement (`tag`, `pseudonym`, `surrogate`, `mask`,
    /// `date_shift`, `generalize`, `manual`, ...).
    pub operator: String,
    /// Start of the replacement in the final text, in Unicode code points.
    pub start: usize,
    /// End (exclusive), in Unicode code points.
    pub end: usize,
}

impl LogEntry {
    /// Builds the log from replacements given as UTF-8 byte ranges of `final_text` (as the
    /// operators produce them), converting to code points.
    pub fn from_byte_ranges<'a>(
        final_text: &str,
        replacements: impl IntoIterator<Item = (Category, &'a str, usize, usize)>,
    ) -> Vec<LogEntry> {
        let reps: Vec<(Category, &str, usize, usize)> = replacements.into_iter().collect();
        let bounds: Vec<usize> = reps.iter().flat_map(|r| [r.2, r.3]).collect();
        let cps = offsets::bytes_to_chars(final_text, &bounds);
        reps.iter()
            .enumerate()
            .map(|(i, r)| LogEntry { category: r.0, operator: r.1.to_string(), start: cps[2 * i], end: cps[2 * i + 1] })
            .collect()
    }
}

/// A share package. See the [module documentation](self).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharePackage {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The version of the tool that made the package.
    pub tool_version: String,
    /// When the package was made (RFC 3339).
    pub created_at: String,
    /// The final text.
    pub text: String,
    /// The consent for exactly this text.
    pub consent: ConsentRecord,
    /// Every replacement in `text`.
    pub anonymisation_log: Vec<LogEntry>,
    /// Lowercase hex SHA-256 of the canonical content (see [`package_digest`]).
    pub digest: String,
}

/// Writes `v` as canonical JSON: object members sorted by key (code point order), no
/// insignificant whitespace, strings escaped as `serde_json` escapes them, numbers as written.
pub fn canonical_json(v: &Value) -> String {
    let mut out = String::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            out.push('{');
            for (i, (k, v)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_canonical(v, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// The package digest: lowercase hex SHA-256 of the [canonical JSON](canonical_json) of the
/// package object with its `digest` member removed. Any change to any member changes it.
pub fn package_digest(package: &Value) -> String {
    let mut v = package.clone();
    if let Value::Object(map) = &mut v {
        map.remove("digest");
    }
    let digest = Sha256::digest(canonical_json(&v).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

impl SharePackage {
    /// Assembles and seals a package made by this tool now (`created_at` is supplied by the caller:
    /// pure code reads no clock). The consent should already be [bound](ConsentRecord::bind_to)
    /// to `text`; verification reports it if not.
    pub fn new(text: String, consent: ConsentRecord, anonymisation_log: Vec<LogEntry>, created_at: String) -> SharePackage {
        let mut p = SharePackage {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            tool_version: crate::version().into(),
            created_at,
            text,
            consent,
            anonymisation_log,
            digest: String::new(),
        };
        p.seal();
        p
    }

    /// Recomputes and stores the digest.
    pub fn seal(&mut self) {
        self.digest = self.computed_digest();
    }

    /// The digest of the current content.
    pub fn computed_digest(&self) -> String {
        package_digest(&serde_json::to_value(self).expect("a package always serializes"))
    }

    /// The package as pretty-printed JSON (what the export writes), ending with a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a package always serializes");
        s.push('\n');
        s
    }
}

/// Why a file could not be read as a package at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackageError(String);

impl std::fmt::Display for PackageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PackageError {}

/// Parses a package, with a plain message when the file is not one.
pub fn parse_package(json: &str) -> Result<(SharePackage, Value), PackageError> {
    let raw: Value = serde_json::from_str(json).map_err(|e| PackageError(format!("not valid JSON: {e}")))?;
    if raw.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(PackageError(format!("not a Storysafe package (its \"format\" is not {FORMAT:?})")));
    }
    let pkg: SharePackage = serde_json::from_value(raw.clone())
        .map_err(|e| PackageError(format!("the package is damaged or from another version: {e}")))?;
    Ok((pkg, raw))
}

/// What the reviewer checks the package against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyOptions {
    /// The day of the check: consent must not have expired by then.
    pub today: IsoDate,
    /// The channel the story is about to be shared on (`None`: the one consented to).
    pub channel: Option<Channel>,
    /// For social media, the platform (`None`: the one consented to).
    pub platform: Option<String>,
}

impl VerifyOptions {
    /// Checks on `today` for the channel recorded in the consent.
    pub fn on(today: IsoDate) -> VerifyOptions {
        VerifyOptions { today, channel: None, platform: None }
    }
}

/// Something the engine found in the final text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Its category.
    pub category: Category,
    /// Start in the final text, Unicode code points.
    pub start: usize,
    /// End (exclusive), Unicode code points.
    pub end: usize,
    /// The text found.
    pub text: String,
    /// Why the engine flagged it.
    pub reason: String,
}

/// The result of checking a package.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// The tool version recorded in the package.
    pub made_with: String,
    /// The version doing the check.
    pub checked_with: String,
    /// The day of the check.
    pub checked_on: String,
    /// The text hash recorded in the consent.
    pub text_hash_recorded: String,
    /// The hash of the text as found in the package.
    pub text_hash_actual: String,
    /// The digest recorded in the package.
    pub digest_recorded: String,
    /// The digest of the content as found.
    pub digest_actual: String,
    /// Format problems: wrong version, bad timestamp, log entries outside the text.
    pub format_problems: Vec<Problem>,
    /// Consent problems (errors and warnings), including channel coverage.
    pub consent_problems: Vec<Problem>,
    /// Identifiers the engine finds that no logged replacement or tag accounts for.
    pub residual: Vec<Finding>,
    /// Quasi-identifiers (informational: ages, years, states, occupations).
    pub quasi_identifiers: Vec<Finding>,
    /// How many engine findings were accounted for by the log or by tags.
    pub accounted_for: usize,
    /// Hints for the committee checklist drawn from the text (disclaimer, conflicts statement);
    /// informational, see [`super::review::text_hints`].
    pub checklist_hints: Vec<String>,
}

impl Verdict {
    /// The text is the one consented to.
    pub fn text_hash_ok(&self) -> bool {
        self.text_hash_recorded == self.text_hash_actual
    }

    /// Nothing in the package was changed since it was sealed.
    pub fn digest_ok(&self) -> bool {
        self.digest_recorded == self.digest_actual
    }

    /// Text hash and digest match, and the format is sound.
    pub fn integrity_ok(&self) -> bool {
        self.text_hash_ok() && self.digest_ok() && !self.format_problems.iter().any(Problem::is_error)
    }

    /// The consent is complete, current and covers the channel.
    pub fn consent_ok(&self) -> bool {
        !self.consent_problems.iter().any(Problem::is_error)
    }

    /// Everything passes: integrity, consent, and no residual identifier.
    pub fn passed(&self) -> bool {
        self.integrity_ok() && self.consent_ok() && self.residual.is_empty()
    }

    /// A readable report, one check per line, ending with the verdict line.
    pub fn report(&self) -> String {
        let mut r = String::new();
        let line = |r: &mut String, ok: bool, msg: &str| {
            let _ = writeln!(r, "  {}  {msg}", if ok { "ok  " } else { "FAIL" });
        };
        let _ = writeln!(r, "Made with storysafe {}; checked with {} on {}.", self.made_with, self.checked_with, self.checked_on);
        r.push_str("Integrity\n");
        if self.text_hash_ok() {
            line(&mut r, true, &format!("text hash matches the consent (SHA-256 {})", self.text_hash_actual));
        } else {
            line(
                &mut r,
                false,
                &format!(
                    "text hash does not match: consent was recorded for SHA-256 {}, the text has SHA-256 {} (the text was changed after consent)",
                    self.text_hash_recorded, self.text_hash_actual
                ),
            );
        }
        if self.digest_ok() {
            line(&mut r, true, "package digest matches (no field was changed)");
        } else {
            line(
                &mut r,
                false,
                &format!(
                    "package digest does not match: recorded {}, content gives {} (the package was changed after it was made)",
                    self.digest_recorded, self.digest_actual
                ),
            );
        }
        for p in &self.format_problems {
            line(&mut r, !p.is_error(), &format!("{}: {}", p.field, p.message));
        }
        r.push_str("Consent\n");
        if self.consent_ok() {
            line(&mut r, true, "complete, current, and covers this channel");
        }
        for p in &self.consent_problems {
            let tag = if p.is_error() { "FAIL" } else { "warn" };
            let _ = writeln!(r, "  {tag}  {}: {}", p.field, p.message);
        }
        r.push_str("Residual identifiers\n");
        if self.residual.is_empty() {
            line(&mut r, true, &format!("none found ({} finding(s) accounted for by the log and tags)", self.accounted_for));
        } else {
            line(&mut r, false, &format!("{} identifier(s) found that the log does not account for:", self.residual.len()));
            for f in &self.residual {
                let _ = writeln!(r, "        {} {:?} at {}..{}: {}", f.category, f.text, f.start, f.end, f.reason);
            }
        }
        if !self.quasi_identifiers.is_empty() {
            r.push_str("Quasi-identifiers (informational)\n");
            for f in &self.quasi_identifiers {
                let _ = writeln!(r, "  note  {} {:?} at {}..{}: {}", f.category, f.text, f.start, f.end, f.reason);
            }
        }
        if !self.checklist_hints.is_empty() {
            r.push_str("Checklist hints (for the reviewer)\n");
            for h in &self.checklist_hints {
                let _ = writeln!(r, "  note  {h}");
            }
        }
        if self.passed() {
            r.push_str("Verdict: VERIFIED\n");
        } else {
            let mut why = Vec::new();
            if !self.text_hash_ok() {
                why.push("text hash does not match");
            }
            if !self.digest_ok() {
                why.push("package digest does not match");
            }
            if self.format_problems.iter().any(Problem::is_error) {
                why.push("format problems");
            }
            if !self.consent_ok() {
                why.push("consent not valid");
            }
            if !self.residual.is_empty() {
                why.push("residual identifiers");
            }
            let _ = writeln!(r, "Verdict: NOT VERIFIED ({})", why.join("; "));
        }
        r
    }
}

/// Bracketed tags left by redaction: `[NAME]`, `[PATIENT-1]`, `[PLACE-2]`, `[ZIP]`.
static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[[A-Z][A-Z0-9]*(?:[-_ ][A-Z0-9]+)*\]").unwrap());

/// Words that may stand next to a replacement inside one engine span without identifying anyone
/// themselves: titles and honorifics, name particles, connectors, the possessive `s`, and generic
/// institution and street words (`"Dr. [NAME]"`, `"[PLACE-1] General Hospital"`).
const CONTEXT_WORDS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "rev", "reverend", "fr", "father",
    "sister", "brother", "nurse", "doctor", "md", "phd", "rn", "jr", "sr", "ii", "iii", "of", "the", "and", "at",
    "in", "on", "for", "de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "bin",
    "ibn", "al", "el", "y", "s", "hospital", "clinic", "medical", "center", "centre", "health", "care",
    "university", "general", "memorial", "community", "regional", "st", "saint", "street", "road", "avenue",
    "county", "city",
];

/// True when the part of `text[start..end]` outside every `covered` range still carries
/// something identifying: a number other than a year (years are allowed under Safe Harbor), or a
/// word of two or more letters that is not a [context word](CONTEXT_WORDS). `"[NAME] Okafor"` does; `"Dr. [NAME]"` does not.
fn remainder_identifies(text: &str, start: usize, end: usize, covered: &[(usize, usize)]) -> bool {
    let mut word = String::new();
    let flush = |word: &mut String| -> bool {
        let w = std::mem::take(word).to_lowercase();
        let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit());
        !year
            && (w.chars().count() >= 2 || w.chars().any(|c| c.is_numeric()))
            && (w.chars().any(|c| c.is_numeric()) || !CONTEXT_WORDS.contains(&w.as_str()))
    };
    for (i, c) in text[start..end].char_indices() {
        let at = start + i;
        let inside = covered.iter().any(|&(a, b)| a <= at && at < b);
        if !inside && c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() && flush(&mut word) {
            return true;
        }
    }
    !word.is_empty() && flush(&mut word)
}

/// Re-scans `text` with `engine` and splits what it finds into residual identifiers and
/// quasi-identifiers. A span that overlaps a logged replacement (code point ranges) or a
/// bracketed tag is the anonymisation itself and is accounted for, unless the part of it outside
/// the replacements still identifies: a number other than a year, or a word of two or more
/// letters that is not a title, particle, connector or generic institution word (a half-replaced
/// name such as `"[NAME] Okafor"`). Returns (residual, quasi, accounted_for).
pub fn residual_findings(engine: &Engine, text: &str, log: &[LogEntry]) -> (Vec<Finding>, Vec<Finding>, usize) {
    // Covered byte ranges: logged replacements (converted from code points) and tags.
    let mut covered: Vec<(usize, usize)> = TAG.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    for e in log {
        if let (Some(&a), Some(&b)) = (char_starts.get(e.start), char_starts.get(e.end)) {
            covered.push((a, b));
        }
    }
    let spans = engine.scan(text);
    let bounds: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    let cps = offsets::bytes_to_chars(text, &bounds);
    let (mut residual, mut quasi, mut accounted) = (Vec::new(), Vec::new(), 0);
    for (i, s) in spans.iter().enumerate() {
        let overlaps = covered.iter().any(|&(a, b)| s.start < b && a < s.end);
        if overlaps && !remainder_identifies(text, s.start, s.end, &covered) {
            accounted += 1;
            continue;
        }
        let f = Finding {
            category: s.category,
            start: cps[2 * i],
            end: cps[2 * i + 1],
            text: text[s.start..s.end].to_string(),
            reason: s.reason.to_string(),
        };
        if s.category.is_optional() {
            quasi.push(f);
        } else {
            residual.push(f);
        }
    }
    (residual, quasi, accounted)
}

fn format_problems(pkg: &SharePackage) -> Vec<Problem> {
    let mut p = Vec::new();
    if pkg.format_version != FORMAT_VERSION {
        p.push(Problem::error(
            "format_version",
            format!("format version {} is not supported (this tool reads version {FORMAT_VERSION})", pkg.format_version),
        ));
    }
    if let Err(e) = parse_timestamp(&pkg.created_at) {
        p.push(Problem::error("created_at", e));
    }
    let len = pkg.text.chars().count();
    let mut last_end = 0;
    for (i, e) in pkg.anonymisation_log.iter().enumerate() {
        let field = format!("anonymisation_log[{i}]");
        if e.start >= e.end || e.end > len {
            p.push(Problem::error(&field, format!("{}..{} is not a range of the text ({len} characters)", e.start, e.end)));
        } else if e.start < last_end {
            p.push(Problem::error(&field, format!("{}..{} overlaps the previous entry or is out of order", e.start, e.end)));
        }
        if e.operator.trim().is_empty() {
            p.push(Problem::error(&field, "the operator is missing"));
        }
        last_end = last_end.max(e.end);
    }
    p
}

/// Checks a package (already parsed, with its raw JSON for the digest) on the given terms.
pub fn verify(pkg: &SharePackage, raw: &Value, opts: &VerifyOptions) -> Verdict {
    let mut consent_problems = pkg.consent.check(&pkg.text, opts.today);
    // The stale-binding problem is reported under integrity; keep the consent list about consent.
    consent_problems.retain(|p| !(p.field == "story.text_sha256" && p.message.contains("does not match")));
    let channel = opts.channel.or(pkg.consent.recipient.channel);
    if let Some(channel) = channel {
        if let Err(p) = pkg.consent.covers(channel, opts.platform.as_deref()) {
            consent_problems.push(p);
        }
    }
    let (residual, quasi_identifiers, accounted_for) = residual_findings(default_engine(), &pkg.text, &pkg.anonymisation_log);
    Verdict {
        made_with: pkg.tool_version.clone(),
        checked_with: crate::version().into(),
        checked_on: opts.today.to_string(),
        text_hash_recorded: pkg.consent.story.text_sha256.clone(),
        text_hash_actual: text_hash(&pkg.text),
        digest_recorded: pkg.digest.clone(),
        digest_actual: package_digest(raw),
        format_problems: format_problems(pkg),
        consent_problems,
        residual,
        quasi_identifiers,
        accounted_for,
        checklist_hints: super::review::text_hints(&pkg.text).into_iter().map(|(_, _, hint)| hint.to_string()).collect(),
    }
}

/// Parses and checks a package file's content.
pub fn verify_json(json: &str, opts: &VerifyOptions) -> Result<Verdict, PackageError> {
    let (pkg, raw) = parse_package(json)?;
    Ok(verify(&pkg, &raw, opts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::record::tests::complete;

    const TEXT: &str = "[PATIENT-1] came to clinic on March 3, 2031 and was seen by [NAME]. Her daughter drove.";

    fn example() -> SharePackage {
        let start = TEXT.find("March").unwrap();
        let log = LogEntry::from_byte_ranges(
            TEXT,
            [
                (Category::Name, "pseudonym", 0, "[PATIENT-1]".len()),
                (Category::Date, "date_shift", start, start + "March 3, 2031".len()),
                (Category::Name, "tag", TEXT.find("[NAME]").unwrap(), TEXT.find("[NAME]").unwrap() + 6),
            ],
        );
        SharePackage::new(TEXT.into(), complete(TEXT), log, "2026-11-30T10:00:00Z".into())
    }

    fn today() -> IsoDate {
        IsoDate::parse("2026-11-30").unwrap()
    }

    fn check(json: &str) -> Verdict {
        verify_json(json, &VerifyOptions::on(today())).unwrap()
    }

    #[test]
    fn a_fresh_package_verifies() {
        let v = check(&example().to_json());
        assert!(v.passed(), "{}", v.report());
        assert!(v.report().ends_with("Verdict: VERIFIED\n"));
        assert!(v.accounted_for >= 1, "the shifted date is found by the engine and accounted for");
        assert!(v.report().contains("No statement that the views are the author's own"), "{}", v.report());
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_depth() {
        let v: Value = serde_json::from_str(r#"{"b":1,"a":{"d":[{"z":1,"y":"é\n"}],"c":null}}"#).unwrap();
        assert_eq!(canonical_json(&v), r#"{"a":{"c":null,"d":[{"y":"é\n","z":1}]},"b":1}"#);
    }

    #[test]
    fn digest_ignores_layout_and_its_own_member() {
        let p = example();
        let pretty: Value = serde_json::from_str(&p.to_json()).unwrap();
        let compact: Value = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(package_digest(&pretty), package_digest(&compact));
        assert_eq!(package_digest(&pretty), p.digest);
    }

    /// Every tampering is caught by the digest, and those touching the text also by the hash.
    #[test]
    fn tamper_table() {
        type Tamper = fn(&mut Value);
        let rows: &[(&str, Tamper, bool)] = &[
            ("one character of text", |v| {
                let t = v["text"].as_str().unwrap().replacen("drove", "drive", 1);
                v["text"] = t.into();
            }, true),
            ("consent channel", |v| v["consent"]["recipient"]["channel"] = "social_media".into(), false),
            ("consent expiry", |v| v["consent"]["expiration"]["date"] = "2040-01-01".into(), false),
            ("attestation", |v| v["consent"]["attestations"]["seen_final_text"] = false.into(), false),
            ("log offsets", |v| v["anonymisation_log"][1]["start"] = 1.into(), false),
            ("log entry removed", |v| {
                v["anonymisation_log"].as_array_mut().unwrap().pop();
            }, false),
            ("creation time", |v| v["created_at"] = "2026-12-01T10:00:00Z".into(), false),
            ("tool version", |v| v["tool_version"] = "9.9.9".into(), false),
            ("text hash re-bound to an edited text", |v| {
                v["text"] = "Something else.".into();
                v["consent"]["story"]["text_sha256"] = text_hash("Something else.").into();
            }, false),
        ];
        for (what, tamper, hash_breaks) in rows {
            let mut v: Value = serde_json::from_str(&example().to_json()).unwrap();
            tamper(&mut v);
            let verdict = check(&v.to_string());
            assert!(!verdict.digest_ok(), "{what}: digest should not match");
            assert_eq!(!verdict.text_hash_ok(), *hash_breaks, "{what}: text hash");
            assert!(!verdict.passed(), "{what}");
            if *hash_breaks {
                assert!(verdict.report().contains("text hash does not match"), "{what}");
            }
            assert!(verdict.report().contains("NOT VERIFIED"), "{what}");
        }
    }

    #[test]
    fn resealed_package_with_edited_text_is_stale() {
        // Someone edits the text and re-seals the digest, but cannot re-do the consent binding.
        let mut p = example();
        p.text.push_str(" Then she went home.");
        p.seal();
        let v = check(&p.to_json());
        assert!(v.digest_ok());
        assert!(!v.text_hash_ok());
        assert!(!v.passed());
    }

    #[test]
    fn expired_consent_fails() {
        let mut p = example();
        p.consent.expiration.date = "2026-11-29".into();
        p.consent.signature.date = "2026-11-01".into();
        p.seal();
        let v = check(&p.to_json());
        assert!(v.integrity_ok());
        assert!(!v.consent_ok());
        assert!(v.report().contains("expired on 2026-11-29"), "{}", v.report());
    }

    #[test]
    fn channel_not_covered_fails() {
        let p = example();
        let opts = VerifyOptions { today: today(), channel: Some(Channel::SocialMedia), platform: None };
        let v = verify_json(&p.to_json(), &opts).unwrap();
        assert!(!v.consent_ok());
        assert!(v.consent_problems.iter().any(|p| p.field == "recipient.channel"));
    }

    #[test]
    fn residual_table() {
        // text, log as (category, start, end) in code points, residual categories expected
        let rows: &[(&str, &[(Category, usize, usize)], &[Category])] = &[
            ("Call [NAME] at 617-555-0142.", &[], &[Category::Phone]),
            ("Call [NAME] at [PHONE].", &[], &[]),
            ("Call [NAME] at 617-555-0142.", &[(Category::Phone, 15, 27)], &[]),
            ("Écrire à ana@example.org", &[(Category::Email, 9, 24)], &[]),
            ("Écrire à ana@example.org", &[(Category::Email, 0, 5)], &[Category::Email]),
            ("Seen [PATIENT-1] on 3/14.", &[], &[Category::Date]),
            ("Seen [PATIENT-1] on 3/14.", &[(Category::Date, 20, 24)], &[]),
        ];
        for &(text, log, want) in rows {
            let log: Vec<LogEntry> =
                log.iter().map(|&(category, start, end)| LogEntry { category, operator: "surrogate".into(), start, end }).collect();
            let (residual, _, _) = residual_findings(default_engine(), text, &log);
            let got: Vec<Category> = residual.iter().map(|f| f.category).collect();
            assert_eq!(got, want, "{text:?} with {log:?}");
        }
    }

    #[test]
    fn remainder_table() {
        // text, span (bytes), covered (bytes), still identifying?
        let rows: &[(&str, (usize, usize), &[(usize, usize)], bool)] = &[
            ("Dr. [NAME]", (0, 10), &[(4, 10)], false),
            ("Mrs. [NAME]'s", (0, 13), &[(5, 11)], false),
            ("[NAME] Okafor", (0, 13), &[(0, 6)], true),
            ("[PLACE-1] General Hospital", (0, 26), &[(0, 9)], false),
            ("[PLACE-1] Hospital room 12", (0, 26), &[(0, 9)], true),
            ("March 3, 2031", (0, 13), &[(0, 13)], false),
            ("[NAME] van der Berg", (0, 19), &[(0, 6)], true),
            ("José [NAME]", (0, 11), &[(6, 11)], true),
            ("J. [NAME]", (0, 9), &[(3, 9)], false),
            ("March 10, 2024", (0, 14), &[(0, 8)], false),
            ("March 10, 12", (0, 12), &[(0, 5)], true),
        ];
        for &(text, (a, b), covered, want) in rows {
            assert_eq!(remainder_identifies(text, a, b, covered), want, "{text:?}");
        }
    }

    #[test]
    fn half_replaced_identifier_is_residual() {
        // The engine finds the whole phone number; only its start was replaced and logged.
        let text = "Call 617-555-0142.";
        let log = [LogEntry { category: Category::Phone, operator: "manual".into(), start: 5, end: 8 }];
        let (residual, _, accounted) = residual_findings(default_engine(), text, &log);
        assert_eq!(residual.len(), 1, "{residual:?}");
        assert_eq!(accounted, 0);
    }

    #[test]
    fn log_offsets_are_code_points() {
        let text = "Écrire à [NAME] 😀 [DATE]";
        let a = text.find("[NAME]").unwrap();
        let b = text.find("[DATE]").unwrap();
        let log = LogEntry::from_byte_ranges(text, [(Category::Name, "tag", a, a + 6), (Category::Date, "tag", b, b + 6)]);
        let chars: Vec<char> = text.chars().collect();
        for e in &log {
            let s: String = chars[e.start..e.end].iter().collect();
            assert!(s == "[NAME]" || s == "[DATE]", "{e:?} -> {s:?}");
        }
    }

    #[test]
    fn bad_log_entries_are_format_problems() {
        let mut p = example();
        p.anonymisation_log.push(LogEntry { category: Category::Name, operator: "tag".into(), start: 5, end: 500 });
        p.anonymisation_log.push(LogEntry { category: Category::Name, operator: " ".into(), start: 0, end: 2 });
        p.seal();
        let v = check(&p.to_json());
        assert!(!v.integrity_ok());
        let fields: Vec<&str> = v.format_problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["anonymisation_log[3]", "anonymisation_log[4]", "anonymisation_log[4]"], "{:?}", v.format_problems);
    }

    #[test]
    fn unreadable_files_are_errors() {
        let rows = [
            ("", "not valid JSON"),
            ("[1,2]", "not a Storysafe package"),
            (r#"{"format":"other"}"#, "not a Storysafe package"),
            (r#"{"format":"storysafe-package"}"#, "damaged"),
        ];
        for (json, frag) in rows {
            let e = verify_json(json, &VerifyOptions::on(today())).unwrap_err().to_string();
            assert!(e.contains(frag), "{json:?}: {e}");
        }
        let mut v: Value = serde_json::from_str(&example().to_json()).unwrap();
        v["extra"] = 1.into();
        let e = verify_json(&v.to_string(), &VerifyOptions::on(today())).unwrap_err().to_string();
        assert!(e.contains("extra"), "{e}");
    }
}
