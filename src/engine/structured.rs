//! Recognizers for identifiers that have a shape: dates and ages, phone and fax numbers, email and
//! web addresses, IP addresses, and the numbered identifiers (SSN, MRN, health plan, account,
//! licence, vehicle, device, other IDs), plus the structured parts of a place (ZIP and postcodes,
//! street numbers, rooms and beds).
//!
//! Each family lives in its own module and exposes its rules:
//!
//! | module | finds |
//! |---|---|
//! | [`dates`] | dates in numeric and written forms, holidays, ordinal days; ages (AGE90 over 89); years (informational) |
//! | [`contact`] | email (also `[at]`/`dot` spellings), URL and bare domains, IPv4/IPv6, phone, fax and pager numbers, social handles and usernames |
//! | [`ids`] | SSN, MRN, health plan, account and card, licence (NPI, DEA, driver's), vehicle (VIN, plate), device, other IDs |
//! | [`address`] | street addresses, units, PO boxes, ZIP and postcodes, coordinates, rooms and beds |
//! | [`checksum`] | the check digits that confirm a shape (Luhn, NPI, DEA, NHS, Verhoeff, VIN, IBAN) |
//!
//! ## How a rule decides
//!
//! A [`Rule`] is a regular expression (compiled once, in a `LazyLock`) and a *judge*: a plain
//! function that looks at one match — and at the words around it, through [`before`] and
//! [`after`] — and returns the [`Hit`] to report, or nothing. Shape alone is often ambiguous
//! (`5/10` is a date, a pain score or a ventilator setting), so the judges weigh three kinds of
//! evidence, in this order:
//!
//! 1. **labels**: a key phrase right before the value (`MRN`, `member ID`, `fax`, `DOB`) decides
//!    the category and lets through values that would be too ambiguous alone;
//! 2. **checksums**: a valid check digit confirms an unlabelled number (NPI, DEA, VIN, card);
//! 3. **context**: words that make a reading unlikely (`PEEP`, `NS`, `crackles` around `1/2`; a
//!    vital sign before `is 96`) reject a match; words that make it likely raise its score.
//!
//! Scores express that evidence: a labelled or checksummed value scores 0.9 and up, a bare shape
//! 0.5 to 0.8, a weak generic guess (an unlabelled code) 0.35 to 0.45. The [`SameRange`] refiner
//! and then [`resolve`](fn@crate::engine::resolve) use them to pick a category when two rules
//! claim the same or overlapping text.
//!
//! Rules run on the [normalized](crate::engine::normalize) text, so `٦١٧-555-0142`, `𝟑/𝟏𝟒` or an
//! email with a zero-width space inside are matched as their plain forms, and reported at their
//! original offsets.
//!
//! ```
//! use storysafe::engine::{structured, Category, Engine};
//!
//! let engine = Engine::new(structured::recognizers(), structured::refiners());
//! let text = "MRN 00731946, seen 3/14; crackles 1/2 up; fax (304) 555-0182";
//! let found: Vec<(&str, Category)> = engine
//!     .scan(text)
//!     .iter()
//!     .map(|s| (&text[s.start..s.end], s.category))
//!     .collect();
//! assert!(found.contains(&("00731946", Category::Mrn)));
//! assert!(found.contains(&("3/14", Category::Date)));
//! assert!(found.contains(&("(304) 555-0182", Category::Fax)));
//! assert!(!found.iter().any(|(t, _)| *t == "1/2"));
//! ```
//!
//! ## Adding a rule
//!
//! Write the regex in a `static LazyLock<Regex>` (use `(?-u:\b)` word boundaries: they keep the
//! fast DFA engine on any text), a judge that rejects what the shape alone cannot tell apart, add
//! the [`Rule`] to its module's `rules()`, and add rows to that module's `finds` and `ignores`
//! tables. A leak or false positive found in an evaluation gets its own test in
//! `tests/structured.rs`.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{Category, Input, Recognizer, Refiner, Span};

pub mod address;
pub mod checksum;
pub mod contact;
pub mod dates;
pub mod ids;

/// One finding decided by a [`Rule`]'s judge: a byte range of the text and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Start byte offset in the text the rule ran on.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The category to report.
    pub category: Category,
    /// Confidence in `0.0..=1.0`.
    pub score: f32,
    /// Why it was flagged, shown to the user.
    pub reason: &'static str,
}

impl Hit {
    /// A hit over the whole match, or over its capture group named `id` when there is one.
    pub fn of(caps: &Captures<'_>, category: Category, score: f32, reason: &'static str) -> Hit {
        let m = caps.name("id").unwrap_or_else(|| caps.get(0).expect("group 0 always matches"));
        Hit { start: m.start(), end: m.end(), category, score, reason }
    }
}

/// Decides on one match of a [`Rule`]'s regex: the hits to report (usually zero or one).
pub type Judge = fn(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>);

/// A recognizer made of a regex and a [`Judge`] that weighs each match in its context.
pub struct Rule {
    /// Stable recognizer name, shown as the source of a finding.
    pub name: &'static str,
    /// The pattern, compiled once on first use.
    pub regex: &'static LazyLock<Regex>,
    /// Decides on each match.
    pub judge: Judge,
}

impl Rule {
    /// Runs the rule on a plain string (what [`Recognizer::recognize`] does on the normalized text).
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for caps in self.regex.captures_iter(text) {
            (self.judge)(text, &caps, &mut hits);
        }
        hits
    }
}

