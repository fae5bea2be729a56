//! The browser app's entry point (built by Trunk for wasm32).
//!
//! The same module runs in two places: on the page, where `main` mounts the app, and in the
//! scanning worker (`scan-worker.js`), where `main` returns at once and the page's scans are made
//! with [`scan_for_worker`].

#[cfg(target_arch = "wasm32")]
fn main() {
    storysafe::ui::start();
}

/// Scans `text` with the default engine and looks for its indirect identifiers: both as a string
/// (see `storysafe::state::wire`). Exported to JavaScript for the scanning worker.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn scan_for_worker(text: &str) -> String {
    let spans = storysafe::engine::default_engine().scan(text);
    storysafe::state::wire::encode(&spans, &storysafe::engine::quasi::scan(text))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("storysafe-web is the browser app: build it with `trunk build --release` (see README).");
}
