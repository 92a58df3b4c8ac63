//! The saved state of the Plan page and the edits it allows (add, change,
//! move and remove rules, tick tasks), each refused with a reason when bad.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::capacity::PqlVolumes;
use super::checklist::is_task_id;
use super::pilot::PilotPlan;
use super::playbook::{default_rules, PqlRule, RuleDraft, MAX_RULES};
use crate::domain::input::FieldError;
use crate::domain::motion::Motion;

/// Why a playbook edit was refused.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum PlanError {
    /// No rule has this id.
    #[error("There is no rule {0}.")]
    UnknownRule(u32),
    /// The playbook is full.
    #[error("A playbook holds at most {max} rules.")]
    TooManyRules {
        /// The limit.
        max: usize,
    },
    /// Rule ids have run out (after four billion additions).
    #[error("No more rule ids are available; reset the playbook.")]
    IdsExhausted,
    /// A field of the rule is invalid.
    #[error(transparent)]
    Invalid(#[from] FieldError),
}

/// The saved state of the Plan page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanState {
    /// The playbook, in display order.
    pub rules: Vec<PqlRule>,
    /// The id the next added rule gets; above every id in `rules`.
    pub next_rule_id: u32,
    /// Volumes for the estimate.
    pub volumes: PqlVolumes,
    /// The motion whose metrics are listed; `None` follows the assessment.
    pub metrics_motion: Option<Motion>,
    /// Ids of ticked checklist tasks.
    pub checklist: BTreeSet<String>,
    /// The pilot plan.
    pub pilot: PilotPlan,
}

impl Default for PlanState {
    /// The four default rules, default volumes, nothing ticked, an empty pilot.
    fn default() -> Self {
        let rules = default_rules();
        let next_rule_id = rules.iter().map(|r| r.id).max().unwrap_or(0) + 1;
        PlanState {
            rules,
            next_rule_id,
            volumes: PqlVolumes::default(),
            metrics_motion: None,
            checklist: BTreeSet::new(),
            pilot: PilotPlan::default(),
        }
    }
}

impl PlanState {
    /// Checks the stored state.
    ///
    /// # Errors
    /// [`FieldError`] naming the first bad field: too many rules, a duplicate
    /// rule id or one not below `next_rule_id`, a bad rule field, bad
    /// volumes, an unknown checklist task id, or a bad pilot.
    pub fn validate(&self) -> Result<(), FieldError> {
        if self.rules.len() > MAX_RULES {
            return Err(FieldError::new(
                "plan.rules",
                format!("has {} rules; at most {MAX_RULES}", self.rules.len()),
            ));
        }
        for (i, r) in self.rules.iter().enumerate() {
            let field = format!("plan.rules[{i}]");
            if self.rules.iter().take(i).any(|o| o.id == r.id) {
                return Err(FieldError::new(
                    format!("{field}.id"),
                    format!("rule id {} is used twice", r.id),
                ));
            }
            if r.id >= self.next_rule_id {
                return Err(FieldError::new(
                    "plan.next_rule_id",
                    format!("must be above every rule id, but rule {} exists", r.id),
                ));
            }
            r.validate_at(&field)?;
        }
        self.volumes.validate()?;
        if let Some(id) = self.checklist.iter().find(|id| !is_task_id(id)) {
            return Err(FieldError::new(
                "plan.checklist",
                format!("“{id}” is not a checklist task"),
            ));
        }
        self.pilot.validate()
    }

    /// The rule with this id.
    pub fn rule(&self, id: u32) -> Option<&PqlRule> {
        self.rules.iter().find(|r| r.id == id)
    }

    fn position(&self, id: u32) -> Result<usize, PlanError> {
        self.rules
            .iter()
            .position(|r| r.id == id)
            .ok_or(PlanError::UnknownRule(id))
    }

    /// Adds a rule at the end of the playbook and returns its new id.
    ///
    /// # Errors
    /// [`PlanError::Invalid`] for a bad field, [`PlanError::TooManyRules`]
    /// when full, [`PlanError::IdsExhausted`] when no id is left. The state
    /// is unchanged on error.
    pub fn add_rule(&mut self, draft: RuleDraft) -> Result<u32, PlanError> {
        if self.rules.len() >= MAX_RULES {
            return Err(PlanError::TooManyRules { max: MAX_RULES });
        }
        let id = self.next_rule_id;
        let next = id.checked_add(1).ok_or(PlanError::IdsExhausted)?;
        let rule = draft.into_rule(id);
        rule.validate_at(&format!("plan.rules[{}]", self.rules.len()))?;
        self.rules.push(rule);
        self.next_rule_id = next;
        Ok(id)
    }

    /// Replaces the fields of rule `id`, keeping its id and place.
    ///
    /// # Errors
    /// [`PlanError::UnknownRule`] or [`PlanError::Invalid`]; the state is
    /// unchanged on error.
    pub fn update(&mut self, id: u32, draft: RuleDraft) -> Result<(), PlanError> {
        let i = self.position(id)?;
        let rule = draft.into_rule(id);
        rule.validate_at(&format!("plan.rules[{i}]"))?;
        if let Some(slot) = self.rules.get_mut(i) {
            *slot = rule;
        }
        Ok(())
    }

    /// Moves rule `id` one place up. Returns whether it moved (false when it
    /// is already first).
    ///
    /// # Errors
    /// [`PlanError::UnknownRule`].
    pub fn move_up(&mut self, id: u32) -> Result<bool, PlanError> {
        let i = self.position(id)?;
        if i == 0 {
            return Ok(false);
        }
        self.rules.swap(i - 1, i);
        Ok(true)
    }

    /// Moves rule `id` one place down. Returns whether it moved (false when
    /// it is already last).
    ///
    /// # Errors
    /// [`PlanError::UnknownRule`].
    pub fn move_down(&mut self, id: u32) -> Result<bool, PlanError> {
        let i = self.position(id)?;
        if i + 1 >= self.rules.len() {
            return Ok(false);
        }
        self.rules.swap(i, i + 1);
        Ok(true)
    }

    /// Removes rule `id` and returns it. Its id is not reused.
    ///
    /// # Errors
    /// [`PlanError::UnknownRule`].
    pub fn remove(&mut self, id: u32) -> Result<PqlRule, PlanError> {
        let i = self.position(id)?;
        Ok(self.rules.remove(i))
    }

    /// Puts the four default rules back, with fresh ids (so a page keyed by id
    /// never confuses them with removed ones).
    ///
    /// # Errors
    /// [`PlanError::IdsExhausted`] when no ids are left.
    pub fn reset_rules(&mut self) -> Result<(), PlanError> {
        let mut rules = Vec::new();
        let mut next = self.next_rule_id;
        for r in default_rules() {
            rules.push(PqlRule { id: next, ..r });
            next = next.checked_add(1).ok_or(PlanError::IdsExhausted)?;
        }
        self.rules = rules;
        self.next_rule_id = next;
        Ok(())
    }

    /// Ticks or unticks a task; unknown ids are ignored. Returns whether it
    /// is now ticked.
    pub fn toggle_task(&mut self, id: &str) -> bool {
        if self.checklist.remove(id) {
            false
        } else if is_task_id(id) {
            self.checklist.insert(id.to_string());
            true
        } else {
            false
        }
    }
}
