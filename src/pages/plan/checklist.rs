//! The five-step rollout checklist for the planned motion; ticks are saved.

use leptos::prelude::*;

use crate::domain::motion::Motion;
use crate::domain::plan::{checklist, progress};
use crate::state::use_workbench;

/// The checklist section.
#[component]
pub(super) fn Checklist(motion: Signal<Motion>) -> impl IntoView {
    let wb = use_workbench();
    let steps = Memo::new(move |_| checklist(motion.get()));
    let done = Memo::new(move |_| wb.plan.with(|p| progress(motion.get(), &p.checklist)));
    view! {
        <section class="plan-section" aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">"Rollout checklist"</h2>
            <p class="plan-intro">
                "Five steps, with tasks for "<strong>{move || motion.get().label()}</strong>". "
                "Ticks are saved in this browser; a task shared with another motion stays ticked if you switch."
            </p>
            <div class="plan-progress">
                <p data-testid="checklist-progress">
                    <strong>{move || { let (d, t) = done.get(); format!("{d} of {t} done") }}</strong>
                </p>
                <progress
                    max=move || done.get().1
                    value=move || done.get().0
                    aria-label="Rollout tasks done"
                ></progress>
            </div>
            <ol class="plan-steps">
                {move || steps.get().into_iter().map(|step| view! {
                    <li class="plan-step">
                        <h3>{step.title}</h3>
                        <ul class="plan-tasks">
                            {step
                                .tasks
                                .into_iter()
                                .map(|task| {
                                    let input_id = format!("task-{}", task.id);
                                    let label_for = input_id.clone();
                                    let tid = task.id.clone();
                                    let checked = {
                                        let tid = tid.clone();
                                        move || wb.plan.with(|p| p.checklist.contains(&tid))
                                    };
                                    view! {
                                        <li>
                                            <input
                                                type="checkbox"
                                                id=input_id
                                                prop:checked=checked
                                                on:change=move |_| {
                                                    wb.plan.update(|p| {
                                                        p.toggle_task(&tid);
                                                    });
                                                }
                                            />
                                            <label for=label_for>{task.text}</label>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
