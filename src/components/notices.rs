//! Messages under the header: what went wrong with storage, imports, other
//! tabs. Each can be dismissed; some offer a file to download.

use leptos::prelude::*;

use crate::app::{use_store, SaveMode};
use crate::persist::files;

/// How serious a notice is; it sets the colour and the ARIA role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeLevel {
    /// Something happened that the user may want to know.
    Info,
    /// Something did not work as expected but nothing is lost.
    Warning,
    /// Something failed.
    Error,
}

/// One message.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Identifies the kind of message; a new notice replaces one with the same key.
    pub key: &'static str,
    /// How serious it is.
    pub level: NoticeLevel,
    /// The text.
    pub text: String,
    /// A file offered for download: (file name, content).
    pub download: Option<(String, String)>,
    /// A button that acts on the notice.
    pub action: Option<NoticeAction>,
}

/// What a notice's button does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Asks the waiting service worker to take over; the page then reloads.
    ReloadToUpdate,
    /// Makes a shared copy opened in this tab the user's own data, or goes back.
    KeepSharedCopy,
}

impl Notice {
    /// A notice without a download.
    pub fn new(key: &'static str, level: NoticeLevel, text: impl Into<String>) -> Self {
        Notice {
            key,
            level,
            text: text.into(),
            download: None,
            action: None,
        }
    }

    /// Adds a button.
    pub fn with_action(mut self, action: NoticeAction) -> Self {
        self.action = Some(action);
        self
    }

    /// Adds a file to download.
    pub fn with_download(mut self, name: impl Into<String>, content: String) -> Self {
        self.download = Some((name.into(), content));
        self
    }
}

/// The list of notices.
#[component]
pub fn Notices() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="notices" aria-live="polite" data-testid="notices">
            <For each=move || store.notices.get() key=|n| (n.key, n.text.clone()) let:notice>
                <NoticeView notice/>
            </For>
        </div>
    }
}

#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let store = use_store();
    let key = notice.key;
    let class = match notice.level {
        NoticeLevel::Info => "notice notice-info",
        NoticeLevel::Warning => "notice notice-warning",
        NoticeLevel::Error => "notice notice-error",
    };
    let role = if notice.level == NoticeLevel::Error {
        "alert"
    } else {
        "status"
    };
    let download = notice.download.map(|(name, content)| {
        let label = format!("Download {name}");
        view! {
            <button type="button" on:click=move |_| {
                if let Err(message) = files::download(&name, "application/json", &content) {
                    store.notify(Notice::new("download", NoticeLevel::Error, message));
                }
            }>{label}</button>
        }
    });
    let action = notice.action.map(|action| match action {
        NoticeAction::ReloadToUpdate => view! {
            <button type="button" class="primary" on:click=move |_| {
                // sw-register.js listens for this and hands over to the new version.
                if let Ok(event) = web_sys::Event::new("gtm-apply-update") {
                    let _ = window().dispatch_event(&event);
                }
            }>"Reload to update"</button>
        }
        .into_any(),
        NoticeAction::KeepSharedCopy => view! {
            <button type="button" class="primary" on:click=move |_| {
                store.save_mode.set(SaveMode::Saving);
                store.notices.update(|list| list.retain(|n| n.key != "shared-copy"));
                store.notify(Notice::new(
                    "share",
                    NoticeLevel::Info,
                    "The shared copy is now your data. Data → Undo last import or reset brings back what you had.",
                ));
            }>"Keep this copy as my data"</button>
            <button type="button" on:click=move |_| {
                if let Some(own) = store.previous.get_untracked() {
                    store.previous.set(None);
                    store.replace(own);
                }
                store.save_mode.set(SaveMode::Saving);
                store.notices.update(|list| list.retain(|n| n.key != "shared-copy"));
            }>"Back to my data"</button>
        }
        .into_any(),
    });
    view! {
        <div class=class role=role data-notice=key>
            <p>{notice.text}</p>
            {download}
            {action}
            <button type="button" class="notice-dismiss" aria-label="Dismiss this message"
                on:click=move |_| store.notices.update(|list| list.retain(|n| n.key != key))>
                "×"
            </button>
        </div>
    }
}
