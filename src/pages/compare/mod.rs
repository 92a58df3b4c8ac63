//! The Compare workspace (`/compare`): sales-led, hybrid and product-led
//! growth side by side, filtered by theme and text, with the column that
//! matches the assessment highlighted and the user's own lean on each row.
//!
//! The rows live in [`crate::domain::compare`]; this module only keeps the
//! view state that is not worth saving (filter, search, expanded rows) and
//! renders. Pins are saved in `wb.compare`.

mod table;

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::domain::assess::Factor;
use crate::domain::compare::{filter, ordered, rows, Theme};
use crate::domain::motion::{CompareColumn, Motion};
use crate::routes::Route;
use crate::state::derived::use_outcome;
use crate::state::use_workbench;

use table::CompareTable;

/// Where the highlighted column comes from, for the sentence above the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HighlightSource {
    /// The live assessment in Assess.
    Assessment(Motion),
    /// The `?highlight=` link from Assess (no result here, e.g. another tab).
    Link,
    /// The motion the user chose to model earlier.
    Chosen(Motion),
}

/// The Compare page.
#[component]
pub fn ComparePage() -> impl IntoView {
    let wb = use_workbench();
    let query = use_query_map();

    let theme: RwSignal<Option<Theme>> = RwSignal::new(None);
    let search = RwSignal::new(String::new());
    let expanded: RwSignal<BTreeSet<&'static str>> = RwSignal::new(BTreeSet::new());

    let outcome = use_outcome();

    // The link from Assess wins (it is what the user just clicked), then the
    // live assessment, then a motion picked earlier.
    let highlight = Memo::new(move |_| {
        let from_link = query.with(|q| {
            q.get("highlight")
                .and_then(|slug| CompareColumn::from_slug(&slug))
        });
        let from_outcome = outcome.with(|o| o.motion());
        let chosen = wb.assess.with(|s| s.chosen_motion);
        match (from_link, from_outcome, chosen) {
            (Some(column), Some(m), _) if m.column() == column => {
                Some((column, HighlightSource::Assessment(m)))
            }
            (Some(column), _, _) => Some((column, HighlightSource::Link)),
            (None, Some(m), _) => Some((m.column(), HighlightSource::Assessment(m))),
            (None, None, Some(m)) => Some((m.column(), HighlightSource::Chosen(m))),
            (None, None, None) => None,
        }
    });
    let highlighted = Signal::derive(move || highlight.get().map(|(c, _)| c));

    // Factor → that factor's lean (−100 product-led … +100 sales-led).
    let leans = Memo::new(move |_| {
        outcome.with(|o| {
            o.assessment()
                .map(|a| {
                    a.factors
                        .iter()
                        .filter_map(|f| f.lean.map(|l| (f.factor, l)))
                        .collect::<BTreeMap<Factor, f64>>()
                })
                .unwrap_or_default()
        })
    });

    let visible = Memo::new(move |_| {
        let matching = search.with(|q| filter(rows(), theme.get(), q));
        wb.compare.with(|c| {
            ordered(matching, &c.pinned)
                .into_iter()
                .map(|r| r.id)
                .collect::<Vec<&'static str>>()
        })
    });

    let all_expanded =
        move || visible.with(|ids| ids.iter().all(|id| expanded.with(|e| e.contains(id))));
    let toggle_all = move |_| {
        if all_expanded() {
            expanded.update(BTreeSet::clear);
        } else {
            expanded.set(rows().iter().map(|r| r.id).collect());
        }
    };
    let print_view = move |_| {
        expanded.set(rows().iter().map(|r| r.id).collect());
        // Print once the expanded rows are on the page.
        request_animation_frame(|| {
            let _ = window().print();
        });
    };

    let count_text = move || {
        let shown = visible.with(Vec::len);
        let total = rows().len();
        if shown == total {
            format!("Showing all {total} rows.")
        } else {
            format!("Showing {shown} of {total} rows.")
        }
    };

    view! {
        <section class="page compare">
            <h1>"Compare: sales-led, hybrid and product-led"</h1>
            <p class="lede">
                "The three ways to grow, side by side on every dimension that matters. "
                "Open a row for the longer story, pin the rows you want to discuss, and "
                "follow the links to try the numbers in Simulate."
            </p>

            <HighlightNote highlight=Signal::derive(move || highlight.get())/>

            <div class="cmp-controls no-print">
                <fieldset class="cmp-themes">
                    <legend>"Filter by theme"</legend>
                    <ThemeRadio value=None label="All rows" theme=theme/>
                    {Theme::ALL
                        .into_iter()
                        .map(|t| view! { <ThemeRadio value=Some(t) label=t.label() theme=theme/> })
                        .collect_view()}
                </fieldset>
                <div class="field cmp-search">
                    <label for="cmp-search">"Search the table"</label>
                    <input
                        id="cmp-search"
                        type="search"
                        autocomplete="off"
                        placeholder="e.g. churn, enterprise"
                        prop:value=move || search.get()
                        on:input:target=move |ev| search.set(ev.target().value())
                    />
                </div>
                <div class="cmp-buttons">
                    <button type="button" on:click=toggle_all>
                        {move || if all_expanded() { "Collapse all rows" } else { "Expand all rows" }}
                    </button>
                    <button type="button" on:click=print_view>"Print view"</button>
                </div>
            </div>
            <p class="cmp-count no-print" role="status" data-testid="compare-count">{count_text}</p>

            <CompareTable
                visible=Signal::derive(move || visible.get())
                expanded=expanded
                highlighted=highlighted
                leans=Signal::derive(move || leans.get())
            />
        </section>
    }
}

/// One radio of the theme filter.
#[component]
fn ThemeRadio(
    value: Option<Theme>,
    label: &'static str,
    theme: RwSignal<Option<Theme>>,
) -> impl IntoView {
    let id = format!("cmp-theme-{}", value.map_or("all", Theme::slug));
    let label_for = id.clone();
    view! {
        <span class="cmp-theme">
            <input
                type="radio"
                name="cmp-theme"
                id=id
                prop:checked=move || theme.get() == value
                on:change=move |_| theme.set(value)
            />
            <label for=label_for>{label}</label>
        </span>
    }
}

/// The sentence above the table saying which column is highlighted and why.
#[component]
fn HighlightNote(highlight: Signal<Option<(CompareColumn, HighlightSource)>>) -> impl IntoView {
    view! {
        <p class="cmp-highlight-note" data-testid="compare-highlight-note">
            {move || match highlight.get() {
                Some((column, HighlightSource::Assessment(m))) => view! {
                    "The "<strong>{column.label()}</strong>" column is highlighted: your Assess result is "
                    <strong>{m.label()}</strong>". Each row also says which way your own answers lean."
                }
                .into_any(),
                Some((column, HighlightSource::Link)) => view! {
                    "The "<strong>{column.label()}</strong>" column is highlighted, as the link from Assess asked. "
                    <A href=Route::Assess.href()>"Answer the questions"</A>" to see your own leans on each row."
                }
                .into_any(),
                Some((column, HighlightSource::Chosen(m))) => view! {
                    "The "<strong>{column.label()}</strong>" column is highlighted: you chose to model "
                    <strong>{m.label()}</strong>". "
                    <A href=Route::Assess.href()>"Finish Assess"</A>" to see which way your answers lean."
                }
                .into_any(),
                None => view! {
                    <A href=Route::Assess.href()>"Answer the questions in Assess"</A>
                    " to highlight the column that fits you and see which way your answers lean on each row."
                }
                .into_any(),
            }}
        </p>
    }
}
