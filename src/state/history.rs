//! Undo and redo for every change to the saved document.
//!
//! **What is kept.** Whole snapshots of the document, the same
//! [`AppState`] the saver writes ([`Workbench::snapshot`]), so any slice
//! added to the document later is covered without a line here. The history
//! lives in memory for the session only, at most [`MAX_STEPS`] steps back.
//!
//! **How steps are made.** One effect ([`track`]) reads the whole document
//! and hands every new version to [`History::record`]. Edits of one field
//! in quick succession (typing a number, dragging a slider) merge into one
//! step: a change that touches a single value, the same one as the step
//! before, less than [`MERGE_WINDOW_MS`] after it, extends that step. Any
//! other change is a step of its own. The field is found by comparing the
//! two versions as JSON ([`changed`]), so no editor has to say what it
//! edits. One-click replacements (a preset, clearing the answers, removing
//! a row) go through [`Undo::act`], which makes them a step of their own
//! at once and returns it, so a notice can offer to undo exactly that step.
//!
//! **How a step is undone.** The snapshot goes back through
//! [`Workbench::replace`], the road an import takes: every page follows,
//! and the saver writes it like any other edit. Nothing is written to
//! storage by the history itself, so it cannot corrupt the saved document.
//!
//! **Keyboard.** Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo
//! ([`shortcut`]), except while the focus is in a text field: there the
//! browser's own undo of the typing applies, as in most editors
//! ([`edits_text`]). Its result still reaches the history as an edit.

use std::collections::VecDeque;

use leptos::prelude::*;
use serde::Serialize;
use serde_json::Value;

use super::notices::{Notice, NoticeAction, NoticeKey, NoticeLevel};
use super::Workbench;
use crate::domain::state::AppState;
use crate::routes::Route;

/// How many steps back the history reaches.
pub const MAX_STEPS: usize = 100;

/// Edits of the same field closer together than this (ms) are one step.
pub const MERGE_WINDOW_MS: f64 = 1_000.0;

/// One step, as the buttons and notices name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Unique within the session; a notice's Undo button names its step.
    pub id: u64,
    /// What the step did, as a phrase: "the Sales-led preset", "a change in
    /// Simulate".
    pub label: String,
}

/// A document version and the step that leads away from it.
#[derive(Clone, Debug)]
struct Entry<T> {
    state: T,
    step: Step,
}

/// Edits of one value being merged into the latest step.
#[derive(Clone, Debug)]
struct Run {
    path: String,
    last_ms: f64,
}

/// What [`History::record`] did with a new version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// It equals the present one (or differs only where JSON cannot tell).
    Unchanged,
    /// It extended the latest step (same field, within the window).
    Merged(Step),
    /// It became a new step.
    New(Step),
}

/// Where two versions of a document differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    /// The one value that changed (`simulate.inputs.horizon_months`), or
    /// `None` when several did, or a list grew or shrank.
    pub path: Option<String>,
    /// The top-level keys that changed (`simulate`, `plan`), in order.
    pub areas: Vec<String>,
}

/// Compares two versions as JSON. `None` when they are equal.
pub fn changed(before: &Value, after: &Value) -> Option<Changed> {
    let areas: Vec<String> = match (before, after) {
        (Value::Object(b), Value::Object(a)) => {
            let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter()
                .filter(|k| b.get(*k) != a.get(*k))
                .cloned()
                .collect()
        }
        _ if before == after => Vec::new(),
        _ => vec![String::new()],
    };
    if areas.is_empty() {
        return None;
    }
    let mut found = Vec::new();
    leaves(before, after, String::new(), &mut found);
    let path = match found.as_slice() {
        [Some(one)] => Some(one.clone()),
        _ => None,
    };
    Some(Changed { path, areas })
}

/// Collects the changed values under `path`, stopping at two (one is all
/// that merging needs to know); a list whose length changed counts as a
/// structural change (`None`), never as one value.
fn leaves(before: &Value, after: &Value, path: String, found: &mut Vec<Option<String>>) {
    if found.len() >= 2 || before == after {
        return;
    }
    match (before, after) {
        (Value::Object(b), Value::Object(a)) => {
            let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match (b.get(key), a.get(key)) {
                    (Some(x), Some(y)) => leaves(x, y, child, found),
                    (x, y) if x != y => found.push(Some(child)),
                    _ => {}
                }
                if found.len() >= 2 {
                    return;
                }
            }
        }
        (Value::Array(b), Value::Array(a)) if b.len() == a.len() => {
            for (i, (x, y)) in b.iter().zip(a).enumerate() {
                leaves(x, y, format!("{path}[{i}]"), found);
                if found.len() >= 2 {
                    return;
                }
            }
        }
        (Value::Array(_), Value::Array(_)) => {
            found.push(None);
            found.push(None);
        }
        _ => found.push(Some(path)),
    }
}

