//! The measured months as charts: MRR movements (new, expansion,
//! reactivation, contraction and churn each month, the waterfall billing
//! dashboards show) and customers over time. The chart data is built from
//! the stored series; the drawing is [`crate::charts`].

use leptos::prelude::*;
use leptos_router::components::A;

use crate::charts::{ChartSpec, DivergingBarChart, LineChart, Series, Unit};
use crate::components::chart_figure::ChartFigure;
use crate::domain::measure::{Measurement, MonthRow};
use crate::domain::methods::MethodId;
use crate::routes::Route;

/// The x-axis label of a chart over the measured months: months are
/// numbered from the first one shown.
pub fn month_axis(m: &Measurement, first: usize) -> String {
    match m.series.get(first) {
        Some(r) => format!("Month (1 = {})", r.month.label()),
        None => "Month".to_string(),
    }
}

/// The movements chart: each month's MRR parts, gains above zero and
/// losses below. A part the file does not give is left out.
pub fn movements_chart(m: &Measurement) -> DivergingBarChart {
    type Part = fn(&MonthRow) -> Option<f64>;
    let parts: [(&str, Part, f64); 5] = [
        ("New", |r| r.new_mrr, 1.0),
        ("Reactivated", |r| r.reactivation_mrr, 1.0),
        ("Expansion", |r| r.expansion_mrr, 1.0),
        ("Contraction", |r| r.contraction_mrr, -1.0),
        ("Churned", |r| r.churned_mrr, -1.0),
    ];
    let series = parts
        .into_iter()
        .filter(|(_, get, _)| m.series.iter().any(|r| get(r).is_some()))
        .map(|(name, get, sign)| {
            Series::new(
                name,
                m.series
                    .iter()
                    .map(|r| get(r).map_or(0.0, |v| sign * v))
                    .collect(),
            )
        })
        .collect();
    DivergingBarChart {
        spec: ChartSpec::new(
            "MRR movements by month",
            "Month",
            "Change in MRR (per month)",
            Unit::Dollars,
        ),
        categories: m.series.iter().map(|r| r.month.label()).collect(),
        series,
    }
}

/// Active customers at each month's end.
pub fn customers_chart(m: &Measurement) -> LineChart {
    LineChart {
        spec: ChartSpec::new(
            "Active customers at each month's end",
            month_axis(m, 0),
            "Paying customers",
            Unit::Count,
        ),
        series: vec![Series::new(
            "Active customers",
            m.series.iter().map(|r| f64::from(r.customers)).collect(),
        )],
        marks: Vec::new(),
    }
}

/// MRR at each month's end.
pub fn mrr_chart(m: &Measurement) -> LineChart {
    LineChart {
        spec: ChartSpec::new(
            "MRR at each month's end",
            month_axis(m, 0),
            "MRR (per month)",
            Unit::Dollars,
        ),
        series: vec![Series::new("MRR", m.series.iter().map(|r| r.mrr).collect())],
        marks: Vec::new(),
    }
}

/// The charts of the measured months.
#[component]
pub fn MeasuredCharts(
    /// The stored measurement.
    measurement: Memo<Option<Measurement>>,
) -> impl IntoView {
    let movements = Memo::new(move |_| {
        measurement.with(|m| m.as_ref().map(movements_chart).unwrap_or_default())
    });
    let customers = Memo::new(move |_| {
        measurement.with(|m| m.as_ref().map(customers_chart).unwrap_or_default())
    });
    let mrr =
        Memo::new(move |_| measurement.with(|m| m.as_ref().map(mrr_chart).unwrap_or_default()));
    let currency = Memo::new(move |_| {
        measurement.with(|m| {
            m.as_ref()
                .map(|m| m.source.currency.trim().to_uppercase())
                .filter(|c| !c.is_empty() && c != "USD")
        })
    });
    view! {
        <section class="card measure-charts" aria-labelledby="measure-charts-title">
            <h2 id="measure-charts-title">"Month by month"</h2>
            <Show when=move || currency.with(Option::is_some)>
                <p class="field-help">
                    {move || format!(
                        "Amounts are in {}; the charts write them with a $ sign.",
                        currency.get().unwrap_or_default()
                    )}
                </p>
            </Show>
            <div class="chart-grid">
                <ChartFigure chart=movements slug="measured-movements"/>
                <ChartFigure chart=mrr slug="measured-mrr"/>
                <ChartFigure chart=customers slug="measured-customers"/>
            </div>
            <p class="field-help">
                {crate::domain::measure::formula::MOVEMENTS}". "
                <A href=Route::Methods.href_to(MethodId::MeasuredMovements.slug())>
                    "How the movements are computed"
                </A>
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Chart;
    use crate::domain::measure::{import, inspect, Choices, ImportOptions, Outcome};

    fn table() -> Measurement {
        let csv =
            b"Month,MRR,Customers,New MRR,Churned MRR\n2024-01,100,1,100,0\n2024-02,150,2,80,30\n";
        let format = inspect(csv, 2)
            .map(|i| i.format)
            .unwrap_or_else(|e| panic!("{e}"));
        match import(
            "t.csv",
            csv.to_vec(),
            &format,
            ImportOptions::default(),
            &Choices::default(),
        ) {
            Outcome::Ready(i) => i.measurement,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn movements_leave_out_the_parts_a_table_does_not_give_and_put_losses_below_zero() {
        let chart = movements_chart(&table());
        let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["New", "Churned"]);
        assert_eq!(chart.series[1].values, vec![0.0, -30.0]);
        assert_eq!(chart.categories, ["Jan 2024", "Feb 2024"]);
        assert!(chart.text_alternative().contains("Churned"));
    }

    #[test]
    fn the_month_axis_names_the_first_month() {
        assert_eq!(month_axis(&table(), 0), "Month (1 = Jan 2024)");
    }
}
