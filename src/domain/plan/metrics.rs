//! The metrics to track per motion, each with its definition, formula and
//! benchmark, and the formulas to compute them from your own figures.

use crate::domain::benchmarks::BenchmarkId;
use crate::domain::motion::Motion;

/// The simulator summary ids the page can show a current figure for; a
/// [`Metric`] with one of these ids is backed by the simulator.
pub const SIMULATOR_METRIC_IDS: [&str; 6] = [
    "cac_blended",
    "ltv_cac",
    "payback_months",
    "nrr_12m",
    "magic_number",
    "logo_churn",
];

/// A metric to track, with how it is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Metric {
    /// Stable id; equal to the simulator summary id where the simulator has one.
    pub id: &'static str,
    /// Short name.
    pub name: &'static str,
    /// What it tells you, in one sentence.
    pub definition: &'static str,
    /// How to compute it.
    pub formula: &'static str,
    /// The benchmark band it is read against, where one is known (the row
    /// of [`crate::domain::benchmarks::table`] with its source).
    pub benchmark: Option<BenchmarkId>,
}

impl Metric {
    /// The simulator summary id with the current figure, if the simulator has one.
    pub fn simulator_id(&self) -> Option<&'static str> {
        SIMULATOR_METRIC_IDS.into_iter().find(|s| *s == self.id)
    }
}

static METRICS: [Metric; 21] = [
    Metric {
        id: "activation_rate",
        name: "Activation rate",
        definition: "Share of new sign-ups that reach the first moment of real value.",
        formula: "activated accounts ÷ sign-ups, same cohort",
        benchmark: None,
    },
    Metric {
        id: "time_to_value",
        name: "Time to value",
        definition: "How long a new account takes to get its first useful result.",
        formula: "median time from sign-up to the activation event",
        benchmark: None,
    },
    Metric {
        id: "free_to_paid",
        name: "Free-to-paid conversion",
        definition: "Share of free or trial accounts that start paying.",
        formula: "accounts that upgrade ÷ free accounts in the cohort",
        benchmark: Some(BenchmarkId::FreemiumToPaid),
    },
    Metric {
        id: "dau_mau",
        name: "DAU/MAU",
        definition: "How habitual use is: the share of monthly users active on a given day.",
        formula: "daily active users ÷ monthly active users",
        benchmark: None,
    },
    Metric {
        id: "viral_coefficient",
        name: "Viral coefficient",
        definition: "New users each user brings in through invitations.",
        formula: "invites sent per user × share of invites accepted",
        benchmark: Some(BenchmarkId::ViralCoefficient),
    },
    Metric {
        id: "pql_rate",
        name: "PQL rate",
        definition: "Share of active free accounts that match a playbook rule in a month.",
        formula: "PQLs ÷ active free accounts",
        benchmark: None,
    },
    Metric {
        id: "pql_to_opportunity",
        name: "PQL-to-opportunity rate",
        definition: "Share of flagged accounts that sales turns into a qualified opportunity.",
        formula: "opportunities from PQLs ÷ PQLs",
        benchmark: None,
    },
    Metric {
        id: "pql_to_paid",
        name: "PQL-to-paid conversion",
        definition: "Share of flagged accounts that end up paying.",
        formula: "PQLs that become paying ÷ PQLs",
        benchmark: Some(BenchmarkId::PqlToPaid),
    },
    Metric {
        id: "revenue_split",
        name: "Self-serve revenue share",
        definition: "How much new revenue arrives without a salesperson.",
        formula: "self-serve new MRR ÷ all new MRR",
        benchmark: None,
    },
    Metric {
        id: "seat_activation",
        name: "Seat activation",
        definition: "Share of purchased seats in real use after the sale.",
        formula: "active seats ÷ seats bought",
        benchmark: None,
    },
    Metric {
        id: "win_rate",
        name: "Win rate",
        definition: "Share of qualified opportunities that close as won.",
        formula: "deals won ÷ qualified opportunities closed (won + lost)",
        benchmark: Some(BenchmarkId::WinRate),
    },
    Metric {
        id: "sales_cycle",
        name: "Sales-cycle length",
        definition: "Time from the first qualified meeting to a signed contract.",
        formula: "average days from opportunity created to closed-won",
        benchmark: None,
    },
    Metric {
        id: "pipeline_coverage",
        name: "Pipeline coverage",
        definition: "Whether there is enough open pipeline to reach the target.",
        formula: "open pipeline value ÷ revenue target for the period",
        benchmark: None,
    },
    Metric {
        id: "avg_deal_size",
        name: "Average deal size",
        definition: "New annual contract value per won deal.",
        formula: "new bookings ÷ deals won",
        benchmark: None,
    },
    Metric {
        id: "quota_attainment",
        name: "Quota attainment",
        definition: "Share of ramped reps who reach their quota.",
        formula: "reps at or above quota ÷ ramped reps",
        benchmark: None,
    },
    Metric {
        id: "cac_blended",
        name: "Blended CAC",
        definition: "Cost of winning one customer across every channel, organic included.",
        formula: "all go-to-market spend ÷ all new customers",
        benchmark: None,
    },
    Metric {
        id: "payback_months",
        name: "CAC payback",
        definition: "Months of gross profit it takes to earn back the cost of a customer.",
        formula: "CAC ÷ (ARPA × gross margin)",
        benchmark: Some(BenchmarkId::Payback),
    },
    Metric {
        id: "ltv_cac",
        name: "LTV:CAC",
        definition: "Gross profit from a customer's lifetime per unit of acquisition cost.",
        formula: "LTV ÷ CAC, with LTV = ARPA × gross margin ÷ (monthly churn − expansion)",
        benchmark: Some(BenchmarkId::LtvCac),
    },
    Metric {
        id: "nrr_12m",
        name: "Net revenue retention (12 months)",
        definition: "Revenue kept and grown from last year's customers, new ones excluded.",
        formula: "(start MRR + expansion − contraction − churned MRR) ÷ start MRR",
        benchmark: Some(BenchmarkId::Nrr),
    },
    Metric {
        id: "magic_number",
        name: "Magic number",
        definition: "New annual revenue bought by each unit of sales and marketing spend.",
        formula: "net new ARR in a quarter ÷ the previous quarter's S&M spend",
        benchmark: Some(BenchmarkId::MagicNumber),
    },
    Metric {
        id: "logo_churn",
        name: "Monthly logo churn",
        definition: "Share of customers lost in a month.",
        formula: "customers lost in the month ÷ customers at the start of the month",
        benchmark: Some(BenchmarkId::LogoChurn),
    },
];

