//! Organizations that locate a person: hospitals, clinics, schools, churches, shelters,
//! employers ("Calvert Hospital", "St. Agnes'", "Mount Zion Apostolic Church", "Islamic Center of
//! Fairlane Park").
//!
//! The rules:
//! - a head noun (Hospital, Clinic, Church, School, Center, Associates, ...) preceded by name-like
//!   words, at least one of them not generic ("Calvert Hospital", not "the hospital" or "mental
//!   health"), extended by more heads and an "of ___" tail;
//! - "St./Saint ___" ("St. Agnes", "ST. MARY", "St Raphael's");
//! - a place of care after a transfer verb ("transferred to ___", "admitted from ___", "followed
//!   at ___"), when the word is not a unit (ICU, ER, floor, rehab) or a common word;
//! - a ward named by a word and a small number after a move cue ("transfer to ___ 2", "per ___ 3
//!   RN"), the number standing alone (not a dose, a decimal or a date);
//! - a hospital's initialism ending in H or MC after at/from/to/by ("at GH", "by GBMC"), and a
//!   university as "U" + a state ("U Maryland");
//! - in mixed-case notes, a name typed in lowercase before a hospital-like head after
//!   to/at/from or "(" ("presented to holy cross hospital").
//!
//! In notes typed without case, only the hospital-like heads count (Hospital, Hosp, Clinic,
//! Rehab, House, Memorial, General, Hospice, Church, School), and words before them must not be
//! function words or units.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::shape::{CaseMode, Shape};
use super::person::followed_by_number;
use super::structure::linked;
use super::traps::{FastHash, WordSet};
use super::{flag, Doc};
use crate::engine::{Category, Span};

fn set(words: &'static str) -> HashSet<&'static str, FastHash> {
    words.split_whitespace().collect()
}

/// Head nouns that end an organization's name.
pub static HEADS: WordSet = LazyLock::new(|| {
    set("hospital hospitals hosp center centre ctr clinic clinics health healthcare hospice church chapel temple \
         mosque masjid synagogue cathedral parish ministries ministry school academy college university univ institute \
         associates partners group pharmacy drug drugs market bank union department dept surgery dialysis house shelter \
         rehab rehabilitation memorial general home homes manor foundation services agency company inc llc corp \
         corporation mission apostolic presbyterian methodist baptist lutheran catholic episcopal adventist infirmary \
         sanitarium lodge residence residences pediatrics rheumatology cardiology oncology orthopedics \
         dermatology urology gastroenterology neurology psychiatry radiology practice practices partnership \
         cooperative co-op store stores pantry kitchen ymca ywca library regional \
         nursing living alliance restaurant cafe bakery nursery roofing plumbing logistics construction \
         landscaping elementary orthodox congregational ledger gazette tribune herald transit \
         laboratories industries enterprises casino grill diner shipping trucking freight paratransit motors \
         airlines airways foods farms dairy mills salon studio studios fitness realty insurance technologies \
         solutions consulting systems association commons lines tabernacle masonry terminal journal ambulance inn \
         grocery bros brothers cab medicine children's medical ihs va staffing maritime rugby rugs carpets \
         flooring marble granite fruit orchards sons daughters nurses hardware lumber electric garage assembly \
         daycare preschool childcare montessori kindergarten prep jail prison police rescue collaborative coalition \
         consortium pavilion care dental dentistry optometry chiropractic")
});

/// Heads of a business, congregation or home that count in notes typed without case when a word
/// before them is one no dictionary of common words knows ("kowloon roofing", "ANATOLIA BAKERY",
/// "harborview commons"); the hospital-like heads of [`HEADS_CASELESS`] need no such word.
static HEADS_CASELESS_STRICT: WordSet = LazyLock::new(|| {
    set("roofing plumbing masonry bakery grocery restaurant cafe diner grill shipping trucking freight logistics \
         construction landscaping inn tabernacle mosque masjid synagogue temple cathedral chapel association foundation \
         ministries bank market pharmacy industries enterprises airlines motors laboratories casino salon bros commons \
         orthodox elementary health healthcare medicine medical children's lodge manor staffing maritime marble \
         granite flooring rugs")
});

/// Heads that shorten a hospital's name ("Boston Medical", "Akron Children's"): the name ends
/// there, so the next word must not carry it on ("Durable Medical Equipment", "past medical hx").
fn truncated_head(doc: &Doc<'_>, i: usize) -> bool {
    matches!(&*doc.key(i), "medical" | "children")
}

/// True when a truncated head at `i` ends its name: nothing joined after it but a function word,
/// another head or punctuation.
fn ends_name(doc: &Doc<'_>, i: usize) -> bool {
    i + 1 >= doc.toks.len() || !doc.joined(i) || doc.has(i + 1, flag::FUNC) || doc.has(i + 1, flag::ORG_HEAD) && doc.key_str(i + 1) != "care"
}

/// Words of care settings that stand inside a name before its head in notes without case
/// ("CREEK NATION COMMUNITY HOSPITAL", "GOLDEN PINE NURSING HOME"): never its only word.
static MID_UNITS: WordSet = LazyLock::new(|| set("community medical general home nursing university county city regional memorial"));

/// Congregation heads, after which "service" is worship, not a hospital service.
static CONGREGATIONS: WordSet = LazyLock::new(|| set("church chapel temple tabernacle mosque masjid synagogue cathedral parish congregational"));

/// Heads trusted in notes typed without case.
static HEADS_CASELESS: WordSet = LazyLock::new(|| {
    set("hospital hosp clinic rehab house memorial hospice church school center ctr manor infirmary regional \
         college university academy presbyterian methodist baptist lutheran episcopal congregational")
});

/// Kinds of care that make "Care" the head of a practice's name ("___ Primary Care"); alone they
/// are generic (see [`generic`]).
const CARE_KINDS: &[&str] = &["primary", "urgent", "express", "convenient", "immediate", "family", "senior", "adult"];

/// Heads that can be the whole name with one more head ("Memorial Hospital", "Union Hospital").
static NAMEY_HEADS: WordSet = LazyLock::new(|| {
    set("memorial general union mercy presbyterian methodist baptist adventist lutheran catholic episcopal apostolic")
});

fn is_head(doc: &Doc<'_>, i: usize) -> bool {
    if !doc.has(i, flag::ORG_HEAD) {
        return false;
    }
    // "___ Visiting Nurses": nurses name an agency only when they visit
    if doc.key_str(i) == "nurses" && !(i > 0 && linked(doc, i) && doc.key_str(i - 1) == "visiting") {
        return false;
    }
    // "Oak Hollow Primary Care", "Northside Urgent Care": care names a practice only after its kind
    if doc.key_str(i) == "care" && !(i > 0 && linked(doc, i) && CARE_KINDS.contains(&doc.key_str(i - 1))) {
        return false;
    }
    match doc.mode {
        // "Calvert hospital": a lowercase hospital-like head after a capitalized word
        // ("Keiro Senior HealthCare": a head written in camel case)
        CaseMode::Mixed => doc.toks[i].is_cap() || camel_head(doc, i) || (i > 0 && linked(doc, i) && doc.toks[i - 1].shape == Shape::Title && HEADS_CASELESS.contains(&*doc.key(i)) && names_lowercase_head(doc, i - 1))
            // "Dar Al-Hijrah mosque": a lowercase congregation head after a capitalized name, not a people's ("a Somali mosque")
            || (i > 0 && linked(doc, i) && doc.toks[i - 1].is_cap() && !doc.has(i - 1, flag::NOT_NAME) && CONGREGATIONS.contains(&*doc.key(i))),
        _ => HEADS_CASELESS.contains(&*doc.key(i)) || HEADS_CASELESS_STRICT.contains(&*doc.key(i))
            // "MAPLECREST NURSING HOME", not "DC HOME"
            || i > 0 && matches!(&*doc.key(i), "home" | "homes") && matches!(&*doc.key(i - 1), "nursing" | "group" | "funeral" | "rest" | "retirement"),
    }
}

/// True when token `i` is a head written in camel case ("HealthCare", "MedCenter").
fn camel_head(doc: &Doc<'_>, i: usize) -> bool {
    doc.toks[i].shape == Shape::Other && doc.word(i).starts_with(|c: char| c.is_ascii_uppercase()) && doc.word(i).chars().all(|c| c.is_ascii_alphabetic())
}

/// A capitalized word that can name a place before a lowercase head ("Calvert hospital"): not a
/// day ("Sunday school"), a medical word ("Wound clinic"), a common word opening a sentence or a
/// heading ("Brief hospital course"), nor a national programme's possessive ("Medicare's hospice").
fn names_lowercase_head(doc: &Doc<'_>, p: usize) -> bool {
    if doc.has(p, flag::CALENDAR | flag::MEDICAL) || doc.toks[p].sent_start && doc.is_common(p) {
        return false;
    }
    !doc.word(p).strip_suffix("'s").is_some_and(|w| super::traps::INSTITUTIONS.contains(w.to_lowercase().as_str()))
}

/// A word that can stand in an organization's name before its head.
fn name_part(doc: &Doc<'_>, k: usize) -> bool {
    let t = doc.toks[k];
    // "from MD Hospital", "NY Presbyterian": a state's postal abbreviation right before a head
    if t.shape == Shape::Upper && t.e - t.s == 2 && doc.has(k, flag::STATE) && k + 1 < doc.toks.len() && doc.joined(k) && doc.has(k + 1, flag::ORG_HEAD) && doc.toks[k + 1].is_cap() {
        return true;
    }
    // "First Reformed Church", "SECOND BAPTIST": an ordinal opens a congregation's name
    // "Greater New Hope Baptist Church": "New" inside a congregation's or a place's name
    // "Three Rivers Family Medicine", "Seven Oaks Manor": a number word opens a place's name
    let ordinal = matches!(&*doc.key(k), "first" | "second" | "third" | "new" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "twin") && t.is_cap() && k + 1 < doc.toks.len() && doc.joined(k) && doc.toks[k + 1].is_cap();
    if doc.has(k, flag::FUNC | flag::TRANSFER | flag::KIN | flag::ROLE | flag::TITLE | flag::CRED | flag::GREET) && !doc.has(k, flag::ORG_HEAD) && !ordinal {
        return false;
    }
    // "me's hospital": a pronoun's possessive is no name
    if doc.word(k).strip_suffix("'s").is_some_and(|w| super::traps::FUNCTION.contains(w.to_lowercase().as_str())) {
        return false;
    }
    match doc.mode {
        CaseMode::Mixed => t.is_cap() && !(t.shape == Shape::Upper && doc.has(k, flag::UNIT)),
        _ => (!doc.has(k, flag::UNIT | flag::TRAP) || MID_UNITS.contains(&*doc.key(k)) && !doc.has(k, flag::MEDICAL)) && t.e - t.s >= 2,
    }
}

/// Linked as part of one name: spaces, or "St. " / "St " after a saint prefix.
fn org_linked(doc: &Doc<'_>, k: usize) -> bool {
    linked(doc, k) || (k > 0 && doc.has(k - 1, flag::SAINT) && matches!(doc.gap(k - 1), "." | ". " | " "))
}

/// Nouns after which the words before are a service or a thing, not a place ("transplant team",
/// "house staff", "Regular House Diet").
static NOT_AFTER: WordSet = LazyLock::new(|| {
    set("team teams service services fellow fellows surgeon surgeons rhythm diet staff site scale consult consults \
         placement screening attending resident protocol officer officers doctor doctors md rn np call calls note notes")
});

fn followed_by_not_place(doc: &Doc<'_>, end: usize) -> bool {
    end < doc.toks.len() && doc.joined(end - 1) && NOT_AFTER.contains(&*doc.key(end))
}

fn generic(doc: &Doc<'_>, k: usize) -> bool {
    doc.has(k, flag::ORG_HEAD | flag::UNIT) || doc.has(k, flag::SAINT)
        // "Assisted Living", "Skilled Nursing", "Senior Living": kinds of care, not names
        || matches!(&*doc.key(k), "assisted" | "independent" | "senior" | "skilled" | "long-term" | "memory" | "home" | "elementary" | "middle" | "high"
            // "Internal Medicine", "Family Practice": specialties
            | "internal" | "family")
        || CARE_KINDS.contains(&&*doc.key(k))
}

/// Facilities that shelter or house a person, written in lowercase after a name: the list the
/// test of [`Starts`] checks against (the rule looks them up in [`ORG_CUES`], but for
/// "encampment", too long to pack).
#[cfg(test)]
const FACILITIES: &[&str] = &["shelter", "shelters", "mission", "motel", "encampment", "pantry", "hostel", "camp", "dorm", "halfway"];

/// "at the Lutheran shelter", "the Salvation Army shelter", "the Westside motel": in text with
/// case, "the", one to three capitalized words and a lowercase word for a shelter or a stay
/// locate a person (a generic institution, a month or a function word is no such name).
fn named_facilities(doc: &Doc<'_>, starts: &Starts, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    for h in starts.of(start::FACILITY) {
        if h < 2 || !doc.joined(h - 1) {
            continue;
        }
        let mut s = h;
        while s > 0 && h - s < 3 && doc.toks[s - 1].shape == Shape::Title && (s == h || doc.joined(s - 1)) && !doc.has(s - 1, flag::FUNC | flag::TRAP | flag::CALENDAR | flag::KIN | flag::ROLE | flag::TITLE) {
            s -= 1;
        }
        // "the Fall shelter count": a season is no name
        if s < h && matches!(&*doc.key(s), "fall" | "spring" | "summer" | "winter" | "autumn" | "new" | "old" | "main" | "local" | "emergency") {
            continue;
        }
        if s == h || s == 0 || !matches!(&*doc.key(s - 1), "the" | "to" | "at") || !doc.joined(s - 1) {
            continue;
        }
        out.push(Span::new(doc.toks[s].s, doc.toks[h].e, Category::Organization, 0.6, "organizations", "a named shelter or place of stay (the ___ shelter)"));
    }
}

