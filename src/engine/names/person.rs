//! Person names: the rules that combine context, dictionaries and shape.
//!
//! In order of strength:
//! 1. after a title ("Dr. ___", "Mrs ___"): any word that is not a function word;
//! 2. after a kinship, role or greeting word ("her son ___", "NP ___", "Dear ___"): a
//!    capitalized word, or a listed first name in notes without case;
//! 3. before a credential, as in a signature ("Jean Hudson, RN", "Q. LANDER RRT");
//! 4. "LAST, FIRST M" in capitals ("ALVAREZ, ROSA M");
//! 5. a listed first name followed by a name-like word ("Kwame Asante", "mary souza");
//! 6. in mixed-case text, a capitalized listed name that is not a common English word, or a run of
//!    two or more capitalized words that are not common words and start with a listed name;
//! 7. `@handles`.
//!
//! Every name found is extended by [`super::structure::extend`] (particles, initials, more
//! surnames). Trap words (eponyms, drugs, months) never start a name under rules 5 and 6.

use super::shape::{CaseMode, Shape};
use super::structure::{byte_end, extend, linked};
use super::dictionaries::{COMMON_WORDS, FIRST_NAMES, SURNAMES};
use super::{flag, Doc};
use super::traps::FastHash;
use std::collections::HashSet;
use std::sync::LazyLock;
use crate::engine::{Category, Span};

const NAME: &str = "names";

fn push(doc: &Doc<'_>, i: usize, end: usize, score: f32, reason: &'static str, out: &mut Vec<Span>) {
    // "Li level 0.8", "Dig levels": a drug or a lab before "level", not a person
    if end == i + 1 && end < doc.toks.len() && doc.joined(i) && matches!(&*doc.key(end), "level" | "levels" | "lvl") {
        return;
    }
    // "every Christmas Eve", "on Easter Day": a holiday, not a given name and surname
    if doc.has(i, flag::CALENDAR) && i + 1 < end && matches!(&*doc.key(i + 1), "eve" | "day" | "morning" | "night") {
        return;
    }
    // "we lost Tata", "Our Khun Yai turned 100", "Ông nội": a kinship title of address of another
    // language alone is how the family calls someone, not the name itself
    // (not one that is also a listed given name: "Lola", "Nonna")
    if end == i + 1 && doc.toks[i].shape == Shape::Title && (doc.has(i, flag::TITLE_WEAK) && FOREIGN_KIN_TITLES.contains(&&*doc.key(i)) && !doc.is_first(i) || matches!(doc.word(i), "Ông" | "Bà" | "Cô" | "Chú" | "Bác")) {
        return;
    }
    out.push(Span::new(doc.toks[i].s, byte_end(doc, end), Category::Name, score, NAME, reason));
}

/// Kinship titles of address of other languages ("Tita", "Lola", "Khun Yai", "Nonna"): before a
/// name they are titles, alone they are what the family calls someone.
const FOREIGN_KIN_TITLES: &[&str] = &["tita", "tito", "kuya", "lolo", "lola", "manang", "manong", "ninang", "ninong", "tata", "khun", "yai", "nonna", "nonno", "babcia", "dziadek", "bubbe", "zayde", "jiddo", "teta", "sitti", "halmoni", "harabeoji", "obaachan", "ojiichan", "thatha", "paati", "mzee", "abuela", "abuelo"];

/// True when token `i` may begin a name right after the strong title at `title`.
fn after_title(doc: &Doc<'_>, title: usize, i: usize) -> bool {
    let t = doc.toks[i];
    // "MS:" is mental status, "ms" multiple sclerosis: only a listed name after them
    // "MS:" is mental status, "ms" multiple sclerosis, "MR" mitral regurgitation
    let ambiguous = matches!(&*doc.key(title), "ms" | "miss" | "mx" | "mr") && (doc.mode != CaseMode::Mixed || doc.toks[title].shape == Shape::Upper);
    // "mr I remained", "pt is mrs K": a capital initial standing for the surname in a note typed in
    // lowercase, where a capital is deliberate
    let lone_initial = doc.mode == CaseMode::Lower && t.shape == Shape::Initial && doc.gap(title) == " " && doc.text[t.e..].starts_with([' ', ',', '.']);
    if lone_initial {
        return true;
    }
    // "I'll call him Mr. H, works": a capital standing for the surname after a title written
    // with its period in prose
    if doc.mode == CaseMode::Mixed && t.shape == Shape::Initial && t.e - t.s == 1 && doc.toks[title].shape == Shape::Title && doc.gap(title) == ". "
        && key_in!(doc, title, "mr", "mrs", "ms") && (doc.text[t.e..].starts_with(',') || doc.text[t.e..].starts_with(' ') && doc.text[t.e + 1..].starts_with(char::is_lowercase)) {
        return true;
    }
    if t.e - t.s < 2 && !doc.is_initial(i) {
        return false;
    }
    // "his dr is like dr ...": a filler or an adverb after the title and "is" is no name
    if t.shape == Shape::Lower && key_in!(doc, i, "like", "really", "so", "super", "very", "still", "also", "not", "always", "never", "kinda", "sorta", "actually") {
        return false;
    }
    // "WITH MS S. CARE": an initial and a period after the title
    let initial_after = doc.is_initial(i) && doc.toks[i].shape == Shape::Initial && doc.gap(title) == " " && doc.text[t.e..].starts_with(". ");
    // "mr tsinajinnie.": a long word no list holds is no valve or disease either
    let plain_name = doc.is_name(i) && !doc.is_common(i) && !doc.has(i, flag::TRAP);
    if ambiguous && !initial_after && !plain_name && !unknown_word(doc, i, 6) {
        return false;
    }
    if doc.is_initial(i) {
        return true;
    }
    // "Dr Lasix 40" is a dose; "PLACED BY DR OZTURK 0200" a clock time after the surname
    if followed_by_number(doc, i) && !(followed_by_clock_time(doc, i) && !doc.has(i, flag::TRAP | flag::UNIT | flag::CRED) && !doc.is_common(i)) {
        return false;
    }
    // "Ms. Many Horses": a capitalized function word followed by a capitalized word
    let cap_pair = doc.mode == CaseMode::Mixed && t.shape == Shape::Title && i + 1 < doc.toks.len() && doc.joined(i) && doc.toks[i + 1].shape == Shape::Title;
    if doc.has(i, flag::FUNC | flag::CRED | flag::UNIT | flag::TITLE) && !(t.is_cap() && doc.mode == CaseMode::Mixed && (doc.is_name(i) || cap_pair) && !doc.has(i, flag::TITLE)) {
        return false;
    }
    // (after a title typed in lowercase, a long word no list holds: "wants dr nowakowska to call")
    if doc.mode == CaseMode::Mixed && t.shape == Shape::Lower && !doc.is_name(i) && !(doc.toks[title].shape == Shape::Lower && unknown_word(doc, i, 6)) {
        return false;
    }
    true
}

/// Family nouns: after them, even a word no list holds is taken as a name in notes without case.
const FAMILY: &[&str] = &["son", "sons", "daughter", "daughters", "dtr", "dtrs", "wife", "husband", "brother", "sister", "sib", "sibling", "mother", "father", "niece", "nephew", "aunt", "aunty", "uncle", "cousin", "grandson", "granddaughter", "grandaughter", "grandmother", "grandfather", "stepson", "stepdaughter", "stepdad", "stepmom", "stepbrother", "stepsister", "fiance", "fiancee", "boyfriend", "girlfriend", "partner",
    "son-in-law", "daughter-in-law", "dtr-in-law", "brother-in-law", "sister-in-law", "mother-in-law", "father-in-law", "friend", "neighbor", "neighbour", "roommate",
    "mom", "mum", "dad", "coworker", "co-worker", "colleague", "mentor", "preceptor"];

/// [`FAMILY`] as a hash set: the rules ask it of many words, and a search of the list compared
/// each with every word of the list.
static FAMILY_SET: LazyLock<HashSet<&'static str, FastHash>> = LazyLock::new(|| FAMILY.iter().copied().collect());

/// True when `w` (a [`Doc::key`]) is a family noun of [`FAMILY`].
fn is_family(w: &str) -> bool {
    FAMILY_SET.contains(w)
}

/// True when token `i` may begin a name after a kinship or role word.
fn after_kin(doc: &Doc<'_>, i: usize, family: bool) -> bool {
    let t = doc.toks[i];
    // "wife pa houa", "dtr ka yang": a two-letter given name that is also a clinical role, then
    // another listed name, after a family noun in a note without case
    if family && doc.mode != CaseMode::Mixed && t.e - t.s == 2 && doc.has(i, flag::ROLE) && !doc.has(i, flag::FUNC) && i > 0 && is_family(&doc.key(i - 1))
        && doc.is_first(i) && i + 1 < doc.toks.len() && doc.joined(i) && doc.toks[i + 1].e - doc.toks[i + 1].s >= 3 && (doc.is_name(i + 1) || !doc.is_place(i + 1, i + 2)) && !doc.is_common(i + 1)
        && !doc.has(i + 1, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::KIN | flag::ROLE)
    {
        return true;
    }
    if doc.has(i, flag::UNIT | flag::CRED | flag::TITLE | flag::KIN | flag::ROLE | flag::ORG_HEAD) || t.e - t.s < 2 {
        return false;
    }
    // "my father, read at", "her husband's name so": in text with case, a lowercase word after a
    // comma, or the word "name", is no name; "WIFE, CASE MGR AWARE": a word before a role is its head
    if i > 0 && (doc.mode == CaseMode::Mixed && t.shape == Shape::Lower && doc.gap(i - 1).contains(',') || doc.key(i) == "name")
        || i + 1 < doc.toks.len() && doc.joined(i) && doc.has(i + 1, flag::ROLE) && !doc.has(i + 1, flag::FUNC) && doc.is_common(i)
    {
        return false;
    }
    // "daughter jun called", "SON THU PHAM": after a family noun in a note without case, a month
    // or weekday abbreviation that is no English word and no date
    if family && doc.mode != CaseMode::Mixed && calendar_given_name(doc, i) {
        return true;
    }
    // "son min is in ohio", "brother bong calling from", "dtr gyu called", "SON GON BY PHONE": in a
    // note without case, a short word right after a family noun and before a verb of the note (or
    // "by phone", "at bedside"), even one that is also a word or shorthand
    if family && doc.mode != CaseMode::Mixed && short_kin_subject(doc, i) {
        return true;
    }
    // "calls daily", "called back": after a verb of naming, a word in a note without case is no name
    if doc.mode != CaseMode::Mixed && i > 0 && key_in!(doc, i - 1, "call", "calls", "called") && doc.is_common(i) {
        return false;
    }
    // "his wife Ada died", "Mom Ama Owusu in": a capitalized given name that is also an
    // institution's acronym, right after a family noun, before a verb or a surname
    if family && doc.mode == CaseMode::Mixed && t.shape == Shape::Title && i > 0 && doc.is_first(i) && doc.has(i, flag::TRAP) && doc.has(i - 1, flag::KIN) && doc.gap(i - 1) == " " && i + 1 < doc.toks.len() && doc.joined(i)
        && (person_verb(doc, i + 1) || doc.toks[i + 1].shape == Shape::Title && (doc.is_surname(i + 1) || !doc.is_common(i + 1)) && !doc.has(i + 1, NEVER | flag::TRAP))
    {
        return true;
    }
    // "officer Sgt. Dunleavy 0940": a clock time after a capitalized surname is when, not a dose
    let clock = || doc.mode == CaseMode::Mixed && t.shape == Shape::Title && followed_by_clock_time(doc, i) && !doc.is_common(i) && !doc.has(i, flag::UNIT | flag::CRED | flag::MEDICAL);
    if doc.has(i, flag::TRAP) && !(doc.has(i, flag::CALENDAR) && t.shape == Shape::Title) || followed_by_number(doc, i) && !clock() {
        return false;
    }
    if !family && doc.has(i, flag::CALENDAR) {
        return false;
    }
    if !family {
        // roles ("pt", "nurse", "NP") are followed by all sorts of words: only a listed first name,
        // or in text with case a capitalized word no list holds ("my patient Thandeka")
        let unknown = doc.mode == CaseMode::Mixed && t.shape == Shape::Title && t.e - t.s >= 4 && !doc.is_common(i) && !doc.is_name(i)
            && !doc.has(i, flag::FUNC | flag::TRAP | flag::NOT_NAME | flag::MEDICAL | flag::STATE | flag::PLACE_PREFIX | flag::PLACE_SUFFIX | flag::STREET | flag::SAINT)
            && !doc.is_place(i, i + 1)
            && doc.word(i).chars().all(char::is_alphabetic);
        // "my patient Hope asked": a listed first name that is also a word, capitalized mid-sentence
        // and doing a person's verb
        // ("my patient Bong asked", "his manager Ito will": or any word a name may be, after a
        // possessive or before a verb that is no auxiliary: "the patient Portal was down")
        let named_word = doc.mode == CaseMode::Mixed && t.shape == Shape::Title && !t.sent_start && i + 1 < doc.toks.len() && doc.joined(i) && person_verb(doc, i + 1)
            && (doc.is_first(i) && !doc.has(i, flag::FUNC | flag::CALENDAR | flag::MEDICAL) || word_as_name(doc, i)
                && (i >= 2 && key_in!(doc, i - 2, "his", "her", "my", "our", "their", "your") || !key_in!(doc, i + 1, "is", "was", "were", "has", "had", "does", "did", "can", "could", "will", "would", "might", "should", "must", "gets", "got", "never", "always", "still", "just", "remains", "remained", "needs", "became")));
        // "1:1 sitter souksavanh overnight": in a note without case, a word no list holds after a
        // bedside role
        let caseless_unknown = doc.mode != CaseMode::Mixed && i > 0 && matches!(&*doc.key(i - 1), "sitter" | "aide" | "interpreter" | "interp" | "sw" | "cm" | "cna" | "tech" | "chaplain" | "student" | "md" | "rn" | "np" | "resident" | "fellow" | "intern")
            && t.e - t.s >= 4 && !doc.is_common(i) && !doc.has(i, flag::FUNC | flag::TRAP | flag::NOT_NAME | flag::MEDICAL | flag::UNIT | flag::CRED | flag::STATE)
            && doc.word(i).chars().all(char::is_alphabetic);
        return unknown || named_word || caseless_unknown || doc.is_first(i) && !doc.is_common(i) && !doc.has(i, flag::FUNC) && (doc.mode != CaseMode::Mixed || t.is_cap());
    }
    match doc.mode {
        CaseMode::Mixed => {
            match t.shape {
                Shape::Title => {}
                Shape::Upper => return doc.is_first(i) && !doc.is_common(i),
                // "social: son bill called" typed in lowercase inside a mixed-case note
                Shape::Lower => return i > 0 && is_family(&doc.key(i - 1)) && doc.is_first(i) && !doc.has(i, flag::FUNC) && t.e - t.s >= 3,
                _ => return false,
            }
            // "her daughter Hope sat", "her son Bong called": after a kinship word, a capitalized
            // word mid-sentence is a name even when it is also a word, if a verb or a pause follows
            // ("granddaughter Ploy set a reminder": right after the family noun itself, any word of
            // the sentence going on in lowercase)
            let then = i + 1 >= doc.toks.len() || doc.gap(i).starts_with([',', '.', ';', ')', '!', '?']) || doc.joined(i) && person_verb(doc, i + 1)
                || i > 0 && is_family(&doc.key(i - 1)) && doc.gap(i - 1) == " " && doc.joined(i) && doc.toks[i + 1].shape == Shape::Lower && doc.toks[i + 1].e - doc.toks[i + 1].s >= 2;
            let named_word = family && !t.sent_start && t.e - t.s >= 3 && !doc.has(i, flag::FUNC | flag::CALENDAR | flag::MEDICAL) && then;
            // "Pt's sister Bong and", "her son Will in": a listed name that is also a word, capitalized
            // alone right after a family noun
            let alone = i > 0 && is_family(&doc.key(i - 1)) && doc.gap(i - 1) == " " && t.e - t.s >= 3 && doc.is_name(i)
                && !doc.has(i, flag::FUNC | flag::TRAP | flag::NOT_NAME | flag::STATE | flag::PLACE_SUFFIX | flag::PLACE_PREFIX | flag::STREET)
                && !(i + 1 < doc.toks.len() && doc.joined(i) && doc.toks[i + 1].is_cap());
            doc.is_first(i) || (!doc.is_common(i) && !doc.has(i, flag::FUNC) && !doc.is_surname(i) && t.e - t.s >= 3)
                || (doc.is_surname(i) && !doc.is_common(i)) || named_word || alone
        }
        _ => {
            if doc.has(i, flag::FUNC | flag::TRAP | flag::NOT_NAME) {
                return false;
            }
            // after a family noun, a word no list holds is a name too ("son sipho called"), also as
            // the second of two names ("dtrs thandiwe and lindiwe")
            // (not after a possessive: "mom's molst", "wife's car" are her things)
            // (also after a bedside role that the lists count as kin: "CHAPLAIN KOWALCZYK PAGED")
            let bedside = i > 0 && matches!(&*doc.key(i - 1), "chaplain" | "interpreter" | "translator" | "caregiver") && !doc.word(i - 1).ends_with("'s");
            let after_family = i > 0 && is_family(&doc.key(i - 1)) && !doc.word(i - 1).ends_with("'s") || family && i > 1 && doc.key(i - 1) == "and" || bedside;
            ((doc.is_first(i) || doc.is_hyphen_name(i)) && (family || !doc.is_common(i)))
                || (after_family && t.e - t.s >= 4 && !doc.is_common(i) && !doc.has(i, flag::MEDICAL | flag::UNIT | flag::CRED)
                    && doc.word(i).chars().all(|c| c.is_alphabetic() || c == '-' || c == '\''))
        }
    }
}

/// Animals a story names: "a black lab named Biscuit", "his seizure-alert dog, a golden named
/// Maverick", "our cat called Mochi".
const PETS: &[&str] = &["dog", "dogs", "cat", "cats", "puppy", "kitten", "pet", "pets", "lab", "labrador", "retriever", "golden", "shepherd", "poodle", "terrier", "beagle", "chihuahua", "husky", "pony", "horse", "parrot", "bird", "rabbit", "hamster", "goldfish", "mutt", "pup"];

/// True when the naming word at `i` ("named", "called") names an animal: one of [`PETS`] among
/// the four words before it, in the same sentence.
fn pet_named(doc: &Doc<'_>, i: usize) -> bool {
    if !key_in!(doc, i, "named", "called", "nickname") {
        return false;
    }
    let mut k = i;
    while k > 0 && i - k < 4 && !doc.gap(k - 1).contains(['.', '!', '?', '\n']) {
        k -= 1;
        if PETS.contains(&doc.key_str(k)) {
            return true;
        }
    }
    false
}

/// "son min is", "brother bong calling": token `i`, right after a family noun in a note without
/// case, is a short word (three to six letters) before a verb of the note (or "by phone", "at
/// bedside"), and no function word, adverb, unit, credential, date word, place or verb itself.
fn short_kin_subject(doc: &Doc<'_>, i: usize) -> bool {
    let t = doc.toks[i];
    let n = doc.toks.len();
    // "wife's number is": a thing of the relative's, not a name
    if !(3..=6).contains(&(t.e - t.s)) || i + 1 >= n || !doc.joined(i) || doc.gap(i - 1) != " " || !is_family(&doc.key(i - 1)) || doc.word(i - 1).ends_with("'s") {
        return false;
    }
    // "son gyu by phone", "wife oh at bedside", "DAUGHTER GON IN TO VISIT": how the relative took
    // part
    let by_phone = i + 2 < n && doc.joined(i + 1)
        && (key_in!(doc, i + 1, "by", "on", "via", "over") && matches!(doc.key_str(i + 2), "phone" | "telephone" | "tel")
            || key_in!(doc, i + 1, "at") && key_in!(doc, i + 2, "bedside", "bs")
            || key_in!(doc, i + 1, "in") && key_in!(doc, i + 2, "to"));
    // (these pass even where the word lists count them as function words: "called", "aware")
    let listed = key_in!(doc, i + 1, "calling", "visiting", "texted", "texting", "phoning", "flying", "driving", "called", "calls", "aware", "updated", "visited", "arrived", "came", "asked", "asking", "states", "stated", "said", "says", "spoke", "wants", "left");
    if !(doc.has(i + 1, flag::NOTE_VERB) || listed || by_phone) || !(listed || by_phone) && doc.has(i + 1, flag::FUNC) && !key_in!(doc, i + 1, "is", "was", "will", "has") {
        return false;
    }
    !doc.has(i, flag::FUNC | flag::GRAMMAR | flag::UNIT | flag::CRED | flag::CALENDAR | flag::NOTE_VERB | flag::TALK_VERB | flag::STATE | flag::KIN | flag::ROLE | flag::TITLE | flag::NOT_NAME)
        && !adverb(doc, i) && !key_in!(doc, i, "today", "tonight", "now", "here", "there", "also", "still", "just", "again", "already", "who", "present", "home", "who's", "never")
        && !doc.is_place(i, i + 1) && doc.word(i).chars().all(char::is_alphabetic)
        && !doc.key(i).ends_with("ed") && !doc.key(i).ends_with("ly") && !(doc.key(i).ends_with('s') && doc.is_common(i))
}

/// True when token `i` is a three-letter month or weekday abbreviation that is also a given name
/// (Jun, Thu, Mon) and, by what follows, not a date: no number, period or comma after it.
fn calendar_given_name(doc: &Doc<'_>, i: usize) -> bool {
    let t = doc.toks[i];
    t.e - t.s == 3 && doc.has(i, flag::CALENDAR) && !doc.is_common(i) && !followed_by_number(doc, i) && !doc.text[t.e..].starts_with(['.', ',', '/', '-'])
}

