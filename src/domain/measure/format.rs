//! What kind of file this is, and which column holds what.
//!
//! Two kinds of file are read:
//! - a **subscription list**, one row per subscription. The Baremetrics
//!   import template and the Stripe subscriptions export are recognised
//!   from their headers and need no mapping; any other list goes through a
//!   [`Mapping`] whose guesses come from [`guess_mapping`];
//! - a **monthly metrics table**, one row per month (or per month and
//!   channel), as people keep it in a spreadsheet ([`TableMapping`]).
//!
//! Columns are named by their header text, so a mapping can be stored and
//! shown again; the importer finds them by name (the first column of that
//! name, ignoring case and surrounding spaces).

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The largest file read, in bytes (50 MB).
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// Why a file cannot be read at all. Shown instead of any figure.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FileError {
    /// No bytes, or only spaces and line breaks.
    #[error("The file is empty.")]
    Empty,
    /// Over [`MAX_FILE_BYTES`].
    #[error("The file is {bytes} bytes; files up to 50 MB can be read.")]
    TooLarge {
        /// The file's size.
        bytes: usize,
    },
    /// Bytes that are not text: a spreadsheet, an image, an archive, or
    /// text saved as UTF-16.
    #[error("The file is not plain text: it may be a spreadsheet or another kind of file. Save it as CSV (UTF-8) and choose it again.")]
    NotText,
    /// The header has one column only: not a table of any kind this reads.
    #[error("The first line of the file has a single column. A subscription list or a monthly table has several, separated by commas, semicolons or tabs.")]
    OneColumn,
    /// The CSV reader stopped (the text is not CSV).
    #[error("The file could not be read as CSV: {0}")]
    NotCsv(String),
    /// A column the format needs is not mapped or not in the file.
    #[error("{0}")]
    Mapping(MappingProblem),
}

/// A mapping that cannot be used, in words for the mapping step.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum MappingProblem {
    /// A required field has no column.
    #[error("Choose the column that holds the {0}.")]
    Missing(&'static str),
    /// The named column is not in the file.
    #[error("The file has no column called “{0}”.")]
    NotInFile(String),
}

/// Which known export a subscription list is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ListKind {
    /// The Baremetrics CSV import template (amounts in cents).
    Baremetrics,
    /// A Stripe dashboard subscriptions export.
    Stripe,
    /// Any other list, read through a column mapping.
    Mapped,
}

/// How to read a file: the kind and the columns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Format {
    /// One row per subscription.
    Subscriptions {
        /// Which export it is.
        kind: ListKind,
        /// Which column holds what.
        mapping: Mapping,
    },
    /// One row per month (or per month and channel).
    MonthlyTable(TableMapping),
}

impl Format {
    /// A short name for the format, for the page.
    pub fn label(&self) -> &'static str {
        match self {
            Format::Subscriptions {
                kind: ListKind::Baremetrics,
                ..
            } => "Baremetrics import template",
            Format::Subscriptions {
                kind: ListKind::Stripe,
                ..
            } => "Stripe subscriptions export",
            Format::Subscriptions {
                kind: ListKind::Mapped,
                ..
            } => "subscription list",
            Format::MonthlyTable(_) => "monthly metrics table",
        }
    }
}

/// A field of a subscription list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ListField {
    /// Who the subscription belongs to (id, or e-mail). Required.
    Customer,
    /// The subscription's own id: repeated ids are skipped as duplicates.
    Subscription,
    /// The price per billing interval (per unit when there is a quantity). Required.
    Amount,
    /// The currency code.
    Currency,
    /// The billing interval (month, year, …); monthly when not mapped.
    Interval,
    /// How many intervals make one billing period (`3` with `month` is quarterly).
    IntervalCount,
    /// Seats or units; 1 when not mapped.
    Quantity,
    /// When the subscription started. Required.
    Start,
    /// When it ended or was cancelled; empty while it runs.
    End,
    /// The plan's name.
    Plan,
    /// The acquisition channel.
    Channel,
    /// The subscription status (Stripe): `incomplete` ones never paid.
    Status,
    /// The end of a free trial: paying starts then.
    TrialEnd,
    /// The date a cancellation was asked for, used as the end when a
    /// cancelled row has no end date (Stripe).
    CanceledAt,
}

impl ListField {
    /// Every field, in the order the mapping step shows them.
    pub const ALL: [ListField; 14] = [
        ListField::Customer,
        ListField::Amount,
        ListField::Start,
        ListField::End,
        ListField::Interval,
        ListField::IntervalCount,
        ListField::Quantity,
        ListField::Currency,
        ListField::Subscription,
        ListField::Plan,
        ListField::Channel,
        ListField::Status,
        ListField::TrialEnd,
        ListField::CanceledAt,
    ];

