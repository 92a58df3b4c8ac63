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
//! - **Confidence** (0–100): `100 × coverage × agreement × margin`, rounded
//!   (the words the app shows beside it come from [`confidence_formula`]):
//!   - `coverage` = scored answers ÷ questions in the factors that count;
//!   - `agreement = 1 − s/100`, with `s` the weighted standard deviation of
//!     *every scored answer's* lean around `p`, each answer of factor `f`
//!     weighing `w_f / n_f` (so a factor weighs `w_f` in all, as in the
//!     position). By the law of total variance
//!     `s² = Σ (w_f / Σw)·[(l_f − p)² + v_f]`, where `v_f` is the variance of
//!     the factor's own answer leans around `l_f`: factors that pull apart
//!     (first term) and answers within one factor that pull apart, such as a
//!     single decider and a buying committee (second term), both lower it.
//!     All leans lie in −100 ..= 100, so `s` ≤ 100 and agreement is 0–1;
//!   - `margin = 0.5 + 0.5 × min(d / 20, 1)` ([`edge_margin`]), with `d` the
//!     distance from `p` to the nearest inner band edge (−60, −20, +20, +60).
//!     On an edge the neighbouring motion is as near as this one, so the
//!     figure is halved; it counts fully from half a band (20 points) inside.
//!     The ends ±100 are not edges: nothing lies beyond them.
//! - **Enough answers**: a result needs at least one scored answer per
//!   counting factor on average, i.e. scored answers (not "Not sure") in
//!   factors of weight above 0 ≥ the number of such factors (6 with the
//!   default weights). Below that, or when every weight is 0, the outcome is
//!   [`Outcome::NotEnough`] and no motion is shown.

use std::collections::BTreeMap;

use serde::Serialize;

use super::factors::{Factor, Weights};
use super::flip::{find_flip, FlipOutcome};
use super::lean::Lean;
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

/// The edges between neighbouring bands, product-led first: −60, −20, +20,
/// +60. The ends of the spectrum (±100) are not among them: no answer can
/// move the position past them.
pub fn inner_edges() -> [f64; 4] {
    [BANDS[0].hi, BANDS[1].hi, BANDS[2].hi, BANDS[3].hi]
}

/// Distance (position points, 0 ..= 40) from a position to the nearest inner
/// band edge (see [`inner_edges`]). A non-finite position counts as 0, like
/// in [`motion_at`].
pub fn edge_distance(position: f64) -> f64 {
    let p = if position.is_finite() { position } else { 0.0 };
    inner_edges()
        .into_iter()
        .map(|e| (p - e).abs())
        .fold(f64::INFINITY, f64::min)
        .min(100.0)
}

/// The share of confidence kept on a band edge (0–1).
pub const MARGIN_FLOOR: f64 = 0.5;

/// How far inside a band (position points) the margin reaches 1: half a band.
pub const MARGIN_FULL_AT: f64 = 20.0;

/// The margin factor of confidence (0.5–1): `0.5 + 0.5 × min(d / 20, 1)`,
/// `d` = [`edge_distance`]. 0.5 on an edge, rising evenly to 1 at half a band
/// inside; never falls as the position moves from an edge toward the middle
/// of its band.
pub fn edge_margin(position: f64) -> f64 {
    let reach = (edge_distance(position) / MARGIN_FULL_AT).clamp(0.0, 1.0);
    MARGIN_FLOOR + (1.0 - MARGIN_FLOOR) * reach
}

/// The three factors of the confidence figure, each 0–1; see the module docs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ConfidenceParts {
    /// Scored answers ÷ questions in the factors that count.
    pub coverage: f64,
    /// `1 − s/100`, `s` the weighted standard deviation of all scored answer
    /// leans around the position.
    pub agreement: f64,
    /// [`edge_margin`] of the position.
    pub margin: f64,
}

