//! Uncertainty: give some inputs a low / likely / high range, run the model
//! thousands of times with values drawn from those ranges, and read the
//! spread of the results.
//!
//! # Method
//! - Each ranged input is drawn from a triangular distribution (low, likely,
//!   high): simple to state, bounded, and peaked at the value the user
//!   believes most. Whole-number fields are rounded after the draw. Draws
//!   are independent across inputs.
//! - The generator is [`Rng`] (xoshiro256**) seeded by the caller: each draw
//!   takes exactly one 64-bit number per range, in the spec's order, so the
//!   same inputs, spec, draw count and seed always give the same result —
//!   whether run at once ([`run`]) or in chunks ([`McRunner`]).
//! - Each draw runs [`simulate_into`] on one reused projection; the MRR and
//!   cumulative cash of every month go into two flat buffers (month-major,
//!   4 bytes a value: 10,000 draws × 60 months × 2 × 4 bytes = 4.8 MB, half
//!   what `f64` needs). Values are rounded to `f32` (seven significant
//!   digits, far finer than any band) and stored as order-preserving `u32`
//!   keys, so the percentile search compares plain integers.
//! - Percentiles per month interpolate between the two closest ranks, as
//!   spreadsheets do (Excel `PERCENTILE.INC`, R's default type 7): with the
//!   n draws sorted x₀ ≤ … ≤ xₙ₋₁ and h = (n − 1) × *q*,
//!   P*q* = x⌊h⌋ + (h − ⌊h⌋) × (x⌊h⌋₊₁ − x⌊h⌋). The ranks are found with
//!   `select_nth_unstable` in place on that month's slice of the buffer (the
//!   median's lower rank first, then P10 in the part below it and P90 in
//!   the part above; each next rank is the smallest value past its rank).
//! - "Payback of 12 months or less" counts draws whose blended CAC payback
//!   (margin-based) is a number at most [`PAYBACK_BAR_MONTHS`], the same
//!   bar as the payback verdict; "never" and "no customers" do not count.

use serde::{Deserialize, Serialize};

use super::rng::Rng;
use crate::domain::economics::Payback;
use crate::domain::input::{check, FieldError};
use crate::domain::sim::model::model_value;
use crate::domain::sim::{simulate_into, FieldId, Projection, ScenarioInputs};

/// Most inputs that can carry a range at once.
pub const MAX_RANGES: usize = 20;
/// Draws per run in the app (the issue asks for at least 10,000).
pub const DEFAULT_DRAWS: u32 = 10_000;
/// Most draws per run: 50,000 × 60 months × 2 series × 4 bytes = 24 MB of
/// buffers, the most worth asking a browser tab for.
pub const MAX_DRAWS: u32 = 50_000;
/// The payback bar whose odds the run reports, months: the chance of a
/// payback of this many months or less.
pub const PAYBACK_BAR_MONTHS: f64 = crate::domain::benchmarks::PAYBACK_BAR_MONTHS;

/// A low / likely / high range on one input. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputRange {
    /// The input; stored as its slug, e.g. `"self_serve.churn_pct"`.
    pub field: FieldId,
    /// The lowest value thought possible, in the field's unit.
    pub low: f64,
    /// The most likely value.
    pub likely: f64,
    /// The highest value thought possible.
    pub high: f64,
}

impl InputRange {
    /// A range on `field`.
    pub fn new(field: FieldId, low: f64, likely: f64, high: f64) -> Self {
        InputRange {
            field,
            low,
            likely,
            high,
        }
    }

    /// A range from `value × (1 − share)` to `value × (1 + share)` around the
    /// field's current value (`share` 0.2 for ±20 %), clamped into the
    /// field's range and rounded for whole fields: a starting point for the
    /// user to edit.
    pub fn around(inputs: &ScenarioInputs, field: FieldId, share: f64) -> Self {
        let share = if share.is_finite() {
            share.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let value = model_value(inputs, field);
        InputRange::new(
            field,
            super::sensitivity::moved(field, value, 1.0 - share),
            value,
            super::sensitivity::moved(field, value, 1.0 + share),
        )
    }
}

/// Which inputs are uncertain, and how. Saved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncertaintySpec {
    /// At most [`MAX_RANGES`], one per field.
    #[serde(deserialize_with = "ranges")]
    pub ranges: Vec<InputRange>,
}

