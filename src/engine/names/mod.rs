//! Names, places and organizations of every origin (detection engine, part 2).
//!
//! No single kind of evidence is enough, so four are combined:
//! - [dictionaries]: first names (SSA) and surnames (US Census 2010) of every origin, places
//!   (GeoNames), and common English words (SCOWL) to tell "Grace" the name from "grace";
//! - [context]: titles ("Dr. ___"), kinship and role words ("her son ___"), greetings, signature
//!   credentials ("___, RN"), transfer verbs ("transferred to ___");
//! - [shape]: capitals (`Rosa`, `ROSA`), initials, sentence position, and the case convention of
//!   the whole note (ALL CAPS and all-lowercase notes carry no case information);
//! - [structure]: particles (van, de, del, al-, bin, ibn, Mac, Ní, O'), hyphenated and double
//!   surnames, "LAST, FIRST M" order, initials.
//!
//! Dictionaries never suffice alone: a name no list contains is found by context and shape ("Dr.
//! Xyloqua", "her son Tafadzwa"). [traps] keep eponyms, drugs, generic institutions, months and
//! words that are also names from being flagged where they are used as such.
//!
//! Then the [coreference] refiner finds the other mentions of every name found ("Rosa Alvarez" ...
//! "Rosa" ... "Mrs. Alvarez" ... "R.A.").
//!
//! ```
//! use storysafe::engine::{default_engine, Category};
//!
//! let text = "Her son Tafadzwa Moyo drove her to Calvert Hospital. Tafadzwa stayed.";
//! let spans = default_engine().scan(text);
//! let found: Vec<(&str, Category)> = spans.iter().map(|s| (&text[s.start..s.end], s.category)).collect();
//! assert!(found.contains(&("Tafadzwa Moyo", Category::Name)));
//! assert!(found.contains(&("Calvert Hospital", Category::Organization)));
//! assert!(found.contains(&("Tafadzwa", Category::Name)));
//! ```

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::{Input, Recognizer, Refiner, Span};

/// `key_in!(doc, i, "of", "at", "from")`: true when token `i`'s [`Doc::key`] is one of the words
/// (lowercase, one to eight bytes each), like `matches!(&*doc.key(i), "of" | "at" | "from")` but
/// comparing integers packed at compile time: for the cue tests of loops over every token. Most
/// keys are none of the words: a one-word-wide filter of the words' [`bit8`] turns most of them
/// away before the comparisons (one per word).
macro_rules! key_in {
    ($doc:expr, $i:expr, $($w:literal),+ $(,)?) => {{
        const FILTER: u64 = $crate::engine::names::filter8(&[$($crate::engine::names::word8($w)),+]);
        let k = $doc.key8($i);
        FILTER & (1 << $crate::engine::names::bit8(k)) != 0 && (false $(|| k == const { $crate::engine::names::word8($w) })+)
    }};
}

pub mod context;
pub mod coreference;
pub mod dictionaries;
pub mod organizations;
pub mod person;
pub mod places;
pub mod shape;
pub mod structure;
pub mod traps;

use dictionaries::{fold_into, COMMON_WORDS, FIRST_NAMES, PLACES, SURNAMES};
use shape::{CaseMode, Shape, Tok};
use traps::FastHash;

/// The name, place and organization recognizers.
pub fn recognizers() -> Vec<Box<dyn Recognizer>> {
    vec![Box::new(NamesPlacesOrgs)]
}

/// Refiners: other occurrences of a found name, place or organization.
pub fn refiners() -> Vec<Box<dyn Refiner>> {
    vec![Box::new(coreference::Coreference)]
}

/// One pass that tokenizes the text once and runs the person, place and organization rules.
pub struct NamesPlacesOrgs;

impl Recognizer for NamesPlacesOrgs {
    fn name(&self) -> &'static str {
        "names"
    }

    fn recognize(&self, input: &Input<'_>, out: &mut Vec<Span>) {
        let text = input.text();
        let blocks = case_blocks_with_modes(text);
        // a chat whose lines fall into blocks of different case: its speakers counted on the whole text
        let labels = if blocks.len() > 1 { person::chat_label_counts(text) } else { Vec::new() };
        for (start, end, mode) in blocks {
            let mut doc = Doc::with_mode(&text[start..end], mode);
            if !labels.is_empty() {
                doc.chat_labels = Some(labels.clone());
            }
            let first = out.len();
            person::find(&doc, out);
            organizations::find(&doc, out);
            places::find(&doc, out);
            for s in &mut out[first..] {
                s.start += start;
                s.end += start;
            }
        }
    }
}

/// Splits a text into runs of lines typed in the same case convention, so that a note with an
/// ALL CAPS section and a lowercase section is read with the right rules in each. A line with
/// few letters takes the convention of the line before it.
pub fn case_blocks(text: &str) -> Vec<(usize, usize)> {
    case_blocks_with_modes(text).into_iter().map(|(s, e, _)| (s, e)).collect()
}

