//! What the user sets in the simulator, and a descriptor per numeric field
//! so the UI can render, label and validate every input from one list.
//!
//! Units are part of every field name (`_per_month`, `_per_year`, `_pct`,
//! `_months`) and of every label, so a yearly figure is never read as a
//! monthly one. Percentages are stored as typed (0–100) and turned into
//! fractions only inside the model.

use serde::{Deserialize, Serialize};

use super::Channel;
use crate::domain::economics::check_input;
use crate::domain::input::{check, FieldError, InputError, Range};
use crate::domain::motion::Motion;
/// The unit of each field: the app's one list of units (it decides how
/// typed text is read and how the value is written).
pub use crate::domain::unit::Unit;

/// When customers pay.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Billing {
    /// Each month's revenue is collected that month.
    #[default]
    Monthly,
    /// Twelve months are collected at the start of each contract year.
    AnnualPrepaid,
}

impl Billing {
    /// Both options, in picker order.
    pub const ALL: [Billing; 2] = [Billing::Monthly, Billing::AnnualPrepaid];

    /// How each option is modelled, shown beside the choice and on the
    /// methods page.
    pub const CONVENTION: &'static str = "Monthly: each month's revenue is collected that month, and churn applies every month to the customers at its start (customers won in a month do not churn that month). Annual, paid up front: a customer pays twelve months when the contract year starts and can leave only at a renewal; at each anniversary a cohort keeps (1 − monthly churn)^12 of its customers and (1 − churn + expansion)^12 of its MRR, so expansion is billed at renewal and the 12-month NRR is the same under both. Revenue is recognised month by month either way.";

    /// The name shown in the app.
    pub fn label(self) -> &'static str {
        match self {
            Billing::Monthly => "Monthly",
            Billing::AnnualPrepaid => "Annual, paid up front",
        }
    }
}

/// Self-serve (product-led) channel inputs. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfServeInputs {
    /// Whether the channel (and with it the free product funnel) runs.
    pub enabled: bool,
    /// Paid acquisition spend, $/month.
    pub acquisition_spend_per_month: f64,
    /// Cost of one paid sign-up, $.
    pub cost_per_signup: f64,
    /// Sign-ups that cost nothing (search, word of mouth), per month.
    pub organic_signups_per_month: f64,
    /// New sign-ups each sign-up brings in during the following month.
    pub viral_coefficient: f64,
    /// Everyone who could ever sign up, in accounts: referrals slow with the
    /// share of this market already reached, so no viral loop runs away.
    /// Added in stored version 3.
    #[serde(default = "default_market_accounts")]
    pub market_accounts: f64,
    /// Share of sign-ups that reach the product's first value, %.
    pub activation_pct: f64,
    /// Share of activated free accounts that start paying on their own, %.
    pub free_to_paid_pct: f64,
    /// Months from activation to the first payment.
    pub conversion_lag_months: u32,
    /// Average revenue per paying account, $/month.
    pub arpa_per_month: f64,
    /// Paying accounts lost per month, %.
    pub churn_pct: f64,
    /// Expansion per month, % of the month's starting MRR.
    pub expansion_pct: f64,
}

/// The addressable market of a scenario saved before the input existed:
/// ten million accounts, large enough not to change a modest referral loop.
pub const DEFAULT_MARKET_ACCOUNTS: f64 = 10_000_000.0;

fn default_market_accounts() -> f64 {
    DEFAULT_MARKET_ACCOUNTS
}

/// Sales-assisted (product-qualified lead) channel inputs. Saved.
///
/// Its customers come out of the self-serve funnel, so it produces nothing
/// while self-serve is off; they churn and expand at the self-serve rates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalesAssistInputs {
    /// Whether the channel runs.
    pub enabled: bool,
    /// Share of newly activated free accounts flagged as PQLs, %.
    pub pql_pct: f64,
    /// Share of PQLs that become sales opportunities, %.
    pub pql_to_opportunity_pct: f64,
    /// Share of those opportunities won, %.
    pub win_pct: f64,
    /// Average revenue per account won this way, $/month.
    pub arpa_per_month: f64,
    /// Cost of the sales-assist team and its tools, $/month.
    pub cost_per_month: f64,
}

