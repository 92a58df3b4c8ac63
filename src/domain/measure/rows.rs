//! One CSV row → one pending subscription or month, or the reason it is
//! skipped. "Pending" because two things are only known once the whole file
//! has been read: the day/month order of slashed dates and whether `1.500`
//! means one and a half or fifteen hundred.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use thiserror::Error;

use super::amount::{self, AmountError, Notation, Number, NumberEvidence};
use super::date::{self, DateError, DateEvidence, DateToken, Day, MonthToken};
use super::format::{FileError, ListField, Mapping, MappingProblem, TableField, TableMapping};

/// Why a row was skipped. Shown, with the line and column, in the list of
/// skipped rows.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum RowProblem {
    /// A required cell is empty.
    #[error("no {0}")]
    Missing(&'static str),
    /// The row stops before a needed column.
    #[error("the row has fewer cells than the header")]
    Short,
    /// A date cell could not be read.
    #[error("{0}")]
    Date(#[from] DateError),
    /// A number or interval cell could not be read.
    #[error("{0}")]
    Amount(#[from] AmountError),
    /// The subscription id was already seen.
    #[error("the same subscription as line {0}")]
    Duplicate(u64),
    /// The month (and channel) was already seen.
    #[error("this month already appears on line {0}")]
    DuplicateMonth(u64),
    /// The end date is before the start date.
    #[error("ends ({end}) before it starts ({start})")]
    EndsBeforeStart {
        /// The start.
        start: Day,
        /// The end.
        end: Day,
    },
    /// A cancelled subscription with no date to end it on.
    #[error("is cancelled but has no end date")]
    CanceledWithoutDate,
    /// The CSV reader could not read the row.
    #[error("the row could not be read ({0})")]
    Unreadable(String),
}

/// A skipped row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    /// The line of the file the row starts on (the header is line 1).
    pub line: u64,
    /// The header of the column at fault, when one is.
    pub column: Option<String>,
    /// What was wrong.
    pub problem: RowProblem,
}

/// The multiply-and-rotate hash rustc uses for its own tables (FxHash):
/// several times faster than the standard SipHash on short keys. Its weaker
/// resistance to crafted keys does not matter here: a file crafted to
/// collide can only slow down its own import, on its owner's machine.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Gives each distinct text a small number, so rows hold numbers, not
/// copies of the text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Interner {
    ids: FxMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    pub(crate) fn id(&mut self, text: &str) -> u32 {
        if let Some(id) = self.ids.get(text) {
            return *id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.ids.insert(text.to_string(), id);
        self.names.push(text.to_string());
        id
    }

    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }

    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

/// A number whose reading may still depend on the file (`1.500`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Money {
    /// The value with a dot read as a decimal point.
    pub value: f64,
    /// Whether it was written like `1.500`.
    pub dot_three: bool,
}

impl Money {
    pub(crate) fn get(self, comma_decimal_file: bool) -> f64 {
        if comma_decimal_file && self.dot_three {
            self.value * 1000.0
        } else {
            self.value
        }
    }
}

/// A subscription row, read as far as it can be before the file is done.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PendingSub {
    pub line: u64,
    pub customer: u32,
    pub channel: u32,
    pub currency: u32,
    /// Amount × quantity ÷ months in the interval.
    pub mrr: Money,
    pub start: DateToken,
    pub trial_end: Option<DateToken>,
    pub end: Option<DateToken>,
}

/// A month row of a table, read as far as it can be before the file is done.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PendingMonth {
    pub line: u64,
    pub month: MonthToken,
    pub channel: u32,
    pub currency: u32,
    pub mrr: Money,
    pub customers: u32,
    pub new_customers: Option<u32>,
    pub churned_customers: Option<u32>,
    pub new_mrr: Option<Money>,
    pub expansion_mrr: Option<Money>,
    pub contraction_mrr: Option<Money>,
    pub churned_mrr: Option<Money>,
    pub reactivation_mrr: Option<Money>,
    pub spend: Option<Money>,
}

/// Where a field's column is, by position in the row.
fn position(headers: &[String], name: &str) -> Option<usize> {
    let want = name.trim().to_lowercase();
    headers.iter().position(|h| h.trim().to_lowercase() == want)
}

