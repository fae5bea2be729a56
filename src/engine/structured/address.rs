//! The structured parts of a place: street addresses (`2210 Cedar Ave S, Apt 4`), named streets
//! (`Quarry Road`, `Calle Ocotillo`), PO boxes, ZIP codes after a state (`WV 24987`), UK and
//! Canadian postcodes (`SE19 4QZ`, `K1A 0B1`), and rooms, beds and cabins (`Rm 612-B`, `room 822`, `cabin 9142`).
//!
//! All of them are LOCATION. Cities, counties and neighbourhoods have no shape and are left to the
//! place-name recognizers.

use std::sync::LazyLock;


use super::{char_at, char_before, ends_with_any, is_space, next_word, prev_word, space_back, Hit, Rule};
use crate::engine::pattern::{ascii, ascii_unfiltered, Captures, Regex};
use crate::engine::Category;

/// Street types, long and short. Short forms that are also common words or titles (`Dr`, `St`,
/// `Ct`) only count after a house number.
const STREET_LONG: &str = r"Street|Avenue|Road|Boulevard|Lane|Drive|Court|Terrace|Place|Parkway|Highway|Way|Circle|Crescent|Close|Square|Trail|Turnpike|Pike|Row|Mews|Gardens|Grove|Walk|Alley|Expressway|Freeway|Plaza|Loop|Path|Hill|Heights";
const STREET_SHORT: &str = r"St|Ave|Av|Rd|Blvd|Ln|Dr|Ct|Ter|Terr|Pl|Pkwy|Hwy|Cir|Cres|Sq|Trl|Tpke";
const UNIT: &str = r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Rm|Room|Bldg|Building|\#)\.?\s*\#?\s*[A-Z0-9][A-Z0-9-]*)";

static STREET_NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    ascii(&format!(
        r"(?-u:\b)\d{{1,6}}[A-Z]?(?:-\d{{1,4}})?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?(?:[A-Z](?:[A-Za-z'.\-]|’)*|\d{{1,3}}(?:st|nd|rd|th))(?:\s+[A-Z](?:[A-Za-z'.\-]|’)*){{0,3}}\s+(?:{STREET_LONG}|{STREET_SHORT})(?-u:\b)\.?(?:\s+(?:N|S|E|W|NE|NW|SE|SW)(?-u:\b)\.?)?{UNIT}?"
    ))
    .unwrap()
});

/// Named streets, one regex per form (apart, each keeps a fast DFA): `Quarry Road` (with a trailing
/// facility noun or unit), `Calle Ocotillo`, `Route 9 and Alder Street`.
static STREET_NAMED: [LazyLock<Regex>; 3] = [
    LazyLock::new(|| {
        ascii_unfiltered(&format!(
            r"(?-u:\b)[A-Z](?:[a-z']|’)+(?:\s+[A-Z](?:[a-z']|’)+){{0,2}}\s+(?:{STREET_LONG})(?-u:\b)(?:\s+(?:shelter|encampment|underpass|bridge|motel|apartments|projects|clinic|station|overpass)(?-u:\b))?{UNIT}?"
        ))
        .unwrap()
    }),
    LazyLock::new(|| {
        ascii(r"(?-u:\b)(?:Calle|Avenida|Rue|Via|Strada|Rua|Carrera|Paseo)\s+(?:de\s+(?:la\s+|los\s+|las\s+)?)?[A-Z](?:[a-z']|’)+(?:\s+[A-Z](?:[a-z']|’)+)?").unwrap()
    }),
    LazyLock::new(|| {
        ascii(&format!(
            r"(?-u:\b)(?:Route|Highway|Hwy|Interstate|State\s+Route|County\s+Road)\s+\d{{1,4}}[A-Z]?(?:\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:{STREET_LONG}))?"
        ))
        .unwrap()
    }),
];

