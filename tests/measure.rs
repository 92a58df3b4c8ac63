//! Measure: reading subscription exports and monthly tables, and the
//! figures computed from them (issue 15).
//!
//! Small fixtures in `tests/fixtures/measure/` have their figures worked out
//! by hand in each test's comment. The shipped sample is checked twice: once
//! against a plain, loop-by-loop implementation of the definitions written
//! here (no product code), once against the parameters that generated it.
#![cfg(not(target_arch = "wasm32"))]

use gtm_workbench::domain::economics::{Ltv, Payback, Share};
use gtm_workbench::domain::measure::sample as measure_sample;
use gtm_workbench::domain::measure::{
    detect, guess_mapping, import, inspect, Choices, CurrencyChoice, DateOrder, Day, Figures,
    FileError, Format, ImportError, ImportOptions, Imported, Importer, ListKind, Measured,
    Measurement, MonthRow, Outcome, Question, Rate, RowProblem, TableMapping, Unavailable,
    YearMonth, DAYS_PER_MONTH,
};
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/measure/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn sample_bytes() -> Vec<u8> {
    fixture("sample-subscriptions.csv")
}

fn format_of(bytes: &[u8]) -> Format {
    match inspect(bytes, 5) {
        Ok(i) => i.format,
        Err(e) => panic!("inspect: {e}"),
    }
}

fn outcome(bytes: Vec<u8>, choices: &Choices) -> Outcome {
    let format = format_of(&bytes);
    import(
        "test.csv",
        bytes,
        &format,
        ImportOptions::default(),
        choices,
    )
}

fn ready(bytes: Vec<u8>, choices: &Choices) -> Imported {
    match outcome(bytes, choices) {
        Outcome::Ready(i) => *i,
        other => panic!("expected a measurement, got {other:?}"),
    }
}

fn month(text: &str) -> YearMonth {
    let (y, m) = text.split_once('-').unwrap_or(("0", "0"));
    YearMonth::new(y.parse().unwrap_or(0), m.parse().unwrap_or(0))
        .unwrap_or_else(|| panic!("{text}"))
}

fn row<'a>(m: &'a Measurement, at: &str) -> &'a MonthRow {
    let want = month(at);
    m.series
        .iter()
        .find(|r| r.month == want)
        .unwrap_or_else(|| panic!("no row for {at}"))
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0)
}

fn value<T: Clone + std::fmt::Debug>(r: &Measured<T>) -> T {
    match r {
        Measured::Value(v) => v.clone(),
        Measured::Unavailable(u) => panic!("unavailable: {u}"),
    }
}

fn unavailable<T: std::fmt::Debug>(r: &Measured<T>) -> Unavailable {
    match r {
        Measured::Unavailable(u) => u.clone(),
        Measured::Value(v) => panic!("expected no value, got {v:?}"),
    }
}

/// Every number a figure can show is finite.
fn figures_finite(f: &Figures) -> bool {
    let pooled = |r: &Measured<gtm_workbench::domain::measure::Pooled>| {
        r.value().is_none_or(|p| {
            p.numerator.is_finite() && p.denominator.is_finite() && p.rate.fraction().is_finite()
        })
    };
    let ratio = |r: &Measured<gtm_workbench::domain::measure::Ratio>| {
        r.value()
            .is_none_or(|p| p.value.is_finite() && p.numerator.is_finite())
    };
    let gm = Share::from_percent(80.0);
    f.mrr.is_finite()
        && f.arpa.value().is_none_or(|a| a.is_finite())
        && pooled(&f.logo_churn)
        && pooled(&f.revenue_churn)
        && pooled(&f.expansion)
        && pooled(&f.contraction)
        && ratio(&f.nrr)
        && ratio(&f.grr)
        && f.new_customers_per_month
            .value()
            .is_none_or(|v| v.is_finite())
        && f.cac.value().is_none_or(|c| c.per_customer.is_finite())
        && f.ltv(gm).value().is_none_or(|l| l.dollars().is_finite())
        && f.payback(gm)
            .value()
            .is_none_or(|p| p.months().is_none_or(f64::is_finite))
}

/// Two JSON values equal, numbers to 1e-12 relative (the JSON reader may
/// round the last bit).
fn json_close(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (a, b) {
        (V::Number(x), V::Number(y)) => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            (x - y).abs() <= 1e-12 * x.abs().max(1.0)
        }
        (V::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_close(a, b))
        }
        (V::Object(x), V::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_close(v, w)))
        }
        _ => a == b,
    }
}

/// A measurement written as JSON and read back is the same measurement.
fn round_trips(m: &Measurement) -> bool {
    let Ok(text) = serde_json::to_string(m) else {
        return false;
    };
    let Ok(back) = serde_json::from_str::<Measurement>(&text) else {
        return false;
    };
    let (Ok(a), Ok(b)) = (serde_json::to_value(m), serde_json::to_value(&back)) else {
        return false;
    };
    json_close(&a, &b)
}

// ---------------------------------------------------------------------------
// Baremetrics template, worked by hand
// ---------------------------------------------------------------------------

