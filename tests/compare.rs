//! Native tests for the comparison data: rows, themes, search, pins and the
//! saved Compare state.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use gtm_workbench::domain::assess::Factor;
use gtm_workbench::domain::compare::{
    self, field_at_anchor, filter, ordered, row, rows, sim_anchor, CompareState, Theme,
};
use gtm_workbench::domain::motion::CompareColumn;
use gtm_workbench::domain::sim::FieldId;

#[test]
fn every_row_has_text_in_all_three_columns_and_a_detail() {
    for r in rows() {
        assert!(!r.dimension.trim().is_empty(), "{}: dimension", r.id);
        for col in [
            CompareColumn::SalesLed,
            CompareColumn::Hybrid,
            CompareColumn::ProductLed,
        ] {
            assert!(!r.cell(col).trim().is_empty(), "{}: {col:?} is empty", r.id);
        }
        assert!(!r.detail.trim().is_empty(), "{}: detail", r.id);
    }
}

#[test]
fn cells_stay_short_enough_for_a_projector() {
    for r in rows() {
        for text in [r.sales_led, r.hybrid, r.product_led] {
            assert!(
                text.chars().count() <= 70,
                "{}: cell too long ({} chars): {text}",
                r.id,
                text.chars().count()
            );
        }
    }
}

#[test]
fn details_have_two_to_four_sentences() {
    for r in rows() {
        let sentences = r
            .detail
            .split(['.', '!', '?'])
            .filter(|s| s.trim().chars().count() > 3)
            .count();
        assert!(
            (2..=4).contains(&sentences),
            "{}: {sentences} sentences",
            r.id
        );
    }
}

#[test]
fn every_theme_has_rows() {
    for t in Theme::ALL {
        assert!(
            rows().iter().any(|r| r.theme == t),
            "theme {} has no rows",
            t.label()
        );
    }
}

#[test]
fn every_row_has_a_theme_among_the_four() {
    for r in rows() {
        assert!(Theme::ALL.contains(&r.theme), "{}", r.id);
    }
    let by_theme: usize = Theme::ALL
        .iter()
        .map(|t| filter(rows(), Some(*t), "").len())
        .sum();
    assert_eq!(by_theme, rows().len());
}

#[test]
fn row_ids_are_unique() {
    let ids: HashSet<&str> = rows().iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), rows().len());
}

#[test]
fn every_dimension_the_articles_compare_is_present() {
    let wanted = [
        "acquisition",
        "buyer_motion",
        "friction",
        "cac",
        "sales_cycle",
        "product_experience",
        "scalability",
        "target_audience",
        "acv",
        "monetization",
        "metric_focus",
        "key_skills",
        "product_type",
        "tech_stack",
    ];
    for id in wanted {
        assert!(row(id).is_some(), "missing row {id}");
    }
    assert!(
        rows()
            .iter()
            .filter(|r| r.id.starts_with("metrics_"))
            .count()
            >= 1,
        "no row for the metrics each motion watches"
    );
}

#[test]
fn money_rows_link_to_the_simulator_inputs() {
    assert_eq!(
        row("cac").and_then(|r| r.sim_input),
        Some(FieldId::SlCostPerOpportunity)
    );
    assert_eq!(
        row("sales_cycle").and_then(|r| r.sim_input),
        Some(FieldId::SlSalesCycle)
    );
    assert_eq!(row("acv").and_then(|r| r.sim_input), Some(FieldId::SlAcv));
}

/// Links people already saved (`/simulate#sl_acv`) keep landing on their
/// input, and every anchor a row links to leads back to that row's input.
#[test]
fn row_links_use_the_short_anchors_and_resolve_back_to_their_input() {
    assert_eq!(sim_anchor(FieldId::SlCostPerOpportunity), "sl_cost_per_opp");
    assert_eq!(sim_anchor(FieldId::SlSalesCycle), "sl_cycle_months");
    assert_eq!(sim_anchor(FieldId::SlAcv), "sl_acv");
    for r in rows() {
        if let Some(field) = r.sim_input {
            assert_eq!(field_at_anchor(sim_anchor(field)), Some(field), "{}", r.id);
        }
    }
    // An input without a short anchor is linked by its slug, its input's id.
    assert_eq!(sim_anchor(FieldId::SsChurnPct), "self_serve.churn_pct");
    assert_eq!(field_at_anchor("self_serve.churn_pct"), None);
}

#[test]
fn every_assess_factor_is_named_by_some_row() {
    for f in Factor::ALL {
        assert!(
            rows().iter().any(|r| r.factor == Some(f)),
            "no row leans on factor {f:?}"
        );
    }
}

