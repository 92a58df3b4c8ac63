//! The scenario simulator: PRODUCT.md §3 conventions, properties over the
//! whole valid input domain, presets, validation, CSV and saved scenarios.
#![cfg(not(target_arch = "wasm32"))]

use gtm_workbench::domain::economics::{self, Ltv, LtvCac, MonthlyRate, Payback, Share};
use gtm_workbench::domain::input::{InputError, Unit};
use gtm_workbench::domain::motion::Motion;
use gtm_workbench::domain::sim::{
    csv_field, fields, monthly_csv, monthly_csv_named, preset, simulate, simulate_into, Billing,
    CashPayback, Channel, FieldId, MagicNumber, Metric, MetricValue, Projection, ScenarioInputs,
    SimState, StateError, Warning, MAX_COMPARE, MAX_SCENARIOS,
};
use proptest::prelude::*;

fn close(actual: f64, expected: f64, relative: f64) -> bool {
    (actual - expected).abs() <= relative * expected.abs().max(1e-9)
}

/// All channels off, monthly billing, 100 % margin, 24 months.
fn blank() -> ScenarioInputs {
    let mut i = preset(Motion::HybridFreemiumEnterprise);
    i.horizon_months = 24;
    i.gross_margin_pct = 100.0;
    i.billing = Billing::Monthly;
    for ch in Channel::ALL {
        i.set_enabled(ch, false);
    }
    i
}

/// Self-serve only: `per_month` new customers every month from month 1
/// (organic sign-ups, everyone activates, no lag, no virality, no spend).
fn steady_self_serve(
    per_month: f64,
    arpa: f64,
    churn_pct: f64,
    expansion_pct: f64,
) -> ScenarioInputs {
    let mut i = blank();
    let ss = &mut i.self_serve;
    ss.enabled = true;
    ss.acquisition_spend_per_month = 0.0;
    ss.organic_signups_per_month = per_month * 10.0;
    ss.viral_coefficient = 0.0;
    ss.activation_pct = 100.0;
    ss.free_to_paid_pct = 10.0;
    ss.conversion_lag_months = 0;
    ss.arpa_per_month = arpa;
    ss.churn_pct = churn_pct;
    ss.expansion_pct = expansion_pct;
    i
}

/// Sales-led only: `deals` would close each month after the cycle, ARPA
/// $1,000 (ACV $12,000), no churn.
fn steady_sales_led(deals: f64, aes: u32, capacity: f64, ramp: u32, cycle: u32) -> ScenarioInputs {
    let mut i = blank();
    let sl = &mut i.sales_led;
    sl.enabled = true;
    sl.pipeline_spend_per_month = deals * 1_000.0;
    sl.cost_per_opportunity = 1_000.0;
    sl.win_pct = 100.0;
    sl.sales_cycle_months = cycle;
    sl.acv_per_year = 12_000.0;
    sl.account_executives = aes;
    sl.ae_loaded_cost_per_year = 120_000.0;
    sl.ae_capacity_deals_per_month = capacity;
    sl.ae_ramp_months = ramp;
    sl.churn_pct = 0.0;
    sl.expansion_pct = 0.0;
    i
}

// ---------------------------------------------------------------------------
// Conventions
// ---------------------------------------------------------------------------

#[test]
fn new_customers_do_not_churn_in_their_first_month() {
    // 50 % churn a month would halve month 1's customers if they churned.
    let p = simulate(&steady_self_serve(100.0, 50.0, 50.0, 0.0));
    let m1 = p.rows[0];
    assert!(close(m1.new_customers.self_serve, 100.0, 1e-12));
    assert!(close(m1.active_customers.self_serve, 100.0, 1e-12));
    assert!(close(m1.mrr.self_serve, 100.0 * 50.0, 1e-12));
}

#[test]
fn churn_applies_to_the_customers_at_the_start_of_the_month() {
    let p = simulate(&steady_self_serve(100.0, 50.0, 10.0, 0.0));
    // Month 2: 100 from month 1 lose 10 %, plus 100 new who do not churn.
    assert!(close(p.rows[1].active_customers.self_serve, 190.0, 1e-12));
    // Month 3: 190 × 0.9 + 100.
    assert!(close(p.rows[2].active_customers.self_serve, 271.0, 1e-12));
}

#[test]
fn month_by_month_model_agrees_with_closed_form_ltv_for_one_cohort() {
    // With the same number N of customers won every month, MRR at month 60
    // is N × the MRR one cohort has left summed over its first 60 months, so
    // MRR(60) × GM ÷ N is one cohort's gross profit over 60 months. With net
    // churn of 12 % a month, 0.88^60 ≈ 0.05 % of the value lies beyond month
    // 60, so it must match ARPA × GM ÷ (churn − expansion) within 0.1 %.
    let mut i = steady_self_serve(100.0, 100.0, 15.0, 3.0);
    i.horizon_months = 60;
    i.gross_margin_pct = 80.0;
    let p = simulate(&i);
    let last = p.rows[59];
    let cohort_gross_profit = last.mrr.self_serve * 0.8 / 100.0;
    let closed = economics::ltv(
        100.0,
        Share::from_percent(80.0),
        MonthlyRate::from_percent(15.0),
        MonthlyRate::from_percent(3.0),
    );
    assert!(matches!(closed, Ltv::Finite(_)));
    assert!(
        close(cohort_gross_profit, closed.dollars(), 1e-3),
        "model {cohort_gross_profit} vs closed form {}",
        closed.dollars()
    );
    assert!(close(
        p.summary.channels.self_serve.ltv.dollars(),
        closed.dollars(),
        1e-12
    ));
    // The same shift gives the average lifetime: customers ÷ N ≈ 1 ÷ churn.
    assert!(close(
        last.active_customers.self_serve / 100.0,
        1.0 / 0.15,
        1e-3
    ));
}

