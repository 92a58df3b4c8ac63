//! Presenter mode: the questionnaire on the shared screen, one question at a
//! time, for the person whose turn it is; then their result beside the
//! room's so far.
//!
//! It is a full-viewport dialog in the projector colours whatever the theme,
//! put into full screen when the browser allows it (it works the same when
//! the browser refuses). Keyboard: ←/→ previous/next question, ↑/↓ move
//! between the answers, Space/Enter choose, 1–9 choose answer N ("Not sure"
//! is the last), `?` shows the keys, Esc leaves.
//!
//! Here: the stages and the state machine that moves between them;
//! `keys` maps keys to its steps, `dom` holds the DOM around the dialog
//! (full screen, focus), `view` draws it.

mod dom;
mod keys;
mod view;

use leptos::ev::MouseEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::focus::focus_after_frame_with;
use crate::domain::assess::{progress, Question, NOT_SURE, NOT_SURE_LABEL, QUESTIONS};
use crate::state::{try_set, Workbench};

use dom::{exit_fullscreen, focus_in_dialog, focus_marked};

pub use view::{PresenterOverlay, PresenterStart};

/// Where presenter mode is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Choosing who answers next.
    Pick,
    /// Question `i` of [`QUESTIONS`].
    Question(usize),
    /// The result of the person who just answered.
    Reveal,
}

/// Presenter mode's state, shared by the start button, the participant rows
/// and the dialog. Nothing here is saved: answers go straight into the
/// workshop state.
#[derive(Clone, Copy)]
pub struct Presenter {
    wb: Workbench,
    open: RwSignal<bool>,
    stage: RwSignal<Stage>,
    /// The participant answering.
    who: RwSignal<Option<u32>>,
    /// The answer that has the keyboard focus (roving), 0-based; the last is "Not sure".
    cursor: RwSignal<usize>,
    /// Whether the key list is shown.
    keys: RwSignal<bool>,
    /// The participant offered first when picking who answers next.
    suggested: RwSignal<Option<u32>>,
    /// The last thing that happened, read out by screen readers.
    status: RwSignal<String>,
    /// Whether the dialog is in the browser's full screen.
    fullscreen: RwSignal<bool>,
    /// The control that opened the dialog; focus goes back to it on close.
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    start_button: NodeRef<html::Button>,
}

/// The number of answers question `q` offers, "Not sure" included.
fn choice_count(q: &Question) -> usize {
    q.options.len() + 1
}

/// The option id of answer `k` (0-based) of `q`; the last is "Not sure".
fn choice_id(q: &Question, k: usize) -> Option<&'static str> {
    if k == q.options.len() {
        Some(NOT_SURE)
    } else {
        q.options.get(k).map(|o| o.id)
    }
}

/// The label of answer `k` of `q`.
fn choice_label(q: &Question, k: usize) -> &'static str {
    q.options.get(k).map(|o| o.label).unwrap_or(NOT_SURE_LABEL)
}

impl Presenter {
    /// Closed, nobody answering.
    pub fn new(wb: Workbench) -> Self {
        Presenter {
            wb,
            open: RwSignal::new(false),
            stage: RwSignal::new(Stage::Pick),
            who: RwSignal::new(None),
            cursor: RwSignal::new(0),
            keys: RwSignal::new(false),
            suggested: RwSignal::new(None),
            status: RwSignal::new(String::new()),
            fullscreen: RwSignal::new(false),
            opener: StoredValue::new_local(None),
            start_button: NodeRef::new(),
        }
    }

    /// Opens presenter mode: at `who`'s first unanswered question, or at
    /// "who answers now?" without anyone.
    pub fn open_for(&self, who: Option<u32>, ev: &MouseEvent) {
        let opener = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
        self.opener.set_value(opener);
        self.keys.set(false);
        self.status.set(String::new());
        match who {
            Some(id) => self.start_person(id),
            None => self.go_pick(self.next_person(None)),
        }
        self.open.set(true);
    }