fn locate(
    headers: &[String],
    column: Option<&str>,
    required: Option<&'static str>,
) -> Result<Option<usize>, FileError> {
    match (column, required) {
        (None, Some(label)) => Err(FileError::Mapping(MappingProblem::Missing(label))),
        (None, None) => Ok(None),
        (Some(name), _) => position(headers, name)
            .map(Some)
            .ok_or_else(|| FileError::Mapping(MappingProblem::NotInFile(name.to_string()))),
    }
}

/// Everything the row readers share: the header, the evidence gathered so
/// far, the interned texts and the skipped rows.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    pub headers: Vec<String>,
    pub dates: DateEvidence,
    pub numbers: NumberEvidence,
    pub customers: Interner,
    pub channels: Interner,
    pub currencies: Interner,
    pub bad: Vec<BadRow>,
    pub bad_count: u64,
    pub duplicates: u64,
    pub not_paying: u64,
}

/// At most this many skipped rows are listed; the count covers them all.
pub const MAX_LISTED_BAD_ROWS: usize = 200;

impl Shared {
    pub(crate) fn skip(&mut self, line: u64, column: Option<usize>, problem: RowProblem) {
        self.bad_count += 1;
        if matches!(problem, RowProblem::Duplicate(_)) {
            self.duplicates += 1;
        }
        if self.bad.len() < MAX_LISTED_BAD_ROWS {
            let column = column.and_then(|i| self.headers.get(i).cloned());
            self.bad.push(BadRow {
                line,
                column,
                problem,
            });
        }
    }

    fn money(&mut self, n: &Number) -> Money {
        self.numbers.observe(n.notation);
        Money {
            value: n.value,
            dot_three: n.notation == Notation::DotThree,
        }
    }
}

/// A cell as trimmed text; `None` when the row is too short for it. Text
/// that is not UTF-8 (an old spreadsheet's encoding) has its odd bytes
/// replaced, so ids and names still compare equal with themselves.
fn cell(record: &csv::ByteRecord, i: usize) -> Option<Cow<'_, str>> {
    record.get(i).map(|b| match std::str::from_utf8(b) {
        Ok(text) => Cow::Borrowed(text.trim()),
        Err(_) => Cow::Owned(String::from_utf8_lossy(b).trim().to_string()),
    })
}

/// An optional cell: empty when the column is not mapped or the row is short.
fn optional(record: &csv::ByteRecord, i: Option<usize>) -> Cow<'_, str> {
    i.and_then(|i| cell(record, i)).unwrap_or(Cow::Borrowed(""))
}

/// A skipped cell: the column and the problem.
type Fault = (Option<usize>, RowProblem);

fn required<'r>(
    record: &'r csv::ByteRecord,
    i: usize,
    what: &'static str,
) -> Result<Cow<'r, str>, Fault> {
    match cell(record, i) {
        None => Err((Some(i), RowProblem::Short)),
        Some(t) if t.is_empty() => Err((Some(i), RowProblem::Missing(what))),
        Some(t) => Ok(t),
    }
}

fn date_cell(
    shared: &mut Shared,
    text: &str,
    column: Option<usize>,
) -> Result<Option<DateToken>, Fault> {
    let token = date::parse_date(text).map_err(|e| (column, e.into()))?;
    if let Some(t) = token {
        shared.dates.observe(t, text);
    }
    Ok(token)
}

/// The column positions of a subscription list.
#[derive(Clone, Debug)]
pub(crate) struct ListColumns {
    customer: usize,
    subscription: Option<usize>,
    amount: usize,
    cents: bool,
    currency: Option<usize>,
    interval: Option<usize>,
    interval_count: Option<usize>,
    quantity: Option<usize>,
    start: usize,
    end: Option<usize>,
    channel: Option<usize>,
    status: Option<usize>,
    trial_end: Option<usize>,
    canceled_at: Option<usize>,
    seen: FxMap<String, u64>,
}