    /// What the field holds, in words for a label.
    pub fn label(self) -> &'static str {
        match self {
            ListField::Customer => "customer",
            ListField::Subscription => "subscription id",
            ListField::Amount => "amount per billing interval",
            ListField::Currency => "currency",
            ListField::Interval => "billing interval",
            ListField::IntervalCount => "number of intervals per billing period",
            ListField::Quantity => "quantity (seats or units)",
            ListField::Start => "start date",
            ListField::End => "end or cancel date",
            ListField::Plan => "plan",
            ListField::Channel => "acquisition channel",
            ListField::Status => "status",
            ListField::TrialEnd => "trial end date",
            ListField::CanceledAt => "cancellation request date",
        }
    }

    /// Whether a list cannot be read without it.
    pub fn required(self) -> bool {
        matches!(
            self,
            ListField::Customer | ListField::Amount | ListField::Start
        )
    }
}

/// Which column of a subscription list holds each [`ListField`], by header
/// name. `None` = not in the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mapping {
    /// [`ListField::Customer`].
    pub customer: Option<String>,
    /// [`ListField::Subscription`].
    pub subscription: Option<String>,
    /// [`ListField::Amount`].
    pub amount: Option<String>,
    /// Whether amounts are in cents (hundredths of the currency), as in the
    /// Baremetrics template.
    pub amount_in_cents: bool,
    /// [`ListField::Currency`].
    pub currency: Option<String>,
    /// [`ListField::Interval`].
    pub interval: Option<String>,
    /// [`ListField::IntervalCount`].
    pub interval_count: Option<String>,
    /// [`ListField::Quantity`].
    pub quantity: Option<String>,
    /// [`ListField::Start`].
    pub start: Option<String>,
    /// [`ListField::End`].
    pub end: Option<String>,
    /// [`ListField::Plan`].
    pub plan: Option<String>,
    /// [`ListField::Channel`].
    pub channel: Option<String>,
    /// [`ListField::Status`].
    pub status: Option<String>,
    /// [`ListField::TrialEnd`].
    pub trial_end: Option<String>,
    /// [`ListField::CanceledAt`].
    pub canceled_at: Option<String>,
}

impl Mapping {
    /// The column mapped to `field`.
    pub fn get(&self, field: ListField) -> Option<&str> {
        self.slot(field).as_deref()
    }

    /// Maps `field` to `column` (or to nothing).
    pub fn set(&mut self, field: ListField, column: Option<String>) {
        *self.slot_mut(field) = column;
    }

    fn slot(&self, field: ListField) -> &Option<String> {
        match field {
            ListField::Customer => &self.customer,
            ListField::Subscription => &self.subscription,
            ListField::Amount => &self.amount,
            ListField::Currency => &self.currency,
            ListField::Interval => &self.interval,
            ListField::IntervalCount => &self.interval_count,
            ListField::Quantity => &self.quantity,
            ListField::Start => &self.start,
            ListField::End => &self.end,
            ListField::Plan => &self.plan,
            ListField::Channel => &self.channel,
            ListField::Status => &self.status,
            ListField::TrialEnd => &self.trial_end,
            ListField::CanceledAt => &self.canceled_at,
        }
    }

    fn slot_mut(&mut self, field: ListField) -> &mut Option<String> {
        match field {
            ListField::Customer => &mut self.customer,
            ListField::Subscription => &mut self.subscription,
            ListField::Amount => &mut self.amount,
            ListField::Currency => &mut self.currency,
            ListField::Interval => &mut self.interval,
            ListField::IntervalCount => &mut self.interval_count,
            ListField::Quantity => &mut self.quantity,
            ListField::Start => &mut self.start,
            ListField::End => &mut self.end,
            ListField::Plan => &mut self.plan,
            ListField::Channel => &mut self.channel,
            ListField::Status => &mut self.status,
            ListField::TrialEnd => &mut self.trial_end,
            ListField::CanceledAt => &mut self.canceled_at,
        }
    }

    /// Required fields with no column.
    pub fn missing(&self) -> Vec<ListField> {
        ListField::ALL
            .into_iter()
            .filter(|f| f.required() && self.get(*f).is_none())
            .collect()
    }
}

