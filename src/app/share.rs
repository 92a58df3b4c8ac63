//! Share links: the whole state, the Assess answers or the current scenario
//! packed into the URL fragment (`#share=…`), which browsers never send to a
//! server. Opening one never overwrites local work silently: the user picks
//! "open as a copy" or "replace".
//!
//! A link opens the workspace it is about ([`workspace`]): a scenario in
//! Simulate, answers in Workshop (where they become a participant), the
//! whole workbench on the page it was made from. The link box has a Copy
//! button and a QR code of the link, drawn as SVG by [`super::qr`] in a
//! chunk of its own, loaded when the first link is made.

use leptos::prelude::*;

use leptos_router::hooks::use_navigate;

use crate::persist::share::{self, ShareKind, SharePayload};
use crate::persist::storage;
use crate::routes::Route;
use crate::state::history::offer_undo;
use crate::state::notices::{Notice, NoticeAction, NoticeKey, NoticeLevel};
use crate::state::{try_set, use_workbench, SaveMode, Workbench};

/// The fragment key of a share link.
const KEY: &str = "share=";

/// The code in the page's fragment, if it holds a share link.
fn code_in_location() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash);
    fragment.starts_with(KEY).then(|| share::extract(fragment))
}

/// Removes the fragment so a reload does not offer the link again.
fn clear_fragment() {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// Reads a share link from the fragment, if any, and offers it. Called at
/// start and on `hashchange`.
pub fn check_location(wb: Workbench) {
    let Some(code) = code_in_location() else {
        return;
    };
    leptos::task::spawn_local(async move {
        match codec::decode(code).await {
            Ok(payload) => {
                clear_fragment();
                wb.share_offer.set(Some(payload));
            }
            Err(codec::Failure::Code(error)) => {
                clear_fragment();
                wb.notify(Notice::new(
                    NoticeKey::Share,
                    NoticeLevel::Error,
                    format!("This link could not be opened, and nothing was changed: {error}"),
                ));
            }
            // The link stays in the address bar, so a reload tries again.
            Err(codec::Failure::NotLoaded) => wb.notify(Notice::new(
                NoticeKey::Share,
                NoticeLevel::Error,
                "This link could not be opened yet: the part of the app that reads links did not \
                 download. Check the connection and reload the page; nothing was changed.",
            )),
        }
    });
}

/// The workspace a link opens on: where its payload is used. `None` for
/// the whole workbench, which opens on the page the link was made from.
pub fn workspace(kind: ShareKind) -> Option<Route> {
    match kind {
        ShareKind::State => None,
        ShareKind::Answers => Some(Route::Workshop),
        ShareKind::Scenario => Some(Route::Simulate),
    }
}

/// The page a link made now opens on: the payload's workspace, else the
/// current page (without its query or fragment).
fn link_page(kind: ShareKind) -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    match workspace(kind) {
        // The base ends with the sub-path the app is served under.
        Some(route) => format!("{}{}", base.trim_end_matches('/'), route.path()),
        None => {
            let location = window().location();
            match (location.origin(), location.pathname()) {
                (Ok(origin), Ok(path)) => format!("{origin}{path}"),
                _ => base,
            }
        }
    }
}

/// A link to this app carrying `payload`.
async fn link_for(payload: SharePayload) -> Result<String, String> {
    let page = link_page(payload.kind());
    let code = codec::encode(payload).await.map_err(|failure| match failure {
        codec::Failure::Code(error) => error,
        codec::Failure::NotLoaded => {
            "the part of the app that makes links did not download; check the connection and try again"
                .to_string()
        }
    })?;
    Ok(format!("{page}#{KEY}{code}"))
}

/// The share-link codec (packing, compression, checksums), which only a
/// link being opened or made needs: with the `split` feature it is a chunk
/// of its own, loaded on first use (src/app/chunks.rs says how chunks work).
mod codec {
    use crate::persist::share::{self, SharePayload};

    /// Why a link could not be read or made.
    pub enum Failure {
        /// The code is not a valid link (the message says why).
        Code(String),
        /// The codec's chunk could not be fetched.
        NotLoaded,
    }

