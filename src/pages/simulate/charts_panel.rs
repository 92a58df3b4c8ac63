//! The simulator's charts: MRR by channel, the cumulative-cash J-curve, CAC
//! vs LTV per channel, active customers by channel, and the comparison's
//! overlaid lines. Each chart is a memo of plain chart data, drawn to SVG in
//! a second memo (so a theme change redraws without re-simulating), shown in
//! a `<figure>` with its text alternative and a download button.

use leptos::prelude::*;

use super::scenarios::Compared;
use crate::app::use_store;
use crate::charts::{
    Chart, ChartSpec, GroupedBarChart, LineChart, Mark, Palette, Series, StackedAreaChart, Unit,
};
use crate::components::notices::{Notice, NoticeLevel};
use crate::domain::sim::{Channel, MonthRow, Projection};
use crate::domain::state::Theme;
use crate::persist::files;

/// The chart palette for an app theme.
pub fn palette_for(theme: Theme) -> Palette {
    match theme {
        Theme::Light => Palette::light(),
        Theme::Dark => Palette::dark(),
        Theme::Projector => Palette::projector(),
    }
}

/// The channels switched on in a projection (all three when none is, so an
/// empty chart still has a legend).
fn shown_channels(p: &Projection) -> Vec<Channel> {
    let on: Vec<Channel> = Channel::ALL
        .into_iter()
        .filter(|ch| p.summary.channels.get(*ch).enabled)
        .collect();
    if on.is_empty() {
        Channel::ALL.to_vec()
    } else {
        on
    }
}

fn per_channel(p: &Projection, f: impl Fn(&MonthRow, Channel) -> f64) -> Vec<Series> {
    shown_channels(p)
        .into_iter()
        .map(|ch| Series::new(ch.label(), p.rows.iter().map(|r| f(r, ch)).collect()))
        .collect()
}

/// MRR by channel, stacked.
pub fn mrr_chart(p: &Projection) -> StackedAreaChart {
    StackedAreaChart {
        spec: ChartSpec::new(
            "MRR by channel",
            "Month",
            "MRR ($ per month)",
            Unit::Dollars,
        ),
        series: per_channel(p, |r, ch| r.mrr.get(ch)),
    }
}

/// Cumulative cash with its trough and the break-even month.
pub fn cash_chart(p: &Projection) -> LineChart {
    let values: Vec<f64> = p.rows.iter().map(|r| r.cumulative_cash).collect();
    let mut marks: Vec<Mark> = Mark::trough(0, &values, Unit::Dollars)
        .into_iter()
        .collect();
    if let Some(m) = p.summary.break_even_month {
        marks.push(Mark::break_even(0, m as usize));
    }
    LineChart {
        spec: ChartSpec::new(
            "Cumulative cash (J-curve)",
            "Month",
            "Cumulative cash ($)",
            Unit::Dollars,
        ),
        series: vec![Series::new("Cumulative cash", values)],
        marks,
    }
}

/// CAC and LTV per channel with customers, and blended.
pub fn cac_ltv_chart(p: &Projection) -> GroupedBarChart {
    let s = &p.summary;
    let mut categories = Vec::new();
    let mut cac = Vec::new();
    let mut ltv = Vec::new();
    for ch in Channel::ALL {
        let c = s.channels.get(ch);
        if let (true, Some(value)) = (c.enabled, c.cac) {
            categories.push(ch.label().to_string());
            cac.push(value);
            ltv.push(c.ltv.dollars());
        }
    }
    if let (Some(b_cac), Some(b_ltv)) = (s.blended_cac, s.blended_ltv) {
        categories.push("Blended".to_string());
        cac.push(b_cac);
        ltv.push(b_ltv.dollars());
    }
    GroupedBarChart {
        spec: ChartSpec::new(
            "CAC vs LTV by channel",
            "Channel",
            "Dollars per customer ($)",
            Unit::Dollars,
        ),
        categories,
        series: vec![Series::new("CAC", cac), Series::new("LTV", ltv)],
    }
}

/// Paying customers by channel.
pub fn customers_chart(p: &Projection) -> LineChart {
    LineChart {
        spec: ChartSpec::new(
            "Active customers by channel",
            "Month",
            "Paying customers",
            Unit::Count,
        ),
        series: per_channel(p, |r, ch| r.active_customers.get(ch)),
        marks: Vec::new(),
    }
}

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

/// One chart: the SVG, its text alternative as the caption, and a button to
/// download it.
#[component]
pub fn ChartFigure<C>(
    /// The chart data.
    chart: Memo<C>,
    /// Used for the file name and the test id (`chart-<slug>`).
    slug: &'static str,
) -> impl IntoView
where
    C: Chart + Clone + PartialEq + Send + Sync + 'static,
{
    let store = use_store();
    let palette = Memo::new(move |_| palette_for(store.theme.get()));
    let svg = Memo::new(move |_| palette.with(|p| chart.with(|c| c.svg(p))));
    let alt = Memo::new(move |_| chart.with(Chart::text_alternative));
    let title = Memo::new(move |_| chart.with(|c| c.spec().title.clone()));
    let download = move |_| {
        let name = format!("{slug}-{}.svg", files::today());
        let content = svg.get_untracked();
        if let Err(message) = files::download(&name, "image/svg+xml", &content) {
            store.notify(Notice::new("simulate-svg", NoticeLevel::Error, message));
        }
    };
    view! {
        <figure class="chart" data-testid=format!("chart-{slug}")>
            <div class="chart-svg" inner_html=move || svg.get()></div>
            <figcaption>
                <span class="chart-alt">{move || alt.get()}</span>
                <button type="button" class="chart-download no-print" on:click=download
                    aria-label=move || format!("Download SVG: {}", title.get())>
                    "Download SVG"
                </button>
            </figcaption>
        </figure>
    }
}

/// The four charts of the current projection.
#[component]
pub fn ProjectionCharts(projection: Memo<Projection>) -> impl IntoView {
    let mrr = Memo::new(move |_| projection.with(mrr_chart));
    let cash = Memo::new(move |_| projection.with(cash_chart));
    let cac_ltv = Memo::new(move |_| projection.with(cac_ltv_chart));
    let customers = Memo::new(move |_| projection.with(customers_chart));
    view! {
        <section class="sim-charts" aria-labelledby="sim-charts-heading">
            <h3 id="sim-charts-heading">"Charts"</h3>
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::motion::Motion;
    use crate::domain::sim::{preset, simulate};

    #[test]
    fn charts_show_only_the_switched_on_channels() {
        let p = simulate(&preset(Motion::ProductLed));
        let mrr = mrr_chart(&p);
        assert_eq!(mrr.series.len(), 1);
        assert_eq!(
            mrr.series.first().map(|s| s.values.len()),
            Some(p.rows.len())
        );
        let svg = mrr.svg(&Palette::light());
        assert!(svg.contains("MRR by channel"));
    }

    #[test]
    fn the_cash_chart_marks_the_trough_of_a_j_curve() {
        let p = simulate(&preset(Motion::SalesLed));
        let chart = cash_chart(&p);
        assert!(chart.marks.iter().any(|m| m.label.starts_with("Trough")));
    }
}
