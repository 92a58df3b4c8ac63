//! The quick unit-economics calculator: five typed inputs, four figures
//! (LTV, LTV:CAC, CAC payback, lifetime) with formulas and benchmark
//! readings, and monthly ↔ annual churn entry.

use leptos::prelude::*;

use super::format::{ltv, ltv_cac, money_cents, number, payback, percent};
use crate::components::kpi::Kpi;
use crate::components::number_field::NumberField;
use crate::components::stale_note::StaleNote;
use crate::domain::economics::{
    formula, ChurnBasis, Lifetime, UnitEconomics, UnitField, UnitInputs, DISCOUNT_RATE_RANGE,
    LTV_CAP_MONTHS,
};
use crate::domain::format::months;
use crate::domain::methods::MethodId;
use crate::state::stale::FieldGroup;
use crate::state::use_workbench;

/// The discount rate offered when the user first asks for a discounted LTV,
/// % a year.
const DEFAULT_DISCOUNT_RATE_PCT: f64 = 10.0;

/// Why LTV is capped, in words: only when the formula has no finite value.
fn capped_note(ue: &UnitEconomics) -> Option<String> {
    ue.ltv.is_capped().then(|| {
        format!(
            "Capped at {} of gross profit: churn is not above expansion, so the formula has no finite value.",
            months(LTV_CAP_MONTHS, 0)
        )
    })
}

/// The calculator.
#[component]
pub fn UnitEconomicsPanel() -> impl IntoView {
    let wb = use_workbench();
    let unit = Memo::new(move |_| wb.simulate.with(|s| s.unit.clone()));
    let ue = Memo::new(move |_| unit.with(UnitInputs::evaluate));
    let basis = Memo::new(move |_| unit.with(|u| u.churn_basis));

    let field = move |f: UnitField, basis: ChurnBasis| {
        let value = Memo::new(move |_| unit.with(|u| u.get(f)));
        view! {
            <NumberField
                label=f.label(basis)
                value=value
                range=f.range()
                on_valid=Callback::new(move |v| wb.simulate.update(|s| {
                    // NumberField checked the same range, so this cannot fail.
                    let _ = s.unit.set(f, v);
                }))
                id=format!("ue-{}", f.slug())
                help=f.help()
            />
        }
    };

    let set_basis = move |b: ChurnBasis| wb.simulate.update(|s| s.unit.set_churn_basis(b));
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

    let ltv_note = move || ue.with(capped_note);
    let discount = Memo::new(move |_| wb.simulate.with(|s| s.ltv_discount_rate_pct));
    let discounted = move || {
        discount
            .get()
            .map(|rate| unit.with(|u| u.discounted_ltv(rate)))
    };
    let discounted_note = move || {
        discounted().and_then(|l| {
            l.is_capped().then(|| {
                "Churn plus the discount rate is not above expansion, so the sum is cut at 60 discounted months.".to_string()
            })
        })
    };
    let set_discount = move |rate: Option<f64>| {
        wb.simulate.update(|s| s.ltv_discount_rate_pct = rate);
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
                    <StaleNote group=FieldGroup::Calculator testid="ue-stale"/>
                </div>
                <div class="ue-outputs kpi-grid">
                    <Kpi
                        label="LTV (gross profit per customer)"
                        id="ue-ltv"
                        method=MethodId::Ltv
                        value=Signal::derive(move || ltv(ue.get().ltv))
                        formula=Signal::derive(ltv_formula)
                        note=Signal::derive(ltv_note)
                        verdict=Signal::derive(move || Some(ue.get().ltv_verdict()))
                    />
                    <Kpi
                        label="LTV over 5 years"
                        id="ue-ltv-5y"
                        method=MethodId::LtvFiveYears
                        value=Signal::derive(move || money_cents(ue.get().ltv_five_years))
                        formula=formula::LTV_FIVE_YEARS.to_string()
                        note=Signal::derive(|| Some("A conservative figure beside LTV: five years of gross profit, no more.".to_string()))
                    />
                    <Kpi
                        label="LTV:CAC"
                        id="ue-ltv-cac"
                        method=MethodId::LtvCac
                        value=Signal::derive(move || ltv_cac(ue.get().ltv_cac))
                        formula=formula::LTV_CAC.to_string()
                        verdict=Signal::derive(move || Some(ue.get().ltv_cac_verdict()))
                    />
                    <Kpi
                        label="CAC payback (months, on gross margin)"
                        id="ue-payback"
                        method=MethodId::Payback
                        value=Signal::derive(move || payback(ue.get().payback))
                        formula=formula::PAYBACK.to_string()
                        note=Signal::derive(payback_note)
                        verdict=Signal::derive(move || Some(ue.get().payback_verdict()))
                    />
                    <Kpi
                        label="Customer lifetime (months)"
                        id="ue-lifetime"
                        method=MethodId::Lifetime
                        value=Signal::derive(lifetime_value)
                        formula=formula::LIFETIME.to_string()
                        note=Signal::derive(lifetime_note)
                        verdict=Signal::derive(move || Some(ue.get().churn_verdict()))
                    />
                </div>
                <div class="ue-discount">
                    <label class="check">
                        <input type="checkbox" id="ue-discount-on"
                            prop:checked=move || discount.get().is_some()
                            on:change:target=move |ev| {
                                set_discount(ev.target().checked().then_some(DEFAULT_DISCOUNT_RATE_PCT));
                            }/>
                        " Also show a discounted LTV"
                    </label>
                    <Show when=move || discount.get().is_some()>
                        <NumberField
                            label="Annual discount rate (%)"
                            id="ue-discount-rate"
                            value=Signal::derive(move || discount.get().unwrap_or(DEFAULT_DISCOUNT_RATE_PCT))
                            range=DISCOUNT_RATE_RANGE
                            on_valid=Callback::new(move |v| set_discount(Some(v)))
                            help="What money a year from now is worth less than money today, e.g. your cost of capital."
                        />
                        <Kpi
                            label="Discounted LTV"
                            id="ue-ltv-discounted"
                        method=MethodId::LtvDiscounted
                            value=Signal::derive(move || discounted().map_or_else(String::new, ltv))
                            formula=formula::DISCOUNTED_LTV.to_string()
                            note=Signal::derive(discounted_note)
                        />
                    </Show>
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
    fn a_finite_ltv_has_no_capped_note_however_large() {
        // 1 % churn: 100 months of gross profit, shown as it is.
        assert_eq!(capped_note(&inputs(1.0, 0.0).evaluate()), None);
        assert_eq!(capped_note(&inputs(0.1, 0.0).evaluate()), None);
    }

    #[test]
    fn capped_note_says_the_formula_has_no_value_when_expansion_wins() {
        let note = capped_note(&inputs(1.0, 2.0).evaluate()).unwrap_or_default();
        assert!(note.contains("no finite value"), "{note}");
    }
}
