//! The shell: `<App/>` loads the document, provides the [`Workbench`] and
//! the shared memos, draws the chrome (header, data menu, notices, share
//! offer), declares the routes and owns the effects that talk to the
//! outside world (saving, the theme attribute, share links, updates).
//! Nothing imports this module; it imports every page.

pub mod chunks;
pub mod data_menu;
pub mod header;
pub mod notices;
pub mod qr;
pub mod reader;
pub mod saver;
pub mod share;
pub mod undo;
pub mod wayfinding;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::components::{Route as RouteView, Router, Routes};
use leptos_router::{path, StaticSegment};

use crate::pages::assess::AssessPage;
use crate::pages::not_found::NotFound;
use crate::persist::storage;
use crate::routes::{set_base, Route};
use crate::state::derived::provide_derived;
use crate::state::history;
use crate::state::notices::{Notice, NoticeAction, NoticeKey, NoticeLevel};
use crate::state::Workbench;
use header::Header;
use notices::Notices;
use saver::{load_notice, LocalStorage, Saver};
use share::ShareOffer;
use wayfinding::RouteAnnouncer;

/// How long typing must pause before the state is written.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(300);

/// The saver with its pending debounce timer.
struct Scheduled {
    saver: Saver<LocalStorage>,
    pending: Option<TimeoutHandle>,
}

impl Scheduled {
    fn schedule(this: &Rc<RefCell<Scheduled>>) {
        let mut me = this.borrow_mut();
        if let Some(handle) = me.pending.take() {
            handle.clear();
        }
        let again = Rc::clone(this);
        me.pending = set_timeout_with_handle(move || Scheduled::flush(&again), SAVE_DEBOUNCE).ok();
    }

    fn flush(this: &Rc<RefCell<Scheduled>>) {
        let mut me = this.borrow_mut();
        if let Some(handle) = me.pending.take() {
            handle.clear();
        }
        // Replacing the state after another tab's save runs effects that
        // may schedule again; release the borrow first.
        let saver = &mut me.saver;
        let _ = saver.flush();
    }
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

/// The application: header, notices and the six workspaces.
#[component]
pub fn App() -> impl IntoView {
    // main.rs starts the app once the reader is loaded, when it is needed.
    let loaded = storage::load(reader::ready());
    let wb = Workbench::new(loaded.state);
    provide_context(wb);
    provide_derived(wb);
    let mut last_raw = loaded.raw;
    if let Some(problem) = &loaded.problem {
        let (notice, mode) = load_notice(problem);
        wb.notify(notice);
        wb.save_mode.set(mode);
        if matches!(problem, storage::LoadProblem::Unreadable { .. }) {
            last_raw = None;
        }
    }
    let saver = Rc::new(RefCell::new(Scheduled {
        saver: Saver::new(wb, LocalStorage, last_raw, reader::ready),
        pending: None,
    }));

    // The one save effect: any change to the document schedules a write.
    let scheduler = Rc::clone(&saver);
    Effect::new(move |previous: Option<()>| {
        let _ = wb.snapshot();
        // A change of mode (a shared copy kept as the user's data) saves too.
        let _ = wb.save_mode.get();
        if previous.is_some() {
            Scheduled::schedule(&scheduler);
        }
    });

    // Every change to the document goes into the undo history.
    history::track(wb);
    undo::listen_for_shortcuts(wb);

    // An edit made just before the tab closes is written at once.
    let on_hide = Rc::clone(&saver);
    let flush_on_hide = move || Scheduled::flush(&on_hide);
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
        on_storage
            .borrow_mut()
            .saver
            .other_tab_saved(event.new_value());
    });

    // sw-register.js says a new version of the app is installed and waiting.
    window_event_listener_untyped("gtm-update-ready", move |_| {
        wb.notify(
            Notice::new(
                NoticeKey::Update,
                NoticeLevel::Info,
                "A new version of GTM Workbench is ready. Your data stays as it is.",
            )
            .with_action(NoticeAction::ReloadToUpdate),
        );
    });

    // A shared copy this tab had open before a reload comes back as it was.
    share::reopen_kept_copy(wb);
    // A share link in the fragment: offer it now, and whenever one is pasted
    // into the address bar of the open app.
    share::check_location(wb);
    window_event_listener(leptos::ev::hashchange, move |_| share::check_location(wb));

    // The theme lives on <html> so the page background follows it too.
    Effect::new(move |_| {
        let theme = wb.theme.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.slug());
        }
    });

    // Fetch the other workspaces' chunks once the page is idle.
    chunks::prefetch_when_idle();

    let base = set_base(base_path());
    view! {
        <Router base=base>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <RouteAnnouncer/>
            <Header/>
            <Notices/>
            <ShareOffer/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <RouteView path=path!("/") view=AssessPage/>
                    <RouteView path=StaticSegment(Route::Assess.segment()) view=AssessPage/>
                    // Assess is in the main module; the other routes are chunks.
                    <RouteView path=StaticSegment(Route::Compare.segment()) view=chunks::compare()/>
                    <RouteView path=StaticSegment(Route::Measure.segment()) view=chunks::measure()/>
                    <RouteView path=StaticSegment(Route::Simulate.segment()) view=chunks::simulate()/>
                    <RouteView path=StaticSegment(Route::Plan.segment()) view=chunks::plan()/>
                    <RouteView path=StaticSegment(Route::Workshop.segment()) view=chunks::workshop()/>
                    <RouteView path=StaticSegment(Route::Methods.segment()) view=chunks::methods()/>
                </Routes>
            </main>
        </Router>
    }
}
