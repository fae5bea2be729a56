//! The clinician's review: per-finding decisions, manual redactions, allow and deny lists, and
//! how they combine with the engine's spans into the spans that are actually replaced.
//!
//! Decisions must survive edits and re-scans, so they are never keyed by offsets (which move as
//! the user types). A decision about one finding is keyed by a [`FindingKey`]: the finding's exact
//! text, its category as the engine reported it, and which occurrence of that (text, category)
//! it is, counting from the start. A decision "for every occurrence" is keyed by the text alone,
//! compared without case or accents. A one-finding decision beats an every-occurrence one.
//!
//! Precedence for each finding, strongest first: a decision of the user; the deny list
//! (always redacted); the allow list (never redacted); the engine. Manual redactions (a selection
//! the engine missed) are always redacted and are added on top.
//!
//! Manual redactions are byte ranges, so they are moved along with edits: an edit is seen as one
//! changed region (common prefix and suffix of the old and new text); ranges before it stay,
//! ranges after it shift, and a range the edit touched is looked for again nearby by its text,
//! or dropped when its text is gone.

use std::borrow::Cow;

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use crate::engine::operators::people::fold;
use crate::engine::{resolve, Category, Span};

/// Identifies one finding independently of offsets.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FindingKey {
    /// The finding's text, exactly as written.
    pub text: String,
    /// The category the engine gave it.
    pub category: Category,
    /// Which occurrence of this (text, category) pair it is, from 0, in text order.
    pub occurrence: usize,
}

/// What the user decided about a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "verdict", content = "category")]
pub enum Verdict {
    /// Keep it redacted (the default; stated explicitly to override an every-occurrence decision
    /// or the allow list for this finding).
    Redact,
    /// Not an identifier: leave the text as written.
    NotIdentifier,
    /// Redact it, but as another category.
    Category(Category),
}

/// A decision, either for one finding or for every occurrence of its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The finding decided about (for an every-occurrence decision, only `text` matters).
    pub key: FindingKey,
    /// True when the decision applies to every occurrence of the text, whatever its category.
    pub every: bool,
    /// The decision.
    pub verdict: Verdict,
}

/// A range the user selected and redacted by hand.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manual {
    /// Start byte offset in the current text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The category chosen for it.
    pub category: Category,
    /// The selected text, to find the range again after edits.
    pub text: String,
    /// True to redact every whole-word occurrence of the text, not just this one.
    pub every: bool,
}

/// A word or phrase to redact wherever it appears (the personal deny list).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DenyWord {
    /// The word or phrase, matched as whole words without regard to case.
    pub text: String,
    /// The category to report it under.
    pub category: Category,
}

/// Why a finding is in the state it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Redacted (the default).
    Redacted,
    /// The user marked it "not an identifier".
    NotIdentifier,
    /// On the allow list: left as written.
    Allowed,
}

/// One finding of the last scan, as the review shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The span with its *effective* category (after a "change category" decision).
    pub span: Span,
    /// The key decisions about it are stored under.
    pub key: FindingKey,
    /// Redacted or not, and why.
    pub status: Status,
    /// True when a decision of the user applies to it.
    pub decided: bool,
}

/// Recognizer name of findings that come from the deny list.
pub const DENY_RECOGNIZER: &str = "deny-list";
/// Recognizer name of manual redactions.
pub const MANUAL_RECOGNIZER: &str = "manual";

/// A case-insensitive whole-word matcher for a set of phrases (`None` when the set is empty).
fn phrase_regex<'a>(phrases: impl Iterator<Item = &'a str>) -> Option<Regex> {
    let mut alts: Vec<String> = phrases.map(str::trim).filter(|p| !p.is_empty()).map(regex::escape).collect();
    if alts.is_empty() {
        return None;
    }
    alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
    let pattern = format!("(?:{})", alts.join("|"));
    RegexBuilder::new(&pattern).case_insensitive(true).build().ok()
}