/// [`case_blocks`], each with the case mode of its whole text (what [`Doc::new`] would compute
/// on it), from one pass that counts each line's capitals and lowercase letters.
fn case_blocks_with_modes(text: &str) -> Vec<(usize, usize, CaseMode)> {
    // (start, end, mode, capitals, lowercase letters)
    let mut blocks: Vec<(usize, usize, CaseMode, usize, usize)> = Vec::new();
    let mut at = 0;
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let line = &bytes[at..];
        let line = &line[..memchr::memchr(b'\n', line).map_or(line.len(), |p| p + 1)];
        let end = at + line.len();
        let (up, low) = shape::count_cases(&text[at..end]);
        let mode = if up + low >= 16 { Some(shape::case_mode_of_counts(up, low)) } else { None };
        let single = blocks.len() == 1;
        match (blocks.last_mut(), mode) {
            (Some(last), None) => (last.1, last.3, last.4) = (end, last.3 + up, last.4 + low),
            (Some(last), Some(m)) if last.2 == m => (last.1, last.3, last.4) = (end, last.3 + up, last.4 + low),
            // a leading run of short lines takes the convention of the first long line
            (Some(last), Some(m)) if single && last.3 + last.4 < 16 => {
                (last.1, last.3, last.4) = (end, last.3 + up, last.4 + low);
                last.2 = m;
            }
            (_, m) => blocks.push((at, end, m.unwrap_or(CaseMode::Mixed), up, low)),
        }
        at = end;
    }
    blocks.into_iter().map(|(s, e, _, up, low)| (s, e, shape::case_mode_of_counts(up, low))).collect()
}

/// Word-class flags of a token, from the small built-in word sets (one hash lookup per token).
pub mod flag {
    /// Function word, pronoun, auxiliary.
    pub const FUNC: u32 = 1;
    /// Strong title (Dr, Mr, Mrs, Ms, Prof).
    pub const TITLE: u32 = 1 << 1;
    /// Weaker title or honorific (Sister, Uncle, Don, Officer).
    pub const TITLE_WEAK: u32 = 1 << 2;
    /// Kinship word (son, daughter, wife).
    pub const KIN: u32 = 1 << 3;
    /// Role word (patient, nurse, case manager).
    pub const ROLE: u32 = 1 << 4;
    /// Greeting or sign-off.
    pub const GREET: u32 = 1 << 5;
    /// Credential (RN, MD, RRT).
    pub const CRED: u32 = 1 << 6;
    /// Transfer verb.
    pub const TRANSFER: u32 = 1 << 7;
    /// Place preposition (to, from, at, in).
    pub const PREP: u32 = 1 << 8;
    /// Hospital unit or generic care setting.
    pub const UNIT: u32 = 1 << 9;
    /// Eponym, drug, institution or calendar word.
    pub const TRAP: u32 = 1 << 10;
    /// Organization head noun (Hospital, Clinic, Church).
    pub const ORG_HEAD: u32 = 1 << 11;
    /// Place suffix (County, Falls, Heights).
    pub const PLACE_SUFFIX: u32 = 1 << 12;
    /// Street suffix (Street, Road, Avenue).
    pub const STREET: u32 = 1 << 13;
    /// Name particle (van, de, bin).
    pub const PARTICLE: u32 = 1 << 14;
    /// Medical noun that makes the word before it an eponym (palsy, catheter).
    pub const EPONYM_HEAD: u32 = 1 << 15;
    /// Saint prefix (St, Saint).
    pub const SAINT: u32 = 1 << 16;
    /// Place prefix (County, Lake, Mount, Calle).
    pub const PLACE_PREFIX: u32 = 1 << 17;
    /// Month or weekday.
    pub const CALENDAR: u32 = 1 << 18;
    /// A US state name or postal abbreviation.
    pub const STATE: u32 = 1 << 19;
    /// A word that introduces a place of residence (lives, born, moved).
    pub const HOME_VERB: u32 = 1 << 20;
    /// A room word (room, rm, bed, apt, suite).
    pub const ROOM: u32 = 1 << 21;
    /// A verb that often follows a name in notes (called, visited, phoned, is, will).
    pub const NOTE_VERB: u32 = 1 << 22;
    /// A verb of talking before "with"/"to" (spoke, talked, met).
    pub const TALK_VERB: u32 = 1 << 23;
    /// "with" or "to".
    pub const WITH: u32 = 1 << 24;
    /// "at" or "from".
    pub const AT_FROM: u32 = 1 << 25;
    /// A language, nationality or vehicle make: never a name on its own, but may be part of one
    /// ("Bongani Zulu").
    pub const NOT_NAME: u32 = 1 << 26;
    /// Clinical shorthand ("LE", "Do" as in "do not"): a trap, except as the surname of a name.
    pub const MEDICAL: u32 = 1 << 27;
    /// Listed as an English word but almost always a name when capitalized ("Maria").
    pub const NAME_LIKE: u32 = 1 << 28;
    /// A grammatical word of running prose (article, pronoun, auxiliary, preposition,
    /// conjunction), counted by [`Doc::is_prose`](super::Doc::is_prose): narrower than [`FUNC`],
    /// which also holds the note verbs ("notified", "aware").
    pub const GRAMMAR: u32 = 1 << 29;
    /// A congregation head that opens its name ("Church of God", "Masjid Al-Noor"): the words of
    /// `organizations::HEADS_FIRST`.
    pub const HEAD_FIRST: u32 = 1 << 30;
    /// A cue word of the person rules after their main loop (`person::CUE_WORDS`): only a token
    /// with this flag (or one not plain) needs looking up for its marks.
    pub const CUE: u32 = 1 << 31;
}

