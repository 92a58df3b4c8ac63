//! Uncertainty: low / likely / high ranges on any inputs, a seeded Monte
//! Carlo run of thousands of draws spread over animation frames (with a
//! progress bar, so the page never freezes), and what it found: P10 / P50 /
//! P90 bands of MRR and cumulative cash, and the chance that CAC payback
//! comes within a year.

use leptos::prelude::*;

use super::super::format::{money, number, percent};
use super::{band_chart, field_name};
use crate::components::chart_figure::ChartFigure;
use crate::components::data_table::{DataTable, Scroll};
use crate::components::number_field::NumberField;
use crate::domain::input::Range;
use crate::domain::insight::{
    in_play, tornado, Bands, InputRange, McResult, McRunner, Output, Progress, Swing,
    UncertaintySpec, DRAWS_RANGE, MAX_RANGES, PAYBACK_BAR_MONTHS, SEED_RANGE,
};
use crate::domain::sim::{fields, FieldId, Projection, ScenarioInputs};
use crate::state::use_workbench;

/// Draws per step; steps repeat until [`FRAME_BUDGET_MS`] is used up.
const STEP_DRAWS: u32 = 100;

/// Milliseconds of each animation frame the run may use, leaving the rest
/// of the 16.7 ms frame to the browser.
const FRAME_BUDGET_MS: f64 = 10.0;

/// How many inputs "Start with the inputs that matter most" adds.
const SUGGESTED_RANGES: usize = 3;

/// The share each side of the current value a new range starts with.
const NEW_RANGE_SHARE: f64 = 0.2;

/// What a run was computed from; a result is out of date when any part of
/// it has changed since.
#[derive(Clone, Debug, PartialEq)]
struct RunKey {
    inputs: ScenarioInputs,
    spec: UncertaintySpec,
    draws: u32,
    seed: u32,
}

/// A finished run and what it was computed from.
#[derive(Clone, Debug, PartialEq)]
struct Finished {
    key: RunKey,
    result: McResult,
}

/// The signals of a run in progress, copied into each animation frame.
#[derive(Clone, Copy)]
struct RunState {
    runner: StoredValue<Option<McRunner>>,
    key: StoredValue<Option<RunKey>>,
    /// Bumped by every start and cancel: a frame of an older run stops.
    generation: RwSignal<u32>,
    progress: RwSignal<Option<Progress>>,
    finished: RwSignal<Option<Finished>>,
}

/// Milliseconds since the page started, for the frame budget.
fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Runs draws for up to [`FRAME_BUDGET_MS`], then yields to the browser
/// until the next frame. Every signal access is a `try_`: when the user
/// leaves the page mid-run, the next frame finds them gone and stops.
fn pump(run: RunState, generation: u32) {
    if run.generation.try_get_untracked() != Some(generation) {
        return;
    }
    let start = now();
    let stepped = run
        .runner
        .try_update_value(|slot| {
            let runner = slot.as_mut()?;
            loop {
                let progress = runner.step(STEP_DRAWS);
                if progress.is_complete() || now() - start >= FRAME_BUDGET_MS {
                    return Some(progress);
                }
            }
        })
        .flatten();
    let Some(progress) = stepped else {
        return;
    };
    if progress.is_complete() {
        let runner = run.runner.try_update_value(Option::take).flatten();
        let key = run.key.try_update_value(Option::take).flatten();
        if let (Some(runner), Some(key)) = (runner, key) {
            let result = runner.finish();
            run.finished.try_set(Some(Finished { key, result }));
        }
        run.progress.try_set(None);
    } else {
        run.progress.try_set(Some(progress));
        request_animation_frame(move || pump(run, generation));
    }
}

/// The inputs that can take a range now: shared ones (not the horizon) and
/// those of switched-on channels.
fn rangeable(inputs: &ScenarioInputs) -> Vec<FieldId> {
    fields()
        .iter()
        .map(|f| f.id)
        .filter(|id| in_play(inputs, *id))
        .collect()
}

