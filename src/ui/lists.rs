//! Personal word lists: words never redacted (allow) and words always redacted (deny). The allow
//! list is kept on this device; the deny list holds names, so it is kept only when the user says so.

use yew::prelude::*;

use super::{AppAction, Handle};
use crate::engine::Category;
use crate::state::review::DenyWord;
use crate::state::Action;

/// Props of [`Lists`].
#[derive(Properties, PartialEq)]
pub struct ListsProps {
    /// The app state.
    pub state: Handle,
}

/// The allow and deny lists.
#[component]
pub fn Lists(props: &ListsProps) -> Html {
    let allow_input = use_node_ref();
    let deny_input = use_node_ref();
    let s = &props.state.0;
    let dispatch = props.state.dispatcher();

    let take = |r: &NodeRef| -> Option<String> {
        let input = r.cast::<web_sys::HtmlInputElement>()?;
        let v = input.value().trim().to_string();
        input.set_value("");
        (!v.is_empty()).then_some(v)
    };
    let on_allow = {
        let (d, r) = (dispatch.clone(), allow_input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(v) = take(&r) {
                d.dispatch(AppAction::Do(Action::Allow(v)));
            }
        })
    };
    let on_deny = {
        let (d, r) = (dispatch.clone(), deny_input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(v) = take(&r) {
                d.dispatch(AppAction::Do(Action::Deny(DenyWord { text: v, category: Category::Name })));
            }
        })
    };
    let on_remember = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            d.dispatch(AppAction::Do(Action::RememberDeny(input.checked())));
        })
    };
    let chip = |word: &str, remove: Callback<MouseEvent>| {
        html! { <li class="chip">{ word.to_string() }<button type="button" class="chip-x" aria-label={format!("Remove {word}")} onclick={remove}>{ "×" }</button></li> }
    };
    html! {
        <details class="lists" data-testid="word-lists">
            <summary><h2 class="inline-h">{ "Your word lists" }</h2></summary>
            <div class="list-block">
                <h3>{ "Never redact" }</h3>
                <p class="small muted">{ "Words that are never identifiers in your stories (a drug, a unit's nickname). Kept on this device." }</p>
                <form class="inline-form" onsubmit={on_allow}>
                    <input ref={allow_input} type="text" aria-label="Word to never redact" data-testid="allow-input" autocomplete="off" spellcheck="false" />
                    <button type="submit">{ "Add" }</button>
                </form>
                <ul class="chips">{ for s.allow.iter().map(|w| {
                    let (d, w2) = (dispatch.clone(), w.clone());
                    chip(w, Callback::from(move |_| d.dispatch(AppAction::Do(Action::Unallow(w2.clone())))))
                }) }</ul>
            </div>
            <div class="list-block">
                <h3>{ "Always redact" }</h3>
                <p class="small muted">{ "Names or words to redact wherever they appear. They may be names, so they are forgotten when the page closes unless you tick the box." }</p>
                <form class="inline-form" onsubmit={on_deny}>
                    <input ref={deny_input} type="text" aria-label="Word to always redact" data-testid="deny-input" autocomplete="off" spellcheck="false" />
                    <button type="submit">{ "Add" }</button>
                </form>
                <ul class="chips">{ for s.deny.iter().map(|w| {
                    let (d, t) = (dispatch.clone(), w.text.clone());
                    chip(&w.text, Callback::from(move |_| d.dispatch(AppAction::Do(Action::Undeny(t.clone())))))
                }) }</ul>
                <label class="inline"><input type="checkbox" checked={s.remember_deny} onchange={on_remember} data-testid="remember-deny" />{ " Remember this list on this device" }</label>
            </div>
        </details>
    }
}