static FLAGS: LazyLock<HashMap<&'static str, u32, FastHash>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, u32, FastHash> = HashMap::default();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, f: u32| {
        for w in words {
            *m.entry(w).or_insert(0) |= f;
        }
    };
    add(&mut traps::FUNCTION.iter().copied(), flag::FUNC);
    add(&mut traps::GRAMMAR.split(' '), flag::GRAMMAR);
    add(&mut context::TITLES.iter().copied().filter(|w| STRONG_TITLES.contains(w)), flag::TITLE);
    add(&mut context::TITLES.iter().copied().filter(|w| !STRONG_TITLES.contains(w)), flag::TITLE_WEAK);
    add(&mut context::KIN.iter().copied(), flag::KIN);
    add(&mut context::ROLES.iter().copied(), flag::ROLE);
    add(&mut context::GREETINGS.iter().copied(), flag::GREET);
    add(&mut context::CREDENTIALS.iter().copied(), flag::CRED);
    add(&mut context::TRANSFER_VERBS.iter().copied(), flag::TRANSFER);
    add(&mut context::PLACE_PREPS.iter().copied(), flag::PREP);
    add(&mut traps::UNITS.iter().copied(), flag::UNIT);
    for s in [&traps::EPONYMS, &traps::DRUGS, &traps::INSTITUTIONS] {
        add(&mut s.iter().copied(), flag::TRAP);
    }
    add(&mut traps::MEDICAL.iter().copied(), flag::TRAP | flag::MEDICAL);
    add(&mut traps::NOT_NAMES.iter().copied(), flag::NOT_NAME);
    add(&mut traps::NAME_LIKE.iter().copied(), flag::NAME_LIKE);
    add(&mut traps::CALENDAR.iter().copied(), flag::TRAP | flag::CALENDAR);
    add(&mut traps::EPONYM_HEADS.iter().copied(), flag::EPONYM_HEAD);
    add(&mut organizations::HEADS.iter().copied(), flag::ORG_HEAD);
    add(&mut organizations::HEADS_FIRST.iter().copied(), flag::HEAD_FIRST);
    // ("Children's Mercy": a children's hospital named after its head)
    add(&mut ["children"].into_iter(), flag::HEAD_FIRST);
    add(&mut places::SUFFIXES.iter().copied(), flag::PLACE_SUFFIX);
    add(&mut places::STREETS.iter().copied(), flag::STREET);
    add(&mut places::PREFIXES.iter().copied(), flag::PLACE_PREFIX);
    add(&mut places::STATES.iter().copied(), flag::STATE);
    add(&mut places::HOME_VERBS.iter().copied(), flag::HOME_VERB);
    add(&mut structure::PARTICLES.iter().copied(), flag::PARTICLE);
    add(&mut ["st", "saint", "sainte", "ste", "san", "santa", "sao", "são"].into_iter(), flag::SAINT);
    add(&mut ["room", "rm", "bed", "apt", "apartment", "suite", "unit"].into_iter(), flag::ROOM);
    add(&mut "called calls visited visits phoned spoke came updated states stated says said asked requested wants is was has will would".split(' '), flag::NOTE_VERB);
    add(&mut "spoke talked met speak talk spoken consult".split(' '), flag::TALK_VERB);
    add(&mut ["with", "to"].into_iter(), flag::WITH);
    add(&mut ["at", "from"].into_iter(), flag::AT_FROM);
    add(&mut person::CUE_WORDS.iter().map(|&(w, _)| w), flag::CUE);
    m
});

/// [`FLAGS`] for the words of 16 bytes or fewer, in a [`ShortWords`] table (the lookup every
/// token makes), behind a bit filter small enough to stay in the fastest cache: most words of a
/// text have no flags, and the filter turns them away without touching the table.
struct ShortFlags {
    /// One bit per value of [`ShortWords::filter_bit`], set for the words in the table.
    filter: Vec<u64>,
    words: ShortWords<u32>,
}

static SHORT_FLAGS: LazyLock<ShortFlags> = LazyLock::new(|| {
    let mut words = ShortWords::with_capacity(FLAGS.len());
    let mut filter = vec![0u64; 1 << 10];
    for (w, &f) in FLAGS.iter() {
        if let Some(k) = pack(w.as_bytes()) {
            words.insert(k, f);
            let b = filter_bit(k);
            filter[b >> 6] |= 1 << (b & 63);
        }
    }
    ShortFlags { filter, words }
});

