//! From answers and weights to a position on the spectrum, a motion, a
//! confidence figure and a per-factor breakdown.
//!
//! # Formulas
//! - **Answer lean**: the chosen option's `lean` (−100 ..= +100). "Not sure",
//!   unanswered questions and ids not in the bank carry no lean.
//! - **Factor lean** `l_f`: the plain mean of the leans of the factor's
//!   answered questions; none when it has no scored answer.
//! - **Position** `p = Σ w_f·l_f / Σ w_f` over the factors with a lean and a
//!   weight `w_f` above 0; −100 is fully product-led, +100 fully sales-led.
//! - **Contribution** of a factor: `w_f·l_f / Σ w_f`; the contributions add
//!   up to the position.
//! - **Motion**: the band the position falls in (see [`BANDS`]); the bands
//!   are five equal fifths of the spectrum, so the band is also the motion
//!   whose centre is nearest.
//! - **Fit** of each motion: `100 − 1.25 × |p − centre|`, floored at 0 and
//!   rounded: 100 at the centre, 75 at the band edge, 50 at the next centre.
//! - **Confidence** (0–100): `100 × coverage × agreement`, rounded, where
//!   `coverage` = scored answers ÷ questions in the factors that count, and
//!   `agreement = 1 − s/100` with `s` the weighted standard deviation of the
//!   factor leans around `p` (0 when the factors agree, up to 100 when they
//!   sit at opposite ends). Few answers or factors that pull apart both lower it.
//! - **Enough answers**: a result needs at least one scored answer per
//!   counting factor on average, i.e. scored answers (not "Not sure") in
//!   factors of weight above 0 ≥ the number of such factors (6 with the
//!   default weights). Below that, or when every weight is 0, the outcome is
//!   [`Outcome::NotEnough`] and no motion is shown.

use std::collections::BTreeMap;

use serde::Serialize;

use super::factors::{Factor, Weights};
use super::flip::{find_flip, Flip};
use super::questions::{question, questions_for, AnswerOption, QUESTIONS};
use super::warnings::{warnings, Warning};
use crate::domain::motion::Motion;

/// One motion's band on the position axis: `lo ..= hi` with the boundary
/// rule of [`motion_at`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Band {
    /// The motion of this band.
    pub motion: Motion,
    /// Lower edge of the band (position units, −100 ..= 100).
    pub lo: f64,
    /// Upper edge of the band.
    pub hi: f64,
    /// Middle of the band, where the motion's fit is 100.
    pub centre: f64,
}

/// The five bands, product-led first: −100 ..−60 ..−20 ..20 ..60 ..100.
pub const BANDS: [Band; 5] = [
    Band {
        motion: Motion::ProductLed,
        lo: -100.0,
        hi: -60.0,
        centre: -80.0,
    },
    Band {
        motion: Motion::ProductLedSalesAssist,
        lo: -60.0,
        hi: -20.0,
        centre: -40.0,
    },
    Band {
        motion: Motion::HybridFreemiumEnterprise,
        lo: -20.0,
        hi: 20.0,
        centre: 0.0,
    },
    Band {
        motion: Motion::SalesLedProductAdoption,
        lo: 20.0,
        hi: 60.0,
        centre: 40.0,
    },
    Band {
        motion: Motion::SalesLed,
        lo: 60.0,
        hi: 100.0,
        centre: 80.0,
    },
];

/// The band of a motion.
pub fn band(motion: Motion) -> Band {
    match motion {
        Motion::ProductLed => BANDS[0],
        Motion::ProductLedSalesAssist => BANDS[1],
        Motion::HybridFreemiumEnterprise => BANDS[2],
        Motion::SalesLedProductAdoption => BANDS[3],
        Motion::SalesLed => BANDS[4],
    }
}

