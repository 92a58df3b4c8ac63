//! Lines over months with markers: the cumulative-cash J-curve with its
//! trough and break-even marked, scenarios overlaid, active customers.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{self, Axes, XyChart};
use super::format::{clean, describe, label, said_name, said_title};
use super::legend::{header, series_legend, Swatch};
use super::marker::{self, MarkerShape};
use super::text::text_style;
use super::{longest, runs, Chart, ChartError, ChartSpec, Palette, Series, Unit};

/// How a [`Mark`] is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A ring on the series' value at that month, with the label beside it
    /// (the cash trough).
    Point,
    /// A vertical rule at that month across the plot, with the label at its
    /// top, and a ring where the series crosses it (break-even).
    MonthRule,
}

/// A labelled point of interest on one series of a [`LineChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index into [`LineChart::series`].
    pub series: usize,
    /// Month, 1-based. A month outside the chart is not drawn.
    pub month: usize,
    /// Text shown beside the mark (user text is escaped).
    pub label: String,
    /// Point or rule.
    pub kind: MarkKind,
}

impl Mark {
    /// The lowest point of `values` as a [`MarkKind::Point`] labelled e.g.
    /// `Trough: −$120k in month 8`, or `None` when no value is below zero
    /// (no trough to speak of) or none is finite.
    pub fn trough(series: usize, values: &[f64], unit: Unit) -> Option<Mark> {
        let (month, value) = trough(values)?;
        Some(Mark {
            series,
            month,
            label: format!("Trough: {} in month {month}", describe(value, unit)),
            kind: MarkKind::Point,
        })
    }

    /// The break-even month as a [`MarkKind::MonthRule`] labelled
    /// `Break-even: month 19`. The month comes from the model (its definition
    /// of break-even), not from the chart.
    pub fn break_even(series: usize, month: usize) -> Mark {
        Mark {
            series,
            month,
            label: format!("Break-even: month {month}"),
            kind: MarkKind::MonthRule,
        }
    }
}

/// The lowest finite value of `values` and its month (1-based; the first if
/// tied), if it is below zero.
pub fn trough(values: &[f64]) -> Option<(usize, f64)> {
    let mut lowest: Option<(usize, f64)> = None;
    for (i, v) in values.iter().enumerate() {
        if let Some(v) = clean(*v) {
            if lowest.is_none_or(|(_, low)| v < low) {
                lowest = Some((i + 1, v));
            }
        }
    }
    lowest.filter(|(_, v)| *v < 0.0)
}

/// One or more lines over months, each with its colour and marker shape (no
/// dashes), and optional labelled [`Mark`]s. Non-finite values leave a gap.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LineChart {
    /// Title and axis labels.
    pub spec: ChartSpec,
    /// The lines; `values[i]` is month `i + 1`.
    pub series: Vec<Series>,
    /// Points of interest, e.g. [`Mark::trough`] and [`Mark::break_even`].
    pub marks: Vec<Mark>,
}

impl LineChart {
    fn months(&self) -> usize {
        longest(&self.series)
    }

    /// Value of `series` at 1-based `month`, if finite.
    fn value_at(&self, series: usize, month: usize) -> Option<f64> {
        let s = self.series.get(series)?;
        s.values.get(month.checked_sub(1)?).copied().and_then(clean)
    }
}

/// Runs of consecutive finite values: `(month, value)` with months 1-based.
pub(crate) fn value_runs(values: &[f64]) -> Vec<Vec<(f64, f64)>> {
    runs(
        values
            .iter()
            .enumerate()
            .map(|(i, v)| clean(*v).map(|v| ((i + 1) as f64, v))),
    )
}

/// Draws `values` as a line with markers every `step` months from `offset`
/// (every point if there are few), and isolated points as markers.
pub(crate) fn draw_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &XyChart<'_, DB>,
    palette: &Palette,
    values: &[f64],
    index: usize,
    marker_every: (usize, usize),
) -> Result<(), ChartError> {
    let color = palette.series_color(index);
    let shape = MarkerShape::of(index);
    let r = marker::marker_radius(palette);
    let (step, offset) = marker_every;
    for run in value_runs(values) {
        chart.plotting_area().draw(&PathElement::new(
            run.clone(),
            color.plotters().stroke_width(palette.stroke()),
        ))?;
        for point in &run {
            let month = point.0 as usize;
            let isolated = run.len() == 1;
            if isolated || month % step.max(1) == offset % step.max(1) {
                marker::draw_marker(root, shape, chart.backend_coord(point), r, color)?;
            }
        }
    }
    Ok(())
}

