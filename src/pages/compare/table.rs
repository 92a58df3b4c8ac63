//! The comparison `<table>`: one `<tbody>` per row (the row and its
//! explanation), so pinned rows move as a unit and each row can become a card
//! on a phone.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::focus::focus_after_frame;
use crate::domain::assess::{Factor, Lean};
use crate::domain::compare::{row, sim_anchor, Row};
use crate::domain::motion::CompareColumn;
use crate::routes::Route;
use crate::state::use_workbench;

/// The table of the rows in `visible`, in that order.
#[component]
pub(super) fn CompareTable(
    /// Row ids to show, in order.
    visible: Signal<Vec<&'static str>>,
    /// Rows whose explanation is open.
    expanded: RwSignal<BTreeSet<&'static str>>,
    /// The column to highlight, if any.
    highlighted: Signal<Option<CompareColumn>>,
    /// Factor → the user's lean on it.
    leans: Signal<BTreeMap<Factor, f64>>,
) -> impl IntoView {
    view! {
        <table class="cmp-table">
            <caption>
                "Sales-led, hybrid and product-led growth compared, one dimension per row"
            </caption>
            <colgroup>
                <col class="cmp-col-dimension"/>
                <col span="3" class="cmp-col-motion"/>
            </colgroup>
            <thead>
                <tr>
                    <th scope="col">"Dimension"</th>
                    {CompareColumn::ALL
                        .into_iter()
                        .map(|c| {
                            let on = move || highlighted.get() == Some(c);
                            view! {
                                <th
                                    scope="col"
                                    class=format!("cmp-head cmp-{}", c.slug())
                                    class:cmp-hl=on
                                >
                                    <span class="cmp-head-label">{c.label()}</span>
                                    <Show when=on>
                                        " "
                                        <span class="cmp-your-result">"Your result"</span>
                                    </Show>
                                </th>
                            }
                        })
                        .collect_view()}
                </tr>
            </thead>
            <For each=move || visible.get() key=|id| *id let:id>
                {row(id).map(|r| view! {
                    <CompareRow row=r expanded=expanded highlighted=highlighted leans=leans/>
                })}
            </For>
            <Show when=move || visible.with(Vec::is_empty)>
                <tbody>
                    <tr>
                        <td colspan="4" class="cmp-empty">
                            "No row matches. Clear the search or pick “All rows”."
                        </td>
                    </tr>
                </tbody>
            </Show>
        </table>
    }
}

/// The chip text and its colour class for a factor lean.
fn lean_chip(lean: f64) -> (&'static str, &'static str) {
    match Lean::from_value(lean) {
        Lean::StronglyProductLed => ("You lean strongly product-led", "cmp-lean-plg"),
        Lean::LeansProductLed => ("You lean product-led", "cmp-lean-plg"),
        Lean::Balanced => ("Your answers are balanced", "cmp-lean-hybrid"),
        Lean::LeansSalesLed => ("You lean sales-led", "cmp-lean-slg"),
        Lean::StronglySalesLed => ("You lean strongly sales-led", "cmp-lean-slg"),
    }
}

#[component]
fn CompareRow(
    row: &'static Row,
    expanded: RwSignal<BTreeSet<&'static str>>,
    highlighted: Signal<Option<CompareColumn>>,
    leans: Signal<BTreeMap<Factor, f64>>,
) -> impl IntoView {
    let wb = use_workbench();
    let id = row.id;
    let is_open = move || expanded.with(|e| e.contains(id));
    let is_pinned = move || wb.compare.with(|c| c.is_pinned(id));
    let toggle = move |_| {
        expanded.update(|e| {
            if !e.remove(id) {
                e.insert(id);
            }
        });
    };
    let pin = move |_| {
        wb.compare.update(|c| {
            c.toggle_pin(id);
        });
        focus_after_frame(format!("cmp-pin-{id}"));
    };
    let detail_id = format!("cmp-detail-{id}");
    let lean = move || {
        let factor = row.factor?;
        let l = leans.with(|m| m.get(&factor).copied())?;
        let (text, class) = lean_chip(l);
        let source = factor.label();
        Some(view! {
            <span class=format!("cmp-lean {class}") title=format!("From your answers on {source}")>
                {text}
                <span class="sr-only">{format!(" (from your answers on {source})")}</span>
            </span>
        })
    };
    let sim_link = row.sim_input.map(|input| {
        view! {
            <A href=Route::Simulate.href_to(sim_anchor(input)) attr:class="cmp-sim-link no-print">
                "Try it in Simulate"
                <span class="sr-only">{format!(" for {}", row.dimension)}</span>
            </A>
        }
    });
    let cells = CompareColumn::ALL
        .into_iter()
        .map(|c| {
            let on = move || highlighted.get() == Some(c);
            let label = move || {
                if on() {
                    format!("{} (your result)", c.label())
                } else {
                    c.label().to_string()
                }
            };
            view! {
                <td class=format!("cmp-cell cmp-{}", c.slug()) class:cmp-hl=on data-label=label>
                    {row.cell(c)}
                </td>
            }
        })
        .collect_view();

    view! {
        <tbody class="cmp-group" class:cmp-pinned=is_pinned data-testid=format!("compare-row-{id}")>
            <tr class="cmp-row">
                <th scope="row" class="cmp-dimension">
                    <button
                        type="button"
                        class="cmp-toggle"
                        id=format!("cmp-toggle-{id}")
                        aria-expanded=move || if is_open() { "true" } else { "false" }
                        aria-controls=detail_id.clone()
                        on:click=toggle
                    >
                        <span class="cmp-chevron" aria-hidden="true"></span>
                        {row.dimension}
                    </button>
                    <span class="cmp-row-tools">
                        {lean}
                        <button
                            type="button"
                            class="cmp-pin no-print"
                            id=format!("cmp-pin-{id}")
                            aria-pressed=move || if is_pinned() { "true" } else { "false" }
                            on:click=pin
                        >
                            <span class="cmp-pin-icon" aria-hidden="true">
                                {move || if is_pinned() { "★ " } else { "☆ " }}
                            </span>
                            "Pin"
                            <span class="sr-only">{format!(" {}", row.dimension)}</span>
                        </button>
                        {sim_link}
                    </span>
                </th>
                {cells}
            </tr>
            <tr class="cmp-detail" id=detail_id hidden=move || !is_open()>
                <td colspan="4">
                    <p>{row.detail}</p>
                </td>
            </tr>
        </tbody>
    }
}
