//! Consent for the exact final text, and the exports (share package, FHIR Consent, summary).
//!
//! The form edits a [`ConsentRecord`] held in this component (the tabs stay mounted, so switching
//! tabs keeps it). Every element has a one-line explanation; the problems found by
//! [`ConsentRecord::check`] are shown next to the field they name (linked with
//! `aria-describedby`) once the user asks to check or export, and a summary lists what is missing.
//!
//! "Bind consent to this text" records the SHA-256 of the current final text. When the final text
//! changes afterwards the record no longer [is bound](ConsentRecord::is_bound_to) to it and a
//! warning says the consent is stale. The exports are buttons marked `aria-disabled` (not
//! `disabled`, so that a click still explains what is missing) until their conditions hold.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::browser;
use crate::consent::record::{pseudonym_from, Attachment, Method, SignedBy};
use crate::consent::summary;
use crate::consent::{fhir_consent, Channel, ConsentRecord, IsoDate, LogEntry, Problem, SharePackage};
use crate::engine::operators::Replacement;

/// Props of [`ConsentView`].
#[derive(Properties, PartialEq)]
pub struct ConsentViewProps {
    /// The final text of a finished scan of the current story (None while scanning or empty).
    pub final_text: Option<String>,
    /// The anonymisation log (byte offsets into `final_text`).
    pub log: Vec<Replacement>,
    /// Called after a package was exported.
    pub on_exported: Callback<()>,
}

/// The form's state: the record, edited by closures so that quick successive events never work
/// on a stale copy.
#[derive(Clone, PartialEq, Default)]
struct Form(ConsentRecord);

type Edit = Rc<dyn Fn(&mut ConsentRecord)>;

impl Reducible for Form {
    type Action = Edit;
    fn reduce(self: Rc<Self>, edit: Edit) -> Rc<Self> {
        let mut r = self.0.clone();
        edit(&mut r);
        Rc::new(Form(r))
    }
}

/// The DOM id (and test id) of the input for a record field id: `"signature.date"` ->
/// `"consent-signature-date"`.
fn dom_id(field: &str) -> String {
    format!("consent-{}", field.replace(['.', '_'], "-"))
}

fn err_id(field: &str) -> String {
    format!("{}-error", dom_id(field))
}

fn help_id(field: &str) -> String {
    format!("{}-help", dom_id(field))
}

/// The `value` (or, with `checked`, the `checked` state) of an event's target element.
fn target_prop(e: &Event, prop: &str) -> JsValue {
    e.target().map(|t| js_sys::Reflect::get(&t, &JsValue::from_str(prop)).unwrap_or(JsValue::UNDEFINED)).unwrap_or(JsValue::UNDEFINED)
}

fn target_value(e: &Event) -> String {
    target_prop(e, "value").as_string().unwrap_or_default()
}

fn target_checked(e: &Event) -> bool {
    target_prop(e, "checked").as_bool().unwrap_or(false)
}

/// Standard base64 (RFC 4648, with padding) for an attached file.
fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Today, from the browser's clock.
fn today() -> Option<IsoDate> {
    IsoDate::parse(&browser::today_iso()).ok()
}

/// An export attempt that is not ready reveals the field messages and says why.
fn refuse(show: &UseStateHandle<bool>, status: &UseStateHandle<Option<(bool, String)>>, reason: &str) {
    show.set(true);
    status.set(Some((false, format!("Not exported: {reason}"))));
}

/// Moves the keyboard focus to the input of `field` (a link in the summary of what is missing).
fn focus_field(field: &str) -> Callback<MouseEvent> {
    // Group problems ("expiration") point at the group's first input.
    let id = match field {
        "expiration" => dom_id("expiration.date"),
        "story.text_sha256" => "bind-consent".to_string(),
        f => dom_id(f),
    };
    Callback::from(move |e: MouseEvent| {
        use wasm_bindgen::JsCast;
        if let Some(el) = gloo::utils::document().get_element_by_id(&id).and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            e.prevent_default();
            let _ = el.focus();
            el.scroll_into_view();
        }
    })
}