/// The flags of the lowercase, folded word `lower[a..a + len]` (`lower` holds 16 bytes past it,
/// for [`pack_at`]), from the [`ShortFlags`] table when it has 16 bytes or fewer.
#[inline(always)]
fn flags_at(short: &ShortFlags, lower: &str, a: usize, len: usize) -> u32 {
    if !(1..=16).contains(&len) {
        return FLAGS.get(&lower[a..a + len]).copied().unwrap_or(0);
    }
    flags_of_packed(short, pack_at(lower.as_bytes(), a, len))
}

/// The flags of a word packed by [`pack_at`] (1 to 16 bytes), from the [`ShortFlags`] table.
#[inline(always)]
fn flags_of_packed(short: &ShortFlags, k: (u64, u64)) -> u32 {
    let b = filter_bit(k);
    if short.filter[b >> 6] & (1 << (b & 63)) == 0 {
        return 0;
    }
    short.words.get(k).unwrap_or(0)
}

/// The flags of token `t` that is not [plain](Tok::plain), whose lowercase, folded word is
/// `lower[a..e]` (the possessive kept; `base_len` is the length without it, for a possessive):
/// a hyphenated compound of eponyms is a trap, a possessive has its word's flags but
/// [`flag::FUNC`].
fn flags_of_word(short: &ShortFlags, lower: &str, t: &Tok, a: usize, e: usize, base_len: Option<usize>) -> u32 {
    // "Cheyne-Stokes", "Mallory-Weiss", "Wolff-Parkinson-White": a compound opening with
    // an eponym (a trap word, no month or weekday: "Jun-Jun" is a name), then eponyms or
    // common words, is a trap too, at any length
    let trap = |p: &str| word_flags(p) & (flag::TRAP | flag::CALENDAR) == flag::TRAP;
    let w = &lower[a..e];
    if w.contains('-') && w.split('-').enumerate().all(|(k, p)| !p.is_empty() && (trap(p) || k > 0 && COMMON_WORDS.contains(p))) {
        return flag::TRAP;
    }
    if t.e - t.s > 16 {
        return 0;
    }
    let mut f = flags_at(short, lower, a, e - a);
    if let Some(base_len) = base_len {
        f |= flags_at(short, lower, a, base_len) & !flag::FUNC;
    }
    f
}

