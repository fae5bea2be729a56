//! Word lists compiled into the binary: first names, surnames, places and common English words.
//!
//! Each list is a sorted text file in `data/` (one lowercase, diacritic-folded entry per line;
//! sources and licences in `data/README.md`), embedded with `include_str!` (front-coded by the
//! build script in the browser build, and expanded once on first use: see [`front_decode`]). Nothing is parsed at
//! start-up. Natively, the build script also lays out a hash table over each list (about 3 MB
//! in all, never in the browser build), and a lookup is a few probes of it. In the browser, on
//! first use, a binary search finds where each two-letter prefix begins (785 searches, well
//! under a millisecond), and a lookup is then a binary search over the lines of one prefix
//! bucket, straight on the embedded bytes. Results are cached per word and thread (see
//! [`super::Doc`]), since the same words recur from text to text.
//!
//! ```
//! use storysafe::engine::names::dictionaries::{FIRST_NAMES, SURNAMES};
//! assert!(FIRST_NAMES.contains("nnamdi"));
//! assert!(SURNAMES.contains("okafor"));
//! assert!(!SURNAMES.contains("xqzzy"));
//! ```

use std::sync::LazyLock;

/// A sorted list of lowercase entries, searchable in place.
pub struct Lexicon {
    text: &'static str,
    /// Native builds: the hash table `build.rs` made over `text` (little-endian u32 slots, each
    /// empty or a line's byte offset plus one; see [`table_contains`]).
    table: Option<&'static [u8]>,
    /// For each two-letter prefix bucket: the byte offset of its first line (and one past the end).
    buckets: LazyLock<Vec<u32>, Box<dyn FnOnce() -> Vec<u32> + Send>>,
}

const B: usize = 28;

/// Bucket of a byte: letters 1..=26, anything else below 'a' 0, above 'z' 27.
fn bucket_of(b: Option<&u8>) -> usize {
    match b {
        None => 0,
        Some(&c) if c < b'a' => 0,
        Some(&c) if c > b'z' => 27,
        Some(&c) => (c - b'a') as usize + 1,
    }
}

/// The bucket of an entry: by its first two letters, so that bucket order follows byte order
/// (entries that do not start with a letter share one bucket below or above the letters).
fn key(s: &[u8]) -> usize {
    match bucket_of(s.first()) {
        0 => 0,
        27 => B * B - 1,
        f => f * B + bucket_of(s.get(1)),
    }
}

/// The line of `text` that contains byte `pos`: its start and end (the newline's offset).
fn line_at(text: &[u8], lo: usize, pos: usize) -> (usize, usize) {
    let s = text[lo..pos].iter().rposition(|&b| b == b'\n').map_or(lo, |p| lo + p + 1);
    let e = text[pos..].iter().position(|&b| b == b'\n').map_or(text.len(), |p| pos + p);
    (s, e)
}

/// Binary search over whole lines of `text[lo..hi]` (both line starts) with an ordering of
/// each line against the target; returns the start of the first line not `Less`, and whether
/// an `Equal` line was seen.
fn search(text: &[u8], mut lo: usize, mut hi: usize, cmp: impl Fn(&[u8]) -> std::cmp::Ordering) -> (usize, bool) {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let (s, e) = line_at(text, lo, mid);
        match cmp(&text[s..e]) {
            std::cmp::Ordering::Less => lo = e + 1,
            std::cmp::Ordering::Greater => hi = s,
            std::cmp::Ordering::Equal => return (s, true),
        }
    }
    (lo, false)
}

impl Lexicon {
    /// A lexicon over `text` (sorted by bytes, one entry per line, ending with a newline).
    pub fn new(text: &'static str) -> Lexicon {
        let build = move || {
            let b = text.as_bytes();
            // the first line of each bucket, found by binary search: no pass over the list
            let mut buckets: Vec<u32> = (0..B * B)
                .map(|k| search(b, 0, b.len(), |line| if key(line) < k { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater }).0 as u32)
                .collect();
            buckets.push(b.len() as u32);
            buckets
        };
        Lexicon { text, table: None, buckets: LazyLock::new(Box::new(build)) }
    }

    /// A lexicon over `text` that answers through `table`, the hash table `build.rs` made over
    /// the same text (native builds: a few probes instead of a binary search over lines).
    pub fn with_table(text: &'static str, table: &'static [u8]) -> Lexicon {
        Lexicon { table: Some(table), ..Lexicon::new(text) }
    }

    /// True when `word` (already lowercase and folded, see [`fold_into`]) is an entry.
    pub fn contains(&self, word: &str) -> bool {
        let w = word.as_bytes();
        if w.is_empty() {
            return false;
        }
        if let Some(table) = self.table {
            return table_contains(self.text.as_bytes(), table, w);
        }
        let k = key(w);
        let (lo, hi) = (self.buckets[k] as usize, self.buckets[k + 1] as usize);
        search(self.text.as_bytes(), lo, hi, |line| line.cmp(w)).1
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.text.bytes().filter(|&b| b == b'\n').count()
    }

