//! The backtest: the simulator's model run over the months the data covers,
//! with the measured inputs, its MRR set beside the actual MRR, so the
//! person sees how far the projection can be trusted on their own history.
//!
//! How it runs:
//! - the inputs are the seeded scenario ([`super::seed::seed_scenario`]):
//!   measured ARPA, churn, expansion and new customers a month, the
//!   person's funnel and spend; billing is taken as monthly, since the
//!   measured MRR is normalised to a month and its churn is monthly;
//! - month 1 of the model is the first month of the data whose starting
//!   MRR is known, or the first of the last 60 months when the data is
//!   longer (the model's horizon is at most 60 months);
//! - customers already paying before that month are not in the model,
//!   which starts from none: their MRR (the actual MRR at the start of
//!   month 1) is added back, kept month by month at the measured
//!   (1 − churn + expansion) of all customers — the model's own convention;
//! - **error at the end** = model MRR − actual MRR in the last complete
//!   month; **% off** = that ÷ the actual MRR × 100 (none when the actual
//!   MRR is 0).
//!
//! The measured rates are those of the last 12 complete months and new
//! customers arrive at their average of those months from month 1, so a
//! business that grew (or shrank) during the history shows it as a gap.

use super::date::YearMonth;
use super::series::MonthRow;
use super::Measurement;
use crate::domain::economics::monthly_retention;
use crate::domain::sim::{simulate, Billing, ScenarioInputs};

/// The most months the model can run.
pub const MAX_BACKTEST_MONTHS: usize = 60;

/// How far the model is from the actual MRR in the last month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EndGap {
    /// The last complete month.
    pub month: YearMonth,
    /// The actual MRR then.
    pub actual: f64,
    /// The model's MRR then.
    pub model: f64,
    /// model − actual.
    pub difference: f64,
    /// (model − actual) ÷ actual × 100; `None` when the actual MRR is 0.
    pub off_pct: Option<f64>,
}

/// The model's MRR month by month beside the actual MRR. All values finite.
#[derive(Clone, Debug, PartialEq)]
pub struct Backtest {
    /// The months compared, oldest first (month 1 of the model first).
    pub months: Vec<YearMonth>,
    /// The actual MRR at the end of each month.
    pub actual_mrr: Vec<f64>,
    /// The model's MRR at the end of each month, the kept starting MRR
    /// included.
    pub model_mrr: Vec<f64>,
    /// The actual MRR at the start of month 1 (customers the model does not
    /// win itself).
    pub starting_mrr: f64,
    /// The gap in the last month.
    pub end: EndGap,
}

/// Runs the backtest of `m` with the seeded `inputs`. `None` when the
/// measurement has no month.
///
/// Month 1 of the model is the first month whose starting MRR is known (a
/// monthly table's first row has none: it is the month before the first
/// one compared), or the first of the last [`MAX_BACKTEST_MONTHS`] months.
/// A month missing from a table is left out of the comparison; the model
/// still runs through it.
pub fn backtest(m: &Measurement, inputs: &ScenarioInputs) -> Option<Backtest> {
    let known = m
        .series
        .iter()
        .position(|r| r.start_mrr.is_some())
        .unwrap_or(0);
    let rows = m.series.get(known..)?;
    let last = rows.last()?;
    let oldest = last.month.plus(-(MAX_BACKTEST_MONTHS as i32 - 1));
    let rows: Vec<&MonthRow> = rows.iter().filter(|r| r.month >= oldest).collect();
    let first = rows.first()?;
    let span = usize::try_from(first.month.months_until(last.month) + 1).unwrap_or(1);
    let starting_mrr = first.start_mrr.unwrap_or(0.0).max(0.0);
    let keep = m.figures().ltv_rates().map_or(1.0, |(churn, expansion)| {
        monthly_retention(churn, expansion)
    });

    let mut run = inputs.clone();
    run.billing = Billing::Monthly;
    // The horizon takes 12–60 months; a shorter history uses the first ones.
    run.horizon_months = u32::try_from(span.clamp(12, MAX_BACKTEST_MONTHS)).unwrap_or(12);
    let projection = simulate(&run);

    let mut months = Vec::with_capacity(rows.len());
    let mut actual_mrr = Vec::with_capacity(rows.len());
    let mut model_mrr = Vec::with_capacity(rows.len());
    for r in &rows {
        let offset = usize::try_from(first.month.months_until(r.month)).unwrap_or(0);
        let Some(model) = projection.rows.get(offset) else {
            continue;
        };
        let kept = starting_mrr * keep.powi(i32::try_from(offset + 1).unwrap_or(i32::MAX));
        months.push(r.month);
        actual_mrr.push(finite(r.mrr));
        model_mrr.push(finite(model.mrr.total() + kept));
    }
    let model_end = model_mrr.last().copied().unwrap_or(0.0);
    let actual_end = actual_mrr.last().copied().unwrap_or(0.0);
    let difference = model_end - actual_end;
    Some(Backtest {
        months,
        actual_mrr,
        model_mrr,
        starting_mrr,
        end: EndGap {
            month: last.month,
            actual: actual_end,
            model: model_end,
            difference,
            off_pct: (actual_end > 0.0).then(|| difference / actual_end * 100.0),
        },
    })
}

/// A non-finite number as 0 (the model and the measurement hand out finite
/// values; this keeps the promise whatever they are given).
fn finite(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}
