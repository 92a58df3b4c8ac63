//! A generator of realistic subscription exports in the Baremetrics CSV
//! import template: "Try with sample data" imports [`sample_csv`], made in
//! the browser (a few kilobytes of code in the Measure chunk instead of a
//! 56 KB gzip file in the build), and the benchmark and the tests use the
//! same generator with other sizes. `tests/fixtures/measure/` holds the
//! sample as a file (`cargo run --example gen_measure_sample` writes it):
//! the browser tests upload it, and a test checks it is what this writes
//! natively and in WebAssembly.
//!
//! The model, month by month from `first_month` to the export date:
//! - **New customers**: a Poisson number each month with mean
//!   `new_per_month × (1 + growth)^t` (t = months since the first), each
//!   starting on a uniformly drawn day of the month (up to the export day
//!   in the export's own, partial month).
//! - **Plan**: drawn by `Plan::share`; billed annually with probability
//!   `annual_share` (price `annual_cents` a year), else monthly.
//! - **Monthly plans** renew every month on the start's day of the month
//!   (the 31st falls back to the month's last day). At each renewal the
//!   customer leaves with probability `monthly_churn` (the subscription is
//!   cancelled on the renewal date). A per-seat plan that stays changes its
//!   seats at a renewal with probability `seat_up` (+1 to +3) or
//!   `seat_down` (−1, not below one): the old subscription ends on that date
//!   and a new one with the new quantity starts the same day, as billing
//!   systems that export one row per subscription record it.
//! - **Annual plans** can only leave at an anniversary, with probability
//!   1 − (1 − `annual_plan_monthly_churn`)^12 (the annual equivalent of the
//!   monthly rate); their seats do not change.
//!
//! The same `seed` gives the same file on every machine.

use crate::domain::insight::Rng;

/// One plan of the sample business.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plan {
    /// The `plan_oid`.
    pub oid: &'static str,
    /// The `plan_name`.
    pub name: &'static str,
    /// Price per seat per month, in cents, on monthly billing.
    pub monthly_cents: u32,
    /// Price per seat per year, in cents, on annual billing.
    pub annual_cents: u32,
    /// Share of new customers who pick it (the shares add up to 1).
    pub share: f64,
    /// Seats at the start: drawn uniformly from this range (1..=1 = not per seat).
    pub seats: (u32, u32),
}

/// The generator's parameters.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    /// Fixes every random draw.
    pub seed: u64,
    /// The first month (year, month).
    pub first_month: (i32, u32),
    /// Full months of history before the export's month.
    pub months: u32,
    /// Day of the month after the last full one on which the export is taken.
    pub export_day: u32,
    /// Mean number of new customers in the first month.
    pub new_per_month: f64,
    /// Monthly growth of the mean number of new customers (0.04 = 4 %).
    pub growth: f64,
    /// Share of new customers billed annually.
    pub annual_share: f64,
    /// Chance that a monthly-plan customer leaves at a renewal.
    pub monthly_churn: f64,
    /// Monthly churn of annual-plan customers, applied as its annual
    /// equivalent at each anniversary.
    pub annual_plan_monthly_churn: f64,
    /// Chance that a per-seat monthly customer adds seats at a renewal.
    pub seat_up: f64,
    /// Chance that a per-seat monthly customer removes a seat at a renewal.
    pub seat_down: f64,
    /// The plans.
    pub plans: [Plan; 3],
}

/// The plans of the sample business.
pub const PLANS: [Plan; 3] = [
    Plan {
        oid: "starter",
        name: "Starter",
        monthly_cents: 2_900,
        annual_cents: 29_000,
        share: 0.5,
        seats: (1, 1),
    },
    Plan {
        oid: "team",
        name: "Team (per seat)",
        monthly_cents: 1_500,
        annual_cents: 15_000,
        share: 0.4,
        seats: (3, 12),
    },
    Plan {
        oid: "business",
        name: "Business",
        monthly_cents: 49_900,
        annual_cents: 499_000,
        share: 0.1,
        seats: (1, 1),
    },
];

