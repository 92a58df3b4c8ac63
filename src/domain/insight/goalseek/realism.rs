//! How believable a goal-seek answer is: benchmark notes on the value an
//! input would need, each with the band it is read against and its source.

use crate::domain::economics::{source, Level};
use crate::domain::insight::{fmt_number, Segment};
use crate::domain::sim::{FieldId, ScenarioInputs};

/// One benchmark reading of the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct RealismNote {
    /// How believable the value is: `Good` is within published bands,
    /// `Warn` a stretch, `Bad` beyond what real companies show.
    pub level: Level,
    /// One sentence for the user.
    pub text: String,
    /// Where the band comes from.
    pub source: &'static str,
}

/// Whether the answer is believable: the worst of its notes.
#[derive(Clone, Debug, PartialEq)]
pub struct Realism {
    /// The worst level among the notes (`Good` when there are none).
    pub level: Level,
    /// One note per band that applies.
    pub notes: Vec<RealismNote>,
}

/// Source named for rules of this workbench that no published band covers.
const WORKBENCH_RULE: &str =
    "GTM Workbench rule of thumb (no published band among the product's sources)";

fn rank(level: Level) -> u8 {
    match level {
        Level::Good => 0,
        Level::Ok => 1,
        Level::Warn => 2,
        Level::Bad => 3,
    }
}

