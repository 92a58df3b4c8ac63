//! The facilitator's weights for the session: a slider per factor. Moving
//! one moves the team's result and everyone's own at once.

use leptos::prelude::*;

use crate::domain::assess::{signed, Factor, Weights, MAX_WEIGHT};
use crate::domain::workshop::{Analysis, GroupOutcome, ROOM_POSITION_FORMULA};
use crate::state::use_workbench;

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
            <div class="ws-weight-list">
                {Factor::ALL.into_iter().map(|f| view! { <WeightSlider factor=f weights=weights/> }).collect_view()}
            </div>
            <p class="field-error" role="alert" hidden=move || !all_zero()>
                "Every factor is at 0, so nothing counts and there is no result. Give one factor a weight."
            </p>
            <button type="button" disabled=move || !own() on:click=reset>"Use my Assess weights"</button>
            <p class="formula">{ROOM_POSITION_FORMULA}</p>
        </aside>
    }
}

#[component]
fn WeightSlider(factor: Factor, weights: Memo<Weights>) -> impl IntoView {
    let wb = use_workbench();
    let id = format!("ws-weight-{}", factor.slug());
    let value = move || weights.with(|w| w.get(factor));
    view! {
        <div class="weight">
            <label for=id.clone()>{factor.label()}</label>
            <input
                type="range"
                id=id
                min="0"
                max=MAX_WEIGHT
                step="1"
                prop:value=move || value().to_string()
                aria-valuetext=move || format!("{} of {MAX_WEIGHT}", value())
                title=factor.weight_reason()
                on:input:target=move |ev| {
                    // A range input reports whole numbers 0–10 only; anything
                    // else (never expected) is ignored rather than guessed.
                    if let Ok(v) = ev.target().value().parse::<u8>() {
                        let current = weights.get_untracked();
                        wb.workshop.update(|w| {
                            let mut next = w.facilitator_weights.unwrap_or(current);
                            next.set(factor, v);
                            w.facilitator_weights = Some(next);
                        });
                    }
                }
            />
            <output class="weight-value" for=format!("ws-weight-{}", factor.slug())>{value}</output>
        </div>
    }
}