/// Every metric the workbench knows.
pub fn all_metrics() -> &'static [Metric] {
    &METRICS
}

/// The metric with this id, if there is one.
pub fn metric(id: &str) -> Option<&'static Metric> {
    METRICS.iter().find(|m| m.id == id)
}

/// The metrics worth tracking for a motion, most important first.
pub fn metrics_for(motion: Motion) -> Vec<Metric> {
    let ids: &[&str] = match motion {
        Motion::ProductLed => &[
            "activation_rate",
            "time_to_value",
            "free_to_paid",
            "dau_mau",
            "viral_coefficient",
            "nrr_12m",
            "logo_churn",
            "cac_blended",
            "payback_months",
            "ltv_cac",
        ],
        Motion::ProductLedSalesAssist => &[
            "activation_rate",
            "free_to_paid",
            "pql_rate",
            "pql_to_opportunity",
            "pql_to_paid",
            "revenue_split",
            "nrr_12m",
            "logo_churn",
            "cac_blended",
            "payback_months",
            "ltv_cac",
        ],
        Motion::HybridFreemiumEnterprise => &[
            "activation_rate",
            "free_to_paid",
            "pql_to_opportunity",
            "win_rate",
            "sales_cycle",
            "revenue_split",
            "nrr_12m",
            "logo_churn",
            "cac_blended",
            "payback_months",
            "ltv_cac",
            "magic_number",
        ],
        Motion::SalesLedProductAdoption => &[
            "win_rate",
            "sales_cycle",
            "pipeline_coverage",
            "seat_activation",
            "time_to_value",
            "nrr_12m",
            "logo_churn",
            "cac_blended",
            "payback_months",
            "ltv_cac",
            "magic_number",
        ],
        Motion::SalesLed => &[
            "win_rate",
            "sales_cycle",
            "pipeline_coverage",
            "avg_deal_size",
            "quota_attainment",
            "nrr_12m",
            "logo_churn",
            "cac_blended",
            "payback_months",
            "ltv_cac",
            "magic_number",
        ],
    };
    ids.iter().filter_map(|id| metric(id)).copied().collect()
}

/// `num ÷ den` when both are finite, `num` ≥ 0 and `den` > 0; `None`
/// otherwise (no customers, no sign-ups: the metric is undefined, not 0).
fn ratio(num: f64, den: f64) -> Option<f64> {
    if num.is_finite() && den.is_finite() && num >= 0.0 && den > 0.0 {
        let r = num / den;
        r.is_finite().then_some(r)
    } else {
        None
    }
}

/// Activation rate as a fraction (0.4 = 40%) = activated ÷ sign-ups.
/// `None` when there are no sign-ups.
pub fn activation_rate(activated: f64, signups: f64) -> Option<f64> {
    ratio(activated, signups)
}

/// Free-to-paid conversion as a fraction = upgraded ÷ free accounts.
/// `None` when there are no free accounts.
pub fn free_to_paid(upgraded: f64, free_accounts: f64) -> Option<f64> {
    ratio(upgraded, free_accounts)
}

/// PQL-to-paid conversion as a fraction = PQLs that paid ÷ PQLs. `None` without PQLs.
pub fn pql_to_paid(paid: f64, pqls: f64) -> Option<f64> {
    ratio(paid, pqls)
}

/// PQL-to-opportunity rate as a fraction = opportunities ÷ PQLs. `None` without PQLs.
pub fn pql_to_opportunity(opportunities: f64, pqls: f64) -> Option<f64> {
    ratio(opportunities, pqls)
}

