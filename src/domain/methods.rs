//! "How the numbers are computed": every formula and convention the
//! workbench shows, gathered for one page. Nothing here is written twice:
//! each entry quotes the constant that the figure beside it also shows
//! (the `formula` texts of [`crate::domain::economics`], the billing
//! convention of [`crate::domain::sim::Billing`], the confidence formulas of
//! Assess and Workshop, …), and the bands come from
//! [`crate::domain::benchmarks::table`].

use crate::domain::assess::confidence_formula;
use crate::domain::benchmarks::source;
use crate::domain::economics::formula;
use crate::domain::measure::formula as measured;
use crate::domain::plan::ACTIVE_FREE_FORMULA;
use crate::domain::sim::Billing;
use crate::domain::workshop::{ROOM_CONFIDENCE_FORMULA, ROOM_POSITION_FORMULA, SPLIT_RULE};

/// Where on the page an entry is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// One customer: LTV, lifetime, payback, LTV:CAC, churn conversion.
    UnitEconomics,
    /// The cost of winning customers.
    AcquisitionCost,
    /// The month-by-month model and its cash.
    Projection,
    /// Tornado, Monte Carlo, goal seek.
    Insight,
    /// The questionnaire and the room.
    Assessment,
    /// Plan's volumes.
    Plan,
    /// Measure's figures from a billing export.
    Measure,
    /// How typed numbers are read and written.
    Numbers,
}

impl Group {
    /// Every group, in page order.
    pub const ALL: [Group; 8] = [
        Group::UnitEconomics,
        Group::AcquisitionCost,
        Group::Projection,
        Group::Insight,
        Group::Assessment,
        Group::Plan,
        Group::Measure,
        Group::Numbers,
    ];

    /// The group's heading.
    pub fn title(self) -> &'static str {
        match self {
            Group::UnitEconomics => "One customer",
            Group::AcquisitionCost => "Acquisition cost",
            Group::Projection => "The month-by-month projection",
            Group::Insight => "Testing the plan",
            Group::Assessment => "The recommendation and the room",
            Group::Plan => "Plan",
            Group::Measure => "Measured from a billing export",
            Group::Numbers => "Typed and written numbers",
        }
    }
}

/// One entry of the page: the anchor a figure links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MethodId {
    /// Lifetime value (LTV).
    Ltv,
    /// When LTV is capped.
    LtvCap,
    /// LTV over five years.
    LtvFiveYears,
    /// Discounted LTV.
    LtvDiscounted,
    /// Customer lifetime.
    Lifetime,
    /// LTV:CAC.
    LtvCac,
    /// CAC payback.
    Payback,
    /// Revenue-based payback.
    RevenuePayback,
    /// Monthly and annual churn.
    AnnualChurn,
    /// The CAC of one channel.
    ChannelCac,
    /// Blended CAC.
    BlendedCac,
    /// Lag-matched CAC.
    LagMatchedCac,
    /// Sales-assisted CAC.
    SalesAssistCac,
    /// Billing, churn and cash.
    Billing,
    /// Net revenue retention.
    Nrr,
    /// Magic number.
    MagicNumber,
    /// Cash payback.
    CashPayback,
    /// Break-even.
    BreakEven,
    /// The sensitivity (tornado) chart.
    Tornado,
    /// Monte Carlo percentiles.
    Percentiles,
    /// Goal seek.
    GoalSeek,
    /// Confidence of a recommendation.
    Confidence,
    /// The room's position.
    RoomPosition,
    /// The room's confidence.
    RoomConfidence,
    /// A split room.
    SplitRoom,
    /// Active free accounts.
    ActiveFreeAccounts,
    /// The last complete month of a measurement.
    MeasuredMonth,
    /// Measured active customers, MRR and ARPA.
    MeasuredMrr,
    /// Measured churn, expansion and contraction, pooled.
    MeasuredChurn,
    /// Measured net and gross revenue retention.
    MeasuredRetention,
    /// Measured new customers a month and CAC.
    MeasuredCac,
    /// MRR movements.
    MeasuredMovements,
    /// Cohort retention and the average curve.
    MeasuredCohorts,
    /// The backtest of the model on the measured months.
    Backtest,
    /// Reading typed numbers.
    ReadingNumbers,
    /// Writing numbers.
    WritingNumbers,
}

