//! What the Measure workspace keeps in the saved document: the last
//! [`Measurement`] (derived series and tables only — never a row of the
//! file) and the page's settings. Added in stored version 3; a document
//! without it reads as nothing measured.

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

/// Everything the Measure workspace saves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureState {
    /// The last import's measurement; a new import replaces it.
    #[serde(default)]
    pub measurement: Option<Measurement>,
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

impl MeasureState {
    /// Checks a stored or imported slice: every number finite and in range,
    /// months in order, no more months, channels or cohorts than an import
    /// makes, names of a sane length, channel choices that name a channel.
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
        let Some(m) = &self.measurement else {
            return Ok(());
        };
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

    /// Replaces the measurement with a new import's, its money rounded to
    /// the cent as stored ([`Measurement::to_cents`]), so what the page
    /// shows after the import is what it shows after a reload. The settings
    /// stay; channel choices for channels the new file does not have are
    /// dropped.
    pub fn replace(&mut self, mut measurement: Measurement) {
        measurement.to_cents();
        self.channel_targets
            .retain(|t| measurement.channels.iter().any(|c| c.name == t.name));
        self.measurement = Some(measurement);
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