/// Extends forward over more heads and an "of ___" tail; returns one past the last token.
fn tail(doc: &Doc<'_>, mut end: usize) -> usize {
    let n = doc.toks.len();
    loop {
        if end < n && org_linked(doc, end) && (is_head(doc, end) || doc.key(end - 1) == "nursing" && doc.key(end) == "home" || matches!(&*doc.key(end - 1), "home" | "health") && doc.key(end) == "care") {
            end += 1;
        } else if end < n && org_linked(doc, end) && tail_head(doc, end) {
            // "___ Health Plan", "___ Health Care Facility"
            end += 1;
        } else if end + 1 < n && (org_linked(doc, end) || doc.gap(end - 1) == ". " && matches!(&*doc.key(end - 1), "bros" | "co" | "inc")) && linked(doc, end + 1) && auto_pair(doc, end) {
            // "___ Bros. Auto Body"
            end += 2;
        } else if end < n && doc.gap(end - 1) == " & " && is_head(doc, end) {
            // "Holy Rosary Nursing & Rehab"
            end += 1;
        } else {
            break;
        }
    }
    // "of New England", "of New York": "New" opens a place name
    let new_place = |k: usize| doc.key(k) == "new" && k + 1 < n && linked(doc, k + 1) && doc.toks[k + 1].is_cap();
    if doc.mode == CaseMode::Mixed && end + 1 < n && doc.key(end) == "of" && linked(doc, end) && linked(doc, end + 1) && doc.toks[end + 1].is_cap() && (!doc.has(end + 1, flag::FUNC) || new_place(end + 1)) {
        let mut e = end + 1;
        while e < n && (e == end + 1 || linked(doc, e)) && doc.toks[e].is_cap() && (!doc.has(e, flag::FUNC | flag::STATE) || new_place(e)) && e - end < 4 {
            e += 1;
        }
        // "Tibetan Association of Colorado": a state closes the name
        if e < n && linked(doc, e) && doc.toks[e].shape == Shape::Title && doc.has(e, flag::STATE) && !doc.has(e, flag::FUNC) && e - end < 4 {
            e += 1;
        }
        // "of" alone is no tail
        if e > end + 1 {
            end = e;
        }
    }
    end
}

/// Words that close a name only after one of its heads ("___ Health Plan", "___ Care Facility"):
/// alone they are generic ("a facility", "the plan").
fn tail_head(doc: &Doc<'_>, k: usize) -> bool {
    let cased = doc.mode != CaseMode::Mixed || doc.toks[k].is_cap();
    cased && match &*doc.key(k) {
        "plan" | "plans" | "network" => doc.key(k - 1) == "health",
        "facility" | "facilities" => doc.has(k - 1, flag::ORG_HEAD) || doc.key(k - 1) == "care",
        // "___ Community Services Northwest": a compass word closing a name after its head
        "northwest" | "northeast" | "southwest" | "southeast" => doc.has(k - 1, flag::ORG_HEAD) && doc.toks[k].is_cap(),
        _ => false,
    }
}

/// "Auto Body", "Auto Repair": a trade named by two words, closing a business's name.
fn auto_pair(doc: &Doc<'_>, k: usize) -> bool {
    doc.key(k) == "auto" && matches!(&*doc.key(k + 1), "body" | "repair" | "parts" | "glass" | "sales" | "service") && (doc.mode != CaseMode::Mixed || doc.toks[k].is_cap() && doc.toks[k + 1].is_cap())
}

/// Heads that open a congregation's name, in the languages of the people who attend it (and the
/// clinics of Spanish and Portuguese names: "Clínica del Valle", "Centro de Salud Familiar").
pub const HEADS_FIRST: &[&str] = &["church", "temple", "congregation", "masjid", "mosque", "synagogue", "igreja", "iglesia", "eglise", "église", "chiesa", "kirche", "parroquia", "ekalesia", "gurdwara", "mandir", "wat", "clinica", "policlinica", "centro"];

/// Words that join the parts of a name that begins with its head ("Church of God", "Église de
/// Dieu", "Masjid Mu'aadh bin Jabal", "Ekalesia ... o Kalihi").
const HEAD_FIRST_LINKS: &[&str] = &["of", "the", "de", "la", "du", "des", "do", "da", "del", "di", "o", "bin", "ibn", "al", "and", "&"];

/// "Temple Beth Shalom", "CHURCH OF PENTECOST", "Igreja Batista Nova Vida", "Masjid Mu'aadh bin
/// Jabal", "Children's Mercy": a congregation (or a children's hospital) named after its head
/// word. In text with case the words after it must be capitalized; in capitals, none may be a
/// function word other than the joining ones, and the name must hold a word no dictionary knows or
/// at least two words.
fn head_first(doc: &Doc<'_>, starts: &Starts, out: &mut Vec<Span>) {
    if doc.mode == CaseMode::Lower {
        head_first_lowercase(doc, out);
        return;
    }
    for i in starts.of(start::HEAD_FIRST) {
        head_first_at(doc, i, out);
    }
}

/// The rule of [`head_first`] at token `i` (not the last), which carries [`flag::HEAD_FIRST`] or
/// is not all ASCII (kept out of line so that the loop over the marked tokens stays in registers).
#[inline(never)]
fn head_first_at(doc: &Doc<'_>, i: usize, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    {
        let t = doc.toks[i];
        // "Children's Mercy", "Children's National": a children's hospital named after its head
        let childrens = || t.e - t.s >= 10 && doc.key(i) == "children" && (doc.word(i).ends_with("'s") || doc.word(i).ends_with("’s")) && !doc.has(i + 1, flag::TRAP | flag::CALENDAR);
        if !t.is_cap() || !(HEADS_FIRST.contains(&&*doc.key(i)) || childrens()) || !linked(doc, i + 1) {
            return;
        }
        let mixed = doc.mode == CaseMode::Mixed && t.shape == Shape::Title;
        let (mut j, mut end) = (i + 1, i + 1);
        while j < n && j - i <= 6 && linked(doc, j) {
            let link = HEAD_FIRST_LINKS.contains(&&*doc.key(j)) && (!mixed || doc.toks[j].shape == Shape::Lower || doc.key(j) == "&");
            let word = doc.toks[j].is_cap() && (!mixed || doc.toks[j].shape == Shape::Title)
                && !doc.has(j, flag::FUNC | flag::UNIT | flag::CRED | flag::KIN | flag::ROLE | flag::CALENDAR | flag::GREET)
                && !followed_by_number(doc, j);
            if word {
                end = j + 1;
            } else if !link {
                break;
            }
            j += 1;
        }
        let words = (i + 1..end).filter(|&k| !HEAD_FIRST_LINKS.contains(&&*doc.key(k))).count();
        let distinctive = (i + 1..end).any(|k| !doc.is_common(k) && !doc.has(k, flag::TRAP)) || words >= 2;
        if end > i + 1 && (mixed || distinctive) && !followed_by_not_place(doc, end) {
            out.push(Span::new(t.s, doc.toks[end - 1].e, Category::Organization, 0.7, "organizations", "a congregation named after its head word (Temple ___, Church of ___)"));
        }
    }
}

/// "imam from masjid al-hidayah", "iglesia pentecostal ebenezer": in a note typed in lowercase, a
/// congregation head in a language other than English, then one to three words no dictionary
/// of common words knows.
fn head_first_lowercase(doc: &Doc<'_>, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for i in 0..n.saturating_sub(1) {
        if !matches!(&*doc.key(i), "masjid" | "igreja" | "iglesia" | "eglise" | "église" | "chiesa" | "kirche" | "parroquia" | "ekalesia" | "gurdwara" | "mandir") || !doc.joined(i) {
            continue;
        }
        let word = |k: usize| doc.toks[k].e - doc.toks[k].s >= 3 && !doc.is_common(k) && !doc.has(k, flag::FUNC | flag::UNIT | flag::TRAP | flag::CALENDAR);
        let mut e = i + 1;
        while e < n && e - i <= 3 && (e == i + 1 || doc.joined(e - 1)) && word(e) {
            e += 1;
        }
        if e > i + 1 {
            out.push(Span::new(doc.toks[i].s, doc.toks[e - 1].e, Category::Organization, 0.65, "organizations", "a congregation named after its head word, in lowercase (masjid ___)"));
        }
    }
}

/// Words after "Holy" that name a belief, a book or a season, not a parish.
static HOLY_NOT: WordSet = LazyLock::new(|| {
    set("spirit ghost week communion bible land father see scripture scriptures sacrament sacraments water grail cow \
         war city quran koran book books day days orders order roller smoke moly mass matrimony hell crap")
});

