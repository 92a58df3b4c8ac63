//! The SVG document a chart becomes: plotters' drawing with `role="img"` and
//! an escaped `<title>`, or a titled notice when drawing fails.

use plotters::prelude::*;

use super::format::label;
use super::{Chart, ChartError, Palette, Rgb, VIEW_HEIGHT, VIEW_WIDTH};

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
