//! Factor weights: a slider per factor, 0 leaves the factor out.

use leptos::prelude::*;

use crate::components::weight_slider::WeightSliders;
use crate::domain::assess::Weights;
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
            <WeightSliders
                class="weight-list"
                id_prefix="weight"
                weights=Signal::derive(move || wb.assess.with(|s| s.weights))
                on_change=Callback::new(move |(f, w)| wb.assess.update(|s| s.weights.set(f, w)))
            />
            <p class="field-error" role="alert" hidden=move || !all_zero()>
                "Every factor is at 0, so nothing counts. Give at least one factor a weight."
            </p>
            <button type="button" on:click=reset>"Restore default weights"</button>
        </section>
    }
}
