//! Ways to reach someone: email and web addresses, IP addresses, phone, fax and pager numbers,
//! and social-media handles.
//!
//! Phones come in many national shapes; the rules accept a shape only with enough digits in
//! plausible groups: NANP `(617) 555-0142`, `617.555.0142`, `1-800-555-0199`, international
//! `+91 94480 17352`, trunk-prefixed national `020 7946 0572` / `0491 570 156`, and with an
//! extension (`ext. 4471`). A number is a FAX when the nearest label before it on its line says
//! so (`Fax:`, `by fax from our office,`). Pager numbers are short, so they need their label
//! (`Pager #54321`, `beeper 55037`).

use std::sync::LazyLock;


use super::{after, before, char_at, char_before, ends_with_any, is_space, Hit, Keywords, Rule};
use crate::engine::pattern::{ascii, ascii_unfiltered, Captures, Regex};
use crate::engine::Category;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    ascii(
        r"(?i)[a-z0-9._%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?-u:\b)|(?-u:\b)[a-z0-9._%+-]+\s*[\[(]\s*at\s*[\])]\s*[a-z0-9-]+(?:(?:\s*[\[(]\s*dot\s*[\])]\s*|\.)[a-z0-9-]+)+|(?-u:\b)[a-z0-9._%+-]+\s+at\s+[a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)*\s+dot\s+(?:com|org|net|edu|gov|io|ca|uk|au)(?-u:\b)",
    )
    .unwrap()
});

fn judge_email(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let mut start = m.start();
    // a leading dot or dash belongs to the sentence, not the address
    while start < m.end() && matches!(text.as_bytes()[start], b'.' | b'-') {
        start += 1;
    }
    out.push(Hit { start, end: m.end(), category: Category::Email, score: 1.0, reason: "an email address" });
}

/// Top-level domains accepted for a bare domain (one without `http://` or `www.`). Two-letter
/// country codes that are also common words or clinical abbreviations (`in`, `it`, `me`, `no`,
/// `am`, `is`) are left out: they need a scheme or `www.`.
const BARE_TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "mil", "int", "io", "info", "biz", "health", "care", "app",
    "dev", "online", "site", "blog", "news", "page", "link", "ly", "ca", "uk", "au", "nz", "ie",
    "de", "fr", "nl", "ch", "se", "dk", "fi", "pl", "br", "mx", "jp", "cn", "kr", "za", "ke", "gh",
    "sg", "hk", "tw", "ru", "ua", "eg", "pk", "bd", "vn", "us",
];

/// Generic top-level domains that make a bare domain credible even without a path.
const STRONG_TLDS: &[&str] = &["com", "org", "net", "edu", "gov", "io", "info", "biz", "health", "care"];

static URL: LazyLock<Regex> = LazyLock::new(|| {
    ascii(
        r#"(?i)(?-u:\b)(?:https?://|ftp://|www\.)(?u:[^\s<>()\[\]"'])+|(?-u:\b)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?P<tld>[a-z]{2,8})(?-u:\b)(?P<path>/(?u:[^\s<>()\[\]"'])*)?"#,
    )
    .unwrap()
});

