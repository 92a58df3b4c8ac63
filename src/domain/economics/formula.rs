//! The formula behind each output, for the tooltip next to it and the
//! Methods page.

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