/// The hash of a packed word for [`ShortWords`]: its top bits choose the slot.
#[inline]
fn hash_packed(k: (u64, u64)) -> u64 {
    (k.0 ^ k.1.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// A 16-bit index of a packed word for the filter of [`ShortFlags`].
#[inline]
fn filter_bit(k: (u64, u64)) -> usize {
    (hash_packed(k) >> 48) as usize
}

/// An exact-match table of short words (1 to 16 bytes, never a NUL byte), each packed into two
/// integers by [`pack`]: a lookup is one multiplication and a comparison of two registers, with
/// no hashing or comparing of bytes. Open addressing, linear probing, at most half full.
struct ShortWords<V> {
    /// Key and value side by side (one cache line per probe); an empty slot has key (0, 0).
    slots: Vec<(u64, u64, V)>,
    len: usize,
    shift: u32,
}

impl<V: Copy + Default> ShortWords<V> {
    fn with_capacity(n: usize) -> ShortWords<V> {
        let slots = (n * 2).next_power_of_two().max(64);
        ShortWords { slots: vec![(0, 0, V::default()); slots], len: 0, shift: 64 - slots.trailing_zeros() }
    }

    /// The slot holding `k`, or the empty slot where it would go.
    #[inline]
    fn find(&self, k: (u64, u64)) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut i = (hash_packed(k) >> self.shift) as usize;
        loop {
            let e = &self.slots[i];
            if (e.0, e.1) == k {
                return Ok(i);
            }
            if e.0 == 0 {
                return Err(i);
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, k: (u64, u64)) -> Option<V> {
        self.find(k).ok().map(|i| self.slots[i].2)
    }

    /// The value of `k`, inserted as `V::default()` when missing.
    fn entry(&mut self, k: (u64, u64)) -> &mut V {
        if (self.len + 1) * 2 > self.slots.len() {
            let mut bigger = ShortWords::with_capacity(self.slots.len());
            for &(lo, hi, v) in &self.slots {
                if lo != 0 {
                    bigger.insert((lo, hi), v);
                }
            }
            *self = bigger;
        }
        let i = match self.find(k) {
            Ok(i) => i,
            Err(i) => {
                (self.slots[i].0, self.slots[i].1) = k;
                self.len += 1;
                i
            }
        };
        &mut self.slots[i].2
    }

    fn insert(&mut self, k: (u64, u64), v: V) {
        *self.entry(k) = v;
    }

    fn clear(&mut self) {
        *self = ShortWords::with_capacity(0);
    }
}

/// A word of one to eight bytes packed into an integer, as [`Doc::key_in8`] compares keys (a
/// longer or empty word is a compile-time error in [`key_in!`]).
pub const fn word8(w: &str) -> u64 {
    let b = w.as_bytes();
    assert!(!b.is_empty() && b.len() <= 8, "key_in! takes words of one to eight bytes");
    let mut v = 0u64;
    let mut k = 0;
    while k < b.len() {
        v |= (b[k] as u64) << (8 * k);
        k += 1;
    }
    v
}

/// A bit (0 to 63) of a word packed by [`word8`], from its hash: the filter of [`key_in!`].
#[inline]
pub const fn bit8(k: u64) -> u32 {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as u32
}

/// The filter of [`key_in!`] for `words` (packed by [`word8`]): the [`bit8`] of each word set.
pub const fn filter8(words: &[u64]) -> u64 {
    let mut f = 0u64;
    let mut k = 0;
    while k < words.len() {
        f |= 1 << bit8(words[k]);
        k += 1;
    }
    f
}

/// `w` packed for [`ShortWords`]: its bytes, zero-padded to 16, as two integers (none for an
/// empty word or one of more than 16 bytes).
fn pack(w: &[u8]) -> Option<(u64, u64)> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let mut b = [0u8; 32];
    b[..w.len()].copy_from_slice(w);
    Some(pack_at(&b, 0, w.len()))
}

/// [`pack`] of `buf[a..a + len]` (`1 <= len <= 16`), reading 16 bytes from `a`: `buf` must hold
/// at least 16 bytes from `a` on.
#[inline]
fn pack_at(buf: &[u8], a: usize, len: usize) -> (u64, u64) {
    let b: &[u8; 16] = buf[a..a + 16].try_into().expect("16 bytes");
    let lo = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
    let hi = u64::from_le_bytes([b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]]);
    let (ml, mh) = PACK_MASKS[len.min(16)];
    (lo & ml, hi & mh)
}

/// The masks of [`pack_at`] by word length (0 to 16): the word's bytes kept, the ones after it
/// cleared (a table: no branch on the length).
static PACK_MASKS: [(u64, u64); 17] = {
    let mut t = [(0u64, 0u64); 17];
    let mut len = 1;
    while len <= 16 {
        t[len] = if len >= 16 {
            (!0, !0)
        } else if len >= 8 {
            (!0, (1u64 << (8 * (len - 8))) - 1)
        } else {
            ((1u64 << (8 * len)) - 1, 0)
        };
        len += 1;
    }
    t
};

/// Prefixes of English hyphenated compounds ("Re-do", "Co-op", "Post-op"): never a given name's
/// first syllable in [`Doc::is_hyphen_name`]'s shape rule.
const HYPHEN_PREFIXES: &[&str] = &["re", "co", "pre", "non", "post", "self", "anti", "ex", "mid", "semi", "bi", "tri", "pro", "sub", "un", "de", "dis", "mis", "out", "over", "up", "off", "on", "in", "all", "well", "ill", "half", "step", "wi", "hi", "lo", "uh", "oh", "ah", "mm", "hmm", "ha", "ho", "la", "da", "ta", "yo"];

const STRONG_TITLES: &[&str] = &["dr", "drs", "dr's", "doctor", "mr", "mrs", "ms", "miss", "mx", "mister", "prof", "professor"];

/// The flags of the grammatical words, which a third of the tokens of a text carry: tokens with
/// other flags are listed apart for [`Doc::tokens_with`].
/// ([`flag::CUE`] too: it is only a filter of the person rules' own cue lookup.)
const COMMON_FLAGS: u32 = flag::FUNC | flag::GRAMMAR | flag::PREP | flag::WITH | flag::AT_FROM | flag::NOTE_VERB | flag::CUE;

/// Results of list lookups by folded word: the same bits as `Doc::memo` (words of 16 bytes or
/// fewer in the [`ShortWords`] table, longer ones in the map).
struct Lookups {
    short: ShortWords<u8>,
    long: HashMap<String, u8, FastHash>,
}

thread_local! {
    static LOOKUPS: std::cell::RefCell<Lookups> = std::cell::RefCell::new(Lookups { short: ShortWords::with_capacity(0), long: HashMap::default() });
}

/// The facts of one token of a [`Doc`], computed once in [`Doc::with_mode`] and kept side by
/// side (one vector, one push per token; the rules read several of them at the same token).
struct Facts {
    /// The token's [`Doc::key`], as a byte range of `lower`.
    key: (u32, u32),
    /// The key packed into an integer ([`word8`]) when it has eight bytes or fewer, else 0:
    /// compared in [`Doc::key_in8`].
    key8: u64,
    /// The small-set flags ([`flag`]).
    flags: u32,
    /// [`Doc::joined`].
    join: bool,
    /// Memoized list lookups: bit 0/1 first name known/true, 2/3 surname, 4/5 common, 6/7 place.
    memo: Cell<u8>,
}

/// A text prepared for the name rules: its tokens, case mode and lazily computed word facts.
pub struct Doc<'a> {
    /// The (normalized) text.
    pub text: &'a str,
    /// The word tokens.
    pub toks: Vec<Tok>,
    /// The case convention of the whole text.
    pub mode: CaseMode,
    /// What [`Doc::with_mode`] found out about each token.
    facts: Vec<Facts>,
    /// `text` with ASCII letters lowercased (same byte offsets), then the folded forms of the
    /// tokens that are not all ASCII, then 16 NUL bytes (so that [`pack_at`] may read past any
    /// key).
    lower: String,
    /// The tokens with a flag other than [`COMMON_FLAGS`], in order (for [`Doc::tokens_with`]).
    rare: Vec<u32>,
    /// [`Doc::is_prose`], computed on first use: 0 not yet, 1 no, 2 yes.
    prose: Cell<u8>,
    /// The chat speaker labels of the whole text and how many lines each opens, when the text was
    /// split into blocks of different case (none: count them in this block).
    pub chat_labels: Option<Vec<(String, usize)>>,
}