fn is_word_boundary(text: &str, at: usize, before: bool) -> bool {
    let c = if before { text[..at].chars().next_back() } else { text[at..].chars().next() };
    c.is_none_or(|c| !c.is_alphanumeric())
}

/// Every whole-word, case-insensitive occurrence of any of `phrases` in `text`.
pub fn find_phrases<'a>(text: &str, phrases: impl Iterator<Item = &'a str>) -> Vec<(usize, usize)> {
    let Some(re) = phrase_regex(phrases) else { return Vec::new() };
    re.find_iter(text)
        .filter(|m| !m.is_empty() && is_word_boundary(text, m.start(), true) && is_word_boundary(text, m.end(), false))
        .map(|m| (m.start(), m.end()))
        .collect()
}

/// Combines the engine's spans with the deny list, the allow list and the decisions.
pub fn findings(text: &str, engine: &[Span], deny: &[DenyWord], allow: &[String], decisions: &[Decision]) -> Vec<Finding> {
    let mut spans: Vec<Span> = engine.to_vec();
    for d in deny {
        for (s, e) in find_phrases(text, std::iter::once(d.text.as_str())) {
            spans.push(Span::new(s, e, d.category, 1.0, DENY_RECOGNIZER, "on your always-redact list"));
        }
    }
    let spans = if deny.is_empty() { spans } else { resolve(spans) };
    let allow: Vec<String> = allow.iter().map(|a| fold(a.trim())).filter(|a| !a.is_empty()).collect();
    let mut seen: std::collections::HashMap<(String, Category), usize> = Default::default();
    spans
        .into_iter()
        .map(|span| {
            let t = &text[span.start..span.end];
            let n = seen.entry((t.to_string(), span.category)).or_insert(0);
            let key = FindingKey { text: t.to_string(), category: span.category, occurrence: *n };
            *n += 1;
            let folded = fold(t.trim());
            let decision = decisions
                .iter()
                .rev()
                .find(|d| !d.every && d.key == key)
                .or_else(|| decisions.iter().rev().find(|d| d.every && fold(d.key.text.trim()) == folded));
            let mut span = span;
            let mut status = if span.recognizer != DENY_RECOGNIZER && allow.contains(&folded) {
                Status::Allowed
            } else {
                Status::Redacted
            };
            if let Some(d) = decision {
                status = match d.verdict {
                    Verdict::Redact => Status::Redacted,
                    Verdict::NotIdentifier => Status::NotIdentifier,
                    Verdict::Category(c) => {
                        span.category = c;
                        Status::Redacted
                    }
                };
            }
            Finding { span, key, status, decided: decision.is_some() }
        })
        .collect()
}

/// The spans to replace: redacted findings plus manual redactions.
pub fn effective_spans(text: &str, findings: &[Finding], manual: &[Manual]) -> Vec<Span> {
    let mut out: Vec<Span> = findings.iter().filter(|f| f.status == Status::Redacted).map(|f| f.span.clone()).collect();
    for m in manual {
        let reason: Cow<'static, str> = Cow::Borrowed("selected and redacted by hand");
        if m.every {
            for (s, e) in find_phrases(text, std::iter::once(m.text.as_str())) {
                out.push(Span::new(s, e, m.category, 1.0, MANUAL_RECOGNIZER, reason.clone()));
            }
        }
        if m.end <= text.len() && m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end) {
            out.push(Span::new(m.start, m.end, m.category, 1.0, MANUAL_RECOGNIZER, reason));
        }
    }
    out.sort_by_key(|s| (s.start, s.end));
    out
}

/// The byte lengths of the common start and end of two texts (on character boundaries, not
/// overlapping): what an edit left untouched.
pub fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut p = x.iter().zip(y).take_while(|(c, d)| c == d).count();
    while !a.is_char_boundary(p) || !b.is_char_boundary(p) {
        p -= 1;
    }
    let max = x.len().min(y.len()) - p;
    let mut q = x.iter().rev().zip(y.iter().rev()).take(max).take_while(|(c, d)| c == d).count();
    while !a.is_char_boundary(a.len() - q) || !b.is_char_boundary(b.len() - q) {
        q -= 1;
    }
    (p, q)
}