/// The motion for a position. A position exactly on an edge goes to the
/// outer motion: ≤ −60 product-led; (−60, −20] product-led with sales assist;
/// (−20, 20) hybrid; [20, 60) sales-led with product adoption; ≥ 60 sales-led.
/// A non-finite position (never produced here) is treated as 0.
pub fn motion_at(position: f64) -> Motion {
    let p = if position.is_finite() { position } else { 0.0 };
    if p <= -60.0 {
        Motion::ProductLed
    } else if p <= -20.0 {
        Motion::ProductLedSalesAssist
    } else if p < 20.0 {
        Motion::HybridFreemiumEnterprise
    } else if p < 60.0 {
        Motion::SalesLedProductAdoption
    } else {
        Motion::SalesLed
    }
}

/// Fit of a motion to a position, 0–100: `100 − 1.25 × |p − centre|`,
/// floored at 0, rounded.
pub fn fit(motion: Motion, position: f64) -> u8 {
    let d = (position - band(motion).centre).abs();
    let f = (100.0 - 1.25 * d).clamp(0.0, 100.0);
    if f.is_finite() {
        f.round() as u8
    } else {
        0
    }
}

/// What running a motion means, in two short sentences.
pub fn motion_description(motion: Motion) -> &'static str {
    match motion {
        Motion::ProductLed => {
            "People find the product, get value alone and pay by card. You invest in onboarding, in-app upgrades and usage data rather than sellers."
        }
        Motion::ProductLedSalesAssist => {
            "The product still brings customers in. A small sales team calls the accounts whose usage shows intent and helps them onto bigger plans."
        }
        Motion::HybridFreemiumEnterprise => {
            "A free or low-cost plan lets teams start alone. A sales team sells an enterprise plan, with security, support and custom terms, to the larger ones."
        }
        Motion::SalesLedProductAdoption => {
            "Sellers win the contract; then the product takes over. Guided setup and in-app help get every user going without heavy services."
        }
        Motion::SalesLed => {
            "Sellers find, qualify and close each account through demos and negotiation. It pays when contracts are large and many people decide."
        }
    }
}

/// The result of [`assess`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Outcome {
    /// Too few scored answers for a result; never a guess.
    NotEnough {
        /// Scored answers ("Not sure" excluded) in factors that count.
        scored: usize,
        /// Scored answers needed: one per factor of weight above 0, at least 1.
        /// When every weight is 0 ([`Weights::active_count`] is 0) no number
        /// of answers is enough; the UI should ask for a weight instead.
        needed: usize,
    },
    /// A recommendation.
    Ready(Assessment),
}

impl Outcome {
    /// The assessment, if there is one.
    pub fn assessment(&self) -> Option<&Assessment> {
        match self {
            Outcome::Ready(a) => Some(a),
            Outcome::NotEnough { .. } => None,
        }
    }

    /// The recommended motion, if there is one.
    pub fn motion(&self) -> Option<Motion> {
        self.assessment().map(|a| a.motion)
    }
}

/// A recommendation with everything that explains it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    /// −100 (fully product-led) ..= +100 (fully sales-led).
    pub position: f64,
    /// The motion of the band the position falls in.
    pub motion: Motion,
    /// All five motions with their fit (0–100), best first; the first is `motion`.
    pub ranking: Vec<(Motion, u8)>,
    /// 0–100; see the module docs for the formula.
    pub confidence: u8,
    /// One entry per factor, in [`Factor::ALL`] order.
    pub factors: Vec<FactorResult>,
    /// Answers that contradict each other.
    pub warnings: Vec<Warning>,
    /// The smallest change of answers that gives another motion, if any.
    pub flip: Option<Flip>,
}

/// How one factor scored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorResult {
    /// The factor.
    pub factor: Factor,
    /// Its weight, 0–10.
    pub weight: u8,
    /// Mean lean of its scored answers (−100 ..= 100); `None` without any.
    /// Shown even when the weight is 0, though it then counts for nothing.
    pub lean: Option<f64>,
    /// Its share of the position: `w·lean / Σw`; 0 when excluded or unanswered.
    pub contribution: f64,
    /// Questions of the factor answered, "Not sure" included.
    pub answered: usize,
    /// Questions of the factor with a lean (not "Not sure").
    pub scored: usize,
    /// One sentence on why it leans the way it does.
    pub why: String,
}

