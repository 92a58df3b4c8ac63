//! A slider per factor for its weight, from 0 (left out) to [`MAX_WEIGHT`],
//! with the weight written beside it: the Assess weights and a workshop
//! facilitator's weights for one session.

use leptos::prelude::*;

use crate::domain::assess::{Factor, Weights, MAX_WEIGHT};

/// One slider per factor, in [`Factor::ALL`] order.
#[component]
pub fn WeightSliders(
    /// The class of the list.
    class: &'static str,
    /// The start of each input's id; a dash and the factor's slug follow
    /// (`weight-price`).
    id_prefix: &'static str,
    /// The weights shown.
    #[prop(into)]
    weights: Signal<Weights>,
    /// Called with a factor and the weight the user set for it.
    on_change: Callback<(Factor, u8)>,
) -> impl IntoView {
    let sliders = Factor::ALL
        .into_iter()
        .map(|factor| {
            view! {
                <WeightSlider
                    factor
                    id=format!("{id_prefix}-{}", factor.slug())
                    value=Memo::new(move |_| weights.with(|w| w.get(factor)))
                    on_change=Callback::new(move |w| on_change.run((factor, w)))
                />
            }
        })
        .collect_view();
    view! { <div class=class>{sliders}</div> }
}

/// One factor's weight slider.
#[component]
fn WeightSlider(
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
