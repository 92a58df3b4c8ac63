//! The month-by-month model.
//!
//! # Modelling choices
//! Every figure is an expected value (fractions of customers are fine); no
//! randomness. Month 1 is the first month; the business starts with no
//! customers, so the projection shows what the go-to-market engine itself
//! builds.
//!
//! **Self-serve funnel** (runs only while self-serve is on):
//! - paid sign-ups = acquisition spend ÷ cost per sign-up;
//! - sign-ups(t) = paid + organic + viral coefficient × sign-ups(t − 1) ×
//!   max(0, 1 − S(t − 1) ÷ N): each sign-up brings in *k* more over one
//!   month (a one-month viral cycle), and referrals slow as the addressable
//!   market N fills up (S = sign-ups so far), so no loop — not even
//!   *k* ≥ 1 — runs away; paid and organic sign-ups are the rates typed;
//! - activated(t) = sign-ups(t) × activation rate;
//! - PQLs(t) = activated(t) × PQL share, when the sales-assisted channel is
//!   on. Those accounts leave the self-serve pool, so no account is counted
//!   by both channels;
//! - self-serve new customers(t) = activated(t − lag) × (1 − PQL share) ×
//!   free-to-paid, with lag = the conversion lag.
//!
//! **Sales-assisted**: opportunities(t) = PQLs(t) × PQL→opportunity;
//! new customers(t) = opportunities(t − lag) × win rate, with the same
//! conversion lag (the time from activation to paying). Churn and expansion
//! are the self-serve rates. Without the self-serve funnel there are no PQLs;
//! its cost still counts and a warning says so.
//!
//! **Sales-led**: opportunities(t) = pipeline spend ÷ cost per opportunity;
//! deals that would close in month t = opportunities(t − sales cycle) × win
//! rate. Capacity(t) = account executives × capacity × ramp(t), where the
//! whole team starts in month 1 and ramp(t) = min(1, t ÷ ramp months) rises
//! in a straight line. Deals beyond capacity are lost (not queued) and a
//! [`Warning::DealsLostToCapacity`] says how many.
//!
//! **Customers and revenue** (monthly billing), per channel: active(t) = active(t − 1) ×
//! (1 − churn) + new(t): churn applies to the customers at the start of the
//! month; customers won this month do not churn this month. MRR(t) =
//! MRR(t − 1) × (1 − churn + expansion) + new(t) × ARPA, with expansion as a
//! share of the month's starting MRR — the same convention that gives the
//! closed form LTV = ARPA × GM ÷ (churn − expansion). Sales-led ARPA =
//! ACV ÷ 12. Revenue is recognised as MRR each month; ARR = 12 × MRR.
//!
//! **Spend** (sales and marketing): self-serve acquisition spend; the
//! sales-assist cost; sales-led pipeline spend + account executives ×
//! loaded cost ÷ 12. Only switched-on channels spend.
//!
//! **Annual prepaid billing**: a customer pays the year up front and can
//! only leave at a renewal. A cohort won in month s renews in months s + 12,
//! s + 24, …; at each renewal it keeps (1 − churn)^12 of its customers
//! (annual churn = 1 − (1 − monthly churn)^12) and (1 − churn + expansion)^12
//! of its MRR — expansion is billed at renewal, and the 12-month NRR is the
//! same as with monthly billing. Between renewals its customers and MRR stay
//! as they are; those who leave at a renewal are gone in that month.
//!
//! **Cash**: monthly billing collects each month's revenue. Annual prepaid
//! collects, in the month a cohort starts a contract year (won, or renewed),
//! twelve months of that year's MRR. Net cash = cash in − cost of serving
//! customers (revenue × (1 − GM)) − spend; cumulative cash is the running sum
//! (the J-curve). R&D and G&A are outside the model.
//!
//! # Summary choices
//! - **CAC** per channel = the channel's spend over the horizon ÷ the
//!   customers it won over the horizon (PRODUCT.md §3). Self-serve
//!   acquisition spend is charged to self-serve; the sales-assisted CAC
//!   counts the sales-assist cost only, and its **fully loaded** variant
//!   adds the PQL share of the self-serve acquisition spend. **Blended CAC**
//!   = all spend ÷ all new customers (organic and viral sign-ups are in the
//!   self-serve customers).
//! - **Lag-matched CAC**, a labelled alternative for a channel with a lag
//!   (sales cycle, conversion lag): spend of months 1..H − lag ÷ customers of
//!   months lag + 1..H, so spend whose deals close after the horizon is left
//!   out.
//! - **LTV** per channel from [`economics::ltv`] (the formula's value
//!   whenever it is finite; capped at 60 months of gross profit only when it
//!   is not), and [`economics::ltv_five_years`] beside it. LTV:CAC and CAC
//!   payback (margin) from the channel's CAC and ARPA; blended figures
//!   weight channels by new customers.
//! - **Cash payback**: first month after the trough with cumulative cash back
//!   at ≥ 0. **Break-even**: first month whose gross profit covers that
//!   month's spend (billing does not matter).
//! - **NRR** (12 months) per channel = (1 − churn + expansion)^12; overall,
//!   weighted by each channel's MRR twelve months before the horizon ends.
//! - **Magic number**, last quarter of the horizon: (ARR at the end − ARR
//!   three months earlier) ÷ the spend of the three months before that.
//!   Never net new ARR × 4.