impl ConfidenceParts {
    /// The confidence figure, 0–100: `100 × coverage × agreement × margin`,
    /// rounded. Parts outside 0–1 (never produced here) are clamped; a
    /// non-finite part gives 0.
    pub fn percent(&self) -> u8 {
        let product = [self.coverage, self.agreement, self.margin]
            .into_iter()
            .map(|x| {
                if x.is_finite() {
                    x.clamp(0.0, 1.0)
                } else {
                    0.0
                }
            })
            .product::<f64>();
        (100.0 * product).round().clamp(0.0, 100.0) as u8
    }

    /// This result's figures in the terms of [`confidence_formula`]:
    /// "Confidence = coverage 0.85 × agreement 0.81 × margin 0.93 = 64%."
    pub fn breakdown(&self) -> String {
        format!(
            "Confidence = coverage {:.2} × agreement {:.2} × margin {:.2} = {}%.",
            self.coverage,
            self.agreement,
            self.margin,
            self.percent()
        )
    }
}

/// How the confidence figure is worked out, in the words the app shows
/// beside it; built from [`MARGIN_FLOOR`] and [`MARGIN_FULL_AT`] so it cannot
/// drift from the arithmetic.
pub fn confidence_formula() -> String {
    format!(
        "Confidence = coverage × agreement × margin. Coverage is the share of questions \
         in the counted factors with a real answer. Agreement is 1 − spread ÷ 100, the \
         spread being the weighted standard deviation of every answer’s lean around the \
         position, so factors that pull apart, or answers within one factor that do, \
         lower it. Margin is {} on the edge between two motions and rises evenly to 1 at \
         {} points (half a band) inside it.",
        MARGIN_FLOOR, MARGIN_FULL_AT
    )
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
    /// 0–100: `100 × coverage × agreement × margin`; see the module docs.
    pub confidence: u8,
    /// The three factors of `confidence`, for the figure's explanation.
    pub confidence_parts: ConfidenceParts,
    /// One entry per factor, in [`Factor::ALL`] order.
    pub factors: Vec<FactorResult>,
    /// Answers that contradict each other.
    pub warnings: Vec<Warning>,
    /// The smallest change of answers that gives another motion, or why
    /// there is none within three answers.
    pub flip: FlipOutcome,
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
    pub(crate) confidence: ConfidenceParts,
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

    // Every scored answer's spread around the position, each answer of a
    // factor weighing w_f / n_f: between-factor plus within-factor variance.
    let variance: f64 = partials
        .iter()
        .filter(|p| p.weight > 0)
        .filter_map(|p| {
            let l = p.lean?;
            let n = p.chosen.len().max(1) as f64;
            let within = p
                .chosen
                .iter()
                .map(|o| (f64::from(o.lean) - l).powi(2))
                .sum::<f64>()
                / n;
            Some(f64::from(p.weight) * ((l - position).powi(2) + within))
        })
        .sum::<f64>()
        / total_w;
    let spread = if variance.is_finite() {
        variance.max(0.0).sqrt().min(100.0)
    } else {
        100.0
    };
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
    let confidence = ConfidenceParts {
        coverage,
        agreement: 1.0 - spread / 100.0,
        margin: edge_margin(position),
    };

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
    let lean = Lean::from_value(l);
    let phrase = lean.phrase();
    if lean == Lean::Balanced {
        // One answer on each side of balanced: the factor is a tug of war.
        let step = |o: &&AnswerOption| Lean::from_value(f64::from(o.lean));
        let pulls_both = chosen.iter().any(|o| step(o) < Lean::Balanced)
            && chosen.iter().any(|o| step(o) > Lean::Balanced);
        if pulls_both {
            return format!("{phrase}: the answers pull both ways.");
        }
        let nearest = chosen.iter().min_by_key(|o| o.lean.abs());
        return match nearest {
            Some(o) => format!("{phrase}: {}", o.reason),
            None => format!("{phrase}."),
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
        confidence: core.confidence.percent(),
        confidence_parts: core.confidence,
        warnings: warnings(answers),
        flip: find_flip(answers, weights, &core),
        factors: core.factors,
    })
}