/// The label of an edit in these top-level areas of the document: "a
/// change in Simulate", "changes in Assess and Plan", "a change of the
/// theme". Areas are named after the workspace that edits them; an area
/// added later is named after its key.
pub fn describe(areas: &[String]) -> String {
    let mut names: Vec<String> = Vec::new();
    for area in areas {
        let name = match area.as_str() {
            "theme" => "the theme".to_string(),
            "assess" => Route::Assess.label().to_string(),
            "compare" => Route::Compare.label().to_string(),
            // The insight settings are edited on the Simulate page.
            "simulate" | "insight" => Route::Simulate.label().to_string(),
            "plan" => Route::Plan.label().to_string(),
            "workshop" => Route::Workshop.label().to_string(),
            other => {
                let mut chars = other.chars();
                match chars.next() {
                    Some(first) => first.to_uppercase().chain(chars).collect(),
                    None => "the data".to_string(),
                }
            }
        };
        if !names.contains(&name) {
            names.push(name);
        }
    }
    match names.as_slice() {
        [] => "a change".to_string(),
        [only] if only == "the theme" => "a change of the theme".to_string(),
        [only] => format!("a change in {only}"),
        [rest @ .., last] => format!("changes in {} and {last}", rest.join(", ")),
    }
}

/// The undo history of a document of type `T`: pure, so it is tested
/// without a browser. The present version is kept with its JSON form, which
/// tells which value the next version changes.
#[derive(Clone, Debug)]
pub struct History<T> {
    present: T,
    present_json: Value,
    /// Versions before each step, oldest first, at most [`MAX_STEPS`].
    undo: VecDeque<Entry<T>>,
    /// Versions after each undone step, the next to redo last.
    redo: Vec<Entry<T>>,
    run: Option<Run>,
    next_id: u64,
}

fn json<T: Serialize>(value: &T) -> Value {
    // A document that cannot be written as JSON compares as Null: every
    // change to it is then a step of its own, never a merge.
    serde_json::to_value(value).unwrap_or(Value::Null)
}

impl<T: Clone + PartialEq + Serialize> History<T> {
    /// A history starting at `present`, with nothing to undo.
    pub fn new(present: T) -> Self {
        let present_json = json(&present);
        History {
            present,
            present_json,
            undo: VecDeque::new(),
            redo: Vec::new(),
            run: None,
            next_id: 1,
        }
    }

    /// The version the history is at.
    pub fn present(&self) -> &T {
        &self.present
    }

    /// How many steps can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// How many steps can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// The step [`History::undo`] would take back.
    pub fn next_undo(&self) -> Option<&Step> {
        self.undo.back().map(|e| &e.step)
    }

    /// The step [`History::redo`] would do again.
    pub fn next_redo(&self) -> Option<&Step> {
        self.redo.last().map(|e| &e.step)
    }

    fn new_step(&mut self, label: String) -> Step {
        let step = Step {
            id: self.next_id,
            label,
        };
        self.next_id += 1;
        step
    }

