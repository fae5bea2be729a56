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
//! Write the regex in a `static LazyLock<Regex>`, compiled with
//! [`pattern::ascii`](crate::engine::pattern::ascii) (ASCII classes: small, fast automata; the text
//! is already normalized), a judge that rejects what the shape alone cannot tell apart, add
//! the [`Rule`] to its module's `rules()` (with a [`gate`](Rule::gate) when every match
//! contains one of a few keywords, or a [`check`](Rule::check) on the digit runs every match
//! needs: the rule then skips texts that cannot match; `tests/eval.rs` verifies both on the
//! evaluation corpora), and add rows to that module's `finds` and `ignores`
//! tables. A leak or false positive found in an evaluation gets its own test in
//! `tests/structured.rs`.

use std::ops::RangeInclusive;
use std::sync::LazyLock;

use super::pattern::{Captures, Regex};
use super::{Category, Input, Recognizer, Refiner, Span};
use keyset::KeywordSet;

pub mod address;
pub mod checksum;
pub mod contact;
pub mod dates;
pub mod ids;
pub mod keyset;

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
    /// Keywords of which every match contains at least one (ASCII case-insensitive), or none
    /// when the rule has no such keywords. A text with none of them cannot match, so the rule
    /// skips it without running its regex (see [`Keywords`]). Only a speed-up: a wrong gate
    /// loses findings, so list every keyword an alternative of the regex could need.
    pub gate: &'static [&'static str],
    /// A cheap test every text the rule can match passes (for rules without keywords: the
    /// shape of the digit runs they need, such as a five-digit run for a ZIP code), or `None`.
    /// Like the gate, only a speed-up that must never reject a text the regex would match.
    pub check: Option<Check>,
    /// The byte ranges of a text that hold every match the judge can accept, or `None` to
    /// search the whole text. When the regex matches very often and the judge rejects nearly all
    /// (an unlabelled code in an ALL CAPS note), searching only these ranges saves the rejected
    /// matches. Exact only when no match can cross a range's ends and every match the judge
    /// accepts lies in a range: the matches in a range are then those of the whole-text search.
    pub within: Option<Within>,
}

/// The ranges of a text that a [`Rule`] searches (see [`Rule::within`]), pushed in order, not
/// overlapping, on character boundaries.
pub type Within = fn(&Keywords, &str, &mut Vec<(usize, usize)>);

/// A necessary condition for a [`Rule`] to match a text, from facts gathered once per text.
pub type Check = fn(&Keywords, &str) -> bool;

impl Rule {
    /// Runs the rule on a plain string (what [`Recognizer::recognize`] does on the normalized text).
    pub fn hits(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.regex.for_each(text, |caps| (self.judge)(text, caps, &mut hits));
        hits
    }