fn judge_url(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let (start, mut end) = (m.start(), m.end());
    // part of an email address (the email rule covers it) or of a longer dotted token
    if matches!(char_before(text, start), Some('@' | '.' | '/' | '-' | '_')) || char_at(text, end) == Some('@') {
        return;
    }
    let mut score = 0.95;
    if let Some(tld) = caps.name("tld") {
        // bare domain: lowercase, a known TLD, and at least one label of two or more letters
        let host = &text[start..tld.end()];
        let tld = tld.as_str();
        if !BARE_TLDS.contains(&tld) || host.bytes().any(|b| b.is_ascii_uppercase()) {
            return;
        }
        // "stool.pt", "support.tv": a missing space after a full stop. Without a path, only the
        // generic TLDs and second-level country domains (co.uk, com.au) count.
        let strong = STRONG_TLDS.contains(&tld) || host.matches('.').count() >= 2 && host.rsplit('.').nth(1).is_some_and(|l| ["co", "com", "org", "ac", "gov", "net", "nhs", "edu"].contains(&l));
        if caps.name("path").is_none() && !strong {
            return;
        }
        let first = host.split('.').next().unwrap_or("");
        if first.len() < 2 || first.bytes().all(|b| b.is_ascii_digit()) {
            return;
        }
        score = if caps.name("path").is_some() { 0.9 } else { 0.8 };
    }
    // trailing punctuation belongs to the sentence
    while end > start && matches!(text.as_bytes()[end - 1], b'.' | b',' | b';' | b':' | b'!' | b'?') {
        end -= 1;
    }
    out.push(Hit { start, end, category: Category::Url, score, reason: "a web address" });
}

static IPV4: LazyLock<Regex> =
    LazyLock::new(|| ascii_unfiltered(r"(?-u:\b)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?-u:\b)").unwrap());

fn judge_ipv4(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let octets_ok = (1..=4).all(|i| caps[i].parse::<u32>().is_ok_and(|v| v <= 255) && !(caps[i].len() > 1 && caps[i].starts_with('0')));
    // a dotted run longer than four parts is a version or an outline number, not an address
    let dotted_on = matches!(char_before(text, m.start()), Some('.' | '/')) || after(text, m.end(), 2).starts_with('.') && after(text, m.end(), 2).as_bytes().get(1).is_some_and(u8::is_ascii_digit);
    if octets_ok && !dotted_on {
        out.push(Hit::of(caps, Category::Ip, 0.9, "an IPv4 address"));
    }
}

/// Check of [`EMAIL`]: an `@`, an `(at)` or `[at]`, or a `dot`.
fn email_possible(k: &Keywords, t: &str) -> bool {
    let b = t.as_bytes();
    let skip = |mut j: usize| {
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        j
    };
    memchr::memchr(b'@', b).is_some()
        || k.any(&["dot"])
        || memchr::memchr2_iter(b'(', b'[', b).any(|p| {
            let j = skip(p + 1);
            b.get(j..j + 2).is_some_and(|w| w.eq_ignore_ascii_case(b"at")) && matches!(b.get(skip(j + 2)), Some(b')' | b']'))
        })
}

/// Check of [`URL`]: a dot before a letter (`example.org`), `www.` or `://`.
fn url_possible(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr2_iter(b'.', b':', b).any(|p| {
        if b[p] == b'.' {
            b.get(p + 1).is_some_and(u8::is_ascii_alphabetic) || (p >= 3 && b[p - 3..p].eq_ignore_ascii_case(b"www"))
        } else {
            b[p + 1..].starts_with(b"//")
        }
    })
}

/// Check of [`IPV6`]: `::`, or seven colons in a row each after one to four hex digits.
fn ipv6_possible(t: &str) -> bool {
    let b = t.as_bytes();
    let mut chain = 0;
    let mut prev: Option<usize> = None;
    for p in memchr::memchr_iter(b':', b) {
        if prev == Some(p.wrapping_sub(1)) {
            return true;
        }
        let group = prev.is_some_and(|q| (2..=5).contains(&(p - q)) && b[q + 1..p].iter().all(u8::is_ascii_hexdigit));
        chain = if group { chain + 1 } else { 1 };
        if chain >= 7 {
            return true;
        }
        prev = Some(p);
    }
    false
}

static IPV6: LazyLock<Regex> = LazyLock::new(|| {
    ascii(r"(?i)(?:(?-u:\b)[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){7}(?-u:\b)|(?:(?-u:\b)[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6}(?-u:\b))?)").unwrap()
});

