//! Unit economics: lifetime value, customer lifetime, LTV:CAC, CAC payback,
//! the monthly ↔ annual churn conversion, CAC by channel, and benchmark
//! verdicts that name where each band comes from.
//!
//! Conventions (PRODUCT.md §3, binding):
//! - LTV = ARPA × gross margin ÷ monthly churn; with expansion,
//!   ÷ (churn − expansion), shown whenever it is finite, however large.
//!   Only when it is not finite (churn 0, or expansion ≥ churn) is LTV
//!   [`Ltv::Capped`] at ARPA × gross margin × [`LTV_CAP_MONTHS`] — never NaN,
//!   ∞ or negative. Beside it: [`ltv_five_years`] and [`discounted_ltv`].
//! - Lifetime = 1 ÷ monthly churn, unrounded.
//! - CAC payback (months) = CAC ÷ (ARPA × gross margin); the revenue-based
//!   payback is only a labelled alternative.
//! - Annual churn = 1 − (1 − monthly churn)^12; the two are never mixed, which
//!   is why they are different types ([`MonthlyRate`], [`AnnualRate`]).
//! - Blended CAC = all spend ÷ all new customers, organic customers included.
//!
//! Every function here is total: out-of-range or non-finite arguments are
//! clamped to the nearest sensible value (documented per type) and division by
//! zero has a named outcome, so nothing non-finite ever leaves this module.
//! Typed user input is validated before it gets here ([`UnitInputs::validate`]).

use serde::{Deserialize, Serialize};

use crate::domain::input::{check, FieldError, InputError, Range, Unit};
use crate::domain::{benchmarks, format};

/// Months of gross profit at which LTV is capped when its formula has no
/// finite value, and the horizon of [`ltv_five_years`] (five years).
pub const LTV_CAP_MONTHS: f64 = 60.0;

/// The largest dollar amount the formulas accept; larger inputs are clamped
/// to it. Far above any real figure, and small enough that 60 months of it
/// stays finite.
pub const MONEY_LIMIT: f64 = 1e12;

/// Below half a cent a month, gross profit is treated as zero: dividing by it
/// would only produce meaningless payback periods in the trillions of years.
const MIN_GROSS_PROFIT: f64 = 0.005;

/// Below half a cent, CAC counts as zero (free acquisition).
const MIN_CAC: f64 = 0.005;

/// Accepted monthly expansion, % of the month's starting MRR, in the quick
/// calculator and in every simulator channel: above 20 % a month an account
/// would grow about ninefold a year, which no real customer base does.
pub const EXPANSION_RANGE: Range = Range::new(0.0, 20.0).in_unit(Unit::PercentPerMonth);

/// A finite amount (dollars or customers) in `0..=MONEY_LIMIT`; NaN and
/// negatives become 0.
fn clean_amount(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, MONEY_LIMIT)
    } else if value == f64::INFINITY {
        MONEY_LIMIT
    } else {
        0.0
    }
}

/// A CAC for a ratio: finite and ≥ 0, NaN and negatives 0. Unlike
/// [`clean_amount`] it is not held to [`MONEY_LIMIT`]: a channel that spent
/// a little and won a tiny fraction of a customer has a huge CAC, and
/// clamping it would overstate LTV:CAC. The bound keeps CAC ÷ gross profit
/// (at least half a cent) finite.
fn clean_cac(value: f64) -> f64 {
    const LIMIT: f64 = 1e300;
    if value.is_finite() {
        value.clamp(0.0, LIMIT)
    } else if value == f64::INFINITY {
        LIMIT
    } else {
        0.0
    }
}

/// A finite fraction in `0..=1`; NaN and negatives become 0.
fn clean_fraction(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else if value == f64::INFINITY {
        1.0
    } else {
        0.0
    }
}

/// Checks a number (already parsed) against a range, with the messages of
/// [`Range::read`]: for values set directly (sliders, generated inputs).
/// The same check as [`Range::check`].
///
/// # Errors
/// [`InputError`] when the value is not finite, outside the range, or not
/// whole where a whole number is required.
pub fn check_input(value: f64, range: Range) -> Result<(), InputError> {
    range.check(value).map(|_| ())
}

// ---------------------------------------------------------------------------
// Quantities
// ---------------------------------------------------------------------------

/// A share of something, as a fraction in `0..=1` (e.g. gross margin 0.8).
/// Built from a percentage with [`Share::from_percent`] so a typed `80` is
/// never used as a fraction by mistake.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Share(f64);

impl Share {
    /// From a fraction; clamped to `0..=1`, NaN becomes 0.
    pub fn from_fraction(fraction: f64) -> Self {
        Share(clean_fraction(fraction))
    }
    /// From a percentage (`80` → 0.8); clamped to 0–100 %.
    pub fn from_percent(percent: f64) -> Self {
        Share(clean_fraction(percent / 100.0))
    }
    /// The fraction, `0..=1`.
    pub fn fraction(self) -> f64 {
        self.0
    }
    /// The percentage, `0..=100`.
    pub fn percent(self) -> f64 {
        self.0 * 100.0
    }
}

