//! How the simulate page writes numbers: thousands separators, a real minus
//! sign, a fixed number of decimals, and a dash instead of NaN or infinity
//! (the domain never hands those out; this is the last guard).

use crate::domain::economics::{Level, Ltv, LtvCac, Payback};
use crate::domain::sim::{Metric, MetricValue};

/// Shown where a number cannot be written.
pub const DASH: &str = "—";

/// `value` with `decimals` decimals and thousands separators: `12,345.6`.
/// Negative values use the minus sign (−); `-0.0` is written without one.
pub fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return DASH.to_string();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let zero = text.chars().all(|c| c == '0' || c == '.');
    let sign = if value < 0.0 && !zero { "−" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Dollars to the cent: `$4,000.00`, `−$12.50`.
pub fn money_cents(value: f64) -> String {
    money_with(value, 2)
}

/// Whole dollars: `$12,345`.
pub fn money(value: f64) -> String {
    money_with(value, 0)
}

fn money_with(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return DASH.to_string();
    }
    let digits = number(value, decimals);
    match digits.strip_prefix('−') {
        Some(rest) => format!("−${rest}"),
        None => format!("${digits}"),
    }
}

/// A difference in dollars with its sign: `+$1,200`, `−$300`, `$0`.
pub fn signed_money(value: f64) -> String {
    let text = money(value);
    if value > 0.0 && text != "$0" {
        format!("+{text}")
    } else {
        text
    }
}

/// A difference with its sign and `decimals` decimals: `+1.5`, `−0.25`.
pub fn signed(value: f64, decimals: usize) -> String {
    let text = number(value, decimals);
    if value > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{text}")
    } else {
        text
    }
}

/// A percentage with `decimals` decimals: `3.5%`.
pub fn percent(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return DASH.to_string();
    }
    format!("{}%", number(value, decimals))
}

/// An LTV in dollars to the cent (capped or not).
pub fn ltv(value: Ltv) -> String {
    money_cents(value.dollars())
}

/// An LTV:CAC ratio with two decimals, or why there is none.
pub fn ltv_cac(value: LtvCac) -> String {
    match value {
        LtvCac::Ratio(r) => number(r, 2),
        LtvCac::FreeAcquisition => "No CAC".to_string(),
    }
}

/// A payback in months with one decimal, or "Never".
pub fn payback(value: Payback) -> String {
    match value {
        Payback::Months(m) => number(m, 1),
        Payback::Never => "Never".to_string(),
    }
}

/// A short word for a benchmark level, so the reading never depends on
/// colour alone.
pub fn level_word(level: Level) -> &'static str {
    match level {
        Level::Good => "Healthy",
        Level::Ok => "Fine",
        Level::Warn => "Watch",
        Level::Bad => "Poor",
    }
}

/// The CSS modifier for a level.
pub fn level_class(level: Level) -> &'static str {
    match level {
        Level::Good => "level-good",
        Level::Ok => "level-ok",
        Level::Warn => "level-warn",
        Level::Bad => "level-bad",
    }
}

/// How the comparison table writes one metric's value.
pub fn metric_value(metric: Metric, value: MetricValue) -> String {
    match value {
        MetricValue::Number(v) => metric_number(metric, v),
        MetricValue::Capped(v) => format!("{} (capped)", metric_number(metric, v)),
        MetricValue::Month(m) => format!("month {m}"),
        MetricValue::Text(t) => t.to_string(),
    }
}

/// How the comparison table writes a difference from the first scenario.
pub fn metric_difference(metric: Metric, diff: f64) -> String {
    match metric {
        Metric::EndingArr
        | Metric::TotalSpend
        | Metric::BlendedCac
        | Metric::BlendedLtv
        | Metric::CashTrough
        | Metric::EndingCash => signed_money(diff),
        Metric::EndingCustomers | Metric::NewCustomers => signed(diff, 0),
        Metric::BlendedLtvCac | Metric::MagicNumber => signed(diff, 2),
        Metric::Payback => format!("{} months", signed(diff, 1)),
        Metric::CashTroughMonth | Metric::CashPaybackMonth | Metric::BreakEvenMonth => {
            format!("{} months", signed(diff, 0))
        }
        Metric::Nrr => format!("{} pts", signed(diff, 1)),
    }
}

fn metric_number(metric: Metric, v: f64) -> String {
    match metric {
        Metric::EndingArr
        | Metric::TotalSpend
        | Metric::BlendedCac
        | Metric::BlendedLtv
        | Metric::CashTrough
        | Metric::EndingCash => money(v),
        Metric::EndingCustomers | Metric::NewCustomers => number(v, 0),
        Metric::BlendedLtvCac | Metric::MagicNumber => number(v, 2),
        Metric::Payback => format!("{} months", number(v, 1)),
        Metric::CashTroughMonth | Metric::CashPaybackMonth | Metric::BreakEvenMonth => {
            format!("month {}", number(v, 0))
        }
        Metric::Nrr => percent(v, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_get_separators_and_a_real_minus() {
        assert_eq!(number(1234567.891, 2), "1,234,567.89");
        assert_eq!(number(-1234.5, 1), "−1,234.5");
        assert_eq!(number(-0.001, 1), "0.0");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(f64::NAN, 2), DASH);
        assert_eq!(money_cents(4000.0), "$4,000.00");
        assert_eq!(money(-1500.4), "−$1,500");
        assert_eq!(signed_money(1200.0), "+$1,200");
        assert_eq!(signed(0.0, 1), "0.0");
        assert_eq!(percent(3.0, 1), "3.0%");
    }
}
