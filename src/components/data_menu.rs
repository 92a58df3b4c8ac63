//! The Data menu: export the whole state as JSON, import it back, reset, and
//! undo the last import or reset.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::{use_store, SaveMode};
use crate::components::notices::{Notice, NoticeLevel};
use crate::components::share::ShareMenu;
use crate::domain::state::AppState;
use crate::persist::{files, schema};

/// The Data menu in the header.
#[component]
pub fn DataMenu() -> impl IntoView {
    let store = use_store();
    let confirming_reset = RwSignal::new(false);

    let export = move |_| {
        let result = schema::encode(&store.snapshot_untracked())
            .map_err(|e| e.to_string())
            .and_then(|raw| {
                let name = format!("gtm-workbench-{}.json", files::today());
                files::download(&name, "application/json", &raw)
            });
        if let Err(message) = result {
            store.notify(Notice::new(
                "export",
                NoticeLevel::Error,
                format!("Export failed: {message}"),
            ));
        }
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
            let outcome = files::read_text(file, schema::MAX_IMPORT_BYTES)
                .await
                .and_then(|raw| schema::decode(&raw).map_err(|e| format!("{e}.")));
            match outcome {
                Ok(state) => {
                    store.previous.set(Some(store.snapshot_untracked()));
                    store.replace(state);
                    store.notify(Notice::new(
                        "import",
                        NoticeLevel::Info,
                        format!("Imported {name}. Data → Undo last import or reset brings back what you had."),
                    ));
                }
                Err(message) => store.notify(Notice::new(
                    "import",
                    NoticeLevel::Error,
                    format!("{name} was not imported, and nothing was changed: {message}"),
                )),
            }
        });
    };

    let reset = move |_| {
        store.previous.set(Some(store.snapshot_untracked()));
        store.replace(AppState::default());
        if store.save_mode.get_untracked() == SaveMode::Paused {
            store.save_mode.set(SaveMode::Saving);
        }
        confirming_reset.set(false);
        store.notify(Notice::new(
            "import",
            NoticeLevel::Info,
            "Everything was reset to the defaults. Data → Undo last import or reset brings it back.",
        ));
    };

    let undo = move |_| {
        if let Some(previous) = store.previous.get_untracked() {
            store.previous.set(None);
            store.replace(previous);
            store.notify(Notice::new(
                "import",
                NoticeLevel::Info,
                "Your previous data is back.",
            ));
        }
    };

    view! {
        <details class="data-menu">
            <summary>"Data"</summary>
            <div class="menu-panel">
                <button type="button" on:click=export>"Export as JSON"</button>
                <label class="file-button">
                    "Import JSON…"
                    <input type="file" accept="application/json,.json" data-testid="import-file" on:change=import/>
                </label>
                <Show when=move || store.previous.with(Option::is_some)>
                    <button type="button" on:click=undo>"Undo last import or reset"</button>
                </Show>
                <ShareMenu/>
                <Show
                    when=move || confirming_reset.get()
                    fallback=move || view! {
                        <button type="button" on:click=move |_| confirming_reset.set(true)>
                            "Reset to defaults…"
                        </button>
                    }
                >
                    <div class="confirm" role="group" aria-label="Confirm reset">
                        <p>"Replace everything with the defaults?"</p>
                        <button type="button" class="danger" on:click=reset>"Yes, reset"</button>
                        <button type="button" on:click=move |_| confirming_reset.set(false)>"Cancel"</button>
                    </div>
                </Show>
            </div>
        </details>
    }
}