impl Chart for LineChart {
    fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        palette: &Palette,
    ) -> Result<(), ChartError> {
        let legend = series_legend(&self.series, palette, |color, i| {
            Swatch::Line(color, MarkerShape::of(i))
        });
        let top = header(root, palette, &self.spec.title, &legend)?;
        let n = self.months();
        let has_values = self
            .series
            .iter()
            .any(|s| s.values.iter().any(|v| v.is_finite()));
        if n == 0 || !has_values {
            return axes::no_data(root, palette, top);
        }

        let all = self.series.iter().flat_map(|s| s.values.iter().copied());
        // Marks need room for their labels above and below the lines.
        let pad = if self.marks.is_empty() { 0.06 } else { 0.14 };
        let y_format = axes::value_ticks(self.spec.value_unit);
        let y_span = axes::value_span(all, true, pad);
        let plot = Axes::over_months(&self.spec, n, y_span, &y_format);
        let chart = axes::build(root, palette, top, &plot)?;
        axes::zero_line(&chart, palette)?;

        // About a dozen markers per line, staggered so overlaid lines' markers
        // do not sit on each other.
        let step = n.div_ceil(12).max(1);
        let count = self.series.len().max(1);
        for (index, series) in self.series.iter().enumerate() {
            let offset = (index * step / count) % step;
            draw_line(root, &chart, palette, &series.values, index, (step, offset))?;
        }
        for mark in &self.marks {
            self.draw_mark(root, &chart, palette, mark)?;
        }
        Ok(())
    }

    fn text_alternative(&self) -> String {
        let title = said_title(&self.spec);
        let n = self.months();
        let unit = self.spec.value_unit;
        let mut sentences = Vec::new();
        for (index, series) in self.series.iter().enumerate() {
            let name = said_name(&series.name, index);
            let points: Vec<(usize, f64)> = series
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| clean(*v).map(|v| (i + 1, v)))
                .collect();
            let (Some(first), Some(last)) = (points.first(), points.last()) else {
                sentences.push(format!("{name}: no values."));
                continue;
            };
            let low = points
                .iter()
                .copied()
                .fold(*first, |a, b| if b.1 < a.1 { b } else { a });
            let high = points
                .iter()
                .copied()
                .fold(*first, |a, b| if b.1 > a.1 { b } else { a });
            let mut sentence = format!(
                "{name} goes from {} in month {} to {} in month {}",
                describe(first.1, unit),
                first.0,
                describe(last.1, unit),
                last.0,
            );
            // Extremes only when they are not the ends already said.
            let is_end = |p: (usize, f64)| p.0 == first.0 || p.0 == last.0;
            if !is_end(low) {
                sentence.push_str(&format!(
                    ", lowest {} in month {}",
                    describe(low.1, unit),
                    low.0
                ));
            }
            if !is_end(high) {
                sentence.push_str(&format!(
                    ", highest {} in month {}",
                    describe(high.1, unit),
                    high.0
                ));
            }
            sentence.push('.');
            sentences.push(sentence);
        }
        if n == 0 || sentences.is_empty() {
            return format!("{title}: {}", axes::NO_DATA);
        }
        let mut text = format!(
            "{title}, line chart over {n} month{}. {}",
            if n == 1 { "" } else { "s" },
            sentences.join(" ")
        );
        let marks: Vec<String> = self
            .marks
            .iter()
            .map(|m| label(&m.label, 120, ""))
            .filter(|l| !l.is_empty())
            .collect();
        if !marks.is_empty() {
            text.push_str(&format!(" Marked: {}.", marks.join("; ")));
        }
        text
    }
}

impl LineChart {
    fn draw_mark<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        chart: &XyChart<'_, DB>,
        palette: &Palette,
        mark: &Mark,
    ) -> Result<(), ChartError> {
        let x_range = chart.x_range();
        let x = mark.month as f64;
        if mark.month == 0 || x < x_range.start - 1e-9 || x > x_range.end + 1e-9 {
            return Ok(());
        }
        let font = palette.font();
        let accent = palette.accent;
        let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
        let ring = marker::marker_radius(palette) + 4;
        let ring_style = accent.plotters().stroke_width(3);
        let text = label(&mark.label, 48, "");
        let value = self.value_at(mark.series, mark.month);
        let (px, _) = chart.backend_coord(&(x, 0.0));
        // Labels go on the side with more room.
        let right_half = px > (plot_x.start + plot_x.end) / 2;
        let (h, dx) = if right_half {
            (HPos::Right, -(ring + 4))
        } else {
            (HPos::Left, ring + 4)
        };
        match mark.kind {
            MarkKind::Point => {
                let Some(value) = value else {
                    return Ok(());
                };
                let (px, py) = chart.backend_coord(&(x, value));
                root.draw(&Circle::new((px, py), ring, ring_style))?;
                // Below the point for a low (trough), above it otherwise.
                let below = py < plot_y.end - (font * 1.6) as i32;
                let (v, dy) = if below {
                    (VPos::Top, ring)
                } else {
                    (VPos::Bottom, -ring)
                };
                root.draw_text(&text, &text_style(font, accent, h, v), (px + dx, py + dy))?;
            }
            MarkKind::MonthRule => {
                root.draw(&PathElement::new(
                    vec![(px, plot_y.start), (px, plot_y.end)],
                    accent.plotters().stroke_width(2),
                ))?;
                if let Some(value) = value {
                    root.draw(&Circle::new(
                        chart.backend_coord(&(x, value)),
                        ring,
                        ring_style,
                    ))?;
                }
                root.draw_text(
                    &text,
                    &text_style(font, accent, h, VPos::Top),
                    (px + dx / 2, plot_y.start + 4),
                )?;
            }
        }
        Ok(())
    }
}
