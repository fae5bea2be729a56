//! The Yew view: the only code that touches the browser.
//!
//! The root [`App`] owns the pure [`State`] through `use_reducer`; components take props and report
//! back through callbacks; effects (the debounced scan, storage, timers) live in hooks.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::{Action, State};

mod browser;
mod editor;
mod findings;
mod output;

use editor::Editor;
use findings::Findings;
use output::Output;

/// The reducer-owned state: a thin wrapper so that the pure [`State`] needs no yew import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState(pub State);

impl Reducible for AppState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.clone().reduce(action);
        if next == self.0 {
            return self;
        }
        Rc::new(AppState(next))
    }
}

/// How long to wait after an edit before scanning: immediately for ordinary stories, longer for
/// very large pastes so that typing never waits on a scan.
fn scan_delay_ms(len: usize) -> u32 {
    match len {
        0..=20_000 => 0,
        20_001..=200_000 => 120,
        _ => 350,
    }
}

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);

    // Scan after edits: a new revision cancels the pending timer of the previous one.
    {
        let dispatch = state.dispatcher();
        let len = state.0.text.len();
        use_effect_with(state.0.revision, move |_| {
            let timer = Timeout::new(scan_delay_ms(len), move || dispatch.dispatch(Action::Scan));
            move || drop(timer)
        });
    }

    let on_input = {
        let dispatch = state.dispatcher();
        Callback::from(move |text: String| dispatch.dispatch(Action::Edit(text)))
    };
    let s = &state.0;
    let scan = s.scan.clone();
    let empty = s.text.trim().is_empty();

    html! {
        <div class="app">
            <header class="top">
                <div class="brand">
                    <h1>{ "Storysafe" }</h1>
                    <p class="tagline">{ "Redact a patient story before you share it." }</p>
                </div>
                <p class="local-badge" data-testid="local-badge">
                    <span aria-hidden="true">{ "🔒 " }</span>
                    { "Runs only in this browser — nothing you type leaves this device." }
                </p>
            </header>
            <main class="workspace">
                <section class="pane editor-pane" aria-labelledby="story-heading">
                    <h2 id="story-heading">{ "Your story" }</h2>
                    <Editor text={s.text.clone()} scan={scan.clone()} current={s.is_current()} {on_input} />
                    <p class="hint">
                        { "Browser extensions (grammar checkers, translators) can read what is typed on any page: turn them off here." }
                    </p>
                </section>
                <section class="pane side-pane" aria-labelledby="result-heading">
                    if empty {
                        <EmptyState />
                    } else {
                        <Findings scan={scan.clone()} current={s.is_current()} />
                    }
                    <Output scan={scan} current={s.is_current()} empty={empty} />
                </section>
            </main>
            <footer class="foot">
                <span>{ format!("Storysafe {}", crate::version()) }</span>
                <span>{ "Works offline. No accounts, no tracking, no servers." }</span>
            </footer>
        </div>
    }
}

/// What the tool does, shown before anything is typed.
#[component]
fn EmptyState() -> Html {
    html! {
        <div class="empty" data-testid="empty-state">
            <h2 id="result-heading">{ "What Storysafe does" }</h2>
            <p>{ "Paste or type a patient story — an op-ed, a post, a talk, a case report. Storysafe highlights names, dates, places, phone numbers, emails, record numbers and other identifiers as you type, and shows a redacted version ready to copy." }</p>
            <p><strong>{ "Nothing leaves this device." }</strong>{ " The story is checked inside this browser tab; it is never uploaded or stored." }</p>
            <p>{ "Storysafe assists you; you remain responsible for what you publish. Share a patient's story only with their consent." }</p>
        </div>
    }
}

/// Mounts the app on the page's body, after installing a panic hook that shows a message instead
/// of leaving a blank page.
pub fn start() {
    browser::install_panic_hook();
    yew::Renderer::<App>::new().render();
}