fn judge_ipv6(_text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let s = caps.get(0).unwrap().as_str();
    // a lone "::" or a C++-style "a::b" is not an address: require hex digits on both sides of
    // a compression, or all eight groups
    let groups = s.split(':').filter(|g| !g.is_empty()).count();
    let has_digit = s.bytes().any(|b| b.is_ascii_digit());
    if has_digit && (groups == 8 || (s.contains("::") && groups >= 2)) {
        out.push(Hit::of(caps, Category::Ip, 0.85, "an IPv6 address"));
    }
}

static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    ascii(
        r"(?x)
        (?P<main>
            # NANP, optionally with country code: (617) 555-0142, 617-555-0142, 617.555.0142,
            # 1-800-555-0199, +1 361 555 0117, (240444-1243)
            (?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|(?-u:\b)\d{3}[\s.-]?)\d{3}[\s.-]\d{4,5}(?-u:\b)
          | # international with a plus: +91 94480 17352, +44 20 7946 0572, +61 491 570 156
            \+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}(?-u:\b)
          | # national with a trunk zero: 020 7946 0572, 0491 570 156, (02) 9876 5432
            (?:\(0\d{1,4}\)|(?-u:\b)0\d{1,4})[\s.-]\d{2,4}[\s.-]?\d{3,4}(?-u:\b)
        )
        (?:\s*(?:,\s*)?(?:ext\.?|x|extension)\s*\d{1,5}(?-u:\b))?",
    )
    .unwrap()
});

/// PHONE or FAX: a number is a fax number when a fax label stands before it on its line with no
/// other number in between (`Fax: (304) 555-0182`, `by fax from our office, (740) 555-0139`).
fn phone_or_fax(text: &str, pos: usize) -> Category {
    static FAX: LazyLock<Regex> = LazyLock::new(|| ascii_unfiltered(r"(?i)(?-u:\b)(?:fax(?:ed)?|facsimile|f:)").unwrap());
    let head = before(text, pos, 48);
    let head = head.rsplit('\n').next().unwrap_or(head);
    match FAX.find_iter(head).last() {
        Some(m) if !head[m.end()..].bytes().any(|b| b.is_ascii_digit()) => Category::Fax,
        _ => Category::Phone,
    }
}

fn judge_phone(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    let s = m.as_str();
    let n = caps["main"].bytes().filter(u8::is_ascii_digit).count();
    // glued to other digits, letters or decimals: part of something else (a code, a lab value)
    let dash_after_digit = char_before(text, m.start()) == Some('-') && matches!(char_before(text, m.start() - 1), Some(c) if c.is_ascii_digit());
    if matches!(char_before(text, m.start()), Some(c) if c.is_alphanumeric() || c == '.' || c == '/') || dash_after_digit
        || matches!(char_at(text, m.end()), Some(c) if c.is_alphanumeric() || c == '/')
        || (char_at(text, m.end()) == Some('-') && after(text, m.end(), 2).as_bytes().get(1).is_some_and(u8::is_ascii_digit))
    {
        return;
    }
    let plus = s.starts_with('+');
    let trunk = s.trim_start_matches('(').starts_with('0');
    let ok = if plus {
        (8..=15).contains(&n)
    } else if trunk {
        (9..=11).contains(&n)
    } else {
        (10..=12).contains(&n)
    };
    if !ok {
        return;
    }
    // A NANP number whose area code or exchange starts with 0 or 1 is still reported (surrogates
    // and typos are common) but scores lower.
    let mut score = 0.85;
    if !plus && !trunk {
        let main: String = caps["main"].chars().filter(char::is_ascii_digit).collect();
        let core = if main.len() == 11 && main.starts_with('1') { &main[1..] } else { &main[..] };
        if !super::checksum::nanp_plausible(core) {
            score = 0.65;
        }
    }
    let category = phone_or_fax(text, m.start());
    let reason = if category == Category::Fax { "a fax number" } else { "a phone number" };
    out.push(Hit { start: m.start(), end: m.end(), category, score, reason });
}

