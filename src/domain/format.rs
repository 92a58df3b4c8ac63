//! The one way the app writes numbers. Every page, chart label, sentence
//! and export goes through these functions, so a figure reads the same
//! wherever it appears:
//!
//! - thousands separated by commas, decimals after a point (US English, like
//!   the `$`): `12,345.6`;
//! - a real minus sign (−, U+2212), and never "−0": a value that rounds to
//!   zero has no sign;
//! - percentages with no space before the sign: `6%`, `1.5–3%`;
//! - dollars with the sign in front, after any minus: `−$1,500`;
//! - counts of people and accounts as whole numbers: `1,094 accounts`;
//! - [`DASH`] where there is no number (a guard: the domain hands out only
//!   finite values).

use crate::domain::unit::Unit;

/// Shown where a number cannot be written.
pub const DASH: &str = "—";

/// The minus sign (U+2212): it lines up with `+`, and screen readers say
/// "minus" where a hyphen may be read as "dash".
pub const MINUS: char = '\u{2212}';

/// More decimals than this are never written (an f64 holds about 15
/// significant digits; asking for more only shows noise).
const MAX_DECIMALS: usize = 12;

/// `value` with exactly `decimals` decimals and thousands separators:
/// `number(12345.61, 1)` = `12,345.6`, `number(-0.04, 1)` = `0.0`.
/// Non-finite values are written [`DASH`].
///
/// ```
/// use gtm_workbench::domain::format::number;
/// assert_eq!(number(12_345.61, 1), "12,345.6");
/// assert_eq!(number(-1_500.0, 0), "\u{2212}1,500"); // a real minus sign
/// assert_eq!(number(-0.04, 1), "0.0"); // never "−0.0"
/// assert_eq!(number(7.25, 1), "7.3"); // halves round up, as spreadsheets do
/// assert_eq!(number(f64::NAN, 1), "—");
/// ```
pub fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return DASH.to_string();
    }
    let decimals = decimals.min(MAX_DECIMALS);
    let text = format!(
        "{:.*}",
        decimals,
        half_away_from_zero(value.abs(), decimals)
    );
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3 + 3);
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push(MINUS);
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// `magnitude` (≥ 0) rounded to `decimals` decimals with halves rounded up,
/// as spreadsheets do (7.25 → 7.3, where Rust's formatting would give 7.2).
/// A value that prints as a half at 15 significant digits counts as a half
/// (1.005 → 1.01), since that is the number the person typed or sees.
fn half_away_from_zero(magnitude: f64, decimals: usize) -> f64 {
    let factor = 10f64.powi(decimals as i32);
    let scaled = magnitude * factor;
    // A few units in the last place of `scaled`: how far from a half the
    // product may land by rounding alone.
    let tolerance = scaled * 4.0 * f64::EPSILON;
    // Too large (or not finite) to hold a fraction at this precision: the
    // standard formatting is exact enough.
    if !scaled.is_finite() || tolerance >= 0.25 {
        return magnitude;
    }
    let floor = scaled.floor();
    let rest = scaled - floor;
    let half = (rest - 0.5).abs() <= tolerance;
    let rounded = if half || rest > 0.5 {
        floor + 1.0
    } else {
        floor
    };
    rounded / factor
}

