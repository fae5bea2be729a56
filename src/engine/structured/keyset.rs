//! The automaton behind [`Keywords`](super::Keywords): which of a fixed set of keywords occur in a
//! text, found in one pass with one table lookup per byte.
//!
//! It is an Aho-Corasick automaton made into a full DFA over byte classes (every byte that occurs
//! in no keyword shares one class; a capital letter shares its lowercase letter's), with the
//! states that end a keyword numbered last, so that the loop over the text tests one comparison
//! per byte. It answers only "which keywords occur" (not where), which is all the gates need, and
//! sees every occurrence, overlapping ones included (`sep` and `sept.` in `Sept.`).

use std::collections::VecDeque;

/// A set of keywords and the DFA that finds them (see the module documentation).
pub struct KeywordSet {
    /// The column of each byte in [`KeywordSet::next`]'s rows.
    class: [u8; 256],
    /// The transitions, one row of `stride` entries per state; a state is named by the index of
    /// its row's first entry (state × stride), so that the next state is `next[state + class]`.
    next: Vec<u32>,
    /// The number of columns (classes).
    stride: usize,
    /// The first state that ends a keyword: states from here on end at least one.
    first_match: u32,
    /// For each state from `first_match` on, in order: the indexes of the keywords it ends (its
    /// own and those of its suffixes).
    ends: Vec<Vec<u16>>,
    /// How many keywords there are.
    len: usize,
}

impl KeywordSet {
    /// The automaton for `words` (matched ASCII case-insensitively; keyword `i` is `words[i]`).
    pub fn new(words: &[&str]) -> KeywordSet {
        assert!(words.len() <= usize::from(u16::MAX), "too many keywords");
        // (the root, where the search starts, must be state 0: it ends no keyword)
        assert!(words.iter().all(|w| !w.is_empty()), "an empty keyword");
        // byte classes: 0 for bytes no keyword holds, then one per distinct (lowercased) byte
        let mut class = [0u8; 256];
        let mut classes = 1usize;
        for w in words {
            for &b in w.as_bytes() {
                let b = b.to_ascii_lowercase();
                if class[usize::from(b)] == 0 {
                    class[usize::from(b)] = u8::try_from(classes).expect("at most 255 distinct keyword bytes");
                    classes += 1;
                }
            }
        }
        for b in b'A'..=b'Z' {
            class[usize::from(b)] = class[usize::from(b.to_ascii_lowercase())];
        }
        // the trie: goto[state][class] (0 = none: no keyword leads back to the root), and the
        // keywords each state completes
        let mut goto: Vec<Vec<u32>> = vec![vec![0; classes]];
        let mut own: Vec<Vec<u16>> = vec![Vec::new()];
        for (i, w) in words.iter().enumerate() {
            let mut s = 0usize;
            for &b in w.as_bytes() {
                let c = usize::from(class[usize::from(b)]);
                if goto[s][c] == 0 {
                    goto.push(vec![0; classes]);
                    own.push(Vec::new());
                    goto[s][c] = (goto.len() - 1) as u32;
                }
                s = goto[s][c] as usize;
            }
            own[s].push(i as u16);
        }
        // breadth first: failure links, the full transition table, and each state's keywords
        // (its own and its failure state's, which is shallower and so already complete)
        let n = goto.len();
        let mut fail = vec![0usize; n];
        let mut delta = goto.clone();
        let mut ends = own;
        let mut queue: VecDeque<usize> = (0..classes).map(|c| goto[0][c] as usize).filter(|&t| t != 0).collect();
        while let Some(s) = queue.pop_front() {
            let inherited = ends[fail[s]].clone();
            ends[s].extend(inherited);
            for c in 0..classes {
                let t = goto[s][c] as usize;
                if t != 0 {
                    fail[t] = delta[fail[s]][c] as usize;
                    queue.push_back(t);
                } else {
                    delta[s][c] = delta[fail[s]][c];
                }
            }
        }
        // number the states that end nothing first (the root first of all), then the others
        let mut order: Vec<usize> = (0..n).filter(|&s| ends[s].is_empty()).collect();
        let first_match = order.len();
        order.extend((0..n).filter(|&s| !ends[s].is_empty()));
        let mut rank = vec![0usize; n];
        for (r, &s) in order.iter().enumerate() {
            rank[s] = r;
        }
        let name = |s: usize| u32::try_from(rank[s] * classes).expect("keyword automaton too large");
        let next: Vec<u32> = order.iter().flat_map(|&s| delta[s].iter().map(|&t| name(t as usize)).collect::<Vec<u32>>()).collect();
        let ends: Vec<Vec<u16>> = order[first_match..].iter().map(|&s| std::mem::take(&mut ends[s])).collect();
        let first_match = u32::try_from(first_match * classes).expect("keyword automaton too large");
        // what `find` relies on to index `next` without a bounds check
        assert!(next.iter().all(|&t| t as usize + classes <= next.len()) && class.iter().all(|&c| usize::from(c) < classes));
        KeywordSet { class, next, stride: classes, first_match, ends, len: words.len() }
    }

