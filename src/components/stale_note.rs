//! "Not updated: fix …": the note over figures whose inputs hold a refused
//! entry (see [`crate::state::stale`]), with a button to each such input.

use leptos::prelude::*;

use super::focus::scroll_to_and_focus;
use crate::state::stale::{not_updated_text, use_invalid_fields, FieldGroup};

/// The note for `group`'s figures. Always in the page as a polite live
/// region, so a screen reader hears it appear and disappear; empty while
/// every input of the group is valid.
#[component]
pub fn StaleNote(
    /// The inputs whose refused entries the note reports.
    group: FieldGroup,
    /// The note's `data-testid`.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let registry = use_invalid_fields();
    let invalid = Memo::new(move |_| registry.map(|r| r.invalid_in(group)).unwrap_or_default());
    view! {
        <div class="stale-note-region" role="status" aria-live="polite" data-testid=testid>
            <Show when=move || invalid.with(|f| !f.is_empty())>
                <p class="stale-note">
                    <span>{move || invalid.with(|f| not_updated_text(f))}</span>
                    " These figures still show the last valid numbers. "
                    {move || {
                        invalid
                            .get()
                            .into_iter()
                            .map(|f| {
                                let id = f.id.clone();
                                view! {
                                    <button type="button" class="link-button"
                                        on:click=move |_| scroll_to_and_focus(&id)>
                                        {format!("Go to {}", f.label)}
                                    </button>
                                    " "
                                }
                            })
                            .collect_view()
                    }}
                </p>
            </Show>
        </div>
    }
}
