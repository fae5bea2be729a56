//! # Storysafe
//!
//! Storysafe finds and redacts every identifier in a patient story, records the patient's consent
//! for the exact final text, and packages both for sharing. Everything runs on the device: in the
//! browser (this crate compiled to WebAssembly) or on the command line (`storysafe`).
//!
//! ## A tour
//!
//! - [`engine`]: detection. An [`engine::Engine`] holds a registry of recognizers; `scan` returns
//!   disjoint [`engine::Span`]s (UTF-8 byte offsets, a [`engine::Category`], a score, the
//!   recognizer's name and a human reason). [`engine::operators`] turn spans into the final text.
//! - [`consent`]: the consent record bound to the final text by its SHA-256, its validation, and
//!   the FHIR R4 `Consent` export.
//! - [`state`]: the application state and a pure reducer, shared by the UI and tests.
//! - `ui` (wasm32 only): the Yew view, the only code that touches the browser.
//!
//! ```
//! use storysafe::engine::{default_engine, operators::redact_with_tags};
//!
//! let text = "Seen 3/14, reach me at dr.ode@example.org";
//! let spans = default_engine().scan(text);
//! assert_eq!(redact_with_tags(text, &spans), "Seen [DATE], reach me at [EMAIL]");
//! ```
//!
//! The engine, consent and state modules are pure Rust: no I/O, no web crates. They build and test
//! natively with `cargo test`.
#![deny(missing_docs)]

pub mod consent;
pub mod engine;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The tool version recorded in every export, with the build identifier when one was set at
/// build time (`STORYSAFE_BUILD`, e.g. a git commit).
pub fn version() -> &'static str {
    concat!(env!("CARGO_PKG_VERSION"), "+", env!("STORYSAFE_BUILD"))
}