/// After a name introduced by a family noun in a note without case ("SON NOMVULA MKHIZE AT
/// BEDSIDE"), whether token `k` is its family name: a word no dictionary holds, or a listed surname
/// that is also a clinical abbreviation or an English word ("LE", "PARK") when a function word,
/// punctuation or the end follows it.
fn kin_family_name(doc: &Doc<'_>, k: usize) -> bool {
    let n = doc.toks.len();
    let t = doc.toks[k];
    let lowercase = t.shape == Shape::Lower && k > 0 && doc.toks[k - 1].shape == Shape::Lower;
    if doc.mode == CaseMode::Mixed && !lowercase || k == 0 || !doc.joined(k - 1) || t.e - t.s < 2 || !doc.word(k).chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'') {
        return false;
    }
    if doc.has(k, flag::UNIT | flag::ORG_HEAD | flag::KIN | flag::ROLE | flag::TITLE | flag::CALENDAR | flag::STATE | flag::NOTE_VERB) {
        return false;
    }
    // a credential or function word only as a listed surname before a function word ("SON MAI DO AT")
    let closes = k + 1 >= n || !doc.joined(k) || doc.has(k + 1, flag::FUNC | flag::PREP | flag::AT_FROM | flag::WITH | flag::NOTE_VERB);
    let unknown = t.e - t.s >= 3 && !doc.is_common(k) && !doc.has(k, flag::FUNC | flag::CRED | flag::TRAP | flag::NOT_NAME) && !doc.is_place(k, k + 1);
    // "wife li na called": a second given name of two letters, a listed one, closing the name
    let given = closes && doc.is_first(k) && !doc.is_common(k) && !doc.has(k, flag::FUNC | flag::CRED | flag::TRAP | flag::MEDICAL);
    // "DAUGHTER ROJDA IN TO VISIT": a visit's "in" (and "up", "out", "by") before a function word
    // is the verb's particle, not the surname In
    let particle = key_in!(doc, k, "in", "up", "out", "by", "over", "back") && k + 1 < n && doc.has(k + 1, flag::FUNC | flag::PREP | flag::AT_FROM | flag::WITH);
    unknown || given || (closes && !particle && doc.is_surname(k) && (!doc.has(k, flag::TRAP) || doc.has(k, flag::MEDICAL)))
}

/// The next token after `i`, skipping a comma, colon or "is"/"was"/"named" ("proxy is Nancy").
fn next_after_cue(doc: &Doc<'_>, i: usize, title: bool) -> Option<usize> {
    let n = doc.toks.len();
    let mut j = i + 1;
    if j >= n {
        return None;
    }
    let g = doc.gap(i);
    let g = g.trim_matches(' ');
    // (a rank written short with its period is a title too: "Sgt. Dunleavy", "Capt. Osei"; not
    // "Lt.", which notes write for "left")
    let rank = g == "." && doc.toks[i].shape == Shape::Title && key_in!(doc, i, "sgt", "capt", "col", "gen", "maj", "det", "cpl", "pvt", "ofc", "rep", "hon", "sen");
    let ok = if title { g.is_empty() || g == "." } else { g.is_empty() || g == "," || g == ":" || g == "-" || g == "(" || rank };
    if !ok || g.len() < doc.gap(i).len() && doc.gap(i).len() - g.len() > 2 {
        return None;
    }
    // "calls him Seun", "call me Krzysiek"
    if g.is_empty() && matches!(&*doc.key(i), "call" | "calls" | "called" | "named" | "nicknamed") && matches!(&*doc.key(j), "him" | "her" | "me" | "them" | "us" | "it") && j + 1 < n && doc.joined(j) {
        return Some(j + 1);
    }
    if g.is_empty() && matches!(&*doc.key(j), "is" | "was" | "named" | "called" | "whose") && j + 1 < n && doc.joined(j) {
        j += 1;
        if matches!(&*doc.key(j), "name") && j + 1 < n {
            j += 1;
            if matches!(&*doc.key(j), "is" | "was") && j + 1 < n {
                j += 1;
            }
        }
    }
    Some(j)
}

/// "Pè", "Père", "Mè", "Sè": clergy and family titles of French and Haitian Creole written with an
/// accent, whose folded forms ("pe", "me", "se") are shorthand or function words.
fn accented_title(doc: &Doc<'_>, i: usize) -> bool {
    matches!(doc.word(i), "Pè" | "Père" | "Mè" | "Mère" | "Sè" | "Sœur" | "Frè" | "Frère" | "Imām" | "Shaykh" | "Señor" | "Señora")
}

/// Marks of the tokens a rule after the main loop of [`find`] may start from: each rule's first,
/// cheapest necessary condition, tested once per token in [`Marks::new`], so that the rule visits
/// only the few tokens that pass it (a rule still tests everything it tested before).
mod mark {
    /// A Title-case word ("Rosa").
    pub const TITLE: u32 = 1;
    /// ", " right after the token.
    pub const COMMA_AFTER: u32 = 1 << 1;
    /// " (" right after the token.
    pub const PAREN_AFTER: u32 = 1 << 2;
    /// ':' right after the token.
    pub const COLON_AFTER: u32 = 1 << 3;
    /// '"', '(' or '“' right before the token.
    pub const OPENER_BEFORE: u32 = 1 << 4;
    /// A kinship word ([`super::flag::KIN`]).
    pub const KIN: u32 = 1 << 5;
    /// A credential ([`super::flag::CRED`]).
    pub const CRED: u32 = 1 << 6;
    // the cue words of [`super::CUE_WORDS`]
    /// "goes", "known", "name", "answers": the first word of [`super::nickname_cues`]' cues.
    pub const NICKNAME: u32 = 1 << 7;
    /// "from".
    pub const FROM: u32 = 1 << 8;
    /// "social", "family", "dispo": a header of [`super::social_callers`].
    pub const SOCIAL: u32 = 1 << 9;
    /// "family".
    pub const FAMILY_WORD: u32 = 1 << 10;
    /// "with", "per".
    pub const WITH_PER: u32 = 1 << 11;
    /// "and".
    pub const AND: u32 = 1 << 12;
    /// "pt".
    pub const PT: u32 = 1 << 13;
    /// "dil", "sil".
    pub const IN_LAW: u32 = 1 << 14;
    /// "abu", "umm": an Arabic kunya's first word.
    pub const KUNYA: u32 = 1 << 15;
    /// "big", "little": a nickname adjective.
    pub const SIZE: u32 = 1 << 16;
    /// "b", "w", "per": the word before the name in [`super::note_contact_cues`].
    pub const NOTE_CUE: u32 = 1 << 17;
    /// "please", "called": the verb after the name in [`super::lowercase_message_names`].
    pub const MESSAGE_VERB: u32 = 1 << 18;
    /// "rev", "fr", "pastor": a clergy title.
    pub const CLERGY: u32 = 1 << 19;
    /// '@' right before the token (a handle opens before a letter, where a token starts).
    pub const AT_BEFORE: u32 = 1 << 20;
    /// '#' right before the token (so does a hashtag's name).
    pub const HASH_BEFORE: u32 = 1 << 21;
    /// A hyphen where a kinship word typed before a name would end ([`super::hyphen_after_kin`]).
    pub const KIN_HYPHEN: u32 = 1 << 22;
}

/// The cue words that rules after the main loop start from (lowercase keys of eight bytes or
/// fewer), with their marks (each also has [`flag::CUE`]).
pub(super) const CUE_WORDS: &[(&str, u32)] = &[
    ("goes", mark::NICKNAME), ("go", mark::NICKNAME), ("went", mark::NICKNAME), ("known", mark::NICKNAME), ("know", mark::NICKNAME),
    ("name", mark::NICKNAME), ("names", mark::NICKNAME), ("answers", mark::NICKNAME), ("answered", mark::NICKNAME),
    ("from", mark::FROM),
    ("social", mark::SOCIAL), ("family", mark::SOCIAL | mark::FAMILY_WORD), ("dispo", mark::SOCIAL),
    ("with", mark::WITH_PER), ("per", mark::WITH_PER | mark::NOTE_CUE), ("b", mark::NOTE_CUE), ("w", mark::NOTE_CUE),
    ("and", mark::AND),
    ("pt", mark::PT),
    ("dil", mark::IN_LAW), ("sil", mark::IN_LAW),
    ("abu", mark::KUNYA), ("abou", mark::KUNYA), ("umm", mark::KUNYA), ("omm", mark::KUNYA),
    ("big", mark::SIZE), ("little", mark::SIZE), ("lil", mark::SIZE), ("old", mark::SIZE), ("young", mark::SIZE),
    ("please", mark::MESSAGE_VERB), ("pls", mark::MESSAGE_VERB), ("plz", mark::MESSAGE_VERB), ("can", mark::MESSAGE_VERB), ("cant", mark::MESSAGE_VERB),
    ("dont", mark::MESSAGE_VERB), ("just", mark::MESSAGE_VERB), ("called", mark::MESSAGE_VERB), ("said", mark::MESSAGE_VERB), ("says", mark::MESSAGE_VERB),
    ("texted", mark::MESSAGE_VERB), ("wants", mark::MESSAGE_VERB), ("asked", mark::MESSAGE_VERB),
    ("rev", mark::CLERGY), ("fr", mark::CLERGY), ("revd", mark::CLERGY), ("pastor", mark::CLERGY), ("rabbi", mark::CLERGY), ("imam", mark::CLERGY),
    ("father", mark::CLERGY), ("deacon", mark::CLERGY),
];

/// Slots of [`CUE_TABLE`] (a power of two, several times the number of cue words, so that a
/// word that is no cue nearly always meets an empty slot at once).
const CUE_SLOTS: usize = 256;

/// [`CUE_WORDS`] as an open-addressing hash table of their [`super::word8`] keys, built at
/// compile time: one multiplication and a comparison or two per token (the organization rules
/// build one of their own cue words too).
pub(super) struct CueTable {
    keys: [u64; CUE_SLOTS],
    marks: [u32; CUE_SLOTS],
}

/// The first slot of packed key `k` in [`CUE_TABLE`].
const fn cue_slot(k: u64) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize % CUE_SLOTS
}

/// Builds the table of `words` (linear probing; a word listed twice gets the union of its marks).
pub(super) const fn cue_table(words: &[(&str, u32)]) -> CueTable {
    let mut t = CueTable { keys: [0; CUE_SLOTS], marks: [0; CUE_SLOTS] };
    let mut w = 0;
    while w < words.len() {
        let k = super::word8(words[w].0);
        let mut s = cue_slot(k);
        while t.keys[s] != 0 && t.keys[s] != k {
            s = (s + 1) % CUE_SLOTS;
        }
        t.keys[s] = k;
        t.marks[s] |= words[w].1;
        w += 1;
    }
    t
}

static CUE_TABLE: CueTable = cue_table(CUE_WORDS);

/// The marks of a key packed by [`super::word8`] ([`Doc::key8`]): those of [`CUE_WORDS`], or 0
/// (also for 0, a key too long to pack).
#[inline]
fn cue_marks(k: u64) -> u32 {
    CUE_TABLE.marks(k)
}

impl CueTable {
    /// The marks of a key packed by [`super::word8`]: those its words were given, or 0 (also for
    /// 0, a key too long to pack).
    #[inline]
    pub(super) fn marks(&self, k: u64) -> u32 {
        let mut s = cue_slot(k);
        loop {
            let e = self.keys[s];
            // an empty slot's marks are 0
            if e == k || e == 0 {
                return self.marks[s];
            }
            s = (s + 1) % CUE_SLOTS;
        }
    }
}

/// True when the token at `s..e` of text `b` is seven bytes or more with a hyphen among its bytes
/// 3 to 13, where the kinship word of [`kin_hyphen_name`] ends ("son-", "granddaughter-"): a
/// necessary test, of eight bytes at a time (so a hyphen just past the token answers yes too).
fn hyphen_after_kin(b: &[u8], s: usize, e: usize) -> bool {
    const HYPHENS: u64 = u64::from_le_bytes([b'-'; 8]);
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    if e - s < 7 {
        return false;
    }
    // one of the eight bytes from `a` is a hyphen: a zero byte in `x` (the classic bit trick)
    let hyphen_at = |a: usize| {
        let x = u64::from_le_bytes(b[a..a + 8].try_into().expect("eight bytes")) ^ HYPHENS;
        x.wrapping_sub(ONES) & !x & HIGH != 0
    };
    if s + 14 <= b.len() {
        hyphen_at(s + 3) || hyphen_at(s + 6)
    } else {
        b[s + 3..e].contains(&b'-')
    }
}

/// The tokens of a text with any [`mark`], in order, with their marks.
struct Marks {
    list: Vec<(u32, u32)>,
    /// The tokens of each mark, in order, mark after mark: the rules that start from one mark
    /// (all but one) walk its few tokens, not the whole list.
    by_mark: Vec<u32>,
    /// Where the tokens of mark `1 << b` start in `by_mark` (`b` from 0 to [`MARKS`] - 1) and
    /// end (the next start).
    bounds: [u32; MARKS + 1],
}

/// The number of [`mark`]s (bits 0 to `MARKS - 1`).
const MARKS: usize = 23;
// the highest mark must be the last bit counted (the counting sort in `Marks::new` indexes
// `bounds` by each mark's bit)
const _: () = assert!(mark::KIN_HYPHEN == 1 << (MARKS - 1));

impl Marks {
    /// Marks the tokens of `doc` in one pass.
    fn new(doc: &Doc<'_>) -> Marks {
        let b = doc.text.as_bytes();
        let mut list = Vec::new();
        // whether the token before is joined to this one by spaces only
        let mut joined_before = false;
        for (i, t) in doc.toks.iter().enumerate() {
            let f = doc.flags(i);
            // (a plain token's flags come from its key, which holds [`flag::CUE`] for a cue word;
            // a token not plain, rare, is looked up whatever its flags)
            let mut m = if f & flag::CUE != 0 || !t.plain { cue_marks(doc.key8(i)) } else { 0 };
            if t.shape == Shape::Title {
                m |= mark::TITLE;
            }
            if f & flag::KIN != 0 {
                m |= mark::KIN;
            }
            if f & flag::CRED != 0 {
                m |= mark::CRED;
            }
            // (a token starts with a letter: one or two spaces and the next token leave no
            // punctuation after this one, or before the next)
            let joined = doc.joined(i);
            if !joined {
                match b.get(t.e..t.e + 2) {
                    Some(b", ") => m |= mark::COMMA_AFTER,
                    Some(b" (") => m |= mark::PAREN_AFTER,
                    _ => {}
                }
                if b.get(t.e) == Some(&b':') {
                    m |= mark::COLON_AFTER;
                }
            }
            if !joined_before && t.s > 0 {
                m |= match b[t.s - 1] {
                    // '“' is E2 80 9C
                    b'"' | b'(' | 0x9C => mark::OPENER_BEFORE,
                    b'@' => mark::AT_BEFORE,
                    b'#' => mark::HASH_BEFORE,
                    _ => 0,
                };
            }
            // (a plain token, ASCII letters only, has no hyphen: most tokens skip the test)
            if !t.plain && hyphen_after_kin(b, t.s, t.e) {
                m |= mark::KIN_HYPHEN;
            }
            joined_before = joined;
            if m != 0 {
                list.push((i as u32, m));
            }
        }
        // the tokens of each mark, by a counting sort of the list on each of its marks
        let mut bounds = [0u32; MARKS + 1];
        for &(_, m) in &list {
            let mut m = m;
            while m != 0 {
                bounds[m.trailing_zeros() as usize + 1] += 1;
                m &= m - 1;
            }
        }
        for b in 0..MARKS {
            bounds[b + 1] += bounds[b];
        }
        let mut by_mark = vec![0u32; bounds[MARKS] as usize];
        let mut next = bounds;
        for &(i, m) in &list {
            let mut m = m;
            while m != 0 {
                let b = m.trailing_zeros() as usize;
                by_mark[next[b] as usize] = i;
                next[b] += 1;
                m &= m - 1;
            }
        }
        Marks { list, by_mark, bounds }
    }

    /// The tokens with any of marks `m`, in order, each with those of `m` it has: those of one
    /// mark from its own run, those of several from the whole list.
    fn of_marked(&self, m: u32) -> impl Iterator<Item = (usize, u32)> + '_ {
        let (one, all) = if m.is_power_of_two() {
            let b = m.trailing_zeros() as usize;
            (&self.by_mark[self.bounds[b] as usize..self.bounds[b + 1] as usize], &self.list[..0])
        } else {
            (&self.by_mark[..0], &self.list[..])
        };
        one.iter().map(move |&i| (i as usize, m)).chain(all.iter().filter(move |e| e.1 & m != 0).map(move |e| (e.0 as usize, e.1 & m)))
    }

    /// The tokens with any of marks `m`, in order: those of one mark from its own run, those of
    /// several from the whole list.
    fn of(&self, m: u32) -> impl Iterator<Item = usize> + '_ {
        self.of_marked(m).map(|(i, _)| i)
    }
}

/// True when token `i` (of flags `f`) can start none of the rules of [`find`]'s main loop, by
/// tests cheaper than theirs: each rule needs a cue flag (title, kinship, role, greeting,
/// credential), or
/// - in text with case, a capitalized word or an initial (or a non-ASCII word: an accented
///   title); a word in capitals (an acronym, most often) only "RT" or of three letters or more, after
///   "with" ("spoke with ___"), or before a note verb (a first name before a verb) or another word
///   in capitals (LAST, FIRST);
/// - without case, an initial, "spoke with" before the word, a word in capitals opening a line
///   (LAST, FIRST), or the word joined to the next one and no function word, trap or unit itself,
///   of three letters or more, before a note verb (a first name before a verb) or a word of three
///   letters or more that is no function word, trap, unit, credential, organization head or state
///   (a first name and a surname).
fn starts_no_rule(doc: &Doc<'_>, i: usize, f: u32) -> bool {
    let t = &doc.toks[i];
    if f & (flag::TITLE | flag::KIN | flag::ROLE | flag::GREET | flag::TITLE_WEAK | flag::CRED) != 0 {
        return false;
    }
    let n = doc.toks.len();
    let with_before = i >= 2 && doc.has(i - 1, flag::WITH);
    if doc.mode == CaseMode::Mixed {
        return match t.shape {
            Shape::Lower | Shape::Other => t.ascii,
            // ("RT ___": a respiratory therapist's title, see the rule after clinicians' titles)
            Shape::Upper => t.ascii && (t.e - t.s < 3 && !key_in!(doc, i, "rt") || t.e - t.s >= 3 && !with_before && !(i + 1 < n && (doc.has(i + 1, flag::NOTE_VERB) || doc.toks[i + 1].shape == Shape::Upper))),
            _ => false,
        };
    }
    if t.e - t.s == 1 {
        return false;
    }
    let line_capitals = t.shape == Shape::Upper && (t.sent_start || i == 0);
    // (a joined token has a next one)
    let before_next = doc.joined(i) && t.e - t.s >= 3 && f & (flag::FUNC | flag::TRAP | flag::UNIT) == 0 && {
        let next = &doc.toks[i + 1];
        doc.has(i + 1, flag::NOTE_VERB) || next.e - next.s >= 3 && !doc.has(i + 1, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::ORG_HEAD | flag::STATE)
    };
    !with_before && !line_capitals && !before_next
}