    fn push(&mut self, now: T, now_json: Value, step: Step) {
        let before = std::mem::replace(&mut self.present, now);
        self.present_json = now_json;
        self.undo.push_back(Entry {
            state: before,
            step,
        });
        while self.undo.len() > MAX_STEPS {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// Takes in the document as it is now, `at_ms` milliseconds into the
    /// session (any clock that does not run backwards).
    pub fn record(&mut self, now: T, at_ms: f64) -> Recorded {
        if now == self.present {
            return Recorded::Unchanged;
        }
        let now_json = json(&now);
        let Some(change) = changed(&self.present_json, &now_json) else {
            // Equal as JSON (a value JSON cannot hold): nothing to undo.
            self.present = now;
            return Recorded::Unchanged;
        };
        let merges = match (&change.path, &self.run, self.undo.back()) {
            (Some(path), Some(run), Some(_)) => {
                *path == run.path
                    && at_ms.is_finite()
                    && at_ms >= run.last_ms
                    && at_ms - run.last_ms < MERGE_WINDOW_MS
            }
            _ => false,
        };
        if merges {
            self.present = now;
            self.present_json = now_json;
            if let Some(run) = &mut self.run {
                run.last_ms = at_ms;
            }
            // Typing that ends where it began (a value typed and taken back)
            // leaves no step that would undo nothing.
            if self.undo.back().is_some_and(|e| e.state == self.present) {
                self.undo.pop_back();
                self.run = None;
                return Recorded::Unchanged;
            }
            return match self.next_undo() {
                Some(step) => Recorded::Merged(step.clone()),
                None => Recorded::Unchanged,
            };
        }
        let step = self.new_step(describe(&change.areas));
        self.push(now, now_json, step.clone());
        self.run = change.path.map(|path| Run {
            path,
            last_ms: at_ms,
        });
        Recorded::New(step)
    }

    /// Takes in the document after a one-click replacement as a step of its
    /// own named `label`, never merged with the edits before or after it.
    /// `None` when the document did not change.
    pub fn commit(&mut self, now: T, label: impl Into<String>) -> Option<Step> {
        if now == self.present {
            return None;
        }
        let now_json = json(&now);
        let step = self.new_step(label.into());
        self.push(now, now_json, step.clone());
        self.run = None;
        Some(step)
    }

    /// Goes one step back: the version to show and the step undone.
    pub fn undo(&mut self) -> Option<(T, Step)> {
        let entry = self.undo.pop_back()?;
        let after = std::mem::replace(&mut self.present, entry.state);
        self.present_json = json(&self.present);
        self.redo.push(Entry {
            state: after,
            step: entry.step.clone(),
        });
        self.run = None;
        Some((self.present.clone(), entry.step))
    }

    /// Goes one undone step forward again: the version to show and the step.
    pub fn redo(&mut self) -> Option<(T, Step)> {
        let entry = self.redo.pop()?;
        let before = std::mem::replace(&mut self.present, entry.state);
        self.present_json = json(&self.present);
        self.undo.push_back(Entry {
            state: before,
            step: entry.step.clone(),
        });
        self.run = None;
        Some((self.present.clone(), entry.step))
    }
}

/// Which way a shortcut goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// One step back.
    Undo,
    /// One step forward again.
    Redo,
}

/// The history shortcut a key press is, if any: Ctrl/Cmd+Z undoes;
/// Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y redo. With Alt it is none (Alt+Ctrl
/// types characters on some keyboards).
pub fn shortcut(key: &str, ctrl: bool, meta: bool, shift: bool, alt: bool) -> Option<Direction> {
    if !(ctrl || meta) || alt {
        return None;
    }
    match (key.to_ascii_lowercase().as_str(), shift) {
        ("z", false) => Some(Direction::Undo),
        ("z", true) | ("y", false) => Some(Direction::Redo),
        _ => None,
    }
}

/// Whether an element takes typed text, so that its own undo applies: a
/// `textarea`, an editable element, or an `input` other than a box, a
/// switch, a slider or a button.
pub fn edits_text(tag: &str, input_type: &str, content_editable: bool) -> bool {
    if content_editable {
        return true;
    }
    match tag.to_ascii_lowercase().as_str() {
        "textarea" => true,
        "input" => !matches!(
            input_type.to_ascii_lowercase().as_str(),
            "checkbox"
                | "radio"
                | "range"
                | "button"
                | "submit"
                | "reset"
                | "color"
                | "file"
                | "image"
        ),
        _ => false,
    }
}

/// What the Undo and Redo buttons show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UndoStatus {
    /// The step Undo would take back.
    pub undo: Option<Step>,
    /// The step Redo would do again.
    pub redo: Option<Step>,
}

/// The workbench's history: the pure [`History`] of [`AppState`]s and the
/// signal the buttons read. Part of [`Workbench`] (`wb.history`).
#[derive(Clone, Copy)]
pub struct Undo {
    log: StoredValue<History<AppState>>,
    status: RwSignal<UndoStatus>,
}

/// Milliseconds on the wall clock; only differences are used.
fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1_000.0)
    }
}

impl Undo {
    /// A history starting at `initial`. Needs a reactive owner.
    pub fn new(initial: AppState) -> Self {
        Undo {
            log: StoredValue::new(History::new(initial)),
            status: RwSignal::new(UndoStatus::default()),
        }
    }

