//! `storysafe`: the engine on the command line (batch scanning, redaction, package checks).
//!
//! The engine does no I/O; this binary is one sink of its results (the browser UI is another).

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;

use serde::{Deserialize, Serialize};
use storysafe::engine::{default_engine, offsets, operators, Input, Normalized, Span};

// The scan allocates many small short-lived buffers on two threads at once: mimalloc's per-thread
// heaps cost less than the system allocator's (see the commit that added it for figures).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HELP: &str = "\
storysafe - find and redact identifiers in patient stories, on this device only

USAGE:
    storysafe <COMMAND> [ARGS]

COMMANDS:
    scan        Read JSONL {\"id\",\"text\"} on stdin; write one JSONL line per input with the
                spans found: {\"id\",\"spans\":[{\"start\",\"end\",\"category\",\"score\",
                \"recognizer\",\"reason\"}]}. Offsets are Unicode code points, end exclusive.
                A malformed line is reported on stderr with its line number (exit status 2).
    redact      Read plain text on stdin; write it with every identifier replaced by its
                category tag ([NAME], [DATE], ...). Shows progress on stderr for large inputs
                when stderr is a terminal.
    verify PACKAGE.json [--today YYYY-MM-DD] [--channel CODE] [--platform NAME] [--json]
                Check a share package: the text hash against the consent, the package digest,
                consent validity (complete, not expired today, covers the channel: op_ed,
                social_media, talk, journal_case_report, teaching, other; default the one
                consented to) and a re-scan of the text for residual identifiers (replacements
                in the anonymisation log and [TAGS] are not residual). Prints the verdict (or
                the full result as JSON with --json). Exit status 0 when verified, 1 when not
                (tampering, invalid or expired consent, residual identifiers), 2 when the file
                is not a readable package.
    fhir PACKAGE.json [--today YYYY-MM-DD]
                Print the package's consent as an HL7 FHIR R4 Consent resource (JSON).
    version     Print the version and build identifier.
    help        Print this help.

EXAMPLES:
    echo '{\"id\":\"1\",\"text\":\"Call Ana at 617-555-0142\"}' | storysafe scan
    storysafe redact < story.txt > story.redacted.txt
    storysafe verify tests/fixtures/package.example.json
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = args.first().map(String::as_str).unwrap_or("help");
    let result = match cmd {
        "scan" => scan(),
        "redact" => redact(),
        "verify" => verify(&args[1..]),
        "fhir" => fhir(&args[1..]),
        "version" | "--version" | "-V" => {
            println!("storysafe {}", storysafe::version());
            Ok(ExitCode::SUCCESS)
        }
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        other => {
            eprintln!("storysafe: unknown command {other:?}\n\n{HELP}");
            Ok(ExitCode::from(64))
        }
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("storysafe: {e}");
            ExitCode::FAILURE
        }
    }
}

#[derive(Deserialize)]
struct Doc {
    id: serde_json::Value,
    text: String,
}

#[derive(Serialize)]
struct OutSpan<'a> {
    start: usize,
    end: usize,
    category: &'static str,
    score: f32,
    recognizer: &'static str,
    reason: &'a str,
}

#[derive(Serialize)]
struct OutDoc<'a> {
    id: &'a serde_json::Value,
    spans: Vec<OutSpan<'a>>,
}

/// One input line parsed, or an error message.
fn parse_line(line: &str, lineno: usize) -> Result<Doc, String> {
    serde_json::from_str(line).map_err(|e| format!("line {lineno}: not a JSON object with \"id\" and \"text\": {e}"))
}

/// Appends the output line for a document and its spans (byte offsets, converted here to code
/// points) to `out`, newline included.
fn render(doc: &Doc, spans: &[Span], lineno: usize, out: &mut Vec<u8>) -> Result<(), String> {
    let mut bounds = Vec::with_capacity(spans.len() * 2);
    for s in spans {
        bounds.push(s.start);
        bounds.push(s.end);
    }
    let cps = offsets::bytes_to_chars(&doc.text, &bounds);
    let line = OutDoc {
        id: &doc.id,
        spans: spans
            .iter()
            .enumerate()
            .map(|(i, s)| OutSpan {
                start: cps[2 * i],
                end: cps[2 * i + 1],
                category: s.category.as_str(),
                score: s.score,
                recognizer: s.recognizer,
                reason: &s.reason,
            })
            .collect(),
    };
    let start = out.len();
    serde_json::to_writer(&mut *out, &line).map_err(|e| {
        out.truncate(start);
        format!("line {lineno}: {e}")
    })?;
    out.push(b'\n');
    Ok(())
}