impl ListColumns {
    /// Finds every mapped column in the header.
    ///
    /// # Errors
    /// [`FileError::Mapping`] when a required field is not mapped or a
    /// mapped column is not in the file.
    pub(crate) fn new(mapping: &Mapping, headers: &[String]) -> Result<Self, FileError> {
        let get = |f: ListField| locate(headers, mapping.get(f), f.required().then_some(f.label()));
        let need = |f: ListField| get(f).map(|o| o.unwrap_or(0));
        Ok(ListColumns {
            customer: need(ListField::Customer)?,
            subscription: get(ListField::Subscription)?,
            amount: need(ListField::Amount)?,
            cents: mapping.amount_in_cents,
            currency: get(ListField::Currency)?,
            interval: get(ListField::Interval)?,
            interval_count: get(ListField::IntervalCount)?,
            quantity: get(ListField::Quantity)?,
            start: need(ListField::Start)?,
            end: get(ListField::End)?,
            channel: get(ListField::Channel)?,
            status: get(ListField::Status)?,
            trial_end: get(ListField::TrialEnd)?,
            canceled_at: get(ListField::CanceledAt)?,
            seen: FxMap::default(),
        })
    }

    /// Whether an interval column is mapped (if not, amounts are monthly).
    pub(crate) fn has_interval(&self) -> bool {
        self.interval.is_some()
    }

    /// Reads one row. `Ok(None)` for a row that is not a paying
    /// subscription and not a mistake (Stripe `incomplete`).
    pub(crate) fn read(
        &mut self,
        record: &csv::ByteRecord,
        line: u64,
        shared: &mut Shared,
    ) -> Result<Option<PendingSub>, Fault> {
        let status = optional(record, self.status).to_ascii_lowercase();
        if status == "incomplete" || status == "incomplete_expired" {
            shared.not_paying += 1;
            return Ok(None);
        }
        let customer = required(record, self.customer, "customer")?;
        let amount_text = required(record, self.amount, "amount")?;
        let start_text = required(record, self.start, "start date")?;

        let amount = amount::parse_number(&amount_text, true)
            .map_err(|e| (Some(self.amount), e.into()))?
            .ok_or((Some(self.amount), RowProblem::Missing("amount")))?;
        let quantity = amount::parse_count(&optional(record, self.quantity), false)
            .map_err(|e| (self.quantity, e.into()))?
            .unwrap_or(1.0);
        let count = amount::parse_count(&optional(record, self.interval_count), true)
            .map_err(|e| (self.interval_count, e.into()))?
            .unwrap_or(1.0);
        let months = match self.interval {
            None => count,
            Some(i) => {
                let text = required(record, i, "billing interval")?;
                amount::parse_interval(&text, count).map_err(|e| (Some(i), e.into()))?
            }
        };
        let start = date_cell(shared, &start_text, Some(self.start))?
            .ok_or((Some(self.start), RowProblem::Missing("start date")))?;
        let trial_end = date_cell(shared, &optional(record, self.trial_end), self.trial_end)?;
        let mut end = date_cell(shared, &optional(record, self.end), self.end)?;
        if end.is_none() && matches!(status.as_str(), "canceled" | "cancelled" | "ended") {
            end = date_cell(
                shared,
                &optional(record, self.canceled_at),
                self.canceled_at,
            )?;
            if end.is_none() {
                return Err((self.status, RowProblem::CanceledWithoutDate));
            }
        }

        if let Some(i) = self.subscription {
            let id = optional(record, Some(i));
            if !id.is_empty() {
                if let Some(first) = self.seen.get(id.as_ref()) {
                    return Err((Some(i), RowProblem::Duplicate(*first)));
                }
                self.seen.insert(id.into_owned(), line);
            }
        }

        let mut money = shared.money(&amount);
        let divisor = if self.cents { 100.0 } else { 1.0 };
        money.value = amount::monthly_amount(money.value / divisor, quantity, months);
        let currency_text = optional(record, self.currency);
        let currency = amount::currency_code(&currency_text)
            .or_else(|| (!currency_text.is_empty()).then(|| currency_text.to_uppercase()))
            .or(amount.currency)
            .unwrap_or_default();
        let channel = optional(record, self.channel);
        Ok(Some(PendingSub {
            line,
            customer: shared.customers.id(&customer),
            channel: shared.channels.id(&channel),
            currency: shared.currencies.id(&currency),
            mrr: money,
            start,
            trial_end,
            end,
        }))
    }
}

/// The column positions of a monthly table.
#[derive(Clone, Debug)]
pub(crate) struct TableColumns {
    month: usize,
    mrr: usize,
    customers: usize,
    new_customers: Option<usize>,
    churned_customers: Option<usize>,
    new_mrr: Option<usize>,
    expansion_mrr: Option<usize>,
    contraction_mrr: Option<usize>,
    churned_mrr: Option<usize>,
    reactivation_mrr: Option<usize>,
    spend: Option<usize>,
    channel: Option<usize>,
}

