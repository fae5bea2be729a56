//! Coreference: once a name is found, its other mentions in the same text are found too.
//!
//! "Rosa Alvarez" found once means that "Rosa", "ALVAREZ", "Mrs. Alvarez" and "R.A." elsewhere in
//! the story are the same person. Places and organizations spread the same way ("Calvert
//! Hospital" ... "at Calvert").
//!
//! Care is taken with words that are also ordinary words: "Bill" spreads only to capitalized
//! "Bill" in mixed-case text (never to "the bill"), and not at all in notes typed without case;
//! trap words ("Foley") do not spread.

use std::collections::HashSet;

use aho_corasick::{AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::dictionaries::{fold_into, COMMON_WORDS};
use super::shape::{tokenize, CaseMode};
use super::{flag, Doc};
use crate::engine::{Category, Input, Refiner, Span};

/// The refiner that adds the other mentions of found names, places and organizations.
pub struct Coreference;

struct Key {
    /// Lowercase (ASCII-lowered) text to look for.
    text: String,
    category: Category,
    /// Only capitalized occurrences count (a common word in mixed-case text).
    cap_only: bool,
    /// Found with strong context (a title, a kinship word): capitalized mentions count even at the
    /// start of a sentence ("Rich met us").
    strong: bool,
    /// An eponym or drug word found as a name by context ("tay" speaking in a chat): it spreads only
    /// to a mention quoted alone (`I was "tay."`).
    trap: bool,
}

impl Refiner for Coreference {
    fn name(&self) -> &'static str {
        "coreference"
    }

    fn refine(&self, input: &Input<'_>, spans: &mut Vec<Span>) {
        let text = input.text();
        if !spans.iter().any(|s| matches!(s.category, Category::Name | Category::Location | Category::Organization)) {
            return;
        }
        let mode = super::shape::case_mode(text);
        let mut keys: Vec<Key> = Vec::new();
        let mut seen = HashSet::new();
        let mut initials: Vec<(char, char)> = Vec::new();
        let mut buf = String::new();
        for s in spans.iter() {
            let phrase = &text[s.start..s.end];
            match s.category {
                Category::Name => {
                    let toks = tokenize(phrase);
                    let parts: Vec<&str> = toks.iter().map(|t| &phrase[t.s..t.e]).filter(|w| w.chars().count() >= 2).collect();
                    if parts.len() >= 2 {
                        let a = parts[0].chars().next().unwrap();
                        let b = parts[parts.len() - 1].chars().next().unwrap();
                        if a.is_alphabetic() && b.is_alphabetic() {
                            initials.push((a.to_ascii_uppercase(), b.to_ascii_uppercase()));
                        }
                    }
                    for w in parts {
                        let w = w.strip_suffix("'s").unwrap_or(w);
                        if w.contains('\'') && w.len() <= 5 {
                            continue; // "I'm", "we'd"
                        }
                        fold_into(w, &mut buf);
                        let f = super::word_flags(&buf);
                        if f & (flag::FUNC | flag::NOT_NAME | flag::PARTICLE | flag::CRED | flag::TITLE | flag::KIN | flag::ROLE | flag::UNIT) != 0 {
                            continue;
                        }
                        let trap = f & flag::TRAP != 0;
                        if trap && (s.score < 0.7 || f & flag::CALENDAR != 0) {
                            continue;
                        }
                        let common = COMMON_WORDS.contains(&buf);
                        if buf.chars().count() < 3 || (w.len() <= 3 && w.bytes().all(|c| c.is_ascii_uppercase())) {
                            continue;
                        }
                        if common && mode != CaseMode::Mixed {
                            continue;
                        }
                        if seen.insert((w.to_ascii_lowercase(), Category::Name)) {
                            keys.push(Key { text: w.to_ascii_lowercase(), category: Category::Name, cap_only: common, strong: s.score >= 0.8, trap });
                        }
                    }
                }
                Category::Location | Category::Organization => {
                    // the distinctive part before the head nouns ("Calvert" of "Calvert Hospital")
                    let doc = Doc::new(phrase);
                    let mut end = doc.toks.len();
                    while end > 0 && doc.has(end - 1, flag::ORG_HEAD | flag::PLACE_SUFFIX | flag::STREET) {
                        end -= 1;
                    }
                    let mut start = 0;
                    while start < end && doc.has(start, flag::SAINT | flag::FUNC) {
                        start += 1;
                    }
                    if start >= end {
                        continue;
                    }
                    let part = &phrase[doc.toks[start].s..doc.toks[end - 1].e];
                    let all_common = (start..end).all(|k| doc.is_common(k) || doc.has(k, flag::ORG_HEAD));
                    if part.len() < 3 || (all_common && mode != CaseMode::Mixed) || (start..end).any(|k| doc.has(k, flag::TRAP | flag::UNIT | flag::NOT_NAME)) {
                        continue;
                    }
                    if seen.insert((part.to_ascii_lowercase(), s.category)) {
                        keys.push(Key { text: part.to_ascii_lowercase(), category: s.category, cap_only: all_common, strong: false, trap: false });
                    }
                }
                _ => {}
            }
        }
        if keys.is_empty() {
            return;
        }
        let mentions = find_all(text, keys.iter().map(|k| k.text.as_str()).collect(), true);
        let covered = Covered::new(spans);
        let b = text.as_bytes();
        let mut added = Vec::new();
        for (key, s, e) in mentions {
            let k = &keys[key];
            let before_ok = s == 0 || !is_word_byte(text, s, true);
            let after_ok = e >= b.len() || !is_word_byte(text, e, false) || (b[e..].len() >= 2 && b[e..e + 2].eq_ignore_ascii_case(b"'s") && (e + 2 >= b.len() || !is_word_byte(text, e + 2, false)));
            if !before_ok || !after_ok {
                continue;
            }
            let first = text[s..].chars().next().unwrap();
            if k.trap && !quoted_alone(text, s, e) {
                continue;
            }
            // "grace is tired. send her to bed.": a message quoted as typed, all in lowercase
            let lower_quote = k.category == Category::Name
                && !first.is_uppercase()
                && (k.cap_only || mode == CaseMode::Mixed && COMMON_WORDS.contains(&k.text))
                && in_lowercase_quote(text, s, e);
            if k.cap_only && !lower_quote && (!first.is_uppercase() || !k.strong && at_sentence_start(text, s)) {
                continue;
            }
            if mode == CaseMode::Mixed && k.category == Category::Name && !first.is_uppercase() && !lower_quote && COMMON_WORDS.contains(&k.text) {
                continue;
            }
            if covered.contains(s, e) {
                continue;
            }
            // "CARAFATE-W. MAROTTA": an initial right before another mention belongs to it
            let s = initial_before(text, s);
            added.push(Span::new(s, e, k.category, 0.6, "coreference", "another mention of a name found elsewhere in the text"));
        }
        // initials: "R.A." / "R. A.", every pair in one pass
        initials.sort_unstable();
        initials.dedup();
        let pats: Vec<String> = initials.iter().flat_map(|(a, c)| [format!("{a}.{c}."), format!("{a}. {c}.")]).collect();
        for (_, s, e) in find_all(text, pats.iter().map(String::as_str).collect(), false) {
            if s > 0 && is_word_byte(text, s, true) {
                continue;
            }
            added.push(Span::new(s, e, Category::Name, 0.6, "coreference", "the initials of a name found elsewhere in the text"));
        }
        spans.extend(added);
    }
}

