//! Dates as written: parsing a date span into its parts *and its shape*, shifting it, and writing
//! it back in exactly the shape it was written in.
//!
//! A date is read as a template: a sequence of components (weekday, day, month, year) separated
//! by literal text. `"Thursday, March 21st"` is `[Weekday(full), ", ", Month(full), " ",
//! Day(ordinal)]`. Shifting changes the values and re-renders every component in its original
//! style (zero padding, abbreviation, letter case, ordinal suffix, two- or four-digit year), so
//! `3/14/2024` shifts to `4/11/2024`, `14-Mar-2024` to `11-Apr-2024`, `2024-03-14` to `2024-04-11`.
//!
//! Numeric order: `YYYY-MM-DD` when the first number has four digits; day first when the
//! separator is a dot (`14.03.2024`, unless the second number cannot be a month: `3.14.24`) or
//! when the first number cannot be a month (`25/12/2023`);
//! otherwise month first (US usage, `3/14/24`). Two-digit years pivot at 50 (`17` is 2017, `58`
//! is 1958). A date without a year is placed in [`REFERENCE_YEAR`] (a leap year, so 29 February
//! exists) and written back without one. Anything that does not read as a calendar date
//! (`Christmas Eve`, `2/31`, `3/14 10:30`) is reported as `None`, and the caller falls back to a
//! tag, never to the original text.

/// The year a date written without one is placed in before shifting (a leap year).
pub const REFERENCE_YEAR: i32 = 2000;

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Letter case of a word as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Title,
    Upper,
    Lower,
}

impl Case {
    fn of(word: &str) -> Case {
        if word.chars().all(|c| !c.is_lowercase()) && word.chars().count() > 1 {
            Case::Upper
        } else if word.chars().next().is_some_and(char::is_lowercase) {
            Case::Lower
        } else {
            Case::Title
        }
    }

    fn apply(self, lower: &str) -> String {
        match self {
            Case::Upper => lower.to_uppercase(),
            Case::Lower => lower.to_string(),
            Case::Title => {
                let mut c = lower.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
        }
    }
}

/// How a month or weekday name was written: its length and case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WordStyle {
    /// 0 = full name, otherwise the number of letters kept (3, or 4 for "Sept"/"Thur").
    abbrev: usize,
    case: Case,
}

impl WordStyle {
    fn render(self, full: &str) -> String {
        let word = if self.abbrev == 0 {
            full.to_string()
        } else if self.abbrev == 4 && (full == "september" || full == "thursday" || full == "tuesday") {
            full[..4].to_string()
        } else {
            full[..3].to_string()
        };
        self.case.apply(&word)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Part {
    Lit(String),
    Weekday(WordStyle),
    MonthName(WordStyle),
    /// A numeric month; `true` when zero-padded.
    MonthNum(bool),
    /// A day of the month: zero padding, and the case of an ordinal suffix when one was written.
    Day { pad: bool, ordinal: Option<Case> },
    /// A year with 2 or 4 digits.
    Year(usize),
}

/// A date read from text: its value and the shape to write it back in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenDate {
    /// The year, when one was written (two-digit years expanded).
    pub year: Option<i32>,
    /// The month, 1 to 12; `None` for a year written alone.
    pub month: Option<u32>,
    /// The day of the month, when one was written.
    pub day: Option<u32>,
    /// The weekday as written (0 = Monday), kept so that a date without a year keeps a true
    /// weekday after shifting.
    weekday: Option<usize>,
    parts: Vec<Part>,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 31,
    }
}

fn month_word(w: &str) -> Option<(u32, WordStyle)> {
    let lower = w.to_lowercase();
    let case = Case::of(w);
    for (i, full) in MONTHS.iter().enumerate() {
        if lower == *full {
            return Some((i as u32 + 1, WordStyle { abbrev: 0, case }));
        }
        if lower.len() >= 3 && lower.len() < full.len() && full.starts_with(&lower) && (lower.len() == 3 || lower == "sept") {
            return Some((i as u32 + 1, WordStyle { abbrev: lower.len(), case }));
        }
    }
    None
}

fn weekday_word(w: &str) -> Option<(usize, WordStyle)> {
    let lower = w.to_lowercase();
    let case = Case::of(w);
    WEEKDAYS.iter().enumerate().find_map(|(i, full)| {
        if lower == *full {
            Some((i, WordStyle { abbrev: 0, case }))
        } else if (lower.len() == 3 || lower == "tues" || lower == "thur" || lower == "thurs")
            && full.starts_with(&lower)
        {
            Some((i, WordStyle { abbrev: lower.len().min(4), case }))
        } else {
            None
        }
    })
}