/// A rate per month as a fraction in `0..=1` (monthly churn, monthly
/// expansion). Distinct from [`AnnualRate`] so the two cannot be mixed.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct MonthlyRate(f64);

impl MonthlyRate {
    /// No churn, or no expansion.
    pub const ZERO: MonthlyRate = MonthlyRate(0.0);

    /// From a fraction per month; clamped to `0..=1`, NaN becomes 0.
    pub fn from_fraction(fraction: f64) -> Self {
        MonthlyRate(clean_fraction(fraction))
    }
    /// From a percentage per month (`3` → 0.03); clamped to 0–100 %.
    pub fn from_percent(percent: f64) -> Self {
        MonthlyRate(clean_fraction(percent / 100.0))
    }
    /// The fraction per month.
    pub fn fraction(self) -> f64 {
        self.0
    }
    /// The percentage per month.
    pub fn percent(self) -> f64 {
        self.0 * 100.0
    }
    /// The equivalent annual rate: annual = 1 − (1 − monthly)^12.
    pub fn to_annual(self) -> AnnualRate {
        AnnualRate::from_fraction(1.0 - (1.0 - self.0).powi(12))
    }
}

/// A rate per year as a fraction in `0..=1` (annual churn).
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct AnnualRate(f64);

impl AnnualRate {
    /// From a fraction per year; clamped to `0..=1`, NaN becomes 0.
    pub fn from_fraction(fraction: f64) -> Self {
        AnnualRate(clean_fraction(fraction))
    }
    /// From a percentage per year (`46` → 0.46); clamped to 0–100 %.
    pub fn from_percent(percent: f64) -> Self {
        AnnualRate(clean_fraction(percent / 100.0))
    }
    /// The fraction per year.
    pub fn fraction(self) -> f64 {
        self.0
    }
    /// The percentage per year.
    pub fn percent(self) -> f64 {
        self.0 * 100.0
    }
    /// The equivalent monthly rate: monthly = 1 − (1 − annual)^(1/12), the
    /// exact inverse of [`MonthlyRate::to_annual`] (not annual ÷ 12).
    pub fn to_monthly(self) -> MonthlyRate {
        MonthlyRate::from_fraction(1.0 - (1.0 - self.0).powf(1.0 / 12.0))
    }
}

/// Annual churn from monthly churn: 1 − (1 − m)^12. 5 % a month is about
/// 46 % a year, not 60 %.
pub fn annual_churn_from_monthly(monthly: MonthlyRate) -> AnnualRate {
    monthly.to_annual()
}

/// Monthly churn from annual churn: 1 − (1 − a)^(1/12).
pub fn monthly_churn_from_annual(annual: AnnualRate) -> MonthlyRate {
    annual.to_monthly()
}

// ---------------------------------------------------------------------------
// Outcomes
// ---------------------------------------------------------------------------

/// Lifetime value of one customer in dollars of gross profit (undiscounted).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ltv {
    /// ARPA × gross margin ÷ (churn − expansion): the formula's own value,
    /// however large.
    Finite(f64),
    /// The formula has no finite value (churn 0, or expansion at or above
    /// churn); the value shown is ARPA × gross margin × 60 months.
    Capped(f64),
}

impl Ltv {
    /// The dollar figure, capped or not. Always finite and ≥ 0.
    pub fn dollars(self) -> f64 {
        match self {
            Ltv::Finite(d) | Ltv::Capped(d) => d,
        }
    }
    /// Whether the 60-month cap applied (only when the formula is not finite).
    pub fn is_capped(self) -> bool {
        matches!(self, Ltv::Capped(_))
    }
}

/// Average customer lifetime.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lifetime {
    /// 1 ÷ monthly churn, in months, unrounded.
    Months(f64),
    /// Churn is zero: customers never leave in this model.
    Unbounded,
}

/// LTV divided by CAC.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LtvCac {
    /// The ratio (≥ 0).
    Ratio(f64),
    /// CAC is zero: every customer is acquired for free, so no ratio exists.
    FreeAcquisition,
}

impl LtvCac {
    /// The ratio, if there is one.
    pub fn ratio(self) -> Option<f64> {
        match self {
            LtvCac::Ratio(r) => Some(r),
            LtvCac::FreeAcquisition => None,
        }
    }
}

/// Months to earn back CAC.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Payback {
    /// Months, unrounded (≥ 0).
    Months(f64),
    /// The customer brings no gross profit (ARPA × gross margin is 0), so CAC
    /// is never earned back.
    Never,
}

