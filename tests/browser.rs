//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test): real local storage, real DOM, real events.
//!
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`
//! (`make test` does).
#![cfg(target_arch = "wasm32")]
// Helpers outside #[test] functions unwrap too: a panic there fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gtm_workbench::app::App;
use gtm_workbench::persist::schema;
use gtm_workbench::persist::storage::{self, LoadProblem, BACKUP_KEY, KEY};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    storage::local_storage().expect("the test browser has local storage")
}

fn clear() {
    let s = local();
    s.clear().expect("storage clears");
}

/// Mounts the whole app in a fresh container; returns the container.
fn mount_app() -> web_sys::HtmlElement {
    let doc = document();
    let container: web_sys::HtmlElement = doc
        .create_element("div")
        .expect("div")
        .dyn_into()
        .expect("html element");
    doc.body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    let handle = leptos::mount::mount_to(container.clone(), App);
    handle.forget();
    container
}

#[wasm_bindgen_test]
fn load_with_nothing_stored_gives_defaults_and_no_problem() {
    clear();
    let loaded = storage::load(Some(schema::decode));
    assert_eq!(loaded.state, Default::default());
    assert_eq!(loaded.problem, None);
}

#[wasm_bindgen_test]
fn load_moves_unreadable_data_to_the_backup_key() {
    clear();
    local()
        .set_item(KEY, "{\"version\":1,\"data\":")
        .expect("write");
    let loaded = storage::load(Some(schema::decode));
    assert!(matches!(
        loaded.problem,
        Some(LoadProblem::Unreadable {
            backed_up: true,
            ..
        })
    ));
    assert_eq!(
        local().get_item(BACKUP_KEY).expect("read"),
        Some("{\"version\":1,\"data\":".to_string())
    );
    assert_eq!(local().get_item(KEY).expect("read"), None);
}

#[wasm_bindgen_test]
fn load_leaves_newer_data_untouched() {
    clear();
    let newer = r#"{"version":42,"data":{"x":1}}"#;
    local().set_item(KEY, newer).expect("write");
    let loaded = storage::load(Some(schema::decode));
    assert_eq!(loaded.problem, Some(LoadProblem::Newer { version: 42 }));
    assert_eq!(local().get_item(KEY).expect("read").as_deref(), Some(newer));
    assert_eq!(local().get_item(BACKUP_KEY).expect("read"), None);
}

#[wasm_bindgen_test]
fn without_the_reader_stored_data_is_left_untouched_and_not_saved_over() {
    clear();
    let raw = schema::encode(&Default::default()).expect("the defaults encode");
    local().set_item(KEY, &raw).expect("write");
    let loaded = storage::load(None);
    assert_eq!(loaded.problem, Some(LoadProblem::NoReader));
    assert_eq!(loaded.raw.as_deref(), Some(raw.as_str()));
    assert_eq!(
        local().get_item(KEY).expect("read").as_deref(),
        Some(raw.as_str())
    );
    assert_eq!(local().get_item(BACKUP_KEY).expect("read"), None);
}

#[wasm_bindgen_test]
async fn the_app_mounts_with_navigation_and_a_notice_for_unreadable_data() {
    clear();
    local().set_item(KEY, "not json").expect("write");
    let container = mount_app();
    leptos::task::tick().await;
    let nav = container
        .query_selector("nav[aria-label='Workspaces']")
        .expect("query")
        .expect("the navigation is rendered");
    assert_eq!(nav.query_selector_all("a").expect("links").length(), 6);
    let notice = container
        .query_selector("[data-notice='unreadable']")
        .expect("query")
        .expect("the unreadable notice is shown");
    assert!(notice
        .text_content()
        .unwrap_or_default()
        .contains("could not be read"));
    container.remove();
}

/// "Try with sample data" imports what the app writes in the browser: the
/// generator must give, in WebAssembly, the very bytes of the file the
/// native tests check and the end-to-end tests upload (its random draws go
/// through `ln` and `powi`, whose wasm implementations are not the host's).
#[wasm_bindgen_test]
fn the_sample_written_in_the_browser_is_the_committed_file() {
    let file: &[u8] = include_bytes!("fixtures/measure/sample-subscriptions.csv");
    let made = gtm_workbench::domain::measure::sample::sample_csv();
    assert_eq!(made.len(), file.len());
    assert!(made == file, "the wasm generator differs from the file");
}
