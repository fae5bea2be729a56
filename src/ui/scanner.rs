//! Where the story is scanned: in a Web Worker when the browser can run one, so that a long story
//! never blocks typing; on the page itself (as [`Action::Scan`] in the reducer) otherwise.
//!
//! The worker is `scan-worker.js`, next to the page: it loads this very build (the same
//! `storysafe-web.js` and `storysafe-web_bg.wasm`, so nothing more is downloaded, and the service
//! worker serves them offline) and answers `{revision, text}` with the engine's spans and indirect identifiers as a
//! string ([`crate::state::wire`]) and the time the scan took.
//!
//! - At most one scan runs in the worker; edits made meanwhile keep only the latest text waiting,
//!   so work never piles up behind a long paste.
//! - A reply is applied only when its text is still the current text (see
//!   [`AppAction::Scanned`]); the output shows only finished scans.
//! - If the worker cannot start (no `Worker` in this browser, a policy, a failed load, no answer
//!   within 10 seconds) or fails later, scanning moves to the page for good, and the latest text is scanned there at once: no
//!   edit is ever left unscanned, and the page never goes blank.
//!
//! The mode is shown on the app's root element (`data-scan-mode`: `starting`, `worker`, `page`),
//! with the worker's last scan time (`data-scan-ms`), for the end-to-end tests and for support.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::prelude::*;

use super::{AppAction, AppState};
use crate::state::{wire, Action};

/// The worker script, relative to the page (the page's files are all in one folder).
const WORKER_URL: &str = "./scan-worker.js";

/// How long the worker may take to load before the page stops waiting for it and scans itself.
const STARTUP_MS: u32 = 10_000;

/// Where scans run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The worker is loading; requests wait for it.
    Starting,
    /// Scans run in the worker.
    Worker,
    /// Scans run on the page (no worker, or it failed).
    Page,
}

impl Mode {
    fn as_str(self) -> &'static str {
        match self {
            Mode::Starting => "starting",
            Mode::Worker => "worker",
            Mode::Page => "page",
        }
    }
}

/// Sends scans to the worker, or runs them on the page. Cheap to share (`Rc` inside).
pub struct Scanner(Rc<RefCell<Inner>>);

struct Inner {
    mode: Mode,
    worker: Option<Worker>,
    /// The scan under way in the worker: its revision and text.
    busy: Option<(u64, String)>,
    /// The latest request waiting for the worker (a newer one replaces it).
    queued: Option<(u64, String)>,
    /// A pending scan on the page (dropping it cancels it).
    timer: Option<Timeout>,
    /// Gives up on a worker that does not load in time.
    startup: Option<Timeout>,
    dispatch: UseReducerDispatcher<AppState>,
    // Kept alive as long as the worker may call them.
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    _on_error: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

/// What to do once the state's borrow is released (dispatching may run the reducer and render).
enum After {
    Nothing,
    Apply(AppAction),
    ScanOnPage,
}

impl Scanner {
    /// Starts the worker (or settles on scanning on the page when it cannot be created).
    pub fn start(dispatch: UseReducerDispatcher<AppState>) -> Scanner {
        let inner = Rc::new(RefCell::new(Inner {
            mode: Mode::Starting,
            worker: None,
            busy: None,
            queued: None,
            timer: None,
            startup: None,
            dispatch,
            _on_message: None,
            _on_error: None,
        }));
        match spawn_worker(Rc::downgrade(&inner)) {
            Ok((worker, on_message, on_error)) => {
                let weak = Rc::downgrade(&inner);
                let startup = Timeout::new(STARTUP_MS, move || {
                    if let Some(inner) = weak.upgrade() {
                        let after = if inner.borrow().mode == Mode::Starting {
                            fall_back(&mut inner.borrow_mut(), "it did not start in time")
                        } else {
                            After::Nothing
                        };
                        run(&inner, after);
                    }
                });
                let mut i = inner.borrow_mut();
                i.worker = Some(worker);
                i.startup = Some(startup);
                i._on_message = Some(on_message);
                i._on_error = Some(on_error);
            }
            Err(e) => {
                gloo::console::warn!(format!("Storysafe: scanning on the page (no worker: {})", describe(&e)));
                inner.borrow_mut().mode = Mode::Page;
            }
        }
        show(&inner.borrow(), None);
        Scanner(inner)
    }