    /// Runs the rule on the `ranges` of `text` only (see [`Rule::within`]): the matches starting
    /// in each range, searched with the whole text around them (so that `\b` sees the bytes
    /// next to a range).
    pub fn hits_within(&self, text: &str, ranges: &[(usize, usize)]) -> Vec<Hit> {
        let mut hits = Vec::new();
        for &(a, b) in ranges {
            // the search may look at the character after the range, never beyond
            let bound = text[b..].chars().next().map_or(b, |c| b + c.len_utf8());
            let hay = &text[..bound];
            let mut at = a;
            while at < b {
                let Some(caps) = self.regex.captures_at(hay, at) else { break };
                let m = caps.get(0).expect("group 0 always matches");
                if m.start() >= b {
                    break;
                }
                (self.judge)(text, &caps, &mut hits);
                at = if m.end() > m.start() { m.end() } else { m.end() + 1 };
            }
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
        if !self.gate.is_empty() && !input.keywords().any(self.gate) {
            return;
        }
        if let Some(check) = self.check {
            if !check(input.keywords(), text) {
                return;
            }
        }
        let hits = match self.within {
            None => self.hits(text),
            Some(within) => {
                let mut ranges = Vec::new();
                within(input.keywords(), text, &mut ranges);
                self.hits_within(text, &ranges)
            }
        };
        for h in hits {
            if h.start < h.end && text.is_char_boundary(h.start) && text.is_char_boundary(h.end) {
                out.push(Span::new(h.start, h.end, h.category, h.score, self.name, h.reason));
            }
        }
    }
}

/// True for the bytes `\s` matches in an ASCII-mode pattern (space, `\t`, `\n`, `\x0b`, `\x0c`, `\r`).
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// The byte offset where the run of `\s` bytes ending at `pos` starts (`pos` when there is none).
pub fn space_back(b: &[u8], pos: usize) -> usize {
    let mut j = pos;
    while j > 0 && is_space(b[j - 1]) {
        j -= 1;
    }
    j
}

/// True when the word ending at `pos` (ASCII case-insensitive) ends with one of `words`, i.e.
/// `b[..pos]` ends with it.
pub fn ends_with_any(b: &[u8], pos: usize, words: &[&str]) -> bool {
    words.iter().any(|w| pos >= w.len() && b[pos - w.len()..pos].eq_ignore_ascii_case(w.as_bytes()))
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

/// The gate keywords of every rule (see [`Rule::gate`]) found in one text, by a single
/// ASCII case-insensitive pass, so that each gated rule can skip a text that cannot match it.
/// Computed once per scan (see [`Input::keywords`]).
/// It also records the runs of ASCII digits, for the rules' [`Check`]s.
#[derive(Debug, Default)]
pub struct Keywords {
    found: Vec<&'static str>,
    /// Maximal runs of ASCII digits: (start byte, length).
    runs: Vec<(usize, usize)>,
    /// True when an ASCII capital is followed by a lowercase ASCII letter (`Rosa`, `St`).
    upper_lower: bool,
}

/// Every rule's gate keywords (sorted, without repeats), and one automaton finding them all.
static GATES: LazyLock<(KeywordSet, Vec<&'static str>)> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = [contact::rules(), dates::rules(), ids::rules(), address::rules()]
        .into_iter()
        .flatten()
        .flat_map(|r| r.gate.iter().copied())
        .collect();
    words.sort_unstable();
    words.dedup();
    (KeywordSet::new(&words), words)
});

impl Keywords {
    /// Finds which gate keywords occur in `text`.
    pub fn of(text: &str) -> Keywords {
        let (set, words) = &*GATES;
        let mut bits = vec![0u64; set.len().div_ceil(64)];
        set.find(text.as_bytes(), &mut bits);
        let found = (0..set.len()).filter(|&i| bits[i / 64] >> (i % 64) & 1 == 1).map(|i| words[i]).collect();
        let bytes = text.as_bytes();
        let runs = digit_runs(bytes);
        let upper_lower = upper_then_lower(bytes);
        Keywords { found, runs, upper_lower }
    }

    /// True when the text has a capitalized word: an ASCII capital followed by a lowercase
    /// letter, `'`, `-` or a non-ASCII character (`Rosa`, `O'Neil`, `O’`). A rule whose every
    /// match needs `[A-Z](?u:[a-z'’-])` can skip texts without one (ALL CAPS and all-lowercase
    /// notes). Computed on each call: test it after cheaper conditions.
    pub fn has_title_word(&self, text: &str) -> bool {
        self.upper_lower || text.as_bytes().windows(2).any(|w| w[0].is_ascii_uppercase() && (w[1] == b'\'' || w[1] == b'-' || w[1] >= 0x80))
    }

    /// True when an ASCII capital is followed by a lowercase ASCII letter (`Rosa`, `St`): a rule
    /// whose every match needs a capitalized word such as `Street` or `Dr` skips texts without.
    pub fn has_upper_lower(&self) -> bool {
        self.upper_lower
    }

    /// True when some run of ASCII digits satisfies `f(bytes, start, len)`.
    pub fn any_run(&self, text: &str, f: impl Fn(&[u8], usize, usize) -> bool) -> bool {
        let b = text.as_bytes();
        self.runs.iter().any(|&(s, n)| f(b, s, n))
    }

    /// The maximal runs of ASCII digits: (start byte, length).
    pub fn digit_runs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.runs.iter().copied()
    }

