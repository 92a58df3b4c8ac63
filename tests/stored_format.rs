//! The stored format: every version ever shipped has a fixture file in
//! `tests/fixtures/` that must decode forever, and the decoder refuses what
//! it cannot read without panicking.
#![cfg(not(target_arch = "wasm32"))]

use gtm_workbench::domain::insight::{InsightSettings, Output, Target};
use gtm_workbench::domain::state::{AppState, Theme};
use gtm_workbench::persist::schema::{decode, encode, DecodeError, CURRENT_VERSION};
use proptest::prelude::*;

const V1: &str = include_str!("fixtures/v1.json");
const V2: &str = include_str!("fixtures/v2.json");
const V3: &str = include_str!("fixtures/v3.json");

#[test]
fn the_version_1_fixture_decodes() {
    let state = decode(V1).expect("the v1 fixture must always decode");
    assert_eq!(state.theme, Theme::Dark);
    assert!(!state.assess.answers.is_empty(), "the fixture has answers");
    assert!(
        !state.simulate.scenarios.is_empty(),
        "the fixture has a saved scenario"
    );
    assert!(
        !state.workshop.participants.is_empty(),
        "the fixture has participants"
    );
}

#[test]
fn version_1_has_no_insight_settings_and_reads_with_the_defaults() {
    let doc: serde_json::Value = serde_json::from_str(V1).expect("json");
    assert!(doc["data"].get("insight").is_none());
    let state = decode(V1).expect("decodes");
    assert_eq!(state.insight, InsightSettings::default());
}

#[test]
fn the_version_2_fixture_decodes_with_its_insight_settings() {
    let state = decode(V2).expect("the v2 fixture must always decode");
    let v1 = decode(V1).expect("decodes");
    assert_eq!(state.insight.swing_pct, 25.0);
    assert_eq!(state.insight.tornado_output, Output::LtvCac);
    assert_eq!(state.insight.uncertainty.ranges.len(), 1);
    assert_eq!(state.insight.seed, 7);
    assert_eq!(state.insight.goal_target, Target::LtvCacAbove(3.0));
    assert_eq!(
        state.insight.goal_field_id(),
        Some(gtm_workbench::domain::sim::FieldId::SlWinPct)
    );
    // Everything else is the version 1 fixture's.
    assert_eq!(state.assess, v1.assess);
    assert_eq!(state.simulate, v1.simulate);
    assert_eq!(state.workshop, v1.workshop);
}

#[test]
fn the_fixtures_are_versions_this_build_reads() {
    for (text, version) in [(V1, 1), (V2, 2), (V3, 3)] {
        let doc: serde_json::Value = serde_json::from_str(text).expect("json");
        assert_eq!(doc["version"], version);
    }
    assert_eq!(
        CURRENT_VERSION, 3,
        "a new version needs a fixture of its own and a migration test"
    );
}

#[test]
fn the_version_3_fixture_decodes_with_its_discount_rate_and_free_account_window() {
    let state = decode(V3).expect("the v3 fixture must always decode");
    assert_eq!(state.simulate.ltv_discount_rate_pct, Some(8.0));
    assert_eq!(state.plan.volumes.free_active_months, 4);
    // Measure (added to v3 before it shipped): a measured table and the
    // provenance of the input it filled.
    let measured = match state.measure.measurement() {
        Some(Ok(m)) => m,
        other => panic!("the v3 measurement must read: {other:?}"),
    };
    assert_eq!(measured.source.file_name, "metrics.csv");
    assert_eq!(measured.series.len(), 3);
    assert_eq!(state.measure.gross_margin_pct, Some(75.0));
    let acv = gtm_workbench::domain::sim::FieldId::SlAcv;
    assert!(state.simulate.provenance_of(acv).is_some());
    let v2 = decode(V2).expect("decodes");
    assert_eq!(state.assess, v2.assess);
    assert_eq!(state.insight, v2.insight);
}

/// Version 2 documents have neither setting: no discounted LTV, and free
/// accounts counted as active for three months; nothing measured and no
/// provenance either.
#[test]
fn version_2_reads_without_a_discount_rate_and_with_three_active_months() {
    let state = decode(V2).expect("decodes");
    assert_eq!(state.simulate.ltv_discount_rate_pct, None);
    assert_eq!(state.plan.volumes.free_active_months, 3);
    assert_eq!(state.measure, Default::default());
    assert!(state.simulate.provenance.is_empty());
}

/// Version 3 holds the quick calculator's expansion to 20 % a month like
/// every simulator channel; a version 2 document with more is brought down
/// to 20 % instead of being refused.
#[test]
fn a_version_2_expansion_above_twenty_percent_is_brought_down_to_twenty() {
    let mut doc: serde_json::Value = serde_json::from_str(V2).expect("json");
    doc["data"]["simulate"]["unit"]["expansion_pct"] = serde_json::json!(45.0);
    let state = decode(&doc.to_string()).expect("decodes");
    assert_eq!(state.simulate.unit.expansion_pct, 20.0);
    // A version 3 document with 45 % is simply out of range.
    let mut doc: serde_json::Value = serde_json::from_str(V3).expect("json");
    doc["data"]["simulate"]["unit"]["expansion_pct"] = serde_json::json!(45.0);
    assert!(decode(&doc.to_string()).is_err());
}