    /// What Undo and Redo would do, tracked.
    pub fn status(&self) -> UndoStatus {
        self.status.get()
    }

    fn refresh(&self) {
        let Some(now) = self.log.try_with_value(|h| UndoStatus {
            undo: h.next_undo().cloned(),
            redo: h.next_redo().cloned(),
        }) else {
            return;
        };
        if self.status.try_with_untracked(|s| *s != now) == Some(true) {
            self.status.set(now);
        }
    }

    /// Takes in the document as it is now (what the effect of [`track`]
    /// does on every change; called directly where a step must exist at
    /// once).
    pub fn observe(&self, wb: Workbench) -> Recorded {
        self.observe_at(wb, now_ms())
    }

    /// [`Undo::observe`] at a given time, for tests of merging.
    pub fn observe_at(&self, wb: Workbench, at_ms: f64) -> Recorded {
        self.take(wb.snapshot_untracked(), at_ms)
    }

    fn take(&self, now: AppState, at_ms: f64) -> Recorded {
        let recorded = self
            .log
            .try_update_value(|h| h.record(now, at_ms))
            .unwrap_or(Recorded::Unchanged);
        self.refresh();
        recorded
    }

    /// Runs a one-click replacement as a step of its own named `label`
    /// ("the Sales-led preset"): changes not yet taken in become their own
    /// step first. `None` when `edit` changed nothing.
    pub fn act(
        &self,
        wb: Workbench,
        label: impl Into<String>,
        edit: impl FnOnce(),
    ) -> Option<Step> {
        self.observe(wb);
        edit();
        let now = wb.snapshot_untracked();
        let label = label.into();
        let step = self
            .log
            .try_update_value(|h| h.commit(now, label))
            .flatten();
        self.refresh();
        step
    }

    /// Goes one step back, through [`Workbench::replace`]; the step undone.
    pub fn undo(&self, wb: Workbench) -> Option<Step> {
        self.observe(wb);
        let (state, step) = self.log.try_update_value(History::undo).flatten()?;
        wb.replace(state);
        self.refresh();
        Some(step)
    }

    /// Goes one undone step forward again; the step redone.
    pub fn redo(&self, wb: Workbench) -> Option<Step> {
        self.observe(wb);
        let (state, step) = self.log.try_update_value(History::redo).flatten()?;
        wb.replace(state);
        self.refresh();
        Some(step)
    }
}

/// The effect that feeds every change of the document to the history.
/// `<App/>` calls it once.
pub fn track(wb: Workbench) {
    Effect::new(move |_| {
        // Tracked: re-runs whenever any slice changes.
        let now = wb.snapshot();
        wb.history.take(now, now_ms());
    });
}

/// The notice after a one-click replacement: `text` and an Undo button
/// for exactly that step (shown while it is the step Undo would take back).
pub fn offer_undo(wb: Workbench, step: &Step, text: impl Into<String>) {
    wb.notify(
        Notice::new(NoticeKey::History, NoticeLevel::Info, text)
            .with_action(NoticeAction::Undo(step.id)),
    );
}

/// A one-click replacement (clearing, removing, restoring) as a step of
/// its own named `label`, then — if it changed anything — `text` with an
/// Undo button. Returns whether the document changed.
pub fn undoable(
    wb: Workbench,
    label: impl Into<String>,
    text: impl Into<String>,
    edit: impl FnOnce(),
) -> bool {
    match wb.history.act(wb, label, edit) {
        Some(step) => {
            offer_undo(wb, &step, text);
            true
        }
        None => false,
    }
}

/// Undo, with a notice naming what was undone and offering Redo.
pub fn undo_and_tell(wb: Workbench) -> Option<Step> {
    let step = wb.history.undo(wb)?;
    wb.notify(
        Notice::new(
            NoticeKey::History,
            NoticeLevel::Info,
            format!("Undone: {}.", step.label),
        )
        .with_action(NoticeAction::Redo(step.id)),
    );
    Some(step)
}

