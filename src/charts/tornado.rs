//! The tornado chart of a sensitivity analysis: for each input, the outcome
//! when the input is moved down and up, as bars around the base outcome,
//! largest swing on top.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{self, Axes};
use super::format::{clean, describe, format_compact, label, said_title};
use super::legend::{header, LegendItem, Swatch};
use super::text::{fit, text_style, text_width};
use super::{Chart, ChartError, ChartSpec, Palette};

/// One input of a [`TornadoChart`]: the outcome with the input lowered and
/// with it raised (either may be the larger).
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    /// Name of the input, e.g. "Monthly churn" (user text is escaped).
    pub name: String,
    /// Outcome with the input lowered, in the chart's value unit.
    pub low: f64,
    /// Outcome with the input raised, in the chart's value unit.
    pub high: f64,
}

impl TornadoRow {
    /// A row from its parts.
    pub fn new(name: impl Into<String>, low: f64, high: f64) -> Self {
        TornadoRow {
            name: name.into(),
            low,
            high,
        }
    }
}

/// Bars from the base outcome to each row's low and high outcomes; rows are
/// drawn sorted by swing |high − low|, largest first (ties keep their order).
/// The value axis is horizontal: `spec.x_label` names the outcome,
/// `spec.y_label` the inputs. Non-finite outcomes count as the base (no bar).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TornadoChart {
    /// Title and axis labels; `value_unit` is the outcome's unit.
    pub spec: ChartSpec,
    /// The outcome with every input at its base value.
    pub base: f64,
    /// Legend name of the low bars, e.g. "Input −20%".
    pub low_label: String,
    /// Legend name of the high bars, e.g. "Input +20 %".
    pub high_label: String,
    /// One row per input, in any order.
    pub rows: Vec<TornadoRow>,
}

/// A row with cleaned numbers.
struct Cleaned {
    name: String,
    low: f64,
    high: f64,
}

impl TornadoChart {
    fn base_value(&self) -> f64 {
        clean(self.base).unwrap_or(0.0)
    }

    /// Rows with cleaned values, sorted by swing, largest first.
    fn sorted(&self) -> Vec<Cleaned> {
        let base = self.base_value();
        let mut rows: Vec<Cleaned> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| Cleaned {
                name: label(&r.name, 120, &format!("Input {}", i + 1)),
                low: clean(r.low).unwrap_or(base),
                high: clean(r.high).unwrap_or(base),
            })
            .collect();
        rows.sort_by(|a, b| (b.high - b.low).abs().total_cmp(&(a.high - a.low).abs()));
        rows
    }

    fn low_name(&self) -> String {
        label(&self.low_label, 60, "Input lowered")
    }

    fn high_name(&self) -> String {
        label(&self.high_label, 60, "Input raised")
    }
}

/// Widest row name drawn, as a share of the drawing's width.
const MAX_ROW_NAME_SHARE: f64 = 0.3;

impl Chart for TornadoChart {
    fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        palette: &Palette,
    ) -> Result<(), ChartError> {
        let unit = self.spec.value_unit;
        let base = self.base_value();
        let legend = [
            LegendItem::new(self.low_name(), Swatch::Block(palette.series_color(0))),
            LegendItem::new(self.high_name(), Swatch::Block(palette.series_color(1))),
            LegendItem::new(
                format!("Base: {}", format_compact(base, unit)),
                Swatch::Rule(palette.accent),
            ),
        ];
        let top = header(root, palette, &self.spec.title, &legend)?;
        let rows = self.sorted();
        if rows.is_empty() {
            return axes::no_data(root, palette, top);
        }

        let font = palette.font();
        let (width, _) = root.dim_in_pixel();
        let names_max = (f64::from(width) * MAX_ROW_NAME_SHARE) as i32;
        let names: Vec<String> = rows.iter().map(|r| fit(&r.name, names_max, font)).collect();
        let names_w = names.iter().map(|n| text_width(n, font)).max().unwrap_or(0);
        let count = rows.len();
        let values = rows
            .iter()
            .flat_map(|r| [r.low, r.high])
            .chain(std::iter::once(base));
        let x_format = axes::value_ticks(unit);
        // Room either side for the value labels at the bar ends.
        let x_span = axes::value_span(values, false, 0.18);
        let plot = Axes {
            y_ticks: 0,
            y_label_width: Some(names_w),
            ..Axes::new(
                &self.spec,
                (x_span, (0.0, count as f64)),
                &x_format,
                &axes::no_ticks,
            )
        };
        let chart = axes::build(root, palette, top, &plot)?;
        let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
        // Bars thinner than a line of text leave the labels nowhere to go.
        let row_px = f64::from(plot_y.end - plot_y.start) / count as f64;
        let show_values = row_px >= font * 1.1;
        let value_style = |h| text_style(font, palette.text, h, VPos::Center);

        for (i, (row, name)) in rows.iter().zip(&names).enumerate() {
            let centre = count as f64 - i as f64 - 0.5;
            let (y0, y1) = (centre - 0.32, centre + 0.32);
            let (_, py) = chart.backend_coord(&(base, centre));
            root.draw_text(
                name,
                &text_style(font, palette.text, HPos::Right, VPos::Center),
                (plot_x.start - 8, py),
            )?;
            for (value, color) in [
                (row.low, palette.series_color(0)),
                (row.high, palette.series_color(1)),
            ] {
                chart.plotting_area().draw(&Rectangle::new(
                    [(base, y0), (value, y1)],
                    color.plotters().filled(),
                ))?;
                if show_values && value != base {
                    let (px, _) = chart.backend_coord(&(value, centre));
                    let (h, dx) = if value < base {
                        (HPos::Right, -4)
                    } else {
                        (HPos::Left, 4)
                    };
                    root.draw_text(&format_compact(value, unit), &value_style(h), (px + dx, py))?;
                }
            }
        }
        chart.plotting_area().draw(&PathElement::new(
            vec![(base, 0.0), (base, count as f64)],
            palette.accent.plotters().stroke_width(2),
        ))?;
        Ok(())
    }

    fn text_alternative(&self) -> String {
        let title = said_title(&self.spec);
        let rows = self.sorted();
        if rows.is_empty() {
            return format!("{title}: {}", axes::NO_DATA);
        }
        let unit = self.spec.value_unit;
        let (low_name, high_name) = (self.low_name(), self.high_name());
        let parts: Vec<String> = rows
            .iter()
            .map(|r| {
                format!(
                    "{}: {} with {low_name}, {} with {high_name}",
                    r.name,
                    describe(r.low, unit),
                    describe(r.high, unit)
                )
            })
            .collect();
        format!(
            "{title}, tornado chart around a base of {}, largest swing first. {}.",
            describe(self.base_value(), unit),
            parts.join("; ")
        )
    }
}