    /// Asks for a scan of `text` at `revision`. On the page it runs after `delay_ms` (a newer
    /// request cancels an older pending one); in the worker it starts at once if the worker is
    /// free, or waits, replacing any older waiting request.
    pub fn request(&self, revision: u64, text: String, delay_ms: u32) {
        let mut i = self.0.borrow_mut();
        match i.mode {
            Mode::Page => {
                let dispatch = i.dispatch.clone();
                i.timer = Some(Timeout::new(delay_ms, move || dispatch.dispatch(Action::Scan.into())));
            }
            Mode::Starting => i.queued = Some((revision, text)),
            Mode::Worker if i.busy.is_some() => i.queued = Some((revision, text)),
            Mode::Worker => {
                if let Err(e) = post(&mut i, revision, text) {
                    let after = fall_back(&mut i, &describe(&e));
                    drop(i);
                    run(&self.0, after);
                }
            }
        }
    }
}

impl Drop for Scanner {
    fn drop(&mut self) {
        if let Some(w) = self.0.borrow_mut().worker.take() {
            w.terminate();
        }
    }
}

type Spawned = (Worker, Closure<dyn FnMut(MessageEvent)>, Closure<dyn FnMut(web_sys::Event)>);

fn spawn_worker(inner: Weak<RefCell<Inner>>) -> Result<Spawned, JsValue> {
    let opts = WorkerOptions::new();
    opts.set_type(WorkerType::Module);
    opts.set_name("storysafe-scan");
    let worker = Worker::new_with_options(WORKER_URL, &opts)?;
    let on_message = {
        let inner = inner.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(inner) = inner.upgrade() {
                let after = on_message(&mut inner.borrow_mut(), &e.data());
                run(&inner, after);
            }
        })
    };
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        if let Some(inner) = inner.upgrade() {
            let msg = e.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).unwrap_or_else(|| "it could not be loaded".into());
            let after = fall_back(&mut inner.borrow_mut(), &msg);
            run(&inner, after);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok((worker, on_message, on_error))
}

fn post(i: &mut Inner, revision: u64, text: String) -> Result<(), JsValue> {
    let worker = i.worker.as_ref().ok_or_else(|| JsValue::from_str("no worker"))?;
    let msg = js_sys::Object::new();
    js_sys::Reflect::set(&msg, &"revision".into(), &JsValue::from_f64(revision as f64))?;
    js_sys::Reflect::set(&msg, &"text".into(), &JsValue::from_str(&text))?;
    worker.post_message(&msg)?;
    i.busy = Some((revision, text));
    Ok(())
}

fn on_message(i: &mut Inner, data: &JsValue) -> After {
    if i.mode == Mode::Page {
        return After::Nothing;
    }
    let get = |k: &str| js_sys::Reflect::get(data, &k.into()).unwrap_or(JsValue::UNDEFINED);
    match get("type").as_string().as_deref() {
        Some("ready") => {
            i.mode = Mode::Worker;
            i.startup = None;
            show(i, None);
            next(i)
        }
        Some("scanned") => {
            let Some((revision, text)) = i.busy.take() else { return After::Nothing };
            let spans = get("spans").as_string().and_then(|s| wire::decode(&s));
            let Some((spans, quasi)) = spans.filter(|_| get("revision").as_f64() == Some(revision as f64)) else {
                return fall_back(i, "its reply could not be read");
            };
            show(i, get("ms").as_f64());
            // Start the next scan before applying this one, so the worker is never idle while
            // the page renders.
            if let After::ScanOnPage = next(i) {
                return After::ScanOnPage;
            }
            After::Apply(AppAction::Scanned { revision, text, spans, quasi })
        }
        _ => {
            let why = get("error").as_string().unwrap_or_else(|| "it failed".into());
            fall_back(i, &why)
        }
    }
}

/// Sends the waiting request, if any, to the (free) worker.
fn next(i: &mut Inner) -> After {
    match i.queued.take() {
        Some((revision, text)) => match post(i, revision, text) {
            Ok(()) => After::Nothing,
            Err(e) => fall_back(i, &describe(&e)),
        },
        None => After::Nothing,
    }
}

/// Stops using the worker for good; the latest text is scanned on the page if a scan was under
/// way or waiting.
fn fall_back(i: &mut Inner, why: &str) -> After {
    if i.mode == Mode::Page {
        return After::Nothing;
    }
    gloo::console::warn!(format!("Storysafe: the scanning worker stopped ({why}); scanning on the page instead."));
    i.mode = Mode::Page;
    if let Some(w) = i.worker.take() {
        w.set_onmessage(None);
        w.set_onerror(None);
        w.terminate();
    }
    show(i, None);
    let pending = i.busy.take().is_some() | i.queued.take().is_some();
    if pending {
        After::ScanOnPage
    } else {
        After::Nothing
    }
}

fn run(inner: &Rc<RefCell<Inner>>, after: After) {
    let dispatch = inner.borrow().dispatch.clone();
    match after {
        After::Nothing => {}
        After::Apply(action) => dispatch.dispatch(action),
        After::ScanOnPage => {
            // On the next tick: never inside the worker's event handler that decided it.
            let t = Timeout::new(0, move || dispatch.dispatch(Action::Scan.into()));
            inner.borrow_mut().timer = Some(t);
        }
    }
}

/// Shows the mode (and the worker's last scan time) on the app's root element.
fn show(i: &Inner, ms: Option<f64>) {
    let Some(root) = gloo::utils::document().get_element_by_id("app") else { return };
    let _ = root.set_attribute("data-scan-mode", i.mode.as_str());
    if let Some(ms) = ms {
        let _ = root.set_attribute("data-scan-ms", &format!("{ms:.1}"));
    }
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| "unknown error".into())
}
