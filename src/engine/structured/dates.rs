//! Dates, ages and years.
//!
//! **Dates** (any element more specific than a year): numeric (`07/02/1958`, `3/14`, `3-24-17`,
//! `2024-02-19`, `3.11.24`, `09-Jan-2024`), written (`March 14th`, `Jan. 9`, `Friday 8 March`,
//! `April 22, 2024`, `March 2024`, `MARCH OF 1993`, `21 Apr, 21`), ordinal days (`by the 16th`)
//! and holidays (`Christmas Eve 2023`). A weekday before a date is included in the span. A month
//! alone counts when abbreviated with a period after a time word (`in sept.`, `since Nov.`).
//!
//! A bare `m/d` is the hard case in clinical notes: `1/2` NS, pain `8/10`, PSV `10/5`, crackles
//! `1/3` up, co/ci `5/3`. [`judge_md`] rejects fractions (`1/2`, `3/4`), scores out of ten,
//! ventilator settings, lung-field fractions, and anything glued to other numbers, unless a date
//! word (`on`, `since`, `admitted`, `DOB`) stands right before it.
//!
//! **Ages** are reported as AGE (optional, informational) up to 89 and as AGE90 (required) from
//! 90: `94yo`, `98 yo`, `52-year-old`, `aged 91`, `Mr. Kessler, 93,`, `She is 96 and`.
//!
//! **Years** on their own are optional (YEAR): `1987`, `1980s`. A two-digit year with an
//! apostrophe (`MI '92`, `CVA 74'`) is reported as a DATE: notes use the short form for dates as
//! often as for years (but `HOB 30'`, `AMBULATED 30'` stay unflagged measures).

use std::sync::LazyLock;


use super::{after, before, char_at, char_before, ends_with_any, is_space, next_word, prev_word, prev_words, space_back, Check, Hit, Keywords, Rule};
use crate::engine::pattern::{ascii, ascii_unfiltered, Captures, Regex};
use crate::engine::Category;

/// Month names and abbreviations (case-insensitive; `May` is checked for case in [`month_ok`]).
const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
/// An optional weekday before a date: `Tuesday, `, `Sat `, `Fri. `.
const WEEKDAY: &str = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?";

/// Words that, right before a date-like number, make it a date.
const DATE_WORDS: &[&str] = &[
    "on", "since", "from", "until", "till", "til", "thru", "through", "dated", "date", "dob", "d.o.b",
    "born", "admitted", "admit", "admission", "discharged", "seen", "of", "by", "before", "after",
    "as", "starting", "started", "effective", "last", "next", "f/u", "d/c", "d/c'd", "dc'd", "due",
    "s/p", "dos", "doa", "dod", "expired", "died", "b", "birthday", "today", "yesterday", "tomorrow",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "in", "and", "or", "to", "-", "at",
];

/// Words after `m/d` that mean a quantity, a ratio or a setting, not a date.
const NOT_DATE_AFTER: &[&str] = &[
    "ns", "up", "way", "hr", "hrs", "hour", "hours", "amp", "amps", "str", "strength", "peep", "ps",
    "pain", "cp", "bilat", "bilaterally", "tab", "tabs", "tablet", "dose", "doses", "cc", "ml", "l",
    "mg", "cm", "units", "unit", "of", "full", "nl", "normal", "ratio", "murmur", "sats", "fio2",
    "times", "x", "q", "way", "rt", "lt", "r", "mm", "mmhg", "sec", "min", "mins", "gallon", "cup",
    "cups", "inch", "inches", "time", "scale", "bipap", "cpap", "psv", "imv", "ips", "vent",
    "settings", "sem", "mg/kg", "vision",
    // a gestational age: "CGA 33 2/7 wks"
    "wk", "wks", "weeks",
];

/// Words before `m/d` that mean a setting, a measurement or a fraction.
const NOT_DATE_BEFORE: &[&str] = &[
    "ps", "psv", "cpap", "bipap", "bi-pap", "ips", "imv", "simv", "peep", "ac", "vent", "flowby",
    "co/ci", "co/ci/svr", "svr", "crackles", "rales", "cxs", "ls", "bs", "wheezes", "x", "q",
    "d5", "ivf", "pain", "cp", "strength", "grade", "murmur", "pulses", "approx", "approx.", "~", "tv",
    "about", "bp", "b/p",
    "sbp", "pressure", "pressures", "ratio", "i:e", "score", "apgar", "gcs", "sat", "sats", "@",
    "pap", "settings", "setting", "trial", "vision", "acuity", "va",
];

fn month_ok(m: &str) -> bool {
    // "may" is a verb far more often than a month: only "May" or "MAY" count.
    !m.eq_ignore_ascii_case("may") || m == "May" || m == "MAY"
}

fn valid_md(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn num(caps: &Captures<'_>, name: &str) -> u32 {
    caps.name(name).and_then(|m| m.as_str().parse().ok()).unwrap_or(0)
}

/// True when the byte before `start` or after `end` glues the match to a longer token.
fn glued(text: &str, start: usize, end: usize) -> bool {
    let b = char_before(text, start);
    let a = char_at(text, end);
    let next2 = after(text, end, 2).as_bytes();
    // a dash or colon glues only to a number before it: "TOXICITY-9/2/92" and "HX:8/30" are dates,
    // "5-6/3-4" and "4:3/2" are not
    let before_b = text[..start].chars().rev().nth(1);
    let soft = matches!(b, Some('-' | ':')) && !matches!(before_b, Some(c) if c.is_ascii_digit());
    (matches!(b, Some(c) if c.is_alphanumeric() || matches!(c, '/' | '.' | '-' | ':' | '_' | '+')) && !soft)
        || matches!(a, Some(c) if c.is_alphanumeric() || matches!(c, '/' | '_' | '\''))
        || (matches!(a, Some('.' | '-' | ':')) && next2.get(1).is_some_and(u8::is_ascii_digit))
}

/// True when `s` is a valid `m/d` of one or two digits each and no fraction (`1/2`, `3/4`).
fn lone_md(s: &str) -> bool {
    let Some((m, d)) = s.split_once('/') else { return false };
    let part = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    if !part(m) || !part(d) {
        return false;
    }
    let (m, d): (u32, u32) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    valid_md(m, d) && !(d <= 4 && m < d)
}

/// True when the `m/d` at `start..end` is one end of a range of two dates joined by a dash with
/// or without spaces ("proned 3/7-3/8", "3/7 - 3/8", "admitted 12/23-12/28"), which [`glued`] would otherwise reject
/// as part of a longer number string ("5-6/3-4" has no `m/d` on either side of its dash).
fn in_md_range(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let token = |a: usize, b: usize| text.get(a..b).is_some_and(lone_md) && !bytes.get(b).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'/') && !(a > 0 && (bytes[a - 1].is_ascii_alphanumeric() || bytes[a - 1] == b'/'));
    // the dash, alone or spaced ("3/7-3/8", "3/7 - 3/8")
    let dash_after = if text[end..].starts_with('-') { 1 } else if text[end..].starts_with(" - ") { 3 } else { 0 };
    let dash_before = if text[..start].ends_with(" - ") { 3 } else if text[..start].ends_with('-') { 1 } else { 0 };
    // the date after the dash: up to five bytes of digits and one slash
    let after = dash_after > 0 && {
        let a = end + dash_after;
        let b = a + bytes[a.min(bytes.len())..].iter().take(6).take_while(|c| c.is_ascii_digit() || **c == b'/').count();
        token(a, b)
    };
    let before = dash_before > 0 && {
        let b = start - dash_before;
        let a = b - bytes[..b].iter().rev().take(6).take_while(|c| c.is_ascii_digit() || **c == b'/').count();
        token(a, b)
    };
    (after || before) && !(start > 0 && bytes[start - 1].is_ascii_alphanumeric()) && !bytes.get(end).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The sentence that `pos` is in, up to `pos` (at most 120 bytes back). A full stop after a title
/// (`Mr.`, `Dr.`) or an initial does not end a sentence.
pub fn sentence_before(text: &str, pos: usize) -> &str {
    let head = before(text, pos, 120);
    let bytes = head.as_bytes();
    let mut cut = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let ends = match b {
            b'!' | b'?' | b'\n' => true,
            b'.' => {
                let word = head[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
                let title = ["Mr", "Mrs", "Ms", "Dr", "St", "Mx", "Prof", "Sr", "Jr"].contains(&word);
                !title && word.len() != 1 && bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
            }
            _ => false,
        };
        if ends {
            cut = i + 1;
        }
    }
    &head[cut..]
}

/// A date word right before `start` (skipping spaces and an opening bracket).
fn date_word_before(text: &str, start: usize) -> bool {
    let w = prev_word(text, start);
    DATE_WORDS.contains(&w.as_str()) || w.ends_with("ed") && w.len() > 3
}

/// Gate of the written-date rules (see [`Rule::gate`]): every match names a month.
const MONTH_GATE: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// ---------------------------------------------------------------------------------------------
// Numeric dates with a year

static NUMERIC_YMD: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(&format!(
        r"(?i)(?-u:\b){WEEKDAY}(?:(?P<r1>\d{{1,2}})/(?P<r2>\d{{1,2}})/(?P<r3>\d{{1,2}})/(?P<r4>\d{{1,2}})(?-u:\b)|(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P<sep2>[/.-])(?P<y>\d{{4}}|\d{{2}})|(?P<y4>(?:19|20)\d{{2}})(?P<isep>[/.-])(?P<im>\d{{1,2}})[/.-](?P<id>\d{{1,2}})|(?P<da>\d{{1,2}})[\s/.-]?(?P<mon>{MONTH})\.?[\s/.-]?(?P<dy>\d{{4}}|\d{{2}})|(?P<mm>\d{{1,2}})/(?P<yyyy>(?:19|20)\d{{2}}))"
    ))
    .unwrap()
});