#[test]
fn sales_led_deals_close_after_the_sales_cycle() {
    let p = simulate(&steady_sales_led(2.0, 10, 10.0, 0, 4));
    for r in &p.rows[..4] {
        assert_eq!(r.new_customers.sales_led, 0.0, "month {}", r.month);
    }
    assert!(close(p.rows[4].new_customers.sales_led, 2.0, 1e-12));
    assert_eq!(p.rows[0].opportunities.sales_led, 2.0);
}

#[test]
fn self_serve_customers_arrive_after_the_conversion_lag() {
    let mut i = steady_self_serve(100.0, 50.0, 3.0, 0.0);
    i.self_serve.conversion_lag_months = 2;
    let p = simulate(&i);
    assert_eq!(p.rows[0].new_customers.self_serve, 0.0);
    assert_eq!(p.rows[1].new_customers.self_serve, 0.0);
    assert!(close(p.rows[2].new_customers.self_serve, 100.0, 1e-12));
}

#[test]
fn capacity_limited_deals_are_lost_with_a_warning() {
    // 5 deals a month would close; one seller can close 2.
    let i = steady_sales_led(5.0, 1, 2.0, 0, 0);
    let p = simulate(&i);
    for r in &p.rows {
        assert!(close(r.new_customers.sales_led, 2.0, 1e-12));
        assert!(close(r.deals_lost_to_capacity, 3.0, 1e-12));
    }
    let expected = 3.0 * 24.0;
    assert!(close(p.summary.deals_lost_to_capacity, expected, 1e-12));
    assert!(p.warnings.iter().any(|w| matches!(
        w,
        Warning::DealsLostToCapacity { deals, first_month: 1 } if close(*deals, expected, 1e-12)
    )));
    let message = p
        .warnings
        .iter()
        .find(|w| matches!(w, Warning::DealsLostToCapacity { .. }))
        .map(Warning::message)
        .unwrap_or_default();
    assert!(message.contains("about 72 deals lost"), "{message}");
    // With enough capacity nothing is lost and nothing is said.
    let ok = simulate(&steady_sales_led(5.0, 3, 2.0, 0, 0));
    assert_eq!(ok.summary.deals_lost_to_capacity, 0.0);
    assert!(ok.warnings.is_empty(), "{:?}", ok.warnings);
}

#[test]
fn account_executives_ramp_up_in_a_straight_line() {
    // Two sellers, 3 deals a month each when ramped, 3 months of ramp.
    let p = simulate(&steady_sales_led(100.0, 2, 3.0, 3, 0));
    let closed: Vec<f64> = p.rows[..5]
        .iter()
        .map(|r| r.new_customers.sales_led)
        .collect();
    for (got, want) in closed.iter().zip([2.0, 4.0, 6.0, 6.0, 6.0]) {
        assert!(close(*got, want, 1e-12), "{closed:?}");
    }
}

#[test]
fn annual_prepaid_collects_twelve_months_up_front() {
    let mut i = steady_sales_led(1.0, 1, 1.0, 0, 0);
    i.sales_led.ae_loaded_cost_per_year = 0.0;
    i.billing = Billing::AnnualPrepaid;
    let p = simulate(&i);
    // One $1,000-a-month customer a month, no churn: month 1 collects a year.
    assert!(close(p.rows[0].cash_in, 12_000.0, 1e-12));
    assert!(close(p.rows[0].revenue, 1_000.0, 1e-12));
    // Month 13: the new customer's year plus month 1's renewal.
    assert!(close(p.rows[12].cash_in, 24_000.0, 1e-12));
    // Monthly billing collects revenue as it is recognised.
    i.billing = Billing::Monthly;
    let m = simulate(&i);
    assert!(m.rows.iter().all(|r| r.cash_in == r.revenue));
}

/// Annual prepaid: a customer pays the year up front and can leave only at
/// a renewal (PRODUCT.md §3, "With annual prepaid billing…"). One
/// $1,000-a-month customer won each month, 10 % monthly churn: nobody leaves
/// in the first year and each month's cohort pays $12,000 when it is won; at
/// month 13 month 1's cohort renews keeping 0.9^12 of itself (annual churn
/// 1 − 0.9^12 ≈ 71.8 %) and pays for its next year.
#[test]
fn annual_prepaid_customers_leave_only_at_renewal_and_pay_each_year_up_front() {
    let mut i = steady_sales_led(1.0, 1, 1.0, 0, 0);
    i.sales_led.churn_pct = 10.0;
    i.billing = Billing::AnnualPrepaid;
    let p = simulate(&i);
    for (m, row) in p.rows.iter().take(12).enumerate() {
        assert!(close(row.active_customers.sales_led, (m + 1) as f64, 1e-12));
        assert!(close(row.cash_in, 12_000.0, 1e-12), "month {}", m + 1);
    }
    let keep = 0.9f64.powi(12);
    let r13 = p.rows[12];
    assert!(close(r13.active_customers.sales_led, 12.0 + keep, 1e-12));
    assert!(close(r13.cash_in, 12_000.0 * (1.0 + keep), 1e-12));
    assert!(close(r13.mrr.sales_led, 1_000.0 * (12.0 + keep), 1e-12));
    // Recognised revenue is the MRR, never the cash.
    assert!(close(r13.revenue, r13.mrr.total(), 1e-12));
}

/// With annual billing a year's cash comes in at the start, so a cohort's
/// cash over its first year is 12 × ARPA, not the ≈ 10.5 × a monthly-churn
/// model with refunds would collect (issue 11, item 4).
#[test]
fn annual_prepaid_collects_twelve_times_arpa_per_customer_in_the_first_year() {
    let mut i = steady_sales_led(1.0, 1, 1.0, 0, 0);
    i.sales_led.churn_pct = 2.0;
    i.billing = Billing::AnnualPrepaid;
    let p = simulate(&i);
    assert!(close(p.rows[0].cash_in, 12.0 * 1_000.0, 1e-12));
    // And the same cohort under monthly billing collects less over its year.
    i.billing = Billing::Monthly;
    let m = simulate(&i);
    let year: f64 = (0..12).map(|a| 1_000.0 * 0.98f64.powi(a)).sum();
    assert!(year < 12_000.0 && year > 10_500.0);
    assert!(close(m.rows[0].cash_in, 1_000.0, 1e-12));
}