/// A field of a monthly metrics table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableField {
    /// The month. Required.
    Month,
    /// MRR at the end of the month. Required.
    Mrr,
    /// Active (paying) customers at the end of the month. Required.
    Customers,
    /// Customers won in the month.
    NewCustomers,
    /// Customers lost in the month.
    ChurnedCustomers,
    /// MRR from new customers.
    NewMrr,
    /// MRR added by existing customers paying more.
    ExpansionMrr,
    /// MRR lost by existing customers paying less.
    ContractionMrr,
    /// MRR lost with the customers who left.
    ChurnedMrr,
    /// MRR from customers who came back.
    ReactivationMrr,
    /// Sales and marketing spend in the month.
    Spend,
    /// The acquisition channel, when the table has one row per month and channel.
    Channel,
}

impl TableField {
    /// Every field, in the order the mapping step shows them.
    pub const ALL: [TableField; 12] = [
        TableField::Month,
        TableField::Mrr,
        TableField::Customers,
        TableField::NewCustomers,
        TableField::ChurnedCustomers,
        TableField::NewMrr,
        TableField::ExpansionMrr,
        TableField::ContractionMrr,
        TableField::ChurnedMrr,
        TableField::ReactivationMrr,
        TableField::Spend,
        TableField::Channel,
    ];

    /// What the field holds, in words for a label.
    pub fn label(self) -> &'static str {
        match self {
            TableField::Month => "month",
            TableField::Mrr => "MRR at the end of the month",
            TableField::Customers => "active customers at the end of the month",
            TableField::NewCustomers => "new customers",
            TableField::ChurnedCustomers => "churned customers",
            TableField::NewMrr => "new MRR",
            TableField::ExpansionMrr => "expansion MRR",
            TableField::ContractionMrr => "contraction MRR",
            TableField::ChurnedMrr => "churned MRR",
            TableField::ReactivationMrr => "reactivation MRR",
            TableField::Spend => "sales and marketing spend",
            TableField::Channel => "acquisition channel",
        }
    }

    /// Whether a table cannot be read without it.
    pub fn required(self) -> bool {
        matches!(
            self,
            TableField::Month | TableField::Mrr | TableField::Customers
        )
    }
}

/// Which column of a monthly table holds each [`TableField`], by header name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableMapping {
    /// [`TableField::Month`].
    pub month: Option<String>,
    /// [`TableField::Mrr`].
    pub mrr: Option<String>,
    /// [`TableField::Customers`].
    pub customers: Option<String>,
    /// [`TableField::NewCustomers`].
    pub new_customers: Option<String>,
    /// [`TableField::ChurnedCustomers`].
    pub churned_customers: Option<String>,
    /// [`TableField::NewMrr`].
    pub new_mrr: Option<String>,
    /// [`TableField::ExpansionMrr`].
    pub expansion_mrr: Option<String>,
    /// [`TableField::ContractionMrr`].
    pub contraction_mrr: Option<String>,
    /// [`TableField::ChurnedMrr`].
    pub churned_mrr: Option<String>,
    /// [`TableField::ReactivationMrr`].
    pub reactivation_mrr: Option<String>,
    /// [`TableField::Spend`].
    pub spend: Option<String>,
    /// [`TableField::Channel`].
    pub channel: Option<String>,
}

impl TableMapping {
    /// The column mapped to `field`.
    pub fn get(&self, field: TableField) -> Option<&str> {
        self.slot(field).as_deref()
    }

    /// Maps `field` to `column` (or to nothing).
    pub fn set(&mut self, field: TableField, column: Option<String>) {
        *self.slot_mut(field) = column;
    }

    fn slot(&self, field: TableField) -> &Option<String> {
        match field {
            TableField::Month => &self.month,
            TableField::Mrr => &self.mrr,
            TableField::Customers => &self.customers,
            TableField::NewCustomers => &self.new_customers,
            TableField::ChurnedCustomers => &self.churned_customers,
            TableField::NewMrr => &self.new_mrr,
            TableField::ExpansionMrr => &self.expansion_mrr,
            TableField::ContractionMrr => &self.contraction_mrr,
            TableField::ChurnedMrr => &self.churned_mrr,
            TableField::ReactivationMrr => &self.reactivation_mrr,
            TableField::Spend => &self.spend,
            TableField::Channel => &self.channel,
        }
    }

    fn slot_mut(&mut self, field: TableField) -> &mut Option<String> {
        match field {
            TableField::Month => &mut self.month,
            TableField::Mrr => &mut self.mrr,
            TableField::Customers => &mut self.customers,
            TableField::NewCustomers => &mut self.new_customers,
            TableField::ChurnedCustomers => &mut self.churned_customers,
            TableField::NewMrr => &mut self.new_mrr,
            TableField::ExpansionMrr => &mut self.expansion_mrr,
            TableField::ContractionMrr => &mut self.contraction_mrr,
            TableField::ChurnedMrr => &mut self.churned_mrr,
            TableField::ReactivationMrr => &mut self.reactivation_mrr,
            TableField::Spend => &mut self.spend,
            TableField::Channel => &mut self.channel,
        }
    }

