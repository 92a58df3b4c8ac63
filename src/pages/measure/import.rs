//! Getting a file in: the file input, drag and drop and the sample; reading
//! the bytes and then the rows a slice at a time, yielding to the browser in
//! between (a progress bar and Cancel stay live); the importer's questions
//! (date order, currencies); the confirmation before a new file replaces the
//! measurement; and what the import skipped.
//!
//! The file's bytes and the importer (which holds its rows as numbers) live
//! only in this page's memory while the import runs, and are dropped as soon
//! as it ends. Only the [`Measurement`](crate::domain::measure::Measurement)
//! goes into the stored document, through `wb.measure`, so a whole-document
//! undo covers a replaced measurement like any other change.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::mapping::MappingStep;
use crate::components::data_table::{Column, DataTable, Scroll};
use crate::domain::format;
use crate::domain::measure::sample::{sample_csv, SAMPLE_FILE};
use crate::domain::measure::{
    inspect, source_line, BadRow, Choices, CurrencyChoice, DateOrder, Day, Format, ImportError,
    ImportOptions, ImportReport, Imported, Importer, Inspection, Outcome, Question, Rate,
    MAX_FILE_BYTES, RATE_RANGE,
};
use crate::state::{try_set, use_workbench, Workbench};

/// Bytes read from the file per slice while loading it.
const SLICE_BYTES: f64 = 4.0 * 1024.0 * 1024.0;

/// Rows read per importer step; steps repeat until [`FRAME_BUDGET_MS`].
const STEP_ROWS: usize = 1_000;

/// How long one batch of rows may hold the page before it yields, ms.
const FRAME_BUDGET_MS: f64 = 12.0;

/// Rows of the file shown in the mapping step's preview.
const PREVIEW_ROWS: usize = 5;

/// Where the import is.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    /// Nothing under way.
    Idle,
    /// The file's bytes are being read into memory.
    Loading {
        /// The file's name.
        name: String,
        /// Share read, 0–1.
        done: f64,
    },
    /// The columns need the person (the format was not recognised).
    Mapping,
    /// Rows are being read.
    Reading {
        /// Rows read so far.
        rows: u64,
        /// Share of the bytes read, 0–1.
        done: f64,
    },
    /// The importer asks something.
    Asking(Question),
    /// A measurement is ready and would replace the stored one.
    Replace {
        /// The stored measurement's source line.
        old: String,
        /// The new one's.
        new: String,
    },
    /// The import ended with a measurement.
    Done,
    /// Nothing was measured; the stored measurement is untouched.
    Failed {
        /// Why, in words.
        message: String,
        /// The skipped rows, when every row was.
        rows: Vec<BadRow>,
    },
    /// The person stopped it.
    Cancelled,
}

impl Stage {
    /// Whether a file is being read (the inputs wait).
    pub fn busy(&self) -> bool {
        matches!(self, Stage::Loading { .. } | Stage::Reading { .. })
    }
}

/// A file between reading its bytes and importing it.
struct Pending {
    name: String,
    bytes: Vec<u8>,
}

/// The import's state on this page (none of it is stored).
#[derive(Clone, Copy)]
pub struct Flow {
    /// Where it is.
    pub stage: RwSignal<Stage>,
    /// What the first rows showed, for the mapping step.
    pub inspection: RwSignal<Option<Inspection>>,
    /// The format the mapping step edits.
    pub format: RwSignal<Option<Format>>,
    /// The answers given so far.
    choices: RwSignal<Choices>,
    /// How the last import read its file.
    pub report: RwSignal<Option<ImportReport>>,
    /// The file waiting for its mapping.
    pending: StoredValue<Option<Pending>>,
    /// The importer, kept while questions are answered.
    importer: StoredValue<Option<Importer>>,
    /// A measurement waiting for the person to confirm the replacement.
    ready: StoredValue<Option<Imported>>,
    /// Bumped by Cancel and by every new file: a running loop that sees
    /// another number stops.
    run: StoredValue<u64>,
}

impl Flow {
    /// A flow with nothing under way.
    pub fn new() -> Self {
        Flow {
            stage: RwSignal::new(Stage::Idle),
            inspection: RwSignal::new(None),
            format: RwSignal::new(None),
            choices: RwSignal::new(Choices::default()),
            report: RwSignal::new(None),
            pending: StoredValue::new(None),
            importer: StoredValue::new(None),
            ready: StoredValue::new(None),
            run: StoredValue::new(0),
        }
    }