fn judge_numeric_ymd(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let (start, end) = (m.start(), m.end());
    let core_start = ["a", "y4", "da", "r1", "mm"].iter().filter_map(|g| caps.name(g)).map(|g| g.start()).next().unwrap_or(start);
    // 12/10/40% is a ventilator setting; 2024-02-19T22:47 is a timestamp (a date all the same)
    let timestamp = caps.name("y4").is_some() && char_at(text, end) == Some('T') && after(text, end, 2).as_bytes().get(1).is_some_and(u8::is_ascii_digit);
    if (glued(text, core_start, end) && !timestamp) || char_at(text, end) == Some('%') {
        return;
    }
    let ok = if caps.name("a").is_some() {
        // same separator twice, except the "11/21.93" typo of a slash and a dot
        let (s1, s2) = (&caps["sep"], &caps["sep2"]);
        let seps_ok = s1 == s2 || (s1 == "/" && s2 == ".");
        let (a, b) = (num(caps, "a"), num(caps, "b"));
        // a dotted triple with a 2-digit year is a version number or a lab value unless it is a
        // valid day-month or month-day
        seps_ok && (valid_md(a, b) || valid_md(b, a))
    } else if caps.name("y4").is_some() {
        valid_md(num(caps, "im"), num(caps, "id"))
    } else if caps.name("da").is_some() {
        month_ok(&caps["mon"]) && (1..=31).contains(&num(caps, "da"))
    } else if caps.name("mm").is_some() {
        // month and year: "01/2024" (not "1/2000" in a dilution: that needs a unit word after)
        (1..=12).contains(&num(caps, "mm")) && !matches!(next_word(text, end).as_str(), "dilution" | "mg" | "ml" | "units" | "strength")
    } else {
        valid_md(num(caps, "r1"), num(caps, "r2")) && valid_md(num(caps, "r3"), num(caps, "r4"))
    };
    if ok {
        out.push(Hit { start, end, category: Category::Date, score: 0.9, reason: "a date" });
    }
}

/// A date glued to the word before it, a common typing slip: "labs on10/14/82".
static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?i)(?-u:\b)(?:on|since|from|until|thru|dated)(?P<id>(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?:\d{4}|\d{2}))?)(?-u:\b)").unwrap()
});

fn judge_glued(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let id = caps.name("id").unwrap();
    if valid_md(num(caps, "a"), num(caps, "b")) && !matches!(char_at(text, id.end()), Some('/' | '%')) {
        out.push(Hit::of(caps, Category::Date, 0.7, "a date"));
    }
}

// ---------------------------------------------------------------------------------------------
// Month and day without a year: 3/14, 10/15, and 7-8 after a date word

static MD: LazyLock<Regex> = LazyLock::new(|| {
    ascii(&format!(r"(?i)(?-u:\b){WEEKDAY}(?P<a>\d{{1,2}})(?P<sep>[/-])(?P<b>\d{{1,2}})(?-u:\b)")).unwrap()
});

/// True when a time follows `end`: "@ 1300", "at 1400" (`nw` is the next word).
fn at_clock_time(text: &str, end: usize, nw: &str) -> bool {
    text[end..].trim_start_matches(' ').starts_with('@') || nw == "at" && after(text, end + 4, 1).bytes().all(|c| c.is_ascii_digit())
}

/// The ranges [`MD`] searches (see [`Rule::within`]): around each run of one or two digits
/// followed by `/` or `-` and a run of one or two digits (the `a` and `b` of every match), from
/// the start of the letters before it when spaces stand between, maybe after `.` or `,` (where
/// a weekday of the match starts: `Mon., 3/4`), to the end of the second run; touching or
/// overlapping ranges merged. Every match lies in the range of its `a`, so searching the ranges
/// finds what the whole text does (see the test `md_ranges_hold_every_hit`), and a note with a
/// few dates is read around them only (the rule read 0.94 MB of physionet-dev before).
fn md_ranges(k: &Keywords, text: &str, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let mut runs = k.digit_runs().peekable();
    while let Some((s, n)) = runs.next() {
        let e = s + n;
        let Some(&(s2, n2)) = runs.peek() else { break };
        if n > 2 || n2 > 2 || s2 != e + 1 || !matches!(b[e], b'/' | b'-') {
            continue;
        }
        let mut a = space_back(b, s);
        if a < s {
            while a > 0 && matches!(b[a - 1], b'.' | b',') {
                a -= 1;
            }
            while a > 0 && b[a - 1].is_ascii_alphabetic() {
                a -= 1;
            }
        }
        let end = s2 + n2;
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(end),
            _ => out.push((a, end)),
        }
    }
}

/// Decides whether a bare `m/d` (or `m-d` after a date word) is a date.
pub fn judge_md(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let a_start = caps.name("a").unwrap().start();
    let end = m.end();
    let (a, b) = (num(caps, "a"), num(caps, "b"));
    // "proned 3/7-3/8": one end of a range of dates (never of fractions: "1/3-1/2")
    let md_range = &caps["sep"] == "/" && valid_md(a, b) && !(b <= 4 && a < b) && in_md_range(text, a_start, end);
    if glued(text, a_start, end) && !md_range {
        return;
    }
    if &caps["sep"] == "/" && (1..=12).contains(&a) && b >= 32 && b != 52 && caps["b"].len() == 2 {
        // month and two-digit year: "AVR 8/88", "s/p mastectomies 11/92"
        let nw = next_word(text, end);
        if char_at(text, end) != Some('%') && !NOT_DATE_AFTER.contains(&nw.as_str()) && !NOT_DATE_BEFORE.contains(&prev_word(text, a_start).as_str()) {
            out.push(Hit { start: m.start(), end, category: Category::Date, score: 0.6, reason: "a month and year" });
        }
        return;
    }
    if !valid_md(a, b) || b == 52 {
        return;
    }
    let weekday = a_start > m.start();
    let strong = weekday || date_word_before(text, a_start);
    let pw = prev_word(text, a_start);
    let nw = next_word(text, end);
    if &caps["sep"] == "-" {
        // 1-2 days, 20-24 breaths: a dash pair is a date only after a date word, and never
        // before a unit
        // only "on 7-8 for coiling", "since 7-8.": followed by punctuation or a function word
        let punct = matches!(char_at(text, end), None | Some('.' | ',' | ';' | ')' | '\n'));
        let function_word = ["for", "and", "at", "with", "w/", "to", "when", "the", "pt", "s/p", "am", "pm", "after", "before"].contains(&nw.as_str());
        // after a word of an event or an appointment: "PLAN D/C 8-20.", "MTG SET FOR 6-12 @ 1300"
        let at_time = at_clock_time(text, end, &nw);
        // ... or of an admission or a procedure: "ADMITTED 12-23 S/P NSTEMI", "cath 12-24 w/ DES"
        let event = matches!(pw.as_str(), "on" | "since" | "until" | "till" | "d/c" | "dc" | "dob" | "due" | "f/u" | "appt" | "mtg" | "meeting" | "admitted" | "admit" | "adm" | "readmitted" | "discharged" | "transferred" | "cath" | "cathed" | "intubated" | "extubated" | "born" | "died" | "expired")
            || pw == "for" && at_time;
        if !((event || weekday) && (punct || function_word || at_time)) {
            return;
        }
        out.push(Hit { start: m.start(), end, category: Category::Date, score: 0.6, reason: "a month and day" });
        return;
    }
    let mut score: f32 = 0.75;
    // a fraction (1/2, 2/3, 3/4) or a score out of ten
    let fraction = b <= 4 && a < b;
    // "R AC 11/17" is the right antecubital (a line site), not assist control
    let antecubital = pw == "ac" && prev_words(text, a_start, 2).get(1).is_some_and(|w| matches!(w.as_str(), "r" | "l" | "rt" | "lt" | "right" | "left"));
    let setting = !antecubital && NOT_DATE_BEFORE.contains(&pw.as_str()) || before(text, a_start, 1) == "x" || before(text, a_start, 1) == "(" && prev_word(text, a_start - 1) == "co/ci";
    // "9/10 doctors", "4/5 stars": a ratio of things counted (a plural noun right after)
    const COUNTED: &[&str] = &["people", "patients", "doctors", "physicians", "nurses", "stars", "points", "cases", "votes", "respondents", "children", "kids", "women", "men", "adults", "students", "residents", "participants", "subjects", "families", "hospitals", "clinicians", "americans", "parents", "teens", "voters", "members"];
    let counted = COUNTED.contains(&nw.as_str());
    // "Date: 11/14   Time: 10:20": the next word is the next field's label, not a unit
    let next_label = text[end..].trim_start_matches([' ', '\t']).get(nw.len()..).is_some_and(|r| r.starts_with(':'));
    let quantity = NOT_DATE_AFTER.contains(&nw.as_str()) && !next_label || after(text, end, 1) == "%" || counted;
    // a part of a range or a list of ratios: 1/3-1/2, 5-6/3-4/0-80
    let in_range = !md_range && (before(text, a_start, 1) == "-" || (after(text, end, 1) == "-" && after(text, end, 2).ends_with(|c: char| c.is_ascii_digit())));
    // lung fields and the like: "crackles 1/3 up" with the noun a few words back
    let lung = {
        let head = before(text, a_start, 24).to_ascii_lowercase();
        let words: Vec<&str> = head.split(|c: char| !(c.is_ascii_alphanumeric() || c == '/' || c == '-')).filter(|w| !w.is_empty()).collect();
        const SETTING_WORDS: &[&str] = &["score", "scored", "scores", "apgar", "apgars", "gcs", "phq-9", "rated", "crackles", "rales", "wheezes", "wheezing", "bs", "ls", "coarse", "diminished", "psv", "cpap", "peep", "ps", "pain", "co/ci", "bipap", "bi-pap", "settings", "murmur", "sem", "rhonchi", "cxs",
            // scales scored out of a total ("Tinetti 11/28", "Mini-Cog 3/5", "HLA mismatch 3/6")
            "tinetti", "mini-cog", "minicog", "moca", "mmse", "slums", "berg", "fim", "nihss", "braden", "morse", "borg", "rass", "ciwa", "cows", "epds", "gad-7", "phq-2", "audit-c", "mismatch", "mismatched", "motor", "mrc"];
        words.iter().rev().take(3).any(|w| SETTING_WORDS.contains(w) || w.split('/').any(|p| ["cpap", "ps", "psv", "peep", "bipap", "imv", "simv"].contains(&p)))
    };
    // ventilator notes: "SIMV/PS, 40%, 600X4, & 5/10", "AC 500TV/50 / 5/10"
    // (a closure: only asked about small pairs, see `vent_setting`)
    let vent_near = || {
        let head = before(text, a_start, 40).to_ascii_lowercase();
        head.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| ["simv", "psv", "cpap", "peep", "fio2", "imv", "ips", "bipap", "settings", "vent", "ac", "tv", "ps"].contains(&w) || w.ends_with("tv") && w.starts_with(|c: char| c.is_ascii_digit()))
    };
    // a score out of ten needs a pain word nearby to be a score (asked only about x/10)
    let pain_near = || {
        let around = format!("{} {}", before(text, a_start, 32), after(text, end, 24)).to_ascii_lowercase();
        ["pain", "cp", "c/o", "discomfort", "scale", "ache", "rated", "rates", "angina", "score", "pressure", "tender"].iter().any(|w| around.contains(w))
    };
    let out_of_ten = b == 10 && a <= 10 && pain_near();
    // "follow up in 2/52", "for 3/7", "review in 6/12": weeks, days and months in British notes
    // ("mtg planned for 11/7 at 1400": a day with a time is a date)
    let duration = matches!(b, 7 | 12 | 52) && matches!(pw.as_str(), "in" | "for" | "x" | "over" | "within" | "after" | "another") && !(b != 52 && at_clock_time(text, end, &nw));
    if in_range || duration || b == 52 {
        return;
    }
    let strong_date_word = matches!(pw.as_str(), "on" | "since" | "from" | "until" | "dated" | "dob" | "born" | "admitted" | "thru" | "through" | "till" | "til" | "f/u" | "due")
        || weekday;
    // in a ventilator note, only an event verb ("PLACED 8/14") or a date preposition other than
    // "on" ("placed on 10/5" is a setting) makes a small pair a date
    const SETTING_VERBS: &[&str] = &["decreased", "increased", "weaned", "changed", "returned", "switched", "reduced", "titrated", "tolerated", "maintained", "remained", "placed", "continued"];
    // "palliative consult 6/13.": a planned visit or procedure closing its phrase with the date
    let event_noun = matches!(pw.as_str(), "consult" | "appt" | "appointment" | "visit" | "surgery" | "procedure" | "biopsy" | "clinic" | "mtg" | "meeting" | "followup" | "follow-up")
        && matches!(char_at(text, end), None | Some('.' | ',' | ';' | '\n'));
    // (both ends of a range of dates are dates: "proned 3/7 - 3/8" near ventilator words)
    let event_word = md_range || event_noun || (strong_date_word && pw != "on") || (pw.ends_with("ed") && !SETTING_VERBS.contains(&pw.as_str())) || pw == "placed" && before(text, a_start, 10).contains('(');
    let vent_setting = a <= 20 && b <= 20 && !event_word && !antecubital && vent_near();
    if fraction || out_of_ten || setting || quantity || lung || vent_setting {
        if !strong_date_word || quantity {
            return;
        }
        score = 0.55;
    } else if strong {
        score = 0.85;
    }
    if a == b && !strong {
        // 2/2 sets: only with a date word
        score = score.min(0.5);
        if lung || setting {
            return;
        }
    }
    // 5/5 (strength, CPAP) and 10/10 (pain) are conventions far more often than dates
    // (unless it ends a range of dates within its month: "admitted 5/2 - 5/5", not "4/5-5/5")
    let same_month_range = md_range && {
        let head = text[..a_start].strip_suffix(" - ").or_else(|| text[..a_start].strip_suffix('-')).unwrap_or("");
        let k = head.len() - head.bytes().rev().take_while(|c| c.is_ascii_digit() || *c == b'/').count();
        head[k..].split_once('/').is_some_and(|(m, d)| m.parse() == Ok(a) && d.parse::<u32>().is_ok_and(|d| d < b))
    };
    if ((a, b) == (5, 5) || (a, b) == (10, 10)) && !matches!(pw.as_str(), "since" | "dated" | "dob" | "born" | "until" | "due") && !weekday && !same_month_range {
        return;
    }
    out.push(Hit { start: m.start(), end, category: Category::Date, score, reason: "a month and day" });
}

