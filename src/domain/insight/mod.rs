//! Insight: the tools that turn the simulator into a decision aid.
//!
//! - [`sensitivity`]: the tornado — which input moves the result most.
//! - [`montecarlo`]: ranges on inputs, thousands of seeded runs, P10/P50/P90
//!   bands and the chance of a payback of 12 months or less.
//! - [`goalseek`]: every range of one input's values that reaches a payback
//!   or LTV:CAC target, and the one nearest today's.
//! - [`sanity`]: warnings for numbers no real company shows.
//! - [`rng`]: the seeded generator behind the Monte Carlo run.
//! - [`settings`]: what the insight tools remember between visits.
//!
//! All of it calls [`crate::domain::sim::simulate_into`], so thousands of
//! runs reuse one set of buffers.
//!
//! This module also holds what the parts share: the three outputs the
//! tornado and goal seek read ([`Output`]) and a finite reading of each
//! ([`Reading`]), where "never paid back" or "no customers" become a
//! documented stand-in number plus a [`Note`] saying so.

pub mod goalseek;
pub mod montecarlo;
pub mod rng;
pub mod sanity;
pub mod sensitivity;
pub mod settings;

pub use goalseek::{
    describe_intervals, goal_seek, nearest_value, GoalSeekResult, Interval, Realism, RealismNote,
    SeekStatus, Target, GOAL_SEEK_FIELDS, LTV_CAC_TARGET_RANGE, MAX_RUNS, PAYBACK_TARGET_RANGE,
};
pub use montecarlo::{
    run, Bands, InputRange, McResult, McRunner, Progress, UncertaintySpec, DEFAULT_DRAWS,
    MAX_DRAWS, MAX_RANGES, PAYBACK_BAR_MONTHS,
};
pub use rng::Rng;
pub use sanity::{sanity_checks, Credibility, SanityId, SanityWarning};
pub use sensitivity::{
    in_play, tornado, Sensitivity, Swing, TornadoChart, TornadoRow, SWING_RANGE,
};
pub use settings::{InsightSettings, DEFAULT_SEED, DRAWS_RANGE, SEED_RANGE};

use serde::{Deserialize, Serialize};

use crate::domain::economics::{LtvCac, Payback};
use crate::domain::format;
use crate::domain::sim::Summary;

/// LTV:CAC readings above this are drawn at it (and noted), so one
/// near-free channel cannot squash every other bar of a chart.
pub const LTV_CAC_SHOWN_CAP: f64 = 100.0;

/// CAC paybacks above this many months (ten years) are drawn at it, and
/// "never paid back" is read as it: nothing past ten years changes a
/// decision, and a finite stand-in keeps sorting and drawing total.
pub const PAYBACK_SHOWN_CAP_MONTHS: f64 = 120.0;

/// A result of the simulation that the tornado and goal seek read. Saved
/// (as `ltv_cac`, `payback`, `ending_arr`) with the tornado's settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Output {
    /// Blended LTV ÷ blended CAC.
    LtvCac,
    /// Blended CAC payback, months, margin-based: CAC ÷ (ARPA × gross
    /// margin).
    Payback,
    /// ARR at the end of the horizon = 12 × total MRR of the last month, $.
    EndingArr,
}

impl Output {
    /// All three, in chart order.
    pub const ALL: [Output; 3] = [Output::LtvCac, Output::Payback, Output::EndingArr];

    /// The name shown in the app, with its unit.
    pub fn label(self) -> &'static str {
        match self {
            Output::LtvCac => "Blended LTV:CAC",
            Output::Payback => "Blended CAC payback (months)",
            Output::EndingArr => "ARR at the horizon ($)",
        }
    }

    /// Whether a larger value is better (payback: smaller is better).
    pub fn higher_is_better(self) -> bool {
        !matches!(self, Output::Payback)
    }

    /// Reads this output from a simulation summary. Always finite.
    pub fn read(self, summary: &Summary) -> Reading {
        match self {
            Output::LtvCac => read_ltv_cac(summary),
            Output::Payback => read_payback(summary),
            Output::EndingArr => Reading::number(summary.ending_arr),
        }
    }
}