    impl From<leptos::wasm_split::SplitLoaderError> for Failure {
        fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
            Failure::NotLoaded
        }
    }

    /// [`share::decode`], loading the codec first.
    pub async fn decode(code: String) -> Result<SharePayload, Failure> {
        #[cfg(feature = "split")]
        return split_decode(code).await;
        #[cfg(not(feature = "split"))]
        return share::decode(&code).map_err(|e| Failure::Code(e.to_string()));
    }

    /// [`share::encode`], loading the codec first.
    pub async fn encode(payload: SharePayload) -> Result<String, Failure> {
        #[cfg(feature = "split")]
        return split_encode(payload).await;
        #[cfg(not(feature = "split"))]
        return share::encode(&payload).map_err(|e| Failure::Code(e.to_string()));
    }

    /// The QR code of `text` as SVG ([`crate::app::qr::svg`]), loading its
    /// chunk first (a chunk of its own: opening a link does not need it).
    pub async fn qr(text: String) -> Result<String, Failure> {
        #[cfg(feature = "split")]
        return split_qr(text).await;
        #[cfg(not(feature = "split"))]
        return crate::app::qr::svg(&text).map_err(|e| Failure::Code(e.to_string()));
    }

    #[cfg(feature = "split")]
    #[leptos::wasm_split::wasm_split(share_qr, fallible, wasm_split_path = ::leptos::wasm_split)]
    fn split_qr(text: String) -> Result<String, Failure> {
        crate::app::qr::svg(&text).map_err(|e| Failure::Code(e.to_string()))
    }

    #[cfg(feature = "split")]
    #[leptos::wasm_split::wasm_split(share_codec, fallible, wasm_split_path = ::leptos::wasm_split)]
    fn split_decode(code: String) -> Result<SharePayload, Failure> {
        share::decode(&code).map_err(|e| Failure::Code(e.to_string()))
    }

    #[cfg(feature = "split")]
    #[leptos::wasm_split::wasm_split(share_codec, fallible, wasm_split_path = ::leptos::wasm_split)]
    fn split_encode(payload: SharePayload) -> Result<String, Failure> {
        share::encode(&payload).map_err(|e| Failure::Code(e.to_string()))
    }
}

/// The choice offered for a link that was opened.
#[component]
pub fn ShareOffer() -> impl IntoView {
    let wb = use_workbench();
    let navigate = use_navigate();
    let dismiss = move || wb.share_offer.set(None);
    // After the choice, the workspace where the link's data now is.
    let go = move |route: Option<Route>| {
        if let Some(route) = route {
            navigate(route.path(), Default::default());
        }
    };
    view! {
        {move || wb.share_offer.get().map(|payload| {
            let go = go.clone();
            let (title, copy_label, replace_label) = match &payload {
                SharePayload::State(_) => (
                    "This link holds a complete workbench: answers, scenarios and plans.".to_string(),
                    "Open as a copy (your saved data stays untouched)".to_string(),
                    "Replace my data with it".to_string(),
                ),
                SharePayload::Answers { name, .. } => (
                    match name {
                        Some(n) => format!("This link holds the Assess answers of {n}."),
                        None => "This link holds a set of Assess answers.".to_string(),
                    },
                    match name {
                        Some(n) => format!("Add {n} to the workshop"),
                        None => "Add as a workshop participant".to_string(),
                    },
                    "Replace my Assess answers".to_string(),
                ),
                SharePayload::Scenario { name, .. } => (
                    format!("This link holds the scenario “{name}”."),
                    "Add it to my saved scenarios".to_string(),
                    "Replace my current scenario".to_string(),
                ),
            };
            let as_copy = payload.clone();
            let to_replace = payload;
            let go_copy = go.clone();
            view! {
                <div class="share-offer notice notice-info" role="dialog" aria-modal="false"
                    aria-labelledby="share-offer-title" data-testid="share-offer">
                    <p id="share-offer-title"><strong>"Shared link: "</strong>{title}</p>
                    <button type="button" class="primary" on:click=move |_| {
                        let route = open_as_copy(wb, as_copy.clone());
                        dismiss();
                        go_copy(route);
                    }>{copy_label}</button>
                    <button type="button" on:click=move |_| {
                        let route = replace(wb, to_replace.clone());
                        dismiss();
                        go(route);
                    }>{replace_label}</button>
                    <button type="button" on:click=move |_| dismiss()>"Ignore it"</button>
                </div>
            }
        })}
    }
}

/// The notice shown while a shared copy is open in place of the user's data.
fn shared_copy_notice() -> Notice {
    Notice::new(
        NoticeKey::SharedCopy,
        NoticeLevel::Warning,
        "You are looking at a shared copy. Your own data is saved and untouched. Changes made \
         here stay with the copy in this tab, also after a reload, until you keep it as your \
         data or go back to yours.",
    )
    .with_action(NoticeAction::KeepSharedCopy)
}

