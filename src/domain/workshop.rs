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
//! - **Who counts in the room**: the people with a result of their own
//!   (Assess's rule: at least one scored answer per counting factor). Someone
//!   still answering shows in the spreads and the heatmap, but moves the room
//!   only once their own answers are enough to place them.
//! - **Room factor lean** `G_f = Σ a / N_f`: the mean of every scored answer
//!   lean `a` that the people who count gave in factor `f`, `N_f` being the
//!   number of those answers; equivalently `Σ_p n_{p,f}·l_{p,f} / Σ_p n_{p,f}`
//!   with `n_{p,f}` person `p`'s scored answers in `f`. Each answer counts
//!   once: a person with one answer in a factor weighs a quarter of someone
//!   with four there. None when `N_f = 0`.
//!   *Why both rules*: weighting by answers alone still lets one answer move
//!   a small room by up to `200/(N_f+1) · w_f/Σw` points (with two people on
//!   pricing, up to about 7: enough to cross a band edge); counting only people
//!   with a result alone lets a person's single pricing answer weigh as much
//!   as another's three. Together, a person with a single answer never moves
//!   the room, and within the room every answer has the same say.
//! - **Group position** `P = Σ w_f·G_f / Σ w_f` over the factors with a room
//!   lean and a weight `w_f` above 0; the motion is [`motion_at`]`(P)`, the
//!   same five bands as Assess.
//! - **Enough for a group result**: at least [`MIN_GROUP`] people with a
//!   result of their own. Below it, or with every weight at 0, the group
//!   outcome is [`GroupOutcome::NotEnough`].
//! - **Room confidence** (0–100), [`room_confidence`]:
//!   `round(100 × coverage × agreement × margin)`, where
//!   `coverage` = scored answers in the counting factors (weight above 0)
//!   given by everyone in the workshop ÷ (participants × questions in those
//!   factors); `agreement = 1 − s/100` with `s` the spread of the people's own
//!   positions (below); `margin = 0.5 + 0.5 × min(d, 20)/20` with `d` the
//!   distance from `P` to the nearest inner band edge (−60, −20, 20, 60).
//!   It falls with fewer answers, with people further apart, and as the room
//!   nears a band edge, where it is halved: on an edge the neighbouring motion
//!   is as likely. The text is [`ROOM_CONFIDENCE_FORMULA`].
//! - **Split room** ([`GroupOutcome::Split`]): sort the own positions of the
//!   `n` people with a result; a cut between two neighbours is allowed when
//!   each side keeps at least `k = max(2, ⌈n/4⌉)` people; take the allowed
//!   cut with the widest gap (the lower one on ties). The room is split when
//!   that gap is at least [`SPLIT_MIN_GAP`] points (one band width) and the
//!   two camps' motions, [`motion_at`] of the mean own position of each side,
//!   are at least [`SPLIT_MIN_BANDS`] bands apart. The room's average then
//!   lands on a motion neither camp chose, so no motion is recommended; the
//!   text is [`SPLIT_RULE`]. Four people are the fewest that can split.
//! - **Disagreement** on a question: the population standard deviation of the
//!   leans of the options chosen, over the people who chose a concrete option
//!   ("Not sure" and unanswered ignored), in lean points (0 ..= 100); 0 with
//!   fewer than two such people. On a factor: the same over the participant
//!   factor leans `l_{p,f}`.
//! - **Spread** of the room: the population standard deviation of the own
//!   positions of the people with a result, in position points (0 ..= 100).
//! - **Heatmap offset** of a cell: `l_{p,f} − G_f` (−200 ..= 200); positive
//!   means the person leans more sales-led than the room on that factor. Its
//!   absolute value is the cell's distance from the group.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::assess::{
    assess, motion_at, question, questions_for, Factor, Lean, Outcome, Question, Weights, BANDS,
    NOT_SURE, QUESTIONS,
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

/// Distance from a band edge, in position points, from which the room
/// confidence's margin term is full (half a band's width: the centre of an
/// inner band).
pub const EDGE_MARGIN_FULL: f64 = 20.0;

/// The smallest gap between two camps' nearest members, in position points,
/// for a split room: one band's width.
pub const SPLIT_MIN_GAP: f64 = 40.0;

/// How many bands apart the two camps' motions must be for a split room
/// (2: e.g. product-led and hybrid; neighbouring motions are not a split).
pub const SPLIT_MIN_BANDS: usize = 2;

/// The fewest people in a camp of a split room; with more than eight people
/// with a result, a camp needs a quarter of them (`⌈n/4⌉`).
pub const SPLIT_MIN_CAMP: usize = 2;

