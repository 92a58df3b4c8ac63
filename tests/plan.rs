//! Native tests for the Plan page's pure logic: the PQL estimate, playbook
//! editing, metrics, checklist, Markdown report and scenario by quarter.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeSet, HashSet};

use gtm_workbench::domain::brief::{brief, Brief};
use gtm_workbench::domain::economics::{Ltv, LtvCac, Payback};
use gtm_workbench::domain::insight::{tornado, Swing};
use gtm_workbench::domain::motion::Motion;
use gtm_workbench::domain::plan::{
    self, assumption, checklist, current_figure, estimate, metrics_for, quarterly_rows,
    report_markdown, scenario_figure, simulator_formula, CapacityStatus, CurrentFigure, Figure,
    FigureUnit, NoFigure, PilotMetric, PilotPlan, PlanError, PlanState, PqlRule, PqlVolumes,
    QuarterRow, ReportInput, ReportRow, ReportRule, RuleDraft, ASSUMED_METRICS, REPORT_SECTIONS,
    SIMULATOR_METRIC_IDS,
};
use gtm_workbench::domain::sim::{
    preset, simulate, ByChannel, FieldId, MagicNumber, MonthRow, Projection, ScenarioInputs,
    Summary,
};
use proptest::prelude::*;

const EPS: f64 = 1e-9;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < EPS
}

fn close_opt(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| close(a, b))
}

// ---------------------------------------------------------------------------
// PQL estimate
// ---------------------------------------------------------------------------

fn rule(id: u32, owner: &str, share_pct: f64) -> PqlRule {
    PqlRule {
        id,
        signal: format!("signal {id}"),
        threshold: 1.0,
        unit: "times".into(),
        action: "act".into(),
        owner: owner.into(),
        share_pct,
    }
}

fn volumes(active: f64, per_rep: f64, reps: f64) -> PqlVolumes {
    PqlVolumes {
        active_free_accounts: active,
        accounts_per_rep: per_rep,
        reps,
        use_simulator: false,
        free_active_months: 3,
    }
}

#[test]
fn default_playbook_estimate_matches_hand_arithmetic() {
    // 2,000 active free accounts; shares 8%, 2%, 1%, 3%.
    //   rule 1 (marketing automation): 2000 × 8 ÷ 100 = 160
    //   rule 2 (SDR):                  2000 × 2 ÷ 100 = 40
    //   rule 3 (AE):                   2000 × 1 ÷ 100 = 20
    //   rule 4 (customer success):     2000 × 3 ÷ 100 = 60
    // all rules: upper 160+40+20+60 = 280, lower max = 160
    // people:    upper 40+20+60 = 120, lower max(40,20,60) = 60
    // capacity 2 reps × 100 = 200 ≥ 120 → within, people needed ⌈120/100⌉ = 2, ⌈60/100⌉ = 1
    let s = PlanState::default();
    let e = estimate(&s.rules, &s.volumes);
    let flagged: Vec<f64> = e.per_rule.iter().map(|r| r.flagged_per_month).collect();
    assert_eq!(flagged, vec![160.0, 40.0, 20.0, 60.0]);
    assert_eq!(
        e.per_rule
            .iter()
            .map(|r| r.needs_people)
            .collect::<Vec<_>>(),
        vec![false, true, true, true]
    );
    assert!(close(e.flagged_upper, 280.0));
    assert!(close(e.flagged_lower, 160.0));
    assert!(close(e.human_upper, 120.0));
    assert!(close(e.human_lower, 60.0));
    assert!(close(e.capacity_per_month, 200.0));
    assert_eq!(e.people_needed_upper, 2);
    assert_eq!(e.people_needed_lower, 1);
    assert_eq!(e.status, CapacityStatus::Within);
    assert!(e.warning.is_none());
}

#[test]
fn capacity_warning_appears_when_the_upper_bound_exceeds_the_team() {
    // 5,000 active; SDR 4% = 200, AE 2% = 100, automation 10% = 500 (needs nobody).
    // human upper 200+100 = 300, lower 200; one rep × 250 = 250.
    // 300 > 250 but 200 ≤ 250 → maybe over; people ⌈300/250⌉ = 2.
    let rules = vec![
        rule(1, "SDR", 4.0),
        rule(2, "Account executive", 2.0),
        rule(3, "Marketing automation", 10.0),
    ];
    let e = estimate(&rules, &volumes(5_000.0, 250.0, 1.0));
    assert!(close(e.human_upper, 300.0));
    assert!(close(e.human_lower, 200.0));
    assert!(close(e.flagged_upper, 800.0));
    assert_eq!(e.status, CapacityStatus::MaybeOver);
    assert_eq!(e.people_needed_upper, 2);
    let w = e.warning.expect("a warning");
    assert!(w.contains("300") && w.contains("250"), "{w}");
}

#[test]
fn capacity_warning_is_firm_when_even_full_overlap_exceeds_the_team() {
    // 10,000 active; SDR 5% = 500, CS 1% = 100; one rep × 120 = 120.
    // lower bound 500 > 120 → over; people ⌈500/120⌉ = ⌈4.17⌉ = 5, upper ⌈600/120⌉ = 5.
    let rules = vec![rule(1, "SDR", 5.0), rule(2, "Customer success", 1.0)];
    let e = estimate(&rules, &volumes(10_000.0, 120.0, 1.0));
    assert_eq!(e.status, CapacityStatus::Over);
    assert_eq!(e.people_needed_lower, 5);
    assert_eq!(e.people_needed_upper, 5);
    assert!(e.warning.is_some_and(|w| w.contains("500")));
}

#[test]
fn no_warning_when_under_or_exactly_at_capacity() {
    // 1,000 active; SDR 7% = 70, AE 3% = 30 → 100 = 2 reps × 50 exactly.
    let rules = vec![rule(1, "SDR", 7.0), rule(2, "AE", 3.0)];
    let e = estimate(&rules, &volumes(1_000.0, 50.0, 2.0));
    assert!(close(e.human_upper, 100.0));
    assert_eq!(e.status, CapacityStatus::Within);
    assert!(e.warning.is_none());
    // 70 ÷ 35 is exactly 2 people, not 3 from floating-point noise.
    let e = estimate(&[rule(1, "SDR", 7.0)], &volumes(1_000.0, 35.0, 2.0));
    assert_eq!(e.people_needed_upper, 2);
}

#[test]
fn automated_rules_need_no_people() {
    // Everything automated: 1,000 × 50% = 500 flagged, nobody needed, no reps → fine.
    let rules = vec![
        rule(1, "Marketing Automation", 50.0),
        rule(2, "automated email", 10.0),
    ];
    let e = estimate(&rules, &volumes(1_000.0, 100.0, 0.0));
    assert!(close(e.flagged_upper, 600.0));
    assert!(close(e.human_upper, 0.0));
    assert_eq!(e.people_needed_upper, 0);
    assert_eq!(e.status, CapacityStatus::Within);
    assert!(e.by_owner.is_empty());
}

