//! The unit-economics formulas: gross profit, LTV (plain, over five years,
//! discounted), customer lifetime, LTV:CAC and CAC payback.

use super::outcomes::{Lifetime, Ltv, LtvCac, Payback};
use super::quantities::{clean_amount, clean_cac, clean_fraction, MonthlyRate, Share};
use crate::domain::input::{Range, Unit};

/// Months of gross profit at which LTV is capped when its formula has no
/// finite value, and the horizon of [`ltv_five_years`] (five years).
pub const LTV_CAP_MONTHS: f64 = 60.0;

/// Below half a cent a month, gross profit is treated as zero: dividing by it
/// would only produce meaningless payback periods in the trillions of years.
const MIN_GROSS_PROFIT: f64 = 0.005;

/// Below half a cent, CAC counts as zero (free acquisition).
const MIN_CAC: f64 = 0.005;

/// Monthly gross profit per customer: ARPA × gross margin, in $/month.
///
/// ```
/// use gtm_workbench::domain::economics::{gross_profit_per_month, Share};
/// // $100 a month at 80 % margin: $80 of gross profit a month.
/// assert_eq!(gross_profit_per_month(100.0, Share::from_percent(80.0)), 80.0);
/// ```
pub fn gross_profit_per_month(arpa_per_month: f64, gross_margin: Share) -> f64 {
    clean_amount(arpa_per_month) * gross_margin.fraction()
}

/// Customer lifetime value in dollars of gross profit.
///
/// LTV = ARPA × GM ÷ (churn − expansion), with ARPA in $/month and churn and
/// expansion per month (PRODUCT.md §3). The formula's value is returned
/// whenever it is finite, however large: a 0.8 % churn gives 125 months of
/// gross profit and that is what the formula says. Only when it has no
/// finite value — churn − expansion is 0 or negative — is it
/// [`Ltv::Capped`] at ARPA × GM × [`LTV_CAP_MONTHS`]. For a conservative
/// figure beside it see [`ltv_five_years`] and [`discounted_ltv`].
///
/// ```
/// use gtm_workbench::domain::economics::{ltv, Ltv, MonthlyRate, Share};
/// // $2,000 × 75 % ÷ 0.8 % = $187,500: finite, so not capped.
/// let v = ltv(2_000.0, Share::from_percent(75.0), MonthlyRate::from_percent(0.8), MonthlyRate::ZERO);
/// assert!(matches!(v, Ltv::Finite(d) if (d - 187_500.0).abs() < 1e-6));
/// ```
pub fn ltv(
    arpa_per_month: f64,
    gross_margin: Share,
    churn: MonthlyRate,
    expansion: MonthlyRate,
) -> Ltv {
    let gp = gross_profit_per_month(arpa_per_month, gross_margin);
    if gp <= 0.0 {
        // Nothing is earned, whatever the churn: zero is exact, not capped.
        return Ltv::Finite(0.0);
    }
    let net_churn = churn.fraction() - expansion.fraction();
    let value = gp / net_churn;
    if net_churn > 0.0 && value.is_finite() {
        Ltv::Finite(value)
    } else {
        Ltv::Capped(gp * LTV_CAP_MONTHS)
    }
}

/// One customer's monthly revenue retention: 1 − churn + expansion (≥ 0),
/// the factor by which the expected gross profit of one customer changes
/// from one month to the next.
pub fn monthly_retention(churn: MonthlyRate, expansion: MonthlyRate) -> f64 {
    (1.0 - churn.fraction() + expansion.fraction()).max(0.0)
}

/// **LTV over 5 years**: the undiscounted gross profit of one customer over
/// [`LTV_CAP_MONTHS`] months, churn and expansion applied month by month:
/// GP × Σ_{k=0}^{59} g^k with GP = ARPA × GM and g = 1 − churn + expansion.
/// Month 1 earns the full GP (a customer won this month does not churn this
/// month), as in the month-by-month model. Always finite; a conservative
/// figure beside [`ltv`] for businesses whose churn is low.
///
/// ```
/// use gtm_workbench::domain::economics::{ltv_five_years, MonthlyRate, Share};
/// // No churn, no expansion: exactly 60 months of $80.
/// let v = ltv_five_years(100.0, Share::from_percent(80.0), MonthlyRate::ZERO, MonthlyRate::ZERO);
/// assert!((v - 4_800.0).abs() < 1e-9);
/// ```
pub fn ltv_five_years(
    arpa_per_month: f64,
    gross_margin: Share,
    churn: MonthlyRate,
    expansion: MonthlyRate,
) -> f64 {
    let gp = gross_profit_per_month(arpa_per_month, gross_margin);
    let g = monthly_retention(churn, expansion);
    let mut sum = 0.0;
    let mut factor = 1.0;
    for _ in 0..LTV_CAP_MONTHS as usize {
        sum += factor;
        factor *= g;
    }
    gp * sum
}

/// The accepted annual discount rates for [`discounted_ltv`], % a year.
pub const DISCOUNT_RATE_RANGE: Range = Range::new(0.0, 100.0).in_unit(Unit::Percent);

/// The monthly rate equivalent to an annual discount rate:
/// d = (1 + r)^(1/12) − 1.
pub fn monthly_discount_rate(annual_pct: f64) -> f64 {
    let r = clean_fraction(annual_pct / 100.0);
    (1.0 + r).powf(1.0 / 12.0) - 1.0
}

