//! The simulator's saved state: the quick calculator, the CAC-by-channel
//! table, the current scenario inputs and the named scenarios, with pure
//! operations on them.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::compare::{compare_summaries, ComparisonTable};
use super::inputs::FieldId;
use super::inputs::ScenarioInputs;
use super::model::{simulate, Projection};
use super::presets::preset;
use super::provenance::{self, Provenance};
use crate::domain::economics::{
    check_input, check_name, default_channel_rows, ChannelRow, UnitInputs, CHANNEL_CUSTOMERS_RANGE,
    CHANNEL_SPEND_RANGE, DISCOUNT_RATE_RANGE, MAX_CHANNEL_ROWS, MAX_NAME_CHARS,
};
use crate::domain::input::{check, FieldError, InputError};
use crate::domain::motion::Motion;

/// Most named scenarios kept.
pub const MAX_SCENARIOS: usize = 8;
/// Most scenarios compared at once.
pub const MAX_COMPARE: usize = 3;

/// Why an operation on the simulator state was refused. Messages are shown
/// to the user.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum StateError {
    /// Already [`MAX_SCENARIOS`] scenarios.
    #[error("You can keep up to 8 scenarios; delete one first.")]
    TooManyScenarios,
    /// No scenario has this id.
    #[error("That scenario no longer exists.")]
    UnknownScenario(u32),
    /// Already [`MAX_COMPARE`] scenarios picked.
    #[error("Up to 3 scenarios can be compared at once; untick one first.")]
    TooManyCompared,
    /// Already [`MAX_CHANNEL_ROWS`] rows.
    #[error("The table holds up to 12 channels.")]
    TooManyChannels,
    /// No channel row has this id.
    #[error("That channel no longer exists.")]
    UnknownChannel(u32),
    /// The name is blank.
    #[error("Give it a name.")]
    EmptyName,
    /// The name is too long.
    #[error("Names can be at most 60 characters.")]
    NameTooLong,
    /// The name holds control characters.
    #[error("Names cannot contain line breaks or other control characters.")]
    NameHasControlCharacters,
    /// A number was refused.
    #[error("{0}")]
    Input(#[from] InputError),
    /// Every id has been used (after four billion additions).
    #[error("No more ids are available; reset the simulator.")]
    IdsExhausted,
}

/// A saved scenario. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedScenario {
    /// Stable id.
    pub id: u32,
    /// The name (1–60 characters).
    pub name: String,
    /// Its inputs.
    pub inputs: ScenarioInputs,
}

/// Everything the simulate workspace keeps. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimState {
    /// The quick unit-economics calculator.
    pub unit: UnitInputs,
    /// The CAC-by-channel table.
    pub channels: Vec<ChannelRow>,
    /// The scenario being edited.
    pub inputs: ScenarioInputs,
    /// Named scenarios, at most [`MAX_SCENARIOS`].
    pub scenarios: Vec<NamedScenario>,
    /// Ids of the scenarios picked for comparison, at most [`MAX_COMPARE`],
    /// in the order they were picked (the first is the reference).
    pub compare: Vec<u32>,
    /// The next id handed out, to a scenario or a channel row. Ids are never
    /// reused, so a stale reference cannot hit a newer item.
    pub next_id: u32,
    /// The annual discount rate (%) of the discounted LTV shown beside LTV;
    /// `None` until the user asks for one. Added in stored version 3.
    #[serde(default)]
    pub ltv_discount_rate_pct: Option<f64>,
    /// Where inputs that were not typed came from (Measure's "Start the
    /// simulator from these"), at most one per field. Added in stored
    /// version 3; absent reads as none.
    #[serde(default)]
    pub provenance: Vec<Provenance>,
}

impl Default for SimState {
    fn default() -> Self {
        let channels = default_channel_rows();
        let next_id = channels.iter().map(|c| c.id).max().map_or(1, |m| m + 1);
        SimState {
            unit: UnitInputs::default(),
            channels,
            inputs: ScenarioInputs::default(),
            scenarios: Vec::new(),
            compare: Vec::new(),
            next_id,
            ltv_discount_rate_pct: None,
            provenance: Vec::new(),
        }
    }
}

