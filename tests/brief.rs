//! The brief written from the figures: its three sentences follow the
//! numbers, the reality check's findings come first, and every item points
//! at an input and suggests an action.

use gtm_workbench::domain::brief::{brief, Brief, Source, MAX_ATTENTION};
use gtm_workbench::domain::economics::Payback;
use gtm_workbench::domain::format;
use gtm_workbench::domain::insight::{tornado, Output, SanityId, Swing};
use gtm_workbench::domain::motion::Motion;
use gtm_workbench::domain::sim::{preset, simulate, CashPayback, FieldId, ScenarioInputs};

fn brief_of(motion: Option<Motion>, inputs: &ScenarioInputs) -> Brief {
    let projection = simulate(inputs);
    brief(
        motion,
        inputs,
        &projection.summary,
        &tornado(inputs, Swing::DEFAULT),
    )
}

#[test]
fn the_first_sentence_names_the_motion_and_the_arr_the_model_computes() {
    let inputs = preset(Motion::ProductLed);
    let projection = simulate(&inputs);
    let b = brief_of(Some(Motion::ProductLed), &inputs);
    let arr = format::money(projection.summary.ending_arr);
    assert!(
        b.sentences[0].contains("“Product-led”"),
        "{}",
        b.sentences[0]
    );
    assert!(b.sentences[0].contains(&arr), "{}", b.sentences[0]);
    assert!(
        b.sentences[0].contains("all of it from self-serve"),
        "{}",
        b.sentences[0]
    );
    let unnamed = brief_of(None, &inputs);
    assert!(unnamed.sentences[0].starts_with("With no motion chosen yet"));
}

#[test]
fn the_brief_changes_when_the_numbers_change() {
    let before = preset(Motion::HybridFreemiumEnterprise);
    let mut after = before.clone();
    after.self_serve.arpa_per_month *= 2.0;
    after.sales_led.pipeline_spend_per_month *= 3.0;
    let (a, b) = (brief_of(None, &before), brief_of(None, &after));
    for i in 0..3 {
        assert_ne!(
            a.sentences[i],
            b.sentences[i],
            "sentence {} did not follow",
            i + 1
        );
    }
}

#[test]
fn a_payback_longer_than_the_customer_lifetime_is_called_a_loss_not_healthy() {
    let mut inputs = preset(Motion::ProductLed);
    // Churn of 25 % a month: customers stay 4 months on average.
    inputs.self_serve.churn_pct = 25.0;
    inputs.self_serve.cost_per_signup = 400.0;
    let projection = simulate(&inputs);
    let Some(Payback::Months(m)) = projection.summary.blended_payback else {
        panic!("a finite payback");
    };
    assert!(m > 4.0, "payback {m}");
    let b = brief_of(Some(Motion::ProductLed), &inputs);
    assert!(b.sentences[1].contains("loses money"), "{}", b.sentences[1]);
    assert!(!b.sentences[1].contains("inside the usual"));
    // The reality check agrees and heads the list, pointing at churn.
    let first = &b.attention[0];
    assert_eq!(
        first.source,
        Source::RealityCheck(SanityId::PaybackBeyondLifetime)
    );
    assert_eq!(first.field, Some(FieldId::SsChurnPct));
    assert!(b.caveat.is_some());
}

#[test]
fn a_quick_payback_is_measured_against_the_twelve_month_bar() {
    let mut inputs = preset(Motion::ProductLed);
    inputs.self_serve.cost_per_signup = 1.0;
    let b = brief_of(None, &inputs);
    assert!(
        b.sentences[1].contains("inside the usual 12-month bar"),
        "{}",
        b.sentences[1]
    );
}

#[test]
fn the_cash_sentence_names_the_trough_and_when_cash_is_back() {
    let inputs = preset(Motion::SalesLed);
    let s = simulate(&inputs).summary;
    let b = brief_of(None, &inputs);
    let Some(trough) = s.trough else {
        panic!("the sales-led preset goes below zero first");
    };
    assert!(
        b.sentences[2].contains(&format!("month {}", trough.month)),
        "{}",
        b.sentences[2]
    );
    assert!(b.sentences[2].contains(&format::money(trough.dollars)));
    match s.cash_payback {
        CashPayback::PaidBackIn(p) => {
            assert!(b.sentences[2].contains(&format!("back by month {p}")))
        }
        CashPayback::NotWithinHorizon => assert!(b.sentences[2].contains("not recovered")),
        CashPayback::NeverNegative => unreachable!("there is a trough"),
    }
}