/// Win rate as a fraction = won ÷ qualified opportunities closed. `None`
/// without opportunities.
pub fn win_rate(won: f64, opportunities: f64) -> Option<f64> {
    ratio(won, opportunities)
}

/// Pipeline coverage, a multiple (3.0 = "3×") = open pipeline value ÷ target
/// for the same period, both in the same currency. `None` when the target is 0.
pub fn pipeline_coverage(pipeline_value: f64, target: f64) -> Option<f64> {
    ratio(pipeline_value, target)
}

/// Net revenue retention as a fraction (1.1 = 110%) =
/// (start MRR + expansion − contraction − churned MRR) ÷ start MRR, all in
/// MRR over the same period. `None` when start MRR is 0, any input is
/// negative or not finite, or losses exceed what there was to lose.
///
/// ```
/// use gtm_workbench::domain::plan::nrr;
/// // $100,000 at the start, +$15,000 expansion, −$3,000 contraction,
/// // −$2,000 churned: 110,000 ÷ 100,000 = 110 %.
/// assert_eq!(nrr(100_000.0, 15_000.0, 3_000.0, 2_000.0), Some(1.1));
/// assert_eq!(nrr(0.0, 1_000.0, 0.0, 0.0), None);
/// ```
pub fn nrr(start_mrr: f64, expansion: f64, contraction: f64, churned: f64) -> Option<f64> {
    let parts = [start_mrr, expansion, contraction, churned];
    if parts.iter().any(|x| !x.is_finite() || *x < 0.0) {
        return None;
    }
    ratio(start_mrr + expansion - contraction - churned, start_mrr)
}

/// Expansion rate as a fraction = expansion MRR ÷ start MRR. `None` when start MRR is 0.
pub fn expansion_rate(expansion: f64, start_mrr: f64) -> Option<f64> {
    ratio(expansion, start_mrr)
}

/// Monthly logo churn as a fraction = customers lost in the month ÷
/// customers at its start. `None` with no customers at the start.
pub fn logo_churn(lost: f64, customers_at_start: f64) -> Option<f64> {
    ratio(lost, customers_at_start)
}

/// CAC in currency per customer = spend ÷ new customers. `None` without new customers.
pub fn cac(spend: f64, new_customers: f64) -> Option<f64> {
    ratio(spend, new_customers)
}

/// CAC payback in months = CAC ÷ (ARPA per month × gross margin as a
/// fraction). `None` when the monthly gross profit per account is 0.
///
/// ```
/// use gtm_workbench::domain::plan::payback_months;
/// // $1,200 ÷ ($200 × 0.75) = 1,200 ÷ 150 = 8 months.
/// assert_eq!(payback_months(1_200.0, 200.0, 0.75), Some(8.0));
/// assert_eq!(payback_months(1_200.0, 0.0, 0.75), None);
/// ```
pub fn payback_months(cac: f64, arpa_per_month: f64, gross_margin: f64) -> Option<f64> {
    if !arpa_per_month.is_finite() || !gross_margin.is_finite() || arpa_per_month < 0.0 {
        return None;
    }
    ratio(cac, arpa_per_month * gross_margin)
}

/// LTV:CAC, a multiple = LTV ÷ CAC. `None` when CAC is 0.
pub fn ltv_cac(ltv: f64, cac: f64) -> Option<f64> {
    ratio(ltv, cac)
}

/// Magic number = net new ARR in a quarter ÷ the previous quarter's sales
/// and marketing spend (never net new ARR × 4). `None` when that spend is 0.
/// A negative net new ARR is allowed and gives a negative result.
///
/// ```
/// use gtm_workbench::domain::plan::magic_number;
/// // $300,000 of net new ARR after $400,000 of S&M spend: 0.75.
/// assert_eq!(magic_number(300_000.0, 400_000.0), Some(0.75));
/// assert_eq!(magic_number(-100_000.0, 400_000.0), Some(-0.25));
/// assert_eq!(magic_number(300_000.0, 0.0), None);
/// ```
pub fn magic_number(net_new_arr_quarter: f64, previous_quarter_spend: f64) -> Option<f64> {
    if net_new_arr_quarter < 0.0 {
        ratio(-net_new_arr_quarter, previous_quarter_spend).map(|r| -r)
    } else {
        ratio(net_new_arr_quarter, previous_quarter_spend)
    }
}

/// DAU/MAU as a fraction. `None` without monthly active users.
pub fn dau_mau(daily_active: f64, monthly_active: f64) -> Option<f64> {
    ratio(daily_active, monthly_active)
}

/// Viral coefficient = invites per user × acceptance rate (a fraction).
/// `None` when an input is negative or not finite.
pub fn viral_coefficient(invites_per_user: f64, acceptance_rate: f64) -> Option<f64> {
    let k = invites_per_user * acceptance_rate;
    (invites_per_user >= 0.0 && acceptance_rate >= 0.0 && k.is_finite()).then_some(k)
}
