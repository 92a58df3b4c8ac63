//! Sensitivity analysis (the tornado chart): move one input at a time down
//! and up by the same share, keep every other input where it is, and see how
//! far each of three outputs moves.
//!
//! # Rules
//! - Inputs moved: every numeric field of a switched-on channel, plus gross
//!   margin. The horizon is left alone: it frames the question ("ARR at the
//!   horizon") rather than describing the business.
//! - Low = value × (1 − swing), high = value × (1 + swing), each clamped into
//!   the field's range. Whole-number fields (months, sellers) are rounded to
//!   the nearest whole number, so a one-month lag does not move at ±20 %:
//!   the model has no fractional months, and rounding away from the base
//!   would turn a 20 % move into a 100 % one.
//! - An input whose low and high both equal its value (a zero, or a whole
//!   number that rounds back) is skipped. So is, per output, an input that
//!   leaves that output where it was (within a billionth of the base).
//! - Outputs are read as [`Reading`]s: "never paid back", "no customers"
//!   and "no acquisition cost" become the stand-ins documented on
//!   [`super::Note`], and values beyond the chart caps are drawn at the
//!   cap — never NaN.
//! - Rows are sorted by swing |output at high − output at low| on the drawn
//!   values, largest first; ties keep the field order of
//!   [`crate::domain::sim::fields`].

use super::{Output, Reading};
use crate::domain::economics::check_input;
use crate::domain::input::{InputError, Range, Unit};
use crate::domain::sim::model::model_value;
use crate::domain::sim::{fields, simulate_into, FieldId, Projection, ScenarioInputs};

/// The swings a user may choose, in percent.
pub const SWING_RANGE: Range = Range::new(1.0, 90.0).in_unit(Unit::Percent);

/// How far each input is moved each way, as a share of its value. Kept
/// between 1 % and 90 % so a move never flips a sign or stays invisible.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Swing(f64);

impl Swing {
    /// ±20 %, the usual first look.
    pub const DEFAULT: Swing = Swing(0.2);

    /// From a percentage (`20` → ±20 %).
    ///
    /// # Errors
    /// [`InputError`] when the percentage is not finite or outside 1–90.
    pub fn from_percent(percent: f64) -> Result<Swing, InputError> {
        check_input(percent, SWING_RANGE)?;
        Ok(Swing(percent / 100.0))
    }

    /// The share as a fraction (0.2 for ±20 %).
    pub fn fraction(self) -> f64 {
        self.0
    }

    /// The share as a percentage (20 for ±20 %).
    pub fn percent(self) -> f64 {
        self.0 * 100.0
    }
}

impl Default for Swing {
    fn default() -> Self {
        Swing::DEFAULT
    }
}

/// One input's bar in one output's tornado.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TornadoRow {
    /// The input moved.
    pub field: FieldId,
    /// Its label, with its unit.
    pub label: &'static str,
    /// The input's value before moving it.
    pub base_value: f64,
    /// The input's lowered value (clamped, rounded for whole fields).
    pub low_value: f64,
    /// The input's raised value (clamped, rounded for whole fields).
    pub high_value: f64,
    /// The output with the input lowered.
    pub at_low: Reading,
    /// The output with the input raised.
    pub at_high: Reading,
    /// The output with every input at its value.
    pub base: Reading,
}

impl TornadoRow {
    /// The sort key: |output at high − output at low|, on drawn values.
    pub fn swing(&self) -> f64 {
        (self.at_high.shown - self.at_low.shown).abs()
    }

    /// Whether any of the three readings is a stand-in or drawn at a cap,
    /// so the bar needs its note.
    pub fn has_note(&self) -> bool {
        self.at_low.note.is_some() || self.at_high.note.is_some() || self.base.note.is_some()
    }
}

/// The tornado of one output.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoChart {
    /// Which output.
    pub output: Output,
    /// The output with every input at its value.
    pub base: Reading,
    /// One row per input that moves the output, largest swing first.
    pub rows: Vec<TornadoRow>,
}

/// The three tornados of one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    /// The swing used.
    pub swing: Swing,
    /// One chart per [`Output`], in [`Output::ALL`] order.
    pub charts: Vec<TornadoChart>,
}

impl Sensitivity {
    /// The chart of one output.
    pub fn chart(&self, output: Output) -> Option<&TornadoChart> {
        self.charts.iter().find(|c| c.output == output)
    }
}

/// Whether a field is moved at all: shared fields always (except the
/// horizon), channel fields when their channel is on. The insight tools
/// and the what-if sliders offer the same set.
pub fn in_play(inputs: &ScenarioInputs, id: FieldId) -> bool {
    if id == FieldId::HorizonMonths {
        return false;
    }
    id.spec().channel.is_none_or(|ch| inputs.is_enabled(ch))
}

/// `value × factor`, clamped into the field's range and rounded for whole
/// fields.
pub(crate) fn moved(id: FieldId, value: f64, factor: f64) -> f64 {
    let range = id.spec().range;
    let mut v = value * factor;
    if range.whole {
        v = v.round();
    }
    if v.is_finite() {
        v.clamp(range.min, range.max)
    } else {
        value
    }
}

/// Whether two readings differ by more than a billionth of the base's size
/// (smaller gaps are rounding noise, not sensitivity).
fn differs(a: &Reading, b: &Reading, base: &Reading) -> bool {
    let scale = base.shown.abs().max(1.0);
    (a.shown - b.shown).abs() > 1e-9 * scale || a.note != b.note
}

/// Runs the sensitivity analysis. Two simulations per input in play (at most
/// 54), reusing one projection buffer.
///
/// Total: unvalidated inputs are clamped by the model, so every reading is
/// finite.
pub fn tornado(inputs: &ScenarioInputs, swing: Swing) -> Sensitivity {
    let s = swing.fraction();
    let mut projection = Projection::default();
    simulate_into(inputs, &mut projection);
    let base_summary = projection.summary;
    let bases = Output::ALL.map(|o| o.read(&base_summary));
    let mut charts: Vec<TornadoChart> = Output::ALL
        .iter()
        .zip(bases)
        .map(|(&output, base)| TornadoChart {
            output,
            base,
            rows: Vec::new(),
        })
        .collect();

    let mut work = inputs.clone();
    for spec in fields() {
        let id = spec.id;
        if !in_play(inputs, id) {
            continue;
        }
        let value = model_value(inputs, id);
        let low_value = moved(id, value, 1.0 - s);
        let high_value = moved(id, value, 1.0 + s);
        if low_value == value && high_value == value {
            continue;
        }
        let mut read_at = |v: f64| {
            // Only in-range values reach `set`, so it cannot refuse; if it
            // ever did, the field would keep its base value and the row
            // would show no swing rather than a wrong one.
            let _ = work.set(id, v);
            simulate_into(&work, &mut projection);
            Output::ALL.map(|o| o.read(&projection.summary))
        };
        let at_low = read_at(low_value);
        let at_high = read_at(high_value);
        work.clone_from(inputs);

        for (i, chart) in charts.iter_mut().enumerate() {
            let (Some(lo), Some(hi)) = (at_low.get(i), at_high.get(i)) else {
                continue;
            };
            if !differs(lo, &chart.base, &chart.base) && !differs(hi, &chart.base, &chart.base) {
                continue;
            }
            chart.rows.push(TornadoRow {
                field: id,
                label: spec.label,
                base_value: value,
                low_value,
                high_value,
                at_low: *lo,
                at_high: *hi,
                base: chart.base,
            });
        }
    }
    for chart in &mut charts {
        // Stable: ties keep field order.
        chart.rows.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
    }
    Sensitivity { swing, charts }
}
