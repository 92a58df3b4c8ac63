//! The uncertainty band of a Monte Carlo run: the P10–P90 range shaded,
//! the median (P50) as a line.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{self, Axes};
use super::format::{clean, describe, said_name, said_title};
use super::legend::{header, legend_name, LegendItem, Swatch};
use super::line::draw_line;
use super::marker::MarkerShape;
use super::{runs, Chart, ChartError, ChartSpec, Palette};

/// A shaded band from the 10th to the 90th percentile per month, with the
/// 50th percentile as a line. `values[i]` is month `i + 1`. Where P10 is above
/// P90 the two are swapped; a month whose P10 or P90 is not finite has no
/// band, one whose P50 is not finite has no line.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct BandChart {
    /// Title and axis labels.
    pub spec: ChartSpec,
    /// What the band describes, e.g. "MRR" (legend: "MRR P10–P90", "MRR P50").
    pub name: String,
    /// 10th percentile per month.
    pub p10: Vec<f64>,
    /// 50th percentile (median) per month.
    pub p50: Vec<f64>,
    /// 90th percentile per month.
    pub p90: Vec<f64>,
}

impl BandChart {
    fn months(&self) -> usize {
        self.p10.len().max(self.p50.len()).max(self.p90.len())
    }

    /// (low, high) of the band at 0-based `month`, if both ends are finite.
    fn band_at(&self, month: usize) -> Option<(f64, f64)> {
        let a = self.p10.get(month).copied().and_then(clean)?;
        let b = self.p90.get(month).copied().and_then(clean)?;
        Some((a.min(b), a.max(b)))
    }

    /// Runs of consecutive months that have a band: `(month, low, high)`.
    fn band_runs(&self) -> Vec<Vec<(f64, f64, f64)>> {
        runs((0..self.months()).map(|m| self.band_at(m).map(|(lo, hi)| ((m + 1) as f64, lo, hi))))
    }

    fn said_name(&self) -> String {
        said_name(&self.name, 0)
    }
}

impl Chart for BandChart {
    fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        palette: &Palette,
    ) -> Result<(), ChartError> {
        let name = legend_name(&self.name, 0);
        let color = palette.series_color(0);
        let legend = [
            LegendItem::new(
                format!("{name} P10–P90 (80% of runs)"),
                Swatch::Shade(color),
            ),
            LegendItem::new(
                format!("{name} P50 (median)"),
                Swatch::Line(color, MarkerShape::Circle),
            ),
        ];
        let top = header(root, palette, &self.spec.title, &legend)?;
        let n = self.months();
        let all: Vec<f64> = self
            .p10
            .iter()
            .chain(&self.p50)
            .chain(&self.p90)
            .copied()
            .filter_map(clean)
            .collect();
        if n == 0 || all.is_empty() {
            return axes::no_data(root, palette, top);
        }

        let y_format = axes::value_ticks(self.spec.value_unit);
        let y_span = axes::value_span(all, true, 0.06);
        let plot = Axes::over_months(&self.spec, n, y_span, &y_format);
        let chart = axes::build(root, palette, top, &plot)?;
        axes::zero_line(&chart, palette)?;

        let shade = color.plotters().mix(0.3).filled();
        for run in self.band_runs() {
            // A lone month has no width: give it ±0.3 month.
            let run = if run.len() == 1 {
                run.iter()
                    .flat_map(|&(x, lo, hi)| [(x - 0.3, lo, hi), (x + 0.3, lo, hi)])
                    .collect()
            } else {
                run
            };
            let mut outline: Vec<(f64, f64)> = run.iter().map(|&(x, _, hi)| (x, hi)).collect();
            outline.extend(run.iter().rev().map(|&(x, lo, _)| (x, lo)));
            chart.plotting_area().draw(&Polygon::new(outline, shade))?;
        }
        let step = n.div_ceil(12).max(1);
        draw_line(root, &chart, palette, &self.p50, 0, (step, 0))?;
        Ok(())
    }

    fn text_alternative(&self) -> String {
        let title = said_title(&self.spec);
        let n = self.months();
        let unit = self.spec.value_unit;
        let name = self.said_name();
        let last_band = (0..n)
            .rev()
            .find_map(|m| self.band_at(m).map(|b| (m + 1, b)));
        let last_median = (0..n)
            .rev()
            .find_map(|m| self.p50.get(m).copied().and_then(clean).map(|v| (m + 1, v)));
        let mut parts = Vec::new();
        if let Some((month, median)) = last_median {
            parts.push(format!(
                "in month {month} the median {name} is {}",
                describe(median, unit)
            ));
        }
        if let Some((month, (lo, hi))) = last_band {
            parts.push(format!(
                "in month {month}, 80% of runs fall between {} and {}",
                describe(lo, unit),
                describe(hi, unit)
            ));
        }
        if parts.is_empty() {
            return format!("{title}: {}", axes::NO_DATA);
        }
        format!(
            "{title}, band chart over {n} month{}: {}.",
            if n == 1 { "" } else { "s" },
            parts.join("; ")
        )
    }
}