/// The 12-month NRR is the same under both billings: at a renewal a cohort
/// keeps (1 − churn + expansion)^12 of its MRR.
#[test]
fn annual_prepaid_renewal_keeps_the_twelve_month_net_revenue_retention() {
    let mut i = steady_sales_led(1.0, 1, 1.0, 0, 0);
    i.sales_led.churn_pct = 1.0;
    i.sales_led.expansion_pct = 2.0;
    i.billing = Billing::AnnualPrepaid;
    let p = simulate(&i);
    let g = (1.0f64 - 0.01 + 0.02).powi(12);
    // Month 13's MRR: cohort 1 renewed at g, cohorts 2..13 at ARPA.
    assert!(close(p.rows[12].mrr.sales_led, 1_000.0 * (12.0 + g), 1e-12));
    assert!(close(
        p.summary.channels.sales_led.nrr_12m_pct,
        g * 100.0,
        1e-12
    ));
}

#[test]
fn blended_cac_counts_customers_that_cost_nothing() {
    // Sales-led buys deals; self-serve brings free organic customers.
    let mut i = steady_sales_led(2.0, 1, 10.0, 0, 0);
    let organic = steady_self_serve(8.0, 50.0, 3.0, 0.0);
    i.self_serve = organic.self_serve;
    let s = simulate(&i).summary;
    let sl_cac = s.channels.sales_led.cac.unwrap_or(f64::NAN);
    let blended = s.blended_cac.unwrap_or(f64::NAN);
    assert_eq!(s.channels.self_serve.cac, Some(0.0));
    // Spend $12,000 a month over 2 + 8 customers a month.
    assert!(close(sl_cac, 6_000.0, 1e-12));
    assert!(close(blended, 1_200.0, 1e-12));
}

/// SiftHub, "Deferred revenue" glossary (sifthub.io/glossary/deferred-revenue):
/// a 12-month contract of $120,000 billed up front brings $120,000 of cash at
/// signing and is recognised at $10,000 a month. One such deal a month (ACV
/// $120,000, annual prepaid, no churn): each deal pays its year when it
/// closes, each adds $10,000 of recognised revenue a month, and month 1's
/// customer pays again at its renewal in month 13.
#[test]
fn sifthub_annual_prepaid_contract_collects_120000_up_front_and_recognises_10000_a_month() {
    let mut i = steady_sales_led(1.0, 1, 1.0, 0, 0);
    i.sales_led.acv_per_year = 120_000.0;
    i.sales_led.ae_capacity_deals_per_month = 1.0;
    i.billing = Billing::AnnualPrepaid;
    // One such deal closes every month; month 1's deal is the example's.
    let p = simulate(&i);
    assert!(close(p.rows[0].new_customers.sales_led, 1.0, 1e-12));
    assert!(close(p.rows[0].cash_in, 120_000.0, 1e-12));
    assert!(close(p.rows[0].revenue, 10_000.0, 1e-12));
    // Month 2: the second deal pays its year; the first pays nothing more.
    assert!(close(p.rows[1].cash_in, 120_000.0, 1e-12));
    assert!(close(p.rows[1].revenue, 20_000.0, 1e-12));
    // Month 13: the month-1 customer renews and pays again, beside the new
    // deal of month 13.
    assert!(close(p.rows[12].cash_in, 240_000.0, 1e-12));
}

/// Quantledger, "CAC Calculation Mistakes: The Timing Problem"
/// (quantledger.app/blog/cac-calculation-mistakes-the-timing-problem):
/// with a 60-day sales cycle, the customers won in March came from
/// January's spend, so CAC should set each month's spend against the
/// customers of two months later. $10,000 a month buys 5 deals that close
/// two months on, over 12 months: lag-matched CAC = $10,000 ÷ 5 = $2,000
/// (months 1–10 of spend against months 3–12 of deals), while the headline
/// figure over the same horizon is $120,000 ÷ 50 = $2,400.
#[test]
fn quantledger_sixty_day_cycle_matches_january_spend_to_march_customers() {
    let mut i = steady_sales_led(5.0, 1, 10.0, 0, 2);
    i.horizon_months = 12;
    i.sales_led.pipeline_spend_per_month = 5_000.0;
    i.sales_led.cost_per_opportunity = 1_000.0;
    i.sales_led.ae_loaded_cost_per_year = 60_000.0;
    let s = simulate(&i).summary.channels.sales_led;
    assert!(close(s.spend, 120_000.0, 1e-12));
    assert!(close(s.new_customers, 50.0, 1e-12));
    assert!(close(s.cac.unwrap_or(f64::NAN), 2_400.0, 1e-12));
    assert!(close(s.cac_lag_matched.unwrap_or(f64::NAN), 2_000.0, 1e-12));
}

/// CAC = the channel's spend over the horizon ÷ the customers it won over
/// the horizon (PRODUCT.md §3); the lag-matched figure is the labelled
/// alternative. Pipeline $2,000 + one seller $10,000 a month, 2 deals a
/// month after a 6-month cycle, 24 months: 36 customers for $288,000 →
/// CAC $8,000; matched, months 1–18 of spend ($216,000) ÷ the same 36 →
/// $6,000.
#[test]
fn channel_cac_is_horizon_spend_over_horizon_customers_with_lag_matched_beside_it() {
    let p = simulate(&steady_sales_led(2.0, 1, 10.0, 0, 6));
    let sl = p.summary.channels.sales_led;
    assert!(close(sl.new_customers, 36.0, 1e-12));
    assert!(close(sl.cac.unwrap_or(f64::NAN), 8_000.0, 1e-12));
    assert!(close(
        sl.cac_lag_matched.unwrap_or(f64::NAN),
        6_000.0,
        1e-12
    ));
    assert_eq!(sl.lag_months, 6);
    // Payback = CAC ÷ (ARPA × GM) = 8,000 ÷ 1,000.
    assert_eq!(sl.payback, Some(Payback::Months(8.0)));
    // Blended CAC uses the same definition.
    assert!(close(
        p.summary.blended_cac.unwrap_or(f64::NAN),
        8_000.0,
        1e-12
    ));
    assert!(close(
        p.summary.blended_cac_lag_matched.unwrap_or(f64::NAN),
        6_000.0,
        1e-12
    ));
}