    /// Forgets everything of the last file (its bytes and rows too) and
    /// returns the number of the new run.
    fn reset(self) -> u64 {
        self.pending.set_value(None);
        self.importer.set_value(None);
        self.ready.set_value(None);
        self.inspection.set(None);
        self.format.set(None);
        self.choices.set(Choices::default());
        self.report.set(None);
        let next = self.run.get_value().wrapping_add(1);
        self.run.set_value(next);
        next
    }

    fn current(self, run: u64) -> bool {
        self.run.get_value() == run
    }

    fn fail(self, message: impl Into<String>) {
        self.pending.set_value(None);
        self.importer.set_value(None);
        self.stage.set(Stage::Failed {
            message: message.into(),
            rows: Vec::new(),
        });
    }

    /// Stops whatever runs; nothing is measured and nothing changes.
    pub fn cancel(self) {
        self.reset();
        self.stage.set(Stage::Cancelled);
    }
}

/// Today's date as the browser sees it, so scheduled end dates after it do
/// not make the current month count as complete.
fn today() -> Option<Day> {
    let now = js_sys::Date::new_0();
    let year = i32::try_from(now.get_full_year()).ok()?;
    let month = u8::try_from(now.get_month() + 1).ok()?;
    let day = u8::try_from(now.get_date()).ok()?;
    Day::from_ymd(year, month, day)
}

/// Milliseconds from the page's clock (0 where it has none).
fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Lets the browser paint and handle input before the next batch.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// "1 row", "3,110 rows".
fn rows_text(n: u64) -> String {
    if n == 1 {
        "1 row".to_string()
    } else {
        format!("{} rows", format::count(n as f64))
    }
}

/// Reads `file` into memory a slice at a time, reporting the share read.
async fn read_file(flow: Flow, run: u64, file: &web_sys::File) -> Result<Vec<u8>, String> {
    let size = file.size();
    let mut bytes = Vec::with_capacity(size as usize);
    let mut start = 0.0;
    let name = file.name();
    while start < size {
        if !flow.current(run) {
            return Err(String::new());
        }
        let end = (start + SLICE_BYTES).min(size);
        let slice = file
            .slice_with_f64_and_f64(start, end)
            .map_err(|_| "The file could not be read.".to_string())?;
        let buffer = JsFuture::from(slice.array_buffer()).await.map_err(|_| {
            "The file could not be read: it may have been moved or deleted.".to_string()
        })?;
        let chunk = js_sys::Uint8Array::new(&buffer);
        let at = bytes.len();
        bytes.resize(at + chunk.length() as usize, 0);
        chunk.copy_to(&mut bytes[at..]);
        start = end;
        if flow.current(run) {
            flow.stage.set(Stage::Loading {
                name: name.clone(),
                done: if size > 0.0 { start / size } else { 1.0 },
            });
        }
    }
    Ok(bytes)
}

/// Starts importing a file the person chose or dropped.
pub fn start_file(flow: Flow, wb: Workbench, file: web_sys::File) {
    let run = flow.reset();
    let name = file.name();
    if file.size() > MAX_FILE_BYTES as f64 {
        flow.fail(format!(
            "{name} is {} bytes, more than the 50 MB ({} bytes) this page reads. Export a shorter period, or only the columns the measurement needs.",
            format::count(file.size()),
            format::count(MAX_FILE_BYTES as f64)
        ));
        return;
    }
    flow.stage.set(Stage::Loading {
        name: name.clone(),
        done: 0.0,
    });
    leptos::task::spawn_local(async move {
        match read_file(flow, run, &file).await {
            Ok(bytes) if flow.current(run) => received(flow, wb, run, name, bytes),
            Err(message) if flow.current(run) => flow.fail(message),
            _ => {}
        }
    });
}

/// Starts importing the sample export, which the app writes itself
/// ([`sample_csv`]): nothing is fetched, so it works offline too.
pub fn start_sample(flow: Flow, wb: Workbench) {
    let run = flow.reset();
    flow.stage.set(Stage::Loading {
        name: SAMPLE_FILE.to_string(),
        done: 0.0,
    });
    // After the "Loading" stage has been drawn.
    leptos::task::spawn_local(async move {
        let bytes = sample_csv();
        if flow.current(run) {
            received(flow, wb, run, SAMPLE_FILE.to_string(), bytes);
        }
    });
}