/// A raw token of a date span.
enum Tok<'a> {
    Digits(&'a str),
    Word(&'a str),
    Other(&'a str),
}

fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let kind = |c: char| if c.is_ascii_digit() { 0 } else if c.is_alphabetic() { 1 } else { 2 };
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let k = kind(c);
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if kind(d) != k {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        let t = &s[start..end];
        out.push(match k {
            0 => Tok::Digits(t),
            1 => Tok::Word(t),
            _ => Tok::Other(t),
        });
        start = end;
    }
    out
}

fn expand_year(digits: &str) -> Option<i32> {
    let v: i32 = digits.parse().ok()?;
    match digits.len() {
        4 if (1800..=2200).contains(&v) => Some(v),
        2 => Some(if v < 50 { 2000 + v } else { 1900 + v }),
        _ => None,
    }
}

impl WrittenDate {
    /// Reads `text` (the whole span) as a date, or `None` when it is not a plain calendar date.
    pub fn parse(text: &str) -> Option<WrittenDate> {
        let toks = tokenize(text.trim());
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        let mut parts = Vec::new();
        if !lead.is_empty() {
            parts.push(Part::Lit(lead.to_string()));
        }
        let has_month_word = toks.iter().any(|t| matches!(t, Tok::Word(w) if month_word(w).is_some()));
        let mut month = None;
        let mut weekday = None;
        // Numbers in order of appearance, with the index of their part.
        let mut nums: Vec<(usize, &str)> = Vec::new();
        let mut seps: Vec<&str> = Vec::new();
        let mut iter = toks.iter().peekable();
        while let Some(t) = iter.next() {
            match t {
                Tok::Digits(d) => {
                    // An ordinal suffix right after the number marks it as a day.
                    let mut ordinal = None;
                    if let Some(Tok::Word(w)) = iter.peek() {
                        let lw = w.to_lowercase();
                        if matches!(lw.as_str(), "st" | "nd" | "rd" | "th") {
                            ordinal = Some(Case::of(w));
                            iter.next();
                        }
                    }
                    nums.push((parts.len(), d));
                    parts.push(Part::Day { pad: false, ordinal });
                }
                Tok::Word(w) => {
                    if let Some((m, style)) = month_word(w) {
                        if month.is_some() {
                            return None;
                        }
                        month = Some(m);
                        parts.push(Part::MonthName(style));
                    } else if let Some((wd, style)) = weekday_word(w) {
                        if weekday.is_some() {
                            return None;
                        }
                        weekday = Some(wd);
                        parts.push(Part::Weekday(style));
                    } else if w.eq_ignore_ascii_case("of") || w.eq_ignore_ascii_case("the") {
                        parts.push(Part::Lit(w.to_string()));
                    } else {
                        return None;
                    }
                }
                Tok::Other(o) => {
                    if !o.chars().all(|c| matches!(c, ' ' | ',' | '.' | '/' | '-' | '\u{a0}')) {
                        return None;
                    }
                    seps.push(o);
                    parts.push(Part::Lit(o.to_string()));
                }
            }
        }
        let (mut year, mut day) = (None, None);
        let set = |parts: &mut Vec<Part>, idx: usize, p: Part| parts[idx] = p;
        let padded = |d: &str| d.len() == 2 && d.starts_with('0');
        if has_month_word {
            // Word month: a four-digit number is the year; the first small one is the day; a
            // second small one is a two-digit year only in day-month-year order (14-Mar-24).
            let month_idx = parts.iter().position(|p| matches!(p, Part::MonthName(_)))?;
            let mut small_seen = false;
            for &(idx, d) in &nums {
                if d.len() == 4 {
                    if year.is_some() {
                        return None;
                    }
                    year = Some(expand_year(d)?);
                    set(&mut parts, idx, Part::Year(4));
                } else if d.len() <= 2 && !small_seen {
                    small_seen = true;
                    let ordinal = match &parts[idx] {
                        Part::Day { ordinal, .. } => *ordinal,
                        _ => None,
                    };
                    day = Some(d.parse().ok()?);
                    set(&mut parts, idx, Part::Day { pad: padded(d), ordinal });
                } else if d.len() == 2 && small_seen && year.is_none() && idx > month_idx && day_before(&parts, month_idx) {
                    year = Some(expand_year(d)?);
                    set(&mut parts, idx, Part::Year(2));
                } else {
                    return None;
                }
            }
        } else {
            if nums.iter().any(|&(idx, _)| matches!(parts[idx], Part::Day { ordinal: Some(_), .. })) {
                return None;
            }
            let dot = seps.iter().any(|s| s.contains('.'));
            let vals: Vec<u32> = nums.iter().map(|(_, d)| d.parse().unwrap_or(99)).collect();
            let pad = nums.iter().any(|(_, d)| padded(d));
            match nums.len() {
                1 => {
                    // A year written alone (a DATE span of "2024").
                    let (idx, d) = nums[0];
                    if d.len() != 4 {
                        return None;
                    }
                    year = Some(expand_year(d)?);
                    set(&mut parts, idx, Part::Year(4));
                }
                2 => {
                    let ((i0, d0), (i1, d1)) = (nums[0], nums[1]);
                    if d0.len() == 4 {
                        year = Some(expand_year(d0)?);
                        month = Some(vals[1]);
                        set(&mut parts, i0, Part::Year(4));
                        set(&mut parts, i1, Part::MonthNum(pad));
                    } else if d1.len() == 4 {
                        month = Some(vals[0]);
                        year = Some(expand_year(d1)?);
                        set(&mut parts, i0, Part::MonthNum(pad));
                        set(&mut parts, i1, Part::Year(4));
                    } else if d0.len() <= 2 && d1.len() == 2 && !dot && vals[0] <= 12 && vals[1] > 31 {
                        // "8/87": month and two-digit year.
                        month = Some(vals[0]);
                        year = Some(expand_year(d1)?);
                        set(&mut parts, i0, Part::MonthNum(pad));
                        set(&mut parts, i1, Part::Year(2));
                    } else if d0.len() <= 2 && d1.len() <= 2 {
                        let day_first = (dot && vals[1] <= 12) || vals[0] > 12;
                        let (mi, di, m, d) = if day_first { (i1, i0, vals[1], vals[0]) } else { (i0, i1, vals[0], vals[1]) };
                        month = Some(m);
                        day = Some(d);
                        set(&mut parts, mi, Part::MonthNum(pad));
                        set(&mut parts, di, Part::Day { pad, ordinal: None });
                    } else {
                        return None;
                    }
                }
                3 => {
                    let ((i0, d0), (i1, d1), (i2, d2)) = (nums[0], nums[1], nums[2]);
                    if d0.len() == 4 && d1.len() <= 2 && d2.len() <= 2 {
                        year = Some(expand_year(d0)?);
                        month = Some(vals[1]);
                        day = Some(vals[2]);
                        set(&mut parts, i0, Part::Year(4));
                        set(&mut parts, i1, Part::MonthNum(pad));
                        set(&mut parts, i2, Part::Day { pad, ordinal: None });
                    } else if d0.len() <= 2 && d1.len() <= 2 && (d2.len() == 4 || d2.len() == 2) {
                        let day_first = (dot && vals[1] <= 12) || vals[0] > 12;
                        let (mi, di, m, d) = if day_first { (i1, i0, vals[1], vals[0]) } else { (i0, i1, vals[0], vals[1]) };
                        month = Some(m);
                        day = Some(d);
                        year = Some(expand_year(d2)?);
                        set(&mut parts, mi, Part::MonthNum(pad));
                        set(&mut parts, di, Part::Day { pad, ordinal: None });
                        set(&mut parts, i2, Part::Year(d2.len()));
                    } else {
                        return None;
                    }
                }
                _ => return None,
            }
        }
        if month.is_none() && (day.is_some() || year.is_none()) {
            return None;
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return None;
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year.unwrap_or(REFERENCE_YEAR), m) {
                    return None;
                }
            }
        }
        // A weekday needs a full date to be recomputed.
        if weekday.is_some() && day.is_none() {
            return None;
        }
        // "May" reads as a full name, but in "09-May-2024" it stands for the abbreviated style.
        if parts.iter().any(|p| matches!(p, Part::Lit(l) if l == "-")) {
            for p in &mut parts {
                if let Part::MonthName(style) = p {
                    if style.abbrev == 0 && month == Some(5) {
                        style.abbrev = 3;
                    }
                }
            }
        }
        if !trail.is_empty() {
            parts.push(Part::Lit(trail.to_string()));
        }
        Some(WrittenDate { year, month, day, weekday, parts })
    }

    /// The date as a day count (days since 1970-01-01), with the missing parts filled in: no
    /// year -> [`REFERENCE_YEAR`], no day -> the 15th, no month -> 1 July.
    pub fn day_number(&self) -> i64 {
        let y = self.year.unwrap_or(REFERENCE_YEAR);
        let m = self.month.unwrap_or(7);
        let d = self.day.unwrap_or(if self.month.is_some() { 15 } else { 1 });
        days_from_civil(y, m, d)
    }

    /// A key equal for two writings of the same date (`3/14/2024` and `March 14, 2024`).
    pub fn key(&self) -> String {
        format!("{:?}-{:?}-{:?}", self.year, self.month, self.day)
    }

    /// The date moved by `days`, written in the same shape. Intervals between dates shifted by
    /// the same offset are kept exactly.
    pub fn shifted(&self, days: i64) -> String {
        let n = self.day_number() + days;
        let (y, m, d) = civil_from_days(n);
        // With a year, the weekday follows from the date; without one, from the written weekday.
        let wd = match (self.year, self.weekday) {
            (None, Some(w)) => (w as i64 + days).rem_euclid(7) as usize,
            _ => (n + 3).rem_euclid(7) as usize, // 1970-01-01 was a Thursday
        };
        self.render(y, m, d, wd)
    }

    /// Writes the date with new values in the original shape.
    fn render(&self, y: i32, m: u32, d: u32, wd: usize) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Lit(s) => out.push_str(s),
                Part::Weekday(style) => out.push_str(&style.render(WEEKDAYS[wd])),
                Part::MonthName(style) => out.push_str(&style.render(MONTHS[m as usize - 1])),
                Part::MonthNum(pad) => push_num(&mut out, m, *pad),
                Part::Day { pad, ordinal } => {
                    push_num(&mut out, d, *pad);
                    if let Some(case) = ordinal {
                        out.push_str(&case.apply(ordinal_suffix(d)));
                    }
                }
                Part::Year(2) => out.push_str(&format!("{:02}", y.rem_euclid(100))),
                Part::Year(_) => out.push_str(&y.to_string()),
            }
        }
        out
    }

    /// The year alone (`"2024"`), when one was written.
    pub fn year_only(&self) -> Option<String> {
        self.year.map(|y| y.to_string())
    }

    /// Month and year (`"March 2024"`, `"3/2024"`, `"2024-03"`), keeping the style of the month.
    /// Without a year, the month alone when it was written as a word; `None` otherwise.
    pub fn month_year(&self) -> Option<String> {
        let m = self.month?;
        let name_style = self.parts.iter().find_map(|p| match p {
            Part::MonthName(s) => Some(*s),
            _ => None,
        });
        let sep = self
            .parts
            .iter()
            .find_map(|p| match p {
                Part::Lit(s) if s == "/" || s == "-" || s == "." => Some(s.as_str()),
                _ => None,
            })
            .unwrap_or("/");
        let pad = self.parts.iter().any(|p| matches!(p, Part::MonthNum(true)));
        let year_first = matches!(self.parts.iter().find(|p| !matches!(p, Part::Lit(_))), Some(Part::Year(_)));
        match (name_style, self.year) {
            (Some(style), Some(y)) => Some(format!("{} {y}", style.render(MONTHS[m as usize - 1]))),
            (Some(style), None) => Some(style.render(MONTHS[m as usize - 1])),
            (None, Some(y)) if year_first => Some(format!("{y}{sep}{m:02}")),
            (None, Some(y)) => {
                let mut s = String::new();
                push_num(&mut s, m, pad);
                Some(format!("{s}{sep}{y}"))
            }
            (None, None) => None,
        }
    }
}

