//! Colours, line width and type size of a chart, one preset per app theme.

use plotters::style::RGBColor;

/// A colour, 8 bits per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// WCAG 2 relative luminance, 0 (black) to 1 (white).
    pub fn relative_luminance(self) -> f64 {
        fn channel(c: u8) -> f64 {
            let s = f64::from(c) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// WCAG 2 contrast ratio with `other`: (L_light + 0.05) ÷ (L_dark + 0.05),
    /// from 1 (same) to 21 (black on white).
    pub fn contrast_with(self, other: Rgb) -> f64 {
        let (a, b) = (self.relative_luminance(), other.relative_luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    pub(crate) fn plotters(self) -> RGBColor {
        RGBColor(self.0, self.1, self.2)
    }
}

/// How a chart looks. The app picks the preset matching its theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Fill behind everything.
    pub background: Rgb,
    /// Title, labels, axis lines, the zero line.
    pub text: Rgb,
    /// Grid lines (kept faint; they only guide the eye).
    pub grid: Rgb,
    /// Marks such as the cash trough and break-even, and the tornado base line.
    pub accent: Rgb,
    /// Series colours, used in order and then again from the start. Each has
    /// at least 3:1 contrast with the background (WCAG non-text contrast).
    pub series: [Rgb; 6],
    /// Stroke width of data lines, in px.
    pub line_width: u32,
    /// Size of tick labels, legend and value labels, in px as shown when the
    /// chart is drawn for the width it gets (see `Chart::svg_at`);
    /// the title is 1.3 × this.
    pub font_px: u32,
}

impl Palette {
    /// Dark text on white; colours after Okabe & Ito's colour-blind-safe set,
    /// darkened where needed to reach 3:1 on white.
    pub fn light() -> Self {
        Palette {
            background: Rgb(0xff, 0xff, 0xff),
            text: Rgb(0x1f, 0x23, 0x28),
            grid: Rgb(0xd8, 0xde, 0xe4),
            accent: Rgb(0xb3, 0x26, 0x1e),
            series: [
                Rgb(0x00, 0x72, 0xb2),
                Rgb(0xc8, 0x52, 0x00),
                Rgb(0x00, 0x7f, 0x5f),
                Rgb(0x9c, 0x3d, 0x85),
                Rgb(0x5c, 0x5c, 0x00),
                Rgb(0x4a, 0x4a, 0x9e),
            ],
            line_width: 2,
            font_px: 14,
        }
    }

    /// Light text on a near-black background (GitHub-dark-like greys), with the
    /// brighter Okabe & Ito colours.
    pub fn dark() -> Self {
        Palette {
            background: Rgb(0x0d, 0x11, 0x17),
            text: Rgb(0xe6, 0xed, 0xf3),
            grid: Rgb(0x30, 0x36, 0x3d),
            accent: Rgb(0xff, 0x7b, 0x72),
            series: [
                Rgb(0x56, 0xb4, 0xe9),
                Rgb(0xe6, 0x9f, 0x00),
                Rgb(0x2b, 0xc4, 0x9a),
                Rgb(0xcc, 0x79, 0xa7),
                Rgb(0xf0, 0xe4, 0x42),
                Rgb(0xb3, 0x9d, 0xff),
            ],
            line_width: 2,
            font_px: 14,
        }
    }

    /// For a projector: black on white (a washed-out projector loses dark
    /// backgrounds first), saturated dark colours, thick lines, large type.
    pub fn projector() -> Self {
        Palette {
            background: Rgb(0xff, 0xff, 0xff),
            text: Rgb(0x00, 0x00, 0x00),
            grid: Rgb(0xb0, 0xb0, 0xb0),
            accent: Rgb(0xc0, 0x00, 0x00),
            series: [
                Rgb(0x00, 0x45, 0xa8),
                Rgb(0xb8, 0x3c, 0x00),
                Rgb(0x00, 0x6b, 0x3c),
                Rgb(0x7a, 0x1f, 0x9c),
                Rgb(0x4d, 0x4d, 0x00),
                Rgb(0x33, 0x33, 0x33),
            ],
            line_width: 4,
            font_px: 18,
        }
    }

    /// Colour of series `index`, cycling through [`Palette::series`].
    pub fn series_color(&self, index: usize) -> Rgb {
        let len = self.series.len().max(1);
        self.series.get(index % len).copied().unwrap_or(self.text)
    }

    /// `font_px` kept to a readable, drawable size (12–48 px).
    pub(crate) fn font(&self) -> f64 {
        f64::from(self.font_px.clamp(12, 48))
    }

    /// `line_width` kept to 1–12 px.
    pub(crate) fn stroke(&self) -> u32 {
        self.line_width.clamp(1, 12)
    }
}

impl Default for Palette {
    fn default() -> Self {
        Palette::light()
    }
}