/// Work shared by the scan's threads in one phase: `jobs` numbered jobs, each taken by the first
/// thread free to take it (a thread slowed down by other processes does fewer).
struct Phase {
    next: std::sync::atomic::AtomicUsize,
    jobs: usize,
}

impl Phase {
    fn new(jobs: usize) -> Phase {
        Phase { next: std::sync::atomic::AtomicUsize::new(0), jobs }
    }

    /// Runs `f` on every job this thread takes, until none is left.
    fn run(&self, mut f: impl FnMut(usize)) {
        loop {
            let j = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if j >= self.jobs {
                return;
            }
            f(j);
        }
    }
}

/// Runs `work` on `workers` threads at once, this one included, and returns when all are done.
fn on_threads(workers: usize, work: impl Fn() + Sync) {
    std::thread::scope(|sc| {
        for _ in 1..workers {
            sc.spawn(&work);
        }
        work();
    });
}

/// Compiles the engine's patterns (each recognizer compiles its own on first use) on two threads
/// at once, one from each end of the registry, so that start-up overlaps with reading the input
/// and with the first phases of the scan.
fn warm_engine() -> [std::thread::JoinHandle<()>; 2] {
    fn warm(reverse: bool) {
        let engine = default_engine();
        let norm = storysafe::engine::Normalized::new("");
        let input = storysafe::engine::Input::new(&norm);
        let mut sink = Vec::new();
        let all = engine.recognizers();
        let order: Box<dyn Iterator<Item = _>> = if reverse { Box::new(all.iter().rev()) } else { Box::new(all.iter()) };
        for r in order {
            r.recognize(&input, &mut sink);
        }
    }
    [std::thread::spawn(|| warm(false)), std::thread::spawn(|| warm(true))]
}

/// Every line of standard input that is not blank, with its line number, parsed as it is read
/// (through one reused line buffer: the input is never held whole, so its memory is not touched
/// twice).
fn read_docs() -> io::Result<Vec<(usize, Result<Doc, String>)>> {
    let mut stdin = io::BufReader::with_capacity(1 << 16, io::stdin().lock());
    let mut docs = Vec::new();
    let mut buf = String::new();
    for lineno in 1.. {
        buf.clear();
        let read = stdin.read_line(&mut buf).map_err(|e| {
            io::Error::new(e.kind(), format!("reading stdin: {e} (input must be UTF-8 JSONL)"))
        })?;
        if read == 0 {
            break;
        }
        // the line without its ending, as `str::lines` gives it ("\n" or "\r\n")
        let line = buf.strip_suffix('\n').map_or(buf.as_str(), |l| l.strip_suffix('\r').unwrap_or(l));
        if !line.trim().is_empty() {
            docs.push((lineno, parse_line(line, lineno)));
        }
    }
    Ok(docs)
}

