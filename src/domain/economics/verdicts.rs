//! Benchmark verdicts: how a figure compares with the published bands of
//! [`crate::domain::benchmarks`], in our words, with the source of the band.

use super::outcomes::{Lifetime, Ltv, LtvCac, Payback};
use super::quantities::MonthlyRate;
use crate::domain::benchmarks::{self, source};
use crate::domain::format;

/// How a figure compares with the published bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Level {
    /// Inside the healthy band.
    Good,
    /// Acceptable, or healthy with a caveat.
    Ok,
    /// Worth a look: marginal, or only normal for some segments.
    Warn,
    /// Outside what a sustainable business shows.
    Bad,
}

/// A benchmark reading of one figure: how it compares, in our words, and the
/// public source of the band.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// How the figure compares.
    pub level: Level,
    /// One sentence for the user, with the band's numbers from
    /// [`crate::domain::benchmarks`].
    pub text: String,
    /// Where the band comes from.
    pub source: &'static str,
}

fn verdict(level: Level, text: impl Into<String>, source: &'static str) -> Verdict {
    Verdict {
        level,
        text: text.into(),
        source,
    }
}

fn n(value: f64) -> String {
    format::number_trimmed(value, 2)
}

/// Reading of an LTV:CAC ratio: under 1 loses money, 1–3 marginal, 3–5
/// healthy, above 5 healthy but possibly under-investing (the numbers are
/// [`benchmarks::LTV_CAC_LOSS`] and its neighbours).
pub fn verdict_ltv_cac(value: LtvCac) -> Verdict {
    use benchmarks::{
        LTV_CAC_HEALTHY as HEALTHY, LTV_CAC_LOSS as LOSS, LTV_CAC_UNDER_INVESTING as HIGH,
    };
    let s = source::LTV_CAC_BANDS;
    match value {
        LtvCac::FreeAcquisition => verdict(
            Level::Ok,
            "No acquisition cost, so there is no ratio; check that all sales and marketing spend is counted.",
            s,
        ),
        LtvCac::Ratio(r) if r < LOSS => verdict(
            Level::Bad,
            format!("Below {}: each customer costs more to win than it ever earns back.", n(LOSS)),
            s,
        ),
        LtvCac::Ratio(r) if r < HEALTHY => verdict(
            Level::Warn,
            format!(
                "Between {} and {}: marginal; little room left for overheads and mistakes.",
                n(LOSS),
                n(HEALTHY)
            ),
            s,
        ),
        LtvCac::Ratio(r) if r <= HIGH => verdict(
            Level::Good,
            format!("{} or more: healthy unit economics.", n(HEALTHY)),
            s,
        ),
        LtvCac::Ratio(_) => verdict(
            Level::Ok,
            format!(
                "Above {}: very efficient, and possibly spending too little on growth.",
                n(HIGH)
            ),
            s,
        ),
    }
}

/// Reading of a CAC payback against the 12-month bar and the segment bands
/// ([`benchmarks::PAYBACK_SMB_MONTHS`] and its neighbours).
pub fn verdict_payback(value: Payback) -> Verdict {
    use benchmarks::{
        PAYBACK_BAR_MONTHS as BAR, PAYBACK_ENTERPRISE_MONTHS as ENT,
        PAYBACK_MID_MARKET_MONTHS as MID, PAYBACK_SMB_MONTHS as SMB,
    };
    let s = source::PAYBACK_BANDS;
    match value {
        Payback::Never => verdict(
            Level::Bad,
            "Never: the customer brings no gross profit, so the acquisition cost is not recovered.",
            s,
        ),
        Payback::Months(m) if m <= BAR => verdict(
            Level::Good,
            format!(
                "{} months or less: meets the usual bar (SMB norm is {}).",
                n(BAR),
                SMB.span()
            ),
            s,
        ),
        Payback::Months(m) if m <= MID.hi => verdict(
            Level::Ok,
            format!(
                "{} months: normal for mid-market deals, long for SMB.",
                MID.span()
            ),
            s,
        ),
        Payback::Months(m) if m <= ENT.hi => verdict(
            Level::Warn,
            format!(
                "{} months: only normal for enterprise contracts with low churn.",
                ENT.span()
            ),
            s,
        ),
        Payback::Months(_) => verdict(
            Level::Bad,
            format!(
                "Over {} months: slower than even enterprise norms; growth will eat cash.",
                n(ENT.hi)
            ),
            s,
        ),
    }
}

/// Reading of a CAC payback that also knows how long customers stay: a
/// payback longer than the average customer lifetime (1 ÷ monthly churn) is
/// never a good reading, whatever the segment band says (PRODUCT.md §3).
pub fn verdict_payback_within(value: Payback, lifetime: Lifetime) -> Verdict {
    match (value, lifetime) {
        (Payback::Months(m), Lifetime::Months(life)) if m > life => verdict(
            Level::Bad,
            format!(
                "Longer than the {} months an average customer stays (1 ÷ monthly churn): most customers leave before their acquisition cost is earned back.",
                format::number(life, 1)
            ),
            source::SKOK_SAAS_METRICS,
        ),
        _ => verdict_payback(value),
    }
}

