//! Import messages in the person's terms: which entry is wrong (by its
//! label) and what is wrong with it, never a parser's vocabulary, and never
//! more than a few characters of what was pasted.

use gtm_workbench::domain::state::AppState;
use gtm_workbench::persist::explain::QUOTE_CHARS;
use gtm_workbench::persist::schema::{self, DecodeError};

/// The default document with one value replaced at a JSON pointer.
fn with(pointer: &str, value: serde_json::Value) -> String {
    let raw = schema::encode(&AppState::default()).unwrap_or_default();
    let mut doc: serde_json::Value = serde_json::from_str(&raw).unwrap_or_default();
    if let Some(slot) = doc.pointer_mut(pointer) {
        *slot = value;
    } else {
        panic!("{pointer} is not in the default document");
    }
    doc.to_string()
}

fn message(raw: &str) -> String {
    match schema::decode(raw) {
        Ok(_) => panic!("{raw:.80} was accepted"),
        Err(e) => e.to_string(),
    }
}

/// No serde or parser vocabulary reaches the person.
fn reads_plainly(text: &str) {
    for jargon in [
        "invalid type",
        "expected f64",
        "f64",
        "u32",
        "struct ",
        "column",
        "EOF",
        "`",
    ] {
        assert!(!text.contains(jargon), "“{jargon}” in: {text}");
    }
}

#[test]
fn text_in_a_number_field_names_the_field_by_its_label() {
    let m = message(&with(
        "/data/simulate/inputs/self_serve/arpa_per_month",
        "lots".into(),
    ));
    assert_eq!(
        m,
        "the value for Self-serve ARPA ($/month) in the current scenario (Simulate) is text (“lots”); it must be a number"
    );
    reads_plainly(&m);
}

#[test]
fn entries_of_lists_say_which_one() {
    let m = message(&with("/data/plan/rules/1/share_pct", "half".into()));
    assert!(
        m.contains("share of accounts (%) of playbook rule 2 (Plan)"),
        "{m}"
    );
    reads_plainly(&m);
    let m = message(&with("/data/assess/weights/pricing", serde_json::json!(-3)));
    assert!(m.contains("the weight of"), "{m}");
    assert!(m.contains("(Assess)"), "{m}");
    assert!(m.contains("a whole number of 0 or more"), "{m}");
    reads_plainly(&m);
}

#[test]
fn a_missing_or_empty_number_and_an_unknown_name_are_named() {
    let m = message(&with(
        "/data/simulate/inputs/gross_margin_pct",
        serde_json::Value::Null,
    ));
    assert!(
        m.contains("Gross margin (%) in the current scenario"),
        "{m}"
    );
    assert!(m.contains("is empty"), "{m}");
    reads_plainly(&m);

    let m = message(&with("/data/theme", "purple".into()));
    assert!(m.contains("the theme"), "{m}");
    assert!(m.contains("“purple”"), "{m}");
    assert!(m.contains("one of: light, dark, projector"), "{m}");
    reads_plainly(&m);

    let raw = schema::encode(&AppState::default()).unwrap_or_default();
    let mut doc: serde_json::Value = serde_json::from_str(&raw).unwrap_or_default();
    if let Some(unit) = doc
        .pointer_mut("/data/simulate/unit")
        .and_then(|u| u.as_object_mut())
    {
        unit.remove("cac");
    }
    let m = message(&doc.to_string());
    assert!(
        m.contains("CAC ($) in the quick calculator (Simulate) is missing"),
        "{m}"
    );
    reads_plainly(&m);
}

#[test]
fn a_long_paste_is_quoted_a_few_characters_at_most() {
    let paste = "forty thousand dollars a month, give or take, ".repeat(40);
    let m = message(&with(
        "/data/simulate/inputs/sales_led/acv_per_year",
        paste.clone().into(),
    ));
    assert!(
        m.chars().count() < 200,
        "{} characters: {m}",
        m.chars().count()
    );
    let quoted = m
        .split('“')
        .nth(1)
        .and_then(|q| q.split('”').next())
        .unwrap_or_default();
    assert!(quoted.chars().count() <= QUOTE_CHARS + 1, "{quoted}");
    assert!(!m.contains(&paste[..60]));
}

#[test]
fn a_syntax_error_says_where_in_words() {
    let m = message("{\"version\": 3, \"data\": {\"theme\": \"li\tght\"}}");
    assert!(m.contains("line 1, character"), "{m}");
    assert!(
        m.contains("tab, line break or other control character"),
        "{m}"
    );
    reads_plainly(&m);

    let m = message("{\"version\": 3, \"data\": {\"theme\": ");
    assert!(m.contains("cut off"), "{m}");
    reads_plainly(&m);

    let m = message("{not json");
    assert!(m.contains("not valid JSON"), "{m}");
    assert!(m.contains("not in double quotes"), "{m}");
    reads_plainly(&m);

    // A long line is quoted only near the error.
    let long = format!(
        "{{\"version\": 3, \"pad\": \"{}\", oops}}",
        "y".repeat(5000)
    );
    let m = message(&long);
    assert!(m.chars().count() < 200, "{m}");
}

#[test]
fn a_value_out_of_range_names_the_field_and_its_unit() {
    let m = message(&with(
        "/data/simulate/inputs/self_serve/churn_pct",
        serde_json::json!(150.0),
    ));
    assert!(
        m.starts_with(
            "the value for Self-serve churn (%/month) in the current scenario (Simulate)"
        ),
        "{m}"
    );
    assert!(m.contains("150%"), "{m}");
    reads_plainly(&m);
    let err = schema::decode(&with("/data/plan/pilot/weeks", serde_json::json!(900)));
    assert!(matches!(err, Err(DecodeError::OutOfRange(_))), "{err:?}");
}