/// The bytes are in: recognise the format, or ask for the columns.
fn received(flow: Flow, wb: Workbench, run: u64, name: String, bytes: Vec<u8>) {
    match inspect(&bytes, PREVIEW_ROWS) {
        Err(e) => flow.fail(format!("{name}: {e}")),
        Ok(found) if found.recognised => {
            let format = found.format.clone();
            flow.inspection.set(Some(found));
            begin(flow, wb, run, name, bytes, &format);
        }
        Ok(found) => {
            flow.format.set(Some(found.format.clone()));
            flow.inspection.set(Some(found));
            flow.pending.set_value(Some(Pending { name, bytes }));
            flow.stage.set(Stage::Mapping);
        }
    }
}

/// The person confirmed the columns: import with them.
pub fn import_with_mapping(flow: Flow, wb: Workbench) {
    let Some(format) = flow.format.get_untracked() else {
        return;
    };
    let Some(Pending { name, bytes }) = flow.pending.try_update_value(Option::take).flatten()
    else {
        return;
    };
    let run = flow.run.get_value();
    begin(flow, wb, run, name, bytes, &format);
}

/// Reads the rows in batches, yielding between them, then measures.
fn begin(flow: Flow, wb: Workbench, run: u64, name: String, bytes: Vec<u8>, format: &Format) {
    let options = ImportOptions { today: today() };
    let importer = match Importer::new(name.clone(), bytes, format, options) {
        Ok(i) => i,
        Err(e) => return flow.fail(format!("{name}: {e}")),
    };
    flow.importer.set_value(Some(importer));
    flow.stage.set(Stage::Reading { rows: 0, done: 0.0 });
    leptos::task::spawn_local(async move {
        loop {
            yield_to_browser().await;
            if !flow.current(run) {
                return;
            }
            let start = now_ms();
            // Batches of rows until the frame's budget is spent.
            let p = loop {
                let step = flow
                    .importer
                    .try_update_value(|i| i.as_mut().map(|i| i.step(STEP_ROWS)))
                    .flatten();
                let Some(p) = step else { return };
                if p.done || now_ms() - start > FRAME_BUDGET_MS || start == 0.0 {
                    break p;
                }
            };
            if p.done {
                break;
            }
            flow.stage.set(Stage::Reading {
                rows: p.rows_read,
                done: p.fraction(),
            });
        }
        conclude(flow, wb);
    });
}

/// Measures with the answers given so far.
fn conclude(flow: Flow, wb: Workbench) {
    let choices = flow.choices.get_untracked();
    let outcome = flow
        .importer
        .try_update_value(|i| i.as_mut().map(|i| i.finish(&choices)))
        .flatten();
    match outcome {
        None => {}
        Some(Outcome::Ask(q)) => flow.stage.set(Stage::Asking(q)),
        Some(Outcome::Failed(ImportError::EveryRowBad { count, listed })) => {
            flow.importer.set_value(None);
            flow.stage.set(Stage::Failed {
                message: ImportError::EveryRowBad {
                    count,
                    listed: Vec::new(),
                }
                .to_string(),
                rows: listed,
            });
        }
        Some(Outcome::Failed(e)) => flow.fail(e.to_string()),
        Some(Outcome::Ready(imported)) => {
            flow.importer.set_value(None);
            let old = wb.measure.with_untracked(|s| {
                s.measurement()
                    .and_then(Result::ok)
                    .map(|m| source_line(&m))
            });
            match old {
                Some(old) => {
                    let new = source_line(&imported.measurement);
                    flow.ready.set_value(Some(*imported));
                    flow.stage.set(Stage::Replace { old, new });
                }
                None => apply(flow, wb, *imported),
            }
        }
    }
}

/// Stores the measurement (replacing any) and shows how the file was read.
fn apply(flow: Flow, wb: Workbench, imported: Imported) {
    let Imported {
        measurement,
        report,
    } = imported;
    match try_set(wb.measure, |s| s.replace(measurement)) {
        Some(Err(e)) => flow.fail(format!("The measurement could not be kept: {e}")),
        _ => {
            flow.report.set(Some(report));
            flow.stage.set(Stage::Done);
        }
    }
}

/// The person confirmed the replacement.
fn confirm_replace(flow: Flow, wb: Workbench) {
    if let Some(imported) = flow.ready.try_update_value(Option::take).flatten() {
        apply(flow, wb, imported);
    }
}

