//! The engine's spans and the indirect identifiers of a text as a compact JSON string, for a scan
//! made elsewhere (the browser app scans in a Web Worker running this same code, and sends the
//! result back to the page as text).
//!
//! Offsets stay UTF-8 byte offsets: both sides hold the same Rust `String` (the page sends the
//! worker its own copy of the text, which converts back to the same bytes), so no conversion is
//! needed. Recognizer names and reasons repeat a lot in a long story, so each distinct one is sent
//! once, in a table, and spans refer to it by number (as do the indirect identifiers' messages):
//!
//! ```json
//! {"names":["email"],"reasons":["an email address"],"spans":[[9,21,"EMAIL",0.95,0,0]],
//!  "quasi":[[30,38,"Occupation",1]],"distinct":1}
//! ```
//!
//! ```
//! use storysafe::engine::{default_engine, quasi};
//! use storysafe::state::wire;
//!
//! let text = "Write to ana@example.org on 3/14, the farmer said";
//! let (spans, report) = (default_engine().scan(text), quasi::scan(text));
//! assert_eq!(wire::decode(&wire::encode(&spans, &report)), Some((spans, report)));
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::engine::quasi::{QuasiKind, QuasiReport, QuasiWarning};
use crate::engine::{Category, Span};

#[derive(Serialize, Deserialize)]
struct Wire<'a> {
    #[serde(borrow)]
    names: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    reasons: Vec<Cow<'a, str>>,
    spans: Vec<(usize, usize, Category, f32, usize, usize)>,
    quasi: Vec<(usize, usize, QuasiKind, usize)>,
    distinct: usize,
}

/// Spans and indirect identifiers as a JSON string (see the module documentation).
pub fn encode(spans: &[Span], quasi: &QuasiReport) -> String {
    let mut names: Vec<Cow<str>> = Vec::new();
    let mut reasons: Vec<Cow<str>> = Vec::new();
    let mut name_ids: HashMap<&str, usize> = HashMap::new();
    let mut reason_ids: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        let n = *name_ids.entry(s.recognizer).or_insert_with(|| {
            names.push(Cow::Borrowed(s.recognizer));
            names.len() - 1
        });
        let r = *reason_ids.entry(s.reason.as_ref()).or_insert_with(|| {
            reasons.push(Cow::Borrowed(s.reason.as_ref()));
            reasons.len() - 1
        });
        out.push((s.start, s.end, s.category, s.score, n, r));
    }
    let mut warnings = Vec::with_capacity(quasi.warnings.len());
    for w in &quasi.warnings {
        let r = *reason_ids.entry(w.message.as_ref()).or_insert_with(|| {
            reasons.push(Cow::Borrowed(w.message.as_ref()));
            reasons.len() - 1
        });
        warnings.push((w.start, w.end, w.kind, r));
    }
    serde_json::to_string(&Wire { names, reasons, spans: out, quasi: warnings, distinct: quasi.distinct }).expect("spans serialize")
}

/// The spans and indirect identifiers of a string made by [`encode`]; `None` when it is not one.
/// Span offsets are not checked here (the state checks them against the text when the scan is
/// applied).
pub fn decode(json: &str) -> Option<(Vec<Span>, QuasiReport)> {
    let wire: Wire = serde_json::from_str(json).ok()?;
    let names: Vec<&'static str> = wire.names.iter().map(|n| intern(n)).collect();
    let reasons: Vec<Cow<'static, str>> = wire.reasons.into_iter().map(|r| Cow::Owned(r.into_owned())).collect();
    let spans = wire
        .spans
        .into_iter()
        .map(|(start, end, category, score, n, r)| {
            Some(Span::new(start, end, category, score, names.get(n).copied()?, reasons.get(r)?.clone()))
        })
        .collect::<Option<Vec<Span>>>()?;
    let warnings = wire
        .quasi
        .into_iter()
        .map(|(start, end, kind, r)| Some(QuasiWarning { start, end, kind, message: reasons.get(r)?.clone() }))
        .collect::<Option<Vec<QuasiWarning>>>()?;
    Some((spans, QuasiReport { warnings, distinct: wire.distinct }))
}

/// Recognizer names are `&'static str` in a [`Span`]: a name read from the wire is kept once for
/// the life of the program. They come from a fixed set (the engine's recognizers); past a bound,
/// further new names are all called "elsewhere", so that nothing can grow without limit.
fn intern(name: &str) -> &'static str {
    const MAX: usize = 512;
    static NAMES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(n) = names.iter().copied().find(|n| *n == name) {
        return n;
    }
    if names.len() >= MAX {
        return "elsewhere";
    }
    let n: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.push(n);
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{default_engine, quasi};

    #[test]
    fn round_trip_keeps_every_field_and_shares_names_and_reasons() {
        let text = "Call Ana Ruiz at (617) 555-0142 or 617-555-0199, or write to ana@example.org, née 3/14/1950. \
                    The farmer from the lighthouse turned 97 last Tuesday.";
        let spans = default_engine().scan(text);
        let report = quasi::scan(text);
        assert!(spans.len() >= 4, "{spans:?}");
        assert!(report.warnings.len() >= 2, "{report:?}");
        let json = encode(&spans, &report);
        assert_eq!(decode(&json), Some((spans.clone(), report)));
        // Two phone numbers: one name and one reason in the tables.
        let wire: Wire = serde_json::from_str(&json).unwrap();
        assert_eq!(wire.names.iter().filter(|n| *n == "phone").count(), 1, "{json}");
        // A second decode gives the same interned names.
        let again = decode(&json).unwrap().0;
        assert!(std::ptr::eq(again[0].recognizer, decode(&json).unwrap().0[0].recognizer));
    }

    #[test]
    fn non_ascii_text_keeps_byte_offsets() {
        let text = "Zoë Ñúñez — écrit à zoë@exemple.fr le 3/4";
        let spans = default_engine().scan(text);
        let (back, _) = decode(&encode(&spans, &QuasiReport::default())).unwrap();
        for s in &back {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        assert_eq!(back, spans);
    }

    #[test]
    fn rejects_what_is_not_a_scan() {
        assert_eq!(decode(""), None);
        assert_eq!(decode("{}"), None);
        let empty = r#""quasi":[],"distinct":0"#;
        assert_eq!(decode(&format!(r#"{{"names":[],"reasons":[],"spans":[[0,1,"EMAIL",1.0,0,0]],{empty}}}"#)), None);
        assert_eq!(decode(&format!(r#"{{"names":["x"],"reasons":["y"],"spans":[[0,1,"NOPE",1.0,0,0]],{empty}}}"#)), None);
        assert_eq!(decode(r#"{"names":[],"reasons":[],"spans":[],"quasi":[[0,1,"Occupation",3]],"distinct":1}"#), None);
        assert_eq!(decode(&format!(r#"{{"names":[],"reasons":[],"spans":[],{empty}}}"#)), Some((vec![], QuasiReport::default())));
    }
}
