//! The evaluation floor: `storysafe scan`, scored on both development corpora by the project's
//! scorer (`../shared/eval/score.py`), must not lose ground.
//!
//! Each row of [`FLOORS`] is a number reached when it was written: overall recall and precision,
//! and how many identifiers of each category are caught (every letter and digit covered). A
//! change that catches fewer of any category, or adds false positives, fails here with the
//! scorer's summary, so the cause can be looked up with
//! `python3 ../shared/eval/score.py CORPUS --cmd "target/release/storysafe scan" --leaks 40 --fps 40`.
//! When a change gains ground, raise the floors to the new figures.
//!
//! The corpora live outside the crate (`../shared/eval/` next to the checkout; CI provides it).
//! Without them this test fails with a message saying so rather than passing silently.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::io::Write;
use std::process::{Command, Stdio};

/// The floors of one corpus.
struct Floor {
    /// File name in `../shared/eval/`.
    corpus: &'static str,
    /// Share of identifiers fully caught.
    recall: f64,
    /// Share of (non-optional) detections that overlap a gold identifier.
    precision: f64,
    /// Minimum identifiers caught, per category.
    caught: &'static [(&'static str, u32)],
}

const FLOORS: &[Floor] = &[
    Floor {
        corpus: "physionet-dev.jsonl",
        recall: 0.9907,
        precision: 0.9781,
        caught: &[("AGE90", 4), ("DATE", 279), ("ID", 2), ("LOCATION", 196), ("NAME", 455), ("PHONE", 25)],
    },
    Floor {
        corpus: "stories-dev.jsonl",
        recall: 0.9928,
        precision: 0.9838,
        caught: &[
            ("ACCOUNT", 3),
            ("AGE90", 4),
            ("DATE", 36),
            ("DEVICE", 2),
            ("EMAIL", 5),
            ("FAX", 2),
            ("HEALTHPLAN", 6),
            ("ID", 9),
            ("IP", 2),
            ("LICENSE", 5),
            ("LOCATION", 42),
            ("MRN", 4),
            ("NAME", 236),
            ("ORGANIZATION", 37),
            ("PHONE", 12),
            ("SSN", 2),
            ("URL", 4),
            ("VEHICLE", 2),
        ],
    },
];

