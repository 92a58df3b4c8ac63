//! A factor's weight as a slider from 0 (left out) to [`MAX_WEIGHT`], with
//! the weight written beside it: the Assess weights and a workshop
//! facilitator's weights for one session.

use leptos::prelude::*;

use crate::domain::assess::{Factor, MAX_WEIGHT};

/// One factor's weight slider.
#[component]
pub fn WeightSlider(
    /// The factor weighed.
    factor: Factor,
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The weight now.
    #[prop(into)]
    value: Signal<u8>,
    /// Called with each weight the user sets.
    on_change: Callback<u8>,
) -> impl IntoView {
    view! {
        <div class="weight">
            <label for=id.clone()>{factor.label()}</label>
            <input
                type="range"
                id=id.clone()
                min="0"
                max=MAX_WEIGHT
                step="1"
                prop:value=move || value.get().to_string()
                aria-valuetext=move || format!("{} of {MAX_WEIGHT}", value.get())
                title=factor.weight_reason()
                on:input:target=move |ev| {
                    // A range input only ever reports whole numbers 0–10; anything
                    // else (never expected) is ignored rather than guessed.
                    if let Ok(w) = ev.target().value().parse::<u8>() {
                        on_change.run(w);
                    }
                }
            />
            <output class="weight-value" for=id>{move || value.get()}</output>
        </div>
    }
}
