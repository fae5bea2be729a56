//! `storysafe-bench`: where the engine's time goes.
//!
//! Runs every stage of [`Engine::scan`] separately over JSONL corpora (`{"id","text",...}` per
//! line; by default the two development corpora in `../shared/eval/`) and prints one table:
//!
//! - **start-up**: building the engine, then the first call of each recognizer and refiner on a
//!   short text (that first call compiles its `LazyLock` regexes);
//! - **per stage**: normalization, the gate keywords of the structured rules (one pass), each
//!   recognizer, each refiner, resolution and mapping back,
//!   as total time over each corpus (best of `--runs`, default 3), share of the scan, throughput,
//!   and the number of candidate spans the stage produced.
//!
//! ```text
//! cargo run --release --bin storysafe-bench [-- [--runs N] CORPUS.jsonl ...]
//! ```
//!
//! Recognizer names are not unique (several rules report as `phone`), so rows are numbered in
//! registry order. Times are the CPU time of the benchmark's one thread (on Linux; wall-clock
//! elsewhere), so a busy machine inflates them less; compare runs with `--runs` raised, or use
//! instruction counts (`valgrind --tool=callgrind`).

use std::time::Duration;

use storysafe::engine::{resolve, Engine, Input, Normalized, Span};

/// A clock for one stage: this thread's CPU time on Linux (so that other processes on a busy
/// machine do not inflate the figures), wall-clock time elsewhere.
#[derive(Clone, Copy)]
struct Instant(Duration);

#[cfg(target_os = "linux")]
impl Instant {
    fn now() -> Instant {
        #[repr(C)]
        struct Timespec {
            tv_sec: i64,
            tv_nsec: i64,
        }
        extern "C" {
            fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
        }
        const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
        let mut t = Timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: clock_gettime writes one timespec through a valid pointer.
        unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
        Instant(Duration::new(t.tv_sec as u64, t.tv_nsec as u32))
    }
}

#[cfg(not(target_os = "linux"))]
impl Instant {
    fn now() -> Instant {
        static START: std::sync::LazyLock<std::time::Instant> = std::sync::LazyLock::new(std::time::Instant::now);
        Instant(START.elapsed())
    }
}

impl Instant {
    fn elapsed(&self) -> Duration {
        Instant::now().0.saturating_sub(self.0)
    }
}

/// Texts that wake every rule: used to time the first call (regex compilation) of each stage.
const WARM_TEXT: &str = "Seen 3/14/2023 and on March 3rd, 2021 by Dr. Ana Ruiz, 94 yo, MRN 00731946, \
SSN 123-45-6789, call (617) 555-0142 or fax (304) 555-0182, ana@example.org, https://x.org/a, \
10.0.0.1, room 4B, 12 Elm Street, Boston MA 02118, PO Box 12, VIN 1HGCM82633A004352, @anaruiz.";

struct Corpus {
    name: String,
    texts: Vec<String>,
    bytes: usize,
}

fn load(path: &str) -> Corpus {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("storysafe-bench: cannot read {path}: {e}");
        std::process::exit(2)
    });
    let texts: Vec<String> = data
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["text"].as_str().expect("a \"text\" field").to_string()
        })
        .collect();
    let bytes = texts.iter().map(String::len).sum();
    let name = path.rsplit('/').next().unwrap_or(path).to_string();
    Corpus { name, texts, bytes }
}

/// Time and candidate count of every stage for one pass over a corpus.
struct Pass {
    stages: Vec<Duration>,
    counts: Vec<usize>,
}

