//! Numbered identifiers: SSN, MRN, health plan, account and card, licence, vehicle, device and
//! other IDs.
//!
//! Three kinds of rules, from strongest to weakest:
//!
//! 1. [`LABELLED`]: a label (`MRN`, `member ID`, `account number`, `NPI`, `plate`, `serial
//!    number`, `case number`, ...) followed by a value with at least one digit. The label decides
//!    the category (see [`LABELS`]); the value may be digits in groups (`485 777 3457`), a code
//!    (`ZQH918273645`, `5584-201-775-KT`, `WV-APRN-0088431`) or a plate (`7KXL294`).
//! 2. Shapes confirmed by a check digit ([`super::checksum`]): payment cards (Luhn), IBAN, NPI,
//!    DEA, VIN, NHS number; shapes strong enough alone: SSN `078-05-1120`, Medicare MBI, MAC
//!    addresses, 4-4-4 digit groups.
//! 3. An unlabelled code that mixes capital letters and enough digits
//!    (`GCM-CR-2024-017`, `2024-HS-118307`, `LKS-004417`) is reported as ID with a low score.

use std::sync::LazyLock;


use super::checksum;
use super::{after, char_at, char_before, Hit, Keywords, Rule};
use crate::engine::pattern::{ascii, ascii_unfiltered, Captures, Regex};
use crate::engine::Category;

