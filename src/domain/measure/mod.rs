//! Measure: the figures a billing export already holds, computed in the
//! browser from a subscription list or a monthly metrics table.
//!
//! The page's road through this module:
//! 1. [`inspect`] the file's bytes: the header, the first rows, and the
//!    format — recognised (Baremetrics template, Stripe export) or a guessed
//!    [`Mapping`] / [`TableMapping`] for the person to confirm.
//! 2. [`Importer::new`] with the format, then [`Importer::step`] once per
//!    animation frame until [`Progress::done`] ([`Importer::cancel`] stops it).
//!    Natively a step of 5,000 Baremetrics rows takes about 10–20 ms in the
//!    release build; 2,000 rows a frame keeps the page responsive in wasm.
//! 3. [`Importer::finish`] with the person's [`Choices`]: an [`Outcome`] —
//!    the [`Imported`] measurement and report, a [`Question`] to ask (date
//!    order, currencies) before finishing again, or an [`ImportError`].
//! 4. [`Measurement::figures`] (and [`Measurement::channel_figures`]) for
//!    the numbers, each with its text in [`formula`]; the series, channels
//!    and cohorts for the charts and tables; [`readout`] writes them for the
//!    page with their benchmark readings.
//! 5. [`MeasureState`] keeps the measurement in the saved document;
//!    [`seed_scenario`] fills the simulator's inputs from it with their
//!    provenance, and [`backtest`] runs the model over the measured months.
//!
//! What is kept: [`Measurement`] is plain serialisable data — the monthly
//! series, channels, cohort table, 12-month retention inputs, and the
//! file's name, size, date range and the mapping used. The rows of the file
//! are never in it. Every `f64` in it is finite.
//!
//! **Last complete month** (subscription lists): the calendar month before
//! the month of the latest start or end date in the file (ignoring dates
//! after today when the page passes today's date). An export taken on
//! 3 November thus measures up to October. For a monthly table, it is the
//! table's last month: each row is taken to be a closed month.

mod amount;
pub mod backtest;
mod cohorts;
mod date;
mod format;
mod import;
mod metrics;
pub mod readout;
mod rows;
pub mod sample;
pub mod seed;
mod series;
mod state;

use serde::{Deserialize, Serialize};

pub use amount::{monthly_amount, AmountError, DAYS_PER_MONTH, MAX_INTERVAL_MONTHS, MAX_QUANTITY};
pub use backtest::{backtest, Backtest, EndGap, MAX_BACKTEST_MONTHS};
pub use cohorts::{CohortRow, CohortTable, CurvePoint};
pub use date::{DateError, DateOrder, Day, YearMonth, MAX_YEAR, MIN_YEAR};
pub use format::{
    baremetrics_mapping, detect, guess_mapping, guess_table_mapping, inspect, stripe_mapping,
    FileError, Format, Inspection, ListField, ListKind, Mapping, MappingProblem, TableField,
    TableMapping, MAX_FILE_BYTES,
};
pub use import::{
    import, Choices, CurrencyChoice, CurrencyCount, ImportError, ImportOptions, ImportReport,
    Imported, Importer, Note, Outcome, Progress, Question, Rate, RATE_RANGE,
};
pub use metrics::{
    figures, formula, Cac, Figures, Measured, Pooled, Ratio, RetentionSource, Unavailable,
    POOLED_MONTHS,
};
pub use readout::{readout, verdict_arpa_segment, verdict_nrr, Companion, Figure};
pub use rows::{BadRow, RowProblem, MAX_LISTED_BAD_ROWS};
pub use seed::{
    groups, merge_series, money_cents_in, money_in, seed_scenario, source_line, target_of, Change,
    ChannelTarget, Group, ModelChannel, Seeded,
};
pub use series::{
    ChannelSeries, MonthRow, Retention, MAX_CHANNELS, MAX_MONTHS, OTHER_CHANNELS, UNATTRIBUTED,
};
pub use state::{MeasureState, StoredMeasurement, GROSS_MARGIN_RANGE};

/// Where a measurement came from: enough to say "measured from
/// subscriptions.csv, Nov 2024 – Oct 2026, 8,589 subscriptions" and to read
/// a new export the same way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The file's name.
    pub file_name: String,
    /// Its size in bytes.
    pub file_bytes: u64,
    /// How it was read (kind and column mapping).
    pub format: Format,
    /// The earliest start date (a table: the first day of its first month).
    pub first_date: Day,
    /// The latest date used to find the last complete month (a table: the
    /// last day of its last month).
    pub last_date: Day,
    /// The order slashed dates were read in, when the file has any.
    pub date_order: Option<DateOrder>,
    /// The currency of every amount (`""` when the file names none).
    pub currency: String,
    /// How several currencies were handled, when they were.
    pub currency_choice: Option<CurrencyChoice>,
    /// Rows that went into the figures (subscriptions, or table rows).
    pub rows_used: u64,
    /// Customers ever paying at a month's end (a table: active customers in
    /// its last month).
    pub customers: u64,
}