// ---------------------------------------------------------------------------------------------
// Written dates

static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(&format!(
        r"(?i)(?-u:\b){WEEKDAY}(?:(?P<m1>{MONTH})\.?\s+(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<y1>\d{{4}})(?-u:\b))?|(?:\d{{1,2}}(?:st|nd|rd|th)?\s*(?:->|-|–|to|&|and)\s*)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH})(?-u:\b)\.?(?:,?\s+(?P<y2>\d{{4}}(?-u:\b)|'?\d{{2}}(?-u:\b)))?|(?P<m3>{MONTH})(?-u:\b)\.?(?:,?\s+of|,)?\s+(?P<y3>(?:1[89]|20)\d{{2}}(?-u:\b)|'\d{{2}}(?-u:\b)|\d{{2}}(?-u:\b)))"
    ))
    .unwrap()
});

fn judge_written(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let month = ["m1", "m2", "m3"].iter().find_map(|g| caps.name(g)).unwrap();
    if !month_ok(month.as_str()) {
        return;
    }
    // "Mar" and "Jan" are also names; an abbreviation needs a day or a year right after (it has
    // one by construction) and must not run into a longer word ("Oct 3rd" aside)
    let (start, end) = (m.start(), m.end());
    if matches!(char_at(text, end), Some(c) if c.is_alphanumeric()) {
        return;
    }
    if let Some(d) = caps.name("d1").or_else(|| caps.name("d2")) {
        if !(1..=31).contains(&d.as_str().parse::<u32>().unwrap_or(0)) {
            return;
        }
        // "May 2 units"? a day followed by a unit is a quantity
        let nw = next_word(text, end);
        if ["mg", "units", "mcg", "ml", "cc", "kg", "lbs", "pm", "am"].contains(&nw.as_str()) && caps.name("y1").is_none() && caps.name("y2").is_none() && (nw != "am" && nw != "pm") {
            return;
        }
    }
    if let Some(y) = caps.name("y3") {
        // month + two digits without a comma or apostrophe is a day ("Oct 19" matched above)
        let ys = y.as_str();
        if ys.len() == 2 && !text[month.end()..y.start()].contains(',') && ys.parse::<u32>().unwrap_or(0) <= 31 {
            return;
        }
    }
    let score = if caps.name("d1").is_some() || caps.name("d2").is_some() { 0.9 } else { 0.8 };
    // "30 November." ends a sentence; only an abbreviation ("Nov.") keeps its dot
    let end = if end == month.end() + 1 && text[..end].ends_with('.') && month.as_str().len() > 4 { end - 1 } else { end };
    out.push(Hit { start, end, category: Category::Date, score, reason: "a written date" });
}

/// Ordinal day words: "first" to "thirty-first".
const ORD_WORDS: &str = r"(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth";

static WRITTEN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(&format!(
        r"(?i)(?-u:\b){WEEKDAY}(?:(?P<m1>{MONTH})\.?\s+(?:the\s+)?(?:{ORD_WORDS})(?-u:\b)(?:,?\s+\d{{4}}(?-u:\b))?|(?:the\s+)?(?:{ORD_WORDS})\s+of\s+(?P<m2>{MONTH})(?-u:\b)\.?(?:,?\s+\d{{4}}(?-u:\b))?)"
    ))
    .unwrap()
});

fn judge_written_words(_text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let month = caps.name("m1").or_else(|| caps.name("m2")).unwrap();
    if !month_ok(month.as_str()) {
        return;
    }
    out.push(Hit::of(caps, Category::Date, 0.85, "a written date"));
}

static ORDINAL_DAY: LazyLock<Regex> = LazyLock::new(|| {
    // (second reading, in the same pass: a dotted month and day right after a word of birth,
    // death or discharge: "born 10.3 and went home 1.11")
    ascii_unfiltered(r"(?i)(?-u:\b)(?:(?P<ctx>the|on|by|since|until|of)\s+(?:(?P<the>the)\s+)?(?P<id>(?P<n>\d{1,2})(?:st|nd|rd|th))|(?:born|discharged|died|passed|home|dob|birthday|bday)\s+(?:on\s+)?(?P<dm>\d{1,2})\.(?P<dd>\d{1,2}))(?-u:\b)").unwrap()
});

/// "born 10.3", "went home 1.11": a month and day written with a dot after a word of birth,
/// death or discharge, closing the phrase (never "home 2.5 hrs", "born 3.2 kg", "10.3.2020").
fn judge_dotted(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let (m, d) = (caps.name("dm").unwrap(), caps.name("dd").unwrap());
    let (a, b): (u32, u32) = (m.as_str().parse().unwrap_or(0), d.as_str().parse().unwrap_or(0));
    let end = d.end();
    let punct = matches!(char_at(text, end), None | Some(',' | ';' | ')' | '\n' | '!' | '?')) || char_at(text, end) == Some('.') && !after(text, end, 2).ends_with(|c: char| c.is_ascii_digit());
    let nw = next_word(text, end);
    if !(1..=12).contains(&a) || !(1..=31).contains(&b) || !(punct || matches!(nw.as_str(), "and" | "at" | "to" | "but" | "after" | "when" | "with" | "in")) {
        return;
    }
    out.push(Hit { start: m.start(), end, category: Category::Date, score: 0.6, reason: "a month and day after a word of birth or discharge" });
}

