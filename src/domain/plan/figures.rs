//! The current figure of a metric in the user's Simulate scenario, or the
//! reason there is none, and how the simulator computes it.

use super::metrics::logo_churn;
use crate::domain::economics::{LtvCac, Payback};
use crate::domain::format;
use crate::domain::sim::{MagicNumber, MonthRow, Projection};

/// How a simulator figure is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureUnit {
    /// US dollars per customer, to the cent: `$1,234.56`.
    DollarsPerCustomer,
    /// A plain multiple with two decimals: `3.25` (LTV:CAC, magic number).
    Ratio,
    /// Months with one decimal: `7.5 months`.
    Months,
    /// A percentage given in percent (2.5 means 2.5%), one decimal: `2.5%`.
    Percent,
}

/// A figure the simulator measured for the current scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    /// The value in `unit`; always finite.
    pub value: f64,
    /// How to write it.
    pub unit: FigureUnit,
    /// The figure rests on an LTV capped at 60 months of gross profit (churn
    /// at or below expansion, or so low the formula runs past five years).
    pub ltv_capped: bool,
}

impl Figure {
    /// The value with its unit, written as the Simulate page writes it:
    /// thousands separators, a real minus sign (−), `$1,234.56`, `3.25`,
    /// `7.5 months`, `2.5%`.
    pub fn text(&self) -> String {
        match self.unit {
            FigureUnit::DollarsPerCustomer => format::money_cents(self.value),
            FigureUnit::Ratio => format::number(self.value, 2),
            FigureUnit::Months => format::months(self.value, 1),
            FigureUnit::Percent => format::percent(self.value, 1),
        }
    }
}

/// Why the simulator has no figure for a metric it can measure. Each case is
/// a division the scenario leaves undefined; none of them is a zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoFigure {
    /// No customer is won within the horizon (CAC, LTV:CAC, payback).
    NoNewCustomers,
    /// Customers arrive but nothing is spent, so LTV:CAC has no denominator.
    FreeAcquisition,
    /// ARPA × gross margin is zero, so CAC is never earned back.
    NoGrossProfit,
    /// No recurring revenue to retain (NRR).
    NoRevenue,
    /// Nothing was spent in the quarter before the last (magic number).
    NoPriorSpend,
    /// The horizon is shorter than two quarters (magic number).
    HorizonTooShort,
    /// No paying customers at the start of the last month (logo churn).
    NoCustomersAtStart,
    /// The model handed back a number that cannot be shown (a guard: the
    /// simulator promises finite figures).
    Unusable,
}

impl NoFigure {
    /// A short phrase for the table cell, saying why there is no number.
    pub fn phrase(self) -> &'static str {
        match self {
            NoFigure::NoNewCustomers => "No customers won in this scenario yet",
            NoFigure::FreeAcquisition => "Free acquisition: nothing spent, so no ratio",
            NoFigure::NoGrossProfit => "Never paid back: a customer brings no gross profit",
            NoFigure::NoRevenue => "No revenue yet, so nothing to retain",
            NoFigure::NoPriorSpend => "Nothing spent in the quarter before the last",
            NoFigure::HorizonTooShort => "The horizon is shorter than two quarters",
            NoFigure::NoCustomersAtStart => "No paying customers at the start of the last month",
            NoFigure::Unusable => "No usable figure for this scenario",
        }
    }
}

/// The current figure of a metric in the user's Simulate scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CurrentFigure {
    /// The simulator measured it.
    Value(Figure),
    /// The simulator measures this metric, but not in this scenario.
    Missing(NoFigure),
    /// The simulator does not model this metric (its id is not in
    /// [`SIMULATOR_METRIC_IDS`](super::SIMULATOR_METRIC_IDS)).
    NotMeasured,
}

/// How the simulator computes the figure for `metric_id`, for the page to
/// show beside the number; `None` for metrics it does not model.
pub fn simulator_formula(metric_id: &str) -> Option<&'static str> {
    Some(match metric_id {
        "cac_blended" => {
            "all go-to-market spend ÷ all new customers over the horizon, organic included; \
             only spend whose deals can close in time counts"
        }
        "ltv_cac" => {
            "blended LTV ÷ blended CAC, channels weighted by new customers; LTV counts at most \
             60 months of gross profit"
        }
        "payback_months" => "blended CAC ÷ (ARPA × gross margin), ARPA weighted by new customers",
        "nrr_12m" => {
            "(1 − monthly churn + monthly expansion)^12, channels weighted by their MRR a year \
             before the end"
        }
        "magic_number" => {
            "net new ARR of the last quarter ÷ sales & marketing spend of the quarter before"
        }
        "logo_churn" => {
            "customers lost in the last month ÷ paying customers at its start, all channels"
        }
        _ => return None,
    })
}