static PAGER: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?i)(?-u:\b)(?:pager|beeper|bpr|pgr|pg|page|beep|paged\s+(?:at|to))\s*(?:number|no\.?|#|:)?\s*(?:#|:)?\s*(?P<id>\d{1,2}-\d{4}|\d{4,7})(?-u:\b)").unwrap()
});

/// An internal extension alone, after "ext" ("via phone (ext 4-6630)"); one after a full number
/// belongs to [`PHONE`].
static EXTENSION: LazyLock<Regex> = LazyLock::new(|| {
    // (or "x6-2290": an x glued to a dashed extension, never "x4" or "x 10")
    ascii_unfiltered(r"(?i)(?-u:\b)(?:(?:ext|extension)\.?\s*(?:#|:)?\s*(?P<id>\d{1,2}-\d{4}|\d{4,7})|x(?P<xid>\d{1,2}-\d{4}))(?-u:\b)").unwrap()
});

/// Check of [`EXTENSION`]: a digit run right after "ext" or "extension" and at most a few of
/// ` .:#` (the keyword gate alone would pass every text with "next" or "text" in it).
fn extension_check(k: &Keywords, t: &str) -> bool {
    k.any_run(t, |b, s, _| {
        let mut j = s;
        while j > 0 && s - j < 4 && matches!(b[j - 1], b' ' | b'.' | b':' | b'#') {
            j -= 1;
        }
        let x = s >= 1 && b[s - 1].eq_ignore_ascii_case(&b'x') && (s == 1 || !b[s - 2].is_ascii_alphanumeric()) && b.get(s + 1..s + 3).is_some_and(|w| w[0] == b'-' || w[1] == b'-');
        x || ends_with_any(b, j, &["ext", "extension"])
    })
}

fn judge_extension(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    if let Some(id) = caps.name("xid") {
        // an x extension closes a contact line or phrase: "LICSW, x6-2290"
        if matches!(char_at(text, id.end()), Some('-' | '/' | '.')) && after(text, id.end(), 2).as_bytes().get(1).is_some_and(u8::is_ascii_digit) {
            return;
        }
        out.push(Hit { start: id.start(), end: id.end(), category: Category::Phone, score: 0.7, reason: "a phone extension (x6-2290)" });
        return;
    }
    out.push(Hit::of(caps, Category::Phone, 0.85, "a phone extension"));
}

fn judge_pager(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let id = caps.name("id").unwrap();
    // "page 2000 mg"? a unit after the number means a quantity
    let tail = after(text, id.end(), 4).trim_start().to_ascii_lowercase();
    if ["mg", "ml", "cc", "mcg", "kg", "%"].iter().any(|u| tail.starts_with(u)) {
        return;
    }
    out.push(Hit::of(caps, Category::Phone, 0.85, "a pager number"));
}

/// A seven-digit local number (`555-0142`) only counts with a phone word right before it.
static LOCAL_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    // (`#` stands outside the word boundary: a `\b` right before it would need a letter before
    // the `#`, so "facility # 555-0121" never matched)
    ascii_unfiltered(r"(?i)(?:(?-u:\b)(?:phone|tel|telephone|cell|mobile|call|called\s+[a-z]+|ph|home|work|number|no\.?|line|text|reach\s+(?:me|us|her|him)\s+at|at)|\#)\s*[:.#]?\s*(?P<id>\d{3}[-.\ ]\d{4}(?:\s?(?:x|ext\.?)\s?\d{1,5})?)(?-u:\b)").unwrap()
});

fn judge_local_phone(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let id = caps.name("id").unwrap();
    if matches!(char_at(text, id.end()), Some('-' | '/' | '.')) && after(text, id.end(), 2).as_bytes().get(1).is_some_and(u8::is_ascii_digit) {
        return;
    }
    let category = phone_or_fax(text, id.start());
    out.push(Hit::of(caps, category, 0.6, "a local phone number"));
}