/// The keywords every match of each [`STREET_NAMED`] form contains (see [`Rule::gate`]); the
/// first form has only street words as short as `Way`, so it runs on every text.
const STREET_NAMED_GATES: [&[&str]; 3] = [
    &[],
    &["calle", "avenida", "rue", "via", "strada", "rua", "carrera", "paseo"],
    &["route", "highway", "hwy", "interstate", "county"],
];

/// Capitalized words that open a phrase ending in a street word but name no street
/// ("The Way", "Memory Lane" aside, these are sentence starts and common nouns).
const NOT_STREET_START: &[&str] = &[
    "The", "A", "An", "This", "That", "Our", "My", "His", "Her", "Their", "Your", "One", "No",
    "Any", "Every", "Each", "Some", "In", "On", "At", "By", "Of", "And", "But", "Or", "If", "Then",
    "When", "Which", "What", "Long", "Right", "Wrong", "Open", "Closed", "Clear", "Test", "Main",
];

/// Words that open a clause after a street address, not a town's name.
const NOT_TOWN: &[&str] = &["The", "A", "An", "And", "But", "Or", "Then", "So", "He", "She", "They", "We", "I", "It", "His", "Her", "Their", "Our", "My", "Apt", "Suite", "Unit", "Room", "Phone", "Tel", "Call", "Cell", "Email", "Fax",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"];

/// The end of what follows a house-number address at `end` and completes it: ", Gisborne 4010",
/// ", 49424", ", Lakewood" (a town of up to three capitalized words, then a four- or five-digit
/// postcode, or the postcode alone). A state's abbreviation and its ZIP code are left to the ZIP
/// rule; a town's name before them is taken.
fn town_after(text: &str, end: usize) -> usize {
    let b = text.as_bytes();
    let Some(rest) = text[end..].strip_prefix(", ") else { return end };
    let mut at = end + 2 + (rest.len() - rest.trim_start_matches(' ').len());
    let postcode = |at: usize| {
        let digits = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        let tail = at + digits;
        let closed = tail == b.len() || !(b[tail].is_ascii_alphanumeric() || matches!(b[tail], b'%' | b'/' | b'.') && tail + 1 < b.len() && b[tail + 1].is_ascii_digit());
        ((4..=5).contains(&digits) && closed).then_some(tail)
    };
    if let Some(tail) = postcode(at) {
        return tail;
    }
    let mut town_end = end;
    for _ in 0..3 {
        let word: &str = &text[at..];
        let len = word.find(|c: char| !(c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))).unwrap_or(word.len());
        let w = &word[..len];
        let shaped = w.len() >= 3 && w.starts_with(|c: char| c.is_ascii_uppercase()) && w.chars().skip(1).any(|c| c.is_lowercase() || c.is_ascii_uppercase());
        if !shaped || NOT_TOWN.contains(&w) || w.len() == 2 {
            break;
        }
        town_end = at + len;
        match text[town_end..].strip_prefix(' ') {
            Some(r) if r.starts_with(|c: char| c.is_ascii_uppercase()) => at = town_end + 1,
            Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => return postcode(town_end + 1).unwrap_or(town_end),
            _ => break,
        }
    }
    town_end
}

fn judge_street(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let s = m.as_str();
    let first = s.split_whitespace().next().unwrap_or("");
    let numbered = first.starts_with(|c: char| c.is_ascii_digit());
    if numbered {
        // "3 Times Way"? a number followed by a unit word is a quantity
        let second = s.split_whitespace().nth(1).unwrap_or("").to_ascii_lowercase();
        if ["mg", "units", "days", "weeks", "years", "times", "hours", "am", "pm"].contains(&second.as_str()) {
            return;
        }
        out.push(Hit { start: m.start(), end: town_after(text, m.end()), category: Category::Location, score: 0.85, reason: "a street address" });
        return;
    }
    if NOT_STREET_START.contains(&first) && !s.starts_with("Main ") {
        // drop the first word and keep the rest if it is still a street ("The Quarry Road")
        let rest = s[first.len()..].trim_start();
        if rest.split_whitespace().count() < 2 {
            return;
        }
        let start = m.end() - rest.len();
        out.push(Hit { start, end: m.end(), category: Category::Location, score: 0.6, reason: "a street name" });
        return;
    }
    // a sentence-initial single word before a street word is often not a name ("Drive", "Walk")
    let score = if s.starts_with("Route") || s.starts_with("Calle") { 0.75 } else { 0.65 };
    out.push(Hit { start: m.start(), end: m.end(), category: Category::Location, score, reason: "a street name" });
}

