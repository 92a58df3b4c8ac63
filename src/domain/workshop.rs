//! Workshop: several named people answer the Assess questionnaire side by
//! side, and the facilitator sees where they agree, where they do not, and
//! what the room as a whole points to.
//!
//! Pure code. The UI keeps a [`WorkshopState`], edits it with the operations
//! below and calls [`WorkshopState::analyze`] with the weights in force
//! ([`WorkshopState::weights`]) whenever either changes.
//!
//! # Formulas
//! - **Participant factor lean** `l_{p,f}`: exactly as in Assess — the mean of
//!   the leans (−100 ..= +100) of the options person `p` chose in factor `f`;
//!   "Not sure" and unanswered questions carry no lean; none when the person
//!   has no scored answer in the factor.
//! - **Group factor lean** `G_f`: the plain mean of `l_{p,f}` over the people
//!   who have one (everyone counts once, whatever the number of questions
//!   they answered); none when nobody has.
//! - **Group position** `P = Σ w_f·G_f / Σ w_f` over the factors with a group
//!   lean and a weight `w_f` above 0; the motion is [`motion_at`]`(P)`, the
//!   same five bands as Assess.
//! - **Enough for a group result**: at least [`MIN_GROUP`] people whose own
//!   answers are enough for a result of their own (Assess's rule: one scored
//!   answer per counting factor). Once that holds, every answer given counts,
//!   including those of people still answering. Below it, or with every
//!   weight at 0, the group outcome is [`GroupOutcome::NotEnough`].
//! - **Disagreement** on a question: the population standard deviation of the
//!   leans of the options chosen, over the people who chose a concrete option
//!   ("Not sure" and unanswered ignored), in lean points (0 ..= 100); 0 with
//!   fewer than two such people. On a factor: the same over the participant
//!   factor leans `l_{p,f}`.
//! - **Heatmap offset** of a cell: `l_{p,f} − G_f` (−200 ..= 200); positive
//!   means the person leans more sales-led than the room on that factor. Its
//!   absolute value is the cell's distance from the group.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::assess::{
    assess, lean_phrase, motion_at, question, Factor, Outcome, Question, Weights, NOT_SURE,
    QUESTIONS,
};
use crate::domain::input::FieldError;
use crate::domain::motion::Motion;

/// The most participants a workshop holds.
pub const MAX_PARTICIPANTS: usize = 12;

/// The longest participant name, in characters (after trimming).
pub const MAX_NAME_CHARS: usize = 40;

/// People with a result of their own needed before the group result shows.
/// One person's answers are their own result, not a group's.
pub const MIN_GROUP: usize = 2;

/// Below this a disagreement counts as none (guards against rounding noise).
const NO_DISAGREEMENT: f64 = 1e-9;

/// One person taking part in the workshop. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Stable id, unique within the workshop; never reused.
    pub id: u32,
    /// Display name, 1–40 characters, trimmed, no control characters; unique
    /// within the workshop ignoring case.
    pub name: String,
    /// Question id → option id, or [`NOT_SURE`]; unanswered questions are
    /// absent. Same shape as [`crate::domain::assess::AssessState::answers`].
    pub answers: BTreeMap<String, String>,
}

/// What the Workshop workspace saves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopState {
    /// The people taking part, in the order they joined (at most 12).
    pub participants: Vec<Participant>,
    /// The id the next participant gets; above every id in use.
    pub next_id: u32,
    /// Weights the facilitator set for the session; `None` uses the Assess
    /// weights (see [`WorkshopState::weights`]).
    pub facilitator_weights: Option<Weights>,
}

impl Default for WorkshopState {
    /// No participants, ids starting at 1, the Assess weights.
    fn default() -> Self {
        WorkshopState {
            participants: Vec::new(),
            next_id: 1,
            facilitator_weights: None,
        }
    }
}