use super::inputs::{Billing, FieldId, ScenarioInputs};
use super::{ByChannel, Channel};
use crate::domain::economics::{self, Lifetime, Ltv, LtvCac, MonthlyRate, Payback, Share};
use crate::domain::format;

/// Below half a cent of spend in a quarter, the magic number has no
/// denominator.
const MIN_SPEND: f64 = 0.005;

/// One month of the projection. All values finite.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MonthRow {
    /// Month number, 1-based.
    pub month: u32,
    /// Free sign-ups (paid + organic + viral).
    pub signups: f64,
    /// Sign-ups that activated.
    pub activated: f64,
    /// Product-qualified leads.
    pub pqls: f64,
    /// Opportunities created (self-serve is always 0).
    pub opportunities: ByChannel<f64>,
    /// Customers won.
    pub new_customers: ByChannel<f64>,
    /// Paying customers at the end of the month.
    pub active_customers: ByChannel<f64>,
    /// Monthly recurring revenue at the end of the month, $.
    pub mrr: ByChannel<f64>,
    /// Sales and marketing spend, $.
    pub spend: ByChannel<f64>,
    /// Revenue recognised, $ (= total MRR).
    pub revenue: f64,
    /// Revenue × gross margin, $.
    pub gross_profit: f64,
    /// Cash collected from customers, $.
    pub cash_in: f64,
    /// Cash in − cost of service − spend, $.
    pub net_cash: f64,
    /// Running sum of net cash, $.
    pub cumulative_cash: f64,
    /// Deals the account executives could close this month.
    pub sales_capacity: f64,
    /// Sales-led deals lost for lack of capacity.
    pub deals_lost_to_capacity: f64,
}

impl MonthRow {
    /// Annual recurring revenue by channel = 12 × MRR, $.
    pub fn arr(&self) -> ByChannel<f64> {
        self.mrr.map(|_, m| m * 12.0)
    }
}

/// Why a result deserves a second look. Shown above the results.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Warning {
    /// Every channel is switched off.
    NoChannelEnabled,
    /// Sales-assisted is on but self-serve is off: no free accounts, no PQLs.
    SalesAssistWithoutSelfServe,
    /// Sales-led deals beyond the team's capacity were lost.
    DealsLostToCapacity {
        /// Deals lost over the horizon.
        deals: f64,
        /// First month with a loss.
        first_month: u32,
    },
    /// The channel's lag is as long as the horizon: no customer arrives.
    LagBeyondHorizon {
        /// The channel.
        channel: Channel,
    },
    /// Viral coefficient of 1 or more: sign-ups grow on their own until the
    /// addressable market is used up.
    ViralGrowthUnbounded,
}

impl Warning {
    /// The sentence shown to the user.
    pub fn message(&self) -> String {
        match self {
            Warning::NoChannelEnabled => {
                "Every channel is switched off, so there is nothing to project.".to_string()
            }
            Warning::SalesAssistWithoutSelfServe => {
                "The sales-assisted channel needs the free product of the self-serve channel; with self-serve off it finds no PQLs, yet its cost still counts.".to_string()
            }
            Warning::DealsLostToCapacity { deals, first_month } => format!(
                "The account executives cannot work every deal: {} lost from month {first_month}. Add sellers, shorten the ramp or spend less on pipeline.",
                format::about_count(*deals, "deal", "deals")
            ),
            Warning::LagBeyondHorizon { channel } => format!(
                "{}: the lag is as long as the horizon, so no customer arrives within it.",
                channel.label()
            ),
            Warning::ViralGrowthUnbounded => {
                "A viral coefficient of 1 or more makes sign-ups feed themselves until the addressable market is used up; real referral loops weaken long before.".to_string()
            }
        }
    }
}

/// The lowest point of cumulative cash.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trough {
    /// The month it is reached (1-based).
    pub month: u32,
    /// Cumulative cash there, $ (negative).
    pub dollars: f64,
}

/// When the go-to-market engine has paid back the cash it consumed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CashPayback {
    /// Cumulative cash never went below zero.
    NeverNegative,
    /// Back at or above zero in this month (1-based).
    PaidBackIn(u32),
    /// Still below zero when the horizon ends.
    NotWithinHorizon,
}

/// The SaaS magic number of the last quarter of the horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MagicNumber {
    /// Net new ARR in the quarter ÷ the previous quarter's spend (may be
    /// negative when ARR shrank).
    Ratio(f64),
    /// Nothing was spent in the previous quarter.
    NoPriorSpend,
    /// The horizon is shorter than two quarters.
    NotEnoughMonths,
}

