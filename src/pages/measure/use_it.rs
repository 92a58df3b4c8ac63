//! "Use it": where measured customers go in the model, what "Start the
//! simulator from these" would change (from [`seed_scenario`]), the button
//! that does it with provenance, and the backtest of the model on the
//! measured months.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::charts::{ChartSpec, LineChart, Series, Unit};
use crate::components::chart_figure::ChartFigure;
use crate::domain::format;
use crate::domain::measure::{
    backtest, money_in, seed_scenario, target_of, Backtest, Measurement, ModelChannel, Seeded,
};
use crate::domain::methods::MethodId;
use crate::routes::Route;
use crate::state::derived::use_scenario_inputs;
use crate::state::use_workbench;

use super::charts::month_axis;

/// The backtest as a chart: actual and model MRR over the months compared.
pub fn backtest_chart(m: &Measurement, b: &Backtest) -> LineChart {
    let first = m
        .series
        .iter()
        .position(|r| Some(&r.month) == b.months.first())
        .unwrap_or(0);
    LineChart {
        spec: ChartSpec::new(
            "Backtest: the model's MRR against the actual MRR",
            month_axis(m, first),
            "MRR (per month)",
            Unit::Dollars,
        ),
        series: vec![
            Series::new("Actual MRR", b.actual_mrr.clone()),
            Series::new("Model MRR", b.model_mrr.clone()),
        ],
        marks: Vec::new(),
    }
}

/// The error at the end, in a sentence.
pub fn end_gap_text(b: &Backtest, currency: &str) -> String {
    let e = &b.end;
    let direction = if e.difference >= 0.0 {
        "above"
    } else {
        "below"
    };
    let off = e.off_pct.map_or_else(String::new, |p| {
        format!(" ({} {direction})", format::percent(p.abs(), 1))
    });
    format!(
        "In {}, the model's MRR is {} against {} actual: a gap of {}{off}.",
        e.month.label(),
        money_in(e.model, currency),
        money_in(e.actual, currency),
        money_in(e.difference.abs(), currency),
    )
}

/// Where each of the file's channels goes, or where all customers go.
#[component]
fn Targets(measurement: Memo<Option<Measurement>>) -> impl IntoView {
    let wb = use_workbench();
    let channels = Memo::new(move |_| {
        measurement.with(|m| {
            m.as_ref()
                .map(|m| {
                    m.channels
                        .iter()
                        .map(|c| c.name.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let options = move |chosen: ModelChannel| {
        ModelChannel::ALL
            .into_iter()
            .map(|c| view! { <option value=c.slug() selected=c == chosen>{c.label()}</option> })
            .collect_view()
    };
    move || {
        let names = channels.get();
        if names.is_empty() {
            let chosen = wb.measure.with_untracked(|m| m.target);
            view! {
                <div class="field">
                    <label for="measure-target">"Measured customers go to the model's"</label>
                    <select id="measure-target" on:change:target=move |ev| {
                        if let Some(c) = ModelChannel::from_slug(&ev.target().value()) {
                            wb.measure.update(|m| m.target = c);
                        }
                    }>
                        {options(chosen)}
                    </select>
                    <p class="field-help">"The file names no acquisition channel, so all customers go to one."</p>
                </div>
            }
            .into_any()
        } else {
            names
                .into_iter()
                .enumerate()
                .map(|(i, name)| {
                    let id = format!("measure-target-{i}");
                    let label_for = id.clone();
                    let chosen = wb
                        .measure
                        .with_untracked(|m| target_of(&name, &m.channel_targets));
                    let label = format!("Customers from “{name}” go to");
                    view! {
                        <div class="field">
                            <label for=label_for>{label}</label>
                            <select id=id on:change:target=move |ev| {
                                if let Some(c) = ModelChannel::from_slug(&ev.target().value()) {
                                    wb.measure.update(|m| m.set_channel_target(&name, c));
                                }
                            }>
                                {options(chosen)}
                            </select>
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
    }
}

/// The "Use it" section.
#[component]
pub fn UseIt(
    /// The stored measurement.
    measurement: Memo<Option<Measurement>>,
) -> impl IntoView {
    let wb = use_workbench();
    let current = use_scenario_inputs();
    let seeded = Memo::new(move |_| {
        let (target, targets, margin) = wb
            .measure
            .with(|m| (m.target, m.channel_targets.clone(), m.gross_margin_pct));
        measurement.with(|m| {
            m.as_ref()
                .map(|m| current.with(|c| seed_scenario(m, c, target, &targets, margin)))
        })
    });
    let tested = Memo::new(move |_| {
        measurement.with(|m| {
            let m = m.as_ref()?;
            seeded.with(|s| s.as_ref().and_then(|s| backtest(m, &s.inputs)))
        })
    });
    let chart = Memo::new(move |_| {
        measurement.with(|m| {
            tested.with(|b| match (m, b) {
                (Some(m), Some(b)) => backtest_chart(m, b),
                _ => LineChart::default(),
            })
        })
    });
    let gap = Memo::new(move |_| {
        measurement.with(|m| {
            tested.with(|b| match (m, b) {
                (Some(m), Some(b)) => end_gap_text(b, &m.source.currency),
                _ => String::new(),
            })
        })
    });
    let started = RwSignal::new(false);
    let start = move |_| {
        let Some(Seeded {
            inputs, provenance, ..
        }) = seeded.get_untracked()
        else {
            return;
        };
        wb.simulate.update(|s| s.start_from(inputs, provenance));
        started.set(true);
    };
    let changes = move || {
        seeded.get().map(|s| {
            let rows = s
                .changes
                .iter()
                .map(|c| view! { <li><strong>{c.label.clone()}</strong>": "{c.value.clone()}" ("{c.why.clone()}")"</li> })
                .collect_view();
            let notes = s
                .notes
                .iter()
                .map(|n| view! { <li>{n.clone()}</li> })
                .collect_view();
            view! {
                <ul class="measure-changes" data-testid="measure-changes">{rows}</ul>
                <ul class="measure-seed-notes">{notes}</ul>
            }
        })
    };
    view! {
        <section class="card measure-use" aria-labelledby="measure-use-title">
            <h2 id="measure-use-title">"Use it"</h2>
            <p>
                "Start the simulator from the measured ARPA, churn, expansion and new customers a month. "
                "Spend and the funnel stay as they are in Simulate; check them there. Each value carries "
                "a note of where it came from until you change it."
            </p>
            <Targets measurement/>
            <h3>"What changes in Simulate"</h3>
            {changes}
            <button type="button" class="primary" on:click=start>"Start the simulator from these"</button>
            <p class="measure-status" role="status">
                <Show when=move || started.get()>
                    "The simulator now starts from the measured figures. "
                    <A href=Route::Simulate.href()>"Open Simulate"</A>
                </Show>
            </p>
            <h3>"Backtest"</h3>
            <p>
                "The model run over the measured months with these inputs, its MRR beside the actual MRR: "
                "how far the projection follows your own history."
            </p>
            <p class="measure-gap" data-testid="backtest-error">{move || gap.get()}</p>
            <ChartFigure chart slug="measured-backtest"/>
            <p class="field-help">
                <A href=Route::Methods.href_to(MethodId::Backtest.slug())>"How the backtest runs"</A>
            </p>
        </section>
    }
}