/// Trims a typed name and checks it.
fn clean_name(name: &str) -> Result<String, StateError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StateError::EmptyName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(StateError::NameTooLong);
    }
    if name.chars().any(char::is_control) {
        return Err(StateError::NameHasControlCharacters);
    }
    Ok(name.to_string())
}

/// `name` plus " (copy)", shortened so the result fits [`MAX_NAME_CHARS`].
fn copy_name(name: &str) -> String {
    const SUFFIX: &str = " (copy)";
    let room = MAX_NAME_CHARS - SUFFIX.chars().count();
    let base: String = name.chars().take(room).collect();
    format!("{}{SUFFIX}", base.trim_end())
}

fn prefixed(prefix: &str, e: FieldError) -> FieldError {
    FieldError::new(format!("{prefix}{}", e.field), e.problem)
}

impl SimState {
    /// Checks everything a saved state can get wrong: every number, name
    /// and limit, unique ids below `next_id`, and compare ids that exist.
    ///
    /// # Errors
    /// The first [`FieldError`], its field a path such as
    /// `simulate.scenarios[2].inputs.sales_led.win_pct`.
    pub fn validate(&self) -> Result<(), FieldError> {
        self.unit
            .validate()
            .map_err(|e| prefixed("simulate.unit.", e))?;
        if let Some(rate) = self.ltv_discount_rate_pct {
            check("simulate.ltv_discount_rate_pct", rate, DISCOUNT_RATE_RANGE)?;
        }
        if self.channels.len() > MAX_CHANNEL_ROWS {
            return Err(FieldError::new(
                "simulate.channels",
                format!("has more than {MAX_CHANNEL_ROWS} rows"),
            ));
        }
        let mut ids: Vec<u32> = Vec::new();
        let mut check_id = |path: &str, id: u32| -> Result<(), FieldError> {
            if id >= self.next_id {
                return Err(FieldError::new(path, "is not below next_id"));
            }
            if ids.contains(&id) {
                return Err(FieldError::new(path, format!("{id} is used twice")));
            }
            ids.push(id);
            Ok(())
        };
        for (i, row) in self.channels.iter().enumerate() {
            let path = format!("simulate.channels[{i}]");
            check_id(&format!("{path}.id"), row.id)?;
            row.validate(&path)?;
        }
        self.inputs
            .validate()
            .map_err(|e| prefixed("simulate.inputs.", e))?;
        provenance::validate_all(&self.provenance, "simulate.provenance")?;
        if self.scenarios.len() > MAX_SCENARIOS {
            return Err(FieldError::new(
                "simulate.scenarios",
                format!("has more than {MAX_SCENARIOS} scenarios"),
            ));
        }
        for (i, s) in self.scenarios.iter().enumerate() {
            let path = format!("simulate.scenarios[{i}]");
            check_id(&format!("{path}.id"), s.id)?;
            check_name(&format!("{path}.name"), &s.name)?;
            s.inputs
                .validate()
                .map_err(|e| prefixed(&format!("{path}.inputs."), e))?;
        }
        if self.compare.len() > MAX_COMPARE {
            return Err(FieldError::new(
                "simulate.compare",
                format!("has more than {MAX_COMPARE} scenarios"),
            ));
        }
        for (i, id) in self.compare.iter().enumerate() {
            let path = format!("simulate.compare[{i}]");
            if self.scenario(*id).is_none() {
                return Err(FieldError::new(
                    path,
                    format!("{id} is not a saved scenario"),
                ));
            }
            if self.compare.iter().take(i).any(|x| x == id) {
                return Err(FieldError::new(path, format!("{id} is listed twice")));
            }
        }
        Ok(())
    }

    fn take_id(&mut self) -> Result<u32, StateError> {
        let id = self.next_id;
        self.next_id = id.checked_add(1).ok_or(StateError::IdsExhausted)?;
        Ok(id)
    }

    /// The scenario with this id.
    pub fn scenario(&self, id: u32) -> Option<&NamedScenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    fn scenario_mut(&mut self, id: u32) -> Result<&mut NamedScenario, StateError> {
        self.scenarios
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(StateError::UnknownScenario(id))
    }

