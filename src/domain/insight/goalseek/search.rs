//! The search behind goal seek: every interval of one input's range where a
//! target holds.
//!
//! It works on any function from the input's value to a [`Reading`], so it
//! is tested on made-up shapes here and on the model in `tests/insight.rs`.
//! See the parent module for the method; the numbers it uses are the
//! constants below.

use super::{Interval, Target};
use crate::domain::input::Range;
use crate::domain::insight::Reading;

/// Intervals of the uniform part of the scan across the whole range.
pub const UNIFORM_STEPS: usize = 64;
/// The geometric part of the scan covers this many factors of ten below the
/// top of the range (for $0–100,000,000 a month: from $100 up).
pub const DECADES: i32 = 6;
/// Scan points per factor of ten in the geometric part (each about 15 %
/// above the one before).
pub const PER_DECADE: usize = 16;
/// In a whole-number range, each of the first this-many values above the
/// minimum is tried: small counts (0–64 account executives) are where real
/// answers live.
pub const WHOLE_EACH: f64 = 64.0;
/// Local points around today's value: today × (1 ± k × 5 %), k = 1…10.
pub const LOCAL_POINTS: usize = 10;
/// Spacing of the local points, as a share of today's value.
pub const LOCAL_STEP: f64 = 0.05;
/// Scan points that are local best readings but miss the target get a
/// golden-section search between their neighbours: at most this many...
pub const REFINED_OPTIMA: usize = 3;
/// ...with at most this many runs each.
pub const RUNS_PER_OPTIMUM: u32 = 16;
/// Bisection on one end of an interval stops when the bracket is this share
/// of the field's range wide (1e-9 of 0–100 % is 0.0000001 percentage
/// points; of $0–100,000,000 a month, ten cents).
pub const X_TOLERANCE: f64 = 1e-9;
/// Most bisection steps on one end; the tolerance is reached well before
/// (at most ≈ 30 steps from a bracket 1/64 of the range wide).
pub const MAX_ITERATIONS: u32 = 60;

/// One value tried and what it gave.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Probe {
    /// The input's value.
    pub value: f64,
    /// The output there.
    pub reading: Reading,
    /// Whether the reading meets the target.
    pub met: bool,
}

/// What the search tried.
#[derive(Clone, Debug, PartialEq)]
pub struct Tried {
    /// Every value tried, sorted, no repeats.
    pub probes: Vec<Probe>,
    /// Runs of the function (each value once).
    pub runs: u32,
    /// Bisection steps among them.
    pub steps: u32,
}

impl Tried {
    /// The maximal runs of neighbouring tried values that meet the target,
    /// lowest first. Each interval's ends are tried values that meet; the
    /// tried values next to them miss (`None` at the ends of what was
    /// tried).
    pub fn intervals(&self) -> Vec<Interval> {
        let p = &self.probes;
        let mut out = Vec::new();
        let mut i = 0;
        while i < p.len() {
            if !p[i].met {
                i += 1;
                continue;
            }
            let start = i;
            while p.get(i + 1).is_some_and(|n| n.met) {
                i += 1;
            }
            out.push(Interval {
                lo: p[start].value,
                hi: p[i].value,
                miss_below: start.checked_sub(1).and_then(|j| p.get(j)).map(|q| q.value),
                miss_above: p.get(i + 1).map(|q| q.value),
            });
            i += 1;
        }
        out
    }

    /// The tried value at `value`, if there is one.
    pub fn at(&self, value: f64) -> Option<&Probe> {
        self.probes.iter().find(|p| p.value == value)
    }
}

/// How the search ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// Every scan point gave the same reading: the input does not move it.
    NoEffect {
        /// Runs of the function made to see it.
        runs: u32,
    },
    /// What was tried; see [`Tried::intervals`].
    Tried(Tried),
}

