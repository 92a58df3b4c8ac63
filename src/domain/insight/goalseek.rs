//! Goal seek: which value of one input reaches a payback or LTV:CAC target,
//! every other input held where it is — and is that value believable?
//!
//! # Method
//! 1. **Scan.** The model is run at 65 evenly spaced values across the
//!    field's whole range (every whole number for short whole ranges) and at
//!    the current value. If no value moves the output, the field has no
//!    effect; if every value meets the target, or none does, that is the
//!    answer.
//! 2. **Direction.** Between two neighbouring scan points one meets the
//!    target and the other does not; the pair nearest the current value is
//!    kept. Which side meets tells the direction: at most (lower is better,
//!    e.g. churn, cost per opportunity) or at least (e.g. win rate).
//! 3. **Bisection.** The pair is halved until the two values are within
//!    [`X_TOLERANCE`] of the field's range width (for whole-number fields,
//!    until they are neighbours), at most [`MAX_ITERATIONS`] times. The
//!    answer is the end that meets the target, so the achieved output is
//!    always on the right side of it; where the model is continuous it lies
//!    within a hair of the target (the tests hold it to 0.1 %).
//!
//! A region that meets the target but falls between two scan points (1/64
//! of the range wide) can be missed; the model is monotone in every input
//! except through the capacity of the sales team, so this is a limit in
//! theory only.

use serde::{Deserialize, Serialize};

use super::sensitivity::model_value;
use super::{fmt_number, Note, Output, Reading, Segment, PAYBACK_SHOWN_CAP_MONTHS};
use crate::domain::economics::{source, Level};
use crate::domain::format;
use crate::domain::input::{check, FieldError, Range};
use crate::domain::sim::{simulate_into, FieldId, Projection, ScenarioInputs, Unit};

/// The payback targets a user may set, months.
pub const PAYBACK_TARGET_RANGE: Range =
    Range::new(1.0, PAYBACK_SHOWN_CAP_MONTHS).in_unit(Unit::Months);
/// The LTV:CAC targets a user may set.
pub const LTV_CAC_TARGET_RANGE: Range =
    Range::new(0.1, super::LTV_CAC_SHOWN_CAP).in_unit(Unit::Ratio);
/// Bisection stops when the bracket is this share of the field's range wide
/// (1e-9 of 0–100 % is 0.0000001 percentage points; of $1–1,000,000 per
/// opportunity, a tenth of a cent).
pub const X_TOLERANCE: f64 = 1e-9;
/// Most bisection steps; the tolerance is reached well before (≈ 30 steps).
pub const MAX_ITERATIONS: u32 = 200;
/// Intervals of the first scan across the field's range.
const SCAN_STEPS: usize = 64;

/// The inputs offered first in the goal-seek picker: churn, win rates and
/// the two costs behind CAC. Any [`FieldId`] works.
pub const GOAL_SEEK_FIELDS: [FieldId; 6] = [
    FieldId::SsChurnPct,
    FieldId::SlChurnPct,
    FieldId::SlWinPct,
    FieldId::SaWinPct,
    FieldId::SsCostPerSignup,
    FieldId::SlCostPerOpportunity,
];

/// What the goal seek aims for. Saved with the form.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// Blended CAC payback (margin-based) of at most this many months.
    PaybackBelow(f64),
    /// Blended LTV:CAC of at least this ratio.
    LtvCacAbove(f64),
}

impl Default for Target {
    /// Payback within 12 months, the usual bar.
    fn default() -> Self {
        Target::PaybackBelow(12.0)
    }
}

impl Target {
    /// The output the target is about.
    pub fn output(self) -> Output {
        match self {
            Target::PaybackBelow(_) => Output::Payback,
            Target::LtvCacAbove(_) => Output::LtvCac,
        }
    }