/// A street named by an ordinal number, without a house number: "East 21st Street", "on 31st
/// Street", "W 4th Ave", "NEAR THE 149TH ST ENTRANCE". The street word is written out or a short
/// form other than `Dr` ("the 2nd Dr"); capitalized (or ALL CAPS) as a name.
static STREET_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?-u:\b)(?:(?:N|S|E|W|North|South|East|West|NORTH|SOUTH|EAST|WEST)\.?\s+)?\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)\s+(?:Street|Avenue|Road|Place|Boulevard|Lane|Terrace|Court|Parkway|Drive|STREET|AVENUE|ROAD|PLACE|BOULEVARD|LANE|TERRACE|COURT|DRIVE|St|Ave|Rd|Pl|Blvd|Ln|Ter|ST|AVE|RD|PL|BLVD)(?-u:\b)\.?").unwrap()
});

/// Words after "3RD ST" that make "ST" the ECG segment ("2ND ST ELEVATION"), not a street.
const ST_SEGMENT: &[&str] = &["elevation", "elevations", "elev", "depression", "depressions", "dep", "changes", "segment", "segments", "abnl", "abnormalities", "wave", "waves"];

fn judge_street_ordinal(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let s = m.as_str().trim_end_matches('.');
    let short_st = s.ends_with(" ST") || s.ends_with(" St");
    // "3RD ST 110s", "2nd St elevation": the ECG segment or a rate, not a street
    if short_st && (ST_SEGMENT.contains(&next_word(text, m.end()).as_str()) || text[m.end()..].trim_start().starts_with(|c: char| c.is_ascii_digit())) {
        return;
    }
    // "the 1st ST" glued to a number or a word before ("x3rd St")
    if matches!(char_before(text, m.start()), Some(c) if c.is_alphanumeric() || c == '/' || c == '-') {
        return;
    }
    out.push(Hit { start: m.start(), end: m.start() + s.len(), category: Category::Location, score: 0.75, reason: "a street named by an ordinal number" });
}

/// An apartment or suite on its own: "in Apt 4B", "Flat 12".
static UNIT_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    ascii(r"(?-u:\b)(?:Apt|Apartment|Suite|Ste|Flat|Unit)\.?\s*\#?\s*(?P<id>\d{1,5}[A-Z]?|[A-Z]\d{0,4})(?-u:\b)").unwrap()
});

fn judge_unit_alone(_text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    out.push(Hit { start: m.start(), end: m.end(), category: Category::Location, score: 0.6, reason: "an apartment or suite number" });
}

/// A room number without the word "room", in a ward context: "across the hall in 110",
/// "Mrs. Kowalski in 14".
static ROOM_IN: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?i)(?:(?-u:\b)(?:across\s+the\s+hall|next\s+door|down\s+the\s+hall)\s+(?:in|at)|(?-u:\b)(?:mrs?|ms|miss)\.?\s+[a-z][a-z'-]+\s+in)\s+(?P<id>\d{1,4}[A-Z]?)(?-u:\b)").unwrap()
});

fn judge_room_in(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let id = caps.name("id").unwrap();
    let nw = next_word(text, id.end());
    if ["days", "weeks", "hours", "minutes", "years", "months", "am", "pm", "mg"].contains(&nw.as_str()) {
        return;
    }
    out.push(Hit::of(caps, Category::Location, 0.6, "a room number"));
}

