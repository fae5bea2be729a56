//! A recognizer built from one regular expression, with an optional validator (checksums, context),
//! and the compiled [`Regex`] every structured rule uses.

use std::sync::LazyLock;

use super::{Category, Input, Recognizer, Span};

#[cfg(not(target_arch = "wasm32"))]
pub use native::{BuildError, Captures, Match, Regex};
#[cfg(target_arch = "wasm32")]
pub use wasm::{BuildError, Captures, Match, Regex};

/// Decides whether a regex match is a real finding, and may adjust its score.
/// Receives the whole text and the match range; returns `None` to reject, or the score to use.
pub type Validator = fn(text: &str, start: usize, end: usize, score: f32) -> Option<f32>;

/// A recognizer that reports every match of a regex (or of one capture group named `id`).
pub struct PatternRecognizer {
    /// Stable recognizer name.
    pub name: &'static str,
    /// The pattern, compiled once on first use.
    pub regex: &'static LazyLock<Regex>,
    /// The category of every match.
    pub category: Category,
    /// Base score.
    pub score: f32,
    /// Why a match is flagged, shown to the user.
    pub reason: &'static str,
    /// Optional check run on each match.
    pub validate: Option<Validator>,
}

impl Recognizer for PatternRecognizer {
    fn name(&self) -> &'static str {
        self.name
    }

    fn recognize(&self, input: &Input<'_>, out: &mut Vec<Span>) {
        let text = input.text();
        self.regex.for_each(text, |caps| {
            let m = caps.name("id").or_else(|| caps.get(0)).expect("group 0 always matches");
            let mut score = self.score;
            if let Some(v) = self.validate {
                match v(text, m.start(), m.end(), score) {
                    Some(s) => score = s,
                    None => return,
                }
            }
            out.push(Span::new(m.start(), m.end(), self.category, score, self.name, self.reason));
        });
    }
}

/// Compiles a pattern in ASCII mode: `\d`, `\s`, `\w`, `\b`, `[a-z]` and `(?i)` mean their ASCII
/// forms, as if the whole pattern were wrapped in `(?-u:...)`.
///
/// The engine matches [normalized](super::normalize) text, where other-script digits, unusual
/// spaces, dashes and quotes are already folded to ASCII, so Unicode classes add nothing there;
/// but they multiply the size of the automata (Unicode `\d` is 680 code points, `(?i)` folds
/// `k` to the Kelvin sign), which made compilation the bulk of start-up and slowed matching.
/// A pattern that needs a Unicode class says so locally: `(?u:[^\s<>])`. A few non-ASCII
/// characters are better written as alternatives than put in a class: `(?:[a-z']|’)` rather than
/// `(?u:[a-z'’])` (the same matches; outside a class a literal such as `’` or `°` works as is).
/// Compiling any Unicode class allocates and fills a 400 KB table in the regex compiler, once
/// per pattern: 160 fewer page faults at start-up once the six patterns that had one were
/// rewritten.
pub fn ascii(pattern: &str) -> Result<Regex, BuildError> {
    Regex::build(pattern, true)
}

/// Like [`ascii`], without the literal prefilter: for the patterns where extracting the
/// literals that every match starts with costs more at start-up than the prefilter saves while
/// searching (measured per rule: most patterns that start with a wide class such as `\d`, or
/// whose texts already passed a keyword gate, search as fast without one). The matches are the
/// same; only the speed differs. (In the browser build, where the size of the code counts more,
/// every pattern keeps its prefilter: see [`Regex`].)
pub fn ascii_unfiltered(pattern: &str) -> Result<Regex, BuildError> {
    Regex::build(pattern, false)
}