/// The scoring core without warnings and flip; shared with the flip finder.
pub(crate) struct Core {
    pub(crate) position: f64,
    pub(crate) motion: Motion,
    pub(crate) confidence: u8,
    pub(crate) factors: Vec<FactorResult>,
}

/// The scored option for a question, if the answer is a known, concrete option.
pub(crate) fn scored_option(
    answers: &BTreeMap<String, String>,
    qid: &str,
) -> Option<&'static AnswerOption> {
    let q = question(qid)?;
    q.option(answers.get(qid)?)
}

/// Counts scored answers in factors of weight above 0, and how many are needed.
fn enough(answers: &BTreeMap<String, String>, weights: &Weights) -> (usize, usize) {
    let scored = QUESTIONS
        .iter()
        .filter(|q| weights.get(q.factor) > 0 && scored_option(answers, q.id).is_some())
        .count();
    (scored, weights.active_count().max(1))
}

fn mean(leans: &[i32]) -> Option<f64> {
    if leans.is_empty() {
        return None;
    }
    let sum: f64 = leans.iter().map(|l| f64::from(*l)).sum();
    Some((sum / leans.len() as f64).clamp(-100.0, 100.0))
}

/// Computes the position and breakdown; `None` when there are not enough answers.
pub(crate) fn score(answers: &BTreeMap<String, String>, weights: &Weights) -> Option<Core> {
    let (scored_total, needed) = enough(answers, weights);
    if weights.active_count() == 0 || scored_total < needed {
        return None;
    }
    struct Partial {
        factor: Factor,
        weight: u8,
        lean: Option<f64>,
        answered: usize,
        chosen: Vec<&'static AnswerOption>,
        questions: usize,
    }
    let partials: Vec<Partial> = Factor::ALL
        .into_iter()
        .map(|f| {
            let mut answered = 0;
            let mut questions = 0;
            let mut chosen = Vec::new();
            for q in questions_for(f) {
                questions += 1;
                if answers.get(q.id).is_some_and(|a| q.accepts(a)) {
                    answered += 1;
                }
                if let Some(o) = scored_option(answers, q.id) {
                    chosen.push(o);
                }
            }
            let leans: Vec<i32> = chosen.iter().map(|o| o.lean).collect();
            Partial {
                factor: f,
                weight: weights.get(f),
                lean: mean(&leans),
                answered,
                chosen,
                questions,
            }
        })
        .collect();

    // Only factors that count and have a lean enter the mean.
    let total_w: f64 = partials
        .iter()
        .filter(|p| p.weight > 0 && p.lean.is_some())
        .map(|p| f64::from(p.weight))
        .sum();
    if total_w <= 0.0 {
        return None;
    }
    let weighted: f64 = partials
        .iter()
        .filter(|p| p.weight > 0)
        .filter_map(|p| p.lean.map(|l| f64::from(p.weight) * l))
        .sum();
    let position = (weighted / total_w).clamp(-100.0, 100.0);

    let variance: f64 = partials
        .iter()
        .filter(|p| p.weight > 0)
        .filter_map(|p| p.lean.map(|l| f64::from(p.weight) * (l - position).powi(2)))
        .sum::<f64>()
        / total_w;
    let spread = variance.max(0.0).sqrt().min(100.0);
    let agreement = 1.0 - spread / 100.0;
    let active_questions: usize = partials
        .iter()
        .filter(|p| p.weight > 0)
        .map(|p| p.questions)
        .sum();
    let coverage = if active_questions == 0 {
        0.0
    } else {
        (scored_total as f64 / active_questions as f64).min(1.0)
    };
    let confidence = (100.0 * coverage * agreement).clamp(0.0, 100.0).round() as u8;

    let factors = partials
        .into_iter()
        .map(|p| {
            let contribution = match p.lean {
                Some(l) if p.weight > 0 => f64::from(p.weight) * l / total_w,
                _ => 0.0,
            };
            FactorResult {
                factor: p.factor,
                weight: p.weight,
                lean: p.lean,
                contribution,
                answered: p.answered,
                scored: p.chosen.len(),
                why: why(p.weight, p.lean, p.answered, &p.chosen),
            }
        })
        .collect();
    Some(Core {
        position,
        motion: motion_at(position),
        confidence,
        factors,
    })
}

