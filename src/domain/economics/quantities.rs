//! Quantities whose mix-up is a bug: a share (fraction, not percent), a
//! monthly and an annual rate, and the clamps that keep every figure finite.

/// The largest dollar amount the formulas accept; larger inputs are clamped
/// to it. Far above any real figure, and small enough that 60 months of it
/// stays finite.
pub const MONEY_LIMIT: f64 = 1e12;

/// A finite amount (dollars or customers) in `0..=MONEY_LIMIT`; NaN and
/// negatives become 0.
pub(super) fn clean_amount(value: f64) -> f64 {
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
pub(super) fn clean_cac(value: f64) -> f64 {
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
pub(super) fn clean_fraction(value: f64) -> f64 {
    if value.is_finite() {
        value.clamp(0.0, 1.0)
    } else if value == f64::INFINITY {
        1.0
    } else {
        0.0
    }
}

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
    ///
    /// ```
    /// use gtm_workbench::domain::economics::MonthlyRate;
    /// // 0.95^12 = 0.54036, so 5 % a month is 45.96 % a year, not 60 %.
    /// let annual = MonthlyRate::from_percent(5.0).to_annual();
    /// assert!((annual.percent() - 45.964).abs() < 0.001);
    /// ```
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
    ///
    /// ```
    /// use gtm_workbench::domain::economics::AnnualRate;
    /// // Half the customers lost in a year: 1 − 0.5^(1/12) = 1 − 0.94387
    /// // = 5.61 % a month (annual ÷ 12 would say 4.17 %).
    /// let monthly = AnnualRate::from_percent(50.0).to_monthly();
    /// assert!((monthly.percent() - 5.6126).abs() < 0.0001);
    /// ```
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