/// Why a workshop edit was refused; the messages are shown to the facilitator.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum WorkshopError {
    /// A 13th participant.
    #[error("A workshop holds at most {MAX_PARTICIPANTS} participants.")]
    Full,
    /// The name is blank.
    #[error("Give the participant a name.")]
    NameEmpty,
    /// The name is longer than [`MAX_NAME_CHARS`].
    #[error("Keep the name to {MAX_NAME_CHARS} characters or fewer.")]
    NameTooLong,
    /// The name holds control characters (line breaks, tabs…).
    #[error("A name cannot contain line breaks or other control characters.")]
    NameControl,
    /// Someone already has this name (ignoring case).
    #[error("“{0}” is already taking part; choose another name.")]
    DuplicateName(String),
    /// No participant has this id.
    #[error("That participant is no longer in the workshop.")]
    UnknownParticipant(u32),
    /// The question id is not in the bank.
    #[error("“{0}” is not a question of the questionnaire.")]
    UnknownQuestion(String),
    /// The option id is not one the question offers.
    #[error("“{option}” is not an answer to the question “{question}”.")]
    UnknownOption {
        /// The question id.
        question: String,
        /// The rejected option id.
        option: String,
    },
    /// Every participant id has been used (after four billion additions).
    #[error("No participant ids are left; start a new workshop.")]
    IdsExhausted,
}

/// What [`WorkshopState::receive_answers`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Received {
    /// A new participant with this id was added.
    Added(u32),
    /// The participant with this id (same name) had their answers replaced.
    Replaced(u32),
}

/// Trims a typed participant name and checks it: 1–40 characters, no control
/// characters.
///
/// # Errors
/// [`WorkshopError::NameEmpty`], [`WorkshopError::NameTooLong`] or
/// [`WorkshopError::NameControl`].
pub fn clean_name(name: &str) -> Result<String, WorkshopError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(WorkshopError::NameEmpty);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(WorkshopError::NameTooLong);
    }
    if name.chars().any(char::is_control) {
        return Err(WorkshopError::NameControl);
    }
    Ok(name.to_string())
}

/// Checks one answer against the question bank.
fn check_answer(qid: &str, oid: &str) -> Result<(), WorkshopError> {
    let Some(q) = question(qid) else {
        return Err(WorkshopError::UnknownQuestion(qid.to_string()));
    };
    if !q.accepts(oid) {
        return Err(WorkshopError::UnknownOption {
            question: qid.to_string(),
            option: oid.to_string(),
        });
    }
    Ok(())
}

/// Two names are the same person when they match ignoring case, so "Ana"
/// and "ana" cannot both join.
fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

