//! The Undo and Redo buttons in the header and their keyboard shortcuts.
//! The history itself, and why text fields keep their own undo, is
//! [`crate::state::history`].

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::history::{edits_text, redo_and_tell, shortcut, undo_and_tell, Direction};
use crate::state::{use_workbench, Workbench};

/// Whether the key press happened in a field that takes typed text.
fn in_text_field(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let input_type = el
        .dyn_ref::<web_sys::HtmlInputElement>()
        .map(web_sys::HtmlInputElement::type_)
        .unwrap_or_default();
    edits_text(&el.tag_name(), &input_type, el.is_content_editable())
}

/// Listens for Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl/Cmd+Y on the whole
/// window, for as long as the app runs.
pub fn listen_for_shortcuts(wb: Workbench) {
    window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.is_composing() || in_text_field(&ev) {
            return;
        }
        let Some(direction) = shortcut(
            &ev.key(),
            ev.ctrl_key(),
            ev.meta_key(),
            ev.shift_key(),
            ev.alt_key(),
        ) else {
            return;
        };
        ev.prevent_default();
        match direction {
            Direction::Undo => undo_and_tell(wb),
            Direction::Redo => redo_and_tell(wb),
        };
    });
}

/// Undo and Redo. Unavailable buttons say so with `aria-disabled` rather
/// than `disabled`, so they keep the focus (pressing Undo until nothing is
/// left does not drop it) and screen readers announce them as dimmed.
#[component]
pub fn UndoButtons() -> impl IntoView {
    let wb = use_workbench();
    let status = Memo::new(move |_| wb.history.status());
    let undo_title = move || {
        status.with(|s| match &s.undo {
            Some(step) => format!("Undo {} (Ctrl+Z)", step.label),
            None => "Nothing to undo".to_string(),
        })
    };
    let redo_title = move || {
        status.with(|s| match &s.redo {
            Some(step) => format!("Redo {} (Shift+Ctrl+Z)", step.label),
            None => "Nothing to redo".to_string(),
        })
    };
    view! {
        <div class="history-tools" role="group" aria-label="Undo and redo">
            <button
                type="button"
                aria-disabled=move || status.with(|s| s.undo.is_none()).to_string()
                aria-keyshortcuts="Control+Z Meta+Z"
                title=undo_title
                on:click=move |_| {
                    undo_and_tell(wb);
                }
            >
                <span aria-hidden="true">"↶ "</span>
                "Undo"
            </button>
            <button
                type="button"
                aria-disabled=move || status.with(|s| s.redo.is_none()).to_string()
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
                title=redo_title
                on:click=move |_| {
                    redo_and_tell(wb);
                }
            >
                <span aria-hidden="true">"↷ "</span>
                "Redo"
            </button>
        </div>
    }
}