/// An answer to the importer's question: measure again with it.
fn answer(flow: Flow, wb: Workbench, set: impl FnOnce(&mut Choices)) {
    flow.choices.update(set);
    conclude(flow, wb);
}

/// The import panel: the ways in, the progress, questions and results.
#[component]
pub fn ImportPanel(
    /// The page's import flow.
    flow: Flow,
) -> impl IntoView {
    let wb = use_workbench();
    let stage = flow.stage;
    let busy = Memo::new(move |_| stage.with(Stage::busy));
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            start_file(flow, wb, file);
        }
        // The same file chosen again is a new import.
        input.set_value("");
    };
    view! {
        <section class="card measure-import" aria-labelledby="measure-import-title">
            <h2 id="measure-import-title">"Import"</h2>
            <p class="measure-privacy" data-testid="measure-privacy">
                "The file is read here, in this browser. Its rows are never sent anywhere and never "
                "stored: only the monthly figures and cohort tables computed from them are kept, with "
                "the file's name, size, dates and the columns used."
            </p>
            <div class="measure-ways">
                <label class="measure-file" for="measure-file">
                    <span class="measure-file-label">"Subscription export (CSV)"</span>
                    <input
                        id="measure-file"
                        type="file"
                        accept=".csv,.tsv,.txt,text/csv,text/plain"
                        aria-describedby="measure-formats"
                        disabled=move || busy.get()
                        on:change=on_file
                    />
                </label>
                <span class="measure-or">"or"</span>
                <button type="button" disabled=move || busy.get()
                    on:click=move |_| start_sample(flow, wb)>
                    "Try with sample data"
                </button>
            </div>
            <p class="field-help" id="measure-formats">
                "Drop a file anywhere on this page, or choose one. Read without any setup: the "
                "Baremetrics CSV import template and a Stripe subscriptions export. Any other "
                "subscription list (one row per subscription) or monthly metrics table (one row per "
                "month) goes through a column mapping. Files up to 50 MB."
            </p>
            <StageView flow/>
        </section>
    }
}

/// What the import is doing now.
#[component]
fn StageView(flow: Flow) -> impl IntoView {
    let wb = use_workbench();
    let stage = flow.stage;
    move || {
        match stage.get() {
        Stage::Idle => ().into_any(),
        Stage::Loading { name, done } => view! {
            <Progress label=format!("Loading {name}") done
                detail=format!("{} of the file loaded", format::percent(done * 100.0, 0))
                on_cancel=Callback::new(move |()| flow.cancel())/>
        }
        .into_any(),
        Stage::Reading { rows, done } => view! {
            <Progress label="Reading the rows".to_string() done
                detail=format!("{} read ({})", rows_text(rows), format::percent(done * 100.0, 0))
                on_cancel=Callback::new(move |()| flow.cancel())/>
        }
        .into_any(),
        Stage::Mapping => view! { <MappingStep flow/> }.into_any(),
        Stage::Asking(question) => view! { <Ask flow question/> }.into_any(),
        Stage::Replace { old, new } => view! {
            <div class="measure-replace" role="group" aria-labelledby="measure-replace-q">
                <p id="measure-replace-q">
                    "Replace the measurement from "<strong>{old}</strong>" with the one from "
                    <strong>{new}</strong>"? The figures, charts and cohorts below change; "
                    "the settings you chose stay."
                </p>
                <button type="button" class="danger" on:click=move |_| confirm_replace(flow, wb)>
                    "Replace the measurement"
                </button>
                " "
                <button type="button" on:click=move |_| flow.cancel()>"Keep the current one"</button>
            </div>
        }
        .into_any(),
        Stage::Done => view! { <Report flow/> }.into_any(),
        Stage::Failed { message, rows } => view! {
            <div class="measure-failed" role="alert" data-testid="measure-error">
                <p>{message}</p>
                <p>"Nothing was measured; what was shown before is unchanged."</p>
                {(!rows.is_empty()).then(|| view! { <BadRows rows total=None/> })}
            </div>
        }
        .into_any(),
        Stage::Cancelled => view! {
            <p class="measure-status" role="status">"The import was stopped. Nothing changed."</p>
        }
        .into_any(),
    }
    }
}