/// True when token `i` is a camel-cased brand ("UMass", "SeniorLife", "FedEx"): a capital, then
/// lowercase letters and another capital, letters only.
fn camel(doc: &Doc<'_>, i: usize) -> bool {
    let t = doc.toks[i];
    if t.shape != Shape::Other || !t.ascii || t.e - t.s < 4 {
        return false;
    }
    let w = doc.word(i).as_bytes();
    if !w.iter().all(u8::is_ascii_alphabetic) || !w[0].is_ascii_uppercase() {
        return false;
    }
    // humps of a capital and two or more lowercase letters ("SeniorLife", "FedEx"), or a
    // university's "U" before one ("UMass", "UConn"); not "CDiff", "EPstudy"
    let (mut parts, mut k, mut ok) = (0, 0, true);
    while k < w.len() {
        let up = w[k..].iter().take_while(|c| c.is_ascii_uppercase()).count();
        let low = w[k + up..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        let first_u = k == 0 && up == 2 && w[0] == b'U';
        ok &= (up == 1 || first_u) && low >= 2;
        parts += if first_u { 2 } else { 1 };
        k += up + low;
    }
    ok && parts >= 2
}

/// Organizations known by the form of their name rather than a head noun:
/// - "at Holy Rosary", "called HOLY TRINITY GREEK ORTHODOX": a parish named "Holy ___";
/// - "at UMass", "from SeniorLife": a camel-cased brand after at/from/for/to;
/// - "works at Children's": a children's hospital by its short name;
/// - "Quincy High", "at kaiser high": a high school by its short name.
fn named_by_form(doc: &Doc<'_>, starts: &Starts, out: &mut Vec<Span>) {
    // only the words of the arms of `form_at` and camel-cased words are looked at
    for i in starts.of(start::FORM) {
        form_at(doc, i, out);
    }
}

/// The rules of [`named_by_form`] at token `i` (kept out of line so that the loop over every
/// token stays in registers).
#[inline(never)]
fn form_at(doc: &Doc<'_>, i: usize, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    let mixed = doc.mode == CaseMode::Mixed;
    let cue = |k: usize| k > 0 && doc.joined(k - 1) && matches!(&*doc.key(k - 1), "at" | "from" | "to" | "for" | "into" | "called" | "attends" | "attend" | "attended" | "attending");
    let t = doc.toks[i];
    let key = doc.key(i);
    match &*key {
        // "a union man, Local 88": a union's local, by its number, mid-sentence in text with case
        "local" if mixed && t.shape == Shape::Title && !t.sent_start => {
            let rest = &doc.text[t.e..];
            let Some(num) = rest.strip_prefix(' ') else { return };
            let d = num.bytes().take_while(u8::is_ascii_digit).count();
            let after = &num[d..];
            if !(1..=4).contains(&d) || !(after.is_empty() || after.starts_with([',', ';', ')', '\n']) || after.starts_with(". ")) {
                return;
            }
            let e = t.e + 1 + d;
            out.push(Span::new(t.s, e, Category::Organization, 0.6, "organizations", "a union local by its number (Local 88)"));
        }
        // "Our Lady of Sorrows school", "OUR LADY OF LOURDES": a parish or its school
        "our" if i + 3 < n && doc.joined(i) && doc.joined(i + 1) && doc.joined(i + 2) && doc.key(i + 1) == "lady" && doc.key(i + 2) == "of" && (!mixed || t.is_cap() && doc.toks[i + 1].is_cap()) => {
            let mut end = i + 3;
            while end < n && end - i < 6 && (end == i + 3 || linked(doc, end)) && (!mixed || doc.toks[end].is_cap()) && !doc.has(end, flag::FUNC | flag::CALENDAR | flag::UNIT | flag::ORG_HEAD) && doc.toks[end].e - doc.toks[end].s >= 3 {
                end += 1;
            }
            if end == i + 3 {
                return;
            }
            // "Our Lady of Sorrows school": a lowercase head closes it too
            while end < n && linked(doc, end) && doc.has(end, flag::ORG_HEAD) && HEADS_CASELESS.contains(&*doc.key(end)) {
                end += 1;
            }
            out.push(Span::new(t.s, doc.toks[end - 1].e, Category::Organization, 0.7, "organizations", "a parish or school named Our Lady of ___"));
        }
        // "at City of Hope": an institution named "City of ___" after at/from/to, where ___
        // is no function word or state
        "city" if mixed && cue(i) && t.shape == Shape::Title && i + 2 < n && doc.joined(i) && doc.joined(i + 1) && doc.key(i + 1) == "of" && doc.toks[i + 2].shape == Shape::Title
            && !doc.has(i + 2, flag::FUNC | flag::STATE | flag::CALENDAR | flag::TRAP) && doc.toks[i + 2].e - doc.toks[i + 2].s >= 3 => {
            let end = i + 3;
            out.push(Span::new(t.s, doc.toks[end - 1].e, Category::Organization, 0.6, "organizations", "an institution named City of ___ after at/from"));
        }
        "holy" if i + 1 < n && doc.joined(i) => {
            let j = i + 1;
            let ok = if mixed {
                t.shape == Shape::Title && doc.toks[j].shape == Shape::Title && !(i > 0 && doc.key(i - 1) == "the")
            } else {
                cue(i) && doc.toks[j].e - doc.toks[j].s >= 4
            };
            if !ok || HOLY_NOT.contains(&*doc.key(j)) || doc.has(j, flag::FUNC | flag::CALENDAR | flag::UNIT) {
                return;
            }
            let mut end = j + 1;
            // "HOLY TRINITY GREEK ORTHODOX"
            if end < n && linked(doc, end) && doc.has(end, flag::NOT_NAME) && end + 1 < n && linked(doc, end + 1) && doc.has(end + 1, flag::ORG_HEAD) {
                end += 1;
            }
            while end < n && linked(doc, end) && doc.has(end, flag::ORG_HEAD) && (!mixed || doc.toks[end].is_cap()) {
                end += 1;
            }
            let end = tail(doc, end);
            out.push(Span::new(t.s, doc.toks[end - 1].e, Category::Organization, 0.65, "organizations", "a parish named Holy ___"));
        }
        "children" if cue(i) && doc.word(i).len() > 8 && ends_name(doc, i) && (!mixed || t.is_cap()) => {
            out.push(Span::new(t.s, t.e, Category::Organization, 0.6, "organizations", "a children's hospital by its short name (at Children's)"));
        }
        "high" if i > 0 && doc.joined(i - 1) && ends_name(doc, i) => {
            let x = i - 1;
            let xt = doc.toks[x];
            if xt.e - xt.s < 3 || doc.has(x, flag::FUNC | flag::TRAP | flag::UNIT | flag::CALENDAR | flag::ORG_HEAD) {
                return;
            }
            let ok = if mixed {
                t.shape == Shape::Title && xt.shape == Shape::Title && (!doc.is_common(x) || doc.is_place(x, x + 1))
            } else {
                cue(x) && !doc.is_common(x)
            };
            if ok {
                out.push(Span::new(xt.s, t.e, Category::Organization, 0.6, "organizations", "a high school by its short name (___ High)"));
            }
        }
        _ if mixed && camel(doc, i) && (cue(i) || i > 0 && cue(i - 1)) && !doc.has(i, flag::TRAP) && !doc.text[..t.s].ends_with(['#', '@']) => {
            // "at UMass", "at Hebrew SeniorLife" (a capitalized word before it), "UMass Boston"
            // (a place after it)
            let start = if cue(i) {
                i
            } else if i > 0 && cue(i - 1) && linked(doc, i) && doc.toks[i - 1].shape == Shape::Title && !doc.has(i - 1, flag::FUNC | flag::TITLE | flag::KIN | flag::ROLE) {
                i - 1
            } else {
                return;
            };
            let mut end = tail(doc, i + 1);
            if end == i + 1 && end < n && linked(doc, end) && doc.toks[end].shape == Shape::Title && doc.is_place(end, end + 1) {
                end += 1;
            }
            out.push(Span::new(doc.toks[start].s, doc.toks[end - 1].e, Category::Organization, 0.55, "organizations", "a camel-cased brand after at/from (at UMass)"));
        }
        _ => {}
    }
}

/// "P.S. 84", "I.S. 131", "M.S. 51", "J.H.S. 22": a New York-style public school by its number.
fn numbered_schools(doc: &Doc<'_>, starts: &Starts, out: &mut Vec<Span>) {
    // (the tokens of one letter P, I, M or H)
    for k in starts.of(start::SCHOOL) {
        let t = &doc.toks[k];
        let Some(r) = doc.text[t.e..].strip_prefix(".S. ").or_else(|| doc.text[t.e..].strip_prefix(".S ")) else { continue };
        let d = r.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&d) && !r[d..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            let e = doc.text.len() - r.len() + d;
            out.push(Span::new(t.s, e, Category::Organization, 0.6, "organizations", "a public school by its number (P.S. ___)"));
        }
    }
}

/// The loops of this module over the tokens, by the mark of [`Starts`] that lists the tokens
/// each may start at.
mod start {
    /// [`super::head_first`]: a congregation head ([`super::flag::HEAD_FIRST`]) or a word not all
    /// ASCII (a folded word of more than 16 bytes carries no flags), not the last token.
    pub const HEAD_FIRST: u32 = 1;
    /// [`super::employers_and_senders`]: a word of two letters or more before of, at, for, by,
    /// from, with, through or via (and another token after that), or the head of an employer's
    /// field ([`super::employer_field`]).
    pub const EMPLOYER: u32 = 1 << 1;
    /// [`super::named_facilities`]: a lowercase word for a shelter or a stay (shelter, shelters,
    /// mission, motel, encampment, pantry, hostel, camp, dorm, halfway).
    pub const FACILITY: u32 = 1 << 2;
    /// [`super::named_by_form`]: "local", "our", "city", "holy", "children", "high", or a word of
    /// no regular shape ([`super::Shape::Other`]).
    pub const FORM: u32 = 1 << 3;
    /// [`super::find_names`]'s loop: [`super::may_open_name`].
    pub const NAME: u32 = 1 << 4;
    /// [`super::numbered_schools`]: a token of one letter, P, I, M or H.
    pub const SCHOOL: u32 = 1 << 5;
    /// [`super::care_kind_in_brackets`]: a token right after an opening bracket.
    pub const BRACKET: u32 = 1 << 6;
    /// [`super::union_locals`]: "local" not in lowercase, after the first token.
    pub const LOCAL: u32 = 1 << 7;
}

/// The classes of the cue words of [`Starts`], from [`ORG_CUES`].
mod cue {
    /// A word after which a name may start ([`super::may_open_name`]: to, at, from, for, per, on,
    /// by; [`super::token_cues`] adds the transfer verbs and "at", "from" of other forms).
    pub const NAME_AFTER: u32 = 1;
    /// A preposition after an employer's cue ([`super::employers_and_senders`]).
    pub const EMPLOYER_PREP: u32 = 1 << 1;
    /// A word that [`super::form_at`] looks at.
    pub const FORM: u32 = 1 << 2;
    /// "local".
    pub const LOCAL: u32 = 1 << 3;
    /// A word for a shelter or a stay of eight bytes or fewer ([`super::start::FACILITY`]).
    pub const FACILITY: u32 = 1 << 4;
}

