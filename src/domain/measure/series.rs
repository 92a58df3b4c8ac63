//! The monthly series: customers, MRR and the MRR movements of every month,
//! built from a subscription list or taken from a monthly table.
//!
//! Definitions (subscription lists):
//! - A subscription is **active at the end of month M** when it started on
//!   or before M's last day and has no end date, or ends after M's last day.
//!   An end date is the first day it no longer runs, so a subscription that
//!   ends on 1 March was active at the end of February and not of March.
//!   One that starts and ends inside the same month is never active at a
//!   month's end and counts nowhere.
//! - A **customer's MRR** at the end of M is the sum of the MRR of their
//!   subscriptions active then; a customer is **active** when that is above
//!   zero (free subscriptions do not make a paying customer).
//! - The state at the **start of month M** is the state at the end of M − 1.
//! - **Movements** of month M compare each customer's MRR at the end of M − 1
//!   (p) and of M (c): *new* when p = 0 < c and the customer was never active
//!   before (+c); *reactivated* when p = 0 < c and they were (+c);
//!   *churned* when p > 0 = c (−p); *expansion* when 0 < p < c (+(c − p));
//!   *contraction* when 0 < c < p (−(p − c)). So, every month:
//!   MRR(M) = MRR(M − 1) + new + reactivation + expansion − contraction − churned,
//!   and customers(M) = customers(M − 1) + new + reactivated − churned.
//! - A customer's **channel** is the channel of their first subscription.

use serde::{Deserialize, Serialize};

use super::cohorts::{CohortBuilder, CohortTable};
use super::date::{Day, YearMonth};

/// The most months measured, ending at the last complete month (ten years).
/// Older history only sets who is already a customer when the series starts.
pub const MAX_MONTHS: i32 = 120;

/// The most channels kept apart; the rest are added up as
/// [`OTHER_CHANNELS`].
pub const MAX_CHANNELS: usize = 12;

/// The name of the channel that holds every channel past [`MAX_CHANNELS`].
pub const OTHER_CHANNELS: &str = "Other channels";

/// The name of the channel of rows with an empty channel cell.
pub const UNATTRIBUTED: &str = "Unattributed";

/// One month of the series. Counts are whole customers; money is in the
/// measurement's currency, per month. Fields a monthly table did not
/// provide are `None`; a subscription list fills all but `spend`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthRow {
    /// The month.
    pub month: YearMonth,
    /// MRR at the end of the month.
    pub mrr: f64,
    /// Active customers at the end of the month.
    pub customers: u32,
    /// MRR at the start of the month (the end of the month before); `None`
    /// when the month before is not in the data.
    pub start_mrr: Option<f64>,
    /// Active customers at the start of the month; `None` when the month
    /// before is not in the data.
    pub start_customers: Option<u32>,
    /// Customers who paid for the first time.
    pub new_customers: Option<u32>,
    /// Customers who came back after a gap.
    pub reactivated_customers: Option<u32>,
    /// Customers active at the start of the month and not at its end.
    pub churned_customers: Option<u32>,
    /// MRR of new customers.
    pub new_mrr: Option<f64>,
    /// MRR added by customers who pay more than a month before.
    pub expansion_mrr: Option<f64>,
    /// MRR lost by customers who pay less than a month before (positive).
    pub contraction_mrr: Option<f64>,
    /// MRR lost with churned customers (positive).
    pub churned_mrr: Option<f64>,
    /// MRR of reactivated customers.
    pub reactivation_mrr: Option<f64>,
    /// Sales and marketing spend in the month (monthly tables only).
    pub spend: Option<f64>,
}

impl MonthRow {
    /// Net new MRR = new + reactivation + expansion − contraction − churned,
    /// when every part is known.
    pub fn net_new_mrr(&self) -> Option<f64> {
        Some(
            self.new_mrr? + self.reactivation_mrr.unwrap_or(0.0) + self.expansion_mrr?
                - self.contraction_mrr?
                - self.churned_mrr?,
        )
    }
}

/// The series of one acquisition channel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelSeries {
    /// The channel's name as written in the file ([`UNATTRIBUTED`] for
    /// empty cells, [`OTHER_CHANNELS`] for the rest past [`MAX_CHANNELS`]).
    pub name: String,
    /// Its months, like the overall series.
    pub series: Vec<MonthRow>,
}

