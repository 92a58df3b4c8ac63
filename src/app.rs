//! `<App/>`: loads the state, provides it, declares the routes and owns the
//! one effect that saves.
//!
//! **State pattern.** The state document is split into a few `RwSignal`s, one
//! per workspace, gathered in [`Store`] and provided as context. Components
//! read and write the slice they need (`use_store().theme`), so a keystroke in
//! the simulator does not re-render the questionnaire. Values computed from
//! state are closures or `Memo`s; the only effects talk to the outside world
//! (saving, the `<html>` theme attribute).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::chunks;
use crate::components::header::Header;
use crate::components::notices::{Notice, NoticeAction, NoticeLevel, Notices};
use crate::components::share::{self as share_link, ShareOffer};
use crate::domain::assess::AssessState;
use crate::domain::compare::CompareState;
use crate::domain::insight::InsightSettings;
use crate::domain::plan::PlanState;
use crate::domain::sim::SimState;
use crate::domain::state::{AppState, Theme};
use crate::domain::workshop::WorkshopState;
use crate::pages::assess::AssessPage;
use crate::pages::not_found::NotFound;
use crate::persist::schema;
use crate::persist::share::SharePayload;
use crate::persist::storage::{self, LoadProblem};

/// How long typing must pause before the state is written.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(300);

/// Whether this tab writes to local storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveMode {
    /// Changes are saved (debounced).
    Saving,
    /// Storage is blocked or full: changes live only in this tab.
    MemoryOnly,
    /// Storage holds data this version cannot read; it is not overwritten.
    Paused,
}

/// The application state, one signal per slice, provided as context.
#[derive(Clone, Copy)]
pub struct Store {
    /// Colour scheme.
    pub theme: RwSignal<Theme>,
    /// Assess: answers, weights, chosen motion.
    pub assess: RwSignal<AssessState>,
    /// Compare: pinned rows.
    pub compare: RwSignal<CompareState>,
    /// Simulate: unit economics, channels, scenario, saved scenarios.
    pub simulate: RwSignal<SimState>,
    /// Plan: playbook, checklist, pilot.
    pub plan: RwSignal<PlanState>,
    /// Workshop: participants and their answers.
    pub workshop: RwSignal<WorkshopState>,
    /// Insight: tornado, Monte Carlo and goal-seek settings.
    pub insight: RwSignal<InsightSettings>,
    /// Messages shown under the header.
    pub notices: RwSignal<Vec<Notice>>,
    /// Whether changes are being saved.
    pub save_mode: RwSignal<SaveMode>,
    /// The state before the last import or reset, for a one-click undo.
    pub previous: RwSignal<Option<AppState>>,
    /// A share link that was opened and waits for the user's choice.
    pub share_offer: RwSignal<Option<SharePayload>>,
}

impl Store {
    fn new(state: AppState) -> Self {
        let store = Store {
            theme: RwSignal::new(Theme::default()),
            assess: RwSignal::new(AssessState::default()),
            compare: RwSignal::new(CompareState::default()),
            simulate: RwSignal::new(SimState::default()),
            plan: RwSignal::new(PlanState::default()),
            workshop: RwSignal::new(WorkshopState::default()),
            insight: RwSignal::new(InsightSettings::default()),
            notices: RwSignal::new(Vec::new()),
            save_mode: RwSignal::new(SaveMode::Saving),
            previous: RwSignal::new(None),
            share_offer: RwSignal::new(None),
        };
        store.replace(state);
        store
    }

    /// The whole document, tracked: an effect that calls this re-runs on any change.
    pub fn snapshot(&self) -> AppState {
        AppState {
            theme: self.theme.get(),
            assess: self.assess.get(),
            compare: self.compare.get(),
            simulate: self.simulate.get(),
            plan: self.plan.get(),
            workshop: self.workshop.get(),
            insight: self.insight.get(),
        }
    }

    /// The whole document, untracked.
    pub fn snapshot_untracked(&self) -> AppState {
        untrack(|| self.snapshot())
    }

    /// Replaces the whole document (import, reset, another tab's save).
    pub fn replace(&self, state: AppState) {
        self.theme.set(state.theme);
        self.assess.set(state.assess);
        self.compare.set(state.compare);
        self.simulate.set(state.simulate);
        self.plan.set(state.plan);
        self.workshop.set(state.workshop);
        self.insight.set(state.insight);
    }

