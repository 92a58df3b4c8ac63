//! Measure, using what was measured (issue 15, "Use it"): the simulator
//! started from the measured figures with their provenance, the backtest of
//! the model on the measured months, the figures as the page writes them,
//! and the measurement as the stored document keeps it.
#![cfg(not(target_arch = "wasm32"))]

use gtm_workbench::domain::economics::{MonthlyRate, Share};
use gtm_workbench::domain::measure::readout::texts;
use gtm_workbench::domain::measure::{
    backtest, import, inspect, readout, seed_scenario, source_line, ChannelTarget, Choices,
    CohortRow, CohortTable, ImportOptions, MeasureState, Measured, Measurement, ModelChannel,
    MonthRow, Outcome, YearMonth, MAX_CHANNELS, MAX_MONTHS,
};
use gtm_workbench::domain::methods::method;
use gtm_workbench::domain::sim::{
    simulate, Channel, FieldId, Provenance, ScenarioInputs, SimState,
};
use gtm_workbench::domain::state::AppState;
use gtm_workbench::persist::schema::{decode, encode, MAX_IMPORT_BYTES};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn sample() -> Measurement {
    let path = format!(
        "{}/tests/fixtures/measure/sample-subscriptions.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    measure("sample-subscriptions.csv", bytes)
}

fn measure(name: &str, bytes: Vec<u8>) -> Measurement {
    let format = match inspect(&bytes, 5) {
        Ok(i) => i.format,
        Err(e) => panic!("inspect: {e}"),
    };
    match import(
        name,
        bytes,
        &format,
        ImportOptions::default(),
        &Choices::default(),
    ) {
        Outcome::Ready(i) => i.measurement,
        other => panic!("expected a measurement, got {other:?}"),
    }
}

fn value<T: Clone + std::fmt::Debug>(r: &Measured<T>) -> T {
    match r {
        Measured::Value(v) => v.clone(),
        Measured::Unavailable(u) => panic!("unavailable: {u}"),
    }
}

/// A monthly table of a business that wins `new(t)` customers in month `t`
/// (t = 0 is the first row) at `arpa` a month each and loses
/// round(`churn` × the customers it starts the month with), churn applied to
/// the customers at the start of the month as the model does. Starts with
/// `base` customers in the month before the first row.
fn steady_table(
    months: u32,
    base: u32,
    new: impl Fn(u32) -> u32,
    churn: f64,
    arpa: f64,
) -> Vec<u8> {
    let mut csv = String::from("Month,MRR,Customers,New customers,Churned customers\n");
    let mut customers = base;
    for t in 0..months {
        let lost = (churn * f64::from(customers)).round() as u32;
        let won = new(t);
        customers = customers - lost + won;
        let (year, month) = (2021 + t / 12, t % 12 + 1);
        csv.push_str(&format!(
            "{year}-{month:02},{},{customers},{won},{lost}\n",
            f64::from(customers) * arpa
        ));
    }
    csv.into_bytes()
}

/// The current inputs a person might have in Simulate: the default
/// (hybrid) preset.
fn current() -> ScenarioInputs {
    ScenarioInputs::default()
}

// ---------------------------------------------------------------------------
// "Start the simulator from these"
// ---------------------------------------------------------------------------

/// The issue: ARPA, churn and expansion are filled from the measured
/// figures, each with where it came from, and the model then wins the
/// measured new customers a month once its funnel is steady.
#[test]
fn the_seeded_scenario_carries_the_measured_figures_and_wins_the_measured_customers() {
    let m = sample();
    let f = m.figures();
    let seeded = seed_scenario(&m, &current(), ModelChannel::SelfServe, &[], None);
    let i = &seeded.inputs;
    let arpa = value(&f.arpa);
    let churn = value(&f.logo_churn).rate.percent();
    let net_expansion = value(&f.expansion).rate.percent() - value(&f.contraction).rate.percent();
    assert!((i.self_serve.arpa_per_month - arpa).abs() < 1e-9);
    assert!((i.self_serve.churn_pct - churn).abs() < 1e-9);
    assert!((i.self_serve.expansion_pct - net_expansion).abs() < 1e-9);
    assert!(
        !i.is_enabled(Channel::SalesLed),
        "no measured customer is sales-led"
    );

    let line = source_line(&m);
    assert_eq!(
        line,
        "sample-subscriptions.csv, Nov 2024 – Oct 2026, 3,110 subscriptions"
    );
    for id in [
        FieldId::SsArpa,
        FieldId::SsChurnPct,
        FieldId::SsExpansionPct,
        FieldId::SsOrganicSignups,
    ] {
        let p = seeded
            .provenance
            .iter()
            .find(|p| p.field == id)
            .unwrap_or_else(|| panic!("{id:?} has no provenance"));
        assert!(p.source.contains(&line), "{}", p.source);
        assert_eq!(p.value, i.get(id), "the provenance holds the value set");
    }
    // Spend and gross margin stay the person's until they confirm a margin.
    assert_eq!(i.gross_margin_pct, current().gross_margin_pct);
    assert_eq!(
        i.self_serve.acquisition_spend_per_month,
        current().self_serve.acquisition_spend_per_month
    );
    assert!(seeded
        .notes
        .iter()
        .any(|n| n.contains("Gross margin stays")));

    // Steady funnel: a year in, the model wins the measured customers a
    // month (later, referrals slow a little as the market fills).
    let projection = simulate(i);
    let year = projection
        .rows
        .get(11)
        .map(|r| r.new_customers.total())
        .unwrap_or(0.0);
    let measured = value(&f.new_customers_per_month);
    assert!(
        (year - measured).abs() < 0.01 * measured,
        "model wins {year} a month, measured {measured}"
    );
}

/// Sales-led: ACV = 12 × ARPA, and the cost per opportunity is set so the
/// person's pipeline spend and win rate give the measured deals a month.
#[test]
fn customers_sent_to_sales_led_set_the_acv_and_the_cost_per_opportunity() {
    let m = sample();
    let f = m.figures();
    let mut mine = current();
    mine.sales_led.account_executives = 200; // enough sellers for every deal
    let seeded = seed_scenario(&m, &mine, ModelChannel::SalesLed, &[], Some(78.0));
    let i = &seeded.inputs;
    assert!((i.sales_led.acv_per_year - 12.0 * value(&f.arpa)).abs() < 1e-6);
    assert!(!i.is_enabled(Channel::SelfServe) && !i.is_enabled(Channel::SalesAssist));
    let n = value(&f.new_customers_per_month);
    let expected = mine.sales_led.pipeline_spend_per_month * mine.sales_led.win_pct / 100.0 / n;
    assert!((i.sales_led.cost_per_opportunity - expected).abs() < 1e-6);
    // A confirmed gross margin is carried over, with where it came from.
    assert_eq!(i.gross_margin_pct, 78.0);
    assert!(seeded
        .provenance
        .iter()
        .any(|p| p.field == FieldId::GrossMarginPct && p.source.contains("Confirmed by you")));

    let projection = simulate(i);
    let year = projection
        .rows
        .get(11)
        .map(|r| r.new_customers.sales_led)
        .unwrap_or(0.0);
    assert!(
        (year - n).abs() < 0.01 * n,
        "model wins {year} deals a month, measured {n}"
    );
}

/// Too few sellers for the measured deals is said, not hidden.
#[test]
fn too_few_sellers_for_the_measured_deals_is_said() {
    let m = sample();
    let mut mine = current();
    mine.sales_led.account_executives = 1;
    let seeded = seed_scenario(&m, &mine, ModelChannel::SalesLed, &[], None);
    assert!(
        seeded.notes.iter().any(|n| n.contains("close at most")),
        "{:?}",
        seeded.notes
    );
}

/// A file's channels go where the person sends them: here a table with a
/// "Outbound" and a "Website" channel, guessed as sales-led and self-serve.
#[test]
fn a_files_channels_are_split_between_the_model_channels() {
    let csv = "Month,Channel,MRR,Customers,New customers,Churned customers\n\
        2024-01,Website,1000,10,10,0\n2024-01,Outbound,5000,2,2,0\n\
        2024-02,Website,1900,19,10,1\n2024-02,Outbound,10000,4,2,0\n\
        2024-03,Website,2800,28,10,1\n2024-03,Outbound,15000,6,2,0\n";
    let m = measure("channels.csv", csv.as_bytes().to_vec());
    assert_eq!(m.channels.len(), 2);
    let seeded = seed_scenario(&m, &current(), ModelChannel::SelfServe, &[], None);
    let i = &seeded.inputs;
    assert!(i.is_enabled(Channel::SelfServe) && i.is_enabled(Channel::SalesLed));
    assert!((i.self_serve.arpa_per_month - 100.0).abs() < 1e-9);
    assert!((i.sales_led.acv_per_year - 12.0 * 2500.0).abs() < 1e-9);
    // Sending Outbound to self-serve as well switches sales-led off.
    let all_self = [ChannelTarget {
        name: "Outbound".to_string(),
        target: ModelChannel::SelfServe,
    }];
    let seeded = seed_scenario(&m, &current(), ModelChannel::SelfServe, &all_self, None);
    assert!(!seeded.inputs.is_enabled(Channel::SalesLed));
    assert!((seeded.inputs.self_serve.arpa_per_month - 17800.0 / 34.0).abs() < 1e-9);
}

/// Provenance holds only while the input keeps its value; typing in the
/// field drops it for good, a preset clears it.
#[test]
fn provenance_goes_when_the_value_is_no_longer_the_measured_one() {
    let m = sample();
    let seeded = seed_scenario(&m, &current(), ModelChannel::SelfServe, &[], None);
    let mut sim = SimState::default();
    sim.start_from(seeded.inputs.clone(), seeded.provenance.clone());
    assert!(sim.provenance_of(FieldId::SsArpa).is_some());
    assert!(sim.provenance_of(FieldId::SsChurnPct).is_some());
    assert!(sim.provenance_of(FieldId::SlAcv).is_none(), "not filled");

    // Changed by another road (goal seek, a what-if): hidden while it differs.
    let _ = sim.inputs.set(FieldId::SsArpa, 150.0);
    assert!(sim.provenance_of(FieldId::SsArpa).is_none());
    let _ = sim
        .inputs
        .set(FieldId::SsArpa, seeded.inputs.self_serve.arpa_per_month);
    assert!(
        sim.provenance_of(FieldId::SsArpa).is_some(),
        "back to the measured value"
    );

    // Typed by the person: gone, even if they type the same number back.
    let churn = sim.inputs.self_serve.churn_pct;
    assert!(sim.set_input(FieldId::SsChurnPct, 4.0).is_ok());
    assert!(sim.set_input(FieldId::SsChurnPct, churn).is_ok());
    assert!(sim.provenance_of(FieldId::SsChurnPct).is_none());
    assert!(
        sim.provenance_of(FieldId::SsArpa).is_some(),
        "other fields keep theirs"
    );

    sim.apply_preset(gtm_workbench::domain::motion::Motion::SalesLed);
    assert!(sim.provenance.is_empty());
}

/// Stored provenance is checked like every stored value.
#[test]
fn stored_provenance_is_refused_when_it_does_not_fit_its_field() {
    let read = |json: &str| serde_json::from_str::<Provenance>(json);
    assert!(
        read(r#"{"field":"self_serve.arpa_per_month","value":90,"source":"Measured"}"#).is_ok()
    );
    assert!(read(r#"{"field":"no.such.field","value":90,"source":"Measured"}"#).is_err());
    let out_of_range = Provenance {
        field: FieldId::SsChurnPct,
        value: 150.0,
        source: "Measured".to_string(),
    };
    assert!(out_of_range.validate("p").is_err());
    let empty = Provenance {
        source: String::new(),
        ..out_of_range.clone()
    };
    assert!(empty.validate("p").is_err());
    let mut sim = SimState::default();
    let ok = Provenance {
        value: 3.0,
        ..out_of_range
    };
    sim.provenance = vec![ok.clone(), ok];
    assert!(sim.validate().is_err(), "a field listed twice");
}

// ---------------------------------------------------------------------------
// Backtest
// ---------------------------------------------------------------------------

/// A business that behaves as the model assumes (steady new customers,
/// churn on the customers at the start of each month) is backtested within
/// a few percent at the end; the model's conversion lag is the only gap.
#[test]
fn a_steady_business_backtests_close_to_its_actual_mrr() {
    let m = measure("steady.csv", steady_table(36, 200, |_| 40, 0.03, 100.0));
    let seeded = seed_scenario(&m, &current(), ModelChannel::SelfServe, &[], None);
    let Some(b) = backtest(&m, &seeded.inputs) else {
        panic!("no backtest")
    };
    // The table's first row has no month before it: the model starts at row 2
    // with the MRR of row 1 as the customers it did not win itself.
    assert_eq!(b.months.len(), 35);
    assert_eq!(b.starting_mrr, m.series[0].mrr);
    assert_eq!(b.end.month, m.last_month);
    assert_eq!(b.end.difference, b.end.model - b.end.actual);
    let off = b.end.off_pct.unwrap_or(f64::NAN);
    assert!(off.abs() < 5.0, "{off}% off at the end");
}

/// The measured rates are those of the last 12 months: a business whose new
/// customers doubled during its history is over-projected in its early
/// months, and the gap shows it.
#[test]
fn a_business_that_grew_shows_the_gap_the_constant_rates_leave() {
    let m = measure("grew.csv", steady_table(36, 0, |t| 20 + t * 2, 0.03, 100.0));
    let seeded = seed_scenario(&m, &current(), ModelChannel::SelfServe, &[], None);
    let Some(b) = backtest(&m, &seeded.inputs) else {
        panic!("no backtest")
    };
    let off = b.end.off_pct.unwrap_or(f64::NAN);
    assert!(
        off > 10.0,
        "{off}%: the model should run ahead of a business that grew"
    );
    assert!(b
        .model_mrr
        .iter()
        .chain(&b.actual_mrr)
        .all(|v| v.is_finite()));
}

/// A month missing from a table is left out of the comparison, not shifted.
#[test]
fn a_month_missing_from_a_table_is_not_compared() {
    let csv = "Month,MRR,Customers,New customers,Churned customers\n\
        2024-01,1000,10,10,0\n2024-02,2000,20,10,0\n2024-04,4000,40,10,0\n2024-05,5000,50,10,0\n";
    let m = measure("gap.csv", csv.as_bytes().to_vec());
    let seeded = seed_scenario(&m, &current(), ModelChannel::SelfServe, &[], None);
    let Some(b) = backtest(&m, &seeded.inputs) else {
        panic!("no backtest")
    };
    let months: Vec<String> = b.months.iter().map(|m| m.label()).collect();
    assert_eq!(months, ["Feb 2024", "Apr 2024", "May 2024"]);
}

// ---------------------------------------------------------------------------
// The figures as the page writes them
// ---------------------------------------------------------------------------

/// Every figure the issue names is on the page, with a formula and an entry
/// on "How the numbers are computed".
#[test]
fn the_readout_has_every_figure_the_issue_names_with_its_formula() {
    let m = sample();
    let shown = readout(&m.figures(), &m.source.currency, Share::from_percent(80.0));
    let ids: Vec<&str> = texts(&shown).into_iter().map(|(id, _)| id).collect();
    for id in [
        "measured-customers",
        "measured-mrr",
        "measured-arpa",
        "measured-logo-churn",
        "measured-logo-churn-annual",
        "measured-revenue-churn",
        "measured-nrr",
        "measured-grr",
        "measured-expansion",
        "measured-contraction",
        "measured-cac",
        "measured-payback",
        "measured-ltv",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    for f in &shown {
        assert!(!f.formula.is_empty(), "{}", f.id);
        assert!(method(f.method).is_some(), "{} links nowhere", f.id);
    }
}

/// The annual equivalent beside a monthly churn is 1 − (1 − m)^12 (PRODUCT.md:
/// "never mix the two"), not 12 × m.
#[test]
fn the_annual_churn_shown_is_compounded_from_the_monthly() {
    let m = sample();
    let f = m.figures();
    let monthly = value(&f.logo_churn).rate.fraction();
    let shown = texts(&readout(&f, "USD", Share::from_percent(80.0)));
    let annual = shown
        .iter()
        .find(|(id, _)| *id == "measured-logo-churn-annual")
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    let expected = (1.0 - (1.0 - monthly).powi(12)) * 100.0;
    assert_eq!(annual, format!("{expected:.1}% a year"));
    assert_ne!(annual, format!("{:.1}% a year", monthly * 1200.0));
}

/// A figure the file cannot give says why in words, and benchmark bands in
/// dollars are not applied to amounts in another currency.
#[test]
fn figures_without_a_value_say_why_and_dollar_bands_stay_on_dollars() {
    let csv = "Month,MRR,Customers\n2024-01,1000,10\n2024-02,1100,11\n";
    let m = measure("bare.csv", csv.as_bytes().to_vec());
    let shown = readout(&m.figures(), "", Share::from_percent(80.0));
    let text = |id: &str| {
        shown
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.value.clone())
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(
        text("measured-logo-churn"),
        Err("The table has no churned customers column.".to_string())
    );
    assert_eq!(
        text("measured-nrr"),
        Err(
            "Needs a subscription list: a monthly table does not say which customers stayed."
                .to_string()
        )
    );
    assert_eq!(text("measured-arpa"), Ok("$100.00".to_string()));
    let arpa_verdict = |currency: &str| {
        readout(&m.figures(), currency, Share::from_percent(80.0))
            .into_iter()
            .find(|f| f.id == "measured-arpa")
            .and_then(|f| f.verdict)
    };
    assert!(arpa_verdict("USD").is_some());
    assert!(arpa_verdict("EUR").is_none());
}

// ---------------------------------------------------------------------------
// The stored measurement
// ---------------------------------------------------------------------------

/// A new import replaces the measurement; the person's settings stay, and
/// channel choices for channels the new file lacks go.
#[test]
fn a_new_import_replaces_the_measurement_and_keeps_the_settings() {
    let mut state = MeasureState {
        gross_margin_pct: Some(70.0),
        target: ModelChannel::SalesLed,
        ..MeasureState::default()
    };
    state.set_channel_target("Outbound", ModelChannel::SelfServe);
    assert!(state.replace(sample()).is_ok());
    assert_eq!(state.gross_margin_pct, Some(70.0));
    assert_eq!(state.target, ModelChannel::SalesLed);
    assert!(
        state.channel_targets.is_empty(),
        "the sample has no channels"
    );
    let m = match state.measurement() {
        Some(Ok(m)) => m,
        other => panic!("{other:?}"),
    };
    assert_eq!(m.source.file_name, "sample-subscriptions.csv");
    // What is kept is rounded to the cent, as stored.
    assert!(m
        .series
        .iter()
        .all(|r| (r.mrr * 100.0 - (r.mrr * 100.0).round()).abs() < 1e-6));
}

/// What an import stores reads back the same through the stored format;
/// a damaged measurement is refused where it is read (and the rest of the
/// document still loads), and a measurement that cannot be read back is
/// never stored.
#[test]
fn the_measurement_is_saved_and_read_back_and_damage_is_refused() {
    let mut state = AppState::default();
    assert!(state.measure.replace(sample()).is_ok());
    let raw = encode(&state).unwrap_or_else(|e| panic!("{e}"));
    let back = decode(&raw).unwrap_or_else(|e| panic!("{e}"));
    let shown = |s: &AppState| match s.measure.measurement() {
        Some(Ok(m)) => Some((
            m.series.len(),
            texts(&readout(
                &m.figures(),
                &m.source.currency,
                Share::from_percent(80.0),
            )),
        )),
        _ => None,
    };
    assert!(shown(&state).is_some());
    assert_eq!(
        shown(&back),
        shown(&state),
        "the page shows the same after a reload"
    );

    // Damage in the stored JSON: the document loads, the measurement does not.
    let damaged = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut doc: serde_json::Value = serde_json::from_str(&raw).unwrap_or_default();
        if let Some(m) = doc.pointer_mut("/data/measure/measurement") {
            edit(m);
        }
        let text = doc.to_string();
        let state = decode(&text).unwrap_or_else(|e| panic!("the document must load: {e}"));
        state.measure.measurement().map(|r| r.map(|_| ()))
    };
    let swap = |m: &mut serde_json::Value| {
        if let Some(series) = m.pointer_mut("/series").and_then(|s| s.as_array_mut()) {
            series.swap(0, 1);
        }
    };
    assert!(
        matches!(damaged(&swap), Some(Err(_))),
        "months out of order"
    );
    let negative = |m: &mut serde_json::Value| {
        if let Some(v) = m.pointer_mut("/series/3/mrr") {
            *v = serde_json::json!(-1.0);
        }
    };
    assert!(matches!(damaged(&negative), Some(Err(_))), "a negative MRR");
    let missing = |m: &mut serde_json::Value| {
        if let Some(o) = m.as_object_mut() {
            o.remove("source");
        }
    };
    assert!(matches!(damaged(&missing), Some(Err(_))), "no source");
    // Not even an object: the document is refused like any bad field.
    let mut doc: serde_json::Value = serde_json::from_str(&raw).unwrap_or_default();
    if let Some(m) = doc.pointer_mut("/data/measure/measurement") {
        *m = serde_json::json!([1, 2, 3]);
    }
    assert!(decode(&doc.to_string()).is_err());

    let mut margin = state.clone();
    margin.measure.gross_margin_pct = Some(120.0);
    assert!(margin.validate().is_err(), "a gross margin above 100%");

    let mut broken = sample();
    broken.series[2].mrr = f64::NAN;
    let before = state.measure.clone();
    assert!(state.measure.replace(broken).is_err());
    assert_eq!(state.measure, before, "nothing changes");
}

/// The largest measurement an import can make (ten years of months, every
/// channel kept apart, a full cohort triangle, money at full precision)
/// still leaves room for the rest of the document under the 1 MiB the
/// stored format reads, so a reload never refuses it.
#[test]
fn the_largest_measurement_fits_in_the_stored_document() {
    let mut m = sample();
    let row = m.series[10].clone();
    let odd = 123_456.789_012_345_67;
    let months = |n: i32| -> Vec<MonthRow> {
        (0..n)
            .map(|i| MonthRow {
                month: YearMonth::from_index(row.month.index() + i),
                mrr: odd * 7.0,
                start_mrr: Some(odd * 7.0),
                new_mrr: Some(odd),
                expansion_mrr: Some(odd / 3.0),
                contraction_mrr: Some(odd / 7.0),
                churned_mrr: Some(odd / 9.0),
                reactivation_mrr: Some(odd / 11.0),
                spend: Some(odd * 3.0),
                customers: 4_000_000,
                start_customers: Some(4_000_000),
                new_customers: Some(100_000),
                reactivated_customers: Some(10_000),
                churned_customers: Some(90_000),
            })
            .collect()
    };
    m.series = months(MAX_MONTHS);
    m.last_month = m.series[m.series.len() - 1].month;
    m.channels = (0..=MAX_CHANNELS)
        .map(|i| gtm_workbench::domain::measure::ChannelSeries {
            name: format!("A channel with a long-ish name {i}"),
            series: months(MAX_MONTHS),
        })
        .collect();
    m.cohorts = Some(CohortTable {
        rows: (0..MAX_MONTHS)
            .map(|i| {
                let len = (MAX_MONTHS - i) as usize;
                CohortRow {
                    start: YearMonth::from_index(row.month.index() + i),
                    customers: vec![123_456; len],
                    mrr: vec![odd; len],
                }
            })
            .collect(),
    });
    let mut state = AppState::default();
    assert!(state.measure.replace(m).is_ok());
    let raw = encode(&state).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        raw.len() < MAX_IMPORT_BYTES * 3 / 4,
        "{} bytes leave too little of the {MAX_IMPORT_BYTES} for the rest",
        raw.len()
    );
    assert!(decode(&raw).is_ok());
}

/// The seeded churn is a monthly rate in the simulator's unit (%/month).
#[test]
fn the_seeded_churn_is_the_monthly_rate_in_percent() {
    let m = sample();
    let churn = value(&m.figures().logo_churn).rate;
    let seeded = seed_scenario(&m, &current(), ModelChannel::SelfServe, &[], None);
    assert_eq!(
        MonthlyRate::from_percent(seeded.inputs.self_serve.churn_pct),
        churn
    );
}