/// Sales-led channel inputs. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalesLedInputs {
    /// Whether the channel runs.
    pub enabled: bool,
    /// Marketing and SDR spend that creates pipeline, $/month.
    pub pipeline_spend_per_month: f64,
    /// Cost of one qualified opportunity, $.
    pub cost_per_opportunity: f64,
    /// Share of qualified opportunities won, %.
    pub win_pct: f64,
    /// Months from a qualified opportunity to a signed deal.
    pub sales_cycle_months: u32,
    /// Annual contract value, $/year.
    pub acv_per_year: f64,
    /// Account executives on the team.
    pub account_executives: u32,
    /// Fully loaded cost of one account executive, $/year.
    pub ae_loaded_cost_per_year: f64,
    /// Deals one fully ramped account executive can close per month.
    pub ae_capacity_deals_per_month: f64,
    /// Months for a new account executive to reach full capacity.
    pub ae_ramp_months: u32,
    /// Paying accounts lost per month, %.
    pub churn_pct: f64,
    /// Expansion per month, % of the month's starting MRR.
    pub expansion_pct: f64,
}

/// Every input of one scenario. Saved (current inputs and each named
/// scenario).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioInputs {
    /// Months to project (12–60).
    pub horizon_months: u32,
    /// When customers pay.
    pub billing: Billing,
    /// Gross margin shared by all channels, %.
    pub gross_margin_pct: f64,
    /// Self-serve channel.
    pub self_serve: SelfServeInputs,
    /// Sales-assisted (PQL) channel.
    pub sales_assist: SalesAssistInputs,
    /// Sales-led channel.
    pub sales_led: SalesLedInputs,
}

impl Default for ScenarioInputs {
    /// The freemium-to-enterprise hybrid preset: all three channels on, so
    /// every input is visible at a benchmark value.
    fn default() -> Self {
        super::presets::preset(Motion::HybridFreemiumEnterprise)
    }
}

/// Identifies one numeric input of [`ScenarioInputs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldId {
    /// Months to project.
    HorizonMonths,
    /// Shared gross margin, %.
    GrossMarginPct,
    /// Self-serve paid acquisition spend, $/month.
    SsAcquisitionSpend,
    /// Self-serve cost per sign-up, $.
    SsCostPerSignup,
    /// Self-serve organic sign-ups per month.
    SsOrganicSignups,
    /// Self-serve viral coefficient.
    SsViralCoefficient,
    /// Self-serve addressable market, accounts.
    SsMarketAccounts,
    /// Self-serve activation, %.
    SsActivationPct,
    /// Self-serve free-to-paid conversion, %.
    SsFreeToPaidPct,
    /// Self-serve conversion lag, months.
    SsConversionLag,
    /// Self-serve ARPA, $/month.
    SsArpa,
    /// Self-serve churn, %/month.
    SsChurnPct,
    /// Self-serve expansion, %/month.
    SsExpansionPct,
    /// Share of activated accounts that become PQLs, %.
    SaPqlPct,
    /// PQL → opportunity, %.
    SaPqlToOpportunityPct,
    /// PQL opportunity win rate, %.
    SaWinPct,
    /// Sales-assisted ARPA, $/month.
    SaArpa,
    /// Sales-assist cost, $/month.
    SaCostPerMonth,
    /// Sales-led pipeline spend, $/month.
    SlPipelineSpend,
    /// Cost per qualified opportunity, $.
    SlCostPerOpportunity,
    /// Sales-led win rate, %.
    SlWinPct,
    /// Sales cycle, months.
    SlSalesCycle,
    /// Annual contract value, $/year.
    SlAcv,
    /// Number of account executives.
    SlAccountExecutives,
    /// Loaded cost per account executive, $/year.
    SlAeLoadedCost,
    /// Deals per ramped account executive per month.
    SlAeCapacity,
    /// Account executive ramp, months.
    SlAeRamp,
    /// Sales-led churn, %/month.
    SlChurnPct,
    /// Sales-led expansion, %/month.
    SlExpansionPct,
}

