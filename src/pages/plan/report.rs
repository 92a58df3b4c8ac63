//! The one-page report: the Assess result, key comparison rows, scenario
//! figures and charts, the playbook, metrics, checklist and pilot. Shown on
//! demand on screen, always in print (the print stylesheet hides everything
//! else), and downloadable as Markdown. Both forms come from one
//! [`ReportInput`]; the charts, which Markdown cannot hold, are replaced
//! there by a table of the scenario by quarter.
//!
//! The charts are drawn with the light palette whatever the theme: paper is
//! white. Their SVG is the only markup this page inserts as HTML; it comes
//! from [`crate::charts`], which escapes every text it draws.

use leptos::prelude::*;

use crate::charts::{Chart, Palette};
use crate::components::brief::Brief;
use crate::components::data_table::{text_row, DataTable};
use crate::components::projection_charts::{cash_chart, mrr_chart};
use crate::domain::assess::{signed, Lean, Outcome};
use crate::domain::brief::brief;
use crate::domain::compare::{self, Row};
use crate::domain::motion::{CompareColumn, Motion};
use crate::domain::plan::{
    metrics_for, progress, quarterly_rows, report_checklist, report_markdown, scenario_figure,
    CurrentFigure, PqlEstimate, ReportInput, ReportRow, ReportRule,
};
use crate::domain::sim::{Projection, ScenarioInputs};
use crate::persist::files;
use crate::state::derived::{use_scenario_inputs, use_sensitivity};
use crate::state::notices::{Notice, NoticeKey, NoticeLevel};
use crate::state::{use_workbench, Workbench};

use super::{number, range_text, typed};
use crate::domain::format;

/// The comparison rows the report shows when none are pinned in Compare.
const DEFAULT_KEY_ROWS: [&str; 5] = [
    "target_audience",
    "acv",
    "cac",
    "sales_cycle",
    "buyer_motion",
];

/// The headline figures of the current Simulate scenario, one line each.
fn scenario_lines(projection: &Projection) -> Vec<String> {
    use crate::domain::economics::{LtvCac, Payback};
    let s = &projection.summary;
    let mut lines = vec![format!(
        "Current scenario over {} months: ARR at the end {}, {} active customers.",
        projection.rows.len(),
        format::money(s.ending_arr),
        number(s.ending_customers)
    )];
    lines.push(match s.blended_cac {
        Some(cac) => format!(
            "Blended CAC (all spend ÷ all new customers): {}.",
            format::money(cac)
        ),
        None => "Blended CAC: no new customers in the horizon.".to_string(),
    });
    lines.push(match s.blended_ltv_cac {
        Some(LtvCac::Ratio(r)) => format!("LTV:CAC: {}.", format::number(r, 2)),
        Some(LtvCac::FreeAcquisition) => "LTV:CAC: no acquisition cost.".to_string(),
        None => "LTV:CAC: no customers to measure.".to_string(),
    });
    lines.push(match s.blended_payback {
        Some(Payback::Months(m)) => {
            format!(
                "CAC payback (CAC ÷ (ARPA × gross margin)): {}.",
                format::months(m, 1)
            )
        }
        Some(Payback::Never) => "CAC payback: never, there is no gross profit.".to_string(),
        None => "CAC payback: no customers to measure.".to_string(),
    });
    lines.push(match s.break_even_month {
        Some(m) => format!("Monthly break-even (gross profit covers spend): month {m}."),
        None => "Monthly break-even: not within the horizon.".to_string(),
    });
    lines
}

/// A chart of the report, drawn once per change of the scenario: its SVG on
/// white and its text alternative.
#[derive(Clone, Copy)]
struct PrintedChart {
    svg: Memo<String>,
    alt: Memo<String>,
}

impl PrintedChart {
    fn new<C>(chart: Memo<C>) -> Self
    where
        C: Chart + PartialEq + Send + Sync + 'static,
    {
        PrintedChart {
            // Paper is white: the light palette whatever the screen theme.
            svg: Memo::new(move |_| chart.with(|c| c.svg(&Palette::light()))),
            alt: Memo::new(move |_| chart.with(Chart::text_alternative)),
        }
    }
}

