//! The quick unit-economics calculator: five typed inputs, four figures
//! (LTV, LTV:CAC, CAC payback, lifetime) with formulas and benchmark
//! readings, and monthly ↔ annual churn entry.

use leptos::prelude::*;

use super::format::{ltv, ltv_cac, money_cents, number, payback, percent};
use super::kpi::Kpi;
use crate::app::use_store;
use crate::components::number_field::NumberField;
use crate::domain::economics::{
    formula, ChurnBasis, Lifetime, MonthlyRate, UnitEconomics, UnitField, UnitInputs,
    LTV_CAP_MONTHS,
};
use crate::domain::format::months;

/// Why LTV is capped, in words, with the uncapped formula's figure when it
/// has one.
fn capped_note(ue: &UnitEconomics, expansion_pct: f64) -> Option<String> {
    if !ue.ltv.is_capped() {
        return None;
    }
    let cap = LTV_CAP_MONTHS;
    let net = ue.monthly_churn.fraction() - MonthlyRate::from_percent(expansion_pct).fraction();
    let formula_value = ue.gross_profit_per_month / net;
    Some(if net > 0.0 && formula_value.is_finite() {
        format!(
            "Capped at {} of gross profit (the formula gives {}).",
            months(cap, 0),
            money_cents(formula_value)
        )
    } else {
        format!(
            "Capped at {} of gross profit: churn is not above expansion, so the formula has no finite value.",
            months(cap, 0)
        )
    })
}