impl Payback {
    /// The months, if CAC is ever earned back.
    pub fn months(self) -> Option<f64> {
        match self {
            Payback::Months(m) => Some(m),
            Payback::Never => None,
        }
    }
}

// ---------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------

/// Monthly gross profit per customer: ARPA × gross margin, in $/month.
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
pub fn cac_payback(cac: f64, arpa_per_month: f64, gross_margin: Share) -> Payback {
    payback_on(
        clean_cac(cac),
        gross_profit_per_month(arpa_per_month, gross_margin),
    )
}

/// Revenue-based payback in months = CAC ÷ ARPA. Only a labelled
/// alternative: it ignores the cost of serving the customer, so it always
/// looks shorter than [`cac_payback`].
pub fn revenue_payback(cac: f64, arpa_per_month: f64) -> Payback {
    payback_on(clean_cac(cac), clean_amount(arpa_per_month))
}

fn payback_on(cac: f64, per_month: f64) -> Payback {
    if per_month < MIN_GROSS_PROFIT {
        return Payback::Never;
    }
    Payback::Months(cac / per_month)
}

/// The formula behind each output, for the tooltip next to it.
pub mod formula {
    /// LTV.
    pub const LTV: &str = "LTV = ARPA × gross margin ÷ (monthly churn − monthly expansion)";
    /// The capped LTV, used only when the formula has no finite value.
    pub const LTV_CAPPED: &str =
        "When churn is not above expansion the formula has no finite value; LTV is then capped at ARPA × gross margin × 60 months";
    /// LTV over 5 years.
    pub const LTV_FIVE_YEARS: &str =
        "LTV over 5 years = ARPA × gross margin × Σ (1 − churn + expansion)^k for k = 0…59: one customer's gross profit over 60 months, month by month, undiscounted";
    /// Discounted LTV.
    pub const DISCOUNTED_LTV: &str =
        "Discounted LTV = ARPA × gross margin ÷ (d + monthly churn − monthly expansion), with d = (1 + annual discount rate)^(1/12) − 1";
    /// Customer lifetime.
    pub const LIFETIME: &str = "Lifetime (months) = 1 ÷ monthly churn";
    /// LTV:CAC.
    pub const LTV_CAC: &str = "LTV:CAC = LTV ÷ CAC";
    /// CAC payback.
    pub const PAYBACK: &str = "CAC payback (months) = CAC ÷ (ARPA × gross margin)";
    /// Revenue-based payback.
    pub const REVENUE_PAYBACK: &str =
        "Revenue payback (months) = CAC ÷ ARPA — ignores the cost of serving the customer";
    /// Monthly → annual churn.
    pub const ANNUAL_CHURN: &str = "Annual churn = 1 − (1 − monthly churn)^12";
    /// Annual → monthly churn.
    pub const MONTHLY_CHURN: &str = "Monthly churn = 1 − (1 − annual churn)^(1/12)";
    /// CAC of one channel.
    pub const CHANNEL_CAC: &str =
        "Channel CAC = the channel's spend over the horizon ÷ the customers it won over the horizon";
    /// Lag-matched CAC, the labelled alternative for channels with a lag.
    pub const LAG_MATCHED_CAC: &str =
        "Lag-matched CAC = spend of months 1 to (horizon − lag) ÷ customers won in months (lag + 1) to horizon, so spend whose deals close after the horizon is left out";
    /// What the sales-assisted CAC counts.
    pub const SALES_ASSIST_CAC: &str =
        "Sales-assisted CAC = sales-assist cost ÷ accounts it won; the self-serve spend that brought those accounts in is charged to self-serve";
    /// The fully loaded sales-assisted CAC.
    pub const SALES_ASSIST_CAC_LOADED: &str =
        "Fully loaded sales-assisted CAC = (sales-assist cost + PQL share × self-serve acquisition spend) ÷ accounts it won";
    /// Blended CAC.
    pub const BLENDED_CAC: &str =
        "Blended CAC = all go-to-market spend ÷ all new customers, organic included";
    /// Magic number.
    pub const MAGIC_NUMBER: &str =
        "Magic number = net new ARR in a quarter ÷ the previous quarter's sales & marketing spend";
    /// Net revenue retention.
    pub const NRR: &str =
        "NRR (12 months) = (1 − monthly churn + monthly expansion)^12, MRR-weighted across channels";
    /// Cash payback.
    pub const CASH_PAYBACK: &str =
        "Cash payback = first month the cumulative cash of the go-to-market engine is back at or above zero";
    /// Break-even.
    pub const BREAK_EVEN: &str =
        "Break-even = first month in which gross profit covers that month's go-to-market spend";
}

// ---------------------------------------------------------------------------
// Benchmarks and verdicts
// ---------------------------------------------------------------------------

/// How a figure compares with the published bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Inside the healthy band.
    Good,
    /// Acceptable, or healthy with a caveat.
    Ok,
    /// Worth a look: marginal, or only normal for some segments.
    Warn,
    /// Outside what a sustainable business shows.
    Bad,
}