/// The name the sample's measurement is kept under, as if it were a file.
pub const SAMPLE_FILE: &str = "sample-subscriptions.csv";

/// The sample export behind "Try with sample data": [`SAMPLE`] as a
/// Baremetrics-template CSV file (3,110 subscriptions, about 424 KB).
pub fn sample_csv() -> Vec<u8> {
    to_csv(&generate(&SAMPLE, usize::MAX))
}

/// The parameters of [`sample_csv`]: 24 months from
/// November 2024, exported on 3 November 2026.
pub const SAMPLE: Params = Params {
    seed: 2026,
    first_month: (2024, 11),
    months: 24,
    export_day: 3,
    new_per_month: 70.0,
    growth: 0.045,
    annual_share: 0.25,
    monthly_churn: 0.035,
    annual_plan_monthly_churn: 0.015,
    seat_up: 0.03,
    seat_down: 0.01,
    plans: PLANS,
};

/// One row of the export.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The plan.
    pub plan: Plan,
    /// Whether billed annually.
    pub annual: bool,
    /// Customer number (from 1).
    pub customer: u32,
    /// Subscription number (from 1).
    pub subscription: u32,
    /// Start date (y, m, d).
    pub start: (i32, u32, u32),
    /// Cancel date, if cancelled.
    pub end: Option<(i32, u32, u32)>,
    /// Seats.
    pub quantity: u32,
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// The month `k` months after (year, month).
pub fn add_months(year: i32, month: u32, k: u32) -> (i32, u32) {
    let i = year * 12 + month as i32 - 1 + k as i32;
    (i.div_euclid(12), i.rem_euclid(12) as u32 + 1)
}

/// The date `k` months after `day`, on the same day of the month or the
/// month's last day.
fn renewal(start: (i32, u32, u32), k: u32) -> (i32, u32, u32) {
    let (y, m) = add_months(start.0, start.1, k);
    (y, m, start.2.min(days_in_month(y, m)))
}

fn uniform(rng: &mut Rng, lo: u32, hi: u32) -> u32 {
    let span = f64::from(hi - lo + 1);
    lo + ((rng.next_f64() * span) as u32).min(hi - lo)
}

/// A Poisson draw with mean `lambda`, counting exponential arrivals in one
/// unit of time.
fn poisson(rng: &mut Rng, lambda: f64) -> u32 {
    let mut t = 0.0;
    let mut n = 0;
    loop {
        t += -(1.0 - rng.next_f64()).ln() / lambda;
        if t > 1.0 {
            return n;
        }
        n += 1;
    }
}

/// The export date: `export_day` of the month after the last full one.
pub fn export_date(p: &Params) -> (i32, u32, u32) {
    let (y, m) = add_months(p.first_month.0, p.first_month.1, p.months);
    (y, m, p.export_day)
}