/// Geographic coordinates: `40.7128° N, 74.0060° W`, `-33.8688, 151.2093`.
static COORDS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?P<lat>-?\d{1,2}\.\d{2,})(?P<d1>\s*°)?(?P<h1>\s*[NS](?-u:\b))?,?\s+(?P<lon>-?\d{1,3}\.\d{2,})(?P<d2>\s*°)?(?P<h2>\s*[EW](?-u:\b))?").unwrap()
});

fn judge_coords(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let marked = caps.name("d1").is_some() || caps.name("h1").is_some() || caps.name("h2").is_some();
    let precise = caps["lat"].split('.').nth(1).is_some_and(|d| d.len() >= 4) && caps["lon"].split('.').nth(1).is_some_and(|d| d.len() >= 4);
    let lat: f64 = caps["lat"].parse().unwrap_or(999.0);
    let lon: f64 = caps["lon"].parse().unwrap_or(999.0);
    let m = caps.get(0).unwrap();
    if lat.abs() > 90.0 || lon.abs() > 180.0 || !(marked || precise) || matches!(char_before(text, m.start()), Some(c) if c.is_alphanumeric() || matches!(c, '.' | '/' | '-')) {
        return;
    }
    out.push(Hit::of(caps, Category::Location, 0.8, "geographic coordinates"));
}

static PO_BOX: LazyLock<Regex> =
    LazyLock::new(|| ascii_unfiltered(r"(?i)(?-u:\b)(?:p\.?\s?o\.?\s*box|post\s+office\s+box)\s+\d{1,6}(?-u:\b)").unwrap());

fn judge_po_box(_text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    out.push(Hit::of(caps, Category::Location, 0.9, "a post office box"));
}

/// US state and territory abbreviations, for ZIP codes written after them.
const STATES: &str = "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI";

static ZIP: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(&format!(
        r"(?-u:\b)(?:(?:{STATES})\.?,?|(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New\s+Hampshire|New\s+Jersey|New\s+Mexico|New\s+York|North\s+Carolina|North\s+Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode\s+Island|South\s+Carolina|South\s+Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West\s+Virginia|Wisconsin|Wyoming),?|(?i:zip(?:\s*code)?|postal\s+code|postcode)\s*:?)\s+(?P<id>\d{{5}}(?:-\d{{4}})?)(?-u:\b)"
    ))
    .unwrap()
});

fn judge_zip(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let id = caps.name("id").unwrap();
    // "OR 12345 mg"? a unit after the number means a quantity
    if ["mg", "units", "ml", "cc", "patients", "people", "dollars"].contains(&next_word(text, id.end()).as_str()) || char_at(text, id.end()) == Some('%') {
        return;
    }
    out.push(Hit::of(caps, Category::Location, 0.85, "a ZIP code"));
}

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    ascii(r"(?-u:\b)(?:(?P<uk>(?:[A-PR-UWYZ][0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9ABEHMNPRVWXY]?)\s[0-9][ABD-HJLNP-UW-Z]{2})|(?P<ca>[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z]\s?[0-9][ABCEGHJ-NPRSTV-Z][0-9]))(?-u:\b)").unwrap()
});

fn judge_postcode(_text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    // "E3V4M6": a Glasgow coma score written by its parts (eyes, verbal, motor), not a postcode
    let m = caps.get(0).unwrap().as_str().as_bytes();
    if m.len() == 6 && m[0] == b'E' && m[2] == b'V' && m[4] == b'M' {
        return;
    }
    let reason = if caps.name("uk").is_some() { "a UK postcode" } else { "a Canadian postal code" };
    out.push(Hit::of(caps, Category::Location, 0.8, reason));
}

static ROOM: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?i)(?-u:\b)(?:(?:room|rm\.?|bed|bay|cubicle|bedspace|chair|cell|cabin|stateroom)\s*|(?-i:Ward)\s+)(?:no\.?|number|\#)?\s*(?P<id>\d{1,5}[A-Z]?(?:-[A-Z0-9]{1,3})?|(?-i:[A-Z])-?\d{1,3})(?-u:\b)").unwrap()
});