/// The labels of [`LABELLED`], one capture group each, in the order they are tried: the category
/// of the first group that matched is the category of the value.
pub const LABELS: &[(&str, Category, &str)] = &[
    ("ssn", Category::Ssn, r"social\s+security(?:\s+(?:number|no\.?|num|#))?|ssn|ss\#|soc\.?\s*sec\.?(?:\s*\#)?"),
    ("veh", Category::Vehicle, r"(?:licen[cs]e\s+)?plates?(?:\s+(?:number|no\.?|\#|of\s+(?:the\s+)?(?:other\s+)?(?:vehicle|car|truck|van)))?|tags?(?:\s+(?:number|no\.?|\#))?|number\s+plate|numberplate|registration\s+plate|tag\s+(?:number|no\.?|\#)|vin(?:\s+(?:number|no\.?|\#))?|vehicle\s+(?:id|identification\s+number|number|registration)|rego"),
    ("mrn", Category::Mrn, r"mrn|mr\s*\#|mr\s+no\.?|m\.r\.n\.?|medical\s+record(?:\s+(?:number|no\.?|num|\#))?|chart\s*(?:number|no\.?|\#)|hospital\s+(?:number|no\.?|\#|id)|patient\s+(?:id|number|no\.?|\#)|pt\s+(?:id|\#)|unit\s+(?:number|no\.?|\#)|record\s+(?:number|no\.?|\#)|registration\s+(?:number|no\.?|\#)|hosp\.?\s*\#|mrn\#"),
    ("hp", Category::Healthplan, r"nhi(?:\s+(?:number|no\.?))?|member(?:ship)?\s*(?:id|number|no\.?|\#)?\s*:|group\s*:|member\s+(?:id|number|no\.?|\#)|subscriber\s+(?:id|number|no\.?|\#)|policy\s+(?:id|number|no\.?|\#)|group\s+(?:number|no\.?|\#|id)|medicaid(?:\s+(?:id|number|no\.?|\#))?|medicare(?:\s+(?:card|id|number|no\.?|\#|beneficiary\s+identifier))?|mbi|nhs\s+(?:number|no\.?|\#)|health\s+(?:card|insurance|plan)(?:\s+(?:number|no\.?|\#|id))?|insurance\s+(?:id|number|no\.?|\#)|plan\s+(?:id|number|no\.?)|beneficiary\s+(?:id|number|no\.?)|ohip(?:\s+(?:number|no\.?))?|healthcare\s+number|phn|chi\s+(?:number|no\.?)|insurance\s+card|medical\s+card|ehic|carte\s+vitale"),
    ("acct", Category::Account, r"account(?:\s+(?:number|no\.?|\#|id))?|acct\.?(?:\s*(?:\#|no\.?|number))?|(?:credit|debit|payment|bank)\s+card(?:\s+(?:number|no\.?))?|card\s+(?:number|no\.?)|iban|routing\s+(?:number|no\.?)|(?:visa|mastercard|amex|discover)(?:\s+card)?\s+ending(?:\s+in)?|card\s+ending(?:\s+in)?|account\s+ending(?:\s+in)?|sort\s+code|bank\s+account|credit\s+union|invoice\s+(?:number|no\.?|\#)|billing\s+(?:number|id|account)|statement\s+(?:number|no\.?)"),
    ("lic", Category::License, r"(?:driver'?s?|driving)\s+licen[cs]e(?:\s+(?:number|no\.?|\#))?|cdl|licen[cs]e(?:\s+(?:number|no\.?|\#))?|lic\.?\s*(?:\#|no\.?)|dl|npi|dea(?:\s+(?:number|no\.?|\#))?|certificate\s+(?:number|no\.?|\#)|cert\.?\s*\#|permit\s+(?:number|no\.?|\#)|board\s+certification(?:\s+(?:number|no\.?))?|provider\s+(?:number|no\.?|id)"),
    ("dev", Category::Device, r"serial(?:\s+(?:number|no\.?|\#))?|s/n|sn|device\s+(?:id|serial|number|no\.?)|transmitter(?:\s+(?:id|serial|number))?|imei|udi|model\s+(?:number|no\.?|\#)|(?:pacemaker|implant|sensor|pump|monitor)\s+(?:id|serial|number)|mac\s+address"),
    ("other", Category::Id, r"case\s+(?:number|no\.?|\#|id|log|file)|interpreter\s*(?:\#|id|number|no\.?)|(?:encounter|visit|admission|episode)\s+(?:number|no\.?|\#|id)|rx\s*\#|prescription\s+(?:number|no\.?|\#)|badge(?:\s+(?:number|no\.?|\#|id))?|employee\s+(?:id|number|no\.?|\#)|staff\s+(?:id|number)|reference(?:\s+(?:number|no\.?|\#|id))?|ref\.?\s*(?:\#|no\.?|number)|ref:|confirmation\s+(?:number|no\.?|\#|code)|claim\s+(?:number|no\.?|\#|id)|ticket\s+(?:number|no\.?|\#)|file\s+(?:number|no\.?|\#)|run\s*(?:\#|number|no\.?)|incident\s+(?:number|no\.?|\#)|report\s+(?:number|no\.?|\#)|card\s+id|enrollment\s+(?:number|no\.?|id)|student\s+(?:id|number)|passport(?:\s+(?:number|no\.?|\#))?|a-number|a\#|alien\s+(?:registration\s+)?number|uscis\s+(?:number|no\.?|\#)|aadhaar(?:\s+(?:number|no\.?))?|national\s+insurance(?:\s+(?:number|no\.?))?|ni\s+(?:number|no\.?)|social\s+insurance\s+(?:number|no\.?)|sin|tax\s+(?:id|number|no\.?)|tin|ein|itin|id\s*[:\#]|id|slip\s*\#|receipt\s*\#|locker\s*\#|property\s*\#|bag\s*\#|national\s+id(?:\s+(?:number|no\.?))?|id\s+(?:number|no\.?|\#)|tracking\s+(?:number|no\.?|\#)|order\s+(?:number|no\.?|\#)|requisition\s+(?:number|no\.?|\#)|accession\s+(?:number|no\.?|\#)|specimen\s+(?:id|number)|booking\s+(?:number|reference)|inmate\s+(?:number|id)|docket\s+(?:number|no\.?)|truancy\s+file|application\s+(?:number|no\.?|id)|voucher\s+(?:number|no\.?)|case\s+\#|log\s+(?:number|no\.?)|(?:intake|referral|screening|report)\s*(?:number|no\.?|\#)"),
];

