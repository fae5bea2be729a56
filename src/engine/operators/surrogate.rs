//! Realistic stand-ins: fake values of the same shape as the original, decided by the per-story
//! secret so that the same story always gets the same surrogates (and a reload never re-rolls
//! them), while another story gets others.
//!
//! Every choice is drawn from a keyed hash, SHA-256(secret, purpose, value), so it depends only
//! on the secret and on the original value: the same phone number written twice gets the same
//! fake number. Lists are picked by *ordinal* (the n-th distinct value of the story) from a
//! per-story shuffle, so two different people never get the same fake name.
//!
//! The word lists below are short, made for this project, and deliberately plain: neutral given
//! names, surnames formed from English words and places, invented town and street names.
//! Fake contact details use reserved ranges: phone numbers 555-01xx, `example.org` addresses,
//! IP addresses from the documentation blocks (192.0.2.0/24, 2001:db8::/32), SSNs in the
//! never-issued 000 area.

use sha2::{Digest, Sha256};

use super::people::{Person, Piece};

/// Given names, gender-neutral on purpose.
pub const GIVEN: &[&str] = &[
    "Alex", "Sam", "Jordan", "Robin", "Casey", "Morgan", "Riley", "Jamie", "Avery", "Quinn",
    "Rowan", "Kai", "Sasha", "Ari", "Dana", "Jesse", "Emery", "Reese", "Hayden", "Remy", "Shay",
    "Toni", "Nico", "Eden", "Jules", "Kit", "Val", "Sol", "Ren", "Lane", "Blair", "Drew", "Ellis",
    "Frankie", "Harper", "Indy", "Jody", "Kendall", "Lou", "Marlo", "Noel", "Oakley", "Parker",
    "Sky", "Tatum", "Wren",
];

/// Surnames, from English words and place names.
pub const SURNAMES: &[&str] = &[
    "Ashford", "Bellamy", "Calder", "Dunmore", "Ellery", "Fairlie", "Garnet", "Hollis", "Inwood",
    "Jarrow", "Kestrel", "Linden", "Marlow", "Norcott", "Oakes", "Penrose", "Quillan", "Redfern",
    "Sorrell", "Thorne", "Underhill", "Vance", "Whitlow", "Yarrow", "Alder", "Birchall", "Copeland",
    "Dale", "Everly", "Fenwick", "Greaves", "Hale", "Ives", "Kerrigan", "Lowell", "Mossley",
    "Nash", "Pryor", "Rookwood", "Strand", "Tate", "Wrenfield",
];

/// Invented town and district names.
pub const PLACES: &[&str] = &[
    "Millbrook", "Cedarholm", "Ashgrove", "Brindle Falls", "Copperton", "Dunmere", "Eastwick Vale",
    "Fernhollow", "Glenmarsh", "Harlow Bend", "Ironwood", "Juniper Flats", "Kettleby", "Larkmoor",
    "Mossbank", "Northam Cross", "Oxley", "Pinecrest Hollow", "Quarrytown", "Rushford",
    "Stillwater Bend", "Thistledown", "Upton Reach", "Willowmere",
];

/// Invented street names.
pub const STREETS: &[&str] = &[
    "Alder", "Beacon", "Chestnut", "Dogwood", "Elmcroft", "Foxglove", "Granary", "Heather",
    "Kingfisher", "Lantern", "Meadowlark", "Orchard", "Primrose", "Quail", "Rosewood", "Sparrow",
    "Tanager", "Vinewood",
];

/// Words that end an organization's name and are kept (the kind of place stays readable).
const ORG_KINDS: &[&str] = &[
    "hospital", "clinic", "center", "centre", "health", "hospice", "school", "college",
    "university", "church", "mosque", "synagogue", "temple", "shelter", "pharmacy", "drug",
    "home", "house", "institute", "foundation", "practice", "surgery", "market", "union",
    "services", "partners", "group", "academy", "library", "works", "general", "dialysis",
    "rehab", "rehabilitation", "ministries", "bank",
];

