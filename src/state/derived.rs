//! The figures several pages show, computed once per change of what they
//! depend on and shared: the projection of the scenario being edited and
//! the Assess outcome. `<App/>` calls [`provide_derived`] once; a page calls
//! [`use_projection`] or [`use_outcome`] instead of building its own memo,
//! so Simulate, Plan and the report never disagree or simulate twice.

use leptos::prelude::*;

use super::Workbench;
use crate::domain::assess::Outcome;
use crate::domain::sim::{simulate, Projection, ScenarioInputs};

/// The shared memos.
#[derive(Clone, Copy)]
struct Derived {
    inputs: Memo<ScenarioInputs>,
    projection: Memo<Projection>,
    outcome: Memo<Outcome>,
}

/// Builds the shared memos from `wb` and provides them as context.
pub fn provide_derived(wb: Workbench) {
    // The inputs alone, so a change to the saved scenario list does not
    // re-run the model.
    let inputs = Memo::new(move |_| wb.simulate.with(|s| s.inputs.clone()));
    let projection = Memo::new(move |_| inputs.with(simulate));
    let outcome = Memo::new(move |_| wb.assess.with(|s| s.outcome()));
    provide_context(Derived {
        inputs,
        projection,
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

/// The recommendation for the Assess answers and weights.
///
/// # Panics
/// Outside `<App/>` (a programming error every page test catches).
pub fn use_outcome() -> Memo<Outcome> {
    derived().outcome
}