/// A label, a short gap (`:`, `#`, `number`, `is`, a comma) and a value with a digit.
pub static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    let labels: Vec<String> = LABELS.iter().map(|(g, _, re)| format!("(?P<{g}>{re})")).collect();
    ascii_unfiltered(&format!(
        r"(?i)(?-u:\b)(?:{})(?:\s*[:#=,]?\s*(?:(?:is|was|number|no\.?|id|\#|ending\s+in|ends\s+in|ending)\s*[:#]?\s*)?)(?:['\x22]|“)?(?P<id>\d{{2,6}}(?:\ \d{{1,6}}){{1,4}}(?-i:[\ -][A-Z]{{1,3}}(?-u:\b))?|(?-i:[A-Z]{{1,3}}\d{{2,6}}(?:\ \d{{2,6}}){{1,3}})(?-u:\b)|(?-i:[A-Z]{{1,3}}(?:\ \d{{2,6}}){{2,3}})(?-u:\b)|(?-i:[A-Z]{{1,3}}\ \d{{2,4}}(?:\ ?[A-Z]{{1,3}})?)(?-u:\b)|(?-i:[A-Z]{{1,3}}\ \d{{7,12}})(?-u:\b)|[a-z]{{0,6}}\d[a-z0-9]*(?:[-./:][a-z0-9]+)*|[a-z]{{1,6}}(?:-[a-z0-9]+)+)",
        labels.join("|")
    ))
    .unwrap()
});

fn judge_labelled(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let id = caps.name("id").unwrap();
    let mut value = id.as_str();
    let mut end = id.end();
    // a trailing dot or slash belongs to the sentence
    while value.ends_with(['.', '/', '-']) {
        value = &value[..value.len() - 1];
        end -= 1;
    }
    let alnum: String = value.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let digits = alnum.bytes().filter(u8::is_ascii_digit).count();
    // "card ending in 4421": the last four digits still identify an account
    if caps.get(0).unwrap().as_str().to_ascii_lowercase().contains("ending") && digits >= 4 {
        let category = LABELS.iter().find(|(g, _, _)| caps.name(g).is_some()).map_or(Category::Account, |(_, c, _)| *c);
        out.push(Hit { start: id.start(), end, category, score: 0.9, reason: "the last digits of an account or card" });
        return;
    }
    let (group, category) = LABELS.iter().find(|(g, _, _)| caps.name(g).is_some()).map(|(g, c, _)| (*g, *c)).unwrap();
    if digits == 0 || alnum.len() < 4 {
        return;
    }
    // the label must end on a word boundary: "mRNA-1273" is not "MRN A-1273"
    let label_m = caps.name(group).unwrap();
    if label_m.as_str().ends_with(|c: char| c.is_ascii_alphanumeric()) && matches!(char_at(text, label_m.end()), Some(c) if c.is_alphanumeric()) {
        return;
    }
    // "licence in 2019"-style years and plain small numbers after a vague label
    let label = label_m.as_str().to_ascii_lowercase();
    // "ID:" is also the infectious-disease heading of a nursing note ("ID: TMAX-99, WBC 12.1"):
    // a bare ID label needs a long value
    // (a code of letters and four digits counts: "UNOS ID RXK4402")
    if label.starts_with("id") && digits < 5 && !(digits == 4 && alnum.len() >= 7 && !value.contains('-')) {
        return;
    }
    // "ID=95.8-97.2": temperatures under the infectious-disease heading
    if label.starts_with("id") && value.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit()) {
        return;
    }
    let vague = matches!(label.as_str(), "medicare" | "medicaid" | "reference" | "badge" | "dl" | "sn" | "transmitter" | "credit union" | "account" | "serial" | "passport" | "phn" | "sin" | "tin" | "ein");
    // three-letter labels that are also words ("sin", "tin") count in capitals only
    if matches!(label.as_str(), "sin" | "tin" | "ein" | "itin" | "cdl") && !label_m.as_str().bytes().all(|b| b.is_ascii_uppercase()) {
        return;
    }
    if vague && alnum.len() == 4 && alnum.bytes().all(|b| b.is_ascii_digit()) && (alnum.starts_with("19") || alnum.starts_with("20")) {
        return;
    }
    // a date after a label is the label's date ("account opened 3/4/2019" never reaches here;
    // "DL 03/14/2025" is an expiry): leave dates to the date rules
    if value.contains('/') && value.split('/').count() == 3 {
        return;
    }
    // units: "serial 2 mg"? a value followed by a unit is a quantity
    let tail = after(text, end, 6).trim_start().to_ascii_lowercase();
    if alnum.len() <= 5 && ["mg", "ml", "cc", "mcg", "kg", "units", "%"].iter().any(|u| tail.starts_with(u)) {
        return;
    }
    // "Pt has MA; ID # MA 0031987645": an ID with a plan's letters, after a word of a health plan
    let category = if category == Category::Id && value.as_bytes()[0].is_ascii_uppercase() && value.contains(' ') && {
        let head = super::before(text, id.start(), 48);
        let prefix = value.split(' ').next().unwrap_or("");
        // the plan named before by the same letters ("has MA;"), or a word of insurance
        let named = head.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w == prefix);
        let head = head.to_ascii_lowercase();
        named || ["insurance", "medicaid", "medicare", "plan", "masshealth", "hmo", "ppo", "coverage", "insured", "member"].iter().any(|w| head.contains(w))
    } {
        Category::Healthplan
    } else {
        category
    };
    let reason = match category {
        Category::Ssn => "labelled as a Social Security number",
        Category::Vehicle => "labelled as a vehicle plate or VIN",
        Category::Mrn => "labelled as a medical record number",
        Category::Healthplan => "labelled as a health plan or insurance number",
        Category::Account => "labelled as an account number",
        Category::License => "labelled as a licence or certificate number",
        Category::Device => "labelled as a device or serial number",
        _ => "labelled as an identifying number",
    };
    out.push(Hit { start: id.start(), end, category, score: 0.95, reason });
}