/// Finds person names in `doc`.
pub fn find(doc: &Doc<'_>, out: &mut Vec<Span>) {
    let first = out.len();
    let n = doc.toks.len();
    let mixed = doc.mode == CaseMode::Mixed;
    let mut i = 0;
    // tokens up to this index are already inside a found name
    let mut covered = 0usize;
    while i < n {
        let f = doc.flags(i);
        if starts_no_rule(doc, i, f) {
            i += 1;
            continue;
        }
        // 1. titles
        if f & flag::TITLE != 0 {
            if let Some(j) = next_after_cue(doc, i, true) {
                // "Dr. o rourke": an Irish O written apart from the surname
                let irish_o = j + 1 < n && doc.key(j) == "o" && doc.gap(j) == " " && doc.toks[j + 1].e - doc.toks[j + 1].s >= 3 && !doc.has(j + 1, flag::FUNC | flag::CRED | flag::UNIT)
                    && (doc.is_surname(j + 1) || !doc.is_common(j + 1));
                if irish_o && !doc.text[doc.toks[i].e..doc.toks[j].s].contains('\n') {
                    let end = extend(doc, j + 1);
                    push(doc, j, end, 0.85, "a name after a title (Dr., Mr., Mrs.)", out);
                    covered = end;
                    i = covered.max(i + 1);
                    continue;
                }
                if j < n && !doc.text[doc.toks[i].e..doc.toks[j].s].contains('\n') && after_title(doc, i, j) {
                    let mut end = extend(doc, j);
                    // "Dr. L. Ruuska": an initial alone continues into the surname
                    if end == j + 1 && doc.is_initial(j) && j + 1 < n && linked(doc, j + 1) && !doc.has(j + 1, flag::FUNC | flag::CRED) {
                        end = extend(doc, j + 1);
                    }
                    push(doc, j, end, 0.9, "a name after a title (Dr., Mr., Mrs.)", out);
                    // "Drs Joseph and Robbinson", "Dr. Griffin and Swackhamer"
                    if end + 1 < n && doc.key(end) == "and" && doc.joined(end) && after_title(doc, i, end + 1) && (doc.toks[end + 1].is_cap() || doc.is_name(end + 1)) && !doc.is_common(end + 1)
                        && !doc.has(end + 1, flag::TRAP) && (mixed || doc.is_name(end + 1)) {
                        let e2 = extend(doc, end + 1);
                        push(doc, end + 1, e2, 0.8, "a name after a title (Dr., Mr., Mrs.)", out);
                        covered = e2;
                    } else {
                        covered = end;
                    }
                    i = covered.max(i + 1);
                    continue;
                }
            }
        }
        // 2. kinship, role, greeting, weak titles
        let accented = !doc.toks[i].ascii && mixed && accented_title(doc, i);
        if (f & (flag::KIN | flag::ROLE | flag::GREET | flag::TITLE_WEAK) != 0 || accented) && !pet_named(doc, i) {
            // weak titles ("Sr", "Lt", "Don") are clinical shorthand in notes: treated like roles there
            let family = f & (flag::KIN | flag::GREET) != 0 || (f & flag::TITLE_WEAK != 0 || accented) && mixed && doc.toks[i].shape == Shape::Title;
            if let Some(j) = next_after_cue(doc, i, false).filter(|&j| family || (j < n && doc.joined(i))) {
                // "her best friend, Tita Baby,": a kinship title of another language, then the name
                // it introduces, even a word ("Baby", "Girlie")
                if mixed && family && j + 1 < n && doc.toks[j].shape == Shape::Title && doc.has(j, flag::TITLE_WEAK) && doc.joined(j) && FOREIGN_KIN_TITLES.contains(&&*doc.key(j))
                    && doc.toks[j + 1].shape == Shape::Title && doc.toks[j + 1].e - doc.toks[j + 1].s >= 2
                    && !doc.has(j + 1, flag::FUNC | flag::UNIT | flag::CRED | flag::CALENDAR | flag::STATE | flag::MEDICAL | flag::TRAP | flag::NOT_NAME | flag::TITLE | flag::TITLE_WEAK)
                {
                    let end = extend(doc, j + 1).max(j + 2);
                    push(doc, j + 1, end, 0.75, "a name after a kinship title of another language (Tita ___, Lola ___)", out);
                    covered = end;
                    i = covered;
                    continue;
                }
                if j < n && !doc.text[doc.toks[i].e..doc.toks[j].s].contains('\n') && after_kin(doc, j, family) {
                    let mut end = extend(doc, j);
                    if family && end == j + 1 && end < n && kin_family_name(doc, end) {
                        end += 1;
                    }
                    push(doc, j, end, 0.8, "a name after a kinship or role word (son, daughter, nurse)", out);
                    covered = end;
                    // "Sons Smokey, Morris and Roger"
                    let mut k = end;
                    while k + 1 < n && (doc.gap(k - 1).trim() == "," || doc.key(k) == "and") {
                        let m = if doc.key(k) == "and" { k + 1 } else { k };
                        if m >= n || !after_kin(doc, m, family) || !(doc.gap(m - 1).trim().is_empty() || doc.gap(m - 1).trim() == ",") {
                            break;
                        }
                        let mut e = extend(doc, m);
                        if family && e == m + 1 && e < n && kin_family_name(doc, e) {
                            e += 1;
                        }
                        push(doc, m, e, 0.7, "one of several names after a kinship word", out);
                        covered = e;
                        k = e;
                    }
                    i = covered.max(i + 1);
                    continue;
                }
            }
        }
        // 3. signature credentials: walk back
        if f & flag::CRED != 0 && credential_shaped(doc, i) {
            let mut s = i;
            while s > 0 && signature_link(doc, s - 1) && signature_part(doc, s - 1) && i - s < 4 {
                s -= 1;
            }
            // a run of common words ("SKIN CARE RN") is no name unless an initial vouches for it
            let vouched = (s..i).any(|k| doc.is_initial(k) || !doc.is_common(k));
            if s < i && vouched && (s..i).any(|k| !doc.is_initial(k)) && (s..i).all(|k| doc.is_initial(k) || !doc.has(k, flag::FUNC)) {
                push(doc, s, i, 0.75, "a name before a credential (RN, MD, RRT)", out);
            }
        }
        // "Given by Pornthip RN to", "YILMAZ NP IN @ 0500": one name before a credential that the
        // sentence goes on after, opened by "by"/"per" or a line
        if f & flag::CRED != 0 && i > covered && credential_mid_sentence(doc, i) {
            push(doc, i - 1, i, 0.7, "a name before a credential (RN, MD, RRT)", out);
        }
        if i < covered {
            i += 1;
            continue;
        }
        // "W. MAROTTA", "d. renna", "J. Chang": an initial and a surname
        if doc.is_initial(i) && i + 1 < n && linked(doc, i + 1) && !doc.has(i + 1, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED)
            && doc.toks[i + 1].e - doc.toks[i + 1].s >= 3 && initial_opens(doc, i)
            && !doc.is_common(i + 1) && (doc.is_surname(i + 1) || apostrophe_surname(doc, i + 1) || mixed && doc.toks[i + 1].shape == Shape::Title && cue_before(doc, i))
        {
            let end = extend(doc, i + 1);
            push(doc, i, end, 0.7, "an initial and a surname", out);
            covered = end;
            i = end;
            continue;
        }
        // "NP Carol", "np djuric": a clinician's title before a listed name
        // ("RT Gwenllian discussed": in text with case, a capitalized word no list holds after a
        // respiratory therapist's title)
        let rt_unlisted = || mixed && doc.key_str(i) == "rt" && doc.toks[i].shape == Shape::Upper && doc.toks[i + 1].shape == Shape::Title && unknown_word(doc, i + 1, 4) && !doc.is_name(i + 1);
        if matches!(&*doc.key(i), "np" | "rn" | "cna" | "rt") && (doc.has(i, flag::ROLE | flag::CRED) || doc.key_str(i) == "rt") && i + 1 < n && doc.joined(i)
            && (doc.is_name(i + 1) && !doc.has(i + 1, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED) || rt_unlisted())
            && (rt_unlisted() || !doc.is_common(i + 1) || doc.is_first(i + 1) && (name_then_verb(doc, i + 1) || mixed && doc.toks[i + 1].shape == Shape::Title && !doc.has(i + 1, flag::CALENDAR | flag::MEDICAL)
                // "NP CAROL M ADE AWARE": in capitals, a first name that is also a noun, not a verb form
                || doc.mode == CaseMode::Upper && doc.toks[i + 1].e - doc.toks[i + 1].s >= 4 && !doc.has(i + 1, flag::CALENDAR | flag::MEDICAL) && !doc.key(i + 1).ends_with("ed") && !doc.key(i + 1).ends_with("ing")))
            && (!mixed || doc.toks[i + 1].is_cap()) && doc.toks[i + 1].e - doc.toks[i + 1].s >= 3 && !followed_by_number(doc, i + 1)
        {
            let end = extend(doc, i + 1);
            push(doc, i + 1, end, 0.7, "a name after a clinician's title (NP, RN)", out);
            covered = end;
            i = end;
            continue;
        }
        // "suzette called", "LUCY IS ON VACA": a listed first name before a verb of talking or visiting
        if !mixed || doc.toks[i].shape == Shape::Upper {
            if i + 1 < n && doc.joined(i) && doc.toks[i].e - doc.toks[i].s >= 3
                && !doc.has(i, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::TITLE | flag::KIN | flag::ROLE)
                && doc.has(i + 1, flag::NOTE_VERB)
                && doc.is_first(i) && !doc.is_common(i)
            {
                push(doc, i, i + 1, 0.6, "a first name before a verb", out);
                covered = i + 1;
                i += 1;
                continue;
            }
            if i >= 2 && doc.has(i - 1, flag::WITH) && doc.has(i - 2, flag::TALK_VERB)
                && !doc.has(i, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED) && doc.toks[i].e - doc.toks[i].s >= 3 && doc.is_first(i) && !doc.is_common(i)
            {
                let end = extend(doc, i);
                push(doc, i, end, 0.6, "a first name after 'spoke with'", out);
                covered = end;
                i = end;
                continue;
            }
        }
        // 4. LAST, FIRST M
        let line_start = doc.toks[i].sent_start || i == 0;
        if (mixed || line_start) && doc.toks[i].shape == Shape::Upper && i + 1 < n && doc.gap(i) == ", " && doc.toks[i + 1].shape == Shape::Upper
            && doc.toks[i].e - doc.toks[i].s >= 3 && doc.toks[i + 1].e - doc.toks[i + 1].s >= 3
            && !doc.has(i, flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::STATE) && !doc.has(i + 1, flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::STATE)
            && doc.is_first(i + 1) && !doc.is_common(i + 1) && doc.is_surname(i) && !doc.is_common(i)
        {
            let end = extend(doc, i + 1);
            let end = if end < n && doc.toks[end].shape == Shape::Initial && doc.joined(end - 1) { end + 1 } else { end };
            push(doc, i, end, 0.8, "a name written LAST, FIRST", out);
            covered = end;
            i = end;
            continue;
        }
        // 5 and 6. dictionary and shape
        if let Some((end, score, reason)) = dictionary_name(doc, i) {
            push(doc, i, end, score, reason, out);
            covered = end;
            i = end;
            continue;
        }
        i += 1;
    }
    let marks = Marks::new(doc);
    handles(doc, &marks, out);
    hashtags(doc, &marks, out);
    surname_first_labels(doc, &marks, out);
    name_then_age(doc, &marks, out);
    initials_alone(doc, out);
    possessive_kin_titles(doc, out);
    dash_sign_off(doc, out);
    accented_particle_names(doc, out);
    quoted_names(doc, &marks, out);
    in_law_shorthand(doc, &marks, out);
    glossed_names(doc, &marks, out);
    patient_then_verb(doc, &marks, out);
    // in a chat among staff, bare bed numbers ("who has 12 tonight")
    if chat_speakers(doc, &marks, out) | chat_labels(doc, &marks, out) {
        super::places::chat_beds(doc, out);
        chat_mentions(doc, out);
    }
    staff_from_department(doc, &marks, out);
    social_callers(doc, &marks, out);
    quoted_nicknames(doc, &marks, out);
    family_name_first(doc, &marks, out);
    quote_sign_offs(doc, &marks, out);
    contact_pairs(doc, &marks, out);
    kin_is_name(doc, &marks, out);
    speakers_opening(doc, &marks, out);
    subject_of_verb(doc, &marks, out);
    lone_given_names(doc, &marks, out);
    closing_signature(doc, out);
    dash_signature(doc, out);
    name_credential_verb(doc, &marks, out);
    name_pair_sentence(doc, &marks, out);
    family_of(doc, &marks, out);
    kin_hyphen_name(doc, &marks, out);
    clergy_names(doc, &marks, out);
    note_contact_cues(doc, &marks, out);
    nickname_cues(doc, &marks, out);
    size_nicknames(doc, &marks, out);
    appositive_names(doc, &marks, out);
    role_appositives(doc, &marks, out);
    name_then_appositive(doc, &marks, out);
    kunya_names(doc, &marks, out);
    lowercase_message_names(doc, &marks, out);
    paired_names(doc, &marks, first, out);
}

/// "Sunny and Ray Pettaway, as Ray begins", "👉 Souksavanh and Chanthou, my night-shift sisters":
/// a capitalized given name joined by "and" to a name found above is a name too, even one that is
/// also a word. `first` is where this pass's findings begin in `out`.
fn paired_names(doc: &Doc<'_>, marks: &Marks, first: usize, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    // the "and" after the word
    for a in marks.of(mark::AND).filter(|&c| c >= 1 && c < n.saturating_sub(1)).map(|c| c - 1) {
        if doc.toks[a].shape != Shape::Title || !doc.joined(a) || !doc.joined(a + 1) || !key_in!(doc, a + 1, "and") {
            continue;
        }
        let b = doc.toks[a + 2].s;
        let (s, e) = (doc.toks[a].s, doc.toks[a].e);
        if !out[first..].iter().any(|x| x.start == b && x.category == Category::Name) || out[first..].iter().any(|x| x.start < e && s < x.end) {
            continue;
        }
        if listed_given(doc, a) || unknown_word(doc, a, 3) && !doc.toks[a].sent_start || unknown_word(doc, a, 5) {
            push(doc, a, a + 1, 0.6, "a given name joined by 'and' to a name (___ and Ray Pettaway)", out);
        }
    }
}

/// Flags of words that are never a person's name where a rule below expects one.
const NEVER: u32 = flag::FUNC | flag::UNIT | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::CALENDAR | flag::STATE | flag::MEDICAL | flag::ORG_HEAD | flag::NOT_NAME
    | flag::PLACE_SUFFIX | flag::PLACE_PREFIX | flag::STREET | flag::SAINT | flag::PARTICLE;

/// True when token `k` is a word no list holds at all ([`unknown_word`] of four letters or more,
/// and no listed name either), of no class in [`NEVER`], and no hospital department.
fn unlisted_word(doc: &Doc<'_>, k: usize) -> bool {
    unknown_word(doc, k, 4) && !doc.is_name(k) && !doc.has(k, NEVER) && !DEPARTMENTS.contains(&*doc.key(k))
}

/// "PT'S PASTOR REV. PARK", "chaplain fr. dunne in": a clergy title written with its period, then
/// a listed name (even one that is also a word), in notes where weak titles are otherwise shorthand.
fn clergy_names(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for i in marks.of(mark::CLERGY).filter(|&i| i + 1 < n) {
        if !doc.has(i, flag::TITLE_WEAK) || !matches!(&*doc.key(i), "rev" | "fr" | "revd" | "pastor" | "rabbi" | "imam" | "father" | "deacon") {
            continue;
        }
        let j = i + 1;
        let period = doc.gap(i) == ". ";
        // after "Rev." even a word that is also a place word ("REV. PARK")
        let bad = if period { flag::FUNC | flag::TITLE | flag::CRED | flag::CALENDAR | flag::KIN | flag::ROLE | flag::UNIT } else { NEVER | flag::GREET };
        if !(period || doc.gap(i) == " ") || doc.has(j, bad) || doc.toks[j].e - doc.toks[j].s < 3 || followed_by_number(doc, j) {
            continue;
        }
        if doc.mode == CaseMode::Mixed && !doc.toks[j].is_cap() {
            continue;
        }
        // "rev. Faleolo": after the title and its period, a capitalized word no list holds
        let listed = doc.is_name(j) && (period && !doc.has(j, flag::TRAP) || !doc.is_common(j)) || period && doc.toks[j].is_cap() && unlisted_word(doc, j);
        if listed {
            let end = extend(doc, j);
            push(doc, j, end, 0.75, "a name after a clergy title (Rev., Fr.)", out);
        }
    }
}

/// Note shorthand for contact with a person: "c/b" (called back), "d/w" (discussed with), "w/",
/// "per". In notes without case the name after them is often a lone given name: a listed first
/// name (after c/b and d/w even one that is also a word: "c/b faith"), or a word no list holds
/// that closes the phrase ("c/b tunde re: ride", "per siyabonga, the ot").
fn note_contact_cues(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode == CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    // the cue's last word ("b", "w", "per") before the name
    for j in marks.of(mark::NOTE_CUE).map(|c| c + 1).filter(|&j| j < n) {
        // cheap test first, in place: "b" or "w" after a slash, "per", "w/"
        let c = doc.word(j - 1);
        let (back, strong) = if c.len() == 1 && j >= 2 && doc.gap(j - 2) == "/" && doc.toks[j - 2].e - doc.toks[j - 2].s == 1
            && matches!((doc.word(j - 2).as_bytes()[0].to_ascii_lowercase(), c.as_bytes()[0].to_ascii_lowercase()), (b'c', b'b') | (b'd', b'w'))
        {
            (j - 2, true)
        } else if c.eq_ignore_ascii_case("per") || c.eq_ignore_ascii_case("w") && doc.gap(j - 1) == "/ " {
            (j - 1, false)
        } else {
            continue;
        };
        // "d/w cm joanne", "per rn bola": a role's shorthand between the cue and the name
        let j = if j + 1 < n && doc.joined(j) && matches!(&*doc.key(j), "cm" | "sw" | "rn" | "np" | "ot" | "rt" | "cna" | "pa" | "md") { j + 1 } else { j };
        let g = doc.gap(j - 1);
        if back > 0 && doc.gap(back - 1).ends_with('/') || !(g == " " || g == "/ " || strong && g == "/") || doc.has(j, NEVER) || doc.toks[j].e - doc.toks[j].s < 3 {
            continue;
        }
        let rest = doc.text[doc.toks[j].e..].trim_start_matches(' ');
        let closes = rest.is_empty() || rest.starts_with([',', '(', ';', '\n', '.', ':']) || j + 1 < n && doc.joined(j) && (doc.key(j + 1) == "re" || doc.has(j + 1, flag::NOTE_VERB | flag::AT_FROM));
        // after "per" and "w/" (per protocol, w/ flowsheet) a word no list holds only in apposition
        // to a role: "per siyabonga, the ot", "PER MERON, RT,"
        let apposed = rest.starts_with(", ") && j + 2 < n && (doc.key(j + 1) == "the" || doc.has(j + 1, flag::ROLE | flag::CRED) || matches!(&*doc.key(j + 1), "rt" | "ot" | "sw" | "cm"));
        let first = doc.is_first(j) && !doc.has(j, flag::TRAP) && (strong || !doc.is_common(j)) && (closes || !doc.is_common(j));
        if first || (if strong { closes } else { apposed }) && unlisted_word(doc, j) {
            let end = extend(doc, j);
            push(doc, j, end, 0.65, "a name after note shorthand for contact (c/b, d/w, per)", out);
        }
    }
}

/// "(goes by Funmi)", "known as Tito", "her name is Phurba": a name after words that introduce
/// one. With case, a capitalized word; without, a listed first name.
fn nickname_cues(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    // the cue's first word ("goes", "known", "name", "answers")
    for c in marks.of(mark::NICKNAME) {
        // "her preferred name, MaZungu,", "his clan name, Mthembu, when": a kind of name, a comma
        // and the name itself
        let j = c + 1;
        if j < n && c >= 1 && doc.word(c).eq_ignore_ascii_case("name") && doc.gap(c) == ", " && doc.joined(c - 1) && doc.mode == CaseMode::Mixed
            && matches!(doc.key_str(c - 1), "preferred" | "clan" | "real" | "first" | "given" | "nick" | "family" | "maiden" | "middle" | "last" | "chosen" | "birth" | "hebrew" | "english" | "tribal" | "spirit" | "praise")
        {
            let t = doc.toks[j];
            // (camel case too: "MaZungu")
            if doc.word(j).starts_with(char::is_uppercase) && t.shape != Shape::Upper && t.e - t.s >= 3 && !doc.has(j, NEVER | flag::TRAP) && (doc.is_name(j) || !doc.is_common(j)) {
                let end = extend(doc, j);
                push(doc, j, end, 0.65, "a name after words that introduce one (goes by, known as, name is)", out);
            }
            continue;
        }
        let j = c + 2;
        if j >= n {
            continue;
        }
        // cheap test first: the second cue word, compared in place
        let b = doc.word(j - 1);
        if !(2..=3).contains(&b.len()) || !["by", "as", "is", "was", "to"].iter().any(|w| b.eq_ignore_ascii_case(w)) {
            continue;
        }
        let a = doc.key(j - 2);
        let is = |w: &str| b.eq_ignore_ascii_case(w);
        let cue = match &*a {
            "goes" | "go" | "went" => is("by"),
            "known" | "know" => is("as"),
            "name" | "names" => is("is") || is("was"),
            "answers" | "answered" => is("to"),
            _ => false,
        };
        if !cue || !doc.joined(j - 2) || !doc.joined(j - 1) || doc.has(j, NEVER | flag::TRAP) || doc.toks[j].e - doc.toks[j].s < 2 || followed_by_number(doc, j) {
            continue;
        }
        let t = doc.toks[j];
        let ok = match doc.mode {
            CaseMode::Mixed => t.shape == Shape::Title && (doc.is_first(j) || !doc.is_common(j)) && !doc.is_place(j, j + 1),
            _ => doc.is_first(j) && !doc.is_common(j),
        };
        if ok {
            let end = extend(doc, j);
            push(doc, j, end, 0.65, "a name after words that introduce one (goes by, known as, name is)", out);
        }
    }
}

/// "we knew him as Big Mike", "Little Rosa": a nickname adjective (Big, Little, Lil, Old, Young)
/// capitalized mid-sentence before a listed first name that is no English word.
fn size_nicknames(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in marks.of(mark::SIZE).filter(|&i| i >= 1 && i + 1 < n) {
        // cheap test first: a short capitalized word, compared in place
        let w = doc.word(i);
        if !(3..=6).contains(&w.len()) || !matches!(w, "Big" | "Little" | "Lil" | "Old" | "Young") || doc.toks[i].sent_start || !doc.joined(i) {
            continue;
        }
        let j = i + 1;
        // a listed name that is also a word ("Mike", "Bill") only where a pause or "who" closes it
        let closes = doc.text[doc.toks[j].e..].starts_with([',', '.', ';', '!', '?', ')']) || j + 1 < n && doc.joined(j) && doc.key(j + 1) == "who";
        if doc.toks[j].shape == Shape::Title && doc.is_first(j) && (closes || !doc.is_common(j)) && !doc.has(j, NEVER | flag::TRAP) && !doc.is_place(i, j + 1) && !doc.is_place(j, j + 1)
            && !(j + 1 < n && doc.joined(j) && doc.toks[j + 1].is_cap())
        {
            push(doc, j, j + 1, 0.65, "a name after a nickname adjective (Big ___, Little ___)", out);
        }
    }
}

/// "the nurse Joy, who brought", "Within a day, Summer, one of the CNAs", "Her old head nurse,
/// Nenita, is 97": a capitalized given name mid-sentence, set off as the subject of a relative
/// clause about a person ("who", "whose", "one of") or in commas after a role or kinship word.
fn appositive_names(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in marks.of(mark::TITLE).filter(|&i| i >= 1 && i + 1 < n) {
        let t = doc.toks[i];
        if t.shape != Shape::Title || t.sent_start || t.e - t.s < 3 || doc.has(i, NEVER & !flag::MEDICAL) || doc.has(i, flag::TRAP) && doc.has(i, flag::MEDICAL) || followed_by_number(doc, i) {
            continue;
        }
        // a single capitalized word, not the first or last of a longer proper noun
        if doc.toks[i - 1].is_cap() && doc.joined(i - 1) || i + 1 < n && doc.toks[i + 1].is_cap() && doc.joined(i) {
            continue;
        }
        let after = &doc.text[t.e..];
        let relative = after.starts_with(", who ") || after.starts_with(" who ") || after.starts_with(", whose ") || after.starts_with(", one of the ");
        let cue_before = doc.gap(i - 1) == ", " && doc.has(i - 1, flag::ROLE | flag::KIN) && after.starts_with(", ");
        // "a Dutchman who", "the Captain, who": a noun after a determiner
        if !relative && !cue_before || matches!(&*doc.key(i - 1), "a" | "an" | "the" | "this" | "that" | "every" | "each" | "some" | "any" | "no") {
            continue;
        }
        let unknown = !doc.is_common(i) && !doc.is_name(i) && !doc.has(i, flag::TRAP) && !doc.is_place(i, i + 1) && doc.word(i).chars().all(char::is_alphabetic);
        if doc.is_first(i) || unknown {
            push(doc, i, i + 1, 0.6, "a given name set off before a clause about a person (___, who)", out);
        }
    }
}