/// The cue words of [`Starts`] (lowercase keys of eight bytes or fewer), with their classes.
const ORG_CUE_WORDS: &[(&str, u32)] = &[
    ("to", cue::NAME_AFTER), ("at", cue::NAME_AFTER | cue::EMPLOYER_PREP), ("from", cue::NAME_AFTER | cue::EMPLOYER_PREP),
    ("for", cue::NAME_AFTER | cue::EMPLOYER_PREP), ("per", cue::NAME_AFTER), ("on", cue::NAME_AFTER), ("by", cue::NAME_AFTER | cue::EMPLOYER_PREP),
    ("of", cue::EMPLOYER_PREP), ("with", cue::EMPLOYER_PREP), ("through", cue::EMPLOYER_PREP), ("via", cue::EMPLOYER_PREP),
    ("local", cue::FORM | cue::LOCAL), ("our", cue::FORM), ("city", cue::FORM), ("holy", cue::FORM), ("children", cue::FORM), ("high", cue::FORM),
    ("shelter", cue::FACILITY), ("shelters", cue::FACILITY), ("mission", cue::FACILITY), ("motel", cue::FACILITY), ("pantry", cue::FACILITY),
    ("hostel", cue::FACILITY), ("camp", cue::FACILITY), ("dorm", cue::FACILITY), ("halfway", cue::FACILITY),
];

/// [`ORG_CUE_WORDS`] as a table built at compile time (one lookup per token).
static ORG_CUES: super::person::CueTable = super::person::cue_table(ORG_CUE_WORDS);

/// The classes of the cue word whose key packed by [`super::word8`] is `k` (0 for none).
#[inline]
fn cue_marks(k: u64) -> u32 {
    ORG_CUES.marks(k)
}

/// The [`cue`] classes of token `k`: those of its word, and [`cue::NAME_AFTER`] for a transfer
/// verb or a word flagged "at"/"from" too.
#[inline]
fn token_cues(doc: &Doc<'_>, k: usize) -> u32 {
    cue_marks(doc.key8(k)) | if doc.has(k, flag::TRANSFER | flag::AT_FROM) { cue::NAME_AFTER } else { 0 }
}

/// The tokens of a text that the loops of this module may start at, each with the [`start`]
/// marks of those loops, in order: one pass over the tokens, which looks each key up once in
/// [`ORG_CUES`], instead of a pass per loop.
struct Starts {
    list: Vec<(u32, u32)>,
}

impl Starts {
    /// Marks the tokens of `doc` in one pass (out of line, like `places::Marks::new`: one call per
    /// text).
    #[inline(never)]
    fn new(doc: &Doc<'_>) -> Starts {
        let toks = &doc.toks[..];
        let n = toks.len();
        let b = doc.text.as_bytes();
        let mut list = Vec::new();
        // the cue classes of the token before and of this one
        let (mut before, mut this) = (0, if n > 0 { token_cues(doc, 0) } else { 0 });
        for (i, t) in toks.iter().enumerate() {
            let next = if i + 1 < n { token_cues(doc, i + 1) } else { 0 };
            let f = doc.flags(i);
            let len = t.e - t.s;
            // (a token after another never starts at the text's first byte)
            let opened = i > 0 && b[t.s - 1] == b'(';
            let mut m = 0;
            if i + 1 < n && (f & flag::HEAD_FIRST != 0 || !t.ascii) {
                m |= start::HEAD_FIRST;
            }
            if i + 2 < n && len >= 2 && next & cue::EMPLOYER_PREP != 0 || i + 1 < n && employer_field(doc, i) {
                m |= start::EMPLOYER;
            }
            // ("encampment" is too long for the table)
            if t.shape == Shape::Lower && (this & cue::FACILITY != 0 || doc.key8(i) == 0 && doc.key_str(i) == "encampment") {
                m |= start::FACILITY;
            }
            if t.shape == Shape::Other || this & cue::FORM != 0 {
                m |= start::FORM;
            }
            if may_open_name(doc, i, t, f, before, opened) {
                m |= start::NAME;
            }
            if len == 1 && matches!(b[t.s], b'P' | b'I' | b'M' | b'H') {
                m |= start::SCHOOL;
            }
            if opened {
                m |= start::BRACKET;
            }
            if i > 0 && t.shape != Shape::Lower && this & cue::LOCAL != 0 {
                m |= start::LOCAL;
            }
            if m != 0 {
                list.push((i as u32, m));
            }
            (before, this) = (this, next);
        }
        Starts { list }
    }

    /// The tokens with any of marks `m`, in order.
    fn of(&self, m: u32) -> impl Iterator<Item = usize> + '_ {
        self.list.iter().filter(move |e| e.1 & m != 0).map(|e| e.0 as usize)
    }
}

/// Finds organizations in `doc`.
pub fn find(doc: &Doc<'_>, out: &mut Vec<Span>) {
    let first = out.len();
    let starts = Starts::new(doc);
    find_names(doc, &starts, out);
    numbered_schools(doc, &starts, out);
    care_kind_in_brackets(doc, &starts, out);
    union_locals(doc, &starts, out);
    initialisms_after(doc, first, out);
}