impl<'a> Doc<'a> {
    /// Tokenizes `text` and looks up the small-set flags of every token.
    pub fn new(text: &'a str) -> Doc<'a> {
        Doc::with_mode(text, case_mode_of(text))
    }

    /// [`Doc::new`] for a text whose case mode is known (`mode` must be `shape::case_mode(text)`).
    fn with_mode(text: &'a str, mode: CaseMode) -> Doc<'a> {
        let toks = shape::tokenize(text);
        let n = toks.len();
        let mut lower = String::with_capacity(text.len() + 16);
        lower.push_str(text);
        lower.make_ascii_lowercase();
        // the folded words of the tokens that are not all ASCII, appended to `lower` in token order
        // (an ASCII token's lowercase word is its own range of `lower`)
        let mut folded: Vec<(u32, u32)> = Vec::new();
        let ascii = text.is_ascii();
        if !ascii {
            let mut buf = String::new();
            for t in toks.iter().filter(|t| !t.ascii) {
                fold_into(&lower[t.s..t.e], &mut buf);
                let a = lower.len();
                lower.push_str(&buf);
                folded.push((a as u32, lower.len() as u32));
            }
        }
        lower.push_str("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
        let short = &*SHORT_FLAGS;
        let bytes = lower.as_bytes();
        let tb = text.as_bytes();
        let mut folded = folded.into_iter();
        let mut facts = Vec::with_capacity(n);
        let mut rare = Vec::with_capacity(n / 4);
        // one pass over the tokens for all their facts
        for (i, t) in toks.iter().enumerate() {
            // one or two spaces, and nothing else, up to the next token
            let join = toks.get(i + 1).is_some_and(|next| match next.s - t.e {
                1 => tb[t.e] == b' ',
                2 => tb[t.e] == b' ' && tb[t.e + 1] == b' ',
                _ => false,
            });
            let (key, key8, flags) = if t.plain {
                // ASCII letters only (most tokens): the key is the token's own range of `lower`,
                // packed once for both `key8` and the flags
                let len = t.e - t.s;
                if len > 16 {
                    ((t.s, t.e), 0, 0)
                } else {
                    let k = pack_at(bytes, t.s, len);
                    ((t.s, t.e), if len <= 8 { k.0 } else { 0 }, flags_of_packed(short, k))
                }
            } else {
                // the token's lowercase, folded word (possessive kept): a range of `lower`
                let (a, e) = if t.ascii {
                    (t.s, t.e)
                } else {
                    folded.next().map(|(a, e)| (a as usize, e as usize)).expect("a folded word for each token not all ASCII")
                };
                let possessive = bytes[a..e].ends_with(b"'s");
                let base_len = if possessive { e - a - 2 } else { e - a };
                let key8 = if (1..=8).contains(&base_len) { pack_at(bytes, a, base_len).0 } else { 0 };
                ((a, a + base_len), key8, flags_of_word(short, &lower, t, a, e, possessive.then_some(base_len)))
            };
            if flags & !COMMON_FLAGS != 0 {
                rare.push(i as u32);
            }
            facts.push(Facts { key: (key.0 as u32, key.1 as u32), key8, flags, join, memo: Cell::new(0) });
        }
        // checked once per token here (cheap), so that `key_str` can slice without checking (an
        // all-ASCII `lower` has a char boundary at every offset)
        assert!(facts.iter().all(|f| f.key.0 <= f.key.1 && if ascii { f.key.1 as usize <= lower.len() } else { lower.get(f.key.0 as usize..f.key.1 as usize).is_some() }), "name keys must lie on char boundaries");
        debug_assert_eq!(mode, case_mode_of(text));
        Doc { text, toks, mode, facts, lower, rare, prose: Cell::new(0), chat_labels: None }
    }

    /// The token's text as written.
    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].s..self.toks[i].e]
    }