    /// Required fields with no column.
    pub fn missing(&self) -> Vec<TableField> {
        TableField::ALL
            .into_iter()
            .filter(|f| f.required() && self.get(*f).is_none())
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Header names
// ---------------------------------------------------------------------------

/// A header as words: lower case, `&` as "and", every other mark a space.
/// `"Canceled At (UTC)"` → `"canceled at utc"`.
pub(crate) fn normalise_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().trim_start_matches('\u{feff}').chars() {
        if c == '&' {
            out.push_str(" and ");
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else {
            out.push(' ');
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words that only say the unit or time zone of a column, dropped before
/// matching names: `"Amount (USD)"` matches `"amount"`.
const UNIT_WORDS: [&str; 9] = [
    "utc", "usd", "eur", "gbp", "gmt", "in", "per", "month", "cents",
];

fn without_units(words: &str) -> String {
    let kept: Vec<&str> = words
        .split(' ')
        .filter(|w| !UNIT_WORDS.contains(w))
        .collect();
    if kept.is_empty() {
        words.to_string()
    } else {
        kept.join(" ")
    }
}

/// Names a field's column is often given (normalised), best first, and
/// words that rule a column out unless its name is one of the names.
struct FieldNames {
    names: &'static [&'static str],
    avoid: &'static [&'static str],
}

/// How well a header matches: 3 = a name exactly, 2 = a name once unit words
/// are dropped, 1 = every word of a name appears in it.
fn score(header: &str, spec: &FieldNames) -> Option<(u8, usize)> {
    let h = normalise_header(header);
    let bare = without_units(&h);
    let words: Vec<&str> = h.split(' ').collect();
    let mut best: Option<(u8, usize)> = None;
    for (rank, name) in spec.names.iter().enumerate() {
        let s = if h == *name {
            3
        } else if bare == *name {
            2
        } else if name.split(' ').all(|w| words.contains(&w))
            && !spec.avoid.iter().any(|a| words.contains(a))
        {
            1
        } else {
            continue;
        };
        // Higher score first, then the earlier name.
        let key = (s, usize::MAX - rank);
        if best.is_none_or(|b| key > b) {
            best = Some(key);
        }
    }
    best
}

/// Picks, for each field in `order`, the best-matching header not taken by
/// an earlier field.
fn pick<F: Copy>(headers: &[String], order: &[(F, FieldNames)]) -> Vec<(F, Option<String>)> {
    let mut taken = vec![false; headers.len()];
    let mut out = Vec::with_capacity(order.len());
    for (field, spec) in order {
        let mut best: Option<((u8, usize), usize)> = None;
        for (i, h) in headers.iter().enumerate() {
            if taken[i] {
                continue;
            }
            if let Some(s) = score(h, spec) {
                if best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, i));
                }
            }
        }
        let chosen = best.map(|(_, i)| {
            taken[i] = true;
            headers[i].trim().to_string()
        });
        out.push((*field, chosen));
    }
    out
}

const MONEY_AVOID: &[&str] = &[
    "new",
    "expansion",
    "contraction",
    "churn",
    "churned",
    "reactivation",
    "lost",
];

