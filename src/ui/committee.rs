//! Committee mode: open a package, verify it, review it, decide.
//!
//! A reviewer opens a share package (file picker or drag and drop). The package is checked with
//! [`verify_json`] on today's date: the text hash against the consent (a change to the text after
//! consent), the digest over every field (a change to anything else), consent validity (complete,
//! in date, covering the channel the reviewer is asked about), and a fresh scan of the text with
//! this version of the engine (residual identifiers and quasi-identifier warnings). Each result is
//! stated in words as well as colour. The reviewer then answers the checklist
//! ([`consent::review`](crate::consent::review)), decides, and exports the decision record, which
//! names the package by its digest.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::browser;
use crate::consent::review::{Answer, ChecklistItem, Decision, DecisionRecord};
use crate::consent::{parse_package, verify, Channel, IsoDate, Problem, SharePackage, Verdict, VerifyOptions};

/// A package that was opened.
#[derive(Clone, PartialEq)]
struct Opened {
    /// Counts the files opened: a new file (even with the same content) starts a new review.
    serial: u32,
    /// The file name.
    name: String,
    /// The parsed package and its raw JSON, or why it could not be read.
    parsed: Result<(SharePackage, serde_json::Value), String>,
}

/// The channel and platform the reviewer checks the consent against (`None`: as consented).
#[derive(Clone, PartialEq, Default)]
struct Ask {
    channel: Option<Channel>,
    platform: String,
}

fn today() -> IsoDate {
    IsoDate::parse(&browser::today_iso()).unwrap_or(IsoDate { year: 2026, month: 1, day: 1 })
}

fn run(pkg: &SharePackage, raw: &serde_json::Value, ask: &Ask) -> Verdict {
    let opts = VerifyOptions {
        today: today(),
        channel: ask.channel,
        platform: Some(ask.platform.trim().to_string()).filter(|p| !p.is_empty()),
    };
    verify(pkg, raw, &opts)
}

fn open_bytes(serial: u32, name: String, bytes: Vec<u8>) -> Opened {
    let parsed = String::from_utf8(bytes)
        .map_err(|_| "The file is not text (UTF-8): it is not a Storysafe package.".to_string())
        .and_then(|json| parse_package(&json).map_err(|e| format!("Could not open the package: {e}.")));
    Opened { serial, name, parsed }
}

fn field_of(item: ChecklistItem) -> String {
    format!("checklist.{}", serde_json::to_value(item).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())
}

