//! How far each step of the work has got, read from what is stored: the
//! navigation shows it beside each workspace (answers given, scenario
//! edited, plan started). Nothing here is stored itself; a status is a
//! function of the saved document, so it is the same after a reload, an
//! import or an undo.

use super::assess::Progress;
use super::compare::CompareState;
use super::measure::MeasureState;
use super::motion::Motion;
use super::plan::PlanState;
use super::sim::{preset, SimState};
use super::workshop::WorkshopState;

/// Where one step stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepStatus {
    /// Nothing entered yet; the text says so in the step's terms.
    Untouched(String),
    /// Something entered, more to do.
    Started(String),
    /// The step has what the next one needs.
    Done(String),
}

impl StepStatus {
    /// The short text shown under the step's name.
    pub fn text(&self) -> &str {
        match self {
            StepStatus::Untouched(t) | StepStatus::Started(t) | StepStatus::Done(t) => t,
        }
    }

    /// Whether the step is done.
    pub fn is_done(&self) -> bool {
        matches!(self, StepStatus::Done(_))
    }

    /// A stable name for the state, used as a `data-status` attribute.
    pub fn slug(&self) -> &'static str {
        match self {
            StepStatus::Untouched(_) => "untouched",
            StepStatus::Started(_) => "started",
            StepStatus::Done(_) => "done",
        }
    }
}

/// "1 row", "3 rows": a count with its noun.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Assess: done once the answers give a recommendation (`has_result`),
/// started with any answer, "Not sure" included.
pub fn assess(progress: Progress, has_result: bool) -> StepStatus {
    if has_result {
        StepStatus::Done(progress.text())
    } else if progress.answered > 0 {
        StepStatus::Started(progress.text())
    } else {
        StepStatus::Untouched("not started".to_string())
    }
}

/// Compare is read rather than filled in; pinned rows are the only trace
/// it keeps.
pub fn compare(state: &CompareState) -> StepStatus {
    match state.pinned.len() {
        0 => StepStatus::Untouched("nothing pinned".to_string()),
        n => StepStatus::Started(format!("{} pinned", count(n, "row", "rows"))),
    }
}

/// Measure is optional: done once a billing export has been measured (the
/// stored measurement is not read here, only whether there is one).
pub fn measure(state: &MeasureState) -> StepStatus {
    if state.measurement.is_some() {
        StepStatus::Done("export measured".to_string())
    } else {
        StepStatus::Untouched("optional".to_string())
    }
}

/// Simulate: done once the scenario holds numbers of the person's own (it
/// matches no preset) or a scenario is saved; started when a preset other
/// than the starting one is in place or the quick calculator or the
/// channel table was changed.
pub fn simulate(state: &SimState) -> StepStatus {
    if !state.scenarios.is_empty() {
        let n = state.scenarios.len();
        return StepStatus::Done(format!("{} saved", count(n, "scenario", "scenarios")));
    }
    let preset_in_place = Motion::ALL.into_iter().find(|m| preset(*m) == state.inputs);
    let fresh = SimState::default();
    match preset_in_place {
        None => StepStatus::Done("scenario edited".to_string()),
        Some(m) if state.inputs != fresh.inputs => {
            StepStatus::Started(format!("{} preset", m.label()))
        }
        Some(_) if state.unit != fresh.unit || state.channels != fresh.channels => {
            StepStatus::Started("calculator used".to_string())
        }
        Some(_) => StepStatus::Untouched("not started".to_string()),
    }
}

/// Plan: started once anything differs from the starting plan (a rule, a
/// volume, a ticked task, the pilot); the ticked tasks are counted.
pub fn plan(state: &PlanState) -> StepStatus {
    let ticked = state.checklist.len();
    if ticked > 0 {
        StepStatus::Started(format!("{} ticked", count(ticked, "task", "tasks")))
    } else if *state != PlanState::default() {
        StepStatus::Started("plan started".to_string())
    } else {
        StepStatus::Untouched("not started".to_string())
    }
}

/// Workshop: the number of people in the room.
pub fn workshop(state: &WorkshopState) -> StepStatus {
    match state.participants.len() {
        0 => StepStatus::Untouched("for a room".to_string()),
        n => StepStatus::Started(count(n, "person", "people")),
    }
}