impl TableColumns {
    /// Finds every mapped column in the header.
    ///
    /// # Errors
    /// [`FileError::Mapping`] when a required field is not mapped or a
    /// mapped column is not in the file.
    pub(crate) fn new(mapping: &TableMapping, headers: &[String]) -> Result<Self, FileError> {
        let get =
            |f: TableField| locate(headers, mapping.get(f), f.required().then_some(f.label()));
        let need = |f: TableField| get(f).map(|o| o.unwrap_or(0));
        Ok(TableColumns {
            month: need(TableField::Month)?,
            mrr: need(TableField::Mrr)?,
            customers: need(TableField::Customers)?,
            new_customers: get(TableField::NewCustomers)?,
            churned_customers: get(TableField::ChurnedCustomers)?,
            new_mrr: get(TableField::NewMrr)?,
            expansion_mrr: get(TableField::ExpansionMrr)?,
            contraction_mrr: get(TableField::ContractionMrr)?,
            churned_mrr: get(TableField::ChurnedMrr)?,
            reactivation_mrr: get(TableField::ReactivationMrr)?,
            spend: get(TableField::Spend)?,
            channel: get(TableField::Channel)?,
        })
    }

    /// Reads one row.
    pub(crate) fn read(
        &self,
        record: &csv::ByteRecord,
        line: u64,
        shared: &mut Shared,
    ) -> Result<PendingMonth, Fault> {
        let month_text = required(record, self.month, "month")?;
        let month = date::parse_month(&month_text)
            .map_err(|e| (Some(self.month), e.into()))?
            .ok_or((Some(self.month), RowProblem::Missing("month")))?;
        if let MonthToken::Date(t) = month {
            shared.dates.observe(t, &month_text);
        }
        let mut currency: Option<String> = None;
        let mut money = |shared: &mut Shared, i: Option<usize>| -> Result<Option<Money>, Fault> {
            let text = optional(record, i);
            match amount::parse_number(&text, true).map_err(|e| (i, e.into()))? {
                None => Ok(None),
                Some(n) => {
                    if currency.is_none() {
                        currency.clone_from(&n.currency);
                    }
                    Ok(Some(shared.money(&n)))
                }
            }
        };
        let mrr =
            money(shared, Some(self.mrr))?.ok_or((Some(self.mrr), RowProblem::Missing("MRR")))?;
        let new_mrr = money(shared, self.new_mrr)?;
        let expansion_mrr = money(shared, self.expansion_mrr)?;
        let contraction_mrr = money(shared, self.contraction_mrr)?;
        let churned_mrr = money(shared, self.churned_mrr)?;
        let reactivation_mrr = money(shared, self.reactivation_mrr)?;
        let spend = money(shared, self.spend)?;
        let count = |i: Option<usize>| -> Result<Option<u32>, Fault> {
            let text = optional(record, i);
            let n = amount::parse_count(&text, true).map_err(|e| (i, e.into()))?;
            // parse_count caps at 1e9, which fits a u32.
            Ok(n.map(|v| v as u32))
        };
        let customers = count(Some(self.customers))?
            .ok_or((Some(self.customers), RowProblem::Missing("customer count")))?;
        let new_customers = count(self.new_customers)?;
        let churned_customers = count(self.churned_customers)?;
        let channel = optional(record, self.channel);
        let currency = currency.unwrap_or_default();
        Ok(PendingMonth {
            line,
            month,
            channel: shared.channels.id(&channel),
            currency: shared.currencies.id(&currency),
            mrr,
            customers,
            new_customers,
            churned_customers,
            new_mrr,
            expansion_mrr,
            contraction_mrr,
            churned_mrr,
            reactivation_mrr,
            spend,
        })
    }
}

/// Whether every cell of the row is empty (spreadsheets leave such rows at
/// the end): skipped silently.
pub(crate) fn is_blank(record: &csv::ByteRecord) -> bool {
    record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace))
}

/// A slashed date written back as text, for messages.
pub(crate) fn token_text(token: DateToken) -> String {
    match token {
        DateToken::Known(d) => d.iso(),
        DateToken::Slashed { a, b, year } => format!("{a:02}/{b:02}/{year}"),
    }
}
