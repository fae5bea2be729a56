//! The redacted output with Copy and Download.

use yew::platform::spawn_local;
use yew::prelude::*;

use super::browser;
use crate::engine::offsets::bytes_to_chars;
use crate::state::{channels, Scan};

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
    let checks = channels::check(&text);
    html! {
        <div class="output-box">
            <div class="output-head">
                <h2>{ "Redacted version" }</h2>
                if !props.empty && !props.current {
                    <span class="muted" data-testid="scan-pending">{ "updating…" }</span>
                }
            </div>
            <pre class="output" data-testid="redacted-output" tabindex="0" role="region" aria-label="Redacted version">{ text }</pre>
            <ul class="channels" data-testid="channels" aria-label="Length for each platform">
                { for checks.iter().map(|c| html! {
                    <li class={classes!("channel", (!c.fits()).then_some("over"))}>
                        <span>{ c.channel.name }</span>
                        <span>{ format!("{} / {}", c.used, c.channel.limit) }</span>
                        if !c.fits() { <span class="small">{ " too long" }</span> }
                    </li>
                }) }
            </ul>
            <div class="actions">
                <button type="button" class="primary" data-testid="copy-button" disabled={!ready} onclick={on_copy}>{ "Copy" }</button>
                <button type="button" data-testid="download-button" disabled={!ready} onclick={on_download}>{ "Download .txt" }</button>
                <span class="status" role="status" aria-live="polite">{ (*status).clone() }</span>
            </div>
            { log(props.scan.as_ref().filter(|_| !props.empty)) }
        </div>
    }
}

/// The anonymisation log: what was replaced where in the final text, by which operator; never the
/// original text.
fn log(scan: Option<&Scan>) -> Html {
    let Some(scan) = scan else { return Html::default() };
    if scan.log.is_empty() {
        return Html::default();
    }
    let mut bounds = Vec::with_capacity(scan.log.len() * 2);
    for r in &scan.log {
        bounds.push(r.start);
        bounds.push(r.end);
    }
    let cps = bytes_to_chars(&scan.redacted, &bounds);
    html! {
        <details class="log" data-testid="anonymisation-log">
            <summary>{ format!("Anonymisation log ({} replacements)", scan.log.len()) }</summary>
            <table>
                <thead><tr><th scope="col">{ "Category" }</th><th scope="col">{ "Position in final text" }</th><th scope="col">{ "Replaced by" }</th></tr></thead>
                <tbody>
                    { for scan.log.iter().enumerate().map(|(i, r)| html! {
                        <tr><td>{ r.category.label() }</td><td>{ format!("{}–{}", cps[2 * i], cps[2 * i + 1]) }</td><td>{ r.operator.label() }</td></tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}
