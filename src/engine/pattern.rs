//! A recognizer built from one regular expression, with an optional validator (checksums, context).

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder};

use super::{Category, Input, Recognizer, Span};

/// Decides whether a regex match is a real finding, and may adjust its score.
/// Receives the whole text and the match range; returns `None` to reject, or the score to use.
pub type Validator = fn(text: &str, start: usize, end: usize, score: f32) -> Option<f32>;

/// A recognizer that reports every match of a regex (or of one capture group named `id`).
pub struct PatternRecognizer {
    /// Stable recognizer name.
    pub name: &'static str,
    /// The pattern, compiled once on first use.
    pub regex: &'static LazyLock<Regex>,
    /// The category of every match.
    pub category: Category,
    /// Base score.
    pub score: f32,
    /// Why a match is flagged, shown to the user.
    pub reason: &'static str,
    /// Optional check run on each match.
    pub validate: Option<Validator>,
}

impl Recognizer for PatternRecognizer {
    fn name(&self) -> &'static str {
        self.name
    }

    fn recognize(&self, input: &Input<'_>, out: &mut Vec<Span>) {
        let text = input.text();
        for caps in self.regex.captures_iter(text) {
            let m = caps.name("id").or_else(|| caps.get(0)).expect("group 0 always matches");
            let mut score = self.score;
            if let Some(v) = self.validate {
                match v(text, m.start(), m.end(), score) {
                    Some(s) => score = s,
                    None => continue,
                }
            }
            out.push(Span::new(m.start(), m.end(), self.category, score, self.name, self.reason));
        }
    }
}

/// Compiles a pattern in ASCII mode: `\d`, `\s`, `\w`, `\b`, `[a-z]` and `(?i)` mean their ASCII
/// forms, as if the whole pattern were wrapped in `(?-u:...)`.
///
/// The engine matches [normalized](super::normalize) text, where other-script digits, unusual
/// spaces, dashes and quotes are already folded to ASCII, so Unicode classes add nothing there;
/// but they multiply the size of the automata (Unicode `\d` is 680 code points, `(?i)` folds
/// `k` to the Kelvin sign), which made compilation the bulk of start-up and slowed matching.
/// A pattern that needs a Unicode class says so locally: `(?u:[^\s<>])`. A few non-ASCII
/// characters are better written as alternatives than put in a class: `(?:[a-z']|’)` rather than
/// `(?u:[a-z'’])` (the same matches; outside a class a literal such as `’` or `°` works as is).
/// Compiling any Unicode class allocates and fills a 400 KB table in the regex compiler, once
/// per pattern: 160 fewer page faults at start-up once the six patterns that had one were
/// rewritten.
pub fn ascii(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).unicode(false).build()
}

#[cfg(test)]
mod tests {
    use super::ascii;

    #[test]
    fn ascii_mode_table() {
        // (pattern, text, matches)
        let rows: &[(&str, &str, bool)] = &[
            (r"^\d+$", "0142", true),
            // another script's digits are folded by normalization, never matched directly
            (r"^\d+$", "٠١٤٢", false),
            (r"(?i)^kelvin$", "KELVIN", true),
            (r"(?i)^k$", "\u{212A}", false),
            (r"^a\sb$", "a b", true),
            (r"^a\sb$", "a\u{2028}b", false),
            (r"^(?u:[a-z'’])+$", "o’neil", true),
            (r"^(?:[a-z']|’)+$", "o’neil", true),
            (r"^(?:[a-z']|’)+$", "o\u{2019}\u{2019}x", true),
            (r"^(?:[a-z']|’)+$", "o‘neil", false),
            (r"^\d+\s*°$", "37 °", true),
            (r"^x(?u:[^\s])+$", "xé€", true),
        ];
        for &(pattern, text, want) in rows {
            let re = ascii(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
            assert_eq!(re.is_match(text), want, "{pattern} on {text:?}");
        }
    }

    #[test]
    fn class_needing_unicode_is_rejected_without_u() {
        assert!(ascii(r"[a-z'’]").is_err());
        assert!(ascii(r"[^\s]").is_err());
    }
}
