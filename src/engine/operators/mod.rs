//! Operators: how each finding is replaced in the final text.
//!
//! The user chooses one [`Operator`] per [`Category`] (a [`Plan`]); [`apply`] writes the final
//! text and an anonymisation log. The operators:
//!
//! | operator | `Rosa Alvarez` | `3/14/2024` | notes |
//! |---|---|---|---|
//! | [`Operator::Tag`] | `[NAME]` | `[DATE]` | the default for every required category |
//! | [`Operator::Pseudonym`] | `[PATIENT-1]` | `[DATE-1]` | numbered; the same person or value always gets the same number |
//! | [`Operator::Surrogate`] | `Jordan Calder` | `4/11/2024` | a fake value of the same shape, fixed by the story's secret |
//! | [`Operator::Mask`] | `████` | `████` | |
//! | [`Operator::MaskLength`] | `████████████` | `█████████` | one block per character |
//! | [`Operator::DateShift`] | | `4/11/2024` | every date moved by the same secret offset, same format |
//! | [`Operator::Generalize`] | | `2024` | AGE90 -> `90 or older`, date -> year, ZIP `02139` -> `02100` |
//! | [`Operator::MonthYear`] | | `3/2024` | **does not meet HIPAA Safe Harbor**, see [`Operator::warning`] |
//! | [`Operator::Keep`] | | | optional categories only (YEAR, STATE, AGE, PROFESSION) |
//!
//! Consistency: pseudonyms and surrogates of names go through [`people`], which groups
//! "Rosa", "Rosa Alvarez", "Mrs. Alvarez" and "R.A." into one person. Other categories are
//! numbered per distinct value (compared without case, spaces or punctuation for codes; dates
//! compared by their calendar value, so `3/14/2024` and `March 14, 2024` are both `[DATE-1]`).
//!
//! Safety: an operator that cannot handle a finding (a date shift of "Christmas Eve", a ZIP
//! generalization of a street name) falls back to the category tag, never to the original text;
//! an operator not offered for a category (see [`Operator::options`]) is treated as a tag too.
//! The log says which operator was actually used.
//!
//! ```
//! use storysafe::engine::{Category, Span};
//! use storysafe::engine::operators::{apply, Operator, Plan};
//!
//! let text = "Rosa Alvarez was seen 3/14/2024. Mrs. Alvarez returned 3/21/2024.";
//! let spans = vec![
//!     Span::new(0, 12, Category::Name, 0.9, "test", "a name"),
//!     Span::new(22, 31, Category::Date, 0.9, "test", "a date"),
//!     Span::new(33, 45, Category::Name, 0.9, "test", "a name"),
//!     Span::new(55, 64, Category::Date, 0.9, "test", "a date"),
//! ];
//! let mut plan = Plan::new([1; 32]);
//! plan.set(Category::Name, Operator::Pseudonym);
//! let out = apply(text, &spans, &plan);
//! assert_eq!(out.text, "[PATIENT-1] was seen [DATE]. [PATIENT-1] returned [DATE].");
//! assert_eq!(out.log.len(), 4);
//! ```

pub mod dates;
pub mod people;
pub mod surrogate;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::offsets;
use super::{Category, Span};
use dates::WrittenDate;
use people::People;
use surrogate::{Cast, Rng};

/// How a finding is replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Operator {
    /// The category tag: `[NAME]`, `[DATE]`.
    Tag,
    /// A numbered pseudonym, the same for every mention of the same person or value:
    /// `[PATIENT-1]`, `[CLINICIAN-1]`, `[PLACE-2]`.
    Pseudonym,
    /// A realistic fake of the same shape, consistent within the story.
    Surrogate,
    /// Four blocks: `████`.
    Mask,
    /// One block per character of the original, keeping its length visible.
    MaskLength,
    /// Dates moved by the story's secret offset (a whole number of weeks, so weekdays stay
    /// true), written in the same format.
    DateShift,
    /// A coarser value: AGE90 -> "90 or older", date -> its year, ZIP -> first three digits.
    Generalize,
    /// Dates reduced to month and year. Does not meet HIPAA Safe Harbor.
    MonthYear,
    /// Left as written (optional categories only).
    Keep,
}

impl Operator {
    /// Every operator, in display order.
    pub const ALL: [Operator; 9] = [
        Operator::Tag,
        Operator::Pseudonym,
        Operator::Surrogate,
        Operator::Mask,
        Operator::MaskLength,
        Operator::DateShift,
        Operator::Generalize,
        Operator::MonthYear,
        Operator::Keep,
    ];

