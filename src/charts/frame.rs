//! What every chart shares: background, title, legend, axes, markers, the
//! "no data" panel, value ranges that plotters can draw, and the SVG wrapper.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::format::{clean, format_compact, label};
use super::{Chart, ChartError, ChartSpec, Palette, Rgb, Unit, VIEW_HEIGHT, VIEW_WIDTH};

/// plotters' SVG backend writes `font-size = size / 1.24`; multiply by this to
/// get the px size we mean.
const SVG_FONT_SCALE: f64 = 1.24;

/// Space around the drawing, px.
pub(crate) const PAD: i32 = 12;

/// Approximate advance of a character in a sans-serif font, in em. Taken
/// from DejaVu Sans (the widest common `sans-serif` on Linux; Arial and
/// Helvetica are ~10 % narrower), so estimated layouts leave room rather
/// than overlap.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' | '(' | ')' => 0.32,
        'f' | 't' | 'r' | '-' | '/' => 0.42,
        'M' | 'W' | 'm' | 'w' | '%' | '×' | '\u{2212}' | '@' | '–' | '—' | '…' => 0.88,
        's' | 'c' | 'z' | 'v' | 'x' | 'y' | 'k' | 'J' => 0.54,
        c if c.is_ascii_uppercase() => 0.7,
        _ => 0.6,
    }
}

/// Most legend rows before the rest is summarised as "+N more".
const MAX_LEGEND_ROWS: i32 = 3;

/// Longest legend entry, in characters (the text alternative has full names).
const MAX_LEGEND_CHARS: usize = 36;

/// A chart on f64 × f64 coordinates, the only kind drawn here.
pub(crate) type XyChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Estimated width in px of `text` at `px` size (see `char_em`).
pub(crate) fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().map(char_em).sum::<f64>() * px).ceil() as i32
}

/// How many average characters fit in `width` px at `px` size (to cut a
/// label before measuring it).
pub(crate) fn chars_fitting(width: i32, px: f64) -> usize {
    (f64::from(width.max(0)) / (px * 0.62)).floor() as usize
}

/// `text` broken into at most `max_lines` lines of at most `width` px at
/// `px` size, at spaces; a word longer than a line, or text beyond the last
/// line, is cut with an ellipsis.
pub(crate) fn wrap(text: &str, width: i32, px: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut words = text.split_whitespace().peekable();
    let mut lines = Vec::new();
    while let Some(first) = words.next() {
        if lines.len() + 1 == max_lines {
            let rest: Vec<&str> = std::iter::once(first).chain(words).collect();
            lines.push(fit(&rest.join(" "), width, px));
            break;
        }
        let mut line = first.to_owned();
        while let Some(next) = words.peek() {
            let candidate = format!("{line} {next}");
            if text_width(&candidate, px) > width {
                break;
            }
            line = candidate;
            words.next();
        }
        lines.push(fit(&line, width, px));
    }
    lines
}

/// `text` cut with an ellipsis to at most `width` px at `px` size.
pub(crate) fn fit(text: &str, width: i32, px: f64) -> String {
    if text_width(text, px) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, px) + text_width("…", px) > width {
            out.pop();
            break;
        }
    }
    let mut out = out.trim_end().to_owned();
    out.push('…');
    out
}

/// A sans-serif text style of `px` pixels, anchored at (`h`, `v`).
pub(crate) fn text_style<'a>(px: f64, color: Rgb, h: HPos, v: VPos) -> TextStyle<'a> {
    ("sans-serif", px * SVG_FONT_SCALE)
        .into_font()
        .color(&color.plotters())
        .pos(Pos::new(h, v))
}

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

/// Marker shapes that, with the colour, tell overlaid lines apart without
/// dashes (dashes read badly on a projector).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkerShape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

impl MarkerShape {
    /// Shape of series `index`.
    pub(crate) fn of(index: usize) -> MarkerShape {
        match index % 5 {
            0 => MarkerShape::Circle,
            1 => MarkerShape::Square,
            2 => MarkerShape::Triangle,
            3 => MarkerShape::Diamond,
            _ => MarkerShape::Cross,
        }
    }
}