fn target_value(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// One result line: a word and a mark, never colour alone.
fn status_line(ok: bool, testid: &str, good: &str, bad: Html) -> Html {
    html! {
        <li class={classes!("check-line", if ok { "pass" } else { "fail" })} data-testid={testid.to_string()}>
            <span class="badge-word">{ if ok { "PASS" } else { "FAIL" } }</span>
            <span>{ if ok { html! { good } } else { bad } }</span>
        </li>
    }
}

fn problem_list(problems: &[Problem]) -> Html {
    html! {
        <ul class="problems">
            { for problems.iter().map(|p| html! {
                <li class={if p.is_error() { "fail" } else { "note" }}>
                    <span class="badge-word">{ if p.is_error() { "FAIL" } else { "NOTE" } }</span>
                    <span>{ p.message.clone() }</span>
                </li>
            }) }
        </ul>
    }
}

/// The committee's review of a share package.
#[component]
pub fn CommitteeView() -> Html {
    let opened = use_state(|| None::<Rc<Opened>>);
    let ask = use_state(Ask::default);
    let decision = use_state(|| None::<(u32, DecisionRecord)>);
    let show = use_state(|| false);
    let dragging = use_state(|| false);
    let status = use_state(|| None::<(bool, String)>);
    let file_ref = use_node_ref();

    let verdict: Option<Verdict> = {
        let ask = (*ask).clone();
        let opened = (*opened).clone();
        use_memo((opened, ask), |(opened, ask)| {
            opened.as_ref().and_then(|o| o.parsed.as_ref().ok()).map(|(pkg, raw)| run(pkg, raw, ask))
        })
        .as_ref()
        .clone()
    };

    // A new file starts a fresh decision record pre-filled by the checks; new terms for the same
    // file (another channel) keep the answers and refresh the checks. The record names the
    // package by the digest of its actual content, so it cannot be reused for a changed package.
    {
        let decision = decision.clone();
        let show = show.clone();
        let serial = opened.as_ref().filter(|o| o.parsed.is_ok()).map(|o| o.serial);
        use_effect_with((serial, verdict.clone()), move |(serial, verdict)| {
            show.set(false);
            let kept = (*decision).clone().filter(|(s, _)| Some(*s) == *serial).map(|(_, d)| d);
            decision.set(match (serial, verdict) {
                (Some(s), Some(v)) => Some((
                    *s,
                    kept.unwrap_or_else(|| DecisionRecord::new(v.digest_actual.clone(), &browser::today_iso())).with_checks(v),
                )),
                _ => None,
            });
        });
    }

    let load = {
        let (opened, ask, status) = (opened.clone(), ask.clone(), status.clone());
        Rc::new(move |file: web_sys::File| {
            let (opened, ask, status) = (opened.clone(), ask.clone(), status.clone());
            spawn_local(async move {
                let name = file.name();
                match browser::read_file_bytes(file).await {
                    Ok(bytes) => {
                        ask.set(Ask::default());
                        status.set(None);
                        let serial = opened.as_ref().map_or(0, |o| o.serial) + 1;
                        opened.set(Some(Rc::new(open_bytes(serial, name, bytes))));
                    }
                    Err(e) => status.set(Some((false, format!("Could not read the file: {e}")))),
                }
            });
        })
    };
    let on_pick = {
        let load = load.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                load(f);
            }
            input.set_value("");
        })
    };
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let (load, dragging) = (load.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(f) = e.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
                load(f);
            }
        })
    };
    let on_browse = {
        let file_ref = file_ref.clone();
        Callback::from(move |_| {
            if let Some(i) = file_ref.cast::<web_sys::HtmlInputElement>() {
                i.click();
            }
        })
    };

    let drop_zone = html! {
        <div class={classes!("drop-zone", dragging.then_some("dragging"))} data-testid="drop-zone"
            ondragover={on_dragover.clone()} ondragenter={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
            <p><strong>{ "Drop a share package here" }</strong>{ " (story-package.json), or " }
                <button type="button" onclick={on_browse} data-testid="committee-browse">{ "choose a file…" }</button></p>
            <label class="visually-hidden" for="committee-file">{ "Share package file" }</label>
            <input id="committee-file" ref={file_ref} class="visually-hidden" type="file" accept=".json,application/json"
                data-testid="committee-file" onchange={on_pick} />
            <p class="small muted">{ "The package is checked in this browser; it is not uploaded anywhere." }</p>
        </div>
    };

    let body = match opened.as_deref() {
        None => html! {},
        Some(Opened { name, parsed: Err(e), .. }) => html! {
            <p class="error" role="alert" data-testid="package-error">{ format!("{name}: {e}") }</p>
        },
        Some(Opened { name, parsed: Ok((pkg, _)), .. }) => {
            let v = verdict.clone().expect("a parsed package has a verdict");
            report(name, pkg, &v, &ask)
        }
    };

    let review = match (&*decision, &verdict) {
        (Some((_, d)), Some(_)) => decision_form(d, &decision, &show, &status),
        _ => html! {},
    };

    html! {
        <section class="pane committee-view" aria-labelledby="committee-heading" data-testid="committee-view">
            <h2 id="committee-heading">{ "Committee review" }</h2>
            <p class="small muted">{ "Check a share package: was the text changed after consent, is the consent valid for this channel, does anything identifying remain? Then record the committee's decision." }</p>
            { drop_zone }
            if let Some((ok, m)) = &*status {
                <p class={classes!("small", if *ok { "ok" } else { "error" })} role={if *ok { "status" } else { "alert" }} data-testid="committee-status">{ m.clone() }</p>
            }
            { body }
            { review }
        </section>
    }
}

