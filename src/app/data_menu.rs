//! The Data menu: export the whole state as JSON, import it back, reset, and
//! undo the last import or reset. The menu closes when one of these has
//! done its work, so it does not cover the message it produced, and the
//! focus goes back to its "Data" button.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::share::ShareMenu;
use crate::components::confirm::ConfirmButton;
use crate::domain::state::AppState;
use crate::persist::{files, schema, storage};
use crate::state::notices::{Notice, NoticeKey, NoticeLevel};
use crate::state::{use_workbench, SaveMode};

/// The Data menu in the header.
#[component]
pub fn DataMenu() -> impl IntoView {
    let wb = use_workbench();
    let menu = NodeRef::<leptos::html::Details>::new();
    let summary = NodeRef::<leptos::html::Summary>::new();
    // Closes the menu and gives the focus back to its button.
    let close = move || {
        if let Some(details) = menu.get_untracked() {
            let _ = details.remove_attribute("open");
        }
        if let Some(button) = summary.get_untracked() {
            let _ = button.focus();
        }
    };

    let export = move |_| {
        let result = schema::encode(&wb.snapshot_untracked())
            .map_err(|e| e.to_string())
            .and_then(|raw| {
                let name = format!("gtm-workbench-{}.json", files::today());
                files::download(&name, "application/json", &raw)
            });
        if let Err(message) = result {
            wb.notify(Notice::new(
                NoticeKey::Export,
                NoticeLevel::Error,
                format!("Export failed: {message}"),
            ));
        }
        close();
    };

    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        let name = file.name();
        // Clear the picker so choosing the same file again fires `change`.
        input.set_value("");
        leptos::task::spawn_local(async move {
            let outcome = match files::read_text(file, schema::MAX_IMPORT_BYTES).await {
                Err(message) => Err(message),
                Ok(raw) => match super::reader::decode(&raw).await {
                    Ok(decoded) => decoded.map_err(|e| format!("{e}.")),
                    Err(super::reader::NotLoaded) => Err(
                        "the part of the app that reads files did not download; check the \
                         connection and try again."
                            .to_string(),
                    ),
                },
            };
            match outcome {
                Ok(state) => {
                    wb.previous.set(Some(wb.snapshot_untracked()));
                    wb.replace(state);
                    wb.notify(Notice::new(
                        NoticeKey::Import,
                        NoticeLevel::Info,
                        format!("Imported {name}. Data → Undo last import or reset brings back what you had."),
                    ));
                }
                Err(message) => wb.notify(Notice::new(
                    NoticeKey::Import,
                    NoticeLevel::Error,
                    format!("{name} was not imported, and nothing was changed: {message}"),
                )),
            }
            close();
        });
    };

    let reset = Callback::new(move |()| {
        wb.previous.set(Some(wb.snapshot_untracked()));
        wb.replace(AppState::default());
        // A reset is the person's own data from now on, also over a shared
        // copy or data this version could not read.
        if matches!(
            wb.save_mode.get_untracked(),
            SaveMode::Paused | SaveMode::SharedCopy
        ) {
            storage::clear_shared_copy();
            wb.dismiss(NoticeKey::SharedCopy);
            wb.save_mode.set(SaveMode::Saving);
        }
        wb.notify(Notice::new(
            NoticeKey::Import,
            NoticeLevel::Info,
            "Everything was reset to the defaults. Data → Undo last import or reset brings it back.",
        ));
        close();
    });

    let undo = move |_| {
        if let Some(previous) = wb.previous.get_untracked() {
            wb.previous.set(None);
            wb.replace(previous);
            wb.notify(Notice::new(
                NoticeKey::Import,
                NoticeLevel::Info,
                "Your previous data is back.",
            ));
        }
        close();
    };

    view! {
        <details class="data-menu" node_ref=menu>
            <summary node_ref=summary>"Data"</summary>
            <div class="menu-panel">
                <button type="button" on:click=export>"Export as JSON"</button>
                <label class="file-button">
                    "Import JSON…"
                    <input type="file" accept="application/json,.json" data-testid="import-file" on:change=import/>
                </label>
                <Show when=move || wb.previous.with(Option::is_some)>
                    <button type="button" on:click=undo>"Undo last import or reset"</button>
                </Show>
                <ShareMenu/>
                <ConfirmButton
                    button="Reset to defaults…"
                    label="Confirm reset"
                    question="Replace everything with the defaults?"
                    yes="Yes, reset"
                    on_confirm=reset
                    block=true
                />
            </div>
        </details>
    }
}
