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
#[derive(Clone)]
struct Derived {
    inputs: Memo<ScenarioInputs>,
    projection: Memo<Projection>,
    /// The saved swing of the tornado.
    swing: Memo<Swing>,
    /// The tornado, made on first use (see [`use_sensitivity`]).
    sensitivity: StoredValue<Option<Memo<Sensitivity>>>,
    /// The app's owner, which the tornado's memo is made under.
    owner: Option<Owner>,
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
    let outcome = Memo::new(move |_| wb.assess.with(|s| s.outcome()));
    provide_context(Derived {
        inputs,
        projection,
        swing,
        sensitivity: StoredValue::new(None),
        owner: Owner::current(),
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
/// Made and computed on first use, so Assess neither runs nor loads it.
///
/// # Panics
/// Outside `<App/>` (a programming error every page test catches).
pub fn use_sensitivity() -> Memo<Sensitivity> {
    let d = derived();
    if let Some(memo) = d.sensitivity.get_value() {
        return memo;
    }
    // Made here, not in provide_derived, so the tornado's code stays in the
    // lazily loaded workspaces that use it; under the app's owner, so it
    // outlives the page that first asked for it.
    let (inputs, swing) = (d.inputs, d.swing);
    let make = move || Memo::new(move |_| inputs.with(|i| tornado(i, swing.get())));
    let memo = match &d.owner {
        Some(owner) => owner.with(make),
        None => make(),
    };
    d.sensitivity.set_value(Some(memo));
    memo
}

/// The recommendation for the Assess answers and weights.
///
/// # Panics
/// Outside `<App/>` (a programming error every page test catches).
pub fn use_outcome() -> Memo<Outcome> {
    derived().outcome
}