/// `value` with at most `max_decimals` decimals, trailing zeros dropped:
/// `number_trimmed(2.50, 2)` = `2.5`, `number_trimmed(3.0, 2)` = `3`.
pub fn number_trimmed(value: f64, max_decimals: usize) -> String {
    let text = number(value, max_decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A number for a sentence, with as many decimals as its size deserves:
/// none from 100 up, one from 10, two below; trailing zeros dropped.
/// `1,234,567`, `12.3`, `2.5`, `3`.
pub fn figure(value: f64) -> String {
    let magnitude = value.abs();
    let decimals = if magnitude >= 100.0 {
        0
    } else if magnitude >= 10.0 {
        1
    } else {
        2
    };
    number_trimmed(value, decimals)
}

/// A count of people, accounts, sign-ups or deals: always whole (rounded to
/// the nearest), grouped: `count(1093.8)` = `1,094`.
pub fn count(value: f64) -> String {
    number(value, 0)
}

/// Whole dollars: `$12,345`, `−$1,500`.
///
/// ```
/// use gtm_workbench::domain::format::money;
/// assert_eq!(money(12_345.4), "$12,345");
/// assert_eq!(money(-1_500.0), "\u{2212}$1,500"); // the sign before the $
/// ```
pub fn money(value: f64) -> String {
    money_with(value, 0)
}

/// Dollars to the cent: `$4,000.00`, `−$12.50`.
pub fn money_cents(value: f64) -> String {
    money_with(value, 2)
}

/// Dollars with `decimals` decimals; the `$` follows any minus sign.
pub fn money_with(value: f64, decimals: usize) -> String {
    dollars(number(value, decimals))
}

/// Puts the `$` after the sign of an already written number.
fn dollars(digits: String) -> String {
    if digits == DASH {
        return digits;
    }
    match digits.strip_prefix(MINUS) {
        Some(rest) => format!("{MINUS}${rest}"),
        None => format!("${digits}"),
    }
}

/// A percentage with `decimals` decimals and no space before the sign:
/// `percent(3.5, 1)` = `3.5%`. The value is in percent (35 means 35%).
///
/// ```
/// use gtm_workbench::domain::format::percent;
/// assert_eq!(percent(3.5, 1), "3.5%");
/// assert_eq!(percent(1_250.0, 0), "1,250%");
/// ```
pub fn percent(value: f64, decimals: usize) -> String {
    let digits = number(value, decimals);
    if digits == DASH {
        digits
    } else {
        format!("{digits}%")
    }
}

/// A duration in months with `decimals` decimals: `7.5 months`, `1 month`.
pub fn months(value: f64, decimals: usize) -> String {
    let digits = number(value, decimals);
    match digits.as_str() {
        DASH => digits,
        "1" => "1 month".to_string(),
        _ => format!("{digits} months"),
    }
}

/// A difference with its sign and `decimals` decimals: `+1.5`, `−0.25`,
/// `0.0` (no sign on zero).
pub fn signed(value: f64, decimals: usize) -> String {
    with_plus(value, number(value, decimals))
}

/// A difference in whole dollars with its sign: `+$1,200`, `−$300`, `$0`.
pub fn signed_money(value: f64) -> String {
    with_plus(value, money(value))
}

/// A difference in percentage points or percent, with its sign: `+2.5%`.
pub fn signed_percent(value: f64, decimals: usize) -> String {
    with_plus(value, percent(value, decimals))
}

/// Adds `+` to a written positive value unless it rounded to zero.
fn with_plus(value: f64, text: String) -> String {
    if value > 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        format!("+{text}")
    } else {
        text
    }
}

/// `value` in `unit` with `decimals` decimals, as a figure in a sentence:
/// `$1,200`, `$1,200/month`, `$1,200/year`, `3.5%`, `3.5%/month`,
/// `14 months`, `6 weeks`, `1,094`.
pub fn in_unit(value: f64, unit: Unit, decimals: usize) -> String {
    with_unit(number(value, decimals), unit)
}

/// [`figure`] in `unit`: as many decimals as the size deserves, with the
/// unit's sign or word: `$41,667/month`, `2.5%/month`, `3 months`.
pub fn figure_in(value: f64, unit: Unit) -> String {
    with_unit(figure(value), unit)
}

/// An already written number with its unit's sign or word.
fn with_unit(digits: String, unit: Unit) -> String {
    if digits == DASH {
        return digits;
    }
    match unit {
        Unit::Dollars => dollars(digits),
        Unit::DollarsPerMonth => format!("{}/month", dollars(digits)),
        Unit::DollarsPerYear => format!("{}/year", dollars(digits)),
        Unit::Percent => format!("{digits}%"),
        Unit::PercentPerMonth => format!("{digits}%/month"),
        Unit::Months if digits == "1" => "1 month".to_string(),
        Unit::Months => format!("{digits} months"),
        Unit::Weeks if digits == "1" => "1 week".to_string(),
        Unit::Weeks => format!("{digits} weeks"),
        Unit::Count | Unit::Ratio | Unit::Number => digits,
    }
}

/// Dollars with at most `max_decimals` decimals, trailing zeros dropped:
/// `$4.5`, `$12`, `−$1.25` (for compact chart labels).
pub fn money_trimmed(value: f64, max_decimals: usize) -> String {
    dollars(number_trimmed(value, max_decimals))
}

/// An estimated count of things in words, whole: `about 3 deals`,
/// `about 1 deal`, and `less than one deal` for a positive amount that
/// rounds to zero (so a real loss is never written as "0").
pub fn about_count(value: f64, one: &str, many: &str) -> String {
    let rounded = if value.is_finite() {
        value.round()
    } else {
        0.0
    };
    if rounded == 0.0 && value > 0.0 {
        format!("less than one {one}")
    } else if rounded == 1.0 {
        format!("about 1 {one}")
    } else {
        format!("about {} {many}", count(value))
    }
}

/// How a typed value was read, for the "read as" line beside a field: the
/// value exactly (up to six decimals), with its unit sign. Dollars with a
/// fraction get at least cents: `$1,500`, `$12.50`, `1.5%`, `2,000,000`,
/// `12 months`.
pub fn exact(value: f64, unit: Unit) -> String {
    let digits = number_trimmed(value, 6);
    if digits == DASH {
        return digits;
    }
    match unit {
        Unit::Dollars | Unit::DollarsPerMonth | Unit::DollarsPerYear => {
            let decimals = digits.split_once('.').map_or(0, |(_, f)| f.len());
            if decimals == 1 {
                money_cents(value)
            } else {
                dollars(digits)
            }
        }
        Unit::Percent | Unit::PercentPerMonth => format!("{digits}%"),
        Unit::Months if digits == "1" => "1 month".to_string(),
        Unit::Months => format!("{digits} months"),
        Unit::Weeks if digits == "1" => "1 week".to_string(),
        Unit::Weeks => format!("{digits} weeks"),
        Unit::Count | Unit::Ratio | Unit::Number => digits,
    }
}

/// A field's limit in words a person reads at a glance, in the field's unit:
/// `$10 billion`, `$100 million a month`, `100%`, `20% a month`,
/// `12 months`, `1 week`, `10 million`, `0.01`.
pub fn limit(value: f64, unit: Unit) -> String {
    let digits = in_words(value);
    match unit {
        Unit::Dollars => dollars(digits),
        Unit::DollarsPerMonth => format!("{} a month", dollars(digits)),
        Unit::DollarsPerYear => format!("{} a year", dollars(digits)),
        Unit::Percent => format!("{digits}%"),
        Unit::PercentPerMonth => format!("{digits}% a month"),
        Unit::Months if digits == "1" => "1 month".to_string(),
        Unit::Months => format!("{digits} months"),
        Unit::Weeks if digits == "1" => "1 week".to_string(),
        Unit::Weeks => format!("{digits} weeks"),
        Unit::Count | Unit::Ratio | Unit::Number => digits,
    }
}

/// A round large number in words (`10 billion`, `2.5 million`); any other
/// number with up to six decimals (`4,294,967,295`, `0.01`).
fn in_words(value: f64) -> String {
    const SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
    for (scale, word) in SCALES {
        let scaled = value.abs() / scale;
        let hundredths = (scaled * 100.0).round();
        let round = (hundredths / 100.0 * scale - value.abs()).abs() <= value.abs() * 1e-12;
        if scaled >= 1.0 && round && value.is_finite() {
            let sign = if value < 0.0 {
                MINUS.to_string()
            } else {
                String::new()
            };
            return format!("{sign}{} {word}", number_trimmed(scaled, 2));
        }
    }
    number_trimmed(value, 6)
}

/// The text a number field shows for a stored value, and so the text that
/// needs no "read as" note: plain digits, a point for decimals, at most six
/// of them, no separators (`1500`, `2.5`, `-3`). Empty for a non-finite
/// value.
pub fn input_text(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 1e6).round() / 1e6;
    let text = format!("{rounded}");
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_separators_and_a_real_minus() {
        assert_eq!(number(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(number(-1234.5, 1), "−1,234.5");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(1000.0, 0), "1,000");
        assert_eq!(number(f64::NAN, 2), DASH);
        assert_eq!(number(f64::INFINITY, 0), DASH);
    }

    #[test]
    fn halves_round_up_as_in_a_spreadsheet() {
        assert_eq!(number(7.25, 1), "7.3");
        assert_eq!(number(0.5, 0), "1");
        assert_eq!(number(2.5, 0), "3");
        assert_eq!(number(1.005, 2), "1.01");
        assert_eq!(number(-7.25, 1), "−7.3");
        assert_eq!(number(7.24999, 1), "7.2");
        assert_eq!(count(1500.5), "1,501");
        assert_eq!(number(1e300, 2).len(), 301 + 100 + 3);
    }

    #[test]
    fn a_value_that_rounds_to_zero_has_no_sign() {
        assert_eq!(number(-0.001, 1), "0.0");
        assert_eq!(number(-0.0, 0), "0");
        assert_eq!(money(-0.4), "$0");
        assert_eq!(signed(0.0, 1), "0.0");
        assert_eq!(signed(0.01, 1), "0.0");
        assert_eq!(signed_money(0.3), "$0");
        assert_eq!(input_text(-0.0000001), "0");
    }

    #[test]
    fn money_puts_the_dollar_after_the_minus() {
        assert_eq!(money_cents(4000.0), "$4,000.00");
        assert_eq!(money(-1500.4), "−$1,500");
        assert_eq!(signed_money(1200.0), "+$1,200");
        assert_eq!(signed_money(-300.0), "−$300");
        assert_eq!(money(f64::NAN), DASH);
    }

    #[test]
    fn percentages_have_no_space_before_the_sign() {
        assert_eq!(percent(3.0, 1), "3.0%");
        assert_eq!(percent(6.0, 0), "6%");
        assert_eq!(signed_percent(2.5, 1), "+2.5%");
        assert_eq!(percent(f64::NAN, 1), DASH);
    }

    #[test]
    fn counts_of_people_are_whole() {
        assert_eq!(count(1093.8), "1,094");
        assert_eq!(count(0.4), "0");
        assert_eq!(count(2_000_000.0), "2,000,000");
    }

    #[test]
    fn sentence_figures_keep_only_meaningful_decimals() {
        assert_eq!(figure(1_234_567.4), "1,234,567");
        assert_eq!(figure(12.26), "12.3");
        assert_eq!(figure(2.5), "2.5");
        assert_eq!(figure(3.0), "3");
        assert_eq!(figure(-0.004), "0");
        assert_eq!(number_trimmed(2.50, 2), "2.5");
    }

    #[test]
    fn estimated_counts_are_whole_and_never_a_false_zero() {
        assert_eq!(about_count(3.4, "deal", "deals"), "about 3 deals");
        assert_eq!(about_count(1.2, "deal", "deals"), "about 1 deal");
        assert_eq!(about_count(0.3, "deal", "deals"), "less than one deal");
        assert_eq!(about_count(1093.8, "deal", "deals"), "about 1,094 deals");
    }

    #[test]
    fn months_and_units_read_as_words() {
        assert_eq!(figure_in(41_666.67, Unit::DollarsPerMonth), "$41,667/month");
        assert_eq!(figure_in(2.5, Unit::PercentPerMonth), "2.5%/month");
        assert_eq!(figure_in(1.0, Unit::Months), "1 month");
        assert_eq!(money_trimmed(-1.25, 2), "−$1.25");
        assert_eq!(money_trimmed(12.0, 1), "$12");
        assert_eq!(months(1.0, 0), "1 month");
        assert_eq!(months(7.5, 1), "7.5 months");
        assert_eq!(in_unit(1200.0, Unit::DollarsPerMonth, 0), "$1,200/month");
        assert_eq!(in_unit(3.5, Unit::PercentPerMonth, 1), "3.5%/month");
        assert_eq!(in_unit(6.0, Unit::Weeks, 0), "6 weeks");
    }

    #[test]
    fn read_as_shows_the_value_exactly_in_its_unit() {
        assert_eq!(exact(1500.0, Unit::Dollars), "$1,500");
        assert_eq!(exact(12.5, Unit::DollarsPerMonth), "$12.50");
        assert_eq!(exact(0.125, Unit::Dollars), "$0.125");
        assert_eq!(exact(1.5, Unit::PercentPerMonth), "1.5%");
        assert_eq!(exact(2_000_000.0, Unit::Count), "2,000,000");
        assert_eq!(exact(12.0, Unit::Months), "12 months");
    }

    #[test]
    fn limits_are_written_in_the_fields_unit_and_in_words_when_large() {
        assert_eq!(limit(10_000_000_000.0, Unit::Dollars), "$10 billion");
        assert_eq!(
            limit(100_000_000.0, Unit::DollarsPerMonth),
            "$100 million a month"
        );
        assert_eq!(limit(100.0, Unit::Percent), "100%");
        assert_eq!(limit(20.0, Unit::PercentPerMonth), "20% a month");
        assert_eq!(limit(12.0, Unit::Months), "12 months");
        assert_eq!(limit(1.0, Unit::Weeks), "1 week");
        assert_eq!(limit(10_000_000.0, Unit::Count), "10 million");
        assert_eq!(limit(2_500_000.0, Unit::Count), "2.5 million");
        assert_eq!(limit(4_294_967_295.0, Unit::Number), "4,294,967,295");
        assert_eq!(limit(0.01, Unit::Dollars), "$0.01");
        assert_eq!(
            limit(1_000_000.0, Unit::DollarsPerYear),
            "$1 million a year"
        );
    }

    #[test]
    fn the_field_text_is_plain() {
        assert_eq!(input_text(1500.0), "1500");
        assert_eq!(input_text(2.5), "2.5");
        assert_eq!(input_text(1.0 / 3.0), "0.333333");
        assert_eq!(input_text(f64::NAN), "");
    }
}