/// The uncertainty section.
#[component]
pub fn UncertaintyPanel(
    inputs: Memo<ScenarioInputs>,
    projection: Memo<Projection>,
) -> impl IntoView {
    let wb = use_workbench();
    let spec = Memo::new(move |_| wb.insight.with(|i| i.uncertainty.clone()));
    let draws = Signal::derive(move || wb.insight.with(|i| f64::from(i.draws)));
    let seed = Signal::derive(move || wb.insight.with(|i| f64::from(i.seed)));
    let current_key = Memo::new(move |_| RunKey {
        inputs: inputs.get(),
        spec: spec.get(),
        draws: wb.insight.with(|i| i.draws),
        seed: wb.insight.with(|i| i.seed),
    });

    let run = RunState {
        runner: StoredValue::new(None),
        key: StoredValue::new(None),
        generation: RwSignal::new(0),
        progress: RwSignal::new(None),
        finished: RwSignal::new(None),
    };
    let running = Memo::new(move |_| run.progress.with(Option::is_some));
    let start = move |_| {
        let key = current_key.get_untracked();
        let runner = McRunner::new(&key.inputs, &key.spec, key.draws, u64::from(key.seed));
        run.runner.set_value(Some(runner));
        let total = key.draws;
        run.key.set_value(Some(key));
        run.progress.set(Some(Progress { done: 0, total }));
        run.generation.update(|g| *g = g.wrapping_add(1));
        let generation = run.generation.get_untracked();
        request_animation_frame(move || pump(run, generation));
    };
    let cancel = move |_| {
        run.generation.update(|g| *g = g.wrapping_add(1));
        run.runner.set_value(None);
        run.key.set_value(None);
        run.progress.set(None);
    };
    let stale = Memo::new(move |_| {
        run.finished
            .with(|f| f.as_ref().is_some_and(|f| f.key != current_key.get()))
    });

    // Adding ranges.
    let available = Memo::new(move |_| {
        let taken: Vec<FieldId> = spec.with(|s| s.ranges.iter().map(|r| r.field).collect());
        inputs.with(|i| {
            rangeable(i)
                .into_iter()
                .filter(|f| !taken.contains(f))
                .collect::<Vec<_>>()
        })
    });
    let full = Memo::new(move |_| spec.with(|s| s.ranges.len() >= MAX_RANGES));
    let picked: RwSignal<Option<FieldId>> = RwSignal::new(None);
    let picked_or_first = move || {
        let list = available.get();
        picked
            .get()
            .filter(|p| list.contains(p))
            .or_else(|| list.first().copied())
    };
    let add = move |field: FieldId| {
        let range = inputs.with_untracked(|i| InputRange::around(i, field, NEW_RANGE_SHARE));
        wb.insight.update(|s| {
            let ranges = &mut s.uncertainty.ranges;
            if ranges.len() < MAX_RANGES && !ranges.iter().any(|r| r.field == range.field) {
                ranges.push(range);
            }
        });
    };
    let suggest = move |_| {
        let top: Vec<FieldId> = inputs.with_untracked(|i| {
            tornado(i, Swing::DEFAULT)
                .chart(Output::Payback)
                .map(|c| c.rows.iter().map(|r| r.field).collect())
                .unwrap_or_default()
        });
        let free = available.get_untracked();
        for field in top
            .into_iter()
            .filter(|f| free.contains(f))
            .take(SUGGESTED_RANGES)
        {
            add(field);
        }
    };

    let odds = move || {
        run.finished.with(|f| {
            f.as_ref()
                .map(|f| percent(f.result.payback_within_12_share * 100.0, 0))
        })
    };

    view! {
        <section class="insight-part" aria-labelledby="mc-heading">
            <h3 id="mc-heading">"Uncertainty: the range of outcomes"</h3>
            <p class="section-lede">
                "Give the inputs you are unsure of a lowest, most likely and highest value. The model then runs "
                "thousands of times, each time drawing every such input at random from its range (values near "
                "the most likely one come up most often). The bands show where 80% of the runs ended. "
                "The same seed always gives the same result."
            </p>
            <div class="mc-ranges">
                <Show
                    when=move || spec.with(|s| !s.ranges.is_empty())
                    fallback=move || view! {
                        <p>
                            "No input has a range yet. "
                            <button type="button" on:click=suggest>
                                "Start with the inputs that matter most"
                            </button>
                        </p>
                    }
                >
                    <ul class="mc-range-list">
                        <For each=move || spec.get().ranges key=|r| r.field let:r>
                            <RangeRow range=r/>
                        </For>
                    </ul>
                </Show>
                <div class="mc-add">
                    <label for="mc-add-field">"Add a range to"</label>
                    <select id="mc-add-field"
                        disabled=move || full.get() || available.with(Vec::is_empty)
                        on:change:target=move |ev| picked.set(FieldId::from_slug(&ev.target().value()))>
                        {move || {
                            let chosen = picked_or_first();
                            available.get().into_iter().map(|f| view! {
                                <option value=f.slug() selected=chosen == Some(f)>{field_name(f)}</option>
                            }).collect_view()
                        }}
                    </select>
                    <button type="button"
                        disabled=move || full.get() || available.with(Vec::is_empty)
                        on:click=move |_| if let Some(f) = picked_or_first() { add(f) }>
                        "Add range"
                    </button>
                    <Show when=move || full.get()>
                        <p class="field-help">{format!("At most {MAX_RANGES} inputs can have a range.")}</p>
                    </Show>
                </div>
            </div>
            <div class="insight-controls">
                <NumberField label="Draws" value=draws range=DRAWS_RANGE id="mc-draws"
                    on_valid=Callback::new(move |v: f64| wb.insight.update(|i| i.draws = v as u32))
                    help="Runs of the model; 10,000 gives steady percentiles."/>
                <NumberField label="Seed" value=seed range=SEED_RANGE id="mc-seed"
                    on_valid=Callback::new(move |v: f64| wb.insight.update(|i| i.seed = v as u32))
                    help="Any whole number; change it to see how much the bands move by chance."/>
            </div>
            <div class="mc-run" data-testid="mc-run">
                <button type="button" class="primary" on:click=start
                    disabled=move || running.get() || spec.with(|s| s.ranges.is_empty())>
                    {move || format!("Run {} draws", number(draws.get(), 0))}
                </button>
                <Show when=move || running.get()>
                    <button type="button" on:click=cancel>"Cancel"</button>
                </Show>
                <div class="mc-progress" role="status" aria-live="polite">
                    {move || run.progress.get().map(|p| view! {
                        <label for="mc-progress-bar">"Draws run"</label>
                        <progress id="mc-progress-bar" max=p.total value=p.done></progress>
                        <span data-testid="mc-progress-text">
                            {format!("{} of {}", number(f64::from(p.done), 0), number(f64::from(p.total), 0))}
                        </span>
                    })}
                </div>
            </div>
            <Show when=move || run.finished.with(Option::is_some)>
                <div class="mc-results" data-testid="mc-results">
                    <Show when=move || stale.get()>
                        <p class="notice notice-warning" data-testid="mc-stale">
                            "The scenario or the ranges changed since this run: run it again to update the results."
                        </p>
                    </Show>
                    <p class="mc-odds">
                        "Chance that CAC payback is "{number(PAYBACK_BAR_MONTHS, 0)}" months or less: "
                        <strong data-testid="mc-payback-odds">{odds}</strong>
                        <span class="formula">
                            {move || run.finished.with(|f| f.as_ref().map(|f| format!(
                                " = draws with payback (CAC ÷ (ARPA × gross margin)) of {} months or less ÷ {} draws; seed {}, {} input{} with a range.",
                                number(PAYBACK_BAR_MONTHS, 0),
                                number(f64::from(f.result.draws), 0),
                                f.result.seed,
                                f.result.ranged_inputs,
                                if f.result.ranged_inputs == 1 { "" } else { "s" },
                            )))}
                        </span>
                    </p>
                    <HorizonTable finished=run.finished projection/>
                    <McCharts finished=run.finished/>
                </div>
            </Show>
        </section>
    }
}