impl MethodId {
    /// Every entry, in page order.
    pub const ALL: [MethodId; 36] = [
        MethodId::Ltv,
        MethodId::LtvCap,
        MethodId::LtvFiveYears,
        MethodId::LtvDiscounted,
        MethodId::Lifetime,
        MethodId::LtvCac,
        MethodId::Payback,
        MethodId::RevenuePayback,
        MethodId::AnnualChurn,
        MethodId::ChannelCac,
        MethodId::BlendedCac,
        MethodId::LagMatchedCac,
        MethodId::SalesAssistCac,
        MethodId::Billing,
        MethodId::Nrr,
        MethodId::MagicNumber,
        MethodId::CashPayback,
        MethodId::BreakEven,
        MethodId::Tornado,
        MethodId::Percentiles,
        MethodId::GoalSeek,
        MethodId::Confidence,
        MethodId::RoomPosition,
        MethodId::RoomConfidence,
        MethodId::SplitRoom,
        MethodId::ActiveFreeAccounts,
        MethodId::MeasuredMonth,
        MethodId::MeasuredMrr,
        MethodId::MeasuredChurn,
        MethodId::MeasuredRetention,
        MethodId::MeasuredCac,
        MethodId::MeasuredMovements,
        MethodId::MeasuredCohorts,
        MethodId::Backtest,
        MethodId::ReadingNumbers,
        MethodId::WritingNumbers,
    ];

    /// The anchor on the page, e.g. `ltv` (a figure links to `/methods#ltv`).
    pub fn slug(self) -> &'static str {
        match self {
            MethodId::Ltv => "ltv",
            MethodId::LtvCap => "ltv-cap",
            MethodId::LtvFiveYears => "ltv-5y",
            MethodId::LtvDiscounted => "ltv-discounted",
            MethodId::Lifetime => "lifetime",
            MethodId::LtvCac => "ltv-cac",
            MethodId::Payback => "payback",
            MethodId::RevenuePayback => "revenue-payback",
            MethodId::AnnualChurn => "annual-churn",
            MethodId::ChannelCac => "channel-cac",
            MethodId::BlendedCac => "blended-cac",
            MethodId::LagMatchedCac => "lag-matched-cac",
            MethodId::SalesAssistCac => "sales-assist-cac",
            MethodId::Billing => "billing",
            MethodId::Nrr => "nrr",
            MethodId::MagicNumber => "magic-number",
            MethodId::CashPayback => "cash-payback",
            MethodId::BreakEven => "break-even",
            MethodId::Tornado => "tornado",
            MethodId::Percentiles => "percentiles",
            MethodId::GoalSeek => "goal-seek",
            MethodId::Confidence => "confidence",
            MethodId::RoomPosition => "room-position",
            MethodId::RoomConfidence => "room-confidence",
            MethodId::SplitRoom => "split-room",
            MethodId::ActiveFreeAccounts => "active-free-accounts",
            MethodId::MeasuredMonth => "measured-month",
            MethodId::MeasuredMrr => "measured-mrr",
            MethodId::MeasuredChurn => "measured-churn",
            MethodId::MeasuredRetention => "measured-retention",
            MethodId::MeasuredCac => "measured-cac",
            MethodId::MeasuredMovements => "measured-movements",
            MethodId::MeasuredCohorts => "measured-cohorts",
            MethodId::Backtest => "backtest",
            MethodId::ReadingNumbers => "reading-numbers",
            MethodId::WritingNumbers => "writing-numbers",
        }
    }
}

/// One formula or convention.
#[derive(Clone, Debug, PartialEq)]
pub struct Method {
    /// Which entry; its slug is the anchor on the page.
    pub id: MethodId,
    /// Where it is listed.
    pub group: Group,
    /// Its name.
    pub title: &'static str,
    /// The formula or rule, the same text the app shows beside the figure.
    pub formula: String,
    /// The public source of the formula, when it has one.
    pub source: Option<&'static str>,
}

