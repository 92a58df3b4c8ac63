//! Unit economics against worked examples published by others, and the
//! conventions of PRODUCT.md §3.
//!
//! Each worked example names its source (author or site, title) and the
//! figure it publishes; the test recomputes that figure from the example's
//! inputs with our formulas.
#![cfg(not(target_arch = "wasm32"))]

use gtm_workbench::domain::economics::{
    blended_cac, cac_payback, channel_totals, default_channel_rows, discounted_ltv, lifetime, ltv,
    ltv_cac, ltv_five_years, revenue_payback, verdict_ltv_cac, verdict_monthly_churn,
    verdict_payback, AnnualRate, ChannelRow, ChurnBasis, Level, Lifetime, Ltv, LtvCac, MonthlyRate,
    Payback, Share, UnitField, UnitInputs, LTV_CAP_MONTHS, ORGANIC_ROW_NAME,
};
use gtm_workbench::domain::input::{InputError, Unit};
use proptest::prelude::*;

fn close(actual: f64, expected: f64, tolerance: f64) -> bool {
    (actual - expected).abs() <= tolerance
}

fn row(id: u32, name: &str, spend: f64, customers: f64) -> ChannelRow {
    ChannelRow {
        id,
        name: name.to_string(),
        spend,
        customers,
    }
}

/// No churn or no expansion.
const ZERO: MonthlyRate = MonthlyRate::ZERO;

// ---------------------------------------------------------------------------
// Worked examples from public sources
// ---------------------------------------------------------------------------

#[test]
fn chartmogul_ltv_example_gives_2000_dollars() {
    // ChartMogul Help Center, "Metric: Customer Lifetime Value (LTV)":
    // ARPA $100 and 5 % monthly customer churn give an LTV of $2,000.
    // ChartMogul's LTV is revenue-based, i.e. a gross margin of 100 %.
    let value = ltv(
        100.0,
        Share::from_percent(100.0),
        MonthlyRate::from_percent(5.0),
        ZERO,
    );
    assert!(matches!(value, Ltv::Finite(_)));
    assert!(close(value.dollars(), 2_000.0, 1e-9), "{value:?}");
}

#[test]
fn profitwell_ltv_example_gives_250_dollars() {
    // ProfitWell (Paddle) help centre, "Lifetime Value": ARPU $10 with churn
    // stable at 4 % a month "makes your LTV $250" (revenue-based).
    let value = ltv(
        10.0,
        Share::from_percent(100.0),
        MonthlyRate::from_percent(4.0),
        ZERO,
    );
    assert!(close(value.dollars(), 250.0, 1e-9), "{value:?}");
}

#[test]
fn margin_based_ltv_example_gives_1600_dollars() {
    // mycalculator.app, "SaaS Growth Engine — Unit Economics Visualization":
    // ARPU $100, margin 80 %, churn 5 % → LTV = ($100 × 0.80) ÷ 0.05 = $1,600.
    let value = ltv(
        100.0,
        Share::from_percent(80.0),
        MonthlyRate::from_percent(5.0),
        ZERO,
    );
    assert!(close(value.dollars(), 1_600.0, 1e-9), "{value:?}");
}

#[test]
fn lean_analytics_lifetime_example_gives_40_months() {
    // Alistair Croll & Benjamin Yoskovitz, "Lean Analytics" (O'Reilly, 2013),
    // churn case: if 2.5 % of customers churn every month, the average
    // customer stays around 40 months (100 ÷ 2.5).
    match lifetime(MonthlyRate::from_percent(2.5)) {
        Lifetime::Months(m) => assert!(close(m, 40.0, 1e-9), "{m}"),
        Lifetime::Unbounded => panic!("2.5 % churn has a finite lifetime"),
    }
}