/// "UAW Local 140", "Teamsters Local 727", "SEIU Local 1199": a union's local, named by the union
/// (an initialism or a capitalized word) before "Local" and its number.
fn union_locals(doc: &Doc<'_>, starts: &Starts, out: &mut Vec<Span>) {
    // (the tokens "local" not in lowercase, after the first)
    for k in starts.of(start::LOCAL) {
        let t = doc.toks[k];
        if !doc.joined(k - 1) || !followed_by_number(doc, k) {
            continue;
        }
        let u = doc.toks[k - 1];
        let union = match u.shape {
            Shape::Upper => (2..=6).contains(&(u.e - u.s)) && !doc.has(k - 1, flag::FUNC | flag::CRED | flag::UNIT | flag::STATE),
            Shape::Title => !doc.has(k - 1, flag::FUNC | flag::TRAP | flag::CALENDAR | flag::STATE | flag::KIN | flag::ROLE) && (!u.sent_start || doc.key(k - 1) == "teamsters"),
            _ => false,
        };
        if !union {
            continue;
        }
        let digits = doc.text[t.e + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if digits > 5 {
            continue;
        }
        out.push(Span::new(u.s, t.e + 1 + digits, Category::Organization, 0.7, "organizations", "a union's local (___ Local 140)"));
    }
}

/// "from linden grove (alf)", "at Cedar Crest (SNF)", "back to Oakmont (rehab)": the kind of a
/// place of care in brackets names the words before it, after at/from/to/in.
fn care_kind_in_brackets(doc: &Doc<'_>, starts: &Starts, out: &mut Vec<Span>) {
    // (the tokens right after an opening bracket)
    for k in starts.of(start::BRACKET) {
        care_kind_at(doc, k, out);
    }
}

/// The rule of [`care_kind_in_brackets`] at token `k`, right after an opening bracket (kept out
/// of line so that the loop over the marked tokens stays in registers).
#[inline(never)]
fn care_kind_at(doc: &Doc<'_>, k: usize, out: &mut Vec<Span>) {
    {
        let g = doc.gap(k - 1);
        let bracketed = g == " (" && doc.text[doc.toks[k].e..].starts_with(')');
        if !bracketed || !key_in!(doc, k, "alf", "snf", "ltc", "ltach", "ltac", "rehab", "irf", "sar", "nh", "alr", "hospice", "adh", "ecf", "lthc") {
            return;
        }
        // back from the bracket to a preposition, over at most three words
        let mut s = k;
        while s > 0 && k - s < 3 && (s == k || doc.joined(s - 1)) && {
            let t = doc.toks[s - 1];
            t.e - t.s >= 2 && !doc.has(s - 1, flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::TRANSFER | flag::MEDICAL | flag::CALENDAR | flag::PREP | flag::AT_FROM)
                && !doc.text[t.s..t.e].bytes().any(|b| b.is_ascii_digit())
        } {
            s -= 1;
        }
        if s == k || s == 0 || !doc.joined(s - 1) || !key_in!(doc, s - 1, "from", "at", "to", "in", "into") {
            return;
        }
        // one common word alone is no name ("from home (alf)")
        if k - s == 1 && doc.is_common(s) && !doc.toks[s].is_cap() {
            return;
        }
        out.push(Span::new(doc.toks[s].s, doc.toks[k - 1].e, Category::Organization, 0.6, "organizations", "a place of care before its kind in brackets (___ (ALF))"));
    }
}

/// "Bunker Hill (BHCC)", "Visiting Nurse Association (VNA)": an initialism in brackets right after
/// an organization found is its short name.
fn initialisms_after(doc: &Doc<'_>, first: usize, out: &mut Vec<Span>) {
    for f in first..out.len() {
        if out[f].category != Category::Organization {
            continue;
        }
        let rest = &doc.text[out[f].end..];
        let Some(inner) = rest.strip_prefix(" (") else { continue };
        let len = inner.bytes().take_while(u8::is_ascii_uppercase).count();
        if (2..=6).contains(&len) && inner[len..].starts_with(')') {
            let s = out[f].end + 2;
            out.push(Span::new(s, s + len, Category::Organization, 0.6, "organizations", "an initialism in brackets after an organization (___ (ABC))"));
        }
    }
}

/// A necessary condition for a rule of [`find_names`]'s loop to start at token `i`, from flags,
/// shape and the word before only (most tokens are common words that start nothing, and the
/// rules' own tests cost more): a head, a saint or a transfer verb; an initial ("U Maryland"); a
/// short word ending in h or mc (an initialism, maybe after an arrow); or a cue right before it
/// (to, at, from, for, per, on, by, a transfer verb, an opening bracket). `before` is the
/// [`token_cues`] of the token before (0 for the first), `opened` whether an opening bracket is
/// right before it; `t` and `f` are the token and its [`Doc::flags`] (the loop of [`Starts::new`]
/// has them at hand). The key's last letters are read from [`Doc::key8`] when it has eight bytes
/// or fewer.
#[inline(always)]
fn may_open_name(doc: &Doc<'_>, i: usize, t: &super::shape::Tok, f: u32, before: u32, opened: bool) -> bool {
    if f & (flag::ORG_HEAD | flag::SAINT | flag::TRANSFER) != 0 || t.shape == Shape::Initial || before & cue::NAME_AFTER != 0 || opened {
        return true;
    }
    (2..=5).contains(&(t.e - t.s)) && {
        let k = doc.key8(i);
        if k != 0 {
            ends_in_h_or_mc(k)
        } else {
            let key = doc.key_str(i);
            key.ends_with('h') || key.ends_with("mc")
        }
    }
}

/// True when the word packed by [`super::word8`] in `k` (not 0) ends in "h" or "mc": its last
/// byte is the highest one that is not zero.
#[inline(always)]
fn ends_in_h_or_mc(k: u64) -> bool {
    let last = 7 - k.leading_zeros() / 8;
    let top = (k >> (8 * last)) as u8;
    top == b'h' || last >= 1 && top == b'c' && (k >> (8 * (last - 1))) as u8 == b'm'
}

fn find_names(doc: &Doc<'_>, starts: &Starts, out: &mut Vec<Span>) {
    let mut covered = 0;
    head_first(doc, starts, out);
    employers_and_senders(doc, starts, out);
    named_facilities(doc, starts, out);
    named_by_form(doc, starts, out);
    for i in starts.of(start::NAME) {
        if i >= covered {
            if let Some(end) = name_at(doc, i, out) {
                covered = end;
            }
        }
    }
}

/// The rules of [`find_names`]'s loop at token `i` (which passed [`may_open_name`]): the end
/// (one past) of the organization found there, if any. Kept out of line so that the loop over
/// every token, most of which fail the cheap test, stays in registers.
#[inline(never)]
fn name_at(doc: &Doc<'_>, i: usize, out: &mut Vec<Span>) -> Option<usize> {
    let n = doc.toks.len();
    // "presented to holy cross hospital", "rehab(sacred heart Memorial)": a name typed in
    // lowercase before a hospital-like head, right after to/at/from or an opening bracket
    if let Some(end) = lowercase_place_of_care(doc, i, out) {
        return Some(end);
    }
    // head nouns: walk back
    // "Boston Medical", "Akron Children's": a shortened hospital name after a place or a word
    // no dictionary knows, and ending there
    let truncated = doc.has(i, flag::ORG_HEAD) && truncated_head(doc, i) && !(i > 0 && (doc.is_place(i - 1, i) || !doc.is_common(i - 1)) && (ends_name(doc, i) || i + 1 < doc.toks.len() && doc.joined(i) && is_head(doc, i + 1)));
    // "Nepali ___ Health Help": a capitalized word after "Health" that no head list holds
    // carries the phrase on (a title, not a clinic's name)
    let continued = || doc.key(i) == "health" && i + 1 < n && linked(doc, i + 1) && doc.toks[i + 1].is_cap() && !doc.has(i + 1, flag::ORG_HEAD | flag::FUNC) && !tail_head(doc, i + 1) && doc.key(i + 1) != "care";
    if is_head(doc, i) && !truncated && !continued() {
        let mut s = i;
        // "Lindgren & Sons": a family business
        let family = |s: usize| s == i && doc.gap(s - 1) == " & " && matches!(&*doc.key(i), "sons" | "daughters");
        while s > 0 && (org_linked(doc, s) || family(s)) && name_part(doc, s - 1) && i - s < 5 {
            s -= 1;
        }
        if s < i {
            // a run in capitals (a header in a mixed-case note) needs a word no dictionary knows,
            // unless its head is hospital-like
            let caps_run = doc.mode != CaseMode::Mixed || (s..=i).all(|k| doc.toks[k].shape == Shape::Upper);
            let strict = caps_run && !HEADS_CASELESS.contains(&*doc.key(i)) && !(truncated_head(doc, i) && doc.is_place(i - 1, i));
            let state_abbrev = |k: usize| doc.has(k, flag::STATE) && doc.toks[k].shape == Shape::Upper && doc.toks[k].e - doc.toks[k].s == 2;
            let distinctive = (s..i).any(|k| !generic(doc, k) && !(strict && (doc.is_common(k) || doc.has(k, flag::TRAP))) || state_abbrev(k) && !strict);
            let namey = doc.mode != CaseMode::Lower && NAMEY_HEADS.contains(&*doc.key(s)) && doc.toks[s].is_cap();
            // in notes without case, "rehab" and "house" need two words or one no dictionary knows
            let weak_head = doc.mode != CaseMode::Mixed && matches!(&*doc.key(i), "rehab" | "house");
            let distinctive = distinctive && (!weak_head || i - s >= 2 || (s..i).any(|k| !doc.is_common(k) && !doc.has(k, flag::TRAP)));
            let end = tail(doc, i + 1);
            // "the Ethiopian Orthodox fast", "a Korean Baptist": a people and a denomination name
            // a faith, not a congregation, unless a head like Church follows
            let faith = end == i + 1 && (s..i).all(|k| doc.has(k, flag::NOT_NAME) || generic(doc, k))
                && matches!(&*doc.key(i), "orthodox" | "baptist" | "methodist" | "presbyterian" | "lutheran" | "catholic" | "episcopal" | "adventist" | "apostolic" | "pentecostal" | "congregational");
            let worship = CONGREGATIONS.contains(&*doc.key(i)) && i + 1 < n && matches!(&*doc.key(i + 1), "service" | "services");
            if (distinctive || namey) && !faith && (worship || !followed_by_not_place(doc, i + 1)) {
                out.push(Span::new(doc.toks[s].s, doc.toks[end - 1].e, Category::Organization, 0.8, "organizations", "a name ending in Hospital, Clinic, School, Church ..."));
                return Some(end);
            }
        }
    }
    // St. / Saint ___
    if doc.has(i, flag::SAINT) && matches!(&*doc.key(i), "st" | "saint" | "sainte" | "ste") && i + 1 < n && org_linked(doc, i + 1) {
        let prev_street = doc.mode == CaseMode::Mixed && i > 0 && linked(doc, i) && doc.toks[i - 1].is_cap() && !doc.toks[i - 1].sent_start && !doc.has(i - 1, flag::FUNC);
        let j = i + 1;
        // "ST" is also sinus tachycardia: in capitals, only before a listed name after to/at/from
        let caps = doc.mode != CaseMode::Mixed || doc.toks[i].shape == Shape::Upper;
        let ok = if caps {
            i > 0 && matches!(&*doc.key(i - 1), "to" | "at" | "from" | "by") && doc.is_name(j) && !doc.is_common(j) && !doc.has(j, flag::FUNC | flag::UNIT | flag::TRAP)
        } else {
            doc.toks[j].shape == Shape::Title && !doc.has(j, flag::FUNC | flag::STREET | flag::TRAP)
                // "at st joe's", "from st luke's": a saint's hospital typed in lowercase, a first name's possessive
                || doc.toks[i].shape == Shape::Lower && doc.toks[j].shape == Shape::Lower && i > 0 && key_in!(doc, i - 1, "to", "at", "from") && doc.word(j).ends_with("'s") && doc.is_first(j)
        };
        if ok && !prev_street {
            let mut end = j + 1;
            // "St. Nicholas Greek Orthodox", "St. Michael Ethiopian Orthodox"
            if end + 1 < n && linked(doc, end) && linked(doc, end + 1) && doc.has(end, flag::NOT_NAME) && is_head(doc, end + 1) {
                end += 1;
            }
            // "St. Pius V", "St. John XXIII": a pope's or king's numeral
            if end < n && linked(doc, end) && matches!(doc.toks[end].shape, Shape::Upper | Shape::Initial) && doc.toks[end].e - doc.toks[end].s <= 5 && doc.word(end).bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
                end += 1;
            }
            while end < n && linked(doc, end) && is_head(doc, end) {
                end += 1;
            }
            let end = tail(doc, end);
            out.push(Span::new(doc.toks[i].s, doc.toks[end - 1].e, Category::Organization, 0.75, "organizations", "a place named after a saint (St. ___)"));
            return Some(end);
        }
    }
    // a ward named by a word and a number ("transfer to Quartermain 2", "from rivendell5")
    if let Some(end) = ward(doc, i, out) {
        return Some(end);
    }
    // "at GH", "by GBMC", "per U Maryland": a hospital's initialism or a university's short name
    if let Some(end) = short_name(doc, i, out) {
        return Some(end);
    }
    // transfer verb ... to/from/at ___
    if doc.has(i, flag::TRANSFER) {
        if let Some(end) = transfer_target(doc, i, out) {
            return Some(end);
        }
    }
    // "at Holy Cross", "from Harbor": capitalized words after at/from in mixed-case text
    if doc.mode == CaseMode::Mixed && i > 0 && doc.has(i - 1, flag::AT_FROM) && doc.toks[i].shape == Shape::Title && linked(doc, i) {
        let t = doc.toks[i];
        let bad = flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::STATE | flag::TRANSFER | flag::GREET;
        if t.shape == Shape::Title && !t.sent_start && !doc.has(i, bad | flag::ORG_HEAD) && !doc.is_first(i) {
            let mut end = i + 1;
            while end < n && linked(doc, end) && end - i < 3 && doc.toks[end].shape == Shape::Title && !doc.has(end, bad) {
                end += 1;
            }
            let end = tail(doc, end);
            if !followed_by_not_place(doc, end) {
                out.push(Span::new(t.s, doc.toks[end - 1].e, Category::Organization, 0.5, "organizations", "a capitalized place after at/from"));
                return Some(end);
            }
        }
    }
    None
}

/// Words before "of/at/for/by/from" that make the next capitalized words an employer.
static EMPLOYER_CUES: WordSet = LazyLock::new(|| {
    set("ceo cfo coo president founder owner employee employees employed works worked working retired job \
         manager director executive vp student students teacher teaches taught cook chef clerk cashier driver drives \
         drove janitor mechanic volunteer volunteers boss employer pharmacist engineer aide technician accountant \
         receptionist secretary waiter waitress bartender dishwasher housekeeper nanny cleaner painter carpenter \
         electrician welder machinist laborer foreman supervisor sous-chef baker butcher barber stylist hairdresser \
         analyst programmer paralegal professor librarian coach worker resident intern shift nurse work rn lpn cna \
         lineman linemen plumber custodian courier dispatcher installer roofer bookkeeper trucker porter packer \
         stocker sorter loader shifts")
});

/// Words that head a field naming an employer or a business ("Employer: ___", "preferred
/// pharmacy: ___", "former employer (___", "Funeral home: ___").
static EMPLOYER_FIELDS: WordSet = LazyLock::new(|| set("employer pharmacy insurer workplace"));

/// Verbs of paid work whose object may come between them and "for ___" ("cleaned offices for").
static WORK_VERBS: WordSet = LazyLock::new(|| {
    set("cleaned cleans cleaning picked picks picking cooked cooks cooking sewed sews sewing delivered delivers \
         delivering hauled hauls hauling drove driving worked")
});

/// Institutions that are businesses too: after an employer's cue they are the employer ("a driver
/// for ___", "works for ___" with a ride or delivery platform).
static BRAND_EMPLOYERS: WordSet = LazyLock::new(|| set("amazon uber lyft google facebook doordash instacart epic cerner zoom"));

/// Generic worksites after a company's name ("the UPS hub", "the Ford plant").
static WORKSITES: WordSet = LazyLock::new(|| set("hub warehouse plant factory depot distribution fulfillment mill yard"));

/// Staff and teams that come "from" a place of care ("Surgeon from Harbor in to talk").
static STAFF: WordSet = LazyLock::new(|| {
    set("surgeon surgeons team doctor doctors physician physicians md mds rn rns np nurses liaison \
         coordinator rep representative screener ambulance ems transport")
});

/// The token after an employer's field ("Employer: ___", "pharmacy: ___", "funeral home: ___",
/// "employer (___"), if `c` heads one.
#[inline(always)]
fn employer_field(doc: &Doc<'_>, c: usize) -> bool {
    // cheap tests first (inlined into the loop over every token): no word after it on the line,
    // a colon or a space after it, and the first letter of a field's word (employer, pharmacy,
    // insurer, workplace, home) when the word is all ASCII (its key is then the word lowercased)
    let t = &doc.toks[c];
    let b = doc.text.as_bytes();
    !doc.joined(c) && t.e - t.s >= 4 && matches!(b.get(t.e), Some(b':' | b' ')) && (!t.ascii || matches!(b[t.s] | 0x20, b'e' | b'p' | b'i' | b'w' | b'h')) && employer_field_word(doc, c)
}

/// The rest of [`employer_field`]: the word and the gap after it (out of line).
#[inline(never)]
fn employer_field_word(doc: &Doc<'_>, c: usize) -> bool {
    let key = doc.key(c);
    let field = EMPLOYER_FIELDS.contains(&*key) || &*key == "home" && c > 0 && doc.joined(c - 1) && doc.key(c - 1) == "funeral";
    field && matches!(doc.gap(c), ": " | " (" | ":  ")
}