#[test]
fn an_old_document_is_written_back_as_the_current_version() {
    let state = decode(V1).expect("decodes");
    let written: serde_json::Value =
        serde_json::from_str(&encode(&state).expect("encodes")).expect("json");
    assert_eq!(written["version"], CURRENT_VERSION);
    assert!(written["data"]["insight"].is_object());
}

#[test]
fn decoding_then_encoding_the_fixtures_is_stable() {
    for text in [V1, V2, V3] {
        let state = decode(text).expect("decodes");
        let again = decode(&encode(&state).expect("encodes")).expect("decodes again");
        assert_eq!(state, again);
    }
}

/// Where a refused value sits: the path of an out-of-range value, or the
/// whole message for a value of the wrong kind.
fn refused_at(err: &DecodeError) -> String {
    match err {
        DecodeError::OutOfRange(e) => e.field.clone(),
        other => other.to_string(),
    }
}

#[test]
fn bad_insight_settings_are_refused_with_their_field() {
    let mut doc: serde_json::Value = serde_json::from_str(V2).expect("json");
    doc["data"]["insight"]["swing_pct"] = serde_json::json!(95.0);
    let err = decode(&doc.to_string()).unwrap_err();
    assert_eq!(refused_at(&err), "insight.swing_pct", "{err}");
    assert!(
        err.to_string().contains("the sensitivity's swing (%)"),
        "{err}"
    );

    let mut doc: serde_json::Value = serde_json::from_str(V2).expect("json");
    doc["data"]["insight"]["goal_field"] = serde_json::json!("horizon_months");
    let err = decode(&doc.to_string()).unwrap_err();
    assert!(refused_at(&err).starts_with("insight.goal_field"), "{err}");
    assert!(err.to_string().contains("goal seek's input"), "{err}");

    let mut doc: serde_json::Value = serde_json::from_str(V2).expect("json");
    doc["data"]["insight"]["uncertainty"]["ranges"][0]["low"] = serde_json::json!(9.0);
    let err = decode(&doc.to_string()).unwrap_err();
    assert!(
        refused_at(&err).starts_with("insight.uncertainty.ranges[0]"),
        "{err}"
    );
    assert!(err.to_string().contains("an uncertainty range"), "{err}");

    let mut doc: serde_json::Value = serde_json::from_str(V2).expect("json");
    doc["data"]["insight"]["draws"] = serde_json::json!(10);
    let err = decode(&doc.to_string()).unwrap_err();
    assert_eq!(refused_at(&err), "insight.draws", "{err}");
    assert!(err.to_string().contains("uncertainty runs"), "{err}");
}

#[test]
fn default_state_round_trips() {
    let state = AppState::default();
    assert_eq!(decode(&encode(&state).expect("encodes")), Ok(state));
}

#[test]
fn a_newer_version_is_reported_as_newer() {
    let err = decode(r#"{"version":4,"data":{}}"#).unwrap_err();
    assert!(err.is_newer(), "{err}");
}

#[test]
fn unknown_versions_are_refused() {
    for doc in [
        r#"{"version":0,"data":{}}"#,
        r#"{"version":"1","data":{}}"#,
        r#"{"version":1.5,"data":{}}"#,
        r#"{"version":-1,"data":{}}"#,
        r#"{"version":null,"data":{}}"#,
    ] {
        assert!(
            matches!(decode(doc), Err(DecodeError::UnknownVersion(_))),
            "{doc}"
        );
    }
}

#[test]
fn a_null_number_is_refused_not_read_as_zero() {
    let mut doc: serde_json::Value = serde_json::from_str(V1).expect("json");
    doc["data"]["simulate"]["inputs"]["gross_margin_pct"] = serde_json::Value::Null;
    let err = decode(&doc.to_string()).unwrap_err();
    assert!(matches!(err, DecodeError::BadField(_)), "{err}");
}

#[test]
fn values_out_of_range_are_refused() {
    let mut doc: serde_json::Value = serde_json::from_str(V1).expect("json");
    doc["data"]["simulate"]["inputs"]["gross_margin_pct"] = serde_json::json!(1e308);
    let err = decode(&doc.to_string()).unwrap_err();
    assert!(
        matches!(err, DecodeError::OutOfRange(_) | DecodeError::BadField(_)),
        "{err}"
    );
}

#[test]
fn oversized_documents_are_refused_before_parsing() {
    let big = format!(
        r#"{{"version":1,"data":"{}"}}"#,
        "x".repeat(2 * 1024 * 1024)
    );
    assert!(matches!(decode(&big), Err(DecodeError::TooLarge(_))));
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert!(decode(&deep).is_err());
}

proptest! {
    #[test]
    fn any_text_decodes_or_is_refused_without_panicking(s in ".{0,400}") {
        let _ = decode(&s);
    }

    #[test]
    fn any_prefix_of_the_fixture_is_refused_or_decodes(cut in 0usize..4000) {
        let end = V1.char_indices().nth(cut).map_or(V1.len(), |(i, _)| i);
        let _ = decode(&V1[..end]);
    }
}