fn judge_ordinal(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    if caps.name("dm").is_some() {
        return judge_dotted(text, caps, out);
    }
    let n: u32 = caps["n"].parse().unwrap_or(0);
    let id = caps.name("id").unwrap();
    if !(1..=31).contains(&n) {
        return;
    }
    // "the 3rd floor", "the 2nd time": an ordinal followed by a noun is not a date; one followed by
    // punctuation, a clause or a time is.
    let nw = next_word(text, id.end());
    let punct = matches!(char_at(text, id.end()), None | Some('.' | ',' | ';' | ')' | '!' | '?' | '"' | '\'' | ':' | '\n'));
    // ("On the 8th her son called": a possessive or a subject opens the clause that follows)
    let ok_next = ["at", "and", "in", "when", "but", "so", "to", "for", "she", "he", "we", "i", "they", "of", "after", "before", "morning", "evening", "night", "afternoon", "or", "per", "w", "w/", "with", "via", "re", "if", "unless", "as", "her", "his", "my", "our", "their", "your", "you", "it", "its"];
    let ctx = caps.name("ctx").unwrap();
    // "Saturday the 20th from 10 to 2", "on the 9th that she died": after a weekday, or after "on
    // the", a day of the month may go on into any clause (never a noun: "on the 3rd floor")
    let weekday_before = ctx.as_str().eq_ignore_ascii_case("the") && {
        let pw = prev_word(text, ctx.start());
        matches!(pw.as_str(), "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
    };
    let on_the = caps.name("the").is_some() && ctx.as_str().eq_ignore_ascii_case("on");
    let clause_next = (weekday_before || on_the) && matches!(nw.as_str(), "that" | "from" | "until" | "till" | "through" | "was" | "is" | "we" | "will");
    if !(punct || clause_next || ok_next.contains(&nw.as_str())) {
        return;
    }
    let start = match caps.name("the") {
        Some(the) => the.start(),
        None if weekday_before => text[..ctx.start()].trim_end().len() - prev_word(text, ctx.start()).len(),
        None if ctx.as_str().eq_ignore_ascii_case("the") => ctx.start(),
        None => return,
    };
    out.push(Hit { start, end: id.end(), category: Category::Date, score: 0.7, reason: "a day of the month" });
}

static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?i)(?-u:\b)(?:christmas(?:\s+(?:eve|day))?|new\s+year'?s(?:\s+(?:eve|day))|thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|monday))?|halloween|valentine'?s\s+day|independence\s+day|fourth\s+of\s+july|boxing\s+day|memorial\s+day|labor\s+day|labour\s+day|canada\s+day|anzac\s+day|st\.?\s+patrick'?s\s+day|mother'?s\s+day|father'?s\s+day|good\s+friday|diwali|yom\s+kippur|rosh\s+hashanah|eid\s+al-(?:fitr|adha)|juneteenth|veterans\s+day|remembrance\s+day|bastille\s+day|guy\s+fawkes\s+night)(?:,?\s+(?:19|20)\d{2}(?-u:\b))?").unwrap()
});

fn judge_holiday(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    // a holiday with a year is a full date; without one it is the date of an event only when
    // something happened on it ("on Christmas Day she died"), not "over Christmas" or
    // "Thanksgiving dinner"
    let with_year = m.as_str().ends_with(|c: char| c.is_ascii_digit());
    // ("the worst night was New Year's Eve", "her last good day was Easter Sunday": a night or
    // day named as the time of the story)
    let lower = m.as_str().to_ascii_lowercase();
    let on = matches!(prev_word(text, m.start()).as_str(), "on" | "since" | "until" | "till" | "before" | "after" | "by")
        || prev_word(text, m.start()) == "was" && [" eve", " day", " sunday", " monday"].iter().any(|d| lower.ends_with(d));
    if !(with_year || on) {
        return;
    }
    let score = if with_year { 0.85 } else { 0.6 };
    out.push(Hit { start: m.start(), end: m.end(), category: Category::Date, score, reason: "a holiday (a date)" });
}

// ---------------------------------------------------------------------------------------------
// Ages

static AGE_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    // (also an age of 90 or more with the sex letter attached: "102F", "(95M)")
    ascii_unfiltered(r"(?i)(?-u:\b)(?P<id>(?P<n>\d{1,3})(?:\s*-?\s*(?:years?\s+of\s+age|yo|y/o|y\.o\.?|yrs?\.?\s*old|years?\s*old|year-old|yr-old|-?years?-old|yr|yrs|y)|(?P<sex>(?-i:[MF])))(?-u:\b)\.?)").unwrap()
});

fn age_hit(n: u32, start: usize, end: usize, score: f32) -> Option<Hit> {
    match n {
        0..=89 => Some(Hit { start, end, category: Category::Age, score, reason: "an age (89 or under)" }),
        90..=125 => Some(Hit { start, end, category: Category::Age90, score, reason: "an age over 89" }),
        _ => None,
    }
}

/// An age given by the birthday it reached: "her 92nd birthday", "his 100th bday".
static AGE_BIRTHDAY: LazyLock<Regex> = LazyLock::new(|| {
    ascii(r"(?i)(?-u:\b)(?P<n>\d{1,3})(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)(?-u:\b)").unwrap()
});

fn judge_age_birthday(_text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let n: u32 = caps["n"].parse().unwrap_or(999);
    let ordinal_end = m.start() + m.as_str().find(|c: char| c.is_whitespace()).unwrap_or(m.len());
    out.extend(age_hit(n, m.start(), ordinal_end, 0.8));
}

fn judge_age_unit(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let id = caps.name("id").unwrap();
    let n: u32 = caps["n"].parse().unwrap_or(999);
    if let Some(sex) = caps.name("sex") {
        // "102F from assisted living", "My grandmother (95F)": never a temperature ("T 102F",
        // "febrile to 102F", "Tmax 101.9F") or a part of a longer number
        let n_at = caps.name("n").unwrap().start();
        let pw = prev_word(text, n_at);
        let glued = before(text, n_at, 1).ends_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '/' | '-' | '°' | '+'));
        let temp = matches!(pw.as_str(), "t" | "temp" | "temperature" | "tmax" | "tm" | "max" | "fever" | "febrile" | "to" | "of" | "at" | "spiked" | "spike" | "up" | "tc" | "tcurrent" | "oral" | "po" | "ax" | "rectal" | "degrees" | "was" | "is" | "afebrile" | "temps" | "@")
            || before(text, n_at, 24).to_ascii_lowercase().contains("temp");
        if (90..=125).contains(&n) && !glued && !temp {
            out.push(Hit { start: caps.name("n").unwrap().start(), end: sex.start(), category: Category::Age90, score: 0.7, reason: "an age over 89 with the sex letter (95F)" });
        }
        return;
    }
    let s = id.as_str().to_ascii_lowercase();
    // "5 yrs ago", "10 years of smoking": a duration, not an age
    let bare_unit = s.ends_with("yr") || s.ends_with("yrs") || s.ends_with("y") || s.ends_with("yrs.") || s.ends_with("yr.");
    if bare_unit {
        let nw = next_word(text, id.end());
        if !["m", "f", "male", "female", "man", "woman", "boy", "girl", "gentleman", "lady", "pt", "patient", "w/", "with", "s/p", "old"].contains(&nw.as_str()) {
            return;
        }
    }
    let nw = next_word(text, id.end());
    if ["ago", "of", "history", "hx", "later", "earlier", "prior"].contains(&nw.as_str()) {
        return;
    }
    let end = if s.ends_with('.') { id.end() - 1 } else { id.end() };
    if let Some(h) = age_hit(n, id.start(), end, 0.9) {
        out.push(h);
    }
}

/// Ages over 89 in words or decades: "ninety-two years old", "a hundred and one", "in her 90s",
/// "turned ninety", "at ninety-two,".
static AGE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(
        r"(?i)(?-u:\b)(?:(?P<w>(?:ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)\s+hundred(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?))(?:[\s-]years?[\s-]old|\s+years?(?-u:\b)|[\s-]year[\s-]old)|(?P<n>nonagenarian|centenarian|supercentenarian)|(?:in\s+(?:his|her|their|my)\s+(?:late\s+|early\s+|mid-?\s*)?)(?P<d>90s|90's|nineties|hundreds)|(?:turned|turns|aged|age|is|was|lived\s+to|live\s+to|made\s+it\s+to)\s+(?P<t>ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|a\s+hundred|one\s+hundred)(?-u:\b)|[,.:]\s+(?P<p>ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|a\s+hundred|one\s+hundred)[,.;!]|at\s+(?P<at>ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|a\s+hundred|one\s+hundred)[,.;!?)])",
    )
    .unwrap()
});

fn judge_age_words(_text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    // ", ninety-five," / ". Ninety-three." / "MEG: Ninety-four!": a number standing alone as a
    // phrase, spelled out
    // "she died ... at ninety-two, in": "at" and a number closing the phrase ("at ninety miles an
    // hour" goes on)
    let (start, end) = match caps.name("t").or_else(|| caps.name("p")).or_else(|| caps.name("at")).or_else(|| caps.name("d")).or_else(|| caps.name("n")) {
        Some(g) if caps.name("n").is_some() => (g.start(), g.end()),
        Some(g) if caps.name("d").is_some() => (m.start(), g.end()),
        Some(g) => (g.start(), g.end()),
        None => (m.start(), m.end()),
    };
    out.push(Hit { start, end, category: Category::Age90, score: 0.8, reason: "an age over 89" });
}