/// Guesses the column of every [`ListField`] from the header names, for the
/// mapping step to prefill. Each column is used once; fields the headers do
/// not suggest stay `None`. Amounts are taken to be in cents when their
/// header says so (`amount_cents`, `Price (cents)`).
pub fn guess_mapping(headers: &[String]) -> Mapping {
    use ListField as F;
    // A constant, so the table is data in the binary, not code that builds it.
    const ORDER: [(F, FieldNames); 13] = [
        (
            F::Subscription,
            FieldNames {
                names: &[
                    "subscription id",
                    "subscription oid",
                    "subscription",
                    "sub id",
                    "id",
                ],
                avoid: &["customer", "plan", "price", "product"],
            },
        ),
        (
            F::Customer,
            FieldNames {
                names: &[
                    "customer id",
                    "customer oid",
                    "customer",
                    "account id",
                    "account",
                    "client id",
                    "client",
                    "company",
                    "customer email",
                    "email",
                    "user id",
                    "user",
                ],
                avoid: &["name", "description", "since", "created"],
            },
        ),
        (
            F::IntervalCount,
            FieldNames {
                names: &[
                    "interval count",
                    "plan interval count",
                    "billing interval count",
                ],
                avoid: &[],
            },
        ),
        (
            F::Amount,
            FieldNames {
                names: &[
                    "amount",
                    "plan amount",
                    "mrr",
                    "price",
                    "plan price",
                    "unit amount",
                    "unit price",
                    "subscription amount",
                    "value",
                ],
                avoid: MONEY_AVOID,
            },
        ),
        (
            F::Currency,
            FieldNames {
                names: &["currency", "plan currency", "currency code"],
                avoid: &[],
            },
        ),
        (
            F::Interval,
            FieldNames {
                names: &[
                    "interval",
                    "plan interval",
                    "billing interval",
                    "billing period",
                    "billing cycle",
                    "billing frequency",
                    "frequency",
                    "period",
                    "term",
                ],
                avoid: &["count", "start", "end"],
            },
        ),
        (
            F::Quantity,
            FieldNames {
                names: &[
                    "quantity",
                    "subscription quantity",
                    "qty",
                    "seats",
                    "licenses",
                    "licences",
                    "units",
                ],
                avoid: &[],
            },
        ),
        (
            F::TrialEnd,
            FieldNames {
                names: &["trial end", "trial ends at", "trial end date"],
                avoid: &[],
            },
        ),
        (
            F::End,
            FieldNames {
                names: &[
                    "ended at",
                    "end date",
                    "end",
                    "subscription canceled at",
                    "subscription cancelled at",
                    "canceled at",
                    "cancelled at",
                    "cancel date",
                    "cancellation date",
                    "churn date",
                    "churned at",
                ],
                avoid: &["trial", "period"],
            },
        ),
        (
            F::Start,
            FieldNames {
                names: &[
                    "start date",
                    "subscription started at",
                    "started at",
                    "start",
                    "created",
                    "created at",
                    "signup date",
                    "sign up date",
                    "begin date",
                    "activated at",
                ],
                avoid: &["trial", "period", "end"],
            },
        ),
        (
            F::Plan,
            FieldNames {
                names: &[
                    "plan",
                    "plan name",
                    "product",
                    "product name",
                    "tier",
                    "price id",
                    "plan id",
                    "plan oid",
                ],
                avoid: &["amount", "price amount", "currency", "interval"],
            },
        ),
        (
            F::Channel,
            FieldNames {
                names: &[
                    "acquisition channel",
                    "channel",
                    "source",
                    "lead source",
                    "utm source",
                    "acquisition source",
                    "acquisition",
                ],
                avoid: &[],
            },
        ),
        (
            F::Status,
            FieldNames {
                names: &["status", "subscription status", "state"],
                avoid: &[],
            },
        ),
    ];
    let mut mapping = Mapping::default();
    for (field, column) in pick(headers, &ORDER) {
        mapping.set(field, column);
    }
    mapping.amount_in_cents = mapping.amount.as_deref().is_some_and(|h| {
        let n = normalise_header(h);
        n.split(' ')
            .any(|w| w == "cents" || w == "cent" || w == "minor")
    });
    mapping
}

