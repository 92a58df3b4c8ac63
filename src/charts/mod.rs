//! Charts: plain numbers in, plotters drawing out, an SVG string for the app.
//!
//! Every chart is a plain-data struct (no domain types, so the simulator, the
//! scenario comparison and the Monte Carlo run can all feed the same charts)
//! implementing [`Chart`]:
//!
//! | struct | draws | used for |
//! |---|---|---|
//! | [`StackedAreaChart`] | stacked areas over months | MRR by channel |
//! | [`LineChart`] | lines with markers and labelled [`Mark`]s | the cumulative-cash J-curve, scenarios overlaid, active customers |
//! | [`GroupedBarChart`] | bars per category, one per series, value labels | CAC vs LTV per channel |
//! | [`TornadoChart`] | low/high bars around a base value, sorted by swing | sensitivity |
//! | [`BandChart`] | a P10–P90 band with the P50 line | Monte Carlo results |
//! | [`DivergingBarChart`] | parts stacked above and below zero, net marked | measured MRR movements |
//! | [`HeatmapChart`] | rows of shaded cells | cohort retention |
//!
//! [`Chart::draw`] is generic over plotters' `DrawingBackend`; [`Chart::svg`]
//! renders to a standalone SVG document of [`VIEW_WIDTH`] × [`VIEW_HEIGHT`]
//! (fixed `viewBox`, so it scales with CSS `width: 100%; height: auto`), with a
//! `<title>` first child for screen readers. [`Chart::text_alternative`] gives
//! the one-paragraph summary for a `<figcaption>`.
//!
//! **Drawn for the width it gets.** A 720-wide drawing shown 350 px wide on
//! a phone scales its 14 px type down to 7 px. So the page measures the room
//! a chart has and asks for [`Chart::svg_at`] that width: the drawing is laid
//! out at that width ([`view_size`]: from [`MIN_VIEW_WIDTH`] up to
//! [`VIEW_WIDTH`], taller than 16:10 when narrow) and shown at 1:1, so type is
//! the palette's size (at least 12 px; the projector's 18 px) at any width.
//! Wider rooms than [`VIEW_WIDTH`] scale the 720 drawing up.
//!
//! Text is never measured: plotters' own caption and legend ask the font for
//! its size, which in the browser means appending a `<span>` with an inline
//! `style` to the page (a forced layout per label, a CSP violation, and a
//! panic where there is no `document`, e.g. a worker). So the title, legend,
//! and labels here are placed with an estimate (see `text::text_width`) and
//! plotters only draws them; axes are on the left and bottom, the sides for
//! which plotters does not measure either.
//!
//! Inputs are cleaned, never trusted: non-finite numbers are skipped (a gap in
//! a line, nothing in a stack), magnitudes are clamped to [`MAX_ABS_VALUE`],
//! every axis range is widened until it is not empty, and control characters
//! are removed from labels. Names and titles are escaped in the SVG (plotters
//! escapes what it draws; the `<title>` we add is escaped here).

mod axes;
mod band;
mod bars;
mod diverging;
mod format;
mod heatmap;
mod legend;
mod line;
mod marker;
mod palette;
mod stacked;
mod svg;
mod text;
mod tornado;

pub use band::BandChart;
pub use bars::GroupedBarChart;
pub use diverging::DivergingBarChart;
pub use format::{describe, format_compact};
pub use heatmap::HeatmapChart;
pub use line::{trough, LineChart, Mark, MarkKind};
pub use palette::{Palette, Rgb};
pub use stacked::StackedAreaChart;
pub use tornado::{TornadoChart, TornadoRow};

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::prelude::DrawingBackend;

/// Width of every chart's drawing, in SVG user units (≈ CSS px at 1:1).
pub const VIEW_WIDTH: u32 = 720;

/// Height of every chart's drawing, in SVG user units (16:10 with the width).
pub const VIEW_HEIGHT: u32 = 450;

/// Narrowest drawing laid out; a narrower room scales this one down.
pub const MIN_VIEW_WIDTH: u32 = 240;

/// Shortest drawing, so a narrow chart keeps room for its plot under the
/// title, legend and axis labels.
pub const MIN_VIEW_HEIGHT: u32 = 340;

/// The drawing size for a room `width` px wide: the width kept to
/// [`MIN_VIEW_WIDTH`]–[`VIEW_WIDTH`], the height 10/16 of it but at least
/// [`MIN_VIEW_HEIGHT`] (and never above [`VIEW_HEIGHT`]).
///
/// ```
/// use gtm_workbench::charts::view_size;
/// assert_eq!(view_size(720), (720, 450));
/// assert_eq!(view_size(2000), (720, 450));
/// assert_eq!(view_size(350), (350, 340));
/// assert_eq!(view_size(100), (240, 340));
/// ```
pub fn view_size(width: u32) -> (u32, u32) {
    let w = width.clamp(MIN_VIEW_WIDTH, VIEW_WIDTH);
    let h = (w * 10 / 16).clamp(MIN_VIEW_HEIGHT, VIEW_HEIGHT);
    (w, h)
}

