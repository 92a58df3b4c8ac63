//! The figures several pages show, computed once per change of what they
//! depend on and shared: the projection of the scenario being edited and
//! the Assess outcome. `<App/>` calls [`provide_derived`] once; a page calls
//! [`use_projection`] or [`use_outcome`] instead of building its own memo,
//! so Simulate, Plan and the report never disagree or simulate twice.
//!
//! The projection memo is made the first time a page asks for it, not in
//! `<App/>`: the model's code is then referenced only from the workspaces
//! that show it, so it travels in their lazily loaded chunks rather than in
//! the first load of `/` (issue 13). It is made under the app's owner, so
//! it outlives the page that asked first and every page shares it.

use leptos::prelude::*;

use super::Workbench;
use crate::domain::assess::Outcome;
use crate::domain::sim::{simulate, Projection, ScenarioInputs};

/// The shared memos.
#[derive(Clone)]
struct Derived {
    inputs: Memo<ScenarioInputs>,
    outcome: Memo<Outcome>,
    /// The app's owner, under which the memos made on first use live.
    owner: Owner,
    /// The projection, once a page has asked for it.
    projection: StoredValue<Option<Memo<Projection>>>,
}

/// Builds the shared memos from `wb` and provides them as context.
pub fn provide_derived(wb: Workbench) {
    // The inputs alone, so a change to the saved scenario list does not
    // re-run the model.
    let inputs = Memo::new(move |_| wb.simulate.with(|s| s.inputs.clone()));
    let outcome = Memo::new(move |_| wb.assess.with(|s| s.outcome()));
    provide_context(Derived {
        inputs,
        outcome,
        owner: Owner::current().unwrap_or_default(),
        projection: StoredValue::new(None),
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
    let d = derived();
    if let Some(made) = d.projection.get_value() {
        return made;
    }
    let inputs = d.inputs;
    let made = d.owner.with(|| Memo::new(move |_| inputs.with(simulate)));
    d.projection.set_value(Some(made));
    made
}

/// The recommendation for the Assess answers and weights.
///
/// # Panics
/// Outside `<App/>` (a programming error every page test catches).
pub fn use_outcome() -> Memo<Outcome> {
    derived().outcome
}
