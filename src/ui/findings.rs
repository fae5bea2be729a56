//! The findings panel: what was found, grouped by category, with why.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::engine::Category;
use crate::state::Scan;

/// Props of [`Findings`].
#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    /// The last finished scan.
    pub scan: Option<Scan>,
    /// True when the scan covers the current text.
    pub current: bool,
}

/// Findings grouped by category, with counts and the reason for each.
#[component]
pub fn Findings(props: &FindingsProps) -> Html {
    let Some(scan) = &props.scan else {
        return html! { <div class="findings"><h2 id="result-heading">{ "Findings" }</h2></div> };
    };
    let mut groups: BTreeMap<Category, Vec<usize>> = BTreeMap::new();
    for (i, s) in scan.spans.iter().enumerate() {
        groups.entry(s.category).or_default().push(i);
    }
    let required: usize = scan.spans.iter().filter(|s| !s.category.is_optional()).count();
    html! {
        <div class="findings" data-testid="findings">
            <h2 id="result-heading">
                { "Findings " }
                <span class="count" data-testid="finding-count">{ required }</span>
            </h2>
            if required == 0 {
                <p class="muted">{ "No identifiers found yet. Read the story once more yourself: names of places, employers and rare events can identify someone too." }</p>
            }
            <ul class="groups">
                { for groups.iter().map(|(cat, idx)| html! {
                    <li class={classes!("group", cat.is_optional().then_some("optional"))}>
                        <span class={classes!("swatch", format!("hl-{}", cat.as_str().to_ascii_lowercase()))} aria-hidden="true"></span>
                        <span class="group-name">{ cat.label() }</span>
                        <span class="count">{ idx.len() }</span>
                        if cat.is_optional() {
                            <span class="muted">{ " (kept: allowed under Safe Harbor)" }</span>
                        }
                    </li>
                }) }
            </ul>
        </div>
    }
}