/// A channel without a lag has no lag-matched alternative: it would equal
/// the headline.
#[test]
fn lag_matched_cac_is_only_offered_for_channels_with_a_lag() {
    let p = simulate(&steady_sales_led(2.0, 1, 10.0, 0, 0));
    assert_eq!(p.summary.channels.sales_led.cac_lag_matched, None);
    assert_eq!(p.summary.blended_cac_lag_matched, None);
}

/// The sales-assisted CAC counts the sales-assist cost only; the fully
/// loaded variant adds the PQL share of the self-serve acquisition spend.
#[test]
fn sales_assisted_cac_says_what_it_counts_and_has_a_fully_loaded_variant() {
    let mut i = preset(Motion::ProductLedSalesAssist);
    i.horizon_months = 24;
    let s = simulate(&i).summary;
    let sa = s.channels.sales_assist;
    let ss = s.channels.self_serve;
    let plain = sa.spend / sa.new_customers;
    let loaded = (sa.spend + i.sales_assist.pql_pct / 100.0 * ss.spend) / sa.new_customers;
    assert!(close(sa.cac.unwrap_or(f64::NAN), plain, 1e-12));
    assert!(close(
        sa.cac_fully_loaded.unwrap_or(f64::NAN),
        loaded,
        1e-12
    ));
    assert!(loaded > plain);
    assert_eq!(ss.cac_fully_loaded, None);
}

#[test]
fn magic_number_divides_last_quarter_net_new_arr_by_previous_quarter_spend() {
    let i = preset(Motion::SalesLedProductAdoption);
    let p = simulate(&i);
    let h = p.rows.len();
    let arr = |k: usize| p.rows[k].mrr.total() * 12.0;
    let spend: f64 = p.rows[h - 6..h - 3].iter().map(|r| r.spend.total()).sum();
    let expected = (arr(h - 1) - arr(h - 4)) / spend;
    match p.summary.magic_number {
        MagicNumber::Ratio(r) => {
            assert!(close(r, expected, 1e-12), "{r} vs {expected}");
            assert!(!close(r, expected * 4.0, 1e-3), "never × 4");
        }
        other => panic!("expected a ratio, got {other:?}"),
    }
}

#[test]
fn nrr_is_a_year_of_monthly_retention_and_expansion() {
    let s = simulate(&steady_self_serve(10.0, 100.0, 2.0, 1.0)).summary;
    let expected = 0.99f64.powi(12) * 100.0;
    assert!(close(s.nrr_12m_pct.unwrap_or(f64::NAN), expected, 1e-12));
    assert!(close(s.channels.self_serve.nrr_12m_pct, expected, 1e-12));
}

#[test]
fn cash_trough_payback_and_break_even_agree_with_the_rows() {
    let p = simulate(&preset(Motion::ProductLed));
    let s = p.summary;
    let trough = s
        .trough
        .unwrap_or_else(|| panic!("a PLG preset burns cash first"));
    let min = p
        .rows
        .iter()
        .map(|r| r.cumulative_cash)
        .fold(f64::INFINITY, f64::min);
    assert_eq!(trough.dollars, min);
    match s.cash_payback {
        CashPayback::PaidBackIn(m) => {
            assert!(m > trough.month);
            assert!(p.rows[m as usize - 1].cumulative_cash >= 0.0);
            assert!(p.rows[m as usize - 2].cumulative_cash < 0.0);
        }
        other => panic!("PLG preset pays back within 36 months, got {other:?}"),
    }
    let be = s.break_even_month.unwrap_or(0) as usize;
    assert!(be >= 1);
    assert!(p.rows[be - 1].gross_profit >= p.rows[be - 1].spend.total());
    assert!(p.rows[..be - 1]
        .iter()
        .all(|r| r.gross_profit < r.spend.total()));
    // Monthly billing: the trough is the month before break-even.
    assert_eq!(trough.month as usize, be - 1);
}

#[test]
fn revenue_split_adds_up_to_one_hundred_percent() {
    let s = simulate(&preset(Motion::HybridFreemiumEnterprise)).summary;
    let split = s.revenue_split_pct.unwrap_or_default();
    assert!(close(split.total(), 100.0, 1e-9));
    assert!(split.self_serve > 0.0 && split.sales_assist > 0.0 && split.sales_led > 0.0);
}

#[test]
fn sales_assist_without_self_serve_finds_no_pqls_and_says_so() {
    let mut i = preset(Motion::ProductLedSalesAssist);
    i.self_serve.enabled = false;
    let p = simulate(&i);
    assert_eq!(p.summary.channels.sales_assist.new_customers, 0.0);
    assert!(p.summary.channels.sales_assist.spend > 0.0);
    assert!(p.warnings.contains(&Warning::SalesAssistWithoutSelfServe));
    let off = simulate(&blank());
    assert!(off.warnings.contains(&Warning::NoChannelEnabled));
    assert_eq!(off.summary.blended_cac, None);
}

#[test]
fn switched_off_channels_neither_spend_nor_win() {
    let mut i = preset(Motion::HybridFreemiumEnterprise);
    i.sales_led.enabled = false;
    let s = simulate(&i).summary;
    assert_eq!(s.channels.sales_led.spend, 0.0);
    assert_eq!(s.channels.sales_led.new_customers, 0.0);
    assert_eq!(s.channels.sales_led.cac, None);
}

#[test]
fn simulate_into_reuses_its_buffers_and_matches_simulate() {
    let mut out = Projection::default();
    let a = preset(Motion::SalesLed);
    let b = preset(Motion::ProductLed);
    simulate_into(&a, &mut out);
    let capacity = out.rows.capacity();
    simulate_into(&b, &mut out);
    assert_eq!(out, simulate(&b));
    assert_eq!(out.rows.capacity(), capacity);
}