/// Reading of a monthly logo churn rate against the segment bands
/// ([`benchmarks::Segment::churn`]).
pub fn verdict_monthly_churn(churn: MonthlyRate) -> Verdict {
    use benchmarks::{CHURN_MID_MARKET_PCT as MID, CHURN_SMB_PCT as SMB};
    let s = source::CHURN_BANDS;
    let p = churn.percent();
    if p <= MID.lo {
        verdict(
            Level::Good,
            format!(
                "{}% a month or less: enterprise-grade retention.",
                n(MID.lo)
            ),
            s,
        )
    } else if p <= MID.hi {
        verdict(
            Level::Ok,
            format!(
                "{} a month: typical for mid-market customers.",
                MID.percent()
            ),
            s,
        )
    } else if p <= SMB.hi {
        verdict(
            Level::Warn,
            format!(
                "{} a month: typical only for small-business customers on monthly plans.",
                SMB.percent()
            ),
            s,
        )
    } else {
        verdict(
            Level::Bad,
            format!(
                "Above {}% a month: more than even small-business products usually lose.",
                n(SMB.hi)
            ),
            s,
        )
    }
}

/// Reading of an LTV: says when the 60-month cap applied.
pub fn verdict_ltv(value: Ltv) -> Verdict {
    let s = source::SKOK_SAAS_METRICS;
    match value {
        Ltv::Capped(_) => verdict(
            Level::Warn,
            "Capped at 60 months of gross profit: churn is not above expansion, so the formula never ends.",
            s,
        ),
        Ltv::Finite(_) => verdict(
            Level::Ok,
            "Gross profit over the average lifetime, undiscounted; read it against CAC.",
            s,
        ),
    }
}

/// Reading of a SaaS magic number (net new ARR ÷ previous quarter's S&M).
pub fn verdict_magic_number(value: f64) -> Verdict {
    use benchmarks::{MAGIC_NUMBER_EFFICIENT as EFFICIENT, MAGIC_NUMBER_WORKABLE as WORKABLE};
    let s = source::MAGIC_NUMBER;
    if value > EFFICIENT {
        verdict(
            Level::Good,
            format!(
                "Above {}: spend turns into recurring revenue efficiently.",
                n(EFFICIENT)
            ),
            s,
        )
    } else if value >= WORKABLE {
        verdict(
            Level::Ok,
            format!(
                "{}–{}: workable; tune the funnel before adding spend.",
                n(WORKABLE),
                n(EFFICIENT)
            ),
            s,
        )
    } else {
        verdict(
            Level::Warn,
            format!(
                "Below {}: each dollar of sales and marketing adds little ARR.",
                n(WORKABLE)
            ),
            s,
        )
    }
}

/// Reading of a viral coefficient (new users each user brings in).
pub fn verdict_viral_coefficient(k: f64) -> Verdict {
    use benchmarks::VIRAL_SELF_SUSTAINING as SELF;
    let s = source::VIRAL;
    if k > SELF {
        verdict(
            Level::Good,
            format!(
                "Above {}: every generation of users recruits a bigger one — self-sustaining growth.",
                n(SELF)
            ),
            s,
        )
    } else if k > 0.0 {
        verdict(
            Level::Ok,
            format!(
                "Below {}: referrals amplify paid and organic sign-ups but fade out on their own.",
                n(SELF)
            ),
            s,
        )
    } else {
        verdict(Level::Ok, "No referral loop in the model.", s)
    }
}

/// Reading of a gross margin in percent.
pub fn verdict_gross_margin(percent: f64) -> Verdict {
    use benchmarks::GROSS_MARGIN_PCT as GM;
    let s = source::GROSS_MARGIN;
    if percent > GM.hi {
        verdict(
            Level::Ok,
            format!(
                "Above {}%: higher than most SaaS companies report.",
                n(GM.hi)
            ),
            s,
        )
    } else if percent >= GM.lo {
        verdict(
            Level::Good,
            format!("{}: typical for SaaS.", GM.percent()),
            s,
        )
    } else {
        verdict(
            Level::Warn,
            format!(
                "Below {}%: heavy delivery costs; every other figure suffers.",
                n(GM.lo)
            ),
            s,
        )
    }
}

/// Reading of a freemium free-to-paid conversion in percent.
pub fn verdict_free_to_paid(percent: f64) -> Verdict {
    use benchmarks::{
        CARD_TRIAL_TO_PAID_PCT as CARD, FREEMIUM_TO_PAID_PCT as FREE,
        OPT_IN_TRIAL_TO_PAID_PCT as OPT_IN,
    };
    let s = source::CONVERSION_BANDS;
    if percent > FREE.hi {
        verdict(
            Level::Ok,
            format!(
                "Above {}%: beyond the usual freemium range (trials convert higher: {} opt-in, {} with a card).",
                n(FREE.hi),
                OPT_IN.percent(),
                CARD.percent()
            ),
            s,
        )
    } else if percent >= FREE.lo {
        verdict(
            Level::Good,
            format!("{}: the usual freemium range.", FREE.percent()),
            s,
        )
    } else {
        verdict(
            Level::Warn,
            format!("Below {}%: low even for freemium.", n(FREE.lo)),
            s,
        )
    }
}

/// Reading of a PQL-to-paid conversion in percent.
pub fn verdict_pql_to_paid(percent: f64) -> Verdict {
    use benchmarks::{MQL_TO_PAID_PCT as MQL, PQL_TO_PAID_PCT as PQL};
    let s = source::PQL_BANDS;
    if percent > PQL.hi {
        verdict(
            Level::Ok,
            format!("Above {}%: better than the usual PQL range.", n(PQL.hi)),
            s,
        )
    } else if percent >= PQL.lo {
        verdict(
            Level::Good,
            format!(
                "{}: the usual range for product-qualified leads.",
                PQL.percent()
            ),
            s,
        )
    } else {
        verdict(
            Level::Warn,
            format!(
                "Below {}%: close to marketing-lead rates ({}); check the PQL signals.",
                n(PQL.lo),
                MQL.percent()
            ),
            s,
        )
    }
}
