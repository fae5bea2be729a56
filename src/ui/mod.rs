//! The Yew view: the only code that touches the browser.
//!
//! The root [`App`] owns the pure [`State`] through `use_reducer`; components take props and report
//! back through callbacks; effects (the debounced scan, settings storage, the leave guard) live in
//! hooks. The three views (redact, consent, committee) stay mounted when hidden, so switching tabs
//! never loses a half-filled form.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::quasi::QuasiReport;
use crate::engine::Span;
use crate::state::{Action, State};

mod browser;
mod committee;
mod consent;
mod editor;
mod findings;
mod lists;
mod output;
mod replace;
mod scanner;
mod work;

use committee::CommitteeView;
use consent::ConsentView;
use editor::Editor;
use findings::Findings;
use lists::Lists;
use output::Output;
use replace::Replacements;
use work::WorkFile;

/// The reducer-owned state: a thin wrapper so that the pure [`State`] needs no yew import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState(pub State);

/// What the view can ask of the reducer: a state action, or replacing the whole state with work
/// opened from a file.
#[derive(Debug)]
pub enum AppAction {
    /// An action of the pure state.
    Do(Action),
    /// Replace the state (opened work).
    Replace(Box<State>),
    /// A scan made in the worker: the engine's spans of `text`, which was the story at
    /// `revision`. Applied only when `text` is still the story (revisions start again from 0
    /// with a new story, so the revision alone is not enough).
    Scanned {
        /// The revision that was scanned.
        revision: u64,
        /// The text that was scanned.
        text: String,
        /// The engine's spans (byte offsets into `text`).
        spans: Vec<Span>,
        /// Its indirect identifiers.
        quasi: QuasiReport,
    },
}

impl From<Action> for AppAction {
    fn from(a: Action) -> AppAction {
        AppAction::Do(a)
    }
}

impl Reducible for AppState {
    type Action = AppAction;
    fn reduce(self: Rc<Self>, action: AppAction) -> Rc<Self> {
        let next = match action {
            AppAction::Do(action) => self.0.clone().reduce(action),
            AppAction::Replace(state) => *state,
            AppAction::Scanned { revision, text, spans, quasi } => {
                if text != self.0.text {
                    return self;
                }
                self.0.clone().reduce(Action::ScanFinished { revision, spans, quasi: Some(quasi) })
            }
        };
        if next == self.0 {
            return self;
        }
        Rc::new(AppState(next))
    }
}

/// The app state handle passed to components.
pub type Handle = UseReducerHandle<AppState>;

/// The last scan, compared by address (see [`same_scan`]): for hook dependencies.
#[derive(Clone)]
pub struct ScanRef(pub Option<Rc<crate::state::Scan>>);

impl PartialEq for ScanRef {
    fn eq(&self, other: &Self) -> bool {
        same_scan(&self.0, &other.0)
    }
}