/// A benchmark reading of one figure: how it compares, in our words, and the
/// public source of the band.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// How the figure compares.
    pub level: Level,
    /// One sentence for the user, with the band's numbers from
    /// [`crate::domain::benchmarks`].
    pub text: String,
    /// Where the band comes from.
    pub source: &'static str,
}

pub use crate::domain::benchmarks::{source, table as benchmarks, Benchmark};

fn verdict(level: Level, text: impl Into<String>, source: &'static str) -> Verdict {
    Verdict {
        level,
        text: text.into(),
        source,
    }
}

fn n(value: f64) -> String {
    format::number_trimmed(value, 2)
}

/// Reading of an LTV:CAC ratio: under 1 loses money, 1–3 marginal, 3–5
/// healthy, above 5 healthy but possibly under-investing (the numbers are
/// [`benchmarks::LTV_CAC_LOSS`] and its neighbours).
pub fn verdict_ltv_cac(value: LtvCac) -> Verdict {
    use benchmarks::{
        LTV_CAC_HEALTHY as HEALTHY, LTV_CAC_LOSS as LOSS, LTV_CAC_UNDER_INVESTING as HIGH,
    };
    let s = source::LTV_CAC_BANDS;
    match value {
        LtvCac::FreeAcquisition => verdict(
            Level::Ok,
            "No acquisition cost, so there is no ratio; check that all sales and marketing spend is counted.",
            s,
        ),
        LtvCac::Ratio(r) if r < LOSS => verdict(
            Level::Bad,
            format!("Below {}: each customer costs more to win than it ever earns back.", n(LOSS)),
            s,
        ),
        LtvCac::Ratio(r) if r < HEALTHY => verdict(
            Level::Warn,
            format!(
                "Between {} and {}: marginal; little room left for overheads and mistakes.",
                n(LOSS),
                n(HEALTHY)
            ),
            s,
        ),
        LtvCac::Ratio(r) if r <= HIGH => verdict(
            Level::Good,
            format!("{} or more: healthy unit economics.", n(HEALTHY)),
            s,
        ),
        LtvCac::Ratio(_) => verdict(
            Level::Ok,
            format!(
                "Above {}: very efficient, and possibly spending too little on growth.",
                n(HIGH)
            ),
            s,
        ),
    }
}

/// Reading of a CAC payback against the 12-month bar and the segment bands
/// ([`benchmarks::PAYBACK_SMB_MONTHS`] and its neighbours).
pub fn verdict_payback(value: Payback) -> Verdict {
    use benchmarks::{
        PAYBACK_BAR_MONTHS as BAR, PAYBACK_ENTERPRISE_MONTHS as ENT,
        PAYBACK_MID_MARKET_MONTHS as MID, PAYBACK_SMB_MONTHS as SMB,
    };
    let s = source::PAYBACK_BANDS;
    match value {
        Payback::Never => verdict(
            Level::Bad,
            "Never: the customer brings no gross profit, so the acquisition cost is not recovered.",
            s,
        ),
        Payback::Months(m) if m <= BAR => verdict(
            Level::Good,
            format!(
                "{} months or less: meets the usual bar (SMB norm is {}).",
                n(BAR),
                SMB.span()
            ),
            s,
        ),
        Payback::Months(m) if m <= MID.hi => verdict(
            Level::Ok,
            format!(
                "{} months: normal for mid-market deals, long for SMB.",
                MID.span()
            ),
            s,
        ),
        Payback::Months(m) if m <= ENT.hi => verdict(
            Level::Warn,
            format!(
                "{} months: only normal for enterprise contracts with low churn.",
                ENT.span()
            ),
            s,
        ),
        Payback::Months(_) => verdict(
            Level::Bad,
            format!(
                "Over {} months: slower than even enterprise norms; growth will eat cash.",
                n(ENT.hi)
            ),
            s,
        ),
    }
}

/// Reading of a CAC payback that also knows how long customers stay: a
/// payback longer than the average customer lifetime (1 ÷ monthly churn) is
/// never a good reading, whatever the segment band says (PRODUCT.md §3).
pub fn verdict_payback_within(value: Payback, lifetime: Lifetime) -> Verdict {
    match (value, lifetime) {
        (Payback::Months(m), Lifetime::Months(life)) if m > life => verdict(
            Level::Bad,
            format!(
                "Longer than the {} months an average customer stays (1 ÷ monthly churn): most customers leave before their acquisition cost is earned back.",
                format::number(life, 1)
            ),
            source::SKOK_SAAS_METRICS,
        ),
        _ => verdict_payback(value),
    }
}

