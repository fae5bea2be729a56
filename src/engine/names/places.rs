//! Places smaller than a state: cities, towns, counties, neighbourhoods, streets named as
//! landmarks ("the Elm Street shelter").
//!
//! Rules:
//! - the gazetteer (US places of 1,000+ people, US counties, world cities of 100,000+): a
//!   capitalized match in mixed-case text, or a match after "in/from/near/of" in notes without case;
//! - "___, Ohio" / "___, OH": words before a US state;
//! - suffixes and prefixes: "___ County", "___ Falls", "___ Heights", "___ Street", "___ Road",
//!   "County ___", "Lake ___", "Port ___", "Calle ___", "Route 9";
//! - "lives in ___", "moved from ___", "born in ___": a capitalized word no list holds.
//!
//! Numbered street addresses and ZIP codes belong to the structured recognizers.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::shape::{CaseMode, Shape};
use super::structure::linked;
use super::traps::{FastHash, WordSet};
use super::{flag, Doc};
use crate::engine::{Category, Span};

fn set(words: &'static str) -> HashSet<&'static str, FastHash> {
    words.split_whitespace().collect()
}

/// Suffixes that end a place name ("Kettle Falls Township", "Sutter's Hollow").
pub static SUFFIXES: WordSet = LazyLock::new(|| {
    set("county township parish borough heights falls springs hollow ferry gap downs flats terrace village valley \
         hills hill creek lake beach bay crossing junction ridge grove mills mill landing estates gardens hamlet shores bluffs \
         meadows woods forest glen acres point harbor harbour city town neighborhood neighbourhood district commons \
         plains prairie station corners fork forks bottom bottoms notch pines oaks lakes park governorate prefecture \
         oblast province")
});

/// Street types ("Quarry Road", "Fulton Avenue").
pub static STREETS: WordSet = LazyLock::new(|| {
    set("street st road rd avenue ave boulevard blvd lane ln way court ct place pl circle cir highway hwy parkway \
         pkwy trail trl row square sq plaza alley pike turnpike expressway freeway loop bend crescent close mews \
         drive")
});

/// Prefixes that open a place name ("County Clare", "Port Caldwell", "Calle Ocotillo").
pub static PREFIXES: WordSet = LazyLock::new(|| {
    set("county lake mount mt fort ft port calle avenida rue camino colonia barrio barangay route rt rte isla villa")
});

/// US states and territories, by name and postal abbreviation.
pub static STATES: WordSet = LazyLock::new(|| {
    set("alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho \
         illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi \
         missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia \
         washington wisconsin wyoming dc \
         al ak az ar ca co ct de fl ga hi id il ia ks ky la md ma mi mn ms mo mt ne nv nh nj nm ny nc nd oh ok or pa \
         ri sc sd tn tx ut vt va wa wv wi wy pr")
});

/// Suffixes trusted in notes typed without case (full words only: "ct", "st" are clinical there).
static CASELESS_SUFFIXES: WordSet = LazyLock::new(|| {
    set("county township parish borough heights falls springs street road avenue boulevard lane terrace parkway crescent drive court")
});

/// Words after which "in/from/to ___" names where someone lives or comes from.
pub static HOME_VERBS: WordSet = LazyLock::new(|| {
    set("lives live living lived resides residing moved moving born raised grew relocated vacationing vacation \
         visiting trip drove flew family relatives members home apartment house stays staying originally \
         immigrated emigrated fled")
});

const NOT_PLACE: u32 = flag::FUNC | flag::TRAP | flag::NOT_NAME | flag::UNIT | flag::CRED | flag::TITLE | flag::KIN | flag::ROLE | flag::GREET | flag::ORG_HEAD | flag::TRANSFER | flag::STATE;

/// The end (one past) of a US state name starting at token `k`, if there is one.
fn state_at(doc: &Doc<'_>, k: usize) -> Option<usize> {
    let n = doc.toks.len();
    let t = doc.toks[k];
    let key = doc.key(k);
    if matches!(&*key, "new" | "north" | "south" | "west" | "rhode") && k + 1 < n && linked(doc, k + 1) {
        let two = format!("{} {}", key, doc.key(k + 1));
        if matches!(two.as_str(), "new york" | "new jersey" | "new mexico" | "new hampshire" | "north carolina" | "north dakota" | "south carolina" | "south dakota" | "west virginia" | "rhode island") {
            return Some(k + 2);
        }
    }
    if !doc.has(k, flag::STATE) {
        return None;
    }
    if key.len() == 2 {
        // a postal abbreviation: capitals, at the end of a phrase or before a ZIP code
        if t.shape != Shape::Upper {
            return None;
        }
        let rest = doc.text[t.e..].trim_start_matches(' ');
        let ok = rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit() || ".,;)\n".contains(c));
        return ok.then_some(k + 1);
    }
    (doc.mode != CaseMode::Mixed || t.is_cap()).then_some(k + 1)
}

fn place_word(doc: &Doc<'_>, k: usize) -> bool {
    let t = doc.toks[k];
    if doc.has(k, NOT_PLACE) || t.e - t.s < 2 {
        return false;
    }
    match doc.mode {
        CaseMode::Mixed => t.shape == Shape::Title || (t.shape == Shape::Upper && t.e - t.s > 3 && !doc.is_common(k)),
        _ => !doc.is_common(k) || doc.has(k, flag::PLACE_SUFFIX),
    }
}

fn push(doc: &Doc<'_>, s: usize, e: usize, score: f32, reason: &'static str, out: &mut Vec<Span>) {
    // "the Garfield Avenue shelter": a lowercase kind of place right after belongs to it
    let mut end = doc.toks[e - 1].e;
    if e < doc.toks.len() && doc.mode == CaseMode::Mixed && doc.joined(e - 1) && doc.toks[e].shape == Shape::Lower && LANDMARK_NOUNS.contains(&*doc.key(e)) {
        end = doc.toks[e].e;
    }
    out.push(Span::new(doc.toks[s].s, end, Category::Location, score, "places", reason));
}

/// Kinds of place that, after a named street or place, make one landmark ("the Elm Street shelter").
static LANDMARK_NOUNS: WordSet = LazyLock::new(|| {
    set("shelter clinic hospital school church house home apartments apartment apts projects motel hotel camp \
         encampment park library station bridge underpass overpass mall market store pharmacy center centre")
});

/// "room 11", "rm 612-B", "bed 4": a room or bed number.
fn rooms(doc: &Doc<'_>, out: &mut Vec<Span>) {
    for i in doc.tokens_with(flag::ROOM) {
        let t = &doc.toks[i];
        let rest = &doc.text[t.e..];
        let r = rest.strip_prefix('.').unwrap_or(rest);
        let r2 = r.strip_prefix(' ').or_else(|| r.strip_prefix('#')).unwrap_or(r);
        let r2 = r2.strip_prefix('#').unwrap_or(r2);
        let d = r2.bytes().take_while(u8::is_ascii_digit).count();
        if d == 0 || r.len() == r2.len() && rest.len() == r.len() {
            continue;
        }
        let mut e = t.e + (rest.len() - r2.len()) + d;
        let b = doc.text.as_bytes();
        // "612-B", "12A"
        if e + 1 < b.len() && b[e] == b'-' && b[e + 1].is_ascii_alphanumeric() {
            e += 2;
            while e < b.len() && b[e].is_ascii_alphanumeric() {
                e += 1;
            }
        } else if e < b.len() && b[e].is_ascii_uppercase() && !b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric) {
            e += 1;
        }
        if e < b.len() && (b[e].is_ascii_alphanumeric() || (b[e] == b'/' || b[e] == b':') && b.get(e + 1).is_some_and(u8::is_ascii_digit)) {
            continue;
        }
        let mut s = t.e + (rest.len() - r2.len());
        // "nursing note, Maplecrest Rm 214B": a home or hospital named before the room
        if i > 0 && doc.joined(i - 1) && doc.toks[i - 1].shape == Shape::Title && doc.toks[i - 1].e - doc.toks[i - 1].s >= 5 && !doc.toks[i - 1].sent_start
            && !doc.has(i - 1, NOT_PLACE | flag::CALENDAR | flag::MEDICAL | flag::NAME_LIKE) && !doc.is_common(i - 1) && !doc.is_name(i - 1)
        {
            s = doc.toks[i - 1].s;
        }
        out.push(Span::new(s, e, Category::Location, 0.6, "places", "a room or bed number"));
    }
}

/// Words of a staff chat that make it clinical (beds, not ages or minutes, are numbered there).
static CLINICAL_CHAT: WordSet = LazyLock::new(|| {
    set("pt pts patient patients bed beds room charge shift nights days unit floor icu ed er tele cath ct mri \
         heparin foley meds med pharmacy transport admit admits triage pca vent drip labs")
});