/// Summary of one channel over the horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChannelSummary {
    /// Whether the channel was switched on.
    pub enabled: bool,
    /// Customers won over the horizon.
    pub new_customers: f64,
    /// Spend over the horizon, $.
    pub spend: f64,
    /// Revenue over the horizon, $.
    pub revenue: f64,
    /// Paying customers at the end.
    pub ending_customers: f64,
    /// MRR at the end, $.
    pub ending_mrr: f64,
    /// ARPA used, $/month.
    pub arpa_per_month: f64,
    /// Monthly churn used (the self-serve rate for sales-assisted).
    pub churn: MonthlyRate,
    /// Monthly expansion used.
    pub expansion: MonthlyRate,
    /// Months between the channel's cause and its customers (conversion lag
    /// or sales cycle).
    pub lag_months: u32,
    /// Spend over the horizon ÷ customers won over the horizon, $; `None`
    /// without customers. For sales-assisted: the sales-assist cost only.
    pub cac: Option<f64>,
    /// The labelled alternative for a channel with a lag: spend of months
    /// 1..H − lag ÷ customers of months lag + 1..H; `None` without a lag or
    /// without those customers.
    pub cac_lag_matched: Option<f64>,
    /// Sales-assisted only: (sales-assist cost + PQL share × self-serve
    /// acquisition spend) ÷ customers won; `None` for the other channels.
    pub cac_fully_loaded: Option<f64>,
    /// Lifetime value, dollars of gross profit.
    pub ltv: Ltv,
    /// One customer's gross profit over 60 months, month by month, $.
    pub ltv_five_years: f64,
    /// Average customer lifetime, 1 ÷ churn.
    pub lifetime: Lifetime,
    /// LTV ÷ CAC; `None` without customers.
    pub ltv_cac: Option<LtvCac>,
    /// CAC ÷ (ARPA × GM), months; `None` without customers.
    pub payback: Option<Payback>,
    /// (1 − churn + expansion)^12, %.
    pub nrr_12m_pct: f64,
}

impl Default for ChannelSummary {
    fn default() -> Self {
        ChannelSummary {
            enabled: false,
            new_customers: 0.0,
            spend: 0.0,
            revenue: 0.0,
            ending_customers: 0.0,
            ending_mrr: 0.0,
            arpa_per_month: 0.0,
            churn: MonthlyRate::ZERO,
            expansion: MonthlyRate::ZERO,
            lag_months: 0,
            cac: None,
            cac_lag_matched: None,
            cac_fully_loaded: None,
            ltv: Ltv::Finite(0.0),
            ltv_five_years: 0.0,
            lifetime: Lifetime::Unbounded,
            ltv_cac: None,
            payback: None,
            nrr_12m_pct: 100.0,
        }
    }
}

/// Summary of the whole projection. All numbers finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Per-channel figures.
    pub channels: ByChannel<ChannelSummary>,
    /// All spend ÷ all new customers over the horizon (organic and viral
    /// sign-ups are inside the self-serve customers), $.
    pub blended_cac: Option<f64>,
    /// All lag-matched spend ÷ all lag-matched customers, $; `None` when no
    /// channel with customers has a lag.
    pub blended_cac_lag_matched: Option<f64>,
    /// New-customer-weighted LTV; capped if any contributing channel is.
    pub blended_ltv: Option<Ltv>,
    /// New-customer-weighted LTV over 5 years, $.
    pub blended_ltv_five_years: Option<f64>,
    /// New-customer-weighted average customer lifetime; unbounded when a
    /// channel with customers has no churn.
    pub blended_lifetime: Option<Lifetime>,
    /// The gross margin used, %.
    pub gross_margin_pct: f64,
    /// Blended LTV ÷ blended CAC.
    pub blended_ltv_cac: Option<LtvCac>,
    /// Blended CAC ÷ (weighted ARPA × GM), months.
    pub blended_payback: Option<Payback>,
    /// Lowest cumulative cash, if it went below zero.
    pub trough: Option<Trough>,
    /// When cumulative cash is back at zero.
    pub cash_payback: CashPayback,
    /// First month whose gross profit covers its spend.
    pub break_even_month: Option<u32>,
    /// 12-month net revenue retention, %; `None` without revenue.
    pub nrr_12m_pct: Option<f64>,
    /// Share of horizon revenue per channel, %; `None` without revenue.
    pub revenue_split_pct: Option<ByChannel<f64>>,
    /// Magic number of the last quarter.
    pub magic_number: MagicNumber,
    /// Total MRR at the end, $.
    pub ending_mrr: f64,
    /// Total ARR at the end, $.
    pub ending_arr: f64,
    /// Paying customers at the end.
    pub ending_customers: f64,
    /// Customers won over the horizon.
    pub total_new_customers: f64,
    /// Spend over the horizon, $.
    pub total_spend: f64,
    /// Revenue over the horizon, $.
    pub total_revenue: f64,
    /// Gross profit over the horizon, $.
    pub total_gross_profit: f64,
    /// Cumulative cash at the end, $.
    pub ending_cumulative_cash: f64,
    /// Sales-led deals lost to capacity over the horizon.
    pub deals_lost_to_capacity: f64,
}