/// Floors on the held-out corpora in `tests/corpora/` (invented notes and stories written before
/// the rules were tuned on them, by `tests/corpora/make_heldout.py` and `make_unseen.py`): what the
/// engine reached on text written apart from the development sets. Same check, same scorer.
const HELDOUT_FLOORS: &[Floor] = &[
    Floor {
        corpus: "heldout-notes.jsonl",
        recall: 0.9744,
        precision: 0.9931,
        caught: &[("AGE90", 5), ("DATE", 24), ("EMAIL", 1), ("ID", 1), ("LOCATION", 59), ("MRN", 3), ("NAME", 249), ("ORGANIZATION", 48), ("PHONE", 29)],
    },
    Floor {
        corpus: "heldout-stories.jsonl",
        recall: 0.9664,
        precision: 0.9742,
        caught: &[
            ("ACCOUNT", 1),
            ("AGE90", 12),
            ("DATE", 14),
            ("DEVICE", 1),
            ("EMAIL", 8),
            ("FAX", 1),
            ("ID", 1),
            ("LOCATION", 56),
            ("MRN", 1),
            ("NAME", 197),
            ("ORGANIZATION", 72),
            ("PHONE", 6),
            ("URL", 4),
        ],
    },
    // written by an engineer who never read the rules, and scored once before any fix (recall
    // 0.846 notes, 0.780 stories; tests/corpora/make_unseen.py): the honest figure for text
    // nobody tuned on. Since then: a chat transcript's speaker labels, congregations named head-first,
    // and more business head nouns (Trucking, Diner, Casino); then kinds of misses the blind
    // corpora showed (business heads in notes without case, shortened hospital and school names,
    // "Holy ___" parishes, hashtags, quoted nicknames) and their structured identifiers (dash
    // dates after admission words, spelled ages over 89, extensions, trauma aliases, bare "id").
    Floor {
        corpus: "unseen-notes.jsonl",
        recall: 0.9673,
        precision: 0.9954,
        caught: &[("AGE90", 6), ("DATE", 13), ("DEVICE", 1), ("EMAIL", 1), ("FAX", 1), ("ID", 5), ("LOCATION", 25), ("MRN", 1), ("NAME", 116), ("ORGANIZATION", 23), ("PHONE", 14), ("VEHICLE", 1)],
    },
    Floor {
        corpus: "unseen-stories.jsonl",
        recall: 0.9597,
        precision: 0.9812,
        caught: &[("AGE90", 9), ("DATE", 40), ("DEVICE", 1), ("EMAIL", 5), ("ID", 4), ("LOCATION", 52), ("MRN", 2), ("NAME", 190), ("ORGANIZATION", 40), ("PHONE", 11), ("URL", 3)],
    },
    // the blind corpora (tests/corpora/make_blind.py), scored once before any fix: recall 0.818
    // notes, 0.844 stories. The fixes since are rules for kinds of misses, never their strings.
    Floor {
        corpus: "blind-notes.jsonl",
        recall: 0.9786,
        precision: 0.9928,
        caught: &[("ACCOUNT", 1), ("AGE90", 3), ("DATE", 24), ("DEVICE", 1), ("EMAIL", 1), ("FAX", 1), ("ID", 5), ("LOCATION", 35), ("MRN", 0), ("NAME", 140), ("ORGANIZATION", 45), ("PHONE", 17), ("VEHICLE", 1)],
    },
    Floor {
        corpus: "blind-stories.jsonl",
        recall: 0.9579,
        precision: 0.9898,
        caught: &[("AGE90", 8), ("DATE", 32), ("DEVICE", 1), ("EMAIL", 3), ("LOCATION", 65), ("MRN", 1), ("NAME", 204), ("ORGANIZATION", 64), ("PHONE", 7), ("URL", 2)],
    },
    // the second blind round (tests/corpora/make_blind2.py, a different writer, new settings),
    // scored once before any fix: recall 0.883 notes, 0.840 stories.
    Floor {
        corpus: "blind2-notes.jsonl",
        recall: 0.9861,
        precision: 0.9887,
        caught: &[("ACCOUNT", 1), ("AGE90", 7), ("DATE", 34), ("EMAIL", 1), ("FAX", 4), ("HEALTHPLAN", 2), ("ID", 3), ("LOCATION", 44), ("MRN", 4), ("NAME", 172), ("ORGANIZATION", 64), ("PHONE", 18)],
    },
    Floor {
        corpus: "blind2-stories.jsonl",
        recall: 0.9655,
        precision: 0.9704,
        caught: &[("ACCOUNT", 1), ("AGE90", 7), ("DATE", 34), ("EMAIL", 3), ("FAX", 1), ("HEALTHPLAN", 1), ("ID", 5), ("LICENSE", 1), ("LOCATION", 64), ("NAME", 205), ("ORGANIZATION", 66), ("PHONE", 3), ("URL", 1)],
    },
    // the third blind round (tests/corpora/make_blind3.py), written after blind2's fixes had landed
    // and scored once with them: recall 0.873 notes, 0.873 stories (not yet tuned on).
    Floor {
        corpus: "blind3-notes.jsonl",
        recall: 0.9446,
        precision: 0.9933,
        caught: &[("ACCOUNT", 1), ("AGE90", 5), ("DATE", 31), ("DEVICE", 1), ("EMAIL", 1), ("FAX", 2), ("HEALTHPLAN", 2), ("ID", 5), ("LICENSE", 1), ("LOCATION", 37), ("MRN", 1), ("NAME", 144), ("ORGANIZATION", 37), ("PHONE", 20), ("SSN", 1), ("VEHICLE", 1)],
    },
    Floor {
        corpus: "blind3-stories.jsonl",
        recall: 0.9385,
        precision: 0.9723,
        caught: &[("AGE90", 4), ("DATE", 25), ("EMAIL", 3), ("ID", 1), ("LICENSE", 1), ("LOCATION", 40), ("NAME", 128), ("ORGANIZATION", 38), ("PHONE", 2), ("URL", 2)],
    },
    // the fourth blind round (tests/corpora/make_blind4.py), scored once with commit 84b0704:
    // recall 0.917 notes, 0.873 stories (not yet tuned on).
    Floor {
        corpus: "blind4-notes.jsonl",
        recall: 0.9733,
        precision: 0.9937,
        caught: &[("ACCOUNT", 1), ("AGE90", 3), ("DATE", 31), ("FAX", 1), ("HEALTHPLAN", 1), ("ID", 7), ("LICENSE", 2), ("LOCATION", 40), ("MRN", 2), ("NAME", 204), ("ORGANIZATION", 52), ("PHONE", 21), ("VEHICLE", 0)],
    },
    Floor {
        corpus: "blind4-stories.jsonl",
        recall: 0.9577,
        precision: 0.973,
        caught: &[("AGE90", 5), ("DATE", 23), ("EMAIL", 4), ("ID", 1), ("LOCATION", 40), ("NAME", 136), ("ORGANIZATION", 37), ("PHONE", 2), ("URL", 1)],
    },
    // the fifth blind round (tests/corpora/make_blind5.py), scored once with commit c3f4168:
    // recall 0.917 notes, 0.875 stories (not yet tuned on).
    Floor {
        corpus: "blind5-notes.jsonl",
        recall: 0.9654,
        precision: 0.9754,
        caught: &[("ACCOUNT", 1), ("AGE90", 6), ("DATE", 28), ("EMAIL", 1), ("HEALTHPLAN", 1), ("ID", 5), ("LOCATION", 34), ("MRN", 3), ("NAME", 154), ("ORGANIZATION", 37), ("PHONE", 9)],
    },
    Floor {
        corpus: "blind5-stories.jsonl",
        recall: 0.9225,
        precision: 0.9729,
        caught: &[("AGE90", 6), ("DATE", 31), ("EMAIL", 2), ("ID", 1), ("LOCATION", 40), ("MRN", 1), ("NAME", 124), ("ORGANIZATION", 42), ("PHONE", 3)],
    },
    // the sixth blind round (tests/corpora/make_blind6.py), scored once with commit 574d1cf:
    // recall 0.872 notes, 0.906 stories (not yet tuned on).
    Floor {
        corpus: "blind6-notes.jsonl",
        recall: 0.9345,
        precision: 0.9715,
        caught: &[("ACCOUNT", 1), ("AGE90", 2), ("DATE", 32), ("DEVICE", 1), ("EMAIL", 4), ("FAX", 3), ("HEALTHPLAN", 1), ("ID", 6), ("LOCATION", 39), ("MRN", 2), ("NAME", 134), ("ORGANIZATION", 30), ("PHONE", 15), ("URL", 1), ("VEHICLE", 0)],
    },
    Floor {
        corpus: "blind6-stories.jsonl",
        recall: 0.9597,
        precision: 0.96,
        caught: &[("ACCOUNT", 1), ("AGE90", 7), ("DATE", 31), ("EMAIL", 3), ("LOCATION", 44), ("MRN", 0), ("NAME", 163), ("ORGANIZATION", 33), ("PHONE", 3), ("URL", 1)],
    },
    // the seventh blind round (tests/corpora/make_blind7.py), scored once with commit be6e416:
    // recall 0.911 notes, 0.898 stories (not yet tuned on).
    Floor {
        corpus: "blind7-notes.jsonl",
        recall: 0.9363,
        precision: 0.9804,
        caught: &[("ACCOUNT", 1), ("AGE90", 2), ("DATE", 21), ("EMAIL", 1), ("FAX", 1), ("ID", 2), ("LOCATION", 21), ("MRN", 2), ("NAME", 78), ("ORGANIZATION", 11), ("PHONE", 7)],
    },
    Floor {
        corpus: "blind7-stories.jsonl",
        recall: 0.9175,
        precision: 0.942,
        caught: &[("AGE90", 5), ("DATE", 21), ("EMAIL", 3), ("LOCATION", 26), ("NAME", 100), ("ORGANIZATION", 27), ("PHONE", 5), ("URL", 2)],
    },
];