// ---------------------------------------------------------------------------
// Presets and fields
// ---------------------------------------------------------------------------

#[test]
fn presets_validate_and_sit_inside_the_benchmark_bands() {
    for m in Motion::ALL {
        let i = preset(m);
        assert_eq!(i.validate(), Ok(()), "{m:?}");
        let p = simulate(&i);
        assert!(p.warnings.is_empty(), "{m:?}: {:?}", p.warnings);
        let s = p.summary;
        let ratio = match s.blended_ltv_cac {
            Some(LtvCac::Ratio(r)) => r,
            other => panic!("{m:?}: {other:?}"),
        };
        assert!((3.0..=5.0).contains(&ratio), "{m:?} LTV:CAC {ratio}");
        let payback = s
            .blended_payback
            .and_then(Payback::months)
            .unwrap_or(f64::NAN);
        assert!((5.0..=24.0).contains(&payback), "{m:?} payback {payback}");
        assert!((70.0..=85.0).contains(&i.gross_margin_pct));
    }
}

#[test]
fn presets_switch_on_the_channels_of_their_motion() {
    let on = |m| {
        let i = preset(m);
        Channel::ALL.map(|c| i.is_enabled(c))
    };
    assert_eq!(on(Motion::ProductLed), [true, false, false]);
    assert_eq!(on(Motion::ProductLedSalesAssist), [true, true, false]);
    assert_eq!(on(Motion::HybridFreemiumEnterprise), [true, true, true]);
    assert_eq!(on(Motion::SalesLedProductAdoption), [false, false, true]);
    assert_eq!(on(Motion::SalesLed), [false, false, true]);
    // Product-led prices sit under $100 a month, sales-led above $1,000.
    assert!(preset(Motion::ProductLed).self_serve.arpa_per_month < 100.0);
    assert!(preset(Motion::SalesLed).sales_led.acv_per_year / 12.0 > 1_000.0);
}

#[test]
fn every_field_has_a_labelled_unit_and_round_trips_through_set_and_get() {
    let mut i = ScenarioInputs::default();
    assert_eq!(fields().len(), FieldId::ALL.len());
    for spec in fields() {
        assert!(
            spec.label.contains('(')
                || spec.id == FieldId::SsViralCoefficient
                || spec.id == FieldId::SlAccountExecutives,
            "{} has no unit",
            spec.label
        );
        assert!(!spec.help.is_empty());
        assert!(spec.range.min < spec.range.max);
        for v in [spec.range.min, spec.range.max] {
            assert_eq!(i.set(spec.id, v), Ok(()), "{}", spec.slug);
            assert_eq!(i.get(spec.id), v);
        }
    }
    assert_eq!(i.validate(), Ok(()));
}

#[test]
fn invalid_values_are_rejected_and_never_reach_the_inputs() {
    let mut i = ScenarioInputs::default();
    let before = i.clone();
    assert_eq!(
        i.set(FieldId::SlWinPct, 101.0),
        Err(InputError::AboveMax {
            max: 100.0,
            unit: Unit::Percent
        })
    );
    assert_eq!(
        i.set(FieldId::SsArpa, -5.0),
        Err(InputError::BelowMin {
            min: 0.0,
            unit: Unit::DollarsPerMonth
        })
    );
    assert_eq!(
        i.set(FieldId::HorizonMonths, 6.0),
        Err(InputError::BelowMin {
            min: 12.0,
            unit: Unit::Months
        })
    );
    assert_eq!(
        i.set(FieldId::HorizonMonths, 61.0),
        Err(InputError::AboveMax {
            max: 60.0,
            unit: Unit::Months
        })
    );
    assert_eq!(i.set(FieldId::SlSalesCycle, 2.5), Err(InputError::NotWhole));
    assert_eq!(
        i.set(FieldId::SlAeRamp, 25.0),
        Err(InputError::AboveMax {
            max: 24.0,
            unit: Unit::Months
        })
    );
    assert!(i.set(FieldId::SsChurnPct, f64::NAN).is_err());
    assert!(i.set(FieldId::SsChurnPct, f64::INFINITY).is_err());
    assert_eq!(
        i.set_text(FieldId::SaWinPct, "abc"),
        Err(InputError::NotANumber("abc".into()))
    );
    assert_eq!(i.set_text(FieldId::SaWinPct, ""), Err(InputError::Empty));
    assert_eq!(i, before);
    assert_eq!(i.set_text(FieldId::SlAcv, "$48,000"), Ok(48_000.0));
    assert_eq!(i.sales_led.acv_per_year, 48_000.0);
}

#[test]
fn validate_names_the_first_bad_field_of_stored_inputs() {
    let mut i = ScenarioInputs::default();
    i.sales_led.win_pct = f64::NAN;
    assert!(i.validate().is_err_and(|e| e.field == "sales_led.win_pct"));
    let i = ScenarioInputs {
        horizon_months: 0,
        ..ScenarioInputs::default()
    };
    assert!(i.validate().is_err_and(|e| e.field == "horizon_months"));
    let mut i = ScenarioInputs::default();
    i.self_serve.cost_per_signup = 0.0;
    assert!(i
        .validate()
        .is_err_and(|e| e.field == "self_serve.cost_per_signup"));
}

#[test]
fn saved_inputs_round_trip_and_reject_unknown_fields() {
    let i = preset(Motion::SalesLed);
    let json = serde_json::to_string(&i).unwrap_or_default();
    assert_eq!(serde_json::from_str::<ScenarioInputs>(&json).ok(), Some(i));
    let extra = json.replacen("\"win_pct\"", "\"wins\":1,\"win_pct\"", 1);
    assert!(serde_json::from_str::<ScenarioInputs>(&extra).is_err());
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

#[test]
fn csv_has_a_header_and_one_row_per_month() {
    for months in [12u32, 37, 60] {
        let mut i = preset(Motion::HybridFreemiumEnterprise);
        i.horizon_months = months;
        let csv = monthly_csv(&simulate(&i));
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), months as usize + 1);
        let header = lines[0];
        assert!(header.starts_with("Month,Sign-ups,Activated,PQLs,"));
        assert!(header.contains("MRR: Self-serve ($)"));
        assert!(header.contains("ARR: Sales-led ($)"));
        assert!(header.ends_with("Deals lost to capacity"));
        let columns = header.split(',').count();
        for (k, line) in lines[1..].iter().enumerate() {
            assert_eq!(line.split(',').count(), columns);
            assert!(line.starts_with(&format!("{},", k + 1)));
        }
    }
}

