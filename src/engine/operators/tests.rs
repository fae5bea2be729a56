use super::*;
use crate::engine::Category::{self, *};

const SECRET: [u8; 32] = [42; 32];

/// Spans for each (needle, category), found in order in `text` (each search starts after the
/// previous match).
fn spans(text: &str, marks: &[(&str, Category)]) -> Vec<Span> {
    let mut at = 0;
    marks
        .iter()
        .map(|&(needle, cat)| {
            let i = text[at..].find(needle).unwrap_or_else(|| panic!("{needle:?} not in text after {at}")) + at;
            at = i + needle.len();
            Span::new(i, i + needle.len(), cat, 0.9, "test", "test")
        })
        .collect()
}

fn plan(ops: &[(Category, Operator)]) -> Plan {
    let mut p = Plan::new(SECRET);
    for &(c, o) in ops {
        assert!(p.set(c, o), "{o:?} should be offered for {c}");
    }
    p
}

#[test]
fn tags_replace_required_spans_only() {
    let text = "Ana, 58, ana@x.org";
    let spans = vec![
        Span::new(0, 3, Category::Name, 0.9, "t", "t"),
        Span::new(5, 7, Category::Age, 0.9, "t", "t"),
        Span::new(9, 18, Category::Email, 1.0, "t", "t"),
    ];
    assert_eq!(redact_with_tags(text, &spans), "[NAME], 58, [EMAIL]");
    assert_eq!(apply(text, &spans, &Plan::new(SECRET)).text, "[NAME], 58, [EMAIL]");
}

#[test]
fn operators_table() {
    // text, marks, operators, expected final text
    type Row<'a> = (&'a str, &'a [(&'a str, Category)], &'a [(Category, Operator)], &'a str);
    let rows: &[Row] = &[
        // defaults: tags, ages over 89 generalized, optional categories kept
        ("Ana, 94, nurse, 3/14", &[("Ana", Name), ("94", Age90), ("nurse", Profession), ("3/14", Date)], &[], "[NAME], 90 or older, nurse, [DATE]"),
        ("a 94-year-old man", &[("94-year-old", Age90)], &[], "a 90-or-older man"),
        ("Call Ana", &[("Ana", Name)], &[(Name, Operator::Mask)], "Call ████"),
        ("Call Ana", &[("Ana", Name)], &[(Name, Operator::MaskLength)], "Call ███"),
        ("Call José", &[("José", Name)], &[(Name, Operator::MaskLength)], "Call ████"),
        ("seen 2001 by nurse", &[("2001", Year), ("nurse", Profession)], &[(Year, Operator::Tag)], "seen [YEAR] by nurse"),
        // pseudonyms: the same person, the same number
        (
            "Rosa came in. Rosa Alvarez signed; Mrs. Alvarez's son Tom. R.A. left.",
            &[("Rosa", Name), ("Rosa Alvarez", Name), ("Mrs. Alvarez's", Name), ("Tom", Name), ("R.A.", Name)],
            &[(Name, Operator::Pseudonym)],
            "[PATIENT-1] came in. [PATIENT-1] signed; [PATIENT-1]'s son [PATIENT-2]. [PATIENT-1] left.",
        ),
        (
            "Dr. Brandt saw Ann Lee; Brandt called Lee.",
            &[("Dr. Brandt", Name), ("Ann Lee", Name), ("Brandt", Name), ("Lee", Name)],
            &[(Name, Operator::Pseudonym)],
            "[CLINICIAN-1] saw [PATIENT-1]; [CLINICIAN-1] called [PATIENT-1].",
        ),
        (
            "Boston, then Salem, then boston; 617-555-0101 or (617) 555 0101",
            &[("Boston", Location), ("Salem", Location), ("boston", Location), ("617-555-0101", Phone), ("(617) 555 0101", Phone)],
            &[(Location, Operator::Pseudonym), (Phone, Operator::Pseudonym)],
            "[PLACE-1], then [PLACE-2], then [PLACE-1]; [PHONE-1] or [PHONE-1]",
        ),
        (
            "3/14/2024 and March 14, 2024 and 3/15/2024",
            &[("3/14/2024", Date), ("March 14, 2024", Date), ("3/15/2024", Date)],
            &[(Date, Operator::Pseudonym)],
            "[DATE-1] and [DATE-1] and [DATE-2]",
        ),
        // generalization
        ("ZIP 02139-4307.", &[("02139-4307", Location)], &[(Location, Operator::Generalize)], "ZIP 02100."),
        ("ZIP 03601.", &[("03601", Location)], &[(Location, Operator::Generalize)], "ZIP [ZIP]."),
        ("in Boston", &[("Boston", Location)], &[(Location, Operator::Generalize)], "in [LOCATION]"),
        ("on 3/14/2024, 14-Mar-17 and 3/14", &[("3/14/2024", Date), ("14-Mar-17", Date), ("3/14", Date)], &[(Date, Operator::Generalize)], "on 2024, 2017 and [DATE]"),
        ("on March 14, 2024 and 3/14/24", &[("March 14, 2024", Date), ("3/14/24", Date)], &[(Date, Operator::MonthYear)], "on March 2024 and 3/2024"),
        // a finding's final dot that also ends the sentence is kept after a label
        ("said LUIS A. She left. R.A. signed. Ask R.A.", &[("LUIS A.", Name), ("R.A.", Name), ("R.A.", Name)], &[], "said [NAME]. She left. [NAME] signed. Ask [NAME]."),
        // a surrogate with nothing to replace falls back to the tag
        ("ask 42 or -", &[("42", Name), ("-", Id)], &[(Name, Operator::Surrogate), (Id, Operator::Surrogate)], "ask [NAME] or [ID]"),
        // a date that cannot be shifted falls back to the tag
        ("on Christmas Eve", &[("Christmas Eve", Date)], &[(Date, Operator::DateShift)], "on [DATE]"),
    ];
    for &(text, marks, ops, want) in rows {
        let out = apply(text, &spans(text, marks), &plan(ops));
        assert_eq!(out.text, want, "{text:?} with {ops:?}");
    }
}