impl Default for Summary {
    fn default() -> Self {
        Summary {
            channels: ByChannel::default(),
            blended_cac: None,
            blended_cac_lag_matched: None,
            blended_ltv: None,
            blended_ltv_five_years: None,
            blended_lifetime: None,
            gross_margin_pct: 0.0,
            blended_ltv_cac: None,
            blended_payback: None,
            trough: None,
            cash_payback: CashPayback::NeverNegative,
            break_even_month: None,
            nrr_12m_pct: None,
            revenue_split_pct: None,
            magic_number: MagicNumber::NotEnoughMonths,
            ending_mrr: 0.0,
            ending_arr: 0.0,
            ending_customers: 0.0,
            total_new_customers: 0.0,
            total_spend: 0.0,
            total_revenue: 0.0,
            total_gross_profit: 0.0,
            ending_cumulative_cash: 0.0,
            deals_lost_to_capacity: 0.0,
        }
    }
}

/// The result of [`simulate`]: one row per month, a summary, warnings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    /// One row per month of the horizon.
    pub rows: Vec<MonthRow>,
    /// Figures over the whole horizon.
    pub summary: Summary,
    /// Things worth a second look.
    pub warnings: Vec<Warning>,
}

/// Projects the scenario month by month. See the module docs for every
/// modelling choice.
///
/// Total over any input: each number is first clamped into its field's range
/// (non-finite values to the minimum), so even unvalidated inputs give
/// finite outputs. Validation should have rejected such inputs already.
pub fn simulate(inputs: &ScenarioInputs) -> Projection {
    let mut out = Projection::default();
    simulate_into(inputs, &mut out);
    out
}

/// Like [`simulate`], reusing `out`'s buffers: no allocation once they have
/// grown to the horizon, which keeps thousands of runs (sensitivity, Monte
/// Carlo) cheap.
pub fn simulate_into(inputs: &ScenarioInputs, out: &mut Projection) {
    out.rows.clear();
    out.warnings.clear();
    let p = Params::from_inputs(inputs);
    run(&p, &mut out.rows);
    out.summary = summarize(&p, &out.rows);
    collect_warnings(&p, &out.rows, &out.summary, &mut out.warnings);
}

/// The field's value as the model uses it: clamped into its range, and the
/// minimum when not finite (only unvalidated inputs can be either). The
/// insight tools read inputs through it too, so they vary what the model sees.
pub(crate) fn model_value(inputs: &ScenarioInputs, id: FieldId) -> f64 {
    let range = id.spec().range;
    let v = inputs.get(id);
    if v.is_finite() {
        v.clamp(range.min, range.max)
    } else {
        range.min
    }
}

/// The share of product-qualified leads that end up paying, as the model
/// reads it: PQL → opportunity rate × sales-assisted win rate. The one place
/// this product is formed, so the reading beside the win-rate field, goal
/// seek's realism notes and the model agree.
///
/// ```
/// use gtm_workbench::domain::sim::{pql_to_paid, ScenarioInputs};
/// let mut inputs = ScenarioInputs::default();
/// inputs.sales_assist.pql_to_opportunity_pct = 40.0;
/// inputs.sales_assist.win_pct = 25.0;
/// assert!((pql_to_paid(&inputs).percent() - 10.0).abs() < 1e-9);
/// ```
pub fn pql_to_paid(inputs: &ScenarioInputs) -> Share {
    Share::from_fraction(
        pct(inputs, FieldId::SaPqlToOpportunityPct) * pct(inputs, FieldId::SaWinPct),
    )
}

/// The share of activated free accounts that end up paying, by either road:
/// self-serve upgrades for those not routed to sales, and sales-assisted wins
/// for the PQL share (when that channel is on):
/// (1 − q) × free-to-paid + q × [`pql_to_paid`], q the PQL share.
pub fn free_accounts_paying(inputs: &ScenarioInputs) -> Share {
    let q = if inputs.sales_assist.enabled {
        pct(inputs, FieldId::SaPqlPct)
    } else {
        0.0
    };
    Share::from_fraction(
        (1.0 - q) * pct(inputs, FieldId::SsFreeToPaidPct) + q * pql_to_paid(inputs).fraction(),
    )
}

/// Whole months (or people) from a clamped, whole-ranged field.
fn whole(inputs: &ScenarioInputs, id: FieldId) -> usize {
    // The range is whole and at most 1000, so the cast is exact.
    model_value(inputs, id).round() as usize
}

fn pct(inputs: &ScenarioInputs, id: FieldId) -> f64 {
    model_value(inputs, id) / 100.0
}

/// Per-channel revenue parameters.
#[derive(Clone, Copy, Debug, Default)]
struct Revenue {
    arpa: f64,
    churn: f64,
    expansion: f64,
}

