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
use regex_automata::util::syntax;
use regex_automata::MatchKind;

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
/// byte order, and whether it has capture groups.
fn ahead_of_time(out: &std::path::Path) {
    println!("cargo:rerun-if-changed={LIST}");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let big_endian = std::env::var("CARGO_CFG_TARGET_ENDIAN").is_ok_and(|e| e == "big");
    let mut code = String::from("// Generated by build.rs: (pattern, whether it has capture groups, forward DFA, reverse DFA) in the target's byte order.\n&[\n");
    // the browser build compiles its patterns at run time (see `pattern::Regex`): no tables there
    for (i, pattern) in PATTERNS.iter().enumerate().filter(|_| !wasm) {
        let re = build(pattern).unwrap_or_else(|e| panic!("{LIST}: {pattern}: {e}"));
        let mut files = Vec::new();
        for (dfa, kind) in [(re.forward(), "fwd"), (re.reverse(), "rev")] {
            let (bytes, pad) = if big_endian { dfa.to_bytes_big_endian() } else { dfa.to_bytes_little_endian() };
            let path = out.join(format!("aot-{i}.{kind}"));
            std::fs::write(&path, &bytes[pad..]).expect("write a DFA");
            files.push(path);
        }
        let groups = syntax::parse_with(pattern, &syntax_config()).expect("parses").properties().explicit_captures_len() > 0;
        writeln!(
            code,
            "    ({pattern:?}, {groups}, &AlignAs {{ _align: [], bytes: *include_bytes!({:?}) }}, &AlignAs {{ _align: [], bytes: *include_bytes!({:?}) }}),",
            files[0], files[1]
        )
        .unwrap();
    }
    code.push_str("]\n");
    std::fs::write(out.join("aot.rs"), code).expect("write aot.rs");
}

/// The forward and reverse DFAs of `pattern`, with the settings of `pattern::Regex::build`.
fn build(pattern: &str) -> Result<Regex, Box<dyn std::error::Error>> {
    let forward = dense::Config::new().match_kind(MatchKind::LeftmostFirst).start_kind(StartKind::Unanchored).byte_classes(true);
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