/// One input's range: low, likely and high, each kept in order by the
/// others' values.
#[component]
fn RangeRow(range: InputRange) -> impl IntoView {
    let wb = use_workbench();
    let field = range.field;
    let bounds = field.spec().range;
    let part = move |pick: fn(&InputRange) -> f64| {
        Signal::derive(move || {
            wb.insight.with(|i| {
                i.uncertainty
                    .ranges
                    .iter()
                    .find(|r| r.field == field)
                    .map_or(f64::NAN, pick)
            })
        })
    };
    let low = part(|r| r.low);
    let likely = part(|r| r.likely);
    let high = part(|r| r.high);
    let setter = |apply: fn(&mut InputRange, f64)| {
        Callback::new(move |v: f64| {
            wb.insight.update(|i| {
                if let Some(r) = i.uncertainty.ranges.iter_mut().find(|r| r.field == field) {
                    apply(r, v);
                }
            });
        })
    };
    let within = move |min: Signal<f64>, max: Signal<f64>| {
        Signal::derive(move || Range {
            min: min.get(),
            max: max.get(),
            ..bounds
        })
    };
    let floor = Signal::derive(move || bounds.min);
    let ceiling = Signal::derive(move || bounds.max);
    let remove = move |_| {
        wb.insight
            .update(|i| i.uncertainty.ranges.retain(|r| r.field != field));
    };
    let name = field_name(field);
    let base = field.slug().replace('.', "-");
    view! {
        <li class="mc-range" data-range=field.slug()>
            <fieldset>
                <legend>{name.clone()}</legend>
                <NumberField label="Low" value=low range=within(floor, likely)
                    on_valid=setter(|r, v| r.low = v) id=format!("mc-{base}-low")/>
                <NumberField label="Likely" value=likely range=within(low, high)
                    on_valid=setter(|r, v| r.likely = v) id=format!("mc-{base}-likely")/>
                <NumberField label="High" value=high range=within(likely, ceiling)
                    on_valid=setter(|r, v| r.high = v) id=format!("mc-{base}-high")/>
                <button type="button" class="link-button" on:click=remove
                    aria-label=format!("Remove the range on {name}")>
                    "Remove"
                </button>
            </fieldset>
        </li>
    }
}