impl WorkshopState {
    /// Checks everything a saved workshop can get wrong: at most 12
    /// participants, names clean and unique, ids unique and below `next_id`,
    /// answers naming real questions and options, weights within 0–10.
    ///
    /// # Errors
    /// The first [`FieldError`], e.g. `workshop.participants[2].name` or
    /// `workshop.participants[0].answers.aud_size`.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.participants.len() > MAX_PARTICIPANTS {
            return Err(FieldError::new(
                "workshop.participants",
                format!(
                    "holds {} participants, more than {MAX_PARTICIPANTS}",
                    self.participants.len()
                ),
            ));
        }
        for (i, p) in self.participants.iter().enumerate() {
            let path = format!("workshop.participants[{i}]");
            match clean_name(&p.name) {
                Ok(clean) if clean == p.name => {}
                Ok(_) => {
                    return Err(FieldError::new(
                        format!("{path}.name"),
                        "has spaces at the start or end",
                    ))
                }
                Err(e) => return Err(FieldError::new(format!("{path}.name"), e.to_string())),
            }
            if p.id >= self.next_id {
                return Err(FieldError::new(
                    format!("{path}.id"),
                    format!("{} is not below next_id {}", p.id, self.next_id),
                ));
            }
            for (j, other) in self.participants.iter().enumerate().take(i) {
                if other.id == p.id {
                    return Err(FieldError::new(
                        format!("{path}.id"),
                        format!("{} is also the id of participant {j}", p.id),
                    ));
                }
                if same_name(&other.name, &p.name) {
                    return Err(FieldError::new(
                        format!("{path}.name"),
                        format!("“{}” is also the name of participant {j}", p.name),
                    ));
                }
            }
            for (qid, oid) in &p.answers {
                if let Err(e) = check_answer(qid, oid) {
                    return Err(FieldError::new(
                        format!("{path}.answers.{qid}"),
                        e.to_string(),
                    ));
                }
            }
        }
        if let Some(w) = &self.facilitator_weights {
            w.validate().map_err(|e| {
                let field = e
                    .field
                    .replacen("assess.weights", "workshop.facilitator_weights", 1);
                FieldError::new(field, e.problem)
            })?;
        }
        Ok(())
    }

    /// The weights in force: the facilitator's, or else `assess_weights`.
    pub fn weights(&self, assess_weights: &Weights) -> Weights {
        self.facilitator_weights.unwrap_or(*assess_weights)
    }

    /// The participant with this id.
    pub fn participant(&self, id: u32) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    fn participant_mut(&mut self, id: u32) -> Result<&mut Participant, WorkshopError> {
        self.participants
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(WorkshopError::UnknownParticipant(id))
    }

    /// Whether someone other than `except` already has this name (ignoring case).
    fn name_taken(&self, name: &str, except: Option<u32>) -> bool {
        self.participants
            .iter()
            .any(|p| Some(p.id) != except && same_name(&p.name, name))
    }

    /// Adds a participant with no answers and returns their id.
    ///
    /// # Errors
    /// [`WorkshopError::Full`] with 12 already, a name error, or
    /// [`WorkshopError::DuplicateName`]; nothing changes.
    pub fn add(&mut self, name: &str) -> Result<u32, WorkshopError> {
        self.add_with_answers(name, BTreeMap::new())
    }

    /// Adds a participant with their answers (e.g. from a pasted code).
    ///
    /// # Errors
    /// As [`WorkshopState::add`], or an answer error when an answer names an
    /// unknown question or option; nothing changes.
    pub fn add_with_answers(
        &mut self,
        name: &str,
        answers: BTreeMap<String, String>,
    ) -> Result<u32, WorkshopError> {
        let name = clean_name(name)?;
        if self.participants.len() >= MAX_PARTICIPANTS {
            return Err(WorkshopError::Full);
        }
        if self.name_taken(&name, None) {
            return Err(WorkshopError::DuplicateName(name));
        }
        for (q, o) in &answers {
            check_answer(q, o)?;
        }
        let id = self.next_id;
        let next = id.checked_add(1).ok_or(WorkshopError::IdsExhausted)?;
        self.participants.push(Participant { id, name, answers });
        self.next_id = next;
        Ok(id)
    }

    /// Takes in the answers a participant sent back: replaces the answers of
    /// the participant with that name (ignoring case) if there is one, so
    /// sending a corrected code twice does not add the person twice;
    /// otherwise adds them.
    ///
    /// # Errors
    /// As [`WorkshopState::add_with_answers`]; nothing changes.
    pub fn receive_answers(
        &mut self,
        name: &str,
        answers: BTreeMap<String, String>,
    ) -> Result<Received, WorkshopError> {
        let clean = clean_name(name)?;
        let existing = self
            .participants
            .iter()
            .find(|p| same_name(&p.name, &clean))
            .map(|p| p.id);
        match existing {
            Some(id) => {
                for (q, o) in &answers {
                    check_answer(q, o)?;
                }
                self.participant_mut(id)?.answers = answers;
                Ok(Received::Replaced(id))
            }
            None => self.add_with_answers(&clean, answers).map(Received::Added),
        }
    }

    /// Renames a participant.
    ///
    /// # Errors
    /// [`WorkshopError::UnknownParticipant`], a name error or
    /// [`WorkshopError::DuplicateName`]; nothing changes.
    pub fn rename(&mut self, id: u32, name: &str) -> Result<(), WorkshopError> {
        let name = clean_name(name)?;
        if self.participant(id).is_none() {
            return Err(WorkshopError::UnknownParticipant(id));
        }
        if self.name_taken(&name, Some(id)) {
            return Err(WorkshopError::DuplicateName(name));
        }
        self.participant_mut(id)?.name = name;
        Ok(())
    }

    /// Removes a participant and returns them (the UI can offer undo). Their
    /// id is not reused.
    ///
    /// # Errors
    /// [`WorkshopError::UnknownParticipant`].
    pub fn remove(&mut self, id: u32) -> Result<Participant, WorkshopError> {
        let i = self
            .participants
            .iter()
            .position(|p| p.id == id)
            .ok_or(WorkshopError::UnknownParticipant(id))?;
        Ok(self.participants.remove(i))
    }

    /// Records one answer (an option id or [`NOT_SURE`]).
    ///
    /// # Errors
    /// [`WorkshopError::UnknownParticipant`], [`WorkshopError::UnknownQuestion`]
    /// or [`WorkshopError::UnknownOption`]; nothing changes.
    pub fn set_answer(&mut self, id: u32, qid: &str, oid: &str) -> Result<(), WorkshopError> {
        check_answer(qid, oid)?;
        self.participant_mut(id)?
            .answers
            .insert(qid.to_string(), oid.to_string());
        Ok(())
    }

    /// Takes an answer back, leaving the question unanswered.
    ///
    /// # Errors
    /// [`WorkshopError::UnknownParticipant`].
    pub fn clear_answer(&mut self, id: u32, qid: &str) -> Result<(), WorkshopError> {
        self.participant_mut(id)?.answers.remove(qid);
        Ok(())
    }

    /// Everything the Workshop screens show, for these weights (see the
    /// module docs for every formula). Every number in it is finite.
    pub fn analyze(&self, weights: &Weights) -> Analysis {
        let people: Vec<PersonResult> = self
            .participants
            .iter()
            .map(|p| PersonResult {
                id: p.id,
                name: p.name.clone(),
                outcome: assess(&p.answers, weights),
            })
            .collect();

        // leans[f][p]: participant p's lean on factor f.
        let leans: Vec<Vec<Option<f64>>> = Factor::ALL
            .iter()
            .map(|f| {
                self.participants
                    .iter()
                    .map(|p| factor_lean(&p.answers, *f))
                    .collect()
            })
            .collect();
        let group_leans: Vec<Option<f64>> = leans.iter().map(|row| mean_of(row)).collect();

        let group = group_outcome(&people, &leans, &group_leans, weights);
        let questions = QUESTIONS
            .iter()
            .map(|q| question_spread(q, &self.participants))
            .collect();
        let factors = Factor::ALL
            .iter()
            .zip(leans.iter().zip(&group_leans))
            .map(|(f, (row, g))| factor_spread(*f, row, *g, &self.participants))
            .collect();
        let heatmap = Heatmap {
            factors: Factor::ALL.to_vec(),
            participants: self.participants.iter().map(|p| p.id).collect(),
            names: self.participants.iter().map(|p| p.name.clone()).collect(),
            cells: leans
                .iter()
                .zip(&group_leans)
                .map(|(row, g)| {
                    row.iter()
                        .map(|l| HeatCell {
                            lean: *l,
                            offset: match (l, g) {
                                (Some(l), Some(g)) => Some(finite(l - g)),
                                _ => None,
                            },
                        })
                        .collect()
                })
                .collect(),
            group: group_leans,
        };
        Analysis {
            people,
            group,
            questions,
            factors,
            heatmap,
        }
    }
}