#[test]
fn growth_navigate_lifetime_times_margin_example_gives_800_dollars() {
    // Growth Navigate, "CAC vs LTV: startup growth metrics explained": a
    // customer paying $50 a month at 80 % margin who stays 20 months is worth
    // about $800. A 20-month lifetime is 5 % monthly churn.
    match lifetime(MonthlyRate::from_percent(5.0)) {
        Lifetime::Months(m) => assert!(close(m, 20.0, 1e-9)),
        Lifetime::Unbounded => panic!("finite"),
    }
    let value = ltv(
        50.0,
        Share::from_percent(80.0),
        MonthlyRate::from_percent(5.0),
        ZERO,
    );
    assert!(close(value.dollars(), 800.0, 1e-9), "{value:?}");
}

#[test]
fn lever_partners_payback_example_gives_13_months_not_10() {
    // Lever Partners, "SaaS Sales Efficiency and Its Impact on Valuation":
    // "$1,000 CAC and $100 monthly revenue at 75% margin has a payback of
    // approximately 13 months, not 10" — 10 being the revenue-based figure.
    let margin = cac_payback(1_000.0, 100.0, Share::from_percent(75.0));
    let revenue = revenue_payback(1_000.0, 100.0);
    assert!(
        close(margin.months().unwrap_or(f64::NAN), 13.333_333, 1e-3),
        "{margin:?}"
    );
    assert!(
        close(revenue.months().unwrap_or(f64::NAN), 10.0, 1e-9),
        "{revenue:?}"
    );
}

#[test]
fn optifai_payback_example_gives_15_months() {
    // Optifai, "What is a Good CAC Payback Period Benchmark?": CAC $12,000,
    // monthly ARPU $1,000, gross margin 80 % → $12,000 ÷ $800 = 15 months.
    let p = cac_payback(12_000.0, 1_000.0, Share::from_percent(80.0));
    assert_eq!(p, Payback::Months(15.0));
}

#[test]
fn paypro_revenue_payback_example_gives_2_months() {
    // PayPro Global glossary, "What is CAC Payback Period?": "CAC payback is
    // two months if CAC is $100 and ARPA is $50" (revenue-based).
    assert_eq!(revenue_payback(100.0, 50.0), Payback::Months(2.0));
}

#[test]
fn skok_twelve_times_monthly_price_is_a_twelve_month_revenue_payback() {
    // David Skok, For Entrepreneurs, "SaaS Metrics": "If you are charging
    // $500 per month, you can afford to spend up to 12x that amount (i.e.
    // $6,000) on acquiring a new customer" — a 12-month revenue payback.
    assert_eq!(revenue_payback(6_000.0, 500.0), Payback::Months(12.0));
}

#[test]
fn geniegoals_ltv_cac_example_gives_6() {
    // GenieGoals glossary, "LTV:CAC ratio": CAC $50 and LTV $300 give a
    // ratio of 6.
    assert_eq!(ltv_cac(Ltv::Finite(300.0), 50.0), LtvCac::Ratio(6.0));
}

#[test]
fn optifai_blended_cac_example_lifts_ltv_cac_from_3_2_to_5_9() {
    // Optifai glossary, "Blended CAC": an HR-tech startup reported paid CAC
    // $340 at LTV:CAC 3.2x; with organic sign-ups and referrals counted,
    // blended CAC was $185 and the ratio 5.9x. Same LTV: 3.2 × $340.
    let customer_value = Ltv::Finite(3.2 * 340.0);
    let paid = ltv_cac(customer_value, 340.0).ratio().unwrap_or(f64::NAN);
    let blended = ltv_cac(customer_value, 185.0).ratio().unwrap_or(f64::NAN);
    assert!(close(paid, 3.2, 1e-9));
    assert!(close(blended, 5.9, 0.05), "{blended}");
}

