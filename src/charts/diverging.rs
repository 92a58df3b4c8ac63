//! Bars that grow up and down from zero, stacked per category: MRR
//! movements month by month (new, expansion and reactivation above zero;
//! contraction and churn below), with the net change of each month marked.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{self, Axes};
use super::format::{clean, describe, label, said_name, said_title};
use super::legend::{header, series_legend, LegendItem, Swatch};
use super::text::{text_style, text_width};
use super::{Chart, ChartError, ChartSpec, Palette, Series};

/// Stacked bars around zero: `series[j].values[i]` is the part of series `j`
/// in category `i`; positive parts stack upwards from zero in series order,
/// negative parts downwards. Non-finite values count as zero. A short dash
/// marks each category's net (the sum of its parts).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DivergingBarChart {
    /// Title and axis labels (x: the categories, e.g. "Month").
    pub spec: ChartSpec,
    /// Category names, left to right (e.g. `Nov 2024`); at most about a
    /// dozen are written under the axis, evenly spaced.
    pub categories: Vec<String>,
    /// The parts, drawn in series order.
    pub series: Vec<Series>,
}

/// Share of a category's width its bar fills.
const BAR_FILL: f64 = 0.72;

/// Most category names written under the axis.
const MAX_NAMES: usize = 12;

impl DivergingBarChart {
    fn count(&self) -> usize {
        self.categories.len().max(
            self.series
                .iter()
                .map(|s| s.values.len())
                .max()
                .unwrap_or(0),
        )
    }

    fn value(&self, series: usize, category: usize) -> f64 {
        self.series
            .get(series)
            .and_then(|s| s.values.get(category))
            .copied()
            .and_then(clean)
            .unwrap_or(0.0)
    }

    /// The (top, bottom) of category `i`'s stack and its net.
    fn extent(&self, i: usize) -> (f64, f64, f64) {
        let (mut up, mut down) = (0.0, 0.0);
        for j in 0..self.series.len() {
            let v = self.value(j, i);
            if v > 0.0 {
                up += v;
            } else {
                down += v;
            }
        }
        (up, down, up + down)
    }

    fn name(&self, i: usize) -> String {
        label(
            self.categories.get(i).map_or("", String::as_str),
            40,
            &format!("{}", i + 1),
        )
    }
}

impl Chart for DivergingBarChart {
    fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        palette: &Palette,
    ) -> Result<(), ChartError> {
        let mut legend = series_legend(&self.series, palette, |color, _| Swatch::Block(color));
        legend.push(LegendItem::new("Net change", Swatch::Rule(palette.text)));
        let top = header(root, palette, &self.spec.title, &legend)?;
        let n = self.count();
        let any = (0..n).any(|i| {
            let (up, down, _) = self.extent(i);
            up != 0.0 || down != 0.0
        });
        if n == 0 || self.series.is_empty() || !any {
            return axes::no_data(root, palette, top);
        }
        let extents: Vec<(f64, f64, f64)> = (0..n).map(|i| self.extent(i)).collect();
        let y_format = axes::value_ticks(self.spec.value_unit);
        let y_span = axes::value_span(extents.iter().flat_map(|(u, d, _)| [*u, *d]), true, 0.06);
        let plot = Axes {
            x_ticks: 0,
            x_grid: false,
            ..Axes::new(
                &self.spec,
                ((0.0, n as f64), y_span),
                &axes::no_ticks,
                &y_format,
            )
        };
        let chart = axes::build(root, palette, top, &plot)?;
        axes::zero_line(&chart, palette)?;

        let font = palette.font();
        let (_, plot_y) = chart.plotting_area().get_pixel_range();
        // Every `every`-th name is written: as many as fit side by side,
        // at most MAX_NAMES.
        let (ax, _) = chart.backend_coord(&(0.0, 0.0));
        let (bx, _) = chart.backend_coord(&(1.0, 0.0));
        let per = f64::from((bx - ax).max(1));
        let widest = (0..n)
            .map(|i| text_width(&self.name(i), font))
            .max()
            .unwrap_or(0);
        let fitting = (f64::from(widest + 12) / per).ceil() as usize;
        let every = n.div_ceil(MAX_NAMES).max(fitting).max(1);
        let right_edge = i32::try_from(root.dim_in_pixel().0).unwrap_or(i32::MAX) - 2;
        for (i, (_, _, net)) in extents.iter().enumerate() {
            let x0 = i as f64 + (1.0 - BAR_FILL) / 2.0;
            let x1 = x0 + BAR_FILL;
            let (mut up, mut down) = (0.0, 0.0);
            for j in 0..self.series.len() {
                let v = self.value(j, i);
                if v == 0.0 {
                    continue;
                }
                let (from, to) = if v > 0.0 {
                    let from = up;
                    up += v;
                    (from, up)
                } else {
                    let from = down;
                    down += v;
                    (from, down)
                };
                let color = palette.series_color(j).plotters();
                chart
                    .plotting_area()
                    .draw(&Rectangle::new([(x0, from), (x1, to)], color.filled()))?;
            }
            chart.plotting_area().draw(&PathElement::new(
                vec![(x0 - 0.1, *net), (x1 + 0.1, *net)],
                palette.text.plotters().stroke_width(2),
            ))?;
            if i % every == 0 {
                let name = self.name(i);
                let (cx, _) = chart.backend_coord(&(i as f64 + 0.5, 0.0));
                // A name that would run off the drawing's right edge is left out.
                if cx + text_width(&name, font) / 2 <= right_edge {
                    root.draw_text(
                        &name,
                        &text_style(font, palette.text, HPos::Center, VPos::Top),
                        (cx, plot_y.end + 8),
                    )?;
                }
            }
        }
        Ok(())
    }

    fn text_alternative(&self) -> String {
        let title = said_title(&self.spec);
        let n = self.count();
        if n == 0 || self.series.is_empty() {
            return format!("{title}: {}", axes::NO_DATA);
        }
        let unit = self.spec.value_unit;
        let totals: Vec<String> = self
            .series
            .iter()
            .enumerate()
            .map(|(j, s)| {
                let total: f64 = (0..n).map(|i| self.value(j, i)).sum();
                format!("{} {}", said_name(&s.name, j), describe(total, unit))
            })
            .collect();
        let nets: Vec<(usize, f64)> = (0..n).map(|i| (i, self.extent(i).2)).collect();
        let best = nets
            .iter()
            .copied()
            .fold(nets[0], |a, b| if b.1 > a.1 { b } else { a });
        let worst = nets
            .iter()
            .copied()
            .fold(nets[0], |a, b| if b.1 < a.1 { b } else { a });
        let (first, last) = (self.name(0), self.name(n - 1));
        format!(
            "{title}, bars above and below zero for {n} {} from {first} to {last}. \
             Totals over the whole span: {}. The largest net change is {} in {}, the smallest {} in {}.",
            if n == 1 { "bar" } else { "bars" },
            totals.join(", "),
            describe(best.1, unit),
            self.name(best.0),
            describe(worst.1, unit),
            self.name(worst.0),
        )
    }
}
