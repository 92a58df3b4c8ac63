//! A labelled number input: a [`ValidatedField`] that reads the text in the
//! field's unit with [`Range::read`] and says beside the field how the text
//! was read when it was not plain ("read as $1,500"), or what is wrong. Only
//! valid values reach the state.

use leptos::prelude::*;

use super::field::{Accepted, ValidatedField};
use crate::domain::format::input_text;
use crate::domain::input::Range;

/// A number field.
///
/// While the user types, the raw text is kept; each valid parse is sent to
/// `on_valid`. An invalid text shows its message and sends nothing, so the
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
    let read = Callback::new(move |typed: String| {
        range
            .get()
            .read(&typed)
            .map(|r| Accepted {
                value: r.value,
                note: r.read_as,
            })
            .map_err(|e| e.to_string())
    });
    let inputmode = Signal::derive(move || {
        if range.get().whole {
            "numeric"
        } else {
            "decimal"
        }
    });
    view! {
        <ValidatedField
            label
            id
            shown=Signal::derive(move || input_text(value.get()))
            read
            on_valid
            help
            disabled
            inputmode=Some(inputmode)
            notes=true
        />
    }
}