#[test]
fn elir_channel_table_gives_published_channel_and_blended_cac() {
    // Elir, "CAC by channel: the RevOps metric that actually drives budget
    // decisions": organic search 40 customers for $80,000 (CAC $2,000), paid
    // search 20 for $90,000 ($4,500), outbound 15 for $112,500 ($7,500),
    // paid social 5 for $50,000 ($10,000); blended $332,500 ÷ 80 = $4,156.
    let rows = vec![
        row(1, "Organic search", 80_000.0, 40.0),
        row(2, "Paid search", 90_000.0, 20.0),
        row(3, "Outbound/SDR", 112_500.0, 15.0),
        row(4, "Paid social", 50_000.0, 5.0),
    ];
    let cacs: Vec<f64> = rows.iter().filter_map(ChannelRow::cac).collect();
    assert_eq!(cacs, vec![2_000.0, 4_500.0, 7_500.0, 10_000.0]);
    assert_eq!(channel_totals(&rows), (332_500.0, 80.0));
    let blended = blended_cac(&rows).unwrap_or(f64::NAN);
    assert!(close(blended, 4_156.0, 0.5), "{blended}");
}

#[test]
fn insightful_data_lab_channel_example_gives_150_80_and_20_dollars() {
    // Insightful Data Lab, "Channel-Specific CAC (Customer Acquisition
    // Cost)": Google Ads $30,000 for 200 customers → $150; Facebook Ads
    // $20,000 for 250 → $80; SEO $10,000 for 500 → $20.
    assert_eq!(row(1, "Google Ads", 30_000.0, 200.0).cac(), Some(150.0));
    assert_eq!(row(2, "Facebook Ads", 20_000.0, 250.0).cac(), Some(80.0));
    assert_eq!(row(3, "SEO", 10_000.0, 500.0).cac(), Some(20.0));
}

#[test]
fn ben_schmidt_blended_cac_counts_the_free_half_of_customers() {
    // Ben Schmidt, "What is Blended CAC?": spend $10,000, gain 100
    // customers, blended CAC $100 — "it does not matter if half of those
    // people came from a viral post that cost you nothing".
    let rows = vec![
        row(1, "Paid", 10_000.0, 50.0),
        row(2, ORGANIC_ROW_NAME, 0.0, 50.0),
    ];
    assert_eq!(blended_cac(&rows), Some(100.0));
    // Without the organic row the figure doubles: organic must be counted.
    assert_eq!(blended_cac(&rows[..1]), Some(200.0));
}

#[test]
fn mv3_blended_cac_example_gives_5000_dollars() {
    // MV3 Marketing glossary, "Blended CAC": $200,000 of combined sales and
    // marketing spend producing 40 new customers = $5,000 blended CAC.
    assert_eq!(
        blended_cac(&[row(1, "All S&M", 200_000.0, 40.0)]),
        Some(5_000.0)
    );
}

#[test]
fn churnkey_table_converts_monthly_to_annual_churn() {
    // Churnkey, "Convert Annual To Monthly Churn: Calculator, Formula,
    // Benchmarks": 1 % monthly = 11.36 % annual, 5 % = 45.96 %,
    // 10 % = 71.76 %, using Annual = 1 − (1 − Monthly)^12.
    for (monthly, annual) in [(1.0, 11.36), (5.0, 45.96), (10.0, 71.76)] {
        let got = MonthlyRate::from_percent(monthly).to_annual().percent();
        assert!(close(got, annual, 0.005), "{monthly} % → {got}");
        let back = AnnualRate::from_percent(annual).to_monthly().percent();
        assert!(close(back, monthly, 0.001), "{annual} % → {back}");
    }
}

/// AbraCalc, "Customer LTV: $1,000 ARPA, 75% Margin, 1% Churn"
/// (abracalc.com/calculator/customer-lifetime-value-calculator/1000-arpa-75-margin-1-churn):
/// an enterprise product with 1 % monthly churn has an LTV of $75,000 — a
/// hundred months of gross profit, which the old 60-month cap cut to
/// $45,000.
#[test]
fn abracalc_enterprise_ltv_at_one_percent_churn_gives_75000_dollars() {
    let value = ltv(
        1_000.0,
        Share::from_percent(75.0),
        MonthlyRate::from_percent(1.0),
        ZERO,
    );
    assert!(
        matches!(value, Ltv::Finite(d) if close(d, 75_000.0, 1e-6)),
        "{value:?}"
    );
}