/// One participant's own result.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonResult {
    /// The participant's id.
    pub id: u32,
    /// Their name.
    pub name: String,
    /// Their Assess outcome under the weights in force.
    pub outcome: Outcome,
}

/// The room's result, or why there is none yet.
#[derive(Clone, Debug, PartialEq)]
pub enum GroupOutcome {
    /// Fewer than [`MIN_GROUP`] people have a result of their own, or every
    /// weight is 0.
    NotEnough {
        /// People whose own outcome is ready.
        with_result: usize,
        /// People needed ([`MIN_GROUP`]).
        needed: usize,
    },
    /// A group result.
    Ready(GroupResult),
}

impl GroupOutcome {
    /// The group result, if there is one.
    pub fn result(&self) -> Option<&GroupResult> {
        match self {
            GroupOutcome::Ready(r) => Some(r),
            GroupOutcome::NotEnough { .. } => None,
        }
    }
}

/// The room's position and motion, with the factors behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult {
    /// Group position `Σ w_f·G_f / Σ w_f`, −100 (product-led) ..= +100 (sales-led).
    pub position: f64,
    /// [`motion_at`] of the position.
    pub motion: Motion,
    /// One entry per factor, in [`Factor::ALL`] order.
    pub factors: Vec<GroupFactor>,
    /// People whose own outcome is ready.
    pub with_result: usize,
    /// For each motion in [`Motion::ALL`] order, how many people's own
    /// result it is.
    pub votes: Vec<(Motion, usize)>,
    /// Population standard deviation of those people's own positions, in
    /// position points (0 ..= 100): how far apart the individual results sit.
    pub position_spread: f64,
}

