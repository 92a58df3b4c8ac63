//! Answers from people on their own devices: a participant makes a short
//! answer code from their Assess answers on this page and sends it; the
//! facilitator pastes it (or the link) into the box below. No server.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::assess::progress;
use crate::domain::workshop::{clean_name, Received, WorkshopError};
use crate::persist::share::{self, SharePayload};
use crate::routes::Route;
use crate::state::{try_set, use_workbench};

/// Asks the browser to copy `text`; `None` when it has no clipboard API
/// here (an insecure page, an old browser).
fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}

/// What became of the last copy.
#[derive(Clone, Debug, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    ByHand,
}

/// Both halves: making a code, and taking codes in.
#[component]
pub fn CodesPanel() -> impl IntoView {
    view! {
        <div class="workshop-codes">
            <MyCode/>
            <ReceiveCodes/>
        </div>
    }
}

/// "Answering on your own phone or laptop?": the participant's side.
#[component]
fn MyCode() -> impl IntoView {
    let wb = use_workbench();
    let name = RwSignal::new(String::new());
    let shown = RwSignal::new(false);
    let copy = RwSignal::new(CopyState::Idle);
    let code_field: NodeRef<html::Input> = NodeRef::new();
    let answered = Memo::new(move |_| wb.assess.with(|a| progress(&a.answers)));
    // The code follows the name and the answers as they are now.
    let code = Memo::new(move |_| {
        let typed = name.get();
        match clean_name(&typed) {
            Err(WorkshopError::NameEmpty) => {
                return Err(
                    "Type your name first, so the facilitator knows whose answers these are."
                        .to_string(),
                )
            }
            Err(e) => return Err(e.to_string()),
            Ok(_) => {}
        }
        wb.assess
            .with(|a| share::participant_code(&typed, &a.answers))
            .map_err(|e| e.to_string())
    });
    let error = move || {
        if !shown.get() {
            return None;
        }
        if answered.get().answered == 0 {
            return Some(
                "You have not answered any question in Assess on this device yet.".to_string(),
            );
        }
        code.get().err()
    };
    let press = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        shown.set(true);
        copy.set(CopyState::Idle);
        let Ok(text) = code.get_untracked() else {
            return;
        };
        if answered.get_untracked().answered == 0 {
            return;
        }
        // Select the code as well, so Ctrl+C works if the browser refuses.
        request_animation_frame(move || {
            if let Some(input) = code_field.get_untracked() {
                input.select();
            }
        });
        match write_clipboard(&text) {
            Some(promise) => wasm_bindgen_futures::spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(promise).await;
                copy.set(if done.is_ok() {
                    CopyState::Copied
                } else {
                    CopyState::ByHand
                });
            }),
            None => copy.set(CopyState::ByHand),
        }
    };
    let show_code = move || shown.get() && error().is_none();

    view! {
        <section class="card my-code" aria-labelledby="my-code-heading">
            <h2 id="my-code-heading">"Answering on your own phone or laptop?"</h2>
            <ol class="steps">
                <li>"Open this app on your device and answer the questions in "<A href=Route::Assess.href()>"Assess"</A>"."</li>
                <li>"Come back to this Workshop page, type your name below and press “Copy my answer code”."</li>
                <li>"Send the code to the facilitator by chat or email. It holds only your name and your answers."</li>
            </ol>
            <p class="hint" data-testid="my-code-progress">
                {move || format!("Your Assess answers on this device: {}.", answered.get().text())}
            </p>
            <form class="my-code-form" on:submit=press>
                <div class="field">
                    <label for="my-code-name">"Your name"</label>
                    <div class="inline-row">
                        <input id="my-code-name" type="text" autocomplete="name"
                            prop:value=move || name.get()
                            on:input:target=move |ev| { name.set(ev.target().value()); copy.set(CopyState::Idle); }
                            aria-invalid=move || error().is_some().to_string()
                            aria-describedby="my-code-name-error"
                        />
                        <button type="submit" class="primary">"Copy my answer code"</button>
                    </div>
                    <p class="field-error" id="my-code-name-error" role="alert" hidden=move || error().is_none()>
                        {error}
                    </p>
                </div>
            </form>
            <div class="field" hidden=move || !show_code()>
                <label for="my-code">"Your answer code"</label>
                <input id="my-code" type="text" readonly node_ref=code_field
                    class="code-text"
                    prop:value=move || code.get().unwrap_or_default()
                    aria-describedby="my-code-status"
                    on:focus=move |_| {
                        if let Some(input) = code_field.get_untracked() {
                            input.select();
                        }
                    }
                />
                <p class="field-help" id="my-code-status" role="status">
                    {move || match copy.get() {
                        CopyState::Copied => "Copied. Paste it into a message to the facilitator.",
                        CopyState::ByHand => "This browser did not let the page copy. The code is selected: copy it with Ctrl+C (⌘C), or long-press it on a phone.",
                        CopyState::Idle => "Select the code and copy it if the button did not.",
                    }}
                </p>
            </div>
        </section>
    }
}

