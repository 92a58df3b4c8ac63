//! Side-by-side comparison of up to three scenarios: the summary figures in
//! rows, one column per scenario, and each figure's difference from the
//! first column.

use super::model::{CashPayback, MagicNumber, Summary};
use super::state::MAX_COMPARE;
use crate::domain::economics::{Ltv, LtvCac, Payback};

/// A summary figure shown in the comparison table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    /// ARR at the end of the horizon, $.
    EndingArr,
    /// Paying customers at the end.
    EndingCustomers,
    /// Customers won over the horizon.
    NewCustomers,
    /// Sales and marketing spend over the horizon, $.
    TotalSpend,
    /// Blended CAC, $.
    BlendedCac,
    /// Blended LTV, $.
    BlendedLtv,
    /// Blended LTV:CAC.
    BlendedLtvCac,
    /// Blended CAC payback, months.
    Payback,
    /// Lowest cumulative cash, $.
    CashTrough,
    /// Month of the lowest cumulative cash.
    CashTroughMonth,
    /// Month cumulative cash is back at zero.
    CashPaybackMonth,
    /// First month gross profit covers spend.
    BreakEvenMonth,
    /// 12-month net revenue retention, %.
    Nrr,
    /// Magic number of the last quarter.
    MagicNumber,
    /// Cumulative cash at the end, $.
    EndingCash,
}

impl Metric {
    /// Every row, in table order.
    pub const ALL: [Metric; 15] = [
        Metric::EndingArr,
        Metric::EndingCustomers,
        Metric::NewCustomers,
        Metric::TotalSpend,
        Metric::BlendedCac,
        Metric::BlendedLtv,
        Metric::BlendedLtvCac,
        Metric::Payback,
        Metric::CashTrough,
        Metric::CashTroughMonth,
        Metric::CashPaybackMonth,
        Metric::BreakEvenMonth,
        Metric::Nrr,
        Metric::MagicNumber,
        Metric::EndingCash,
    ];

    /// The row label, with its unit.
    pub fn label(self) -> &'static str {
        match self {
            Metric::EndingArr => "ARR at the end ($)",
            Metric::EndingCustomers => "Customers at the end",
            Metric::NewCustomers => "New customers",
            Metric::TotalSpend => "Sales & marketing spend ($)",
            Metric::BlendedCac => "Blended CAC ($)",
            Metric::BlendedLtv => "Blended LTV ($)",
            Metric::BlendedLtvCac => "Blended LTV:CAC",
            Metric::Payback => "CAC payback (months)",
            Metric::CashTrough => "Cash trough ($)",
            Metric::CashTroughMonth => "Cash trough (month)",
            Metric::CashPaybackMonth => "Cash back to zero (month)",
            Metric::BreakEvenMonth => "Monthly break-even (month)",
            Metric::Nrr => "NRR, 12 months (%)",
            Metric::MagicNumber => "Magic number (last quarter)",
            Metric::EndingCash => "Cumulative cash at the end ($)",
        }
    }

    /// Whether a larger value is better (`false`: smaller is better), for
    /// colouring differences.
    pub fn higher_is_better(self) -> bool {
        !matches!(
            self,
            Metric::TotalSpend
                | Metric::BlendedCac
                | Metric::Payback
                | Metric::CashTroughMonth
                | Metric::CashPaybackMonth
                | Metric::BreakEvenMonth
        )
    }
}

/// One cell of the comparison table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MetricValue {
    /// A number in the metric's unit.
    Number(f64),
    /// An LTV (or a figure built on one) that hit the 60-month cap.
    Capped(f64),
    /// A month number (1-based).
    Month(u32),
    /// No number, and why (e.g. "no customers").
    Text(&'static str),
}

impl MetricValue {
    /// The number behind the cell, if any (months as numbers).
    pub fn number(self) -> Option<f64> {
        match self {
            MetricValue::Number(v) | MetricValue::Capped(v) => Some(v),
            MetricValue::Month(m) => Some(f64::from(m)),
            MetricValue::Text(_) => None,
        }
    }
}

const NO_CUSTOMERS: &str = "no customers";