/// Reading of a monthly logo churn rate against the segment bands
/// ([`benchmarks::Segment::churn`]).
pub fn verdict_monthly_churn(churn: MonthlyRate) -> Verdict {
    use benchmarks::{CHURN_MID_MARKET_PCT as MID, CHURN_SMB_PCT as SMB};
    let s = source::CHURN_BANDS;
    let p = churn.percent();
    if p <= MID.lo {
        verdict(
            Level::Good,
            format!(
                "{}% a month or less: enterprise-grade retention.",
                n(MID.lo)
            ),
            s,
        )
    } else if p <= MID.hi {
        verdict(
            Level::Ok,
            format!(
                "{} a month: typical for mid-market customers.",
                MID.percent()
            ),
            s,
        )
    } else if p <= SMB.hi {
        verdict(
            Level::Warn,
            format!(
                "{} a month: typical only for small-business customers on monthly plans.",
                SMB.percent()
            ),
            s,
        )
    } else {
        verdict(
            Level::Bad,
            format!(
                "Above {}% a month: more than even small-business products usually lose.",
                n(SMB.hi)
            ),
            s,
        )
    }
}

/// Reading of an LTV: says when the 60-month cap applied.
pub fn verdict_ltv(value: Ltv) -> Verdict {
    let s = source::SKOK_SAAS_METRICS;
    match value {
        Ltv::Capped(_) => verdict(
            Level::Warn,
            "Capped at 60 months of gross profit: churn is not above expansion, so the formula never ends.",
            s,
        ),
        Ltv::Finite(_) => verdict(
            Level::Ok,
            "Gross profit over the average lifetime, undiscounted; read it against CAC.",
            s,
        ),
    }
}

/// Reading of a SaaS magic number (net new ARR ÷ previous quarter's S&M).
pub fn verdict_magic_number(value: f64) -> Verdict {
    use benchmarks::{MAGIC_NUMBER_EFFICIENT as EFFICIENT, MAGIC_NUMBER_WORKABLE as WORKABLE};
    let s = source::MAGIC_NUMBER;
    if value > EFFICIENT {
        verdict(
            Level::Good,
            format!(
                "Above {}: spend turns into recurring revenue efficiently.",
                n(EFFICIENT)
            ),
            s,
        )
    } else if value >= WORKABLE {
        verdict(
            Level::Ok,
            format!(
                "{}–{}: workable; tune the funnel before adding spend.",
                n(WORKABLE),
                n(EFFICIENT)
            ),
            s,
        )
    } else {
        verdict(
            Level::Warn,
            format!(
                "Below {}: each dollar of sales and marketing adds little ARR.",
                n(WORKABLE)
            ),
            s,
        )
    }
}

/// Reading of a viral coefficient (new users each user brings in).
pub fn verdict_viral_coefficient(k: f64) -> Verdict {
    use benchmarks::VIRAL_SELF_SUSTAINING as SELF;
    let s = source::VIRAL;
    if k > SELF {
        verdict(
            Level::Good,
            format!(
                "Above {}: every generation of users recruits a bigger one — self-sustaining growth.",
                n(SELF)
            ),
            s,
        )
    } else if k > 0.0 {
        verdict(
            Level::Ok,
            format!(
                "Below {}: referrals amplify paid and organic sign-ups but fade out on their own.",
                n(SELF)
            ),
            s,
        )
    } else {
        verdict(Level::Ok, "No referral loop in the model.", s)
    }
}

/// Reading of a gross margin in percent.
pub fn verdict_gross_margin(percent: f64) -> Verdict {
    use benchmarks::GROSS_MARGIN_PCT as GM;
    let s = source::GROSS_MARGIN;
    if percent > GM.hi {
        verdict(
            Level::Ok,
            format!(
                "Above {}%: higher than most SaaS companies report.",
                n(GM.hi)
            ),
            s,
        )
    } else if percent >= GM.lo {
        verdict(
            Level::Good,
            format!("{}: typical for SaaS.", GM.percent()),
            s,
        )
    } else {
        verdict(
            Level::Warn,
            format!(
                "Below {}%: heavy delivery costs; every other figure suffers.",
                n(GM.lo)
            ),
            s,
        )
    }
}

/// Reading of a freemium free-to-paid conversion in percent.
pub fn verdict_free_to_paid(percent: f64) -> Verdict {
    use benchmarks::{
        CARD_TRIAL_TO_PAID_PCT as CARD, FREEMIUM_TO_PAID_PCT as FREE,
        OPT_IN_TRIAL_TO_PAID_PCT as OPT_IN,
    };
    let s = source::CONVERSION_BANDS;
    if percent > FREE.hi {
        verdict(
            Level::Ok,
            format!(
                "Above {}%: beyond the usual freemium range (trials convert higher: {} opt-in, {} with a card).",
                n(FREE.hi),
                OPT_IN.percent(),
                CARD.percent()
            ),
            s,
        )
    } else if percent >= FREE.lo {
        verdict(
            Level::Good,
            format!("{}: the usual freemium range.", FREE.percent()),
            s,
        )
    } else {
        verdict(
            Level::Warn,
            format!("Below {}%: low even for freemium.", n(FREE.lo)),
            s,
        )
    }
}