/// The native engine (see [`Regex`]).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::sync::OnceLock;

    use regex_automata::dfa::{dense, regex::Regex as DfaRegex};
    use regex_automata::meta;
    use regex_automata::nfa::thompson::{self, backtrack, pikevm};
    use regex_automata::util::captures::{Captures as Groups, GroupInfo};
    use regex_automata::util::iter::Searcher;
    use regex_automata::util::pool::Pool;
    use regex_automata::util::prefilter::Prefilter;
    use regex_automata::util::primitives::NonMaxUsize;
    use regex_automata::util::syntax;
    use regex_automata::util::wire::AlignAs;
    use regex_automata::{Anchored, Input as Hay, MatchKind};

    /// Why a pattern does not compile.
    pub type BuildError = Box<meta::BuildError>;

    /// The DFAs that `build.rs` compiled ahead of time for the patterns listed in
    /// `src/engine/structured/ahead_of_time.in`: (pattern, whether it has capture groups,
    /// forward DFA, reverse DFA, the literals every match starts with when they make a fast
    /// prefilter, or none; for a pattern with groups, the NFA that finds them as a program of
    /// [`nfa_from_program`] and the names of the groups, or none).
    static AHEAD_OF_TIME: &[AheadOfTime] = include!(concat!(env!("OUT_DIR"), "/aot.rs"));

    /// One entry of [`AHEAD_OF_TIME`].
    type AheadOfTime = (&'static str, bool, &'static AlignAs<[u8], u32>, &'static AlignAs<[u8], u32>, &'static [&'static [u8]], &'static [u32], &'static [Option<&'static str>]);

    include!("structured/nfa_program.rs");

    /// A compiled pattern: the [`regex`] crate's engine (`regex_automata::meta`) with the
    /// configuration `regex::Regex` uses for a `&str` pattern (leftmost-first, UTF-8 matches
    /// only, the same size limits), so that it finds exactly the same matches, plus the choice
    /// of a literal prefilter (see [`ascii_unfiltered`](super::ascii_unfiltered)); or, for a
    /// pattern that `build.rs` compiled ahead of time, its DFAs (see [`Dfas`]). Its captures
    /// are reused across the matches of one search ([`Regex::for_each`]).
    #[derive(Debug)]
    pub struct Regex {
        engine: Engine,
        pattern: Box<str>,
    }

    /// How a [`Regex`] searches.
    #[derive(Debug)]
    enum Engine {
        /// Compiled at run time.
        Meta(meta::Regex),
        /// Compiled at build time (boxed: its captures engine makes it large).
        Dfas(Box<Dfas>),
    }

    /// The engines for the groups of a pattern compiled ahead of time (a bounded backtracker for
    /// a match short enough for its memory, a PikeVM for a longer one: both with the priorities of
    /// `meta`, which uses them too), and their caches.
    struct GroupEngine {
        backtracker: backtrack::BoundedBacktracker,
        pikevm: pikevm::PikeVM,
        caches: Pool<(backtrack::Cache, pikevm::Cache), Box<dyn Fn() -> (backtrack::Cache, pikevm::Cache) + Send + Sync>>,
    }

    /// A pattern compiled ahead of time: a forward DFA finds where each match ends and a reverse
    /// DFA where it starts (what `meta` does with its lazy DFAs, hence the same matches), both
    /// read in place from the binary. Nothing is compiled or determinized at run time, except
    /// for groups: when the pattern has any, its NFA is compiled on the first match (see
    /// [`GroupEngine`]) and run on each match's range only.
    struct Dfas {
        dfa: DfaRegex<dense::DFA<&'static [u32]>>,
        pattern: &'static str,
        /// The NFA for the groups as build.rs compiled it (see [`nfa_from_program`]), empty when
        /// it is compiled from the pattern at run time, and the names of the groups.
        program: &'static [u32],
        names: &'static [Option<&'static str>],
        /// The engine for groups, built on first use; never for a pattern without groups.
        groups: OnceLock<GroupEngine>,
        /// The groups of a pattern without capture groups (the whole match only), or `None`.
        plain: Option<GroupInfo>,
    }

    /// The patterns compiled ahead of time, each with its DFAs fully validated (for tests).
    #[cfg(test)]
    pub(super) fn ahead_of_time_validated() -> Vec<&'static str> {
        AHEAD_OF_TIME
            .iter()
            .map(|&(pattern, _, fwd, rev, ..)| {
                for table in [fwd, rev] {
                    dense::DFA::from_bytes(&table.bytes).unwrap_or_else(|e| panic!("{pattern}: {e}"));
                }
                pattern
            })
            .collect()
    }

    impl std::fmt::Debug for Dfas {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("Dfas").field("pattern", &self.pattern).finish_non_exhaustive()
        }
    }

    /// The syntax of every pattern (ASCII classes, matches on UTF-8 boundaries).
    fn syntax() -> syntax::Config {
        syntax::Config::new().unicode(false).utf8(true)
    }

    impl Dfas {
        /// The DFAs of `pattern` if `build.rs` compiled it.
        fn of(pattern: &str) -> Option<Dfas> {
            let &(pattern, has_groups, fwd, rev, needles, program, names) = AHEAD_OF_TIME.iter().find(|(p, ..)| *p == pattern)?;
            // SAFETY: the bytes are what `dense::DFA::to_bytes_*_endian` wrote in build.rs, in
            // the target's byte order, with the version of regex-automata this crate uses (the
            // lock file holds one), so they hold a valid DFA; the header (label, byte order,
            // format version, alignment) is still checked here, and the test
            // `ahead_of_time_same_as_compiled` runs the full validation of `from_bytes` on each.
            // Skipping that validation keeps start-up from reading every table through.
            let (mut fwd, rev) = unsafe { (dense::DFA::from_bytes_unchecked(&fwd.bytes).ok()?.0, dense::DFA::from_bytes_unchecked(&rev.bytes).ok()?.0) };
            // the prefilter is not serialized: built here from the literals build.rs extracted
            // (the DFA's start states are specialized for it); the matches are the same
            if !needles.is_empty() {
                fwd.set_prefilter(Prefilter::new(MatchKind::LeftmostFirst, needles));
            }
            let plain = (!has_groups).then(|| GroupInfo::new([[None::<&str>]]).expect("one unnamed group"));
            Some(Dfas { dfa: DfaRegex::builder().build_from_dfas(fwd, rev), pattern, program, names, groups: OnceLock::new(), plain })
        }

        /// The first match in the span of `input`.
        fn find(&self, input: &Hay<'_>) -> Option<regex_automata::Match> {
            self.dfa.try_search(input).expect("a DFA without quit bytes never fails")
        }

        /// The engine for groups, built on first use: from the NFA build.rs compiled (rebuilding
        /// it from its program skips parsing and compiling the pattern: 14 M fewer instructions
        /// for a scan of physionet-dev, 431.0 to 416.6 M), or compiled now when there is none.
        fn groups(&self) -> &GroupEngine {
            self.groups.get_or_init(|| {
                let nfa = if self.program.is_empty() {
                    thompson::Compiler::new()
                        .syntax(syntax())
                        .configure(thompson::Config::new().utf8(true))
                        .build(self.pattern)
                        .expect("a pattern compiled ahead of time compiles")
                } else {
                    nfa_from_program(self.program, self.names)
                };
                let backtracker = backtrack::BoundedBacktracker::new_from_nfa(nfa.clone()).expect("a backtracker");
                let pikevm = pikevm::PikeVM::new_from_nfa(nfa).expect("a PikeVM");
                let (b, p) = (backtracker.clone(), pikevm.clone());
                let create: Box<dyn Fn() -> (backtrack::Cache, pikevm::Cache) + Send + Sync> = Box::new(move || (b.create_cache(), p.create_cache()));
                GroupEngine { backtracker, pikevm, caches: Pool::new(create) }
            })
        }

        /// A fresh set of captures.
        fn create_captures(&self) -> Groups {
            match &self.plain {
                Some(info) => Groups::all(info.clone()),
                None => self.groups().pikevm.create_captures(),
            }
        }

        /// Fills `caps` with match `m` of `hay` and its groups.
        fn fill(&self, hay: &[u8], m: regex_automata::Match, caps: &mut Groups) {
            if self.plain.is_some() {
                caps.set_pattern(Some(m.pattern()));
                let slots = caps.slots_mut();
                (slots[0], slots[1]) = (NonMaxUsize::new(m.start()), NonMaxUsize::new(m.end()));
                return;
            }
            // the leftmost-first match that starts at m.start() ends at m.end(): searched
            // anchored there and bounded by m.end() (look-arounds still see the text around),
            // it is found again, with its groups
            let groups = self.groups();
            let input = Hay::new(hay).span(m.range()).anchored(Anchored::Yes);
            let mut caches = groups.caches.get();
            if m.len() > groups.backtracker.max_haystack_len() || groups.backtracker.try_search(&mut caches.0, &input, caps).is_err() {
                groups.pikevm.search(&mut caches.1, &input, caps);
            }
            debug_assert_eq!(caps.get_match().map(|g| g.range()), Some(m.range()));
        }
    }

    impl Regex {
        /// Compiles `pattern` in ASCII mode, with or without the automatic literal prefilter
        /// (or takes its DFAs compiled ahead of time, where the prefilter plays no part).
        pub(super) fn build(pattern: &str, prefilter: bool) -> Result<Regex, BuildError> {
            match Dfas::of(pattern) {
                Some(dfas) => Ok(Regex { engine: Engine::Dfas(Box::new(dfas)), pattern: pattern.into() }),
                None => Regex::compile(pattern, prefilter),
            }
        }

        /// Compiles `pattern` now (with `meta`), even when it was compiled ahead of time.
        pub(super) fn compile(pattern: &str, prefilter: bool) -> Result<Regex, BuildError> {
            let config = meta::Config::new()
                .nfa_size_limit(Some(10 * (1 << 20)))
                .hybrid_cache_capacity(2 * (1 << 20))
                .match_kind(MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .auto_prefilter(prefilter);
            let meta = meta::Builder::new().configure(config).syntax(syntax()).build(pattern).map_err(Box::new)?;
            Ok(Regex { engine: Engine::Meta(meta), pattern: pattern.into() })
        }

        /// The source pattern.
        pub fn as_str(&self) -> &str {
            &self.pattern
        }

        /// True when the pattern was compiled ahead of time (by `build.rs`).
        pub fn is_ahead_of_time(&self) -> bool {
            matches!(self.engine, Engine::Dfas(_))
        }

        /// True when the pattern matches somewhere in `hay`.
        pub fn is_match(&self, hay: &str) -> bool {
            match &self.engine {
                Engine::Meta(meta) => meta.is_match(hay),
                Engine::Dfas(d) => d.dfa.is_match(hay),
            }
        }

        /// The first match in the span of `input`.
        fn find(&self, input: &Hay<'_>) -> Option<regex_automata::Match> {
            match &self.engine {
                Engine::Meta(meta) => meta.search(input),
                Engine::Dfas(d) => d.find(input),
            }
        }

        /// A fresh set of captures.
        fn create_captures(&self) -> Groups {
            match &self.engine {
                Engine::Meta(meta) => meta.create_captures(),
                Engine::Dfas(d) => d.create_captures(),
            }
        }

        /// Fills `caps` with the first match in the span of `input` and its groups, or with no
        /// match.
        fn search_captures(&self, input: &Hay<'_>, caps: &mut Groups) {
            match &self.engine {
                Engine::Meta(meta) => meta.search_captures(input, caps),
                Engine::Dfas(d) => match d.find(input) {
                    Some(m) => d.fill(input.haystack(), m, caps),
                    None => caps.set_pattern(None),
                },
            }
        }

        /// The successive non-overlapping matches in `hay`.
        pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
        where
            'h: 'r,
        {
            let mut it = Searcher::new(Hay::new(hay));
            std::iter::from_fn(move || it.advance(|input| Ok(self.find(input)))).map(move |m| Match { hay, start: m.start(), end: m.end() })
        }

        /// The successive non-overlapping matches in `hay`, with their groups.
        pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
        where
            'h: 'r,
        {
            let mut it = Searcher::new(Hay::new(hay));
            std::iter::from_fn(move || {
                let mut caps = self.create_captures();
                it.advance(|input| {
                    self.search_captures(input, &mut caps);
                    Ok(caps.get_match())
                })?;
                Some(Captures { hay, caps })
            })
        }

        /// Calls `f` on each successive non-overlapping match in `hay` (the matches of
        /// [`Regex::captures_iter`]), filling one set of captures again for each match instead of
        /// allocating one per match.
        pub fn for_each<'h>(&self, hay: &'h str, mut f: impl FnMut(&Captures<'h>)) {
            let mut it = Searcher::new(Hay::new(hay));
            match &self.engine {
                Engine::Meta(meta) => {
                    let mut caps = Captures { hay, caps: meta.create_captures() };
                    while it
                        .advance(|input| {
                            meta.search_captures(input, &mut caps.caps);
                            Ok(caps.caps.get_match())
                        })
                        .is_some()
                    {
                        f(&caps);
                    }
                }
                Engine::Dfas(d) => {
                    // made on the first match: a search that finds nothing builds no engine for groups
                    let mut caps: Option<Captures<'h>> = None;
                    while let Some(m) = it.advance(|input| Ok(d.find(input))) {
                        let caps = caps.get_or_insert_with(|| Captures { hay, caps: d.create_captures() });
                        d.fill(hay.as_bytes(), m, &mut caps.caps);
                        f(caps);
                    }
                }
            }
        }

        /// The first match in `hay` that starts at `start` or after (the text before `start` is still
        /// seen by look-arounds such as `\b`).
        pub fn captures_at<'h>(&self, hay: &'h str, start: usize) -> Option<Captures<'h>> {
            let input = Hay::new(hay).span(start..hay.len());
            let caps = match &self.engine {
                Engine::Meta(meta) => {
                    let mut caps = meta.create_captures();
                    meta.search_captures(&input, &mut caps);
                    caps
                }
                Engine::Dfas(d) => {
                    let m = d.find(&input)?;
                    let mut caps = d.create_captures();
                    d.fill(hay.as_bytes(), m, &mut caps);
                    caps
                }
            };
            caps.is_match().then_some(Captures { hay, caps })
        }
    }

    /// The groups of one match of a [`Regex`].
    #[derive(Debug)]
    pub struct Captures<'h> {
        hay: &'h str,
        caps: Groups,
    }

    impl<'h> Captures<'h> {
        /// Group `i` (0: the whole match), if it took part in the match.
        pub fn get(&self, i: usize) -> Option<Match<'h>> {
            self.caps.get_group(i).map(|sp| Match { hay: self.hay, start: sp.start, end: sp.end })
        }

        /// The group named `name`, if the pattern has it and it took part in the match. (The
        /// names are compared one by one: cheaper for a handful of groups than the hash map of
        /// `get_group_by_name`, which hashed the name on each of the judges' many calls.)
        pub fn name(&self, name: &str) -> Option<Match<'h>> {
            let i = self.caps.group_info().pattern_names(self.caps.pattern()?).position(|n| n == Some(name))?;
            self.get(i)
        }
    }

    /// `caps[i]`: the text of group `i`, which must have taken part in the match (as in `regex`).
    impl std::ops::Index<usize> for Captures<'_> {
        type Output = str;
        fn index(&self, i: usize) -> &str {
            self.get(i).map(|m| &self.hay[m.range()]).unwrap_or_else(|| panic!("no group {i}"))
        }
    }

    /// `caps["name"]`: the text of the named group, which must have taken part in the match.
    impl std::ops::Index<&str> for Captures<'_> {
        type Output = str;
        fn index(&self, name: &str) -> &str {
            self.name(name).map(|m| &self.hay[m.range()]).unwrap_or_else(|| panic!("no group {name}"))
        }
    }

    /// A matched range of a text.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Match<'h> {
        hay: &'h str,
        start: usize,
        end: usize,
    }

    impl<'h> Match<'h> {
        /// Start byte offset.
        pub fn start(&self) -> usize {
            self.start
        }

        /// End byte offset (exclusive).
        pub fn end(&self) -> usize {
            self.end
        }

        /// The byte range.
        pub fn range(&self) -> std::ops::Range<usize> {
            self.start..self.end
        }

        /// Length in bytes.
        pub fn len(&self) -> usize {
            self.end - self.start
        }

        /// True for an empty match.
        pub fn is_empty(&self) -> bool {
            self.start == self.end
        }

        /// The matched text.
        pub fn as_str(&self) -> &'h str {
            &self.hay[self.start..self.end]
        }
    }
}