    /// The stable name used in the log and in saved work, e.g. `"date_shift"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Operator::Tag => "tag",
            Operator::Pseudonym => "pseudonym",
            Operator::Surrogate => "surrogate",
            Operator::Mask => "mask",
            Operator::MaskLength => "mask_length",
            Operator::DateShift => "date_shift",
            Operator::Generalize => "generalize",
            Operator::MonthYear => "month_year",
            Operator::Keep => "keep",
        }
    }

    /// Parses a stable name.
    pub fn parse(s: &str) -> Option<Operator> {
        Operator::ALL.into_iter().find(|o| o.as_str() == s)
    }

    /// A short label for a menu.
    pub fn label(self) -> &'static str {
        match self {
            Operator::Tag => "Category tag",
            Operator::Pseudonym => "Numbered pseudonym",
            Operator::Surrogate => "Realistic stand-in",
            Operator::Mask => "Mask",
            Operator::MaskLength => "Mask (same length)",
            Operator::DateShift => "Shift dates",
            Operator::Generalize => "Generalize",
            Operator::MonthYear => "Month and year",
            Operator::Keep => "Keep as written",
        }
    }

    /// The operators offered for a category, the default first.
    pub fn options(category: Category) -> &'static [Operator] {
        use Operator::*;
        match category {
            Category::Name => &[Tag, Pseudonym, Surrogate, Mask, MaskLength],
            Category::Date => &[Tag, DateShift, Generalize, MonthYear, Pseudonym, Mask, MaskLength],
            Category::Age90 => &[Generalize, Tag, Mask, MaskLength],
            Category::Location => &[Tag, Pseudonym, Surrogate, Generalize, Mask, MaskLength],
            c if c.is_optional() => &[Keep, Tag, Pseudonym, Mask, MaskLength],
            _ => &[Tag, Pseudonym, Surrogate, Mask, MaskLength],
        }
    }

    /// The default operator of a category: the tag for required categories ("90 or older" for
    /// ages over 89, which Safe Harbor allows and reads better), kept as written for optional
    /// ones.
    pub fn default_for(category: Category) -> Operator {
        Operator::options(category)[0]
    }

    /// A warning to show next to the choice, when the result may not be de-identified under
    /// HIPAA Safe Harbor.
    pub fn warning(self, category: Category) -> Option<&'static str> {
        match (self, category) {
            (Operator::MonthYear, _) => Some(
                "Month and year does not meet HIPAA Safe Harbor: only the year of a date may remain. \
                 Use it only with a documented expert determination or the patient's explicit consent.",
            ),
            (Operator::DateShift, _) | (Operator::Surrogate, Category::Date) => Some(
                "Shifted dates keep the intervals between events but are still dates; Safe Harbor \
                 strictly asks for the year only. The shift is secret and the same for the whole story.",
            ),
            (Operator::Generalize, Category::Location) => Some(
                "Only ZIP codes are generalized (first three digits, or [ZIP] in sparsely populated \
                 areas); other places get their tag.",
            ),
            _ => None,
        }
    }
}

/// The choices that turn findings into the final text: one operator per category and the
/// per-story secret that fixes pseudonym order, surrogates and the date shift.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Operators chosen by the user; a category not listed uses [`Operator::default_for`].
    pub operators: BTreeMap<Category, Operator>,
    /// The per-story secret (32 random bytes drawn once per story by the caller).
    pub secret: [u8; 32],
}

impl Default for Plan {
    /// Default operators and an all-zero secret. Only for tests and placeholders: a story's plan
    /// must get a random secret ([`Plan::new`]), or its date shift and surrogates are guessable.
    fn default() -> Plan {
        Plan::new([0; 32])
    }
}

impl Plan {
    /// Default operators with this secret.
    pub fn new(secret: [u8; 32]) -> Plan {
        Plan { operators: BTreeMap::new(), secret }
    }

    /// Chooses the operator of a category; returns false (and changes nothing) when the operator
    /// is not offered for that category.
    pub fn set(&mut self, category: Category, op: Operator) -> bool {
        if !Operator::options(category).contains(&op) {
            return false;
        }
        if op == Operator::default_for(category) {
            self.operators.remove(&category);
        } else {
            self.operators.insert(category, op);
        }
        true
    }