impl FieldId {
    /// Every field, in the order of [`fields`].
    pub const ALL: [FieldId; 29] = [
        FieldId::HorizonMonths,
        FieldId::GrossMarginPct,
        FieldId::SsAcquisitionSpend,
        FieldId::SsCostPerSignup,
        FieldId::SsOrganicSignups,
        FieldId::SsViralCoefficient,
        FieldId::SsMarketAccounts,
        FieldId::SsActivationPct,
        FieldId::SsFreeToPaidPct,
        FieldId::SsConversionLag,
        FieldId::SsArpa,
        FieldId::SsChurnPct,
        FieldId::SsExpansionPct,
        FieldId::SaPqlPct,
        FieldId::SaPqlToOpportunityPct,
        FieldId::SaWinPct,
        FieldId::SaArpa,
        FieldId::SaCostPerMonth,
        FieldId::SlPipelineSpend,
        FieldId::SlCostPerOpportunity,
        FieldId::SlWinPct,
        FieldId::SlSalesCycle,
        FieldId::SlAcv,
        FieldId::SlAccountExecutives,
        FieldId::SlAeLoadedCost,
        FieldId::SlAeCapacity,
        FieldId::SlAeRamp,
        FieldId::SlChurnPct,
        FieldId::SlExpansionPct,
    ];

    /// The field's descriptor.
    pub fn spec(self) -> &'static FieldSpec {
        // FIELDS is in the order of the enum; the const assertion below and a
        // unit test keep it so, which makes this index always in bounds.
        &FIELDS[self as usize]
    }

    /// The stable identifier: the field's path in the saved JSON, e.g.
    /// `self_serve.churn_pct`. Also usable as an HTML id.
    pub fn slug(self) -> &'static str {
        self.spec().slug
    }

    /// Parses [`FieldId::slug`]; `None` for anything else.
    pub fn from_slug(slug: &str) -> Option<FieldId> {
        FieldId::ALL.into_iter().find(|f| f.slug() == slug)
    }

    /// The field's name with its channel and unit, as the insight tools and
    /// messages show it: `Sales-led: Win rate (%)`; a label that already
    /// names its channel (`Self-serve churn (%/month)`) or a shared input
    /// (`Gross margin (%)`) is its label alone.
    pub fn name(self) -> String {
        let spec = self.spec();
        match spec.channel {
            Some(ch)
                if ch
                    .label()
                    .split(' ')
                    .next()
                    .is_some_and(|word| spec.label.starts_with(word)) =>
            {
                spec.label.to_string()
            }
            Some(ch) => format!("{}: {}", ch.label(), spec.label),
            None => spec.label.to_string(),
        }
    }
}

/// Stored as its slug, e.g. `"self_serve.churn_pct"`: the format saved
/// settings used when the field was a plain string.
impl Serialize for FieldId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

/// Read from its slug; any other text is refused with
/// "“…” is not a simulator input".
impl<'de> Deserialize<'de> for FieldId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Slug;
        impl serde::de::Visitor<'_> for Slug {
            type Value = FieldId;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the slug of a simulator input, e.g. self_serve.churn_pct")
            }
            fn visit_str<E: serde::de::Error>(self, slug: &str) -> Result<FieldId, E> {
                FieldId::from_slug(slug)
                    .ok_or_else(|| E::custom(format!("“{slug}” is not a simulator input")))
            }
        }
        deserializer.deserialize_str(Slug)
    }
}

/// Describes one numeric input: how to label, explain and check it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldSpec {
    /// Which field.
    pub id: FieldId,
    /// Path in the saved JSON, e.g. `sales_led.win_pct`.
    pub slug: &'static str,
    /// The channel the field belongs to; `None` for shared inputs.
    pub channel: Option<Channel>,
    /// The label, with its unit, e.g. `Win rate (%)`.
    pub label: &'static str,
    /// What the value measures: how typed text is read and how the value
    /// is written. Always equal to `range.unit`.
    pub unit: Unit,
    /// The accepted values, in `unit`.
    pub range: Range,
    /// One line of help in our own words.
    pub help: &'static str,
}

/// Money per month: up to $100M a month.
const SPEND: Range = Range::new(0.0, 100_000_000.0);
const PCT: Range = Range::new(0.0, 100.0);
/// The same expansion range as the quick calculator.
const EXPANSION: Range = crate::domain::economics::EXPANSION_RANGE;
const ARPA: Range = Range::new(0.0, 1_000_000.0);
const LAG: Range = Range::whole(0.0, 24.0);
/// Addressable accounts: from a thousand to ten billion.
const MARKET: Range = Range::whole(1_000.0, 10_000_000_000.0);