/// Reading of a PQL-to-paid conversion in percent.
pub fn verdict_pql_to_paid(percent: f64) -> Verdict {
    use benchmarks::{MQL_TO_PAID_PCT as MQL, PQL_TO_PAID_PCT as PQL};
    let s = source::PQL_BANDS;
    if percent > PQL.hi {
        verdict(
            Level::Ok,
            format!("Above {}%: better than the usual PQL range.", n(PQL.hi)),
            s,
        )
    } else if percent >= PQL.lo {
        verdict(
            Level::Good,
            format!(
                "{}: the usual range for product-qualified leads.",
                PQL.percent()
            ),
            s,
        )
    } else {
        verdict(
            Level::Warn,
            format!(
                "Below {}%: close to marketing-lead rates ({}); check the PQL signals.",
                n(PQL.lo),
                MQL.percent()
            ),
            s,
        )
    }
}

// ---------------------------------------------------------------------------
// The quick calculator
// ---------------------------------------------------------------------------

/// Whether the churn figure the user typed is per month or per year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChurnBasis {
    /// Percent of customers lost per month.
    #[default]
    Monthly,
    /// Percent of customers lost per year, converted with
    /// monthly = 1 − (1 − annual)^(1/12).
    Annual,
}

/// One input of the quick calculator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitField {
    /// Average revenue per account, $/month.
    Arpa,
    /// Gross margin, %.
    GrossMargin,
    /// Churn, % per month or per year depending on [`ChurnBasis`].
    Churn,
    /// Expansion, % of MRR per month.
    Expansion,
    /// Customer acquisition cost, $.
    Cac,
}

impl UnitField {
    /// All inputs, in screen order.
    pub const ALL: [UnitField; 5] = [
        UnitField::Arpa,
        UnitField::GrossMargin,
        UnitField::Churn,
        UnitField::Expansion,
        UnitField::Cac,
    ];

    /// The label shown on the field, with its unit. The churn label depends
    /// on the basis.
    pub fn label(self, basis: ChurnBasis) -> &'static str {
        match (self, basis) {
            (UnitField::Arpa, _) => "ARPA ($/month)",
            (UnitField::GrossMargin, _) => "Gross margin (%)",
            (UnitField::Churn, ChurnBasis::Monthly) => "Monthly churn (%)",
            (UnitField::Churn, ChurnBasis::Annual) => "Annual churn (%)",
            (UnitField::Expansion, _) => "Monthly expansion (%)",
            (UnitField::Cac, _) => "CAC ($)",
        }
    }

    /// A stable identifier, also the serde name of the stored field.
    pub fn slug(self) -> &'static str {
        match self {
            UnitField::Arpa => "arpa_per_month",
            UnitField::GrossMargin => "gross_margin_pct",
            UnitField::Churn => "churn_pct",
            UnitField::Expansion => "expansion_pct",
            UnitField::Cac => "cac",
        }
    }

    /// The accepted range.
    pub fn range(self) -> Range {
        match self {
            UnitField::Arpa => Range::new(0.0, 1_000_000.0).in_unit(Unit::DollarsPerMonth),
            UnitField::GrossMargin | UnitField::Churn => {
                Range::new(0.0, 100.0).in_unit(Unit::Percent)
            }
            UnitField::Expansion => EXPANSION_RANGE,
            UnitField::Cac => Range::new(0.0, 100_000_000.0).in_unit(Unit::Dollars),
        }
    }

    /// One line of help for the field.
    pub fn help(self) -> &'static str {
        match self {
            UnitField::Arpa => "Average recurring revenue per paying account each month.",
            UnitField::GrossMargin => {
                "Share of revenue left after hosting, support and other costs of serving customers."
            }
            UnitField::Churn => "Share of paying accounts that cancel in a period.",
            UnitField::Expansion => {
                "Upgrades and added seats each month, as a share of the month's starting MRR."
            }
            UnitField::Cac => "All sales and marketing cost divided by the new customers it won.",
        }
    }
}

/// The quick unit-economics calculator's inputs, as typed. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitInputs {
    /// Average revenue per account, $/month.
    pub arpa_per_month: f64,
    /// Gross margin, % (0–100).
    pub gross_margin_pct: f64,
    /// Churn, % (0–100) per month or per year, see `churn_basis`.
    pub churn_pct: f64,
    /// Whether `churn_pct` is per month or per year.
    pub churn_basis: ChurnBasis,
    /// Expansion, % of MRR per month (0–100).
    pub expansion_pct: f64,
    /// Customer acquisition cost, $.
    pub cac: f64,
}

