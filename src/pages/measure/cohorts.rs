//! Cohorts: logo or revenue retention by start month as a triangle table
//! (with the weighted average curve as its last row), the same as a
//! heatmap, and the average curve as a line.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::charts::{ChartSpec, HeatmapChart, LineChart, Series, Unit};
use crate::components::chart_figure::ChartFigure;
use crate::components::data_table::{Column, Columns, DataTable, Scroll};
use crate::domain::format;
use crate::domain::measure::{formula, CohortRow, CohortTable, CurvePoint};
use crate::domain::methods::MethodId;
use crate::routes::Route;

/// The most cohorts (the latest start months) and months of age shown; the
/// stored table keeps them all.
pub const MAX_SHOWN: usize = 36;

/// Which retention the cohort views show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Customers still paying.
    Logo,
    /// Their MRR.
    Revenue,
}

impl Kind {
    fn of_row(self, row: &CohortRow, age: usize) -> Option<f64> {
        match self {
            Kind::Logo => row.logo_retention(age),
            Kind::Revenue => row.revenue_retention(age),
        }
    }

    fn of_point(self, p: &CurvePoint) -> Option<f64> {
        match self {
            Kind::Logo => p.logo,
            Kind::Revenue => p.revenue,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Logo => "Logo retention",
            Kind::Revenue => "Revenue retention",
        }
    }
}

/// The rows shown: the latest [`MAX_SHOWN`] cohorts, oldest first.
fn shown_rows(table: &CohortTable) -> &[CohortRow] {
    let skip = table.rows.len().saturating_sub(MAX_SHOWN);
    table.rows.get(skip..).unwrap_or_default()
}

/// The most ages a shown row has, capped at [`MAX_SHOWN`].
fn ages(rows: &[CohortRow]) -> usize {
    rows.iter()
        .map(|r| r.customers.len())
        .max()
        .unwrap_or(0)
        .min(MAX_SHOWN)
}

/// The heatmap of `kind` for the shown cohorts, in percent.
pub fn heatmap(table: &CohortTable, kind: Kind) -> HeatmapChart {
    let rows = shown_rows(table);
    let n = ages(rows);
    HeatmapChart {
        spec: ChartSpec::new(
            format!("{} by start month", kind.name()),
            "Months since the start month",
            "Start month",
            Unit::Percent,
        ),
        rows: rows
            .iter()
            .map(|r| {
                let cells = (0..n.min(r.customers.len()))
                    .map(|age| kind.of_row(r, age).map_or(f64::NAN, |v| v * 100.0))
                    .collect();
                (r.start.label(), cells)
            })
            .collect(),
        full: 100.0,
    }
}

/// The average curves (logo and revenue), from one month after the start.
pub fn curve_chart(table: &CohortTable) -> LineChart {
    let curve = table.average_curve();
    let line = |kind: Kind| {
        Series::new(
            kind.name(),
            curve
                .iter()
                .skip(1)
                .take(MAX_SHOWN)
                .map(|p| kind.of_point(p).map_or(f64::NAN, |v| v * 100.0))
                .collect(),
        )
    };
    LineChart {
        spec: ChartSpec::new(
            "Average retention curve (cohorts weighted by size)",
            "Months since the start month",
            "Retained (%)",
            Unit::Percent,
        ),
        series: vec![line(Kind::Logo), line(Kind::Revenue)],
        marks: Vec::new(),
    }
}

/// A retention as a whole percentage, or a dash.
fn cell(value: Option<f64>) -> String {
    value.map_or_else(
        || format::DASH.to_string(),
        |v| format::percent(v * 100.0, 0),
    )
}