static SSN: LazyLock<Regex> = LazyLock::new(|| ascii_unfiltered(r"(?-u:\b)\d{3}(?P<s>[- ])\d{2}(?P<t>[- ])\d{4}(?-u:\b)").unwrap());

fn judge_ssn(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    if caps["s"] != caps["t"] || matches!(char_before(text, m.start()), Some(c) if c.is_alphanumeric() || c == '-' || c == '(' || c == '+') || matches!(char_at(text, m.end()), Some('-')) {
        return;
    }
    let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
    let plausible = checksum::ssn_plausible(&digits);
    let score = match (&caps["s"], plausible) {
        ("-", true) => 0.9,
        ("-", false) => 0.6,
        (_, true) => 0.7,
        _ => return,
    };
    out.push(Hit { start: m.start(), end: m.end(), category: Category::Ssn, score, reason: "shaped like a Social Security number" });
}

/// Numbers with a check digit: payment cards (13-19 digits, Luhn), NPI (10 digits), NHS (3-3-4),
/// Australian Medicare (4-5-1), Aadhaar-like 4-4-4 groups.
static DIGIT_GROUPS: LazyLock<Regex> = LazyLock::new(|| ascii_unfiltered(r"(?-u:\b)\d(?:[ -]?\d){8,18}(?-u:\b)").unwrap());

fn judge_digit_groups(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let s = m.as_str();
    if matches!(char_before(text, m.start()), Some(c) if c.is_alphanumeric() || matches!(c, '-' | '.' | '/' | '+' | '(' | '$'))
        || matches!(char_at(text, m.end()), Some(c) if c.is_alphanumeric() || matches!(c, '/' | '%'))
        || (char_at(text, m.end()) == Some('.') && after(text, m.end(), 2).as_bytes().get(1).is_some_and(u8::is_ascii_digit))
    {
        return;
    }
    let d: String = s.chars().filter(char::is_ascii_digit).collect();
    let groups: Vec<usize> = s.split([' ', '-']).map(str::len).collect();
    let seps: Vec<char> = s.chars().filter(|c| *c == ' ' || *c == '-').collect();
    let mixed_seps = seps.windows(2).any(|w| w[0] != w[1]);
    if mixed_seps {
        return;
    }
    let hit = |category, score, reason| Hit { start: m.start(), end: m.end(), category, score, reason };
    if (13..=19).contains(&d.len()) && checksum::luhn(&d) && matches!(d.as_bytes()[0], b'2'..=b'6') {
        out.push(hit(Category::Account, 0.9, "a payment card number (valid check digit)"));
    } else if d.len() == 10 && groups == [10] && checksum::npi(&d) {
        out.push(hit(Category::License, 0.7, "an NPI (valid check digit)"));
    } else if d.len() == 10 && groups == [3, 3, 4] && checksum::nhs(&d) && !checksum::nanp_plausible(&d) {
        out.push(hit(Category::Healthplan, 0.75, "an NHS number (valid check digit)"));
    } else if d.len() == 10 && groups == [4, 5, 1] && checksum::au_medicare(&d) {
        out.push(hit(Category::Healthplan, 0.85, "a Medicare card number (valid check digit)"));
    } else if d.len() == 12 && groups == [4, 4, 4] {
        let (category, score, reason) = if checksum::verhoeff(&d) && d.as_bytes()[0] >= b'2' {
            (Category::Id, 0.85, "an Aadhaar number (valid check digit)")
        } else {
            (Category::Id, 0.5, "a 12-digit identifier")
        };
        out.push(hit(category, score, reason));
    } else if groups.len() == 1 && d.len() >= 9 && !(d.len() == 10 && checksum::nanp_plausible(&d)) {
        // a long unbroken number: some identifier
        out.push(hit(Category::Id, 0.4, "a long number"));
    } else if groups.len() >= 3 && d.len() >= 11 && groups.iter().all(|&g| g >= 3) {
        out.push(hit(Category::Id, 0.45, "a number in groups"));
    }
}