/// AbraCalc, "Customer LTV: $2,000 ARPA, 60% Margin, 0.5% Churn"
/// (abracalc.com/calculator/customer-lifetime-value-calculator/2000-arpa-60-margin-05-churn):
/// $2,000 × 60 % ÷ 0.5 % = $240,000, two hundred months of gross profit.
#[test]
fn abracalc_enterprise_ltv_at_half_a_percent_churn_gives_240000_dollars() {
    let value = ltv(
        2_000.0,
        Share::from_percent(60.0),
        MonthlyRate::from_percent(0.5),
        ZERO,
    );
    assert!(
        matches!(value, Ltv::Finite(d) if close(d, 240_000.0, 1e-6)),
        "{value:?}"
    );
}

/// Pulse RevOps, "How do I calculate LTV when expansion is meaningful?":
/// $1,226 ARPA at 78 % margin with 1.4 % monthly churn net of expansion
/// gives $1,226 × 0.78 ÷ 0.014 ≈ $68,306. Here: 2.0 % churn − 0.6 %
/// expansion.
#[test]
fn pulse_revops_ltv_with_expansion_divides_by_net_churn() {
    let value = ltv(
        1_226.0,
        Share::from_percent(78.0),
        MonthlyRate::from_percent(2.0),
        MonthlyRate::from_percent(0.6),
    );
    assert!(
        matches!(value, Ltv::Finite(d) if (d - 68_306.0).abs() < 1.0),
        "{value:?}"
    );
}

// ---------------------------------------------------------------------------
// Conventions
// ---------------------------------------------------------------------------

#[test]
fn ltv_is_capped_at_sixty_months_when_churn_is_zero() {
    let value = ltv(100.0, Share::from_percent(80.0), ZERO, ZERO);
    assert_eq!(value, Ltv::Capped(100.0 * 0.8 * LTV_CAP_MONTHS));
    assert_eq!(lifetime(ZERO), Lifetime::Unbounded);
}

#[test]
fn ltv_is_capped_when_expansion_exceeds_churn() {
    let value = ltv(
        100.0,
        Share::from_percent(80.0),
        MonthlyRate::from_percent(2.0),
        MonthlyRate::from_percent(3.0),
    );
    assert_eq!(value, Ltv::Capped(4_800.0));
    let equal = ltv(
        100.0,
        Share::from_percent(80.0),
        MonthlyRate::from_percent(2.0),
        MonthlyRate::from_percent(2.0),
    );
    assert_eq!(equal, Ltv::Capped(4_800.0));
}

#[test]
fn ltv_uses_churn_minus_expansion() {
    // $100 × 80 % ÷ (5 % − 1 %) = $2,000.
    let value = ltv(
        100.0,
        Share::from_percent(80.0),
        MonthlyRate::from_percent(5.0),
        MonthlyRate::from_percent(1.0),
    );
    assert!(
        matches!(value, Ltv::Finite(d) if close(d, 2_000.0, 1e-9)),
        "{value:?}"
    );
}

/// The convention caps LTV only when the formula has no finite value
/// (issue 11, item 1): 1 % net churn means 100 months of gross profit, and
/// that is the figure shown.
#[test]
fn ltv_past_sixty_months_of_gross_profit_is_the_formula_value_not_capped() {
    let value = ltv(
        100.0,
        Share::from_percent(80.0),
        MonthlyRate::from_percent(1.0),
        ZERO,
    );
    assert!(
        matches!(value, Ltv::Finite(d) if close(d, 8_000.0, 1e-9)),
        "{value:?}"
    );
}

/// Issue 11's own example, reproduced by hand: ARPA $2,000, gross margin
/// 75 %, churn 0.8 %, no expansion → $2,000 × 0.75 ÷ 0.008 = $187,500 (the
/// app used to show $90,000, the 60-month cap).
#[test]
fn enterprise_ltv_at_point_eight_percent_churn_is_187500_dollars() {
    let value = ltv(
        2_000.0,
        Share::from_percent(75.0),
        MonthlyRate::from_percent(0.8),
        ZERO,
    );
    assert!(
        matches!(value, Ltv::Finite(d) if close(d, 187_500.0, 1e-9)),
        "{value:?}"
    );
}

