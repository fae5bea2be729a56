//! Application state and its pure reducer (no web crates): the UI dispatches [`Action`]s.
//!
//! The state holds the story being edited, the last *finished* scan (the only thing ever shown:
//! highlights and output always come from a finished scan, tagged with the revision of the text
//! it covers, see [`State::is_current`]), the review (decisions, manual redactions, allow and deny
//! lists, see [`review`]), the operators and the per-story secret ([`Plan`]), and from these the
//! final text and its anonymisation log.
//!
//! ```
//! use storysafe::engine::Category;
//! use storysafe::engine::operators::Operator;
//! use storysafe::state::{review::Verdict, Action, State};
//!
//! let s = State::new([7; 32])
//!     .reduce(Action::Edit("We met by the old mill; write to desk@x.org.".into()))
//!     .reduce(Action::Scan);
//! assert_eq!(s.final_text(), Some("We met by the old mill; write to [EMAIL]."));
//! // The engine cannot know the place: the user selects it and redacts it everywhere.
//! let s = s.reduce(Action::RedactSelection { start: 14, end: 22, category: Category::Location, every: true });
//! let s = s.reduce(Action::SetOperator(Category::Location, Operator::Pseudonym));
//! assert_eq!(s.final_text(), Some("We met by the [PLACE-1]; write to [EMAIL]."));
//! // The email was fine to share after all.
//! let s = s.reduce(Action::Decide { finding: 0, verdict: Verdict::NotIdentifier, every: false });
//! assert_eq!(s.final_text(), Some("We met by the [PLACE-1]; write to desk@x.org."));
//! ```
//!
//! Heavy work: [`Action::Scan`] runs the engine in the reducer; a UI that scans elsewhere (a Web
//! Worker, chunks between frames) sends the spans back with [`Action::ScanFinished`] instead.
//! Every other action only re-applies operators to the last scan, which is cheap.

pub mod channels;
pub mod review;
pub mod settings;
pub mod wire;
pub mod workfile;

use std::borrow::Cow;
use std::rc::Rc;

use crate::consent::text_hash;
use crate::engine::operators::{self, Operator, Output, Plan, Replacement};
use crate::engine::quasi::{self, QuasiReport};
use crate::engine::{default_engine, Category, Span};
use review::{Decision, DenyWord, Finding, Manual, Verdict};
use settings::Settings;
use workfile::{SavedSpan, Work, WorkFileError};

/// The editor's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The story as typed.
    pub text: String,
    /// The generation of `text`: bumped on every edit.
    pub revision: u64,
    /// The last finished scan, with the review applied and the final text. Shared (`Rc`): an
    /// edit, which does not change it, copies a pointer rather than the whole scan of a long
    /// story, and a view can tell an unchanged scan by its address.
    pub scan: Option<Rc<Scan>>,
    /// The user's decisions about findings (keyed by text, never by offsets).
    pub decisions: Vec<Decision>,
    /// Ranges redacted by hand (byte offsets into `text`, moved along with edits).
    pub manual: Vec<Manual>,
    /// Operators per category and the per-story secret.
    pub plan: Plan,
    /// Words never redacted.
    pub allow: Vec<String>,
    /// Words always redacted.
    pub deny: Vec<DenyWord>,
    /// True when the user allows the deny list to be kept on this device.
    pub remember_deny: bool,
}

/// The result of one finished scan, with the review applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Scan {
    /// The revision of the text this scan covers.
    pub revision: u64,
    /// The text it covers (equal to [`State::text`] while the scan is current).
    pub text: String,
    /// The engine's spans (byte offsets into `text`).
    pub spans: Vec<Span>,
    /// The findings as reviewed: engine and deny-list spans with decisions and allow list applied.
    pub findings: Vec<Finding>,
    /// The final text.
    pub redacted: String,
    /// The anonymisation log: what category was replaced where (byte offsets into `redacted`),
    /// by which operator; never the original text.
    pub log: Vec<Replacement>,
    /// Indirect identifiers found in the text.
    pub quasi: QuasiReport,
}

/// A piece of the scanned text, for highlighting (see [`State::segments`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Start byte offset into [`Scan::text`].
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// What the piece is.
    pub kind: SegmentKind,
}

/// What a [`Segment`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// Ordinary text.
    Plain,
    /// Finding number n of [`Scan::findings`].
    Finding(usize),
    /// Manual redaction number n of [`State::manual`].
    Manual(usize),
}