/// Every occurrence (overlapping ones too) of every pattern in `text`: (pattern index, start, end),
/// on character boundaries; ASCII case-insensitive when `fold` (the patterns are then ASCII
/// lowercase). A short text with few patterns is searched once per pattern; otherwise one
/// automaton finds them all in one pass (one search per pattern grew with patterns × length and
/// took seconds on a 100,000-word paste, while building an automaton costs more than searching a
/// short note a few times).
fn find_all(text: &str, patterns: Vec<&str>, fold: bool) -> Vec<(usize, usize, usize)> {
    let one_by_one = patterns.len() * text.len() <= 1 << 20;
    find_all_by(text, patterns, fold, one_by_one)
}

/// [`find_all`] with the way of searching chosen: one pattern at a time, or one automaton.
fn find_all_by(text: &str, patterns: Vec<&str>, fold: bool, one_by_one: bool) -> Vec<(usize, usize, usize)> {
    let mut hits = Vec::new();
    if one_by_one {
        let hay: std::borrow::Cow<'_, str> = if fold { text.to_ascii_lowercase().into() } else { text.into() };
        for (k, p) in patterns.iter().enumerate() {
            // (a SIMD search of the bytes: a match of a whole UTF-8 pattern starts on a char boundary)
            let finder = memchr::memmem::Finder::new(p.as_bytes());
            let mut from = 0;
            while let Some(at) = finder.find(&hay.as_bytes()[from..]) {
                let s = from + at;
                hits.push((k, s, s + p.len()));
                from = s + hay[s..].chars().next().map_or(1, char::len_utf8);
            }
        }
    } else if let Ok(ac) = AhoCorasickBuilder::new().ascii_case_insensitive(fold).match_kind(MatchKind::Standard).kind(Some(AhoCorasickKind::ContiguousNFA)).build(&patterns) {
        hits.extend(ac.find_overlapping_iter(text).map(|m| (m.pattern().as_usize(), m.start(), m.end())));
    }
    hits.retain(|&(_, s, e)| text.is_char_boundary(s) && text.is_char_boundary(e));
    // pattern by pattern, each in text order, whichever way they were found
    hits.sort_unstable();
    hits
}