#[test]
fn date_shift_keeps_intervals_and_formats() {
    let text = "Admitted 3/14/2024, seen again March 28, 2024, discharged 2024-04-11, follow-up 09-May-2024.";
    let marks = [("3/14/2024", Date), ("March 28, 2024", Date), ("2024-04-11", Date), ("09-May-2024", Date)];
    let out = apply(text, &spans(text, &marks), &plan(&[(Date, Operator::DateShift)]));
    assert_eq!(out.log.len(), 4);
    let shifted: Vec<&str> = out.log.iter().map(|r| &out.text[r.start..r.end]).collect();
    let days: Vec<i64> = shifted.iter().map(|s| WrittenDate::parse(s).expect("a date").day_number()).collect();
    let orig: Vec<i64> = marks.iter().map(|(s, _)| WrittenDate::parse(s).unwrap().day_number()).collect();
    let shift = Plan::new(SECRET).date_shift_days();
    assert!(shift != 0 && shift % 7 == 0 && (28..=364).contains(&shift.abs()), "shift {shift}");
    for i in 0..4 {
        assert_eq!(days[i] - orig[i], shift, "{} -> {}", marks[i].0, shifted[i]);
        assert_ne!(shifted[i], marks[i].0);
    }
    // Same formats as written.
    assert!(shifted[0].split('/').count() == 3 && shifted[0].len() >= 8);
    assert!(shifted[1].contains(", 20"));
    assert!(shifted[2].len() == 10 && shifted[2].as_bytes()[4] == b'-');
    assert!(shifted[3].len() == 11 && shifted[3].as_bytes()[2] == b'-');
    // Another secret gives another shift (with these two secrets).
    assert_ne!(Plan::new([1; 32]).date_shift_days(), shift);
}

#[test]
fn surrogate_names_are_consistent_and_never_original() {
    let text = "Rosa Alvarez came with Carlos Alvarez. Rosa slept; Mrs. Alvarez woke at 6. ALVAREZ, ROSA signed. R.A.";
    let marks = [
        ("Rosa Alvarez", Name),
        ("Carlos Alvarez", Name),
        ("Rosa", Name),
        ("Mrs. Alvarez", Name),
        ("ALVAREZ, ROSA", Name),
        ("R.A.", Name),
    ];
    let sp = spans(text, &marks);
    let out = apply(text, &sp, &plan(&[(Name, Operator::Surrogate)]));
    let got: Vec<&str> = out.log.iter().map(|r| &out.text[r.start..r.end]).collect();
    for g in &got {
        assert!(!g.contains("Rosa") && !g.contains("Alvarez") && !g.contains("ROSA") && !g.contains("Carlos"), "{g}");
    }
    let (first, surname) = got[0].split_once(' ').unwrap();
    let (c_first, c_surname) = got[1].split_once(' ').unwrap();
    assert_ne!(first, c_first, "two people, two given names");
    assert_ne!(surname, c_surname, "two people, two surnames (the grouping does not know they are kin)");
    assert_eq!(got[2], first);
    assert_eq!(got[3], format!("Mrs. {surname}"));
    assert_eq!(got[4], format!("{}, {}", surname.to_uppercase(), first.to_uppercase()));
    let initials: String = [first, surname].iter().flat_map(|w| [w.chars().next().unwrap(), '.']).collect();
    assert_eq!(got[5], initials);
    assert!(!first.starts_with('R') && !surname.starts_with('A'), "the real initials are not reused: {initials}");
    // Deterministic from the secret, different under another secret.
    assert_eq!(apply(text, &sp, &plan(&[(Name, Operator::Surrogate)])), out);
    let mut other = plan(&[(Name, Operator::Surrogate)]);
    other.secret = [9; 32];
    assert_ne!(apply(text, &sp, &other).text, out.text);
}

