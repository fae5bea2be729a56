//! Who is who: grouping the NAME spans of one story into people, so that "Rosa", "Rosa Alvarez",
//! "Mrs. Alvarez" and "R.A." all get the same pseudonym and the same surrogate.
//!
//! Each mention is split into parts: titles (`Mrs.`, `Dr.`), suffixes (`Jr.`), name tokens and
//! initials, and the literal text between them. A mention's *given* name is its first name token
//! and its *surname* the last (or the first one when a comma follows it: `ALVAREZ, ROSA`).
//! People are formed in three passes, so the result does not depend on the order of mentions:
//! 1. full names (two tokens or more): same surname and compatible given names (equal, one an
//!    initial of the other, or one missing) are one person; "Rosa Alvarez" and "Carlos Alvarez"
//!    are two;
//! 2. single tokens ("Rosa", "Mrs. Alvarez"), in text order: joined to the person whose given name or surname
//!    (or a part of a hyphenated surname) it is; a title's gender (`Mr.` vs `Mrs.`) must not
//!    contradict the person's; when several people fit, the one mentioned nearest before wins
//!    (then nearest after); otherwise the token starts a person of its own;
//! 3. initials only ("R.A."): joined to the person with those initials, if any.
//!
//! Comparison ignores case, common Latin accents and a possessive `'s`.

use std::collections::HashMap;

/// The role of one piece of a mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Kept as written: titles, suffixes, spaces, punctuation, possessive `'s`.
    Lit(String),
    /// A given-name token (`initial` when written as one letter); `upper` when all capitals.
    Given {
        /// Written as one letter.
        initial: bool,
        /// Written in capitals.
        upper: bool,
    },
    /// A middle-name token.
    Middle {
        /// Written as one letter.
        initial: bool,
        /// Written in capitals.
        upper: bool,
    },
    /// A surname token.
    Surname {
        /// Written as one letter.
        initial: bool,
        /// Written in capitals.
        upper: bool,
    },
}

/// One NAME span, analysed.
#[derive(Clone, Debug)]
pub struct Mention {
    /// The person this mention refers to (an index into [`People::people`]).
    pub person: usize,
    /// The pieces, in order; concatenating their text gives back the mention.
    pub pieces: Vec<Piece>,
}

/// A person of the story.
#[derive(Clone, Debug, Default)]
pub struct Person {
    /// Folded given name, when known.
    pub given: Option<String>,
    /// Folded surname, when known.
    pub surname: Option<String>,
    /// True when a professional title (Dr., Nurse, Prof.) was used for this person.
    pub clinician: bool,
    gender: Option<char>,
    given_initial: Option<char>,
    surname_initial: Option<char>,
    tokens: Vec<String>,
    positions: Vec<usize>,
}

impl Person {
    /// The person's real initials (given name, surname) as far as known, lowercase.
    pub fn initials(&self) -> (Option<char>, Option<char>) {
        let g = self.given.as_deref().and_then(first_char).or(self.given_initial);
        let s = self.surname.as_deref().and_then(first_char).or(self.surname_initial);
        if g.is_none() && s.is_none() {
            // Known by one token or by initials only ("ra"): avoid its first letter everywhere.
            let t = self.tokens.first().and_then(|t| first_char(t.trim_start_matches('#')));
            (t, t)
        } else {
            (g, s)
        }
    }
}

/// The people of a story and the analysis of each NAME mention.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// People, in order of first mention.
    pub people: Vec<Person>,
    /// One entry per mention given to [`People::group`], in the same order.
    pub mentions: Vec<Mention>,
}

const TITLES: &[(&str, Option<char>, bool)] = &[
    ("mr", Some('m'), false),
    ("mister", Some('m'), false),
    ("mrs", Some('f'), false),
    ("ms", Some('f'), false),
    ("miss", Some('f'), false),
    ("mx", None, false),
    ("sr", Some('m'), false),
    ("sra", Some('f'), false),
    ("srta", Some('f'), false),
    ("dr", None, true),
    ("doctor", None, true),
    ("prof", None, true),
    ("professor", None, true),
    ("nurse", None, true),
    ("rev", None, false),
    ("pastor", None, false),
    ("father", Some('m'), false),
    ("sister", Some('f'), false),
    ("aunt", Some('f'), false),
    ("uncle", Some('m'), false),
    ("grandma", Some('f'), false),
    ("grandpa", Some('m'), false),
];
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "md", "rn", "np", "pa", "do", "phd"];

