//! The state every screen reads: the saved document split into one
//! `RwSignal` per workspace ([`Workbench`]), the notices, the save mode,
//! and the derived memos shared by every page ([`derived`]).
//!
//! **The one state pattern.** [`Workbench`] is provided once by `<App/>`
//! as context; a component calls [`use_workbench`] and reads or writes the
//! slice it needs (`wb.simulate`), so a keystroke in the simulator does not
//! re-render the questionnaire. A value computed from state is a closure or
//! a `Memo` — the shared ones ([`derived::use_projection`],
//! [`derived::use_outcome`]) are built once here, not per page. The only
//! effects talk to the outside world (saving, the URL, the theme attribute).
//! Writes that can be refused go through [`try_set`], so there is one road
//! from a typed value to the state.

pub mod derived;
pub mod history;
pub mod notices;
pub mod stale;
pub mod steps;

use leptos::prelude::*;

use crate::domain::assess::AssessState;
use crate::domain::compare::CompareState;
use crate::domain::insight::InsightSettings;
use crate::domain::measure::MeasureState;
use crate::domain::plan::PlanState;
use crate::domain::sim::SimState;
use crate::domain::state::{AppState, Theme};
use crate::domain::workshop::WorkshopState;
use crate::persist::share::SharePayload;
use notices::{Notice, NoticeKey};

/// Whether this tab writes to local storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveMode {
    /// Changes are saved (debounced).
    Saving,
    /// Storage is blocked or full: changes live only in this tab.
    MemoryOnly,
    /// Storage holds data this version cannot read; it is not overwritten.
    Paused,
    /// A shared copy is open in place of the user's data: their saved data
    /// is left alone, and the copy is kept for this tab (session storage)
    /// until they keep it or go back, so a reload does not drop it.
    SharedCopy,
}

/// The workbench's state: one signal per slice of the saved document, plus
/// what the shell needs (notices, save mode, the state before the last
/// import, an opened share link). Provided as context by `<App/>`.
#[derive(Clone, Copy)]
pub struct Workbench {
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
    /// Measure: the last measurement and the page's settings.
    pub measure: RwSignal<MeasureState>,
    /// Messages shown under the header.
    pub notices: RwSignal<Vec<Notice>>,
    /// Whether changes are being saved.
    pub save_mode: RwSignal<SaveMode>,
    /// The state before the last import or reset, for a one-click undo.
    pub previous: RwSignal<Option<AppState>>,
    /// A share link that was opened and waits for the user's choice.
    pub share_offer: RwSignal<Option<SharePayload>>,
    /// Undo and redo over the whole document.
    pub history: history::Undo,
}

impl Workbench {
    /// New signals holding `state`. Needs a reactive owner (the app's, or
    /// a test's `Owner`).
    pub fn new(state: AppState) -> Self {
        let wb = Workbench {
            theme: RwSignal::new(Theme::default()),
            assess: RwSignal::new(AssessState::default()),
            compare: RwSignal::new(CompareState::default()),
            simulate: RwSignal::new(SimState::default()),
            plan: RwSignal::new(PlanState::default()),
            workshop: RwSignal::new(WorkshopState::default()),
            insight: RwSignal::new(InsightSettings::default()),
            measure: RwSignal::new(MeasureState::default()),
            notices: RwSignal::new(Vec::new()),
            save_mode: RwSignal::new(SaveMode::Saving),
            previous: RwSignal::new(None),
            share_offer: RwSignal::new(None),
            history: history::Undo::new(state.clone()),
        };
        wb.replace(state);
        wb
    }

    /// The whole document, tracked: an effect that calls this re-runs on
    /// any change. The saver writes it and the undo history keeps it; the
    /// struct literal names every field, so a slice added to [`AppState`]
    /// cannot be left out of either.
    pub fn snapshot(&self) -> AppState {
        AppState {
            theme: self.theme.get(),
            assess: self.assess.get(),
            compare: self.compare.get(),
            simulate: self.simulate.get(),
            plan: self.plan.get(),
            workshop: self.workshop.get(),
            insight: self.insight.get(),
            measure: self.measure.get(),
        }
    }

    /// The whole document, untracked.
    pub fn snapshot_untracked(&self) -> AppState {
        untrack(|| self.snapshot())
    }

    /// Replaces the whole document (import, reset, undo, another tab's
    /// save). Only the slices that differ are set, so undoing an edit in
    /// one workspace does not redraw the others; the destructuring names
    /// every field, so a new slice cannot be missed.
    pub fn replace(&self, state: AppState) {
        let AppState {
            theme,
            assess,
            compare,
            simulate,
            plan,
            workshop,
            insight,
            measure,
        } = state;
        set_if_changed(self.theme, theme);
        set_if_changed(self.assess, assess);
        set_if_changed(self.compare, compare);
        set_if_changed(self.simulate, simulate);
        set_if_changed(self.plan, plan);
        set_if_changed(self.workshop, workshop);
        set_if_changed(self.insight, insight);
        set_if_changed(self.measure, measure);
    }

    /// Shows a notice; a notice with the same key replaces the earlier one.
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|list| {
            list.retain(|n| n.key != notice.key);
            list.push(notice);
        });
    }

    /// Takes away the notice with this key, if it is shown.
    pub fn dismiss(&self, key: NoticeKey) {
        self.notices.update(|list| list.retain(|n| n.key != key));
    }
}

/// Sets `signal` to `value` unless it holds an equal value already.
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| *v != value) {
        signal.set(value);
    }
}

/// The workbench provided by `<App/>`.
///
/// # Panics
/// Only when called outside `<App/>`, which is a programming error caught by
/// every test that renders a page.
pub fn use_workbench() -> Workbench {
    expect_context::<Workbench>()
}

/// Applies an edit that may be refused (a domain operation returning
/// `Result`): the signal changes — and notifies its readers — only when the
/// edit succeeds, and its result comes back to show beside the field.
/// `None` when the signal no longer exists (its page has gone), so there is
/// nobody to tell.
pub fn try_set<T, U, E>(
    signal: RwSignal<T>,
    edit: impl FnOnce(&mut T) -> Result<U, E>,
) -> Option<Result<U, E>>
where
    T: Send + Sync + 'static,
{
    signal.try_maybe_update(|value| {
        let result = edit(value);
        (result.is_ok(), result)
    })
}