/// A keyed hash of (purpose, value) under the story's secret.
pub fn keyed(secret: &[u8; 32], purpose: &str, value: &str) -> u64 {
    let mut h = Sha256::new();
    h.update(secret);
    h.update((purpose.len() as u64).to_le_bytes());
    h.update(purpose.as_bytes());
    h.update(value.as_bytes());
    let d = h.finalize();
    u64::from_le_bytes(d[..8].try_into().expect("8 bytes"))
}

/// A small deterministic generator (SplitMix64), seeded from [`keyed`].
pub struct Rng(u64);

impl Rng {
    /// A generator for (purpose, value) under the secret.
    pub fn new(secret: &[u8; 32], purpose: &str, value: &str) -> Rng {
        Rng(keyed(secret, purpose, value))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// The indices `0..n` in a random order.
    pub fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = self.below(i as u64 + 1) as usize;
            v.swap(i, j);
        }
        v
    }
}

/// The fake given name, middle name and surname of each person of a story.
pub struct Cast {
    names: Vec<(String, String, String)>,
}

impl Cast {
    /// Picks distinct fake names for `people`, avoiding every token of `avoid` (the folded name
    /// tokens of the story, so that a surrogate is never one of the story's real names) and the
    /// person's real initials (so that "R.A." never comes out as "R.A." again).
    pub fn new(secret: &[u8; 32], people: &[Person], avoid: &[String]) -> Cast {
        let mut rng = Rng::new(secret, "cast", "");
        let mut given = Picker::new(rng.permutation(GIVEN.len()).into_iter().map(|i| GIVEN[i]), avoid);
        let mut surnames = Picker::new(rng.permutation(SURNAMES.len()).into_iter().map(|i| SURNAMES[i]), avoid);
        let names = people
            .iter()
            .map(|p| {
                let (gi, si) = p.initials();
                let g = given.pick(gi).0;
                let m = given.pick(gi).0;
                // Once every surname is taken, a second one keeps people apart ("Hale-Nash").
                let (s, lap) = surnames.pick(si);
                let s = if lap == 0 { s.to_string() } else { format!("{s}-{}", SURNAMES[(lap * 7) % SURNAMES.len()]) };
                (g.to_string(), m.to_string(), s)
            })
            .collect();
        Cast { names }
    }

    /// Writes one mention of `person` with the fake name, in the mention's shape: titles,
    /// initials, capitals, punctuation and possessives kept.
    pub fn render(&self, person: usize, pieces: &[Piece]) -> String {
        let (g, m, s) = &self.names[person];
        let mut out = String::new();
        for p in pieces {
            let (word, initial, upper) = match p {
                Piece::Lit(t) => {
                    out.push_str(t);
                    continue;
                }
                Piece::Given { initial, upper } => (g, *initial, *upper),
                Piece::Middle { initial, upper } => (m, *initial, *upper),
                Piece::Surname { initial, upper } => (s, *initial, *upper),
            };
            if initial {
                out.extend(word.chars().next());
            } else if upper {
                out.push_str(&word.to_uppercase());
            } else {
                out.push_str(word);
            }
        }
        out
    }
}

/// Hands out names from a shuffled list: unused ones first, avoiding a given initial when it
/// can; starts over (counting laps) when the list is used up.
struct Picker {
    pool: Vec<&'static str>,
    used: Vec<bool>,
    lap: usize,
}

impl Picker {
    fn new(names: impl Iterator<Item = &'static str>, avoid: &[String]) -> Picker {
        let mut pool: Vec<&'static str> = names.filter(|n| !avoid.contains(&n.to_lowercase())).collect();
        if pool.is_empty() {
            pool = GIVEN.to_vec();
        }
        let used = vec![false; pool.len()];
        Picker { pool, used, lap: 0 }
    }

