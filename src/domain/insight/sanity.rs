//! Sanity checks: warnings for inputs or results that no real company shows,
//! in the spirit of the review tabs of widely shared SaaS financial-plan
//! templates. Each says what is off and, in one sentence, why it matters.
//!
//! Only switched-on channels are checked. None of the five presets trips a
//! check (a test holds them to that).

use super::{fmt_number, Segment};
use crate::domain::benchmarks::{
    CARD_TRIAL_TO_PAID_PCT, FREEMIUM_TO_PAID_PCT, GROSS_MARGIN_MAX_PCT, GROSS_MARGIN_PCT,
    NRR_MAX_PCT, VIRAL_SELF_SUSTAINING, WIN_RATE_MAX_PCT, WIN_RATE_PCT,
};
use crate::domain::economics::Payback;
use crate::domain::sim::{Channel, FieldId, ScenarioInputs, Summary};

/// Gross margin above this, %, is out of reach for software with hosting
/// and support costs.
const MAX_GROSS_MARGIN_PCT: f64 = GROSS_MARGIN_MAX_PCT;
/// Free-to-paid above this, %, beats even card-required trials.
const MAX_FREE_TO_PAID_PCT: f64 = CARD_TRIAL_TO_PAID_PCT.hi;
/// Monthly churn under this, %, on a small-business plan (≈ 2.4 % a year).
const MIN_SMB_CHURN_PCT: f64 = 0.2;
/// Win rates above this, %.
const MAX_WIN_PCT: f64 = WIN_RATE_MAX_PCT;
/// 12-month net revenue retention above this, %.
const MAX_NRR_PCT: f64 = NRR_MAX_PCT;
/// Below this ACV ($/year) public frameworks place self-serve or
/// product-led sales, not a field team with a long cycle.
const SMALL_ACV_PER_YEAR: f64 = 15_000.0;
/// A cycle at least this long (months) is long for a small contract.
const LONG_CYCLE_MONTHS: u32 = 6;
/// From this ACV ($/year) public frameworks place sales-led deals.
const LARGE_ACV_PER_YEAR: f64 = 100_000.0;
/// A cycle this short or shorter (months) is short for a large contract.
const SHORT_CYCLE_MONTHS: u32 = 1;
/// Blended LTV:CAC above this usually means costs are missing.
const MAX_LTV_CAC: f64 = 10.0;
/// Yearly bookings one account executive can close, as a multiple of their
/// loaded cost, above which the capacity is out of line (quotas usually sit
/// around 4–5× on-target earnings).
const MAX_QUOTA_TO_COST: f64 = 10.0;

/// Which check fired. The slug is stable, for tests and keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SanityId {
    /// Gross margin above 95 %.
    GrossMarginTooHigh,
    /// Free-to-paid conversion above 60 %.
    FreeToPaidTooHigh,
    /// Monthly churn under 0.2 % on a plan priced for small businesses.
    ChurnTooLowForSmb,
    /// CAC payback longer than the average customer lifetime.
    PaybackBeyondLifetime,
    /// Viral coefficient of 1 or more.
    ViralSelfSustaining,
    /// Win rate above 50 %.
    WinRateTooHigh,
    /// Small contracts with a long sales cycle, or large ones with a very
    /// short cycle.
    AcvCycleMismatch,
    /// Net revenue retention above 200 % a year.
    NrrTooHigh,
    /// Blended LTV:CAC above 10.
    LtvCacTooHigh,
    /// Sellers' yearly capacity far above what their cost implies.
    SellerCapacityTooHigh,
}

impl SanityId {
    /// Every check, in the order they are reported.
    pub const ALL: [SanityId; 10] = [
        SanityId::GrossMarginTooHigh,
        SanityId::FreeToPaidTooHigh,
        SanityId::ChurnTooLowForSmb,
        SanityId::PaybackBeyondLifetime,
        SanityId::ViralSelfSustaining,
        SanityId::WinRateTooHigh,
        SanityId::AcvCycleMismatch,
        SanityId::NrrTooHigh,
        SanityId::LtvCacTooHigh,
        SanityId::SellerCapacityTooHigh,
    ];

