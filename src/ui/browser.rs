//! Small wrappers over browser APIs (clipboard, downloads, the panic message).

use wasm_bindgen::{JsCast, JsValue};

/// On a panic, show a plain message (the page must never go blank) and keep the story safe:
/// nothing is sent anywhere, and the text area keeps its content.
pub fn install_panic_hook() {
    // Through yew, which would otherwise install its own console-only hook when rendering.
    yew::set_custom_panic_hook(Box::new(|info| {
        let msg = format!(
            "Storysafe hit an internal error and stopped: {info}. Your text was not sent anywhere. \
             Copy your story out of the text box before reloading the page."
        );
        gloo::console::error!(msg.clone());
        if let Some(el) = gloo::utils::document().get_element_by_id("boot-error") {
            el.set_text_content(Some(&msg));
            let _ = el.remove_attribute("hidden");
        }
    }));
}

/// Copies `text` to the clipboard. Resolves to an error message when the browser refuses.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|e| describe(&e))?;
    save_blob(name, &blob)
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| "the browser refused".into())
}

/// `N` random bytes from the browser's cryptographic generator.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut buf = [0u8; N];
    let crypto = gloo::utils::window().crypto().expect("this browser has no Web Crypto");
    crypto.get_random_values_with_u8_array(&mut buf).expect("the browser refused random bytes");
    buf
}

/// Reads a value from this device's localStorage (settings only, never the story).
pub fn storage_get(key: &str) -> Option<String> {
    gloo::utils::window().local_storage().ok().flatten()?.get_item(key).ok().flatten()
}

/// Writes a value to this device's localStorage; silently skipped when storage is unavailable.
pub fn storage_set(key: &str, value: &str) {
    if let Some(s) = gloo::utils::window().local_storage().ok().flatten() {
        let _ = s.set_item(key, value);
    }
}

thread_local! {
    static SAVED_REVISION: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// Records that the work at `revision` was saved or exported.
pub fn mark_saved(revision: u64) {
    SAVED_REVISION.with(|c| c.set(Some(revision)));
}

/// True when the work at `revision` was saved or exported.
pub fn is_marked_saved(revision: u64) -> bool {
    SAVED_REVISION.with(|c| c.get() == Some(revision))
}

/// Asks before the page is closed or reloaded while `should_ask()` is true.
pub fn on_before_unload(should_ask: impl Fn() -> bool + 'static) -> gloo::events::EventListener {
    let window = gloo::utils::window();
    gloo::events::EventListener::new_with_options(
        &window,
        "beforeunload",
        gloo::events::EventListenerOptions::enable_prevent_default(),
        move |e| {
            if should_ask() {
                e.prevent_default();
                if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    e.set_return_value("You have work that is not saved. Leave anyway?");
                }
            }
        },
    )
}

/// Selects a UTF-16 range of the story text area and scrolls it into view.
pub fn select_in_story(start: u32, end: u32) {
    let Some(el) = gloo::utils::document().query_selector("[data-testid=story-input]").ok().flatten() else { return };
    if let Ok(area) = el.dyn_into::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        let _ = area.set_selection_range(start, end);
    }
}

/// Reads a file chosen by the user as bytes.
pub async fn read_file_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| describe(&e))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Offers raw bytes as a file download.
pub fn download_bytes(name: &str, mime: &str, contents: &[u8]) -> Result<(), String> {
    let arr = js_sys::Uint8Array::from(contents);
    let parts = js_sys::Array::of1(&arr);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).map_err(|e| describe(&e))?;
    save_blob(name, &blob)
}

fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|e| describe(&e))?;
    let a: web_sys::HtmlAnchorElement = gloo::utils::document()
        .create_element("a")
        .map_err(|e| describe(&e))?
        .dyn_into()
        .map_err(|_| "could not create a link".to_string())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Today's date in the user's time zone, as `YYYY-MM-DD`.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// The current time as an RFC 3339 UTC timestamp.
pub fn now_rfc3339() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    // "2026-11-30T10:00:00.000Z" -> drop the milliseconds.
    match iso.split_once('.') {
        Some((head, _)) => format!("{head}Z"),
        None => iso,
    }
}