/// How one factor enters the group result.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupFactor {
    /// The factor.
    pub factor: Factor,
    /// Its weight, 0–10.
    pub weight: u8,
    /// Group factor lean `G_f` (−100 ..= 100); `None` when nobody has a lean.
    pub lean: Option<f64>,
    /// Its share of the group position, `w_f·G_f / Σ w`; 0 when left out.
    pub contribution: f64,
    /// How many people have a lean on it.
    pub people: usize,
}

/// Who chose one option of a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The option id, or [`NOT_SURE`].
    pub option: &'static str,
    /// The option's lean; `None` for "Not sure".
    pub lean: Option<i32>,
    /// The names of the people who chose it, in participant order.
    pub names: Vec<String>,
}

/// The spread of answers on one question.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionSpread {
    /// The question id.
    pub question: &'static str,
    /// Its factor.
    pub factor: Factor,
    /// Every option in bank order, then "Not sure", each with who chose it
    /// (empty options included, so the UI can show all of them).
    pub choices: Vec<Choice>,
    /// The names of the people who have not answered it.
    pub unanswered: Vec<String>,
    /// People who chose a concrete option (not "Not sure").
    pub scored: usize,
    /// Mean lean of the concrete options chosen; `None` without any.
    pub mean_lean: Option<f64>,
    /// Population standard deviation of the chosen leans (0 ..= 100); 0 with
    /// fewer than two concrete answers.
    pub disagreement: f64,
}

/// The spread of the participants' leans on one factor.
#[derive(Clone, Debug, PartialEq)]
pub struct FactorSpread {
    /// The factor.
    pub factor: Factor,
    /// Group factor lean `G_f`; `None` when nobody has a lean.
    pub group_lean: Option<f64>,
    /// Population standard deviation of the participant factor leans
    /// (0 ..= 100); 0 with fewer than two.
    pub disagreement: f64,
    /// The most product-led participant lean.
    pub lowest: Option<f64>,
    /// The most sales-led participant lean.
    pub highest: Option<f64>,
    /// The five lean phrases of [`lean_phrase`] from most product-led to most
    /// sales-led, each with the names of the people whose lean it describes.
    pub by_phrase: Vec<(&'static str, Vec<String>)>,
    /// People with no lean on the factor.
    pub no_lean: Vec<String>,
}

/// A factors × participants matrix of leans.
#[derive(Clone, Debug, PartialEq)]
pub struct Heatmap {
    /// Row labels: the six factors, in [`Factor::ALL`] order.
    pub factors: Vec<Factor>,
    /// Column ids, in participant order.
    pub participants: Vec<u32>,
    /// Column names, in participant order.
    pub names: Vec<String>,
    /// Group factor lean per row.
    pub group: Vec<Option<f64>>,
    /// `cells[row][column]`: factors.len() rows of participants.len() cells.
    pub cells: Vec<Vec<HeatCell>>,
}

/// One participant's lean on one factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatCell {
    /// Participant factor lean (−100 ..= 100); `None` without a scored answer.
    pub lean: Option<f64>,
    /// `lean − group lean` (−200 ..= 200); positive is more sales-led than
    /// the room. `None` when either is missing.
    pub offset: Option<f64>,
}

