//! Goal seek: which values of one input reach a payback or LTV:CAC target,
//! every other input held where it is — and is the value nearest today's
//! believable?
//!
//! # Method
//! The output need not be monotone in the input: payback first falls and
//! then rises with pipeline spend or the number of account executives,
//! because deals beyond the sellers' capacity are lost while their cost
//! stays. So the search looks for every interval where the target holds
//! ([`search::search`]):
//! 1. **Scan.** The model is run at 65 evenly spaced values across the
//!    field's range; at every whole number from the bottom of a whole range
//!    up to 64 above it; at 16 values per factor of ten over the top six
//!    factors of ten of the range (so $42k–157k a month is seen in a range
//!    of $0–100M); and at today's value and ±5, 10, … 50 % around it. If no
//!    value moves the output, the field has no effect.
//! 2. **Refinement.** Up to three scan points that are local best readings
//!    but miss the target get a golden-section search between their two
//!    neighbours (16 runs each), which finds a narrow dip under the target
//!    that fell between scan points.
//! 3. **Bisection.** Wherever a value that meets the target neighbours one
//!    that does not, the pair is halved until the two are within
//!    [`X_TOLERANCE`] of the range's width (neighbours for a whole range),
//!    ends nearest today's value first.
//!
//! Every interval is a run of neighbouring tried values that all meet the
//! target; its ends are tried values that meet, and the tried values just
//! outside them do not. "Not reachable" is said only when no tried value
//! meets the target. The value to apply is the one in an interval nearest
//! today's (today's own when it meets already). At most [`MAX_RUNS`] runs
//! of the model; a region that meets the target but lies wholly between two
//! tried values is still missed, which the refinement makes unlikely for
//! this model's shapes, not impossible.

mod realism;
pub mod search;

use serde::{Deserialize, Serialize};

use super::{fmt_number, Note, Output, Reading, PAYBACK_SHOWN_CAP_MONTHS};
use crate::domain::format;
use crate::domain::input::{check, FieldError, Range};
use crate::domain::sim::model::model_value;
use crate::domain::sim::{simulate_into, FieldId, Projection, ScenarioInputs, Unit};
use search::Found;

pub use realism::{Realism, RealismNote};
pub use search::{MAX_ITERATIONS, X_TOLERANCE};

/// Most runs of the model one goal seek makes, today's included. A
/// 60-month run takes microseconds natively, so the whole search stays
/// well under a frame in the browser.
pub const MAX_RUNS: u32 = 400;

/// The payback targets a user may set, months.
pub const PAYBACK_TARGET_RANGE: Range =
    Range::new(1.0, PAYBACK_SHOWN_CAP_MONTHS).in_unit(Unit::Months);
/// The LTV:CAC targets a user may set.
pub const LTV_CAC_TARGET_RANGE: Range =
    Range::new(0.1, super::LTV_CAC_SHOWN_CAP).in_unit(Unit::Ratio);
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

    /// How far a reading is from the good end, to compare two readings:
    /// lower is better (the drawn payback, or minus the drawn LTV:CAC).
    fn badness(self, reading: &Reading) -> f64 {
        match self {
            Target::PaybackBelow(_) => reading.shown,
            Target::LtvCacAbove(_) => -reading.shown,
        }
    }
}

/// An interval of the input's range where the target holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// The lowest value found that meets the target.
    pub lo: f64,
    /// The highest value found that meets the target.
    pub hi: f64,
    /// The tried value just below `lo`, which misses the target; `None`
    /// when `lo` is the bottom of the field's range.
    pub miss_below: Option<f64>,
    /// The tried value just above `hi`, which misses the target; `None`
    /// when `hi` is the top of the field's range.
    pub miss_above: Option<f64>,
}

impl Interval {
    /// Whether the interval runs down to the bottom of the field's range.
    pub fn from_min(&self) -> bool {
        self.miss_below.is_none()
    }

    /// Whether the interval runs up to the top of the field's range.
    pub fn to_max(&self) -> bool {
        self.miss_above.is_none()
    }

    /// Whether `value` lies between the ends (both included).
    pub fn contains(&self, value: f64) -> bool {
        self.lo <= value && value <= self.hi
    }

    /// The value in the interval nearest `value`.
    pub fn nearest_to(&self, value: f64) -> f64 {
        value.clamp(self.lo, self.hi)
    }