/// "who has 12 tonight", "14 is mr nguyen", "the dude in 9 is asking", "take 11 to cath": in a chat
/// among staff (called only for a text with chat speakers), a bare bed number of one or two digits
/// in a message, between words that make it a bed (who has it, who takes it, what it needs) and
/// not a count or a time ("i have 2 admits", "back in 5", "take 10").
pub fn chat_beds(doc: &Doc<'_>, out: &mut Vec<Span>) {
    let b = doc.text.as_bytes();
    let mut clinical: Option<bool> = None;
    let mut last_bed_line = usize::MAX;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let e = i;
        if e - s > 2 || s == 0 || b[s - 1] != b' ' || b.get(e).is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'/' | b'%' | b'-' | b'x') || c == b'.' && b.get(e + 1).is_some_and(u8::is_ascii_digit)) {
            continue;
        }
        // the word before (within the line) and what the message says after
        let line_start = b[..s].iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
        let head = doc.text[line_start..s].trim_end_matches(' ');
        // (the start of the trailing run of word bytes: ASCII only, so never inside a character)
        let prev_start = head.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '\'').len();
        let prev = &head[prev_start..];
        let msg_start = prev.is_empty() && head.ends_with(':');
        let tail = &doc.text[e..];
        let possessive = tail.starts_with("'s ");
        let rest = tail.strip_prefix("'s").unwrap_or(tail).trim_start_matches(' ');
        let next_end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
        let next = &rest[..next_end];
        let end_of_clause = next.is_empty() && (rest.is_empty() || rest.starts_with(['\n', '.', '?', '!', ',', ')']));
        let next_is = |ws: &[&str]| ws.iter().any(|w| next.eq_ignore_ascii_case(w));
        let prev_is = |ws: &[&str]| ws.iter().any(|w| prev.eq_ignore_ascii_case(w));
        const STATE: &[&str] = &["is", "was", "needs", "wants", "keeps", "has", "still", "just"];
        let bed = possessive && prev_is(&["in", "for", "from", "to", "with"])
            || msg_start && next_is(STATE)
            || prev_is(&["has", "have", "got"]) && (end_of_clause || next_is(&["tonight", "overnight", "today", "lol", "and"]))
            || prev_is(&["take", "took", "taking", "wants", "send"]) && next_is(&["to"])
            || prev_is(&["from"]) && end_of_clause
            || prev_is(&["for"]) && next_is(&["is", "was", "needs", "still"])
            || prev_is(&["in"]) && (next_is(STATE) || next_is(&["overnight", "tonight"]) || end_of_clause && {
                // "the kid in 14": a person right before "in"
                let h = head[..prev_start].trim_end_matches(' ');
                let w = &h[h.trim_end_matches(|c: char| c.is_ascii_alphanumeric()).len()..];
                ["kid", "pt", "patient", "guy", "dude", "lady", "man", "woman", "gentleman", "girl", "boy", "one", "family"].iter().any(|x| w.eq_ignore_ascii_case(x))
            })
            || prev_is(&["and"]) && last_bed_line == line_start && end_of_clause;
        if !bed {
            continue;
        }
        if *clinical.get_or_insert_with(|| (0..doc.toks.len()).any(|k| CLINICAL_CHAT.contains(doc.key_str(k)))) {
            last_bed_line = line_start;
            out.push(Span::new(s, e, Category::Location, 0.6, "places", "a bed number in a staff chat"));
        }
    }
}

/// True when token `i` follows a preposition that opens a place ("in", "from", "near", "of").
fn after_prep(doc: &Doc<'_>, i: usize) -> bool {
    // (the word first: most words are none of these, and `linked` is a call)
    i > 0 && key_in!(doc, i - 1, "in", "from", "near", "of", "outside", "around", "to") && linked(doc, i)
}

/// Compass words that open the name of a region ("the Eastern Shore", "the Western Slope").
static COMPASS: WordSet = LazyLock::new(|| set("eastern western northern southern north south east west upper lower"));

/// Landforms that close the name of a region.
static LANDFORMS: WordSet = LazyLock::new(|| set("shore coast valley hills slope plains panhandle peninsula highlands lowlands cape bay mountains"));

/// "the Eastern Shore", "THE WESTERN SLOPE": a region smaller than a state, named by a compass
/// word and a landform, both capitalized (in a mixed-case note) after "the".
fn regions(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for i in marks.of(mark::REGION) {
        if i == 0 || i + 1 >= n || !key_in!(doc, i - 1, "the") || !doc.joined(i - 1) || !doc.joined(i) || !COMPASS.contains(&*doc.key(i)) || !LANDFORMS.contains(&*doc.key(i + 1)) {
            continue;
        }
        let (a, b) = (doc.toks[i], doc.toks[i + 1]);
        let cased = match doc.mode {
            CaseMode::Mixed => a.shape == Shape::Title && b.shape == Shape::Title,
            _ => true,
        };
        if cased {
            push(doc, i, i + 2, 0.6, "a region named by a compass word and a landform (the Eastern Shore)", out);
        }
    }
}

/// "lives in DC", "from D.C.": the District of Columbia, a city (the state rules keep it optional).
fn capital_district(doc: &Doc<'_>, out: &mut Vec<Span>) {
    // ("dc" is a state's postal abbreviation: only those tokens are looked at)
    for i in doc.tokens_with(flag::STATE) {
        let t = &doc.toks[i];
        if t.shape != Shape::Upper || t.e - t.s != 2 || doc.key(i) != "dc" || !after_prep(doc, i) || !matches!(&*doc.key(i - 1), "in" | "from" | "near" | "to" | "outside") {
            continue;
        }
        let rest = doc.text[t.e..].trim_start_matches(' ');
        if rest.is_empty() || rest.starts_with(['.', ',', ';', ')', '\n']) || i >= 2 && doc.has(i - 2, flag::HOME_VERB) {
            out.push(Span::new(t.s, t.e, Category::Location, 0.6, "places", "Washington, DC after in/from"));
        }
    }
}

/// "this towson maryland facility", "Dover Delaware": a gazetteer place followed by a US state
/// name written out, without a comma.
fn place_then_state(doc: &Doc<'_>, out: &mut Vec<Span>) {
    for e in doc.tokens_with(flag::STATE) {
        if e == 0 || doc.toks[e].e - doc.toks[e].s < 4 || !doc.joined(e - 1) || doc.mode == CaseMode::Mixed && !doc.toks[e].is_cap() {
            continue;
        }
        for len in (1..=2).rev() {
            let Some(i) = e.checked_sub(len) else { continue };
            if (i..e).any(|k| !place_word(doc, k) || k > i && !linked(doc, k)) || !doc.is_place(i, e) {
                continue;
            }
            if len == 1 && (doc.is_common(i) || doc.toks[i].e - doc.toks[i].s < 4 || doc.mode == CaseMode::Mixed && doc.toks[i].shape != Shape::Title) {
                continue;
            }
            push(doc, i, e, 0.7, "a place before a state name (___ Maryland)", out);
            break;
        }
    }
}

/// "the VA in Balt", "a nursing home in Dunmore": a capitalized word after an institution and "in".
fn place_of_institution(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in marks.of(mark::INSTITUTION) {
        let t = doc.toks[i];
        if i < 2 || t.shape != Shape::Title || t.e - t.s < 4 || !doc.has(i - 1, flag::PREP) || doc.key(i - 1) != "in" || !doc.joined(i - 1) || !doc.joined(i - 2) {
            continue;
        }
        let inst = doc.has(i - 2, flag::ORG_HEAD) || super::traps::INSTITUTIONS.contains(&*doc.key(i - 2)) || matches!(&*doc.key(i - 2), "facility" | "nh" | "snf" | "rehab");
        // "the clinic in Round Rock": two capitalized common words make a name too
        let pair = i + 1 < n && linked(doc, i + 1) && doc.toks[i + 1].shape == Shape::Title && place_word(doc, i + 1) && !doc.has(i + 1, flag::ORG_HEAD | flag::CALENDAR | flag::MEDICAL);
        if !inst || doc.has(i, NOT_PLACE | flag::CALENDAR | flag::MEDICAL) || doc.is_common(i) && !doc.is_place(i, i + 1) && !pair {
            continue;
        }
        let mut e = i + 1;
        while e < n && linked(doc, e) && place_word(doc, e) && e - i < 3 && !doc.has(e, flag::ORG_HEAD) {
            e += 1;
        }
        push(doc, i, e, 0.6, "a place after an institution (the VA in ___)", out);
    }
}

/// "r: stable, Baltimore reconsult": in a note typed in lowercase, a capitalized word that the
/// gazetteer knows was capitalized on purpose; so was "BAltimore" (a doubled capital) anywhere.
fn capitalized_in_lowercase(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode == CaseMode::Upper {
        return;
    }
    for i in marks.of(mark::CAPITALIZED) {
        let t = &doc.toks[i];
        // in mixed-case text, only a word with a doubled capital ("BAltimore") that the other rules skip
        let typed = doc.mode == CaseMode::Lower || t.shape == Shape::Other;
        if !typed || !doc.text[t.s..].starts_with(|c: char| c.is_ascii_uppercase()) || t.e - t.s < 5 || t.sent_start {
            continue;
        }
        if doc.has(i, NOT_PLACE | flag::CALENDAR | flag::MEDICAL) || !doc.is_place(i, i + 1) {
            continue;
        }
        push(doc, i, i + 1, 0.6, "a capitalized place in a note typed in lowercase", out);
    }
}

/// Finds places in `doc`.
pub fn find(doc: &Doc<'_>, out: &mut Vec<Span>) {
    find_marked(doc, &Marks::new(doc), out);
}

