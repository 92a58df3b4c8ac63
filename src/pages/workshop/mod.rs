//! The Workshop workspace (`/workshop`).

use leptos::prelude::*;

/// The Workshop page.
#[component]
pub fn WorkshopPage() -> impl IntoView {
    view! { <section class="page"><h1>"Workshop"</h1></section> }
}