/// Everything that can happen to the state.
#[derive(Clone, Debug)]
pub enum Action {
    /// The user edited the story.
    Edit(String),
    /// Run the scan of the current text now.
    Scan,
    /// A scan made elsewhere finished: `spans` are the engine's spans of the text at `revision`.
    /// Ignored unless it is for the current text.
    ScanFinished {
        /// The revision that was scanned.
        revision: u64,
        /// The engine's spans for it.
        spans: Vec<Span>,
        /// Its indirect identifiers, when the scan found them too (else they are found here).
        quasi: Option<QuasiReport>,
    },
    /// A decision about finding number `finding` of the last scan.
    Decide {
        /// Index into [`Scan::findings`].
        finding: usize,
        /// The decision.
        verdict: Verdict,
        /// Apply it to every occurrence of the finding's text.
        every: bool,
    },
    /// Forget the decisions that apply to finding number `finding` (back to the default).
    Undecide {
        /// Index into [`Scan::findings`].
        finding: usize,
    },
    /// Redact a selection by hand (byte offsets into the current text; the UI converts a DOM
    /// selection with [`crate::engine::offsets::utf16_to_byte`]).
    RedactSelection {
        /// Start byte offset.
        start: usize,
        /// End byte offset.
        end: usize,
        /// The category to give it.
        category: Category,
        /// Also redact every other whole-word occurrence of the selected text.
        every: bool,
    },
    /// Remove manual redaction number `n`.
    RemoveManual(usize),
    /// Choose the operator of a category (ignored when not offered for it).
    SetOperator(Category, Operator),
    /// Add a word to the allow list.
    Allow(String),
    /// Remove a word from the allow list.
    Unallow(String),
    /// Add a word to the deny list.
    Deny(DenyWord),
    /// Remove a word from the deny list.
    Undeny(String),
    /// Whether the deny list may be kept on this device.
    RememberDeny(bool),
    /// Apply stored settings (at start-up).
    LoadSettings(Settings),
    /// Start a new story with a fresh secret (settings and lists are kept).
    NewStory {
        /// 32 fresh random bytes.
        secret: [u8; 32],
    },
}

impl State {
    /// An empty state for a new story with this secret (32 random bytes from the caller).
    pub fn new(secret: [u8; 32]) -> State {
        State { plan: Plan::new(secret), ..State::default() }
    }

    /// Applies an action, returning the next state.
    pub fn reduce(mut self, action: Action) -> State {
        match action {
            Action::Edit(text) => {
                if text != self.text {
                    review::relocate(&mut self.manual, &self.text, &text);
                    self.text = text;
                    self.revision += 1;
                }
            }
            Action::Scan => {
                let spans = default_engine().scan(&self.text);
                self.finish_scan(self.revision, self.text.clone(), spans, None);
            }
            Action::ScanFinished { revision, spans, quasi } => {
                if revision == self.revision {
                    self.finish_scan(revision, self.text.clone(), spans, quasi);
                }
            }
            Action::Decide { finding, verdict, every } => {
                if let Some(f) = self.scan.as_ref().and_then(|s| s.findings.get(finding)) {
                    let key = f.key.clone();
                    // A new decision replaces any earlier one of the same reach for this text.
                    self.decisions.retain(|d| !(d.every == every && if every { same_text(&d.key.text, &key.text) } else { d.key == key }));
                    // Deciding for every occurrence overrides the one-finding decisions of that text.
                    if every {
                        self.decisions.retain(|d| d.every || !same_text(&d.key.text, &key.text));
                    }
                    self.decisions.push(Decision { key, every, verdict });
                    self.refresh();
                }
            }
            Action::Undecide { finding } => {
                if let Some(f) = self.scan.as_ref().and_then(|s| s.findings.get(finding)) {
                    let key = f.key.clone();
                    self.decisions.retain(|d| !(d.key == key || d.every && same_text(&d.key.text, &key.text)));
                    self.refresh();
                }
            }
            Action::RedactSelection { start, end, category, every } => {
                let ok = start < end && end <= self.text.len() && self.text.is_char_boundary(start) && self.text.is_char_boundary(end);
                if ok && !self.text[start..end].trim().is_empty() {
                    let text = self.text[start..end].to_string();
                    self.manual.push(Manual { start, end, category, text, every });
                    self.refresh();
                }
            }
            Action::RemoveManual(n) => {
                if n < self.manual.len() {
                    self.manual.remove(n);
                    self.refresh();
                }
            }
            Action::SetOperator(category, op) => {
                if self.plan.set(category, op) {
                    self.refresh();
                }
            }
            Action::Allow(word) => {
                let word = word.trim().to_string();
                if !word.is_empty() && !self.allow.iter().any(|a| same_text(a, &word)) {
                    self.allow.push(word);
                    self.refresh();
                }
            }
            Action::Unallow(word) => {
                self.allow.retain(|a| !same_text(a, &word));
                self.refresh();
            }
            Action::Deny(word) => {
                let text = word.text.trim().to_string();
                if !text.is_empty() {
                    self.deny.retain(|d| !same_text(&d.text, &text));
                    self.deny.push(DenyWord { text, category: word.category });
                    self.refresh();
                }
            }
            Action::Undeny(word) => {
                self.deny.retain(|d| !same_text(&d.text, &word));
                self.refresh();
            }
            Action::RememberDeny(on) => self.remember_deny = on,
            Action::LoadSettings(s) => {
                self.plan.operators.clear();
                for (c, o) in s.operators {
                    self.plan.set(c, o);
                }
                self.allow = s.allow;
                self.remember_deny = s.remember_deny;
                self.deny = if s.remember_deny { s.deny } else { Vec::new() };
                self.refresh();
            }
            Action::NewStory { secret } => {
                let settings = self.settings();
                let deny = std::mem::take(&mut self.deny);
                self = State::new(secret).reduce(Action::LoadSettings(settings));
                self.deny = deny;
            }
        }
        self
    }

