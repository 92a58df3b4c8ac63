//! The importer: reads a file a few thousand rows at a time so the page can
//! run it over animation frames with a progress bar and a Cancel button,
//! then turns what it read into a [`Measurement`].
//!
//! ```text
//! let mut importer = Importer::new(name, bytes, &format, options)?;
//! while !importer.step(5_000).done { /* draw progress, yield a frame */ }
//! match importer.finish(&choices) {
//!     Outcome::Ready(imported) => …,          // figures, series, report
//!     Outcome::Ask(question) => …,            // ask, then finish again with the answer
//!     Outcome::Failed(error) => …,            // say why, change nothing
//! }
//! ```
//!
//! [`Importer::finish`] can be called again with other [`Choices`] without
//! reading the file again: the rows are kept (as numbers, not text) until
//! the importer is dropped.

use std::io::Cursor;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::date::{DateOrder, DateToken, Day, MonthToken, YearMonth};
use super::format::{self, FileError, Format};
use super::rows::{
    self, BadRow, ListColumns, PendingMonth, PendingSub, RowProblem, Shared, TableColumns,
};
use super::series::{self, SubRow, TableRow};
use super::{Measurement, Source};
use crate::domain::economics::MONEY_LIMIT;
use crate::domain::input::Range;
use crate::domain::unit::Unit;

/// Things the page knows that the file does not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Today's date. Dates after it are left out when finding the latest
    /// date of the file (a scheduled end in the future does not make the
    /// current month "complete").
    pub today: Option<Day>,
}

/// The exchange rates a person can type: units of the target currency one
/// unit of another is worth.
pub const RATE_RANGE: Range = Range::new(0.000_001, 1_000_000.0).in_unit(Unit::Number);

/// Exchange rate of one currency into the chosen one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    /// The currency converted (as it appears in the file, e.g. `EUR`).
    pub currency: String,
    /// Units of the target currency one unit of `currency` is worth.
    pub per_unit: f64,
}

/// What to do with a file in several currencies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CurrencyChoice {
    /// Keep only the rows in this currency; the others are left out and
    /// counted.
    Only(String),
    /// Convert every amount into `into` with these rates.
    Convert {
        /// The currency figures are shown in.
        into: String,
        /// One rate for each other currency in the file.
        rates: Vec<Rate>,
    },
}

/// The answers to the importer's questions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Choices {
    /// The order of slashed dates, when the file does not settle it (a
    /// choice also overrides what the file suggests).
    pub date_order: Option<DateOrder>,
    /// What to do with several currencies.
    pub currency: Option<CurrencyChoice>,
}

/// Rows in one currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyCount {
    /// The currency code (`""` when rows name none).
    pub currency: String,
    /// Rows read in it.
    pub rows: u64,
}

/// Something only the person can decide; ask, then call
/// [`Importer::finish`] again with the answer in [`Choices`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// Every slashed date reads as a real day both ways (`03/04/2024`).
    DateOrder {
        /// A few of the dates, to show.
        examples: Vec<String>,
    },
    /// The file has amounts in several currencies.
    Currency {
        /// Rows per currency, most first.
        counts: Vec<CurrencyCount>,
        /// Currencies a [`CurrencyChoice::Convert`] has no usable rate for
        /// (empty when no choice was made yet).
        missing_rates: Vec<String>,
    },
}

/// Why nothing could be measured. Shown instead of the figures; nothing
/// already measured changes.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum ImportError {
    /// The file itself could not be read.
    #[error("{0}")]
    File(#[from] FileError),
    /// Only a header row.
    #[error("The file has a header row but no data rows.")]
    NoRows,
    /// Every row was skipped.
    #[error("None of the {count} rows could be read; the list of skipped rows says why.")]
    EveryRowBad {
        /// How many rows were skipped.
        count: u64,
        /// The first of them, with the reasons.
        listed: Vec<BadRow>,
    },
    /// Rows were read but no month was complete with a paying customer.
    #[error("No subscription was paying at the end of a complete month (the last complete month is {month}).")]
    NothingActive {
        /// The last complete month.
        month: String,
    },
    /// The import was cancelled.
    #[error("The import was cancelled.")]
    Cancelled,
}

