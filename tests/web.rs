//! Components rendered in a real browser (headless Chromium via wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use storysafe::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlTextAreaElement;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(60)).await;
}

fn query(root: &web_sys::Element, sel: &str) -> web_sys::Element {
    root.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no element matches {sel}"))
}

#[wasm_bindgen_test]
async fn empty_state_says_nothing_leaves_the_device() {
    let root = mount();
    settle().await;
    let empty = query(&root, "[data-testid=empty-state]").text_content().unwrap();
    assert!(empty.contains("Nothing leaves this device"), "{empty}");
    assert!(empty.contains("responsible"), "{empty}");
    let input = query(&root, "[data-testid=story-input]");
    assert_eq!(input.get_attribute("spellcheck").as_deref(), Some("false"));
    assert_eq!(input.get_attribute("data-gramm").as_deref(), Some("false"));
    assert_eq!(query(&root, "[data-testid=redacted-output]").text_content().unwrap(), "");
}

#[wasm_bindgen_test]
async fn typing_an_email_highlights_and_redacts_it() {
    let root = mount();
    settle().await;
    let area: HtmlTextAreaElement = query(&root, "[data-testid=story-input]").dyn_into().unwrap();
    area.set_value("Write to ana.ruiz@example.org today");
    let ev = web_sys::InputEvent::new("input").unwrap();
    area.dispatch_event(&ev).unwrap();
    // The first scan builds the engine (regexes, dictionaries): slow in a debug build, so wait
    // for the output rather than for a fixed time.
    let output = query(&root, "[data-testid=redacted-output]");
    for _ in 0..200 {
        if !output.text_content().unwrap_or_default().is_empty() {
            break;
        }
        settle().await;
    }
    let out = output.text_content().unwrap();
    assert_eq!(out, "Write to [EMAIL] today");
    let mark = query(&root, "mark.hl-email").text_content().unwrap();
    assert_eq!(mark, "ana.ruiz@example.org");
}
