//! Shape: what a token looks like, and the tokenizer every name recognizer shares.
//!
//! A word token is a run of letters, with inner apostrophes and hyphens between letters kept
//! ("O'Brien-Tremblay", "Sung-ho", "al-Noor", "Parkinson's"). Each token has a [`Shape`]
//! (Title, UPPER, lower, a single-letter initial) and knows whether it starts a sentence.
//!
//! A whole text also has a [`CaseMode`]: notes typed in ALL CAPS or all lowercase carry no case
//! information, so recognizers lean on dictionaries and context there instead of capitals.

/// The case pattern of one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// First letter upper, some lowercase after it: `Rosa`, `McDonald`, `O'Brien`.
    Title,
    /// Two or more letters, all uppercase: `ROSA`, `GH`.
    Upper,
    /// All lowercase: `rosa`.
    Lower,
    /// One uppercase letter: `J` (an initial when followed by a period).
    Initial,
    /// Anything else (`iPhone`, a single lowercase letter).
    Other,
}

/// The case convention of a whole text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseMode {
    /// Ordinary mixed case: capitals carry meaning.
    Mixed,
    /// Typed in capitals.
    Upper,
    /// Typed in lowercase.
    Lower,
}

/// One word of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Start byte offset.
    pub s: usize,
    /// End byte offset.
    pub e: usize,
    /// Case pattern.
    pub shape: Shape,
    /// True when nothing but spaces, quotes or brackets separate it from the start of a
    /// sentence, line or text.
    pub sent_start: bool,
    /// True when every byte is ASCII.
    pub ascii: bool,
    /// True when the token is ASCII letters only (no inner apostrophe or hyphen): its lowercase
    /// word is the same range of the lowercased text, with no possessive to strip.
    pub plain: bool,
}

impl Tok {
    /// True for Title or UPPER tokens and initials.
    pub fn is_cap(&self) -> bool {
        matches!(self.shape, Shape::Title | Shape::Upper | Shape::Initial)
    }
}

fn shape_of(w: &str) -> Shape {
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("'S")).unwrap_or(w);
    if w.is_ascii() && !w.contains(['\'', '-']) {
        let b = w.as_bytes();
        let up = b.iter().filter(|c| c.is_ascii_uppercase()).count();
        return match (b.len(), up) {
            (1, 1) => Shape::Initial,
            (1, _) => Shape::Other,
            (_, 0) => Shape::Lower,
            (n, u) if u == n => Shape::Upper,
            _ if b[0].is_ascii_uppercase() && title_capitals_ok(w) => Shape::Title,
            _ => Shape::Other,
        };
    }
    // the letters: how many, how many capitals and lowercase, and whether the first is a capital
    // (byte by byte for an ASCII word with an apostrophe or hyphen: the same counts)
    let (n, upper, lower, first_upper) = if w.is_ascii() {
        let letters = w.bytes().filter(u8::is_ascii_alphabetic);
        let upper = letters.clone().filter(u8::is_ascii_uppercase).count();
        let n = letters.clone().count();
        (n, upper, n - upper, w.bytes().find(u8::is_ascii_alphabetic).is_some_and(|c| c.is_ascii_uppercase()))
    } else {
        let mut chars = w.chars().filter(|c| c.is_alphabetic());
        let Some(first) = chars.next() else { return Shape::Other };
        let (mut upper, mut lower, mut n) = (first.is_uppercase() as usize, first.is_lowercase() as usize, 1);
        for c in chars {
            n += 1;
            upper += c.is_uppercase() as usize;
            lower += c.is_lowercase() as usize;
        }
        (n, upper, lower, first.is_uppercase())
    };
    if n == 0 {
        return Shape::Other;
    }
    if n == 1 {
        return if upper == 1 { Shape::Initial } else { Shape::Other };
    }
    if particle_prefixed(w) {
        Shape::Title
    } else if lower == n {
        Shape::Lower
    } else if upper == n {
        Shape::Upper
    } else if first_upper && title_capitals_ok(w) {
        Shape::Title
    } else {
        Shape::Other
    }
}