/// Something the page should tell the person about how the file was read.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum Note {
    /// No interval column: every amount is taken as monthly.
    #[error(
        "The file has no billing interval column, so every amount was read as a monthly price."
    )]
    AmountsReadAsMonthly,
    /// Numbers like `1.500` were read one way or the other.
    #[error("{count} numbers written like 1.500 were read as {reading}, as the rest of the file writes decimals that way.")]
    DotThree {
        /// How many.
        count: u64,
        /// `"1.5"` or `"1500"`.
        reading: &'static str,
    },
    /// The date order the file settled.
    #[error("Dates such as 03/04/2024 were read as {0}.")]
    DateOrder(&'static str),
    /// Channels past the limit were added up.
    #[error("Only the {0} largest channels are shown one by one; the rest are added up as “Other channels”.")]
    ChannelsMerged(usize),
    /// Rows left out by a currency choice.
    #[error("{rows} rows in other currencies were left out.")]
    OtherCurrencies {
        /// How many.
        rows: u64,
    },
    /// Stripe rows whose first payment never went through.
    #[error("{0} subscriptions never started paying (status incomplete) and were left out.")]
    NotPaying(u64),
    /// The last complete month, as defined.
    #[error("The last complete month is {0}, the month before the latest date in the file.")]
    LastMonth(String),
}

/// How the file was read: counts, skipped rows, notes. Shown once after an
/// import; not stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    /// Data rows read (the header and blank rows not counted).
    pub rows_read: u64,
    /// Rows that went into the figures.
    pub rows_used: u64,
    /// Rows skipped as unreadable.
    pub bad_rows: u64,
    /// The first [`rows::MAX_LISTED_BAD_ROWS`] skipped rows, in file order.
    pub listed: Vec<BadRow>,
    /// Skipped rows that repeated a subscription id.
    pub duplicates: u64,
    /// Rows per currency.
    pub currencies: Vec<CurrencyCount>,
    /// Notes on how the file was read.
    pub notes: Vec<Note>,
}

/// A finished import.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// What to store and draw.
    pub measurement: Measurement,
    /// What to tell the person once.
    pub report: ImportReport,
}

/// What [`Importer::finish`] gives.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The measurement is ready.
    Ready(Box<Imported>),
    /// A choice is needed first.
    Ask(Question),
    /// Nothing could be measured.
    Failed(ImportError),
}

/// How far the importer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Data rows read so far.
    pub rows_read: u64,
    /// Of which skipped.
    pub bad_rows: u64,
    /// Bytes read so far.
    pub bytes_read: u64,
    /// The file's size.
    pub total_bytes: u64,
    /// Whether the whole file has been read (or the import stopped).
    pub done: bool,
}

impl Progress {
    /// Bytes read ÷ file size, 0–1 (1 when done).
    pub fn fraction(&self) -> f64 {
        if self.done || self.total_bytes == 0 {
            return 1.0;
        }
        (self.bytes_read as f64 / self.total_bytes as f64).clamp(0.0, 1.0)
    }
}

/// How amounts are converted: a multiplier per interned currency (`None`
/// = leave the row out), the currency of the figures, and the choice to
/// store.
type CurrencyPlan = (Vec<Option<f64>>, String, Option<CurrencyChoice>);

/// See [`Importer::settle`].
struct Settled {
    order: DateOrder,
    plan: CurrencyPlan,
    report: ImportReport,
    comma: bool,
}

#[derive(Debug)]
enum Reader {
    List(ListColumns, Vec<PendingSub>),
    Table(TableColumns, Vec<PendingMonth>),
}

#[derive(Debug, PartialEq, Eq)]
enum State {
    Reading,
    Done,
    Cancelled,
}

/// Reads a CSV file step by step. See the module docs for the flow.
#[derive(Debug)]
pub struct Importer {
    file_name: String,
    total_bytes: u64,
    format: Format,
    options: ImportOptions,
    csv: csv::Reader<Cursor<Vec<u8>>>,
    record: csv::ByteRecord,
    reader: Reader,
    shared: Shared,
    rows_read: u64,
    state: State,
}

