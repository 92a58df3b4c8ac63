//! The figures several pages show, computed once per change of what they
//! depend on and shared: the projection of the scenario being edited, its
//! sensitivity (the tornado, which the brief also reads) and the Assess
//! outcome. `<App/>` calls [`provide_derived`] once; a page calls
//! [`use_projection`] or [`use_outcome`] instead of building its own memo,
//! so Simulate, Plan and the report never disagree or simulate twice.

use leptos::prelude::*;

use super::Workbench;
use crate::domain::assess::Outcome;
use crate::domain::insight::{tornado, Sensitivity, Swing};
use crate::domain::sim::{simulate, Projection, ScenarioInputs};

/// The shared memos.
#[derive(Clone, Copy)]
struct Derived {
    inputs: Memo<ScenarioInputs>,
    projection: Memo<Projection>,
    sensitivity: Memo<Sensitivity>,
    outcome: Memo<Outcome>,
}

/// Builds the shared memos from `wb` and provides them as context.
pub fn provide_derived(wb: Workbench) {
    // The inputs alone, so a change to the saved scenario list does not
    // re-run the model.
    let inputs = Memo::new(move |_| wb.simulate.with(|s| s.inputs.clone()));
    let projection = Memo::new(move |_| inputs.with(simulate));
    // The swing alone, so other insight settings do not re-run the tornado.
    let swing = Memo::new(move |_| {
        wb.insight
            .with(|i| Swing::from_percent(i.swing_pct).unwrap_or_default())
    });
    let sensitivity = Memo::new(move |_| inputs.with(|i| tornado(i, swing.get())));
    let outcome = Memo::new(move |_| wb.assess.with(|s| s.outcome()));
    provide_context(Derived {
        inputs,
        projection,
        sensitivity,
        outcome,
    });
}

fn derived() -> Derived {
    expect_context::<Derived>()
}

/// The scenario being edited (its inputs only).
///
/// # Panics
/// Outside `<App/>` (a programming error every page test catches).
pub fn use_scenario_inputs() -> Memo<ScenarioInputs> {
    derived().inputs
}

/// The month-by-month projection of the scenario being edited.
///
/// # Panics
/// Outside `<App/>` (a programming error every page test catches).
pub fn use_projection() -> Memo<Projection> {
    derived().projection
}

/// The tornado of the scenario being edited at the saved swing: each input
/// moved down and up, one at a time ([`crate::domain::insight::tornado`]).
/// Computed on first use (memos are lazy), so Assess never runs it.
///
/// # Panics
/// Outside `<App/>` (a programming error every page test catches).
pub fn use_sensitivity() -> Memo<Sensitivity> {
    derived().sensitivity
}

/// The recommendation for the Assess answers and weights.
///
/// # Panics
/// Outside `<App/>` (a programming error every page test catches).
pub fn use_outcome() -> Memo<Outcome> {
    derived().outcome
}