/// Phone numbers without the usual separators: ten NANP digits in one run (`6175550142`), an
/// Indian mobile in two fives (`98450 12345`), a French number in pairs (`01 23 45 67 89`).
static PLAIN_PHONE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?-u:\b)(?:(?P<nanp>[2-9]\d{2}[2-9]\d{6})|(?P<in>[6-9]\d{4}\ \d{5})|(?P<fr>0[1-9](?:[\ .]\d{2}){4}))(?-u:\b)").unwrap()
});

fn judge_plain_phone(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    if matches!(char_before(text, m.start()), Some(c) if c.is_alphanumeric() || matches!(c, '.' | '/' | '-' | '$' | '#'))
        || matches!(char_at(text, m.end()), Some(c) if c.is_alphanumeric() || c == '/' || c == '%')
        || (matches!(char_at(text, m.end()), Some('.' | ',' | '-')) && after(text, m.end(), 2).as_bytes().get(1).is_some_and(u8::is_ascii_digit))
    {
        return;
    }
    let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
    // a valid NPI is a licence number (the identifier rules report it)
    if caps.name("nanp").is_some() && super::checksum::npi(&digits) {
        return;
    }
    let category = phone_or_fax(text, m.start());
    out.push(Hit { start: m.start(), end: m.end(), category, score: 0.55, reason: "a phone number without separators" });
}

static HANDLE: LazyLock<Regex> =
    LazyLock::new(|| ascii(r"@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?").unwrap());

fn judge_handle(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let m = caps.get(0).unwrap();
    // part of an email address, or "@ 5pm"-style shorthand ("@1400", "@ 125cc")
    if matches!(char_before(text, m.start()), Some(c) if c.is_alphanumeric() || c == '.' || c == '_') {
        return;
    }
    let body = &m.as_str()[1..];
    // "@33CC/HR", "@12AM", "@goal": clinical shorthand for "at"; a handle starts with a letter or
    // an underscore, has five characters or more, and is not all capitals
    if !body.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        || body.len() < 5
        || !body.bytes().any(|b| b.is_ascii_lowercase())
        || matches!(char_at(text, m.end()), Some('/'))
    {
        return;
    }
    // "@home", "@bedside": shorthand for "at"
    const AT_WORDS: &[&str] = &["home", "bedside", "rest", "night", "noon", "times", "baseline", "rate", "the"];
    if AT_WORDS.contains(&body.to_ascii_lowercase().as_str()) {
        return;
    }
    out.push(Hit::of(caps, Category::Name, 0.8, "a social-media handle"));
}

static REDDIT: LazyLock<Regex> = LazyLock::new(|| ascii(r"(?-u:\b)u/[A-Za-z0-9_-]{3,32}(?-u:\b)").unwrap());

fn judge_reddit(text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    // "u/o" (urine output) and "u/s" are clinical shorthand; a username has letters and length
    let m = caps.get(0).unwrap();
    let name = &m.as_str()[2..];
    let letters = name.bytes().filter(u8::is_ascii_alphabetic).count();
    let opens_with_word = name.bytes().take(2).all(|b| b.is_ascii_alphabetic() || b == b'_');
    if char_before(text, m.start()).is_some_and(|c| c.is_alphanumeric() || c == '/') || letters < 4 || !opens_with_word {
        return;
    }
    out.push(Hit::of(caps, Category::Name, 0.75, "a social-media username"));
}

/// A labelled username: "her new username is lotte.vdb1988", "login: jdoe_77".
static USERNAME: LazyLock<Regex> = LazyLock::new(|| {
    ascii_unfiltered(r"(?i)(?-u:\b)(?:user\s*name|handle|screen\s*name|login|user\s*id|gamertag|account\s+name)s?\s*(?:is|was|:|,)?\s*(?P<id>@?[a-z0-9][a-z0-9._-]{2,29})").unwrap()
});