/// `baremetrics_small.csv`, by hand (MRR = amount × quantity ÷ months in
/// the interval; a subscription is active at a month's end from its start
/// until its cancel date; the latest date, 2024-05-02, makes April 2024 the
/// last complete month):
/// - c1 $50 from 10 Jan; c2 $50 from 15 Jan, cancelled 15 Mar (lost in
///   March); c3 $1,200 a year = $100 from Feb; c4 2 × $50 = $100 from 20 Feb,
///   3 × $50 = $150 from 20 Apr (an expansion of $50 in April); c5 $50 a
///   week = 50 × 30.436875 ÷ 7 = $217.40625 from March; c6 starts in May.
/// - MRR at the end of Jan 100, Feb 300, Mar 467.40625, Apr 517.40625;
///   customers 2, 4, 4, 4.
/// - Logo churn pooled over Jan–Apr = (0 + 0 + 1 + 0) ÷ (0 + 2 + 4 + 4) = 10 %.
/// - Gross MRR churn = 50 ÷ (0 + 100 + 300 + 467.40625); expansion = 50 ÷ the same.
#[test]
fn a_baremetrics_file_gives_the_figures_worked_by_hand() {
    let bytes = fixture("baremetrics_small.csv");
    let inspected = inspect(&bytes, 3).unwrap_or_else(|e| panic!("{e}"));
    assert!(inspected.recognised);
    assert!(matches!(
        inspected.format,
        Format::Subscriptions {
            kind: ListKind::Baremetrics,
            ..
        }
    ));
    assert_eq!(inspected.preview.len(), 3);

    let imported = ready(bytes, &Choices::default());
    let m = &imported.measurement;
    assert_eq!(m.last_month, month("2024-04"));
    let weekly = 50.0 * DAYS_PER_MONTH / 7.0;
    assert!(close(weekly, 217.40625));
    let expected = [
        ("2024-01", 100.0, 2),
        ("2024-02", 300.0, 4),
        ("2024-03", 250.0 + weekly, 4),
        ("2024-04", 300.0 + weekly, 4),
    ];
    assert_eq!(m.series.len(), 4);
    for (at, mrr, customers) in expected {
        let r = row(m, at);
        assert!(close(r.mrr, mrr), "{at}: {} vs {mrr}", r.mrr);
        assert_eq!(r.customers, customers, "{at}");
    }
    assert_eq!(row(m, "2024-03").churned_customers, Some(1));
    assert!(close(row(m, "2024-04").expansion_mrr.unwrap_or(0.0), 50.0));

    let f = m.figures();
    assert_eq!(f.customers, 4);
    assert!(close(f.mrr, 300.0 + weekly));
    assert!(close(value(&f.arpa), (300.0 + weekly) / 4.0));
    let churn = value(&f.logo_churn);
    assert_eq!(
        (churn.numerator, churn.denominator, churn.months),
        (1.0, 10.0, 4)
    );
    assert!(close(churn.rate.fraction(), 0.1));
    assert!(close(churn.annual().fraction(), 1.0 - 0.9_f64.powi(12)));
    let start_mrr = 100.0 + 300.0 + 250.0 + weekly;
    assert!(close(
        value(&f.revenue_churn).rate.fraction(),
        50.0 / start_mrr
    ));
    assert!(close(value(&f.expansion).rate.fraction(), 50.0 / start_mrr));
    assert!(close(value(&f.new_customers_per_month), 5.0 / 4.0));
    assert!(matches!(
        unavailable(&f.nrr),
        Unavailable::NoCustomersYearAgo(_)
    ));
    assert_eq!(unavailable(&f.cac), Unavailable::NoSpend);

    let cohorts = m
        .cohorts
        .as_ref()
        .map(|c| c.rows.clone())
        .unwrap_or_default();
    assert_eq!(cohorts.len(), 4);
    assert_eq!(cohorts[0].customers, vec![2, 2, 1, 1]);
    assert_eq!(cohorts[1].customers, vec![2, 2, 2]);
    assert!(close(cohorts[1].mrr[2], 250.0));
    assert_eq!(cohorts[1].revenue_retention(2), Some(1.25));
    let curve = m
        .cohorts
        .as_ref()
        .map(|c| c.average_curve())
        .unwrap_or_default();
    // Age 1: Jan (2 of 2) + Feb (2 of 2) + Mar (1 of 1) = 5 ÷ 5.
    assert_eq!(curve[1].logo, Some(1.0));
    // Age 2: Jan (1 of 2) + Feb (2 of 2) = 3 ÷ 4.
    assert_eq!(curve[2].logo, Some(0.75));
    assert_eq!(m.source.customers, 5);
    assert_eq!(m.source.first_date.iso(), "2024-01-10");
    assert_eq!(m.source.last_date.iso(), "2024-05-02");
    assert_eq!(imported.report.rows_used, 7);
    assert!(round_trips(m));
}

/// Stripe's export, by hand: `Ended At` ends a subscription (sub_2 on
/// 10 March, not on its 20 February cancellation request); a cancelled row
/// without it ends on `Canceled At` (sub_4, 3 March); paying starts at the
/// trial's end (sub_3 on 2 March: $1,200 a year = $100 a month from March;
/// sub_6 still in trial); an `incomplete_expired` row never paid. End of
/// April 2024: cus_1 $99 and cus_3 $100.
#[test]
fn a_stripe_export_is_read_with_its_own_meaning_of_each_date() {
    let bytes = fixture("stripe.csv");
    assert!(matches!(
        format_of(&bytes),
        Format::Subscriptions {
            kind: ListKind::Stripe,
            ..
        }
    ));
    let imported = ready(bytes, &Choices::default());
    let m = &imported.measurement;
    assert_eq!(m.last_month, month("2024-04"));
    let months: Vec<(f64, u32)> = m.series.iter().map(|r| (r.mrr, r.customers)).collect();
    assert_eq!(months, vec![(297.0, 2), (396.0, 3), (199.0, 2), (199.0, 2)]);
    assert_eq!(row(m, "2024-03").churned_customers, Some(2));
    assert!(imported
        .report
        .notes
        .iter()
        .any(|n| n.to_string().contains("never started paying")));
    assert_eq!(imported.report.bad_rows, 0);
}

/// A list in no known format, with `;` separators, decimal commas, `€`
/// on some amounts only and day-first dates, read through the guessed
/// mapping. End of April 2024: acme €49, beta €1,200 a year = €100, delta
/// €490 a year = €40.83; gamma (2 × €49) left in March; eps starts in May.
#[test]
fn any_list_is_read_through_the_mapping_guessed_from_its_headers() {
    let bytes = fixture("mapped_semicolon.csv");
    let inspected = inspect(&bytes, 5).unwrap_or_else(|e| panic!("{e}"));
    assert!(!inspected.recognised);
    assert_eq!(inspected.delimiter, b';');
    assert!(inspected.missing.is_empty(), "{:?}", inspected.missing);
    let imported = ready(bytes, &Choices::default());
    let m = &imported.measurement;
    assert_eq!(m.source.currency, "EUR");
    assert_eq!(m.source.date_order, Some(DateOrder::DayFirst));
    let april = row(m, "2024-04");
    assert_eq!(april.customers, 3);
    assert!(close(april.mrr, 49.0 + 100.0 + 490.0 / 12.0));
    assert!(close(row(m, "2024-02").mrr, 49.0 + 100.0 + 98.0));
    let names: Vec<&str> = m.channels.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["Ads", "Organic", "Partners"]);
    let ads = &m.channel_figures()[0].1;
    assert_eq!(ads.customers, 1);
    assert_eq!(unavailable(&ads.nrr), Unavailable::NotPerChannel);
}

#[test]
fn a_byte_order_mark_and_windows_line_ends_do_not_hide_the_format() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    let text = String::from_utf8(fixture("baremetrics_small.csv")).unwrap_or_default();
    bytes.extend(text.replace('\n', "\r\n").into_bytes());
    assert!(matches!(
        format_of(&bytes),
        Format::Subscriptions {
            kind: ListKind::Baremetrics,
            ..
        }
    ));
    let with_bom = ready(bytes, &Choices::default()).measurement;
    let plain = ready(fixture("baremetrics_small.csv"), &Choices::default()).measurement;
    assert_eq!(with_bom.series, plain.series);
}