impl Importer {
    /// Starts an import of `bytes` (the whole file) read as `format`.
    ///
    /// # Errors
    /// [`FileError`] when the file is empty, over 50 MB, not CSV, or the
    /// format names a column the file does not have.
    pub fn new(
        file_name: impl Into<String>,
        bytes: Vec<u8>,
        format: &Format,
        options: ImportOptions,
    ) -> Result<Importer, FileError> {
        format::check_size(&bytes)?;
        let total_bytes = bytes.len() as u64;
        let delimiter = format::sniff_delimiter(&bytes);
        let mut csv = format::reader(Cursor::new(bytes), delimiter);
        let headers = csv
            .byte_headers()
            .map(format::header_names)
            .map_err(|e| FileError::NotCsv(e.to_string()))?;
        format::check_headers(&headers)?;
        let reader = match format {
            Format::Subscriptions { mapping, .. } => {
                Reader::List(ListColumns::new(mapping, &headers)?, Vec::new())
            }
            Format::MonthlyTable(mapping) => {
                Reader::Table(TableColumns::new(mapping, &headers)?, Vec::new())
            }
        };
        Ok(Importer {
            file_name: file_name.into(),
            total_bytes,
            format: format.clone(),
            options,
            csv,
            record: csv::ByteRecord::new(),
            reader,
            shared: Shared {
                headers,
                ..Shared::default()
            },
            rows_read: 0,
            state: State::Reading,
        })
    }

    /// Reads up to `max_rows` more rows (at least one) and says how far it is.
    pub fn step(&mut self, max_rows: usize) -> Progress {
        for _ in 0..max_rows.max(1) {
            if self.state != State::Reading {
                break;
            }
            let before = self.csv.position().byte();
            match self.csv.read_byte_record(&mut self.record) {
                Ok(true) => self.take_record(),
                Ok(false) => self.state = State::Done,
                Err(e) => {
                    let line = e.position().map_or(0, csv::Position::line);
                    self.shared
                        .skip(line, None, RowProblem::Unreadable(e.to_string()));
                    // A reader that does not move on would loop for ever.
                    if self.csv.position().byte() <= before {
                        self.state = State::Done;
                    }
                }
            }
        }
        self.progress()
    }

    fn take_record(&mut self) {
        if rows::is_blank(&self.record) {
            return;
        }
        self.rows_read += 1;
        let line = self
            .record
            .position()
            .map_or(self.rows_read + 1, csv::Position::line);
        let shared = &mut self.shared;
        match &mut self.reader {
            Reader::List(cols, pending) => match cols.read(&self.record, line, shared) {
                Ok(Some(row)) => pending.push(row),
                Ok(None) => {}
                Err((column, problem)) => shared.skip(line, column, problem),
            },
            Reader::Table(cols, pending) => match cols.read(&self.record, line, shared) {
                Ok(row) => pending.push(row),
                Err((column, problem)) => shared.skip(line, column, problem),
            },
        }
    }

    /// How far the importer is.
    pub fn progress(&self) -> Progress {
        Progress {
            rows_read: self.rows_read,
            bad_rows: self.shared.bad_count,
            bytes_read: self.csv.position().byte(),
            total_bytes: self.total_bytes,
            done: self.state != State::Reading,
        }
    }

    /// Stops reading; [`finish`](Self::finish) then fails with
    /// [`ImportError::Cancelled`].
    pub fn cancel(&mut self) {
        self.state = State::Cancelled;
    }

    /// Reads whatever is left, then measures with `choices`. Can be called
    /// again with other choices.
    pub fn finish(&mut self, choices: &Choices) -> Outcome {
        while self.state == State::Reading {
            self.step(10_000);
        }
        if self.state == State::Cancelled {
            return Outcome::Failed(ImportError::Cancelled);
        }
        match &self.reader {
            Reader::List(cols, pending) => self.finish_list(cols.has_interval(), pending, choices),
            Reader::Table(_, pending) => self.finish_table(pending, choices),
        }
    }

    /// The date order to use: the person's choice, else what the file
    /// settles, else a question (only when some value depends on it).
    fn date_order(
        &self,
        choices: &Choices,
        fallback: Option<DateOrder>,
    ) -> Result<DateOrder, Question> {
        let evidence = &self.shared.dates;
        if !evidence.matters() {
            return Ok(DateOrder::MonthFirst);
        }
        choices
            .date_order
            .or(evidence.settled())
            .or(fallback)
            .ok_or_else(|| Question::DateOrder {
                examples: evidence.examples.clone(),
            })
    }

