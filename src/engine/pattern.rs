//! A recognizer built from one regular expression, with an optional validator (checksums, context).

use std::sync::LazyLock;

use regex::Regex;

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