/// A progress bar with a Cancel button.
#[component]
fn Progress(label: String, done: f64, detail: String, on_cancel: Callback<()>) -> impl IntoView {
    view! {
        <div class="measure-progress">
            <label for="measure-progress">{label}</label>
            <progress id="measure-progress" max="1" value=done.clamp(0.0, 1.0).to_string()
                aria-valuetext=detail.clone()>
            </progress>
            <span class="measure-progress-detail" aria-live="polite">{detail}</span>
            <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
        </div>
    }
}

/// The importer's question and its answers.
#[component]
fn Ask(flow: Flow, question: Question) -> impl IntoView {
    match question {
        Question::DateOrder { examples } => view! { <AskDateOrder flow examples/> }.into_any(),
        Question::Currency {
            counts,
            missing_rates,
        } => view! { <AskCurrency flow counts missing_rates/> }.into_any(),
    }
}

/// Slashed dates that read both ways: which order?
#[component]
fn AskDateOrder(flow: Flow, examples: Vec<String>) -> impl IntoView {
    let wb = use_workbench();
    let shown = examples
        .iter()
        .take(4)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let pick = move |order: DateOrder| answer(flow, wb, |c| c.date_order = Some(order));
    view! {
        <fieldset class="measure-question">
            <legend>"In which order are the dates written?"</legend>
            <p>
                "Every date with slashes in this file reads as a real day both ways, for example "
                {shown}". Which order does it use?"
            </p>
            <button type="button" on:click=move |_| pick(DateOrder::MonthFirst)>
                "Month first (03/04/2024 is 4 March)"
            </button>
            " "
            <button type="button" on:click=move |_| pick(DateOrder::DayFirst)>
                "Day first (03/04/2024 is 3 April)"
            </button>
        </fieldset>
    }
}

/// Several currencies: keep one, or convert with rates.
#[component]
fn AskCurrency(
    flow: Flow,
    counts: Vec<crate::domain::measure::CurrencyCount>,
    missing_rates: Vec<String>,
) -> impl IntoView {
    let wb = use_workbench();
    let name = |c: &str| {
        if c.is_empty() {
            "no currency named".to_string()
        } else {
            c.to_uppercase()
        }
    };
    let first = counts
        .first()
        .map(|c| c.currency.clone())
        .unwrap_or_default();
    let into = RwSignal::new(first);
    let rates: RwSignal<Vec<(String, String)>> = RwSignal::new(
        counts
            .iter()
            .map(|c| (c.currency.clone(), String::new()))
            .collect(),
    );
    let currencies: Vec<String> = counts.iter().map(|c| c.currency.clone()).collect();
    let listed = counts
        .iter()
        .map(|c| format!("{}: {}", name(&c.currency), rows_text(c.rows)))
        .collect::<Vec<_>>()
        .join("; ");
    let problem = RwSignal::new(None::<String>);
    let convert = move |_| {
        let target = into.get_untracked();
        let mut out = Vec::new();
        for (currency, text) in rates.get_untracked() {
            if currency == target {
                continue;
            }
            match RATE_RANGE.read(&text) {
                Ok(r) => out.push(Rate {
                    currency,
                    per_unit: r.value,
                }),
                Err(e) => {
                    problem.set(Some(format!("The rate for {}: {e}", name(&currency))));
                    return;
                }
            }
        }
        problem.set(None);
        answer(flow, wb, |c| {
            c.currency = Some(CurrencyChoice::Convert {
                into: target,
                rates: out,
            });
        });
    };
    let keep_buttons = currencies
        .iter()
        .map(|c| {
            let c2 = c.clone();
            view! {
                <button type="button" on:click=move |_| {
                    let only = c2.clone();
                    answer(flow, wb, |ch| ch.currency = Some(CurrencyChoice::Only(only)));
                }>
                    {format!("Only the {} rows", name(c))}
                </button>
            }
        })
        .collect_view();
    let rate_fields = currencies
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let currency = c.clone();
            let shown = c.clone();
            let id = format!("measure-rate-{i}");
            let label_for = id.clone();
            let needed = move || into.get() != shown;
            view! {
                <Show when=needed>
                    <div class="field">
                        <label for=label_for.clone()>
                            {
                                let currency = currency.clone();
                                move || format!("1 {} = how many {}?", name(&currency), name(&into.get()))
                            }
                        </label>
                        <input id=id.clone() type="text" inputmode="decimal" autocomplete="off"
                            prop:value=move || rates.with(|r| r.get(i).map(|x| x.1.clone()).unwrap_or_default())
                            on:input:target=move |ev| {
                                let text = ev.target().value();
                                rates.update(|r| {
                                    if let Some(slot) = r.get_mut(i) {
                                        slot.1 = text;
                                    }
                                });
                            }/>
                    </div>
                </Show>
            }
        })
        .collect_view();
    let options = currencies
        .iter()
        .map(|c| view! { <option value=c.clone()>{name(c)}</option> })
        .collect_view();
    view! {
        <fieldset class="measure-question">
            <legend>"The file has amounts in several currencies"</legend>
            <p>{listed}"."</p>
            {(!missing_rates.is_empty()).then(|| view! {
                <p class="field-error">{format!(
                    "A rate is still needed for {}.",
                    missing_rates.iter().map(|c| name(c)).collect::<Vec<_>>().join(", ")
                )}</p>
            })}
            <p>"Keep the rows of one currency (the others are left out and counted):"</p>
            <div class="measure-buttons">{keep_buttons}</div>
            <p>"Or convert every amount into one currency:"</p>
            <div class="field">
                <label for="measure-into">"Show the figures in"</label>
                <select id="measure-into" on:change:target=move |ev| into.set(ev.target().value())>
                    {options}
                </select>
            </div>
            {rate_fields}
            <p class="field-error" role="alert" hidden=move || problem.with(Option::is_none)>
                {move || problem.get().unwrap_or_default()}
            </p>
            <button type="button" on:click=convert>"Convert and continue"</button>
        </fieldset>
    }
}

