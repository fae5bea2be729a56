//! The browser app's entry point (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    storysafe::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("storysafe-web is the browser app: build it with `trunk build --release` (see README).");
}