    /// Saves the current inputs as a new named scenario and returns its id.
    ///
    /// # Errors
    /// [`StateError::TooManyScenarios`] when 8 exist; a name error when the
    /// name is blank, longer than 60 characters or has control characters.
    pub fn save_as(&mut self, name: &str) -> Result<u32, StateError> {
        let name = clean_name(name)?;
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(StateError::TooManyScenarios);
        }
        let id = self.take_id()?;
        self.scenarios.push(NamedScenario {
            id,
            name,
            inputs: self.inputs.clone(),
        });
        Ok(id)
    }

    /// Copies a scenario as "`<name>` (copy)", placed after it; returns the
    /// new id.
    ///
    /// # Errors
    /// [`StateError::UnknownScenario`], or
    /// [`StateError::TooManyScenarios`] when 8 exist.
    pub fn duplicate(&mut self, id: u32) -> Result<u32, StateError> {
        let pos = self
            .scenarios
            .iter()
            .position(|s| s.id == id)
            .ok_or(StateError::UnknownScenario(id))?;
        if self.scenarios.len() >= MAX_SCENARIOS {
            return Err(StateError::TooManyScenarios);
        }
        let original = self
            .scenarios
            .get(pos)
            .cloned()
            .ok_or(StateError::UnknownScenario(id))?;
        let new_id = self.take_id()?;
        self.scenarios.insert(
            pos + 1,
            NamedScenario {
                id: new_id,
                name: copy_name(&original.name),
                inputs: original.inputs,
            },
        );
        Ok(new_id)
    }

    /// Renames a scenario.
    ///
    /// # Errors
    /// [`StateError::UnknownScenario`] or a name error; nothing changes.
    pub fn rename(&mut self, id: u32, name: &str) -> Result<(), StateError> {
        let name = clean_name(name)?;
        self.scenario_mut(id)?.name = name;
        Ok(())
    }

    /// Deletes a scenario and drops it from the comparison.
    ///
    /// # Errors
    /// [`StateError::UnknownScenario`].
    pub fn delete(&mut self, id: u32) -> Result<(), StateError> {
        let before = self.scenarios.len();
        self.scenarios.retain(|s| s.id != id);
        if self.scenarios.len() == before {
            return Err(StateError::UnknownScenario(id));
        }
        self.compare.retain(|c| *c != id);
        Ok(())
    }

    /// Makes a saved scenario's inputs the current ones.
    ///
    /// # Errors
    /// [`StateError::UnknownScenario`].
    pub fn load(&mut self, id: u32) -> Result<(), StateError> {
        let inputs = self
            .scenario(id)
            .map(|s| s.inputs.clone())
            .ok_or(StateError::UnknownScenario(id))?;
        self.inputs = inputs;
        self.provenance.clear();
        Ok(())
    }

    /// Overwrites a saved scenario with the current inputs.
    ///
    /// # Errors
    /// [`StateError::UnknownScenario`].
    pub fn overwrite(&mut self, id: u32) -> Result<(), StateError> {
        let inputs = self.inputs.clone();
        self.scenario_mut(id)?.inputs = inputs;
        Ok(())
    }

    /// Puts the motion's preset into the current inputs.
    pub fn apply_preset(&mut self, motion: Motion) {
        self.inputs = preset(motion);
        self.provenance.clear();
    }

    /// Sets one input typed by the person, after checking it against its
    /// range, and drops the field's provenance: the value is theirs now.
    ///
    /// # Errors
    /// [`InputError`] when the value is not finite, outside the range or not
    /// whole where it must be; nothing changes.
    pub fn set_input(&mut self, id: FieldId, value: f64) -> Result<(), InputError> {
        self.inputs.set(id, value)?;
        self.provenance.retain(|p| p.field != id);
        Ok(())
    }

    /// Where the input `id` came from, while it still holds the value it
    /// was given (see [`super::provenance`]).
    pub fn provenance_of(&self, id: FieldId) -> Option<&Provenance> {
        self.provenance
            .iter()
            .find(|p| p.field == id && p.value == self.inputs.get(id))
    }

    /// Replaces the current inputs with ones made elsewhere (Measure) and
    /// records where each filled value came from; earlier provenance goes.
    pub fn start_from(&mut self, inputs: ScenarioInputs, provenance: Vec<Provenance>) {
        self.inputs = inputs;
        self.provenance = provenance;
    }

    /// Adds a scenario to the comparison, or takes it out; returns whether
    /// it is compared now.
    ///
    /// # Errors
    /// [`StateError::UnknownScenario`], or [`StateError::TooManyCompared`]
    /// when adding a fourth.
    pub fn toggle_compare(&mut self, id: u32) -> Result<bool, StateError> {
        if self.scenario(id).is_none() {
            return Err(StateError::UnknownScenario(id));
        }
        if self.compare.contains(&id) {
            self.compare.retain(|c| *c != id);
            return Ok(false);
        }
        if self.compare.len() >= MAX_COMPARE {
            return Err(StateError::TooManyCompared);
        }
        self.compare.push(id);
        Ok(true)
    }

    /// The compared scenarios with their projections, in comparison order —
    /// for the overlaid charts.
    pub fn compared(&self) -> Vec<(&NamedScenario, Projection)> {
        self.compare
            .iter()
            .filter_map(|id| self.scenario(*id))
            .map(|s| (s, simulate(&s.inputs)))
            .collect()
    }

    /// The comparison table of the compared scenarios.
    pub fn comparison(&self) -> ComparisonTable {
        let compared = self.compared();
        let cells: Vec<(u32, &str, &super::model::Summary)> = compared
            .iter()
            .map(|(s, p)| (s.id, s.name.as_str(), &p.summary))
            .collect();
        compare_summaries(&cells)
    }

    // -- CAC-by-channel table ---------------------------------------------

    fn channel_mut(&mut self, id: u32) -> Result<&mut ChannelRow, StateError> {
        self.channels
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(StateError::UnknownChannel(id))
    }

    /// Adds an empty channel row; returns its id.
    ///
    /// # Errors
    /// [`StateError::TooManyChannels`] or a name error.
    pub fn add_channel(&mut self, name: &str) -> Result<u32, StateError> {
        let name = clean_name(name)?;
        if self.channels.len() >= MAX_CHANNEL_ROWS {
            return Err(StateError::TooManyChannels);
        }
        let id = self.take_id()?;
        self.channels.push(ChannelRow {
            id,
            name,
            spend: 0.0,
            customers: 0.0,
        });
        Ok(id)
    }

    /// Renames a channel row.
    ///
    /// # Errors
    /// [`StateError::UnknownChannel`] or a name error.
    pub fn rename_channel(&mut self, id: u32, name: &str) -> Result<(), StateError> {
        let name = clean_name(name)?;
        self.channel_mut(id)?.name = name;
        Ok(())
    }

    /// Removes a channel row.
    ///
    /// # Errors
    /// [`StateError::UnknownChannel`].
    pub fn remove_channel(&mut self, id: u32) -> Result<(), StateError> {
        let before = self.channels.len();
        self.channels.retain(|c| c.id != id);
        if self.channels.len() == before {
            return Err(StateError::UnknownChannel(id));
        }
        Ok(())
    }

    /// Sets a channel row's spend, $.
    ///
    /// # Errors
    /// [`StateError::Input`] outside the range, or
    /// [`StateError::UnknownChannel`]; nothing changes.
    pub fn set_channel_spend(&mut self, id: u32, spend: f64) -> Result<(), StateError> {
        check_input(spend, CHANNEL_SPEND_RANGE)?;
        self.channel_mut(id)?.spend = spend;
        Ok(())
    }

    /// Sets a channel row's new customers (whole).
    ///
    /// # Errors
    /// [`StateError::Input`] outside the range or not whole, or
    /// [`StateError::UnknownChannel`]; nothing changes.
    pub fn set_channel_customers(&mut self, id: u32, customers: f64) -> Result<(), StateError> {
        check_input(customers, CHANNEL_CUSTOMERS_RANGE)?;
        self.channel_mut(id)?.customers = customers;
        Ok(())
    }
}
