//! The story editor: a plain `<textarea>` (so typing tools act on it directly) over a backdrop that
//! paints the highlights in the same place as the text, like a spelling checker's underlines.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::state::Scan;

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The story as typed.
    pub text: String,
    /// The last finished scan (may be of an earlier revision).
    pub scan: Option<Scan>,
    /// True when `scan` covers `text`.
    pub current: bool,
    /// Reports every edit with the whole new text.
    pub on_input: Callback<String>,
}

/// The story input with in-place highlights.
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let backdrop = use_node_ref();
    let oninput = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(area.value());
        })
    };
    let onscroll = {
        let backdrop = backdrop.clone();
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            if let Some(b) = backdrop.cast::<web_sys::Element>() {
                b.set_scroll_top(area.scroll_top());
                b.set_scroll_left(area.scroll_left());
            }
        })
    };
    html! {
        <div class="editor">
            <div class="backdrop" ref={backdrop} aria-hidden="true">
                { highlights(&props.text, props.scan.as_ref().filter(|_| props.current)) }
            </div>
            <textarea
                class="story"
                data-testid="story-input"
                aria-label="Patient story"
                aria-describedby="story-help"
                placeholder="Paste or type the story here…"
                value={props.text.clone()}
                spellcheck="false"
                autocomplete="off"
                autocorrect="off"
                autocapitalize="off"
                data-gramm="false"
                data-gramm_editor="false"
                data-enable-grammarly="false"
                data-lt-active="false"
                {oninput}
                {onscroll}
            />
            <p id="story-help" class="visually-hidden">
                { "Identifiers found in the story are listed in the findings panel and replaced in the redacted version." }
            </p>
        </div>
    }
}

/// The backdrop's content: the text with each finding wrapped in a `<mark>`.
fn highlights(text: &str, scan: Option<&Scan>) -> Html {
    let mut nodes: Vec<Html> = Vec::new();
    let mut at = 0;
    if let Some(scan) = scan {
        for s in scan.spans.iter() {
            if s.start < at || s.end > text.len() || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
                continue;
            }
            nodes.push(html! { { &text[at..s.start] } });
            let class = classes!(
                "hl",
                format!("hl-{}", s.category.as_str().to_ascii_lowercase()),
                s.category.is_optional().then_some("hl-optional")
            );
            nodes.push(html! { <mark {class}>{ &text[s.start..s.end] }</mark> });
            at = s.end;
        }
    }
    nodes.push(html! { { &text[at..] } });
    // A trailing newline needs a character after it to take up its line.
    nodes.push(html! { { "\u{200B}" } });
    nodes.into_iter().collect::<Html>()
}