/// [`find`] with the tokens each rule may start at listed in `marks`.
fn find_marked(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let mixed = doc.mode == CaseMode::Mixed;
    let mut covered = 0;
    rooms(doc, out);
    regions(doc, marks, out);
    capital_district(doc, out);
    place_then_state(doc, out);
    place_of_institution(doc, marks, out);
    capitalized_in_lowercase(doc, marks, out);
    caseless_streets(doc, out);
    caseless_neighbourhoods(doc, marks, out);
    eponym_towns(doc, out);
    streets_reserves_sign_offs(doc, marks, out);
    if mixed {
        intersections(doc.text, out);
    }
    let first = out.len();
    for i in marks.of(mark::PLACE) {
        if i >= covered {
            if let Some(end) = place_at(doc, i, out) {
                covered = end;
            }
        }
    }
    if mixed {
        towns_after_places(doc, marks, first, out);
        zip_after_town(doc, first, out);
    }
}

/// "the corner of Orchard and 5th", "ran the light at Rainier and Genesee": two streets named
/// after a word for where streets cross (capitalized words, or an ordinal for the second), in
/// text with case.
fn intersections(text: &str, out: &mut Vec<Span>) {
    /// The end of one to three capitalized words at `at` (or of an ordinal such as "5th" when
    /// `ordinal`), if any.
    fn street(text: &str, mut at: usize, ordinal: bool) -> Option<usize> {
        let b = text.as_bytes();
        let digits = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if ordinal && (1..=3).contains(&digits) {
            let suffix = text.get(at + digits..at + digits + 2)?;
            return (["st", "nd", "rd", "th"].contains(&suffix) && !b.get(at + digits + 2).is_some_and(u8::is_ascii_alphanumeric)).then_some(at + digits + 2);
        }
        let mut end = None;
        for _ in 0..3 {
            let w = &text[at..];
            let len = w.find(|c: char| !c.is_alphabetic()).unwrap_or(w.len());
            let word = &w[..len];
            if len < 2 || !word.starts_with(|c: char| c.is_uppercase()) || ["And", "The", "Of"].contains(&word) {
                break;
            }
            end = Some(at + len);
            match w[len..].strip_prefix(' ') {
                Some(r) if r.starts_with(|c: char| c.is_uppercase()) && !r.starts_with("And ") => at += len + 1,
                _ => break,
            }
        }
        end
    }
    for cue in ["corner of ", "intersection of ", "light at ", "lights at ", "crossing at "] {
        for k in memchr::memmem::find_iter(text.as_bytes(), cue) {
            let a = k + cue.len();
            // ("a flight at ___": the cue is a whole word)
            if text[..k].ends_with(char::is_alphanumeric) {
                continue;
            }
            let Some(ae) = street(text, a, false) else { continue };
            let rest = &text[ae..];
            let Some(skip) = [" and ", " & "].iter().find(|j| rest.starts_with(**j)).map(|j| j.len()) else { continue };
            if let Some(be) = street(text, ae + skip, true) {
                out.push(Span::new(a, be, Category::Location, 0.7, "places", "a street corner (the corner of ___ and ___)"));
            }
        }
    }
}

/// The loops of this module over the tokens, by the mark of [`Marks`] that lists the tokens each
/// may start at (each mark a necessary condition of its rule, from the rule's own first tests).
mod mark {
    /// [`super::regions`]: a token after "the", joined to the words on both sides (capitalized,
    /// in text with case).
    pub const REGION: u8 = 1;
    /// [`super::place_of_institution`]: in text with case, a capitalized word of four letters or
    /// more after a preposition, from the third token on.
    pub const INSTITUTION: u8 = 1 << 1;
    /// [`super::capitalized_in_lowercase`]: in text without capitals only, or of no regular shape,
    /// a word of five bytes or more opening with a capital, not at a sentence's start.
    pub const CAPITALIZED: u8 = 1 << 2;
    /// [`super::caseless_neighbourhoods`]: in text without case, "in", "from", "near" or "is"
    /// (not the first or last token).
    pub const NEIGHBOURHOOD: u8 = 1 << 3;
    /// [`super::streets_reserves_sign_offs`]: after the first token, two letters glued to a digit,
    /// a word of seven bytes or more opening with an "r", or (in text with case) a capitalized
    /// word after a comma and a space.
    pub const SHAPES: u8 = 1 << 4;
    /// [`super::find_marked`]'s loop: [`super::may_open_place`].
    pub const PLACE: u8 = 1 << 5;
    /// [`super::towns_after_places`]: in text with case, a capitalized word of eight bytes or
    /// more ("Kayseri-born").
    pub const BORN: u8 = 1 << 6;
    /// [`super::towns_after_places`]: in text with case, a capitalized word of four bytes or more
    /// joined to the words on both sides, the next one "exit".
    pub const EXIT: u8 = 1 << 7;
}

/// The tokens of a text that the loops of [`find`] may start at, each with its [`mark`]s, in
/// order: one pass over the tokens instead of one per loop. In text with case, a lowercase word
/// (most of them) is asked only the tests of the rules that a lowercase word can start.
struct Marks {
    list: Vec<(u32, u8)>,
}

impl Marks {
    /// Marks the tokens of `doc` in one pass (out of line: inlined into the caller, which holds
    /// the other name rules, it cost 1.1 M instructions more on physionet-dev).
    #[inline(never)]
    fn new(doc: &Doc<'_>) -> Marks {
        let n = doc.toks.len();
        let b = doc.text.as_bytes();
        let mode = doc.mode;
        let mixed = mode == CaseMode::Mixed;
        let mut commas = NextComma::default();
        let mut list = Vec::with_capacity(n / 4);
        for i in 0..n {
            let t = &doc.toks[i];
            let len = t.e - t.s;
            // (a token after another never starts at the text's first byte)
            let mut m = if i > 0 && (len == 2 && b[t.s - 1].is_ascii_digit() || len >= 7 && b[t.s] | 0x20 == b'r') { mark::SHAPES } else { 0 };
            if may_open_place(doc, i, &mut commas) {
                m |= mark::PLACE;
            }
            // in text with case, the other rules start at a word that is not in lowercase
            if !(mixed && t.shape == Shape::Lower) {
                let inner = i > 0 && i + 1 < n;
                if inner && (!mixed || t.shape == Shape::Title) && key_in!(doc, i - 1, "the") && doc.joined(i - 1) && doc.joined(i) {
                    m |= mark::REGION;
                }
                if mixed && t.shape == Shape::Title && len >= 4 && i >= 2 && doc.has(i - 1, flag::PREP) {
                    m |= mark::INSTITUTION;
                }
                if (mode == CaseMode::Lower || mode != CaseMode::Upper && t.shape == Shape::Other) && len >= 5 && b[t.s].is_ascii_uppercase() && !t.sent_start {
                    m |= mark::CAPITALIZED;
                }
                if !mixed && inner && key_in!(doc, i, "in", "from", "near", "is") {
                    m |= mark::NEIGHBOURHOOD;
                }
                if mixed && t.is_cap() && t.s >= 2 && b[t.s - 2] == b',' && b[t.s - 1] == b' ' {
                    m |= mark::SHAPES;
                }
                if mixed && t.shape == Shape::Title && len >= 8 {
                    m |= mark::BORN;
                }
                if mixed && t.shape == Shape::Title && len >= 4 && inner && doc.joined(i) && doc.joined(i - 1) && key_in!(doc, i + 1, "exit") {
                    m |= mark::EXIT;
                }
            }
            if m != 0 {
                list.push((i as u32, m));
            }
        }
        Marks { list }
    }

    /// Every token with every mark: what [`Marks::new`] may leave out must change nothing.
    #[cfg(test)]
    fn every(doc: &Doc<'_>) -> Marks {
        Marks { list: (0..doc.toks.len() as u32).map(|i| (i, !0)).collect() }
    }

    /// The tokens with any of marks `m`, in order.
    fn of(&self, m: u8) -> impl Iterator<Item = usize> + '_ {
        self.list.iter().filter(move |e| e.1 & m != 0).map(|e| e.0 as usize)
    }
}