/// Where the binding stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Binding {
    /// No hash recorded yet.
    Unbound,
    /// Bound to the current final text.
    Bound,
    /// Bound to another text: the text changed after consent.
    Stale,
    /// A hash is recorded but there is no final text to compare (scan pending or story empty).
    Unknown,
}

fn binding(record: &ConsentRecord, text: Option<&str>) -> Binding {
    if record.story.text_sha256.is_empty() {
        return Binding::Unbound;
    }
    match text {
        None => Binding::Unknown,
        Some(t) if record.is_bound_to(t) => Binding::Bound,
        Some(_) => Binding::Stale,
    }
}

/// Renders the problems for `field`: errors only when `show` (after a check or an export
/// attempt), warnings always. Returns the markup and whether anything was rendered.
fn messages(problems: &[Problem], field: &str, show: bool) -> (Html, bool) {
    let mine: Vec<&Problem> = problems.iter().filter(|p| p.field == field && (show || !p.is_error())).collect();
    if mine.is_empty() {
        return (Html::default(), false);
    }
    let html = html! {
        <div id={err_id(field)} class="field-msgs" data-testid={format!("{}-error", dom_id(field))}>
            { for mine.iter().map(|p| html! {
                <p class={if p.is_error() { "field-error" } else { "field-warning" }}>
                    <strong>{ if p.is_error() { "Missing or invalid: " } else { "Note: " } }</strong>{ p.message.clone() }
                </p>
            }) }
        </div>
    };
    (html, true)
}

/// `aria-describedby` for a field: its help line, and its messages when shown.
fn described_by(field: &str, has_msgs: bool) -> String {
    if has_msgs {
        format!("{} {}", help_id(field), err_id(field))
    } else {
        help_id(field)
    }
}

/// What the fields need to render: the problems and whether errors are shown.
struct Ctx<'a> {
    problems: &'a [Problem],
    show: bool,
    form: UseReducerHandle<Form>,
}

impl Ctx<'_> {
    fn has_error(&self, field: &str) -> bool {
        self.show && self.problems.iter().any(|p| p.field == field && p.is_error())
    }

    /// A text input (or a textarea when `multiline`; `kind` is the input type otherwise).
    fn text(&self, field: &str, label: &str, help: &str, value: &str, kind: &str, set: fn(&mut ConsentRecord, String)) -> Html {
        let (msgs, has) = messages(self.problems, field, self.show);
        let form = self.form.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let v = target_value(&e);
            form.dispatch(Rc::new(move |r: &mut ConsentRecord| set(r, v.clone())));
        });
        let id = dom_id(field);
        let invalid = self.has_error(field).to_string();
        let control = if kind == "textarea" {
            html! { <textarea id={id.clone()} data-testid={id.clone()} rows="2" value={value.to_string()} {oninput}
                aria-describedby={described_by(field, has)} aria-invalid={invalid} /> }
        } else {
            html! { <input id={id.clone()} data-testid={id.clone()} type={kind.to_string()} value={value.to_string()} {oninput}
                aria-describedby={described_by(field, has)} aria-invalid={invalid} /> }
        };
        html! {
            <div class={classes!("field", self.has_error(field).then_some("has-error"))}>
                <label for={id}>{ label }</label>
                <p class="help" id={help_id(field)}>{ help }</p>
                { control }
                { msgs }
            </div>
        }
    }

    /// A checkbox with its statement as the label.
    fn check(&self, field: &str, label: &str, help: &str, value: bool, set: fn(&mut ConsentRecord, bool)) -> Html {
        let (msgs, has) = messages(self.problems, field, self.show);
        let form = self.form.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = target_checked(&e);
            form.dispatch(Rc::new(move |r: &mut ConsentRecord| set(r, v)));
        });
        let id = dom_id(field);
        html! {
            <div class={classes!("field", "check", self.has_error(field).then_some("has-error"))}>
                <input id={id.clone()} data-testid={id.clone()} type="checkbox" checked={value} {onchange}
                    aria-describedby={described_by(field, has)} aria-invalid={self.has_error(field).to_string()} />
                <div>
                    <label for={id}>{ label }</label>
                    <p class="help" id={help_id(field)}>{ help }</p>
                    { msgs }
                </div>
            </div>
        }
    }

    /// A select over `options` (code, label); the empty code means "not chosen".
    fn select(&self, field: &str, label: &str, help: &str, value: &str, options: &[(&str, &str)], set: fn(&mut ConsentRecord, String)) -> Html {
        let (msgs, has) = messages(self.problems, field, self.show);
        let form = self.form.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = target_value(&e);
            form.dispatch(Rc::new(move |r: &mut ConsentRecord| set(r, v.clone())));
        });
        let id = dom_id(field);
        html! {
            <div class={classes!("field", self.has_error(field).then_some("has-error"))}>
                <label for={id.clone()}>{ label }</label>
                <p class="help" id={help_id(field)}>{ help }</p>
                <select id={id.clone()} data-testid={id} {onchange} aria-describedby={described_by(field, has)}
                    aria-invalid={self.has_error(field).to_string()}>
                    <option value="" selected={value.is_empty()}>{ "Choose…" }</option>
                    { for options.iter().map(|&(code, text)| html! {
                        <option value={code.to_string()} selected={code == value}>{ text.to_string() }</option>
                    }) }
                </select>
                { msgs }
            </div>
        }
    }
}

