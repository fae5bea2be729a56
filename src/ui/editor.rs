//! The story editor: a plain `<textarea>` (so typing tools act on it directly) over a backdrop that
//! paints the highlights in the same place as the text, like a spelling checker's underlines.
//! Below it, a bar that explains the finding at the cursor, or redacts a selection by hand.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::{AppAction, Handle, ScanRef};
use crate::engine::offsets::utf16_to_byte;
use crate::engine::Category;
use crate::state::review::{common_ends, Status};
use crate::state::{Action, SegmentKind, State};

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
    let selection = use_state_eq(|| (0usize, 0usize));
    let category = use_state(|| Category::Name);
    let every = use_state(|| true);
    let s = &props.state.0;
    // The highlights change only with the text, the scan or the hand-made redactions (not with
    // the selection, which changes on every key and click).
    let backdrop_content = {
        let state = props.state.clone();
        use_memo((s.revision, ScanRef(s.scan.clone()), s.manual.clone()), move |_| highlights(&state.0))
    };

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
        .then_some(s.scan.as_ref())
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
                <div class="backdrop" ref={backdrop} aria-hidden="true">{ (*backdrop_content).clone() }</div>
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

/// A highlight in the backdrop (byte offsets into the current text).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Mark {
    start: usize,
    end: usize,
    category: Category,
    /// Redacted by hand.
    manual: bool,
    /// An optional (informational) category.
    optional: bool,
    /// Not redacted: kept as written by a decision or the allow list.
    kept: bool,
}

/// The highlights of the last finished scan, on the current text. While a newer scan is pending
/// they stay where they were, moved along with the edit (the changed region, between the
/// unchanged start and end of the text, shows none), instead of disappearing on every keystroke.
fn marks(s: &State) -> Vec<Mark> {
    let Some(scan) = s.scan.as_ref() else { return Vec::new() };
    let (old, new) = (scan.text.as_str(), s.text.as_str());
    let (prefix, suffix) = common_ends(old, new);
    let changed_end = old.len() - suffix;
    let moved = |x: usize| x + new.len() - old.len();
    s.segments()
        .into_iter()
        .filter_map(|seg| {
            let (start, end) = if seg.end <= prefix {
                (seg.start, seg.end)
            } else if seg.start >= changed_end {
                (moved(seg.start), moved(seg.end))
            } else {
                return None;
            };
            match seg.kind {
                SegmentKind::Plain => None,
                SegmentKind::Finding(i) => {
                    let f = &scan.findings[i];
                    Some(Mark { start, end, category: f.span.category, manual: false, optional: f.span.category.is_optional(), kept: f.status != Status::Redacted })
                }
                SegmentKind::Manual(i) => {
                    let category = s.manual.get(i).map(|m| m.category).unwrap_or(Category::Name);
                    Some(Mark { start, end, category, manual: true, optional: false, kept: false })
                }
            }
        })
        .collect()
}

/// The backdrop's content: one block per line of the text (each with its line break, so it wraps
/// exactly like the text area), each a component that is rendered again only when its text or
/// highlights change: a keystroke in a long story lays out one paragraph, not the whole story.
fn highlights(s: &State) -> Html {
    let text = s.text.as_str();
    let marks = marks(s);
    let mut blocks: Vec<Html> = Vec::new();
    let mut at = 0;
    let mut m = 0;
    for line in text.split_inclusive('\n') {
        let end = at + line.len();
        // Marks are in order and disjoint; one that runs over a line break is cut in two.
        let mut own: Vec<Mark> = Vec::new();
        while m < marks.len() && marks[m].start < end {
            let k = marks[m];
            let (a, b) = (k.start.max(at), k.end.min(end));
            if a < b {
                own.push(Mark { start: a - at, end: b - at, ..k });
            }
            if k.end > end {
                break;
            }
            m += 1;
        }
        // The last line carries a zero-width space, as the text area's own last line has room
        // for the caret.
        let line = if end == text.len() && !line.ends_with('\n') { format!("{line}\u{200B}") } else { line.to_string() };
        blocks.push(html! { <Line text={AttrValue::from(line)} marks={own} /> });
        at = end;
    }
    // A trailing line break (or no text) needs a character after it to take up its line.
    if text.is_empty() || text.ends_with('\n') {
        blocks.push(html! { <div class="line">{ "\u{200B}" }</div> });
    }
    blocks.into_iter().collect::<Html>()
}

#[derive(Properties, PartialEq)]
struct LineProps {
    text: AttrValue,
    marks: Vec<Mark>,
}

/// One line of the backdrop with its highlights.
#[component]
fn Line(props: &LineProps) -> Html {
    let text = props.text.as_str();
    let mut nodes: Vec<Html> = Vec::with_capacity(2 * props.marks.len() + 1);
    let mut at = 0;
    for k in &props.marks {
        if k.start < at || k.end > text.len() || !text.is_char_boundary(k.start) || !text.is_char_boundary(k.end) {
            continue;
        }
        if k.start > at {
            nodes.push(html! { { &text[at..k.start] } });
        }
        let cat = format!("hl-{}", k.category.as_str().to_ascii_lowercase());
        let class = classes!("hl", k.manual.then_some("hl-manual"), cat, k.optional.then_some("hl-optional"), k.kept.then_some("hl-kept"));
        nodes.push(html! { <mark {class}>{ &text[k.start..k.end] }</mark> });
        at = k.end;
    }
    if at < text.len() {
        nodes.push(html! { { &text[at..] } });
    }
    html! { <div class="line">{ for nodes }</div> }
}