/// The browser build's engine: `regex::Regex` itself behind the same interface, every pattern
/// with its prefilter (compiling `regex_automata`'s engine directly beside the `regex` crate the
/// rest of the app uses made the bundle 2.5 KB larger gzipped).
#[cfg(target_arch = "wasm32")]
mod wasm {
    pub use regex::{Captures, Match};

    /// Why a pattern does not compile.
    pub type BuildError = regex::Error;

    /// A compiled pattern (see the native [`Regex`](super::Regex)).
    #[derive(Debug)]
    pub struct Regex(regex::Regex);

    impl Regex {
        /// Compiles `pattern` in ASCII mode (always with the prefilter here).
        pub(super) fn build(pattern: &str, _prefilter: bool) -> Result<Regex, BuildError> {
            regex::RegexBuilder::new(pattern).unicode(false).build().map(Regex)
        }

        /// The source pattern.
        pub fn as_str(&self) -> &str {
            self.0.as_str()
        }

        /// True when the pattern matches somewhere in `hay`.
        pub fn is_match(&self, hay: &str) -> bool {
            self.0.is_match(hay)
        }

        /// The successive non-overlapping matches in `hay`.
        pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
        where
            'h: 'r,
        {
            self.0.find_iter(hay)
        }

        /// The successive non-overlapping matches in `hay`, with their groups.
        pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
        where
            'h: 'r,
        {
            self.0.captures_iter(hay)
        }

