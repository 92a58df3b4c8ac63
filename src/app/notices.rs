//! The notices under the header, drawn: each can be dismissed; some offer
//! a file to download or a button. What they hold is
//! [`crate::state::notices`].

use leptos::prelude::*;

use crate::components::focus::focus_after_frame;
use crate::persist::{files, storage};
use crate::state::history::{redo_and_tell, undo_and_tell};
use crate::state::notices::{Notice, NoticeAction, NoticeKey, NoticeLevel};
use crate::state::{use_workbench, SaveMode};

/// The list of notices. Those of the undo history ("Preset applied —
/// Undo") show at the bottom of the window, where they can be seen from
/// anywhere on a long page, and only while their step is the one their
/// button would undo or redo; the others show under the header.
#[component]
pub fn Notices() -> impl IntoView {
    let wb = use_workbench();
    let status = Memo::new(move |_| wb.history.status());
    let applies = move |n: &Notice| match n.action {
        Some(NoticeAction::Undo(id)) => {
            status.with(|s| s.undo.as_ref().is_some_and(|u| u.id == id))
        }
        Some(NoticeAction::Redo(id)) => {
            status.with(|s| s.redo.as_ref().is_some_and(|r| r.id == id))
        }
        _ => false,
    };
    let plain = move || {
        wb.notices
            .get()
            .into_iter()
            .filter(|n| n.history_step().is_none())
            .collect::<Vec<_>>()
    };
    let toasts = move || {
        wb.notices
            .get()
            .into_iter()
            .filter(|n| applies(n))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="notices" aria-live="polite" data-testid="notices">
            <For each=plain key=|n| (n.key, n.text.clone()) let:notice>
                <NoticeView notice/>
            </For>
            <div class="toasts">
                <For each=toasts key=|n| (n.key, n.text.clone(), n.action) let:notice>
                    <NoticeView notice/>
                </For>
            </div>
        </div>
    }
}

#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let wb = use_workbench();
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
                    wb.notify(Notice::new(NoticeKey::Download, NoticeLevel::Error, message));
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
                storage::clear_shared_copy();
                wb.save_mode.set(SaveMode::Saving);
                wb.notices.update(|list| list.retain(|n| n.key != NoticeKey::SharedCopy));
                wb.notify(Notice::new(
                    NoticeKey::Share,
                    NoticeLevel::Info,
                    "The shared copy is now your data. Data → Undo last import or reset brings back what you had.",
                ));
            }>"Keep this copy as my data"</button>
            <button type="button" on:click=move |_| {
                storage::clear_shared_copy();
                if let Some(own) = wb.previous.get_untracked() {
                    wb.previous.set(None);
                    wb.replace(own);
                }
                wb.save_mode.set(SaveMode::Saving);
                wb.notices.update(|list| list.retain(|n| n.key != NoticeKey::SharedCopy));
            }>"Back to my data"</button>
        }
        .into_any(),
        NoticeAction::Undo(_) => view! {
            <button type="button" class="primary" id="notice-undo" on:click=move |_| {
                if undo_and_tell(wb).is_some() {
                    focus_after_frame("notice-redo");
                }
            }>"Undo"</button>
        }
        .into_any(),
        NoticeAction::Redo(_) => view! {
            <button type="button" id="notice-redo" on:click=move |_| {
                if redo_and_tell(wb).is_some() {
                    focus_after_frame("notice-undo");
                }
            }>"Redo"</button>
        }
        .into_any(),
    });
    view! {
        <div class=class role=role data-notice=key.slug()>
            <p>{notice.text}</p>
            {download}
            {action}
            <button type="button" class="notice-dismiss" aria-label="Dismiss this message"
                on:click=move |_| wb.notices.update(|list| list.retain(|n| n.key != key))>
                "×"
            </button>
        </div>
    }
}