    /// True when the last finished scan covers the current text.
    pub fn is_current(&self) -> bool {
        self.scan.as_ref().is_some_and(|s| s.revision == self.revision)
    }

    /// The final text of the last finished scan.
    pub fn final_text(&self) -> Option<&str> {
        self.scan.as_ref().map(|s| s.redacted.as_str())
    }

    /// The character counters of the final text for each channel.
    pub fn channels(&self) -> Vec<channels::ChannelCheck> {
        channels::check(self.final_text().unwrap_or(""))
    }

    /// The last scanned text cut into pieces for highlighting: plain text, findings (by index
    /// into [`Scan::findings`], whatever their status, so rejected ones can be shown as such) and
    /// manual redactions (by index into [`State::manual`]). Pieces are in order, cover the whole
    /// scanned text and do not overlap; where a manual redaction and a finding overlap, the
    /// longer one (then the earlier one) is shown.
    pub fn segments(&self) -> Vec<Segment> {
        let Some(scan) = self.scan.as_ref() else { return Vec::new() };
        let manual = manual_in(&self.manual, &self.text, &scan.text);
        let mut marks: Vec<(usize, usize, SegmentKind)> = scan
            .findings
            .iter()
            .enumerate()
            .map(|(i, f)| (f.span.start, f.span.end, SegmentKind::Finding(i)))
            .chain(manual.iter().enumerate().map(|(i, m)| (m.start, m.end, SegmentKind::Manual(i))))
            .filter(|&(a, b, _)| a < b && b <= scan.text.len())
            .collect();
        marks.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
        let mut out = Vec::with_capacity(2 * marks.len() + 1);
        let mut at = 0;
        for (a, b, kind) in marks {
            if a < at {
                continue;
            }
            if a > at {
                out.push(Segment { start: at, end: a, kind: SegmentKind::Plain });
            }
            out.push(Segment { start: a, end: b, kind });
            at = b;
        }
        if at < scan.text.len() {
            out.push(Segment { start: at, end: scan.text.len(), kind: SegmentKind::Plain });
        }
        out
    }

    /// What may be stored on the device (never the story): see [`settings`].
    pub fn settings(&self) -> Settings {
        Settings {
            operators: self.plan.operators.clone(),
            allow: self.allow.clone(),
            deny: self.deny.clone(),
            remember_deny: self.remember_deny,
        }
    }

    /// The warnings to show next to the operator menu (e.g. month and year is not Safe Harbor).
    pub fn operator_warnings(&self) -> Vec<(Category, &'static str)> {
        Category::ALL
            .into_iter()
            .filter_map(|c| self.plan.operator(c).warning(c).map(|w| (c, w)))
            .filter(|(c, _)| self.plan.operators.contains_key(c))
            .collect()
    }

