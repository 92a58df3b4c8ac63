//! The Plan workspace (`/plan`): from the recommendation to action. The PQL
//! playbook with the volume and sales capacity it implies, the metrics to
//! track, the five-step rollout checklist, the pilot plan, and a one-page
//! report to print or download as Markdown.
//!
//! Everything is computed by [`crate::domain::plan`]; this module keeps no
//! state of its own beyond what is open on screen. The current Simulate
//! scenario is projected once per change of its inputs, in [`PlanPage`], and
//! shared by the playbook (its volumes), the metrics (current figures) and
//! the report (figures, charts, the table by quarter).

mod checklist;
mod metrics;
mod motion_select;
mod pilot;
mod playbook;
mod report;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::format;
use crate::domain::motion::Motion;
use crate::domain::plan::{active_free_accounts, estimate, PlanState, PqlEstimate, PqlVolumes};
use crate::routes::Route;
use crate::state::derived::{use_outcome, use_projection, use_scenario_inputs};
use crate::state::use_workbench;

use checklist::Checklist;
use metrics::Metrics;
use motion_select::MotionSelect;
use pilot::Pilot;
use playbook::Playbook;
use report::Report;

/// The motion planned for when Assess has no result and none was picked: the
/// middle of the spectrum.
const FALLBACK_MOTION: Motion = Motion::HybridFreemiumEnterprise;

/// The volumes the estimate uses: the simulator's funnel when the user asked
/// for it and a self-serve scenario exists, else the typed figures.
fn volumes_in_use(plan: &PlanState, simulated: Option<f64>) -> PqlVolumes {
    match simulated {
        Some(active) if plan.volumes.use_simulator => plan.volumes.with_active(active),
        _ => plan.volumes.clone(),
    }
}

/// The estimate for the saved playbook and volumes.
fn current_estimate(plan: &PlanState, simulated: Option<f64>) -> PqlEstimate {
    estimate(&plan.rules, &volumes_in_use(plan, simulated))
}

/// A count of accounts or people for the page: whole, thousands
/// separated ([`format::count`]); a non-finite value reads as 0.
pub(crate) fn number(x: f64) -> String {
    format::count(if x.is_finite() { x } else { 0.0 })
}

/// A quantity the person typed (people, accounts one person works): as
/// typed, up to one decimal, so "2.5 people" is not shown as 3.
pub(crate) fn typed(x: f64) -> String {
    format::number_trimmed(if x.is_finite() { x } else { 0.0 }, 1)
}

/// "40" when both bounds agree, "40 to 140" otherwise (whole counts).
pub(crate) fn range_text(lower: f64, upper: f64) -> String {
    let (lo, hi) = (number(lower), number(upper));
    if lo == hi {
        lo
    } else {
        format!("{lo} to {hi}")
    }
}

/// The Plan page.
#[component]
pub fn PlanPage() -> impl IntoView {
    let wb = use_workbench();
    let outcome = use_outcome();
    // The recommendation, or the motion the user chose to model.
    let recommended = Memo::new(move |_| {
        outcome
            .with(|o| o.motion())
            .or_else(|| wb.assess.with(|s| s.chosen_motion))
    });
    let motion = Memo::new(move |_| {
        wb.plan
            .with(|p| p.metrics_motion)
            .or_else(|| recommended.get())
            .unwrap_or(FALLBACK_MOTION)
    });
    // The app's one projection of the scenario, shared with Simulate.
    let sim_inputs = use_scenario_inputs();
    let projection = use_projection();
    let simulated = Memo::new(move |_| {
        let months = wb.plan.with(|p| p.volumes.free_active_months);
        sim_inputs.with(|i| projection.with(|p| active_free_accounts(i, p, months)))
    });
    let estimate = Memo::new(move |_| {
        let sim = simulated.get();
        wb.plan.with(|p| current_estimate(p, sim))
    });

    view! {
        <section class="page plan">
            <h1>"Plan: from answer to action"</h1>
            <p class="lede">
                "Turn the recommendation into work: the product signals that hand an account to a "
                "person, the numbers to watch, a five-step rollout and a small pilot. "
                "Print it all on one page at the end."
            </p>
            <div class="plan-editor">
                <MotionChoice recommended=recommended.into() motion=motion.into()/>
                <Playbook estimate=estimate.into() simulated=simulated.into()/>
                <Metrics motion=motion.into() projection/>
                <Checklist motion=motion.into()/>
                <Pilot recommended=recommended.into() motion=motion.into()/>
            </div>
            <Report
                outcome=outcome.into()
                motion=motion.into()
                recommended=recommended.into()
                estimate=estimate.into()
                projection
            />
        </section>
    }
}

/// The motion the metrics and checklist are for: the recommendation unless
/// the user picks another.
#[component]
fn MotionChoice(recommended: Signal<Option<Motion>>, motion: Signal<Motion>) -> impl IntoView {
    let wb = use_workbench();
    let picked = move || wb.plan.with(|p| p.metrics_motion);
    let follow_label = move || match recommended.get() {
        Some(m) => format!("Follow Assess ({})", m.label()),
        None => "Follow Assess (no result yet)".to_string(),
    };
    view! {
        <div class="plan-motion card">
            <MotionSelect
                label="Motion to plan for"
                id="plan-motion"
                described_by="plan-motion-help"
                picked
                follow_label
                on_pick=Callback::new(move |m| wb.plan.update(|p| p.metrics_motion = m))
            />
            <p class="field-help" id="plan-motion-help">
                "The metrics and the rollout checklist below are for "
                <strong>{move || motion.get().label()}</strong>". "
                {move || match recommended.get() {
                    Some(_) => view! { "It follows your " <A href=Route::Assess.href()>"Assess"</A> " result unless you pick another." }.into_any(),
                    None => view! { <A href=Route::Assess.href()>"Answer the questions in Assess"</A> " to plan for the motion that fits you." }.into_any(),
                }}
            </p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_and_typed_quantities_keep_their_decimal() {
        assert_eq!(number(0.0), "0");
        assert_eq!(number(2000.0), "2,000");
        assert_eq!(number(1093.8), "1,094");
        assert_eq!(number(-1500.6), "−1,501");
        assert_eq!(number(f64::NAN), "0");
        assert_eq!(number(f64::INFINITY), "0");
        assert_eq!(typed(2.5), "2.5");
        assert_eq!(typed(100.0), "100");
    }

    #[test]
    fn a_range_collapses_when_its_bounds_agree() {
        assert_eq!(range_text(40.0, 40.0), "40");
        assert_eq!(range_text(40.0, 140.0), "40 to 140");
    }
}