    fn pick(&mut self, avoid_initial: Option<char>) -> (&'static str, usize) {
        if self.used.iter().all(|&u| u) {
            self.used.iter_mut().for_each(|u| *u = false);
            self.lap += 1;
        }
        let differs = |n: &str| avoid_initial.is_none_or(|c| !n.to_lowercase().starts_with(c));
        let i = (0..self.pool.len())
            .find(|&i| !self.used[i] && differs(self.pool[i]))
            .or_else(|| (0..self.pool.len()).find(|&i| !self.used[i]))
            .expect("an unused name exists");
        self.used[i] = true;
        (self.pool[i], self.lap)
    }
}

/// Replaces every digit with a random digit and every ASCII letter with a random letter of the
/// same case, keeping everything else; never returns the input itself.
pub fn same_shape(rng: &mut Rng, text: &str) -> String {
    for _ in 0..8 {
        let out: String = text
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    char::from(b'0' + rng.below(10) as u8)
                } else if c.is_ascii_uppercase() {
                    char::from(b'A' + rng.below(26) as u8)
                } else if c.is_ascii_lowercase() {
                    char::from(b'a' + rng.below(26) as u8)
                } else {
                    c
                }
            })
            .collect();
        if out != text {
            return out;
        }
    }
    text.chars().map(|c| if c.is_ascii_alphanumeric() { 'X' } else { c }).collect()
}

/// Replaces the digits only (a ZIP code, "Room 612-B"); never returns the input itself.
pub fn new_digits(rng: &mut Rng, text: &str) -> String {
    let n = text.chars().filter(char::is_ascii_digit).count();
    for _ in 0..8 {
        let digits: Vec<u8> = (0..n).map(|_| rng.below(10) as u8).collect();
        let out = fill_digits(text, &digits);
        if out != text {
            return out;
        }
    }
    text.chars().map(|c| if c.is_ascii_digit() { 'X' } else { c }).collect()
}

/// Writes `digits` into the digit positions of `text`, in order (the shape is kept).
fn fill_digits(text: &str, digits: &[u8]) -> String {
    let mut it = digits.iter();
    text.chars()
        .map(|c| if c.is_ascii_digit() { it.next().map_or(c, |d| char::from(b'0' + d)) } else { c })
        .collect()
}

/// A fake phone number of the same shape: the last seven digits become 555-01xx (reserved for
/// fiction), an area code becomes 555; a country code and an extension's shape are kept.
pub fn phone(rng: &mut Rng, ordinal: usize, text: &str) -> String {
    let lower = text.to_lowercase();
    let cut = lower.find("ext").or_else(|| lower.find(" x")).unwrap_or(text.len());
    let (main, ext) = text.split_at(cut);
    let n = main.chars().filter(char::is_ascii_digit).count();
    let xx = (rng.below(100) as usize + ordinal * 37) % 100;
    let mut digits: Vec<u8> = main.chars().filter(char::is_ascii_digit).map(|c| c as u8 - b'0').collect();
    let line = [5, 5, 5, 0, 1, (xx / 10) as u8, (xx % 10) as u8];
    if n >= 7 {
        digits[n - 7..].copy_from_slice(&line);
        if n >= 10 {
            digits[n - 10..n - 7].copy_from_slice(&[5, 5, 5]);
        }
    } else {
        for d in &mut digits {
            *d = rng.below(10) as u8;
        }
    }
    let mut out = fill_digits(main, &digits);
    let ext_digits: Vec<u8> = ext.chars().filter(char::is_ascii_digit).map(|_| rng.below(10) as u8).collect();
    out.push_str(&fill_digits(ext, &ext_digits));
    out
}

/// A fake email address at an `example.*` domain, built from a fake name.
pub fn email(rng: &mut Rng, text: &str) -> String {
    let g = GIVEN[rng.below(GIVEN.len() as u64) as usize].to_lowercase();
    let s = SURNAMES[rng.below(SURNAMES.len() as u64) as usize].to_lowercase();
    let tld = if text.ends_with(".com") { "com" } else if text.ends_with(".net") { "net" } else { "org" };
    format!("{g}.{s}@example.{tld}")
}