/// The words for a lean: "Balanced", "Leans product-led", "Strongly sales-led"…
pub fn lean_phrase(lean: f64) -> &'static str {
    if lean <= -50.0 {
        "Strongly product-led"
    } else if lean <= -15.0 {
        "Leans product-led"
    } else if lean < 15.0 {
        "Balanced"
    } else if lean < 50.0 {
        "Leans sales-led"
    } else {
        "Strongly sales-led"
    }
}

/// One sentence on a factor's lean, built from its answers: the lean in
/// words, then the reason of the answer that pulls hardest that way.
fn why(weight: u8, lean: Option<f64>, answered: usize, chosen: &[&'static AnswerOption]) -> String {
    if weight == 0 {
        return "Left out: its weight is 0.".to_string();
    }
    let Some(l) = lean else {
        return if answered == 0 {
            "No answers yet.".to_string()
        } else {
            "Only “Not sure” so far, so no lean.".to_string()
        };
    };
    let phrase = lean_phrase(l);
    if phrase == "Balanced" {
        let pulls_both =
            chosen.iter().any(|o| o.lean <= -15) && chosen.iter().any(|o| o.lean >= 15);
        if pulls_both {
            return "Balanced: the answers pull both ways.".to_string();
        }
        let nearest = chosen.iter().min_by_key(|o| o.lean.abs());
        return match nearest {
            Some(o) => format!("Balanced: {}", o.reason),
            None => "Balanced.".to_string(),
        };
    }
    // The answer that pulls hardest in the factor's direction.
    let strongest = if l < 0.0 {
        chosen.iter().min_by_key(|o| o.lean)
    } else {
        chosen.iter().max_by_key(|o| o.lean)
    };
    match strongest {
        Some(o) => format!("{phrase}: {}", o.reason),
        None => format!("{phrase}."),
    }
}

/// The position alone (−100 ..= 100), without ranking, warnings or flip;
/// `None` when [`assess`] would say [`Outcome::NotEnough`]. Cheap enough to
/// call for every workshop participant on every change.
pub fn position(answers: &BTreeMap<String, String>, weights: &Weights) -> Option<f64> {
    score(answers, weights).map(|c| c.position)
}

/// Scores the answers with the weights.
///
/// `answers` maps question id → option id (or [`super::NOT_SURE`]); ids not in
/// the bank are ignored here (they are rejected by
/// [`super::AssessState::validate`] when state is loaded). See the module
/// docs for every formula.
pub fn assess(answers: &BTreeMap<String, String>, weights: &Weights) -> Outcome {
    let Some(core) = score(answers, weights) else {
        let (scored, needed) = enough(answers, weights);
        return Outcome::NotEnough { scored, needed };
    };
    let mut ranking: Vec<(Motion, u8, f64)> = Motion::ALL
        .into_iter()
        .map(|m| {
            let d = (core.position - band(m).centre).abs();
            (m, fit(m, core.position), d)
        })
        .collect();
    // Nearest centre first; on an exact tie the motion of the band wins, so
    // the ranking always starts with the recommended motion.
    ranking.sort_by(|a, b| {
        a.2.total_cmp(&b.2)
            .then_with(|| (a.0 != core.motion).cmp(&(b.0 != core.motion)))
    });
    Outcome::Ready(Assessment {
        position: core.position,
        motion: core.motion,
        ranking: ranking.into_iter().map(|(m, f, _)| (m, f)).collect(),
        confidence: core.confidence,
        warnings: warnings(answers),
        flip: find_flip(answers, weights, &core),
        factors: core.factors,
    })
}
