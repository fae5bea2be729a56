//! The Yew view: the only code that touches the browser.

/// Mounts the app on the page's body.
pub fn start() {}
