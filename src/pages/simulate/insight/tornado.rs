//! Sensitivity: every input moved down and up by the chosen swing, and the
//! change each move makes to LTV:CAC, CAC payback or ARR at the horizon,
//! largest first — as a tornado chart and as a table.

use leptos::prelude::*;

use super::{field_name, field_value, reading_text, tornado_chart, TORNADO_BARS};
use crate::components::chart_figure::ChartFigure;
use crate::components::data_table::{DataTable, Scroll};
use crate::components::number_field::NumberField;
use crate::domain::insight::{tornado, Output, Swing, SWING_RANGE};
use crate::domain::sim::ScenarioInputs;
use crate::state::use_workbench;

/// The tornado: swing, output picker, chart and table.
#[component]
pub fn TornadoPanel(inputs: Memo<ScenarioInputs>) -> impl IntoView {
    let wb = use_workbench();
    let swing_pct = Signal::derive(move || wb.insight.with(|i| i.swing_pct));
    let output = Memo::new(move |_| wb.insight.with(|i| i.tornado_output));
    let swing = Memo::new(move |_| Swing::from_percent(swing_pct.get()).unwrap_or_default());
    let analysis = Memo::new(move |_| inputs.with(|i| tornado(i, swing.get())));
    let chart = Memo::new(move |_| {
        analysis.with(|a| {
            a.chart(output.get())
                .map(|c| tornado_chart(c, a.swing))
                .unwrap_or_default()
        })
    });
    let rows = Memo::new(move |_| {
        analysis.with(|a| {
            a.chart(output.get())
                .map(|c| c.rows.clone())
                .unwrap_or_default()
        })
    });
    let base = Memo::new(move |_| {
        analysis.with(|a| {
            a.chart(output.get())
                .map(|c| reading_text(c.output, &c.base))
                .unwrap_or_default()
        })
    });
    let set_swing = Callback::new(move |v: f64| wb.insight.update(|i| i.swing_pct = v));

    view! {
        <section class="insight-part" aria-labelledby="tornado-heading">
            <h3 id="tornado-heading">"Sensitivity: which inputs matter most"</h3>
            <p class="section-lede">
                "Each input is moved down and then up by the same share, one at a time, with everything else "
                "held where it is. The longer the bar, the more the result depends on getting that input right: "
                "those are the numbers to check first."
            </p>
            <div class="insight-controls">
                <NumberField label="Move each input by ± (%)" value=swing_pct range=SWING_RANGE
                    on_valid=set_swing id="tornado-swing"
                    help="Between 1 and 90; 20 is the usual first look."/>
                <fieldset class="output-picker">
                    <legend>"Result to explain"</legend>
                    {Output::ALL
                        .into_iter()
                        .map(|o| {
                            let id = format!("tornado-output-{}", slug(o));
                            let label_for = id.clone();
                            view! {
                                <label for=label_for>
                                    <input type="radio" id=id name="tornado-output"
                                        prop:checked=move || output.get() == o
                                        on:change=move |_| wb.insight.update(|i| i.tornado_output = o)/>
                                    {o.label()}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </div>
            <p class="insight-base" data-testid="tornado-base">
                {move || format!("{} as entered: {}.", output.get().label(), base.get())}
            </p>
            <ChartFigure chart slug="tornado"/>
            <details class="insight-table">
                <summary>
                    {move || {
                        let n = rows.with(Vec::len);
                        if n > TORNADO_BARS {
                            format!("Every input that moves the result ({n}; the chart shows the top {TORNADO_BARS})")
                        } else {
                            format!("Every input that moves the result ({n})")
                        }
                    }}
                </summary>
                <DataTable
                    columns=["Input", "Lowered to", "Result", "Raised to", "Result"]
                    caption=move || format!("{} with each input lowered and raised", output.get().label())
                    testid="tornado-table"
                    scroll=Scroll::Box
                >
                    {move || {
                        let o = output.get();
                        rows.get()
                            .into_iter()
                            .map(|r| view! {
                                <tr>
                                    <th scope="row">{field_name(r.field)}</th>
                                    <td class="num">{field_value(r.field, r.low_value)}</td>
                                    <td class="num">{reading_text(o, &r.at_low)}</td>
                                    <td class="num">{field_value(r.field, r.high_value)}</td>
                                    <td class="num">{reading_text(o, &r.at_high)}</td>
                                </tr>
                            })
                            .collect_view()
                    }}
                </DataTable>
            </details>
        </section>
    }
}

/// A stable id part for an output.
fn slug(o: Output) -> &'static str {
    match o {
        Output::LtvCac => "ltv-cac",
        Output::Payback => "payback",
        Output::EndingArr => "arr",
    }
}
