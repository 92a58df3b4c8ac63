//! Asking before a step that throws work away: a button that turns into
//! "Are you sure? [Yes, …] [Cancel]" ([`ConfirmButton`]), and that question
//! on its own ([`Confirm`]) for a row that shows it in place of its buttons.

use leptos::prelude::*;

/// The question with its two answers, as a labelled group.
#[component]
pub fn Confirm(
    /// The group's accessible name, e.g. "Confirm clearing the answers".
    #[prop(into)]
    label: Signal<String>,
    /// The question, e.g. "Clear every answer?".
    #[prop(into)]
    question: Signal<String>,
    /// The text of the button that goes ahead, e.g. "Yes, clear".
    yes: &'static str,
    /// Called when the user goes ahead.
    on_yes: Callback<()>,
    /// Called when the user cancels.
    on_cancel: Callback<()>,
    /// An id for the button that goes ahead (to focus it).
    #[prop(optional, into)]
    yes_id: Option<String>,
    /// The question in a paragraph of its own above the buttons (in a
    /// narrow menu), rather than inline before them.
    #[prop(optional)]
    block: bool,
) -> impl IntoView {
    let yes_button = view! {
        <button type="button" class="danger" id=yes_id on:click=move |_| on_yes.run(())>{yes}</button>
    };
    let cancel =
        view! { <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button> };
    if block {
        view! {
            <div class="confirm" role="group" aria-label=label>
                <p>{question}</p>
                {yes_button}
                {cancel}
            </div>
        }
        .into_any()
    } else {
        view! {
            <span class="confirm" role="group" aria-label=label>
                {move || format!("{} ", question.get())}
                {yes_button}
                " "
                {cancel}
            </span>
        }
        .into_any()
    }
}

/// A button that asks first: a click shows [`Confirm`] in its place; going
/// ahead runs `on_confirm`, and either answer brings the button back.
#[component]
pub fn ConfirmButton(
    /// The button's text, ending in "…" because it asks before acting.
    button: &'static str,
    /// The button's accessible name, where its text is not enough
    /// ("Delete…" beside several scenarios: "Delete Plan A").
    #[prop(optional, into)]
    button_label: Option<Signal<String>>,
    /// Whether the button is disabled (nothing to clear).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// The group's accessible name, e.g. "Confirm clearing the answers".
    #[prop(into)]
    label: Signal<String>,
    /// The question, e.g. "Clear every answer?".
    #[prop(into)]
    question: Signal<String>,
    /// The text of the button that goes ahead, e.g. "Yes, clear".
    yes: &'static str,
    /// Called when the user goes ahead.
    on_confirm: Callback<()>,
    /// The question in a paragraph above the buttons (see [`Confirm`]).
    #[prop(optional)]
    block: bool,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let on_yes = Callback::new(move |()| {
        on_confirm.run(());
        asking.set(false);
    });
    let on_cancel = Callback::new(move |()| asking.set(false));
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" disabled=move || disabled.get()
                    aria-label=move || button_label.map(|l| l.get())
                    on:click=move |_| asking.set(true)>
                    {button}
                </button>
            }
        >
            <Confirm label question yes on_yes on_cancel block/>
        </Show>
    }
}
