//! Grouped bars: one group per category, one bar per series (CAC vs LTV per
//! channel), each with its value written on it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes::{self, Axes};
use super::format::{clean, describe, format_compact, label, said_name, said_title};
use super::legend::{header, series_legend, Swatch};
use super::text::{text_style, text_width, wrap};
use super::{Chart, ChartError, ChartSpec, Palette, Series};

/// Bars grouped by category: `series[j].values[i]` is the bar of series `j`
/// in category `i`. A missing or non-finite value leaves its slot empty;
/// negative values hang below zero.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct GroupedBarChart {
    /// Title and axis labels (x: the categories, e.g. "Channel").
    pub spec: ChartSpec,
    /// Category names, left to right (e.g. channels).
    pub categories: Vec<String>,
    /// One series per bar in each group (e.g. "CAC", "LTV").
    pub series: Vec<Series>,
}

impl GroupedBarChart {
    fn value(&self, series: usize, category: usize) -> Option<f64> {
        self.series
            .get(series)?
            .values
            .get(category)
            .copied()
            .and_then(clean)
    }
}

/// Share of a category's width filled by its bars (the rest separates groups).
const GROUP_FILL: f64 = 0.76;

impl Chart for GroupedBarChart {
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
        let k = self.categories.len();
        let m = self.series.len();
        let has_values = (0..m).any(|j| (0..k).any(|i| self.value(j, i).is_some()));
        if k == 0 || m == 0 || !has_values {
            return axes::no_data(root, palette, top);
        }

        let values = (0..m).flat_map(|j| (0..k).filter_map(move |i| self.value(j, i)));
        let unit = self.spec.value_unit;
        let y_format = axes::value_ticks(unit);
        let font = palette.font();
        // Category names wrap to two lines when their group is narrow; the
        // group's width is estimated before the plot exists (plot ≈ 80 % of
        // the drawing).
        let (width, _) = root.dim_in_pixel();
        let group_guess = (f64::from(width) * 0.8 / k as f64) as i32;
        let two_lines = self
            .categories
            .iter()
            .any(|c| text_width(c, font) > group_guess - 2);
        // Room above (and below) the bars for their value labels.
        let y_span = axes::value_span(values, true, 0.12);
        let plot = Axes {
            x_ticks: 0,
            x_tick_lines: if two_lines { 2 } else { 1 },
            x_grid: false,
            ..Axes::new(
                &self.spec,
                ((0.0, k as f64), y_span),
                &axes::no_ticks,
                &y_format,
            )
        };
        let chart = axes::build(root, palette, top, &plot)?;
        axes::zero_line(&chart, palette)?;

        let (_, plot_y) = chart.plotting_area().get_pixel_range();
        let slot = GROUP_FILL / m as f64;
        for i in 0..k {
            let left = i as f64 + (1.0 - GROUP_FILL) / 2.0;
            // Category name centred under its group, cut to the group's width.
            let (gx0, _) = chart.backend_coord(&(i as f64, 0.0));
            let (gx1, _) = chart.backend_coord(&((i + 1) as f64, 0.0));
            let name = label(
                self.categories.get(i).map_or("", String::as_str),
                120,
                &format!("Category {}", i + 1),
            );
            let lines = wrap(&name, gx1 - gx0 - 2, font, if two_lines { 2 } else { 1 });
            for (n, line) in lines.iter().enumerate() {
                root.draw_text(
                    line,
                    &text_style(font, palette.text, HPos::Center, VPos::Top),
                    (
                        (gx0 + gx1) / 2,
                        plot_y.end + 8 + (font * 1.2 * n as f64) as i32,
                    ),
                )?;
            }
            for j in 0..m {
                let Some(v) = self.value(j, i) else {
                    continue;
                };
                let x0 = left + slot * j as f64 + slot * 0.06;
                let x1 = left + slot * (j + 1) as f64 - slot * 0.06;
                let color = palette.series_color(j).plotters();
                chart
                    .plotting_area()
                    .draw(&Rectangle::new([(x0, 0.0), (x1, v)], color.filled()))?;
                let (px0, _) = chart.backend_coord(&(left + slot * j as f64, 0.0));
                let (px1, py) = chart.backend_coord(&(left + slot * (j + 1) as f64, v));
                let text = format_compact(v, unit);
                // A label wider than its slot would run into the next bar's.
                if text_width(&text, font) <= px1 - px0 + 4 {
                    let (vpos, dy) = if v < 0.0 {
                        (VPos::Top, 4)
                    } else {
                        (VPos::Bottom, -4)
                    };
                    root.draw_text(
                        &text,
                        &text_style(font, palette.text, HPos::Center, vpos),
                        ((px0 + px1) / 2, py + dy),
                    )?;
                }
            }
        }
        Ok(())
    }

    fn text_alternative(&self) -> String {
        let title = said_title(&self.spec);
        let k = self.categories.len();
        let m = self.series.len();
        if k == 0 || m == 0 {
            return format!("{title}: {}", axes::NO_DATA);
        }
        let unit = self.spec.value_unit;
        let groups: Vec<String> = (0..k)
            .map(|i| {
                let name = label(
                    self.categories.get(i).map_or("", String::as_str),
                    120,
                    &format!("Category {}", i + 1),
                );
                let bars: Vec<String> = (0..m)
                    .map(|j| {
                        let series = self
                            .series
                            .get(j)
                            .map(|s| said_name(&s.name, j))
                            .unwrap_or_default();
                        let value = self
                            .value(j, i)
                            .map_or_else(|| "no value".to_owned(), |v| describe(v, unit));
                        format!("{series} {value}")
                    })
                    .collect();
                format!("{name}: {}", bars.join(", "))
            })
            .collect();
        format!(
            "{title}, bar chart of {k} categor{}. {}.",
            if k == 1 { "y" } else { "ies" },
            groups.join("; ")
        )
    }
}