/// The scan: uniform over the range, every whole number near the bottom of
/// a whole range, geometric over the top [`DECADES`] factors of ten, and
/// local points around `current`; clamped into the range, rounded for
/// whole ranges, sorted, no repeats. Always holds the range's two ends.
pub fn scan_points(range: Range, current: f64) -> Vec<f64> {
    let (min, max) = (range.min, range.max);
    let width = max - min;
    let snap = |v: f64| {
        let v = if range.whole { v.round() } else { v };
        v.clamp(min, max)
    };
    let mut points: Vec<f64> = (0..=UNIFORM_STEPS)
        .map(|k| snap(min + width * k as f64 / UNIFORM_STEPS as f64))
        .collect();
    if range.whole {
        let top = max.min(min + WHOLE_EACH);
        let mut v = min;
        while v <= top {
            points.push(v);
            v += 1.0;
        }
    }
    let floor = min.max(max * 10f64.powi(-DECADES));
    if floor > 0.0 && max > floor {
        let n = ((max / floor).log10() * PER_DECADE as f64).ceil().max(1.0) as usize;
        let ratio = max / floor;
        points.extend((0..=n).map(|k| snap(floor * ratio.powf(k as f64 / n as f64))));
    }
    if current.is_finite() && range.contains(current) {
        points.push(current);
        if current != 0.0 {
            for k in 1..=LOCAL_POINTS {
                let d = k as f64 * LOCAL_STEP;
                points.push(snap(current * (1.0 - d)));
                points.push(snap(current * (1.0 + d)));
            }
        }
    }
    points.retain(|v| v.is_finite());
    points.sort_by(f64::total_cmp);
    points.dedup();
    points
}

/// The search's state: the function, what it has tried, and its budget.
struct Searcher<F> {
    range: Range,
    target: Target,
    eval: F,
    probes: Vec<Probe>,
    runs: u32,
    budget: u32,
    steps: u32,
}

impl<F: FnMut(f64) -> Option<Reading>> Searcher<F> {
    /// The reading at `value`: from the ones tried if it was, else one run
    /// (none once the budget is spent, or if the function refuses it).
    fn try_at(&mut self, value: f64) -> Option<Probe> {
        if let Some(p) = self.probes.iter().find(|p| p.value == value) {
            return Some(*p);
        }
        if self.runs >= self.budget || !value.is_finite() {
            return None;
        }
        self.runs += 1;
        let reading = (self.eval)(value)?;
        let probe = Probe {
            value,
            reading,
            met: self.target.is_met_by(&reading),
        };
        self.probes.push(probe);
        Some(probe)
    }

    fn sorted(&mut self) -> &[Probe] {
        self.probes.sort_by(|a, b| a.value.total_cmp(&b.value));
        &self.probes
    }

    /// Golden-section search for the best reading strictly between `a` and
    /// `b` (the neighbours of a local best scan point), stopping at the
    /// first value that meets the target. Finds a narrow dip under the
    /// target that fell between two scan points (the payback minimum where
    /// pipeline fills the sellers' capacity exactly).
    fn refine(&mut self, mut a: f64, mut b: f64) {
        const INV_PHI: f64 = 0.618_033_988_749_894_9;
        let whole = self.range.whole;
        let snap = |v: f64| if whole { v.round() } else { v };
        let badness = |t: Target, p: Probe| t.badness(&p.reading);
        let mut c = snap(b - INV_PHI * (b - a));
        let mut d = snap(a + INV_PHI * (b - a));
        let (Some(mut pc), Some(mut pd)) = (self.try_at(c), self.try_at(d)) else {
            return;
        };
        // Two runs above, at most one per step: the cap holds even when
        // rounding makes a step land on a value already tried.
        for _ in 2..RUNS_PER_OPTIMUM {
            if pc.met || pd.met || (whole && d - c <= 1.0) {
                break;
            }
            if badness(self.target, pc) <= badness(self.target, pd) {
                b = d;
                d = c;
                pd = pc;
                c = snap(b - INV_PHI * (b - a));
                let Some(p) = self.try_at(c) else { return };
                pc = p;
            } else {
                a = c;
                c = d;
                pc = pd;
                d = snap(a + INV_PHI * (b - a));
                let Some(p) = self.try_at(d) else { return };
                pd = p;
            }
        }
    }

