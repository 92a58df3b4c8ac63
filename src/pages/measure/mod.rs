//! The Measure workspace (`/measure`): the figures a billing export already
//! holds, computed in this browser, and the simulator started from them.
//!
//! - [`import`]: the file input, drag and drop, the sample, reading in
//!   slices with progress and Cancel, the importer's questions, skipped rows;
//! - [`mapping`]: the column mapping of a file that is not a known export;
//! - [`figures`]: the measured figures with formulas and benchmark readings;
//! - [`charts`]: MRR movements, MRR and customers over time;
//! - [`cohorts`]: the retention triangle, its heatmap and the average curve;
//! - [`use_it`]: "Start the simulator from these" and the backtest.
//!
//! The measurement lives in the stored document (`wb.measure`), so it
//! survives a reload and a whole-document undo covers an import; the file's
//! rows never leave the import's memory.

mod charts;
mod cohorts;
mod figures;
mod import;
mod mapping;
mod use_it;

use leptos::prelude::*;

use crate::components::confirm::ConfirmButton;
use crate::domain::format;
use crate::domain::measure::{source_line, Format, Measurement, StoredMeasurement};
use crate::state::use_workbench;

use charts::MeasuredCharts;
use cohorts::Cohorts;
use figures::Figures;
use import::{on_drop, Flow, ImportPanel};
use use_it::UseIt;

/// "424 KB": a file size for the source line.
fn size_text(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= 1_048_576.0 {
        format!("{} MB", format::number(b / 1_048_576.0, 1))
    } else if b >= 1024.0 {
        format!("{} KB", format::count(b / 1024.0))
    } else {
        format!("{} bytes", format::count(b))
    }
}

/// The columns a measurement was read with, as "field: column" pairs.
fn columns_used(format: &Format) -> Vec<(String, String)> {
    use crate::domain::measure::{ListField, TableField};
    match format {
        Format::Subscriptions { mapping, .. } => ListField::ALL
            .into_iter()
            .filter_map(|f| {
                mapping
                    .get(f)
                    .map(|c| (f.label().to_string(), c.to_string()))
            })
            .collect(),
        Format::MonthlyTable(t) => TableField::ALL
            .into_iter()
            .filter_map(|f| t.get(f).map(|c| (f.label().to_string(), c.to_string())))
            .collect(),
    }
}

/// Where the measurement came from, with a way to remove it.
#[component]
fn SourceLine(measurement: Memo<Option<Measurement>>) -> impl IntoView {
    let wb = use_workbench();
    move || {
        measurement.get().map(|m| {
            let s = &m.source;
            let line = source_line(&m);
            let about = format!(
                "{}, {}; {} customers; last complete month {}.",
                s.format.label(),
                size_text(s.file_bytes),
                format::count(s.customers as f64),
                m.last_month.label()
            );
            let cents = match &s.format {
                Format::Subscriptions { mapping, .. } if mapping.amount_in_cents => {
                    " Amounts read in cents."
                }
                _ => "",
            };
            let used = columns_used(&s.format)
                .into_iter()
                .map(|(field, column)| view! { <li>{field}": "<code>{column}</code></li> })
                .collect_view();
            view! {
                <div class="measure-source" data-testid="measure-source">
                    <p><strong>"Measured from "{line}"."</strong>" "{about}{cents}</p>
                    <details>
                        <summary>"Columns used"</summary>
                        <ul>{used}</ul>
                    </details>
                    <ConfirmButton
                        button="Remove the measurement…"
                        label="Confirm removing the measurement"
                        question="Remove the measured figures from this browser?"
                        yes="Yes, remove"
                        on_confirm=Callback::new(move |()| wb.measure.update(|s| s.measurement = None))
                    />
                </div>
            }
        })
    }
}

/// The Measure page.
#[component]
pub fn MeasurePage() -> impl IntoView {
    let wb = use_workbench();
    let flow = Flow::new();
    // The stored JSON, then the measurement read from it (again only when
    // the JSON changes, not with every setting).
    let stored = Memo::new(move |_| wb.measure.with(|m| m.measurement.clone()));
    let read = Memo::new(move |_| stored.with(|s| s.as_ref().map(StoredMeasurement::read)));
    let measurement =
        Memo::new(move |_| read.with(|r| r.as_ref().and_then(|r| r.as_ref().ok().cloned())));
    let unreadable = Memo::new(move |_| {
        read.with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().err().map(ToString::to_string))
        })
    });
    let cohorts =
        Memo::new(move |_| measurement.with(|m| m.as_ref().and_then(|m| m.cohorts.clone())));
    let has = Memo::new(move |_| measurement.with(Option::is_some));
    let dragging = RwSignal::new(false);
    view! {
        <section
            class="page measure"
            class:measure-dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: leptos::ev::DragEvent| {
                dragging.set(false);
                on_drop(flow, wb, &ev);
            }
        >
            <h1>"Measure: your own numbers from a billing export"</h1>
            <p class="lede">
                "Read a subscription export or a monthly metrics table and see the customers, MRR, churn, "
                "retention and cohorts it already holds, then start the simulator from them."
            </p>
            <ImportPanel flow/>
            <Show when=move || unreadable.with(Option::is_some)>
                <div class="measure-failed" role="alert" data-testid="measure-unreadable">
                    <p>
                        "The measurement saved in this browser could not be read ("
                        {move || unreadable.get().unwrap_or_default()}
                        "). Import the file again, or remove it."
                    </p>
                    <button type="button" on:click=move |_| wb.measure.update(|s| s.measurement = None)>
                        "Remove the saved measurement"
                    </button>
                </div>
            </Show>
            <SourceLine measurement/>
            <Show
                when=move || has.get()
                fallback=|| view! {
                    <p class="measure-empty">"Nothing is measured yet: import a file, or try the sample."</p>
                }
            >
                <Figures measurement/>
                <MeasuredCharts measurement/>
                <Cohorts table=cohorts/>
                <UseIt measurement/>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_written_in_the_unit_that_fits() {
        assert_eq!(size_text(512), "512 bytes");
        assert_eq!(size_text(424_394), "414 KB");
        assert_eq!(size_text(12_000_000), "11.4 MB");
    }
}