const fn spec(
    id: FieldId,
    slug: &'static str,
    channel: Option<Channel>,
    label: &'static str,
    unit: Unit,
    range: Range,
    help: &'static str,
) -> FieldSpec {
    FieldSpec {
        id,
        slug,
        channel,
        label,
        unit,
        // One unit per field: the range reads and checks in it.
        range: range.in_unit(unit),
        help,
    }
}

const SS: Option<Channel> = Some(Channel::SelfServe);
const SA: Option<Channel> = Some(Channel::SalesAssist);
const SL: Option<Channel> = Some(Channel::SalesLed);

static FIELDS: [FieldSpec; 29] = [
    spec(
        FieldId::HorizonMonths,
        "horizon_months",
        None,
        "Horizon (months)",
        Unit::Months,
        Range::whole(12.0, 60.0),
        "How many months to project, from one to five years.",
    ),
    spec(
        FieldId::GrossMarginPct,
        "gross_margin_pct",
        None,
        "Gross margin (%)",
        Unit::Percent,
        PCT,
        "Revenue left after hosting, support and other costs of serving customers.",
    ),
    spec(
        FieldId::SsAcquisitionSpend,
        "self_serve.acquisition_spend_per_month",
        SS,
        "Acquisition spend ($/month)",
        Unit::DollarsPerMonth,
        SPEND,
        "Paid ads and campaigns that bring people to the sign-up page.",
    ),
    spec(
        FieldId::SsCostPerSignup,
        "self_serve.cost_per_signup",
        SS,
        "Cost per sign-up ($)",
        Unit::Dollars,
        Range::new(0.01, 100_000.0),
        "What one paid sign-up costs; spend ÷ this gives paid sign-ups.",
    ),
    spec(
        FieldId::SsOrganicSignups,
        "self_serve.organic_signups_per_month",
        SS,
        "Organic sign-ups (per month)",
        Unit::Count,
        Range::new(0.0, 10_000_000.0),
        "Sign-ups that arrive without paid spend: search, word of mouth, content.",
    ),
    spec(
        FieldId::SsViralCoefficient,
        "self_serve.viral_coefficient",
        SS,
        "Viral coefficient",
        Unit::Ratio,
        Range::new(0.0, 2.0),
        "New sign-ups each sign-up brings in over the next month; above 1 grows on its own.",
    ),
    spec(
        FieldId::SsMarketAccounts,
        "self_serve.market_accounts",
        SS,
        "Addressable market (accounts)",
        Unit::Count,
        MARKET,
        "Everyone who could ever sign up; referrals slow as more of them have joined, so a viral loop cannot run away.",
    ),
    spec(
        FieldId::SsActivationPct,
        "self_serve.activation_pct",
        SS,
        "Activation rate (%)",
        Unit::Percent,
        PCT,
        "Share of sign-ups that reach the product's first real value.",
    ),
    spec(
        FieldId::SsFreeToPaidPct,
        "self_serve.free_to_paid_pct",
        SS,
        "Free-to-paid conversion (%)",
        Unit::Percent,
        PCT,
        "Share of activated free accounts that upgrade without a salesperson.",
    ),
    spec(
        FieldId::SsConversionLag,
        "self_serve.conversion_lag_months",
        SS,
        "Conversion lag (months)",
        Unit::Months,
        LAG,
        "Months between activating and paying; also delays sales-assisted deals.",
    ),
    spec(
        FieldId::SsArpa,
        "self_serve.arpa_per_month",
        SS,
        "Self-serve ARPA ($/month)",
        Unit::DollarsPerMonth,
        ARPA,
        "Average monthly revenue of a self-serve paying account.",
    ),
    spec(
        FieldId::SsChurnPct,
        "self_serve.churn_pct",
        SS,
        "Self-serve churn (%/month)",
        Unit::PercentPerMonth,
        PCT,
        "Share of paying accounts that cancel each month; also used for sales-assisted accounts.",
    ),
    spec(
        FieldId::SsExpansionPct,
        "self_serve.expansion_pct",
        SS,
        "Self-serve expansion (%/month)",
        Unit::PercentPerMonth,
        EXPANSION,
        "Upgrades and extra seats each month, as a share of the month's starting MRR.",
    ),
    spec(
        FieldId::SaPqlPct,
        "sales_assist.pql_pct",
        SA,
        "Activated accounts that become PQLs (%)",
        Unit::Percent,
        PCT,
        "Share of newly activated free accounts whose usage flags them for a sales conversation.",
    ),
    spec(
        FieldId::SaPqlToOpportunityPct,
        "sales_assist.pql_to_opportunity_pct",
        SA,
        "PQL to opportunity (%)",
        Unit::Percent,
        PCT,
        "Share of product-qualified leads the team turns into a real opportunity.",
    ),
    spec(
        FieldId::SaWinPct,
        "sales_assist.win_pct",
        SA,
        "PQL win rate (%)",
        Unit::Percent,
        PCT,
        "Share of those opportunities that sign.",
    ),
    spec(
        FieldId::SaArpa,
        "sales_assist.arpa_per_month",
        SA,
        "Sales-assisted ARPA ($/month)",
        Unit::DollarsPerMonth,
        ARPA,
        "Average monthly revenue of an account closed with sales help.",
    ),
    spec(
        FieldId::SaCostPerMonth,
        "sales_assist.cost_per_month",
        SA,
        "Sales-assist cost ($/month)",
        Unit::DollarsPerMonth,
        SPEND,
        "Salaries and tools of the team that works the PQLs.",
    ),
    spec(
        FieldId::SlPipelineSpend,
        "sales_led.pipeline_spend_per_month",
        SL,
        "Pipeline spend ($/month)",
        Unit::DollarsPerMonth,
        SPEND,
        "Marketing, events and prospecting that create qualified opportunities.",
    ),
    spec(
        FieldId::SlCostPerOpportunity,
        "sales_led.cost_per_opportunity",
        SL,
        "Cost per qualified opportunity ($)",
        Unit::Dollars,
        Range::new(1.0, 1_000_000.0),
        "What one qualified opportunity costs; spend ÷ this gives opportunities.",
    ),
    spec(
        FieldId::SlWinPct,
        "sales_led.win_pct",
        SL,
        "Win rate (%)",
        Unit::Percent,
        PCT,
        "Share of qualified opportunities that sign.",
    ),
    spec(
        FieldId::SlSalesCycle,
        "sales_led.sales_cycle_months",
        SL,
        "Sales cycle (months)",
        Unit::Months,
        LAG,
        "Months from a qualified opportunity to a signed contract.",
    ),
    spec(
        FieldId::SlAcv,
        "sales_led.acv_per_year",
        SL,
        "ACV ($/year)",
        Unit::DollarsPerYear,
        Range::new(0.0, 100_000_000.0),
        "Annual contract value of a sales-led deal.",
    ),
    spec(
        FieldId::SlAccountExecutives,
        "sales_led.account_executives",
        SL,
        "Account executives",
        Unit::Count,
        Range::whole(0.0, 1_000.0),
        "Quota-carrying sellers; they start together in month 1.",
    ),
    spec(
        FieldId::SlAeLoadedCost,
        "sales_led.ae_loaded_cost_per_year",
        SL,
        "AE loaded cost ($/year)",
        Unit::DollarsPerYear,
        Range::new(0.0, 10_000_000.0),
        "Salary, commission, benefits and tools for one account executive.",
    ),
    spec(
        FieldId::SlAeCapacity,
        "sales_led.ae_capacity_deals_per_month",
        SL,
        "AE capacity (deals/month)",
        Unit::Count,
        Range::new(0.0, 100.0),
        "Deals one fully ramped seller can close a month; deals beyond it are lost.",
    ),
    spec(
        FieldId::SlAeRamp,
        "sales_led.ae_ramp_months",
        SL,
        "AE ramp (months)",
        Unit::Months,
        LAG,
        "Months for a new seller to reach full capacity, rising in a straight line.",
    ),
    spec(
        FieldId::SlChurnPct,
        "sales_led.churn_pct",
        SL,
        "Sales-led churn (%/month)",
        Unit::PercentPerMonth,
        PCT,
        "Share of sales-led accounts that cancel each month.",
    ),
    spec(
        FieldId::SlExpansionPct,
        "sales_led.expansion_pct",
        SL,
        "Sales-led expansion (%/month)",
        Unit::PercentPerMonth,
        EXPANSION,
        "Upsell each month, as a share of the month's starting MRR.",
    ),
];

