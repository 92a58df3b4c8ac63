//! A labelled text input for the plan's short texts (rule fields, pilot
//! fields): keeps what the user typed, checks it with the domain's
//! [`check_text`] / [`check_optional_text`] and says what is wrong beside the
//! field. Only accepted text reaches the state.

use leptos::prelude::*;

use crate::domain::plan::{check_optional_text, check_text, TextError};

/// A text field.
#[component]
pub(super) fn TextField(
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
    let raw: RwSignal<Option<String>> = RwSignal::new(None);
    let check = move |t: &str| -> Result<String, TextError> {
        if optional {
            check_optional_text(t).map(str::to_string)
        } else {
            check_text(t).map(str::to_string)
        }
    };
    let text = move || raw.get().unwrap_or_else(|| value.get());
    let error = move || raw.with(|r| r.as_deref().and_then(|t| check(t).err()));
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let described = {
        let error_id = error_id.clone();
        let help_id = help_id.clone();
        let has_help = help.is_some();
        move || {
            let mut ids = Vec::new();
            if error().is_some() {
                ids.push(error_id.clone());
            }
            if has_help {
                ids.push(help_id.clone());
            }
            ids.join(" ")
        }
    };
    let label_for = id.clone();
    let wrapper = format!("field {}", class.unwrap_or_default());
    view! {
        <div class=wrapper class:field-invalid=move || error().is_some()>
            <label for=label_for>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                list=list
                prop:value=text
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=described
                on:input:target=move |ev| {
                    let typed = ev.target().value();
                    if let Ok(accepted) = check(&typed) {
                        on_valid.run(accepted);
                    }
                    raw.set(Some(typed));
                }
                on:blur=move |_| {
                    if error().is_none() {
                        raw.set(None);
                    }
                }
            />
            {help.map(|h| view! { <p class="field-help" id=help_id>{h}</p> })}
            <p class="field-error" id=error_id role="alert" hidden=move || error().is_none()>
                {move || error().map(|e| e.to_string()).unwrap_or_default()}
            </p>
        </div>
    }
}