/// How the file was read: rows used and skipped, notes.
#[component]
fn Report(flow: Flow) -> impl IntoView {
    move || {
        flow.report.get().map(|r| {
            let skipped = r.bad_rows;
            view! {
                <div class="measure-report" role="status" data-testid="measure-report">
                    <p>
                        {format!(
                            "Read {}; {} went into the figures",
                            rows_text(r.rows_read),
                            format::count(r.rows_used as f64)
                        )}
                        {if skipped == 0 {
                            ", none skipped.".to_string()
                        } else {
                            format!(", {} skipped (listed below).", format::count(skipped as f64))
                        }}
                        {(r.duplicates > 0).then(|| format!(
                            " {} of the skipped rows repeat a subscription already read.",
                            format::count(r.duplicates as f64)
                        ))}
                    </p>
                    {(!r.notes.is_empty()).then(|| view! {
                        <ul class="measure-notes">
                            {r.notes.iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}
                        </ul>
                    })}
                    {(!r.listed.is_empty()).then(|| view! { <BadRows rows=r.listed.clone() total=Some(skipped)/> })}
                </div>
            }
        })
    }
}

/// The skipped rows: line, column and what was wrong.
#[component]
fn BadRows(rows: Vec<BadRow>, total: Option<u64>) -> impl IntoView {
    let shown = rows.len() as u64;
    let caption = match total {
        Some(t) if t > shown => format!(
            "The first {} of the {} skipped rows",
            format::count(shown as f64),
            format::count(t as f64)
        ),
        _ => "The skipped rows".to_string(),
    };
    let body = rows
        .into_iter()
        .map(|b| {
            view! {
                <tr>
                    <th scope="row">{format::count(b.line as f64)}</th>
                    <td>{b.column.unwrap_or_else(|| "—".to_string())}</td>
                    <td>{capitalised(&b.problem.to_string())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable
            columns=[Column::num("Line"), Column::from("Column"), Column::from("What was wrong")]
            caption=caption
            caption_shown=true
            class="measure-bad-rows"
            testid="measure-bad-rows"
            scroll=Scroll::Region("Skipped rows")
        >
            {body}
        </DataTable>
    }
}

/// `text` with its first letter in upper case (row problems are written to
/// follow a column name).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Drag-and-drop onto the whole page: a dropped file is imported.
pub fn on_drop(flow: Flow, wb: Workbench, ev: &web_sys::DragEvent) {
    ev.prevent_default();
    if flow.stage.with_untracked(Stage::busy) {
        return;
    }
    if let Some(file) = ev
        .data_transfer()
        .and_then(|d| d.files())
        .and_then(|f| f.get(0))
    {
        start_file(flow, wb, file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_problems_start_with_a_capital() {
        assert_eq!(capitalised("no customer"), "No customer");
        assert_eq!(capitalised(""), "");
    }
}