/// How the team position is computed, shown beside it.
pub const ROOM_POSITION_FORMULA: &str = "Team position = Σ(weight × team factor lean) ÷ Σ weight. \
Only people with a result of their own count, and a team factor lean is the mean of every \
answer they gave on that factor: each answer counts once, and someone who has answered a \
single question does not move the team.";

/// How the room confidence is computed, shown beside it; the number is
/// [`room_confidence`].
pub const ROOM_CONFIDENCE_FORMULA: &str = "Team confidence = 100 × coverage × agreement × \
margin. Coverage is the share of the counted questions that everyone in the room has answered \
(“Not sure” is no answer). Agreement is 1 − spread ÷ 100, the spread being the standard \
deviation of the people’s own positions. Margin runs from 0.5 on the edge between two motions \
to 1 at 20 points or more inside one.";

/// When the room counts as split, shown with a split result; the rule is
/// [`GroupOutcome::Split`]'s (see the module docs).
pub const SPLIT_RULE: &str = "The room counts as split when the own positions fall into two \
camps: at least 40 points lie between the nearest members of the two, each camp holds at least \
2 people and a quarter of those with a result, and the camps’ motions are two or more apart. \
The average of two such camps is a motion neither of them chose, so none is recommended.";

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
        let counted: Vec<bool> = people
            .iter()
            .map(|p| p.outcome.assessment().is_some())
            .collect();

        // scored[f][p]: the leans of participant p's scored answers in factor f.
        let scored: Vec<Vec<Vec<f64>>> = Factor::ALL
            .iter()
            .map(|f| {
                self.participants
                    .iter()
                    .map(|p| scored_leans(&p.answers, *f))
                    .collect()
            })
            .collect();
        // leans[f][p]: participant p's lean on factor f, as in Assess.
        let leans: Vec<Vec<Option<f64>>> = scored
            .iter()
            .map(|row| row.iter().map(|l| person_lean(l)).collect())
            .collect();
        let room: Vec<RoomLean> = scored.iter().map(|row| room_lean(row, &counted)).collect();
        let group_leans: Vec<Option<f64>> = room.iter().map(|r| r.lean).collect();

        let group = group_outcome(&people, &scored, &room, weights);
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
    /// A group result: the room's motion is a recommendation.
    Ready(GroupResult),
    /// The room is split into two camps far apart (rule in the module docs):
    /// there is no recommended motion, only the two camps'.
    Split {
        /// The two camps, the more product-led one first.
        camps: [Camp; 2],
        /// The whole room's figures (confidence, spread, factor leans,
        /// votes). Its `position` and `motion` are the midpoint between the
        /// camps, kept for reference only: never present them as the
        /// room's recommendation.
        room: GroupResult,
    },
}

impl GroupOutcome {
    /// The room's recommended result: only when the room is not split.
    pub fn result(&self) -> Option<&GroupResult> {
        match self {
            GroupOutcome::Ready(r) => Some(r),
            GroupOutcome::NotEnough { .. } | GroupOutcome::Split { .. } => None,
        }
    }

    /// The whole room's figures, split or not (a split room's position is
    /// the midpoint, not a recommendation).
    pub fn room(&self) -> Option<&GroupResult> {
        match self {
            GroupOutcome::Ready(r) | GroupOutcome::Split { room: r, .. } => Some(r),
            GroupOutcome::NotEnough { .. } => None,
        }
    }

