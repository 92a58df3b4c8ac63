//! The metrics to track for the planned motion, each with what it tells you,
//! its formula and a benchmark where one is known.

use leptos::prelude::*;

use crate::domain::motion::Motion;
use crate::domain::plan::metrics_for;

/// The metrics section.
#[component]
pub(super) fn Metrics(motion: Signal<Motion>) -> impl IntoView {
    let list = Memo::new(move |_| metrics_for(motion.get()));
    view! {
        <section class="plan-section" aria-labelledby="metrics-heading">
            <h2 id="metrics-heading">"Metrics to track"</h2>
            <p class="plan-intro">
                "For "<strong>{move || motion.get().label()}</strong>", most important first. "
                "Publish these definitions so every team counts the same way. "
                "Pick another motion at the top of the page to compare."
            </p>
            <table class="plan-table plan-metrics" data-testid="plan-metrics">
                <caption class="sr-only">
                    {move || format!("Metrics to track for {}", motion.get().label())}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Metric"</th>
                        <th scope="col">"What it tells you"</th>
                        <th scope="col">"Formula"</th>
                        <th scope="col">"Benchmark"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || list.get() key=|m| m.id let:m>
                        <tr>
                            <th scope="row" data-label="Metric">{m.name}</th>
                            <td data-label="What it tells you">{m.definition}</td>
                            <td data-label="Formula" class="plan-formula-cell">{m.formula}</td>
                            <td data-label="Benchmark">
                                {match m.benchmark {
                                    Some(b) => view! { <span>{b}</span> }.into_any(),
                                    None => view! {
                                        <span aria-hidden="true">"—"</span>
                                        <span class="sr-only">"None known"</span>
                                    }.into_any(),
                                }}
                            </td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </section>
    }
}