/// One line per metric for the report: name, definition, formula and, where
/// the simulator measures it, the current figure or why there is none.
fn metric_lines(motion: Motion, inputs: &ScenarioInputs, projection: &Projection) -> Vec<String> {
    let mut lines: Vec<String> = metrics_for(motion)
        .iter()
        .map(|m| {
            let base = format!("{}: {} Formula: {}.", m.name, m.definition, m.formula);
            match scenario_figure(m.id, inputs, projection) {
                CurrentFigure::Value(f) if f.ltv_capped => format!(
                    "{base} In your scenario: {} (with LTV capped at 60 months of gross profit).",
                    f.text()
                ),
                CurrentFigure::Value(f) => format!("{base} In your scenario: {}.", f.text()),
                CurrentFigure::Assumed(a) => format!(
                    "{base} In your scenario: {} (the Simulate input {}).",
                    a.text(),
                    a.field.spec().label
                ),
                CurrentFigure::Missing(why) => {
                    format!("{base} In your scenario: no figure ({}).", why.phrase())
                }
                CurrentFigure::NotMeasured => base,
            }
        })
        .collect();
    lines.insert(0, format!("Motion planned for: {}", motion.label()));
    lines
}

/// The metrics for the printed page: each name with the scenario's figure
/// when the simulator has one, without definitions and formulas (those are
/// an added section).
fn metric_figures(motion: Motion, inputs: &ScenarioInputs, projection: &Projection) -> Vec<String> {
    metrics_for(motion)
        .iter()
        .map(|m| match scenario_figure(m.id, inputs, projection) {
            CurrentFigure::Value(f) => format!("{}: {}", m.name, f.text()),
            CurrentFigure::Assumed(a) => format!("{}: {}", m.name, a.text()),
            CurrentFigure::Missing(why) => format!("{}: no figure ({})", m.name, why.phrase()),
            _ => m.name.to_string(),
        })
        .collect()
}

/// The sections a person may add to the printed report; each goes after the
/// first page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Extras {
    /// Every metric with its definition and formula.
    metric_definitions: bool,
    /// Every task of the rollout checklist.
    checklist_tasks: bool,
    /// The scenario at each quarter end.
    quarters: bool,
}

impl Extras {
    fn any(self) -> bool {
        self.metric_definitions || self.checklist_tasks || self.quarters
    }
}

fn report_row(r: &Row) -> ReportRow {
    ReportRow {
        dimension: r.dimension.to_string(),
        sales_led: r.sales_led.to_string(),
        hybrid: r.hybrid.to_string(),
        product_led: r.product_led.to_string(),
    }
}

/// Everything the report shows, formatted.
fn build(
    wb: Workbench,
    outcome: &Outcome,
    motion: Motion,
    recommended: Option<Motion>,
    estimate: &PqlEstimate,
    (inputs, projection): (&ScenarioInputs, &Projection),
) -> ReportInput {
    let assessment = match outcome {
        Outcome::Ready(a) => {
            let mut lines = vec![
                format!("Recommended motion: {}", a.motion.label()),
                format!(
                    "Position: {} on a scale from −100 (product-led) to +100 (sales-led)",
                    signed(a.position)
                ),
                format!("Confidence: {}%", a.confidence),
            ];
            lines.extend(a.factors.iter().filter_map(|f| {
                f.lean.map(|l| {
                    format!(
                        "{}: {} ({}, weight {})",
                        f.factor.label(),
                        Lean::from_value(l).phrase(),
                        signed(l),
                        f.weight
                    )
                })
            }));
            lines
        }
        Outcome::NotEnough { .. } => match recommended {
            Some(m) => vec![format!(
                "No full assessment yet; the motion chosen to model is {}.",
                m.label()
            )],
            None => vec!["No assessment yet: answer the questions in Assess.".to_string()],
        },
    };

    let pinned = wb.compare.with(|c| c.pinned.clone());
    let comparison: Vec<ReportRow> = if pinned.is_empty() {
        DEFAULT_KEY_ROWS
            .iter()
            .filter_map(|id| compare::row(id))
            .map(report_row)
            .collect()
    } else {
        pinned
            .iter()
            .filter_map(|id| compare::row(id))
            .map(report_row)
            .collect()
    };

    wb.plan.with(|p| {
        let rules = p
            .rules
            .iter()
            .map(|r| {
                let flagged = estimate
                    .per_rule
                    .iter()
                    .find(|e| e.id == r.id)
                    .map_or(0.0, |e| e.flagged_per_month);
                ReportRule::from_rule(r, flagged)
            })
            .collect();
        let mut estimate_lines = vec![
            format!(
                "Accounts flagged a month: {} (from {} active free accounts)",
                range_text(estimate.flagged_lower, estimate.flagged_upper),
                number(p.volumes.active_free_accounts)
            ),
            format!(
                "Worked by people: {}; team capacity {} ({} people × {} accounts each)",
                range_text(estimate.human_lower, estimate.human_upper),
                number(estimate.capacity_per_month),
                typed(p.volumes.reps),
                typed(p.volumes.accounts_per_rep)
            ),
            format!(
                "People needed: {}",
                range_text(
                    f64::from(estimate.people_needed_lower),
                    f64::from(estimate.people_needed_upper)
                )
            ),
        ];
        if let Some(w) = &estimate.warning {
            estimate_lines.push(w.clone());
        }
        let pilot_motion = p
            .pilot
            .motion
            .or(recommended)
            .unwrap_or(motion)
            .label()
            .to_string();
        ReportInput {
            title: format!("GTM Workbench report: {}", motion.label()),
            brief: None,
            assessment,
            comparison,
            scenario: scenario_lines(projection),
            quarters: quarterly_rows(&projection.rows),
            rules,
            estimate: estimate_lines,
            metrics: metric_lines(motion, inputs, projection),
            checklist: report_checklist(motion, &p.checklist),
            pilot: p.pilot.clone(),
            pilot_motion,
        }
    })
}

