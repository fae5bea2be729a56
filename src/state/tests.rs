use super::*;
use crate::engine::offsets::utf16_to_byte;
use crate::state::review::Status;

const SECRET: [u8; 32] = [5; 32];
const SALT: [u8; 16] = [6; 16];
const NONCE: [u8; 12] = [7; 12];

/// A synthetic story: the engine finds the dates, the phone and the email; the names are
/// redacted by hand, as the name engine is not assumed here.
const STORY: &str = "Rosa Alvarez, seen 3/14/2024, called from (617) 555-0142 on 3/21/2024. \
Mrs. Alvarez wrote to help@clinic.example.org. Rosa is better.";

/// The structured recognizers only: these tests are about the state, not about the name engine,
/// so they must not change when name detection improves.
static STRUCTURED: std::sync::LazyLock<crate::engine::Engine> = std::sync::LazyLock::new(|| {
    crate::engine::Engine::new(crate::engine::structured::recognizers(), crate::engine::structured::refiners())
});

trait Scanned {
    /// Finishes a scan of the current text with the structured recognizers only.
    fn scanned(self) -> State;
}

impl Scanned for State {
    fn scanned(self) -> State {
        let (spans, revision) = (STRUCTURED.scan(&self.text), self.revision);
        self.reduce(Action::ScanFinished { revision, spans, quasi: None })
    }
}

fn range(text: &str, needle: &str) -> (usize, usize) {
    let i = text.find(needle).expect("needle in text");
    (i, i + needle.len())
}

fn finding(s: &State, text: &str) -> usize {
    let scan = s.scan.as_ref().expect("a scan");
    scan.findings.iter().position(|f| &scan.text[f.span.start..f.span.end] == text).expect("finding")
}

fn decide(s: State, text: &str, verdict: Verdict, every: bool) -> State {
    let i = finding(&s, text);
    s.reduce(Action::Decide { finding: i, verdict, every })
}

#[test]
fn edit_then_scan_redacts() {
    let s = State::default().reduce(Action::Edit("mail a@b.org".into()));
    assert!(!s.is_current());
    let s = s.scanned();
    assert!(s.is_current());
    assert_eq!(s.scan.as_ref().unwrap().redacted, "mail [EMAIL]");
    let s = s.reduce(Action::Edit("mail a@b.org now".into()));
    assert!(!s.is_current(), "an edit makes the last scan stale");
}

/// The whole review flow, then save, "reload" and open: the same final text.
#[test]
fn review_flow_save_and_open() {
    let s = State::new(SECRET).reduce(Action::Edit(STORY.into())).scanned();
    let before = s.final_text().unwrap().to_string();
    assert!(before.contains("[DATE]") && before.contains("[PHONE]") && before.contains("[EMAIL]"), "{before}");
    // Reject a false positive: the clinic's generic address is fine to share.
    let s = decide(s, "help@clinic.example.org", Verdict::NotIdentifier, false);
    // Redact missed names by selection (the DOM gives UTF-16 offsets).
    let (a, b) = range(STORY, "Rosa Alvarez");
    let s = s.reduce(Action::RedactSelection { start: utf16_to_byte(STORY, a), end: utf16_to_byte(STORY, b), category: Category::Name, every: false });
    let (a, b) = range(STORY, "Mrs. Alvarez");
    let s = s.reduce(Action::RedactSelection { start: a, end: b, category: Category::Name, every: false });
    let (a, b) = range(STORY, "Rosa is");
    let s = s.reduce(Action::RedactSelection { start: a, end: b - 3, category: Category::Name, every: false });
    // Pseudonyms for names, shifted dates.
    let s = s.reduce(Action::SetOperator(Category::Name, Operator::Pseudonym));
    let s = s.reduce(Action::SetOperator(Category::Date, Operator::DateShift));
    let final_text = s.final_text().unwrap().to_string();
    assert!(final_text.starts_with("[PATIENT-1], seen "), "{final_text}");
    assert!(final_text.contains("[PATIENT-1] wrote to help@clinic.example.org. [PATIENT-1] is better."), "{final_text}");
    for identifier in ["Rosa", "Alvarez", "3/14/2024", "3/21/2024", "555-0142"] {
        assert!(!final_text.contains(identifier), "{identifier} survived: {final_text}");
    }
    assert_eq!(s.scan.as_ref().unwrap().log.len(), 6, "three names, two dates, one phone");

    // Save, then open in a fresh page.
    let bytes = s.save_work("a long passphrase", SALT, NONCE).expect("a current scan");
    let reopened = State::open_work(&bytes, "a long passphrase").expect("opens");
    assert_eq!(reopened.final_text(), Some(final_text.as_str()));
    assert_eq!(reopened.text, STORY);
    assert_eq!(reopened.decisions, s.decisions);
    // Wrong passphrase: a clear error, no state.
    let e = State::open_work(&bytes, "a long passphrasE").unwrap_err();
    assert!(e.is_wrong_passphrase(), "{e}");
}