fn method_code(m: Option<Method>) -> &'static str {
    m.map_or("", Method::code)
}

fn parse_method(s: &str) -> Option<Method> {
    [Method::Written, Method::VerbalWitnessed, Method::Electronic].into_iter().find(|m| m.code() == s)
}

/// The consent form and exports.
#[component]
pub fn ConsentView(props: &ConsentViewProps) -> Html {
    let form = use_reducer(|| Form(ConsentRecord { patient_pseudonym: pseudonym_from(&browser::random_bytes::<16>()), ..ConsentRecord::default() }));
    let show = use_state(|| false);
    let status = use_state(|| None::<(bool, String)>);
    let record = &form.0;
    let text = props.final_text.as_deref();
    let today = today();
    let problems: Vec<Problem> = match (text, today) {
        (Some(t), Some(d)) => record.check(t, d),
        _ => record.validate(),
    };
    let errors: Vec<&Problem> = problems.iter().filter(|p| p.is_error()).collect();
    let bind_state = binding(record, text);

    // Why each export is not possible yet (None: ready).
    let not_bound_reason = match (text, bind_state) {
        (None, _) => Some("There is no final text yet: finish the redaction on the Redact tab first."),
        (_, Binding::Unbound) => Some("Bind the consent to this text first."),
        (_, Binding::Stale) => Some("The text changed after consent was recorded: show the patient the new text and bind again."),
        _ => None,
    };
    let invalid_reason = (!errors.is_empty()).then(|| format!("{} consent element(s) missing or invalid (listed above).", errors.len()));
    let export_reason: Option<String> = match (not_bound_reason, &invalid_reason) {
        (Some(b), Some(i)) if bind_state == Binding::Unbound => Some(format!("{b} Also: {i}")),
        (Some(b), _) => Some(b.to_string()),
        (None, i) => i.clone(),
    };
    let print_reason: Option<String> = not_bound_reason.map(str::to_string);

    let ctx = Ctx { problems: &problems, show: *show, form: form.clone() };

    let on_bind = {
        let (form, text, status) = (form.clone(), props.final_text.clone(), status.clone());
        Callback::from(move |_| {
            if let Some(t) = text.clone() {
                form.dispatch(Rc::new(move |r: &mut ConsentRecord| r.bind_to(&t)));
                status.set(Some((true, "Consent bound to the current final text.".into())));
            }
        })
    };
    let on_new_id = {
        let form = form.clone();
        Callback::from(move |_| {
            let id = pseudonym_from(&browser::random_bytes::<16>());
            form.dispatch(Rc::new(move |r: &mut ConsentRecord| r.patient_pseudonym = id.clone()));
        })
    };
    let on_check = {
        let show = show.clone();
        Callback::from(move |_| show.set(true))
    };
    // An export attempt that is not ready reveals the messages and says why.
    let on_package = {
        let (record, text, log, reason) = (record.clone(), props.final_text.clone(), props.log.clone(), export_reason.clone());
        let (show, status, exported) = (show.clone(), status.clone(), props.on_exported.clone());
        Callback::from(move |_| {
            let (Some(text), None) = (text.clone(), reason.as_ref()) else {
                return refuse(&show, &status, reason.as_deref().unwrap_or("no final text"));
            };
            let entries = LogEntry::from_byte_ranges(&text, log.iter().map(|r| (r.category, r.operator.as_str(), r.start, r.end)));
            let package = SharePackage::new(text, record.clone(), entries, browser::now_rfc3339());
            match browser::download("story-package.json", "application/json", &package.to_json()) {
                Ok(()) => {
                    exported.emit(());
                    show.set(false);
                    status.set(Some((true, format!("Exported story-package.json (digest {}…).", &package.digest[..12]))));
                }
                Err(e) => status.set(Some((false, format!("Could not export: {e}")))),
            }
        })
    };
    let on_fhir = {
        let (record, reason, show, status) = (record.clone(), export_reason.clone(), show.clone(), status.clone());
        Callback::from(move |_| {
            let (None, Some(day)) = (reason.as_ref(), today) else {
                return refuse(&show, &status, reason.as_deref().unwrap_or("the browser gave no date"));
            };
            let mut json = serde_json::to_string_pretty(&fhir_consent(&record, day)).unwrap_or_default();
            json.push('\n');
            match browser::download("consent-fhir.json", "application/fhir+json", &json) {
                Ok(()) => status.set(Some((true, "Exported consent-fhir.json (FHIR R4 Consent).".into()))),
                Err(e) => status.set(Some((false, format!("Could not export: {e}")))),
            }
        })
    };
    let on_print = {
        let (reason, show, status) = (print_reason.clone(), show.clone(), status.clone());
        Callback::from(move |_| {
            if let Some(r) = &reason {
                return refuse(&show, &status, r);
            }
            status.set(None);
            let _ = gloo::utils::window().print();
        })
    };
    let on_attach = {
        let (form, status) = (form.clone(), status.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
            let (form, status) = (form.clone(), status.clone());
            spawn_local(async move {
                let (name, kind) = (file.name(), file.type_());
                match browser::read_file_bytes(file).await {
                    Ok(bytes) => {
                        let att = Attachment {
                            media_type: if kind.is_empty() { "application/octet-stream".into() } else { kind },
                            title: name,
                            data_base64: base64(&bytes),
                        };
                        form.dispatch(Rc::new(move |r: &mut ConsentRecord| r.obtained.attachment = Some(att.clone())));
                    }
                    Err(e) => status.set(Some((false, format!("Could not read the file: {e}")))),
                }
            });
        })
    };
    let on_detach = {
        let form = form.clone();
        Callback::from(move |_| form.dispatch(Rc::new(|r: &mut ConsentRecord| r.obtained.attachment = None)))
    };

    let channels: Vec<(&str, &str)> = Channel::ALL.iter().map(|c| (c.code(), c.label())).collect();
    let channel = record.recipient.channel;
    let representative = record.signature.signed_by == Some(SignedBy::PersonalRepresentative);

    let binding_box = html! {
        <div class="binding" data-testid="binding">
            <p class="help" id={help_id("story.text_sha256")}>
                { "The SHA-256 of the final redacted text (UTF-8) identifies the exact text the patient agreed to. Show the patient this final text, then bind. Any later edit makes this consent stale." }
            </p>
            if let Some(t) = text {
                <details class="final-preview" data-testid="consent-final-text">
                    <summary>{ format!("The final text to show the patient ({} characters)", t.chars().count()) }</summary>
                    <pre class="output">{ t.to_string() }</pre>
                </details>
            }
            <div class="hash-row">
                <span class="label">{ "Bound to SHA-256:" }</span>
                <code class="hash" data-testid="consent-hash">
                    { if record.story.text_sha256.is_empty() { "(not bound yet)".to_string() } else { record.story.text_sha256.clone() } }
                </code>
            </div>
            <div class="actions">
                <button type="button" class="primary" id="bind-consent" data-testid="bind-consent" disabled={text.is_none()} onclick={on_bind}
                    aria-describedby={help_id("story.text_sha256")}>
                    { if bind_state == Binding::Unbound { "Bind consent to this text" } else { "Bind consent to the current text" } }
                </button>
                if text.is_none() {
                    <span class="small muted">{ "Waiting for a finished redaction on the Redact tab." }</span>
                }
            </div>
            {
                match bind_state {
                    Binding::Stale => html! {
                        <p class="warn stale" role="alert" data-testid="consent-stale">
                            <strong>{ "Consent is stale: " }</strong>{ "the text changed after consent was recorded. Show the patient the new final text and bind again." }
                        </p>
                    },
                    Binding::Bound => html! { <p class="ok small" data-testid="consent-bound">{ "Bound: the consent matches the current final text." }</p> },
                    _ => html! {},
                }
            }
            { messages(&problems, "story.text_sha256", *show).0 }
        </div>
    };

    let summary_list = if errors.is_empty() {
        html! { <p class="ok" data-testid="consent-complete">{ "Every required element is present." }</p> }
    } else {
        html! {
            <div class="missing" data-testid="consent-missing">
                <p><strong>{ format!("{} element(s) missing or invalid", errors.len()) }</strong>
                   { if *show { "" } else { " — press Check the form to see each next to its field." } }</p>
                if *show {
                    <ul>
                        { for errors.iter().map(|p| html! {
                            <li><a href={format!("#{}", dom_id(&p.field))} onclick={focus_field(&p.field)}>{ p.message.clone() }</a></li>
                        }) }
                    </ul>
                }
            </div>
        }
    };

    let export_button = |testid: &str, label: &str, reason: &Option<String>, onclick: Callback<MouseEvent>, primary: bool| {
        let reason_id = format!("{testid}-reason");
        html! {
            <div class="export">
                <button type="button" class={classes!(primary.then_some("primary"), reason.is_some().then_some("not-ready"))}
                    data-testid={testid.to_string()} aria-disabled={reason.is_some().to_string()}
                    aria-describedby={reason_id.clone()} {onclick}>{ label }</button>
                <span class="small" id={reason_id}>
                    { match reason { Some(r) => format!("Not ready: {r}"), None => "Ready.".to_string() } }
                </span>
            </div>
        }
    };

    html! {
        <section class="pane consent-view" aria-labelledby="consent-heading" data-testid="consent-view">
            <div class="consent-screen">
                <h2 id="consent-heading">{ "Consent for this exact text" }</h2>
                <p class="small muted">
                    { "Record the patient's consent (HIPAA authorization, 45 CFR 164.508, and the journal attestations) for the final text. Nothing here leaves this browser; the signed original stays where you keep it." }
                </p>

                <form class="consent-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
                    <fieldset>
                        <legend>{ "The information" }</legend>
                        { binding_box }
                        { ctx.text("story.description", "Description of the information", "In words the patient understands, e.g. “my story of the weeks before my diagnosis, as written by my doctor”.", &record.story.description, "textarea", |r, v| r.story.description = v) }
                        <div class="with-button">
                            { ctx.text("patient_pseudonym", "Pseudonymous patient id", "Generated on this device; it carries nothing about the patient. Never a name or record number.", &record.patient_pseudonym, "text", |r, v| r.patient_pseudonym = v) }
                            <button type="button" data-testid="new-pseudonym" onclick={on_new_id}>{ "New id" }</button>
                        </div>
                    </fieldset>

                    <fieldset>
                        <legend>{ "The disclosure" }</legend>
                        { ctx.text("discloser", "Who discloses", "The clinician or organization sharing the story.", &record.discloser, "text", |r, v| r.discloser = v) }
                        { ctx.select("recipient.channel", "To whom: the channel", "Where the story will be published; the consent covers only this channel.", channel.map_or("", Channel::code), &channels, |r, v| r.recipient.channel = Channel::parse(&v)) }
                        if channel == Some(Channel::SocialMedia) {
                            { ctx.text("recipient.platform", "Platform", "The social media platform, e.g. Mastodon.", &record.recipient.platform, "text", |r, v| r.recipient.platform = v) }
                        }
                        { ctx.text("recipient.name", "Venue or audience", "The journal, newspaper, meeting or audience (required for journal case reports and “other”).", &record.recipient.name, "text", |r, v| r.recipient.name = v) }
                        { ctx.text("purpose", "Purpose", "Why the story is shared, as told to the patient.", &record.purpose, "textarea", |r, v| r.purpose = v) }
                        <fieldset class="field-group" aria-describedby={described_by("expiration", messages(&problems, "expiration", *show).1)}>
                            <legend class="group-label">{ "Expiration (a date, an event, or both)" }</legend>
                            <p class="help" id={help_id("expiration")}>{ "When the authorization ends; whichever comes first." }</p>
                            { messages(&problems, "expiration", *show).0 }
                            <div class="two">
                                { ctx.text("expiration.date", "Expiration date", "Valid through this day.", &record.expiration.date, "date", |r, v| r.expiration.date = v) }
                                { ctx.text("expiration.event", "Expiration event", "E.g. “one year after publication”.", &record.expiration.event, "text", |r, v| r.expiration.event = v) }
                            </div>
                        </fieldset>
                    </fieldset>

                    <fieldset>
                        <legend>{ "Signature" }</legend>
                        <div class="two">
                            { ctx.select("signature.signed_by", "Signed by", "The patient, or a personal representative acting for them.", match record.signature.signed_by { None => "", Some(SignedBy::Patient) => "patient", Some(SignedBy::PersonalRepresentative) => "personal_representative" }, &[("patient", "The patient"), ("personal_representative", "A personal representative")], |r, v| r.signature.signed_by = match v.as_str() { "patient" => Some(SignedBy::Patient), "personal_representative" => Some(SignedBy::PersonalRepresentative), _ => None }) }
                            { ctx.text("signature.date", "Signature date", "The day consent was signed or given.", &record.signature.date, "date", |r, v| r.signature.date = v) }
                        </div>
                        if representative {
                            <div class="two">
                                { ctx.text("signature.representative_name", "Representative's name", "The person who signed for the patient.", &record.signature.representative_name, "text", |r, v| r.signature.representative_name = v) }
                                { ctx.text("signature.representative_authority", "Representative's authority", "E.g. parent of a minor, health care agent, executor.", &record.signature.representative_authority, "text", |r, v| r.signature.representative_authority = v) }
                            </div>
                        }
                    </fieldset>

                    <fieldset>
                        <legend>{ "Required statements (45 CFR 164.508(c)(2))" }</legend>
                        { ctx.check("statements.right_to_revoke", "The signer was told they may revoke this authorization in writing.", "A HIPAA authorization must state the right to revoke.", record.statements.right_to_revoke, |r, v| r.statements.right_to_revoke = v) }
                        { ctx.text("statements.revoke_how", "How to revoke", "To whom the signer writes to revoke, e.g. the clinic's privacy officer.", &record.statements.revoke_how, "text", |r, v| r.statements.revoke_how = v) }
                        { ctx.check("statements.care_not_conditioned", "The signer was told their care does not depend on signing.", "Treatment, payment or eligibility may not be conditioned on the authorization.", record.statements.care_not_conditioned, |r, v| r.statements.care_not_conditioned = v) }
                        { ctx.check("statements.redisclosure", "The signer was told that, once published, the story may be redisclosed.", "Published information is no longer protected by privacy law.", record.statements.redisclosure, |r, v| r.statements.redisclosure = v) }
                    </fieldset>

                    <fieldset>
                        <legend>{ "What the patient understands (BMJ, ICMJE, COPE)" }</legend>
                        { ctx.check("attestations.seen_final_text", "The patient (or representative) has seen the final text.", "The exact text bound above, not a draft.", record.attestations.seen_final_text, |r, v| r.attestations.seen_final_text = v) }
                        { ctx.check("attestations.anonymity_not_guaranteed", "They understand complete anonymity cannot be guaranteed.", "Redaction lowers the risk of recognition; it cannot remove it.", record.attestations.anonymity_not_guaranteed, |r, v| r.attestations.anonymity_not_guaranteed = v) }
                        { ctx.check("attestations.may_be_recognized", "They understand someone close may recognize them.", "A relative, carer or colleague may recognize the story.", record.attestations.may_be_recognized, |r, v| r.attestations.may_be_recognized = v) }
                        { ctx.check("attestations.online_worldwide", "They know the text may appear online and be read worldwide.", "Publications are indexed and copied.", record.attestations.online_worldwide, |r, v| r.attestations.online_worldwide = v) }
                        { ctx.check("attestations.may_withdraw_until_publication", "They know they may withdraw consent until publication.", "After publication the text cannot be recalled.", record.attestations.may_withdraw_until_publication, |r, v| r.attestations.may_withdraw_until_publication = v) }
                        { ctx.check("attestations.patient_deceased", "The patient has died.", "Consent then comes from the next of kin or personal representative.", record.attestations.patient_deceased, |r, v| r.attestations.patient_deceased = v) }
                        if record.attestations.patient_deceased {
                            { ctx.check("attestations.next_of_kin_consented", "The next of kin consented.", "Required when the patient has died.", record.attestations.next_of_kin_consented, |r, v| r.attestations.next_of_kin_consented = v) }
                        }
                    </fieldset>

                    <fieldset>
                        <legend>{ "How consent was obtained" }</legend>
                        <div class="two">
                            { ctx.select("obtained.method", "Method", "Written form, verbal consent in front of a witness, or electronic signature.", method_code(record.obtained.method), &[("written", "Written (signed form)"), ("verbal_witnessed", "Verbal, witnessed"), ("electronic", "Electronic signature")], |r, v| r.obtained.method = parse_method(&v)) }
                            { ctx.text("obtained.by", "Obtained by", "Who obtained consent (name or role).", &record.obtained.by, "text", |r, v| r.obtained.by = v) }
                        </div>
                        if record.obtained.method == Some(Method::VerbalWitnessed) {
                            { ctx.text("obtained.witness", "Witness", "Who witnessed the verbal consent.", &record.obtained.witness, "text", |r, v| r.obtained.witness = v) }
                        }
                        { ctx.text("obtained.original_location", "Where the signed original is kept", "This tool keeps no signature: say where the original (or the note of verbal consent) is filed.", &record.obtained.original_location, "text", |r, v| r.obtained.original_location = v) }
                        <div class="field">
                            <label for="consent-obtained-attachment">{ "Attach a copy of the signed form (optional)" }</label>
                            <p class="help" id={help_id("obtained.attachment")}>{ "Only if you choose to: the file goes into the package, base64-encoded. It stays on this device until you share the package." }</p>
                            if let Some(att) = &record.obtained.attachment {
                                <p class="small" data-testid="attachment-name">
                                    { format!("Attached: {} ({})", att.title, att.media_type) }
                                    { " " }<button type="button" onclick={on_detach} data-testid="remove-attachment">{ "Remove" }</button>
                                </p>
                            } else {
                                <input id="consent-obtained-attachment" type="file" data-testid="consent-obtained-attachment"
                                    aria-describedby={help_id("obtained.attachment")} onchange={on_attach} />
                            }
                            { messages(&problems, "obtained.attachment", *show).0 }
                        </div>
                    </fieldset>
                </form>

                <section class="exports" aria-labelledby="exports-heading">
                    <h3 id="exports-heading">{ "Check and export" }</h3>
                    { summary_list }
                    <div class="actions">
                        <button type="button" data-testid="check-consent" onclick={on_check}>{ "Check the form" }</button>
                    </div>
                    { export_button("export-package", "Export share package (story-package.json)", &export_reason, on_package, true) }
                    { export_button("export-fhir", "Export FHIR R4 Consent (consent-fhir.json)", &export_reason, on_fhir, false) }
                    { export_button("print-summary", "Print summary to sign", &print_reason, on_print, false) }
                    if let Some((ok, m)) = &*status {
                        <p class={classes!("small", if *ok { "ok" } else { "error" })} role={if *ok { "status" } else { "alert" }} data-testid="consent-status">{ m.clone() }</p>
                    }
                </section>
            </div>
            { print_summary(record, text) }
        </section>
    }
}

