//! The application state document: everything the user has entered, in one
//! value that is saved, exported, imported and shared as a whole.

use serde::{Deserialize, Serialize};

use super::assess::AssessState;
use super::compare::CompareState;
use super::input::FieldError;
use super::insight::InsightSettings;
use super::measure::MeasureState;
use super::plan::PlanState;
use super::sim::SimState;
use super::workshop::WorkshopState;

/// The colour scheme of the app.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Dark text on a light background.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
    /// Large type and maximum contrast, for a room with a projector.
    Projector,
}

impl Theme {
    /// All themes, in the order the picker shows them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Projector];

    /// The name shown in the picker.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::Projector => "Projector",
        }
    }

    /// The value of the `data-theme` attribute on `<html>`.
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Projector => "projector",
        }
    }

    /// Parses [`Theme::slug`]; `None` for anything else.
    pub fn from_slug(slug: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

/// Everything the user has entered, held under `data` in the stored format.
/// Version 1 had no `insight`; version 2 added it (a version 1 document reads
/// with the default settings).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppState {
    /// The chosen colour scheme.
    pub theme: Theme,
    /// Assess: answers, weights and the motion chosen for the simulator.
    pub assess: AssessState,
    /// Compare: pinned rows.
    pub compare: CompareState,
    /// Simulate: unit economics, channel CAC, the scenario and saved scenarios.
    pub simulate: SimState,
    /// Plan: the PQL playbook, checklist ticks and pilot plan.
    pub plan: PlanState,
    /// Workshop: participants and their answers.
    pub workshop: WorkshopState,
    /// Insight: tornado swing, Monte Carlo ranges and seed, goal seek form.
    #[serde(default)]
    pub insight: InsightSettings,
    /// Measure: the last measurement (derived series only, never the file's
    /// rows) and the page's settings. Added in version 3; absent reads as
    /// nothing measured.
    #[serde(default)]
    pub measure: MeasureState,
}

impl AppState {
    /// Checks every value against the ranges the app accepts.
    ///
    /// # Errors
    /// The first [`FieldError`] found, naming the field.
    pub fn validate(&self) -> Result<(), FieldError> {
        self.assess.validate()?;
        self.compare.validate()?;
        self.simulate.validate()?;
        self.plan.validate()?;
        self.workshop.validate()?;
        self.insight.validate()?;
        self.measure.validate()?;
        Ok(())
    }
}