impl HeatCell {
    /// Distance from the group factor lean, `|offset|` (0 ..= 200).
    pub fn distance(&self) -> Option<f64> {
        self.offset.map(f64::abs)
    }
}

/// Everything [`WorkshopState::analyze`] computes.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// Each participant's own result, in participant order.
    pub people: Vec<PersonResult>,
    /// The room's result.
    pub group: GroupOutcome,
    /// One spread per question, in questionnaire order.
    pub questions: Vec<QuestionSpread>,
    /// One spread per factor, in [`Factor::ALL`] order.
    pub factors: Vec<FactorSpread>,
    /// Factors × participants.
    pub heatmap: Heatmap,
}

impl Analysis {
    /// The `n` questions to discuss first: most disagreement first, ties in
    /// questionnaire order. Questions without disagreement are never listed,
    /// so fewer than `n` may come back.
    pub fn discuss_first(&self, n: usize) -> Vec<&QuestionSpread> {
        let mut list: Vec<&QuestionSpread> = self
            .questions
            .iter()
            .filter(|q| q.disagreement > NO_DISAGREEMENT)
            .collect();
        // Stable sort: equal scores keep questionnaire order.
        list.sort_by(|a, b| b.disagreement.total_cmp(&a.disagreement));
        list.truncate(n);
        list
    }
}

/// Replaces a non-finite value (never expected) with 0 so none leaves.
fn finite(x: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        0.0
    }
}

/// Mean of the present values; `None` when there are none.
fn mean_of(values: &[Option<f64>]) -> Option<f64> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    if present.is_empty() {
        return None;
    }
    Some(finite(present.iter().sum::<f64>() / present.len() as f64))
}

