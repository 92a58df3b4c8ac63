//! What the Measure workspace keeps in the saved document: the last
//! [`Measurement`] (derived series and tables only — never a row of the
//! file) and the page's settings. Added in stored version 3; a document
//! without it reads as nothing measured.
//!
//! The measurement is kept as its JSON ([`StoredMeasurement`]) and read
//! into a [`Measurement`], and checked, only by the Measure workspace and
//! the tools that use it. Loading the document therefore needs no code for
//! the measurement's many types, which stay in the workspace's own chunk
//! instead of the first load. A stored measurement that cannot be read
//! is reported there (and can be removed or replaced); it never stops the
//! rest of the document from loading.

use serde::{Deserialize, Serialize};

use super::seed::{ChannelTarget, ModelChannel};
use super::series::{MonthRow, MAX_CHANNELS, MAX_MONTHS};
use super::Measurement;
use crate::domain::economics::MONEY_LIMIT;
use crate::domain::input::{check, FieldError, Range};
use crate::domain::unit::Unit;

/// The gross margin a person can confirm, %.
pub const GROSS_MARGIN_RANGE: Range = Range::new(0.0, 100.0).in_unit(Unit::Percent);

/// The longest file name or channel name kept, in characters.
pub const MAX_NAME_CHARS: usize = 260;

/// A [`Measurement`] as the stored document keeps it: its JSON, read back
/// by [`StoredMeasurement::read`] where it is used (see the module docs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoredMeasurement(serde_json::Value);

impl StoredMeasurement {
    /// `m` as stored.
    ///
    /// # Errors
    /// A [`FieldError`] when `m` holds a number that is not finite or a
    /// part out of range ([`Measurement::validate`]): nothing is stored
    /// that could not be read back.
    pub fn new(m: &Measurement) -> Result<StoredMeasurement, FieldError> {
        m.validate()?;
        serde_json::to_value(m)
            .map(StoredMeasurement)
            .map_err(|e| FieldError::new("measure.measurement", e.to_string()))
    }

    /// The measurement, read and checked.
    ///
    /// # Errors
    /// A [`FieldError`] naming what is missing, of the wrong type or out of
    /// range.
    pub fn read(&self) -> Result<Measurement, FieldError> {
        let m: Measurement = serde_json::from_value(self.0.clone())
            .map_err(|e| FieldError::new("measure.measurement", e.to_string()))?;
        m.validate()?;
        Ok(m)
    }
}

/// Everything the Measure workspace saves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureState {
    /// The last import's measurement as stored; a new import replaces it
    /// ([`MeasureState::replace`]), [`MeasureState::measurement`] reads it.
    #[serde(default)]
    pub measurement: Option<StoredMeasurement>,
    /// The gross margin the person confirmed for LTV and payback, %;
    /// `None` until they do (the page then uses the simulator's).
    #[serde(default)]
    pub gross_margin_pct: Option<f64>,
    /// The model channel measured customers go to when the file names no
    /// channels.
    #[serde(default)]
    pub target: ModelChannel,
    /// Where each of the file's channels goes, when the person chose.
    #[serde(default)]
    pub channel_targets: Vec<ChannelTarget>,
}

