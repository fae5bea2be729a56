//! Records a build identifier (the git commit when available) for the page footer and exports,
//! and front-codes the word lists in `data/` for the browser build (see
//! `src/engine/names/dictionaries.rs`: each entry is stored as the number of leading bytes it
//! shares with the entry before it, then the rest of it and a newline; about 35% smaller
//! gzipped than the plain sorted lists), and builds a hash table over each list for the native
//! build (constant-time lookups with no start-up cost; the browser build keeps its size down and
//! searches the sorted lists).
//!
//! For the native build, it also compiles the structured rules' patterns listed in
//! `src/engine/structured/ahead_of_time.in` into DFAs (see [`ahead_of_time`]).
use std::fmt::Write as _;
use std::process::Command;

use regex_automata::dfa::{dense, regex::Regex, StartKind};
use regex_automata::nfa::thompson;
use regex_automata::util::prefilter::Prefilter;
use regex_automata::util::syntax;
use regex_automata::MatchKind;
use regex_syntax::hir::literal::{ExtractKind, Extractor};

/// Front-codes a sorted list of lines: per line, one byte giving the length of the prefix it
/// shares with the previous line (at most 255), then the rest of the line and its newline.
fn front_code(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 2);
    let mut prev: &[u8] = &[];
    for line in text.split_inclusive(|&b| b == b'\n') {
        let shared = line.iter().zip(prev).take(255).take_while(|(a, b)| a == b).count();
        // never share the newline itself: the rest always ends with one
        let shared = shared.min(line.len() - 1);
        out.push(shared as u8);
        out.extend_from_slice(&line[shared..]);
        prev = line;
    }
    out
}

include!("src/engine/names/word_hash.rs");
include!("src/engine/structured/nfa_program.rs");

/// An open-addressing table over a sorted list's lines for the native build: a power of two of
/// little-endian u32 slots, at least twice the entries, each empty (0) or the byte offset of a
/// line plus one, at the slot of the line's hash or after it (linear probing).
fn hash_table(text: &[u8]) -> Vec<u8> {
    let lines = text.iter().filter(|&&b| b == b'\n').count();
    let size = (lines * 2).next_power_of_two().max(2);
    let mut slots = vec![0u32; size];
    let mut start = 0;
    for line in text.split_inclusive(|&b| b == b'\n') {
        let word = line.strip_suffix(b"\n").unwrap_or(line);
        let mut i = word_hash(word) as usize & (size - 1);
        while slots[i] != 0 {
            i = (i + 1) & (size - 1);
        }
        slots[i] = start as u32 + 1;
        start += line.len();
    }
    slots.iter().flat_map(|s| s.to_le_bytes()).collect()
}

fn main() {
    let id = std::env::var("STORYSAFE_BUILD").ok().filter(|s| !s.is_empty()).or_else(|| {
        let out = Command::new("git").args(["rev-parse", "--short=10", "HEAD"]).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    });
    println!("cargo:rustc-env=STORYSAFE_BUILD={}", id.unwrap_or_else(|| "dev".into()));
    println!("cargo:rerun-if-env-changed=STORYSAFE_BUILD");
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");

    println!("cargo:rerun-if-changed=src/engine/names/word_hash.rs");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for list in ["first_names", "surnames", "places", "common_words"] {
        let src = format!("data/{list}.txt");
        println!("cargo:rerun-if-changed={src}");
        let text = std::fs::read(&src).unwrap_or_else(|e| panic!("reading {src}: {e}"));
        std::fs::write(out_dir.join(format!("{list}.fc")), front_code(&text)).expect("writing a front-coded list");
        std::fs::write(out_dir.join(format!("{list}.hash")), hash_table(&text)).expect("writing a list's hash table");
    }
    ahead_of_time(&out_dir);
}

/// The patterns to compile ahead of time (written by the test `ahead_of_time_list`).
const LIST: &str = "src/engine/structured/ahead_of_time.in";
const PATTERNS: &[&str] = include!("src/engine/structured/ahead_of_time.in");