/// Lowercases and removes common Latin accents, for comparisons.
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            '’' => '\'',
            c => c,
        })
        .collect()
}

/// A token of a mention before roles are given.
struct Tok {
    folded: String,
    initial: bool,
    upper: bool,
    /// Text after the token up to the next one (punctuation, spaces, possessive).
    after: String,
}

struct Parsed {
    /// A title was written in or right before the mention ("Mrs. Alvarez", "Mrs. [Alvarez]").
    titled: bool,
    lead: String,
    titles: Vec<String>,
    gender: Option<char>,
    clinician: bool,
    names: Vec<Tok>,
    comma_after_first: bool,
}

fn parse(mention: &str, outer_title: Option<&str>) -> Parsed {
    // Split into word tokens (a letter, then letters, apostrophes, hyphens) and the text after each.
    let mut words: Vec<(String, String)> = Vec::new();
    let mut lead = String::new();
    let mut in_word = false;
    for c in mention.chars() {
        if c.is_alphabetic() || (in_word && (c == '\'' || c == '’' || c == '-')) {
            if !in_word {
                words.push((String::new(), String::new()));
                in_word = true;
            }
            words.last_mut().expect("just pushed").0.push(c);
        } else {
            in_word = false;
            match words.last_mut() {
                Some(w) => w.1.push(c),
                None => lead.push(c),
            }
        }
    }
    let mut p = Parsed { titled: false, lead, titles: Vec::new(), gender: None, clinician: false, names: Vec::new(), comma_after_first: false };
    if let Some(&(_, g, clin)) = outer_title.and_then(|t| TITLES.iter().find(|x| x.0 == t)) {
        p.titled = true;
        p.gender = g;
        p.clinician = clin;
    }
    for (text, after) in words {
        // A possessive is kept as text, not compared.
        let (core, possessive) = match text.strip_suffix("'s").or_else(|| text.strip_suffix("’s")) {
            Some(c) if c.chars().count() > 1 => (c.to_string(), text[c.len()..].to_string()),
            _ => (text.clone(), String::new()),
        };
        let folded = fold(&core);
        if p.names.is_empty() {
            if let Some(&(_, g, clin)) = TITLES.iter().find(|t| t.0 == folded) {
                p.gender = p.gender.or(g);
                p.clinician |= clin;
                p.titled = true;
                p.titles.push(format!("{core}{possessive}{after}"));
                continue;
            }
        }
        if !p.names.is_empty() && SUFFIXES.contains(&folded.as_str()) && text.chars().count() > 1 {
            if let Some(last) = p.names.last_mut() {
                last.after.push_str(&format!("{core}{possessive}{after}"));
            }
            continue;
        }
        let initial = core.chars().count() == 1;
        let upper = core.chars().filter(|c| c.is_alphabetic()).count() > 1 && core.chars().all(|c| !c.is_lowercase());
        if p.names.len() == 1 && p.names[0].after.contains(',') {
            p.comma_after_first = true;
        }
        p.names.push(Tok { folded, initial, upper, after: format!("{possessive}{after}") });
    }
    if p.names.len() >= 2 && p.names[0].after.contains(',') {
        p.comma_after_first = true;
    }
    p
}

/// Index of the given name and of the surname among the name tokens.
fn roles(p: &Parsed) -> (Option<usize>, Option<usize>) {
    match p.names.len() {
        0 | 1 => (None, None),
        _ if p.comma_after_first => (Some(1), Some(0)),
        n => (Some(0), Some(n - 1)),
    }
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn compatible(a: Option<&String>, a_init: Option<char>, b: Option<&String>, b_init: Option<char>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        (Some(x), None) => b_init.is_none_or(|c| first_char(x) == Some(c)),
        (None, Some(y)) => a_init.is_none_or(|c| first_char(y) == Some(c)),
        (None, None) => match (a_init, b_init) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        },
    }
}

impl People {
    /// Groups the mentions (the texts of the NAME spans, in text order, with their start
    /// offsets) into people.
    pub fn group(mentions: &[(usize, &str)]) -> People {
        let parsed: Vec<Parsed> = mentions.iter().map(|(_, m)| parse(m, None)).collect();
        People::group_parsed(mentions, parsed)
    }