/// Guesses the column of every [`TableField`] from the header names.
pub fn guess_table_mapping(headers: &[String]) -> TableMapping {
    use TableField as F;
    const ORDER: [(F, FieldNames); 12] = [
        (
            F::Month,
            FieldNames {
                names: &["month", "period", "date", "month start", "month end"],
                avoid: &["mrr", "customers"],
            },
        ),
        (
            F::NewMrr,
            FieldNames {
                names: &["new mrr", "new business mrr", "mrr new"],
                avoid: &[],
            },
        ),
        (
            F::ExpansionMrr,
            FieldNames {
                names: &[
                    "expansion mrr",
                    "expansion",
                    "upgrade mrr",
                    "upsell mrr",
                    "mrr expansion",
                ],
                avoid: &[],
            },
        ),
        (
            F::ContractionMrr,
            FieldNames {
                names: &[
                    "contraction mrr",
                    "contraction",
                    "downgrade mrr",
                    "mrr contraction",
                ],
                avoid: &[],
            },
        ),
        (
            F::ChurnedMrr,
            FieldNames {
                names: &[
                    "churned mrr",
                    "churn mrr",
                    "lost mrr",
                    "cancellation mrr",
                    "mrr churn",
                    "mrr churned",
                ],
                avoid: &[],
            },
        ),
        (
            F::ReactivationMrr,
            FieldNames {
                names: &["reactivation mrr", "reactivation", "reactivated mrr"],
                avoid: &[],
            },
        ),
        (
            F::NewCustomers,
            FieldNames {
                names: &[
                    "new customers",
                    "new",
                    "new accounts",
                    "new subscribers",
                    "new logos",
                    "customers won",
                    "won",
                ],
                avoid: &["mrr", "revenue", "spend", "arr"],
            },
        ),
        (
            F::ChurnedCustomers,
            FieldNames {
                names: &[
                    "churned customers",
                    "churned",
                    "lost customers",
                    "cancellations",
                    "churned accounts",
                    "lost",
                    "customers lost",
                    "churn",
                ],
                avoid: &["mrr", "revenue", "rate", "arr"],
            },
        ),
        (
            F::Mrr,
            FieldNames {
                names: &[
                    "mrr",
                    "monthly recurring revenue",
                    "ending mrr",
                    "total mrr",
                    "recurring revenue",
                ],
                avoid: MONEY_AVOID,
            },
        ),
        (
            F::Customers,
            FieldNames {
                names: &[
                    "customers",
                    "active customers",
                    "paying customers",
                    "customer count",
                    "accounts",
                    "subscribers",
                    "active accounts",
                ],
                avoid: &["new", "churned", "lost", "won"],
            },
        ),
        (
            F::Spend,
            FieldNames {
                names: &[
                    "s and m spend",
                    "sales and marketing spend",
                    "sales and marketing",
                    "spend",
                    "marketing spend",
                    "acquisition spend",
                    "s and m",
                    "cac spend",
                ],
                avoid: &[],
            },
        ),
        (
            F::Channel,
            FieldNames {
                names: &["channel", "acquisition channel", "source", "segment"],
                avoid: &[],
            },
        ),
    ];
    let mut mapping = TableMapping::default();
    for (field, column) in pick(headers, &ORDER) {
        mapping.set(field, column);
    }
    mapping
}

// ---------------------------------------------------------------------------
// Known exports
// ---------------------------------------------------------------------------

/// The first header matching one of `names` (normalised), as written in the
/// file.
fn find(headers: &[String], names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        headers
            .iter()
            .find(|h| normalise_header(h) == *name)
            .map(|h| h.trim().to_string())
    })
}

/// The Baremetrics CSV import template: `plan_oid, plan_name, plan_currency,
/// plan_amount` (cents), `plan_interval` (day/week/month/year),
/// `plan_interval_count, customer_oid, customer_name, customer_email,
/// subscription_oid, subscription_started_at, subscription_canceled_at`
/// (YYYY-MM-DD) and `subscription_quantity` (Baremetrics help centre,
/// "Importing data via CSV"). Recognised when `customer_oid`, `plan_amount`
/// and `subscription_started_at` are all present.
pub fn baremetrics_mapping(headers: &[String]) -> Option<Mapping> {
    let customer = find(headers, &["customer oid"])?;
    let amount = find(headers, &["plan amount"])?;
    let start = find(headers, &["subscription started at"])?;
    Some(Mapping {
        customer: Some(customer),
        subscription: find(headers, &["subscription oid"]),
        amount: Some(amount),
        amount_in_cents: true,
        currency: find(headers, &["plan currency"]),
        interval: find(headers, &["plan interval"]),
        interval_count: find(headers, &["plan interval count"]),
        quantity: find(headers, &["subscription quantity"]),
        start: Some(start),
        end: find(
            headers,
            &["subscription canceled at", "subscription cancelled at"],
        ),
        plan: find(headers, &["plan name", "plan oid"]),
        channel: None,
        status: None,
        trial_end: None,
        canceled_at: None,
    })
}