/// The verdict at a glance, then the details and the text.
fn report(name: &str, pkg: &SharePackage, v: &Verdict, ask: &UseStateHandle<Ask>) -> Html {
    let passed = v.passed();
    let mut why = Vec::new();
    if !v.text_hash_ok() {
        why.push("the text was changed after consent");
    }
    if !v.digest_ok() {
        why.push("the package was changed after it was made");
    }
    if v.format_problems.iter().any(Problem::is_error) {
        why.push("the package is malformed");
    }
    if !v.consent_ok() {
        why.push("the consent is not valid");
    }
    if !v.residual.is_empty() {
        why.push("identifiers remain in the text");
    }
    let on_channel = {
        let ask = ask.clone();
        Callback::from(move |e: Event| {
            let mut a = (*ask).clone();
            a.channel = Channel::parse(&target_value(&e));
            ask.set(a);
        })
    };
    let on_platform = {
        let ask = ask.clone();
        Callback::from(move |e: Event| {
            let mut a = (*ask).clone();
            a.platform = target_value(&e);
            ask.set(a);
        })
    };
    let consented = pkg.consent.recipient.channel;
    let asked = ask.channel.or(consented);
    html! {
        <div class="committee-report" data-testid="committee-report">
            <div class={classes!("verdict-banner", if passed { "pass" } else { "fail" })} role="status" data-testid="verdict">
                <strong>{ if passed { "Verified" } else { "Not verified" } }</strong>
                <span>{
                    if passed {
                        format!(" — {name}: text and package intact, consent valid, no residual identifiers.")
                    } else {
                        format!(" — {name}: {}.", why.join("; "))
                    }
                }</span>
            </div>
            <div class="report-grid">
                <section aria-labelledby="integrity-h">
                    <h3 id="integrity-h">{ "Integrity" }</h3>
                    <ul class="checks">
                        { status_line(v.text_hash_ok(), "text-hash-status", "Text hash verified: the text is the one the patient consented to.", html! {
                            <><strong>{ "The text was changed after consent." }</strong>
                              { " The consent names SHA-256 " }<code class="hash">{ v.text_hash_recorded.clone() }</code>
                              { ", but the text has " }<code class="hash">{ v.text_hash_actual.clone() }</code>{ "." }</>
                        }) }
                        { status_line(v.digest_ok(), "digest-status", "Package digest verified: no field was changed.", html! {
                            <><strong>{ "The package was changed after it was made." }</strong>
                              { " Its digest does not match its content, so some field (text, consent or log) was edited." }</>
                        }) }
                    </ul>
                    if !v.format_problems.is_empty() { { problem_list(&v.format_problems) } }
                    <p class="small muted">{ format!("Made with Storysafe {}; checked with {} on {}.", v.made_with, v.checked_with, v.checked_on) }</p>
                </section>
                <section aria-labelledby="consent-h">
                    <h3 id="consent-h">{ "Consent" }</h3>
                    <div class="two">
                        <label class="small">{ "Check for channel" }
                            <select data-testid="committee-channel" onchange={on_channel}>
                                <option value="" selected={ask.channel.is_none()}>{ "As consented" }</option>
                                { for Channel::ALL.iter().map(|c| html! {
                                    <option value={c.code()} selected={ask.channel == Some(*c)}>
                                        { if Some(*c) == consented { format!("{} (consented)", c.label()) } else { c.label().to_string() } }
                                    </option>
                                }) }
                            </select>
                        </label>
                        if asked == Some(Channel::SocialMedia) {
                            <label class="small">{ "Platform" }
                                <input type="text" value={ask.platform.clone()} onchange={on_platform} data-testid="committee-platform" />
                            </label>
                        }
                    </div>
                    <ul class="checks">
                        { status_line(v.consent_ok(), "committee-consent-status", "Consent complete, in date, and covers this channel.", html! {
                            <strong>{ "The consent is not valid for this use:" }</strong>
                        }) }
                    </ul>
                    if !v.consent_problems.is_empty() { { problem_list(&v.consent_problems) } }
                    <p class="small">
                        { format!("Signed {} by {}; expires {}.",
                            if pkg.consent.signature.date.is_empty() { "(no date)" } else { pkg.consent.signature.date.as_str() },
                            match pkg.consent.signature.signed_by { Some(crate::consent::record::SignedBy::Patient) => "the patient", Some(_) => "a personal representative", None => "(not recorded)" },
                            match (pkg.consent.expiration.date.as_str(), pkg.consent.expiration.event.as_str()) {
                                ("", "") => "(not given)".to_string(),
                                (d, "") => d.to_string(),
                                ("", e) => e.to_string(),
                                (d, e) => format!("{d} or {e}"),
                            }) }
                    </p>
                </section>
                <section aria-labelledby="residual-h">
                    <h3 id="residual-h">{ "Identifiers (fresh scan)" }</h3>
                    <ul class="checks">
                        { status_line(v.residual.is_empty(), "residual-status",
                            &format!("No residual identifiers ({} finding(s) accounted for by the anonymisation log).", v.accounted_for),
                            html! { <strong>{ format!("{} identifier(s) remain that the log does not account for:", v.residual.len()) }</strong> }) }
                    </ul>
                    if !v.residual.is_empty() {
                        <ul class="findings-list" data-testid="residual-list">
                            { for v.residual.iter().map(|f| html! {
                                <li><span class="badge">{ f.category.label() }</span>{ " " }<q>{ f.text.clone() }</q>
                                    <span class="small muted">{ format!(" at {}–{}: {}", f.start, f.end, f.reason) }</span></li>
                            }) }
                        </ul>
                    }
                    if !v.quasi_identifiers.is_empty() {
                        <h4>{ "Quasi-identifiers (check the combination)" }</h4>
                        <ul class="findings-list" data-testid="quasi-list">
                            { for v.quasi_identifiers.iter().map(|f| html! {
                                <li><span class="badge">{ f.category.label() }</span>{ " " }<q>{ f.text.clone() }</q>
                                    <span class="small muted">{ format!(": {}", f.reason) }</span></li>
                            }) }
                        </ul>
                    }
                    if !v.checklist_hints.is_empty() {
                        <h4>{ "Hints for the checklist" }</h4>
                        <ul class="small">{ for v.checklist_hints.iter().map(|h| html! { <li>{ h.clone() }</li> }) }</ul>
                    }
                </section>
            </div>
            <details class="package-text" open=true>
                <summary>{ format!("The final text ({} characters, {} logged replacements)", pkg.text.chars().count(), pkg.anonymisation_log.len()) }</summary>
                <pre class="output" data-testid="committee-text" tabindex="0">{ pkg.text.clone() }</pre>
            </details>
        </div>
    }
}

