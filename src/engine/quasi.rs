//! Quasi-identifiers: details that are not identifiers on their own but can single a person out
//! when combined ("a retired snowmobile-trail groomer with ALS in a small town, last Tuesday").
//!
//! These are warnings, kept apart from the identifiers the engine redacts: nothing here is
//! replaced automatically. Each warning says in plain words why the detail is risky and what to
//! do instead. Kinds:
//! - occupation (a curated list of trades and professions, and "works as a ...");
//! - rare condition (a short curated list of rare diseases and unusual procedures);
//! - small or named place ("a small town", "a village of 400", "the only ... in town");
//! - relative time ("last Tuesday", "three weeks ago", "on Christmas Eve"): with the posting
//!   date it gives the real date;
//! - unusual event (disasters, attacks, "made the news", multiple births);
//! - extreme age (90 and over, centenarians, extremely premature births).
//!
//! Patterns use ASCII word boundaries so that the regex engine's fast DFA handles them on any
//! text (Unicode boundaries make it fall back to a slow engine on non-ASCII stories).
//!
//! [`QuasiReport::summary`] adds the count message once three or more distinct details are
//! present, since that is where re-identification becomes likely.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// What kind of indirect identifier a warning is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum QuasiKind {
    /// A job or trade.
    Occupation,
    /// A rare disease or an unusual procedure.
    RareCondition,
    /// A small, named or otherwise distinctive place.
    SmallPlace,
    /// A time relative to the writing ("last Tuesday").
    RelativeTime,
    /// An event others may know about.
    UnusualEvent,
    /// A very high (or very low) age.
    ExtremeAge,
}

impl QuasiKind {
    /// A short label.
    pub fn label(self) -> &'static str {
        match self {
            QuasiKind::Occupation => "Occupation",
            QuasiKind::RareCondition => "Rare condition",
            QuasiKind::SmallPlace => "Small or named place",
            QuasiKind::RelativeTime => "Relative time",
            QuasiKind::UnusualEvent => "Unusual event",
            QuasiKind::ExtremeAge => "Extreme age",
        }
    }

    /// Why it is risky, in plain words.
    pub fn risk(self) -> &'static str {
        match self {
            QuasiKind::Occupation => "A job narrows down who this could be, especially an unusual one or in a small community.",
            QuasiKind::RareCondition => "Few people have this condition; readers who know the patient may recognise them.",
            QuasiKind::SmallPlace => "In a small place, everyone knows who was ill.",
            QuasiKind::RelativeTime => "Together with the date of the post, this gives away the real date.",
            QuasiKind::UnusualEvent => "People who saw the news or were there can tell who this is.",
            QuasiKind::ExtremeAge => "Very few people are this old (or were born this early).",
        }
    }

    /// The suggested fix.
    pub fn suggestion(self) -> &'static str {
        match self {
            QuasiKind::Occupation => "Generalize it (\"a manual worker\", \"a teacher\") or leave it out.",
            QuasiKind::RareCondition => "Name the kind of illness instead (\"a rare nerve disease\"), unless the condition is the point of the story.",
            QuasiKind::SmallPlace => "Say \"a rural area\" or leave the place out.",
            QuasiKind::RelativeTime => "Say \"recently\" or \"one day\".",
            QuasiKind::UnusualEvent => "Describe the event in general terms (\"an accident\").",
            QuasiKind::ExtremeAge => "Say \"in their nineties\" or \"very old\"; ages over 89 are identifiers under HIPAA.",
        }
    }
}

/// One indirect identifier found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct QuasiWarning {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The kind of detail.
    pub kind: QuasiKind,
    /// What was matched, in plain words (e.g. "mentions an occupation").
    pub message: Cow<'static, str>,
}

/// Every indirect identifier of a text, and the count message.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuasiReport {
    /// The warnings, in text order, not overlapping.
    pub warnings: Vec<QuasiWarning>,
    /// How many distinct details (same kind and same words count once).
    pub distinct: usize,
}

/// Distinct details from which the count message is shown.
pub const RISKY_COUNT: usize = 3;

impl QuasiReport {
    /// The count message, once [`RISKY_COUNT`] or more distinct details are present.
    pub fn summary(&self) -> Option<String> {
        (self.distinct >= RISKY_COUNT).then(|| {
            format!(
                "This story has {} indirect identifiers. 3 or more indirect identifiers together can identify a person — consider generalizing.",
                self.distinct
            )
        })
    }
}

