//! Lines over months with markers: the cumulative-cash J-curve with its
//! trough, monthly break-even and return to zero marked, scenarios overlaid,
//! active customers.
//!
//! Mark labels never overlap: each is placed at the first of a few
//! candidate spots (beside its point on the side with more room, then
//! above or below, a line further each time) whose estimated box stays in
//! the plot and clear of the labels placed before it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{self, Axes, XyChart};
use super::format::{clean, describe, label, said_name, said_title};
use super::legend::{header, series_legend, Swatch};
use super::marker::{self, MarkerShape};
use super::text::{text_style, text_width};
use super::{longest, runs, Chart, ChartError, ChartSpec, Palette, Series, Unit, PAD};

/// How a [`Mark`] is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// A ring on the series' value at that month, with the label beside it
    /// (the cash trough).
    Point,
    /// A vertical rule at that month across the plot, with the label at its
    /// top (monthly break-even: a month's flow, so no point on the running
    /// total is marked).
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

    /// The monthly break-even as a [`MarkKind::MonthRule`] labelled
    /// `Monthly break-even: month 19`: the first month whose gross profit
    /// covers its spend (the model's definition; the month comes from it,
    /// not from the chart). Cumulative cash is usually still below zero
    /// then, which is why it is not drawn as a point on the curve.
    pub fn break_even(series: usize, month: usize) -> Mark {
        Mark {
            series,
            month,
            label: format!("Monthly break-even: month {month}"),
            kind: MarkKind::MonthRule,
        }
    }

    /// The month cumulative cash is back at zero (the cash payback) as a
    /// [`MarkKind::Point`] on the curve, labelled `Cash back to zero: month
    /// 31`; the month comes from the model.
    pub fn back_to_zero(series: usize, month: usize) -> Mark {
        Mark {
            series,
            month,
            label: format!("Cash back to zero: month {month}"),
            kind: MarkKind::Point,
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
        let mut placed: Vec<LabelBox> = Vec::new();
        for mark in &self.marks {
            self.draw_mark(root, &chart, palette, mark, &mut placed)?;
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

/// A label's estimated box on the drawing, px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LabelBox {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl LabelBox {
    /// The box of `text` at `px` size anchored at `(x, y)` as plotters
    /// anchors it (`h` left/right/centre of the text, `v` its top or bottom).
    pub(crate) fn of(text: &str, px: f64, h: HPos, v: VPos, (x, y): (i32, i32)) -> LabelBox {
        let w = text_width(text, px);
        let line = (px * 1.25).ceil() as i32;
        let (x0, x1) = match h {
            HPos::Left => (x, x + w),
            HPos::Right => (x - w, x),
            HPos::Center => (x - w / 2, x + w - w / 2),
        };
        let (y0, y1) = match v {
            VPos::Top => (y, y + line),
            VPos::Bottom => (y - line, y),
            VPos::Center => (y - line / 2, y + line - line / 2),
        };
        LabelBox { x0, y0, x1, y1 }
    }

    /// Whether the two boxes share any area (a 2 px gap counts as touching).
    pub(crate) fn overlaps(&self, other: &LabelBox) -> bool {
        const GAP: i32 = 2;
        self.x0 < other.x1 + GAP
            && other.x0 < self.x1 + GAP
            && self.y0 < other.y1 + GAP
            && other.y0 < self.y1 + GAP
    }

    /// Whether the box lies inside `bounds`.
    pub(crate) fn inside(&self, bounds: &LabelBox) -> bool {
        self.x0 >= bounds.x0 && self.x1 <= bounds.x1 && self.y0 >= bounds.y0 && self.y1 <= bounds.y1
    }
}

/// A spot a label may go: where plotters anchors it and how.
#[derive(Clone, Copy)]
pub(crate) struct Spot {
    pub at: (i32, i32),
    pub h: HPos,
    pub v: VPos,
}

/// The first of `spots` whose box for `text` is inside `bounds` and clear of
/// `placed`; else the first clear of `placed` (a label may run past the
/// bounds, never over another); else the first. `None` only for no spots.
pub(crate) fn place_label(
    text: &str,
    px: f64,
    spots: &[Spot],
    bounds: &LabelBox,
    placed: &[LabelBox],
) -> Option<(Spot, LabelBox)> {
    let boxed = |s: &Spot| (*s, LabelBox::of(text, px, s.h, s.v, s.at));
    let all: Vec<(Spot, LabelBox)> = spots.iter().map(boxed).collect();
    all.iter()
        .find(|(_, b)| b.inside(bounds) && !placed.iter().any(|p| p.overlaps(b)))
        .or_else(|| {
            all.iter()
                .find(|(_, b)| !placed.iter().any(|p| p.overlaps(b)))
        })
        .or_else(|| all.first())
        .copied()
}

impl LineChart {
    fn draw_mark<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        chart: &XyChart<'_, DB>,
        palette: &Palette,
        mark: &Mark,
        placed: &mut Vec<LabelBox>,
    ) -> Result<(), ChartError> {
        let x_range = chart.x_range();
        let x = mark.month as f64;
        if mark.month == 0 || x < x_range.start - 1e-9 || x > x_range.end + 1e-9 {
            return Ok(());
        }
        let font = palette.font();
        let line = (font * 1.3).ceil() as i32;
        let accent = palette.accent;
        let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
        // Labels stay between the plot's top and bottom, and may run over
        // the axis labels sideways on a narrow chart.
        let width = i32::try_from(root.dim_in_pixel().0).unwrap_or(i32::MAX);
        let bounds = LabelBox {
            x0: PAD,
            y0: plot_y.start,
            x1: width - PAD,
            y1: plot_y.end,
        };
        let ring = marker::marker_radius(palette) + 4;
        let ring_style = accent.plotters().stroke_width(3);
        let text = label(&mark.label, 48, "");
        let value = self.value_at(mark.series, mark.month);
        let (px, _) = chart.backend_coord(&(x, 0.0));
        // Labels go first on the side with more room.
        let right_half = px > (plot_x.start + plot_x.end) / 2;
        let (near, far) = if right_half {
            (HPos::Right, HPos::Left)
        } else {
            (HPos::Left, HPos::Right)
        };
        let side = |h: HPos, gap: i32| if matches!(h, HPos::Right) { -gap } else { gap };
        let spots: Vec<Spot> = match mark.kind {
            MarkKind::Point => {
                let Some(value) = value else {
                    return Ok(());
                };
                let (px, py) = chart.backend_coord(&(x, value));
                root.draw(&Circle::new((px, py), ring, ring_style))?;
                // Below the point, then above, then further away; the near
                // side first, then the other.
                let mut spots = Vec::new();
                for step in 0..4 {
                    for h in [near, far] {
                        let dx = side(h, ring + 4);
                        spots.push(Spot {
                            at: (px + dx, py + ring + step * line),
                            h,
                            v: VPos::Top,
                        });
                        spots.push(Spot {
                            at: (px + dx, py - ring - step * line),
                            h,
                            v: VPos::Bottom,
                        });
                    }
                }
                spots
            }
            MarkKind::MonthRule => {
                root.draw(&PathElement::new(
                    vec![(px, plot_y.start), (px, plot_y.end)],
                    accent.plotters().stroke_width(2),
                ))?;
                // At the top of the rule, a line lower each time; the near
                // side first.
                (0..6)
                    .flat_map(|step| {
                        [near, far].map(|h| Spot {
                            at: (px + side(h, 6), plot_y.start + 4 + step * line),
                            h,
                            v: VPos::Top,
                        })
                    })
                    .collect()
            }
        };
        let Some((spot, boxed)) = place_label(&text, font, &spots, &bounds, placed) else {
            return Ok(());
        };
        // A backing in the chart's background keeps the label readable
        // where it crosses a line or the grid.
        root.draw(&Rectangle::new(
            [(boxed.x0 - 2, boxed.y0), (boxed.x1 + 2, boxed.y1)],
            palette.background.plotters().mix(0.85).filled(),
        ))?;
        root.draw_text(&text, &text_style(font, accent, spot.h, spot.v), spot.at)?;
        placed.push(boxed);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::Palette;

    /// The three cash marks close together: the trough in month 8, the
    /// monthly break-even in month 9 and the return to zero in month 12,
    /// the last, where zero is the top of the plot (where the break-even
    /// label starts too).
    fn crowded() -> LineChart {
        let values: Vec<f64> = (1..=12)
            .map(|m| {
                let m = f64::from(m);
                -20_000.0 * m.min(8.0) + 40_000.0 * (m - 8.0).max(0.0)
            })
            .collect();
        let mut marks: Vec<Mark> = Mark::trough(0, &values, Unit::Dollars)
            .into_iter()
            .collect();
        marks.push(Mark::break_even(0, 9));
        marks.push(Mark::back_to_zero(0, 12));
        LineChart {
            spec: ChartSpec::new("Cumulative cash", "Month", "Cash ($)", Unit::Dollars),
            series: vec![Series::new("Cash", values)],
            marks,
        }
    }

    /// The boxes of the drawn texts that start with one of `starts`, read
    /// back from the SVG (position, anchor, size) and estimated as the
    /// placement estimates them.
    fn drawn_boxes(svg: &str, starts: &[&str]) -> Vec<(String, LabelBox)> {
        let attr = |chunk: &str, name: &str| -> Option<String> {
            let key = format!(" {name}=\"");
            let from = chunk.find(&key)? + key.len();
            Some(chunk.get(from..)?.split('"').next()?.to_string())
        };
        svg.split("<text")
            .skip(1)
            .filter_map(|chunk| {
                let open = chunk.find('>')?;
                let text = chunk
                    .get(open + 1..chunk.find("</text>")?)?
                    .trim()
                    .to_string();
                if !starts.iter().any(|s| text.starts_with(s)) {
                    return None;
                }
                let x: i32 = attr(chunk, "x")?.parse().ok()?;
                let y: i32 = attr(chunk, "y")?.parse().ok()?;
                let px: f64 = attr(chunk, "font-size")?.parse().ok()?;
                let h = match attr(chunk, "text-anchor")?.as_str() {
                    "end" => HPos::Right,
                    "middle" => HPos::Center,
                    _ => HPos::Left,
                };
                let v = if attr(chunk, "dy")?.starts_with('-') {
                    VPos::Bottom
                } else {
                    VPos::Top
                };
                Some((text.clone(), LabelBox::of(&text, px, h, v, (x, y))))
            })
            .collect()
    }

    #[test]
    fn mark_labels_never_overlap_at_any_width_or_theme() {
        let chart = crowded();
        for palette in [Palette::light(), Palette::projector()] {
            for width in [280, 344, 480, 720] {
                let svg = chart.svg_at(&palette, width);
                let boxes =
                    drawn_boxes(&svg, &["Trough", "Monthly break-even", "Cash back to zero"]);
                assert_eq!(boxes.len(), 3, "at {width}: {boxes:?}");
                for (i, (a, ba)) in boxes.iter().enumerate() {
                    for (b, bb) in boxes.iter().skip(i + 1) {
                        assert!(
                            !ba.overlaps(bb),
                            "at {width}: “{a}” {ba:?} overlaps “{b}” {bb:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_label_goes_to_the_first_free_spot_inside_the_plot() {
        let bounds = LabelBox {
            x0: 0,
            y0: 0,
            x1: 300,
            y1: 200,
        };
        let taken = [LabelBox::of("Label", 14.0, HPos::Left, VPos::Top, (10, 10))];
        let spots = [
            Spot {
                at: (10, 10),
                h: HPos::Left,
                v: VPos::Top,
            },
            Spot {
                at: (290, 10),
                h: HPos::Left,
                v: VPos::Top,
            },
            Spot {
                at: (10, 60),
                h: HPos::Left,
                v: VPos::Top,
            },
        ];
        let (spot, b) = place_label("Label", 14.0, &spots, &bounds, &taken).expect("spots");
        // The first is taken, the second runs out of the plot: the third.
        assert_eq!(spot.at, (10, 60));
        assert!(b.inside(&bounds) && !b.overlaps(&taken[0]));
        assert!(place_label("Label", 14.0, &[], &bounds, &taken).is_none());
    }
}