    /// Groups the NAME spans (byte ranges, in order) of `text`, also reading a title written
    /// right before a span ("Mrs. " before "Alvarez") for gender and profession.
    pub fn group_in(text: &str, spans: &[(usize, usize)]) -> People {
        let mentions: Vec<(usize, &str)> = spans.iter().map(|&(s, e)| (s, &text[s..e])).collect();
        let parsed = spans.iter().map(|&(s, e)| parse(&text[s..e], title_before(text, s).as_deref())).collect();
        People::group_parsed(&mentions, parsed)
    }

    fn group_parsed(mentions: &[(usize, &str)], parsed: Vec<Parsed>) -> People {
        let mut people: Vec<Person> = Vec::new();
        let mut owner: Vec<Option<usize>> = vec![None; mentions.len()];
        let mut single_role: Vec<Option<bool>> = vec![None; mentions.len()]; // Some(true) = surname

        // Pass 1: full names, those with a full surname first, then those with an initial one.
        for want_full_surname in [true, false] {
            for (i, p) in parsed.iter().enumerate() {
                let (Some(gi), Some(si)) = roles(p) else { continue };
                let (g, s) = (&p.names[gi], &p.names[si]);
                if s.initial == want_full_surname {
                    continue;
                }
                let given = (!g.initial).then(|| g.folded.clone());
                let given_initial = first_char(&g.folded);
                let surname = (!s.initial).then(|| s.folded.clone());
                let surname_initial = first_char(&s.folded);
                let found = people.iter().position(|q| {
                    compatible(q.surname.as_ref(), q.surname_initial, surname.as_ref(), surname_initial)
                        && compatible(q.given.as_ref(), q.given_initial, given.as_ref(), given_initial)
                        && (q.surname.is_some() || surname.is_some() || q.given.is_some() && given.is_some())
                        && gender_ok(q.gender, p.gender)
                });
                let k = found.unwrap_or_else(|| {
                    people.push(Person::default());
                    people.len() - 1
                });
                let q = &mut people[k];
                if q.given.is_none() {
                    q.given = given;
                }
                if q.surname.is_none() {
                    q.surname = surname;
                }
                q.given_initial = q.given_initial.or(given_initial);
                q.surname_initial = q.surname_initial.or(surname_initial);
                q.gender = q.gender.or(p.gender);
                q.clinician |= p.clinician;
                for t in &p.names {
                    if !t.initial {
                        q.tokens.push(t.folded.clone());
                        q.tokens.extend(t.folded.split('-').filter(|x| x.len() > 1).map(str::to_string));
                    }
                }
                q.positions.push(mentions[i].0);
                owner[i] = Some(k);
            }
        }

        // Pass 2: single full tokens.
        for (i, p) in parsed.iter().enumerate() {
            if p.names.len() != 1 || p.names[0].initial {
                continue;
            }
            let t = &p.names[0].folded;
            let at = mentions[i].0;
            let titled = p.titled;
            let fits = |q: &Person| -> Option<(u8, bool)> {
                if !gender_ok(q.gender, p.gender) {
                    return None;
                }
                // (preference, is-surname): a titled token prefers a surname, a bare one a given name.
                let as_surname = q.surname.as_ref() == Some(t);
                let as_given = q.given.as_ref() == Some(t);
                match (as_given, as_surname) {
                    (true, true) => Some((0, titled)),
                    (_, true) => Some((if titled { 0 } else { 1 }, true)),
                    (true, _) => Some((if titled { 1 } else { 0 }, false)),
                    _ if q.tokens.contains(t) => Some((2, true)),
                    _ => None,
                }
            };
            let best = people
                .iter()
                .enumerate()
                .filter(|(_, q)| q.given.is_some() || q.surname.is_some())
                .filter_map(|(k, q)| fits(q).map(|(pref, sur)| (k, pref, sur, distance(&q.positions, at))))
                .min_by_key(|&(k, pref, _, dist)| (pref, dist, k));
            let k = match best {
                Some((k, _, sur, _)) => {
                    single_role[i] = Some(sur);
                    k
                }
                None => {
                    // A person known only by this one token (and perhaps a title).
                    let existing = people.iter().position(|q| {
                        q.given.is_none() && q.surname.is_none() && q.tokens.first() == Some(t) && gender_ok(q.gender, p.gender)
                    });
                    single_role[i] = Some(titled);
                    existing.unwrap_or_else(|| {
                        people.push(Person { tokens: vec![t.clone()], ..Person::default() });
                        people.len() - 1
                    })
                }
            };
            let q = &mut people[k];
            q.positions.push(at);
            q.clinician |= p.clinician;
            // "Mrs. Alvarez" tells that this Alvarez is a woman: a later "Mr. Alvarez" is someone else.
            q.gender = q.gender.or(p.gender);
            owner[i] = Some(k);
        }

        // Pass 3: initials only (and anything else left).
        for (i, p) in parsed.iter().enumerate() {
            if owner[i].is_some() {
                continue;
            }
            let inits: Vec<char> = p.names.iter().filter_map(|t| first_char(&t.folded)).collect();
            let surname_initial = |q: &Person| q.surname_initial.or(q.surname.as_deref().and_then(first_char));
            let found = if inits.len() >= 2 {
                people.iter().position(|q| {
                    q.given_initial.or(q.given.as_deref().and_then(first_char)) == Some(inits[0])
                        && surname_initial(q) == inits.last().copied()
                })
            } else if inits.len() == 1 && p.titled {
                // "Ms. A.": the nearest person whose surname starts with that letter.
                let at = mentions[i].0;
                people
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| surname_initial(q) == Some(inits[0]) && gender_ok(q.gender, p.gender))
                    .min_by_key(|(k, q)| (distance(&q.positions, at), *k))
                    .map(|(k, _)| k)
            } else {
                None
            };
            if found.is_some() && inits.len() == 1 {
                single_role[i] = Some(true);
            }
            // A mention without name tokens (a bare title, a handle of digits) is its own person.
            let key: String = if inits.is_empty() { format!("#{}", fold(mentions[i].1.trim())) } else { inits.iter().collect() };
            let k = found
                .or_else(|| people.iter().position(|q| q.given.is_none() && q.surname.is_none() && q.tokens.first() == Some(&key)))
                .unwrap_or_else(|| {
                    people.push(Person { tokens: vec![key], ..Person::default() });
                    people.len() - 1
                });
            people[k].positions.push(mentions[i].0);
            people[k].clinician |= p.clinician;
            owner[i] = Some(k);
        }

