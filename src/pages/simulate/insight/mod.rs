//! The insight tools under the simulator: a reality check of the inputs,
//! the tornado of which inputs move the result most, the Monte Carlo bands
//! of what could happen, and the goal seek of what it takes to hit a target.
//!
//! Each part takes the scenario's `inputs` (and, where it needs the result,
//! the `projection`) memo and reads its settings from `wb.insight`, so a
//! keystroke in the simulator re-runs only what depends on it.
//!
//! Sub-modules: [`reality`], [`tornado`], [`uncertainty`], [`goal`]. The
//! pure conversions from domain results to chart data live here, tested
//! natively.

mod goal;
mod reality;
mod tornado;
mod uncertainty;

use leptos::prelude::*;

use super::format::{money, number};
use crate::charts::{self, BandChart, ChartSpec, Unit};
use crate::components::stale_note::StaleNote;
use crate::domain::format;
use crate::domain::insight::{self, Bands, Output, Reading, Swing};
use crate::domain::sim::{FieldId, Projection, ScenarioInputs};
use crate::state::stale::FieldGroup;

use goal::GoalSeekPanel;
use reality::RealityCheck;
use tornado::TornadoPanel;
use uncertainty::UncertaintyPanel;

/// Most bars a tornado chart draws; the table under it lists every input.
pub const TORNADO_BARS: usize = 10;

/// A field's name as the insight tools show it: its channel, then its label
/// (which carries the unit), e.g. `Self-serve: Monthly churn (%)`.
pub fn field_name(id: FieldId) -> String {
    id.name()
}

/// A field's value with its unit: `$1,200/month`, `3.5%/month`, `9 months`
/// (dollars whole, other fractions with two decimals).
pub fn field_value(id: FieldId, value: f64) -> String {
    let spec = id.spec();
    let decimals = if spec.range.whole || spec.unit.is_money() || value.fract() == 0.0 {
        0
    } else {
        2
    };
    format::in_unit(value, spec.unit, decimals)
}

/// The chart unit of an output.
fn output_unit(output: Output) -> Unit {
    match output {
        Output::LtvCac => Unit::Ratio,
        Output::Payback => Unit::Months,
        Output::EndingArr => Unit::Dollars,
    }
}

/// An output reading in words: the number with its unit, and the note when
/// the drawn value is a stand-in or capped.
pub fn reading_text(output: Output, r: &Reading) -> String {
    let value = match r.exact {
        Some(v) => match output {
            Output::LtvCac => format!("{}×", number(v, 2)),
            Output::Payback => format!("{} months", number(v, 1)),
            Output::EndingArr => money(v),
        },
        None => "no value".to_string(),
    };
    match r.note {
        Some(note) if r.exact.is_some() => format!("{value} ({})", note.text()),
        Some(note) => note.text().to_string(),
        None => value,
    }
}

/// The tornado of one output as chart data: the [`TORNADO_BARS`] largest
/// swings, bars at the drawn (finite, capped) values.
pub fn tornado_chart(chart: &insight::TornadoChart, swing: Swing) -> charts::TornadoChart {
    let pct = number(swing.percent(), 0);
    charts::TornadoChart {
        spec: ChartSpec::new(
            format!("What moves {}", chart.output.label()),
            chart.output.label(),
            "Input",
            output_unit(chart.output),
        ),
        base: chart.base.shown,
        low_label: format!("Input −{pct}%"),
        high_label: format!("Input +{pct}%"),
        rows: chart
            .rows
            .iter()
            .take(TORNADO_BARS)
            .map(|r| charts::TornadoRow::new(field_name(r.field), r.at_low.shown, r.at_high.shown))
            .collect(),
    }
}

/// A Monte Carlo band as chart data.
pub fn band_chart(title: &str, name: &str, y_label: &str, bands: &Bands) -> BandChart {
    BandChart {
        spec: ChartSpec::new(title, "Month", y_label, Unit::Dollars),
        name: name.to_string(),
        p10: bands.p10.clone(),
        p50: bands.p50.clone(),
        p90: bands.p90.clone(),
    }
}

/// The insight section of the Simulate page.
#[component]
pub fn InsightPanel(inputs: Memo<ScenarioInputs>, projection: Memo<Projection>) -> impl IntoView {
    view! {
        <section class="sim-insight" aria-labelledby="insight-heading">
            <h2 id="insight-heading">"Test the plan"</h2>
            <p class="section-lede">
                "A projection is only as good as its inputs. Check them against what real companies show, "
                "see which ones the result hangs on, give the uncertain ones a range to see the spread of "
                "outcomes, and work out what an input would have to be to reach a target."
            </p>
            <StaleNote group=FieldGroup::Scenario testid="insight-stale"/>
            <RealityCheck inputs projection/>
            <TornadoPanel/>
            <UncertaintyPanel inputs projection/>
            <GoalSeekPanel inputs/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Chart;
    use crate::domain::insight::tornado;
    use crate::domain::motion::Motion;
    use crate::domain::sim::preset;

    #[test]
    fn field_names_say_the_channel_and_the_unit() {
        assert_eq!(field_name(FieldId::SlWinPct), "Sales-led: Win rate (%)");
        assert_eq!(
            field_name(FieldId::SsChurnPct),
            "Self-serve churn (%/month)"
        );
        assert_eq!(
            field_name(FieldId::HorizonMonths),
            FieldId::HorizonMonths.spec().label
        );
        assert_eq!(field_value(FieldId::SlWinPct, 22.5), "22.50%");
        assert_eq!(field_value(FieldId::SlAcv, 48_000.0), "$48,000/year");
    }

    #[test]
    fn the_tornado_chart_keeps_the_largest_swings_in_order() {
        let inputs = preset(Motion::HybridFreemiumEnterprise);
        let s = tornado(&inputs, Swing::DEFAULT);
        let Some(payback) = s.chart(Output::Payback) else {
            panic!("a payback tornado");
        };
        let chart = tornado_chart(payback, s.swing);
        assert!(chart.rows.len() <= TORNADO_BARS);
        assert!(!chart.rows.is_empty());
        let first = &payback.rows[0];
        assert_eq!(chart.rows[0].name, field_name(first.field));
        assert_eq!(chart.low_label, "Input −20%");
        assert!(chart.svg(&charts::Palette::light()).contains("What moves"));
    }

    #[test]
    fn readings_in_words_never_show_a_stand_in_as_a_number() {
        let never = Reading {
            shown: 120.0,
            exact: None,
            note: Some(insight::Note::NeverPaidBack),
        };
        assert_eq!(reading_text(Output::Payback, &never), "never paid back");
        let plain = Reading {
            shown: 14.26,
            exact: Some(14.26),
            note: None,
        };
        assert_eq!(reading_text(Output::Payback, &plain), "14.3 months");
    }
}