    /// The operator used for a category. An operator that is not offered for the category (a
    /// hand-edited saved file) reads as the tag, so nothing is ever left in by mistake.
    pub fn operator(&self, category: Category) -> Operator {
        match self.operators.get(&category) {
            Some(&op) if Operator::options(category).contains(&op) => op,
            Some(_) => Operator::Tag,
            None => Operator::default_for(category),
        }
    }

    /// The story's date shift in days: a whole number of weeks between 4 and 52, forward or back,
    /// derived from the secret.
    pub fn date_shift_days(&self) -> i64 {
        let h = surrogate::keyed(&self.secret, "date-shift", "");
        let weeks = 4 + (h % 49) as i64;
        if (h >> 32) & 1 == 1 {
            weeks * 7
        } else {
            -weeks * 7
        }
    }
}

/// One replacement made in the final text. It never holds the original text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Replacement {
    /// The category of the finding that was replaced.
    pub category: Category,
    /// The operator actually used (after any fallback to the tag).
    pub operator: Operator,
    /// Start byte offset of the replacement in the final text.
    pub start: usize,
    /// End byte offset (exclusive) of the replacement in the final text.
    pub end: usize,
}

/// The final text and its anonymisation log.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    /// The text with every finding replaced.
    pub text: String,
    /// One entry per replaced finding, in text order.
    pub log: Vec<Replacement>,
}

impl Output {
    /// The log's ranges as Unicode code point offsets into [`Output::text`] (for display and
    /// export; the log itself stores UTF-8 byte offsets).
    pub fn log_in_chars(&self) -> Vec<(usize, usize)> {
        let bounds: Vec<usize> = self.log.iter().flat_map(|r| [r.start, r.end]).collect();
        let cps = offsets::bytes_to_chars(&self.text, &bounds);
        cps.chunks(2).map(|c| (c[0], c[1])).collect()
    }
}

/// The restricted three-digit ZIP prefixes (areas of 20,000 people or fewer, HHS guidance on
/// Safe Harbor, 2000 census): a generalized ZIP there becomes `[ZIP]`.
pub const RESTRICTED_ZIP3: [&str; 17] = [
    "036", "059", "063", "102", "203", "556", "692", "790", "821", "823", "830", "831", "878",
    "879", "884", "890", "893",
];

/// Generalizes a ZIP code: `02139` and `02139-4307` become `02100`; a restricted prefix becomes
/// `[ZIP]`; anything else is `None`.
pub fn generalize_zip(text: &str) -> Option<String> {
    let t = text.trim();
    let (five, rest) = t.split_at_checked(5)?;
    let plus4 = rest.is_empty() || (rest.len() == 5 && rest.starts_with('-') && rest[1..].bytes().all(|b| b.is_ascii_digit()));
    if !five.bytes().all(|b| b.is_ascii_digit()) || !plus4 {
        return None;
    }
    let zip3 = &five[..3];
    Some(if RESTRICTED_ZIP3.contains(&zip3) { "[ZIP]".to_string() } else { format!("{zip3}00") })
}

/// Generalizes an age over 89: "94" -> "90 or older"; "94-year-old" -> "90-or-older"
/// (so "a 94-year-old man" reads "a 90-or-older man").
pub fn generalize_age90(text: &str) -> String {
    let lower = text.to_lowercase();
    if lower.contains("year-old") || lower.contains("yr-old") {
        "90-or-older".to_string()
    } else {
        "90 or older".to_string()
    }
}

/// The prefix of numbered pseudonyms for a category.
fn pseudonym_prefix(category: Category) -> &'static str {
    match category {
        Category::Name => "PATIENT",
        Category::Location => "PLACE",
        Category::Organization => "ORG",
        Category::Date => "DATE",
        Category::Age90 => "AGE90",
        Category::Phone => "PHONE",
        Category::Fax => "FAX",
        Category::Email => "EMAIL",
        Category::Url => "URL",
        Category::Ip => "IP",
        Category::Ssn => "SSN",
        Category::Mrn => "MRN",
        Category::Healthplan => "PLAN",
        Category::Account => "ACCOUNT",
        Category::License => "LICENSE",
        Category::Vehicle => "VEHICLE",
        Category::Device => "DEVICE",
        Category::Id => "ID",
        Category::Year => "YEAR",
        Category::State => "REGION",
        Category::Age => "AGE",
        Category::Profession => "JOB",
    }
}

