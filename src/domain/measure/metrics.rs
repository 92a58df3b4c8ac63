//! The figures of the Measure workspace, computed from the stored monthly
//! series (so they come back the same after a reload), each with the
//! formula text the page shows beside it ([`formula`]).
//!
//! Rates are **pooled over the last 12 complete months**: the sum of what
//! happened in each month divided by the sum of what each month started
//! with, not an average of twelve monthly rates, so a month with few
//! customers weighs little. When the data has fewer months, the months it
//! has are pooled and [`Pooled::months`] says how many.
//!
//! Monthly and annual churn are different types ([`MonthlyRate`],
//! [`AnnualRate`]); the annual equivalent is 1 − (1 − m)^12, never 12 × m.

use thiserror::Error;

use super::date::YearMonth;
use super::series::{MonthRow, Retention};
use crate::domain::economics::{self, AnnualRate, Ltv, MonthlyRate, Payback, Share};

/// Months pooled for the rates: the last 12 complete months.
pub const POOLED_MONTHS: i32 = 12;

/// The formula beside each figure, in the words the page shows.
pub mod formula {
    /// The last complete month.
    pub const LAST_COMPLETE_MONTH: &str =
        "Last complete month = the month before the month of the latest date in the file (for a monthly table, its last month)";
    /// Active customers.
    pub const CUSTOMERS: &str =
        "Active customers = customers paying at the end of the last complete month (a subscription counts from its start date until its end or cancel date)";
    /// MRR.
    pub const MRR: &str =
        "MRR = Σ amount × quantity ÷ months in the billing interval, over the subscriptions active at the end of the last complete month";
    /// ARPA.
    pub const ARPA: &str = "ARPA = MRR ÷ active customers";
    /// Monthly logo churn.
    pub const LOGO_CHURN: &str =
        "Monthly logo churn = Σ customers lost in each of the last 12 complete months ÷ Σ customers active at each month's start";
    /// Annual equivalent of a monthly rate.
    pub const ANNUAL_EQUIVALENT: &str = "Annual equivalent = 1 − (1 − monthly rate)^12";
    /// Gross MRR churn.
    pub const REVENUE_CHURN: &str =
        "Gross MRR churn = Σ (churned MRR + contraction MRR) in each of the last 12 complete months ÷ Σ MRR at each month's start";
    /// Expansion rate.
    pub const EXPANSION: &str =
        "Monthly expansion = Σ expansion MRR in each of the last 12 complete months ÷ Σ MRR at each month's start";
    /// Contraction rate.
    pub const CONTRACTION: &str =
        "Monthly contraction = Σ contraction MRR in each of the last 12 complete months ÷ Σ MRR at each month's start";
    /// Net revenue retention.
    pub const NRR: &str =
        "NRR (12 months) = MRR now from the customers active 12 months ago ÷ their MRR then";
    /// Gross revenue retention.
    pub const GRR: &str =
        "GRR (12 months) = Σ min(MRR now, MRR then) over the customers active 12 months ago ÷ their MRR then";
    /// New customers a month.
    pub const NEW_PER_MONTH: &str =
        "New customers a month = customers won in the last 12 complete months ÷ the number of those months";
    /// CAC.
    pub const CAC: &str =
        "CAC = sales and marketing spend in the last 12 complete months ÷ customers won in the same months";
    /// The churn and expansion LTV uses.
    pub const LTV_RATES: &str =
        "LTV uses monthly logo churn and net expansion (expansion − contraction); when contraction is larger, the difference is added to churn";
    /// Movements.
    pub const MOVEMENTS: &str =
        "MRR this month = MRR last month + new + reactivation + expansion − contraction − churned, where new is the MRR of customers paying for the first time, reactivation that of customers paying again after a gap, expansion and contraction the rise and fall of customers who paid in both months, and churned the MRR of customers who paid last month and not this month";
    /// The backtest.
    pub const BACKTEST: &str =
        "Backtest: the model runs from the first measured month with the measured ARPA, churn, expansion and new customers a month (your funnel and spend unchanged, billed monthly); customers already paying before that month are kept at (1 − churn + expansion) a month. Error at the end = model MRR − actual MRR in the last complete month; % off = that ÷ the actual MRR";
    /// Cohort logo retention.
    pub const COHORT_LOGO: &str =
        "Logo retention after n months = customers of the start month still paying n months later ÷ customers who started that month";
    /// Cohort revenue retention.
    pub const COHORT_REVENUE: &str =
        "Revenue retention after n months = the start month's customers' MRR n months later ÷ their MRR in the start month";
    /// Average curve.
    pub const AVERAGE_CURVE: &str =
        "Average curve = at each age, Σ retained ÷ Σ started over the cohorts old enough (larger cohorts weigh more)";
}