/// Letters-and-digits shapes with their own rules: IBAN, DEA, MBI, VIN, MAC address.
static CODES: LazyLock<Regex> = LazyLock::new(|| {
    ascii(r"(?x)
        (?-u:\b)(?P<iban>[A-Z]{2}\d{2}(?:\ ?[A-Z0-9]{4}){2,7}(?:\ ?[A-Z0-9]{1,3})?)(?-u:\b)
      | (?-u:\b)(?P<dea>[A-Z][A-Z9]\d{7})(?-u:\b)
      | (?-u:\b)(?P<mbi>[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2})(?-u:\b)
      | (?-u:\b)(?P<vin>[A-HJ-NPR-Z0-9]{17})(?-u:\b)
      | (?-u:\b)(?P<nino>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\ ?\d{2}\ ?\d{2}\ ?\d{2}\ ?[A-D])(?-u:\b)
      | (?-u:\b)(?P<ukplate>[A-HJ-PR-Y][A-HJ-PR-Y]\d{2}\ ?[A-HJ-PR-Z]{3})(?-u:\b)
      | (?-u:\b)(?P<mac>[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5})(?-u:\b)
    ").unwrap()
});

fn judge_codes(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let hit = |category, score, reason| Hit { start: m.start(), end: m.end(), category, score, reason };
    if let Some(g) = caps.name("iban") {
        let compact: String = g.as_str().chars().filter(|c| *c != ' ').collect();
        if checksum::iban(&compact) {
            out.push(hit(Category::Account, 0.95, "an IBAN (valid check digits)"));
        }
    } else if let Some(g) = caps.name("dea") {
        if checksum::dea(g.as_str()) {
            out.push(hit(Category::License, 0.85, "a DEA number (valid check digit)"));
        }
    } else if caps.name("mbi").is_some() {
        out.push(hit(Category::Healthplan, 0.85, "a Medicare beneficiary identifier"));
    } else if let Some(g) = caps.name("vin") {
        let s = g.as_str();
        let letters = s.bytes().filter(u8::is_ascii_alphabetic).count();
        if letters == 0 || letters == 17 {
            return;
        }
        if checksum::vin(s) {
            out.push(hit(Category::Vehicle, 0.9, "a vehicle identification number (valid check digit)"));
        } else {
            out.push(hit(Category::Vehicle, 0.55, "shaped like a vehicle identification number"));
        }
    } else if caps.name("ukplate").is_some() {
        // "MS04 PCA" (morphine) has the same shape: a plate needs a vehicle nearby
        let around = format!("{} {}", super::before(text, m.start(), 60), after(text, m.end(), 40)).to_ascii_lowercase();
        const VEHICLE_WORDS: &[&str] = &["car", "van", "vehicle", "plate", "reg", "registration", "drove", "driving", "driver", "parked", "towed", "truck", "lorry", "motorbike", "motorcycle", "taxi", "cab", "ambulance"];
        let near = around.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| VEHICLE_WORDS.contains(&w));
        if near {
            out.push(hit(Category::Vehicle, 0.6, "shaped like a UK number plate"));
        }
    } else if caps.name("nino").is_some() {
        out.push(hit(Category::Id, 0.8, "a UK National Insurance number"));
    } else if let Some(g) = caps.name("mac") {
        if g.as_str().bytes().any(|b| b.is_ascii_digit()) {
            out.push(hit(Category::Device, 0.8, "a hardware (MAC) address"));
        }
    }
}