const _: () = assert!(FIELDS.len() == FieldId::ALL.len());

/// Every numeric input's descriptor, in screen order (shared first, then
/// self-serve, sales-assisted and sales-led). The channel switches and the
/// billing choice are plain fields of [`ScenarioInputs`].
pub fn fields() -> &'static [FieldSpec] {
    &FIELDS
}

fn to_whole(value: f64) -> u32 {
    // Only called after the range check (whole, 0–1000), so this is exact.
    value as u32
}

impl ScenarioInputs {
    /// The current value of a field (whole-month and head-count fields as
    /// f64).
    pub fn get(&self, id: FieldId) -> f64 {
        let ss = &self.self_serve;
        let sa = &self.sales_assist;
        let sl = &self.sales_led;
        match id {
            FieldId::HorizonMonths => f64::from(self.horizon_months),
            FieldId::GrossMarginPct => self.gross_margin_pct,
            FieldId::SsAcquisitionSpend => ss.acquisition_spend_per_month,
            FieldId::SsCostPerSignup => ss.cost_per_signup,
            FieldId::SsOrganicSignups => ss.organic_signups_per_month,
            FieldId::SsViralCoefficient => ss.viral_coefficient,
            FieldId::SsMarketAccounts => ss.market_accounts,
            FieldId::SsActivationPct => ss.activation_pct,
            FieldId::SsFreeToPaidPct => ss.free_to_paid_pct,
            FieldId::SsConversionLag => f64::from(ss.conversion_lag_months),
            FieldId::SsArpa => ss.arpa_per_month,
            FieldId::SsChurnPct => ss.churn_pct,
            FieldId::SsExpansionPct => ss.expansion_pct,
            FieldId::SaPqlPct => sa.pql_pct,
            FieldId::SaPqlToOpportunityPct => sa.pql_to_opportunity_pct,
            FieldId::SaWinPct => sa.win_pct,
            FieldId::SaArpa => sa.arpa_per_month,
            FieldId::SaCostPerMonth => sa.cost_per_month,
            FieldId::SlPipelineSpend => sl.pipeline_spend_per_month,
            FieldId::SlCostPerOpportunity => sl.cost_per_opportunity,
            FieldId::SlWinPct => sl.win_pct,
            FieldId::SlSalesCycle => f64::from(sl.sales_cycle_months),
            FieldId::SlAcv => sl.acv_per_year,
            FieldId::SlAccountExecutives => f64::from(sl.account_executives),
            FieldId::SlAeLoadedCost => sl.ae_loaded_cost_per_year,
            FieldId::SlAeCapacity => sl.ae_capacity_deals_per_month,
            FieldId::SlAeRamp => f64::from(sl.ae_ramp_months),
            FieldId::SlChurnPct => sl.churn_pct,
            FieldId::SlExpansionPct => sl.expansion_pct,
        }
    }

