//! "What would flip it": the smallest change of answers that gives another
//! motion.
//!
//! **Smallest** means, in this order:
//! 1. the fewest answers changed: every single change is tried first, then
//!    every pair, then every triple (at most [`MAX_FLIP_CHANGES`]);
//! 2. among changes of that many answers, the smallest move of the position,
//!    `|p_after − p|`: the change that only just crosses the edge;
//! 3. then questionnaire order (of the questions, then of their options), so
//!    the same answers always give the same flip.
//!
//! What may change: every answered question in a factor of weight above 0,
//! to any other of its concrete options, at most once per question. Turning
//! a "Not sure" into a concrete answer is one change like any other. No
//! answer is changed *to* "Not sure", and unanswered questions stay out of
//! the search (the flip speaks about what the user told us).
//!
//! When no change of up to three answers gives another motion, the outcome
//! is [`FlipOutcome::None`] with a [`NoFlip`] that says why: how far the
//! strongest changes can move the position toward each edge of its band, and
//! which factors keep it on this side.
//!
//! Cost: with all 20 questions answered there are about 50 single changes,
//! 1,200 pairs and 18,000 triples. Each is scored on per-factor running sums
//! (no answer map is rebuilt), and triples are only tried when no pair
//! flips; the worst case takes well under a millisecond natively (the
//! ignored test `flip_search_statistics` measures it).

use std::collections::BTreeMap;

use serde::Serialize;

use super::factors::{Factor, Weights};
use super::questions::{question, AnswerOption, QUESTIONS};
use super::scoring::{motion_at, score, Core, BANDS};
use super::table::signed;
use crate::domain::motion::Motion;

/// The most answers a flip changes.
pub const MAX_FLIP_CHANGES: usize = 3;

/// A change of one to [`MAX_FLIP_CHANGES`] answers and the motion it would
/// lead to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flip {
    /// (question id, option id) pairs to apply, in questionnaire order.
    pub changes: Vec<(&'static str, &'static str)>,
    /// The motion after the change.
    pub to: Motion,
    /// The position after the change (−100 ..= 100).
    pub position: f64,
}

impl Flip {
    /// The answers with the changes applied.
    pub fn apply(&self, answers: &BTreeMap<String, String>) -> BTreeMap<String, String> {
        let mut out = answers.clone();
        for (q, o) in &self.changes {
            out.insert((*q).to_string(), (*o).to_string());
        }
        out
    }
}

/// What the flip search found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum FlipOutcome {
    /// The smallest change that gives another motion.
    Found(Flip),
    /// No change of up to [`MAX_FLIP_CHANGES`] answers gives another motion.
    None {
        /// Why not.
        reason: NoFlip,
    },
}

impl FlipOutcome {
    /// The flip, if one was found.
    pub fn flip(&self) -> Option<&Flip> {
        match self {
            FlipOutcome::Found(f) => Some(f),
            FlipOutcome::None { .. } => None,
        }
    }

    /// The sentence the app shows: [`flip_sentence`] or [`no_flip_sentence`].
    pub fn sentence(&self) -> String {
        match self {
            FlipOutcome::Found(f) => flip_sentence(f),
            FlipOutcome::None { reason } => no_flip_sentence(reason),
        }
    }
}

/// Why no change of up to [`MAX_FLIP_CHANGES`] answers moves the result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NoFlip {
    /// The position today (−100 ..= 100).
    pub position: f64,
    /// One entry per edge of the band that has a motion beyond it (one for
    /// the outer bands, two for the others), the lower edge first.
    pub edges: Vec<EdgeReach>,
    /// Questions of factors that count left unanswered: not part of the
    /// search, so answering them may make a flip possible.
    pub unanswered: usize,
}

/// How close the search came to one edge of the band.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EdgeReach {
    /// The edge (position units): −60, −20, +20 or +60.
    pub edge: f64,
    /// The motion on the other side of it.
    pub beyond: Motion,
    /// The position nearest the edge that any change of up to
    /// [`MAX_FLIP_CHANGES`] answers reaches.
    pub closest: f64,
    /// Counted factors that keep the position on this side, strongest first:
    /// those whose term `w_f·(l_f − edge) / Σw` has the sign of
    /// `position − edge` (the terms add up to `position − edge`).
    pub holding: Vec<Factor>,
}

/// "If ⟨topic⟩ were “⟨option⟩”, the recommendation would be ⟨motion⟩."
/// Two changes are joined with "and", three as "A, B and C".
pub fn flip_sentence(flip: &Flip) -> String {
    let parts: Vec<String> = flip
        .changes
        .iter()
        .map(|(qid, oid)| match question(qid) {
            Some(q) => {
                let label = q.option(oid).map_or(*oid, |o| o.label);
                format!("{} were “{}”", q.topic, label)
            }
            None => format!("{qid} were “{oid}”"),
        })
        .collect();
    format!(
        "If {}, the recommendation would be {}.",
        join_and(&parts),
        flip.to.label()
    )
}