/// LTV over 5 years sums 60 months of one customer's gross profit, month by
/// month: $1,500 × Σ 0.992^k for k = 0…59 = $1,500 × (1 − 0.992^60) ÷ 0.008.
#[test]
fn ltv_over_five_years_sums_sixty_months_with_churn_applied_each_month() {
    let got = ltv_five_years(
        2_000.0,
        Share::from_percent(75.0),
        MonthlyRate::from_percent(0.8),
        ZERO,
    );
    let expected = 1_500.0 * (1.0 - 0.992f64.powi(60)) / 0.008;
    assert!(close(got, expected, 1e-6), "{got} vs {expected}");
    // It is the conservative figure: below the formula's $187,500.
    assert!(got < 187_500.0);
}

/// Discounted LTV (David Skok, "What's your TRUE customer lifetime value
/// (LTV)? – DCF provides the answer", forentrepreneurs.com): discounting each
/// month's gross profit lowers LTV. At 10 % a year, d = 1.1^(1/12) − 1 and
/// LTV = GP ÷ (d + churn − expansion).
#[test]
fn discounted_ltv_divides_by_churn_plus_the_monthly_discount_rate() {
    let d = 1.1f64.powf(1.0 / 12.0) - 1.0;
    let got = discounted_ltv(
        2_000.0,
        Share::from_percent(75.0),
        MonthlyRate::from_percent(0.8),
        ZERO,
        10.0,
    );
    assert!(
        matches!(got, Ltv::Finite(v) if close(v, 1_500.0 / (0.008 + d), 1e-6)),
        "{got:?}"
    );
    // With expansion above churn the discount still gives a finite value
    // while d + churn − expansion > 0…
    let finite = discounted_ltv(
        100.0,
        Share::from_percent(80.0),
        MonthlyRate::from_percent(1.0),
        MonthlyRate::from_percent(1.5),
        12.0,
    );
    assert!(!finite.is_capped(), "{finite:?}");
    // …and is capped at 60 discounted months when it is not.
    let capped = discounted_ltv(
        100.0,
        Share::from_percent(80.0),
        MonthlyRate::from_percent(1.0),
        MonthlyRate::from_percent(3.0),
        0.0,
    );
    assert!(capped.is_capped(), "{capped:?}");
}

#[test]
fn zero_cac_is_free_acquisition_not_infinity() {
    assert_eq!(ltv_cac(Ltv::Finite(1_000.0), 0.0), LtvCac::FreeAcquisition);
}

#[test]
fn zero_gross_profit_means_payback_never() {
    assert_eq!(
        cac_payback(1_000.0, 0.0, Share::from_percent(80.0)),
        Payback::Never
    );
    assert_eq!(
        cac_payback(1_000.0, 100.0, Share::from_percent(0.0)),
        Payback::Never
    );
    assert_eq!(revenue_payback(1_000.0, 0.0), Payback::Never);
}

#[test]
fn channel_without_customers_has_no_cac_and_organic_row_costs_nothing() {
    assert_eq!(row(1, "Trade show", 5_000.0, 0.0).cac(), None);
    assert_eq!(row(2, ORGANIC_ROW_NAME, 0.0, 12.0).cac(), Some(0.0));
    assert_eq!(blended_cac(&[]), None);
}

#[test]
fn default_channel_table_has_an_organic_row_with_customers_and_no_spend() {
    let rows = default_channel_rows();
    let organic = rows.iter().find(|r| r.name == ORGANIC_ROW_NAME);
    assert!(matches!(organic, Some(r) if r.spend == 0.0 && r.customers > 0.0));
    let paid_only: Vec<ChannelRow> = rows.iter().filter(|r| r.spend > 0.0).cloned().collect();
    let with = blended_cac(&rows).unwrap_or(f64::NAN);
    let without = blended_cac(&paid_only).unwrap_or(f64::NAN);
    assert!(with < without, "organic customers must lower blended CAC");
    for (i, r) in rows.iter().enumerate() {
        assert!(r.validate(&format!("channels[{i}]")).is_ok());
    }
}