/// Trades and professions (not the care team's own roles, such as interpreter or pharmacist,
/// which stories mention constantly, nor words that are mostly verbs, such as "cook").
const OCCUPATIONS: &str = "farmer|rancher|fisherman|fishermen|trucker|truck driver|bus driver|delivery driver|taxi driver|cab driver|\
electrician|plumber|carpenter|welder|ironworker|bricklayer|roofer|mechanic|machinist|miner|coal miner|logger|lumberjack|\
teacher|principal|professor|librarian|lawyer|attorney|accountant|engineer|architect|dentist|veterinarian|\
pastor|priest|rabbi|imam|nun|monk|firefighter|police officer|sheriff|state trooper|soldier|sailor|\
pilot|flight attendant|chef|baker|butcher|barber|hairdresser|tailor|seamstress|waitress|waiter|bartender|cashier|\
janitor|custodian|housekeeper|nanny|postal worker|mail carrier|journalist|reporter|musician|singer|painter|\
athlete|mayor|senator|councilman|councilwoman|groomer|captain|programmer|banker|realtor|landscaper|gardener|\
security guard|bouncer|dancer|actor|actress";

const RARE_CONDITIONS: &str = "ALS|amyotrophic lateral sclerosis|Lou Gehrig's disease|Huntington's disease|Huntington disease|\
cystic fibrosis|progeria|Ehlers-Danlos|Marfan syndrome|Fabry disease|Gaucher disease|Pompe disease|Tay-Sachs|hemophilia|\
Creutzfeldt-Jakob|CJD|prion disease|moyamoya|Guillain-Barr[eé]|myasthenia gravis|Duchenne|muscular dystrophy|\
spinal muscular atrophy|Rett syndrome|Prader-Willi|Angelman syndrome|Wilson's disease|porphyria|Castleman disease|\
Erdheim-Chester|mesothelioma|Kawasaki disease|Stevens-Johnson|locked-in syndrome|conjoined twins|\
fibrodysplasia ossificans progressiva|epidermolysis bullosa|osteogenesis imperfecta|Treacher Collins|necrotizing fasciitis|\
rabies|leprosy|Hansen's disease|Ebola|anthrax|botulism|tetanus|face transplant|hand transplant|uterus transplant|\
separation surgery|sirenomelia|anencephaly|harlequin ichthyosis|elephantiasis|Stiff person syndrome|Kuru|Addison's disease|\
acromegaly|gigantism|dwarfism|achondroplasia";

static OCCUPATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?:works?|worked|working|employed|job) as an? [a-z-]+(?: [a-z-]+){{0,3}}|(?:{OCCUPATIONS})s?)(?-u:\b)"
    ))
    .expect("occupation pattern")
});
static RARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)(?:{RARE_CONDITIONS})(?:(?-u:\b)|$)")).expect("rare condition pattern"));
static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:small|tiny|little|remote|rural|isolated|one-stoplight|one-horse)\s+(?:farm(?:ing)?\s+|fishing\s+|mining\s+|mountain\s+|coastal\s+)?(?:town|village|community|island|hamlet|parish|county|reservation|settlement|township)|(?:town|village|community|island) of (?:about |only |just )?\d[\d,]*(?: people)?|the only [a-z-]+(?: [a-z-]+){0,3} in (?:town|the county|the village|the valley|the state)|(?:our|my|his|her|their) (?:reservation|island|village))(?-u:\b)",
    )
    .expect("place pattern")
});
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:last|this past|this|next|past)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week(?:end)?|month|spring|summer|fall|autumn|winter|christmas|thanksgiving|easter|halloween|ramadan|night)|(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+(?:days?|weeks?|months?)\s+ago)|yesterday|the day before yesterday|(?:on|over|at|before|after)\s+(?:christmas(?:\s+(?:eve|day))?|thanksgiving|easter(?:\s+sunday)?|new year'?s(?:\s+(?:eve|day))?|halloween|the fourth of july|july 4th|memorial day|labor day|mother'?s day|father'?s day|valentine'?s day|eid|diwali|hanukkah|passover))(?-u:\b)",
    )
    .expect("relative time pattern")
});
static EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:tornado|hurricane|earthquake|flood(?:ing)?|wildfire|mass shooting|shooting|stabbing|mass casualty|plane crash|bus crash|train (?:crash|derailment)|derailment|explosion|house fire|lightning strike|(?:bear|shark|dog|cougar) attack|avalanche|made (?:the )?(?:local )?(?:news|headlines)|on the news|in the papers?|went viral|gofundme|lottery|quintuplets|quadruplets|triplets|world record|olympi(?:c|an)s?|famous|celebrity)(?-u:\b)",
    )
    .expect("event pattern")
});
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:9\d|1[01]\d)(?:\s*-?\s*(?:years?|yrs?)(?:[- ]old)?|\s*yo|\s*y/o)|(?:super)?centenarian|(?:2[2-5])[- ]week(?:er)?s?(?: preemie| premature)?|micro-?preemie)(?-u:\b)",
    )
    .expect("age pattern")
});

/// Cuts a "works as a ..." match at the first small word after the job ("works as a teacher
/// in winter" -> "works as a teacher").
fn trim_phrase(m: &str) -> &str {
    const STOP: &[&str] = &["in", "at", "for", "the", "and", "with", "on", "of", "to", "from", "but", "when", "who", "until", "since", "or"];
    let mut end = 0;
    for (i, w) in m.split(' ').enumerate() {
        if i >= 4 && STOP.contains(&w.to_lowercase().as_str()) {
            break;
        }
        end += w.len() + usize::from(i > 0);
    }
    &m[..end]
}