/// Check of [`ROOM`]: a room word before `pos`, maybe with `#`, `no.` or `number` between
/// (`room 822`, `Rm. #4`, `bed no. 2`).
fn room_before(b: &[u8], pos: usize) -> bool {
    const WORDS: &[&str] = &["room", "rm", "rm.", "bed", "bay", "cubicle", "bedspace", "ward", "chair", "cell", "cabin", "stateroom"];
    let j = space_back(b, pos);
    // every word and label below ends with one of these bytes: most digit runs (after `:`, `/`,
    // `x` or another word) are rejected here without comparing any word
    if j == 0 || !matches!(b[j - 1].to_ascii_lowercase(), b'm' | b'.' | b'd' | b'y' | b'e' | b'r' | b'l' | b'#' | b'o' | b'n') {
        return false;
    }
    ends_with_any(b, j, WORDS) || ["#", "no.", "no", "number"].iter().any(|l| ends_with_any(b, j, &[l]) && ends_with_any(b, space_back(b, j - l.len()), WORDS))
}

fn judge_room(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let id = caps.name("id").unwrap();
    // "bed 2 weeks", "room 20 minutes", "bed rest x 3": quantities and durations
    let nw = next_word(text, id.end());
    if ["days", "weeks", "hours", "hrs", "minutes", "mins", "min", "times", "x", "mg", "%", "degrees", "air", "temp", "temperature"].contains(&nw.as_str()) || char_at(text, id.end()) == Some('%') {
        return;
    }
    // "up to chair 2x", "OOB TO CHAIR X3": a count of times
    let times = |d: &str| !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit());
    if id.as_str().len() <= 3 && (id.as_str().strip_suffix(['x', 'X']).is_some_and(times) || id.as_str().strip_prefix(['x', 'X']).is_some_and(times)) {
        return;
    }
    // "room air" never reaches here; "in room 3" and "Rm 612-B" do
    let _ = prev_word(text, caps.get(0).unwrap().start());
    out.push(Hit::of(caps, Category::Location, 0.75, "a room or bed number"));
}

/// A hospital ward named by a floor and a wing ("walked out of 4 West", "transferred to 7 North",
/// "Unit 2 West", "Beth Israel Lakeshore 5 West"), after a word of place or movement, "unit" or
/// "ward", or a capitalized word; not a street ("4 West Street") or a road ("Route 9 North").
static WARD: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?i)(?-u:\b)(?:to|from|of|on|at|in|onto|off|unit|ward|(?-i:[A-Z][a-z]+))\s+(?P<id>\d{1,2}\s?(?-i:North|South|East|West|NORTH|SOUTH|EAST|WEST)(?:\s+(?:tower|wing|unit|ward))?)(?-u:\b)").unwrap()
});

fn judge_ward(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let id = caps.name("id").unwrap();
    let opener = caps.get(0).unwrap().as_str().split_whitespace().next().unwrap_or("").to_ascii_lowercase();
    if ["route", "highway", "hwy", "interstate", "exit", "day", "days", "week", "weeks", "page", "step", "grade", "stage", "class", "type", "level", "phase", "chapter"].contains(&opener.as_str()) {
        return;
    }
    let nw = next_word(text, id.end());
    if ["street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln", "place", "way", "court", "ct", "parkway", "highway", "hwy", "side", "end", "bound", "and", "of"].contains(&nw.as_str()) {
        return;
    }
    out.push(Hit::of(caps, Category::Location, 0.6, "a hospital ward (a floor and a wing)"));
}