    /// Shows a notice; a notice with the same `key` replaces the earlier one.
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|list| {
            list.retain(|n| n.key != notice.key);
            list.push(notice);
        });
    }
}

/// The store provided by [`App`].
///
/// # Panics
/// Only when called outside `<App/>`, which is a programming error caught by
/// every test that renders a page.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// Saves the state: debounced after changes, at once on `flush`.
struct Saver {
    store: Store,
    /// The text this tab last read or wrote under the key; a different text
    /// there means another tab has saved since.
    last_raw: Option<String>,
    pending: Option<TimeoutHandle>,
}

impl Saver {
    fn schedule(this: &Rc<RefCell<Saver>>) {
        let mut saver = this.borrow_mut();
        if let Some(handle) = saver.pending.take() {
            handle.clear();
        }
        let again = Rc::clone(this);
        saver.pending = set_timeout_with_handle(move || Saver::flush(&again), SAVE_DEBOUNCE).ok();
    }

    fn flush(this: &Rc<RefCell<Saver>>) {
        let mut saver = this.borrow_mut();
        if let Some(handle) = saver.pending.take() {
            handle.clear();
        }
        let store = saver.store;
        if store.save_mode.get_untracked() != SaveMode::Saving {
            return;
        }
        let raw = match schema::encode(&store.snapshot_untracked()) {
            Ok(raw) => raw,
            Err(error) => {
                store.notify(Notice::new(
                    "save-invalid",
                    NoticeLevel::Error,
                    format!("Your latest change was not saved: {error}."),
                ));
                return;
            }
        };
        let stored = storage::read_raw(storage::KEY);
        if stored.is_some() && stored != saver.last_raw {
            // Another tab saved after we last looked and its `storage` event
            // has not reached us yet: never overwrite its newer data.
            drop(saver);
            adopt_other_tab(this, stored.unwrap_or_default());
            return;
        }
        if saver.last_raw.as_deref() == Some(raw.as_str()) {
            return;
        }
        match storage::write_raw(storage::KEY, &raw) {
            Ok(()) => saver.last_raw = Some(raw),
            Err(reason) => {
                store.save_mode.set(SaveMode::MemoryOnly);
                store.notify(memory_only_notice(&reason));
            }
        }
    }
}

fn memory_only_notice(reason: &str) -> Notice {
    Notice::new(
        "memory-only",
        NoticeLevel::Warning,
        format!(
            "Changes are kept in this tab only and will be lost when it closes: {reason}. \
             Use Data → Export to keep a copy."
        ),
    )
}

/// Takes the document another tab saved, if it can be read.
fn adopt_other_tab(this: &Rc<RefCell<Saver>>, raw: String) {
    let store = this.borrow().store;
    match schema::decode(&raw) {
        Ok(state) => {
            this.borrow_mut().last_raw = Some(raw);
            store.replace(state);
            store.notify(Notice::new(
                "other-tab",
                NoticeLevel::Info,
                "Another tab saved changes; this tab now shows them.",
            ));
        }
        Err(error) => {
            store.save_mode.set(SaveMode::Paused);
            store.notify(Notice::new(
                "other-tab",
                NoticeLevel::Warning,
                format!(
                    "Another tab saved data this tab cannot read ({error}). \
                     This tab will not overwrite it; its changes are kept in memory only."
                ),
            ));
        }
    }
}

fn load_notice(problem: &LoadProblem) -> Notice {
    match problem {
        LoadProblem::Blocked => memory_only_notice("this browser does not allow local storage here"),
        LoadProblem::Unreadable {
            error,
            backed_up,
            raw,
        } => {
            let kept = if *backed_up {
                "A copy was kept in this browser and can be downloaded."
            } else {
                "It was left where it was and can be downloaded; nothing will be saved until you reset."
            };
            Notice::new(
                "unreadable",
                NoticeLevel::Warning,
                format!("Your saved data could not be read, so the app started fresh: {error}. {kept}"),
            )
            .with_download("gtm-workbench-unreadable.json", raw.clone())
        }
        LoadProblem::Newer { version } => Notice::new(
            "newer",
            NoticeLevel::Warning,
            format!(
                "This browser holds data saved by a newer version of GTM Workbench (format {version}). \
                 This version cannot read it and will not overwrite it; changes made here are not saved."
            ),
        ),
    }
}