/// "HUSBAND CEO OF IBM", "works at Brightwater Foods", "Surgeon from Harbor in this eve", "a ship's
/// engineer with ___ Maritime", "preferred pharmacy: ___": one to three capitalized words (or
/// words no dictionary knows, in notes without case) after an employer's cue or a member of staff
/// and of/at/for/by/from, or after an employer's field and a colon or bracket.
fn employers_and_senders(doc: &Doc<'_>, starts: &Starts, out: &mut Vec<Span>) {
    for c in starts.of(start::EMPLOYER) {
        employer_at(doc, c, employer_field(doc, c), out);
    }
}

/// The rules of [`employers_and_senders`] at token `c`, the cue (`field`: the head of an
/// employer's field). Kept out of line so that the loop over the marked tokens stays in registers.
#[inline(never)]
fn employer_at(doc: &Doc<'_>, c: usize, field: bool, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    let bad = flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::STATE | flag::TRANSFER | flag::GREET | flag::CALENDAR | flag::ORG_HEAD;
    let p = if field { doc.key(c) } else { doc.key(c + 1) };
    // "O2 ordered through ___", "supplied by ___": a supplier after a verb of supply
    let supply = !field && (matches!(&*doc.key(c), "ordered" | "supplied" | "obtained") && key_in!(doc, c + 1, "through", "via") || doc.key(c) == "supplied" && key_in!(doc, c + 1, "by"));
    if !field && !supply && (!key_in!(doc, c + 1, "of", "at", "for", "by", "from", "with") || !doc.joined(c) || !doc.joined(c + 1)) {
        return;
    }
    // "works nights at ___": a time of work between the cue and the preposition; "I work from
    // home for ___"
    // ("worked 38 years at ___", "worked the line at ___", "stop her shifts at ___": a span of
    // time, a line or shifts, a cue up to three words before)
    let shift = || {
        let span = matches!(&*doc.key(c), "nights" | "days" | "evenings" | "weekends" | "overnights" | "part-time" | "full-time" | "years" | "yrs" | "months" | "decades" | "line" | "shifts");
        // (the words between joined by spaces, or by a number: "worked 38 years")
        let near = |j: usize| doc.toks[j + 1].s - doc.toks[j].e <= 6 && doc.text.as_bytes()[doc.toks[j].e..doc.toks[j + 1].s].iter().all(|&b| b == b' ' || b.is_ascii_digit());
        span && (c.saturating_sub(3)..c).rev().take_while(|&j| near(j)).any(|j| EMPLOYER_CUES.contains(&*doc.key(j)))
    };
    let from_home = || c >= 2 && doc.key(c) == "home" && doc.key(c - 1) == "from" && matches!(&*doc.key(c - 2), "work" | "works" | "worked" | "working");
    let employer = field || supply || EMPLOYER_CUES.contains(&*doc.key(c)) || shift() || from_home();
    // "cleaned offices downtown for ___", "picked apples for ___": a verb of work up to two
    // words before "for" (a capitalized word no dictionary knows must follow)
    let worked = !employer && &*p == "for" && (c.saturating_sub(3)..=c).any(|j| (j == c || doc.joined(j)) && WORK_VERBS.contains(&*doc.key(j)));
    if !employer && !worked && !STAFF.contains(&*doc.key(c)) {
        return;
    }
    let prep_ok = if field || worked || supply { true } else if employer { matches!(&*p, "of" | "at" | "for" | "by" | "from" | "with") } else { matches!(&*p, "from") };
    if !prep_ok {
        return;
    }
    // "with" names an employer only before its head noun ("engineer with ___ Maritime")
    let with = !field && &*p == "with";
    let mut k = if field { c + 1 } else { c + 2 };
    if employer && doc.key(k) == "the" && k + 1 < n && doc.joined(k) {
        k += 1;
    }
    let mixed = doc.mode == CaseMode::Mixed;
    // after an employer's cue, in text with case, a capitalized word that lists would keep out
    // of a name: a business's head ("cashier at Market ___"), a state ("for Washington ___"),
    // a platform ("driver for Lyft"), a participle ("works for Visiting ___"), a word that also
    // names a hospital unit ("welder at General ___")
    let soft = |j: usize| {
        let t = doc.toks[j];
        employer && mixed && t.shape == Shape::Title && !doc.has(j, flag::GRAMMAR | (bad & !(flag::ORG_HEAD | flag::STATE | flag::FUNC | flag::TRAP | flag::UNIT)))
            && (!doc.has(j, flag::TRAP) || !supply && BRAND_EMPLOYERS.contains(&*doc.key(j)))
    };
    let word = |j: usize| {
        let t = doc.toks[j];
        if t.e - t.s < 2 {
            return false;
        }
        if doc.has(j, bad) {
            return soft(j);
        }
        match doc.mode {
            CaseMode::Mixed => t.shape == Shape::Upper && !doc.is_common(j) || t.shape == Shape::Title && (!doc.is_common(j) || employer || doc.is_name(j) || doc.is_place(j, j + 1)),
            _ => !doc.is_common(j) && t.e - t.s >= 3,
        }
    };
    // "DRIVER FOR ROADRUNNER FREIGHT": in text without case, a common word before the
    // employer's own head noun
    let before_head = |j: usize| !mixed && employer && j + 1 < n && linked(doc, j + 1) && doc.has(j + 1, flag::ORG_HEAD) && is_head(doc, j + 1) && !doc.has(j, bad) && doc.toks[j].e - doc.toks[j].s >= 3;
    // "shift at STOP & SHOP", "cook at Saffron & Smoke": two capitalized words joined by "&"
    let amp = |j: usize| employer && doc.mode != CaseMode::Lower && j + 1 < n && doc.gap(j) == " & " && doc.toks[j].is_cap() && doc.toks[j + 1].is_cap() && !doc.has(j, bad & !flag::ORG_HEAD) && !doc.has(j + 1, bad & !flag::ORG_HEAD);
    // "works at the UPS hub": a company's capitals before a generic worksite
    let site = |j: usize| employer && mixed && doc.toks[j].shape == Shape::Upper && doc.toks[j].e - doc.toks[j].s >= 2 && !doc.has(j, bad) && j + 1 < n && doc.joined(j) && WORKSITES.contains(&*doc.key(j + 1));
    if k >= n || !(word(k) || before_head(k) || amp(k) || site(k)) || doc.toks[k].sent_start && !field {
        return;
    }
    let mut e = k + 1;
    while e < n && e - k < 3 && linked(doc, e) && word(e) {
        e += 1;
    }
    // "works at jakarta grocery": the employer's own head noun ends its name; "MARBLE & GRANITE",
    // "BROS. AUTO BODY"
    let mut headed = doc.has(e - 1, flag::ORG_HEAD) && (k..e).any(|j| !doc.has(j, flag::ORG_HEAD));
    while employer && e < n && e - k < 5 {
        let joined = linked(doc, e) || doc.gap(e - 1) == " & " || doc.gap(e - 1) == ". " && matches!(&*doc.key(e - 1), "bros" | "co" | "inc");
        // a head ("___ Trucking"), or a second word after "&" ("___ & Smoke")
        if joined && doc.has(e, flag::ORG_HEAD) && (!mixed || doc.toks[e].is_cap()) || doc.gap(e - 1) == " & " && amp(e - 1) {
            e += 1;
            headed = true;
        } else if joined && e + 1 < n && linked(doc, e + 1) && auto_pair(doc, e) {
            e += 2;
            headed = true;
        } else {
            break;
        }
    }
    // a run of heads alone is no name ("works at Hospital"), and a state alone is no employer
    if (k..e).all(|j| doc.has(j, flag::ORG_HEAD | flag::STATE | flag::FUNC)) || with && !headed || followed_by_not_place(doc, e) {
        return;
    }
    out.push(Span::new(doc.toks[k].s, doc.toks[e - 1].e, Category::Organization, 0.55, "organizations", "an employer or a sender of staff (CEO of ___, surgeon from ___)"));
}

/// Units and words after a number that make "___ 2" a dose or a count, not a ward.
static NOT_WARD_AFTER: WordSet = LazyLock::new(|| {
    set("mg mcg g gm gr kg lb lbs ml cc l u units unit mmol meq mg/hr hr hrs h min mins x times tabs tab caps puffs \
         liters lpm pm am days day weeks wk wks months mo yrs years yr to of and or")
});

/// A ward named by a word and a small number after a move cue: "transfer to Quartermain 2",
/// "found from birchwood 5", "Per Quartermain 3 RN", "ADMITTED TO ROWAN7". The word must be one no
/// dictionary of common words knows and not a drug, unit or credential; the number must stand alone
/// (not a dose "Lasix 40mg", a decimal or a date).
fn ward(doc: &Doc<'_>, k: usize, out: &mut Vec<Span>) -> Option<usize> {
    let n = doc.toks.len();
    if k == 0 || doc.toks[k].e - doc.toks[k].s < 5 {
        return None;
    }
    let cue = key_in!(doc, k - 1, "to", "from", "at", "per", "on") || doc.has(k - 1, flag::TRANSFER);
    if !cue || !(doc.joined(k - 1)) {
        return None;
    }
    let t = doc.toks[k];
    let bad = flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::STATE | flag::TRANSFER | flag::GREET | flag::ORG_HEAD;
    if doc.has(k, bad) || t.e - t.s < 5 || doc.is_common(k) || !t.ascii || !matches!(t.shape, Shape::Title | Shape::Upper | Shape::Lower) {
        return None;
    }
    // "is to recieve 1": after a bare "to", a lowercase word is a verb unless a move came first
    if doc.key(k - 1) == "to" && t.shape == Shape::Lower && !(k >= 2 && doc.has(k - 2, flag::TRANSFER)) {
        return None;
    }
    let rest = &doc.text[t.e..];
    let digits_at = if rest.starts_with(' ') { 1 } else { 0 };
    let after = &rest[digits_at..];
    let nd = after.bytes().take_while(u8::is_ascii_digit).count();
    if nd == 0 || nd > 2 {
        return None;
    }
    // "commodex3": x before a count means times
    if digits_at == 0 && doc.key(k).ends_with('x') {
        return None;
    }
    let tail = &after[nd..];
    let next = tail.chars().next();
    if next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | ':' | '%')) || tail.starts_with('.') && tail[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // the word after the number must not make it a dose or a count
    let num_end = t.e + digits_at + nd;
    let next_tok = (k + 1..n).find(|&j| doc.toks[j].s >= num_end);
    if let Some(j) = next_tok {
        let g = &doc.text[num_end..doc.toks[j].s];
        if g.trim().is_empty() && g.len() <= 2 && NOT_WARD_AFTER.contains(&*doc.key(j)) {
            return None;
        }
    }
    out.push(Span::new(t.s, num_end, Category::Location, 0.6, "organizations", "a ward named by a word and a number (transfer to ___ 2)"));
    Some(next_tok.unwrap_or(n))
}

/// Clinical abbreviations shaped like a hospital's initialism (ending in H or MC).
static NOT_INITIALISM: WordSet = LazyLock::new(|| {
    set("ph th ch sh ich sah sdh edh bph pth tsh ldh acth adh nph hh fh mch cbh pph ivh doh bah duh uh oh ah eh ugh \
         rh lh hch ssh nh wh")
});

