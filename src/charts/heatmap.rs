//! A grid of shaded cells: cohort retention, one row per start month and
//! one column per month of age, darker where more is kept.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axes;
use super::format::{clean, describe, label, said_title};
use super::legend::{header, LegendItem, Swatch};
use super::text::{text_style, text_width};
use super::{Chart, ChartError, ChartSpec, Palette, Rgb, PAD};

/// Cells in rows: `rows[r].1[c]` is the value of row `r` at column `c` (a
/// missing or non-finite value leaves the cell empty, the triangle's empty
/// corner). Values are shaded from the background at `0` to the first
/// series colour at `full` and above, in the chart's value unit.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct HeatmapChart {
    /// Title and axis labels (x: the columns, y: the rows).
    pub spec: ChartSpec,
    /// Row names with their values, top to bottom.
    pub rows: Vec<(String, Vec<f64>)>,
    /// The value shaded darkest (e.g. 100 for a percentage).
    pub full: f64,
}

/// Most row names written at the left; the others are left out evenly.
const MAX_ROW_NAMES: usize = 12;

impl HeatmapChart {
    fn columns(&self) -> usize {
        self.rows.iter().map(|(_, v)| v.len()).max().unwrap_or(0)
    }

    fn value(&self, row: usize, column: usize) -> Option<f64> {
        self.rows.get(row)?.1.get(column).copied().and_then(clean)
    }

    /// The background blended towards `color` by `share` (0–1).
    fn shade(background: Rgb, color: Rgb, share: f64) -> Rgb {
        let t = if share.is_finite() {
            share.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
        Rgb(
            mix(background.0, color.0),
            mix(background.1, color.1),
            mix(background.2, color.2),
        )
    }

    fn share(&self, value: f64) -> f64 {
        if self.full > 0.0 && self.full.is_finite() {
            value / self.full
        } else {
            0.0
        }
    }
}

impl Chart for HeatmapChart {
    fn spec(&self) -> &ChartSpec {
        &self.spec
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        palette: &Palette,
    ) -> Result<(), ChartError> {
        let color = palette.series_color(0);
        let unit = self.spec.value_unit;
        let legend = [
            LegendItem::new(
                format!("{} (lightest)", describe(0.0, unit)),
                Swatch::Block(Self::shade(palette.background, color, 0.08)),
            ),
            LegendItem::new(
                format!("{} or more (darkest)", describe(self.full, unit)),
                Swatch::Block(color),
            ),
        ];
        let top = header(root, palette, &self.spec.title, &legend)?;
        let columns = self.columns();
        let rows = self.rows.len();
        let any = (0..rows).any(|r| (0..columns).any(|c| self.value(r, c).is_some()));
        if rows == 0 || columns == 0 || !any {
            return axes::no_data(root, palette, top);
        }
        let font = palette.font();
        let (width, height) = root.dim_in_pixel();
        let (width, height) = (
            i32::try_from(width).unwrap_or(i32::MAX),
            i32::try_from(height).unwrap_or(i32::MAX),
        );
        let names: Vec<String> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, (name, _))| label(name, 24, &format!("Row {}", i + 1)))
            .collect();
        let name_w = names.iter().map(|n| text_width(n, font)).max().unwrap_or(0);
        // Left: the y label (turned) and the row names; bottom: column
        // numbers and the x label.
        let left = PAD + (font * 1.4) as i32 + name_w + 8;
        let bottom = height - PAD - (font * 2.8) as i32;
        let right = width - PAD * 2;
        let top = top + 4;
        let cell_w = f64::from(right - left) / columns as f64;
        let cell_h = f64::from(bottom - top) / rows as f64;
        for r in 0..rows {
            for c in 0..columns {
                let Some(v) = self.value(r, c) else {
                    continue;
                };
                let x0 = left + (cell_w * c as f64).round() as i32;
                let x1 = left + (cell_w * (c + 1) as f64).round() as i32;
                let y0 = top + (cell_h * r as f64).round() as i32;
                let y1 = top + (cell_h * (r + 1) as f64).round() as i32;
                // Even a zero cell is tinted, so the triangle's shape shows.
                let fill = Self::shade(palette.background, color, 0.08 + 0.92 * self.share(v));
                root.draw(&Rectangle::new(
                    [(x0, y0), (x1, y1)],
                    fill.plotters().filled(),
                ))?;
            }
        }
        let name_every = rows.div_ceil(MAX_ROW_NAMES).max(1);
        let name_every = name_every.max((font * 1.2 / cell_h.max(1.0)).ceil() as usize);
        for (r, name) in names.iter().enumerate() {
            if r % name_every != 0 {
                continue;
            }
            let y = top + (cell_h * (r as f64 + 0.5)).round() as i32;
            root.draw_text(
                name,
                &text_style(font, palette.text, HPos::Right, VPos::Center),
                (left - 6, y),
            )?;
        }
        let widest = text_width(&format!("{}", columns.saturating_sub(1)), font) + 10;
        let column_every = (f64::from(widest) / cell_w.max(1.0)).ceil().max(1.0) as usize;
        for c in (0..columns).step_by(column_every.max(1)) {
            let x = left + (cell_w * (c as f64 + 0.5)).round() as i32;
            root.draw_text(
                &c.to_string(),
                &text_style(font, palette.text, HPos::Center, VPos::Top),
                (x, bottom + 4),
            )?;
        }
        root.draw_text(
            &label(&self.spec.x_label, 90, ""),
            &text_style(font, palette.text, HPos::Center, VPos::Bottom),
            ((left + right) / 2, height - PAD / 2),
        )?;
        let y_style = text_style(font, palette.text, HPos::Center, VPos::Top)
            .transform(FontTransform::Rotate270);
        root.draw_text(
            &label(&self.spec.y_label, 40, ""),
            &y_style,
            (PAD, (top + bottom) / 2),
        )?;
        Ok(())
    }

    fn text_alternative(&self) -> String {
        let title = said_title(&self.spec);
        let columns = self.columns();
        let rows = self.rows.len();
        if rows == 0 || columns == 0 {
            return format!("{title}: {}", axes::NO_DATA);
        }
        let unit = self.spec.value_unit;
        let first = label(&self.rows[0].0, 40, "the first row");
        let last = label(&self.rows[rows - 1].0, 40, "the last row");
        // The oldest row has the longest history: say how it ends.
        let oldest = self.rows[0]
            .1
            .iter()
            .enumerate()
            .rev()
            .find_map(|(c, v)| clean(*v).map(|v| (c, v)));
        let ends = oldest.map_or_else(String::new, |(c, v)| {
            let months = if c == 1 { "month" } else { "months" };
            format!(
                " {first} stands at {} after {c} {months}.",
                describe(v, unit)
            )
        });
        format!(
            "{title}, a grid of {rows} row{} from {first} to {last} and up to {columns} column{}; \
             darker cells hold more.{ends}",
            if rows == 1 { "" } else { "s" },
            if columns == 1 { "" } else { "s" },
        )
    }
}