/// Ages from their context, one regex per reading (kept apart: one alternation of all of them makes
/// a DFA several times slower than the parts). Each has one named group, which
/// [`judge_age_context`] uses to know the reading: `a` "aged 91", `b` "She is 83", `c` "room 108,
/// is 96", `d` "Gordon Price, 71," (or "wife Chaya, 93."), `e` "Grandma (97)", `g` "her husband,
/// 95,", `t` "turned 93", `f` "98 s/p hip fx" at the start of a note (`t` also "lived to 101",
/// "made it to 99").
static AGE_CONTEXT: [LazyLock<Regex>; 10] = [
    LazyLock::new(|| ascii(r"(?i:(?-u:\b)(?:aged?|age:|ages)\s+(?:of\s+)?)(?P<a>\d{1,3})(?-u:\b)").unwrap()),
    LazyLock::new(|| ascii_unfiltered(r"(?-u:\b)(?:(?:(?i:he|she|who|patient|pt)|[A-Z][a-z]+)\s+(?i:is|was|turned|turns|is\s+now|was\s+only|is\s+only)|(?i:he|she)(?:'|’)s(?:\s+(?i:now|only))?)\s+(?P<b>\d{1,3})(?-u:\b)").unwrap()),
    LazyLock::new(|| ascii_unfiltered(r"(?:,|(?-u:\b)(?i:is|was))\s+(?P<c>\d{2,3})(?-u:\b)").unwrap()),
    LazyLock::new(|| ascii(r"(?-u:\b)[A-Z](?:[a-z'\-]|’)+(?:\s+[A-Z](?:[a-z'\-]|’)+)*,\s+(?P<d>\d{1,3})[,).;]").unwrap()),
    LazyLock::new(|| ascii(r"(?-u:\b)[A-Z](?:[a-z'\-]|’)+\s+\((?P<e>\d{1,3})!?[,)]").unwrap()),
    LazyLock::new(|| ascii_unfiltered(r"(?-u:\b)(?i:husband|wife|partner|mother|father|mom|dad|son|daughter|brother|sister|grandmother|grandfather|grandma|grandpa|grandson|granddaughter|aunt|uncle|widow|widower|man|woman|gentleman|lady|patient|resident|veteran|neighbou?r|friend)\s*,\s+(?P<g>\d{1,3}),").unwrap()),
    LazyLock::new(|| ascii(r"(?-u:\b)(?i:turned|turns|turning|lived\s+to|made\s+it\s+to)\s+(?P<t>\d{1,3})(?-u:\b)").unwrap()),
    LazyLock::new(|| ascii_unfiltered(r"(?m:^|\s{2,})(?P<f>\d{2,3})\s+(?i:s/p|yo|y/o|m|f|male|female|man|woman|gentleman|lady|w/)(?-u:\b)").unwrap()),
    LazyLock::new(|| ascii_unfiltered(r"(?i:(?-u:\b)(?:died|passed\s+away|passed\s+on|passed)(?:\s+[a-z]+){0,3}?\s+at\s+(?:the\s+age\s+of\s+)?)(?P<x>\d{2,3})(?-u:\b)").unwrap()),
    LazyLock::new(|| ascii(r"(?-u:\b)At\s+(?P<s>\d{2,3}),?\s+(?:(?i:she|he|they|i|we)|(?i:my|his|her|our)\s+[a-z]+)(?-u:\b)").unwrap()),
];

/// The keywords every match of each [`AGE_CONTEXT`] pattern contains (see [`Rule::gate`]).
const AGE_CONTEXT_GATES: [&[&str]; 10] = [
    &["age"],
    &[],
    &[],
    &[],
    &["(0", "(1", "(2", "(3", "(4", "(5", "(6", "(7", "(8", "(9"],
    &[],
    &["turn", "lived", "made"],
    &[],
    &["died", "passed"],
    &[],
];

/// The checks of the [`AGE_CONTEXT`] patterns (see [`Rule::check`]): the digit run each needs and
/// what must stand right before or after it.
const AGE_CONTEXT_CHECKS: [Option<Check>; 10] = [
    None,
    // "She is 83": 1-3 digits after spaces after is, was, turned, turns, now or only (also
    // after a contraction, "She's 97", for a pattern that reads one)
    Some(|k, t| k.any_run(t, |b, s, n| n <= 3 && space_back(b, s) < s && ends_with_any(b, space_back(b, s), &["is", "was", "turned", "turns", "now", "only", "'s", "\u{2019}s"]))),
    // "room 108, is 96": 2-3 digits after spaces after a comma, is or was
    Some(|k, t| k.any_run(t, |b, s, n| (2..=3).contains(&n) && space_back(b, s) < s && { let j = space_back(b, s); (j > 0 && b[j - 1] == b',') || ends_with_any(b, j, &["is", "was"]) })),
    // "Gordon Price, 71,": a capitalized word, and 1-3 digits between ", " and "," (or ")")
    Some(|k, t| k.any_run(t, |b, s, n| comma_number_then(b, s, n, b",).;")) && k.has_title_word(t)),
    None,
    // "her husband, 95,"
    Some(|k, t| k.any_run(t, |b, s, n| comma_number_then(b, s, n, b","))),
    None,
    // "98 s/p": 2-3 digits then a space, at a line start or after two spaces
    Some(|k, t| k.any_run(t, |b, s, n| (2..=3).contains(&n) && b.get(s + n).is_some_and(|&c| is_space(c)) && (s == 0 || b[s - 1] == b'\n' || (s >= 2 && is_space(b[s - 1]) && is_space(b[s - 2]))))),
    // "died yesterday at 98": 2-3 digits after "at "
    Some(|k, t| k.any_run(t, |b, s, n| (2..=3).contains(&n) && space_back(b, s) < s && ends_with_any(b, space_back(b, s), &["at", "of"]))),
    // "At 93 she had her hip done": 2-3 digits after a capitalized "At " opening a sentence
    Some(|k, t| k.any_run(t, |b, s, n| (2..=3).contains(&n) && s >= 3 && &b[s - 3..s] == b"At ")),
];

/// A run of 1-3 digits right before one of `closers`, after spaces after a comma (`, 71,`).
fn comma_number_then(b: &[u8], s: usize, n: usize, closers: &[u8]) -> bool {
    n <= 3 && b.get(s + n).is_some_and(|c| closers.contains(c)) && space_back(b, s) < s && space_back(b, s) > 0 && b[space_back(b, s) - 1] == b','
}

/// Gate of [`WRITTEN_WORDS`]: every match has one of these in its ordinal word ([`ORD_WORDS`];
/// `teenth` for thirteenth to nineteenth).
const ORD_GATE: &[&str] = &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "teenth", "twentieth", "thirtieth"];

/// Every spelling of a month in [`MONTH`].
const MONTHS: &[&str] = &["jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"];

/// True when a month name is the word before `pos`, after skipping back over spaces, `,`, `.`,
/// `'` and one `the` or `of` (`March 3`, `Mar. the 3rd`, `March, of 2021`, `Mar '21`).
fn month_before(b: &[u8], pos: usize) -> bool {
    let skip = |mut j: usize| {
        while j > 0 && (is_space(b[j - 1]) || matches!(b[j - 1], b',' | b'.' | b'\'')) {
            j -= 1;
        }
        j
    };
    // the ASCII letters ending at `j`
    let word = |j: usize| {
        let mut a = j;
        while a > 0 && b[a - 1].is_ascii_alphabetic() {
            a -= 1;
        }
        (a, &b[a..j])
    };
    let (a, mut w) = word(skip(pos));
    if w.eq_ignore_ascii_case(b"the") || w.eq_ignore_ascii_case(b"of") {
        w = word(skip(a)).1;
    }
    // (the month is a whole word: the pattern has \b before it)
    (3..=9).contains(&w.len()) && month3(w) && MONTHS.iter().any(|m| w.eq_ignore_ascii_case(m.as_bytes()))
}

/// True when a month name starts after `pos`, after an ordinal suffix, spaces and one `of`
/// (`3 March`, `3rd of Mar`).
fn month_after(b: &[u8], pos: usize) -> bool {
    let mut j = pos;
    if b.get(j..j + 2).is_some_and(|w| ["st", "nd", "rd", "th"].iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()))) {
        j += 2;
    }
    while j < b.len() && is_space(b[j]) {
        j += 1;
    }
    if b.get(j..j + 2).is_some_and(|w| w.eq_ignore_ascii_case(b"of")) && b.get(j + 2).is_some_and(|&c| is_space(c)) {
        j += 2;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
    }
    b.get(j..j + 3).is_some_and(month3)
}

/// Check of [`WRITTEN`]: a run of at most four digits (a day or a year) with a month name right
/// before or after it.
fn written_check(k: &Keywords, t: &str) -> bool {
    k.any_run(t, |b, s, n| n <= 4 && (month_before(b, s) || month_after(b, s + n)))
}

/// True when the three bytes of `w` are the first three letters of a month, ASCII
/// case-insensitive: every spelling in [`MONTH`] and [`MONTHS`] starts with one of them.
fn month3(w: &[u8]) -> bool {
    let l = [w[0].to_ascii_lowercase(), w[1].to_ascii_lowercase(), w[2].to_ascii_lowercase()];
    matches!(&l, b"jan" | b"feb" | b"mar" | b"apr" | b"may" | b"jun" | b"jul" | b"aug" | b"sep" | b"oct" | b"nov" | b"dec")
}

