//! Moving keyboard focus from code. When the control that had the focus is
//! replaced or moved, its successor exists only once the page has been
//! redrawn, so these helpers wait for the next animation frame.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The element with this id, if it is on the page and can take focus.
pub fn element(id: &str) -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// After the next redraw, focuses what `find` returns then, if anything.
pub fn focus_after_frame_with(find: impl FnOnce() -> Option<web_sys::HtmlElement> + 'static) {
    request_animation_frame(move || {
        if let Some(el) = find() {
            let _ = el.focus();
        }
    });
}

/// After the next redraw, focuses the element `id` if it is there.
pub fn focus_after_frame(id: impl Into<String>) {
    focus_first_after_frame(vec![id.into()]);
}

/// After the next redraw, focuses the first of `ids` that is on the page and
/// not disabled (e.g. the button that moved a rule, else the rule's next
/// control when that button is now disabled or gone).
pub fn focus_first_after_frame(ids: Vec<String>) {
    focus_after_frame_with(move || {
        ids.iter()
            .find_map(|id| element(id).filter(|e| !e.has_attribute("disabled")))
    });
}

/// Scrolls the element `id` into view and focuses it now (a link to an
/// input, the target of the address's `#hash`).
pub fn scroll_to_and_focus(id: &str) {
    if let Some(el) = element(id) {
        el.scroll_into_view();
        let _ = el.focus();
    }
}