/// Why a figure has no value: every figure either has one or says which of
/// these applies.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Unavailable {
    /// No paying customer at the end of the month.
    #[error("No paying customers at the end of {0}.")]
    NoCustomers(String),
    /// No pooled month started with a customer.
    #[error("No month of the last 12 started with a paying customer.")]
    NoCustomersAtStart,
    /// No pooled month started with MRR.
    #[error("No month of the last 12 started with any MRR.")]
    NoMrrAtStart,
    /// A monthly table without the column this needs.
    #[error("The table has no {0} column.")]
    NotInTable(&'static str),
    /// A figure that needs to follow individual customers.
    #[error("Needs a subscription list: a monthly table does not say which customers stayed.")]
    NeedsSubscriptionList,
    /// Per-channel figures leave this one out.
    #[error("Measured for all customers together, not per channel.")]
    NotPerChannel,
    /// Nobody was paying twelve months before.
    #[error("No paying customers at the end of {0}, twelve months earlier, to follow.")]
    NoCustomersYearAgo(String),
    /// No spend in the file.
    #[error("The file has no sales and marketing spend.")]
    NoSpend,
    /// Spend but no customers won.
    #[error("No customers were won in the months with spend, so CAC has no value.")]
    NoNewCustomers,
}

/// A figure, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum Measured<T> {
    /// The figure.
    Value(T),
    /// Why it has no value.
    Unavailable(Unavailable),
}

impl<T> Measured<T> {
    /// The value, if there is one.
    pub fn value(&self) -> Option<&T> {
        match self {
            Measured::Value(v) => Some(v),
            Measured::Unavailable(_) => None,
        }
    }

    fn and_then<U>(self, f: impl FnOnce(T) -> Measured<U>) -> Measured<U> {
        match self {
            Measured::Value(v) => f(v),
            Measured::Unavailable(u) => Measured::Unavailable(u),
        }
    }
}

/// A rate pooled over several months: Σ numerator ÷ Σ denominator.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pooled {
    /// The monthly rate (a fraction; clamped to 0–1 like every
    /// [`MonthlyRate`]).
    pub rate: MonthlyRate,
    /// Σ of what happened (customers lost, MRR lost or added).
    pub numerator: f64,
    /// Σ of what the months started with (customers or MRR).
    pub denominator: f64,
    /// How many months were pooled (12 unless the data is shorter).
    pub months: u32,
}

impl Pooled {
    /// The annual equivalent, 1 − (1 − m)^12.
    pub fn annual(&self) -> AnnualRate {
        self.rate.to_annual()
    }
}

/// A ratio of two sums (NRR, GRR), as a fraction (1.05 = 105 %).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ratio {
    /// numerator ÷ denominator.
    pub value: f64,
    /// MRR now (for GRR, with increases left out).
    pub numerator: f64,
    /// MRR then.
    pub denominator: f64,
}

/// CAC over the pooled months.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cac {
    /// Spend ÷ new customers, in the measurement's currency.
    pub per_customer: f64,
    /// Spend in the months counted.
    pub spend: f64,
    /// New customers in the same months.
    pub new_customers: u64,
    /// How many months were counted.
    pub months: u32,
}

/// The figures of one series (all customers, or one channel), at the last
/// complete month.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// The last complete month ([`formula::LAST_COMPLETE_MONTH`]).
    pub month: YearMonth,
    /// Active customers then ([`formula::CUSTOMERS`]).
    pub customers: u32,
    /// MRR then ([`formula::MRR`]).
    pub mrr: f64,
    /// ARPA then ([`formula::ARPA`]).
    pub arpa: Measured<f64>,
    /// Monthly logo churn ([`formula::LOGO_CHURN`]).
    pub logo_churn: Measured<Pooled>,
    /// Gross MRR churn ([`formula::REVENUE_CHURN`]).
    pub revenue_churn: Measured<Pooled>,
    /// Monthly expansion ([`formula::EXPANSION`]).
    pub expansion: Measured<Pooled>,
    /// Monthly contraction ([`formula::CONTRACTION`]).
    pub contraction: Measured<Pooled>,
    /// 12-month net revenue retention ([`formula::NRR`]).
    pub nrr: Measured<Ratio>,
    /// 12-month gross revenue retention ([`formula::GRR`]).
    pub grr: Measured<Ratio>,
    /// New customers a month ([`formula::NEW_PER_MONTH`]).
    pub new_customers_per_month: Measured<f64>,
    /// CAC ([`formula::CAC`]).
    pub cac: Measured<Cac>,
}