/// What is needed for 12-month net and gross revenue retention: the
/// customers active at the end of `from` (12 months before `to`, the last
/// complete month), their MRR then and at the end of `to`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Retention {
    /// Twelve months before the last complete month.
    pub from: YearMonth,
    /// The last complete month.
    pub to: YearMonth,
    /// Customers active at the end of `from`.
    pub customers_then: u32,
    /// Their MRR at the end of `from`.
    pub mrr_then: f64,
    /// How many of them are active at the end of `to`.
    pub customers_still: u32,
    /// Their MRR at the end of `to`, expansion and reactivation included.
    pub mrr_now: f64,
    /// Σ over them of min(MRR at `to`, MRR at `from`): their MRR now with
    /// every increase left out, for gross retention.
    pub mrr_kept: f64,
}

/// A subscription once the whole file is known.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SubRow {
    pub line: u64,
    pub customer: u32,
    pub channel: u32,
    /// MRR, ≥ 0, in the measurement's currency.
    pub mrr: f64,
    /// The day paying started (the start, or the trial's end if later).
    pub start: Day,
    /// Index of the first month it is active at the end of.
    pub first: i32,
    /// Index of the last month it is active at the end of (`None` while it
    /// runs).
    pub last: Option<i32>,
}

/// Everything a subscription list gives.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ListSeries {
    pub series: Vec<MonthRow>,
    pub channels: Vec<ChannelSeries>,
    pub cohorts: CohortTable,
    pub retention: Retention,
    /// Customers ever active at a month's end up to the last complete month.
    pub customers_ever: u64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Accum {
    mrr: f64,
    customers: u32,
    new_customers: u32,
    reactivated: u32,
    churned: u32,
    new_mrr: f64,
    expansion: f64,
    contraction: f64,
    churned_mrr: f64,
    reactivation: f64,
}

impl Accum {
    /// Adds one customer's month: MRR `prev` at the end of the month before
    /// and `cur` at the end of this one; `seen` = active at some earlier
    /// month's end.
    fn add(&mut self, prev: f64, cur: f64, seen: bool) {
        if cur > 0.0 {
            self.mrr += cur;
            self.customers += 1;
        }
        match (prev > 0.0, cur > 0.0) {
            (false, true) if seen => {
                self.reactivated += 1;
                self.reactivation += cur;
            }
            (false, true) => {
                self.new_customers += 1;
                self.new_mrr += cur;
            }
            (true, false) => {
                self.churned += 1;
                self.churned_mrr += prev;
            }
            (true, true) => {
                // Sums of the same prices in another order can differ in the
                // last bit; that is not a price change.
                let tolerance = 1e-9 * prev.max(cur).max(1.0);
                let d = cur - prev;
                if d > tolerance {
                    self.expansion += d;
                } else if d < -tolerance {
                    self.contraction -= d;
                }
            }
            (false, false) => {}
        }
    }
}

fn rows_from(month0: YearMonth, acc: &[Accum]) -> Vec<MonthRow> {
    acc.windows(2)
        .enumerate()
        .map(|(i, w)| {
            let (s, a) = (w[0], w[1]);
            MonthRow {
                month: month0.plus(i32::try_from(i + 1).unwrap_or(0)),
                mrr: a.mrr,
                customers: a.customers,
                start_mrr: Some(s.mrr),
                start_customers: Some(s.customers),
                new_customers: Some(a.new_customers),
                reactivated_customers: Some(a.reactivated),
                churned_customers: Some(a.churned),
                new_mrr: Some(a.new_mrr),
                expansion_mrr: Some(a.expansion),
                contraction_mrr: Some(a.contraction),
                churned_mrr: Some(a.churned_mrr),
                reactivation_mrr: Some(a.reactivation),
                spend: None,
            }
        })
        .collect()
}

/// Channel buckets: `map[id]` is the bucket of interned channel `id`;
/// `names[bucket]` its name. Empty when no row names a channel.
fn buckets(counts: &[u64], names: &[String]) -> (Vec<usize>, Vec<String>) {
    let named = names
        .iter()
        .zip(counts)
        .any(|(n, c)| !n.is_empty() && *c > 0);
    if !named {
        return (Vec::new(), Vec::new());
    }
    let mut order: Vec<usize> = (0..names.len()).filter(|i| counts[*i] > 0).collect();
    order.sort_unstable_by(|a, b| {
        counts[*b]
            .cmp(&counts[*a])
            .then_with(|| names[*a].cmp(&names[*b]))
    });
    let mut map = vec![0; names.len()];
    let mut out = Vec::new();
    let mut other: Option<usize> = None;
    for id in order {
        if out.len() < MAX_CHANNELS {
            map[id] = out.len();
            let name = if names[id].is_empty() {
                UNATTRIBUTED.to_string()
            } else {
                names[id].clone()
            };
            out.push(name);
        } else {
            let bucket = *other.get_or_insert_with(|| {
                out.push(OTHER_CHANNELS.to_string());
                out.len() - 1
            });
            map[id] = bucket;
        }
    }
    (map, out)
}