/// True when two views of the last scan are the same scan (by address: a scan is never changed
/// in place, see [`State::scan`]); cheap where comparing the scans of a long story is not.
fn same_scan(a: &Option<Rc<crate::state::Scan>>, b: &Option<Rc<crate::state::Scan>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// When scanning on the page (no worker), how long to wait after an edit before scanning:
/// immediately for ordinary stories, longer for very large pastes so that typing never waits on a
/// scan. The worker needs no delay: it scans the latest text whenever it is free.
fn scan_delay_ms(len: usize) -> u32 {
    match len {
        0..=40_000 => 0,
        40_001..=200_000 => 150,
        _ => 400,
    }
}

const SETTINGS_KEY: &str = "storysafe.settings.v1";

/// The app's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Paste, review and redact.
    Redact,
    /// Record consent and export.
    Consent,
    /// Check a package as a committee.
    Committee,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Redact, Tab::Consent, Tab::Committee];
    fn label(self) -> &'static str {
        match self {
            Tab::Redact => "1 · Redact",
            Tab::Consent => "2 · Consent & share",
            Tab::Committee => "Committee review",
        }
    }
    fn id(self) -> &'static str {
        match self {
            Tab::Redact => "redact",
            Tab::Consent => "consent",
            Tab::Committee => "committee",
        }
    }
}

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppState(State::new(browser::random_bytes())));
    let tab = use_state(|| Tab::Redact);
    // Work not yet saved or exported: the page asks before it is closed or reloaded.
    let unsaved = use_mut_ref(|| false);

    // Settings (operators, allow list, and the deny list only when the user opted in) come back
    // from this device's storage; the story never goes there.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(json) = browser::storage_get(SETTINGS_KEY) {
                dispatch.dispatch(Action::LoadSettings(crate::state::settings::Settings::from_storage(&json)).into());
            }
        });
    }
    {
        let settings = state.0.settings();
        use_effect_with(settings, move |s| {
            browser::storage_set(SETTINGS_KEY, &s.to_storage());
        });
    }

    // Scan after edits, in the worker when there is one (see scanner): a new revision replaces
    // the pending request of the previous one.
    let scanner = {
        let dispatch = state.dispatcher();
        use_memo((), move |_| scanner::Scanner::start(dispatch))
    };
    {
        let text = state.0.text.clone();
        use_effect_with(state.0.revision, move |&revision| {
            let delay = scan_delay_ms(text.len());
            scanner.request(revision, text, delay);
        });
    }

    // The leave guard.
    {
        let unsaved = unsaved.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_before_unload(move || *unsaved.borrow());
            move || drop(listener)
        });
    }
    let has_text = !state.0.text.trim().is_empty();
    *unsaved.borrow_mut() = has_text && state.0.revision > 0 && !browser::is_marked_saved(state.0.revision);

    let on_input = {
        let dispatch = state.dispatcher();
        Callback::from(move |text: String| dispatch.dispatch(Action::Edit(text).into()))
    };
    let on_saved = {
        let rev = state.0.revision;
        Callback::from(move |()| browser::mark_saved(rev))
    };
    let s = &state.0;
    let current = s.is_current();
    let tabs = Tab::ALL.iter().map(|&t| {
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_| tab.set(t))
        };
        html! {
            <button type="button" role="tab" id={format!("tab-{}", t.id())} aria-controls={format!("view-{}", t.id())}
                aria-selected={(*tab == t).to_string()} class={classes!("tab", (*tab == t).then_some("active"))}
                data-testid={format!("tab-{}", t.id())} {onclick}>{ t.label() }</button>
        }
    });

    html! {
        <div class="app">
            <header class="top">
                <div class="brand">
                    <h1>{ "Storysafe" }</h1>
                    <p class="tagline">{ "Redact a patient story, record consent, share safely." }</p>
                </div>
                <p class="local-badge" data-testid="local-badge">
                    <span class="lock" aria-hidden="true"></span>
                    { "Runs only in this browser — nothing you type leaves this device." }
                </p>
            </header>
            <nav class="tabs" role="tablist" aria-label="Steps">{ for tabs }</nav>
            <main>
                <div id="view-redact" role="tabpanel" aria-labelledby="tab-redact" hidden={*tab != Tab::Redact}>
                    <div class="workspace">
                        <section class="pane editor-pane" aria-labelledby="story-heading">
                            <div class="pane-head">
                                <h2 id="story-heading">{ "Your story" }</h2>
                                <WorkFile state={state.clone()} on_saved={on_saved.clone()} />
                            </div>
                            <Editor state={state.clone()} {on_input} />
                            <p class="hint">
                                { "Browser extensions (grammar checkers, translators) can read what is typed on any page: turn them off here." }
                            </p>
                        </section>
                        <section class="pane side-pane" aria-label="Findings and redacted version">
                            if !has_text {
                                <EmptyState />
                            } else {
                                <Findings scan={s.scan.clone()} current={current} manual={s.manual.clone()} dispatch={state.dispatcher()} />
                                <Replacements state={state.clone()} />
                            }
                            <Output scan={s.scan.clone()} current={current} empty={!has_text} />
                            <Lists state={state.clone()} />
                        </section>
                    </div>
                </div>
                <div id="view-consent" role="tabpanel" aria-labelledby="tab-consent" hidden={*tab != Tab::Consent}>
                    <ConsentView
                        final_text={if current && has_text { s.final_text().map(str::to_string) } else { None }}
                        log={s.scan.as_ref().filter(|_| current).map(|sc| sc.log.clone()).unwrap_or_default()}
                        on_exported={on_saved} />
                </div>
                <div id="view-committee" role="tabpanel" aria-labelledby="tab-committee" hidden={*tab != Tab::Committee}>
                    <CommitteeView />
                </div>
            </main>
            <footer class="foot">
                <span data-testid="version">{ format!("Storysafe {}", crate::version()) }</span>
                <span>{ "Works offline. No accounts, no tracking, no servers. Storysafe assists; the author remains responsible for what is published." }</span>
            </footer>
        </div>
    }
}

/// What the tool does, shown before anything is typed.
#[component]
fn EmptyState() -> Html {
    html! {
        <div class="empty" data-testid="empty-state">
            <h2>{ "What Storysafe does" }</h2>
            <p>{ "Paste or type a patient story — an op-ed, a post, a talk, a case report. Storysafe highlights names, dates, places, phone numbers, emails, record numbers and other identifiers as you type, and shows a redacted version ready to copy." }</p>
            <p><strong>{ "Nothing leaves this device." }</strong>{ " The story is checked inside this browser tab; it is never uploaded, and never stored unless you save your work to a file." }</p>
            <p>{ "Storysafe assists you; you remain responsible for what you publish. Share a patient's story only with their consent." }</p>
        </div>
    }
}

/// Mounts the app on the page's body, after installing a panic hook that shows a message instead
/// of leaving a blank page.
pub fn start() {
    // The same module runs in the scanning worker (scan-worker.js), which has no page to render.
    if !wasm_bindgen::JsCast::is_instance_of::<web_sys::Window>(&js_sys::global()) {
        return;
    }
    browser::install_panic_hook();
    // A deliberate failure for the end-to-end test that proves the page never goes blank.
    gloo::events::EventListener::new(&gloo::utils::window(), "storysafe-test-panic", |_| {
        panic!("test failure requested by the storysafe-test-panic event");
    })
    .forget();
    // The app gets its own element, so that the page's error box stays outside what Yew manages.
    let doc = gloo::utils::document();
    let root = doc.get_element_by_id("app").unwrap_or_else(|| {
        let el = doc.create_element("div").expect("creating an element");
        el.set_id("app");
        gloo::utils::body().append_child(&el).expect("adding the app element");
        el
    });
    yew::Renderer::<App>::with_root(root).render();
}