    fn finish_scan(&mut self, revision: u64, text: String, mut spans: Vec<Span>, quasi: Option<QuasiReport>) {
        // Spans from elsewhere (a worker) are checked: out of range or mid-character ones dropped.
        spans.retain(|s| s.start < s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        spans.sort_by_key(|s| (s.start, s.end));
        let quasi = quasi.unwrap_or_else(|| quasi::scan(&text));
        self.scan = Some(Rc::new(Scan {
            revision,
            text,
            spans,
            findings: Vec::new(),
            redacted: String::new(),
            log: Vec::new(),
            quasi,
        }));
        self.refresh();
    }

    /// Re-applies the review and the operators to the last scan.
    fn refresh(&mut self) {
        let Some(old) = self.scan.take() else { return };
        let manual = manual_in(&self.manual, &self.text, &old.text);
        let findings = review::findings(&old.text, &old.spans, &self.deny, &self.allow, &self.decisions);
        let spans = review::effective_spans(&old.text, &findings, &manual);
        let Output { text, log } = operators::apply(&old.text, &spans, &self.plan);
        // A new scan value, never the old one changed in place (views compare scans by address).
        let mut scan = Rc::unwrap_or_clone(old);
        scan.findings = findings;
        scan.redacted = text;
        scan.log = log;
        self.scan = Some(Rc::new(scan));
    }

    /// Saves the work of the current scan, encrypted with `passphrase` (see [`workfile`]);
    /// `salt` and `nonce` must be fresh random bytes. `None` when there is no current scan (scan
    /// first: the saved work must be the text the user reviewed).
    pub fn save_work(&self, passphrase: &str, salt: [u8; 16], nonce: [u8; 12]) -> Option<Vec<u8>> {
        self.work().map(|w| workfile::seal(&w, passphrase, salt, nonce))
    }

    /// The content of a work file for the current scan.
    pub fn work(&self) -> Option<Work> {
        let scan = self.scan.as_ref().filter(|_| self.is_current())?;
        Some(Work {
            version: 1,
            text: self.text.clone(),
            spans: scan
                .spans
                .iter()
                .map(|s| SavedSpan {
                    start: s.start,
                    end: s.end,
                    category: s.category,
                    score: s.score,
                    recognizer: s.recognizer.to_string(),
                    reason: s.reason.to_string(),
                })
                .collect(),
            decisions: self.decisions.clone(),
            manual: self.manual.clone(),
            operators: self.plan.operators.clone(),
            secret: self.plan.secret,
            allow: self.allow.clone(),
            deny: self.deny.clone(),
            final_hash: text_hash(&scan.redacted),
        })
    }

    /// Opens a work file: the state it was saved from, producing exactly the same final text.
    pub fn open_work(bytes: &[u8], passphrase: &str) -> Result<State, WorkFileError> {
        State::from_work(workfile::open(bytes, passphrase)?)
    }

    /// Rebuilds the state from the content of a work file, checking that it reproduces the saved
    /// final text.
    pub fn from_work(work: Work) -> Result<State, WorkFileError> {
        let names = default_engine().recognizer_names();
        let valid = |s: &SavedSpan| s.start < s.end && s.end <= work.text.len() && work.text.is_char_boundary(s.start) && work.text.is_char_boundary(s.end);
        let valid_manual = |m: &Manual| m.start < m.end && m.end <= work.text.len() && work.text.is_char_boundary(m.start) && work.text.is_char_boundary(m.end);
        if !work.spans.iter().all(valid) || !work.manual.iter().all(valid_manual) {
            return Err(workfile::mismatch());
        }
        let spans = work
            .spans
            .iter()
            .map(|s| {
                let recognizer = names.iter().copied().find(|n| *n == s.recognizer).unwrap_or("saved-work");
                Span::new(s.start, s.end, s.category, s.score, recognizer, Cow::Owned(s.reason.clone()))
            })
            .collect();
        let mut plan = Plan::new(work.secret);
        for (c, o) in work.operators {
            plan.set(c, o);
        }
        let mut state = State {
            text: work.text.clone(),
            revision: 1,
            scan: None,
            decisions: work.decisions,
            manual: work.manual,
            plan,
            allow: work.allow,
            deny: work.deny,
            remember_deny: false,
        };
        state.finish_scan(1, work.text, spans, None);
        if state.final_text().map(text_hash) != Some(work.final_hash) {
            return Err(workfile::mismatch());
        }
        Ok(state)
    }
}

fn same_text(a: &str, b: &str) -> bool {
    operators::people::fold(a.trim()) == operators::people::fold(b.trim())
}

/// Manual ranges follow the current text `text`; this brings them to the scanned text when the
/// scan is of an older revision (borrowed unchanged when the two texts are the same).
fn manual_in<'a>(manual: &'a [Manual], text: &str, scanned: &str) -> Cow<'a, [Manual]> {
    if scanned == text {
        return Cow::Borrowed(manual);
    }
    let mut m = manual.to_vec();
    review::relocate(&mut m, text, scanned);
    Cow::Owned(m)
}

#[cfg(test)]
mod tests;

