//! "What would flip it": the smallest change of answers that gives another
//! motion.
//!
//! Search: first every single change of an answered question (in a factor of
//! weight above 0) to another concrete option; if none changes the motion,
//! every pair of such changes. "Not sure" answers may become a concrete
//! option; no answer is changed *to* "Not sure", and unanswered questions are
//! left alone (the flip speaks about what the user told us).
//!
//! Among the changes that give another motion, the smallest move of the
//! answers wins: the least total change of option leans, Σ|new − old|
//! ("Not sure" counting as 0). Because a question in a heavy factor with few
//! questions moves the position most per lean point, this favours the
//! answers that matter most. Ties go to the smaller move of the position,
//! then to questionnaire order.

use std::collections::BTreeMap;

use serde::Serialize;

use super::factors::{Factor, Weights};
use super::questions::{question, AnswerOption, QUESTIONS};
use super::scoring::{motion_at, score, Core};
use crate::domain::motion::Motion;

/// A change of one or two answers and the motion it would lead to.
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

/// "If ⟨topic⟩ were “⟨option⟩”, the recommendation would be ⟨motion⟩."
/// Two changes are joined with "and".
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
        parts.join(" and "),
        flip.to.label()
    )
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
    order: usize,
    qid: &'static str,
    factor: Factor,
    old: Option<i32>,
    new: &'static AnswerOption,
}

impl Candidate {
    fn lean_move(&self) -> i64 {
        (i64::from(self.new.lean) - i64::from(self.old.unwrap_or(0))).abs()
    }
}

/// Finds the flip for answers already scored into `core`; `None` when no
/// change of one or two answers gives another motion.
pub(crate) fn find_flip(
    answers: &BTreeMap<String, String>,
    weights: &Weights,
    core: &Core,
) -> Option<Flip> {
    let base = Sums::new(answers, weights);
    let mut candidates = Vec::new();
    for (order, q) in QUESTIONS.iter().enumerate() {
        if weights.get(q.factor) == 0 {
            continue; // a change there cannot move the position
        }
        let Some(current) = answers.get(q.id).filter(|a| q.accepts(a)) else {
            continue;
        };
        let old = q.option(current).map(|o| o.lean);
        for o in q.options.iter().filter(|o| o.id != current.as_str()) {
            candidates.push(Candidate {
                order,
                qid: q.id,
                factor: q.factor,
                old,
                new: o,
            });
        }
    }

    // (lean move, position move, order…, changes, new position)
    type Ranked<'a> = (i64, f64, Vec<usize>, Vec<&'a Candidate>, f64);
    let mut found: Vec<Ranked> = Vec::new();
    for c in &candidates {
        let mut s = base;
        s.change(c);
        if let Some(p) = s.position() {
            if motion_at(p) != core.motion {
                found.push((
                    c.lean_move(),
                    (p - core.position).abs(),
                    vec![c.order],
                    vec![c],
                    p,
                ));
            }
        }
    }
    if found.is_empty() {
        for (i, a) in candidates.iter().enumerate() {
            for b in candidates.iter().skip(i + 1) {
                if a.qid == b.qid {
                    continue;
                }
                let mut s = base;
                s.change(a);
                s.change(b);
                if let Some(p) = s.position() {
                    if motion_at(p) != core.motion {
                        found.push((
                            a.lean_move() + b.lean_move(),
                            (p - core.position).abs(),
                            vec![a.order, b.order],
                            vec![a, b],
                            p,
                        ));
                    }
                }
            }
        }
    }
    found.sort_by(|x, y| {
        x.0.cmp(&y.0)
            .then(x.1.total_cmp(&y.1))
            .then_with(|| x.2.cmp(&y.2))
            .then_with(|| {
                let xi: Vec<&str> = x.3.iter().map(|c| c.new.id).collect();
                let yi: Vec<&str> = y.3.iter().map(|c| c.new.id).collect();
                xi.cmp(&yi)
            })
    });
    // Confirm with the real scorer, so the promise holds exactly as shown.
    for (_, _, _, changes, _) in found {
        let flip_changes: Vec<(&'static str, &'static str)> =
            changes.iter().map(|c| (c.qid, c.new.id)).collect();
        let mut trial = answers.clone();
        for (q, o) in &flip_changes {
            trial.insert((*q).to_string(), (*o).to_string());
        }
        if let Some(after) = score(&trial, weights) {
            if after.motion != core.motion {
                return Some(Flip {
                    changes: flip_changes,
                    to: after.motion,
                    position: after.position,
                });
            }
        }
    }
    None
}
