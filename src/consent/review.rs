//! The committee's review of a package: a checklist, a decision, and the decision record.
//!
//! The checklist draws on the AMA Code of Medical Ethics Opinion 2.3.2 ("Professionalism in the
//! Use of Social Media") and the GMC's guidance "Doctors' use of social media": no identifiable
//! patient information, consent present, a statement that views are the author's own, conflicts
//! of interest declared, and professional boundaries kept. The decision record names the package
//! by its digest, so it can only ever apply to the exact package reviewed.
//!
//! ```
//! use storysafe::consent::review::{Answer, Decision, DecisionRecord};
//!
//! let mut d = DecisionRecord::new("0".repeat(64), "2026-11-30");
//! d.reviewer = "Ethics committee, second reader".into();
//! d.decision = Some(Decision::RequestChanges);
//! assert!(d.validate().iter().any(|p| p.field == "notes"), "changes need a note");
//! ```

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::date::IsoDate;
use super::package::Verdict;
use super::record::Problem;

/// One item of the committee checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistItem {
    /// No information that could identify the patient remains (AMA 2.3.2; GMC).
    NoIdentifiableInformation,
    /// The patient's consent for this text and channel is present and valid (GMC).
    ConsentPresent,
    /// The post says the views are the author's own, not the employer's (GMC).
    ViewsOwnDisclaimer,
    /// Conflicts of interest are declared (GMC).
    ConflictsDisclosed,
    /// The content keeps professional boundaries and would not undermine trust in the profession
    /// (AMA 2.3.2).
    ProfessionalBoundaries,
}

impl ChecklistItem {
    /// Every item, in display order.
    pub const ALL: [ChecklistItem; 5] = [
        ChecklistItem::NoIdentifiableInformation,
        ChecklistItem::ConsentPresent,
        ChecklistItem::ViewsOwnDisclaimer,
        ChecklistItem::ConflictsDisclosed,
        ChecklistItem::ProfessionalBoundaries,
    ];

    /// The question asked of the reviewer.
    pub fn question(self) -> &'static str {
        match self {
            ChecklistItem::NoIdentifiableInformation => {
                "Is the text free of anything that could identify the patient, alone or in combination?"
            }
            ChecklistItem::ConsentPresent => "Is the patient's consent present, valid, and for this text and channel?",
            ChecklistItem::ViewsOwnDisclaimer => "Does the piece state that the views are the author's own?",
            ChecklistItem::ConflictsDisclosed => "Are any conflicts of interest disclosed?",
            ChecklistItem::ProfessionalBoundaries => {
                "Does the piece keep professional boundaries and protect trust in the profession?"
            }
        }
    }

    /// Where the item comes from.
    pub fn source(self) -> &'static str {
        match self {
            ChecklistItem::NoIdentifiableInformation => "AMA Opinion 2.3.2; GMC social media guidance",
            ChecklistItem::ConsentPresent => "GMC social media guidance; GMC confidentiality guidance",
            ChecklistItem::ViewsOwnDisclaimer => "GMC social media guidance",
            ChecklistItem::ConflictsDisclosed => "GMC social media guidance",
            ChecklistItem::ProfessionalBoundaries => "AMA Opinion 2.3.2",
        }
    }

    /// True for items that may be answered "not applicable" (the others need a yes or a no).
    pub fn may_be_not_applicable(self) -> bool {
        matches!(self, ChecklistItem::ViewsOwnDisclaimer | ChecklistItem::ConflictsDisclosed)
    }
}

/// A reviewer's answer to one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Satisfied.
    Yes,
    /// Not satisfied.
    No,
    /// Does not apply (e.g. no conflicts to declare in a teaching handout).
    NotApplicable,
}

/// One answered checklist item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistAnswer {
    /// The item.
    pub item: ChecklistItem,
    /// The answer (`None` until answered).
    pub answer: Option<Answer>,
    /// An optional remark.
    #[serde(default)]
    pub note: String,
}

/// The committee's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The story may be shared as packaged.
    Approve,
    /// The author must revise and resubmit.
    RequestChanges,
    /// The story must not be shared.
    Reject,
}

