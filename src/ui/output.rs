//! The redacted output with Copy and Download.

use yew::platform::spawn_local;
use yew::prelude::*;

use super::browser;
use crate::state::Scan;

/// Props of [`Output`].
#[derive(Properties, PartialEq)]
pub struct OutputProps {
    /// The last finished scan: only its redacted text is ever shown.
    pub scan: Option<Scan>,
    /// True when the scan covers the current text.
    pub current: bool,
    /// True when the story is empty.
    pub empty: bool,
}

/// The final text, exactly what Copy copies.
#[component]
pub fn Output(props: &OutputProps) -> Html {
    let status = use_state(String::new);
    // Only a finished scan is ever shown; an empty story shows nothing.
    let text: String = if props.empty {
        String::new()
    } else {
        props.scan.as_ref().map(|s| s.redacted.clone()).unwrap_or_default()
    };
    let ready = props.current && !props.empty;
    let on_copy = {
        let text = text.clone();
        let status = status.clone();
        Callback::from(move |_| {
            let text = text.clone();
            let status = status.clone();
            spawn_local(async move {
                match browser::copy_text(&text).await {
                    Ok(()) => status.set("Copied the redacted text.".into()),
                    Err(e) => status.set(format!("Could not copy ({e}): select the text and copy it by hand.")),
                }
            });
        })
    };
    let on_download = {
        let text = text.clone();
        let status = status.clone();
        Callback::from(move |_| match browser::download("story-redacted.txt", "text/plain;charset=utf-8", &text) {
            Ok(()) => status.set("Downloaded story-redacted.txt.".into()),
            Err(e) => status.set(format!("Could not download: {e}")),
        })
    };
    html! {
        <div class="output-box">
            <div class="output-head">
                <h2>{ "Redacted version" }</h2>
                if !props.empty && !props.current {
                    <span class="muted" data-testid="scan-pending">{ "updating…" }</span>
                }
            </div>
            <pre class="output" data-testid="redacted-output" tabindex="0" aria-label="Redacted version">{ text }</pre>
            <div class="actions">
                <button type="button" class="primary" data-testid="copy-button" disabled={!ready} onclick={on_copy}>{ "Copy" }</button>
                <button type="button" data-testid="download-button" disabled={!ready} onclick={on_download}>{ "Download .txt" }</button>
                <span class="status" role="status" aria-live="polite">{ (*status).clone() }</span>
            </div>
        </div>
    }
}