impl Summary {
    /// One figure of the summary as a table cell.
    pub fn metric(&self, metric: Metric) -> MetricValue {
        use MetricValue as V;
        match metric {
            Metric::EndingArr => V::Number(self.ending_arr),
            Metric::EndingCustomers => V::Number(self.ending_customers),
            Metric::NewCustomers => V::Number(self.total_new_customers),
            Metric::TotalSpend => V::Number(self.total_spend),
            Metric::BlendedCac => self.blended_cac.map_or(V::Text(NO_CUSTOMERS), V::Number),
            Metric::BlendedLtv => match self.blended_ltv {
                Some(Ltv::Finite(d)) => V::Number(d),
                Some(Ltv::Capped(d)) => V::Capped(d),
                None => V::Text(NO_CUSTOMERS),
            },
            Metric::BlendedLtvCac => match (self.blended_ltv_cac, self.blended_ltv) {
                (Some(LtvCac::Ratio(r)), Some(l)) if l.is_capped() => V::Capped(r),
                (Some(LtvCac::Ratio(r)), _) => V::Number(r),
                (Some(LtvCac::FreeAcquisition), _) => V::Text("no acquisition cost"),
                (None, _) => V::Text(NO_CUSTOMERS),
            },
            Metric::Payback => match self.blended_payback {
                Some(Payback::Months(m)) => V::Number(m),
                Some(Payback::Never) => V::Text("never"),
                None => V::Text(NO_CUSTOMERS),
            },
            Metric::CashTrough => V::Number(self.trough.map_or(0.0, |t| t.dollars)),
            Metric::CashTroughMonth => self
                .trough
                .map_or(V::Text("never below zero"), |t| V::Month(t.month)),
            Metric::CashPaybackMonth => match self.cash_payback {
                CashPayback::NeverNegative => V::Text("never below zero"),
                CashPayback::PaidBackIn(m) => V::Month(m),
                CashPayback::NotWithinHorizon => V::Text("not within the horizon"),
            },
            Metric::BreakEvenMonth => self
                .break_even_month
                .map_or(V::Text("not within the horizon"), V::Month),
            Metric::Nrr => self.nrr_12m_pct.map_or(V::Text("no revenue"), V::Number),
            Metric::MagicNumber => match self.magic_number {
                MagicNumber::Ratio(r) => V::Number(r),
                MagicNumber::NoPriorSpend => V::Text("no spend"),
                MagicNumber::NotEnoughMonths => V::Text("horizon too short"),
            },
            Metric::EndingCash => V::Number(self.ending_cumulative_cash),
        }
    }
}

/// A scenario column of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonColumn {
    /// The scenario's id.
    pub id: u32,
    /// The scenario's name (escape it when rendering).
    pub name: String,
}

/// One row: a metric across the scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow {
    /// Which figure.
    pub metric: Metric,
    /// One cell per column.
    pub values: Vec<MetricValue>,
    /// Each column's value minus the first column's; `None` for the first
    /// column and where either side has no number.
    pub differences: Vec<Option<f64>>,
}

/// The comparison table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComparisonTable {
    /// The scenarios, first one the reference.
    pub columns: Vec<ComparisonColumn>,
    /// One row per [`Metric`].
    pub rows: Vec<ComparisonRow>,
}

/// Builds the table from `(id, name, summary)` triples; only the first
/// [`MAX_COMPARE`] are used. Differences are against the first.
pub fn compare_summaries(scenarios: &[(u32, &str, &Summary)]) -> ComparisonTable {
    let used = scenarios
        .get(..scenarios.len().min(MAX_COMPARE))
        .unwrap_or(&[]);
    let columns = used
        .iter()
        .map(|(id, name, _)| ComparisonColumn {
            id: *id,
            name: (*name).to_string(),
        })
        .collect();
    let rows = Metric::ALL
        .iter()
        .map(|&metric| {
            let values: Vec<MetricValue> = used.iter().map(|(_, _, s)| s.metric(metric)).collect();
            let first = values.first().and_then(|v| v.number());
            let differences = values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    if i == 0 {
                        return None;
                    }
                    first.zip(v.number()).map(|(a, b)| b - a)
                })
                .collect();
            ComparisonRow {
                metric,
                values,
                differences,
            }
        })
        .collect();
    ComparisonTable { columns, rows }
}