/// **Discounted LTV** (David Skok's LTV with a discount rate): each month's
/// gross profit of one customer discounted to today at the annual rate r,
/// with d = (1 + r)^(1/12) − 1 a month:
/// Σ_{k≥1} GP × g^(k−1) ÷ (1 + d)^k = GP ÷ (d + churn − expansion).
/// When d + churn − expansion is not above 0 the sum never ends; then the
/// first 60 months are summed and the result is [`Ltv::Capped`].
///
/// ```
/// use gtm_workbench::domain::economics::{discounted_ltv, Ltv, MonthlyRate, Share};
/// // No discount: the plain formula, $80 ÷ 2 % = $4,000.
/// let v = discounted_ltv(100.0, Share::from_percent(80.0), MonthlyRate::from_percent(2.0), MonthlyRate::ZERO, 0.0);
/// assert!(matches!(v, Ltv::Finite(d) if (d - 4_000.0).abs() < 1e-6));
/// ```
pub fn discounted_ltv(
    arpa_per_month: f64,
    gross_margin: Share,
    churn: MonthlyRate,
    expansion: MonthlyRate,
    annual_discount_pct: f64,
) -> Ltv {
    let gp = gross_profit_per_month(arpa_per_month, gross_margin);
    if gp <= 0.0 {
        return Ltv::Finite(0.0);
    }
    let d = monthly_discount_rate(annual_discount_pct);
    let denominator = d + churn.fraction() - expansion.fraction();
    let value = gp / denominator;
    if denominator > 0.0 && value.is_finite() {
        return Ltv::Finite(value);
    }
    let g = monthly_retention(churn, expansion);
    let mut sum = 0.0;
    let mut factor = 1.0 / (1.0 + d);
    for _ in 0..LTV_CAP_MONTHS as usize {
        sum += factor;
        factor *= g / (1.0 + d);
    }
    Ltv::Capped(gp * sum)
}

/// Average customer lifetime = 1 ÷ monthly churn, in months, unrounded.
///
/// ```
/// use gtm_workbench::domain::economics::{lifetime, Lifetime, MonthlyRate};
/// // 2 % a month: 1 ÷ 0.02 = 50 months.
/// let life = lifetime(MonthlyRate::from_percent(2.0));
/// assert!(matches!(life, Lifetime::Months(m) if (m - 50.0).abs() < 1e-9));
/// // No churn: customers never leave, so no number of months.
/// assert_eq!(lifetime(MonthlyRate::ZERO), Lifetime::Unbounded);
/// ```
pub fn lifetime(churn: MonthlyRate) -> Lifetime {
    let months = 1.0 / churn.fraction();
    if churn.fraction() > 0.0 && months.is_finite() {
        Lifetime::Months(months)
    } else {
        Lifetime::Unbounded
    }
}

/// LTV ÷ CAC. A CAC of zero (under half a cent) is
/// [`LtvCac::FreeAcquisition`].
///
/// ```
/// use gtm_workbench::domain::economics::{ltv_cac, Ltv, LtvCac};
/// // $4,000 of lifetime gross profit for $1,000 of CAC: 4×.
/// assert_eq!(ltv_cac(Ltv::Finite(4_000.0), 1_000.0), LtvCac::Ratio(4.0));
/// assert_eq!(ltv_cac(Ltv::Finite(4_000.0), 0.0), LtvCac::FreeAcquisition);
/// ```
pub fn ltv_cac(ltv: Ltv, cac: f64) -> LtvCac {
    let cac = clean_cac(cac);
    if cac < MIN_CAC {
        return LtvCac::FreeAcquisition;
    }
    LtvCac::Ratio(ltv.dollars() / cac)
}

/// CAC payback in months = CAC ÷ (ARPA × gross margin). [`Payback::Never`]
/// when ARPA × gross margin is zero. Churn is ignored, as in the standard
/// definition; compare the result with [`lifetime`].
///
/// ```
/// use gtm_workbench::domain::economics::{cac_payback, Payback, Share};
/// // $900 ÷ ($100 × 80 %) = 900 ÷ 80 = 11.25 months.
/// let p = cac_payback(900.0, 100.0, Share::from_percent(80.0));
/// assert!(matches!(p, Payback::Months(m) if (m - 11.25).abs() < 1e-9));
/// // No gross profit: never paid back.
/// assert_eq!(cac_payback(900.0, 100.0, Share::from_percent(0.0)), Payback::Never);
/// ```
pub fn cac_payback(cac: f64, arpa_per_month: f64, gross_margin: Share) -> Payback {
    payback_on(
        clean_cac(cac),
        gross_profit_per_month(arpa_per_month, gross_margin),
    )
}

/// Revenue-based payback in months = CAC ÷ ARPA. Only a labelled
/// alternative: it ignores the cost of serving the customer, so it always
/// looks shorter than [`cac_payback`].
///
/// ```
/// use gtm_workbench::domain::economics::{revenue_payback, Payback};
/// // $900 ÷ $100 a month = 9 months (against 11.25 on gross margin).
/// let p = revenue_payback(900.0, 100.0);
/// assert!(matches!(p, Payback::Months(m) if (m - 9.0).abs() < 1e-9));
/// ```
pub fn revenue_payback(cac: f64, arpa_per_month: f64) -> Payback {
    payback_on(clean_cac(cac), clean_amount(arpa_per_month))
}

fn payback_on(cac: f64, per_month: f64) -> Payback {
    if per_month < MIN_GROSS_PROFIT {
        return Payback::Never;
    }
    Payback::Months(cac / per_month)
}