fn judge_username(_text: &str, caps: &Captures<'_>, out: &mut Vec<Hit>) {
    let id = caps.name("id").unwrap();
    let mut v = id.as_str();
    while v.ends_with(['.', '-', '_']) {
        v = &v[..v.len() - 1];
    }
    // a plain word after the label is usually prose ("login was slow"); a username has a digit,
    // a dot, an underscore or an at sign
    if !v.bytes().any(|b| b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'@')) || v.len() < 3 {
        return;
    }
    out.push(Hit { start: id.start(), end: id.start() + v.len(), category: Category::Name, score: 0.8, reason: "a username" });
}

/// The contact rules, in registry order.
pub fn rules() -> Vec<Rule> {
    vec![
        Rule { within: None, name: "email", regex: &EMAIL, judge: judge_email, gate: &["@", "[", "(", "dot"], check: Some(email_possible) },
        Rule { within: None, name: "url", regex: &URL, judge: judge_url, gate: &[], check: Some(|_, t| url_possible(t)) },
        Rule { within: None, name: "ipv4", regex: &IPV4, judge: judge_ipv4, gate: &[], check: Some(|k, t| k.dotted_runs(t, 4, b'.', 3)) },
        Rule { within: None, name: "ipv6", regex: &IPV6, judge: judge_ipv6, gate: &[], check: Some(|_, t| ipv6_possible(t)) },
        Rule { within: None, name: "phone", regex: &PHONE, judge: judge_phone, gate: &[], check: Some(|k, t| k.digit_run_pair(t, 3..=usize::MAX, b" \t\n\r\x0b\x0c.-", 4..=5) || k.plus_digit(t) || k.digit_runs().any(|(s, n)| (2..=5).contains(&n) && t.as_bytes()[s] == b'0')) },
        Rule { within: None, name: "pager", regex: &PAGER, judge: judge_pager, gate: &["pag", "beep", "bpr", "pg"], check: None },
        Rule { within: None, name: "phone", regex: &EXTENSION, judge: judge_extension, gate: &[], check: Some(extension_check) },
        Rule { within: None, name: "phone", regex: &LOCAL_PHONE, judge: judge_local_phone, gate: &[], check: Some(|k, t| k.digit_run_pair(t, 3..=3, b"-. ", 4..=4)) },
        Rule { within: None, name: "phone", regex: &PLAIN_PHONE, judge: judge_plain_phone, gate: &[], check: Some(|k, t| k.longest_digit_run() >= 5 || k.digit_runs().any(|(s, n)| n == 2 && t.as_bytes()[s] == b'0')) },
        Rule { within: None, name: "handle", regex: &REDDIT, judge: judge_reddit, gate: &["u/"], check: None },
        Rule { within: None, name: "handle", regex: &USERNAME, judge: judge_username, gate: &["user", "handle", "screen", "login", "gamertag", "account"], check: None },
        Rule { within: None, name: "handle", regex: &HANDLE, judge: judge_handle, gate: &["@"], check: None },
    ]
}

#[cfg(test)]
mod tests {
    use crate::engine::structured::tests_support::{assert_finds, assert_ignores};
    use crate::engine::Category::{self, *};