impl Default for UnitInputs {
    /// A typical SMB/mid-market SaaS: $100 a month at 80 % margin, 3 % monthly
    /// churn, 0.5 % expansion, $900 CAC (LTV:CAC ≈ 3.6, payback ≈ 11 months).
    fn default() -> Self {
        UnitInputs {
            arpa_per_month: 100.0,
            gross_margin_pct: 80.0,
            churn_pct: 3.0,
            churn_basis: ChurnBasis::Monthly,
            expansion_pct: 0.5,
            cac: 900.0,
        }
    }
}

impl UnitInputs {
    /// The value of one field.
    pub fn get(&self, field: UnitField) -> f64 {
        match field {
            UnitField::Arpa => self.arpa_per_month,
            UnitField::GrossMargin => self.gross_margin_pct,
            UnitField::Churn => self.churn_pct,
            UnitField::Expansion => self.expansion_pct,
            UnitField::Cac => self.cac,
        }
    }

    /// Sets one field after checking its range; the state is unchanged on
    /// error.
    ///
    /// # Errors
    /// [`InputError`] when the value is not finite or outside
    /// [`UnitField::range`].
    pub fn set(&mut self, field: UnitField, value: f64) -> Result<(), InputError> {
        check_input(value, field.range())?;
        match field {
            UnitField::Arpa => self.arpa_per_month = value,
            UnitField::GrossMargin => self.gross_margin_pct = value,
            UnitField::Churn => self.churn_pct = value,
            UnitField::Expansion => self.expansion_pct = value,
            UnitField::Cac => self.cac = value,
        }
        Ok(())
    }

    /// Switches between monthly and annual churn entry, converting the typed
    /// figure so the economics stay the same.
    pub fn set_churn_basis(&mut self, basis: ChurnBasis) {
        if basis == self.churn_basis {
            return;
        }
        let monthly = self.monthly_churn();
        self.churn_pct = match basis {
            ChurnBasis::Monthly => monthly.percent(),
            ChurnBasis::Annual => monthly.to_annual().percent(),
        };
        self.churn_basis = basis;
    }

    /// Checks every value against its range.
    ///
    /// # Errors
    /// The first [`FieldError`], naming the field by its slug.
    pub fn validate(&self) -> Result<(), FieldError> {
        for field in UnitField::ALL {
            check(field.slug(), self.get(field), field.range())?;
        }
        Ok(())
    }

    /// Monthly churn, converted from annual when it was entered that way.
    pub fn monthly_churn(&self) -> MonthlyRate {
        match self.churn_basis {
            ChurnBasis::Monthly => MonthlyRate::from_percent(self.churn_pct),
            ChurnBasis::Annual => AnnualRate::from_percent(self.churn_pct).to_monthly(),
        }
    }

    /// The discounted LTV at an annual discount rate in % (see
    /// [`discounted_ltv`]).
    pub fn discounted_ltv(&self, annual_discount_pct: f64) -> Ltv {
        discounted_ltv(
            self.arpa_per_month,
            Share::from_percent(self.gross_margin_pct),
            self.monthly_churn(),
            MonthlyRate::from_percent(self.expansion_pct),
            annual_discount_pct,
        )
    }

    /// Every output of the calculator.
    pub fn evaluate(&self) -> UnitEconomics {
        let gm = Share::from_percent(self.gross_margin_pct);
        let churn = self.monthly_churn();
        let expansion = MonthlyRate::from_percent(self.expansion_pct);
        let value = ltv(self.arpa_per_month, gm, churn, expansion);
        UnitEconomics {
            monthly_churn: churn,
            annual_churn: churn.to_annual(),
            gross_profit_per_month: gross_profit_per_month(self.arpa_per_month, gm),
            ltv: value,
            ltv_five_years: ltv_five_years(self.arpa_per_month, gm, churn, expansion),
            lifetime: lifetime(churn),
            ltv_cac: ltv_cac(value, self.cac),
            payback: cac_payback(self.cac, self.arpa_per_month, gm),
            revenue_payback: revenue_payback(self.cac, self.arpa_per_month),
        }
    }
}

/// Outputs of the quick calculator. All numbers finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UnitEconomics {
    /// Monthly churn used (converted when entered as annual).
    pub monthly_churn: MonthlyRate,
    /// The same churn per year, to show beside the input.
    pub annual_churn: AnnualRate,
    /// ARPA × gross margin, $/month.
    pub gross_profit_per_month: f64,
    /// Lifetime value, dollars of gross profit.
    pub ltv: Ltv,
    /// One customer's gross profit over 60 months, month by month.
    pub ltv_five_years: f64,
    /// 1 ÷ monthly churn.
    pub lifetime: Lifetime,
    /// LTV ÷ CAC.
    pub ltv_cac: LtvCac,
    /// CAC ÷ (ARPA × gross margin), months.
    pub payback: Payback,
    /// CAC ÷ ARPA, months — the labelled alternative.
    pub revenue_payback: Payback,
}