/// The ranges of a set of spans, sorted, to answer "is this range inside one of them?" in
/// logarithmic time.
struct Covered {
    /// (start, end) sorted by start.
    ranges: Vec<(usize, usize)>,
    /// `max_end[i]`: the largest end among `ranges[..=i]`.
    max_end: Vec<usize>,
}

impl Covered {
    fn new(spans: &[Span]) -> Covered {
        let mut ranges: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        ranges.sort_unstable();
        let max_end = ranges.iter().scan(0, |m, &(_, e)| {
            *m = (*m).max(e);
            Some(*m)
        });
        Covered { max_end: max_end.collect(), ranges }
    }

    /// True when some range starts at or before `s` and ends at or after `e`.
    fn contains(&self, s: usize, e: usize) -> bool {
        let n = self.ranges.partition_point(|&(start, _)| start <= s);
        n > 0 && self.max_end[n - 1] >= e
    }
}

/// The start of a capital initial and a period right before byte `s` ("W. " of "W. MAROTTA"), or
/// `s` itself.
fn initial_before(text: &str, s: usize) -> usize {
    let b = text.as_bytes();
    if s >= 3 && &b[s - 2..s] == b". " && b[s - 3].is_ascii_uppercase() && (s == 3 || !b[s - 4].is_ascii_alphanumeric()) {
        s - 3
    } else {
        s
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// True when the mention at `s..e` is all there is between a pair of quotes, but for trailing
/// punctuation (`I was "tay."`).
fn quoted_alone(text: &str, s: usize, e: usize) -> bool {
    let opens = text[..s].chars().next_back().is_some_and(is_quote);
    let rest = text[e..].trim_start_matches(['.', ',', '!', '?']);
    opens && rest.chars().next().is_some_and(is_quote)
}

/// True when the mention at `s..e` is inside a quotation on one line typed without any capital
/// letter (a text message quoted as typed).
fn in_lowercase_quote(text: &str, s: usize, e: usize) -> bool {
    let line_start = text[..s].rfind('\n').map_or(0, |p| p + 1);
    let line_end = text[e..].find('\n').map_or(text.len(), |p| e + p);
    let before = &text[line_start..s];
    if before.chars().filter(|&c| is_quote(c)).count() % 2 == 0 {
        return false;
    }
    let Some(open) = before.rfind(is_quote) else { return false };
    let Some(close) = text[e..line_end].find(is_quote) else { return false };
    let inner = &text[line_start + open + 1..e + close];
    inner.len() >= 12 && inner.contains(' ') && !inner.chars().any(char::is_uppercase)
}

/// True when only spaces, quotes or brackets separate byte `s` from a sentence end or line start.
fn at_sentence_start(text: &str, s: usize) -> bool {
    match text[..s].trim_end_matches([' ', '"', '(', '\'', '\t']).chars().next_back() {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | '\n' | ':' | ';' | '*' | '-' | '•'),
    }
}

/// True when the character just before (`before`) or at byte `at` is a letter or digit.
fn is_word_byte(text: &str, at: usize, before: bool) -> bool {
    let c = if before { text[..at].chars().next_back() } else { text[at..].chars().next() };
    c.is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use crate::engine::default_engine;

    fn names(text: &str) -> Vec<&str> {
        default_engine().scan(text).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn coreference_table() {
        let rows: &[(&str, &[&str])] = &[
            ("Her daughter Rosa Alvarez came. Later Rosa cried and Mrs. Alvarez left. R.A. signed.", &["Rosa Alvarez", "Rosa", "Alvarez", "R.A."]),
            ("dr healey saw her. HEALEY will call.", &["healey", "HEALEY"]),
            // a common word spreads only to its capitalized form
            ("My husband Bill Strong paid the bill. Later, Bill was strong.", &["Bill Strong", "Bill"]),
            // regression: a match right before a multi-byte letter must not split it
            ("Her son Zoë Ana came; ana and Zoë.", &["Zoë Ana", "ana", "Zoë"]),
            ("Taken to Calvert Hospital. At Calvert she improved.", &["Calvert Hospital", "Calvert"]),
            // one pass finds every key: an upper-case possessive, and both forms of the initials
            ("Her son Tomas Reyes came. Later TOMAS'S wife and T.R. and T. R. left.", &["Tomas Reyes", "TOMAS", "T.R.", "T. R."]),
            // a message quoted as typed, in lowercase, names the people found elsewhere
            ("Her aunt Hope came. The text read: \"hope is asleep. call me later.\" We had hope.", &["Hope", "hope"]),
            // an eponym word found as a chat speaker spreads only to a mention quoted alone
            ("[8:02 PM] paget: on it. Later I was \"paget.\" Paget disease aside.", &["paget", "paget"]),
            // an initial glued by a hyphen to the word before
            ("PER K. LOWENTHAL. GIVEN LASIX-K. LOWENTHAL AWARE.", &["K. LOWENTHAL", "K. LOWENTHAL"]),
        ];
        for &(text, want) in rows {
            assert_eq!(names(text), want, "{text}");
        }
    }

    /// Both ways of finding the mentions give the same hits in the same order (overlapping
    /// patterns, repeats, case, multi-byte letters next to a match).
    #[test]
    fn both_searches_agree() {
        let text = "Ana ANA anabel. Zoë Ana, ana's; R.A. and R. A. and RA. ÄnA ana";
        for (patterns, fold) in [(vec!["ana", "anabel", "na", "zoë"], true), (vec!["R.A.", "R. A.", "A."], false)] {
            let a = super::find_all_by(text, patterns.clone(), fold, true);
            let b = super::find_all_by(text, patterns, fold, false);
            assert!(!a.is_empty());
            assert_eq!(a, b);
        }
    }

    /// Regression: each key used to be searched for across the whole text, which grew with the
    /// number of names times the length (seconds for a 100,000-word paste). Mentions far apart in a
    /// long text are all still found, and each exactly once.
    #[test]
    fn long_text_finds_every_mention_once() {
        let mut text = String::from("Her daughter Rosa Alvarez came with her son Tafadzwa Moyo.\n");
        for i in 0..400 {
            text.push_str(&format!("Visit {i}: the rain did not stop and the clinic was quiet. Rosa called Tafadzwa.\n"));
        }
        let spans = crate::engine::default_engine().scan(&text);
        let count = |w: &str| spans.iter().filter(|s| &text[s.start..s.end] == w).count();
        assert_eq!(count("Rosa"), 400);
        assert_eq!(count("Tafadzwa"), 400);
        let mut ranges: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        ranges.dedup();
        assert_eq!(ranges.len(), spans.len(), "no mention is reported twice");
    }
}