    /// Checks the number: payback 1–120 months, LTV:CAC 0.1–100.
    ///
    /// # Errors
    /// [`FieldError`] on `target.payback_below` or `target.ltv_cac_above`.
    pub fn validate(&self) -> Result<(), FieldError> {
        match *self {
            Target::PaybackBelow(m) => check("target.payback_below", m, PAYBACK_TARGET_RANGE),
            Target::LtvCacAbove(x) => check("target.ltv_cac_above", x, LTV_CAC_TARGET_RANGE),
        }
    }

    /// Whether a reading meets the target. "Never paid back" and "no
    /// customers" never do; "no acquisition cost" meets any LTV:CAC target.
    pub fn is_met_by(self, reading: &Reading) -> bool {
        match self {
            Target::PaybackBelow(months) => reading.exact.is_some_and(|m| m <= months),
            Target::LtvCacAbove(ratio) => {
                reading.note == Some(Note::FreeAcquisition)
                    || reading.exact.is_some_and(|r| r >= ratio)
            }
        }
    }

    /// The target in words, e.g. "blended CAC payback of 12 months or less".
    pub fn describe(self) -> String {
        match self {
            Target::PaybackBelow(m) => {
                format!("blended CAC payback of {} months or less", fmt_number(m))
            }
            Target::LtvCacAbove(x) => format!("blended LTV:CAC of {} or more", fmt_number(x)),
        }
    }

    /// Whether `a` is closer to meeting the target than `b`.
    fn better(self, a: &Reading, b: &Reading) -> bool {
        match self {
            Target::PaybackBelow(_) => a.shown < b.shown,
            Target::LtvCacAbove(_) => a.shown > b.shown,
        }
    }
}

/// Which side of the answer meets the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// The answer or anything below it (near it) meets the target.
    AtMost,
    /// The answer or anything above it (near it) meets the target.
    AtLeast,
}

/// How the goal seek ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SeekStatus {
    /// A value was found; values on `direction`'s side of it meet the target.
    Reached {
        /// Which side meets the target.
        direction: Direction,
    },
    /// Every value in the field's range meets the target already.
    MetAcrossRange,
    /// No value in the field's range meets the target.
    NotReachable {
        /// The scanned value that came closest.
        best_value: f64,
        /// The output there.
        best: Reading,
    },
    /// The field does not move the output at all (e.g. churn and payback:
    /// payback leaves churn out by definition).
    NoEffect,
    /// The field's channel is switched off.
    ChannelOff,
    /// The target is outside [`PAYBACK_TARGET_RANGE`] or
    /// [`LTV_CAC_TARGET_RANGE`].
    InvalidTarget,
}

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