impl UncertaintySpec {
    /// Checks the spec: at most [`MAX_RANGES`] ranges; each names a field
    /// other than the horizon, at most once; low, likely and high are
    /// finite, inside the field's range (whole where the field is) and in
    /// order low ≤ likely ≤ high.
    ///
    /// # Errors
    /// The first [`FieldError`], its field a path such as
    /// `ranges[2].high`; callers add their own prefix.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.ranges.len() > MAX_RANGES {
            return Err(FieldError::new(
                "ranges",
                format!("at most {MAX_RANGES} inputs can have a range"),
            ));
        }
        for (i, r) in self.ranges.iter().enumerate() {
            let path = format!("ranges[{i}]");
            let id = r.field;
            if id == FieldId::HorizonMonths {
                return Err(FieldError::new(
                    format!("{path}.field"),
                    "the horizon frames the run and cannot be uncertain",
                ));
            }
            if self
                .ranges
                .iter()
                .take(i)
                .any(|other| other.field == r.field)
            {
                return Err(FieldError::new(
                    format!("{path}.field"),
                    format!("{} already has a range", id.spec().label),
                ));
            }
            let range = id.spec().range;
            check(&format!("{path}.low"), r.low, range)?;
            check(&format!("{path}.likely"), r.likely, range)?;
            check(&format!("{path}.high"), r.high, range)?;
            if r.low > r.likely {
                return Err(FieldError::new(
                    format!("{path}.low"),
                    "the low value is above the likely one",
                ));
            }
            if r.likely > r.high {
                return Err(FieldError::new(
                    format!("{path}.high"),
                    "the high value is below the likely one",
                ));
            }
        }
        Ok(())
    }
}

/// Reads [`UncertaintySpec::ranges`], saying which range a problem is in:
/// serde's own errors do not say where they are, and a stored range that
/// names no simulator input is refused here, before
/// [`UncertaintySpec::validate`] sees it. The path is the one the spec has
/// in the saved state, `insight.uncertainty`.
fn ranges<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<InputRange>, D::Error> {
    struct Ranges;
    impl<'de> serde::de::Visitor<'de> for Ranges {
        type Value = Vec<InputRange>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of input ranges")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            loop {
                match seq.next_element::<InputRange>() {
                    Ok(Some(range)) => out.push(range),
                    Ok(None) => return Ok(out),
                    Err(e) => {
                        return Err(serde::de::Error::custom(format!(
                            "insight.uncertainty.ranges[{}]: {e}",
                            out.len()
                        )))
                    }
                }
            }
        }
    }
    deserializer.deserialize_seq(Ranges)
}

/// A range ready to draw from: known field, finite, clamped, ordered.
#[derive(Clone, Copy, Debug)]
struct Prepared {
    field: FieldId,
    low: f64,
    likely: f64,
    high: f64,
    whole: bool,
}

impl Prepared {
    /// Makes any range drawable, so a run never fails: the horizon is
    /// dropped, non-finite ends take the field's current value,
    /// everything is clamped into the field's range and sorted.
    fn from(range: &InputRange, inputs: &ScenarioInputs) -> Option<Prepared> {
        let field = range.field;
        if field == FieldId::HorizonMonths {
            return None;
        }
        let spec = field.spec().range;
        let current = model_value(inputs, field);
        let clean = |v: f64| {
            if v.is_finite() {
                v.clamp(spec.min, spec.max)
            } else {
                current
            }
        };
        let mut ends = [clean(range.low), clean(range.likely), clean(range.high)];
        ends.sort_by(f64::total_cmp);
        let [low, likely, high] = ends;
        Some(Prepared {
            field,
            low,
            likely,
            high,
            whole: spec.whole,
        })
    }

    /// The triangular distribution's inverse CDF at `u` in `[0, 1)`:
    /// with c = (likely − low) ÷ (high − low),
    /// u < c → low + √(u (high − low)(likely − low)),
    /// otherwise high − √((1 − u)(high − low)(high − likely)).
    fn sample(&self, u: f64) -> f64 {
        let width = self.high - self.low;
        if width <= 0.0 {
            return self.low;
        }
        let c = (self.likely - self.low) / width;
        let v = if u < c {
            self.low + (u * width * (self.likely - self.low)).sqrt()
        } else {
            self.high - ((1.0 - u) * width * (self.high - self.likely)).sqrt()
        };
        let v = if self.whole { v.round() } else { v };
        // Rounding error must not step outside the range the user set.
        v.clamp(self.low, self.high)
    }
}

/// How far a chunked run has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Draws finished.
    pub done: u32,
    /// Draws in the run.
    pub total: u32,
}

impl Progress {
    /// Whether every draw is finished.
    pub fn is_complete(&self) -> bool {
        self.done >= self.total
    }

    /// Share finished, 0–1, for a progress bar.
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            f64::from(self.done.min(self.total)) / f64::from(self.total)
        }
    }
}

