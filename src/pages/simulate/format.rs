//! How the simulate page writes its figures. The numbers themselves come
//! from the one formatter, [`crate::domain::format`] (re-exported here so
//! the page's modules have one place to import from); this module adds the
//! page's own readings: LTV, LTV:CAC, payback, benchmark words and the
//! comparison table's cells.

use crate::domain::format::months;
pub use crate::domain::format::{
    count, money, money_cents, number, percent, signed, signed_money, DASH,
};

pub use crate::components::kpi::{level_class, level_word};
use crate::domain::economics::{Ltv, LtvCac, Payback};
use crate::domain::sim::{Metric, MetricValue};

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
    (writers(metric).1)(diff)
}

fn metric_number(metric: Metric, v: f64) -> String {
    (writers(metric).0)(v)
}

/// Writes one number as text.
type Writer = fn(f64) -> String;

/// How a comparison metric is written: its value, and its difference from
/// the first scenario (signed, in the same unit).
fn writers(metric: Metric) -> (Writer, Writer) {
    match metric {
        Metric::EndingArr
        | Metric::TotalSpend
        | Metric::BlendedCac
        | Metric::BlendedLtv
        | Metric::CashTrough
        | Metric::EndingCash => (money, signed_money),
        Metric::EndingCustomers | Metric::NewCustomers => (count, |d| signed(d, 0)),
        Metric::BlendedLtvCac | Metric::MagicNumber => (|v| number(v, 2), |d| signed(d, 2)),
        Metric::Payback => (|v| months(v, 1), |d| format!("{} months", signed(d, 1))),
        Metric::CashTroughMonth | Metric::CashPaybackMonth | Metric::BreakEvenMonth => (
            |v| format!("month {}", number(v, 0)),
            |d| format!("{} months", signed(d, 0)),
        ),
        Metric::Nrr => (|v| percent(v, 1), |d| format!("{} pts", signed(d, 1))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comparison_writes_customers_whole_and_months_in_words() {
        assert_eq!(
            metric_value(Metric::EndingCustomers, MetricValue::Number(1093.8)),
            "1,094"
        );
        assert_eq!(
            metric_value(Metric::Payback, MetricValue::Number(7.25)),
            "7.3 months"
        );
        assert_eq!(
            metric_value(Metric::Nrr, MetricValue::Number(104.0)),
            "104.0%"
        );
        assert_eq!(metric_difference(Metric::BlendedCac, -300.0), "−$300");
        assert_eq!(metric_difference(Metric::Nrr, 2.0), "+2.0 pts");
    }
}