    /// The length of the longest run of ASCII digits (0 when there is none).
    pub fn longest_digit_run(&self) -> usize {
        self.runs.iter().map(|&(_, n)| n).max().unwrap_or(0)
    }

    /// The longest chain of digit runs joined by single bytes from `seps`, in digits (`4111 1111
    /// 1111 1111` joined by spaces: 16), counting only chains whose runs are all at most
    /// `max_run` long.
    pub fn longest_digit_chain(&self, text: &str, seps: &[u8], max_run: usize) -> usize {
        let (mut best, mut cur) = (0, 0);
        let mut prev_end: Option<usize> = None;
        for &(s, n) in &self.runs {
            if n > max_run {
                cur = 0;
                prev_end = None;
                continue;
            }
            let joined = prev_end.is_some_and(|e| s == e + 1 && seps.contains(&text.as_bytes()[e]));
            cur = if joined { cur + n } else { n };
            best = best.max(cur);
            prev_end = Some(s + n);
        }
        best
    }

    /// How many times a run of digits is followed by `.` and a run of at least `frac` digits
    /// (`40.7128`: a decimal with four).
    pub fn decimals(&self, text: &str, frac: usize) -> usize {
        self.runs.windows(2).filter(|w| w[1].0 == w[0].0 + w[0].1 + 1 && text.as_bytes()[w[0].0 + w[0].1] == b'.' && w[1].1 >= frac).count()
    }

    /// True when `n` runs of at most `max_run` digits follow one another, each joined to the
    /// next by the single byte `sep` (`10.0.0.1`: four runs of at most three joined by dots).
    pub fn dotted_runs(&self, text: &str, n: usize, sep: u8, max_run: usize) -> bool {
        self.runs.windows(n).any(|w| {
            w.iter().all(|&(_, len)| len <= max_run)
                && w.windows(2).all(|p| p[1].0 == p[0].0 + p[0].1 + 1 && text.as_bytes()[p[0].0 + p[0].1] == sep)
        })
    }

    /// True when a run of `a` digits is followed by one of `seps` and then a run of `b` digits
    /// (`555-0142`: 3, `-`, 4).
    pub fn digit_run_pair(&self, text: &str, a: RangeInclusive<usize>, seps: &[u8], b: RangeInclusive<usize>) -> bool {
        self.runs.windows(2).any(|w| {
            let ((s1, n1), (s2, n2)) = (w[0], w[1]);
            a.contains(&n1) && b.contains(&n2) && s2 == s1 + n1 + 1 && seps.contains(&text.as_bytes()[s1 + n1])
        })
    }

    /// True when a `+` stands right before a digit (an international phone number).
    pub fn plus_digit(&self, text: &str) -> bool {
        self.runs.iter().any(|&(s, _)| s > 0 && text.as_bytes()[s - 1] == b'+')
    }

    /// True when at least one of `gate` occurs in the text.
    pub fn any(&self, gate: &[&str]) -> bool {
        gate.iter().any(|g| self.found.contains(g))
    }
}

/// The maximal runs of ASCII digits in `b`: (start, length). A mask of the digits of 64 bytes at
/// a time (see [`digit_mask`]) tells where each run starts and ends, so that the text between
/// runs costs a few instructions per 8 bytes.
fn digit_runs(b: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    // the start of a run that reaches the end of the previous block
    let mut open: Option<usize> = None;
    for (k, block) in b.chunks(64).enumerate() {
        let base = k * 64;
        let mut mask = digit_mask(block);
        let mut at = 0; // bits below `at` are done
        while at < block.len() {
            if open.is_none() {
                if mask == 0 {
                    break;
                }
                at = mask.trailing_zeros() as usize;
                open = Some(base + at);
            }
            // the run goes on through the ones from `at`
            let ones = (!(mask >> at)).trailing_zeros() as usize;
            at = (at + ones).min(block.len());
            if at == block.len() {
                break; // it may go on in the next block
            }
            let start = open.take().expect("a run is open");
            runs.push((start, base + at - start));
            mask &= !0 << at; // clear the run's bits (at < 64 here)
        }
    }
    if let Some(start) = open {
        runs.push((start, b.len() - start));
    }
    runs
}