/// The address rules, in registry order.
pub fn rules() -> Vec<Rule> {
    vec![
        // a house number (at most six digits, then a capital, a dash or a space) and a
        // capitalized street word (`Street`, `St`)
        Rule { within: None, name: "address", regex: &STREET_NUMBERED, judge: judge_street, gate: &[], check: Some(|k, t| k.has_upper_lower() && k.any_run(t, |b, s, n| n <= 6 && b.get(s + n).is_some_and(|&c| is_space(c) || c == b'-' || c.is_ascii_uppercase()))) },
        // a run of one to three digits, an ordinal suffix and a space (`21st `, `149TH `)
        Rule { within: None, name: "street", regex: &STREET_ORDINAL, judge: judge_street_ordinal, gate: &[], check: Some(|k, t| k.any_run(t, |b, s, n| n <= 3 && b.len() > s + n + 2 && matches!(&[b[s + n].to_ascii_lowercase(), b[s + n + 1].to_ascii_lowercase()], b"st" | b"nd" | b"rd" | b"th") && is_space(b[s + n + 2]))) },
        Rule { within: None, name: "po-box", regex: &PO_BOX, judge: judge_po_box, gate: &["box"], check: None },
        Rule { within: None, name: "coordinates", regex: &COORDS, judge: judge_coords, gate: &[], check: Some(|k, t| k.decimals(t, 2) >= 2) },
        Rule { within: None, name: "unit", regex: &UNIT_ALONE, judge: judge_unit_alone, gate: &["apt", "apartment", "suite", "ste", "flat", "unit"], check: None },
        // 1-4 digits after spaces after "in" or "at"
        Rule { within: None, name: "room", regex: &ROOM_IN, judge: judge_room_in, gate: &["across", "door", "hall", "mr", "ms", "miss"], check: Some(|k, t| k.any_run(t, |b, s, n| n <= 4 && space_back(b, s) < s && ends_with_any(b, space_back(b, s), &["in", "at"]))) },
        Rule { within: None, name: "zip", regex: &ZIP, judge: judge_zip, gate: &[], check: Some(|k, _| k.longest_digit_run() >= 5) },
        // Canadian: a digit, a capital, a digit (`0B1`); UK: a lone digit after a space before
        // two capitals (` 4QZ`)
        Rule { within: None, name: "postcode", regex: &POSTCODE, judge: judge_postcode, gate: &[], check: Some(|k, t| k.any_run(t, |b, s, n| {
            let e = s + n;
            (b.get(e).is_some_and(u8::is_ascii_uppercase) && b.get(e + 1).is_some_and(u8::is_ascii_digit))
                || (n == 1 && s > 0 && is_space(b[s - 1]) && b.get(e).is_some_and(u8::is_ascii_uppercase) && b.get(e + 1).is_some_and(u8::is_ascii_uppercase))
        })) },
        Rule { within: None, name: "room", regex: &ROOM, judge: judge_room, gate: &["room", "rm", "bed", "bay", "cubicle", "ward", "chair", "cell", "cabin"], check: Some(|k, t| k.any_run(t, |b, s, n| n <= 5 && (room_before(b, s) || s > 0 && b[s - 1].is_ascii_uppercase() && room_before(b, s - 1) || s > 1 && b[s - 1] == b'-' && b[s - 2].is_ascii_uppercase() && room_before(b, s - 2)))) },
        Rule { within: None, name: "ward", regex: &WARD, judge: judge_ward, gate: &["north", "south", "east", "west"], check: None },
    ]
    .into_iter()
    .chain(STREET_NAMED.iter().zip(STREET_NAMED_GATES).enumerate().map(|(i, (regex, gate))| {
        // the first form ends with a capitalized street word (`Quarry Road`)
        let check: Option<super::Check> = if i == 0 { Some(|k, _| k.has_upper_lower()) } else { None };
        Rule { within: None, name: "street", regex, judge: judge_street, gate, check }
    }))
    .collect()
}

#[cfg(test)]
mod tests {
    use crate::engine::structured::tests_support::{assert_finds, assert_ignores};
    use crate::engine::Category::{self, *};