#[test]
fn work_must_reproduce_its_final_text() {
    let s = State::new(SECRET).reduce(Action::Edit(STORY.into())).scanned();
    let work = s.work().expect("current");
    assert_eq!(State::from_work(work.clone()).unwrap().final_text(), s.final_text());
    let manual = |start, end| review::Manual { start, end, category: Category::Name, text: "x".into(), every: false };
    let span = |start, end| workfile::SavedSpan { start, end, category: Category::Name, score: 1.0, recognizer: "x".into(), reason: "x".into() };
    // Each alteration of a saved work, and why it is refused.
    type Alteration<'a> = (&'a str, Box<dyn Fn(&mut Work)>);
    let alterations: Vec<Alteration> = vec![
        // The saved spans, not a re-scan, define the reviewed text.
        ("a finding removed", Box::new(|w: &mut Work| w.spans.retain(|sp| sp.category != Category::Phone))),
        ("a span outside the text", Box::new(move |w: &mut Work| w.spans.push(span(1, 10_000)))),
        ("a manual redaction added", Box::new(move |w: &mut Work| w.manual.push(manual(2, 3)))),
        ("a manual range outside the text", Box::new(move |w: &mut Work| w.manual.push(manual(5, 1_000)))),
        ("another secret", Box::new(|w: &mut Work| {
            w.secret = [1; 32];
            w.operators.insert(Category::Date, Operator::DateShift);
        })),
    ];
    for (what, alter) in alterations {
        let mut w = work.clone();
        alter(&mut w);
        let e = State::from_work(w).expect_err(what);
        assert!(e.is_damaged(), "{what}: {e}");
    }
    // No current scan: nothing to save.
    assert!(s.clone().reduce(Action::Edit("changed".into())).work().is_none());
}

#[test]
fn reload_does_not_reroll() {
    let text = "Seen 3/14/2024 and 4/1/2024 by Dana Whit.";
    let (a, b) = range(text, "Dana Whit");
    let run = |secret| {
        State::new(secret)
            .reduce(Action::Edit(text.into()))
            .scanned()
            .reduce(Action::RedactSelection { start: a, end: b, category: Category::Name, every: false })
            .reduce(Action::SetOperator(Category::Name, Operator::Surrogate))
            .reduce(Action::SetOperator(Category::Date, Operator::DateShift))
    };
    let one = run(SECRET);
    let work = one.work().unwrap();
    let again = State::from_work(work).unwrap();
    assert_eq!(again.final_text(), one.final_text());
    assert_eq!(run(SECRET).final_text(), one.final_text(), "same secret, same text");
    assert_ne!(run([99; 32]).final_text(), one.final_text(), "another story, other surrogates");
}

#[test]
fn decisions_survive_edits_and_rescans() {
    let s = State::new(SECRET).reduce(Action::Edit("Call 617-555-0142 or 617-555-0199 on 3/14.".into())).scanned();
    let s = decide(s, "617-555-0199", Verdict::NotIdentifier, false);
    let s = decide(s, "3/14", Verdict::Category(Category::Id), false);
    assert_eq!(s.final_text(), Some("Call [PHONE] or 617-555-0199 on [ID]."));
    // Edits before, between and after the findings move every offset.
    let s = s
        .reduce(Action::Edit("Please, call 617-555-0142 (cell) or 617-555-0199 on 3/14 after 5.".into()))
        .scanned();
    assert_eq!(s.final_text(), Some("Please, call [PHONE] (cell) or 617-555-0199 on [ID] after 5."));
    // Undo a decision: back to redacted.
    let s = { let i = finding(&s, "617-555-0199"); s.reduce(Action::Undecide { finding: i }) };
    assert_eq!(s.final_text(), Some("Please, call [PHONE] (cell) or [PHONE] on [ID] after 5."));
}

