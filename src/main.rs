//! Entry point: mounts the app over the static first paint.

use gtm_workbench::app::{reader, App};
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // Saved data is read by a chunk of its own, fetched first when there is
    // some. The loading line in index.html goes once the app is ready to draw.
    reader::start(|| {
        if let Some(boot) = document().get_element_by_id("boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(App);
    });
}