impl UnitEconomics {
    /// Benchmark reading of [`UnitEconomics::ltv_cac`].
    pub fn ltv_cac_verdict(&self) -> Verdict {
        verdict_ltv_cac(self.ltv_cac)
    }
    /// Benchmark reading of [`UnitEconomics::payback`], judged against the
    /// customer lifetime too.
    pub fn payback_verdict(&self) -> Verdict {
        verdict_payback_within(self.payback, self.lifetime)
    }
    /// Benchmark reading of the churn behind [`UnitEconomics::lifetime`].
    pub fn churn_verdict(&self) -> Verdict {
        verdict_monthly_churn(self.monthly_churn)
    }
    /// Reading of [`UnitEconomics::ltv`] (says when it is capped).
    pub fn ltv_verdict(&self) -> Verdict {
        verdict_ltv(self.ltv)
    }
}

// ---------------------------------------------------------------------------
// CAC by channel
// ---------------------------------------------------------------------------

/// Longest channel or scenario name, in characters.
pub const MAX_NAME_CHARS: usize = 60;
/// Most rows the channel table holds.
pub const MAX_CHANNEL_ROWS: usize = 12;
/// Accepted spend per channel row, $.
pub const CHANNEL_SPEND_RANGE: Range = Range::new(0.0, 10_000_000_000.0).in_unit(Unit::Dollars);
/// Accepted new customers per channel row (whole customers).
pub const CHANNEL_CUSTOMERS_RANGE: Range = Range::whole(0.0, 100_000_000.0).in_unit(Unit::Count);
/// Name of the row for customers no paid channel can claim.
pub const ORGANIC_ROW_NAME: &str = "Organic / unattributed";

/// One row of the CAC-by-channel table. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelRow {
    /// Stable id, unique within the table.
    pub id: u32,
    /// The channel's name (1–60 characters).
    pub name: String,
    /// Spend in the period, $.
    pub spend: f64,
    /// New customers won in the same period.
    pub customers: f64,
}

impl ChannelRow {
    /// CAC of this channel = spend ÷ new customers; `None` when it won no
    /// customers (an organic row with customers and no spend has CAC $0).
    pub fn cac(&self) -> Option<f64> {
        let customers = clean_amount(self.customers);
        if customers <= 0.0 {
            return None;
        }
        let cac = clean_amount(self.spend) / customers;
        cac.is_finite().then_some(cac)
    }

    /// Checks the name, spend and customers; `path` prefixes field names.
    ///
    /// # Errors
    /// [`FieldError`] naming the field.
    pub fn validate(&self, path: &str) -> Result<(), FieldError> {
        check_name(&format!("{path}.name"), &self.name)?;
        check(&format!("{path}.spend"), self.spend, CHANNEL_SPEND_RANGE)?;
        check(
            &format!("{path}.customers"),
            self.customers,
            CHANNEL_CUSTOMERS_RANGE,
        )
    }
}

/// Checks a stored name: not blank, at most [`MAX_NAME_CHARS`] characters,
/// no control characters.
///
/// # Errors
/// [`FieldError`] naming `field`.
pub fn check_name(field: &str, name: &str) -> Result<(), FieldError> {
    if name.trim().is_empty() {
        return Err(FieldError::new(field, "is empty"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(FieldError::new(
            field,
            format!("is longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(FieldError::new(field, "contains control characters"));
    }
    Ok(())
}

/// Total spend and total new customers over all rows.
pub fn channel_totals(rows: &[ChannelRow]) -> (f64, f64) {
    rows.iter().fold((0.0, 0.0), |(s, c), r| {
        (s + clean_amount(r.spend), c + clean_amount(r.customers))
    })
}

/// Blended CAC = all spend ÷ all new customers, every row counted — the
/// organic row adds customers and no spend, which is the point. `None` when
/// no row has customers.
pub fn blended_cac(rows: &[ChannelRow]) -> Option<f64> {
    let (spend, customers) = channel_totals(rows);
    if customers <= 0.0 {
        return None;
    }
    let cac = spend / customers;
    cac.is_finite().then_some(cac)
}

/// The rows a new table starts with: three paid channels and the organic
/// row, ids 1–4, figures for one month of a small B2B SaaS.
pub fn default_channel_rows() -> Vec<ChannelRow> {
    let row = |id, name: &str, spend, customers| ChannelRow {
        id,
        name: name.to_string(),
        spend,
        customers,
    };
    vec![
        row(1, "Paid search", 12_000.0, 30.0),
        row(2, "Content and SEO", 6_000.0, 20.0),
        row(3, "Outbound sales", 25_000.0, 10.0),
        row(4, ORGANIC_ROW_NAME, 0.0, 25.0),
    ]
}