/// Draws a marker of half-size `r` centred on the pixel `(x, y)`.
pub(crate) fn draw_marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    shape: MarkerShape,
    (x, y): (i32, i32),
    r: i32,
    color: Rgb,
) -> Result<(), ChartError> {
    let fill = color.plotters().filled();
    match shape {
        MarkerShape::Circle => root.draw(&Circle::new((x, y), r, fill))?,
        MarkerShape::Square => {
            root.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], fill))?
        }
        MarkerShape::Triangle => {
            let r = r + 1;
            root.draw(&Polygon::new(
                vec![(x, y - r), (x + r, y + r), (x - r, y + r)],
                fill,
            ))?
        }
        MarkerShape::Diamond => {
            let r = r + 1;
            root.draw(&Polygon::new(
                vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
                fill,
            ))?
        }
        MarkerShape::Cross => {
            let stroke = color.plotters().stroke_width(3);
            root.draw(&PathElement::new(
                vec![(x - r, y - r), (x + r, y + r)],
                stroke,
            ))?;
            root.draw(&PathElement::new(
                vec![(x - r, y + r), (x + r, y - r)],
                stroke,
            ))?;
        }
    }
    Ok(())
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

/// Half-size of data markers, px: a little wider than the line.
pub(crate) fn marker_radius(palette: &Palette) -> i32 {
    i32::try_from(palette.stroke()).unwrap_or(2) + 2
}

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

/// Renders `chart` to a standalone SVG document (see [`Chart::svg`]).
pub(crate) fn render_svg<C: Chart>(chart: &C, palette: &Palette) -> String {
    let title = chart.spec().title.as_str();
    let mut buf = String::new();
    let outcome = {
        let root = SVGBackend::with_string(&mut buf, (VIEW_WIDTH, VIEW_HEIGHT)).into_drawing_area();
        chart
            .draw(&root, palette)
            .and_then(|()| root.present().map_err(ChartError::from))
    };
    match outcome {
        Ok(()) => with_title(&buf, title).unwrap_or_else(|| fallback_svg(title, palette)),
        Err(_) => fallback_svg(title, palette),
    }
}

/// Adds `role="img"` and a `<title>` as the first child of the root `<svg>`
/// (how SVG gets an accessible name). `None` if `svg` has no root tag.
fn with_title(svg: &str, title: &str) -> Option<String> {
    let start = svg.find("<svg")?;
    let close = start + svg.get(start..)?.find('>')?;
    let (head, rest) = svg.split_at(close);
    let rest = rest.get(1..)?;
    Some(format!(
        "{head} role=\"img\"><title>{}</title>{rest}",
        escape(&accessible_title(title))
    ))
}

fn accessible_title(title: &str) -> String {
    label(title, 300, "Chart")
}

/// A valid, titled SVG that says the chart could not be drawn.
fn fallback_svg(title: &str, palette: &Palette) -> String {
    let rgb = |c: Rgb| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    format!(
        concat!(
            "<svg role=\"img\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" ",
            "xmlns=\"http://www.w3.org/2000/svg\"><title>{t}</title>",
            "<rect x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"{bg}\"/>",
            "<text x=\"{cx}\" y=\"{cy}\" text-anchor=\"middle\" font-family=\"sans-serif\" ",
            "font-size=\"{px}\" fill=\"{fg}\">This chart could not be drawn.</text></svg>\n"
        ),
        w = VIEW_WIDTH,
        h = VIEW_HEIGHT,
        t = escape(&accessible_title(title)),
        bg = rgb(palette.background),
        fg = rgb(palette.text),
        cx = VIEW_WIDTH / 2,
        cy = VIEW_HEIGHT / 2,
        px = palette.font_px.clamp(12, 48),
    )
}

/// XML-escapes text we insert into the SVG ourselves.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A title for the text alternative: the cleaned title, or "Chart".
pub(crate) fn said_title(spec: &ChartSpec) -> String {
    label(&spec.title, 300, "Chart")
}

/// A series name for the text alternative.
pub(crate) fn said_name(name: &str, index: usize) -> String {
    label(name, 120, &format!("Series {}", index + 1))
}

/// A series name for the legend.
pub(crate) fn legend_name(name: &str, index: usize) -> String {
    label(name, MAX_LEGEND_CHARS, &format!("Series {}", index + 1))
}
