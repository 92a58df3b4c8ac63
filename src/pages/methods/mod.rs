//! "How the numbers are computed": every formula, convention and benchmark
//! band the workbench uses, written from the same domain definitions as the
//! figures that show them ([`crate::domain::methods`],
//! [`crate::domain::benchmarks`]).

use leptos::prelude::*;

use crate::components::data_table::{DataTable, Scroll};
use crate::domain::benchmarks::table;
use crate::domain::methods::{methods, Group};

/// The methods page.
#[component]
pub fn MethodsPage() -> impl IntoView {
    let all = methods();
    let groups = Group::ALL
        .into_iter()
        .map(|group| {
            let entries = all
                .iter()
                .filter(|m| m.group == group)
                .map(|m| {
                    view! {
                        <div class="method" id=m.id.slug() data-testid=format!("method-{}", m.id.slug())>
                            <dt>{m.title}</dt>
                            <dd>
                                <p class="formula">{m.formula.clone()}</p>
                                {m.source.map(|s| view! { <p class="method-source">"Source: "{s}</p> })}
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <section class="card methods-group" aria-labelledby=format!("methods-{group:?}")>
                    <h2 id=format!("methods-{group:?}")>{group.title()}</h2>
                    <dl>{entries}</dl>
                </section>
            }
        })
        .collect_view();
    let bands = table()
        .into_iter()
        .map(|b| {
            view! {
                <tr>
                    <th scope="row" data-label="Figure">{b.metric}</th>
                    <td data-label="Band">{b.band}</td>
                    <td data-label="Source">{b.source}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="page methods-page">
            <h1>"How the numbers are computed"</h1>
            <p class="section-lede">
                "Every figure in the workbench follows one of these formulas and conventions. "
                "The text here is the same text the figure shows beside it, and every benchmark "
                "band is read from one table, so the two cannot drift apart."
            </p>
            {groups}
            <section class="card methods-group" aria-labelledby="methods-bands">
                <h2 id="methods-bands">"Benchmark bands"</h2>
                <DataTable
                    columns=["Figure", "Band", "Source"]
                    caption="Every band a figure is read against, with its source"
                    class="methods-bands"
                    testid="methods-bands"
                    scroll=Scroll::Region("Benchmark bands")
                >
                    {bands}
                </DataTable>
            </section>
        </section>
    }
}
