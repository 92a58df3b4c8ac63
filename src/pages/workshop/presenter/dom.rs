//! The DOM around presenter mode's dialog: full screen (asked for quietly,
//! refused without fuss), finding and focusing elements inside the dialog,
//! moving focus among a set of them, and keeping Tab inside.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::focus::focus_after_frame_with;

/// The id of the dialog element.
pub(super) const DIALOG_ID: &str = "presenter-dialog";

/// Calls a promise-returning method such as `requestFullscreen` and swallows
/// its refusal, so a browser that says no leaves no unhandled rejection.
pub(super) fn call_quietly(target: &JsValue, method: &str) {
    let Ok(f) = js_sys::Reflect::get(target, &JsValue::from_str(method)) else {
        return;
    };
    let Ok(f) = f.dyn_into::<js_sys::Function>() else {
        return;
    };
    if let Ok(ret) = f.call0(target) {
        if let Ok(promise) = ret.dyn_into::<js_sys::Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// Leaves the browser's full screen, if the page is in it.
pub(super) fn exit_fullscreen() {
    let doc = document();
    if doc.fullscreen_element().is_some() {
        call_quietly(&doc, "exitFullscreen");
    }
}

/// The dialog element, while it is open.
pub(super) fn dialog() -> Option<web_sys::Element> {
    document().get_element_by_id(DIALOG_ID)
}

/// Focuses the first element matching `selector` inside the dialog.
pub(super) fn focus_in_dialog(selector: &str) {
    if let Some(el) = dialog()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// After the next redraw, focuses the element the stage marked with
/// `data-autofocus`, or the dialog itself.
pub(super) fn focus_marked() {
    focus_after_frame_with(|| {
        let d = dialog()?;
        let target = d
            .query_selector("[data-autofocus='true']")
            .ok()
            .flatten()
            .unwrap_or(d);
        target.dyn_into::<web_sys::HtmlElement>().ok()
    });
}

/// The elements inside the dialog matching `selector`, in document order.
fn all_in_dialog(selector: &str) -> Vec<web_sys::HtmlElement> {
    let Some(list) = dialog().and_then(|d| d.query_selector_all(selector).ok()) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Moves focus to the previous/next element matching `selector`.
pub(super) fn move_among(selector: &str, step: isize) {
    let items = all_in_dialog(selector);
    if items.is_empty() {
        return;
    }
    let active = document().active_element();
    let at = items.iter().position(|el| {
        active
            .as_ref()
            .is_some_and(|a| a == el.as_ref() as &web_sys::Element)
    });
    let n = items.len() as isize;
    let next = match at {
        Some(i) => (i as isize + step).rem_euclid(n),
        None => 0,
    } as usize;
    if let Some(el) = items.get(next) {
        let _ = el.focus();
    }
}

/// Keeps Tab inside the dialog (it is modal).
pub(super) fn trap_tab(ev: &KeyboardEvent) {
    let items = all_in_dialog(
        "button:not([disabled]):not([tabindex='-1']), input:not([disabled]), textarea:not([disabled]), [tabindex='0']",
    );
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        ev.prevent_default();
        return;
    };
    let active = document().active_element();
    let is = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.as_ref() as &web_sys::Element)
    };
    let inside = active
        .as_ref()
        .is_some_and(|a| items.iter().any(|el| a == el.as_ref() as &web_sys::Element));
    if ev.shift_key() && (is(first) || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (is(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