#[test]
fn the_guessed_mapping_names_the_columns_a_person_would_pick() {
    let headers: Vec<String> = [
        "Email",
        "Customer",
        "MRR",
        "Plan",
        "Created at",
        "Cancelled at",
        "Channel",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    let m = guess_mapping(&headers);
    assert_eq!(m.customer.as_deref(), Some("Customer"));
    assert_eq!(m.amount.as_deref(), Some("MRR"));
    assert_eq!(m.start.as_deref(), Some("Created at"));
    assert_eq!(m.end.as_deref(), Some("Cancelled at"));
    assert_eq!(m.plan.as_deref(), Some("Plan"));
    assert_eq!(m.channel.as_deref(), Some("Channel"));
    assert_eq!(m.interval, None);
}

// ---------------------------------------------------------------------------
// Monthly tables
// ---------------------------------------------------------------------------

/// A table's figures pool its own columns over its last 12 months
/// (March 2024 – February 2025; January 2024 has no month before it). The
/// expected sums are taken from the fixture with plain loops.
#[test]
fn a_monthly_table_gives_pooled_churn_and_cac_from_its_columns() {
    let bytes = fixture("table.csv");
    let format = format_of(&bytes);
    assert!(matches!(format, Format::MonthlyTable(_)));
    let m = ready(bytes.clone(), &Choices::default()).measurement;
    assert_eq!(m.last_month, month("2025-02"));
    assert!(m.cohorts.is_none());

    let money = |s: &str| s.replace(['$', ','], "").parse::<f64>().unwrap_or(f64::NAN);
    let mut rdr = csv::Reader::from_reader(bytes.as_slice());
    let rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| {
            r.map(|r| r.iter().map(str::to_string).collect())
                .unwrap_or_default()
        })
        .collect();
    let (mut lost, mut exposed, mut churned_mrr, mut start_mrr, mut spend, mut new) =
        (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    for i in rows.len() - 12..rows.len() {
        let (prev, cur) = (&rows[i - 1], &rows[i]);
        exposed += money(&prev[2]);
        lost += money(&cur[4]);
        start_mrr += money(&prev[1]);
        churned_mrr += money(&cur[8]) + money(&cur[7]);
        spend += money(&cur[9]);
        new += money(&cur[3]);
    }
    let f = m.figures();
    assert_eq!(f.customers, 158);
    assert!(close(f.mrr, 18_300.0));
    let churn = value(&f.logo_churn);
    assert_eq!(churn.months, 12);
    assert!(close(churn.rate.fraction(), lost / exposed));
    assert!(close(
        value(&f.revenue_churn).rate.fraction(),
        churned_mrr / start_mrr
    ));
    let cac = value(&f.cac);
    assert!(close(cac.per_customer, spend / new));
    assert_eq!(unavailable(&f.nrr), Unavailable::NeedsSubscriptionList);
    // Payback = CAC ÷ (ARPA × gross margin).
    let gm = Share::from_percent(80.0);
    let arpa = 18_300.0 / 158.0;
    assert!(
        matches!(f.payback(gm), Measured::Value(Payback::Months(p)) if close(p, cac.per_customer / (arpa * 0.8)))
    );
}

/// Rows per month and channel: the totals add the channels up, and each
/// channel keeps its own CAC (Self-serve: spend 4,000 + 4,200 + 3,900 over
/// 20 + 18 + 15 new customers; January has no month before it, so it is
/// left out of churn, but its spend and new customers count for CAC). All
/// channels: 47,600 of spend over 57 new customers.
#[test]
fn a_table_with_channels_adds_them_up_and_keeps_each_ones_cac() {
    let m = ready(fixture("table_channels.csv"), &Choices::default()).measurement;
    assert_eq!(m.series.len(), 3);
    assert_eq!(row(&m, "2025-03").customers, 132);
    assert!(close(row(&m, "2025-03").mrr, 16_800.0));
    let by_channel = m.channel_figures();
    let self_serve = by_channel
        .iter()
        .find(|(n, _)| n == "Self-serve")
        .map(|(_, f)| f.clone());
    let Some(self_serve) = self_serve else {
        panic!("no self-serve channel")
    };
    assert!(close(
        value(&self_serve.cac).per_customer,
        (4_000.0 + 4_200.0 + 3_900.0) / (20.0 + 18.0 + 15.0)
    ));
    assert!(close(
        value(&self_serve.logo_churn).rate.fraction(),
        (6.0 + 7.0) / (100.0 + 112.0)
    ));
    let total = m.figures();
    assert!(close(value(&total.cac).per_customer, 47_600.0 / 57.0));
}

#[test]
fn a_table_of_first_of_month_dates_needs_no_question_about_their_order() {
    let text = "Month,MRR,Customers\n01/11/2024,1000,10\n01/12/2024,1100,11\n01/01/2025,1200,12\n";
    let m = ready(text.as_bytes().to_vec(), &Choices::default()).measurement;
    // The first number never changes, so it is the day: 1 November 2024 …
    assert_eq!(m.last_month, month("2025-01"));
    assert_eq!(m.source.date_order, Some(DateOrder::DayFirst));
}

// ---------------------------------------------------------------------------
// Date and amount styles
// ---------------------------------------------------------------------------

/// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

type Ymd = (i32, u32, u32);

/// Customer, cents, interval, start, end, quantity.
type SmallSub = (&'static str, u32, &'static str, Ymd, Option<Ymd>, u32);

/// How a date is written.
type DateStyle = Box<dyn Fn(Ymd) -> String>;

/// The subscriptions of `baremetrics_small.csv` (without the weekly one),
/// written with `date` for every date.
fn small_list(date: impl Fn(Ymd) -> String, separator: char) -> Vec<u8> {
    let subs: [SmallSub; 5] = [
        ("c1", 5000, "month", (2024, 1, 10), None, 1),
        ("c2", 5000, "month", (2024, 1, 15), Some((2024, 3, 15)), 1),
        ("c3", 120_000, "year", (2024, 2, 1), None, 1),
        ("c4", 5000, "month", (2024, 2, 20), Some((2024, 4, 20)), 2),
        ("c6", 5000, "month", (2024, 5, 2), None, 1),
    ];
    let s = separator;
    let mut out = format!(
        "plan_oid{s}plan_name{s}plan_currency{s}plan_amount{s}plan_interval{s}plan_interval_count{s}customer_oid{s}customer_name{s}customer_email{s}subscription_oid{s}subscription_started_at{s}subscription_canceled_at{s}subscription_quantity\n"
    );
    for (i, (c, cents, interval, start, end, q)) in subs.iter().enumerate() {
        let end = end.map(&date).unwrap_or_default();
        out.push_str(&format!(
            "p{s}P{s}usd{s}{cents}{s}{interval}{s}1{s}{c}{s}{c}{s}{c}@x.example{s}s{i}{s}{}{s}{end}{s}{q}\n",
            date(*start)
        ));
    }
    out.into_bytes()
}

fn series_of(m: &Measurement) -> Vec<(YearMonth, f64, u32)> {
    m.series
        .iter()
        .map(|r| (r.month, r.mrr, r.customers))
        .collect()
}

#[test]
fn every_date_style_gives_the_same_series() {
    let iso = ready(
        small_list(|(y, m, d)| format!("{y}-{m:02}-{d:02}"), ','),
        &Choices::default(),
    );
    let expected = series_of(&iso.measurement);
    assert_eq!(expected.len(), 4);
    let styles: Vec<(&str, DateStyle)> = vec![
        (
            "date-time",
            Box::new(|(y, m, d)| format!("{y}-{m:02}-{d:02}T16:30:00Z")),
        ),
        (
            "date-time with a space",
            Box::new(|(y, m, d)| format!("{y}-{m:02}-{d:02} 09:05")),
        ),
        (
            "Unix seconds",
            Box::new(|(y, m, d)| {
                (days_from_civil(i64::from(y), i64::from(m), i64::from(d)) * 86_400 + 3_600)
                    .to_string()
            }),
        ),
        (
            "day.month.year",
            Box::new(|(y, m, d)| format!("{d:02}.{m:02}.{y}")),
        ),
        (
            "month/day/year",
            Box::new(|(y, m, d)| format!("{m:02}/{d:02}/{y}")),
        ),
        (
            "day/month/year",
            Box::new(|(y, m, d)| format!("{d}/{m}/{y}")),
        ),
        (
            "two-digit years",
            Box::new(|(y, m, d)| format!("{m}/{d}/{}", y % 100)),
        ),
    ];
    for (name, style) in styles {
        let imported = ready(small_list(style, ','), &Choices::default());
        assert_eq!(series_of(&imported.measurement), expected, "{name}");
    }
}

#[test]
fn slashed_dates_that_fit_both_orders_ask_and_the_answer_decides() {
    // Every day is 12 or less: 03/04/2024 is 3 April or 4 March.
    let text = "customer,amount,start,end\na,100,01/02/2024,\nb,100,03/04/2024,05/06/2024\nc,100,07/08/2024,\n";
    let bytes = text.as_bytes().to_vec();
    match outcome(bytes.clone(), &Choices::default()) {
        Outcome::Ask(Question::DateOrder { examples }) => {
            assert_eq!(examples, vec!["01/02/2024", "03/04/2024", "05/06/2024"]);
        }
        other => panic!("expected the date question, got {other:?}"),
    }
    let month_first = ready(
        bytes.clone(),
        &Choices {
            date_order: Some(DateOrder::MonthFirst),
            ..Choices::default()
        },
    );
    let day_first = ready(
        bytes,
        &Choices {
            date_order: Some(DateOrder::DayFirst),
            ..Choices::default()
        },
    );
    // Latest date 8 July (month first) or 7 August (day first).
    assert_eq!(month_first.measurement.last_month, month("2024-06"));
    assert_eq!(day_first.measurement.last_month, month("2024-07"));
    // b runs 3 April – 6 May (month first): active at the end of April only.
    assert_eq!(row(&month_first.measurement, "2024-04").customers, 2);
    assert_eq!(row(&month_first.measurement, "2024-05").customers, 1);
}

#[test]
fn the_importer_keeps_its_rows_so_a_question_is_answered_without_reading_again() {
    let text = "customer,amount,start\na,100,01/02/2024\nb,100,03/04/2024\n";
    let bytes = text.as_bytes().to_vec();
    let format = format_of(&bytes);
    let Ok(mut importer) = Importer::new("f.csv", bytes, &format, ImportOptions::default()) else {
        panic!("not accepted")
    };
    assert!(matches!(
        importer.finish(&Choices::default()),
        Outcome::Ask(Question::DateOrder { .. })
    ));
    let answer = Choices {
        date_order: Some(DateOrder::DayFirst),
        ..Choices::default()
    };
    assert!(matches!(importer.finish(&answer), Outcome::Ready(_)));
}

#[test]
fn a_date_that_breaks_the_files_order_is_skipped_and_named() {
    // 13/02 proves day first twice; 02/13 only fits month first.
    let text = "customer,amount,start\na,100,13/02/2024\nb,100,14/02/2024\nc,100,02/13/2024\nd,100,01/04/2024\n";
    let imported = ready(text.as_bytes().to_vec(), &Choices::default());
    assert_eq!(
        imported.measurement.source.date_order,
        Some(DateOrder::DayFirst)
    );
    assert_eq!(imported.report.bad_rows, 1);
    let bad = &imported.report.listed[0];
    assert_eq!((bad.line, bad.column.as_deref()), (4, Some("start")));
    assert_eq!(
        bad.problem.to_string(),
        "“02/13/2024” does not fit the day/month/year order of the other dates in the file"
    );
}

/// The same three subscriptions — $49.90 a month, $1,234.50 a year and
/// $1,500 a year — written in each amount style.
#[test]
fn every_amount_style_gives_the_same_mrr() {
    let expected = 49.9 + (1234.5 + 1500.0) / 12.0;
    let styles: [(char, [&str; 3]); 6] = [
        (',', ["49.90", "1234.50", "1500"]),
        (',', ["$49.90", "\"$1,234.50\"", "\"1,500\""]),
        (';', ["49,90", "1.234,50", "1.500,00"]),
        (';', ["49,90 €", "1 234,50 €", "€1500"]),
        (',', ["USD 49.90", "1234.5 USD", "1.5k"]),
        ('\t', ["49.90", "1'234.50", "1_500"]),
    ];
    for (sep, [a, b, c]) in styles {
        let text = format!(
            "customer{sep}amount{sep}interval{sep}start\nx{sep}{a}{sep}month{sep}2024-01-05\ny{sep}{b}{sep}year{sep}2024-01-06\nz{sep}{c}{sep}year{sep}2024-01-07\nw{sep}0{sep}month{sep}2024-02-01\n"
        );
        let m = ready(text.into_bytes(), &Choices::default()).measurement;
        let jan = row(&m, "2024-01");
        assert!(close(jan.mrr, expected), "{a} {b} {c}: {}", jan.mrr);
        assert_eq!(jan.customers, 3, "{a} {b} {c}");
    }
}

#[test]
fn numbers_like_1_500_follow_the_decimal_separator_of_the_rest_of_the_file() {
    let point = "customer,amount,start\na,1.500,2024-01-05\nb,2.50,2024-01-06\nc,1,2024-02-01\n";
    let comma = "customer;amount;start\na;1.500;2024-01-05\nb;2,50;2024-01-06\nc;1;2024-02-01\n";
    let jan = |text: &str| {
        let imported = ready(text.as_bytes().to_vec(), &Choices::default());
        assert!(imported
            .report
            .notes
            .iter()
            .any(|n| n.to_string().contains("1.500")));
        row(&imported.measurement, "2024-01").mrr
    };
    assert!(close(jan(point), 1.5 + 2.5));
    assert!(close(jan(comma), 1500.0 + 2.5));
}

// ---------------------------------------------------------------------------
// Currencies
// ---------------------------------------------------------------------------

/// `currencies.csv`: three USD rows, one EUR, one GBP, each 100 a month.
#[test]
fn several_currencies_are_counted_and_asked_about() {
    let bytes = fixture("currencies.csv");
    let Outcome::Ask(Question::Currency {
        counts,
        missing_rates,
    }) = outcome(bytes.clone(), &Choices::default())
    else {
        panic!("expected the currency question")
    };
    let counted: Vec<(String, u64)> = counts
        .iter()
        .map(|c| (c.currency.clone(), c.rows))
        .collect();
    assert_eq!(
        counted,
        vec![("USD".into(), 3), ("EUR".into(), 1), ("GBP".into(), 1)]
    );
    assert!(missing_rates.is_empty());

    let only = ready(
        bytes.clone(),
        &Choices {
            currency: Some(CurrencyChoice::Only("USD".into())),
            ..Choices::default()
        },
    );
    assert!(close(row(&only.measurement, "2024-01").mrr, 200.0));
    assert!(only
        .report
        .notes
        .iter()
        .any(|n| n.to_string().contains("2 rows in other currencies")));

    let eur = Rate {
        currency: "EUR".into(),
        per_unit: 1.1,
    };
    let partial = Choices {
        currency: Some(CurrencyChoice::Convert {
            into: "USD".into(),
            rates: vec![eur.clone()],
        }),
        ..Choices::default()
    };
    let Outcome::Ask(Question::Currency { missing_rates, .. }) = outcome(bytes.clone(), &partial)
    else {
        panic!("expected a question about the missing rate")
    };
    assert_eq!(missing_rates, vec!["GBP".to_string()]);

    let gbp = Rate {
        currency: "gbp".into(),
        per_unit: 1.25,
    };
    let unusable = Rate {
        currency: "JPY".into(),
        per_unit: f64::NAN,
    };
    let full = Choices {
        currency: Some(CurrencyChoice::Convert {
            into: "USD".into(),
            rates: vec![eur, gbp, unusable],
        }),
        ..Choices::default()
    };
    let converted = ready(bytes, &full).measurement;
    assert!(close(row(&converted, "2024-01").mrr, 200.0 + 110.0 + 125.0));
    assert_eq!(converted.source.currency, "USD");
    // Only the rates used are kept, so nothing unusable is stored.
    assert!(converted.is_finite());
    assert!(round_trips(&converted));
}

// ---------------------------------------------------------------------------
// Files that cannot be measured, and rows that are skipped
// ---------------------------------------------------------------------------

#[test]
fn an_empty_file_is_refused_in_plain_words() {
    for bytes in [&b""[..], b"  \r\n\n", b"\xEF\xBB\xBF"] {
        assert_eq!(inspect(bytes, 5), Err(FileError::Empty));
        let format = detect(&[]).0;
        let result = import(
            "e.csv",
            bytes.to_vec(),
            &format,
            ImportOptions::default(),
            &Choices::default(),
        );
        assert_eq!(result, Outcome::Failed(ImportError::File(FileError::Empty)));
    }
    assert_eq!(FileError::Empty.to_string(), "The file is empty.");
}

/// A spreadsheet, an image or a note saved as text is refused before any
/// mapping step, in words that say what to do.
#[test]
fn a_file_that_is_not_a_csv_table_is_refused_in_plain_words() {
    let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml".to_vec();
    let utf16 = "\u{feff}a,b\n1,2\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect::<Vec<u8>>();
    for bytes in [xlsx, utf16] {
        assert_eq!(inspect(&bytes, 5), Err(FileError::NotText));
    }
    let note = b"Hello, this is not an export\nJust a note\n".to_vec();
    let one_column = b"Just a note\nwith lines\n".to_vec();
    assert!(
        inspect(&note, 5).is_ok(),
        "two columns: it goes to the mapping step"
    );
    assert_eq!(inspect(&one_column, 5), Err(FileError::OneColumn));
    let format = detect(&["Just a note".to_string()]).0;
    assert_eq!(
        import(
            "n.txt",
            one_column,
            &format,
            ImportOptions::default(),
            &Choices::default()
        ),
        Outcome::Failed(ImportError::File(FileError::OneColumn))
    );
    assert!(FileError::NotText.to_string().contains("Save it as CSV"));
}

#[test]
fn a_header_without_rows_says_so() {
    let bytes = b"plan_oid,plan_name,plan_currency,plan_amount,plan_interval,plan_interval_count,customer_oid,customer_name,customer_email,subscription_oid,subscription_started_at,subscription_canceled_at,subscription_quantity\n".to_vec();
    assert_eq!(
        outcome(bytes, &Choices::default()),
        Outcome::Failed(ImportError::NoRows)
    );
    let table = b"Month,MRR,Customers\n,,\n".to_vec();
    assert_eq!(
        outcome(table, &Choices::default()),
        Outcome::Failed(ImportError::NoRows)
    );
}

#[test]
fn a_file_where_every_row_is_bad_lists_why_for_each() {
    let text = "customer,amount,interval,start,end\n\
                a,abc,month,2024-01-01,\n\
                ,10,month,2024-01-01,\n\
                c,-5,month,2024-01-01,\n\
                d,10,fortnight,2024-01-01,\n\
                e,10,month,2024-02-30,\n\
                f,10,month,2024-03-01,2024-02-01\n\
                g,10\n";
    let Outcome::Failed(ImportError::EveryRowBad { count, listed }) =
        outcome(text.as_bytes().to_vec(), &Choices::default())
    else {
        panic!("expected every row to be bad")
    };
    assert_eq!(count, 7);
    let seen: Vec<(u64, Option<&str>, String)> = listed
        .iter()
        .map(|b| (b.line, b.column.as_deref(), b.problem.to_string()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (2, Some("amount"), "“abc” is not a number".to_string()),
            (3, Some("customer"), "no customer".to_string()),
            (4, Some("amount"), "“-5” is negative".to_string()),
            (
                5,
                Some("interval"),
                "“fortnight” is not a billing interval we know (day, week, month, quarter or year)"
                    .to_string()
            ),
            (
                6,
                Some("start"),
                "“2024-02-30” is not a real calendar date".to_string()
            ),
            (
                7,
                Some("end"),
                "ends (2024-02-01) before it starts (2024-03-01)".to_string()
            ),
            (
                8,
                Some("start"),
                "the row has fewer cells than the header".to_string()
            ),
        ]
    );
}

#[test]
fn a_subscription_listed_twice_counts_once() {
    let mut text = String::from_utf8(fixture("baremetrics_small.csv")).unwrap_or_default();
    let copy = text.lines().nth(1).unwrap_or_default().to_string();
    text.push_str(&copy);
    text.push('\n');
    let imported = ready(text.into_bytes(), &Choices::default());
    assert_eq!(imported.report.duplicates, 1);
    assert_eq!(imported.report.listed[0].problem, RowProblem::Duplicate(2));
    assert_eq!(imported.report.listed[0].line, 9);
    let original = ready(fixture("baremetrics_small.csv"), &Choices::default());
    assert_eq!(imported.measurement.series, original.measurement.series);
}

#[test]
fn a_cancellation_before_the_start_skips_the_row_and_keeps_the_rest() {
    let text = "customer,amount,start,end\na,100,2024-03-10,2024-01-05\nb,100,2024-01-01,\nc,100,2024-02-01,2024-02-01\nd,100,2024-03-01,\n";
    let imported = ready(text.as_bytes().to_vec(), &Choices::default());
    assert_eq!(imported.report.bad_rows, 1);
    assert!(matches!(
        imported.report.listed[0].problem,
        RowProblem::EndsBeforeStart { .. }
    ));
    // c starts and ends on the same day: never active at a month's end.
    let m = &imported.measurement;
    assert_eq!(row(m, "2024-02").customers, 1);
    assert_eq!(imported.report.rows_used, 3);
}

#[test]
fn a_mapping_that_names_a_missing_column_is_refused_before_reading() {
    let format = Format::MonthlyTable(TableMapping {
        month: Some("Month".into()),
        mrr: Some("Revenue".into()),
        customers: Some("Customers".into()),
        ..TableMapping::default()
    });
    let result = Importer::new(
        "t.csv",
        b"Month,MRR,Customers\n2024-01,1,1\n".to_vec(),
        &format,
        ImportOptions::default(),
    );
    let Err(e) = result else {
        panic!("accepted a missing column")
    };
    assert_eq!(e.to_string(), "The file has no column called “Revenue”.");
}

// ---------------------------------------------------------------------------
// Steps, progress, cancel, the last complete month
// ---------------------------------------------------------------------------

#[test]
fn reading_in_small_steps_gives_the_same_result_and_progress_only_grows() {
    let bytes = sample_bytes();
    let format = format_of(&bytes);
    let whole = ready(bytes.clone(), &Choices::default());
    let Ok(mut importer) = Importer::new("test.csv", bytes, &format, ImportOptions::default())
    else {
        panic!("not accepted")
    };
    let mut last = 0.0;
    let mut steps = 0;
    loop {
        let p = importer.step(97);
        assert!(p.fraction() >= last && p.fraction() <= 1.0);
        last = p.fraction();
        steps += 1;
        if p.done {
            assert_eq!(p.rows_read, whole.report.rows_read);
            break;
        }
    }
    assert!(steps > 20);
    assert_eq!(last, 1.0);
    let Outcome::Ready(stepped) = importer.finish(&Choices::default()) else {
        panic!("not ready")
    };
    assert_eq!(stepped.measurement, whole.measurement);
}

#[test]
fn a_cancelled_import_stops_and_measures_nothing() {
    let bytes = sample_bytes();
    let format = format_of(&bytes);
    let Ok(mut importer) = Importer::new("sample.csv", bytes, &format, ImportOptions::default())
    else {
        panic!("not accepted")
    };
    let before = importer.step(10);
    importer.cancel();
    let after = importer.step(10);
    assert!(after.done);
    assert_eq!(after.rows_read, before.rows_read);
    assert_eq!(
        importer.finish(&Choices::default()),
        Outcome::Failed(ImportError::Cancelled)
    );
}

#[test]
fn the_last_complete_month_is_the_one_before_the_latest_date_up_to_today() {
    let mut text = String::from_utf8(fixture("baremetrics_small.csv")).unwrap_or_default();
    text.push_str("basic,Basic,usd,5000,month,1,c7,G,g@x.example,s8,2024-01-03,2030-01-01,1\n");
    let format = format_of(text.as_bytes());
    let today = Day::from_ymd(2024, 5, 3);
    let with_today = import(
        "f.csv",
        text.clone().into_bytes(),
        &format,
        ImportOptions { today },
        &Choices::default(),
    );
    let Outcome::Ready(with_today) = with_today else {
        panic!("not ready")
    };
    assert_eq!(with_today.measurement.last_month, month("2024-04"));
    // c7 is still paying in April: its end is in the future.
    assert_eq!(row(&with_today.measurement, "2024-04").customers, 5);
    let without = ready(text.into_bytes(), &Choices::default());
    assert_eq!(without.measurement.last_month, month("2029-12"));
}

#[test]
fn a_business_younger_than_a_year_has_no_nrr_and_says_why() {
    let f = ready(fixture("baremetrics_small.csv"), &Choices::default())
        .measurement
        .figures();
    let why = unavailable(&f.nrr);
    assert_eq!(
        why.to_string(),
        "No paying customers at the end of Apr 2023, twelve months earlier, to follow."
    );
}

// ---------------------------------------------------------------------------
// The sample: independent recomputation, and the generating parameters
// ---------------------------------------------------------------------------

#[test]
fn the_committed_sample_is_what_the_generator_writes() {
    let rows = measure_sample::generate(&measure_sample::SAMPLE, usize::MAX);
    let generated = measure_sample::to_csv(&rows);
    assert!(
        generated == sample_bytes(),
        "run `cargo run --example gen_measure_sample`"
    );
    // What "Try with sample data" imports.
    assert!(measure_sample::sample_csv() == generated);
    assert!(generated.len() < 1_000_000);
    assert!(rows.len() > 2_000);
}

/// A deliberately plain reading of the definitions in issue 15, written
/// from the text and not from the product code: dates compared as
/// `YYYY-MM-DD` strings, one loop per month and customer.
mod plain {
    use std::collections::BTreeMap;

    pub struct Sub {
        pub customer: String,
        pub mrr: f64,
        pub start: String,
        pub end: Option<String>,
    }

    pub fn read(bytes: &[u8]) -> Vec<Sub> {
        let mut rdr = csv::Reader::from_reader(bytes);
        rdr.records()
            .map(|r| {
                let r = r.unwrap_or_default();
                let cents: f64 = r[3].parse().unwrap_or(f64::NAN);
                let months = if &r[4] == "year" { 12.0 } else { 1.0 };
                let quantity: f64 = r[12].parse().unwrap_or(f64::NAN);
                Sub {
                    customer: r[6].to_string(),
                    mrr: cents / 100.0 * quantity / months,
                    start: r[10].to_string(),
                    end: (!r[11].is_empty()).then(|| r[11].to_string()),
                }
            })
            .collect()
    }

    fn days_in(y: i32, m: i32) -> i32 {
        match m {
            2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// A month as months since year 0 → its last day as text.
    pub fn last_day(index: i32) -> String {
        let (y, m) = (index / 12, index % 12 + 1);
        format!("{y:04}-{m:02}-{:02}", days_in(y, m))
    }

    pub fn index_of(date: &str) -> i32 {
        let y: i32 = date[0..4].parse().unwrap_or(0);
        let m: i32 = date[5..7].parse().unwrap_or(0);
        y * 12 + m - 1
    }

    /// Each customer's MRR at the end of month `index`.
    pub fn mrr_at(subs: &[Sub], index: i32) -> BTreeMap<&str, f64> {
        let day = last_day(index);
        let mut out = BTreeMap::new();
        for s in subs {
            let active = s.start <= day && s.end.as_ref().is_none_or(|e| *e > day);
            if active {
                *out.entry(s.customer.as_str()).or_insert(0.0) += s.mrr;
            }
        }
        out
    }
}

#[test]
fn the_samples_figures_match_a_plain_reading_of_the_definitions() {
    let bytes = sample_bytes();
    let subs = plain::read(&bytes);
    let latest = subs
        .iter()
        .flat_map(|s| std::iter::once(s.start.clone()).chain(s.end.clone()))
        .max()
        .unwrap_or_default();
    let last = plain::index_of(&latest) - 1;
    let first = subs
        .iter()
        .map(|s| plain::index_of(&s.start))
        .min()
        .unwrap_or(0);
    let at: Vec<_> = (first - 1..=last)
        .map(|i| plain::mrr_at(&subs, i))
        .collect();
    let get = |i: i32, c: &str| at[(i - first + 1) as usize].get(c).copied().unwrap_or(0.0);
    let customers: std::collections::BTreeSet<&str> =
        subs.iter().map(|s| s.customer.as_str()).collect();

    let (
        mut lost,
        mut exposed,
        mut churned,
        mut contraction,
        mut expansion,
        mut start_mrr,
        mut new,
    ) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    for t in last - 11..=last {
        for c in &customers {
            let (p, n) = (get(t - 1, c), get(t, c));
            let seen_before = (first - 1..t).any(|i| get(i, c) > 0.0);
            if p > 0.0 {
                exposed += 1.0;
                start_mrr += p;
                if n == 0.0 {
                    lost += 1.0;
                    churned += p;
                } else if n > p + 1e-9 {
                    expansion += n - p;
                } else if n < p - 1e-9 {
                    contraction += p - n;
                }
            } else if n > 0.0 && !seen_before {
                new += 1.0;
            }
        }
    }
    let (mut then, mut now, mut kept) = (0.0, 0.0, 0.0);
    for c in &customers {
        let (a, b) = (get(last - 12, c), get(last, c));
        if a > 0.0 {
            then += a;
            now += b;
            kept += a.min(b);
        }
    }
    let active_now: Vec<f64> = customers
        .iter()
        .map(|c| get(last, c))
        .filter(|m| *m > 0.0)
        .collect();
    let mrr_now: f64 = active_now.iter().sum();

    let m = ready(bytes, &Choices::default()).measurement;
    let f = m.figures();
    assert_eq!(f.month.index(), last);
    assert_eq!(f.customers as usize, active_now.len());
    assert!(close(f.mrr, mrr_now));
    assert!(close(value(&f.arpa), mrr_now / active_now.len() as f64));
    let churn = value(&f.logo_churn);
    assert_eq!((churn.numerator, churn.denominator), (lost, exposed));
    assert!(close(
        value(&f.revenue_churn).rate.fraction(),
        (churned + contraction) / start_mrr
    ));
    assert!(close(
        value(&f.expansion).rate.fraction(),
        expansion / start_mrr
    ));
    assert!(close(
        value(&f.contraction).rate.fraction(),
        contraction / start_mrr
    ));
    assert!(close(value(&f.nrr).value, now / then));
    assert!(close(value(&f.grr).value, kept / then));
    assert!(close(value(&f.new_customers_per_month), new / 12.0));
    // Every month of the series, not only the last.
    for (i, r) in m.series.iter().enumerate() {
        let t = first + i as i32;
        let plain_mrr: f64 = customers.iter().map(|c| get(t, c)).sum();
        let plain_count = customers.iter().filter(|c| get(t, c) > 0.0).count();
        assert!(close(r.mrr, plain_mrr), "{}", r.month);
        assert_eq!(r.customers as usize, plain_count, "{}", r.month);
    }
    // The first cohort: customers active at the end of the first month.
    let cohort: Vec<&str> = customers
        .iter()
        .copied()
        .filter(|c| get(first, c) > 0.0)
        .collect();
    let still = cohort.iter().filter(|c| get(last, c) > 0.0).count();
    let row0 = &m
        .cohorts
        .as_ref()
        .map(|c| c.rows[0].clone())
        .unwrap_or_else(|| panic!("no cohorts"));
    assert_eq!(row0.size() as usize, cohort.len());
    assert_eq!(*row0.customers.last().unwrap_or(&0) as usize, still);

    // The browser test reads the sample's figures on the page and compares
    // them with these plain values, written to a file it can read.
    let expected = serde_json::json!({
        "file": "sample-subscriptions.csv",
        "subscriptions": subs.len(),
        "last_month": plain::last_day(last)[..7],
        "customers": active_now.len(),
        "mrr": mrr_now,
        "arpa": mrr_now / active_now.len() as f64,
        "new_per_month": new / 12.0,
        "logo_churn": lost / exposed,
        "revenue_churn": (churned + contraction) / start_mrr,
        "expansion": expansion / start_mrr,
        "contraction": contraction / start_mrr,
        "nrr": now / then,
        "grr": kept / then,
    });
    check_expected_file("sample-figures.json", &expected);
}

/// Compares `expected` with the committed file of that name in
/// `tests/e2e/specs/` (numbers to 1e-9 relative), or writes it when
/// `GTM_WRITE_EXPECTED=1`.
fn check_expected_file(name: &str, expected: &serde_json::Value) {
    let path = format!("{}/tests/e2e/specs/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var("GTM_WRITE_EXPECTED").is_ok_and(|v| v == "1") {
        let text = serde_json::to_string_pretty(expected).unwrap_or_default();
        std::fs::write(&path, text + "\n").unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("{path}: {e} (write it with GTM_WRITE_EXPECTED=1 cargo test --test measure)")
    });
    let committed: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    let close_enough = |a: &serde_json::Value, b: &serde_json::Value| match (a.as_f64(), b.as_f64())
    {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        _ => a == b,
    };
    let (Some(want), Some(have)) = (expected.as_object(), committed.as_object()) else {
        panic!("{path} is not an object");
    };
    assert_eq!(want.len(), have.len(), "{path} has other keys");
    for (key, value) in want {
        let found = have.get(key).unwrap_or(&serde_json::Value::Null);
        assert!(
            close_enough(value, found),
            "{path}: {key} is {found}, the plain reading gives {value} (GTM_WRITE_EXPECTED=1 rewrites it)"
        );
    }
}

/// Expected figures of the generator's model (see
/// `examples/support/measure_sample.rs`), computed from its parameters: a
/// customer of month s on a monthly plan is still there at the start of
/// month t > s with probability (1 − m)^(t − s − 1) and leaves in t with
/// probability m times that; on an annual plan they leave only in the
/// months s + 12j, with the annual equivalent a = 1 − (1 − m_a)^12.
/// Sampling tolerance: four standard deviations of the counts involved.
#[test]
fn the_samples_figures_are_near_the_parameters_that_made_it() {
    let p = measure_sample::SAMPLE;
    let lambda = |t: u32| p.new_per_month * (1.0 + p.growth).powi(t as i32);
    let (sm, sa) = (1.0 - p.annual_share, p.annual_share);
    let m = p.monthly_churn;
    let a = 1.0 - (1.0 - p.annual_plan_monthly_churn).powi(12);
    let last = p.months - 1;

    let (mut lost, mut exposed) = (0.0, 0.0);
    for t in last - 11..=last {
        for s in 0..t {
            let k = t - s;
            let monthly = sm * (1.0 - m).powi(k as i32 - 1);
            let annual = sa * (1.0 - a).powi(((k - 1) / 12) as i32);
            exposed += lambda(s) * (monthly + annual);
            let annual_loss = if k % 12 == 0 {
                sa * (1.0 - a).powi((k / 12 - 1) as i32) * a
            } else {
                0.0
            };
            lost += lambda(s) * (monthly * m + annual_loss);
        }
    }
    let active: f64 = (0..=last)
        .map(|s| {
            let k = last - s;
            lambda(s) * (sm * (1.0 - m).powi(k as i32) + sa * (1.0 - a).powi((k / 12) as i32))
        })
        .sum();
    let new_total: f64 = (last - 11..=last).map(lambda).sum();

    // MRR of a new customer: plan × billing × starting seats.
    let (mut mean, mut square) = (0.0, 0.0);
    for plan in p.plans {
        let seats = plan.seats.0..=plan.seats.1;
        let n = f64::from(plan.seats.1 - plan.seats.0 + 1);
        for q in seats {
            for (share, price) in [
                (sm, f64::from(plan.monthly_cents)),
                (sa, f64::from(plan.annual_cents) / 12.0),
            ] {
                let x = price / 100.0 * f64::from(q);
                let w = plan.share * share / n;
                mean += w * x;
                square += w * x * x;
            }
        }
    }
    let sd = (square - mean * mean).sqrt();

    let f = ready(sample_bytes(), &Choices::default())
        .measurement
        .figures();
    let churn = value(&f.logo_churn).rate.fraction();
    let expected = lost / exposed;
    assert!(
        (churn - expected).abs() < 4.0 * lost.sqrt() / exposed,
        "churn {churn} vs {expected}"
    );
    assert!(
        (f64::from(f.customers) - active).abs() < 4.0 * active.sqrt(),
        "{} vs {active}",
        f.customers
    );
    let new_per_month = value(&f.new_customers_per_month);
    assert!((new_per_month - new_total / 12.0).abs() < 4.0 * new_total.sqrt() / 12.0);
    let m = ready(sample_bytes(), &Choices::default()).measurement;
    let window = &m.series[m.series.len() - 12..];
    let new_mrr: f64 = window.iter().filter_map(|r| r.new_mrr).sum();
    let new_count: f64 = window
        .iter()
        .filter_map(|r| r.new_customers)
        .map(f64::from)
        .sum();
    let per_new = new_mrr / new_count;
    assert!(
        (per_new - mean).abs() < 4.0 * sd / new_count.sqrt(),
        "{per_new} vs {mean}"
    );
    // Seats change on the per-seat plan, so both show.
    assert!(value(&f.expansion).numerator > 0.0);
    assert!(value(&f.contraction).numerator > 0.0);
}

#[test]
fn every_months_movements_add_up_to_its_change() {
    let m = ready(sample_bytes(), &Choices::default()).measurement;
    for r in &m.series {
        let parts = r.start_mrr.unwrap_or(f64::NAN)
            + r.new_mrr.unwrap_or(0.0)
            + r.reactivation_mrr.unwrap_or(0.0)
            + r.expansion_mrr.unwrap_or(0.0)
            - r.contraction_mrr.unwrap_or(0.0)
            - r.churned_mrr.unwrap_or(0.0);
        assert!(
            (parts - r.mrr).abs() < 1e-6,
            "{}: {parts} vs {}",
            r.month,
            r.mrr
        );
        let count = r.start_customers.unwrap_or(0)
            + r.new_customers.unwrap_or(0)
            + r.reactivated_customers.unwrap_or(0)
            - r.churned_customers.unwrap_or(0);
        assert_eq!(count, r.customers, "{}", r.month);
    }
}

/// PRODUCT.md: LTV = ARPA × gross margin ÷ (churn − expansion), the
/// formula's value whenever it is finite. Here churn is the pooled logo
/// churn and expansion the net MRR expansion (expansion − contraction).
#[test]
fn ltv_follows_the_product_formula_with_the_measured_rates() {
    let f = ready(sample_bytes(), &Choices::default())
        .measurement
        .figures();
    let gm = Share::from_percent(75.0);
    let arpa = value(&f.arpa);
    let net = value(&f.logo_churn).rate.fraction() - value(&f.expansion).rate.fraction()
        + value(&f.contraction).rate.fraction();
    // LTV over 5 years: Σ over 60 months of ARPA × GM × (1 − net churn)^k.
    let five: f64 = (0..60).map(|k| arpa * 0.75 * (1.0 - net).powi(k)).sum();
    assert!(close(value(&f.ltv_five_years(gm)), five));
    let Measured::Value(Ltv::Finite(ltv)) = f.ltv(gm) else {
        panic!("LTV not finite")
    };
    assert!(
        close(ltv, arpa * 0.75 / net),
        "{ltv} vs {}",
        arpa * 0.75 / net
    );
}

#[test]
fn the_sample_measurement_round_trips_as_stored_data() {
    let m = ready(sample_bytes(), &Choices::default()).measurement;
    assert!(m.is_finite());
    assert!(round_trips(&m));
    let text = serde_json::to_string(&m).unwrap_or_default();
    // Plain data: months as text, no raw rows.
    assert!(text.contains("\"last_month\":\"2026-10\""));
    assert!(!text.contains("billing@"));
}

// ---------------------------------------------------------------------------
// Nothing panics, whatever the bytes
// ---------------------------------------------------------------------------

/// Runs a whole import, answering any question, and checks that what comes
/// out is finite and stores.
fn survives(bytes: Vec<u8>, format: &Format) {
    let Ok(mut importer) = Importer::new("p.csv", bytes, format, ImportOptions::default()) else {
        return;
    };
    while !importer.step(7).done {}
    let mut choices = Choices::default();
    for _ in 0..3 {
        match importer.finish(&choices) {
            Outcome::Ready(imported) => {
                let m = &imported.measurement;
                assert!(m.is_finite());
                assert!(figures_finite(&m.figures()));
                assert!(m.channel_figures().iter().all(|(_, f)| figures_finite(f)));
                assert!(m.cohorts.as_ref().is_none_or(|c| c
                    .average_curve()
                    .iter()
                    .all(|p| p.logo.is_none_or(f64::is_finite)
                        && p.revenue.is_none_or(f64::is_finite))));
                assert!(round_trips(m));
                return;
            }
            Outcome::Ask(Question::DateOrder { .. }) => {
                choices.date_order = Some(DateOrder::DayFirst)
            }
            Outcome::Ask(Question::Currency { counts, .. }) => {
                choices.currency = counts
                    .first()
                    .map(|c| CurrencyChoice::Only(c.currency.clone()));
            }
            Outcome::Failed(_) => return,
        }
    }
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("2024-01-31".to_string()),
        Just("2024-02-29T23:59:59Z".to_string()),
        Just("03/04/2024".to_string()),
        Just("13/04/2024".to_string()),
        Just("04/13/24".to_string()),
        Just("1700000000".to_string()),
        Just("99999999999999".to_string()),
        Just("1.500".to_string()),
        Just("1,5".to_string()),
        Just("€1.234,50".to_string()),
        Just("$1e308".to_string()),
        Just("999999999999".to_string()),
        Just("month".to_string()),
        Just("year".to_string()),
        Just("3 days".to_string()),
        Just("usd".to_string()),
        Just("canceled".to_string()),
        Just("incomplete".to_string()),
        Just("\"a,b\"".to_string()),
        "[a-z0-9 .,/:-]{0,12}",
        any::<String>().prop_map(|s| s.replace(['\n', '\r', ','], "")),
    ]
}

fn table(header: &'static str, columns: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::collection::vec(cell(), 0..columns + 2), 0..25).prop_map(
        move |rows| {
            let mut out = String::from(header);
            for r in rows {
                out.push('\n');
                out.push_str(&r.join(","));
            }
            out.into_bytes()
        },
    )
}

