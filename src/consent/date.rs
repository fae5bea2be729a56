//! Calendar dates as the consent form records them: plain ISO 8601 `YYYY-MM-DD` strings.
//!
//! The consent module never reads a clock: "today" is always a parameter, so that validity checks
//! are reproducible and testable. [`IsoDate::from_unix_days`] lets an edge (the command line, the
//! browser) turn its clock reading into a date.

use std::fmt;

/// A proleptic Gregorian calendar date, ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IsoDate {
    /// The year, 1000..=9999.
    pub year: u16,
    /// The month, 1..=12.
    pub month: u8,
    /// The day of the month, 1..=31 (checked against the month's length).
    pub day: u8,
}

/// The number of days in `month` of `year`.
fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl IsoDate {
    /// Builds a date, or explains why it does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Result<IsoDate, String> {
        if !(1000..=9999).contains(&year) {
            return Err(format!("year {year} is out of range"));
        }
        if !(1..=12).contains(&month) {
            return Err(format!("month {month} does not exist"));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(format!("{year:04}-{month:02} has no day {day}"));
        }
        Ok(IsoDate { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD` (what an HTML date input produces), with a plain message on
    /// failure, e.g. `"expected a date as YYYY-MM-DD, got \"3/4/2030\""`.
    pub fn parse(s: &str) -> Result<IsoDate, String> {
        let b = s.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            return Err(format!("expected a date as YYYY-MM-DD, got {s:?}"));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u16>().expect("digits checked above");
        IsoDate::new(num(0..4), num(5..7) as u8, num(8..10) as u8)
    }

    /// The date `days` days after 1970-01-01 (a Unix timestamp divided by 86 400), using the
    /// civil-from-days algorithm (era of 400 years = 146 097 days).
    pub fn from_unix_days(days: i64) -> IsoDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        IsoDate { year: year.clamp(1000, 9999) as u16, month, day }
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Checks an RFC 3339 timestamp as the package records its creation time:
/// `YYYY-MM-DDTHH:MM:SS` with optional fractional seconds and a `Z` or `±HH:MM` offset.
pub fn parse_timestamp(s: &str) -> Result<IsoDate, String> {
    let bad = || format!("expected a timestamp as YYYY-MM-DDTHH:MM:SSZ, got {s:?}");
    if s.len() < 20 || !s.is_char_boundary(10) {
        return Err(bad());
    }
    let date = IsoDate::parse(&s[..10]).map_err(|_| bad())?;
    let b = s.as_bytes();
    let two = |i: usize, max: u8| -> bool {
        b.get(i..i + 2).is_some_and(|d| {
            d.iter().all(u8::is_ascii_digit) && (d[0] - b'0') * 10 + (d[1] - b'0') <= max
        })
    };
    let time_ok = matches!(b[10], b'T' | b't') && two(11, 23) && b[13] == b':' && two(14, 59) && b[16] == b':' && two(17, 60);
    if !time_ok {
        return Err(bad());
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return Err(bad());
        }
        rest = &frac[digits..];
    }
    let zone_ok = match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', _, _, b':', _, _] => {
            let z = rest.as_bytes();
            let d = |i: usize| z[i].is_ascii_digit();
            d(1) && d(2) && d(4) && d(5)
        }
        _ => false,
    };
    if zone_ok {
        Ok(date)
    } else {
        Err(bad())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        // input, Ok(display) or Err(fragment of the message)
        let rows: &[(&str, Result<&str, &str>)] = &[
            ("2030-12-31", Ok("2030-12-31")),
            ("2028-02-29", Ok("2028-02-29")),
            ("2000-02-29", Ok("2000-02-29")),
            ("2100-02-29", Err("has no day 29")),
            ("2027-02-29", Err("has no day 29")),
            ("2030-13-01", Err("month 13")),
            ("2030-04-31", Err("has no day 31")),
            ("2030-00-10", Err("month 0")),
            ("2030-01-00", Err("has no day 0")),
            ("0999-01-01", Err("year 999")),
            ("3/4/2030", Err("YYYY-MM-DD")),
            ("2030-1-1", Err("YYYY-MM-DD")),
            ("2030-01-01T00:00", Err("YYYY-MM-DD")),
            ("", Err("YYYY-MM-DD")),
            ("２０３０-01-01", Err("YYYY-MM-DD")),
        ];
        for &(input, want) in rows {
            let got = IsoDate::parse(input).map(|d| d.to_string());
            match want {
                Ok(w) => assert_eq!(got.as_deref(), Ok(w), "{input:?}"),
                Err(frag) => {
                    let e = got.expect_err(input);
                    assert!(e.contains(frag), "{input:?}: {e:?} lacks {frag:?}");
                }
            }
        }
    }

    #[test]
    fn ordering_is_chronological() {
        let d = |s| IsoDate::parse(s).unwrap();
        assert!(d("2029-12-31") < d("2030-01-01"));
        assert!(d("2030-01-31") < d("2030-02-01"));
        assert!(d("2030-02-01") < d("2030-02-02"));
    }

    #[test]
    fn unix_days_table() {
        let rows: &[(i64, &str)] = &[
            (0, "1970-01-01"),
            (-1, "1969-12-31"),
            (59, "1970-03-01"),
            (10_957, "2000-01-01"),
            (11_016, "2000-02-29"),
            (20_422, "2025-11-30"),
            (21_519, "2028-12-01"),
        ];
        for &(days, want) in rows {
            assert_eq!(IsoDate::from_unix_days(days).to_string(), want, "day {days}");
        }
    }

    #[test]
    fn timestamp_table() {
        let rows: &[(&str, Option<&str>)] = &[
            ("2026-11-30T10:00:00Z", Some("2026-11-30")),
            ("2026-11-30T10:00:00.123Z", Some("2026-11-30")),
            ("2026-11-30T23:59:60+05:30", Some("2026-11-30")),
            ("2026-11-30T10:00:00", None),
            ("2026-11-30 10:00:00Z", None),
            ("2026-11-30T24:00:00Z", None),
            ("2026-11-30T10:00:00.Z", None),
            ("2026-11-31T10:00:00Z", None),
            ("2026-11-30T10:00:00+0530", None),
        ];
        for &(input, want) in rows {
            let got = parse_timestamp(input).ok().map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{input:?}");
        }
    }
}