/// A figure, or [`NoFigure::Unusable`] if the value is not finite.
fn figure(value: f64, unit: FigureUnit, ltv_capped: bool) -> CurrentFigure {
    if value.is_finite() {
        CurrentFigure::Value(Figure {
            value,
            unit,
            ltv_capped,
        })
    } else {
        CurrentFigure::Missing(NoFigure::Unusable)
    }
}

/// Monthly logo churn of the last month, in percent, over all channels:
/// customers lost ÷ customers at the start of the month. The projection
/// keeps, per month, the customers at the end and the customers won; those
/// lost in month t are therefore active(t − 1) + new(t) − active(t) (the
/// model never churns customers won in the same month).
fn last_month_logo_churn(rows: &[MonthRow]) -> Result<f64, NoFigure> {
    let Some(last) = rows.last() else {
        return Err(NoFigure::NoCustomersAtStart);
    };
    // Month 1 starts with no customers, as the model does.
    let start = rows
        .len()
        .checked_sub(2)
        .and_then(|i| rows.get(i))
        .map_or(0.0, |r| r.active_customers.total());
    let won = last.new_customers.total();
    let end = last.active_customers.total();
    // Floating-point noise can make a churn-free month lose −1e-12 customers.
    let lost = (start + won - end).clamp(0.0, start.max(0.0));
    logo_churn(lost, start)
        .map(|f| f * 100.0)
        .ok_or(NoFigure::NoCustomersAtStart)
}

/// The current figure of metric `metric_id` in a simulator projection.
///
/// For the ids in [`SIMULATOR_METRIC_IDS`](super::SIMULATOR_METRIC_IDS):
/// - `cac_blended`: [`Summary::blended_cac`], $ per customer;
/// - `ltv_cac`: [`Summary::blended_ltv_cac`], a multiple (flagged when the
///   blended LTV is capped);
/// - `payback_months`: [`Summary::blended_payback`], months on gross margin;
/// - `nrr_12m`: [`Summary::nrr_12m_pct`], %;
/// - `magic_number`: [`Summary::magic_number`] of the last quarter;
/// - `logo_churn`: customers lost in the last month ÷ customers at its start,
///   %, over every channel (customer-weighted when channels churn at
///   different rates).
///
/// Logo churn is why this takes the whole [`Projection`] and not only its
/// [`Summary`]: the summary holds no churn figure, the monthly rows do.
/// Every other figure is read from the summary as Simulate shows it, so the
/// two pages always agree.
///
/// Where the scenario leaves a figure undefined the answer is
/// [`CurrentFigure::Missing`] with the reason; any other id is
/// [`CurrentFigure::NotMeasured`]. A returned value is always finite.
///
/// [`Summary`]: crate::domain::sim::Summary
/// [`Summary::blended_cac`]: crate::domain::sim::Summary::blended_cac
/// [`Summary::blended_ltv_cac`]: crate::domain::sim::Summary::blended_ltv_cac
/// [`Summary::blended_payback`]: crate::domain::sim::Summary::blended_payback
/// [`Summary::nrr_12m_pct`]: crate::domain::sim::Summary::nrr_12m_pct
/// [`Summary::magic_number`]: crate::domain::sim::Summary::magic_number
pub fn current_figure(metric_id: &str, projection: &Projection) -> CurrentFigure {
    let s = &projection.summary;
    let missing = CurrentFigure::Missing;
    match metric_id {
        "cac_blended" => match s.blended_cac {
            Some(cac) => figure(cac, FigureUnit::DollarsPerCustomer, false),
            None => missing(NoFigure::NoNewCustomers),
        },
        "ltv_cac" => {
            let capped = s.blended_ltv.is_some_and(|l| l.is_capped());
            match s.blended_ltv_cac {
                Some(LtvCac::Ratio(r)) => figure(r, FigureUnit::Ratio, capped),
                Some(LtvCac::FreeAcquisition) => missing(NoFigure::FreeAcquisition),
                None => missing(NoFigure::NoNewCustomers),
            }
        }
        "payback_months" => match s.blended_payback {
            Some(Payback::Months(m)) => figure(m, FigureUnit::Months, false),
            Some(Payback::Never) => missing(NoFigure::NoGrossProfit),
            None => missing(NoFigure::NoNewCustomers),
        },
        "nrr_12m" => match s.nrr_12m_pct {
            Some(pct) => figure(pct, FigureUnit::Percent, false),
            None => missing(NoFigure::NoRevenue),
        },
        "magic_number" => match s.magic_number {
            MagicNumber::Ratio(r) => figure(r, FigureUnit::Ratio, false),
            MagicNumber::NoPriorSpend => missing(NoFigure::NoPriorSpend),
            MagicNumber::NotEnoughMonths => missing(NoFigure::HorizonTooShort),
        },
        "logo_churn" => match last_month_logo_churn(&projection.rows) {
            Ok(pct) => figure(pct, FigureUnit::Percent, false),
            Err(why) => missing(why),
        },
        _ => CurrentFigure::NotMeasured,
    }
}