#[test]
fn theme_slugs_round_trip() {
    for t in Theme::ALL {
        assert_eq!(Theme::from_slug(t.slug()), Some(t));
    }
    assert_eq!(Theme::from_slug("money"), None);
}

#[test]
fn filtering_by_theme_keeps_only_that_theme_in_order() {
    let econ = filter(rows(), Some(Theme::Economics), "");
    assert!(!econ.is_empty());
    assert!(econ.iter().all(|r| r.theme == Theme::Economics));
    let positions: Vec<usize> = econ
        .iter()
        .filter_map(|r| rows().iter().position(|x| x.id == r.id))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn search_is_case_insensitive_and_covers_cells_and_detail() {
    // "CPQ" appears only in the tech-stack row's sales-led cell.
    let hits: Vec<&str> = filter(rows(), None, "cpq").iter().map(|r| r.id).collect();
    assert!(hits.contains(&"tech_stack"), "{hits:?}");
    // The dimension is searched.
    let hits: Vec<&str> = filter(rows(), None, "BUYER MOTION")
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(hits, vec!["buyer_motion"]);
    // The detail is searched: the price bands are only in the ACV detail.
    let hits: Vec<&str> = filter(rows(), None, "$1,000 a month")
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(hits, vec!["acv"]);
}

#[test]
fn search_requires_every_term_and_blank_matches_all() {
    assert_eq!(filter(rows(), None, "   ").len(), rows().len());
    let both = filter(rows(), None, "enterprise negotiated");
    assert!(both
        .iter()
        .all(|r| r.matches("enterprise") && r.matches("negotiated")));
    assert!(filter(rows(), None, "zzzz-no-such-word").is_empty());
    // Theme and query combine.
    let hits = filter(rows(), Some(Theme::Organisation), "cpq");
    assert_eq!(hits.len(), 1);
    assert!(filter(rows(), Some(Theme::Customer), "cpq").is_empty());
}

#[test]
fn pinned_rows_come_first_in_pin_order() {
    let pinned = vec!["acv".to_string(), "friction".to_string()];
    let out = ordered(rows(), &pinned);
    assert_eq!(out.len(), rows().len());
    assert_eq!(out[0].id, "acv");
    assert_eq!(out[1].id, "friction");
    // The rest keep their original order.
    let rest: Vec<&str> = out[2..].iter().map(|r| r.id).collect();
    let expected: Vec<&str> = rows()
        .iter()
        .map(|r| r.id)
        .filter(|id| *id != "acv" && *id != "friction")
        .collect();
    assert_eq!(rest, expected);
}

#[test]
fn pins_outside_a_filtered_set_are_skipped_and_duplicates_ignored() {
    let econ = filter(rows(), Some(Theme::Economics), "");
    let pinned = vec![
        "friction".to_string(), // not an economics row
        "acv".to_string(),
        "acv".to_string(),
        "nonsense".to_string(),
    ];
    let out = ordered(econ.iter().copied(), &pinned);
    assert_eq!(out.len(), econ.len());
    assert_eq!(out[0].id, "acv");
    assert!(out.iter().all(|r| r.theme == Theme::Economics));
}

#[test]
fn compare_state_toggles_and_validates_pins() {
    let mut s = CompareState::default();
    assert!(s.validate().is_ok());
    assert!(s.toggle_pin("cac"));
    assert!(s.toggle_pin("acv"));
    assert!(!s.toggle_pin("not-a-row"));
    assert_eq!(s.pinned, vec!["cac", "acv"]);
    assert!(s.validate().is_ok());
    assert!(!s.toggle_pin("cac"));
    assert_eq!(s.pinned, vec!["acv"]);

    let unknown = CompareState {
        pinned: vec!["acv".into(), "bogus".into()],
    };
    let err = unknown.validate().unwrap_err();
    assert_eq!(err.field, "compare.pinned");
    assert!(err.problem.contains("bogus"));

    let twice = CompareState {
        pinned: vec!["acv".into(), "acv".into()],
    };
    assert!(twice.validate().is_err());
}

#[test]
fn compare_state_rejects_unknown_fields() {
    let ok: Result<CompareState, _> = serde_json::from_str(r#"{"pinned":["cac"]}"#);
    assert!(ok.is_ok());
    let bad: Result<CompareState, _> = serde_json::from_str(r#"{"pinned":[],"extra":1}"#);
    assert!(bad.is_err());
}

#[test]
fn compare_module_exposes_the_row_lookup() {
    assert_eq!(compare::row("acv").map(|r| r.theme), Some(Theme::Economics));
    assert!(compare::row("nope").is_none());
}