/// Stage layout: 0 = normalize, 1 = gate keywords, then recognizers, then refiners, then resolve
/// (incl. mapping back).
///
/// Each stage runs over every text of the corpus before the next one starts, as `storysafe scan`
/// runs them (one recognizer over all texts is one task there), and the clock is read once per
/// stage: reading a thread's CPU clock is a system call, and timing every stage of every text cost
/// more than many of the stages themselves.
fn run_pass(engine: &Engine, corpus: &Corpus) -> Pass {
    let nr = engine.recognizers().len();
    let nf = engine.refiners().len();
    let n = 3 + nr + nf;
    let mut stages = vec![Duration::ZERO; n];
    let mut counts = vec![0usize; n];
    let t = Instant::now();
    let norms: Vec<Normalized<'_>> = corpus.texts.iter().map(|t| Normalized::new(t)).collect();
    stages[0] = t.elapsed();
    let inputs: Vec<Input<'_>> = norms.iter().map(Input::new).collect();
    let t = Instant::now();
    for input in &inputs {
        let _ = input.keywords();
    }
    stages[1] = t.elapsed();
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); inputs.len()];
    for (i, r) in engine.recognizers().iter().enumerate() {
        let before: usize = spans.iter().map(Vec::len).sum();
        let t = Instant::now();
        for (input, out) in inputs.iter().zip(spans.iter_mut()) {
            r.recognize(input, out);
        }
        stages[2 + i] = t.elapsed();
        counts[2 + i] = spans.iter().map(Vec::len).sum::<usize>() - before;
    }
    for (i, f) in engine.refiners().iter().enumerate() {
        let t = Instant::now();
        for (input, out) in inputs.iter().zip(spans.iter_mut()) {
            f.refine(input, out);
        }
        stages[2 + nr + i] = t.elapsed();
        counts[2 + nr + i] = spans.iter().map(Vec::len).sum();
    }
    let t = Instant::now();
    let mut found = 0;
    for ((norm, input), mut spans) in norms.iter().zip(&inputs).zip(spans) {
        spans.retain(|s| !s.is_empty() && s.end <= input.text().len());
        let mut spans = resolve(spans);
        if !norm.is_identity() {
            for s in &mut spans {
                (s.start, s.end) = norm.to_original(s.start, s.end);
            }
        }
        found += spans.len();
    }
    stages[n - 1] = t.elapsed();
    counts[n - 1] = found;
    Pass { stages, counts }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let mut runs = 3usize;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).unwrap_or(3).max(1),
            "-h" | "--help" => {
                println!("usage: storysafe-bench [--runs N] [CORPUS.jsonl ...]");
                return;
            }
            _ => paths.push(a),
        }
    }
    if paths.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/eval");
        paths = vec![format!("{dir}/physionet-dev.jsonl"), format!("{dir}/stories-dev.jsonl")];
    }

    // Start-up: construction, then the first call of each stage (compiles its regexes).
    let t = Instant::now();
    let engine = Engine::default();
    let build = t.elapsed();
    let norm = Normalized::new(WARM_TEXT);
    let input = Input::new(&norm);
    let mut names: Vec<String> = vec!["normalize".into(), "gate keywords".into()];
    let t = Instant::now();
    let _ = input.keywords();
    let mut first: Vec<Duration> = vec![Duration::ZERO, t.elapsed()];
    let mut spans = Vec::new();
    for (i, r) in engine.recognizers().iter().enumerate() {
        names.push(format!("r{i:02} {}", r.name()));
        let t = Instant::now();
        r.recognize(&input, &mut spans);
        first.push(t.elapsed());
    }
    for (i, f) in engine.refiners().iter().enumerate() {
        names.push(format!("f{i:02} {}", f.name()));
        let t = Instant::now();
        f.refine(&input, &mut spans);
        first.push(t.elapsed());
    }
    names.push("resolve+map".into());
    first.push(Duration::ZERO);
    let startup: Duration = build + first.iter().sum::<Duration>();
    // a second engine-wide scan is what every later text pays: the difference is compilation
    let t = Instant::now();
    let _ = engine.scan(WARM_TEXT);
    let warm = t.elapsed();

    let corpora: Vec<Corpus> = paths.iter().map(|p| load(p)).collect();
    let mut best: Vec<Pass> = Vec::new();
    for c in &corpora {
        let mut b: Option<Pass> = None;
        for _ in 0..runs {
            let p = run_pass(&engine, c);
            let total: Duration = p.stages.iter().sum();
            if b.as_ref().is_none_or(|q| total < q.stages.iter().sum()) {
                b = Some(p);
            }
        }
        best.push(b.expect("at least one run"));
    }

    println!(
        "start-up: {:.2} ms (engine construction {:.3} ms, first calls incl. regex compilation; a warm scan of the same text: {:.3} ms)",
        ms(startup),
        ms(build),
        ms(warm)
    );
    print!("{:<22} {:>9}", "stage", "first ms");
    for c in &corpora {
        print!(" | {:>24}", format!("{} ({:.2} MB)", c.name.trim_end_matches(".jsonl"), c.bytes as f64 / 1e6));
    }
    println!();
    print!("{:<22} {:>9}", "", "");
    for _ in &corpora {
        print!(" | {:>8} {:>6} {:>8}", "ms", "%", "spans");
    }
    println!();
    for (i, name) in names.iter().enumerate() {
        print!("{:<22} {:>9.3}", name, ms(first[i]));
        for p in &best {
            let total: Duration = p.stages.iter().sum();
            print!(
                " | {:>8.2} {:>5.1}% {:>8}",
                ms(p.stages[i]),
                100.0 * p.stages[i].as_secs_f64() / total.as_secs_f64().max(1e-12),
                p.counts[i]
            );
        }
        println!();
    }
    print!("{:<22} {:>9.2}", "TOTAL scan", ms(first.iter().sum::<Duration>()));
    for (c, p) in corpora.iter().zip(&best) {
        let total: Duration = p.stages.iter().sum();
        print!(" | {:>8.2} {:>6} {:>8}", ms(total), "", "");
        let _ = c;
    }
    println!();
    for (c, p) in corpora.iter().zip(&best) {
        let total: Duration = p.stages.iter().sum();
        println!(
            "{}: {:.2} ms for {} texts, {:.1} MB/s of CPU time on one core (best of {runs})",
            c.name,
            ms(total),
            c.texts.len(),
            c.bytes as f64 / total.as_secs_f64() / 1e6
        );
    }
}