#[test]
fn verdicts_follow_the_published_bands_and_name_a_source() {
    let ratio = |r| verdict_ltv_cac(LtvCac::Ratio(r)).level;
    assert_eq!(ratio(0.8), Level::Bad);
    assert_eq!(ratio(2.0), Level::Warn);
    assert_eq!(ratio(3.0), Level::Good);
    assert_eq!(ratio(6.0), Level::Ok);
    let payback = |m| verdict_payback(Payback::Months(m)).level;
    assert_eq!(payback(8.0), Level::Good);
    assert_eq!(payback(15.0), Level::Ok);
    assert_eq!(payback(20.0), Level::Warn);
    assert_eq!(payback(30.0), Level::Bad);
    assert_eq!(verdict_payback(Payback::Never).level, Level::Bad);
    assert_eq!(
        verdict_monthly_churn(MonthlyRate::from_percent(0.8)).level,
        Level::Good
    );
    assert_eq!(
        verdict_monthly_churn(MonthlyRate::from_percent(5.0)).level,
        Level::Warn
    );
    assert_eq!(
        verdict_monthly_churn(MonthlyRate::from_percent(9.0)).level,
        Level::Bad
    );
    for b in gtm_workbench::domain::benchmarks::table() {
        assert!(!b.source.is_empty() && !b.band.is_empty(), "{}", b.metric);
    }
    assert!(verdict_ltv_cac(LtvCac::Ratio(3.5)).source.contains("Skok"));
}

#[test]
fn calculator_uses_exactly_the_issue_labels() {
    let labels: Vec<&str> = UnitField::ALL
        .iter()
        .map(|f| f.label(ChurnBasis::Monthly))
        .collect();
    assert_eq!(
        labels,
        vec![
            "ARPA ($/month)",
            "Gross margin (%)",
            "Monthly churn (%)",
            "Monthly expansion (%)",
            "CAC ($)"
        ]
    );
}

#[test]
fn calculator_defaults_validate_and_give_healthy_figures() {
    let inputs = UnitInputs::default();
    assert!(inputs.validate().is_ok());
    let out = inputs.evaluate();
    // $100 × 80 % ÷ (3 % − 0.5 %) = $3,200; $900 ÷ $80 = 11.25 months.
    assert!(close(out.ltv.dollars(), 3_200.0, 1e-9));
    assert_eq!(out.payback, Payback::Months(11.25));
    assert_eq!(out.ltv_cac_verdict().level, Level::Good);
}

#[test]
fn annual_churn_entry_is_converted_before_use() {
    let mut inputs = UnitInputs {
        churn_pct: 45.96,
        churn_basis: ChurnBasis::Annual,
        expansion_pct: 0.0,
        ..UnitInputs::default()
    };
    let out = inputs.evaluate();
    assert!(close(out.monthly_churn.percent(), 5.0, 0.001));
    assert!(close(out.ltv.dollars(), 1_600.0, 1.0));
    // Switching the basis converts the typed figure, keeping the economics.
    inputs.set_churn_basis(ChurnBasis::Monthly);
    assert!(close(inputs.churn_pct, 5.0, 0.001));
    assert_eq!(inputs.churn_basis, ChurnBasis::Monthly);
}

#[test]
fn calculator_refuses_invalid_values_and_keeps_the_old_one() {
    let mut inputs = UnitInputs::default();
    assert_eq!(
        inputs.set(UnitField::GrossMargin, 120.0),
        Err(InputError::AboveMax {
            max: 100.0,
            unit: Unit::Percent
        })
    );
    assert_eq!(
        inputs.set(UnitField::Cac, -1.0),
        Err(InputError::BelowMin {
            min: 0.0,
            unit: Unit::Dollars
        })
    );
    assert!(inputs.set(UnitField::Arpa, f64::NAN).is_err());
    assert_eq!(inputs, UnitInputs::default());
    let broken = UnitInputs {
        churn_pct: f64::INFINITY,
        ..UnitInputs::default()
    };
    assert!(broken.validate().is_err_and(|e| e.field == "churn_pct"));
}