#[test]
fn every_occurrence_decisions_and_manual() {
    let text = "Hope emailed hope@x.org. Hope is a name here; so is hope? No.";
    let s = State::new(SECRET).reduce(Action::Edit(text.into())).scanned();
    let (a, b) = range(text, "Hope");
    let s = s.reduce(Action::RedactSelection { start: a, end: b, category: Category::Name, every: true });
    assert_eq!(s.final_text(), Some("[NAME] emailed [EMAIL]. [NAME] is a name here; so is [NAME]? No."));
    // The lowercase "hope" is not a name: reject every occurrence of that manual... by removing it
    // and redacting only the capitalised ones.
    let s = s.reduce(Action::RemoveManual(0));
    assert_eq!(s.final_text(), Some("Hope emailed [EMAIL]. Hope is a name here; so is hope? No."));
}

#[test]
fn stale_scan_results_are_ignored() {
    let s = State::new(SECRET).reduce(Action::Edit("a@b.org".into()));
    let old = s.revision;
    let s = s.reduce(Action::Edit("a@b.org, c@d.org".into()));
    let spans = default_engine().scan("a@b.org");
    let s = s.reduce(Action::ScanFinished { revision: old, spans, quasi: None });
    assert!(s.scan.is_none(), "a result for an older text is dropped");
    let (spans, revision) = (default_engine().scan(&s.text), s.revision);
    let s = s.reduce(Action::ScanFinished { revision, spans, quasi: None });
    assert!(s.is_current());
    assert_eq!(s.final_text(), Some("[EMAIL], [EMAIL]"));
}

#[test]
fn lists_and_settings() {
    let text = "Dr. Quartermain of Quartermain ward, quartermain@x.org";
    let s = State::new(SECRET)
        .reduce(Action::Edit(text.into()))
        .scanned()
        .reduce(Action::Deny(DenyWord { text: "Quartermain".into(), category: Category::Name }));
    assert_eq!(s.final_text(), Some("Dr. [NAME] of [NAME] ward, [EMAIL]"));
    let f = &s.scan.as_ref().unwrap().findings;
    assert_eq!(f.iter().filter(|f| f.span.recognizer == review::DENY_RECOGNIZER).count(), 2);
    // The allow list does not beat the deny list; removing the deny word does.
    let s = s.reduce(Action::Allow("quartermain".into()));
    assert_eq!(s.final_text(), Some("Dr. [NAME] of [NAME] ward, [EMAIL]"));
    let s = s.reduce(Action::Undeny("QUARTERMAIN".into()));
    assert_eq!(s.final_text(), Some("Dr. Quartermain of Quartermain ward, [EMAIL]"));
    // Settings: no deny list stored without consent, and no story text ever.
    let s = s.reduce(Action::Deny(DenyWord { text: "Quartermain".into(), category: Category::Name }));
    let s = s.reduce(Action::SetOperator(Category::Name, Operator::Pseudonym));
    let stored = s.settings().to_storage();
    assert!(!stored.contains("Quartermain") && !stored.contains("ward") && stored.contains("quartermain"), "{stored}");
    let s2 = s.clone().reduce(Action::RememberDeny(true));
    assert!(s2.settings().to_storage().contains("Quartermain"));
    // A new story keeps the settings and lists, forgets the text and decisions.
    let n = s2.reduce(Action::NewStory { secret: [1; 32] });
    assert!(n.text.is_empty() && n.scan.is_none() && n.manual.is_empty() && n.decisions.is_empty());
    assert_eq!(n.plan.operator(Category::Name), Operator::Pseudonym);
    assert_eq!(n.plan.secret, [1; 32]);
    assert_eq!(n.deny.len(), 1);
    assert_eq!(n.allow, vec!["quartermain".to_string()]);
    // Loading stored settings at start-up.
    let loaded = State::new(SECRET).reduce(Action::LoadSettings(Settings::from_storage(&stored)));
    assert_eq!(loaded.plan.operator(Category::Name), Operator::Pseudonym);
    assert!(loaded.deny.is_empty());
}

