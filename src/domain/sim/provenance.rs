//! Where a scenario input came from when the person did not type it:
//! "Measured from subscriptions.csv, Nov 2024 – Oct 2026, 8,589
//! subscriptions". Saved with the simulator state (added in stored version
//! 3) and shown under the field.
//!
//! A provenance holds only while the field keeps the value it was given:
//! [`Provenance::value`] is that value, and [`super::SimState::provenance_of`]
//! shows the note only while the input still equals it, so any road that
//! changes the field (a preset, a loaded scenario, goal seek, another tab)
//! makes the note go. An edit in the field itself drops the note for good
//! ([`super::SimState::set_input`]).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::inputs::FieldId;
use crate::domain::input::{check, FieldError};

/// The longest provenance text kept, in characters.
pub const MAX_SOURCE_CHARS: usize = 400;

/// Where one input's value came from. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The input, stored as its slug (`self_serve.churn_pct`).
    #[serde(serialize_with = "write_slug", deserialize_with = "read_slug")]
    pub field: FieldId,
    /// The value the input was given, in the field's unit.
    pub value: f64,
    /// The sentence shown under the field.
    pub source: String,
}

fn write_slug<S: Serializer>(field: &FieldId, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(field.slug())
}

fn read_slug<'de, D: Deserializer<'de>>(d: D) -> Result<FieldId, D::Error> {
    let slug = String::deserialize(d)?;
    FieldId::from_slug(&slug)
        .ok_or_else(|| serde::de::Error::custom(format!("“{slug}” is not a simulator input")))
}

impl Provenance {
    /// Checks one entry: its value inside the field's range, and a source
    /// of 1–[`MAX_SOURCE_CHARS`] characters without control characters.
    ///
    /// # Errors
    /// A [`FieldError`] whose field is `path` plus the part at fault.
    pub fn validate(&self, path: &str) -> Result<(), FieldError> {
        check(
            &format!("{path}.value"),
            self.value,
            self.field.spec().range,
        )?;
        let chars = self.source.chars().count();
        if chars == 0 || chars > MAX_SOURCE_CHARS {
            return Err(FieldError::new(
                format!("{path}.source"),
                format!("must be 1 to {MAX_SOURCE_CHARS} characters"),
            ));
        }
        if self.source.chars().any(char::is_control) {
            return Err(FieldError::new(
                format!("{path}.source"),
                "has control characters",
            ));
        }
        Ok(())
    }
}

/// Checks a list of provenances: each entry, and each field at most once.
///
/// # Errors
/// The first [`FieldError`], its field under `path` (`simulate.provenance[2].value`).
pub fn validate_all(list: &[Provenance], path: &str) -> Result<(), FieldError> {
    for (i, p) in list.iter().enumerate() {
        let here = format!("{path}[{i}]");
        p.validate(&here)?;
        if list.iter().take(i).any(|q| q.field == p.field) {
            return Err(FieldError::new(
                format!("{here}.field"),
                format!("{} is listed twice", p.field.slug()),
            ));
        }
    }
    Ok(())
}