/// The automatic checks' outcome, copied into the decision record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecksSummary {
    /// Text hash and digest matched.
    pub integrity_ok: bool,
    /// Consent was complete, current and covered the channel.
    pub consent_ok: bool,
    /// Residual identifiers found by the re-scan.
    pub residual_findings: usize,
    /// Quasi-identifier warnings.
    pub quasi_identifiers: usize,
    /// The tool version that ran the checks.
    pub checked_with: String,
}

impl From<&Verdict> for ChecksSummary {
    fn from(v: &Verdict) -> ChecksSummary {
        ChecksSummary {
            integrity_ok: v.integrity_ok(),
            consent_ok: v.consent_ok(),
            residual_findings: v.residual.len(),
            quasi_identifiers: v.quasi_identifiers.len(),
            checked_with: v.checked_with.clone(),
        }
    }
}

/// The exported record of one review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    /// The digest of the package reviewed.
    pub package_digest: String,
    /// Who reviewed (name or role on the committee).
    pub reviewer: String,
    /// The day of the review, `YYYY-MM-DD`.
    pub date: String,
    /// The decision (`None` until made).
    pub decision: Option<Decision>,
    /// Notes: required when changes are requested or the story is rejected.
    pub notes: String,
    /// The checklist, one answer per item.
    pub checklist: Vec<ChecklistAnswer>,
    /// The automatic checks, when they were run.
    pub checks: Option<ChecksSummary>,
}

impl DecisionRecord {
    /// A blank review of the package with `package_digest`, dated `date`, with every checklist
    /// item unanswered.
    pub fn new(package_digest: String, date: &str) -> DecisionRecord {
        DecisionRecord {
            package_digest,
            reviewer: String::new(),
            date: date.into(),
            decision: None,
            notes: String::new(),
            checklist: ChecklistItem::ALL.iter().map(|&item| ChecklistAnswer { item, answer: None, note: String::new() }).collect(),
            checks: None,
        }
    }

    /// Records the automatic checks and pre-answers "No" where they failed (never "Yes": a
    /// person must confirm).
    pub fn with_checks(mut self, verdict: &Verdict) -> DecisionRecord {
        for a in &mut self.checklist {
            let failed = match a.item {
                ChecklistItem::NoIdentifiableInformation => !verdict.residual.is_empty(),
                ChecklistItem::ConsentPresent => !verdict.consent_ok() || !verdict.text_hash_ok(),
                _ => false,
            };
            if failed {
                a.answer = Some(Answer::No);
            }
        }
        self.checks = Some(ChecksSummary::from(verdict));
        self
    }

    /// Sets the answer to `item`.
    pub fn answer(&mut self, item: ChecklistItem, answer: Answer) {
        if let Some(a) = self.checklist.iter_mut().find(|a| a.item == item) {
            a.answer = Some(answer);
        }
    }

    /// Every problem that keeps this record from being exported, each naming its field
    /// (`reviewer`, `date`, `decision`, `notes`, `checklist.<item>`).
    pub fn validate(&self) -> Vec<Problem> {
        let mut p = Vec::new();
        if self.package_digest.len() != 64 || !self.package_digest.bytes().all(|b| b.is_ascii_hexdigit()) {
            p.push(Problem::error("package_digest", "The record must name the package by its 64-digit SHA-256 digest."));
        }
        if self.reviewer.trim().is_empty() {
            p.push(Problem::error("reviewer", "Enter the reviewer."));
        }
        if let Err(e) = IsoDate::parse(&self.date) {
            p.push(Problem::error("date", format!("Review date: {e}.")));
        }
        let Some(decision) = self.decision else {
            p.push(Problem::error("decision", "Choose a decision: approve, request changes, or reject."));
            return p;
        };
        if decision != Decision::Approve && self.notes.trim().is_empty() {
            p.push(Problem::error("notes", "Explain what must change, or why the story is rejected."));
        }
        for item in ChecklistItem::ALL {
            let field = format!("checklist.{}", serde_json::to_value(item).expect("enum").as_str().unwrap_or(""));
            let answer = self.checklist.iter().find(|a| a.item == item).and_then(|a| a.answer);
            match (decision, answer) {
                (Decision::Approve, None) => p.push(Problem::error(&field, "Answer every item before approving.")),
                (Decision::Approve, Some(Answer::No)) => {
                    p.push(Problem::error(&field, format!("Cannot approve: \"{}\" was answered no.", item.question())))
                }
                (Decision::Approve, Some(Answer::NotApplicable)) if !item.may_be_not_applicable() => {
                    p.push(Problem::error(&field, "This item always applies: answer yes or no."))
                }
                _ => {}
            }
        }
        if decision == Decision::Approve {
            if let Some(c) = &self.checks {
                if !c.integrity_ok || !c.consent_ok || c.residual_findings > 0 {
                    p.push(Problem::error(
                        "decision",
                        "Cannot approve: the automatic checks failed (integrity, consent or residual identifiers).",
                    ));
                }
            } else {
                p.push(Problem::error("decision", "Run the automatic checks before approving."));
            }
        }
        p
    }

