//! Committee mode: open a package, verify it, review it, decide.

use yew::prelude::*;

/// The committee's review of a share package.
#[component]
pub fn CommitteeView() -> Html {
    html! { <section class="pane"><h2>{ "Committee review" }</h2></section> }
}