/// A callback that applies `f` (with the event target's value) to the decision record.
fn edit_cb<E: AsRef<web_sys::Event> + 'static>(
    handle: &UseStateHandle<Option<(u32, DecisionRecord)>>,
    f: Rc<dyn Fn(&mut DecisionRecord, String)>,
) -> Callback<E> {
    let handle = handle.clone();
    Callback::from(move |e: E| {
        if let Some((serial, mut d)) = (*handle).clone() {
            f(&mut d, target_value(e.as_ref()));
            handle.set(Some((serial, d)));
        }
    })
}

/// The checklist, the decision, and the export of the decision record.
fn decision_form(
    d: &DecisionRecord,
    handle: &UseStateHandle<Option<(u32, DecisionRecord)>>,
    show: &UseStateHandle<bool>,
    status: &UseStateHandle<Option<(bool, String)>>,
) -> Html {
    let problems = d.validate();
    let msg = |field: &str| -> (Html, bool) {
        let mine: Vec<&Problem> = problems.iter().filter(|p| p.field == field && **show).collect();
        if mine.is_empty() {
            return (Html::default(), false);
        }
        let id = format!("review-{}-error", field.replace(['.', '_'], "-"));
        (
            html! { <div id={id} class="field-msgs">{ for mine.iter().map(|p| html! {
                <p class="field-error"><strong>{ "Missing or invalid: " }</strong>{ p.message.clone() }</p>
            }) }</div> },
            true,
        )
    };
    let err_ref = |field: &str, has: bool| -> Option<AttrValue> {
        has.then(|| AttrValue::from(format!("review-{}-error", field.replace(['.', '_'], "-"))))
    };
    let edit = |f: Rc<dyn Fn(&mut DecisionRecord, String)>| edit_cb::<Event>(handle, f);
    let edit_text = |f: Rc<dyn Fn(&mut DecisionRecord, String)>| edit_cb::<InputEvent>(handle, f);
    let items = d.checklist.iter().enumerate().map(|(i, a)| {
        let item = a.item;
        let field = field_of(item);
        let (m, has) = msg(&field);
        let name = format!("review-{}", field.replace(['.', '_'], "-"));
        let mut choices = vec![(Answer::Yes, "Yes", "yes"), (Answer::No, "No", "no")];
        if item.may_be_not_applicable() {
            choices.push((Answer::NotApplicable, "Not applicable", "na"));
        }
        html! {
            <li class="checklist-item">
                <fieldset aria-describedby={err_ref(&field, has)}>
                    <legend>{ format!("{}. {}", i + 1, item.question()) }<span class="small muted">{ format!(" ({})", item.source()) }</span></legend>
                    <div class="choices">
                        { for choices.into_iter().map(|(ans, label, code)| {
                            let onchange = edit(Rc::new(move |d: &mut DecisionRecord, _| d.answer(item, ans)));
                            let id = format!("{name}-{code}");
                            html! {
                                <span class="inline">
                                    <input type="radio" id={id.clone()} name={name.clone()} checked={a.answer == Some(ans)} {onchange} data-testid={id.clone()} />
                                    <label for={id}>{ label }</label>
                                </span>
                            }
                        }) }
                    </div>
                    { m }
                </fieldset>
            </li>
        }
    });
    let (m_decision, has_decision) = msg("decision");
    let (m_notes, has_notes) = msg("notes");
    let (m_reviewer, has_reviewer) = msg("reviewer");
    let (m_date, has_date) = msg("date");
    let decisions = [(Decision::Approve, "Approve", "approve"), (Decision::RequestChanges, "Request changes", "request-changes"), (Decision::Reject, "Reject", "reject")];
    let on_export = {
        let (d, show, status) = (d.clone(), show.clone(), status.clone());
        Callback::from(move |_| {
            let problems = d.validate();
            if !problems.is_empty() {
                show.set(true);
                status.set(Some((false, format!("Not exported: {} item(s) missing or invalid in the decision.", problems.len()))));
                return;
            }
            match browser::download("decision-record.json", "application/json", &d.to_json()) {
                Ok(()) => status.set(Some((true, "Exported decision-record.json.".into()))),
                Err(e) => status.set(Some((false, format!("Could not export: {e}")))),
            }
        })
    };
    html! {
        <section class="decision" aria-labelledby="decision-h" data-testid="decision-form">
            <h3 id="decision-h">{ "Checklist (AMA Opinion 2.3.2, GMC social media guidance)" }</h3>
            <p class="small muted">{ "Failed automatic checks pre-answer “No”; a person answers every “Yes”." }</p>
            <ol class="checklist">{ for items }</ol>
            <fieldset class="decision-choice" aria-describedby={err_ref("decision", has_decision)}>
                <legend>{ "Decision" }</legend>
                <div class="choices">
                    { for decisions.into_iter().map(|(dec, label, code)| {
                        let onchange = edit(Rc::new(move |d: &mut DecisionRecord, _| d.decision = Some(dec)));
                        let id = format!("decision-{code}");
                        html! {
                            <span class="inline">
                                <input type="radio" id={id.clone()} name="decision" checked={d.decision == Some(dec)} {onchange} data-testid={id.clone()} />
                                <label for={id}>{ label }</label>
                            </span>
                        }
                    }) }
                </div>
                { m_decision }
            </fieldset>
            <div class="field">
                <label for="review-notes">{ "Notes" }</label>
                <p class="help" id="review-notes-help">{ "Required to request changes or reject: what must change, or why." }</p>
                <textarea id="review-notes" data-testid="review-notes" rows="3" value={d.notes.clone()}
                    aria-describedby={if has_notes { "review-notes-help review-notes-error" } else { "review-notes-help" }}
                    oninput={edit_text(Rc::new(|d: &mut DecisionRecord, v| d.notes = v))} />
                { m_notes }
            </div>
            <div class="two">
                <div class="field">
                    <label for="review-reviewer">{ "Reviewer" }</label>
                    <p class="help" id="review-reviewer-help">{ "Name or role on the committee." }</p>
                    <input id="review-reviewer" data-testid="review-reviewer" type="text" value={d.reviewer.clone()}
                        aria-describedby={if has_reviewer { "review-reviewer-help review-reviewer-error" } else { "review-reviewer-help" }}
                        oninput={edit_text(Rc::new(|d: &mut DecisionRecord, v| d.reviewer = v))} />
                    { m_reviewer }
                </div>
                <div class="field">
                    <label for="review-date">{ "Review date" }</label>
                    <p class="help" id="review-date-help">{ "The day of the decision." }</p>
                    <input id="review-date" data-testid="review-date" type="date" value={d.date.clone()}
                        aria-describedby={if has_date { "review-date-help review-date-error" } else { "review-date-help" }}
                        onchange={edit(Rc::new(|d: &mut DecisionRecord, v| d.date = v))} />
                    { m_date }
                </div>
            </div>
            <p class="small muted">{ format!("The record names the package by its digest {}…", &d.package_digest[..d.package_digest.len().min(16)]) }</p>
            <div class="actions">
                <button type="button" class="primary" data-testid="export-decision" onclick={on_export}>{ "Export decision record (JSON)" }</button>
            </div>
        </section>
    }
}
