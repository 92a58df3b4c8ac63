//! What the insight tools remember between visits: the tornado's swing and
//! output, the input ranges and seed of the Monte Carlo run, and the goal
//! seek form. Saved from format version 2 on, under `insight`.
//!
//! Results are never saved: they follow from these settings and the
//! scenario, and a seeded run gives the same bands every time.

use serde::{Deserialize, Serialize};

use super::{Output, Target, UncertaintySpec, MAX_DRAWS};
use crate::domain::input::{check, FieldError, Range, Unit};
use crate::domain::sim::FieldId;

/// The draws a user may ask for: at least the 10,000 the percentiles need
/// to be steady, at most [`MAX_DRAWS`].
pub const DRAWS_RANGE: Range = Range::whole(1_000.0, MAX_DRAWS as f64).in_unit(Unit::Count);

/// The seeds a user may type: any whole number up to 2³² − 1.
pub const SEED_RANGE: Range = Range::whole(0.0, 4_294_967_295.0);

/// The seed a new run starts from.
pub const DEFAULT_SEED: u32 = 2026;

/// The input the goal seek starts with: the sales-led win rate, which the
/// default scenario's payback depends on.
pub const DEFAULT_GOAL_FIELD: FieldId = FieldId::SlWinPct;

/// The insight settings. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InsightSettings {
    /// How far the tornado moves each input each way, percent (1–90).
    pub swing_pct: f64,
    /// The output the tornado shows.
    pub tornado_output: Output,
    /// The inputs with a low / likely / high range.
    pub uncertainty: UncertaintySpec,
    /// Draws per Monte Carlo run.
    pub draws: u32,
    /// The seed of the Monte Carlo run.
    pub seed: u32,
    /// The input the goal seek moves; stored as its slug, e.g.
    /// `"self_serve.churn_pct"`.
    #[serde(deserialize_with = "goal_field")]
    pub goal_field: FieldId,
    /// What the goal seek aims for.
    pub goal_target: Target,
}

impl Default for InsightSettings {
    fn default() -> Self {
        InsightSettings {
            swing_pct: 20.0,
            tornado_output: Output::Payback,
            uncertainty: UncertaintySpec::default(),
            draws: super::DEFAULT_DRAWS,
            seed: DEFAULT_SEED,
            goal_field: DEFAULT_GOAL_FIELD,
            goal_target: Target::default(),
        }
    }
}

impl InsightSettings {
    /// The goal-seek field, always `Some`: an unknown slug is refused when
    /// the settings are read. Left from when the field was text that could
    /// name nothing; new code reads [`InsightSettings::goal_field`].
    pub fn goal_field_id(&self) -> Option<FieldId> {
        Some(self.goal_field)
    }

    /// Checks every value: the swing in 1–90 %, the ranges (see
    /// [`UncertaintySpec::validate`]), the draws in [`DRAWS_RANGE`], a goal
    /// field that is a simulator input other than the horizon, and a target
    /// inside its range.
    ///
    /// # Errors
    /// The first [`FieldError`], its path starting with `insight.`.
    pub fn validate(&self) -> Result<(), FieldError> {
        check("insight.swing_pct", self.swing_pct, super::SWING_RANGE)?;
        self.uncertainty
            .validate()
            .map_err(|e| FieldError::new(format!("insight.uncertainty.{}", e.field), e.problem))?;
        check("insight.draws", f64::from(self.draws), DRAWS_RANGE)?;
        if self.goal_field == FieldId::HorizonMonths {
            return Err(FieldError::new(
                "insight.goal_field",
                format!(
                    "“{}” is not an input the goal seek can move",
                    self.goal_field.slug()
                ),
            ));
        }
        self.goal_target
            .validate()
            .map_err(|e| FieldError::new(format!("insight.goal_{}", e.field), e.problem))
    }
}

/// Reads [`InsightSettings::goal_field`], naming the field when its slug is
/// not a simulator input (serde's own errors do not say where they are).
fn goal_field<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<FieldId, D::Error> {
    FieldId::deserialize(deserializer)
        .map_err(|e| serde::de::Error::custom(format!("insight.goal_field: {e}")))
}