impl Recognizer for Rule {
    fn name(&self) -> &'static str {
        self.name
    }

    fn recognize(&self, input: &Input<'_>, out: &mut Vec<Span>) {
        let text = input.text();
        for h in self.hits(text) {
            if h.start < h.end && text.is_char_boundary(h.start) && text.is_char_boundary(h.end) {
                out.push(Span::new(h.start, h.end, h.category, h.score, self.name, h.reason));
            }
        }
    }
}

/// Up to `n` bytes of `text` ending at `pos` (shortened to a character boundary).
pub fn before(text: &str, pos: usize, n: usize) -> &str {
    let mut a = pos.saturating_sub(n);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    &text[a..pos]
}

/// Up to `n` bytes of `text` starting at `pos` (shortened to a character boundary).
pub fn after(text: &str, pos: usize, n: usize) -> &str {
    let mut b = (pos + n).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    &text[pos..b]
}

/// The character right before `pos`, if any.
pub fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The character at `pos`, if any.
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// The previous word before `pos` (letters, digits, `/`, `'`, `#`), lowercased, skipping spaces and
/// punctuation other than those.
pub fn prev_word(text: &str, pos: usize) -> String {
    let head = text[..pos].trim_end_matches(|c: char| !(c.is_alphanumeric() || matches!(c, '/' | '\'' | '#')));
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '/' | '\'' | '#'))
        .last()
        .map_or(head.len(), |(i, _)| i);
    head[start..].to_lowercase()
}

/// Up to `n` words before `pos`, nearest first, lowercased (words as in [`prev_word`]).
pub fn prev_words(text: &str, pos: usize, n: usize) -> Vec<String> {
    let mut words = Vec::with_capacity(n);
    let mut at = pos;
    while words.len() < n {
        let w = prev_word(text, at);
        if w.is_empty() {
            break;
        }
        // the word ends where the trimmed head ends; step back over it
        let head = text[..at].trim_end_matches(|c: char| !(c.is_alphanumeric() || matches!(c, '/' | '\'' | '#')));
        at = head.len() - head.chars().rev().take_while(|&c| c.is_alphanumeric() || matches!(c, '/' | '\'' | '#')).map(char::len_utf8).sum::<usize>();
        words.push(w);
    }
    words
}

/// The next word after `pos` (letters, digits, `/`, `'`), lowercased, skipping leading spaces only.
pub fn next_word(text: &str, pos: usize) -> String {
    let tail = text[pos..].trim_start_matches([' ', '\t']);
    let end = tail
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '/' | '\'')))
        .map_or(tail.len(), |(i, _)| i);
    tail[..end].to_lowercase()
}

/// The structured recognizers, in registry order.
pub fn recognizers() -> Vec<Box<dyn Recognizer>> {
    let mut v: Vec<Box<dyn Recognizer>> = Vec::new();
    for rules in [contact::rules(), dates::rules(), ids::rules(), address::rules()] {
        v.extend(rules.into_iter().map(|r| Box::new(r) as Box<dyn Recognizer>));
    }
    v
}

/// The structured refiners.
pub fn refiners() -> Vec<Box<dyn Refiner>> {
    vec![Box::new(SameRange)]
}

/// When two candidates cover exactly the same text, keeps only the higher-scoring one, so that a
/// labelled reading (`NHS number, 485 777 3457`: HEALTHPLAN, 0.95) beats a shape-only reading of
/// the same characters (a phone number, 0.85) whatever order the recognizers ran in.
/// ([`resolve`](fn@crate::engine::resolve) would keep the first and lend it the other's category only for a
/// clearly higher score.)
pub struct SameRange;

impl Refiner for SameRange {
    fn name(&self) -> &'static str {
        "same-range"
    }

    fn refine(&self, _input: &Input<'_>, spans: &mut Vec<Span>) {
        // optional findings never compete with required ones here: resolve drops them anyway
        spans.sort_by(|a, b| {
            (a.start, a.end, a.category.is_optional())
                .cmp(&(b.start, b.end, b.category.is_optional()))
                .then(b.score.total_cmp(&a.score))
        });
        spans.dedup_by(|later, kept| later.start == kept.start && later.end == kept.end);
    }
}

#[cfg(test)]
pub(crate) mod tests_support {
    use crate::engine::{Category, Engine};

    /// Runs the structured recognizers and refiners only, and returns each finding's text and
    /// category.
    pub fn found(text: &str) -> Vec<(String, Category)> {
        let engine = Engine::new(super::recognizers(), super::refiners());
        engine.scan(text).into_iter().map(|s| (text[s.start..s.end].to_string(), s.category)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_helpers() {
        let t = "Pt on PSV 10/5 peep, señor 3/14.";
        assert_eq!(prev_word(t, 10), "psv");
        assert_eq!(next_word(t, 14), "peep");
        assert_eq!(prev_word(t, 0), "");
        assert_eq!(prev_words(t, 10, 3), ["psv", "on", "pt"]);
        assert_eq!(prev_words("señor 3/14", 7, 2), ["señor"]);
        assert_eq!(next_word(t, t.len()), "");
        assert_eq!(before(t, 10, 4), "PSV ");
        // never splits a character
        assert_eq!(before(t, 27, 4), "ñor");
        assert_eq!(before(t, 27, 3), "or");
        assert_eq!(after(t, 22, 2), "e");
        assert_eq!(char_before(t, 10), Some(' '));
        assert_eq!(char_at(t, 10), Some('1'));
    }
}
