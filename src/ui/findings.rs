//! The findings panel: what was found, grouped by category, with why, and a decision for each
//! (keep redacted, not an identifier, change category, for this one or every occurrence); then
//! the hand-made redactions and the indirect-identifier warnings.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use yew::prelude::*;

use super::{browser, AppAction, AppState};
use crate::engine::offsets::bytes_to_utf16;
use crate::engine::Category;
use crate::state::review::{Status, Verdict};
use crate::state::review::Manual;
use crate::state::{Action, Scan};

/// Cards shown per category; the rest stay highlighted in the story.
const MAX_CARDS: usize = 150;

/// Props of [`Findings`]: what the panel shows, so that it is rendered again only when that
/// changes (not on every keystroke in a long story, which changes only the text).
#[derive(Properties)]
pub struct FindingsProps {
    /// The last finished scan (compared by address: a scan is never changed in place).
    pub scan: Option<Rc<Scan>>,
    /// True when the scan covers the current text.
    pub current: bool,
    /// The redactions made by hand.
    pub manual: Vec<Manual>,
    /// Where decisions go.
    pub dispatch: UseReducerDispatcher<AppState>,
}

impl PartialEq for FindingsProps {
    fn eq(&self, other: &Self) -> bool {
        super::same_scan(&self.scan, &other.scan)
            && self.current == other.current
            && self.manual == other.manual
            && self.dispatch == other.dispatch
    }
}