/// The rules of [`find`]'s loop at token `i` (which passed [`may_open_place`]): the end (one
/// past) of the tokens covered by the place found there, if any. Kept out of line so that the
/// loop over every token, most of which fail the cheap test, stays in registers.
#[inline(never)]
fn place_at(doc: &Doc<'_>, i: usize, out: &mut Vec<Span>) -> Option<usize> {
    let n = doc.toks.len();
    let mixed = doc.mode == CaseMode::Mixed;
    // suffixes: walk back ("Kettle Falls Township", "Garfield Avenue")
    let suffix = doc.has(i, flag::PLACE_SUFFIX) || (doc.has(i, flag::STREET) && !(doc.key(i) == "st" && i + 1 < n && doc.toks[i + 1].is_cap() && org_gap(doc, i)));
    let suffix = suffix && if mixed { doc.toks[i].shape == Shape::Title } else { CASELESS_SUFFIXES.contains(&*doc.key(i)) };
    if suffix && i > 0 {
        let mut s = i;
        while s > 0 && linked(doc, s) && place_word(doc, s - 1) && i - s < 3 {
            s -= 1;
        }
        // "Ukrainian Village", "Spanish Town": a people's name before a kind of settlement
        if s == i && mixed && i > 0 && linked(doc, i) && matches!(&*doc.key(i), "village" | "town" | "quarter") && doc.has(i - 1, flag::NOT_NAME) && doc.toks[i - 1].shape == Shape::Title {
            s -= 1;
        }
        let distinctive = (s..i).any(|k| (mixed && doc.toks[k].shape == Shape::Title) || !doc.is_common(k));
        if s < i && distinctive && (mixed || !doc.has(s, flag::PLACE_SUFFIX | flag::STREET)) {
            let mut e = i + 1;
            while e < n && linked(doc, e) && doc.has(e, flag::PLACE_SUFFIX) && (!mixed || doc.toks[e].is_cap()) {
                e += 1;
            }
            push(doc, s, e, 0.7, "a place name (___ County, ___ Falls, ___ Street)", out);
            return Some(e);
        }
    }
    // "Origin: Kirkuk governorate", "from Sindh province": a capitalized place before a
    // lowercase administrative unit
    if suffix_lower_admin(doc, i) {
        let mut s = i;
        while s > 0 && linked(doc, s) && place_word(doc, s - 1) && doc.toks[s - 1].shape == Shape::Title && i - s < 2 {
            s -= 1;
        }
        if s < i && (s..i).any(|k| !doc.is_common(k)) && !(s > 0 && doc.has(s - 1, flag::TITLE)) {
            push(doc, s, i, 0.6, "a place before a lowercase administrative unit (___ governorate)", out);
            return Some(i);
        }
    }
    // prefixes: "County Clare", "Port Caldwell", "Route 9"
    if doc.has(i, flag::PLACE_PREFIX) && (mixed && doc.toks[i].is_cap()) {
        let rest = &doc.text[doc.toks[i].e..];
        if matches!(&*doc.key(i), "route" | "rt" | "rte" | "hwy" | "highway") {
            let digits = rest.trim_start_matches(' ');
            let d = digits.bytes().take_while(u8::is_ascii_digit).count();
            if d > 0 && rest.len() - digits.len() <= 1 {
                let e = doc.toks[i].e + (rest.len() - digits.len()) + d;
                out.push(Span::new(doc.toks[i].s, e, Category::Location, 0.7, "places", "a road (Route ___)"));
            }
            return None;
        }
        if i + 1 < n && linked(doc, i + 1) && place_word(doc, i + 1) {
            let mut e = i + 2;
            while e < n && linked(doc, e) && place_word(doc, e) && e - i < 4 && !doc.has(e, flag::ORG_HEAD) {
                e += 1;
            }
            push(doc, i, e, 0.7, "a place name (County ___, Lake ___, Calle ___)", out);
            return Some(e);
        }
    }
    // "drove up from annandale": a town typed in lowercase in a mixed-case chat, after a word of
    // residence or travel and a preposition
    let t = doc.toks[i];
    if mixed && t.shape == Shape::Lower && t.e - t.s >= 5 && travel_cue(doc, i)
        && !doc.has(i, NOT_PLACE | flag::CALENDAR | flag::MEDICAL) && !doc.is_common(i) && !doc.is_first(i) && doc.is_place(i, i + 1)
    {
        push(doc, i, i + 1, 0.6, "a town typed in lowercase where someone lives or comes from", out);
        return None;
    }
    // "uncle bo came from flushing", "called from flushing": a town in the gazetteer typed in
    // lowercase right after "came from", "called from", even one that is also a word
    if t.shape == Shape::Lower && t.e - t.s >= 5 && came_from(doc, i)
        && !doc.has(i, NOT_PLACE | flag::CALENDAR | flag::MEDICAL) && !key_in!(doc, i, "home", "camp", "work", "school") && doc.is_place(i, i + 1)
        && !(i + 1 < n && doc.joined(i) && doc.toks[i + 1].shape == Shape::Lower && doc.is_place(i, i + 2))
    {
        push(doc, i, i + 1, 0.6, "a town typed in lowercase where someone comes from", out);
        return None;
    }
    // "drove up from new haven", "lives in fort lee": a two-word town in lowercase, same cues
    if mixed && t.shape == Shape::Lower && i + 1 < n && doc.toks[i + 1].shape == Shape::Lower && linked(doc, i + 1) && travel_cue(doc, i)
        && (!doc.has(i, flag::FUNC | flag::CALENDAR | flag::MEDICAL) || key_in!(doc, i, "new")) && !doc.has(i + 1, flag::FUNC | flag::CALENDAR | flag::MEDICAL)
        && doc.toks[i + 1].e - t.s >= 7 && doc.is_place(i, i + 2)
    {
        push(doc, i, i + 2, 0.6, "a town typed in lowercase where someone lives or comes from", out);
        return Some(i + 2);
    }
    // "lives in New Haven", "FROM NEW BEDFORD": "new" is a function word everywhere else
    if let Some(e) = new_town(doc, i) {
        push(doc, i, e, 0.7, "a city, town or county", out);
        return Some(e);
    }
    // cheap tests before any list lookup
    if doc.has(i, NOT_PLACE) || t.e - t.s < 2 || mixed && !(t.shape == Shape::Title || t.shape == Shape::Upper && t.e - t.s > 3) {
        return None;
    }
    let ctx = after_prep(doc, i);
    // in notes without case a place needs a preposition before it or ", STATE" after it
    if !mixed && !ctx && !comma_within_three(doc, i) {
        return None;
    }
    let multi = !mixed && ctx && i + 1 < n && (doc.has(i + 1, flag::PLACE_SUFFIX) || doc.has(i, flag::PLACE_PREFIX)) && linked(doc, i + 1) && !doc.has(i + 1, suffix_mask(doc, i + 1)) && doc.is_place(i, i + 2);
    if !place_word(doc, i) && !multi {
        return None;
    }
    // ", STATE" after one to three place words
    {
        let mut e = i + 1;
        while e < n && linked(doc, e) && place_word(doc, e) && e - i < 3 {
            e += 1;
        }
        if e < n && doc.gap(e - 1).trim_end() == "," && (!mixed || (i..e).all(|k| doc.toks[k].shape == Shape::Title)) {
            let abbrev = doc.toks[e].e - doc.toks[e].s == 2;
            if let Some(_se) = state_at(doc, e).filter(|_| !abbrev || mixed || doc.is_place(i, e)) {
                let common_only = (i..e).all(|k| doc.is_common(k)) && !mixed;
                if !common_only {
                    push(doc, i, e, 0.8, "a place before a state (___, Ohio)", out);
                    return Some(e);
                }
            }
        }
    }
    // the gazetteer, longest match first
    let mut matched = None;
    for len in (1..=3).rev() {
        let e = i + len;
        // "from jersey city", "IN CAPE TOWN": in notes without case, a place of several words
        // (common ones too) after a preposition
        let loose = |k: usize| !mixed && ctx && len > 1 && (doc.has(k, flag::PLACE_SUFFIX) || doc.has(i, flag::PLACE_PREFIX)) && !doc.has(k, suffix_mask(doc, k)) && doc.toks[k].e - doc.toks[k].s >= 2;
        if e > n || (i + 1..e).any(|k| !linked(doc, k) || !(place_word(doc, k) || loose(k))) {
            continue;
        }
        if doc.is_place(i, e) {
            matched = Some(e);
            break;
        }
    }
    if let Some(e) = matched {
        let single = e == i + 1;
        let t = doc.toks[i];
        let strong_single = !doc.is_common(i) && t.e - t.s >= 4;
        // "is in Anchorage for work": a town that is also a word, capitalized mid-sentence after
        // a preposition of place
        let word_town = || single && i > 0 && !t.sent_start && t.e - t.s >= 5 && key_in!(doc, i - 1, "in", "from", "near", "outside", "around") && linked(doc, i)
            && doc.toks[i - 1].shape == Shape::Lower && !doc.has(i, flag::MEDICAL | flag::CALENDAR);
        let ok = if mixed {
            if single { (strong_single || word_town()) && (ctx || !doc.is_name(i) || !t.sent_start) && t.shape == Shape::Title } else { true }
        } else {
            ctx && (!single || strong_single)
        };
        let head_follows = e < n && linked(doc, e) && doc.has(e, flag::ORG_HEAD);
        if ok && !head_follows {
            push(doc, i, e, 0.7, "a city, town or county", out);
            return Some(e);
        }
    }
    // "lives in ___", "out of ___": a capitalized word no list holds
    let home = i >= 2 && (doc.has(i - 2, flag::HOME_VERB) || (i >= 3 && doc.has(i - 3, flag::HOME_VERB)));
    let t = doc.toks[i];
    if mixed && ctx && t.shape == Shape::Title && !t.sent_start && (!doc.is_common(i) || capitalized_compound(doc, i)) && !doc.is_first(i) && !language_like(doc, i)
        && (home
            || (i >= 2 && doc.key(i - 1) == "to" && matches!(&*doc.key(i - 2), "road" | "drive" | "ride" | "highway" | "bus" | "flight" | "train"))
            || (t.e - t.s >= 5 && !doc.is_surname(i) && matches!(&*doc.key(i - 1), "in" | "near" | "outside"))
            || (i >= 2 && doc.key(i - 1) == "of" && doc.key(i - 2) == "out")
            || (i + 1 < n && doc.joined(i) && matches!(&*doc.key(i + 1), "village" | "town" | "city" | "district" | "province" | "area" | "neighborhood" | "neighbourhood" | "region")))
    {
        let mut e = i + 1;
        while e < n && linked(doc, e) && place_word(doc, e) && e - i < 3 && !doc.has(e, flag::ORG_HEAD) {
            e += 1;
        }
        if !(e < n && linked(doc, e) && doc.has(e, flag::ORG_HEAD)) {
            push(doc, i, e, 0.6, "where someone lives or comes from", out);
            return Some(e);
        }
    }
    None
}