/// P10 / P50 / P90 of one series per month; index 0 is month 1. The three
/// vectors have the same length, and p10 ≤ p50 ≤ p90 in every month.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bands {
    /// 10th percentile per month.
    pub p10: Vec<f64>,
    /// Median per month.
    pub p50: Vec<f64>,
    /// 90th percentile per month.
    pub p90: Vec<f64>,
}

impl Bands {
    fn with_capacity(months: usize) -> Self {
        Bands {
            p10: Vec::with_capacity(months),
            p50: Vec::with_capacity(months),
            p90: Vec::with_capacity(months),
        }
    }

    /// Months covered.
    pub fn len(&self) -> usize {
        self.p50.len()
    }

    /// Whether no month is covered.
    pub fn is_empty(&self) -> bool {
        self.p50.is_empty()
    }
}

/// What a Monte Carlo run found. Every number finite.
#[derive(Clone, Debug, PartialEq)]
pub struct McResult {
    /// Draws run.
    pub draws: u32,
    /// The seed used.
    pub seed: u64,
    /// Inputs that carried a range (after dropping unusable ones).
    pub ranged_inputs: u32,
    /// Total MRR per month, $.
    pub mrr: Bands,
    /// Cumulative cash per month, $.
    pub cumulative_cash: Bands,
    /// Share of draws (0–1) whose blended CAC payback is
    /// [`PAYBACK_BAR_MONTHS`] or less.
    pub payback_within_12_share: f64,
}

/// A Monte Carlo run that can be spread over many short steps (animation
/// frames), so the page never freezes. Holds its buffers; nothing is
/// allocated after [`McRunner::new`].
#[derive(Clone, Debug)]
pub struct McRunner {
    inputs: ScenarioInputs,
    ranges: Vec<Prepared>,
    rng: Rng,
    seed: u64,
    total: u32,
    done: u32,
    months: usize,
    mrr: Vec<u32>,
    cash: Vec<u32>,
    payback_hits: u32,
    projection: Projection,
}

/// `v` rounded to f32 (kept finite: an f64 beyond f32's range would become
/// infinite) as a key whose unsigned order is the numeric order: flip every
/// bit of negatives, set the sign bit of the rest (the usual radix-sort
/// trick; −0 sorts just below +0).
fn to_key(v: f64) -> u32 {
    let f = if v.is_finite() {
        v.clamp(f64::from(f32::MIN), f64::from(f32::MAX)) as f32
    } else {
        0.0
    };
    let bits = f.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    }
}

/// The inverse of [`to_key`].
fn from_key(key: u32) -> f64 {
    let bits = if key >> 31 == 1 {
        key & 0x7FFF_FFFF
    } else {
        !key
    };
    f64::from(f32::from_bits(bits))
}

impl McRunner {
    /// Prepares a run of `draws` draws (clamped to 1–[`MAX_DRAWS`]). The
    /// spec should be validated first; anything that is not (unknown
    /// fields, the horizon, non-finite or unordered ends, more than
    /// [`MAX_RANGES`] ranges) is dropped or repaired as described on the
    /// private `Prepared::from`, so the run itself never fails.
    pub fn new(inputs: &ScenarioInputs, spec: &UncertaintySpec, draws: u32, seed: u64) -> Self {
        let total = draws.clamp(1, MAX_DRAWS);
        let ranges: Vec<Prepared> = spec
            .ranges
            .iter()
            .take(MAX_RANGES)
            .filter_map(|r| Prepared::from(r, inputs))
            .collect();
        let mut projection = Projection::default();
        // One run to learn the horizon and size every buffer up front.
        simulate_into(inputs, &mut projection);
        let months = projection.rows.len();
        let cells = months * total as usize;
        McRunner {
            inputs: inputs.clone(),
            ranges,
            rng: Rng::new(seed),
            seed,
            total,
            done: 0,
            months,
            mrr: vec![0; cells],
            cash: vec![0; cells],
            payback_hits: 0,
            projection,
        }
    }