/// Opens `state` as a shared copy over the user's data, which is kept to
/// go back to.
fn open_copy(wb: Workbench, state: crate::domain::state::AppState) {
    wb.previous.set(Some(wb.snapshot_untracked()));
    wb.replace(state);
    wb.save_mode.set(SaveMode::SharedCopy);
    wb.notify(shared_copy_notice());
}

/// At start: a shared copy this tab had open (kept in session storage)
/// opens again over the user's data, so a reload never drops it. Only when
/// the user's own data loaded normally; a copy that no longer reads is
/// forgotten.
pub fn reopen_kept_copy(wb: Workbench) {
    if wb.save_mode.get_untracked() != SaveMode::Saving {
        return;
    }
    let Some(raw) = storage::read_shared_copy() else {
        return;
    };
    // Fetched before the start when a copy is kept (main.rs); without it
    // the copy is kept for the next reload.
    let Some(decode) = super::reader::ready() else {
        wb.notify(Notice::new(
            NoticeKey::SharedCopy,
            NoticeLevel::Warning,
            "The shared copy this tab had open could not be reopened: the part of the app that \
             reads it did not download. It is kept; reload the page once you are online.",
        ));
        return;
    };
    match decode(&raw) {
        Ok(copy) => open_copy(wb, copy),
        Err(_) => storage::clear_shared_copy(),
    }
}

/// Says how adding a shared item went: `added` and the workspace it went to
/// on success, the refusal on failure, nothing when the workspace has gone.
fn tell<T, E: std::fmt::Display>(
    wb: Workbench,
    result: Option<Result<T, E>>,
    added: String,
    to: Route,
) -> Option<Route> {
    let (level, text, route) = match result? {
        Ok(_) => (NoticeLevel::Info, added, Some(to)),
        Err(e) => (NoticeLevel::Error, e.to_string(), None),
    };
    wb.notify(Notice::new(NoticeKey::Share, level, text));
    route
}

/// Does what "open as a copy" (or "add") says; returns the workspace to go
/// to, where the link's data now is.
fn open_as_copy(wb: Workbench, payload: SharePayload) -> Option<Route> {
    match payload {
        SharePayload::State(state) => {
            open_copy(wb, state);
            None
        }
        SharePayload::Answers { name, answers } => {
            let name = name.unwrap_or_else(|| "Shared answers".to_string());
            let result = try_set(wb.workshop, |w| w.receive_answers(&name, answers));
            tell(
                wb,
                result,
                format!("{name} was added to the workshop."),
                Route::Workshop,
            )
        }
        SharePayload::Scenario { name, inputs } => {
            let result = try_set(wb.simulate, |s| {
                // save_as names the current inputs; put the shared ones there
                // for the call and give the user's own back afterwards.
                let own = std::mem::replace(&mut s.inputs, inputs);
                let saved = s.save_as(&name);
                s.inputs = own;
                saved
            });
            let added = format!("“{name}” was added to your saved scenarios.");
            tell(wb, result, added, Route::Simulate)
        }
    }
}

/// Replaces the user's data (or the part the link holds) with the link's;
/// returns the workspace to go to.
fn replace(wb: Workbench, payload: SharePayload) -> Option<Route> {
    wb.previous.set(Some(wb.snapshot_untracked()));
    let mut text = "";
    let mut route = None;
    // One step of the undo history, offered with Undo.
    let step = wb.history.act(wb, "opening the shared link", || {
        (text, route) = match payload {
            SharePayload::State(state) => {
                wb.replace(state);
                ("Your data was replaced by the shared link.", None)
            }
            SharePayload::Answers { answers, .. } => {
                wb.assess.update(|a| a.answers = answers);
                (
                    "Your Assess answers were replaced by the shared ones.",
                    Some(Route::Assess),
                )
            }
            SharePayload::Scenario { inputs, .. } => {
                wb.simulate.update(|s| s.inputs = inputs);
                (
                    "Your current scenario was replaced by the shared one.",
                    Some(Route::Simulate),
                )
            }
        };
    });
    match step {
        Some(step) => offer_undo(wb, &step, text),
        None => wb.notify(Notice::new(
            NoticeKey::Share,
            NoticeLevel::Info,
            "The shared link holds what you have already; nothing changed.",
        )),
    }
    route
}

