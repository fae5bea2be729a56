//! Application state and its pure reducer (no web crates): the UI dispatches [`Action`]s.

use crate::engine::{default_engine, operators, Span};

/// The editor's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// The story as typed.
    pub text: String,
    /// The generation of `text`: bumped on every edit.
    pub revision: u64,
    /// The last finished scan: the revision it scanned, its spans and the redacted text.
    pub scan: Option<Scan>,
}

/// The result of one finished scan.
#[derive(Clone, Debug, PartialEq)]
pub struct Scan {
    /// The revision of the text this scan covers.
    pub revision: u64,
    /// Spans found (byte offsets into the text of that revision).
    pub spans: Vec<Span>,
    /// The final text.
    pub redacted: String,
}

/// Everything that can happen to the state.
#[derive(Clone, Debug)]
pub enum Action {
    /// The user edited the story.
    Edit(String),
    /// Run the scan of the current text now.
    Scan,
}

impl State {
    /// Applies an action, returning the next state.
    pub fn reduce(mut self, action: Action) -> State {
        match action {
            Action::Edit(text) => {
                if text != self.text {
                    self.text = text;
                    self.revision += 1;
                }
            }
            Action::Scan => {
                let spans = default_engine().scan(&self.text);
                let redacted = operators::redact_with_tags(&self.text, &spans);
                self.scan = Some(Scan { revision: self.revision, spans, redacted });
            }
        }
        self
    }

    /// True when the last finished scan covers the current text.
    pub fn is_current(&self) -> bool {
        self.scan.as_ref().is_some_and(|s| s.revision == self.revision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_then_scan_redacts() {
        let s = State::default().reduce(Action::Edit("mail a@b.org".into()));
        assert!(!s.is_current());
        let s = s.reduce(Action::Scan);
        assert!(s.is_current());
        assert_eq!(s.scan.as_ref().unwrap().redacted, "mail [EMAIL]");
        let s = s.reduce(Action::Edit("mail a@b.org now".into()));
        assert!(!s.is_current(), "an edit makes the last scan stale");
    }
}