/// Reading typed numbers (PRODUCT.md, "Numbers are read the way people type
/// them").
pub const NUMBER_READING: &str = "A comma before exactly three digits separates thousands (1,500 is fifteen hundred); any other comma is a decimal comma (1,5 is one and a half); with both marks the last one is the decimal separator (1.234,5 is 1234.5). Spaces group digits. \"$\" and the k and M suffixes are read in money fields, \"%\" in percent fields; a unit that does not fit the field is refused. Whenever the text is not already plain, the field says how it was read.";

/// Writing numbers.
pub const NUMBER_WRITING: &str = "One formatter writes every number: thousands separated, a true minus sign, halves rounded up, percentages as 6%, and counts of people and accounts as whole numbers.";

/// The Monte Carlo percentiles.
pub const PERCENTILES: &str = "P10, P50 and P90 interpolate between the two closest of the n sorted draws, as spreadsheets do: h = (n − 1) × q, P = x⌊h⌋ + (h − ⌊h⌋) × (x⌊h⌋+1 − x⌊h⌋). The chance of a payback within 12 months counts draws whose blended CAC payback is 12 months or less.";

/// Goal seek.
pub const GOAL_SEEK: &str = "Every other input held where it is, the model is run across the input's whole range (evenly spaced, every small whole number, more points on a logarithmic scale, and around today's value), then each edge between a value that meets the target and one that does not is narrowed by bisection. Every range that meets the target is reported, and the value nearest today's is the one to apply.";

/// The tornado.
pub const TORNADO: &str = "Each input of a switched-on channel is moved down and up by the same share (±20% unless you choose another), one at a time, every other input held; the bars are sorted by how far the chosen result moves.";