/// The path prefix the app is served under: `""` at the root of a host, or
/// e.g. `"/gtm"` when built with `--public-url /gtm/`.
static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// An in-app link for `path` (which starts with `/`), with the sub-path the
/// app is served under. Use it for every `href`; `use_navigate` adds the
/// prefix itself and takes the bare path.
pub fn href(path: &str) -> String {
    format!(
        "{}{path}",
        BASE.get().map(String::as_str).unwrap_or_default()
    )
}

/// The path the app is served under (`/` or a sub-path such as `/gtm/`), read
/// from `<base href>` that Trunk writes from `--public-url`.
fn base_path() -> String {
    let base = document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// The application: header, notices and the five workspaces.
#[component]
pub fn App() -> impl IntoView {
    let loaded = storage::load();
    let store = Store::new(loaded.state);
    provide_context(store);
    let mut last_raw = loaded.raw;
    if let Some(problem) = &loaded.problem {
        store.notify(load_notice(problem));
        match problem {
            LoadProblem::Blocked => store.save_mode.set(SaveMode::MemoryOnly),
            LoadProblem::Newer { .. } => store.save_mode.set(SaveMode::Paused),
            LoadProblem::Unreadable { backed_up, .. } => {
                if !backed_up {
                    store.save_mode.set(SaveMode::Paused);
                }
                last_raw = None;
            }
        }
    }
    let saver = Rc::new(RefCell::new(Saver {
        store,
        last_raw,
        pending: None,
    }));

    // The one save effect: any change to the document schedules a write.
    let scheduler = Rc::clone(&saver);
    Effect::new(move |previous: Option<()>| {
        let _ = store.snapshot();
        if previous.is_some() {
            Saver::schedule(&scheduler);
        }
    });

    // An edit made just before the tab closes is written at once.
    let on_hide = Rc::clone(&saver);
    let flush_on_hide = move || Saver::flush(&on_hide);
    let flush_a = flush_on_hide.clone();
    window_event_listener(leptos::ev::pagehide, move |_| flush_a());
    let flush_b = flush_on_hide.clone();
    window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush_b();
        }
    });
    window_event_listener(leptos::ev::beforeunload, move |_| flush_on_hide());

    // Another tab saved: take its data.
    let on_storage = Rc::clone(&saver);
    window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() != Some(storage::KEY) {
            return;
        }
        match event.new_value() {
            Some(raw) => {
                if on_storage.borrow().last_raw.as_deref() != Some(raw.as_str()) {
                    adopt_other_tab(&on_storage, raw);
                }
            }
            None => on_storage.borrow_mut().last_raw = None,
        }
    });

    // sw-register.js says a new version of the app is installed and waiting.
    window_event_listener_untyped("gtm-update-ready", move |_| {
        store.notify(
            Notice::new(
                "update",
                NoticeLevel::Info,
                "A new version of GTM Workbench is ready. Your data stays as it is.",
            )
            .with_action(NoticeAction::ReloadToUpdate),
        );
    });

    // A share link in the fragment: offer it now, and whenever one is pasted
    // into the address bar of the open app.
    share_link::check_location(store);
    window_event_listener(leptos::ev::hashchange, move |_| {
        share_link::check_location(store)
    });

    // The theme lives on <html> so the page background follows it too.
    Effect::new(move |_| {
        let theme = store.theme.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.slug());
        }
    });

    // Fetch the other workspaces' chunks once the page is idle.
    chunks::prefetch_when_idle();

    let base = BASE.get_or_init(base_path).clone();
    view! {
        <Router base=base>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Header/>
            <Notices/>
            <ShareOffer/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=AssessPage/>
                    <Route path=path!("/assess") view=AssessPage/>
                    // Assess is in the main module; the other four are chunks.
                    <Route path=path!("/compare") view=chunks::compare()/>
                    <Route path=path!("/simulate") view=chunks::simulate()/>
                    <Route path=path!("/plan") view=chunks::plan()/>
                    <Route path=path!("/workshop") view=chunks::workshop()/>
                </Routes>
            </main>
        </Router>
    }
}