/// Check of [`NUMERIC_YMD`]: three digit runs joined by `/`, `.` or `-` (`3/14/2023`,
/// `2023-03-14`), a run before `/` and a run of four or more digits starting 19 or 20
/// (`01/2024`), or a run of at most two digits before a month's first letter, maybe after one
/// separator (`14 Mar 2023`, `14-mar-23`).
fn numeric_ymd_check(k: &Keywords, t: &str) -> bool {
    k.any_run(t, |b, s, n| {
        let e = s + n;
        let sep = |i: usize| matches!(b.get(i), Some(b'/' | b'.' | b'-'));
        let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let joined = sep(e) && digit(e + 1) && {
            let mut j = e + 1;
            while digit(j) {
                j += 1;
            }
            (sep(j) && digit(j + 1)) || (b[e] == b'/' && j - (e + 1) >= 4 && matches!(&b[e + 1..e + 3], b"19" | b"20"))
        };
        // every month name starts with one of these three letters
        let month = |i: usize| b.get(i..i + 3).is_some_and(month3);
        joined || (n <= 2 && (month(e) || (b.get(e).is_some_and(|&c| is_space(c) || matches!(c, b'/' | b'.' | b'-')) && month(e + 1))))
    })
}

/// Check of [`AGE_UNIT`]: a run of at most three digits followed (after spaces and dashes) by
/// `y` (`94 yo`, `94-year-old`, `94y`).
fn age_unit_check(k: &Keywords, t: &str) -> bool {
    k.any_run(t, |b, s, n| {
        if n > 3 {
            return false;
        }
        let mut j = s + n;
        while j < b.len() && (is_space(b[j]) || b[j] == b'-') {
            j += 1;
        }
        // (or "102F": digits, a sex letter attached and a word's end)
        matches!(b.get(j), Some(b'y' | b'Y')) || matches!(b.get(s + n), Some(b'F' | b'M')) && !b.get(s + n + 1).is_some_and(u8::is_ascii_alphanumeric)
    })
}

/// Check of [`YEAR`]: a four-digit run starting 19 or 20, or a two-digit run after or before an
/// apostrophe or before `s` (`'92`, `74'`, `80s`).
fn year_check(k: &Keywords, t: &str) -> bool {
    k.any_run(t, year_run)
}

/// True when the run of `n` digits at `s` can hold the digits of a match of [`YEAR`] (see
/// [`year_check`]).
fn year_run(b: &[u8], s: usize, n: usize) -> bool {
    (n == 4 && matches!(&b[s..s + 2], b"19" | b"20")) || (n == 2 && ((s > 0 && b[s - 1] == b'\'') || matches!(b.get(s + 2), Some(b'\'' | b's' | b'S'))))
}

/// The ranges [`YEAR`] searches (see [`Rule::within`]): each digit run of [`year_run`], from the
/// apostrophe before it if any to two ASCII bytes after it (`'s`, `s`, or `'` and the byte
/// after: the most a match takes after its digits); touching or overlapping ranges merged.
/// Every match lies in the range of its digits (see the test `year_ranges_hold_every_hit`).
fn year_ranges(k: &Keywords, text: &str, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    for (s, n) in k.digit_runs().filter(|&(s, n)| year_run(b, s, n)) {
        let a = if s > 0 && b[s - 1] == b'\'' { s - 1 } else { s };
        let mut end = s + n;
        while end < b.len() && end < s + n + 2 && b[end].is_ascii() {
            end += 1;
        }
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(end),
            _ => out.push((a, end)),
        }
    }
}

/// Words that make a person the subject of a sentence.
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?-u:\b)(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sr|Sister|Father|Grandma|Grandpa|Nana|Granny|Deacon|Deaconess|Rev|Reverend|Pastor|Elder|Bishop|Imam|Rabbi|Aunt|Uncle)(?-u:\b)\.?|(?-u:\b)(?i:he|she|patient|pt|resident|grandmother|grandfather|grandma|grandpa|mother|father|husband|wife|man|woman|widow|widower|veteran|my|our|their|aunty|auntie|son|daughter|brother|sister|aunt|uncle|cousin|niece|nephew|friend|neighbou?r|nurse|grandson|granddaughter|bubbe|bubby|zayde|yiayia|papou|abuela|abuelo|lola|lolo|aama|dziadek|babcia|babushka|nonna|nonno|oma|opa|ojii-chan|obaa-chan|halmeoni|harabeoji)(?-u:\b)").unwrap()
});

/// Words before "is 96" / "was 98" that mean a measurement, not an age.
const MEASURE_WORDS: &[&str] = &[
    "hr", "rate", "bp", "sbp", "dbp", "map", "sat", "sats", "spo2", "sao2", "o2", "temp", "t", "rr",
    "glucose", "bs", "fs", "fsbs", "level", "count", "score", "k", "na", "cl", "bun", "cr", "hct",
    "hgb", "wbc", "plt", "inr", "ptt", "weight", "wt", "pulse", "cvp", "pap", "pa", "ci", "co",
    "svr", "fio2", "peep", "tv", "vt", "i/o", "uo", "u/o", "output", "intake", "volume", "ef",
    "lactate", "ph", "pco2", "po2", "number", "no", "#", "page", "step",
    "mg", "dose", "total", "balance", "grade", "result", "value", "percent", "bmi", "cm", "kg",
];

fn judge_age_context(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let (g, score) = if let Some(g) = caps.name("a") {
        (g, 0.85)
    } else if let Some(g) = caps.name("b") {
        (g, 0.7)
    } else if let Some(g) = caps.name("c") {
        (g, 0.5)
    } else if let Some(g) = caps.name("d") {
        (g, 0.75)
    } else if let Some(g) = caps.name("e") {
        (g, 0.6)
    } else if let Some(g) = caps.name("g") {
        (g, 0.75)
    } else if let Some(g) = caps.name("t") {
        (g, 0.7)
    } else if let Some(g) = caps.name("x") {
        (g, 0.75)
    } else if let Some(g) = caps.name("s") {
        (g, 0.7)
    } else {
        (caps.name("f").unwrap(), 0.6)
    };
    let n: u32 = g.as_str().parse().unwrap_or(999);
    // "wife Chaya, 93.": a name's age closing the sentence, over 89 only ("Lasix, 40." is a dose)
    if caps.name("d").is_some() && n < 90 && matches!(char_at(text, g.end()), Some('.' | ';')) {
        return;
    }
    // "100's": a range of values, not an age
    if char_at(text, g.end()) == Some('\'') {
        return;
    }
    // a unit, a decimal or a percent after the number: a measurement
    if matches!(char_at(text, g.end()), Some('%' | '.' | '/' | ':' | '-')) && after(text, g.end(), 2).as_bytes().get(1).is_some_and(|b| b.is_ascii_digit() || *b == b' ') && char_at(text, g.end()) != Some('.')
        || char_at(text, g.end()) == Some('%')
    {
        return;
    }
    if char_at(text, g.end()) == Some('.') && after(text, g.end(), 2).as_bytes().get(1).is_some_and(u8::is_ascii_digit) {
        return;
    }
    let nw = next_word(text, g.end());
    const UNITS: &[&str] = &["mg", "mcg", "ml", "cc", "kg", "lb", "lbs", "g", "l", "mmhg", "bpm", "units", "u", "percent", "degrees", "f", "c", "cm", "mm", "hours", "hrs", "minutes", "min", "mins", "days", "weeks", "months", "times", "x", "am", "pm", "meq", "mmol", "points", "beats", "breaths", "sec", "seconds", "miles", "km", "feet", "pounds", "dollars", "hr", "h", "k", "over", "and", "to", "-", "o'clock", "in", "on", "at", "or"];
    let clause_word = matches!(nw.as_str(), "and" | "in" | "at" | "on");
    if g.start() > 0 && caps.name("f").is_none() && UNITS.contains(&nw.as_str()) && !(clause_word && caps.name("d").is_none() && caps.name("e").is_none()) {
        return;
    }
    // over 89 on weak evidence ("Sodium was 96", "Glucose (110)"), a person must be the subject:
    // a title, a pronoun or a relative in the sentence
    // ("lived to 101", "made it to 99": a person must be the subject too, not "sats made it to 92")
    let reached = caps.name("t").is_some() && !caps.get(0).unwrap().as_str().get(..4).is_some_and(|w| w.eq_ignore_ascii_case("turn"));
    let weak = caps.name("b").is_some() || caps.name("c").is_some() || caps.name("e").is_some() || reached;
    if weak && n >= 90 && !PERSON.is_match(sentence_before(text, g.start())) {
        return;
    }
    if caps.name("c").is_some() || caps.name("b").is_some() {
        // "HR is 96", "sats were 98": a vital sign or lab before the verb
        let head = before(text, g.start(), 40).to_ascii_lowercase();
        let words: Vec<&str> = head.split(|c: char| !(c.is_alphanumeric() || c == '/' || c == '#')).filter(|w| !w.is_empty()).collect();
        if words.iter().rev().take(5).any(|w| MEASURE_WORDS.contains(w)) {
            return;
        }
        // ", 96" alone is too weak unless the clause reads like a person ("room 108, is 96 and")
        if caps.name("c").is_some() {
            let verb = caps.get(0).unwrap().as_str().trim_start_matches(',').trim_start();
            if verb.starts_with(|c: char| c.is_ascii_digit()) {
                return;
            }
            if !(90..=115).contains(&n) || char_at(text, g.end()) == Some('\'') {
                return;
            }
            let nxt = next_word(text, g.end());
            if !(matches!(char_at(text, g.end()), Some('.' | ',' | ';')) || ["and", "now", "years", "but", "when", "this", "today"].contains(&nxt.as_str())) {
                return;
            }
        }
    }
    if let Some(h) = age_hit(n, g.start(), g.end(), score) {
        out.push(h);
    }
}

// ---------------------------------------------------------------------------------------------
// A month alone, abbreviated with a period, after a time preposition ("in sept.", "since Nov.")

/// Gate of [`LONE_MONTH`]: the abbreviation and its period. "Mar." (the MAR), "Dec." (decreased)
/// and "May" (the verb) are left out.
const LONE_MONTH_GATE: &[&str] = &["jan.", "feb.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov."];

static LONE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?i)(?-u:\b)(?:in|since|early|late|mid|until|till|last|of)\s+(?P<m>jan|feb|apr|aug|sept?|oct|nov)\.(?:\s|$|[,;)])").unwrap()
});

