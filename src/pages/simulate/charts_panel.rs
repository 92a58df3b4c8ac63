//! The simulator's charts section: the four charts of the projection and
//! the comparison's overlaid lines. Each chart is a memo of plain chart
//! data, drawn to SVG by [`ChartFigure`] (so a theme change redraws without
//! re-simulating).

use leptos::prelude::*;

use super::scenarios::Compared;
use crate::charts::{ChartSpec, LineChart, Series, Unit};
use crate::components::chart_figure::ChartFigure;
use crate::components::projection_charts::{cac_ltv_chart, cash_chart, customers_chart, mrr_chart};
use crate::components::stale_note::StaleNote;
use crate::domain::sim::Projection;
use crate::state::stale::{use_stale, FieldGroup};

/// Cumulative cash of each compared scenario.
pub fn compare_cash_chart(c: &Compared) -> LineChart {
    LineChart {
        spec: ChartSpec::new(
            "Cumulative cash by scenario",
            "Month",
            "Cumulative cash ($)",
            Unit::Dollars,
        ),
        series: c
            .iter()
            .map(|(_, name, p)| {
                Series::new(
                    name.clone(),
                    p.rows.iter().map(|r| r.cumulative_cash).collect(),
                )
            })
            .collect(),
        marks: Vec::new(),
    }
}

/// Total MRR of each compared scenario.
pub fn compare_mrr_chart(c: &Compared) -> LineChart {
    LineChart {
        spec: ChartSpec::new(
            "MRR by scenario",
            "Month",
            "MRR ($ per month)",
            Unit::Dollars,
        ),
        series: c
            .iter()
            .map(|(_, name, p)| {
                Series::new(name.clone(), p.rows.iter().map(|r| r.mrr.total()).collect())
            })
            .collect(),
        marks: Vec::new(),
    }
}

/// The four charts of the current projection.
#[component]
pub fn ProjectionCharts(projection: Memo<Projection>) -> impl IntoView {
    let mrr = Memo::new(move |_| projection.with(mrr_chart));
    let cash = Memo::new(move |_| projection.with(cash_chart));
    let cac_ltv = Memo::new(move |_| projection.with(cac_ltv_chart));
    let customers = Memo::new(move |_| projection.with(customers_chart));
    let stale = use_stale();
    view! {
        <section class="sim-charts" aria-labelledby="sim-charts-heading"
            data-stale=move || stale.with(|s| !s.is_empty()).to_string()>
            <h3 id="sim-charts-heading">"Charts"</h3>
            <StaleNote group=FieldGroup::Scenario testid="charts-stale"/>
            <ChartFigure chart=mrr slug="mrr-by-channel"/>
            <ChartFigure chart=cash slug="cumulative-cash"/>
            <ChartFigure chart=cac_ltv slug="cac-vs-ltv"/>
            <ChartFigure chart=customers slug="active-customers"/>
        </section>
    }
}

/// The compared scenarios' cash and MRR, overlaid.
#[component]
pub fn ComparisonCharts(compared: Memo<Compared>) -> impl IntoView {
    let cash = Memo::new(move |_| compared.with(compare_cash_chart));
    let mrr = Memo::new(move |_| compared.with(compare_mrr_chart));
    view! {
        <div class="comparison-charts">
            <ChartFigure chart=cash slug="compare-cash"/>
            <ChartFigure chart=mrr slug="compare-mrr"/>
        </div>
    }
}