/// Benchmark notes on `value` of `field`, read in the scenario `at` (the
/// inputs with `field` already set to `value`).
///
/// When the target is met today the answer is headroom (how far the input
/// may drift before the target is missed), so its distance from today is
/// not held against it.
pub(super) fn realism(
    at: &ScenarioInputs,
    field: FieldId,
    value: f64,
    current: f64,
    met_now: bool,
) -> Realism {
    let mut notes = Vec::new();
    let mut note = |level: Level, text: String, source: &'static str| {
        notes.push(RealismNote {
            level,
            text,
            source,
        });
    };

    match field {
        FieldId::SsChurnPct | FieldId::SlChurnPct => {
            let arpa = if field == FieldId::SsChurnPct {
                at.self_serve.arpa_per_month
            } else {
                at.sales_led.acv_per_year / 12.0
            };
            let segment = Segment::from_arpa(arpa);
            // Floors of believable monthly churn per segment: "stretch"
            // below the segment's band, "unrealistic" at the next segment's
            // best (enterprise products rarely keep more than ~97 % a year).
            let (band, stretch, floor) = match segment {
                Segment::Smb => ("3–7%", 3.0, 1.0),
                Segment::MidMarket => ("1.5–3%", 1.5, 0.5),
                Segment::Enterprise => ("under 1–2%", 0.5, 0.25),
            };
            let price = format!("${}/month", fmt_number(arpa));
            let (level, text) = if value < floor {
                (
                    Level::Bad,
                    format!(
                        "{}%/month is below what even the best-retaining products report; unrealistic for {} plans at {price} (usual band {band}).",
                        fmt_number(value),
                        segment.label()
                    ),
                )
            } else if value < stretch {
                (
                    Level::Warn,
                    format!(
                        "{}%/month is better than {} plans at {price} usually keep ({band}); plan how retention would get there.",
                        fmt_number(value),
                        segment.label()
                    ),
                )
            } else {
                (
                    Level::Good,
                    format!(
                        "{}%/month is within the usual band for {} plans at {price} ({band}) or above it.",
                        fmt_number(value),
                        segment.label()
                    ),
                )
            };
            note(level, text, source::CHURN_BANDS);
        }
        FieldId::SlWinPct | FieldId::SaWinPct => {
            let (level, text) = if value > 50.0 {
                (
                    Level::Bad,
                    format!("Winning {}% of qualified opportunities is more than sales teams sustain; most win well under half.", fmt_number(value)),
                )
            } else if value > 30.0 {
                (
                    Level::Warn,
                    format!(
                        "A {}% win rate is above the 20–30% most B2B teams report.",
                        fmt_number(value)
                    ),
                )
            } else {
                (
                    Level::Good,
                    format!(
                        "A {}% win rate is in the usual B2B range.",
                        fmt_number(value)
                    ),
                )
            };
            note(level, text, WORKBENCH_RULE);
            if field == FieldId::SaWinPct {
                let pql_to_paid = at.sales_assist.pql_to_opportunity_pct * value / 100.0;
                let level = if pql_to_paid > 15.0 {
                    Level::Warn
                } else {
                    Level::Good
                };
                note(
                    level,
                    format!(
                        "That makes {}% of PQLs pay; product-qualified leads usually convert at 5–15%.",
                        fmt_number(pql_to_paid)
                    ),
                    source::PQL_BANDS,
                );
            }
        }
        FieldId::SsFreeToPaidPct => {
            let (level, text) = if value > 60.0 {
                (
                    Level::Bad,
                    "Above 60% is beyond even card-required trials (40–60%).",
                )
            } else if value > 25.0 {
                (
                    Level::Warn,
                    "Above 25% is a card-required-trial rate (40–60%), not a freemium one (2–5%).",
                )
            } else if value > 5.0 {
                (Level::Warn, "Above 5% is a trial rate (opt-in trials 15–25%); freemium plans usually see 2–5%.")
            } else {
                (
                    Level::Good,
                    "Within the usual freemium range of 2–5% or below it.",
                )
            };
            note(level, text.to_string(), source::CONVERSION_BANDS);
        }
        FieldId::GrossMarginPct => {
            let (level, text) = if value > 95.0 {
                (Level::Bad, "Above 95% leaves almost nothing for hosting and support; no SaaS company reports it.")
            } else if value > 85.0 {
                (
                    Level::Warn,
                    "Above 85% is higher than most SaaS companies manage (70–85%).",
                )
            } else {
                (
                    Level::Good,
                    "Within or below the usual SaaS range of 70–85%.",
                )
            };
            note(level, text.to_string(), source::GROSS_MARGIN);
        }
        FieldId::SsViralCoefficient => {
            let (level, text) = if value >= 1.0 {
                (Level::Bad, "A coefficient of 1 or more means growth that feeds itself forever; real products hold it only briefly.")
            } else if value >= 0.5 {
                (
                    Level::Warn,
                    "Above 0.5 is a strong referral loop that few products keep up.",
                )
            } else {
                (
                    Level::Good,
                    "A modest referral effect, common among collaborative products.",
                )
            };
            note(level, text.to_string(), source::VIRAL);
        }
        FieldId::SsExpansionPct | FieldId::SlExpansionPct => {
            let churn = if field == FieldId::SsExpansionPct {
                at.self_serve.churn_pct
            } else {
                at.sales_led.churn_pct
            };
            let nrr = (1.0 - churn / 100.0 + value / 100.0).max(0.0).powi(12) * 100.0;
            let (level, text) = if nrr > 200.0 {
                (Level::Bad, format!("Net revenue retention would be {}% a year; even the best public SaaS companies stay well under 200%.", fmt_number(nrr)))
            } else if nrr > 130.0 {
                (
                    Level::Warn,
                    format!(
                        "Net revenue retention would be {}% a year, top-decile territory.",
                        fmt_number(nrr)
                    ),
                )
            } else {
                (
                    Level::Good,
                    format!(
                        "Net revenue retention would be {}% a year.",
                        fmt_number(nrr)
                    ),
                )
            };
            note(level, text, WORKBENCH_RULE);
        }
        _ => {}
    }

    // How far from today, for every field.
    if current.abs() > 0.0 {
        let change = (value - current) / current.abs() * 100.0;
        let size = fmt_number(change.abs());
        let what = if change < 0.0 { "cut" } else { "rise" };
        let (level, text) = if met_now {
            let verb = if change < 0.0 { "fall" } else { "rise" };
            (
                Level::Good,
                format!("Met today, with room: the input could {verb} {size}% before the target is missed."),
            )
        } else if change.abs() > 50.0 {
            (
                Level::Warn,
                format!("Needs a {what} of {size}% from today: changes that large usually take a different motion, not tuning."),
            )
        } else if change.abs() > 25.0 {
            (
                Level::Ok,
                format!("Needs a {what} of {size}% from today: a serious project, not a tweak."),
            )
        } else {
            (
                Level::Good,
                format!("Needs a {what} of {size}% from today."),
            )
        };
        note(level, text, WORKBENCH_RULE);
    }

    let level = notes
        .iter()
        .map(|n| n.level)
        .max_by_key(|l| rank(*l))
        .unwrap_or(Level::Good);
    Realism { level, notes }
}