/// "al-Harthi", "el-Sayed", "bin-Laden", "d'Souza": a lowercase particle glued to a capitalized name.
fn particle_prefixed(w: &str) -> bool {
    // (every particle opens with one of these letters: most words are turned away at once)
    if !matches!(w.as_bytes().first(), Some(b'a' | b'e' | b'b' | b'i' | b'd' | b'l' | b'o')) {
        return false;
    }
    for p in ["al-", "el-", "al", "bin-", "ibn-", "abu-", "d'", "l'", "o'", "ben-"] {
        if let Some(rest) = w.strip_prefix(p) {
            if p.ends_with(['-', '\'']) && rest.chars().next().is_some_and(char::is_uppercase) && rest.chars().skip(1).any(char::is_lowercase) {
                return true;
            }
        }
    }
    false
}

/// True when every capital after the first letter follows an apostrophe or hyphen or a
/// Mc/Mac prefix ("O'Brien", "Castellanos-Whitaker", "McDonald"), unlike "PaCO" or "BariAir".
fn title_capitals_ok(w: &str) -> bool {
    let mut prev = ' ';
    let mut seen = ['\0'; 3];
    for (k, c) in w.chars().enumerate() {
        // Mc/Mac/De/Di/Da/La/Le/Du prefixes: "McDonald", "DeShawn", "LaToya", "DiMaggio"
        let mc = (k == 2 && matches!(seen[..2], ['M', 'c'] | ['D', 'e'] | ['D', 'i'] | ['D', 'a'] | ['L', 'a'] | ['L', 'e'] | ['D', 'u']))
            || (k == 3 && (seen == ['M', 'a', 'c'] || seen == ['V', 'a', 'n']));
        if k > 0 && c.is_uppercase() && !(prev == '\'' || prev == '-' || mc) {
            return false;
        }
        if k < 3 {
            seen[k] = c;
        }
        prev = c;
    }
    true
}

/// What an ASCII byte that is no letter does to [`Tok::sent_start`] in [`tokenize`] (letters and
/// non-ASCII bytes are [`SEP_NONE`]).
const SEP_NONE: u8 = 0;
const SEP_STARTS: u8 = 1;
const SEP_KEEPS: u8 = 2;
const SEP_ENDS: u8 = 3;

static SEPARATORS: [u8; 256] = {
    let mut t = [SEP_NONE; 256];
    let mut c = 0;
    while c < 0x80 {
        let b = c as u8;
        t[c] = match b {
            b'.' | b'!' | b'?' | b'\n' | b':' | b';' | b'*' | b'|' => SEP_STARTS,
            b' ' | b'\t' | b'\r' | b'"' | b'(' | b'[' | b'\'' | b'-' => SEP_KEEPS,
            _ if b.is_ascii_alphabetic() => SEP_NONE,
            _ => SEP_ENDS,
        };
        c += 1;
    }
    t
};

/// For eight bytes read little-endian: how many of the first ones are ASCII letters, and how many
/// of those are capitals (eight bytes at a time, with no branch per byte).
#[inline]
fn letter_run(x: u64) -> (usize, usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let ascii = !x & HIGH;
    // per byte, the high bit set when the byte (7 bits) is at least `n`: no carry crosses bytes
    let at_least = |v: u64, n: u8| (v + ONES * (0x80 - n as u64)) & HIGH;
    let folded = (x & !HIGH) | (ONES * 0x20);
    let letters = at_least(folded, b'a') & !at_least(folded, b'z' + 1) & ascii;
    // a letter is a capital when its 0x20 bit is clear (that bit shifted to the high bit)
    let capitals = letters & !(x << 2);
    // the high bit of the first byte that is no letter, and the bits below it
    let stop = !letters & HIGH;
    let in_run = stop ^ stop.wrapping_sub(1);
    let run = (stop.trailing_zeros() / 8) as usize;
    // the count of the bytes whose high bit is set: their bits shifted to the low bit of each
    // byte and summed into the top byte by one multiplication (no POPCNT on baseline x86-64)
    (run, (((capitals & in_run) >> 7).wrapping_mul(ONES) >> 56) as usize)
}