/// Finds the indirect identifiers of `text`.
pub fn scan(text: &str) -> QuasiReport {
    let rules: [(&Regex, QuasiKind, &'static str); 6] = [
        (&RARE, QuasiKind::RareCondition, "names a rare condition"),
        (&AGE, QuasiKind::ExtremeAge, "gives an extreme age"),
        (&PLACE, QuasiKind::SmallPlace, "points to a small or specific place"),
        (&RELATIVE, QuasiKind::RelativeTime, "gives a time relative to when it was written"),
        (&EVENT, QuasiKind::UnusualEvent, "mentions an event others may know about"),
        (&OCCUPATION, QuasiKind::Occupation, "mentions an occupation"),
    ];
    let mut found: Vec<QuasiWarning> = Vec::new();
    for (re, kind, msg) in rules {
        for m in re.find_iter(text) {
            let end = if kind == QuasiKind::Occupation { m.start() + trim_phrase(m.as_str()).len() } else { m.end() };
            found.push(QuasiWarning { start: m.start(), end, kind, message: Cow::Borrowed(msg) });
        }
    }
    // Keep the first rule's match where two overlap (rules are ordered from most specific).
    found.sort_by_key(|w| (w.start, std::cmp::Reverse(w.end)));
    let mut warnings: Vec<QuasiWarning> = Vec::with_capacity(found.len());
    for w in found {
        if warnings.last().is_some_and(|l| w.start < l.end) {
            continue;
        }
        warnings.push(w);
    }
    let mut distinct: Vec<(QuasiKind, String)> =
        warnings.iter().map(|w| (w.kind, text[w.start..w.end].to_lowercase())).collect();
    distinct.sort();
    distinct.dedup();
    QuasiReport { distinct: distinct.len(), warnings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use QuasiKind::*;

    #[test]
    fn kinds_table() {
        // text, expected (matched words, kind)
        let rows: &[(&str, &[(&str, QuasiKind)])] = &[
            ("He was a retired long-haul trucker.", &[("trucker", Occupation)]),
            ("She works as a trail groomer in winter.", &[("works as a trail groomer", Occupation)]),
            ("He works as a night-shift respiratory therapist at the mill.", &[("works as a night-shift respiratory therapist", Occupation)]),
            ("Our interpreter and the pharmacist helped; a model of care.", &[]),
            ("Diagnosed with ALS at 40.", &[("ALS", RareCondition)]),
            ("Falls happen to all of us.", &[]),
            ("She has Ehlers-Danlos and Huntington's disease.", &[("Ehlers-Danlos", RareCondition), ("Huntington's disease", RareCondition)]),
            ("We live in a small fishing village.", &[("small fishing village", SmallPlace)]),
            ("a town of 400 people", &[("town of 400 people", SmallPlace)]),
            ("the only Black dentist in town", &[("the only Black dentist in town", SmallPlace)]),
            ("Last Tuesday he fell; two weeks ago he was fine.", &[("Last Tuesday", RelativeTime), ("two weeks ago", RelativeTime)]),
            ("He came in on Christmas Eve.", &[("on Christmas Eve", RelativeTime)]),
            ("Her house was hit by the tornado; it made the news.", &[("tornado", UnusualEvent), ("made the news", UnusualEvent)]),
            ("A 97-year-old woman and a 23-weeker.", &[("97-year-old", ExtremeAge), ("23-weeker", ExtremeAge)]),
            ("She is 45 years old.", &[]),
            ("Vitals stable, discharged home.", &[]),
        ];
        for &(text, want) in rows {
            let got: Vec<(&str, QuasiKind)> = scan(text).warnings.iter().map(|w| (&text[w.start..w.end], w.kind)).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn count_message_from_three_distinct() {
        // text, distinct count, message shown
        let rows = [
            ("A farmer.", 1, false),
            ("A farmer, a farmer, a farmer.", 1, false),
            ("A farmer with ALS.", 2, false),
            ("A farmer with ALS in a small town.", 3, true),
            ("A 98-year-old farmer with ALS in a small town, last Tuesday.", 5, true),
        ];
        for (text, n, shown) in rows {
            let r = scan(text);
            assert_eq!(r.distinct, n, "{text}");
            assert_eq!(r.summary().is_some(), shown, "{text}");
            if let Some(s) = r.summary() {
                assert!(s.contains("3 or more indirect identifiers together can identify a person"));
            }
        }
        for k in [Occupation, RareCondition, SmallPlace, RelativeTime, UnusualEvent, ExtremeAge] {
            assert!(!k.risk().is_empty() && !k.suggestion().is_empty() && !k.label().is_empty());
        }
    }
}