        /// Calls `f` on each successive non-overlapping match in `hay`.
        pub fn for_each<'h>(&self, hay: &'h str, mut f: impl FnMut(&Captures<'h>)) {
            for caps in self.0.captures_iter(hay) {
                f(&caps);
            }
        }

        /// The first match in `hay` that starts at `start` or after.
        pub fn captures_at<'h>(&self, hay: &'h str, start: usize) -> Option<Captures<'h>> {
            self.0.captures_at(hay, start)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ascii;

    #[test]
    fn ascii_mode_table() {
        // (pattern, text, matches)
        let rows: &[(&str, &str, bool)] = &[
            (r"^\d+$", "0142", true),
            // another script's digits are folded by normalization, never matched directly
            (r"^\d+$", "٠١٤٢", false),
            (r"(?i)^kelvin$", "KELVIN", true),
            (r"(?i)^k$", "\u{212A}", false),
            (r"^a\sb$", "a b", true),
            (r"^a\sb$", "a\u{2028}b", false),
            (r"^(?u:[a-z'’])+$", "o’neil", true),
            (r"^(?:[a-z']|’)+$", "o’neil", true),
            (r"^(?:[a-z']|’)+$", "o\u{2019}\u{2019}x", true),
            (r"^(?:[a-z']|’)+$", "o‘neil", false),
            (r"^\d+\s*°$", "37 °", true),
            (r"^x(?u:[^\s])+$", "xé€", true),
        ];
        for &(pattern, text, want) in rows {
            let re = ascii(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
            assert_eq!(re.is_match(text), want, "{pattern} on {text:?}");
        }
    }

    /// The wrapper finds what `regex::Regex` finds (the same engine and settings), with or without
    /// the prefilter, through each of its search calls; empty matches included.
    #[test]
    fn same_matches_as_regex_crate() {
        use super::ascii_unfiltered;
        let rows: &[(&str, &str)] = &[
            (r"(?i)(?-u:\b)(?:mrn|id)\s*(?P<id>\d{2,})", "MRN 0042, id 7, Id:12345 mrn123"),
            (r"(?P<a>\d{1,2})/(?P<b>\d{1,2})?", "3/14 and 5/ x 12/1"),
            (r"x*", "axxbé€x"),
            (r"(?-u:\b)", "ab cd é"),
            (r"(?:[a-z']|’)+", "o’neil’s ‘quote’"),
        ];
        for &(pattern, text) in rows {
            let want = regex::RegexBuilder::new(pattern).unicode(false).build().unwrap();
            let want: Vec<Vec<Option<(usize, usize)>>> =
                want.captures_iter(text).map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()).collect();
            for re in [ascii(pattern).unwrap(), ascii_unfiltered(pattern).unwrap()] {
                let groups = |c: &super::Captures<'_>| (0..want[0].len()).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect::<Vec<_>>();
                let mut each = Vec::new();
                re.for_each(text, |c| each.push(groups(c)));
                assert_eq!(each, want, "{pattern} on {text:?}");
                let iter: Vec<_> = re.captures_iter(text).map(|c| groups(&c)).collect();
                assert_eq!(iter, want, "{pattern} on {text:?}");
                let found: Vec<_> = re.find_iter(text).map(|m| Some((m.start(), m.end()))).collect();
                assert_eq!(found, want.iter().map(|g| g[0]).collect::<Vec<_>>(), "{pattern} on {text:?}");
                let first = re.captures_at(text, 1).map(|c| groups(&c));
                let want_first = regex::RegexBuilder::new(pattern).unicode(false).build().unwrap().captures_at(text, 1).map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect::<Vec<_>>());
                assert_eq!(first, want_first, "{pattern} on {text:?} from 1");
                assert_eq!(re.is_match(text), !want.is_empty());
                assert_eq!(re.as_str(), pattern);
            }
        }
        let re = ascii(r"(?P<a>\d+)-(?P<b>\d+)").unwrap();
        let caps = re.captures_at("x 12-345", 0).unwrap();
        assert_eq!((&caps[0], &caps["a"], &caps[2]), ("12-345", "12", "345"));
        let m = caps.name("b").unwrap();
        assert_eq!((m.range(), m.len(), m.is_empty(), m.as_str()), (5..8, 3, false, "345"));
        assert!(caps.name("c").is_none());
    }

    /// Every pattern compiled ahead of time holds valid DFAs, and finds the same matches with the
    /// same groups as the same pattern compiled at run time, on every text of the test corpora
    /// (through each search call, and from every start of a match for `captures_at`).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn ahead_of_time_same_as_compiled() {
        use super::native::{ahead_of_time_validated, Regex};
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpora");
        let mut texts: Vec<String> = vec!["".into(), "MRN 0042, id 7, Id:12345 mrn123 é".into()];
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "jsonl") {
                continue;
            }
            let data = std::fs::read_to_string(path).unwrap();
            for line in data.lines().filter(|l| !l.trim().is_empty()) {
                let doc: serde_json::Value = serde_json::from_str(line).unwrap();
                texts.extend(doc["text"].as_str().map(str::to_string));
            }
        }
        let patterns = ahead_of_time_validated();
        assert!(!patterns.is_empty());
        // every group of every pattern (an index past the last is `None` in both)
        let groups = |_: &Regex, c: &super::Captures<'_>| (0..64).map(|i| c.get(i).map(|m| m.range())).collect::<Vec<_>>();
        for pattern in patterns {
            let (aot, compiled) = (ascii(pattern).unwrap(), Regex::compile(pattern, true).unwrap());
            assert!(aot.is_ahead_of_time() && !compiled.is_ahead_of_time(), "{pattern}");
            for text in &texts {
                let mut want = Vec::new();
                compiled.for_each(text, |c| want.push(groups(&compiled, c)));
                let mut got = Vec::new();
                aot.for_each(text, |c| got.push(groups(&aot, c)));
                assert_eq!(got, want, "{pattern} on {text:?}");
                let iter: Vec<_> = aot.captures_iter(text).map(|c| groups(&aot, &c)).collect();
                assert_eq!(iter, want, "{pattern} on {text:?}");
                let found: Vec<_> = aot.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(found, want.iter().map(|g| g[0].clone().unwrap()).collect::<Vec<_>>(), "{pattern}");
                assert_eq!(aot.is_match(text), !want.is_empty());
                for g in &want {
                    let at = g[0].clone().unwrap().start;
                    let a = aot.captures_at(text, at).map(|c| groups(&aot, &c));
                    assert_eq!(a, compiled.captures_at(text, at).map(|c| groups(&compiled, &c)), "{pattern} at {at}");
                }
            }
        }
    }

    /// An NFA written as a program and read back is the same NFA, group names included: for
    /// patterns with groups, look-arounds, classes (sparse states), alternations (unions) and
    /// repetitions; and it finds the same groups.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn nfa_program_reads_back_the_same() {
        use regex_automata::nfa::thompson::{self, pikevm::PikeVM};
        use regex_automata::PatternID;
        for pattern in [r"(?i)(?-u:\b)(?:mrn|id)\s*(?P<id>\d{2,})", r"(?P<a>\d{1,2})/(?P<b>\d{1,2})?|x*", r"(a)(?P<n>[a-f0-9]+)?(?:,|\.)+(?m:^|$)", r"(?u:[^\s<>])+(?P<tail>é|€)"] {
            let nfa = thompson::Compiler::new()
                .syntax(regex_automata::util::syntax::Config::new().unicode(false).utf8(true))
                .configure(thompson::Config::new().utf8(true))
                .build(pattern)
                .unwrap();
            let program = super::native::nfa_program(&nfa).unwrap();
            let names: Vec<Option<&str>> = nfa.group_info().pattern_names(PatternID::ZERO).collect();
            let back = super::native::nfa_from_program(&program, &names);
            assert!(back.states() == nfa.states(), "{pattern}");
            assert_eq!(format!("{back:?}"), format!("{nfa:?}"), "{pattern}");
            assert!(back.group_info().pattern_names(PatternID::ZERO).eq(names.iter().copied()), "{pattern}");
            let (want, got) = (PikeVM::new_from_nfa(nfa).unwrap(), PikeVM::new_from_nfa(back).unwrap());
            for text in ["MRN 0042, id 7", "3/14 and 5/ xx", "a12,.\nab.", "xé€ x€"] {
                let all = |vm: &PikeVM| vm.captures_iter(&mut vm.create_cache(), text).map(|c| (0..c.group_len()).map(|i| c.get_group(i)).collect::<Vec<_>>()).collect::<Vec<_>>();
                assert_eq!(all(&got), all(&want), "{pattern} on {text:?}");
            }
        }
    }

    #[test]
    fn class_needing_unicode_is_rejected_without_u() {
        assert!(ascii(r"[a-z'’]").is_err());
        assert!(ascii(r"[^\s]").is_err());
    }
}