/// "The ICU nurse on the last night, Achieng, stayed", "aide at facility, baraka, found pt": a
/// given name set off in commas after a phrase about a role or a relative, and then the verb
/// whose subject it is. The phrase's role or kinship word may stand a few words back.
fn role_appositives(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for i in marks.of(mark::COMMA_AFTER).filter(|&i| i >= 1 && i + 1 < n) {
        let t = doc.toks[i];
        // cheap tests first: ", ___, " around the word and the shape of a name
        if doc.gap(i - 1) != ", " || doc.gap(i) != ", " || t.e - t.s < 3 || t.sent_start {
            continue;
        }
        let shaped = match doc.mode {
            CaseMode::Mixed => t.shape == Shape::Title,
            _ => t.shape == Shape::Lower || t.shape == Shape::Title,
        };
        if !shaped || !(person_verb(doc, i + 1) || key_in!(doc, i + 1, "would", "will")) || doc.has(i + 1, flag::TRAP) {
            continue;
        }
        // the role or kinship word within six words back, in the same sentence and clause
        let mut cue = false;
        for k in (i.saturating_sub(6)..i).rev() {
            if doc.has(k, flag::ROLE | flag::KIN) {
                cue = true;
                break;
            }
            if doc.toks[k].sent_start || k + 1 < i && doc.gap(k).contains([',', ';', ':', '(', ')', '\n']) {
                break;
            }
        }
        if !cue || doc.has(i, NEVER | flag::TRAP) {
            continue;
        }
        if doc.is_name(i) && !doc.is_common(i) || unlisted_word(doc, i) {
            push(doc, i, i + 1, 0.6, "a given name in commas after a role, before its verb (the aide on nights, ___, stayed)", out);
        }
    }
}

/// "Abu Yousef", "Umm Khalid": an Arabic kunya (father or mother of, then a name) is a name as a
/// whole; a place ("Abu Dhabi") is not.
fn kunya_names(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in marks.of(mark::KUNYA).filter(|&i| i + 1 < n) {
        let t = doc.toks[i];
        if t.shape != Shape::Title || !(3..=4).contains(&(t.e - t.s)) || !key_in!(doc, i, "abu", "abou", "umm", "omm") || doc.gap(i) != " " {
            continue;
        }
        let j = i + 1;
        if doc.toks[j].shape != Shape::Title || doc.is_place(i, j + 1) || doc.is_place(j, j + 1) || doc.has(j, NEVER | flag::TRAP) {
            continue;
        }
        if doc.is_name(j) || unlisted_word(doc, j) {
            let end = extend(doc, j);
            push(doc, i, end, 0.7, "an Arabic kunya: Abu or Umm and a name", out);
        }
    }
}

/// "khamla please bring the rice", "auntie vone said", "guled called the fellow": in a message
/// typed in lowercase, a word no list holds (or a listed given name that is no English word)
/// opening a line or a clause, or after a kinship title of address, before a verb of a message
/// about a person (please, can, dont, just, called, said).
fn lowercase_message_names(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let bytes = doc.text.as_bytes();
    // the verb after the name
    for i in marks.of(mark::MESSAGE_VERB).filter(|&c| c >= 1).map(|c| c - 1) {
        let t = doc.toks[i];
        if t.shape != Shape::Lower || t.e - t.s < 4 || !doc.joined(i) {
            continue;
        }
        if !key_in!(doc, i + 1, "please", "pls", "plz", "can", "cant", "dont", "just", "called", "said", "says", "texted", "wants", "asked") {
            continue;
        }
        // the slot: a line's start (after an optional "[time] name: " label), a comma, or a
        // kinship title of address
        let line_start = bytes[..t.s].iter().rev().take_while(|&&b| b != b'\n').all(|&b| b == b' ' || b == b'\t');
        let slot = line_start
            || i > 0 && doc.gap(i - 1) == ": " && {
                let p = doc.toks[i - 1];
                let head = &doc.text[..p.s];
                head.ends_with("] ") || bytes[..p.s].iter().rev().take_while(|&&b| b != b'\n').all(|&b| b == b' ' || b == b'\t')
            }
            || i > 0 && doc.gap(i - 1) == ", " && doc.toks[i - 1].shape == Shape::Lower
            || i > 0 && doc.gap(i - 1) == " " && (CHAT_KIN_TITLES.contains(&&*doc.key(i - 1)) || key_in!(doc, i - 1, "omg", "lol", "ok", "btw", "also", "fyi"));
        if !slot || doc.has(i, NEVER | flag::TRAP) {
            continue;
        }
        if doc.is_first(i) && !doc.is_common(i) || unlisted_word(doc, i) {
            push(doc, i, i + 1, 0.6, "a lowercase given name opening a message about a person (___ please bring, ___ called)", out);
        }
    }
}

/// Clause openers after which a capitalized word and a verb make a new clause whose subject is
/// that word ("grateful that Funmilayo stayed", "until Xiaoming drove her home")
/// ("and" and "or" are left out: in notes they join clinical shorthand to a verb: "and Bronch done").
const CLAUSE_OPENERS: &[&str] = &["that", "but", "when", "while", "until", "because", "so", "then", "after", "before", "since", "if", "though", "although", "once", "where", "whom"];

/// [`CLAUSE_OPENERS`] packed by [`super::word8`], compared by [`Doc::key_in8`].
const CLAUSE_OPENER_KEYS: [u64; CLAUSE_OPENERS.len()] = {
    let mut keys = [0; CLAUSE_OPENERS.len()];
    let mut k = 0;
    while k < keys.len() {
        keys[k] = super::word8(CLAUSE_OPENERS[k]);
        k += 1;
    }
    keys
};

/// True when token `i` is a verb a person does in a story: a listed note verb, a verb of talking,
/// a past tense ("stayed", "drove"), or a present third person form of a few common ones.
fn person_verb(doc: &Doc<'_>, i: usize) -> bool {
    let t = doc.toks[i];
    if t.shape != Shape::Lower || doc.has(i, flag::TRAP | flag::UNIT) {
        return false;
    }
    let k = doc.key(i);
    doc.has(i, flag::NOTE_VERB | flag::TALK_VERB)
        || (k.len() >= 5 && k.ends_with("ed") && !k.ends_with("eed"))
        || matches!(&*k, "came" | "went" | "left" | "took" | "brought" | "drove" | "sat" | "held" | "kept" | "told" | "knew" | "gave" | "wrote" | "stood" | "ran" | "ate" | "slept" | "sang" | "laughed" | "cried" | "lost" | "found" | "made" | "began" | "became" | "spent" | "paid" | "bought" | "fought" | "grew" | "thought" | "wore" | "sent" | "fell" | "died" | "dies" | "broke" | "woke" | "spoke" | "won" | "met" | "saw" | "heard" | "had" | "did" | "does" | "goes" | "gets" | "got" | "lives" | "works" | "feels" | "felt" | "needs" | "loves" | "loved" | "never" | "always" | "still" | "just" | "could" | "can" | "might" | "should" | "must")
}

/// "grateful that Funmilayo stayed", "and Jun drove her home": a capitalized word no list holds
/// (or a month or weekday abbreviation that is also a given name: Jun, Thu, Mon) after a clause
/// opener and before a verb is the subject of a clause: a person. Names of many origins are in
/// no US list, and a lone given name has no title or surname to go by, so the sentence's
/// grammar is the evidence.
fn subject_of_verb(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in marks.of(mark::TITLE).filter(|&i| i >= 1 && i + 1 < n) {
        let t = doc.toks[i];
        if t.shape != Shape::Title || t.sent_start || !doc.joined(i - 1) || !doc.joined(i) || !doc.key_in8(i - 1, &CLAUSE_OPENER_KEYS) || !person_verb(doc, i + 1) {
            continue;
        }
        let calendar_name = doc.has(i, flag::CALENDAR) && t.e - t.s == 3 && !doc.is_common(i);
        if calendar_name || unknown_word(doc, i, 4) {
            push(doc, i, i + 1, 0.6, "a capitalized word no list holds, as the subject of a verb (that ___ stayed)", out);
        }
    }
}

/// True when token `i` is a word no list holds, of at least `min` bytes, shaped like a name:
/// letters, an inner hyphen, an apostrophe only as in O'Neil, D'Souza or L'Heureux (never a
/// contraction: I've, I'd, Don't), and none of the known classes (function words, traps, places, units,
/// credentials, kinship and role words), nor a drug's shape ([`drug_shaped`]).
fn unknown_word(doc: &Doc<'_>, i: usize, min: usize) -> bool {
    let w = doc.word(i);
    let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
    w.len() >= min
        && !doc.has(i, flag::FUNC | flag::TRAP | flag::NOT_NAME | flag::UNIT | flag::CRED | flag::ORG_HEAD | flag::STATE | flag::PLACE_SUFFIX | flag::STREET | flag::PARTICLE | flag::SAINT | flag::PLACE_PREFIX | flag::TITLE | flag::KIN | flag::ROLE | flag::GREET | flag::EPONYM_HEAD)
        && !doc.is_common(i)
        && !doc.is_place(i, i + 1)
        && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
        && w.char_indices().all(|(k, c)| !(c == '\'' || c == '’') || k == 1 && w.len() >= 5 && matches!(w.as_bytes()[0], b'O' | b'D' | b'L'))
        && !drug_shaped(&doc.key(i))
}

/// Endings of generic drug names (INN stems: metopro-lol, labeta-lol, lisino-pril, atorva-statin, pembroli-
/// zumab) and of lab and clinical words: such a word is no name even when no list holds it.
fn drug_shaped(k: &str) -> bool {
    const STEMS: &[&str] = &["lol", "pril", "sartan", "statin", "mab", "tinib", "zole", "cillin", "mycin", "cycline", "floxacin", "azepam", "azolam", "oxone", "tidine", "parin", "xaban", "gliptin", "glitazone", "semide", "thiazide", "ciclovir", "cyclovir", "navir", "dronate", "tropin", "profen", "oxacin", "orphine", "odone", "adone", "azine", "idine", "amine", "ase", "itis", "emia", "osis", "ectomy", "otomy", "ostomy", "plasty", "scopy", "gram", "graphy", "pathy", "algia", "plegia", "lytes"];
    STEMS.iter().any(|s| k.len() > s.len() + 2 && k.ends_with(s))
}

/// True when token `i` is a verb whose object is a person when a name follows ("I met ___",
/// "the nurses adored ___").
fn object_verb(doc: &Doc<'_>, i: usize) -> bool {
    doc.toks[i].shape == Shape::Lower
        && matches!(&*doc.key(i), "met" | "meet" | "meeting" | "called" | "call" | "visited" | "visit" | "saw" | "see" | "seeing" | "told" | "tell" | "asked" | "ask" | "thanked" | "adored" | "loved" | "love" | "hugged" | "hug" | "married" | "texted" | "emailed" | "phoned" | "introduced" | "remember" | "remembered" | "miss" | "missed" | "lost" | "buried" | "helped" | "help" | "drove" | "hired" | "heard" | "hear" | "watched" | "reassured" | "comforted" | "invited" | "greeted" | "admired" | "trusted" | "believed" | "thank")
}

/// "Sterling, our unit secretary, asked", "Nakato, from Jinja, who works": a capitalized word
/// opening a sentence, then a comma and what places it among people: "our/my/his/her/their" and
/// a role or a relative closed by a comma, or "from" and a town in the gazetteer.
fn name_then_appositive(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in marks.of(mark::COMMA_AFTER).filter(|&i| i + 2 < n) {
        let t = doc.toks[i];
        if !t.sent_start || t.shape != Shape::Title || t.e - t.s < 3 || doc.has(i, NEVER | flag::TRAP | flag::FUNC | flag::GRAMMAR | flag::CALENDAR | flag::STATE) || adverb(doc, i) {
            continue;
        }
        // (a town's name too: "Sterling", "Comfort")
        if !(doc.is_first(i) || doc.is_surname(i) || unknown_word(doc, i, 3)) {
            continue;
        }
        let from = key_in!(doc, i + 1, "from") && doc.joined(i + 1) && doc.toks[i + 2].shape == Shape::Title && doc.is_place(i + 2, i + 3);
        let ours = key_in!(doc, i + 1, "our", "my", "his", "her", "their") && (i + 2..(i + 5).min(n)).any(|k| {
            (doc.has(k, flag::ROLE | flag::KIN) || matches!(doc.key_str(k), "secretary" | "clerk" | "volunteer" | "doctor" | "tech" | "driver" | "neighbor" | "neighbour"))
                && doc.gap(k).starts_with(',') && (i + 1..k).all(|m| doc.joined(m))
        });
        if from || ours {
            push(doc, i, i + 1, 0.6, "a name opening a sentence before an appositive (___, our unit secretary,)", out);
        }
    }
}

/// True when token `i` is an adverb that may stand between a subject and its verb ("finally",
/// "never", "quietly").
fn adverb(doc: &Doc<'_>, i: usize) -> bool {
    let k = doc.key(i);
    doc.toks[i].shape == Shape::Lower && (k.len() >= 5 && k.ends_with("ly") && !matches!(&*k, "family" | "supply" | "reply" | "early" | "daily" | "weekly" | "likely" | "only")
        || matches!(&*k, "never" | "always" | "still" | "also" | "just" | "then" | "often" | "once" | "soon" | "later" | "rarely" | "even" | "already" | "almost" | "barely" | "hardly"))
}

/// "Thank you, ___," "Thanks ___!": the person thanked, right after the thanks.
fn thanked(doc: &Doc<'_>, i: usize) -> bool {
    let k = |j: usize| doc.key(j);
    (i >= 2 && k(i - 2) == "thank" && k(i - 1) == "you" && doc.joined(i - 2) || i >= 1 && k(i - 1) == "thanks")
        && matches!(doc.gap(i - 1).trim(), "," | "")
        && !doc.gap(i - 1).contains('\n')
}

/// Single given names that no list holds, found by the grammar of the sentence around them, in
/// text with case (a lone given name has no title or surname to go by, and names of many origins
/// are in no US list):
/// - the subject of a person's verb after an opening phrase and a comma ("Last winter, ___ lost
///   her job") or opening a sentence before a verb of speech ("___ told me") or an age ("___ was
///   34 when");
/// - the object of a verb done to people ("I met ___ on", "the nurses adored ___, who");
/// - "with ___ and her husband"; the person thanked ("Thank you, ___,").
///
/// And in every case convention: a word before a kinship word or a proxy's role in brackets ("w/
/// irena (niece)", "w/ tomas (hcp)").
fn lone_given_names(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    let mixed = doc.mode == CaseMode::Mixed;
    // a word before " (", or a capitalized word in text with case
    for (i, m) in marks.of_marked(if mixed { mark::PAREN_AFTER | mark::TITLE } else { mark::PAREN_AFTER }) {
        let t = doc.toks[i];
        // "spoke w/ irena (niece)", "called DIANE (DTR)", "HILDEBRANDT (SW) PAGED": a word then a
        // kinship word or a bedside role in brackets (the mark: " (" after the word)
        if m & mark::PAREN_AFTER != 0 && i + 1 < n && doc.gap(i).trim_end() == " (" && (is_family(&doc.key(i + 1)) || matches!(&*doc.key(i + 1), "hcp" | "proxy" | "poa" | "guardian" | "caregiver" | "sw" | "cm" | "chaplain" | "interpreter" | "interp" | "sitter"))
            && doc.text[doc.toks[i + 1].e..].starts_with(')')
            && (unknown_word(doc, i, 3) || doc.is_first(i) && !doc.has(i, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::KIN | flag::ROLE))
            && (!mixed || t.is_cap())
        {
            push(doc, i, i + 1, 0.7, "a name before a kinship word in brackets (___ (niece))", out);
            continue;
        }
        if !mixed || t.shape != Shape::Title || i > 0 && doc.toks[i - 1].shape == Shape::Title && doc.joined(i - 1) && !doc.toks[i - 1].sent_start {
            continue;
        }
        // the verb right after the word, or after one adverb ("___ finally slept", "___ never called")
        // (tested last where it is needed: the cues before it are cheaper)
        let verb_next = || i + 1 < n && doc.joined(i) && (person_verb(doc, i + 1) || i + 2 < n && doc.joined(i + 1) && adverb(doc, i + 1) && person_verb(doc, i + 2));
        // a slot so strong that an English word fills it as a name too ("I met Woo on", "with Gun
        // and her husband", "Thank you, Kook,"; not "___ was 34 when": "Pain was 3 when"): set by
        // the branches below
        let mut strong = false;
        let reason = if t.sent_start {
            // "___ told me", "___ was 34 when"
            let speech = i + 1 < n && doc.joined(i) && matches!(&*doc.key(i + 1), "told" | "said" | "asked" | "wrote" | "texted" | "replied" | "answered" | "whispered" | "shrugged" | "nodded" | "laughed" | "smiled" | "cried" | "insisted" | "explained" | "admitted" | "confided");
            let age = i + 2 < n && doc.joined(i) && matches!(&*doc.key(i + 1), "was" | "is" | "turned") && {
                // "___ was 34 when", "___ is a 14 mo M", "___ is an 88 yo"
                let rest = &doc.text[doc.toks[i + 1].e..];
                let rest = rest.strip_prefix(" a ").or_else(|| rest.strip_prefix(" an ")).map_or(rest, |r| &rest[rest.len() - r.len() - 1..]);
                let digits = rest.strip_prefix(' ').map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
                let after = rest.get(1 + digits..).unwrap_or("");
                (1..=3).contains(&digits)
                    && [" when", " years", " year-old", "-year", " mo ", " mo.", " month", "-month", " yo", "yo ", " y/o", " y.o", " wk", " week", "-week", " day-old", "-day"].iter().any(|p| after.starts_with(p))
            };
            // a verb only people do ("___ slept", "___ had been living"), not one a drug or a lab
            // value takes ("was", "held", "increased")
            let person_only = i + 1 < n && doc.joined(i) && {
                let k = doc.key(i + 1);
                matches!(&*k, "lives" | "lived" | "works" | "worked" | "loves" | "loved" | "grew" | "moved" | "came" | "went" | "drove" | "walked" | "sat" | "slept" | "died" | "wanted" | "wants" | "wished" | "hoped" | "feared" | "knew" | "remembered" | "visited" | "stayed" | "married" | "raised" | "taught" | "prayed" | "worried" | "refused" | "agreed" | "decided" | "learned" | "hated" | "missed" | "sings" | "sang")
                    || matches!(&*k, "had" | "has") && i + 3 < n && doc.joined(i + 1) && doc.key(i + 2) == "been" && doc.joined(i + 2) && doc.toks[i + 3].shape == Shape::Lower && doc.key(i + 3).ends_with("ing")
            } && unknown_word(doc, i, 3);
            // "___'s mother flew in", "___ was the first patient I lost": a word no list holds, or
            // a listed first name that is no English word (a sentence can open with "Hope was")
            let given = || unknown_word(doc, i, 3) || listed_given(doc, i) && !doc.is_common(i);
            let kin_owner = i + 1 < n && doc.joined(i) && {
                let w = doc.word(i);
                (w.ends_with("'s") || w.ends_with("’s")) && doc.toks[i + 1].shape == Shape::Lower && (is_family(&doc.key(i + 1)) || key_in!(doc, i + 1, "family", "story", "voice", "funeral", "friends", "friend", "kids", "children", "partner", "nurse", "doctor", "room", "bedside", "smile", "laugh", "hands"))
            };
            let copula = i + 2 < n && doc.joined(i) && doc.joined(i + 1) && key_in!(doc, i + 1, "is", "was") && doc.toks[i + 2].shape == Shape::Lower
                && key_in!(doc, i + 2, "the", "my", "our", "a", "an", "one", "always", "never", "still", "only", "just", "also", "so", "born", "not", "like", "there", "here", "home", "in", "at", "sitting", "lying", "waiting", "living", "married")
                && doc.is_prose();
            if speech && unknown_word(doc, i, 3) || age || person_only {
                "a name opening a sentence before a verb of speech or an age (___ told me, ___ was 34)"
            } else if kin_owner && given() {
                "a name opening a sentence, in the possessive before a person (___'s mother)"
            } else if copula && given() {
                "a name opening a sentence in running prose, before is or was (___ was the first)"
            } else {
                continue;
            }
        } else if i > 0 && doc.joined(i - 1) && doc.key_in8(i - 1, &CLAUSE_OPENER_KEYS) && verb_next() {
            // "When Grace came back", "so Frank drove": the subject of a new clause
            "a name as the subject of a verb after a clause opener (when ___ came)"
        } else if i > 0 && doc.gap(i - 1).trim() == "," && !doc.gap(i - 1).contains('\n') && !doc.has(i - 1, flag::PREP | flag::AT_FROM) && verb_next() {
            // "Last winter, ___ lost her job", "After the surgery, ___ could not"
            "a name, as the subject of a verb after an opening phrase (Last winter, ___ lost)"
        } else if i > 0 && doc.joined(i - 1) && object_verb(doc, i - 1)
            && (i + 1 == n || doc.gap(i).starts_with([',', '.', ';', '!', '?', ')']) || doc.joined(i) && matches!(&*doc.key(i + 1), "on" | "at" | "for" | "and" | "who" | "the" | "this" | "that" | "again" | "yesterday" | "today" | "tonight" | "last" | "every" | "about" | "before" | "after" | "when" | "while" | "once" | "twice" | "first" | "through"))
        {
            // "I met ___ on a night shift", "the nurses adored ___, who" (not "called": "we called
            // Security")
            strong = !key_in!(doc, i - 1, "called", "call");
            "a name, as the object of a verb done to people (I met ___)"
        } else if i > 0 && doc.joined(i - 1) && doc.key(i - 1) == "with" && i + 2 < n && doc.key(i + 1) == "and" && doc.joined(i) && matches!(&*doc.key(i + 2), "her" | "his" | "their" | "my" | "our")
        {
            strong = true;
            "a name, with a person's kin after it (with ___ and her husband)"
        } else if thanked(doc, i) && (i + 1 == n || doc.gap(i).starts_with([',', '.', '!', ';'])) {
            strong = true;
            "a name, thanked (Thank you, ___,)"
        } else if i + 1 < n && matches!(doc.gap(i), " " | ", ") && matches!(&*doc.key(i + 1), "who" | "whom" | "whose") && doc.toks[i + 1].shape == Shape::Lower
            && !(i > 0 && matches!(&*doc.key(i - 1), "a" | "an" | "the" | "this" | "that" | "every" | "one" | "another" | "any" | "each"))
        {
            // "It was ___ who noticed", "adored ___, who sang": only people are "who"
            strong = true;
            "a name before who (___ who noticed)"
        } else if i + 3 < n && doc.joined(i) && doc.key(i + 1) == "and" && doc.joined(i + 1) && matches!(&*doc.key(i + 2), "her" | "his" | "their") && doc.joined(i + 2) && is_family(&doc.key(i + 3)) {
            // "Both ___ and her mother", "___ and his wife"
            strong = true;
            "a name before a kinship word of its own (___ and her mother)"
        } else if !t.sent_start && doc.word(i).ends_with("'s") && i + 1 < n && doc.joined(i) && doc.toks[i + 1].shape == Shape::Lower && !drug_shaped(&doc.key(i + 1)) && !doc.has(i + 1, flag::EPONYM_HEAD | flag::MEDICAL) {
            // "that ___'s story be told", "I keep ___'s card": a possessive mid-sentence
            "a name, in the possessive mid-sentence (___'s story)"
        } else if prose_slot(doc, i) {
            // the word was checked by the slot itself
            push(doc, i, extend(doc, i), 0.6, "a capitalized word no list explains, mid-sentence in running prose", out);
            continue;
        } else {
            continue;
        };
        // the word itself, checked last (the cues above are cheaper than the list lookups): a word
        // no list holds, or a listed first name that is also a word ("Hope", "Tore")
        let named_word = || t.e - t.s >= 2 && doc.is_first(i) && !doc.has(i, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::GREET | flag::STATE);
        if !(unknown_word(doc, i, 3) || named_word() || strong && word_as_name(doc, i)) {
            continue;
        }
        push(doc, i, extend(doc, i), 0.6, reason, out);
    }
}

