//! "How the numbers are computed" (issue 11, "How to prove it"): one page
//! lists every formula, convention and band, from the same definitions as
//! the figures.
#![cfg(not(target_arch = "wasm32"))]

use gtm_workbench::domain::benchmarks::{table, BenchmarkId};
use gtm_workbench::domain::economics::formula;
use gtm_workbench::domain::methods::{method, methods, Group, MethodId};
use gtm_workbench::domain::sim::Billing;

#[test]
fn every_entry_has_a_unique_anchor_a_group_and_a_formula() {
    let all = methods();
    let mut slugs: Vec<&str> = all.iter().map(|m| m.id.slug()).collect();
    slugs.sort_unstable();
    slugs.dedup();
    assert_eq!(slugs.len(), all.len(), "anchors are unique");
    for m in &all {
        let slug = m.id.slug();
        assert!(!m.formula.trim().is_empty(), "{slug}");
        assert!(
            slug.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{slug} is usable as an anchor"
        );
    }
    for g in Group::ALL {
        assert!(all.iter().any(|m| m.group == g), "{g:?} has entries");
    }
}

#[test]
fn entries_quote_the_texts_the_figures_show() {
    assert_eq!(
        method(MethodId::Ltv).map(|m| m.formula),
        Some(formula::LTV.to_string())
    );
    assert_eq!(
        method(MethodId::BlendedCac).map(|m| m.formula),
        Some(formula::BLENDED_CAC.to_string())
    );
    assert_eq!(
        method(MethodId::Billing).map(|m| m.formula),
        Some(Billing::CONVENTION.to_string())
    );
}

#[test]
fn the_band_table_has_every_benchmark_once_with_a_source() {
    let rows = table();
    for id in [
        BenchmarkId::LtvCac,
        BenchmarkId::Payback,
        BenchmarkId::LogoChurn,
        BenchmarkId::FreemiumToPaid,
        BenchmarkId::OptInTrialToPaid,
        BenchmarkId::CardTrialToPaid,
        BenchmarkId::PqlToPaid,
        BenchmarkId::MagicNumber,
        BenchmarkId::ViralCoefficient,
        BenchmarkId::GrossMargin,
        BenchmarkId::WinRate,
        BenchmarkId::Nrr,
    ] {
        let found: Vec<_> = rows.iter().filter(|b| b.id == id).collect();
        assert_eq!(found.len(), 1, "{id:?}");
        assert!(!found[0].source.is_empty() && !found[0].band.is_empty());
    }
}

/// Every id a figure can link to has exactly one entry on the page, and the
/// page lists no entry twice: figures link by [`MethodId`], so an id without
/// an entry would be a link to nowhere.
#[test]
fn every_method_id_has_exactly_one_entry() {
    let all = methods();
    for id in MethodId::ALL {
        let count = all.iter().filter(|m| m.id == id).count();
        assert_eq!(count, 1, "{id:?} has {count} entries");
    }
    assert_eq!(
        all.len(),
        MethodId::ALL.len(),
        "an entry outside MethodId::ALL"
    );
}
