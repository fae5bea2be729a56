//! The detection engine: recognizers -> candidate spans -> conflict resolution -> final spans.
//!
//! ```
//! use storysafe::engine::{Category, Engine};
//!
//! let engine = Engine::default();
//! let text = "Write to rosa@example.org or call (617) 555-0142.";
//! let spans = engine.scan(text);
//! let found: Vec<(&str, Category)> =
//!     spans.iter().map(|s| (&text[s.start..s.end], s.category)).collect();
//! assert!(found.contains(&("rosa@example.org", Category::Email)));
//! assert!(found.contains(&("(617) 555-0142", Category::Phone)));
//! ```
//!
//! The pipeline is fixed (see [`Engine::scan`]):
//! 1. the text is [normalized](normalize) for matching (zero-width characters, fullwidth digits,
//!    homoglyphs), keeping a map back to the original offsets;
//! 2. every registered [`Recognizer`] pushes candidate [`Span`]s;
//! 3. refining passes run over the candidates (e.g. other occurrences of a found name);
//! 4. [`resolve()`] settles overlaps (contained spans dropped, overlapping ones merged);
//! 5. offsets are mapped back to the original text.
//!
//! The engine never does I/O and holds no per-text state: one `Engine` serves every scan.

pub mod normalize;
pub mod offsets;
pub mod operators;
pub mod pattern;
pub mod quasi;
pub mod resolve;
pub mod span;
pub mod structured;
pub mod names;

pub use normalize::Normalized;
pub use resolve::resolve;
pub use span::{Category, Span};

/// What a recognizer sees: the folded text it matches against, and facts about it that several
/// recognizers share (computed on first use, once per scan).
pub struct Input<'a> {
    norm: &'a Normalized<'a>,
    keywords: std::sync::OnceLock<structured::Keywords>,
}

impl<'a> Input<'a> {
    /// The input for one normalized text (what [`Engine::scan`] builds; also used by benchmarks
    /// that run one recognizer at a time).
    pub fn new(norm: &'a Normalized<'a>) -> Input<'a> {
        Input { norm, keywords: std::sync::OnceLock::new() }
    }

    /// Which gate keywords of the structured rules occur in the text (one pass, on first use).
    pub fn keywords(&self) -> &structured::Keywords {
        self.keywords.get_or_init(|| structured::Keywords::of(self.text()))
    }

    /// The normalized text. Offsets pushed by recognizers are byte offsets into this string.
    pub fn text(&self) -> &str {
        self.norm.as_str()
    }
}

/// Something that finds candidate spans in a text.
///
/// Recognizers push spans with byte offsets into [`Input::text`]; they may overlap one another
/// freely, since [`resolve()`] settles conflicts.
pub trait Recognizer: Send + Sync {
    /// A short stable name, shown to the user as the source of a finding (e.g. `"email"`).
    fn name(&self) -> &'static str;
    /// Pushes every candidate found in `input`.
    fn recognize(&self, input: &Input<'_>, out: &mut Vec<Span>);
}

/// A pass that refines the full candidate list once every recognizer has run (for example, finding
/// the other occurrences of a name found once, or dropping spans inside a known-safe phrase).
pub trait Refiner: Send + Sync {
    /// A short stable name.
    fn name(&self) -> &'static str;
    /// Adds, removes or adjusts candidates.
    fn refine(&self, input: &Input<'_>, spans: &mut Vec<Span>);
}

/// The recognizer registry and the pipeline that runs it.
pub struct Engine {
    recognizers: Vec<Box<dyn Recognizer>>,
    refiners: Vec<Box<dyn Refiner>>,
}

impl Default for Engine {
    /// Every built-in recognizer and refiner.
    fn default() -> Engine {
        let mut recognizers = structured::recognizers();
        recognizers.extend(names::recognizers());
        let mut refiners = structured::refiners();
        refiners.extend(names::refiners());
        Engine { recognizers, refiners }
    }
}

impl Engine {
    /// An engine with exactly these recognizers and refiners.
    pub fn new(recognizers: Vec<Box<dyn Recognizer>>, refiners: Vec<Box<dyn Refiner>>) -> Engine {
        Engine { recognizers, refiners }
    }

    /// The registered recognizers, in the order they run.
    pub fn recognizers(&self) -> &[Box<dyn Recognizer>] {
        &self.recognizers
    }

    /// The registered refiners, in the order they run.
    pub fn refiners(&self) -> &[Box<dyn Refiner>] {
        &self.refiners
    }

    /// The names of the registered recognizers, in order.
    pub fn recognizer_names(&self) -> Vec<&'static str> {
        self.recognizers.iter().map(|r| r.name()).collect()
    }

    /// Finds every identifier in `text`. Spans are sorted, non-overlapping, on character
    /// boundaries, with UTF-8 byte offsets into `text`.
    pub fn scan(&self, text: &str) -> Vec<Span> {
        let norm = Normalized::new(text);
        let input = Input::new(&norm);
        let mut spans = Vec::new();
        for r in &self.recognizers {
            r.recognize(&input, &mut spans);
        }
        self.finish(text, &input, spans)
    }

    /// The second half of [`Engine::scan`], for callers that run the recognizers themselves (a
    /// batch that runs each recognizer over many texts in turn, see `storysafe scan`): refines the
    /// candidates `spans` found in `input` (the normalized `text`), resolves conflicts and maps the
    /// offsets back to `text`. Candidates must come in the order of [`Engine::recognizers`] (each
    /// recognizer's own in the order it found them): conflict resolution depends on it, and the
    /// result is then exactly what [`Engine::scan`] returns.
    pub fn finish(&self, text: &str, input: &Input<'_>, mut spans: Vec<Span>) -> Vec<Span> {
        for f in &self.refiners {
            f.refine(input, &mut spans);
        }
        let norm = input.norm;
        spans.retain(|s| !s.is_empty() && s.end <= norm.as_str().len());
        let mut spans = resolve(spans);
        if !norm.is_identity() {
            for s in &mut spans {
                let (a, b) = norm.to_original(s.start, s.end);
                s.start = a;
                s.end = b;
            }
        }
        debug_assert!(spans.iter().all(|s| text.is_char_boundary(s.start) && text.is_char_boundary(s.end)));
        spans
    }
}

/// The shared default engine, built once on first use.
pub fn default_engine() -> &'static Engine {
    static ENGINE: std::sync::LazyLock<Engine> = std::sync::LazyLock::new(Engine::default);
    &ENGINE
}
