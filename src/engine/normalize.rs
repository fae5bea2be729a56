//! Normalization for matching: text that tries to slip past a pattern is folded to a plain form,
//! and offsets found in the folded text are mapped back to the original.
//!
//! Folded: zero-width characters and soft hyphens (removed), fullwidth ASCII (to ASCII), digits of
//! other scripts and styled digits and letters (Arabic-Indic `٦١٧`, Devanagari `६१७`, mathematical
//! bold `𝟔𝟏𝟕`, `𝐉𝐨𝐞` — to ASCII), unusual spaces (to a space), dashes (to `-`), fraction and
//! division slashes (to `/`), small and fullwidth at signs (to `@`), curly quotes (to straight
//! ones), and Cyrillic or Greek homoglyphs inside an otherwise Latin word (to the Latin letter
//! they imitate).
//!
//! Pure-ASCII text, by far the common case, is borrowed unchanged with no offset table.

use std::borrow::Cow;

/// The text a recognizer sees, with a way back to the original's offsets.
#[derive(Debug)]
pub struct Normalized<'t> {
    text: Cow<'t, str>,
    /// For each byte of the folded text (plus one past the end): the original byte offset where the
    /// character that produced it starts. `None` when the text was not changed.
    starts: Option<Vec<u32>>,
    /// For each byte of the folded text: the original byte offset where that character ends.
    ends: Option<Vec<u32>>,
}

impl<'t> Normalized<'t> {
    /// Folds `original` for matching.
    pub fn new(original: &'t str) -> Normalized<'t> {
        if original.is_ascii() || !original.chars().any(|c| homoglyph(c).is_some() || fold_char(c, None, None).is_some()) {
            return Normalized { text: Cow::Borrowed(original), starts: None, ends: None };
        }
        let mut text = String::with_capacity(original.len());
        let mut starts = Vec::with_capacity(original.len() + 1);
        let mut ends = Vec::with_capacity(original.len());
        let chars: Vec<(usize, char)> = original.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
            let next = chars.get(k + 1).map(|&(_, c)| c);
            let end = i + c.len_utf8();
            let folded = match fold_char(c, prev, next) {
                Some(Fold::Drop) => continue,
                Some(Fold::To(f)) => f,
                None => c,
            };
            let before = text.len();
            text.push(folded);
            for _ in before..text.len() {
                starts.push(i as u32);
                ends.push(end as u32);
            }
        }
        starts.push(original.len() as u32);
        Normalized { text: Cow::Owned(text), starts: Some(starts), ends: Some(ends) }
    }

    /// The folded text to match against.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// True when folding changed nothing (offsets are identical).
    pub fn is_identity(&self) -> bool {
        self.starts.is_none()
    }

    /// Maps a range of the folded text to the original text's byte range.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        match (&self.starts, &self.ends) {
            (Some(starts), Some(ends)) => {
                let s = starts[start.min(starts.len() - 1)] as usize;
                let e = if end == 0 { s } else { ends[(end - 1).min(ends.len() - 1)] as usize };
                (s, e.max(s))
            }
            _ => (start, end),
        }
    }
}

enum Fold {
    Drop,
    To(char),
}

fn is_latin_letter(c: Option<char>) -> bool {
    matches!(c, Some(c) if c.is_ascii_alphanumeric())
}

fn fold_char(c: char, prev: Option<char>, next: Option<char>) -> Option<Fold> {
    match c {
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}' => {
            Some(Fold::Drop)
        }
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).map(Fold::To),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
            Some(Fold::To(' '))
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => Some(Fold::To('-')),
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => Some(Fold::To('\'')),
        '\u{201C}' | '\u{201D}' | '\u{201F}' => Some(Fold::To('"')),
        '\u{2024}' | '\u{3002}' | '\u{FE52}' => Some(Fold::To('.')),
        '\u{2044}' | '\u{2215}' => Some(Fold::To('/')),
        '\u{FE6B}' => Some(Fold::To('@')),
        c if digit_value(c).is_some() => digit_value(c).map(|d| Fold::To((b'0' + d) as char)),
        c if math_letter(c).is_some() => math_letter(c).map(Fold::To),
        _ => {
            // Homoglyphs only inside a Latin word: a Cyrillic name stays Cyrillic.
            let h = homoglyph(c)?;
            if prev.is_none() && next.is_none() {
                return None;
            }
            let latin_neighbour = is_latin_letter(prev) || is_latin_letter(next);
            latin_neighbour.then_some(Fold::To(h))
        }
    }
}