    /// The first participant after `after` (in join order, wrapping) who has
    /// not answered every question; else the one right after.
    fn next_person(&self, after: Option<u32>) -> Option<u32> {
        let wb = self.wb;
        wb.workshop.with_untracked(|w| {
            let n = w.participants.len();
            let start = after
                .and_then(|id| w.participants.iter().position(|p| p.id == id))
                .map_or(0, |i| i + 1);
            let order = (0..n).map(|k| (start + k) % n.max(1));
            let unfinished = order.clone().find_map(|i| {
                let p = w.participants.get(i)?;
                (progress(&p.answers).answered < QUESTIONS.len() && Some(p.id) != after)
                    .then_some(p.id)
            });
            unfinished.or_else(|| {
                order
                    .filter_map(|i| w.participants.get(i))
                    .find(|p| Some(p.id) != after)
                    .map(|p| p.id)
            })
        })
    }

    fn start_person(&self, id: u32) {
        let wb = self.wb;
        let first_open = wb.workshop.with_untracked(|w| {
            w.participant(id)
                .and_then(|p| QUESTIONS.iter().position(|q| !p.answers.contains_key(q.id)))
        });
        self.who.set(Some(id));
        self.go_question(first_open.unwrap_or(0));
    }

    fn go_pick(&self, suggested: Option<u32>) {
        self.suggested.set(suggested);
        self.stage.set(Stage::Pick);
        focus_marked();
    }

    fn go_question(&self, i: usize) {
        let wb = self.wb;
        let Some(q) = QUESTIONS.get(i) else {
            self.go_reveal();
            return;
        };
        let current = self.who.get_untracked().and_then(|id| {
            wb.workshop.with_untracked(|w| {
                let answer = w.participant(id)?.answers.get(q.id)?.clone();
                (0..choice_count(q)).find(|k| choice_id(q, *k) == Some(answer.as_str()))
            })
        });
        self.cursor.set(current.unwrap_or(0));
        self.stage.set(Stage::Question(i));
        focus_marked();
    }

    fn go_reveal(&self) {
        self.stage.set(Stage::Reveal);
        focus_marked();
    }

    fn next(&self) {
        match self.stage.get_untracked() {
            Stage::Question(i) => self.go_question(i + 1),
            Stage::Pick | Stage::Reveal => {}
        }
    }

    fn previous(&self) {
        match self.stage.get_untracked() {
            Stage::Question(i) if i > 0 => self.go_question(i - 1),
            Stage::Reveal => self.go_question(QUESTIONS.len().saturating_sub(1)),
            _ => {}
        }
    }

    /// Records answer `k` of the current question and moves on.
    fn choose(&self, k: usize) {
        let wb = self.wb;
        let (Stage::Question(i), Some(id)) = (self.stage.get_untracked(), self.who.get_untracked())
        else {
            return;
        };
        let Some(q) = QUESTIONS.get(i) else {
            return;
        };
        let Some(oid) = choice_id(q, k) else {
            self.status
                .set(format!("There is no answer {} to this question.", k + 1));
            return;
        };
        match try_set(wb.workshop, |w| w.set_answer(id, q.id, oid)).unwrap_or(Ok(())) {
            Ok(()) => {
                self.status.set(format!(
                    "Question {} of {}: “{}” recorded.",
                    i + 1,
                    QUESTIONS.len(),
                    choice_label(q, k)
                ));
                self.next();
            }
            Err(e) => self.status.set(e.to_string()),
        }
    }

    fn move_cursor(&self, step: isize) {
        let Stage::Question(i) = self.stage.get_untracked() else {
            return;
        };
        let Some(q) = QUESTIONS.get(i) else {
            return;
        };
        let n = choice_count(q) as isize;
        let k = (self.cursor.get_untracked() as isize + step).rem_euclid(n) as usize;
        self.cursor.set(k);
        focus_in_dialog(&format!("[data-choice='{k}']"));
    }

    /// Leaves presenter mode: out of full screen, focus back where it was.
    pub fn close(&self) {
        if !self.open.get_untracked() {
            return;
        }
        self.open.set(false);
        self.keys.set(false);
        if self.fullscreen.get_untracked() {
            self.fullscreen.set(false);
            exit_fullscreen();
        }
        let opener = self
            .opener
            .get_value()
            .filter(|el| el.is_connected() && el.offset_parent().is_some());
        let start = self.start_button;
        focus_after_frame_with(move || {
            opener.or_else(|| start.get_untracked().map(web_sys::HtmlElement::from))
        });
    }
}