/// A necessary condition for a rule of [`find`]'s loop to start at token `i`, from flags, shape
/// and length only (in text with case, most tokens are lowercase words that start nothing): a
/// suffix, street, prefix or "new"; in text with case, a lowercase word two or three words after
/// a word of residence (a town typed in lowercase); else a word that passes the loop's own
/// cheap tests (no [`NOT_PLACE`] flag, two letters or more, capitalized in text with case; in
/// text without case, a preposition before it or a comma after, asked of `commas`).
fn may_open_place(doc: &Doc<'_>, i: usize, commas: &mut NextComma) -> bool {
    let t = doc.toks[i];
    let len = t.e - t.s;
    if doc.has(i, flag::PLACE_SUFFIX | flag::STREET | flag::PLACE_PREFIX) || key_in!(doc, i, "new") {
        return true;
    }
    let plain = !doc.has(i, NOT_PLACE) && len >= 2;
    match doc.mode {
        CaseMode::Mixed => match t.shape {
            Shape::Title => plain,
            Shape::Upper => plain && len > 3,
            Shape::Lower => i >= 2 && (doc.has(i - 2, flag::HOME_VERB) || i >= 3 && doc.has(i - 3, flag::HOME_VERB) || came_from(doc, i)),
            _ => false,
        },
        // in notes without case, the loop's next test: a preposition before it or a comma after
        _ => plain && (after_prep(doc, i) || commas.within_three(doc, i)),
    }
}

/// The first comma of a text at or after a point, kept as [`find`]'s loop moves forward: it
/// answers [`comma_within_three`] for most tokens of a note without case with one comparison, and
/// searches the text again only once it has passed the comma (one search per comma).
#[derive(Default)]
struct NextComma {
    /// Where the last search started.
    from: usize,
    /// The first comma at or after `from` (the text's length when there is none); `None` before
    /// the first search.
    at: Option<usize>,
}

impl NextComma {
    /// [`comma_within_three`] of token `i`.
    fn within_three(&mut self, doc: &Doc<'_>, i: usize) -> bool {
        let b = doc.text.as_bytes();
        let s = doc.toks[i].e;
        // the comma found is the first after `s` too when the search started at or before `s`
        let at = match self.at {
            Some(at) if self.from <= s && at >= s => at,
            _ => {
                let at = memchr::memchr(b',', &b[s..]).map_or(b.len(), |p| s + p);
                (self.from, self.at) = (s, Some(at));
                at
            }
        };
        let n = doc.toks.len();
        at < doc.toks.get((i + 3).min(n)).map_or(b.len(), |t| t.s)
    }
}

/// True when token `i` comes right after "came from", "called from", "flew from" (joined by spaces).
#[inline(always)]
fn came_from(doc: &Doc<'_>, i: usize) -> bool {
    i >= 2 && key_in!(doc, i - 1, "from") && doc.joined(i - 1) && doc.joined(i - 2)
        && key_in!(doc, i - 2, "came", "comes", "coming", "called", "calling", "flew", "flying", "drove", "driving", "visiting")
}

/// True when a comma follows token `i` within its gap or the gaps of the two tokens after it
/// (tokens hold no commas: the text from the end of token `i` to the start of token `i + 3`).
fn comma_within_three(doc: &Doc<'_>, i: usize) -> bool {
    let n = doc.toks.len();
    let end = doc.toks.get((i + 3).min(n)).map_or(doc.text.len(), |t| t.s);
    doc.text.as_bytes()[doc.toks[i].e..end].contains(&b',')
}

/// "drove up from ___", "lives out in ___": a word of residence or travel two words back (or three,
/// joined), then a preposition right before token `i`.
fn travel_cue(doc: &Doc<'_>, i: usize) -> bool {
    i >= 2 && (doc.has(i - 2, flag::HOME_VERB) || i >= 3 && doc.has(i - 3, flag::HOME_VERB) && doc.joined(i - 2)) && after_prep(doc, i)
}

/// A town of two or three words opening with "New" ("New Haven", "New Bedford", "new brunswick")
/// in the gazetteer: capitalized in text with case, after a preposition in text without. Returns
/// the end of the town.
fn new_town(doc: &Doc<'_>, i: usize) -> Option<usize> {
    let n = doc.toks.len();
    if !key_in!(doc, i, "new") || i + 1 >= n || !linked(doc, i + 1) {
        return None;
    }
    let mixed = doc.mode == CaseMode::Mixed;
    let shaped = |k: usize| if mixed { doc.toks[k].shape == Shape::Title } else { true };
    if !shaped(i) || !(mixed || after_prep(doc, i)) {
        return None;
    }
    (2..=3).rev().map(|len| i + len).find(|&e| e <= n && (i + 1..e).all(|k| (k == i + 1 || linked(doc, k)) && shaped(k) && !doc.has(k, flag::FUNC)) && doc.is_place(i, e))
}

/// True when the place found at byte `start` opens with a village or barrio prefix ("Barangay ___").
fn village_span(doc: &Doc<'_>, start: usize) -> bool {
    let Ok(k) = doc.toks.binary_search_by(|t| t.s.cmp(&start)) else { return false };
    matches!(doc.key_str(k), "barangay" | "barrio" | "colonia" | "village")
}

/// "Apt 7, Roseville 55113": a ZIP code right after a town that follows a comma, with no state.
fn zip_after_town(doc: &Doc<'_>, first: usize, out: &mut Vec<Span>) {
    for f in first..out.len() {
        let (s, e) = (out[f].start, out[f].end);
        if out[f].category != Category::Location || !doc.text[..s].ends_with(", ") {
            continue;
        }
        let Some(r) = doc.text[e..].strip_prefix(' ') else { continue };
        let d = r.bytes().take_while(u8::is_ascii_digit).count();
        let d = if d == 5 && r[5..].starts_with('-') && r[6..].bytes().take_while(u8::is_ascii_digit).count() == 4 { 10 } else { d };
        if d == 5 && !r[5..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-') || d == 10 {
            out.push(Span::new(e + 1, e + 1 + d, Category::Location, 0.6, "places", "a ZIP code after a town (___ 55113)"));
        }
    }
}

/// True when token `i` is a lowercase administrative unit in a mixed-case text ("governorate").
fn suffix_lower_admin(doc: &Doc<'_>, i: usize) -> bool {
    let t = doc.toks[i];
    doc.mode == CaseMode::Mixed && t.shape == Shape::Lower && t.e - t.s >= 6 && i > 0 && doc.has(i, flag::PLACE_SUFFIX)
        && matches!(doc.key_str(i), "governorate" | "prefecture" | "oblast" | "province" | "district")
}

/// The flags that keep token `k` out of a place name: a generic setting ("city", "county") may
/// close one ("from jersey city") when the gazetteer holds the whole.
fn suffix_mask(doc: &Doc<'_>, k: usize) -> u32 {
    if doc.has(k, flag::PLACE_SUFFIX) {
        NOT_PLACE & !flag::UNIT
    } else {
        NOT_PLACE
    }
}

/// True when the Title word at `i` is a compound of capitalized words ("Cedar-Riverside",
/// "Pico-Union"): a proper name even when each part is an English word.
fn capitalized_compound(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.word(i);
    w.contains('-') && w.split('-').all(|p| p.len() >= 3 && p.starts_with(|c: char| c.is_uppercase()) && p[1..].chars().any(char::is_lowercase))
}