    #[test]
    fn finds() {
        // (text, the exact text that must be found, its category)
        let rows: &[(&str, &str, Category)] = &[
            ("write to rosa@example.org.", "rosa@example.org", Email),
            ("dr.n.okafor@harrowgate.co.uk", "dr.n.okafor@harrowgate.co.uk", Email),
            ("mail jo [at] clinic [dot] org", "jo [at] clinic [dot] org", Email),
            ("mail jo(at)clinic.org now", "jo(at)clinic.org", Email),
            ("write jo.ruiz at clinic dot org soon", "jo.ruiz at clinic dot org", Email),
            ("on reddit as u/quiet_nurse_42 and", "u/quiet_nurse_42", Name),
            ("Posted by u/kestrel_in_fresno_valley  Update", "u/kestrel_in_fresno_valley", Name),
            ("Her new username is anna.k1988, and she", "anna.k1988", Name),
            ("home 6175550142 or", "6175550142", Phone),
            ("mobile 98450 12345 or", "98450 12345", Phone),
            ("tél. 01 23 45 67 89", "01 23 45 67 89", Phone),
            ("see https://www.example.com/f/abc-def.", "https://www.example.com/f/abc-def", Url),
            ("blog: northfield-health.ca/notes.", "northfield-health.ca/notes", Url),
            ("portal at http://family.example.net now", "http://family.example.net", Url),
            ("updates at www.example.org", "www.example.org", Url),
            ("login from 203.0.113.47 at 3 am", "203.0.113.47", Ip),
            ("host 2001:db8::8a2e:370:7334 seen", "2001:db8::8a2e:370:7334", Ip),
            ("best # (505) 555-0148.", "(505) 555-0148", Phone),
            ("texted from 575.555.0129:", "575.555.0129", Phone),
            ("line 1-800-555-0199, wait", "1-800-555-0199", Phone),
            ("cell +1 361 555 0117.", "+1 361 555 0117", Phone),
            ("mobile, +91 94480 17352, for", "+91 94480 17352", Phone),
            ("rang on 020 7946 0572 the", "020 7946 0572", Phone),
            ("whiteboard: 0491 570 156. The", "0491 570 156", Phone),
            ("pharmacy line, (740) 555-0150 ext. 4471.", "(740) 555-0150 ext. 4471", Phone),
            ("son 301 944-5032 &", "301 944-5032", Phone),
            ("dave, (240444-1243) was", "240444-1243", Phone),
            ("Fax: (304) 555-0182 email", "(304) 555-0182", Fax),
            ("by fax from our office, (740) 555-0139.", "(740) 555-0139", Fax),
            ("Pager: #54321 Time", "54321", Phone),
            ("PG 33445", "33445", Phone),
            ("call me at 555-0142 after", "555-0142", Phone),
            ("Tel. 555 0142 after", "555 0142", Phone),
            ("+44 (0)20 7946 0572 office", "+44 (0)20 7946 0572", Phone),
            ("tel 617 555 0142.", "617 555 0142", Phone),
            ("beeper number 55037 for", "55037", Phone),
            ("page me at pager #5-4321 tonight", "5-4321", Phone),
            // a pager after "paged at", a local number after "called" and a word (blind5)
            ("ASKING FOR SW. HILDEBRANDT (SW) PAGED AT 4-7718. BROTHER CALLING", "4-7718", Phone),
            ("Lyuba wants a bed; called intake 555-0139, waitlist.", "555-0139", Phone),
            ("RT Marcus King (@mking_rrt) who", "@mking_rrt", Name),
            ("(@jasonchen.draws on IG)", "@jasonchen.draws", Name),
        ];
        assert_finds(rows);
    }

    #[test]
    fn ignores() {
        // (text, a string that must not be covered by any contact finding)
        let rows: &[(&str, &str)] = &[
            ("BP 98/60, HR 104", "98/60"),
            ("EF 25%), T2DM (E11.65), CKD", "E11.65"),
            ("version 1.2.3.4.5 of the app", "1.2.3.4"),
            ("abg 7.35/66/55 on 10/5", "7.35"),
            ("d/c.pt in bed. HX.CA noted", "HX.CA"),
            ("give 1500 cc @1400 then", "@1400"),
            ("pt @home with family", "@home"),
            ("time 10:30 and 12:45:10", "12:45:10"),
            ("a std::vector", "::"),
            ("years 2019-2021 were hard", "2019-2021"),
            ("on page 2000 mg daily", "2000"),
            ("HR 104-110 and 120-1300 ml", "104-110"),
            ("decrease u/o10-15cc hr", "u/o10"),
            ("u/s of the abdomen", "u/s"),
            ("the login was slow today", "slow"),
        ];
        assert_ignores(rows);
    }
}