    /// The interval in words with `field`'s unit: "between $41,667 and
    /// $156,667 a month", "from 2 to 7", "up to 3.1%/month", "60% or
    /// more", "exactly 3".
    pub fn describe(&self, field: FieldId) -> String {
        let spec = field.spec();
        let (pre, post) = match spec.unit {
            Unit::Dollars => ("$", ""),
            Unit::DollarsPerMonth => ("$", " a month"),
            Unit::DollarsPerYear => ("$", " a year"),
            Unit::Percent => ("", "%"),
            Unit::PercentPerMonth => ("", "%/month"),
            Unit::Months => ("", " months"),
            Unit::Weeks => ("", " weeks"),
            Unit::Count | Unit::Ratio | Unit::Number => ("", ""),
        };
        // Each end rounded inwards at the precision it is written with, so
        // the range as written holds: "up to 3.12" never stands for 3.1249…
        // rounded up past the end.
        let (lo_in, hi_in) = (inward(self.lo, true), inward(self.hi, false));
        let (lo, hi) = (fmt_number(lo_in), fmt_number(hi_in));
        // Narrower than the precision it is written with.
        let point = lo_in >= hi_in;
        let mid = fmt_number((self.lo + self.hi) / 2.0);
        match (self.from_min(), self.to_max()) {
            (true, true) => format!("any value from {pre}{lo} to {pre}{hi}{post}"),
            (true, false) => format!("up to {pre}{hi}{post}"),
            (false, true) => format!("{pre}{lo}{post} or more"),
            (false, false) if point && spec.range.whole => format!("exactly {pre}{mid}{post}"),
            (false, false) if point => format!("about {pre}{mid}{post}"),
            (false, false) if spec.range.whole => format!("from {pre}{lo} to {pre}{hi}{post}"),
            (false, false) => format!("between {pre}{lo} and {pre}{hi}{post}"),
        }
    }
}

/// `value` rounded up (`up`) or down to the decimals [`fmt_number`] writes
/// it with (none from 100, one from 10, else two).
fn inward(value: f64, up: bool) -> f64 {
    let decimals = if value.abs() >= 100.0 {
        0
    } else if value.abs() >= 10.0 {
        1
    } else {
        2
    };
    let scale = 10f64.powi(decimals);
    // A hair of slack so a value already at that precision (0.29, held as
    // 0.28999…) stays itself.
    let scaled = value * scale;
    let rounded = if up {
        (scaled - 1e-9).ceil()
    } else {
        (scaled + 1e-9).floor()
    };
    rounded / scale
}

/// The intervals in words, joined: "from 2 to 3, or from 40 to 45".
pub fn describe_intervals(field: FieldId, intervals: &[Interval]) -> String {
    let parts: Vec<String> = intervals.iter().map(|i| i.describe(field)).collect();
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}, or {last}", rest.join(", ")),
    }
}

/// The value in `intervals` nearest `current` (the lower one on a tie), or
/// `None` when there is no interval.
pub fn nearest_value(intervals: &[Interval], current: f64) -> Option<f64> {
    intervals
        .iter()
        .map(|i| i.nearest_to(current))
        .min_by(|a, b| (a - current).abs().total_cmp(&(b - current).abs()))
}

