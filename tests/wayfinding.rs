//! Finding the way: each route's title and place in the order of the work,
//! the status the navigation shows for each step (from what is stored), and
//! the sentence that says what a preset changed.
#![cfg(not(target_arch = "wasm32"))]

use gtm_workbench::domain::assess::{progress, AssessState, QUESTIONS};
use gtm_workbench::domain::compare::{rows, CompareState};
use gtm_workbench::domain::motion::Motion;
use gtm_workbench::domain::plan::PlanState;
use gtm_workbench::domain::sim::{preset, Billing, Channel, FieldId, PresetChange, SimState};
use gtm_workbench::domain::steps::{self, StepStatus};
use gtm_workbench::domain::workshop::WorkshopState;
use gtm_workbench::routes::{announcement, title_of, Route};

#[test]
fn every_route_has_its_own_title_and_an_unknown_path_says_not_found() {
    assert_eq!(Route::Assess.title(), "Assess · GTM Workbench");
    assert_eq!(
        Route::Methods.title(),
        "How the numbers are computed · GTM Workbench"
    );
    let mut titles: Vec<String> = Route::ALL.iter().map(|r| r.title()).collect();
    titles.push(title_of(None));
    let count = titles.len();
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), count, "no two pages share a title");
    assert_eq!(title_of(None), "Page not found · GTM Workbench");
}

#[test]
fn paths_map_to_their_route_with_the_root_as_assess() {
    assert_eq!(Route::at("/"), Some(Route::Assess));
    assert_eq!(Route::at(""), Some(Route::Assess));
    for route in Route::ALL {
        assert_eq!(Route::at(route.path()), Some(route), "{route:?}");
        assert_eq!(Route::at(&format!("{}/", route.path())), Some(route));
    }
    assert_eq!(Route::at("/no/such/place"), None);
    assert_eq!(Route::at("/simulatex"), None);
}

#[test]
fn the_steps_are_assess_compare_measure_simulate_plan_and_the_workshop_stands_apart() {
    assert_eq!(
        Route::STEPS.map(Route::label),
        ["Assess", "Compare", "Measure", "Simulate", "Plan"]
    );
    assert_eq!(Route::Assess.step(), Some(1));
    assert_eq!(Route::Measure.step(), Some(3));
    assert_eq!(Route::Plan.step(), Some(5));
    assert_eq!(Route::ROOM.step(), None);
    assert_eq!(Route::Methods.step(), None);
    assert!(!Route::STEPS.contains(&Route::ROOM));
}

#[test]
fn a_route_change_is_announced_by_the_page_name() {
    assert_eq!(announcement(Some(Route::Simulate)), "Opened Simulate.");
    assert_eq!(announcement(None), "Page not found.");
}

#[test]
fn assess_is_started_with_one_answer_and_done_once_there_is_a_result() {
    let mut state = AssessState::default();
    assert_eq!(
        steps::assess(state.progress(), false),
        StepStatus::Untouched("not started".into())
    );
    let q = &QUESTIONS[0];
    state.answers.insert(q.id.into(), q.options[0].id.into());
    let one = steps::assess(progress(&state.answers), false);
    assert_eq!(
        one,
        StepStatus::Started(format!("1 of {} answered", QUESTIONS.len()))
    );
    let done = steps::assess(progress(&state.answers), true);
    assert!(done.is_done());
    assert_eq!(done.slug(), "done");
}

#[test]
fn simulate_counts_as_edited_only_when_the_numbers_are_the_persons_own() {
    let mut state = SimState::default();
    assert_eq!(steps::simulate(&state).slug(), "untouched");
    state.apply_preset(Motion::SalesLed);
    assert_eq!(
        steps::simulate(&state),
        StepStatus::Started("Sales-led preset".into())
    );
    state
        .inputs
        .set(FieldId::SlAcv, 90_000.0)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        steps::simulate(&state),
        StepStatus::Done("scenario edited".into())
    );
    state.save_as("Mine").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        steps::simulate(&state),
        StepStatus::Done("1 scenario saved".into())
    );
}

#[test]
fn the_starting_scenario_with_an_edited_calculator_is_started_not_done() {
    let mut state = SimState::default();
    state.unit.arpa_per_month += 1.0;
    assert_eq!(
        steps::simulate(&state),
        StepStatus::Started("calculator used".into())
    );
}

#[test]
fn plan_is_started_by_any_change_and_counts_ticked_tasks() {
    let mut state = PlanState::default();
    assert_eq!(steps::plan(&state).slug(), "untouched");
    state.volumes.active_free_accounts += 1.0;
    assert_eq!(
        steps::plan(&state),
        StepStatus::Started("plan started".into())
    );
    state.checklist.insert("audit-journey".into());
    state.checklist.insert("define-icp".into());
    assert_eq!(
        steps::plan(&state),
        StepStatus::Started("2 tasks ticked".into())
    );
}

#[test]
fn compare_shows_pinned_rows_and_workshop_its_people() {
    let mut compare = CompareState::default();
    assert_eq!(steps::compare(&compare).text(), "nothing pinned");
    compare.toggle_pin(rows()[0].id);
    assert_eq!(steps::compare(&compare).text(), "1 row pinned");

    let mut workshop = WorkshopState::default();
    assert_eq!(steps::workshop(&workshop).text(), "for a room");
    workshop.add("Ana").unwrap_or_else(|e| panic!("{e}"));
    workshop.add("Ben").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(steps::workshop(&workshop).text(), "2 people");
}

#[test]
fn a_preset_change_counts_the_inputs_and_names_the_switches() {
    let hybrid = preset(Motion::HybridFreemiumEnterprise);
    let sales_led = preset(Motion::SalesLed);
    let change = PresetChange::between(&hybrid, &sales_led);
    let expected = FieldId::ALL
        .into_iter()
        .filter(|id| hybrid.get(*id) != sales_led.get(*id))
        .count();
    assert!(expected > 0);
    assert_eq!(change.changed, expected);
    assert_eq!(change.of, FieldId::ALL.len());
    assert_eq!(
        change.switched_off,
        vec![Channel::SelfServe, Channel::SalesAssist]
    );
    assert!(change.switched_on.is_empty());
    assert_eq!(change.billing, Some(Billing::AnnualPrepaid));
    assert_eq!(
        change.sentence(),
        format!(
            "{expected} of {} inputs changed; Self-serve and Sales-assisted (PQL) channels switched off; \
             billing now annual, paid up front",
            FieldId::ALL.len()
        )
    );
    let same = PresetChange::between(&sales_led, &sales_led);
    assert!(same.is_nothing());
    assert_eq!(same.sentence(), "nothing changed");
}
