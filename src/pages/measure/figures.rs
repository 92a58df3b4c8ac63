//! "What the data says": every measured figure with its formula, the sums
//! behind it and its benchmark reading, as [`readout`] writes them, and the
//! gross margin LTV and payback need (a billing export holds no costs).

use leptos::prelude::*;

use crate::components::kpi::Kpi;
use crate::components::number_field::NumberField;
use crate::domain::economics::Share;
use crate::domain::format;
use crate::domain::measure::{readout, Figure, Measurement, GROSS_MARGIN_RANGE};
use crate::state::use_workbench;

/// The gross margin LTV and payback use, %: the one confirmed on Measure,
/// else the simulator's.
pub fn gross_margin_pct() -> Memo<f64> {
    let wb = use_workbench();
    Memo::new(move |_| {
        wb.measure
            .with(|m| m.gross_margin_pct)
            .unwrap_or_else(|| wb.simulate.with(|s| s.inputs.gross_margin_pct))
    })
}

/// One figure as a [`Kpi`], its companions beside the value.
fn figure_view(f: Figure) -> impl IntoView {
    let compact = f.value.is_err();
    let value = match f.value {
        Ok(v) | Err(v) => v,
    };
    let companions = f.companions;
    let formula = f.formula.join(". ");
    view! {
        <Kpi
            label=f.label
            id=f.id
            value=value
            formula=formula
            note=f.detail
            verdict=f.verdict
            method=f.method
            compact=compact
        >
            {companions
                .into_iter()
                .map(|c| {
                    let text = match c.value {
                        Ok(v) | Err(v) => v,
                    };
                    view! {
                        <p class="kpi-companion">
                            <span class="kpi-companion-label">{format!("{}: ", c.label)}</span>
                            <span data-testid=c.id>{text}</span>
                        </p>
                    }
                })
                .collect_view()}
        </Kpi>
    }
}

/// The measured figures.
#[component]
pub fn Figures(
    /// The stored measurement.
    measurement: Memo<Option<Measurement>>,
) -> impl IntoView {
    let wb = use_workbench();
    let margin = gross_margin_pct();
    let confirmed = Memo::new(move |_| wb.measure.with(|m| m.gross_margin_pct.is_some()));
    let shown = Memo::new(move |_| {
        let gm = Share::from_percent(margin.get());
        measurement.with(|m| {
            m.as_ref()
                .map(|m| readout(&m.figures(), &m.source.currency, gm))
                .unwrap_or_default()
        })
    });
    let month = Memo::new(move |_| {
        measurement.with(|m| m.as_ref().map(|m| m.last_month.label()).unwrap_or_default())
    });
    let on_margin = Callback::new(move |v: f64| {
        wb.measure.update(|m| m.gross_margin_pct = Some(v));
    });
    view! {
        <section class="card measure-figures" aria-labelledby="measure-figures-title">
            <h2 id="measure-figures-title">"What the data says"</h2>
            <p class="section-lede">
                {move || format!(
                    "At the end of {}, the last complete month. Rates are pooled over the last 12 complete months. \
                     Hover or focus a figure for its formula.",
                    month.get()
                )}
            </p>
            <div class="measure-margin">
                <NumberField
                    label="Gross margin for LTV and payback (%)"
                    value=margin
                    range=GROSS_MARGIN_RANGE
                    on_valid=on_margin
                    id="measure-gross-margin"
                    help="A billing export holds no costs, so type your gross margin here."
                />
                <p class="field-help" data-testid="measure-margin-source">
                    {move || if confirmed.get() {
                        "Confirmed by you.".to_string()
                    } else {
                        format!("Taken from Simulate ({}) until you type one.", format::percent(margin.get(), 0))
                    }}
                </p>
            </div>
            <div class="kpi-grid measure-kpis">
                {move || shown.get().into_iter().map(figure_view).collect_view()}
            </div>
        </section>
    }
}