fn judge_lone_month(_text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.name("m").unwrap();
    out.push(Hit { start: m.start(), end: m.end() + 1, category: Category::Date, score: 0.5, reason: "a month abbreviated after in/since (in Sept.)" });
}

// ---------------------------------------------------------------------------------------------
// Years (optional)

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| ascii_unfiltered(r"(?i)(?:(?-u:\b)(?P<y>(?:19|20)\d{2})(?:'?s)?(?-u:\b)|(?P<ap>'\d{2})(?-u:\b)|(?-u:\b)(?P<tr>\d{2}')(?:\s|$|[.,;])|(?-u:\b)(?P<dec>\d{2}'?s)(?-u:\b))").unwrap());

fn judge_year(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    if let Some(y) = caps.name("y") {
        let full = caps.get(0).unwrap();
        if matches!(char_before(text, full.start()), Some(c) if c.is_ascii_digit() || c == '.' || c == '$' || c == ',')
            || matches!(char_at(text, full.end()), Some(c) if c.is_ascii_digit())
        {
            return;
        }
        let nw = next_word(text, full.end());
        const UNITS: &[&str] = &["mg", "mcg", "ml", "cc", "kcal", "cal", "units", "u", "hrs", "hours", "feet", "ft", "miles", "dollars", "people", "patients", "calories", "steps", "mls"];
        if UNITS.contains(&nw.as_str()) || after(text, full.end(), 1) == "/" || before(text, full.start(), 1) == "/" {
            return;
        }
        // "1900" as a time: "at 1900", "1900 - 0700", "@1930"
        let pw = prev_word(text, full.start());
        let n: u32 = y.as_str().parse().unwrap_or(0);
        if (n % 100 < 60) && (pw == "at" || pw == "@" || before(text, full.start(), 1) == "@" || nw == "hrs" || after(text, full.end(), 3).trim_start().starts_with('-')) && n < 2000 {
            return;
        }
        out.push(Hit { start: full.start(), end: full.end(), category: Category::Year, score: 0.4, reason: "a year" });
    } else if let Some(g) = caps.name("ap").or_else(|| caps.name("tr")) {
        // '92, 74': two-digit years after a history word
        if matches!(char_before(text, g.start()), Some(c) if c.is_alphanumeric()) && caps.name("ap").is_some() {
            return;
        }
        // an apostrophe year ("MI '92", "CVA 74'") is reported as a date: the short form is as
        // often a date element as a year in notes; "HOB 30'", "AMBULATED 30'", "HR 70-80'" are
        // angles, distances and ranges
        let pw = prev_word(text, g.start());
        const MEASURES: &[&str] = &["hob", "x", "ambulated", "amb", "ambulating", "walked", "walk", "up", "elevated", "hr", "rr", "bp", "sbp", "feet", "ft", "degrees", "angle", "about", "approx", "over", "to", "and"];
        let measure = caps.name("tr").is_some() && (MEASURES.contains(&pw.as_str()) || matches!(char_before(text, g.start()), Some(c) if !c.is_whitespace()));
        let category = if measure { Category::Year } else { Category::Date };
        out.push(Hit { start: g.start(), end: g.end(), category, score: 0.35, reason: if measure { "a year" } else { "a two-digit year with an apostrophe ('92, 74')" } });
    } else if let Some(g) = caps.name("dec") {
        let _ = g;
    }
}

/// The date, age and year rules, in registry order.
pub fn rules() -> Vec<Rule> {
    vec![
        Rule { within: None, name: "date", regex: &NUMERIC_YMD, judge: judge_numeric_ymd, gate: &[], check: Some(numeric_ymd_check) },
        // 1-2 digits, `/` or `-`, 1-2 digits
        Rule { within: Some(md_ranges), name: "date", regex: &MD, judge: judge_md, gate: &[], check: Some(|k, t| k.any_run(t, |b, s, n| {
            let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
            n <= 2 && matches!(b.get(s + n), Some(b'/' | b'-')) && digit(s + n + 1) && !(digit(s + n + 2) && digit(s + n + 3))
        })) },
        // 1-2 digits glued to on, since, from, until, thru or dated, then `/`
        Rule { within: None, name: "date", regex: &GLUED, judge: judge_glued, gate: &[], check: Some(|k, t| k.any_run(t, |b, s, n| n <= 2 && b.get(s + n) == Some(&b'/') && ends_with_any(b, s, &["on", "since", "from", "until", "thru", "dated"]))) },
        Rule { within: None, name: "date", regex: &WRITTEN, judge: judge_written, gate: MONTH_GATE, check: Some(written_check) },
        // an ordinal word and a month: the words are the gate (rarer), the month the check
        Rule { within: None, name: "date", regex: &WRITTEN_WORDS, judge: judge_written_words, gate: ORD_GATE, check: Some(|k, _| k.any(MONTH_GATE)) },
        // 1-2 digits then st, nd, rd or th
        // (or 1-2 digits, a dot and a digit after a word of birth or discharge: "born 10.3")
        Rule { within: None, name: "date", regex: &ORDINAL_DAY, judge: judge_ordinal, gate: &[], check: Some(|k, t| k.any_run(t, |b, s, n| n <= 2 && (b.get(s + n..s + n + 2).is_some_and(|w| [b"st", b"nd", b"rd", b"th"].iter().any(|x| w.eq_ignore_ascii_case(*x)))
            || b.get(s + n) == Some(&b'.') && b.get(s + n + 1).is_some_and(u8::is_ascii_digit) && ends_with_any(b, s, &["born ", "discharged ", "died ", "passed ", "home ", "dob ", "birthday ", "bday ", " on "])))) },
        Rule { within: None, name: "date", regex: &LONE_MONTH, judge: judge_lone_month, gate: LONE_MONTH_GATE, check: None },
        Rule { within: None, name: "age", regex: &AGE_WORDS, judge: judge_age_words, gate: &["ninety", "hundred", "nonagenarian", "centenarian", "90s", "90's", "nineties"], check: None },
        Rule { within: None, name: "holiday", regex: &HOLIDAY, judge: judge_holiday, gate: &["christmas", "year", "thanksgiving", "easter", "halloween", "valentine", "independence", "fourth", "boxing", "memorial", "labo", "canada", "anzac", "patrick", "mother", "father", "friday", "diwali", "kippur", "hashanah", "fitr", "adha", "juneteenth", "veterans", "remembrance", "bastille", "fawkes"], check: None },
        Rule { within: None, name: "age", regex: &AGE_UNIT, judge: judge_age_unit, gate: &[], check: Some(age_unit_check) },
        Rule { within: None, name: "age", regex: &AGE_BIRTHDAY, judge: judge_age_birthday, gate: &["birthday", "bday", "b-day"], check: None },
        Rule { within: Some(year_ranges), name: "year", regex: &YEAR, judge: judge_year, gate: &[], check: Some(year_check) },
    ]
    .into_iter()
    .chain(AGE_CONTEXT.iter().zip(AGE_CONTEXT_GATES).zip(AGE_CONTEXT_CHECKS).map(|((regex, gate), check)| Rule { within: None, name: "age", regex, judge: judge_age_context, gate, check }))
    .collect()
}

#[cfg(test)]
mod tests {
    use crate::engine::structured::tests_support::{assert_finds, assert_ignores};

    /// Searching only the ranges of [`super::md_ranges`] finds exactly what the whole-text
    /// search finds: weekdays before the date, ranges of dates, runs too long, text around.
    #[test]
    fn md_ranges_hold_every_hit() {
        let rule = super::rules().into_iter().find(|r| std::ptr::eq(r.regex, &super::MD)).expect("the m/d rule");
        let texts = [
            "seen Mon., 3/4 and Tuesday  3-5, on 12/31 then 1/2-1/3; proned 3/7-3/8",
            "Wed 3/14/2023 x3/4 123/4 3/456 3/45 é 5/6é sat,\n 7/8 fri. 9-10",
            "Thursday 11/14, thu 3/4 3/4/5 10-12-13 and 1/1",
            "",
            "3/4",
            "mon 3/4",
        ];
        crate::engine::structured::tests_support::assert_within_exact(&rule, &texts);
    }

    /// Searching only the ranges of [`super::year_ranges`] finds exactly what the whole-text
    /// search finds.
    #[test]
    fn year_ranges_hold_every_hit() {
        let rule = super::rules().into_iter().find(|r| std::ptr::eq(r.regex, &super::YEAR)).expect("the year rule");
        let texts = [
            "born 1990, in the '80s and 70's, class of '92; 74' then 1960s 2001'S 19901 1990é 20'é",
            "'99 in 1999's x1999 1999x 80s. 20' 30'\n 40';50'é",
            "",
            "1999",
            "'9",
        ];
        crate::engine::structured::tests_support::assert_within_exact(&rule, &texts);
    }
    use crate::engine::Category::{self, *};