    /// Where the run stands.
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.done,
            total: self.total,
        }
    }

    /// Runs up to `max_draws` more draws (at least one while any remain).
    pub fn step(&mut self, max_draws: u32) -> Progress {
        let end = self.done.saturating_add(max_draws.max(1)).min(self.total);
        while self.done < end {
            self.draw_one();
            self.done += 1;
        }
        self.progress()
    }

    fn draw_one(&mut self) {
        for r in &self.ranges {
            let v = r.sample(self.rng.next_f64());
            // `sample` stays inside the field's range (and whole where
            // needed), so `set` accepts it; were it ever refused, the field
            // would keep its previous value, which is also in range.
            let _ = self.inputs.set(r.field, v);
        }
        simulate_into(&self.inputs, &mut self.projection);
        let total = self.total as usize;
        let i = self.done as usize;
        for (m, row) in self.projection.rows.iter().take(self.months).enumerate() {
            let at = m * total + i;
            if let Some(slot) = self.mrr.get_mut(at) {
                *slot = to_key(row.mrr.total());
            }
            if let Some(slot) = self.cash.get_mut(at) {
                *slot = to_key(row.cumulative_cash);
            }
        }
        if let Some(Payback::Months(m)) = self.projection.summary.blended_payback {
            if m <= PAYBACK_BAR_MONTHS {
                self.payback_hits += 1;
            }
        }
    }

    /// Runs whatever draws remain and computes the percentiles. Equal to
    /// [`run`] with the same arguments, however the steps were sized.
    pub fn finish(mut self) -> McResult {
        let remaining = self.total - self.done.min(self.total);
        self.step(remaining);
        let n = self.total as usize;
        McResult {
            draws: self.total,
            seed: self.seed,
            ranged_inputs: self.ranges.len() as u32,
            mrr: bands(&mut self.mrr, n, self.months),
            cumulative_cash: bands(&mut self.cash, n, self.months),
            payback_within_12_share: f64::from(self.payback_hits) / f64::from(self.total),
        }
    }
}

/// Where quantile `q` falls among `n` sorted values: the lower 0-based rank
/// ⌊h⌋ and the fraction h − ⌊h⌋ of the way to the next, with
/// h = (n − 1) × q (`q` clamped to 0–1).
fn position(q: f64, n: usize) -> (usize, f64) {
    let last = n.saturating_sub(1);
    let h = q.clamp(0.0, 1.0) * last as f64;
    let k = (h.floor() as usize).min(last);
    let frac = if k < last { h - k as f64 } else { 0.0 };
    (k, frac)
}

/// x + frac × (next − x), with x and next as keys; x alone when there is
/// no next rank (then the fraction is 0 anyway).
fn between(x: u32, next: Option<u32>, frac: f64) -> f64 {
    let low = from_key(x);
    match next {
        Some(n) if frac > 0.0 => low + frac * (from_key(n) - low),
        _ => low,
    }
}

/// P10 / P50 / P90 of each month's slice of `values` (month-major, `n`
/// draws per month), interpolated as the module docs say. Reorders the
/// slices in place.
fn bands(values: &mut [u32], n: usize, months: usize) -> Bands {
    let mut out = Bands::with_capacity(months);
    if n == 0 {
        return out;
    }
    let ((k10, f10), (k50, f50), (k90, f90)) =
        (position(0.1, n), position(0.5, n), position(0.9, n));
    for month in values.chunks_exact_mut(n).take(months) {
        let (below, mid, above) = month.select_nth_unstable(k50);
        let x50 = *mid;
        // After a selection everything past the selected rank is ≥ it, so
        // the next rank is the smallest value there.
        let next50 = above.iter().min().copied();
        let p50 = between(x50, next50, f50);
        let p10 = if k10 < k50 {
            let (_, x, rest) = below.select_nth_unstable(k10);
            between(*x, rest.iter().min().copied().or(Some(x50)), f10)
        } else {
            between(x50, next50, f10)
        };
        let p90 = if k90 > k50 {
            let (_, x, rest) = above.select_nth_unstable(k90 - k50 - 1);
            between(*x, rest.iter().min().copied(), f90)
        } else {
            between(x50, next50, f90)
        };
        out.p10.push(p10);
        out.p50.push(p50);
        out.p90.push(p90);
    }
    out
}