/// "lives on Hollis Ave, Revere.", "in Sunnyside, Queens.": a capitalized word after a street or
/// a place just found and a comma, closing the phrase: the town it lies in (common words too).
/// Also "Kayseri-born" and "the Rothsay exit": a capitalized word that only a place can be.
fn towns_after_places(doc: &Doc<'_>, marks: &Marks, first: usize, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    let found = out.len();
    for f in first..found {
        if out[f].category != Category::Location {
            continue;
        }
        let end = out[f].end;
        // "1180 Riverside Ave, #7C, ___": an apartment number between the street and the town
        let after = &doc.text[end..];
        let skip = match after.strip_prefix(", #") {
            Some(r) => {
                let u = r.bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'-').count();
                if (1..=6).contains(&u) && r[u..].starts_with(", ") { 3 + u + 2 } else { 2 }
            }
            None => 2,
        };
        let Ok(k) = doc.toks.binary_search_by(|t| t.s.cmp(&(end + skip))) else { continue };
        let t = doc.toks[k];
        let gap = &doc.text[end..t.s];
        if !gap.starts_with(", ") || t.shape != Shape::Title || t.e - t.s < 4 || doc.has(k, NOT_PLACE | flag::CALENDAR | flag::MEDICAL | flag::NAME_LIKE) || doc.is_first(k) && !doc.is_place(k, k + 1) {
            continue;
        }
        let rest = &doc.text[t.e..];
        let closes = rest.is_empty() || rest.starts_with(['.', ';', ')', '\n']) || rest.starts_with(", ") && k + 1 < n && state_at(doc, k + 1).is_some();
        // "Barangay San Isidro, Pasig": a village or barrio names the town it lies in next
        let closes = closes || !doc.is_common(k) && !doc.is_name(k) && village_span(doc, out[f].start);
        if closes && !(k + 1 < n && doc.joined(k) && doc.has(k + 1, flag::ORG_HEAD)) {
            push(doc, k, k + 1, 0.6, "a town after a street or place and a comma (___ Ave, Revere)", out);
        }
    }
    for i in marks.of(mark::BORN) {
        let t = doc.toks[i];
        if t.shape != Shape::Title || t.e - t.s < 8 {
            continue;
        }
        let key = doc.key_str(i);
        // "Kayseri-born", "Lagos-raised"
        if let Some(head) = key.strip_suffix("-born").or_else(|| key.strip_suffix("-raised")).or_else(|| key.strip_suffix("-bred")) {
            let flags = super::word_flags(head);
            if head.len() >= 4 && !head.contains('-') && flags & (NOT_PLACE | flag::CALENDAR) == 0 && !super::dictionaries::COMMON_WORDS.contains(head) {
                let w = doc.word(i);
                let cut = w.find('-').unwrap_or(w.len());
                out.push(Span::new(t.s, t.s + cut, Category::Location, 0.6, "places", "where someone was born or raised (___-born)"));
            }
        }
    }
    for i in marks.of(mark::EXIT) {
        // "the Rothsay exit": a highway exit named by its town
        let t = doc.toks[i];
        if i > 0 && i + 1 < n && t.shape == Shape::Title && t.e - t.s >= 4 && doc.joined(i) && doc.joined(i - 1) && doc.key_str(i + 1) == "exit" && doc.key_str(i - 1) == "the" && !doc.has(i, NOT_PLACE | flag::CALENDAR) && !doc.is_common(i) {
            push(doc, i, i + 1, 0.6, "a highway exit named by its town (the ___ exit)", out);
        }
    }
}

/// Kinds of settlement that close a place name in a note without case after "in", "from" or
/// "near" ("in mission flats", "FROM OAK HOLLOW", "IN RIVERSIDE PARK").
static CASELESS_SETTLEMENTS: WordSet = LazyLock::new(|| {
    set("heights falls springs hollow ferry flats terrace village valley hills hill creek crossing junction ridge \
         grove mills mill landing estates gardens shores bluffs meadows woods glen acres harbor harbour corners \
         plains pines oaks lakes park")
});

/// Words of housing and care that are no neighbourhood ("lives in senior housing").
static HOUSING: WordSet = LazyLock::new(|| {
    set("home homes housing apartment apartments apt apts house building facility shelter living assisted senior \
         elderly group nursing rehab town city area community state country basement condo complex unit public \
         independent own same different various usa us room bed hospital icu house car street streets van truck \
         rural suburban downtown good bad poor nice pain distress")
});

/// In a note without case: "pt lives in fields corner.", "THEY LIVE IN PORT RICHMOND.", "her
/// sister's house in cedar riverside.": one or two words after a word of residence and "in" that
/// close the phrase; and "in mission flats", "FROM OAK HOLLOW": one or two words and a kind of
/// settlement after "in", "from" or "near".
fn caseless_neighbourhoods(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode == CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    // a word of a place name: an institution or trap word ("mission", "port") only before a kind
    // of settlement or as a place prefix ("port richmond")
    let loose = |k: usize| {
        let t = doc.toks[k];
        t.e - t.s >= 3 && !doc.has(k, (NOT_PLACE & !(flag::TRAP | flag::ORG_HEAD)) | flag::CALENDAR | flag::MEDICAL | flag::HOME_VERB | flag::PREP) && !HOUSING.contains(doc.key_str(k)) && doc.word(k).bytes().all(|c| c.is_ascii_alphabetic() || c == b'-')
    };
    let word = |k: usize| loose(k) && (!doc.has(k, flag::TRAP | flag::ORG_HEAD) || doc.has(k, flag::PLACE_PREFIX));
    for i in marks.of(mark::NEIGHBOURHOOD) {
        if i == 0 || i + 1 >= n {
            continue;
        }
        // "pt's home is ___ village": a home named by a kind of settlement
        let home_is = doc.toks[i].e - doc.toks[i].s == 2 && doc.key_str(i) == "is" && doc.key_str(i - 1) == "home" && doc.joined(i - 1);
        if !(home_is || doc.has(i, flag::PREP) && matches!(doc.key_str(i), "in" | "from" | "near")) || !doc.joined(i) || !loose(i + 1) {
            continue;
        }
        // one or two words, then maybe a kind of settlement
        let mut e = i + 2;
        while e < n && e - i <= 2 && doc.joined(e - 1) && loose(e) {
            e += 1;
        }
        let settle = (i + 2..(e + 1).min(n)).rfind(|&k| k > i + 1 && doc.joined(k - 1) && CASELESS_SETTLEMENTS.contains(doc.key_str(k)) && k - i <= 3);
        if let Some(k) = settle {
            let next_head = k + 1 < n && doc.joined(k) && doc.has(k + 1, flag::ORG_HEAD);
            if !next_head && !doc.has(i + 1, flag::PLACE_SUFFIX | flag::STREET) {
                push(doc, i + 1, k + 1, 0.6, "a neighbourhood in a note without case (in ___ flats)", out);
            }
            continue;
        }
        if home_is {
            continue;
        }
        // after a word of residence: "lives in ___.", "LIVES ON ALVARADO ST IN ___."
        let home = doc.has(i - 1, flag::HOME_VERB) && doc.joined(i - 1) || i >= 2 && doc.has(i - 1, flag::STREET) && (i.saturating_sub(5)..i).any(|k| doc.has(k, flag::HOME_VERB));
        if !home || doc.key_str(i) != "in" || (i + 1..e).any(|k| !word(k)) {
            continue;
        }
        let rest = doc.text[doc.toks[e - 1].e..].trim_start_matches(' ');
        let closes = rest.is_empty() || rest.starts_with(['.', ',', ';', ')', '\n']);
        let all_common = (i + 1..e).all(|k| doc.is_common(k) && !doc.word(k).contains('-'));
        if closes && !(all_common && e == i + 2) && !(e == i + 2 && doc.is_first(i + 1)) {
            push(doc, i + 1, e, 0.6, "where someone lives, in a note without case (lives in ___)", out);
        }
    }
}

/// True when the capitalized word at `i` is a people or a language rather than a place: a demonym
/// in -ese ("Bhutanese"), or one of a list joined by commas, "and" or "&" with a listed language
/// or nationality ("Kurmanji, Sorani and Turkish", "Bhutanese & Nepali").
fn language_like(doc: &Doc<'_>, i: usize) -> bool {
    if doc.key(i).ends_with("ese") {
        return true;
    }
    let n = doc.toks.len();
    let link = |k: usize| matches!(doc.gap(k), ", " | " & " | " and " | ", and ") || doc.gap(k) == " " && doc.key(k + 1) == "and";
    let mut k = i;
    while k + 1 < n && k - i < 4 && (link(k) || doc.key(k) == "and" && doc.joined(k)) {
        k += 1;
        if doc.has(k, flag::NOT_NAME) {
            return true;
        }
    }
    i > 0 && matches!(doc.gap(i - 1), ", " | " & " | " and ") && doc.has(i - 1, flag::NOT_NAME)
}

/// Street abbreviations that end a street name in notes typed without case.
static SHORT_STREETS: WordSet = LazyLock::new(|| set("st ave av rd blvd ln hwy pkwy street avenue road boulevard lane drive highway ct pl ter cir way court place terrace circle"));