/// The value of a decimal digit from another script or a styled digit set (Unicode `Nd` blocks
/// run from a code point ending in 0 through the nine after it).
fn digit_value(c: char) -> Option<u8> {
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
        0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xAA50,
        0xABF0, 0x104A0, 0x11066, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1FBF0,
    ];
    let u = c as u32;
    ZEROS.iter().find(|&&z| (z..z + 10).contains(&u)).map(|&z| (u - z) as u8)
}

/// The Latin letter behind a styled mathematical letter (`𝐀` bold, `𝐴` italic, `𝖠` sans-serif,
/// `𝙰` monospace, ...): thirteen alphabets of 52 letters from U+1D400.
fn math_letter(c: char) -> Option<char> {
    let u = c as u32;
    if !(0x1D400..0x1D400 + 13 * 52).contains(&u) {
        return None;
    }
    let k = ((u - 0x1D400) % 52) as u8;
    Some(if k < 26 { (b'A' + k) as char } else { (b'a' + k - 26) as char })
}

/// Cyrillic and Greek letters that look like Latin ones.
fn homoglyph(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a', 'е' => 'e', 'о' => 'o', 'р' => 'p', 'с' => 'c', 'х' => 'x', 'у' => 'y',
        'і' => 'i', 'ј' => 'j', 'ѕ' => 's', 'ԁ' => 'd', 'ɡ' => 'g', 'һ' => 'h', 'ӏ' => 'l',
        'А' => 'A', 'В' => 'B', 'Е' => 'E', 'К' => 'K', 'М' => 'M', 'Н' => 'H', 'О' => 'O',
        'Р' => 'P', 'С' => 'C', 'Т' => 'T', 'Х' => 'X', 'У' => 'Y', 'І' => 'I', 'Ј' => 'J',
        'Ѕ' => 'S', 'Ԁ' => 'D',
        'Α' => 'A', 'Β' => 'B', 'Ε' => 'E', 'Ζ' => 'Z', 'Η' => 'H', 'Ι' => 'I', 'Κ' => 'K',
        'Μ' => 'M', 'Ν' => 'N', 'Ο' => 'O', 'Ρ' => 'P', 'Τ' => 'T', 'Υ' => 'Y', 'Χ' => 'X',
        'ο' => 'o', 'ν' => 'v', 'α' => 'a', 'ι' => 'i',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_borrowed() {
        let n = Normalized::new("plain text 555-0100");
        assert!(n.is_identity());
        assert_eq!(n.to_original(3, 7), (3, 7));
    }

    #[test]
    fn table() {
        // (original, folded, a range in the folded text, the original text it maps to)
        let rows: &[(&str, &str, (usize, usize), &str)] = &[
            ("call ６１７-555", "call 617-555", (5, 12), "６１７-555"),
            ("a\u{200B}b@x.org", "ab@x.org", (0, 8), "a\u{200B}b@x.org"),
            ("joе@mail.com", "joe@mail.com", (0, 12), "joе@mail.com"),
            ("Мария", "Мария", (0, 10), "Мария"),
            ("12–14", "12-14", (0, 5), "12–14"),
            ("call ٦١٧-555", "call 617-555", (5, 12), "٦١٧-555"),
            ("DOB १२/०३", "DOB 12/03", (4, 9), "१२/०३"),
            ("𝟔𝟏𝟕 𝐉𝐨𝐞", "617 Joe", (0, 7), "𝟔𝟏𝟕 𝐉𝐨𝐞"),
            ("3⁄14", "3/14", (0, 4), "3⁄14"),
            ("jo﹫x.org", "jo@x.org", (0, 8), "jo﹫x.org"),
        ];
        for &(orig, folded, (s, e), back) in rows {
            let n = Normalized::new(orig);
            assert_eq!(n.as_str(), folded, "folding {orig:?}");
            let (os, oe) = n.to_original(s, e);
            assert_eq!(&orig[os..oe], back, "mapping back in {orig:?}");
        }
    }
}
