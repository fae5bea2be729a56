//! The story editor: a plain `<textarea>` (so typing tools act on it directly) over a backdrop that
//! paints the highlights in the same place as the text, like a spelling checker's underlines.
//! Below it, a bar that explains the finding at the cursor, or redacts a selection by hand.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::{AppAction, Handle};
use crate::engine::offsets::utf16_to_byte;
use crate::engine::Category;
use crate::state::review::Status;
use crate::state::{Action, SegmentKind};

/// Props of [`Editor`].
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The app state.
    pub state: Handle,
    /// Reports every edit with the whole new text.
    pub on_input: Callback<String>,
}

/// The story input with in-place highlights.
#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let backdrop = use_node_ref();
    // The selection, in byte offsets of the current text.
    let selection = use_state(|| (0usize, 0usize));
    let category = use_state(|| Category::Name);
    let every = use_state(|| true);
    let s = &props.state.0;

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
    let track = {
        let selection = selection.clone();
        move |area: HtmlTextAreaElement| {
            let text = area.value();
            let a = area.selection_start().ok().flatten().unwrap_or(0) as usize;
            let b = area.selection_end().ok().flatten().unwrap_or(0) as usize;
            selection.set((utf16_to_byte(&text, a), utf16_to_byte(&text, b)));
        }
    };
    let onselect = {
        let track = track.clone();
        Callback::from(move |e: Event| track(e.target_unchecked_into()))
    };
    let onkeyup = {
        let track = track.clone();
        Callback::from(move |e: KeyboardEvent| track(e.target_unchecked_into()))
    };
    let onmouseup = Callback::from(move |e: MouseEvent| track(e.target_unchecked_into()));

    let (sel_a, sel_b) = *selection;
    let sel_ok = sel_a < sel_b && sel_b <= s.text.len() && !s.text[sel_a..sel_b].trim().is_empty();
    let current = s.is_current();

    let bar = if sel_ok {
        let on_redact = {
            let dispatch = props.state.dispatcher();
            let (category, every, selection) = (*category, *every, selection.clone());
            Callback::from(move |_| {
                dispatch.dispatch(AppAction::Do(Action::RedactSelection { start: sel_a, end: sel_b, category, every }));
                selection.set((sel_b, sel_b));
            })
        };
        let on_category = {
            let category = category.clone();
            Callback::from(move |e: Event| {
                let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
                if let Some(c) = Category::parse(&sel.value()) {
                    category.set(c);
                }
            })
        };
        let on_every = {
            let every = every.clone();
            Callback::from(move |e: Event| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                every.set(input.checked());
            })
        };
        html! {
            <div class="selbar" data-testid="selection-bar">
                <span>{ format!("Selected “{}”", clip(&s.text[sel_a..sel_b], 40)) }</span>
                <label>{ "as " }
                    <select data-testid="selection-category" onchange={on_category} aria-label="Category for the selection">
                        { for Category::ALL.iter().filter(|c| !c.is_optional()).map(|c| html! {
                            <option value={c.as_str()} selected={*c == *category}>{ c.label() }</option>
                        }) }
                    </select>
                </label>
                <label><input type="checkbox" data-testid="selection-every" checked={*every} onchange={on_every} />{ " every occurrence" }</label>
                <button type="button" class="primary" data-testid="redact-selection" onclick={on_redact}>{ "Redact selection" }</button>
            </div>
        }
    } else if let Some(f) = current
        .then(|| s.scan.as_ref())
        .flatten()
        .and_then(|sc| sc.findings.iter().find(|f| f.span.start <= sel_a && sel_a < f.span.end))
    {
        html! {
            <div class="selbar" data-testid="cursor-finding" role="status">
                <strong>{ f.span.category.label() }</strong>
                <span>{ format!(" — {} ({})", f.span.reason, f.span.recognizer) }</span>
                if f.status != Status::Redacted { <span class="muted">{ " · kept as written" }</span> }
            </div>
        }
    } else {
        html! {
            <div class="selbar muted">{ "Select any text the tool missed to redact it by hand. Put the cursor on a highlight to see why it was flagged." }</div>
        }
    };

    html! {
        <>
            <div class="editor">
                <div class="backdrop" ref={backdrop} aria-hidden="true">{ highlights(&props.state) }</div>
                <textarea
                    class="story"
                    data-testid="story-input"
                    aria-label="Patient story"
                    aria-describedby="story-help"
                    placeholder="Paste or type the story here…"
                    value={s.text.clone()}
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
                    {onselect}
                    {onkeyup}
                    {onmouseup}
                />
                <p id="story-help" class="visually-hidden">
                    { "Identifiers found in the story are listed in the findings panel and replaced in the redacted version." }
                </p>
            </div>
            { bar }
        </>
    }
}

fn clip(s: &str, max: usize) -> String {
    let mut out: String = s.chars().take(max).collect();
    if s.chars().count() > max {
        out.push('…');
    }
    out
}

/// The backdrop's content: the text with each finding wrapped in a `<mark>`.
fn highlights(state: &Handle) -> Html {
    let s = &state.0;
    let text = s.text.as_str();
    let mut nodes: Vec<Html> = Vec::new();
    let current = s.scan.as_ref().filter(|sc| sc.text == s.text);
    if let Some(scan) = current {
        for seg in s.segments() {
            let piece = &text[seg.start..seg.end];
            match seg.kind {
                SegmentKind::Plain => nodes.push(html! { { piece } }),
                SegmentKind::Finding(i) => {
                    let f = &scan.findings[i];
                    let class = classes!(
                        "hl",
                        format!("hl-{}", f.span.category.as_str().to_ascii_lowercase()),
                        f.span.category.is_optional().then_some("hl-optional"),
                        (f.status != Status::Redacted).then_some("hl-kept")
                    );
                    nodes.push(html! { <mark {class}>{ piece }</mark> });
                }
                SegmentKind::Manual(i) => {
                    let cat = s.manual.get(i).map(|m| m.category).unwrap_or(Category::Name);
                    let class = classes!("hl", "hl-manual", format!("hl-{}", cat.as_str().to_ascii_lowercase()));
                    nodes.push(html! { <mark {class}>{ piece }</mark> });
                }
            }
        }
    } else {
        nodes.push(html! { { text } });
    }
    // A trailing newline needs a character after it to take up its line.
    nodes.push(html! { { "\u{200B}" } });
    nodes.into_iter().collect::<Html>()
}