/// Population standard deviation; 0 with fewer than two values.
fn std_dev(values: &[f64]) -> f64 {
    if values.len() < 2 {
        return 0.0;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    finite(var.max(0.0).sqrt())
}

/// A participant's lean on a factor: the mean of their scored answers' leans.
fn factor_lean(answers: &BTreeMap<String, String>, factor: Factor) -> Option<f64> {
    let leans: Vec<f64> = QUESTIONS
        .iter()
        .filter(|q| q.factor == factor)
        .filter_map(|q| q.option(answers.get(q.id)?))
        .map(|o| f64::from(o.lean))
        .collect();
    if leans.is_empty() {
        return None;
    }
    Some(finite(leans.iter().sum::<f64>() / leans.len() as f64).clamp(-100.0, 100.0))
}

fn group_outcome(
    people: &[PersonResult],
    leans: &[Vec<Option<f64>>],
    group_leans: &[Option<f64>],
    weights: &Weights,
) -> GroupOutcome {
    let own: Vec<(f64, Motion)> = people
        .iter()
        .filter_map(|p| p.outcome.assessment())
        .map(|a| (a.position, a.motion))
        .collect();
    let not_enough = GroupOutcome::NotEnough {
        with_result: own.len(),
        needed: MIN_GROUP,
    };
    if own.len() < MIN_GROUP {
        return not_enough;
    }
    let counted = || {
        Factor::ALL
            .iter()
            .zip(group_leans)
            .filter_map(|(f, g)| Some((f64::from(weights.get(*f)), (*g)?)))
            .filter(|(w, _)| *w > 0.0)
    };
    let total_w: f64 = counted().map(|(w, _)| w).sum();
    if total_w <= 0.0 {
        return not_enough;
    }
    let position =
        finite(counted().map(|(w, g)| w * g).sum::<f64>() / total_w).clamp(-100.0, 100.0);
    let factors = Factor::ALL
        .iter()
        .zip(group_leans.iter().zip(leans))
        .map(|(f, (g, row))| {
            let weight = weights.get(*f);
            GroupFactor {
                factor: *f,
                weight,
                lean: *g,
                contribution: match g {
                    Some(g) if weight > 0 => finite(f64::from(weight) * g / total_w),
                    _ => 0.0,
                },
                people: row.iter().flatten().count(),
            }
        })
        .collect();
    let votes = Motion::ALL
        .iter()
        .map(|m| (*m, own.iter().filter(|(_, om)| om == m).count()))
        .collect();
    let positions: Vec<f64> = own.iter().map(|(p, _)| *p).collect();
    GroupOutcome::Ready(GroupResult {
        position,
        motion: motion_at(position),
        factors,
        with_result: own.len(),
        votes,
        position_spread: std_dev(&positions),
    })
}

fn question_spread(q: &'static Question, participants: &[Participant]) -> QuestionSpread {
    let answer_of = |p: &Participant| p.answers.get(q.id).filter(|a| q.accepts(a)).cloned();
    let names_for = |oid: &str| -> Vec<String> {
        participants
            .iter()
            .filter(|p| answer_of(p).as_deref() == Some(oid))
            .map(|p| p.name.clone())
            .collect()
    };
    let mut choices: Vec<Choice> = q
        .options
        .iter()
        .map(|o| Choice {
            option: o.id,
            lean: Some(o.lean),
            names: names_for(o.id),
        })
        .collect();
    choices.push(Choice {
        option: NOT_SURE,
        lean: None,
        names: names_for(NOT_SURE),
    });
    let unanswered = participants
        .iter()
        .filter(|p| answer_of(p).is_none())
        .map(|p| p.name.clone())
        .collect();
    let chosen: Vec<f64> = participants
        .iter()
        .filter_map(|p| q.option(p.answers.get(q.id)?))
        .map(|o| f64::from(o.lean))
        .collect();
    let as_options: Vec<Option<f64>> = chosen.iter().copied().map(Some).collect();
    QuestionSpread {
        question: q.id,
        factor: q.factor,
        choices,
        unanswered,
        scored: chosen.len(),
        mean_lean: mean_of(&as_options),
        disagreement: std_dev(&chosen),
    }
}

fn factor_spread(
    factor: Factor,
    row: &[Option<f64>],
    group_lean: Option<f64>,
    participants: &[Participant],
) -> FactorSpread {
    let present: Vec<f64> = row.iter().flatten().copied().collect();
    // One representative lean per phrase, most product-led first; the phrase
    // text comes from Assess so the two screens always use the same words.
    let phrases: Vec<&'static str> = [-100.0, -30.0, 0.0, 30.0, 100.0]
        .into_iter()
        .map(lean_phrase)
        .collect();
    let by_phrase = phrases
        .iter()
        .map(|phrase| {
            let names = participants
                .iter()
                .zip(row)
                .filter(|(_, l)| l.is_some_and(|l| lean_phrase(l) == *phrase))
                .map(|(p, _)| p.name.clone())
                .collect();
            (*phrase, names)
        })
        .collect();
    let no_lean = participants
        .iter()
        .zip(row)
        .filter(|(_, l)| l.is_none())
        .map(|(p, _)| p.name.clone())
        .collect();
    FactorSpread {
        factor,
        group_lean,
        disagreement: std_dev(&present),
        lowest: present.iter().copied().reduce(f64::min),
        highest: present.iter().copied().reduce(f64::max),
        by_phrase,
        no_lean,
    }
}
