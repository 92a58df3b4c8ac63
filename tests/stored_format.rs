//! The stored format: every version ever shipped has a fixture file in
//! `tests/fixtures/` that must decode forever, and the decoder refuses what
//! it cannot read without panicking.
#![cfg(not(target_arch = "wasm32"))]

use gtm_workbench::domain::state::{AppState, Theme};
use gtm_workbench::persist::schema::{decode, encode, DecodeError, CURRENT_VERSION};
use proptest::prelude::*;

const V1: &str = include_str!("fixtures/v1.json");

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
fn the_fixture_is_a_version_this_build_reads() {
    let doc: serde_json::Value = serde_json::from_str(V1).expect("json");
    assert_eq!(doc["version"], 1);
    assert_eq!(
        CURRENT_VERSION, 1,
        "a new version needs a fixture of its own and a migration test"
    );
}

#[test]
fn decoding_then_encoding_the_fixture_is_stable() {
    let state = decode(V1).expect("decodes");
    let again = decode(&encode(&state).expect("encodes")).expect("decodes again");
    assert_eq!(state, again);
}

#[test]
fn default_state_round_trips() {
    let state = AppState::default();
    assert_eq!(decode(&encode(&state).expect("encodes")), Ok(state));
}

#[test]
fn a_newer_version_is_reported_as_newer() {
    let err = decode(r#"{"version":2,"data":{}}"#).unwrap_err();
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
