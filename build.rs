//! Records a build identifier (the git commit when available) for the page footer and exports,
//! and front-codes the word lists in `data/` for the browser build (see
//! `src/engine/names/dictionaries.rs`: each entry is stored as the number of leading bytes it
//! shares with the entry before it, then the rest of it and a newline; about 35% smaller
//! gzipped than the plain sorted lists).
use std::process::Command;

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

fn main() {
    let id = std::env::var("STORYSAFE_BUILD").ok().filter(|s| !s.is_empty()).or_else(|| {
        let out = Command::new("git").args(["rev-parse", "--short=10", "HEAD"]).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    });
    println!("cargo:rustc-env=STORYSAFE_BUILD={}", id.unwrap_or_else(|| "dev".into()));
    println!("cargo:rerun-if-env-changed=STORYSAFE_BUILD");
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");

    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for list in ["first_names", "surnames", "places", "common_words"] {
        let src = format!("data/{list}.txt");
        println!("cargo:rerun-if-changed={src}");
        let text = std::fs::read(&src).unwrap_or_else(|e| panic!("reading {src}: {e}"));
        std::fs::write(out_dir.join(format!("{list}.fc")), front_code(&text)).expect("writing a front-coded list");
    }
}