/// The key under which two findings count as the same value.
fn value_key(category: Category, text: &str) -> String {
    if category == Category::Date {
        if let Some(d) = WrittenDate::parse(text) {
            return d.key();
        }
    }
    let folded = people::fold(text);
    let codeish = !matches!(
        category,
        Category::Location | Category::Organization | Category::Date | Category::State | Category::Profession | Category::Name
    );
    if codeish {
        folded.chars().filter(|c| c.is_alphanumeric()).collect()
    } else {
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
    }
}

/// Puts spans in order, clamps them to the text and to character boundaries, and merges any
/// that overlap (the union is replaced, so nothing either one covered leaks).
fn prepare(text: &str, spans: &[Span]) -> Vec<Span> {
    let mut v: Vec<Span> = spans
        .iter()
        .filter_map(|s| {
            let mut s = s.clone();
            s.end = s.end.min(text.len());
            s.start = s.start.min(s.end);
            while s.start > 0 && !text.is_char_boundary(s.start) {
                s.start -= 1;
            }
            while s.end < text.len() && !text.is_char_boundary(s.end) {
                s.end += 1;
            }
            (s.start < s.end).then_some(s)
        })
        .collect();
    v.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(last) if s.start < last.end => {
                // A required category wins over an optional one, then the higher score.
                let s_wins = (last.category.is_optional() && !s.category.is_optional())
                    || (last.category.is_optional() == s.category.is_optional() && s.score > last.score && s.end > last.end);
                if s_wins {
                    last.category = s.category;
                    last.score = s.score;
                }
                last.end = last.end.max(s.end);
            }
            _ => out.push(s),
        }
    }
    out
}