#[test]
fn csv_quotes_names_safely() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("-1+2"), "'-1+2");
    assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    let p = simulate(&preset(Motion::ProductLed));
    let csv = monthly_csv_named("\"><script>, =cmd", &p);
    let first_row = csv.split("\r\n").nth(1).unwrap_or_default();
    assert!(
        first_row.starts_with("\"\"\"><script>, =cmd\",1,"),
        "{first_row}"
    );
}

// ---------------------------------------------------------------------------
// Named scenarios
// ---------------------------------------------------------------------------

#[test]
fn at_most_eight_scenarios_can_be_saved_or_duplicated() {
    let mut s = SimState::default();
    let mut ids = Vec::new();
    for k in 0..MAX_SCENARIOS {
        ids.push(s.save_as(&format!("Plan {k}")).unwrap_or(0));
    }
    assert_eq!(s.scenarios.len(), 8);
    assert_eq!(s.save_as("One too many"), Err(StateError::TooManyScenarios));
    assert_eq!(s.duplicate(ids[0]), Err(StateError::TooManyScenarios));
    assert_eq!(s.validate(), Ok(()));
    s.delete(ids[3]).unwrap_or(());
    assert!(s.save_as("Fits again").is_ok());
}

#[test]
fn duplicate_rename_and_delete_keep_ids_unique() {
    let mut s = SimState::default();
    s.apply_preset(Motion::SalesLed);
    let a = s.save_as("  Enterprise push  ").unwrap_or(0);
    assert_eq!(
        s.scenario(a).map(|x| x.name.as_str()),
        Some("Enterprise push")
    );
    let b = s.duplicate(a).unwrap_or(0);
    assert_ne!(a, b);
    assert_eq!(
        s.scenario(b).map(|x| x.name.as_str()),
        Some("Enterprise push (copy)")
    );
    assert_eq!(
        s.scenario(b).map(|x| &x.inputs),
        s.scenario(a).map(|x| &x.inputs)
    );
    assert_eq!(s.rename(b, "Leaner team"), Ok(()));
    assert_eq!(s.rename(b, "   "), Err(StateError::EmptyName));
    assert_eq!(s.rename(b, &"x".repeat(61)), Err(StateError::NameTooLong));
    assert_eq!(
        s.rename(b, "two\nlines"),
        Err(StateError::NameHasControlCharacters)
    );
    assert_eq!(
        s.rename(999, "Ghost"),
        Err(StateError::UnknownScenario(999))
    );
    assert_eq!(s.scenario(b).map(|x| x.name.as_str()), Some("Leaner team"));
    s.delete(a).unwrap_or(());
    assert_eq!(s.delete(a), Err(StateError::UnknownScenario(a)));
    let c = s.save_as("Another").unwrap_or(0);
    assert!(c > b, "ids are never reused");
    // A long name still fits after " (copy)".
    let long = s.save_as(&"y".repeat(60)).unwrap_or(0);
    let copy = s.duplicate(long).unwrap_or(0);
    assert_eq!(s.scenario(copy).map(|x| x.name.chars().count()), Some(60));
    assert_eq!(s.validate(), Ok(()));
}

#[test]
fn at_most_three_scenarios_are_compared_and_deleting_one_drops_it() {
    let mut s = SimState::default();
    let ids: Vec<u32> = (0..4)
        .map(|k| s.save_as(&format!("S{k}")).unwrap_or(0))
        .collect();
    for id in &ids[..MAX_COMPARE] {
        assert_eq!(s.toggle_compare(*id), Ok(true));
    }
    assert_eq!(s.toggle_compare(ids[3]), Err(StateError::TooManyCompared));
    assert_eq!(s.toggle_compare(ids[1]), Ok(false));
    assert_eq!(s.toggle_compare(ids[3]), Ok(true));
    assert_eq!(s.compare, vec![ids[0], ids[2], ids[3]]);
    s.delete(ids[2]).unwrap_or(());
    assert_eq!(s.compare, vec![ids[0], ids[3]]);
    assert_eq!(s.toggle_compare(777), Err(StateError::UnknownScenario(777)));
    assert_eq!(s.validate(), Ok(()));
}

#[test]
fn comparison_table_shows_differences_against_the_first_scenario() {
    let mut s = SimState::default();
    s.apply_preset(Motion::ProductLed);
    let a = s.save_as("PLG").unwrap_or(0);
    s.apply_preset(Motion::SalesLed);
    let b = s.save_as("SLG").unwrap_or(0);
    s.toggle_compare(a).unwrap_or(false);
    s.toggle_compare(b).unwrap_or(false);
    let table = s.comparison();
    assert_eq!(table.columns.len(), 2);
    assert_eq!(table.columns[1].name, "SLG");
    assert_eq!(table.rows.len(), Metric::ALL.len());
    let arr = table.rows.iter().find(|r| r.metric == Metric::EndingArr);
    let arr = arr.unwrap_or_else(|| panic!("ARR row"));
    let plg = simulate(&preset(Motion::ProductLed)).summary.ending_arr;
    let slg = simulate(&preset(Motion::SalesLed)).summary.ending_arr;
    assert_eq!(arr.values[0], MetricValue::Number(plg));
    assert_eq!(arr.differences[0], None);
    assert!(close(
        arr.differences[1].unwrap_or(f64::NAN),
        slg - plg,
        1e-12
    ));
    // A capped LTV is marked as capped in the table.
    let ltv = table.rows.iter().find(|r| r.metric == Metric::BlendedLtv);
    assert!(matches!(
        ltv.map(|r| r.values[1]),
        Some(MetricValue::Capped(_))
    ));
}