const BAREMETRICS_HEADER: &str = "plan_oid,plan_name,plan_currency,plan_amount,plan_interval,plan_interval_count,customer_oid,customer_name,customer_email,subscription_oid,subscription_started_at,subscription_canceled_at,subscription_quantity";
const STRIPE_HEADER: &str = "id,Customer ID,Quantity,Currency,Interval,Amount,Status,Start Date (UTC),Trial End (UTC),Canceled At (UTC),Ended At (UTC)";
const TABLE_HEADER: &str =
    "Month,Channel,MRR,Customers,New customers,Churned customers,Expansion MRR,Churned MRR,Spend";

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_byte_string_makes_the_importer_panic(bytes in prop::collection::vec(any::<u8>(), 0..800)) {
        if let Ok(i) = inspect(&bytes, 3) {
            survives(bytes.clone(), &i.format);
        }
        for header in [BAREMETRICS_HEADER, STRIPE_HEADER, TABLE_HEADER] {
            let mut file = header.as_bytes().to_vec();
            file.push(b'\n');
            file.extend_from_slice(&bytes);
            // Bytes that are not text are refused by both roads.
            let headers: Vec<String> = header.split(',').map(str::to_string).collect();
            let format = detect(&headers).0;
            prop_assert_eq!(inspect(&file, 3).is_ok(), Importer::new("p.csv", file.clone(), &format, ImportOptions::default()).is_ok());
            survives(file, &format);
        }
    }

    #[test]
    fn rows_of_odd_cells_never_make_the_importer_panic(
        list in table(BAREMETRICS_HEADER, 13),
        stripe in table(STRIPE_HEADER, 11),
        monthly in table(TABLE_HEADER, 9),
    ) {
        for file in [list, stripe, monthly] {
            let format = format_of(&file);
            survives(file, &format);
        }
    }
}
