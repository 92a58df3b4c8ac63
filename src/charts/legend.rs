//! The band at the top of every chart: the background, the title, and the
//! legend, laid out in rows from estimated text widths and cut to
//! [`MAX_LEGEND_ROWS`] rows ("+N more").

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::format::label;
use super::marker::{draw_marker, marker_radius, MarkerShape};
use super::text::{fit, text_style, text_width, SVG_FONT_SCALE};
use super::{ChartError, Palette, Rgb, Series, PAD};

/// Most legend rows before the rest is summarised as "+N more".
const MAX_LEGEND_ROWS: i32 = 3;

/// Longest legend entry, in characters (the text alternative has full names).
const MAX_LEGEND_CHARS: usize = 36;

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Swatch {
    /// A filled block (areas, bars).
    Block(Rgb),
    /// A translucent block (a band).
    Shade(Rgb),
    /// A line with the series' marker on it.
    Line(Rgb, MarkerShape),
    /// A plain line (a reference such as the tornado's base value).
    Rule(Rgb),
}

/// One legend entry.
pub(crate) struct LegendItem {
    pub label: String,
    pub swatch: Swatch,
}

impl LegendItem {
    /// An entry from its text and swatch.
    pub(crate) fn new(label: impl Into<String>, swatch: Swatch) -> Self {
        LegendItem {
            label: label.into(),
            swatch,
        }
    }
}

/// One entry per series, in the series' colours: `swatch` draws series `i`
/// in colour `color` (a block for areas and bars, a line with its marker for
/// lines). Names are cut for the legend; the text alternative has them whole.
pub(crate) fn series_legend(
    series: &[Series],
    palette: &Palette,
    swatch: impl Fn(Rgb, usize) -> Swatch,
) -> Vec<LegendItem> {
    series
        .iter()
        .enumerate()
        .map(|(i, s)| LegendItem::new(legend_name(&s.name, i), swatch(palette.series_color(i), i)))
        .collect()
}

/// Fills the background, draws the title and the legend, and returns the y
/// pixel where the plot may start.
pub(crate) fn header<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    palette: &Palette,
    title: &str,
    items: &[LegendItem],
) -> Result<i32, ChartError> {
    root.fill(&palette.background.plotters())?;
    let (width, _) = root.dim_in_pixel();
    let width = i32::try_from(width).unwrap_or(i32::MAX);
    let font = palette.font();
    let title_px = (font * 1.3).round();
    let title_text = fit(
        &label(title, 300, "Chart"),
        width - 2 * PAD,
        title_px * 1.08,
    );
    let title_style = ("sans-serif", title_px * SVG_FONT_SCALE, FontStyle::Bold)
        .into_font()
        .color(&palette.text.plotters())
        .pos(Pos::new(HPos::Center, VPos::Top));
    root.draw_text(&title_text, &title_style, (width / 2, PAD))?;
    let mut y = PAD + (title_px * 1.45).round() as i32;
    if items.is_empty() {
        return Ok(y);
    }

    let row_h = (font * 1.5).round() as i32;
    let swatch_w = (font * 1.8).round() as i32;
    let gap = (font * 0.4).round() as i32;
    let spacing = (font * 1.2).round() as i32;
    let label_style = text_style(font, palette.text, HPos::Left, VPos::Center);
    let mut x = PAD;
    let mut row = 1;
    for (index, item) in items.iter().enumerate() {
        let text = fit(
            &label(&item.label, MAX_LEGEND_CHARS, "Series"),
            width - 2 * PAD - swatch_w - gap,
            font,
        );
        let item_w = swatch_w + gap + text_width(&text, font);
        if x > PAD && x + item_w > width - PAD {
            row += 1;
            x = PAD;
            y += row_h;
            if row > MAX_LEGEND_ROWS {
                let more = format!("+{} more (see the description)", items.len() - index);
                root.draw_text(&more, &label_style, (x, y + row_h / 2))?;
                break;
            }
        }
        let cy = y + row_h / 2;
        draw_swatch(root, item.swatch, (x, cy), swatch_w, font, palette)?;
        root.draw_text(&text, &label_style, (x + swatch_w + gap, cy))?;
        x += item_w + spacing;
    }
    Ok(y + row_h + gap)
}

fn draw_swatch<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    swatch: Swatch,
    (x, cy): (i32, i32),
    width: i32,
    font: f64,
    palette: &Palette,
) -> Result<(), ChartError> {
    let half = (font * 0.4).round() as i32;
    match swatch {
        Swatch::Block(color) => root.draw(&Rectangle::new(
            [(x, cy - half), (x + width, cy + half)],
            color.plotters().filled(),
        ))?,
        Swatch::Shade(color) => root.draw(&Rectangle::new(
            [(x, cy - half), (x + width, cy + half)],
            color.plotters().mix(0.3).filled(),
        ))?,
        Swatch::Line(color, shape) => {
            root.draw(&PathElement::new(
                vec![(x, cy), (x + width, cy)],
                color.plotters().stroke_width(palette.stroke()),
            ))?;
            draw_marker(
                root,
                shape,
                (x + width / 2, cy),
                marker_radius(palette),
                color,
            )?;
        }
        Swatch::Rule(color) => {
            root.draw(&PathElement::new(
                vec![
                    (x + width / 2, cy - half - 2),
                    (x + width / 2, cy + half + 2),
                ],
                color.plotters().stroke_width(2),
            ))?;
        }
    }
    Ok(())
}

/// A series name for the legend.
pub(crate) fn legend_name(name: &str, index: usize) -> String {
    label(name, MAX_LEGEND_CHARS, &format!("Series {}", index + 1))
}