    #[test]
    fn finds() {
        // (text, the exact text that must be found, its category)
        let rows: &[(&str, &str, Category)] = &[
            // a day with a time after "for"; an age by its birthday
            ("family mtg planned for 11/7 at 1400.", "11/7", Date),
            ("she celebrated her 92nd birthday at the home", "92nd", Age90),
            ("DAN: and he is 94\nMEG: Ninety-four! Wow", "Ninety-four", Age90),
            ("Her last good day was Easter Sunday. She ate lamb.", "Easter Sunday", Date),
            ("She was admitted 5/2 - 5/5. MRI neg.", "5/5", Date),
            ("DOB 07/02/1958 / Rm", "07/02/1958", Date),
            ("admitted 3/14 w/ 8 kg", "3/14", Date),
            ("Night of 17/08/2023. At", "17/08/2023", Date),
            ("stamp reads 2024-02-19 22:47", "2024-02-19", Date),
            ("So on 3.11.24 I logged", "3.11.24", Date),
            ("Hospital on 09-Jan-2024 with", "09-Jan-2024", Date),
            ("3-24-17 B: Neuro", "3-24-17", Date),
            ("11/21.93 neuro: alert", "11/21.93", Date),
            ("TREATMENTS 10/03/10/04 AND", "10/03/10/04", Date),
            ("returned to OR on 7-8 for coiling", "7-8", Date),
            ("Run #24, Sat 6/8, 0214.", "Sat 6/8", Date),
            ("On March 14th her oxygen", "March 14th", Date),
            ("On Jan. 9, Siobhan", "Jan. 9", Date),
            ("On April 22, 2024, he", "April 22, 2024", Date),
            ("filled it out on Tuesday, July 16. As", "Tuesday, July 16", Date),
            ("On Friday 8 March she came", "Friday 8 March", Date),
            ("In March 2024, a letter", "March 2024", Date),
            ("IN THIS CASE MARCH OF 1993.)", "MARCH OF 1993", Date),
            ("Progress Note 21 Apr, 21 0700", "21 Apr, 21", Date),
            
            ("died on Oct 19 at 3:10", "Oct 19", Date),
            ("at the bedside by the 16th. In", "the 16th", Date),
            ("It is actually the 12th, but", "the 12th", Date),
            ("Center on Christmas Eve 2023 with", "Christmas Eve 2023", Date),
            ("since 9/3 for treatment", "9/3", Date),
            ("LBM 11/4", "11/4", Date),
            ("Abx dc'd ? 8/3", "8/3", Date),
            ("PICC PLACED IN R AC 11/17, ART LINE", "11/17", Date),
            ("am labs on10/14/82> to hct", "10/14/82", Date),
            ("progress note 1->2 nov, 96 1900", "1->2 nov, 96", Date),
            ("nights of 3-4 March we", "3-4 March", Date),
            ("3 a.m. in the ER. 94yo Mr. A", "94yo", Age90),
            ("objective data    98 yo gentleman", "98 yo", Age90),
            ("data    98 s/p left hip fx", "98", Age90),
            ("Mr. August Kessler, 93, was named", "93", Age90),
            ("Mrs. Friederike von Ahlen, 91, a retired", "91", Age90),
            ("Mr. van der Berg, room 108, is 96 and has", "96", Age90),
            ("a 52-year-old sugarcane farmer", "52-year-old", Age),
            ("Pt is a 65yo M", "65yo", Age),
            ("She is 83, has", "83", Age),
            ("Gordon Price, 71, a retired", "71", Age),
            ("her husband, 95, called", "95", Age90),
            ("and turned 93 on Christmas Day", "93", Age90),
            ("She always said that was why. She made it to 99. She buried my papou", "99", Age90),
            ("fell at home on 3/2; lives w/ wife Chaya, 93. Parkinson's, A-fib", "93", Age90),
            ("Grandma (97) is in Room 412B", "97", Age90),
            ("about my nan. She's 96 now and", "96", Age90),
            ("Her old neighbour, Thandeka, is 94 and", "94", Age90),
            ("My abuela Rosario Quispe is 93. She", "93", Age90),
            ("(Haruki Mori, 97) moved in", "97", Age90),
            // a contraction before the age; a name and its age in brackets; a relative word as the person
            ("about my nana. She's 96 now and", "96", Age90),
            ("Papa (Arturo Benitez, 93) moved in", "93", Age90),
            // a weekday or "on the" before a day of the month that goes on into a clause; a field
            // label after a date; a visit closing its phrase with its date near vent words; ages
            // opening a sentence, after a clergy title's name in brackets, after "lived to"
            ("bake sale Thursday the 14th from 9 to noon.", "Thursday the 14th", Date),
            ("she phoned on the 23rd that the scan was clear", "the 23rd", Date),
            ("Visit Date: 10/22   Time: 14:05 Reason: cough", "10/22", Date),
            ("on cpap overnight, ortho consult 8/19.", "8/19", Date),
            ("At 96 he still walked to the market.", "96", Age90),
            ("Pastor Evron Maddox (92) sends his thanks", "92", Age90),
            ("My aunt lived to ninety-seven and", "ninety-seven", Age90),
            ("My zayde Moshe Adler is 98. He", "98", Age90),
            ("Her old neighbour, Ines, is 91 and", "91", Age90),
            // an ordinal day before note shorthand; a dash date after an event or a meeting word
            ("family mtg the 4th w/ palliative", "the 4th", Date),
            ("d/c to rehab on the 7th per CM", "the 7th", Date),
            ("PLAN D/C 9-14.", "9-14", Date),
            ("FAMILY MTG SET FOR 5-11 @ 1400.", "5-11", Date),
            ("killed in a mine collapse in 1987.", "1987", Year),
            ("s/p mi '92 s/p", "'92", Date),
            ("PMH: STROKE 81'. HTN.", "81'", Date),
            ("was home until nov. and then", "nov.", Date),
            ("Admitted in Sept., then rehab", "Sept.", Date),
            ("on March the fourteenth, we", "March the fourteenth", Date),
            ("the twenty-third of May 2021", "the twenty-third of May 2021", Date),
            ("She is ninety-two years old", "ninety-two", Age90),
            ("a ninety-two-year-old man", "ninety-two-year-old", Age90),
            ("a woman in her late 90s with", "in her late 90s", Age90),
            ("the day he turned ninety", "ninety", Age90),
            ("She died in March, at ninety-four, at home.", "ninety-four", Age90),
            ("admitted on Thanksgiving and", "Thanksgiving", Date),
            ("On 3rd of June she", "3rd of June", Date),
            ("DOB: 3/4/56.", "3/4/56", Date),
            ("seen 14.03.2024 and", "14.03.2024", Date),
            ("seen 2024/03/14 and", "2024/03/14", Date),
            ("By Sept. 5th, 2022 he", "Sept. 5th, 2022", Date),
            ("echo 8/87 showing EF", "8/87", Date),
            ("arrived 14/Feb/2024 at", "14/Feb/2024", Date),
            ("Died: the morning of 30 November. Then", "30 November", Date),
            ("born on March the 14th, 1931", "March the 14th, 1931", Date),
            ("DOB: 01JAN1950 per chart", "01JAN1950", Date),
            ("card expires 01/2027 and", "01/2027", Date),
            ("stamp 2024-02-19T22:47:00Z logged", "2024-02-19", Date),
            ("a man 92 years of age", "92 years of age", Age90),
            ("a spry nonagenarian who", "nonagenarian", Age90),
        ];
        assert_finds(rows);
    }

    #[test]
    fn ignores() {
        // (text, a string that must not be found as a required category)
        let rows: &[(&str, &str)] = &[
            ("BP 98/60, HR 104", "98/60"),
            ("HR 80-100 for 6-12 hrs, sats 92-95.", "6-12"),
            ("Sodium was 96 today after the bolus.", "96"),
            ("Weaned to 2L, sats made it to 92 with ambulation.", "92"),
            ("Started Lasix, 40. Then Zosyn, 4.", "40"),
            ("He drove at ninety miles an hour to get here.", "ninety"),
            ("LS rales 1/3 up bilaterally", "1/3"),
            ("TO RECEIVE 1500 CC 1/2 NS. LASIX", "1/2"),
            ("mechanically ventilated on PSV 12/5, 40%", "12/5"),
            ("Tolerated PSV 8/5 30%", "8/5"),
            ("c/o CP, 5/10, ECG done", "5/10"),
            ("pt c/o 3/10 l back pain", "3/10"),
            ("co/ci (5/3.27/928). heparin", "5/3"),
            ("co/ci 4-6/2-4 pa sats", "6/2"),
            ("crackles 1/3-1/2 up", "1/2"),
            ("vent changed to CPAP .5% 5/5. Anticipate", "5/5"),
            ("strength 4/5-5/5 in all ext", "5/5"),
            ("formula will be changed to 3/4 str Nepro", "3/4"),
            ("HCT 30.7...ON PS 10/5 30% SATS", "10/5"),
            ("abg 65/58/7.28 on", "65/58"),
            ("for 1-2 days", "1-2"),
            ("RR 20-24 and", "20-24"),
            ("E11.65 and I50.23", "11.65"),
            ("you may 2 times daily", "may 2"),
            ("on the 3rd floor", "3rd"),
            ("HR was 96 and sats 98", "96"),
            ("sat is 95, improved", "95"),
            ("sats in the 90's on 40% FIO2", "90's"),
            ("Sodium was 96 this am", "96"),
            ("Glucose (110) stable", "110"),
            ("turned 90 degrees to the left", "90"),
            ("9/10 doctors agree", "9/10"),
            // scales scored out of a total (blind5)
            ("Tinetti 11/28, high fall risk", "11/28"),
            ("Mini-Cog 3/5 today", "3/5"),
            ("HLA mismatch 3/6 with donor", "3/6"),
            ("review in 6/12 with bloods", "6/12"),
            ("antibiotics for 3/7 then", "3/7"),
            ("follow up in 2/52.", "2/52"),
            ("dressing for 3/7 then review", "3/7"),
            ("her vision 6/6 both eyes", "6/6"),
            ("we spent Christmas together", "Christmas"),
            ("the Thanksgiving dinner was", "Thanksgiving"),
            ("Rated 4/5 stars by", "4/5"),
            ("the score was 12/15; PHQ-9", "12/15"),
            ("SBP IN THE 90'S...HR 120", "90'S"),
            ("ACTIVITY: AMBULATED 30' WITH PT", "30'"),
            ("HOB 30'. Drain in place", "30'"),
            ("RR 13-18' on vent", "18'"),
            ("urine output dec. since am", "dec."),
            ("see MAR. in mar. meds given", "mar."),
        ];
        assert_ignores(rows);
    }
}
