//! Operators: how each finding is replaced in the final text.

use super::Span;

/// Replaces every required (non-optional) span with its category tag, e.g. `[EMAIL]`.
///
/// `spans` must be sorted and disjoint, as [`crate::engine::Engine::scan`] returns them.
pub fn redact_with_tags(text: &str, spans: &[Span]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for s in spans.iter().filter(|s| !s.category.is_optional()) {
        if s.start < at {
            continue;
        }
        out.push_str(&text[at..s.start]);
        out.push('[');
        out.push_str(s.category.as_str());
        out.push(']');
        at = s.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Category;

    #[test]
    fn tags_replace_required_spans_only() {
        let text = "Ana, 58, ana@x.org";
        let spans = vec![
            Span::new(0, 3, Category::Name, 0.9, "t", "t"),
            Span::new(5, 7, Category::Age, 0.9, "t", "t"),
            Span::new(9, 18, Category::Email, 1.0, "t", "t"),
        ];
        assert_eq!(redact_with_tags(text, &spans), "[NAME], 58, [EMAIL]");
    }
}