/// Redo, with a notice naming what was redone and offering Undo.
pub fn redo_and_tell(wb: Workbench) -> Option<Step> {
    let step = wb.history.redo(wb)?;
    offer_undo(wb, &step, format!("Redone: {}.", step.label));
    Some(step)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::domain::motion::Motion;
    use crate::domain::sim::FieldId;
    use crate::domain::state::Theme;

    /// A small document: two fields and a list, as JSON.
    fn doc(a: f64, b: &str, list: &[u32]) -> Value {
        json!({ "sim": { "a": a, "b": b }, "plan": { "rules": list } })
    }

    #[test]
    fn one_changed_value_is_named_by_its_path() {
        let c = changed(&doc(1.0, "x", &[1]), &doc(2.0, "x", &[1]));
        assert_eq!(
            c,
            Some(Changed {
                path: Some("sim.a".into()),
                areas: vec!["sim".into()]
            })
        );
        let in_list = changed(&doc(1.0, "x", &[1, 2]), &doc(1.0, "x", &[1, 3]));
        assert_eq!(in_list.and_then(|c| c.path), Some("plan.rules[1]".into()));
    }

    #[test]
    fn several_values_or_a_list_of_another_length_have_no_single_path() {
        let both = changed(&doc(1.0, "x", &[1]), &doc(2.0, "y", &[1])).unwrap_or_else(|| panic!());
        assert_eq!(both.path, None);
        assert_eq!(both.areas, vec!["sim".to_string()]);
        let grown =
            changed(&doc(1.0, "x", &[1]), &doc(1.0, "x", &[1, 2])).unwrap_or_else(|| panic!());
        assert_eq!(grown.path, None, "adding a rule is never one value");
        let two_areas =
            changed(&doc(1.0, "x", &[1]), &doc(2.0, "x", &[2])).unwrap_or_else(|| panic!());
        assert_eq!(two_areas.areas, vec!["plan".to_string(), "sim".to_string()]);
        assert_eq!(changed(&doc(1.0, "x", &[1]), &doc(1.0, "x", &[1])), None);
    }

    #[test]
    fn a_key_that_appears_is_one_change_at_its_path() {
        let before = json!({ "assess": { "answers": {} } });
        let after = json!({ "assess": { "answers": { "acv": "high" } } });
        assert_eq!(
            changed(&before, &after).and_then(|c| c.path),
            Some("assess.answers.acv".into())
        );
    }

    #[test]
    fn edits_of_one_field_within_the_window_merge_into_one_step() {
        let mut h = History::new(doc(1.0, "x", &[]));
        assert!(matches!(
            h.record(doc(2.0, "x", &[]), 0.0),
            Recorded::New(_)
        ));
        assert!(matches!(
            h.record(doc(3.0, "x", &[]), 400.0),
            Recorded::Merged(_)
        ));
        // Each edit restarts the window: a slow drag is still one step.
        assert!(matches!(
            h.record(doc(4.0, "x", &[]), 1_300.0),
            Recorded::Merged(_)
        ));
        assert_eq!(h.undo_len(), 1);
        let (back, _) = h.undo().unwrap_or_else(|| panic!("a step to undo"));
        assert_eq!(back, doc(1.0, "x", &[]));
    }

    #[test]
    fn edits_that_return_a_field_to_where_it_was_leave_no_step() {
        let mut h = History::new(doc(50.0, "x", &[]));
        h.record(doc(50.0, "y", &[]), 0.0);
        h.record(doc(507.0, "y", &[]), 5_000.0);
        // Taken back at once (the browser's own undo in the field).
        assert_eq!(h.record(doc(50.0, "y", &[]), 5_300.0), Recorded::Unchanged);
        assert_eq!(
            h.undo_len(),
            1,
            "only the change of the other field is left"
        );
        assert_eq!(h.undo().map(|(d, _)| d), Some(doc(50.0, "x", &[])));
    }

    #[test]
    fn a_pause_another_field_or_an_undo_starts_a_new_step() {
        let mut h = History::new(doc(1.0, "x", &[]));
        h.record(doc(2.0, "x", &[]), 0.0);
        // A pause longer than the window.
        assert!(matches!(
            h.record(doc(3.0, "x", &[]), MERGE_WINDOW_MS + 1.0),
            Recorded::New(_)
        ));
        // Another field at once.
        assert!(matches!(
            h.record(doc(3.0, "y", &[]), MERGE_WINDOW_MS + 2.0),
            Recorded::New(_)
        ));
        assert_eq!(h.undo_len(), 3);
        h.undo();
        // The same field as before the undo, at once: still a step of its own.
        assert!(matches!(
            h.record(doc(5.0, "x", &[]), MERGE_WINDOW_MS + 3.0),
            Recorded::New(_)
        ));
        // A clock that runs backwards never merges.
        assert!(matches!(
            h.record(doc(6.0, "x", &[]), 0.0),
            Recorded::New(_)
        ));
    }

    #[test]
    fn a_committed_step_is_never_merged_with_edits_around_it() {
        let mut h = History::new(doc(1.0, "x", &[]));
        h.record(doc(2.0, "x", &[]), 0.0);
        let step = h.commit(doc(9.0, "x", &[]), "the preset");
        assert_eq!(step.as_ref().map(|s| s.label.as_str()), Some("the preset"));
        assert!(matches!(
            h.record(doc(10.0, "x", &[]), 10.0),
            Recorded::New(_)
        ));
        assert_eq!(h.undo_len(), 3);
        assert_eq!(
            h.commit(doc(10.0, "x", &[]), "nothing"),
            None,
            "no change, no step"
        );
    }

    #[test]
    fn undo_and_redo_walk_back_and_forth_and_a_new_edit_drops_the_redo() {
        let mut h = History::new(doc(0.0, "x", &[]));
        for (i, t) in [(1.0, 0.0), (2.0, 5_000.0), (3.0, 10_000.0)] {
            h.record(doc(i, "x", &[]), t);
        }
        assert_eq!(h.undo().map(|(d, _)| d), Some(doc(2.0, "x", &[])));
        assert_eq!(h.undo().map(|(d, _)| d), Some(doc(1.0, "x", &[])));
        assert_eq!(h.redo().map(|(d, _)| d), Some(doc(2.0, "x", &[])));
        assert_eq!(h.redo_len(), 1);
        h.record(doc(7.0, "x", &[]), 20_000.0);
        assert_eq!(h.redo_len(), 0, "an edit after undo cannot be redone over");
        assert_eq!(h.redo(), None);
        assert_eq!(h.present(), &doc(7.0, "x", &[]));
    }

    #[test]
    fn the_history_keeps_the_latest_hundred_steps() {
        let mut h = History::new(doc(0.0, "x", &[]));
        for i in 1..=150 {
            // Far apart in time, so none merge.
            h.record(doc(f64::from(i), "x", &[]), f64::from(i) * 10_000.0);
        }
        assert_eq!(h.undo_len(), MAX_STEPS);
        let mut oldest = None;
        while let Some((d, _)) = h.undo() {
            oldest = Some(d);
        }
        assert_eq!(
            oldest,
            Some(doc(50.0, "x", &[])),
            "steps before the 100 latest are gone"
        );
    }

    #[test]
    fn labels_name_the_workspace_an_edit_was_made_in() {
        assert_eq!(describe(&["simulate".into()]), "a change in Simulate");
        assert_eq!(describe(&["insight".into()]), "a change in Simulate");
        assert_eq!(describe(&["theme".into()]), "a change of the theme");
        assert_eq!(
            describe(&["assess".into(), "plan".into(), "simulate".into()]),
            "changes in Assess, Plan and Simulate"
        );
        // An area added to the document later is named after its key.
        assert_eq!(describe(&["measure".into()]), "a change in Measure");
    }

    #[test]
    fn every_area_of_the_document_has_a_workspace_or_a_readable_name() {
        let Value::Object(top) = json(&AppState::default()) else {
            panic!("the document is an object");
        };
        // A slice added to the document whose key is not a workspace's name
        // fails here until `describe` names the workspace that edits it.
        for key in top.keys() {
            let label = describe(std::slice::from_ref(key));
            let named = label == "a change of the theme"
                || Route::ALL
                    .iter()
                    .any(|r| label == format!("a change in {}", r.label()));
            assert!(named, "{key}: {label}");
        }
    }

    #[test]
    fn shortcuts_follow_the_common_keys_and_leave_others_alone() {
        assert_eq!(
            shortcut("z", true, false, false, false),
            Some(Direction::Undo)
        );
        assert_eq!(
            shortcut("z", false, true, false, false),
            Some(Direction::Undo)
        );
        assert_eq!(
            shortcut("Z", true, false, true, false),
            Some(Direction::Redo)
        );
        assert_eq!(
            shortcut("Z", false, true, true, false),
            Some(Direction::Redo)
        );
        assert_eq!(
            shortcut("y", true, false, false, false),
            Some(Direction::Redo)
        );
        assert_eq!(
            shortcut("z", false, false, false, false),
            None,
            "a plain z is typing"
        );
        assert_eq!(
            shortcut("z", true, false, false, true),
            None,
            "AltGr combinations type"
        );
        assert_eq!(shortcut("s", true, false, false, false), None);
    }

    #[test]
    fn text_fields_keep_their_own_undo_and_other_controls_use_the_app_history() {
        assert!(edits_text("INPUT", "text", false));
        assert!(
            edits_text("INPUT", "", false),
            "an input without a type is text"
        );
        assert!(edits_text("TEXTAREA", "", false));
        assert!(edits_text("DIV", "", true));
        for control in ["checkbox", "radio", "range", "button"] {
            assert!(!edits_text("INPUT", control, false), "{control}");
        }
        assert!(!edits_text("SELECT", "", false));
        assert!(!edits_text("BUTTON", "", false));
        assert!(!edits_text("BODY", "", false));
    }

    /// The workbench and its history under a reactive owner, as in the app
    /// (the effect of [`track`] is played by calling `observe`).
    fn with_workbench(test: impl FnOnce(Workbench)) {
        let owner = Owner::new();
        owner.with(|| test(Workbench::new(AppState::default())));
    }

    #[test]
    fn undo_restores_every_slice_through_the_workbench_and_redo_brings_it_back() {
        with_workbench(|wb| {
            let start = wb.snapshot_untracked();
            wb.theme.set(Theme::Dark);
            wb.simulate.update(|s| s.apply_preset(Motion::SalesLed));
            wb.plan.update(|p| {
                p.checklist.insert("audit".into());
            });
            wb.history.observe(wb);
            let edited = wb.snapshot_untracked();
            assert_ne!(edited, start);

            let step = wb.history.undo(wb);
            assert_eq!(
                step.map(|s| s.label),
                Some("changes in Plan, Simulate and the theme".into())
            );
            assert_eq!(wb.snapshot_untracked(), start, "every slice is back");
            assert!(wb.history.status().redo.is_some());
            assert_eq!(
                wb.history.observe(wb),
                Recorded::Unchanged,
                "the restore is no new step"
            );

            wb.history.redo(wb);
            assert_eq!(wb.snapshot_untracked(), edited);
            assert_eq!(wb.history.status().redo, None);
        });
    }

    #[test]
    fn an_action_is_its_own_step_and_an_unrecorded_edit_before_it_is_kept_apart() {
        with_workbench(|wb| {
            wb.simulate
                .update(|s| s.inputs.set(FieldId::HorizonMonths, 48.0).unwrap_or(()));
            // Not observed yet: act takes it in as a step first.
            let step = wb.history.act(wb, "the Sales-led preset", || {
                wb.simulate.update(|s| s.apply_preset(Motion::SalesLed));
            });
            assert_eq!(step.map(|s| s.label), Some("the Sales-led preset".into()));
            wb.history.undo(wb);
            assert_eq!(
                wb.simulate.with_untracked(|s| s.inputs.horizon_months),
                48,
                "undo takes back the preset only"
            );
            wb.history.undo(wb);
            assert_eq!(wb.snapshot_untracked(), AppState::default());
            assert_eq!(wb.history.undo(wb), None, "nothing left");
        });
    }

    #[test]
    fn typing_in_one_field_undoes_in_one_step() {
        with_workbench(|wb| {
            for (t, text) in [(0.0, 1.0), (150.0, 15.0), (300.0, 150.0)] {
                wb.simulate
                    .update(|s| s.inputs.set(FieldId::SsArpa, text).unwrap_or(()));
                wb.history.observe_at(wb, t);
            }
            assert_eq!(
                wb.simulate
                    .with_untracked(|s| s.inputs.self_serve.arpa_per_month),
                150.0
            );
            wb.history.undo(wb);
            assert_eq!(wb.snapshot_untracked(), AppState::default());
        });
    }

    #[test]
    fn an_undone_state_is_what_the_saver_writes() {
        with_workbench(|wb| {
            wb.theme.set(Theme::Projector);
            wb.history.observe(wb);
            wb.history.undo(wb);
            // The saver encodes the snapshot: the undone document is valid
            // and reads back equal.
            let raw = crate::persist::schema::encode(&wb.snapshot_untracked())
                .unwrap_or_else(|e| panic!("{e}"));
            let read = crate::persist::schema::decode(&raw).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(read, AppState::default());
        });
    }
}