/// How the goal seek ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SeekStatus {
    /// Some values meet the target and some do not: see
    /// [`GoalSeekResult::intervals`] and [`GoalSeekResult::nearest`].
    Reached,
    /// Every value tried across the field's range meets the target.
    MetAcrossRange,
    /// No value tried in the field's range meets the target.
    NotReachable {
        /// The tried value that came closest.
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

/// The answer of [`goal_seek`].
#[derive(Clone, Debug, PartialEq)]
pub struct GoalSeekResult {
    /// The input varied.
    pub field: FieldId,
    /// The target aimed for.
    pub target: Target,
    /// How it ended.
    pub status: SeekStatus,
    /// Every interval where the target holds, lowest first (one covering
    /// the whole range when it is met everywhere; none when it is met
    /// nowhere).
    pub intervals: Vec<Interval>,
    /// The value in an interval nearest today's: the value to apply. Today's
    /// own value when it meets the target already.
    pub nearest: Option<f64>,
    /// The output at `nearest`.
    pub achieved: Option<Reading>,
    /// The input's current value.
    pub current_value: f64,
    /// The output today.
    pub current: Reading,
    /// Bisection steps taken, over every end.
    pub iterations: u32,
    /// Runs of the model, today's included (at most [`MAX_RUNS`]).
    pub runs: u32,
    /// Benchmark reading of `nearest`; when the target is met today, of
    /// the nearer end of today's interval (how much room there is).
    pub realism: Option<Realism>,
    /// One or two sentences for the user.
    pub message: String,
}

/// Runs the model with `field` at `value` and reads the target's output;
/// `None` when the field refuses the value (outside its range, or not
/// whole where it must be).
fn evaluate(
    work: &mut ScenarioInputs,
    projection: &mut Projection,
    field: FieldId,
    value: f64,
    output: Output,
) -> Option<Reading> {
    work.set(field, value).ok()?;
    simulate_into(work, projection);
    Some(output.read(&projection.summary))
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

/// Finds every interval of `field`'s range where the scenario meets
/// `target`, all other inputs as they are, and the value nearest today's.
/// See the module docs for the method and its limits. At most
/// [`MAX_RUNS`] simulations.
pub fn goal_seek(inputs: &ScenarioInputs, field: FieldId, target: Target) -> GoalSeekResult {
    let spec = field.spec();
    let output = target.output();
    let mut work = inputs.clone();
    let mut projection = Projection::default();
    simulate_into(inputs, &mut projection);
    let current = output.read(&projection.summary);
    let current_value = model_value(inputs, field);
    let met_now = target.is_met_by(&current);
    let mut result = GoalSeekResult {
        field,
        target,
        status: SeekStatus::InvalidTarget,
        intervals: Vec::new(),
        nearest: None,
        achieved: None,
        current_value,
        current,
        iterations: 0,
        runs: 1,
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

    let range = spec.range;
    // Two runs kept back: today's, and one to explain an unreachable target.
    let found = search::search(range, current_value, target, MAX_RUNS - 2, |v| {
        evaluate(&mut work, &mut projection, field, v, output)
    });
    let tried = match found {
        Found::NoEffect { runs } => {
            result.runs += runs;
            result.status = SeekStatus::NoEffect;
            result.message = no_effect_message(field, target, met_now);
            return result;
        }
        Found::Tried(t) => t,
    };
    result.runs += tried.runs;
    result.iterations = tried.steps;
    let span = format!(
        "{} to {}",
        with_unit(field, range.min),
        with_unit(field, range.max)
    );

    if tried.probes.iter().all(|p| p.met) {
        result.status = SeekStatus::MetAcrossRange;
        result.intervals = tried.intervals();
        result.nearest = Some(current_value);
        result.achieved = Some(current);
        result.message = format!(
            "{}: every value tried from {span} gives {}, so this input is not what stands in the way.",
            spec.label,
            target.describe()
        );
        return result;
    }
    if !tried.probes.iter().any(|p| p.met) {
        let (best_value, best) =
            tried
                .probes
                .iter()
                .fold((current_value, current), |(bv, br), p| {
                    if target.badness(&p.reading) < target.badness(&br) {
                        (p.value, p.reading)
                    } else {
                        (bv, br)
                    }
                });
        result.status = SeekStatus::NotReachable { best_value, best };
        result.message = format!(
            "{}: none of the {} values tried from {span} reaches {}. The closest is {} at {}.",
            spec.label,
            fmt_number(tried.probes.len() as f64),
            target.describe(),
            describe_reading(output, &best),
            with_unit(field, best_value)
        );
        // Say what caps it when the sales team's capacity does.
        result.runs += 1;
        if evaluate(&mut work, &mut projection, field, best_value, output).is_some()
            && projection.summary.deals_lost_to_capacity > 0.0
        {
            result.message.push_str(
                " There, deals beyond what the account executives can close are lost: more sellers or a shorter ramp would lift that ceiling.",
            );
        }
        return result;
    }

    let intervals = tried.intervals();
    let Some(nearest) = nearest_value(&intervals, current_value) else {
        // Unreachable: some tried value meets, so there is an interval.
        result.status = SeekStatus::NoEffect;
        result.message = no_effect_message(field, target, met_now);
        return result;
    };
    result.status = SeekStatus::Reached;
    result.achieved = tried.at(nearest).map(|p| p.reading);
    result.nearest = Some(nearest);

    // Realism of the value to apply; when today meets the target, of the
    // nearer end of today's interval: the room before it is missed.
    let judged = if met_now {
        intervals
            .iter()
            .find(|i| i.contains(current_value))
            .and_then(|i| {
                let lo = i.miss_below.map(|_| i.lo);
                let hi = i.miss_above.map(|_| i.hi);
                match (lo, hi) {
                    (Some(l), Some(h)) if (h - current_value) < (current_value - l) => Some(h),
                    (Some(l), _) => Some(l),
                    (None, h) => h,
                }
            })
    } else {
        Some(nearest)
    };
    if let Some(v) = judged {
        if work.set(field, v).is_ok() {
            result.realism = Some(realism::realism(&work, field, v, current_value, met_now));
        }
    }

    let ranges = describe_intervals(field, &intervals);
    let today = with_unit(field, current_value);
    let now = describe_reading(output, &current);
    result.message = if met_now {
        let which = if intervals.len() == 1 {
            "that range"
        } else {
            "one of those ranges"
        };
        format!(
            "{}: {ranges} gives {}. Today's {today} is inside {which} ({now}).",
            spec.label,
            target.describe()
        )
    } else {
        let got = result
            .achieved
            .map(|a| format!(" ({})", describe_reading(output, &a)))
            .unwrap_or_default();
        format!(
            "{}: {ranges} gives {}. Today's {today} gives {now}; the nearest value that meets it is {}{got}.",
            spec.label,
            target.describe(),
            with_unit(field, nearest)
        )
    };
    result.intervals = intervals;
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