    /// Bisection between a value that meets the target and one that does
    /// not, down to [`X_TOLERANCE`] of the range (neighbours for a whole
    /// range).
    fn bisect(&mut self, mut yes: f64, mut no: f64) {
        let tolerance = if self.range.whole {
            1.0
        } else {
            X_TOLERANCE * (self.range.max - self.range.min)
        };
        let mut steps = 0;
        while (yes - no).abs() > tolerance && steps < MAX_ITERATIONS {
            let mut mid = (yes + no) / 2.0;
            if self.range.whole {
                mid = mid.round();
            }
            if mid == yes || mid == no {
                break;
            }
            let Some(p) = self.try_at(mid) else { break };
            steps += 1;
            if p.met {
                yes = mid;
            } else {
                no = mid;
            }
        }
        self.steps += steps;
    }
}

/// Tries values of one input in `range` through `eval` (which returns
/// `None` for a value it refuses) and finds where `target` holds: the scan
/// of [`scan_points`]; if it moves nothing, [`Found::NoEffect`]; then a
/// golden-section search near the [`REFINED_OPTIMA`] best local readings
/// that miss; then bisection of every end where a meeting value neighbours
/// a missing one, ends nearest `current` first. At most `budget` runs:
/// once spent, the remaining ends stay at the resolution reached.
pub fn search(
    range: Range,
    current: f64,
    target: Target,
    budget: u32,
    eval: impl FnMut(f64) -> Option<Reading>,
) -> Found {
    let mut s = Searcher {
        range,
        target,
        eval,
        probes: Vec::new(),
        runs: 0,
        budget,
        steps: 0,
    };
    for v in scan_points(range, current) {
        let _ = s.try_at(v);
    }

    let Some(first) = s.sorted().first().copied() else {
        return Found::NoEffect { runs: s.runs };
    };
    let scale = first.reading.shown.abs().max(1.0);
    let flat = s.probes.iter().all(|p| {
        (p.reading.shown - first.reading.shown).abs() <= 1e-9 * scale
            && p.reading.note == first.reading.note
    });
    if flat {
        return Found::NoEffect { runs: s.runs };
    }

    // Local best readings that miss, best first, with their neighbours.
    let scan = s.sorted().to_vec();
    let mut optima: Vec<(f64, f64, f64)> = Vec::new();
    for (i, p) in scan.iter().enumerate() {
        if p.met {
            continue;
        }
        let left = i.checked_sub(1).and_then(|j| scan.get(j));
        let right = scan.get(i + 1);
        let bad = target.badness(&p.reading);
        let not_worse = |q: Option<&Probe>| q.is_none_or(|q| bad <= target.badness(&q.reading));
        let better = |q: Option<&Probe>| q.is_some_and(|q| bad < target.badness(&q.reading));
        if not_worse(left) && not_worse(right) && (better(left) || better(right)) {
            let a = left.map_or(p.value, |q| q.value);
            let b = right.map_or(p.value, |q| q.value);
            optima.push((bad, a, b));
        }
    }
    optima.sort_by(|x, y| x.0.total_cmp(&y.0));
    for &(_, a, b) in optima.iter().take(REFINED_OPTIMA) {
        s.refine(a, b);
    }

    // Every end: a meeting value next to a missing one.
    let sorted = s.sorted().to_vec();
    let mut ends: Vec<(f64, f64)> = sorted
        .windows(2)
        .filter(|w| w[0].met != w[1].met)
        .map(|w| {
            if w[0].met {
                (w[0].value, w[1].value)
            } else {
                (w[1].value, w[0].value)
            }
        })
        .collect();
    ends.sort_by(|x, y| (x.0 - current).abs().total_cmp(&(y.0 - current).abs()));
    for (yes, no) in ends {
        s.bisect(yes, no);
    }

    s.sorted();
    Found::Tried(Tried {
        probes: s.probes,
        runs: s.runs,
        steps: s.steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payback(months: f64) -> Option<Reading> {
        Some(Reading::number(months))
    }

    fn tried(found: Found) -> Tried {
        match found {
            Found::Tried(t) => t,
            Found::NoEffect { .. } => panic!("the shape moves the reading"),
        }
    }

    #[test]
    fn the_scan_holds_both_ends_every_small_whole_number_and_today() {
        let aes = Range::whole(0.0, 1_000.0);
        let p = scan_points(aes, 4.0);
        assert_eq!(p.first(), Some(&0.0));
        assert_eq!(p.last(), Some(&1_000.0));
        for n in 0..=64 {
            assert!(p.contains(&f64::from(n)), "{n} missing");
        }
        assert!(p.iter().all(|v| v.fract() == 0.0));
        assert!(p.windows(2).all(|w| w[0] < w[1]));

        let spend = Range::new(0.0, 100_000_000.0);
        let p = scan_points(spend, 60_000.0);
        assert!(p.contains(&60_000.0) && p.contains(&57_000.0) && p.contains(&90_000.0));
        // Geometric steps of about 15 % from $100 a month up.
        let near = p
            .iter()
            .filter(|v| (10_000.0..=100_000.0).contains(*v))
            .count();
        assert!(near >= PER_DECADE, "{near} points between $10k and $100k");
        assert!(p.len() < 200, "{} points", p.len());
    }

    #[test]
    fn a_whole_range_finds_both_interior_intervals() {
        // Meets on 2–3 and on 40–45 of 0–1,000.
        let shape = |x: f64| {
            payback(if (2.0..=3.0).contains(&x) || (40.0..=45.0).contains(&x) {
                10.0
            } else {
                30.0
            })
        };
        let t = tried(search(
            Range::whole(0.0, 1_000.0),
            20.0,
            Target::PaybackBelow(18.0),
            400,
            shape,
        ));
        let got: Vec<_> = t
            .intervals()
            .iter()
            .map(|i| (i.lo, i.hi, i.miss_below, i.miss_above))
            .collect();
        assert_eq!(
            got,
            vec![
                (2.0, 3.0, Some(1.0), Some(4.0)),
                (40.0, 45.0, Some(39.0), Some(46.0))
            ]
        );
    }

    #[test]
    fn a_narrow_dip_between_scan_points_is_found_by_the_refinement() {
        // A V-shaped payback whose bottom (9.9) is under the target only
        // within ±0.5 of 777.7 on 0–1,000: far narrower than the scan's
        // steps there (15.6 apart).
        let shape = |x: f64| payback(9.9 + (x - 777.7).abs() * 0.2);
        let t = tried(search(
            Range::new(0.0, 1_000.0),
            10.0,
            Target::PaybackBelow(10.0),
            400,
            shape,
        ));
        let ivs = t.intervals();
        assert_eq!(ivs.len(), 1, "{ivs:?}");
        let iv = ivs[0];
        assert!(
            (iv.lo - 777.2).abs() < 1e-4 && (iv.hi - 778.2).abs() < 1e-4,
            "{iv:?}"
        );
        assert!(t.runs <= 400);
    }

    #[test]
    fn the_budget_caps_the_runs_and_every_end_stays_a_true_bracket() {
        let shape = |x: f64| payback(if (x * 7.0).sin() > 0.0 { 5.0 } else { 50.0 });
        let t = tried(search(
            Range::new(0.0, 100.0),
            50.0,
            Target::PaybackBelow(12.0),
            250,
            shape,
        ));
        assert!(t.runs <= 250);
        for iv in t.intervals() {
            assert!(shape(iv.lo).is_some_and(|r| r.shown <= 12.0));
            assert!(shape(iv.hi).is_some_and(|r| r.shown <= 12.0));
            for miss in [iv.miss_below, iv.miss_above].into_iter().flatten() {
                assert!(shape(miss).is_some_and(|r| r.shown > 12.0));
            }
        }
    }

    #[test]
    fn a_flat_shape_has_no_effect() {
        let found = search(
            Range::new(0.0, 100.0),
            3.0,
            Target::PaybackBelow(12.0),
            400,
            |_| payback(20.0),
        );
        assert!(matches!(found, Found::NoEffect { runs } if runs > 100));
    }
}