/// Where 12-month retention comes from for [`figures`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RetentionSource<'a> {
    /// A subscription list's retention inputs.
    List(&'a Retention),
    /// A monthly table: not measurable.
    Table,
    /// One channel of a list: measured for all customers only.
    Channel,
}

/// The rows of the pooled window: months `last − 11 ..= last`.
fn window(series: &[MonthRow], last: YearMonth) -> impl Iterator<Item = &MonthRow> {
    let oldest = last.plus(-(POOLED_MONTHS - 1));
    series
        .iter()
        .filter(move |r| r.month >= oldest && r.month <= last)
}

/// Pools `part ÷ base` over the window rows where both are known.
fn pool(
    rows: &[&MonthRow],
    part: impl Fn(&MonthRow) -> Option<f64>,
    base: impl Fn(&MonthRow) -> Option<f64>,
    missing: Unavailable,
    zero_base: Unavailable,
) -> Measured<Pooled> {
    let mut numerator = 0.0;
    let mut denominator = 0.0;
    let mut months = 0u32;
    let mut any_part = false;
    for r in rows {
        let Some(p) = part(r) else { continue };
        any_part = true;
        let Some(b) = base(r) else { continue };
        numerator += p;
        denominator += b;
        months += 1;
    }
    if !any_part {
        return Measured::Unavailable(missing);
    }
    if denominator <= 0.0 {
        return Measured::Unavailable(zero_base);
    }
    Measured::Value(Pooled {
        rate: MonthlyRate::from_fraction(numerator / denominator),
        numerator,
        denominator,
        months,
    })
}

/// Computes every figure of `series` at `last` (the last complete month).
pub fn figures(series: &[MonthRow], retention: RetentionSource<'_>, last: YearMonth) -> Figures {
    let now = series.iter().find(|r| r.month == last);
    let customers = now.map_or(0, |r| r.customers);
    let mrr = now.map_or(0.0, |r| r.mrr);
    let arpa = if customers > 0 {
        Measured::Value(mrr / f64::from(customers))
    } else {
        Measured::Unavailable(Unavailable::NoCustomers(last.label()))
    };
    let rows: Vec<&MonthRow> = window(series, last).collect();
    let start_customers = |r: &MonthRow| r.start_customers.map(f64::from);
    let logo_churn = pool(
        &rows,
        |r| r.churned_customers.map(f64::from),
        start_customers,
        Unavailable::NotInTable("churned customers"),
        Unavailable::NoCustomersAtStart,
    );
    let revenue_churn = pool(
        &rows,
        |r| Some(r.churned_mrr? + r.contraction_mrr.unwrap_or(0.0)),
        |r| r.start_mrr,
        Unavailable::NotInTable("churned MRR"),
        Unavailable::NoMrrAtStart,
    );
    let expansion = pool(
        &rows,
        |r| r.expansion_mrr,
        |r| r.start_mrr,
        Unavailable::NotInTable("expansion MRR"),
        Unavailable::NoMrrAtStart,
    );
    let contraction = pool(
        &rows,
        |r| r.contraction_mrr,
        |r| r.start_mrr,
        Unavailable::NotInTable("contraction MRR"),
        Unavailable::NoMrrAtStart,
    );
    let (nrr, grr) = match retention {
        RetentionSource::Table => (
            Measured::Unavailable(Unavailable::NeedsSubscriptionList),
            Measured::Unavailable(Unavailable::NeedsSubscriptionList),
        ),
        RetentionSource::Channel => (
            Measured::Unavailable(Unavailable::NotPerChannel),
            Measured::Unavailable(Unavailable::NotPerChannel),
        ),
        RetentionSource::List(r) if r.customers_then == 0 || r.mrr_then <= 0.0 => {
            let why = Unavailable::NoCustomersYearAgo(r.from.label());
            (
                Measured::Unavailable(why.clone()),
                Measured::Unavailable(why),
            )
        }
        RetentionSource::List(r) => (
            Measured::Value(Ratio {
                value: r.mrr_now / r.mrr_then,
                numerator: r.mrr_now,
                denominator: r.mrr_then,
            }),
            Measured::Value(Ratio {
                value: r.mrr_kept / r.mrr_then,
                numerator: r.mrr_kept,
                denominator: r.mrr_then,
            }),
        ),
    };
    let new_rows: Vec<u32> = rows.iter().filter_map(|r| r.new_customers).collect();
    let new_customers_per_month = if new_rows.is_empty() {
        Measured::Unavailable(Unavailable::NotInTable("new customers"))
    } else {
        let total: f64 = new_rows.iter().map(|n| f64::from(*n)).sum();
        Measured::Value(total / new_rows.len() as f64)
    };
    let cac = cac(&rows);
    Figures {
        month: last,
        customers,
        mrr,
        arpa,
        logo_churn,
        revenue_churn,
        expansion,
        contraction,
        nrr,
        grr,
        new_customers_per_month,
        cac,
    }
}