    /// Sets a field after checking it against its range; on error nothing
    /// changes, so an invalid value never reaches the model.
    ///
    /// # Errors
    /// [`InputError`] when the value is not finite, outside the range, or not
    /// whole where a whole number is required.
    pub fn set(&mut self, id: FieldId, value: f64) -> Result<(), InputError> {
        check_input(value, id.spec().range)?;
        let ss = &mut self.self_serve;
        let sa = &mut self.sales_assist;
        let sl = &mut self.sales_led;
        match id {
            FieldId::HorizonMonths => self.horizon_months = to_whole(value),
            FieldId::GrossMarginPct => self.gross_margin_pct = value,
            FieldId::SsAcquisitionSpend => ss.acquisition_spend_per_month = value,
            FieldId::SsCostPerSignup => ss.cost_per_signup = value,
            FieldId::SsOrganicSignups => ss.organic_signups_per_month = value,
            FieldId::SsViralCoefficient => ss.viral_coefficient = value,
            FieldId::SsMarketAccounts => ss.market_accounts = value,
            FieldId::SsActivationPct => ss.activation_pct = value,
            FieldId::SsFreeToPaidPct => ss.free_to_paid_pct = value,
            FieldId::SsConversionLag => ss.conversion_lag_months = to_whole(value),
            FieldId::SsArpa => ss.arpa_per_month = value,
            FieldId::SsChurnPct => ss.churn_pct = value,
            FieldId::SsExpansionPct => ss.expansion_pct = value,
            FieldId::SaPqlPct => sa.pql_pct = value,
            FieldId::SaPqlToOpportunityPct => sa.pql_to_opportunity_pct = value,
            FieldId::SaWinPct => sa.win_pct = value,
            FieldId::SaArpa => sa.arpa_per_month = value,
            FieldId::SaCostPerMonth => sa.cost_per_month = value,
            FieldId::SlPipelineSpend => sl.pipeline_spend_per_month = value,
            FieldId::SlCostPerOpportunity => sl.cost_per_opportunity = value,
            FieldId::SlWinPct => sl.win_pct = value,
            FieldId::SlSalesCycle => sl.sales_cycle_months = to_whole(value),
            FieldId::SlAcv => sl.acv_per_year = value,
            FieldId::SlAccountExecutives => sl.account_executives = to_whole(value),
            FieldId::SlAeLoadedCost => sl.ae_loaded_cost_per_year = value,
            FieldId::SlAeCapacity => sl.ae_capacity_deals_per_month = value,
            FieldId::SlAeRamp => sl.ae_ramp_months = to_whole(value),
            FieldId::SlChurnPct => sl.churn_pct = value,
            FieldId::SlExpansionPct => sl.expansion_pct = value,
        }
        Ok(())
    }