    /// Rows per currency, most first. Rows that name no currency join the
    /// only currency other rows name, when there is exactly one (a file
    /// that writes `€` on some amounts only); the returned pair is then
    /// (unnamed id, that currency's id).
    fn currency_counts(
        &self,
        currencies: impl Iterator<Item = u32>,
    ) -> (Vec<CurrencyCount>, Option<(usize, usize)>) {
        let names = self.shared.currencies.names();
        let mut counts = vec![0u64; names.len()];
        for c in currencies {
            if let Some(n) = counts.get_mut(c as usize) {
                *n += 1;
            }
        }
        let used: Vec<usize> = (0..names.len()).filter(|i| counts[*i] > 0).collect();
        let mut alias = None;
        if let [a, b] = used.as_slice() {
            let (empty, named) = if names[*a].is_empty() {
                (*a, *b)
            } else {
                (*b, *a)
            };
            if names[empty].is_empty() {
                counts[named] += counts[empty];
                counts[empty] = 0;
                alias = Some((empty, named));
            }
        }
        let mut out: Vec<CurrencyCount> = names
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(name, rows)| CurrencyCount {
                currency: name.clone(),
                rows,
            })
            .collect();
        out.sort_unstable_by(|a, b| {
            b.rows
                .cmp(&a.rows)
                .then_with(|| a.currency.cmp(&b.currency))
        });
        (out, alias)
    }

    /// The multiplier of each interned currency (`None` = leave the row
    /// out), and the currency the figures are in.
    fn currency_plan(
        &self,
        (counts, alias): &(Vec<CurrencyCount>, Option<(usize, usize)>),
        choices: &Choices,
    ) -> Result<CurrencyPlan, Question> {
        let (mut plan, currency, choice) = self.plan_for(counts, choices)?;
        if let Some((empty, named)) = *alias {
            let rate = plan.get(named).copied().flatten();
            if let Some(slot) = plan.get_mut(empty) {
                *slot = rate;
            }
        }
        Ok((plan, currency, choice))
    }

    fn plan_for(
        &self,
        counts: &[CurrencyCount],
        choices: &Choices,
    ) -> Result<CurrencyPlan, Question> {
        let names = self.shared.currencies.names();
        let ask = |missing: Vec<String>| Question::Currency {
            counts: counts.to_vec(),
            missing_rates: missing,
        };
        match &choices.currency {
            None if counts.len() <= 1 => {
                let only = counts
                    .first()
                    .map(|c| c.currency.clone())
                    .unwrap_or_default();
                Ok((vec![Some(1.0); names.len()], only, None))
            }
            None => Err(ask(Vec::new())),
            Some(CurrencyChoice::Only(code)) => {
                if !counts.iter().any(|c| c.currency == *code) {
                    return Err(ask(Vec::new()));
                }
                let plan = names.iter().map(|n| (n == code).then_some(1.0)).collect();
                Ok((plan, code.clone(), choices.currency.clone()))
            }
            Some(CurrencyChoice::Convert { into, rates }) => {
                let usable =
                    |r: &Rate| r.per_unit.is_finite() && (1e-6..=1e6).contains(&r.per_unit);
                let rate_of = |name: &str| -> Option<f64> {
                    if name == into {
                        return Some(1.0);
                    }
                    rates
                        .iter()
                        .find(|r| r.currency.eq_ignore_ascii_case(name) && usable(r))
                        .map(|r| r.per_unit)
                };
                let missing: Vec<String> = counts
                    .iter()
                    .filter(|c| rate_of(&c.currency).is_none())
                    .map(|c| c.currency.clone())
                    .collect();
                if !missing.is_empty() {
                    return Err(ask(missing));
                }
                let plan = names.iter().map(|n| rate_of(n)).collect();
                // Keep only the rates used, so nothing unusable is stored.
                let used = counts
                    .iter()
                    .filter(|c| c.currency != *into)
                    .filter_map(|c| {
                        rate_of(&c.currency).map(|per_unit| Rate {
                            currency: c.currency.clone(),
                            per_unit,
                        })
                    })
                    .collect();
                let kept = CurrencyChoice::Convert {
                    into: into.clone(),
                    rates: used,
                };
                Ok((plan, into.clone(), Some(kept)))
            }
        }
    }

    /// What both kinds of file settle before their rows are read: the date
    /// order, the currency plan, the report so far (with the notes on how
    /// numbers were read) and whether amounts use a decimal comma.
    fn settle(
        &self,
        choices: &Choices,
        fallback: Option<DateOrder>,
        currencies: impl Iterator<Item = u32>,
    ) -> Result<Settled, Question> {
        let order = self.date_order(choices, fallback)?;
        let counts = self.currency_counts(currencies);
        let plan = self.currency_plan(&counts, choices)?;
        let mut report = self.base_report(counts.0);
        let comma = self.number_notes(&mut report);
        Ok(Settled {
            order,
            plan,
            report,
            comma,
        })
    }

    fn base_report(&self, counts: Vec<CurrencyCount>) -> ImportReport {
        ImportReport {
            rows_read: self.rows_read,
            rows_used: 0,
            bad_rows: self.shared.bad_count,
            listed: self.shared.bad.clone(),
            duplicates: self.shared.duplicates,
            currencies: counts,
            notes: Vec::new(),
        }
    }

    fn number_notes(&self, report: &mut ImportReport) -> bool {
        let numbers = self.shared.numbers;
        let comma = numbers.comma_decimal();
        if numbers.dot_three > 0 {
            report.notes.push(Note::DotThree {
                count: numbers.dot_three,
                reading: if comma {
                    "thousands (1.500 = 1500)"
                } else {
                    "decimals (1.500 = 1.5)"
                },
            });
        }
        comma
    }

    fn empty_outcome(&self) -> Outcome {
        if self.shared.bad_count == 0 {
            Outcome::Failed(ImportError::NoRows)
        } else {
            Outcome::Failed(ImportError::EveryRowBad {
                count: self.shared.bad_count,
                listed: self.shared.bad.clone(),
            })
        }
    }

    fn finish_list(
        &self,
        has_interval: bool,
        pending: &[PendingSub],
        choices: &Choices,
    ) -> Outcome {
        if pending.is_empty() {
            return self.empty_outcome();
        }
        let currencies = pending.iter().map(|p| p.currency);
        let Settled {
            order,
            plan: (plan, currency, currency_choice),
            mut report,
            comma,
        } = match self.settle(choices, None, currencies) {
            Ok(s) => s,
            Err(q) => return Outcome::Ask(q),
        };
        let mut bad = Vec::new();
        let mut other_currency = 0u64;
        let mut resolved: Vec<SubRow> = Vec::with_capacity(pending.len());
        let (mut first_day, mut latest): (Option<Day>, Option<Day>) = (None, None);
        let today = self.options.today;
        for p in pending {
            let Some(rate) = plan.get(p.currency as usize).copied().flatten() else {
                other_currency += 1;
                continue;
            };
            let resolve = |t: DateToken| t.resolve(order, &rows::token_text(t));
            let start = match resolve(p.start) {
                Ok(d) => d,
                Err(e) => {
                    bad.push((p.line, self.column(ListColumn::Start), RowProblem::Date(e)));
                    continue;
                }
            };
            let end = match p.end.map(resolve).transpose() {
                Ok(d) => d,
                Err(e) => {
                    bad.push((p.line, self.column(ListColumn::End), RowProblem::Date(e)));
                    continue;
                }
            };
            let trial_end = match p.trial_end.map(resolve).transpose() {
                Ok(d) => d,
                Err(e) => {
                    bad.push((
                        p.line,
                        self.column(ListColumn::TrialEnd),
                        RowProblem::Date(e),
                    ));
                    continue;
                }
            };
            if let Some(end) = end {
                if end < start {
                    bad.push((
                        p.line,
                        self.column(ListColumn::End),
                        RowProblem::EndsBeforeStart { start, end },
                    ));
                    continue;
                }
            }
            for d in [Some(start), end].into_iter().flatten() {
                if today.is_none_or(|t| d <= t) && latest.is_none_or(|l| d > l) {
                    latest = Some(d);
                }
            }
            if first_day.is_none_or(|f| start < f) {
                first_day = Some(start);
            }
            let paying = trial_end.map_or(start, |t| t.max(start));
            resolved.push(SubRow {
                line: p.line,
                customer: p.customer,
                channel: p.channel,
                mrr: (p.mrr.get(comma) * rate).min(MONEY_LIMIT),
                start: paying,
                first: paying.month().index(),
                last: end.map(|e| e.month().index() - 1),
            });
        }
        for (line, column, problem) in bad {
            self.push_bad(&mut report, line, column, problem);
        }
        report.listed.sort_unstable_by_key(|b| b.line);
        if resolved.is_empty() {
            return Outcome::Failed(ImportError::EveryRowBad {
                count: report.bad_rows,
                listed: report.listed,
            });
        }
        let (Some(first_day), Some(latest)) = (first_day, latest.or(first_day)) else {
            return self.empty_outcome();
        };
        let last_month = latest.month().plus(-1);
        let Some(built) =
            series::from_subscriptions(&mut resolved, last_month, self.shared.channels.names())
        else {
            return Outcome::Failed(ImportError::NothingActive {
                month: last_month.label(),
            });
        };
        if !has_interval {
            report.notes.push(Note::AmountsReadAsMonthly);
        }
        self.common_notes(&mut report, order, other_currency, built.channels.len());
        report.notes.push(Note::LastMonth(last_month.label()));
        report.rows_used = resolved.len() as u64;
        let source = Source {
            file_name: self.file_name.clone(),
            file_bytes: self.total_bytes,
            format: self.format.clone(),
            first_date: first_day,
            last_date: latest,
            date_order: self.shared.dates.matters().then_some(order),
            currency,
            currency_choice,
            rows_used: report.rows_used,
            customers: built.customers_ever,
        };
        Outcome::Ready(Box::new(Imported {
            measurement: Measurement {
                source,
                last_month,
                series: built.series,
                channels: built.channels,
                cohorts: Some(built.cohorts),
                retention: Some(built.retention),
            },
            report,
        }))
    }

    fn finish_table(&self, pending: &[PendingMonth], choices: &Choices) -> Outcome {
        if pending.is_empty() {
            return self.empty_outcome();
        }
        // A month column of full dates is almost always the first (or last)
        // day of each month: the number that stays the same is the day.
        let fallback = month_order_from_constant_day(pending);
        let currencies = pending.iter().map(|p| p.currency);
        let Settled {
            order,
            plan: (plan, currency, currency_choice),
            mut report,
            comma,
        } = match self.settle(choices, fallback, currencies) {
            Ok(s) => s,
            Err(q) => return Outcome::Ask(q),
        };
        let mut other_currency = 0u64;
        let mut seen: rows::FxMap<(YearMonth, u32), u64> = rows::FxMap::default();
        let mut resolved = Vec::with_capacity(pending.len());
        let mut bad = Vec::new();
        for p in pending {
            let Some(rate) = plan.get(p.currency as usize).copied().flatten() else {
                other_currency += 1;
                continue;
            };
            let month = match p.month {
                MonthToken::Known(m) => m,
                MonthToken::Date(t) => match t.resolve(order, &rows::token_text(t)) {
                    Ok(d) => d.month(),
                    Err(e) => {
                        bad.push((p.line, self.month_column(), RowProblem::Date(e)));
                        continue;
                    }
                },
            };
            if let Some(first) = seen.get(&(month, p.channel)) {
                bad.push((
                    p.line,
                    self.month_column(),
                    RowProblem::DuplicateMonth(*first),
                ));
                continue;
            }
            seen.insert((month, p.channel), p.line);
            let money = |m: rows::Money| (m.get(comma) * rate).min(MONEY_LIMIT);
            resolved.push(TableRow {
                month,
                channel: p.channel,
                mrr: money(p.mrr),
                customers: p.customers,
                new_customers: p.new_customers,
                churned_customers: p.churned_customers,
                new_mrr: p.new_mrr.map(money),
                expansion_mrr: p.expansion_mrr.map(money),
                contraction_mrr: p.contraction_mrr.map(money),
                churned_mrr: p.churned_mrr.map(money),
                reactivation_mrr: p.reactivation_mrr.map(money),
                spend: p.spend.map(money),
            });
        }
        for (line, column, problem) in bad {
            self.push_bad(&mut report, line, column, problem);
        }
        report.listed.sort_unstable_by_key(|b| b.line);
        let (series, channels) = series::from_table(&resolved, self.shared.channels.names());
        let (Some(first), Some(last)) = (series.first(), series.last()) else {
            return Outcome::Failed(ImportError::EveryRowBad {
                count: report.bad_rows,
                listed: report.listed,
            });
        };
        let last_month = last.month;
        let first_date = first.month.first_day();
        self.common_notes(&mut report, order, other_currency, channels.len());
        report.rows_used = resolved.len() as u64;
        let source = Source {
            file_name: self.file_name.clone(),
            file_bytes: self.total_bytes,
            format: self.format.clone(),
            first_date,
            last_date: last_month.last_day(),
            date_order: self.shared.dates.matters().then_some(order),
            currency,
            currency_choice,
            rows_used: report.rows_used,
            customers: u64::from(last.customers),
        };
        Outcome::Ready(Box::new(Imported {
            measurement: Measurement {
                source,
                last_month,
                series,
                channels,
                cohorts: None,
                retention: None,
            },
            report,
        }))
    }

    fn common_notes(
        &self,
        report: &mut ImportReport,
        order: DateOrder,
        other_currency: u64,
        channels: usize,
    ) {
        let dates = &self.shared.dates;
        if dates.undecided > 0 || dates.day_first + dates.month_first > 0 {
            report.notes.push(Note::DateOrder(order.label()));
        }
        if other_currency > 0 {
            report.notes.push(Note::OtherCurrencies {
                rows: other_currency,
            });
        }
        if self.shared.not_paying > 0 {
            report.notes.push(Note::NotPaying(self.shared.not_paying));
        }
        if self.shared.channels.len() > series::MAX_CHANNELS && channels > series::MAX_CHANNELS {
            report
                .notes
                .push(Note::ChannelsMerged(series::MAX_CHANNELS));
        }
    }

    fn push_bad(
        &self,
        report: &mut ImportReport,
        line: u64,
        column: Option<String>,
        problem: RowProblem,
    ) {
        report.bad_rows += 1;
        if report.listed.len() < rows::MAX_LISTED_BAD_ROWS {
            report.listed.push(BadRow {
                line,
                column,
                problem,
            });
        }
    }

    fn column(&self, which: ListColumn) -> Option<String> {
        match &self.format {
            Format::Subscriptions { mapping, .. } => match which {
                ListColumn::Start => mapping.start.clone(),
                ListColumn::End => mapping.end.clone(),
                ListColumn::TrialEnd => mapping.trial_end.clone(),
            },
            Format::MonthlyTable(_) => None,
        }
    }

    fn month_column(&self) -> Option<String> {
        match &self.format {
            Format::MonthlyTable(t) => t.month.clone(),
            Format::Subscriptions { .. } => None,
        }
    }
}