    /// How many keywords the set holds.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the set holds no keyword.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Marks in `found` (one bit per keyword, `found[i / 64] >> (i % 64)`) every keyword that
    /// occurs in `text`.
    pub fn find(&self, text: &[u8], found: &mut [u64]) {
        let step = |s: u32, b: u8| {
            let i = s as usize + usize::from(self.class[usize::from(b)]);
            debug_assert!(i < self.next.len());
            // SAFETY: `s` is a state's name (0, or an entry of `next`): its row's index, at most
            // `next.len() - stride`, and every class is below `stride` (see `new`), so `i` is in
            // bounds. (The bounds check would cost a fifth of this loop.)
            unsafe { *self.next.get_unchecked(i) }
        };
        let mut s = 0;
        // four bytes per round, to spend less on the loop itself
        let mut quads = text.chunks_exact(4);
        for q in &mut quads {
            for &b in q {
                s = step(s, b);
                if s >= self.first_match {
                    self.mark(s, found);
                }
            }
        }
        for &b in quads.remainder() {
            s = step(s, b);
            if s >= self.first_match {
                self.mark(s, found);
            }
        }
    }

    /// Marks the keywords that state `s` (a state that ends some) ends.
    #[cold]
    #[inline(never)]
    fn mark(&self, s: u32, found: &mut [u64]) {
        for &k in &self.ends[(s - self.first_match) as usize / self.stride] {
            found[usize::from(k) / 64] |= 1 << (k % 64);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keywords of `words` that occur in `text`, by the automaton and by a plain search.
    fn both(words: &[&str], text: &str) -> (Vec<usize>, Vec<usize>) {
        let set = KeywordSet::new(words);
        let mut bits = vec![0u64; words.len().div_ceil(64)];
        set.find(text.as_bytes(), &mut bits);
        let got = (0..words.len()).filter(|&i| bits[i / 64] >> (i % 64) & 1 == 1).collect();
        let lower = text.to_ascii_lowercase();
        let want = (0..words.len()).filter(|&i| lower.contains(&words[i].to_ascii_lowercase())).collect();
        (got, want)
    }

    #[test]
    fn finds_every_keyword_that_occurs() {
        let words = ["sep", "sept.", "ste", "suite", "mr", "@", "u/", "90's", "teenth", "e", "pag", "a"];
        for text in [
            "", "Sept. 3", "SEPT.", "sep", "se", "Mrs Steele", "thirteenth", "see u/x and 90's",
            "jo@x", "paging", "PAGE", "suitest", "xyz", "ééé sept. ü",
        ] {
            let (got, want) = both(&words, text);
            assert_eq!(got, want, "{text:?}");
        }
        // more than 64 keywords, overlapping prefixes and suffixes
        let many: Vec<String> = (0..150).map(|i| format!("k{i}x")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        for text in ["k1x k12x K149X", "k99xk100x", "k7", "kk3xk"] {
            let (got, want) = both(&many, text);
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn empty_set() {
        let set = KeywordSet::new(&[]);
        assert!(set.is_empty());
        set.find(b"anything", &mut []);
    }
}