/// A fake web address at `example.org`, keeping the scheme, a `www.` and whether there was a
/// path.
pub fn url(rng: &mut Rng, text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::new();
    let mut rest = lower.as_str();
    for scheme in ["https://", "http://"] {
        if let Some(r) = rest.strip_prefix(scheme) {
            out.push_str(&text[..scheme.len()]);
            rest = r;
        }
    }
    if rest.starts_with("www.") {
        out.push_str("www.");
    }
    out.push_str("example.org");
    if rest.trim_end_matches('/').contains('/') {
        out.push_str("/page-");
        for _ in 0..6 {
            out.push(char::from(b'a' + rng.below(26) as u8));
        }
    } else if rest.ends_with('/') {
        out.push('/');
    }
    out
}

/// A documentation-range IP address of the same family.
pub fn ip(rng: &mut Rng, text: &str) -> String {
    if text.contains(':') {
        format!("2001:db8::{:x}", rng.below(0xffff) + 1)
    } else {
        format!("192.0.2.{}", rng.below(254) + 1)
    }
}

/// A fake SSN in the never-issued 000 area, same separators.
pub fn ssn(rng: &mut Rng, text: &str) -> String {
    let mut digits: Vec<u8> = text.chars().filter(char::is_ascii_digit).map(|_| rng.below(10) as u8).collect();
    for d in digits.iter_mut().take(3) {
        *d = 0;
    }
    fill_digits(text, &digits)
}

fn match_case(model: &str, word: &str) -> String {
    let letters: Vec<char> = model.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        word.to_uppercase()
    } else if letters.first().is_some_and(|c| c.is_lowercase()) {
        word.to_lowercase()
    } else {
        word.to_string()
    }
}

/// A fake place of the same kind: a ZIP code or room number keeps its shape with other digits;
/// a street address gets another number and street (the street type is kept); a named place
/// gets an invented town name.
pub fn location(rng: &mut Rng, ordinal: usize, text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.chars().any(|c| c.is_ascii_digit()) {
        let street_like = trimmed.split_whitespace().nth(1).is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1);
        if trimmed.chars().next().is_some_and(|c| c.is_ascii_digit()) && street_like {
            // "118 Depot Street, Suite 2"
            let words: Vec<&str> = trimmed.split_whitespace().collect();
            let number = same_shape(rng, words[0]);
            let kind = words.iter().skip(1).find(|w| STREET_KINDS.contains(&w.trim_end_matches([',', '.']).to_lowercase().as_str()));
            let street = STREETS[(rng.below(STREETS.len() as u64) as usize + ordinal) % STREETS.len()];
            let kind = kind.map_or("Street".to_string(), |k| k.trim_end_matches(',').to_string());
            return match_case(trimmed, &format!("{number} {street} {kind}"));
        }
        return new_digits(rng, text);
    }
    // "Quarry Road": another street of the same type.
    if let Some((_, kind)) = trimmed.rsplit_once(' ') {
        if STREET_KINDS.contains(&kind.trim_end_matches('.').to_lowercase().as_str()) {
            let street = STREETS[(rng.below(STREETS.len() as u64) as usize + ordinal) % STREETS.len()];
            return match_case(trimmed, &format!("{street} {kind}"));
        }
    }
    let place = PLACES[(rng.below(PLACES.len() as u64) as usize + ordinal) % PLACES.len()];
    match_case(trimmed, place)
}

/// Words that end a street name.
const STREET_KINDS: &[&str] = &[
    "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "dr", "way", "court", "ct",
    "place", "pl", "boulevard", "blvd", "terrace", "circle", "highway", "hwy", "parkway", "pkwy",
];