/// Date columns named in messages produced after reading.
#[derive(Clone, Copy)]
enum ListColumn {
    Start,
    End,
    TrialEnd,
}

/// For a month column of slashed dates: month first when the second number
/// never changes and the first does (`11/01/2024`, `12/01/2024`), day first
/// in the opposite case; `None` otherwise.
fn month_order_from_constant_day(pending: &[PendingMonth]) -> Option<DateOrder> {
    let pairs: Vec<(u8, u8)> = pending
        .iter()
        .filter_map(|p| match p.month {
            MonthToken::Date(DateToken::Slashed { a, b, .. }) => Some((a, b)),
            _ => None,
        })
        .collect();
    let (&(a0, b0), rest) = pairs.split_first()?;
    let a_same = rest.iter().all(|(a, _)| *a == a0);
    let b_same = rest.iter().all(|(_, b)| *b == b0);
    match (a_same, b_same) {
        (false, true) => Some(DateOrder::MonthFirst),
        (true, false) => Some(DateOrder::DayFirst),
        _ => None,
    }
}

/// Imports a whole file in one call (tests, small files):
/// [`Importer::new`], then [`Importer::finish`].
pub fn import(
    file_name: &str,
    bytes: Vec<u8>,
    format: &Format,
    options: ImportOptions,
    choices: &Choices,
) -> Outcome {
    match Importer::new(file_name, bytes, format, options) {
        Ok(mut importer) => importer.finish(choices),
        Err(e) => Outcome::Failed(ImportError::File(e)),
    }
}