/// The report section.
#[component]
pub(super) fn Report(
    outcome: Signal<Outcome>,
    motion: Signal<Motion>,
    recommended: Signal<Option<Motion>>,
    estimate: Signal<PqlEstimate>,
    projection: Memo<Projection>,
) -> impl IntoView {
    let wb = use_workbench();
    let sim_inputs = use_scenario_inputs();
    let sensitivity = use_sensitivity();
    let input = Memo::new(move |_| {
        let m = motion.get();
        outcome.with(|o| {
            estimate.with(|e| {
                sim_inputs.with(|i| {
                    projection.with(|p| ReportInput {
                        // The same brief as the one on the page (`<Brief>`).
                        brief: Some(sensitivity.with(|s| brief(Some(m), i, &p.summary, s))),
                        ..build(wb, o, m, recommended.get(), e, (i, p))
                    })
                })
            })
        })
    });
    let charts = [
        PrintedChart::new(Memo::new(move |_| projection.with(mrr_chart))),
        PrintedChart::new(Memo::new(move |_| projection.with(cash_chart))),
    ];
    let progress_text = move || {
        let (d, t) = wb.plan.with(|p| progress(motion.get(), &p.checklist));
        format!("{d} of {t} tasks done.")
    };
    let preview = RwSignal::new(false);
    let extras = RwSignal::new(Extras::default());
    let compact_metrics = Memo::new(move |_| {
        sim_inputs.with(|i| projection.with(|p| metric_figures(motion.get(), i, p)))
    });
    let today = files::today();
    let print = move |_| {
        let _ = window().print();
    };
    let download = move |_| {
        let markdown = input.with(report_markdown);
        let name = format!("gtm-workbench-report-{}.md", files::today());
        if let Err(e) = files::download(&name, "text/markdown", &markdown) {
            wb.notify(Notice::new(NoticeKey::PlanReport, NoticeLevel::Error, e));
        }
    };
    let highlighted = move || motion.get().column();

    view! {
        <section class="plan-report" aria-labelledby="report-heading">
            <h2 id="report-heading">"One-page report"</h2>
            <p class="plan-intro no-print">
                "A brief written from your figures with what needs attention first, then your Assess "
                "result, the key comparison rows (the ones you pinned in Compare, or five central ones), "
                "your Simulate scenario with its MRR and cash charts, the playbook, the metrics, the "
                "checklist's progress and the pilot, printed on one page. Sections you add below go on a "
                "second page. The Markdown download holds everything, with a table by quarter in place "
                "of the charts."
            </p>
            <fieldset class="plan-report-extras no-print">
                <legend>"Add to the printed report (after the first page)"</legend>
                <ExtraToggle extras label="Metric definitions and formulas"
                    get=|e| e.metric_definitions set=|e, on| e.metric_definitions = on/>
                <ExtraToggle extras label="Every checklist task"
                    get=|e| e.checklist_tasks set=|e, on| e.checklist_tasks = on/>
                <ExtraToggle extras label="The scenario by quarter"
                    get=|e| e.quarters set=|e, on| e.quarters = on/>
            </fieldset>
            <div class="plan-buttons no-print">
                <button type="button" class="primary" on:click=print>"Print / Save as PDF"</button>
                <button type="button" on:click=download>"Download as Markdown"</button>
                <button
                    type="button"
                    aria-expanded=move || if preview.get() { "true" } else { "false" }
                    aria-controls="plan-report-body"
                    on:click=move |_| preview.update(|p| *p = !*p)
                >
                    {move || if preview.get() { "Hide the preview" } else { "Preview the report" }}
                </button>
            </div>
            <div
                id="plan-report-body"
                class="plan-report-body"
                class:plan-report-open=move || preview.get()
                data-testid="plan-report"
            >
                <p class="plan-report-title">
                    {move || input.with(|i| i.title.clone())}
                    <span class="plan-report-date">{format!(" · {today}")}</span>
                </p>
                <Brief motion=Signal::derive(move || Some(motion.get())) nested=true/>
                {move || input.with(|i| view! {
                    <ReportBody
                        input=i.clone()
                        highlighted=highlighted()
                        progress=progress_text()
                        charts
                        metrics=compact_metrics.get()
                        extras=extras.get()
                    />
                })}
            </div>
        </section>
    }
}

