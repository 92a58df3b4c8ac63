//! A labelled text input for short texts (the plan's rule and pilot fields):
//! a [`ValidatedField`] that checks the text with the domain's
//! [`check_text`] / [`check_optional_text`] and says what is wrong beside the
//! field. Only accepted text, trimmed, reaches the state.

use leptos::prelude::*;

use super::field::{Accepted, ValidatedField};
use crate::domain::plan::{check_optional_text, check_text};

/// A text field.
#[component]
pub fn TextField(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The stored text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with each accepted text, trimmed.
    on_valid: Callback<String>,
    /// A stable id for the input.
    #[prop(into)]
    id: String,
    /// Whether the field may be left blank.
    #[prop(optional)]
    optional: bool,
    /// A short help text under the field.
    #[prop(optional, into)]
    help: Option<String>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional, into)]
    list: Option<String>,
    /// Extra class on the wrapper.
    #[prop(optional, into)]
    class: Option<String>,
) -> impl IntoView {
    let read = Callback::new(move |typed: String| {
        let checked = if optional {
            check_optional_text(&typed)
        } else {
            check_text(&typed)
        };
        checked
            .map(|t| Accepted {
                value: t.to_string(),
                note: None,
            })
            .map_err(|e| e.to_string())
    });
    view! { <ValidatedField label id shown=value read on_valid help list class/> }
}