/// A fake organization: an invented name, keeping the final word that says what kind of place
/// it is ("... Medical Center", "... Church").
pub fn organization(rng: &mut Rng, ordinal: usize, text: &str) -> String {
    let place = PLACES[(rng.below(PLACES.len() as u64) as usize + ordinal) % PLACES.len()];
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut kind_words = Vec::new();
    for w in words.iter().rev() {
        let lw = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if ORG_KINDS.contains(&lw.as_str()) || (!kind_words.is_empty() && matches!(lw.as_str(), "medical" | "community" | "regional" | "memorial" | "family" | "care" | "high" | "middle" | "elementary")) {
            kind_words.push(*w);
        } else {
            break;
        }
    }
    if kind_words.len() == words.len() {
        kind_words.pop();
    }
    kind_words.reverse();
    let name = if kind_words.is_empty() { format!("{place} Services") } else { format!("{place} {}", kind_words.join(" ")) };
    match_case(text, &name)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: [u8; 32] = [7; 32];

    #[test]
    fn shapes_are_kept() {
        let mut rng = Rng::new(&SECRET, "t", "x");
        // (function, input, a predicate on the output)
        let ph = phone(&mut rng, 0, "(505) 555-0148");
        assert!(ph.starts_with("(555) 555-01") && ph.len() == 14, "{ph}");
        let ph = phone(&mut rng, 0, "+1 361 555 0117");
        assert!(ph.starts_with("+1 555 555 01"), "{ph}");
        let ph = phone(&mut rng, 0, "(740) 555-0150 ext. 4471");
        assert!(ph.starts_with("(555) 555-01") && ph.contains(" ext. ") && !ph.ends_with("4471"), "{ph}");
        assert!(email(&mut rng, "rc@bellhaven.org").ends_with("@example.org"));
        assert!(url(&mut rng, "https://www.gofundme.com/f/x").starts_with("https://www.example.org/page-"));
        assert!(url(&mut rng, "caringbridge.org/visit/x").starts_with("example.org/page-"));
        assert!(ip(&mut rng, "203.0.113.47").starts_with("192.0.2."));
        assert!(ip(&mut rng, "fe80::1").starts_with("2001:db8::"));
        let s = ssn(&mut rng, "078-05-1120");
        assert!(s.starts_with("000-") && s.len() == 11 && &s[6..7] == "-", "{s}");
        let z = location(&mut rng, 0, "02139");
        assert!(z.len() == 5 && z.chars().all(|c| c.is_ascii_digit()) && z != "02139");
        let r = location(&mut rng, 0, "612-B");
        assert!(r.len() == 5 && r.ends_with("-B") && r != "612-B", "{r}");
        let a = location(&mut rng, 0, "118 Depot Street");
        assert!(a.ends_with(" Street") && !a.contains("Depot") && a.chars().take(3).all(|c| c.is_ascii_digit()), "{a}");
        let q = location(&mut rng, 0, "Quarry Road");
        assert!(q.ends_with(" Road") && !q.starts_with("Quarry"), "{q}");
        let o = organization(&mut rng, 0, "St. Agnes Medical Center");
        assert!(o.ends_with(" Medical Center") && !o.contains("Agnes"), "{o}");
        let v = same_shape(&mut rng, "BRMC-7740-221958");
        assert!(v.len() == 16 && v.as_bytes()[4] == b'-' && v[..4].chars().all(|c| c.is_ascii_uppercase()) && v != "BRMC-7740-221958");
    }

    #[test]
    fn keyed_depends_on_secret_and_value() {
        assert_eq!(keyed(&SECRET, "a", "b"), keyed(&SECRET, "a", "b"));
        assert_ne!(keyed(&SECRET, "a", "b"), keyed(&[8; 32], "a", "b"));
        assert_ne!(keyed(&SECRET, "a", "b"), keyed(&SECRET, "a", "c"));
        assert_ne!(keyed(&SECRET, "ab", ""), keyed(&SECRET, "a", "b"));
    }
}
