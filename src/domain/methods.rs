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
    /// How typed numbers are read and written.
    Numbers,
}

impl Group {
    /// Every group, in page order.
    pub const ALL: [Group; 7] = [
        Group::UnitEconomics,
        Group::AcquisitionCost,
        Group::Projection,
        Group::Insight,
        Group::Assessment,
        Group::Plan,
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
            Group::Numbers => "Typed and written numbers",
        }
    }
}

/// One formula or convention.
#[derive(Clone, Debug, PartialEq)]
pub struct Method {
    /// The anchor on the page, e.g. `ltv` (a figure links to `#ltv`).
    pub slug: &'static str,
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
    let m = |slug, group, title, formula: &str, source| Method {
        slug,
        group,
        title,
        formula: formula.to_string(),
        source,
    };
    let skok = Some(source::SKOK_SAAS_METRICS);
    vec![
        m("ltv", G::UnitEconomics, "Lifetime value (LTV)", formula::LTV, skok),
        m(
            "ltv-cap",
            G::UnitEconomics,
            "When LTV is capped",
            formula::LTV_CAPPED,
            skok,
        ),
        m(
            "ltv-5y",
            G::UnitEconomics,
            "LTV over 5 years",
            formula::LTV_FIVE_YEARS,
            None,
        ),
        m(
            "ltv-discounted",
            G::UnitEconomics,
            "Discounted LTV",
            formula::DISCOUNTED_LTV,
            Some("David Skok, For Entrepreneurs — “What's your TRUE customer lifetime value (LTV)? – DCF provides the answer”"),
        ),
        m("lifetime", G::UnitEconomics, "Customer lifetime", formula::LIFETIME, skok),
        m("ltv-cac", G::UnitEconomics, "LTV:CAC", formula::LTV_CAC, skok),
        m("payback", G::UnitEconomics, "CAC payback", formula::PAYBACK, skok),
        m(
            "revenue-payback",
            G::UnitEconomics,
            "Revenue-based payback (alternative)",
            formula::REVENUE_PAYBACK,
            None,
        ),
        m(
            "annual-churn",
            G::UnitEconomics,
            "Monthly and annual churn",
            &format!("{}; {}", formula::ANNUAL_CHURN, formula::MONTHLY_CHURN),
            None,
        ),
        m("channel-cac", G::AcquisitionCost, "CAC of a channel", formula::CHANNEL_CAC, skok),
        m(
            "blended-cac",
            G::AcquisitionCost,
            "Blended CAC",
            formula::BLENDED_CAC,
            skok,
        ),
        m(
            "lag-matched-cac",
            G::AcquisitionCost,
            "Lag-matched CAC (alternative)",
            formula::LAG_MATCHED_CAC,
            None,
        ),
        m(
            "sales-assist-cac",
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
            "billing",
            G::Projection,
            "Billing, churn and cash",
            Billing::CONVENTION,
            None,
        ),
        m("nrr", G::Projection, "Net revenue retention", formula::NRR, None),
        m(
            "magic-number",
            G::Projection,
            "Magic number",
            formula::MAGIC_NUMBER,
            Some(source::MAGIC_NUMBER),
        ),
        m(
            "cash-payback",
            G::Projection,
            "Cash payback",
            formula::CASH_PAYBACK,
            None,
        ),
        m("break-even", G::Projection, "Break-even", formula::BREAK_EVEN, None),
        m("tornado", G::Insight, "Sensitivity (tornado)", TORNADO, None),
        m(
            "percentiles",
            G::Insight,
            "Monte Carlo percentiles",
            PERCENTILES,
            Some("Hyndman & Fan, “Sample Quantiles in Statistical Packages” (1996), type 7"),
        ),
        m("goal-seek", G::Insight, "Goal seek", GOAL_SEEK, None),
        m(
            "confidence",
            G::Assessment,
            "Confidence of a recommendation",
            &confidence_formula(),
            None,
        ),
        m(
            "room-position",
            G::Assessment,
            "The room's position",
            ROOM_POSITION_FORMULA,
            None,
        ),
        m(
            "room-confidence",
            G::Assessment,
            "The room's confidence",
            ROOM_CONFIDENCE_FORMULA,
            None,
        ),
        m("split-room", G::Assessment, "A split room", SPLIT_RULE, None),
        m(
            "active-free-accounts",
            G::Plan,
            "Active free accounts",
            ACTIVE_FREE_FORMULA,
            None,
        ),
        m("reading-numbers", G::Numbers, "Reading typed numbers", NUMBER_READING, None),
        m("writing-numbers", G::Numbers, "Writing numbers", NUMBER_WRITING, None),
    ]
}

/// The entry with this slug.
pub fn method(slug: &str) -> Option<Method> {
    methods().into_iter().find(|m| m.slug == slug)
}