/// Replaces every finding with its category's operator.
///
/// `spans` are byte ranges into `text`; they should be sorted and disjoint (as
/// [`crate::engine::Engine::scan`] returns them), but overlapping or unsorted spans are accepted
/// and merged. Findings whose operator is [`Operator::Keep`] are left as written and not logged.
pub fn apply(text: &str, spans: &[Span], plan: &Plan) -> Output {
    let spans = prepare(text, spans);
    let op_of = |s: &Span| plan.operator(s.category);

    // People, only when a name operator needs them.
    let name_op = plan.operator(Category::Name);
    let needs_people = matches!(name_op, Operator::Pseudonym | Operator::Surrogate);
    let name_spans: Vec<(usize, &str)> = if needs_people {
        spans.iter().filter(|s| s.category == Category::Name).map(|s| (s.start, &text[s.start..s.end])).collect()
    } else {
        Vec::new()
    };
    let name_ranges: Vec<(usize, usize)> =
        spans.iter().filter(|s| needs_people && s.category == Category::Name).map(|s| (s.start, s.end)).collect();
    let people = People::group_in(text, &name_ranges);
    let mut name_mention = people.mentions.iter();
    let person_labels: Vec<String> = {
        let (mut patients, mut clinicians) = (0, 0);
        people
            .people
            .iter()
            .map(|p| {
                if p.clinician {
                    clinicians += 1;
                    format!("[CLINICIAN-{clinicians}]")
                } else {
                    patients += 1;
                    format!("[PATIENT-{patients}]")
                }
            })
            .collect()
    };
    let cast = (name_op == Operator::Surrogate).then(|| {
        let avoid: Vec<String> = name_spans
            .iter()
            .flat_map(|(_, t)| people::fold(t).split(|c: char| !c.is_alphabetic()).map(str::to_string).collect::<Vec<_>>())
            .filter(|w| !w.is_empty())
            .collect();
        Cast::new(&plan.secret, &people.people, &avoid)
    });

    let shift = plan.date_shift_days();
    let mut ordinals: HashMap<(Category, String), usize> = HashMap::new();
    let mut counts: HashMap<Category, usize> = HashMap::new();

    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut log = Vec::with_capacity(spans.len());
    let mut at = 0;
    for s in &spans {
        let op = op_of(s);
        let original = &text[s.start..s.end];
        let mention = if needs_people && s.category == Category::Name { name_mention.next() } else { None };
        if op == Operator::Keep {
            continue;
        }
        let tag = || format!("[{}]", s.category.as_str());
        let mut ordinal = || {
            let key = (s.category, value_key(s.category, original));
            let n = counts.get(&s.category).copied().unwrap_or(0);
            *ordinals.entry(key).or_insert_with(|| {
                counts.insert(s.category, n + 1);
                n
            })
        };
        let (replacement, used) = match op {
            Operator::Keep => unreachable!("kept spans are skipped above"),
            Operator::Tag => (tag(), Operator::Tag),
            Operator::Mask => ("████".to_string(), op),
            Operator::MaskLength => ("█".repeat(original.chars().count()), op),
            Operator::Pseudonym => match mention {
                Some(m) => {
                    let mut label = person_labels[m.person].clone();
                    if let Some(people::Piece::Lit(l)) = m.pieces.last() {
                        for possessive in ["'s", "’s"] {
                            if l.starts_with(possessive) {
                                label.push_str(possessive);
                            }
                        }
                    }
                    (label, op)
                }
                None => (format!("[{}-{}]", pseudonym_prefix(s.category), ordinal() + 1), op),
            },
            Operator::DateShift => match WrittenDate::parse(original) {
                Some(d) => (d.shifted(shift), op),
                None => (tag(), Operator::Tag),
            },
            Operator::MonthYear => match WrittenDate::parse(original).and_then(|d| d.month_year()) {
                Some(t) => (t, op),
                None => (tag(), Operator::Tag),
            },
            Operator::Generalize => match s.category {
                Category::Age90 => (generalize_age90(original), op),
                Category::Date => match WrittenDate::parse(original).and_then(|d| d.year_only()) {
                    Some(y) => (y, op),
                    None => (tag(), Operator::Tag),
                },
                Category::Location => match generalize_zip(original) {
                    Some(z) => (z, op),
                    None => (tag(), Operator::Tag),
                },
                _ => (tag(), Operator::Tag),
            },
            Operator::Surrogate => {
                let key = value_key(s.category, original);
                let mut rng = Rng::new(&plan.secret, s.category.as_str(), &key);
                match s.category {
                    Category::Name => match (mention, &cast) {
                        (Some(m), Some(c)) => (c.render(m.person, &m.pieces), op),
                        _ => (tag(), Operator::Tag),
                    },
                    Category::Date => match WrittenDate::parse(original) {
                        Some(d) => (d.shifted(shift), op),
                        None => (tag(), Operator::Tag),
                    },
                    Category::Age90 => (generalize_age90(original), op),
                    Category::Phone | Category::Fax => (surrogate::phone(&mut rng, ordinal(), original), op),
                    Category::Email => (surrogate::email(&mut rng, original), op),
                    Category::Url => (surrogate::url(&mut rng, original), op),
                    Category::Ip => (surrogate::ip(&mut rng, original), op),
                    Category::Ssn => (surrogate::ssn(&mut rng, original), op),
                    Category::Location => (surrogate::location(&mut rng, ordinal(), original), op),
                    Category::Organization => (surrogate::organization(&mut rng, ordinal(), original), op),
                    c if c.is_optional() => (tag(), Operator::Tag),
                    _ => (surrogate::same_shape(&mut rng, original), op),
                }
            }
        };
        // Safety net: a surrogate that came out as the original (a NAME span without letters, a
        // shape with nothing to replace) would leak it; use the tag instead.
        let (replacement, used) = if used == Operator::Surrogate && people::fold(&replacement) == people::fold(original) {
            (tag(), Operator::Tag)
        } else {
            (replacement, used)
        };
        out.push_str(&text[at..s.start]);
        let start = out.len();
        out.push_str(&replacement);
        log.push(Replacement { category: s.category, operator: used, start, end: out.len() });
        if ends_sentence(text, s, used) {
            out.push('.');
        }
        at = s.end;
    }
    out.push_str(&text[at..]);
    Output { text: out, log }
}

/// True when a label replaces a finding whose final dot also ends the sentence ("... said LUIS A.
/// She ..."): the dot is kept after the label so that the sentence still ends.
fn ends_sentence(text: &str, s: &Span, used: Operator) -> bool {
    if !matches!(used, Operator::Tag | Operator::Pseudonym | Operator::Mask | Operator::MaskLength) || !text[..s.end].ends_with('.') {
        return false;
    }
    let rest = &text[s.end..];
    let after = rest.trim_start_matches([' ', '\t']);
    after.is_empty() || after.starts_with(['\n', '\r']) || (after.len() < rest.len() && after.starts_with(|c: char| c.is_uppercase()))
}

/// Replaces every required (non-optional) span with its category tag, e.g. `[EMAIL]`.
///
/// `spans` must be sorted and disjoint, as [`crate::engine::Engine::scan`] returns them.
pub fn redact_with_tags(text: &str, spans: &[Span]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for s in spans.iter().filter(|s| !s.category.is_optional()) {
        if s.start < at {
            continue;
        }
        out.push_str(&text[at..s.start]);
        out.push('[');
        out.push_str(s.category.as_str());
        out.push(']');
        at = s.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests;