    #[test]
    fn finds() {
        // (text, the exact text that must be found, its category)
        let rows: &[(&str, &str, Category)] = &[
            ("a two-bedroom at 2210 Cedar Ave S, Apt 4 in", "2210 Cedar Ave S, Apt 4", Location),
            // the town and postcode after a street address, with no state
            ("Our new address is 412 Lakewood Blvd, 49424. Or call.", "412 Lakewood Blvd, 49424", Location),
            ("Passenger: a guest, cabin 9142, age 93", "9142", Location),
            ("Rheumatology\n27 Childers Road, Gisborne 4010\nRe: a referral", "27 Childers Road, Gisborne 4010", Location),
            ("at 45 Elm Street, Springfield, IL 62704 with", "45 Elm Street, Springfield", Location),
            ("Health 118 Depot Street, Suite 2 Pike Gap", "118 Depot Street, Suite 2", Location),
            ("at the house on Quarry Road in", "Quarry Road", Location),
            ("walk-up on Calle Ocotillo in the", "Calle Ocotillo", Location),
            ("guardrail at Route 9 and Alder Street, plate", "Route 9 and Alder Street", Location),
            ("Pike Gap, WV 24987 Office", "24987", Location),
            ("Boston, Massachusetts 02114.", "02114", Location),
            ("flat on Fennimore Road, SE19 4QZ, the", "SE19 4QZ", Location),
            ("Ottawa ON K1A 0B1", "K1A 0B1", Location),
            ("DOB 07/02/1958 / Rm 612-B Pt", "612-B", Location),
            ("in the corner of room 11 with", "11", Location),
            // a dialysis chair, a cell, a letter and a number after a bed or room word (blind4, blind5)
            ("dialysis MWF at the unit, chair 12. Potential donor", "12", Location),
            ("Housing: C-Pod, Cell 12 Inmate", "12", Location),
            ("DOL 19, Bed N-14 MRN", "N-14", Location),
            ("checks, Rm B-112. Dr. reviewed", "B-112", Location),
            ("PO Box 4471, Erewhon", "PO Box 4471", Location),
            ("before that, the Garfield Avenue shelter. He", "Garfield Avenue shelter", Location),
            ("Across the hall in 110, Mrs. X", "110", Location),
            ("also fyi mrs kowalski in 14 wants", "14", Location),
            ("she lives in Apt 4B now", "Apt 4B", Location),
            ("finally walked out of 4 West today", "4 West", Location),
            ("TRANSFERRED TO 7 NORTH AT 1400", "7 NORTH", Location),
            ("found at 40.7128° N, 74.0060° W by", "40.7128° N, 74.0060° W", Location),
            ("pin -33.8688, 151.2093 sent", "-33.8688, 151.2093", Location),
            ("a bakery on East 9th Street closed", "East 9th Street", Location),
            ("past the W 52nd Ave bridge", "W 52nd Ave", Location),
            ("her stay on Ward 18 in May", "18", Location),
            ("Hall bed J2: quiet", "J2", Location),
        ];
        assert_finds(rows);
    }

    #[test]
    fn ignores() {
        let rows: &[(&str, &str)] = &[
            ("sats 94% on room air", "room"),
            // a clause after the address is no town
            ("lives at 45 Elm Street, Monday through Friday", "Street, Monday"),
            ("lives at 45 Elm Street, She said", "Street, She"),
            ("ACTIVITY OOB TO CHAIR X3 ASSIST WITH PT", "X3"),
            ("up to chair 2x today", "2x"),
            ("GCS 11 (E2V4M5) after sedation", "E2V4M5"),
            ("bed rest for 2 days", "2"),
            ("The Way we work", "Way"),
            ("CA 19-9 level", "19-9"),
            ("Dr Smith saw her", "Dr"),
            ("pH 7.35, 7.41 later", "7.35"),
            ("drove north on Route 9 North past the exit", "9 North"),
            ("RHYTHM: 1ST ST ELEVATION NOTED", "1ST ST"),
            ("back to Ward3 later", "3"),
        ];
        assert_ignores(rows);
    }
}