/// A trauma alias: the name an emergency department gives a patient whose own is not known yet,
/// a word of the spelling alphabet and a number ("registered as TRAUMA ZULU 4417").
static TRAUMA_ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    ascii(r"(?i)(?-u:\b)trauma[\s-]+(?P<id>(?:alpha|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliett?|kilo|lima|mike|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|x-?ray|yankee|zulu)[\s-]*\d{1,6})(?-u:\b)").unwrap()
});

fn judge_trauma_alias(_text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    out.push(Hit::of(caps, Category::Id, 0.85, "a trauma alias (the name given to an unidentified patient)"));
}

/// An unlabelled code: capitals and digits, in dash-separated groups or one long token.
static CODE: LazyLock<Regex> =
    LazyLock::new(|| ascii(r"(?-u:\b)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?-u:\b)|(?-u:\b)[A-Z0-9]{6,}(?-u:\b)").unwrap());

/// The ranges [`CODE`] searches (see [`Rule::within`]): the maximal runs of letters, digits and
/// dashes (every match of [`CODE`] lies in one) with at least five digits ([`judge_code`] wants
/// five). In an ALL CAPS note every long word matches [`CODE`], and nearly none has the digits.
fn code_ranges(k: &Keywords, text: &str, out: &mut Vec<(usize, usize)>) {
    let b = text.as_bytes();
    let class = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
    let mut runs = k.digit_runs().peekable();
    while let Some((s, n)) = runs.next() {
        let mut a = s;
        while a > 0 && class(b[a - 1]) {
            a -= 1;
        }
        let mut e = s + n;
        while e < b.len() && class(b[e]) {
            e += 1;
        }
        // the other digit runs of the same range
        let mut digits = n;
        while let Some(&(s2, n2)) = runs.peek() {
            if s2 >= e {
                break;
            }
            digits += n2;
            runs.next();
        }
        if digits >= 5 {
            out.push((a, e));
        }
    }
}

fn judge_code(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let s = m.as_str();
    // every branch below needs five digits (cheap to reject first: most matches are words)
    if s.bytes().filter(u8::is_ascii_digit).count() < 5 {
        return;
    }
    if matches!(char_before(text, m.start()), Some(c) if matches!(c, '.' | '/' | '@' | '_' | '-')) || matches!(char_at(text, m.end()), Some('@' | '/' | '_' | '%' | '-')) {
        return;
    }
    // 650X10X100: a product of settings, not a code
    if s.bytes().filter(u8::is_ascii_alphabetic).all(|b| b == b'X' || b == b'x') && !s.contains('-') {
        return;
    }
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let letters = s.bytes().filter(u8::is_ascii_alphabetic).count();
    let lower = s.bytes().any(|b| b.is_ascii_lowercase());
    let groups: Vec<&str> = s.split('-').collect();
    let max_digit_run = groups.iter().map(|g| g.bytes().filter(u8::is_ascii_digit).count()).max().unwrap_or(0);
    let ok = if groups.len() > 1 {
        if letters == 0 {
            // 24-031877: a digit-only code unless it is shaped like a date, phone or SSN
            max_digit_run >= 5 && !(groups.len() == 3 && groups.iter().all(|g| g.len() <= 4))
        } else {
            // GCM-CR-2024-017, E-20417, 0047712-OH; not COVID-19, IL-6, ICD-10, nor ranges with
            // units or labels (83-85NSR, MAP-75-100, 30-40CC, DOWNWARD-0400)
            let letter_group = groups.iter().any(|g| g.len() <= 5 && g.bytes().all(|b| b.is_ascii_alphabetic()));
            let long_letters = groups.iter().any(|g| g.len() > 5 && g.bytes().all(|b| b.is_ascii_alphabetic()));
            let mixed_ok = groups.iter().any(|g| {
                let d = g.bytes().filter(u8::is_ascii_digit).count();
                let l = g.len() - d;
                d >= 3 && (1..=2).contains(&l) && g.as_bytes()[0].is_ascii_alphabetic()
            });
            !lower && digits >= 5 && max_digit_run >= 4 && !long_letters && (letter_group || mixed_ok)
        }
    } else {
        // ZQH918273645: letters and at least five digits, all capitals; not AC700X10 (settings)
        let times = s.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && (w[1] == b'X' || w[1] == b'x') && w[2].is_ascii_digit());
        !lower && letters >= 1 && digits >= 5 && s.len() >= 7 && !times
    };
    if ok {
        out.push(Hit { start: m.start(), end: m.end(), category: Category::Id, score: 0.4, reason: "an identifying code" });
    }
}