    /// True when the list has no entry.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Decodes a list front-coded by the build script (`build.rs`): each entry is one byte giving how
/// many leading bytes it shares with the entry before, then the rest of it up to its newline.
/// The browser build embeds the lists this way (a third smaller to download) and expands each
/// one once, on first use; native builds embed the plain lists and skip this.
pub fn front_decode(coded: &[u8]) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(coded.len() * 2);
    let mut prev_start = 0;
    let mut i = 0;
    while i < coded.len() {
        let shared = coded[i] as usize;
        let rest_end = coded[i + 1..].iter().position(|&b| b == b'\n').map_or(coded.len(), |p| i + 1 + p + 1);
        let start = out.len();
        out.extend_from_within(prev_start..prev_start + shared);
        out.extend_from_slice(&coded[i + 1..rest_end]);
        prev_start = start;
        i = rest_end;
    }
    String::from_utf8(out).expect("the word lists are UTF-8")
}

include!("word_hash.rs");

/// True when `w` is a line of `text`, looked up in `table` (see [`Lexicon::with_table`]): the
/// slots from the word's hash on, until an empty one.
fn table_contains(text: &[u8], table: &[u8], w: &[u8]) -> bool {
    let size = table.len() / 4;
    let mut i = word_hash(w) as usize & (size - 1);
    loop {
        let slot = u32::from_le_bytes([table[4 * i], table[4 * i + 1], table[4 * i + 2], table[4 * i + 3]]) as usize;
        if slot == 0 {
            return false;
        }
        let s = slot - 1;
        // (the first byte alone turns away most other words of the probe sequence)
        if text.get(s) == w.first() && text.get(s..s + w.len()) == Some(w) && text.get(s + w.len()).is_none_or(|&b| b == b'\n') {
            return true;
        }
        i = (i + 1) & (size - 1);
    }
}

/// A list in `data/` as a [`Lexicon`]: natively the plain text and its hash table, in the
/// browser the front-coded text, expanded once.
macro_rules! lexicon {
    ($name:literal) => {{
        #[cfg(target_arch = "wasm32")]
        let lexicon = Lexicon::new(list_text!($name));
        #[cfg(not(target_arch = "wasm32"))]
        let lexicon = Lexicon::with_table(list_text!($name), include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".hash")));
        lexicon
    }};
}

/// The text of a list in `data/`: embedded as is natively, front-coded in the browser build.
macro_rules! list_text {
    ($name:literal) => {{
        #[cfg(target_arch = "wasm32")]
        let text: &'static str = Box::leak(front_decode(include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".fc"))).into_boxed_str());
        #[cfg(not(target_arch = "wasm32"))]
        let text: &'static str = include_str!(concat!("../../../data/", $name, ".txt"));
        text
    }};
}

/// First names given to 20 or more US babies 1880-2017 (SSA), every origin.
pub static FIRST_NAMES: LazyLock<Lexicon> = LazyLock::new(|| lexicon!("first_names"));
/// Surnames held by 100 or more people in the 2010 US Census.
pub static SURNAMES: LazyLock<Lexicon> = LazyLock::new(|| lexicon!("surnames"));
/// US places of 1,000+ people, US counties (without "County"), world cities of 100,000+.
pub static PLACES: LazyLock<Lexicon> = LazyLock::new(|| lexicon!("places"));
/// Common English words (SCOWL size 50, lowercase entries).
pub static COMMON_WORDS: LazyLock<Lexicon> = LazyLock::new(|| lexicon!("common_words"));

