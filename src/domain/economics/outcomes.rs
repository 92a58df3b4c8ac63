//! The outcomes of the formulas, each with a named case where a division has
//! no finite value: LTV (finite or capped), lifetime, LTV:CAC and payback.

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