/// Bit `i` set when `block[i]` is an ASCII digit (`block` holds at most 64 bytes), computed 8
/// bytes at a time within a `u64` (no branch, no table).
fn digit_mask(block: &[u8]) -> u64 {
    const LOW: u64 = 0x0F0F_0F0F_0F0F_0F0F;
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const TOP: u64 = 0x8080_8080_8080_8080;
    let of_word = |w: u64| {
        // zero exactly in the bytes 0x30..=0x39: high nibble 3, low nibble + 6 without a carry
        let bad = ((w & HIGH) ^ 0x3030_3030_3030_3030) | (((w & LOW) + 0x0606_0606_0606_0606) & HIGH);
        // the top bit of each zero byte, then those 8 bits gathered into the low byte
        let zero = !((((bad & !TOP) + !TOP) | bad) & TOP) & TOP;
        zero.wrapping_mul(0x0002_0408_1020_4081) >> 56
    };
    let mut words = block.chunks_exact(8);
    let mut mask = 0;
    for (k, w) in (&mut words).enumerate() {
        mask |= of_word(u64::from_le_bytes(w.try_into().expect("8 bytes"))) << (8 * k);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut last = [b'x'; 8];
        last[..rest.len()].copy_from_slice(rest);
        mask |= of_word(u64::from_le_bytes(last)) << (block.len() - rest.len());
    }
    mask
}