    /// A stable identifier.
    pub fn slug(self) -> &'static str {
        match self {
            SanityId::GrossMarginTooHigh => "gross_margin_too_high",
            SanityId::FreeToPaidTooHigh => "free_to_paid_too_high",
            SanityId::ChurnTooLowForSmb => "churn_too_low_for_smb",
            SanityId::PaybackBeyondLifetime => "payback_beyond_lifetime",
            SanityId::ViralSelfSustaining => "viral_self_sustaining",
            SanityId::WinRateTooHigh => "win_rate_too_high",
            SanityId::AcvCycleMismatch => "acv_cycle_mismatch",
            SanityId::NrrTooHigh => "nrr_too_high",
            SanityId::LtvCacTooHigh => "ltv_cac_too_high",
            SanityId::SellerCapacityTooHigh => "seller_capacity_too_high",
        }
    }

    /// Why the check exists, in one sentence.
    pub fn why(self) -> &'static str {
        match self {
            SanityId::GrossMarginTooHigh => {
                "Hosting, support and onboarding cost every software company something, so margins this close to 100% usually mean costs were left out."
            }
            SanityId::FreeToPaidTooHigh => {
                "Most people who try a product never pay; even trials that ask for a card up front keep fewer than two in three."
            }
            SanityId::ChurnTooLowForSmb => {
                "Small businesses close, switch tools and cut costs often, so a cheap plan that almost nobody cancels is a sign the churn figure is optimistic."
            }
            SanityId::PaybackBeyondLifetime => {
                "When customers leave before their gross profit covers what it cost to win them, every new customer loses money."
            }
            SanityId::ViralSelfSustaining => {
                "At 1 or more each wave of users recruits a larger one without end; in practice referral loops weaken as the market fills up."
            }
            SanityId::WinRateTooHigh => {
                "Buyers compare options and many deals end with no decision, so sales teams that win most qualified opportunities are rare."
            }
            SanityId::AcvCycleMismatch => {
                "The length of a sales cycle follows the size of the deal: small contracts cannot pay for months of selling, and large ones rarely sign in weeks."
            }
            SanityId::NrrTooHigh => {
                "Doubling revenue from the same customers every year is beyond what even the fastest-expanding public SaaS companies report."
            }
            SanityId::LtvCacTooHigh => {
                "Ratios this high usually mean part of the acquisition cost, such as salaries, tools or agencies, is missing from spend."
            }
            SanityId::SellerCapacityTooHigh => {
                "A seller's yearly bookings usually run at a few times their cost; far more suggests the capacity or the contract value is too high."
            }
        }
    }
}

/// One warning.
#[derive(Clone, Debug, PartialEq)]
pub struct SanityWarning {
    /// Which check.
    pub id: SanityId,
    /// The input it points at, when one input is to blame.
    pub field: Option<FieldId>,
    /// What is off, with the numbers.
    pub message: String,
    /// Why it matters, in one sentence ([`SanityId::why`]).
    pub why: &'static str,
}

fn warning(id: SanityId, field: Option<FieldId>, message: String) -> SanityWarning {
    SanityWarning {
        id,
        field,
        message,
        why: id.why(),
    }
}