/// The cohort section.
#[component]
pub fn Cohorts(
    /// The stored cohort table (subscription lists only).
    table: Memo<Option<CohortTable>>,
) -> impl IntoView {
    let kind = RwSignal::new(Kind::Logo);
    let heat = Memo::new(move |_| {
        table.with(|t| {
            t.as_ref()
                .map(|t| heatmap(t, kind.get()))
                .unwrap_or_default()
        })
    });
    let curve = Memo::new(move |_| table.with(|t| t.as_ref().map(curve_chart).unwrap_or_default()));
    let cut =
        Memo::new(move |_| table.with(|t| t.as_ref().is_some_and(|t| t.rows.len() > MAX_SHOWN)));
    let n = Memo::new(move |_| table.with(|t| t.as_ref().map_or(0, |t| ages(shown_rows(t)))));
    let columns = Columns::live(move || {
        let mut c = vec![Column::from("Start month"), Column::num("Customers")];
        c.extend((0..n.get()).map(|age| Column::num(format!("{age}"))));
        c
    });
    let body = move || {
        let k = kind.get();
        let ages = n.get();
        table.with(|t| {
            t.as_ref()
                .map(|t| {
                    shown_rows(t)
                        .iter()
                        .map(|r| {
                            let cells = (0..ages)
                                .map(|age| {
                                    let text = if age < r.customers.len() {
                                        cell(k.of_row(r, age))
                                    } else {
                                        String::new()
                                    };
                                    view! { <td class="num">{text}</td> }
                                })
                                .collect_view();
                            view! {
                                <tr>
                                    <th scope="row">{r.start.label()}</th>
                                    <td class="num">{format::count(f64::from(r.size()))}</td>
                                    {cells}
                                </tr>
                            }
                        })
                        .collect_view()
                })
                .unwrap_or_default()
        })
    };
    let foot = move || {
        let k = kind.get();
        let ages = n.get();
        let curve = table.with(|t| {
            t.as_ref()
                .map(CohortTable::average_curve)
                .unwrap_or_default()
        });
        let size: u32 = table.with(|t| {
            t.as_ref()
                .map(|t| shown_rows(t).iter().map(CohortRow::size).sum())
                .unwrap_or(0)
        });
        view! {
            <tr>
                <th scope="row">"Average"</th>
                <td class="num">{format::count(f64::from(size))}</td>
                {(0..ages)
                    .map(|age| view! { <td class="num">{cell(curve.get(age).and_then(|p| k.of_point(p)))}</td> })
                    .collect_view()}
            </tr>
        }
    };
    let caption = Signal::derive(move || {
        let mut text = format!(
            "{} by start month: the share of each start month's {} kept after 0, 1, 2 … months",
            kind.get().name(),
            match kind.get() {
                Kind::Logo => "customers",
                Kind::Revenue => "MRR",
            }
        );
        if cut.get() {
            text.push_str(&format!(
                " (the latest {MAX_SHOWN} start months and their first {MAX_SHOWN} months)"
            ));
        }
        text
    });
    view! {
        <section class="card measure-cohorts" aria-labelledby="measure-cohorts-title">
            <h2 id="measure-cohorts-title">"Cohorts"</h2>
            <Show
                when=move || table.with(Option::is_some)
                fallback=|| view! {
                    <p>"Cohorts need a subscription list: a monthly table does not say which customers stayed."</p>
                }
            >
                <fieldset class="measure-kind">
                    <legend>"Show"</legend>
                    {[Kind::Logo, Kind::Revenue]
                        .into_iter()
                        .map(|k| view! {
                            <label>
                                <input type="radio" name="measure-cohort-kind"
                                    prop:checked=move || kind.get() == k
                                    on:change=move |_| kind.set(k)/>
                                {format!(" {}", k.name().to_lowercase())}
                            </label>
                        })
                        .collect_view()}
                </fieldset>
                <DataTable
                    columns
                    caption=caption
                    caption_shown=true
                    class="measure-cohort-table"
                    testid="measure-cohorts"
                    scroll=Scroll::Region("Cohort table")
                    foot=ViewFn::from(foot)
                >
                    {body}
                </DataTable>
                <div class="chart-grid">
                    <ChartFigure chart=heat slug="measured-cohorts"/>
                    <ChartFigure chart=curve slug="measured-retention-curve"/>
                </div>
                <p class="field-help">
                    {formula::AVERAGE_CURVE}". "
                    <A href=Route::Methods.href_to(MethodId::MeasuredCohorts.slug())>
                        "How cohorts are computed"
                    </A>
                </p>
            </Show>
        </section>
    }
}