/// A Stripe dashboard subscriptions export. Its columns, as seen in public
/// scripts that read these exports (Stripe does not publish the list): `id`,
/// `Customer ID`, `Customer Name`, `Customer Email`, `Status`, `Plan` /
/// `Product`, `Quantity`, `Currency` or `Plan Currency`, `Interval` or
/// `Plan Interval`, `Interval Count`, `Amount` or `Plan Amount` (in the
/// currency's main unit, as the dashboard writes it), `Created (UTC)`,
/// `Start (UTC)` or `Start Date (UTC)`, `Current Period Start (UTC)`,
/// `Current Period End (UTC)`, `Trial Start (UTC)`, `Trial End (UTC)`,
/// `Canceled At (UTC)`, `Ended At (UTC)`, `Cancel At Period End`.
/// Field meanings follow Stripe's API reference for the Subscription
/// object: `ended_at` is when it ended; `canceled_at` is when the
/// cancellation was asked for (earlier than the end for a cancellation at
/// period end); the legacy `start` is the date of the last change, so
/// `Start Date (UTC)` and then `Created (UTC)` are preferred as the start.
///
/// Recognised when `id`, `Customer ID`, an amount and a start column are
/// present.
pub fn stripe_mapping(headers: &[String]) -> Option<Mapping> {
    let _id = find(headers, &["id"])?;
    let customer = find(headers, &["customer id"])?;
    let amount = find(headers, &["amount", "plan amount"])?;
    let start = find(headers, &["start date utc", "created utc", "start utc"])?;
    Some(Mapping {
        customer: Some(customer),
        subscription: find(headers, &["id"]),
        amount: Some(amount),
        amount_in_cents: false,
        currency: find(headers, &["currency", "plan currency"]),
        interval: find(headers, &["interval", "plan interval"]),
        interval_count: find(headers, &["interval count", "plan interval count"]),
        quantity: find(headers, &["quantity"]),
        start: Some(start),
        end: find(headers, &["ended at utc"]),
        plan: find(
            headers,
            &["plan", "plan name", "product", "plan price id", "price id"],
        ),
        channel: None,
        status: find(headers, &["status"]),
        trial_end: find(headers, &["trial end utc"]),
        canceled_at: find(headers, &["canceled at utc", "cancelled at utc"]),
    })
}

/// Whether the headers look like a monthly table: a month column and an MRR
/// column, and no customer or subscription id.
fn looks_like_table(headers: &[String], table: &TableMapping) -> bool {
    let has_id = headers.iter().any(|h| {
        let n = normalise_header(h);
        n == "customer id" || n == "customer oid" || n == "subscription id" || n == "customer"
    });
    !has_id && table.month.is_some() && table.mrr.is_some()
}

/// What [`inspect`] found.
#[derive(Clone, Debug, PartialEq)]
pub struct Inspection {
    /// The field separator (`,`, `;`, tab or `|`).
    pub delimiter: u8,
    /// The header row, trimmed; empty names become `Column N`.
    pub headers: Vec<String>,
    /// The first rows, as text, for the mapping step's preview.
    pub preview: Vec<Vec<String>>,
    /// The format recognised, or the best guess at a mapping.
    pub format: Format,
    /// Whether the format was recognised (no mapping step needed).
    pub recognised: bool,
    /// Labels of required fields the guess has no column for.
    pub missing: Vec<&'static str>,
}

/// The separator the first line uses most, outside quotes: `,`, `;`, tab or
/// `|` (a comma when none appears).
pub(crate) fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 4];
    let candidates = [b',', b';', b'\t', b'|'];
    let mut quoted = false;
    for &b in bytes.iter().take(64 * 1024) {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = candidates.iter().position(|c| *c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for i in 1..4 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

/// A CSV reader over `bytes` with the settings every read uses: the sniffed
/// separator, a header row, rows of any length.
pub(crate) fn reader<R: std::io::Read>(source: R, delimiter: u8) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(source)
}

/// The header row as text: trimmed, without a byte-order mark, empty names
/// replaced by `Column N`.
pub(crate) fn header_names(record: &csv::ByteRecord) -> Vec<String> {
    record
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let text = String::from_utf8_lossy(h);
            let t = text.trim().trim_start_matches('\u{feff}').trim();
            if t.is_empty() {
                format!("Column {}", i + 1)
            } else {
                t.to_string()
            }
        })
        .collect()
}

/// Checks the size, that there is something besides spaces, and that the
/// start of the file is text (a NUL byte in its first 64 KiB never occurs
/// in a CSV export and always in spreadsheets, images and UTF-16 text).
///
/// # Errors
/// [`FileError::Empty`], [`FileError::TooLarge`] or [`FileError::NotText`].
pub(crate) fn check_size(bytes: &[u8]) -> Result<(), FileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { bytes: bytes.len() });
    }
    let bom = [0xEF, 0xBB, 0xBF];
    let body = bytes.strip_prefix(&bom[..]).unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    if body.iter().take(64 * 1024).any(|b| *b == 0) {
        return Err(FileError::NotText);
    }
    Ok(())
}

/// Checks that the header row has more than one column.
///
/// # Errors
/// [`FileError::OneColumn`].
pub(crate) fn check_headers(headers: &[String]) -> Result<(), FileError> {
    if headers.len() < 2 {
        return Err(FileError::OneColumn);
    }
    Ok(())
}