/// Space around the drawing, px.
pub(crate) const PAD: i32 = 12;

/// Largest magnitude drawn; anything bigger is clamped to ± this (units of the
/// data, e.g. dollars). 10^15 is far beyond any SaaS plan and keeps every
/// pixel computation well inside `f64` and `i32`.
pub const MAX_ABS_VALUE: f64 = 1e15;

/// One named series of values; `values[i]` belongs to month `i + 1` (or, in a
/// [`GroupedBarChart`], to category `i`). Non-finite values are skipped.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Name shown in the legend and the text alternative (user text: escaped).
    pub name: String,
    /// The values, in the unit of the chart's [`ChartSpec::value_unit`].
    pub values: Vec<f64>,
}

impl Series {
    /// A series from a name and its values.
    pub fn new(name: impl Into<String>, values: Vec<f64>) -> Self {
        Series {
            name: name.into(),
            values,
        }
    }
}

/// What the values measure; decides how ticks, value labels and the text
/// alternative write numbers (see [`format_compact`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Unit {
    /// US dollars: `$12.3k`, `−$1.2M`.
    #[default]
    Dollars,
    /// A count (customers, deals): `1.2k`.
    Count,
    /// A number of months: `14.5` (the text alternative says `14.5 months`).
    Months,
    /// A ratio such as LTV:CAC: `3.2×`.
    Ratio,
    /// A percentage given in percent (45 means 45 %): `45%`.
    Percent,
}

/// The words around a chart: title and axis labels, plus the unit of its
/// values. Axis labels are shown exactly as given, so they should carry the
/// unit, e.g. `"MRR ($ per month)"` or `"Month"`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartSpec {
    /// Title drawn on the chart and put in the SVG `<title>`.
    pub title: String,
    /// Label of the horizontal axis, with its unit.
    pub x_label: String,
    /// Label of the vertical axis, with its unit.
    pub y_label: String,
    /// Unit of the plotted values (the y axis; the x axis of a tornado).
    pub value_unit: Unit,
}

impl ChartSpec {
    /// A spec from its four parts.
    pub fn new(
        title: impl Into<String>,
        x_label: impl Into<String>,
        y_label: impl Into<String>,
        value_unit: Unit,
    ) -> Self {
        ChartSpec {
            title: title.into(),
            x_label: x_label.into(),
            y_label: y_label.into(),
            value_unit,
        }
    }
}

/// The number of months (or categories) the longest series covers.
fn longest(series: &[Series]) -> usize {
    series.iter().map(|s| s.values.len()).max().unwrap_or(0)
}

/// The runs of consecutive present items (`Some`), in order: a line or band
/// breaks where a value is missing.
fn runs<T>(items: impl IntoIterator<Item = Option<T>>) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    for item in items {
        match item {
            Some(item) => current.push(item),
            None if !current.is_empty() => out.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Why a chart could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// The drawing backend refused an operation (for SVG into a string this
    /// does not happen in practice; other backends may fail).
    #[error("the chart could not be drawn: {0}")]
    Draw(String),
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(err: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Draw(err.to_string())
    }
}

/// A chart that can draw itself on any plotters backend and describe itself
/// in words.
pub trait Chart {
    /// Title and axis labels.
    fn spec(&self) -> &ChartSpec;

    /// Draws the whole chart (background, title, legend, axes, data) on `root`,
    /// which should be [`VIEW_WIDTH`] × [`VIEW_HEIGHT`] pixels (other sizes
    /// work; the type does not scale with them).
    ///
    /// # Errors
    /// [`ChartError::Draw`] when the backend fails.
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        palette: &Palette,
    ) -> Result<(), ChartError>;

    /// A one-paragraph summary of what the chart shows, for a `<figcaption>`
    /// or `aria-describedby`. Numbers use [`describe`].
    fn text_alternative(&self) -> String;

    /// The chart as a standalone SVG document: `<svg role="img" width="720"
    /// height="450" viewBox="0 0 720 450" …><title>…</title>…</svg>`. Never
    /// fails: if drawing fails, a valid SVG with the title and a short notice
    /// is returned instead.
    fn svg(&self, palette: &Palette) -> String
    where
        Self: Sized,
    {
        svg::render_svg(self, palette, VIEW_WIDTH)
    }

    /// [`Chart::svg`] laid out for a room `width` px wide (see
    /// [`view_size`]): shown at that width, its type is the palette's size.
    fn svg_at(&self, palette: &Palette, width: u32) -> String
    where
        Self: Sized,
    {
        svg::render_svg(self, palette, width)
    }
}