/// Why a [`Reading`]'s drawn value is not simply the model's number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Note {
    /// No customer was won, so there is no CAC. LTV:CAC is drawn at 0 and
    /// payback at [`PAYBACK_SHOWN_CAP_MONTHS`] (the worst end of each).
    NoCustomers,
    /// Acquisition cost nothing, so LTV:CAC has no finite value; drawn at
    /// [`LTV_CAC_SHOWN_CAP`].
    FreeAcquisition,
    /// Customers bring no gross profit, so CAC is never earned back; drawn at
    /// [`PAYBACK_SHOWN_CAP_MONTHS`].
    NeverPaidBack,
    /// The model's number is above the chart cap and is drawn at the cap;
    /// [`Reading::exact`] keeps the real figure.
    AboveCap,
    /// The LTV behind this LTV:CAC hit the 60-month cap.
    LtvCapped,
}

impl Note {
    /// A short phrase for a label or tooltip.
    pub fn text(self) -> &'static str {
        match self {
            Note::NoCustomers => "no customers won",
            Note::FreeAcquisition => "no acquisition cost",
            Note::NeverPaidBack => "never paid back",
            Note::AboveCap => "beyond the chart's scale",
            Note::LtvCapped => "LTV capped at 60 months",
        }
    }
}

/// One output value, always finite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    /// The value to draw and sort by: the model's number, clamped to the
    /// chart cap, or the stand-in named by `note`.
    pub shown: f64,
    /// The model's own number, when it has one.
    pub exact: Option<f64>,
    /// Why `shown` is not plainly `exact`, or a caveat about it.
    pub note: Option<Note>,
}

impl Reading {
    fn number(value: f64) -> Self {
        let v = finite(value);
        Reading {
            shown: v,
            exact: Some(v),
            note: None,
        }
    }

    fn stand_in(shown: f64, note: Note) -> Self {
        Reading {
            shown,
            exact: None,
            note: Some(note),
        }
    }

    /// `value` drawn at most at `cap`; `note` applies when it is not capped.
    fn capped(value: f64, cap: f64, note: Option<Note>) -> Self {
        let v = finite(value);
        if v > cap {
            Reading {
                shown: cap,
                exact: Some(v),
                note: Some(Note::AboveCap),
            }
        } else {
            Reading {
                shown: v,
                exact: Some(v),
                note,
            }
        }
    }
}

fn read_ltv_cac(summary: &Summary) -> Reading {
    let ltv_capped = summary.blended_ltv.is_some_and(|l| l.is_capped());
    match summary.blended_ltv_cac {
        None => Reading::stand_in(0.0, Note::NoCustomers),
        Some(LtvCac::FreeAcquisition) => {
            Reading::stand_in(LTV_CAC_SHOWN_CAP, Note::FreeAcquisition)
        }
        Some(LtvCac::Ratio(r)) => {
            Reading::capped(r, LTV_CAC_SHOWN_CAP, ltv_capped.then_some(Note::LtvCapped))
        }
    }
}

fn read_payback(summary: &Summary) -> Reading {
    match summary.blended_payback {
        None => Reading::stand_in(PAYBACK_SHOWN_CAP_MONTHS, Note::NoCustomers),
        Some(Payback::Never) => Reading::stand_in(PAYBACK_SHOWN_CAP_MONTHS, Note::NeverPaidBack),
        Some(Payback::Months(m)) => Reading::capped(m, PAYBACK_SHOWN_CAP_MONTHS, None),
    }
}

/// `value` if finite, else 0: the last guard before a number leaves the
/// module (the model already keeps its outputs finite).
fn finite(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

pub use crate::domain::benchmarks::{
    Segment, ENTERPRISE_ARPA_PER_MONTH, MID_MARKET_ARPA_PER_MONTH,
};

/// A number for a sentence: [`format::figure`] (thousands separated, at
/// most two decimals, no "−0"), with a non-finite value read as 0.
pub(crate) fn fmt_number(value: f64) -> String {
    format::figure(finite(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_for_sentences_are_grouped_and_trimmed() {
        assert_eq!(fmt_number(1_234_567.4), "1,234,567");
        assert_eq!(fmt_number(12.26), "12.3");
        assert_eq!(fmt_number(2.5), "2.5");
        assert_eq!(fmt_number(3.0), "3");
        assert_eq!(fmt_number(-0.001), "0");
        assert_eq!(fmt_number(-1500.0), "−1,500");
        assert_eq!(fmt_number(f64::NAN), "0");
    }

    #[test]
    fn segments_follow_the_price_per_month() {
        assert_eq!(Segment::from_arpa(50.0), Segment::Smb);
        assert_eq!(Segment::from_arpa(2_500.0), Segment::MidMarket);
        assert_eq!(Segment::from_arpa(80_000.0 / 12.0), Segment::Enterprise);
    }
}
