//! "How the numbers are computed" (issue 11, "How to prove it"): one page
//! lists every formula, convention and band, from the same definitions as
//! the figures.
#![cfg(not(target_arch = "wasm32"))]

use gtm_workbench::domain::benchmarks::{table, BenchmarkId};
use gtm_workbench::domain::economics::formula;
use gtm_workbench::domain::methods::{method, methods, Group};
use gtm_workbench::domain::sim::Billing;

#[test]
fn every_entry_has_a_unique_anchor_a_group_and_a_formula() {
    let all = methods();
    let mut slugs: Vec<&str> = all.iter().map(|m| m.slug).collect();
    slugs.sort_unstable();
    slugs.dedup();
    assert_eq!(slugs.len(), all.len(), "anchors are unique");
    for m in &all {
        assert!(!m.formula.trim().is_empty(), "{}", m.slug);
        assert!(
            m.slug
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{} is usable as an anchor",
            m.slug
        );
    }
    for g in Group::ALL {
        assert!(all.iter().any(|m| m.group == g), "{g:?} has entries");
    }
}

#[test]
fn entries_quote_the_texts_the_figures_show() {
    assert_eq!(
        method("ltv").map(|m| m.formula),
        Some(formula::LTV.to_string())
    );
    assert_eq!(
        method("blended-cac").map(|m| m.formula),
        Some(formula::BLENDED_CAC.to_string())
    );
    assert_eq!(
        method("billing").map(|m| m.formula),
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

/// Every figure that links to the page names an entry that exists: the
/// `method="…"` slugs in src/pages.
#[test]
fn every_link_from_a_figure_lands_on_an_entry() {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(std::fs::read_to_string(&p).unwrap_or_default());
            }
        }
    }
    let mut sources = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let mut linked = 0;
    for src in &sources {
        for part in src.split("method=\"").skip(1) {
            let slug = part.split('"').next().unwrap_or_default();
            assert!(method(slug).is_some(), "no entry for method=\"{slug}\"");
            linked += 1;
        }
    }
    assert!(linked >= 10, "only {linked} figures link to the page");
}