/// One checkbox of the sections added to the printed report.
#[component]
fn ExtraToggle(
    extras: RwSignal<Extras>,
    label: &'static str,
    get: fn(Extras) -> bool,
    set: fn(&mut Extras, bool),
) -> impl IntoView {
    view! {
        <label class="plan-report-extra-toggle">
            <input type="checkbox"
                prop:checked=move || get(extras.get())
                on:change:target=move |ev| {
                    let on = ev.target().checked();
                    extras.update(|e| set(e, on));
                }/>
            {label}
        </label>
    }
}

fn lines(items: Vec<String>) -> impl IntoView {
    view! { <ul class="plan-report-lines">{items.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }
}

/// The sections of the report, from a snapshot of its input.
#[component]
fn ReportBody(
    input: ReportInput,
    highlighted: CompareColumn,
    progress: String,
    charts: [PrintedChart; 2],
    /// The metrics as the first page lists them (names and figures).
    metrics: Vec<String>,
    /// The sections added after the first page.
    extras: Extras,
) -> impl IntoView {
    let ReportInput {
        assessment,
        comparison,
        scenario,
        quarters,
        rules,
        estimate,
        metrics: metric_definitions,
        checklist,
        pilot,
        pilot_motion,
        ..
    } = input;
    let steps_done: Vec<String> = checklist
        .iter()
        .enumerate()
        .map(|(n, step)| {
            let done = step.tasks.iter().filter(|(d, _)| *d).count();
            format!(
                "{}. {}: {done} of {} done",
                n + 1,
                step.title,
                step.tasks.len()
            )
        })
        .collect();
    let head = move |c: CompareColumn| {
        if c == highlighted {
            format!("{} (planned)", c.label())
        } else {
            c.label().to_string()
        }
    };
    let segment = if pilot.segment.trim().is_empty() {
        "not chosen yet".to_string()
    } else {
        pilot.segment.clone()
    };
    view! {
        <div class="plan-report-columns">
        // Unnamed sections are not landmarks: with the preview open they would
        // otherwise repeat the editor's regions of the same name.
        <section class="plan-report-section">
            <h3 id="report-assessment">"Assessment"</h3>
            {lines(assessment)}
        </section>
        <section class="plan-report-section">
            <h3 id="report-comparison">"Key comparison"</h3>
            <DataTable
                columns=[
                    "Dimension".to_string(),
                    head(CompareColumn::SalesLed),
                    head(CompareColumn::Hybrid),
                    head(CompareColumn::ProductLed),
                ]
                class="plan-report-table"
            >
                {comparison
                    .into_iter()
                    .map(|r| text_row([r.dimension, r.sales_led, r.hybrid, r.product_led]))
                    .collect_view()}
            </DataTable>
        </section>
        <section class="plan-report-section plan-report-scenario">
            <h3 id="report-scenario">"Scenario"</h3>
            {lines(scenario)}
            <div class="plan-report-charts">
                {charts.into_iter().map(|c| view! {
                    <figure class="plan-report-chart" data-testid="plan-report-chart">
                        // Escaped SVG from crate::charts: the one use of inner_html on this page.
                        <div class="plan-report-svg" inner_html=move || c.svg.get()></div>
                        <figcaption>{move || c.alt.get()}</figcaption>
                    </figure>
                }).collect_view()}
            </div>
        </section>
        <section class="plan-report-section">
            <h3 id="report-playbook">"PQL playbook"</h3>
            {if rules.is_empty() {
                view! { <p>"No rules."</p> }.into_any()
            } else {
                view! {
                    <DataTable
                        columns=["Signal", "Threshold", "Action", "Owner", "Accounts a month"]
                        class="plan-report-table"
                    >
                        {rules
                            .into_iter()
                            .map(|r| text_row([r.signal, r.threshold, r.action, r.owner, r.flagged]))
                            .collect_view()}
                    </DataTable>
                }.into_any()
            }}
            {lines(estimate)}
        </section>
        <section class="plan-report-section">
            <h3 id="report-metrics">"Metrics to track"</h3>
            {lines(metrics)}
        </section>
        <section class="plan-report-section">
            <h3 id="report-checklist">"Rollout checklist"</h3>
            <p>{progress.clone()}</p>
            {lines(steps_done)}
        </section>
        <section class="plan-report-section">
            <h3 id="report-pilot">"Pilot plan"</h3>
            <ul class="plan-report-lines">
                <li>"Segment: "{segment}</li>
                <li>"Motion: "{pilot_motion}</li>
                <li>{format!("Duration: {} weeks", pilot.weeks)}</li>
            </ul>
            {(!pilot.metrics.is_empty()).then(|| view! {
                <DataTable columns=["Success metric", "Target"] class="plan-report-table">
                    {pilot.metrics.into_iter().map(|m| text_row([m.name, m.target])).collect_view()}
                </DataTable>
            })}
        </section>
        </div>
        {extras.any().then(|| view! {
            <div class="plan-report-more">
                {extras.metric_definitions.then(|| view! {
                    <section class="plan-report-section">
                        <h3 id="report-metric-definitions">"Metric definitions and formulas"</h3>
                        {lines(metric_definitions)}
                    </section>
                })}
                {extras.checklist_tasks.then(|| view! {
                    <section class="plan-report-section">
                        <h3 id="report-checklist-tasks">"Every checklist task"</h3>
                        <p>{progress}</p>
                        <ChecklistTasks checklist/>
                    </section>
                })}
                {extras.quarters.then(|| view! {
                    <section class="plan-report-section">
                        <h3 id="report-quarters">"The scenario by quarter"</h3>
                        <DataTable
                            columns=["Month", "MRR", "Paying customers", "Cumulative cash"]
                            class="plan-report-table"
                        >
                            {quarters.into_iter().map(|q| text_row([
                                q.month.to_string(),
                                format::money(q.mrr),
                                format::count(q.customers),
                                format::money(q.cumulative_cash),
                            ])).collect_view()}
                        </DataTable>
                    </section>
                })}
            </div>
        })}
    }
}

/// Every checklist step with its tasks, ticked or not.
#[component]
fn ChecklistTasks(checklist: Vec<crate::domain::plan::ReportStep>) -> impl IntoView {
    view! {
            <ol class="plan-report-steps">
                {checklist.into_iter().map(|step| {
                    view! {
                        <li>
                            <strong>{step.title}</strong>
                            <ul class="plan-report-tasks">
                                {step.tasks.into_iter().map(|(done, text)| view! {
                                    <li class:plan-done=done>
                                        <span aria-hidden="true">{if done { "☑ " } else { "☐ " }}</span>
                                        <span class="sr-only">{if done { "Done: " } else { "To do: " }}</span>
                                        {text}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ol>
    }
}