/// Whether the link was copied, for the button and the line beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    /// Not yet.
    No,
    /// Written to the clipboard.
    Yes,
    /// The clipboard refused: the link is selected for Ctrl+C.
    Selected,
}

/// Writes `text` to the clipboard; `false` when there is no clipboard here
/// or it refused.
async fn write_clipboard(text: &str) -> bool {
    let navigator = window().navigator();
    let has = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .map(|c| !c.is_undefined() && !c.is_null())
        .unwrap_or(false);
    if !has {
        return false;
    }
    let promise = navigator.clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// The "Share a link" part of the Data menu.
#[component]
pub fn ShareMenu() -> impl IntoView {
    let wb = use_workbench();
    let link = RwSignal::new(None::<Result<String, String>>);
    let qr = RwSignal::new(None::<Result<String, String>>);
    let copied = RwSignal::new(Copied::No);
    let input = NodeRef::<leptos::html::Input>::new();
    let make = move |payload: SharePayload| {
        copied.set(Copied::No);
        qr.set(None);
        leptos::task::spawn_local(async move {
            let made = link_for(payload).await;
            let url = made.as_ref().ok().cloned();
            link.set(Some(made));
            if let Some(url) = url {
                qr.set(Some(codec::qr(url).await.map_err(
                    |failure| match failure {
                        codec::Failure::Code(error) => error,
                        codec::Failure::NotLoaded => {
                            "the part of the app that draws it did not download".to_string()
                        }
                    },
                )));
            }
        })
    };
    let copy = move |_| {
        let Some(Ok(url)) = link.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if write_clipboard(&url).await {
                copied.set(Copied::Yes);
            } else {
                if let Some(el) = input.get_untracked() {
                    let _ = el.focus();
                    el.select();
                }
                copied.set(Copied::Selected);
            }
        });
    };
    view! {
        <div class="share-menu" role="group" aria-labelledby="share-menu-title">
            <p id="share-menu-title"><strong>"Share a link"</strong></p>
            <p class="hint">"The data travels inside the link itself; nothing is uploaded."</p>
            <button type="button" on:click=move |_| make(SharePayload::State(wb.snapshot_untracked()))>
                "Link to everything"
            </button>
            <button type="button" on:click=move |_| make(SharePayload::Answers {
                name: None,
                answers: wb.assess.get_untracked().answers,
            })>"Link to my answers"</button>
            <button type="button" on:click=move |_| make(SharePayload::Scenario {
                name: "Shared scenario".to_string(),
                inputs: wb.simulate.get_untracked().inputs,
            })>"Link to the current scenario"</button>
            {move || link.get().map(|result| match result {
                Ok(url) => view! {
                    <div class="share-link">
                        <label for="share-link">"The link"</label>
                        <div class="share-link-row">
                            <input type="text" id="share-link" readonly prop:value=url node_ref=input
                                data-testid="share-link"
                                on:focus:target=move |ev| ev.target().select()/>
                            <button type="button" class="primary" on:click=copy
                                aria-describedby="share-copy-status">
                                {move || if copied.get() == Copied::Yes { "Copied" } else { "Copy" }}
                            </button>
                        </div>
                        <p id="share-copy-status" class="hint" role="status" aria-live="polite">
                            {move || match copied.get() {
                                Copied::No => "",
                                Copied::Yes => "The link is on the clipboard: paste it anywhere.",
                                Copied::Selected => "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
                            }}
                        </p>
                        {move || qr.get().map(|drawn| match drawn {
                            Ok(svg) => view! {
                                <figure class="share-qr" data-testid="share-qr">
                                    // SVG drawn by app::qr from the link alone: no text of
                                    // the person's goes into it unescaped.
                                    <div class="share-qr-code" inner_html=svg></div>
                                    <figcaption class="hint">
                                        "Point a phone's camera at it to open the link there."
                                    </figcaption>
                                </figure>
                            }.into_any(),
                            Err(message) => view! {
                                <p class="hint" data-testid="share-qr-none">
                                    {format!("No QR code: {message}.")}
                                </p>
                            }.into_any(),
                        })}
                    </div>
                }.into_any(),
                Err(message) => view! {
                    <p class="field-error" role="alert">{format!("No link was made: {message}")}</p>
                }.into_any(),
            })}
        </div>
    }
}
