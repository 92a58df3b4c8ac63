//! The reality check: inputs or results outside what real companies show,
//! each with why it matters and a button to the input to blame.

use leptos::prelude::*;

use crate::components::focus::scroll_to_and_focus;
use crate::domain::insight::sanity_checks;
use crate::domain::sim::{Projection, ScenarioInputs};

/// The list of sanity warnings for the current scenario.
#[component]
pub fn RealityCheck(inputs: Memo<ScenarioInputs>, projection: Memo<Projection>) -> impl IntoView {
    let warnings =
        Memo::new(move |_| inputs.with(|i| projection.with(|p| sanity_checks(i, &p.summary))));
    view! {
        <section class="insight-part" aria-labelledby="reality-heading" data-testid="reality-check">
            <h3 id="reality-heading">"Reality check"</h3>
            <div role="status" aria-live="polite">
                {move || {
                    let list = warnings.get();
                    if list.is_empty() {
                        view! {
                            <p class="insight-ok">
                                "No input or result is outside what real SaaS companies report."
                            </p>
                        }
                        .into_any()
                    } else {
                        let count = list.len();
                        view! {
                            <p>
                                {if count == 1 {
                                    "One number is outside what real SaaS companies report:".to_string()
                                } else {
                                    format!("{count} numbers are outside what real SaaS companies report:")
                                }}
                            </p>
                            <ul class="sanity-list">
                                {list
                                    .into_iter()
                                    .map(|w| {
                                        let field = w.field;
                                        view! {
                                            <li data-sanity=w.id.slug()>
                                                <strong>{w.message}</strong>
                                                " "
                                                <span class="sanity-why">{w.why}</span>
                                                {field.map(|f| view! {
                                                    " "
                                                    <button type="button" class="link-button"
                                                        on:click=move |_| scroll_to_and_focus(f.slug())>
                                                        "Go to the input"
                                                    </button>
                                                })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any()
                    }
                }}
            </div>
        </section>
    }
}