/// The identifier rules, in registry order.
pub fn rules() -> Vec<Rule> {
    vec![
        Rule { within: None, name: "labelled-id", regex: &LABELLED, judge: judge_labelled, gate: &[], check: None },
        Rule { within: None, name: "ssn", regex: &SSN, judge: judge_ssn, gate: &[], check: Some(|k, t| k.digit_run_pair(t, 3..=3, b"- ", 2..=2)) },
        Rule { within: None, name: "number", regex: &DIGIT_GROUPS, judge: judge_digit_groups, gate: &[], check: Some(|k, t| k.longest_digit_chain(t, b" -", usize::MAX) >= 9) },
        Rule { within: None, name: "code", regex: &CODES, judge: judge_codes, gate: &[], check: None },
        Rule { within: Some(code_ranges), name: "code", regex: &CODE, judge: judge_code, gate: &[], check: None },
        Rule { within: None, name: "trauma-alias", regex: &TRAUMA_ALIAS, judge: judge_trauma_alias, gate: &["trauma"], check: None },
    ]
}

#[cfg(test)]
mod tests {
    use crate::engine::structured::tests_support::{assert_finds, assert_ignores};
    use crate::engine::Category::{self, *};

    #[test]
    fn finds() {
        // (text, the exact text that must be found, its category). Every number is invented.
        let rows: &[(&str, &str, Category)] = &[
            ("prefers Amharic, phone interpreter #22815 used.", "22815", Id),
            ("Re: a referral, DOB 04/11/1979, NHI ZKM4417\n", "ZKM4417", Healthplan),
            ("full Social Security number, 078-05-1120, printed", "078-05-1120", Ssn),
            ("his Social Security number, 219 09 9999, on", "219 09 9999", Ssn),
            ("SSN: 123456789.", "123456789", Ssn),
            ("LUIS A / MRN 00731946 / DOB", "00731946", Mrn),
            ("Our chart (MR# 5520-817) had", "5520-817", Mrn),
            ("remove MRN 01-884-2290 from", "01-884-2290", Mrn),
            ("HD schedule. Pt's unit # 3190442.", "3190442", Mrn),
            ("Her member ID, MN04418872, was", "MN04418872", Healthplan),
            ("Member ID ZQH918273645, group number 0047712-OH.", "0047712-OH", Healthplan),
            ("Her health card, 5584-201-775-KT, had", "5584-201-775-KT", Healthplan),
            ("Her NHS number, 485 777 3457, follows", "485 777 3457", Healthplan),
            ("his Medicare card, 2428 77813 2. We", "2428 77813 2", Healthplan),
            ("MBI 1EG4-TE5-MK73 on file", "1EG4-TE5-MK73", Healthplan),
            ("under account number BRMC-7740-221958. Bill", "BRMC-7740-221958", Account),
            ("collections, account PHC-00917734, because", "PHC-00917734", Account),
            ("card 4111 1111 1111 1111 on file", "4111 1111 1111 1111", Account),
            ("IBAN GB82 WEST 1234 5698 7654 32 please", "GB82 WEST 1234 5698 7654 32", Account),
            ("NPI for the form: 1417093352. -", "1417093352", License),
            ("Prescriber NPI 1578903324, DEA BK4827169. The", "BK4827169", License),
            ("APRN License No. WV-APRN-0088431 cc", "WV-APRN-0088431", License),
            ("26, DL S530-4471-8826. He'd", "S530-4471-8826", License),
            ("guardrail, plate 7KXL294. Driver", "7KXL294", Vehicle),
            ("a 2019 Honda, plate ABC 1234, VIN", "ABC 1234", Vehicle),
            ("with the VIN, 1G1ZD5ST0JF214638, and", "1G1ZD5ST0JF214638", Vehicle),
            ("read the serial number, PJN418227S, out", "PJN418227S", Device),
            ("glucose monitor (transmitter ID 8G4K2T). He", "8G4K2T", Device),
            ("MAC 00:1A:2B:3C:4D:5E seen", "00:1A:2B:3C:4D:5E", Device),
            ("gave me a case number, 2024-HS-118307, and", "2024-HS-118307", Id),
            ("employee badge number, E-20417, and", "E-20417", Id),
            // an immigration A-number after "A#" on an intake form
            ("Arrival: 4/2  A#: A-318-552-904  Origin", "A-318-552-904", Id),
            ("Run #24-031877, Sat", "24-031877", Id),
            ("Reference number PA-24-0311-88412.", "PA-24-0311-88412", Id),
            ("copay program (card ID CP-7713-40288); new", "CP-7713-40288", Id),
            ("arrive this morning (ref # 8336652).", "8336652", Id),
            ("departmental case log GCM-CR-2024-017.)", "GCM-CR-2024-017", Id),
            ("The right one, LKS-004417, was", "LKS-004417", Id),
            ("father's number, 4829 7731 0562. I", "4829 7731 0562", Id),
            ("paid with the Visa ending in 4421 last", "4421", Account),
            ("National Insurance number AB 12 34 56 C on", "AB 12 34 56 C", Id),
            ("Insurance: Aetna, ID: W123456789.", "W123456789", Id),
            ("his CDL A1234567 was", "A1234567", License),
            ("the encounter number 7733-0912-44.", "7733-0912-44", Id),
            ("called about Rx #4471902 and", "4471902", Id),
            ("card reads Member: W2849 11834 Group: 88120.", "W2849 11834", Healthplan),
            ("card reads Member: W2849 11834 Group: 88120.", "88120", Healthplan),
            ("Ohio tag 'GHJ 2210'.", "GHJ 2210", Vehicle),
            ("his van, KX19 ABD, was towed", "KX19 ABD", Vehicle),
            ("filed under docket no. 2:23-cv-01145 in", "2:23-cv-01145", Id),
        ];
        assert_finds(rows);
    }