/// "Bong", "Woo", "Gun", "Hope": a capitalized word that may be a given name although it is also
/// an English word (many romanized names of one syllable are), for the slots where the sentence
/// leaves no other reading: no function word, clinical or place word, title, kinship or role word,
/// month or weekday, nor a word for a group ("Thank you, Team,").
fn word_as_name(doc: &Doc<'_>, i: usize) -> bool {
    let t = doc.toks[i];
    t.shape == Shape::Title
        && t.e - t.s >= 2
        && !doc.has(i, flag::FUNC | flag::TRAP | flag::NOT_NAME | flag::UNIT | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::TITLE_WEAK | flag::GREET | flag::STATE | flag::CALENDAR | flag::MEDICAL | flag::EPONYM_HEAD | flag::ORG_HEAD | flag::PLACE_SUFFIX | flag::PLACE_PREFIX | flag::STREET | flag::SAINT | flag::PARTICLE)
        && !key_in!(doc, i, "team", "all", "everyone", "guys", "friends", "folks", "god", "lord", "sir", "madam", "doc", "again", "heaven", "staff", "crew", "nurses", "doctors")
        && !doc.is_place(i, i + 1)
        && doc.word(i).chars().all(char::is_alphabetic)
        && !drug_shaped(&doc.key(i))
}

/// "Nobody had asked Fruzsina what", "We named the fund after Dainius.", "Neither Hang nor her
/// doctors": in running prose ([`Doc::is_prose`]), a capitalized word no list holds in the middle
/// of a sentence, between a lowercase word and a function word, a verb or punctuation. Names of
/// many origins are in no list and often come with no title or kinship word; in a story nearly
/// every such word names someone or somewhere. Clinical shorthand is kept out by the prose test and
/// by what follows: a drug or a device is followed by a noun or a number ("Yankaur suctioning",
/// "Hcts 27.7"), a person by a verb, a function word or a stop.
fn prose_slot(doc: &Doc<'_>, i: usize) -> bool {
    let n = doc.toks.len();
    let t = doc.toks[i];
    if t.sent_start || i == 0 || !doc.joined(i - 1) {
        return false;
    }
    // after a lowercase word, or a function word opening the sentence ("Neither ___ nor"), not an
    // article or a possessive (a thing's name: "The Yankaur", "His Medtronic")
    let p = doc.toks[i - 1];
    if !(p.shape == Shape::Lower || p.sent_start && p.shape == Shape::Title && doc.has(i - 1, flag::FUNC) && !key_in!(doc, i - 1, "the", "a", "an", "this", "that", "these", "those", "his", "her", "my", "our", "their", "its", "your")) {
        return false;
    }
    let closes = i + 1 == n && t.e == doc.text.len()
        || doc.text[t.e..].starts_with([',', '.', ';', ':', '!', '?', ')', '"', '”'])
        || i + 1 < n && doc.joined(i) && doc.toks[i + 1].shape == Shape::Lower && (doc.has(i + 1, flag::FUNC) || person_verb(doc, i + 1)
            // "think about ___ every time", "saw ___ again"
            || key_in!(doc, i + 1, "every", "each", "again", "too", "because", "since", "until", "as", "now", "then", "still", "often", "today", "tonight", "anymore", "almost", "always", "never", "once", "how", "why", "where", "whether"));
    if !closes || !(unknown_word(doc, i, 2) || listed_given(doc, i)) || !doc.is_prose() {
        return false;
    }
    // "In Memory of", "In Honor of": a headline's capitalized common word before "of"
    if p.sent_start && i + 1 < n && doc.joined(i) && doc.key(i + 1) == "of" && doc.is_common(i) {
        return false;
    }
    // "Vietnamese-American", "Lebanese-born": a compound of a nationality or a common word
    let w = doc.word(i);
    if w.contains('-') && w.split('-').any(|p| {
        let p = p.to_lowercase();
        COMMON_WORDS.contains(&p) || super::traps::NOT_NAMES.contains(p.as_str())
    }) {
        return false;
    }
    // a nationality or a language no list holds ("Bhutanese", "Javanese"); "Tuesdays"
    let k = doc.key(i);
    !(k.ends_with("ese") && !doc.is_first(i) || k.strip_suffix('s').is_some_and(|b| super::traps::CALENDAR.contains(b)))
}

/// A listed first name written with a capital, even one that is also an English word or only
/// two letters long ("asked Frank what", "after Ky.", "Neither Hang nor"): mid-sentence in running
/// prose the capital is what marks it, as "a moment of grace" or "in May" are not marked.
fn listed_given(doc: &Doc<'_>, i: usize) -> bool {
    doc.toks[i].shape == Shape::Title
        && doc.toks[i].e - doc.toks[i].s >= 2
        && !doc.has(i, flag::FUNC | flag::TRAP | flag::NOT_NAME | flag::UNIT | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::GREET | flag::STATE | flag::CALENDAR | flag::MEDICAL | flag::EPONYM_HEAD | flag::ORG_HEAD | flag::PLACE_SUFFIX | flag::STREET | flag::SAINT)
        && doc.is_first(i)
        && !doc.is_place(i, i + 1)
}

/// `... NOT 1400U/HR. SUSAN`, `Pt resting.\nKaren`: a listed first name alone as the last word
/// of a note, after a sentence or a line: the writer's signature.
fn closing_signature(doc: &Doc<'_>, out: &mut Vec<Span>) {
    let Some(i) = doc.toks.len().checked_sub(1) else { return };
    let t = doc.toks[i];
    if i == 0 || !doc.text[t.e..].trim().is_empty() || t.e - t.s < 3 || !matches!(t.shape, Shape::Title | Shape::Upper | Shape::Lower) {
        return;
    }
    if doc.mode == CaseMode::Mixed && t.shape == Shape::Lower {
        return;
    }
    let before = doc.gap(i - 1);
    let opens = before.contains('\n') || before.trim_end().ends_with(['.', '!']) && before.ends_with(' ');
    if !opens || !doc.is_first(i) || doc.is_common(i) || doc.has(i, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::MEDICAL | flag::CALENDAR | flag::STATE | flag::KIN | flag::ROLE) {
        return;
    }
    push(doc, i, i + 1, 0.6, "a first name signing the note", out);
}

/// "... xr hip ordered. -faith", "-tammy c., rn, cwocn": a note signed with a dash before a first
/// name (even one that is also a word), then at most an initial and credentials to the end.
fn dash_signature(doc: &Doc<'_>, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    // the dash opens the last line or follows the last sentence
    let Some(dash) = doc.text.trim_end().rfind('-') else { return };
    let before = &doc.text[..dash];
    if !(before.is_empty() || before.ends_with('\n') || before.ends_with(". ") || before.ends_with(".  ") || before.ends_with("\n ")) {
        return;
    }
    let Ok(i) = doc.toks.binary_search_by(|t| t.s.cmp(&(dash + 1))) else { return };
    let t = doc.toks[i];
    if t.e - t.s < 3 || !matches!(t.shape, Shape::Title | Shape::Upper | Shape::Lower) || !doc.is_first(i)
        || doc.has(i, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::MEDICAL | flag::CALENDAR | flag::STATE | flag::KIN | flag::ROLE | flag::NOT_NAME)
    {
        return;
    }
    // what follows: nothing, or an initial and credentials ("c., rn, cwocn")
    let mut end = i + 1;
    if end < n && doc.toks[end].e - doc.toks[end].s == 1 && doc.text[doc.toks[end].e..].starts_with('.') {
        end += 1;
    }
    if (end..n).any(|k| !doc.has(k, flag::CRED) && !credential_shaped(doc, k) || doc.toks[k].e - doc.toks[k].s > 6) {
        return;
    }
    push(doc, i, end, 0.6, "a first name signing the note after a dash (-___)", out);
}

/// "proxys. suzette and ank", "CHILDREN: MARIA AND TEO.": in a note without case, a sentence or
/// line that is only two names joined by "and", the first a listed first name.
fn name_pair_sentence(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode == CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    // the "and" between the names
    for a in marks.of(mark::AND).filter(|&c| c >= 1 && c < n.saturating_sub(1)).map(|c| c - 1) {
        let (b, c) = (a + 1, a + 2);
        if !doc.toks[a].sent_start || doc.key(b) != "and" || !doc.joined(a) || !doc.joined(b) {
            continue;
        }
        let closes = {
            let rest = doc.text[doc.toks[c].e..].trim_start_matches(' ');
            rest.is_empty() || rest.starts_with(['.', '\n', ';'])
        };
        let word = |k: usize| doc.toks[k].e - doc.toks[k].s >= 3 && !doc.has(k, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::MEDICAL | flag::KIN | flag::ROLE | flag::CALENDAR | flag::STATE);
        if !closes || !word(a) || !word(c) || !doc.is_first(a) || doc.is_common(a) || doc.is_common(c) && !doc.is_first(c) {
            continue;
        }
        push(doc, a, a + 1, 0.6, "two names alone in a sentence (___ and ___)", out);
        push(doc, c, c + 1, 0.6, "two names alone in a sentence (___ and ___)", out);
    }
}

/// "Stord-Painter MD plans to attempt", "Okonkwo RN performed": a surname (a listed one, or a
/// hyphenated double name not made of common words) right before a credential and a lowercase verb.
fn name_credential_verb(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for c in marks.of(mark::CRED).filter(|&c| c >= 1 && c + 1 < n) {
        if !doc.has(c, flag::CRED) || doc.toks[c].shape != Shape::Upper || !doc.joined(c - 1) || !doc.joined(c) || doc.toks[c + 1].shape != Shape::Lower {
            continue;
        }
        let i = c - 1;
        let t = doc.toks[i];
        let w = doc.word(i);
        if t.shape != Shape::Title && !(t.shape == Shape::Other && w.contains('-')) || doc.has(i, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::ORG_HEAD | flag::KIN | flag::ROLE | flag::TITLE) {
            continue;
        }
        let double = w.split('-').count() == 2
            && w.split('-').all(|p| p.len() >= 3 && p.starts_with(|ch: char| ch.is_uppercase()))
            && w.split('-').any(|p| !COMMON_WORDS.contains(&p.to_lowercase()));
        let listed = t.e - t.s >= 4 && doc.is_surname(i) && !doc.is_common(i) && !doc.has(i, flag::MEDICAL);
        if double || listed {
            push(doc, i, i + 1, 0.6, "a surname before a credential and a verb (___ MD plans)", out);
        }
    }
}

/// "KEEP ROMERO FAMILY AWARE", "the Okafor family": a listed surname right before "family" (or,
/// after "the", a capitalized word no list holds).
fn family_of(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    for k in marks.of(mark::FAMILY_WORD).filter(|&k| k >= 1) {
        if doc.toks[k].e - doc.toks[k].s != 6 || !doc.joined(k - 1) || doc.key(k) != "family" {
            continue;
        }
        let i = k - 1;
        let t = doc.toks[i];
        // (opening a sentence or a header too: "[WhatsApp: Dlamini family]"; a word no list holds
        // after "the": "the Oyelaran family")
        let cased = match doc.mode {
            CaseMode::Mixed => t.shape == Shape::Title,
            _ => t.shape != Shape::Other,
        };
        let unlisted = doc.mode == CaseMode::Mixed && !t.sent_start && i > 0 && key_in!(doc, i - 1, "the") && unknown_word(doc, i, 4);
        if !cased || t.e - t.s < 3 || !(doc.is_surname(i) || unlisted) || doc.is_common(i) || doc.has(i, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::MEDICAL | flag::CALENDAR | flag::STATE | flag::KIN | flag::ROLE | flag::NOT_NAME | flag::ORG_HEAD) {
            continue;
        }
        push(doc, i, i + 1, 0.6, "a surname before 'family' (the ___ family)", out);
    }
}

/// "DAUGHTER-KRISSY", "son-Mark": a kinship word joined by a hyphen to a listed first name, typed
/// as one word.
fn kin_hyphen_name(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    for k in marks.of(mark::KIN_HYPHEN) {
        let t = &doc.toks[k];
        if t.e - t.s < 7 {
            continue;
        }
        let w = &doc.text[t.s..t.e];
        let Some(h) = w.bytes().position(|c| c == b'-') else { continue };
        let (kin, name) = (&w[..h], &w[h + 1..]);
        if name.len() < 3 || !name.bytes().all(|c| c.is_ascii_alphabetic()) || kin.len() < 3 {
            continue;
        }
        let (kin, name) = (kin.to_ascii_lowercase(), name.to_ascii_lowercase());
        if !is_family(&kin) || !FIRST_NAMES.contains(&name) || COMMON_WORDS.contains(&name) || super::word_flags(&name) & (flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED) != 0 {
            continue;
        }
        out.push(Span::new(t.s + h + 1, t.e, Category::Name, 0.7, NAME, "a first name joined to a kinship word (DAUGHTER-___)"));
    }
}

/// "Will told me later ...", "Grace said no": a capitalized first name opening a sentence before a
/// past-tense speech verb, even when it is also a common word (a modal or a noun cannot be
/// followed by "told").
fn speakers_opening(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in marks.of(mark::TITLE).filter(|&i| i + 1 < n) {
        let t = doc.toks[i];
        // function words are allowed: "Will" the modal cannot be followed by "told"
        if !t.sent_start || t.shape != Shape::Title || t.e - t.s < 3 || !doc.joined(i) || doc.has(i, flag::TRAP | flag::CALENDAR | flag::TITLE | flag::KIN | flag::ROLE | flag::GREET) {
            continue;
        }
        // (the verb before the list lookup: it turns away more tokens, for less)
        if matches!(&*doc.key(i + 1), "told" | "said" | "asked" | "wrote" | "texted" | "replied" | "answered" | "whispered" | "shrugged" | "nodded" | "laughed" | "says" | "tells" | "asks" | "writes" | "texts" | "replies") && doc.is_first(i) {
            push(doc, i, i + 1, 0.65, "a first name opening a sentence before a speech verb (___ told me)", out);
        }
    }
}

/// "consult with patty hoeller", "PER WARREN KAVALIUNAS NP": a first name and a surname (or a
/// word no dictionary knows) after with/per, typed in the same case.
fn contact_pairs(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    let bad = flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::MEDICAL | flag::KIN | flag::ROLE | flag::TITLE | flag::CALENDAR | flag::STATE | flag::ORG_HEAD;
    for w in marks.of(mark::WITH_PER).filter(|&w| w + 2 < n) {
        if !key_in!(doc, w, "with", "per") || !doc.joined(w) || !doc.joined(w + 1) {
            continue;
        }
        let (a, b) = (w + 1, w + 2);
        let (ta, tb) = (doc.toks[a], doc.toks[b]);
        if ta.shape != tb.shape || !matches!(ta.shape, Shape::Lower | Shape::Upper | Shape::Title) || ta.e - ta.s < 3 || tb.e - tb.s < 3 {
            continue;
        }
        if doc.has(a, bad) || doc.has(b, bad) || !doc.is_first(a) || doc.is_common(b) {
            continue;
        }
        if !doc.is_surname(b) && doc.is_first(b) {
            continue;
        }
        // "with fair diuresis", "with amber coloured": a clinical word no list knows is no surname
        let kb = doc.key(b);
        let clinical = ["sis", "ses", "ion", "ions", "ed", "ing", "ity", "ous", "ive", "al", "ia", "emia", "itis", "ine", "ate"].iter().any(|x| kb.ends_with(x));
        if tb.e - tb.s < 4 || clinical && !doc.is_surname(b) {
            continue;
        }
        push(doc, a, b + 1, 0.7, "a first name and surname after with/per (consult with ___)", out);
    }
}

/// "son is hunter.", "Family: Son, Ed, was": a first name right after a kinship word and "is",
/// "named" or a comma, closing the clause.
fn kin_is_name(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for k in marks.of(mark::KIN).filter(|&k| k + 1 < n) {
        if !doc.has(k, flag::KIN) {
            continue;
        }
        let j = if k + 2 < n && matches!(&*doc.key(k + 1), "is" | "named" | "called") && doc.joined(k) && doc.joined(k + 1) {
            k + 2
        } else if doc.gap(k).trim() == "," && doc.gap(k).ends_with(' ') {
            k + 1
        } else {
            continue;
        };
        let t = doc.toks[j];
        // "Son, Ed, was": a capitalized name that is also a unit's shorthand (ED) in a mixed-case note
        let shorthand = flag::UNIT | flag::MEDICAL;
        let bad = flag::FUNC | flag::KIN | flag::ROLE | flag::CALENDAR | if doc.mode == CaseMode::Mixed && t.shape == Shape::Title { 0 } else { shorthand };
        if t.e - t.s < 2 || !doc.is_first(j) || doc.has(j, bad) || doc.has(j, flag::TRAP) && !doc.has(j, flag::MEDICAL) {
            continue;
        }
        let closes = doc.text[t.e..].starts_with(['.', ',', '!', ';']) || t.e == doc.text.len();
        if closes {
            push(doc, j, j + 1, 0.65, "a first name closing a clause after a kinship word (son is ___)", out);
        }
    }
}

/// True when the gap is a space and an opening quote (`' "'`, `' “'`), or a closing quote and a space.
fn quote_gap(g: &str, opening: bool) -> bool {
    let g = g.trim_matches(' ');
    matches!(g, "\"" | "'") || if opening { g == "“" } else { g == "”" }
}

/// `Harold "Buddy" Keene`: a first name, a capitalized nickname in quotes, a capitalized surname.
fn quoted_nicknames(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for i in marks.of(mark::TITLE).filter(|&i| i + 2 < n) {
        let (a, b, c) = (doc.toks[i], doc.toks[i + 1], doc.toks[i + 2]);
        if a.shape != Shape::Title || b.shape != Shape::Title || c.shape != Shape::Title || !doc.is_first(i) {
            continue;
        }
        let (g1, g2) = (doc.gap(i), doc.gap(i + 1));
        if !g1.starts_with(' ') || !quote_gap(g1, true) || !g2.ends_with(' ') || !quote_gap(g2, false) {
            continue;
        }
        if doc.has(i + 2, flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED) || doc.is_common(i + 2) && !doc.is_surname(i + 2) {
            continue;
        }
        push(doc, i, i + 3, 0.8, "a first name, a quoted nickname and a surname (Harold \"Buddy\" Keene)", out);
    }
}

/// `Park Sung-ho`, `Kim Min-jun`: a surname followed by a hyphenated two-part given name (the
/// Korean and some Chinese and Vietnamese forms, family name first).
fn family_name_first(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for i in marks.of(mark::TITLE).filter(|&i| i + 1 < n) {
        let (a, b) = (doc.toks[i], doc.toks[i + 1]);
        if a.shape != Shape::Title || !doc.joined(i) || doc.gap(i) != " " || doc.has(i, flag::FUNC | flag::TRAP | flag::UNIT) {
            continue;
        }
        // the hyphen first, then the surname list
        let w = &doc.text[b.s..b.e];
        let Some((p1, p2)) = w.split_once('-') else { continue };
        if !doc.is_surname(i) {
            continue;
        }
        let first_ok = p1.len() >= 2 && p1.len() <= 5 && p1.starts_with(|c: char| c.is_ascii_uppercase()) && p1[1..].bytes().all(|c| c.is_ascii_lowercase());
        let second_ok = p2.len() >= 2 && p2.len() <= 5 && p2.bytes().all(|c| c.is_ascii_lowercase());
        if !first_ok || !second_ok {
            continue;
        }
        let common = |p: &str| COMMON_WORDS.contains(p.to_ascii_lowercase().as_str());
        // "Follow-up", "Post-op", "Self-care": compounds, not given names
        let prefix = matches!(p1.to_ascii_lowercase().as_str(), "post" | "pre" | "self" | "follow" | "non" | "anti" | "semi" | "co" | "sub" | "over" | "under" | "well" | "check" | "drop" | "walk" | "take" | "set" | "make" | "mid");
        if prefix || p2.len() > 3 && common(p2) || COMMON_WORDS.contains(w.to_ascii_lowercase().as_str()) {
            continue;
        }
        push(doc, i, i + 2, 0.75, "a surname and a hyphenated given name (Park Sung-ho)", out);
    }
}

/// `... my gut. Mason"`: a first name alone closing a quoted letter or message, as its signature.
fn quote_sign_offs(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    for i in marks.of(mark::TITLE) {
        let t = &doc.toks[i];
        // (the quote after it first: it turns away nearly every token before the list lookup)
        let after = &doc.text[t.e..];
        if !after.starts_with(['"', '”']) || t.shape != Shape::Title || !t.sent_start || i == 0 || doc.has(i, flag::FUNC | flag::TRAP | flag::CALENDAR | flag::GREET) || !doc.is_first(i) {
            continue;
        }
        let closes = after[1..].chars().next().is_none_or(|c| c.is_whitespace());
        if closes && doc.gap(i - 1).trim_end().ends_with(['.', '!']) {
            push(doc, i, i + 1, 0.7, "a first name signing off a quoted message", out);
        }
    }
}