#[test]
fn state_validation_catches_broken_saved_data() {
    let mut s = SimState::default();
    let a = s.save_as("A").unwrap_or(0);
    s.toggle_compare(a).unwrap_or(false);
    assert_eq!(s.validate(), Ok(()));

    let mut bad = s.clone();
    bad.compare.push(4242);
    assert!(bad
        .validate()
        .is_err_and(|e| e.field == "simulate.compare[1]"));

    let mut bad = s.clone();
    bad.scenarios[0].inputs.sales_led.win_pct = 250.0;
    assert!(bad
        .validate()
        .is_err_and(|e| e.field == "simulate.scenarios[0].inputs.sales_led.win_pct"));

    let mut bad = s.clone();
    bad.channels[0].id = bad.channels[1].id;
    assert!(bad
        .validate()
        .is_err_and(|e| e.field == "simulate.channels[1].id"));

    let mut bad = s.clone();
    bad.next_id = a;
    assert!(bad.validate().is_err());

    let mut bad = s.clone();
    bad.scenarios[0].name = "z".repeat(61);
    assert!(bad
        .validate()
        .is_err_and(|e| e.field == "simulate.scenarios[0].name"));

    let json = serde_json::to_string(&s).unwrap_or_default();
    assert_eq!(serde_json::from_str::<SimState>(&json).ok(), Some(s));
}

#[test]
fn channel_table_rows_can_be_added_renamed_and_removed() {
    let mut s = SimState::default();
    let id = s.add_channel("Podcasts").unwrap_or(0);
    assert_eq!(s.set_channel_spend(id, 3_000.0), Ok(()));
    assert_eq!(s.set_channel_customers(id, 6.0), Ok(()));
    assert_eq!(
        s.set_channel_customers(id, 1.5),
        Err(StateError::Input(InputError::NotWhole))
    );
    assert_eq!(
        s.set_channel_spend(id, -1.0),
        Err(StateError::Input(InputError::BelowMin {
            min: 0.0,
            unit: Unit::Dollars
        }))
    );
    assert_eq!(s.rename_channel(id, "Podcast ads"), Ok(()));
    let row = s.channels.iter().find(|c| c.id == id).cloned();
    assert_eq!(row.as_ref().map(|r| r.name.as_str()), Some("Podcast ads"));
    assert_eq!(row.and_then(|r| r.cac()), Some(500.0));
    assert_eq!(s.remove_channel(id), Ok(()));
    assert_eq!(s.remove_channel(id), Err(StateError::UnknownChannel(id)));
    while s.channels.len() < 12 {
        s.add_channel("More").unwrap_or(0);
    }
    assert_eq!(
        s.add_channel("Thirteenth"),
        Err(StateError::TooManyChannels)
    );
    assert_eq!(s.validate(), Ok(()));
}

// ---------------------------------------------------------------------------
// Properties over the whole valid input domain
// ---------------------------------------------------------------------------

/// Maps a uniform draw to a value in a field's range: the two ends 5 % of
/// the time each, otherwise spread with a cube so wide money ranges still
/// produce everyday values often.
fn in_range(spec_min: f64, spec_max: f64, whole: bool, u: f64) -> f64 {
    let v = if u < 0.05 {
        spec_min
    } else if u > 0.95 {
        spec_max
    } else {
        let t = (u - 0.05) / 0.9;
        let t = if spec_max - spec_min > 1_000.0 {
            t * t * t
        } else {
            t
        };
        spec_min + t * (spec_max - spec_min)
    };
    let v = if whole { v.round() } else { v };
    v.clamp(spec_min, spec_max)
}

fn arb_inputs() -> impl Strategy<Value = ScenarioInputs> {
    (
        proptest::collection::vec(0.0..=1.0f64, FieldId::ALL.len()),
        any::<[bool; 4]>(),
    )
        .prop_map(|(draws, flags)| {
            let mut i = ScenarioInputs::default();
            for (spec, u) in fields().iter().zip(draws) {
                let r = spec.range;
                let v = in_range(r.min, r.max, r.whole, u);
                if let Err(e) = i.set(spec.id, v) {
                    panic!("{} = {v}: {e}", spec.slug);
                }
            }
            i.self_serve.enabled = flags[0];
            i.sales_assist.enabled = flags[1];
            i.sales_led.enabled = flags[2];
            i.billing = if flags[3] {
                Billing::AnnualPrepaid
            } else {
                Billing::Monthly
            };
            i
        })
}

fn every_number(p: &Projection) -> Vec<f64> {
    let mut v = Vec::new();
    for r in &p.rows {
        v.extend([
            r.signups,
            r.activated,
            r.pqls,
            r.revenue,
            r.gross_profit,
            r.cash_in,
            r.net_cash,
            r.cumulative_cash,
            r.sales_capacity,
            r.deals_lost_to_capacity,
        ]);
        for by in [
            r.opportunities,
            r.new_customers,
            r.active_customers,
            r.mrr,
            r.spend,
            r.arr(),
        ] {
            v.extend(Channel::ALL.map(|c| by.get(c)));
        }
    }
    let s = &p.summary;
    for ch in Channel::ALL {
        let c = s.channels.get(ch);
        v.extend([
            c.new_customers,
            c.spend,
            c.revenue,
            c.ending_customers,
            c.ending_mrr,
            c.arpa_per_month,
            c.ltv.dollars(),
            c.nrr_12m_pct,
        ]);
        v.extend(c.cac);
        v.extend(c.ltv_cac.and_then(LtvCac::ratio));
        v.extend(c.payback.and_then(Payback::months));
    }
    v.extend(s.blended_cac);
    v.extend(s.blended_ltv.map(Ltv::dollars));
    v.extend(s.blended_ltv_cac.and_then(LtvCac::ratio));
    v.extend(s.blended_payback.and_then(Payback::months));
    v.extend(s.trough.map(|t| t.dollars));
    v.extend(s.nrr_12m_pct);
    v.extend(s.revenue_split_pct.map(|x| x.total()));
    if let MagicNumber::Ratio(r) = s.magic_number {
        v.push(r);
    }
    v.extend([
        s.ending_mrr,
        s.ending_arr,
        s.ending_customers,
        s.total_new_customers,
        s.total_spend,
        s.total_revenue,
        s.total_gross_profit,
        s.ending_cumulative_cash,
        s.deals_lost_to_capacity,
    ]);
    for m in Metric::ALL {
        v.extend(s.metric(m).number());
    }
    v
}

