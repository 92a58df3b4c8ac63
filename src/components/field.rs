//! The validated text input under every form field: it keeps what the user
//! typed, reads it with the field's own reader, sends only an accepted value
//! on, and says beside the field what is wrong (and, for number fields, how
//! the text was read). [`NumberField`](super::number_field::NumberField) and
//! [`TextField`](super::text_field::TextField) are this field with a reader.

use leptos::prelude::*;

/// What a field's reader accepted from the typed text.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted<T> {
    /// The value sent on to the state.
    pub value: T,
    /// How the text was read, where it was not written the way the field
    /// shows the value ("read as $1,500"); `None` when it was.
    pub note: Option<String>,
}

/// A labelled text input with its message.
///
/// While the user types, the raw text is kept here; each accepted reading
/// is sent to `on_valid`. A refused text shows the reader's message and sends
/// nothing, so the state (and every output computed from it) keeps the last
/// accepted value. When the field loses focus with an accepted text, it
/// shows the stored value again, so changes made elsewhere (a preset,
/// another tab) appear.
#[component]
pub fn ValidatedField<T: Send + Sync + 'static>(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A stable id for the input; also used by tests.
    #[prop(into)]
    id: String,
    /// The stored value as the field writes it, shown while nobody edits.
    #[prop(into)]
    shown: Signal<String>,
    /// Reads a typed text: the value and its note, or the message shown
    /// beside the field. It is re-run when a signal it reads changes, so the
    /// message follows, e.g., a range that depends on another field.
    read: Callback<String, Result<Accepted<T>, String>>,
    /// Called with each accepted value.
    on_valid: Callback<T>,
    /// A short help text under the field.
    #[prop(optional_no_strip)]
    help: Option<String>,
    /// Whether the field is disabled.
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The keyboard a phone should offer (`numeric`, `decimal`).
    #[prop(optional_no_strip)]
    inputmode: Option<Signal<&'static str>>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional_no_strip)]
    list: Option<String>,
    /// Extra class on the wrapper.
    #[prop(optional_no_strip)]
    class: Option<String>,
    /// Whether the field says how it read the text (the reader's notes).
    #[prop(optional)]
    notes: bool,
) -> impl IntoView {
    let raw: RwSignal<Option<String>> = RwSignal::new(None);
    // What the typed text reads as: its note, or its message.
    let reading = Memo::new(move |_| {
        raw.get()
            .map(|typed| read.run(typed).map(|accepted| accepted.note))
    });
    let error = move || reading.with(|r| r.as_ref().and_then(|r| r.as_ref().err().cloned()));
    let note =
        move || reading.with(|r| r.as_ref().and_then(|r| r.as_ref().ok().cloned().flatten()));
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let note_id = format!("{id}-read");
    let described = {
        let (error_id, help_id, note_id) = (error_id.clone(), help_id.clone(), note_id.clone());
        let has_help = help.is_some();
        move || {
            let mut ids = Vec::new();
            if error().is_some() {
                ids.push(error_id.clone());
            }
            if note().is_some() {
                ids.push(note_id.clone());
            }
            if has_help {
                ids.push(help_id.clone());
            }
            ids.join(" ")
        }
    };
    let wrapper = match class {
        Some(extra) => format!("field {extra}"),
        None => "field".to_string(),
    };
    let label_for = id.clone();
    view! {
        <div class=wrapper class:field-invalid=move || error().is_some()>
            <label for=label_for>{label}</label>
            <input
                id=id
                type="text"
                inputmode=move || inputmode.map(|m| m.get())
                autocomplete="off"
                list=list
                prop:value=move || raw.get().unwrap_or_else(|| shown.get())
                disabled=move || disabled.get()
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=described
                on:input:target=move |ev| {
                    let typed = ev.target().value();
                    if let Ok(accepted) = untrack(|| read.run(typed.clone())) {
                        on_valid.run(accepted.value);
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
            {notes.then(|| view! { <p class="field-read" id=note_id aria-live="polite">{note}</p> })}
            {help.map(|h| view! { <p class="field-help" id=help_id>{h}</p> })}
            <p class="field-error" id=error_id role="alert" hidden=move || error().is_none()>
                {move || error().unwrap_or_default()}
            </p>
        </div>
    }
}