    /// The record as pretty JSON, ending with a newline (what the export writes).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a decision record always serializes");
        s.push('\n');
        s
    }
}

/// "The views ... are my own", "views expressed are the author's own", "opinions are mine".
static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:views?|opinions?)\b[^.!?]{0,80}?\b(?:my|our|the authors?'?s?|their|his|her) own\b|\b(?:views?|opinions?)\b[^.!?]{0,40}?\bare (?:mine|ours)\b|\bpersonal (?:views?|opinions?)\b")
        .unwrap()
});
/// "No conflicts of interest", "competing interests: none", "I declare ...", "disclosure:".
static CONFLICTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:conflicts? of interest|competing interests?|financial interests?|disclosures?:)").unwrap()
});

/// What the text itself says about the checklist items that a statement in the text answers:
/// for each of [`ChecklistItem::ViewsOwnDisclaimer`] and [`ChecklistItem::ConflictsDisclosed`],
/// whether a statement was found and a hint for the reviewer. Hints, not answers: a person
/// confirms.
pub fn text_hints(text: &str) -> Vec<(ChecklistItem, bool, &'static str)> {
    let disclaimer = DISCLAIMER.is_match(text);
    let conflicts = CONFLICTS.is_match(text);
    vec![
        (
            ChecklistItem::ViewsOwnDisclaimer,
            disclaimer,
            if disclaimer {
                "The text states that the views are the author's own."
            } else {
                "No statement that the views are the author's own was found in the text."
            },
        ),
        (
            ChecklistItem::ConflictsDisclosed,
            conflicts,
            if conflicts {
                "The text contains a conflicts-of-interest statement."
            } else {
                "No conflicts-of-interest statement was found in the text."
            },
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_hints_table() {
        // text, disclaimer found, conflicts statement found
        let rows = [
            ("The views in this piece are my own and not those of my employer.", true, false),
            ("Views expressed are the author's own. Competing interests: none.", true, true),
            ("These opinions are mine alone.", true, false),
            ("I write in a personal capacity; personal views only.", true, false),
            ("I have no conflicts of interest to declare.", false, true),
            ("Disclosure: I am paid by nobody.", false, true),
            ("She had her own views on the matter. Then she left.", false, false),
            ("My own view changed. The ward was busy.", false, false),
            ("", false, false),
        ];
        for (text, disclaimer, conflicts) in rows {
            let hints = text_hints(text);
            assert_eq!(hints[0].0, ChecklistItem::ViewsOwnDisclaimer);
            assert_eq!(hints[0].1, disclaimer, "disclaimer in {text:?}");
            assert_eq!(hints[1].1, conflicts, "conflicts in {text:?}");
        }
    }

    fn passing() -> ChecksSummary {
        ChecksSummary { integrity_ok: true, consent_ok: true, residual_findings: 0, quasi_identifiers: 1, checked_with: "t".into() }
    }

    fn approved() -> DecisionRecord {
        let mut d = DecisionRecord::new("ab".repeat(32), "2026-11-30");
        d.reviewer = "Committee chair".into();
        d.decision = Some(Decision::Approve);
        d.checks = Some(passing());
        for item in ChecklistItem::ALL {
            d.answer(item, Answer::Yes);
        }
        d
    }

    #[test]
    fn decision_table() {
        type Edit = fn(&mut DecisionRecord);
        // edit to an approved record, field of the expected error (None: still valid)
        let rows: &[(&str, Edit, Option<&str>)] = &[
            ("as is", |_| {}, None),
            ("no reviewer", |d| d.reviewer.clear(), Some("reviewer")),
            ("bad date", |d| d.date = "30.11.2026".into(), Some("date")),
            ("no decision", |d| d.decision = None, Some("decision")),
            ("bad digest", |d| d.package_digest = "xyz".into(), Some("package_digest")),
            ("unanswered item", |d| d.checklist[2].answer = None, Some("checklist.views_own_disclaimer")),
            ("approve despite a no", |d| d.answer(ChecklistItem::ConsentPresent, Answer::No), Some("checklist.consent_present")),
            ("n/a conflicts", |d| d.answer(ChecklistItem::ConflictsDisclosed, Answer::NotApplicable), None),
            ("n/a identifiability", |d| d.answer(ChecklistItem::NoIdentifiableInformation, Answer::NotApplicable), Some("checklist.no_identifiable_information")),
            ("checks failed", |d| d.checks = Some(ChecksSummary { residual_findings: 2, ..passing() }), Some("decision")),
            ("checks not run", |d| d.checks = None, Some("decision")),
            ("changes without notes", |d| d.decision = Some(Decision::RequestChanges), Some("notes")),
            ("reject with notes and a no", |d| {
                d.decision = Some(Decision::Reject);
                d.notes = "The employer is identifiable.".into();
                d.answer(ChecklistItem::NoIdentifiableInformation, Answer::No);
            }, None),
        ];
        for (what, edit, want) in rows {
            let mut d = approved();
            edit(&mut d);
            let fields: Vec<String> = d.validate().into_iter().map(|p| p.field).collect();
            match want {
                None => assert!(fields.is_empty(), "{what}: {fields:?}"),
                Some(f) => assert!(fields.iter().any(|x| x == f), "{what}: want {f}, got {fields:?}"),
            }
        }
    }

    fn verdict(residual: usize, consent_ok: bool) -> Verdict {
        use crate::consent::package::Finding;
        use crate::consent::record::Problem;
        use crate::engine::Category;
        let finding = Finding { category: Category::Phone, start: 0, end: 3, text: "555".into(), reason: "r".into() };
        Verdict {
            made_with: "a".into(),
            checked_with: "b".into(),
            checked_on: "2026-11-30".into(),
            text_hash_recorded: "h".into(),
            text_hash_actual: "h".into(),
            digest_recorded: "d".into(),
            digest_actual: "d".into(),
            format_problems: vec![],
            consent_problems: if consent_ok { vec![] } else { vec![Problem::error("purpose", "missing")] },
            residual: vec![finding; residual],
            quasi_identifiers: vec![],
            accounted_for: 0,
            checklist_hints: vec![],
        }
    }

    #[test]
    fn checks_pre_answer_no_but_never_yes() {
        // residual findings, consent ok, expected answers for (identifiable, consent)
        let rows = [
            (0, true, (None, None)),
            (2, true, (Some(Answer::No), None)),
            (0, false, (None, Some(Answer::No))),
        ];
        for (residual, consent_ok, (ident, consent)) in rows {
            let d = DecisionRecord::new("ab".repeat(32), "2026-11-30").with_checks(&verdict(residual, consent_ok));
            let get = |item| d.checklist.iter().find(|a| a.item == item).unwrap().answer;
            assert_eq!(get(ChecklistItem::NoIdentifiableInformation), ident, "{residual} {consent_ok}");
            assert_eq!(get(ChecklistItem::ConsentPresent), consent, "{residual} {consent_ok}");
            assert_eq!(d.checks.as_ref().unwrap().residual_findings, residual);
        }
        let mut d = DecisionRecord::new("ab".repeat(32), "2026-11-30").with_checks(&verdict(1, true));
        d.reviewer = "Chair".into();
        d.decision = Some(Decision::Approve);
        for item in ChecklistItem::ALL {
            d.answer(item, Answer::Yes);
        }
        assert!(d.validate().iter().any(|p| p.field == "decision"), "failed checks block approval even if ticked");
    }

    #[test]
    fn every_item_has_question_and_source() {
        for item in ChecklistItem::ALL {
            assert!(item.question().ends_with('?'), "{item:?}");
            assert!(item.source().contains("AMA") || item.source().contains("GMC"), "{item:?}");
        }
    }

    #[test]
    fn record_round_trips_as_json() {
        let d = approved();
        let back: DecisionRecord = serde_json::from_str(&d.to_json()).unwrap();
        assert_eq!(back, d);
        assert!(d.to_json().contains("\"request_changes\"") || d.to_json().contains("\"approve\""));
    }
}
