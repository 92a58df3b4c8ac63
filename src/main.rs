//! Entry point: mounts the app over the static first paint.

use gtm_workbench::app::App;
use leptos::prelude::*;

fn main() {
    console_error_panic_hook::set_once();
    // The loading line in index.html goes once the app is ready to draw.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
