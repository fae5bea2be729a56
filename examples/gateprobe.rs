use std::time::Instant;
use storysafe::engine::structured::{address, contact, dates, ids, Keywords};
fn main() {
    let rules: Vec<_> = [contact::rules(), dates::rules(), ids::rules(), address::rules()].into_iter().flatten().collect();
    let docs: Vec<String> = std::fs::read_to_string("/work/shared/eval/physionet-dev.jsonl").unwrap().lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string()).collect();
    let kws: Vec<Keywords> = docs.iter().map(|d| Keywords::of(d)).collect();
    for (i, r) in rules.iter().enumerate() {
        let (mut runs, mut matches) = (0, 0);
        let t = Instant::now();
        for (d, k) in docs.iter().zip(&kws) {
            if !r.gate.is_empty() && !k.any(r.gate) { continue; }
            if let Some(c) = r.check { if !c(k, d) { continue; } }
            runs += 1;
            if r.regex.is_match(d) { matches += 1; }
        }
        println!("r{i:02} {:<14} runs {runs:5} matches {matches:5} {:?}", r.name, t.elapsed());
    }
}