#[test]
fn surrogates_of_other_categories_keep_shape() {
    let text = "MRN 00731946, call (505) 555-0148 or 505-555-0148, mail rc@bellhaven.org, SSN 078-05-1120, MRN 00731946.";
    let marks = [("00731946", Mrn), ("(505) 555-0148", Phone), ("505-555-0148", Phone), ("rc@bellhaven.org", Email), ("078-05-1120", Ssn), ("00731946", Mrn)];
    let out = apply(text, &spans(text, &marks), &plan(&[(Mrn, Operator::Surrogate), (Phone, Operator::Surrogate), (Email, Operator::Surrogate), (Ssn, Operator::Surrogate)]));
    let got: Vec<&str> = out.log.iter().map(|r| &out.text[r.start..r.end]).collect();
    assert!(got[0].len() == 8 && got[0].bytes().all(|b| b.is_ascii_digit()) && got[0] != "00731946");
    assert_eq!(got[0], got[5], "the same MRN gets the same surrogate");
    assert!(got[1].starts_with("(555) 555-01"), "{}", got[1]);
    assert_eq!(&got[1][1..4], &got[2][..3]);
    assert_eq!(&got[1][10..], &got[2][8..], "the same number written twice stays the same");
    assert!(got[3].ends_with("@example.org"));
    assert!(got[4].starts_with("000-"));
    for (orig, _) in marks {
        assert!(!out.text.contains(orig), "{orig} leaked into {}", out.text);
    }
}

#[test]
fn overlapping_and_unsorted_spans_never_leak() {
    let text = "Rosa Alvarez-Ochoa lives at 12 Elm St";
    let sp = vec![
        Span::new(28, 37, Location, 0.9, "t", "t"),
        Span::new(0, 12, Name, 0.6, "t", "t"),
        Span::new(5, 18, Name, 0.8, "t", "t"),
        Span::new(31, 34, Profession, 0.9, "t", "t"),
        Span::new(30, 80, Location, 0.9, "t", "t"), // runs past the end: clamped
        Span::new(usize::MAX - 1, usize::MAX, Name, 0.9, "t", "t"), // nonsense: dropped
    ];
    let out = apply(text, &sp, &Plan::new(SECRET));
    assert_eq!(out.text, "[NAME] lives at [LOCATION]");
    assert_eq!(out.log.len(), 2);
}

#[test]
fn unicode_offsets_and_log() {
    let text = "Zoë 😀 Łukasz Żółć, 3/14/2024 ✓";
    let marks = [("Łukasz Żółć", Name), ("3/14/2024", Date)];
    let mut sp = spans(text, &marks);
    // A manual selection that lands inside a multi-byte character is widened to whole characters.
    sp.push(Span::new(0, 3, Name, 0.9, "manual", "selected by hand"));
    let out = apply(text, &sp, &plan(&[(Name, Operator::MaskLength)]));
    assert_eq!(out.text, "███ 😀 ███████████, [DATE] ✓");
    for r in &out.log {
        assert!(out.text.is_char_boundary(r.start) && out.text.is_char_boundary(r.end));
    }
    assert_eq!(out.log_in_chars(), vec![(0, 3), (6, 17), (19, 25)]);
    let chars: Vec<char> = out.text.chars().collect();
    assert_eq!(chars[19..25].iter().collect::<String>(), "[DATE]");
}

#[test]
fn log_points_at_replacements_only() {
    let text = "Ana Ruiz (ana@x.org) on 3/14/2024 at 617-555-0101.";
    let marks = [("Ana Ruiz", Name), ("ana@x.org", Email), ("3/14/2024", Date), ("617-555-0101", Phone)];
    for op in [Operator::Tag, Operator::Pseudonym, Operator::Mask] {
        let mut p = Plan::new(SECRET);
        for (_, c) in marks {
            p.set(c, op);
        }
        let out = apply(text, &spans(text, &marks), &p);
        assert_eq!(out.log.len(), 4);
        let mut prev = 0;
        for (r, (orig, cat)) in out.log.iter().zip(marks) {
            assert_eq!(r.category, cat);
            assert_eq!(r.operator, op);
            assert!(r.start >= prev && r.end > r.start);
            prev = r.end;
            assert!(!out.text.contains(orig));
        }
        // The text between replacements is the original text between findings.
        assert!(out.text.contains(" on ") && out.text.ends_with('.'));
    }
}