/// The printable summary: every element in plain words, the final text, and its hash.
fn print_summary(record: &ConsentRecord, text: Option<&str>) -> Html {
    html! {
        <article class="consent-summary" data-testid="consent-summary" aria-label="Consent summary to sign">
            <h2>{ "Consent to share a patient story" }</h2>
            <p class="summary-hash">
                <span>{ "SHA-256 of the final text: " }</span>
                <code>{ if record.story.text_sha256.is_empty() { "(not bound)".to_string() } else { record.story.text_sha256.clone() } }</code>
            </p>
            { for summary::sections(record).into_iter().map(|s| html! {
                <section class="summary-section">
                    <h3>{ s.title }</h3>
                    <table class={classes!(s.rows.first().is_some_and(|r| r.0.starts_with('[')).then_some("ticks"))}>
                        <tbody>
                            { for s.rows.into_iter().map(|(k, v)| {
                                let hash = v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit());
                                html! { <tr><th scope="row">{ k }</th><td>{ if hash { html! { <code>{ v }</code> } } else { html! { v } } }</td></tr> }
                            }) }
                        </tbody>
                    </table>
                </section>
            }) }
            if let Some(t) = text {
                <section class="summary-section summary-text">
                    <h3>{ "The final text" }</h3>
                    <pre>{ t }</pre>
                </section>
            }
            <p class="summary-hash">
                <span>{ "I consent to sharing the text whose SHA-256 is " }</span>
                <code>{ if record.story.text_sha256.is_empty() { "(not bound)".to_string() } else { record.story.text_sha256.clone() } }</code>
            </p>
            <div class="sign-lines">
                <p>{ "Signature: ______________________________" }</p>
                <p>{ "Printed name: ______________________" }</p>
                <p>{ "Date: ______________" }</p>
            </div>
            <p class="small">{ format!("Prepared with Storysafe {} on this device. The hash above identifies the exact text consented to; any change to the text changes the hash.", crate::version()) }</p>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn base64_table() {
        let rows: [(&[u8], &str); 5] = [(b"", ""), (b"f", "Zg=="), (b"fo", "Zm8="), (b"foo", "Zm9v"), (b"foobar", "Zm9vYmFy")];
        for (input, want) in rows {
            assert_eq!(base64(input), want);
        }
    }

    #[wasm_bindgen_test]
    fn dom_ids() {
        assert_eq!(dom_id("signature.representative_name"), "consent-signature-representative-name");
        assert_eq!(err_id("purpose"), "consent-purpose-error");
    }
}