/// Hospital departments a staff member is "from" ("iris from pharm", "kim from speech").
static DEPARTMENTS: LazyLock<HashSet<&'static str, FastHash>> = LazyLock::new(|| {
    "pharm pharmacy speech pt ot slp nutrition dietary sw cm chaplaincy pastoral rehab lab radiology ir \
     respiratory rt wound ostomy palliative hospice admitting billing security transport \
     micro microbiology cardiology neurology nephrology oncology hematology endocrine psych psychiatry \
     dialysis blood bank echo cath ekg ecg eeg pathology path gi renal neuro ortho derm"
        .split_whitespace()
        .collect()
});

/// One to three name-like words before "from" + a department: "iris from pharm called",
/// "mary theresa kondouli from speech". The first word must be a listed first name (common word or
/// not: "iris", "will"); the words after it, names or words no dictionary knows.
fn staff_from_department(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for f in marks.of(mark::FROM).filter(|&f| f >= 1 && f + 1 < n) {
        if doc.key(f) != "from" || !doc.joined(f - 1) || !doc.joined(f) || !DEPARTMENTS.contains(&*doc.key(f + 1)) {
            continue;
        }
        let word = |k: usize| {
            let t = doc.toks[k];
            t.e - t.s >= 2 && !doc.has(k, flag::FUNC | flag::UNIT | flag::TRAP | flag::CRED | flag::KIN | flag::ROLE | flag::TITLE | flag::MEDICAL)
        };
        let mut s = f;
        while s > 0 && f - s < 3 && (s == f || doc.joined(s - 1)) && word(s - 1) && (doc.is_name(s - 1) || !doc.is_common(s - 1)) {
            s -= 1;
        }
        // the run must open with a first name
        while s < f && !doc.is_first(s) {
            s += 1;
        }
        if s < f {
            push(doc, s, f, 0.7, "a staff member from a department (___ from pharmacy)", out);
        }
    }
}

/// "social: bob visited", "Social: son bill called": a first name right after a "social:" or
/// "family:" header, followed by a verb of contact.
fn social_callers(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for h in marks.of(mark::SOCIAL).filter(|&h| h + 2 < n) {
        if !key_in!(doc, h, "social", "family", "dispo") || !doc.gap(h).starts_with(':') || doc.gap(h).contains('\n') {
            continue;
        }
        let k = h + 1;
        let t = doc.toks[k];
        if t.e - t.s < 2 || !doc.is_first(k) || doc.has(k, flag::FUNC | flag::UNIT | flag::TRAP | flag::KIN | flag::ROLE | flag::TITLE | flag::MEDICAL) {
            continue;
        }
        if doc.joined(k) && matches!(&*doc.key(k + 1), "called" | "visited" | "phoned" | "came" | "was" | "is" | "in" | "updated" | "spoke" | "here" | "at" | "aware") {
            push(doc, k, k + 1, 0.7, "a first name opening a social note (social: ___ called)", out);
        }
    }
}

/// In a chat transcript, a lone given name typed in lowercase with no title or kinship word,
/// found by the slot of a message about a person: "tell ___ to", "ask ___ and ___ too", "did ___
/// give report", "is ___ still". The word must be a listed first name that is no English word, a
/// word no list holds, or a month or weekday abbreviation that is also a given name ("jun").
fn chat_mentions(doc: &Doc<'_>, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    let name_like = |k: usize| {
        let t = doc.toks[k];
        t.e - t.s >= 3 && (doc.mode != CaseMode::Mixed || t.shape != Shape::Upper)
            && (doc.is_first(k) && !doc.is_common(k) && !doc.has(k, NEVER | flag::TRAP) || unlisted_word(doc, k) || calendar_given_name(doc, k))
    };
    for (i, t) in doc.toks.iter().enumerate() {
        // "also @vy remind them": a mention too short for a handle elsewhere
        if t.e - t.s == 2 && t.s > 0 && doc.text.as_bytes()[t.s - 1] == b'@' && (t.s == 1 || doc.text.as_bytes()[t.s - 2].is_ascii_whitespace()) && doc.word(i).bytes().all(|c| c.is_ascii_alphabetic()) {
            out.push(Span::new(t.s - 1, t.e, Category::Name, 0.6, NAME, "a person mentioned in a chat (@___)"));
        }
    }
    for i in 1..n.saturating_sub(1) {
        // cheap test first: the verb or auxiliary before the slot
        // "seo in 11 is spiking", "thats kyriaki in 14": a patient by the bed or room they are in;
        // "suresh's pts", "seos wife": the owner of a patient or a relative
        let bed = key_in!(doc, i + 1, "in") && doc.text.as_bytes()[doc.toks[i + 1].e..].starts_with(b" ") && doc.text.as_bytes().get(doc.toks[i + 1].e + 1).is_some_and(u8::is_ascii_digit);
        let owner = key_in!(doc, i + 1, "pts", "pt", "patient", "wife", "husband", "mom", "dad", "son", "daughter", "kids", "room", "family") && doc.word(i).ends_with("'s");
        if (bed || owner) && doc.joined(i) && name_like(i) {
            push(doc, i, i + 1, 0.6, "a given name in a chat message about a person (___ in 11, ___'s pts)", out);
            continue;
        }
        if !key_in!(doc, i - 1, "tell", "ask", "told", "asked", "remind", "text", "let", "did", "does", "is", "was", "has", "will", "can", "could", "bring") || !doc.joined(i - 1) || !doc.joined(i) {
            continue;
        }
        let ask = key_in!(doc, i - 1, "tell", "ask", "told", "asked", "remind", "text", "let", "bring");
        let next_ok = |k: usize| key_in!(doc, k, "to", "and", "still", "give", "gave", "bring", "know", "say", "come", "get", "take", "check", "call", "text", "send", "with", "here", "back")
            || ask && key_in!(doc, k, "too", "if", "about", "he", "she", "we", "i");
        if !next_ok(i + 1) || !name_like(i) {
            continue;
        }
        push(doc, i, i + 1, 0.6, "a given name in a chat message about a person (tell ___ to, did ___ give)", out);
        // "ask meron and tendai too"
        if key_in!(doc, i + 1, "and") && i + 2 < n && doc.joined(i + 1) && name_like(i + 2) {
            let closes = i + 3 >= n || !doc.joined(i + 2) || next_ok(i + 3);
            if closes {
                push(doc, i + 2, i + 3, 0.6, "a given name in a chat message about a person (tell ___ to, did ___ give)", out);
            }
        }
    }
}

/// The chat speaker labels of a whole text ([`chat_labels`]' "name: " at a line's start, after
/// an optional kinship title), folded, with the number of lines each opens: for a text read in
/// blocks of different case. Cheap: only each line's first bytes are looked at.
pub(super) fn chat_label_counts(text: &str) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut buf = String::new();
    for line in text.split('\n') {
        let line = line.trim_start_matches([' ', '\t']);
        let Some(c) = line.get(..line.len().min(24)).and_then(|h| h.find(": ")) else { continue };
        let head = &line[..c];
        let mut words = head.split(' ');
        let (a, b) = (words.next().unwrap_or(""), words.next());
        let word = match b {
            None => a,
            Some(b) if words.next().is_none() && CHAT_KIN_TITLES.contains(&a.to_lowercase().as_str()) => b,
            _ => continue,
        };
        if word.chars().count() < 2 || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        super::dictionaries::fold_into(word, &mut buf);
        match counts.iter_mut().find(|(k, _)| *k == buf) {
            Some(e) => e.1 += 1,
            None => counts.push((buf.clone(), 1)),
        }
    }
    if counts.iter().filter(|e| e.1 >= 2).count() < 2 {
        counts.clear();
    }
    counts
}

/// Kinship titles of address that open a chat speaker's label in many families' languages
/// ("tita", "kuya" in Tagalog, "didi" in Hindi, "tía" in Spanish).
const CHAT_KIN_TITLES: &[&str] = &["tita", "tito", "ate", "kuya", "lola", "lolo", "manang", "manong", "ninang", "ninong", "tia", "tio", "auntie", "aunty", "aunt", "uncle", "tante", "oma", "opa", "nana", "didi", "bhaiya", "bhai", "dada", "dadi", "nani", "abuela", "abuelo", "cousin", "cuz", "sis", "bro", "grandma", "grandpa", "nonna", "nonno", "baba", "mama", "papa", "abla", "abi", "teta", "amu", "mami", "ammi", "abbu", "bibi", "dayi", "khala", "khalti", "amma", "appa", "chacha", "chachi"];

/// "[6:52 PM] jess: who has 9?": the speaker of a chat line, after a time stamp in brackets.
/// A chat transcript pasted as lines of "speaker: message" ("hodan: did u talk to the doctor",
/// "ayan: yea"): when two or more labels open two lines each, every label that is a name (a word
/// no list holds, or a listed first name; never a heading such as "Plan:" or "Neuro:", a kinship
/// word such as "mom:", or "me:") is the speaker's name.
fn chat_labels(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) -> bool {
    // only spaces or tabs between the line's start and the word (a bounded look back)
    let line_start = |k: usize| doc.text.as_bytes()[..doc.toks[k].s].iter().rev().take_while(|&&b| b != b'\n').all(|&b| b == b' ' || b == b'\t');
    // "tita baby: any update", "ate cha: omw": a kinship title of address, then the name
    let titled = |i: usize| i > 0 && doc.gap(i - 1) == " " && CHAT_KIN_TITLES.contains(&&*doc.key(i - 1)) && line_start(i - 1);
    let labels: Vec<usize> = marks
        .of(mark::COLON_AFTER)
        .filter(|&i| {
            let t = doc.toks[i];
            doc.text[t.e..].starts_with(": ") && t.e - t.s >= 2 && (line_start(i) || titled(i))
        })
        .collect();
    let mut counts: std::collections::HashMap<_, usize, FastHash> = std::collections::HashMap::default();
    match &doc.chat_labels {
        Some(whole) => counts.extend(whole.iter().map(|(k, c)| (std::borrow::Cow::Borrowed(k.as_str()), *c))),
        None => {
            for &i in &labels {
                *counts.entry(doc.key(i)).or_default() += 1;
            }
        }
    }
    let speakers: Vec<usize> = labels.iter().copied().filter(|&i| counts.get(&doc.key(i)).is_some_and(|&c| c >= 2)).collect();
    let distinct = counts.values().filter(|&&c| c >= 2).count();
    if distinct < 2 {
        return false;
    }
    let bad = flag::FUNC | flag::MEDICAL | flag::UNIT | flag::KIN | flag::ROLE | flag::CRED | flag::TITLE | flag::TRAP | flag::GREET | flag::CALENDAR;
    // after a title of address even a word ("tita baby:") is the speaker's name
    let is_speaker = |i: usize| {
        let named = titled(i) && !doc.has(i, flag::FUNC | flag::MEDICAL | flag::UNIT | flag::CRED | flag::TRAP | flag::CALENDAR);
        (named || !doc.has(i, bad) && (doc.is_first(i) || !doc.is_common(i))) && doc.word(i).chars().all(char::is_alphabetic)
    };
    let mut named_speaker = false;
    for &i in &speakers {
        if is_speaker(i) {
            push(doc, i, i + 1, 0.7, "the speaker of a chat message (___: ...)", out);
            named_speaker = true;
        }
    }
    // "jun: omg finally" beside "mei: yeah": a month or weekday abbreviation that is also a given
    // name, as a label, where other labels are names (a schedule's "Mon:"/"Tue:" has none)
    if named_speaker {
        for &i in &speakers {
            if doc.toks[i].shape != Shape::Upper && calendar_given_name(doc, i) && !doc.has(i, flag::FUNC | flag::MEDICAL | flag::UNIT) {
                push(doc, i, i + 1, 0.65, "a given name shaped like a month as the speaker of a chat message (jun: ...)", out);
            }
        }
    }
    true
}

fn chat_speakers(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) -> bool {
    let mut any = false;
    for i in marks.of(mark::COLON_AFTER) {
        let t = &doc.toks[i];
        let before = &doc.text[..t.s];
        if !before.ends_with("] ") || !doc.text[t.e..].starts_with(':') || t.e - t.s < 2 || doc.has(i, flag::FUNC | flag::MEDICAL) {
            continue;
        }
        let open = before.rfind('[').unwrap_or(0);
        if before[open..].bytes().any(|b| b.is_ascii_digit()) && before[open..].contains(':') {
            out.push(Span::new(t.s, t.e, Category::Name, 0.7, NAME, "the speaker of a chat message"));
            any = true;
        }
    }
    any | chat_handles(doc.text, out)
}

/// "[02:15] ciaran.rn: yep", "[02:19] tuulikki_: lol": a chat speaker's user name with dots,
/// underscores, hyphens or digits (one token or several), between a time stamp in brackets at a
/// line's start and a colon.
fn chat_handles(text: &str, out: &mut Vec<Span>) -> bool {
    if !text.contains("] ") {
        return false;
    }
    let mut any = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim_start_matches([' ', '\t']);
        let Some(stamp) = trimmed.strip_prefix('[') else { continue };
        let Some(close) = stamp.find("] ") else { continue };
        if close > 24 || !stamp[..close].contains(':') || !stamp[..close].bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let label = &stamp[close + 2..];
        let Some(colon) = label.find(':') else { continue };
        let handle = &label[..colon];
        let handle_chars = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '-');
        let marked = handle.contains(['.', '_', '-']) || handle.bytes().any(|b| b.is_ascii_digit());
        if !marked || !(2..=32).contains(&handle.len()) || !handle.chars().all(handle_chars) || !handle.starts_with(char::is_alphabetic) {
            continue;
        }
        let s = start + (line.len() - trimmed.len()) + 1 + close + 2;
        out.push(Span::new(s, s + handle.len(), Category::Name, 0.7, NAME, "the user name of a chat message's speaker"));
        any = true;
    }
    any
}

fn credential_shaped(doc: &Doc<'_>, i: usize) -> bool {
    let t = doc.toks[i];
    if doc.mode == CaseMode::Mixed && t.shape != Shape::Upper && t.shape != Shape::Title {
        return false;
    }
    // followed by the end of a line, text or sentence
    let mut rest = &doc.text[t.e..];
    // "OTR/L", "COTA/L", "PT/DPT": a credential with a slash
    if let Some(r) = rest.strip_prefix('/') {
        rest = r.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    }
    let rest = rest.trim_start_matches([' ', '\t', '.', ',']);
    // "___ W. RRT  PAGER 4-1187": a pager or extension closes the signature
    let ci = |p: &str| rest.as_bytes().get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()));
    let contact = ["pager", "pgr", "beeper", "ext"].iter().any(|p| ci(p) && !rest[p.len()..].starts_with(|c: char| c.is_ascii_alphabetic()));
    rest.is_empty() || contact || rest.starts_with(['\n', '\r', ';', '(', '-'])
        || doc.toks.get(i + 1).is_some_and(|n| n.sent_start)
}

/// True when the credential at `i` follows one name-shaped word ([`signature_part`], no common
/// word) that "by", "per" or the start of a line opens, and the sentence goes on after it (where
/// [`credential_shaped`] wants a line's or a sentence's end): "Given by Pornthip RN to Tsosie RN",
/// "YILMAZ NP IN @ 0500".
fn credential_mid_sentence(doc: &Doc<'_>, i: usize) -> bool {
    let t = doc.toks[i];
    if i > 0 && comma_physician(doc, i) && !credential_shaped(doc, i) {
        return true;
    }
    if i == 0 || credential_shaped(doc, i) || !(t.shape == Shape::Upper || doc.mode != CaseMode::Mixed) || !doc.joined(i - 1) || !signature_part(doc, i - 1) || doc.is_common(i - 1) || doc.is_initial(i - 1) {
        return false;
    }
    let opened = i == 1 || doc.gap(i - 2).contains('\n') || doc.gap(i - 2) == " " && key_in!(doc, i - 2, "by", "per");
    opened && i + 1 < doc.toks.len() && doc.joined(i) && doc.has(i + 1, flag::FUNC | flag::PREP | flag::AT_FROM | flag::WITH | flag::NOTE_VERB)
}

/// "Ramaswamy, MD from the nursing home called": a capitalized word no dictionary of common
/// words knows, a comma and a physician's degree in capitals, in text with case (without case,
/// see below).
fn comma_physician(doc: &Doc<'_>, i: usize) -> bool {
    let p = doc.toks[i - 1];
    // "CHECK WITH PARK, NP, RE LINE": in a note without case, a listed surname after a word of
    // contact, a comma and a clinician's credential
    if doc.mode != CaseMode::Mixed {
        return i >= 2 && key_in!(doc, i, "md", "np", "rn", "pa", "dds") && doc.gap(i - 1) == ", " && p.e - p.s >= 3 && doc.is_surname(i - 1)
            && !doc.has(i - 1, flag::FUNC | flag::TRAP | flag::MEDICAL | flag::CALENDAR | flag::STATE | flag::ORG_HEAD | flag::UNIT | flag::CRED)
            && doc.joined(i - 2) && key_in!(doc, i - 2, "with", "per", "call", "called", "page", "paged", "notified") && !followed_by_number(doc, i);
    }
    doc.toks[i].shape == Shape::Upper && key_in!(doc, i, "md", "do", "dds", "phd")
        && doc.gap(i - 1) == ", " && p.shape == Shape::Title && p.e - p.s >= 3
        && !doc.is_common(i - 1) && signature_part(doc, i - 1)
        && !doc.has(i - 1, flag::FUNC | flag::TRAP | flag::MEDICAL | flag::CALENDAR | flag::STATE | flag::ORG_HEAD | flag::UNIT)
        // "Maria Ramaswamy, MD": a name of two words is the signature rule's
        && !(i >= 2 && doc.joined(i - 2) && doc.toks[i - 2].is_cap())
}

fn signature_link(doc: &Doc<'_>, k: usize) -> bool {
    let g = doc.gap(k);
    let g = g.trim_matches(' ');
    g.is_empty() || g == "," || (g == "." && doc.is_initial(k))
}

fn signature_part(doc: &Doc<'_>, k: usize) -> bool {
    if doc.is_initial(k) {
        // "F/U. ___ W. RRT": a letter of slashed shorthand is no initial
        return !(k > 0 && doc.gap(k - 1) == "/");
    }
    let t = doc.toks[k];
    let shorthand_surname = doc.has(k, flag::MEDICAL) && t.shape == Shape::Title && !doc.has(k, flag::UNIT | flag::CRED) && doc.is_surname(k);
    if doc.has(k, flag::FUNC | flag::UNIT | flag::CRED | flag::TRAP | flag::ORG_HEAD) && !shorthand_surname || t.e - t.s < 2 {
        return false;
    }
    match doc.mode {
        CaseMode::Mixed => t.is_cap() && (!doc.is_common(k) || doc.is_name(k)),
        _ => doc.is_name(k) || (!doc.is_common(k) && t.e - t.s >= 3),
    }
}