#[test]
fn zero_reps_with_human_work_warns() {
    // 100 × 10% = 10 accounts for an SDR, nobody to work them.
    let e = estimate(&[rule(1, "SDR", 10.0)], &volumes(100.0, 20.0, 0.0));
    assert_eq!(e.status, CapacityStatus::Over);
    assert_eq!(e.people_needed_lower, 1);
}

#[test]
fn load_is_grouped_per_human_owner() {
    // 2,000 active: SDR 2% = 40 and " sdr " 1% = 20 → SDR 60 → ⌈60/50⌉ = 2; AE 1% = 20 → 1.
    let rules = vec![
        rule(1, "SDR", 2.0),
        rule(2, "Account executive", 1.0),
        rule(3, " sdr ", 1.0),
        rule(4, "Marketing automation", 5.0),
    ];
    let e = estimate(&rules, &volumes(2_000.0, 50.0, 3.0));
    assert_eq!(e.by_owner.len(), 2);
    assert_eq!(e.by_owner[0].owner, "SDR");
    assert!(close(e.by_owner[0].accounts_per_month, 60.0));
    assert_eq!(e.by_owner[0].people_needed, 2);
    assert_eq!(e.by_owner[1].owner, "Account executive");
    assert_eq!(e.by_owner[1].people_needed, 1);
}

#[test]
fn estimate_survives_garbage_volumes() {
    let rules = vec![rule(1, "SDR", 150.0), rule(2, "AE", f64::NAN)];
    let e = estimate(&rules, &volumes(f64::INFINITY, -3.0, f64::NAN));
    for x in [
        e.flagged_upper,
        e.flagged_lower,
        e.human_upper,
        e.human_lower,
        e.capacity_per_month,
    ] {
        assert!(x.is_finite());
    }
    // Shares above 100 are clamped: 1,000 × 100% = 1,000.
    let e = estimate(&[rule(1, "SDR", 150.0)], &volumes(1_000.0, 100.0, 1.0));
    assert!(close(e.human_upper, 1_000.0));
}

/// The case: four rules at 60 % each on 2,000 active free accounts
/// add up to 4,800 accounts a month, 240 % of the base. An account is
/// flagged once however many rules it matches, so the upper bounds stop at
/// 2,000 and the page is told why.
#[test]
fn rules_adding_up_to_more_than_the_base_are_capped_at_the_base_and_warned() {
    let rules = vec![
        rule(1, "SDR", 60.0),
        rule(2, "Account executive", 60.0),
        rule(3, "Customer success", 60.0),
        rule(4, "Marketing automation", 60.0),
    ];
    let e = estimate(&rules, &volumes(2_000.0, 100.0, 2.0));
    assert!(close(e.flagged_sum, 4_800.0));
    assert!(close(e.flagged_upper, 2_000.0));
    assert!(close(e.flagged_lower, 1_200.0));
    // People work three rules: 3,600 added up, at most the 2,000 there are.
    assert!(close(e.human_upper, 2_000.0));
    assert_eq!(e.people_needed_upper, 20);
    let warning = e.base_warning.unwrap_or_default();
    assert!(warning.contains("4,800"), "{warning}");
    assert!(warning.contains("2,000"), "{warning}");
    assert!(warning.contains("240%"), "{warning}");

    // Shares adding up to exactly the base are possible without overlap.
    let whole = vec![rule(1, "SDR", 50.0), rule(2, "AE", 50.0)];
    let e = estimate(&whole, &volumes(2_000.0, 100.0, 2.0));
    assert_eq!(e.base_warning, None);
    assert!(close(e.flagged_upper, 2_000.0));
    // No base, nothing flagged, nothing to warn about.
    let e = estimate(&rules, &volumes(0.0, 100.0, 2.0));
    assert_eq!(e.base_warning, None);
}

proptest! {
    #[test]
    fn estimate_outputs_are_finite_and_bounds_ordered(
        active in 0.0f64..1e8,
        per_rep in 1.0f64..1e4,
        reps in 0.0f64..1e3,
        shares in proptest::collection::vec(0.0f64..=100.0, 0..8),
    ) {
        let rules: Vec<PqlRule> = shares
            .iter()
            .enumerate()
            .map(|(i, s)| rule(i as u32 + 1, if i % 3 == 0 { "Marketing automation" } else { "SDR" }, *s))
            .collect();
        let e = estimate(&rules, &volumes(active, per_rep, reps));
        prop_assert!(e.flagged_upper.is_finite() && e.flagged_lower.is_finite());
        prop_assert!(e.human_lower <= e.human_upper + 1e-6);
        prop_assert!(e.flagged_lower <= e.flagged_upper + 1e-6);
        prop_assert!(e.human_upper <= e.flagged_upper + 1e-6);
        prop_assert!(e.people_needed_lower <= e.people_needed_upper);
        prop_assert_eq!(e.warning.is_some(), e.status != CapacityStatus::Within);
        // Never more accounts than the base; warned exactly when the rules
        // add up to more.
        prop_assert!(e.flagged_upper <= active + 1e-6);
        prop_assert!(e.by_owner.iter().all(|o| o.accounts_per_month <= active + 1e-6));
        prop_assert_eq!(e.base_warning.is_some(), e.flagged_sum > active + 1e-9);
    }
}

// ---------------------------------------------------------------------------
// Playbook editing and validation
// ---------------------------------------------------------------------------

fn draft(signal: &str, threshold: f64) -> RuleDraft {
    RuleDraft {
        signal: signal.into(),
        threshold,
        ..RuleDraft::default()
    }
}

fn ids(s: &PlanState) -> Vec<u32> {
    s.rules.iter().map(|r| r.id).collect()
}

#[test]
fn default_plan_state_is_valid_with_four_rules() {
    let s = PlanState::default();
    assert!(s.validate().is_ok());
    assert_eq!(ids(&s), vec![1, 2, 3, 4]);
    assert_eq!(s.next_rule_id, 5);
    let thresholds: Vec<f64> = s.rules.iter().map(|r| r.threshold).collect();
    assert_eq!(thresholds, vec![3.0, 10.0, 3.0, 200.0]);
}

#[test]
fn rules_are_added_updated_reordered_and_removed() {
    let mut s = PlanState::default();
    let id = s.add_rule(draft("Invited two teammates", 2.0)).unwrap();
    assert_eq!(id, 5);
    assert_eq!(ids(&s), vec![1, 2, 3, 4, 5]);
    assert_eq!(s.next_rule_id, 6);

    assert_eq!(s.move_up(5), Ok(true));
    assert_eq!(ids(&s), vec![1, 2, 3, 5, 4]);
    assert_eq!(s.move_down(1), Ok(true));
    assert_eq!(ids(&s), vec![2, 1, 3, 5, 4]);
    assert_eq!(s.move_up(2), Ok(false));
    assert_eq!(s.move_down(4), Ok(false));
    assert_eq!(s.move_up(99), Err(PlanError::UnknownRule(99)));

    s.update(5, draft("Invited three teammates", 3.0)).unwrap();
    let r = s.rule(5).unwrap();
    assert_eq!(r.signal, "Invited three teammates");
    assert_eq!(r.threshold, 3.0);
    assert_eq!(ids(&s), vec![2, 1, 3, 5, 4]);

    let removed = s.remove(3).unwrap();
    assert_eq!(removed.id, 3);
    assert_eq!(ids(&s), vec![2, 1, 5, 4]);
    assert!(s.remove(3).is_err());

    // Removed ids are not reused.
    assert_eq!(s.add_rule(RuleDraft::default()).unwrap(), 6);
    assert!(s.validate().is_ok());
}