/// "LIVES ON ALVARADO ST", "pt's address 22 chestnut hill rd", "works on mass ave": in notes
/// without case (where "st" is also sinus tachycardia), one to three words and a street word after
/// a house number or after "on", "at", "off" or "lives".
fn caseless_streets(doc: &Doc<'_>, out: &mut Vec<Span>) {
    if doc.mode == CaseMode::Mixed {
        return;
    }
    for i in doc.tokens_with(flag::STREET) {
        if i == 0 || !SHORT_STREETS.contains(&*doc.key(i)) || followed_by_digit(doc, i) {
            continue;
        }
        let word = |k: usize| {
            let t = doc.toks[k];
            t.e - t.s >= 2 && !doc.has(k, flag::FUNC | flag::UNIT | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::MEDICAL | flag::CALENDAR) && !(doc.has(k, flag::STREET) && SHORT_STREETS.contains(doc.key_str(k))) && doc.word(k).chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        };
        let mut s = i;
        while s > 0 && i - s < 3 && doc.joined(s - 1) && word(s - 1) {
            s -= 1;
        }
        if s == i {
            continue;
        }
        // what opens the street: a house number, or a word of place
        let before = doc.text[..doc.toks[s].s].trim_end_matches(' ');
        let number = before.ends_with(|c: char| c.is_ascii_digit()) && before.len() < doc.toks[s].s && {
            let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            digits <= 5 && before[..before.len() - digits].ends_with([' ', '\n', ',', ':']) || before.len() == digits
        };
        let cue = s > 0 && matches!(&*doc.key(s - 1), "on" | "at" | "off" | "lives" | "address");
        let short = matches!(&*doc.key(i), "st" | "ln" | "ct" | "pl" | "ter" | "cir" | "way");
        // "CT", "PL", "WAY" are also words of notes ("2 CHEST CT"): after a number, a word of place first
        let weak = short && !matches!(&*doc.key(i), "st" | "ln");
        let distinctive = (s..i).any(|k| !doc.is_common(k));
        // "PT HAD 3 EPSIODES ST IN 130'S": before "st", the number itself needs a word of place
        let number_cue = {
            let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            let head = before[..before.len() - digits].trim_end();
            let w = head.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_ascii_lowercase();
            !weak && (head.is_empty() || head.ends_with([':', '\n', ','])) || matches!(w.as_str(), "at" | "on" | "lives" | "address" | "to" | "from" | "of")
        };
        // "works at the grocery on broad st)": a common word and "st" closing an aside after "on"
        let on_common = doc.key_str(i) == "st" && s + 1 == i && s > 0 && doc.key_str(s - 1) == "on" && doc.toks[s].e - doc.toks[s].s >= 4 && !doc.has(s, flag::TRAP) && doc.text[doc.toks[i].e..].starts_with([')', ',']);
        if number && (!short || number_cue) || cue && (distinctive && !weak || !short) || on_common {
            let start = if number { doc.toks[s].s - (doc.text[..doc.toks[s].s].len() - before.len()) - before.bytes().rev().take_while(u8::is_ascii_digit).count() } else { doc.toks[s].s };
            out.push(Span::new(start, doc.toks[i].e, Category::Location, 0.65, "places", "a street in a note without case (___ ST, ___ AVE)"));
        }
    }
}

fn followed_by_digit(doc: &Doc<'_>, k: usize) -> bool {
    doc.text[doc.toks[k].e..].trim_start_matches([' ', '.']).starts_with(|c: char| c.is_ascii_digit())
}

/// "Family lives in Framingham", "from Alvarado": a town that also names a clinical score or sign
/// (a trap word elsewhere), after a word of residence and a preposition, with no "score" after it.
fn eponym_towns(doc: &Doc<'_>, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for i in doc.tokens_with(flag::TRAP) {
        if i < 2 || doc.has(i, flag::CALENDAR | flag::MEDICAL | flag::NOT_NAME) || !doc.has(i - 1, flag::PREP) {
            continue;
        }
        // "cooked for half of ___", "all of ___ came": a share of a town's people
        let share = doc.key_str(i - 1) == "of" && matches!(doc.key_str(i - 2), "half" | "all" | "most" | "rest");
        if !share && !doc.has(i - 2, flag::HOME_VERB | flag::TRANSFER) {
            continue;
        }
        let home = (share || matches!(&*doc.key(i - 1), "in" | "from" | "to" | "near")) && doc.joined(i - 1) && doc.joined(i - 2) && super::traps::EPONYMS.contains(&*doc.key(i));
        let next_ok = i + 1 >= n || !doc.joined(i) || !(doc.has(i + 1, flag::EPONYM_HEAD | flag::ORG_HEAD) || matches!(&*doc.key(i + 1), "score" | "scores" | "risk" | "criteria" | "study" | "scale" | "sign" | "classification"));
        if home && next_ok && doc.is_place(i, i + 1) && (doc.mode != CaseMode::Mixed || doc.toks[i].is_cap()) {
            out.push(Span::new(doc.toks[i].s, doc.toks[i].e, Category::Location, 0.6, "places", "a town that also names a clinical score, where someone lives"));
        }
    }
}

/// Compass points that open a street's name ("NE 2nd Ave", "W 38th St").
fn directional(doc: &Doc<'_>, k: usize) -> bool {
    let t = doc.toks[k];
    matches!(&*doc.key(k), "n" | "s" | "e" | "w" | "ne" | "nw" | "se" | "sw" | "north" | "south" | "east" | "west")
        && (doc.mode != CaseMode::Mixed || t.shape == Shape::Upper || t.shape == Shape::Initial || t.shape == Shape::Title && t.e - t.s > 2)
}

/// One pass for three rare shapes, each looked at only on the tokens that can start it: a
/// numbered street ("38th ave", an ordinal's two letters), a reservation (a long word) and a
/// town in a sign-off ("Manderson, S.D.", a capital after a comma).
fn streets_reserves_sign_offs(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let mixed = doc.mode == CaseMode::Mixed;
    let b = doc.text.as_bytes();
    for i in marks.of(mark::SHAPES) {
        if i == 0 {
            continue;
        }
        let t = doc.toks[i];
        let len = t.e - t.s;
        // each rule's first test here, before a call: a digit before an ordinal's two letters, an
        // "r" opening a reservation's word, a comma and a space before a capital
        if len == 2 && b[t.s - 1].is_ascii_digit() {
            ordinal_street_at(doc, i, out);
        } else if len >= 7 && b[t.s] | 0x20 == b'r' {
            reservation_at(doc, i, out);
        }
        if mixed && t.is_cap() && t.s >= 2 && b[t.s - 2] == b',' && b[t.s - 1] == b' ' {
            sign_off_at(doc, i, out);
        }
    }
}

/// "on 38th ave", "NE 2nd Ave", "W 125th Street": a numbered street, an ordinal glued to its
/// number and a street word, with a compass point before it if there is one.
fn ordinal_street_at(doc: &Doc<'_>, i: usize, out: &mut Vec<Span>) {
    let b = doc.text.as_bytes();
    {
        let t = doc.toks[i];
        // cheap tests first: a two-letter token glued to a digit
        if i + 1 >= doc.toks.len() || t.s == 0 || !b[t.s - 1].is_ascii_digit() || !matches!(&*doc.key(i), "st" | "nd" | "rd" | "th") || !doc.joined(i) || !doc.has(i + 1, flag::STREET) {
            return;
        }
        let street = doc.toks[i + 1];
        // "2nd st" in a note without case may be a rhythm; a street word in capitals or title case, or a long one
        if doc.key(i + 1) == "st" && !(doc.mode == CaseMode::Mixed && street.is_cap()) || doc.mode == CaseMode::Mixed && !(street.is_cap() || SHORT_STREETS.contains(doc.key_str(i + 1))) {
            return;
        }
        let digits = b[..t.s].iter().rev().take_while(|c| c.is_ascii_digit()).count();
        let mut s = t.s - digits;
        if digits > 3 || s > 0 && b[s - 1].is_ascii_alphanumeric() {
            return;
        }
        // a compass point before the number
        if s > 1 && b[s - 1] == b' ' {
            if let Ok(k) = doc.toks.binary_search_by(|x| x.e.cmp(&(s - 1))) {
                if directional(doc, k) {
                    s = doc.toks[k].s;
                }
            }
        }
        out.push(Span::new(s, street.e, Category::Location, 0.65, "places", "a numbered street (38th Ave, NE 2nd Ave)"));
    }
}

/// Kinds of land held by a people or a nation that close a place name after "the" ("the Lac du
/// Flambeau reservation", "the Pine Ridge Reservation").
const RESERVES: &[&str] = &["reservation", "reserve", "rancheria", "reservations"];

/// "from the lac vieux desert reservation", "on the Pine Ridge Reservation": one to four words
/// between "the" and a word for a reservation, one of them no dictionary of common words knows.
fn reservation_at(doc: &Doc<'_>, h: usize, out: &mut Vec<Span>) {
    {
        let ht = doc.toks[h];
        if h < 2 || doc.text.as_bytes()[ht.s] | 0x20 != b'r' || !RESERVES.contains(&doc.key_str(h)) || !doc.joined(h - 1) {
            return;
        }
        let mut s = h;
        while s > 0 && h - s < 4 && doc.joined(s - 1) && !doc.has(s - 1, flag::FUNC | flag::CALENDAR | flag::UNIT | flag::MEDICAL) && doc.toks[s - 1].e - doc.toks[s - 1].s >= 2 {
            s -= 1;
        }
        if s == h || s == 0 || doc.key_str(s - 1) != "the" || !(s..h).any(|k| !doc.is_common(k)) {
            return;
        }
        if doc.mode == CaseMode::Mixed && (s..h).any(|k| doc.toks[k].shape == Shape::Lower) && (s..h).any(|k| doc.toks[k].is_cap()) {
            return;
        }
        out.push(Span::new(doc.toks[s].s, doc.toks[h - 1].e, Category::Location, 0.6, "places", "a reservation (the ___ reservation)"));
    }
}