fn scan() -> io::Result<ExitCode> {
    use std::sync::OnceLock;
    let warming = warm_engine();
    // (the warm-up goes on while the texts are read and parsed, and while the name recognizer,
    // which needs few patterns, runs: a recognizer whose patterns are still compiling waits for
    // them)
    let parsed = read_docs()?;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let engine = default_engine();
    let recs = engine.recognizers();
    let n = parsed.len();
    const BLOCK: usize = 32;
    let blocks = n.div_ceil(BLOCK);
    let block = |b: usize| b * BLOCK..((b + 1) * BLOCK).min(n);

    // The phases run on the same threads (the main one and `workers - 1` more; a thread keeps
    // its allocator heap, so memory freed in one phase serves the next), with a barrier between
    // phases. Each phase fills slots that the next one reads.
    // 1. normalize each text
    let norms: Vec<OnceLock<Normalized<'_>>> = (0..n).map(|_| OnceLock::new()).collect();
    // 2. recognize: each recognizer runs over every text in turn (one job), rather than every
    // recognizer over each text: a pattern's automaton is then built by one thread only and stays
    // in its cache while it runs. The name recognizer, the costliest and without automata, is
    // split into blocks of texts so that the threads finish together.
    let split = (workers * 2).max(1);
    let names_size = n.div_ceil(split).max(1);
    let mut tasks: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (r, rec) in recs.iter().enumerate() {
        if rec.name() == "names" {
            tasks.extend((0..n).step_by(names_size).map(|a| (r, a..(a + names_size).min(n))));
        }
    }
    let first_other = tasks.len();
    tasks.extend(recs.iter().enumerate().filter(|(_, rec)| rec.name() != "names").map(|(r, _)| (r, 0..n)));
    // where recognizer r's spans for text d are: (task, index in the task's range)
    let mut task_of: Vec<Option<usize>> = vec![None; recs.len()];
    for (t, (r, _)) in tasks.iter().enumerate().skip(first_other) {
        task_of[*r] = Some(t);
    }
    // each task's spans, one text after another, and where each text's start (`ends[k]..ends[k + 1]`)
    let found: Vec<OnceLock<(Vec<Span>, Vec<u32>)>> = (0..tasks.len()).map(|_| OnceLock::new()).collect();
    // 3. refine, resolve and render each block of texts: its output lines, and the messages for
    // its malformed lines
    let rendered: Vec<OnceLock<(Vec<u8>, Vec<String>)>> = (0..blocks).map(|_| OnceLock::new()).collect();
    let inputs: OnceLock<Vec<Input<'_>>> = OnceLock::new();

    let phases = [Phase::new(blocks), Phase::new(tasks.len()), Phase::new(blocks)];
    let barrier = std::sync::Barrier::new(workers);
    let text = |d: usize| parsed[d].1.as_ref().map_or("", |doc| doc.text.as_str());
    let work = || {
        phases[0].run(|b| {
            for d in block(b) {
                let _ = norms[d].set(Normalized::new(text(d)));
            }
        });
        barrier.wait();
        // shared, so that the facts each input computes once (the gate keywords) serve every thread
        let inputs = inputs.get_or_init(|| norms.iter().map(|m| Input::new(m.get().expect("normalized"))).collect());
        phases[1].run(|t| {
            let (r, range) = &tasks[t];
            let mut spans = Vec::new();
            let mut ends = Vec::with_capacity(range.len() + 1);
            ends.push(0);
            for d in range.clone() {
                recs[*r].recognize(&inputs[d], &mut spans);
                ends.push(spans.len() as u32);
            }
            let _ = found[t].set((spans, ends));
        });
        barrier.wait();
        phases[2].run(|b| {
            let mut lines = Vec::new();
            let mut errors = Vec::new();
            for d in block(b) {
                let (lineno, doc) = &parsed[d];
                let result = doc.as_ref().map_err(Clone::clone).and_then(|doc| {
                    // candidates in registry order, as Engine::scan gathers them
                    let mut spans: Vec<Span> = Vec::new();
                    for task in &task_of {
                        let (t, k) = match *task {
                            Some(t) => (t, d),
                            None => (d / names_size, d % names_size),
                        };
                        let (all, ends) = found[t].get().expect("recognized");
                        spans.extend(all[ends[k] as usize..ends[k + 1] as usize].iter().cloned());
                    }
                    let spans = engine.finish(&doc.text, &inputs[d], spans);
                    render(doc, &spans, *lineno, &mut lines)
                });
                if let Err(msg) = result {
                    errors.push(msg);
                }
            }
            let _ = rendered[b].set((lines, errors));
        });
    };
    on_threads(workers, work);

    for w in warming {
        w.join().expect("engine warm-up panicked");
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for r in rendered {
        let (lines, errors) = r.into_inner().expect("rendered");
        out.write_all(&lines)?;
        for msg in errors {
            failed += 1;
            eprintln!("storysafe scan: {msg}");
        }
    }
    out.flush()?;
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn redact() -> io::Result<ExitCode> {
    let mut input = String::new();
    let stdin = io::stdin();
    let mut lock = stdin.lock();
    lock.read_to_string(&mut input).map_err(|e| {
        io::Error::new(e.kind(), format!("reading stdin: {e} (input must be UTF-8 text)"))
    })?;
    let show_progress = io::stderr().is_terminal() && input.len() > 1 << 20;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // Paragraphs are scanned one at a time so that progress can be shown and memory stays flat;
    // identifiers never span a blank line.
    let total = input.len();
    let mut done = 0;
    let mut last_pct = usize::MAX;
    // The app's default operators (category tags; "90 or older" for ages over 89).
    let plan = operators::Plan::new([0; 32]);
    for para in input.split_inclusive("\n\n") {
        let spans = default_engine().scan(para);
        out.write_all(operators::apply(para, &spans, &plan).text.as_bytes())?;
        done += para.len();
        if show_progress {
            let pct = done * 100 / total.max(1);
            if pct != last_pct {
                last_pct = pct;
                let bar = "#".repeat(pct / 4);
                eprint!("\rredacting [{bar:<25}] {pct:>3}%");
            }
        }
    }
    if show_progress {
        eprintln!();
    }
    out.flush()?;
    let _ = lock.fill_buf();
    Ok(ExitCode::SUCCESS)
}

/// Options of `verify` and `fhir`: the package path and the flags.
struct PackageArgs {
    path: String,
    today: storysafe::consent::IsoDate,
    channel: Option<storysafe::consent::Channel>,
    platform: Option<String>,
    json: bool,
}

/// Today's date (UTC) from the system clock: the only clock reading of the consent checks.
fn today_utc() -> storysafe::consent::IsoDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    storysafe::consent::IsoDate::from_unix_days((secs / 86_400) as i64)
}

fn package_args(cmd: &str, args: &[String]) -> Result<PackageArgs, String> {
    let mut out = PackageArgs { path: String::new(), today: today_utc(), channel: None, platform: None, json: false };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| it.next().cloned().ok_or(format!("{flag} needs a value"));
        match a.as_str() {
            "--today" => {
                let v = value("--today")?;
                out.today = storysafe::consent::IsoDate::parse(&v).map_err(|e| format!("--today: {e}"))?;
            }
            "--channel" if cmd == "verify" => {
                let v = value("--channel")?;
                out.channel = Some(storysafe::consent::Channel::parse(&v).ok_or(format!("--channel: unknown channel {v:?}"))?);
            }
            "--platform" if cmd == "verify" => out.platform = Some(value("--platform")?),
            "--json" if cmd == "verify" => out.json = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if out.path.is_empty() => out.path = path.to_string(),
            extra => return Err(format!("unexpected argument {extra:?}")),
        }
    }
    if out.path.is_empty() {
        return Err("give the package file: storysafe {cmd} PACKAGE.json".replace("{cmd}", cmd));
    }
    Ok(out)
}

