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
//!
//! One file per concept; everything public is re-exported here, so callers
//! write `economics::ltv`, not `economics::formulas::ltv`:
//! - `quantities`: [`Share`], [`MonthlyRate`], [`AnnualRate`] and the clamps;
//! - `outcomes`: [`Ltv`], [`Lifetime`], [`LtvCac`], [`Payback`];
//! - `formulas`: LTV, lifetime, LTV:CAC and payback;
//! - [`formula`]: the formula texts shown beside each output;
//! - `verdicts`: readings against [`crate::domain::benchmarks`];
//! - `calculator`: the quick calculator ([`UnitInputs`], [`UnitEconomics`]);
//! - `channels`: CAC by channel ([`ChannelRow`], [`blended_cac`]).

mod calculator;
mod channels;
pub mod formula;
mod formulas;
mod outcomes;
mod quantities;
mod verdicts;

pub use calculator::{
    check_input, ChurnBasis, UnitEconomics, UnitField, UnitInputs, EXPANSION_RANGE,
};
pub use channels::{
    blended_cac, channel_totals, check_name, default_channel_rows, ChannelRow,
    CHANNEL_CUSTOMERS_RANGE, CHANNEL_SPEND_RANGE, MAX_CHANNEL_ROWS, MAX_NAME_CHARS,
    ORGANIC_ROW_NAME,
};
pub use formulas::{
    cac_payback, discounted_ltv, gross_profit_per_month, lifetime, ltv, ltv_cac, ltv_five_years,
    monthly_discount_rate, monthly_retention, revenue_payback, DISCOUNT_RATE_RANGE, LTV_CAP_MONTHS,
};
pub use outcomes::{Lifetime, Ltv, LtvCac, Payback};
pub use quantities::{
    annual_churn_from_monthly, monthly_churn_from_annual, AnnualRate, MonthlyRate, Share,
    MONEY_LIMIT,
};
pub use verdicts::{
    verdict_free_to_paid, verdict_gross_margin, verdict_ltv, verdict_ltv_cac, verdict_magic_number,
    verdict_monthly_churn, verdict_payback, verdict_payback_within, verdict_pql_to_paid,
    verdict_viral_coefficient, Level, Verdict,
};

pub use crate::domain::benchmarks::{source, table as benchmarks, Benchmark};
