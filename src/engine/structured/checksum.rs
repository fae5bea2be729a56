//! Check digits of the identifiers that carry one.
//!
//! A valid check digit turns "a run of digits" into "almost certainly this kind of identifier":
//! recognizers use these functions to raise a score (or to accept a shape that would otherwise be
//! too ambiguous), never as the only way to find something, since a mistyped number is still an
//! identifier. Every function takes the identifier with its separators already removed and returns
//! `false` on any character it does not expect.

/// The digits of `s` as numbers, or `None` when `s` holds anything but ASCII digits.
fn digits(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

/// Luhn (mod 10): payment cards, IMEIs, and NPIs (with the `80840` prefix, see [`npi`]).
pub fn luhn(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if d.len() < 2 {
        return false;
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| if i % 2 == 1 { if x * 2 > 9 { x * 2 - 9 } else { x * 2 } } else { x })
        .sum();
    sum % 10 == 0
}

/// A US National Provider Identifier: ten digits starting with 1 or 2, Luhn-valid once prefixed
/// with `80840` (the health industry's issuer prefix).
pub fn npi(s: &str) -> bool {
    s.len() == 10 && (s.starts_with('1') || s.starts_with('2')) && luhn(&format!("80840{s}"))
}

/// A DEA registration number: two letters and seven digits, where
/// `(d1 + d3 + d5) + 2 * (d2 + d4 + d6)` ends in `d7`.
pub fn dea(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 9 || !b[0].is_ascii_alphabetic() || !(b[1].is_ascii_alphabetic() || b[1] == b'9') {
        return false;
    }
    let Some(d) = digits(&s[2..]) else { return false };
    (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]
}

/// A UK NHS number: ten digits, weights 10..2 on the first nine, check = 11 - (sum mod 11).
pub fn nhs(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if d.len() != 10 {
        return false;
    }
    let sum: u32 = d[..9].iter().enumerate().map(|(i, &x)| x * (10 - i as u32)).sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == d[9]
}

/// An Australian Medicare card number: ten digits (the tenth is the issue number), the ninth is
/// the weighted sum of the first eight (weights 1,3,7,9,1,3,7,9) mod 10; the first is 2 to 6.
pub fn au_medicare(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if !(d.len() == 10 || d.len() == 11) || !(2..=6).contains(&d[0]) {
        return false;
    }
    const W: [u32; 8] = [1, 3, 7, 9, 1, 3, 7, 9];
    d.iter().zip(W).map(|(&x, w)| x * w).sum::<u32>() % 10 == d[8]
}

/// Verhoeff's dihedral check: India's Aadhaar numbers (12 digits, first 2 to 9).
pub fn verhoeff(s: &str) -> bool {
    const D: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 8, 7, 0, 6],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    let Some(d) = digits(s) else { return false };
    if d.is_empty() {
        return false;
    }
    let c = d.iter().rev().enumerate().fold(0u8, |c, (i, &x)| D[c as usize][P[i % 8][x as usize] as usize]);
    c == 0
}

/// A North American vehicle identification number: 17 characters without I, O or Q, the ninth a
/// check digit (transliterated values weighted 8,7,6,5,4,3,2,10,0,9,...,2, mod 11, 10 = `X`).
pub fn vin(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 17 {
        return false;
    }
    const W: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let mut sum = 0;
    for (&c, w) in b.iter().zip(W) {
        let v = match c.to_ascii_uppercase() {
            c @ b'0'..=b'9' => (c - b'0') as u32,
            c @ b'A'..=b'H' => (c - b'A' + 1) as u32,
            c @ b'J'..=b'N' => (c - b'J' + 1) as u32,
            b'P' => 7,
            b'R' => 9,
            c @ b'S'..=b'Z' => (c - b'S' + 2) as u32,
            _ => return false,
        };
        sum += v * w;
    }
    let check = match sum % 11 {
        10 => b'X',
        n => b'0' + n as u8,
    };
    b[8].to_ascii_uppercase() == check
}

/// An IBAN: country code, two check digits, up to 30 letters or digits; mod 97 of the rearranged
/// number is 1.
pub fn iban(s: &str) -> bool {
    let b = s.as_bytes();
    if !(15..=34).contains(&b.len())
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[2..4].iter().all(u8::is_ascii_digit)
        || !b.iter().all(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let mut rem: u32 = 0;
    for &c in b[4..].iter().chain(&b[..4]) {
        let v = if c.is_ascii_digit() { (c - b'0') as u32 } else { (c.to_ascii_uppercase() - b'A' + 10) as u32 };
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    rem == 1
}

/// A US Social Security number's structure: area not 000, 666 or 9xx; group not 00; serial not
/// 0000. (There is no check digit: this only rules out numbers never issued.)
pub fn ssn_plausible(s: &str) -> bool {
    let Some(d) = digits(s) else { return false };
    if d.len() != 9 {
        return false;
    }
    let area = d[0] * 100 + d[1] * 10 + d[2];
    let group = d[3] * 10 + d[4];
    let serial = d[5] * 1000 + d[6] * 100 + d[7] * 10 + d[8];
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

/// A NANP (US, Canada, Caribbean) ten-digit number's structure: area code and exchange both start
/// with 2 to 9.
pub fn nanp_plausible(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b.iter().all(u8::is_ascii_digit) && b[0] >= b'2' && b[3] >= b'2'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        // (check, input, valid?) — every valid row is a number made up for this test with a
        // correct check digit; every invalid row differs from a valid one by one digit.
        let rows: &[(fn(&str) -> bool, &str, bool)] = &[
            (luhn, "4111111111111111", true),
            (luhn, "4111111111111112", false),
            (luhn, "49927398716", true),
            (luhn, "12a4", false),
            (npi, "1234567893", true),
            (npi, "1234567894", false),
            (npi, "3234567893", false),
            (dea, "AB1234563", true),
            (dea, "AB1234564", false),
            (dea, "A11234563", false),
            (nhs, "9434765919", true),
            (nhs, "9434765918", false),
            (au_medicare, "2123456701", true),
            (au_medicare, "2123456781", false),
            (verhoeff, "2363", true),
            (verhoeff, "2364", false),
            (vin, "11111111111111111", true),
            (vin, "1M8GDM9AXKP042788", true),
            (vin, "1M8GDM9A1KP042788", false),
            (vin, "1M8GDM9AXKP04278", false),
            (iban, "GB82WEST12345698765432", true),
            (iban, "GB82WEST12345698765433", false),
            (ssn_plausible, "123456789", true),
            (ssn_plausible, "666456789", false),
            (ssn_plausible, "923456789", false),
            (ssn_plausible, "123006789", false),
            (ssn_plausible, "123450000", false),
            (nanp_plausible, "6175550142", true),
            (nanp_plausible, "1175550142", false),
            (nanp_plausible, "6171550142", false),
        ];
        for (i, &(f, s, want)) in rows.iter().enumerate() {
            assert_eq!(f(s), want, "row {i}: {s:?}");
        }
    }
}
