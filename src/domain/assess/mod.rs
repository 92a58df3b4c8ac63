//! Assess: the six-factor questionnaire and the recommendation it leads to.
//!
//! Every answer option leans toward product-led (negative) or sales-led
//! (positive) on one axis from −100 to +100. A factor's lean is the mean of
//! its answered questions; the position is the weighted mean of the factor
//! leans; the position falls in one of five equal bands, one per motion.
//! [`scoring`] documents every formula; [`scoring_table`] prints the whole
//! table of leans, weights and bands.
//!
//! Pure code: no browser, no storage. The UI reads [`QUESTIONS`], keeps an
//! [`AssessState`] and calls [`assess`] whenever it changes.

mod factors;
mod flip;
mod lean;
mod questions;
pub mod scoring;
mod table;
mod warnings;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::input::FieldError;
use crate::domain::motion::Motion;

pub use factors::{Factor, Weights, MAX_WEIGHT};
pub use flip::{
    flip_sentence, no_flip_sentence, EdgeReach, Flip, FlipOutcome, NoFlip, MAX_FLIP_CHANGES,
};
pub use lean::Lean;
pub use questions::{
    question, questions_for, AnswerOption, Question, NOT_SURE, NOT_SURE_LABEL, PRICE_BANDS_NOTE,
    QUESTIONS,
};
pub use scoring::{
    assess, band, confidence_formula, edge_distance, edge_margin, fit, inner_edges, motion_at,
    motion_description, position, Assessment, Band, ConfidenceParts, FactorResult, Outcome, BANDS,
    MARGIN_FLOOR, MARGIN_FULL_AT,
};
pub use table::{scoring_table, signed};
pub use warnings::{rule_conditions, warnings, Condition, Warning};

/// What the Assess workspace saves: the answers, the weights and the motion
/// the user chose to carry on with (Compare highlights it, Simulate prefills
/// from it).
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessState {
    /// Question id → option id, or [`NOT_SURE`]. Unanswered questions are absent.
    pub answers: BTreeMap<String, String>,
    /// Factor weights, 0–10 each.
    pub weights: Weights,
    /// The motion the user picked to model; `None` until they pick one.
    pub chosen_motion: Option<Motion>,
}

impl AssessState {
    /// Checks every answer names a real question and one of its options (or
    /// "Not sure"), and every weight is within 0–10.
    ///
    /// # Errors
    /// [`FieldError`] naming the first bad field, e.g. `assess.answers.aud_size`
    /// or `assess.weights.market`.
    pub fn validate(&self) -> Result<(), FieldError> {
        for (qid, oid) in &self.answers {
            let Some(q) = question(qid) else {
                return Err(FieldError::new(
                    format!("assess.answers.{qid}"),
                    "is not a known question",
                ));
            };
            if !q.accepts(oid) {
                return Err(FieldError::new(
                    format!("assess.answers.{qid}"),
                    format!("“{oid}” is not one of its options"),
                ));
            }
        }
        self.weights.validate()
    }

    /// The outcome for this state; same as [`assess`] on its answers and weights.
    pub fn outcome(&self) -> Outcome {
        assess(&self.answers, &self.weights)
    }

    /// Progress through the questionnaire.
    pub fn progress(&self) -> Progress {
        progress(&self.answers)
    }
}

/// How far through the questionnaire the user is: "N of M answered".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Questions with an accepted answer, "Not sure" included.
    pub answered: usize,
    /// All questions in the bank.
    pub total: usize,
}

impl Progress {
    /// "N of M answered".
    pub fn text(&self) -> String {
        format!("{} of {} answered", self.answered, self.total)
    }
}

/// Counts answered questions ("Not sure" included; unknown ids not).
pub fn progress(answers: &BTreeMap<String, String>) -> Progress {
    let answered = QUESTIONS
        .iter()
        .filter(|q| answers.get(q.id).is_some_and(|a| q.accepts(a)))
        .count();
    Progress {
        answered,
        total: QUESTIONS.len(),
    }
}
