//! The redacted output with Copy and Download.

use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::browser;
use crate::engine::offsets::bytes_to_chars;
use crate::state::{channels, Scan};

/// Props of [`Output`].
#[derive(Properties)]
pub struct OutputProps {
    /// The last finished scan: only its redacted text is ever shown. Compared by address, so
    /// that a keystroke (which does not change it) does not render a long output again.
    pub scan: Option<Rc<Scan>>,
    /// True when the scan covers the current text.
    pub current: bool,
    /// True when the story is empty.
    pub empty: bool,
}

impl PartialEq for OutputProps {
    fn eq(&self, other: &Self) -> bool {
        super::same_scan(&self.scan, &other.scan) && self.current == other.current && self.empty == other.empty
    }
}

/// The final text, exactly what Copy copies.
#[component]
pub fn Output(props: &OutputProps) -> Html {
    let status = use_state(String::new);
    // Only a finished scan is ever shown; an empty story shows nothing.
    let shown = props.scan.clone().filter(|_| !props.empty);
    let ready = props.current && !props.empty;
    // The copy and download buttons read the text when clicked (no copy of a long text per render).
    let final_text = {
        let shown = shown.clone();
        move || shown.as_ref().map(|s| s.redacted.clone()).unwrap_or_default()
    };
    let on_copy = {
        let final_text = final_text.clone();
        let status = status.clone();
        Callback::from(move |_| {
            let text = final_text();
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
        let status = status.clone();
        Callback::from(move |_| match browser::download("story-redacted.txt", "text/plain;charset=utf-8", &final_text()) {
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
            <Final scan={shown.clone()} />
            <div class="actions">
                <button type="button" class="primary" data-testid="copy-button" disabled={!ready} onclick={on_copy}>{ "Copy" }</button>
                <button type="button" data-testid="download-button" disabled={!ready} onclick={on_download}>{ "Download .txt" }</button>
                <span class="status" role="status" aria-live="polite">{ (*status).clone() }</span>
            </div>
            <Log scan={shown} />
        </div>
    }
}

/// Props of [`Final`] and [`Log`]: the scan shown (none for an empty story), by address.
#[derive(Properties)]
struct ShownProps {
    scan: Option<Rc<Scan>>,
}

impl PartialEq for ShownProps {
    fn eq(&self, other: &Self) -> bool {
        super::same_scan(&self.scan, &other.scan)
    }
}

/// The final text and its length for each channel: rendered again only for a new scan (not when
/// an edit makes the shown scan out of date).
#[component]
fn Final(props: &ShownProps) -> Html {
    let text = props.scan.as_ref().map(|s| s.redacted.as_str()).unwrap_or("");
    let checks = channels::check(text);
    html! {
        <>
            <pre class="output" data-testid="redacted-output" tabindex="0" role="region" aria-label="Redacted version">{ paragraphs(text) }</pre>
            <ul class="channels" data-testid="channels" aria-label="Length for each platform">
                { for checks.iter().map(|c| html! {
                    <li class={classes!("channel", (!c.fits()).then_some("over"))}>
                        <span>{ c.channel.name }</span>
                        <span>{ format!("{} / {}", c.used, c.channel.limit) }</span>
                        if !c.fits() { <span class="small">{ " too long" }</span> }
                    </li>
                }) }
            </ul>
        </>
    }
}

/// The text, one block per line (each with its line break), so that when a new scan changes a
/// few paragraphs of a long story, only those are laid out again; blocks out of view are not laid
/// out at all (`content-visibility: auto` on `.lazy` in the style sheet) — only in long texts, since
/// skipped blocks also come out blank in a full-page screenshot or a saved image of the page, which
/// a committee may ask for. The text content is the text.
fn paragraphs(text: &str) -> Html {
    if text.is_empty() {
        return Html::default();
    }
    let class = if text.len() > LAZY_OUTPUT_BYTES { "para lazy" } else { "para" };
    text.split_inclusive('\n').map(|p| html! { <span class={class}>{ p }</span> }).collect::<Html>()
}

/// Above this length (about 3,000 words) the output's off-screen lines are left unrendered.
const LAZY_OUTPUT_BYTES: usize = 20_000;

/// The anonymisation log: what was replaced where in the final text, by which operator; never the
/// original text. Its rows (thousands in a long story) are made only while it is open.
#[component]
fn Log(props: &ShownProps) -> Html {
    let open = use_state(|| false);
    let Some(scan) = props.scan.as_ref() else { return Html::default() };
    if scan.log.is_empty() {
        return Html::default();
    }
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let d: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(d.open());
        })
    };
    let rows = if *open {
        let mut bounds = Vec::with_capacity(scan.log.len() * 2);
        for r in &scan.log {
            bounds.push(r.start);
            bounds.push(r.end);
        }
        let cps = bytes_to_chars(&scan.redacted, &bounds);
        scan.log
            .iter()
            .enumerate()
            .map(|(i, r)| html! {
                <tr><td>{ r.category.label() }</td><td>{ format!("{}–{}", cps[2 * i], cps[2 * i + 1]) }</td><td>{ r.operator.label() }</td></tr>
            })
            .collect::<Html>()
    } else {
        Html::default()
    };
    html! {
        <details class="log" data-testid="anonymisation-log" open={*open} {ontoggle}>
            <summary>{ format!("Anonymisation log ({} replacements)", scan.log.len()) }</summary>
            <table>
                <thead><tr><th scope="col">{ "Category" }</th><th scope="col">{ "Position in final text" }</th><th scope="col">{ "Replaced by" }</th></tr></thead>
                <tbody>{ rows }</tbody>
            </table>
        </details>
    }
}
