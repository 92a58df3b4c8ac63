//! Cohorts: customers grouped by the month they first paid, followed month
//! by month to the last complete month — how many are still paying (logo
//! retention) and what they pay (revenue retention, which can pass 100 %
//! when the ones who stay expand). Rows get shorter for younger cohorts: the
//! triangle billing dashboards show.

use serde::{Deserialize, Serialize};

use super::date::YearMonth;

/// One start month's cohort.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CohortRow {
    /// The month its customers first paid (were active at a month's end).
    pub start: YearMonth,
    /// Customers of the cohort active at the end of each month, from the
    /// start month (index 0, the cohort's size) to the last complete month.
    pub customers: Vec<u32>,
    /// Their MRR at the end of each month, same indexing (index 0 is the
    /// cohort's starting MRR).
    pub mrr: Vec<f64>,
}

impl CohortRow {
    /// Customers who started in the month.
    pub fn size(&self) -> u32 {
        self.customers.first().copied().unwrap_or(0)
    }

    /// Logo retention `age` months after the start = active customers then ÷
    /// cohort size. `None` when the month is past the data or the cohort is
    /// empty.
    pub fn logo_retention(&self, age: usize) -> Option<f64> {
        let size = f64::from(self.size());
        let now = f64::from(*self.customers.get(age)?);
        (size > 0.0).then(|| now / size)
    }

    /// Revenue retention `age` months after the start = the cohort's MRR
    /// then ÷ its MRR in the start month. `None` when the month is past the
    /// data or the starting MRR is zero.
    pub fn revenue_retention(&self, age: usize) -> Option<f64> {
        let start = self.mrr.first().copied().unwrap_or(0.0);
        let now = *self.mrr.get(age)?;
        (start > 0.0).then(|| now / start)
    }
}

/// Every cohort whose start month is inside the measured months, oldest
/// first. Customers already paying before the first measured month belong
/// to no cohort.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CohortTable {
    /// One row per start month, oldest first; a month with no new customer
    /// has a row of zeros.
    pub rows: Vec<CohortRow>,
}

/// One point of the average retention curve.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CurvePoint {
    /// Months since the start month.
    pub age: usize,
    /// Σ active customers at this age ÷ Σ cohort sizes, over the cohorts old
    /// enough to have this age; `None` when those cohorts are empty.
    pub logo: Option<f64>,
    /// Σ MRR at this age ÷ Σ starting MRR, over the same cohorts.
    pub revenue: Option<f64>,
    /// How many cohorts are old enough to have this age.
    pub cohorts: usize,
}

impl CohortTable {
    /// The average retention curve: at each age, the cohorts old enough are
    /// pooled (weighted by their size for logo retention and by their
    /// starting MRR for revenue retention), so a large cohort counts more
    /// than a small one and an empty month counts for nothing.
    pub fn average_curve(&self) -> Vec<CurvePoint> {
        let longest = self
            .rows
            .iter()
            .map(|r| r.customers.len())
            .max()
            .unwrap_or(0);
        (0..longest)
            .map(|age| {
                let mut size = 0.0;
                let mut active = 0.0;
                let mut start_mrr = 0.0;
                let mut mrr = 0.0;
                let mut cohorts = 0;
                for row in &self.rows {
                    if let (Some(c), Some(m)) = (row.customers.get(age), row.mrr.get(age)) {
                        cohorts += 1;
                        size += f64::from(row.size());
                        active += f64::from(*c);
                        start_mrr += row.mrr.first().copied().unwrap_or(0.0);
                        mrr += *m;
                    }
                }
                CurvePoint {
                    age,
                    logo: (size > 0.0).then(|| active / size),
                    revenue: (start_mrr > 0.0).then(|| mrr / start_mrr),
                    cohorts,
                }
            })
            .collect()
    }
}

/// Adds customers to cohorts as the series is built.
#[derive(Clone, Debug)]
pub(crate) struct CohortBuilder {
    rows: Vec<CohortRow>,
}

impl CohortBuilder {
    /// Cohorts for every start month from `first` to `last`.
    pub(crate) fn new(first: YearMonth, last: YearMonth) -> Self {
        let n = usize::try_from(first.months_until(last) + 1).unwrap_or(0);
        let rows = (0..n)
            .map(|i| {
                let len = n - i;
                CohortRow {
                    start: first.plus(i32::try_from(i).unwrap_or(0)),
                    customers: vec![0; len],
                    mrr: vec![0.0; len],
                }
            })
            .collect();
        CohortBuilder { rows }
    }

    /// Adds one customer who first paid in cohort `start` (an offset from
    /// the first month), with `mrr[k]` its MRR `k` months later.
    pub(crate) fn add(&mut self, start: usize, mrr: &[f64]) {
        if let Some(row) = self.rows.get_mut(start) {
            for (k, m) in mrr.iter().enumerate().take(row.customers.len()) {
                if *m > 0.0 {
                    row.customers[k] += 1;
                    row.mrr[k] += *m;
                }
            }
        }
    }

    pub(crate) fn finish(self) -> CohortTable {
        CohortTable { rows: self.rows }
    }
}
