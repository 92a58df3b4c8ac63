//! Presenter mode's keyboard: ←/→ between questions, ↑/↓ between answers
//! (or people, when picking who answers), Space/Enter and 1–9 to answer,
//! `?` for the key list, Esc to leave, and Tab kept inside the dialog.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{move_among, trap_tab};
use super::{Presenter, Stage};

impl Presenter {
    /// Handles a key pressed anywhere in the dialog.
    pub(super) fn keydown(&self, ev: &KeyboardEvent) {
        let key = ev.key();
        if key == "Escape" {
            ev.prevent_default();
            if self.keys.get_untracked() {
                self.keys.set(false);
            } else {
                self.close();
            }
            return;
        }
        if key == "Tab" {
            trap_tab(ev);
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let tag = target
            .as_ref()
            .map(|t| t.tag_name().to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(tag.as_str(), "input" | "textarea" | "select")
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
        {
            return;
        }
        if key == "?" {
            ev.prevent_default();
            self.keys.update(|k| *k = !*k);
            return;
        }
        let on_button = tag == "button";
        match self.stage.get_untracked() {
            Stage::Question(_) => match key.as_str() {
                "ArrowLeft" => {
                    ev.prevent_default();
                    self.previous();
                }
                "ArrowRight" => {
                    ev.prevent_default();
                    self.next();
                }
                "ArrowUp" => {
                    ev.prevent_default();
                    self.move_cursor(-1);
                }
                "ArrowDown" => {
                    ev.prevent_default();
                    self.move_cursor(1);
                }
                // A focused button answers Space and Enter itself.
                " " | "Enter" if !on_button => {
                    ev.prevent_default();
                    self.choose(self.cursor.get_untracked());
                }
                digit => {
                    if let Some(n) = digit.parse::<usize>().ok().filter(|n| (1..=9).contains(n)) {
                        ev.prevent_default();
                        self.choose(n - 1);
                    }
                }
            },
            Stage::Pick => match key.as_str() {
                "ArrowUp" | "ArrowDown" => {
                    ev.prevent_default();
                    move_among("[data-pick]", if key == "ArrowUp" { -1 } else { 1 });
                }
                _ => {}
            },
            Stage::Reveal => {
                if key == "ArrowLeft" {
                    ev.prevent_default();
                    self.previous();
                }
            }
        }
    }
}