impl Revenue {
    /// Monthly MRR retention of a cohort: 1 − churn + expansion (≥ 0).
    fn growth(self) -> f64 {
        (1.0 - self.churn + self.expansion).max(0.0)
    }

    /// Share of a cohort's customers that renew an annual contract:
    /// (1 − monthly churn)^12 = 1 − annual churn.
    fn annual_logo_retention(self) -> f64 {
        (1.0 - self.churn).max(0.0).powi(12)
    }

    fn churn_rate(self) -> MonthlyRate {
        MonthlyRate::from_fraction(self.churn)
    }

    fn expansion_rate(self) -> MonthlyRate {
        MonthlyRate::from_fraction(self.expansion)
    }
}

/// Inputs as the model uses them: fractions, clamped, switched-off channels
/// zeroed.
#[derive(Clone, Copy, Debug)]
struct Params {
    horizon: usize,
    annual_billing: bool,
    gm: f64,
    enabled: ByChannel<bool>,
    free_funnel: bool,
    paid_signups: f64,
    organic_signups: f64,
    viral: f64,
    market: f64,
    activation: f64,
    free_to_paid: f64,
    pql_share: f64,
    pql_to_opp: f64,
    pql_win: f64,
    conversion_lag: usize,
    sl_opportunities: f64,
    sl_win: f64,
    sales_cycle: usize,
    aes: f64,
    ae_capacity: f64,
    ae_ramp: usize,
    spend: ByChannel<f64>,
    revenue: ByChannel<Revenue>,
}

impl Params {
    fn from_inputs(inputs: &ScenarioInputs) -> Self {
        use FieldId as F;
        let enabled = ByChannel {
            self_serve: inputs.self_serve.enabled,
            sales_assist: inputs.sales_assist.enabled,
            sales_led: inputs.sales_led.enabled,
        };
        let free_funnel = enabled.self_serve;
        let ss_revenue = Revenue {
            arpa: model_value(inputs, F::SsArpa),
            churn: pct(inputs, F::SsChurnPct),
            expansion: pct(inputs, F::SsExpansionPct),
        };
        let sl_revenue = Revenue {
            arpa: model_value(inputs, F::SlAcv) / 12.0,
            churn: pct(inputs, F::SlChurnPct),
            expansion: pct(inputs, F::SlExpansionPct),
        };
        let on = |flag: bool, v: f64| if flag { v } else { 0.0 };
        let aes = model_value(inputs, F::SlAccountExecutives);
        Params {
            horizon: whole(inputs, F::HorizonMonths),
            annual_billing: inputs.billing == Billing::AnnualPrepaid,
            gm: pct(inputs, F::GrossMarginPct),
            enabled,
            free_funnel,
            // The cost floor of one cent keeps this finite.
            paid_signups: on(
                free_funnel,
                model_value(inputs, F::SsAcquisitionSpend)
                    / model_value(inputs, F::SsCostPerSignup),
            ),
            organic_signups: on(free_funnel, model_value(inputs, F::SsOrganicSignups)),
            viral: on(free_funnel, model_value(inputs, F::SsViralCoefficient)),
            market: model_value(inputs, F::SsMarketAccounts),
            activation: pct(inputs, F::SsActivationPct),
            free_to_paid: pct(inputs, F::SsFreeToPaidPct),
            pql_share: on(
                enabled.sales_assist && free_funnel,
                pct(inputs, F::SaPqlPct),
            ),
            pql_to_opp: pct(inputs, F::SaPqlToOpportunityPct),
            pql_win: pct(inputs, F::SaWinPct),
            conversion_lag: whole(inputs, F::SsConversionLag),
            sl_opportunities: on(
                enabled.sales_led,
                model_value(inputs, F::SlPipelineSpend)
                    / model_value(inputs, F::SlCostPerOpportunity),
            ),
            sl_win: pct(inputs, F::SlWinPct),
            sales_cycle: whole(inputs, F::SlSalesCycle),
            aes: on(enabled.sales_led, aes),
            ae_capacity: model_value(inputs, F::SlAeCapacity),
            ae_ramp: whole(inputs, F::SlAeRamp),
            spend: ByChannel {
                self_serve: on(
                    enabled.self_serve,
                    model_value(inputs, F::SsAcquisitionSpend),
                ),
                sales_assist: on(enabled.sales_assist, model_value(inputs, F::SaCostPerMonth)),
                sales_led: on(
                    enabled.sales_led,
                    model_value(inputs, F::SlPipelineSpend)
                        + aes * model_value(inputs, F::SlAeLoadedCost) / 12.0,
                ),
            },
            revenue: ByChannel {
                self_serve: ss_revenue,
                sales_assist: Revenue {
                    arpa: model_value(inputs, F::SaArpa),
                    ..ss_revenue
                },
                sales_led: sl_revenue,
            },
        }
    }

    /// The months between a channel's cause and its new customers.
    fn lag(&self, channel: Channel) -> usize {
        match channel {
            Channel::SelfServe | Channel::SalesAssist => self.conversion_lag,
            Channel::SalesLed => self.sales_cycle,
        }
    }