#[test]
fn a_scenario_without_customers_says_so_in_every_sentence() {
    let mut inputs = preset(Motion::ProductLed);
    inputs.self_serve.enabled = false;
    let b = brief_of(Some(Motion::ProductLed), &inputs);
    assert!(
        b.sentences[0].contains("brings no revenue"),
        "{}",
        b.sentences[0]
    );
    assert!(
        b.sentences[1].contains("No customer is won"),
        "{}",
        b.sentences[1]
    );
    for s in &b.sentences {
        assert!(!s.contains("NaN") && !s.contains("inf"), "{s}");
    }
}

#[test]
fn reality_check_findings_come_first_ranked_by_how_much_the_result_hangs_on_them() {
    let mut inputs = preset(Motion::HybridFreemiumEnterprise);
    inputs.gross_margin_pct = 99.0;
    inputs.sales_led.win_pct = 80.0;
    inputs.self_serve.free_to_paid_pct = 75.0;
    let b = brief_of(None, &inputs);
    assert_eq!(b.attention.len(), MAX_ATTENTION);
    assert!(b
        .attention
        .iter()
        .all(|a| matches!(a.source, Source::RealityCheck(_))));
    for pair in b.attention.windows(2) {
        assert!(pair[0].effect >= pair[1].effect, "{pair:?}");
    }
    let fields: Vec<_> = b.attention.iter().filter_map(|a| a.field).collect();
    for f in [
        FieldId::GrossMarginPct,
        FieldId::SlWinPct,
        FieldId::SsFreeToPaidPct,
    ] {
        assert!(fields.contains(&f), "{f:?} in {fields:?}");
    }
}

#[test]
fn a_plausible_scenario_lists_the_inputs_the_result_hangs_on_from_the_tornado() {
    let inputs = preset(Motion::SalesLedProductAdoption);
    let b = brief_of(None, &inputs);
    assert!(b.caveat.is_none(), "{:?}", b.caveat);
    assert!(!b.attention.is_empty());
    let s = tornado(&inputs, Swing::DEFAULT);
    let output = match b.attention[0].source {
        Source::Sensitivity(o) => o,
        other => panic!("a tornado item, got {other:?}"),
    };
    let Some(chart) = s.chart(output) else {
        panic!("a chart for {output:?}");
    };
    // The first item is the tornado's longest bar, named with its value.
    assert_eq!(b.attention[0].field, Some(chart.rows[0].field));
    assert!(b.attention[0]
        .problem
        .contains(&gtm_workbench::domain::brief::sentence_name(
            chart.rows[0].field
        )));
    // Each item names a different input and suggests something to do.
    let mut fields: Vec<_> = b.attention.iter().filter_map(|a| a.field).collect();
    fields.dedup();
    assert_eq!(fields.len(), b.attention.len());
    assert!(b.attention.iter().all(|a| !a.action.is_empty()));
}

#[test]
fn a_weak_payback_suggests_the_move_that_shortens_it_with_the_figure_it_gives() {
    let mut inputs = preset(Motion::SalesLed);
    inputs.sales_led.cost_per_opportunity *= 2.0;
    let b = brief_of(None, &inputs);
    let lever = b
        .attention
        .iter()
        .find(|a| a.source == Source::Sensitivity(Output::Payback))
        .unwrap_or_else(|| panic!("a payback lever in {:?}", b.attention));
    assert!(
        lever.action.starts_with("Lower") || lever.action.starts_with("Raise"),
        "{}",
        lever.action
    );
    assert!(
        lever.action.contains("CAC payback becomes"),
        "{}",
        lever.action
    );
}

#[test]
fn no_move_is_suggested_that_would_leave_what_real_companies_show() {
    // Raising a 78 % margin by a fifth gives 93.6 %, above the 70–85 % band.
    let inputs = preset(Motion::SalesLedProductAdoption);
    let b = brief_of(None, &inputs);
    assert!(b
        .attention
        .iter()
        .all(|a| a.field != Some(FieldId::GrossMarginPct)));
    assert_eq!(b.attention.len(), MAX_ATTENTION);
}