/// Builds the series, channels, cohorts and retention inputs of a
/// subscription list up to `last` (the last complete month). `None` when no
/// subscription is active at the end of any month up to `last`.
pub(crate) fn from_subscriptions(
    rows: &mut [SubRow],
    last: YearMonth,
    channel_names: &[String],
) -> Option<ListSeries> {
    let l = last.index();
    let active = |r: &SubRow| r.mrr > 0.0 && r.first <= r.last.unwrap_or(i32::MAX).min(l);
    let min_first = rows.iter().filter(|r| active(r)).map(|r| r.first).min()?;
    let w0 = min_first.max(l - (MAX_MONTHS - 1));
    let base = w0 - 1;
    let n = usize::try_from(l - base + 1).ok()?;
    let base_month = YearMonth::from_index(base);

    rows.sort_unstable_by_key(|r| (r.customer, r.start, r.line));

    // Channel of each customer: that of their first subscription.
    let mut channel_counts = vec![0u64; channel_names.len()];
    for group in rows.chunk_by(|a, b| a.customer == b.customer) {
        if let Some(c) = group.iter().find(|r| active(r)).map(|r| r.channel) {
            if let Some(slot) = channel_counts.get_mut(c as usize) {
                *slot += 1;
            }
        }
    }
    let (bucket_of, bucket_names) = buckets(&channel_counts, channel_names);

    let mut total = vec![Accum::default(); n];
    let mut by_channel = vec![vec![Accum::default(); n]; bucket_names.len()];
    let mut cohorts = CohortBuilder::new(YearMonth::from_index(w0), last);
    let t0 = l - 12;
    let mut retention = Retention {
        from: YearMonth::from_index(t0),
        to: last,
        customers_then: 0,
        mrr_then: 0.0,
        customers_still: 0,
        mrr_now: 0.0,
        mrr_kept: 0.0,
    };
    let mut customers_ever = 0u64;
    let mut scratch = vec![0.0f64; n];

    for group in rows.chunk_by(|a, b| a.customer == b.customer) {
        let mut before = false;
        let (mut lo, mut hi) = (n, 0usize);
        let mut channel = None;
        for r in group.iter().filter(|r| active(r)) {
            channel.get_or_insert(r.channel);
            let end = r.last.map_or(l, |x| x.min(l));
            if r.first < base {
                before = true;
            }
            let a = r.first.max(base);
            if a > end {
                continue;
            }
            let (ia, ib) = ((a - base) as usize, (end - base) as usize);
            for v in &mut scratch[ia..=ib] {
                *v += r.mrr;
            }
            lo = lo.min(ia);
            hi = hi.max(ib);
        }
        if channel.is_none() {
            continue;
        }
        customers_ever += 1;
        if lo > hi {
            // Active only before the first measured month.
            continue;
        }
        let bucket = channel.and_then(|c| bucket_of.get(c as usize).copied());

        // The month before the first measured one: only its end state.
        if scratch[0] > 0.0 {
            total[0].mrr += scratch[0];
            total[0].customers += 1;
            if let Some(b) = bucket {
                by_channel[b][0].mrr += scratch[0];
                by_channel[b][0].customers += 1;
            }
        }
        let mut seen = before;
        for i in 1..n {
            let (prev, cur) = (scratch[i - 1], scratch[i]);
            seen |= prev > 0.0;
            if prev > 0.0 || cur > 0.0 {
                total[i].add(prev, cur, seen);
                if let Some(b) = bucket {
                    by_channel[b][i].add(prev, cur, seen);
                }
            }
        }

        if !before && scratch[0] == 0.0 {
            if let Some(f) = scratch.iter().position(|m| *m > 0.0) {
                cohorts.add(f - 1, &scratch[f..]);
            }
        }
        if t0 >= base {
            let then = scratch[(t0 - base) as usize];
            if then > 0.0 {
                let now = scratch[n - 1];
                retention.customers_then += 1;
                retention.mrr_then += then;
                retention.mrr_now += now;
                retention.mrr_kept += now.min(then);
                if now > 0.0 {
                    retention.customers_still += 1;
                }
            }
        }
        for v in &mut scratch[lo..=hi] {
            *v = 0.0;
        }
    }

    let channels = bucket_names
        .into_iter()
        .zip(&by_channel)
        .map(|(name, acc)| ChannelSeries {
            name,
            series: rows_from(base_month, acc),
        })
        .collect();
    Some(ListSeries {
        series: rows_from(base_month, &total),
        channels,
        cohorts: cohorts.finish(),
        retention,
        customers_ever,
    })
}