/// Rules 5 and 6: a name found from the lists and the shape of the words.
fn dictionary_name(doc: &Doc<'_>, i: usize) -> Option<(usize, f32, &'static str)> {
    let t = doc.toks[i];
    let n = doc.toks.len();
    // "Jun Wu": a month abbreviation before a capitalized surname is a given name
    let calendar_name = doc.mode == CaseMode::Mixed && doc.has(i, flag::CALENDAR) && t.shape == Shape::Title && i + 1 < n && doc.joined(i)
        && doc.toks[i + 1].shape == Shape::Title && !doc.has(i + 1, flag::CALENDAR | flag::FUNC) && doc.is_surname(i + 1) && !followed_by_number(doc, i + 1);
    if calendar_name {
        return Some((extend(doc, i + 1), 0.6, "a given name and a surname"));
    }
    // (in text with case only a capitalized word goes on: the cheap test first)
    if doc.mode == CaseMode::Mixed && t.shape != Shape::Title {
        return None;
    }
    if t.e - t.s < 2 || doc.has(i, flag::FUNC | flag::TRAP | flag::NOT_NAME | flag::UNIT | flag::CRED | flag::ORG_HEAD | flag::STATE | flag::PLACE_SUFFIX | flag::STREET | flag::PARTICLE | flag::SAINT | flag::PLACE_PREFIX) {
        return None;
    }
    // a trap word after it ("Foley catheter", "Bell's palsy"), but not a lowercase function word
    // that is also an initialism ("Maria who noticed": "who" is not the WHO)
    let trap_next = i + 1 < n && doc.joined(i) && doc.has(i + 1, flag::TRAP) && !doc.has(i + 1, flag::CALENDAR | flag::MEDICAL)
        && !(doc.has(i + 1, flag::FUNC) && doc.toks[i + 1].shape == Shape::Lower);
    if i + 1 < n && doc.has(i + 1, flag::EPONYM_HEAD) || trap_next {
        return None;
    }
    if followed_by_number(doc, i) {
        return None;
    }
    match doc.mode {
        CaseMode::Mixed => {
            if t.shape != Shape::Title {
                return None;
            }
            if t.e - t.s < 2 {
                return None;
            }
            let next_title = i + 1 < n && doc.joined(i) && doc.toks[i + 1].shape == Shape::Title;
            let hyphen_name = doc.is_hyphen_name(i);
            let first = doc.is_first(i) || hyphen_name;
            // at the start of a sentence only a listed first name or a pair can be a name
            if t.sent_start && !first && !next_title {
                return None;
            }
            let common = doc.is_common(i) && !hyphen_name;
            let two_ok = t.e - t.s >= 3 || (!t.sent_start && doc.text[t.e..].starts_with([' ', ',', '.', ';', ')']));
            if first && !common && two_ok {
                let end = extend(doc, i);
                return Some((end, 0.75, "a first name"));
            }
            let sur = !first && doc.is_surname(i);
            if sur && !common && !t.sent_start && t.e - t.s >= 4 {
                let end = extend(doc, i);
                return Some((end, 0.65, "a surname"));
            }
            // a common word that is also a name ("Grace Park", "Bill Strong"), or a name no
            // list holds followed by a listed one: two capitalized words, mid-sentence (or at
            // the start of a sentence when the second word is no common word: "Faith Adaeze")
            let long_pair = i + 1 < n && t.e - t.s >= 4 && doc.toks[i + 1].e - doc.toks[i + 1].s >= 4 && !common && !doc.is_common(i + 1);
            let start_ok = !t.sent_start || long_pair || (i + 1 < n && (first && doc.is_surname(i + 1) || !doc.is_common(i + 1) && (first || !common && doc.is_surname(i + 1))));
            // "Xiulan Sun", "Ngoc Mon": a given name no list holds and a surname that is also a
            // month or weekday abbreviation (and no date: no number, period or comma after it)
            let calendar_surname = i + 1 < n && !common && t.e - t.s >= 4 && !doc.has(i, flag::CALENDAR) && super::structure::calendar_surname(doc, i + 1);
            if i + 1 < n && doc.joined(i) && calendar_surname {
                return Some((extend(doc, i + 1).max(i + 2), 0.6, "a given name and a surname"));
            }
            if i + 1 < n && doc.joined(i) && doc.toks[i + 1].shape == Shape::Title && start_ok
                && (!doc.has(i + 1, flag::FUNC | flag::TRAP | flag::UNIT | flag::ORG_HEAD | flag::PLACE_SUFFIX | flag::STREET | flag::STATE | flag::CRED)
                    || doc.has(i + 1, flag::MEDICAL) && !doc.has(i + 1, flag::UNIT | flag::CRED) && doc.is_surname(i + 1))
                && (i + 2 >= n || !doc.has(i + 2, flag::ORG_HEAD | flag::PLACE_SUFFIX | flag::STREET))
            {
                let (a_name, b_name) = (first || sur || doc.is_name(i), doc.is_name(i + 1));
                let b_common = doc.is_common(i + 1);
                let both_common = common && b_common;
                // two capitalized words no list or dictionary holds, mid-sentence ("Funmilayo
                // Oyelaran"), unless a place or organization word follows
                let unknown_pair = (!t.sent_start || t.e - t.s >= 4 && doc.toks[i + 1].e - doc.toks[i + 1].s >= 4) && !common && !b_common && !a_name && !b_name && t.e - t.s >= 3
                    && doc.toks[i + 1].e - doc.toks[i + 1].s >= 3 && !doc.has(i + 1, flag::NOT_NAME | flag::PLACE_PREFIX)
                    && !(i > 0 && doc.has(i - 1, flag::PREP | flag::AT_FROM));
                if (a_name && b_name && (!both_common || first && doc.is_surname(i + 1))) || (a_name && !b_common) || (!common && b_name && !b_common) || unknown_pair {
                    let end = extend(doc, i + 1);
                    return Some((end, 0.6, "capitalized words shaped like a name"));
                }
            }
            // a listed first name that is also a common word ("Bill", "Grace"), capitalized in
            // the middle of sentences at least twice: a proper noun here
            if first && common && !doc.has(i, flag::FUNC) && repeated_mid_sentence(doc, i) {
                return Some((extend(doc, i), 0.55, "a first name used as a proper noun throughout the text"));
            }
            None
        }
        _ => {
            // without case: a first name followed by a listed surname, neither a common word
            if i + 1 < n && doc.joined(i) && t.e - t.s >= 3 && doc.toks[i + 1].e - doc.toks[i + 1].s >= 3
                && !doc.has(i + 1, flag::FUNC | flag::TRAP | flag::UNIT | flag::CRED | flag::ORG_HEAD | flag::STATE)
                && doc.is_first(i) && doc.is_surname(i + 1) && !doc.is_common(i + 1)
                // "pat rixford": a first name that is also a word, before a long surname that is no first name
                && (!doc.is_common(i) || doc.toks[i + 1].e - doc.toks[i + 1].s >= 6 && !doc.is_first(i + 1) && !doc.has(i, flag::MEDICAL | flag::CALENDAR))
            {
                let end = extend(doc, i + 1);
                return Some((end, 0.6, "a first name and a surname"));
            }
            None
        }
    }
}

/// True when the word of token `i` appears capitalized mid-sentence at least twice in the text
/// and never in lowercase.
fn repeated_mid_sentence(doc: &Doc<'_>, i: usize) -> bool {
    let w = doc.word(i);
    let (mut mid, mut lower) = (0, 0);
    for (k, t) in doc.toks.iter().enumerate() {
        if t.e - t.s != w.len() || !doc.word(k).eq_ignore_ascii_case(w) || followed_by_number(doc, k) {
            continue;
        }
        match t.shape {
            Shape::Title if !t.sent_start => mid += 1,
            Shape::Lower => lower += 1,
            _ => {}
        }
    }
    mid >= 3 || (mid >= 2 && lower == 0)
}

/// True when the initial at `i` starts a name rather than ends an abbreviation ("N/V. Abd"): it
/// stands on its own after a space, a bracket or the start of a line.
fn initial_opens(doc: &Doc<'_>, i: usize) -> bool {
    let s = doc.toks[i].s;
    match doc.text[..s].chars().next_back() {
        None => true,
        Some(c) => c == ' ' || c == '(' || c == '\n' || c == '\t' || c == '"',
    }
}

/// True when a cue word or sign stands right before token `i` ("per", "to", "by", "->").
fn cue_before(doc: &Doc<'_>, i: usize) -> bool {
    if i > 0 && matches!(&*doc.key(i - 1), "per" | "to" | "by" | "with" | "and" | "from" | "called" | "paged" | "notified" | "dr" | "drs") {
        return true;
    }
    let before = doc.text[..doc.toks[i].s].trim_end();
    before.ends_with(['(', '>', '-', ':']) || before.is_empty()
}

/// "o'brien", "D'Souza", "O'CONNOR": a surname with an O' or D' prefix (the lists hold them
/// without the apostrophe, or not at all).
fn apostrophe_surname(doc: &Doc<'_>, i: usize) -> bool {
    let k = doc.key(i);
    let Some(rest) = k.strip_prefix("o'").or_else(|| k.strip_prefix("d'")) else { return false };
    rest.len() >= 3 && rest.bytes().all(|c| c.is_ascii_alphabetic()) && (SURNAMES.contains(&k.replace('\'', "")) || SURNAMES.contains(rest) || !COMMON_WORDS.contains(rest))
}

/// True when the name at `i` is followed by a verb of notes ("CAROL ORDERED", "Carol aware").
fn name_then_verb(doc: &Doc<'_>, i: usize) -> bool {
    let rest = doc.text[doc.toks[i].e..].trim_start_matches(' ');
    rest.starts_with(['.', ',', ';', ')']) || i + 1 < doc.toks.len() && doc.joined(i) && matches!(&*doc.key(i + 1), "aware" | "made" | "ordered" | "notified" | "updated" | "called" | "paged" | "said" | "states" | "in" | "at" | "here")
}

/// "Bill 1142", "Room 5": a word followed by a number is a label, not a person.
pub(super) fn followed_by_number(doc: &Doc<'_>, k: usize) -> bool {
    let rest = &doc.text.as_bytes()[doc.toks[k].e..];
    rest.len() >= 2 && rest[0] == b' ' && rest[1].is_ascii_digit()
}

/// True when token `k` is followed by a space and a 24-hour clock time of four digits ("0200",
/// "2330") that ends there: what a note writes after the name of whoever did something.
fn followed_by_clock_time(doc: &Doc<'_>, k: usize) -> bool {
    let rest = &doc.text.as_bytes()[doc.toks[k].e..];
    // (a period after it ends the sentence, unless a digit follows: "0940." but not "1000.5")
    let four = rest.len() >= 5 && rest[0] == b' ' && rest[1..5].iter().all(u8::is_ascii_digit)
        && !rest.get(5).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'-' | b'%') || *c == b'.' && rest.get(6).is_some_and(u8::is_ascii_digit));
    four && (rest[1] - b'0') * 10 + (rest[2] - b'0') < 24 && rest[3] < b'6'
}

/// Affixes of hashtags about a person ("#TeamSahra", "#SahraStrong", "#Pray4Sahra", "#DoñaChayo").
const HASHTAG_PREFIXES: &[&str] = &["team", "prayersfor", "prayers4", "prayingfor", "praying4", "prayfor", "pray4", "justicefor", "justice4", "lovefor", "love4", "for", "love", "rip", "go", "doña", "dona", "don", "tia", "tio", "auntie", "aunty", "uncle", "nana", "abuela", "abuelo", "mama", "papa", "baba", "ibu", "bapak", "tita", "tito", "lola", "lolo", "kuya", "khun", "nonna", "nonno", "teta"];
const HASHTAG_SUFFIXES: &[&str] = &["strong", "strength", "warrior", "warriors", "army", "nation", "forever", "fighter", "didi", "ji", "bhai", "love"];

/// A name inside a hashtag: the hashtag split around a known affix ("#TeamSahra", "#SahraStrong",
/// "#Pray4Sahra", "#kalanistrong", "#KamalaDidi"), the remainder a listed first name or surname
/// that is no English word, or, typed with its own capital in camel case, a word no list holds.
fn hashtags(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    // the name in a hashtag opens with a letter (an affix, or the name itself): only a '#' right
    // before a token can hold one
    for k in marks.of(mark::HASH_BEFORE) {
        let at = doc.toks[k].s - 1;
        if at > 0 && doc.text[..at].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let body_len: usize = doc.text[at + 1..].chars().take_while(|c| c.is_alphanumeric()).map(char::len_utf8).sum();
        if body_len < 5 {
            continue;
        }
        let body = &doc.text[at + 1..at + 1 + body_len];
        let lower = body.to_lowercase();
        if lower.len() != body.len() {
            continue;
        }
        let (mut a, mut b) = (0, body.len());
        if let Some(pre) = HASHTAG_PREFIXES.iter().find(|p| lower.starts_with(*p) && lower.len() > p.len() + 2) {
            a = pre.len();
        }
        if let Some(suf) = HASHTAG_SUFFIXES.iter().find(|s| lower.ends_with(*s) && lower.len() > s.len() + 2 + a) {
            b = body.len() - suf.len();
        }
        if a == 0 && b == body.len() {
            // "#Mirela100days", "#AnnikaForever": a listed name joined to a number or to a second
            // capitalized word ("#AdaliaEterna"), with no known affix
            let mut prev_lower = false;
            let cut = body.char_indices().find(|&(k, c)| {
                let hit = k >= 3 && (c.is_ascii_digit() || c.is_uppercase() && prev_lower && body.starts_with(char::is_uppercase));
                prev_lower = c.is_lowercase();
                hit
            }).map_or(0, |(k, _)| k);
            let mut folded = String::new();
            super::dictionaries::fold_into(&lower[..cut], &mut folded);
            let key = folded.as_str();
            // "#RosalindTurns90": a capitalized word before a milestone verb and a number, even one
            // no list holds
            let milestone = cut > 0 && ["Turns", "Hits", "At"].iter().any(|v| body[cut..].strip_prefix(v).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())));
            if cut == 0 || !(FIRST_NAMES.contains(key) || SURNAMES.contains(key) || milestone) || COMMON_WORDS.contains(key)
                || super::word_flags(key) & (flag::FUNC | flag::TRAP | flag::UNIT | flag::CALENDAR | flag::NOT_NAME | flag::STATE) != 0
            {
                continue;
            }
            b = cut;
        }
        if !body.is_char_boundary(a) || !body.is_char_boundary(b) {
            continue;
        }
        let rest = &body[a..b];
        let key = &lower[a..b];
        let camel = rest.starts_with(|c: char| c.is_uppercase()) && rest.chars().skip(1).all(char::is_lowercase) && (a > 0 || body[b..].starts_with(|c: char| c.is_uppercase()));
        let listed = (FIRST_NAMES.contains(key) || SURNAMES.contains(key)) && !COMMON_WORDS.contains(key);
        let word_ok = rest.chars().all(char::is_alphabetic) && rest.chars().count() >= 3 && super::word_flags(key) & (flag::FUNC | flag::TRAP | flag::UNIT | flag::CALENDAR | flag::NOT_NAME | flag::STATE) == 0;
        if word_ok && (listed || camel && !COMMON_WORDS.contains(key)) {
            let s = at + 1 + a;
            out.push(Span::new(s, s + rest.len(), Category::Name, 0.7, NAME, "a name inside a hashtag (#Team___, #___Strong)"));
            // and the whole hashtag, whose other words point to the person too ("#TanabeStrong");
            // the name alone is what the other mentions are looked for by
            if rest.len() < body_len {
                out.push(Span::new(at + 1, at + 1 + body_len, Category::Name, 0.7, NAME, "a name inside a hashtag (#Team___, #___Strong)"));
            }
        }
    }
}

/// "S: Jang, 62 M", "Rm 22: Gonçalves, 45 F", "PT HARJO, WILSON (00928374)": a patient labelled
/// surname first, a capitalized word then a comma and an age and sex, or a listed given name
/// and a bracketed number.
fn surname_first_labels(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let n = doc.toks.len();
    for i in marks.of(mark::COMMA_AFTER) {
        let t = doc.toks[i];
        // "McKENZIE" is a capital word too
        let capital = t.is_cap() || t.shape == Shape::Other && doc.word(i).starts_with(|c: char| c.is_uppercase()) && doc.word(i).chars().all(char::is_alphabetic);
        if !capital || t.e - t.s < 2 || !doc.text[t.e..].starts_with(", ") || doc.has(i, NEVER | flag::TRAP | flag::GREET) {
            continue;
        }
        let rest = &doc.text[t.e + 2..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) {
            // an age and a sex: "62 M", "45 F", "62M", "62 yo", "45 y/o"
            let after = rest[digits..].trim_start_matches(' ');
            let sex = after.strip_prefix(['M', 'F', 'm', 'f']).is_some_and(|r| r.is_empty() || r.starts_with([' ', ',', '.', ';', '\n']))
                || ["yo ", "y/o", "yo,", "y.o", "yr", "year"].iter().any(|p| after.starts_with(p));
            if sex && (doc.mode == CaseMode::Mixed && t.shape == Shape::Title && (!doc.is_common(i) || doc.is_surname(i)) || doc.mode != CaseMode::Mixed && !doc.is_common(i)) {
                push(doc, i, i + 1, 0.7, "a patient labelled surname first, then age and sex (___, 62 M)", out);
            }
            continue;
        }
        // "HARJO, WILSON (00928374)": a surname, a listed given name and a bracketed number, after "pt"
        let j = i + 1;
        if j < n && i > 0 && matches!(&*doc.key(i - 1), "pt" | "patient" | "name") && doc.toks[j].is_cap() && doc.is_first(j) && !doc.has(j, NEVER | flag::TRAP)
            && (!doc.is_common(i) || doc.is_surname(i)) && doc.text[doc.toks[j].e..].trim_start_matches(' ').starts_with('(')
        {
            push(doc, i, j + 1, 0.7, "a patient labelled surname first (PT ___, ___ (number))", out);
            continue;
        }
        // a particle opening the surname ("Pt: DELA CRUZ, ROSALINDA")
        let particle = |k: usize| doc.has(k, flag::PARTICLE) || key_in!(doc, k, "dela", "delos", "delas");
        let first = if i > 1 && doc.gap(i - 1) == " " && particle(i - 1) && doc.toks[i - 1].is_cap() { i - 1 } else { i };
        // "Patient: Yıldırım, Mehmet   MRN:", "Pt: Nascimento, João Pedro  DOB", "Student: Lee, Jun":
        // a label, the surname, a comma and the given names, then the next field or the line's end
        let labelled = first > 0 && key_in!(doc, first - 1, "pt", "patient", "name", "resident", "client", "student", "inmate") && doc.gap(first - 1).trim() == ":";
        // after a label a month or weekday word is a given name too ("Lee, Jun", "Ortiz, April")
        let never = if labelled { NEVER & !flag::CALENDAR } else { NEVER | flag::TRAP };
        if j < n && doc.toks[j].s == t.e + 2 && doc.toks[j].is_cap() && !doc.has(j, never | flag::GREET) && (!doc.is_common(i) || doc.is_surname(i)) {
            // a second given name ("Nascimento, João Pedro")
            let mut end = j + 1;
            if end < n && doc.gap(j) == " " && doc.toks[end].is_cap() && (doc.is_first(end) || unknown_word(doc, end, 3)) && !doc.has(end, NEVER | flag::TRAP) {
                end += 1;
            }
            let given = doc.is_first(j) || unknown_word(doc, j, 3) || labelled && doc.has(j, flag::CALENDAR);
            // a middle initial ("ROSALINDA M.")
            if end < n && doc.gap(end - 1) == " " && doc.toks[end].shape == Shape::Initial && doc.text[doc.toks[end].e..].starts_with('.') {
                end += 1;
            }
            let after = &doc.text[doc.toks[end - 1].e..];
            let after = if end > j + 1 && doc.toks[end - 1].shape == Shape::Initial { &after[1..] } else { after };
            // "Pt: Gonçalves, João Pedro Rm 5N-522": the next field's label after one space
            let field_next = end < n && after.starts_with(' ') && doc.gap(end - 1) == " "
                && key_in!(doc, end, "rm", "room", "bed", "mrn", "dob", "age", "sex", "wt", "unit", "acct", "loc", "dos", "adm", "admit", "attd", "attg");
            let line_ends = after.is_empty() || after.starts_with('\n') || after.starts_with("  ") || after.starts_with(" (") || field_next;
            let line_starts = doc.text[..t.s].ends_with('\n') || t.s == 0;
            // "McKENZIE, DELROY" alone on a line under a note's heading
            let own_line = line_starts && (doc.is_first(j) || doc.is_surname(i) && unknown_word(doc, j, 3)) && !doc.is_common(j);
            if given && line_ends && (labelled || own_line) {
                push(doc, first, end, 0.7, "a patient written surname first, on a label's line (Patient: ___, ___)", out);
                continue;
            }
        }
        // "(GURUNG, BED 4)": a note's heading naming the patient by surname and bed
        if i > 0 && doc.text[..t.s].ends_with('(') && j < n && doc.toks[j].s == t.e + 2 && key_in!(doc, j, "bed", "rm", "room", "bay") && !doc.is_common(i)
            && doc.text[doc.toks[j].e..].trim_start_matches([' ', '#']).starts_with(|c: char| c.is_ascii_digit())
        {
            push(doc, i, i + 1, 0.7, "a patient named by surname before a bed number ((___, BED 4))", out);
        }
    }
}

/// "Liu Meifang, 67, admitted", "Tomasz Wierzbicki, 81.": two capitalized words that no
/// dictionary of common words knows, one of them a listed first name or surname, then a comma
/// and an age (one to three digits closed by a comma, a period or a bracket), in text with case.
fn name_then_age(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    for i in marks.of(mark::COMMA_AFTER).filter(|&i| i >= 1) {
        let t = doc.toks[i];
        let rest = &doc.text[t.e..];
        let Some(rest) = rest.strip_prefix(", ") else { continue };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) || !rest[digits..].starts_with([',', '.', ')', ';']) || rest.as_bytes().get(digits + 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let p = i - 1;
        let word = |k: usize| doc.toks[k].shape == Shape::Title && doc.toks[k].e - doc.toks[k].s >= 2 && !doc.is_common(k) && !doc.has(k, NEVER | flag::TRAP | flag::GREET);
        if !doc.joined(p) || !word(p) || !word(i) || !(doc.is_name(p) || doc.is_name(i)) {
            continue;
        }
        push(doc, p, i + 1, 0.7, "a name of two words before an age in commas (___ ___, 67,)", out);
    }
}

/// "His Ate Marivic flew in", "our Kuya Jun": a possessive, a capitalized kinship title of
/// another language (even one that is an English word, as "Ate" is) and a capitalized name that
/// no dictionary of common words knows, in text with case.
fn possessive_kin_titles(doc: &Doc<'_>, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in 0..n.saturating_sub(2) {
        if !key_in!(doc, i, "his", "her", "my", "our", "their") || !doc.joined(i) || !doc.joined(i + 1) {
            continue;
        }
        let (t, k) = (i + 1, i + 2);
        let title = doc.toks[t].shape == Shape::Title && !doc.toks[t].sent_start && {
            let key = doc.key_str(t);
            CHAT_KIN_TITLES.contains(&key) || FOREIGN_KIN_TITLES.contains(&key)
        };
        let name = doc.toks[k].shape == Shape::Title && doc.toks[k].e - doc.toks[k].s >= 2 && !doc.is_common(k) && !doc.has(k, NEVER | flag::TRAP);
        if title && name {
            let end = extend(doc, k);
            push(doc, k, end, 0.75, "a name after a possessive and a kinship title of another language (his Ate ___)", out);
        }
    }
}

/// "Dear Representative Ó Súilleabháin", "Ní Bhriain": an Irish surname opened by an accented
/// particle ("Ó", "Ní", "Uí", "Mhic", "Nic") and a capitalized word, in text with case: the
/// particle alone tells a surname, whatever comes before.
fn accented_particle_names(doc: &Doc<'_>, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for k in 0..n.saturating_sub(1) {
        // (the ASCII test first: it is read from the token)
        if doc.toks[k].ascii || !super::structure::accented_particle(doc, k) || !doc.toks[k].is_cap() && !doc.word(k).starts_with(char::is_uppercase) {
            continue;
        }
        let j = k + 1;
        if doc.gap(k) == " " && doc.toks[j].shape == Shape::Title && doc.toks[j].e - doc.toks[j].s >= 3 && !doc.has(j, flag::FUNC | flag::CALENDAR | flag::STATE) {
            push(doc, k, extend(doc, j), 0.75, "an Irish surname opened by an accented particle (Ó ___, Ní ___)", out);
        }
    }
}

/// "- Carol H.", "— Parwana": a post or a letter signed on its last line by a dash and one to
/// three capitalized words (an initial among them, or at least one word no dictionary of common
/// words knows or a listed name), in text with case.
fn dash_sign_off(doc: &Doc<'_>, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let text = doc.text.trim_end();
    let line_start = text.rfind('\n').map_or(0, |k| k + 1);
    let line = &text[line_start..];
    let body = line.trim_start().trim_start_matches(['-', '—', '–']);
    if body.len() == line.trim_start().len() || !body.starts_with(' ') || body.trim().is_empty() || body.len() > 40 {
        return;
    }
    let (s, e) = (text.len() - body.trim_start().len(), text.len());
    let words: Vec<usize> = (0..doc.toks.len()).filter(|&k| doc.toks[k].s >= s && doc.toks[k].e <= e).collect();
    let shaped = !words.is_empty() && words.len() <= 3 && words.iter().all(|&k| matches!(doc.toks[k].shape, Shape::Title | Shape::Initial) && !doc.has(k, flag::FUNC | flag::TRAP | flag::CALENDAR | flag::TITLE | flag::KIN | flag::ROLE | flag::GREET));
    let named = words.iter().any(|&k| doc.is_initial(k) || doc.is_name(k) || !doc.is_common(k));
    // only words and initials on the line
    let plain = text[s..e].chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'));
    if shaped && named && plain {
        let end = words.last().map_or(e, |&k| super::structure::byte_end(doc, k + 1));
        out.push(Span::new(s, end, Category::Name, 0.65, NAME, "a name signing a post on its last line after a dash (- ___)"));
    }
}