#[test]
fn saved_calculator_state_round_trips_and_rejects_unknown_fields() {
    let inputs = UnitInputs::default();
    let json = serde_json::to_string(&inputs).unwrap_or_default();
    let back: Result<UnitInputs, _> = serde_json::from_str(&json);
    assert_eq!(back.ok(), Some(inputs));
    let extra = json.replacen('{', "{\"surprise\":1,", 1);
    assert!(serde_json::from_str::<UnitInputs>(&extra).is_err());
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-1.0),
        Just(1e300),
        Just(5e-324),
        0.0..1e7f64,
    ]
}

proptest! {
    // Failures print their minimal input; no regression files are written
    // next to the tests.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn ltv_is_never_nan_infinite_or_negative(
        arpa in any_number(), gm in any_number(), churn in any_number(), exp in any_number(), cac in any_number()
    ) {
        let value = ltv(arpa, Share::from_percent(gm), MonthlyRate::from_percent(churn), MonthlyRate::from_percent(exp));
        prop_assert!(value.dollars().is_finite() && value.dollars() >= 0.0, "{value:?}");
        match ltv_cac(value, cac) {
            LtvCac::Ratio(r) => prop_assert!(r.is_finite() && r >= 0.0),
            LtvCac::FreeAcquisition => {}
        }
        for p in [cac_payback(cac, arpa, Share::from_percent(gm)), revenue_payback(cac, arpa)] {
            if let Payback::Months(m) = p { prop_assert!(m.is_finite() && m >= 0.0) }
        }
        if let Lifetime::Months(m) = lifetime(MonthlyRate::from_percent(churn)) {
            prop_assert!(m.is_finite() && m > 0.0);
        }
    }

    #[test]
    fn ltv_never_rises_as_churn_rises_while_the_formula_is_finite(
        arpa in 0.0..1e6f64, gm in 0.0..=100.0f64, exp in 0.0..=100.0f64,
        c1 in 0.0..=100.0f64, c2 in 0.0..=100.0f64
    ) {
        let (low, high) = if c1 <= c2 { (c1, c2) } else { (c2, c1) };
        let at = |c: f64| ltv(arpa, Share::from_percent(gm), MonthlyRate::from_percent(c), MonthlyRate::from_percent(exp));
        if let (Ltv::Finite(l), Ltv::Finite(h)) = (at(low), at(high)) {
            prop_assert!(h <= l * (1.0 + 1e-12), "{} > {}", h, l);
        }
        let five = |c: f64| ltv_five_years(arpa, Share::from_percent(gm), MonthlyRate::from_percent(c), MonthlyRate::from_percent(exp));
        prop_assert!(five(high) <= five(low) * (1.0 + 1e-12) + 1e-9);
    }

    #[test]
    fn ltv_is_capped_exactly_when_churn_is_not_above_expansion(
        arpa in 1.0..1e6f64, gm in 1.0..=100.0f64, c in 0.0..=100.0f64, e in 0.0..=20.0f64
    ) {
        let v = ltv(arpa, Share::from_percent(gm), MonthlyRate::from_percent(c), MonthlyRate::from_percent(e));
        prop_assert_eq!(v.is_capped(), c <= e, "{:?}", v);
    }

    #[test]
    fn payback_never_falls_as_cac_rises(
        arpa in 0.0..1e6f64, gm in 0.0..=100.0f64, a in 0.0..1e8f64, b in 0.0..1e8f64
    ) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let months = |cac| cac_payback(cac, arpa, Share::from_percent(gm)).months();
        match (months(low), months(high)) {
            (Some(l), Some(h)) => prop_assert!(h >= l),
            (None, None) => {}
            other => prop_assert!(false, "inconsistent {other:?}"),
        }
    }

    #[test]
    fn churn_conversion_round_trips(m in 0.0..=80.0f64) {
        // Above ~80 % a month the annual figure is 1 − 1e-8 or closer to
        // 100 %, where f64 cannot carry the monthly rate back exactly.
        let back = MonthlyRate::from_percent(m).to_annual().to_monthly().percent();
        prop_assert!((back - m).abs() < 1e-6, "{m} → {back}");
    }

    #[test]
    fn blended_cac_lies_between_the_cheapest_and_dearest_paid_channel_or_below(
        spends in proptest::collection::vec(0.0..1e6f64, 1..6),
        customers in proptest::collection::vec(1.0..1e4f64, 1..6),
        organic in 0.0..1e4f64
    ) {
        let mut rows: Vec<ChannelRow> = spends.iter().zip(&customers).enumerate()
            .map(|(i, (s, c))| row(i as u32, "paid", *s, c.round())).collect();
        let paid_max = rows.iter().filter_map(ChannelRow::cac).fold(0.0, f64::max);
        rows.push(row(99, ORGANIC_ROW_NAME, 0.0, organic.round()));
        let blended = blended_cac(&rows).unwrap_or(f64::NAN);
        prop_assert!(blended.is_finite() && blended <= paid_max * (1.0 + 1e-12));
    }
}

