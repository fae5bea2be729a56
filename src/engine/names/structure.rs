//! Structure: how the parts of a name hang together once one part is found.
//!
//! A name runs on over further name-like tokens joined by a space: more given names, surnames
//! (double Hispanic surnames "Alvarez Mejía", hyphenated "Castellanos-Whitaker"), particles
//! followed by a name ("van Leeuwen", "de la Cruz", "bin Rashid", "Ní Bhriain"), apostrophe
//! surnames ("O'Brien", "D'Souza", inside one token) and initials ("Dan A. Forman-Lyons").

use std::collections::HashSet;
use std::sync::LazyLock;

use super::shape::CaseMode;
use super::traps::{FastHash, WordSet};
use super::{flag, Doc};

fn set(words: &'static str) -> HashSet<&'static str, FastHash> {
    words.split_whitespace().collect()
}

/// Lowercase particles that join the parts of a name.
pub static PARTICLES: WordSet = LazyLock::new(|| {
    set("van von vander vanden de del della delle dello der den di da dos das do du la le lo al el bin bint ibn ben \
         abu abd mac mc ní nic ó ua ter ten y e zu af av")
});

/// Flags that end a name: the next word is a function word, a credential, a unit, a head noun.
const STOP: u32 = flag::FUNC
    | flag::CRED
    | flag::UNIT
    | flag::ORG_HEAD
    | flag::PLACE_SUFFIX
    | flag::STREET
    | flag::TRAP
    | flag::TITLE
    | flag::KIN
    | flag::ROLE
    | flag::STATE;

/// True when the separator between tokens `i - 1` and `i` keeps them in one name.
pub fn linked(doc: &Doc<'_>, i: usize) -> bool {
    if i == 0 || i >= doc.toks.len() {
        return false;
    }
    if doc.joined(i - 1) {
        return true;
    }
    // after an initial: "A. Forman", "R.A."
    doc.is_initial(i - 1) && {
        let g = doc.gap(i - 1);
        g == "." || g == ". " || g == ".  "
    }
}

/// True when token `i` can continue a name whose previous part is token `i - 1`.
pub fn continues(doc: &Doc<'_>, i: usize) -> bool {
    if doc.is_initial(i) {
        return true;
    }
    // "Hung Le", "Mai Do", "Bongani Zulu": a capitalized surname that is also shorthand, a function
    // word or a language, right after a name (a credential is written in capitals: "Do" is a name)
    let t = doc.toks[i];
    if doc.mode == CaseMode::Mixed && t.shape == super::shape::Shape::Title && !doc.has(i, STOP & !(flag::FUNC | flag::TRAP | flag::CRED)) && doc.has(i, flag::FUNC | flag::MEDICAL | flag::NOT_NAME)
        && (!doc.has(i, flag::TRAP) || doc.has(i, flag::MEDICAL)) && doc.is_surname(i)
    {
        return true;
    }
    if k_is_calendar_surname(doc, i) {
        return true;
    }
    // "Merline Destin": a listed surname that a trap list also holds (a brand, an eponym), after a
    // listed given name
    if doc.mode == CaseMode::Mixed && t.shape == super::shape::Shape::Title && doc.has(i, flag::TRAP) && !doc.has(i, STOP & !flag::TRAP) && !doc.is_common(i)
        && doc.is_surname(i) && i > 0 && doc.is_first(i - 1) && doc.toks[i - 1].shape == super::shape::Shape::Title
    {
        return true;
    }
    if doc.has(i, STOP) && !(doc.mode == CaseMode::Mixed && doc.has(i, flag::FUNC) && !doc.has(i, STOP & !flag::FUNC) && cap_bridge(doc, i)) {
        return false;
    }
    let t = doc.toks[i];
    if t.e - t.s < 2 {
        return false;
    }
    // "husband dariush rostami" typed in lowercase inside a note with case: read without case
    let lowercase_name = t.shape == super::shape::Shape::Lower && i > 0 && doc.toks[i - 1].shape == super::shape::Shape::Lower;
    match doc.mode {
        // "Delores Many Horses": a capitalized function word between capitalized words
        CaseMode::Mixed if !lowercase_name => t.is_cap() && (!doc.is_common(i) || doc.is_name(i) || cap_bridge(doc, i) || (i > 0 && doc.has(i - 1, flag::FUNC) && cap_bridge(doc, i - 1))),
        _ => {
            let common = doc.is_common(i);
            let after_first = i > 0 && doc.is_first(i - 1) && !doc.is_initial(i - 1);
            (!common && doc.is_name(i))
                || (after_first && !common && t.e - t.s >= 3)
                || (i > 0 && !doc.is_initial(i - 1) && doc.is_surname(i) && !doc.has(i, flag::NOTE_VERB))
        }
    }
}

/// [`calendar_surname`] right after a name part that is no calendar word ("Xiulan Sun", not "Mon Sun").
fn k_is_calendar_surname(doc: &Doc<'_>, k: usize) -> bool {
    k > 0 && !doc.has(k - 1, flag::CALENDAR | flag::FUNC) && doc.toks[k - 1].is_cap() && calendar_surname(doc, k)
}

/// True when token `k` is a capitalized month or weekday abbreviation that is also a listed
/// surname ("Sun", "Mon") and, by what follows, no date: a space and a word, not a number.
pub fn calendar_surname(doc: &Doc<'_>, k: usize) -> bool {
    let t = doc.toks[k];
    let rest = &doc.text.as_bytes()[t.e..];
    doc.mode == CaseMode::Mixed && t.shape == super::shape::Shape::Title && t.e - t.s == 3 && doc.has(k, flag::CALENDAR) && doc.is_surname(k)
        && (rest.is_empty() || rest[0] == b',' && rest.get(1) == Some(&b' ') && rest.get(2).is_some_and(|c| c.is_ascii_alphabetic()) || rest[0] == b' ' && rest.get(1).is_some_and(|c| c.is_ascii_lowercase()))
}

/// True when token `i` is capitalized mid-sentence and followed by a capitalized word that is not a
/// function word ("Many" in "Delores Many Horses", "Two" in "Hunter Two Bears").
fn cap_bridge(doc: &Doc<'_>, i: usize) -> bool {
    let t = doc.toks[i];
    t.shape == super::shape::Shape::Title
        && (!t.sent_start || i > 0 && doc.has(i - 1, flag::TITLE))
        && i + 1 < doc.toks.len()
        && doc.joined(i)
        && doc.toks[i + 1].shape == super::shape::Shape::Title
        && !doc.has(i + 1, STOP)
}

/// "Ó", "Ní", "Uí": Irish particles written with an accent, which the folded word lists miss
/// (folded, "o" and "ni" would be common shorthand).
pub fn accented_particle(doc: &Doc<'_>, j: usize) -> bool {
    !doc.toks[j].ascii && matches!(doc.word(j), "Ó" | "ó" | "Ní" | "ní" | "Uí" | "uí" | "Mhic" | "Nic")
}

/// Extends a name that starts at token `i` (already accepted) as far as its structure goes;
/// returns the index one past its last token.
pub fn extend(doc: &Doc<'_>, i: usize) -> usize {
    let n = doc.toks.len();
    let mut j = i + 1;
    let mut end = i + 1;
    while j < n && linked(doc, j) && end - i < 6 {
        if doc.has(j, flag::PARTICLE) || accented_particle(doc, j) {
            // one to three particles, then a name: "van der Berg", "de la Cruz", "bin Saeed"
            let mut k = j;
            while k < n && k - j < 3 && (doc.has(k, flag::PARTICLE) || accented_particle(doc, k)) && (k == j || linked(doc, k)) {
                k += 1;
            }
            if k < n && k > j && linked(doc, k) && (!doc.toks[j].is_cap() || doc.mode == CaseMode::Mixed) && continues(doc, k) {
                end = k + 1;
                j = k + 1;
                continue;
            }
        }
        if doc.has(j, flag::PARTICLE) && doc.mode == CaseMode::Mixed && j + 1 < n && linked(doc, j + 1) && continues(doc, j + 1) {
            end = j + 2;
            j += 2;
            continue;
        }
        if continues(doc, j) {
            end = j + 1;
            j += 1;
            continue;
        }
        break;
    }
    end
}

/// Byte end of a name ending with token `end - 1`, including an initial's period.
pub fn byte_end(doc: &Doc<'_>, end: usize) -> usize {
    let t = doc.toks[end - 1];
    if doc.is_initial(end - 1) {
        t.e + 1
    } else {
        t.e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extend_table() {
        // (text, index of the accepted first token, expected name)
        let rows = [
            ("met Rosa María Alvarez today", 1, "Rosa María Alvarez"),
            ("Dr. Van Leeuwen came", 1, "Van Leeuwen"),
            ("with Ludwig van Beethoven now", 1, "Ludwig van Beethoven"),
            ("DAN A. FORMAN-LYONS, RRT", 0, "DAN A. FORMAN-LYONS"),
            ("saw Joaquín Alvarez Mejía and", 1, "Joaquín Alvarez Mejía"),
            ("Renée Castellanos-Whitaker wrote", 0, "Renée Castellanos-Whitaker"),
            ("Dr Marder aware of it", 1, "Marder"),
            ("mary theresa kondouli from speech", 0, "mary theresa kondouli"),
        ];
        for (text, i, want) in rows {
            let doc = Doc::new(text);
            let end = extend(&doc, i);
            assert_eq!(&text[doc.toks[i].s..byte_end(&doc, end)], want, "{text}");
        }
    }
}
