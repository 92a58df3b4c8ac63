//! One figure with its formula and benchmark reading: the building block of
//! Simulate's unit-economics outputs and summary tiles and of Measure's
//! measured figures.
//!
//! The value is focusable; hovering or focusing it shows its formula in a
//! tooltip, and the formula and the verdict are its accessible description,
//! so a screen reader hears how the number is made and how it compares.
//!
//! Inside a [`FieldGroup`](crate::state::stale::FieldGroup) whose inputs
//! hold a refused entry, the figure says "Not updated" (seen and heard)
//! until the entry is fixed.

use leptos::prelude::*;

use leptos_router::components::A;

use crate::domain::economics::{Level, Verdict};
use crate::domain::methods::MethodId;
use crate::routes::Route;
use crate::state::stale::{not_updated_text, use_stale};

/// A short word for a benchmark level, so the reading never depends on
/// colour alone.
pub fn level_word(level: Level) -> &'static str {
    match level {
        Level::Good => "Healthy",
        Level::Ok => "Fine",
        Level::Warn => "Watch",
        Level::Bad => "Poor",
    }
}

/// The CSS modifier for a level.
pub fn level_class(level: Level) -> &'static str {
    match level {
        Level::Good => "level-good",
        Level::Ok => "level-ok",
        Level::Warn => "level-warn",
        Level::Bad => "level-bad",
    }
}

/// A labelled figure with formula tooltip, an optional note and an optional
/// benchmark verdict with its source.
#[component]
pub fn Kpi(
    /// The figure's name, with its unit.
    #[prop(into)]
    label: String,
    /// The value, already formatted.
    #[prop(into)]
    value: Signal<String>,
    /// How the value is computed.
    #[prop(into)]
    formula: Signal<String>,
    /// A prefix for element ids, unique on the page; also the `data-testid`
    /// of the value.
    #[prop(into)]
    id: String,
    /// A remark under the value (e.g. that LTV is capped).
    #[prop(optional, into)]
    note: Signal<Option<String>>,
    /// The benchmark reading.
    #[prop(optional, into)]
    verdict: Signal<Option<Verdict>>,
    /// Smaller type, for values that are words rather than one number.
    #[prop(optional)]
    compact: bool,
    /// The entry of "How the numbers are computed" that explains the
    /// figure.
    #[prop(optional)]
    method: Option<MethodId>,
    /// Values shown beside the main one (an annual equivalent, GRR beside
    /// NRR), each with its own label and test id.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let label_id = format!("{id}-label");
    let value_id = format!("{id}-value");
    let formula_id = format!("{id}-formula");
    let note_id = format!("{id}-note");
    let verdict_id = format!("{id}-verdict");
    let stale_id = format!("{id}-stale");
    let stale = use_stale();
    let labelled_by = format!("{label_id} {value_id}");
    let label_text = label.clone();
    let described_by = {
        let (formula_id, note_id, verdict_id, stale_id) = (
            formula_id.clone(),
            note_id.clone(),
            verdict_id.clone(),
            stale_id.clone(),
        );
        move || {
            let mut ids = Vec::new();
            if stale.with(|s| !s.is_empty()) {
                ids.push(stale_id.clone());
            }
            ids.push(formula_id.clone());
            if note.with(Option::is_some) {
                ids.push(note_id.clone());
            }
            if verdict.with(Option::is_some) {
                ids.push(verdict_id.clone());
            }
            ids.join(" ")
        }
    };
    let level = move || verdict.get().map(|v| level_class(v.level)).unwrap_or("");
    view! {
        <div class=move || format!("kpi {}", level())
            data-stale=move || if stale.with(|s| !s.is_empty()) { "true" } else { "false" }>
            <p class="kpi-label" id=label_id>{label_text}</p>
            // Seen: a short tag; heard (the value's description): which
            // field to fix.
            <p class="stale-tag" aria-hidden="true" hidden=move || stale.with(Vec::is_empty)>
                "Not updated"
            </p>
            <p class="sr-only" id=stale_id hidden=move || stale.with(Vec::is_empty)>
                {move || stale.with(|s| not_updated_text(s))}
            </p>
            <div class="kpi-value-wrap">
                <span
                    class=if compact { "kpi-value small" } else { "kpi-value" }
                    id=value_id
                    data-testid=id
                    tabindex="0"
                    role="group"
                    aria-labelledby=labelled_by
                    aria-describedby=described_by
                >
                    {move || value.get()}
                </span>
                <span class="kpi-formula" role="tooltip" id=formula_id>{move || formula.get()}</span>
            </div>
            {children.map(|c| view! { <div class="kpi-companions">{c()}</div> })}
            <p class="kpi-note" id=note_id hidden=move || note.with(Option::is_none)>
                {move || note.get().unwrap_or_default()}
            </p>
            {method.map(|id| {
                let name = format!(": {label}");
                view! {
                    <A href=Route::Methods.href_to(id.slug()) attr:class="kpi-method">
                        "How it is computed"<span class="sr-only">{name}</span>
                    </A>
                }
            })}
            <p class="kpi-verdict" id=verdict_id hidden=move || verdict.with(Option::is_none)>
                {move || verdict.get().map(|v| view! {
                    <span class="verdict-word">{level_word(v.level)}</span>
                    " "
                    <span class="verdict-text">{v.text.clone()}</span>
                    " "
                    <span class="verdict-source">"Source: "{v.source}</span>
                })}
            </p>
        </div>
    }
}

/// A compact verdict badge for table cells: the level word, with the full
/// reading and source in its title and in visually hidden text.
#[component]
pub fn VerdictBadge(
    /// The reading shown.
    verdict: Verdict,
) -> impl IntoView {
    let class = format!("badge {}", level_class(verdict.level));
    view! {
        <span class=class>
            {level_word(verdict.level)}
            <span class="sr-only">{format!(": {} Source: {}", verdict.text, verdict.source)}</span>
        </span>
    }
}