    /// The two camps of a split room.
    pub fn camps(&self) -> Option<&[Camp; 2]> {
        match self {
            GroupOutcome::Split { camps, .. } => Some(camps),
            GroupOutcome::NotEnough { .. } | GroupOutcome::Ready(_) => None,
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
    /// Room confidence, 0–100 ([`room_confidence`], text
    /// [`ROOM_CONFIDENCE_FORMULA`]).
    pub confidence: u8,
    /// The coverage term of the confidence, 0 ..= 1: scored answers in the
    /// counting factors given by everyone ÷ (participants × questions there).
    pub coverage: f64,
    /// One entry per factor, in [`Factor::ALL`] order.
    pub factors: Vec<GroupFactor>,
    /// People whose own outcome is ready: the people who count.
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
    /// Room factor lean `G_f` (−100 ..= 100): the mean of the scored answers
    /// of the people who count; `None` without any.
    pub lean: Option<f64>,
    /// Its share of the group position, `w_f·G_f / Σ w`; 0 when left out.
    pub contribution: f64,
    /// How many of the people who count have a lean on it.
    pub people: usize,
    /// How many scored answers `G_f` is the mean of (`N_f`).
    pub answers: usize,
}

/// One side of a split room.
#[derive(Clone, Debug, PartialEq)]
pub struct Camp {
    /// The members' participant ids, in participant order.
    pub members: Vec<u32>,
    /// Their names, in the same order.
    pub names: Vec<String>,
    /// The mean of the members' own positions (−100 ..= 100).
    pub position: f64,
    /// [`motion_at`] of that position: the motion this camp points to.
    pub motion: Motion,
}

/// Room confidence, 0–100: `round(100 × coverage × agreement × margin)` with
/// `agreement = 1 − spread/100` and `margin = 0.5 + 0.5 × min(d, 20)/20`, `d`
/// being [`edge_distance`]`(position)`. `coverage` is a fraction (0 ..= 1),
/// `spread` and `position` are in position points; values out of range are
/// clamped and a non-finite input gives the lowest reading of its term.
pub fn room_confidence(coverage: f64, spread: f64, position: f64) -> u8 {
    let coverage = if coverage.is_finite() {
        coverage.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let agreement = if spread.is_finite() {
        (1.0 - spread / 100.0).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let d = if position.is_finite() {
        edge_distance(position)
    } else {
        0.0
    };
    let margin = 0.5 + 0.5 * (d.min(EDGE_MARGIN_FULL) / EDGE_MARGIN_FULL);
    let c = 100.0 * coverage * agreement * margin;
    if c.is_finite() {
        c.clamp(0.0, 100.0).round() as u8
    } else {
        0
    }
}

/// Distance in position points from `position` to the nearest inner band
/// edge (−60, −20, 20, 60: the lower edges of every band but the first),
/// 0 ..= 40; a non-finite position gives 0.
pub fn edge_distance(position: f64) -> f64 {
    if !position.is_finite() {
        return 0.0;
    }
    BANDS
        .iter()
        .skip(1)
        .map(|b| (position - b.lo).abs())
        .reduce(f64::min)
        .map_or(0.0, finite)
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
    /// The five steps of [`Lean`] from most product-led to most sales-led, as
    /// their phrases, each with the names of the people whose lean falls in it.
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

/// Mean; `None` for no values.
fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(finite(values.iter().sum::<f64>() / values.len() as f64))
}

/// Mean of the present values; `None` when there are none.
fn mean_of(values: &[Option<f64>]) -> Option<f64> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    mean(&present)
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

/// The leans of a participant's scored answers on a factor ("Not sure" and
/// unanswered questions left out), in questionnaire order.
fn scored_leans(answers: &BTreeMap<String, String>, factor: Factor) -> Vec<f64> {
    questions_for(factor)
        .filter_map(|q| q.option(answers.get(q.id)?))
        .map(|o| f64::from(o.lean))
        .collect()
}

/// A participant's lean on a factor: the mean of their scored answers' leans.
fn person_lean(scored: &[f64]) -> Option<f64> {
    mean(scored).map(|l| l.clamp(-100.0, 100.0))
}

/// One factor's room lean `G_f` and what it rests on.
struct RoomLean {
    /// `G_f`; `None` without a counted answer.
    lean: Option<f64>,
    /// `N_f`: scored answers counted.
    answers: usize,
    /// People who count with at least one of them.
    people: usize,
}

/// `G_f` over the scored answers (one list per participant) of the people
/// who count (`counted`, same order).
fn room_lean(row: &[Vec<f64>], counted: &[bool]) -> RoomLean {
    let counted_rows: Vec<&Vec<f64>> = row
        .iter()
        .zip(counted)
        .filter(|(_, c)| **c)
        .map(|(r, _)| r)
        .collect();
    let all: Vec<f64> = counted_rows
        .iter()
        .flat_map(|r| r.iter().copied())
        .collect();
    RoomLean {
        lean: mean(&all).map(|l| l.clamp(-100.0, 100.0)),
        answers: all.len(),
        people: counted_rows.iter().filter(|r| !r.is_empty()).count(),
    }
}

/// The number of a motion's band, 0 (product-led) ..= 4 (sales-led).
fn band_index(motion: Motion) -> usize {
    Motion::ALL.iter().position(|m| *m == motion).unwrap_or(0)
}

fn group_outcome(
    people: &[PersonResult],
    scored: &[Vec<Vec<f64>>],
    room: &[RoomLean],
    weights: &Weights,
) -> GroupOutcome {
    let own: Vec<(&PersonResult, f64, Motion)> = people
        .iter()
        .filter_map(|p| p.outcome.assessment().map(|a| (p, a.position, a.motion)))
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
            .zip(room)
            .filter_map(|(f, r)| Some((f64::from(weights.get(*f)), r.lean?)))
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
        .zip(room)
        .map(|(f, r)| {
            let weight = weights.get(*f);
            GroupFactor {
                factor: *f,
                weight,
                lean: r.lean,
                contribution: match r.lean {
                    Some(g) if weight > 0 => finite(f64::from(weight) * g / total_w),
                    _ => 0.0,
                },
                people: r.people,
                answers: r.answers,
            }
        })
        .collect();
    let votes = Motion::ALL
        .iter()
        .map(|m| (*m, own.iter().filter(|(_, _, om)| om == m).count()))
        .collect();
    let positions: Vec<f64> = own.iter().map(|(_, p, _)| *p).collect();
    let position_spread = std_dev(&positions);

    // Coverage counts everyone in the workshop, result or not: a room where
    // some have barely answered is less sure of itself.
    let counting: Vec<bool> = Factor::ALL.iter().map(|f| weights.get(*f) > 0).collect();
    let answered: usize = scored
        .iter()
        .zip(&counting)
        .filter(|(_, c)| **c)
        .map(|(row, _)| row.iter().map(Vec::len).sum::<usize>())
        .sum();
    let per_person: usize = Factor::ALL
        .iter()
        .zip(&counting)
        .filter(|(_, c)| **c)
        .map(|(f, _)| questions_for(*f).count())
        .sum();
    let possible = per_person * people.len();
    let coverage = if possible == 0 {
        0.0
    } else {
        finite(answered as f64 / possible as f64).clamp(0.0, 1.0)
    };

    let result = GroupResult {
        position,
        motion: motion_at(position),
        confidence: room_confidence(coverage, position_spread, position),
        coverage,
        factors,
        with_result: own.len(),
        votes,
        position_spread,
    };
    let own_positions: Vec<(&PersonResult, f64)> = own.iter().map(|(p, x, _)| (*p, *x)).collect();
    match split_camps(&own_positions) {
        Some(camps) => GroupOutcome::Split {
            camps,
            room: result,
        },
        None => GroupOutcome::Ready(result),
    }
}

/// The two camps of a split room, or `None` when the room is not split (the
/// rule is in the module docs). `own`: the people with a result and their
/// own positions, in participant order.
fn split_camps(own: &[(&PersonResult, f64)]) -> Option<[Camp; 2]> {
    let n = own.len();
    let k = SPLIT_MIN_CAMP.max(n.div_ceil(4));
    if n < 2 * k {
        return None;
    }
    let mut sorted: Vec<f64> = own.iter().map(|(_, x)| *x).collect();
    sorted.sort_by(f64::total_cmp);
    // The allowed cut (each side ≥ k people) with the widest gap; the lower
    // one on ties. A cut at i puts sorted[..i] on the product-led side.
    let mut best: Option<(usize, f64)> = None;
    for i in k..=n - k {
        let gap = sorted[i] - sorted[i - 1];
        if best.is_none_or(|(_, g)| gap > g) {
            best = Some((i, gap));
        }
    }
    let (cut, gap) = best?;
    if gap < SPLIT_MIN_GAP {
        return None;
    }
    // Everyone at or below the last position of the lower side: equal
    // positions never straddle the cut, because the gap there is ≥ 40.
    let edge = sorted[cut - 1];
    let camp = |lower: bool| {
        let members: Vec<&(&PersonResult, f64)> =
            own.iter().filter(|(_, x)| (*x <= edge) == lower).collect();
        let positions: Vec<f64> = members.iter().map(|(_, x)| *x).collect();
        let position = mean(&positions).unwrap_or(0.0).clamp(-100.0, 100.0);
        Camp {
            members: members.iter().map(|(p, _)| p.id).collect(),
            names: members.iter().map(|(p, _)| p.name.clone()).collect(),
            position,
            motion: motion_at(position),
        }
    };
    let camps = [camp(true), camp(false)];
    let apart = band_index(camps[1].motion).saturating_sub(band_index(camps[0].motion));
    (apart >= SPLIT_MIN_BANDS).then_some(camps)
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
    // The phrase text comes from Assess so the two screens always use the
    // same words; people are grouped by the step their lean falls in.
    let by_phrase = Lean::ALL
        .into_iter()
        .map(|step| {
            let names = participants
                .iter()
                .zip(row)
                .filter(|(_, l)| l.is_some_and(|l| Lean::from_value(l) == step))
                .map(|(p, _)| p.name.clone())
                .collect();
            (step.phrase(), names)
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