/// P10 / P50 / P90 at the horizon next to the scenario as entered.
#[component]
fn HorizonTable(
    finished: RwSignal<Option<Finished>>,
    projection: Memo<Projection>,
) -> impl IntoView {
    let row = move |name: &'static str,
                    pick: fn(&McResult) -> (f64, f64, f64),
                    entered: fn(&Projection) -> f64| {
        view! {
            <tr>
                <th scope="row">{name}</th>
                {move || finished.with(|f| {
                    let (p10, p50, p90) = f.as_ref().map_or((f64::NAN, f64::NAN, f64::NAN), |f| pick(&f.result));
                    view! {
                        <td class="num">{money(p10)}</td>
                        <td class="num">{money(p50)}</td>
                        <td class="num">{money(p90)}</td>
                    }
                })}
                <td class="num">{move || projection.with(|p| money(entered(p)))}</td>
            </tr>
        }
    };
    view! {
        <DataTable
            columns=[
                "Figure", "P10 (1 run in 10 ends lower)", "P50 (median)",
                "P90 (1 run in 10 ends higher)", "As entered",
            ]
            caption=move || finished.with(|f| format!(
                "At the horizon (month {})",
                f.as_ref().map_or(0, |f| f.result.mrr.len())
            ))
            caption_shown=true
            testid="mc-table"
            scroll=Scroll::Box
        >
            {row("MRR", |r| end_of(&r.mrr), |p| p.rows.last().map_or(0.0, |m| m.mrr.total()))}
            {row("Cumulative cash", |r| end_of(&r.cumulative_cash), |p| p.rows.last().map_or(0.0, |m| m.cumulative_cash))}
        </DataTable>
    }
}

/// P10, P50 and P90 of the last month; `NaN` (shown as a dash) when empty.
fn end_of(b: &Bands) -> (f64, f64, f64) {
    (
        b.p10.last().copied().unwrap_or(f64::NAN),
        b.p50.last().copied().unwrap_or(f64::NAN),
        b.p90.last().copied().unwrap_or(f64::NAN),
    )
}

/// The two band charts of a finished run.
#[component]
fn McCharts(finished: RwSignal<Option<Finished>>) -> impl IntoView {
    // One chart per figure of a finished run; nothing drawn before the run.
    let chart = move |title: &'static str,
                      name: &'static str,
                      y_label: &'static str,
                      bands: fn(&McResult) -> &Bands| {
        Memo::new(move |_| {
            finished.with(|f| {
                f.as_ref()
                    .map(|f| band_chart(title, name, y_label, bands(&f.result)))
                    .unwrap_or_default()
            })
        })
    };
    let mrr = chart("MRR: range of outcomes", "MRR", "MRR ($ per month)", |r| {
        &r.mrr
    });
    let cash = chart(
        "Cumulative cash: range of outcomes",
        "Cumulative cash",
        "Cumulative cash ($)",
        |r| &r.cumulative_cash,
    );
    view! {
        <div class="mc-charts">
            <ChartFigure chart=mrr slug="mc-mrr"/>
            <ChartFigure chart=cash slug="mc-cash"/>
        </div>
    }
}