/// The answer of [`goal_seek`].
#[derive(Clone, Debug, PartialEq)]
pub struct GoalSeekResult {
    /// The input varied.
    pub field: FieldId,
    /// The target aimed for.
    pub target: Target,
    /// How it ended.
    pub status: SeekStatus,
    /// The input value that meets the target, when one was found.
    pub value: Option<f64>,
    /// The output at `value`.
    pub achieved: Option<Reading>,
    /// The input's current value.
    pub current_value: f64,
    /// The output today.
    pub current: Reading,
    /// Bisection steps taken.
    pub iterations: u32,
    /// Benchmark reading of `value`, when there is one.
    pub realism: Option<Realism>,
    /// One or two sentences for the user.
    pub message: String,
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

/// Runs the model with `field` at `value` and reads the target's output.
fn evaluate(
    work: &mut ScenarioInputs,
    projection: &mut Projection,
    field: FieldId,
    value: f64,
    output: Output,
) -> Reading {
    // Values come from the field's own range, so `set` accepts them.
    let _ = work.set(field, value);
    simulate_into(work, projection);
    output.read(&projection.summary)
}

/// The value with its unit, for sentences.
fn with_unit(field: FieldId, value: f64) -> String {
    format::figure_in(super::finite(value), field.spec().unit)
}

/// A reading in words.
fn describe_reading(output: Output, r: &Reading) -> String {
    match (r.note, r.exact) {
        (Some(Note::NoCustomers), _) => "no customers".to_string(),
        (Some(Note::FreeAcquisition), _) => "no acquisition cost".to_string(),
        (Some(Note::NeverPaidBack), _) => "a payback that never comes".to_string(),
        (_, Some(v)) => match output {
            Output::Payback => format!("{} months", fmt_number(v)),
            Output::LtvCac => fmt_number(v),
            Output::EndingArr => format!("${}", fmt_number(v)),
        },
        (_, None) => fmt_number(r.shown),
    }
}

/// The scan points: evenly spaced over the range (every whole number when
/// a whole range is short), plus the current value; sorted, no repeats.
fn scan_points(range: Range, current: f64) -> Vec<f64> {
    let width = range.max - range.min;
    let mut points: Vec<f64> = if range.whole && width <= SCAN_STEPS as f64 {
        (0..=width as usize).map(|k| range.min + k as f64).collect()
    } else {
        (0..=SCAN_STEPS)
            .map(|k| {
                let v = range.min + width * k as f64 / SCAN_STEPS as f64;
                if range.whole {
                    v.round()
                } else {
                    v
                }
            })
            .collect()
    };
    points.push(current);
    points.retain(|v| v.is_finite());
    points.sort_by(f64::total_cmp);
    points.dedup();
    points
}

/// Finds the value of `field` that makes the scenario meet `target`, all
/// other inputs as they are. See the module docs for the method and the
/// tolerance. At most about 100 simulations.
pub fn goal_seek(inputs: &ScenarioInputs, field: FieldId, target: Target) -> GoalSeekResult {
    let spec = field.spec();
    let output = target.output();
    let mut work = inputs.clone();
    let mut projection = Projection::default();
    simulate_into(inputs, &mut projection);
    let current = output.read(&projection.summary);
    let current_value = model_value(inputs, field);
    let mut result = GoalSeekResult {
        field,
        target,
        status: SeekStatus::InvalidTarget,
        value: None,
        achieved: None,
        current_value,
        current,
        iterations: 0,
        realism: None,
        message: String::new(),
    };

    if target.validate().is_err() {
        result.message = match target {
            Target::PaybackBelow(_) => "Choose a payback target between 1 and 120 months.",
            Target::LtvCacAbove(_) => "Choose an LTV:CAC target between 0.1 and 100.",
        }
        .to_string();
        return result;
    }
    if let Some(ch) = spec.channel.filter(|ch| !inputs.is_enabled(*ch)) {
        result.status = SeekStatus::ChannelOff;
        result.message = format!(
            "{}: its channel ({}) is switched off, so it changes nothing; switch the channel on first.",
            spec.label,
            ch.label()
        );
        return result;
    }

    // 1. Scan.
    let range = spec.range;
    let points = scan_points(range, current_value);
    let readings: Vec<Reading> = points
        .iter()
        .map(|&v| evaluate(&mut work, &mut projection, field, v, output))
        .collect();
    let met: Vec<bool> = readings.iter().map(|r| target.is_met_by(r)).collect();
    let span = format!(
        "{} to {}",
        with_unit(field, range.min),
        with_unit(field, range.max)
    );

    let first = readings.first().copied().unwrap_or(current);
    let scale = first.shown.abs().max(1.0);
    let no_effect = readings
        .iter()
        .all(|r| (r.shown - first.shown).abs() <= 1e-9 * scale && r.note == first.note);
    if no_effect {
        result.status = SeekStatus::NoEffect;
        result.message = no_effect_message(field, target, target.is_met_by(&current));
        return result;
    }
    if met.iter().all(|m| *m) {
        result.status = SeekStatus::MetAcrossRange;
        result.message = format!(
            "{}: every value from {span} gives {}, so this input is not what stands in the way.",
            spec.label,
            target.describe()
        );
        return result;
    }
    if !met.iter().any(|m| *m) {
        let (best_value, best) =
            points
                .iter()
                .zip(&readings)
                .fold((current_value, current), |(bv, br), (&v, r)| {
                    if target.better(r, &br) {
                        (v, *r)
                    } else {
                        (bv, br)
                    }
                });
        result.status = SeekStatus::NotReachable { best_value, best };
        result.message = format!(
            "{}: no value from {span} reaches {}. The closest is {} at {}.",
            spec.label,
            target.describe(),
            describe_reading(output, &best),
            with_unit(field, best_value)
        );
        // Say what caps it when the sales team's capacity does.
        let _ = evaluate(&mut work, &mut projection, field, best_value, output);
        if projection.summary.deals_lost_to_capacity > 0.0 {
            result.message.push_str(
                " There, deals beyond what the account executives can close are lost: more sellers or a shorter ramp would lift that ceiling.",
            );
        }
        return result;
    }

    // 2. Direction: the meeting / not-meeting pair nearest the current value.
    let mut pair: Option<(f64, f64)> = None;
    let mut pair_distance = f64::INFINITY;
    for (i, (&v, &m)) in points.iter().zip(&met).enumerate() {
        let Some((&next_v, &next_m)) = points.get(i + 1).zip(met.get(i + 1)) else {
            break;
        };
        if m == next_m {
            continue;
        }
        let (yes, no) = if m { (v, next_v) } else { (next_v, v) };
        let distance = (yes - current_value).abs();
        if distance < pair_distance {
            pair_distance = distance;
            pair = Some((yes, no));
        }
    }
    let Some((mut yes, mut no)) = pair else {
        // Unreachable: some points meet and some do not, so a pair exists.
        result.status = SeekStatus::NoEffect;
        result.message = no_effect_message(field, target, target.is_met_by(&current));
        return result;
    };
    let direction = if yes < no {
        Direction::AtMost
    } else {
        Direction::AtLeast
    };

    // 3. Bisection.
    let tolerance = if range.whole {
        1.0
    } else {
        X_TOLERANCE * (range.max - range.min)
    };
    let mut iterations = 0;
    while (yes - no).abs() > tolerance && iterations < MAX_ITERATIONS {
        let mut mid = (yes + no) / 2.0;
        if range.whole {
            mid = mid.round();
        }
        if mid == yes || mid == no {
            break;
        }
        iterations += 1;
        let r = evaluate(&mut work, &mut projection, field, mid, output);
        if target.is_met_by(&r) {
            yes = mid;
        } else {
            no = mid;
        }
    }
    let achieved = evaluate(&mut work, &mut projection, field, yes, output);

    result.status = SeekStatus::Reached { direction };
    result.value = Some(yes);
    result.achieved = Some(achieved);
    result.iterations = iterations;
    let realism = realism(&work, field, yes, current_value, target.is_met_by(&current));
    let side = match direction {
        Direction::AtMost => "or less",
        Direction::AtLeast => "or more",
    };
    let now = if target.is_met_by(&current) {
        "already met today"
    } else {
        "not met today"
    };
    result.message = format!(
        "{} at {} {side} gives {} ({}: {} gives {}).",
        spec.label,
        with_unit(field, yes),
        target.describe(),
        now,
        with_unit(field, current_value),
        describe_reading(output, &current)
    );
    result.realism = Some(realism);
    result
}

fn no_effect_message(field: FieldId, target: Target, met_now: bool) -> String {
    let label = field.spec().label;
    let churn_like = matches!(
        field,
        FieldId::SsChurnPct
            | FieldId::SlChurnPct
            | FieldId::SsExpansionPct
            | FieldId::SlExpansionPct
    );
    let now = if met_now {
        "The target is met today all the same."
    } else {
        "The target is not met today."
    };
    match target {
        Target::PaybackBelow(_) if churn_like => format!(
            "{label} cannot move CAC payback: payback divides CAC by the gross profit a customer brings each month and leaves churn and expansion out. {now} For a target that churn does move, ask for LTV:CAC."
        ),
        _ => format!(
            "{label} does not move {} anywhere in its range in this scenario. {now}",
            target.output().label().to_lowercase()
        ),
    }
}

/// Benchmark notes on `value` of `field`, read in the scenario `at` (the
/// inputs with `field` already set to `value`).
///
/// When the target is met today the answer is headroom (how far the input
/// may drift before the target is missed), so its distance from today is
/// not held against it.
fn realism(
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
