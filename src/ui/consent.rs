//! Consent for the exact final text, and the exports (share package, FHIR Consent, summary).

use yew::prelude::*;

use crate::engine::operators::Replacement;

/// Props of [`ConsentView`].
#[derive(Properties, PartialEq)]
pub struct ConsentViewProps {
    /// The final text of a finished scan of the current story (None while scanning or empty).
    pub final_text: Option<String>,
    /// The anonymisation log (byte offsets into `final_text`).
    pub log: Vec<Replacement>,
    /// Called after a package was exported.
    pub on_exported: Callback<()>,
}

/// The consent form and exports.
#[component]
pub fn ConsentView(props: &ConsentViewProps) -> Html {
    let _ = props;
    html! { <section class="pane"><h2>{ "Consent" }</h2></section> }
}