/// The reading beside a figure and its level come from the same numbers
/// (issue 11, "one source of truth per convention"): each boundary of the
/// churn and payback readings is a band end of `domain::benchmarks`, and
/// the sentence quotes that band.
#[test]
fn readings_change_level_at_the_band_ends_they_quote() {
    use gtm_workbench::domain::benchmarks::{
        CHURN_MID_MARKET_PCT, CHURN_SMB_PCT, PAYBACK_BAR_MONTHS, PAYBACK_MID_MARKET_MONTHS,
    };
    let churn = |p: f64| verdict_monthly_churn(MonthlyRate::from_percent(p));
    let mid = churn(CHURN_MID_MARKET_PCT.hi - 0.01);
    assert!(
        mid.text.contains(&CHURN_MID_MARKET_PCT.percent()),
        "{}",
        mid.text
    );
    assert_ne!(mid.level, churn(CHURN_MID_MARKET_PCT.hi + 0.01).level);
    let smb = churn(CHURN_SMB_PCT.hi - 0.01);
    assert!(smb.text.contains(&CHURN_SMB_PCT.percent()), "{}", smb.text);
    assert_ne!(smb.level, churn(CHURN_SMB_PCT.hi + 0.01).level);

    let payback = |m: f64| verdict_payback(Payback::Months(m));
    assert_eq!(payback(PAYBACK_BAR_MONTHS).level, Level::Good);
    assert_ne!(payback(PAYBACK_BAR_MONTHS + 0.01).level, Level::Good);
    let mm = payback(PAYBACK_MID_MARKET_MONTHS.hi);
    assert!(
        mm.text.contains(&PAYBACK_MID_MARKET_MONTHS.span()),
        "{}",
        mm.text
    );
    // The reference table states the same bands.
    let table = gtm_workbench::domain::benchmarks::table();
    assert!(table
        .iter()
        .any(|b| b.band.contains(&CHURN_SMB_PCT.percent())));
}

/// A payback longer than the customer lifetime is never a good reading
/// (PRODUCT.md §3), even where the segment band would call it healthy.
#[test]
fn a_payback_longer_than_the_customer_lifetime_is_poor_whatever_the_band() {
    use gtm_workbench::domain::economics::verdict_payback_within;
    // 11.2 months of payback, customers stay 10 months (10 % churn).
    let v = verdict_payback_within(
        Payback::Months(11.2),
        lifetime(MonthlyRate::from_percent(10.0)),
    );
    assert_eq!(v.level, Level::Bad);
    assert!(v.text.contains("10.0 months"), "{}", v.text);
    // Within the lifetime the band decides.
    let ok = verdict_payback_within(
        Payback::Months(11.2),
        lifetime(MonthlyRate::from_percent(2.0)),
    );
    assert_eq!(ok.level, Level::Good);
}
