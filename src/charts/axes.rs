//! The plot: value ranges plotters can draw, month and value ticks, the axes
//! with their grid and labels, the zero line, and the "no data" panel drawn
//! in its place when there is nothing to plot.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::format::{clean, format_compact, label};
use super::text::{chars_fitting, text_style, text_width};
use super::{ChartError, ChartSpec, Palette, Unit, PAD};

/// A chart on f64 × f64 coordinates, the only kind drawn here.
pub(crate) type XyChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Draws the "nothing to show" panel below `top`.
pub(crate) fn no_data<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    palette: &Palette,
    top: i32,
) -> Result<(), ChartError> {
    let (width, height) = root.dim_in_pixel();
    let (width, height) = (
        i32::try_from(width).unwrap_or(i32::MAX),
        i32::try_from(height).unwrap_or(i32::MAX),
    );
    root.draw(&Rectangle::new(
        [(PAD, top), (width - PAD, height - PAD)],
        palette.grid.plotters().stroke_width(1),
    ))?;
    root.draw_text(
        NO_DATA,
        &text_style(palette.font(), palette.text, HPos::Center, VPos::Center),
        (width / 2, (top + height - PAD) / 2),
    )?;
    Ok(())
}

/// The words shown (and said) when a chart has nothing to draw.
pub(crate) const NO_DATA: &str = "No data to chart yet.";

/// A value range plotters can draw: the cleaned finite values (plus zero when
/// `include_zero`), widened if empty, padded by `pad` × span on each side that
/// is not pinned at zero. Never returns `lo >= hi` or a non-finite bound.
pub(crate) fn value_span(
    values: impl IntoIterator<Item = f64>,
    include_zero: bool,
    pad: f64,
) -> (f64, f64) {
    let mut bounds: Option<(f64, f64)> = None;
    for value in values.into_iter().filter_map(clean) {
        bounds = Some(match bounds {
            None => (value, value),
            Some((lo, hi)) => (lo.min(value), hi.max(value)),
        });
    }
    let (mut lo, mut hi) = bounds.unwrap_or((0.0, 0.0));
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    let scale = lo.abs().max(hi.abs()).max(1.0);
    if hi - lo <= scale * 1e-9 {
        // One value (or none): show it in the middle of a range of its size.
        let half = if lo == 0.0 { 1.0 } else { lo.abs() * 0.5 };
        if include_zero && lo >= 0.0 {
            return (0.0, lo + 2.0 * half);
        }
        if include_zero {
            return (lo - 2.0 * half, 0.0);
        }
        return (lo - half, hi + half);
    }
    let span = hi - lo;
    let pinned_low = include_zero && lo == 0.0;
    let pinned_high = include_zero && hi == 0.0;
    if !pinned_low {
        lo -= span * pad;
    }
    if !pinned_high {
        hi += span * pad;
    }
    // End on round numbers so the outermost ticks label the data's extent.
    let step = nice_step(hi - lo);
    let (nice_lo, nice_hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    if nice_lo.is_finite() && nice_hi.is_finite() && nice_lo < nice_hi {
        (nice_lo, nice_hi)
    } else {
        (lo, hi)
    }
}

/// A round tick step (1, 2 or 5 × 10^k) giving about five steps over `span`.
fn nice_step(span: f64) -> f64 {
    let raw = span / 5.0;
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let ratio = raw / power;
    let factor = if ratio <= 1.0 {
        1.0
    } else if ratio <= 2.0 {
        2.0
    } else if ratio <= 5.0 {
        5.0
    } else {
        10.0
    };
    factor * power
}

/// The x range of a chart over months `1..=n` (a single month gets room
/// either side).
pub(crate) fn month_span(n: usize) -> (f64, f64) {
    if n <= 1 {
        (0.5, 1.5)
    } else {
        (1.0, n as f64)
    }
}

/// A month tick label: whole months only (plotters may pick half months
/// on short ranges; those ticks stay unlabelled).
pub(crate) fn month_tick(value: &f64) -> String {
    let rounded = value.round();
    if (value - rounded).abs() < 1e-6 && (1.0..=1e6).contains(&rounded) {
        format!("{}", rounded as i64)
    } else {
        String::new()
    }
}

/// Axes of an [`XyChart`].
pub(crate) struct Axes<'f> {
    pub x_desc: &'f str,
    pub y_desc: &'f str,
    pub x_span: (f64, f64),
    pub y_span: (f64, f64),
    /// Most x ticks (0: none, the chart labels its own categories).
    pub x_ticks: usize,
    /// Lines of text under the x axis above its label (category names may
    /// take two).
    pub x_tick_lines: u8,
    /// Most y ticks (0: none).
    pub y_ticks: usize,
    pub x_format: &'f dyn Fn(&f64) -> String,
    pub y_format: &'f dyn Fn(&f64) -> String,
    /// Vertical grid lines as well as horizontal ones.
    pub x_grid: bool,
    /// Width of the y tick labels, px, when the chart knows better than the
    /// formatter (tornado row names).
    pub y_label_width: Option<i32>,
}