/// A hospital named by its initialism after at/from/to/by ("at GH", "by GBMC", "had at gh"), or a
/// university by "U" and a state or place ("per U Maryland scale").
fn short_name(doc: &Doc<'_>, k: usize, out: &mut Vec<Span>) -> Option<usize> {
    let n = doc.toks.len();
    let t = doc.toks[k];
    // U + state or known place
    if doc.mode == CaseMode::Mixed && t.shape == Shape::Initial && doc.key(k) == "u" && k + 1 < n && doc.joined(k) && doc.toks[k + 1].shape == Shape::Title && (doc.has(k + 1, flag::STATE) || doc.is_place(k + 1, k + 2)) {
        out.push(Span::new(t.s, doc.toks[k + 1].e, Category::Organization, 0.6, "organizations", "a university by U and a place (U ___)"));
        return Some(k + 2);
    }
    let key = doc.key(k);
    let len = t.e - t.s;
    // (the cheap tests of the initialism's shape first)
    if k == 0 || !(2..=5).contains(&len) || !(key.ends_with('h') || key.ends_with("mc")) {
        return None;
    }
    // "found unresponsive-> GH EW": an arrow is a move too
    let arrow = doc.text[..t.s].trim_end_matches(' ').ends_with("->");
    if !arrow && (!matches!(&*doc.key(k - 1), "at" | "from" | "to" | "by") || !doc.joined(k - 1)) {
        return None;
    }
    let shaped = match doc.mode {
        CaseMode::Mixed => t.shape == Shape::Upper || !arrow && t.shape == Shape::Lower && len == 2 && matches!(&*doc.key(k - 1), "at" | "from"),
        _ => true,
    };
    if !shaped || !(2..=5).contains(&len) || !(key.ends_with('h') || key.ends_with("mc")) || NOT_INITIALISM.contains(&*key) {
        return None;
    }
    if doc.has(k, flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::STATE | flag::TITLE) || (len > 2 && doc.is_common(k)) {
        return None;
    }
    // not part of a longer word run ("at GH-3" is fine; "at ICH/SAH" or "at PH 7.3" is not)
    let rest = &doc.text[t.e..];
    if rest.starts_with(['/', '\'', '-']) || rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    out.push(Span::new(t.s, t.e, Category::Organization, 0.55, "organizations", "a hospital's initialism after at/from/to/by"));
    Some(k + 1)
}

/// In a mixed-case note, lowercase words before a hospital-like head (hospital, rehab, memorial,
/// ...) after to/at/from or "(": two words, or one that no dictionary of common words knows
/// ("presented to holy cross hospital", "from baltimore rehab"). `i` is the first word.
///
/// In a note in capitals, the same before a two-word head only ("FROM GOLDEN PINE NURSING HOME",
/// "AT HEARTLAND HOME HEALTH").
fn lowercase_place_of_care(doc: &Doc<'_>, i: usize, out: &mut Vec<Span>) -> Option<usize> {
    let n = doc.toks.len();
    let caps = doc.mode == CaseMode::Upper && doc.toks[i].shape == Shape::Upper;
    let shape = if caps { Shape::Upper } else { Shape::Lower };
    if !(doc.mode == CaseMode::Mixed || caps) || i == 0 || doc.toks[i].shape != shape {
        return None;
    }
    let cue = (key_in!(doc, i - 1, "to", "at", "from", "for") && doc.joined(i - 1)) || doc.gap(i - 1).ends_with('(');
    if !cue {
        return None;
    }
    let bad = flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::TRANSFER | flag::MEDICAL | flag::ORG_HEAD | flag::CALENDAR;
    // a two-word head: "nursing home", "group home", "assisted living"
    let pair_head = |h: usize| h + 1 < n && doc.joined(h) && matches!((&*doc.key(h), &*doc.key(h + 1)), ("nursing" | "group" | "care" | "rest" | "retirement", "home" | "homes") | ("assisted", "living") | ("home", "health" | "care"));
    let mut h = i;
    while h < n && h - i < 3 && (h == i || doc.joined(h - 1)) && doc.toks[h].shape == shape && !doc.has(h, bad) && doc.toks[h].e - doc.toks[h].s >= 3 && !(h > i && pair_head(h)) {
        h += 1;
    }
    if h > i && h < n && doc.joined(h - 1) && pair_head(h) {
        h += 1;
    } else if caps || h == i || h >= n || !doc.joined(h - 1) || !matches!(doc.toks[h].shape, Shape::Lower | Shape::Title) {
        return None;
    } else if !HEADS_CASELESS.contains(&*doc.key(h)) && (!(matches!(&*doc.key(h), "general" | "elementary" | "commons") || HEADS_CASELESS_STRICT.contains(&*doc.key(h))) || (i..h).all(|k| doc.is_common(k))) {
        // a business head ("at lakeshore general", "at jakarta grocery") needs a word no dictionary knows
        return None;
    }
    if h - i < 2 && doc.is_common(i) {
        return None;
    }
    let end = tail(doc, h + 1);
    if followed_by_not_place(doc, end) {
        return None;
    }
    out.push(Span::new(doc.toks[i].s, doc.toks[end - 1].e, Category::Organization, 0.6, "organizations", "a lowercase name before Hospital, Rehab, Memorial after to/at/from"));
    Some(end)
}

fn transfer_target(doc: &Doc<'_>, i: usize, out: &mut Vec<Span>) -> Option<usize> {
    let n = doc.toks.len();
    let mut p = i + 1;
    // a preposition within six words, in the same sentence ("sent to ED at ___" tries both)
    while p < n && p - i <= 6 && !doc.toks[p].sent_start {
        if doc.has(p, flag::TRANSFER) && p > i + 1 {
            return None;
        }
        if matches!(&*doc.key(p), "to" | "from" | "at" | "into") || doc.key(p) == "by" && doc.mode != CaseMode::Mixed {
            if let Some(end) = target_after(doc, p, out) {
                return Some(end);
            }
        }
        p += 1;
    }
    None
}

