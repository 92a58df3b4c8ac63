//! Stacked areas over months: MRR by channel.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axes::{self, Axes};
use super::format::{clean, describe, percent_of, said_name, said_title};
use super::legend::{header, series_legend, Swatch};
use super::{longest, Chart, ChartError, ChartSpec, Palette, Series};

/// Series stacked on each other month by month, first series at the bottom.
/// A value below zero, or not finite, counts as zero (a channel's MRR is
/// never negative); series shorter than the longest are zero after their end.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct StackedAreaChart {
    /// Title and axis labels.
    pub spec: ChartSpec,
    /// The layers, bottom first; `values[i]` is month `i + 1`.
    pub series: Vec<Series>,
}

impl StackedAreaChart {
    /// Number of months shown: the longest series.
    fn months(&self) -> usize {
        longest(&self.series)
    }

    /// Layer `index` at month `month` (0-based), cleaned: ≥ 0 and finite.
    fn layer_value(series: &Series, month: usize) -> f64 {
        series
            .values
            .get(month)
            .copied()
            .and_then(clean)
            .map_or(0.0, |v| v.max(0.0))
    }

    /// Stack tops per layer: `tops[layer][month]`, the sum of layers 0..=layer.
    fn tops(&self) -> Vec<Vec<f64>> {
        let n = self.months();
        let mut running = vec![0.0; n];
        self.series
            .iter()
            .map(|series| {
                for (month, sum) in running.iter_mut().enumerate() {
                    *sum = clean(*sum + Self::layer_value(series, month)).unwrap_or(0.0);
                }
                running.clone()
            })
            .collect()
    }
}

impl Chart for StackedAreaChart {
    fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        palette: &Palette,
    ) -> Result<(), ChartError> {
        let legend = series_legend(&self.series, palette, |color, _| Swatch::Block(color));
        let top = header(root, palette, &self.spec.title, &legend)?;
        let n = self.months();
        if n == 0 || self.series.is_empty() {
            return axes::no_data(root, palette, top);
        }

        let tops = self.tops();
        let totals = tops.last().cloned().unwrap_or_default();
        let y_format = axes::value_ticks(self.spec.value_unit);
        let y_span = axes::value_span(totals.iter().copied(), true, 0.05);
        let plot = Axes {
            x_grid: false,
            ..Axes::over_months(&self.spec, n, y_span, &y_format)
        };
        let chart = axes::build(root, palette, top, &plot)?;

        // A single month has no width to fill: draw it as a block ±0.3 month.
        let xs: Vec<f64> = if n == 1 {
            vec![0.7, 1.3]
        } else {
            (1..=n).map(|m| m as f64).collect()
        };
        let at = |layer: &[f64], i: usize| -> f64 {
            let month = if n == 1 { 0 } else { i };
            layer.get(month).copied().unwrap_or(0.0)
        };
        let zeros = vec![0.0; n];
        for (index, upper) in tops.iter().enumerate() {
            let lower = if index == 0 {
                &zeros
            } else {
                tops.get(index - 1).unwrap_or(&zeros)
            };
            let mut outline: Vec<(f64, f64)> = xs
                .iter()
                .enumerate()
                .map(|(i, x)| (*x, at(upper, i)))
                .collect();
            let edge = outline.clone();
            outline.extend(xs.iter().enumerate().rev().map(|(i, x)| (*x, at(lower, i))));
            let color = palette.series_color(index).plotters();
            chart
                .plotting_area()
                .draw(&Polygon::new(outline, color.mix(0.85).filled()))?;
            chart.plotting_area().draw(&PathElement::new(
                edge,
                color.stroke_width(palette.stroke()),
            ))?;
        }
        Ok(())
    }

    fn text_alternative(&self) -> String {
        let title = said_title(&self.spec);
        let n = self.months();
        if n == 0 || self.series.is_empty() {
            return format!("{title}: {}", axes::NO_DATA);
        }
        let unit = self.spec.value_unit;
        let tops = self.tops();
        let totals = tops.last().cloned().unwrap_or_default();
        let first = totals.first().copied().unwrap_or(0.0);
        let last = totals.last().copied().unwrap_or(0.0);
        let mut text = format!(
            "{title}, stacked area chart over {n} month{}: the total goes from {} in month 1 to {} in month {n}.",
            if n == 1 { "" } else { "s" },
            describe(first, unit),
            describe(last, unit),
        );
        if last > 0.0 {
            let mut shares: Vec<(String, f64)> = self
                .series
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    (
                        said_name(&s.name, i),
                        percent_of(Self::layer_value(s, n - 1), last),
                    )
                })
                .collect();
            shares.sort_by(|a, b| b.1.total_cmp(&a.1));
            let parts: Vec<String> = shares
                .iter()
                .map(|(name, pct)| format!("{name} {pct}%"))
                .collect();
            text.push_str(&format!(" Share in month {n}: {}.", parts.join(", ")));
        }
        text
    }
}