/// Everything measured from one file: what the stored document keeps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    /// Where it came from.
    pub source: Source,
    /// The last complete month; the series ends there.
    pub last_month: YearMonth,
    /// One row per month, oldest first, at most [`MAX_MONTHS`].
    pub series: Vec<MonthRow>,
    /// The same per acquisition channel, when the file names channels.
    pub channels: Vec<ChannelSeries>,
    /// Retention by start month (subscription lists only).
    pub cohorts: Option<CohortTable>,
    /// The inputs of 12-month NRR and GRR (subscription lists only).
    pub retention: Option<Retention>,
}

impl Measurement {
    /// The figures for all customers at the last complete month.
    pub fn figures(&self) -> Figures {
        let retention = match &self.retention {
            Some(r) => RetentionSource::List(r),
            None => RetentionSource::Table,
        };
        figures(&self.series, retention, self.last_month)
    }

    /// The figures of each channel, in the order of [`Self::channels`].
    pub fn channel_figures(&self) -> Vec<(String, Figures)> {
        let source = if self.retention.is_some() {
            RetentionSource::Channel
        } else {
            RetentionSource::Table
        };
        self.channels
            .iter()
            .map(|c| (c.name.clone(), figures(&c.series, source, self.last_month)))
            .collect()
    }

    /// Every amount of money rounded to the cent (hundredth of the
    /// currency): what the stored document keeps. Billing amounts are in
    /// cents, so nothing a person can see changes, and the stored numbers
    /// stay short (a ten-year, thirteen-channel measurement with its full
    /// cohort triangle then fits well inside the stored format's 1 MiB).
    pub fn to_cents(&mut self) {
        fn cents(v: &mut f64) {
            let rounded = (*v * 100.0).round() / 100.0;
            if rounded.is_finite() {
                *v = rounded;
            }
        }
        fn row(r: &mut MonthRow) {
            cents(&mut r.mrr);
            for v in [
                &mut r.start_mrr,
                &mut r.new_mrr,
                &mut r.expansion_mrr,
                &mut r.contraction_mrr,
                &mut r.churned_mrr,
                &mut r.reactivation_mrr,
                &mut r.spend,
            ]
            .into_iter()
            .flatten()
            {
                cents(v);
            }
        }
        self.series.iter_mut().for_each(row);
        for c in &mut self.channels {
            c.series.iter_mut().for_each(row);
        }
        if let Some(cohorts) = &mut self.cohorts {
            for r in &mut cohorts.rows {
                r.mrr.iter_mut().for_each(cents);
            }
        }
        if let Some(r) = &mut self.retention {
            cents(&mut r.mrr_then);
            cents(&mut r.mrr_now);
            cents(&mut r.mrr_kept);
        }
    }

    /// Whether every number in it is finite (always true for a measurement
    /// this module built; for checking stored data).
    pub fn is_finite(&self) -> bool {
        let row_ok = |r: &MonthRow| {
            [
                Some(r.mrr),
                r.start_mrr,
                r.new_mrr,
                r.expansion_mrr,
                r.contraction_mrr,
                r.churned_mrr,
                r.reactivation_mrr,
                r.spend,
            ]
            .into_iter()
            .flatten()
            .all(f64::is_finite)
        };
        let series_ok = self.series.iter().all(row_ok)
            && self.channels.iter().all(|c| c.series.iter().all(row_ok));
        let cohorts_ok = self
            .cohorts
            .as_ref()
            .is_none_or(|c| c.rows.iter().all(|r| r.mrr.iter().all(|m| m.is_finite())));
        let retention_ok = self.retention.as_ref().is_none_or(|r| {
            [r.mrr_then, r.mrr_now, r.mrr_kept]
                .into_iter()
                .all(f64::is_finite)
        });
        let choice_ok = match &self.source.currency_choice {
            Some(CurrencyChoice::Convert { rates, .. }) => {
                rates.iter().all(|r| r.per_unit.is_finite())
            }
            _ => true,
        };
        series_ok && cohorts_ok && retention_ok && choice_ok
    }
}