fn eval_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval")
}

/// Runs the scorer on one development corpus and returns its summary (the last line it prints).
fn score(corpus: &str) -> serde_json::Value {
    score_gold(&eval_dir().join(corpus))
}

/// Runs the scorer on a gold file anywhere (the held-out corpora live in the crate).
fn score_gold(gold: &std::path::Path) -> serde_json::Value {
    let dir = eval_dir();
    let scorer = dir.join("score.py");
    let corpus = gold.file_name().and_then(|f| f.to_str()).unwrap_or_default();
    assert!(
        scorer.is_file() && gold.is_file(),
        "the evaluation corpora are missing: expected {} and {} (the shared eval folder sits next to \
         the checkout, as in CI); this test cannot pass without them",
        scorer.display(),
        gold.display()
    );
    let cmd = format!("\"{}\" scan", env!("CARGO_BIN_EXE_storysafe"));
    let out = Command::new("python3")
        .arg(&scorer)
        .arg(gold)
        .arg("--cmd")
        .arg(&cmd)
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 (needed for the scorer): {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "scorer failed on {corpus} ({}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let last = stdout.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("scorer summary is not JSON ({e}): {last}"))
}

/// `"caught/total"` -> caught.
fn caught_of(by_type: &serde_json::Value, category: &str) -> u32 {
    by_type[category]
        .as_str()
        .and_then(|s| s.split('/').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The floors a summary falls below, one message each (empty when it holds them all).
fn shortfalls(floor: &Floor, summary: &serde_json::Value) -> Vec<String> {
    let mut short = Vec::new();
    for (what, min) in [("recall", floor.recall), ("precision", floor.precision)] {
        let got = summary[what].as_f64().unwrap_or(0.0);
        if got + 1e-9 < min {
            short.push(format!("{what} {got} < floor {min}"));
        }
    }
    for &(category, min) in floor.caught {
        let got = caught_of(&summary["by_type"], category);
        if got < min {
            short.push(format!("{category} caught {got} < floor {min}"));
        }
    }
    short
}

#[test]
fn floors_hold_on_dev_corpora() {
    let mut failures = Vec::new();
    for floor in FLOORS {
        let summary = score(floor.corpus);
        eprintln!("{}: {summary}", floor.corpus);
        let short = shortfalls(floor, &summary);
        if !short.is_empty() {
            failures.push(format!("{}: {}\n  summary: {summary}", floor.corpus, short.join("; ")));
        }
    }
    assert!(failures.is_empty(), "evaluation lost ground:\n{}", failures.join("\n"));
}

#[test]
fn floors_hold_on_heldout_corpora() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpora");
    let mut failures = Vec::new();
    for floor in HELDOUT_FLOORS {
        let summary = score_gold(&dir.join(floor.corpus));
        eprintln!("{}: {summary}", floor.corpus);
        let short = shortfalls(floor, &summary);
        if !short.is_empty() {
            failures.push(format!("{}: {}\n  summary: {summary}", floor.corpus, short.join("; ")));
        }
    }
    assert!(failures.is_empty(), "evaluation on the held-out corpora lost ground:\n{}", failures.join("\n"));
}

/// The floor check itself: a summary one identifier short of any floor fails it.
#[test]
fn shortfalls_table() {
    let floor = &FLOORS[1];
    let at_floor = serde_json::json!({
        "recall": floor.recall,
        "precision": floor.precision,
        "by_type": floor.caught.iter().map(|&(c, n)| (c.to_string(), serde_json::json!(format!("{n}/{n}")))).collect::<serde_json::Map<_, _>>(),
    });
    // (change to the at-floor summary, shortfalls expected)
    let rows: &[(&str, serde_json::Value, usize)] = &[
        ("nothing", serde_json::json!({}), 0),
        ("recall lower", serde_json::json!({"recall": floor.recall - 0.001}), 1),
        ("precision lower", serde_json::json!({"precision": floor.precision - 0.01}), 1),
        ("one date fewer", serde_json::json!({"by_type": {"DATE": "35/36"}}), 1),
        ("category missing", serde_json::json!({"by_type": {"EMAIL": null}}), 1),
        ("more caught", serde_json::json!({"recall": floor.recall + 0.01, "by_type": {"DATE": "40/40"}}), 0),
    ];
    for (what, change, want) in rows {
        let mut summary = at_floor.clone();
        for (k, v) in change.as_object().unwrap() {
            if k == "by_type" {
                for (c, n) in v.as_object().unwrap() {
                    summary["by_type"][c] = n.clone();
                }
            } else {
                summary[k] = v.clone();
            }
        }
        assert_eq!(shortfalls(floor, &summary).len(), *want, "{what}: {:?}", shortfalls(floor, &summary));
    }
}

/// `storysafe scan` splits its input into blocks scanned by several threads: the output must
/// still follow the input, line for line, whatever block finishes first.
#[test]
fn scan_output_follows_input_order() {
    let mut input = String::new();
    for i in 0..300 {
        // texts of very different lengths, so that blocks finish out of order
        let filler = "The night was quiet. ".repeat(if i % 7 == 0 { 200 } else { 1 });
        input.push_str(&format!("{{\"id\":{i},\"text\":\"{filler}Call 617-555-{:04}.\"}}\n", i));
        if i % 50 == 0 {
            input.push('\n'); // blank lines are skipped
        }
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_storysafe"))
        .arg("scan")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run storysafe scan");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 300);
    for (i, doc) in lines.iter().enumerate() {
        assert_eq!(doc["id"], i, "output line {i}");
        assert_eq!(doc["spans"][0]["category"], "PHONE", "output line {i}");
    }
}

/// The structured rules' keyword gates and checks only save time: on every text of both dev
/// corpora (and a few synthetic ones), a gated rule that would match has one of its keywords in
/// the text, and its check accepts the text.
#[test]
fn gates_never_hide_a_match() {
    use storysafe::engine::structured::{address, contact, dates, ids, Keywords, Rule};
    use storysafe::engine::Normalized;
    let mut texts: Vec<String> = vec![
        "Reach me at jo [at] mail.com or beeper 55037; PO Box 12; the 3rd of June; since3/14".into(),
        "Grandma (97) turned 101? aged 93, a hundred years old; Christmas Eve 2019".into(),
        "SSN 123-45-6789, Boston MA 02118, 6175550142, tel 01 23 45 67 89, call 555-0142".into(),
        "+44 20 7946 0572; 020 7946 0572; (617) 555-0142; 1-800-555-0199 ext. 12; 617555-0142".into(),
    ];
    for corpus in ["physionet-dev.jsonl", "stories-dev.jsonl"] {
        let path = eval_dir().join(corpus);
        let data = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("the evaluation corpora are missing ({}: {e})", path.display()));
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            texts.push(v["text"].as_str().unwrap().to_string());
        }
    }
    let rules: Vec<Rule> = [contact::rules(), dates::rules(), ids::rules(), address::rules()].into_iter().flatten().collect();
    let mut checked = 0;
    for text in &texts {
        let norm = Normalized::new(text);
        let t = norm.as_str();
        let kw = Keywords::of(t);
        for r in rules.iter().filter(|r| !r.gate.is_empty() || r.check.is_some()) {
            if r.regex.is_match(t) {
                checked += 1;
                assert!(r.gate.is_empty() || kw.any(r.gate), "rule {} matches in a text without its gate keywords: {t:?}", r.name);
                assert!(r.check.is_none_or(|c| c(&kw, t)), "rule {} matches in a text its check rejects: {t:?}", r.name);
            }
        }
    }
    assert!(checked > 20, "too few matches of gated rules to check ({checked})");
}

/// `storysafe scan` runs each recognizer over every text in turn, on several threads, and then
/// finishes each text: its spans must be exactly those of `Engine::scan` on each text alone (same
/// offsets, categories, recognizers and reasons), on both dev corpora.
#[test]
fn batch_scan_equals_one_text_at_a_time() {
    use storysafe::engine::{default_engine, offsets};
    for corpus in ["stories-dev.jsonl", "physionet-dev.jsonl"] {
        let path = eval_dir().join(corpus);
        let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("the evaluation corpora are missing ({}: {e})", path.display()));
        let mut child = Command::new(env!("CARGO_BIN_EXE_storysafe")).arg("scan").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("run storysafe scan");
        let mut stdin = child.stdin.take().unwrap();
        let input = data.clone();
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap();
        assert!(out.status.success());
        let got: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let docs: Vec<serde_json::Value> = data.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(got.len(), docs.len(), "{corpus}");
        for (doc, line) in docs.iter().zip(&got) {
            let text = doc["text"].as_str().unwrap();
            let spans = default_engine().scan(text);
            let bounds: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
            let cps = offsets::bytes_to_chars(text, &bounds);
            let want: Vec<(usize, usize, &str, &str, &str)> =
                spans.iter().enumerate().map(|(i, s)| (cps[2 * i], cps[2 * i + 1], s.category.as_str(), s.recognizer, s.reason.as_ref())).collect();
            let have: Vec<(usize, usize, &str, &str, &str)> = line["spans"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize, s["category"].as_str().unwrap(), s["recognizer"].as_str().unwrap(), s["reason"].as_str().unwrap()))
                .collect();
            assert_eq!(have, want, "{corpus} {}", doc["id"]);
        }
    }
}