        // Number people by first mention.
        let mut order: Vec<usize> = (0..people.len()).collect();
        order.sort_by_key(|&k| people[k].positions.iter().min().copied().unwrap_or(usize::MAX));
        let mut renumber = HashMap::new();
        for (new, &old) in order.iter().enumerate() {
            renumber.insert(old, new);
        }
        let people_sorted: Vec<Person> = order.iter().map(|&k| people[k].clone()).collect();

        let mentions = parsed
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let person = renumber[&owner[i].expect("every mention is owned")];
                Mention { person, pieces: pieces(p, single_role[i]) }
            })
            .collect();
        People { people: people_sorted, mentions }
    }
}

/// The title written right before `at` ("Mrs. " or "Dr " before a name), folded, if any.
fn title_before(text: &str, at: usize) -> Option<String> {
    let before = text[..at].trim_end();
    if before.len() == text[..at].len() {
        return None; // no space between: not a separate title word
    }
    let before = before.strip_suffix('.').unwrap_or(before);
    let word_start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = fold(&before[word_start..]);
    TITLES.iter().any(|t| t.0 == word).then_some(word)
}

fn gender_ok(a: Option<char>, b: Option<char>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn distance(positions: &[usize], at: usize) -> (u8, usize) {
    let before = positions.iter().filter(|&&p| p <= at).map(|&p| at - p).min();
    match before {
        Some(d) => (0, d),
        None => (1, positions.iter().map(|&p| p.abs_diff(at)).min().unwrap_or(usize::MAX)),
    }
}

fn pieces(p: &Parsed, single_is_surname: Option<bool>) -> Vec<Piece> {
    let mut out = Vec::new();
    if !p.lead.is_empty() {
        out.push(Piece::Lit(p.lead.clone()));
    }
    for t in &p.titles {
        out.push(Piece::Lit(t.clone()));
    }
    let (gi, si) = roles(p);
    let n = p.names.len();
    for (i, t) in p.names.iter().enumerate() {
        let (initial, upper) = (t.initial, t.upper);
        let piece = if n == 1 {
            if single_is_surname == Some(true) {
                Piece::Surname { initial, upper }
            } else {
                Piece::Given { initial, upper }
            }
        } else if Some(i) == gi {
            Piece::Given { initial, upper }
        } else if Some(i) == si {
            Piece::Surname { initial, upper }
        } else {
            Piece::Middle { initial, upper }
        };
        out.push(piece);
        if !t.after.is_empty() {
            out.push(Piece::Lit(t.after.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(text: &str, names: &[&str]) -> Vec<usize> {
        let mut at = 0;
        let mut ms = Vec::new();
        for n in names {
            let i = text[at..].find(n).expect("name in text") + at;
            ms.push((i, *n));
            at = i + n.len();
        }
        People::group(&ms).mentions.iter().map(|m| m.person).collect()
    }

    #[test]
    fn grouping_table() {
        // story, name mentions in order, expected person of each mention
        let rows: &[(&str, &[&str], &[usize])] = &[
            (
                "Rosa came in. Rosa Alvarez, 58, and Mrs. Alvarez's daughter Lena. R.A. signed.",
                &["Rosa", "Rosa Alvarez", "Mrs. Alvarez's", "Lena", "R.A."],
                &[0, 0, 0, 1, 0],
            ),
            (
                "Rosa Alvarez and her husband Carlos Alvarez. Carlos drove; Rosa slept.",
                &["Rosa Alvarez", "Carlos Alvarez", "Carlos", "Rosa"],
                &[0, 1, 1, 0],
            ),
            (
                "Mrs. Alvarez met Dr. Brandt. Later Mr. Alvarez came, then Rosa Alvarez.",
                &["Mrs. Alvarez", "Dr. Brandt", "Mr. Alvarez", "Rosa Alvarez"],
                &[0, 1, 2, 0],
            ),
            (
                "RAMIREZ-OCHOA, LUIS A was admitted. Luis Ramirez-Ochoa asked for Ochoa's wife.",
                &["RAMIREZ-OCHOA, LUIS A", "Luis Ramirez-Ochoa", "Ochoa"],
                &[0, 0, 0],
            ),
            (
                "José Peña saw Jose. R. Alvarez and Rosa Alvarez.",
                &["José Peña", "Jose", "R. Alvarez", "Rosa Alvarez"],
                &[0, 0, 1, 1],
            ),
            ("June called. June called again.", &["June", "June"], &[0, 0]),
            ("Ann and Bob", &["Ann", "Bob"], &[0, 1]),
            ("Grandma, Mr. and Grandma", &["Grandma", "Mr.", "Grandma"], &[0, 1, 0]),
        ];
        for &(text, names, want) in rows {
            assert_eq!(group(text, names), want, "{text:?}");
        }
    }

    #[test]
    fn titles_outside_the_spans() {
        // story, spans' texts in order, expected person of each, clinician flags of people
        type Row<'a> = (&'a str, &'a [&'a str], &'a [usize], &'a [bool]);
        let rows: &[Row] = &[
            ("Mrs. Alvarez and Mr. Alvarez; Rosa Alvarez", &["Alvarez", "Alvarez", "Rosa Alvarez"], &[0, 1, 0], &[false, false]),
            ("Mrs. Brandt met Ann Lee. Ms. L. left.", &["Brandt", "Ann Lee", "L."], &[0, 1, 1], &[false, false]),
            ("Dr. Brandt met Ann Lee.", &["Brandt", "Ann Lee"], &[0, 1], &[true, false]),
            ("Dr Kim saw Kim.", &["Kim", "Kim"], &[0, 0], &[true]),
        ];
        for &(text, names, want, clin) in rows {
            let mut at = 0;
            let mut spans = Vec::new();
            for n in names {
                let i = text[at..].find(n).unwrap() + at;
                spans.push((i, i + n.len()));
                at = i + n.len();
            }
            spans.sort();
            let p = People::group_in(text, &spans);
            let got: Vec<usize> = p.mentions.iter().map(|m| m.person).collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(p.people.iter().map(|q| q.clinician).collect::<Vec<_>>(), clin, "{text:?}");
        }
    }

    #[test]
    fn roles_of_pieces() {
        let p = People::group(&[(0, "RAMIREZ-OCHOA, LUIS A")]);
        assert_eq!(
            p.mentions[0].pieces,
            vec![
                Piece::Surname { initial: false, upper: true },
                Piece::Lit(", ".into()),
                Piece::Given { initial: false, upper: true },
                Piece::Lit(" ".into()),
                Piece::Middle { initial: true, upper: false },
            ]
        );
        let p = People::group(&[(0, "Rosa Alvarez"), (20, "Mrs. Alvarez's")]);
        assert_eq!(
            p.mentions[1].pieces,
            vec![Piece::Lit("Mrs. ".into()), Piece::Surname { initial: false, upper: false }, Piece::Lit("'s".into())]
        );
    }
}