    /// The token lowercased and folded for dictionary lookups, without a possessive `'s`.
    #[inline]
    pub fn key(&self, i: usize) -> Cow<'_, str> {
        Cow::Borrowed(self.key_str(i))
    }

    /// [`Doc::key`] as a plain string slice (computed once per token in [`Doc::new`]).
    #[inline]
    pub fn key_str(&self, i: usize) -> &str {
        let (a, b) = self.facts[i].key;
        // The rules slice keys several times per token, and checking the two char boundaries of
        // every slice cost about a tenth of the whole pass.
        // SAFETY: the keys of `facts` are built once in `with_mode` and `lower` never changes after: each range
        // lies inside `lower` and starts and ends on char boundaries (a token's bounds in `text`,
        // which lowercasing ASCII letters keeps, less an ASCII "'s"; or a folded word appended
        // whole), as the assertion there checks for every key before any is sliced.
        unsafe { self.lower.get_unchecked(a as usize..b as usize) }
    }

    /// Token `i`'s [`Doc::key`] packed by [`word8`] when it has eight bytes or fewer, else 0.
    #[inline]
    pub fn key8(&self, i: usize) -> u64 {
        self.facts[i].key8
    }

    /// The tokens that carry any of the flags `f`, in order: for the rules that can only start at
    /// such a token. `f` must hold none of [`COMMON_FLAGS`] (only the tokens with a rarer flag,
    /// listed once in [`Doc::new`], are looked at).
    pub fn tokens_with(&self, f: u32) -> impl Iterator<Item = usize> + '_ {
        assert_eq!(f & COMMON_FLAGS, 0, "tokens_with takes rare flags only");
        self.rare.iter().map(|&i| i as usize).filter(move |&i| self.facts[i].flags & f != 0)
    }

    /// True when token `i`'s [`Doc::key`] is one of `words`, packed by [`word8`]: see [`key_in!`].
    #[inline]
    pub fn key_in8(&self, i: usize, words: &[u64]) -> bool {
        let k = self.facts[i].key8;
        words.contains(&k)
    }

    /// True when the text reads as running prose (a story, a letter, a narrative note) rather than
    /// clinical shorthand: at least 30% of its words are grammatical words ([`flag::GRAMMAR`]:
    /// articles, pronouns, auxiliaries, prepositions), 40% in a text of fewer than 40 words, and
    /// it has six words or more. Telegraphic notes ("Pt afebrile, Lasix 40 IV given") drop most of
    /// them: on the dev corpora the median ICU note has 24%, the median story 43%; 18% of the
    /// notes and 93% of the stories pass.
    pub fn is_prose(&self) -> bool {
        if self.prose.get() == 0 {
            let words = self.toks.iter().filter(|t| t.shape != Shape::Other).count();
            let func = self.facts.iter().filter(|f| f.flags & flag::GRAMMAR != 0).count();
            // a short text needs a higher share: one telegraphic line may hold three function words
            let share = match words {
                40.. => 30,
                10.. => 34,
                _ => 40,
            };
            self.prose.set(if words >= 6 && func * 100 >= words * share { 2 } else { 1 });
        }
        self.prose.get() == 2
    }

    /// The small-set flags of token `i`.
    pub fn flags(&self, i: usize) -> u32 {
        self.facts[i].flags
    }

    /// True when token `i` has any of `f`.
    pub fn has(&self, i: usize, f: u32) -> bool {
        self.facts[i].flags & f != 0
    }

    fn memo(&self, i: usize, bit: u8, f: impl FnOnce() -> bool) -> bool {
        let m = self.facts[i].memo.get();
        if m & (1 << bit) != 0 {
            return m & (2 << bit) != 0;
        }
        // the per-thread cache of earlier lookups of the same word, in any text
        let key = self.key_str(i);
        let (a, b) = self.facts[i].key;
        let packed = if (1..=16).contains(&key.len()) { Some(pack_at(self.lower.as_bytes(), a as usize, (b - a) as usize)) } else { None };
        let cached = LOOKUPS.with(|c| {
            let c = c.borrow();
            match packed {
                Some(k) => c.short.get(k),
                None => c.long.get(key).copied(),
            }
        });
        let m = m | cached.unwrap_or(0);
        if m & (1 << bit) != 0 {
            self.facts[i].memo.set(m);
            return m & (2 << bit) != 0;
        }
        let v = f();
        let m = m | (1 << bit) | if v { 2 << bit } else { 0 };
        self.facts[i].memo.set(m);
        LOOKUPS.with(|c| {
            let mut c = c.borrow_mut();
            if c.short.len + c.long.len() > 200_000 {
                c.short.clear();
                c.long.clear();
            }
            match packed {
                Some(k) => *c.short.entry(k) |= m,
                None => *c.long.entry(key.to_owned()).or_insert(0) |= m,
            }
        });
        v
    }

    /// True when token `i` is in the first-name list.
    pub fn is_first(&self, i: usize) -> bool {
        self.memo(i, 0, || FIRST_NAMES.contains(&self.key(i)))
    }

    /// True when token `i` is in the surname list (each part of a hyphenated surname counts).
    pub fn is_surname(&self, i: usize) -> bool {
        self.memo(i, 2, || {
            let k = self.key(i);
            SURNAMES.contains(&k) || (k.contains('-') && k.split('-').all(|p| p.len() > 1 && (SURNAMES.contains(p) || FIRST_NAMES.contains(p))))
        })
    }

    /// True when token `i` is a first name or a surname.
    pub fn is_name(&self, i: usize) -> bool {
        self.is_first(i) || self.is_surname(i)
    }

    /// True when token `i` is a hyphenated given name: every part a listed first name ("Sung-ho",
    /// "Jean-Paul", even when the parts are also English words), or the shape of a romanized
    /// two-syllable given name ("Seo-jun", "Ha-eun": a capitalized syllable of two to four letters,
    /// a hyphen, a lowercase one of two to five) that is not an English compound or prefix.
    pub fn is_hyphen_name(&self, i: usize) -> bool {
        // (a plain token, ASCII letters only, has no hyphen)
        if self.toks[i].plain {
            return false;
        }
        let k = self.key(i);
        if !k.contains('-') {
            return false;
        }
        if k.split('-').count() <= 3 && k.split('-').all(|p| p.len() >= 2 && FIRST_NAMES.contains(p)) {
            return true;
        }
        let w = self.word(i);
        let Some((a, b)) = w.split_once('-') else { return false };
        let syllable = |p: &str, lo: usize, hi: usize| (lo..=hi).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_alphabetic());
        let shape = syllable(a, 2, 4) && syllable(b, 2, 5) && a.as_bytes()[0].is_ascii_uppercase() && a[1..].bytes().all(|c| c.is_ascii_lowercase()) && b.bytes().all(|c| c.is_ascii_lowercase());
        // "Skin-lac", "Endo-blood": shorthand compounds of notes have an English word of four letters or more
        let english = |p: &str| p.len() >= 4 && COMMON_WORDS.contains(&p.to_ascii_lowercase());
        let compound = HYPHEN_PREFIXES.contains(&&*a.to_ascii_lowercase()) || COMMON_WORDS.contains(&a.to_ascii_lowercase()) && COMMON_WORDS.contains(b);
        shape && !compound && !english(a) && !english(b)
    }

    /// True when token `i` is a common English word.
    pub fn is_common(&self, i: usize) -> bool {
        if self.has(i, flag::NAME_LIKE) && self.toks[i].shape != Shape::Lower {
            return false;
        }
        self.memo(i, 4, || {
            let k = self.key(i);
            COMMON_WORDS.contains(&k) || (k.contains('-') && k.split('-').all(|p| COMMON_WORDS.contains(p)))
        })
    }

    /// True when tokens `i..j` (joined by single spaces) name a place in the gazetteer.
    pub fn is_place(&self, i: usize, j: usize) -> bool {
        if j == i + 1 {
            return self.memo(i, 6, || PLACES.contains(&self.key(i)));
        }
        let mut s = String::new();
        for k in i..j {
            if k > i {
                s.push(' ');
            }
            s.push_str(&self.key(k));
        }
        PLACES.contains(&s)
    }

    /// The text between tokens `i` and `i + 1` (empty at the end).
    pub fn gap(&self, i: usize) -> &'a str {
        let e = self.toks[i].e;
        let s = self.toks.get(i + 1).map_or(self.text.len(), |t| t.s);
        &self.text[e..s]
    }

    /// True when tokens `i` and `i + 1` are separated by one or two spaces only.
    #[inline]
    pub fn joined(&self, i: usize) -> bool {
        self.facts[i].join
    }

    /// True when token `i` is an initial: one capital letter followed by a period (or any
    /// single letter followed by a period in lowercase notes).
    pub fn is_initial(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let single = t.e - t.s == 1 && (t.shape == Shape::Initial || self.mode == CaseMode::Lower);
        single && self.text[t.e..].starts_with('.')
    }

    /// True when token `i` starts with a capital where capitals carry meaning, or in notes with
    /// no case information.
    pub fn cap_or_caseless(&self, i: usize) -> bool {
        self.mode != CaseMode::Mixed || self.toks[i].is_cap()
    }
}

/// Checks that `may_open` is a necessary condition of the rules `at` runs at a token: at every
/// token of the texts of `rows` where it fails, `at` finds nothing (the cheap first test of a
/// loop over every token must never hide a finding).
#[cfg(test)]
pub(crate) fn assert_cheap_test_misses_nothing(rows: &[(&str, &[&str])], may_open: fn(&Doc<'_>, usize) -> bool, at: fn(&Doc<'_>, usize, &mut Vec<Span>) -> Option<usize>) {
    for &(text, _) in rows {
        let doc = Doc::new(text);
        for i in 0..doc.toks.len() {
            let mut out = Vec::new();
            let end = at(&doc, i, &mut out);
            assert!(may_open(&doc, i) || end.is_none() && out.is_empty(), "{text}: token {i}");
        }
    }
}

/// The small-set flags of a lowercase, folded word.
pub fn word_flags(w: &str) -> u32 {
    FLAGS.get(w).copied().unwrap_or(0)
}

fn case_mode_of(text: &str) -> CaseMode {
    shape::case_mode(text)
}

#[cfg(test)]
mod tests;