/// Says in plain words why nothing of up to three answers moves the result:
/// how far the position is from each edge, how close the strongest changes
/// get, which factors hold it back, and that unanswered questions were not
/// tried.
pub fn no_flip_sentence(reason: &NoFlip) -> String {
    let n = count_word(MAX_FLIP_CHANGES);
    let mut s = format!(
        "At {}, no change of up to {n} answers leads to another motion.",
        signed(reason.position)
    );
    let reaches: Vec<String> = reason
        .edges
        .iter()
        .map(|e| {
            let edge = format!("the {} edge of {}", signed(e.edge), e.beyond.label());
            // A reach that rounds to the edge itself would read as a crossing.
            if signed(e.closest) == signed(e.edge) {
                format!("right up to {edge} but not past it")
            } else {
                format!("to {}, short of {edge}", signed(e.closest))
            }
        })
        .collect();
    if !reaches.is_empty() {
        s.push_str(&format!(
            " The most they can move the position is {}.",
            reaches.join(", or ")
        ));
    }
    // Name what holds it back from the edge the search came nearest to.
    let nearest = reason.edges.iter().min_by(|a, b| {
        (a.edge - a.closest)
            .abs()
            .total_cmp(&(b.edge - b.closest).abs())
    });
    if let Some(e) = nearest {
        let names: Vec<String> = e
            .holding
            .iter()
            .take(2)
            .map(|f| format!("“{}”", f.label()))
            .collect();
        if !names.is_empty() {
            s.push_str(&format!(
                " Most of what keeps it from {} comes from {}.",
                signed(e.edge),
                join_and(&names)
            ));
        }
    }
    match reason.unanswered {
        0 => {}
        1 => s.push_str(" The one question left unanswered was not part of this search."),
        k => s.push_str(&format!(
            " The {k} questions left unanswered were not part of this search."
        )),
    }
    s
}

/// "A", "A and B", "A, B and C".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn count_word(n: usize) -> String {
    match n {
        1 => "one".to_string(),
        2 => "two".to_string(),
        3 => "three".to_string(),
        _ => n.to_string(),
    }
}

/// Per-factor running totals, mirroring the arithmetic of `score` so the
/// search can try thousands of changes without rebuilding the answers.
#[derive(Clone, Copy)]
struct Sums {
    weight: [u8; 6],
    sum: [i64; 6],
    n: [usize; 6],
}

/// Index into the per-factor arrays; the enum is declared in `Factor::ALL` order.
fn factor_index(f: Factor) -> usize {
    f as usize
}

impl Sums {
    fn new(answers: &BTreeMap<String, String>, weights: &Weights) -> Sums {
        let mut s = Sums {
            weight: Factor::ALL.map(|f| weights.get(f)),
            sum: [0; 6],
            n: [0; 6],
        };
        for q in QUESTIONS {
            if let Some(o) = answers.get(q.id).and_then(|a| q.option(a)) {
                let i = factor_index(q.factor);
                s.sum[i] += i64::from(o.lean);
                s.n[i] += 1;
            }
        }
        s
    }

    fn change(&mut self, c: &Candidate) {
        let i = factor_index(c.factor);
        match c.old {
            Some(old) => self.sum[i] += i64::from(c.new.lean) - i64::from(old),
            None => {
                self.sum[i] += i64::from(c.new.lean);
                self.n[i] += 1;
            }
        }
    }

    fn position(&self) -> Option<f64> {
        let mut total_w = 0.0;
        let mut weighted = 0.0;
        for i in 0..6 {
            if self.weight[i] > 0 && self.n[i] > 0 {
                let mean = (self.sum[i] as f64 / self.n[i] as f64).clamp(-100.0, 100.0);
                total_w += f64::from(self.weight[i]);
                weighted += f64::from(self.weight[i]) * mean;
            }
        }
        if total_w > 0.0 {
            Some((weighted / total_w).clamp(-100.0, 100.0))
        } else {
            None
        }
    }
}

/// One possible change of one answer.
struct Candidate {
    /// Index of the question in [`QUESTIONS`].
    order: usize,
    qid: &'static str,
    factor: Factor,
    /// The lean of the current answer; `None` for "Not sure".
    old: Option<i32>,
    new: &'static AnswerOption,
}

/// Every change the search may make, in questionnaire order (question, then
/// option), so that visiting them in index order is questionnaire order.
fn candidates(answers: &BTreeMap<String, String>, weights: &Weights) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (order, q) in QUESTIONS.iter().enumerate() {
        if weights.get(q.factor) == 0 {
            continue; // a change there cannot move the position
        }
        let Some(current) = answers.get(q.id).filter(|a| q.accepts(a)) else {
            continue; // unanswered: left alone
        };
        let old = q.option(current).map(|o| o.lean);
        for o in q.options.iter().filter(|o| o.id != current.as_str()) {
            out.push(Candidate {
                order,
                qid: q.id,
                factor: q.factor,
                old,
                new: o,
            });
        }
    }
    out
}