/// Findings grouped by category, with counts, reasons and decisions.
#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    let every = use_state(|| true);
    let Some(scan) = &props.scan else {
        return html! { <div class="findings"><h2>{ "Findings" }</h2><p class="muted">{ "Scanning…" }</p></div> };
    };
    let current = props.current;
    let manual_list = &props.manual;
    // One card per distinct text in a category (its first occurrence, with a count), so that a
    // long story with thousands of mentions keeps a short, fast panel.
    let mut groups: BTreeMap<Category, Vec<usize>> = BTreeMap::new();
    let mut counts: HashMap<(Category, &str), usize> = HashMap::new();
    for (i, f) in scan.findings.iter().enumerate() {
        let text = &scan.text[f.span.start..f.span.end];
        let n = counts.entry((f.span.category, text)).or_insert(0);
        if *n == 0 {
            groups.entry(f.span.category).or_default().push(i);
        }
        *n += 1;
    }
    let redacted = scan.findings.iter().filter(|f| f.status == Status::Redacted && !f.span.category.is_optional()).count()
        + manual_list.len();
    let dispatch = props.dispatch.clone();
    let on_every = {
        let every = every.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            every.set(input.checked());
        })
    };

    let card = |i: usize| -> Html {
        let f = &scan.findings[i];
        let text = &scan.text[f.span.start..f.span.end];
        let times = counts.get(&(f.span.category, text)).copied().unwrap_or(1);
        let kept = f.status != Status::Redacted;
        let all = *every;
        let decide = {
            let dispatch = dispatch.clone();
            let verdict = if kept { Verdict::Redact } else { Verdict::NotIdentifier };
            Callback::from(move |_| dispatch.dispatch(AppAction::Do(Action::Decide { finding: i, verdict, every: all })))
        };
        let recat = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: Event| {
                let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
                if let Some(c) = Category::parse(&sel.value()) {
                    dispatch.dispatch(AppAction::Do(Action::Decide { finding: i, verdict: Verdict::Category(c), every: all }));
                }
            })
        };
        let show = {
            let (a, b) = (f.span.start, f.span.end);
            // The scan itself (a pointer), not a copy of a long story for every card.
            let scan = Rc::clone(scan);
            let live = current;
            Callback::from(move |_| {
                if live {
                    let u = bytes_to_utf16(&scan.text, &[a, b]);
                    browser::select_in_story(u[0] as u32, u[1] as u32);
                }
            })
        };
        let status = match f.status {
            Status::Redacted if f.span.category.is_optional() => "kept (allowed)",
            Status::Redacted => "redacted",
            Status::NotIdentifier => "not an identifier",
            Status::Allowed => "on your allow list",
        };
        html! {
            <li class={classes!("finding", kept.then_some("kept"))} data-testid="finding" data-text={text.to_string()}>
                <div class="finding-head">
                    <button type="button" class="linkish" onclick={show} title="Show in the story">{ text.to_string() }</button>
                    <span class="badge">{ if times > 1 { format!("{status} · ×{times}") } else { status.to_string() } }</span>
                </div>
                <p class="why">{ format!("{} — {}", f.span.reason, f.span.recognizer) }</p>
                <div class="finding-actions">
                    if f.status != Status::Allowed {
                        <button type="button" data-testid={if kept { "finding-restore" } else { "finding-reject" }} onclick={decide}>
                            { if kept { "Redact it" } else { "Not an identifier" } }
                        </button>
                    }
                    <label class="inline">{ "Category " }
                        <select data-testid="finding-category" onchange={recat} aria-label={format!("Category of {text}")}>
                            { for Category::ALL.iter().map(|c| html! {
                                <option value={c.as_str()} selected={*c == f.span.category}>{ c.label() }</option>
                            }) }
                        </select>
                    </label>
                </div>
            </li>
        }
    };

    let manual = manual_list.iter().enumerate().map(|(n, m)| {
        let dispatch = dispatch.clone();
        let remove = Callback::from(move |_| dispatch.dispatch(AppAction::Do(Action::RemoveManual(n))));
        html! {
            <li class="finding" data-testid="manual">
                <div class="finding-head"><span>{ m.text.clone() }</span><span class="badge">{ format!("{} · by hand{}", m.category.label(), if m.every { ", every occurrence" } else { "" }) }</span></div>
                <div class="finding-actions"><button type="button" onclick={remove}>{ "Undo" }</button></div>
            </li>
        }
    });

    let quasi = &scan.quasi;
    html! {
        <div class="findings" data-testid="findings">
            <div class="pane-head">
                <h2>{ "Findings " }<span class="count" data-testid="finding-count">{ redacted }</span></h2>
                <label class="inline"><input type="checkbox" checked={*every} onchange={on_every} data-testid="apply-every" />{ " decisions apply to every occurrence" }</label>
            </div>
            if !current { <p class="muted small">{ "Updating…" }</p> }
            if scan.findings.is_empty() && manual_list.is_empty() {
                <p class="muted">{ "No identifiers found. Read the story once more yourself: nicknames, places, employers and rare events can identify someone too." }</p>
            }
            { for groups.iter().map(|(cat, idx)| html! {
                <details class={classes!("group", cat.is_optional().then_some("optional"))} open={!cat.is_optional()}>
                    <summary>
                        <span class={classes!("swatch", format!("hl-{}", cat.as_str().to_ascii_lowercase()))} aria-hidden="true"></span>
                        <span class="group-name">{ cat.label() }</span>
                        <span class="count">{ idx.iter().map(|&i| counts.get(&(*cat, &scan.text[scan.findings[i].span.start..scan.findings[i].span.end])).copied().unwrap_or(1)).sum::<usize>() }</span>
                        if cat.is_optional() { <span class="muted small">{ " kept: allowed under Safe Harbor" }</span> }
                    </summary>
                    <ul class="cards">{ for idx.iter().take(MAX_CARDS).map(|&i| card(i)) }</ul>
                    if idx.len() > MAX_CARDS {
                        <p class="muted small">{ format!("…and {} more distinct findings, highlighted in the story.", idx.len() - MAX_CARDS) }</p>
                    }
                </details>
            }) }
            if !manual_list.is_empty() {
                <details class="group" open=true>
                    <summary><span class="group-name">{ "Redacted by hand" }</span><span class="count">{ manual_list.len() }</span></summary>
                    <ul class="cards">{ for manual }</ul>
                </details>
            }
            if !quasi.warnings.is_empty() {
                <div class="quasi" data-testid="quasi-warnings">
                    <h3>{ "Indirect identifiers" }</h3>
                    if let Some(summary) = quasi.summary() { <p class="warn">{ summary }</p> }
                    <ul class="cards">
                        { for quasi.warnings.iter().take(MAX_CARDS).map(|w| html! {
                            <li class="finding quasi-item">
                                <div class="finding-head"><span>{ scan.text.get(w.start..w.end).unwrap_or("").to_string() }</span><span class="badge">{ w.kind.label() }</span></div>
                                <p class="why">{ format!("{}. {} {}", w.message, w.kind.risk(), w.kind.suggestion()) }</p>
                            </li>
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}