fn target_after(doc: &Doc<'_>, p: usize, out: &mut Vec<Span>) -> Option<usize> {
    let n = doc.toks.len();
    // "transferred from 11 Blake": a hospital building named by its floor and a name
    let g = doc.gap(p);
    let floor = doc.mode == CaseMode::Mixed && matches!(&*doc.key(p), "from" | "to") && (3..=4).contains(&g.len()) && g.starts_with(' ') && g.ends_with(' ') && g[1..g.len() - 1].bytes().all(|c| c.is_ascii_digit());
    if floor && p + 1 < n {
        let k = p + 1;
        let t = doc.toks[k];
        let ok = t.shape == Shape::Title && t.e - t.s >= 4 && !doc.has(k, flag::FUNC | flag::UNIT | flag::TRAP | flag::CALENDAR | flag::ORG_HEAD | flag::STREET | flag::MEDICAL) && !followed_by_number(doc, k)
            && (!doc.is_common(k) || doc.is_name(k)) && !matches!(&*doc.key(k), "north" | "south" | "east" | "west")
            && !(k + 1 < n && doc.joined(k) && (doc.has(k + 1, flag::STREET | flag::UNIT | flag::ORG_HEAD) || doc.toks[k + 1].is_cap()));
        if ok {
            out.push(Span::new(doc.toks[p].e + 1, t.e, Category::Location, 0.6, "organizations", "a hospital building by floor and name (from 11 Blake)"));
            return Some(k + 1);
        }
        return None;
    }
    if p + 1 >= n || !doc.joined(p) && !doc.gap(p).trim().is_empty() {
        return None;
    }
    let mut k = p + 1;
    if k < n && matches!(&*doc.key(k), "the") && doc.joined(k) {
        k += 1;
    }
    if k >= n || !linked(doc, k) && !doc.gap(k - 1).trim().is_empty() {
        return None;
    }
    let t = doc.toks[k];
    let bad = flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::STATE | flag::TRANSFER | flag::GREET;
    if doc.has(k, bad) || t.e - t.s < 2 {
        return None;
    }
    let ok = match doc.mode {
        CaseMode::Mixed => t.shape == Shape::Title || t.shape == Shape::Upper && !doc.is_common(k),
        _ => !doc.is_common(k) && !doc.is_first(k),
    };
    if !ok || doc.text[t.e..].starts_with(['/', '\'']) && !doc.text[t.e..].starts_with("'s") {
        return None;
    }
    let mut end = k + 1;
    while end < n && linked(doc, end) && end - k < 3 && !doc.has(end, bad) && match doc.mode {
        CaseMode::Mixed => doc.toks[end].is_cap(),
        _ => !doc.is_common(end) || doc.has(end, flag::ORG_HEAD),
    } {
        end += 1;
    }
    let end = tail(doc, end);
    if followed_by_not_place(doc, end) {
        return None;
    }
    // "ADMITTED TO ROWANHILL7": a ward's number typed onto its name
    let mut e = doc.toks[end - 1].e;
    let digits = doc.text[e..].bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) && !doc.text[e + digits..].starts_with(|c: char| c.is_alphanumeric() || matches!(c, '/' | '.' | ':' | '%')) {
        e += digits;
    }
    out.push(Span::new(t.s, e, Category::Organization, 0.6, "organizations", "a place of care after a transfer (transferred to ___)"));
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Vec<&str> {
        let doc = Doc::new(text);
        let mut out = Vec::new();
        find(&doc, &mut out);
        crate::engine::resolve(out).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn organization_table() {
        for &(text, want) in ROWS {
            assert_eq!(orgs(text), want, "{text}");
        }
    }

    /// Texts and the organizations found in them.
    const ROWS: &[(&str, &[&str])] = &[
        ("F/u 6/10 at Clínica del Valle.", &["Clínica del Valle"]),
        // jails, police and rescue services locate a person too (blind6)
        ("Sick call at Marion County Jail, then on the phone with the Watertown Police.", &["Marion County Jail", "Watertown Police"]),
        ("Arrived via EMS (Riverbend Fire Rescue Medic 12).", &["Riverbend Fire Rescue"]),
        ("The police came; she was in jail for a night.", &[]),
        // in capitals, words before a two-word head of a place of care (unseen, blind3)
        ("88 YO F ADMITTED 4/22 FROM GOLDEN PINE NURSING HOME W/ UROSEPSIS.", &["GOLDEN PINE NURSING HOME"]),
        ("PT WILL GO HOME WITH VNA. D/C TO HOME WITH HOME HEALTH.", &[]),
        ("He retired from UAW Local 140 as a steward; his son joined Teamsters Local 727.", &["UAW Local 140", "Teamsters Local 727"]),
        // a span of time, a line or shifts between the work and the employer (blind5)
        ("He worked 38 years at Ohio River Forge and then retired.", &["Ohio River Forge"]),
        ("For 31 years he worked the line at Dodge Main, then at the plant.", &["Dodge Main"]),
        ("She had to stop her shifts at Sunrise Early Learning to be with him.", &["Sunrise Early Learning"]),
        ("Local 5% lidocaine applied.", &[]),
        // a children's hospital named after its head; a children's medicine is none
        ("He was diagnosed at Children's Mercy on Feb 2.", &["Children's Mercy"]),
        ("She gave him Children's Tylenol at noon.", &[]),
        // schools for small children and preparatory schools
        ("He goes to Little Acorns Daycare on weekdays.", &["Little Acorns Daycare"]),
        ("She was a striker at St. Brendan's Prep that year.", &["St. Brendan's Prep"]),
        ("Her twins started at Sunflower Montessori in the fall.", &["Sunflower Montessori"]),
        ("Her twins go to P.S. 117 now. P.S. I miss you.", &["P.S. 117"]),
        ("Placed with Kettle River Family Services Southwest last year.", &["Kettle River Family Services Southwest"]),
        ("The ICU Nurses were kind.", &[]),
        ("He fell in the parking lot of Brookside Hardware last spring.", &["Brookside Hardware"]),
        ("She was moved to Calvert Hospital on Friday.", &["Calvert Hospital"]),
        ("We met at the Islamic Center of Fairlane Park last week.", &["Islamic Center of Fairlane Park"]),
        ("He is at St. Agnes Medical Center now.", &["St. Agnes Medical Center"]),
        ("She goes to St. Raphael's on Sundays.", &["St. Raphael's"]),
        ("Mount Zion Apostolic Church fed us.", &["Mount Zion Apostolic Church"]),
        ("PT TRANSFERRED FROM CALVERT HOSPITAL FOR EVAL", &["CALVERT HOSPITAL"]),
        ("pt transferred to quartermain 2 today", &["quartermain"]),
        ("Plan: transfer to rivendell 4, diurese.", &["rivendell 4"]),
        ("PT IS ADMITTED TO ROWANHILL7 W/ CHF", &["ROWANHILL7"]),
        ("Per Rowanhill 3 RN, UO low.", &["Rowanhill 3"]),
        // doses and counts are not wards
        ("started on Lasix 40 mg and Zosyn 3.375", &[]),
        ("switched to Levaquin 5 days ago", &[]),
        ("GU: OOB to commodex3 voiding.", &[]),
        ("she is to recieve 1 unit on call.", &[]),
        ("RR 22 on PSVof 15 now.", &[]),
        ("He presented to mount olive hospital from dover rehab 7/6.", &["mount olive hospital", "dover rehab"]),
        ("Pt slated to go to rehab(saint brigid Memorial) today.", &["saint brigid Memorial"]),
        ("She was sent to the hospital, then to acute rehab.", &[]),
        ("discharged to home hospice care.", &[]),
        ("FOLLOWED BY THE CHF TEAM AT WCH, THEN", &["WCH"]),
        ("MAY BE W/U BY KBMC FOR TRANSPLANT.", &["KBMC"]),
        ("episodes of chf that she had at wh. She", &[]),
        ("the ones she had at rh.", &[]),
        ("insulin per U Nebraska scale today.", &["U Nebraska"]),
        ("Head CT showed ICH; repeat due to SAH at 0600.", &[]),
        ("plans for pt to go to sacred heart hospital.", &["sacred heart hospital"]),
        ("SOCIAL: WIFE IS CFO OF ZENTRIX. NONSMOKER.", &["ZENTRIX"]),
        ("Her son works at Brightwater Foods downtown.", &["Brightwater Foods"]),
        ("Surgeon from Haverhill in this am to talk to pt.", &["Haverhill"]),
        ("PT FOUND DOWN-> KMH EW, INTUBATED.", &["KMH"]),
        ("Pt admitted from NY Hospital overnight.", &["NY Hospital"]),
        ("He came from PA Hospital at 0300.", &["PA Hospital"]),
        ("team from Cardiology in, works for the VA, nurse from rehab", &[]),
        // employers after a cue, a field or "with" and a head
        ("Her uncle is a driver for Uber most nights.", &["Uber"]),
        ("My aunt works for Helping Hands, a home care agency.", &["Helping Hands"]),
        ("Pt works as cashier at Market Square; needs a note.", &["Market Square"]),
        ("HUSBAND WORKS AS DRIVER FOR BLUEBIRD TRUCKING. DAUGHTER AT BEDSIDE.", &["BLUEBIRD TRUCKING"]),
        ("SON'S BOSS FROM ZELTARA MARBLE & GRANITE CALLED.", &["ZELTARA MARBLE & GRANITE"]),
        ("Pt is a deckhand with Harlow Maritime; off work.", &["Harlow Maritime"]),
        ("He walks with Dr. Ames daily.", &[]),
        ("Preferred pharmacy: Quillmart on Main St.", &["Quillmart"]),
        ("Funeral home: Ostrander & Sons. Family aware.", &["Ostrander & Sons"]),
        ("Director of Patient Experience", &[]),
        ("I work from home for Zentaro and love it.", &["Zentaro"]),
        ("WIFE STATES PT WORKS AT PIETRUSKI BROS. AUTO BODY IN TOWN.", &["PIETRUSKI BROS. AUTO BODY"]),
        // names with their whole head
        ("Follow up at Tuba Valley Community Health Care Facility next week.", &["Tuba Valley Community Health Care Facility"]),
        ("Send the appeal to Red Mesa Health Plan today.", &["Red Mesa Health Plan"]),
        ("She taught at Our Lady of Mercy school in town.", &["Our Lady of Mercy school"]),
        ("Consult next week at City of Grace for the transplant.", &["City of Grace"]),
        ("He accepted a bed at Hebrew CareHaven after rehab.", &["Hebrew CareHaven"]),
        ("Pt is 20, student at Quarry Point (QPCC), works nights.", &["Quarry Point", "QPCC"]),
        ("Pt attends Masjid Al-Noor daily; Ali Al-Qasim mosque too.", &["Masjid Al-Noor", "Ali Al-Qasim mosque"]),
        ("Pt transferred to MICU bed 3 from 12 Farraday at 0200.", &["12 Farraday"]),
        ("Lasix 40 from 10 Lasix, moved to 4 East.", &[]),
        ("Family agreeable to referral to Harbor Light shelter.", &["Harbor Light shelter"]),
        ("my aunt was on a cardiac floor at st luke's last year", &["st luke's"]),
        ("She cleaned offices downtown for KLM for ten years.", &["KLM"]),
        ("He picked apples for Zorvath and cherries too.", &["Zorvath"]),
        ("He cooked for Monday dinners.", &[]),
        ("He was a union man, Local 412, a Red Sox man.", &["Local 412"]),
        ("Local 2% lidocaine given. Local anesthesia 5 mL.", &[]),
        // a chat's title and a pronoun's possessive are no names
        ("[WhatsApp: \"Tamang Sewa Health Help\" group]", &[]),
        ("[group chat: \"ba me's hospital stuff\"]\nvy: ok", &[]),
        // generic mentions stay unflagged
        ("She was taken to the hospital and then to the ICU.", &[]),
        ("mental health services helped", &[]),
        ("pt transferred to micu from the floor", &[]),
        ("Lives at 19 Clover St. in town", &[]),
        // employers without a head: "&" names, worksites, supply cues, a wider work-verb window
        ("Her cousin is a prep cook at Juniper & Vine on weekends.", &["Juniper & Vine"]),
        ("CALLED BEFORE HIS SHIFT AT QUILL & KETTLE, WILL VISIT.", &["QUILL & KETTLE"]),
        ("Husband works at the FDX hub, home by 6.", &["FDX"]),
        ("Her brother is a lineman for Ostry Valley Power now.", &["Ostry Valley Power"]),
        ("CPAP ordered through Larkmoor Medical Supply, order pending.", &["Larkmoor Medical Supply"]),
        ("Labs ordered through Epic; meds ordered through Pharmacy.", &[]),
        ("Her aunt cleans floors at night for QTX and sleeps days.", &["QTX"]),
        ("Salt & Pepper to taste. Works at the front desk.", &[]),
        // a capitalized word that names nothing before a lowercase head
        ("Brief hospital course: admitted with CHF.", &[]),
        ("She taught Sunday school for years.", &[]),
        ("We chose Medicare's hospice benefit.", &[]),
        ("He was seen at Tallowbrook hospital.", &["Tallowbrook hospital"]),
        ("Pastor Ade of Greater New Canaan Baptist Church prayed.", &["Greater New Canaan Baptist Church"]),
        ("Seen in the New Patient Clinic today.", &[]),
    ];

    /// [`ends_in_h_or_mc`] agrees with the test of the key's letters, at every length.
    #[test]
    fn last_letters_of_a_packed_key() {
        for w in ["h", "mc", "c", "m", "gh", "gbmc", "ich", "hm", "cm", "hosp", "sch", "mch", "abcdefgh", "abcdefmc", "abcdefhc", "hhhhhhhm", "é", "bmc", "xh"] {
            let want = w.ends_with('h') || w.ends_with("mc");
            assert_eq!(ends_in_h_or_mc(super::super::word8(w)), want, "{w}");
        }
    }

    /// [`may_open_name`] is a necessary condition: at a token that fails it, the rules of [`name_at`]
    /// find nothing (checked on every token of the table's texts).
    #[test]
    fn cheap_test_misses_nothing() {
        crate::engine::names::assert_cheap_test_misses_nothing(ROWS, |doc, i| may_open_name(doc, i, &doc.toks[i], doc.flags(i), if i > 0 { token_cues(doc, i - 1) } else { 0 }, i > 0 && doc.text.as_bytes()[doc.toks[i].s - 1] == b'('), name_at);
    }

    /// [`Starts`] marks a token for a loop exactly when that loop's own first test, written out
    /// word by word as the loops had it, passes there (on every token of the table's texts and a
    /// few more, in each case convention).
    #[test]
    fn starts_mark_what_each_loop_tests() {
        let more = ["Employer: Acme Corp", "Local 88 and UAW Local 140", "at the Westside encampment, the Lutheran shelter's", "P.S. 84 and I.S. 131", "from linden grove (alf)", "Iglesia Ni Cristo", "HOLY ROSARY at UMass", "per GBMC, to U Maryland"];
        for text in ROWS.iter().map(|r| r.0).chain(more) {
            for text in [text.to_string(), text.to_uppercase(), text.to_lowercase()] {
                let doc = Doc::new(&text);
                let starts = Starts::new(&doc);
                let n = doc.toks.len();
                let b = doc.text.as_bytes();
                for i in 0..n {
                    let t = doc.toks[i];
                    let len = t.e - t.s;
                    let expected = [
                        (start::HEAD_FIRST, i + 1 < n && (doc.has(i, flag::HEAD_FIRST) || !t.ascii)),
                        (start::EMPLOYER, i + 1 < n && (employer_field(&doc, i) || i + 2 < n && len >= 2 && matches!(doc.key_str(i + 1), "of" | "at" | "for" | "by" | "from" | "with" | "through" | "via"))),
                        (start::FACILITY, t.shape == Shape::Lower && FACILITIES.contains(&doc.key_str(i))),
                        (start::FORM, t.shape == Shape::Other || matches!(doc.key_str(i), "local" | "our" | "city" | "holy" | "children" | "high")),
                        (start::NAME, may_open_name(&doc, i, &doc.toks[i], doc.flags(i), 0, false) || i > 0 && (matches!(doc.key_str(i - 1), "to" | "at" | "from" | "for" | "per" | "on" | "by") || doc.has(i - 1, flag::TRANSFER | flag::AT_FROM) || b[t.s - 1] == b'(')),
                        (start::SCHOOL, len == 1 && matches!(b[t.s], b'P' | b'I' | b'M' | b'H')),
                        (start::BRACKET, i > 0 && b[t.s - 1] == b'('),
                        (start::LOCAL, i > 0 && t.shape != Shape::Lower && doc.key_str(i) == "local"),
                    ];
                    for (m, want) in expected {
                        assert_eq!(starts.of(m).any(|k| k == i), want, "{text}: token {i}, mark {m}");
                    }
                }
            }
        }
    }
}