fn cac(rows: &[&MonthRow]) -> Measured<Cac> {
    let mut spend = 0.0;
    let mut new_customers = 0u64;
    let mut months = 0u32;
    for r in rows {
        if let (Some(s), Some(n)) = (r.spend, r.new_customers) {
            spend += s;
            new_customers += u64::from(n);
            months += 1;
        }
    }
    if months == 0 {
        return Measured::Unavailable(Unavailable::NoSpend);
    }
    if new_customers == 0 {
        return Measured::Unavailable(Unavailable::NoNewCustomers);
    }
    Measured::Value(Cac {
        per_customer: spend / new_customers as f64,
        spend,
        new_customers,
        months,
    })
}

impl Figures {
    /// The monthly churn and expansion that go into LTV
    /// ([`formula::LTV_RATES`]): churn = logo churn + max(0, contraction −
    /// expansion); expansion = max(0, expansion − contraction). So
    /// churn − expansion = logo churn − (expansion − contraction) always, with
    /// both rates ≥ 0 as [`economics::ltv`] takes them. Expansion and
    /// contraction count as zero where the data has none. `None` without a
    /// logo churn.
    pub fn ltv_rates(&self) -> Option<(MonthlyRate, MonthlyRate)> {
        let churn = self.logo_churn.value()?.rate.fraction();
        let rate = |r: &Measured<Pooled>| r.value().map_or(0.0, |p| p.rate.fraction());
        let net_expansion = rate(&self.expansion) - rate(&self.contraction);
        Some((
            MonthlyRate::from_fraction(churn + (-net_expansion).max(0.0)),
            MonthlyRate::from_fraction(net_expansion.max(0.0)),
        ))
    }

    /// LTV with the product's conventions, from the measured ARPA, churn and
    /// expansion and the gross margin the person confirms:
    /// [`economics::ltv`] (ARPA × gross margin ÷ (churn − expansion), capped
    /// only where that is not finite).
    pub fn ltv(&self, gross_margin: Share) -> Measured<Ltv> {
        self.arpa.clone().and_then(|arpa| match self.ltv_rates() {
            Some((churn, expansion)) => {
                Measured::Value(economics::ltv(arpa, gross_margin, churn, expansion))
            }
            None => match &self.logo_churn {
                Measured::Unavailable(u) => Measured::Unavailable(u.clone()),
                Measured::Value(_) => Measured::Unavailable(Unavailable::NoCustomersAtStart),
            },
        })
    }

    /// LTV over 5 years, the conservative figure shown beside LTV: one
    /// customer's gross profit over 60 months with the same churn and
    /// expansion applied month by month ([`economics::ltv_five_years`]).
    pub fn ltv_five_years(&self, gross_margin: Share) -> Measured<f64> {
        self.arpa.clone().and_then(|arpa| match self.ltv_rates() {
            Some((churn, expansion)) => Measured::Value(economics::ltv_five_years(
                arpa,
                gross_margin,
                churn,
                expansion,
            )),
            None => match &self.logo_churn {
                Measured::Unavailable(u) => Measured::Unavailable(u.clone()),
                Measured::Value(_) => Measured::Unavailable(Unavailable::NoCustomersAtStart),
            },
        })
    }

    /// CAC payback in months = CAC ÷ (ARPA × gross margin)
    /// ([`economics::cac_payback`]).
    pub fn payback(&self, gross_margin: Share) -> Measured<Payback> {
        self.arpa.clone().and_then(|arpa| match &self.cac {
            Measured::Value(c) => {
                Measured::Value(economics::cac_payback(c.per_customer, arpa, gross_margin))
            }
            Measured::Unavailable(u) => Measured::Unavailable(u.clone()),
        })
    }
}
