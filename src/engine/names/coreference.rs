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
                        fold_into(w, &mut buf);
                        let f = super::word_flags(&buf);
                        if f & (flag::FUNC | flag::TRAP | flag::PARTICLE | flag::CRED | flag::TITLE | flag::KIN | flag::ROLE | flag::UNIT) != 0 {
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
                            keys.push(Key { text: w.to_ascii_lowercase(), category: Category::Name, cap_only: common });
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
                    if part.len() < 3 || (all_common && mode != CaseMode::Mixed) || (start..end).any(|k| doc.has(k, flag::TRAP | flag::UNIT)) {
                        continue;
                    }
                    if seen.insert((part.to_ascii_lowercase(), s.category)) {
                        keys.push(Key { text: part.to_ascii_lowercase(), category: s.category, cap_only: all_common });
                    }
                }
                _ => {}
            }
        }
        if keys.is_empty() {
            return;
        }
        let lower = text.to_ascii_lowercase();
        let b = text.as_bytes();
        let mut added = Vec::new();
        for k in &keys {
            let mut from = 0;
            while let Some(p) = lower[from..].find(k.text.as_str()) {
                let s = from + p;
                let e = s + k.text.len();
                from = s + lower[s..].chars().next().map_or(1, char::len_utf8);
                let before_ok = s == 0 || !is_word_byte(text, s, true);
                let after_ok = e >= b.len() || !is_word_byte(text, e, false) || (lower[e..].starts_with("'s") && (e + 2 >= b.len() || !is_word_byte(text, e + 2, false)));
                if !before_ok || !after_ok {
                    continue;
                }
                let first = text[s..].chars().next().unwrap();
                if k.cap_only && (!first.is_uppercase() || at_sentence_start(text, s)) {
                    continue;
                }
                if mode == CaseMode::Mixed && k.category == Category::Name && !first.is_uppercase() && COMMON_WORDS.contains(&k.text) {
                    continue;
                }
                if spans.iter().any(|x| x.start <= s && e <= x.end) {
                    continue;
                }
                added.push(Span::new(s, e, k.category, 0.6, "coreference", "another mention of a name found elsewhere in the text"));
            }
        }
        // initials: "R.A." / "R. A."
        for (a, c) in initials {
            for pat in [format!("{a}.{c}."), format!("{a}. {c}.")] {
                let mut from = 0;
                while let Some(p) = text[from..].find(pat.as_str()) {
                    let s = from + p;
                    from = s + 1;
                    if s > 0 && is_word_byte(text, s, true) {
                        continue;
                    }
                    added.push(Span::new(s, s + pat.len(), Category::Name, 0.6, "coreference", "the initials of a name found elsewhere in the text"));
                }
            }
        }
        spans.extend(added);
    }
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
        ];
        for &(text, want) in rows {
            assert_eq!(names(text), want, "{text}");
        }
    }
}
