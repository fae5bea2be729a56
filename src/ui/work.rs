//! Save and resume: the work (original text, decisions, operators, the per-story secret) goes into
//! a file encrypted with a passphrase, so a reload or a later day gives exactly the same final text.

use yew::platform::spawn_local;
use yew::prelude::*;

use super::{browser, AppAction, Handle};
use crate::state::State;

/// Props of [`WorkFile`].
#[derive(Properties, PartialEq)]
pub struct WorkFileProps {
    /// The app state.
    pub state: Handle,
    /// Called after the work was saved.
    pub on_saved: Callback<()>,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Closed,
    Save,
    Open,
}

/// "Save work" and "Open work", each with its passphrase form.
#[component]
pub fn WorkFile(props: &WorkFileProps) -> Html {
    let mode = use_state(|| Mode::Closed);
    let message = use_state(|| None::<(bool, String)>);
    let pass = use_node_ref();
    let pass2 = use_node_ref();
    let file = use_node_ref();

    let toggle = |m: Mode| {
        let (mode, message) = (mode.clone(), message.clone());
        Callback::from(move |_| {
            message.set(None);
            mode.set(if *mode == m { Mode::Closed } else { m });
        })
    };
    let value = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default();

    let on_save = {
        let (state, mode, message, pass, pass2, saved) =
            (props.state.clone(), mode.clone(), message.clone(), pass.clone(), pass2.clone(), props.on_saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (p1, p2) = (value(&pass), value(&pass2));
            if p1.chars().count() < 8 {
                message.set(Some((false, "Use a passphrase of at least 8 characters.".into())));
                return;
            }
            if p1 != p2 {
                message.set(Some((false, "The two passphrases differ.".into())));
                return;
            }
            match state.0.save_work(&p1, browser::random_bytes(), browser::random_bytes()) {
                None => message.set(Some((false, "Wait for the scan to finish, then save.".into()))),
                Some(bytes) => match browser::download_bytes("story.storysafe", "application/octet-stream", &bytes) {
                    Ok(()) => {
                        saved.emit(());
                        mode.set(Mode::Closed);
                        message.set(Some((true, "Saved story.storysafe (encrypted). Keep the passphrase: without it the file cannot be opened.".into())));
                    }
                    Err(e) => message.set(Some((false, format!("Could not save: {e}")))),
                },
            }
        })
    };
    let on_open = {
        let (state, mode, message, pass, file) = (props.state.clone(), mode.clone(), message.clone(), pass.clone(), file.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let passphrase = value(&pass);
            let Some(f) = file.cast::<web_sys::HtmlInputElement>().and_then(|i| i.files()).and_then(|l| l.get(0)) else {
                message.set(Some((false, "Choose a .storysafe work file first.".into())));
                return;
            };
            let (dispatch, mode, message) = (state.dispatcher(), mode.clone(), message.clone());
            spawn_local(async move {
                let bytes = match browser::read_file_bytes(f).await {
                    Ok(b) => b,
                    Err(e) => return message.set(Some((false, format!("Could not read the file: {e}")))),
                };
                match State::open_work(&bytes, &passphrase) {
                    Ok(s) => {
                        dispatch.dispatch(AppAction::Replace(Box::new(s)));
                        mode.set(Mode::Closed);
                        message.set(Some((true, "Opened your saved work.".into())));
                    }
                    Err(e) => message.set(Some((false, e.to_string()))),
                }
            });
        })
    };

    html! {
        <div class="workfile">
            <div class="actions">
                <button type="button" data-testid="save-work" onclick={toggle(Mode::Save)} aria-expanded={(*mode == Mode::Save).to_string()}>{ "Save work…" }</button>
                <button type="button" data-testid="open-work" onclick={toggle(Mode::Open)} aria-expanded={(*mode == Mode::Open).to_string()}>{ "Open work…" }</button>
            </div>
            if *mode == Mode::Save {
                <form class="popover" onsubmit={on_save} data-testid="save-form">
                    <p class="small">{ "The file holds the original story, encrypted with your passphrase (AES-GCM). Open it later to get exactly the same redacted text." }</p>
                    <label>{ "Passphrase" }<input ref={pass.clone()} type="password" data-testid="save-passphrase" autocomplete="new-password" /></label>
                    <label>{ "Repeat it" }<input ref={pass2} type="password" data-testid="save-passphrase2" autocomplete="new-password" /></label>
                    <button type="submit" class="primary" data-testid="save-confirm">{ "Save encrypted file" }</button>
                </form>
            }
            if *mode == Mode::Open {
                <form class="popover" onsubmit={on_open} data-testid="open-form">
                    <label>{ "Work file" }<input ref={file} type="file" accept=".storysafe" data-testid="open-file" /></label>
                    <label>{ "Passphrase" }<input ref={pass} type="password" data-testid="open-passphrase" autocomplete="current-password" /></label>
                    <button type="submit" class="primary" data-testid="open-confirm">{ "Open" }</button>
                </form>
            }
            if let Some((ok, m)) = &*message {
                <p class={classes!("small", if *ok { "ok" } else { "error" })} role={if *ok { "status" } else { "alert" }} data-testid="work-message">{ m.clone() }</p>
            }
        </div>
    }
}