    /// Linear ramp: a seller in month `month` (1-based) works at
    /// min(1, month ÷ ramp) of full capacity.
    fn ramp(&self, month: usize) -> f64 {
        if self.ae_ramp == 0 {
            1.0
        } else {
            (month as f64 / self.ae_ramp as f64).min(1.0)
        }
    }
}

/// The value `lag` months before month index `t`: `now` (this month's
/// value, not yet in `rows`) when the lag is 0, and 0 before month 1.
fn lagged(rows: &[MonthRow], t: usize, lag: usize, now: f64, f: impl Fn(&MonthRow) -> f64) -> f64 {
    if lag == 0 {
        return now;
    }
    t.checked_sub(lag).and_then(|i| rows.get(i)).map_or(0.0, f)
}

/// Customers and MRR of the cohorts whose contract years start in the same
/// month of the year, under annual prepaid billing. Cohorts won 12, 24, …
/// months apart renew together, so twelve buckets per channel hold every
/// cohort.
#[derive(Clone, Copy, Debug, Default)]
struct RenewalBucket {
    customers: f64,
    mrr: f64,
}

fn run(p: &Params, rows: &mut Vec<MonthRow>) {
    rows.reserve(p.horizon);
    let mut prev = MonthRow::default();
    // Annual prepaid: at a renewal a cohort keeps (1 − churn)^12 of its
    // customers and (1 − churn + expansion)^12 of its MRR, so the 12-month
    // NRR is the same as with monthly billing.
    let renewal = p
        .revenue
        .map(|_, r| (r.annual_logo_retention(), r.growth().powi(12)));
    let mut buckets = ByChannel::splat([RenewalBucket::default(); 12]);
    // Sign-ups so far, against the addressable market.
    let mut reached = 0.0;
    for t in 0..p.horizon {
        let month = t + 1;
        let mut row = MonthRow {
            month: month as u32,
            ..MonthRow::default()
        };

        // Self-serve funnel.
        let untouched = (1.0 - reached / p.market).max(0.0);
        row.signups = p.paid_signups + p.organic_signups + p.viral * prev.signups * untouched;
        reached += row.signups;
        row.activated = row.signups * p.activation;
        row.pqls = row.activated * p.pql_share;
        row.opportunities.sales_assist = row.pqls * p.pql_to_opp;
        let lag = p.conversion_lag;
        row.new_customers.self_serve = if p.enabled.self_serve {
            lagged(rows, t, lag, row.activated, |r| r.activated)
                * (1.0 - p.pql_share)
                * p.free_to_paid
        } else {
            0.0
        };
        row.new_customers.sales_assist =
            lagged(rows, t, lag, row.opportunities.sales_assist, |r| {
                r.opportunities.sales_assist
            }) * p.pql_win;

        // Sales-led pipeline, cycle and capacity. Opportunities of a cycle
        // that started before month 1 do not exist.
        row.opportunities.sales_led = p.sl_opportunities;
        let would_close = lagged(rows, t, p.sales_cycle, row.opportunities.sales_led, |r| {
            r.opportunities.sales_led
        }) * p.sl_win;
        row.sales_capacity = p.aes * p.ae_capacity * p.ramp(month);
        row.new_customers.sales_led = would_close.min(row.sales_capacity);
        row.deals_lost_to_capacity = would_close - row.new_customers.sales_led;

        // Customers, MRR and cash collected.
        let mut cash_in = 0.0;
        for ch in Channel::ALL {
            let r = p.revenue.get(ch);
            let new = row.new_customers.get(ch);
            if p.annual_billing {
                // Cohorts can leave only at a renewal; the bucket of this
                // month of the year renews, then this month's cohort joins
                // it, and all of them pay their coming year up front.
                let (keep_logos, keep_mrr) = renewal.get(ch);
                let channel_buckets = buckets.get_mut(ch);
                let due = &mut channel_buckets[t % 12];
                due.customers = due.customers * keep_logos + new;
                due.mrr = due.mrr * keep_mrr + new * r.arpa;
                cash_in += 12.0 * due.mrr;
                *row.active_customers.get_mut(ch) =
                    channel_buckets.iter().map(|b| b.customers).sum();
                *row.mrr.get_mut(ch) = channel_buckets.iter().map(|b| b.mrr).sum();
            } else {
                // Churn hits the start-of-month base only.
                *row.active_customers.get_mut(ch) =
                    prev.active_customers.get(ch) * (1.0 - r.churn) + new;
                *row.mrr.get_mut(ch) = prev.mrr.get(ch) * r.growth() + new * r.arpa;
            }
        }
        row.spend = p.spend;
        row.revenue = row.mrr.total();
        row.gross_profit = row.revenue * p.gm;
        row.cash_in = if p.annual_billing {
            cash_in
        } else {
            row.revenue
        };
        let cost_of_service = row.revenue - row.gross_profit;
        row.net_cash = row.cash_in - cost_of_service - row.spend.total();
        row.cumulative_cash = prev.cumulative_cash + row.net_cash;

        rows.push(row);
        prev = row;
    }
}

