//! Conflict resolution: from overlapping candidates to final, disjoint spans.
//!
//! Rules, applied left to right over candidates sorted by start:
//! - a required (non-optional) category always beats an optional one (YEAR, STATE, AGE,
//!   PROFESSION): the optional candidate is dropped when they overlap;
//! - two candidates of the same category that overlap or touch are merged into their union;
//! - a candidate contained in another is dropped (the container keeps its category, unless the
//!   contained one scores clearly higher, in which case the union takes the higher category);
//! - two candidates that partly overlap are merged into their union, so that no character either
//!   one would have covered leaks, and the union takes the category of the higher score.
//!
//! The reason of the winning candidate is kept.

use super::span::Span;

/// Resolves overlapping candidates into sorted, disjoint spans.
pub fn resolve(mut spans: Vec<Span>) -> Vec<Span> {
    spans.retain(|s| !s.is_empty());
    // Required spans first, so optional ones that collide with them can be dropped.
    let (required, optional): (Vec<Span>, Vec<Span>) =
        spans.into_iter().partition(|s| !s.category.is_optional());
    let mut out = merge(required);
    let optional = merge(optional);
    let mut extra: Vec<Span> =
        optional.into_iter().filter(|o| !out.iter().any(|r| r.overlaps(o))).collect();
    out.append(&mut extra);
    out.sort_by_key(|s| (s.start, s.end));
    out
}

fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        let Some(last) = out.last_mut() else {
            out.push(s);
            continue;
        };
        let touches_same = s.category == last.category && s.start <= last.end;
        if !(s.start < last.end || touches_same) {
            out.push(s);
            continue;
        }
        let contained = s.end <= last.end;
        let s_wins = if contained { s.score > last.score + 0.15 } else { s.score > last.score };
        if s_wins && s.category != last.category {
            last.category = s.category;
            last.recognizer = s.recognizer;
            last.reason = s.reason.clone();
        }
        last.score = last.score.max(s.score);
        last.end = last.end.max(s.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Category::{self, *};

    fn sp(start: usize, end: usize, category: Category, score: f32) -> Span {
        Span::new(start, end, category, score, "test", "test")
    }

    fn shape(v: &[Span]) -> Vec<(usize, usize, Category)> {
        v.iter().map(|s| (s.start, s.end, s.category)).collect()
    }

    #[test]
    fn table() {
        let rows: Vec<(Vec<Span>, Vec<(usize, usize, Category)>)> = vec![
            // disjoint spans stay as they are, sorted
            (vec![sp(10, 12, Date, 0.9), sp(0, 4, Name, 0.8)], vec![(0, 4, Name), (10, 12, Date)]),
            // contained span dropped, container keeps its category
            (vec![sp(0, 14, Phone, 0.9), sp(6, 14, Phone, 0.5)], vec![(0, 14, Phone)]),
            (vec![sp(0, 14, Account, 0.6), sp(2, 6, Date, 0.65)], vec![(0, 14, Account)]),
            // a much stronger contained span lends its category to the container
            (vec![sp(0, 14, Id, 0.4), sp(2, 6, Ssn, 1.0)], vec![(0, 14, Ssn)]),
            // partial overlap: union, category of the higher score
            (vec![sp(0, 8, Name, 0.6), sp(5, 12, Location, 0.8)], vec![(0, 12, Location)]),
            // touching spans of the same category merge
            (vec![sp(0, 4, Name, 0.6), sp(4, 9, Name, 0.6)], vec![(0, 9, Name)]),
            // touching spans of different categories do not
            (vec![sp(0, 4, Name, 0.6), sp(4, 9, Date, 0.6)], vec![(0, 4, Name), (4, 9, Date)]),
            // optional categories never beat a required one
            (vec![sp(0, 4, Year, 1.0), sp(0, 10, Date, 0.5)], vec![(0, 10, Date)]),
            (vec![sp(20, 24, Age, 0.9), sp(0, 4, Name, 0.5)], vec![(0, 4, Name), (20, 24, Age)]),
            // empty spans vanish
            (vec![sp(3, 3, Name, 1.0)], vec![]),
        ];
        for (input, want) in rows {
            assert_eq!(shape(&resolve(input.clone())), want, "resolving {input:?}");
        }
    }
}
