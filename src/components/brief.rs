//! The brief written from the figures ([`crate::domain::brief`]): three
//! sentences on the scenario and what needs attention first, each item with
//! a link to its input in Simulate. Opens the top of Simulate and the plan's
//! one-page report.

use leptos::prelude::*;

use crate::components::focus::{element, scroll_to_and_focus};
use crate::domain::brief::{brief, Attention, Brief as BriefText, NOTHING_STANDS_OUT};
use crate::domain::motion::Motion;
use crate::routes::Route;
use crate::state::derived::{use_outcome, use_projection, use_scenario_inputs, use_sensitivity};
use crate::state::use_workbench;

/// Where an item's link goes: its input, or the reality check when no one
/// input is to blame.
fn target(item: &Attention) -> (String, String) {
    match item.field {
        Some(f) => (f.slug().to_string(), format!("Change {}", f.name())),
        None => (
            "reality-heading".to_string(),
            "See the reality check".to_string(),
        ),
    }
}

/// The brief of the scenario being edited.
#[component]
pub fn Brief(
    /// The motion planned for; without it, the Assess result or the motion
    /// chosen to model.
    #[prop(optional, into)]
    motion: Option<Signal<Option<Motion>>>,
    /// Inside another section (the report): one heading level lower.
    #[prop(optional)]
    nested: bool,
) -> impl IntoView {
    let wb = use_workbench();
    let outcome = use_outcome();
    let inputs = use_scenario_inputs();
    let projection = use_projection();
    let sensitivity = use_sensitivity();
    let motion = motion.unwrap_or_else(|| {
        Signal::derive(move || {
            outcome
                .with(|o| o.motion())
                .or_else(|| wb.assess.with(|a| a.chosen_motion))
        })
    });
    let text = Memo::new(move |_| {
        let m = motion.get();
        inputs.with(|i| projection.with(|p| sensitivity.with(|s| brief(m, i, &p.summary, s))))
    });
    let id = if nested {
        "report-brief"
    } else {
        "brief-heading"
    };
    let heading = if nested {
        view! { <h3 id=id>"In brief"</h3> }.into_any()
    } else {
        view! { <h2 id=id>"In brief"</h2> }.into_any()
    };
    let attention_heading = move || {
        if nested {
            view! { <h4 class="brief-subhead">"What needs attention first"</h4> }.into_any()
        } else {
            view! { <h3 class="brief-subhead">"What needs attention first"</h3> }.into_any()
        }
    };
    view! {
        <section class="brief" aria-labelledby=id data-testid="brief">
            {heading}
            {move || text.with(|b: &BriefText| {
                let BriefText { sentences, caveat, attention } = b.clone();
                view! {
                    <p class="brief-text" data-testid="brief-text">{sentences.join(" ")}</p>
                    {caveat.map(|c| view! {
                        <p class="brief-caveat" data-testid="brief-caveat">
                            <strong>"Not credible yet: "</strong>{c}
                        </p>
                    })}
                    {attention_heading()}
                    {if attention.is_empty() {
                        view! {
                            <p class="brief-none">{NOTHING_STANDS_OUT}</p>
                        }.into_any()
                    } else {
                        view! {
                            <ol class="brief-attention">
                                {attention.into_iter().map(|item| {
                                    let (anchor, label) = target(&item);
                                    let href = Route::Simulate.href_to(&anchor);
                                    view! {
                                        <li>
                                            <span class="brief-problem">{item.problem}</span>
                                            " "
                                            <span class="brief-action">{item.action}</span>
                                            " "
                                            <a class="brief-link no-print" href=href
                                                on:click=move |ev| {
                                                    // Already on Simulate: move to the input
                                                    // without a navigation.
                                                    if element(&anchor).is_some() {
                                                        ev.prevent_default();
                                                        scroll_to_and_focus(&anchor);
                                                    }
                                                }>
                                                {label}
                                            </a>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }}
                }
            })}
        </section>
    }
}