/// Letters that, written with periods, are abbreviations rather than a person's initials.
const NOT_INITIALS: &[&str] = &[
    "US", "UK", "DC", "AM", "PM", "MD", "RN", "BS", "BA", "MA", "MS", "NY", "LA", "ER", "OR", "IV", "PO", "EG", "IE", "UN", "EU", "PT", "OT", "ED",
    "CT", "GI", "NP", "PA", "DO", "VA", "SOB", "DOA", "RIP", "ICU", "DNR", "EMS", "HIV", "UTI", "MRI", "EKG", "ECG", "CNA", "LPN", "BSN", "MSN",
    "AKA", "USA", "TV", "DJ", "JR", "SR", "II", "NB", "PS", "OK", "AD", "BC", "CE", "AA", "NA", "QD", "BID", "TID", "QID", "PRN", "NPO", "HS", "AC", "PC",
];

/// "Patient: T.K., 52-year-old woman", "A 47-year-old man, J.C.S., originally from", "her son
/// J.M.": a person named by two to four initials alone (each a capital and a period, no space),
/// in text with case, where the words around make it a person: a title or a patient's label
/// before, an age after, a person's description or a kinship word before, or "call(ed) him".
fn initials_alone(doc: &Doc<'_>, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    let mut i = 0;
    while i < n {
        // (the shape first: it is read from the token, and few tokens are initials)
        if doc.toks[i].shape != Shape::Initial || !doc.is_initial(i) || i > 0 && doc.is_initial(i - 1) && doc.gap(i - 1) == "." {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < n && doc.gap(j) == "." && doc.toks[j + 1].shape == Shape::Initial && doc.is_initial(j + 1) {
            j += 1;
        }
        let (first, next) = (i, j + 1);
        let (start, end) = (doc.toks[first].s, doc.toks[j].e + 1);
        i = next;
        if !(2..=4).contains(&(next - first)) {
            continue;
        }
        let word: String = (first..next).map(|k| doc.word(k)).collect();
        if NOT_INITIALS.contains(&word.as_str()) {
            continue;
        }
        // "J.M. Barrie": a surname after belongs to the other name rules
        if next < n && doc.toks[next].s == end + 1 && doc.toks[next].is_cap() {
            continue;
        }
        let rest = &doc.text[end..];
        let aged = || {
            let r = rest.strip_prefix(", ").or_else(|| rest.strip_prefix(" (")).or_else(|| rest.strip_prefix(" is a ")).or_else(|| rest.strip_prefix(" was a "));
            r.is_some_and(|r| r.trim_start_matches("a ").trim_start_matches("an ").starts_with(|c: char| c.is_ascii_digit()))
        };
        let before = first > 0 && {
            let p = first - 1;
            let gap = doc.gap(p);
            doc.has(p, flag::TITLE) && matches!(gap, ". " | " ")
                || gap.trim() == ":" && key_in!(doc, p, "patient", "pt", "name", "initials", "client", "resident")
                || gap == ", " && key_in!(doc, p, "man", "woman", "boy", "girl", "male", "female", "patient", "lady", "child", "infant", "veteran", "toddler", "teenager")
                || doc.joined(p) && (doc.has(p, flag::KIN) || key_in!(doc, p, "call", "called", "calls", "as", "initials"))
                // "we call her J.M."
                || doc.joined(p) && key_in!(doc, p, "him", "her", "them") && p > 0 && doc.joined(p - 1) && key_in!(doc, p - 1, "call", "called", "calls", "name", "named")
        };
        if before || aged() {
            out.push(Span::new(start, end, Category::Name, 0.7, NAME, "a person named by initials alone (Patient: T.K., a 52-year-old)"));
        }
    }
}

/// "lives w/ son and dil phuong": in a note typed in lowercase, a listed first name or a word no
/// list holds after "dil"/"sil" (daughter-, son-in-law), shorthand that is also a given name in
/// text with case ("Dil Maya").
fn in_law_shorthand(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Lower {
        return;
    }
    let n = doc.toks.len();
    for k in marks.of(mark::IN_LAW).filter(|&k| k + 1 < n) {
        if !matches!(&*doc.key(k), "dil" | "sil") || !doc.joined(k) {
            continue;
        }
        let i = k + 1;
        let t = doc.toks[i];
        if t.e - t.s >= 3 && !doc.has(i, NEVER | flag::TRAP) && (doc.is_first(i) || !doc.is_common(i)) && doc.word(i).chars().all(char::is_alphabetic) {
            let end = extend(doc, i);
            push(doc, i, end, 0.65, "a name after in-law shorthand in a lowercase note (dil ___)", out);
        }
    }
}

/// "Dewi (pt) says thanks", "Rojda (pt's daughter) will pick up", "Zanele (8) and Ayanda (5)",
/// "Femke, her favourite aide,": a capitalized word glossed right after it as a patient, a
/// relative or a role, or by a child's age in brackets.
fn glossed_names(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Mixed {
        return;
    }
    let n = doc.toks.len();
    for i in marks.of(mark::TITLE).filter(|&i| i + 1 < n) {
        let t = doc.toks[i];
        // cheap tests first: a Title word, then " (" or ", " after it
        let after = &doc.text[t.e..];
        if t.shape != Shape::Title || t.e - t.s < 3 || !(after.starts_with(" (") || after.starts_with(", ")) || doc.has(i, NEVER | flag::TRAP | flag::GREET) {
            continue;
        }
        if i > 0 && doc.joined(i - 1) && doc.toks[i - 1].is_cap() || doc.joined(i) && doc.toks[i + 1].is_cap() {
            continue;
        }
        if doc.is_common(i) && !doc.is_first(i) || doc.is_place(i, i + 1) && !doc.is_first(i) {
            continue;
        }
        let j = i + 1;
        let gloss = if let Some(r) = after.strip_prefix(" (") {
            // "(pt)", "(pt's daughter)", "(her son)", "(8)"
            let age = r.bytes().take_while(u8::is_ascii_digit).count();
            (1..=2).contains(&age) && r[age..].starts_with(')') && i > 0 && !doc.toks[i].sent_start
                || doc.toks[j].s == t.e + 2 && (matches!(&*doc.key(j), "pt" | "patient") || doc.has(j, flag::KIN) && !doc.has(j, flag::FUNC))
        } else if after.starts_with(", ") && j + 1 < n && matches!(&*doc.key(j), "her" | "his" | "my" | "our" | "their") {
            // "Femke, her favourite aide,"
            let k = if doc.has(j + 1, flag::KIN | flag::ROLE) { j + 1 } else { j + 2 };
            k < n && doc.joined(j) && (k == j + 1 || doc.joined(j + 1)) && doc.has(k, flag::KIN | flag::ROLE) && doc.text[doc.toks[k].e..].starts_with([',', '.'])
        } else {
            false
        };
        if gloss {
            push(doc, i, i + 1, 0.6, "a capitalized word glossed as a person (___ (pt), ___, her aide)", out);
        }
    }
}

/// Words right before a quoted nickname that introduce it ("called", "aka", "nickname is").
fn nickname_cue(w: &str) -> bool {
    matches!(w, "called" | "call" | "calls" | "nickname" | "nicknamed" | "aka" | "as" | "by" | "named")
}

/// `neighbor "Dougie" (Douglas McAlister)`, `WIFE BOGUSLAWA ("BOGA")`, `prefers to be called
/// "Baby"`, `goes by "jun"`: a single quoted word after a nickname cue, a kinship or role word, or
/// a name, capitalized where case carries meaning.
fn quoted_names(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    for i in marks.of(mark::OPENER_BEFORE).filter(|&i| i >= 1) {
        let t = doc.toks[i];
        let before = &doc.text[..t.s];
        let after = &doc.text[t.e..];
        let open = before.ends_with(" \"") || before.ends_with("(\"") || before.ends_with(" “") || before.ends_with("(“");
        // "wife called at 2300 (ysolde)": a bracketed word closing a clause about a relative
        if !open && before.ends_with(" (") && after.starts_with(')') {
            bracketed_after_kin(doc, i, out);
            continue;
        }
        if !open || !after.starts_with(['"', '”']) && !after.starts_with(",\"") && !after.starts_with(".\"") && !after.starts_with(",”") && !after.starts_with(".”") {
            continue;
        }
        if t.e - t.s < 2 || doc.has(i, flag::FUNC | flag::CRED | flag::UNIT | flag::MEDICAL | flag::NOT_NAME) || !doc.word(i).chars().all(char::is_alphabetic) {
            continue;
        }
        if doc.mode == CaseMode::Mixed && !t.is_cap() {
            continue;
        }
        let p = i - 1;
        let cue = nickname_cue(&doc.key(p)) || p > 0 && (key_in!(doc, p, "is", "was") && key_in!(doc, p - 1, "nickname", "name")
            // "you called me "Tiny"", "they call him "Bear""
            || key_in!(doc, p, "me", "him", "her", "them", "us") && doc.joined(p - 1) && matches!(&*doc.key(p - 1), "called" | "call" | "calls" | "calling" | "nicknamed")
            // "kept calling for "ysolde"", "asking for "Bapu""
            || doc.key(p) == "for" && matches!(&*doc.key(p - 1), "calling" | "called" | "calls" | "asking" | "asked" | "asks" | "crying" | "cried" | "cries" | "looking" | "searching"));
        let kin = doc.has(p, flag::KIN | flag::ROLE);
        // a name right before: "BOGUSLAWA ("BOGA")", "Hendrika "Riek""
        let name_before = doc.toks[p].is_cap() && (!doc.is_common(p) || doc.mode == CaseMode::Mixed && doc.is_first(p)) && !doc.has(p, NEVER | flag::TRAP | flag::GREET);
        // "BOGUSLAWA ("BOGA")": in brackets right after a name, even a word a dictionary holds
        let bracketed = name_before && before.ends_with("(\"") || before.ends_with("(“");
        let ok = if cue { !doc.has(i, flag::TITLE | flag::ROLE) } else { (kin || name_before) && !doc.has(i, NEVER | flag::TRAP) && (bracketed || !doc.is_common(i) || doc.is_first(i)) };
        if ok {
            // "Bounmy ("Boun")", "Geertruida "Truus" Bakker-Vos": the word before a bracketed or
            // quoted nickname is the name it shortens, and a surname may follow the quote
            // (not a word of kinship or shorthand: 'Ex-bf "Khoa"')
            let quoted = (!bracketed && doc.gap(p) == " \"" || doc.gap(p) == " “") && (!doc.word(p).contains('-') || doc.is_hyphen_name(p));
            if (bracketed || quoted) && !cue && doc.toks[p].shape == Shape::Title && !doc.is_common(p) && !doc.has(p, flag::KIN | flag::ROLE | flag::TITLE) {
                push(doc, p, p + 1, 0.65, "a name before its bracketed nickname (___ (\"___\"))", out);
                let j = i + 1;
                if quoted && j < doc.toks.len() && matches!(doc.gap(i), "\" " | "” ") && doc.toks[j].shape == Shape::Title && !doc.is_common(j) && (doc.is_surname(j) || unknown_word(doc, j, 3)) {
                    let end = extend(doc, j);
                    push(doc, j, end, 0.65, "a surname after a quoted nickname (___ \"___\" ___)", out);
                }
            }
            push(doc, i, i + 1, 0.65, "a quoted nickname (called \"___\", ___ (\"___\"))", out);
        }
    }
}

/// "wife called at 2300 (ysolde)", "son phoned (Teodor)": a single bracketed word no list holds as
/// an English word, a few words after a kinship word in the same sentence.
fn bracketed_after_kin(doc: &Doc<'_>, i: usize, out: &mut Vec<Span>) {
    let t = doc.toks[i];
    if t.e - t.s < 3 || t.sent_start || doc.has(i, NEVER | flag::TRAP | flag::KIN | flag::ROLE | flag::TITLE) || doc.is_common(i) && !doc.is_first(i)
        || !doc.word(i).chars().all(char::is_alphabetic) || doc.mode == CaseMode::Upper || doc.mode == CaseMode::Mixed && t.shape != Shape::Title
    {
        return;
    }
    let mut k = i;
    while k > 0 && i - k < 6 {
        k -= 1;
        if doc.has(k, flag::KIN) && !doc.has(k, flag::FUNC) && matches!(&*doc.key(k), "wife" | "husband" | "son" | "daughter" | "dtr" | "mother" | "father" | "brother" | "sister" | "spouse" | "partner" | "niece" | "nephew" | "grandson" | "granddaughter" | "friend" | "neighbor" | "neighbour" | "cousin" | "aunt" | "uncle" | "mom" | "dad") {
            push(doc, i, i + 1, 0.6, "a bracketed name after a clause about a relative (wife called (___))", out);
            return;
        }
        if doc.toks[k].sent_start {
            return;
        }
    }
}

/// "NSG NOTE PT PHOMMACHANH REMAINS ON BIPAP": in a note typed in capitals, a word no list holds
/// between "PT" and a verb of the patient's state.
fn patient_then_verb(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    if doc.mode != CaseMode::Upper {
        return;
    }
    let n = doc.toks.len();
    // "pt" before the name
    for i in marks.of(mark::PT).map(|c| c + 1).filter(|&i| i + 1 < n) {
        if doc.key(i - 1) != "pt" || !doc.joined(i - 1) || !doc.joined(i) || doc.toks[i].e - doc.toks[i].s < 7 {
            continue;
        }
        if matches!(&*doc.key(i + 1), "remains" | "is" | "was" | "has" | "had" | "states" | "denies" | "continues" | "tolerating" | "resting" | "arrived" | "admitted")
            && (unlisted_word(doc, i) || doc.is_surname(i) && !doc.is_common(i) && !doc.has(i, NEVER))
            && !doc.has(i, flag::TRAP)
        {
            push(doc, i, i + 1, 0.6, "a patient's name no list holds between PT and a verb", out);
        }
    }
}

/// `@handles` (not inside an email address).
fn handles(doc: &Doc<'_>, marks: &Marks, out: &mut Vec<Span>) {
    let b = doc.text.as_bytes();
    // a handle opens with a letter: only an '@' right before a token can open one
    for k in marks.of(mark::AT_BEFORE) {
        let at = doc.toks[k].s - 1;
        if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'.' || b[at - 1] == b'_') {
            continue;
        }
        let mut e = at + 1;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'_' || (b[e] == b'.' && e + 1 < b.len() && b[e + 1].is_ascii_alphanumeric())) {
            e += 1;
        }
        let letters = b[at + 1..e].iter().filter(|c| c.is_ascii_alphabetic()).count();
        let common = COMMON_WORDS.contains(&doc.text[at + 1..e].to_ascii_lowercase());
        if e - at >= 4 && !common && b[at + 1].is_ascii_alphabetic() && letters >= 3 && !doc.text[e..].starts_with('/') && !b[at + 1..e].iter().all(|c| !c.is_ascii_lowercase()) {
            out.push(Span::new(at, e, Category::Name, 0.8, NAME, "a social media handle"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Marks::of`] yields, for one mark or several, exactly the tokens of the list that carry
    /// any of them, in order; and every mark fits in [`MARKS`] bits.
    #[test]
    fn marks_by_mark_agree_with_the_list() {
        assert!(CUE_WORDS.iter().all(|e| e.1 < 1 << MARKS) && mark::KIN_HYPHEN == 1 << (MARKS - 1));
        let texts = [
            "Her son, Tafadzwa (\"Taf\") Moyo: called with Dr. Okafor and #TeamSahra @rosa_a from Kumasi.",
            "pt's granddaughter-Maria and family per sil, big Joe goes by Jojo; Rev. Smith, RN",
            "LUCY IS ON VACA, SPOKE WITH SON (JOE) AND DIL",
        ];
        for text in texts {
            let doc = Doc::new(text);
            let marks = Marks::new(&doc);
            let masks = (0..MARKS).map(|b| 1u32 << b).chain([mark::PAREN_AFTER | mark::TITLE, mark::COMMA_AFTER | mark::AND | mark::KIN, !0]);
            for m in masks {
                let want: Vec<usize> = marks.list.iter().filter(|e| e.1 & m != 0).map(|e| e.0 as usize).collect();
                assert_eq!(marks.of(m).collect::<Vec<_>>(), want, "{text}: marks {m:#x}");
            }
            assert!(marks.of(mark::COMMA_AFTER).count() > 0, "{text}");
        }
    }

    #[test]
    fn cue_table_holds_every_cue_word_and_nothing_else() {
        for &(w, _) in CUE_WORDS {
            let union = CUE_WORDS.iter().filter(|e| e.0 == w).fold(0, |m, e| m | e.1);
            assert_eq!(cue_marks(super::super::word8(w)), union, "{w}");
        }
        assert_eq!(cue_marks(super::super::word8("family")), mark::SOCIAL | mark::FAMILY_WORD);
        for w in ["the", "goer", "fro", "an", "x", "abcdefgh", "pleased"] {
            assert_eq!(cue_marks(super::super::word8(w)), 0, "{w}");
        }
        assert_eq!(cue_marks(0), 0);
    }

    #[test]
    fn marks_list_the_tokens_each_rule_starts_from() {
        let doc = Doc::new("Her son Tafadzwa, 62 M goes by \"Taf\" with Rosa (pt) and Moyo: RN");
        let words = |m: u32| marks_words(&doc, m);
        assert_eq!(words(mark::TITLE), ["Her", "Tafadzwa", "Taf", "Rosa", "Moyo"]);
        assert_eq!(words(mark::KIN), ["son"]);
        assert_eq!(words(mark::COMMA_AFTER), ["Tafadzwa"]);
        assert_eq!(words(mark::PAREN_AFTER), ["Rosa"]);
        assert_eq!(words(mark::OPENER_BEFORE), ["Taf", "pt"]);
        assert_eq!(words(mark::COLON_AFTER), ["Moyo"]);
        assert_eq!(words(mark::NICKNAME), ["goes"]);
        assert_eq!(words(mark::WITH_PER), ["with"]);
        assert_eq!(words(mark::AND), ["and"]);
        assert_eq!(words(mark::CRED), ["RN"]);
        assert_eq!(words(mark::TITLE | mark::KIN), ["Her", "son", "Tafadzwa", "Taf", "Rosa", "Moyo"]);
    }

    #[test]
    fn hyphen_after_kin_finds_a_hyphen_at_bytes_three_to_thirteen() {
        // in a longer text (eight bytes at a time), and at the text's end (byte by byte)
        let tests = |w: &str| [format!("{w} and more words"), w.to_string()].map(|t| hyphen_after_kin(t.as_bytes(), 0, w.len()));
        for w in ["son-Mark", "DAUGHTER-KRISSY", "granddaughter-Ann", "dtr-ann", "so-Mary-Ann"] {
            assert_eq!(tests(w), [true, true], "{w}");
        }
        // too short, a hyphen too soon or too late, none
        for w in ["son-Ma", "so-Marky", "granddaughters-Ann", "abcdefghijklmnop", "sonmark"] {
            assert_eq!(tests(w), [false, false], "{w}");
        }
        assert!(hyphen_after_kin(b"x son-Mark", 2, 10));
    }

    #[test]
    fn handles_and_hashtags_are_marked_by_the_sign_before_their_token() {
        let doc = Doc::new("ask @rosa_m or #TeamSahra, a@b.com");
        assert_eq!(marks_words(&doc, mark::AT_BEFORE), ["rosa", "b"]);
        assert_eq!(marks_words(&doc, mark::HASH_BEFORE), ["TeamSahra"]);
    }

    /// `Marks::new` looks up the cue marks only of tokens with [`flag::CUE`] (or not plain): every
    /// cue word must carry the flag, capitalized or not, and get its marks.
    #[test]
    fn every_cue_word_has_the_cue_flag_and_its_marks() {
        for &(w, m) in CUE_WORDS {
            for text in [w.to_string(), w.to_uppercase(), format!("{}{}", w[..1].to_uppercase(), &w[1..])] {
                let doc = Doc::new(&text);
                assert!(doc.has(0, flag::CUE), "{text}");
                assert_eq!(Marks::new(&doc).list.first().map(|e| e.1 & m), Some(m), "{text}");
            }
        }
    }

    #[test]
    fn starts_no_rule_skips_only_words_no_main_rule_can_start_from() {
        let skipped = |text: &str| {
            let doc = Doc::new(text);
            (0..doc.toks.len()).filter(|&i| starts_no_rule(&doc, i, doc.flags(i))).map(|i| doc.word(i).to_string()).collect::<Vec<_>>()
        };
        // with case: lowercase words with no cue flag
        assert_eq!(skipped("Then the nurse and Rosa Moyo came in."), ["the", "and", "came", "in"]);
        // and words in capitals, but those of three letters or more before a note verb or another
        // word in capitals
        assert_eq!(skipped("Then BP and HR fell, LUCY is here and SMITH, JOHN came."), ["BP", "and", "HR", "fell", "is", "here", "and", "came"]);
        // without case: function words, a word before punctuation or at the end, or before a
        // function word; not a word after "with", a word joined to a note verb or a longer word,
        // an initial
        assert_eq!(skipped("pt is resting. spoke with mary ellis and j. kim"), ["is", "resting", "spoke", "with", "ellis", "and", "kim"]);
        // in capitals, a word opening a line may start LAST, FIRST
        assert!(!skipped("SMITH, JOHN M IS HERE").contains(&"SMITH".to_string()));
    }

    /// The words of `doc` with any of marks `m`.
    fn marks_words<'a>(doc: &Doc<'a>, m: u32) -> Vec<&'a str> {
        Marks::new(doc).of(m).map(|i| doc.word(i)).collect()
    }
}
