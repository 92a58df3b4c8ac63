//! The pilot plan: a small, time-boxed test of the chosen motion on one
//! segment, with success metrics suggested from the benchmark table.

use serde::{Deserialize, Serialize};

use super::text::text_field;
use crate::domain::benchmarks::{pilot_target, BenchmarkId};
use crate::domain::input::{check, FieldError, Range, Unit};
use crate::domain::motion::Motion;

/// Allowed pilot length in weeks.
pub const WEEKS_RANGE: Range = Range::whole(1.0, 104.0).in_unit(Unit::Weeks);
/// Most success metrics a pilot may list.
pub const MAX_PILOT_METRICS: usize = 10;

/// A success metric of the pilot with its target, both free text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PilotMetric {
    /// What is measured, e.g. "PQL-to-paid conversion".
    pub name: String,
    /// The bar to clear, e.g. "≥ 8%".
    pub target: String,
}

/// A small, time-boxed test of the chosen motion on one segment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PilotPlan {
    /// The customers in the pilot, e.g. "design agencies under 50 staff".
    pub segment: String,
    /// The motion tested; `None` means the recommended one.
    pub motion: Option<Motion>,
    /// Length in weeks.
    pub weeks: u32,
    /// Success metrics with targets.
    pub metrics: Vec<PilotMetric>,
}

impl Default for PilotPlan {
    /// No segment yet, the recommended motion, one quarter (12 weeks).
    fn default() -> Self {
        PilotPlan {
            segment: String::new(),
            motion: None,
            weeks: 12,
            metrics: Vec::new(),
        }
    }
}

impl PilotPlan {
    /// Checks the stored pilot. Texts may be blank (a half-filled form is
    /// saved too) but not over-long.
    ///
    /// # Errors
    /// [`FieldError`] on `plan.pilot.*` for a length outside [`WEEKS_RANGE`],
    /// too many metrics, or an over-long text.
    pub fn validate(&self) -> Result<(), FieldError> {
        text_field("plan.pilot.segment".into(), &self.segment, false)?;
        check("plan.pilot.weeks", f64::from(self.weeks), WEEKS_RANGE)?;
        if self.metrics.len() > MAX_PILOT_METRICS {
            return Err(FieldError::new(
                "plan.pilot.metrics",
                format!(
                    "has {} entries; at most {MAX_PILOT_METRICS}",
                    self.metrics.len()
                ),
            ));
        }
        for (i, m) in self.metrics.iter().enumerate() {
            text_field(format!("plan.pilot.metrics[{i}].name"), &m.name, false)?;
            text_field(format!("plan.pilot.metrics[{i}].target"), &m.target, false)?;
        }
        Ok(())
    }
}

/// Suggested pilot metrics for a motion, with targets read off the
/// benchmark table (a starting point to edit).
pub fn suggested_pilot_metrics(motion: Motion) -> Vec<PilotMetric> {
    use BenchmarkId as B;
    let pairs: &[(&str, BenchmarkId)] = match motion {
        Motion::ProductLed => &[
            ("Free-to-paid conversion", B::FreemiumToPaid),
            ("CAC payback", B::Payback),
            ("Viral coefficient", B::ViralCoefficient),
        ],
        Motion::ProductLedSalesAssist | Motion::HybridFreemiumEnterprise => &[
            ("PQL-to-paid conversion", B::PqlToPaid),
            ("CAC payback", B::Payback),
            ("LTV:CAC", B::LtvCac),
        ],
        Motion::SalesLedProductAdoption | Motion::SalesLed => &[
            ("LTV:CAC", B::LtvCac),
            ("Magic number", B::MagicNumber),
            ("CAC payback", B::Payback),
        ],
    };
    pairs
        .iter()
        .map(|(n, id)| PilotMetric {
            name: (*n).to_string(),
            target: pilot_target(*id),
        })
        .collect()
}