/// Runs a whole Monte Carlo at once: `draws` draws (clamped to
/// 1–[`MAX_DRAWS`]) seeded by `seed`. See the module docs for the method.
pub fn run(inputs: &ScenarioInputs, spec: &UncertaintySpec, draws: u32, seed: u64) -> McResult {
    McRunner::new(inputs, spec, draws, seed).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Percentiles interpolate between the closest ranks with
    /// h = (n − 1) × q, as Excel's `PERCENTILE.INC` and R's
    /// `quantile(type = 7)` do (Hyndman & Fan, "Sample Quantiles in
    /// Statistical Packages", The American Statistician 50(4), 1996,
    /// definition 7). By hand for [1, 2, 3, 4]: P10 has h = 0.3, so
    /// 1 + 0.3 × (2 − 1) = 1.3; P50 has h = 1.5, so 2.5; P90 has h = 2.7,
    /// so 3.7.
    #[test]
    fn percentiles_interpolate_between_ranks_as_spreadsheets_do() {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        let mut values: Vec<u32> = [3.0, 1.0, 4.0, 2.0].map(to_key).to_vec();
        let b = bands(&mut values, 4, 1);
        assert!(close(b.p10[0], 1.3), "{:?}", b.p10);
        assert!(close(b.p50[0], 2.5), "{:?}", b.p50);
        assert!(close(b.p90[0], 3.7), "{:?}", b.p90);

        // Two values, 10 and 20: every percentile lies on the line between
        // them (P10 = 11, P50 = 15, P90 = 19), not on either draw.
        let mut values: Vec<u32> = [20.0, 10.0].map(to_key).to_vec();
        let b = bands(&mut values, 2, 1);
        assert!(close(b.p10[0], 11.0) && close(b.p50[0], 15.0) && close(b.p90[0], 19.0));

        // One value is every percentile.
        let mut values = vec![to_key(7.5)];
        let b = bands(&mut values, 1, 1);
        assert_eq!((b.p10[0], b.p50[0], b.p90[0]), (7.5, 7.5, 7.5));

        assert_eq!(position(0.1, 10_000), (999, 0.1 * 9_999.0 - 999.0));
        assert_eq!(position(0.9, 1), (0, 0.0));
    }

    /// The selection-based bands equal the formula applied to a plain
    /// sorted copy, for many sizes and shuffled, repeated values.
    #[test]
    fn bands_match_a_sort_and_the_formula() {
        let mut rng = Rng::new(42);
        for n in 1..=60usize {
            let draws: Vec<f64> = (0..n)
                .map(|_| (rng.next_f64() * 40.0).round() - 10.0)
                .collect();
            let mut sorted = draws.clone();
            sorted.sort_by(f64::total_cmp);
            let reference = |q: f64| {
                let h = (n - 1) as f64 * q;
                let k = h.floor() as usize;
                let next = sorted.get(k + 1).copied().unwrap_or(sorted[k]);
                sorted[k] + (h - k as f64) * (next - sorted[k])
            };
            let mut values: Vec<u32> = draws.iter().map(|&v| to_key(v)).collect();
            let b = bands(&mut values, n, 1);
            for (got, q) in [(b.p10[0], 0.1), (b.p50[0], 0.5), (b.p90[0], 0.9)] {
                assert!(
                    (got - reference(q)).abs() < 1e-9,
                    "n {n} q {q}: {got} vs {}",
                    reference(q)
                );
            }
        }
    }

    #[test]
    fn bands_of_a_known_set_are_its_percentiles() {
        // Month 1 holds −5..=5 shuffled; month 2 holds 10 × that.
        let month1 = [2.0, -2.0, 5.0, -5.0, 0.0, -4.0, 4.0, -3.0, 3.0, -1.0, 1.0];
        let mut values: Vec<u32> = month1
            .iter()
            .chain(month1.map(|v| v * 10.0).iter())
            .map(|&v| to_key(v))
            .collect();
        let b = bands(&mut values, 11, 2);
        assert_eq!(b.p10, vec![-4.0, -40.0]);
        assert_eq!(b.p50, vec![0.0, 0.0]);
        assert_eq!(b.p90, vec![4.0, 40.0]);
    }

    #[test]
    fn keys_keep_the_numeric_order_and_decode_back() {
        let values = [-1e30, -2.5, -0.0, 0.0, 1e-20, 3.25, 7e20, f64::MAX];
        let keys: Vec<u32> = values.iter().map(|&v| to_key(v)).collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(from_key(to_key(-2.5)), -2.5);
        assert_eq!(from_key(to_key(3.25)), 3.25);
        assert_eq!(from_key(to_key(f64::NAN)), 0.0);
        assert!(from_key(to_key(f64::MAX)).is_finite());
    }

    #[test]
    fn triangular_draws_stay_in_range_and_peak_at_likely() {
        let p = Prepared {
            field: FieldId::SsChurnPct,
            low: 2.0,
            likely: 3.0,
            high: 6.0,
            whole: false,
        };
        assert_eq!(p.sample(0.0), 2.0);
        // The CDF at the mode is c = 1/4.
        assert!((p.sample(0.25) - 3.0).abs() < 1e-12);
        let mut rng = Rng::new(1);
        let n = 100_000;
        let mut sum = 0.0;
        for _ in 0..n {
            let v = p.sample(rng.next_f64());
            assert!((2.0..=6.0).contains(&v));
            sum += v;
        }
        // Mean of a triangular distribution = (low + likely + high) ÷ 3.
        let mean = sum / f64::from(n);
        assert!((mean - 11.0 / 3.0).abs() < 0.01, "mean {mean}");
    }
}