/// Compiles the structured rules' patterns listed in [`LIST`] into DFAs, so that the native
/// command line neither compiles them at start-up nor determinizes them while it scans: see
/// `Regex` in `src/engine/pattern.rs`, which looks each pattern up by its exact text in the
/// generated `$OUT_DIR/aot.rs` and compiles it at run time when it is not there (the browser
/// build always does: no tables are made for wasm32).
///
/// Each pattern gives a forward DFA (leftmost-first, unanchored: where a match ends) and a
/// reverse DFA (anchored, all matches: where it starts), with the syntax settings of
/// `pattern::ascii` (ASCII classes, matches on UTF-8 boundaries), serialized in the target's
/// byte order, and whether it has capture groups; and, when every match starts with one of a
/// few literals that a fast prefilter finds (see [`prefix_needles`]), those literals, for the
/// forward DFA's prefilter (built with its start states specialized: a search in a start state
/// skips to the next place a match can start instead of reading every byte).
fn ahead_of_time(out: &std::path::Path) {
    println!("cargo:rerun-if-changed={LIST}");
    println!("cargo:rerun-if-env-changed=STORYSAFE_AOT_ANY_PREFILTER");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    let mut code = String::from("// Generated by build.rs: (pattern, whether it has capture groups, forward DFA, reverse DFA) in the target's byte order, prefilter literals.\n&[\n");
    // the browser build compiles its patterns at run time (see `pattern::Regex`): no tables there
    for (i, pattern) in PATTERNS.iter().enumerate().filter(|_| !wasm) {
        let needles = prefix_needles(pattern);
        let re = build(pattern, !needles.is_empty()).unwrap_or_else(|e| panic!("{LIST}: {pattern}: {e}"));
        let mut files = Vec::new();
        for (dfa, kind) in [(re.forward(), "fwd"), (re.reverse(), "rev")] {
            let (bytes, pad) = if big_endian { dfa.to_bytes_big_endian() } else { dfa.to_bytes_little_endian() };
            let path = out.join(format!("aot-{i}.{kind}"));
            std::fs::write(&path, &bytes[pad..]).expect("write a DFA");
            files.push(path);
        }
        let needles: Vec<String> = needles.iter().map(|n| format!("&{n:?}")).collect();
        let groups = syntax::parse_with(pattern, &syntax_config()).expect("parses").properties().explicit_captures_len() > 0;
        let (program, names) = if groups { group_nfa(pattern) } else { (Vec::new(), Vec::new()) };
        writeln!(
            code,
            "    ({pattern:?}, {groups}, &AlignAs {{ _align: [], bytes: *include_bytes!({:?}) }}, &AlignAs {{ _align: [], bytes: *include_bytes!({:?}) }}, &[{}], &{program:?}, &{names:?}),",
            files[0],
            files[1],
            needles.join(", ")
        )
        .unwrap();
    }
    code.push_str("]\n");
    std::fs::write(out.join("aot.rs"), code).expect("write aot.rs");
}

/// The NFA that finds the groups of `pattern` at run time (compiled with the settings of
/// `Dfas::groups` in `src/engine/pattern.rs`) as a program of `nfa_program`, and the names of
/// its groups; checked here to read back as the same NFA. An empty program when the format does
/// not hold it (the NFA is then compiled at run time).
fn group_nfa(pattern: &str) -> (Vec<u32>, Vec<Option<String>>) {
    let nfa = thompson::Compiler::new()
        .syntax(syntax_config())
        .configure(thompson::Config::new().utf8(true))
        .build(pattern)
        .unwrap_or_else(|e| panic!("{LIST}: {pattern}: {e}"));
    let names: Vec<Option<String>> = nfa.group_info().pattern_names(regex_automata::PatternID::ZERO).map(|n| n.map(str::to_string)).collect();
    let Some(program) = nfa_program(&nfa) else { return (Vec::new(), names) };
    let back = nfa_from_program(&program, &names.iter().map(Option::as_deref).collect::<Vec<_>>());
    assert!(
        back.states() == nfa.states() && format!("{back:?}") == format!("{nfa:?}") && back.group_info().pattern_names(regex_automata::PatternID::ZERO).eq(names.iter().map(Option::as_deref)),
        "{pattern}: its NFA does not read back the same"
    );
    (program, names)
}

/// The literals every match of `pattern` starts with, extracted as `meta` does for its prefilter
/// (the same extractor and optimization, leftmost-first), when there are such literals and a
/// prefilter for them is one of the fast kinds (memchr, memmem, Teddy for a few short
/// literals); otherwise none. (Measured on physionet-dev: the 11 fast prefilters took the scan
/// from 440.6 to 431.0 M instructions; adding the 19 slow ones, mostly digits or many
/// case variants of short keywords, made it 448.5 M: they stop at so many places that reading
/// every byte with the DFA is faster. `STORYSAFE_AOT_ANY_PREFILTER=1` builds them all.)
fn prefix_needles(pattern: &str) -> Vec<Vec<u8>> {
    let hir = syntax::parse_with(pattern, &syntax_config()).expect("parses");
    let mut prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    prefixes.optimize_for_prefix_by_preference();
    let Some(literals) = prefixes.literals() else { return Vec::new() };
    let needles: Vec<Vec<u8>> = literals.iter().map(|l| l.as_bytes().to_vec()).collect();
    let fast = Prefilter::new(MatchKind::LeftmostFirst, &needles).is_some_and(|p| p.is_fast());
    if fast || std::env::var("STORYSAFE_AOT_ANY_PREFILTER").is_ok_and(|v| v == "1") {
        needles
    } else {
        Vec::new()
    }
}

/// The forward and reverse DFAs of `pattern`, with the settings of `pattern::Regex::build`, the
/// start states specialized when the forward DFA gets a prefilter.
fn build(pattern: &str, prefilter: bool) -> Result<Regex, Box<dyn std::error::Error>> {
    let forward = dense::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .start_kind(StartKind::Unanchored)
        .byte_classes(true)
        .specialize_start_states(prefilter);
    let re = Regex::builder()
        .syntax(syntax_config())
        .thompson(thompson::Config::new().utf8(true))
        .dense(forward)
        .build(pattern)?;
    Ok(re)
}

/// The syntax settings of `pattern::ascii`: ASCII classes, matches on UTF-8 boundaries.
fn syntax_config() -> syntax::Config {
    syntax::Config::new().unicode(false).utf8(true)
}