/// True when a day number comes before the month name (day-month-year order).
fn day_before(parts: &[Part], month_idx: usize) -> bool {
    parts[..month_idx].iter().any(|p| matches!(p, Part::Day { .. }))
}

fn push_num(out: &mut String, v: u32, pad: bool) {
    if pad {
        out.push_str(&format!("{v:02}"));
    } else {
        out.push_str(&v.to_string());
    }
}

fn ordinal_suffix(d: u32) -> &'static str {
    match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_roundtrip() {
        for (y, m, d, n) in [(1970, 1, 1, 0), (2000, 2, 29, 11_016), (2024, 3, 14, 19_796), (1958, 7, 2, -4_201)] {
            assert_eq!(days_from_civil(y, m, d), n, "{y}-{m}-{d}");
            assert_eq!(civil_from_days(n), (y, m, d));
        }
    }

    #[test]
    fn shifting_keeps_the_shape() {
        // written, days, expected
        let rows: &[(&str, i64, &str)] = &[
            ("3/14/2024", 28, "4/11/2024"),
            ("03/14/2024", 28, "04/11/2024"),
            ("3/14/24", 28, "4/11/24"),
            ("3-25-17", -7, "3-18-17"),
            ("2024-03-14", 28, "2024-04-11"),
            ("2024/03/14", -14, "2024/02/29"),
            ("14.03.2024", 28, "11.04.2024"),
            ("3.14.24", 28, "4.11.24"),
            ("25/12/2023", 7, "1/1/2024"),
            ("3/14", 28, "4/11"),
            ("12/25", 7, "1/1"),
            ("March 14, 2024", 28, "April 11, 2024"),
            ("March 14th, 2024", 21, "April 4th, 2024"),
            ("Mar. 14", 28, "Apr. 11"),
            ("MARCH 14", 28, "APRIL 11"),
            ("Sept 1, 2023", 21, "Sept 22, 2023"),
            ("Sept 28, 2023", 7, "Oct 5, 2023"),
            ("14-Mar-2024", 28, "11-Apr-2024"),
            ("09-Jan-2024", 28, "06-Feb-2024"),
            ("09-May-2024", 28, "06-Jun-2024"),
            ("May 9, 2024", 28, "June 6, 2024"),
            ("14-MAR-24", 28, "11-APR-24"),
            ("14 March 2024", -14, "29 February 2024"),
            ("the 3rd of March", 7, "the 10th of March"),
            ("Thursday, March 21", 7, "Thursday, March 28"),
            ("Friday 8 March", 14, "Friday 22 March"),
            ("Thursday, March 21", 1, "Friday, March 22"),
            ("Mon 3/4/2024", 2, "Wed 3/6/2024"),
            ("March 2024", 28, "April 2024"),
            ("3/2024", 28, "4/2024"),
            ("8/87", 28, "9/87"),
            ("12/82", 28, "1/83"),
            ("2024", 7, "2024"),
            ("December 31, 1999", 1, "January 1, 2000"),
        ];
        for &(text, days, want) in rows {
            let d = WrittenDate::parse(text).unwrap_or_else(|| panic!("{text:?} should parse"));
            assert_eq!(d.shifted(days), want, "{text:?} shifted by {days}");
        }
    }

    #[test]
    fn not_dates() {
        for text in ["Christmas Eve", "2/31", "13/13/2024", "3/14 10:30", "March 14-16, 2024", "last Tuesday", "Tuesday", "14", "Monday, March"] {
            assert_eq!(WrittenDate::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn same_date_same_key() {
        let a = WrittenDate::parse("3/14/2024").unwrap();
        let b = WrittenDate::parse("March 14th, 2024").unwrap();
        let c = WrittenDate::parse("2024-03-14").unwrap();
        assert_eq!(a.key(), b.key());
        assert_eq!(a.key(), c.key());
        assert_ne!(a.key(), WrittenDate::parse("3/14").unwrap().key());
    }

    #[test]
    fn generalizations() {
        // written, year only, month and year
        let rows: &[(&str, Option<&str>, Option<&str>)] = &[
            ("3/14/2024", Some("2024"), Some("3/2024")),
            ("03/14/2024", Some("2024"), Some("03/2024")),
            ("3/14/17", Some("2017"), Some("3/2017")),
            ("2024-03-14", Some("2024"), Some("2024-03")),
            ("March 14th, 2024", Some("2024"), Some("March 2024")),
            ("14-Mar-2024", Some("2024"), Some("Mar 2024")),
            ("March 14", None, Some("March")),
            ("3/14", None, None),
            ("8/87", Some("1987"), Some("8/1987")),
        ];
        for &(text, year, my) in rows {
            let d = WrittenDate::parse(text).unwrap();
            assert_eq!(d.year_only().as_deref(), year, "year of {text:?}");
            assert_eq!(d.month_year().as_deref(), my, "month-year of {text:?}");
        }
    }
}