#[test]
fn findings_report_status_and_channels_count() {
    let s = State::new(SECRET).reduce(Action::Edit("x@y.org".into())).scanned();
    let s = s.reduce(Action::Decide { finding: 0, verdict: Verdict::NotIdentifier, every: false });
    assert_eq!(s.scan.as_ref().unwrap().findings[0].status, Status::NotIdentifier);
    let s = s.reduce(Action::Decide { finding: 0, verdict: Verdict::Redact, every: false });
    assert_eq!(s.final_text(), Some("[EMAIL]"));
    let c = s.channels();
    assert_eq!(c.len(), 5);
    assert!(c.iter().all(|c| c.used == 7 && c.fits()));
    // Month and year shows its Safe Harbor warning.
    let s = s.reduce(Action::SetOperator(Category::Date, Operator::MonthYear));
    assert!(s.operator_warnings().iter().any(|(c, w)| *c == Category::Date && w.contains("Safe Harbor")));
    assert!(State::new(SECRET).operator_warnings().is_empty());
}

#[test]
fn quasi_identifiers_come_with_the_scan() {
    let s = State::new(SECRET)
        .reduce(Action::Edit("A retired farmer with ALS from a small town, seen last Tuesday.".into()))
        .scanned();
    let q = &s.scan.as_ref().unwrap().quasi;
    assert_eq!(q.distinct, 4);
    assert!(q.summary().is_some());
    assert_eq!(s.final_text(), Some("A retired farmer with ALS from a small town, seen last Tuesday."), "warnings never redact");
}

#[test]
fn unicode_selection_from_dom_offsets() {
    // The DOM reports selections in UTF-16 code units; emoji and accents come before the name.
    let text = "😀 Zoë wrote: ask Łukasz Żółć, zolc@x.org 🎉";
    let units: Vec<u16> = text.encode_utf16().collect();
    let name: Vec<u16> = "Łukasz Żółć".encode_utf16().collect();
    let a = units.windows(name.len()).position(|w| w == name.as_slice()).unwrap();
    let (start, end) = (utf16_to_byte(text, a), utf16_to_byte(text, a + name.len()));
    let s = State::new(SECRET)
        .reduce(Action::Edit(text.into()))
        .scanned()
        .reduce(Action::RedactSelection { start, end, category: Category::Name, every: false })
        .reduce(Action::SetOperator(Category::Name, Operator::MaskLength));
    assert_eq!(s.final_text(), Some("😀 Zoë wrote: ask ███████████, [EMAIL] 🎉"));
    let out = operators::Output { text: s.final_text().unwrap().to_string(), log: s.scan.as_ref().unwrap().log.clone() };
    assert_eq!(out.log_in_chars(), vec![(17, 28), (30, 37)]);
    // An edit before the name keeps the manual redaction on the name.
    let s = s.reduce(Action::Edit(format!("Hi! {text}"))).scanned();
    assert_eq!(s.final_text(), Some("Hi! 😀 Zoë wrote: ask ███████████, [EMAIL] 🎉"));
}

#[test]
fn segments_cover_the_text_for_highlighting() {
    let text = "Ana Ruiz: a@b.org, 3/14. Ruiz";
    let s = State::new(SECRET).reduce(Action::Edit(text.into())).scanned();
    let s = s.reduce(Action::RedactSelection { start: 0, end: 8, category: Category::Name, every: false });
    // A selection overlapping the date finding: the longer one is shown.
    let (a, b) = range(text, "3/14. Ruiz");
    let s = s.reduce(Action::RedactSelection { start: a, end: b, category: Category::Name, every: false });
    let got: Vec<(&str, SegmentKind)> = s.segments().iter().map(|g| (&text[g.start..g.end], g.kind)).collect();
    assert_eq!(
        got,
        vec![
            ("Ana Ruiz", SegmentKind::Manual(0)),
            (": ", SegmentKind::Plain),
            ("a@b.org", SegmentKind::Finding(0)),
            (", ", SegmentKind::Plain),
            ("3/14. Ruiz", SegmentKind::Manual(1)),
        ]
    );
    assert!(State::new(SECRET).segments().is_empty());
}