/// One pasted line and what became of it.
#[derive(Clone, Debug, PartialEq)]
struct LineResult {
    ok: bool,
    text: String,
}

/// Takes one pasted code or link into the workshop.
fn receive_one(wb: crate::state::Workbench, text: &str) -> Result<String, String> {
    let payload = share::decode(text).map_err(|e| e.to_string())?;
    let (name, answers) = match payload {
        SharePayload::Answers {
            name: Some(name),
            answers,
        } => (name, answers),
        SharePayload::Answers { name: None, .. } => {
            return Err(
                "This link holds answers but no name. Ask the person to make a code on the \
                 Workshop page, with their name."
                    .to_string(),
            )
        }
        SharePayload::State(_) => {
            return Err(
                "This is a link to a whole workbench, not one person’s answers. Open it in \
                 the address bar instead."
                    .to_string(),
            )
        }
        SharePayload::Scenario { .. } => {
            return Err(
                "This is a link to a simulator scenario, not one person’s answers. Open it in \
                 the address bar instead."
                    .to_string(),
            )
        }
    };
    let count = progress(&answers).text();
    let result = match try_set(wb.workshop, |w| w.receive_answers(&name, answers)) {
        Some(r) => r.map_err(|e| e.to_string()),
        // No workshop left to receive them (its page has gone).
        None => Err(String::new()),
    };
    let shown = |id: u32| {
        wb.workshop.with_untracked(|w| {
            w.participant(id)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| name.clone())
        })
    };
    match result? {
        Received::Added(id) => Ok(format!("Added {} ({count}).", shown(id))),
        Received::Replaced(id) => Ok(format!(
            "Replaced the answers of {}, who was already taking part ({count}).",
            shown(id)
        )),
    }
}

/// The facilitator's side: paste codes or links.
#[component]
fn ReceiveCodes() -> impl IntoView {
    let wb = use_workbench();
    let text = RwSignal::new(String::new());
    let results: RwSignal<Vec<LineResult>> = RwSignal::new(Vec::new());
    let has_error = move || results.with(|r| r.iter().any(|x| !x.ok));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pasted = text.get_untracked();
        let lines: Vec<&str> = pasted
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            results.set(vec![LineResult {
                ok: false,
                text: share::ShareError::Empty.to_string(),
            }]);
            return;
        }
        let many = lines.len() > 1;
        let mut kept = Vec::new();
        let mut out = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let prefix = if many {
                format!("Line {}: ", i + 1)
            } else {
                String::new()
            };
            match receive_one(wb, line) {
                Ok(msg) => out.push(LineResult {
                    ok: true,
                    text: format!("{prefix}{msg}"),
                }),
                Err(msg) => {
                    kept.push(*line);
                    out.push(LineResult {
                        ok: false,
                        text: format!("{prefix}{msg}"),
                    });
                }
            }
        }
        // Codes taken in leave the box; the ones refused stay to be fixed.
        text.set(kept.join("\n"));
        results.set(out);
    };
    view! {
        <section class="card receive-codes" aria-labelledby="receive-heading">
            <h2 id="receive-heading">"Codes from people’s devices"</h2>
            <p class="hint">
                "Paste the codes or links people sent you, one per line. A code with the name of someone "
                "already taking part replaces that person’s answers."
            </p>
            <form on:submit=submit>
                <div class="field">
                    <label for="paste-codes">"Paste a code or link"</label>
                    <textarea id="paste-codes" rows="3" spellcheck="false" autocomplete="off"
                        prop:value=move || text.get()
                        on:input:target=move |ev| text.set(ev.target().value())
                        aria-invalid=move || has_error().to_string()
                        aria-describedby="paste-codes-error paste-codes-status"
                    ></textarea>
                    <div class="field-error" id="paste-codes-error" role="alert" hidden=move || !has_error()>
                        {move || results.get().into_iter().filter(|r| !r.ok).map(|r| view! { <p>{r.text}</p> }).collect_view()}
                    </div>
                    <div class="field-help" id="paste-codes-status" role="status">
                        {move || results.get().into_iter().filter(|r| r.ok).map(|r| view! { <p>{r.text}</p> }).collect_view()}
                    </div>
                </div>
                <button type="submit">"Add these answers"</button>
            </form>
        </section>
    }
}