    /// Searching only the ranges of [`super::code_ranges`] finds exactly what the whole-text
    /// search finds.
    #[test]
    fn code_ranges_hold_every_hit() {
        let rule = super::rules().into_iter().find(|r| r.within.is_some()).expect("the code rule");
        let texts = [
            "gave me a case number, 2024-HS-118307, and ZQH918273645 or GCM-CR-2024-017.)",
            "FOLLOW-UP WITH AC700X10 ABCDEF 12345 X-RAY_12345-AB 1-2-3-4-5 PA-24-0311-88412",
            "é 24-031877é, LKS-004417_ and LKS-004417-, 2024-HS-118307",
            "E-20417 E-20417/x @E-20417 .E-20417 0047712-OH-",
            "",
            "12345",
        ];
        crate::engine::structured::tests_support::assert_within_exact(&rule, &texts);
    }

    #[test]
    fn ignores() {
        // (text, a string that must not be found as a required category)
        let rows: &[(&str, &str)] = &[
            ("COVID-19 and IL-6 and ICD-10", "COVID-19"),
            // "a #" is an article and a number sign, not the A-number's label
            ("sent a #14 fr catheter and a #8 ett", "14"),
            ("SARS-CoV-2 positive", "SARS-CoV-2"),
            ("T2DM (E11.65), HFrEF (I50.23)", "E11.65"),
            ("SUPPORTED VIA PB7200 VENT", "PB7200"),
            ("SIMV 70010-100%-5p", "70010"),
            ("balance of $87,412.60 under", "87,412"),
            ("the account was closed", "closed"),
            ("MRN pending", "pending"),
            ("a 2-3 day course", "2-3"),
            ("a sin 2000 years old", "2000"),
            ("mRNA-1273 vaccine", "mRNA-1273"),
            ("MED WITH 4MG IVP MS04 FOR GENERALIZED COMFORT", "MS04 FOR"),
            ("the account, and 1234 others", "and 1234"),
            ("the price tag 12 dollars", "12"),
            ("ID: TMAX-99, WBC 12.1", "TMAX-99"),
            ("CONTINUES ON A/C 10/700/.50/5 WITH", "10/700"),
        ];
        assert_ignores(rows);
    }
}