impl<'f> Axes<'f> {
    /// Axes labelled as `spec` says, over `x_span` × `y_span`: about six
    /// ticks on each, one line of x tick labels, grid lines both ways, y tick
    /// labels as wide as their text. A chart changes what differs with
    /// struct update syntax.
    pub(crate) fn new(
        spec: &'f ChartSpec,
        (x_span, y_span): ((f64, f64), (f64, f64)),
        x_format: &'f dyn Fn(&f64) -> String,
        y_format: &'f dyn Fn(&f64) -> String,
    ) -> Self {
        Axes {
            x_desc: &spec.x_label,
            y_desc: &spec.y_label,
            x_span,
            y_span,
            x_ticks: 6,
            x_tick_lines: 1,
            y_ticks: 6,
            x_format,
            y_format,
            x_grid: true,
            y_label_width: None,
        }
    }

    /// Months `1..=months` along x (at most twelve ticks, whole months
    /// labelled), values over `y_span` up the y axis.
    pub(crate) fn over_months(
        spec: &'f ChartSpec,
        months: usize,
        y_span: (f64, f64),
        y_format: &'f dyn Fn(&f64) -> String,
    ) -> Self {
        Axes {
            x_ticks: months.clamp(1, 12),
            ..Axes::new(spec, (month_span(months), y_span), &month_tick, y_format)
        }
    }
}

/// The tick formatter of an axis whose ticks are not labelled (the chart
/// writes its own category or row names).
pub(crate) fn no_ticks(_: &f64) -> String {
    String::new()
}

/// Builds the plot below `top` and draws its grid, axes, ticks and axis
/// labels.
pub(crate) fn build<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    palette: &Palette,
    top: i32,
    axes: &Axes<'_>,
) -> Result<XyChart<'a, DB>, ChartError> {
    let font = palette.font();
    let (x_lo, x_hi) = axes.x_span;
    let (y_lo, y_hi) = axes.y_span;
    let tick_labels_w = axes.y_label_width.unwrap_or_else(|| {
        let mid = (y_lo + y_hi) / 2.0;
        [y_lo, y_hi, mid, y_hi - (y_hi - y_lo) / 7.0]
            .iter()
            .map(|v| text_width(&(axes.y_format)(v), font))
            .max()
            .unwrap_or(0)
    });
    let y_area = if axes.y_ticks == 0 && axes.y_label_width.is_none() {
        (font * 2.0) as i32
    } else {
        10 + tick_labels_w + 8 + (font * 1.4) as i32
    };
    let x_area = (font * 1.3 * f64::from(axes.x_tick_lines.max(1) + 1)) as i32 + 16;
    // The last x tick label is centred on the plot's right edge: leave room
    // for its right half.
    let right = (text_width(&(axes.x_format)(&x_hi), font) / 2 + 12).max(PAD * 2);
    // The top y tick label is centred on the plot's top edge.
    let top = top + (font * 0.6) as i32;

    let mut chart = ChartBuilder::on(root)
        .margin_top(top.max(0))
        .margin_left(PAD)
        .margin_right(right)
        .margin_bottom(PAD / 2)
        .x_label_area_size(x_area.max(0))
        .y_label_area_size(y_area.max(0))
        .build_cartesian_2d(x_lo..x_hi, y_lo..y_hi)?;

    let tick_style = text_style(font, palette.text, HPos::Center, VPos::Center);
    let desc_style = text_style(font, palette.text, HPos::Center, VPos::Center);
    let mut mesh = chart.configure_mesh();
    mesh.bold_line_style(palette.grid.plotters().stroke_width(1))
        .max_light_lines(0)
        .axis_style(palette.text.plotters().stroke_width(1))
        .label_style(tick_style)
        .axis_desc_style(desc_style)
        .x_desc(label(axes.x_desc, chars_fitting(700, font), ""))
        .y_desc(label(axes.y_desc, chars_fitting(300, font), ""))
        .x_labels(axes.x_ticks)
        .y_labels(axes.y_ticks)
        .x_label_formatter(axes.x_format)
        .y_label_formatter(axes.y_format);
    if !axes.x_grid {
        mesh.disable_x_mesh();
    }
    mesh.draw()?;
    Ok(chart)
}

/// Draws a horizontal line at value 0 across the plot when 0 is inside the
/// y range but not at its edge (the J-curve's crossing matters).
pub(crate) fn zero_line<DB: DrawingBackend>(
    chart: &XyChart<'_, DB>,
    palette: &Palette,
) -> Result<(), ChartError> {
    let x = chart.x_range();
    let y = chart.y_range();
    if y.start < 0.0 && y.end > 0.0 {
        chart.plotting_area().draw(&PathElement::new(
            vec![(x.start, 0.0), (x.end, 0.0)],
            palette.text.plotters().stroke_width(1),
        ))?;
    }
    Ok(())
}

/// The y tick formatter of a value axis.
pub(crate) fn value_ticks(unit: Unit) -> impl Fn(&f64) -> String {
    move |v: &f64| format_compact(*v, unit)
}