/// AP-style abbreviations of US states ("Calif.", "Mass."), which close a place in a dateline or
/// a letter's sign-off.
const AP_STATES: &[&str] = &["ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "vt", "va", "wash", "wis", "wyo"];

/// "Manderson, S.D.", "Yakima, Wash.": one or two capitalized words, a comma and a state written
/// with dots (initials "S.D." or an AP abbreviation), closing a line.
fn sign_off_at(doc: &Doc<'_>, k: usize, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    {
        // cheap test first: a comma before a capital and a dot after it
        let ts = doc.toks[k].s;
        if ts < 2 || doc.text.as_bytes()[ts - 2] != b',' || doc.text.as_bytes()[ts - 1] != b' ' || !doc.text[doc.toks[k].e..].starts_with('.') || !doc.toks[k].is_cap() {
            return;
        }
        let t = doc.toks[k];
        let (state_end, ok) = if t.shape == Shape::Initial && k + 1 < n && doc.gap(k) == "." && doc.toks[k + 1].shape == Shape::Initial && doc.text[doc.toks[k + 1].e..].starts_with('.') {
            let code = format!("{}{}", doc.key(k), doc.key(k + 1));
            (doc.toks[k + 1].e + 1, STATES.contains(code.as_str()))
        } else {
            (t.e + 1, t.shape == Shape::Title && AP_STATES.contains(&doc.key_str(k)))
        };
        let rest = doc.text[state_end..].trim_start_matches(' ');
        if !ok || !(rest.is_empty() || rest.starts_with(['\n', ',', ';', ')'])) {
            return;
        }
        let e = k - 1;
        let mut s = e;
        while s > 0 && e - s < 2 && linked(doc, s) && doc.toks[s - 1].shape == Shape::Title && !doc.has(s - 1, NOT_PLACE) {
            s -= 1;
        }
        if doc.toks[e].shape != Shape::Title || doc.has(e, NOT_PLACE | flag::CALENDAR) || doc.toks[e].e - doc.toks[e].s < 3 {
            return;
        }
        push(doc, s, e + 1, 0.7, "a town before a state written with dots (___, S.D.)", out);
    }
}

/// True when "St" at `i` is glued to the next word like a saint's prefix ("St. Agnes").
fn org_gap(doc: &Doc<'_>, i: usize) -> bool {
    matches!(doc.gap(i), ". " | " " | ".")
        && !(i > 0 && linked(doc, i) && doc.toks[i - 1].is_cap() && !doc.has(i - 1, flag::FUNC))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<&str> {
        let doc = Doc::new(text);
        let mut out = Vec::new();
        find(&doc, &mut out);
        crate::engine::resolve(out).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn place_table() {
        for &(text, want) in ROWS {
            assert_eq!(places(text), want, "{text}");
        }
    }

    /// Texts and the places found in them.
    const ROWS: &[(&str, &[&str])] = &[
        // a town that is also a word, right after "came from"/"called from" (blind3, blind4, blind5)
        ("social: granddaughter called from flushing, asked for an update.", &["flushing"]),
        ("uncle came from flushing with 4 boxes of oranges", &["flushing"]),
        ("son came from home with his clothes; wife came from work at 5.", &[]),
        // towns opening with "New" ("new" is a function word elsewhere), in every case
        ("She lives in New Bedford with her son.", &["New Bedford"]),
        ("PT FROM NEW ROCHELLE, LIVES ALONE.", &["NEW ROCHELLE"]),
        ("pt's son drove up from new haven last night.", &["new haven"]),
        ("She grew up in Chillicothe Falls, Ohio.", &["Chillicothe Falls"]),
        ("We live in Tamarack County now.", &["Tamarack County"]),
        ("the Garfield Avenue shelter was full", &["Garfield Avenue shelter"]),
        ("He farms near Kodihalli with his brother.", &["Kodihalli"]),
        ("They moved to Baltimore last year.", &["Baltimore"]),
        ("pt married, lives in catonsville, husband home", &["catonsville"]),
        ("Her cousin in County Clare called.", &["County Clare"]),
        ("the crash on Route 9 near the river", &["Route 9"]),
        ("Family members in San Diego were told.", &["San Diego"]),
        ("Her brother who lives in DC is the proxy.", &["DC"]),
        ("gave an overview of this dover delaware facility", &["dover"]),
        ("Pt came by ambulance from the VA in Lanc this am.", &["Lanc"]),
        ("no events overnight, seen by HArrisburg team for transfer", &["HArrisburg"]),
        ("the house on 41st ave has the folder", &["41st ave"]),
        ("She walks to the clinic on SW 3rd Ave on Fridays.", &["SW 3rd Ave"]),
        ("pt's home is larkfield village, lives with son.", &["larkfield village"]),
        ("she is driving in from the lac du brochet reservation tomorrow", &["lac du brochet"]),
        ("Grace Whitebird\nPorcupine Flats, S.D.", &["Porcupine Flats"]),
        ("Lorna Eagleheart\nKyle, S.D.", &["Kyle"]),
        ("She cooked for half of Framingham every Sunday.", &["Framingham"]),
        ("Framingham score was low.", &[]),
        ("Lives at 22 Cedar Ave, #4B, Holloway-Riverside.", &["Cedar Ave", "Holloway-Riverside"]),
        ("Nursing home note, Brambleton Rm 12A. Resident is calm.", &["Brambleton Rm 12A"]),
        ("Origin: Qandil governorate, Iraq; moved later.", &["Qandil"]),
        ("Her aunt comes from Barangay Santo Nino, Tagbilaran on Monday.", &["Barangay Santo Nino", "Tagbilaran"]),
        ("Lives at 40 Quarry Rd, Apt 2, Brooklyn Park 55443. Widowed.", &["Quarry Rd", "2", "Brooklyn Park", "55443"]),
        ("Rollover on Rte 12 last night.", &["Rte 12"]),
        ("rhythm SR 70s, in the district office", &[]),
        // not places
        ("the 2nd st segment was elevated", &[]),
        ("DC'd foley, DC to rehab in am.", &[]),
        ("the hospital in May was full", &[]),
        ("She was in May a patient of ours.", &[]),
        ("pt in bed, in no distress", &[]),
    ];

    /// A word before a bed number that follows a character of more than one byte ("¡ 0") once
    /// panicked by slicing inside that character (found by `tests/robust.rs`).
    #[test]
    fn bed_number_after_a_wide_character() {
        for text in ["¡ 0 : ] MRN:A", "a: ¡ 12\nb: ¿ 3 tonight", "x: é 4\ny: in 5"] {
            let _ = crate::engine::default_engine().scan(text);
        }
        // and the bed numbers of a staff chat are still found after the word before them
        let chat = "[group chat: 4 west nights]\n\nmai: ¡ who has 12 tonight\nmai: pls not me again\ndre: i have 12 lol. and 14\ndre: 14 is mr nguyen";
        let spans = crate::engine::default_engine().scan(chat);
        let beds = spans.iter().filter(|s| s.reason == "a bed number in a staff chat").count();
        assert!(beds >= 3, "{spans:?}");
    }

    /// [`may_open_place`] is a necessary condition: at a token that fails it, the rules of [`place_at`]
    /// find nothing (checked on every token of the table's texts).
    #[test]
    fn cheap_test_misses_nothing() {
        crate::engine::names::assert_cheap_test_misses_nothing(ROWS, |doc, i| may_open_place(doc, i, &mut NextComma::default()), place_at);
    }

    /// [`Marks`] leaves out no token a rule starts at: [`find_marked`] with every token marked for
    /// every rule finds the same, in the same order, on the table's texts and texts of each case
    /// convention that reach every rule.
    #[test]
    fn marks_miss_nothing() {
        let texts = [
            "She lives on the Eastern Shore near Kettle Falls, Ohio; the VA in Lanc sent her. Kayseri-born, took the Rothsay exit.",
            "Grace Whitebird\nPorcupine Flats, S.D.\nthe house on 41st ave; from the lac du brochet reservation",
            "LIVES ON THE EASTERN SHORE IN PORT RICHMOND. FROM OAK HOLLOW, NEAR DOVER, DE. 2ND ST. THE PINE RIDGE RESERVATION",
            "pt lives in fields corner. r: stable, Baltimore reconsult. pt's home is larkfield village. from mission flats, nj",
            "son drove up from annandale; came from flushing. lives in New Haven, CT 06511. in the district office",
        ];
        for text in texts.iter().copied().chain(ROWS.iter().map(|r| r.0)) {
            let doc = Doc::new(text);
            let (mut want, mut got) = (Vec::new(), Vec::new());
            find_marked(&doc, &Marks::every(&doc), &mut want);
            find_marked(&doc, &Marks::new(&doc), &mut got);
            assert_eq!(got, want, "{text}");
        }
    }

    /// [`NextComma`] answers as [`comma_within_three`] does, asked of the tokens in order (as in
    /// [`find`], with tokens skipped), backwards, and near the end of a text.
    #[test]
    fn next_comma_agrees_with_the_search() {
        let texts = ["LIVES IN DOVER, DE WITH WIFE", "a, b c d e, f,g h i j k l m n o, p", "from jersey city, nj", "no comma at all here", "ends with a comma,", ",starts with one", "x ,, y , z"];
        for text in texts.iter().copied().chain(ROWS.iter().map(|r| r.0)) {
            let doc = Doc::new(text);
            let n = doc.toks.len();
            for step in 1..=3 {
                let mut commas = NextComma::default();
                for i in (0..n).step_by(step) {
                    assert_eq!(commas.within_three(&doc, i), comma_within_three(&doc, i), "{text}: token {i}");
                }
            }
            let mut commas = NextComma::default();
            for i in (0..n).rev() {
                assert_eq!(commas.within_three(&doc, i), comma_within_three(&doc, i), "{text}: token {i} (backwards)");
            }
        }
    }
}