/// Splits `text` into word tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut i = 0;
    let mut sent_start = true;
    loop {
        // a run of ASCII separators: each starts a sentence, leaves it as it is, or ends it
        while i < b.len() {
            match SEPARATORS[b[i] as usize] {
                SEP_STARTS => sent_start = true,
                SEP_KEEPS => {}
                SEP_ENDS => sent_start = false,
                _ => break,
            }
            i += 1;
        }
        // then an ASCII letter or a non-ASCII byte
        let Some(&c) = b.get(i) else { break };
        if c < 0x80 {
            let s = i;
            // fast path: a plain ASCII word followed by a separator
            let (mut j, mut upper) = (i, 0);
            // eight bytes at a time while they are all letters
            while let Some(chunk) = b.get(j..j + 8) {
                let (run, up) = letter_run(u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]));
                j += run;
                upper += up;
                if run < 8 {
                    break;
                }
            }
            // then byte by byte in the last eight bytes of the text
            if b.len() - j < 8 {
                while j < b.len() && b[j].is_ascii_alphabetic() {
                    upper += b[j].is_ascii_uppercase() as usize;
                    j += 1;
                }
            }
            if j >= b.len() || (b[j] < 0x80 && b[j] != b'\'' && b[j] != b'-') {
                let len = j - s;
                let shape = match (len, upper) {
                    (1, 1) => Shape::Initial,
                    (1, _) => Shape::Other,
                    (_, 0) => Shape::Lower,
                    (n, u) if u == n => Shape::Upper,
                    (_, 1) if c.is_ascii_uppercase() => Shape::Title,
                    _ => shape_of(&text[s..j]),
                };
                out.push(Tok { s, e: j, shape, sent_start, ascii: true, plain: true });
                sent_start = false;
                i = j;
                continue;
            }
            let (mut ascii, mut inner) = (true, false);
            let mut j = i + 1;
            loop {
                while j < b.len() && (b[j].is_ascii_alphabetic() || b[j] >= 0x80) {
                    if b[j] >= 0x80 {
                        let ch = text[j..].chars().next().unwrap();
                        if !ch.is_alphabetic() && !matches!(ch, '\u{300}'..='\u{36f}') {
                            break;
                        }
                        ascii = false;
                        j += ch.len_utf8();
                    } else {
                        j += 1;
                    }
                }
                // inner apostrophe or hyphen followed by a letter
                if j + 1 < b.len() && (b[j] == b'\'' || b[j] == b'-') && (b[j + 1].is_ascii_alphabetic() || b[j + 1] >= 0xC3) {
                    let next = text[j + 1..].chars().next().unwrap();
                    if next.is_alphabetic() {
                        j += 1;
                        inner = true;
                        continue;
                    }
                }
                break;
            }
            out.push(Tok { s, e: j, shape: shape_of(&text[s..j]), sent_start, ascii, plain: ascii && !inner });
            sent_start = false;
            i = j;
        } else {
            let ch = text[i..].chars().next().unwrap();
            if ch.is_alphabetic() {
                // a word starting with a non-ASCII letter: step back into the ASCII loop's logic
                let s = i;
                let mut j = i;
                loop {
                    while let Some(ch) = text[j..].chars().next() {
                        if ch.is_alphabetic() || matches!(ch, '\u{300}'..='\u{36f}') {
                            j += ch.len_utf8();
                        } else {
                            break;
                        }
                    }
                    if j + 1 < b.len() && (b[j] == b'\'' || b[j] == b'-') && text[j + 1..].chars().next().is_some_and(char::is_alphabetic) {
                        j += 1;
                        continue;
                    }
                    break;
                }
                out.push(Tok { s, e: j, shape: shape_of(&text[s..j]), sent_start, ascii: false, plain: false });
                sent_start = false;
                i = j;
            } else {
                if matches!(ch, '•' | '…') {
                    sent_start = true;
                } else if !ch.is_whitespace() {
                    sent_start = false;
                }
                i += ch.len_utf8();
            }
        }
    }
    out
}

/// The case convention of `text`, from its share of uppercase letters.
pub fn case_mode(text: &str) -> CaseMode {
    let (up, low) = count_cases(text);
    case_mode_of_counts(up, low)
}

/// The numbers of capitals and lowercase letters in `text`. ASCII letters are counted in small
/// blocks, which the compiler turns into vector code; letters of other scripts only when the text
/// has any, so that "Özgür told me she had stopped" counts its one capital (with ASCII letters
/// alone it would read as a text typed all in lowercase, where a capital means nothing).
pub fn count_cases(text: &str) -> (usize, usize) {
    let (mut up, mut low, mut other) = (0usize, 0usize, 0usize);
    for block in text.as_bytes().chunks(128) {
        let (mut u, mut l, mut o) = (0u8, 0u8, 0u8);
        for &c in block {
            u += (c.wrapping_sub(b'A') < 26) as u8;
            l += (c.wrapping_sub(b'a') < 26) as u8;
            o += (c >= 0x80) as u8;
        }
        up += u as usize;
        low += l as usize;
        other += o as usize;
    }
    if other > 0 {
        for c in text.chars().filter(|c| !c.is_ascii()) {
            up += c.is_uppercase() as usize;
            low += c.is_lowercase() as usize;
        }
    }
    (up, low)
}

