//! CAC by channel: the saved table of spend and customers per channel, its
//! checks, and the blended CAC over every row, organic included.

use serde::{Deserialize, Serialize};

use super::quantities::clean_amount;
use crate::domain::input::{check, FieldError, Range, Unit};

/// Longest channel or scenario name, in characters.
pub const MAX_NAME_CHARS: usize = 60;
/// Most rows the channel table holds.
pub const MAX_CHANNEL_ROWS: usize = 12;
/// Accepted spend per channel row, $.
pub const CHANNEL_SPEND_RANGE: Range = Range::new(0.0, 10_000_000_000.0).in_unit(Unit::Dollars);
/// Accepted new customers per channel row (whole customers).
pub const CHANNEL_CUSTOMERS_RANGE: Range = Range::whole(0.0, 100_000_000.0).in_unit(Unit::Count);
/// Name of the row for customers no paid channel can claim.
pub const ORGANIC_ROW_NAME: &str = "Organic / unattributed";

/// One row of the CAC-by-channel table. Saved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelRow {
    /// Stable id, unique within the table.
    pub id: u32,
    /// The channel's name (1–60 characters).
    pub name: String,
    /// Spend in the period, $.
    pub spend: f64,
    /// New customers won in the same period.
    pub customers: f64,
}

impl ChannelRow {
    /// CAC of this channel = spend ÷ new customers; `None` when it won no
    /// customers (an organic row with customers and no spend has CAC $0).
    pub fn cac(&self) -> Option<f64> {
        let customers = clean_amount(self.customers);
        if customers <= 0.0 {
            return None;
        }
        let cac = clean_amount(self.spend) / customers;
        cac.is_finite().then_some(cac)
    }

    /// Checks the name, spend and customers; `path` prefixes field names.
    ///
    /// # Errors
    /// [`FieldError`] naming the field.
    pub fn validate(&self, path: &str) -> Result<(), FieldError> {
        check_name(&format!("{path}.name"), &self.name)?;
        check(&format!("{path}.spend"), self.spend, CHANNEL_SPEND_RANGE)?;
        check(
            &format!("{path}.customers"),
            self.customers,
            CHANNEL_CUSTOMERS_RANGE,
        )
    }
}

/// Checks a stored name: not blank, at most [`MAX_NAME_CHARS`] characters,
/// no control characters.
///
/// # Errors
/// [`FieldError`] naming `field`.
pub fn check_name(field: &str, name: &str) -> Result<(), FieldError> {
    if name.trim().is_empty() {
        return Err(FieldError::new(field, "is empty"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(FieldError::new(
            field,
            format!("is longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(FieldError::new(field, "contains control characters"));
    }
    Ok(())
}

/// Total spend and total new customers over all rows.
pub fn channel_totals(rows: &[ChannelRow]) -> (f64, f64) {
    rows.iter().fold((0.0, 0.0), |(s, c), r| {
        (s + clean_amount(r.spend), c + clean_amount(r.customers))
    })
}

/// Blended CAC = all spend ÷ all new customers, every row counted — the
/// organic row adds customers and no spend, which is the point. `None` when
/// no row has customers.
///
/// ```
/// use gtm_workbench::domain::economics::{blended_cac, ChannelRow};
/// let row = |id, spend, customers| ChannelRow {
///     id,
///     name: format!("Row {id}"),
///     spend,
///     customers,
/// };
/// // $12,000 for 30 paid customers plus 10 organic ones: 12,000 ÷ 40 = $300
/// // (the paid channel alone would say $400).
/// assert_eq!(blended_cac(&[row(1, 12_000.0, 30.0), row(2, 0.0, 10.0)]), Some(300.0));
/// assert_eq!(blended_cac(&[row(1, 12_000.0, 0.0)]), None);
/// ```
pub fn blended_cac(rows: &[ChannelRow]) -> Option<f64> {
    let (spend, customers) = channel_totals(rows);
    if customers <= 0.0 {
        return None;
    }
    let cac = spend / customers;
    cac.is_finite().then_some(cac)
}

/// The rows a new table starts with: three paid channels and the organic
/// row, ids 1–4, figures for one month of a small B2B SaaS.
pub fn default_channel_rows() -> Vec<ChannelRow> {
    let row = |id, name: &str, spend, customers| ChannelRow {
        id,
        name: name.to_string(),
        spend,
        customers,
    };
    vec![
        row(1, "Paid search", 12_000.0, 30.0),
        row(2, "Content and SEO", 6_000.0, 20.0),
        row(3, "Outbound sales", 25_000.0, 10.0),
        row(4, ORGANIC_ROW_NAME, 0.0, 25.0),
    ]
}