/// Moves manual redactions along with an edit from `old` to `new` (see the module docs); drops
/// those whose text is gone.
pub fn relocate(manual: &mut Vec<Manual>, old: &str, new: &str) {
    if manual.is_empty() {
        return;
    }
    let (prefix, suffix) = common_ends(old, new);
    let old_tail = old.len() - suffix;
    manual.retain_mut(|m| {
        if m.end <= prefix {
            return true;
        }
        if m.start >= old_tail {
            m.start = m.start - old_tail + (new.len() - suffix);
            m.end = m.end - old_tail + (new.len() - suffix);
            return true;
        }
        // The edit touched the range: find its text again, nearest to where it was.
        let best = new.match_indices(m.text.as_str()).map(|(i, _)| i).min_by_key(|&i| i.abs_diff(m.start));
        match best {
            Some(i) if !m.text.is_empty() => {
                m.start = i;
                m.end = i + m.text.len();
                true
            }
            _ => false,
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Category::*;

    fn sp(text: &str, needle: &str, nth: usize, cat: Category) -> Span {
        let i = text.match_indices(needle).nth(nth).expect("needle").0;
        Span::new(i, i + needle.len(), cat, 0.8, "test", "test")
    }

    fn shown(text: &str, f: &[Finding]) -> Vec<(String, Category, Status)> {
        f.iter().map(|f| (text[f.span.start..f.span.end].to_string(), f.span.category, f.status)).collect()
    }

    #[test]
    fn common_ends_table() {
        // (old, new, common start, common end): never overlapping, never inside a character
        let rows: &[(&str, &str, usize, usize)] = &[
            ("Rosa came", "Rosa came", 9, 0),
            ("Rosa came", "Rosa  came", 5, 4),
            ("aaa", "aa", 2, 0),
            ("", "abc", 0, 0),
            ("Zoë came", "Zoé came", 2, 5),
            ("né", "ne", 1, 0),
        ];
        for &(a, b, p, q) in rows {
            assert_eq!(common_ends(a, b), (p, q), "{a:?} -> {b:?}");
        }
    }

    #[test]
    fn decisions_table() {
        let text = "June saw June in June. Hope called.";
        let engine = vec![sp(text, "June", 0, Name), sp(text, "June", 1, Name), sp(text, "June", 2, Date), sp(text, "Hope", 0, Name)];
        let key = |t: &str, c, n| FindingKey { text: t.into(), category: c, occurrence: n };
        let d = |k, every, verdict| Decision { key: k, every, verdict };
        type Row = (Vec<Decision>, Vec<String>, Vec<Status>, Vec<Category>);
        let rows: Vec<Row> = vec![
            // no decisions: everything redacted
            (vec![], vec![], vec![Status::Redacted; 4], vec![Name, Name, Date, Name]),
            // one occurrence rejected
            (vec![d(key("June", Date, 0), false, Verdict::NotIdentifier)], vec![], vec![Status::Redacted, Status::Redacted, Status::NotIdentifier, Status::Redacted], vec![Name, Name, Date, Name]),
            // every occurrence rejected, then one re-instated
            (
                vec![d(key("june", Name, 0), true, Verdict::NotIdentifier), d(key("June", Name, 1), false, Verdict::Redact)],
                vec![],
                vec![Status::NotIdentifier, Status::Redacted, Status::NotIdentifier, Status::Redacted],
                vec![Name, Name, Date, Name],
            ),
            // category changed for every occurrence
            (vec![d(key("June", Date, 0), true, Verdict::Category(Location))], vec![], vec![Status::Redacted; 4], vec![Location, Location, Location, Name]),
            // allow list, overridden for one finding by a decision
            (
                vec![d(key("Hope", Name, 0), false, Verdict::Redact)],
                vec!["hope".into(), " JUNE ".into()],
                vec![Status::Allowed, Status::Allowed, Status::Allowed, Status::Redacted],
                vec![Name, Name, Date, Name],
            ),
        ];
        for (decisions, allow, status, cats) in rows {
            let f = findings(text, &engine, &[], &allow, &decisions);
            let got: Vec<Status> = f.iter().map(|f| f.status).collect();
            let got_cats: Vec<Category> = f.iter().map(|f| f.span.category).collect();
            assert_eq!(got, status, "{decisions:?} {allow:?}");
            assert_eq!(got_cats, cats, "{decisions:?}");
        }
    }

    #[test]
    fn deny_list_adds_findings_and_beats_allow() {
        let text = "Quartermain ward; quartermain again. Quartermains no.";
        let deny = vec![DenyWord { text: "Quartermain".into(), category: Location }];
        let f = findings(text, &[], &deny, &["quartermain".into()], &[]);
        assert_eq!(
            shown(text, &f),
            vec![("Quartermain".into(), Location, Status::Redacted), ("quartermain".into(), Location, Status::Redacted)]
        );
        assert!(f.iter().all(|f| f.span.recognizer == DENY_RECOGNIZER));
    }

    #[test]
    fn whole_words_only() {
        // text, phrase, matches
        let rows: &[(&str, &str, &[&str])] = &[
            ("Ed edits Ed.", "ed", &["Ed", "Ed"]),
            ("Zoë and ZOË", "zoë", &["Zoë", "ZOË"]),
            ("St. Agnes, st. agnes", "St. Agnes", &["St. Agnes", "st. agnes"]),
            ("a+b a+b", "a+b", &["a+b", "a+b"]),
            ("x", "  ", &[]),
        ];
        for &(text, phrase, want) in rows {
            let got: Vec<&str> = find_phrases(text, std::iter::once(phrase)).into_iter().map(|(s, e)| &text[s..e]).collect();
            assert_eq!(got, want, "{phrase:?} in {text:?}");
        }
    }

    #[test]
    fn manual_redactions_follow_edits() {
        let old = "Seen by Ana at Quarry Road.";
        let m = |t: &str| {
            let i = old.find(t).unwrap();
            Manual { start: i, end: i + t.len(), category: Location, text: t.into(), every: false }
        };
        // new text, expected remaining manual texts
        let rows: &[(&str, &[&str])] = &[
            ("Seen by Ana at Quarry Road.", &["Ana", "Quarry Road"]),
            ("Later: seen by Ana at Quarry Road.", &["Ana", "Quarry Road"]),
            ("Seen by Ana at Quarry Road. Discharged.", &["Ana", "Quarry Road"]),
            ("Seen by Dr Ana at Quarry Road.", &["Ana", "Quarry Road"]),
            ("Seen by Bo at Quarry Road.", &["Quarry Road"]),
            ("Seen by Ana at Quarry Rd.", &["Ana"]),
            ("Seen by Ana at the old Quarry Road.", &["Ana", "Quarry Road"]),
            ("", &[]),
        ];
        for &(new, want) in rows {
            let mut manual = vec![m("Ana"), m("Quarry Road")];
            relocate(&mut manual, old, new);
            let got: Vec<&str> = manual.iter().map(|m| &new[m.start..m.end]).collect();
            assert_eq!(got, want, "{new:?}");
        }
    }

    #[test]
    fn manual_every_occurrence() {
        let text = "Bo met Bo's Bob.";
        let manual = vec![Manual { start: 0, end: 2, category: Name, text: "Bo".into(), every: true }];
        let spans = effective_spans(text, &[], &manual);
        let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, vec!["Bo", "Bo", "Bo"], "duplicates are merged later by apply()");
    }
}
