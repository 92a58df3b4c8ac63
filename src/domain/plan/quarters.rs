//! The scenario at each quarter end: the figures behind the report's charts.

use crate::domain::sim::MonthRow;

/// One quarter-end month of the scenario, for the report.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct QuarterRow {
    /// Month number, 1-based (3, 6, 9, … and the last month).
    pub month: u32,
    /// Total MRR at the end of the month, $ per month.
    pub mrr: f64,
    /// Paying customers at the end of the month.
    pub customers: f64,
    /// Cumulative cash at the end of the month, $ (negative while the
    /// go-to-market engine has consumed more than it brought in).
    pub cumulative_cash: f64,
}

/// The projection at every third month (3, 6, 9, …), plus the last month
/// when the horizon is not a whole number of quarters, so the table always
/// ends where the charts end. Non-finite numbers (which the simulator never
/// produces) become 0.
pub fn quarterly_rows(rows: &[MonthRow]) -> Vec<QuarterRow> {
    let finite = |x: f64| if x.is_finite() { x } else { 0.0 };
    let n = rows.len();
    rows.iter()
        .enumerate()
        .filter(|(i, _)| (i + 1) % 3 == 0 || i + 1 == n)
        .map(|(_, r)| QuarterRow {
            month: r.month,
            mrr: finite(r.mrr.total()),
            customers: finite(r.active_customers.total()),
            cumulative_cash: finite(r.cumulative_cash),
        })
        .collect()
}