/// The calculator.
#[component]
pub fn UnitEconomicsPanel() -> impl IntoView {
    let store = use_store();
    let unit = Memo::new(move |_| store.simulate.with(|s| s.unit.clone()));
    let ue = Memo::new(move |_| unit.with(UnitInputs::evaluate));
    let basis = Memo::new(move |_| unit.with(|u| u.churn_basis));

    let field = move |f: UnitField, basis: ChurnBasis| {
        let value = Memo::new(move |_| unit.with(|u| u.get(f)));
        view! {
            <NumberField
                label=f.label(basis)
                value=value
                range=f.range()
                on_valid=Callback::new(move |v| store.simulate.update(|s| {
                    // NumberField checked the same range, so this cannot fail.
                    let _ = s.unit.set(f, v);
                }))
                id=format!("ue-{}", f.slug())
                help=f.help()
            />
        }
    };

    let set_basis = move |b: ChurnBasis| store.simulate.update(|s| s.unit.set_churn_basis(b));
    let conversion = move || {
        let e = ue.get();
        let monthly = percent(e.monthly_churn.percent(), 2);
        let annual = percent(e.annual_churn.percent(), 2);
        match basis.get() {
            ChurnBasis::Monthly => format!(
                "{monthly} a month is {annual} a year. {}",
                formula::ANNUAL_CHURN
            ),
            ChurnBasis::Annual => format!(
                "{annual} a year is {monthly} a month. {}; the check: {}",
                formula::MONTHLY_CHURN,
                formula::ANNUAL_CHURN
            ),
        }
    };

    let ltv_note = move || {
        let expansion = unit.with(|u| u.expansion_pct);
        ue.with(|e| capped_note(e, expansion))
    };
    let ltv_formula = move || {
        if ue.with(|e| e.ltv.is_capped()) {
            format!("{}. {}", formula::LTV, formula::LTV_CAPPED)
        } else {
            formula::LTV.to_string()
        }
    };
    let payback_note = move || {
        ue.with(|e| {
            e.revenue_payback.months().map(|m| {
                format!(
                    "Revenue-based alternative: {} months ({}).",
                    number(m, 1),
                    formula::REVENUE_PAYBACK
                )
            })
        })
    };
    let lifetime_value = move || {
        ue.with(|e| match e.lifetime {
            Lifetime::Months(m) => number(m, 1),
            Lifetime::Unbounded => "No end".to_string(),
        })
    };
    let lifetime_note = move || {
        ue.with(|e| match e.lifetime {
            Lifetime::Unbounded => {
                Some("Churn is 0%, so in this model customers never leave.".to_string())
            }
            Lifetime::Months(_) => None,
        })
    };

    view! {
        <section class="unit-economics" aria-labelledby="ue-heading">
            <h2 id="ue-heading">"Unit economics of one customer"</h2>
            <p class="section-lede">
                "Type what one customer pays, costs to serve, and costs to win. The four figures on the right "
                "update as you type; hover over or focus a figure to see its formula."
            </p>
            <div class="ue-layout card">
                <div class="ue-inputs">
                    <div class="field-grid">
                        {field(UnitField::Arpa, ChurnBasis::Monthly)}
                        {field(UnitField::GrossMargin, ChurnBasis::Monthly)}
                        {move || field(UnitField::Churn, basis.get())}
                        {field(UnitField::Expansion, ChurnBasis::Monthly)}
                        {field(UnitField::Cac, ChurnBasis::Monthly)}
                    </div>
                    <fieldset class="churn-basis">
                        <legend>"Churn is entered"</legend>
                        <label>
                            <input type="radio" name="ue-churn-basis" value="monthly"
                                prop:checked=move || basis.get() == ChurnBasis::Monthly
                                on:change=move |_| set_basis(ChurnBasis::Monthly)/>
                            " per month"
                        </label>
                        <label>
                            <input type="radio" name="ue-churn-basis" value="annual"
                                prop:checked=move || basis.get() == ChurnBasis::Annual
                                on:change=move |_| set_basis(ChurnBasis::Annual)/>
                            " per year"
                        </label>
                    </fieldset>
                    <p class="churn-conversion" data-testid="ue-churn-conversion">{conversion}</p>
                </div>
                <div class="ue-outputs kpi-grid">
                    <Kpi
                        label="LTV (gross profit per customer)"
                        id="ue-ltv"
                        value=Signal::derive(move || ltv(ue.get().ltv))
                        formula=Signal::derive(ltv_formula)
                        note=Signal::derive(ltv_note)
                        verdict=Signal::derive(move || Some(ue.get().ltv_verdict()))
                    />
                    <Kpi
                        label="LTV:CAC"
                        id="ue-ltv-cac"
                        value=Signal::derive(move || ltv_cac(ue.get().ltv_cac))
                        formula=formula::LTV_CAC.to_string()
                        verdict=Signal::derive(move || Some(ue.get().ltv_cac_verdict()))
                    />
                    <Kpi
                        label="CAC payback (months, on gross margin)"
                        id="ue-payback"
                        value=Signal::derive(move || payback(ue.get().payback))
                        formula=formula::PAYBACK.to_string()
                        note=Signal::derive(payback_note)
                        verdict=Signal::derive(move || Some(ue.get().payback_verdict()))
                    />
                    <Kpi
                        label="Customer lifetime (months)"
                        id="ue-lifetime"
                        value=Signal::derive(lifetime_value)
                        formula=formula::LIFETIME.to_string()
                        note=Signal::derive(lifetime_note)
                        verdict=Signal::derive(move || Some(ue.get().churn_verdict()))
                    />
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(churn: f64, expansion: f64) -> UnitInputs {
        UnitInputs {
            arpa_per_month: 100.0,
            gross_margin_pct: 80.0,
            churn_pct: churn,
            churn_basis: ChurnBasis::Monthly,
            expansion_pct: expansion,
            cac: 1000.0,
        }
    }

    #[test]
    fn capped_note_gives_the_formula_figure_when_there_is_one() {
        let ue = inputs(1.0, 0.0).evaluate();
        assert_eq!(
            capped_note(&ue, 0.0).as_deref(),
            Some("Capped at 60 months of gross profit (the formula gives $8,000.00).")
        );
    }

    #[test]
    fn capped_note_says_the_formula_has_no_value_when_expansion_wins() {
        let ue = inputs(1.0, 2.0).evaluate();
        let note = capped_note(&ue, 2.0).unwrap_or_default();
        assert!(note.contains("no finite value"), "{note}");
        assert_eq!(capped_note(&inputs(2.0, 0.0).evaluate(), 0.0), None);
    }
}
