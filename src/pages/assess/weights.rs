//! Factor weights: a slider per factor, 0 leaves the factor out.

use leptos::prelude::*;

use crate::domain::assess::{Factor, Weights, MAX_WEIGHT};
use crate::state::use_workbench;

/// The weights panel.
#[component]
pub fn WeightsPanel() -> impl IntoView {
    let wb = use_workbench();
    let reset = move |_| wb.assess.update(|s| s.weights = Weights::default());
    let all_zero = move || wb.assess.with(|s| s.weights.active_count() == 0);
    view! {
        <section class="weights card" aria-labelledby="weights-heading">
            <h2 id="weights-heading">"Factor weights"</h2>
            <p class="hint">
                "How much each factor counts, from 0 (left out) to 10. Price and audience weigh most "
                "by default because every public framework leans on them first."
            </p>
            <div class="weight-list">
                {Factor::ALL.into_iter().map(|f| view! { <WeightSlider factor=f/> }).collect_view()}
            </div>
            <p class="field-error" role="alert" hidden=move || !all_zero()>
                "Every factor is at 0, so nothing counts. Give at least one factor a weight."
            </p>
            <button type="button" on:click=reset>"Restore default weights"</button>
        </section>
    }
}

#[component]
fn WeightSlider(factor: Factor) -> impl IntoView {
    let wb = use_workbench();
    let id = format!("weight-{}", factor.slug());
    let value = Memo::new(move |_| wb.assess.with(|s| s.weights.get(factor)));
    view! {
        <div class="weight">
            <label for=id.clone()>{factor.label()}</label>
            <input
                type="range"
                id=id
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
                        wb.assess.update(|s| s.weights.set(factor, w));
                    }
                }
            />
            <output class="weight-value">{move || value.get()}</output>
        </div>
    }
}
