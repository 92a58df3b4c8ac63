//! Text on a chart without measuring it: width estimates from per-character
//! advances, wrapping and cutting to a width, and the text style every
//! label uses (see the crate docs on why nothing is measured).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Rgb;

/// plotters' SVG backend writes `font-size = size / 1.24`; multiply by this to
/// get the px size we mean.
pub(crate) const SVG_FONT_SCALE: f64 = 1.24;

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