#[test]
fn edits_change_the_estimate() {
    let mut s = PlanState::default();
    let before = estimate(&s.rules, &s.volumes).human_upper;
    let mut d = RuleDraft {
        signal: "Active users on one account".into(),
        threshold: 10.0,
        unit: "users".into(),
        action: "SDR outreach".into(),
        owner: "SDR".into(),
        share_pct: 7.0,
    };
    s.update(2, d.clone()).unwrap();
    // SDR share 2% → 7%: +5% of 2,000 = +100 accounts for people.
    let after = estimate(&s.rules, &s.volumes).human_upper;
    assert!(close(after - before, 100.0));
    d.owner = "Marketing automation".into();
    s.update(2, d).unwrap();
    // Now the 140 accounts of rule 2 need nobody: 120 − 40 = 80.
    assert!(close(estimate(&s.rules, &s.volumes).human_upper, 80.0));
}

#[test]
fn bad_thresholds_and_texts_are_refused_and_leave_state_unchanged() {
    let mut s = PlanState::default();
    let before = s.clone();
    for t in [f64::NAN, f64::INFINITY, -1.0, 1e7] {
        let err = s.add_rule(draft("x", t)).unwrap_err();
        match err {
            PlanError::Invalid(f) => assert!(f.field.ends_with(".threshold"), "{}", f.field),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(s.add_rule(draft("   ", 1.0)).is_err());
    assert!(s.add_rule(draft(&"a".repeat(81), 1.0)).is_err());
    assert!(s.add_rule(draft(&"a".repeat(80), 1.0)).is_ok());
    let mut s2 = before.clone();
    assert!(s2
        .update(
            1,
            RuleDraft {
                share_pct: 101.0,
                ..RuleDraft::default()
            }
        )
        .is_err());
    assert!(s2.update(1, draft("ok", -0.5)).is_err());
    assert_eq!(s2, before);
    assert_eq!(plan::check_text("  "), Err(plan::TextError::Empty));
    assert_eq!(plan::check_text("  fine "), Ok("fine"));
}

#[test]
fn playbook_is_capped_at_the_rule_limit() {
    let mut s = PlanState::default();
    while s.rules.len() < plan::MAX_RULES {
        s.add_rule(RuleDraft::default()).unwrap();
    }
    assert_eq!(
        s.add_rule(RuleDraft::default()),
        Err(PlanError::TooManyRules {
            max: plan::MAX_RULES
        })
    );
}

#[test]
fn validate_rejects_bad_stored_rules_ids_and_volumes() {
    let good = PlanState::default();

    let mut s = good.clone();
    s.rules[1].threshold = f64::NAN;
    assert_eq!(s.validate().unwrap_err().field, "plan.rules[1].threshold");

    let mut s = good.clone();
    s.rules[0].threshold = 2e6;
    assert_eq!(s.validate().unwrap_err().field, "plan.rules[0].threshold");

    let mut s = good.clone();
    s.rules[2].id = 1;
    assert_eq!(s.validate().unwrap_err().field, "plan.rules[2].id");

    let mut s = good.clone();
    s.next_rule_id = 4;
    assert_eq!(s.validate().unwrap_err().field, "plan.next_rule_id");

    let mut s = good.clone();
    s.rules[3].owner = String::new();
    assert_eq!(s.validate().unwrap_err().field, "plan.rules[3].owner");

    let mut s = good.clone();
    s.volumes.accounts_per_rep = 0.0;
    assert_eq!(
        s.validate().unwrap_err().field,
        "plan.volumes.accounts_per_rep"
    );

    let mut s = good.clone();
    s.checklist.insert("audit.nonsense".into());
    assert_eq!(s.validate().unwrap_err().field, "plan.checklist");

    let mut s = good.clone();
    s.pilot.weeks = 0;
    assert_eq!(s.validate().unwrap_err().field, "plan.pilot.weeks");

    let mut s = good;
    s.pilot.metrics.push(PilotMetric {
        name: "x".repeat(81),
        target: String::new(),
    });
    assert_eq!(
        s.validate().unwrap_err().field,
        "plan.pilot.metrics[0].name"
    );
}

#[test]
fn plan_state_round_trips_through_json_and_rejects_unknown_fields() {
    let mut s = PlanState {
        metrics_motion: Some(Motion::HybridFreemiumEnterprise),
        pilot: PilotPlan {
            segment: "Agencies under 50 staff".into(),
            motion: Some(Motion::ProductLedSalesAssist),
            weeks: 8,
            metrics: plan::suggested_pilot_metrics(Motion::ProductLedSalesAssist),
        },
        ..PlanState::default()
    };
    s.toggle_task("audit.map-journey");
    let json = serde_json::to_string(&s).unwrap();
    let back: PlanState = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    assert!(back.validate().is_ok());

    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    v["volumes"]["surprise"] = serde_json::json!(1);
    assert!(serde_json::from_value::<PlanState>(v).is_err());
}

// ---------------------------------------------------------------------------
// Metrics and formulas
// ---------------------------------------------------------------------------

#[test]
fn every_motion_lists_known_metrics_without_repeats() {
    for m in Motion::ALL {
        let list = metrics_for(m);
        assert!(list.len() >= 6, "{m:?}");
        let ids: HashSet<&str> = list.iter().map(|x| x.id).collect();
        assert_eq!(ids.len(), list.len(), "{m:?} repeats a metric");
        for x in &list {
            assert!(!x.name.is_empty() && !x.definition.is_empty() && !x.formula.is_empty());
        }
    }
    let all: HashSet<&str> = plan::all_metrics().iter().map(|m| m.id).collect();
    assert_eq!(all.len(), plan::all_metrics().len());
}

#[test]
fn simulator_backed_metrics_use_the_simulator_ids() {
    for id in SIMULATOR_METRIC_IDS {
        let m = plan::metric(id).unwrap_or_else(|| panic!("no metric {id}"));
        assert_eq!(m.simulator_id(), Some(id));
    }
    assert_eq!(
        plan::metric("win_rate").and_then(|m| m.simulator_id()),
        None
    );
    let pl: Vec<&str> = metrics_for(Motion::ProductLed)
        .iter()
        .map(|m| m.id)
        .collect();
    assert!(pl.contains(&"activation_rate") && pl.contains(&"free_to_paid"));
    let sl: Vec<&str> = metrics_for(Motion::SalesLed).iter().map(|m| m.id).collect();
    assert!(sl.contains(&"win_rate") && sl.contains(&"pipeline_coverage"));
    assert!(!sl.contains(&"free_to_paid"));
}

#[test]
fn metric_formulas_match_hand_computed_values() {
    // 120 activated of 400 sign-ups = 0.3
    assert!(close_opt(plan::activation_rate(120.0, 400.0), 0.3));
    // 9 won of 36 opportunities = 0.25
    assert!(close_opt(plan::win_rate(9.0, 36.0), 0.25));
    // $900K pipeline for a $300K target = 3×
    assert!(close_opt(
        plan::pipeline_coverage(900_000.0, 300_000.0),
        3.0
    ));
    // NRR = (100,000 + 15,000 − 3,000 − 2,000) ÷ 100,000 = 110,000 ÷ 100,000 = 1.1
    assert!(close_opt(
        plan::nrr(100_000.0, 15_000.0, 3_000.0, 2_000.0),
        1.1
    ));
    // 30 upgrades of 1,000 free = 0.03
    assert!(close_opt(plan::free_to_paid(30.0, 1_000.0), 0.03));
    // 6 paid of 60 PQLs = 0.1; 15 opportunities of 60 = 0.25
    assert!(close_opt(plan::pql_to_paid(6.0, 60.0), 0.1));
    assert!(close_opt(plan::pql_to_opportunity(15.0, 60.0), 0.25));
    // expansion 5,000 of 50,000 = 0.1
    assert!(close_opt(plan::expansion_rate(5_000.0, 50_000.0), 0.1));
    // 4 lost of 200 = 0.02
    assert!(close_opt(plan::logo_churn(4.0, 200.0), 0.02));
    // CAC = 60,000 ÷ 40 = 1,500
    assert!(close_opt(plan::cac(60_000.0, 40.0), 1_500.0));
    // payback = 1,500 ÷ (250 × 0.8) = 1,500 ÷ 200 = 7.5 months
    assert!(close_opt(plan::payback_months(1_500.0, 250.0, 0.8), 7.5));
    // LTV:CAC = 6,000 ÷ 1,500 = 4
    assert!(close_opt(plan::ltv_cac(6_000.0, 1_500.0), 4.0));
    // magic number = 90,000 ÷ 120,000 = 0.75; −30,000 ÷ 120,000 = −0.25
    assert!(close_opt(plan::magic_number(90_000.0, 120_000.0), 0.75));
    assert!(close_opt(plan::magic_number(-30_000.0, 120_000.0), -0.25));
    // DAU/MAU = 300 ÷ 1,200 = 0.25; viral = 4 × 0.3 = 1.2
    assert!(close_opt(plan::dau_mau(300.0, 1_200.0), 0.25));
    assert!(close_opt(plan::viral_coefficient(4.0, 0.3), 1.2));
}

#[test]
fn metric_formulas_return_none_for_zero_denominators() {
    assert_eq!(plan::activation_rate(5.0, 0.0), None);
    assert_eq!(plan::win_rate(0.0, 0.0), None);
    assert_eq!(plan::pipeline_coverage(10.0, 0.0), None);
    assert_eq!(plan::nrr(0.0, 10.0, 0.0, 0.0), None);
    assert_eq!(plan::free_to_paid(1.0, 0.0), None);
    assert_eq!(plan::pql_to_paid(1.0, 0.0), None);
    assert_eq!(plan::logo_churn(1.0, 0.0), None);
    assert_eq!(plan::cac(100.0, 0.0), None);
    assert_eq!(plan::payback_months(100.0, 0.0, 0.8), None);
    assert_eq!(plan::payback_months(100.0, 50.0, 0.0), None);
    assert_eq!(plan::ltv_cac(100.0, 0.0), None);
    assert_eq!(plan::magic_number(100.0, 0.0), None);
    assert_eq!(plan::dau_mau(1.0, 0.0), None);
    // Nonsense inputs are undefined too, never NaN.
    assert_eq!(plan::win_rate(f64::NAN, 10.0), None);
    assert_eq!(plan::nrr(100.0, 0.0, 80.0, 40.0), None);
    assert_eq!(plan::nrr(100.0, -1.0, 0.0, 0.0), None);
    assert_eq!(plan::viral_coefficient(-1.0, 0.5), None);
    // 0 of something is 0, not undefined.
    assert_eq!(plan::win_rate(0.0, 10.0), Some(0.0));
}

// ---------------------------------------------------------------------------
// Checklist
// ---------------------------------------------------------------------------

#[test]
fn checklist_has_the_five_steps_with_three_to_five_tasks_each() {
    let titles: Vec<&str> = checklist(Motion::ProductLed)
        .iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles.len(), 5);
    assert!(titles[0].starts_with("Audit"));
    assert!(titles[4].contains("culture"));
    for m in Motion::ALL {
        for step in checklist(m) {
            assert!(
                (3..=5).contains(&step.tasks.len()),
                "{m:?} {}: {} tasks",
                step.id,
                step.tasks.len()
            );
            for t in &step.tasks {
                assert!(t.id.starts_with(&format!("{}.", step.id)), "{}", t.id);
                assert!(!t.text.trim().is_empty());
            }
        }
    }
}

#[test]
fn checklist_task_ids_are_unique_per_motion() {
    for m in Motion::ALL {
        let all: Vec<String> = checklist(m)
            .into_iter()
            .flat_map(|s| s.tasks)
            .map(|t| t.id)
            .collect();
        let set: HashSet<&String> = all.iter().collect();
        assert_eq!(set.len(), all.len(), "{m:?}");
    }
}

#[test]
fn checklist_ids_are_stable_across_calls_and_shared_tasks_keep_their_id() {
    for m in Motion::ALL {
        assert_eq!(checklist(m), checklist(m));
    }
    // Saved ticks depend on these exact ids; renaming one loses users' ticks.
    let pl: Vec<String> = checklist(Motion::ProductLed)[0]
        .tasks
        .iter()
        .map(|t| t.id.clone())
        .collect();
    assert!(pl.contains(&"audit.map-journey".to_string()));
    let sl = checklist(Motion::SalesLed);
    assert!(sl[0].tasks.iter().any(|t| t.id == "audit.map-journey"));
    assert!(sl[3].tasks.iter().any(|t| t.id == "tools.crm"));
    let pls = checklist(Motion::ProductLedSalesAssist);
    assert!(pls[3].tasks.iter().any(|t| t.id == "tools.pql-alerts"));
}

#[test]
fn checklists_differ_between_product_led_and_sales_led() {
    let set = |m: Motion| -> BTreeSet<String> {
        checklist(m)
            .into_iter()
            .flat_map(|s| s.tasks)
            .map(|t| t.id)
            .collect()
    };
    let pl = set(Motion::ProductLed);
    let sl = set(Motion::SalesLed);
    assert!(pl.intersection(&sl).count() >= 3, "some tasks are shared");
    assert!(
        pl.difference(&sl).count() >= 3,
        "some tasks are product-led only"
    );
    assert!(
        sl.difference(&pl).count() >= 3,
        "some tasks are sales-led only"
    );
}

#[test]
fn ticks_toggle_persist_across_motions_and_count_progress() {
    let mut s = PlanState::default();
    assert!(s.toggle_task("audit.map-journey"));
    assert!(s.toggle_task("tools.crm"));
    assert!(!s.toggle_task("made.up"));
    assert!(s.validate().is_ok());
    let (done_pl, total_pl) = plan::progress(Motion::ProductLed, &s.checklist);
    let total_expected: usize = checklist(Motion::ProductLed)
        .iter()
        .map(|st| st.tasks.len())
        .sum();
    assert_eq!((done_pl, total_pl), (1, total_expected)); // tools.crm is not a PL task
    let (done_sl, _) = plan::progress(Motion::SalesLed, &s.checklist);
    assert_eq!(done_sl, 2);
    assert!(!s.toggle_task("tools.crm"));
    assert_eq!(plan::progress(Motion::SalesLed, &s.checklist).0, 1);
}

// ---------------------------------------------------------------------------
// Markdown report
// ---------------------------------------------------------------------------

fn sample_report() -> ReportInput {
    let s = PlanState::default();
    let e = estimate(&s.rules, &s.volumes);
    let mut ticked = BTreeSet::new();
    ticked.insert("audit.map-journey".to_string());
    ReportInput {
        title: "Acme growth plan".into(),
        brief: None,
        assessment: vec![
            "Motion: Product-led with sales assist".into(),
            "Position: −35 (product-led side)".into(),
            "Confidence: 72%".into(),
        ],
        comparison: vec![ReportRow {
            dimension: "Pricing | packaging".into(),
            sales_led: "Negotiated".into(),
            hybrid: "Tiers | quotes".into(),
            product_led: "Self-serve".into(),
        }],
        scenario: vec!["Blended CAC: $1,500".into(), "LTV:CAC: 4.0".into()],
        quarters: vec![
            QuarterRow {
                month: 3,
                mrr: 1_499.6,
                customers: 12.4,
                cumulative_cash: -20_000.4,
            },
            QuarterRow {
                month: 6,
                mrr: 1_234_567.0,
                customers: 1_000.0,
                cumulative_cash: 0.2,
            },
        ],
        rules: s
            .rules
            .iter()
            .zip(&e.per_rule)
            .map(|(r, x)| ReportRule::from_rule(r, x.flagged_per_month))
            .collect(),
        estimate: vec!["Up to 120 accounts a month for people; capacity 200.".into()],
        metrics: vec!["Activation rate = activated ÷ sign-ups".into()],
        checklist: plan::report_checklist(Motion::ProductLedSalesAssist, &ticked),
        pilot: PilotPlan {
            segment: "Agencies\nunder 50 staff".into(),
            motion: Some(Motion::ProductLedSalesAssist),
            weeks: 8,
            metrics: vec![PilotMetric {
                name: "PQL-to-paid".into(),
                target: "≥ 8% | stretch 12%".into(),
            }],
        },
        pilot_motion: "Product-led with sales assist".into(),
    }
}

#[test]
fn markdown_report_contains_every_section_in_order() {
    let md = report_markdown(&sample_report());
    assert!(md.starts_with("# Acme growth plan\n"));
    let mut last = 0;
    for section in REPORT_SECTIONS {
        let at = md
            .find(&format!("\n## {section}\n"))
            .unwrap_or_else(|| panic!("missing section {section}:\n{md}"));
        assert!(at > last, "{section} out of order");
        last = at;
    }
    assert!(md.contains("- [x] Map each step"));
    assert!(md.contains("- [ ] "));
    assert!(md.contains("| Core features used by a free account | 3 features |"));
    assert!(md.contains("| 200% |"));
    assert!(md.contains("Duration: 8 weeks"));
    assert!(md.contains("Segment: Agencies under 50 staff"));
}

/// The brief of a preset scenario, as the page writes it.
fn preset_brief(motion: Motion, edit: impl FnOnce(&mut ScenarioInputs)) -> Brief {
    let mut inputs = preset(motion);
    edit(&mut inputs);
    let projection = simulate(&inputs);
    let sensitivity = tornado(&inputs, Swing::DEFAULT);
    brief(Some(motion), &inputs, &projection.summary, &sensitivity)
}

#[test]
fn markdown_report_opens_with_the_brief_the_page_shows() {
    let b = preset_brief(Motion::SalesLed, |_| {});
    let md = report_markdown(&ReportInput {
        brief: Some(b.clone()),
        ..sample_report()
    });
    let at = md.find("\n## In brief\n").unwrap_or(usize::MAX);
    assert!(at < md.find("\n## Assessment\n").unwrap_or(0), "{md}");
    assert!(md.contains(&b.sentences.join(" ")), "{md}");
    assert!(md.contains("### What needs attention first\n\n"));
    for (n, item) in b.attention.iter().enumerate() {
        assert!(
            md.contains(&format!("{}. {} {}\n", n + 1, item.problem, item.action)),
            "{md}"
        );
    }
    // Other numbers, another brief.
    let cheaper = preset_brief(Motion::SalesLed, |i| {
        i.sales_led.pipeline_spend_per_month *= 0.5;
    });
    assert_ne!(cheaper.sentences, b.sentences);
    let md2 = report_markdown(&ReportInput {
        brief: Some(cheaper.clone()),
        ..sample_report()
    });
    assert!(md2.contains(&cheaper.sentences.join(" ")));
    assert!(!md2.contains(&b.sentences.join(" ")));
}

#[test]
fn markdown_report_escapes_pipes_in_table_cells() {
    let md = report_markdown(&sample_report());
    assert!(md.contains("| Pricing \\| packaging | Negotiated | Tiers \\| quotes | Self-serve |"));
    assert!(md.contains("| PQL-to-paid | ≥ 8% \\| stretch 12% |"));
    // Every table line has the same number of unescaped separators as its header.
    for block in md.split("\n\n") {
        let lines: Vec<&str> = block.lines().filter(|l| l.starts_with('|')).collect();
        if let Some(head) = lines.first() {
            let count = |l: &str| l.replace("\\|", "").matches('|').count();
            for l in &lines {
                assert_eq!(count(l), count(head), "{l}");
            }
        }
    }
}

#[test]
fn markdown_report_marks_empty_sections() {
    let md = report_markdown(&ReportInput::default());
    for section in REPORT_SECTIONS {
        assert!(md.contains(&format!("## {section}")), "{section}");
    }
    assert!(md.starts_with("# GTM Workbench report"));
    assert!(md.matches("_Nothing here yet._").count() >= 6);
    assert!(md.contains("Segment: not chosen yet"));
}

#[test]
fn markdown_report_has_the_scenario_by_quarter_inside_the_scenario_section() {
    let md = report_markdown(&sample_report());
    let scenario = md.find("\n## Scenario\n").unwrap_or(usize::MAX);
    let table = md.find("### Scenario by quarter").unwrap_or(0);
    let playbook = md.find("\n## PQL playbook\n").unwrap_or(0);
    assert!(scenario < table && table < playbook, "{md}");
    assert!(md
        .contains("| Month | MRR | Paying customers | Cumulative cash |\n|---:|---:|---:|---:|\n"));
    // Whole dollars and customers, separators, a real minus sign; −0.4 of a
    // dollar rounds to $0, not −$0.
    assert!(md.contains("| 3 | $1,500 | 12 | −$20,000 |\n"), "{md}");
    assert!(md.contains("| 6 | $1,234,567 | 1,000 | $0 |\n"), "{md}");
}

#[test]
fn markdown_report_has_no_quarter_table_without_a_scenario() {
    let md = report_markdown(&ReportInput::default());
    assert!(!md.contains("Scenario by quarter"));
    assert!(!md.contains("NaN") && !md.contains("inf"));
}

// ---------------------------------------------------------------------------
// Scenario by quarter
// ---------------------------------------------------------------------------

fn month(n: u32, mrr: f64, customers: f64, cash: f64) -> MonthRow {
    MonthRow {
        month: n,
        mrr: ByChannel {
            self_serve: mrr * 0.75,
            sales_assist: 0.0,
            sales_led: mrr * 0.25,
        },
        active_customers: ByChannel {
            self_serve: customers,
            sales_assist: 0.0,
            sales_led: 0.0,
        },
        cumulative_cash: cash,
        ..MonthRow::default()
    }
}

#[test]
fn quarters_are_every_third_month_with_totals_over_channels() {
    let rows: Vec<MonthRow> = (1..=12)
        .map(|n| {
            month(
                n,
                100.0 * f64::from(n),
                f64::from(n),
                -1_000.0 + 200.0 * f64::from(n),
            )
        })
        .collect();
    let q = quarterly_rows(&rows);
    assert_eq!(q.iter().map(|r| r.month).collect::<Vec<_>>(), [3, 6, 9, 12]);
    // Month 6: MRR 600 (450 self-serve + 150 sales-led), 6 customers, cash −1,000 + 1,200 = 200.
    assert_eq!(
        q[1],
        QuarterRow {
            month: 6,
            mrr: 600.0,
            customers: 6.0,
            cumulative_cash: 200.0
        }
    );
}

#[test]
fn quarters_end_with_the_last_month_when_the_horizon_is_not_whole_quarters() {
    let rows: Vec<MonthRow> = (1..=13).map(|n| month(n, 10.0, 1.0, 0.0)).collect();
    let months: Vec<u32> = quarterly_rows(&rows).iter().map(|r| r.month).collect();
    assert_eq!(months, [3, 6, 9, 12, 13]);
    assert!(quarterly_rows(&[]).is_empty());
    let two: Vec<MonthRow> = (1..=2).map(|n| month(n, 10.0, 1.0, 0.0)).collect();
    assert_eq!(quarterly_rows(&two).len(), 1);
    // Non-finite numbers never reach the table.
    let bad = [month(3, f64::NAN, f64::INFINITY, f64::NEG_INFINITY)];
    let q = quarterly_rows(&bad);
    assert_eq!(
        (q[0].mrr, q[0].customers, q[0].cumulative_cash),
        (0.0, 0.0, 0.0)
    );
}

#[test]
fn quarters_of_a_simulated_scenario_match_its_months() {
    let p = simulate(&preset(Motion::HybridFreemiumEnterprise));
    let q = quarterly_rows(&p.rows);
    assert_eq!(q.len(), p.rows.len().div_ceil(3));
    for r in &q {
        let row = p.rows[(r.month - 1) as usize];
        assert!(close(r.mrr, row.mrr.total()));
        assert!(close(r.customers, row.active_customers.total()));
        assert!(close(r.cumulative_cash, row.cumulative_cash));
    }
}

// ---------------------------------------------------------------------------
// Current figures from the simulator
// ---------------------------------------------------------------------------

fn value(f: CurrentFigure) -> Figure {
    match f {
        CurrentFigure::Value(v) => v,
        other => panic!("expected a figure, got {other:?}"),
    }
}

/// A two-month projection written by hand: month 11 ends with 100 self-serve
/// and 50 sales-led customers; month 12 wins 10 and 2, and churns 3% and 1%
/// of the starting customers (3 and 0.5).
fn hand_projection(summary: Summary) -> Projection {
    let mut before = MonthRow {
        month: 11,
        ..MonthRow::default()
    };
    before.active_customers.self_serve = 100.0;
    before.active_customers.sales_led = 50.0;
    let mut last = MonthRow {
        month: 12,
        ..MonthRow::default()
    };
    last.new_customers.self_serve = 10.0;
    last.new_customers.sales_led = 2.0;
    last.active_customers.self_serve = 100.0 - 3.0 + 10.0;
    last.active_customers.sales_led = 50.0 - 0.5 + 2.0;
    Projection {
        rows: vec![before, last],
        summary,
        warnings: Vec::new(),
    }
}

#[test]
fn current_figures_read_the_summary_as_simulate_shows_it() {
    let p = hand_projection(Summary {
        blended_cac: Some(1_500.0),
        blended_ltv: Some(Ltv::Finite(6_000.0)),
        blended_ltv_cac: Some(LtvCac::Ratio(4.0)),
        blended_payback: Some(Payback::Months(7.5)),
        nrr_12m_pct: Some(104.2),
        magic_number: MagicNumber::Ratio(-0.25),
        ..Summary::default()
    });
    let cac = value(current_figure("cac_blended", &p));
    assert_eq!(cac.unit, FigureUnit::DollarsPerCustomer);
    assert_eq!(cac.text(), "$1,500.00");
    assert_eq!(value(current_figure("ltv_cac", &p)).text(), "4.00");
    assert!(!value(current_figure("ltv_cac", &p)).ltv_capped);
    assert_eq!(
        value(current_figure("payback_months", &p)).text(),
        "7.5 months"
    );
    assert_eq!(value(current_figure("nrr_12m", &p)).text(), "104.2%");
    assert_eq!(value(current_figure("magic_number", &p)).text(), "−0.25");
}

#[test]
fn logo_churn_is_customers_lost_in_the_last_month_over_those_at_its_start() {
    let p = hand_projection(Summary::default());
    // Lost = 150 at the start + 12 won − 158.5 at the end = 3.5; 3.5 ÷ 150 = 2.333…%.
    let churn = value(current_figure("logo_churn", &p));
    assert_eq!(churn.unit, FigureUnit::Percent);
    assert!(close(churn.value, 3.5 / 150.0 * 100.0), "{}", churn.value);
    assert_eq!(churn.text(), "2.3%");
}

#[test]
fn logo_churn_of_one_channel_equals_its_churn_input() {
    let inputs = preset(Motion::ProductLed);
    let p = simulate(&inputs);
    let churn = value(current_figure("logo_churn", &p));
    assert!(
        (churn.value - inputs.self_serve.churn_pct).abs() < 1e-6,
        "{} vs {}",
        churn.value,
        inputs.self_serve.churn_pct
    );
}

#[test]
fn a_capped_ltv_is_flagged_on_ltv_cac() {
    let p = hand_projection(Summary {
        blended_cac: Some(100.0),
        blended_ltv: Some(Ltv::Capped(4_800.0)),
        blended_ltv_cac: Some(LtvCac::Ratio(48.0)),
        ..Summary::default()
    });
    let f = value(current_figure("ltv_cac", &p));
    assert!(f.ltv_capped);
    assert_eq!(f.text(), "48.00");
    assert!(!value(current_figure("cac_blended", &p)).ltv_capped);
}

#[test]
fn undefined_figures_come_with_their_reason() {
    let none = Projection::default();
    let missing = |id: &str, p: &Projection| current_figure(id, p);
    assert_eq!(
        missing("cac_blended", &none),
        CurrentFigure::Missing(NoFigure::NoNewCustomers)
    );
    assert_eq!(
        missing("ltv_cac", &none),
        CurrentFigure::Missing(NoFigure::NoNewCustomers)
    );
    assert_eq!(
        missing("payback_months", &none),
        CurrentFigure::Missing(NoFigure::NoNewCustomers)
    );
    assert_eq!(
        missing("nrr_12m", &none),
        CurrentFigure::Missing(NoFigure::NoRevenue)
    );
    assert_eq!(
        missing("magic_number", &none),
        CurrentFigure::Missing(NoFigure::HorizonTooShort)
    );
    assert_eq!(
        missing("logo_churn", &none),
        CurrentFigure::Missing(NoFigure::NoCustomersAtStart)
    );

    let odd = hand_projection(Summary {
        blended_cac: Some(0.0),
        blended_ltv: Some(Ltv::Finite(0.0)),
        blended_ltv_cac: Some(LtvCac::FreeAcquisition),
        blended_payback: Some(Payback::Never),
        magic_number: MagicNumber::NoPriorSpend,
        ..Summary::default()
    });
    assert_eq!(value(missing("cac_blended", &odd)).text(), "$0.00");
    assert_eq!(
        missing("ltv_cac", &odd),
        CurrentFigure::Missing(NoFigure::FreeAcquisition)
    );
    assert_eq!(
        missing("payback_months", &odd),
        CurrentFigure::Missing(NoFigure::NoGrossProfit)
    );
    assert_eq!(
        missing("magic_number", &odd),
        CurrentFigure::Missing(NoFigure::NoPriorSpend)
    );

    // A non-finite number never passes as a figure.
    let broken = hand_projection(Summary {
        blended_cac: Some(f64::NAN),
        blended_payback: Some(Payback::Months(f64::INFINITY)),
        ..Summary::default()
    });
    assert_eq!(
        missing("cac_blended", &broken),
        CurrentFigure::Missing(NoFigure::Unusable)
    );
    assert_eq!(
        missing("payback_months", &broken),
        CurrentFigure::Missing(NoFigure::Unusable)
    );
}

#[test]
fn metrics_the_simulator_does_not_model_are_not_measured() {
    let p = simulate(&ScenarioInputs::default());
    for m in plan::all_metrics() {
        let f = current_figure(m.id, &p);
        if m.simulator_id().is_some() {
            assert_ne!(f, CurrentFigure::NotMeasured, "{}", m.id);
            assert!(simulator_formula(m.id).is_some(), "{}", m.id);
        } else {
            assert_eq!(f, CurrentFigure::NotMeasured, "{}", m.id);
            assert_eq!(simulator_formula(m.id), None, "{}", m.id);
        }
    }
    assert_eq!(current_figure("made_up", &p), CurrentFigure::NotMeasured);
}

/// The metrics Simulate takes as inputs are never "not measured" in Plan:
/// they read "assumed … in your scenario" with the value typed in Simulate.
#[test]
fn metrics_that_are_simulator_inputs_show_the_value_the_scenario_assumes() {
    let mut inputs = preset(Motion::HybridFreemiumEnterprise);
    inputs.self_serve.activation_pct = 35.0;
    inputs.sales_led.win_pct = 22.0;
    inputs.sales_led.sales_cycle_months = 4;
    inputs.sales_led.acv_per_year = 24_000.0;
    inputs.sales_assist.pql_to_opportunity_pct = 40.0;
    inputs.sales_assist.win_pct = 25.0;
    let p = simulate(&inputs);
    let assumed = |id: &str| match scenario_figure(id, &inputs, &p) {
        CurrentFigure::Assumed(a) => (a.text(), a.field),
        other => panic!("{id}: expected an assumption, got {other:?}"),
    };
    assert_eq!(
        assumed("activation_rate"),
        (
            "assumed 35.0% in your scenario".to_string(),
            FieldId::SsActivationPct
        )
    );
    assert_eq!(assumed("win_rate").1, FieldId::SlWinPct);
    assert_eq!(assumed("win_rate").0, "assumed 22.0% in your scenario");
    assert_eq!(
        assumed("sales_cycle").0,
        "assumed 4.0 months in your scenario"
    );
    assert_eq!(
        assumed("avg_deal_size").0,
        "assumed $24,000 a year in your scenario"
    );
    // PQL to paid is the product Simulate shows beside the PQL win rate:
    // 40% × 25% = 10%.
    assert_eq!(assumed("pql_to_paid").0, "assumed 10.0% in your scenario");
    assert_eq!(
        assumed("free_to_paid").0,
        format!(
            "assumed {:.1}% in your scenario",
            inputs.self_serve.free_to_paid_pct
        )
    );
    // Every listed metric exists, and every listed input belongs to it.
    for (id, field) in ASSUMED_METRICS {
        assert!(plan::metric(id).is_some(), "{id}");
        assert!(
            plan::metric(id).and_then(|m| m.simulator_id()).is_none(),
            "{id} is measured"
        );
        assert!(
            matches!(assumption(id, &inputs), Some(Ok(a)) if a.field == field || id == "win_rate"),
            "{id}"
        );
    }
    // Measured figures still come first, and others stay unmeasured.
    assert!(matches!(
        scenario_figure("cac_blended", &inputs, &p),
        CurrentFigure::Value(_)
    ));
    assert_eq!(
        scenario_figure("dau_mau", &inputs, &p),
        CurrentFigure::NotMeasured
    );
}

#[test]
fn an_assumed_metric_of_a_switched_off_channel_says_so() {
    let mut inputs = preset(Motion::SalesLed);
    inputs.self_serve.enabled = false;
    inputs.sales_assist.enabled = true;
    let p = simulate(&inputs);
    assert_eq!(
        scenario_figure("activation_rate", &inputs, &p),
        CurrentFigure::Missing(NoFigure::SelfServeOff)
    );
    // Sales assist feeds on the free funnel: without it, its inputs are unused.
    assert_eq!(
        scenario_figure("pql_to_opportunity", &inputs, &p),
        CurrentFigure::Missing(NoFigure::SelfServeOff)
    );
    let mut plg = preset(Motion::ProductLed);
    plg.sales_led.enabled = false;
    plg.sales_assist.enabled = false;
    let p = simulate(&plg);
    assert_eq!(
        scenario_figure("sales_cycle", &plg, &p),
        CurrentFigure::Missing(NoFigure::SalesLedOff)
    );
    // Win rate falls back to the PQL win rate when only sales assist sells.
    plg.sales_assist.enabled = true;
    plg.sales_assist.win_pct = 30.0;
    let p = simulate(&plg);
    match scenario_figure("win_rate", &plg, &p) {
        CurrentFigure::Assumed(a) => {
            assert_eq!(a.field, FieldId::SaWinPct);
            assert_eq!(a.text(), "assumed 30.0% in your scenario");
        }
        other => panic!("expected the PQL win rate, got {other:?}"),
    }
}

/// Simulate shows the revenue split; Plan's self-serve revenue share reads
/// the same figure.
#[test]
fn the_self_serve_revenue_share_is_the_simulators_revenue_split() {
    let inputs = preset(Motion::HybridFreemiumEnterprise);
    let p = simulate(&inputs);
    let split = p.summary.revenue_split_pct.map(|s| s.self_serve);
    match current_figure("revenue_split", &p) {
        CurrentFigure::Value(f) => assert_eq!(Some(f.value), split),
        other => panic!("expected the revenue split, got {other:?}"),
    }
    assert!(simulator_formula("revenue_split").is_some());
}

#[test]
fn every_reason_has_a_distinct_phrase() {
    let all = [
        NoFigure::NoNewCustomers,
        NoFigure::FreeAcquisition,
        NoFigure::NoGrossProfit,
        NoFigure::NoRevenue,
        NoFigure::NoPriorSpend,
        NoFigure::HorizonTooShort,
        NoFigure::NoCustomersAtStart,
        NoFigure::Unusable,
        NoFigure::SelfServeOff,
        NoFigure::SalesAssistOff,
        NoFigure::SalesLedOff,
    ];
    let phrases: HashSet<&str> = all.iter().map(|r| r.phrase()).collect();
    assert_eq!(phrases.len(), all.len());
    assert!(phrases.iter().all(|p| !p.is_empty() && !p.ends_with('.')));
}

#[test]
fn figures_are_written_like_the_simulate_page() {
    let f = |value, unit| Figure {
        value,
        unit,
        ltv_capped: false,
    };
    assert_eq!(
        f(1_234_567.891, FigureUnit::DollarsPerCustomer).text(),
        "$1,234,567.89"
    );
    assert_eq!(f(-12.5, FigureUnit::DollarsPerCustomer).text(), "−$12.50");
    assert_eq!(f(3.256, FigureUnit::Ratio).text(), "3.26");
    assert_eq!(f(-0.001, FigureUnit::Ratio).text(), "0.00");
    assert_eq!(f(1_234.56, FigureUnit::Months).text(), "1,234.6 months");
    assert_eq!(f(2.0, FigureUnit::Percent).text(), "2.0%");
    assert!(!f(f64::NAN, FigureUnit::Ratio).text().contains("NaN"));
}

#[test]
fn every_preset_has_a_finite_figure_for_cac_ltv_cac_and_payback() {
    for m in Motion::ALL {
        let p = simulate(&preset(m));
        let s = &p.summary;
        let cac = value(current_figure("cac_blended", &p));
        assert_eq!(Some(cac.value), s.blended_cac, "{m:?}");
        let ratio = value(current_figure("ltv_cac", &p));
        assert_eq!(
            s.blended_ltv_cac.and_then(LtvCac::ratio),
            Some(ratio.value),
            "{m:?}"
        );
        let payback = value(current_figure("payback_months", &p));
        assert_eq!(
            s.blended_payback.and_then(Payback::months),
            Some(payback.value),
            "{m:?}"
        );
        for id in SIMULATOR_METRIC_IDS {
            if let CurrentFigure::Value(v) = current_figure(id, &p) {
                assert!(v.value.is_finite(), "{m:?} {id}");
            }
        }
    }
}

#[test]
fn with_every_channel_off_no_figure_is_invented() {
    let mut inputs = preset(Motion::HybridFreemiumEnterprise);
    inputs.self_serve.enabled = false;
    inputs.sales_assist.enabled = false;
    inputs.sales_led.enabled = false;
    let p = simulate(&inputs);
    for id in SIMULATOR_METRIC_IDS {
        assert!(
            matches!(current_figure(id, &p), CurrentFigure::Missing(_)),
            "{id}: {:?}",
            current_figure(id, &p)
        );
    }
}

/// Issue 11, item 9: the rule shares apply to every active free account, so
/// the figure taken from the simulator is the stock of free accounts that
/// activated in the last N months and have not started paying — not the
/// last month's new activations. Product-led preset (no sales assist), lag
/// 1 month: active = A(H) + (A(H−1) + A(H−2)) × (1 − free-to-paid).
#[test]
fn active_free_accounts_from_the_simulator_are_a_stock_over_the_months_they_stay_active() {
    use gtm_workbench::domain::motion::Motion;
    use gtm_workbench::domain::plan::active_free_accounts;
    use gtm_workbench::domain::sim::{preset, simulate};
    let inputs = preset(Motion::ProductLed);
    let p = simulate(&inputs);
    let h = p.rows.len();
    let a = |k: usize| p.rows[h - 1 - k].activated;
    let paid = inputs.self_serve.free_to_paid_pct / 100.0;
    let expected = a(0) + (a(1) + a(2)) * (1.0 - paid);
    let got = active_free_accounts(&inputs, &p, 3).unwrap_or(f64::NAN);
    assert!(
        (got - expected).abs() < 1e-9 * expected,
        "{got} vs {expected}"
    );
    // One month is just the newest activations; more months, more accounts.
    assert!((active_free_accounts(&inputs, &p, 1).unwrap_or(f64::NAN) - a(0)).abs() < 1e-9);
    assert!(active_free_accounts(&inputs, &p, 6) > active_free_accounts(&inputs, &p, 3));
    // Without the free product there is no free pool.
    let mut off = inputs.clone();
    off.self_serve.enabled = false;
    assert_eq!(active_free_accounts(&off, &simulate(&off), 3), None);
}

/// With sales assist on, the PQLs that sales wins leave the free pool too.
#[test]
fn active_free_accounts_leave_out_pqls_won_by_sales_assist() {
    use gtm_workbench::domain::motion::Motion;
    use gtm_workbench::domain::plan::active_free_accounts;
    use gtm_workbench::domain::sim::{preset, simulate};
    let inputs = preset(Motion::ProductLedSalesAssist);
    let p = simulate(&inputs);
    let h = p.rows.len();
    let (ss, sa) = (&inputs.self_serve, &inputs.sales_assist);
    let q = sa.pql_pct / 100.0;
    let paying = (1.0 - q) * ss.free_to_paid_pct / 100.0
        + q * sa.pql_to_opportunity_pct / 100.0 * sa.win_pct / 100.0;
    let expected = p.rows[h - 1].activated + p.rows[h - 2].activated * (1.0 - paying);
    let got = active_free_accounts(&inputs, &p, 2).unwrap_or(f64::NAN);
    assert!(
        (got - expected).abs() < 1e-9 * expected,
        "{got} vs {expected}"
    );
}