fn summarize(p: &Params, rows: &[MonthRow]) -> Summary {
    let h = rows.len();
    let gm = Share::from_fraction(p.gm);
    fn sum_rows(rows: &[MonthRow], from: usize, to: usize, f: impl Fn(&MonthRow) -> f64) -> f64 {
        let h = rows.len();
        rows.get(from.min(to)..to.min(h))
            .map_or(0.0, |s| s.iter().map(f).sum())
    }

    // Spend and customers over the whole horizon (the headline CAC), and
    // lag-matched: months 1..H − lag of spend against customers of months
    // lag + 1..H (the labelled alternative).
    let horizon = ByChannel::splat(()).map(|ch, ()| {
        (
            sum_rows(rows, 0, h, |r| r.spend.get(ch)),
            sum_rows(rows, 0, h, |r| r.new_customers.get(ch)),
        )
    });
    let matched = ByChannel::splat(()).map(|ch, ()| {
        let lag = p.lag(ch);
        let spend = sum_rows(rows, 0, h.saturating_sub(lag), |r| r.spend.get(ch));
        let customers = sum_rows(rows, lag.min(h), h, |r| r.new_customers.get(ch));
        (spend, customers)
    });
    let ratio = |spend: f64, customers: f64| {
        (customers > 0.0)
            .then(|| spend / customers)
            .filter(|c| c.is_finite())
    };

    let last = rows.last().copied().unwrap_or_default();
    let channels = ByChannel::splat(()).map(|ch, ()| {
        let r = p.revenue.get(ch);
        let (spend, customers) = horizon.get(ch);
        let cac = ratio(spend, customers);
        let lag = p.lag(ch);
        let cac_lag_matched = (lag > 0)
            .then(|| {
                let (m_spend, m_customers) = matched.get(ch);
                ratio(m_spend, m_customers)
            })
            .flatten();
        // The share of self-serve acquisition spend whose activated accounts
        // became PQLs, added to the sales-assist cost.
        let cac_fully_loaded = (ch == Channel::SalesAssist)
            .then(|| ratio(spend + p.pql_share * horizon.self_serve.0, customers))
            .flatten();
        let ltv = economics::ltv(r.arpa, gm, r.churn_rate(), r.expansion_rate());
        ChannelSummary {
            enabled: p.enabled.get(ch),
            new_customers: customers,
            spend,
            revenue: sum_rows(rows, 0, h, |row| row.mrr.get(ch)),
            ending_customers: last.active_customers.get(ch),
            ending_mrr: last.mrr.get(ch),
            arpa_per_month: r.arpa,
            churn: r.churn_rate(),
            expansion: r.expansion_rate(),
            lag_months: lag as u32,
            cac,
            cac_lag_matched,
            cac_fully_loaded,
            ltv,
            ltv_five_years: economics::ltv_five_years(
                r.arpa,
                gm,
                r.churn_rate(),
                r.expansion_rate(),
            ),
            lifetime: economics::lifetime(r.churn_rate()),
            ltv_cac: cac.map(|c| economics::ltv_cac(ltv, c)),
            payback: cac.map(|c| economics::cac_payback(c, r.arpa, gm)),
            nrr_12m_pct: r.growth().powi(12) * 100.0,
        }
    });

    // Blended figures: all spend ÷ all new customers; LTV, LTV over 5 years,
    // ARPA and lifetime weighted by new customers.
    let mut weight = 0.0;
    let mut spend = 0.0;
    let mut matched_spend = 0.0;
    let mut matched_customers = 0.0;
    let mut ltv_sum = 0.0;
    let mut ltv5_sum = 0.0;
    let mut arpa_sum = 0.0;
    let mut lifetime_sum = 0.0;
    let mut any_capped = false;
    let mut any_unbounded = false;
    for ch in Channel::ALL {
        let c = channels.get(ch);
        let (m_spend, m_customers) = matched.get(ch);
        spend += c.spend;
        matched_spend += m_spend;
        matched_customers += m_customers;
        let n = c.new_customers;
        weight += n;
        ltv_sum += n * c.ltv.dollars();
        ltv5_sum += n * c.ltv_five_years;
        arpa_sum += n * c.arpa_per_month;
        if n > 0.0 {
            any_capped |= c.ltv.is_capped();
            match c.lifetime {
                Lifetime::Months(m) => lifetime_sum += n * m,
                Lifetime::Unbounded => any_unbounded = true,
            }
        }
    }
    let blended_cac = ratio(spend, weight);
    let blended_ltv = blended_cac.map(|_| {
        let dollars = ltv_sum / weight;
        if any_capped {
            Ltv::Capped(dollars)
        } else {
            Ltv::Finite(dollars)
        }
    });
    let blended_arpa = if weight > 0.0 { arpa_sum / weight } else { 0.0 };
    let blended_lifetime = (weight > 0.0).then(|| {
        if any_unbounded {
            Lifetime::Unbounded
        } else {
            Lifetime::Months(lifetime_sum / weight)
        }
    });

    // Cash.
    let trough = rows
        .iter()
        .filter(|r| r.cumulative_cash < 0.0)
        .min_by(|a, b| a.cumulative_cash.total_cmp(&b.cumulative_cash))
        .map(|r| Trough {
            month: r.month,
            dollars: r.cumulative_cash,
        });
    let cash_payback = match trough {
        None => CashPayback::NeverNegative,
        Some(tr) => rows
            .iter()
            .find(|r| r.month > tr.month && r.cumulative_cash >= 0.0)
            .map_or(CashPayback::NotWithinHorizon, |r| {
                CashPayback::PaidBackIn(r.month)
            }),
    };
    let break_even_month = rows
        .iter()
        .find(|r| r.gross_profit > 0.0 && r.gross_profit >= r.spend.total())
        .map(|r| r.month);

    // NRR weighted by MRR twelve months before the end (or at the end when
    // the horizon is exactly a year).
    let base = h
        .checked_sub(13)
        .and_then(|i| rows.get(i))
        .map(|r| r.mrr)
        .filter(|m| m.total() > 0.0)
        .unwrap_or(last.mrr);
    let nrr_12m_pct = (base.total() > 0.0).then(|| {
        Channel::ALL
            .iter()
            .map(|&ch| base.get(ch) * channels.get(ch).nrr_12m_pct)
            .sum::<f64>()
            / base.total()
    });

    let total_revenue = sum_rows(rows, 0, h, |r| r.revenue);
    let revenue_split_pct =
        (total_revenue > 0.0).then(|| channels.map(|_, c| c.revenue / total_revenue * 100.0));

    let magic_number = if h < 6 {
        MagicNumber::NotEnoughMonths
    } else {
        let arr = |i: usize| rows.get(i).map_or(0.0, |r| r.mrr.total() * 12.0);
        let net_new_arr = arr(h - 1) - arr(h - 4);
        let prior_spend = sum_rows(rows, h - 6, h - 3, |r| r.spend.total());
        if prior_spend < MIN_SPEND {
            MagicNumber::NoPriorSpend
        } else {
            MagicNumber::Ratio(net_new_arr / prior_spend)
        }
    };

    Summary {
        channels,
        blended_cac,
        blended_cac_lag_matched: channels
            .map(|_, c| c.lag_months > 0 && c.new_customers > 0.0)
            .any()
            .then(|| ratio(matched_spend, matched_customers))
            .flatten(),
        blended_ltv,
        blended_ltv_five_years: (weight > 0.0).then(|| ltv5_sum / weight),
        blended_lifetime,
        gross_margin_pct: p.gm * 100.0,
        blended_ltv_cac: blended_cac
            .zip(blended_ltv)
            .map(|(c, l)| economics::ltv_cac(l, c)),
        blended_payback: blended_cac.map(|c| economics::cac_payback(c, blended_arpa, gm)),
        trough,
        cash_payback,
        break_even_month,
        nrr_12m_pct,
        revenue_split_pct,
        magic_number,
        ending_mrr: last.mrr.total(),
        ending_arr: last.mrr.total() * 12.0,
        ending_customers: last.active_customers.total(),
        total_new_customers: sum_rows(rows, 0, h, |r| r.new_customers.total()),
        total_spend: sum_rows(rows, 0, h, |r| r.spend.total()),
        total_revenue,
        total_gross_profit: sum_rows(rows, 0, h, |r| r.gross_profit),
        ending_cumulative_cash: last.cumulative_cash,
        deals_lost_to_capacity: sum_rows(rows, 0, h, |r| r.deals_lost_to_capacity),
    }
}

fn collect_warnings(p: &Params, rows: &[MonthRow], summary: &Summary, out: &mut Vec<Warning>) {
    if !(p.enabled.self_serve || p.enabled.sales_assist || p.enabled.sales_led) {
        out.push(Warning::NoChannelEnabled);
    }
    if p.enabled.sales_assist && !p.enabled.self_serve {
        out.push(Warning::SalesAssistWithoutSelfServe);
    }
    for ch in Channel::ALL {
        // A sales-assist channel without self-serve has its own warning.
        let has_source = ch != Channel::SalesAssist || p.enabled.self_serve;
        if p.enabled.get(ch) && has_source && p.lag(ch) >= p.horizon {
            out.push(Warning::LagBeyondHorizon { channel: ch });
        }
    }
    if let Some(first) = rows.iter().find(|r| r.deals_lost_to_capacity > 0.0) {
        out.push(Warning::DealsLostToCapacity {
            deals: summary.deals_lost_to_capacity,
            first_month: first.month,
        });
    }
    if p.free_funnel && p.viral >= 1.0 {
        out.push(Warning::ViralGrowthUnbounded);
    }
}
