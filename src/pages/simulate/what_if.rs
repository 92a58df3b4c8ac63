//! "Drag to explore": sliders on the levers a room usually argues about
//! (sign-ups, conversion, churn, win rate, deal size, margin), above the
//! charts, so a facilitator can move one and everyone watches the plan
//! change. Each slider writes the same scenario input as its field in the
//! form.

use leptos::prelude::*;

use super::insight::{field_name, field_value};
use crate::domain::insight::in_play;
use crate::domain::sim::{FieldId, ScenarioInputs};
use crate::state::use_workbench;

/// The levers, in the order shown; those of switched-off channels are left
/// out.
const LEVERS: [FieldId; 8] = [
    FieldId::SsOrganicSignups,
    FieldId::SsFreeToPaidPct,
    FieldId::SsChurnPct,
    FieldId::SaWinPct,
    FieldId::SlWinPct,
    FieldId::SlAcv,
    FieldId::SlChurnPct,
    FieldId::GrossMarginPct,
];

/// Steps across a slider's track.
const STEPS: f64 = 200.0;

/// A slider's track: from the field's minimum to about three times the
/// value it started at (at least 10 units, at most the field's maximum), so
/// the interesting part is not squeezed into a corner of a huge range. The
/// step is a round number (1, 2 or 5 × a power of ten) near 1/200 of the
/// track, so dragged values read cleanly.
pub fn track(id: FieldId, value: f64) -> (f64, f64, f64) {
    let range = id.spec().range;
    let start = if value.is_finite() { value } else { range.min };
    let max = (start * 3.0).max(range.min + 10.0).min(range.max);
    let step = nice_step((max - range.min) / STEPS);
    let step = if range.whole {
        step.max(1.0).round()
    } else {
        step
    };
    (range.min, max, step)
}

/// The smallest of 1, 2 or 5 × 10ⁿ at or above `raw` (0.01 at least).
fn nice_step(raw: f64) -> f64 {
    let raw = if raw.is_finite() { raw.max(0.01) } else { 1.0 };
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power)
}

/// The sliders.
#[component]
pub fn WhatIfSliders(inputs: Memo<ScenarioInputs>) -> impl IntoView {
    let levers = Memo::new(move |_| {
        inputs.with(|i| {
            LEVERS
                .into_iter()
                .filter(|id| in_play(i, *id))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <details class="what-if" open>
            <summary>"Drag to explore"</summary>
            <p class="field-help">
                "Each slider moves the same input as the form; use the field to type an exact value."
            </p>
            <div class="what-if-grid">
                <For each=move || levers.get() key=|id| *id let:id>
                    <Lever id inputs/>
                </For>
            </div>
        </details>
    }
}

/// One slider with its label and current value.
#[component]
fn Lever(id: FieldId, inputs: Memo<ScenarioInputs>) -> impl IntoView {
    let wb = use_workbench();
    let value = Memo::new(move |_| inputs.with(|i| i.get(id)));
    // The track is fixed when the slider appears, so it never moves under
    // the pointer while dragging.
    let (min, max, step) = track(id, value.get_untracked());
    let dom_id = dom_id_of(id);
    let label_for = dom_id.clone();
    view! {
        <div class="what-if-lever">
            <label for=label_for>{field_name(id)}</label>
            <input type="range" id=dom_id min=number_attr(min) max=number_attr(max) step=number_attr(step)
                prop:value=move || number_attr(value.get().clamp(min, max))
                aria-valuetext=move || field_value(id, value.get())
                on:input:target=move |ev| {
                    if let Ok(v) = ev.target().value().parse::<f64>() {
                        let range = id.spec().range;
                        let v = if range.whole { v.round() } else { v };
                        if range.contains(v) {
                            wb.simulate.update(|s| {
                                let _ = s.inputs.set(id, v);
                            });
                        }
                    }
                }/>
            <output for=dom_id_of(id)>{move || field_value(id, value.get())}</output>
        </div>
    }
}

/// The slider's DOM id, for its `<output for>`.
fn dom_id_of(id: FieldId) -> String {
    format!("whatif-{}", id.slug().replace('.', "-"))
}

/// A number for an HTML attribute: plain decimal, never NaN.
fn number_attr(v: f64) -> String {
    if v.is_finite() {
        format!("{}", (v * 1e6).round() / 1e6)
    } else {
        "0".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_track_runs_to_three_times_the_start_within_the_field() {
        assert_eq!(track(FieldId::SlWinPct, 20.0), (0.0, 60.0, 0.5));
        assert_eq!(nice_step(0.3), 0.5);
        assert_eq!(nice_step(720.0), 1_000.0);
        assert_eq!(nice_step(0.05), 0.05);
        assert_eq!(nice_step(0.0), 0.01);
        // Never past the field's maximum.
        assert_eq!(track(FieldId::GrossMarginPct, 80.0).1, 100.0);
        // A zero start still gives a usable track.
        assert_eq!(track(FieldId::SsChurnPct, 0.0).1, 10.0);
        // Whole fields step by whole numbers.
        let (_, _, step) = track(FieldId::SlAcv, 48_000.0);
        assert_eq!(step.fract(), 0.0);
        assert!(step >= 1.0);
        assert_eq!(number_attr(f64::NAN), "0");
    }
}