    /// Reads typed text in the field's unit (see [`Range::read`]) and sets
    /// the field.
    ///
    /// # Errors
    /// [`InputError`] when the text is not a number inside the field's range;
    /// the inputs are unchanged.
    pub fn set_text(&mut self, id: FieldId, raw: &str) -> Result<f64, InputError> {
        let value = id.spec().range.parse(raw)?;
        self.set(id, value)?;
        Ok(value)
    }

    /// Switches a channel on or off.
    pub fn set_enabled(&mut self, channel: Channel, enabled: bool) {
        match channel {
            Channel::SelfServe => self.self_serve.enabled = enabled,
            Channel::SalesAssist => self.sales_assist.enabled = enabled,
            Channel::SalesLed => self.sales_led.enabled = enabled,
        }
    }

    /// Whether a channel is switched on.
    pub fn is_enabled(&self, channel: Channel) -> bool {
        match channel {
            Channel::SelfServe => self.self_serve.enabled,
            Channel::SalesAssist => self.sales_assist.enabled,
            Channel::SalesLed => self.sales_led.enabled,
        }
    }

    /// Checks every numeric field against its range (finite, inside, whole
    /// where required).
    ///
    /// # Errors
    /// The first [`FieldError`], its field being the slug (e.g.
    /// `sales_led.win_pct`); callers add their own prefix.
    pub fn validate(&self) -> Result<(), FieldError> {
        for spec in fields() {
            check(spec.slug, self.get(spec.id), spec.range)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_table_is_in_enum_order_with_unique_slugs() {
        for (i, id) in FieldId::ALL.into_iter().enumerate() {
            assert_eq!(FIELDS[i].id, id);
            assert_eq!(id as usize, i);
            assert_eq!(FieldId::from_slug(id.slug()), Some(id));
        }
    }

    #[test]
    fn a_field_id_is_stored_as_its_slug_and_unknown_slugs_are_refused() {
        for id in FieldId::ALL {
            let json = serde_json::to_string(&id).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", id.slug()));
            assert_eq!(serde_json::from_str::<FieldId>(&json).ok(), Some(id));
        }
        let err = serde_json::from_str::<FieldId>("\"self_serve.nonsense\"")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("“self_serve.nonsense” is not a simulator input"),
            "{err}"
        );
        assert!(serde_json::from_str::<FieldId>("4").is_err());
    }

    #[test]
    fn slugs_match_the_saved_json_paths() {
        let json = serde_json::to_value(ScenarioInputs::default()).unwrap_or_default();
        for spec in fields() {
            let mut node = &json;
            for part in spec.slug.split('.') {
                node = &node[part];
            }
            assert!(node.is_number(), "{} is not in the JSON", spec.slug);
        }
    }
}
