//! Finding the way: each route's `<title>`, and after a route change the
//! focus on the new page's heading with a short spoken announcement
//! ("Opened Simulate."), so keyboard and screen-reader users land where
//! sighted users look. Nothing moves on the first load: the browser's own
//! start (the skip link first) is left alone.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::routes::{announcement, title_of, Route};

/// How many frames to wait for a lazily loaded workspace's heading (about
/// ten seconds at 60 frames a second) before announcing without moving
/// the focus.
const MAX_FRAMES: u32 = 600;

/// The page's main heading, if it is drawn.
fn main_heading() -> Option<web_sys::HtmlElement> {
    document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Whether the focus is already on something inside the page (a page that
/// focuses its own target, such as a linked input, keeps it).
fn focus_is_in_main() -> bool {
    let doc = document();
    match (doc.active_element(), doc.get_element_by_id("main")) {
        (Some(active), Some(main)) => {
            !active.is_same_node(Some(&main)) && main.contains(Some(&active))
        }
        _ => false,
    }
}

/// Waits, a frame at a time, for a heading other than `before` (the old
/// page's, which stays until a lazily loaded page has arrived), then
/// focuses it unless the page has placed the focus itself, and speaks.
fn settle(
    before: Option<web_sys::HtmlElement>,
    frames_left: u32,
    seen: Rc<RefCell<Option<web_sys::HtmlElement>>>,
    speak: Box<dyn FnOnce()>,
    focus: bool,
) {
    request_animation_frame(move || {
        let heading =
            main_heading().filter(|h| before.as_ref().is_none_or(|b| !b.is_same_node(Some(h))));
        match heading {
            Some(heading) => {
                if focus && !focus_is_in_main() {
                    // Focusable from code only, not in the Tab order.
                    let _ = heading.set_attribute("tabindex", "-1");
                    let _ = heading.focus();
                }
                *seen.borrow_mut() = Some(heading);
                speak();
            }
            None if frames_left > 0 => settle(before, frames_left - 1, seen, speak, focus),
            None => speak(),
        }
    });
}

/// The title, the focus and the announcement of route changes; renders the
/// polite live region that speaks.
#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let location = use_location();
    let message = RwSignal::new(String::new());
    let route = Memo::new(move |_| location.pathname.with(|p| Route::of_location(p)));

    Effect::new(move |_| document().set_title(&title_of(route.get())));

    // The heading seen last, to tell the new page's from the old one's.
    let seen: Rc<RefCell<Option<web_sys::HtmlElement>>> = Rc::new(RefCell::new(None));
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let first = previous.is_none();
        if previous.as_deref() != Some(path.as_str()) {
            let before = if first { None } else { seen.borrow().clone() };
            let speak: Box<dyn FnOnce()> = Box::new(move || {
                if !first {
                    message.set(announcement(route.get_untracked()));
                }
            });
            settle(before, MAX_FRAMES, Rc::clone(&seen), speak, !first);
        }
        path
    });

    view! {
        <p class="sr-only" aria-live="polite" aria-atomic="true" data-testid="route-announcer">
            {move || message.get()}
        </p>
    }
}
