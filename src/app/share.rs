//! Share links: the whole state, the Assess answers or the current scenario
//! packed into the URL fragment (`#share=…`), which browsers never send to a
//! server. Opening one never overwrites local work silently: the user picks
//! "open as a copy" or "replace".

use leptos::prelude::*;

use crate::persist::share::{self, SharePayload};
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

/// A link to this app carrying `payload`.
async fn link_for(payload: SharePayload) -> Result<String, String> {
    let code = codec::encode(payload).await.map_err(|failure| match failure {
        codec::Failure::Code(error) => error,
        codec::Failure::NotLoaded => {
            "the part of the app that makes links did not download; check the connection and try again"
                .to_string()
        }
    })?;
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    Ok(format!("{base}#{KEY}{code}"))
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
    let dismiss = move || wb.share_offer.set(None);
    view! {
        {move || wb.share_offer.get().map(|payload| {
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
            view! {
                <div class="share-offer notice notice-info" role="dialog" aria-modal="false"
                    aria-labelledby="share-offer-title" data-testid="share-offer">
                    <p id="share-offer-title"><strong>"Shared link: "</strong>{title}</p>
                    <button type="button" class="primary" on:click=move |_| {
                        open_as_copy(wb, as_copy.clone());
                        dismiss();
                    }>{copy_label}</button>
                    <button type="button" on:click=move |_| {
                        replace(wb, to_replace.clone());
                        dismiss();
                    }>{replace_label}</button>
                    <button type="button" on:click=move |_| dismiss()>"Ignore it"</button>
                </div>
            }
        })}
    }
}

fn open_as_copy(wb: Workbench, payload: SharePayload) {
    match payload {
        SharePayload::State(state) => {
            wb.previous.set(Some(wb.snapshot_untracked()));
            wb.replace(state);
            wb.save_mode.set(SaveMode::Paused);
            wb.notify(
                Notice::new(
                    NoticeKey::SharedCopy,
                    NoticeLevel::Warning,
                    "You are looking at a shared copy. Your own data is saved and untouched; \
                     changes made here are not saved unless you keep the copy.",
                )
                .with_action(NoticeAction::KeepSharedCopy),
            );
        }
        SharePayload::Answers { name, answers } => {
            let name = name.unwrap_or_else(|| "Shared answers".to_string());
            match try_set(wb.workshop, |w| w.receive_answers(&name, answers)) {
                None => {}
                Some(Ok(_)) => wb.notify(Notice::new(
                    NoticeKey::Share,
                    NoticeLevel::Info,
                    format!("{name} was added to the workshop. See Workshop."),
                )),
                Some(Err(e)) => wb.notify(Notice::new(
                    NoticeKey::Share,
                    NoticeLevel::Error,
                    e.to_string(),
                )),
            }
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
            match result {
                None => {}
                Some(Ok(_)) => wb.notify(Notice::new(
                    NoticeKey::Share,
                    NoticeLevel::Info,
                    format!("“{name}” was added to your saved scenarios in Simulate."),
                )),
                Some(Err(e)) => wb.notify(Notice::new(
                    NoticeKey::Share,
                    NoticeLevel::Error,
                    e.to_string(),
                )),
            }
        }
    }
}

fn replace(wb: Workbench, payload: SharePayload) {
    wb.previous.set(Some(wb.snapshot_untracked()));
    let text = match payload {
        SharePayload::State(state) => {
            wb.replace(state);
            "Your data was replaced by the shared link."
        }
        SharePayload::Answers { answers, .. } => {
            wb.assess.update(|a| a.answers = answers);
            "Your Assess answers were replaced by the shared ones."
        }
        SharePayload::Scenario { inputs, .. } => {
            wb.simulate.update(|s| s.inputs = inputs);
            "Your current scenario was replaced by the shared one."
        }
    };
    wb.notify(Notice::new(
        NoticeKey::Share,
        NoticeLevel::Info,
        format!("{text} Data → Undo last import or reset brings back what you had."),
    ));
}

/// The "Share a link" part of the Data menu.
#[component]
pub fn ShareMenu() -> impl IntoView {
    let wb = use_workbench();
    let link = RwSignal::new(None::<Result<String, String>>);
    let make = move |payload: SharePayload| {
        leptos::task::spawn_local(async move { link.set(Some(link_for(payload).await)) })
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
                    <label class="field">
                        "Copy this link"
                        <input type="text" readonly prop:value=url data-testid="share-link"
                            on:focus:target=move |ev| ev.target().select()/>
                    </label>
                }.into_any(),
                Err(message) => view! {
                    <p class="field-error" role="alert">{format!("No link was made: {message}")}</p>
                }.into_any(),
            })}
        </div>
    }
}
