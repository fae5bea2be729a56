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
         hills creek lake beach bay crossing junction ridge grove mills landing estates gardens hamlet shores bluffs \
         meadows woods forest glen acres point harbor harbour city town neighborhood neighbourhood district commons \
         plains prairie station corners fork forks bottom bottoms notch pines oaks lakes park")
});

/// Street types ("Quarry Road", "Fulton Avenue").
pub static STREETS: WordSet = LazyLock::new(|| {
    set("street st road rd avenue ave boulevard blvd lane ln way court ct place pl circle cir highway hwy parkway \
         pkwy trail trl row square sq plaza alley pike turnpike expressway freeway loop bend crescent close mews \
         drive")
});

/// Prefixes that open a place name ("County Clare", "Port Caldwell", "Calle Ocotillo").
pub static PREFIXES: WordSet = LazyLock::new(|| {
    set("county lake mount mt fort ft port calle avenida rue camino colonia barrio route rt isla villa")
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
    set("county township parish borough heights falls springs street road avenue boulevard lane")
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
    for (i, t) in doc.toks.iter().enumerate() {
        if !doc.has(i, flag::ROOM) {
            continue;
        }
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
        let s = t.e + (rest.len() - r2.len());
        out.push(Span::new(s, e, Category::Location, 0.6, "places", "a room or bed number"));
    }
}

/// True when token `i` follows a preposition that opens a place ("in", "from", "near", "of").
fn after_prep(doc: &Doc<'_>, i: usize) -> bool {
    i > 0 && linked(doc, i) && key_in!(doc, i - 1, "in", "from", "near", "of", "outside", "around", "to")
}

/// Compass words that open the name of a region ("the Eastern Shore", "the Western Slope").
static COMPASS: WordSet = LazyLock::new(|| set("eastern western northern southern north south east west upper lower"));

/// Landforms that close the name of a region.
static LANDFORMS: WordSet = LazyLock::new(|| set("shore coast valley hills slope plains panhandle peninsula highlands lowlands cape bay mountains"));

/// "the Eastern Shore", "THE WESTERN SLOPE": a region smaller than a state, named by a compass
/// word and a landform, both capitalized (in a mixed-case note) after "the".
fn regions(doc: &Doc<'_>, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for i in 1..n.saturating_sub(1) {
        if doc.key(i - 1) != "the" || !doc.joined(i - 1) || !doc.joined(i) || !COMPASS.contains(&*doc.key(i)) || !LANDFORMS.contains(&*doc.key(i + 1)) {
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
    for (i, t) in doc.toks.iter().enumerate() {
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
    let n = doc.toks.len();
    for e in 1..n {
        if !doc.has(e, flag::STATE) || doc.toks[e].e - doc.toks[e].s < 4 || !doc.joined(e - 1) || doc.mode == CaseMode::Mixed && !doc.toks[e].is_cap() {
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
fn place_of_institution(doc: &Doc<'_>, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in 2..n {
        let t = doc.toks[i];
        if t.shape != Shape::Title || t.e - t.s < 4 || !doc.has(i - 1, flag::PREP) || doc.key(i - 1) != "in" || !doc.joined(i - 1) || !doc.joined(i - 2) {
            continue;
        }
        let inst = doc.has(i - 2, flag::ORG_HEAD) || super::traps::INSTITUTIONS.contains(&*doc.key(i - 2)) || matches!(&*doc.key(i - 2), "facility" | "nh" | "snf" | "rehab");
        if !inst || doc.has(i, NOT_PLACE | flag::CALENDAR | flag::MEDICAL) || doc.is_common(i) && !doc.is_place(i, i + 1) {
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
fn capitalized_in_lowercase(doc: &Doc<'_>, out: &mut Vec<Span>) {
    if doc.mode == CaseMode::Upper {
        return;
    }
    for (i, t) in doc.toks.iter().enumerate() {
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
    let n = doc.toks.len();
    let mixed = doc.mode == CaseMode::Mixed;
    let mut covered = 0;
    rooms(doc, out);
    regions(doc, out);
    capital_district(doc, out);
    place_then_state(doc, out);
    place_of_institution(doc, out);
    capitalized_in_lowercase(doc, out);
    caseless_streets(doc, out);
    eponym_towns(doc, out);
    for i in 0..n {
        if i < covered {
            continue;
        }
        // suffixes: walk back ("Kettle Falls Township", "Garfield Avenue")
        let suffix = doc.has(i, flag::PLACE_SUFFIX) || (doc.has(i, flag::STREET) && !(doc.key(i) == "st" && i + 1 < n && doc.toks[i + 1].is_cap() && org_gap(doc, i)));
        let suffix = suffix && if mixed { doc.toks[i].shape == Shape::Title } else { CASELESS_SUFFIXES.contains(&*doc.key(i)) };
        if suffix && i > 0 {
            let mut s = i;
            while s > 0 && linked(doc, s) && place_word(doc, s - 1) && i - s < 3 {
                s -= 1;
            }
            let distinctive = (s..i).any(|k| (mixed && doc.toks[k].shape == Shape::Title) || !doc.is_common(k));
            if s < i && distinctive && (mixed || !doc.has(s, flag::PLACE_SUFFIX | flag::STREET)) {
                let mut e = i + 1;
                while e < n && linked(doc, e) && doc.has(e, flag::PLACE_SUFFIX) && (!mixed || doc.toks[e].is_cap()) {
                    e += 1;
                }
                push(doc, s, e, 0.7, "a place name (___ County, ___ Falls, ___ Street)", out);
                covered = e;
                continue;
            }
        }
        // prefixes: "County Clare", "Port Caldwell", "Route 9"
        if doc.has(i, flag::PLACE_PREFIX) && (mixed && doc.toks[i].is_cap()) {
            let rest = &doc.text[doc.toks[i].e..];
            if matches!(&*doc.key(i), "route" | "rt" | "hwy" | "highway") {
                let digits = rest.trim_start_matches(' ');
                let d = digits.bytes().take_while(u8::is_ascii_digit).count();
                if d > 0 && rest.len() - digits.len() <= 1 {
                    let e = doc.toks[i].e + (rest.len() - digits.len()) + d;
                    out.push(Span::new(doc.toks[i].s, e, Category::Location, 0.7, "places", "a road (Route ___)"));
                }
                continue;
            }
            if i + 1 < n && linked(doc, i + 1) && place_word(doc, i + 1) {
                let mut e = i + 2;
                while e < n && linked(doc, e) && place_word(doc, e) && e - i < 4 && !doc.has(e, flag::ORG_HEAD) {
                    e += 1;
                }
                push(doc, i, e, 0.7, "a place name (County ___, Lake ___, Calle ___)", out);
                covered = e;
                continue;
            }
        }
        // cheap tests before any list lookup
        let t = doc.toks[i];
        if doc.has(i, NOT_PLACE) || t.e - t.s < 2 || mixed && !(t.shape == Shape::Title || t.shape == Shape::Upper && t.e - t.s > 3) {
            continue;
        }
        let ctx = after_prep(doc, i);
        // in notes without case a place needs a preposition before it or ", STATE" after it
        if !mixed && !ctx && !(i..(i + 3).min(n)).any(|k| doc.gap(k).contains(',')) {
            continue;
        }
        let multi = !mixed && ctx && i + 1 < n && (doc.has(i + 1, flag::PLACE_SUFFIX) || doc.has(i, flag::PLACE_PREFIX)) && linked(doc, i + 1) && !doc.has(i + 1, NOT_PLACE) && doc.is_place(i, i + 2);
        if !place_word(doc, i) && !multi {
            continue;
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
                        covered = e;
                        continue;
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
            let loose = |k: usize| !mixed && ctx && len > 1 && (doc.has(k, flag::PLACE_SUFFIX) || doc.has(i, flag::PLACE_PREFIX)) && !doc.has(k, NOT_PLACE) && doc.toks[k].e - doc.toks[k].s >= 2;
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
            let ok = if mixed {
                if single { strong_single && (ctx || !doc.is_name(i) || !t.sent_start) && t.shape == Shape::Title } else { true }
            } else {
                ctx && (!single || strong_single)
            };
            let head_follows = e < n && linked(doc, e) && doc.has(e, flag::ORG_HEAD);
            if ok && !head_follows {
                push(doc, i, e, 0.7, "a city, town or county", out);
                covered = e;
                continue;
            }
        }
        // "lives in ___", "out of ___": a capitalized word no list holds
        let home = i >= 2 && (doc.has(i - 2, flag::HOME_VERB) || (i >= 3 && doc.has(i - 3, flag::HOME_VERB)));
        let t = doc.toks[i];
        if mixed && ctx && t.shape == Shape::Title && !t.sent_start && !doc.is_common(i) && !doc.is_first(i) && !language_like(doc, i)
            && (home
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
                covered = e;
            }
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
static SHORT_STREETS: WordSet = LazyLock::new(|| set("st ave av rd blvd ln hwy pkwy street avenue road boulevard lane drive highway"));

/// "LIVES ON ALVARADO ST", "pt's address 22 chestnut hill rd", "works on mass ave": in notes
/// without case (where "st" is also sinus tachycardia), one to three words and a street word after
/// a house number or after "on", "at", "off" or "lives".
fn caseless_streets(doc: &Doc<'_>, out: &mut Vec<Span>) {
    if doc.mode == CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in 1..n {
        if !doc.has(i, flag::STREET) || !SHORT_STREETS.contains(&*doc.key(i)) || followed_by_digit(doc, i) {
            continue;
        }
        let word = |k: usize| {
            let t = doc.toks[k];
            t.e - t.s >= 2 && !doc.has(k, flag::FUNC | flag::UNIT | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::STREET | flag::MEDICAL | flag::CALENDAR) && doc.word(k).chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
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
        let short = matches!(&*doc.key(i), "st" | "ln");
        let distinctive = (s..i).any(|k| !doc.is_common(k));
        // "PT HAD 3 EPSIODES ST IN 130'S": before "st", the number itself needs a word of place
        let number_cue = {
            let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            let head = before[..before.len() - digits].trim_end();
            let w = head.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_ascii_lowercase();
            head.is_empty() || head.ends_with([':', '\n', ',']) || matches!(w.as_str(), "at" | "on" | "lives" | "address" | "to" | "from" | "of")
        };
        if number && (!short || number_cue) || cue && (distinctive || !short) {
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
    for i in 2..n {
        if !doc.has(i, flag::TRAP) || doc.has(i, flag::CALENDAR | flag::MEDICAL | flag::NOT_NAME) || !doc.has(i - 2, flag::HOME_VERB | flag::TRANSFER) || !doc.has(i - 1, flag::PREP) {
            continue;
        }
        let home = matches!(&*doc.key(i - 1), "in" | "from" | "to" | "near") && doc.joined(i - 1) && doc.joined(i - 2) && super::traps::EPONYMS.contains(&*doc.key(i));
        let next_ok = i + 1 >= n || !doc.joined(i) || !(doc.has(i + 1, flag::EPONYM_HEAD | flag::ORG_HEAD) || matches!(&*doc.key(i + 1), "score" | "scores" | "risk" | "criteria" | "study" | "scale" | "sign" | "classification"));
        if home && next_ok && doc.is_place(i, i + 1) && (doc.mode != CaseMode::Mixed || doc.toks[i].is_cap()) {
            out.push(Span::new(doc.toks[i].s, doc.toks[i].e, Category::Location, 0.6, "places", "a town that also names a clinical score, where someone lives"));
        }
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
        let rows: &[(&str, &[&str])] = &[
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
            // not places
            ("DC'd foley, DC to rehab in am.", &[]),
            ("the hospital in May was full", &[]),
            ("She was in May a patient of ours.", &[]),
            ("pt in bed, in no distress", &[]),
        ];
        for &(text, want) in rows {
            assert_eq!(places(text), want, "{text}");
        }
    }
}