/// Checks a scenario and its simulated summary. Returns the warnings in
/// [`SanityId::ALL`] order (a check may fire once per channel).
pub fn sanity_checks(inputs: &ScenarioInputs, summary: &Summary) -> Vec<SanityWarning> {
    let mut out = Vec::new();
    let ss = &inputs.self_serve;
    let sa = &inputs.sales_assist;
    let sl = &inputs.sales_led;
    let ss_on = ss.enabled;
    let sa_on = sa.enabled && ss_on;
    let sl_on = sl.enabled;
    let any_on = ss_on || sa.enabled || sl_on;
    let n = fmt_number;

    if any_on && inputs.gross_margin_pct > MAX_GROSS_MARGIN_PCT {
        out.push(warning(
            SanityId::GrossMarginTooHigh,
            Some(FieldId::GrossMarginPct),
            format!(
                "Gross margin is {}%; software companies report {}, and above {}% is out of reach.",
                n(inputs.gross_margin_pct),
                GROSS_MARGIN_PCT.percent(),
                n(MAX_GROSS_MARGIN_PCT)
            ),
        ));
    }

    if ss_on && ss.free_to_paid_pct > MAX_FREE_TO_PAID_PCT {
        out.push(warning(
            SanityId::FreeToPaidTooHigh,
            Some(FieldId::SsFreeToPaidPct),
            format!(
                "Free-to-paid conversion is {}%; freemium plans see {} and card-required trials {}.",
                n(ss.free_to_paid_pct),
                FREEMIUM_TO_PAID_PCT.percent(),
                CARD_TRIAL_TO_PAID_PCT.percent()
            ),
        ));
    }

    let churn_cases = [
        (ss_on, FieldId::SsChurnPct, ss.churn_pct, ss.arpa_per_month),
        (
            sl_on,
            FieldId::SlChurnPct,
            sl.churn_pct,
            sl.acv_per_year / 12.0,
        ),
    ];
    for (on, field, churn, arpa) in churn_cases {
        if on && churn < MIN_SMB_CHURN_PCT && Segment::from_arpa(arpa) == Segment::Smb {
            out.push(warning(
                SanityId::ChurnTooLowForSmb,
                Some(field),
                format!(
                    "{} is {}%/month on a plan at ${}/month; small-business plans usually lose {} a month.",
                    field.spec().label,
                    n(churn),
                    n(arpa),
                    Segment::Smb.churn_text()
                ),
            ));
        }
    }

    for ch in Channel::ALL {
        let c = summary.channels.get(ch);
        if !c.enabled || c.new_customers <= 0.0 || (ch == Channel::SalesAssist && !sa_on) {
            continue;
        }
        let churn_field = if ch == Channel::SalesLed {
            FieldId::SlChurnPct
        } else {
            FieldId::SsChurnPct
        };
        let churn = inputs.get(churn_field);
        if churn <= 0.0 {
            continue;
        }
        let lifetime = 100.0 / churn;
        let message = match c.payback {
            Some(Payback::Months(m)) if m > lifetime => Some(format!(
                "{}: CAC payback is {} months but the average customer stays {} months (1 ÷ {}% monthly churn).",
                ch.label(),
                n(m),
                n(lifetime),
                n(churn)
            )),
            Some(Payback::Never) => Some(format!(
                "{}: customers bring no gross profit, so CAC is never paid back within their {} months.",
                ch.label(),
                n(lifetime)
            )),
            _ => None,
        };
        if let Some(message) = message {
            out.push(warning(
                SanityId::PaybackBeyondLifetime,
                Some(churn_field),
                message,
            ));
        }
    }

    if ss_on && ss.viral_coefficient >= VIRAL_SELF_SUSTAINING {
        out.push(warning(
            SanityId::ViralSelfSustaining,
            Some(FieldId::SsViralCoefficient),
            format!(
                "The viral coefficient is {}, so sign-ups feed themselves until the {} addressable accounts are used up; real referral loops fade long before.",
                n(ss.viral_coefficient),
                crate::domain::format::count(ss.market_accounts)
            ),
        ));
    }

    let win_cases = [
        (sa_on, FieldId::SaWinPct, sa.win_pct),
        (sl_on, FieldId::SlWinPct, sl.win_pct),
    ];
    for (on, field, win) in win_cases {
        if on && win > MAX_WIN_PCT {
            out.push(warning(
                SanityId::WinRateTooHigh,
                Some(field),
                format!(
                    "{} is {}%; most B2B teams win {} of qualified opportunities.",
                    field.spec().label,
                    n(win),
                    WIN_RATE_PCT.percent()
                ),
            ));
        }
    }

    if sl_on {
        let acv = sl.acv_per_year;
        let cycle = sl.sales_cycle_months;
        if acv < SMALL_ACV_PER_YEAR && cycle >= LONG_CYCLE_MONTHS {
            out.push(warning(
                SanityId::AcvCycleMismatch,
                Some(FieldId::SlSalesCycle),
                format!(
                    "A {cycle}-month sales cycle for ${}/year contracts: deals under about $15K a year are usually sold in weeks or self-serve.",
                    n(acv)
                ),
            ));
        } else if acv >= LARGE_ACV_PER_YEAR && cycle <= SHORT_CYCLE_MONTHS {
            out.push(warning(
                SanityId::AcvCycleMismatch,
                Some(FieldId::SlSalesCycle),
                format!(
                    "A {cycle}-month sales cycle for ${}/year contracts: deals of $100K a year or more usually take several months.",
                    n(acv)
                ),
            ));
        }
    }

    let nrr_cases = [
        (ss_on, Channel::SelfServe, FieldId::SsExpansionPct),
        (sl_on, Channel::SalesLed, FieldId::SlExpansionPct),
    ];
    for (on, ch, field) in nrr_cases {
        let nrr = summary.channels.get(ch).nrr_12m_pct;
        if on && nrr > MAX_NRR_PCT {
            out.push(warning(
                SanityId::NrrTooHigh,
                Some(field),
                format!(
                    "{}: churn and expansion give {}% net revenue retention a year.",
                    ch.label(),
                    n(nrr)
                ),
            ));
        }
    }

    if let Some(ratio) = summary.blended_ltv_cac.and_then(|r| r.ratio()) {
        if ratio > MAX_LTV_CAC {
            out.push(warning(
                SanityId::LtvCacTooHigh,
                None,
                format!(
                    "Blended LTV:CAC is {}; healthy businesses sit around 3–5.",
                    n(ratio)
                ),
            ));
        }
    }

    if sl_on && sl.account_executives > 0 && sl.ae_loaded_cost_per_year > 0.0 {
        let bookings = sl.ae_capacity_deals_per_month * 12.0 * sl.acv_per_year;
        let multiple = bookings / sl.ae_loaded_cost_per_year;
        if multiple.is_finite() && multiple > MAX_QUOTA_TO_COST {
            out.push(warning(
                SanityId::SellerCapacityTooHigh,
                Some(FieldId::SlAeCapacity),
                format!(
                    "One seller could book ${} a year, {}× their loaded cost of ${}.",
                    n(bookings),
                    n(multiple),
                    n(sl.ae_loaded_cost_per_year)
                ),
            ));
        }
    }

    out
}