proptest! {
    // Failures print their minimal input; no regression files are written
    // next to the tests.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_output_is_finite_over_the_whole_valid_input_domain(i in arb_inputs()) {
        prop_assert_eq!(i.validate(), Ok(()));
        let p = simulate(&i);
        prop_assert_eq!(p.rows.len(), i.horizon_months as usize);
        for x in every_number(&p) {
            prop_assert!(x.is_finite(), "non-finite output in {:?}", p.summary);
        }
        for ch in Channel::ALL {
            let c = p.summary.channels.get(ch);
            prop_assert!(c.ltv.dollars() >= 0.0);
            prop_assert!(c.cac.is_none_or(|x| x >= 0.0));
        }
        let csv = monthly_csv(&p);
        prop_assert!(!csv.contains("NaN") && !csv.contains("inf"));
    }

    #[test]
    fn ltv_never_rises_as_churn_rises_while_the_formula_is_finite(i in arb_inputs(), bump in 0.0..=100.0f64) {
        // A capped LTV (churn not above expansion) stands for "no finite
        // value", so only finite values are ordered; LTV over 5 years is
        // always finite and never rises with churn.
        for (id, ch) in [(FieldId::SsChurnPct, Channel::SelfServe), (FieldId::SlChurnPct, Channel::SalesLed)] {
            let before = simulate(&i).summary.channels.get(ch);
            let mut j = i.clone();
            let higher = (i.get(id) + bump).min(100.0);
            prop_assert_eq!(j.set(id, higher), Ok(()));
            let after = simulate(&j).summary.channels.get(ch);
            if let (Ltv::Finite(b), Ltv::Finite(a)) = (before.ltv, after.ltv) {
                prop_assert!(a <= b * (1.0 + 1e-12), "{:?}: {} → {}", ch, b, a);
            }
            prop_assert!(after.ltv_five_years <= before.ltv_five_years * (1.0 + 1e-12) + 1e-9);
        }
    }

    #[test]
    fn payback_never_falls_as_cac_rises(i in arb_inputs(), factor in 1.0..10.0f64) {
        // Dearer opportunities, sign-ups or sellers raise CAC at the same ARPA.
        for (id, ch) in [
            (FieldId::SlCostPerOpportunity, Channel::SalesLed),
            (FieldId::SlAeLoadedCost, Channel::SalesLed),
            (FieldId::SsCostPerSignup, Channel::SelfServe),
            (FieldId::SaCostPerMonth, Channel::SalesAssist),
        ] {
            let base = simulate(&i).summary.channels.get(ch);
            let mut j = i.clone();
            let max = id.spec().range.max;
            let dearer = (i.get(id).max(1.0) * factor).min(max);
            prop_assert_eq!(j.set(id, dearer), Ok(()));
            let next = simulate(&j).summary.channels.get(ch);
            if let (Some(a), Some(b)) = (base.cac, next.cac) {
                prop_assert!(b >= a * (1.0 - 1e-12), "{:?} CAC {} → {}", id, a, b);
            }
            if let (Some(Payback::Months(a)), Some(Payback::Months(b))) = (base.payback, next.payback) {
                prop_assert!(b >= a * (1.0 - 1e-12), "{:?} payback {} → {}", id, a, b);
            }
        }
    }

    #[test]
    fn model_agrees_with_closed_form_ltv_for_any_fast_churning_cohort(
        churn in 10.0..=100.0f64, expansion_share in 0.0..=1.0f64, arpa in 1.0..10_000.0f64, gm in 1.0..=100.0f64
    ) {
        // Net churn of at least 10 % a month leaves under 0.2 % of the value
        // beyond month 60 (0.9^60).
        let expansion = ((churn - 10.0) * expansion_share).min(20.0);
        let mut i = steady_self_serve(10.0, arpa, churn, expansion);
        i.horizon_months = 60;
        i.gross_margin_pct = gm;
        let p = simulate(&i);
        let model = p.rows[59].mrr.self_serve * gm / 100.0 / 10.0;
        let closed = p.summary.channels.self_serve.ltv.dollars();
        prop_assert!(close(model, closed, 2e-3), "model {} vs closed {}", model, closed);
    }
}

/// Issue 14, "Honest readings": a viral coefficient of 2 with no churn over
/// 60 months used to project 43 quintillion customers. Referrals now slow
/// as the addressable market fills, so sign-ups never pass it.
#[test]
fn a_viral_loop_saturates_at_the_addressable_market() {
    let mut i = steady_self_serve(10.0, 50.0, 0.0, 0.0);
    i.horizon_months = 60;
    i.self_serve.viral_coefficient = 2.0;
    i.self_serve.market_accounts = 1_000_000.0;
    let p = simulate(&i);
    let signed_up: f64 = p.rows.iter().map(|r| r.signups).sum();
    // Organic sign-ups (100 a month) continue; referrals stop at the market.
    assert!(signed_up <= 1_000_000.0 + 60.0 * 100.0, "{signed_up}");
    assert!(p.summary.ending_customers <= signed_up);
    assert!(p.summary.ending_customers.is_finite());
    // A modest loop in a large market is barely slowed.
    let mut small = steady_self_serve(10.0, 50.0, 3.0, 0.0);
    small.self_serve.viral_coefficient = 0.2;
    let big_market = simulate(&small).summary.total_new_customers;
    small.self_serve.viral_coefficient = 0.2;
    small.self_serve.market_accounts = 1_000.0;
    assert!(simulate(&small).summary.total_new_customers < big_market);
}
