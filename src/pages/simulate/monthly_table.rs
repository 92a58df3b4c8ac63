//! The month-by-month table (drawn only while open, first 12 months until
//! asked for all) and its CSV download.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::format::{count, money};
use crate::components::data_table::{DataTable, Scroll};
use crate::domain::sim::{monthly_csv, Projection};
use crate::persist::files;
use crate::state::notices::{Notice, NoticeKey, NoticeLevel};
use crate::state::use_workbench;

/// Months shown before "Show all".
const FIRST_ROWS: usize = 12;

/// Whether the `<details>` that fired `toggle` is open now.
fn is_open(ev: &leptos::ev::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.has_attribute("open"))
}

/// The monthly table with its CSV button.
#[component]
pub fn MonthlyTable(projection: Memo<Projection>) -> impl IntoView {
    let wb = use_workbench();
    let open = RwSignal::new(false);
    let show_all = RwSignal::new(false);
    let months = Memo::new(move |_| projection.with(|p| p.rows.len()));

    let download = move |_| {
        let csv = projection.with_untracked(monthly_csv);
        let name = format!("gtm-simulation-{}.csv", files::today());
        if let Err(message) = files::download(&name, "text/csv", &csv) {
            wb.notify(Notice::new(
                NoticeKey::SimulateCsv,
                NoticeLevel::Error,
                message,
            ));
        }
    };

    let body = move || {
        let limit = if show_all.get() {
            usize::MAX
        } else {
            FIRST_ROWS
        };
        projection.with(|p| {
            p.rows
                .iter()
                .take(limit)
                .map(|r| {
                    view! {
                        <tr>
                            <th scope="row">{r.month}</th>
                            <td>{count(r.signups)}</td>
                            <td>{count(r.new_customers.total())}</td>
                            <td>{count(r.active_customers.total())}</td>
                            <td>{money(r.mrr.total())}</td>
                            <td>{money(r.mrr.total() * 12.0)}</td>
                            <td>{money(r.spend.total())}</td>
                            <td>{money(r.gross_profit)}</td>
                            <td>{money(r.net_cash)}</td>
                            <td>{money(r.cumulative_cash)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="monthly" aria-labelledby="monthly-heading">
            <div class="monthly-head">
                <h3 id="monthly-heading">"Month by month"</h3>
                <button type="button" on:click=download>"Download CSV"</button>
            </div>
            <p class="field-help">
                "The CSV has every column: sign-ups, activated, PQLs, opportunities, and new customers, "
                "active customers, MRR, ARR and spend per channel, then revenue, gross profit and cash."
            </p>
            <details on:toggle=move |ev| open.set(is_open(&ev))>
                <summary>{move || format!("Show the monthly table ({} months)", months.get())}</summary>
                <Show when=move || open.get()>
                    <DataTable
                        columns=[
                            "Month", "Sign-ups", "New customers", "Active customers", "MRR ($)",
                            "ARR ($)", "Spend ($)", "Gross profit ($)", "Net cash ($)",
                            "Cumulative cash ($)",
                        ]
                        caption="Totals over all channels, month by month"
                        class="monthly-table"
                        testid="sim-monthly-table"
                        scroll=Scroll::Region("Monthly table")
                    >
                        {body}
                    </DataTable>
                    <Show when=move || { months.get() > FIRST_ROWS }>
                        <button type="button" aria-expanded=move || if show_all.get() { "true" } else { "false" }
                            on:click=move |_| show_all.update(|v| *v = !*v)>
                            {move || if show_all.get() {
                                format!("Show the first {FIRST_ROWS} months only")
                            } else {
                                format!("Show all {} months", months.get())
                            }}
                        </button>
                    </Show>
                </Show>
            </details>
        </section>
    }
}
