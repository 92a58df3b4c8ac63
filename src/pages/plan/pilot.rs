//! The pilot plan: one segment, one motion, a fixed number of weeks and
//! success metrics with targets.

use leptos::prelude::*;

use crate::components::focus::focus_after_frame;
use crate::components::number_field::NumberField;
use crate::components::text_field::TextField;
use crate::domain::motion::Motion;
use crate::domain::plan::{suggested_pilot_metrics, PilotMetric, MAX_PILOT_METRICS, WEEKS_RANGE};
use crate::state::use_workbench;

use super::motion_select::MotionSelect;

/// The pilot section.
#[component]
pub(super) fn Pilot(recommended: Signal<Option<Motion>>, motion: Signal<Motion>) -> impl IntoView {
    let wb = use_workbench();
    let picked = move || wb.plan.with(|p| p.pilot.motion);
    // The motion the pilot tests: its own choice, else the one planned for.
    // None follows the recommendation, or the planned motion until there is one.
    let pilot_motion = move || {
        picked()
            .or_else(|| recommended.get())
            .unwrap_or_else(|| motion.get())
    };
    let follow_label = move || match recommended.get() {
        Some(m) => format!("Recommended: {}", m.label()),
        None => format!("As planned: {}", motion.get().label()),
    };
    let count = move || wb.plan.with(|p| p.pilot.metrics.len());
    let full = move || count() >= MAX_PILOT_METRICS;
    let add = move |_| {
        let mut added = None;
        wb.plan.update(|p| {
            if p.pilot.metrics.len() < MAX_PILOT_METRICS {
                p.pilot.metrics.push(PilotMetric::default());
                added = Some(p.pilot.metrics.len() - 1);
            }
        });
        if let Some(i) = added {
            focus_after_frame(format!("pilot-metric-{i}-name"));
        }
    };
    let suggest = move |_| {
        let suggestions = suggested_pilot_metrics(pilot_motion());
        wb.plan.update(|p| {
            for s in suggestions {
                let known = p
                    .pilot
                    .metrics
                    .iter()
                    .any(|m| m.name.trim().eq_ignore_ascii_case(&s.name));
                if !known && p.pilot.metrics.len() < MAX_PILOT_METRICS {
                    p.pilot.metrics.push(s);
                }
            }
        });
    };

    view! {
        <section class="plan-section" aria-labelledby="pilot-heading">
            <h2 id="pilot-heading">"Pilot plan"</h2>
            <p class="plan-intro">
                "Try the motion on a small group before you commit: one segment, a fixed number "
                "of weeks, and targets agreed before it starts."
            </p>
            <div class="field-grid plan-pilot">
                <TextField
                    label="Segment"
                    id="pilot-segment"
                    optional=true
                    class="plan-wide"
                    help="Which customers take part, e.g. agencies with under 50 staff."
                    value=Signal::derive(move || wb.plan.with(|p| p.pilot.segment.clone()))
                    on_valid=Callback::new(move |v: String| wb.plan.update(|p| p.pilot.segment = v))
                />
                <NumberField
                    label="Length (weeks)"
                    id="pilot-weeks"
                    value=Signal::derive(move || wb.plan.with(|p| f64::from(p.pilot.weeks)))
                    range=WEEKS_RANGE
                    on_valid=Callback::new(move |v: f64| {
                        // WEEKS_RANGE only lets whole numbers from 1 to 104 through.
                        let weeks = v.round().clamp(1.0, 104.0) as u32;
                        wb.plan.update(|p| p.pilot.weeks = weeks);
                    })
                />
                <MotionSelect
                    label="Motion tested"
                    id="pilot-motion"
                    class="plan-wide"
                    picked=Signal::derive(picked)
                    follow_label
                    on_pick=Callback::new(move |m| wb.plan.update(|p| p.pilot.motion = m))
                />
            </div>

            <h3>"Success metrics and targets"</h3>
            <Show when=move || count() == 0>
                <p class="plan-empty">"No success metrics yet. Add your own or start from the suggestions."</p>
            </Show>
            <ol class="plan-pilot-metrics">
                {move || (0..count()).map(|i| view! { <PilotMetricRow index=i/> }).collect_view()}
            </ol>
            <div class="plan-buttons">
                <button type="button" id="pilot-add-metric" disabled=full on:click=add>
                    "Add a success metric"
                </button>
                <button type="button" disabled=full on:click=suggest>
                    {move || format!("Add the suggested metrics for {}", pilot_motion().label())}
                </button>
                <Show when=full>
                    <p class="field-help">{format!("A pilot lists at most {MAX_PILOT_METRICS} metrics.")}</p>
                </Show>
            </div>
        </section>
    }
}

/// One success metric: name, target and a remove button.
#[component]
fn PilotMetricRow(index: usize) -> impl IntoView {
    let wb = use_workbench();
    let field = move |f: fn(&PilotMetric) -> String| {
        Signal::derive(move || {
            wb.plan
                .with(|p| p.pilot.metrics.get(index).map(f).unwrap_or_default())
        })
    };
    let name = field(|m| m.name.clone());
    let n = index + 1;
    let remove = move |_| {
        wb.plan.update(|p| {
            if index < p.pilot.metrics.len() {
                p.pilot.metrics.remove(index);
            }
        });
        focus_after_frame("pilot-add-metric");
    };
    view! {
        <li class="plan-pilot-metric">
            <TextField
                label=format!("Metric {n}")
                id=format!("pilot-metric-{index}-name")
                optional=true
                value=name
                on_valid=Callback::new(move |v: String| wb.plan.update(|p| {
                    if let Some(m) = p.pilot.metrics.get_mut(index) {
                        m.name = v;
                    }
                }))
            />
            <TextField
                label=format!("Target {n}")
                id=format!("pilot-metric-{index}-target")
                optional=true
                value=field(|m| m.target.clone())
                on_valid=Callback::new(move |v: String| wb.plan.update(|p| {
                    if let Some(m) = p.pilot.metrics.get_mut(index) {
                        m.target = v;
                    }
                }))
            />
            <button type="button" class="plan-remove" on:click=remove>
                "Remove"
                <span class="sr-only">
                    {move || {
                        let name = name.get();
                        if name.is_empty() { format!(" metric {n}") } else { format!(" metric {n}: {name}") }
                    }}
                </span>
            </button>
        </li>
    }
}
