//! Compact number formatting for ticks, value labels and text alternatives
//! (the suffix and decimals are chosen here; the digits are written by
//! [`crate::domain::format`]), the cleaning of raw input values and labels,
//! and the names the text alternatives say.

use super::{ChartSpec, Unit, MAX_ABS_VALUE};
use crate::domain::format;

/// A finite value clamped to ±[`MAX_ABS_VALUE`], or `None` for NaN/±∞.
pub(crate) fn clean(value: f64) -> Option<f64> {
    if value.is_finite() {
        Some(value.clamp(-MAX_ABS_VALUE, MAX_ABS_VALUE))
    } else {
        None
    }
}

/// `value` written short for an axis or a label: a suffix `k` (10^3), `M`
/// (10^6), `B` (10^9) or `T` (10^12), at most one decimal once a suffix is
/// used (two below 10 without one), trailing zeros dropped, and the unit's
/// sign: `$12.3k`, `−$1.2M`, `1.5k`, `3.25×`, `45%`, `14.5`.
/// A negative value that rounds to zero is written without a sign. NaN and
/// infinities, which the charts never pass, are written `n/a`; magnitudes
/// beyond [`MAX_ABS_VALUE`] are clamped to it.
pub fn format_compact(value: f64, unit: Unit) -> String {
    let Some(value) = clean(value) else {
        return "n/a".to_owned();
    };
    const SUFFIXES: [(f64, &str); 5] = [(1.0, ""), (1e3, "k"), (1e6, "M"), (1e9, "B"), (1e12, "T")];
    let magnitude = value.abs();
    let mut index = SUFFIXES
        .iter()
        .rposition(|(divisor, _)| magnitude >= *divisor)
        .unwrap_or(0);
    let mut digits;
    loop {
        let (divisor, _) = SUFFIXES.get(index).copied().unwrap_or((1.0, ""));
        let scaled = magnitude / divisor;
        digits = match (index, scaled) {
            (0, s) if s < 10.0 => 2,
            (_, s) if s < 100.0 => 1,
            _ => 0,
        };
        // 999.96 rounds to "1000": say "1k" instead.
        let rounded = round_to(scaled, digits);
        if rounded >= 1000.0 && index + 1 < SUFFIXES.len() {
            index += 1;
            continue;
        }
        break;
    }
    let (divisor, suffix) = SUFFIXES.get(index).copied().unwrap_or((1.0, ""));
    // The digits, sign and grouping come from the one formatter; only the
    // choice of suffix and decimals is the chart's.
    let scaled = value / divisor;
    match unit {
        Unit::Dollars => format!("{}{suffix}", format::money_trimmed(scaled, digits)),
        Unit::Count | Unit::Months => format!("{}{suffix}", format::number_trimmed(scaled, digits)),
        Unit::Ratio => format!("{}{suffix}×", format::number_trimmed(scaled, digits)),
        Unit::Percent => format!("{}{suffix}%", format::number_trimmed(scaled, digits)),
    }
}

/// [`format_compact`] for a sentence: the same, except months read
/// `14.5 months` (or `1 month`) and counts below a thousand are whole
/// (people and accounts are counted, not measured).
pub fn describe(value: f64, unit: Unit) -> String {
    let short = format_compact(value, unit);
    match unit {
        Unit::Months if short == "1" => "1 month".to_owned(),
        Unit::Months => format!("{short} months"),
        Unit::Count if clean(value).is_some_and(|v| v.abs() < 999.5) => format::count(value),
        _ => short,
    }
}

fn round_to(value: f64, digits: usize) -> f64 {
    let factor = match digits {
        0 => 1.0,
        1 => 10.0,
        _ => 100.0,
    };
    (value * factor).round() / factor
}

/// A label fit for drawing: control characters (invalid in XML, or line
/// breaks plotters would draw raw) become spaces, and text longer than
/// `max_chars` is cut with an ellipsis. An empty result becomes `fallback`.
pub(crate) fn label(text: &str, max_chars: usize, fallback: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        return fallback.to_owned();
    }
    let count = trimmed.chars().count();
    if count <= max_chars.max(2) {
        return trimmed.to_owned();
    }
    let mut cut: String = trimmed.chars().take(max_chars.max(2) - 1).collect();
    cut = cut.trim_end().to_owned();
    cut.push('…');
    cut
}

/// `part` as a whole percentage of `whole` (0 when `whole` is not positive).
pub(crate) fn percent_of(part: f64, whole: f64) -> f64 {
    if whole > 0.0 && part.is_finite() && whole.is_finite() {
        (part / whole * 100.0).round()
    } else {
        0.0
    }
}

/// A title for the text alternative: the cleaned title, or "Chart".
pub(crate) fn said_title(spec: &ChartSpec) -> String {
    label(&spec.title, 300, "Chart")
}

/// A series name for the text alternative.
pub(crate) fn said_name(name: &str, index: usize) -> String {
    label(name, 120, &format!("Series {}", index + 1))
}