/// True when an ASCII capital is followed by a lowercase ASCII letter somewhere in `b`: 64 pairs
/// at a time, without a branch inside (vectorized), so that an ALL CAPS note costs little; a
/// mixed-case text answers within its first block.
fn upper_then_lower(b: &[u8]) -> bool {
    if b.len() < 2 {
        return false;
    }
    let (first, second) = (&b[..b.len() - 1], &b[1..]);
    first.chunks(64).zip(second.chunks(64)).any(|(p, q)| {
        p.iter().zip(q).fold(false, |any, (&x, &y)| any | ((x.wrapping_sub(b'A') < 26) & (y.wrapping_sub(b'a') < 26)))
    })
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

    /// Asserts that searching only the ranges of `rule`'s [`super::Rule::within`] finds exactly
    /// what the whole-text search finds, on each of `texts` (the first must have a hit).
    pub fn assert_within_exact(rule: &super::Rule, texts: &[&str]) {
        for &t in texts {
            let k = super::Keywords::of(t);
            let mut ranges = Vec::new();
            (rule.within.expect("a rule with ranges"))(&k, t, &mut ranges);
            assert_eq!(rule.hits_within(t, &ranges), rule.hits(t), "{t:?}");
        }
        assert!(!rule.hits(texts[0]).is_empty());
    }

    /// Runs the structured recognizers and refiners only, and returns each finding's text and
    /// category.
    pub fn found(text: &str) -> Vec<(String, Category)> {
        let engine = Engine::new(super::recognizers(), super::refiners());
        engine.scan(text).into_iter().map(|s| (text[s.start..s.end].to_string(), s.category)).collect()
    }

    /// Table check: in each text, exactly the given string is found with the given category.
    pub fn assert_finds(rows: &[(&str, &str, Category)]) {
        for &(text, want, cat) in rows {
            let got = found(text);
            assert!(got.iter().any(|(t, c)| t == want && *c == cat), "{text:?}: wanted {want:?} as {cat:?}, got {got:?}");
        }
    }

    /// Table check: in each text, no required finding overlaps the given string.
    pub fn assert_ignores(rows: &[(&str, &str)]) {
        for &(text, bad) in rows {
            let got = found(text);
            assert!(
                !got.iter().any(|(t, c)| !c.is_optional() && (t.contains(bad) || bad.contains(t.as_str()))),
                "{text:?}: {bad:?} must not be found, got {got:?}"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The block-wise capital-then-lowercase test agrees with the plain pairwise one, at every
    /// position of a block and across block edges.
    #[test]
    fn upper_then_lower_matches_pairwise() {
        let plain = |b: &[u8]| b.windows(2).any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_lowercase());
        let mut texts: Vec<Vec<u8>> = vec![b"".to_vec(), b"A".to_vec(), b"Ab".to_vec(), b"aB".to_vec(), "É é ÀB".as_bytes().to_vec()];
        for pos in [0, 1, 62, 63, 64, 65, 127, 128, 200] {
            let mut t = vec![b'X'; 210];
            t[pos + 1] = b'q';
            texts.push(t.clone());
            t[pos] = b'7';
            texts.push(t);
        }
        texts.push(vec![b'Z'; 300]);
        for t in &texts {
            assert_eq!(upper_then_lower(t), plain(t), "{:?}", String::from_utf8_lossy(t));
        }
    }

    /// A gate must be a necessary condition: every rule still finds, on a text holding its own
    /// examples, what it finds with the gate ignored; and a text without its keywords is skipped.
    #[test]
    fn gates_table() {
        use crate::engine::{Input, Normalized};
        // (text, a gated rule name that must find something in it)
        let rows: &[(&str, &str)] = &[
            ("write to ana@example.org", "email"),
            ("PAGER #54321 tonight", "pager"),
            ("Bpr 55037", "pager"),
            ("our PO BOX 1234", "po-box"),
            ("her username is lotte.vdb1988", "handle"),
            ("a Christmas Eve 2019 visit", "holiday"),
            ("she is NINETY-TWO YEARS OLD", "age"),
            ("lives on Calle Ocotillo", "street"),
            ("seen SEPT. 3RD, 2019", "date"),
            ("back on the 21ST", "date"),
            ("stopped taking it since3/14", "date"),
            ("on the third of May", "date"),
            ("Grandma (97) came", "age"),
            ("AGED 93 now", "age"),
            ("SSN 123-45-6789", "ssn"),
            ("Boston, MA 02118", "zip"),
            ("call 6175550142 today", "phone"),
            ("tel 01 23 45 67 89", "phone"),
            ("from 10.0.0.1 today", "ipv4"),
            ("call +44 20 7946 0572", "phone"),
            ("call 020 7946 0572", "phone"),
            ("call (617) 555-0142", "phone"),
            ("call 617555-0142", "phone"),
            ("at 40.7128° N, 74.0060° W", "coordinates"),
            ("card 4111 1111 1111 1111", "number"),
            ("she TURNED 101", "age"),
        ];
        let rules: Vec<Rule> = [contact::rules(), dates::rules(), ids::rules(), address::rules()].into_iter().flatten().collect();
        for &(text, name) in rows {
            let norm = Normalized::new(text);
            let input = Input::new(&norm);
            let gated: Vec<&Rule> = rules.iter().filter(|r| r.name == name && (!r.gate.is_empty() || r.check.is_some())).collect();
            assert!(!gated.is_empty(), "no gated {name} rule");
            let mut found = Vec::new();
            for r in &gated {
                r.recognize(&input, &mut found);
            }
            assert!(!found.is_empty(), "{name} found nothing in {text:?} (gate too narrow?)");
        }
        // every gated rule finds nothing at all in a text without its keywords
        let norm = Normalized::new("BP 120/80, HR 72, afebrile; family visited.");
        let plain = Input::new(&norm);
        let kw = plain.keywords();
        for r in rules.iter().filter(|r| !r.gate.is_empty()) {
            if !kw.any(r.gate) {
                assert!(r.hits(plain.text()).is_empty(), "{} matches without its gate keywords", r.name);
            }
        }
        // digit runs: (text, runs, longest, a 3-then-4 pair with a dash)
        let rows: &[(&str, &[(usize, usize)], usize, bool)] = &[
            ("", &[], 0, false),
            ("no digits", &[], 0, false),
            ("555-0142", &[(0, 3), (4, 4)], 4, true),
            ("5550-142", &[(0, 4), (5, 3)], 4, false),
            ("555 0142", &[(0, 3), (4, 4)], 4, false),
            ("x12345y 7", &[(1, 5), (8, 1)], 5, false),
        ];
        for &(text, want_runs, longest, pair) in rows {
            let k = Keywords::of(text);
            assert_eq!(k.digit_runs().collect::<Vec<_>>(), want_runs, "{text:?}");
            assert_eq!(k.longest_digit_run(), longest, "{text:?}");
            assert_eq!(k.digit_run_pair(text, 3..=3, b"-", 4..=4), pair, "{text:?}");
        }
        // (text, longest chain joined by " -" of runs <= 4, decimals with 2+ fraction digits,
        // four dotted runs of <= 3)
        let rows: &[(&str, usize, usize, bool)] = &[
            ("4111 1111-1111 1111", 16, 0, false),
            ("4111  1111 12345 1", 4, 0, false),
            ("40.7128, -74.0060 and 7.4", 4, 2, false),
            ("from 10.0.0.1 to", 2, 0, true),
            ("v1.2.3 then 1000.1.1.1", 4, 0, false),
        ];
        for &(text, chain, decimals, dotted) in rows {
            let k = Keywords::of(text);
            assert_eq!(k.longest_digit_chain(text, b" -", 4), chain, "{text:?}");
            assert_eq!(k.decimals(text, 2), decimals, "{text:?}");
            assert_eq!(k.dotted_runs(text, 4, b'.', 3), dotted, "{text:?}");
        }
    }

    /// A check must be a necessary condition: on texts holding the shapes a checked rule's regex
    /// matches, the check accepts the text (whatever the judge then decides).
    #[test]
    fn checks_accept_every_match() {
        // (text, the name of a checked rule whose regex matches in it)
        let rows: &[(&str, &str)] = &[
            ("see https://x.org/a today", "url"),
            ("see www.1example.com today", "url"),
            ("from fe80:0:0:0:1ff:fe23:4567:890a on", "ipv6"),
            ("from 2001:db8::1 on", "ipv6"),
            ("seen 3/14/2023 in clinic", "date"),
            ("seen 2023-03-14 in clinic", "date"),
            ("seen 14 Mar 2023 in clinic", "date"),
            ("seen 14-MAR-23 in clinic", "date"),
            ("since 01/2024 at home", "date"),
            ("seen 3/14 in clinic", "date"),
            ("a 94 yo woman", "age"),
            ("a 94-year-old woman", "age"),
            ("a 94\nyear old woman", "age"),
            ("born in 1942.", "year"),
            ("an MI in '92 then", "year"),
            ("She is 83 now", "age"),
            ("She turned  93 in May", "age"),
            ("room 108, is 96", "age"),
            ("Gordon Price, 71, came", "age"),
            ("O’Brien Price, 71, came", "age"),
            ("her husband, 95, came", "age"),
            ("(Haruki Mori, 97) moved in", "age"),
            ("98 s/p hip fx", "age"),
            ("note\n98 yo woman", "age"),
            ("lives at 12 Elm Street now", "address"),
            ("lives at 12B-3 North Elm St now", "address"),
            ("lives on Quarry Road now", "street"),
            ("London SE19 4QZ today", "postcode"),
            ("Ottawa K1A 0B1 today", "postcode"),
            ("seen March 3rd, 2021 in clinic", "date"),
            ("seen 3rd of March in clinic", "date"),
            ("seen 3 - 4 mar in clinic", "date"),
            ("seen Mar. the 3 in clinic", "date"),
            ("seen March, of 2021 in clinic", "date"),
            ("seen Mar '21 in clinic", "date"),
            ("on the twenty-third of May", "date"),
            ("she was across the hall in 12", "room"),
            ("Mrs. Smith in 4B", "room"),
            ("moved to room 822", "room"),
            ("in Rm. #4 now", "room"),
            ("on bed no. 2 now", "room"),
            ("in cubicle3 now", "room"),
            ("write jo [at] mail.com", "email"),
            ("write jo ( AT ) mail.com", "email"),
            ("write jo at mail dot com", "email"),
            ("write jo@x.org", "email"),
            ("labs on10/14/82 fine", "date"),
            ("stopped taking it SINCE3/14", "date"),
            ("back on the 21ST", "date"),
            ("due by the 3rd", "date"),
        ];
        let rules: Vec<Rule> = [contact::rules(), dates::rules(), ids::rules(), address::rules()].into_iter().flatten().collect();
        for &(text, name) in rows {
            let kw = Keywords::of(text);
            let mut matched = false;
            for r in rules.iter().filter(|r| r.check.is_some()) {
                if r.regex.is_match(text) {
                    matched |= r.name == name;
                    assert!((r.check.unwrap())(&kw, text), "{}: the check rejects {text:?}, which the regex matches", r.name);
                }
            }
            assert!(matched, "no checked {name} rule matches {text:?}");
        }
    }

    /// Digit runs found 64 bytes at a time are those of a byte-by-byte scan, wherever a run starts
    /// or ends relative to the blocks.
    #[test]
    fn digit_runs_across_blocks() {
        let naive = |b: &[u8]| {
            let mut runs = Vec::new();
            let mut i = 0;
            while i < b.len() {
                let start = i;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
                if i > start {
                    runs.push((start, i - start));
                } else {
                    i += 1;
                }
            }
            runs
        };
        for len in [0, 1, 63, 64, 65, 127, 128, 129, 200] {
            for (a, b) in [(0, 1), (62, 66), (63, 64), (64, 65), (60, 140), (0, 200), (127, 129), (1, 63)] {
                let text: Vec<u8> = (0..len).map(|i| if (a..b).contains(&i) || i % 29 == 3 { b'7' } else { b'x' }).collect();
                assert_eq!(digit_runs(&text), naive(&text), "len {len}, digits {a}..{b}");
            }
        }
        // every byte value, at every position of a block
        for c in 0..=255u8 {
            for i in 0..64 {
                let mut block = [b'x'; 64];
                block[i] = c;
                assert_eq!(digit_mask(&block), u64::from(c.is_ascii_digit()) << i, "byte {c} at {i}");
            }
        }
    }

    /// `ahead_of_time.in` lists patterns of rules (one that no rule uses any more, after an edit,
    /// would make its rule compile at run time again), and each of those rules gets the DFAs
    /// that build.rs made of it. `STORYSAFE_WRITE_AOT=1 cargo test --release ahead_of_time_list`
    /// rewrites the list with every rule's pattern.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn ahead_of_time_list() {
        const LISTED: &[&str] = include!("structured/ahead_of_time.in");
        let rules: Vec<Rule> = [contact::rules(), dates::rules(), ids::rules(), address::rules()].into_iter().flatten().collect();
        if std::env::var_os("STORYSAFE_WRITE_AOT").is_some() {
            let mut patterns: Vec<&str> = Vec::new();
            for r in &rules {
                if !patterns.contains(&r.regex.as_str()) {
                    patterns.push(r.regex.as_str());
                }
            }
            let mut list = String::from(AHEAD_OF_TIME_HEADER);
            list.push_str("&[\n");
            for p in patterns {
                list.push_str(&format!("    {p:?},\n"));
            }
            list.push_str("]\n");
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine/structured/ahead_of_time.in"), list).unwrap();
        }
        assert!(!LISTED.is_empty());
        for &pattern in LISTED {
            let users: Vec<&Rule> = rules.iter().filter(|r| r.regex.as_str() == pattern).collect();
            assert!(!users.is_empty(), "ahead_of_time.in lists a pattern no rule uses (rewrite the list): {pattern}");
            assert!(users.iter().all(|r| r.regex.is_ahead_of_time()), "{pattern} was not compiled ahead of time");
        }
    }

    /// The comment at the top of `ahead_of_time.in`.
    #[cfg(not(target_arch = "wasm32"))]
    const AHEAD_OF_TIME_HEADER: &str = "// The structured rules' patterns that build.rs compiles into DFAs for the native build (see\n\
        // build.rs and `Regex` in src/engine/pattern.rs), exactly as the rules write them: a rule\n\
        // whose pattern is not here is compiled at run time. Written by\n\
        // STORYSAFE_WRITE_AOT=1 cargo test --release ahead_of_time_list\n";

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
