//! Table-driven tests of the whole name pipeline: names of every origin, and the traps.

use crate::engine::{default_engine, Category};

/// The text of every NAME, LOCATION or ORGANIZATION span found in `text`.
fn found(text: &str) -> Vec<&str> {
    default_engine()
        .scan(text)
        .into_iter()
        .filter(|s| matches!(s.category, Category::Name | Category::Location | Category::Organization))
        .map(|s| &text[s.start..s.end])
        .collect()
}

/// Asserts that every listed name is covered by some span.
fn assert_covered(text: &str, names: &[&str]) {
    let spans = default_engine().scan(text);
    for name in names {
        let s = text.find(name).unwrap_or_else(|| panic!("{name} not in {text}"));
        let e = s + name.len();
        let covered = text[s..e].char_indices().filter(|(_, c)| c.is_alphanumeric()).all(|(i, _)| spans.iter().any(|sp| sp.start <= s + i && s + i < sp.end));
        assert!(covered, "{name:?} leaked in {text:?}; found {:?}", found(text));
    }
}

#[test]
fn names_of_every_origin() {
    // (origin, sentence, names that must be covered). All names synthetic combinations.
    let rows: &[(&str, &str, &[&str])] = &[
        ("Yoruba", "My neighbour Oluwaseun Adeyemi drove me to the clinic.", &["Oluwaseun Adeyemi"]),
        ("Igbo", "Nnamdi Okafor, her nephew, stayed the night.", &["Nnamdi Okafor"]),
        ("Zulu", "Her daughter Thandiwe Dlamini translated for us.", &["Thandiwe Dlamini"]),
        ("Akan", "I am writing about Kwame Asante, who was discharged too early.", &["Kwame Asante"]),
        ("Somali", "Hodan Abdi Warsame brought her son Abdirahman to every visit.", &["Hodan Abdi Warsame", "Abdirahman"]),
        ("Turkish", "Dr. Mehmet Yılmaz explained the scan to Ayşe Öztürk.", &["Mehmet Yılmaz", "Ayşe Öztürk"]),
        ("Vietnamese", "Nguyen Thi Lan lives with her grandson Bao.", &["Nguyen Thi Lan", "Bao"]),
        ("Chinese", "Her husband Wei Zhang asked for an interpreter.", &["Wei Zhang"]),
        ("Korean", "Mrs. Park Sung-ho and her daughter Min-jung arrived.", &["Park Sung-ho", "Min-jung"]),
        ("Indian", "Venkataraman Subramaniam and his wife Lakshmi were there.", &["Venkataraman Subramaniam", "Lakshmi"]),
        ("Arabic", "Her brother Yusuf al-Rashid signed the form.", &["Yusuf al-Rashid"]),
        ("Hispanic", "We called Joaquín Alvarez Mejía and his sister Daniela.", &["Joaquín Alvarez Mejía", "Daniela"]),
        ("Slavic", "Agnieszka Zielińska, the patient's niece, called.", &["Agnieszka Zielińska"]),
        ("Irish", "Siobhán O'Brien-Tremblay and Padraig were at the bedside.", &["Siobhán O'Brien-Tremblay", "Padraig"]),
        ("Dutch", "Dr. van Leeuwen saw him at noon.", &["van Leeuwen"]),
        ("unlisted", "Her son Tafadzwa Xolelwa came.", &["Tafadzwa Xolelwa"]),
        ("caps", "SPOKE WITH DAUGHTER PHILOMENA FOR CONSENT. DR KINN AWARE.", &["PHILOMENA", "KINN"]),
        ("lowercase", "pt's son bill called. dr healey in to talk w/pt.", &["bill", "healey"]),
        ("signature", "Resting comfortably.\nDAN A. FORMAN-LYONS, RRT", &["DAN A. FORMAN-LYONS"]),
        ("last-first", "Patient: ALVAREZ, ROSA M\nSeen today.", &["ALVAREZ, ROSA M"]),
        ("handle", "Follow @drcastellanos for updates.", &["@drcastellanos"]),
    ];
    for (origin, text, names) in rows {
        eprintln!("{origin}");
        assert_covered(text, names);
    }
}

#[test]
fn traps_stay_unflagged() {
    let rows: &[&str] = &[
        "She was diagnosed with Parkinson's disease in 2019.",
        "A Foley catheter was placed and Apgar scores were normal.",
        "He developed Bell's palsy after the infection.",
        "The Whipple procedure went well; Cheyne-Stokes respirations noted.",
        "She takes Lasix and Coumadin every morning.",
        "Medicare and Medicaid cover it; the CDC and the VA were informed; the NHS too.",
        "We met in May and again on Sunday in June.",
        "It was a moment of grace, and the price was high.",
        "pt resting in bed, no distress, small amount of blood noted.",
        "The hospital called and she went to the ICU.",
    ];
    for text in rows {
        assert_eq!(found(text), Vec::<&str>::new(), "{text}");
    }
}