/// Calls `visit(picked, position)` for every set of `left` more candidates
/// with indices from `start` on, at most one per question, in lexicographic
/// order of candidate indices.
fn each_set(
    cands: &[Candidate],
    start: usize,
    left: usize,
    sums: Sums,
    picked: &mut Vec<usize>,
    visit: &mut impl FnMut(&[usize], f64),
) {
    if left == 0 {
        if let Some(p) = sums.position() {
            visit(picked, p);
        }
        return;
    }
    for i in start..cands.len() {
        // Candidates of one question are adjacent, so only the last pick can
        // share this one's question.
        if picked
            .last()
            .is_some_and(|&j| cands[j].order == cands[i].order)
        {
            continue;
        }
        let mut s = sums;
        s.change(&cands[i]);
        picked.push(i);
        each_set(cands, i + 1, left - 1, s, picked, visit);
        picked.pop();
    }
}

/// Finds the flip for answers already scored into `core`; see the module
/// docs for what "smallest" means.
pub(crate) fn find_flip(
    answers: &BTreeMap<String, String>,
    weights: &Weights,
    core: &Core,
) -> FlipOutcome {
    let base = Sums::new(answers, weights);
    let cands = candidates(answers, weights);
    // The lowest and highest positions any tried change reaches.
    let (mut lo, mut hi) = (core.position, core.position);
    for k in 1..=MAX_FLIP_CHANGES {
        // (position move, candidate indices) of every set that changes the motion.
        let mut found: Vec<(f64, Vec<usize>)> = Vec::new();
        each_set(
            &cands,
            0,
            k,
            base,
            &mut Vec::with_capacity(k),
            &mut |set, p| {
                lo = lo.min(p);
                hi = hi.max(p);
                if motion_at(p) != core.motion {
                    found.push(((p - core.position).abs(), set.to_vec()));
                }
            },
        );
        // Index order is questionnaire order, so comparing index lists breaks
        // ties by question, then option.
        found.sort_by(|x, y| x.0.total_cmp(&y.0).then_with(|| x.1.cmp(&y.1)));
        // Confirm with the real scorer, so the promise holds exactly as shown.
        for (_, set) in found {
            let changes: Vec<(&'static str, &'static str)> = set
                .iter()
                .map(|&i| (cands[i].qid, cands[i].new.id))
                .collect();
            let mut trial = answers.clone();
            for (q, o) in &changes {
                trial.insert((*q).to_string(), (*o).to_string());
            }
            if let Some(after) = score(&trial, weights) {
                if after.motion != core.motion {
                    return FlipOutcome::Found(Flip {
                        changes,
                        to: after.motion,
                        position: after.position,
                    });
                }
            }
        }
    }
    FlipOutcome::None {
        reason: no_flip(answers, weights, core, lo, hi),
    }
}

/// Explains a failed search that reached positions `lo ..= hi`.
fn no_flip(
    answers: &BTreeMap<String, String>,
    weights: &Weights,
    core: &Core,
    lo: f64,
    hi: f64,
) -> NoFlip {
    let counted: Vec<(Factor, f64, f64)> = core
        .factors
        .iter()
        .filter(|f| f.weight > 0)
        .filter_map(|f| Some((f.factor, f64::from(f.weight), f.lean?)))
        .collect();
    let total_w: f64 = counted.iter().map(|c| c.1).sum();
    // Factors whose term w·(l − edge)/Σw points the same way as position − edge.
    let holding = |edge: f64, side: f64| -> Vec<Factor> {
        if total_w <= 0.0 {
            return Vec::new();
        }
        let mut terms: Vec<(Factor, f64)> = counted
            .iter()
            .map(|(f, w, l)| (*f, side * w * (l - edge) / total_w))
            .filter(|(_, t)| *t > 0.0)
            .collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1));
        terms.into_iter().map(|(f, _)| f).collect()
    };
    let mut edges = Vec::new();
    if let Some(i) = BANDS.iter().position(|b| b.motion == core.motion) {
        let band = BANDS[i];
        if let Some(below) = i.checked_sub(1).and_then(|j| BANDS.get(j)) {
            edges.push(EdgeReach {
                edge: band.lo,
                beyond: below.motion,
                closest: lo,
                holding: holding(band.lo, 1.0),
            });
        }
        if let Some(above) = BANDS.get(i + 1) {
            edges.push(EdgeReach {
                edge: band.hi,
                beyond: above.motion,
                closest: hi,
                holding: holding(band.hi, -1.0),
            });
        }
    }
    let unanswered = QUESTIONS
        .iter()
        .filter(|q| weights.get(q.factor) > 0)
        .filter(|q| !answers.get(q.id).is_some_and(|a| q.accepts(a)))
        .count();
    NoFlip {
        position: core.position,
        edges,
        unanswered,
    }
}