fn name_ok(path: &str, name: &str) -> Result<(), FieldError> {
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(FieldError::new(
            path,
            format!("is longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    Ok(())
}

/// Money stays within what the importer produces: finite, 0 up to
/// [`MONEY_LIMIT`] per row for MRR and its parts. Sums over many rows may
/// exceed one row's limit, so the bound is generous.
fn money_ok(path: &str, value: f64) -> Result<(), FieldError> {
    if !value.is_finite() || !(0.0..=MONEY_LIMIT * 1e3).contains(&value) {
        return Err(FieldError::new(path, "is not an amount the import makes"));
    }
    Ok(())
}

fn series_ok(path: &str, series: &[MonthRow]) -> Result<(), FieldError> {
    if series.len() > MAX_MONTHS as usize {
        return Err(FieldError::new(
            path,
            format!("has more than {MAX_MONTHS} months"),
        ));
    }
    for (i, r) in series.iter().enumerate() {
        let here = format!("{path}[{i}]");
        if i > 0 && series[i - 1].month >= r.month {
            return Err(FieldError::new(
                format!("{here}.month"),
                "is not after the month before",
            ));
        }
        let money = [
            Some(r.mrr),
            r.start_mrr,
            r.new_mrr,
            r.expansion_mrr,
            r.contraction_mrr,
            r.churned_mrr,
            r.reactivation_mrr,
            r.spend,
        ];
        for v in money.into_iter().flatten() {
            money_ok(&here, v)?;
        }
    }
    Ok(())
}

impl Measurement {
    /// Checks a measurement: every number finite and in range, months in
    /// order, no more months, channels or cohorts than an import makes,
    /// names of a sane length.
    ///
    /// # Errors
    /// The first [`FieldError`], its field a path under
    /// `measure.measurement.`.
    pub fn validate(&self) -> Result<(), FieldError> {
        let m = self;
        if !m.is_finite() {
            return Err(FieldError::new(
                "measure.measurement",
                "holds a number that is not finite",
            ));
        }
        name_ok("measure.measurement.source.file_name", &m.source.file_name)?;
        name_ok("measure.measurement.source.currency", &m.source.currency)?;
        series_ok("measure.measurement.series", &m.series)?;
        if m.channels.len() > MAX_CHANNELS + 1 {
            return Err(FieldError::new(
                "measure.measurement.channels",
                format!("has more than {} channels", MAX_CHANNELS + 1),
            ));
        }
        for (i, c) in m.channels.iter().enumerate() {
            let path = format!("measure.measurement.channels[{i}]");
            name_ok(&format!("{path}.name"), &c.name)?;
            series_ok(&format!("{path}.series"), &c.series)?;
        }
        if let Some(cohorts) = &m.cohorts {
            if cohorts.rows.len() > MAX_MONTHS as usize {
                return Err(FieldError::new(
                    "measure.measurement.cohorts",
                    format!("has more than {MAX_MONTHS} cohorts"),
                ));
            }
            for (i, row) in cohorts.rows.iter().enumerate() {
                let path = format!("measure.measurement.cohorts.rows[{i}]");
                if row.customers.len() != row.mrr.len() || row.customers.len() > MAX_MONTHS as usize
                {
                    return Err(FieldError::new(
                        path,
                        "has customer and MRR columns of different lengths",
                    ));
                }
                for v in &row.mrr {
                    money_ok(&format!("{path}.mrr"), *v)?;
                }
            }
        }
        if let Some(r) = &m.retention {
            for v in [r.mrr_then, r.mrr_now, r.mrr_kept] {
                money_ok("measure.measurement.retention", v)?;
            }
        }
        Ok(())
    }
}

impl MeasureState {
    /// Checks a stored or imported slice: the gross margin in range, no
    /// more channel choices than an import makes, names of a sane length,
    /// and a measurement that is a JSON object (its contents are checked
    /// where it is read, [`StoredMeasurement::read`]).
    ///
    /// # Errors
    /// The first [`FieldError`], its field a path under `measure.`.
    pub fn validate(&self) -> Result<(), FieldError> {
        if let Some(gm) = self.gross_margin_pct {
            check("measure.gross_margin_pct", gm, GROSS_MARGIN_RANGE)?;
        }
        if self.channel_targets.len() > MAX_CHANNELS + 1 {
            return Err(FieldError::new(
                "measure.channel_targets",
                format!("has more than {} channels", MAX_CHANNELS + 1),
            ));
        }
        for (i, t) in self.channel_targets.iter().enumerate() {
            name_ok(&format!("measure.channel_targets[{i}].name"), &t.name)?;
        }
        if let Some(m) = &self.measurement {
            if !m.0.is_object() {
                return Err(FieldError::new(
                    "measure.measurement",
                    "is not a measurement",
                ));
            }
        }
        Ok(())
    }

    /// The stored measurement, read and checked; `None` when nothing is
    /// measured.
    pub fn measurement(&self) -> Option<Result<Measurement, FieldError>> {
        self.measurement.as_ref().map(StoredMeasurement::read)
    }

    /// Replaces the measurement with a new import's, its money rounded to
    /// the cent as stored ([`Measurement::to_cents`]), so what the page
    /// shows after the import is what it shows after a reload. The settings
    /// stay; channel choices for channels the new file does not have are
    /// dropped.
    ///
    /// # Errors
    /// A [`FieldError`] when the measurement cannot be stored
    /// ([`StoredMeasurement::new`]); nothing changes then.
    pub fn replace(&mut self, mut measurement: Measurement) -> Result<(), FieldError> {
        measurement.to_cents();
        let stored = StoredMeasurement::new(&measurement)?;
        self.channel_targets
            .retain(|t| measurement.channels.iter().any(|c| c.name == t.name));
        self.measurement = Some(stored);
        Ok(())
    }

    /// Chooses the model channel of one of the file's channels.
    pub fn set_channel_target(&mut self, name: &str, target: ModelChannel) {
        match self.channel_targets.iter_mut().find(|t| t.name == name) {
            Some(t) => t.target = target,
            None => self.channel_targets.push(ChannelTarget {
                name: name.to_string(),
                target,
            }),
        }
    }
}
