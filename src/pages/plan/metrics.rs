//! The metrics to track for the planned motion, each with what it tells you,
//! its formula, a benchmark where one is known, and, where the simulator
//! measures it, its current figure in the user's Simulate scenario.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::data_table::DataTable;
use crate::domain::benchmarks::benchmark;
use crate::domain::motion::Motion;
use crate::domain::plan::{current_figure, metrics_for, simulator_formula, CurrentFigure};
use crate::domain::sim::Projection;
use crate::routes::Route;

/// The metrics section. `projection` is the current Simulate scenario,
/// projected once by the page; each row only reads its figure from it.
#[component]
pub(super) fn Metrics(motion: Signal<Motion>, projection: Memo<Projection>) -> impl IntoView {
    let list = Memo::new(move |_| metrics_for(motion.get()));
    view! {
        <section class="plan-section" aria-labelledby="metrics-heading">
            <h2 id="metrics-heading">"Metrics to track"</h2>
            <p class="plan-intro">
                "For "<strong>{move || motion.get().label()}</strong>", most important first. "
                "Publish these definitions so every team counts the same way. "
                "Pick another motion at the top of the page to compare. "
                "Where the simulator models a metric, the last column shows its value in your "
                "current Simulate scenario and follows every change you make there."
            </p>
            <DataTable
                columns=[
                    "Metric", "What it tells you", "Formula", "Benchmark",
                    "Current figure (your scenario)",
                ]
                caption=move || format!("Metrics to track for {}", motion.get().label())
                class="plan-table plan-metrics"
                testid="plan-metrics"
            >
                <For each=move || list.get() key=|m| m.id let:m>
                    <tr data-metric=m.id>
                        <th scope="row" data-label="Metric">{m.name}</th>
                        <td data-label="What it tells you">{m.definition}</td>
                        <td data-label="Formula" class="plan-formula-cell">{m.formula}</td>
                        <td data-label="Benchmark">
                            {match m.benchmark.map(benchmark) {
                                Some(b) => view! {
                                    <span>{b.band}</span>
                                    <span class="plan-source">" Source: "{b.source}</span>
                                }.into_any(),
                                None => view! {
                                    <span aria-hidden="true">"—"</span>
                                    <span class="sr-only">"None known"</span>
                                }.into_any(),
                            }}
                        </td>
                        <td data-label="Current figure (your scenario)" class="plan-current-cell">
                            <CurrentFigureCell id=m.id projection/>
                        </td>
                    </tr>
                </For>
            </DataTable>
        </section>
    }
}

/// The current figure of one metric, redrawn only when that figure changes.
#[component]
fn CurrentFigureCell(id: &'static str, projection: Memo<Projection>) -> impl IntoView {
    // Reads the shared projection: no simulation here.
    let figure = Memo::new(move |_| projection.with(|p| current_figure(id, p)));
    move || figure_view(id, figure.get())
}

/// The number with its unit, how the simulator computes it, and a link to
/// Simulate; the reason when the scenario has no value; a dash for metrics
/// the simulator does not model.
fn figure_view(id: &'static str, figure: CurrentFigure) -> AnyView {
    let formula = simulator_formula(id)
        .map(|text| view! { <span class="plan-formula">{format!("= {text}")}</span> });
    let source = view! {
        <span class="plan-current-source">
            <A href=Route::Simulate.href()>"from Simulate"</A>
        </span>
    };
    let testid = format!("current-{id}");
    match figure {
        CurrentFigure::Value(f) => view! {
            <span class="plan-current" data-testid=testid>{f.text()}</span>
            {f.ltv_capped.then(|| view! {
                <span class="plan-current-note">"LTV capped at 60 months of gross profit"</span>
            })}
            {formula}
            {source}
        }
        .into_any(),
        CurrentFigure::Missing(why) => view! {
            <span class="plan-current-none" data-testid=testid>{why.phrase()}</span>
            {formula}
            {source}
        }
        .into_any(),
        CurrentFigure::NotMeasured => view! {
            <span aria-hidden="true">"—"</span>
            <span class="sr-only">"Not measured by the simulator"</span>
        }
        .into_any(),
    }
}
