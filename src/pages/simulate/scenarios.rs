//! Named scenarios: save the current inputs under a name (up to 8), load,
//! duplicate, rename, delete, and pick up to 3 to compare in a table of
//! summary figures with their differences and in overlaid charts.

use leptos::prelude::*;

use super::charts_panel::ComparisonCharts;
use super::format::{metric_difference, metric_value};
use crate::components::confirm::ConfirmButton;
use crate::components::data_table::{Column, Columns, DataTable, Scroll};
use crate::domain::economics::MAX_NAME_CHARS;
use crate::domain::sim::{
    compare_summaries, simulate, Projection, StateError, MAX_COMPARE, MAX_SCENARIOS,
};
use crate::state::notices::{Notice, NoticeKey, NoticeLevel};
use crate::state::{try_set, use_workbench};

/// The compared scenarios: id, name and projection, in comparison order.
pub type Compared = Vec<(u32, String, Projection)>;

/// The named-scenarios section.
#[component]
pub fn ScenariosPanel() -> impl IntoView {
    let wb = use_workbench();
    let list = Memo::new(move |_| {
        wb.simulate.with(|s| {
            s.scenarios
                .iter()
                .map(|x| (x.id, x.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let ids = Memo::new(move |_| list.with(|l| l.iter().map(|(id, _)| *id).collect::<Vec<_>>()));
    let compare_ids = Memo::new(move |_| wb.simulate.with(|s| s.compare.clone()));
    // Saved scenarios do not change while the current inputs are edited, so
    // this memo (and the simulations after it) stays put on every keystroke.
    let compared_inputs = Memo::new(move |_| {
        wb.simulate.with(|s| {
            s.compare
                .iter()
                .filter_map(|id| s.scenario(*id))
                .map(|x| (x.id, x.name.clone(), x.inputs.clone()))
                .collect::<Vec<_>>()
        })
    });
    let compared: Memo<Compared> = Memo::new(move |_| {
        compared_inputs.with(|v| {
            v.iter()
                .map(|(id, name, inputs)| (*id, name.clone(), simulate(inputs)))
                .collect()
        })
    });

    let new_name = RwSignal::new(String::new());
    let save_error: RwSignal<Option<String>> = RwSignal::new(None);
    let full = move || list.with(|l| l.len() >= MAX_SCENARIOS);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked();
        match try_set(wb.simulate, |s| s.save_as(&name)).unwrap_or(Ok(0)) {
            Ok(_) => {
                new_name.set(String::new());
                save_error.set(None);
                wb.notify(Notice::new(
                    NoticeKey::SimulateScenario,
                    NoticeLevel::Info,
                    format!("Saved the current inputs as “{}”.", name.trim()),
                ));
            }
            Err(e) => save_error.set(Some(e.to_string())),
        }
    };

    view! {
        <section class="scenarios" aria-labelledby="scenarios-heading">
            <h2 id="scenarios-heading">"Named scenarios"</h2>
            <p class="section-lede">
                {format!(
                    "Keep up to {MAX_SCENARIOS} versions of the plan. Tick up to {MAX_COMPARE} to compare them: \
                     the first one ticked is the reference the others are measured against."
                )}
            </p>
            <form class="save-scenario no-print" on:submit=save>
                <div class="field">
                    <label for="scenario-name">"Scenario name"</label>
                    <input id="scenario-name" type="text" autocomplete="off"
                        maxlength=(MAX_NAME_CHARS + 20).to_string()
                        prop:value=move || new_name.get()
                        on:input:target=move |ev| new_name.set(ev.target().value())
                        aria-describedby="scenario-save-error scenario-count"/>
                </div>
                <button type="submit" class="primary" disabled=full>"Save current inputs"</button>
                <p class="field-help" id="scenario-count">
                    {move || format!("{} of {MAX_SCENARIOS} saved.", list.with(Vec::len))}
                </p>
                <p class="field-error" id="scenario-save-error" role="alert" hidden=move || save_error.with(Option::is_none)>
                    {move || save_error.get().unwrap_or_default()}
                </p>
            </form>
            <Show when=move || list.with(|l| !l.is_empty())
                fallback=|| view! { <p class="empty">"No scenario saved yet."</p> }>
                <ul class="scenario-list" data-testid="scenario-list">
                    <For each=move || ids.get() key=|id| *id let:id>
                        <ScenarioItem id list compare_ids/>
                    </For>
                </ul>
            </Show>
            <Show when=move || compared.with(|c| !c.is_empty())>
                <ComparisonView compared/>
            </Show>
        </section>
    }
}

/// One saved scenario with its actions.
#[component]
fn ScenarioItem(
    id: u32,
    list: Memo<Vec<(u32, String)>>,
    compare_ids: Memo<Vec<u32>>,
) -> impl IntoView {
    let wb = use_workbench();
    let name = Memo::new(move |_| {
        list.with(|l| {
            l.iter()
                .find(|(i, _)| *i == id)
                .map(|(_, n)| n.clone())
                .unwrap_or_default()
        })
    });
    let compared = move || compare_ids.with(|c| c.contains(&id));
    let compare_full = move || compare_ids.with(|c| c.len() >= MAX_COMPARE);
    let renaming = RwSignal::new(false);
    let rename_text = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);

    let run = move |op: &dyn Fn(&mut crate::domain::sim::SimState) -> Result<(), StateError>| {
        let result = try_set(wb.simulate, |s| op(s)).unwrap_or(Ok(()));
        let failed = result.is_err();
        error.set(result.err().map(|e| e.to_string()));
        !failed
    };
    let load = move |_| {
        if run(&|s| s.load(id)) {
            wb.notify(Notice::new(
                NoticeKey::SimulateScenario,
                NoticeLevel::Info,
                format!("Loaded “{}” into the simulator.", name.get_untracked()),
            ));
        }
    };
    let duplicate = move |_| {
        run(&|s| s.duplicate(id).map(|_| ()));
    };
    let toggle = move |_| {
        run(&|s| s.toggle_compare(id).map(|_| ()));
    };
    let start_rename = move |_| {
        rename_text.set(name.get_untracked());
        error.set(None);
        renaming.set(true);
    };
    let commit_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = rename_text.get_untracked();
        if run(&|s| s.rename(id, &text)) {
            renaming.set(false);
        }
    };
    let delete = Callback::new(move |()| {
        run(&|s| s.delete(id));
    });
    let check_id = format!("scenario-compare-{id}");
    let check_for = check_id.clone();
    let rename_id = format!("scenario-rename-{id}");
    let rename_for = rename_id.clone();

    view! {
        <li class="scenario-item" data-scenario=id>
            <div class="scenario-main">
                <input type="checkbox" id=check_id prop:checked=compared
                    disabled=move || !compared() && compare_full()
                    on:change=toggle/>
                <label for=check_for class="scenario-name">
                    <span class="sr-only">"Compare "</span>
                    {move || name.get()}
                </label>
            </div>
            <Show when=move || renaming.get()
                fallback=move || view! {
                    <div class="scenario-actions">
                        <button type="button" on:click=load
                            aria-label=move || format!("Load {}", name.get())>"Load"</button>
                        <button type="button" on:click=duplicate
                            aria-label=move || format!("Duplicate {}", name.get())>"Duplicate"</button>
                        <button type="button" on:click=start_rename
                            aria-label=move || format!("Rename {}", name.get())>"Rename"</button>
                        <ConfirmButton
                            button="Delete…"
                            button_label=move || format!("Delete {}", name.get())
                            label="Confirm deletion"
                            question=move || format!("Delete “{}”?", name.get())
                            yes="Yes, delete"
                            on_confirm=delete
                        />
                    </div>
                }>
                <form class="scenario-rename" on:submit=commit_rename>
                    <label for=rename_for.clone()>"New name"</label>
                    <input id=rename_id.clone() type="text" autocomplete="off"
                        prop:value=move || rename_text.get()
                        on:input:target=move |ev| rename_text.set(ev.target().value())/>
                    <button type="submit">"Save name"</button>
                    <button type="button" on:click=move |_| { renaming.set(false); error.set(None); }>"Cancel"</button>
                </form>
            </Show>
            <p class="field-error" role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get().unwrap_or_default()}
            </p>
        </li>
    }
}

/// The comparison: a table of summary figures with differences from the
/// first scenario, then the overlaid charts.
#[component]
fn ComparisonView(compared: Memo<Compared>) -> impl IntoView {
    let table = Memo::new(move |_| {
        compared.with(|c| {
            let cells: Vec<_> = c
                .iter()
                .map(|(id, name, p)| (*id, name.as_str(), &p.summary))
                .collect();
            compare_summaries(&cells)
        })
    });
    let columns = Columns::live(move || {
        table.with(|t| {
            let scenarios = t.columns.iter().enumerate().map(|(i, col)| {
                let suffix = if i == 0 { " (reference)" } else { "" };
                Column::from(format!("{}{suffix}", col.name))
            });
            std::iter::once(Column::from("Figure"))
                .chain(scenarios)
                .collect()
        })
    });
    let body = move || {
        table.with(|t| {
            t.rows
                .iter()
                .map(|row| {
                    let metric = row.metric;
                    let cells = row
                        .values
                        .iter()
                        .zip(row.differences.iter())
                        .map(|(value, diff)| {
                            let diff_view = diff.filter(|d| d.abs() > 1e-9).map(|d| {
                                let better = (d > 0.0) == metric.higher_is_better();
                                let (class, word) = if better {
                                    ("diff diff-better", "better")
                                } else {
                                    ("diff diff-worse", "worse")
                                };
                                view! {
                                    <span class=class>
                                        {format!("{} · {word}", metric_difference(metric, d))}
                                    </span>
                                }
                            });
                            view! {
                                <td class="num">
                                    <span class="cell-value">{metric_value(metric, *value)}</span>
                                    {diff_view}
                                </td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{metric.label()}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="comparison">
            <h3>"Side by side"</h3>
            <DataTable
                columns
                caption="Summary figures of the compared scenarios, with the difference from the first"
                class="comparison-table"
                testid="scenario-comparison"
                scroll=Scroll::Region("Scenario comparison table")
            >
                {body}
            </DataTable>
            <ComparisonCharts compared/>
        </div>
    }
}