/// The format for these headers: a known export if recognised, else the
/// guessed mapping (a monthly table when the headers look like one).
pub fn detect(headers: &[String]) -> (Format, bool) {
    if let Some(mapping) = baremetrics_mapping(headers) {
        return (
            Format::Subscriptions {
                kind: ListKind::Baremetrics,
                mapping,
            },
            true,
        );
    }
    if let Some(mapping) = stripe_mapping(headers) {
        return (
            Format::Subscriptions {
                kind: ListKind::Stripe,
                mapping,
            },
            true,
        );
    }
    let table = guess_table_mapping(headers);
    if looks_like_table(headers, &table) {
        return (Format::MonthlyTable(table), false);
    }
    (
        Format::Subscriptions {
            kind: ListKind::Mapped,
            mapping: guess_mapping(headers),
        },
        false,
    )
}

/// Reads the header row and the first `preview_rows` rows, and recognises
/// the format or guesses a mapping: what the page shows before importing.
///
/// # Errors
/// [`FileError`] when the file is empty, too large, not text, not CSV or
/// of a single column.
pub fn inspect(bytes: &[u8], preview_rows: usize) -> Result<Inspection, FileError> {
    check_size(bytes)?;
    let delimiter = sniff_delimiter(bytes);
    let mut rdr = reader(bytes, delimiter);
    let headers = rdr
        .byte_headers()
        .map(header_names)
        .map_err(|e| FileError::NotCsv(e.to_string()))?;
    check_headers(&headers)?;
    let mut preview = Vec::new();
    let mut record = csv::ByteRecord::new();
    while preview.len() < preview_rows {
        match rdr.read_byte_record(&mut record) {
            Ok(true) => preview.push(
                record
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).trim().to_string())
                    .collect(),
            ),
            Ok(false) => break,
            Err(e) => return Err(FileError::NotCsv(e.to_string())),
        }
    }
    let (format, recognised) = detect(&headers);
    let missing = match &format {
        Format::Subscriptions { mapping, .. } => mapping
            .missing()
            .into_iter()
            .map(ListField::label)
            .collect(),
        Format::MonthlyTable(t) => t.missing().into_iter().map(TableField::label).collect(),
    };
    Ok(Inspection {
        delimiter,
        headers,
        preview,
        format,
        recognised,
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn headers_normalise_to_plain_words() {
        assert_eq!(normalise_header("Canceled At (UTC)"), "canceled at utc");
        assert_eq!(normalise_header("\u{feff}plan_amount"), "plan amount");
        assert_eq!(normalise_header("S&M spend"), "s and m spend");
    }

    #[test]
    fn guesses_take_each_column_once_and_prefer_exact_names() {
        let m = guess_mapping(&h(&[
            "Account",
            "Email",
            "Price (cents)",
            "Billing period",
            "Seats",
            "Signup date",
            "Churn date",
            "Source",
        ]));
        assert_eq!(m.customer.as_deref(), Some("Account"));
        assert_eq!(m.amount.as_deref(), Some("Price (cents)"));
        assert!(m.amount_in_cents);
        assert_eq!(m.interval.as_deref(), Some("Billing period"));
        assert_eq!(m.quantity.as_deref(), Some("Seats"));
        assert_eq!(m.start.as_deref(), Some("Signup date"));
        assert_eq!(m.end.as_deref(), Some("Churn date"));
        assert_eq!(m.channel.as_deref(), Some("Source"));
    }

    #[test]
    fn table_guesses_keep_customer_counts_and_mrr_columns_apart() {
        let t = guess_table_mapping(&h(&[
            "Month",
            "MRR",
            "Customers",
            "New customers",
            "Churned customers",
            "New MRR",
            "Churned MRR",
            "S&M spend",
        ]));
        assert_eq!(t.month.as_deref(), Some("Month"));
        assert_eq!(t.mrr.as_deref(), Some("MRR"));
        assert_eq!(t.customers.as_deref(), Some("Customers"));
        assert_eq!(t.new_customers.as_deref(), Some("New customers"));
        assert_eq!(t.churned_customers.as_deref(), Some("Churned customers"));
        assert_eq!(t.new_mrr.as_deref(), Some("New MRR"));
        assert_eq!(t.churned_mrr.as_deref(), Some("Churned MRR"));
        assert_eq!(t.spend.as_deref(), Some("S&M spend"));
    }

    #[test]
    fn the_separator_is_the_one_the_header_uses_most_outside_quotes() {
        assert_eq!(sniff_delimiter(b"a;b;\"c,d,e\"\n1,2,3"), b';');
        assert_eq!(sniff_delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(sniff_delimiter(b"abc"), b',');
    }
}
