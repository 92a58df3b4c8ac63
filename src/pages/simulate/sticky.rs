//! The compact summary that follows the person on a phone: LTV:CAC, CAC
//! payback and ARR at the horizon in one line that stays at the top of the
//! screen while they scroll through the inputs, so what changes is in view
//! of what they type. Wider screens have the summary beside the inputs and
//! hide this line (`style/simulate.css`).

use leptos::prelude::*;

use super::format::{ltv_cac, money, payback, DASH};
use crate::components::focus::scroll_to_and_focus;
use crate::domain::insight::{sanity_checks, Credibility};
use crate::domain::sim::Projection;
use crate::state::derived::use_scenario_inputs;
use crate::state::stale::{not_updated_text, use_stale};

/// One figure of the line.
#[component]
fn Figure(
    label: &'static str,
    #[prop(into)] value: Signal<String>,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="sticky-figure">
            <dt>{label}</dt>
            <dd data-testid=testid>{move || value.get()}</dd>
        </div>
    }
}

/// The sticky summary of the scenario's projection.
#[component]
pub fn StickySummary(projection: Memo<Projection>) -> impl IntoView {
    let inputs = use_scenario_inputs();
    let summary = Memo::new(move |_| projection.with(|p| p.summary));
    let credible = Memo::new(move |_| {
        inputs
            .with(|i| projection.with(|p| Credibility::of(&sanity_checks(i, &p.summary))))
            .is_credible()
    });
    let stale = use_stale();
    let ratio = move || {
        summary
            .get()
            .blended_ltv_cac
            .map_or_else(|| DASH.to_string(), ltv_cac)
    };
    let payback_text = move || {
        summary
            .get()
            .blended_payback
            .map_or_else(|| DASH.to_string(), |p| format!("{} mo", payback(p)))
    };
    let arr = move || money(summary.get().ending_arr);
    let horizon = move || inputs.with(|i| i.horizon_months);
    view! {
        <section class="sim-sticky" aria-label="Scenario at a glance" data-testid="sim-sticky-summary">
            <dl class="sticky-figures">
                <Figure label="LTV:CAC" value=Signal::derive(ratio) testid="sticky-ltv-cac"/>
                <Figure label="Payback" value=Signal::derive(payback_text) testid="sticky-payback"/>
                <div class="sticky-figure">
                    <dt>{move || format!("ARR, month {}", horizon())}</dt>
                    <dd data-testid="sticky-arr">{arr}</dd>
                </div>
            </dl>
            <p class="sticky-flags">
                <Show when=move || stale.with(|s| !s.is_empty())>
                    <span class="stale-tag" data-testid="sticky-stale">
                        "Not updated"
                        <span class="sr-only">
                            {move || stale.with(|s| format!(" ({})", not_updated_text(s).trim_start_matches("Not updated: ").trim_end_matches('.')))}
                        </span>
                    </span>
                    " "
                </Show>
                <Show when=move || !credible.get()>
                    <span class="stale-tag" data-testid="sticky-not-credible">"Not credible"</span>
                    " "
                </Show>
                <button type="button" class="link-button" on:click=move |_| scroll_to_and_focus("sim-summary-heading")>
                    "Full summary"
                </button>
            </p>
        </section>
    }
}