/// One row of a monthly table once the whole file is known.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TableRow {
    pub month: YearMonth,
    pub channel: u32,
    pub mrr: f64,
    pub customers: u32,
    pub new_customers: Option<u32>,
    pub churned_customers: Option<u32>,
    pub new_mrr: Option<f64>,
    pub expansion_mrr: Option<f64>,
    pub contraction_mrr: Option<f64>,
    pub churned_mrr: Option<f64>,
    pub reactivation_mrr: Option<f64>,
    pub spend: Option<f64>,
}

/// Adds up rows of the same month: counts and MRR always; an optional
/// column only when every row has it (a total of some channels would look
/// like the total of all).
fn sum_month(rows: &[&TableRow]) -> MonthRow {
    fn all<T: Copy + std::iter::Sum<T>>(values: impl Iterator<Item = Option<T>>) -> Option<T> {
        values
            .collect::<Option<Vec<T>>>()
            .map(|v| v.into_iter().sum())
    }
    MonthRow {
        month: rows.first().map_or(YearMonth::from_index(0), |r| r.month),
        mrr: rows.iter().map(|r| r.mrr).sum(),
        customers: rows
            .iter()
            .map(|r| r.customers)
            .fold(0u32, u32::saturating_add),
        start_mrr: None,
        start_customers: None,
        new_customers: all(rows.iter().map(|r| r.new_customers)),
        reactivated_customers: None,
        churned_customers: all(rows.iter().map(|r| r.churned_customers)),
        new_mrr: all(rows.iter().map(|r| r.new_mrr)),
        expansion_mrr: all(rows.iter().map(|r| r.expansion_mrr)),
        contraction_mrr: all(rows.iter().map(|r| r.contraction_mrr)),
        churned_mrr: all(rows.iter().map(|r| r.churned_mrr)),
        reactivation_mrr: all(rows.iter().map(|r| r.reactivation_mrr)),
        spend: all(rows.iter().map(|r| r.spend)),
    }
}

/// Month rows (in month order, each month once) with the start of each
/// month taken from the month before when it is present.
fn chain(mut rows: Vec<MonthRow>) -> Vec<MonthRow> {
    for i in 1..rows.len() {
        if rows[i - 1].month.plus(1) == rows[i].month {
            rows[i].start_mrr = Some(rows[i - 1].mrr);
            rows[i].start_customers = Some(rows[i - 1].customers);
        }
    }
    rows
}

/// Groups rows already in month order (all rows, or the rows of one
/// channel bucket) by month and adds each month up.
fn by_month<'a>(rows: impl Iterator<Item = &'a TableRow>) -> Vec<MonthRow> {
    let sorted: Vec<&TableRow> = rows.collect();
    chain(
        sorted
            .chunk_by(|a, b| a.month == b.month)
            .map(sum_month)
            .collect(),
    )
}

/// The series and channels of a monthly table: the months from the latest
/// back at most [`MAX_MONTHS`], added up over channels.
pub(crate) fn from_table(
    rows: &[TableRow],
    channel_names: &[String],
) -> (Vec<MonthRow>, Vec<ChannelSeries>) {
    let Some(last) = rows.iter().map(|r| r.month).max() else {
        return (Vec::new(), Vec::new());
    };
    let oldest = last.plus(-(MAX_MONTHS - 1));
    let mut kept: Vec<&TableRow> = rows.iter().filter(|r| r.month >= oldest).collect();
    // One sort: every grouping below keeps this order.
    kept.sort_unstable_by_key(|r| r.month);
    let mut counts = vec![0u64; channel_names.len()];
    for r in &kept {
        if let Some(c) = counts.get_mut(r.channel as usize) {
            *c += 1;
        }
    }
    let (bucket_of, names) = buckets(&counts, channel_names);
    let series = by_month(kept.iter().copied());
    let channels = names
        .into_iter()
        .enumerate()
        .map(|(b, name)| ChannelSeries {
            name,
            series: by_month(
                kept.iter()
                    .copied()
                    .filter(|r| bucket_of.get(r.channel as usize) == Some(&b)),
            ),
        })
        .collect();
    (series, channels)
}