#[test]
fn plan_rejects_operators_not_offered() {
    let mut p = Plan::new(SECRET);
    // category, operator, offered?
    let rows = [
        (Name, Operator::Keep, false),
        (Name, Operator::DateShift, false),
        (Ssn, Operator::Generalize, false),
        (Date, Operator::MonthYear, true),
        (Age90, Operator::Tag, true),
        (Profession, Operator::Tag, true),
        (Location, Operator::Generalize, true),
    ];
    for (c, o, ok) in rows {
        assert_eq!(p.set(c, o), ok, "{o:?} for {c}");
    }
    // A hand-edited plan with an operator not offered reads as the tag: nothing leaks.
    p.operators.insert(Name, Operator::Keep);
    assert_eq!(p.operator(Name), Operator::Tag);
    assert!(Operator::MonthYear.warning(Date).is_some_and(|w| w.contains("Safe Harbor")));
    assert_eq!(Operator::Tag.warning(Date), None);
    for o in Operator::ALL {
        assert_eq!(Operator::parse(o.as_str()), Some(o));
        // The log's operator names and the saved settings agree (snake_case, as the package schema).
        assert_eq!(serde_json::to_string(&o).unwrap(), format!("\"{}\"", o.as_str()));
    }
    assert_eq!(Operator::DateShift.as_str(), "date_shift");
}

#[test]
fn generalize_rules() {
    // ZIP text, generalized
    let rows = [
        ("02139", Some("02100")),
        ("02139-4307", Some("02100")),
        ("03601", Some("[ZIP]")),
        ("89301", Some("[ZIP]")),
        ("0213", None),
        ("02139x", None),
        ("Elm St", None),
    ];
    for (zip, want) in rows {
        assert_eq!(generalize_zip(zip).as_deref(), want, "{zip}");
    }
    for z in RESTRICTED_ZIP3 {
        assert_eq!(generalize_zip(&format!("{z}42")).as_deref(), Some("[ZIP]"));
    }
    assert_eq!(generalize_age90("98"), "90 or older");
    assert_eq!(generalize_age90("94yo"), "90 or older");
    assert_eq!(generalize_age90("92-year-old"), "90-or-older");
}

/// Random texts (with multi-byte characters) and random, overlapping, unsorted, out-of-range
/// spans under every operator: no panic, log ranges on character boundaries and in order, and
/// the text between replacements is exactly the original text between the (merged) findings.
/// (300 rounds, every operator, from a fixed seed.)
#[test]
fn random_spans_never_panic_or_corrupt() {
    let pieces = ["Rosa ", "Alvarez", "LUIS A.", " She", " 3/14/2024", " é", "😀", " Łódź ", "02139", " (617) 555-0142", ", ", "Dr. ", "Mrs. ", "x@y.org", "\n"];
    let cats = [Name, Date, Location, Phone, Email, Age90, Profession, Id, Organization];
    let mut rng = surrogate::Rng::new(&SECRET, "fuzz", "");
    for round in 0..300 {
        let text: String = (0..rng.below(12) + 1).map(|_| pieces[rng.below(pieces.len() as u64) as usize]).collect();
        let n = text.len() as u64 + 3;
        let spans: Vec<Span> = (0..rng.below(6))
            .map(|_| {
                let a = rng.below(n) as usize;
                let b = a + rng.below(12) as usize;
                Span::new(a, b, cats[rng.below(cats.len() as u64) as usize], 0.5, "fuzz", "fuzz")
            })
            .collect();
        let op = Operator::ALL[round % Operator::ALL.len()];
        let mut plan = Plan::new([round as u8; 32]);
        for c in Category::ALL {
            plan.set(c, op);
        }
        let out = apply(&text, &spans, &plan);
        let merged = prepare(&text, &spans);
        let replaced: Vec<&Span> = merged.iter().filter(|s| plan.operator(s.category) != Operator::Keep).collect();
        assert_eq!(out.log.len(), replaced.len(), "{text:?} {spans:?}");
        let (mut at_in, mut at_out) = (0, 0);
        for (r, s) in out.log.iter().zip(&replaced) {
            assert!(r.start >= at_out && r.end >= r.start, "order in {text:?}");
            assert!(out.text.is_char_boundary(r.start) && out.text.is_char_boundary(r.end));
            // Between replacements, the original text (kept spans included) is copied unchanged,
            // after the dot kept when a finding's last dot ended a sentence.
            let between = &out.text[at_out..r.start];
            let original = &text[at_in..s.start];
            let kept_dot = text[..at_in].ends_with('.') && between.strip_prefix('.') == Some(original);
            assert!(between == original || kept_dot, "{between:?} vs {original:?} in {text:?} {spans:?}");
            at_in = s.end;
            at_out = r.end;
        }
        let tail = &text[at_in..];
        assert!(out.text.ends_with(tail), "tail of {text:?}");
    }
}