fn read_package_file(cmd: &str, path: &str) -> Result<String, ExitCode> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!("storysafe {cmd}: cannot read {path}: {e}");
        ExitCode::from(2)
    })
}

fn verify(args: &[String]) -> io::Result<ExitCode> {
    use storysafe::consent::{verify_json, VerifyOptions};
    let a = match package_args("verify", args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("storysafe verify: {e}");
            return Ok(ExitCode::from(64));
        }
    };
    let json = match read_package_file("verify", &a.path) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let opts = VerifyOptions { today: a.today, channel: a.channel, platform: a.platform };
    let verdict = match verify_json(&json, &opts) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("storysafe verify: {}: {e}", a.path);
            return Ok(ExitCode::from(2));
        }
    };
    let mut out = io::stdout().lock();
    if a.json {
        let mut v = serde_json::to_value(&verdict).map_err(io::Error::other)?;
        v["passed"] = verdict.passed().into();
        writeln!(out, "{}", serde_json::to_string_pretty(&v).map_err(io::Error::other)?)?;
    } else {
        writeln!(out, "Package {}", a.path)?;
        out.write_all(verdict.report().as_bytes())?;
    }
    out.flush()?;
    Ok(if verdict.passed() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn fhir(args: &[String]) -> io::Result<ExitCode> {
    let a = match package_args("fhir", args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("storysafe fhir: {e}");
            return Ok(ExitCode::from(64));
        }
    };
    let json = match read_package_file("fhir", &a.path) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let (pkg, _) = match storysafe::consent::parse_package(&json) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("storysafe fhir: {}: {e}", a.path);
            return Ok(ExitCode::from(2));
        }
    };
    let resource = storysafe::consent::fhir_consent(&pkg.consent, a.today);
    let mut out = io::stdout().lock();
    writeln!(out, "{}", serde_json::to_string_pretty(&resource).map_err(io::Error::other)?)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