/// Generates the rows, customer by customer in order of sign-up; stops
/// early once `max_rows` rows exist.
pub fn generate(p: &Params, max_rows: usize) -> Vec<Row> {
    let mut rng = Rng::new(p.seed);
    let export = export_date(p);
    let annual_churn = 1.0 - (1.0 - p.annual_plan_monthly_churn).powi(12);
    let mut rows = Vec::new();
    let mut customer = 0;
    let mut subscription = 0;
    for t in 0..=p.months {
        let (y, m) = add_months(p.first_month.0, p.first_month.1, t);
        let last_day = if t == p.months {
            p.export_day
        } else {
            days_in_month(y, m)
        };
        let mut lambda = p.new_per_month * (1.0 + p.growth).powi(t as i32);
        if t == p.months {
            lambda *= f64::from(p.export_day) / f64::from(days_in_month(y, m));
        }
        let mut starts: Vec<u32> = (0..poisson(&mut rng, lambda))
            .map(|_| uniform(&mut rng, 1, last_day))
            .collect();
        starts.sort_unstable();
        for day in starts {
            if rows.len() >= max_rows {
                return rows;
            }
            customer += 1;
            let u = rng.next_f64();
            let mut acc = 0.0;
            let plan = *p
                .plans
                .iter()
                .find(|pl| {
                    acc += pl.share;
                    u < acc
                })
                .unwrap_or(&p.plans[p.plans.len() - 1]);
            let annual = rng.next_f64() < p.annual_share;
            let mut quantity = uniform(&mut rng, plan.seats.0, plan.seats.1);
            let mut start = (y, m, day);
            let first = start;
            // One row of this customer, numbered in order.
            let mut record = |start, end, quantity| {
                subscription += 1;
                rows.push(Row {
                    plan,
                    annual,
                    customer,
                    subscription,
                    start,
                    end,
                    quantity,
                });
            };
            let step = if annual { 12 } else { 1 };
            let mut k = step;
            loop {
                let date = renewal(first, k);
                if date > export {
                    record(start, None, quantity);
                    break;
                }
                let leaves = if annual {
                    rng.next_f64() < annual_churn
                } else {
                    rng.next_f64() < p.monthly_churn
                };
                if leaves {
                    record(start, Some(date), quantity);
                    break;
                }
                if !annual && plan.seats.1 > 1 {
                    let u = rng.next_f64();
                    let new_quantity = if u < p.seat_up {
                        quantity + uniform(&mut rng, 1, 3)
                    } else if u < p.seat_up + p.seat_down && quantity > 1 {
                        quantity - 1
                    } else {
                        quantity
                    };
                    if new_quantity != quantity {
                        record(start, Some(date), quantity);
                        start = date;
                        quantity = new_quantity;
                    }
                }
                k += step;
            }
        }
    }
    rows
}

const FIRST: [&str; 16] = [
    "Bright", "North", "Blue", "Quiet", "Silver", "Maple", "Harbor", "Copper", "Swift", "Lumen",
    "Cedar", "Orbit", "Pine", "Atlas", "Nimble", "Summit",
];
const SECOND: [&str; 16] = [
    "path", "field", "stone", "wave", "works", "leaf", "point", "line", "forge", "gate", "loop",
    "yard", "craft", "bridge", "spark", "ridge",
];
const KIND: [&str; 8] = [
    "Labs",
    "Studio",
    "Systems",
    "Group",
    "Analytics",
    "Co",
    "Partners",
    "Software",
];

fn company(n: u32) -> String {
    let i = n as usize;
    format!(
        "{}{} {}",
        FIRST[i % 16],
        SECOND[(i / 16) % 16],
        KIND[(i / 256) % 8]
    )
}

fn iso((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The Baremetrics template header.
pub const HEADER: [&str; 13] = [
    "plan_oid",
    "plan_name",
    "plan_currency",
    "plan_amount",
    "plan_interval",
    "plan_interval_count",
    "customer_oid",
    "customer_name",
    "customer_email",
    "subscription_oid",
    "subscription_started_at",
    "subscription_canceled_at",
    "subscription_quantity",
];

/// The rows as a Baremetrics-template CSV file.
pub fn to_csv(rows: &[Row]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut write = || -> csv::Result<()> {
        w.write_record(HEADER)?;
        for r in rows {
            let name = company(r.customer);
            let email = format!(
                "billing@{}-{}.example",
                name.to_lowercase().replace(' ', "-"),
                r.customer
            );
            let (oid, amount, interval) = if r.annual {
                (
                    format!("{}-annual", r.plan.oid),
                    r.plan.annual_cents,
                    "year",
                )
            } else {
                (
                    format!("{}-monthly", r.plan.oid),
                    r.plan.monthly_cents,
                    "month",
                )
            };
            w.write_record([
                oid,
                r.plan.name.to_string(),
                "usd".to_string(),
                amount.to_string(),
                interval.to_string(),
                "1".to_string(),
                format!("cus_{:05}", r.customer),
                name,
                email,
                format!("sub_{:05}", r.subscription),
                iso(r.start),
                r.end.map(iso).unwrap_or_default(),
                r.quantity.to_string(),
            ])?;
        }
        Ok(())
    };
    // Writing to memory cannot fail.
    let _ = write();
    w.into_inner().unwrap_or_default()
}
