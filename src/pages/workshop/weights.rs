//! The facilitator's weights for the session: a slider per factor. Moving
//! one moves the team's result and everyone's own at once.

use leptos::prelude::*;

use crate::components::weight_slider::WeightSliders;
use crate::domain::assess::{signed, Factor, Weights};
use crate::domain::workshop::{Analysis, GroupOutcome, ROOM_POSITION_FORMULA};
use crate::state::{use_workbench, Workbench};

/// The weights card, with the team's result so it can be watched moving.
#[component]
pub fn WeightsPanel(weights: Memo<Weights>, analysis: Memo<Analysis>) -> impl IntoView {
    let wb = use_workbench();
    let own = move || wb.workshop.with(|w| w.facilitator_weights.is_some());
    let all_zero = move || weights.with(|w| w.active_count() == 0);
    let reset = move |_| wb.workshop.update(|w| w.facilitator_weights = None);
    // A split room has no team motion, and its midpoint position is
    // nobody's view: both camps are named instead.
    let group = move || match analysis.with(|a| a.group.clone()) {
        GroupOutcome::Ready(g) => (g.motion.label().to_string(), signed(g.position)),
        GroupOutcome::Split { camps, .. } => (
            format!(
                "split between {} and {}",
                camps[0].motion.label(),
                camps[1].motion.label()
            ),
            "–".to_string(),
        ),
        GroupOutcome::NotEnough { .. } => ("No team result yet".to_string(), "–".to_string()),
    };
    view! {
        <aside class="card workshop-weights" aria-labelledby="ws-weights-heading">
            <h2 id="ws-weights-heading">"Weights for this session"</h2>
            <p class="live-group" aria-live="polite">
                "Team: " <strong data-testid="weights-group-motion">{move || group().0}</strong>
                ", position " <strong data-testid="weights-group-position">{move || group().1}</strong>
            </p>
            <p class="hint" data-testid="weights-source">
                {move || if own() {
                    "Set here for this session. Your own Assess weights are unchanged."
                } else {
                    "These are your Assess weights. Move a slider to set weights for this session only."
                }}
            </p>
            <WeightSliders
                class="ws-weight-list"
                id_prefix="ws-weight"
                weights
                on_change=Callback::new(move |(f, v)| set_weight(wb, weights, f, v))
            />
            <p class="field-error" role="alert" hidden=move || !all_zero()>
                "Every factor is at 0, so nothing counts and there is no result. Give one factor a weight."
            </p>
            <button type="button" disabled=move || !own() on:click=reset>"Use my Assess weights"</button>
            <p class="formula">{ROOM_POSITION_FORMULA}</p>
        </aside>
    }
}

/// Sets one factor's weight for this session, starting from the weights in
/// use (the Assess weights until the facilitator sets their own).
fn set_weight(wb: Workbench, weights: Memo<Weights>, factor: Factor, weight: u8) {
    let current = weights.get_untracked();
    wb.workshop.update(|w| {
        let mut next = w.facilitator_weights.unwrap_or(current);
        next.set(factor, weight);
        w.facilitator_weights = Some(next);
    });
}