/// The case mode of a text with `up` capitals and `low` lowercase letters (see
/// [`case_mode`]).
pub fn case_mode_of_counts(up: usize, low: usize) -> CaseMode {
    let n = up + low;
    if n == 0 {
        return CaseMode::Mixed;
    }
    if up * 10 >= n * 7 {
        CaseMode::Upper
    } else if up * 100 <= n {
        CaseMode::Lower
    } else {
        CaseMode::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_table() {
        let rows = [
            ("Rosa", Shape::Title),
            ("ROSA", Shape::Upper),
            ("rosa", Shape::Lower),
            ("J", Shape::Initial),
            ("McDonald", Shape::Title),
            ("O'Brien-Tremblay", Shape::Title),
            ("Zielińska", Shape::Title),
            ("iPhone", Shape::Other),
            ("PaCO", Shape::Other),
            ("DeShawn", Shape::Title),
            ("al-Harthi", Shape::Title),
            ("MD's", Shape::Upper),
            ("x-ray", Shape::Lower),
            ("X-RAY", Shape::Upper),
            ("Jean-Paul", Shape::Title),
            ("d'Souza", Shape::Title),
            ("iPhone-x", Shape::Other),
            ("Ólafsdóttir-Berg", Shape::Title),
        ];
        for (w, want) in rows {
            assert_eq!(shape_of(w), want, "{w}");
        }
    }

    #[test]
    fn tokenize_table() {
        let rows: &[(&str, &[&str])] = &[
            ("Siobhán O'Brien-Tremblay, RN", &["Siobhán", "O'Brien-Tremblay", "RN"]),
            ("Dr. Park Sung-ho's note", &["Dr", "Park", "Sung-ho's", "note"]),
            ("R.A. left 3/4", &["R", "A", "left"]),
            ("Ólafur and Ñandú", &["Ólafur", "and", "Ñandú"]),
            ("end-", &["end"]),
        ];
        for &(text, want) in rows {
            let got: Vec<&str> = tokenize(text).iter().map(|t| &text[t.s..t.e]).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn sentence_starts() {
        let text = "He called. Rosa came\nBill left";
        let starts: Vec<bool> = tokenize(text).iter().map(|t| t.sent_start).collect();
        assert_eq!(starts, [true, false, true, false, true, false]);
    }

    #[test]
    fn plain_tokens_are_ascii_letters_only() {
        let text = "Rosa O'Brien-Tremblay's end- Zielińska abcé MD's ok ROSA x";
        let toks = tokenize(text);
        assert_eq!(toks.len(), 9);
        for t in toks {
            let w = &text[t.s..t.e];
            assert_eq!(t.plain, w.bytes().all(|c| c.is_ascii_alphabetic()), "{w}");
        }
    }

    #[test]
    fn letter_run_counts() {
        for w in ["abcdefgh", "ABCdefGH", "Ab1", "", "XYZ.abcd", "aaaaaaaZ", "ZZZZZZZZ", "é", "A@[`{z", "Z\x7fa"] {
            let mut b = [b' '; 8];
            let n = w.len().min(8);
            b[..n].copy_from_slice(&w.as_bytes()[..n]);
            let run = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            let up = b[..run].iter().filter(|c| c.is_ascii_uppercase()).count();
            assert_eq!(letter_run(u64::from_le_bytes(b)), (run, up), "{w}");
        }
    }

    #[test]
    fn case_mode_table() {
        let rows = [
            ("PT SEEN BY DR HEALEY", CaseMode::Upper),
            ("pt seen by dr healey today", CaseMode::Lower),
            ("Pt seen by Dr Healey today", CaseMode::Mixed),
            // the one capital is not ASCII: still a text with case
            ("Özgür told me she had stopped taking the pills.", CaseMode::Mixed),
            ("ÖZGÜR İLE GÖRÜŞÜLDÜ", CaseMode::Upper),
            ("özgür ile görüşüldü bugün", CaseMode::Lower),
        ];
        for (t, want) in rows {
            assert_eq!(case_mode(t), want, "{t}");
        }
    }
}
