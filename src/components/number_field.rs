//! A labelled number input that keeps what the user typed, reads it in the
//! field's unit with [`Range::read`], says beside the field how the text was
//! read when it was not plain ("read as $1,500"), or what is wrong. Only
//! valid values reach the state.

use leptos::prelude::*;

use crate::domain::format::input_text;
use crate::domain::input::Range;

/// A number field.
///
/// While the user types, the raw text is kept here; each valid parse is sent
/// to `on_valid`. An invalid text shows its message and sends nothing, so the
/// state (and every output computed from it) keeps the last valid value.
/// When the field loses focus with a valid value, it shows the stored value
/// again, so changes made elsewhere (a preset, another tab) appear.
#[component]
pub fn NumberField(
    /// The visible label, with its unit, e.g. `ARPA ($/month)`.
    #[prop(into)]
    label: String,
    /// The stored value.
    #[prop(into)]
    value: Signal<f64>,
    /// The accepted range and the field's unit, which decides how typed
    /// text is read (a signal where it depends on other fields, e.g. a low
    /// that may not pass the likely value).
    #[prop(into)]
    range: Signal<Range>,
    /// Called with each valid value.
    on_valid: Callback<f64>,
    /// A stable id for the input; also used by tests.
    #[prop(into)]
    id: String,
    /// A short help text under the field.
    #[prop(optional, into)]
    help: Option<String>,
    /// Whether the field is disabled.
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let raw: RwSignal<Option<String>> = RwSignal::new(None);
    let text = move || raw.get().unwrap_or_else(|| input_text(value.get()));
    let reading = Memo::new(move |_| raw.with(|r| r.as_deref().map(|t| range.get().read(t))));
    let error = move || reading.with(|r| r.as_ref().and_then(|r| r.as_ref().err().cloned()));
    let read_as = move || {
        reading.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().ok())
                .and_then(|r| r.read_as.clone())
        })
    };
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let read_id = format!("{id}-read");
    let described = {
        let error_id = error_id.clone();
        let help_id = help_id.clone();
        let read_id = read_id.clone();
        let has_help = help.is_some();
        move || {
            let mut ids = Vec::new();
            if error().is_some() {
                ids.push(error_id.clone());
            }
            if read_as().is_some() {
                ids.push(read_id.clone());
            }
            if has_help {
                ids.push(help_id.clone());
            }
            ids.join(" ")
        }
    };
    let inputmode = move || {
        if range.get().whole {
            "numeric"
        } else {
            "decimal"
        }
    };
    let label_for = id.clone();
    view! {
        <div class="field" class:field-invalid=move || error().is_some()>
            <label for=label_for>{label}</label>
            <input
                id=id
                type="text"
                inputmode=inputmode
                autocomplete="off"
                prop:value=text
                disabled=move || disabled.get()
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=described
                on:input:target=move |ev| {
                    let typed = ev.target().value();
                    if let Ok(v) = range.get_untracked().parse(&typed) {
                        on_valid.run(v);
                    }
                    raw.set(Some(typed));
                }
                on:blur=move |_| {
                    if error().is_none() {
                        raw.set(None);
                    }
                }
            />
            // Always in the page, so screen readers announce each new reading.
            <p class="field-read" id=read_id aria-live="polite">{read_as}</p>
            {help.map(|h| view! { <p class="field-help" id=help_id>{h}</p> })}
            <p class="field-error" id=error_id role="alert" hidden=move || error().is_none()>
                {move || error().map(|e| e.to_string()).unwrap_or_default()}
            </p>
        </div>
    }
}
