//! How believable a goal-seek answer is: benchmark notes on the value an
//! input would need, each with the band it is read against and its source.

use crate::domain::benchmarks::{
    source, CARD_TRIAL_TO_PAID_PCT, FREEMIUM_TO_PAID_PCT, GROSS_MARGIN_MAX_PCT, GROSS_MARGIN_PCT,
    NRR_MAX_PCT, NRR_TOP_DECILE_PCT, OPT_IN_TRIAL_TO_PAID_PCT, PQL_TO_PAID_PCT,
    VIRAL_SELF_SUSTAINING, WIN_RATE_MAX_PCT, WIN_RATE_PCT,
};
use crate::domain::economics::Level;
use crate::domain::insight::{fmt_number, Segment};
use crate::domain::sim::{pql_to_paid, FieldId, ScenarioInputs};

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

const WORKBENCH_RULE: &str = source::WORKBENCH_RULE;

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
            let band = segment.churn_text();
            let (stretch, floor) = (segment.churn_stretch(), segment.churn_floor());
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
            let (level, text) = if value > WIN_RATE_MAX_PCT {
                (
                    Level::Bad,
                    format!("Winning {}% of qualified opportunities is more than sales teams sustain; most win well under half.", fmt_number(value)),
                )
            } else if value > WIN_RATE_PCT.hi {
                (
                    Level::Warn,
                    format!(
                        "A {}% win rate is above the {} most B2B teams report.",
                        fmt_number(value),
                        WIN_RATE_PCT.percent()
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
                let mut with = at.clone();
                with.sales_assist.win_pct = value;
                let pql_to_paid = pql_to_paid(&with).percent();
                let level = if pql_to_paid > PQL_TO_PAID_PCT.hi {
                    Level::Warn
                } else {
                    Level::Good
                };
                note(
                    level,
                    format!(
                        "That makes {}% of PQLs pay; product-qualified leads usually convert at {}.",
                        fmt_number(pql_to_paid),
                        PQL_TO_PAID_PCT.percent()
                    ),
                    source::PQL_BANDS,
                );
            }
        }
        FieldId::SsFreeToPaidPct => {
            let (card, opt_in, free) = (
                CARD_TRIAL_TO_PAID_PCT,
                OPT_IN_TRIAL_TO_PAID_PCT,
                FREEMIUM_TO_PAID_PCT,
            );
            let (level, text) = if value > card.hi {
                (
                    Level::Bad,
                    format!(
                        "Above {}% is beyond even card-required trials ({}).",
                        fmt_number(card.hi),
                        card.percent()
                    ),
                )
            } else if value > opt_in.hi {
                (
                    Level::Warn,
                    format!(
                        "Above {}% is a card-required-trial rate ({}), not a freemium one ({}).",
                        fmt_number(opt_in.hi),
                        card.percent(),
                        free.percent()
                    ),
                )
            } else if value > free.hi {
                (
                    Level::Warn,
                    format!(
                        "Above {}% is a trial rate (opt-in trials {}); freemium plans usually see {}.",
                        fmt_number(free.hi),
                        opt_in.percent(),
                        free.percent()
                    ),
                )
            } else {
                (
                    Level::Good,
                    format!(
                        "Within the usual freemium range of {} or below it.",
                        free.percent()
                    ),
                )
            };
            note(level, text, source::CONVERSION_BANDS);
        }
        FieldId::GrossMarginPct => {
            let gm = GROSS_MARGIN_PCT;
            let (level, text) = if value > GROSS_MARGIN_MAX_PCT {
                (
                    Level::Bad,
                    format!(
                        "Above {}% leaves almost nothing for hosting and support; no SaaS company reports it.",
                        fmt_number(GROSS_MARGIN_MAX_PCT)
                    ),
                )
            } else if value > gm.hi {
                (
                    Level::Warn,
                    format!(
                        "Above {}% is higher than most SaaS companies manage ({}).",
                        fmt_number(gm.hi),
                        gm.percent()
                    ),
                )
            } else {
                (
                    Level::Good,
                    format!("Within or below the usual SaaS range of {}.", gm.percent()),
                )
            };
            note(level, text, source::GROSS_MARGIN);
        }
        FieldId::SsViralCoefficient => {
            let (level, text) = if value >= VIRAL_SELF_SUSTAINING {
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
            let (level, text) = if nrr > NRR_MAX_PCT {
                (Level::Bad, format!("Net revenue retention would be {}% a year; even the best public SaaS companies stay well under {}%.", fmt_number(nrr), fmt_number(NRR_MAX_PCT)))
            } else if nrr > NRR_TOP_DECILE_PCT {
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
