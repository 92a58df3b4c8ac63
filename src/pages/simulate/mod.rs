//! The Simulate workspace (`/simulate`): the quick unit-economics
//! calculator, CAC by channel, the month-by-month scenario simulator with its
//! summary, charts and monthly table, and named scenarios compared side by
//! side.
//!
//! Data flow, kept narrow so a keystroke redraws only what it changes:
//! `wb.simulate` → `inputs: Memo<ScenarioInputs>` (changes only when the
//! scenario's inputs change, not when the calculator or the scenario list
//! does) → `projection: Memo<Projection>` (one `simulate` per change) →
//! one memo per chart and fine-grained closures per figure.
//!
//! Sub-modules, one per part of the page:
//! - [`unit_economics`]: the quick calculator;
//! - [`channels`]: CAC by channel;
//! - [`scenario_inputs`]: presets, channel switches, the input groups;
//! - [`summary`]: warnings, summary tiles, the per-channel table;
//! - [`charts_panel`]: the charts of the projection and of the comparison;
//! - [`monthly_table`]: the month-by-month table and its CSV;
//! - [`what_if`]: sliders on the main levers, above the charts;
//! - [`scenarios`]: named scenarios and the comparison table;
//! - [`sticky`]: the compact summary that follows the person on a phone.
//!
//! Each part sits in a [`FieldGroup`] (the calculator, the CAC table, the
//! scenario): while one of its fields holds a refused entry, its figures say
//! "Not updated: fix …" (see [`crate::state::stale`]).
//!
//! - [`insight`]: the reality check, sensitivity, uncertainty and goal seek,
//!   taking the `inputs` and `projection` memos as props.

mod channels;
pub(crate) mod charts_panel;
mod format;
mod insight;
mod monthly_table;
mod scenario_inputs;
mod scenarios;
mod sticky;
mod summary;
mod unit_economics;
mod what_if;

use leptos::context::Provider;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::brief::Brief;
use crate::components::focus::scroll_to_and_focus;
use crate::domain::compare::field_at_anchor;
use crate::domain::motion::Motion;
use crate::state::derived::{use_projection, use_scenario_inputs};
use crate::state::stale::{FieldGroup, InvalidFields};
use crate::state::use_workbench;

use channels::ChannelTable;
use charts_panel::ProjectionCharts;
use insight::InsightPanel;
use monthly_table::MonthlyTable;
use scenario_inputs::{apply_preset, PresetSource, ScenarioInputsPanel};
use scenarios::ScenariosPanel;
use sticky::StickySummary;
use summary::SummaryPanel;
use unit_economics::UnitEconomicsPanel;
use what_if::WhatIfSliders;

/// The id of the scenario simulator's heading, where "Model this motion"
/// lands.
const SIMULATOR_HEADING: &str = "sim-heading";

/// The DOM id to focus for a location hash: the input a short anchor of
/// [`crate::domain::compare::SIM_ANCHORS`] names, or the hash itself.
fn focus_target(hash: &str) -> String {
    let hash = hash.trim_start_matches('#');
    field_at_anchor(hash).map_or_else(|| hash.to_string(), |f| f.slug().to_string())
}

/// Scrolls to and focuses the element the location hash names.
fn focus_hash() {
    let Ok(hash) = window().location().hash() else {
        return;
    };
    if hash.len() < 2 {
        return;
    }
    scroll_to_and_focus(&focus_target(&hash));
}

/// Removes the query from the address (keeping path and hash) without a
/// navigation, so the preset it asked for is not applied again on reload.
fn drop_query() {
    let window = window();
    let location = window.location();
    let (Ok(path), Ok(hash)) = (location.pathname(), location.hash()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{hash}")),
        );
    }
}

/// The Simulate page.
#[component]
pub fn SimulatePage() -> impl IntoView {
    let wb = use_workbench();

    // "Model this motion" from Assess: `?preset=<motion>` with a chosen
    // motion applies that preset once, then the query is dropped so a reload
    // or a later visit keeps the user's own edits.
    let query = use_query_map();
    let requested = query
        .with_untracked(|q| q.get("preset"))
        .and_then(|slug| Motion::from_slug(&slug));
    if let Some(motion) = requested {
        if wb.assess.with_untracked(|a| a.chosen_motion.is_some()) {
            apply_preset(wb, motion, PresetSource::Assessment);
        }
        // The preset changes the scenario simulator, not the quick
        // calculator at the top: land there.
        request_animation_frame(|| {
            drop_query();
            scroll_to_and_focus(SIMULATOR_HEADING);
        });
    } else {
        request_animation_frame(focus_hash);
    }

    let inputs = use_scenario_inputs();
    let projection = use_projection();
    InvalidFields::provide();

    view! {
        <section class="page simulate">
            <h1>"Simulate: unit economics and a month-by-month plan"</h1>
            <p class="lede">
                "Start with the quick calculator for one customer, check what each channel really pays per customer, "
                "then project a whole go-to-market plan month by month. Every figure shows how it is computed "
                "and how it compares with published benchmarks; save scenarios to compare them side by side."
            </p>
            <Brief/>
            <Provider value=FieldGroup::Calculator>
                <UnitEconomicsPanel/>
            </Provider>
            <Provider value=FieldGroup::ChannelCac>
                <ChannelTable/>
            </Provider>
            <Provider value=FieldGroup::Scenario>
            <section class="sim-simulator" aria-labelledby=SIMULATOR_HEADING>
                <h2 id=SIMULATOR_HEADING tabindex="-1">"Scenario simulator"</h2>
                <p class="section-lede">
                    "A month-by-month model of up to three channels. Pick a preset for a motion, switch channels on "
                    "or off, and change any number: the results and charts follow at once. Invalid numbers are "
                    "flagged beside their field and never reach the model."
                </p>
                <StickySummary projection/>
                <div class="sim-layout">
                    <ScenarioInputsPanel inputs/>
                    <div class="sim-results">
                        <SummaryPanel projection/>
                        <WhatIfSliders inputs/>
                        <ProjectionCharts projection/>
                    </div>
                </div>
                <MonthlyTable projection/>
            </section>
            </Provider>
            <InsightPanel inputs projection/>
            <ScenariosPanel/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compare::{rows, sim_anchor};
    use crate::domain::sim::FieldId;

    #[test]
    fn every_link_from_compare_lands_on_the_input_it_names() {
        let linked: Vec<FieldId> = rows().iter().filter_map(|r| r.sim_input).collect();
        assert!(!linked.is_empty());
        for field in linked {
            let target = focus_target(&format!("#{}", sim_anchor(field)));
            assert_eq!(FieldId::from_slug(&target), Some(field), "{field:?}");
        }
        assert_eq!(focus_target("#horizon_months"), "horizon_months");
    }
}
