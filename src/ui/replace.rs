//! How each category is replaced: one operator menu per category present in the story.

use std::collections::BTreeSet;

use yew::prelude::*;

use super::{AppAction, Handle};
use crate::engine::operators::Operator;
use crate::engine::Category;
use crate::state::review::Status;
use crate::state::Action;

/// Props of [`Replacements`].
#[derive(Properties, PartialEq)]
pub struct ReplacementsProps {
    /// The app state.
    pub state: Handle,
}

/// The operator menus.
#[component]
pub fn Replacements(props: &ReplacementsProps) -> Html {
    let s = &props.state.0;
    let mut cats: BTreeSet<Category> = s
        .scan
        .iter()
        .flat_map(|sc| sc.findings.iter())
        .filter(|f| f.status == Status::Redacted)
        .map(|f| f.span.category)
        .chain(s.manual.iter().map(|m| m.category))
        .collect();
    if cats.is_empty() {
        cats.insert(Category::Name);
    }
    let rows = cats.into_iter().map(|cat| {
        let current = s.plan.operator(cat);
        let dispatch = props.state.dispatcher();
        let onchange = Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(op) = Operator::ALL.into_iter().find(|o| o.as_str() == sel.value()) {
                dispatch.dispatch(AppAction::Do(Action::SetOperator(cat, op)));
            }
        });
        let id = format!("op-{}", cat.as_str().to_ascii_lowercase());
        html! {
            <div class="op-row">
                <label for={id.clone()}>{ cat.label() }</label>
                <select id={id.clone()} data-testid={id} {onchange}>
                    { for Operator::options(cat).iter().map(|op| html! {
                        <option value={op.as_str()} selected={*op == current}>{ op.label() }</option>
                    }) }
                </select>
                if let Some(w) = current.warning(cat) {
                    <p class="warn small" role="note">{ w }</p>
                }
            </div>
        }
    });
    html! {
        <details class="replacements" open=true>
            <summary><h2 class="inline-h">{ "Replace with" }</h2></summary>
            <div class="op-grid">{ for rows }</div>
        </details>
    }
}