/// Every entry, in page order.
pub fn methods() -> Vec<Method> {
    use Group as G;
    use MethodId as M;
    let m = |id, group, title, formula: &str, source| Method {
        id,
        group,
        title,
        formula: formula.to_string(),
        source,
    };
    let skok = Some(source::SKOK_SAAS_METRICS);
    vec![
        m(M::Ltv, G::UnitEconomics, "Lifetime value (LTV)", formula::LTV, skok),
        m(
            M::LtvCap,
            G::UnitEconomics,
            "When LTV is capped",
            formula::LTV_CAPPED,
            skok,
        ),
        m(
            M::LtvFiveYears,
            G::UnitEconomics,
            "LTV over 5 years",
            formula::LTV_FIVE_YEARS,
            None,
        ),
        m(
            M::LtvDiscounted,
            G::UnitEconomics,
            "Discounted LTV",
            formula::DISCOUNTED_LTV,
            Some("David Skok, For Entrepreneurs — “What's your TRUE customer lifetime value (LTV)? – DCF provides the answer”"),
        ),
        m(M::Lifetime, G::UnitEconomics, "Customer lifetime", formula::LIFETIME, skok),
        m(M::LtvCac, G::UnitEconomics, "LTV:CAC", formula::LTV_CAC, skok),
        m(M::Payback, G::UnitEconomics, "CAC payback", formula::PAYBACK, skok),
        m(
            M::RevenuePayback,
            G::UnitEconomics,
            "Revenue-based payback (alternative)",
            formula::REVENUE_PAYBACK,
            None,
        ),
        m(
            M::AnnualChurn,
            G::UnitEconomics,
            "Monthly and annual churn",
            &format!("{}; {}", formula::ANNUAL_CHURN, formula::MONTHLY_CHURN),
            None,
        ),
        m(M::ChannelCac, G::AcquisitionCost, "CAC of a channel", formula::CHANNEL_CAC, skok),
        m(
            M::BlendedCac,
            G::AcquisitionCost,
            "Blended CAC",
            formula::BLENDED_CAC,
            skok,
        ),
        m(
            M::LagMatchedCac,
            G::AcquisitionCost,
            "Lag-matched CAC (alternative)",
            formula::LAG_MATCHED_CAC,
            None,
        ),
        m(
            M::SalesAssistCac,
            G::AcquisitionCost,
            "Sales-assisted CAC",
            &format!(
                "{}. {}",
                formula::SALES_ASSIST_CAC,
                formula::SALES_ASSIST_CAC_LOADED
            ),
            None,
        ),
        m(
            M::Billing,
            G::Projection,
            "Billing, churn and cash",
            Billing::CONVENTION,
            None,
        ),
        m(M::Nrr, G::Projection, "Net revenue retention", formula::NRR, None),
        m(
            M::MagicNumber,
            G::Projection,
            "Magic number",
            formula::MAGIC_NUMBER,
            Some(source::MAGIC_NUMBER),
        ),
        m(
            M::CashPayback,
            G::Projection,
            "Cash back to zero (cash payback)",
            formula::CASH_PAYBACK,
            None,
        ),
        m(M::BreakEven, G::Projection, "Monthly break-even", formula::BREAK_EVEN, None),
        m(M::Tornado, G::Insight, "Sensitivity (tornado)", TORNADO, None),
        m(
            M::Percentiles,
            G::Insight,
            "Monte Carlo percentiles",
            PERCENTILES,
            Some("Hyndman & Fan, “Sample Quantiles in Statistical Packages” (1996), type 7"),
        ),
        m(M::GoalSeek, G::Insight, "Goal seek", GOAL_SEEK, None),
        m(
            M::Confidence,
            G::Assessment,
            "Confidence of a recommendation",
            &confidence_formula(),
            None,
        ),
        m(
            M::RoomPosition,
            G::Assessment,
            "The room's position",
            ROOM_POSITION_FORMULA,
            None,
        ),
        m(
            M::RoomConfidence,
            G::Assessment,
            "The room's confidence",
            ROOM_CONFIDENCE_FORMULA,
            None,
        ),
        m(M::SplitRoom, G::Assessment, "A split room", SPLIT_RULE, None),
        m(
            M::ActiveFreeAccounts,
            G::Plan,
            "Active free accounts",
            ACTIVE_FREE_FORMULA,
            None,
        ),
        m(
            M::MeasuredMonth,
            G::Measure,
            "The last complete month",
            measured::LAST_COMPLETE_MONTH,
            None,
        ),
        m(
            M::MeasuredMrr,
            G::Measure,
            "Active customers, MRR and ARPA",
            &[measured::CUSTOMERS, measured::MRR, measured::ARPA].join(". "),
            None,
        ),
        m(
            M::MeasuredChurn,
            G::Measure,
            "Churn, expansion and contraction, pooled",
            &[
                measured::LOGO_CHURN,
                measured::ANNUAL_EQUIVALENT,
                measured::REVENUE_CHURN,
                measured::EXPANSION,
                measured::CONTRACTION,
                measured::LTV_RATES,
            ]
            .join(". "),
            None,
        ),
        m(
            M::MeasuredRetention,
            G::Measure,
            "Net and gross revenue retention",
            &[measured::NRR, measured::GRR].join(". "),
            None,
        ),
        m(
            M::MeasuredCac,
            G::Measure,
            "New customers a month and CAC",
            &[measured::NEW_PER_MONTH, measured::CAC].join(". "),
            skok,
        ),
        m(
            M::MeasuredMovements,
            G::Measure,
            "MRR movements",
            measured::MOVEMENTS,
            None,
        ),
        m(
            M::MeasuredCohorts,
            G::Measure,
            "Cohort retention",
            &[
                measured::COHORT_LOGO,
                measured::COHORT_REVENUE,
                measured::AVERAGE_CURVE,
            ]
            .join(". "),
            None,
        ),
        m(M::Backtest, G::Measure, "Backtest", measured::BACKTEST, None),
        m(M::ReadingNumbers, G::Numbers, "Reading typed numbers", NUMBER_READING, None),
        m(M::WritingNumbers, G::Numbers, "Writing numbers", NUMBER_WRITING, None),
    ]
}

/// The entry of `id`; every id has one (a test holds [`methods`] to it).
pub fn method(id: MethodId) -> Option<Method> {
    methods().into_iter().find(|m| m.id == id)
}