/// Writes `word` lowercased with Latin diacritics removed (`Zielińska` -> `zielinska`,
/// `Nuñez` -> `nunez`, curly apostrophes straightened) into `out`, replacing its contents.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let f = match c {
            'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ' | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => 'a',
            'Ç' | 'ç' | 'Ć' | 'ć' | 'Č' | 'č' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' => 'c',
            'Ď' | 'ď' | 'Đ' | 'đ' | 'Ð' | 'ð' => 'd',
            'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể' | 'ễ' | 'ệ' => 'e',
            'Ğ' | 'ğ' | 'Ģ' | 'ģ' => 'g',
            'Ì'..='Ï' | 'ì'..='ï' | 'Ī' | 'ī' | 'Į' | 'į' | 'İ' | 'ı' | 'ỉ' | 'ị' => 'i',
            'Ķ' | 'ķ' => 'k',
            'Ł' | 'ł' | 'Ľ' | 'ľ' | 'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' => 'l',
            'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ň' | 'ň' | 'Ņ' | 'ņ' => 'n',
            'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ő' | 'ő' | 'Ơ' | 'ơ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ' | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => 'o',
            'Ř' | 'ř' | 'Ŕ' | 'ŕ' => 'r',
            'Ś' | 'ś' | 'Š' | 'š' | 'Ş' | 'ş' | 'Ș' | 'ș' => 's',
            'Ť' | 'ť' | 'Ţ' | 'ţ' | 'Ț' | 'ț' => 't',
            'Ù'..='Ü' | 'ù'..='ü' | 'Ū' | 'ū' | 'Ů' | 'ů' | 'Ű' | 'ű' | 'Ų' | 'ų' | 'Ư' | 'ư' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử' | 'ữ' | 'ự' => 'u',
            'Ý' | 'ý' | 'ÿ' | 'Ÿ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => 'y',
            'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
            'ß' => {
                out.push_str("ss");
                continue;
            }
            '\u{2019}' | '\u{2018}' => '\'',
            _ => {
                out.extend(c.to_lowercase());
                continue;
            }
        };
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_searchable() {
        for (name, lex) in [("first", &FIRST_NAMES), ("surnames", &SURNAMES), ("places", &PLACES), ("common", &COMMON_WORDS)] {
            let lines: Vec<&str> = lex.text.lines().collect();
            assert!(lines.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()), "{name} is not sorted");
            assert_eq!(lex.len(), lines.len());
            // every entry is found, including the first and last
            for w in [lines[0], lines[lines.len() / 2], lines[lines.len() - 1]] {
                assert!(lex.contains(w), "{name} lacks its own entry {w:?}");
            }
        }
    }

    /// The native hash tables answer exactly as the binary search over the sorted lines: every
    /// entry is found, and so is nothing else (prefixes, extensions and near misses of entries).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn hash_tables_agree_with_the_sorted_lists() {
        for (name, lex) in [("first", &FIRST_NAMES), ("surnames", &SURNAMES), ("places", &PLACES), ("common", &COMMON_WORDS)] {
            assert!(lex.table.is_some(), "{name} has no table natively");
            let plain = Lexicon::new(lex.text);
            for (k, line) in lex.text.lines().enumerate() {
                assert!(lex.contains(line), "{name} lacks its own entry {line:?}");
                if k % 7 == 0 {
                    let half = (0..=line.len() / 2).rev().find(|&i| line.is_char_boundary(i)).unwrap_or(0);
                    for probe in [&line[..half], &format!("{line}s"), &format!("{line}\n"), &line.replacen(|c: char| c.is_ascii_lowercase(), "q", 1)] {
                        assert_eq!(lex.contains(probe), plain.contains(probe), "{name}: {probe:?}");
                    }
                }
            }
            assert!(!lex.contains("zzzzqqqq") && !lex.contains("\n"));
        }
    }

    #[test]
    fn front_coded_lists_decode_to_the_lists() {
        // the browser build embeds these files (written by build.rs) instead of data/*.txt
        let rows: [(&[u8], &str); 4] = [
            (include_bytes!(concat!(env!("OUT_DIR"), "/first_names.fc")), include_str!("../../../data/first_names.txt")),
            (include_bytes!(concat!(env!("OUT_DIR"), "/surnames.fc")), include_str!("../../../data/surnames.txt")),
            (include_bytes!(concat!(env!("OUT_DIR"), "/places.fc")), include_str!("../../../data/places.txt")),
            (include_bytes!(concat!(env!("OUT_DIR"), "/common_words.fc")), include_str!("../../../data/common_words.txt")),
        ];
        for (coded, plain) in rows {
            assert!(coded.len() < plain.len() * 3 / 4, "front coding should shrink the list");
            assert_eq!(front_decode(coded), plain);
        }
        // entries sharing a prefix, one that is a prefix of the next, and a last line without a newline
        assert_eq!(front_decode(b"\x00ann\n\x03a\n\x03\n\x00bo"), "ann\nanna\nann\nbo");
    }

    #[test]
    fn membership_table() {
        let rows: &[(&LazyLock<Lexicon>, &str, bool)] = &[
            (&FIRST_NAMES, "rosa", true),
            (&FIRST_NAMES, "oluwaseun", true),
            (&FIRST_NAMES, "thandiwe", true),
            (&FIRST_NAMES, "siobhan", true),
            (&SURNAMES, "nguyen", true),
            (&SURNAMES, "yilmaz", true),
            (&SURNAMES, "dlamini", true),
            (&SURNAMES, "zielinska", true),
            (&SURNAMES, "zzzzzz", false),
            (&PLACES, "baltimore", true),
            (&PLACES, "san diego", true),
            (&COMMON_WORDS, "grace", true),
            (&COMMON_WORDS, "okafor", false),
        ];
        for &(lex, w, want) in rows {
            assert_eq!(lex.contains(w), want, "{w}");
        }
    }

    #[test]
    fn folding_table() {
        let rows = [("Zielińska", "zielinska"), ("NUÑEZ", "nunez"), ("O\u{2019}Brien", "o'brien"), ("Nguyễn", "nguyen"), ("Straße", "strasse")];
        let mut buf = String::new();
        for (w, want) in rows {
            fold_into(w, &mut buf);
            assert_eq!(buf, want);
        }
    }
}
